// What the readers and the parser noticed while importing a document, as a stable code with
// parameters (for the UI to word in Vietnamese or English from its catalogue) and an English
// message (for logs, the CLI, and readers of the older "warnings" string list).
//
// Codes (parameters): blank_number; no_header; skipped_leading_lines (lines);
// ocr_letters_repaired (count); diacritics_restored (count, uncertain);
// diacritics_not_restored (reason); page_furniture_removed (lines); page_numbers_removed (lines);
// task_list_cut (limit); too_many_documents (limit). The readers' own: page_ocr (page) — a PDF
// page without a readable text layer was OCRed; page_not_read (page, reason) — such a page could
// not be OCRed and was left out; page_ocr_limit (page, limit) — not OCRed, over the per-file OCR
// page limit; image_no_text — OCR found nothing in an image; docx_part_ignored (part) — a broken
// styles or numbering part was skipped (formatting or list numbers may be missing);
// docx_header_skipped (part) — a broken page header or footer part was skipped. reader_note
// (text) is what documents saved before the readers had codes carry. docs/import-schema.md lists
// them with their wording.
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

// The English messages of `warnings`, for logs, the CLI and the older "warnings" string lists.
inline std::vector<std::string> WarningMessages(const std::vector<ImportWarning>& warnings) {
  std::vector<std::string> messages;
  messages.reserve(warnings.size());
  for (const ImportWarning& w : warnings) messages.push_back(w.message);
  return messages;
}

}  // namespace lienthong
