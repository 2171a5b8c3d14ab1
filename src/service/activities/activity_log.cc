#include "service/activities/activity_log.h"

#include <set>

#include "core/activity_vocabulary.h"
#include "core/unit_path.h"
#include "service/activities/activity_batch_writer.h"
#include "store/unit_store.h"
#include "text/collation.h"
#include "text/keys.h"
#include "text/normalize.h"
#include "text/visible_text.h"
#include "util/iso_time.h"

namespace lienthong {
namespace {

constexpr size_t kMaxTitleBytes = 1000;
constexpr size_t kMaxThemeBytes = 300;
constexpr size_t kMaxLinkBytes = 2000;
constexpr size_t kMaxClientKeyBytes = 200;
constexpr int kSerializationRetries = 4;

Status FieldError(const std::string& prefix, const std::string& field, const std::string& why) {
  return Status::InvalidField(prefix + field, why);
}

std::string Trimmed(std::string_view text) {
  std::string nfc = ToNfc(text);
  size_t begin = nfc.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = nfc.find_last_not_of(" \t\r\n");
  return nfc.substr(begin, end - begin + 1);
}

bool HasControlOrSpace(std::string_view text) {
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f) return true;
  }
  return false;
}

// http(s)://host… with a non-empty host and no spaces or control characters.
bool IsWebLink(std::string_view link) {
  std::string lower;
  for (char c : link.substr(0, 8)) lower.push_back(static_cast<char>(std::tolower(c)));
  size_t host_start;
  if (lower.rfind("https://", 0) == 0) {
    host_start = 8;
  } else if (lower.rfind("http://", 0) == 0) {
    host_start = 7;
  } else {
    return false;
  }
  if (link.size() <= host_start || HasControlOrSpace(link)) return false;
  char first = link[host_start];
  return first != '/' && first != '?' && first != '#' && first != '@';
}

// Serialisation conflicts (PostgreSQL) are worth a retry; everything else is final.
bool Retryable(const Status& s) { return s.code() == StatusCode::kUnavailable; }

}  // namespace

Result<Activity> ValidateActivity(Database& db, const ActivityInput& in, const Unit& unit,
                                  const Date& today, const std::string& prefix) {
  using Params = std::vector<std::pair<std::string, std::string>>;
  auto refuse = [&](const std::string& field, const std::string& code, Params params,
                    const std::string& why) {
    return FieldError(prefix, field, why).WithReason(code, std::move(params));
  };
  Activity a;
  a.unit_id = unit.id;
  auto date = Date::FromIso(in.date);
  const std::string value = in.date.substr(0, 40);
  if (in.date.empty()) return refuse("date", "date_required", {}, "required (YYYY-MM-DD)");
  if (!date) {
    return refuse("date", "date_invalid", {{"value", value}},
                  "'" + value + "' is not a date (YYYY-MM-DD)");
  }
  if (*date > today) {
    return refuse("date", "date_future", {{"date", date->ToIso()}, {"today", today.ToIso()}},
                  date->ToIso() + " is in the future (today is " + today.ToIso() + ")");
  }
  if (!unit.IsActiveOn(*date)) {
    return refuse("date", "unit_not_active", {{"unit", unit.name}, {"date", date->ToIso()}},
                  "unit " + unit.code + " did not exist on " + date->ToIso());
  }
  a.date = *date;
  auto kind = ParseActivityKind(in.kind);
  if (!kind) {
    return refuse("kind", "kind_unknown", {{"value", in.kind.substr(0, 40)}},
                  "unknown kind '" + in.kind.substr(0, 40) + "'");
  }
  a.kind = *kind;
  auto channel = CanonicalChannel(in.channel);
  if (!channel) {
    return refuse("channel", "channel_unknown", {{"value", in.channel.substr(0, 40)}},
                  "unknown channel '" + in.channel.substr(0, 40) + "'");
  }
  a.channel = *channel;
  a.title = Trimmed(in.title);
  if (a.title.empty()) return refuse("title", "title_required", {}, "required");
  if (!HasVisibleContent(a.title)) {
    return refuse("title", "title_invisible", {},
                  "has no visible characters (only spaces or invisible marks)");
  }
  auto too_long = [&](const std::string& field, size_t limit) {
    return refuse(field, "too_long", {{"limit", std::to_string(limit)}},
                  "longer than " + std::to_string(limit) + " bytes");
  };
  if (a.title.size() > kMaxTitleBytes) return too_long("title", kMaxTitleBytes);
  a.theme = Trimmed(in.theme);
  if (a.theme.size() > kMaxThemeBytes) return too_long("theme", kMaxThemeBytes);
  a.link = Trimmed(in.link);
  if (a.link.size() > kMaxLinkBytes) return too_long("link", kMaxLinkBytes);
  if (!a.link.empty() && !IsWebLink(a.link)) {
    return refuse("link", "link_not_web", {}, "only http:// and https:// links are accepted");
  }
  if (in.reach < 0) return refuse("reach", "reach_negative", {}, "must be 0 or more");
  if (in.reach > kMaxActivityReach) {
    return refuse("reach", "reach_too_large", {{"limit", std::to_string(kMaxActivityReach)}},
                  "at most 1000000000 (10^9) people per activity");
  }
  a.reach = in.reach;
  if (in.client_key && (in.client_key->size() > kMaxClientKeyBytes ||
                        HasControlOrSpace(*in.client_key))) {
    return refuse("client_key", "client_key_invalid", {}, "at most 200 bytes without spaces");
  }
  if (in.plan_id) {
    LT_ASSIGN_OR_RETURN(auto plan, ActivityStore(db).FindPlan(*in.plan_id));
    // A plan the unit implements is its own or one of its ancestors'.
    if (!plan || (plan->unit_path && !UnitPath(unit.path).Within(*plan->unit_path))) {
      return refuse("plan_id", "plan_not_owned",
                    {{"plan", std::to_string(*in.plan_id)}, {"unit", unit.name}},
                    "no plan " + std::to_string(*in.plan_id) + " of unit " + unit.code +
                        " or its ancestors");
    }
    a.plan_id = in.plan_id;
  }
  return a;
}

