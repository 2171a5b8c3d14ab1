#include "service/activities/activity_log.h"

#include <ctime>
#include <map>
#include <set>

#include "core/activity_vocabulary.h"
#include "core/unit_path.h"
#include "service/activities/activity_batch_writer.h"
#include "store/sql_text.h"
#include "store/unit_store.h"
#include "text/collation.h"
#include "text/keys.h"
#include "text/normalize.h"
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

Status ReadString(const nlohmann::json& body, const char* name, const std::string& prefix,
                  std::string& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return FieldError(prefix, name, "expected a string");
  out = it->get<std::string>();
  return Status::Ok();
}

Status ReadInt(const nlohmann::json& body, const char* name, const std::string& prefix,
               std::optional<int64_t>& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_number_integer()) return FieldError(prefix, name, "expected an integer");
  out = it->get<int64_t>();
  return Status::Ok();
}

// Serialisation conflicts (PostgreSQL) are worth a retry; everything else is final.
bool Retryable(const Status& s) { return s.code() == StatusCode::kUnavailable; }

}  // namespace

Result<DateRange> ParseDateRange(const std::optional<std::string>& from,
                                 const std::optional<std::string>& to, const DateRange& fallback) {
  DateRange range = fallback;
  if (from && !from->empty()) {
    auto d = Date::FromIso(*from);
    if (!d)
      return Status::InvalidField("from",
                                  "'" + from->substr(0, 40) + "' is not a date (YYYY-MM-DD)");
    range.from = *d;
  }
  if (to && !to->empty()) {
    auto d = Date::FromIso(*to);
    if (!d)
      return Status::InvalidField("to", "'" + to->substr(0, 40) + "' is not a date (YYYY-MM-DD)");
    range.to = *d;
  }
  if (range.to < range.from) {
    return Status::InvalidField("to", range.to.ToIso() + " is before from " + range.from.ToIso());
  }
  return range;
}

Result<ActivityInput> ActivityInputFromJson(const nlohmann::json& body, const std::string& prefix) {
  if (!body.is_object()) {
    return Status::InvalidField(prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1),
                                "expected an object");
  }
  ActivityInput in;
  LT_RETURN_IF_ERROR(ReadString(body, "unit", prefix, in.unit_code));
  LT_RETURN_IF_ERROR(ReadString(body, "date", prefix, in.date));
  LT_RETURN_IF_ERROR(ReadString(body, "kind", prefix, in.kind));
  LT_RETURN_IF_ERROR(ReadString(body, "channel", prefix, in.channel));
  LT_RETURN_IF_ERROR(ReadString(body, "theme", prefix, in.theme));
  LT_RETURN_IF_ERROR(ReadString(body, "title", prefix, in.title));
  LT_RETURN_IF_ERROR(ReadString(body, "link", prefix, in.link));
  std::optional<int64_t> reach;
  LT_RETURN_IF_ERROR(ReadInt(body, "reach", prefix, reach));
  in.reach = reach.value_or(0);
  LT_RETURN_IF_ERROR(ReadInt(body, "plan_id", prefix, in.plan_id));
  std::string client_key;
  LT_RETURN_IF_ERROR(ReadString(body, "client_key", prefix, client_key));
  if (!client_key.empty()) in.client_key = client_key;
  return in;
}

