#include "auth/totp.h"

#include <cctype>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include "util/base32.h"

namespace lienthong {
namespace {

constexpr int64_t kStepSeconds = 30;

std::string Hotp(std::string_view secret, uint64_t counter, int digits) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message, sizeof message, mac,
       &mac_len);
  // Dynamic truncation (RFC 4226 §5.3).
  int offset = mac[mac_len - 1] & 0x0F;
  uint32_t binary = (static_cast<uint32_t>(mac[offset] & 0x7F) << 24) |
                    (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                    (static_cast<uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string UriEscape(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() {
  [[maybe_unused]] static const int kSodiumReady = sodium_init();
  std::string secret(20, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string TotpCode(std::string_view secret, int64_t unix_seconds, int digits) {
  if (digits < 6) digits = 6;
  if (digits > 8) digits = 8;
  return Hotp(secret, static_cast<uint64_t>(unix_seconds / kStepSeconds), digits);
}

bool VerifyTotp(std::string_view secret, std::string_view code, int64_t unix_seconds) {
  if (code.size() < 6 || code.size() > 8) return false;
  int digits = static_cast<int>(code.size());
  bool match = false;
  for (int64_t drift = -1; drift <= 1; ++drift) {
    std::string expected = TotpCode(secret, unix_seconds + drift * kStepSeconds, digits);
    // Constant-time comparison, so timing does not reveal how many digits matched.
    match |= sodium_memcmp(expected.data(), code.data(), code.size()) == 0;
  }
  return match;
}

std::string TotpUri(std::string_view secret, std::string_view account, std::string_view issuer) {
  return "otpauth://totp/" + UriEscape(issuer) + ":" + UriEscape(account) +
         "?secret=" + Base32Encode(secret) + "&issuer=" + UriEscape(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace lienthong
