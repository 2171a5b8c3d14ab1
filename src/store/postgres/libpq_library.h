// libpq, loaded with dlopen the first time a postgresql:// database is opened.
//
// Why lazily: linked, libpq and its dependency chain (libssl, libcrypto, libgssapi_krb5,
// libldap, libsasl2...) were loaded, relocated and initialised by every lienthong process,
// ~5.6 ms per start, although most commands only use SQLite or never open a database. Dropping
// -lpq from lienthong's link line (21 fewer shared objects) took 50 runs of `lienthong
// --version` on a 2-core machine from 0.91-1.01 s to 0.60 s (18-20 ms to 12 ms per start). A
// missing libpq now only makes PostgreSQL unavailable instead of stopping every command.
//
// The library is loaded once per process (thread-safe), with RTLD_NOW | RTLD_LOCAL, and never
// unloaded: libpq.so.5, else libpq.so. Only the functions postgres_database.cc calls are
// resolved, into LibpqApi, whose members are named after the C functions and typed with decltype
// of their prototypes (<libpq-fe.h> gives types only, nothing links against libpq). Call
// through the pointers: `pq.PQexec(conn, sql)`.
//
// Errors: kUnavailable "PostgreSQL support needs libpq: apt-get install libpq5 (...)", the
// parentheses naming the library that could not be loaded or the function it lacks. The failure
// is remembered: later calls report it without retrying.
#pragma once

#include <libpq-fe.h>

#include <initializer_list>

#include "util/status.h"

namespace lienthong {

// X-macro: each function once, for the struct members and for their lookup.
#define LT_LIBPQ_FUNCTIONS(X) \
  X(PQconnectdbParams)        \
  X(PQstatus)                 \
  X(PQerrorMessage)           \
  X(PQfinish)                 \
  X(PQreset)                  \
  X(PQsetNoticeProcessor)     \
  X(PQtransactionStatus)      \
  X(PQexec)                   \
  X(PQprepare)                \
  X(PQexecPrepared)           \
  X(PQresultStatus)           \
  X(PQresStatus)              \
  X(PQresultErrorField)       \
  X(PQresultErrorMessage)     \
  X(PQcmdStatus)              \
  X(PQntuples)                \
  X(PQnfields)                \
  X(PQftype)                  \
  X(PQgetvalue)               \
  X(PQgetlength)              \
  X(PQgetisnull)              \
  X(PQclear)

#define LT_DECLARE_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;

struct LibpqApi {
  LT_LIBPQ_FUNCTIONS(LT_DECLARE_FUNCTION_POINTER)
};

#undef LT_DECLARE_FUNCTION_POINTER

// The process-wide libpq, loaded on the first call.
Result<const LibpqApi*> LoadLibpq();

namespace libpq_library_internal {
// The uncached loader, trying `names` in order; for tests of the failure messages.
Result<LibpqApi> LoadLibpqFrom(std::initializer_list<const char*> names);
}  // namespace libpq_library_internal

}  // namespace lienthong
