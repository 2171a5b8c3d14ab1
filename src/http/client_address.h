// The client's address behind a reverse proxy. X-Forwarded-For and Forwarded are believed only
// from peers in --trusted-proxy ranges: anyone else could write them. The address is then the
// right-most one in the chain that is not itself a trusted proxy (each proxy appends the peer it
// saw, so entries left of the first untrusted one may be forged by the client).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace lienthong::http {

// An IPv4 or IPv6 network: "10.0.0.0/8", "::1/128", "127.0.0.1" (a single address).
struct Cidr {
  std::array<uint8_t, 16> bytes{};  // IPv4 as ::ffff:a.b.c.d
  int prefix_bits = 128;

  static Result<Cidr> Parse(std::string_view text);
  bool Contains(std::string_view address) const;
};

class TrustedProxies {
 public:
  // Errors name the bad entry.
  Status Add(std::string_view cidr);
  bool empty() const { return ranges_.empty(); }
  bool Trusts(std::string_view address) const;

 private:
  std::vector<Cidr> ranges_;
};

// The 16-byte form of an IPv4 or IPv6 address in text ("192.0.2.1", "[2001:db8::1]"), or none.
std::optional<std::array<uint8_t, 16>> ParseIpAddress(std::string_view text);

// `peer` itself unless it is trusted and the request carries X-Forwarded-For (preferred) or
// Forwarded: then the right-most untrusted address of that chain (the left-most when all are
// trusted). Malformed entries end the walk at the last good address.
std::string ClientAddress(const std::string& peer, std::string_view x_forwarded_for,
                          std::string_view forwarded, const TrustedProxies& proxies);

// True for 127.0.0.0/8 and ::1.
bool IsLoopback(std::string_view address);

}  // namespace lienthong::http
