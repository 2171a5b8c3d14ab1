#include "util/shared_library.h"

#include <dlfcn.h>

namespace lienthong {

Result<SharedLibrary> OpenSharedLibrary(std::initializer_list<const char*> names) {
  std::string errors;
  for (const char* name : names) {
    if (void* handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)) return SharedLibrary{handle, name};
    if (!errors.empty()) errors += "; ";
    const char* error = dlerror();
    errors += error != nullptr ? error : std::string(name) + ": cannot be loaded";
  }
  return Status::Unavailable(errors);
}

void* FindSymbol(const SharedLibrary& library, const char* name) {
  return dlsym(library.handle, name);
}

}  // namespace lienthong
