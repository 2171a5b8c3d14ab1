#include "text/diacritics/model_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace lienthong::diacritics {
namespace {

static_assert(std::is_trivially_copyable_v<ModelHeader>);
static_assert(std::is_trivially_copyable_v<Unigram> && sizeof(Unigram) == 8);

// 256 levels, each the mean of an equal-population bin of the sorted values; a value is stored
// as the index of the nearest level.
class Quantiser {
 public:
  explicit Quantiser(std::vector<float> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    for (int b = 0; b < kLevels && n > 0; ++b) {
      const size_t begin = n * b / kLevels, end = n * (b + 1) / kLevels;
      if (begin == end) continue;
      double sum = 0;
      for (size_t i = begin; i < end; ++i) sum += values[i];
      const auto mean = static_cast<float>(sum / static_cast<double>(end - begin));
      if (levels_.empty() || levels_.back() != mean) levels_.push_back(mean);
    }
    if (levels_.empty()) levels_.push_back(0);
    for (size_t i = 1; i < levels_.size(); ++i) bounds_.push_back((levels_[i - 1] + levels_[i]) / 2);
  }
  uint32_t Index(float v) const {
    return static_cast<uint32_t>(std::upper_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin());
  }
  void CopyLevels(float* out) const {
    for (int i = 0; i < kLevels; ++i) out[i] = levels_[std::min<size_t>(i, levels_.size() - 1)];
  }

 private:
  std::vector<float> levels_;
  std::vector<float> bounds_;
};

uint32_t SlotsFor(size_t count, double load) {
  return static_cast<uint32_t>(std::max<double>(1.0, std::ceil(static_cast<double>(count) / load)));
}

std::vector<uint32_t> NgramTable(const std::vector<NgramProb>& list, bool top,
                                 const Quantiser& prob, const Quantiser& backoff, double load) {
  std::vector<uint32_t> table(SlotsFor(list.size() + 1, load), 0);
  const auto slots = static_cast<uint32_t>(table.size());
  for (const NgramProb& e : list) {
    const uint64_t h = Mix64(e.packed);
    uint32_t i = FastRange(h, slots);
    while (table[i] != 0) i = i + 1 == slots ? 0 : i + 1;
    table[i] = top ? (Fingerprint(h) << 8) | prob.Index(e.log_prob)
                   : (Fingerprint(h) << 16) | (prob.Index(e.log_prob) << 8) |
                         backoff.Index(e.backoff);
  }
  return table;
}

// Open addressing from HashString(name(i)) to i + 1, at half load.
template <typename NameOf>
std::vector<uint32_t> StringTable(size_t count, NameOf name) {
  std::vector<uint32_t> table(SlotsFor(count + 1, 0.5), 0);
  const auto slots = static_cast<uint32_t>(table.size());
  for (size_t id = 0; id < count; ++id) {
    uint32_t i = FastRange(HashString(name(id)), slots);
    while (table[i] != 0) i = i + 1 == slots ? 0 : i + 1;
    table[i] = static_cast<uint32_t>(id + 1);
  }
  return table;
}

class FileWriter {
 public:
  FileWriter() : bytes_(sizeof(ModelHeader), '\0') {}
  template <typename T>
  void Add(ModelSection section, const std::vector<T>& items) {
    Add(section, items.data(), items.size() * sizeof(T));
  }
  void Add(ModelSection section, const void* data, size_t size) {
    bytes_.resize((bytes_.size() + 7) / 8 * 8, '\0');
    header_.sections[section] = {bytes_.size(), size};
    bytes_.append(static_cast<const char*>(data), size);
  }
  ModelHeader& header() { return header_; }
  std::string Finish() {
    bytes_.resize((bytes_.size() + 7) / 8 * 8, '\0');
    header_.file_size = bytes_.size();
    std::memcpy(bytes_.data(), &header_, sizeof(header_));
    return std::move(bytes_);
  }

