// How the diacritic restorer cuts one line of text into the tokens its language model sees. The
// model builder (model_builder.h) and the restorer (restorer.h) both call this, so training and
// decoding read text the same way.
//
//   "Căn cứ Quyết định số 06/QĐ-TTg, xem https://a.vn"
//    word word word word word number / word - word , url
//
// - word: a run of Vietnamese letters (vietnamese_letters.h). Its model form is lower case with the
//   tone in the traditional place ("Hoà" -> "hòa"); its key drops every diacritic ("hoa").
// - number: a run of digits, with . , / : between digits ("06/01/2022", "1.234,5"), or a run
//   mixing letters and digits ("5G", "3a", "H2O"). Form "<num>"; never restored.
// - punct: one punctuation character, with Unicode dashes and quotes folded to ASCII.
// - symbol: anything else that is not space (foreign letters, emoji, "§"); form "<sym>".
// - url: a space-delimited chunk with "://", starting "www." or shaped like an e-mail address;
//   form "<url>"; never restored.
// Spaces separate tokens and produce none.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lienthong::diacritics {

enum class LmTokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol, kUrl };

struct LmToken {
  LmTokenKind kind = LmTokenKind::kWord;
  uint32_t begin = 0;  // code point offsets into the line
  uint32_t end = 0;
  // kWord only: every letter is plain ASCII (no diacritic, no đ), so the word may be restored.
  bool plain = false;
};

// Words longer than this many letters are foreign or junk: they become symbols.
inline constexpr uint32_t kMaxWordLetters = 24;

// Reserved model forms.
inline constexpr std::string_view kNumberForm = "<num>";
inline constexpr std::string_view kSymbolForm = "<sym>";
inline constexpr std::string_view kUrlForm = "<url>";

// Appends the tokens of `line` (NFC code points; line breaks count as spaces) to `out`.
void TokenizeLine(std::u32string_view line, std::vector<LmToken>* out);

// The model form of a token: see the file comment.
std::string TokenForm(std::u32string_view line, const LmToken& token);

// The case of word token i as evidence of which word it is: kCapital or kLower only inside a
// sentence (after a word, a number or a comma) and for a word written all lower case or with only
// its first letter capitalised; kNeutral otherwise (sentence starts, ALL CAPS, "TTg", one letter).
enum class WordCase : uint8_t { kNeutral, kCapital, kLower };
WordCase ObservedCase(std::u32string_view line, const std::vector<LmToken>& tokens, size_t i);

// The key of a word: its letters lower-cased, without diacritics, đ as d ("Hòa" -> "hoa").
std::string WordKey(std::u32string_view word);

}  // namespace lienthong::diacritics
