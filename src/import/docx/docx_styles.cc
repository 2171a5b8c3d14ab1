#include "import/docx/docx_styles.h"

#include <cctype>

#include "import/docx/docx_xml.h"

namespace lienthong::docx {
namespace {

constexpr int kMaxChain = 32;

// "heading 3", "Heading3" -> 3; anything else -> 0.
int HeadingLevelOfName(std::string_view name) {
  constexpr std::string_view kPrefix = "heading";
  if (name.size() < kPrefix.size() + 1) return 0;
  for (size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != kPrefix[i]) return 0;
  }
  std::string_view rest = name.substr(kPrefix.size());
  if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  if (rest.size() != 1 || rest[0] < '1' || rest[0] > '9') return 0;
  return rest[0] - '0';
}

template <typename T>
void Inherit(std::optional<T>* into, const std::optional<T>& from) {
  if (!into->has_value() && from.has_value()) *into = from;
}

void InheritRun(RunProps* into, const RunProps& from) {
  Inherit(&into->bold, from.bold);
  Inherit(&into->italic, from.italic);
  Inherit(&into->font, from.font);
}

}  // namespace

RunProps ParseRunProps(const pugi::xml_node& rpr) {
  RunProps props;
  if (!rpr) return props;
  props.bold = OnOff(rpr, "b");
  props.italic = OnOff(rpr, "i");
  if (pugi::xml_node fonts = Child(rpr, "rFonts")) {
    std::string font = AttrText(fonts, "ascii");
    if (font.empty()) font = AttrText(fonts, "hAnsi");
    if (!font.empty()) props.font = font;
  }
  return props;
}

ParagraphProps ParseParagraphProps(const pugi::xml_node& ppr) {
  ParagraphProps props;
  if (!ppr) return props;
  if (pugi::xml_node jc = Child(ppr, "jc")) props.justification = AttrText(jc, "val");
  props.outline_level = IntVal(ppr, "outlineLvl");
  if (pugi::xml_node num = Child(ppr, "numPr")) {
    NumberingRef ref;
    if (pugi::xml_node id = Child(num, "numId")) ref.num_id = AttrText(id, "val");
    ref.level = IntVal(num, "ilvl");
    if (!ref.num_id.empty() || ref.level.has_value()) props.numbering = ref;
  }
  return props;
}

DocxStyles DocxStyles::FromXml(const pugi::xml_node& styles_root) {
  DocxStyles styles;
  if (!styles_root) return styles;
  if (pugi::xml_node defaults = Child(styles_root, "docDefaults")) {
    styles.default_run_ = ParseRunProps(Child(Child(defaults, "rPrDefault"), "rPr"));
    styles.default_paragraph_ = ParseParagraphProps(Child(Child(defaults, "pPrDefault"), "pPr"));
  }
  for (pugi::xml_node node : styles_root.children()) {
    if (!Is(node, "style")) continue;
    std::string id = AttrText(node, "styleId");
    if (id.empty() || styles.styles_.count(id) != 0) continue;
    Style style;
    style.name = AttrText(Child(node, "name"), "val");
    style.based_on = AttrText(Child(node, "basedOn"), "val");
    style.run = ParseRunProps(Child(node, "rPr"));
    style.paragraph = ParseParagraphProps(Child(node, "pPr"));
    style.heading_level = HeadingLevelOfName(style.name);
    if (style.heading_level == 0) style.heading_level = HeadingLevelOfName(id);
    std::string is_default = AttrText(node, "default");
    if (AttrText(node, "type") == "paragraph" &&
        (is_default == "1" || is_default == "true" || is_default == "on")) {
      styles.default_paragraph_style_ = id;
    }
    styles.styles_.emplace(std::move(id), std::move(style));
  }
  return styles;
}

const DocxStyles::Style* DocxStyles::Find(std::string_view id) const {
  if (id.empty()) return nullptr;
  auto it = styles_.find(std::string(id));
  return it == styles_.end() ? nullptr : &it->second;
}

std::string_view DocxStyles::EffectiveParagraphStyle(std::string_view para_style) const {
  return Find(para_style) != nullptr ? para_style : std::string_view(default_paragraph_style_);
}

RunProps DocxStyles::ResolveRun(const RunProps& run, std::string_view char_style,
                                std::string_view para_style) const {
  RunProps out = run;
  int links = 0;
  for (const Style* s = Find(char_style); s != nullptr && links < kMaxChain;
       s = Find(s->based_on), ++links) {
    InheritRun(&out, s->run);
  }
  links = 0;
  for (const Style* s = Find(EffectiveParagraphStyle(para_style));
       s != nullptr && links < kMaxChain; s = Find(s->based_on), ++links) {
    InheritRun(&out, s->run);
  }
  InheritRun(&out, default_run_);
  return out;
}

ParagraphProps DocxStyles::ResolveParagraph(const ParagraphProps& paragraph,
                                            std::string_view para_style) const {
  ParagraphProps out = paragraph;
  int links = 0;
  for (const Style* s = Find(EffectiveParagraphStyle(para_style));
       s != nullptr && links < kMaxChain; s = Find(s->based_on), ++links) {
    Inherit(&out.justification, s->paragraph.justification);
    Inherit(&out.outline_level, s->paragraph.outline_level);
    if (s->paragraph.numbering.has_value()) {
      if (!out.numbering.has_value()) {
        out.numbering = s->paragraph.numbering;
      } else {
        // A paragraph may give only the level (or only the list) and take the rest from its
        // style.
        if (out.numbering->num_id.empty()) out.numbering->num_id = s->paragraph.numbering->num_id;
        Inherit(&out.numbering->level, s->paragraph.numbering->level);
      }
    }
  }
  Inherit(&out.justification, default_paragraph_.justification);
  if (out.numbering.has_value() && !out.numbering->level.has_value()) out.numbering->level = 0;
  return out;
}

int DocxStyles::HeadingLevel(std::string_view para_style, const ParagraphProps& paragraph) const {
  int links = 0;
  for (const Style* s = Find(para_style); s != nullptr && links < kMaxChain;
       s = Find(s->based_on), ++links) {
    if (s->heading_level > 0) return s->heading_level;
  }
  if (paragraph.outline_level.has_value() && *paragraph.outline_level >= 0 &&
      *paragraph.outline_level < 9) {
    return *paragraph.outline_level + 1;
  }
  return 0;
}

}  // namespace lienthong::docx
