#include "service/plans/plan_derive_document.h"

#include <set>

#include "service/plans/cascade_units.h"
#include "service/plans/plan_derive.h"
#include "service/plans/plan_linking.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

// The rewriter's text in NFC, as the document codec keeps every text.
class Adapter {
 public:
  explicit Adapter(const LevelWordRewriter& rewriter) : rewriter_(rewriter) {}
  std::string operator()(const std::string& text) const {
    return text.empty() ? text : ToNfc(rewriter_.Rewrite(text));
  }
  std::vector<std::string> operator()(const std::vector<std::string>& texts) const {
    std::vector<std::string> out;
    for (const std::string& t : texts) out.push_back((*this)(t));
    return out;
  }

 private:
  const LevelWordRewriter& rewriter_;
};

// "15/8/2025" from "2025-08-15" (day and month without leading zeros, as in running text).
std::string VietnameseDate(const std::optional<std::string>& iso) {
  if (!iso) return "";
  auto date = Date::FromIso(*iso);
  if (!date) return "";
  return std::to_string(date->day) + "/" + std::to_string(date->month) + "/" +
         std::to_string(date->year);
}

// Issuer = the unit, number and date blank (a draft), place = the unit's territory; the draft
// implements the parent.
void AdaptHeader(const PlanRecord& parent, const DerivationTarget& target, const Adapter& adapt,
                 PlanDocument& doc) {
  PlanHeader& h = doc.header;
  h.issuer = target.unit.name;
  h.parent_issuer.clear();
  h.number.reset();
  h.date.reset();
  h.place = ProperName(target.territory);
  h.title = adapt(parent.title);
  doc.implements = parent.number ? *parent.number + " " + parent.title : parent.title;
}

// The parent's number first ("Thực hiện Kế hoạch số … của … về …;"), then the parent's own
// bases, each symbol once (SymbolKey).
std::vector<LegalBasis> DerivedLegalBases(const PlanRecord& parent,
                                          const std::vector<LegalBasis>& parent_bases,
                                          const std::string& parent_issuer) {
  std::vector<LegalBasis> bases;
  std::set<std::string> seen;
  auto add = [&](LegalBasis basis) {
    std::string key = SymbolKey(basis.symbol);
    if (key.empty() || !seen.insert(key).second) return;
    basis.plan_id.reset();
    bases.push_back(std::move(basis));
  };
  if (parent.number) {
    std::string date = VietnameseDate(parent.date);
    add({*parent.number,
         "Thực hiện " + parent.doc_type + " số " + *parent.number +
             (date.empty() ? "" : " ngày " + date) +
             (parent_issuer.empty() ? "" : " của " + parent_issuer) + " về " + parent.title + ";",
         std::nullopt});
  }
  for (const LegalBasis& b : parent_bases) add(b);
  return bases;
}

void AdaptSections(std::vector<Section>& sections, const Adapter& adapt) {
  for (Section& s : sections) {
    s.title = adapt(s.title);
    AdaptSections(s.children, adapt);
  }
}

// Outline titles, themes, channels and phase objectives in the unit's words.
void AdaptOutline(const Adapter& adapt, PlanDocument& doc) {
  AdaptSections(doc.sections, adapt);
  for (ContentTheme& t : doc.themes) {
    t.title = adapt(t.title);
    t.text = adapt(t.text);
  }
  for (Channel& c : doc.channels) c.name = adapt(c.name);
  for (DocumentPhase& p : doc.phases) p.objective = adapt(p.objective);
}

// The parent's tasks that fall to the unit, adapted, without row ids.
std::vector<DocumentTask> TasksOfUnit(const std::vector<DocumentTask>& parent_tasks,
                                      const DerivationTarget& target, const Adapter& adapt) {
  std::vector<DocumentTask> tasks;
  for (const DocumentTask& task : parent_tasks) {
    std::vector<std::string> names = task.lead;
    names.insert(names.end(), task.coordinators.begin(), task.coordinators.end());
    if (!TaskFallsToUnit(names, target.unit, target.territory, target.parent_level,
                         target.same_territory)) {
      continue;
    }
    DocumentTask copy = task;
    copy.id.reset();
    copy.text = adapt(task.text);
    copy.group = adapt(task.group);
    copy.lead = adapt(task.lead);
    copy.coordinators = adapt(task.coordinators);
    tasks.push_back(std::move(copy));
  }
  return tasks;
}

// Sent to the parent's issuer for information and filed; unsigned; nothing of the parent's
// import (warnings, source, positions) carries over.
void ReplaceClosing(const PlanRecord& parent, const DerivationTarget& target, PlanDocument& doc) {
  doc.recipients.clear();
  if (!target.parent_issuer.empty()) doc.recipients.push_back(target.parent_issuer + " (b/c)");
  doc.recipients.push_back("Lưu: VT");
  doc.signer.reset();
  doc.warnings.clear();
  doc.source.reset();
  doc.positions.clear();
  doc.derived_from = DerivedFrom{parent.id, parent.number};
}

}  // namespace

DerivedDocument DeriveDocument(const PlanRecord& parent, const PlanDocument& parent_document,
                               const DerivationTarget& target, const LevelWordRewriter& rewriter) {
  const Adapter adapt(rewriter);
  DerivedDocument derived{parent_document, parent_document.tasks.size()};
  PlanDocument& doc = derived.document;
  AdaptHeader(parent, target, adapt, doc);
  doc.legal_bases = DerivedLegalBases(parent, parent_document.legal_bases, target.parent_issuer);
  AdaptOutline(adapt, doc);
  doc.tasks = TasksOfUnit(parent_document.tasks, target, adapt);
  ReplaceClosing(parent, target, doc);
  return derived;
}

}  // namespace lienthong
