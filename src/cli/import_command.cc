// lienthong import FILE... [--format json|text|blocks] [--save [--unit CODE] [--allow-duplicate]]:
// reads plan documents and prints what was read; with --save, stores each file's plans as drafts
// together with the original file. `--format blocks` prints what the readers produced before
// parsing (one JSON object per file), to diagnose an import.
//
// Reading and saving belong to service/plans/plan_import.h, which the web import uses too: each
// file is read once, and --save keeps it and refuses a duplicate as the web does. `--format json`
// without --save prints the importer's own JSON (docs/import-schema.md), which the corpus scoring
// reads; with --save it prints the saved documents in the form plans store them.
#include <iostream>
#include <sstream>

#include "cli/cli_context.h"
#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "import/readers.h"
#include "service/plans/plan_import.h"
#include "store/plan_document_codec.h"
#include "util/batch_memory.h"

namespace lienthong {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool save = false;
  bool allow_duplicate = false;
  std::string unit;
};

// "02-KH/BCĐ · Kế hoạch — issuer, place date" and the counts, for `--format text`.
std::string PlanDocumentSummary(const PlanDocument& d) {
  const PlanHeader& h = d.header;
  std::ostringstream out;
  out << (h.doc_type.empty() ? "(unknown type)" : h.doc_type) << " "
      << (h.number && !h.number->empty() ? *h.number : std::string("(no number)"));
  if (!h.issuer.empty()) out << " — " << h.issuer;
  if (h.date) out << ", " << (h.place.empty() ? "" : h.place + " ") << *h.date;
  out << "\n";
  if (!h.title.empty()) out << "  title: " << h.title << "\n";
  if (d.implements) out << "  implements: " << *d.implements << "\n";
  out << "  " << d.legal_bases.size() << " legal bases, " << d.sections.size() << " sections, "
      << d.tasks.size() << " tasks, " << d.phases.size() << " phases, " << d.recipients.size()
      << " recipients\n";
  if (d.signer && !d.signer->name.empty()) out << "  signed: " << d.signer->name << "\n";
  if (d.diacritics != "ok") out << "  diacritics: " << d.diacritics << "\n";
  for (const std::string& w : d.warnings) out << "  warning: " << w << "\n";
  return out.str();
}

// What the readers saw in one file, before parsing.
Status PrintBlocks(const std::string& file) {
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadDocumentFile(file));
  std::cout << RawDocumentToJson(raw).dump(1) << "\n";
  return Status::Ok();
}

// The importer's JSON of one file's documents, appended to `all` (printed together at the end).
Status ParseForJson(const std::string& file, std::vector<ImportedDocument>& all) {
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadDocumentFile(file));
  LT_ASSIGN_OR_RETURN(auto docs, ParsePlans(raw));
  for (ImportedDocument& d : docs) all.push_back(std::move(d));
  return Status::Ok();
}

// Reads one file (and with --save stores its plans, one line per saved plan on stderr); the
// typed documents are appended to `all`.
Status ReadOrSave(const CliContext& ctx, Database* db, const ImportOptions& options,
                  const std::string& file, std::vector<PlanDocument>& all) {
  LT_ASSIGN_OR_RETURN(std::string bytes, ReadDocumentFileBytes(file));
  PlanFileRead read;
  if (db) {
    PlanFileImport request{
        .name = file,
        .bytes = std::move(bytes),
        .unit_code = options.unit.empty() ? std::nullopt : std::optional<std::string>(options.unit),
        .allow_duplicate_file = options.allow_duplicate,
        .actor = ctx.Actor()};
    Result<ImportedPlanFile> saved = ImportPlanFile(*db, request);
    if (saved.status().code() == StatusCode::kAlreadyExists) {
      return Status(saved.status().code(),
                    saved.status().message() + "; pass --allow-duplicate to save it again");
    }
    LT_ASSIGN_OR_RETURN(ImportedPlanFile imported, std::move(saved));
    for (const SavedPlan& p : imported.saved) {
      std::cerr << "saved plan " << p.plan_id << " (" << p.tasks << " tasks) from " << file
                << ": " << p.title << "\n";
    }
    read = std::move(imported.read);
  } else {
    LT_ASSIGN_OR_RETURN(read, ReadPlanFile(file, bytes));
  }
  for (PlanDocument& d : read.documents) all.push_back(std::move(d));
  return Status::Ok();
}

Status RunImport(const CliContext& ctx, const ImportOptions& options) {
  UseBatchMemorySettings();
  std::unique_ptr<Database> db;
  if (options.save) {
    LT_ASSIGN_OR_RETURN(db, ctx.OpenMigrated());
  } else if (!options.unit.empty() || options.allow_duplicate) {
    return Status::InvalidArgument("--unit and --allow-duplicate go with --save");
  }
  const bool blocks = options.format == "blocks" && !options.save;
  const bool importer_json = options.format == "json" && !options.save;
  std::vector<ImportedDocument> imported;  // importer_json
  std::vector<PlanDocument> documents;     // otherwise
  Status first_error;
  int failed = 0;
  for (const std::string& file : options.files) {
    Status s = blocks          ? PrintBlocks(file)
               : importer_json ? ParseForJson(file, imported)
                               : ReadOrSave(ctx, db.get(), options, file, documents);
    if (s.ok()) continue;
    ++failed;
    if (s.message().find(file) == std::string::npos) s = s.WithContext(file);
    std::cerr << "lienthong import: " << s.ToString() << "\n";
    if (first_error.ok()) first_error = s;
  }
  if (importer_json) {
    std::cout << ImportedDocumentsJsonText(imported, 2) << "\n";
  } else if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const PlanDocument& d : documents) list.push_back(EncodePlanDocument(d));
    std::cout << nlohmann::json{{"documents", std::move(list)}}.dump(2) << "\n";
  } else if (options.format == "text") {
    for (const PlanDocument& d : documents) std::cout << PlanDocumentSummary(d);
  }
  if (failed > 0) {
    return Status(first_error.code(), std::to_string(failed) + " of " +
                                          std::to_string(options.files.size()) +
                                          " file(s) could not be imported");
  }
  return Status::Ok();
}

}  // namespace

void AddImportCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "import", "Read plan documents (.txt, .md, .docx, .pdf, scans) into structured plans");
  static ImportOptions options;
  cmd->add_option("FILE", options.files, "Documents to read")->required();
  cmd->add_option("--format", options.format,
                  "json (the import schema), text (a summary) or blocks (what the readers saw)")
      ->check(CLI::IsMember({"json", "text", "blocks"}))
      ->capture_default_str();
  cmd->add_flag("--save", options.save, "Store the plans as drafts, with the original file");
  cmd->add_option("--unit", options.unit, "With --save: code of the issuing unit");
  cmd->add_flag("--allow-duplicate", options.allow_duplicate,
                "With --save: store a file even if the same bytes were saved before");
  cmd->callback([&ctx] { ctx.action = [&ctx] { return RunImport(ctx, options); }; });
}

}  // namespace lienthong
