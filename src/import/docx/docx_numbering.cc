#include "import/docx/docx_numbering.h"

#include "import/docx/docx_xml.h"
#include "util/utf8.h"

namespace lienthong::docx {
namespace {

std::string Letters(int value, char first) {
  // Word's letter numbering: a..z, then aa..zz, aaa..., repeating one letter.
  if (value <= 0) return std::to_string(value);
  int repeat = (value - 1) / 26 + 1;
  if (repeat > 10) return std::to_string(value);
  return std::string(static_cast<size_t>(repeat), static_cast<char>(first + (value - 1) % 26));
}

std::string Roman(int value, bool upper) {
  if (value <= 0 || value >= 4000) return std::to_string(value);
  static constexpr struct {
    int value;
    const char* text;
  } kParts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& part : kParts) {
    while (value >= part.value) {
      out += part.text;
      value -= part.value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Bullets are often private-use code points of the Symbol or Wingdings fonts.
std::string MapBullet(std::string_view text) {
  static constexpr struct {
    char32_t from, to;
  } kBullets[] = {{0xF0B7, U'•'}, {0xF0A7, U'▪'}, {0xF0A8, U'□'}, {0xF0D8, U'➢'},
                  {0xF076, U'❖'}, {0xF0FC, U'✓'}, {0xF0E0, U'→'}, {0xF06F, U'o'}};
  std::u32string out;
  for (char32_t c : Utf8ToUtf32(text)) {
    char32_t mapped = c;
    for (const auto& bullet : kBullets) {
      if (bullet.from == c) mapped = bullet.to;
    }
    if (mapped == c && c >= 0xF020 && c <= 0xF07E) {
      mapped = c - 0xF000;  // Symbol-font ASCII: "-" (F02D), "+" (F02B), ...
    } else if (mapped == c && c >= 0xE000 && c <= 0xF8FF) {
      mapped = U'•';
    }
    out += mapped;
  }
  return Utf32ToUtf8(out);
}

}  // namespace

std::string FormatListNumber(int value, std::string_view format) {
  if (format == "lowerLetter") return Letters(value, 'a');
  if (format == "upperLetter") return Letters(value, 'A');
  if (format == "lowerRoman") return Roman(value, false);
  if (format == "upperRoman") return Roman(value, true);
  if (format == "decimalZero") return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
  if (format == "none" || format == "bullet") return "";
  return std::to_string(value);
}

DocxNumbering DocxNumbering::FromXml(const pugi::xml_node& numbering_root) {
  DocxNumbering numbering;
  if (!numbering_root) return numbering;
  auto parse_level = [](const pugi::xml_node& lvl) {
    Level level;
    level.defined = true;
    if (std::optional<int> start = IntVal(lvl, "start")) level.start = *start;
    if (pugi::xml_node fmt = Child(lvl, "numFmt")) level.format = AttrText(fmt, "val");
    if (pugi::xml_node text = Child(lvl, "lvlText")) level.text = AttrText(text, "val");
    level.legal = OnOff(lvl, "isLgl").value_or(false);
    return level;
  };
  for (pugi::xml_node node : numbering_root.children()) {
    if (Is(node, "abstractNum")) {
      Levels levels;
      for (pugi::xml_node lvl : node.children()) {
        if (!Is(lvl, "lvl")) continue;
        std::string ilvl = AttrText(lvl, "ilvl");
        int index = ilvl.size() == 1 && ilvl[0] >= '0' && ilvl[0] <= '8' ? ilvl[0] - '0' : -1;
        if (index >= 0) levels[static_cast<size_t>(index)] = parse_level(lvl);
      }
      numbering.abstracts_.emplace(AttrText(node, "abstractNumId"), levels);
    } else if (Is(node, "num")) {
      Instance instance;
      instance.abstract_id = AttrText(Child(node, "abstractNumId"), "val");
      for (pugi::xml_node over : node.children()) {
        if (!Is(over, "lvlOverride")) continue;
        std::string ilvl = AttrText(over, "ilvl");
        if (ilvl.size() != 1 || ilvl[0] < '0' || ilvl[0] > '8') continue;
        size_t index = static_cast<size_t>(ilvl[0] - '0');
        if (std::optional<int> start = IntVal(over, "startOverride")) {
          instance.start_override[index] = *start;
          instance.restarts = true;
        }
        if (pugi::xml_node lvl = Child(over, "lvl")) {
          instance.level_override[index] = parse_level(lvl);
          instance.restarts = true;
        }
      }
      numbering.instances_.emplace(AttrText(node, "numId"), std::move(instance));
    }
  }
  return numbering;
}

const DocxNumbering::Level* DocxNumbering::FindLevel(const Instance& instance, int level) const {
  size_t index = static_cast<size_t>(level);
  if (instance.level_override[index].has_value()) return &*instance.level_override[index];
  auto it = abstracts_.find(instance.abstract_id);
  if (it == abstracts_.end() || !it->second[index].defined) return nullptr;
  return &it->second[index];
}

std::string DocxNumbering::NextLabel(std::string_view num_id, int level) {
  if (num_id.empty() || num_id == "0" || level < 0 || level >= kLevels) return "";
  auto it = instances_.find(std::string(num_id));
  if (it == instances_.end()) return "";
  const Instance& instance = it->second;
  const Level* current = FindLevel(instance, level);
  if (current == nullptr) return "";

  auto start_of = [&](int lvl) {
    size_t index = static_cast<size_t>(lvl);
    if (instance.start_override[index].has_value()) return *instance.start_override[index];
    const Level* def = FindLevel(instance, lvl);
    return def != nullptr ? def->start : 1;
  };
  std::string key = instance.restarts ? "n:" + std::string(num_id) : "a:" + instance.abstract_id;
  Counters& counters = counters_[key];
  size_t index = static_cast<size_t>(level);
  counters[index] = counters[index].has_value() ? *counters[index] + 1 : start_of(level);
  for (size_t deeper = index + 1; deeper < kLevels; ++deeper) counters[deeper].reset();

  if (current->format == "none") return "";
  if (current->format == "bullet") return MapBullet(current->text);
  std::string label;
  const std::string& text = current->text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      int lvl = text[i + 1] - '1';
      int value = counters[static_cast<size_t>(lvl)].value_or(start_of(lvl));
      const Level* def = FindLevel(instance, lvl);
      std::string format = def != nullptr ? def->format : "decimal";
      if (current->legal) format = "decimal";
      label += FormatListNumber(value, format);
      ++i;
    } else {
      label += text[i];
    }
  }
  return label;
}

}  // namespace lienthong::docx
