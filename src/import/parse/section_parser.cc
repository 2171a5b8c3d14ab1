#include "import/parse/section_parser.h"

#include <algorithm>
#include <array>
#include <functional>

#include "import/parse/unit_list.h"

namespace lienthong::parse {
namespace {

// Chapters and Roman parts, then articles ("Điều 5."), then "1.", "1.1.", "a)", "-", "+".
int LevelOf(const ItemLabel& label) {
  switch (label.kind) {
    case Numbering::kRoman:
    case Numbering::kChapter: return 1;
    case Numbering::kArticle: return 2;
    case Numbering::kArabic: return 2 + label.depth;
    case Numbering::kLetter: return 7;
    case Numbering::kDash: return 8;
    case Numbering::kPlus: return 9;
    default: return 0;
  }
}

bool IsPart(Numbering kind) { return kind == Numbering::kRoman || kind == Numbering::kChapter; }

// "TỔ CHỨC THỰC HIỆN (Chi tiết … kèm theo)" -> "TỔ CHỨC THỰC HIỆN": a lower-case note after a
// caps heading is a remark, not part of the heading.
std::string CleanHeading(std::string title) {
  title = TrimChars(title, " :.");
  const size_t open = title.find('(');
  if (open != std::string::npos && open > 0) {
    const std::string head = Trim(title.substr(0, open));
    if (IsMostlyUpper(head) && !IsMostlyUpper(title.substr(open))) title = TrimChars(head, " :.,");
  }
  return title;
}

// The heading of a top-level "1." item when a document has no Roman parts: its label before a
// colon ("Thời gian kiểm tra: Ngày …", "Giảm tối đa số trẻ bị bỏ rơi mới: Đây là …"), else its
// first sentence or the whole item when short. A long numbered paragraph ("1. Cơ bản thống nhất
// với Báo cáo của Ban Tổ chức Trung ương về …") has no heading: "" (it is not a section).
std::string RunInHeading(const std::string& title) {
  constexpr size_t kMaxHeadingWords = 25;
  const size_t colon = title.find(':');
  if (colon != std::string::npos && KeyWords(FoldKey(title.substr(0, colon))).size() <= kMaxHeadingWords) {
    return TrimChars(title.substr(0, colon), " :.");
  }
  const size_t stop = title.find(". ");
  const std::string first = stop == std::string::npos ? title : title.substr(0, stop);
  // A whole item that is one sentence is a numbered paragraph; one that assigns work ("Yêu cầu
  // Ban X rà soát …") is a decision, not a heading.
  if (stop == std::string::npos && !title.empty() && title.back() == '.') return "";
  if (FindAssignment(first).addressed) return "";
  if (KeyWords(FoldKey(first)).size() <= kMaxHeadingWords) return TrimChars(first, " :.");
  return "";
}

// A table row goes to the table block of its table, started when the last block is not it.
void AddTableRow(const Line& row, std::vector<TextBlock>* blocks, int* last_table) {
  if (blocks->empty() || blocks->back().rows.empty() || *last_table != row.table_index) {
    blocks->emplace_back();
  }
  blocks->back().rows.push_back(row.cells);
  *last_table = row.table_index;
}

// "ĐÁNH GIÁ TÌNH HÌNH SAU MƯA LŨ Sau đợt mưa lũ …": a part's caps heading run into its first
// sentence (a line break lost). The code point where the caps words end, or npos when the title
// is not two or more caps words followed by more text.
size_t CapsHeadingEnd(std::string_view title) {
  const std::string key = FoldKey(title);
  size_t end = std::string::npos;
  int caps_words = 0;
  for (const KeyWord& w : KeyWords(key)) {
    const LetterStats s = CountLetters(SliceByCodePoints(title, w.begin, w.end));
    if (s.letters > 0 && s.upper != s.letters) return caps_words >= 2 ? end : std::string::npos;
    if (s.letters > 0) ++caps_words;
    end = w.end;
  }
  return std::string::npos;
}

// Per line of `body`: whether its Roman label heads a part. A part's title is printed in capitals;
// one in sentence case still heads a part when the Roman numbers run on through it ("III. KINH PHÍ"
// then "IV. Tổ chức thực hiện."; "I. Mục đích" then "II. Nội dung"): a web page that set its
// headings in capitals by style, or a writer's habit. A lone "I." before "2." is OCR's "1.".
std::vector<char> RomanParts(std::span<const Line> body) {
  std::vector<char> parts(body.size(), 0);
  std::vector<std::pair<size_t, int>> romans;  // line, value
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i].IsTableRow()) continue;
    const ItemLabel label = ParseItemLabel(body[i]);
    if (label.kind == Numbering::kChapter) parts[i] = 1;
    if (label.kind != Numbering::kRoman) continue;
    romans.push_back({i, RomanValue(label.label)});
    parts[i] = IsRomanHeadingLine(body[i]);
  }
  for (size_t k = 0; k < romans.size(); ++k) {
    const int v = romans[k].second;
    const bool after = k > 0 && v > 0 && romans[k - 1].second == v - 1;
    const bool before = k + 1 < romans.size() && v > 0 && romans[k + 1].second == v + 1;
    if (after || before) parts[romans[k].first] = 1;
  }
  return parts;
}

}  // namespace

