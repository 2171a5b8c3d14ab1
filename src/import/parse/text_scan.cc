#include "import/parse/text_scan.h"

#include <array>
#include <cctype>

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::parse {
namespace {

// Latin-1 letters that are not Vietnamese (OCR produces "ö", "ï", "ç"): their ASCII base.
char Latin1Base(char32_t c) {
  static constexpr std::string_view kMap =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo\x1aouuuuyts"
      "aaaaaaaceeeeiiiidnooooo\x1aouuuuyty";
  if (c >= 0xC0 && c <= 0xFF) return kMap[c - 0xC0];
  return 0;
}

char FoldCodePoint(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c + ('a' - 'A'));
    if (c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return ' ';
    return static_cast<char>(c);
  }
  if (auto parts = SplitLetter(c)) {
    const char a = AsciiOfBase(parts->base);
    if (a != 0) return a;
  }
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
  if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000 || c == 0xFEFF) {
    return ' ';
  }
  if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB) return '"';
  if (c == 0x2018 || c == 0x2019 || c == 0x201A) return '\'';
  if (c == 0x2026) return '.';
  if (const char l = Latin1Base(c)) return l;
  return '\x1a';
}

bool IsKeyLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsKeyAlnum(char c) { return IsKeyLetter(c) || (c >= '0' && c <= '9'); }

// Every code point below U+1EFA (all Vietnamese letters, Latin-1, dashes are above and handled
// by FoldCodePoint) precomputed once.
constexpr char32_t kTableEnd = 0x1EFA;
struct InfoTable {
  std::array<CpInfo, kTableEnd> info{};
  InfoTable() {
    for (char32_t c = 0; c < kTableEnd; ++c) {
      unsigned char letter = 0;
      if (auto parts = SplitLetter(c)) letter = parts->upper ? 2 : 1;
      info[c] = CpInfo{FoldCodePoint(c), letter};
    }
  }
};
const InfoTable& Table() {
  static const InfoTable* table = new InfoTable();
  return *table;
}

}  // namespace

LetterStats AnalyzeText(std::string_view text, std::string* key) {
  LetterStats s;
  key->assign(text.size(), ' ');
  size_t n = 0, pos = 0;
  int run = 0;
  bool run_non_ascii = false;
  const InfoTable& table = Table();
  auto end_run = [&] {
    if (run >= 2) {
      ++s.words;
      s.ascii_words += !run_non_ascii;
    }
    run = 0;
    run_non_ascii = false;
  };
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    CpInfo info;
    bool non_ascii = false;
    if (b < 0x80) {
      info = table.info[b];
      ++pos;
    } else {
      info = InfoOf(DecodeUtf8(text, &pos));
      non_ascii = true;
    }
    (*key)[n++] = info.fold;
    if (info.letter != 0) {
      ++s.letters;
      s.upper += info.letter == 2;
      ++run;
      run_non_ascii = run_non_ascii || non_ascii;
    } else {
      end_run();
    }
  }
  end_run();
  key->resize(n);
  return s;
}

CpInfo InfoOf(char32_t c) {
  if (c < kTableEnd) return Table().info[c];
  return CpInfo{FoldCodePoint(c), 0};
}

std::string FoldKey(std::string_view text) {
  std::string key(text.size(), ' ');
  size_t n = 0;
  size_t pos = 0;
  const InfoTable& table = Table();
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {  // fast path
      key[n++] = table.info[b].fold;
      ++pos;
      continue;
    }
    key[n++] = InfoOf(DecodeUtf8(text, &pos)).fold;
  }
  key.resize(n);
  return key;
}

std::string_view SliceByCodePoints(std::string_view text, size_t cp_begin, size_t cp_end) {
  size_t pos = 0, cp = 0;
  while (pos < text.size() && cp < cp_begin) {
    DecodeUtf8(text, &pos);
    ++cp;
  }
  const size_t begin = pos;
  while (pos < text.size() && cp < cp_end) {
    DecodeUtf8(text, &pos);
    ++cp;
  }
  return text.substr(begin, pos - begin);
}

