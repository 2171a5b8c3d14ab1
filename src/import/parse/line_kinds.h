// Recognisers for the fixed elements of an official document (vn-documents.md §1–2): the
// national motto and Party name, the number/symbol line, the place-and-date line, the type name,
// signing prefixes, "Nơi nhận", the preamble's "Căn cứ"/"Thực hiện", and item numbering (the
// header's recognisers are in header_elements.cc, the rest in line_kinds.cc). All work
// on the fold key (text_scan.h), so text without diacritics is recognised the same way; positions
// are code-point offsets valid in both the key and the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

inline constexpr size_t kNpos = std::string_view::npos;

// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM",
// each tolerant of one OCR slip per word.
enum class HeaderPhrase { kNone, kStateMotto, kStateSlogan, kPartyName };
struct PhraseHit {
  HeaderPhrase phrase = HeaderPhrase::kNone;
  size_t begin = kNpos;
  size_t end = kNpos;
};
PhraseHit FindHeaderPhrase(std::string_view key);

// "Số: 13/KH-UBND", "Số 02 - KH/BCĐ", "Số:     /KH-UBND" (draft), "S607 —HD/BTGDVTU" (OCR) at
// code point `from`. `symbol` is nullopt for a blank draft number; spaces are removed and dashes
// normalised ("02-KH/BCĐ").
struct NumberMatch {
  bool found = false;
  std::optional<std::string> symbol;
  size_t end = 0;  // code point after the symbol
};
NumberMatch MatchNumber(const Line& line, size_t from);
// A number line whose "Số" OCR dropped as specks ("§ố 383-QĐ/TW" read as "383-QĐ/TW"): the rest
// of the line from `from` is one symbol and nothing else, with a known type, a '-' and a '/'.
NumberMatch MatchBareSymbol(const Line& line, size_t from);

// "<place>, ngày 29 tháng 8 năm 2025" anywhere in the line. Blank day or month (drafts) give
// "YYYY-MM" / "YYYY". `begin` is where the place/date part starts after the left column's caps
// text, `ngay` where "ngày" starts.
struct DateMatch {
  bool found = false;
  size_t begin = 0;
  size_t ngay = 0;
  size_t end = 0;
  std::string place;
  std::optional<std::string> iso;
};
DateMatch FindPlaceDate(const Line& line);

// The type name at the start of a caps line ("KẾ HOẠCH", "KẾ HOẠCH TRUYỀN THÔNG", "QUYẾT ĐỊNH"):
// its display form ("Kế hoạch") and the code point where the caps run ends. nullopt otherwise.
struct TypeMatch {
  std::string doc_type;
  size_t caps_end = 0;  // end of the caps run ("KẾ HOẠCH TRUYỀN THÔNG")
};
std::optional<TypeMatch> MatchTypeLine(const Line& line);
// A caps line of 9+ words that starts with a type name: the name and its title printed on one line
// ("QUYẾT ĐỊNH CÔNG BỐ THỦ TỤC HÀNH CHÍNH …"); `caps_end` is where the name ends. Only the header
// reader asks, after the number or date: elsewhere such a line is a caps heading.
std::optional<TypeMatch> MatchTypeNameBeforeCapsTitle(const Line& line);
// From a symbol's type abbreviation: "02-KH/BCĐ" -> "Kế hoạch", "13/HD-UBND" -> "Hướng dẫn".
std::string DocTypeFromSymbol(std::string_view symbol);
// The type abbreviation of a symbol ("KH" of "02-KH/BCĐ" and of "13/KH-UBND"); "" for a law.
std::string SymbolTypeAbbrev(std::string_view symbol);

// "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q. GIÁM ĐỐC".
bool IsSigningPrefixLine(const Line& line);
// Code point after "Nơi nhận:" (OCR "Noi nhén:") when the line starts with it; kNpos otherwise.
size_t MatchNoiNhan(std::string_view key);
// "Căn cứ …", "- Căn cứ …", "Thực hiện …", "Triển khai …", "Thi hành …".
bool IsPreambleStart(std::string_view key);
bool IsThucHien(std::string_view key);
// "… ban hành kèm theo Quyết định này Kế hoạch …": a decision (resolution, directive) that issues
// a plan printed after the decision's own signature.
bool IssuesAttachedPlan(std::string_view key);
// "-----", "_____", "***", a lone "*": layout rules, not text.
bool IsRuleLine(std::string_view key);
// "(Đã ký)", "(ký)", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)".
bool IsSignedNote(std::string_view key);
// "- 2031; …" after a line ending "… nhiệm kỳ 2026": the end of a range of years a line break cut
// before its dash, not a list item ("- 2026: …", a phase, is one).
bool ContinuesYearRange(std::string_view previous_key, std::string_view key);

// Item numbering at the start of a line. kChapter: "Chương II", "PHẦN I", "Phần thứ nhất" (ND30
// §1.6: its title may be on the next line); kArticle: "Điều 21." (label "21").
enum class Numbering { kNone, kRoman, kArabic, kLetter, kDash, kPlus, kChapter, kArticle };
struct ItemLabel {
  Numbering kind = Numbering::kNone;
  std::string label;   // "I", "1", "1.1", "a", "-", "+", "II" (chapter), "21" (article)
  int depth = 0;       // kArabic: number of parts ("1.1." -> 2)
  size_t text_begin = 0;  // code point where the item's text starts
};
ItemLabel ParseItemLabel(const Line& line);
// A line that is an item label and nothing else ("I.", "2.", "a)"): its text is on the next line.
bool IsBareItemLabel(const Line& line);
// "I" → 1 … "XV" → 15; 0 for anything else.
int RomanValue(std::string_view s);
// A Roman heading's title is in capitals; a trailing lower-case note in brackets does not count
// ("TỔ CHỨC THỰC HIỆN (Chi tiết tại phụ lục)").
bool IsCapsHeadingTitle(std::string_view title);
// A line that is a Roman-numbered caps heading ("I. MỤC ĐÍCH, YÊU CẦU", "II- NỘI DUNG"), or a
// chapter or part line ("Chương II", "PHẦN I").
bool IsRomanHeadingLine(const Line& line);

}  // namespace lienthong::parse
