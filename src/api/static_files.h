// The web UI's built files (web/dist): index.html for the routes of the single-page app,
// hashed assets with long caching, and the .br / .gz copies the web build writes beside each text
// file (web/vite.config.ts) when the client accepts them — nothing is compressed per request.
#pragma once

#include <string>

#include "http/message.h"

namespace lienthong::api {

// The file under `root` for `path`, or index.html for paths without an extension. 404 for a
// missing asset; never serves anything outside `root`. `accept_encoding` is the request's
// Accept-Encoding header.
http::HttpResponse ServeStaticFile(const std::string& root, const std::string& path,
                                   const std::string& accept_encoding = "");

// Whether an Accept-Encoding header accepts `coding` ("br", "gzip"): listed, or "*", without q=0.
bool AcceptsEncoding(const std::string& accept_encoding, const std::string& coding);

}  // namespace lienthong::api
