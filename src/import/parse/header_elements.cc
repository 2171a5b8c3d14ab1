// The recognisers of line_kinds.h for the header's fixed elements: the national motto and the
// Party name, the number/symbol line, the place-and-date line, the type name, and symbols.
#include "import/parse/line_kinds.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::parse {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsBlankFill(char c) { return c == ' ' || c == '.' || c == '_' || c == '\x1a' || c == ','; }

std::string NormalizeSymbol(std::string_view text) {
  std::string out;
  const std::string key = FoldKey(text);
  size_t pos = 0, cp = 0;
  // Copy the text without spaces, with every dash as '-'.
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    pos += b < 0x80 ? 1 : (b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2);
    if (pos > text.size()) pos = text.size();
    const char k = cp < key.size() ? key[cp] : ' ';
    ++cp;
    if (k == ' ') continue;
    if (k == '-') {
      out.push_back('-');
      continue;
    }
    out.append(text.substr(start, pos - start));
  }
  return out;
}

struct TypeName {
  std::string_view key;
  std::string_view display;
};
// ND30 Article 7's administrative types and the legal types plans and decisions cite and users
// import with them (Luật Ban hành VBQPPL: nghị định, thông tư).
constexpr std::array<TypeName, 24> kTypeNames = {{
    {"ke hoach", "Kế hoạch"},       {"huong dan", "Hướng dẫn"},   {"quyet dinh", "Quyết định"},
    {"chuong trinh", "Chương trình"}, {"phieu trinh", "Phiếu trình"}, {"to trinh", "Tờ trình"},
    {"bao cao", "Báo cáo"},         {"thong bao", "Thông báo"},   {"chi thi", "Chỉ thị"},
    {"nghi quyet", "Nghị quyết"},   {"de an", "Đề án"},           {"phuong an", "Phương án"},
    {"cong van", "Công văn"},       {"ket luan", "Kết luận"},     {"quy che", "Quy chế"},
    {"quy dinh", "Quy định"},       {"thong tri", "Thông tri"},   {"cong dien", "Công điện"},
    {"giay moi", "Giấy mời"},       {"bien ban", "Biên bản"},     {"du an", "Dự án"},
    {"phieu", "Phiếu"},             {"thong tu", "Thông tư"},     {"nghi dinh", "Nghị định"},
}};

// Where a phrase whose tail was found at `tail_begin` starts: walked back over at most
// `max_words` words before it that `is_piece` accepts (what OCR left of the phrase's head); the
// walk stops after a word `is_first` accepts (the phrase's first word).
template <typename IsPiece, typename IsFirst>
size_t WalkBackOverPieces(std::string_view key, size_t tail_begin, size_t max_words,
                          IsPiece is_piece, IsFirst is_first) {
  const std::vector<KeyWord> words = KeyWords(key);
  size_t w = 0;
  while (w < words.size() && words[w].begin < tail_begin) ++w;
  size_t begin = tail_begin;
  for (size_t pieces = 0; w > 0 && pieces < max_words; ++pieces) {
    const std::string_view word = words[w - 1].text;
    if (!is_piece(word)) break;
    --w;
    begin = words[w].begin;
    if (is_first(word)) break;
  }
  return begin;
}

// OCR of a header where the two columns touch merges words at the seam: "ỦY BAN NHÂN DÂN
// “€ỘNGHÒAXÃ HỘI CHỦ NGHĨA VIỆT NAM". The motto's tail "chủ nghĩa Việt Nam" is found instead,
// and its start walked back over what is left of "Cộng hòa xã hội" (words that are pieces of
// it, whatever the specks around them).
PhraseHit FindMergedMotto(std::string_view key) {
  auto [b, e] = FindFuzzyPhrase(key, "chu nghia viet nam");
  if (b == kNpos) return {};
  static constexpr std::string_view kMotto = "conghoaxahoi";
  size_t begin = WalkBackOverPieces(
      key, b, 4,
      [](std::string_view word) {
        return word.size() >= 2 &&
               (kMotto.find(word) != std::string_view::npos || NearlyEqualWord(word, "cong") ||
                NearlyEqualWord(word, "hoa") || NearlyEqualWord(word, "hoi") ||
                word.find("ngho") != std::string_view::npos);
      },
      [](std::string_view) { return false; });
  // The specks glued to the first piece (“€) belong to it too.
  while (begin > 0 && key[begin - 1] != ' ') --begin;
  return {HeaderPhrase::kStateMotto, begin, e};
}

