// Detects text that lost its diacritics (OCR without a Vietnamese model: "CONG HOA XA HOI",
// "Pong Nai"), and repairs the two OCR confusions that no Vietnamese text can contain.
//
// Detection: the share of letter words (2+ letters) written in plain ASCII. Measured on real plan
// documents, clean Vietnamese prose has 10–12% ASCII-only words ("ban", "tin", "an", acronyms);
// OCR output that lost its marks has about 80%. kMissingDiacriticsShare = 0.5 sits far from both,
// and at least kMinWords words are needed before anything is flagged.
#pragma once

#include <string>
#include <vector>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

inline constexpr double kMissingDiacriticsShare = 0.5;
inline constexpr int kMinWords = 30;

struct DiacriticsStats {
  int words = 0;
  int ascii_words = 0;
  bool missing() const { return words >= kMinWords && ascii_words >= words * kMissingDiacriticsShare; }
};

DiacriticsStats MeasureDiacritics(const std::vector<Line>& lines, size_t begin, size_t end);

// For text flagged as missing diacritics only:
//  * a capital "P" directly followed by a vowel at the start of a word becomes "Đ": no native
//    Vietnamese syllable starts with p + vowel (only "ph"), and models without Vietnamese read Đ
//    as P ("Pong Nai" -> "Đong Nai", "MUC PICH" -> "MUC ĐICH"). No tone mark is added.
//  * an ASCII apostrophe between two letters is dropped ("THU'C" -> "THUC"): Vietnamese words
//    never contain one, OCR reads a stray mark as one.
// Returns how many characters changed.
int RepairOcrLetters(std::vector<Line>* lines);

}  // namespace lienthong::parse
