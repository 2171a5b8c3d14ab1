#include "util/random_hex.h"

#include <sodium.h>

namespace lienthong {

std::string RandomHex(size_t bytes) {
  [[maybe_unused]] static const int kSodiumReady = sodium_init();  // once, thread-safe
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes);
  for (unsigned char b : raw) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace lienthong
