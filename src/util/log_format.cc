#include "util/log_format.h"

#include <memory>

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include "util/utf8.h"

namespace lienthong {
namespace {

// The length of the well-formed UTF-8 sequence at `text[i]`, or 0.
size_t Utf8Length(std::string_view text, size_t i) {
  size_t end = i;
  const char32_t c = DecodeUtf8(text, &end);
  const bool replaced = c == kReplacementChar && text.substr(i, 3) != "\xEF\xBF\xBD";
  return replaced ? 0 : end - i;
}

void AppendHex(std::string& out, unsigned char c) {
  static const char* kHex = "0123456789abcdef";
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

class EscapedMessage : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    std::string escaped =
        EscapeControlCharacters(std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(escaped.data(), escaped.data() + escaped.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<EscapedMessage>();
  }
};

}  // namespace

std::string EscapeControlCharacters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      AppendHex(out, c);
      ++i;
    } else if (c == '\\') {
      out += "\\\\";
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else if (size_t n = Utf8Length(text, i); n == 0) {
      AppendHex(out, c);
      ++i;
    } else if (n == 2 && c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0) {
      AppendHex(out, c);  // a C1 control (U+0080–U+009F): CSI is one of them
      AppendHex(out, static_cast<unsigned char>(text[i + 1]));
      i += 2;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string LogValue(std::string_view value) {
  if (value.empty()) return "-";
  bool plain = true;
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x21) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') {
      out += "\\\"";
    } else {
      out += c;  // control characters are escaped for the whole line by the log format
    }
  }
  out += '"';
  return out;
}

void InstallLogFormat() {
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<EscapedMessage>('*').set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %*");
  spdlog::set_formatter(std::move(formatter));
}

}  // namespace lienthong