// Where a slogan found by its tail "do - Hạnh phúc" starts: back over what OCR left of "Độc lập
// - Tự" (those words nearly, or words of up to three letters), at most three words and never
// past "Độc".
size_t SloganStart(std::string_view key, size_t tail_begin) {
  auto is_doc = [](std::string_view word) { return word == "doc" || NearlyEqualWord(word, "doc"); };
  return WalkBackOverPieces(
      key, tail_begin, 3,
      [&](std::string_view word) {
        return is_doc(word) || word == "lap" || NearlyEqualWord(word, "lap") || word.size() <= 3;
      },
      is_doc);
}

}  // namespace

PhraseHit FindHeaderPhrase(std::string_view key) {
  struct P {
    std::string_view phrase;
    HeaderPhrase kind;
  };
  static constexpr std::array<P, 6> kPhrases = {{
      {"cong hoa xa hoi chu nghia viet nam", HeaderPhrase::kStateMotto},
      {"doc lap tu do hanh phuc", HeaderPhrase::kStateSlogan},
      {"dang cong san viet nam", HeaderPhrase::kPartyName},
      {"cong hoa xa hoi chu nghia", HeaderPhrase::kStateMotto},
      {"do hanh phuc", HeaderPhrase::kStateSlogan},  // OCR garbled its start ("TÚI do - …")
      {"cong san viet nam", HeaderPhrase::kPartyName},  // OCR garbled "ĐẢNG" ("giàu CỘNG SẢN …")
  }};
  // Cheap prefilter: each phrase has a word pair that OCR rarely breaks both of; the fuzzy
  // word-by-word match runs only on short lines that pass.
  if (key.size() > 160) return {};
  if (key.find("nghia") == kNpos && key.find("doc") == kNpos && key.find("san") == kNpos &&
      key.find("phuc") == kNpos && key.find("viet nam") == kNpos && key.find("hoa x") == kNpos &&
      key.find("ngia") == kNpos && key.find("hanh") == kNpos) {
    return {};
  }
  // Why split once: most lines passing the prefilter match none of the five phrases.
  static const std::array<std::vector<KeyWord>, kPhrases.size()> kPhraseWords = [] {
    std::array<std::vector<KeyWord>, kPhrases.size()> words;
    for (size_t i = 0; i < kPhrases.size(); ++i) words[i] = KeyWords(kPhrases[i].phrase);
    return words;
  }();
  const std::vector<KeyWord> words = KeyWords(key);
  for (size_t i = 0; i < kPhrases.size(); ++i) {
    const P& p = kPhrases[i];
    auto [b, e] = FindFuzzyPhrase(words, kPhraseWords[i]);
    if (b == kNpos) continue;
    if (p.phrase == "do hanh phuc") b = SloganStart(key, b);
    return {p.kind, b, e};
  }
  return FindMergedMotto(key);
}

