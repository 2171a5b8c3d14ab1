#include "auth/password_policy.h"

#include "auth/password_hasher.h"
#include "text/keys.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

size_t CodePoints(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Status CheckPassword(std::string_view password, std::string_view username,
                     const std::vector<std::string>& recent_hashes, const PasswordPolicy& policy) {
  if (!IsValidUtf8(password)) {
    return Status::InvalidField("password", "not valid UTF-8").WithReason("password_not_text");
  }
  // NFC first, so the same password typed on two keyboards (precomposed or combining marks)
  // counts the same and hashes the same.
  std::string nfc = ToNfc(password);
  size_t length = CodePoints(nfc);
  if (length < policy.min_length) {
    return Status::InvalidField("password", "at least " + std::to_string(policy.min_length) +
                                                " characters are required")
        .WithReason("password_too_short", {{"min", std::to_string(policy.min_length)}});
  }
  if (length > policy.max_length) {
    return Status::InvalidField("password", "at most " + std::to_string(policy.max_length) +
                                                " characters are allowed")
        .WithReason("password_too_long", {{"max", std::to_string(policy.max_length)}});
  }
  if (!username.empty() && MatchKey(nfc) == MatchKey(username)) {
    return Status::InvalidField("password", "must not be the user name")
        .WithReason("password_is_username");
  }
  for (size_t i = 0; i < recent_hashes.size() && i < policy.history; ++i) {
    if (VerifyPassword(recent_hashes[i], nfc)) {
      return Status::InvalidField("password", "must differ from the last " +
                                                  std::to_string(policy.history) + " passwords")
          .WithReason("password_reused", {{"count", std::to_string(policy.history)}});
    }
  }
  return Status::Ok();
}

}  // namespace lienthong
