// Test-only: parser lines from texts, numbered from 1 as a text file's lines are, and the header
// the parser reads from such lines.
#pragma once

#include <initializer_list>
#include <vector>

#include "import/parse/header_parser.h"
#include "import/parse/parsed_line.h"

namespace lienthong::testing {

inline std::vector<parse::Line> TextLines(std::initializer_list<const char*> texts) {
  std::vector<parse::Line> out;
  int n = 0;
  for (const char* t : texts) {
    parse::Line l;
    l.SetText(t);
    l.pos.line = ++n;
    out.push_back(std::move(l));
  }
  return out;
}

inline parse::HeaderResult HeaderOfLines(std::initializer_list<const char*> texts) {
  const std::vector<parse::Line> lines = TextLines(texts);
  return parse::ParseHeader(lines, 0, lines.size());
}

}  // namespace lienthong::testing
