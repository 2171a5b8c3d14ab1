#include "import/parse/phase_parser.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "import/parse/text_scan.h"
#include "text/time_spec_parser.h"

namespace lienthong::parse {
namespace {

std::string Ym(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

int RomanOrDigit(std::string_view w) {
  if (w == "i" || w == "1") return 1;
  if (w == "ii" || w == "2") return 2;
  if (w == "iii" || w == "3") return 3;
  if (w == "iv" || w == "4") return 4;
  return 0;
}

// Reads (first, last) months from the words of a period that ParseTimeSpec could not read.
void FallbackPeriod(std::string_view key, std::optional<std::string>* start, std::optional<std::string>* end) {
  const std::vector<KeyWord> w = KeyWords(key);
  std::vector<std::pair<int, int>> first_last;  // months as y*12+m, pairs of (first, last)
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i].text.size() != 4 || w[i].text[0] < '1' || w[i].text[0] > '2') continue;
    const int year = std::atoi(std::string(w[i].text).c_str());
    if (year < 1900 || year > 2100) continue;
    int first = 1, last = 12;
    // "quý IV năm 2025", "quy IV/2025", "tháng 9 năm 2025"
    for (size_t b = i >= 4 ? i - 4 : 0; b < i; ++b) {
      if (NearlyEqualWord(w[b].text, "quy") || w[b].text == "quy") {
        if (const int q = RomanOrDigit(w[b + 1].text)) first = q * 3 - 2, last = q * 3;
      }
      if (w[b].text == "thang" && b + 1 < i) {
        const int m = std::atoi(std::string(w[b + 1].text).c_str());
        if (m >= 1 && m <= 12) first = last = m;
      }
    }
    first_last.push_back({year * 12 + first - 1, year * 12 + last - 1});
  }
  if (first_last.empty()) return;
  *start = Ym(first_last.front().first / 12, first_last.front().first % 12 + 1);
  *end = Ym(first_last.back().second / 12, first_last.back().second % 12 + 1);
}

}  // namespace

std::vector<ParsedPhase> ExtractPhases(const Outline& o, const std::optional<std::string>& doc_date) {
  std::vector<ParsedPhase> out;
  for (size_t i = 0; i < o.nodes.size() && out.size() < 20; ++i) {
    const OutlineNode& n = o.nodes[i];
    if (n.title.size() < 10 || (n.title[0] != 'G' && n.title[0] != 'g')) continue;  // "Giai đoạn"
    const std::string key = FoldKey(n.title);
    const std::vector<KeyWord> w = KeyWords(key);
    // "Giai đoạn N" at the start of the item; OCR garbles "đoạn" ("dogn").
    if (w.size() < 3 || w[0].text != "giai" || !(w[1].text == "doan" || NearlyEqualWord(w[1].text, "doan")) ||
        w[0].begin > 1 || w[2].text.size() > 2 || w[2].text[0] < '0' || w[2].text[0] > '9') {
      continue;
    }
    ParsedPhase p;
    p.line = n.line;
    p.phase.name = "Giai đoạn " + std::string(w[2].text);
    std::string when = Trim(SliceByCodePoints(n.title, w[2].end, key.size()));
    when = TrimChars(when, " :-()");
    const size_t close = when.find(')');
    std::string rest_after;
    if (close != std::string::npos) {
      rest_after = Trim(when.substr(close + 1));
      when = TrimChars(when.substr(0, close), " (");
    }
    p.phase.when = ParseTimeSpec(when);
    p.phase.when.original = when;
    if (p.phase.when.start) p.start = Ym(p.phase.when.start->year, p.phase.when.start->month);
    if (p.phase.when.end) p.end = Ym(p.phase.when.end->year, p.phase.when.end->month);
    if (!p.start && !p.end) FallbackPeriod(FoldKey(when), &p.start, &p.end);
    // "từ nay": from the document's date.
    const std::string wkey = FoldKey(when);
    if (KeyFind(wkey, "nay") != std::string::npos && doc_date && doc_date->size() >= 7) {
      p.start = doc_date->substr(0, 7);
    }
    // Objective: a "Mục tiêu:" child, else the first body sentence or child.
    for (int c : n.children) {
      const std::string& t = o.nodes[c].title;
      if (KeyStartsWith(TrimChars(FoldKey(t), " -+"), "muc tieu")) {
        const size_t colon = t.find(':');
        p.phase.objective = Trim(colon == std::string::npos ? t : t.substr(colon + 1));
        break;
      }
    }
    if (p.phase.objective.empty()) {
      if (!rest_after.empty()) {
        p.phase.objective = TrimChars(rest_after, " :");
      } else if (!n.body.empty()) {
        p.phase.objective = n.body.front();
      } else if (!n.children.empty()) {
        p.phase.objective = o.nodes[n.children.front()].title;
      }
    }
    // Targets: sentences of the objective with a percentage.
    if (p.phase.objective.find('%') != std::string::npos) {
      IndicatorTarget t;
      t.text = p.phase.objective;
      t.unit = "%";
      const size_t pct = t.text.find('%');
      size_t b = pct;
      while (b > 0 && (std::isdigit(static_cast<unsigned char>(t.text[b - 1])) || t.text[b - 1] == ',' || t.text[b - 1] == '.')) --b;
      if (b < pct) t.value = std::atof(t.text.substr(b, pct - b).c_str());
      t.indicator = Trim(t.text.substr(pct + 1));
      p.phase.targets.push_back(std::move(t));
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace lienthong::parse
