// SHA-256 of a byte string (libsodium), as 64 lower-case hex digits.
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

std::string Sha256Hex(std::string_view bytes);

}  // namespace lienthong
