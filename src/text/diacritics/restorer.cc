#include "text/diacritics/restorer.h"

#include <algorithm>

#include "text/diacritics/document_cache.h"
#include "text/diacritics/embedded_model.h"
#include "text/diacritics/line_restorer.h"
#include "text/normalize.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {
namespace {

using diacritics::WordOutcome;

bool IsLineBreak(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }

bool IsBlank(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == 0xA0; }

// How a line break at `brk` (ending the line that starts at `begin`) may continue: documents
// wrapped at a fixed width or in table cells ("Các bộ, ngành, địa" / "phương") read as one
// sentence, and the model needs the words on both sides.
enum class LineBreak {
  kEnds,          // an empty line, a sentence or clause end, or a list marker next
  kLowerNext,     // runs on into a lower-case word: a wrapped line
  kCapitalNext,   // runs on into a capitalised word: wrapped, or a heading then a new line
};

LineBreak ClassifyBreak(const std::u32string& text, size_t begin, size_t brk) {
  size_t last = brk;
  while (last > begin && IsBlank(text[last - 1])) --last;
  if (last == begin) return LineBreak::kEnds;
  const char32_t end_char = text[last - 1];
  if (end_char == '.' || end_char == ':' || end_char == ';' || end_char == '!' || end_char == '?') {
    return LineBreak::kEnds;
  }
  size_t next = brk + 1;
  while (next < text.size() && IsBlank(text[next])) ++next;
  if (next >= text.size()) return LineBreak::kEnds;
  const std::optional<LetterParts> letter = SplitLetter(text[next]);
  if (!letter) return LineBreak::kEnds;
  if (next + 1 < text.size() && (text[next + 1] == ')' || text[next + 1] == '.')) {
    return LineBreak::kEnds;  // "a)", "b.": a list item
  }
  size_t after = next + 1;
  while (after < text.size() && IsBlank(text[after])) ++after;
  if (after == text.size() || IsLineBreak(text[after])) return LineBreak::kEnds;  // a lone "x" tick
  return letter->upper ? LineBreak::kCapitalNext : LineBreak::kLowerNext;
}

// Breaks into capitalised words are joined only in text that is evidently wrapped: at least
// kWrappedShare of its line breaks run on into a lower-case word. Text with one paragraph per
// line has almost none, and there a capital after a break usually starts a new paragraph.
constexpr double kWrappedShare = 0.1;

std::vector<LineBreak> ClassifyBreaks(const std::u32string& text) {
  std::vector<LineBreak> breaks;
  size_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsLineBreak(text[i])) continue;
    breaks.push_back(ClassifyBreak(text, begin, i));
    begin = i + 1;
  }
  const auto lower = std::count(breaks.begin(), breaks.end(), LineBreak::kLowerNext);
  if (lower < 3 || static_cast<double>(lower) < kWrappedShare * static_cast<double>(breaks.size())) {
    std::replace(breaks.begin(), breaks.end(), LineBreak::kCapitalNext, LineBreak::kEnds);
  }
  return breaks;
}

// UTF-8 of `text`, with each outcome's code point range turned into a byte range.
RestoreResult Assemble(const std::u32string& text, const std::vector<WordOutcome>& outcomes) {
  RestoreResult result;
  result.text.reserve(text.size() + text.size() / 2);
  result.words.reserve(outcomes.size());
  size_t next = 0;     // the first outcome not yet begun
  size_t closing = 0;  // the first outcome not yet ended
  for (size_t i = 0; i <= text.size(); ++i) {
    if (closing < next && outcomes[closing].end == i) result.words[closing++].end = result.text.size();
    if (next < outcomes.size() && outcomes[next].begin == i) {
      const WordOutcome& o = outcomes[next++];
      result.words.push_back({.begin = result.text.size(), .end = result.text.size(),
                              .confidence = o.confidence, .source = o.source, .changed = o.changed});
    }
    if (i < text.size()) AppendUtf8(text[i], &result.text);
  }
  return result;
}

}  // namespace

std::string_view RestoreSourceName(RestoreSource source) {
  switch (source) {
    case RestoreSource::kModel: return "model";
    case RestoreSource::kName: return "name";
    case RestoreSource::kListMarker: return "list-marker";
    case RestoreSource::kKept: return "kept";
    case RestoreSource::kUnknown: return "unknown";
  }
  return "kept";
}

Result<DiacriticRestorer> DiacriticRestorer::FromModelBytes(std::string_view bytes) {
  LT_ASSIGN_OR_RETURN(diacritics::LanguageModel model, diacritics::LanguageModel::FromBytes(bytes));
  return DiacriticRestorer(model);
}

Result<const DiacriticRestorer*> DiacriticRestorer::Embedded() {
  static const Result<DiacriticRestorer> kEmbedded = FromModelBytes(diacritics::EmbeddedModelBytes());
  if (!kEmbedded.ok()) return kEmbedded.status().WithContext("embedded model");
  return &kEmbedded.value();
}

Result<RestoreResult> DiacriticRestorer::Restore(std::string_view text,
                                                 const RestoreOptions& options) const {
  DocumentRestorer document(*this, options);
  if (options.learn_names_from_text) document.LearnNames(text);
  return document.Restore(text);
}

DocumentRestorer::DocumentRestorer(const DiacriticRestorer& restorer, RestoreOptions options)
    : restorer_(restorer),
      options_(options),
      cache_(std::make_unique<diacritics::DocumentCache>(restorer.model())),
      lines_(std::make_unique<diacritics::LineRestorer>(restorer.model(), options_, &learned_)) {}

DocumentRestorer::~DocumentRestorer() = default;

void DocumentRestorer::LearnNames(std::string_view text) {
  if (text.size() <= kMaxRestoreBytes) learned_.LearnFromText(text);
}

Result<RestoreResult> DocumentRestorer::Restore(std::string_view text) {
  if (text.size() > kMaxRestoreBytes) {
    return Status::TooLarge("text to restore is " + std::to_string(text.size()) +
                            " bytes; the limit is " + std::to_string(kMaxRestoreBytes));
  }
  const std::u32string input = Utf8ToUtf32(ToNfc(text));
  const std::vector<LineBreak> breaks = ClassifyBreaks(input);
  std::u32string code_points = input;
  std::vector<WordOutcome> outcomes;
  const char32_t list_state = lines_->list_state();
  auto pass = [&] {
    size_t line_begin = 0, break_index = 0;
    for (size_t i = 0; i <= code_points.size(); ++i) {
      if (i < code_points.size() && !IsLineBreak(code_points[i])) continue;
      if (i < code_points.size() && breaks[break_index++] != LineBreak::kEnds) continue;
      lines_->RestoreLine(&code_points, line_begin, i, &outcomes);
      line_begin = i + 1;
    }
  };
  if (options_.document_cache) {
    lines_->BeginFirstPass(cache_.get());
    pass();
    code_points = input;
    outcomes.clear();
    lines_->set_list_state(list_state);
    lines_->BeginSecondPass();
    pass();
    lines_->EndPasses();
  } else {
    pass();
  }
  return Assemble(code_points, outcomes);
}

Result<RestoreResult> RestoreDiacritics(std::string_view text) {
  LT_ASSIGN_OR_RETURN(const DiacriticRestorer* restorer, DiacriticRestorer::Embedded());
  return restorer->Restore(text);
}

}  // namespace lienthong
