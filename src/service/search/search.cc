#include "service/search/search.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/activity_vocabulary.h"
#include "store/search_store.h"
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

// Candidates of every type holding all (`all`) or any of the words, up to `limit` per type.
Status Collect(SearchStore& store, const SearchRequest& request,
               const std::vector<std::string>& words, bool all, int64_t limit,
               std::vector<Candidate>& out) {
  SearchQuery query{.words = words,
                    .all = all,
                    .scope = {request.scope_path, request.include_unowned_plans},
                    .limit = limit};
  LT_ASSIGN_OR_RETURN(auto plans, store.Plans(query));
  for (PlanSearchRow& r : plans) {
    Candidate c;
    c.hit.type = "plan";
    c.hit.id = r.id;
    c.title_text = r.title;
    c.hit.title = Shorten((r.number.empty() ? "" : r.number + " ") + c.title_text, kTitleBytes);
    c.body_text = r.doc_type + " " + r.issuer;
    std::string snippet = r.doc_type;
    if (!r.issuer.empty()) snippet += " · " + r.issuer;
    if (!r.date.empty()) snippet += " · " + r.date;
    c.hit.snippet = snippet;
    c.key = std::move(r.search_key);
    c.hit.unit_code = std::move(r.unit_code);
    c.hit.plan_id = c.hit.id;
    out.push_back(std::move(c));
  }
  LT_ASSIGN_OR_RETURN(auto tasks, store.Tasks(query));
  for (TaskSearchRow& r : tasks) {
    Candidate c;
    c.hit.type = "task";
    c.hit.id = r.id;
    c.title_text = r.text;
    c.hit.title = Shorten(c.title_text, kTitleBytes);
    c.body_text = r.group + " " + r.text;
    std::string plan = r.plan_number.empty() ? r.plan_title : r.plan_number + " " + r.plan_title;
    c.hit.snippet = Shorten(r.group.empty() ? plan : r.group + " · " + plan, kTitleBytes);
    c.key = std::move(r.search_key);
    c.hit.plan_id = r.plan_id;
    c.hit.unit_code = std::move(r.unit_code);
    out.push_back(std::move(c));
  }
  LT_ASSIGN_OR_RETURN(auto activities, store.Activities(query));
  for (ActivitySearchRow& r : activities) {
    Candidate c;
    c.hit.type = "activity";
    c.hit.id = r.id;
    c.title_text = r.title;
    c.hit.title = Shorten(c.title_text, kTitleBytes);
    c.body_text = r.theme;
    std::string channel = r.channel;
    for (const auto& option : ActivityChannelOptions()) {
      if (option.code == channel) channel = option.label;
    }
    c.hit.snippet = (c.body_text.empty() ? "" : c.body_text + " · ") + r.date + " · " + channel;
    c.key = std::move(r.search_key);
    c.hit.plan_id = r.plan_id;
    c.hit.unit_code = std::move(r.unit_code);
    out.push_back(std::move(c));
  }
  return Status::Ok();
}

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
  SearchStore store(db);
  std::vector<Candidate> candidates;
  LT_RETURN_IF_ERROR(Collect(store, request, words, /*all=*/true, per_type, candidates));
  if (words.size() > 1 && candidates.size() < static_cast<size_t>(limit)) {
    std::vector<Candidate> some;
    LT_RETURN_IF_ERROR(Collect(store, request, words, /*all=*/false, per_type, some));
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

}  // namespace lienthong
