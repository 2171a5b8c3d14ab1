// Builds a diacritic model (model_format.h) from Vietnamese text with diacritics: one paragraph
// per AddLine call, tokenised exactly as the restorer reads text (lm_tokens.h). The vocabulary is
// every form seen at least `min_word_count` times (at most 65,535 ids, most frequent first, ties
// in byte order); rarer forms become <unk>. A key's candidates are its words seen at least
// `min_candidate_count` times and at least `min_candidate_share` of the key's occurrences (this
// drops typos such as "tô chức" that would otherwise compete), at most `max_candidates` of them.
//
// Used by tools/build_diacritics_model.cc; scripts/build-diacritics-model.sh has the parameters
// of the shipped model.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/diacritics/ngram_estimator.h"

namespace lienthong::diacritics {

struct BuildOptions {
  EstimateOptions estimate;
  uint32_t min_word_count = 2;
  uint32_t min_candidate_count = 2;
  double min_candidate_share = 0.0005;
  uint32_t max_candidates = 16;
  double ngram_table_load = 0.85;
};

class ModelBuilder {
 public:
  // One paragraph of training text, UTF-8 (normalised to NFC here).
  void AddLine(std::string_view line);
  uint64_t token_count() const { return token_count_; }

  // The model file. `report` receives a few lines of figures (vocabulary, n-grams, bytes).
  std::string Build(const BuildOptions& options, std::string* report) const;

 private:
  uint32_t Intern(const std::string& form, bool is_word);

  std::unordered_map<std::string, uint32_t> index_;
  std::vector<std::string> forms_;
  std::vector<uint64_t> counts_;
  std::vector<bool> is_word_;
  std::vector<uint32_t> capital_counts_;  // inside a sentence (lm_tokens.h ObservedCase)
  std::vector<uint32_t> lower_counts_;
  std::vector<uint32_t> tokens_;  // form indexes; kLineBreak ends each line
  uint64_t token_count_ = 0;
};

}  // namespace lienthong::diacritics
