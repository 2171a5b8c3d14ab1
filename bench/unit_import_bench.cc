// Import of a ~60,000-row unit CSV (parse, validate, insert parents-first with one audit row per
// unit, one transaction) into a fresh database: rows per second on SQLite (a file, WAL,
// synchronous=FULL) and PostgreSQL (when $LIENTHONG_TEST_POSTGRES is set).
//
//   build/bench/unit_import_bench
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "bench_support.h"
#include "service/units/unit_import.h"

namespace lienthong::bench {
namespace {

const std::string& CountryCsv() {
  static const std::string csv = [] {
    std::ostringstream out;
    WriteUnitsCsv(GenerateSyntheticUnits(CountryScale()), out);
    return out.str();
  }();
  return csv;
}

void BM_ImportUnits(benchmark::State& state, std::string backend) {
  size_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto db = FreshDatabase(backend);
    state.ResumeTiming();
    auto parsed = ParseUnitCsv(CountryCsv(), "country.csv");
    auto summary = ImportUnits(*db, *parsed, "bench");
    if (!summary.ok()) {
      state.SkipWithError(summary.status().ToString().c_str());
      return;
    }
    rows = parsed->size();
    state.PauseTiming();
    db.reset();
    state.ResumeTiming();
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace
}  // namespace lienthong::bench

int main(int argc, char** argv) {
  using namespace lienthong::bench;
  std::vector<std::string> backends = {"sqlite"};
  if (PostgresAvailable()) backends.push_back("postgresql");
  for (const auto& b : backends) {
    benchmark::RegisterBenchmark(("import_60k_units/" + b).c_str(), BM_ImportUnits, b)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true)
        ->UseRealTime();
  }
  benchmark::Initialize(&argc, argv);
  MedianRecorder reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  size_t rows = 0;
  {
    auto parsed = lienthong::ParseUnitCsv(CountryCsv(), "country.csv");
    rows = parsed.ok() ? parsed->size() : 0;
  }
  for (const auto& b : backends) {
    double ms = reporter.medians_ms["import_60k_units/" + b];
    if (ms > 0) {
      std::printf("%s: imported %zu units in %.0f ms (median of 3): %.0f rows/s\n", b.c_str(),
                  rows, ms, rows / (ms / 1e3));
    }
  }
  benchmark::Shutdown();
}
