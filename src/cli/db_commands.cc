// lienthong db migrate | status | check | backup FILE | restore FILE
#include <functional>
#include <iostream>
#include <memory>

#include "cli/cli_context.h"
#include "store/backup.h"
#include "store/migrations.h"

namespace lienthong {
namespace {

void PrintCheck(const DatabaseCheck& check) {
  std::cout << "backend: " << check.backend << "\n"
            << "integrity: " << (check.integrity_ok ? "ok" : "FAILED") << "\n"
            << "schema version: " << check.schema_version << " (this lienthong knows "
            << check.known_version << ")\n";
  for (const std::string& problem : check.problems) std::cout << "problem: " << problem << "\n";
}

// A `db` subcommand whose one argument is a FILE.
void AddFileCommand(CLI::App* db, CliContext& ctx, const char* name, const char* help,
                    const char* file_help, std::function<Status(const std::string&)> run) {
  auto file = std::make_shared<std::string>();
  CLI::App* command = db->add_subcommand(name, help);
  command->add_option("FILE", *file, file_help)->required();
  command->callback([&ctx, file, run] { ctx.action = [file, run] { return run(*file); }; });
}

void AddBackupCommands(CLI::App* db, CliContext& ctx) {
  AddFileCommand(db, ctx, "backup",
                 "Write a consistent copy of the database to FILE while it is in use",
                 "the new backup file (must not exist)",
                 [&ctx](const std::string& file) -> Status {
                   LT_ASSIGN_OR_RETURN(DatabaseCheck check, BackupDatabase(ctx.db_url, file));
                   std::cout << "backup written to " << file << "\n";
                   if (check.backend == "sqlite") PrintCheck(check);
                   return Status::Ok();
                 });
  AddFileCommand(db, ctx, "restore",
                 "Replace the database's content with a backup (stop `serve` first)",
                 "a file written by `lienthong db backup`",
                 [&ctx](const std::string& file) -> Status {
                   LT_RETURN_IF_ERROR(RestoreDatabase(file, ctx.db_url));
                   std::cout << "restored from " << file << "; run `lienthong db migrate` if "
                             << "this lienthong is newer than the backup\n";
                   return Status::Ok();
                 });
  db->add_subcommand("check", "Check the database's integrity and schema version")
      ->callback([&ctx] {
        ctx.action = [&ctx]() -> Status {
          LT_ASSIGN_OR_RETURN(auto conn, ctx.Open());
          LT_ASSIGN_OR_RETURN(DatabaseCheck check, CheckDatabase(*conn));
          PrintCheck(check);
          if (!check.ok()) return Status::FailedPrecondition("the database check found problems");
          return Status::Ok();
        };
      });
}

}  // namespace

void AddDbCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* db = app.add_subcommand(
      "db", "Database schema and safety: migrate, status, check, backup, restore");
  db->require_subcommand(1);

  db->add_subcommand("migrate", "Apply every schema migration the database lacks")
      ->callback([&ctx] {
        ctx.action = [&ctx]() -> Status {
          LT_ASSIGN_OR_RETURN(auto conn, ctx.Open());
          LT_ASSIGN_OR_RETURN(auto applied, MigrateDatabase(*conn));
          if (applied.empty()) {
            std::cout << "schema is current\n";
          } else {
            for (int v : applied) std::cout << "applied migration " << v << "\n";
          }
          return Status::Ok();
        };
      });

  db->add_subcommand("status", "List migrations and whether each is applied")->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto conn, ctx.Open());
      LT_ASSIGN_OR_RETURN(auto list, ListMigrations(*conn));
      for (const auto& m : list) {
        std::cout << m.version << "  " << m.name << "  " << (m.applied ? "applied" : "pending")
                  << "\n";
      }
      return Status::Ok();
    };
  });
  AddBackupCommands(db, ctx);
}

}  // namespace lienthong
