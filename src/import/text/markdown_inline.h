// Inline markup of text and Markdown files: what the text reader strips from a line and what it
// remembers (whole line bold / italic). Handles **bold**, __bold__, *italic*, backslash escapes
// (\* stays a literal star: the Party header's star), and the stray HTML tags word processors and
// converters leave (<b>, <strong>, <i>, <em>, <u>, <br>, <span …>, <p>, <div>, <font …>, <sup>).
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

struct InlineText {
  std::string text;     // markup removed, not trimmed
  bool bold = false;    // every visible character was inside bold markup
  bool italic = false;  // every visible character was inside italic markup
  // A "**" or "*" opened and not closed by the end of the line: web copies wrap lines inside a
  // bold name or an italic date ("**ỦY BAN NHÂN" / "DÂN**"), and the reader joins such lines.
  bool open_emphasis = false;
};

// `br_as_newline`: <br> becomes '\n' (table cells keep their inner lines) instead of a space.
InlineText StripInlineMarkup(std::string_view line, bool br_as_newline = false);

}  // namespace lienthong