namespace {

Result<std::vector<StoredActivity>> RecordOnce(Database& db,
                                               const std::vector<ActivityDraft>& drafts,
                                               const RecordOptions& options,
                                               int64_t* existing_id) {
  LT_ASSIGN_OR_RETURN(auto txn, Transaction::Start(db));
  ActivityBatchWriter writer(db, NowIsoUtc());
  LT_ASSIGN_OR_RETURN(auto stored, writer.Stage(drafts, options, existing_id));
  LT_RETURN_IF_ERROR(writer.Finish());
  LT_RETURN_IF_ERROR(txn->Commit());
  return stored;
}

}  // namespace

Result<std::vector<StoredActivity>> RecordActivities(Database& db,
                                                     const std::vector<ActivityDraft>& drafts,
                                                     const RecordOptions& options,
                                                     int64_t* existing_id) {
  for (int attempt = 1;; ++attempt) {
    auto result = RecordOnce(db, drafts, options, existing_id);
    if (result.ok() || !Retryable(result.status()) || attempt >= kSerializationRetries) {
      return result;
    }
  }
}

Result<ActivityOptions> ActivityOptionsFor(Database& db, const Unit& unit) {
  ActivityStore store(db);
  LT_ASSIGN_OR_RETURN(auto chain, store.AncestorIds(unit.path));
  LT_ASSIGN_OR_RETURN(std::vector<std::string> candidates, store.PlanThemes(chain, 50));
  LT_ASSIGN_OR_RETURN(auto used, store.UsedThemes(unit.id));
  candidates.insert(candidates.end(), used.begin(), used.end());
  candidates.insert(candidates.end(), CommonThemes().begin(), CommonThemes().end());
  ActivityOptions options;
  std::set<std::string> seen;
  for (const std::string& c : candidates) {
    std::string theme = Trimmed(c);
    if (theme.empty() || theme.size() > kMaxThemeBytes) continue;
    if (seen.insert(MatchKey(theme)).second) options.themes.push_back(theme);
  }
  SortVietnamese(options.themes);
  return options;
}

}  // namespace lienthong
