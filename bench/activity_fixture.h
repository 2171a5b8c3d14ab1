// Shared by dashboard_bench and activity_insert_bench: a synthetic country (bench_support.h
// CountryScale, ~60,000 units) with N synthetic activities on a fresh database, plus timing
// helpers that print medians and p99s.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "bench_support.h"
#include "service/demo/activity_demo.h"
#include "service/units/unit_import.h"

namespace lienthong::bench {

struct ActivityBenchArgs {
  int64_t activities = 1'000'000;
  int repetitions = 30;
  std::vector<std::string> backends = {"sqlite"};
};

// --activities N (or --10m), --reps R, --pg URL (adds PostgreSQL; so does
// $LIENTHONG_TEST_POSTGRES), --sqlite-only, --pg-only.
inline ActivityBenchArgs ParseActivityBenchArgs(int argc, char** argv, int64_t default_count) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines appear as they are printed
  // The SQLite files FreshDatabase made for this process are large: remove them on exit.
  std::atexit([] {
    std::string prefix = "lienthong-bench-" + std::to_string(getpid()) + "-";
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
      if (entry.path().filename().string().rfind(prefix, 0) == 0) {
        std::error_code ignored;
        std::filesystem::remove(entry.path(), ignored);
      }
    }
  });
  ActivityBenchArgs args;
  args.activities = default_count;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--activities") args.activities = std::atoll(next().c_str());
    if (a == "--10m") args.activities = 10'000'000;
    if (a == "--reps") args.repetitions = std::max(3, std::atoi(next().c_str()));
    if (a == "--pg") setenv("LIENTHONG_TEST_POSTGRES", next().c_str(), 1);
    if (a == "--sqlite-only") unsetenv("LIENTHONG_TEST_POSTGRES");
    if (a == "--pg-only") args.backends.clear();
  }
  if (PostgresAvailable()) args.backends.push_back("postgresql");
  return args;
}

inline double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

inline void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::cerr << what << ": " << s.ToString() << "\n";
    std::exit(1);
  }
}

// A migrated database with the synthetic country and `activities` activities dated up to
// 2025-12-31 (18 months back).
inline std::unique_ptr<Database> LoadCountry(const std::string& backend, int64_t activities) {
  auto db = FreshDatabase(backend);
  if (!db) {
    std::cerr << "cannot open a " << backend << " database\n";
    std::exit(1);
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<UnitRow> rows;
  for (auto& u : GenerateSyntheticUnits(CountryScale())) rows.push_back({"gen", std::move(u)});
  auto imported = ImportUnits(*db, rows, "bench");
  Check(imported.status(), "import units");
  std::printf("%s: %zu units imported in %.1f s\n", backend.c_str(), rows.size(), Seconds(start));
  if (activities > 0) {
    start = std::chrono::steady_clock::now();
    ActivityDemoOptions options;
    options.count = activities;
    options.today = Date{2025, 12, 31};
    options.months = 18;
    options.actor = "bench";
    auto generated = GenerateDemoActivities(*db, options);
    Check(generated.status(), "generate activities");
    double s = Seconds(start);
    std::printf("%s: %lld activities (+ pre-aggregates, search index) generated in %.1f s "
                "(%.0f rows/s)\n",
                backend.c_str(), static_cast<long long>(activities), s, activities / s);
  }
  Check(db->Execute("ANALYZE"), "analyze");
  return db;
}

struct Timing {
  double median_ms = 0;
  double p99_ms = 0;
};

// Runs `fn` `reps` times (after one warm-up) and returns the median and p99 in ms.
inline Timing Time(int reps, const std::function<void()>& fn) {
  fn();
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    auto start = std::chrono::steady_clock::now();
    fn();
    ms.push_back(Seconds(start) * 1e3);
  }
  std::sort(ms.begin(), ms.end());
  size_t p99 = std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.99));
  return Timing{ms[ms.size() / 2], ms[p99]};
}

}  // namespace lienthong::bench
