// lienthong: the command-line entry point. Parses flags, runs the one chosen command, and maps
// its Status to an exit code (cli/cli_context.cc).
#include <iostream>

#include "cli/cli_context.h"

int main(int argc, char** argv) {
  using namespace lienthong;
  CliContext ctx;
  CLI::App app{"lienthong — plans, tasks and reports across the levels of government", "lienthong"};
  app.set_version_flag("--version", std::string("lienthong ") + LIENTHONG_VERSION);
  app.add_option("--db", ctx.db_url,
                 "Database URL: sqlite:PATH or postgresql://… (default: $LIENTHONG_DB, else "
                 "sqlite:lienthong.db)");
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

  CLI11_PARSE(app, argc, argv);
  if (ctx.db_url.empty()) ctx.db_url = DefaultDatabaseUrl();
  if (!ctx.action) return 0;
  Status status = ctx.action();
  if (!status.ok()) {
    std::cerr << "lienthong: " << status.ToString() << "\n";
    return ExitCodeFor(status);
  }
  return 0;
}
