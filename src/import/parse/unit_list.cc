#include "import/parse/unit_list.h"

#include <algorithm>
#include <array>

#include "import/parse/text_scan.h"

namespace lienthong::parse {
namespace {

bool StartsWithBullet(std::string_view t) {
  return !t.empty() && (t[0] == '-' || t[0] == '+' || t.substr(0, 3) == "•" || t.substr(0, 3) == "–");
}

std::string StripBullet(std::string_view t) {
  std::string s = Trim(t);
  for (int guard = 0; guard < 3 && StartsWithBullet(s); ++guard) {
    const size_t n = (s[0] == '-' || s[0] == '+') ? 1 : 3;
    s = Trim(std::string_view(s).substr(n));
  }
  return s;
}

bool StartsUnit(std::string_view text) {
  // Only the first words matter; folding a bounded prefix keeps long cells linear.
  const std::string key = FoldKey(text.substr(0, std::min<size_t>(text.size(), 64)));
  return StartsUpper(text) && UnitHeadLength(key, 0) > 0;
}

// Nouns that name bodies in lower case: "các cơ quan, tổ chức", "các sở, ban, ngành".
constexpr std::array<std::string_view, 27> kBodyNouns = {
    "co quan", "to chuc", "don vi", "so", "ban", "nganh", "bo", "dia phuong", "doanh nghiep",
    "hoi", "doan the", "uy ban", "xa", "phuong", "huyen", "tinh", "truong", "phong", "cap uy",
    "dang uy", "chi bo", "luc luong", "hiep hoi", "trung tam", "thon", "to dan pho", "khu pho"};
// Of those, the ones that open a body's own name inside a sentence: "cơ quan thông tấn báo chí".
constexpr std::array<std::string_view, 7> kNameNouns = {
    "co quan", "to chuc", "doanh nghiep", "uy ban", "luc luong", "hiep hoi", "trung tam"};

template <size_t N>
bool StartsWithAny(std::string_view key, const std::array<std::string_view, N>& nouns) {
  for (std::string_view n : nouns) {
    if (KeyStartsWith(key, n)) return true;
  }
  return false;
}

// "các" / "những" + a body noun: a group of bodies.
bool StartsGroup(std::string_view text) {
  const std::string key = FoldKey(text.substr(0, std::min<size_t>(text.size(), 64)));
  if (!KeyStartsWith(key, "cac") && !KeyStartsWith(key, "nhung")) return false;
  const size_t space = key.find(' ');
  return space != std::string::npos && StartsWithAny(std::string_view(key).substr(space + 1), kBodyNouns);
}

// A name starts here: a capitalised unit head, a group, or a lower-case name noun followed by
// two or more words ("cơ quan thông tấn báo chí").
bool StartsAgency(std::string_view text) {
  if (StartsUnit(text) || StartsGroup(text)) return true;
  const std::string key = FoldKey(text.substr(0, std::min<size_t>(text.size(), 64)));
  return StartsWithAny(key, kNameNouns) && KeyWords(key).size() >= 4;
}

// Words after a body's name that say what it does, not who it is: "Sở Nội vụ chủ trì tham mưu
// …", "các sở, ban, ngành trong phạm vi chức năng, nhiệm vụ của mình". The phrase runs to a
// "và" or "," that starts another body, or to the end.
constexpr std::array<std::string_view, 9> kRolePhrases = {
    "chu tri", "chu dong", "phoi hop", "tham muu", "co trach nhiem", "chiu trach nhiem",
    "trong pham vi", "theo chuc nang", "can cu chuc nang"};

bool RolePhraseAt(std::string_view key, size_t at) {
  for (std::string_view r : kRolePhrases) {
    if (KeyStartsWith(key.substr(at), r)) return true;
  }
  return false;
}

std::string DropRolePhrases(const std::string& s) {
  const std::string key = FoldKey(s);
  const std::vector<KeyWord> words = KeyWords(key);
  std::string out;
  size_t copied = 0;  // code point up to which `s` is copied or dropped
  size_t w = 1;       // the first word is the name's own
  while (w < words.size()) {
    if (!RolePhraseAt(key, words[w].begin)) {
      ++w;
      continue;
    }
    size_t resume = key.size(), next = words.size();
    for (size_t v = w + 1; v < words.size(); ++v) {
      const bool after_va = words[v - 1].text == "va";
      const std::string_view gap = std::string_view(key).substr(words[v - 1].end, words[v].begin - words[v - 1].end);
      if (!after_va && gap.find(',') == std::string_view::npos) continue;
      const std::string_view rest = SliceByCodePoints(s, words[v].begin, key.size());
      if (after_va ? StartsAgency(rest) : (StartsUnit(rest) || StartsGroup(rest))) {
        resume = after_va ? words[v - 1].begin : words[v].begin;
        next = v;
        break;
      }
    }
    out += SliceByCodePoints(s, copied, words[w].begin);
    if (resume < key.size() && words[next - 1].text != "va") out += ", ";
    copied = resume;
    w = next;
  }
  out += SliceByCodePoints(s, copied, key.size());
  return CollapseSpaces(Trim(out));
}

// Splits `s` at " - " / " + " bullets whose follower starts a unit.
std::vector<std::string> SplitInnerBullets(const std::string& s) {
  std::vector<std::string> out;
  const std::string key = FoldKey(s);
  const std::vector<size_t> at = CodePointOffsets(s);
  auto slice = [&](size_t b, size_t e) { return std::string_view(s).substr(at[b], at[e] - at[b]); };
  size_t start_cp = 0;
  const size_t n = key.size();
  for (size_t i = 1; i + 2 < n; ++i) {
    if (key[i] == ' ' && (key[i + 1] == '-' || key[i + 1] == '+') && key[i + 2] == ' ') {
      const std::string_view follow = slice(i + 3, n);
      if (StartsUnit(follow) || LooksLikePersonName(follow)) {
        out.emplace_back(slice(start_cp, i));
        start_cp = i + 3;
      }
    }
  }
  out.emplace_back(slice(start_cp, n));
  return out;
}

// Splits names run together ("Đảng ủy UBND tỉnh Văn phòng Tỉnh ủy").
std::vector<std::string> SplitRunTogether(const std::string& s) {
  static constexpr std::array<std::string_view, 10> kEnders = {
      "tinh", "xa", "huyen", "phuong", "uy", "vi", "tw", "uong", "nam", "ubnd"};
  static constexpr std::array<std::string_view, 10> kHeads = {
      "van phong", "so", "ban", "uy ban", "cong an", "trung tam", "phong", "bao", "dai", "dang uy"};
  std::vector<std::string> out;
  // In capitals every word looks like a head ("ỦY BAN"): nothing to split on.
  if (IsMostlyUpper(s)) return {s};
  const std::string key = FoldKey(s);
  const std::vector<KeyWord> words = KeyWords(key);
  const std::vector<size_t> at = CodePointOffsets(s);
  auto slice = [&](size_t b, size_t e) { return std::string_view(s).substr(at[b], at[e] - at[b]); };
  size_t start_cp = 0;
  for (size_t w = 1; w < words.size(); ++w) {
    const std::string_view word_text = slice(words[w].begin, words[w].end);
    if (!StartsUpper(word_text)) continue;
    bool split = words[w].text == "cac";  // a capitalised "Các" never sits inside a name
    // "Đảng uỷ Công an Trung ương": a party committee is named after the body it serves.
    const bool party_of = w >= 2 && words[w - 2].text == "dang" && words[w - 1].text == "uy";
    if (!split && !party_of) {
      bool ender = false;
      for (std::string_view e : kEnders) ender = ender || words[w - 1].text == e;
      if (ender) {
        const std::string_view rest = std::string_view(key).substr(words[w].begin);
        for (std::string_view h : kHeads) split = split || KeyStartsWith(rest, h);
      }
    }
    // Keep "… của Ban X", "… và Văn phòng": a connector before the head joins, not splits.
    if (split && key[words[w].begin - 1] == ' ' && words[w].begin >= 1) {
      out.emplace_back(slice(start_cp, words[w].begin));
      start_cp = words[w].begin;
    }
  }
  out.emplace_back(slice(start_cp, key.size()));
  return out;
}

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',') {
      parts.push_back(Trim(std::string_view(s).substr(start, i - start)));
      start = i + 1;
    }
  }
  std::vector<std::string> out;
  for (std::string& p : parts) {
    if (p.empty()) continue;
    const std::string key = FoldKey(p);
    const bool cac = KeyStartsWith(key, "cac") || KeyStartsWith(key, "nhung");
    bool separate;
    if (out.empty()) {
      separate = true;
    } else if (StartsLower(p)) {
      // "…, các tổ chức …" is a unit, and so is "…, cơ quan thông tấn báo chí" after a name;
      // "…, ban, ngành" and "…, tổ chức" continue a group ("các cơ quan, tổ chức …").
      separate = cac || (StartsAgency(p) && !StartsGroup(out.back()));
    } else {
      separate = cac || StartsUnit(p) || LooksLikePersonName(p);
    }
    if (separate) {
      out.push_back(p);
    } else {
      out.back() += ", " + p;
    }
  }
  return out;
}

