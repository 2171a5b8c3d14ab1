// Finding the parts of a .docx that the reader needs. The main document is whatever the package
// relationships (_rels/.rels) call the officeDocument — almost always word/document.xml — and
// its styles, numbering, headers and footers are found through that part's own relationships
// (word/_rels/document.xml.rels), falling back to the usual names when a relationship is absent.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "import/docx/zip_archive.h"
#include "util/status.h"

namespace lienthong::docx {

struct NamedPart {
  std::string name;  // path inside the archive, e.g. "word/header1.xml"
  std::string xml;
};

struct DocxParts {
  NamedPart document;
  NamedPart styles;                // xml empty when the package has none
  NamedPart numbering;             // xml empty when the package has none
  std::vector<NamedPart> headers;  // in natural name order: header1, header2, ..., header10
  std::vector<NamedPart> footers;
};

// Errors: kInvalidArgument "no word/document.xml in the archive (not a Word document)" when the
// main part is missing; whatever ZipArchive::Read returns for an unreadable or oversized part
// (its message names the part).
Result<DocxParts> LoadDocxParts(const ZipArchive& zip);

// Resolves a relationship target against the folder of the part that holds it:
// ("word/document.xml", "../customXml/item1.xml") -> "customXml/item1.xml";
// a target starting with "/" is relative to the package root.
std::string ResolvePartPath(const std::string& source_part, const std::string& target);

}  // namespace lienthong::docx
