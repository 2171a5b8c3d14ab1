#include "import/parse/legal_basis_parser.h"

#include <array>
#include <unordered_set>

#include "import/parse/document_symbol.h"
#include "import/parse/line_kinds.h"

namespace lienthong::parse {

namespace {
// Real preambles cite a few dozen documents; the caps keep hostile input linear and small.
constexpr size_t kMaxBases = 300;
constexpr size_t kMaxBasisText = 2000;
}  // namespace

bool IsPlanTypeAbbrev(std::string_view abbrev) {
  static constexpr std::array<std::string_view, 8> kPlanTypes = {"KH", "KHHĐ", "CTr", "CTHĐ",
                                                                 "HD", "ĐA",   "PA",  "KHPH"};
  for (std::string_view t : kPlanTypes) {
    if (abbrev == t) return true;
  }
  return false;
}

namespace {

// "Hướng dẫn số 7886/HD-BNV …", "Chỉ thị số 02-CT/TU …": a type name, then "số" within a few words.
bool OpensWithDocumentType(const Line& l) {
  static constexpr std::array<std::string_view, 14> kTypes = {
      "chi thi", "huong dan", "nghi quyet", "ke hoach", "quyet dinh", "nghi dinh", "thong tu",
      "ket luan", "thong bao", "cong van", "chuong trinh", "de an", "quy dinh", "luat"};
  for (std::string_view t : kTypes) {
    if (!KeyStartsWith(l.key, t) || !StartsUpper(l.text)) continue;
    const size_t so = KeyFind(l.key, "so", t.size());
    return so != kNpos && so <= t.size() + 20;
  }
  return false;
}

}  // namespace

LegalBasisResult ParseLegalBases(std::span<const Line> paragraphs) {
  LegalBasisResult r;
  std::unordered_set<std::string> seen;
  std::optional<std::string> thuc_hien, last_can_cu;
  // A basis may be a list: "Căn cứ các Nghị định …, bao gồm:" or "… đối chiếu với các quy định
  // pháp luật …, cụ thể gồm:" followed by items. The list runs over bullet items, or over the one
  // paragraph right after the lead-in.
  bool list_open = false;
  bool after_lead_in = false;
  bool after_basis = false;  // the paragraph before was a basis ending in ";" or ","
  for (const Line& p : paragraphs) {
    if (p.IsTableRow()) continue;
    // Bases are one per line, each ending in ";" (ND30): a line wrapped after one ("…;" /
    // "Hướng dẫn số 7886/HD-BNV …") goes on listing bases when it opens with a document type.
    const bool is_start = IsPreambleStart(p.key) || (after_basis && OpensWithDocumentType(p));
    const ItemLabel label = ParseItemLabel(p);
    const bool bullet = label.kind == Numbering::kDash || label.kind == Numbering::kPlus;
    const bool in_list = !is_start && (bullet ? list_open : after_lead_in);
    const bool ends_colon = !p.text.empty() && p.text.back() == ':';
    const bool lead_in = ends_colon && (is_start || KeyFind(p.key, "quy dinh") != kNpos ||
                                        KeyFind(p.key, "can cu") != kNpos || in_list);
    if (!bullet) list_open = lead_in;
    if (bullet && !in_list && !is_start) list_open = false;
    after_lead_in = lead_in;
    after_basis = (is_start || in_list) && !p.text.empty() && (p.text.back() == ';' || p.text.back() == ',');
    if (!is_start && !in_list) continue;
    const std::vector<SymbolHit> hits = FindDocumentSymbols(p.text);
    // The paragraph as the basis's text, bounded: a hostile paragraph must not be copied per symbol.
    const std::string text = p.text.size() > kMaxBasisText ? p.text.substr(0, kMaxBasisText) : p.text;
    for (const SymbolHit& h : hits) {
      if (r.bases.size() >= kMaxBases) break;
      if (!seen.insert(h.symbol).second) continue;
      r.bases.push_back(LegalBasis{h.symbol, text, std::nullopt});
      if (r.first_line < 0) r.first_line = p.pos.line;
    }
    if (hits.empty()) continue;
    if (!is_start) continue;
    if (IsThucHien(p.key)) {
      if (!thuc_hien) {
        for (const SymbolHit& h : hits) {
          if (IsPlanTypeAbbrev(SymbolTypeAbbrev(h.symbol))) {
            thuc_hien = h.symbol;
            break;
          }
        }
      }
    } else if (IsPlanTypeAbbrev(SymbolTypeAbbrev(hits.front().symbol))) {
      last_can_cu = hits.front().symbol;
    }
  }
  r.implements = thuc_hien ? thuc_hien : last_can_cu;
  return r;
}

}  // namespace lienthong::parse
