// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 6 digits, 30 s steps):
// what authenticator apps generate, required for admins and available to everyone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lienthong {

// 20 random bytes (libsodium), the size RFC 4226 recommends for HMAC-SHA1.
std::string NewTotpSecret();

// The code for `unix_seconds`; `digits` 6–8.
std::string TotpCode(std::string_view secret, int64_t unix_seconds, int digits = 6);

// True when `code` matches the step of `unix_seconds` or one step either side (clock drift).
// Callers must also refuse a code already used in the same step (replay), which needs the store.
bool VerifyTotp(std::string_view secret, std::string_view code, int64_t unix_seconds);

// "otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER" for a QR code.
std::string TotpUri(std::string_view secret, std::string_view account, std::string_view issuer);

}  // namespace lienthong
