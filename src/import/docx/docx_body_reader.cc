#include "import/docx/docx_body_reader.h"

#include <algorithm>
#include <map>

#include "import/docx/docx_xml.h"
#include "import/docx/legacy_font_text.h"
#include "text/normalize.h"

namespace lienthong::docx {
namespace {

constexpr int kMaxWrapperDepth = 32;  // nested content controls, smart tags, ...
constexpr int kMaxTableDepth = 16;
constexpr int kMaxGridSpan = 64;

// Calls `fn` for each child of `node`, looking through the wrappers Word puts around block,
// row and cell content (content controls, custom XML).
template <typename Fn>
void VisitContent(const pugi::xml_node& node, const Fn& fn, int depth = 0) {
  if (depth > kMaxWrapperDepth) return;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (Is(child, "sdt")) {
      VisitContent(Child(child, "sdtContent"), fn, depth + 1);
    } else if (Is(child, "customXml")) {
      VisitContent(child, fn, depth + 1);
    } else if (child.type() == pugi::node_element) {
      fn(child);
    }
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Collapses runs of spaces, drops spaces around line breaks, trims, and normalises to NFC.
std::string CleanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\r') c = '\n';
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
    }
    out += c;
  }
  size_t begin = 0, end = out.size();
  while (begin < end && IsSpace(out[begin])) ++begin;
  while (end > begin && IsSpace(out[end - 1])) --end;
  return ToNfc(std::string_view(out).substr(begin, end - begin));
}

// Letters (non-space code points) in UTF-8 text, for the "mostly bold" test.
size_t CountLetters(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80 && !IsSpace(static_cast<char>(c))) ++count;
  }
  return count;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

// Collects the runs of one paragraph.
class RunCollector {
 public:
  RunCollector(const DocxStyles* styles, std::string para_style,
               std::vector<std::string>* legacy_used)
      : styles_(styles), para_style_(std::move(para_style)), legacy_used_(legacy_used) {}

  void Walk(const pugi::xml_node& node, int depth) {
    if (depth > kMaxWrapperDepth) return;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (Is(child, "r")) {
        AddRun(child);
      } else if (Is(child, "hyperlink") || Is(child, "ins") || Is(child, "smartTag") ||
                 Is(child, "fldSimple") || Is(child, "customXml") || Is(child, "moveTo") ||
                 Is(child, "dir") || Is(child, "bdo")) {
        Walk(child, depth + 1);
      } else if (Is(child, "sdt")) {
        Walk(Child(child, "sdtContent"), depth + 1);
      }
      // w:del, w:moveFrom (deleted text), w:pPr, bookmarks, comments: nothing to show.
    }
  }

  std::vector<std::string>& segments() { return segments_; }
  bool MostlyBold() const { return letters_ > 0 && bold_letters_ * 10 >= letters_ * 9; }
  bool MostlyItalic() const { return letters_ > 0 && italic_letters_ * 10 >= letters_ * 9; }

 private:
  void AddRun(const pugi::xml_node& r) {
    pugi::xml_node rpr = Child(r, "rPr");
    if (OnOff(rpr, "vanish").value_or(false)) return;  // hidden text
    RunProps props =
        styles_->ResolveRun(ParseRunProps(rpr), AttrText(Child(rpr, "rStyle"), "val"), para_style_);
    std::optional<LegacyFont> legacy = LegacyFontOf(props.font.value_or(""));
    std::string buffer;
    auto flush = [&] {
      if (buffer.empty()) return;
      if (legacy.has_value()) {
        if (std::optional<std::string> decoded = DecodeLegacyFontText(buffer, *legacy)) {
          if (*decoded != buffer) NoteLegacy(legacy->encoding);
          buffer = std::move(*decoded);
        }
      }
      size_t letters = CountLetters(buffer);
      letters_ += letters;
      if (props.bold.value_or(false)) bold_letters_ += letters;
      if (props.italic.value_or(false)) italic_letters_ += letters;
      segments_.back() += buffer;
      buffer.clear();
    };
    for (pugi::xml_node child = r.first_child(); child; child = child.next_sibling()) {
      if (Is(child, "t")) {
        buffer += child.child_value();
      } else if (Is(child, "tab") || Is(child, "ptab")) {
        buffer += '\t';
      } else if (Is(child, "br")) {
        if (AttrText(child, "type") == "page") {
          flush();
          segments_.emplace_back();
        } else {
          buffer += '\n';
        }
      } else if (Is(child, "cr")) {
        buffer += '\n';
      } else if (Is(child, "noBreakHyphen")) {
        buffer += '-';
      }
      // w:instrText (field code), w:delText, w:softHyphen, w:lastRenderedPageBreak, drawings:
      // not part of the visible text.
    }
    flush();
  }

  void NoteLegacy(TextEncoding encoding) {
    std::string name = TextEncodingName(encoding);
    if (std::find(legacy_used_->begin(), legacy_used_->end(), name) == legacy_used_->end()) {
      legacy_used_->push_back(name);
    }
  }

  const DocxStyles* styles_;
  std::string para_style_;
  std::vector<std::string>* legacy_used_;
  std::vector<std::string> segments_{std::string()};
  size_t letters_ = 0, bold_letters_ = 0, italic_letters_ = 0;
};

}  // namespace

