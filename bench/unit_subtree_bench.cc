// Subtree query of one province in a ~60,000-unit hierarchy: the materialised-path range scan
// that UnitStore uses versus a recursive CTE over the parent column (indexed) on the same store.
// Both return the same columns and rows. Prints the medians and their ratio.
//
//   build/bench/unit_subtree_bench
//   (PostgreSQL too when $LIENTHONG_TEST_POSTGRES is set, e.g. under scripts/with-postgres.sh)
#include <cstdio>
#include <iostream>

#include "bench_support.h"
#include "service/unit_import.h"
#include "store/unit_store.h"

namespace lienthong::bench {
namespace {

constexpr const char* kColumns =
    "u.id, u.code, u.name, u.kind, u.parent_id, u.path, u.depth, u.valid_from, u.valid_to, "
    "u.successor_id";

struct Fixture {
  std::unique_ptr<Database> db;
  Unit province;
  int64_t total_units = 0;
};

Fixture& Load(const std::string& backend) {
  static std::map<std::string, Fixture> fixtures;
  auto it = fixtures.find(backend);
  if (it != fixtures.end()) return it->second;
  Fixture f;
  f.db = FreshDatabase(backend);
  if (!f.db) {
    std::cerr << "cannot open a " << backend << " database\n";
    std::exit(1);
  }
  std::vector<UnitRow> rows;
  for (auto& u : GenerateSyntheticUnits(CountryScale())) rows.push_back({"gen", std::move(u)});
  auto summary = ImportUnits(*f.db, rows, "bench");
  if (!summary.ok()) {
    std::cerr << summary.status().ToString() << "\n";
    std::exit(1);
  }
  UnitStore store(*f.db);
  f.province = *store.GetByCode("17");  // a province in the middle of the path order
  f.total_units = *store.Count();
  return fixtures.emplace(backend, std::move(f)).first->second;
}

int64_t CountRows(Database& db, const std::string& sql, const SqlParams& params) {
  int64_t n = 0;
  Status s = db.QueryEach(sql, params, [&](const SqlRow& row) {
    benchmark::DoNotOptimize(row.values.data());
    ++n;
    return true;
  });
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    std::exit(1);
  }
  return n;
}

void BM_SubtreePathRange(benchmark::State& state, std::string backend) {
  Fixture& f = Load(backend);
  std::string end = f.province.path;
  end.back() = '0';
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM units u WHERE u.path >= ? AND u.path < ? ORDER BY u.path";
  int64_t rows = 0;
  for (auto _ : state) rows = CountRows(*f.db, sql, {f.province.path, end});
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["units"] = static_cast<double>(f.total_units);
}

void BM_SubtreeRecursiveCte(benchmark::State& state, std::string backend) {
  Fixture& f = Load(backend);
  std::string sql =
      std::string("WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ? "
                  "UNION ALL SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id) "
                  "SELECT ") +
      kColumns + " FROM units u JOIN sub ON u.id = sub.id";
  int64_t rows = 0;
  for (auto _ : state) rows = CountRows(*f.db, sql, {f.province.id});
  state.counters["rows"] = static_cast<double>(rows);
}

// The whole service call: range scan plus building Unit values.
void BM_SubtreeUnitStore(benchmark::State& state, std::string backend) {
  Fixture& f = Load(backend);
  UnitStore store(*f.db);
  size_t rows = 0;
  for (auto _ : state) rows = store.Subtree(f.province)->size();
  state.counters["rows"] = static_cast<double>(rows);
}

}  // namespace
}  // namespace lienthong::bench

int main(int argc, char** argv) {
  using namespace lienthong::bench;
  constexpr int kRepetitions = 15;
  std::vector<std::string> backends = {"sqlite"};
  if (PostgresAvailable()) backends.push_back("postgresql");
  for (const auto& b : backends) {
    benchmark::RegisterBenchmark(("subtree_path_range/" + b).c_str(), BM_SubtreePathRange, b)
        ->Unit(benchmark::kMicrosecond)->Repetitions(kRepetitions)->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("subtree_recursive_cte/" + b).c_str(), BM_SubtreeRecursiveCte, b)
        ->Unit(benchmark::kMicrosecond)->Repetitions(kRepetitions)->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark(("subtree_unit_store/" + b).c_str(), BM_SubtreeUnitStore, b)
        ->Unit(benchmark::kMicrosecond)->Repetitions(kRepetitions)->ReportAggregatesOnly(true);
  }
  benchmark::Initialize(&argc, argv);
  MedianRecorder reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const auto& b : backends) {
    double path = reporter.medians_ms["subtree_path_range/" + b];
    double cte = reporter.medians_ms["subtree_recursive_cte/" + b];
    double store = reporter.medians_ms["subtree_unit_store/" + b];
    if (path > 0 && cte > 0) {
      std::printf("%s: subtree of one province: path range %.3f ms, recursive CTE %.3f ms, "
                  "ratio %.1fx; UnitStore::Subtree %.3f ms (%.1fx)\n",
                  b.c_str(), path, cte, cte / path, store, store > 0 ? cte / store : 0.0);
    }
  }
  benchmark::Shutdown();
}