Outline BuildOutline(std::span<const Line> body) {
  Outline o;
  std::vector<int> stack;
  const std::vector<char> roman_parts = RomanParts(body);
  const bool any_roman = std::find(roman_parts.begin(), roman_parts.end(), 1) != roman_parts.end();
  int last_roman = -1;
  int last_table = -1;  // table_index of the table block the current item's rows go to
  for (size_t i = 0; i < body.size(); ++i) {
    const Line& l = body[i];
    if (l.IsTableRow()) {
      if (!stack.empty()) AddTableRow(l, &o.nodes[stack.back()].blocks, &last_table);
      continue;
    }
    last_table = -1;
    ItemLabel label = ParseItemLabel(l);
    std::string title = label.kind == Numbering::kNone
                            ? l.text
                            : Trim(SliceByCodePoints(l.text, label.text_begin, l.key.size()));
    if (label.kind == Numbering::kRoman && !roman_parts[i]) label.kind = Numbering::kNone;
    std::string run_in;  // the first sentence a part's caps heading ran into
    if (label.kind == Numbering::kRoman && !IsCapsHeadingTitle(title)) {
      const size_t caps_end = CapsHeadingEnd(title);
      if (caps_end != std::string::npos) {
        run_in = Trim(SliceByCodePoints(title, caps_end, CodePointCount(title)));
        title = Trim(SliceByCodePoints(title, 0, caps_end));
      }
    }
    // A caps line right after a Roman heading continues its title ("… VÀ LỘ" / "TRÌNH THỰC HIỆN");
    // a chapter printed alone ("Chương II") has its title on the next line.
    if (label.kind == Numbering::kNone && last_roman >= 0 && !stack.empty() &&
        stack.back() == last_roman && o.nodes[last_roman].body.empty() &&
        o.nodes[last_roman].children.empty() && l.MostlyUpper() && l.text.size() < 80) {
      std::string& heading = o.nodes[last_roman].title;
      heading += heading.empty() ? l.text : " " + l.text;
      continue;
    }
    if (label.kind == Numbering::kNone) {
      if (!stack.empty()) {
        o.nodes[stack.back()].body.push_back(l.text);
        o.nodes[stack.back()].blocks.push_back(TextBlock{l.text, {}});
      }
      continue;
    }
    OutlineNode n;
    n.kind = label.kind;
    n.label = label.label;
    n.level = LevelOf(label);
    n.title = std::move(title);
    n.line = l.pos.line;
    while (!stack.empty() && o.nodes[stack.back()].level >= n.level) stack.pop_back();
    const int idx = static_cast<int>(o.nodes.size());
    n.parent = stack.empty() ? -1 : stack.back();
    o.nodes.push_back(std::move(n));
    if (o.nodes[idx].parent >= 0) o.nodes[o.nodes[idx].parent].children.push_back(idx);
    stack.push_back(idx);
    if (IsPart(o.nodes[idx].kind)) last_roman = idx;
    if (!run_in.empty()) {
      o.nodes[idx].body.push_back(run_in);
      o.nodes[idx].blocks.push_back(TextBlock{run_in, {}});
    }
  }
  for (size_t i = 0; i < o.nodes.size(); ++i) {
    OutlineNode& n = o.nodes[i];
    if (IsPart(n.kind)) n.title = CleanHeading(n.title);
    const bool top = any_roman ? IsPart(n.kind)
                               : (n.kind == Numbering::kArabic && n.parent < 0 &&
                                  n.label.find('.') == std::string::npos);
    if (top) o.top.push_back(static_cast<int>(i));
  }
  if (!any_roman) {
    std::vector<int> headed;
    for (int t : o.top) {
      OutlineNode& n = o.nodes[t];
      std::string heading = RunInHeading(n.title);
      if (heading.empty()) continue;
      // What follows a run-in heading on its line is the section's first paragraph: kept.
      std::string rest;
      if (n.title.size() > heading.size()) rest = n.title.substr(heading.size());
      rest.erase(0, rest.find_first_not_of(" :.*"));
      if (n.title.rfind(heading, 0) == 0 && !rest.empty()) {
        n.body.insert(n.body.begin(), rest);
        n.blocks.insert(n.blocks.begin(), TextBlock{rest, {}});
      }
      n.title = std::move(heading);
      headed.push_back(t);
    }
    o.top = std::move(headed);
  }
  return o;
}

