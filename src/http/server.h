// HttpServer: HTTP/1.1 on Boost.Beast. Connections are handled asynchronously on a few I/O
// threads (so a thousand idle keep-alive connections cost no threads). Each request's head is
// read first and screened (ServerHooks::screen) on the I/O thread: a request that can be answered
// at once (liveness, an unknown route, a missing session, a body over its route's limit, the
// server's in-flight byte budget spent) is answered without reading its body. The body is then
// read and the request handed to the worker pool, where the handler may block on the database —
// or to the one-thread probe lane (readiness, metrics), which never waits behind slow work.
//
// While a handler runs, the connection watches for the client going away and sets the request's
// cancellation flag (HttpRequest::Cancelled). Stop() is graceful: the listener closes, idle
// connections close, requests in flight finish and are answered with Connection: close; one still
// running after the grace period gets a 503 and a closed connection (its handler's flag is set
// and its late answer dropped), and Run() returns once every handler has returned.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/client_address.h"
#include "http/message.h"
#include "util/status.h"

namespace lienthong::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;           // 0: any free port (tests)
  int io_threads = 0;             // 0: 2
  int worker_threads = 0;         // 0: max(8, 4 × cores)
  size_t max_body_bytes = 32u << 20;            // no route reads more
  size_t max_inflight_body_bytes = 256u << 20;  // all bodies being read or handled at once
  int idle_seconds = 60;          // a keep-alive connection idle this long is closed
  int shutdown_grace_seconds = 30;
  TrustedProxies trusted_proxies;  // peers whose X-Forwarded-For / Forwarded are believed
};

// Where a screened request is handled.
enum class Lane { kWorkers, kProbe };

// What the screen decides from a request's head (its body not yet read).
struct HeadDecision {
  size_t max_body_bytes = 0;            // capped by ServerOptions::max_body_bytes
  std::optional<HttpResponse> answer;   // set: answer this now, read no body
  Lane lane = Lane::kWorkers;
};

struct ServerHooks {
  // Called on a worker (or the probe) thread, concurrently; must be thread-safe.
  std::function<HttpResponse(HttpRequest&)> handle;
  // Called on an I/O thread; must not block. Unset: every request may send max_body_bytes.
  std::function<HeadDecision(const HttpRequest& head)> screen;
};

// Counters for /metrics, read without locks.
struct ServerStats {
  int64_t open_connections = 0;
  int64_t queued_requests = 0;    // handed to the worker pool, not yet started
  int64_t running_requests = 0;   // in a handler on a worker
  int64_t inflight_body_bytes = 0;
  int64_t refused_busy = 0;       // 503s because the in-flight byte budget was spent
  int64_t client_disconnects = 0; // requests whose client left while they ran
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, ServerHooks hooks);
  ~HttpServer();

  // Binds and listens. kUnavailable names the address when it is taken.
  Status Start();
  // The bound port (after Start).
  uint16_t port() const;
  // Serves until Stop() (or SIGTERM/SIGINT when `handle_signals`), then drains. Blocks.
  void Run(bool handle_signals);
  // Thread-safe; returns at once.
  void Stop();
  ServerStats stats() const;

  class Impl;  // public so the connection class can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace lienthong::http
