#include "import/pdf/page_furniture.h"

#include <map>
#include <string>

#include "import/pdf/line_builder.h"
#include "text/keys.h"

namespace lienthong {
namespace {

constexpr double kMarginShare = 0.12;
constexpr size_t kCandidatesPerEnd = 2;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The comparison key of a line: MatchKey with every run of digits replaced by '#'.
std::string RepeatKey(std::string_view text) {
  std::string key = MatchKey(text);
  std::string out;
  for (char c : key) {
    if (IsDigit(c)) {
      if (out.empty() || out.back() != '#') out += '#';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool LooksLikePageNumber(std::string_view text) {
  std::string key = SearchKey(text);  // lower case, no diacritics
  std::string_view s = key;
  auto trim = [&s] {
    while (!s.empty() && (s.front() == ' ' || s.front() == '-' || s.front() == '(')) {
      s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '-' || s.back() == ')')) {
      s.remove_suffix(1);
    }
  };
  // Dashes other than '-' (en, em) survive SearchKey; treat them as '-'.
  std::string ascii;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {
      ascii += '-';
      i += 2;
    } else {
      ascii += s[i];
    }
  }
  s = ascii;
  trim();
  for (std::string_view word : {"trang", "page"}) {
    if (s.substr(0, word.size()) == word) {
      s.remove_prefix(word.size());
      trim();
      break;
    }
  }
  auto digits = [&s] {
    size_t n = 0;
    while (n < s.size() && IsDigit(s[n])) ++n;
    s.remove_prefix(n);
    return n;
  };
  size_t n = digits();
  if (n == 0 || n > 4) return false;
  trim();
  if (s.empty()) return true;
  if (s[0] == '/') {
    s.remove_prefix(1);
  } else if (s.substr(0, 2) == "of" || s.substr(0, 3) == "tren") {
    s.remove_prefix(s[0] == 'o' ? 2 : 4);
  } else {
    return false;
  }
  trim();
  n = digits();
  return n > 0 && n <= 4 && s.empty();
}

std::vector<std::vector<BlockRegion>> FindPageFurniture(const std::vector<PageLines>& pages) {
  struct Candidate {
    size_t page, line;
    bool top;
    std::string key;
  };
  std::vector<std::vector<BlockRegion>> regions(pages.size());
  std::vector<Candidate> candidates;
  for (size_t p = 0; p < pages.size(); ++p) {
    const PageLines& page = pages[p];
    regions[p].assign(page.lines.size(), BlockRegion::kBody);
    const size_t n = page.lines.size();
    for (size_t k = 0; k < kCandidatesPerEnd && k < n; ++k) {
      if (page.lines[k].y1 > kMarginShare * page.height) break;
      const auto& words = page.lines[k].words;
      candidates.push_back({p, k, true, RepeatKey(JoinWords(words, 0, words.size()))});
    }
    for (size_t k = 0; k < kCandidatesPerEnd && k < n; ++k) {
      size_t line = n - 1 - k;
      if (page.lines[line].y0 < (1 - kMarginShare) * page.height) break;
      const auto& words = page.lines[line].words;
      candidates.push_back({p, line, false, RepeatKey(JoinWords(words, 0, words.size()))});
    }
  }
  // Pages on which each (end, key) occurs.
  std::map<std::pair<bool, std::string>, std::map<size_t, int>> pages_with;
  for (const Candidate& c : candidates) pages_with[{c.top, c.key}][c.page] += 1;

  for (const Candidate& c : candidates) {
    const auto& words = pages[c.page].lines[c.line].words;
    bool page_number = LooksLikePageNumber(JoinWords(words, 0, words.size()));
    bool repeated = !c.key.empty() && c.key != "#" && pages_with[{c.top, c.key}].size() >= 2;
    if (page_number || repeated) {
      regions[c.page][c.line] = c.top ? BlockRegion::kPageHeader : BlockRegion::kPageFooter;
    }
  }
  return regions;
}

}  // namespace lienthong
