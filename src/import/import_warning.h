// What the readers and the parser noticed while importing a document, as a stable code with
// parameters (for the UI to word in Vietnamese or English from its catalogue) and an English
// message (for logs, the CLI, and readers of the older "warnings" string list).
//
// Codes (parameters): blank_number; no_header; skipped_leading_lines (lines);
// ocr_letters_repaired (count); diacritics_restored (count, uncertain);
// diacritics_not_restored (reason); page_furniture_removed (lines); page_numbers_removed (lines);
// task_list_cut (limit); too_many_documents (limit); reader_note (text) — a reader's own note,
// such as "page 2: no text layer, used OCR". docs/import-schema.md lists them with their wording.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lienthong {

struct ImportWarning {
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
  std::string message;
};

}  // namespace lienthong