std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string TrimChars(std::string_view text, std::string_view chars) {
  // Unicode spaces (NBSP U+00A0 = C2 A0) are trimmed too.
  auto is_trim = [&](size_t i, bool front) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (chars.find(static_cast<char>(c)) != std::string_view::npos && c < 0x80) return 1;
    if (front && c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)
      return 2;
    if (!front && c == 0xA0 && i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xC2) return 2;
    return 0;
  };
  size_t b = 0, e = text.size();
  for (int guard = 0; b < e && guard < 1 << 20; ++guard) {
    const int n = is_trim(b, true);
    if (n == 0) break;
    b += n;
  }
  for (int guard = 0; e > b && guard < 1 << 20; ++guard) {
    const int n = is_trim(e - 1, false);
    if (n == 0) break;
    e -= n;
  }
  return std::string(text.substr(b, e - b));
}

std::string Trim(std::string_view text) { return TrimChars(text, ""); }

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

LetterStats CountLetters(std::string_view text) {
  LetterStats s;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {  // ASCII fast path
      ++pos;
      if (b >= 'a' && b <= 'z') {
        ++s.letters;
      } else if (b >= 'A' && b <= 'Z') {
        ++s.letters;
        ++s.upper;
      }
      continue;
    }
    const CpInfo info = InfoOf(DecodeUtf8(text, &pos));
    if (info.letter != 0) {
      ++s.letters;
      if (info.letter == 2) ++s.upper;
    }
  }
  return s;
}

bool IsMostlyUpper(std::string_view text) {
  const LetterStats s = CountLetters(text);
  return s.letters >= 2 && s.upper * 100 >= s.letters * 85;
}

namespace {
int FirstLetterCase(std::string_view text) {  // 1 upper, -1 lower, 0 none
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = DecodeUtf8(text, &pos);
    const CpInfo info = InfoOf(c);
    if (info.letter != 0) return info.letter == 2 ? 1 : -1;
    if (c >= '0' && c <= '9') return 0;
  }
  return 0;
}
}  // namespace

bool StartsUpper(std::string_view text) { return FirstLetterCase(text) == 1; }
bool StartsLower(std::string_view text) { return FirstLetterCase(text) == -1; }

bool KeyStartsWith(std::string_view key, std::string_view word) {
  if (key.size() < word.size() || key.substr(0, word.size()) != word) return false;
  return key.size() == word.size() || !IsKeyAlnum(key[word.size()]) || !IsKeyAlnum(word.back());
}

size_t KeyFind(std::string_view key, std::string_view word, size_t from) {
  for (size_t guard = 0; from <= key.size() && guard <= key.size(); ++guard) {
    const size_t p = key.find(word, from);
    if (p == std::string_view::npos) return p;
    const bool left_ok = p == 0 || !IsKeyAlnum(key[p - 1]) || !IsKeyAlnum(word.front());
    const size_t e = p + word.size();
    const bool right_ok = e == key.size() || !IsKeyAlnum(key[e]) || !IsKeyAlnum(word.back());
    if (left_ok && right_ok) return p;
    from = p + 1;
  }
  return std::string_view::npos;
}

std::vector<KeyWord> KeyWords(std::string_view key) {
  std::vector<KeyWord> words;
  words.reserve(key.size() / 5 + 1);  // a Vietnamese syllable and its space: about five letters
  size_t i = 0;
  while (i < key.size()) {
    if (!IsKeyAlnum(key[i])) {
      ++i;
      continue;
    }
    const size_t b = i;
    while (i < key.size() && IsKeyAlnum(key[i])) ++i;
    words.push_back({b, i, key.substr(b, i - b)});
  }
  return words;
}

