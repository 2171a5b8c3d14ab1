#include "text/diacritics/lm_tokens.h"

#include <unicode/uchar.h>

#include <tuple>

#include "text/tone_style.h"
#include "util/utf8.h"
#include "text/vietnamese_letters.h"

namespace lienthong::diacritics {
namespace {

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsLetter(char32_t c) { return SplitLetter(c).has_value(); }

// A character that belongs to a word without being a Vietnamese letter: other alphabets and
// combining marks left over after NFC.
bool IsOtherWordChar(char32_t c) {
  if (c < 0x80) return false;
  const auto u = static_cast<UChar32>(c);
  const int8_t type = u_charType(u);
  return u_isalpha(u) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK || type == U_DECIMAL_DIGIT_NUMBER;
}

bool IsWordChar(char32_t c) { return IsDigit(c) || IsLetter(c) || IsOtherWordChar(c); }

// Unicode punctuation folded to the ASCII character the model knows; 0 when `c` is not one.
char FoldPunct(char32_t c) {
  if (c < 0x80) {
    return (c > ' ' && c < 0x7F && !IsDigit(c) && !(c >= 'a' && c <= 'z') &&
            !(c >= 'A' && c <= 'Z'))
               ? static_cast<char>(c)
               : 0;
  }
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
  if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) return '"';
  if (c == 0x2018 || c == 0x2019 || c == 0x201A) return '\'';
  if (c == 0x2026) return '.';
  return 0;
}

char32_t Lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

bool StartsWithNoCase(std::u32string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != static_cast<char32_t>(prefix[i])) return false;
  }
  return true;
}

bool LooksLikeUrl(std::u32string_view chunk) {
  if (chunk.find(U"://") != std::u32string_view::npos) return true;
  if (StartsWithNoCase(chunk, "www.")) return true;
  const size_t at = chunk.find(U'@');
  if (at == 0 || at == std::u32string_view::npos) return false;
  const size_t dot = chunk.find(U'.', at);
  return dot != std::u32string_view::npos && dot > at + 1 && dot + 1 < chunk.size() &&
         IsWordChar(chunk[dot + 1]);
}

bool IsUrlOpener(char32_t c) { return c == '(' || c == '[' || c == '<' || c == '"' || c == '\''; }
bool IsUrlCloser(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '>' ||
         c == '"' || c == '\'' || c == '!' || c == '?';
}

// The URL inside the space-delimited chunk [begin, end), without brackets and trailing
// punctuation around it; begin == end when the chunk is not a URL.
std::pair<uint32_t, uint32_t> FindUrl(std::u32string_view line, uint32_t begin, uint32_t end) {
  if (!LooksLikeUrl(line.substr(begin, end - begin))) return {begin, begin};
  while (begin < end && IsUrlOpener(line[begin])) ++begin;
  while (end > begin && IsUrlCloser(line[end - 1])) --end;
  return {begin, end};
}

// The word or number starting at `begin`, a word character.
LmToken ScanWordOrNumber(std::u32string_view line, uint32_t begin) {
  const auto n = static_cast<uint32_t>(line.size());
  uint32_t i = begin;
  bool digit = false, other = false, plain = true;
  auto consume_run = [&] {
    while (i < n && IsWordChar(line[i])) {
      const char32_t c = line[i];
      if (IsDigit(c) || u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) {
        digit = true;
      } else if (IsLetter(c)) {
        plain = plain && c < 0x80;
      } else {
        other = true;
      }
      ++i;
    }
  };
  consume_run();
  while (digit && i + 1 < n && (line[i] == '.' || line[i] == ',' || line[i] == '/' ||
                                line[i] == ':') &&
         IsDigit(line[i + 1])) {
    ++i;
    consume_run();
  }
  LmToken token{.begin = begin, .end = i};
  if (digit) {
    token.kind = LmTokenKind::kNumber;
  } else if (other || i - begin > kMaxWordLetters) {
    token.kind = LmTokenKind::kSymbol;
  } else {
    token.kind = LmTokenKind::kWord;
    token.plain = plain;
  }
  return token;
}

}  // namespace

void TokenizeLine(std::u32string_view line, std::vector<LmToken>* out) {
  const auto n = static_cast<uint32_t>(line.size());
  uint32_t i = 0;
  uint32_t url_begin = 0, url_end = 0;  // the URL of the current chunk, if any
  while (i < n) {
    const char32_t c = line[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (i == 0 || IsSpace(line[i - 1])) {  // a new space-delimited chunk
      uint32_t chunk_end = i;
      while (chunk_end < n && !IsSpace(line[chunk_end])) ++chunk_end;
      std::tie(url_begin, url_end) = FindUrl(line, i, chunk_end);
    }
    if (i == url_begin && url_end > url_begin) {
      out->push_back({.kind = LmTokenKind::kUrl, .begin = url_begin, .end = url_end});
      i = url_end;
      continue;
    }
    if (IsWordChar(c)) {
      out->push_back(ScanWordOrNumber(line, i));
      i = out->back().end;
      continue;
    }
    out->push_back({.kind = FoldPunct(c) ? LmTokenKind::kPunct : LmTokenKind::kSymbol,
                    .begin = i,
                    .end = i + 1});
    ++i;
  }
}

std::string TokenForm(std::u32string_view line, const LmToken& token) {
  switch (token.kind) {
    case LmTokenKind::kNumber: return std::string(kNumberForm);
    case LmTokenKind::kSymbol: return std::string(kSymbolForm);
    case LmTokenKind::kUrl: return std::string(kUrlForm);
    case LmTokenKind::kPunct: return std::string(1, FoldPunct(line[token.begin]));
    case LmTokenKind::kWord: break;
  }
  std::u32string lower;
  lower.reserve(token.end - token.begin);
  for (uint32_t i = token.begin; i < token.end; ++i) {
    const LetterParts parts = *SplitLetter(line[i]);
    lower.push_back(ComposeLetter(parts.base, parts.tone, /*upper=*/false));
  }
  PlaceTones(&lower, ToneStyle::kTraditional);
  return Utf32ToUtf8(lower);
}

WordCase ObservedCase(std::u32string_view line, const std::vector<LmToken>& tokens, size_t i) {
  const LmToken& t = tokens[i];
  if (t.kind != LmTokenKind::kWord || i == 0 || t.end - t.begin < 2) return WordCase::kNeutral;
  const LmToken& previous = tokens[i - 1];
  const bool inside = previous.kind == LmTokenKind::kWord || previous.kind == LmTokenKind::kNumber ||
                      (previous.kind == LmTokenKind::kPunct && line[previous.begin] == ',');
  if (!inside) return WordCase::kNeutral;
  for (uint32_t k = t.begin + 1; k < t.end; ++k) {
    if (SplitLetter(line[k])->upper) return WordCase::kNeutral;
  }
  return SplitLetter(line[t.begin])->upper ? WordCase::kCapital : WordCase::kLower;
}

std::string WordKey(std::u32string_view word) {
  std::string key;
  key.reserve(word.size());
  for (const char32_t c : word) {
    if (const std::optional<LetterParts> parts = SplitLetter(c)) key.push_back(AsciiOfBase(parts->base));
  }
  return key;
}

}  // namespace lienthong::diacritics
