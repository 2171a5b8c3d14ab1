// lienthong serve [--listen HOST:PORT] [--web-root DIR] …: the JSON API and the web UI.
// lienthong openapi: the API's OpenAPI document, as GET /api/v1/openapi.json answers it (the web
// build generates its TypeScript types from it).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "api/application.h"
#include "api/openapi.h"
#include "cli/cli_context.h"
#include "http/metrics.h"
#include "http/server.h"
#include "util/log_format.h"

namespace lienthong {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;
  std::string public_url;
  std::vector<std::string> trusted_proxies;
  std::vector<std::string> metrics_from;
  int workers = 0;
  int io_threads = 0;
  int max_body_mb = 32;
  int max_inflight_mb = 256;
  int max_imports = 0;
  int import_memory_mb = 1024;
  int min_free_mb = 256;
  int shutdown_grace_seconds = 30;
  bool secure_cookies = false;
  SecuritySettings security;
};

// $LIENTHONG_WEB_ROOT, else web/dist under the working directory, else next to the binary
// (build/ in a checkout; /usr/share/lienthong/web in the Debian package).
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
      if (fs::exists(dir / "share/lienthong/web/index.html")) {
        return (dir / "share/lienthong/web").string();
      }
    }
  }
  return "";
}

Status ParseListen(const std::string& listen, http::ServerOptions& options) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("--listen: expected HOST:PORT, got '" + listen + "'");
  }
  options.host = listen.substr(0, colon);
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    options.port = static_cast<uint16_t>(port);
  } catch (const std::exception&) {
    return Status::InvalidArgument("--listen: bad port in '" + listen + "'");
  }
  return Status::Ok();
}

Status AddRanges(const std::vector<std::string>& ranges, const char* flag,
                 http::TrustedProxies& into) {
  for (const std::string& range : ranges) {
    Status added = into.Add(range);
    if (!added.ok()) return Status::InvalidArgument(std::string(flag) + ": " + added.message());
  }
  return Status::Ok();
}

// Queue depths, bytes and imports in flight, read at every GET /metrics.
void AddServerGauges(http::Metrics& metrics, http::HttpServer& server,
                     api::ApiApplication& app) {
  auto stat = [&server](int64_t http::ServerStats::*field) {
    return [&server, field] { return static_cast<double>(server.stats().*field); };
  };
  using S = http::ServerStats;
  metrics.AddGauge("lienthong_http_open_connections", "Open client connections",
                   stat(&S::open_connections));
  metrics.AddGauge("lienthong_http_queued_requests",
                   "Requests waiting for a worker thread", stat(&S::queued_requests));
  metrics.AddGauge("lienthong_http_running_requests", "Requests in a handler",
                   stat(&S::running_requests));
  metrics.AddGauge("lienthong_http_inflight_body_bytes",
                   "Bytes of request bodies being received or handled",
                   stat(&S::inflight_body_bytes));
  metrics.AddGauge("lienthong_http_refused_busy", "Requests refused (503) for want of body budget",
                   stat(&S::refused_busy));
  metrics.AddGauge("lienthong_http_client_disconnects",
                   "Requests whose client left before the answer", stat(&S::client_disconnects));
  metrics.AddGauge("lienthong_imports_in_flight", "Uploaded documents being read",
                   [&app] { return static_cast<double>(app.imports().running()); });
  metrics.AddGauge("lienthong_imports_max",
                   "Uploaded documents read at once at most (--max-imports)",
                   [&app] { return static_cast<double>(app.imports().max_running()); });
}

Status Serve(const CliContext& ctx, const ServeFlags& flags) {
  InstallLogFormat();  // keeps the level the global --log-level set
  http::ServerOptions server_options;
  LT_RETURN_IF_ERROR(ParseListen(flags.listen, server_options));
  server_options.worker_threads = flags.workers;
  server_options.io_threads = flags.io_threads;
  server_options.max_body_bytes = static_cast<size_t>(flags.max_body_mb) << 20;
  server_options.max_inflight_body_bytes = static_cast<size_t>(flags.max_inflight_mb) << 20;
  server_options.shutdown_grace_seconds = flags.shutdown_grace_seconds;
  LT_RETURN_IF_ERROR(AddRanges(flags.trusted_proxies, "--trusted-proxy",
                               server_options.trusted_proxies));
  bool https = flags.public_url.rfind("https://", 0) == 0;
  if (!flags.public_url.empty() && !https && flags.public_url.rfind("http://", 0) != 0) {
    return Status::InvalidArgument("--public-url: expected http://… or https://…, got '" +
                                   flags.public_url + "'");
  }

  // The schema must be current before any request is served.
  LT_RETURN_IF_ERROR(ctx.OpenMigrated().status());

  http::Metrics metrics;
  api::ApplicationOptions app_options;
  app_options.db_url = ctx.db_url;
  app_options.web_root = flags.web_root.empty() ? DefaultWebRoot() : flags.web_root;
  app_options.security = flags.security;
  app_options.secure_cookies = flags.secure_cookies || https;
  app_options.hsts = https;
  app_options.max_imports = flags.max_imports;
  // Each upload is read by this same binary in a child process with its own limits.
  app_options.reader_executable = "/proc/self/exe";
  app_options.import_memory_mb = flags.import_memory_mb;
  app_options.min_free_disk_bytes = static_cast<uint64_t>(flags.min_free_mb) << 20;
  app_options.metrics = &metrics;
  LT_RETURN_IF_ERROR(AddRanges(flags.metrics_from, "--metrics-from", app_options.metrics_from));
  api::ApiApplication app(app_options);
  http::ServerHooks hooks;
  hooks.handle = [&app](http::HttpRequest& request) { return app.Handle(request); };
  hooks.screen = [&app](const http::HttpRequest& head) { return app.Screen(head); };
  http::HttpServer server(server_options, std::move(hooks));
  LT_RETURN_IF_ERROR(server.Start());
  AddServerGauges(metrics, server, app);
  std::string url = "http://" + server_options.host + ":" + std::to_string(server.port()) + "/";
  spdlog::info("serving {} (web UI: {}) on {}; public URL {}", url,
               app_options.web_root.empty() ? "none" : app_options.web_root,
               ctx.db_url.rfind("sqlite:", 0) == 0 ? ctx.db_url : "postgresql",
               flags.public_url.empty() ? "not set" : flags.public_url);
  std::cout << "lienthong: listening on " << url << std::endl;
  server.Run(/*handle_signals=*/true);
  spdlog::info("stopped after finishing in-flight requests");
  return Status::Ok();
}

