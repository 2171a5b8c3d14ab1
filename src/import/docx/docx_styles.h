// The style sheet of a .docx (word/styles.xml), reduced to what the reader reports: bold,
// italic, font (for legacy encodings), alignment, heading level and list numbering.
//
// Word resolves a property by looking, in order, at the run's own properties, its character
// style (w:rStyle), the paragraph style (w:pStyle, or the default paragraph style when none is
// named), each following w:basedOn to its root, and finally the document defaults
// (w:docDefaults). DocxStyles walks the same chain; chains are cut after 32 links so a cyclic
// basedOn cannot loop. Toggle properties (w:b, w:i) are treated as plain on/off values, which
// is what documents mean in practice.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lienthong::docx {

// A reference to a Word list: which numbering instance and which level (0..8).
struct NumberingRef {
  std::string num_id;  // "0" means "no numbering" (it cancels a style's list)
  std::optional<int> level;
};

// Properties set directly on one style, run or paragraph; unset ones are inherited.
struct RunProps {
  std::optional<bool> bold;
  std::optional<bool> italic;
  std::optional<std::string> font;  // w:rFonts ascii (or hAnsi)
};
struct ParagraphProps {
  std::optional<std::string> justification;  // w:jc val: "center", "both", "left", ...
  std::optional<int> outline_level;          // w:outlineLvl, 0-based; 9 means body text
  std::optional<NumberingRef> numbering;
};

RunProps ParseRunProps(const pugi::xml_node& rpr);
ParagraphProps ParseParagraphProps(const pugi::xml_node& ppr);

class DocxStyles {
 public:
  // Builds the style table from the root of styles.xml; an empty node gives an empty table.
  static DocxStyles FromXml(const pugi::xml_node& styles_root);

  // Resolved run properties for a run with direct properties `run`, character style
  // `char_style` (may be empty) inside a paragraph of style `para_style` (may be empty).
  RunProps ResolveRun(const RunProps& run, std::string_view char_style,
                      std::string_view para_style) const;
  // Resolved paragraph properties; the numbering found on a style is returned with its level
  // defaulted to 0 when the style gives none.
  ParagraphProps ResolveParagraph(const ParagraphProps& paragraph,
                                  std::string_view para_style) const;
  // 1..9 when `para_style` (or a style it is based on) is a "heading N" style or carries an
  // outline level; 0 otherwise.
  int HeadingLevel(std::string_view para_style, const ParagraphProps& paragraph) const;

 private:
  struct Style {
    std::string name;
    std::string based_on;
    RunProps run;
    ParagraphProps paragraph;
    int heading_level = 0;  // from the style's name, e.g. "heading 2" -> 2
  };
  const Style* Find(std::string_view id) const;
  // The paragraph style to use when a paragraph names none (or an unknown one).
  std::string_view EffectiveParagraphStyle(std::string_view para_style) const;

  std::unordered_map<std::string, Style> styles_;
  std::string default_paragraph_style_;
  RunProps default_run_;
  ParagraphProps default_paragraph_;
};

}  // namespace lienthong::docx
