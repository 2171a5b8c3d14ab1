#include "text/diacritics/beam_decoder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lienthong::diacritics {

uint64_t BeamDecoder::RecombinationKey(const LmState& previous, uint16_t word) const {
  // The ids the next state can hold: the last (order − 2) of `previous`, then `word`. A shorter
  // previous state pads with 0xFFFF, so it never merges with a longer one (safe, if not minimal).
  const int keep = lm_.order() - 2;
  uint64_t key = 0;
  for (int k = keep; k >= 1; --k) {
    const uint16_t id = previous.length >= k ? previous.ids[previous.length - k] : 0xFFFF;
    key = PushId(key, id);
  }
  return PushId(key, word);
}

void BeamDecoder::Step(const std::vector<Hypothesis>& from, std::span<const uint16_t> options,
                       std::span<const float> bias, std::vector<Hypothesis>* to) {
  extensions_.clear();
  float best = -std::numeric_limits<float>::infinity();
  for (uint32_t b = 0; b < from.size(); ++b) {
    for (size_t o = 0; o < options.size(); ++o) {
      const float score = from[b].score + lm_.LogProb(from[b].state, options[o]) + bias[o];
      extensions_.push_back({score, b, static_cast<uint8_t>(o)});
      best = std::max(best, score);
    }
  }
  if (extensions_.size() > 1) {
    std::sort(extensions_.begin(), extensions_.end(), [](const Extension& a, const Extension& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.back != b.back ? a.back < b.back : a.option < b.option;
    });
  }
  to->clear();
  uint64_t keys[256];
  for (const Extension& e : extensions_) {
    if (e.score < best - options_.beam_width || to->size() >= static_cast<size_t>(options_.beam_size)) break;
    const uint64_t key = RecombinationKey(from[e.back].state, options[e.option]);
    if (std::find(keys, keys + to->size(), key) != keys + to->size()) continue;
    keys[to->size()] = key;
    to->push_back({LmState{}, e.score, e.back, e.option});
  }
  for (Hypothesis& h : *to) h.state = lm_.Extend(from[h.back].state, options[h.option]);
}

void BeamDecoder::Decode(const Lattice& lattice, std::vector<uint8_t>* choice) {
  const size_t n = lattice.size();
  if (layers_.size() < n + 1) layers_.resize(n + 1);
  layers_[0].assign(1, Hypothesis{lm_.BeginState(), 0, 0, 0});
  for (size_t i = 0; i < n; ++i) Step(layers_[i], lattice.At(i), lattice.BiasAt(i), &layers_[i + 1]);
  const std::vector<Hypothesis>& last = layers_[n];
  uint32_t best = 0;
  float best_score = -std::numeric_limits<float>::infinity();
  for (uint32_t h = 0; h < last.size(); ++h) {
    const float score = last[h].score + lm_.LogProb(last[h].state, kEosId);
    if (score > best_score) {
      best_score = score;
      best = h;
    }
  }
  choice->resize(n);
  for (size_t i = n; i > 0; --i) {
    (*choice)[i - 1] = layers_[i][best].option;
    best = layers_[i][best].back;
  }
}

void BeamDecoder::Confidences(const Lattice& lattice, const std::vector<uint8_t>& choice,
                              std::vector<float>* confidence) const {
  const size_t n = lattice.size();
  const size_t span = static_cast<size_t>(lm_.order() - 1);  // later words this choice conditions
  confidence->assign(n, 1.0f);
  LmState before = lm_.BeginState();  // the state ahead of position i on the chosen line
  float scores[256];
  for (size_t i = 0; i < n; ++i) {
    const std::span<const uint16_t> options = lattice.At(i);
    if (options.size() > 1) {
      float top = -std::numeric_limits<float>::infinity();
      for (size_t o = 0; o < options.size(); ++o) {
        LmState state = lm_.Extend(before, options[o]);
        float total = lm_.LogProb(before, options[o]) + lattice.BiasAt(i)[o];
        for (size_t j = i + 1; j <= std::min(n, i + span); ++j) {
          const uint16_t word = j == n ? kEosId : lattice.At(j)[choice[j]];
          total += lm_.LogProb(state, word);
          if (j < n && j < i + span) state = lm_.Extend(state, word);
        }
        scores[o] = total;
        top = std::max(top, total);
      }
      double sum = 0;
      for (size_t o = 0; o < options.size(); ++o) sum += std::pow(10.0, scores[o] - top);
      (*confidence)[i] = static_cast<float>(std::pow(10.0, scores[choice[i]] - top) / sum);
    }
    before = lm_.Extend(before, lattice.At(i)[choice[i]]);
  }
}

}  // namespace lienthong::diacritics
