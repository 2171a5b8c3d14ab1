#include "export/docx_package.h"

#include <cmath>

#include "export/ooxml.h"

namespace lienthong::docx_package {
namespace {

constexpr char kXmlDeclaration[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string HalfPoints(double pt) { return std::to_string(static_cast<int>(std::lround(pt * 2))); }

}  // namespace

std::string ContentTypes() {
  return std::string(kXmlDeclaration) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
         "<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
         "<Override PartName=\"/word/header2.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string PackageRels() {
  return std::string(kXmlDeclaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
         "</Relationships>";
}

std::string DocumentRels() {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return std::string(kXmlDeclaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rIdStyles\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/>"
         "<Relationship Id=\"rIdSettings\" Type=\"" + rel + "settings\" Target=\"settings.xml\"/>"
         "<Relationship Id=\"" + kPageNumberHeaderId + "\" Type=\"" + rel +
         "header\" Target=\"header1.xml\"/>"
         "<Relationship Id=\"" + kEmptyHeaderId + "\" Type=\"" + rel +
         "header\" Target=\"header2.xml\"/>"
         "</Relationships>";
}

std::string Styles(double body_size_pt) {
  const std::string fonts =
      "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
      "w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>";
  return std::string(kXmlDeclaration) + "<w:styles " + kWordNamespaces + ">" +
         "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts + "<w:color w:val=\"000000\"/>"
         "<w:sz w:val=\"" + HalfPoints(body_size_pt) + "\"/><w:szCs w:val=\"" +
         HalfPoints(body_size_pt) + "\"/>"
         "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "</w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
         "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
         "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
         "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style>"
         "</w:styles>";
}

std::string Settings() {
  return std::string(kXmlDeclaration) + "<w:settings " + kWordNamespaces + ">" +
         "<w:defaultTabStop w:val=\"720\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
         "<w:themeFontLang w:val=\"vi-VN\"/>"
         "</w:settings>";
}

std::string PageNumberHeader(double size_pt) {
  const std::string rpr = "<w:rPr><w:sz w:val=\"" + HalfPoints(size_pt) + "\"/><w:szCs w:val=\"" +
                          HalfPoints(size_pt) + "\"/></w:rPr>";
  return std::string(kXmlDeclaration) + "<w:hdr " + kWordNamespaces + ">" +
         "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"begin\"/></w:r>"
         "<w:r>" + rpr + "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"separate\"/></w:r>"
         "<w:r>" + rpr + "<w:t>2</w:t></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"end\"/></w:r>"
         "</w:p></w:hdr>";
}

std::string EmptyHeader() {
  return std::string(kXmlDeclaration) + "<w:hdr " + kWordNamespaces + "><w:p/></w:hdr>";
}

std::string CoreProperties(const std::string& title) {
  return std::string(kXmlDeclaration) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
         "<dc:title>" + ooxml::Escape(title) + "</dc:title>"
         "<dc:creator>lienthong</dc:creator>"
         "<dc:language>vi-VN</dc:language>"
         "</cp:coreProperties>";
}

}  // namespace lienthong::docx_package
