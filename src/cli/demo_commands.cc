// lienthong demo generate | demo activities
#include <fstream>
#include <iostream>

#include "cli/cli_context.h"
#include "service/demo/activity_demo.h"
#include "service/activities/activity_log.h"
#include "service/demo/demo_generator.h"

namespace lienthong {

void AddDemoCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* demo = app.add_subcommand("demo", "Demo and benchmark data");
  demo->require_subcommand(1);

  auto* generate = demo->add_subcommand(
      "generate", "Write a synthetic unit hierarchy as CSV (for benchmarks and load tests)");
  static SyntheticHierarchyOptions options;
  static std::string out_path;
  generate->add_option("--provinces", options.provinces)->capture_default_str()
      ->check(CLI::Range(1, 99));
  generate->add_option("--communes-per-province", options.communes_per_province)
      ->capture_default_str()->check(CLI::Range(0, 9999));
  generate->add_option("--agencies-per-province", options.agencies_per_province)
      ->capture_default_str()->check(CLI::Range(0, 99));
  generate->add_option("--agencies-per-commune", options.agencies_per_commune)
      ->capture_default_str()->check(CLI::Range(0, 99));
  generate->add_option("--areas-per-commune", options.areas_per_commune)
      ->capture_default_str()->check(CLI::Range(0, 99));
  generate->add_option("--seed", options.seed, "Same seed, same names")->capture_default_str();
  generate->add_option("-o,--out", out_path, "Output file (default: standard output)");
  generate->callback([&ctx] {
    ctx.action = []() -> Status {
      auto units = GenerateSyntheticUnits(options);
      if (out_path.empty()) {
        WriteUnitsCsv(units, std::cout);
      } else {
        std::ofstream out(out_path, std::ios::binary);
        if (!out) return Status::IoError(out_path + ": cannot write");
        WriteUnitsCsv(units, out);
        if (!out.flush()) return Status::IoError(out_path + ": write failed");
        std::cerr << "wrote " << units.size() << " units to " << out_path << "\n";
      }
      return Status::Ok();
    };
  });

  auto* activities = demo->add_subcommand(
      "activities", "Add synthetic communication activities over the stored units (last 18 months)");
  static ActivityDemoOptions activity_options;
  activities->add_option("--count", activity_options.count, "How many activities")
      ->capture_default_str()->check(CLI::Range(int64_t{1}, int64_t{100'000'000}));
  activities->add_option("--seed", activity_options.seed, "Same seed, same activities")
      ->capture_default_str();
  activities->add_option("--months", activity_options.months, "How far back dates go")
      ->capture_default_str()->check(CLI::Range(1, 240));
  activities->callback([&ctx] {
    ctx.action = [&ctx]() -> Status {
      LT_ASSIGN_OR_RETURN(auto db, ctx.OpenMigrated());
      activity_options.today = Today();
      activity_options.actor = ctx.Actor();
      LT_ASSIGN_OR_RETURN(auto summary, GenerateDemoActivities(*db, activity_options));
      std::cerr << "added " << summary.activities << " activities over " << summary.units
                << " units\n";
      return Status::Ok();
    };
  });
}

}  // namespace lienthong
