#include "text/diacritics/training_filter.h"

#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/model_format.h"
#include "text/normalize.h"
#include "util/utf8.h"

namespace lienthong::diacritics {

void AppendShingles(std::string_view line, std::vector<uint64_t>* out) {
  const std::u32string text = Utf8ToUtf32(ToNfc(line));
  std::vector<LmToken> tokens;
  TokenizeLine(text, &tokens);
  std::vector<uint64_t> words;
  for (const LmToken& t : tokens) {
    if (t.kind == LmTokenKind::kWord) words.push_back(HashString(TokenForm(text, t)));
  }
  const size_t n = TrainingFilter::kShingleWords;
  for (size_t i = 0; i + n <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t j = 0; j < n; ++j) h = Mix64(h ^ words[i + j]);
    out->push_back(h);
  }
}

void TrainingFilter::AddHeldOut(std::string_view text) {
  std::vector<uint64_t> shingles;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    AppendShingles(text.substr(begin, end - begin), &shingles);
    begin = end + 1;
  }
  held_out_.insert(shingles.begin(), shingles.end());
}

double TrainingFilter::HeldOutShare(const std::vector<std::string>& paragraphs) const {
  std::vector<uint64_t> shingles;
  for (const std::string& p : paragraphs) AppendShingles(p, &shingles);
  if (shingles.empty()) return 0;
  size_t held = 0;
  for (const uint64_t s : shingles) held += held_out_.count(s);
  return static_cast<double>(held) / static_cast<double>(shingles.size());
}

}  // namespace lienthong::diacritics
