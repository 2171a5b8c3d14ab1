// The fixed parts of a WordprocessingML package around word/document.xml: content types,
// relationships, styles (Times New Roman, Vietnamese language), settings, the page-number
// header and the document properties.
#pragma once

#include <string>

namespace lienthong::docx_package {

// Relationship ids document.xml uses for its headers.
inline constexpr char kPageNumberHeaderId[] = "rIdHeaderPage";
inline constexpr char kEmptyHeaderId[] = "rIdHeaderFirst";

std::string ContentTypes();
std::string PackageRels();
std::string DocumentRels();
std::string Styles(double body_size_pt);
std::string Settings();
// Centred PAGE field at this size.
std::string PageNumberHeader(double size_pt);
std::string EmptyHeader();
std::string CoreProperties(const std::string& title);

// The namespace declarations of the document and header root elements.
inline constexpr char kWordNamespaces[] =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

}  // namespace lienthong::docx_package
