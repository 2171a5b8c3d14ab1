// Subtree query of one province in a ~60,000-unit hierarchy: the materialised-path range scan
// that UnitStore uses versus a recursive CTE over the parent column on the same store, both
// returning the same columns and rows. Two baselines: the parent column with its index (what a
// careful adjacency list has) and a plain parent column with no index (a copy of the table).
// "count" variants let the engine count without handing rows to C++, to show the engine's own
// ratio apart from row materialisation. Prints the medians and their ratios.
//
//   build/bench/unit_subtree_bench
//   (PostgreSQL too when $LIENTHONG_TEST_POSTGRES is set, e.g. under scripts/with-postgres.sh)
#include <cstdio>
#include <iostream>

#include "bench_support.h"
#include "service/units/unit_import.h"
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
  Status plain = f.db->Execute(
      "CREATE TABLE units_plain AS SELECT id, code, name, kind, parent_id, path, depth, "
      "valid_from, valid_to, successor_id FROM units");
  if (!plain.ok()) {
    std::cerr << plain.ToString() << "\n";
    std::exit(1);
  }
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

std::string PathRangeSql(const std::string& select) {
  return "SELECT " + select + " FROM units u WHERE u.path >= ? AND u.path < ?";
}

std::string RecursiveCteSql(const std::string& table, const std::string& select) {
  return "WITH RECURSIVE sub(id) AS (SELECT id FROM " + table + " WHERE id = ? "
         "UNION ALL SELECT c.id FROM " + table + " c JOIN sub ON c.parent_id = sub.id) "
         "SELECT " + select + " FROM " + table + " u JOIN sub ON u.id = sub.id";
}

void BM_SubtreeRecursiveCte(benchmark::State& state, std::string backend, std::string table) {
  Fixture& f = Load(backend);
  std::string sql = RecursiveCteSql(table, kColumns);
  int64_t rows = 0;
  for (auto _ : state) rows = CountRows(*f.db, sql, {f.province.id});
  state.counters["rows"] = static_cast<double>(rows);
}

// The engine alone: both queries count and sum inside the database.
void BM_CountPathRange(benchmark::State& state, std::string backend) {
  Fixture& f = Load(backend);
  std::string end = f.province.path;
  end.back() = '0';
  std::string sql = PathRangeSql("COUNT(*), SUM(LENGTH(u.name))");
  for (auto _ : state) CountRows(*f.db, sql, {f.province.path, end});
}

void BM_CountRecursiveCte(benchmark::State& state, std::string backend) {
  Fixture& f = Load(backend);
  std::string sql = RecursiveCteSql("units", "COUNT(*), SUM(LENGTH(u.name))");
  for (auto _ : state) CountRows(*f.db, sql, {f.province.id});
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
  auto reg = [&](const std::string& name, auto fn, auto... args) {
    benchmark::RegisterBenchmark(name.c_str(), fn, args...)
        ->Unit(benchmark::kMicrosecond)
        ->Repetitions(kRepetitions)
        ->ReportAggregatesOnly(true);
  };
  for (const auto& b : backends) {
    reg("subtree_path_range/" + b, BM_SubtreePathRange, b);
    reg("subtree_cte_indexed_parent/" + b, BM_SubtreeRecursiveCte, b, std::string("units"));
    reg("subtree_cte_plain_parent/" + b, BM_SubtreeRecursiveCte, b, std::string("units_plain"));
    reg("subtree_unit_store/" + b, BM_SubtreeUnitStore, b);
    reg("count_path_range/" + b, BM_CountPathRange, b);
    reg("count_cte_indexed_parent/" + b, BM_CountRecursiveCte, b);
  }
  benchmark::Initialize(&argc, argv);
  MedianRecorder reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const auto& b : backends) {
    auto& m = reporter.medians_ms;
    double path = m["subtree_path_range/" + b], indexed = m["subtree_cte_indexed_parent/" + b],
           plain = m["subtree_cte_plain_parent/" + b], store = m["subtree_unit_store/" + b],
           count_path = m["count_path_range/" + b], count_cte = m["count_cte_indexed_parent/" + b];
    if (path <= 0) continue;
    std::printf("%s, subtree of one province (medians of %d):\n", b.c_str(), kRepetitions);
    std::printf("  path range %.3f ms | CTE, indexed parent %.3f ms (%.1fx) | CTE, plain parent "
                "column %.3f ms (%.1fx)\n", path, indexed, indexed / path, plain, plain / path);
    std::printf("  UnitStore::Subtree (builds Unit values) %.3f ms\n", store);
    std::printf("  engine only (COUNT/SUM in SQL): path range %.3f ms | CTE, indexed parent "
                "%.3f ms (%.1fx)\n", count_path, count_cte, count_cte / count_path);
  }
  benchmark::Shutdown();
}
