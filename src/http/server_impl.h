// HttpServer's insides, shared by server.cc (listening, running, stopping) and connection.cc
// (one TCP connection). Only these two files include Boost.Beast.
#pragma once

#include <atomic>
#include <map>
#include <utility>
#include <memory>
#include <mutex>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "http/server.h"

namespace lienthong::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class Connection;

// Bytes of request bodies being read or handled; reservations beyond the cap are refused.
class ByteBudget {
 public:
  explicit ByteBudget(size_t cap) : cap_(cap) {}
  bool TryReserve(size_t bytes) {
    size_t used = used_.load();
    do {
      if (bytes > cap_ || used > cap_ - bytes) return false;
    } while (!used_.compare_exchange_weak(used, used + bytes));
    return true;
  }
  void Release(size_t bytes) { used_ -= bytes; }
  size_t used() const { return used_.load(); }

 private:
  size_t cap_;
  std::atomic<size_t> used_{0};
};

class HttpServer::Impl {
 public:
  Impl(ServerOptions o, ServerHooks h)
      : options(std::move(o)), hooks(std::move(h)), budget(options.max_inflight_body_bytes) {}

  void Accept();
  void Register(uint64_t id, const std::shared_ptr<Connection>& connection);
  void Unregister(uint64_t id);
  void Stop();
  void AbandonBusyConnections();
  std::vector<std::shared_ptr<Connection>> OpenConnections();

  ServerOptions options;
  ServerHooks hooks;
  ByteBudget budget;
  // Declared before the io_context so that they outlive it: a connection destroyed while the
  // context shuts down still unregisters itself.
  std::mutex mu;
  std::map<uint64_t, std::weak_ptr<Connection>> connections;
  std::atomic<int64_t> queued{0}, running{0}, refused_busy{0}, disconnects{0};

  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc};
  net::steady_timer grace_timer{ioc};
  std::unique_ptr<net::thread_pool> workers;
  std::unique_ptr<net::thread_pool> probe;  // readiness and metrics: never behind slow work
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> next_id{1};
};

}  // namespace lienthong::http
