#include "import/pdf/column_blocks.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "import/parse/line_kinds.h"
#include "import/parse/text_scan.h"

namespace lienthong {
namespace {

constexpr double kMinGapHeights = 2.0;     // column gap, in line heights
constexpr double kMinGapPageShare = 0.04;  // column gap, as a share of the page width
constexpr double kGapOverOthers = 3.0;     // column gap vs. the line's other gaps
constexpr double kGapBand = 0.2;           // gap centre within [20%, 80%] of the text area
constexpr double kCentredShare = 0.06;     // |line centre - area centre| below this: centred
constexpr double kMaxVerticalGap = 8.0;    // in median line heights
constexpr double kTopShare = 0.3;          // the header block starts this high on page 1
constexpr size_t kTopLines = 3;            // ... and within its first lines
constexpr size_t kTrailingLines = 2;       // a closing block may leave this many lines after it

struct Split {
  size_t index = 0;        // first word of the right part
  double left_end = 0;     // right edge of the left part
  double right_start = 0;  // left edge of the right part
};

struct Area {
  double x0 = 0, x1 = 0;
  double width() const { return x1 - x0; }
  double center() const { return (x0 + x1) / 2; }
};

// OCR: where a line's words pass from one tesseract text block to another, left to right and
// back never, the line crosses the gap between two columns however narrow it is.
std::optional<Split> BlockSplit(const TextLine& line, const Area& area) {
  const auto& words = line.words;
  if (words.size() < 2 || words.front().block < 0) return std::nullopt;
  size_t change = 0;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i].block == words[i - 1].block) continue;
    if (change != 0) return std::nullopt;  // more than two blocks, or back again
    change = i;
  }
  if (change == 0) return std::nullopt;
  const double centre = (words[change - 1].x1 + words[change].x0) / 2;
  if (centre < area.x0 + kGapBand * area.width() || centre > area.x1 - kGapBand * area.width()) {
    return std::nullopt;
  }
  return Split{change, words[change - 1].x1, words[change].x0};
}

std::optional<Split> FindSplit(const TextLine& line, const Area& area, double page_width) {
  if (std::optional<Split> by_block = BlockSplit(line, area)) return by_block;
  const auto& words = line.words;
  std::vector<size_t> kept;  // indices of significant words
  for (size_t i = 0; i < words.size(); ++i) {
    // Dashes, quotes and OCR specks may sit in a column gap: they must not hide it.
    if (HasLetterOrDigit(words[i].text)) kept.push_back(i);
  }
  if (kept.size() < 2) return std::nullopt;
  size_t widest = 0;  // index into `kept` of the word right of the widest gap
  double widest_gap = -1, second = 0;
  for (size_t k = 1; k < kept.size(); ++k) {
    double gap = words[kept[k]].x0 - words[kept[k - 1]].x1;
    if (gap > widest_gap) {
      second = std::max(second, widest_gap);
      widest_gap = gap;
      widest = k;
    } else {
      second = std::max(second, gap);
    }
  }
  if (widest_gap < kMinGapHeights * line.height() || widest_gap < kMinGapPageShare * page_width ||
      widest_gap < kGapOverOthers * second) {
    return std::nullopt;
  }
  const PositionedWord& left = words[kept[widest - 1]];
  const PositionedWord& right = words[kept[widest]];
  double centre = (left.x1 + right.x0) / 2;
  if (centre < area.x0 + kGapBand * area.width() || centre > area.x1 - kGapBand * area.width()) {
    return std::nullopt;
  }
  // Insignificant words inside the gap go with the nearer side.
  size_t index = kept[widest];
  while (index > kept[widest - 1] + 1 &&
         words[index - 1].x0 - left.x1 > right.x0 - words[index - 1].x1) {
    --index;
  }
  return Split{index, left.x1, right.x0};
}

