// The per-line work of DocumentRestorer (restorer.h): tokenise, apply the list-marker and name
// rules, decode the rest with the language model, and write the chosen words back in place with
// the input's case. Keeps the list-marker state of one document between lines.
#pragma once

#include <string>
#include <vector>

#include "text/diacritics/beam_decoder.h"
#include "text/diacritics/document_cache.h"
#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/restorer.h"

namespace lienthong::diacritics {

struct WordOutcome {
  size_t begin = 0;  // code point offsets in the whole text
  size_t end = 0;
  float confidence = 1;
  RestoreSource source = RestoreSource::kKept;
  bool changed = false;
};

class LineRestorer {
 public:
  // `learned` and options.names (when set) must outlive this object.
  LineRestorer(const LanguageModel& lm, const RestoreOptions& options, const NameHints* learned);

  // Restores the line text[begin, end) in place (the length never changes) and appends one
  // outcome per word.
  void RestoreLine(std::u32string* text, size_t begin, size_t end, std::vector<WordOutcome>* out);

  // Two-pass decoding with a document cache (document_cache.h): the first pass records its
  // choices into `cache` (and computes no confidences); the second pass, over the same text,
  // decodes with the cache's bias. A segment is decoded again only when the bias prefers, at some
  // position, another word than the first pass chose; otherwise the first pass's line is still
  // the best one (the bias only adds to it) and is kept.
  void BeginFirstPass(DocumentCache* cache);
  void BeginSecondPass();
  void EndPasses();
  char32_t list_state() const { return last_marker_; }
  void set_list_state(char32_t marker) { last_marker_ = marker; }

 private:
  struct TokenPlan {
    bool is_word = false;
    bool plain = false;
    std::string key;         // words only
    std::u32string forced;   // lower-case word decided by a rule
    RestoreSource source = RestoreSource::kKept;
  };

  void PlanTokens(std::u32string_view line);
  void ApplyListMarker(std::u32string_view line);
  void ApplyNames(std::u32string_view line);
  size_t NameMatchLength(std::u32string_view line, size_t i, const NameHints::Name& name) const;
  bool StartsSentence(std::u32string_view line, size_t i) const;
  bool StartsCell(std::u32string_view line, size_t i) const;
  size_t SegmentEnd(std::u32string_view line, size_t begin) const;
  std::span<const uint16_t> OptionsFor(std::u32string_view line, size_t i);
  // Whether the second pass must decode the segment again; sets choice_ to the first pass's
  // choices when it need not.
  bool NeedsSecondDecode();
  void DecodeSegment(std::u32string* text, size_t line_begin, size_t begin, size_t end,
                     std::vector<WordOutcome>* out);

  const LanguageModel& lm_;
  RestoreOptions options_;
  const NameHints* learned_;
  BeamDecoder decoder_;
  char32_t last_marker_ = 0;  // letter of the last "x)" list marker seen
  enum class Pass { kOnly, kFirst, kSecond };
  Pass pass_ = Pass::kOnly;
  DocumentCache* cache_ = nullptr;
  std::vector<uint16_t> first_choices_;  // the first pass's word at each ambiguous position
  size_t first_cursor_ = 0;
  std::vector<float> cache_bias_;        // per lattice option, second pass only
  // Scratch, reused between lines.
  std::vector<LmToken> tokens_;
  std::vector<TokenPlan> plans_;
  Lattice lattice_;
  std::vector<uint8_t> choice_;
  std::vector<float> confidence_;
  std::vector<uint16_t> single_;
  std::vector<size_t> positions_;  // token index of each lattice position
};

}  // namespace lienthong::diacritics
