#include "auth/totp.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

// RFC 6238 Appendix B, HMAC-SHA1 rows (8 digits, seed "12345678901234567890").
TEST(TotpTest, Rfc6238Vectors) {
  const std::string seed = "12345678901234567890";
  const std::pair<int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
  };
  for (const auto& [time, code] : vectors) EXPECT_EQ(TotpCode(seed, time, 8), code) << time;
  EXPECT_EQ(TotpCode(seed, 59), "287082");  // 6 digits: the last six
}

TEST(TotpTest, AcceptsOneStepOfDriftOnly) {
  const std::string secret = NewTotpSecret();
  ASSERT_EQ(secret.size(), 20u);
  const int64_t now = 1'790'000'000;
  EXPECT_TRUE(VerifyTotp(secret, TotpCode(secret, now), now));
  EXPECT_TRUE(VerifyTotp(secret, TotpCode(secret, now - 30), now));
  EXPECT_TRUE(VerifyTotp(secret, TotpCode(secret, now + 30), now));
  EXPECT_FALSE(VerifyTotp(secret, TotpCode(secret, now - 90), now));
  EXPECT_FALSE(VerifyTotp(secret, "12345", now));
  EXPECT_NE(NewTotpSecret(), secret);
}

TEST(TotpTest, UriForAuthenticatorApps) {
  EXPECT_EQ(TotpUri("12345678901234567890", "lan@xa hoa binh", "lienthong"),
            "otpauth://totp/lienthong:lan%40xa%20hoa%20binh?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=lienthong&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace lienthong
