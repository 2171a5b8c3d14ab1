// HttpServer over real sockets: keep-alive, the body limit, and a graceful stop that still
// answers the request in flight.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace lienthong::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class RunningServer {
 public:
  RunningServer(RequestHandler handler, size_t max_body = 1024) {
    ServerOptions options;
    options.port = 0;
    options.max_body_bytes = max_body;
    options.worker_threads = 4;
    server_ = std::make_unique<HttpServer>(options, std::move(handler));
    EXPECT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] {
      server_->Run(false);
      stopped_ = true;
    });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  uint16_t port() const { return server_->port(); }
  HttpServer& server() { return *server_; }
  bool stopped() const { return stopped_; }
  void Join() { thread_.join(); }

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::atomic<bool> stopped_{false};
};

bhttp::response<bhttp::string_body> Send(beast::tcp_stream& stream, const std::string& target,
                                         const std::string& body = "") {
  bhttp::request<bhttp::string_body> request{body.empty() ? bhttp::verb::get : bhttp::verb::post,
                                             target, 11};
  request.set(bhttp::field::host, "localhost");
  request.body() = body;
  request.prepare_payload();
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(stream, buffer, response);
  return response;
}

HttpResponse Echo(HttpRequest& request) {
  HttpResponse response;
  response.content_type = "text/plain";
  response.body = request.method + " " + request.path + " " + request.QueryParam("q").value_or("");
  return response;
}

TEST(HttpServer, KeepsAConnectionAliveAcrossManyRequests) {
  RunningServer running(Echo);
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), running.port()));
  for (int i = 0; i < 50; ++i) {
    auto response = Send(stream, "/x?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i");
    ASSERT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "GET /x chuyển đổi");
    EXPECT_TRUE(response.keep_alive()) << "request " << i;
    EXPECT_EQ(response["X-Request-Id"].size(), 16u);
  }
}

TEST(HttpServer, RefusesAnOversizedBodyWith413) {
  RunningServer running(Echo, 1024);
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), running.port()));
  auto response = Send(stream, "/upload", std::string(4096, 'x'));
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_NE(response.body().find("too_large"), std::string::npos);
}

TEST(HttpServer, StopFinishesTheRequestInFlight) {
  std::atomic<bool> entered{false};
  auto slow = [&entered](HttpRequest& request) {
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return Echo(request);
  };
  auto running = std::make_unique<RunningServer>(slow);
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), running->port()));
  std::thread stopper([&] {
    while (!entered) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    running->server().Stop();
  });
  auto response = Send(stream, "/slow");
  stopper.join();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "GET /slow ");
  EXPECT_FALSE(response.keep_alive()) << "a stopping server closes the connection";
  running.reset();  // Run() returned: the destructor's join does not hang
}

}  // namespace
}  // namespace lienthong::http
