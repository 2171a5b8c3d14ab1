// WriteOfficialDocx: an OfficialDocument as a .docx that Word and LibreOffice open as the
// official layout:
//   - A4 portrait, margins top 20, bottom 20, left 30, right 15 mm (inside the ND30 ranges and
//     equal to the fixed HD36 values);
//   - Times New Roman; body 14 pt justified, first line indented 1 cm, 6 pt between paragraphs;
//   - header block and signature block as borderless two-column tables (ND30 "ô số" 1–4, 7, 9b);
//   - page numbers centred in the top margin from page 2 on (none on page 1);
//   - each appendix in its own section on a new page, numbered from 1 again.
// Sizes per component follow ../shared/vn-documents.md §1.3 (state) and §2.1 (party).
#pragma once

#include <string>

#include "export/official_document.h"
#include "util/status.h"

namespace lienthong {

inline constexpr char kDocxContentType[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The .docx bytes. kInvalidArgument when the document has neither a type name nor a title
// (nothing to call it); kInternal when the ZIP cannot be built.
Result<std::string> WriteOfficialDocx(const OfficialDocument& document);

// The word/document.xml part alone (for tests that inspect the XML).
std::string OfficialDocumentXml(const OfficialDocument& document);

}  // namespace lienthong
