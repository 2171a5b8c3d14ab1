// The token stream ParseTimeSpec matches: the SearchKey of the text (lower case, no diacritics,
// so "Quý"/"quy" and "hằng"/"hàng" are the same word) cut into words, numbers and punctuation.
// "Quý IV/2025" -> [quy] [iv] [/] [2025]. Every dash (U+2010..U+2015, U+2212) becomes "-".
// Internal to text/time_spec_parser.cc; split out to keep the grammar file about grammar.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lienthong::text_internal {

struct TimeToken {
  enum class Kind { kWord, kNumber, kPunct };
  Kind kind;
  std::string text;  // the word, the digits, or the punctuation character
  int value = 0;     // kNumber: the value (digits beyond 9 are treated as too large, value -1)
};

std::vector<TimeToken> TokenizeTimeText(std::string_view search_key);

// A cursor with all-or-nothing matching helpers; every Match* consumes only on success.
class TimeTokenCursor {
 public:
  explicit TimeTokenCursor(const std::vector<TimeToken>& tokens) : tokens_(tokens) {}

  bool AtEnd() const { return pos_ == tokens_.size(); }
  size_t pos() const { return pos_; }
  void Reset(size_t pos) { pos_ = pos; }
  const TimeToken* Peek(size_t ahead = 0) const {
    return pos_ + ahead < tokens_.size() ? &tokens_[pos_ + ahead] : nullptr;
  }

  // The words in sequence, e.g. MatchWords({"cham", "nhat"}).
  bool MatchWords(std::initializer_list<std::string_view> words);
  bool MatchWord(std::string_view word) { return MatchWords({word}); }
  bool MatchPunct(char c);
  // A number of `min_digits`..`max_digits` digits with a value in [min, max].
  std::optional<int> MatchNumber(size_t min_digits, size_t max_digits, int min, int max);

 private:
  const std::vector<TimeToken>& tokens_;
  size_t pos_ = 0;
};

}  // namespace lienthong::text_internal
