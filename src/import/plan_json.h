// The import JSON contract (docs/import-schema.md): {"documents": [...]} with one object per
// imported document. Field names match the gold annotations of ../shared/corpus.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/parse/plan_parser.h"

namespace lienthong {

nlohmann::ordered_json ImportedDocumentToJson(const ImportedDocument& doc);
nlohmann::ordered_json ImportedDocumentsToJson(const std::vector<ImportedDocument>& docs);
// ImportedDocumentsToJson(docs).dump(indent), byte for byte, with the documents written on
// several threads (a file of hundreds of documents spends a sixth of its import here).
std::string ImportedDocumentsJsonText(const std::vector<ImportedDocument>& docs, int indent = -1);

// What a reader produced, before parsing: {"file", "format", "encoding", "warnings", "blocks":
// [{kind, region?, page?, line, text, cells?, table?, bold?, italic?, centered?, heading?}]}, for
// `lienthong import --format blocks` (diagnosing an import that went wrong).
nlohmann::ordered_json RawDocumentToJson(const RawDocument& raw);

}  // namespace lienthong