bool LooksLikePersonName(std::string_view text) {
  // Why: a signer's name closes the signature block; names are short title-case words led by one
  // of the common family names (or with a common middle name when the family name is rarer).
  static constexpr std::array<std::string_view, 60> kFamily = {
      "nguyen", "tran", "le",    "pham",  "hoang", "huynh", "phan",  "vu",    "vo",   "dang",
      "bui",    "do",   "ho",    "ngo",   "duong", "ly",    "dinh",  "dao",   "doan", "trinh",
      "truong", "lam",  "mai",   "ha",    "cao",   "luong", "luu",   "ta",    "chu",  "to",
      "thai",   "quach", "vuong", "kieu", "nong",  "lo",    "la",    "tong",  "tieu", "khuat",
      "mac",    "ton",  "thach", "giang", "lai",   "luc",   "au",    "chau",  "phung", "hua",
      "han",    "kim",  "nghiem", "trieu", "dieu", "dam",   "quan",  "van",   "bach", "thieu"};
  static constexpr std::array<std::string_view, 16> kMiddle = {
      "van",  "thi",  "huu",   "duc", "dinh", "ngoc", "thanh", "minh",
      "quoc", "xuan", "cong",  "kim", "hong", "thu",  "anh",   "quang"};
  // Cheap rejects first: this runs on every line of a closing block and of the splitter's scan.
  if (text.size() > 70 || text.size() < 4) return false;
  int spaces = 0;
  for (char c : text) spaces += c == ' ';
  if (spaces < 1 || spaces > 6) return false;
  const std::string t = Trim(text);
  if (t.empty() || t.size() > 60) return false;
  const std::string key = FoldKey(t);
  for (char c : key) {
    if ((c >= '0' && c <= '9') || c == ':' || c == '/' || c == ';' || c == '(') return false;
  }
  // Every word title case: upper first letter, the rest lower.
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == ' ') {
      if (i > start) words.push_back(std::string_view(t).substr(start, i - start));
      start = i + 1;
    }
  }
  if (words.size() < 2 || words.size() > 5) return false;
  for (std::string_view w : words) {
    const LetterStats s = CountLetters(w);
    if (s.letters == 0 || s.upper != 1 || !StartsUpper(w)) return false;
  }
  const std::vector<KeyWord> kw = KeyWords(key);
  if (kw.size() != words.size()) return false;
  for (std::string_view f : kFamily) {
    if (kw[0].text == f) return true;
  }
  for (std::string_view m : kMiddle) {
    if (kw.size() >= 3 && kw[1].text == m) return true;
  }
  return false;
}

std::optional<std::pair<std::string, std::string>> SplitCapsAndPersonName(std::string_view text) {
  const std::string t = Trim(text);
  // The name is the last two to five words; everything before it is capitals.
  std::vector<size_t> starts;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ' && (i == 0 || t[i - 1] == ' ')) starts.push_back(i);
  }
  constexpr size_t kMaxNameWords = 5;
  for (size_t k = 1; k + 2 <= starts.size(); ++k) {
    if (starts.size() - k > kMaxNameWords) continue;
    const std::string_view caps = std::string_view(t).substr(0, starts[k]);
    const LetterStats s = CountLetters(caps);
    if (s.letters < 2 || s.upper != s.letters) continue;
    const std::string_view name = std::string_view(t).substr(starts[k]);
    if (LooksLikePersonName(name)) return std::make_pair(Trim(caps), std::string(name));
  }
  return std::nullopt;
}

size_t UnitHeadLength(std::string_view key, size_t pos) {
  // Why: Vietnamese unit names start with a small set of head nouns; a new head after the end of
  // a name is where a list whose separators were lost splits.
  static constexpr std::array<std::string_view, 56> kHeads = {
      "uy ban mat tran", "uy ban", "ubnd", "ubmttq", "mttq", "hdnd", "hoi dong", "van phong",
      "ban", "so", "bo chi huy", "bo", "tong cuc", "chi cuc", "cuc", "phong", "tinh uy",
      "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo", "chi bo", "cap uy",
      "trung tam", "cong an", "doan thanh nien", "hoi", "lien doan", "mat tran", "thanh tra",
      "kho bac", "ngan hang", "vien", "truong", "benh vien", "bao", "dai", "cong thong tin",
      "cong ty", "tong cong ty", "tap chi", "thong tan xa", "toa an", "thuong truc", "lanh dao",
      "thanh vien", "cac", "doan", "chu tich", "giam doc", "kiem toan", "thue", "hai quan",
      "bao hiem xa hoi"};
  const std::string_view rest = key.substr(pos);
  for (std::string_view h : kHeads) {
    if (KeyStartsWith(rest, h)) return h.size();
  }
  return 0;
}

