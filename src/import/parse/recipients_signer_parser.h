// The closing block (vn-documents.md §1.2 boxes 7 and 9b): "Nơi nhận:" with its "- …;" list, and
// the signature — signing authority lines with a prefix (TM., KT., T/M …) joined with a space,
// position lines (caps, "kiêm" included) joined with a space, and the signer's name, the last
// line of the block. "(Đã ký)"-style notes are dropped.
//
// Text exports interleave the two columns of this block, so each line is classified on its own:
// a caps tail on the "Nơi nhận:" line is a signature line ("Nơi nhận: PHÓ TRƯỞNG BAN"), and a
// person's name glued to the end of a recipient ("- Ban X các đảng ủy, Lê Thị B") is the signer.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "import/parse/parsed_line.h"

namespace lienthong::parse {

struct ClosingResult {
  std::vector<std::string> recipients;
  Signer signer;
  int recipients_line = -1;
  int signer_line = -1;
};

// Reads lines [begin, end) of the closing block.
ClosingResult ParseClosing(const std::vector<Line>& lines, size_t begin, size_t end);

// Where the closing block of lines [begin, end) starts ("Nơi nhận" or a signing prefix line), or
// `end`; and where it ends (an appendix: "PHỤ LỤC", a table, or text after the signer's name).
size_t FindClosingBegin(const std::vector<Line>& lines, size_t begin, size_t end);
size_t FindClosingEnd(const std::vector<Line>& lines, size_t closing_begin, size_t end);

// Without a closing block: a person's name under caps position lines near the end of the body.
// Returns [first position line, name line + 1), or {end, end}. Blocks headed "Ý KIẾN …" are the
// opinions of reviewers (a phiếu trình's approvals), not the signature.
std::pair<size_t, size_t> FindSignatureOnly(const std::vector<Line>& lines, size_t begin, size_t end);

}  // namespace lienthong::parse
