#include "import/pdf/text_layer_quality.h"

#include <optional>
#include <string>

#include "text/normalize.h"
#include "text/syllable.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong {
namespace {

constexpr int kMinLetters = 30;
constexpr double kMaxForeignShare = 0.10;
constexpr double kMinValidShare = 0.70;
constexpr int kMinValidForDiacritics = 20;
constexpr double kMinDiacriticShare = 0.15;

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Punctuation and symbols that real documents contain; not a sign of garbling.
bool IsCommonSymbol(char32_t c) {
  if (c < 0x80) return true;  // ASCII letters are handled before; the rest is punctuation
  return (c >= 0x00A0 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
         (c >= 0x2000 && c <= 0x206F) ||  // general punctuation: dashes, quotes, bullets
         (c >= 0x20A0 && c <= 0x20CF) ||  // currency
         (c >= 0x2100 && c <= 0x23FF) ||  // letterlike (№), number forms, arrows, math
         (c >= 0x2460 && c <= 0x27BF) ||  // enclosed numbers, boxes, shapes, dingbats
         c == 0xFEFF;
}

void MeasureRun(const std::u32string& run, bool next_to_digit, TextLayerQuality* q) {
  if (run.size() < 2) return;  // single letters: point labels, initials
  if (next_to_digit) {
    ++q->invalid;
    return;
  }
  std::u32string bases;
  Tone tone = Tone::kNone;
  bool tones_ok = true, all_upper = true, modified = false;
  for (char32_t c : run) {
    std::optional<LetterParts> parts = SplitLetter(c);  // every run letter splits
    bases += parts->base;
    all_upper = all_upper && parts->upper;
    modified = modified || parts->base >= 0x80;
    if (parts->tone != Tone::kNone) {
      if (tone != Tone::kNone) tones_ok = false;
      tone = parts->tone;
    }
  }
  if (tones_ok && IsValidSyllable(bases, tone)) {
    ++q->valid;
    if (tone != Tone::kNone || modified) ++q->with_diacritics;
  } else if (!all_upper) {
    ++q->invalid;
  }
}

void MeasureWord(const std::u32string& word, TextLayerQuality* q) {
  bool has_letter = false, foreign = false;
  for (char32_t c : word) {
    bool vietnamese = SplitLetter(c).has_value();
    bool other = !vietnamese && (c < 0x20 || (c >= 0x7F && !IsCommonSymbol(c)));
    if (vietnamese || other) ++q->letters;  // garbled text has "letters" too: it is not missing
    has_letter = has_letter || vietnamese || other;
    foreign = foreign || other;
  }
  if (foreign) {
    ++q->foreign;
    return;
  }
  if (!has_letter) return;  // numbers, dates, codes of digits and punctuation
  std::u32string run;
  bool run_touches_digit = false;
  for (size_t i = 0; i <= word.size(); ++i) {
    char32_t c = i < word.size() ? word[i] : 0;
    if (i < word.size() && SplitLetter(c).has_value()) {
      if (run.empty()) run_touches_digit = i > 0 && IsDigit(word[i - 1]);
      run += c;
      continue;
    }
    if (!run.empty()) {
      MeasureRun(run, run_touches_digit || (i < word.size() && IsDigit(c)), q);
      run.clear();
    }
  }
}

}  // namespace

TextLayerQuality MeasureTextLayer(std::string_view utf8_text) {
  TextLayerQuality quality;
  std::u32string text = Utf8ToUtf32(ToNfc(utf8_text));
  std::u32string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    char32_t c = i < text.size() ? text[i] : U' ';
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0) {
      if (!word.empty()) MeasureWord(word, &quality);
      word.clear();
    } else {
      word += c;
    }
  }
  return quality;
}

TextLayerVerdict JudgeTextLayer(const TextLayerQuality& q) {
  if (q.letters < kMinLetters) return TextLayerVerdict::kMissing;
  if (q.foreign_share() >= kMaxForeignShare || q.valid_share() < kMinValidShare) {
    return TextLayerVerdict::kGarbled;
  }
  if (q.valid >= kMinValidForDiacritics && q.diacritic_share() < kMinDiacriticShare) {
    return TextLayerVerdict::kNoDiacritics;
  }
  return TextLayerVerdict::kGood;
}

const char* TextLayerVerdictName(TextLayerVerdict verdict) {
  switch (verdict) {
    case TextLayerVerdict::kGood:
      return "good";
    case TextLayerVerdict::kMissing:
      return "missing";
    case TextLayerVerdict::kGarbled:
      return "garbled";
    case TextLayerVerdict::kNoDiacritics:
      return "no diacritics";
  }
  return "?";
}

}  // namespace lienthong