std::string Compact(std::string_view key) {
  std::string out;
  for (char c : key) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

bool NearlyEqualWord(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() == b.size()) {
    if (a.size() < 3) return false;
    int diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i];
    return diff <= 1;
  }
  // One letter lost or added ("nghia" / "ngia"): only between words of four letters or more.
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() != a.size() + 1 || a.size() < 4) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return a.substr(i) == b.substr(i + 1);
}

std::pair<size_t, size_t> FindFuzzyPhrase(std::string_view key, std::string_view phrase) {
  return FindFuzzyPhrase(KeyWords(key), KeyWords(phrase));
}

std::pair<size_t, size_t> FindFuzzyPhrase(const std::vector<KeyWord>& words,
                                          const std::vector<KeyWord>& want) {
  if (want.empty() || words.size() < want.size()) return {std::string_view::npos, std::string_view::npos};
  for (size_t i = 0; i + want.size() <= words.size(); ++i) {
    bool ok = true;
    for (size_t j = 0; j < want.size() && ok; ++j) ok = NearlyEqualWord(words[i + j].text, want[j].text);
    if (ok) return {words[i].begin, words[i + want.size() - 1].end};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// "KẾ: HOẠCH", "CỘNG: HÒA": a colon OCR put between two words in capitals (a speck on the line)
// is dropped; "Số:" and "Nơi nhận:" are not in capitals and keep theirs.
std::string DropColonsInCaps(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t space = text.find(' ', i);
    const size_t end = space == std::string::npos ? text.size() : space;
    std::string_view word = std::string_view(text).substr(i, end - i);
    if (word.size() > 1 && (word.back() == ':' || word.back() == ';') && space != std::string::npos) {
      const size_t next_end = text.find(' ', space + 1);
      const std::string_view next = std::string_view(text).substr(
          space + 1, (next_end == std::string::npos ? text.size() : next_end) - space - 1);
      const LetterStats a = CountLetters(word), b = CountLetters(next);
      if (a.letters >= 2 && a.upper == a.letters && b.letters >= 2 && b.upper == b.letters) {
        word.remove_suffix(1);
      }
    }
    if (!out.empty()) out += ' ';
    out += word;
    i = end + 1;
  }
  return out;
}

std::string DropOcrNoise(std::string_view text) {
  // Characters OCR makes of specks and stamp edges; none opens or closes a word of a header.
  static constexpr std::string_view kNoise[] = {"'", "\"", "`", "|", "\\", "^", "~", "_",
                                                "“", "”", "„", "‘", "’", "«", "»", "ˆ", "›", "‹",
                                                "¡", "¿", "°", "•", "¬", "€"};
  auto strip = [](std::string_view w) {
    for (bool changed = true; changed && !w.empty();) {
      changed = false;
      for (std::string_view n : kNoise) {
        if (w.size() >= n.size() && w.substr(0, n.size()) == n) {
          w.remove_prefix(n.size());
          changed = true;
        }
        if (w.size() >= n.size() && w.substr(w.size() - n.size()) == n) {
          w.remove_suffix(n.size());
          changed = true;
        }
      }
    }
    return w;
  };
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    const std::string_view raw = text.substr(b, i - b);
    if (raw.empty()) continue;
    const bool rule = raw.find_first_not_of("-*_=.") == std::string_view::npos;
    const std::string_view w = rule ? raw : strip(raw);
    if (w.empty()) continue;
    const std::string key = FoldKey(w);
    int known = 0, unknown = 0;
    for (char c : key) {
      if (c == '\x1a') {
        ++unknown;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        ++known;
      }
    }
    if (!rule && (known == 0 ? w.find_first_of("-*:") == std::string_view::npos : unknown >= known)) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return DropColonsInCaps(out);
}

}  // namespace lienthong::parse
