#include "text/time_spec_parser.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "text/keys.h"
#include "text/normalize.h"
#include "text/time_spec_terms.h"
#include "text/time_spec_tokens.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

using text_internal::MatchPrefixes;
using text_internal::MatchRange;
using text_internal::MatchTerm;
using text_internal::Qualifier;
using text_internal::Span;
using text_internal::TimeToken;
using text_internal::TimeTokenCursor;

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
