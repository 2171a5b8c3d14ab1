#include "text/time_spec_parser.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "text/keys.h"
#include "text/normalize.h"
#include "text/time_spec_tokens.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

using text_internal::TimeToken;
using text_internal::TimeTokenCursor;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// A parsed term: one day, or a span of whole months/quarters/years.
struct Span {
  Date start;
  Date end;
  bool is_day = false;
  bool is_range = false;  // two ends were written ("2025-2030", "Quý III - IV")
};

// How the words before a term qualify it.
enum class Qualifier { kNone, kBefore, kUntil };

Span MonthSpan(int year, int first_month, int last_month) {
  return Span{Date{year, first_month, 1}, Date::LastDayOfMonth(year, last_month), false};
}

std::optional<int> MatchYear(TimeTokenCursor& c) { return c.MatchNumber(4, 4, kMinYear, kMaxYear); }

bool MatchDateSeparator(TimeTokenCursor& c, char* used) {
  for (char sep : {'/', '-', '.'}) {
    if (c.MatchPunct(sep)) {
      *used = sep;
      return true;
    }
  }
  return false;
}

// [ngày] D/M/YYYY (or - .) | [ngày] D tháng M [,] năm YYYY
std::optional<Span> MatchDay(TimeTokenCursor& c) {
  const size_t start = c.pos();
  c.MatchWord("ngay");
  const std::optional<int> day = c.MatchNumber(1, 2, 1, 31);
  if (day) {
    char sep = 0;
    const size_t after_day = c.pos();
    if (MatchDateSeparator(c, &sep)) {
      const std::optional<int> month = c.MatchNumber(1, 2, 1, 12);
      if (month && c.MatchPunct(sep)) {
        if (const std::optional<int> year = MatchYear(c)) {
          const Date d{*year, *month, *day};
          if (d.IsValid()) return Span{d, d, true};
        }
      }
    }
    c.Reset(after_day);
    if (c.MatchWord("thang")) {
      const std::optional<int> month = c.MatchNumber(1, 2, 1, 12);
      c.MatchPunct(',');
      if (month && c.MatchWord("nam")) {
        if (const std::optional<int> year = MatchYear(c)) {
          const Date d{*year, *month, *day};
          if (d.IsValid()) return Span{d, d, true};
        }
      }
    }
  }
  c.Reset(start);
  return std::nullopt;
}

// The year after a month or quarter: "/2025", "-2025", ".2025", "năm 2025", ", năm 2025".
std::optional<int> MatchYearSuffix(TimeTokenCursor& c) {
  const size_t start = c.pos();
  char sep = 0;
  if (!MatchDateSeparator(c, &sep)) {
    c.MatchPunct(',');
    if (!c.MatchWord("nam")) {
      c.Reset(start);
      return std::nullopt;
    }
  }
  if (std::optional<int> year = MatchYear(c)) return year;
  c.Reset(start);
  return std::nullopt;
}

// tháng M [(, | và | -) [tháng] M]* (/ | năm) YYYY | M/YYYY — a list spans its first to last
// month ("Tháng 8-9/2025"). With `year_optional`, a named month without a year gives year 0 (only
// "từ tháng 7 đến tháng 12/2025" uses that; the range fills the year in).
std::optional<Span> MatchMonths(TimeTokenCursor& c, bool year_optional) {
  const size_t start = c.pos();
  const bool named = c.MatchWord("thang");
  std::vector<int> months;
  if (std::optional<int> m = c.MatchNumber(1, 2, 1, 12)) months.push_back(*m);
  while (named && !months.empty()) {
    const size_t before_sep = c.pos();
    if (!(c.MatchPunct(',') || c.MatchWord("va") || c.MatchPunct('-'))) break;
    c.MatchWord("thang");
    if (std::optional<int> m = c.MatchNumber(1, 2, 1, 12)) {
      months.push_back(*m);
    } else {
      c.Reset(before_sep);  // the separator belongs to the year ("tháng 9-2025")
      break;
    }
  }
  if (!months.empty()) {
    const auto [lo, hi] = std::minmax_element(months.begin(), months.end());
    std::optional<int> year;
    if (named) {
      year = MatchYearSuffix(c);
    } else if (c.MatchPunct('/')) {
      year = MatchYear(c);  // a bare "9/2025"
    }
    if (year) {
      Span span = MonthSpan(*year, *lo, *hi);
      span.is_range = months.size() > 1;
      return span;
    }
    if (named && year_optional) return Span{Date{0, *lo, 1}, Date{0, *hi, 1}};
  }
  c.Reset(start);
  return std::nullopt;
}

