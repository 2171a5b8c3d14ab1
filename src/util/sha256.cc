#include "util/sha256.h"

#include <sodium.h>

namespace lienthong {

std::string Sha256Hex(std::string_view bytes) {
  [[maybe_unused]] static const int kSodiumReady = sodium_init();  // once, thread-safe
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace lienthong
