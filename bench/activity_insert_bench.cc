// Recording activities through the service (RecordActivities, service/activities/activity_log.h):
// validation, the row, its audit row, the search index (triggers/GIN) and the pre-aggregates of
// every ancestor, committed — on a synthetic country that already holds --activities rows (default
// 100,000). Prints single-row transactions per second (each one durable: SQLite WAL with
// synchronous=FULL) and rows per second for batches of 1,000 (POST {"activities": [...]}), then
// single-activity calls from 1, 8 and 64 threads at once — as the server's workers — through the
// group commit (service/activities/activity_commit_queue.h), where callers that wait together share
// one transaction and one fsync.
//
//   build/bench/activity_insert_bench [--activities N] [--reps R] [--pg URL] [--sqlite-only |
//                                     --pg-only] [--sync-normal]
// --sync-normal applies to the single-transaction and batch figures only (the group commit opens
// its own connection, with the production settings).
#include <atomic>
#include <random>
#include <thread>

#include "activity_fixture.h"
#include "service/activities/activity_commit_queue.h"
#include "service/activities/activity_log.h"
#include "service/search/search.h"
#include "store/unit_store.h"

namespace lienthong::bench {
namespace {

// A single-activity draft for a random unit of `targets`, dated in 2025.
ActivityDraft BenchDraft(const std::vector<Unit>& targets, std::mt19937& rng, int i) {
  ActivityDraft d;
  d.unit = targets[rng() % targets.size()];
  d.input.date = Date::FromDaysSinceEpoch(Date{2025, 1, 1}.DaysSinceEpoch() +
                                          static_cast<int>(rng() % 365))
                     .ToIso();
  d.input.kind = "article";
  d.input.channel = "website";
  d.input.theme = i % 2 ? "Chuyển đổi số" : "Cải cách hành chính";
  d.input.title = "Tin số " + std::to_string(i) + " về chuyển đổi số ở cơ sở";
  d.input.link = "https://example.gov.vn/tin/" + std::to_string(i);
  d.input.reach = i % 700;
  return d;
}

// `threads` threads, each recording `per_thread` single activities one call at a time through one
// ActivityCommitQueue (durable commits: its connection has the production settings).
void RunConcurrent(Database& db, const std::vector<Unit>& targets, int threads, int per_thread,
                   int first_index) {
  auto url = SameDatabaseUrl(db);  // store/testing/test_database.h
  Check(url.status(), "url");
  ActivityCommitQueue queue(*url);
  RecordOptions options{"bench", Date{2025, 12, 31}};
  std::vector<std::vector<double>> latencies(threads);
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::mt19937 rng(1000 + t);
      ++ready;
      while (!go) std::this_thread::yield();
      for (int i = 0; i < per_thread; ++i) {
        ActivityDraft d = BenchDraft(targets, rng, first_index + t * per_thread + i);
        auto one = std::chrono::steady_clock::now();
        Check(queue.Record({d}, options).status(), "record");
        latencies[t].push_back(Seconds(one) * 1e3);
      }
    });
  }
  while (ready < threads) std::this_thread::yield();
  auto start = std::chrono::steady_clock::now();
  go = true;
  for (auto& th : pool) th.join();
  double seconds = Seconds(start);
  std::vector<double> ms;
  for (auto& l : latencies) ms.insert(ms.end(), l.begin(), l.end());
  std::sort(ms.begin(), ms.end());
  auto counters = queue.counters();
  std::printf("%s: %2d threads × %d single-activity calls, group commit: %.0f inserts/s (median "
              "%.3f ms, p99 %.3f ms per call; %.1f callers per transaction)\n",
              std::string(db.Backend()).c_str(), threads, per_thread, ms.size() / seconds,
              ms[ms.size() / 2], ms[ms.size() * 99 / 100],
              static_cast<double>(counters.callers) / static_cast<double>(counters.groups));
}

}  // namespace
}  // namespace lienthong::bench

int main(int argc, char** argv) {
  using namespace lienthong;
  using namespace lienthong::bench;
  ActivityBenchArgs args = ParseActivityBenchArgs(argc, argv, 100'000);
  constexpr int kSingles = 3000;
  constexpr int kBatches = 5;
  constexpr int kBatchSize = 1000;
  for (const std::string& backend : args.backends) {
    auto db = LoadCountry(backend, args.activities);
    // --sync-normal: SQLite without an fsync per commit, to show what the fsync costs.
    for (int i = 1; i < argc; ++i) {
      if (std::string(argv[i]) == "--sync-normal" && backend == "sqlite") {
        Check(db->Execute("PRAGMA synchronous=NORMAL"), "pragma");
        std::printf("sqlite: synchronous=NORMAL (no fsync per commit; NOT the production setting)\n");
      }
    }
    // Communes' bodies and residential areas: the deepest units, with the longest chains.
    std::vector<Unit> targets;
    Check(db->QueryEach("SELECT code FROM units WHERE depth >= 3 ORDER BY id LIMIT 5000", {},
                        [&](const SqlRow& row) {
                          targets.push_back(*UnitStore(*db).GetByCode(row.Text(0)));
                          return true;
                        }),
          "units");
    std::mt19937 rng(42);
    auto draft = [&](int i) { return BenchDraft(targets, rng, i); };
    RecordOptions options{"bench", Date{2025, 12, 31}};
    std::vector<double> ms;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kSingles; ++i) {
      auto one = std::chrono::steady_clock::now();
      Check(RecordActivities(*db, {draft(i)}, options).status(), "record");
      ms.push_back(Seconds(one) * 1e3);
    }
    double singles = Seconds(start);
    std::sort(ms.begin(), ms.end());
    std::printf("\n%s: %d single-activity transactions: %.0f inserts/s (median %.3f ms, p99 "
                "%.3f ms)\n",
                backend.c_str(), kSingles, kSingles / singles, ms[ms.size() / 2],
                ms[ms.size() * 99 / 100]);
    start = std::chrono::steady_clock::now();
    for (int b = 0; b < kBatches; ++b) {
      std::vector<ActivityDraft> batch;
      for (int i = 0; i < kBatchSize; ++i) batch.push_back(draft(kSingles + b * kBatchSize + i));
      Check(RecordActivities(*db, batch, options).status(), "record batch");
    }
    double batches = Seconds(start);
    std::printf("%s: %d batches of %d: %.0f activities/s (%.1f ms per batch)\n", backend.c_str(),
                kBatches, kBatchSize, kBatches * kBatchSize / batches, batches * 1e3 / kBatches);
    for (int threads : {1, 8, 64}) {
      RunConcurrent(*db, targets, threads, threads == 1 ? 1000 : 8000 / threads, 100000 * threads);
    }
    // Search over the same store, from the root and from one province.
    auto vn = UnitStore(*db).GetByCode("VN");
    auto province = UnitStore(*db).GetByCode("17");
    for (const auto& [label, path] : {std::pair<std::string, std::string>{"country", vn->path},
                                      {"province", province->path}}) {
      for (const char* q : {"chuyen doi so", "cải cách hành chính", "tin số 1234"}) {
        Timing t = Time(args.repetitions, [&] {
          Check(Search(*db, SearchRequest{q, path, true, 20}).status(), "search");
        });
        std::printf("%s: search '%s' from %s: median %.2f ms, p99 %.2f ms\n", backend.c_str(), q,
                    label.c_str(), t.median_ms, t.p99_ms);
      }
    }
  }
}
