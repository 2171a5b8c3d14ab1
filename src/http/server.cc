#include "http/server.h"

#include <algorithm>
#include <thread>

#include "http/connection.h"

namespace lienthong::http {

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

std::vector<std::shared_ptr<Connection>> HttpServer::Impl::OpenConnections() {
  std::vector<std::shared_ptr<Connection>> open;
  std::lock_guard lock(mu);
  for (auto& [id, weak] : connections) {
    if (auto c = weak.lock()) open.push_back(c);
  }
  return open;
}

void HttpServer::Impl::Stop() {
  if (stopping.exchange(true)) return;
  net::post(ioc, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    auto open = OpenConnections();
    for (auto& c : open) c->CloseIfIdle();
    if (open.empty()) return;
    grace_timer.expires_after(std::chrono::seconds(options.shutdown_grace_seconds));
    grace_timer.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) AbandonBusyConnections();
    });
  });
}

// Past the grace period: each request still running is answered 503 and its connection closed.
// Their handlers run on (they are told through HttpRequest::Cancelled); Run() waits for them.
// A client that does not read its 503 is dropped after a few more seconds.
void HttpServer::Impl::AbandonBusyConnections() {
  for (auto& c : OpenConnections()) c->Abandon();
  grace_timer.expires_after(std::chrono::seconds(10));
  grace_timer.async_wait([this](beast::error_code ec) {
    if (!ec) ioc.stop();
  });
}

HttpServer::HttpServer(ServerOptions options, ServerHooks hooks)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(hooks))) {}

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
  impl_->probe = std::make_unique<net::thread_pool>(1);
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
  // Handlers still running (abandoned past the grace) finish before anything they use goes.
  impl.workers->join();
  impl.probe->join();
  // Their late answers were posted to the connections; run them down on closed sockets, so
  // that no connection outlives this call.
  for (auto& c : impl.OpenConnections()) c->ForceClose();
  impl.ioc.restart();
  impl.ioc.run();
}

void HttpServer::Stop() { impl_->Stop(); }

ServerStats HttpServer::stats() const {
  Impl& impl = *impl_;
  ServerStats stats;
  {
    std::lock_guard lock(impl.mu);
    stats.open_connections = static_cast<int64_t>(impl.connections.size());
  }
  stats.queued_requests = impl.queued.load();
  stats.running_requests = impl.running.load();
  stats.inflight_body_bytes = static_cast<int64_t>(impl.budget.used());
  stats.refused_busy = impl.refused_busy.load();
  stats.client_disconnects = impl.disconnects.load();
  return stats;
}

}  // namespace lienthong::http