// The word of `line` where its right part starts, when some neighbouring pair of its words
// leaves the boundary interval [left_end, right_start] free (a narrow gap is enough); of several
// such pairs, the one with the widest gap (the column gap, not a space inside a name). As in
// FindSplit, words without a letter or digit (a speck in the gap) are stepped over.
std::optional<size_t> CrossingFree(const TextLine& line, double left_end, double right_start) {
  const auto& words = line.words;
  std::optional<size_t> best;
  double best_gap = -1;
  std::optional<size_t> previous;  // the last word with a letter or digit
  for (size_t k = 0; k < words.size(); ++k) {
    if (!HasLetterOrDigit(words[k].text)) continue;
    if (previous.has_value()) {
      const PositionedWord& left = words[*previous];
      const double gap = words[k].x0 - left.x1;
      if (gap >= 0 && left.x1 <= right_start && words[k].x0 >= left_end && gap > best_gap) {
        best = k;
        best_gap = gap;
      }
    }
    previous = k;
  }
  return best;
}

// The words of a line that hold a letter or digit, [first, last], and their horizontal extent:
// a party header's "*" under the issuer, or a speck, beside one column's text must not make the
// line look as if it crossed the boundary.
struct Significant {
  size_t first = 0, last = 0;
  double x0 = 0, x1 = 0;
};

std::optional<Significant> SignificantWords(const TextLine& line) {
  const auto& words = line.words;
  std::optional<Significant> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!HasLetterOrDigit(words[i].text)) continue;
    if (!out) out = Significant{i, i, words[i].x0, words[i].x1};
    out->last = i;
    out->x0 = std::min(out->x0, words[i].x0);
    out->x1 = std::max(out->x1, words[i].x1);
  }
  return out;
}

bool Centred(double x0, double x1, const Area& area) {
  return std::abs((x0 + x1) / 2 - area.center()) < kCentredShare * area.width();
}

// A line that keeps to one column of the boundary [left_end, right_start]: its split, and the
// edge of its text next to the boundary. Symbols before a right-column line stay left ("*"
// under a party issuer beside the place and date), symbols after a left-column line go right;
// a line of symbols alone (the "*" itself, a rule) is placed by all its words.
struct OneColumn {
  size_t split = 0;
  bool left = false;
  double edge = 0;
};

std::optional<OneColumn> KeepsToOneColumn(const TextLine& line, const Area& area, double left_end,
                                          double right_start) {
  const Significant text = SignificantWords(line).value_or(
      Significant{0, line.words.size() - 1, line.x0, line.x1});
  if (Centred(text.x0, text.x1, area)) return std::nullopt;  // a title under the header
  if (text.x1 < right_start) return OneColumn{text.last + 1, true, text.x1};
  if (text.x0 > left_end) return OneColumn{text.first, false, text.x0};
  return std::nullopt;
}

double WidestGap(const TextLine& line) {
  double widest = 0;
  for (size_t k = 1; k < line.words.size(); ++k) {
    widest = std::max(widest, line.words[k].x0 - line.words[k - 1].x1);
  }
  return widest;
}

// A rule alone on its line (line_kinds.h), long enough not to be a party header's "*": the rule
// above a page's footnotes.
bool IsFootnoteRule(const TextLine& line) {
  if (line.words.size() != 1) return false;
  const std::string& t = line.words[0].text;
  return t.size() >= 5 && lienthong::parse::IsRuleLine(lienthong::parse::FoldKey(t));
}

