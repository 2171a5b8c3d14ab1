// One uploaded document read and parsed — what the web import shows for review — and its JSON
// form, which carries it out of the child process that reads untrusted files
// (import/isolated_reader.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/readers.h"
#include "util/status.h"

namespace lienthong {

struct DocumentReading {
  std::string format;  // the reader's: "text", "docx", "pdf", "pdf-ocr", …
  std::vector<std::string> warnings;
  std::string text;            // the body as the reader saw it (import/plain_text.h)
  std::string documents_json;  // the parsed plans: the importer's {"documents": [...]}
};

// Reads `bytes` (named `name`) within `limits` and parses them, in this process.
Result<DocumentReading> ReadAndParseDocument(const std::string& bytes, const std::string& name,
                                             const ReaderLimits& limits);

// {"reading": {...}} for a reading, {"error": {"code", "message"}} for a failure.
std::string EncodeDocumentReading(const Result<DocumentReading>& reading);
// The reading or the failure it carries (with its StatusCode); kInternal when `text` is neither.
Result<DocumentReading> DecodeDocumentReading(std::string_view text);

}  // namespace lienthong