namespace {

// Where "Số" (or OCR's "S6", "S") and its colon end at `i`; kNpos when the line does not open
// with it.
// Marks OCR puts between the words and numbers of a header line (a key's character): a stroke
// of the stamp or a fleck of dirt.
bool IsOcrSpeck(char c) {
  return c == '-' || c == ':' || c == ';' || c == '\'' || c == '`' || c == '"' || c == '|' ||
         c == '~' || c == '_';
}

size_t AfterSo(std::string_view key, size_t i) {
  if (i >= key.size()) return kNpos;
  // OCR reads the S as a sign ("§ố", "$ố"); then the "ố" and the number must follow.
  const bool sign = (key[i] == '$' || key[i] == '\x1a') && i + 1 < key.size() && key[i + 1] == 'o';
  if (key[i] != 's' && !sign) return kNpos;
  ++i;
  // "Số" folds to "so"; OCR gives "S6" or drops the vowel ("S607").
  if (i < key.size() && (key[i] == 'o' || (key[i] == '6' && !(i + 1 < key.size() && IsDigit(key[i + 1]))))) ++i;
  if (i < key.size() && IsLetter(key[i])) return kNpos;
  while (i < key.size() && (key[i] == ' ' || key[i] == ':' || key[i] == '.')) ++i;
  // A speck between "Số:" and the digits ("Số: -0130/…"); a party blank ("Số    -KH/TU") has
  // letters after its dash and keeps it.
  size_t j = i;
  while (j < key.size() && (IsOcrSpeck(key[j]) || key[j] == ' ')) ++j;
  if (j > i && j < key.size() && IsDigit(key[j])) i = j;
  if (sign && !(i < key.size() && IsDigit(key[i]))) return kNpos;
  return i;
}

// OCR that lost the "Số" to specks ("Šð: 112/…"): up to four characters and a colon.
size_t AfterNoisySo(std::string_view key, size_t i) {
  const size_t colon = key.find(':', i);
  if (colon == kNpos || colon > i + 4) return kNpos;
  i = colon + 1;
  while (i < key.size() && key[i] == ' ') ++i;
  return i;
}

// The symbol after the number at `j` (a '/' or '-' there): letters and digits with '/' and
// '-' separators, spaces allowed around separators. Returns its end (code point), counting
// letters and separators.
size_t ScanSymbol(std::string_view key, size_t j, int* letters, int* separators) {
  size_t k = j, last_good = j;
  for (int guard = 0; k < key.size() && guard < 200; ++guard) {
    const char c = key[k];
    if (IsLetter(c) || IsDigit(c) || c == '\x1a') {
      // \x1a: letters outside the table (OCR), kept inside a symbol.
      *letters += IsLetter(c) || c == '\x1a';
      ++k;
      last_good = k;
    } else if (c == '/' || c == '-') {
      ++*separators;
      ++k;
      while (k < key.size() && key[k] == ' ') ++k;
    } else if (c == ' ') {
      size_t s = k;
      while (s < key.size() && key[s] == ' ') ++s;
      if (s < key.size() && (key[s] == '/' || key[s] == '-') && s + 1 < key.size() &&
          (key[s + 1] != ' ' || (s + 2 < key.size() && IsLetter(key[s + 2])))) {
        k = s;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return last_good;
}

// OCR of a bold symbol sometimes doubles a letter of its type abbreviation ("383-QĐĐ/TW"). The
// abbreviations are a closed list (ND30 Appendix III; HD 36 for the Party), so an unknown one
// that is a known one with a letter doubled is taken as the known one.
std::string UndoubleTypeAbbrev(std::string symbol) {
  const std::string abbrev = SymbolTypeAbbrev(symbol);
  if (abbrev.empty() || !DocTypeFromSymbol(symbol).empty()) return symbol;
  const size_t at = symbol.find(abbrev, symbol.find_first_of("-/"));
  if (at == std::string::npos) return symbol;
  for (size_t i = 0; i < abbrev.size();) {
    size_t next = i;
    DecodeUtf8(abbrev, &next);
    const size_t len = next - i;
    if (next + len <= abbrev.size() && abbrev.compare(i, len, abbrev, next, len) == 0) {
      std::string fixed = symbol;
      fixed.erase(at + i, len);
      if (!DocTypeFromSymbol(fixed).empty()) return fixed;
    }
    i = next;
  }
  return symbol;
}

// A symbol is written in unmarked capitals and Đ ("2629/QĐ-TTg"): a part after a separator with a
// marked letter is a word OCR ran into it ("2629/QĐ-TTg-hết"), cut off with what follows.
std::string WithoutMarkedTail(std::string symbol) {
  size_t part_begin = 0;
  for (size_t i = 0; i < symbol.size();) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(symbol, &i);
    if (c == '-' || c == '/') {
      part_begin = at;
    } else if (c >= 0x80 && c != U'Đ' && c != U'đ' && part_begin > 0) {
      return symbol.substr(0, part_begin);
    }
  }
  return symbol;
}

}  // namespace

NumberMatch MatchNumber(const Line& line, size_t from) {
  const std::string_view key = line.key;
  NumberMatch m;
  size_t i = from;
  while (i < key.size() && key[i] == ' ') ++i;
  // A speck OCR left before the number line ("_ §ố 383-QĐ/TW").
  for (size_t j = i; j < key.size() && j < i + 3 && IsOcrSpeck(key[j]);) {
    ++j;
    while (j < key.size() && key[j] == ' ') ++j;
    if (j < key.size() && (key[j] == 's' || key[j] == '$' || key[j] == '\x1a')) i = j;
  }
  bool noisy = false;
  size_t digits_begin = AfterSo(key, i);
  if (digits_begin == kNpos) {
    digits_begin = AfterNoisySo(key, i);
    noisy = true;
  }
  if (digits_begin == kNpos) return m;
  i = digits_begin;
  while (i < key.size() && IsDigit(key[i])) ++i;
  const bool has_digits = i > digits_begin;
  if (has_digits && i - digits_begin > 6) return m;
  size_t j = i;
  while (j < key.size() && IsBlankFill(key[j]) && key[j] != ',') ++j;
  // OCR may lose the slash of "41/KH-UBND": digits run straight into a type abbreviation.
  const bool lost_slash = has_digits && j == i && j < key.size() && IsLetter(key[j]);
  if (j >= key.size() || (key[j] != '/' && key[j] != '-' && !lost_slash)) return m;
  int letters = 0, separators = lost_slash ? 1 : 0;
  const size_t end = ScanSymbol(key, j, &letters, &separators);
  if (letters < 2 || separators < 1) return m;
  std::string symbol = NormalizeSymbol(SliceByCodePoints(line.text, digits_begin, end));
  if (lost_slash) symbol.insert(i - digits_begin, "/");
  symbol = WithoutMarkedTail(UndoubleTypeAbbrev(std::move(symbol)));
  // Without the word "Số", or with the slash guessed, only a symbol whose type is known counts.
  if ((noisy || lost_slash) && (!has_digits || DocTypeFromSymbol(symbol).empty() ||
                                symbol.find('-') == std::string::npos)) {
    return m;
  }
  m.found = true;
  m.end = end;
  if (has_digits) m.symbol = std::move(symbol);
  return m;
}

NumberMatch MatchBareSymbol(const Line& line, size_t from) {
  NumberMatch none;
  // Specks around it, a long dash among them ("383-QĐ/TW.`—"): up to its last letter or digit.
  size_t last = line.key.size();
  while (last > from && !IsLetter(line.key[last - 1]) && !IsDigit(line.key[last - 1])) --last;
  const std::string rest = TrimChars(SliceByCodePoints(line.text, from, last), " .,;:`'_-");
  if (rest.empty() || !IsDigit(FoldKey(rest).front()) || rest.find(' ') != std::string::npos) {
    return none;
  }
  Line with_so;
  with_so.SetText("Số " + rest);
  NumberMatch m = MatchNumber(with_so, 0);
  if (!m.found || !m.symbol || m.end != with_so.key.size() || DocTypeFromSymbol(*m.symbol).empty() ||
      m.symbol->find('-') == std::string::npos || m.symbol->find('/') == std::string::npos) {
    return none;
  }
  m.end = line.key.size();
  return m;
}

namespace {


bool IsOcrDigit(char c) { return IsDigit(c) || c == 'o' || c == 'l' || c == 'i'; }

// The digits of an OCR'd number whose 0s and 1s may have been read as "o", "l" or "i"; empty
// when the run has no true digit (then it is a word, not a number).
std::string OcrDigits(std::string_view run) {
  if (std::none_of(run.begin(), run.end(), IsDigit)) return "";
  std::string out(run);
  for (char& c : out) {
    if (c == 'o') c = '0';
    if (c == 'l' || c == 'i') c = '1';
  }
  return out;
}

// The next word "ngày" from `from`, or one letter of it misread by OCR ("hgày", "ngàv"): the
// day, "tháng", month, "năm" and year that must follow keep a slip from matching elsewhere.
size_t FindNgayWord(std::string_view key, size_t from) {
  for (const KeyWord& w : KeyWords(key.substr(from))) {
    size_t letters = 0;  // "ngày10/01" has its digits attached
    while (letters < w.text.size() && IsLetter(w.text[letters])) ++letters;
    const std::string_view word = w.text.substr(0, letters);
    if (NearlyEqualWord(word, "ngay")) return from + w.begin;
    // Right after "Place," a word starting "ng" is the date's "ngày" whatever covers the rest
    // of it (a day written in by hand over the blank: "An Khánh, nghề tháng 5 năm 2026").
    size_t before = from + w.begin;
    while (before > 0 && key[before - 1] == ' ') --before;
    if (before > 0 && key[before - 1] == ',' && word.size() >= 3 && word.size() <= 5 &&
        word.substr(0, 2) == "ng") {
      return from + w.begin;
    }
  }
  return kNpos;
}

}  // namespace

namespace {

// "==T Sơn La": what a stamp's edge or a speck leaves before a scanned place name. A leading word
// with a character that is no letter or dot is left out (a place name starts with a word).
std::string DropLeadingSpecks(std::string place) {
  for (int guard = 0; guard < 3; ++guard) {
    const size_t space = place.find(' ');
    if (space == std::string::npos) break;
    const std::string key = FoldKey(std::string_view(place).substr(0, space));
    if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz.") == std::string::npos) break;
    place = Trim(std::string_view(place).substr(space + 1));
  }
  return place;
}

}  // namespace

DateMatch FindPlaceDate(const Line& line) {
  const std::string_view key = line.key;
  DateMatch m;
  size_t from = 0;
  for (int guard = 0; guard < 8; ++guard) {
    const size_t ngay = FindNgayWord(key, from);
    if (ngay == kNpos) return m;
    size_t i = ngay;
    while (i < key.size() && IsLetter(key[i])) ++i;  // past the word, however OCR spelt it
    from = i;
    // Between the date's words: blanks, and the specks OCR leaves there ("ngày-18", "tháng : 11").
    auto skip_fill = [&] {
      while (i < key.size() && ((IsBlankFill(key[i]) && key[i] != ',') || IsOcrSpeck(key[i]))) ++i;
    };
    auto number = [&](size_t max_digits) -> int {
      const size_t b = i;
      size_t e = b;
      while (e < key.size() && IsOcrDigit(key[e]) && e - b < max_digits) ++e;
      // OCR reads 0 and 1 as letters ("O1", "l2"): a run with one true digit is still a number.
      const std::string digits = OcrDigits(key.substr(b, e - b));
      if (digits.empty()) return 0;  // blank (a draft), or a word
      if (e < key.size() && IsDigit(key[e])) return -1;
      i = e;
      return std::stoi(digits);
    };
    auto word = [&]() -> std::string_view {
      const size_t b = i;
      while (i < key.size() && IsLetter(key[i])) ++i;
      return key.substr(b, i - b);
    };
    skip_fill();
    const int day = number(2);
    if (day < 0) continue;
    skip_fill();
    std::string thang(word());
    // OCR splits the word after its first letter ("18t háng"): the two parts make it whole.
    if (thang == "t") {
      const size_t after_t = i;
      while (i < key.size() && key[i] == ' ') ++i;
      const std::string_view rest = word();
      if (rest.substr(0, 1) == "h") {
        thang += rest;
      } else {
        i = after_t;
      }
    }
    // "tháng"; OCR garbles it ("thdang") but keeps the "th".
    if (thang.size() < 4 || thang.substr(0, 2) != "th") continue;
    skip_fill();
    const int month = number(2);
    if (month < 0) continue;
    skip_fill();
    const std::string_view nam = word();
    if (!(NearlyEqualWord(nam, "nam") || nam == "nam")) continue;
    skip_fill();
    // A speck OCR glued to the year ("năm n2026"): one letter before four digits.
    if (i + 4 < key.size() && IsLetter(key[i]) && IsDigit(key[i + 1]) && IsDigit(key[i + 2]) &&
        IsDigit(key[i + 3]) && IsDigit(key[i + 4])) {
      ++i;
    }
    const int year = number(4);
    if (year < 1900 || year > 2100) continue;
    m.found = true;
    m.ngay = ngay;
    m.end = i;
    char buf[16];
    if (month > 12 || day > 31) {
      // An OCR slip ("tháng 35"): the line is still a date line, its value unknown.
      m.iso = std::nullopt;
    } else if (month == 0) {
      std::snprintf(buf, sizeof buf, "%04d", year);
    } else if (day == 0) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    if (month <= 12 && day <= 31) m.iso = buf;
    // Place: the words before ", ngày"; a caps run before them is the left column (issuer).
    size_t e = ngay;
    while (e > 0 && (key[e - 1] == ' ' || key[e - 1] == ',')) --e;
    const std::string before(SliceByCodePoints(line.text, 0, e));
    // Walk words backwards while they are title case (place names) — stop at an all-caps word
    // of 2+ letters that follows title-case ones (the issuer column) .
    std::vector<std::pair<size_t, size_t>> words;  // code-point ranges in `before`
    const std::string bkey = FoldKey(before);
    for (const KeyWord& w : KeyWords(bkey)) words.push_back({w.begin, w.end});
    size_t place_begin = 0;
    bool seen_title = false;
    for (size_t w = words.size(); w-- > 0;) {
      const std::string_view wt = SliceByCodePoints(before, words[w].first, words[w].second);
      const LetterStats s = CountLetters(wt);
      const bool all_caps = s.letters >= 2 && s.upper == s.letters;
      if (all_caps && seen_title && !(bkey.substr(words[w].first, 2) == "tp")) {
        place_begin = words[w + 1].first;
        break;
      }
      if (!all_caps) seen_title = true;
    }
    // Leading punctuation (e.g. a Markdown leftover) is not part of the place.
    m.begin = place_begin;
    m.place = DropLeadingSpecks(
        TrimChars(SliceByCodePoints(before, place_begin, CodePointCount(before)), ",.;:-*_|'\""));
    return m;
  }
  return m;
}

// True when the text writes a tone the type name does not have on the same letter: "PHƯỜNG AN"
// (a ward) is not "PHƯƠNG ÁN" although both fold to "phuong an". A tone OCR lost ("AN") or a
// vowel it misread under the right tone ("QUYÉT") does not count.
bool ToneContradicts(std::string_view text, std::string_view display) {
  size_t a = 0, b = 0;
  while (a < text.size() && b < display.size()) {
    const std::optional<LetterParts> x = SplitLetter(DecodeUtf8(text, &a));
    const std::optional<LetterParts> y = SplitLetter(DecodeUtf8(display, &b));
    if (x && y && x->tone != Tone::kNone && x->tone != y->tone) return true;
  }
  return false;
}

namespace {

// A caps line that is a type name alone with its words run together by OCR ("KẾHOẠCH",
// "QUYẾTĐỊNH"); `rest` is the line's key from `offset` on.
std::string CollapseLetterRuns(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

std::optional<TypeMatch> MatchJoinedTypeLine(const Line& line, std::string_view rest,
                                             size_t offset) {
  if (!line.MostlyUpper()) return std::nullopt;
  std::string joined;
  size_t end = offset;
  for (const KeyWord& w : KeyWords(rest)) {
    joined += w.text;
    end = offset + w.end;
  }
  // OCR repeats a letter of a bold type name ("KẾẼẾHOẠCH"), or slips one: with letters run
  // together and each run of one letter taken once, one slip is tolerated on longer names.
  const std::string collapsed = CollapseLetterRuns(joined);
  for (const TypeName& t : kTypeNames) {
    std::string name;
    for (char c : t.key) {
      if (c != ' ') name += c;
    }
    if (joined == name) return TypeMatch{std::string(t.display), end};
    if (name.size() >= 6 && joined.size() <= name.size() + 3 &&
        NearlyEqualWord(collapsed, CollapseLetterRuns(name))) {
      return TypeMatch{std::string(t.display), end};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TypeMatch> MatchTypeLine(const Line& line) {
  const std::string_view key = line.key;
  size_t i = 0;
  // Markup and OCR specks before the name ("## ", "**", "_\"").
  while (i < key.size() && !IsLetter(key[i]) && !IsDigit(key[i])) ++i;
  const std::string_view rest = key.substr(i);
  for (const TypeName& t : kTypeNames) {
    if (!KeyStartsWith(rest, t.key)) continue;
    if (ToneContradicts(SliceByCodePoints(line.text, i, i + t.key.size()), t.display)) continue;
    // The caps run: words from the start while all their letters are upper case.
    const std::vector<KeyWord> words = KeyWords(key);
    size_t caps_end = i;
    size_t caps_words = 0;
    for (const KeyWord& w : words) {
      const std::string_view wt = SliceByCodePoints(line.text, w.begin, w.end);
      const LetterStats s = CountLetters(wt);
      if (s.letters > 0 && s.upper != s.letters) break;
      caps_end = w.end;
      ++caps_words;
    }
    // Why: the type name is printed in capitals; a sentence that starts "Kế hoạch này …" is not.
    if (caps_end < i + t.key.size()) return std::nullopt;
    // Why: "KẾ HOẠCH TRUYỀN THÔNG" is a type name with a qualifier; a long caps line is a heading.
    if (caps_words > 8) return std::nullopt;
    return TypeMatch{std::string(t.display), caps_end};
  }
  return MatchJoinedTypeLine(line, rest, i);
}

std::optional<TypeMatch> MatchTypeNameBeforeCapsTitle(const Line& line) {
  constexpr size_t kMinWords = 9;  // MatchTypeLine takes up to 8 as a type name and its qualifier
  if (!line.MostlyUpper() || KeyWords(line.key).size() < kMinWords) return std::nullopt;
  const std::string_view key = line.key;
  size_t i = 0;
  while (i < key.size() && !IsLetter(key[i]) && !IsDigit(key[i])) ++i;
  for (const TypeName& t : kTypeNames) {
    if (!KeyStartsWith(key.substr(i), t.key)) continue;
    if (ToneContradicts(SliceByCodePoints(line.text, i, i + t.key.size()), t.display)) continue;
    return TypeMatch{std::string(t.display), i + t.key.size()};
  }
  return std::nullopt;
}

std::string SymbolTypeAbbrev(std::string_view symbol) {
  // Party "02-KH/BCĐ": between the first '-' and '/'. State "13/KH-UBND": after the last '/'
  // (skipping a year), up to '-'. A law ("55/2024/QH15") has none.
  const size_t slash = symbol.find('/');
  const size_t dash = symbol.find('-');
  if (slash == std::string_view::npos) return "";
  if (dash != std::string_view::npos && dash < slash) {
    return std::string(symbol.substr(dash + 1, slash - dash - 1));
  }
  std::string_view rest = symbol.substr(slash + 1);
  const size_t slash2 = rest.find('/');
  if (slash2 != std::string_view::npos) rest = rest.substr(slash2 + 1);
  const size_t d = rest.find('-');
  if (d == std::string_view::npos) return "";
  return std::string(rest.substr(0, d));
}

std::string DocTypeFromSymbol(std::string_view symbol) {
  struct A {
    std::string_view abbrev;
    std::string_view display;
  };
  static constexpr std::array<A, 17> kAbbrevs = {{
      {"KH", "Kế hoạch"},    {"HD", "Hướng dẫn"},  {"QĐ", "Quyết định"}, {"CTr", "Chương trình"},
      {"TTr", "Tờ trình"},   {"BC", "Báo cáo"},    {"TB", "Thông báo"},  {"CT", "Chỉ thị"},
      {"NQ", "Nghị quyết"},  {"ĐA", "Đề án"},      {"PA", "Phương án"},  {"KL", "Kết luận"},
      {"KHHĐ", "Kế hoạch"},  {"QC", "Quy chế"},    {"TT", "Thông tri"},  {"CV", "Công văn"},
      {"NĐ", "Nghị định"},
  }};
  const std::string abbrev = SymbolTypeAbbrev(symbol);
  // "TT" is a Party thông tri ("05-TT/TW") or a state thông tư ("23/2025/TT-BTP").
  const size_t slash = symbol.find('/');
  if (abbrev == "TT" && slash < symbol.find('-')) return "Thông tư";
  for (const A& a : kAbbrevs) {
    if (abbrev == a.abbrev) return std::string(a.display);
  }
  return "";
}

}  // namespace lienthong::parse
