// Estimates the n-gram language model of a diacritic model from id sequences: counts, modified
// Kneser-Ney smoothing (Chen & Goodman 1998, interpolated, three discounts per order), pruning,
// and backoff weights renormalised over what pruning kept (as SRILM does), so the stored model
// is a proper backoff model:
//
//   p(w | h) = stored p(h w)                 when the n-gram (h w) was kept
//            = b(h) · p(w | h minus oldest)  otherwise, where b(h) is stored with the context h.
//
// Pruning, from the highest order down, drops an n-gram seen fewer than `min_count[n]` times, or
// whose weighted difference count(h w) · |log p(w|h) − log(γ(h) p(w|h'))| (Seymore & Rosenfeld
// 1996) is below `prune_threshold[n]`, unless it is the context of an n-gram kept one order up.
// The result is deterministic: every list is sorted by packed ids.
#pragma once

#include <cstdint>
#include <vector>

#include "text/diacritics/model_format.h"

namespace lienthong::diacritics {

struct EstimateOptions {
  int order = 3;
  uint32_t min_count[kMaxOrder + 1] = {0, 1, 1, 2, 2};   // per order; 1-grams always kept
  double prune_threshold[kMaxOrder + 1] = {0, 0, 0, 0, 0};  // log10 units × count
};

struct NgramProb {
  uint64_t packed = 0;  // ids, oldest in the highest bits (model_format.h PushId)
  float log_prob = 0;   // log10 p(last | rest)
  float backoff = 0;    // log10 b(these ids as a context); 0 at the highest order
};

struct EstimatedModel {
  int order = 0;
  std::vector<Unigram> unigrams;                     // by id
  std::vector<uint64_t> unigram_counts;              // raw counts, by id
  std::vector<std::vector<NgramProb>> ngrams;        // [n] for n in 2..order, sorted by packed
};

// `ids`: lines as <s> w1 … wk </s>, one after another; `vocab_size` ids in use.
// REQUIRES: 2 <= options.order <= kMaxOrder.
EstimatedModel EstimateModel(const std::vector<uint16_t>& ids, uint32_t vocab_size,
                             const EstimateOptions& options);

}  // namespace lienthong::diacritics
