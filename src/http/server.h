// HttpServer: HTTP/1.1 on Boost.Beast. Connections are handled asynchronously on a few I/O
// threads (so a thousand idle keep-alive connections cost no threads); each parsed request is
// handed to a worker pool, where the handler may block on the database, and its response is
// written back on the connection's strand. Stop() is graceful: the listener closes, idle
// connections are closed, requests in flight finish and are answered with Connection: close.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"
#include "util/status.h"

namespace lienthong::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;           // 0: any free port (tests)
  int io_threads = 0;             // 0: 2
  int worker_threads = 0;         // 0: max(8, 4 × cores)
  size_t max_body_bytes = 32u << 20;
  int idle_seconds = 60;          // a keep-alive connection idle this long is closed
  int shutdown_grace_seconds = 30;
};

// Called on a worker thread, concurrently; must be thread-safe.
using RequestHandler = std::function<HttpResponse(HttpRequest&)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler handler);
  ~HttpServer();

  // Binds and listens. kUnavailable names the address when it is taken.
  Status Start();
  // The bound port (after Start).
  uint16_t port() const;
  // Serves until Stop() (or SIGTERM/SIGINT when `handle_signals`), then drains. Blocks.
  void Run(bool handle_signals);
  // Thread-safe; returns at once.
  void Stop();

  class Impl;  // public so the connection class in server.cc can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace lienthong::http