std::optional<int> MatchQuarterNumber(TimeTokenCursor& c) {
  static constexpr std::string_view kRoman[] = {"i", "ii", "iii", "iv"};
  for (int q = 1; q <= 4; ++q) {
    if (c.MatchWord(kRoman[q - 1])) return q;
  }
  return c.MatchNumber(1, 1, 1, 4);
}

// quý Q [(, | và | -) [quý] Q]* (/ | năm) YYYY — spans the first to the last quarter named.
// With `year_optional` the year may be missing (year 0), for "từ quý I đến quý III/2025".
std::optional<Span> MatchQuarters(TimeTokenCursor& c, bool year_optional) {
  const size_t start = c.pos();
  if (c.MatchWord("quy")) {
    std::vector<int> quarters;
    if (std::optional<int> q = MatchQuarterNumber(c)) quarters.push_back(*q);
    while (!quarters.empty()) {
      const size_t before_sep = c.pos();
      if (!(c.MatchPunct(',') || c.MatchWord("va") || c.MatchPunct('-'))) break;
      c.MatchWord("quy");
      if (std::optional<int> q = MatchQuarterNumber(c)) {
        quarters.push_back(*q);
      } else {
        c.Reset(before_sep);  // the separator belongs to the year ("IV-2025")
        break;
      }
    }
    if (!quarters.empty()) {
      const auto [lo, hi] = std::minmax_element(quarters.begin(), quarters.end());
      std::optional<int> year = MatchYearSuffix(c);
      if (!year && year_optional) year = 0;
      if (year) {
        // With year 0 only the start is used (MatchRange), so the end can stay a placeholder.
        const Date end = *year == 0 ? Date{0, 3 * *hi, 1} : Date::LastDayOfMonth(*year, 3 * *hi);
        return Span{Date{*year, 3 * *lo - 2, 1}, end, false, quarters.size() > 1};
      }
    }
  }
  c.Reset(start);
  return std::nullopt;
}

// N tháng đầu/cuối [năm] YYYY | nửa đầu/cuối năm YYYY
std::optional<Span> MatchPartOfYear(TimeTokenCursor& c) {
  const size_t start = c.pos();
  std::optional<int> months;
  if (c.MatchWord("nua")) {
    months = 6;
  } else {
    months = c.MatchNumber(1, 2, 1, 12);
    if (months && !c.MatchWord("thang")) months.reset();
  }
  if (months) {
    const bool first = c.MatchWord("dau");
    const bool last = !first && c.MatchWord("cuoi");
    c.MatchWord("nam");
    if (first || last) {
      if (const std::optional<int> year = MatchYear(c)) {
        return first ? MonthSpan(*year, 1, *months) : MonthSpan(*year, 13 - *months, 12);
      }
    }
  }
  c.Reset(start);
  return std::nullopt;
}

// [năm | các năm | giai đoạn] YYYY [(- | và) [năm] YYYY]
std::optional<Span> MatchYears(TimeTokenCursor& c) {
  const size_t start = c.pos();
  if (!c.MatchWords({"giai", "doan"}) && !c.MatchWords({"cac", "nam"})) c.MatchWord("nam");
  if (const std::optional<int> first = MatchYear(c)) {
    std::optional<int> last;
    const size_t after_first = c.pos();
    if (c.MatchPunct('-') || c.MatchWord("va")) {
      c.MatchWord("nam");
      last = MatchYear(c);
      if (!last) c.Reset(after_first);
    }
    if (!last || *last >= *first) {
      return Span{Date{*first, 1, 1}, Date{last.value_or(*first), 12, 31}, false, last.has_value()};
    }
  }
  c.Reset(start);
  return std::nullopt;
}

std::optional<Span> MatchTerm(TimeTokenCursor& c, bool year_optional = false) {
  if (std::optional<Span> s = MatchDay(c)) return s;
  if (std::optional<Span> s = MatchQuarters(c, year_optional)) return s;
  if (std::optional<Span> s = MatchPartOfYear(c)) return s;
  if (std::optional<Span> s = MatchMonths(c, year_optional)) return s;
  return MatchYears(c);
}

// Words before the term. Returns the qualifier they add up to.
Qualifier MatchPrefixes(TimeTokenCursor& c) {
  Qualifier q = Qualifier::kNone;
  while (true) {
    if (c.MatchWords({"hoan", "thanh"}) || c.MatchWords({"thuc", "hien"}) || c.MatchWord("trong") ||
        c.MatchWord("vao") || c.MatchWords({"tu", "nay"}) || c.MatchWord("xong")) {
      continue;
    }
    if (c.MatchWord("truoc") || c.MatchWords({"cham", "nhat"}) || c.MatchWords({"han", "chot"}) ||
        c.MatchWords({"thoi", "han"}) || c.MatchWord("han")) {
      c.MatchWord("la");
      c.MatchPunct(':');
      q = Qualifier::kBefore;
      continue;
    }
    if (c.MatchWord("den") || c.MatchWord("toi") || c.MatchWord("het")) {
      if (q == Qualifier::kNone) q = Qualifier::kUntil;
      continue;
    }
    return q;
  }
}

