#include "service/demo/activity_demo.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/activity_vocabulary.h"
#include "store/activity_store.h"
#include "store/audit_log.h"
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

}  // namespace

Result<ActivityDemoSummary> GenerateDemoActivities(Database& db,
                                                   const ActivityDemoOptions& options) {
  // Units in path order with their ancestor chains, from one scan.
  std::vector<std::pair<std::string, DemoUnit>> by_path;
  std::unordered_map<std::string, int64_t> id_by_code;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT id, code, name, path, valid_to FROM units ORDER BY path", {},
      [&](const SqlRow& row) {
        id_by_code.emplace(row.Text(1), row.Int(0));
        if (row.IsNull(4)) by_path.push_back({row.Text(3), DemoUnit{row.Int(0), row.Text(2), {}}});
        return true;
      }));
  if (by_path.empty()) return Status::FailedPrecondition("no active units: import units first");
  for (auto& [path, unit] : by_path) {
    size_t start = 1;
    while (start < path.size()) {
      size_t slash = path.find('/', start);
      unit.chain.push_back(id_by_code.at(path.substr(start, slash - start)));
      start = slash + 1;
    }
  }

  std::mt19937_64 rng(options.seed);
  int last_day = options.today.DaysSinceEpoch();
  int first_day = Date::FromDaysSinceEpoch(last_day - options.months * 30 - 30).DaysSinceEpoch();
  int span = last_day - first_day + 1;
  const auto& themes = CommonThemes();
  const auto& channels = ActivityChannelOptions();
  const auto& templates = TitleTemplates();
  const ActivityKind kinds[] = {ActivityKind::kArticle, ActivityKind::kPost,
                                ActivityKind::kBroadcast, ActivityKind::kInfographic,
                                ActivityKind::kVideo, ActivityKind::kConference,
                                ActivityKind::kBanner, ActivityKind::kLoudspeaker};

  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ActivityStore store(db);
  RollupDelta delta;
  std::string now = NowIsoUtc();
  std::vector<Activity> chunk;
  chunk.reserve(kChunk);
  int64_t units_used = 0;
  size_t previous_unit = SIZE_MAX;
  for (int64_t i = 0; i < options.count; ++i) {
    size_t u = static_cast<size_t>(i * static_cast<int64_t>(by_path.size()) / options.count);
    if (u != previous_unit) {
      ++units_used;
      previous_unit = u;
    }
    const DemoUnit& unit = by_path[u].second;
    Activity a;
    a.unit_id = unit.id;
    a.date = Date::FromDaysSinceEpoch(first_day + static_cast<int>(rng() % span));
    // A skewed theme mix, as real plans have a few dominant themes.
    size_t t = std::min(rng() % themes.size(), rng() % themes.size());
    a.theme = themes[t];
    a.channel = channels[rng() % channels.size()].code;
    a.kind = kinds[rng() % std::size(kinds)];
    a.title = Fill(templates[rng() % templates.size()], a.theme, unit.name);
    a.link = "https://example.gov.vn/tin/" + std::to_string(options.seed) + "-" + std::to_string(i);
    a.reach = static_cast<int64_t>(rng() % 5000);
    a.created_by = options.actor;
    delta.Add(unit.chain, a.date, a.theme, a.channel, a.reach);
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
  nlohmann::json after = {{"count", options.count}, {"seed", options.seed},
                          {"months", options.months}, {"today", options.today.ToIso()}};
  LT_RETURN_IF_ERROR(AppendAudit(db, AuditEntry{.actor = options.actor,
                                                .action = "generate",
                                                .entity = "activity",
                                                .entity_id = "",
                                                .after_json = after.dump()}));
  LT_RETURN_IF_ERROR(txn->Commit());
  return ActivityDemoSummary{options.count, units_used};
}

}  // namespace lienthong
