// Step 3b of the parser (plan_parser.h), only for text flagged as missing its diacritics: the
// restorer of text/diacritics/ puts them back line by line, one document state for the whole file
// (names written with diacritics anywhere win; a word leans on the choice made for it elsewhere).
// Positions stay valid: in NFC a restored letter is still one code point.
//
// What was changed is kept beside the result: the original text of every changed line, and the
// words the restorer was unsure of, for a person to check in the review.
#pragma once

#include <string>
#include <vector>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

// A restored word whose confidence is under this is listed for checking.
inline constexpr float kUncertainRestoreConfidence = 0.8f;
// At most this many uncertain words are listed per file (the count says how many there were).
inline constexpr size_t kMaxUncertainWordsListed = 500;

struct UncertainWord {
  size_t line_index = 0;  // into the lines given to RestoreLostDiacritics
  SourcePos pos;
  std::string original;  // as the source wrote it
  std::string restored;  // what the restorer chose
  float confidence = 0;  // 0..1; 0 for a word the model does not know (left as written)
};

struct OriginalLine {
  size_t line_index = 0;
  SourcePos pos;
  std::string text;  // the line as read, before restoring
};

struct DiacriticsRestoration {
  bool done = false;         // false: the restorer was unavailable or the text over its bound
  std::string why_not;       // when !done
  int changed_words = 0;
  int uncertain_words = 0;   // all of them, listed or not
  // The same two counts per line (indexes of the lines given), for a file of several documents.
  std::vector<int> changed_per_line;
  std::vector<int> uncertain_per_line;
  std::vector<UncertainWord> uncertain;
  std::vector<OriginalLine> originals;
};

DiacriticsRestoration RestoreLostDiacritics(std::vector<Line>* lines);

}  // namespace lienthong::parse
