// Random identifiers and tokens from the operating system's CSPRNG (libsodium).
#pragma once

#include <cstddef>
#include <string>

namespace lienthong {

// `bytes` random bytes as 2 × bytes lower-case hex digits.
std::string RandomHex(size_t bytes);

}  // namespace lienthong
