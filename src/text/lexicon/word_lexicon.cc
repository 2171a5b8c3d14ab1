#include "text/lexicon/word_lexicon.h"

#include <algorithm>
#include <charconv>

#include "text/keys.h"
#include "text/lexicon/embedded_lexicon.h"

namespace lienthong {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

bool ParseInt(std::string_view s, int& value) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size();
}

Status LineError(size_t line, const std::string& what) {
  return Status::InvalidArgument("coverage lexicon line " + std::to_string(line) + ": " + what);
}

}  // namespace

Result<WordLexicon> WordLexicon::Parse(std::string_view text) {
  if (text.size() > kMaxBytes) return Status::InvalidArgument("coverage lexicon over 8 MiB");
  struct RawLine {
    std::string key;
    double weight;
    std::string_view related;
    size_t line;
  };
  // Pass 1: each term's key (SearchKey once per term; related terms are terms of the file).
  std::vector<RawLine> lines;
  std::unordered_map<std::string_view, std::string> key_of;
  size_t line_no = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields = SplitOn(line, '\t');
    int weight = 0;
    if (fields.size() != 3 || fields[0].empty() || !ParseInt(fields[1], weight) || weight < 0)
      return LineError(line_no, "expected term<TAB>weight<TAB>related");
    std::string key = SearchKey(fields[0]);
    key_of.emplace(fields[0], key);
    lines.push_back({std::move(key), weight / 10.0, fields[2], line_no});
  }
  // Pass 2: entries. Terms that fold to one key (số, sở) share it: the lower weight, the union
  // of related terms.
  WordLexicon lexicon;
  for (const RawLine& l : lines) {
    auto [it, added] = lexicon.terms_.try_emplace(l.key);
    Entry& entry = it->second;
    if (added || l.weight < entry.weight) entry.weight = l.weight;
    if (l.related.empty()) continue;
    for (std::string_view item : SplitOn(l.related, ',')) {
      size_t colon = item.rfind(':');
      int similarity = 0;
      if (colon == std::string_view::npos || !ParseInt(item.substr(colon + 1), similarity) ||
          similarity <= 0 || similarity > 100)
        return LineError(l.line, "expected related:similarity (1–100)");
      auto key = key_of.find(item.substr(0, colon));
      if (key == key_of.end()) return LineError(l.line, "related term is not a term of the file");
      if (key->second == l.key || entry.related.size() >= kMaxRelatedPerTerm) continue;
      entry.related.push_back({key->second, similarity / 100.0});
    }
  }
  for (auto& [key, entry] : lexicon.terms_) {
    std::stable_sort(entry.related.begin(), entry.related.end(),
                     [](const Related& a, const Related& b) { return a.similarity > b.similarity; });
  }
  return lexicon;
}

const WordLexicon& WordLexicon::Embedded() {
  static const WordLexicon kEmbedded = [] {
    Result<WordLexicon> parsed = Parse(EmbeddedCoverageLexicon());
    return parsed.ok() ? std::move(*parsed) : WordLexicon();
  }();
  return kEmbedded;
}

bool WordLexicon::IsCompound(std::string_view first, std::string_view second) const {
  std::string term;
  term.reserve(first.size() + 1 + second.size());
  term.append(first).append(" ").append(second);
  return terms_.count(term) > 0;
}

double WordLexicon::Weight(std::string_view term) const {
  auto it = terms_.find(std::string(term));
  return it == terms_.end() ? kUnknownWeight : it->second.weight;
}

const std::vector<WordLexicon::Related>& WordLexicon::RelatedTo(std::string_view term) const {
  static const std::vector<Related> kNone;
  auto it = terms_.find(std::string(term));
  return it == terms_.end() ? kNone : it->second.related;
}

}  // namespace lienthong
