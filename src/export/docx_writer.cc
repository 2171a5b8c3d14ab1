#include "export/docx_writer.h"

#include <algorithm>
#include <numeric>

#include "export/docx_package.h"
#include "export/ooxml.h"
#include "export/vn_number_format.h"
#include "export/zip_writer.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

using ooxml::Align;
using ooxml::ParagraphStyle;
using ooxml::RunStyle;

// A4 and margins in twips (1 mm = 56.69 twips): top/bottom 20 mm, left 30 mm, right 15 mm.
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMarginTop = 1134;
constexpr int kMarginBottom = 1134;
constexpr int kMarginLeft = 1701;
constexpr int kMarginRight = 850;
constexpr int kHeaderDistance = 567;  // page number about 10 mm from the top edge
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 9355 ≈ 165 mm
constexpr int kFirstLineIndent = 567;                               // 1 cm
constexpr int kParagraphGap = 120;                                  // 6 pt
constexpr int kBodyLineSpacing = 276;                               // 1.15 lines

// Type sizes and styles per component (vn-documents.md §1.3 state, §2.1 party).
struct FamilyStyle {
  RunStyle motto_top;     // Quốc hiệu / ĐẢNG CỘNG SẢN VIỆT NAM
  RunStyle motto_bottom;  // Tiêu ngữ (state only)
  RunStyle parent;
  RunStyle issuer;
  RunStyle number;
  RunStyle place_date;
  RunStyle type_name;
  RunStyle title;
  RunStyle body;
  RunStyle table;
  RunStyle authority;
  RunStyle signer_title;
  RunStyle signer_name;
  RunStyle recipients_label;
  RunStyle recipients;
  int header_left_width;  // the two header columns
};

FamilyStyle StyleFor(DocumentFamily family) {
  if (family == DocumentFamily::kParty) {
    return {.motto_top = {15, true},
            .motto_bottom = {14, true},
            .parent = {14},
            .issuer = {14, true},
            .number = {14},
            .place_date = {14, false, true},
            .type_name = {16, true},
            .title = {15, true},
            .body = {14},
            .table = {13},
            .authority = {14, true},
            .signer_title = {14},
            .signer_name = {14, true},
            .recipients_label = {14, false, false, true},
            .recipients = {12},
            .header_left_width = 4300};
  }
  return {.motto_top = {12, true},
          .motto_bottom = {13, true},
          .parent = {13},
          .issuer = {13, true},
          .number = {13},
          .place_date = {14, false, true},
          .type_name = {14, true},
          .title = {14, true},
          .body = {14},
          .table = {13},
          .authority = {14, true},
          .signer_title = {14, true},
          .signer_name = {14, true},
          .recipients_label = {12, true, true},
          .recipients = {11},
          .header_left_width = 3600};
}

ParagraphStyle Centered(int before = 0, int after = 0) {
  ParagraphStyle p;
  p.align = Align::kCenter;
  p.before = before;
  p.after = after;
  return p;
}

// A centred rule `length` twips long, drawn under an empty, 4 pt high paragraph
// indented from both sides of a column `column_width` wide.
std::string Rule(int length, int column_width) {
  ParagraphStyle p = Centered();
  const int side = std::max(0, (column_width - length) / 2);
  p.indent_left = side;
  p.indent_right = side;
  // The rule is the bottom border of an empty 4 pt line, which keeps it clear of the
  // descenders of the line above (a top border would touch them).
  p.border_bottom = true;
  p.exact_line = true;
  p.line = 80;
  return ooxml::Paragraph(p, "");
}

// A centred line with a solid rule under it as long as the text (Tiêu ngữ, party heading). The
// rule is a paragraph of its own, so a short width estimate never makes the text wrap.
std::string UnderlinedHeading(const std::string& text, const RunStyle& style, int column_width) {
  const int width = std::min(ooxml::EstimateWidth(text, style.size_pt, style.bold), column_width);
  return ooxml::TextParagraph(text, Centered(), style) + Rule(width, column_width);
}

