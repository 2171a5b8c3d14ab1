// Roll-up on a synthetic country: ~60,000 units (34 provinces, ~3,500 communes), one national
// plan with six indicators and quarterly, 6-monthly and yearly reports from every province and
// commune for 2017–2025 (~200,000 reports, ~1.2 million values). Measures, in the same run,
// the roll-up of the whole country for one year and of one province for one quarter from the
// pre-aggregated rows (what GET /api/v1/rollup serves) and from a plain SQL GROUP BY over the
// raw tables, checks that both answers are identical, and times a submission (which maintains
// the pre-aggregated rows in its transaction). Prints median and p99 of each.
//
//   build/bench/rollup_bench            (PostgreSQL too when $LIENTHONG_TEST_POSTGRES is set)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>

#include "api/report_json.h"
#include "bench_support.h"
#include "core/reporting_period.h"
#include "service/reports/report_duties.h"
#include "service/reports/report_workflow.h"
#include "service/reports/rollup.h"
#include "service/units/unit_import.h"
#include "store/plan_store.h"
#include "store/sql_text.h"
#include "store/unit_store.h"

namespace lienthong::bench {
namespace {

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::cerr << what << ": " << s.ToString() << "\n";
    std::exit(1);
  }
}

std::vector<IndicatorDef> Indicators() {
  std::vector<IndicatorDef> d(6);
  d[0] = {.code = "so_bai", .name = "Số tin, bài", .aggregation = Aggregation::kSum};
  d[1] = {.code = "so_dang_vien", .name = "Số đảng viên", .aggregation = Aggregation::kSum};
  d[2] = {.code = "ty_le", .name = "Tỷ lệ đảng viên học tập", .type = IndicatorType::kPercentage,
          .aggregation = Aggregation::kWeightedMean, .weight_code = "so_dang_vien"};
  d[3] = {.code = "quan_triet", .name = "Đã quán triệt", .type = IndicatorType::kYesNo,
          .aggregation = Aggregation::kShareMeetingTarget, .goal = 100, .goal_period = "2025-Q4"};
  d[4] = {.code = "hoi_nghi", .name = "Số hội nghị", .aggregation = Aggregation::kMax};
  d[5] = {.code = "diem", .name = "Điểm đánh giá", .aggregation = Aggregation::kMean};
  return d;
}

struct Batch {
  Database& db;
  std::string head;
  size_t columns;
  size_t rows_per_statement;
  SqlParams params;
  size_t rows = 0;
  std::vector<Batch*> before = {};  // flushed first (foreign keys)
  void Add(SqlParams row) {
    params.insert(params.end(), row.begin(), row.end());
    if (++rows == rows_per_statement) Flush();
  }
  void Flush() {
    if (rows == 0) return;
    for (Batch* b : before) b->Flush();
    Check(db.Execute(head + PlaceholderRows(rows, columns), params), head.c_str());
    params.clear();
    rows = 0;
  }
};

struct Fixture {
  std::unique_ptr<Database> db;
  int64_t plan_id = 0;
  Unit country, province;
  int64_t reports = 0, values = 0, units = 0;
  std::vector<int64_t> open_slots;  // 2025-Q4 slots left unreported, for the submit timing
};

