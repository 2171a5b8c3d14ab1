// Finding the words that state a deadline inside longer text, so a task keeps the deadline as
// written ("trước ngày 05/12/2025", "Định kỳ hằng quý", "Từ ngày 28/8/2025 đến hết ngày
// 31/12/2025") and its date is computed by ParseTimeSpec (text/time_spec_parser.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time_spec.h"

namespace lienthong::parse {

// A time phrase the text starts with: "Thường xuyên", "Định kỳ hằng quý", "Hằng năm",
// "Trước ngày 15/9/2025 …", "Quý IV/2025". "" when the text starts otherwise.
std::string LeadingTimePhrase(std::string_view text);

// A dated limit anywhere: "trước ngày 05/12/2025", "chậm nhất ngày 30/9/2025", "hoàn thành trước
// 30/9/2025", "hạn chót …". "" when none.
std::string DatedLimitPhrase(std::string_view text);

// A deadline written inside running text, as written: "…, hoàn thành trong năm 2025.", "…
// (hoàn thành trong tháng 11/2025)", "… dứt điểm trước ngày 31/12/2025", "xong trong Quý
// II/2026", "chậm nhất ngày …". The earliest such phrase whose words ParseTimeSpec reads as a date
// or a period (the longest reading); "" when none.
std::string DeadlineInText(std::string_view text);

// The value of a "Thời gian thực hiện:" field: all of it when it starts with a time phrase,
// else from the first time word on ("Tổ chức … thường xuyên từ ngày …" -> "thường xuyên từ
// ngày …"); a final '.' or ';' dropped.
std::string TimeFieldValue(std::string_view value);

// After "định kỳ" (at code point `at` of `text`): "định kỳ hằng quý, 6 tháng và năm",
// "định kỳ (hoặc đột xuất)".
std::string RecurrencePhraseAt(std::string_view text, size_t at);

// ParseTimeSpec of the phrase; when that gives no due date, the spec of the phrase's tail from
// its first "từ"/"đến"/"trước"/"trong" ("thường xuyên từ … đến hết ngày 31/12/2025"). The
// result's `original` is always the whole phrase.
TimeSpec ParseDeadline(std::string_view phrase);

}  // namespace lienthong::parse
