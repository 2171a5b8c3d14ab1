#include "store/postgres/libpq_library.h"

#include <dlfcn.h>

#include <string>

namespace lienthong {
namespace {

Status Unavailable(const std::string& detail) {
  return Status::Unavailable("PostgreSQL support needs libpq: apt-get install libpq5 (" + detail +
                             ")");
}

struct Library {
  void* handle = nullptr;
  const char* name = nullptr;
};

// The first of `names` that loads. Never closed: the pointers resolved from it live as long as
// the process.
Result<Library> Open(std::initializer_list<const char*> names) {
  std::string errors;
  for (const char* name : names) {
    if (void* handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)) return Library{handle, name};
    if (!errors.empty()) errors += "; ";
    const char* error = dlerror();
    errors += error != nullptr ? error : std::string(name) + ": cannot be loaded";
  }
  return Unavailable(errors);
}

// Sets `pointer` to the function `name` of `library`. Errors: kUnavailable naming both.
template <typename Function>
Status Resolve(const Library& library, const char* name, Function& pointer) {
  void* symbol = dlsym(library.handle, name);
  if (symbol == nullptr) {
    return Unavailable(std::string(library.name) + " has no function " + name);
  }
  pointer = reinterpret_cast<Function>(symbol);
  return Status::Ok();
}

}  // namespace

namespace libpq_library_internal {

Result<LibpqApi> LoadLibpqFrom(std::initializer_list<const char*> names) {
  LT_ASSIGN_OR_RETURN(Library library, Open(names));
  LibpqApi api;
#define LT_RESOLVE(name) LT_RETURN_IF_ERROR(Resolve(library, #name, api.name));
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
