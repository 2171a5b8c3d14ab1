// ReadDocxDocument (readers.h): the ZIP and its limits (zip_archive.h), the parts
// (docx_package.h), styles and numbering, then the blocks of each part (docx_body_reader.h).
//
// Output order: the blocks of every page header part (region kPageHeader), then the body, then
// every page footer part (kPageFooter), so the body reads without interruption. DOCX has no
// fixed pages: SourcePos::page is 0 and SourcePos::line the 1-based paragraph of the part.
// RawDocument::encoding is "utf-8", or e.g. "utf-8+tcvn3" when runs in legacy fonts were decoded.
// A broken styles.xml or numbering.xml only loses formatting and labels (a warning); a broken
// document.xml is an error.
#include <algorithm>
#include <exception>
#include <new>
#include <pugixml.hpp>
#include <string>

#include "import/reader_guard.h"
#include "import/docx/docx_body_reader.h"
#include "import/docx/docx_numbering.h"
#include "import/docx/docx_package.h"
#include "import/docx/docx_styles.h"
#include "import/docx/docx_xml.h"
#include "import/docx/zip_archive.h"
#include "import/readers.h"

namespace lienthong {
namespace {

Result<RawDocument> ReadDocx(std::string_view bytes, const std::string& name,
                             const ReaderLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Status::TooLarge(name + ": file size " + FormatByteSize(bytes.size()) + " is over the " +
                            FormatByteSize(limits.max_input_bytes) + " limit");
  }
  ZipLimits zip_limits{limits.max_docx_entries, limits.max_docx_unpacked_bytes};
  Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::Open(bytes, zip_limits);
  if (!zip.ok()) return zip.status().WithContext(name);
  Result<docx::DocxParts> parts = docx::LoadDocxParts(**zip);
  if (!parts.ok()) return parts.status().WithContext(name);

  RawDocument doc;
  doc.source_name = name;
  doc.format = "docx";
  doc.encoding = "utf-8";

  pugi::xml_document styles_xml, numbering_xml;
  for (auto [part, xml] :
       {std::pair{&parts->styles, &styles_xml}, std::pair{&parts->numbering, &numbering_xml}}) {
    if (part->xml.empty()) continue;
    Status status = docx::ParseXmlPart(part->xml, part->name, xml);
    if (!status.ok()) {
      doc.warnings.push_back({"docx_part_ignored",
                              {{"part", part->name}},
                              status.message() +
                                  " (ignored: formatting or list numbers may be missing)"});
      xml->reset();
    }
  }
  docx::DocxStyles styles = docx::DocxStyles::FromXml(styles_xml.document_element());
  docx::DocxNumbering numbering = docx::DocxNumbering::FromXml(numbering_xml.document_element());

  pugi::xml_document document_xml;
  Status status = docx::ParseXmlPart(parts->document.xml, parts->document.name, &document_xml);
  if (!status.ok()) return status.WithContext(name);
  pugi::xml_node body = docx::Child(document_xml.document_element(), "body");
  if (!body) {
    return Status::InvalidArgument(name + ": " + parts->document.name + ": no w:body element");
  }

  int table_index = 0;
  std::vector<std::string> legacy;
  auto read_part = [&](const docx::NamedPart& part, BlockRegion region, std::vector<Block>* out) {
    pugi::xml_document xml;
    Status part_status = docx::ParseXmlPart(part.xml, part.name, &xml);
    if (!part_status.ok()) {
      doc.warnings.push_back({"docx_header_skipped",
                              {{"part", part.name}},
                              part_status.message() + " (page header or footer skipped)"});
      return;
    }
    numbering.ResetCounters();
    docx::DocxBodyReader reader(&styles, &numbering, region, &table_index);
    reader.Read(xml.document_element(), out);
    for (const std::string& enc : reader.legacy_encodings_used()) legacy.push_back(enc);
  };

  std::vector<Block> headers, footers;
  for (const docx::NamedPart& part : parts->headers) {
    read_part(part, BlockRegion::kPageHeader, &headers);
  }
  numbering.ResetCounters();
  docx::DocxBodyReader body_reader(&styles, &numbering, BlockRegion::kBody, &table_index);
  body_reader.Read(body, &doc.blocks);
  for (const std::string& enc : body_reader.legacy_encodings_used()) legacy.push_back(enc);
  for (const docx::NamedPart& part : parts->footers) {
    read_part(part, BlockRegion::kPageFooter, &footers);
  }
  doc.blocks.insert(doc.blocks.begin(), headers.begin(), headers.end());
  doc.blocks.insert(doc.blocks.end(), footers.begin(), footers.end());

  std::vector<std::string> seen;
  for (const std::string& enc : legacy) {
    if (std::find(seen.begin(), seen.end(), enc) != seen.end()) continue;
    seen.push_back(enc);
    doc.encoding += "+" + enc;
  }
  return doc;
}

}  // namespace

Result<RawDocument> ReadDocxDocument(std::string_view bytes, std::string_view name,
                                     const ReaderLimits& limits) {
  std::string file(name);
  return GuardedRead(file, "the document", [&] { return ReadDocx(bytes, file, limits); });
}

}  // namespace lienthong
