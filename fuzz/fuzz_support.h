// What the reader fuzz targets share.
#pragma once

#include <cstddef>

#include "import/raw_document.h"
#include "util/status.h"

namespace lienthong {

// Touches a reader's output so the optimiser cannot drop the work; always 0 (keep the input).
inline int ConsumeDocument(const Result<RawDocument>& doc) {
  if (!doc.ok()) return 0;
  size_t total = 0;
  for (const Block& block : doc->blocks) total += block.text.size();
  return total == static_cast<size_t>(-1) ? 1 : 0;
}

}  // namespace lienthong
