// What every CLI command shares: the parsed global options, the one action the user chose, and
// the single place where a Status becomes an exit code and a message on stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "store/database.h"
#include "util/status.h"

namespace lienthong {

struct CliContext {
  std::string db_url;              // --db, else $LIENTHONG_DB, else sqlite:lienthong.db
  std::function<Status()> action;  // set by the chosen subcommand's callback

  // Opens the database and checks its schema is current (else: run `lienthong db migrate`).
  Result<std::unique_ptr<Database>> OpenMigrated() const;
  Result<std::unique_ptr<Database>> Open() const;
  // "cli:<login name>" — who the audit log says made a change from the command line.
  std::string Actor() const;
};

// sysexits-style codes: 65 bad input data, 66 not found, 69 backend unavailable, 70 internal,
// 73 already exists, 74 I/O error, 75 temporary failure.
int ExitCodeFor(const Status& status);

// Each file adds its command group to the app.
void AddDbCommands(CLI::App& app, CliContext& ctx);
void AddUnitsCommands(CLI::App& app, CliContext& ctx);
void AddDemoCommands(CLI::App& app, CliContext& ctx);
void AddImportCommands(CLI::App& app, CliContext& ctx);
void AddUsersCommands(CLI::App& app, CliContext& ctx);
void AddAuditCommands(CLI::App& app, CliContext& ctx);
void AddServeCommand(CLI::App& app, CliContext& ctx);
void AddTasksCommands(CLI::App& app, CliContext& ctx);
void AddTextCommands(CLI::App& app, CliContext& ctx);
void AddReadDocumentCommand(CLI::App& app, CliContext& ctx);

}  // namespace lienthong