std::vector<TextBlock> TextBlocks(std::span<const Line> lines) {
  std::vector<TextBlock> out;
  int last_table = -1;
  for (const Line& l : lines) {
    if (l.IsTableRow()) {
      AddTableRow(l, &out, &last_table);
    } else {
      out.push_back(TextBlock{l.text, {}});
      last_table = -1;
    }
  }
  return out;
}

std::vector<Section> ToSections(const Outline& o) {
  std::function<Section(int, int)> convert = [&](int idx, int depth) {
    const OutlineNode& n = o.nodes[idx];
    Section s;
    s.label = n.label;
    s.title = n.title;
    for (const std::string& b : n.body) {
      if (!s.body.empty()) s.body += "\n";
      s.body += b;
    }
    s.blocks = n.blocks;
    if (depth < 12) {
      for (int c : n.children) s.children.push_back(convert(c, depth + 1));
    }
    return s;
  };
  std::vector<Section> out;
  for (int t : o.top) out.push_back(convert(t, 0));
  return out;
}

int FindTopSection(const Outline& o, std::initializer_list<std::string_view> keys) {
  for (int t : o.top) {
    const std::string k = FoldKey(o.nodes[t].title);
    for (std::string_view key : keys) {
      if (KeyStartsWith(k, key) || KeyFind(k, key) != kNpos) return t;
    }
  }
  return -1;
}

std::optional<int> CountContentItems(const Outline& o, std::vector<ContentTheme>* themes) {
  int section = -1;
  for (int t : o.top) {
    if (KeyStartsWith(FoldKey(o.nodes[t].title), "noi dung")) {
      section = t;
      break;
    }
  }
  if (section < 0) return std::nullopt;
  int count = 0;
  for (int c : o.nodes[section].children) {
    const OutlineNode& n = o.nodes[c];
    if (n.kind != Numbering::kArabic && n.kind != Numbering::kLetter) continue;
    ++count;
    ContentTheme theme;
    theme.label = n.label;
    theme.title = n.title;
    theme.text = n.title;
    for (const std::string& b : n.body) theme.text += "\n" + b;
    themes->push_back(std::move(theme));
  }
  return count;
}

std::vector<Channel> ExtractChannels(const Outline& o) {
  int section = -1;
  for (int t : o.top) {
    const std::string k = FoldKey(o.nodes[t].title);
    if (KeyStartsWith(k, "hinh thuc") || KeyFind(k, "kenh") != kNpos) {
      section = t;
      break;
    }
  }
  std::vector<Channel> out;
  if (section < 0) return out;
  struct Code {
    std::string_view key;
    std::string_view code;
  };
  // Why these words: the channel families plans name (press, radio/TV, online, grassroots, events).
  static constexpr std::array<Code, 12> kCodes = {{
      {"mang xa hoi", "social"},   {"nen tang so", "social"},    {"fanpage", "social"},
      {"trang thong tin", "social"}, {"truyen thanh", "grassroots"}, {"co so", "grassroots"},
      {"phat thanh", "broadcast"}, {"truyen hinh", "broadcast"}, {"bao chi", "press"},
      {"bao ", "press"},           {"hoi nghi", "conference"},   {"truc quan", "grassroots"},
  }};
  for (int c : o.nodes[section].children) {
    const OutlineNode& n = o.nodes[c];
    if (n.kind != Numbering::kArabic && n.kind != Numbering::kLetter) continue;
    const std::string k = FoldKey(n.title);
    std::string code = "other";
    for (const Code& cd : kCodes) {
      if (k.find(cd.key) != std::string::npos) {
        code = std::string(cd.code);
        break;
      }
    }
    out.push_back(Channel{code, n.title});
  }
  return out;
}

}  // namespace lienthong::parse
