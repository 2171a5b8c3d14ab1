#include "text/diacritics/ngram_estimator.h"

#include <algorithm>
#include <cmath>

namespace lienthong::diacritics {
namespace {

struct Counted {
  uint64_t packed = 0;
  uint64_t count = 0;
};
using CountList = std::vector<Counted>;

constexpr size_t kAbsent = static_cast<size_t>(-1);

uint64_t Mask(int n) { return n >= 4 ? ~uint64_t{0} : (uint64_t{1} << (16 * n)) - 1; }
uint16_t FirstId(uint64_t packed, int n) { return static_cast<uint16_t>(packed >> (16 * (n - 1))); }
uint16_t LastId(uint64_t packed) { return static_cast<uint16_t>(packed & 0xFFFF); }
uint64_t ContextOf(uint64_t packed) { return packed >> 16; }
uint64_t SuffixOf(uint64_t packed, int n) { return packed & Mask(n - 1); }

CountList RunLength(std::vector<uint64_t>* keys) {
  std::sort(keys->begin(), keys->end());
  CountList out;
  for (size_t i = 0; i < keys->size();) {
    size_t j = i;
    while (j < keys->size() && (*keys)[j] == (*keys)[i]) ++j;
    out.push_back({(*keys)[i], j - i});
    i = j;
  }
  return out;
}

// Every window of n ids inside one line (<s> only first, </s> only last).
CountList CountOrder(const std::vector<uint16_t>& ids, int n) {
  std::vector<uint64_t> keys;
  keys.reserve(ids.size());
  for (size_t i = 0; i + n <= ids.size(); ++i) {
    uint64_t packed = 0;
    bool inside = true;
    for (int j = 0; j < n && inside; ++j) {
      const uint16_t id = ids[i + j];
      inside = !(j > 0 && id == kBosId) && !(j < n - 1 && id == kEosId);
      packed = PushId(packed, id);
    }
    if (inside) keys.push_back(packed);
  }
  return RunLength(&keys);
}

template <typename List>
size_t Find(const List& list, uint64_t packed) {
  auto it = std::lower_bound(list.begin(), list.end(), packed,
                             [](const auto& e, uint64_t p) { return e.packed < p; });
  return (it != list.end() && it->packed == packed) ? static_cast<size_t>(it - list.begin())
                                                    : kAbsent;
}

// Kneser-Ney counts: raw counts at the highest order and for n-grams starting with <s>, else the
// number of distinct words seen before the n-gram.
std::vector<uint64_t> AdjustedCounts(const CountList& order_n, const CountList* order_up, int n) {
  std::vector<uint64_t> adjusted(order_n.size());
  if (order_up == nullptr) {
    for (size_t i = 0; i < order_n.size(); ++i) adjusted[i] = order_n[i].count;
    return adjusted;
  }
  std::vector<uint64_t> suffixes;
  suffixes.reserve(order_up->size());
  for (const Counted& e : *order_up) suffixes.push_back(SuffixOf(e.packed, n + 1));
  const CountList continuation = RunLength(&suffixes);
  size_t j = 0;
  for (size_t i = 0; i < order_n.size(); ++i) {
    while (j < continuation.size() && continuation[j].packed < order_n[i].packed) ++j;
    const bool seen = j < continuation.size() && continuation[j].packed == order_n[i].packed;
    const bool starts_line = FirstId(order_n[i].packed, n) == kBosId;
    adjusted[i] = (starts_line || !seen) ? order_n[i].count : continuation[j].count;
  }
  return adjusted;
}

struct Discounts {
  double d[4] = {0, 0.5, 1.0, 1.5};  // for adjusted counts 0, 1, 2, 3+
  double For(uint64_t count) const { return d[std::min<uint64_t>(count, 3)]; }
};

Discounts ComputeDiscounts(const std::vector<uint64_t>& adjusted) {
  double t[5] = {};
  for (const uint64_t a : adjusted) {
    if (a >= 1 && a <= 4) t[a] += 1;
  }
  Discounts d;
  if (t[1] == 0 || t[2] == 0 || t[3] == 0 || t[4] == 0) return d;
  const double y = t[1] / (t[1] + 2 * t[2]);
  const double candidate[4] = {0, 1 - 2 * y * t[2] / t[1], 2 - 3 * y * t[3] / t[2],
                               3 - 4 * y * t[4] / t[3]};
  for (int k = 1; k <= 3; ++k) {
    if (candidate[k] > 0 && candidate[k] < k) d.d[k] = candidate[k];
  }
  return d;
}

// The unpruned interpolated model: probability of each counted n-gram and the interpolation
// weight γ of each n-gram as a context.
struct Interpolated {
  std::vector<CountList> counts;            // [n], 1..order
  std::vector<std::vector<double>> prob;    // [n][i]
  std::vector<std::vector<double>> gamma;   // [n][i]; 1 when nothing follows
};

void InterpolateOrder(Interpolated* m, int n, const std::vector<uint64_t>& adjusted) {
  const CountList& list = m->counts[n];
  const Discounts disc = ComputeDiscounts(adjusted);
  m->prob[n].assign(list.size(), 0);
  m->gamma[n].assign(list.size(), 1);
  for (size_t begin = 0; begin < list.size();) {
    const uint64_t context = ContextOf(list[begin].packed);
    size_t end = begin;
    double total = 0, freed = 0;
    while (end < list.size() && ContextOf(list[end].packed) == context) {
      total += static_cast<double>(adjusted[end]);
      freed += disc.For(adjusted[end]);
      ++end;
    }
    const size_t context_index = n == 2 ? context : Find(m->counts[n - 1], context);
    const double gamma = freed / total;
    m->gamma[n - 1][context_index] = gamma;
    for (size_t i = begin; i < end; ++i) {
      const uint64_t suffix = SuffixOf(list[i].packed, n);
      const double lower = n == 2 ? m->prob[1][suffix] : m->prob[n - 1][Find(m->counts[n - 1], suffix)];
      const double a = static_cast<double>(adjusted[i]);
      m->prob[n][i] = std::max(a - disc.For(adjusted[i]), 0.0) / total + gamma * lower;
    }
    begin = end;
  }
}

Interpolated Interpolate(const std::vector<uint16_t>& ids, uint32_t vocab_size, int order) {
  Interpolated m;
  m.counts.resize(order + 1);
  m.prob.resize(order + 1);
  m.gamma.resize(order + 1);
  for (int n = 1; n <= order; ++n) m.counts[n] = CountOrder(ids, n);
  // Unigrams indexed by id (every id present, even unseen ones).
  CountList unigrams(vocab_size);
  for (uint32_t id = 0; id < vocab_size; ++id) unigrams[id].packed = id;
  for (const Counted& e : m.counts[1]) unigrams[e.packed].count = e.count;
  m.counts[1] = std::move(unigrams);
  std::vector<std::vector<uint64_t>> adjusted(order + 1);
  for (int n = 1; n <= order; ++n) {
    adjusted[n] = AdjustedCounts(m.counts[n], n < order ? &m.counts[n + 1] : nullptr, n);
  }
  adjusted[1][kBosId] = 0;  // <s> is never predicted
  const Discounts disc = ComputeDiscounts(adjusted[1]);
  double total = 0, freed = 0;
  for (uint32_t id = 0; id < vocab_size; ++id) {
    total += static_cast<double>(adjusted[1][id]);
    if (adjusted[1][id] > 0) freed += disc.For(adjusted[1][id]);
  }
  const double uniform = freed / total / (vocab_size - 1);
  m.prob[1].assign(vocab_size, 0);
  m.gamma[1].assign(vocab_size, 1);
  for (uint32_t id = 0; id < vocab_size; ++id) {
    const double a = static_cast<double>(adjusted[1][id]);
    m.prob[1][id] = id == kBosId ? 1e-10 : std::max(a - disc.For(adjusted[1][id]), 0.0) / total + uniform;
  }
  for (int n = 2; n <= order; ++n) InterpolateOrder(&m, n, adjusted[n]);
  return m;
}

}  // namespace

namespace {

// Which n-grams survive pruning, highest order first (see the header).
std::vector<std::vector<bool>> ChooseKept(const Interpolated& m, const EstimateOptions& options) {
  const int order = options.order;
  std::vector<std::vector<bool>> kept(order + 1);
  kept[1].assign(m.counts[1].size(), true);
  for (int n = order; n >= 2; --n) {
    const CountList& list = m.counts[n];
    kept[n].assign(list.size(), false);
    if (n < order) {  // contexts of kept longer n-grams stay
      for (size_t i = 0; i < m.counts[n + 1].size(); ++i) {
        if (kept[n + 1][i]) kept[n][Find(list, ContextOf(m.counts[n + 1][i].packed))] = true;
      }
    }
    for (size_t i = 0; i < list.size(); ++i) {
      if (kept[n][i] || list[i].count < options.min_count[n]) continue;
      const uint64_t context = ContextOf(list[i].packed);
      const uint64_t suffix = SuffixOf(list[i].packed, n);
      const double gamma = n == 2 ? m.gamma[1][context] : m.gamma[n - 1][Find(m.counts[n - 1], context)];
      const double lower = n == 2 ? m.prob[1][suffix] : m.prob[n - 1][Find(m.counts[n - 1], suffix)];
      const double gain = std::fabs(std::log10(m.prob[n][i]) - std::log10(gamma * lower));
      kept[n][i] = static_cast<double>(list[i].count) * gain >= options.prune_threshold[n];
    }
  }
  return kept;
}

// log10 p(word | the last `length` ids of `context`) in the pruned backoff model built so far.
double BackoffLogProb(const EstimatedModel& model, uint64_t context, int length, uint16_t word) {
  double backoff = 0;
  for (int k = length; k >= 1; --k) {
    const uint64_t ctx = context & Mask(k);
    const auto& longer = model.ngrams[k + 1];
    const size_t i = Find(longer, PushId(ctx, word));
    if (i != kAbsent) return longer[i].log_prob + backoff;
    if (k == 1) {
      backoff += model.unigrams[ctx].backoff;
    } else if (const size_t c = Find(model.ngrams[k], ctx); c != kAbsent) {
      backoff += model.ngrams[k][c].backoff;
    }
  }
  return model.unigrams[word].log_prob + backoff;
}

// Backoff weights of the order-(n-1) contexts, renormalised over the kept order-n n-grams.
void RenormaliseBackoffs(int n, EstimatedModel* model) {
  const std::vector<NgramProb>& list = model->ngrams[n];
  for (size_t begin = 0; begin < list.size();) {
    const uint64_t context = ContextOf(list[begin].packed);
    double kept_mass = 0, lower_mass = 0;
    size_t end = begin;
    for (; end < list.size() && ContextOf(list[end].packed) == context; ++end) {
      kept_mass += std::pow(10.0, list[end].log_prob);
      const uint64_t lower_context = ContextOf(list[end].packed) & Mask(n - 2);
      lower_mass += std::pow(
          10.0, BackoffLogProb(*model, lower_context, n - 2, LastId(list[end].packed)));
    }
    const double weight = std::max(1.0 - kept_mass, 1e-9) / std::max(1.0 - lower_mass, 1e-9);
    const auto backoff = static_cast<float>(std::log10(weight));
    if (n == 2) {
      model->unigrams[context].backoff = backoff;
    } else {
      model->ngrams[n - 1][Find(model->ngrams[n - 1], context)].backoff = backoff;
    }
    begin = end;
  }
}

}  // namespace

EstimatedModel EstimateModel(const std::vector<uint16_t>& ids, uint32_t vocab_size,
                             const EstimateOptions& options) {
  const Interpolated m = Interpolate(ids, vocab_size, options.order);
  const std::vector<std::vector<bool>> kept = ChooseKept(m, options);
  EstimatedModel model;
  model.order = options.order;
  model.unigrams.resize(vocab_size);
  model.unigram_counts.resize(vocab_size);
  for (uint32_t id = 0; id < vocab_size; ++id) {
    model.unigrams[id].log_prob = static_cast<float>(std::log10(m.prob[1][id]));
    model.unigram_counts[id] = m.counts[1][id].count;
  }
  model.ngrams.resize(options.order + 1);
  for (int n = 2; n <= options.order; ++n) {
    for (size_t i = 0; i < m.counts[n].size(); ++i) {
      if (!kept[n][i]) continue;
      model.ngrams[n].push_back(
          {m.counts[n][i].packed, static_cast<float>(std::log10(m.prob[n][i])), 0.0f});
    }
    RenormaliseBackoffs(n, &model);
  }
  return model;
}

}  // namespace lienthong::diacritics
