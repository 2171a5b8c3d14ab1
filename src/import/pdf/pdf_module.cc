#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>

#include "import/pdf/pdf_document.h"
#include "util/shared_library.h"

namespace lienthong {
namespace {

std::string ProgramDirectory() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

Result<PdfOpenFunction> LoadModule() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("LIENTHONG_PDF_MODULE"); env != nullptr && *env != '\0') {
    candidates.push_back(env);
  }
  if (const std::string dir = ProgramDirectory(); !dir.empty()) {
    candidates.push_back(dir + "/liblienthong_pdf.so");
    candidates.push_back(dir + "/../liblienthong_pdf.so");
    // Installed (the Debian package): /usr/bin/lienthong and /usr/lib/lienthong/.
    candidates.push_back(dir + "/../lib/lienthong/liblienthong_pdf.so");
  }
  candidates.push_back("liblienthong_pdf.so");
  std::string why;
  for (const std::string& name : candidates) {
    Result<SharedLibrary> library = OpenSharedLibrary({name.c_str()});
    if (!library.ok()) {
      why += (why.empty() ? "" : "; ") + library.status().message();
      continue;
    }
    PdfOpenFunction open = nullptr;
    if (Status s = ResolveFunction(*library, kPdfOpenSymbol, open); !s.ok()) return s;
    return open;
  }
  return Status::Unavailable("PDF import needs liblienthong_pdf.so (built with lienthong) and "
                             "poppler: apt-get install libpoppler-cpp0v5 (" + why + ")");
}

}  // namespace

Result<std::unique_ptr<PdfDocument>> OpenPdfDocument(std::string_view bytes) {
  // Loaded once per process; a failure is kept and reported again.
  static const Result<PdfOpenFunction> open = LoadModule();
  if (!open.ok()) return open.status();
  PdfOpenResult result;
  (*open)(bytes.data(), bytes.size(), &result);
  if (!result.status.ok()) return result.status;
  if (result.document == nullptr) return Status::Internal("the PDF module returned no document");
  return std::move(result.document);
}

}  // namespace lienthong
