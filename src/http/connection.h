// One TCP connection of HttpServer: reads requests one after another (HTTP/1.1 keep-alive),
// screens each head, reads its body within the limits, hands it to a lane and writes the answer.
// All its members are touched on its strand only.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "http/server_impl.h"

namespace lienthong::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(HttpServer::Impl& server, tcp::socket socket, uint64_t id);
  ~Connection();

  void Start();
  // From Stop(): an idle connection is closed now; a busy one after its answer.
  void CloseIfIdle();
  // The grace period is over: a request still in its handler is answered 503 and closed.
  void Abandon();
  // The last step of Run(): whatever is still open is closed.
  void ForceClose();

 private:
  void ReadHeader();
  void OnHeader(beast::error_code ec);
  void ReadBody();
  void OnBody(beast::error_code ec);
  void Dispatch();
  void OnHandled(uint64_t generation, HttpResponse response);
  void WatchForDisconnect();
  void StopWatching();
  void Answer(HttpResponse response, bool keep_alive);
  void LingerClose();
  void Drain(size_t drained);
  void Close();
  void ReleaseBudget();

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string peer_;
  uint64_t id_;
  std::shared_ptr<HttpRequest> request_;  // the request being read or handled
  std::shared_ptr<std::atomic<bool>> cancelled_;
  Lane lane_ = Lane::kWorkers;
  size_t reserved_ = 0;       // of the server's in-flight byte budget
  bool keep_alive_ = false;
  bool busy_ = false;         // a handler runs or an answer is being written
  bool in_handler_ = false;
  bool answered_ = false;     // this request's answer has been started
  bool watching_ = false;
  uint64_t generation_ = 0;   // one per request: a late handler's answer is told apart
  std::unique_ptr<std::array<char, 16384>> sink_;  // LingerClose's drain
};

}  // namespace lienthong::http
