// Beam search for the most probable line: each position offers one or more word ids (the words
// sharing a diacritic-free key, or the one fixed word), and the language model scores the whole
// line <s> w1 … wn </s>. Hypotheses that end in the same last (order − 1) ids are merged (only
// the better can win), at most `beam_size` survive each position, and any more than
// `beam_width` log10 units behind the best is dropped.
//
// Confidence of the choice at a position: the choice's share of probability against the other
// options there, each scored with the chosen words around it (the next order − 1 words included,
// so a choice that makes its right-hand context unlikely loses).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "text/diacritics/language_model.h"

namespace lienthong::diacritics {

struct DecodeOptions {
  int beam_size = 16;
  float beam_width = 6.0f;
};

// A line to decode: position i offers ids[offsets[i] .. offsets[i+1]), at least one each, each
// with a log10 score added to the model's (evidence the model does not see, such as case).
struct Lattice {
  std::vector<uint16_t> ids;
  std::vector<float> bias;
  std::vector<uint32_t> offsets{0};

  size_t size() const { return offsets.size() - 1; }
  // Adds a position; `option_bias` is null (no bias) or has one value per option.
  void Add(std::span<const uint16_t> options, const float* option_bias = nullptr) {
    ids.insert(ids.end(), options.begin(), options.end());
    for (size_t o = 0; o < options.size(); ++o) bias.push_back(option_bias ? option_bias[o] : 0.0f);
    offsets.push_back(static_cast<uint32_t>(ids.size()));
  }
  std::span<const uint16_t> At(size_t i) const {
    return {ids.data() + offsets[i], ids.data() + offsets[i + 1]};
  }
  std::span<const float> BiasAt(size_t i) const {
    return {bias.data() + offsets[i], bias.data() + offsets[i + 1]};
  }
  void Clear() {
    ids.clear();
    bias.clear();
    offsets.assign(1, 0);
  }
};

class BeamDecoder {
 public:
  BeamDecoder(const LanguageModel& lm, DecodeOptions options) : lm_(lm), options_(options) {}

  // The index of the chosen option at each position of the best line.
  void Decode(const Lattice& lattice, std::vector<uint8_t>* choice);

  // The confidence in [0, 1] of each choice (1 where a position has one option).
  void Confidences(const Lattice& lattice, const std::vector<uint8_t>& choice,
                   std::vector<float>* confidence) const;

 private:
  struct Hypothesis {
    LmState state;
    float score = 0;
    uint32_t back = 0;   // index of the previous hypothesis in the previous layer
    uint8_t option = 0;  // which option of this position
  };
  struct Extension {
    float score;
    uint32_t back;
    uint8_t option;
  };

  void Step(const std::vector<Hypothesis>& from, std::span<const uint16_t> options,
            std::span<const float> bias, std::vector<Hypothesis>* to);
  uint64_t RecombinationKey(const LmState& previous, uint16_t word) const;

  const LanguageModel& lm_;
  DecodeOptions options_;
  std::vector<std::vector<Hypothesis>> layers_;
  std::vector<Extension> extensions_;
};

}  // namespace lienthong::diacritics
