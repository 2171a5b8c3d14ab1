#include "import/parse/line_kinds.h"

#include <array>
#include <string>
#include <vector>

namespace lienthong::parse {
namespace {

bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

bool IsSigningPrefixLine(const Line& line) {
  const std::string_view key = line.key;
  static constexpr std::array<std::string_view, 12> kPrefixes = {
      "tm.", "t/m", "t.m", "tm ", "kt.", "k/t", "k.t", "tl.", "t/l", "tuq.", "q.", "kt "};
  size_t i = 0;
  while (i < key.size() && key[i] == ' ') ++i;
  const std::string_view rest = key.substr(i);
  for (std::string_view p : kPrefixes) {
    if (rest.substr(0, p.size()) != p) continue;
    const std::string_view after_text = SliceByCodePoints(line.text, i + p.size(), line.key.size());
    // Why: the prefix is followed by a caps authority ("TM. ỦY BAN NHÂN DÂN").
    const LetterStats prefix = CountLetters(SliceByCodePoints(line.text, i, i + p.size()));
    return IsMostlyUpper(after_text) && prefix.letters > 0 && prefix.upper == prefix.letters;
  }
  return false;
}

size_t MatchNoiNhan(std::string_view key) {
  size_t i = 0;
  while (i < key.size() && (key[i] == ' ' || key[i] == '#' || key[i] == '*' || key[i] == '_')) ++i;
  // "Nơi"; OCR drops or swaps a letter ("Ni nhận", "Noi nhén").
  const size_t w = i;
  while (i < key.size() && key[i] >= 'a' && key[i] <= 'z') ++i;
  if (key[w] != 'n' || i - w < 2 || i - w > 3) return kNpos;
  while (i < key.size() && key[i] == ' ') ++i;
  // "nhận"; OCR "nhén".
  if (key.substr(i, 2) != "nh") return kNpos;
  while (i < key.size() && IsLetter(key[i])) ++i;
  while (i < key.size() && (key[i] == ' ' || key[i] == '*' || key[i] == '_')) ++i;
  if (i >= key.size() || key[i] != ':') {
    // A bare "Nơi nhận" line (the colon lost) is accepted only when nothing follows.
    return i >= key.size() ? i : kNpos;
  }
  return i + 1;
}

namespace {
std::string_view SkipBullet(std::string_view key) {
  size_t i = 0;
  while (i < key.size() && (key[i] == ' ' || key[i] == '-' || key[i] == '+' || key[i] == '*' ||
                            key[i] == '\x1a')) {
    ++i;
  }
  return key.substr(i);
}
}  // namespace

bool IsPreambleStart(std::string_view key) {
  const std::string_view k = SkipBullet(key);
  return KeyStartsWith(k, "can cu") || KeyStartsWith(k, "thuc hien") ||
         KeyStartsWith(k, "trien khai thuc hien") || KeyStartsWith(k, "thi hanh");
}

bool IsThucHien(std::string_view key) {
  const std::string_view k = SkipBullet(key);
  return KeyStartsWith(k, "thuc hien") || KeyStartsWith(k, "trien khai thuc hien") ||
         KeyStartsWith(k, "thi hanh");
}

bool IssuesAttachedPlan(std::string_view key) {
  const size_t k = KeyFind(key, "kem theo");
  if (k == kNpos) return false;
  const std::string_view rest = key.substr(k, 60);
  for (std::string_view w : {"quyet dinh nay", "nghi quyet nay", "chi thi nay"}) {
    if (rest.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool IsRuleLine(std::string_view key) {
  int marks = 0;
  for (char c : key) {
    if (c == '-' || c == '_' || c == '*' || c == '=' || c == '\x1a') {
      ++marks;
    } else if (c != ' ') {
      return false;
    }
  }
  return marks >= 1;
}

bool IsSignedNote(std::string_view key) {
  std::string t = TrimChars(key, "");
  if (t.size() < 4 || t.front() != '(' || t.back() != ')') return false;
  return t.find("ky") != std::string::npos;
}

int RomanValue(std::string_view s) {
  static constexpr std::string_view kRomans[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII",
                                                 "IX", "X", "XI", "XII", "XIII", "XIV", "XV"};
  for (size_t i = 0; i < std::size(kRomans); ++i) {
    if (s == kRomans[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool IsCapsHeadingTitle(std::string_view title) {
  const size_t open = title.find('(');
  if (open != std::string_view::npos && open > 0 && IsMostlyUpper(title.substr(0, open))) return true;
  return IsMostlyUpper(title);
}

bool IsRomanHeadingLine(const Line& line) {
  const ItemLabel label = ParseItemLabel(line);
  if (label.kind == Numbering::kChapter) return true;
  return label.kind == Numbering::kRoman &&
         IsCapsHeadingTitle(SliceByCodePoints(line.text, label.text_begin, line.key.size()));
}

namespace {

bool IsRomanNumeral(std::string_view w) {
  if (w.empty() || w.size() > 6) return false;
  for (char c : w) {
    if (c != 'i' && c != 'v' && c != 'x' && c != 'l') return false;
  }
  return true;
}

// "Chương II", "CHƯƠNG 2", "Phần I", "PHẦN THỨ HAI" (+ an optional "." / ":" / "-" and title),
// and "Điều 21." / "Điều 21:" (+ title), at code point `i` of `line`.
ItemLabel ParseChapterOrArticle(const Line& line, size_t i) {
  ItemLabel l;
  const std::string_view key = std::string_view(line.key).substr(i);
  const bool chapter = KeyStartsWith(key, "chuong") || KeyStartsWith(key, "phan");
  const bool article = KeyStartsWith(key, "dieu");
  if (!chapter && !article) return l;
  // The word must be capitalised: "phần", "điều" in running text are not labels.
  if (!StartsUpper(SliceByCodePoints(line.text, i, line.key.size()))) return l;
  const std::vector<KeyWord> words = KeyWords(key);
  if (words.size() < 2) return l;
  size_t num = 1;
  if (chapter && words[1].text == "thu" && words.size() >= 3) num = 2;  // "Phần thứ nhất"
  const std::string_view n = words[num].text;
  const bool digits = !n.empty() && n.size() <= 3 && n.find_first_not_of("0123456789") == std::string_view::npos;
  if (article ? !digits : !(digits || IsRomanNumeral(n) || num == 2)) return l;
  size_t k = words[num].end;
  if (article && (k >= key.size() || (key[k] != '.' && key[k] != ':'))) return l;
  while (k < key.size() && (key[k] == '.' || key[k] == ':' || key[k] == '-' || key[k] == ' ')) ++k;
  l.kind = article ? Numbering::kArticle : Numbering::kChapter;
  l.label = std::string(SliceByCodePoints(line.text, i + words[num].begin, i + words[num].end));
  l.text_begin = i + k;
  return l;
}

}  // namespace

namespace {

// Where a year (19xx, 20xx) of four digits starts `key` at `at`, followed by no further digit.
bool YearAt(std::string_view key, size_t at) {
  if (at + 4 > key.size()) return false;
  for (size_t k = at; k < at + 4; ++k) {
    if (key[k] < '0' || key[k] > '9') return false;
  }
  if (key.substr(at, 2) != "19" && key.substr(at, 2) != "20") return false;
  return at + 4 == key.size() || key[at + 4] < '0' || key[at + 4] > '9';
}

}  // namespace

bool ContinuesYearRange(std::string_view previous_key, std::string_view key) {
  while (!previous_key.empty() && previous_key.back() == ' ') previous_key.remove_suffix(1);
  if (previous_key.size() < 4 || !YearAt(previous_key, previous_key.size() - 4)) return false;
  if (previous_key.size() > 4 && previous_key[previous_key.size() - 5] != ' ') return false;
  size_t i = 0;
  while (i < key.size() && key[i] == ' ') ++i;
  if (i >= key.size() || key[i] != '-') return false;
  ++i;
  while (i < key.size() && key[i] == ' ') ++i;
  if (!YearAt(key, i)) return false;
  const size_t after = i + 4;
  return after >= key.size() || key[after] != ':';
}

bool IsBareItemLabel(const Line& line) {
  constexpr size_t kMaxLabel = 8;  // "IV.", "1.2.3.", "a)"
  if (line.IsTableRow() || line.key.empty() || line.key.size() > kMaxLabel) return false;
  // The label rules want text after the label: give them one letter and see that it is all.
  Line probe;
  probe.SetText(line.text + " x");
  const ItemLabel label = ParseItemLabel(probe);
  return label.kind != Numbering::kNone && label.text_begin + 1 == probe.key.size();
}

ItemLabel ParseItemLabel(const Line& line) {
  const std::string_view key = line.key;
  const std::string_view text = line.text;
  ItemLabel l;
  size_t i = 0;
  while (i < key.size() && (key[i] == ' ' || key[i] == '#')) ++i;
  if (i >= key.size()) return l;
  if (key[i] == 'c' || key[i] == 'p' || key[i] == 'd') {
    ItemLabel chapter = ParseChapterOrArticle(line, i);
    if (chapter.kind != Numbering::kNone) return chapter;
  }
  const char c = key[i];
  // Bullets.
  if (c == '-' || c == '+' || (c == '\x1a' && (text.substr(i, 3) == "•" || text.substr(i, 2) == "·"))) {
    size_t j = i + 1;
    if (j < key.size() && key[j] != ' ' && c != '\x1a' && !IsLetter(key[j]) && key[j] != '"') return l;
    while (j < key.size() && key[j] == ' ') ++j;
    if (j >= key.size()) return l;
    l.kind = c == '+' ? Numbering::kPlus : Numbering::kDash;
    l.label = c == '+' ? "+" : "-";
    l.text_begin = j;
    return l;
  }
  // Roman numeral: upper-case I/V/X in the text; OCR writes 1 or l for I after the first letter.
  const char first_text = i < text.size() ? text[i] : ' ';
  if (first_text == 'I' || first_text == 'V' || first_text == 'X') {
    size_t j = i;
    std::string label;
    while (j < key.size() && j - i < 6) {
      const char t = text[j];  // ASCII positions: key index == byte index while ASCII
      if (t == 'I' || t == 'V' || t == 'X' || t == 'L') {
        label.push_back(t);
      } else if ((t == '1' || t == 'l') && j > i) {
        label.push_back('I');
      } else {
        break;
      }
      ++j;
    }
    if (j < key.size() && (key[j] == '.' || key[j] == '-' || key[j] == ')' || key[j] == ':')) {
      size_t k = j + 1;
      while (k < key.size() && (key[k] == ' ' || key[k] == '.')) ++k;
      if (k < key.size() && k > j + 0) {
        l.kind = Numbering::kRoman;
        l.label = label;
        l.text_begin = k;
        return l;
      }
    }
  }
  // Arabic: "1.", "1.1.", "1.1", "2)", "1-" (Party prose), "4.Đề nghị".
  if (c >= '0' && c <= '9') {
    size_t j = i;
    std::string label;
    int depth = 0;
    for (int guard = 0; guard < 5; ++guard) {
      const size_t b = j;
      while (j < key.size() && key[j] >= '0' && key[j] <= '9' && j - b < 3) ++j;
      if (j == b || j - b > 2) return l;
      if (!label.empty()) label.push_back('.');
      label += std::string(key.substr(b, j - b));
      ++depth;
      if (j < key.size() && key[j] == '.' && j + 1 < key.size() && key[j + 1] >= '0' && key[j + 1] <= '9') {
        ++j;
        continue;
      }
      break;
    }
    if (j >= key.size()) return l;
    const char sep = key[j];
    if (sep == '.' || sep == ')' || (sep == '-' && depth == 1) || (sep == ' ' && depth >= 2)) {
      size_t k = j + (sep == ' ' ? 0 : 1);
      // "1.5 tỷ" is a number, "2-3 ngày" a range: the separator must be followed by text.
      if (sep == '-' && (k >= key.size() || key[k] != ' ')) return l;
      while (k < key.size() && key[k] == ' ') ++k;
      if (k >= key.size() || (key[k] >= '0' && key[k] <= '9')) return l;
      l.kind = Numbering::kArabic;
      l.label = label;
      l.depth = depth;
      l.text_begin = k;
    }
    return l;
  }
  // Letter point: "a)", "b)", "đ)".
  if (IsLetter(c) && i + 1 < key.size() && key[i + 1] == ')' && (i + 2 >= key.size() || key[i + 2] == ' ')) {
    size_t k = i + 2;
    while (k < key.size() && key[k] == ' ') ++k;
    if (k < key.size()) {
      l.kind = Numbering::kLetter;
      l.label = std::string(SliceByCodePoints(text, i, i + 1));
      l.text_begin = k;
    }
  }
  return l;
}

}  // namespace lienthong::parse
