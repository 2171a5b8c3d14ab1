// PlanToOfficialDocument: a plan in the importer's JSON form (one element of "documents", see
// docs/import-schema.md; PlanRecord::document_json holds it) as an OfficialDocument:
//   header (issuer, number, place and date), type name and trích yếu from the same fields;
//   body = the legal bases ("Căn cứ …", italic, ";" between them, "." after the last) and the
//          section outline from section_tree (I. → 1. → a) → "-" bullets), each heading followed
//          by the paragraphs and tables the importer kept under it ("body"), or the headings
//          from sections;
//   tasks = an appendix "DANH MỤC NHIỆM VỤ" with the table STT | Nội dung | Đơn vị chủ trì |
//          Đơn vị phối hợp | Thời gian, group rows for task groups;
//   signer and recipients as imported.
// Plans imported before the importer kept section bodies export their structure only.
#pragma once

#include <nlohmann/json.hpp>

#include "export/official_document.h"
#include "util/status.h"

namespace lienthong {

// kInvalidArgument when `import_document` is not an object or a field has the wrong type
// (naming the field). Absent or null fields are left out of the document.
Result<OfficialDocument> PlanToOfficialDocument(const nlohmann::json& import_document);

// The task table alone (used by the appendix and by task-list exports).
OfficialTable PlanTaskTable(const nlohmann::json& tasks);

}  // namespace lienthong
