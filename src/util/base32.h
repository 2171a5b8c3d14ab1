// Base32 (RFC 4648, upper-case alphabet, no padding on output): how authenticator apps take a
// TOTP secret.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lienthong {

std::string Base32Encode(std::string_view bytes);
// Accepts upper or lower case, optional '=' padding and spaces; nullopt on any other character.
std::optional<std::string> Base32Decode(std::string_view text);

}  // namespace lienthong
