#include "text/diacritics/line_restorer.h"

#include <algorithm>

#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::diacritics {
namespace {

// More options than this at one position are never useful (the model keeps at most 16).
constexpr size_t kMaxOptions = 32;

// Weights of the evidence the language model does not see, against it (1 would be the Bayesian
// weight of an independent observation; the models are not independent, and half did best on the
// quality bench): the case of a word inside a sentence, and the document cache.
constexpr float kCaseWeight = 0.5f;
constexpr float kCacheWeight = 0.5f;

bool StartsWithCapital(std::u32string_view line, const LmToken& t) {
  const std::optional<LetterParts> parts = SplitLetter(line[t.begin]);
  return parts && parts->upper;
}

bool IsPunct(std::u32string_view line, const LmToken& t, std::u32string_view chars) {
  return t.kind == LmTokenKind::kPunct && chars.find(line[t.begin]) != std::u32string_view::npos;
}

// Writes the lower-case word `form` over text[begin, begin + form.size()), keeping each letter's
// case, and re-places the tone for the modern style when asked. Returns whether anything changed.
bool WriteWord(std::u32string* text, size_t begin, std::u32string_view form, ToneStyle style) {
  std::u32string word(form);
  for (size_t k = 0; k < word.size(); ++k) {
    const LetterParts in = *SplitLetter((*text)[begin + k]);
    const LetterParts out = *SplitLetter(word[k]);
    word[k] = ComposeLetter(out.base, out.tone, in.upper);
  }
  if (style != ToneStyle::kTraditional) PlaceTones(&word, style);
  const bool changed = text->compare(begin, word.size(), word) != 0;
  text->replace(begin, word.size(), word);
  return changed;
}

}  // namespace

LineRestorer::LineRestorer(const LanguageModel& lm, const RestoreOptions& options,
                           const NameHints* learned)
    : lm_(lm),
      options_(options),
      learned_(learned),
      decoder_(lm, DecodeOptions{.beam_size = std::clamp(options.beam_size, 1, 64)}) {}

void LineRestorer::PlanTokens(std::u32string_view line) {
  plans_.assign(tokens_.size(), TokenPlan{});
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const LmToken& t = tokens_[i];
    if (t.kind != LmTokenKind::kWord) continue;
    plans_[i].is_word = true;
    plans_[i].plain = t.plain;
    plans_[i].key = WordKey(line.substr(t.begin, t.end - t.begin));
    if (!t.plain && options_.reread_unknown_words && lm_.WordId(TokenForm(line, t)) == kUnkId &&
        !lm_.Candidates(plans_[i].key).empty()) {
      plans_[i].plain = true;  // a mark OCR made up: restore the word from its letters
    }
    plans_[i].source = plans_[i].plain ? RestoreSource::kModel : RestoreSource::kKept;
  }
}

// "d)" at the start of a line is "đ)" when the previous marker was "d)"; other one-letter markers
// stay as written.
void LineRestorer::ApplyListMarker(std::u32string_view line) {
  if (tokens_.size() < 2 || !plans_[0].is_word || tokens_[0].end - tokens_[0].begin != 1 ||
      !IsPunct(line, tokens_[1], U")")) {
    return;
  }
  TokenPlan& plan = plans_[0];
  const char32_t typed = SplitLetter(line[tokens_[0].begin])->base;
  if (!plan.plain) {
    last_marker_ = typed;
    return;
  }
  const char32_t letter = (typed == U'd' && last_marker_ == U'd') ? U'đ' : typed;
  plan.forced = std::u32string(1, letter);
  plan.source = RestoreSource::kListMarker;
  last_marker_ = letter;
}

bool LineRestorer::StartsSentence(std::u32string_view line, size_t i) const {
  return i == 0 || IsPunct(line, tokens_[i - 1], U".!?:;");
}

