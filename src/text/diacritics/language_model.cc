#include "text/diacritics/language_model.h"

#include <cstring>

namespace lienthong::diacritics {
namespace {

Status Corrupt(std::string_view what) {
  return Status::InvalidArgument("diacritic model: " + std::string(what));
}

// Bytes each section must hold, given the header's counts (0: any size).
uint64_t ExpectedSectionSize(const ModelHeader& h, int section) {
  switch (section) {
    case kWordOffsets: return (uint64_t{h.vocab_size} + 1) * 4;
    case kUnigrams: return uint64_t{h.vocab_size} * sizeof(Unigram);
    case kWordCase: return uint64_t{h.vocab_size} * sizeof(WordCaseOdds);
    case kWordSlots: return uint64_t{h.word_slots} * 4;
    case kKeyOffsets:
    case kCandOffsets: return (uint64_t{h.key_count} + 1) * 4;
    case kKeySlots: return uint64_t{h.key_slots} * 4;
    default: break;
  }
  if (section >= kNgrams2) {
    const int n = section - kNgrams2 + 2;
    return n <= static_cast<int>(h.order)
               ? NgramTableBytes(h.ngram_slots[n], n == static_cast<int>(h.order))
               : 0;
  }
  return 0;
}

Status CheckHeader(const ModelHeader& h, size_t size) {
  if (std::memcmp(h.magic, kModelMagic, sizeof(kModelMagic)) != 0) return Corrupt("bad magic");
  if (h.version != kModelVersion) return Corrupt("unsupported version");
  if (h.order < 2 || h.order > kMaxOrder) return Corrupt("bad order");
  if (h.vocab_size <= kEosId || h.vocab_size > kMaxVocab) return Corrupt("bad vocabulary size");
  if (h.file_size != size) return Corrupt("truncated");
  if (h.word_slots == 0 || h.key_slots == 0) return Corrupt("empty hash table");
  for (uint32_t n = 2; n <= h.order; ++n) {
    if (h.ngram_slots[n] == 0) return Corrupt("empty n-gram table");
  }
  for (int s = 0; s < kSectionCount; ++s) {
    const SectionRef& ref = h.sections[s];
    if (ref.offset % 8 != 0 || ref.offset < sizeof(ModelHeader) || ref.offset > size ||
        ref.size > size - ref.offset) {
      return Corrupt("section out of bounds");
    }
    const uint64_t expected = ExpectedSectionSize(h, s);
    if (expected != 0 && ref.size != expected) return Corrupt("section of the wrong size");
  }
  return Status::Ok();
}

// Offsets must rise and stay inside their blob.
bool OffsetsValid(const uint32_t* offsets, uint32_t count, uint64_t blob_size) {
  if (offsets[0] != 0) return false;
  for (uint32_t i = 0; i < count; ++i) {
    if (offsets[i + 1] < offsets[i]) return false;
  }
  return offsets[count] <= blob_size;
}

float Level(const float* levels, uint32_t index) { return levels[index & 0xFF]; }

}  // namespace

bool LmState::operator==(const LmState& other) const {
  if (length != other.length) return false;
  for (int i = 0; i < length; ++i) {
    if (ids[i] != other.ids[i]) return false;
  }
  return true;
}

Result<LanguageModel> LanguageModel::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(ModelHeader)) return Corrupt("truncated");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0) return Corrupt("misaligned");
  LanguageModel m;
  m.bytes_ = bytes;
  m.header_ = reinterpret_cast<const ModelHeader*>(bytes.data());
  LT_RETURN_IF_ERROR(CheckHeader(*m.header_, bytes.size()));
  const ModelHeader& h = *m.header_;
  m.word_offsets_ = m.Section<uint32_t>(kWordOffsets);
  m.word_chars_ = m.Section<char>(kWordChars);
  m.unigrams_ = m.Section<Unigram>(kUnigrams);
  m.word_case_ = m.Section<WordCaseOdds>(kWordCase);
  m.word_slots_ = m.Section<uint32_t>(kWordSlots);
  m.key_offsets_ = m.Section<uint32_t>(kKeyOffsets);
  m.key_chars_ = m.Section<char>(kKeyChars);
  m.key_slots_ = m.Section<uint32_t>(kKeySlots);
  m.cand_offsets_ = m.Section<uint32_t>(kCandOffsets);
  m.cand_ids_ = m.Section<uint16_t>(kCandIds);
  for (uint32_t n = 2; n <= h.order; ++n) m.ngrams_[n] = m.Section<char>(ModelSection(kNgrams2 + n - 2));
  if (!OffsetsValid(m.word_offsets_, h.vocab_size, h.sections[kWordChars].size) ||
      !OffsetsValid(m.key_offsets_, h.key_count, h.sections[kKeyChars].size) ||
      !OffsetsValid(m.cand_offsets_, h.key_count, h.sections[kCandIds].size / 2)) {
    return Corrupt("bad offsets");
  }
  for (uint32_t i = 0; i < m.cand_offsets_[h.key_count]; ++i) {
    if (m.cand_ids_[i] >= h.vocab_size) return Corrupt("bad candidate id");
  }
  for (uint32_t i = 0; i < h.word_slots; ++i) {
    if (m.word_slots_[i] > h.vocab_size) return Corrupt("bad word slot");
  }
  for (uint32_t i = 0; i < h.key_slots; ++i) {
    if (m.key_slots_[i] > h.key_count) return Corrupt("bad key slot");
  }
  return m;
}

