#include "http/connection.h"

#include <sys/socket.h>

#include <cerrno>

#include "http/request_parsing.h"

namespace lienthong::http {
namespace {

// The ends of a connection that need no answer.
bool IsQuiet(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
         ec == beast::error::timeout || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::bad_descriptor ||
         ec == net::error::broken_pipe;
}

HttpResponse Busy(const std::string& why) {
  HttpResponse response = ErrorResponse(503, "unavailable", why);
  response.headers.emplace_back("Retry-After", "5");
  return response;
}

}  // namespace

Connection::Connection(HttpServer::Impl& server, tcp::socket socket, uint64_t id)
    : server_(server), stream_(std::move(socket)), id_(id) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) peer_ = endpoint.address().to_string();
}

Connection::~Connection() {
  ReleaseBudget();
  server_.Unregister(id_);
}

void Connection::Start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
}

void Connection::CloseIfIdle() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->busy_) self->Close();
  });
}

void Connection::Abandon() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->in_handler_ || self->answered_) return;
    self->cancelled_->store(true);
    self->StopWatching();
    self->Answer(ErrorResponse(503, "unavailable",
                               "the server is shutting down and this request did not finish "
                               "within the grace period"),
                 false);
  });
}

void Connection::ForceClose() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
}

void Connection::ReadHeader() {
  if (server_.stopping) return Close();
  parser_.emplace();
  parser_->header_limit(64 * 1024);
  // Beast checks Content-Length against this as the head completes; routes' own, smaller
  // limits are applied in OnHeader.
  parser_->body_limit(server_.options.max_body_bytes);
  stream_.expires_after(std::chrono::seconds(server_.options.idle_seconds));
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, size_t) {
                             self->OnHeader(ec);
                           });
}

void Connection::OnHeader(beast::error_code ec) {
  if (ec == bhttp::error::body_limit) {
    return Answer(ErrorResponse(413, "too_large",
                                "request body larger than " +
                                    std::to_string(server_.options.max_body_bytes) + " bytes"),
                  false);
  }
  if (IsQuiet(ec)) return Close();
  if (ec) {
    return Answer(ErrorResponse(400, "invalid_argument", "malformed HTTP request: " + ec.message()),
                  false);
  }
  auto& message = parser_->get();
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& field : message) {
    headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  request_ = std::make_shared<HttpRequest>(MakeRequest(std::string(message.method_string()),
                                                       std::string(message.target()),
                                                       std::move(headers), "", peer_));
  request_->peer_address = peer_;
  request_->remote_address = ClientAddress(peer_, request_->Header("x-forwarded-for"),
                                           request_->Header("forwarded"),
                                           server_.options.trusted_proxies);
  cancelled_ = std::make_shared<std::atomic<bool>>(false);
  request_->cancelled = cancelled_;
  keep_alive_ = message.keep_alive();

  HeadDecision decision;
  decision.max_body_bytes = server_.options.max_body_bytes;
  if (server_.hooks.screen) decision = server_.hooks.screen(*request_);
  auto length = parser_->content_length();
  bool has_body = length ? *length > 0 : parser_->chunked();
  if (decision.answer) {
    // The body, if any, is not read: the connection cannot be reused.
    decision.answer->headers.emplace_back("X-Request-Id", request_->request_id);
    return Answer(std::move(*decision.answer), keep_alive_ && !has_body);
  }
  size_t limit = std::min(decision.max_body_bytes, server_.options.max_body_bytes);
  if (length && *length > limit) {
    return Answer(ErrorResponse(413, "too_large",
                                "request body of " + std::to_string(*length) +
                                    " bytes is larger than the " + std::to_string(limit) +
                                    " bytes this route takes"),
                  false);
  }
  size_t need = has_body ? (length ? static_cast<size_t>(*length) : limit) : 0;
  if (need > 0) {
    if (!server_.budget.TryReserve(need)) {
      ++server_.refused_busy;
      return Answer(Busy("the server is receiving too many request bodies; try again shortly"),
                    false);
    }
    reserved_ = need;
  }
  lane_ = decision.lane;
  parser_->body_limit(limit);
  if (has_body && request_->Header("expect") == "100-continue") {
    auto go_on = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
    return bhttp::async_write(stream_, *go_on,
                              [self = shared_from_this(), go_on](beast::error_code wec, size_t) {
                                if (wec) return self->Close();
                                self->ReadBody();
                              });
  }
  ReadBody();
}

