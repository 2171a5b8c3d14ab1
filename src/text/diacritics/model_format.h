// The byte layout of a diacritic model file, shared by the writer (model_writer.cc) and the
// reader (language_model.cc). The file is used in place — embedded in the binary or mapped from
// disk — so loading is a header check and a few pointer sums, never a parse.
//
// All integers are little-endian, every section starts on an 8-byte boundary:
//
//   ModelHeader
//   word offsets    uint32[vocab + 1]   into word chars: the model form of word id i
//   word chars      UTF-8
//   unigrams        Unigram[vocab]      log10 p(w) and the backoff weight of context (w)
//   word case       WordCaseOdds[vocab] how likely w is capitalised inside a sentence
//   word slots      uint32[word_slots]  open-addressing table form -> id + 1 (0 = empty)
//   key offsets     uint32[keys + 1]    into key chars: "hoa", "tinh", …
//   key chars       ASCII
//   key slots       uint32[key_slots]   open-addressing table key -> key index + 1
//   cand offsets    uint32[keys + 1]    into cand ids
//   cand ids        uint16[]            the words with that key, most frequent first
//   n-grams 2..N-1  uint32[slots]       open-addressing tables of n-gram entries (below)
//   n-grams N       uint8[3·slots + 1]  the same with 3-byte entries (and a byte of padding)
//
// An n-gram of ids w1..wn (16-bit ids, so up to 4-grams pack into 64 bits) hashes to
// h = Mix64(PackIds(w1..wn)); slot = FastRange(h, slots), linear probing. Below the highest
// order an entry is 32 bits [fingerprint:16 | prob:8 | backoff:8]; at the highest order, which
// has no backoff and the most entries, 24 bits [fingerprint:16 | prob:8]. prob and backoff are
// indexes into the header's 256-level tables. A fingerprint is never 0, so 0 marks an empty slot.
// A query for an absent n-gram wrongly matches with probability about (probes × 2^-16), which
// only blurs that one probability.
#pragma once

#include <cstdint>
#include <string_view>

namespace lienthong::diacritics {

inline constexpr char kModelMagic[8] = {'L', 'T', 'D', 'I', 'A', 'C', 'R', '1'};
inline constexpr uint32_t kModelVersion = 1;
inline constexpr int kMaxOrder = 4;
inline constexpr uint32_t kMaxVocab = 65535;  // ids fit in 16 bits
inline constexpr int kLevels = 256;           // quantisation levels of probs and backoffs

// Reserved word ids.
inline constexpr uint16_t kUnkId = 0;
inline constexpr uint16_t kBosId = 1;  // <s>, the start of a line
inline constexpr uint16_t kEosId = 2;  // </s>, the end of a line

enum ModelSection : int {
  kWordOffsets,
  kWordChars,
  kUnigrams,
  kWordCase,
  kWordSlots,
  kKeyOffsets,
  kKeyChars,
  kKeySlots,
  kCandOffsets,
  kCandIds,
  kNgrams2,  // kNgrams2 + (n - 2) for order n
  kSectionCount = kNgrams2 + kMaxOrder - 1,
};

struct SectionRef {
  uint64_t offset = 0;  // from the start of the file
  uint64_t size = 0;    // bytes
};

struct Unigram {
  float log_prob = 0;
  float backoff = 0;
};

// log10 p(written with a capital | w) and log10 p(written in lower case | w), for a word inside a
// sentence (lm_tokens.h ObservedCase). "Lộc", "Nga" are names far more often than "lọc", "ngã".
struct WordCaseOdds {
  float capital = 0;
  float lower = 0;
};

struct ModelHeader {
  char magic[8];
  uint32_t version = kModelVersion;
  uint32_t order = 0;
  uint32_t vocab_size = 0;
  uint32_t key_count = 0;
  uint32_t word_slots = 0;
  uint32_t key_slots = 0;
  uint32_t ngram_slots[kMaxOrder + 1] = {};  // index n = order n (2..order used)
  uint32_t ngram_count[kMaxOrder + 1] = {};
  uint64_t file_size = 0;
  SectionRef sections[kSectionCount] = {};
  float prob_levels[kMaxOrder + 1][kLevels] = {};
  float backoff_levels[kMaxOrder + 1][kLevels] = {};
};

// splitmix64's finaliser: every input bit moves every output bit.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a, then mixed; for word forms and keys.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return Mix64(h);
}

// Maps a hash onto [0, slots) without a division (Lemire's fast range).
inline uint32_t FastRange(uint64_t hash, uint32_t slots) {
  return static_cast<uint32_t>(((hash & 0xFFFFFFFFULL) * slots) >> 32);
}

inline uint32_t Fingerprint(uint64_t hash) {
  const auto fp = static_cast<uint32_t>(hash >> 48);
  return fp == 0 ? 1 : fp;
}

// Bytes of an n-gram table of `slots` slots.
inline uint64_t NgramTableBytes(uint32_t slots, bool top) {
  return top ? uint64_t{slots} * 3 + 1 : uint64_t{slots} * 4;
}

// Oldest id in the highest bits, so n-grams sharing a context sort together.
inline uint64_t PushId(uint64_t packed, uint16_t id) { return (packed << 16) | id; }

}  // namespace lienthong::diacritics
