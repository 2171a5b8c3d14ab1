#include "store/plan_document_codec.h"

#include <array>
#include <string_view>

#include "text/normalize.h"

namespace lienthong {
namespace {

using nlohmann::json;

constexpr int kMaxSectionDepth = 32;  // outlines are 4–5 deep; deeper input is refused

constexpr std::array<std::string_view, 26> kKnownFields = {
    "doc_type",  "number",       "issuer",        "parent_issuer",       "place",
    "date",      "title",        "family",        "legal_bases",         "implements",
    "sections",  "content_items", "phases",       "tasks",               "report_deadlines",
    "recipients", "signer",      "diacritics",    "warnings",            "source",
    "positions", "legal_basis_details", "section_tree", "themes",        "channels",
    "derived_from"};

// Reads the fields of one JSON object, noting wrong types under the field's path.
class Fields {
 public:
  Fields(const json& object, std::string path, ProblemList& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {
    if (!object.is_object()) Problem("", "expected an object");
  }

  std::string Path(std::string_view key) const { return path_ + "." + std::string(key); }
  void Problem(std::string_view key, const std::string& what) {
    problems_.Add(key.empty() ? path_ : Path(key), what);
  }
  ProblemList& problems() { return problems_; }

  // The value of `key`, or nullptr when absent or null.
  const json* Find(std::string_view key) const {
    if (!object_.is_object()) return nullptr;
    auto it = object_.find(std::string(key));
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }
  std::optional<std::string> OptText(std::string_view key) {
    const json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      Problem(key, "expected a string or null");
      return std::nullopt;
    }
    return ToNfc(v->get<std::string>());
  }
  std::string Text(std::string_view key) { return OptText(key).value_or(""); }
  // A list of strings; objects with a "symbol" stand for their symbol (legal bases as objects).
  std::vector<std::string> TextList(std::string_view key) {
    std::vector<std::string> out;
    const json* list = List(key);
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
      const json& item = (*list)[i];
      if (item.is_string()) {
        out.push_back(ToNfc(item.get<std::string>()));
      } else {
        problems_.Add(Path(key) + "[" + std::to_string(i) + "]", "expected a string");
      }
    }
    return out;
  }
  const json* List(std::string_view key) {
    const json* v = Find(key);
    if (v && !v->is_array()) {
      Problem(key, key == "lead" || key == "coordinators" || key == "legal_bases"
                       ? "expected a list of strings"
                       : "expected a list");
      return nullptr;
    }
    return v;
  }
  const json* Object(std::string_view key) {
    const json* v = Find(key);
    if (v && !v->is_object()) {
      Problem(key, "expected an object or null");
      return nullptr;
    }
    return v;
  }
  std::optional<int64_t> Integer(std::string_view key) {
    const json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
      Problem(key, "expected an integer or null");
      return std::nullopt;
    }
    return v->get<int64_t>();
  }

 private:
  const json& object_;
  std::string path_;
  ProblemList& problems_;
};

// Calls read(item, path) for each element of the list `key`.
template <typename Read>
void EachItem(Fields& f, std::string_view key, Read read) {
  const json* list = f.List(key);
  if (!list) return;
  for (size_t i = 0; i < list->size(); ++i) {
    read((*list)[i], f.Path(key) + "[" + std::to_string(i) + "]");
  }
}

DocumentPosition ReadPosition(const json& j) {
  DocumentPosition p;
  if (!j.is_object()) return p;
  if (j.contains("page") && j["page"].is_number_integer()) p.page = j["page"].get<int>();
  if (j.contains("line") && j["line"].is_number_integer()) p.line = j["line"].get<int>();
  return p;
}

// A section's body: the importer's blocks (`[{"text"} | {"rows": [[…]]}]`, paragraphs and tables
// in document order) or, in documents stored before the importer kept them, one string.
void ReadSectionBody(Fields& f, Section& s) {
  const json* body = f.Find("body");
  if (body == nullptr) return;
  if (body->is_string()) {
    s.body = ToNfc(body->get<std::string>());
    return;
  }
  if (!body->is_array()) {
    f.Problem("body", "expected a string or a list of blocks");
    return;
  }
  for (size_t i = 0; i < body->size(); ++i) {
    Fields block((*body)[i], f.Path("body") + "[" + std::to_string(i) + "]", f.problems());
    TextBlock b;
    b.text = block.Text("text");
    if (const json* rows = block.List("rows")) {
      for (const json& row : *rows) {
        std::vector<std::string> cells;
        if (row.is_array()) {
          for (const json& cell : row) cells.push_back(cell.is_string() ? ToNfc(cell.get<std::string>()) : "");
        }
        b.rows.push_back(std::move(cells));
      }
    }
    if (!b.text.empty()) s.body += (s.body.empty() ? "" : "\n") + b.text;
    s.blocks.push_back(std::move(b));
  }
}