std::string TableProperties(int width, bool borders) {
  const std::string border = borders ? "single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000"
                                     : "nil";
  std::string tblpr = "<w:tblPr><w:tblW w:w=\"" + std::to_string(width) +
                      "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    tblpr += std::string("<w:") + side + " w:val=\"" + border + "\"/>";
  }
  tblpr += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>";
  if (!borders) {
    tblpr += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/>"
             "</w:tblCellMar>";
  }
  return tblpr + "</w:tblPr>";
}

std::string Grid(const std::vector<int>& widths) {
  std::string grid = "<w:tblGrid>";
  for (int w : widths) grid += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  return grid + "</w:tblGrid>";
}

std::string Cell(int width, const std::string& paragraphs, int span = 1) {
  std::string tcpr = "<w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (span > 1) tcpr += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
  tcpr += "</w:tcPr>";
  // A cell must end with a paragraph.
  return "<w:tc>" + tcpr + (paragraphs.empty() ? "<w:p/>" : paragraphs) + "</w:tc>";
}

// Two borderless columns; each row is (left paragraphs, right paragraphs).
std::string TwoColumnBlock(int left_width, const std::vector<std::pair<std::string, std::string>>& rows) {
  const int right_width = kTextWidth - left_width;
  std::string xml = "<w:tbl>" + TableProperties(kTextWidth, false) + Grid({left_width, right_width});
  for (const auto& [left, right] : rows) {
    xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + Cell(left_width, left) +
           Cell(right_width, right) + "</w:tr>";
  }
  return xml + "</w:tbl>";
}

std::string HeaderBlock(const OfficialDocument& doc, const FamilyStyle& s) {
  const int left = s.header_left_width;
  const int right = kTextWidth - left;
  std::string issuer_cell;
  if (!doc.parent_issuer.empty()) {
    issuer_cell += ooxml::TextParagraph(ToUpperVietnamese(doc.parent_issuer), Centered(), s.parent);
  }
  const std::string issuer = ToUpperVietnamese(doc.issuer);
  issuer_cell += ooxml::TextParagraph(issuer, Centered(), s.issuer);
  std::string motto_cell;
  if (doc.family == DocumentFamily::kParty) {
    issuer_cell += ooxml::TextParagraph("*", Centered(), s.issuer);  // the star under the issuer
    motto_cell += UnderlinedHeading("ĐẢNG CỘNG SẢN VIỆT NAM", s.motto_top, right);
  } else {
    // ND30: a rule 1/3–1/2 the length of the issuer's name under it; we draw 2/5.
    const int issuer_width = std::min(ooxml::EstimateWidth(issuer, s.issuer.size_pt, true), left);
    issuer_cell += Rule(issuer_width * 2 / 5, left);
    motto_cell += ooxml::TextParagraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Centered(), s.motto_top);
    motto_cell += UnderlinedHeading("Độc lập - Tự do - Hạnh phúc", s.motto_bottom, right);
  }
  const std::string number =
      ooxml::TextParagraph(NumberLine(doc.family, doc.number), Centered(120), s.number);
  const std::string date =
      ooxml::TextParagraph(PlaceAndDateLine(doc.place, doc.date), Centered(120), s.place_date);
  return TwoColumnBlock(left, {{issuer_cell, motto_cell}, {number, date}});
}

std::string TitleBlock(const OfficialDocument& doc, const FamilyStyle& s) {
  std::string xml;
  if (!doc.type_name.empty()) {
    xml += ooxml::TextParagraph(ToUpperVietnamese(doc.type_name), Centered(480), s.type_name);
  }
  if (!doc.title.empty()) {
    ParagraphStyle p = Centered(doc.type_name.empty() ? 480 : 0);
    xml += ooxml::TextParagraph(doc.title, p, s.title);
  }
  if (doc.family == DocumentFamily::kParty) {
    xml += ooxml::TextParagraph("-----", Centered(0, 240), s.body);
  } else {
    xml += Rule(kTextWidth * 3 / 10, kTextWidth);  // a short rule under the trích yếu
    xml += ooxml::TextParagraph("", Centered(0, 120), s.body);
  }
  return xml;
}

