// OfficialDocument: a Vietnamese official document (kế hoạch, báo cáo, …) as the parts the
// presentation rules name, independent of plans and reports. Writers (docx_writer.h) lay it out
// by the rules of its family:
//   state  — Nghị định 30/2020/NĐ-CP, Appendix I (Quốc hiệu + Tiêu ngữ, "Số: 13/KH-UBND", TM./KT.)
//   party  — Hướng dẫn 36-HD/VPTW (ĐẢNG CỘNG SẢN VIỆT NAM, star under the issuer,
//            "Số 02-KH/TU", T/M, K/T)
// Text is given as it should read (NFC); the writer only changes case where the rules ask for
// capitals (issuer lines, type name, level-1 headings, signing authority).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/plan.h"  // DocumentFamily, Signer

namespace lienthong {

// DocumentFamily and Signer come from core/plan.h; kUnknown is laid out as a state document.
// Signer::on_behalf holds the signing authority and position, e.g.
// "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" (printed split before each prefix) or "T/M BAN THƯỜNG VỤ".

// A table in the body or an appendix. Group rows (a task group such as "NHÓM NHIỆM VỤ CHỈ ĐẠO")
// span every column in bold.
struct OfficialTable {
  struct Row {
    std::vector<std::string> cells;
    bool group = false;  // cells[0] spans the table
    bool bold = false;   // a total row
  };
  std::vector<std::string> headers;   // repeated on each page
  std::vector<double> column_weights; // relative widths; missing → equal shares
  std::vector<Row> rows;
};

struct BodyBlock {
  enum class Kind { kHeading, kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  // Headings: 1 → "I. MỤC ĐÍCH, YÊU CẦU" (caps, bold), 2 → "1. Mục đích" (bold),
  // 3 → "a) …" (upright). The label is the numeral alone ("I", "1", "a"); the family adds the
  // punctuation ("I." state, "I-" party). An empty label prints the text alone.
  int level = 0;
  std::string label;
  std::string text;     // headings and paragraphs; "\n" starts a new line in the paragraph
  bool italic = false;  // paragraphs: legal bases ("Căn cứ …;") are italic
  OfficialTable table;

  static BodyBlock Heading(int level, std::string label, std::string text);
  static BodyBlock Paragraph(std::string text, bool italic = false);
  static BodyBlock Table(OfficialTable table);
};

// "Phụ lục" after the signature, on a new page: "Phụ lục" (numbered I, II… when there are
// several), the title in capitals, and "(Kèm theo <type> số <number> ngày <d/m/y>)".
struct Appendix {
  std::string title;
  std::vector<BodyBlock> blocks;
};

struct OfficialDocument {
  DocumentFamily family = DocumentFamily::kState;
  std::string parent_issuer;  // "UBND TỈNH ĐẮK LẮK", "ĐẢNG BỘ TỈNH PHÚ THỌ"; may be empty
  std::string issuer;         // "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH", "BAN THƯỜNG VỤ"
  // "27/KH-UBND", "02-KH/TU"; empty → a blank for the clerk; "/BC-UBND" → the symbol with a
  // blank for the number ("Số:       /BC-UBND").
  std::string number;
  std::string place;          // "Hưng Thịnh"
  std::optional<Date> date;   // nullopt → blanks for the clerk
  std::string type_name;      // "Kế hoạch", "Báo cáo" (printed in capitals)
  std::string title;          // trích yếu
  // "Kính gửi" (box 9a) of a document sent to named bodies, e.g. a báo cáo sent upward; printed
  // under the trích yếu: one on the line itself, several as "- …;" lines.
  std::vector<std::string> addressees;
  std::vector<BodyBlock> body;
  Signer signer;
  std::vector<std::string> recipients;  // without "- " and the trailing ";"/"."
  std::vector<Appendix> appendices;
};

// "Hà Nội, ngày 05 tháng 3 năm 2025": days below 10 and months 1 and 2 take a leading zero
// (ND30 Appendix I §II.4). Without a date the day and month are left blank for the clerk.
std::string PlaceAndDateLine(const std::string& place, const std::optional<Date>& date);
// "Số: 13/KH-UBND" (state) / "Số 02-KH/TU" (party); a blank number leaves room to write it in,
// before the symbol when only that is given ("/BC-UBND").
std::string NumberLine(DocumentFamily family, const std::string& number);
// The signing authority split into printed lines: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" →
// {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"}; the party prefixes T/M, K/T, T/L likewise.
std::vector<std::string> AuthorityLines(const std::string& on_behalf);
// "I. " / "I- " / "1. " / "1- " / "a) " for a heading label in this family; "" for no label.
std::string HeadingPrefix(DocumentFamily family, int level, const std::string& label);
// Roman numeral for 1..39 ("I", "IV", "XII"); decimal digits otherwise.
std::string RomanNumeral(int n);

}  // namespace lienthong
