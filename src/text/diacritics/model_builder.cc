#include "text/diacritics/model_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/model_writer.h"
#include "text/normalize.h"
#include "util/utf8.h"

namespace lienthong::diacritics {
namespace {

constexpr uint32_t kLineBreak = UINT32_MAX;
constexpr const char* kReservedForms[] = {"<unk>", "<s>", "</s>"};

// Form indexes by the id they get: the reserved ids first, then the most frequent forms.
std::vector<uint32_t> ChooseVocabulary(const std::vector<std::string>& forms,
                                       const std::vector<uint64_t>& counts,
                                       const std::vector<bool>& is_word, uint32_t min_count) {
  std::vector<uint32_t> order(forms.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : forms[a] < forms[b];
  });
  std::vector<uint32_t> chosen;
  for (const uint32_t f : order) {
    if (chosen.size() + std::size(kReservedForms) >= kMaxVocab) break;
    if (is_word[f] && counts[f] < min_count) continue;  // punctuation and classes always stay
    chosen.push_back(f);
  }
  return chosen;
}

std::vector<std::pair<std::string, std::vector<uint16_t>>> ChooseCandidates(
    const std::vector<std::string>& vocab, const std::vector<bool>& vocab_is_word,
    const std::vector<uint64_t>& counts, const BuildOptions& options) {
  std::map<std::string, std::vector<uint16_t>> by_key;
  for (size_t id = std::size(kReservedForms); id < vocab.size(); ++id) {
    if (vocab_is_word[id]) by_key[WordKey(Utf8ToUtf32(vocab[id]))].push_back(static_cast<uint16_t>(id));
  }
  std::vector<std::pair<std::string, std::vector<uint16_t>>> keys;
  for (auto& [key, ids] : by_key) {
    std::sort(ids.begin(), ids.end(), [&](uint16_t a, uint16_t b) {
      return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
    });
    uint64_t total = 0;
    for (const uint16_t id : ids) total += counts[id];
    std::vector<uint16_t> kept;
    for (const uint16_t id : ids) {
      if (kept.size() >= options.max_candidates) break;
      const double share = static_cast<double>(counts[id]) / static_cast<double>(total);
      if (counts[id] >= options.min_candidate_count && share >= options.min_candidate_share) {
        kept.push_back(id);
      }
    }
    if (!kept.empty()) keys.emplace_back(key, std::move(kept));
  }
  return keys;
}

}  // namespace

uint32_t ModelBuilder::Intern(const std::string& form, bool is_word) {
  auto [it, inserted] = index_.try_emplace(form, static_cast<uint32_t>(forms_.size()));
  if (inserted) {
    forms_.push_back(form);
    counts_.push_back(0);
    is_word_.push_back(is_word);
    capital_counts_.push_back(0);
    lower_counts_.push_back(0);
  }
  ++counts_[it->second];
  return it->second;
}

void ModelBuilder::AddLine(std::string_view line) {
  const std::u32string text = Utf8ToUtf32(ToNfc(line));
  std::vector<LmToken> tokens;
  TokenizeLine(text, &tokens);
  if (tokens.empty()) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint32_t form = Intern(TokenForm(text, tokens[i]), tokens[i].kind == LmTokenKind::kWord);
    tokens_.push_back(form);
    const WordCase word_case = ObservedCase(text, tokens, i);
    if (word_case == WordCase::kCapital) ++capital_counts_[form];
    if (word_case == WordCase::kLower) ++lower_counts_[form];
  }
  tokens_.push_back(kLineBreak);
  token_count_ += tokens.size();
}

std::string ModelBuilder::Build(const BuildOptions& options, std::string* report) const {
  const std::vector<uint32_t> chosen = ChooseVocabulary(forms_, counts_, is_word_, options.min_word_count);
  ModelContents contents;
  std::vector<bool> vocab_is_word;
  for (const char* reserved : kReservedForms) {
    contents.forms.emplace_back(reserved);
    vocab_is_word.push_back(false);
  }
  contents.word_case.resize(std::size(kReservedForms));
  std::vector<uint16_t> id_of(forms_.size(), kUnkId);
  for (const uint32_t f : chosen) {
    id_of[f] = static_cast<uint16_t>(contents.forms.size());
    contents.forms.push_back(forms_[f]);
    vocab_is_word.push_back(is_word_[f]);
    // Add-half smoothing: a word never seen inside a sentence gets even odds.
    const double seen = capital_counts_[f] + lower_counts_[f] + 1.0;
    contents.word_case.push_back({static_cast<float>(std::log10((capital_counts_[f] + 0.5) / seen)),
                                  static_cast<float>(std::log10((lower_counts_[f] + 0.5) / seen))});
  }
  std::vector<uint16_t> ids;
  ids.reserve(tokens_.size() * 2);
  ids.push_back(kBosId);
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (tokens_[i] != kLineBreak) {
      ids.push_back(id_of[tokens_[i]]);
      continue;
    }
    ids.push_back(kEosId);
    if (i + 1 < tokens_.size()) ids.push_back(kBosId);
  }
  const auto vocab_size = static_cast<uint32_t>(contents.forms.size());
  contents.lm = EstimateModel(ids, vocab_size, options.estimate);
  contents.keys = ChooseCandidates(contents.forms, vocab_is_word, contents.lm.unigram_counts, options);
  contents.ngram_table_load = options.ngram_table_load;
  std::string bytes = WriteModel(contents);
  if (report != nullptr) {
    *report = "tokens " + std::to_string(token_count_) + ", forms " + std::to_string(forms_.size()) +
              ", vocabulary " + std::to_string(vocab_size) + ", keys " +
              std::to_string(contents.keys.size()) + "\n";
    for (int n = 2; n <= options.estimate.order; ++n) {
      *report += std::to_string(n) + "-grams kept " + std::to_string(contents.lm.ngrams[n].size()) + "\n";
    }
    *report += "bytes " + std::to_string(bytes.size()) + "\n";
  }
  return bytes;
}

}  // namespace lienthong::diacritics
