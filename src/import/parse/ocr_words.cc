#include "import/parse/ocr_words.h"

#include <optional>
#include <vector>

#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/model_format.h"
#include "text/diacritics/restorer.h"
#include "util/utf8.h"

namespace lienthong::parse {
namespace {

constexpr size_t kMaxJoinedLetters = 14;  // two syllables of up to seven letters ("nghiêng")

// Runs of vowels: a syllable has one ("ngh-iê-ng", "qu-y"), two syllables run together have two.
int VowelGroups(std::u32string_view word) {
  const std::string key = diacritics::WordKey(word);
  int groups = 0;
  bool in_vowels = false;
  for (char c : key) {
    const bool vowel = std::string_view("aeiouy").find(c) != std::string_view::npos;
    if (vowel && !in_vowels) ++groups;
    in_vowels = vowel;
  }
  return groups;
}

// Where to split `word` (code points), when it is two known words and not one.
std::optional<size_t> SplitPoint(const diacritics::LanguageModel& model, std::u32string_view line,
                                 const diacritics::LmToken& token) {
  const std::u32string_view word = line.substr(token.begin, token.end - token.begin);
  if (word.size() < 2 || word.size() > kMaxJoinedLetters) return std::nullopt;
  // A syllable has one vowel group; a word with two is two syllables run together, or a loanword
  // ("logo"), which the model knows far better than the two syllables it would split into.
  // "củacơ" is in its vocabulary too (its training text has OCR's joins), about as likely as
  // "của" and "cơ".
  if (VowelGroups(word) != 2) return std::nullopt;
  const uint16_t whole = model.WordId(diacritics::TokenForm(line, token));
  constexpr float kLoanwordMargin = 1.0f;  // log10: ten times likelier whole than split
  std::optional<size_t> best;
  float best_score = 0;
  for (size_t k = 1; k < word.size(); ++k) {
    const std::u32string_view left = word.substr(0, k), right = word.substr(k);
    if (VowelGroups(left) != 1 || VowelGroups(right) != 1) continue;
    const diacritics::LmToken l{diacritics::LmTokenKind::kWord, token.begin,
                                static_cast<uint32_t>(token.begin + k)};
    const diacritics::LmToken r{diacritics::LmTokenKind::kWord, static_cast<uint32_t>(token.begin + k),
                                token.end};
    const uint16_t left_id = model.WordId(diacritics::TokenForm(line, l));
    const uint16_t right_id = model.WordId(diacritics::TokenForm(line, r));
    if (left_id == diacritics::kUnkId || right_id == diacritics::kUnkId) continue;
    const float score = model.UnigramLogProb(left_id) + model.UnigramLogProb(right_id);
    if (!best || score > best_score) {
      best = k;
      best_score = score;
    }
  }
  if (best && whole != diacritics::kUnkId && model.UnigramLogProb(whole) > best_score + kLoanwordMargin) {
    return std::nullopt;
  }
  return best;
}

}  // namespace

void RespaceJoinedSyllables(std::string& text) {
  if (text.empty()) return;
  const Result<const DiacriticRestorer*> restorer = DiacriticRestorer::Embedded();
  if (!restorer.ok()) return;
  const diacritics::LanguageModel& model = (*restorer)->model();
  const std::u32string line = Utf8ToUtf32(text);
  std::vector<diacritics::LmToken> tokens;
  diacritics::TokenizeLine(line, &tokens);
  std::u32string out;
  size_t done = 0;
  for (const diacritics::LmToken& t : tokens) {
    if (t.kind != diacritics::LmTokenKind::kWord) continue;
    const std::optional<size_t> split = SplitPoint(model, line, t);
    if (!split) continue;
    out.append(line, done, t.begin + *split - done);
    out.push_back(U' ');
    done = t.begin + *split;
  }
  if (done == 0) return;
  out.append(line, done, std::u32string::npos);
  text = Utf32ToUtf8(out);
}


void RereadMisreadMarks(std::string& text) {
  if (text.empty()) return;
  const Result<const DiacriticRestorer*> restorer = DiacriticRestorer::Embedded();
  if (!restorer.ok()) return;
  RestoreOptions options;
  options.reread_unknown_words = true;
  options.learn_names_from_text = false;
  options.document_cache = false;
  options.confidence = false;
  const Result<RestoreResult> restored = (*restorer)->Restore(text, options);
  if (!restored.ok()) return;
  const std::u32string line = Utf8ToUtf32(text);
  std::vector<diacritics::LmToken> tokens;
  diacritics::TokenizeLine(line, &tokens);
  std::u32string out;
  size_t done = 0;
  size_t word = 0;  // the restored word matching the token
  for (const diacritics::LmToken& t : tokens) {
    if (t.kind != diacritics::LmTokenKind::kWord) continue;
    if (word >= restored->words.size()) break;
    const RestoredWord& w = restored->words[word++];
    if (t.plain || !w.changed) continue;
    out.append(line, done, t.begin - done);
    out += Utf8ToUtf32(std::string_view(restored->text).substr(w.begin, w.end - w.begin));
    done = t.end;
  }
  if (done == 0) return;
  out.append(line, done, std::u32string::npos);
  text = Utf32ToUtf8(out);
}

}  // namespace lienthong::parse
