#include "export/official_document.h"

#include <array>
#include <sstream>
#include <string_view>


namespace lienthong {

BodyBlock BodyBlock::Heading(int level, std::string label, std::string text) {
  BodyBlock b;
  b.kind = Kind::kHeading;
  b.level = level;
  b.label = std::move(label);
  b.text = std::move(text);
  return b;
}

BodyBlock BodyBlock::Paragraph(std::string text, bool italic) {
  BodyBlock b;
  b.kind = Kind::kParagraph;
  b.text = std::move(text);
  b.italic = italic;
  return b;
}

BodyBlock BodyBlock::Table(OfficialTable table) {
  BodyBlock b;
  b.kind = Kind::kTable;
  b.table = std::move(table);
  return b;
}

namespace {

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string PlaceAndDateLine(const std::string& place, const std::optional<Date>& date) {
  std::string line = place.empty() ? "" : place + ", ";
  if (date.has_value() && date->IsValid()) {
    // ND30: "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019".
    const std::string month = date->month <= 2 ? TwoDigits(date->month)
                                               : std::to_string(date->month);
    line += "ngày " + TwoDigits(date->day) + " tháng " + month + " năm " +
            std::to_string(date->year);
  } else {
    const int year = date.has_value() && date->year > 0 ? date->year : 0;
    line += "ngày      tháng      năm " + (year > 0 ? std::to_string(year) : std::string("20   "));
  }
  return line;
}

std::string NumberLine(DocumentFamily family, const std::string& number) {
  if (family == DocumentFamily::kParty) {
    return number.empty() ? "Số       -" : "Số " + number;
  }
  if (!number.empty() && number.front() == '/') return "Số:       " + number;
  return number.empty() ? "Số:       /" : "Số: " + number;
}

std::vector<std::string> AuthorityLines(const std::string& on_behalf) {
  static constexpr std::array<std::string_view, 13> kPrefixes = {
      "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "T.M.", "K.T.", "T.L.", "TM", "KT"};
  std::vector<std::string> lines;
  std::istringstream words(on_behalf);
  std::string word;
  std::string current;
  while (words >> word) {
    bool prefix = false;
    for (std::string_view p : kPrefixes) prefix = prefix || word == p;
    if (prefix && !current.empty()) {
      lines.push_back(current);
      current.clear();
    }
    current += (current.empty() ? "" : " ") + word;
  }
  if (!current.empty()) lines.push_back(current);
  return lines;
}

std::string RomanNumeral(int n) {
  if (n <= 0 || n >= 40) return std::to_string(n);
  static constexpr std::array<std::string_view, 10> kOnes = {"",  "I",  "II",  "III",  "IV",
                                                             "V", "VI", "VII", "VIII", "IX"};
  std::string out;
  for (int i = 0; i < n / 10; ++i) out += "X";
  out += kOnes[n % 10];
  return out;
}

std::string HeadingPrefix(DocumentFamily family, int level, const std::string& label) {
  if (label.empty()) return "";
  if (level >= 3) return label + ") ";
  // Party prose numbers sections "I-", "1-" (HD36 itself: "I- HƯỚNG DẪN CHUNG").
  return label + (family == DocumentFamily::kParty ? "- " : ". ");
}

}  // namespace lienthong