 private:
  ModelHeader header_{};
  std::string bytes_;
};

// Offsets and concatenated bytes of a list of strings.
template <typename NameOf>
void AddStrings(FileWriter* w, ModelSection offsets_section, ModelSection chars_section,
                size_t count, NameOf name) {
  std::vector<uint32_t> offsets{0};
  std::string chars;
  for (size_t i = 0; i < count; ++i) {
    chars += name(i);
    offsets.push_back(static_cast<uint32_t>(chars.size()));
  }
  w->Add(offsets_section, offsets);
  w->Add(chars_section, chars.data(), chars.size());
}

}  // namespace

std::string WriteModel(const ModelContents& c) {
  FileWriter w;
  ModelHeader& h = w.header();
  std::memcpy(h.magic, kModelMagic, sizeof(kModelMagic));
  h.version = kModelVersion;
  h.order = static_cast<uint32_t>(c.lm.order);
  h.vocab_size = static_cast<uint32_t>(c.forms.size());
  h.key_count = static_cast<uint32_t>(c.keys.size());

  AddStrings(&w, kWordOffsets, kWordChars, c.forms.size(), [&](size_t i) { return c.forms[i]; });
  w.Add(kUnigrams, c.lm.unigrams);
  w.Add(kWordCase, c.word_case);
  const auto word_slots = StringTable(c.forms.size(), [&](size_t i) { return c.forms[i]; });
  h.word_slots = static_cast<uint32_t>(word_slots.size());
  w.Add(kWordSlots, word_slots);

  AddStrings(&w, kKeyOffsets, kKeyChars, c.keys.size(), [&](size_t i) { return c.keys[i].first; });
  const auto key_slots = StringTable(c.keys.size(), [&](size_t i) { return c.keys[i].first; });
  h.key_slots = static_cast<uint32_t>(key_slots.size());
  w.Add(kKeySlots, key_slots);
  std::vector<uint32_t> cand_offsets{0};
  std::vector<uint16_t> cand_ids;
  for (const auto& [key, ids] : c.keys) {
    cand_ids.insert(cand_ids.end(), ids.begin(), ids.end());
    cand_offsets.push_back(static_cast<uint32_t>(cand_ids.size()));
  }
  w.Add(kCandOffsets, cand_offsets);
  w.Add(kCandIds, cand_ids);

  for (int n = 2; n <= c.lm.order; ++n) {
    const std::vector<NgramProb>& list = c.lm.ngrams[n];
    const bool top = n == c.lm.order;
    std::vector<float> probs, backoffs;
    for (const NgramProb& e : list) {
      probs.push_back(e.log_prob);
      if (!top) backoffs.push_back(e.backoff);
    }
    const Quantiser prob(std::move(probs)), backoff(std::move(backoffs));
    prob.CopyLevels(h.prob_levels[n]);
    backoff.CopyLevels(h.backoff_levels[n]);
    const auto table = NgramTable(list, top, prob, backoff, c.ngram_table_load);
    h.ngram_slots[n] = static_cast<uint32_t>(table.size());
    h.ngram_count[n] = static_cast<uint32_t>(list.size());
    if (!top) {
      w.Add(ModelSection(kNgrams2 + n - 2), table);
      continue;
    }
    std::string packed;  // 3 bytes a slot, little-endian, and one byte of padding
    packed.reserve(NgramTableBytes(h.ngram_slots[n], true));
    for (const uint32_t entry : table) {
      for (int b = 0; b < 3; ++b) packed.push_back(static_cast<char>((entry >> (8 * b)) & 0xFF));
    }
    packed.push_back('\0');
    w.Add(ModelSection(kNgrams2 + n - 2), packed.data(), packed.size());
  }
  for (int n = c.lm.order + 1; n <= kMaxOrder; ++n) w.Add(ModelSection(kNgrams2 + n - 2), "", 0);
  return w.Finish();
}

}  // namespace lienthong::diacritics
