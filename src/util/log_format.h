// Log lines that cannot be forged: every log line is one line of `key=value` fields, and any
// control character in a message (CR, LF, ESC and the other C0/C1 controls, DEL) or byte that is
// not UTF-8 is written as \xNN, so a request path with %0d%0a cannot start a fake line and ANSI
// escapes never reach a terminal. Under systemd, journald stores each line as one entry.
#pragma once

#include <string>
#include <string_view>

namespace lienthong {

// `text` with control characters and invalid UTF-8 escaped as \xNN and backslashes doubled.
std::string EscapeControlCharacters(std::string_view text);

// A field value for a `key=value` line: as is when it is a plain token, else in double quotes
// with quotes and backslashes escaped ("-" for an empty value).
std::string LogValue(std::string_view value);

// Sets spdlog's default logger to the lienthong line format: "2026-01-02T03:04:05.678Z info
// message" in UTC, with the message escaped as above.
void InstallLogFormat();

}  // namespace lienthong
