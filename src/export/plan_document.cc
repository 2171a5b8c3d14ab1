#include "export/plan_document.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

namespace lienthong {
namespace {

using nlohmann::json;

// Reads optional typed fields of one JSON object, remembering the first type error.
class Fields {
 public:
  Fields(const json& object, std::string path) : object_(object), path_(std::move(path)) {}

  std::string Text(const char* name) {
    const json* v = Find(name);
    if (v == nullptr) return "";
    if (!v->is_string()) return Fail(name, "a string"), "";
    return v->get<std::string>();
  }
  std::vector<std::string> TextList(const char* name) {
    std::vector<std::string> out;
    const json* v = Find(name);
    if (v == nullptr) return out;
    if (!v->is_array()) return Fail(name, "a list of strings"), out;
    for (const json& item : *v) {
      if (!item.is_string()) return Fail(name, "a list of strings"), out;
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  const json* List(const char* name) {
    const json* v = Find(name);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) return Fail(name, "a list"), nullptr;
    return v;
  }
  const json* Object(const char* name) {
    const json* v = Find(name);
    if (v == nullptr) return nullptr;
    if (!v->is_object()) return Fail(name, "an object"), nullptr;
    return v;
  }
  const Status& status() const { return status_; }

 private:
  const json* Find(const char* name) const {
    auto it = object_.find(name);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }
  void Fail(const char* name, const char* expected) {
    if (status_.ok()) {
      status_ = Status::InvalidArgument("plan document: " + path_ + name + ": expected " +
                                        expected);
    }
  }
  const json& object_;
  std::string path_;  // "" or "signer."
  Status status_;
};

// "2026-03-05" → that date; "2026-03" / "2026" (a draft with blanks) → only the year kept.
std::optional<Date> ReadDate(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto date = Date::FromIso(text)) return date;
  if (text.size() >= 4 && std::isdigit(static_cast<unsigned char>(text[0]))) {
    return Date{std::atoi(text.substr(0, 4).c_str()), 0, 0};
  }
  return std::nullopt;
}

// Legal bases end with ";" and the last with "." (ND30 §1.3 "Căn cứ").
std::string WithEnding(std::string text, bool last) {
  while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ',' ||
                           text.back() == ' ' || text.back() == ':')) {
    text.pop_back();
  }
  return text + (last ? "." : ";");
}

bool IsRoman(const std::string& label) {
  if (label.empty()) return false;
  for (char c : label) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  }
  return true;
}

// Paragraphs and tables as the importer kept them ({"text"} / {"rows"}, docs/import-schema.md);
// a table's first row is its header.
void AddTextBlocks(const json& blocks, std::vector<BodyBlock>& body) {
  if (!blocks.is_array()) return;
  for (const json& b : blocks) {
    if (!b.is_object()) continue;
    if (auto text = b.find("text"); text != b.end() && text->is_string()) {
      body.push_back(BodyBlock::Paragraph(text->get<std::string>()));
    } else if (auto rows = b.find("rows"); rows != b.end() && rows->is_array()) {
      OfficialTable table;
      for (const json& row : *rows) {
        if (!row.is_array()) continue;
        OfficialTable::Row r;
        for (const json& cell : row) r.cells.push_back(cell.is_string() ? cell.get<std::string>() : "");
        if (table.headers.empty()) {
          table.headers = std::move(r.cells);
        } else {
          table.rows.push_back(std::move(r));
        }
      }
      if (!table.headers.empty()) body.push_back(BodyBlock::Table(std::move(table)));
    }
  }
}

void AddOutline(const json& nodes, std::vector<BodyBlock>& body) {
  if (!nodes.is_array()) return;
  for (const json& node : nodes) {
    if (!node.is_object()) continue;
    const std::string label = node.value("label", "");
    const std::string title = node.contains("title") && node["title"].is_string()
                                  ? node["title"].get<std::string>()
                                  : "";
    if (label == "-" || label == "+") {
      if (!title.empty()) body.push_back(BodyBlock::Paragraph(label + " " + title));
    } else {
      const bool digits = !label.empty() && std::isdigit(static_cast<unsigned char>(label[0]));
      const int level = IsRoman(label) ? 1 : digits ? 2 : 3;
      body.push_back(BodyBlock::Heading(level, label, title));
    }
    if (auto text = node.find("body"); text != node.end()) AddTextBlocks(*text, body);
    if (auto children = node.find("children"); children != node.end()) {
      AddOutline(*children, body);
    }
  }
}