void Connection::ReadBody() {
  bhttp::async_read(stream_, buffer_, *parser_,
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      self->OnBody(ec);
                    });
}

void Connection::OnBody(beast::error_code ec) {
  if (ec == bhttp::error::body_limit) {
    return Answer(ErrorResponse(413, "too_large", "request body larger than this route takes"),
                  false);
  }
  if (IsQuiet(ec)) return Close();
  if (ec) {
    return Answer(ErrorResponse(400, "invalid_argument", "malformed HTTP request: " + ec.message()),
                  false);
  }
  request_->body = std::move(parser_->get().body());
  Dispatch();
}

void Connection::Dispatch() {
  busy_ = in_handler_ = true;
  answered_ = false;
  uint64_t generation = ++generation_;
  stream_.expires_never();
  WatchForDisconnect();
  // The gauges count the worker pool only: a probe must not see itself.
  bool counted = lane_ == Lane::kWorkers;
  if (counted) ++server_.queued;
  auto run = [self = shared_from_this(), request = request_, generation, counted] {
    if (counted) {
      --self->server_.queued;
      ++self->server_.running;
    }
    HttpResponse response = self->server_.hooks.handle(*request);
    if (counted) --self->server_.running;
    response.headers.emplace_back("X-Request-Id", request->request_id);
    net::post(self->stream_.get_executor(),
              [self, generation, response = std::move(response)]() mutable {
                self->OnHandled(generation, std::move(response));
              });
  };
  if (lane_ == Lane::kProbe) {
    net::post(*server_.probe, std::move(run));
  } else {
    net::post(*server_.workers, std::move(run));
  }
}

void Connection::OnHandled(uint64_t generation, HttpResponse response) {
  if (generation != generation_) return;
  in_handler_ = false;
  if (answered_) return;  // abandoned at shutdown: the 503 went out already
  StopWatching();
  Answer(std::move(response), keep_alive_);
}

// While the handler runs nothing is read; a readable socket then means the client closed it
// (or pipelined its next request, which stays unread until this one is answered).
void Connection::WatchForDisconnect() {
  watching_ = true;
  stream_.socket().async_wait(
      tcp::socket::wait_read, [self = shared_from_this(), generation = generation_](
                                  beast::error_code ec) {
        if (ec || generation != self->generation_ || !self->watching_) return;
        char byte;
        ssize_t n = ::recv(self->stream_.socket().native_handle(), &byte, 1,
                           MSG_PEEK | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return self->WatchForDisconnect();
        self->watching_ = false;
        if (n <= 0) {
          self->cancelled_->store(true);
          ++self->server_.disconnects;
        }
      });
}

void Connection::StopWatching() {
  if (!watching_) return;
  watching_ = false;
  beast::error_code ec;
  stream_.socket().cancel(ec);
}

void Connection::Answer(HttpResponse response, bool keep_alive) {
  busy_ = true;
  answered_ = true;
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
  bhttp::async_write(stream_, *out, [self = shared_from_this(), out](beast::error_code ec, size_t) {
    self->busy_ = false;
    self->ReleaseBudget();
    if (ec) return self->Close();
    if (!out->keep_alive()) return self->LingerClose();
    self->ReadHeader();
  });
}

// Closing a socket with unread bytes sends a reset that can destroy the answer before the client
// reads it (a 413 sent before the body): stop sending, read and drop what still comes for a few
// seconds, then close.
void Connection::LingerClose() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return Close();
  sink_ = std::make_unique<std::array<char, 16384>>();
  stream_.expires_after(std::chrono::seconds(5));
  Drain(0);
}

void Connection::Drain(size_t drained) {
  stream_.async_read_some(net::buffer(*sink_), [self = shared_from_this(), drained](
                                                   beast::error_code ec, size_t n) {
    if (ec || drained + n > (8u << 20)) return self->Close();
    self->Drain(drained + n);
  });
}

void Connection::Close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.socket().close(ec);
  ReleaseBudget();
}

void Connection::ReleaseBudget() {
  if (reserved_ == 0) return;
  server_.budget.Release(reserved_);
  reserved_ = 0;
}

}  // namespace lienthong::http
