#include "service/activities/dashboard.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "store/unit_store.h"
#include "text/collation.h"

namespace lienthong {
namespace {

// a + b, held at INT64_MAX / INT64_MIN instead of wrapping round.
int64_t SaturatingAdd(int64_t a, int64_t b) {
  int64_t sum;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? INT64_MAX : INT64_MIN;
}

struct Sums {
  int64_t count = 0;
  int64_t reach = 0;
  void Add(int64_t c, int64_t r) {
    count = SaturatingAdd(count, c);
    reach = SaturatingAdd(reach, r);
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
  LT_RETURN_IF_ERROR(CheckDateOrder(from, to));
  if (MonthIndex(to) - MonthIndex(from) + 1 > kMaxDashboardMonths) {
    return Status::InvalidField(
        "to", "a dashboard covers at most " + std::to_string(kMaxDashboardMonths) + " months")
        .WithReason("months_range", {{"max", std::to_string(kMaxDashboardMonths)}});
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
  DashboardStore store(db);
  DashboardSums sums;
  for (const BucketRange& r : SplitPeriod(from, to)) {
    LT_RETURN_IF_ERROR(store.Cells(unit.id, r, [&](const ActivityCell& cell) {
      sums.total.Add(cell.count, cell.reach);
      sums.theme[cell.theme].Add(cell.count, cell.reach);
      sums.channel[cell.channel].Add(cell.count, cell.reach);
      sums.month[cell.bucket.substr(0, 7)].Add(cell.count, cell.reach);
    }));
    LT_RETURN_IF_ERROR(store.ChildTotals(unit.id, r, [&](const ChildSums& c) {
      sums.child[c.child_id].Add(c.count, c.reach);
    }));
  }
  return Shape(db, unit, from, to, sums);
}

Result<Dashboard> BuildDashboardReference(Database& db, const Unit& unit, const Date& from,
                                          const Date& to) {
  LT_RETURN_IF_ERROR(CheckPeriod(from, to));
  DashboardStore store(db);
  DashboardSums sums;
  LT_RETURN_IF_ERROR(store.ReferenceCells(unit.path, {from, to}, [&](const ActivityCell& cell) {
    sums.total.Add(cell.count, cell.reach);
    sums.theme[cell.theme].Add(cell.count, cell.reach);
    sums.channel[cell.channel].Add(cell.count, cell.reach);
    sums.month[cell.bucket].Add(cell.count, cell.reach);
  }));
  LT_RETURN_IF_ERROR(store.ReferenceChildTotals(unit.id, {from, to}, [&](const ChildSums& c) {
    sums.child[c.child_id].Add(c.count, c.reach);
  }));
  return Shape(db, unit, from, to, sums);
}

Result<int64_t> CountActivities(Database& db, int64_t unit_id, const Date& from, const Date& to,
                                const std::optional<std::string>& theme,
                                const std::optional<std::string>& channel) {
  DashboardStore store(db);
  int64_t total = 0;
  for (const BucketRange& r : SplitPeriod(from, to)) {
    LT_ASSIGN_OR_RETURN(int64_t n, store.Count(unit_id, r, theme, channel));
    total = SaturatingAdd(total, n);
  }
  return total;
}

}  // namespace lienthong
