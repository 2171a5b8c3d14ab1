#include "import/parse/diacritics_restoration.h"

#include <algorithm>

#include "text/diacritics/restorer.h"
#include "text/diacritics/strip_diacritics.h"
#include "util/utf8.h"

namespace lienthong::parse {
namespace {

size_t TotalBytes(const std::vector<Line>& lines) {
  size_t bytes = 0;
  for (const Line& l : lines) {
    bytes += l.text.size() + 1;
    for (const std::string& c : l.cells) bytes += c.size() + 1;
  }
  return bytes;
}

// The byte offset of every code point, and the end.
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(pos);
    DecodeUtf8(text, &pos);
  }
  offsets.push_back(text.size());
  return offsets;
}

size_t IndexOf(const std::vector<size_t>& offsets, size_t byte) {
  return static_cast<size_t>(std::lower_bound(offsets.begin(), offsets.end(), byte) - offsets.begin());
}

// The marks of text flagged as missing its diacritics are an OCR engine's guesses ("Tuyén truyén
// Ké hoạch", "Lé Thị"): the whole text goes to the restorer without them, as the model reads best.
// "Đ" is the exception: OCR's "P" repaired to "Đ" (diacritics_detector.h), or a "Đ" OCR read, is a
// letter of its own, so it is put back after restoring wherever the text had it. Returns the
// stripped text and the code point indexes of its "Đ"/"đ".
std::u32string StripForRestoring(const std::string& text, std::vector<size_t>* d_at) {
  const std::u32string original = Utf8ToUtf32(text);
  std::u32string stripped = Utf8ToUtf32(diacritics::StripDiacritics(text));
  if (stripped.size() != original.size()) return original;  // not one to one: leave the marks
  for (size_t i = 0; i < original.size(); ++i) {
    if (original[i] == U'Đ' || original[i] == U'đ') d_at->push_back(i);
  }
  return stripped;
}

// Restores one piece; notes the uncertain words of the line's own text (cells repeat it).
Result<std::string> RestorePiece(DocumentRestorer& restorer, const std::string& text,
                                 size_t line_index, const Line& line, bool note_words,
                                 DiacriticsRestoration* out) {
  std::vector<size_t> d_at;
  const std::u32string input = StripForRestoring(text, &d_at);
  LT_ASSIGN_OR_RETURN(RestoreResult result, restorer.Restore(Utf32ToUtf8(input)));
  std::u32string restored = Utf8ToUtf32(result.text);
  for (size_t i : d_at) {
    if (i < restored.size() && (restored[i] == U'D' || restored[i] == U'd')) {
      restored[i] = restored[i] == U'D' ? U'Đ' : U'đ';
    }
  }
  // Restoring keeps every code point a code point (NFC has each Vietnamese letter precomposed),
  // so a word's code point range in the result is its range in the original.
  const std::vector<size_t> original_offsets = CodePointOffsets(text);
  const std::vector<size_t> result_offsets = CodePointOffsets(result.text);
  const bool aligned = original_offsets.size() == result_offsets.size() &&
                       restored.size() + 1 == result_offsets.size();
  if (aligned) {
    // A word the model does not know keeps the marks it was written with (a rare name).
    const std::u32string original = Utf8ToUtf32(text);
    for (const RestoredWord& w : result.words) {
      if (w.source != RestoreSource::kUnknown) continue;
      const size_t first = IndexOf(result_offsets, w.begin);
      const size_t last = IndexOf(result_offsets, w.end);
      std::copy(original.begin() + first, original.begin() + last, restored.begin() + first);
    }
  }
  if (!note_words) return Utf32ToUtf8(restored);
  for (const RestoredWord& w : result.words) {
    const size_t first = IndexOf(result_offsets, w.begin);
    const size_t last = IndexOf(result_offsets, w.end);
    const std::string word = aligned ? Utf32ToUtf8(restored.substr(first, last - first)) : "";
    const std::string before =
        aligned ? text.substr(original_offsets[first], original_offsets[last] - original_offsets[first])
                : "";
    const bool changed = aligned ? word != before : w.changed;
    if (changed) {
      ++out->changed_words;
      ++out->changed_per_line[line_index];
    }
    const bool uncertain = (w.source == RestoreSource::kModel && changed &&
                            w.confidence >= 0 && w.confidence < kUncertainRestoreConfidence) ||
                           w.source == RestoreSource::kUnknown;
    if (!uncertain) continue;
    ++out->uncertain_words;
    ++out->uncertain_per_line[line_index];
    if (out->uncertain.size() >= kMaxUncertainWordsListed || !aligned) continue;
    out->uncertain.push_back({line_index, line.pos, before, word, w.confidence});
  }
  return Utf32ToUtf8(restored);
}

}  // namespace

DiacriticsRestoration RestoreLostDiacritics(std::vector<Line>* lines) {
  DiacriticsRestoration out;
  if (TotalBytes(*lines) > kMaxRestoreBytes) {
    out.why_not = "the text is over the restorer's bound";
    return out;
  }
  Result<const DiacriticRestorer*> embedded = DiacriticRestorer::Embedded();
  if (!embedded.ok()) {
    out.why_not = embedded.status().message();
    return out;
  }
  RestoreOptions options;
  // OCR without a Vietnamese model also writes wrong marks ("Ké hoạch"): read those again.
  options.reread_unknown_words = true;
  DocumentRestorer restorer(**embedded, options);
  out.changed_per_line.assign(lines->size(), 0);
  out.uncertain_per_line.assign(lines->size(), 0);
  // Names are not learned from this text: the few marks it carries are an OCR engine's guesses
  // ("Ban Tuyén gido"), and a name learned from them would override the model.
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& line = (*lines)[i];
    Result<std::string> text = RestorePiece(restorer, line.text, i, line, true, &out);
    if (!text.ok()) {
      out.why_not = text.status().message();
      return out;
    }
    for (std::string& cell : line.cells) {
      Result<std::string> restored = RestorePiece(restorer, cell, i, line, false, &out);
      if (restored.ok()) cell = std::move(*restored);
    }
    if (*text != line.text) {
      out.originals.push_back({i, line.pos, line.text});
      line.SetText(std::move(*text));
    }
  }
  out.done = true;
  return out;
}

}  // namespace lienthong::parse
