#include "service/activities/dashboard.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/unit_path.h"
#include "store/unit_store.h"
#include "text/collation.h"

namespace lienthong {
namespace {

struct Sums {
  int64_t count = 0;
  int64_t reach = 0;
  void Add(int64_t c, int64_t r) {
    count += c;
    reach += r;
  }
};

// What both implementations compute; Shape() turns it into a Dashboard.
struct DashboardSums {
  Sums total;
  std::map<std::string, Sums> theme, channel, month;
  std::map<int64_t, Sums> child;  // by child unit id
};

std::string MonthKey(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

int MonthIndex(const Date& d) { return d.year * 12 + d.month - 1; }
std::string MonthKeyOfIndex(int index) { return MonthKey(index / 12, index % 12 + 1); }

Status CheckPeriod(const Date& from, const Date& to) {
  if (to < from) {
    return Status::InvalidField("to", to.ToIso() + " is before from " + from.ToIso());
  }
  if (MonthIndex(to) - MonthIndex(from) + 1 > kMaxDashboardMonths) {
    return Status::InvalidField(
        "to", "a dashboard covers at most " + std::to_string(kMaxDashboardMonths) + " months");
  }
  return Status::Ok();
}

std::vector<DashboardEntry> SortedEntries(const std::map<std::string, Sums>& sums) {
  std::vector<DashboardEntry> out;
  for (const auto& [key, s] : sums) {
    if (s.count != 0) out.push_back({key, "", s.count, s.reach});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.count > b.count;  // map order (bytes of the key) breaks ties
  });
  return out;
}

Result<Dashboard> Shape(Database& db, const Unit& unit, const Date& from, const Date& to,
                        const DashboardSums& sums) {
  Dashboard d;
  d.unit_code = unit.code;
  d.unit_name = unit.name;
  d.from = from;
  d.to = to;
  d.total = sums.total.count;
  d.reach = sums.total.reach;
  d.by_theme = SortedEntries(sums.theme);
  d.by_channel = SortedEntries(sums.channel);
  for (int m = MonthIndex(from); m <= MonthIndex(to); ++m) {
    std::string key = MonthKeyOfIndex(m);
    auto it = sums.month.find(key);
    Sums s = it == sums.month.end() ? Sums{} : it->second;
    d.by_month.push_back({key, "", s.count, s.reach});
  }
  UnitStore units(db);
  LT_ASSIGN_OR_RETURN(auto children, units.Children(unit));
  for (const Unit& c : children) {
    auto it = sums.child.find(c.id);
    Sums s = it == sums.child.end() ? Sums{} : it->second;
    if (s.count != 0 || c.IsActiveOn(to)) d.by_child.push_back({c.code, c.name, s.count, s.reach});
  }
  const VietnameseCollator& collator = VietnameseCollator::Get();
  std::stable_sort(d.by_child.begin(), d.by_child.end(), [&](const auto& a, const auto& b) {
    if (a.count != b.count) return a.count > b.count;
    return collator.Compare(a.name, b.name) < 0;
  });
  return d;
}

}  // namespace

std::vector<BucketRange> SplitPeriod(const Date& from, const Date& to) {
  std::vector<BucketRange> out;
  if (to < from) return out;
  int first_month = MonthIndex(from);
  int last_month = MonthIndex(to);
  bool starts_on_first = from.day == 1;
  bool ends_on_last = to == Date::LastDayOfMonth(to.year, to.month);
  if (first_month == last_month) {
    if (starts_on_first && ends_on_last) {
      out.push_back({'m', MonthKeyOfIndex(first_month), MonthKeyOfIndex(first_month)});
    } else {
      out.push_back({'d', from.ToIso(), to.ToIso()});
    }
    return out;
  }
  int whole_first = first_month, whole_last = last_month;
  std::optional<BucketRange> head, tail;
  if (!starts_on_first) {
    head = BucketRange{'d', from.ToIso(), Date::LastDayOfMonth(from.year, from.month).ToIso()};
    ++whole_first;
  }
  if (!ends_on_last) {
    tail = BucketRange{'d', Date{to.year, to.month, 1}.ToIso(), to.ToIso()};
    --whole_last;
  }
  if (head) out.push_back(*head);
  if (whole_first <= whole_last) {
    out.push_back({'m', MonthKeyOfIndex(whole_first), MonthKeyOfIndex(whole_last)});
  }
  if (tail) out.push_back(*tail);
  return out;
}

Result<Dashboard> BuildDashboard(Database& db, const Unit& unit, const Date& from,
                                 const Date& to) {
  LT_RETURN_IF_ERROR(CheckPeriod(from, to));
  DashboardSums sums;
  for (const BucketRange& r : SplitPeriod(from, to)) {
    std::string grain(1, r.grain);
    LT_RETURN_IF_ERROR(db.QueryEach(
        "SELECT bucket, theme, channel, count, reach FROM activity_rollup_cells "
        "WHERE unit_id = ? AND grain = ? AND bucket >= ? AND bucket <= ?",
        {unit.id, grain, r.first, r.last}, [&](const SqlRow& row) {
          int64_t count = row.Int(3), reach = row.Int(4);
          sums.total.Add(count, reach);
          sums.theme[row.Text(1)].Add(count, reach);
          sums.channel[row.Text(2)].Add(count, reach);
          sums.month[row.Text(0).substr(0, 7)].Add(count, reach);
          return true;
        }));
    LT_RETURN_IF_ERROR(db.QueryEach(
        "SELECT t.unit_id, SUM(t.count), SUM(t.reach) FROM units c "
        "JOIN activity_rollup_totals t ON t.unit_id = c.id "
        "WHERE c.parent_id = ? AND t.grain = ? AND t.bucket >= ? AND t.bucket <= ? "
        "GROUP BY t.unit_id",
        {unit.id, grain, r.first, r.last}, [&](const SqlRow& row) {
          sums.child[row.Int(0)].Add(row.Int(1), row.Int(2));
          return true;
        }));
  }
  return Shape(db, unit, from, to, sums);
}

Result<Dashboard> BuildDashboardReference(Database& db, const Unit& unit, const Date& from,
                                          const Date& to) {
  LT_RETURN_IF_ERROR(CheckPeriod(from, to));
  DashboardSums sums;
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT substr(a.date, 1, 7), a.theme, a.channel, COUNT(*), SUM(a.reach) "
      "FROM activities a JOIN units u ON u.id = a.unit_id "
      "WHERE u.path >= ? AND u.path < ? AND a.date >= ? AND a.date <= ? "
      "GROUP BY substr(a.date, 1, 7), a.theme, a.channel",
      {unit.path, UnitPath(unit.path).RangeEnd(), from.ToIso(), to.ToIso()}, [&](const SqlRow& row) {
        int64_t count = row.Int(3), reach = row.Int(4);
        sums.total.Add(count, reach);
        sums.theme[row.Text(1)].Add(count, reach);
        sums.channel[row.Text(2)].Add(count, reach);
        sums.month[row.Text(0)].Add(count, reach);
        return true;
      }));
  LT_RETURN_IF_ERROR(db.QueryEach(
      "SELECT c.id, COUNT(*), SUM(a.reach) FROM units c "
      "JOIN units u ON u.path >= c.path AND u.path < substr(c.path, 1, length(c.path) - 1) || '0' "
      "JOIN activities a ON a.unit_id = u.id "
      "WHERE c.parent_id = ? AND a.date >= ? AND a.date <= ? GROUP BY c.id",
      {unit.id, from.ToIso(), to.ToIso()}, [&](const SqlRow& row) {
        sums.child[row.Int(0)].Add(row.Int(1), row.Int(2));
        return true;
      }));
  return Shape(db, unit, from, to, sums);
}

