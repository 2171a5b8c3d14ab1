// Small WordprocessingML builders shared by the DOCX writer: escaped text runs, paragraphs with
// the few properties official documents need, and a text-width estimate for drawing rules
// under centred lines. Sizes are in points, lengths in twips (1/20 pt; 1 mm ≈ 56.7 twips).
#pragma once

#include <string>
#include <string_view>

namespace lienthong::ooxml {

// Escapes &, <, >, " and drops characters XML 1.0 forbids (C0 controls other than tab/newline).
std::string Escape(std::string_view text);

struct RunStyle {
  double size_pt = 14;
  bool bold = false;
  bool italic = false;
  bool underline = false;
};

enum class Align { kLeft, kCenter, kRight, kJustify };

struct ParagraphStyle {
  Align align = Align::kJustify;
  int first_line = 0;    // first-line indent
  int indent_left = 0;
  int indent_right = 0;
  int before = 0;        // space before, twips
  int after = 0;         // space after, twips
  int line = 240;        // 240 = single; with exact_line, the exact height
  bool exact_line = false;
  bool border_top = false;     // a solid rule above (an empty paragraph drawn as a line)
  bool border_bottom = false;  // a solid rule under the text
  bool keep_next = false;
  bool page_break_before = false;
};

// <w:r> with the text; "\t" becomes a tab.
std::string Run(std::string_view text, const RunStyle& style);
// <w:p> holding `runs` (already built <w:r> elements). `extra_ppr` is appended inside <w:pPr>
// (used for a section break).
std::string Paragraph(const ParagraphStyle& style, const std::string& runs,
                      const std::string& extra_ppr = "");
// One-run paragraph.
std::string TextParagraph(std::string_view text, const ParagraphStyle& p, const RunStyle& r);

// Width of `text` set in Times New Roman at this size, in twips, from average glyph widths per
// character class (capitals, lower case, digits, spaces). Good to a few percent on Vietnamese
// headings, which is enough to size a rule "the length of the line above".
int EstimateWidth(std::string_view text, double size_pt, bool bold);

}  // namespace lienthong::ooxml