// Box 9a: "Kính gửi: X." on one centred line, or "Kính gửi:" over "- X;" lines.
std::string AddresseesBlock(const OfficialDocument& doc, const FamilyStyle& s) {
  if (doc.addressees.empty()) return "";
  if (doc.addressees.size() == 1) {
    return ooxml::TextParagraph("Kính gửi: " + doc.addressees[0] + ".", Centered(0, 240), s.body);
  }
  ParagraphStyle p;
  p.align = Align::kLeft;
  p.indent_left = kTextWidth / 5;
  std::string xml = ooxml::TextParagraph("Kính gửi:", p, s.body);
  p.indent_left += 1134;  // the list under the colon
  for (size_t i = 0; i < doc.addressees.size(); ++i) {
    if (i + 1 == doc.addressees.size()) p.after = 240;
    xml += ooxml::TextParagraph("- " + doc.addressees[i] +
                                    (i + 1 == doc.addressees.size() ? "." : ";"),
                                p, s.body);
  }
  return xml;
}

ParagraphStyle BodyParagraph() {
  ParagraphStyle p;
  p.align = Align::kJustify;
  p.first_line = kFirstLineIndent;
  p.after = kParagraphGap;
  p.line = kBodyLineSpacing;
  return p;
}

std::vector<int> ColumnWidths(const OfficialTable& table, size_t columns) {
  std::vector<double> weights = table.column_weights;
  weights.resize(columns, 0);
  for (double& w : weights) w = w > 0 ? w : 1;
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int> widths;
  int used = 0;
  for (size_t i = 0; i < columns; ++i) {
    const int w = i + 1 == columns ? kTextWidth - used
                                   : static_cast<int>(kTextWidth * weights[i] / total);
    widths.push_back(w);
    used += w;
  }
  return widths;
}