Fixture Load(const std::string& backend) {
  Fixture f;
  f.db = FreshDatabase(backend);
  if (!f.db) {
    std::cerr << "cannot open a " << backend << " database\n";
    std::exit(1);
  }
  Database& db = *f.db;
  std::vector<UnitRow> rows;
  for (auto& u : GenerateSyntheticUnits(CountryScale())) rows.push_back({"gen", std::move(u)});
  Check(ImportUnits(db, rows, "bench").status(), "import units");
  UnitStore units(db);
  f.country = *units.GetByCode("VN");
  f.province = *units.GetByCode("17");
  f.units = *units.Count();
  auto all = *units.Subtree(f.country);
  std::vector<Unit> reporters;
  for (auto& u : all) {
    if (u.id != f.country.id && IsTerritorial(u.kind)) reporters.push_back(u);
  }
  {
    auto txn = Transaction::Start(db);
    PlanRecord plan;
    plan.unit_id = f.country.id;
    plan.doc_type = "Kế hoạch";
    plan.title = "Kế hoạch tuyên truyền (bench)";
    plan.document_json = "{}";
    plan.created_by = "bench";
    f.plan_id = *PlanStore(db).InsertPlan(plan);
    Check((*txn)->Commit(), "plan");
  }
  Check(DeclareIndicators(db, f.plan_id, Indicators(), "bench").status(), "indicators");

  std::mt19937 rng(7);
  std::uniform_real_distribution<double> unit01(0, 1);
  auto txn = Transaction::Start(db);
  ReportStore store(db);
  Batch slots{db, "INSERT INTO report_slots (id, plan_id, duty_id, unit_id, period_key, "
                  "period_first, period_last, due, status, current_report_id, counted_report_id, "
                  "first_submitted_at, on_time) VALUES ", 13, 300, {}};
  Batch reports{db, "INSERT INTO reports (id, slot_id, version, status, created_at, created_by, "
                    "updated_at, submitted_at, submitted_by) VALUES ", 9, 400, {}};
  Batch values{db, "INSERT INTO report_values (report_id, indicator_code, num_value, "
                   "not_applicable) VALUES ", 4, 800, {}};
  reports.before = {&slots};
  values.before = {&slots, &reports};
  int64_t slot_id = 0, report_id = 0;
  std::vector<std::string> periods;
  for (auto frequency : {ReportFrequency::kQuarterly, ReportFrequency::kHalfYearly,
                         ReportFrequency::kYearly}) {
    DutyRecord duty{.plan_id = f.plan_id, .frequency = frequency, .first_year = 2017,
                    .last_year = 2025, .created_by = "bench"};
    int64_t duty_id = *store.InsertDuty(duty);
    for (int year = 2017; year <= 2025; ++year) {
      for (const PeriodKey& key : PeriodsOfYear(frequency, year)) {
        ReportingPeriod w = PeriodWindow(key);
        std::string period = key.ToString();
        periods.push_back(period);
        std::string due = Date::FromDaysSinceEpoch(w.end.DaysSinceEpoch() + 6).ToIso();
        for (const Unit& u : reporters) {
          ++slot_id;
          bool received = unit01(rng) < 0.93;
          if (!received) {
            slots.Add({slot_id, f.plan_id, duty_id, u.id, period, w.start.ToIso(), w.end.ToIso(),
                       due, std::string("missing"), std::monostate{}, std::monostate{},
                       std::monostate{}, std::monostate{}});
            if (period == "2025-Q4" && f.open_slots.size() < 200) f.open_slots.push_back(slot_id);
            continue;
          }
          bool on_time = unit01(rng) < 0.85;
          std::string at = (on_time ? w.end : Date::FromDaysSinceEpoch(w.end.DaysSinceEpoch() + 12))
                               .ToIso() + "T02:00:00Z";
          ++report_id;
          slots.Add({slot_id, f.plan_id, duty_id, u.id, period, w.start.ToIso(), w.end.ToIso(), due,
                     std::string("submitted"), report_id, report_id, at,
                     static_cast<int64_t>(on_time ? 1 : 0)});
          reports.Add({report_id, slot_id, int64_t{1}, std::string("submitted"), at,
                       std::string("bench"), at, at, std::string("bench")});
          auto scaled = [](double x) { return static_cast<int64_t>(std::llround(x * kValueScale)); };
          values.Add({report_id, std::string("so_bai"), scaled(std::floor(unit01(rng) * 200)), int64_t{0}});
          values.Add({report_id, std::string("so_dang_vien"), scaled(10 + std::floor(unit01(rng) * 5000)), int64_t{0}});
          if (unit01(rng) < 0.02) {
            values.Add({report_id, std::string("ty_le"), std::monostate{}, int64_t{1}});
          } else {
            values.Add({report_id, std::string("ty_le"), scaled(std::floor(unit01(rng) * 1000) / 10), int64_t{0}});
          }
          values.Add({report_id, std::string("quan_triet"), unit01(rng) < 0.8 ? kValueScale : int64_t{0}, int64_t{0}});
          values.Add({report_id, std::string("hoi_nghi"), scaled(std::floor(unit01(rng) * 20)), int64_t{0}});
          values.Add({report_id, std::string("diem"), scaled(std::floor(unit01(rng) * 1000) / 100), int64_t{0}});
          f.values += 6;
        }
      }
    }
  }
  slots.Flush();
  reports.Flush();
  values.Flush();
  f.reports = report_id;
  if (db.Backend() == "postgresql") {
    for (const char* table : {"report_slots", "reports"}) {
      Check(db.Execute(std::string("SELECT setval(pg_get_serial_sequence('") + table +
                       "', 'id'), (SELECT MAX(id) FROM " + table + "))"),
            "setval");
    }
  }
  for (const auto& p : periods) Check(RebuildRollup(db, f.plan_id, p), "rebuild");
  Check((*txn)->Commit(), "load");
  if (db.Backend() == "postgresql") Check(db.Execute("ANALYZE"), "analyze");
  return f;
}