std::string JoinLines(const json& list) {
  std::string out;
  if (!list.is_array()) return list.is_string() ? list.get<std::string>() : "";
  for (const json& item : list) {
    if (!item.is_string()) continue;
    out += (out.empty() ? "" : "\n") + item.get<std::string>();
  }
  return out;
}

}  // namespace

OfficialTable PlanTaskTable(const json& tasks) {
  OfficialTable table;
  table.headers = {"STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"};
  table.column_weights = {1.0, 4.2, 2.0, 2.0, 1.6};
  if (!tasks.is_array()) return table;
  std::string current_group;
  int number = 0;
  for (const json& task : tasks) {
    if (!task.is_object()) continue;
    const std::string group = task.contains("group") && task["group"].is_string()
                                  ? task["group"].get<std::string>()
                                  : "";
    if (!group.empty() && group != current_group) {
      table.rows.push_back({{group}, true});
    }
    current_group = group;
    OfficialTable::Row row;
    row.cells = {std::to_string(++number),
                 task.contains("text") && task["text"].is_string()
                     ? task["text"].get<std::string>()
                     : "",
                 JoinLines(task.value("lead", json::array())),
                 JoinLines(task.value("coordinators", json::array())),
                 task.contains("deadline") && task["deadline"].is_string()
                     ? task["deadline"].get<std::string>()
                     : ""};
    table.rows.push_back(std::move(row));
  }
  return table;
}

Result<OfficialDocument> PlanToOfficialDocument(const json& import_document) {
  if (!import_document.is_object()) {
    return Status::InvalidArgument("plan document: expected a JSON object");
  }
  Fields f(import_document, "");
  OfficialDocument doc;
  doc.family = f.Text("family") == "party" ? DocumentFamily::kParty : DocumentFamily::kState;
  doc.parent_issuer = f.Text("parent_issuer");
  doc.issuer = f.Text("issuer");
  doc.number = f.Text("number");
  doc.place = f.Text("place");
  doc.date = ReadDate(f.Text("date"));
  doc.type_name = f.Text("doc_type");
  if (doc.type_name.empty()) doc.type_name = "Kế hoạch";
  doc.title = f.Text("title");

  // Legal bases: the whole paragraphs when the importer kept them, else the symbols.
  std::vector<std::string> bases;
  if (const json* details = f.List("legal_basis_details")) {
    for (const json& d : *details) {
      if (d.is_object() && d.contains("text") && d["text"].is_string()) {
        bases.push_back(d["text"].get<std::string>());
      }
    }
  }
  if (bases.empty()) {
    for (const std::string& symbol : f.TextList("legal_bases")) {
      bases.push_back("Căn cứ văn bản số " + symbol);
    }
  }
  for (size_t i = 0; i < bases.size(); ++i) {
    doc.body.push_back(BodyBlock::Paragraph(WithEnding(bases[i], i + 1 == bases.size()), true));
  }

  const json* tree = f.List("section_tree");
  if (tree != nullptr && !tree->empty()) {
    AddOutline(*tree, doc.body);
  } else {
    const std::vector<std::string> sections = f.TextList("sections");
    for (size_t i = 0; i < sections.size(); ++i) {
      doc.body.push_back(
          BodyBlock::Heading(1, RomanNumeral(static_cast<int>(i + 1)), sections[i]));
    }
  }

  if (const json* tasks = f.List("tasks"); tasks != nullptr && !tasks->empty()) {
    doc.appendices.push_back({"Danh mục nhiệm vụ", {BodyBlock::Table(PlanTaskTable(*tasks))}});
  }

  if (const json* signer = f.Object("signer")) {
    Fields s(*signer, "signer.");
    const std::string on_behalf = s.Text("on_behalf");
    if (!on_behalf.empty()) doc.signer.on_behalf = on_behalf;
    doc.signer.title = s.Text("title");
    doc.signer.name = s.Text("name");
    LT_RETURN_IF_ERROR(s.status());
  }
  doc.recipients = f.TextList("recipients");
  LT_RETURN_IF_ERROR(f.status());
  return doc;
}

}  // namespace lienthong