std::string TableXml(const OfficialTable& table, const FamilyStyle& s) {
  size_t columns = table.headers.size();
  for (const auto& row : table.rows) {
    if (!row.group) columns = std::max(columns, row.cells.size());
  }
  if (columns == 0) return "";
  const std::vector<int> widths = ColumnWidths(table, columns);
  ParagraphStyle cell_p;
  cell_p.align = Align::kLeft;
  cell_p.before = 40;
  cell_p.after = 40;
  auto cell_text = [&](const std::string& text, const ParagraphStyle& p, const RunStyle& r) {
    std::string paragraphs;
    size_t start = 0;
    // Lines in a cell (several lead units) are separate paragraphs.
    while (true) {
      const size_t end = text.find('\n', start);
      paragraphs += ooxml::TextParagraph(text.substr(start, end - start), p, r);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return paragraphs;
  };
  std::string xml = "<w:tbl>" + TableProperties(kTextWidth, true) + Grid(widths);
  if (!table.headers.empty()) {
    xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    RunStyle bold = s.table;
    bold.bold = true;
    for (size_t c = 0; c < columns; ++c) {
      const std::string text = c < table.headers.size() ? table.headers[c] : "";
      xml += Cell(widths[c], cell_text(text, Centered(40, 40), bold));
    }
    xml += "</w:tr>";
  }
  for (const auto& row : table.rows) {
    xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    if (row.group) {
      RunStyle bold = s.table;
      bold.bold = true;
      xml += Cell(kTextWidth, cell_text(row.cells.empty() ? "" : row.cells[0], cell_p, bold),
                  static_cast<int>(columns));
    } else {
      for (size_t c = 0; c < columns; ++c) {
        const std::string text = c < row.cells.size() ? row.cells[c] : "";
        // Short cells (STT, numbers, dates) read better centred.
        const bool short_cell = text.size() <= 12 && text.find(' ') == std::string::npos;
        RunStyle r = s.table;
        r.bold = row.bold;
        xml += Cell(widths[c], cell_text(text, short_cell ? Centered(40, 40) : cell_p, r));
      }
    }
    xml += "</w:tr>";
  }
  xml += "</w:tbl>";
  // Word needs a paragraph between two tables and after a table before the next block.
  return xml + ooxml::TextParagraph("", Centered(0, 0), s.body);
}

std::string BlocksXml(const std::vector<BodyBlock>& blocks, DocumentFamily family,
                      const FamilyStyle& s) {
  std::string xml;
  for (const BodyBlock& block : blocks) {
    switch (block.kind) {
      case BodyBlock::Kind::kHeading: {
        ParagraphStyle p = BodyParagraph();
        p.keep_next = true;
        RunStyle r = s.body;
        r.bold = block.level <= 2;
        std::string text = block.text;
        if (block.level <= 1) text = ToUpperVietnamese(text);
        xml += ooxml::TextParagraph(HeadingPrefix(family, block.level, block.label) + text, p, r);
        break;
      }
      case BodyBlock::Kind::kParagraph: {
        RunStyle r = s.body;
        r.italic = block.italic;
        size_t start = 0;
        while (true) {
          const size_t end = block.text.find('\n', start);
          const std::string line = block.text.substr(start, end - start);
          if (!line.empty()) xml += ooxml::TextParagraph(line, BodyParagraph(), r);
          if (end == std::string::npos) break;
          start = end + 1;
        }
        break;
      }
      case BodyBlock::Kind::kTable:
        xml += TableXml(block.table, s);
        break;
    }
  }
  return xml;
}

std::string SignatureBlock(const OfficialDocument& doc, const FamilyStyle& s) {
  std::string recipients;
  if (!doc.recipients.empty()) {
    ParagraphStyle p;
    p.align = Align::kLeft;
    recipients += ooxml::TextParagraph("Nơi nhận:", p, s.recipients_label);
    for (size_t i = 0; i < doc.recipients.size(); ++i) {
      const bool last = i + 1 == doc.recipients.size();
      recipients += ooxml::TextParagraph("- " + doc.recipients[i] + (last ? "." : ";"), p,
                                         s.recipients);
    }
  }
  std::string signature;
  for (const std::string& line : AuthorityLines(doc.signer.on_behalf.value_or(""))) {
    signature += ooxml::TextParagraph(ToUpperVietnamese(line), Centered(), s.authority);
  }
  if (!doc.signer.title.empty()) {
    signature += ooxml::TextParagraph(ToUpperVietnamese(doc.signer.title), Centered(),
                                      s.signer_title);
  }
  if (!doc.signer.name.empty() || !signature.empty()) {
    // Room for the signature and the seal, above the name (or where it will be written).
    signature += ooxml::TextParagraph(doc.signer.name, Centered(1700), s.signer_name);
  }
  if (recipients.empty() && signature.empty()) return "";
  ParagraphStyle gap;
  gap.keep_next = true;
  return ooxml::Paragraph(gap, "") + TwoColumnBlock(kTextWidth * 9 / 20, {{recipients, signature}});
}

std::string SectionProperties(bool restart_numbering, bool new_page) {
  std::string sect = "<w:sectPr>";
  sect += std::string("<w:headerReference w:type=\"default\" r:id=\"") +
          docx_package::kPageNumberHeaderId + "\"/>";
  sect += std::string("<w:headerReference w:type=\"first\" r:id=\"") +
          docx_package::kEmptyHeaderId + "\"/>";
  if (new_page) sect += "<w:type w:val=\"nextPage\"/>";
  sect += "<w:pgSz w:w=\"" + std::to_string(kPageWidth) + "\" w:h=\"" +
          std::to_string(kPageHeight) + "\"/>";
  sect += "<w:pgMar w:top=\"" + std::to_string(kMarginTop) + "\" w:right=\"" +
          std::to_string(kMarginRight) + "\" w:bottom=\"" + std::to_string(kMarginBottom) +
          "\" w:left=\"" + std::to_string(kMarginLeft) + "\" w:header=\"" +
          std::to_string(kHeaderDistance) + "\" w:footer=\"567\" w:gutter=\"0\"/>";
  if (restart_numbering) sect += "<w:pgNumType w:start=\"1\"/>";
  sect += "<w:titlePg/></w:sectPr>";
  return sect;
}

std::string AppendixHeading(const OfficialDocument& doc, size_t index, const FamilyStyle& s) {
  RunStyle bold = s.body;
  bold.bold = true;
  std::string label = "Phụ lục";
  if (doc.appendices.size() > 1) label += " " + RomanNumeral(static_cast<int>(index + 1));
  std::string xml = ooxml::TextParagraph(label, Centered(), bold);
  xml += ooxml::TextParagraph(ToUpperVietnamese(doc.appendices[index].title), Centered(), bold);
  std::string note = "(Kèm theo " + (doc.type_name.empty() ? std::string("Văn bản") : doc.type_name);
  if (!doc.number.empty()) note += " số " + doc.number;
  if (const std::string date = FormatVietnameseShortDate(doc.date); !date.empty()) {
    note += " ngày " + date;
  }
  note += ")";
  RunStyle italic = s.body;
  italic.italic = true;
  xml += ooxml::TextParagraph(note, Centered(0, 240), italic);
  return xml;
}

}  // namespace

