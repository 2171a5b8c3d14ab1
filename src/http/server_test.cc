// HttpServer over real sockets: keep-alive, body limits checked from the head, the in-flight byte
// budget, the probe lane beside a busy worker pool, cancellation when the client leaves, and a
// graceful stop — including a request still running past the grace period (issue 12 #7).
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "http/request_parsing.h"

namespace lienthong::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// A gate a handler waits at until the test opens it.
class Gate {
 public:
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return open_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Polls `done` until true; fails the test after a generous minute rather than hanging.
template <typename Fn>
bool Eventually(Fn done) {
  for (int i = 0; i < 6000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

class RunningServer {
 public:
  explicit RunningServer(ServerHooks hooks, ServerOptions options = {}) {
    options.port = 0;
    if (options.worker_threads == 0) options.worker_threads = 4;
    server_ = std::make_unique<HttpServer>(options, std::move(hooks));
    EXPECT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] { server_->Run(false); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  uint16_t port() const { return server_->port(); }
  HttpServer& server() { return *server_; }

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

ServerHooks Handler(std::function<HttpResponse(HttpRequest&)> handle) {
  ServerHooks hooks;
  hooks.handle = std::move(handle);
  return hooks;
}

HttpResponse Echo(HttpRequest& request) {
  HttpResponse response;
  response.content_type = "text/plain";
  response.body = request.method + " " + request.path + " " + request.QueryParam("q").value_or("");
  return response;
}

struct Client {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  explicit Client(uint16_t port) {
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }
  void Write(const std::string& raw) { net::write(stream.socket(), net::buffer(raw)); }
  bhttp::response<bhttp::string_body> Read() {
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    bhttp::read(stream, buffer, response);
    return response;
  }
  bhttp::response<bhttp::string_body> Send(const std::string& target,
                                           const std::string& body = "") {
    bhttp::request<bhttp::string_body> request{
        body.empty() ? bhttp::verb::get : bhttp::verb::post, target, 11};
    request.set(bhttp::field::host, "localhost");
    request.body() = body;
    request.prepare_payload();
    bhttp::write(stream, request);
    return Read();
  }
};

TEST(HttpServer, KeepsAConnectionAliveAcrossManyRequests) {
  RunningServer running(Handler(Echo));
  Client client(running.port());
  for (int i = 0; i < 50; ++i) {
    auto response = client.Send("/x?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i");
    ASSERT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "GET /x chuyển đổi");
    EXPECT_TRUE(response.keep_alive()) << "request " << i;
    EXPECT_EQ(response["X-Request-Id"].size(), 16u);
  }
}

TEST(HttpServer, RefusesAnOversizedBodyWith413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  RunningServer running(Handler(Echo), options);
  Client client(running.port());
  auto response = client.Send("/upload", std::string(4096, 'x'));
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_NE(response.body().find("too_large"), std::string::npos);
}

// Issue 12 #6: the limit is known from the head, so the answer comes before any body byte.
TEST(HttpServer, AnswersFromTheHeadWithoutReadingTheBody) {
  ServerHooks hooks = Handler(Echo);
  hooks.screen = [](const HttpRequest& head) {
    HeadDecision decision;
    decision.max_body_bytes = head.path == "/small" ? 16 : 1 << 20;
    if (head.path == "/now") decision.answer = ErrorResponse(401, "unauthenticated", "sign in");
    return decision;
  };
  RunningServer running(std::move(hooks));
  for (const char* path : {"/small", "/now"}) {
    Client client(running.port());
    client.Write(std::string("POST ") + path +
                 " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    auto response = client.Read();  // no body byte was sent
    EXPECT_EQ(response.result_int(), std::string(path) == "/small" ? 413 : 401) << path;
    EXPECT_FALSE(response.keep_alive()) << path;
  }
}

TEST(HttpServer, RefusesBodiesBeyondTheInFlightBudget) {
  ServerOptions options;
  options.max_inflight_body_bytes = 1000;
  RunningServer running(Handler(Echo), options);
  // The first upload announces 800 bytes and sends 10: its reservation is held while it waits.
  Client slow(running.port());
  slow.Write("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n0123456789");
  ASSERT_TRUE(Eventually([&] { return running.server().stats().inflight_body_bytes == 800; }));
  Client second(running.port());
  auto refused = second.Send("/b", std::string(300, 'y'));
  EXPECT_EQ(refused.result_int(), 503);
  EXPECT_EQ(refused["Retry-After"], "5");
  EXPECT_EQ(running.server().stats().refused_busy, 1);
  Client third(running.port());
  EXPECT_EQ(third.Send("/c", std::string(100, 'z')).result_int(), 200) << "200 bytes still fit";
  slow.Write(std::string(790, 's'));
  EXPECT_EQ(slow.Read().result_int(), 200);
  EXPECT_TRUE(Eventually([&] { return running.server().stats().inflight_body_bytes == 0; }));
}

// Issue 12 #2/#10: with every worker busy, a probe-lane request is still answered.
TEST(HttpServer, TheProbeLaneAnswersWhileEveryWorkerIsBusy) {
  Gate gate;
  std::atomic<int> blocked{0};
  ServerHooks hooks = Handler([&](HttpRequest& request) {
    if (request.path == "/slow") {
      ++blocked;
      gate.Wait();
    }
    return Echo(request);
  });
  hooks.screen = [](const HttpRequest& head) {
    HeadDecision decision;
    decision.max_body_bytes = 1024;
    if (head.path == "/readyz") decision.lane = Lane::kProbe;
    return decision;
  };
  ServerOptions options;
  options.worker_threads = 2;
  RunningServer running(std::move(hooks), options);
  Client a(running.port()), b(running.port());
  a.Write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  b.Write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(Eventually([&] { return blocked.load() == 2; }));
  Client probe(running.port());
  EXPECT_EQ(probe.Send("/readyz").body(), "GET /readyz ");
  gate.Open();
  EXPECT_EQ(a.Read().result_int(), 200);
  EXPECT_EQ(b.Read().result_int(), 200);
}

TEST(HttpServer, TellsTheHandlerWhenTheClientLeaves) {
  std::atomic<bool> entered{false}, saw_cancel{false};
  RunningServer running(Handler([&](HttpRequest& request) {
    entered = true;
    saw_cancel = Eventually([&] { return request.Cancelled(); });
    return Echo(request);
  }));
  {
    Client client(running.port());
    client.Write("GET /long HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(Eventually([&] { return entered.load(); }));
  }  // the client closes its connection
  EXPECT_TRUE(Eventually([&] { return saw_cancel.load(); }));
  EXPECT_TRUE(Eventually([&] { return running.server().stats().client_disconnects == 1; }));
}

TEST(HttpServer, StopFinishesTheRequestInFlight) {
  Gate gate;
  std::atomic<bool> entered{false};
  auto running = std::make_unique<RunningServer>(Handler([&](HttpRequest& request) {
    entered = true;
    gate.Wait();
    return Echo(request);
  }));
  Client client(running->port());
  client.Write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(Eventually([&] { return entered.load(); }));
  running->server().Stop();
  gate.Open();
  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "GET /slow ");
  EXPECT_FALSE(response.keep_alive()) << "a stopping server closes the connection";
  beast::error_code ec;
  client.stream.socket().close(ec);
  running.reset();  // Run() returned: the destructor's join does not hang
}

// Issue 12 #7: past the grace period the client gets a 503 and a closed connection, the handler
// is told to stop, and Run() returns once it has — with nothing freed under it.
TEST(HttpServer, ARequestPastTheGracePeriodGetsA503AndACleanClose) {
  Gate gate;
  std::atomic<bool> entered{false}, cancelled{false};
  ServerOptions options;
  options.shutdown_grace_seconds = 1;
  auto running = std::make_unique<RunningServer>(Handler([&](HttpRequest& request) {
    entered = true;
    gate.Wait();
    cancelled = request.Cancelled();
    return Echo(request);
  }), options);
  Client client(running->port());
  client.Write("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(Eventually([&] { return entered.load(); }));
  running->server().Stop();
  auto response = client.Read();  // arrives after the grace period, the handler still blocked
  EXPECT_EQ(response.result_int(), 503);
  EXPECT_FALSE(response.keep_alive());
  beast::error_code ec;
  client.stream.socket().close(ec);
  gate.Open();
  running.reset();  // joins Run(), which waited for the handler
  EXPECT_TRUE(cancelled.load());
}

}  // namespace
}  // namespace lienthong::http
