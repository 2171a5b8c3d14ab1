// A read-only view of a diacritic model (model_format.h): a Kneser-Ney n-gram language model
// over lower-case syllables, punctuation and a few classes (<num>, <sym>, <url>), plus the table
// from a diacritic-free key ("hoa") to the words written with it (hóa, hoa, họa, hòa, …).
//
// The view points into bytes it does not own: the embedded model (embedded_model.h) or a file
// the caller keeps alive. Opening checks the header and that every section lies inside the
// bytes, so a truncated or foreign file is refused instead of read out of bounds.
//
// Thread safety: immutable after FromBytes; any number of threads may query it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/model_format.h"
#include "util/status.h"

namespace lienthong::diacritics {

// The last (order - 1) words of a hypothesis, newest last, with the backoff weights of its
// suffixes cached so scoring a next word needs no context lookups.
struct LmState {
  uint16_t ids[kMaxOrder - 1] = {};
  float backoff[kMaxOrder - 1] = {};  // backoff[k]: weight of the context of the last k+1 ids
  uint8_t length = 0;

  bool operator==(const LmState& other) const;
};

class LanguageModel {
 public:
  // REQUIRES: `bytes` outlives the model and is 8-byte aligned.
  static Result<LanguageModel> FromBytes(std::string_view bytes);

  int order() const { return static_cast<int>(header_->order); }
  uint32_t vocab_size() const { return header_->vocab_size; }
  uint32_t key_count() const { return header_->key_count; }
  size_t byte_size() const { return bytes_.size(); }

  // The id of a model form (lm_tokens.h), kUnkId when it is not in the vocabulary.
  uint16_t WordId(std::string_view form) const;
  std::string_view WordForm(uint16_t id) const;
  // The words whose key is `key`, most frequent first; empty for an unknown key.
  std::span<const uint16_t> Candidates(std::string_view key) const;

  float UnigramLogProb(uint16_t word) const { return unigrams_[word].log_prob; }

  // log10 p(the observed case | word); 0 for WordCase::kNeutral.
  float CaseLogLikelihood(uint16_t word, WordCase observed) const {
    if (observed == WordCase::kNeutral) return 0;
    return observed == WordCase::kCapital ? word_case_[word].capital : word_case_[word].lower;
  }

  // The state at the start of a line: just <s>.
  LmState BeginState() const;
  // log10 p(word | state).
  float LogProb(const LmState& state, uint16_t word) const;
  // The state after `word`.
  LmState Extend(const LmState& state, uint16_t word) const;

 private:
  LanguageModel() = default;
  template <typename T>
  const T* Section(ModelSection s) const {
    return reinterpret_cast<const T*>(bytes_.data() + header_->sections[s].offset);
  }
  // The entry of the n-gram `packed` (n ids), 0 when absent.
  uint32_t FindNgram(int n, uint64_t packed) const;

  std::string_view bytes_;
  const ModelHeader* header_ = nullptr;
  const uint32_t* word_offsets_ = nullptr;
  const char* word_chars_ = nullptr;
  const Unigram* unigrams_ = nullptr;
  const WordCaseOdds* word_case_ = nullptr;
  const uint32_t* word_slots_ = nullptr;
  const uint32_t* key_offsets_ = nullptr;
  const char* key_chars_ = nullptr;
  const uint32_t* key_slots_ = nullptr;
  const uint32_t* cand_offsets_ = nullptr;
  const uint16_t* cand_ids_ = nullptr;
  const char* ngrams_[kMaxOrder + 1] = {};
};

}  // namespace lienthong::diacritics
