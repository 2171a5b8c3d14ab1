// The terms of a time text ParseTimeSpec reads: one day ("29/8/2025"), months, quarters, parts
// of a year, years, "từ X đến Y", and the words before a term that make it a deadline
// ("trước", "chậm nhất") or an end ("đến hết"). Internal to text/time_spec_parser.cc; split out
// so the parser file reads as the order in which whole texts are tried.
#pragma once

#include <optional>

#include "core/date.h"
#include "text/time_spec_tokens.h"

namespace lienthong::text_internal {

// A parsed term: one day, or a span of whole months/quarters/years.
struct Span {
  Date start;
  Date end;
  bool is_day = false;
  bool is_range = false;  // two ends were written ("2025-2030", "Quý III - IV")
};

// How the words before a term qualify it.
enum class Qualifier { kNone, kBefore, kUntil };

// A day, quarters, part of a year, months or years at the cursor. With `year_optional`, a month
// or quarter may lack its year (year 0), for the first end of a range.
std::optional<Span> MatchTerm(TimeTokenCursor& c, bool year_optional = false);

// Words before the term ("hoàn thành trong", "trước ngày", "đến hết"): the qualifier they add up to.
Qualifier MatchPrefixes(TimeTokenCursor& c);

// "từ X đến Y" reaching the end of the text: X's first day to Y's last. A month or quarter X
// without a year takes Y's.
std::optional<Span> MatchRange(TimeTokenCursor& c);

}  // namespace lienthong::text_internal