std::string_view LanguageModel::WordForm(uint16_t id) const {
  if (id >= header_->vocab_size) return {};
  return {word_chars_ + word_offsets_[id], word_offsets_[id + 1] - word_offsets_[id]};
}

uint16_t LanguageModel::WordId(std::string_view form) const {
  const uint32_t slots = header_->word_slots;
  uint32_t i = FastRange(HashString(form), slots);
  for (uint32_t probes = 0; probes < slots; ++probes) {
    const uint32_t v = word_slots_[i];
    if (v == 0) break;
    if (WordForm(static_cast<uint16_t>(v - 1)) == form) return static_cast<uint16_t>(v - 1);
    if (++i == slots) i = 0;
  }
  return kUnkId;
}

std::span<const uint16_t> LanguageModel::Candidates(std::string_view key) const {
  const uint32_t slots = header_->key_slots;
  uint32_t i = FastRange(HashString(key), slots);
  for (uint32_t probes = 0; probes < slots; ++probes) {
    const uint32_t v = key_slots_[i];
    if (v == 0) break;
    const uint32_t k = v - 1;
    const std::string_view stored(key_chars_ + key_offsets_[k], key_offsets_[k + 1] - key_offsets_[k]);
    if (stored == key) {
      return {cand_ids_ + cand_offsets_[k], cand_ids_ + cand_offsets_[k + 1]};
    }
    if (++i == slots) i = 0;
  }
  return {};
}

uint32_t LanguageModel::FindNgram(int n, uint64_t packed) const {
  const uint64_t h = Mix64(packed);
  const uint32_t slots = header_->ngram_slots[n];
  const char* table = ngrams_[n];
  const bool top = n == order();
  const uint32_t fp = Fingerprint(h);
  const int shift = top ? 8 : 16;
  const size_t stride = top ? 3 : 4;
  const uint32_t mask = top ? 0xFFFFFF : 0xFFFFFFFF;
  uint32_t i = FastRange(h, slots);
  for (uint32_t probes = 0; probes < slots; ++probes) {
    uint32_t e;
    std::memcpy(&e, table + i * stride, 4);  // the top table's padding byte keeps this in bounds
    e &= mask;
    if (e == 0) return 0;
    if ((e >> shift) == fp) return e;
    if (++i == slots) i = 0;
  }
  return 0;
}

LmState LanguageModel::BeginState() const {
  LmState s;
  s.ids[0] = kBosId;
  s.backoff[0] = unigrams_[kBosId].backoff;
  s.length = 1;
  return s;
}

float LanguageModel::LogProb(const LmState& state, uint16_t word) const {
  float backoff = 0;
  for (int k = state.length; k >= 1; --k) {
    uint64_t packed = 0;
    for (int i = state.length - k; i < state.length; ++i) packed = PushId(packed, state.ids[i]);
    const uint32_t e = FindNgram(k + 1, PushId(packed, word));
    if (e != 0) {
      const uint32_t prob = k + 1 == order() ? e : e >> 8;
      return Level(header_->prob_levels[k + 1], prob) + backoff;
    }
    backoff += state.backoff[k - 1];
  }
  return unigrams_[word].log_prob + backoff;
}

LmState LanguageModel::Extend(const LmState& state, uint16_t word) const {
  const int keep = order() - 1;
  uint16_t ids[kMaxOrder];
  int length = 0;
  for (int i = 0; i < state.length; ++i) ids[length++] = state.ids[i];
  ids[length++] = word;
  const int drop = length > keep ? length - keep : 0;
  LmState next;
  // The longest suffix that is itself a context in the model; longer ones cannot be extended
  // (the builder keeps every prefix of a stored n-gram), so they are dropped from the state.
  next.backoff[0] = unigrams_[word].backoff;
  int usable = 1;
  uint64_t packed = word;
  for (int k = 2; k <= length - drop; ++k) {
    packed |= uint64_t{ids[length - k]} << (16 * (k - 1));
    const uint32_t e = FindNgram(k, packed);
    if (e == 0) break;
    next.backoff[k - 1] = Level(header_->backoff_levels[k], e);
    usable = k;
  }
  next.length = static_cast<uint8_t>(usable);
  for (int i = 0; i < usable; ++i) next.ids[i] = ids[length - usable + i];
  return next;
}

}  // namespace lienthong::diacritics