ParagraphContent DocxBodyReader::ReadParagraph(const pugi::xml_node& p) {
  ++paragraph_count_;
  pugi::xml_node ppr = Child(p, "pPr");
  std::string para_style = AttrText(Child(ppr, "pStyle"), "val");
  ParagraphProps props = styles_->ResolveParagraph(ParseParagraphProps(ppr), para_style);

  ParagraphContent content;
  RunCollector runs(styles_, para_style, &legacy_used_);
  runs.Walk(p, 0);
  for (std::string& segment : runs.segments()) content.segments.push_back(CleanText(segment));
  content.bold = runs.MostlyBold();
  content.italic = runs.MostlyItalic();
  content.centered = props.justification.value_or("") == "center";
  content.heading_level = styles_->HeadingLevel(para_style, props);
  if (props.numbering.has_value()) {
    content.list_label = numbering_->NextLabel(props.numbering->num_id, *props.numbering->level);
  }
  content.page_break_before = OnOff(ppr, "pageBreakBefore").value_or(false);
  if (pugi::xml_node sect = Child(ppr, "sectPr")) {
    std::string type = AttrText(Child(sect, "type"), "val");
    content.section_break_after =
        type.empty() || type == "nextPage" || type == "oddPage" || type == "evenPage";
  }
  return content;
}

void DocxBodyReader::Read(const pugi::xml_node& container, std::vector<Block>* out) {
  size_t first = out->size();
  ReadChildren(container, out);
  // A break at the very end of the part starts an empty page: nothing follows it.
  while (out->size() > first && out->back().kind == BlockKind::kPageBreak) out->pop_back();
}

void DocxBodyReader::ReadChildren(const pugi::xml_node& container, std::vector<Block>* out) {
  VisitContent(container, [&](const pugi::xml_node& node) {
    if (Is(node, "p")) {
      EmitParagraph(node, out);
    } else if (Is(node, "tbl")) {
      EmitTable(node, out);
    }
  });
}

void DocxBodyReader::AddPageBreak(std::vector<Block>* out) {
  if (region_ != BlockRegion::kBody || out->empty() || out->back().kind == BlockKind::kPageBreak) {
    return;
  }
  Block block;
  block.kind = BlockKind::kPageBreak;
  block.region = region_;
  block.pos.line = paragraph_count_;
  out->push_back(std::move(block));
}

void DocxBodyReader::EmitParagraph(const pugi::xml_node& p, std::vector<Block>* out) {
  ParagraphContent content = ReadParagraph(p);
  if (content.page_break_before) AddPageBreak(out);
  for (size_t i = 0; i < content.segments.size(); ++i) {
    if (i > 0) AddPageBreak(out);
    if (content.segments[i].empty()) continue;
    Block block;
    block.kind = content.heading_level > 0 ? BlockKind::kHeading : BlockKind::kParagraph;
    block.region = region_;
    block.text = content.segments[i];
    block.heading_level = content.heading_level;
    if (i == 0) block.list_label = content.list_label;
    block.bold = content.bold;
    block.italic = content.italic;
    block.centered = content.centered;
    block.pos.line = paragraph_count_;
    out->push_back(std::move(block));
  }
  if (content.section_break_after) AddPageBreak(out);
}