// The closing block when its two columns never share a baseline: the recipients (smaller type)
// and the signature (larger type, after the space for the seal) each on lines of their own, so
// no line has a column gap. It starts at a line opening with "Nơi nhận" in the left half of the
// text area (or at the top of a page the block goes on to) and runs to the end of the page's
// text, every line keeping to one half or, where a
// recipient and the signer's name share a baseline, leaving free the boundary between the
// halves' texts. nullopt when any line crosses or either half is empty.
std::optional<ColumnBlock> ClosingBlockByHalves(const std::vector<TextLine>& lines, const Area& text_area,
                                                size_t from, std::optional<double> right_column,
                                                double page_width) {
  // A page holding only the rest of a closing block has too little text to find its text area
  // from: the page's middle stands for it, or better the right column's edge on the page before.
  const bool continued = right_column.has_value();
  const Area area = continued && from == 0 ? Area{0, page_width} : text_area;
  const double middle = continued ? std::min(*right_column, area.center()) : area.center();
  size_t start = continued ? from : lines.size();
  for (size_t k = from; k < lines.size() && !continued; ++k) {
    const TextLine& l = lines[k];
    if (!l.words.empty() && l.words[0].x0 < area.center() &&
        lienthong::parse::FoldKey(l.words[0].text + (l.words.size() > 1 ? " " + l.words[1].text : ""))
                .rfind("noi nhan", 0) == 0) {
      start = k;
      break;
    }
  }
  if (start >= lines.size()) return std::nullopt;
  // The block ends at the page's footnotes, which a short rule sets off (ND30 Appendix I).
  size_t stop = start + 1;
  while (stop < lines.size() && !IsFootnoteRule(lines[stop])) ++stop;
  // The halves' texts: the right edge of the left lines, the left edge of the right lines.
  double left_end = area.x0, right_start = area.x1;
  bool any_right = false;
  for (size_t j = start; j < stop; ++j) {
    const std::optional<Significant> text = SignificantWords(lines[j]);
    if (!text) continue;
    const double edge = continued ? *right_column : area.center();
    // On a page the block goes on to, a centred line without a column gap (an appendix's
    // title) ends it.
    if (continued && Centred(text->x0, text->x1, area) && WidestGap(lines[j]) < lines[j].height()) {
      stop = j;
      break;
    }
    if (text->x1 < edge) {
      left_end = std::max(left_end, text->x1);
    } else if (text->x0 > middle) {
      right_start = std::min(right_start, text->x0);
      any_right = true;
    } else {
      // A line on both sides ("Nơi nhận: … T/M BAN BÍ THƯ"): cut at its widest gap; on a page
      // the block goes on to, at the gap before the right column's edge (a recipient wrapped
      // beside the signer's name).
      const auto& words = lines[j].words;
      size_t cut = 0;
      double widest = -1;
      for (size_t k = 1; k < words.size(); ++k) {
        if (continued && words[k].x0 < *right_column - lines[j].height()) continue;
        if (words[k].x0 - words[k - 1].x1 > widest) {
          widest = words[k].x0 - words[k - 1].x1;
          cut = k;
        }
      }
      // On a page the block goes on to, a line crossing the right column's edge without a column
      // gap there is the text after the block (an appendix's title): the block ends before it.
      if (continued && (cut == 0 || widest < lines[j].height())) {
        stop = j;
        break;
      }
      if (cut == 0) continue;
      left_end = std::max(left_end, words[cut - 1].x1);
      right_start = std::min(right_start, words[cut].x0);
      any_right = true;
    }
  }
  if (stop == start) return std::nullopt;
  // On a page the block goes on to, the recipients may go on alone (the signature came before).
  if (!any_right && !continued) return std::nullopt;
  if (!any_right) right_start = left_end + 1;  // every line is a recipient's
  if (left_end >= right_start) return std::nullopt;
  ColumnBlock block;
  for (size_t j = start; j < stop; ++j) {
    const TextLine& line = lines[j];
    const std::optional<Significant> text = SignificantWords(line);
    if (!text || text->x1 <= left_end) {
      block.rows.push_back({j, line.words.size()});
    } else if (text->x0 >= right_start) {
      block.rows.push_back({j, text ? text->first : 0});
    } else if (std::optional<size_t> at = CrossingFree(line, left_end, right_start)) {
      block.rows.push_back({j, *at});
    } else {
      return std::nullopt;
    }
  }
  return block;
}

}  // namespace

