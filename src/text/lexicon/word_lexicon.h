// Word statistics of Vietnamese administrative text, for matching plan themes that say the same
// thing in other words (service/plans/theme_coverage.h):
//   - compounds: syllable pairs the corpus uses as one word ("tuyên truyền", "an ninh");
//   - weights: how much a term says, its inverse document frequency over the corpus's
//     paragraphs ("công tác" little, "sạt lở" much);
//   - related terms: terms used in the same contexts, with a similarity in (0, 1]
//     ("tập huấn" ~ "bồi dưỡng", "người dân" ~ "nhân dân").
// Derived by scripts/build-coverage-lexicon.py from ../shared/textcorpus (its header says from
// what), shipped as data/coverage-lexicon.tsv and embedded in the binary (CMakeLists.txt), parsed
// once on first use. Terms are keyed by SearchKey (keys.h) — diacritics, case and tone style
// folded — because theme matching compares SearchKey syllables, so OCR text without diacritics
// matches too.
//
// Thread safety: immutable after construction; Embedded() is initialised once (magic static).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace lienthong {

class WordLexicon {
 public:
  struct Related {
    std::string term;  // SearchKey form
    double similarity = 0;
  };

  // Bounds on what Parse accepts.
  static constexpr size_t kMaxBytes = 8u << 20;
  static constexpr size_t kMaxRelatedPerTerm = 16;
  // The weight of a term the lexicon does not know: rare, so telling.
  static constexpr double kUnknownWeight = 8.0;

  // The file format (data/coverage-lexicon.tsv): '#' comment lines, then one line per term,
  // "term<TAB>weight×10<TAB>related:similarity×100,…". kInvalidArgument naming the line for a
  // malformed one or input over kMaxBytes.
  static Result<WordLexicon> Parse(std::string_view text);
  // The lexicon embedded in the binary; an empty one if it does not parse (lexicon_test checks
  // that it does).
  static const WordLexicon& Embedded();

  // `first second` (SearchKey syllables) is a known compound.
  bool IsCompound(std::string_view first, std::string_view second) const;
  // A term's weight (a syllable or "first second"); kUnknownWeight when unknown.
  double Weight(std::string_view term) const;
  // Related terms, most similar first; empty when none.
  const std::vector<Related>& RelatedTo(std::string_view term) const;
  size_t size() const { return terms_.size(); }

 private:
  struct Entry {
    double weight = kUnknownWeight;
    std::vector<Related> related;
  };
  std::unordered_map<std::string, Entry> terms_;
};

}  // namespace lienthong
