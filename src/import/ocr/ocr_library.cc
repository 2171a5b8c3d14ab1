#include "import/ocr/ocr_library.h"

#include <string>

#include "util/shared_library.h"

namespace lienthong {
namespace {

Status Unavailable(const std::string& detail) {
  return Status::Unavailable(
      "OCR needs tesseract with the Vietnamese model: apt-get install tesseract-ocr-vie (" +
      detail + ")");
}

// The library's own words ("… has no function X", dlerror text) inside this module's advice.
Status Explain(const Status& status) { return Unavailable(status.message()); }

}  // namespace

namespace ocr_library_internal {

Result<LeptonicaApi> LoadLeptonicaFrom(std::initializer_list<const char*> names) {
  auto opened = OpenSharedLibrary(names);
  if (!opened.ok()) return Explain(opened.status());
  const SharedLibrary& library = *opened;
  LeptonicaApi api;
#define LT_RESOLVE(name) \
  if (Status s = ResolveFunction(library, #name, api.name); !s.ok()) return Explain(s);
  LT_LEPTONICA_FUNCTIONS(LT_RESOLVE)
#undef LT_RESOLVE
  return api;
}

Result<TesseractApi> LoadTesseractFrom(std::initializer_list<const char*> names) {
  auto opened = OpenSharedLibrary(names);
  if (!opened.ok()) return Explain(opened.status());
  const SharedLibrary& library = *opened;
  TesseractApi api;
#define LT_RESOLVE(name) \
  if (Status s = ResolveFunction(library, #name, api.name); !s.ok()) return Explain(s);
  LT_TESSERACT_FUNCTIONS(LT_RESOLVE)
#undef LT_RESOLVE
  (void)ResolveFunction(library, "TessBaseAPIDetectOrientationScript",
                        api.TessBaseAPIDetectOrientationScript);
  // Looked up through tesseract's handle: with RTLD_LOCAL, its libgomp is not in the global
  // scope. Absent when tesseract was built without OpenMP, which is fine.
  (void)ResolveFunction(library, "omp_set_max_active_levels", api.omp_set_max_active_levels);
  (void)ResolveFunction(library, "omp_set_num_threads", api.omp_set_num_threads);
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
