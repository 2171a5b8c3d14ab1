#include "import/text/markdown_inline.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lienthong {
namespace {

bool IsAsciiPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool IsSpaceOrEdge(std::string_view s, size_t i) {
  return i >= s.size() || s[i] == ' ' || s[i] == '\t';
}

// Matches a known HTML tag at `pos` (which holds '<'); returns its length and what it does.
enum class TagEffect { kNone, kBoldOn, kBoldOff, kItalicOn, kItalicOff, kBreak, kDrop };
size_t MatchTag(std::string_view s, size_t pos, TagEffect* effect) {
  static constexpr std::array<std::string_view, 16> kNames = {
      "strong", "b", "em", "i", "u", "br", "span", "p", "div", "font", "sup", "sub", "s",
      "strike", "mark", "small"};
  size_t i = pos + 1;
  bool closing = false;
  if (i < s.size() && s[i] == '/') {
    closing = true;
    ++i;
  }
  size_t name_begin = i;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  std::string name(s.substr(name_begin, i - name_begin));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool known = false;
  for (std::string_view k : kNames) known = known || name == k;
  if (!known) return 0;
  // Attributes up to '>', bounded so a stray '<' cannot swallow the line.
  size_t limit = std::min(s.size(), i + 200);
  if (i < s.size() && s[i] != '>' && s[i] != ' ' && s[i] != '/') return 0;
  while (i < limit && s[i] != '>' && s[i] != '<') ++i;
  if (i >= limit || s[i] != '>') return 0;
  if (name == "b" || name == "strong") {
    *effect = closing ? TagEffect::kBoldOff : TagEffect::kBoldOn;
  } else if (name == "i" || name == "em") {
    *effect = closing ? TagEffect::kItalicOff : TagEffect::kItalicOn;
  } else if (name == "br" || name == "p" || name == "div") {
    *effect = (name == "br" || !closing) ? TagEffect::kBreak : TagEffect::kDrop;
  } else {
    *effect = TagEffect::kDrop;
  }
  return i + 1 - pos;
}

}  // namespace

InlineText StripInlineMarkup(std::string_view s, bool br_as_newline) {
  InlineText out;
  // No markup: nothing to strip. A plain loop, because find_first_of calls memchr per byte.
  const bool has_markup = std::any_of(s.begin(), s.end(), [](char c) {
    return c == '*' || c == '_' || c == '<' || c == '\\';
  });
  if (!has_markup) {
    out.text.assign(s);
    return out;
  }
  out.text.reserve(s.size());
  int bold_depth = 0;
  int italic_depth = 0;
  bool star_bold = false, star_italic = false;
  size_t visible = 0, visible_bold = 0, visible_italic = 0;
  auto emit = [&](char c) {
    out.text.push_back(c);
    const bool counts = c != ' ' && c != '\t' && c != '\n';
    // Count code points, not bytes: skip UTF-8 continuation bytes.
    if (counts && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++visible;
      if (bold_depth > 0 || star_bold) ++visible_bold;
      if (italic_depth > 0 || star_italic) ++visible_italic;
    }
  };
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      emit(s[i + 1]);  // an escaped character is literal text
      i += 2;
      continue;
    }
    if (c == '<') {
      TagEffect effect = TagEffect::kNone;
      if (size_t n = MatchTag(s, i, &effect)) {
        switch (effect) {
          case TagEffect::kBoldOn: ++bold_depth; break;
          case TagEffect::kBoldOff: bold_depth = bold_depth > 0 ? bold_depth - 1 : 0; break;
          case TagEffect::kItalicOn: ++italic_depth; break;
          case TagEffect::kItalicOff: italic_depth = italic_depth > 0 ? italic_depth - 1 : 0; break;
          case TagEffect::kBreak: out.text.push_back(br_as_newline ? '\n' : ' '); break;
          default: break;
        }
        i += n;
        continue;
      }
    }
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
      // "**"/"__" toggles bold. Why "_" only doubled: single underscores are blanks in forms.
      star_bold = !star_bold;
      i += 2;
      continue;
    }
    if (c == '*') {
      // A single star is emphasis when it hugs text on one side and not the other.
      const bool left_open = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || IsAsciiPunct(s[i - 1]);
      const bool right_open = IsSpaceOrEdge(s, i + 1) || (i + 1 < s.size() && IsAsciiPunct(s[i + 1]) && s[i + 1] != '(');
      const bool opens = left_open && !IsSpaceOrEdge(s, i + 1);
      // An open run also closes at a star before a space or the line's end ("… năm 2025 *").
      const bool closes = (i > 0 && s[i - 1] != ' ' && right_open) ||
                          (star_italic && IsSpaceOrEdge(s, i + 1));
      if (opens || closes) {
        star_italic = opens && !closes ? true : (closes ? false : star_italic);
        ++i;
        continue;
      }
    }
    emit(c);
    ++i;
  }
  out.open_emphasis = star_bold || star_italic;
  out.bold = visible > 0 && visible_bold == visible;
  out.italic = visible > 0 && visible_italic == visible;
  return out;
}

}  // namespace lienthong
