#include "text/time_spec_tokens.h"

#include "util/utf8.h"

namespace lienthong::text_internal {
namespace {

bool IsDash(char32_t c) { return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsSpace(char32_t c) { return c == U' ' || (c >= U'\t' && c <= U'\r'); }
bool IsWordChar(char32_t c) { return (c >= U'a' && c <= U'z') || c >= 0x80; }

}  // namespace

std::vector<TimeToken> TokenizeTimeText(std::string_view search_key) {
  std::vector<TimeToken> tokens;
  const std::u32string text = Utf8ToUtf32(search_key);
  size_t i = 0;
  while (i < text.size()) {
    const char32_t c = text[i];
    if (IsSpace(c)) {
      ++i;
    } else if (IsDigit(c)) {
      TimeToken token{TimeToken::Kind::kNumber, "", 0};
      for (; i < text.size() && IsDigit(text[i]); ++i) {
        token.text.push_back(static_cast<char>(text[i]));
        token.value =
            token.text.size() > 9 ? -1 : token.value * 10 + static_cast<int>(text[i] - U'0');
      }
      tokens.push_back(std::move(token));
    } else if (IsWordChar(c) && !IsDash(c)) {
      TimeToken token{TimeToken::Kind::kWord, "", 0};
      for (; i < text.size() && IsWordChar(text[i]) && !IsDash(text[i]); ++i) {
        AppendUtf8(text[i], &token.text);
      }
      tokens.push_back(std::move(token));
    } else {
      TimeToken token{TimeToken::Kind::kPunct, "", 0};
      if (IsDash(c)) {
        token.text = "-";
      } else {
        AppendUtf8(c, &token.text);
      }
      tokens.push_back(std::move(token));
      ++i;
    }
  }
  return tokens;
}

bool TimeTokenCursor::MatchWords(std::initializer_list<std::string_view> words) {
  size_t at = pos_;
  for (std::string_view word : words) {
    if (at >= tokens_.size() || tokens_[at].kind != TimeToken::Kind::kWord ||
        tokens_[at].text != word) {
      return false;
    }
    ++at;
  }
  pos_ = at;
  return true;
}

bool TimeTokenCursor::MatchPunct(char c) {
  const TimeToken* token = Peek();
  if (token == nullptr || token->kind != TimeToken::Kind::kPunct || token->text.size() != 1 ||
      token->text[0] != c) {
    return false;
  }
  ++pos_;
  return true;
}

std::optional<int> TimeTokenCursor::MatchNumber(size_t min_digits, size_t max_digits, int min,
                                                int max) {
  const TimeToken* token = Peek();
  if (token == nullptr || token->kind != TimeToken::Kind::kNumber) return std::nullopt;
  if (token->text.size() < min_digits || token->text.size() > max_digits) return std::nullopt;
  if (token->value < min || token->value > max) return std::nullopt;
  ++pos_;
  return token->value;
}

}  // namespace lienthong::text_internal
