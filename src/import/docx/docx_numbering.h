// Word automatic numbering (word/numbering.xml) rendered into the label a reader sees: "1.",
// "a)", "II.", "1.2.", "•".
//
// numbering.xml holds abstract lists (w:abstractNum: per level 0..8 a start value, a number
// format and a label template such as "%1." or "%1.%2.") and list instances (w:num: a numId
// pointing at an abstract list, optionally restarting levels with w:lvlOverride/w:startOverride
// or replacing a level with w:lvlOverride/w:lvl).
//
// Counting follows Word: instances that share an abstract list and do not override a start
// value continue one sequence; an instance with a start override counts on its own. Numbering
// a paragraph at level L advances L's counter (or starts it at its start value) and resets every
// deeper level; a template's "%k" for a level never used yet shows that level's start value.
// Formats: decimal, decimalZero, lowerLetter/upperLetter (a..z, aa..zz), lowerRoman/upperRoman,
// bullet (the template itself, with Symbol/Wingdings private-use bullets mapped to Unicode),
// none; other formats fall back to decimal. w:isLgl shows every level as decimal.
#pragma once

#include <array>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lienthong::docx {

class DocxNumbering {
 public:
  // Builds the list definitions from the root of numbering.xml; an empty node gives none.
  static DocxNumbering FromXml(const pugi::xml_node& numbering_root);

  // The label of the next paragraph in list `num_id` at `level`, advancing the counters; ""
  // when `num_id` is "0", unknown, or its level has format "none".
  std::string NextLabel(std::string_view num_id, int level);

  // Forgets all counters (a new part — header, footer — counts on its own).
  void ResetCounters() { counters_.clear(); }

 private:
  static constexpr int kLevels = 9;
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;  // the label template, e.g. "%1.%2."
    bool legal = false;
    bool defined = false;
  };
  using Levels = std::array<Level, kLevels>;
  struct Instance {
    std::string abstract_id;
    std::array<std::optional<int>, kLevels> start_override;
    std::array<std::optional<Level>, kLevels> level_override;
    bool restarts = false;  // has a start override: counts apart from its abstract list
  };
  using Counters = std::array<std::optional<int>, kLevels>;

  const Level* FindLevel(const Instance& instance, int level) const;

  std::unordered_map<std::string, Levels> abstracts_;
  std::unordered_map<std::string, Instance> instances_;
  std::unordered_map<std::string, Counters> counters_;  // by counting key (see above)
};

// "1", "a", "IV", ... for `value` in Word number format `format`.
std::string FormatListNumber(int value, std::string_view format);

}  // namespace lienthong::docx
