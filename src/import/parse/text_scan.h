// Small text helpers every parser step shares. The central one is FoldKey: a matching key with
// exactly one ASCII byte per code point of the text, so a match found in the key maps back to the
// original text by code-point index (SliceByCodePoints) without any offset table.
//
//   FoldKey("Số: 13/KH–UBND")  == "so: 13/kh-ubnd"
//   FoldKey("Căn cứ")          == "can cu"
//
// Matching keywords on the fold is what lets the parser read OCR text that lost its diacritics
// ("Can cu", "KE HOACH") with the same rules as clean text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace lienthong::parse {

// One byte per code point: Vietnamese letters -> lower-case ASCII base (đ -> d), ASCII lower-cased,
// dashes U+2010..U+2015/U+2212 -> '-', Unicode spaces and tabs -> ' ', curly quotes -> '"'/'\'',
// '…' -> '.', any other code point -> '\x1a'.
std::string FoldKey(std::string_view text);

// One code point's fold (as FoldKey) and letter class: 0 not a Vietnamese/ASCII letter, 1 lower
// case, 2 upper case. A table lookup (this is the parser's innermost loop).
struct CpInfo {
  char fold;
  unsigned char letter;
};
CpInfo InfoOf(char32_t c);

// The bytes of code points [cp_begin, cp_end) of `text`.
std::string_view SliceByCodePoints(std::string_view text, size_t cp_begin, size_t cp_end);
size_t CodePointCount(std::string_view text);
// Byte offset of every code point of `text`, plus text.size() at the end: for callers that slice
// one text many times (SliceByCodePoints walks from the start each time).
std::vector<size_t> CodePointOffsets(std::string_view text);

std::string Trim(std::string_view text);
// Trim plus the given characters at both ends.
std::string TrimChars(std::string_view text, std::string_view chars);
// Runs of spaces become one space.
std::string CollapseSpaces(std::string_view text);

// Counts letters (Vietnamese or ASCII) and their upper-case share.
struct LetterStats {
  int letters = 0;
  int upper = 0;
  int words = 0;        // runs of 2+ letters
  int ascii_words = 0;  // of which written in plain ASCII (diacritics_detector.h)
};
// One pass: the fold key (as FoldKey) and the letter statistics of `text`.
LetterStats AnalyzeText(std::string_view text, std::string* key);
LetterStats CountLetters(std::string_view text);
// At least 2 letters and at least 85% of them upper case (tolerates an OCR slip or "kiêm").
bool IsMostlyUpper(std::string_view text);
// First letter of the text (skipping punctuation) is upper/lower case.
bool StartsUpper(std::string_view text);
bool StartsLower(std::string_view text);

// Key starts with `word` followed by end or a non-letter (so "ban" does not match "bang").
bool KeyStartsWith(std::string_view key, std::string_view word);
// Position of `word` in `key` at word boundaries, from `from`; npos when absent.
size_t KeyFind(std::string_view key, std::string_view word, size_t from = 0);

// Words of a key (runs of [a-z0-9]), with their code-point offsets.
struct KeyWord {
  size_t begin;
  size_t end;
  std::string_view text;
};
std::vector<KeyWord> KeyWords(std::string_view key);

// A header line with what OCR makes of specks, stamp edges and handwriting taken out: quote
// marks, backquotes, bars, carets and the like stripped from the ends of each word, then words
// left without a letter or digit dropped, and words mostly made of letters Vietnamese does not
// use ("Šð"). Rules ("-----", "*") and symbols ("13/KH-UBND", "V/v") are kept.
std::string DropOcrNoise(std::string_view text);

// "Nguyễn Hữu Việt", "Lê Thị Thái": 2–5 title-case words, a known family name first or a common
// middle name second, no digits.
bool LooksLikePersonName(std::string_view text);

// "PHÓ CHỦ TỊCH Bùi Thanh An": a signature's caps title and the signer's name on one line (a
// signature cell whose line breaks were lost). The caps part and the name; nullopt otherwise.
std::optional<std::pair<std::string, std::string>> SplitCapsAndPersonName(std::string_view text);

// Within `key`, the length of the organisation head word at `pos` ("ban", "van phong", "so",
// "uy ban", "cac", …), 0 when none. Used to tell where a unit name starts.
size_t UnitHeadLength(std::string_view key, size_t pos);

// The letters and digits of a key, spaces and marks left out: "ho chiminh" -> "hochiminh".
std::string Compact(std::string_view key);

// True when `a` and `b` (keys) are equal, differ by one substituted character (length >= 3), or
// by one added or lost character (the shorter of length >= 4): an edit distance of one.
// Tolerates OCR slips in fixed phrases ("hqi" for "hoi", "ngia" for "nghia").
bool NearlyEqualWord(std::string_view a, std::string_view b);

// Finds `phrase` (a key, words separated by single spaces) in `key` word by word, each word
// NearlyEqualWord; returns [begin, end) code-point range or {npos, npos}.
std::pair<size_t, size_t> FindFuzzyPhrase(std::string_view key, std::string_view phrase);
// The same over words split already (KeyWords of the key and of the phrase), for a caller that
// tries several phrases on one key.
std::pair<size_t, size_t> FindFuzzyPhrase(const std::vector<KeyWord>& words,
                                          const std::vector<KeyWord>& want);

}  // namespace lienthong::parse
