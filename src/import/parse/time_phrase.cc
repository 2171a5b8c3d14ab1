#include "import/parse/time_phrase.h"

#include <algorithm>
#include <array>

#include "import/parse/text_scan.h"
#include "text/time_spec_parser.h"

namespace lienthong::parse {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// End (code point) of a date written at `i` of `key`: "05/12/2025", "5-12-2025", "ngày 5 tháng 12
// năm 2025" (with or without "ngày"); kNpos when there is none.
size_t DateEnd(std::string_view key, size_t i) {
  while (i < key.size() && key[i] == ' ') ++i;
  if (KeyStartsWith(key.substr(i), "ngay")) {
    i += 4;
    while (i < key.size() && key[i] == ' ') ++i;
  }
  size_t j = i;
  while (j < key.size() && IsDigit(key[j])) ++j;
  if (j == i || j - i > 2) return std::string_view::npos;
  if (j < key.size() && (key[j] == '/' || key[j] == '-' || key[j] == '.')) {
    size_t k = j + 1;
    while (k < key.size() && IsDigit(key[k])) ++k;
    if (k == j + 1 || k >= key.size() || key[k] != key[j]) return std::string_view::npos;
    size_t y = k + 1;
    while (y < key.size() && IsDigit(key[y])) ++y;
    return y - (k + 1) == 4 ? y : std::string_view::npos;
  }
  // "5 tháng 12 năm 2025"
  const std::vector<KeyWord> words = KeyWords(key.substr(j));
  if (words.size() >= 4 && words[0].text == "thang" && words[2].text == "nam" &&
      words[3].text.size() == 4) {
    return j + words[3].end;
  }
  return std::string_view::npos;
}

bool InSet(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (w == s || NearlyEqualWord(w, s)) return true;
  }
  return false;
}

}  // namespace

std::string RecurrencePhraseAt(std::string_view text, size_t at) {
  const std::string key = FoldKey(text);
  const std::vector<KeyWord> words = KeyWords(std::string_view(key).substr(at));
  size_t end = at;
  size_t w = 0;
  if (words.size() >= 2 && words[0].text == "dinh" && words[1].text == "ky") {
    end = at + words[1].end;
    w = 2;
  }
  for (; w < words.size(); ++w) {
    const std::string_view t = words[w].text;
    // Why this set: frequencies and their joiners ("hằng quý, 6 tháng và năm").
    if (!InSet(t, {"hang", "quy", "thang", "nam", "tuan", "ngay", "sau", "nua", "va", "moi"}) &&
        !(t.size() <= 2 && IsDigit(t[0]))) {
      break;
    }
    // Between words only spaces and commas may appear.
    const size_t gap_begin = w == 0 ? at : at + words[w - 1].end;
    bool clean_gap = true;
    for (size_t g = gap_begin; g < at + words[w].begin; ++g) clean_gap = clean_gap && (key[g] == ' ' || key[g] == ',');
    if (!clean_gap) break;
    end = at + words[w].end;
  }
  // Trailing joiners are not part of the phrase.
  std::string phrase = Trim(SliceByCodePoints(text, at, end));
  for (int guard = 0; guard < 3; ++guard) {
    const std::string k = FoldKey(phrase);
    if (k.size() > 3 && k.substr(k.size() - 3) == " va") {
      phrase = Trim(SliceByCodePoints(phrase, 0, k.size() - 3));
    } else {
      break;
    }
  }
  // "(hoặc đột xuất)" right after belongs to it.
  size_t p = end;
  while (p < key.size() && key[p] == ' ') ++p;
  if (p < key.size() && key[p] == '(') {
    const size_t close = key.find(')', p);
    if (close != std::string::npos && close - p < 40 && key.substr(p, close - p).find("dot xuat") != std::string::npos) {
      phrase += " " + std::string(SliceByCodePoints(text, p, close + 1));
    }
  }
  return TrimChars(phrase, ",;.");
}

std::string LeadingTimePhrase(std::string_view text) {
  const std::string key = FoldKey(text);
  size_t i = 0;
  while (i < key.size() && (key[i] == ' ' || key[i] == '-' || key[i] == '+')) ++i;
  const std::string_view k = std::string_view(key).substr(i);
  if (KeyStartsWith(k, "thuong xuyen") || KeyStartsWith(k, "lien tuc")) {
    return std::string(SliceByCodePoints(text, i, i + (KeyStartsWith(k, "lien tuc") ? 8 : 12)));
  }
  if (KeyStartsWith(k, "dinh ky") || KeyStartsWith(k, "hang nam") || KeyStartsWith(k, "hang quy") ||
      KeyStartsWith(k, "hang thang") || KeyStartsWith(k, "hang tuan")) {
    return RecurrencePhraseAt(text, i);
  }
  if (KeyStartsWith(k, "truoc") || KeyStartsWith(k, "cham nhat")) {
    const std::string d = DatedLimitPhrase(text);
    if (!d.empty() && FoldKey(d).substr(0, 3) == k.substr(0, 3)) return d;
  }
  return "";
}

