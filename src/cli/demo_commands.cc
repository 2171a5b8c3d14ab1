// lienthong demo generate
#include <fstream>
#include <iostream>

#include "cli/cli_context.h"
#include "service/demo_generator.h"

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
}

}  // namespace lienthong
