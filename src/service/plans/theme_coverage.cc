#include "service/plans/theme_coverage.h"

#include "service/plans/implementing_deadline.h"
#include "service/plans/text_similarity.h"

namespace lienthong {

std::vector<ThemeMatch> MatchThemes(const PlanDocument& parent, const PlanDocument& child) {
  std::vector<std::string> passages;
  for (const auto& text : DocumentTexts(child))
    for (auto& p : SplitPassages(text)) passages.push_back(std::move(p));
  const PassageIndex index(std::move(passages));
  std::vector<ThemeMatch> out;
  for (const ContentTheme& theme : parent.themes) {
    PassageMatch m = index.Best(MakeFingerprint(theme.title + " " + theme.text));
    out.push_back({m.score, m.score >= kCoveredScore, m.passage});
  }
  return out;
}

}  // namespace lienthong
