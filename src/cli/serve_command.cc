// lienthong serve [--listen HOST:PORT] [--web-root DIR] …: the JSON API and the web UI.
#include <filesystem>
#include <iostream>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "api/application.h"
#include "cli/cli_context.h"
#include "http/server.h"

namespace lienthong {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;
  int workers = 0;
  int io_threads = 0;
  int max_body_mb = 32;
  bool secure_cookies = false;
  SecuritySettings security;
};

// $LIENTHONG_WEB_ROOT, else web/dist under the working directory, else next to the binary.
std::string DefaultWebRoot() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("LIENTHONG_WEB_ROOT"); env && *env) return env;
  if (fs::exists("web/dist/index.html")) return "web/dist";
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (fs::exists(dir / "web/dist/index.html")) return (dir / "web/dist").string();
    }
  }
  return "";
}

Status Serve(const CliContext& ctx, const ServeFlags& flags) {
  auto colon = flags.listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("--listen: expected HOST:PORT, got '" + flags.listen + "'");
  }
  http::ServerOptions server_options;
  server_options.host = flags.listen.substr(0, colon);
  try {
    int port = std::stoi(flags.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    server_options.port = static_cast<uint16_t>(port);
  } catch (const std::exception&) {
    return Status::InvalidArgument("--listen: bad port in '" + flags.listen + "'");
  }
  server_options.worker_threads = flags.workers;
  server_options.io_threads = flags.io_threads;
  server_options.max_body_bytes = static_cast<size_t>(flags.max_body_mb) << 20;

  // The schema must be current before any request is served.
  LT_RETURN_IF_ERROR(ctx.OpenMigrated().status());

  api::ApplicationOptions app_options;
  app_options.db_url = ctx.db_url;
  app_options.web_root = flags.web_root.empty() ? DefaultWebRoot() : flags.web_root;
  app_options.security = flags.security;
  app_options.secure_cookies = flags.secure_cookies;
  api::ApiApplication app(app_options);
  http::HttpServer server(server_options,
                          [&app](http::HttpRequest& request) { return app.Handle(request); });
  LT_RETURN_IF_ERROR(server.Start());
  std::string url = "http://" + server_options.host + ":" + std::to_string(server.port()) + "/";
  spdlog::info("serving {} (web UI: {}) on {}", url,
               app_options.web_root.empty() ? "none" : app_options.web_root,
               ctx.db_url.rfind("sqlite:", 0) == 0 ? ctx.db_url : "postgresql");
  std::cout << "lienthong: listening on " << url << std::endl;
  server.Run(/*handle_signals=*/true);
  spdlog::info("stopped after finishing in-flight requests");
  return Status::Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app, CliContext& ctx) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the JSON API (/api/v1) and the web UI");
  serve->add_option("--listen", flags->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--web-root", flags->web_root,
                    "the built web UI (default: $LIENTHONG_WEB_ROOT, else web/dist)");
  serve->add_option("--workers", flags->workers, "request worker threads (default 4 per core, ≥ 8)");
  serve->add_option("--io-threads", flags->io_threads, "network threads (default 2)");
  serve->add_option("--max-body-mb", flags->max_body_mb, "largest request body in MiB")
      ->capture_default_str();
  serve->add_flag("--secure-cookies", flags->secure_cookies,
                  "mark the session cookie Secure (when served over HTTPS)");
  auto& s = flags->security;
  serve->add_option("--idle-minutes", s.idle_minutes, "session idle timeout")->capture_default_str();
  serve->add_option("--admin-idle-minutes", s.admin_idle_minutes, "idle timeout for admins")
      ->capture_default_str();
  serve->add_option("--max-failed-logins", s.max_failed_logins, "wrong passwords before a lock")
      ->capture_default_str();
  serve->add_option("--lockout-minutes", s.lockout_minutes, "how long a locked account waits")
      ->capture_default_str();
  serve->callback([&ctx, flags] { ctx.action = [&ctx, flags] { return Serve(ctx, *flags); }; });
}

}  // namespace lienthong
