#include "import/docx/docx_package.h"

#include <algorithm>
#include <pugixml.hpp>
#include <string_view>

#include "import/docx/docx_xml.h"

namespace lienthong::docx {
namespace {

constexpr std::string_view kDefaultDocument = "word/document.xml";

struct Relationship {
  std::string type;    // the last path segment of the Type URI: "styles", "header", ...
  std::string target;  // resolved part path
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The relationships of `part` (from its _rels/NAME.rels), or none when that part is absent or
// unreadable: relationships only help us find optional parts.
std::vector<Relationship> ReadRelationships(const ZipArchive& zip, const std::string& part) {
  size_t slash = part.rfind('/');
  std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  std::string rels_name = folder + "_rels/" + file + ".rels";
  std::vector<Relationship> out;
  if (!zip.Contains(rels_name)) return out;
  Result<std::string> xml = zip.Read(rels_name);
  if (!xml.ok()) return out;
  pugi::xml_document doc;
  if (!ParseXmlPart(*xml, rels_name, &doc).ok()) return out;
  for (pugi::xml_node rel : doc.document_element().children()) {
    if (!Is(rel, "Relationship") || AttrText(rel, "TargetMode") == "External") continue;
    std::string type = AttrText(rel, "Type");
    size_t cut = type.rfind('/');
    out.push_back({cut == std::string::npos ? type : type.substr(cut + 1),
                   ResolvePartPath(part, AttrText(rel, "Target"))});
  }
  return out;
}

// "header10.xml" sorts after "header9.xml".
bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      size_t ei = i, ej = j;
      while (ei < a.size() && a[ei] >= '0' && a[ei] <= '9') ++ei;
      while (ej < b.size() && b[ej] >= '0' && b[ej] <= '9') ++ej;
      std::string_view na(a.data() + i, ei - i), nb(b.data() + j, ej - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

Result<NamedPart> ReadPart(const ZipArchive& zip, const std::string& name) {
  LT_ASSIGN_OR_RETURN(std::string xml, zip.Read(name));
  return NamedPart{name, std::move(xml)};
}

}  // namespace

std::string ResolvePartPath(const std::string& source_part, const std::string& target) {
  std::string joined;
  if (!target.empty() && target[0] == '/') {
    joined = target.substr(1);
  } else {
    size_t slash = source_part.rfind('/');
    joined = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& segment : segments) {
    if (!out.empty()) out += '/';
    out += segment;
  }
  return out;
}

Result<DocxParts> LoadDocxParts(const ZipArchive& zip) {
  std::string main_part;
  for (const Relationship& rel : ReadRelationships(zip, "")) {
    if (rel.type == "officeDocument" && zip.Contains(rel.target)) {
      main_part = rel.target;
      break;
    }
  }
  if (main_part.empty()) {
    if (!zip.Contains(kDefaultDocument)) {
      return Status::InvalidArgument(
          "no word/document.xml in the archive (a ZIP file, but not a Word document)");
    }
    main_part = std::string(kDefaultDocument);
  }
  DocxParts parts;
  LT_ASSIGN_OR_RETURN(parts.document, ReadPart(zip, main_part));

  std::string styles_name, numbering_name;
  std::vector<std::string> header_names, footer_names;
  for (const Relationship& rel : ReadRelationships(zip, main_part)) {
    if (!zip.Contains(rel.target)) continue;
    if (rel.type == "styles") styles_name = rel.target;
    if (rel.type == "numbering") numbering_name = rel.target;
    if (rel.type == "header") header_names.push_back(rel.target);
    if (rel.type == "footer") footer_names.push_back(rel.target);
  }
  // Packages written without relationships still use the conventional names.
  if (styles_name.empty() && zip.Contains("word/styles.xml")) styles_name = "word/styles.xml";
  if (numbering_name.empty() && zip.Contains("word/numbering.xml")) {
    numbering_name = "word/numbering.xml";
  }
  if (header_names.empty() && footer_names.empty()) {
    for (const std::string& name : zip.EntryNames()) {
      bool xml = EndsWith(name, ".xml");
      if (xml && name.rfind("word/header", 0) == 0) header_names.push_back(name);
      if (xml && name.rfind("word/footer", 0) == 0) footer_names.push_back(name);
    }
  }
  for (auto* names : {&header_names, &footer_names}) {
    std::sort(names->begin(), names->end(), NaturalLess);
    names->erase(std::unique(names->begin(), names->end()), names->end());
  }
  if (!styles_name.empty()) {
    LT_ASSIGN_OR_RETURN(parts.styles, ReadPart(zip, styles_name));
  }
  if (!numbering_name.empty()) {
    LT_ASSIGN_OR_RETURN(parts.numbering, ReadPart(zip, numbering_name));
  }
  for (const std::string& name : header_names) {
    LT_ASSIGN_OR_RETURN(NamedPart part, ReadPart(zip, name));
    parts.headers.push_back(std::move(part));
  }
  for (const std::string& name : footer_names) {
    LT_ASSIGN_OR_RETURN(NamedPart part, ReadPart(zip, name));
    parts.footers.push_back(std::move(part));
  }
  return parts;
}

}  // namespace lienthong::docx
