// PlanDocument: a plan's structured content as it is reviewed, saved, edited, derived and
// exported — the typed form of one element of the import JSON's "documents"
// (docs/import-schema.md), which is also how plans store it (store/plan_document_codec.h) and how
// the API sends it. Services read and write this type; only the codec knows the JSON.
//
// Besides the header and outline of core/plan.h it keeps what the importer noticed (warnings,
// source positions, diacritics) so nothing a reviewer saw is lost by saving, and each task's row
// id once the plan is saved, so a later edit updates the same task rather than a new one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/plan.h"
#include "core/time_spec.h"

namespace lienthong {

// Where a field was read: the page (0 when the format has none) and line of the source file.
struct DocumentPosition {
  int page = 0;
  int line = 0;
};

struct DocumentSource {
  std::string file;      // as the user named it
  std::string format;    // "text", "docx", "pdf", …
  std::string encoding;  // "utf-8", "tcvn3", …
  DocumentPosition begin;
  DocumentPosition end;
};

// "Giai đoạn 1 (từ nay đến hết quý IV/2025)": months "YYYY-MM" and the words as written.
struct DocumentPhase {
  std::string name;
  std::optional<std::string> start;
  std::optional<std::string> end;
  std::string objective;
  std::string period;
  std::vector<IndicatorTarget> targets;  // text, unit, value
};

// A task as the document carries it. The deadline is the words as written plus, when known, its
// kind and the day it falls due; a due date typed by a reviewer is kept even when the words do
// not give one (service/plans/plan_tasks.h turns this into the task row's deadline).
struct DocumentTask {
  std::optional<int64_t> id;  // the task row, once the plan is saved
  std::string group;
  std::string text;
  std::vector<std::string> lead;
  std::vector<std::string> coordinators;
  std::string deadline;  // as written; "" for none
  std::optional<TimeSpecKind> deadline_kind;
  std::optional<Date> deadline_date;
  std::string from;  // "table", "item", "organisation", or "" when typed by hand
};

// The plan a derived draft was made from.
struct DerivedFrom {
  int64_t plan_id = 0;
  std::optional<std::string> number;
};

struct PlanDocument {
  PlanHeader header;
  std::vector<LegalBasis> legal_bases;  // symbol and the paragraph it was read from
  std::optional<std::string> implements;
  std::vector<Section> sections;  // the outline; its top-level titles are the "sections" list
  std::optional<int> content_items;
  std::vector<ContentTheme> themes;
  std::vector<Channel> channels;
  std::vector<DocumentPhase> phases;
  std::vector<DocumentTask> tasks;
  std::vector<std::string> report_deadlines;
  std::vector<std::string> recipients;
  std::optional<Signer> signer;
  std::string diacritics = "ok";  // "ok" | "missing"
  std::vector<std::string> warnings;
  std::optional<DocumentSource> source;
  std::map<std::string, DocumentPosition> positions;
  std::optional<DerivedFrom> derived_from;
  // Top-level fields this version does not know, as raw JSON text by name, written back
  // unchanged so a newer importer's additions survive a save.
  std::vector<std::pair<std::string, std::string>> other_fields;
};

// The legal bases' symbols, in order.
std::vector<std::string> LegalBasisSymbols(const PlanDocument& document);

}  // namespace lienthong
