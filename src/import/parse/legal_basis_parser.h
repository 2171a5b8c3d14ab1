// The preamble's legal bases ("Căn cứ …", "Thực hiện …") and the plan this one implements.
//
// legal_bases: every document symbol in a Căn cứ/Thực hiện paragraph, in order, once each.
// implements: the plan-type symbol (KH, KHHĐ, CTr, HD, ĐA, PA) that
//   1. a "Thực hiện …" paragraph names first — the document says outright what it carries out;
//   2. else the last "Căn cứ <Kế hoạch|Chương trình|Hướng dẫn> số …" paragraph names first: ND30
//      orders legal bases from the highest and oldest to the most specific, so the plan being
//      implemented directly is the last plan listed;
//   3. else none (a plan based only on laws, decrees and decisions implements no plan).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/plan.h"
#include "import/parse/parsed_line.h"

namespace lienthong::parse {

struct LegalBasisResult {
  std::vector<LegalBasis> bases;
  std::optional<std::string> implements;
  int first_line = -1;  // source line of the first basis
};

// `paragraphs`: the joined preamble paragraphs (between the title and the first section).
LegalBasisResult ParseLegalBases(std::span<const Line> paragraphs);

// True for plan-type abbreviations (KH, KHHĐ, CTr, HD, ĐA, PA, CTHĐ).
bool IsPlanTypeAbbrev(std::string_view abbrev);

}  // namespace lienthong::parse
