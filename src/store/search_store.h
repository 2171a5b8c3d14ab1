// SearchStore: the full-text candidate queries of search (service/search/search.h) over the
// indexes of migration 0005 — FTS5 on SQLite, GIN over to_tsvector('simple', …) on PostgreSQL —
// restricted to a unit subtree. Scoring is the service's; this returns the rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct SearchScope {
  std::string path;                    // rows of units in this subtree ("/VN/66/")
  bool include_unowned_plans = false;  // plans (and their tasks) without a unit
};

// `words` are search-key words (text/keys.h SearchKey, split at punctuation); `all` asks for
// rows holding every word, else any of them. At most `limit` rows each; on SQLite the newest
// matching rows, on PostgreSQL the best ts_rank.
struct SearchQuery {
  std::vector<std::string> words;
  bool all = true;
  SearchScope scope;
  int64_t limit = 30;
};

struct PlanSearchRow {
  int64_t id = 0;
  std::string number, title, doc_type, issuer, date;
  std::string search_key;
  std::string unit_code;  // "" for a plan without unit
};

struct TaskSearchRow {
  int64_t id = 0;
  std::string text, group;
  std::string search_key;
  int64_t plan_id = 0;
  std::string plan_number, plan_title;
  std::string unit_code;
};

struct ActivitySearchRow {
  int64_t id = 0;
  std::string title, theme, date, channel;
  std::string search_key;
  std::optional<int64_t> plan_id;
  std::string unit_code;
};

class SearchStore {
 public:
  explicit SearchStore(Database& db);

  Result<std::vector<PlanSearchRow>> Plans(const SearchQuery& query);
  Result<std::vector<TaskSearchRow>> Tasks(const SearchQuery& query);
  Result<std::vector<ActivitySearchRow>> Activities(const SearchQuery& query);

 private:
  std::string MatchExpression(const SearchQuery& query) const;
  std::string IndexCondition(const std::string& table, const std::string& alias) const;
  std::string From(const std::string& table, const std::string& alias) const;
  std::string Order(const std::string& table, const std::string& alias) const;
  SqlParams Params(const SearchQuery& query, const SqlParams& scope) const;
  SqlParams PlanScope(const SearchScope& scope) const;

  Database& db_;
  bool postgres_;
};

}  // namespace lienthong