void DocxBodyReader::EmitTable(const pugi::xml_node& tbl, std::vector<Block>* out) {
  std::vector<bool> bold;
  std::vector<int> first_paragraph;
  std::vector<std::vector<std::string>> rows = ReadTableCells(tbl, 0, &bold, &first_paragraph);

  // Drop columns that are empty in every row (spacers), when the rows agree on the columns.
  size_t width = rows.empty() ? 0 : rows[0].size();
  bool uniform =
      std::all_of(rows.begin(), rows.end(), [&](const auto& row) { return row.size() == width; });
  if (uniform && width > 1) {
    for (size_t col = width; col-- > 0;) {
      bool empty =
          std::all_of(rows.begin(), rows.end(), [&](const auto& row) { return row[col].empty(); });
      if (empty && rows[0].size() > 1) {
        for (auto& row : rows) row.erase(row.begin() + static_cast<std::ptrdiff_t>(col));
      }
    }
  }

  int index = -1;
  for (size_t r = 0; r < rows.size(); ++r) {
    if (std::all_of(rows[r].begin(), rows[r].end(), [](const auto& c) { return c.empty(); })) {
      continue;
    }
    if (index < 0) index = (*next_table_index_)++;
    Block block;
    block.kind = BlockKind::kTableRow;
    block.region = region_;
    block.text = Join(rows[r], " | ");
    block.cells = std::move(rows[r]);
    block.table_index = index;
    block.bold = bold[r];
    block.pos.line = first_paragraph[r];
    out->push_back(std::move(block));
  }
}

std::vector<std::vector<std::string>> DocxBodyReader::ReadTableCells(
    const pugi::xml_node& tbl, int depth, std::vector<bool>* bold,
    std::vector<int>* first_paragraph) {
  std::vector<std::vector<std::string>> rows;
  std::map<int, std::string> above;  // grid column -> text of the cell over it in the last row
  VisitContent(tbl, [&](const pugi::xml_node& tr) {
    if (!Is(tr, "tr")) return;
    first_paragraph->push_back(paragraph_count_ + 1);
    std::vector<std::string> cells;
    std::map<int, std::string> current;
    int column = IntVal(Child(tr, "trPr"), "gridBefore").value_or(0);
    bool row_bold = true, any_text = false;
    VisitContent(tr, [&](const pugi::xml_node& tc) {
      if (!Is(tc, "tc")) return;
      pugi::xml_node tcpr = Child(tc, "tcPr");
      int span = std::clamp(IntVal(tcpr, "gridSpan").value_or(1), 1, kMaxGridSpan);
      pugi::xml_node hmerge = Child(tcpr, "hMerge");
      if (hmerge && AttrText(hmerge, "val") != "restart") {  // merged into the cell on its left
        column += span;
        return;
      }
      pugi::xml_node vmerge = Child(tcpr, "vMerge");
      std::string text;
      bool cell_bold = false;
      if (vmerge && AttrText(vmerge, "val") != "restart") {
        auto it = above.find(column);
        if (it != above.end()) text = it->second;
      } else {
        text = ReadCellText(tc, depth, &cell_bold);
      }
      for (int c = column; c < column + span; ++c) current[c] = text;
      column += span;
      if (!text.empty()) {
        any_text = true;
        row_bold = row_bold && cell_bold;
      }
      cells.push_back(std::move(text));
    });
    above = std::move(current);
    bold->push_back(any_text && row_bold);
    rows.push_back(std::move(cells));
  });
  return rows;
}

std::string DocxBodyReader::ReadCellText(const pugi::xml_node& tc, int depth, bool* bold) {
  std::vector<std::string> lines;
  bool all_bold = true;
  VisitContent(tc, [&](const pugi::xml_node& node) {
    if (Is(node, "p")) {
      ParagraphContent content = ReadParagraph(node);
      std::string text = Join(content.segments, "\n");
      if (!content.list_label.empty()) {
        text = text.empty() ? content.list_label : content.list_label + " " + text;
      }
      if (text.empty()) return;
      all_bold = all_bold && content.bold;
      lines.push_back(std::move(text));
    } else if (Is(node, "tbl") && depth + 1 < kMaxTableDepth) {
      std::vector<bool> nested_bold;
      std::vector<int> nested_first;
      for (const auto& row : ReadTableCells(node, depth + 1, &nested_bold, &nested_first)) {
        std::vector<std::string> filled;
        for (const std::string& cell : row) {
          if (!cell.empty()) filled.push_back(cell);
        }
        if (!filled.empty()) lines.push_back(Join(filled, " | "));
      }
    }
  });
  *bold = !lines.empty() && all_bold;
  return Join(lines, "\n");
}

}  // namespace lienthong::docx
