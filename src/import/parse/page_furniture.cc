#include "import/parse/page_furniture.h"

#include <algorithm>
#include <unordered_map>

#include "import/parse/line_kinds.h"
#include "util/parallel_for.h"

namespace lienthong::parse {
namespace {

// The repeat key: letters only, so "cấm"/"cẩm" (an OCR slip between pages) and page-dependent
// digits do not hide a repeated footer.
std::string RepeatKey(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

// Lines that legitimately repeat (one per document in a multi-document file) or are structure.
bool CanBeFurniture(const Line& l) {
  if (l.IsTableRow()) return false;
  // Why: a line that starts in lower case continues a sentence ("và các năm tiếp theo." after
  // each "Thời gian thực hiện: Năm 2025"); a running header or footer starts a line of its own.
  if (StartsLower(l.text)) return false;
  if (ParseItemLabel(l).kind != Numbering::kNone) return false;
  if (FindHeaderPhrase(l.key).phrase != HeaderPhrase::kNone) return false;
  if (MatchTypeLine(l) || IsSigningPrefixLine(l) || MatchNoiNhan(l.key) != kNpos) return false;
  if (IsPreambleStart(l.key)) return false;
  // A header's place and date: every document of a file and every form attached has one.
  if (FindPlaceDate(l).found) return false;
  return true;
}

}  // namespace

bool IsPageNumberLine(std::string_view key) {
  size_t i = 0;
  auto skip = [&](std::string_view chars) {
    while (i < key.size() && chars.find(key[i]) != std::string_view::npos) ++i;
  };
  skip(" -");
  if (key.substr(i, 5) == "trang") {
    i += 5;
    skip(" :");
  }
  const size_t b = i;
  while (i < key.size() && key[i] >= '0' && key[i] <= '9') ++i;
  if (i == b || i - b > 3) return false;
  if (i < key.size() && key[i] == '/') {
    ++i;
    const size_t b2 = i;
    while (i < key.size() && key[i] >= '0' && key[i] <= '9') ++i;
    if (i == b2 || i - b2 > 3) return false;
  }
  skip(" -");
  return i == key.size();
}

void RemovePageFurniture(std::vector<Line>* lines, int page_breaks, std::vector<ImportWarning>* warnings) {
  // Each line's own tests first, on every core: whether it is a type name, and the key it would
  // repeat under if it may be furniture.
  std::vector<char> type_line(lines->size(), 0);
  std::vector<char> header_phrase(lines->size(), 0);
  std::vector<std::string> keys(lines->size());
  ForEachRangeInParallel(lines->size(), kLinesPerChunk, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Line& l = (*lines)[i];
      type_line[i] = !l.IsTableRow() && MatchTypeLine(l);
      header_phrase[i] = FindHeaderPhrase(l.key).phrase != HeaderPhrase::kNone;
      if (l.key.size() >= 15 && CanBeFurniture(l)) keys[i] = RepeatKey(l.key);
    }
  });
  // Why: the issuer column around the motto repeats in every form attached to a document ("BỘ
  // NÔNG NGHIỆP VÀ / MÔI TRƯỜNG" over each "Mẫu số …"); it is a header, not a running head.
  constexpr size_t kHeaderSpan = 3;
  for (size_t i = 0; i < lines->size(); ++i) {
    if (!header_phrase[i]) continue;
    for (size_t j = i > kHeaderSpan ? i - kHeaderSpan : 0; j < lines->size() && j <= i + kHeaderSpan; ++j) {
      keys[j].clear();
    }
  }
  std::unordered_map<std::string, int> counts;
  size_t since_type = 100;
  size_t candidates = 0;
  for (size_t i = 0; i < lines->size(); ++i) {
    ++since_type;
    if (type_line[i]) since_type = 0;
    // Why: the lines under a type name are the title, which documents on one topic share.
    if (since_type <= 3) keys[i].clear();
    if (keys[i].size() >= 12) {
      ++counts[keys[i]];
      ++candidates;
    }
  }
  // Why 3: a line repeated once may be one document quoting another (two plans in one file share
  // sentences); a footer repeats on every page, and documents worth importing have 3+ pages.
  const int threshold = std::max(3, (page_breaks + 1) / 2);
  // Why: when a large share of the text repeats, the file holds copies of documents (or one
  // document pasted twice); a footer is a small share of any page.
  size_t repeated_lines = 0, distinct = 0;
  for (const auto& [k, n] : counts) {
    if (n >= threshold) {
      repeated_lines += static_cast<size_t>(n);
      ++distinct;
    }
  }
  // A page carries one to three furniture lines; more distinct repeated lines is repeated content.
  const bool copies = distinct > 5 && repeated_lines * 5 > candidates;
  if (copies) counts.clear();
  int page_numbers = 0, repeated = 0;
  size_t kept = 0;  // in place: the lines before the first one removed do not move
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& l = (*lines)[i];
    if (!l.IsTableRow() && IsPageNumberLine(l.key)) {
      ++page_numbers;
      continue;
    }
    if (keys[i].size() >= 12) {
      auto it = counts.find(keys[i]);
      if (it != counts.end() && it->second >= threshold) {
        ++repeated;
        continue;
      }
    }
    if (kept != i) (*lines)[kept] = std::move(l);
    ++kept;
  }
  lines->resize(kept);
  if (repeated > 0) {
    warnings->push_back({"page_furniture_removed", {{"lines", std::to_string(repeated)}},
                         "removed " + std::to_string(repeated) +
                        " repeated page header/footer line(s)"});
  }
  if (page_numbers > 0) {
    warnings->push_back({"page_numbers_removed", {{"lines", std::to_string(page_numbers)}},
                         "removed " + std::to_string(page_numbers) + " page number line(s)"});
  }
}

}  // namespace lienthong::parse
