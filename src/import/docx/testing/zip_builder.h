// Test helpers: ZIP archives and minimal .docx packages built in memory, including hostile ones
// (sizes that lie), so tests need no large fixture files. Not for production code.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lienthong::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // (name, bytes)

// A well-formed ZIP (libzip), entries deflated. Aborts the test binary if libzip fails.
std::string BuildZip(const ZipEntries& entries);

// A ZIP written by hand with stored entries whose headers claim `declared_size` uncompressed
// bytes each (at most 0xFFFFFFFF), whatever they hold: a zip bomb's directory without its data.
std::string BuildZipWithDeclaredSize(const ZipEntries& entries, uint32_t declared_size);

// `zip` with every uncompressed-size field (local headers and central directory) set to
// `size`: an archive whose data inflates past what it declares.
std::string PatchUncompressedSizes(std::string zip, uint32_t size);

// The namespace declaration for WordprocessingML parts.
inline constexpr std::string_view kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A .docx whose word/document.xml body is `body_xml` (the children of <w:body>), plus any
// `parts` (path -> XML, e.g. {"word/numbering.xml", "<w:numbering ...>"}).
std::string BuildDocx(std::string_view body_xml,
                      const std::map<std::string, std::string>& parts = {});

}  // namespace lienthong::testing
