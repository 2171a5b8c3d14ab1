#include "import/ocr/ocr_library.h"

#include <dlfcn.h>

#include <string>

namespace lienthong {
namespace {

Status Unavailable(const std::string& detail) {
  return Status::Unavailable(
      "OCR needs tesseract with the Vietnamese model: apt-get install tesseract-ocr-vie (" +
      detail + ")");
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

// Sets `pointer` to the function `name` of `library` (or of the libraries it depends on).
// Errors: kUnavailable naming both.
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

namespace ocr_library_internal {

Result<LeptonicaApi> LoadLeptonicaFrom(std::initializer_list<const char*> names) {
  LT_ASSIGN_OR_RETURN(Library library, Open(names));
  LeptonicaApi api;
#define LT_RESOLVE(name) LT_RETURN_IF_ERROR(Resolve(library, #name, api.name));
  LT_LEPTONICA_FUNCTIONS(LT_RESOLVE)
#undef LT_RESOLVE
  return api;
}

Result<TesseractApi> LoadTesseractFrom(std::initializer_list<const char*> names) {
  LT_ASSIGN_OR_RETURN(Library library, Open(names));
  TesseractApi api;
#define LT_RESOLVE(name) LT_RETURN_IF_ERROR(Resolve(library, #name, api.name));
  LT_TESSERACT_FUNCTIONS(LT_RESOLVE)
#undef LT_RESOLVE
  // Looked up through tesseract's handle: with RTLD_LOCAL, its libgomp is not in the global
  // scope. Absent when tesseract was built without OpenMP, which is fine.
  (void)Resolve(library, "omp_set_max_active_levels", api.omp_set_max_active_levels);
  (void)Resolve(library, "omp_set_num_threads", api.omp_set_num_threads);
  return api;
}

}  // namespace ocr_library_internal

Result<const LeptonicaApi*> LoadLeptonica() {
  // Initialised once, thread-safely; a failure is kept too.
  static const Result<LeptonicaApi> loaded = [] {
    Result<LeptonicaApi> api = ocr_library_internal::LoadLeptonicaFrom(
        {"liblept.so.5", "liblept.so", "libleptonica.so.6", "libleptonica.so"});
    if (api.ok()) api->setMsgSeverity(L_SEVERITY_NONE);
    return api;
  }();
  if (!loaded.ok()) return loaded.status();
  return &*loaded;
}

Result<const TesseractApi*> LoadTesseract() {
  static const Result<TesseractApi> loaded = []() -> Result<TesseractApi> {
    LT_RETURN_IF_ERROR(LoadLeptonica().status());
    return ocr_library_internal::LoadTesseractFrom({"libtesseract.so.5", "libtesseract.so"});
  }();
  if (!loaded.ok()) return loaded.status();
  return &*loaded;
}

}  // namespace lienthong
