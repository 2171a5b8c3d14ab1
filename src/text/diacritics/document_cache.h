// What a document itself says about its words, for a second decoding pass: how often the first
// pass chose each of the words that share a key (a cache language model, Kuhn & De Mori 1990,
// restricted to the words of one key). Plans repeat their terms — "Phông lưu trữ", "hằng năm",
// "truyền thông" — so where the context decides a word clearly, that choice tips the balance
// where the context does not. The bias of option w is
//
//   weight · log10 (p_doc(w | key) / p(w | key)),
//   p_doc(w | key) = (c(w) + kPrior · p(w | key)) / (c(·key) + kPrior),
//
// where p(w | key) is the model's unigram share of w among the key's words and c counts the first
// pass's choices; a document that says nothing about a key leaves the model alone. (A cache of
// word pairs, tried too, did no better on the quality bench.)
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "text/diacritics/language_model.h"

namespace lienthong::diacritics {

class DocumentCache {
 public:
  explicit DocumentCache(const LanguageModel& lm) : lm_(lm), counts_(lm.vocab_size(), 0.0f) {}

  // The first pass chose `word`, one of several options.
  void Record(uint16_t word) { counts_[word] += 1; }

  // Adds to bias[o] the cache's evidence for options[o] (see above).
  void AddBias(std::span<const uint16_t> options, float weight, float* bias) const;

 private:
  const LanguageModel& lm_;
  std::vector<float> counts_;  // by word id
};

}  // namespace lienthong::diacritics
