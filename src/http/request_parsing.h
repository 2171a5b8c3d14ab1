// Turning the raw parts of an HTTP request into an HttpRequest: percent-decoding, the query
// string, cookies, the request id. Independent of Boost.Beast, so it is tested on its own.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace lienthong::http {

// "%C4%91" → "đ"; '+' → ' ' when `plus_is_space` (query strings). Invalid escapes stay as-is.
std::string PercentDecode(std::string_view text, bool plus_is_space);

// Fills path and query from `target` and the rest from the arguments; header names lower-cased.
HttpRequest MakeRequest(std::string method, std::string target,
                        std::vector<std::pair<std::string, std::string>> headers,
                        std::string body, std::string remote_address);

// "a=1; b=2" → {a:1, b:2}.
std::map<std::string, std::string> ParseCookies(std::string_view header);

// 16 hex characters, random.
std::string NewRequestId();

// A JSON error answer for failures the server itself detects (malformed HTTP, oversized body).
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message);

}  // namespace lienthong::http
