#include "store/postgres/libpq_library.h"

#include <string>

#include "util/shared_library.h"

namespace lienthong {
namespace {

Status Unavailable(const std::string& detail) {
  return Status::Unavailable("PostgreSQL support needs libpq: apt-get install libpq5 (" + detail +
                             ")");
}

// The library's own words ("… has no function X", dlerror text) inside this module's advice.
Status Explain(const Status& status) { return Unavailable(status.message()); }

}  // namespace

namespace libpq_library_internal {

Result<LibpqApi> LoadLibpqFrom(std::initializer_list<const char*> names) {
  auto opened = OpenSharedLibrary(names);
  if (!opened.ok()) return Explain(opened.status());
  const SharedLibrary& library = *opened;
  LibpqApi api;
#define LT_RESOLVE(name) \
  if (Status s = ResolveFunction(library, #name, api.name); !s.ok()) return Explain(s);
  LT_LIBPQ_FUNCTIONS(LT_RESOLVE)
#undef LT_RESOLVE
  return api;
}

}  // namespace libpq_library_internal

Result<const LibpqApi*> LoadLibpq() {
  // Initialised once, thread-safely; a failure is kept too.
  static const Result<LibpqApi> loaded =
      libpq_library_internal::LoadLibpqFrom({"libpq.so.5", "libpq.so"});
  if (!loaded.ok()) return loaded.status();
  return &*loaded;
}

}  // namespace lienthong
