// The body's outline (vn-documents.md §1.6): Roman-numbered parts ("I. MỤC ĐÍCH, YÊU CẦU",
// Party style "I- …"), then "1.", "1.1.", "a)", "-" and "+" items, nested by a stack of levels.
// Unnumbered lines are the body text of the innermost open item.
//
// The top level is the Roman parts when the document has any (their title must be in capitals,
// so an OCR'd "I." in running text is not taken for one); otherwise the "1." items (a công văn is
// numbered 1., 2., … from the top). From the outline come the section list, the number of content
// themes (the numbered items of the first section titled "NỘI DUNG …") and the channels (items of
// the section titled "HÌNH THỨC …" / "KÊNH …").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/plan.h"
#include "import/parse/line_kinds.h"
#include "import/parse/parsed_line.h"

namespace lienthong::parse {

struct OutlineNode {
  Numbering kind = Numbering::kNone;
  std::string label;
  int level = 0;
  std::string title;              // the item's text after its label
  std::vector<std::string> body;  // unnumbered paragraphs under it
  std::vector<TextBlock> blocks;  // those paragraphs and the tables under it, in order
  std::vector<int> children;      // indexes into Outline::nodes
  int parent = -1;
  int line = 0;                   // source line
};

struct Outline {
  std::vector<OutlineNode> nodes;
  std::vector<int> top;  // the top-level sections, in order
};

// `body`: joined body lines. Table rows are not items: they are kept, one table per run of rows
// of one table, in the blocks of the item they follow.
Outline BuildOutline(std::span<const Line> body);

// Paragraphs and tables of lines, in order (rows of one table gathered into one block).
std::vector<TextBlock> TextBlocks(std::span<const Line> lines);

// The Section tree of Plan (top-level sections with their subtrees).
std::vector<Section> ToSections(const Outline& outline);

// Index into outline.nodes of the first top-level section whose title starts with one of the
// keys ("noi dung"), or -1.
int FindTopSection(const Outline& outline, std::initializer_list<std::string_view> keys);

// Numbered (1., a)) children of the content section; nullopt when there is no content section.
std::optional<int> CountContentItems(const Outline& outline, std::vector<ContentTheme>* themes);

std::vector<Channel> ExtractChannels(const Outline& outline);

}  // namespace lienthong::parse
