// HttpRequest / HttpResponse: what the server hands to handlers and gets back. Plain structs so
// that route code never includes Boost.Beast (only src/http/server*.cc does).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lienthong::http {

struct HttpRequest {
  std::string method;        // "GET", "POST", …
  std::string target;        // as received: "/api/v1/units?root=66"
  std::string path;          // decoded path without the query: "/api/v1/units"
  std::multimap<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;       // names lower-cased
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string remote_address;  // the client: the TCP peer, or what a trusted proxy says
  std::string peer_address;    // the TCP peer itself
  std::string request_id;    // also sent back as X-Request-Id and written to the request log

  // The first value of a query parameter, if present.
  std::optional<std::string> QueryParam(const std::string& name) const;
  // A header by lower-case name, "" when absent.
  std::string Header(const std::string& lower_name) const;

  // Set by the server when the client disconnects while the request is handled, or when it is
  // abandoned at shutdown; long work (an import) checks it and stops. Null outside a server.
  std::shared_ptr<const std::atomic<bool>> cancelled;
  bool Cancelled() const { return cancelled && cancelled->load(); }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, …)
};

}  // namespace lienthong::http
