#include "service/demo/activity_demo.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <unordered_map>

#include "core/activity_vocabulary.h"
#include "store/activity_json.h"
#include "store/activity_store.h"
#include "store/audit_log.h"
#include "store/unit_store.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr size_t kChunk = 20000;              // activities per InsertMany
constexpr size_t kFlushCellRows = 1'000'000;  // aggregate rows held in memory before writing

const std::vector<std::string>& TitleTemplates() {
  static const std::vector<std::string> kTemplates = {
      "Tuyên truyền về {theme} tại {unit}",
      "{unit} đẩy mạnh {theme}",
      "Hội nghị quán triệt nội dung {theme}",
      "Phóng sự: {theme} – chuyện ở {unit}",
      "Infographic: kết quả {theme} năm nay",
      "Loa phát thanh thông tin về {theme}",
  };
  return kTemplates;
}

std::string Fill(std::string text, const std::string& theme, const std::string& unit) {
  for (auto [key, value] : {std::pair<std::string, const std::string*>{"{theme}", &theme},
                            {"{unit}", &unit}}) {
    size_t at = text.find(key);
    if (at != std::string::npos) text.replace(at, key.size(), *value);
  }
  return text;
}

struct DemoUnit {
  int64_t id;
  std::string name;
  std::vector<int64_t> chain;  // ancestors-or-self, root first
};

// The active units in path order (each province's units contiguous) with their ancestor chains.
Result<std::vector<DemoUnit>> LoadDemoUnits(Database& db) {
  UnitStore store(db);
  LT_ASSIGN_OR_RETURN(auto roots, store.Roots());
  std::vector<DemoUnit> out;
  std::unordered_map<int64_t, const DemoUnit*> by_id;
  std::unordered_map<int64_t, std::vector<int64_t>> chains;  // of every unit, ended ones too
  for (const Unit& root : roots) {
    LT_ASSIGN_OR_RETURN(auto subtree, store.Subtree(root));
    out.reserve(out.size() + subtree.size());
    for (Unit& u : subtree) {  // parents come before their children
      std::vector<int64_t> chain;
      if (u.parent_id) chain = chains[*u.parent_id];
      chain.push_back(u.id);
      chains[u.id] = chain;
      if (!u.IsEnded()) out.push_back(DemoUnit{u.id, std::move(u.name), std::move(chain)});
    }
  }
  return out;
}

// Draws the activities: evenly over the units, on random days of the period, with a skewed
// theme mix (real plans have a few dominant themes).
class DemoActivityMaker {
 public:
  explicit DemoActivityMaker(const ActivityDemoOptions& options)
      : options_(options), rng_(options.seed) {
    int last_day = options.today.DaysSinceEpoch();
    first_day_ = Date::FromDaysSinceEpoch(last_day - options.months * 30 - 30).DaysSinceEpoch();
    span_ = last_day - first_day_ + 1;
  }

  Activity Make(const DemoUnit& unit, int64_t i) {
    static const ActivityKind kKinds[] = {
        ActivityKind::kArticle,     ActivityKind::kPost,  ActivityKind::kBroadcast,
        ActivityKind::kInfographic, ActivityKind::kVideo, ActivityKind::kConference,
        ActivityKind::kBanner,      ActivityKind::kLoudspeaker};
    const auto& themes = CommonThemes();
    const auto& channels = ActivityChannelOptions();
    const auto& templates = TitleTemplates();
    Activity a;
    a.unit_id = unit.id;
    a.date = Date::FromDaysSinceEpoch(first_day_ + static_cast<int>(rng_() % span_));
    size_t t = std::min(rng_() % themes.size(), rng_() % themes.size());
    a.theme = themes[t];
    a.channel = channels[rng_() % channels.size()].code;
    a.kind = kKinds[rng_() % std::size(kKinds)];
    a.title = Fill(templates[rng_() % templates.size()], a.theme, unit.name);
    a.link = "https://example.gov.vn/tin/" + std::to_string(options_.seed) + "-" + std::to_string(i);
    a.reach = static_cast<int64_t>(rng_() % 5000);
    a.created_by = options_.actor;
    return a;
  }

 private:
  const ActivityDemoOptions& options_;
  std::mt19937_64 rng_;
  int first_day_ = 0;
  int span_ = 1;
};

// Inserts the activities in chunks and their pre-aggregates, flushed now and then. Returns how
// many units received activities.
Result<int64_t> WriteDemoActivities(Database& db, const std::vector<DemoUnit>& units,
                                    const ActivityDemoOptions& options) {
  ActivityStore store(db);
  DemoActivityMaker maker(options);
  RollupDelta delta;
  std::string now = NowIsoUtc();
  std::vector<Activity> chunk;
  chunk.reserve(kChunk);
  int64_t units_used = 0;
  size_t previous_unit = SIZE_MAX;
  for (int64_t i = 0; i < options.count; ++i) {
    size_t u = static_cast<size_t>(i * static_cast<int64_t>(units.size()) / options.count);
    if (u != previous_unit) {
      ++units_used;
      previous_unit = u;
    }
    Activity a = maker.Make(units[u], i);
    delta.Add(units[u].chain, a.date, a.theme, a.channel, a.reach);
    chunk.push_back(std::move(a));
    if (chunk.size() == kChunk || i + 1 == options.count) {
      LT_RETURN_IF_ERROR(store.InsertMany(chunk, now));
      chunk.clear();
      if (delta.CellRows() >= kFlushCellRows) {
        LT_RETURN_IF_ERROR(delta.Write(db));
        delta = RollupDelta();
      }
      if (options.progress) options.progress(i + 1);
    }
  }
  LT_RETURN_IF_ERROR(delta.Write(db));
  return units_used;
}

}  // namespace

Result<ActivityDemoSummary> GenerateDemoActivities(Database& db,
                                                   const ActivityDemoOptions& options) {
  LT_ASSIGN_OR_RETURN(std::vector<DemoUnit> units, LoadDemoUnits(db));
  if (units.empty()) return Status::FailedPrecondition("no active units: import units first");
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  LT_ASSIGN_OR_RETURN(int64_t units_used, WriteDemoActivities(db, units, options));
  LT_RETURN_IF_ERROR(AppendAudit(
      db, AuditEntry{.actor = options.actor,
                     .action = "generate",
                     .entity = "activity",
                     .entity_id = "",
                     .after_json = ActivityGenerationAuditJson(options.count, options.seed,
                                                               options.months, options.today)}));
  LT_RETURN_IF_ERROR(txn->Commit());
  return ActivityDemoSummary{options.count, units_used};
}

}  // namespace lienthong
