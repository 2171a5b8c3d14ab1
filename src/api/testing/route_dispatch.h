// Calling a route's handler directly, as the server does after its session and CSRF checks: for
// route tests that need a database and a caller but no HTTP. Compiled into the core library.
#pragma once

#include "api/route.h"

namespace lienthong::api {

// The answer of the route matching request.method and request.path, or of its Status as the JSON
// error. Without a matching route: `*matched` is set false and the answer is a 404.
http::HttpResponse DispatchAs(const Router& router, Database& db, const Caller& caller,
                              const http::HttpRequest& request, bool* matched = nullptr);

}  // namespace lienthong::api
