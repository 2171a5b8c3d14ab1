#include "export/ooxml.h"

#include <cmath>

#include <unicode/uchar.h>

#include "util/utf8.h"

namespace lienthong::ooxml {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (b < 0x20 && c != '\t' && c != '\n') break;  // not allowed in XML 1.0
        out += c;
    }
  }
  return out;
}

namespace {

std::string RunProperties(const RunStyle& s) {
  std::string rpr = "<w:rPr>";
  if (s.bold) rpr += "<w:b/><w:bCs/>";
  if (s.italic) rpr += "<w:i/><w:iCs/>";
  if (s.underline) rpr += "<w:u w:val=\"single\"/>";
  const int half_points = static_cast<int>(std::lround(s.size_pt * 2));
  rpr += "<w:sz w:val=\"" + std::to_string(half_points) + "\"/><w:szCs w:val=\"" +
         std::to_string(half_points) + "\"/></w:rPr>";
  return rpr;
}

const char* AlignName(Align a) {
  switch (a) {
    case Align::kLeft: return "left";
    case Align::kCenter: return "center";
    case Align::kRight: return "right";
    case Align::kJustify: return "both";
  }
  return "left";
}

}  // namespace

std::string Run(std::string_view text, const RunStyle& style) {
  std::string out = "<w:r>" + RunProperties(style);
  std::string pending;
  auto flush = [&] {
    if (!pending.empty()) out += "<w:t xml:space=\"preserve\">" + Escape(pending) + "</w:t>";
    pending.clear();
  };
  for (char c : text) {
    if (c == '\t') {
      flush();
      out += "<w:tab/>";
    } else if (c == '\n') {
      flush();
      out += "<w:br/>";
    } else {
      pending += c;
    }
  }
  flush();
  return out + "</w:r>";
}

std::string Paragraph(const ParagraphStyle& s, const std::string& runs,
                      const std::string& extra_ppr) {
  std::string ppr = "<w:pPr>";
  if (s.keep_next) ppr += "<w:keepNext/>";
  if (s.page_break_before) ppr += "<w:pageBreakBefore/>";
  if (s.border_top || s.border_bottom) {
    ppr += "<w:pBdr>";
    if (s.border_top) ppr += "<w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/>";
    if (s.border_bottom) {
      ppr += "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/>";
    }
    ppr += "</w:pBdr>";
  }
  ppr += "<w:spacing w:before=\"" + std::to_string(s.before) + "\" w:after=\"" +
         std::to_string(s.after) + "\" w:line=\"" + std::to_string(s.line) +
         "\" w:lineRule=\"" + (s.exact_line ? "exact" : "auto") + "\"/>";
  ppr += "<w:ind w:left=\"" + std::to_string(s.indent_left) + "\" w:right=\"" +
         std::to_string(s.indent_right) + "\" w:firstLine=\"" + std::to_string(s.first_line) +
         "\"/>";
  ppr += std::string("<w:jc w:val=\"") + AlignName(s.align) + "\"/>";
  ppr += extra_ppr + "</w:pPr>";
  return "<w:p>" + ppr + runs + "</w:p>";
}

std::string TextParagraph(std::string_view text, const ParagraphStyle& p, const RunStyle& r) {
  return Paragraph(p, text.empty() ? "" : Run(text, r));
}

int EstimateWidth(std::string_view text, double size_pt, bool bold) {
  // Average advance widths of Times New Roman (em units), measured on Liberation Serif, which
  // shares its metrics: capitals ~0.66 (bold 0.68), lower case ~0.47 (bold 0.53); calibrated on
  // "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold (206 pt) and the Tiêu ngữ 13 pt bold (159 pt).
  double em = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = DecodeUtf8(text, &pos);
    if (c == U' ') {
      em += 0.25;
    } else if (c >= U'0' && c <= U'9') {
      em += 0.5;
    } else if (u_isupper(static_cast<UChar32>(c))) {
      em += bold ? 0.68 : 0.66;
    } else if (u_islower(static_cast<UChar32>(c))) {
      em += bold ? 0.53 : 0.47;
    } else {
      em += 0.33;  // punctuation and dashes
    }
  }
  return static_cast<int>(std::lround(em * size_pt * 20));
}

}  // namespace lienthong::ooxml
