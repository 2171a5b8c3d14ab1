#include "text/time_spec_terms.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace lienthong::text_internal {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

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

}  // namespace

std::optional<Span> MatchTerm(TimeTokenCursor& c, bool year_optional) {
  if (std::optional<Span> s = MatchDay(c)) return s;
  if (std::optional<Span> s = MatchQuarters(c, year_optional)) return s;
  if (std::optional<Span> s = MatchPartOfYear(c)) return s;
  if (std::optional<Span> s = MatchMonths(c, year_optional)) return s;
  return MatchYears(c);
}

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

}  // namespace lienthong::text_internal
