// A read document as plain text: one line per body block (list label before the text, table
// cells joined by " | "), page headers and footers left out. What a reviewer compares the parse
// with, and what the diacritic tools read.
#pragma once

#include <string>

#include "import/raw_document.h"

namespace lienthong {

std::string PlainText(const RawDocument& raw);

}  // namespace lienthong
