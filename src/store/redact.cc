#include "store/redact.h"

#include <charconv>
#include <vector>

namespace lienthong {
namespace {

constexpr std::string_view kMask = "***";

// Replaces every occurrence of `needle` in `text` by `replacement`.
void ReplaceAll(std::string& text, std::string_view needle, std::string_view replacement) {
  if (needle.empty()) return;
  size_t pos = 0;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    text.replace(pos, needle.size(), replacement);
    pos += replacement.size();
  }
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

struct Span {
  size_t begin;
  size_t end;  // exclusive
};

// Where the passwords of `url` are: the userinfo password and every `password=` value.
std::vector<Span> PasswordSpans(std::string_view url) {
  std::vector<Span> spans;
  size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    size_t authority = scheme_end + 3;
    size_t authority_end = url.find_first_of("/?#", authority);
    if (authority_end == std::string_view::npos) authority_end = url.size();
    // The last '@' ends the userinfo (a raw '@' in a password is malformed, but still secret).
    size_t at = url.substr(0, authority_end).rfind('@');
    if (at != std::string_view::npos && at >= authority) {
      size_t colon = url.find(':', authority);
      if (colon < at) spans.push_back({colon + 1, at});
    }
  }
  constexpr std::string_view kKey = "password=";
  for (size_t pos = 0; pos < url.size(); ++pos) {
    bool boundary = pos == 0 || url[pos - 1] == '?' || url[pos - 1] == '&' || url[pos - 1] == ' ' ||
                    url[pos - 1] == '\t';
    if (!boundary || !StartsWithNoCase(url, pos, kKey)) continue;
    size_t begin = pos + kKey.size();
    size_t end;
    if (begin < url.size() && url[begin] == '\'') {  // key='quoted value' (keyword form)
      end = url.find('\'', begin + 1);
      end = end == std::string_view::npos ? url.size() : end + 1;
    } else {
      end = url.find_first_of("& \t#", begin);
      if (end == std::string_view::npos) end = url.size();
    }
    spans.push_back({begin, end});
  }
  return spans;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = AsciiLower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int hi = HexValue(text[i + 1]);
      int lo = HexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string ValueText(const SqlValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (std::holds_alternative<SqlBlob>(value)) return "";  // binary never appears in messages
  char buffer[64];
  std::to_chars_result r{buffer, {}};
  if (const auto* i = std::get_if<int64_t>(&value)) r = std::to_chars(buffer, buffer + 64, *i);
  if (const auto* d = std::get_if<double>(&value)) r = std::to_chars(buffer, buffer + 64, *d);
  return std::string(buffer, r.ptr);
}

}  // namespace

std::string RedactDatabaseUrl(std::string_view url) {
  std::string out(url);
  std::vector<Span> spans = PasswordSpans(url);
  // Right to left, so earlier offsets stay valid.
  for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
    out.replace(it->begin, it->end - it->begin, kMask);
  }
  return out;
}

std::string RedactUrlSecrets(std::string message, std::string_view url) {
  for (const Span& span : PasswordSpans(url)) {
    std::string_view raw = url.substr(span.begin, span.end - span.begin);
    if (raw.empty()) continue;
    ReplaceAll(message, raw, kMask);
    ReplaceAll(message, PercentDecode(raw), kMask);
  }
  return message;
}

std::string RedactParameterValues(std::string message, const SqlParams& params) {
  constexpr size_t kMinBareLength = 8;
  for (const SqlValue& param : params) {
    if (std::holds_alternative<std::monostate>(param)) continue;
    std::string value = ValueText(param);
    if (value.empty()) continue;
    ReplaceAll(message, "\"" + value + "\"", "\"***\"");
    ReplaceAll(message, "'" + value + "'", "'***'");
    if (std::holds_alternative<std::string>(param) && value.size() >= kMinBareLength) {
      ReplaceAll(message, value, kMask);
    }
  }
  return message;
}

}  // namespace lienthong
