#include "import/parse/paragraph_joiner.h"

#include "import/parse/line_kinds.h"

namespace lienthong::parse {
namespace {

bool EndsSentence(std::string_view text) {
  if (text.empty()) return true;
  const char c = text.back();
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// "Họ và tên chuyên viên trình: …", "Kính gửi: …": a short capitalised label and a colon start a
// field of a form, never the continuation of a sentence.
bool IsFieldLine(const Line& l) {
  const size_t colon = l.key.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40 || !StartsUpper(l.text)) return false;
  return KeyWords(std::string_view(l.key).substr(0, colon)).size() <= 6;
}

// A line ending in a word that cannot end a sentence or a heading ("… thống nhất với", "… của",
// "… và") was wrapped: what follows continues it whatever its case.
bool EndsWithJoiningWord(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "với", "của", "và", "các", "những", "để", "về", "cho", "trong", "theo", "tại", "là",
      "được", "có", "từ", "đến", "một", "nhằm", "bằng", "như", "do", "bởi", "trên", "giữa",
      "hoặc", "hay", "mà", "thì", "sẽ", "đã", "đang", "vào", "qua", "việc", "cùng"};
  const size_t space = text.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view last = text.substr(space + 1);
  for (std::string_view w : kWords) {
    if (last == w) return true;
  }
  return false;
}

// A line ending in a capitalised unit head with nothing after it ("4.6. Văn phòng" / "Trung ương
// Đảng phối hợp …") was wrapped inside the name.
bool EndsWithOpenName(const Line& l) {
  const std::vector<KeyWord> words = KeyWords(l.key);
  for (size_t n = 1; n <= 2 && n <= words.size(); ++n) {
    const KeyWord& first = words[words.size() - n];
    const std::string_view tail = std::string_view(l.key).substr(first.begin);
    if (UnitHeadLength(tail, 0) == tail.size() && tail != "cac" &&
        StartsUpper(SliceByCodePoints(l.text, first.begin, l.key.size()))) {
      return true;
    }
  }
  return false;
}

bool StartsStructure(const Line& l) {
  return IsFieldLine(l) || ParseItemLabel(l).kind != Numbering::kNone || l.MostlyUpper() ||
         IsPreambleStart(l.key) || MatchNoiNhan(l.key) != kNpos || IsSigningPrefixLine(l) ||
         LooksLikePersonName(l.text) || IsRuleLine(l.key);
}

}  // namespace

std::vector<Line> JoinParagraphs(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<Line> out;
  out.reserve(end > begin ? end - begin : 0);
  bool prev_heading = true;  // the previous kept line is a heading (never continued by case alone)
  bool prev_bare_label = false;  // the previous kept line is an item label alone ("I.", "2.")
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const Line& l = lines[i];
    const ItemLabel label = l.IsTableRow() ? ItemLabel{} : ParseItemLabel(l);
    const bool bare_label = IsBareItemLabel(l);
    if (l.IsTableRow() || out.empty() || out.back().IsTableRow() || bare_label) {
      out.push_back(l);
      prev_heading = !l.IsTableRow() && (label.kind == Numbering::kArabic ||
                                         label.kind == Numbering::kRoman || l.MostlyUpper());
      prev_bare_label = bare_label;
      continue;
    }
    Line& p = out.back();
    // Why: a label set apart from its text (a tab stop or a hanging indent that a PDF's or a web
    // page's text breaks into two lines: "I." / "MỤC ĐÍCH, YÊU CẦU") still labels it.
    if (prev_bare_label && label.kind == Numbering::kNone) {
      p.Append(l);
      prev_bare_label = false;
      const Numbering kind = ParseItemLabel(p).kind;
      prev_heading = kind == Numbering::kArabic || kind == Numbering::kRoman ||
                     kind == Numbering::kLetter || p.MostlyUpper();
      continue;
    }
    bool join = false;
    // A line that starts in lower case or with a digit ("2026." after "… nhiệm vụ năm") goes on
    // with the sentence before it.
    const bool digit_start = !l.text.empty() && l.text[0] >= '0' && l.text[0] <= '9';
    if (label.kind == Numbering::kNone && (StartsLower(l.text) || digit_start) && !l.MostlyUpper()) {
      join = true;
    } else if (ContinuesYearRange(p.key, l.key)) {
      join = true;
    } else if (!EndsSentence(p.text) &&
               (!prev_heading || EndsWithJoiningWord(p.text) || EndsWithOpenName(p) ||
                p.text.back() == ',') &&  // no heading ends with a comma
               !StartsStructure(l)) {
      join = true;
    }
    if (join) {
      p.Append(l);
      p.bold = p.bold && l.bold;
      continue;
    }
    out.push_back(l);
    prev_heading = label.kind == Numbering::kArabic || label.kind == Numbering::kRoman ||
                   label.kind == Numbering::kLetter || l.MostlyUpper();
    prev_bare_label = bare_label;
  }
  return out;
}

}  // namespace lienthong::parse
