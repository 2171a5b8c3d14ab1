// Password hashing with Argon2id (libsodium's crypto_pwhash_str): the stored string carries its
// own salt and cost parameters, so old hashes keep verifying after the costs are raised.
// Passwords are NFC-normalised first, so "ế" typed precomposed or with combining marks is the
// same password.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace lienthong {

// Cost of a new hash. kInteractive (libsodium's INTERACTIVE: 2 passes, 64 MiB) is above OWASP's
// Argon2id minimum (19 MiB, 2 passes) and costs ~0.1 s; kTesting is for tests only.
enum class PasswordCost { kInteractive, kModerate, kTesting };

// "$argon2id$v=19$m=65536,t=2,p=1$…". kInternal if libsodium fails (out of memory).
Result<std::string> HashPassword(std::string_view password,
                                 PasswordCost cost = PasswordCost::kInteractive);

// True when `password` matches `hash`; false for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// True when `hash` was made with other costs than `cost` (rehash it after a successful login).
bool PasswordNeedsRehash(std::string_view hash, PasswordCost cost = PasswordCost::kInteractive);

}  // namespace lienthong
