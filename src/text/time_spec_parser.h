// Reading the "thời hạn" (deadline / period) column of plan documents into a TimeSpec
// (core/time_spec.h). Matching runs on the SearchKey of the text, so "hàng quý"/"hằng quý",
// "Quý"/"quy", NFD input and OCR text that lost its diacritics all read the same.
//
// Forms understood (the whole text must be one of them, apart from bullets and a final ". ; ,"):
//   kDate      "ngày 29 tháng 8 năm 2025", "29/8/2025", "29/08/2025", "29-8-2025", "29.8.2025"
//   kDate, before=true
//              "trước ngày 15/12/2025", "chậm nhất ngày …", "hoàn thành trước 30/9/2025",
//              "hạn chót …", "đến (hết) ngày …", "từ nay đến ngày …"
//   kPeriod    "tháng 9/2025", "tháng 9 năm 2025", "9/2025"; "Quý IV/2025", "quý 4 năm 2025";
//              lists span the first to the last named: "Tháng 8-9/2025", "Quý III, IV năm
//              2025"; "6 tháng đầu năm 2026" (Jan–Jun), "6 tháng cuối năm 2025" (Jul–Dec), any
//              "N tháng đầu/cuối năm", "nửa đầu/cuối năm"; "năm 2028", "2028"; "Năm 2025-2026",
//              "giai đoạn 2025 - 2030"; "từ X đến Y" (X's first day to Y's last; "từ tháng 7 đến
//              tháng 12/2025" borrows Y's year). Leading "trong", "vào", "hoàn thành", "xong",
//              "thực hiện" are allowed ("Xong trong Quý II/2026", "hoàn thành trong tháng 10 năm
//              2025").
//   kPeriod with no start
//              "hết quý IV năm 2025", "(từ nay) đến (hết) quý IV năm 2025", "đến năm 2030"
//   kOngoing   "Thường xuyên", "Liên tục", and daily work ("hằng ngày", "mỗi ngày"): Recurrence
//              has no daily value and a daily task is never overdue, which is what kOngoing means;
//              with a start, work that goes on from a term: "Năm 2025 và các năm tiếp theo",
//              "từ năm 2026 trở đi", "Quý IV/2025 và những năm tiếp theo" (start = the term's first
//              day, no end)
//   kDone      "Hoàn thành", "Đã hoàn thành", "Đã xong"
//   kRecurring "định kỳ hằng quý", "hằng tháng", "hằng năm", "định kỳ hằng quý, 6 tháng và năm"
//              ([quarterly, half-yearly, yearly]); found anywhere in the text ("Báo cáo định kỳ
//              hằng quý"); "định kỳ" with no frequency gives an empty list
// Everything else — including dates that do not exist ("31/4/2025"), two-digit years, a day or
// month with no year, and "trước quý IV" (before its start or its end?) — is kUnknown, never a
// guessed date. `original` always holds the trimmed NFC input.
//
// Thread safety: pure function.
#pragma once

#include <string_view>

#include "core/time_spec.h"

namespace lienthong {

TimeSpec ParseTimeSpec(std::string_view text);

}  // namespace lienthong