// "từ X đến Y": X's first day to Y's last. A month or quarter X without a year takes Y's.
std::optional<Span> MatchRange(TimeTokenCursor& c) {
  const size_t start = c.pos();
  if (c.MatchWord("tu")) {
    std::optional<Span> from = MatchTerm(c, /*year_optional=*/true);
    if (from && (c.MatchWord("den") || c.MatchWord("toi") || c.MatchPunct('-'))) {
      c.MatchWord("het");
      std::optional<Span> to = MatchTerm(c);
      if (to && c.AtEnd()) {
        if (from->start.year == 0) from->start.year = to->end.year;
        if (from->start <= to->end) return Span{from->start, to->end, false, true};
      }
    }
  }
  c.Reset(start);
  return std::nullopt;
}

bool IsRecurrenceWord(const TimeToken* t) {
  return t != nullptr && t->kind == TimeToken::Kind::kWord &&
         (t->text == "tuan" || t->text == "thang" || t->text == "quy" || t->text == "nam" ||
          t->text == "ngay" || t->text == "nua");
}

// Frequencies after "định kỳ" / "hằng" / "mỗi", anywhere in the text. nullopt: no such phrase.
// `daily` reports "hằng ngày".
std::optional<std::vector<Recurrence>> FindRecurrences(const std::vector<TimeToken>& tokens,
                                                       bool* daily) {
  TimeTokenCursor c(tokens);
  size_t anchor = tokens.size();
  for (size_t i = 0; i < tokens.size() && anchor == tokens.size(); ++i) {
    c.Reset(i);
    if (c.MatchWords({"dinh", "ky"}) ||
        ((c.MatchWord("hang") || c.MatchWord("moi")) && IsRecurrenceWord(c.Peek()))) {
      anchor = i;
    }
  }
  if (anchor == tokens.size()) return std::nullopt;
  c.Reset(anchor);
  std::vector<Recurrence> found;
  auto add = [&found](Recurrence r) {
    if (std::find(found.begin(), found.end(), r) == found.end()) found.push_back(r);
  };
  while (!c.AtEnd()) {
    while (c.MatchWords({"dinh", "ky"}) || c.MatchWord("hang") || c.MatchWord("moi") ||
           c.MatchWord("theo")) {
    }
    if (c.MatchNumber(1, 1, 6, 6) || c.MatchWord("sau")) {
      if (!c.MatchWord("thang")) break;
      add(Recurrence::kHalfYearly);
    } else if (c.MatchWords({"nua", "nam"})) {
      add(Recurrence::kHalfYearly);
    } else if (c.MatchWord("tuan")) {
      add(Recurrence::kWeekly);
    } else if (c.MatchWord("thang")) {
      add(Recurrence::kMonthly);
    } else if (c.MatchWord("quy")) {
      add(Recurrence::kQuarterly);
    } else if (c.MatchWord("nam")) {
      add(Recurrence::kYearly);
    } else if (c.MatchWord("ngay")) {
      *daily = true;
    } else {
      break;
    }
    if (!(c.MatchPunct(',') || c.MatchPunct(';') || c.MatchPunct('/') || c.MatchPunct('-') ||
          c.MatchWord("va") || c.MatchWord("hoac"))) {
      break;
    }
  }
  return found;
}

bool ContainsWords(const std::vector<TimeToken>& tokens,
                   std::initializer_list<std::string_view> words) {
  TimeTokenCursor c(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    c.Reset(i);
    if (c.MatchWords(words)) return true;
  }
  return false;
}

bool IsWhole(const std::vector<TimeToken>& tokens, std::initializer_list<std::string_view> words) {
  TimeTokenCursor c(tokens);
  return c.MatchWords(words) && c.AtEnd();
}

// Drops list bullets in front and sentence punctuation at the end.
void TrimPunctuation(std::vector<TimeToken>& tokens) {
  auto is_punct = [](const TimeToken& t, std::string_view set) {
    return t.kind == TimeToken::Kind::kPunct && t.text.size() == 1 &&
           set.find(t.text[0]) != std::string_view::npos;
  };
  while (!tokens.empty() && is_punct(tokens.back(), ".;,:")) tokens.pop_back();
  size_t lead = 0;
  while (lead < tokens.size() && is_punct(tokens[lead], "-+*")) ++lead;
  tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(lead));
  if (tokens.size() >= 2 && is_punct(tokens.front(), "(") && is_punct(tokens.back(), ")")) {
    tokens.erase(tokens.begin());
    tokens.pop_back();
  }
}

