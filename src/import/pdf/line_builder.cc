#include "import/pdf/line_builder.h"

#include <algorithm>
#include <map>

namespace lienthong {
namespace {

constexpr double kMinOverlap = 0.5;  // of the smaller height
constexpr size_t kOpenLines = 8;     // recent lines a word may still join

// Words known to share a line (one OCR line, or a single PDF word), placed as a unit.
struct Fragment {
  std::vector<PositionedWord> words;
  double y0 = 0, y1 = 0;
  double center() const { return (y0 + y1) / 2; }
};

struct OpenLine {
  std::vector<PositionedWord> words;
  double sum_y0 = 0, sum_y1 = 0;
  int count = 0;
  double y0() const { return sum_y0 / count; }
  double y1() const { return sum_y1 / count; }
};

double Overlap(double a0, double a1, double b0, double b1) {
  double overlap = std::min(a1, b1) - std::max(a0, b0);
  double smaller = std::min(a1 - a0, b1 - b0);
  if (smaller <= 0) return overlap >= 0 ? 1.0 : 0.0;
  return overlap / smaller;
}

}  // namespace

std::vector<TextLine> BuildLines(std::vector<PositionedWord> words) {
  std::vector<Fragment> fragments;
  std::map<int, size_t> group_fragment;
  for (PositionedWord& word : words) {
    if (word.text.empty()) continue;
    if (word.y1 < word.y0) std::swap(word.y0, word.y1);
    if (word.x1 < word.x0) std::swap(word.x0, word.x1);
    size_t index;
    auto it = word.group >= 0 ? group_fragment.find(word.group) : group_fragment.end();
    if (it != group_fragment.end()) {
      index = it->second;
    } else {
      index = fragments.size();
      fragments.push_back(Fragment{{}, word.y0, word.y1});
      if (word.group >= 0) group_fragment[word.group] = index;
    }
    Fragment& fragment = fragments[index];
    fragment.y0 = fragment.words.empty() ? word.y0 : std::min(fragment.y0, word.y0);
    fragment.y1 = fragment.words.empty() ? word.y1 : std::max(fragment.y1, word.y1);
    fragment.words.push_back(std::move(word));
  }
  std::stable_sort(fragments.begin(), fragments.end(),
                   [](const Fragment& a, const Fragment& b) { return a.center() < b.center(); });

  std::vector<OpenLine> lines;
  for (Fragment& fragment : fragments) {
    // For a multi-word fragment, use the median word extent rather than the union, which a
    // skewed OCR line widens.
    double y0 = fragment.y0, y1 = fragment.y1;
    if (fragment.words.size() > 2) {
      std::vector<double> tops, bottoms;
      for (const PositionedWord& w : fragment.words) {
        tops.push_back(w.y0);
        bottoms.push_back(w.y1);
      }
      std::nth_element(tops.begin(), tops.begin() + tops.size() / 2, tops.end());
      std::nth_element(bottoms.begin(), bottoms.begin() + bottoms.size() / 2, bottoms.end());
      y0 = tops[tops.size() / 2];
      y1 = bottoms[bottoms.size() / 2];
    }
    OpenLine* best = nullptr;
    double best_overlap = kMinOverlap;
    size_t first = lines.size() > kOpenLines ? lines.size() - kOpenLines : 0;
    for (size_t i = first; i < lines.size(); ++i) {
      double overlap = Overlap(y0, y1, lines[i].y0(), lines[i].y1());
      if (overlap >= best_overlap) {
        best_overlap = overlap;
        best = &lines[i];
      }
    }
    if (best == nullptr) {
      lines.emplace_back();
      best = &lines.back();
    }
    best->sum_y0 += y0;
    best->sum_y1 += y1;
    best->count += 1;
    for (PositionedWord& word : fragment.words) best->words.push_back(std::move(word));
  }

  std::vector<TextLine> out;
  out.reserve(lines.size());
  for (OpenLine& open : lines) {
    TextLine line;
    line.words = std::move(open.words);
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const PositionedWord& a, const PositionedWord& b) { return a.x0 < b.x0; });
    line.x0 = line.words.front().x0;
    line.y0 = line.words.front().y0;
    line.x1 = line.words.front().x1;
    line.y1 = line.words.front().y1;
    for (const PositionedWord& w : line.words) {
      line.x0 = std::min(line.x0, w.x0);
      line.y0 = std::min(line.y0, w.y0);
      line.x1 = std::max(line.x1, w.x1);
      line.y1 = std::max(line.y1, w.y1);
    }
    out.push_back(std::move(line));
  }
  std::stable_sort(out.begin(), out.end(), [](const TextLine& a, const TextLine& b) {
    return (a.y0 + a.y1) < (b.y0 + b.y1);
  });
  return out;
}

std::string JoinWords(const std::vector<PositionedWord>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < words.size(); ++i) {
    if (i > begin) {
      const PositionedWord& prev = words[i - 1];
      double gap = words[i].x0 - prev.x1;
      if (prev.space_after || gap > 0.15 * std::max(prev.height(), 1.0)) out += ' ';
    }
    out += words[i].text;
  }
  return out;
}

}  // namespace lienthong
