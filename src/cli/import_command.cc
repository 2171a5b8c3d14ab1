// lienthong import FILE... [--format json|text|blocks] [--save [--unit CODE] [--allow-duplicate]]:
// reads plan documents and prints what was read; with --save, stores each file's plans as drafts
// together with the original file. `--format blocks` prints what the readers produced before
// parsing (one JSON object per file), to diagnose an import.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_context.h"
#include "import/parse/plan_parser.h"
#include "import/plan_json.h"
#include "store/plan_document_codec.h"
#include "import/readers.h"
#include "service/plans/plan_save.h"

namespace lienthong {
namespace {

struct ImportedFile {
  std::string format;
  std::vector<ImportedDocument> documents;
  nlohmann::ordered_json blocks;  // --format blocks only
};

Result<ImportedFile> ImportFile(const std::string& file, bool blocks_only) {
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadDocumentFile(file));
  if (blocks_only) return ImportedFile{raw.format, {}, RawDocumentToJson(raw)};
  LT_ASSIGN_OR_RETURN(auto docs, ParsePlans(raw));
  return ImportedFile{raw.format, std::move(docs), {}};
}

Result<std::string> ReadBytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IoError(file + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Stores one file's documents; prints one line per saved plan.
Status SaveFile(const CliContext& ctx, Database& db, const std::string& file,
                const ImportedFile& imported, const std::optional<std::string>& unit,
                bool allow_duplicate) {
  LT_ASSIGN_OR_RETURN(std::string bytes, ReadBytes(file));
  LT_ASSIGN_OR_RETURN(std::vector<PlanDocument> documents,
                      DecodePlanDocumentList(
                          nlohmann::json::parse(ImportedDocumentsToJson(imported.documents).dump()),
                          "no plan was saved"));
  PlanSaveRequest request{
      .documents = std::move(documents),
      .source = SourceUpload{std::filesystem::path(file).filename().string(), imported.format,
                             std::move(bytes)},
      .unit_code = unit,
      .allow_duplicate_file = allow_duplicate,
      .actor = ctx.Actor()};
  LT_ASSIGN_OR_RETURN(auto saved, SavePlans(db, request));
  for (const SavedPlan& p : saved) {
    std::cerr << "saved plan " << p.plan_id << " (" << p.tasks << " tasks) from " << file << ": "
              << p.title << "\n";
  }
  return Status::Ok();
}

}  // namespace

void AddImportCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "import", "Read plan documents (.txt, .md, .docx, .pdf, scans) into structured plans");
  static std::vector<std::string> files;
  static std::string format = "text";
  static bool save = false, allow_duplicate = false;
  static std::string unit;
  cmd->add_option("FILE", files, "Documents to read")->required();
  cmd->add_option("--format", format,
                  "json (the import schema), text (a summary) or blocks (what the readers saw)")
      ->check(CLI::IsMember({"json", "text", "blocks"}))
      ->capture_default_str();
  cmd->add_flag("--save", save, "Store the plans as drafts, with the original file");
  cmd->add_option("--unit", unit, "With --save: code of the issuing unit");
  cmd->add_flag("--allow-duplicate", allow_duplicate,
                "With --save: store a file even if the same bytes were saved before");
  cmd->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      std::unique_ptr<Database> db;
      if (save) {
        LT_ASSIGN_OR_RETURN(db, ctx.OpenMigrated());
      } else if (!unit.empty() || allow_duplicate) {
        return Status::InvalidArgument("--unit and --allow-duplicate go with --save");
      }
      std::vector<ImportedDocument> all;
      Status first_error;
      int failed = 0;
      for (const std::string& file : files) {
        Result<ImportedFile> imported = ImportFile(file, format == "blocks" && !save);
        Status s = imported.status();
        if (s.ok() && save) {
          s = SaveFile(ctx, *db, file, *imported, unit.empty() ? std::nullopt
                                                               : std::optional<std::string>(unit),
                       allow_duplicate);
        }
        if (!s.ok()) {
          ++failed;
          if (s.message().find(file) == std::string::npos) s = s.WithContext(file);
          std::cerr << "lienthong import: " << s.ToString() << "\n";
          if (first_error.ok()) first_error = s;
          continue;
        }
        if (format == "blocks" && !save) std::cout << imported->blocks.dump(1) << "\n";
        for (ImportedDocument& d : imported->documents) all.push_back(std::move(d));
      }
      if (format == "blocks") {
        // printed per file above
      } else if (format == "json") {
        std::cout << ImportedDocumentsToJson(all).dump(2) << "\n";
      } else {
        for (const ImportedDocument& d : all) std::cout << ImportedDocumentSummary(d);
      }
      if (failed > 0) {
        return Status(first_error.code(), std::to_string(failed) + " of " +
                                              std::to_string(files.size()) +
                                              " file(s) could not be imported");
      }
      return Status::Ok();
    };
  });
}

}  // namespace lienthong