std::string DatedLimitPhrase(std::string_view text) {
  const std::string key = FoldKey(text);
  static constexpr std::array<std::string_view, 5> kTriggers = {"truoc", "cham nhat", "han chot",
                                                               "den het ngay", "den ngay"};
  size_t best = std::string::npos, best_end = 0;
  for (std::string_view t : kTriggers) {
    size_t from = 0;
    for (int guard = 0; guard < 20; ++guard) {
      const size_t p = KeyFind(key, t, from);
      if (p == std::string::npos) break;
      from = p + 1;
      size_t after = p + t.size();
      while (after < key.size() && key[after] == ' ') ++after;
      if (KeyStartsWith(std::string_view(key).substr(after), "la")) after += 2;
      const size_t end = DateEnd(key, after);
      if (end == std::string::npos) continue;
      if (p < best) {
        best = p;
        best_end = end;
      }
      break;
    }
  }
  if (best == std::string::npos) return "";
  return Trim(SliceByCodePoints(text, best, best_end));
}

std::string DeadlineInText(std::string_view text) {
  constexpr size_t kMaxPhraseWords = 10;
  static constexpr std::array<std::string_view, 10> kTriggers = {
      "hoan thanh trong", "xong trong", "truoc", "cham nhat",
      "han chot", "den het", "den ngay", "trong thang", "trong quy", "trong nam"};
  const std::string key = FoldKey(text.substr(0, std::min<size_t>(text.size(), 20000)));
  const std::vector<KeyWord> words = KeyWords(key);
  for (size_t w = 0; w < words.size(); ++w) {
    bool trigger = false;
    for (std::string_view t : kTriggers) trigger = trigger || KeyStartsWith(std::string_view(key).substr(words[w].begin), t);
    if (!trigger) continue;
    // The longest span from the trigger that reads as a date or a period.
    for (size_t e = std::min(words.size(), w + kMaxPhraseWords); e > w + 1; --e) {
      const std::string phrase(SliceByCodePoints(text, words[w].begin, words[e - 1].end));
      const TimeSpec spec = ParseTimeSpec(phrase);
      if ((spec.kind == TimeSpecKind::kDate || spec.kind == TimeSpecKind::kPeriod) && spec.DueDate()) {
        return phrase;
      }
    }
  }
  return "";
}

namespace {

// "quý", "tháng", "năm", "hằng" start a time phrase only before what they count ("Quý II",
// "tháng 10", "hằng năm"); "quy định", "hàng hóa" start none.
bool CountsTime(std::string_view key, size_t at, std::string_view word) {
  static constexpr std::array<std::string_view, 4> kCounters = {"quy", "thang", "nam", "hang"};
  if (std::find(kCounters.begin(), kCounters.end(), word) == kCounters.end()) return true;
  // The next word: letters and digits after the spaces and punctuation that follow.
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  size_t b = at + word.size();
  while (b < key.size() && !alnum(key[b])) ++b;
  size_t e = b;
  while (e < key.size() && alnum(key[e])) ++e;
  if (b == e) return false;
  const std::string_view w = key.substr(b, e - b);
  if (word == "hang") return w == "nam" || w == "thang" || w == "quy" || w == "tuan" || w == "ngay";
  static constexpr std::array<std::string_view, 5> kRoman = {"i", "ii", "iii", "iv", "nay"};
  return IsDigit(w.front()) || std::find(kRoman.begin(), kRoman.end(), w) != kRoman.end();
}

}  // namespace

std::string TimeFieldValue(std::string_view value) {
  std::string v = TrimChars(value, ".;");
  if (v.empty()) return v;
  const std::string key = FoldKey(v);
  static constexpr std::array<std::string_view, 17> kStarts = {
      "thuong xuyen", "lien tuc", "dinh ky", "hang", "tu ngay", "tu thang", "tu nay", "truoc",
      "den", "cham nhat", "trong", "quy", "thang", "nam", "xong", "hoan thanh", "sau khi"};
  size_t best = std::string::npos;
  for (std::string_view s : kStarts) {
    for (size_t p = KeyFind(key, s); p != std::string::npos && p < best; p = KeyFind(key, s, p + 1)) {
      if (CountsTime(key, p, s)) {
        best = p;
        break;
      }
    }
  }
  // A date written with digits also starts a time phrase.
  for (size_t i = 0; i < key.size() && i < best; ++i) {
    if (IsDigit(key[i]) && (i == 0 || key[i - 1] == ' ') && DateEnd(key, i) != std::string::npos) {
      best = i;
      break;
    }
  }
  if (best == std::string::npos || best == 0) return v;
  return TrimChars(SliceByCodePoints(v, best, key.size()), ".;, ");
}

TimeSpec ParseDeadline(std::string_view phrase) {
  const std::string whole = Trim(phrase);
  TimeSpec spec = ParseTimeSpec(whole);
  if (spec.DueDate()) return spec;
  const std::string key = FoldKey(whole);
  for (std::string_view w : {"tu", "den", "truoc", "trong", "han"}) {
    const size_t p = KeyFind(key, w);
    if (p == std::string::npos || p == 0) continue;
    TimeSpec tail = ParseTimeSpec(SliceByCodePoints(whole, p, key.size()));
    if (tail.DueDate()) {
      tail.original = whole;
      return tail;
    }
  }
  spec.original = whole;
  return spec;
}

}  // namespace lienthong::parse
