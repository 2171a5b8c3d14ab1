// Words OCR misread in a header's names and title, repaired with the diacritic model
// (text/diacritics): spaces lost between syllables, and marks made up on a word no one writes.
#pragma once

#include <string>

namespace lienthong::parse {

// Puts back the spaces OCR lost between syllables in `text`: a word with two vowel groups that
// splits into two syllables the diacritic model knows is split where the two are likeliest,
// unless the model knows the whole word far better (a loanword). Words of one vowel group and
// words of digits are left alone; without the model the text is unchanged.
// OCR of a header set in bold capitals loses the space between two syllables ("NGHĨAĐÀN",
// "BỘ YTẾ", "củacơ"). Vietnamese writes one syllable per word, so a word that is no syllable but
// is two known ones side by side is two words.
void RespaceJoinedSyllables(std::string& text);

// A word whose marks OCR misread into a form the model has never seen ("Bồi đưỡng") is read again
// from its letters in its context ("Bồi dưỡng"); every other word is left as written — words
// without marks too, which may be right as they are.
void RereadMisreadMarks(std::string& text);

}  // namespace lienthong::parse