std::vector<ColumnBlock> FindColumnBlocks(const std::vector<TextLine>& lines, double page_width,
                                          double page_height, bool first_page,
                                          std::optional<double> closing_right_column) {
  std::vector<ColumnBlock> blocks;
  if (lines.empty()) return blocks;
  Area area{lines[0].x0, lines[0].x1};
  std::vector<double> heights;
  for (const TextLine& line : lines) {
    area.x0 = std::min(area.x0, line.x0);
    area.x1 = std::max(area.x1, line.x1);
    heights.push_back(line.height());
  }
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const double median_height = std::max(heights[heights.size() / 2], 1.0);

  size_t i = 0;
  while (i < lines.size()) {
    std::optional<Split> first = FindSplit(lines[i], area, page_width);
    if (!first.has_value()) {
      ++i;
      continue;
    }
    ColumnBlock block;
    block.rows.push_back({i, first->index});
    double left_end = first->left_end, right_start = first->right_start;
    int splits = 1;
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      const TextLine& line = lines[j];
      if (line.y0 - lines[j - 1].y1 > kMaxVerticalGap * median_height) break;
      std::optional<Split> split = FindSplit(line, area, page_width);
      if (split.has_value() && split->left_end < right_start && split->right_start > left_end) {
        left_end = std::max(left_end, split->left_end);
        right_start = std::min(right_start, split->right_start);
        ++splits;
        block.rows.push_back({j, split->index});
        continue;
      }
      std::optional<OneColumn> one = KeepsToOneColumn(line, area, left_end, right_start);
      if (!one.has_value()) break;
      if (one->left) {
        left_end = std::max(left_end, one->edge);
      } else {
        right_start = std::min(right_start, one->edge);
      }
      block.rows.push_back({j, one->split});
    }
    // Lines just above the first split line whose words also leave its boundary free (a
    // header's first line, where the issuer's name nearly touches the motto), or that keep to
    // one column (a "Số:" line above the first wide gap), belong to it too. The first split
    // line's own interval is the test: lines below it may have widened the block's.
    left_end = first->left_end;
    right_start = first->right_start;
    size_t first_row = i;
    const size_t floor = blocks.empty() ? 0 : blocks.back().rows.back().line + 1;
    const bool header_zone = first_page && lines[i].y0 < kTopShare * page_height;
    while (header_zone && first_row > floor && i - first_row < kTopLines) {
      // One column first: a wrapped issuer ("BAN CHẤP HÀNH TRUNG" over "ƯƠNG") ends inside
      // the boundary, and cutting it at a space there would put a word of it in the right cell.
      const TextLine& above = lines[first_row - 1];
      std::optional<size_t> at;
      if (std::optional<OneColumn> one = KeepsToOneColumn(above, area, left_end, right_start)) {
        at = one->split;
      } else {
        at = CrossingFree(above, left_end, right_start);
      }
      if (!at.has_value()) break;
      --first_row;
      block.rows.insert(block.rows.begin(), {first_row, *at});
    }
    // Where the blocks of an official document are: the top of page 1, or the end of a page's
    // text (the signature block). Anywhere else a run of split lines is more likely the rows
    // of a ruled table, which this cut would garble.
    bool top = first_page && first_row < kTopLines && lines[first_row].y0 < kTopShare * page_height;
    bool bottom = splits >= 2 && j + kTrailingLines >= lines.size();
    bool keep = top || bottom;
    if (keep) {
      blocks.push_back(std::move(block));
      i = j;
    } else {
      ++i;
    }
  }
  // No closing block found by its gaps: look for one by its halves after the last block.
  const bool closed = !blocks.empty() && blocks.back().rows.back().line + 1 + kTrailingLines >= lines.size() &&
                      blocks.back().rows.front().line > 0;
  if (!closed) {
    const size_t after = blocks.empty() ? 0 : blocks.back().rows.back().line + 1;
    if (std::optional<ColumnBlock> closing =
            ClosingBlockByHalves(lines, area, after, blocks.empty() ? closing_right_column : std::nullopt,
                                 page_width)) {
      blocks.push_back(std::move(*closing));
    }
  }
  return blocks;
}

}  // namespace lienthong
