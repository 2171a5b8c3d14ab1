#include "text/diacritics/name_hints.h"

#include <algorithm>

#include "text/diacritics/lm_tokens.h"
#include "text/normalize.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::diacritics {
namespace {

// Bounds the memory a hostile text can make LearnFromText use.
constexpr size_t kMaxNames = 100000;
constexpr size_t kMaxLearnedRun = 4;

// Leading words naming a unit's kind, as keys.
constexpr std::string_view kKindPrefixes[] = {"thanh pho", "tinh", "dac khu", "phuong", "xa",
                                              "thi xa", "thi tran", "huyen", "quan"};

bool Capitalised(std::u32string_view word) {
  const std::optional<LetterParts> parts = SplitLetter(word[0]);
  return parts && parts->upper;
}

bool HasDiacritic(std::u32string_view word) {
  return std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= 0x80; });
}

// The runs of words of `line` with nothing but spaces between them.
std::vector<std::vector<std::u32string>> WordRuns(std::u32string_view line) {
  std::vector<LmToken> tokens;
  TokenizeLine(line, &tokens);
  std::vector<std::vector<std::u32string>> runs(1);
  for (const LmToken& t : tokens) {
    if (t.kind != LmTokenKind::kWord) {
      if (!runs.back().empty()) runs.emplace_back();
      continue;
    }
    runs.back().emplace_back(line.substr(t.begin, t.end - t.begin));
  }
  if (runs.back().empty()) runs.pop_back();
  return runs;
}

// Words at the start of `words` that name a unit kind ("Thành phố"), 0 if none.
size_t KindPrefixLength(const std::vector<std::u32string>& words) {
  for (const std::string_view kind : kKindPrefixes) {
    const size_t n = static_cast<size_t>(std::count(kind.begin(), kind.end(), ' ')) + 1;
    if (words.size() <= n) continue;
    std::string key;
    for (size_t i = 0; i < n; ++i) key += (i ? " " : "") + WordKey(words[i]);
    if (key == kind) return n;
  }
  return 0;
}

}  // namespace

void NameHints::AddWords(std::vector<std::u32string> words) {
  if (words.empty() || names_.size() >= kMaxNames) return;
  if (words.size() > kMaxNameWords) words.resize(kMaxNameWords);
  if (std::none_of(words.begin(), words.end(), [](const auto& w) { return HasDiacritic(w); })) return;
  Name name;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::u32string& w = words[i];
    name.words.push_back(Utf32ToUtf8(w));
    name.forms.push_back(Utf8ToUtf32(TokenForm(w, LmToken{.begin = 0, .end = static_cast<uint32_t>(w.size())})));
    name.keys.push_back(WordKey(w));
    if (Capitalised(w)) name.capitals |= 1u << i;
  }
  if (!index_.try_emplace(name.Text(), static_cast<uint32_t>(names_.size())).second) return;
  std::vector<uint32_t>& list = by_first_key_[name.keys[0]];
  const size_t length = name.keys.size();
  const auto at = std::find_if(list.begin(), list.end(), [&](uint32_t other) {
    return names_[other].keys.size() < length;
  });
  list.insert(at, static_cast<uint32_t>(names_.size()));
  names_.push_back(std::move(name));
}

void NameHints::AddName(std::string_view name) {
  const std::u32string text = Utf8ToUtf32(ToNfc(name));
  for (std::vector<std::u32string>& words : WordRuns(text)) {
    if (words.size() > kMaxNameWords) continue;
    const size_t kind = KindPrefixLength(words);
    if (kind > 0) AddWords({words.begin() + static_cast<ptrdiff_t>(kind), words.end()});
    AddWords(std::move(words));
  }
}

void NameHints::LearnFromText(std::string_view text) {
  const std::u32string all = Utf8ToUtf32(ToNfc(text));
  size_t begin = 0;
  while (begin < all.size() && names_.size() < kMaxNames) {
    size_t end = all.find(U'\n', begin);
    if (end == std::u32string::npos) end = all.size();
    for (const std::vector<std::u32string>& run : WordRuns(std::u32string_view(all).substr(begin, end - begin))) {
      // Split the run into its capitalised stretches, then add their pieces of 2–4 words.
      for (size_t i = 0; i < run.size();) {
        if (!Capitalised(run[i])) {
          ++i;
          continue;
        }
        size_t j = i;
        while (j < run.size() && Capitalised(run[j])) ++j;
        for (size_t a = i; a < j; ++a) {
          for (size_t b = a + 2; b <= std::min(j, a + kMaxLearnedRun); ++b) {
            AddWords({run.begin() + static_cast<ptrdiff_t>(a), run.begin() + static_cast<ptrdiff_t>(b)});
          }
        }
        i = j;
      }
    }
    begin = end + 1;
  }
}

std::string NameHints::Name::Text() const {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

void NameHints::Merge(const NameHints& other) {
  for (const Name& name : other.names_) {
    std::vector<std::u32string> words;
    for (const std::string& w : name.words) words.push_back(Utf8ToUtf32(w));
    AddWords(std::move(words));
  }
}

const std::vector<uint32_t>* NameHints::NamesStartingWith(std::string_view key) const {
  const auto it = by_first_key_.find(std::string(key));
  return it == by_first_key_.end() ? nullptr : &it->second;
}

}  // namespace lienthong::diacritics