Result<Activity> ValidateActivity(Database& db, const ActivityInput& in, const Unit& unit,
                                  const Date& today, const std::string& prefix) {
  Activity a;
  a.unit_id = unit.id;
  auto date = Date::FromIso(in.date);
  if (in.date.empty()) return FieldError(prefix, "date", "required (YYYY-MM-DD)");
  if (!date) return FieldError(prefix, "date", "'" + in.date.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  if (*date > today) {
    return FieldError(prefix, "date", date->ToIso() + " is in the future (today is " +
                                          today.ToIso() + ")");
  }
  if (!unit.IsActiveOn(*date)) {
    return FieldError(prefix, "date", "unit " + unit.code + " did not exist on " + date->ToIso());
  }
  a.date = *date;
  auto kind = ParseActivityKind(in.kind);
  if (!kind) return FieldError(prefix, "kind", "unknown kind '" + in.kind.substr(0, 40) + "'");
  a.kind = *kind;
  auto channel = CanonicalChannel(in.channel);
  if (!channel) {
    return FieldError(prefix, "channel", "unknown channel '" + in.channel.substr(0, 40) + "'");
  }
  a.channel = *channel;
  a.title = Trimmed(in.title);
  if (a.title.empty()) return FieldError(prefix, "title", "required");
  if (a.title.size() > kMaxTitleBytes) return FieldError(prefix, "title", "longer than 1000 bytes");
  a.theme = Trimmed(in.theme);
  if (a.theme.size() > kMaxThemeBytes) return FieldError(prefix, "theme", "longer than 300 bytes");
  a.link = Trimmed(in.link);
  if (a.link.size() > kMaxLinkBytes) return FieldError(prefix, "link", "longer than 2000 bytes");
  if (!a.link.empty() && !IsWebLink(a.link)) {
    return FieldError(prefix, "link", "only http:// and https:// links are accepted");
  }
  if (in.reach < 0) return FieldError(prefix, "reach", "must be 0 or more");
  a.reach = in.reach;
  if (in.client_key && (in.client_key->size() > kMaxClientKeyBytes ||
                        HasControlOrSpace(*in.client_key))) {
    return FieldError(prefix, "client_key", "at most 200 bytes without spaces");
  }
  if (in.plan_id) {
    LT_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT u.path FROM plans p LEFT JOIN units u "
                                            "ON u.id = p.unit_id WHERE p.id = ?",
                                            {*in.plan_id}));
    // A plan the unit implements is its own or one of its ancestors'.
    if (rows.empty() || (!rows[0].IsNull(0) && !UnitPath(unit.path).Within(rows[0].Text(0)))) {
      return FieldError(prefix, "plan_id", "no plan " + std::to_string(*in.plan_id) +
                                               " of unit " + unit.code + " or its ancestors");
    }
    a.plan_id = in.plan_id;
  }
  return a;
}

nlohmann::json ActivityToJson(const StoredActivity& s) {
  const Activity& a = s.activity;
  nlohmann::json j = {{"id", a.id},
                      {"unit", s.unit_code},
                      {"unit_code", s.unit_code},
                      {"date", a.date.ToIso()},
                      {"kind", ActivityKindName(a.kind)},
                      {"channel", a.channel},
                      {"theme", a.theme},
                      {"title", a.title},
                      {"link", a.link},
                      {"reach", a.reach},
                      {"plan_id", nullptr},
                      {"client_key", nullptr},
                      {"created_by", a.created_by},
                      {"created_at", s.created_at}};
  if (a.plan_id) j["plan_id"] = *a.plan_id;
  if (s.client_key) j["client_key"] = *s.client_key;
  return j;
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

namespace {

// The titles of a stored plan document's themes ({"themes": [{"label", "title"}]}).
void CollectPlanThemes(const std::string& document_json, std::vector<std::string>& out) {
  auto doc = nlohmann::json::parse(document_json, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return;
  auto themes = doc.find("themes");
  if (themes == doc.end() || !themes->is_array()) return;
  for (const auto& t : *themes) {
    if (t.is_object() && t.contains("title") && t["title"].is_string()) {
      out.push_back(t["title"].get<std::string>());
    } else if (t.is_string()) {
      out.push_back(t.get<std::string>());
    }
  }
}

}  // namespace

Result<ActivityOptions> ActivityOptionsFor(Database& db, const Unit& unit) {
  ActivityStore store(db);
  LT_ASSIGN_OR_RETURN(auto chain, store.AncestorIds(unit.path));
  std::vector<std::string> candidates;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT document_json FROM plans WHERE status <> 'archived' AND unit_id IN (" +
          PlaceholderList(chain.size()) + ") ORDER BY id DESC LIMIT 50",
      SqlParams(chain.begin(), chain.end()), [&](const SqlRow& row) {
        CollectPlanThemes(row.Text(0), candidates);
        return true;
      }));
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT DISTINCT theme FROM activity_rollup_cells WHERE unit_id = ? AND grain = 'm'",
      {unit.id}, [&](const SqlRow& row) {
        candidates.push_back(row.Text(0));
        return true;
      }));
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
