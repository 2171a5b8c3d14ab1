#include <gtest/gtest.h>

#include "auth/password_hasher.h"
#include "auth/password_policy.h"

namespace lienthong {
namespace {

TEST(PasswordHasherTest, Argon2idRoundTrip) {
  auto hash = HashPassword("Mật khẩu đủ dài 2025", PasswordCost::kTesting);
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "Mật khẩu đủ dài 2025"));
  EXPECT_FALSE(VerifyPassword(*hash, "Mật khẩu đủ dài 2026"));
  EXPECT_FALSE(VerifyPassword("not a hash", "Mật khẩu đủ dài 2025"));
  EXPECT_FALSE(VerifyPassword("", ""));
  // The same password with combining marks (NFD) verifies too.
  EXPECT_TRUE(VerifyPassword(*hash, "Ma\xCC\xA3\xCC\x82t kha\xCC\x82\xCC\x89u \xC4\x91u\xCC\x89 da\xCC\x80i 2025"));
}

TEST(PasswordHasherTest, SaltedAndRehashedWhenCostsChange) {
  auto a = HashPassword("same password here", PasswordCost::kTesting);
  auto b = HashPassword("same password here", PasswordCost::kTesting);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // a fresh salt each time
  EXPECT_FALSE(PasswordNeedsRehash(*a, PasswordCost::kTesting));
  EXPECT_TRUE(PasswordNeedsRehash(*a, PasswordCost::kInteractive));
}

TEST(PasswordPolicyTest, LengthIsCountedInCharacters) {
  PasswordPolicy policy;
  // 12 Vietnamese letters are 12 characters even though they are 30 bytes of UTF-8.
  EXPECT_TRUE(CheckPassword("ắằẳẵặấầẩẫậếề", "lan", {}, policy).ok());
  Status short_one = CheckPassword("ngắn quá", "lan", {}, policy);
  EXPECT_EQ(short_one.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(short_one.message().find("at least 12 characters"), std::string::npos);
  // The rule is coded for the web page's language, with the number it needs.
  EXPECT_EQ(short_one.field(), "password");
  EXPECT_EQ(short_one.reason(), "password_too_short");
  EXPECT_EQ(short_one.reason_params(),
            (std::vector<std::pair<std::string, std::string>>{{"min", "12"}}));
  EXPECT_NE(CheckPassword(std::string(129, 'x'), "lan", {}, policy).message().find("at most 128"),
            std::string::npos);
}

TEST(PasswordPolicyTest, NotTheUserNameNorARecentPassword) {
  PasswordPolicy policy;
  EXPECT_FALSE(CheckPassword("Nguyen.Thi.Lan", "nguyen.thi.lan", {}, policy).ok());
  auto old = HashPassword("mật khẩu cũ của tôi", PasswordCost::kTesting);
  ASSERT_TRUE(old.ok());
  Status reused = CheckPassword("mật khẩu cũ của tôi", "lan", {*old}, policy);
  EXPECT_NE(reused.message().find("last 5 passwords"), std::string::npos) << reused.message();
  EXPECT_EQ(reused.reason(), "password_reused");
  EXPECT_EQ(CheckPassword("Nguyen.Thi.Lan", "nguyen.thi.lan", {}, policy).reason(),
            "password_is_username");
  EXPECT_EQ(reused.message().find("cũ"), std::string::npos);  // never echoes the password
  policy.history = 0;
  EXPECT_TRUE(CheckPassword("mật khẩu cũ của tôi", "lan", {*old}, policy).ok());
}

}  // namespace
}  // namespace lienthong
