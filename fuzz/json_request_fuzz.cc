// libFuzzer target: the JSON request decoders. Each input is a JSON body sent, through the real
// ApiApplication (session, CSRF, routing, RouteContext::JsonBody, the route's own field checks),
// to one of the routes that take JSON, chosen by the first byte. The server runs on a fresh SQLite
// database (api/testing/api_harness.h) as a signed-in specialist. Any crash, sanitizer report or
// 500 answer is a finding; 4xx answers are what hostile bodies should get.
//
// Seeds: fuzz/seeds/json/ (a first byte, then a body).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <spdlog/spdlog.h>

#include "api/testing/api_harness.h"

namespace {

struct Target {
  const char* method;
  const char* path;
};

constexpr Target kTargets[] = {
    {"POST", "/api/v1/activities"},       {"POST", "/api/v1/plans"},
    {"PATCH", "/api/v1/plans/1"},         {"PATCH", "/api/v1/tasks/1"},
    {"POST", "/api/v1/plans/1/indicators"}, {"POST", "/api/v1/reports/1/submit"},
    {"POST", "/api/v1/session"},          {"POST", "/api/v1/level-words"},
};

struct Server {
  std::unique_ptr<lienthong::api::ApiHarness> harness;
  lienthong::api::Session session;
};

Server& TheServer() {
  static Server* server = [] {
    spdlog::set_level(spdlog::level::off);  // a request log line per input is all noise here
    auto* s = new Server();
    auto harness = lienthong::api::ApiHarness::Create();
    if (!harness.ok()) {
      std::fprintf(stderr, "harness: %s\n", harness.status().ToString().c_str());
      std::abort();
    }
    s->harness = std::move(harness).value();
    auto session = s->harness->SignIn("xa.a");
    if (!session.ok()) std::abort();
    s->session = *session;
    return s;
  }();
  return *server;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (64u << 10)) return 0;
  Server& server = TheServer();
  const Target& target = kTargets[data[0] % (sizeof(kTargets) / sizeof(kTargets[0]))];
  std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto call = server.harness->Call(target.method, target.path, body, &server.session);
  if (call.status >= 500) {
    std::fprintf(stderr, "%s %s answered %d: %s\n", target.method, target.path, call.status,
                 call.response.body.c_str());
    std::abort();
  }
  return 0;
}
