#include "text/visible_text.h"

#include <unicode/uchar.h>

#include "util/utf8.h"

namespace lienthong {
namespace {

// Controls, format characters (bidi controls, zero-width joiners, soft hyphen…) and everything
// Unicode says renders as nothing unless a font chooses to show it.
bool IsInvisibleControl(char32_t c) {
  auto cp = static_cast<UChar32>(c);
  int8_t type = u_charType(cp);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR ||
         u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool IsVisible(char32_t c) {
  if (c == kReplacementChar || c == U'\u2800' || IsInvisibleControl(c)) return false;
  auto cp = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(cp)) return false;
  int8_t type = u_charType(cp);
  // A combining mark alone shows as a mark on nothing; with a base letter the letter is visible.
  return type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK && type != U_UNASSIGNED;
}

}  // namespace

bool HasVisibleContent(std::string_view utf8) {
  for (size_t pos = 0; pos < utf8.size();) {
    if (IsVisible(DecodeUtf8(utf8, &pos))) return true;
  }
  return false;
}

std::string WithoutInvisibleControls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t c = DecodeUtf8(utf8, &pos);
    if (!IsInvisibleControl(c)) AppendUtf8(c, &out);
  }
  return out;
}

}  // namespace lienthong
