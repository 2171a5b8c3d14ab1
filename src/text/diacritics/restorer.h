// Restores the diacritics of Vietnamese text typed or OCR'd without them:
//
//   RestoreDiacritics("UBND tinh Dak Lak ban hanh Ke hoach so 120/KH-UBND")
//     -> "UBND tỉnh Đắk Lắk ban hành Kế hoạch số 120/KH-UBND"
//
// Every word written in plain ASCII letters whose diacritic-free key the model knows is replaced
// by the most probable word with that key in context (a syllable n-gram model with Kneser-Ney
// smoothing and a beam search; see docs/diacritics.md). Everything else is kept as written: case
// (per letter), spacing, punctuation, numbers, document symbols (KH-UBND, QĐ-TTg: their letter
// runs are keys the model knows as such), URLs and e-mail addresses, and every word that already
// carries a diacritic. Output is NFC, with tones in the traditional place (hòa, thủy: the form
// MatchKey uses) unless RestoreOptions::tone_style says otherwise.
//
// Rules on top of the model, both per document:
//  * names (name_hints.h): unit names the caller passes in, and capitalised names the document
//    writes with diacritics, win where their keys and capitals match;
//  * list markers: a line starting "d)" is "đ)" when the previous marker was "d)" (Vietnamese
//    lists run a, b, c, d, đ, e, …); other one-letter markers ("a)") stay as written.
//
// Bounded work: input over kMaxRestoreBytes is refused; time and memory are linear in the input
// (the beam is bounded and lines are decoded in segments of at most kMaxSegmentTokens tokens).
// Ill-formed UTF-8 becomes U+FFFD, as in ToNfc.
//
// Thread safety: a DiacriticRestorer is immutable and may be shared; a DocumentRestorer holds one
// document's state and belongs to one thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/diacritics/language_model.h"
#include "text/diacritics/name_hints.h"
#include "text/tone_style.h"
#include "util/status.h"

namespace lienthong {

namespace diacritics {
class DocumentCache;
class LineRestorer;
}

inline constexpr size_t kMaxRestoreBytes = 16 << 20;
inline constexpr size_t kMaxSegmentTokens = 2048;

enum class RestoreSource : uint8_t {
  kModel,       // chosen by the language model among the words sharing its key
  kName,        // a name hint decided it
  kListMarker,  // the list-marker rule decided it
  kKept,        // already carried diacritics: left as written
  kUnknown,     // plain letters the model has no word for: left as written
};

// "model", "name", "list-marker", "kept", "unknown": for JSON and messages.
std::string_view RestoreSourceName(RestoreSource source);

struct RestoredWord {
  size_t begin = 0;  // byte range in RestoreResult::text
  size_t end = 0;
  // How sure the restorer is that this is the intended word: for kModel the word's share of
  // probability against the other words with its key in the same context; 1 for kName,
  // kListMarker and kKept; 0 for kUnknown (a person should look at it). −1 for kModel words when
  // RestoreOptions::confidence is false.
  float confidence = 1;
  RestoreSource source = RestoreSource::kKept;
  bool changed = false;  // differs from the input word
};

struct RestoreResult {
  std::string text;                 // NFC
  std::vector<RestoredWord> words;  // every word (letter run), in order
};

struct RestoreOptions {
  ToneStyle tone_style = ToneStyle::kTraditional;
  // A gazetteer, e.g. the names of the units table; must outlive the restore calls.
  const diacritics::NameHints* names = nullptr;
  bool learn_names_from_text = true;  // DiacriticRestorer::Restore only
  bool confidence = true;             // false skips the confidence computation (faster)
  // Decode twice, the second time leaning towards the words the first pass chose elsewhere in
  // the same text for the same key (document_cache.h). Twice the work.
  bool document_cache = true;
  // OCR without a Vietnamese model also writes wrong marks ("Tuyén truyén Ké hoạch"): with this,
  // a marked word the model has never seen is read as if it had no marks and restored (when its
  // key is known). Off by default: words that carry diacritics are kept as written.
  bool reread_unknown_words = false;
  int beam_size = 8;                  // 1..64; 16 or 64 score no better on the quality bench
};

class DiacriticRestorer {
 public:
  // A restorer over a model file's bytes (model_format.h); `bytes` must outlive it.
  static Result<DiacriticRestorer> FromModelBytes(std::string_view bytes);
  // The model that ships in the binary (data/diacritics-vi.model).
  static Result<const DiacriticRestorer*> Embedded();

  // Restores one document or span. Names written with diacritics anywhere in `text` win (unless
  // options.learn_names_from_text is false).
  Result<RestoreResult> Restore(std::string_view text, const RestoreOptions& options = {}) const;

  const diacritics::LanguageModel& model() const { return model_; }

 private:
  explicit DiacriticRestorer(diacritics::LanguageModel model) : model_(model) {}
  diacritics::LanguageModel model_;
};

// One document restored in pieces (e.g. the importer's blocks), sharing its name hints, its
// list-marker state and its document cache across calls (a piece leans on the words chosen in the
// pieces before it and in itself).
class DocumentRestorer {
 public:
  DocumentRestorer(const DiacriticRestorer& restorer, RestoreOptions options);
  ~DocumentRestorer();

  // Learns the names `text` writes with diacritics; call it with the whole document first.
  void LearnNames(std::string_view text);
  // Restores the next piece of the document.
  Result<RestoreResult> Restore(std::string_view text);

 private:
  const DiacriticRestorer& restorer_;
  RestoreOptions options_;
  diacritics::NameHints learned_;
  std::unique_ptr<diacritics::DocumentCache> cache_;
  std::unique_ptr<diacritics::LineRestorer> lines_;
};

// Restore(text) with the embedded model and default options.
Result<RestoreResult> RestoreDiacritics(std::string_view text);

}  // namespace lienthong
