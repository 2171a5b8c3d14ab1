#include "http/client_address.h"

#include <arpa/inet.h>

#include <charconv>

namespace lienthong::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The comma-separated entries of a header, in order.
std::vector<std::string_view> Entries(std::string_view header) {
  std::vector<std::string_view> out;
  while (!header.empty()) {
    size_t comma = header.find(',');
    out.push_back(Trim(header.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return out;
}

// `for=` of one Forwarded element: for=192.0.2.1, for="[2001:db8::1]:4711", for="192.0.2.1:80".
std::string ForwardedFor(std::string_view element) {
  while (!element.empty()) {
    size_t semi = element.find(';');
    std::string_view pair = Trim(element.substr(0, semi));
    if (pair.size() > 4 && (pair.substr(0, 4) == "for=" || pair.substr(0, 4) == "For=")) {
      std::string_view value = pair.substr(4);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      if (!value.empty() && value.front() == '[') {
        size_t close = value.find(']');
        return std::string(value.substr(0, close == std::string_view::npos ? value.size()
                                                                          : close + 1));
      }
      size_t colon = value.find(':');
      if (colon != std::string_view::npos && value.find(':', colon + 1) == std::string_view::npos) {
        value = value.substr(0, colon);  // IPv4 with a port
      }
      return std::string(value);
    }
    if (semi == std::string_view::npos) break;
    element.remove_prefix(semi + 1);
  }
  return "";
}

std::string Unbracket(std::string_view address) {
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']') {
    address = address.substr(1, address.size() - 2);
  }
  return std::string(address);
}

}  // namespace

std::optional<std::array<uint8_t, 16>> ParseIpAddress(std::string_view text) {
  std::string address = Unbracket(Trim(text));
  std::array<uint8_t, 16> out{};
  in_addr v4;
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) {
    out[10] = out[11] = 0xff;
    const auto* b = reinterpret_cast<const uint8_t*>(&v4.s_addr);
    for (int i = 0; i < 4; ++i) out[12 + i] = b[i];
    return out;
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, address.c_str(), &v6) == 1) {
    for (int i = 0; i < 16; ++i) out[i] = v6.s6_addr[i];
    return out;
  }
  return std::nullopt;
}

Result<Cidr> Cidr::Parse(std::string_view text) {
  std::string_view address = text;
  int bits = -1;
  if (size_t slash = text.find('/'); slash != std::string_view::npos) {
    address = text.substr(0, slash);
    std::string_view length = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), bits);
    if (ec != std::errc() || end != length.data() + length.size()) bits = -2;
  }
  auto bytes = ParseIpAddress(address);
  bool v4 = bytes && address.find(':') == std::string_view::npos;
  int max_bits = v4 ? 32 : 128;
  if (!bytes || bits == -2 || bits > max_bits || bits < -1) {
    return Status::InvalidArgument("not an address or CIDR range: '" +
                                   std::string(text.substr(0, 60)) + "'");
  }
  Cidr cidr;
  cidr.bytes = *bytes;
  cidr.prefix_bits = (bits < 0 ? max_bits : bits) + (v4 ? 96 : 0);
  return cidr;
}

bool Cidr::Contains(std::string_view address) const {
  auto parsed = ParseIpAddress(address);
  if (!parsed) return false;
  int bits = prefix_bits;
  for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    uint8_t mask = bits >= 8 ? 0xff : static_cast<uint8_t>(0xff << (8 - bits));
    if (((*parsed)[i] & mask) != (bytes[i] & mask)) return false;
  }
  return true;
}

Status TrustedProxies::Add(std::string_view cidr) {
  LT_ASSIGN_OR_RETURN(Cidr range, Cidr::Parse(Trim(cidr)));
  ranges_.push_back(range);
  return Status::Ok();
}

bool TrustedProxies::Trusts(std::string_view address) const {
  for (const Cidr& range : ranges_) {
    if (range.Contains(address)) return true;
  }
  return false;
}

std::string ClientAddress(const std::string& peer, std::string_view x_forwarded_for,
                          std::string_view forwarded, const TrustedProxies& proxies) {
  if (proxies.empty() || !proxies.Trusts(peer)) return peer;
  std::vector<std::string> chain;
  if (!x_forwarded_for.empty()) {
    for (std::string_view entry : Entries(x_forwarded_for)) chain.push_back(Unbracket(entry));
  } else if (!forwarded.empty()) {
    for (std::string_view element : Entries(forwarded)) {
      chain.push_back(Unbracket(ForwardedFor(element)));
    }
  }
  std::string client = peer;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!ParseIpAddress(*it)) break;  // "unknown", an obfuscated name, garbage: stop here
    client = *it;
    if (!proxies.Trusts(client)) break;
  }
  return client;
}

bool IsLoopback(std::string_view address) {
  static const Cidr kV4 = *Cidr::Parse("127.0.0.0/8");
  static const Cidr kV6 = *Cidr::Parse("::1/128");
  return kV4.Contains(address) || kV6.Contains(address);
}

}  // namespace lienthong::http
