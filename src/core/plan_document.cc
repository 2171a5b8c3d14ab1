#include "core/plan_document.h"

namespace lienthong {

std::vector<std::string> LegalBasisSymbols(const PlanDocument& document) {
  std::vector<std::string> symbols;
  symbols.reserve(document.legal_bases.size());
  for (const LegalBasis& basis : document.legal_bases) symbols.push_back(basis.symbol);
  return symbols;
}

}  // namespace lienthong
