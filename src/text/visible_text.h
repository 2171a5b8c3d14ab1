// Whether a piece of text shows anything to a reader. A title, a comment or a file name made only
// of spaces, zero-width characters (U+200B ZERO WIDTH SPACE, U+FEFF), bidirectional controls
// (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066…U+2069) or other invisible characters looks empty in
// every list and export, so such input is refused where a visible name is required.
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

// True when `utf8` holds at least one character that is not white space, not a control or
// format character (zero-width, bidi controls, soft hyphen), not default-ignorable (U+115F,
// U+3164 fillers, variation selectors), not a lone combining mark and not U+2800 BRAILLE
// PATTERN BLANK. Ill-formed bytes are not visible.
bool HasVisibleContent(std::string_view utf8);

// `utf8` with every control, format (bidi, zero-width) and default-ignorable character removed,
// for names that end up in headers and file systems (evidence file names). Ill-formed bytes
// become U+FFFD.
std::string WithoutInvisibleControls(std::string_view utf8);

}  // namespace lienthong