// Splits at the first " và " that stands between two names ("Sở Giáo dục và Đào tạo và Sở Y
// tế": not inside the first name, where the right side is no name of its own).
std::vector<std::string> SplitVa(const std::string& s) {
  const std::string key = FoldKey(s);
  for (size_t p = KeyFind(key, "va"); p != std::string::npos && p > 0; p = KeyFind(key, "va", p + 2)) {
    const std::string left = Trim(SliceByCodePoints(s, 0, p));
    const std::string right = Trim(SliceByCodePoints(s, p + 2, key.size()));
    // "Văn phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh" are one office serving
    // two elected bodies: no split before such a body, nor between two bare abbreviations.
    // "Văn phòng Tỉnh ủy và các Ban …" names two bodies.
    const std::string lkey = FoldKey(left), rkey = FoldKey(right);
    const bool bare_pair = (KeyStartsWith(rkey, "ubnd") || KeyStartsWith(rkey, "hdnd")) &&
                           (lkey.size() >= 4 && (lkey.substr(lkey.size() - 4) == "hdnd" ||
                                                 lkey.substr(lkey.size() - 4) == "ubnd"));
    bool elected = false;
    for (std::string_view b : {"ubnd", "hdnd", "hoi dong nhan dan", "uy ban nhan dan", "doan dai bieu",
                               "doan dbqh", "dbqh"}) {
      elected = elected || KeyStartsWith(rkey, b);
    }
    if ((KeyStartsWith(lkey, "van phong") && elected) || bare_pair) return {s};
    if (StartsAgency(left) && StartsAgency(right) && KeyWords(lkey).size() >= 2) {
      std::vector<std::string> out = {left};
      for (std::string& r : SplitVa(right)) out.push_back(std::move(r));
      return out;
    }
  }
  return {s};
}

}  // namespace

