// Which of a parent plan's themes a child plan covers, and where — robust to rewording,
// reordering and ';' lists, and telling a dropped theme from a reworded one.
//
// 1. Units. A parent theme is its heading and body text as a whole. The child's units are its
//    themes (heading + body); a child without themes offers its outline's sections (heading +
//    body), and one without those its tasks.
// 2. Terms. A text's terms are its content syllables (text_similarity.h MakeFingerprint: SearchKey
//    syllables, function words, stock plan verbs and numbers dropped) with the pairs the lexicon
//    knows as compounds joined ("tuyen truyen"), each weighted by the lexicon (text/lexicon/
//    word_lexicon.h: inverse document frequency over administrative text), each once.
// 3. Containment of A in B: the weighted share of A's terms B has — a term found counts 1; else a
//    related term of the lexicon found counts by its similarity (below); else a compound
//    whose syllables B has counts half (its share of them). Related-term credit is
//    min(kMaxRelatedCredit, kRelatedCredit × similarity): cosines of near-synonyms in a corpus
//    this size lie around 0.25–0.5, so they are scaled up, and capped below a term found.
//    Similarity of two units = the mean of containment both ways, so a short heading is not
//    "contained" in every long paragraph.
// 4. Alignment. Parent themes are paired one-to-one with child units to maximise the total
//    similarity plus a small bonus (kOrderBonus × closeness of relative positions) for keeping
//    the order (util/assignment.h); pairs under kMinPairScore are not made. A theme is covered
//    when its pair scores ≥ kThemeCoveredScore. A theme left without a pair (a child that merged
//    two themes into one) is still covered when one child unit contains it almost whole
//    (containment ≥ kContainedScore).
// 5. The passage is the sentence (or pair of sentences) of the matched unit that shares most
//    with the theme (text_similarity.h PassageIndex).
//
// Bounded: at most kMaxThemes parent themes and kMaxUnits child units are compared (the rest
// score 0), each text's first kMaxTermsPerText terms.
#pragma once

#include <string>
#include <vector>

#include "core/plan_document.h"

namespace lienthong {

inline constexpr double kThemeCoveredScore = 0.35;
inline constexpr double kContainedScore = 0.8;
inline constexpr double kMinPairScore = 0.15;
inline constexpr double kOrderBonus = 0.05;
inline constexpr double kRelatedCredit = 1.6;
inline constexpr double kMaxRelatedCredit = 0.8;
inline constexpr size_t kMaxThemes = 200;
inline constexpr size_t kMaxUnits = 400;
inline constexpr size_t kMaxTermsPerText = 600;

struct ThemeMatch {
  double score = 0;  // in [0, 1]
  bool covered = false;
  std::string passage;  // the child's text that covers the theme best ("" when none)
};

// One match per theme of `parent`, in the parent's order.
std::vector<ThemeMatch> MatchThemes(const PlanDocument& parent, const PlanDocument& child);

// The similarity of two texts as step 3 says (for tests and tuning).
double ThemeSimilarity(const std::string& a, const std::string& b);

}  // namespace lienthong
