#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "http/request_parsing.h"

namespace lienthong::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Connection;

namespace {

HttpRequest ToHttpRequest(bhttp::request<bhttp::string_body>& message, const std::string& remote) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& field : message) {
    headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  return MakeRequest(std::string(message.method_string()), std::string(message.target()),
                     std::move(headers), std::move(message.body()), remote);
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerOptions o, RequestHandler h) : options(std::move(o)), handler(std::move(h)) {}

  void Accept();
  void Register(uint64_t id, const std::shared_ptr<Connection>& connection);
  void Unregister(uint64_t id);
  void Stop();

  ServerOptions options;
  RequestHandler handler;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc};
  net::steady_timer grace_timer{ioc};
  std::unique_ptr<net::thread_pool> workers;
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> next_id{1};
  std::mutex mu;
  std::map<uint64_t, std::weak_ptr<Connection>> connections;
};

// One TCP connection: reads requests one after another (HTTP/1.1 keep-alive), hands each to
// the worker pool and writes the answer. All its members are touched on its strand only.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(HttpServer::Impl& server, tcp::socket socket, uint64_t id)
      : server_(server), stream_(std::move(socket)), id_(id) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }
  ~Connection() { server_.Unregister(id_); }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  // From Stop(): an idle connection is closed now; a busy one after its answer.
  void CloseIfIdle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

 private:
  void Read() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(64 * 1024);
    parser_->body_limit(server_.options.max_body_bytes);
    stream_.expires_after(std::chrono::seconds(server_.options.idle_seconds));
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        self->OnRead(ec);
                      });
  }

  void OnRead(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return Answer(ErrorResponse(413, "too_large",
                                  "request body larger than " +
                                      std::to_string(server_.options.max_body_bytes) + " bytes"),
                    false);
    }
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::eof ||
        ec == net::error::connection_reset || ec == net::error::bad_descriptor) {
      return Close();
    }
    if (ec) {
      return Answer(ErrorResponse(400, "invalid_argument", "malformed HTTP request: " +
                                                                ec.message()),
                    false);
    }
    auto message = parser_->release();
    bool keep_alive = message.keep_alive();
    auto request = std::make_shared<HttpRequest>(ToHttpRequest(message, remote_));
    busy_ = true;
    net::post(*server_.workers, [self = shared_from_this(), request, keep_alive] {
      HttpResponse response = self->server_.handler(*request);
      response.headers.emplace_back("X-Request-Id", request->request_id);
      net::post(self->stream_.get_executor(),
                [self, response = std::move(response), keep_alive]() mutable {
                  self->Answer(std::move(response), keep_alive);
                });
    });
  }

  void Answer(HttpResponse response, bool keep_alive) {
    busy_ = true;
    keep_alive = keep_alive && !server_.stopping;
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>();
    out->version(11);
    out->result(static_cast<unsigned>(response.status));
    out->set(bhttp::field::server, "lienthong");
    if (!response.content_type.empty()) out->set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) out->insert(name, value);
    out->body() = std::move(response.body);
    out->keep_alive(keep_alive);
    out->prepare_payload();
    stream_.expires_after(std::chrono::seconds(30));
    bhttp::async_write(stream_, *out,
                       [self = shared_from_this(), out](beast::error_code ec, size_t) {
                         self->busy_ = false;
                         if (ec || !out->keep_alive()) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string remote_;
  uint64_t id_;
  bool busy_ = false;
};

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      uint64_t id = next_id++;
      auto connection = std::make_shared<Connection>(*this, std::move(socket), id);
      Register(id, connection);
      connection->Start();
    }
    Accept();
  });
}

void HttpServer::Impl::Register(uint64_t id, const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mu);
  connections[id] = connection;
}

void HttpServer::Impl::Unregister(uint64_t id) {
  std::lock_guard lock(mu);
  connections.erase(id);
  if (stopping && connections.empty()) {
    net::post(ioc, [this] { grace_timer.cancel(); });
  }
}

void HttpServer::Impl::Stop() {
  if (stopping.exchange(true)) return;
  net::post(ioc, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(mu);
      for (auto& [id, weak] : connections) {
        if (auto c = weak.lock()) open.push_back(c);
      }
    }
    for (auto& c : open) c->CloseIfIdle();
    if (open.empty()) return;
    // Requests still running after the grace period are abandoned.
    grace_timer.expires_after(std::chrono::seconds(options.shutdown_grace_seconds));
    grace_timer.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) ioc.stop();
    });
  });
}

HttpServer::HttpServer(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Start() {
  auto& o = impl_->options;
  beast::error_code ec;
  auto address = net::ip::make_address(o.host, ec);
  std::string where = o.host + ":" + std::to_string(o.port);
  if (ec) return Status::InvalidArgument("cannot listen on " + where + ": not an IP address");
  tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(4096, ec);  // a burst of a thousand connects waits, is not refused
  if (ec) return Status::Unavailable("cannot listen on " + where + ": " + ec.message());
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int workers = o.worker_threads > 0 ? o.worker_threads : std::max(8, 4 * cores);
  impl_->workers = std::make_unique<net::thread_pool>(workers);
  return Status::Ok();
}

uint16_t HttpServer::port() const {
  beast::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void HttpServer::Run(bool handle_signals) {
  Impl& impl = *impl_;
  if (handle_signals) {
    impl.signals.add(SIGTERM);
    impl.signals.add(SIGINT);
    impl.signals.async_wait([&impl](beast::error_code ec, int) {
      if (!ec) impl.Stop();
    });
  }
  impl.Accept();
  int n = impl.options.io_threads > 0 ? impl.options.io_threads : 2;
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back([&impl] { impl.ioc.run(); });
  impl.ioc.run();
  for (auto& t : threads) t.join();
  impl.workers->join();
}

void HttpServer::Stop() { impl_->Stop(); }

}  // namespace lienthong::http
