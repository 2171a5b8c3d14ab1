#include "text/diacritics/document_cache.h"

#include <algorithm>
#include <cmath>

namespace lienthong::diacritics {
namespace {

constexpr double kPrior = 2.0;  // pseudo-counts of the model's own preference
constexpr size_t kMaxOptions = 32;

}  // namespace

void DocumentCache::AddBias(std::span<const uint16_t> options, float weight, float* bias) const {
  const size_t n = std::min(options.size(), kMaxOptions);
  double prior[kMaxOptions];
  double mass = 0, seen = 0;
  for (size_t o = 0; o < n; ++o) {
    prior[o] = std::pow(10.0, lm_.UnigramLogProb(options[o]));
    mass += prior[o];
    seen += counts_[options[o]];
  }
  if (seen == 0) return;
  for (size_t o = 0; o < n; ++o) {
    const double p_key = prior[o] / mass;
    const double p_doc = (counts_[options[o]] + kPrior * p_key) / (seen + kPrior);
    bias[o] += weight * static_cast<float>(std::log10(p_doc / p_key));
  }
}

}  // namespace lienthong::diacritics
