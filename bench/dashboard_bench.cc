// The dashboard from pre-aggregates (service/activities/dashboard.h BuildDashboard) versus the
// plain GROUP BY over the raw activities (BuildDashboardReference) on the same store: a synthetic
// country of ~60,000 units with 1,000,000 activities (--10m for 10,000,000). Prints median and p99
// of whole country / one year, one province / one quarter and one province / an unaligned period
// (partial months at both ends), the ratio, and whether both answers are identical.
//
//   build/bench/dashboard_bench [--activities N | --10m] [--reps R] [--pg URL]
//   (PostgreSQL too when $LIENTHONG_TEST_POSTGRES or --pg is given)
#include "activity_fixture.h"
#include "service/activities/dashboard.h"
#include "store/unit_store.h"

int main(int argc, char** argv) {
  using namespace lienthong;
  using namespace lienthong::bench;
  ActivityBenchArgs args = ParseActivityBenchArgs(argc, argv, 1'000'000);
  struct Case {
    const char* name;
    const char* unit;
    Date from, to;
  };
  const Case cases[] = {
      {"country / 2025", "VN", {2025, 1, 1}, {2025, 12, 31}},
      {"province / Q2 2025", "17", {2025, 4, 1}, {2025, 6, 30}},
      {"province / 2025-02-10..11-20", "17", {2025, 2, 10}, {2025, 11, 20}},
      {"commune / 2025", "17001", {2025, 1, 1}, {2025, 12, 31}},
  };
  for (const std::string& backend : args.backends) {
    auto db = LoadCountry(backend, args.activities);
    UnitStore units(*db);
    std::printf("\n%s, %lld activities: pre-aggregates vs plain GROUP BY (ms; %d runs, reference "
                "%d runs)\n",
                backend.c_str(), static_cast<long long>(args.activities), args.repetitions,
                std::max(3, args.repetitions / 6));
    std::printf("  %-30s %10s %10s %12s %12s %9s  %s\n", "case", "median", "p99", "ref median",
                "ref p99", "ratio", "identical");
    for (const Case& c : cases) {
      auto unit = units.GetByCode(c.unit);
      Check(unit.status(), c.unit);
      Result<Dashboard> fast = Status::Internal("not run");
      Result<Dashboard> reference = Status::Internal("not run");
      Timing t_fast = Time(args.repetitions, [&] { fast = BuildDashboard(*db, *unit, c.from, c.to); });
      Timing t_ref = Time(std::max(3, args.repetitions / 6),
                          [&] { reference = BuildDashboardReference(*db, *unit, c.from, c.to); });
      Check(fast.status(), "dashboard");
      Check(reference.status(), "reference");
      bool same = *fast == *reference;
      std::printf("  %-30s %10.3f %10.3f %12.1f %12.1f %8.0fx  %s (total %lld)\n", c.name,
                  t_fast.median_ms, t_fast.p99_ms, t_ref.median_ms, t_ref.p99_ms,
                  t_ref.median_ms / t_fast.median_ms, same ? "yes" : "NO",
                  static_cast<long long>(fast->total));
    }
    auto rollups = db->Query(
        "SELECT (SELECT COUNT(*) FROM activity_rollup_cells), "
        "(SELECT COUNT(*) FROM activity_rollup_totals)");
    if (rollups.ok()) {
      std::printf("  pre-aggregate rows: %lld cells, %lld totals\n",
                  static_cast<long long>(rollups->at(0).Int(0)),
                  static_cast<long long>(rollups->at(0).Int(1)));
    }
  }
}
