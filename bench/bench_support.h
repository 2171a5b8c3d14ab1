// Shared pieces of the benchmarks: fresh databases on each backend, the synthetic hierarchy,
// and a reporter that keeps each benchmark's median so ratios can be printed in one run.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>

#include "service/demo/demo_generator.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/testing/test_database.h"

namespace lienthong::bench {

// ~60,000 units: 34 provinces × (1 + 12 agencies + 103 communes × (1 + 6 bodies + 10 areas)) + 1.
inline SyntheticHierarchyOptions CountryScale() {
  SyntheticHierarchyOptions o;
  o.provinces = 34;
  o.communes_per_province = 103;
  o.agencies_per_province = 12;
  o.agencies_per_commune = 6;
  o.areas_per_commune = 10;
  return o;
}

// A migrated, empty database: a new SQLite file (WAL, synchronous=FULL, as in production) or a
// fresh schema on the PostgreSQL named by $LIENTHONG_TEST_POSTGRES.
inline std::unique_ptr<Database> FreshDatabase(const std::string& backend) {
  if (backend == "sqlite") {
    static int counter = 0;
    auto path = std::filesystem::temp_directory_path() /
                ("lienthong-bench-" + std::to_string(getpid()) + "-" + std::to_string(counter++) +
                 ".db");
    std::filesystem::remove(path);
    auto db = OpenDatabase("sqlite:" + path.string());
    if (!db.ok()) return nullptr;
    if (!MigrateDatabase(**db).ok()) return nullptr;
    return std::move(*db);
  }
  auto db = OpenFreshTestDatabase(backend, /*migrate=*/true);
  return db.ok() ? std::move(*db) : nullptr;
}

inline bool PostgresAvailable() { return std::getenv("LIENTHONG_TEST_POSTGRES") != nullptr; }

// Console output as usual, plus the median real time (ms) of every "…_median" aggregate.
class MedianRecorder : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
        medians_ms[run.run_name.function_name] =
            run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e3;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> medians_ms;
};

}  // namespace lienthong::bench
