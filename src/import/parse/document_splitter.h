// Splitting one file into the documents it holds.
//
// Files met in practice hold several documents: an implementing plan followed by the plan it
// implements, a decision followed by another decision, a scan of a whole folder. Each document
// ends with a closing block (recipients "Nơi nhận:" and/or a signature with a signing prefix such
// as "TM. ỦY BAN NHÂN DÂN" / "T/M BAN THƯỜNG VỤ") and the next one starts with a header. So:
//
//   1. walk the lines, remembering whether the current document has closed (a "Nơi nhận" line
//      or a signing-prefix line was seen since it started);
//   2. after a close, a header anchor starts a new document: the national motto or the Party
//      name, a number line ("Số: 13/KH-UBND"), or a type name ("KẾ HOẠCH") — except a type
//      name that belongs to an attachment ("(Ban hành kèm theo Quyết định …)", or under
//      "PHỤ LỤC"), which stays with the decision that promulgates it. Nor does anything after an
//      appendix label ("PHỤ LỤC", "Mẫu số …") start a document without a header of its own, nor
//      does a header printed as a form to fill in (no number digits, no year: an attached
//      "Mẫu báo cáo"); the motto quoted inside a sentence is no header;
//   3. the new document starts a little above its anchor: the issuer column is printed above the
//      motto, so caps lines and layout rules directly above the anchor belong to the new header.
//      The walk back stops at the previous document's signer name, at mixed-case text and at
//      table rows (an appendix), so the closing block stays with its own document.
//   4. without any close, a full header (motto or Party name, then a number line within 8 lines)
//      after 20+ lines also starts a document: the first one was cut off before its signature.
//
// Worked example (two Party plans in one file):
//
//   …  Nơi nhận:                       <- closes document 1
//   …  - Lưu Văn phòng Đảng ủy.
//   …  T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ
//   …  Nguyễn Văn A                    <- signer name: the walk back stops here
//   …  TỈNH ỦY X                       <- document 2 starts here (caps above the anchor)
//   …  BAN CHỈ ĐẠO …
//   …  ĐẢNG CỘNG SẢN VIỆT NAM          <- anchor
//   …  Số 02-KH/BCĐ
//
// A document whose header was lost (it starts straight with "KẾ HOẠCH …") is still one document:
// the first document starts at the first line — unless the text before the first header holds
// nothing a document is made of (no type name, Căn cứ/Thực hiện line, caps Roman heading, "Nơi
// nhận" or signing prefix). That text is what a web page puts around a document it shows (the
// site's metadata block: "Số hiệu:", "Loại văn bản:", "Ngày ban hành:" …); it is left out, and the
// first range then starts after it.
#pragma once

#include <utility>
#include <vector>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

// [begin, end) line ranges, in order, covering all lines from the first document's start.
std::vector<std::pair<size_t, size_t>> SplitDocuments(const std::vector<Line>& lines);

}  // namespace lienthong::parse