std::string CleanUnitName(std::string_view text) {
  std::string s = StripBullet(text);
  const std::string key = FoldKey(s);
  // "Đề nghị"; OCR reads the Đ as B or P ("bé nghi").
  const std::vector<KeyWord> w = KeyWords(key);
  if (w.size() >= 3 && w[1].text == "nghi" && (w[0].text == "de" || w[0].text == "be" || w[0].text == "pe")) {
    s = Trim(SliceByCodePoints(s, w[2].begin, key.size()));
  }
  s = TrimChars(s, ";:,.");
  return CollapseSpaces(s);
}

std::vector<std::string> SplitUnitList(std::string_view text) {
  std::vector<std::string> pieces;
  // 1. Line breaks and ';'.
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == ';') {
      std::string p = Trim(text.substr(start, i - start));
      if (!p.empty()) pieces.push_back(std::move(p));
      start = i + 1;
    }
  }
  std::vector<std::string> out;
  for (const std::string& piece : pieces) {
    // 2. Bullets inside a bulleted piece.
    std::vector<std::string> bullet_parts;
    if (StartsWithBullet(piece)) {
      bullet_parts = SplitInnerBullets(StripBullet(piece));
    } else {
      bullet_parts.push_back(piece);
    }
    for (const std::string& bp : bullet_parts) {
      const std::string cleaned = CleanUnitName(bp);
      if (cleaned.empty()) continue;
      // 3. A colon keeps a group and its members together.
      if (cleaned.find(':') != std::string::npos) {
        out.push_back(cleaned);
        continue;
      }
      for (const std::string& cp : SplitCommas(DropRolePhrases(cleaned))) {
        for (const std::string& vp : SplitVa(cp)) {
          for (const std::string& rp : SplitRunTogether(vp)) {
            std::string name = CleanUnitName(rp);
            if (!name.empty()) out.push_back(std::move(name));
          }
        }
      }
    }
  }
  return out;
}

namespace {

// Lower-case words that start what a body is asked to do; a name never contains them.
constexpr std::array<std::string_view, 47> kActionWords = {
    "chu tri", "phoi hop", "chi dao", "lanh dao", "tiep tuc", "khan truong", "nghien cuu",
    "ra soat", "co trach nhiem", "chiu trach nhiem", "chu dong", "phai", "can", "thuc hien",
    "to chuc", "xay dung", "huong dan", "theo doi", "tham muu", "bao cao", "trien khai",
    "day manh", "tang cuong", "quan triet", "bao dam", "dam bao", "kiem tra", "don doc",
    "ban hanh", "som", "nam chac", "phat huy", "quan tam", "la co quan", "de xuat", "xem xet",
    "trinh", "cung cap", "pho bien", "tuyen truyen", "van dong", "giam sat", "hoan thanh",
    "tong hop", "cap nhat", "dong thoi", "lap"};
constexpr std::array<std::string_view, 4> kRoleVerbs = {"chu tri", "phoi hop", "co trach nhiem",
                                                         "chiu trach nhiem"};
constexpr std::array<std::string_view, 9> kClearVerbs = {
    "chu tri", "phoi hop", "co trach nhiem", "chiu trach nhiem", "tham muu", "lap", "thuc hien",
    "trien khai", "chi dao"};

template <size_t N>
bool PhraseAt(std::string_view key, size_t at, const std::array<std::string_view, N>& phrases) {
  for (std::string_view p : phrases) {
    if (KeyStartsWith(key.substr(at), p)) return true;
  }
  return false;
}

}  // namespace

