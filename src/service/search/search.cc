#include "service/search/search.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/activity_vocabulary.h"
#include "core/unit_path.h"
#include "store/unit_store.h"
#include "text/keys.h"

namespace lienthong {
namespace {

constexpr size_t kMaxQueryWords = 12;
constexpr size_t kTitleBytes = 200;

// What one type's candidate query gives back.
struct Candidate {
  SearchHit hit;
  std::string title_text;  // NFC, shown and matched for diacritics
  std::string body_text;   // NFC
  std::string key;         // the row's search_key
};

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<std::string> SplitWords(std::string_view key) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : key) {
    if (IsWordByte(c)) {
      word.push_back(static_cast<char>(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// UTF-8-safe prefix of at most `max` bytes, with "…" when cut.
std::string Shorten(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// " word word " with single spaces, for phrase tests on whole words.
std::string Joined(const std::vector<std::string>& words) {
  std::string out = " ";
  for (const auto& w : words) out += w + " ";
  return out;
}

double Score(const Candidate& c, const std::vector<std::string>& words,
             const std::string& query_phrase_key, const std::string& query_match_key) {
  std::vector<std::string> key_words = SplitWords(c.key);
  std::vector<std::string> title_words = SplitWords(SearchKey(c.title_text));
  std::set<std::string> in_key(key_words.begin(), key_words.end());
  std::set<std::string> in_title(title_words.begin(), title_words.end());
  size_t present = 0, titled = 0;
  for (const auto& w : words) {
    present += in_key.count(w);
    titled += in_title.count(w);
  }
  double n = static_cast<double>(words.size());
  double score = 10.0 * present / n + (present == words.size() ? 10.0 : 0.0) + 5.0 * titled / n;
  if (words.size() > 1 && (Joined(key_words).find(query_phrase_key) != std::string::npos ||
                           Joined(title_words).find(query_phrase_key) != std::string::npos)) {
    score += 3;
  }
  if (!query_match_key.empty()) {
    if (MatchKey(c.title_text).find(query_match_key) != std::string::npos) {
      score += 4;
    } else if (MatchKey(c.body_text).find(query_match_key) != std::string::npos) {
      score += 2;
    }
  }
  return std::round(score * 100) / 100;
}

class Searcher {
 public:
  Searcher(Database& db, const SearchRequest& request, std::vector<std::string> words)
      : db_(db), request_(request), words_(std::move(words)),
        postgres_(db.Backend() == "postgresql") {}

  // Candidates with all words (`all`) or any word, up to `limit` per type.
  Status Collect(bool all, int64_t limit, std::vector<Candidate>& out) {
    std::string match = MatchExpression(all);
    LT_RETURN_IF_ERROR(Plans(match, limit, out));
    LT_RETURN_IF_ERROR(Tasks(match, limit, out));
    return Activities(match, limit, out);
  }

 private:
  std::string MatchExpression(bool all) const {
    std::string expr;
    for (const auto& w : words_) {
      if (!expr.empty()) expr += postgres_ ? (all ? " & " : " | ") : (all ? " " : " OR ");
      expr += postgres_ ? "'" + w + "'" : "\"" + w + "\"";
    }
    return expr;
  }

  // The WHERE condition on `table`'s index and the ORDER BY of its relevance; `match` is bound
  // once (SQLite) or twice (PostgreSQL).
  std::string IndexCondition(const std::string& table, const std::string& alias) const {
    if (postgres_) {
      return "to_tsvector('simple', regexp_replace(" + alias +
             ".search_key, '[[:punct:]]', ' ', 'g')) @@ to_tsquery('simple', ?)";
    }
    return table + "_fts MATCH ?";
  }

  // SQLite drives the query from the FTS index in rowid order, newest first, so a common word
  // stops after `limit` rows in scope instead of materialising every match (1M rows: 95 → 9 ms).
  std::string From(const std::string& table, const std::string& alias) const {
    if (postgres_) return table + " " + alias;
    return table + "_fts JOIN " + table + " " + alias + " ON " + alias + ".id = " + table +
           "_fts.rowid";
  }

  std::string Order(const std::string& table, const std::string& alias) const {
    if (postgres_) {
      return " ORDER BY ts_rank(to_tsvector('simple', regexp_replace(" + alias +
             ".search_key, '[[:punct:]]', ' ', 'g')), to_tsquery('simple', ?)) DESC, " + alias +
             ".id DESC LIMIT ?";
    }
    return " ORDER BY " + table + "_fts.rowid DESC LIMIT ?";  // the index's own order
  }

  SqlParams Params(const std::string& match, const SqlParams& scope, int64_t limit) const {
    SqlParams p = {match};
    p.insert(p.end(), scope.begin(), scope.end());
    if (postgres_) p.push_back(match);
    p.push_back(limit);
    return p;
  }

  SqlParams PlanScope() const {
    return {request_.scope_path, UnitPath(request_.scope_path).RangeEnd(),
            static_cast<int64_t>(request_.include_unowned_plans ? 1 : 0)};
  }

  Status Plans(const std::string& match, int64_t limit, std::vector<Candidate>& out) {
    std::string sql =
        "SELECT p.id, p.number, p.title, p.doc_type, p.issuer, p.date, p.search_key, u.code "
        "FROM " + From("plans", "p") + " LEFT JOIN units u ON u.id = p.unit_id WHERE " +
        IndexCondition("plans", "p") +
        " AND ((u.path >= ? AND u.path < ?) OR (p.unit_id IS NULL AND ? = 1))" + Order("plans", "p");
    return db_.QueryEach(sql, Params(match, PlanScope(), limit), [&](const SqlRow& r) {
      Candidate c;
      c.hit.type = "plan";
      c.hit.id = r.Int(0);
      std::string number = r.Text(1);
      c.title_text = r.Text(2);
      c.hit.title = Shorten((number.empty() ? "" : number + " ") + c.title_text, kTitleBytes);
      c.body_text = r.Text(3) + " " + r.Text(4);
      std::string snippet = r.Text(3);
      if (!r.Text(4).empty()) snippet += " · " + r.Text(4);
      if (!r.Text(5).empty()) snippet += " · " + r.Text(5);
      c.hit.snippet = snippet;
      c.key = r.Text(6);
      c.hit.unit_code = r.Text(7);
      c.hit.plan_id = c.hit.id;
      out.push_back(std::move(c));
      return true;
    });
  }

  Status Tasks(const std::string& match, int64_t limit, std::vector<Candidate>& out) {
    std::string sql =
        "SELECT t.id, t.text, t.group_name, t.search_key, t.plan_id, p.number, p.title, u.code "
        "FROM " + From("tasks", "t") +
        " JOIN plans p ON p.id = t.plan_id LEFT JOIN units u ON u.id = p.unit_id "
        "WHERE " + IndexCondition("tasks", "t") +
        " AND ((u.path >= ? AND u.path < ?) OR (p.unit_id IS NULL AND ? = 1))" + Order("tasks", "t");
    return db_.QueryEach(sql, Params(match, PlanScope(), limit), [&](const SqlRow& r) {
      Candidate c;
      c.hit.type = "task";
      c.hit.id = r.Int(0);
      c.title_text = r.Text(1);
      c.hit.title = Shorten(c.title_text, kTitleBytes);
      c.body_text = r.Text(2) + " " + r.Text(1);
      std::string plan = r.Text(5).empty() ? r.Text(6) : r.Text(5) + " " + r.Text(6);
      c.hit.snippet = Shorten(r.Text(2).empty() ? plan : r.Text(2) + " · " + plan, kTitleBytes);
      c.key = r.Text(3);
      c.hit.plan_id = r.Int(4);
      c.hit.unit_code = r.Text(7);
      out.push_back(std::move(c));
      return true;
    });
  }

  Status Activities(const std::string& match, int64_t limit, std::vector<Candidate>& out) {
    std::string sql =
        "SELECT a.id, a.title, a.theme, a.date, a.channel, a.search_key, a.plan_id, u.code "
        "FROM " + From("activities", "a") + " JOIN units u ON u.id = a.unit_id WHERE " +
        IndexCondition("activities", "a") + " AND u.path >= ? AND u.path < ?" + Order("activities", "a");
    SqlParams scope = {request_.scope_path, UnitPath(request_.scope_path).RangeEnd()};
    return db_.QueryEach(sql, Params(match, scope, limit), [&](const SqlRow& r) {
      Candidate c;
      c.hit.type = "activity";
      c.hit.id = r.Int(0);
      c.title_text = r.Text(1);
      c.hit.title = Shorten(c.title_text, kTitleBytes);
      c.body_text = r.Text(2);
      std::string channel = r.Text(4);
      for (const auto& option : ActivityChannelOptions()) {
        if (option.code == channel) channel = option.label;
      }
      c.hit.snippet = (c.body_text.empty() ? "" : c.body_text + " · ") + r.Text(3) + " · " + channel;
      c.key = r.Text(5);
      c.hit.plan_id = r.OptInt(6);
      c.hit.unit_code = r.Text(7);
      out.push_back(std::move(c));
      return true;
    });
  }

  Database& db_;
  const SearchRequest& request_;
  std::vector<std::string> words_;
  bool postgres_;
};

}  // namespace

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words = SplitWords(SearchKey(text));
  // Repeated words add nothing; very long queries are cut.
  std::vector<std::string> unique;
  for (auto& w : words) {
    if (std::find(unique.begin(), unique.end(), w) == unique.end()) unique.push_back(w);
    if (unique.size() == kMaxQueryWords) break;
  }
  return unique;
}

Result<std::vector<SearchHit>> Search(Database& db, const SearchRequest& request) {
  std::vector<std::string> words = SearchWords(request.text);
  if (words.empty() || request.scope_path.empty()) return std::vector<SearchHit>();
  int limit = std::clamp(request.limit, 1, 100);
  // Enough candidates per type that re-scoring can reorder them.
  int64_t per_type = std::clamp<int64_t>(limit * 3, 30, 300);
  Searcher searcher(db, request, words);
  std::vector<Candidate> candidates;
  LT_RETURN_IF_ERROR(searcher.Collect(/*all=*/true, per_type, candidates));
  if (words.size() > 1 && candidates.size() < static_cast<size_t>(limit)) {
    std::vector<Candidate> some;
    LT_RETURN_IF_ERROR(searcher.Collect(/*all=*/false, per_type, some));
    std::set<std::pair<std::string, int64_t>> seen;
    for (const auto& c : candidates) seen.emplace(c.hit.type, c.hit.id);
    for (auto& c : some) {
      if (seen.emplace(c.hit.type, c.hit.id).second) candidates.push_back(std::move(c));
    }
  }
  std::string phrase = Joined(words);
  std::string exact = MatchKey(request.text);
  // A query typed without diacritics earns no diacritics bonus (it would only favour rows
  // written without them).
  if (exact == SearchKey(request.text)) exact.clear();
  for (auto& c : candidates) c.hit.score = Score(c, words, phrase, exact);
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    if (a.hit.score != b.hit.score) return a.hit.score > b.hit.score;
    return a.hit.id > b.hit.id;
  });
  std::vector<SearchHit> hits;
  for (auto& c : candidates) {
    if (hits.size() == static_cast<size_t>(limit)) break;
    hits.push_back(std::move(c.hit));
  }
  return hits;
}

nlohmann::json SearchHitToJson(const SearchHit& hit) {
  return {{"type", hit.type},       {"id", hit.id},
          {"title", hit.title},     {"snippet", hit.snippet},
          {"unit_code", hit.unit_code},
          {"plan_id", hit.plan_id ? nlohmann::json(*hit.plan_id) : nlohmann::json(nullptr)},
          {"score", hit.score}};
}

}  // namespace lienthong
