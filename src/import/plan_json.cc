#include "import/plan_json.h"

#include <cmath>
#include <functional>

#include "util/parallel_for.h"

namespace lienthong {
namespace {

using Json = nlohmann::ordered_json;

Json StrOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json OptOrNull(const std::optional<std::string>& s) {
  return s && !s->empty() ? Json(*s) : Json(nullptr);
}

Json Pos(const SourcePos& p) {
  Json j;
  if (p.page > 0) j["page"] = p.page;
  j["line"] = p.line;
  return j;
}

// [{"text": "…"} | {"rows": [["…", …], …]}]: paragraphs and tables in document order.
Json TextBlocksToJson(const std::vector<TextBlock>& blocks) {
  Json a = Json::array();
  for (const TextBlock& b : blocks) {
    if (!b.rows.empty()) {
      a.push_back(Json{{"rows", b.rows}});
    } else {
      a.push_back(Json{{"text", b.text}});
    }
  }
  return a;
}

Json SectionToJson(const Section& s) {
  Json j;
  j["label"] = s.label;
  j["title"] = s.title;
  if (!s.blocks.empty()) j["body"] = TextBlocksToJson(s.blocks);
  if (!s.children.empty()) {
    j["children"] = Json::array();
    for (const Section& c : s.children) j["children"].push_back(SectionToJson(c));
  }
  return j;
}

Json UnitNames(const std::vector<UnitRef>& units) {
  Json a = Json::array();
  for (const UnitRef& u : units) a.push_back(u.name);
  return a;
}

Json PhasesToJson(const ImportedDocument& doc) {
  const Plan& p = doc.plan;
  Json phases = Json::array();
  for (size_t i = 0; i < doc.phases.size(); ++i) {
    const ImportedPhase& ph = doc.phases[i];
    Json pj;
    pj["name"] = ph.name;
    pj["start"] = OptOrNull(ph.start);
    pj["end"] = OptOrNull(ph.end);
    pj["objective"] = StrOrNull(ph.objective);
    pj["period"] = i < p.phases.size() ? StrOrNull(p.phases[i].when.original) : Json(nullptr);
    pj["targets"] = Json::array();
    if (i < p.phases.size()) {
      for (const IndicatorTarget& t : p.phases[i].targets) {
        pj["targets"].push_back(Json{{"text", t.text},
                                     {"unit", StrOrNull(t.unit)},
                                     {"value", t.value ? Json(*t.value) : Json(nullptr)}});
      }
    }
    phases.push_back(pj);
  }
  return phases;
}

Json TasksToJson(const ImportedDocument& doc) {
  Json tasks = Json::array();
  for (size_t i = 0; i < doc.plan.tasks.size(); ++i) {
    const Task& t = doc.plan.tasks[i];
    Json tj;
    tj["group"] = StrOrNull(t.group);
    tj["text"] = t.text;
    tj["lead"] = UnitNames(t.lead);
    tj["coordinators"] = UnitNames(t.coordinators);
    tj["deadline"] = StrOrNull(t.deadline.original);
    const std::optional<Date> due = t.deadline.DueDate();
    tj["deadline_date"] = due ? Json(due->ToIso()) : Json(nullptr);
    tj["deadline_kind"] =
        t.deadline.original.empty() ? Json(nullptr) : Json(TimeSpecKindName(t.deadline.kind));
    if (i < doc.task_sources.size()) tj["from"] = doc.task_sources[i];
    tasks.push_back(tj);
  }
  return tasks;
}

Json SignerToJson(const Signer& s) {
  if (s.name.empty() && s.title.empty() && !s.on_behalf) return nullptr;
  return Json{{"on_behalf", OptOrNull(s.on_behalf)},
              {"title", StrOrNull(s.title)},
              {"name", StrOrNull(s.name)}};
}

// The restored words to check and the lines as written, when diacritics were restored.
Json RestoredDiacriticsToJson(const ImportedDocument& doc) {
  Json uncertain = Json::array();
  for (const parse::UncertainWord& w : doc.uncertain) {
    uncertain.push_back(
        Json{{"pos", Pos(w.pos)},
             {"original", w.original},
             {"restored", w.restored},
             {"confidence", std::round(static_cast<double>(w.confidence) * 1000) / 1000}});
  }
  Json originals = Json::array();
  for (const parse::OriginalLine& l : doc.original_lines) {
    originals.push_back(Json{{"pos", Pos(l.pos)}, {"text", l.text}});
  }
  return Json{{"words", doc.restored_words},
              {"uncertain_words", doc.uncertain_words},
              {"uncertain", std::move(uncertain)},
              {"original_lines", std::move(originals)}};
}

// "warnings" (the English messages, as older readers expect) and "warning_details" (coded).
void AddWarnings(const std::vector<ImportWarning>& warnings, Json& j) {
  j["warnings"] = Json::array();
  j["warning_details"] = Json::array();
  for (const ImportWarning& w : warnings) {
    j["warnings"].push_back(w.message);
    Json params = Json::object();
    for (const auto& [name, value] : w.params) params[name] = value;
    j["warning_details"].push_back(
        Json{{"code", w.code}, {"params", params}, {"message", w.message}});
  }
}

// The document kept whole: legal bases with their text, preamble, sections with their body,
// appendix, themes and channels.
void AddBody(const ImportedDocument& doc, Json& j) {
  const Plan& p = doc.plan;
  j["legal_basis_details"] = Json::array();
  for (const LegalBasis& b : p.legal_bases) {
    j["legal_basis_details"].push_back(Json{{"symbol", b.symbol}, {"text", b.text}});
  }
  j["preamble"] = TextBlocksToJson(doc.preamble);
  j["section_tree"] = Json::array();
  for (const Section& sec : p.sections) j["section_tree"].push_back(SectionToJson(sec));
  j["appendix"] = TextBlocksToJson(doc.appendix);
  j["themes"] = Json::array();
  for (const ContentTheme& t : p.themes) {
    j["themes"].push_back(Json{{"label", t.label}, {"title", t.title}});
  }
  j["channels"] = Json::array();
  for (const Channel& c : p.channels) {
    j["channels"].push_back(Json{{"code", c.code}, {"name", c.name}});
  }
}

}  // namespace

Json ImportedDocumentToJson(const ImportedDocument& doc) {
  const Plan& p = doc.plan;
  const PlanHeader& h = p.header;
  Json j;
  j["doc_type"] = StrOrNull(h.doc_type);
  j["number"] = OptOrNull(h.number);
  j["issuer"] = StrOrNull(h.issuer);
  j["parent_issuer"] = StrOrNull(h.parent_issuer);
  j["place"] = StrOrNull(h.place);
  j["date"] = OptOrNull(h.date);
  j["title"] = StrOrNull(h.title);
  j["family"] = h.family == DocumentFamily::kState   ? Json("state")
                : h.family == DocumentFamily::kParty ? Json("party")
                                                     : Json(nullptr);
  j["legal_bases"] = Json::array();
  for (const LegalBasis& b : p.legal_bases) j["legal_bases"].push_back(b.symbol);
  j["implements"] = OptOrNull(p.implements);
  j["sections"] = Json::array();
  for (const Section& s : p.sections) j["sections"].push_back(s.title);
  j["content_items"] = doc.content_items ? Json(*doc.content_items) : Json(nullptr);
  j["phases"] = PhasesToJson(doc);
  j["tasks"] = TasksToJson(doc);
  j["report_deadlines"] = doc.report_deadlines;
  j["recipients"] = p.recipients;
  j["signer"] = SignerToJson(p.signer);
  j["diacritics"] = doc.diacritics;
  if (doc.diacritics == "restored") j["diacritics_restored"] = RestoredDiacriticsToJson(doc);
  AddWarnings(doc.warnings, j);
  j["source"] = Json{{"file", doc.source_file}, {"format", doc.format}, {"encoding", doc.encoding},
                     {"begin", Pos(doc.begin)}, {"end", Pos(doc.end)}};
  Json positions = Json::object();
  for (const auto& [field, pos] : doc.positions) positions[field] = Pos(pos);
  j["positions"] = positions;
  AddBody(doc, j);
  return j;
}

Json RawDocumentToJson(const RawDocument& raw) {
  static constexpr const char* kKinds[] = {"paragraph", "heading", "table_row", "page_break"};
  static constexpr const char* kRegions[] = {"body", "page_header", "page_footer"};
  Json blocks = Json::array();
  for (const Block& b : raw.blocks) {
    Json j;
    j["kind"] = kKinds[static_cast<int>(b.kind)];
    if (b.region != BlockRegion::kBody) j["region"] = kRegions[static_cast<int>(b.region)];
    if (b.pos.page > 0) j["page"] = b.pos.page;
    j["line"] = b.pos.line;
    j["text"] = b.text;
    if (b.kind == BlockKind::kTableRow) {
      j["table"] = b.table_index;
      j["cells"] = b.cells;
    }
    if (b.kind == BlockKind::kHeading) j["heading"] = b.heading_level;
    if (!b.list_label.empty()) j["list_label"] = b.list_label;
    if (b.bold) j["bold"] = true;
    if (b.italic) j["italic"] = true;
    if (b.centered) j["centered"] = true;
    blocks.push_back(std::move(j));
  }
  return Json{{"file", raw.source_name}, {"format", raw.format}, {"encoding", raw.encoding},
              {"warnings", WarningMessages(raw.warnings)}, {"blocks", std::move(blocks)}};
}

Json ImportedDocumentsToJson(const std::vector<ImportedDocument>& docs) {
  Json j;
  j["documents"] = Json::array();
  for (const ImportedDocument& d : docs) j["documents"].push_back(ImportedDocumentToJson(d));
  return j;
}

std::string ImportedDocumentsJsonText(const std::vector<ImportedDocument>& docs, int indent) {
  if (docs.empty()) return ImportedDocumentsToJson(docs).dump(indent);
  std::vector<std::string> parts(docs.size());
  ForEachIndexInParallel(docs.size(), [&](size_t i) {
    parts[i] = ImportedDocumentToJson(docs[i]).dump(indent);
  });
  if (indent < 0) {
    std::string out = "{\"documents\":[";
    for (size_t i = 0; i < parts.size(); ++i) (out += i ? "," : "") += parts[i];
    return out + "]}";
  }
  // Each document sits two levels deep in {"documents": [...]}: its lines move right by that much.
  // A newline inside a JSON string is written as \n, so every raw newline starts a line.
  const std::string step(static_cast<size_t>(indent), ' ');
  const std::string deep = step + step;
  std::string out = "{\n" + step + "\"documents\": [\n";
  size_t total = out.size() + 8;
  for (const std::string& part : parts) total += part.size() + 2 * deep.size();
  out.reserve(total + total / 4);
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    out += deep;
    for (size_t from = 0; from < part.size();) {
      const size_t newline = part.find('\n', from);
      if (newline == std::string_view::npos) {
        out += part.substr(from);
        break;
      }
      out += part.substr(from, newline + 1 - from);
      out += deep;
      from = newline + 1;
    }
    out += i + 1 < parts.size() ? ",\n" : "\n";
  }
  return out + step + "]\n}";
}

}  // namespace lienthong