Assignment FindAssignment(std::string_view sentence, bool role_verb_only) {
  // A sentence may address a dozen bodies at once ("Đề nghị Văn phòng Tỉnh ủy và các Ban …,
  // Tòa án nhân dân tỉnh, … tăng cường …"); an unaddressed subject is one name.
  constexpr size_t kMaxAddressedWords = 80, kMaxSubjectWords = 24;  // two bodies, ';' between
  Assignment a;
  const std::string text = Trim(sentence.substr(0, std::min<size_t>(sentence.size(), 600)));
  const std::string key = FoldKey(text);
  const std::vector<KeyWord> words = KeyWords(key);
  if (words.size() < 2) return a;
  size_t first = 0;
  bool named_only = false;  // "Yêu cầu"/"Đề nghị": a named body, not a group
  if (words[0].text == "giao" && StartsUpper(text)) {
    first = 1;
  } else if (words[1].text == "cau" && words[0].text == "yeu" && StartsUpper(text)) {
    first = 2;
    named_only = true;
  } else if (words[1].text == "nghi" && words[0].text == "de" && StartsUpper(text)) {
    first = 2;
    named_only = true;
  }
  if (first >= words.size()) return a;
  const std::string_view rest = SliceByCodePoints(text, words[first].begin, key.size());
  if (named_only ? !StartsUnit(rest) : !StartsAgency(rest)) return a;
  if (first == 0 && !StartsUpper(rest)) return a;
  // The name runs to an action word (lower case in the text), a colon or ", nhất là".
  size_t end = std::string_view::npos;
  bool role = false;
  const size_t max_words = first > 0 ? kMaxAddressedWords : kMaxSubjectWords;
  for (size_t w = first + 1; w < words.size() && w <= first + max_words; ++w) {
    const std::string_view gap = std::string_view(key).substr(words[w - 1].end, words[w].begin - words[w - 1].end);
    if (gap.find(':') != std::string_view::npos) {
      end = words[w - 1].end;
      a.text_begin = words[w].begin;
      // A run-in label after the colon ("Giao X: (i) Chỉ đạo …", "a) …") numbers the work.
      const bool label = words[w].end - words[w].begin <= 4 && words[w].end < key.size() &&
                         key[words[w].end] == ')' && w + 1 < words.size();
      if (label) a.text_begin = words[w + 1].begin;
      break;
    }
    if (gap.find(',') != std::string_view::npos && KeyStartsWith(std::string_view(key).substr(words[w].begin), "nhat la")) {
      end = words[w - 1].end;
      break;
    }
    // After a comma the word is another member of a list ("các cơ quan, tổ chức"), not a verb.
    const bool lower = StartsLower(SliceByCodePoints(text, words[w].begin, words[w].end));
    if (lower && gap.find(',') == std::string_view::npos && PhraseAt(key, words[w].begin, kActionWords)) {
      end = words[w - 1].end;
      role = PhraseAt(key, words[w].begin, kRoleVerbs);
      a.clear_verb = PhraseAt(key, words[w].begin, kClearVerbs);
      a.role_verb = role;
      break;
    }
  }
  if (end == std::string_view::npos) return a;
  a.addressed = first > 0;
  if (!a.addressed && role_verb_only && !role && a.text_begin == 0) return a;
  a.body = CleanUnitName(SliceByCodePoints(text, words[first].begin, end));
  return a;
}

std::string LeadingUnitName(std::string_view line) {
  static constexpr std::array<std::string_view, 16> kNameWords = {
      "nhan", "dan", "tinh", "thanh", "pho", "xa", "phuong", "huyen", "quan", "trung", "uong",
      "quoc", "gia", "cap", "khu", "dac"};
  const std::string text = StripBullet(line.substr(0, std::min<size_t>(line.size(), 400)));
  if (!StartsAgency(text)) return "";
  const std::string key = FoldKey(text);
  const std::vector<KeyWord> words = KeyWords(key);
  if (words.empty()) return "";
  size_t end = words[0].end;
  bool after_capital = StartsUpper(text);
  for (size_t w = 1; w < words.size() && w < 12; ++w) {
    const bool capital = StartsUpper(SliceByCodePoints(text, words[w].begin, words[w].end));
    bool named = false;
    for (std::string_view n : kNameWords) named = named || words[w].text == n;
    const bool va = words[w].text == "va" && w + 1 < words.size() &&
                    StartsUpper(SliceByCodePoints(text, words[w + 1].begin, words[w + 1].end));
    if (!(capital || named || va || after_capital)) break;
    after_capital = capital;
    end = words[w].end;
  }
  return CleanUnitName(SliceByCodePoints(text, 0, end));
}

}  // namespace lienthong::parse