void ReadSections(const json& nodes, const std::string& path, int depth, ProblemList& problems,
                  std::vector<Section>& out) {
  if (depth > kMaxSectionDepth) {
    problems.Add(path, "nested more than " + std::to_string(kMaxSectionDepth) + " levels");
    return;
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    Fields f(nodes[i], path + "[" + std::to_string(i) + "]", problems);
    Section s;
    s.label = f.Text("label");
    s.title = f.Text("title");
    ReadSectionBody(f, s);
    if (const json* children = f.List("children")) {
      ReadSections(*children, f.Path("children"), depth + 1, problems, s.children);
    }
    out.push_back(std::move(s));
  }
}

void ReadLegalBases(Fields& f, PlanDocument& doc) {
  EachItem(f, "legal_bases", [&](const json& item, const std::string& path) {
    if (item.is_string()) {
      doc.legal_bases.push_back({ToNfc(item.get<std::string>()), "", std::nullopt});
      return;
    }
    Fields b(item, path, f.problems());
    LegalBasis basis{b.Text("symbol"), b.Text("text"), std::nullopt};
    if (basis.symbol.empty()) b.Problem("symbol", "a legal basis needs its symbol");
    doc.legal_bases.push_back(std::move(basis));
  });
  // The paragraphs each basis was read from; a paragraph of a basis not listed adds it.
  EachItem(f, "legal_basis_details", [&](const json& item, const std::string& path) {
    Fields d(item, path, f.problems());
    std::string symbol = d.Text("symbol"), text = d.Text("text");
    for (LegalBasis& basis : doc.legal_bases) {
      if (basis.symbol == symbol) {
        if (basis.text.empty()) basis.text = text;
        return;
      }
    }
    if (!symbol.empty()) doc.legal_bases.push_back({symbol, text, std::nullopt});
  });
}

void ReadTaskDeadline(Fields& t, DocumentTask& task) {
  const json* deadline = t.Find("deadline");
  if (deadline && deadline->is_object() && deadline->contains("text")) {
    deadline = &(*deadline)["text"];
  }
  if (deadline && deadline->is_string()) {
    task.deadline = ToNfc(deadline->get<std::string>());
  } else if (deadline && !deadline->is_null()) {
    t.Problem("deadline", "expected a string or null");
  }
  if (auto kind = t.OptText("deadline_kind")) {
    task.deadline_kind = ParseTimeSpecKind(*kind);
    if (!task.deadline_kind) {
      t.Problem("deadline_kind", "expected date, period, ongoing, done, recurring or unknown");
    }
  }
  if (auto date = t.OptText("deadline_date")) {
    task.deadline_date = Date::FromIso(*date);
    if (!task.deadline_date) t.Problem("deadline_date", "expected a date YYYY-MM-DD");
  }
}

void ReadTasks(Fields& f, PlanDocument& doc) {
  EachItem(f, "tasks", [&](const json& item, const std::string& path) {
    Fields t(item, path, f.problems());
    DocumentTask task;
    task.id = t.Integer("id");
    if (task.id && *task.id <= 0) t.Problem("id", "expected a positive task id");
    task.group = t.Text("group");
    task.text = t.Text("text");
    if (item.is_object() && task.text.empty()) t.Problem("text", "a task needs its text");
    task.lead = t.TextList("lead");
    task.coordinators = t.TextList("coordinators");
    ReadTaskDeadline(t, task);
    task.from = t.Text("from");
    doc.tasks.push_back(std::move(task));
  });
}

void ReadPhases(Fields& f, PlanDocument& doc) {
  EachItem(f, "phases", [&](const json& item, const std::string& path) {
    Fields p(item, path, f.problems());
    DocumentPhase phase{p.Text("name"), p.OptText("start"), p.OptText("end"),
                        p.Text("objective"), p.Text("period"), {}};
    EachItem(p, "targets", [&](const json& target, const std::string& target_path) {
      Fields t(target, target_path, f.problems());
      IndicatorTarget it;
      it.text = t.Text("text");
      it.unit = t.Text("unit");
      if (const json* v = t.Find("value")) {
        if (v->is_number()) it.value = v->get<double>();
        else t.Problem("value", "expected a number or null");
      }
      phase.targets.push_back(std::move(it));
    });
    doc.phases.push_back(std::move(phase));
  });
}

