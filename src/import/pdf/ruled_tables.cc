#include "import/pdf/ruled_tables.h"

#include <algorithm>
#include <cmath>

namespace lienthong {
namespace {

constexpr unsigned char kDark = 140;        // a pixel darker than this is ink
constexpr double kMinRuleShare = 0.08;      // a horizontal rule: this share of the page wide
constexpr double kMinVerticalPoints = 18;   // a vertical rule: taller than a line of type
constexpr double kMaxThicknessPoints = 4;   // thicker is a filled shape
constexpr double kExtentTolerance = 0.03;   // of the page width: rules of one table line up
constexpr size_t kMaxTables = 20;
constexpr size_t kMaxRules = 4000;          // per direction: a page of hatching is no table

struct Segment {
  double pos = 0;     // y of a horizontal rule, x of a vertical one (points, the middle)
  double a = 0, b = 0;  // its extent along the other axis (points)
  double thickness = 0;
};

// Runs of ink at least `min_len` pixels long along one axis, merged across neighbouring pixel
// lines into rules. `along_x`: rows of pixels give horizontal rules.
std::vector<Segment> FindRules(const GrayImage& img, bool along_x, int min_len, double scale_pos,
                               double scale_ext) {
  struct Open {
    int first = 0, last = 0;  // pixel lines
    int a = 0, b = 0;
  };
  const int lines = along_x ? img.height : img.width;
  const int length = along_x ? img.width : img.height;
  std::vector<Segment> out;
  std::vector<Open> open, next;
  auto close = [&](const Open& o) {
    Segment s;
    s.pos = (o.first + o.last + 1) / 2.0 / scale_pos;
    s.a = o.a / scale_ext;
    s.b = (o.b + 1) / scale_ext;
    s.thickness = (o.last - o.first + 1) / scale_pos;
    if (s.thickness <= kMaxThicknessPoints && out.size() < kMaxRules) out.push_back(s);
  };
  for (int l = 0; l <= lines; ++l) {
    next.clear();
    if (l < lines) {
      int run = 0;
      for (int k = 0; k <= length; ++k) {
        bool ink = false;
        if (k < length) {
          const size_t at = along_x ? static_cast<size_t>(l) * img.bytes_per_line + k
                                    : static_cast<size_t>(k) * img.bytes_per_line + l;
          ink = img.pixels[at] < kDark;
        }
        if (ink) {
          ++run;
          continue;
        }
        if (run >= min_len) {
          const int a = k - run, b = k - 1;
          // Continue an open rule of the line before when the runs overlap most of their length.
          bool joined = false;
          for (Open& o : open) {
            const int overlap = std::min(o.b, b) - std::max(o.a, a);
            if (o.last == l - 1 && overlap > (std::min(o.b - o.a, b - a)) / 2) {
              o.last = l;
              o.a = std::min(o.a, a);
              o.b = std::max(o.b, b);
              next.push_back(o);
              o.last = -2;  // taken
              joined = true;
              break;
            }
          }
          if (!joined) next.push_back(Open{l, l, a, b});
        }
        run = 0;
      }
    }
    for (const Open& o : open) {
      if (o.last != -2) close(o);
    }
    open.swap(next);
  }
  return out;
}

}  // namespace

std::vector<RuledTable> FindRuledTables(const GrayImage& img, double page_width, double page_height) {
  std::vector<RuledTable> tables;
  if (img.width <= 0 || img.height <= 0 || page_width <= 0 || page_height <= 0 ||
      img.pixels.size() < static_cast<size_t>(img.bytes_per_line) * img.height) {
    return tables;
  }
  const double sx = img.width / page_width, sy = img.height / page_height;
  std::vector<Segment> horizontal =
      FindRules(img, true, static_cast<int>(kMinRuleShare * img.width), sy, sx);
  std::vector<Segment> vertical =
      FindRules(img, false, static_cast<int>(kMinVerticalPoints * sy), sx, sy);
  std::sort(horizontal.begin(), horizontal.end(), [](const Segment& l, const Segment& r) {
    return l.pos < r.pos - 1.5 || (std::abs(l.pos - r.pos) <= 1.5 && l.a < r.a);
  });
  // Pieces of one rule at one height (a cell merged across rows breaks the rule in its column)
  // are one rule; `covered` keeps how much of its extent is drawn, `pieces` where.
  struct Rule {
    double pos = 0, a = 0, b = 0, covered = 0;
    std::vector<std::pair<double, double>> pieces;
  };
  std::vector<Rule> rules_found;
  for (const Segment& seg : horizontal) {
    if (!rules_found.empty() && std::abs(rules_found.back().pos - seg.pos) <= 1.5) {
      Rule& r = rules_found.back();
      r.a = std::min(r.a, seg.a);
      r.b = std::max(r.b, seg.b);
      r.covered += seg.b - seg.a;
      r.pieces.push_back({seg.a, seg.b});
      continue;
    }
    rules_found.push_back(Rule{seg.pos, seg.a, seg.b, seg.b - seg.a, {{seg.a, seg.b}}});
  }
  const double tol = kExtentTolerance * page_width;
  // Whether the rule draws at x (a column's middle): if not, the cell above goes on below it.
  auto draws_at = [](const Rule& r, double x) {
    for (const auto& [a, b] : r.pieces) {
      if (x >= a && x <= b) return true;
    }
    return false;
  };

  // Vertical rules crossing the band [y0, y1] inside [x0, x1].
  auto crossing = [&](double x0, double x1, double y0, double y1) {
    std::vector<double> xs;
    for (const Segment& v : vertical) {
      if (v.pos < x0 - tol || v.pos > x1 + tol || v.a > y0 + 1 || v.b < y1 - 1) continue;
      if (xs.empty() || std::none_of(xs.begin(), xs.end(), [&](double x) { return std::abs(x - v.pos) < 3; })) {
        xs.push_back(v.pos);
      }
    }
    std::sort(xs.begin(), xs.end());
    return xs;
  };

  size_t h = 0;
  while (h < rules_found.size() && tables.size() < kMaxTables) {
    const Rule& top = rules_found[h];
    std::vector<const Rule*> rules{&top};
    size_t k = h + 1;
    for (; k < rules_found.size(); ++k) {
      const Rule& r = rules_found[k];
      const bool inside = r.a >= top.a - tol && r.b <= top.b + tol;
      const bool wide = r.covered >= 0.5 * (top.b - top.a);
      if (!inside || !wide) {
        if (r.a > top.b || r.b < top.a) continue;  // beside the table: another one
        break;
      }
      // Rows are joined by the columns' rules; a rule with none between is another table.
      if (crossing(top.a, top.b, rules.back()->pos, r.pos).empty()) break;
      rules.push_back(&r);
    }
    h = std::max(k, h + 1);
    if (rules.size() < 3) continue;
    RuledTable table{top.a, top.pos, top.b, rules.back()->pos, {}};
    bool columns = false;
    for (size_t i = 0; i + 1 < rules.size(); ++i) {
      RuledRow row{rules[i]->pos, rules[i + 1]->pos, crossing(top.a, top.b, rules[i]->pos + 1, rules[i + 1]->pos - 1), {}};
      // A table drawn without its outer vertical rules still has its outer edges.
      if (row.columns.empty() || row.columns.front() > table.x0 + tol) row.columns.insert(row.columns.begin(), table.x0);
      if (row.columns.back() < table.x1 - tol) row.columns.push_back(table.x1);
      for (size_t c = 0; c + 1 < row.columns.size(); ++c) {
        row.merged_above.push_back(i > 0 && !draws_at(*rules[i], (row.columns[c] + row.columns[c + 1]) / 2));
      }
      columns = columns || row.columns.size() >= 4;  // three columns or more somewhere
      table.rows.push_back(std::move(row));
    }
    if (columns) tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace lienthong