Result<int64_t> CountActivities(Database& db, int64_t unit_id, const Date& from, const Date& to,
                                const std::optional<std::string>& theme,
                                const std::optional<std::string>& channel) {
  int64_t total = 0;
  for (const BucketRange& r : SplitPeriod(from, to)) {
    std::string sql;
    SqlParams params = {unit_id, std::string(1, r.grain), r.first, r.last};
    if (!theme && !channel) {
      sql = "SELECT SUM(count) FROM activity_rollup_totals "
            "WHERE unit_id = ? AND grain = ? AND bucket >= ? AND bucket <= ?";
    } else {
      sql = "SELECT SUM(count) FROM activity_rollup_cells "
            "WHERE unit_id = ? AND grain = ? AND bucket >= ? AND bucket <= ?";
      if (theme) {
        sql += " AND theme = ?";
        params.push_back(*theme);
      }
      if (channel) {
        sql += " AND channel = ?";
        params.push_back(*channel);
      }
    }
    LT_ASSIGN_OR_RETURN(auto rows, db.Query(sql, params));
    if (!rows.empty() && !rows[0].IsNull(0)) total += rows[0].Int(0);
  }
  return total;
}

nlohmann::json DashboardToJson(const Dashboard& d) {
  auto entries = [](const std::vector<DashboardEntry>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : list) out.push_back({{"key", e.key}, {"count", e.count}, {"reach", e.reach}});
    return out;
  };
  nlohmann::json children = nlohmann::json::array();
  for (const auto& e : d.by_child) {
    children.push_back({{"code", e.key}, {"name", e.name}, {"count", e.count}, {"reach", e.reach}});
  }
  nlohmann::json months = nlohmann::json::array();
  for (const auto& e : d.by_month) {
    months.push_back({{"month", e.key}, {"count", e.count}, {"reach", e.reach}});
  }
  return {{"unit", {{"code", d.unit_code}, {"name", d.unit_name}}},
          {"from", d.from.ToIso()},
          {"to", d.to.ToIso()},
          {"total", d.total},
          {"reach", d.reach},
          {"by_theme", entries(d.by_theme)},
          {"by_channel", entries(d.by_channel)},
          {"by_child", children},
          {"by_month", months}};
}

}  // namespace lienthong