void ReadOutline(Fields& f, PlanDocument& doc) {
  if (const json* tree = f.List("section_tree"); tree && !tree->empty()) {
    ReadSections(*tree, f.Path("section_tree"), 1, f.problems(), doc.sections);
  } else {
    for (std::string& title : f.TextList("sections")) doc.sections.push_back({"", title, "", {}});
  }
  EachItem(f, "themes", [&](const json& item, const std::string& path) {
    Fields t(item, path, f.problems());
    doc.themes.push_back({t.Text("label"), t.Text("title"), t.Text("text")});
  });
  EachItem(f, "channels", [&](const json& item, const std::string& path) {
    Fields c(item, path, f.problems());
    doc.channels.push_back({c.Text("code"), c.Text("name")});
  });
}

void ReadHeader(Fields& f, PlanDocument& doc) {
  PlanHeader& h = doc.header;
  h.doc_type = f.Text("doc_type");
  h.number = f.OptText("number");
  h.issuer = f.Text("issuer");
  h.parent_issuer = f.Text("parent_issuer");
  h.place = f.Text("place");
  h.date = f.OptText("date");
  h.title = f.Text("title");
  std::string family = f.Text("family");
  h.family = family == "state"   ? DocumentFamily::kState
             : family == "party" ? DocumentFamily::kParty
                                 : DocumentFamily::kUnknown;
  doc.implements = f.OptText("implements");
}

void ReadClosing(Fields& f, PlanDocument& doc) {
  doc.report_deadlines = f.TextList("report_deadlines");
  doc.recipients = f.TextList("recipients");
  if (const json* signer = f.Object("signer")) {
    Fields s(*signer, f.Path("signer"), f.problems());
    doc.signer = Signer{s.OptText("on_behalf"), s.Text("title"), s.Text("name")};
  }
}

void ReadImportNotes(Fields& f, const json& j, PlanDocument& doc) {
  if (auto content_items = f.Integer("content_items")) {
    doc.content_items = static_cast<int>(*content_items);
  }
  doc.diacritics = f.OptText("diacritics").value_or("ok");
  doc.warnings = f.TextList("warnings");
  if (const json* source = f.Object("source")) {
    Fields s(*source, f.Path("source"), f.problems());
    doc.source = DocumentSource{s.Text("file"), s.Text("format"), s.Text("encoding"),
                                ReadPosition(source->value("begin", json())),
                                ReadPosition(source->value("end", json()))};
  }
  if (const json* positions = f.Object("positions")) {
    for (const auto& [field, pos] : positions->items()) doc.positions[field] = ReadPosition(pos);
  }
  if (const json* derived = f.Object("derived_from")) {
    Fields d(*derived, f.Path("derived_from"), f.problems());
    doc.derived_from = DerivedFrom{d.Integer("plan_id").value_or(0), d.OptText("number")};
  }
  if (!j.is_object()) return;
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (std::string_view k : kKnownFields) known = known || k == key;
    if (!known) doc.other_fields.emplace_back(key, value.dump());
  }
}

}  // namespace

PlanDocument DecodePlanDocument(const json& j, const std::string& path, ProblemList& problems) {
  PlanDocument doc;
  Fields f(j, path, problems);
  ReadHeader(f, doc);
  ReadLegalBases(f, doc);
  ReadOutline(f, doc);
  ReadPhases(f, doc);
  ReadTasks(f, doc);
  ReadClosing(f, doc);
  ReadImportNotes(f, j, doc);
  return doc;
}

PlanDocument ReadStoredPlanDocument(const std::string& text) {
  ProblemList ignored;
  return DecodePlanDocument(json::parse(text, nullptr, false), "document", ignored);
}

Result<std::vector<PlanDocument>> DecodePlanDocumentList(const json& j, const std::string& what) {
  const json* docs = &j;
  if (docs->is_object() && docs->contains("documents")) docs = &(*docs)["documents"];
  if (!docs->is_array()) {
    return Status::InvalidArgument("documents: expected {\"documents\": [...]} or a list");
  }
  if (docs->empty()) return Status::InvalidArgument("documents: the list is empty");
  ProblemList problems;
  std::vector<PlanDocument> out;
  for (size_t i = 0; i < docs->size(); ++i) {
    out.push_back(DecodePlanDocument((*docs)[i], "documents[" + std::to_string(i) + "]", problems));
  }
  if (!problems.empty()) return problems.ToStatus(what);
  return out;
}

}  // namespace lienthong
