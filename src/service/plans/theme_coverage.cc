#include "service/plans/theme_coverage.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "service/plans/text_similarity.h"
#include "text/lexicon/word_lexicon.h"
#include "util/assignment.h"

namespace lienthong {
namespace {

// A text's distinct terms with their weights (step 2).
struct TermBag {
  std::unordered_map<std::string, double> weights;
  std::unordered_set<std::string> syllables;
  double total = 0;
};

TermBag MakeTermBag(const std::string& text, const WordLexicon& lexicon) {
  TermBag bag;
  const std::vector<std::string>& s = MakeFingerprint(text).syllables;
  const size_t n = std::min(s.size(), kMaxTermsPerText);
  for (size_t i = 0; i < n;) {
    std::string term = s[i];
    bag.syllables.insert(s[i]);
    if (i + 1 < n && lexicon.IsCompound(s[i], s[i + 1])) {
      bag.syllables.insert(s[i + 1]);
      term += " " + s[i + 1];
      i += 2;
    } else {
      i += 1;
    }
    double weight = lexicon.Weight(term);
    if (bag.weights.emplace(std::move(term), weight).second) bag.total += weight;
  }
  return bag;
}

// How much of a term of A text B carries (step 3).
double TermCredit(const std::string& term, const TermBag& b, const WordLexicon& lexicon) {
  if (b.weights.count(term)) return 1.0;
  double credit = 0;
  for (const WordLexicon::Related& r : lexicon.RelatedTo(term)) {
    if (b.weights.count(r.term))
      credit = std::max(credit, std::min(kMaxRelatedCredit, kRelatedCredit * r.similarity));
  }
  size_t space = term.find(' ');
  if (space == std::string::npos) {
    if (b.syllables.count(term)) credit = std::max(credit, 0.5);
  } else {
    double found = (b.syllables.count(term.substr(0, space)) ? 0.5 : 0.0) +
                   (b.syllables.count(term.substr(space + 1)) ? 0.5 : 0.0);
    credit = std::max(credit, 0.5 * found);
  }
  return credit;
}

double Containment(const TermBag& a, const TermBag& b, const WordLexicon& lexicon) {
  if (a.total <= 0) return 0;
  double carried = 0;
  for (const auto& [term, weight] : a.weights) carried += weight * TermCredit(term, b, lexicon);
  return carried / a.total;
}

double Similarity(const TermBag& a, const TermBag& b, const WordLexicon& lexicon) {
  return 0.5 * (Containment(a, b, lexicon) + Containment(b, a, lexicon));
}

std::string JoinedText(const std::string& heading, const std::string& body) {
  if (heading.empty()) return body;
  return body.empty() ? heading : heading + "\n" + body;
}

void CollectSections(const std::vector<Section>& nodes, std::vector<std::string>& out) {
  for (const Section& s : nodes) {
    std::string text = JoinedText(s.title, s.body);
    if (!text.empty()) out.push_back(std::move(text));
    CollectSections(s.children, out);
  }
}

// Step 1: the child's units, in reading order.
std::vector<std::string> ChildUnits(const PlanDocument& child) {
  std::vector<std::string> units;
  for (const ContentTheme& t : child.themes) units.push_back(JoinedText(t.title, t.text));
  if (units.empty()) CollectSections(child.sections, units);
  if (units.empty())
    for (const DocumentTask& t : child.tasks) units.push_back(t.text);
  if (units.size() > kMaxUnits) units.resize(kMaxUnits);
  return units;
}

// Step 4: the order-aware one-to-one pairing; per parent theme its unit or -1.
std::vector<int> AlignThemes(const std::vector<std::vector<double>>& similarity, size_t units) {
  const size_t themes = similarity.size();
  std::vector<std::vector<double>> profit(themes, std::vector<double>(units, 0.0));
  for (size_t i = 0; i < themes; ++i) {
    for (size_t j = 0; j < units; ++j) {
      if (similarity[i][j] < kMinPairScore) continue;
      double distance = std::abs((i + 0.5) / double(themes) - (j + 0.5) / double(units));
      profit[i][j] = similarity[i][j] + kOrderBonus * (1.0 - distance);
    }
  }
  return MaxProfitAssignment(profit);
}

std::string PassageIn(const std::string& unit, const std::string& theme) {
  const PassageIndex index(SplitPassages(unit));
  PassageMatch m = index.Best(MakeFingerprint(theme));
  if (!m.passage.empty()) return m.passage;
  std::vector<std::string> passages = SplitPassages(unit);
  return passages.empty() ? "" : passages.front();
}

}  // namespace

double ThemeSimilarity(const std::string& a, const std::string& b) {
  const WordLexicon& lexicon = WordLexicon::Embedded();
  return Similarity(MakeTermBag(a, lexicon), MakeTermBag(b, lexicon), lexicon);
}

std::vector<ThemeMatch> MatchThemes(const PlanDocument& parent, const PlanDocument& child) {
  const WordLexicon& lexicon = WordLexicon::Embedded();
  std::vector<ThemeMatch> out(parent.themes.size());
  const size_t themes = std::min(parent.themes.size(), kMaxThemes);
  const std::vector<std::string> units = ChildUnits(child);
  if (themes == 0 || units.empty()) return out;

  std::vector<std::string> theme_texts;
  std::vector<TermBag> theme_bags, unit_bags;
  for (size_t i = 0; i < themes; ++i) {
    theme_texts.push_back(JoinedText(parent.themes[i].title, parent.themes[i].text));
    theme_bags.push_back(MakeTermBag(theme_texts.back(), lexicon));
  }
  for (const std::string& u : units) unit_bags.push_back(MakeTermBag(u, lexicon));
  std::vector<std::vector<double>> similarity(themes, std::vector<double>(units.size()));
  for (size_t i = 0; i < themes; ++i)
    for (size_t j = 0; j < units.size(); ++j)
      similarity[i][j] = Similarity(theme_bags[i], unit_bags[j], lexicon);

  const std::vector<int> pair = AlignThemes(similarity, units.size());
  for (size_t i = 0; i < themes; ++i) {
    ThemeMatch& m = out[i];
    std::optional<size_t> unit;
    if (pair[i] >= 0) {
      unit = static_cast<size_t>(pair[i]);
      m.score = similarity[i][*unit];
      m.covered = m.score >= kThemeCoveredScore;
    }
    if (!m.covered) {
      // A child that merged this theme into another's unit: covered if one unit holds it whole.
      for (size_t j = 0; j < units.size(); ++j) {
        double contained = Containment(theme_bags[i], unit_bags[j], lexicon);
        if (contained >= kContainedScore && contained > m.score) {
          m.score = contained, m.covered = true, unit = j;
        }
      }
    }
    if (!unit) {
      auto best = std::max_element(similarity[i].begin(), similarity[i].end());
      m.score = *best;
      unit = static_cast<size_t>(best - similarity[i].begin());
    }
    m.passage = PassageIn(units[*unit], theme_texts[i]);
  }
  return out;
}

}  // namespace lienthong
