// ParsePlans: a RawDocument (any format) -> the plan documents it holds.
//
// The pipeline, one named step per concept (each in its own file):
//   1. LinesFromBlocks        block stream -> lines with fold keys            (parsed_line.h)
//   2. RemovePageFurniture    page numbers, repeated headers/footers          (page_furniture.h)
//   3. RepairOcrLetters       only for text that lost its diacritics          (diacritics_detector.h)
//      RestoreLostDiacritics  the same text: diacritics put back, originals kept (diacritics_restoration.h)
//   4. SplitDocuments         one file, several documents                     (document_splitter.h)
//   per document:
//   5. ParseHeader            issuer, number, place/date, type, title         (header_parser.h)
//   6. closing block bounds   "Nơi nhận" / signature, then any appendix       (recipients_signer_parser.h)
//   7. JoinParagraphs         lines broken inside sentences                   (paragraph_joiner.h)
//   8. ParseLegalBases        Căn cứ / Thực hiện, implements                  (legal_basis_parser.h)
//   9. BuildOutline           sections, content themes, channels              (section_parser.h)
//  10. ExtractPhases          Giai đoạn …                                      (phase_parser.h)
//  11. ExtractTasks           appendix table, lead-naming items, organisation (task_extractor.h)
//  12. ExtractReporting       report deadlines                                (reporting_parser.h)
//  13. ParseClosing           recipients and signer                           (recipients_signer_parser.h)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "import/import_warning.h"
#include "import/parse/diacritics_restoration.h"
#include "import/raw_document.h"
#include "util/status.h"

namespace lienthong {

struct ImportedPhase {
  std::string name;
  std::optional<std::string> start;  // "YYYY-MM"
  std::optional<std::string> end;
  std::string objective;
};

struct ImportedDocument {
  Plan plan;
  std::optional<int> content_items;  // nullopt: no "NỘI DUNG …" section
  std::vector<std::string> report_deadlines;
  std::vector<ImportedPhase> phases;
  std::vector<std::string> task_sources;  // per task: "table", "item", "organisation", "assignment"
  // The document's text outside the section tree: the preamble before the first section (its
  // legal bases and lead-in), and what follows the closing block (appendices).
  std::vector<TextBlock> preamble;
  std::vector<TextBlock> appendix;
  std::string diacritics = "ok";          // "ok" | "missing" | "restored"
  // When the text lost its diacritics and they were restored (diacritics_restoration.h): how
  // many words changed, the words to check and the original text of the changed lines.
  int restored_words = 0;
  int uncertain_words = 0;
  std::vector<parse::UncertainWord> uncertain;
  std::vector<parse::OriginalLine> original_lines;
  std::vector<ImportWarning> warnings;  // import_warning.h
  std::string source_file;
  std::string format;
  std::string encoding;
  SourcePos begin;  // first and last line of the document in the source
  SourcePos end;
  std::map<std::string, SourcePos> positions;  // field name -> where it was read
};

Result<std::vector<ImportedDocument>> ParsePlans(const RawDocument& raw);

}  // namespace lienthong
