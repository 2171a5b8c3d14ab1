// The parser's view of one block: its text, the matching key (text_scan.h FoldKey) and where it
// came from. Every parser step works on a vector of these.
#pragma once

#include <string>
#include <vector>

#include "import/parse/text_scan.h"
#include "import/raw_document.h"

namespace lienthong::parse {

struct Line {
  std::string text;  // NFC, markup removed, trimmed, spaces collapsed
  std::string key;   // FoldKey(text): one byte per code point
  BlockKind kind = BlockKind::kParagraph;
  bool bold = false;
  int heading_level = 0;
  int table_index = -1;
  std::vector<std::string> cells;
  int layout_column = -1;  // the cell of a header layout table this line came from (0 = left)
  SourcePos pos;

  bool IsTableRow() const { return kind == BlockKind::kTableRow; }
  LetterStats letters;  // of `text`, kept by SetText/Append

  void SetText(std::string t) {
    text = std::move(t);
    letters = AnalyzeText(text, &key);
  }
  // Appends `other`'s text after a space (a paragraph join).
  void Append(const Line& other) {
    text += ' ';
    text += other.text;
    key += ' ';
    key += other.key;
    letters.letters += other.letters.letters;
    letters.upper += other.letters.upper;
    letters.words += other.letters.words;
    letters.ascii_words += other.letters.ascii_words;
  }
  // IsMostlyUpper(text), from the cached counts.
  bool MostlyUpper() const { return letters.letters >= 2 && letters.upper * 100 >= letters.letters * 85; }
};

// How many lines a whole-file pass hands to one core at a time (util/parallel_for.h) when it tests
// each line on its own.
constexpr size_t kLinesPerChunk = 2048;

// Body blocks as lines (page headers/footers and page breaks are dropped; Word list labels are
// put back in front of the text so "1." numbering reads the same from every format).
// `page_breaks` receives the number of page breaks seen.
std::vector<Line> LinesFromBlocks(const RawDocument& raw, int* page_breaks);

}  // namespace lienthong::parse
