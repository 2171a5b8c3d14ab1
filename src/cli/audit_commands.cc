// lienthong audit export
#include <iostream>

#include "cli/cli_context.h"
#include "store/audit_export.h"

namespace lienthong {

void AddAuditCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* audit = app.add_subcommand("audit", "The audit log of every change");
  audit->require_subcommand(1);
  auto* exp = audit->add_subcommand("export", "Print audit rows as JSON lines, oldest first");
  static std::string since, until;
  exp->add_option("--since", since, "First time included (ISO date or timestamp, UTC)");
  exp->add_option("--until", until, "First time excluded (ISO date or timestamp, UTC)");
  exp->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      auto opt = [](const std::string& s) {
        return s.empty() ? std::nullopt : std::optional<std::string>(s);
      };
      LT_ASSIGN_OR_RETURN(int64_t n, ExportAuditJsonLines(*db, opt(since), opt(until), std::cout));
      std::cerr << "exported " << n << " audit rows\n";
      return Status::Ok();
    };
  });
}

}  // namespace lienthong
