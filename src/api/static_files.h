// The web UI's built files (web/dist): index.html for the routes of the single-page app,
// hashed assets with long caching.
#pragma once

#include <string>

#include "http/message.h"

namespace lienthong::api {

// The file under `root` for `path`, or index.html for paths without an extension. 404 for a
// missing asset; never serves anything outside `root`.
http::HttpResponse ServeStaticFile(const std::string& root, const std::string& path);

}  // namespace lienthong::api