struct Timing {
  double median_ms = 0, p99_ms = 0;
  int runs = 0;
};

template <typename Fn>
Timing Measure(int runs, Fn fn) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  size_t p99 = std::min(ms.size() - 1, static_cast<size_t>(std::ceil(0.99 * ms.size())) - 1);
  return {ms[ms.size() / 2], ms[p99], runs};
}

// The roll-up as GET /api/v1/rollup answers it (its JSON included), minus the source.
nlohmann::json Rollup(Fixture& f, const Unit& unit, const std::string& period, RollupSource s) {
  auto out = BuildRollup(*f.db, f.plan_id, unit, period, s, Date{2026, 6, 1});
  Check(out.status(), "rollup");
  nlohmann::json json = api::RollupJson(*out);
  json.erase("source");
  return json;
}

void Run(const std::string& backend) {
  auto t0 = std::chrono::steady_clock::now();
  Fixture f = Load(backend);
  double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %lld units, %lld reports, %lld values (loaded and pre-aggregated in %.1f s)\n",
              backend.c_str(), static_cast<long long>(f.units), static_cast<long long>(f.reports),
              static_cast<long long>(f.values), load_s);
  struct Case {
    const char* name;
    Unit unit;
    std::string period;
  };
  for (const Case& c : {Case{"whole country, year 2025", f.country, "2025"},
                        Case{"province 17, quarter 2025-Q4", f.province, "2025-Q4"}}) {
    bool same = Rollup(f, c.unit, c.period, RollupSource::kPreAggregated) ==
                Rollup(f, c.unit, c.period, RollupSource::kRawQuery);
    Timing pre = Measure(200, [&] { Rollup(f, c.unit, c.period, RollupSource::kPreAggregated); });
    Timing raw = Measure(30, [&] { Rollup(f, c.unit, c.period, RollupSource::kRawQuery); });
    // The service's typed answer alone, without the API's JSON encoding.
    Timing typed = Measure(200, [&] {
      Check(BuildRollup(*f.db, f.plan_id, c.unit, c.period, RollupSource::kPreAggregated,
                        Date{2026, 6, 1}).status(), "rollup");
    });
    std::printf("  %s: pre-aggregated median %.3f ms, p99 %.3f ms (%d runs; service alone "
                "%.3f ms) | plain GROUP BY median %.3f ms, p99 %.3f ms (%d runs) | %.0fx faster | "
                "answers %s\n",
                c.name, pre.median_ms, pre.p99_ms, pre.runs, typed.median_ms, raw.median_ms,
                raw.p99_ms, raw.runs, raw.median_ms / pre.median_ms, same ? "identical" : "DIFFERENT");
  }
  // The write side: a submission maintains the rows of its unit's chain in its transaction.
  size_t next = 0;
  std::vector<int64_t> drafts;
  for (int64_t slot : f.open_slots) {
    DraftRequest d{.slot_id = slot,
                   .values = {{.code = "so_bai", .number = 12}, {.code = "so_dang_vien", .number = 40},
                              {.code = "ty_le", .number = 75.5}, {.code = "quan_triet", .yes = true},
                              {.code = "hoi_nghi", .number = 3}, {.code = "diem", .number = 8.5}},
                   .actor = "bench"};
    auto id = SaveDraft(*f.db, d);
    Check(id.status(), "draft");
    drafts.push_back(*id);
  }
  Timing submit = Measure(static_cast<int>(drafts.size()), [&] {
    Check(SubmitReport(*f.db, drafts[next++], "bench", "2025-12-15T02:00:00Z"), "submit");
  });
  bool same = Rollup(f, f.country, "2025-Q4", RollupSource::kPreAggregated) ==
              Rollup(f, f.country, "2025-Q4", RollupSource::kRawQuery);
  std::printf("  submit (draft → submitted, roll-up rows maintained): median %.3f ms, p99 %.3f ms "
              "(%d runs); country 2025-Q4 answers after them %s\n",
              submit.median_ms, submit.p99_ms, submit.runs, same ? "identical" : "DIFFERENT");
}

}  // namespace
}  // namespace lienthong::bench

int main() {
  using namespace lienthong::bench;
  Run("sqlite");
  // FreshDatabase's SQLite file (≈250 MB): not worth keeping.
  auto file = std::filesystem::temp_directory_path() /
              ("lienthong-bench-" + std::to_string(getpid()) + "-0.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  if (PostgresAvailable()) Run("postgresql");
}
