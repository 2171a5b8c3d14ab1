// Search across plans (number, doc type, issuer, title), tasks (group and text) and activities
// (title and theme), limited to a unit subtree.
//
// Matching is on search keys (text/keys.h SearchKey) on both sides — so it ignores case,
// diacritics and the old/new tone style — through the full-text indexes of migration 0005 (FTS5
// on SQLite, GIN over to_tsvector('simple', …) on PostgreSQL). Candidates containing every query
// word are fetched first; only when they do not fill `limit` are rows with some of the words
// added. Each candidate is then scored here:
//   share of query words present (×10, +10 when all are)        "all words > some"
//   share of query words in the title (×5)                       "title hits over body"
//   the words in order as a phrase (+3)
//   the query's exact diacritics in the title (+4) or body (+2)  "chuyển" over "chuyên"
// ties: newer rows (higher id) first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace lienthong {

struct SearchRequest {
  std::string text;
  std::string scope_path;              // only rows of units in this subtree ("/VN/66/")
  bool include_unowned_plans = false;  // plans without a unit (visible to root users only)
  int limit = 20;                      // 1..100
};

struct SearchHit {
  std::string type;  // "plan", "task", "activity"
  int64_t id = 0;
  std::string title;
  std::string snippet;
  std::string unit_code;  // "" for a plan without unit
  std::optional<int64_t> plan_id;
  double score = 0;
};

// Best first. An empty or punctuation-only query gives no hits.
Result<std::vector<SearchHit>> Search(Database& db, const SearchRequest& request);

// The words of a query as the indexes see them: SearchKey, split at ASCII punctuation and space.
std::vector<std::string> SearchWords(std::string_view text);

}  // namespace lienthong
