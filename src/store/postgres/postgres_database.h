// The scale-out backend: one libpq connection behind the Database interface.
//
// `?` placeholders are rewritten to $1…$n (see placeholders.h) and each statement is prepared
// once per connection. Parameters travel as text; integers and reals are declared int8/float8 so
// `SELECT ?` keeps its type, text and NULL are left for the server to infer. Results come back by
// column type: int2/int4/int8 → int64, float4/float8/numeric → double, bool → 0/1, the rest text.
//
// Begin() starts a SERIALIZABLE transaction, the isolation SQLite gives, so code written against
// one backend behaves the same on the other; a serialization failure (40001) or deadlock (40P01)
// is kUnavailable and the whole transaction should be retried.
//
// QueryEach fetches the whole result and then iterates, so the callback may run other
// statements on the same connection (a libpq connection carries one query at a time).
#pragma once

#include <memory>
#include <string_view>

#include "store/database.h"

namespace lienthong {

// `url` is a libpq connection URI (postgresql://…); client_encoding is always UTF8 and
// connect_timeout defaults to 10 s unless the URI sets it. A connection lost outside a
// transaction is re-established on the next call; inside one, every call fails with
// kUnavailable until Rollback().
// Errors: kUnavailable when the server cannot be reached or refuses the connection.
Result<std::unique_ptr<Database>> OpenPostgresDatabase(std::string_view url);

}  // namespace lienthong