std::string TrimSpace(std::string_view text) {
  const std::u32string cps = Utf8ToUtf32(text);
  auto is_space = [](char32_t c) {
    return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0xA0 || c == 0x200B || c == 0xFEFF ||
           c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
  };
  size_t begin = 0;
  size_t end = cps.size();
  while (begin < end && is_space(cps[begin])) ++begin;
  while (end > begin && is_space(cps[end - 1])) --end;
  return Utf32ToUtf8(std::u32string_view(cps).substr(begin, end - begin));
}

// "… và các năm tiếp theo", "… và những năm tiếp theo", "… trở đi", "… trở về sau": the work
// goes on from the term with no end.
bool MatchOpenEnd(TimeTokenCursor& c) {
  const size_t start = c.pos();
  if (c.MatchWord("va") && (c.MatchWord("cac") || c.MatchWord("nhung")) && c.MatchWord("nam") &&
      (c.MatchWords({"tiep", "theo"}) || c.MatchWord("sau")) && c.AtEnd()) {
    return true;
  }
  c.Reset(start);
  if ((c.MatchWords({"tro", "di"}) || c.MatchWords({"tro", "ve", "sau"})) && c.AtEnd()) return true;
  c.Reset(start);
  return false;
}

// "Năm 2025 và các năm tiếp theo", "từ năm 2026 trở đi": ongoing from the term's first day.
bool ParseOpenEnded(const std::vector<TimeToken>& tokens, TimeSpec* spec) {
  TimeTokenCursor c(tokens);
  MatchPrefixes(c);
  c.MatchWord("tu");
  const std::optional<Span> span = MatchTerm(c);
  if (!span || !MatchOpenEnd(c)) return false;
  spec->kind = TimeSpecKind::kOngoing;
  spec->start = span->start;
  return true;
}

// Date and period forms, which must cover the whole text.
bool ParseAnchored(const std::vector<TimeToken>& tokens, TimeSpec* spec) {
  TimeTokenCursor c(tokens);
  const Qualifier qualifier = MatchPrefixes(c);
  const size_t term_start = c.pos();
  std::optional<Span> span;
  if (qualifier == Qualifier::kNone) {
    span = MatchRange(c);
    // "từ 2025 - 2030", "từ quý III - IV/2025": the term itself holds both ends.
    if (!span && c.MatchWord("tu")) {
      span = MatchTerm(c);
      if (span && !span->is_range) span.reset();
    }
  }
  if (!span) {
    c.Reset(term_start);
    span = MatchTerm(c);
  }
  if (!span || !c.AtEnd()) return false;
  if (span->is_day) {
    spec->kind = TimeSpecKind::kDate;
    spec->start = span->start;
    spec->end = span->start;
    spec->before = qualifier != Qualifier::kNone;
    return true;
  }
  switch (qualifier) {
    case Qualifier::kNone:
      spec->kind = TimeSpecKind::kPeriod;
      spec->start = span->start;
      spec->end = span->end;
      return true;
    case Qualifier::kUntil:
      spec->kind = TimeSpecKind::kPeriod;
      spec->end = span->end;
      return true;
    case Qualifier::kBefore:
      return false;  // "trước quý IV": before its first or its last day? Do not guess.
  }
  return false;
}

}  // namespace

TimeSpec ParseTimeSpec(std::string_view text) {
  TimeSpec spec;
  spec.original = TrimSpace(ToNfc(text));
  std::vector<TimeToken> tokens = text_internal::TokenizeTimeText(SearchKey(spec.original));
  TrimPunctuation(tokens);
  if (tokens.empty()) return spec;

  if (IsWhole(tokens, {"hoan", "thanh"}) || IsWhole(tokens, {"da", "hoan", "thanh"}) ||
      IsWhole(tokens, {"da", "xong"})) {
    spec.kind = TimeSpecKind::kDone;
    return spec;
  }
  if (ParseAnchored(tokens, &spec)) return spec;
  if (ParseOpenEnded(tokens, &spec)) return spec;

  bool daily = false;
  if (std::optional<std::vector<Recurrence>> recurrences = FindRecurrences(tokens, &daily)) {
    if (!recurrences->empty() || !daily) {
      spec.kind = TimeSpecKind::kRecurring;
      spec.recurrences = std::move(*recurrences);
      return spec;
    }
  }
  if (daily || ContainsWords(tokens, {"thuong", "xuyen"}) ||
      ContainsWords(tokens, {"lien", "tuc"})) {
    spec.kind = TimeSpecKind::kOngoing;
  }
  return spec;
}

}  // namespace lienthong