void AddLimitOptions(CLI::App* serve, ServeFlags& f) {
  serve->add_option("--max-body-mb", f.max_body_mb, "largest upload in MiB (JSON bodies: 4 MiB)")
      ->capture_default_str();
  serve->add_option("--max-inflight-mb", f.max_inflight_mb,
                    "request bodies received or handled at once, in MiB; past it: 503")
      ->capture_default_str();
  serve->add_option("--max-imports", f.max_imports,
                    "uploaded documents read at once (default: half the cores, at least 1)");
  serve->add_option("--import-memory-mb", f.import_memory_mb,
                    "memory (address space) the process reading one upload may use, in MiB")
      ->check(CLI::Range(256, 1 << 20))
      ->capture_default_str();
  serve->add_option("--min-free-mb", f.min_free_mb,
                    "/readyz fails when the SQLite database's disk has less free space")
      ->capture_default_str();
  serve->add_option("--shutdown-grace-seconds", f.shutdown_grace_seconds,
                    "on SIGTERM, how long requests in flight may still run")
      ->capture_default_str();
}

void AddSecurityOptions(CLI::App* serve, ServeFlags& f) {
  serve->add_option("--public-url", f.public_url,
                    "the address users open, e.g. https://lienthong.example.gov.vn/ (https: "
                    "Secure cookies and HSTS)");
  serve->add_option("--trusted-proxy", f.trusted_proxies,
                    "a reverse proxy's address or CIDR range whose X-Forwarded-For is believed "
                    "(repeatable)");
  serve->add_option("--metrics-from", f.metrics_from,
                    "addresses or CIDR ranges that may read /metrics besides loopback "
                    "(repeatable)");
  serve->add_flag("--secure-cookies", f.secure_cookies,
                  "mark the session cookie Secure (implied by an https --public-url)");
  auto& s = f.security;
  serve->add_option("--idle-minutes", s.idle_minutes, "session idle timeout")
      ->capture_default_str();
  serve->add_option("--admin-idle-minutes", s.admin_idle_minutes, "idle timeout for admins")
      ->capture_default_str();
  serve->add_option("--max-failed-logins", s.max_failed_logins,
                    "wrong passwords from one address before the account locks for it")
      ->capture_default_str();
  serve->add_option("--lockout-minutes", s.lockout_minutes, "how long a locked account waits")
      ->capture_default_str();
}

}  // namespace

void AddServeCommand(CLI::App& app, CliContext& ctx) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the JSON API (/api/v1) and the web UI");
  serve->add_option("--listen", flags->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--web-root", flags->web_root,
                    "the built web UI (default: $LIENTHONG_WEB_ROOT, else web/dist)");
  serve->add_option("--workers", flags->workers,
                    "request worker threads (default 4 per core, ≥ 8)");
  serve->add_option("--io-threads", flags->io_threads, "network threads (default 2)");
  AddLimitOptions(serve, *flags);
  AddSecurityOptions(serve, *flags);
  serve->callback([&ctx, flags] { ctx.action = [&ctx, flags] { return Serve(ctx, *flags); }; });

  CLI::App* openapi = app.add_subcommand(
      "openapi", "Print the API's OpenAPI document (what GET /api/v1/openapi.json answers)");
  openapi->callback([&ctx] {
    ctx.action = [] {
      api::Router router;
      api::RegisterAllRoutes(router);
      std::cout << api::BuildOpenApi(router).dump(2) << "\n";
      return std::cout ? Status::Ok() : Status::IoError("standard output: write error");
    };
  });
}

}  // namespace lienthong
