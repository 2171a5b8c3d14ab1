#include "auth/password_hasher.h"

#include <sodium.h>

#include "text/normalize.h"

namespace lienthong {
namespace {

struct Costs {
  unsigned long long ops;
  size_t mem;
};

Costs CostsOf(PasswordCost cost) {
  switch (cost) {
    case PasswordCost::kModerate:
      return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    case PasswordCost::kTesting:
      return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    case PasswordCost::kInteractive:
      break;
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;  // once, thread-safe
  return ready;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (!SodiumReady()) return Status::Internal("libsodium could not be initialised");
  Costs c = CostsOf(cost);
  std::string nfc = ToNfc(password);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, nfc.data(), nfc.size(), c.ops, c.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (!SodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);  // libsodium wants a NUL-terminated string
  std::string nfc = ToNfc(password);
  return crypto_pwhash_str_verify(terminated.c_str(), nfc.data(), nfc.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view hash, PasswordCost cost) {
  if (!SodiumReady() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  Costs c = CostsOf(cost);
  std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), c.ops, c.mem) != 0;
}

}  // namespace lienthong
