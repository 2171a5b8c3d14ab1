// EncodePlanDocument: the import JSON's field order and null rules (docs/import-schema.md) — a
// text the document does not have is null, lists are always present.
#include "store/plan_document_codec.h"

namespace lienthong {
namespace {

using nlohmann::json;

json TextOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json TextOrNull(const std::optional<std::string>& s) {
  return s && !s->empty() ? json(*s) : json(nullptr);
}

json PositionJson(const DocumentPosition& p) {
  json j;
  if (p.page > 0) j["page"] = p.page;
  j["line"] = p.line;
  return j;
}

json SectionJson(const Section& s) {
  json j = {{"label", s.label}, {"title", s.title}};
  if (!s.blocks.empty()) {
    j["body"] = json::array();
    for (const TextBlock& b : s.blocks) {
      j["body"].push_back(b.rows.empty() ? json{{"text", b.text}} : json{{"rows", b.rows}});
    }
  } else if (!s.body.empty()) {
    j["body"] = s.body;
  }
  if (!s.children.empty()) {
    j["children"] = json::array();
    for (const Section& c : s.children) j["children"].push_back(SectionJson(c));
  }
  return j;
}

json PhaseJson(const DocumentPhase& p) {
  json targets = json::array();
  for (const IndicatorTarget& t : p.targets) {
    targets.push_back({{"text", t.text},
                       {"unit", TextOrNull(t.unit)},
                       {"value", t.value ? json(*t.value) : json(nullptr)}});
  }
  return {{"name", p.name},       {"start", TextOrNull(p.start)},
          {"end", TextOrNull(p.end)}, {"objective", TextOrNull(p.objective)},
          {"period", TextOrNull(p.period)}, {"targets", targets}};
}

json TaskJson(const DocumentTask& t) {
  json j = {{"group", TextOrNull(t.group)},
            {"text", t.text},
            {"lead", t.lead},
            {"coordinators", t.coordinators},
            {"deadline", TextOrNull(t.deadline)},
            {"deadline_date", t.deadline_date ? json(t.deadline_date->ToIso()) : json(nullptr)},
            {"deadline_kind",
             t.deadline_kind ? json(TimeSpecKindName(*t.deadline_kind)) : json(nullptr)}};
  if (!t.from.empty()) j["from"] = t.from;
  if (t.id) j["id"] = *t.id;
  return j;
}

void AddHeader(const PlanDocument& d, json& j) {
  const PlanHeader& h = d.header;
  j["doc_type"] = TextOrNull(h.doc_type);
  j["number"] = TextOrNull(h.number);
  j["issuer"] = TextOrNull(h.issuer);
  j["parent_issuer"] = TextOrNull(h.parent_issuer);
  j["place"] = TextOrNull(h.place);
  j["date"] = TextOrNull(h.date);
  j["title"] = TextOrNull(h.title);
  j["family"] = h.family == DocumentFamily::kState   ? json("state")
                : h.family == DocumentFamily::kParty ? json("party")
                                                     : json(nullptr);
  j["legal_bases"] = LegalBasisSymbols(d);
  j["implements"] = TextOrNull(d.implements);
}

void AddOutline(const PlanDocument& d, json& j) {
  j["sections"] = json::array();
  for (const Section& s : d.sections) j["sections"].push_back(s.title);
  j["content_items"] = d.content_items ? json(*d.content_items) : json(nullptr);
  j["phases"] = json::array();
  for (const DocumentPhase& p : d.phases) j["phases"].push_back(PhaseJson(p));
  j["tasks"] = json::array();
  for (const DocumentTask& t : d.tasks) j["tasks"].push_back(TaskJson(t));
}

void AddClosingAndNotes(const PlanDocument& d, json& j) {
  j["report_deadlines"] = d.report_deadlines;
  j["recipients"] = d.recipients;
  j["signer"] = d.signer ? json{{"on_behalf", TextOrNull(d.signer->on_behalf)},
                                {"title", TextOrNull(d.signer->title)},
                                {"name", TextOrNull(d.signer->name)}}
                         : json(nullptr);
  j["diacritics"] = d.diacritics;
  j["warnings"] = d.warnings;
  j["source"] = d.source ? json{{"file", d.source->file},
                                {"format", d.source->format},
                                {"encoding", d.source->encoding},
                                {"begin", PositionJson(d.source->begin)},
                                {"end", PositionJson(d.source->end)}}
                         : json(nullptr);
  j["positions"] = json::object();
  for (const auto& [field, pos] : d.positions) j["positions"][field] = PositionJson(pos);
}

void AddDetails(const PlanDocument& d, json& j) {
  j["legal_basis_details"] = json::array();
  for (const LegalBasis& b : d.legal_bases) {
    j["legal_basis_details"].push_back({{"symbol", b.symbol}, {"text", b.text}});
  }
  j["section_tree"] = json::array();
  for (const Section& s : d.sections) j["section_tree"].push_back(SectionJson(s));
  j["themes"] = json::array();
  for (const ContentTheme& t : d.themes) {
    json theme = {{"label", t.label}, {"title", t.title}};
    if (!t.text.empty()) theme["text"] = t.text;
    j["themes"].push_back(std::move(theme));
  }
  j["channels"] = json::array();
  for (const Channel& c : d.channels) j["channels"].push_back({{"code", c.code}, {"name", c.name}});
  if (d.derived_from) {
    j["derived_from"] = {{"plan_id", d.derived_from->plan_id},
                         {"number", TextOrNull(d.derived_from->number)}};
  }
}

}  // namespace

json EncodePlanDocument(const PlanDocument& document) {
  json j = json::object();
  AddHeader(document, j);
  AddOutline(document, j);
  AddClosingAndNotes(document, j);
  AddDetails(document, j);
  for (const auto& [key, raw] : document.other_fields) {
    json value = json::parse(raw, nullptr, false);
    if (!value.is_discarded() && !j.contains(key)) j[key] = std::move(value);
  }
  return j;
}

std::string StoredPlanDocument(const PlanDocument& document) {
  return EncodePlanDocument(document).dump();
}

}  // namespace lienthong
