// Text similarity for coverage: does a child plan cover a task of its parent, and where? Robust to
// case and tone style (keys.h), to missing diacritics (OCR), to reordering and to rewording that
// keeps the key words. (Themes are compared whole and aligned: theme_coverage.h, which builds on
// MakeFingerprint and uses PassageIndex to show the passage.)
//
// A text's fingerprint is its content syllables — SearchKey of each word, after dropping
// Vietnamese function words and the stock verbs of plans ("và", "các", "của", "thực hiện", "đẩy
// mạnh", "triển khai", numbers, "năm"…; stop-words are checked on the MatchKey, so "có" is
// dropped but "cơ" in "cơ sở" is kept) — as a set of syllables and a set of adjacent-syllable
// bigrams (taken after the drop, so "tuyên truyền về chuyển đổi số" and "tuyên truyền chuyển đổi
// số" share every bigram).
//
// Score of a needle (the parent's theme or task) in a window of the child's text — containment,
// not overlap, because a child plan says far more than one parent theme:
//
//   unigram = |needle syllables ∩ window syllables| / |needle syllables|
//   bigram  = |needle bigrams ∩ window bigrams|     / |needle bigrams|
//   score   = 0.6 · unigram + 0.4 · bigram           (unigram alone for a one-syllable needle)
//
// Windows are the child's passages (sentences and list items, SplitPassages) and each pair of
// adjacent passages, so a theme split between a heading and its first sentence still scores.
// The best window is the "best-matching passage". A needle is covered at score ≥ kCoveredScore
// (0.5): e.g. all key syllables present in another order, or three fifths of them present with
// half of their bigrams. Unrelated plan texts share a few generic syllables and score 0.1–0.3.
//
// Thread safety: pure functions; PassageIndex is immutable after construction.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lienthong {

inline constexpr double kCoveredScore = 0.5;

struct Fingerprint {
  std::vector<std::string> syllables;  // content syllables in order (SearchKey form)
  std::set<std::string> unigrams;
  std::set<std::string> bigrams;  // "chuyen doi"
  bool empty() const { return unigrams.empty(); }
};

Fingerprint MakeFingerprint(std::string_view text);

// Containment score of `needle` in `window` as described above, in [0, 1]; 0 for an empty needle.
double ContainmentScore(const Fingerprint& needle, const Fingerprint& window);

// Sentences and list items: split at line breaks, ';' and at '.', '!' or '?' followed by a space;
// trimmed, empty pieces dropped.
std::vector<std::string> SplitPassages(std::string_view text);

struct PassageMatch {
  double score = 0;
  std::string passage;  // the best window's text ("" when nothing matched at all)
};

// The child's passages, fingerprinted once, scored against many needles.
class PassageIndex {
 public:
  explicit PassageIndex(std::vector<std::string> passages);
  PassageMatch Best(const Fingerprint& needle) const;
  size_t size() const { return passages_.size(); }

 private:
  std::vector<std::string> passages_;
  std::vector<Fingerprint> singles_;
  std::vector<Fingerprint> pairs_;  // pairs_[i] = passages i and i + 1
};

}  // namespace lienthong