std::string OfficialDocumentXml(const OfficialDocument& doc) {
  const FamilyStyle s = StyleFor(doc.family);
  std::string body = HeaderBlock(doc, s) + TitleBlock(doc, s) + AddresseesBlock(doc, s) +
                     BlocksXml(doc.body, doc.family, s);
  if (!body.empty() && !doc.body.empty() && doc.body.back().kind != BodyBlock::Kind::kTable) {
    // Templates close the content with "./."; it goes on its own line, flush right.
    ParagraphStyle p;
    p.align = Align::kRight;
    body += ooxml::TextParagraph("./.", p, s.body);
  }
  body += SignatureBlock(doc, s);
  for (size_t i = 0; i < doc.appendices.size(); ++i) {
    // The section that ends here is the main text (i == 0) or the previous appendix.
    body += ooxml::Paragraph(ParagraphStyle{}, "", SectionProperties(i > 0, i > 0));
    body += AppendixHeading(doc, i, s) + BlocksXml(doc.appendices[i].blocks, doc.family, s);
  }
  body += SectionProperties(!doc.appendices.empty(), !doc.appendices.empty());
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<w:document " + docx_package::kWordNamespaces + "><w:body>" + body +
         "</w:body></w:document>";
}

Result<std::string> WriteOfficialDocx(const OfficialDocument& doc) {
  if (doc.type_name.empty() && doc.title.empty()) {
    return Status::InvalidArgument("official document: neither a type name nor a title");
  }
  const FamilyStyle s = StyleFor(doc.family);
  ZipWriter zip;
  zip.Add("[Content_Types].xml", docx_package::ContentTypes());
  zip.Add("_rels/.rels", docx_package::PackageRels());
  zip.Add("word/document.xml", OfficialDocumentXml(doc));
  zip.Add("word/_rels/document.xml.rels", docx_package::DocumentRels());
  zip.Add("word/styles.xml", docx_package::Styles(s.body.size_pt));
  zip.Add("word/settings.xml", docx_package::Settings());
  zip.Add("word/header1.xml", docx_package::PageNumberHeader(s.body.size_pt));
  zip.Add("word/header2.xml", docx_package::EmptyHeader());
  std::string title = doc.type_name;
  if (!doc.title.empty()) title += (title.empty() ? "" : " ") + doc.title;
  zip.Add("docProps/core.xml", docx_package::CoreProperties(title));
  return zip.Finish();
}

}  // namespace lienthong