// How many tokens from i the name covers, 0 when it does not match there.
size_t LineRestorer::NameMatchLength(std::u32string_view line, size_t i,
                                     const NameHints::Name& name) const {
  const size_t length = name.keys.size();
  if (i + length > tokens_.size()) return 0;
  for (size_t j = 0; j < length; ++j) {
    const TokenPlan& plan = plans_[i + j];
    const LmToken& t = tokens_[i + j];
    if (!plan.is_word || !plan.forced.empty() || plan.key != name.keys[j]) return 0;
    if (StartsWithCapital(line, t) != (((name.capitals >> j) & 1) != 0)) return 0;
    if (!plan.plain && TokenForm(line, t) != Utf32ToUtf8(name.forms[j])) return 0;
  }
  if (length == 1 && (name.capitals & 1) == 0) return 0;
  if (length == 1 && StartsSentence(line, i)) return 0;
  return length;
}

void LineRestorer::ApplyNames(std::u32string_view line) {
  const NameHints* sources[] = {learned_, options_.names};
  for (size_t i = 0; i < tokens_.size();) {
    if (!plans_[i].is_word || !plans_[i].forced.empty()) {
      ++i;
      continue;
    }
    const NameHints::Name* best = nullptr;
    size_t best_length = 0;
    for (const NameHints* hints : sources) {
      if (hints == nullptr || hints->empty()) continue;
      const std::vector<uint32_t>* names = hints->NamesStartingWith(plans_[i].key);
      if (names == nullptr) continue;
      for (const uint32_t index : *names) {  // longest first
        const NameHints::Name& name = hints->name(index);
        if (name.keys.size() <= best_length) break;
        if (NameMatchLength(line, i, name) != 0) {
          best = &name;
          best_length = name.keys.size();
          break;
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    for (size_t j = 0; j < best_length; ++j) {
      if (!plans_[i + j].plain) continue;
      plans_[i + j].forced = best->forms[j];
      plans_[i + j].source = RestoreSource::kName;
    }
    i += best_length;
  }
}

// A table cell ends before a "|" (Markdown tables, PlainText rows) or a tab: the model learned
// each cell as a line of its own.
bool LineRestorer::StartsCell(std::u32string_view line, size_t i) const {
  if (IsPunct(line, tokens_[i], U"|")) return true;
  if (i == 0) return false;
  const std::u32string_view gap = line.substr(tokens_[i - 1].end, tokens_[i].begin - tokens_[i - 1].end);
  return gap.find(U'\t') != std::u32string_view::npos;
}

size_t LineRestorer::SegmentEnd(std::u32string_view line, size_t begin) const {
  const size_t n = tokens_.size();
  const size_t limit = std::min(n, begin + kMaxSegmentTokens);
  for (size_t i = begin + 1; i < limit; ++i) {
    if (StartsCell(line, i)) return i;
  }
  if (limit == n) return n;
  // Cut after the last sentence end in the second half of the window, else at the window's end.
  for (size_t i = limit - 1; i > begin + kMaxSegmentTokens / 2; --i) {
    if (IsPunct(line, tokens_[i], U".;!?")) return i + 1;
  }
  return limit;
}

void LineRestorer::BeginFirstPass(DocumentCache* cache) {
  pass_ = Pass::kFirst;
  cache_ = cache;
  first_choices_.clear();
}

void LineRestorer::BeginSecondPass() {
  pass_ = Pass::kSecond;
  first_cursor_ = 0;
}

void LineRestorer::EndPasses() {
  pass_ = Pass::kOnly;
  cache_ = nullptr;
  first_choices_.clear();
}

bool LineRestorer::NeedsSecondDecode() {
  choice_.assign(lattice_.size(), 0);
  bool needed = false;
  for (size_t p = 0; p < lattice_.size(); ++p) {
    const std::span<const uint16_t> options = lattice_.At(p);
    if (options.size() < 2) continue;
    // Every ambiguous position consumes its first-pass choice, so later segments stay aligned.
    const uint16_t first = first_cursor_ < first_choices_.size() ? first_choices_[first_cursor_] : kUnkId;
    ++first_cursor_;
    const auto at = std::find(options.begin(), options.end(), first);
    if (at == options.end()) {
      needed = true;
      continue;
    }
    const size_t chosen = static_cast<size_t>(at - options.begin());
    choice_[p] = static_cast<uint8_t>(chosen);
    const float* bias = cache_bias_.data() + lattice_.offsets[p];
    for (size_t o = 0; o < options.size(); ++o) needed = needed || bias[o] > bias[chosen];
  }
  return needed;
}

std::span<const uint16_t> LineRestorer::OptionsFor(std::u32string_view line, size_t i) {
  const TokenPlan& plan = plans_[i];
  const LmToken& t = tokens_[i];
  if (plan.source == RestoreSource::kModel) {
    const std::span<const uint16_t> candidates = lm_.Candidates(plan.key);
    if (!candidates.empty()) return candidates.first(std::min(candidates.size(), kMaxOptions));
    plans_[i].source = RestoreSource::kUnknown;
  }
  single_.assign(1, lm_.WordId(plan.forced.empty() ? TokenForm(line, t) : Utf32ToUtf8(plan.forced)));
  return single_;
}

void LineRestorer::DecodeSegment(std::u32string* text, size_t line_begin, size_t begin,
                                 size_t end, std::vector<WordOutcome>* out) {
  const std::u32string_view line(text->data() + line_begin, text->size() - line_begin);
  lattice_.Clear();
  positions_.clear();
  cache_bias_.clear();
  for (size_t i = begin; i < end; ++i) {
    // Markup the model never saw ("**bold**", "# heading") would only blur the context.
    if (IsPunct(line, tokens_[i], U"*#`|")) continue;
    const std::span<const uint16_t> options = OptionsFor(line, i);
    positions_.push_back(i);
    if (options.size() == 1) {
      lattice_.Add(options);
      if (pass_ == Pass::kSecond) cache_bias_.push_back(0);
      continue;
    }
    const WordCase observed = ObservedCase(line, tokens_, i);
    float bias[kMaxOptions], from_cache[kMaxOptions] = {};
    if (pass_ == Pass::kSecond) cache_->AddBias(options, kCacheWeight, from_cache);
    for (size_t o = 0; o < options.size(); ++o) {
      bias[o] = kCaseWeight * lm_.CaseLogLikelihood(options[o], observed) + from_cache[o];
      if (pass_ == Pass::kSecond) cache_bias_.push_back(from_cache[o]);
    }
    lattice_.Add(options, bias);
  }
  if (positions_.empty()) return;
  if (pass_ != Pass::kSecond || NeedsSecondDecode()) decoder_.Decode(lattice_, &choice_);
  if (pass_ == Pass::kFirst) {
    for (size_t p = 0; p < positions_.size(); ++p) {
      if (lattice_.At(p).size() < 2) continue;
      cache_->Record(lattice_.At(p)[choice_[p]]);
      first_choices_.push_back(lattice_.At(p)[choice_[p]]);
    }
  }
  const bool scored = options_.confidence && pass_ != Pass::kFirst;
  if (scored) decoder_.Confidences(lattice_, choice_, &confidence_);
  for (size_t p = 0; p < positions_.size(); ++p) {
    const size_t i = positions_[p];
    const TokenPlan& plan = plans_[i];
    if (!plan.is_word) continue;
    const LmToken& t = tokens_[i];
    WordOutcome outcome{.begin = line_begin + t.begin, .end = line_begin + t.end, .source = plan.source};
    if (plan.source == RestoreSource::kModel) {
      const std::u32string form = Utf8ToUtf32(lm_.WordForm(lattice_.At(p)[choice_[p]]));
      if (form.size() == t.end - t.begin) {
        outcome.changed = WriteWord(text, outcome.begin, form, options_.tone_style);
      }
      outcome.confidence = scored ? confidence_[p] : -1.0f;
    } else if (!plan.forced.empty()) {
      outcome.changed = WriteWord(text, outcome.begin, plan.forced, options_.tone_style);
    } else if (plan.source == RestoreSource::kUnknown) {
      outcome.confidence = 0;
    }
    out->push_back(outcome);
  }
}

void LineRestorer::RestoreLine(std::u32string* text, size_t begin, size_t end,
                               std::vector<WordOutcome>* out) {
  const std::u32string_view line(text->data() + begin, end - begin);
  tokens_.clear();
  TokenizeLine(line, &tokens_);
  PlanTokens(line);
  ApplyListMarker(line);
  ApplyNames(line);
  for (size_t segment = 0; segment < tokens_.size();) {
    const size_t segment_end = SegmentEnd(line, segment);
    DecodeSegment(text, begin, segment, segment_end, out);
    segment = segment_end;
  }
}

}  // namespace lienthong::diacritics
