#include "http/client_address.h"

#include <gtest/gtest.h>

namespace lienthong::http {
namespace {

TrustedProxies Proxies(std::initializer_list<const char*> ranges) {
  TrustedProxies proxies;
  for (const char* range : ranges) EXPECT_TRUE(proxies.Add(range).ok()) << range;
  return proxies;
}

TEST(ClientAddress, CidrRanges) {
  auto v4 = Cidr::Parse("10.1.0.0/16");
  ASSERT_TRUE(v4.ok());
  EXPECT_TRUE(v4->Contains("10.1.200.3"));
  EXPECT_FALSE(v4->Contains("10.2.0.1"));
  EXPECT_FALSE(v4->Contains("not an address"));
  auto v6 = Cidr::Parse("2001:db8::/32");
  ASSERT_TRUE(v6.ok());
  EXPECT_TRUE(v6->Contains("2001:db8:1::5"));
  EXPECT_FALSE(v6->Contains("10.1.0.1"));
  EXPECT_TRUE(Cidr::Parse("127.0.0.1")->Contains("127.0.0.1"));
  EXPECT_FALSE(Cidr::Parse("127.0.0.1")->Contains("127.0.0.2"));
  for (const char* bad : {"10.0.0.0/33", "10.0.0.0/x", "example.org", "::1/129", ""}) {
    EXPECT_FALSE(Cidr::Parse(bad).ok()) << bad;
  }
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("192.0.2.1"));
}

// Issue 12 #8: forwarded addresses count only from a trusted peer.
TEST(ClientAddress, ForwardedHeadersOnlyFromTrustedProxies) {
  TrustedProxies none;
  EXPECT_EQ(ClientAddress("203.0.113.9", "198.51.100.1", "", none), "203.0.113.9");
  TrustedProxies proxies = Proxies({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(ClientAddress("203.0.113.9", "198.51.100.1", "", proxies), "203.0.113.9")
      << "an untrusted peer cannot name another client";
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", "", proxies), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", "", proxies), "127.0.0.1");
}

TEST(ClientAddress, TheRightMostUntrustedEntryWins) {
  TrustedProxies proxies = Proxies({"127.0.0.1", "10.0.0.0/8"});
  // The client forged the first entry; the proxy appended what it saw.
  EXPECT_EQ(ClientAddress("127.0.0.1", "1.2.3.4, 198.51.100.7", "", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7, 10.0.0.2", "", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "10.0.0.3, 10.0.0.2", "", proxies), "10.0.0.3");
  EXPECT_EQ(ClientAddress("127.0.0.1", "garbage, 198.51.100.7", "", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.7, unknown", "", proxies), "127.0.0.1");
}

TEST(ClientAddress, ForwardedHeader) {
  TrustedProxies proxies = Proxies({"::1"});
  EXPECT_EQ(ClientAddress("::1", "", "for=198.51.100.7;proto=https", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("::1", "", "for=\"[2001:db8::1]:4711\"", proxies), "2001:db8::1");
  EXPECT_EQ(ClientAddress("::1", "", "for=\"192.0.2.60:8080\", for=198.51.100.17", proxies),
            "198.51.100.17");
}

}  // namespace
}  // namespace lienthong::http
