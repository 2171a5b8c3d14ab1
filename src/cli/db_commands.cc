// lienthong db migrate | db status
#include <iostream>

#include "cli/cli_context.h"
#include "store/migrations.h"

namespace lienthong {

void AddDbCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* db = app.add_subcommand("db", "Database schema: migrate, status");
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
}

}  // namespace lienthong
