#include "import/plain_text.h"

namespace lienthong {

std::string PlainText(const RawDocument& raw) {
  std::string out;
  for (const Block& block : raw.blocks) {
    if (block.region != BlockRegion::kBody) continue;
    std::string line;
    if (!block.cells.empty()) {
      for (const std::string& cell : block.cells) line += (line.empty() ? "" : " | ") + cell;
    } else {
      line = block.list_label.empty() ? block.text : block.list_label + " " + block.text;
    }
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace lienthong
