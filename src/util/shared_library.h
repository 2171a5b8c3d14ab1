// Loading a C library at run time (dlopen), for dependencies only some runs need (OCR, the
// PostgreSQL client): a process that never uses them does not pay for loading them at start-up.
#pragma once

#include <initializer_list>
#include <string>

#include "util/status.h"

namespace lienthong {

struct SharedLibrary {
  void* handle = nullptr;
  const char* name = nullptr;
};

// The first of `names` that loads (RTLD_NOW | RTLD_LOCAL). Never closed: the pointers resolved
// from it live as long as the process. Errors: kUnavailable listing why each name failed.
Result<SharedLibrary> OpenSharedLibrary(std::initializer_list<const char*> names);

// The address of `name` in `library` (or the libraries it depends on); nullptr when absent.
void* FindSymbol(const SharedLibrary& library, const char* name);

// Sets `pointer` to the function `name`. Errors: kUnavailable "<library> has no function <name>".
template <typename Function>
Status ResolveFunction(const SharedLibrary& library, const char* name, Function& pointer) {
  void* symbol = FindSymbol(library, name);
  if (symbol == nullptr) {
    return Status::Unavailable(std::string(library.name) + " has no function " + name);
  }
  pointer = reinterpret_cast<Function>(symbol);
  return Status::Ok();
}

}  // namespace lienthong
