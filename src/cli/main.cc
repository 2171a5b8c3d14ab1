// lienthong: the command-line entry point. Parses flags, runs the one chosen command, and maps
// its Status to an exit code (cli/cli_context.cc).
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/cli_context.h"

int main(int argc, char** argv) {
  using namespace lienthong;
  CliContext ctx;
  CLI::App app{"lienthong — plans, tasks and reports across the levels of government", "lienthong"};
  app.set_version_flag("--version", std::string("lienthong ") + LIENTHONG_VERSION);
  // Global options work before or after the subcommand (`lienthong units import f.csv --db URL`):
  // an option a subcommand does not know falls through to its parent, up to these. Subcommands
  // inherit fallthrough when they are created, so it is set before any is added.
  app.fallthrough();
  app.add_option("--db", ctx.db_url,
                 "Database URL: sqlite:PATH or postgresql://… (default: $LIENTHONG_DB, else "
                 "sqlite:lienthong.db)");
  std::string log_level = "info";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->capture_default_str();
  app.require_subcommand(1);

  AddDbCommands(app, ctx);
  AddUnitsCommands(app, ctx);
  AddDemoCommands(app, ctx);
  AddImportCommands(app, ctx);
  AddUsersCommands(app, ctx);
  AddAuditCommands(app, ctx);
  AddTasksCommands(app, ctx);
  AddTextCommands(app, ctx);
  AddServeCommand(app, ctx);
  AddReadDocumentCommand(app, ctx);

  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::from_str(log_level));
  if (ctx.db_url.empty()) ctx.db_url = DefaultDatabaseUrl();
  if (!ctx.action) return 0;
  Status status = ctx.action();
  if (!status.ok()) {
    std::cerr << "lienthong: " << status.ToString() << "\n";
    return ExitCodeFor(status);
  }
  return 0;
}
