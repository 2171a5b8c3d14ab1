// Import throughput: in process, `ReadDocumentFile` + `ParsePlans` on the repo's fixtures and,
// when ../shared/corpus is present, on the real documents; plain text as MB/s over a large file
// made of copies, in process and as a whole `lienthong import` process; one-page scans as whole
// processes; and, side by side, `lienthong import --format json FILE` against
// `pandoc -t plain FILE` on each DOCX, both as whole processes (pandoc only extracts text,
// lienthong also extracts the structure).
//
//   build/bench/import_bench            (make bench installs pandoc first)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "import/parse/plan_parser.h"
#include "import/readers.h"
#include "process_timer.h"

namespace fs = std::filesystem;
using namespace lienthong;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Median seconds of `runs` in-process imports of `path`.
double MedianImportSeconds(const fs::path& path, int runs, size_t* documents) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto raw = ReadDocumentFile(path.string());
    if (!raw.ok()) {
      std::cerr << raw.status().ToString() << "\n";
      return -1;
    }
    auto docs = ParsePlans(*raw);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!docs.ok()) return -1;
    *documents = docs->size();
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::vector<fs::path> Inputs() {
  std::vector<fs::path> files;
  fs::path fixtures = fs::path(LIENTHONG_SOURCE_DIR) / "tests/testdata/import";
  fs::path corpus = fs::path(LIENTHONG_SOURCE_DIR) / "../shared/corpus";
  for (const fs::path& dir : {fixtures, fixtures / "text", corpus}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string ext = e.path().extension().string();
      std::string name = e.path().filename().string();
      if (name.find("not_a_zip") != std::string::npos || name.find("truncated") != std::string::npos ||
          name.rfind("README", 0) == 0)
        continue;  // broken on purpose, or not a plan
      if (ext == ".txt" || ext == ".md" || ext == ".docx" || ext == ".pdf") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main() {
  std::printf("%-58s %10s %6s %10s\n", "file (in process)", "bytes", "docs", "ms/doc-file");
  std::string all_text;
  for (const fs::path& file : Inputs()) {
    size_t docs = 0;
    std::string ext = file.extension().string();
    // OCR'd PDFs take seconds a page: time them once.
    double s = MedianImportSeconds(file, ext == ".pdf" ? 1 : 5, &docs);
    std::printf("%-58s %10zu %6zu %10.2f\n", file.filename().string().c_str(),
                static_cast<size_t>(fs::file_size(file)), docs, s * 1e3);
    if (ext == ".txt" || ext == ".md") all_text += ReadAll(file) + "\n\n";
  }

  // Plain text throughput on ~16 MB made of copies of every text input.
  fs::path big = fs::temp_directory_path() / "lienthong-import-bench.txt";
  {
    std::ofstream out(big, std::ios::binary);
    size_t written = 0;
    while (written < (16u << 20)) {
      out << all_text;
      written += all_text.size();
    }
  }
  size_t docs = 0;
  double s = MedianImportSeconds(big, 3, &docs);
  double mb = static_cast<double>(fs::file_size(big)) / (1 << 20);
  std::printf("\nplain text: %.1f MB (%zu documents) in %.3f s: %.1f MB/s in process\n", mb, docs,
              s, mb / s);
  // The same file as a whole `lienthong import --format json` process (reading, parsing and
  // writing the JSON), median of 3.
  const double process = bench::MedianCommandSeconds(
      {LIENTHONG_BINARY, "import", "--format", "json", big.string()}, 3);
  std::printf("plain text: %.1f MB in %.3f s: %.1f MB/s as a whole process\n", mb, process,
              mb / process);
  fs::remove(big);

  // Scans: a whole `lienthong import` of each one-page scan fixture (OCR, page cleanup,
  // layout, parsing), median of 3; the machine's cores are what the process may use.
  std::printf("\n%-44s %14s\n", "scan, one page (whole process, median of 3)", "lienthong ms");
  for (const char* name : {"ke_hoach_hoa_binh_scan.png", "ke_hoach_hoa_binh_scan.pdf"}) {
    const fs::path scan = fs::path(LIENTHONG_SOURCE_DIR) / "tests/testdata/import" / name;
    if (!fs::exists(scan)) continue;
    const double t = bench::MedianCommandSeconds({LIENTHONG_BINARY, "import", scan.string()}, 3);
    std::printf("%-44s %14.1f\n", name, t * 1e3);
  }

  // DOCX: lienthong vs pandoc, whole processes, median of 10 runs each.
  std::printf("\n%-44s %14s %14s %8s\n", "DOCX (whole process, median of 10)", "lienthong ms",
              "pandoc ms", "ratio");
  for (const fs::path& file : Inputs()) {
    if (file.extension() != ".docx") continue;
    double ours = bench::MedianCommandSeconds(
        {LIENTHONG_BINARY, "import", "--format", "json", file.string()}, 10);
    double theirs = bench::MedianCommandSeconds({"pandoc", "-t", "plain", file.string()}, 10);
    if (theirs < 0) {
      std::printf("%-44s %14.1f %14s\n", file.filename().string().c_str(), ours * 1e3,
                  "(no pandoc)");
      continue;
    }
    std::printf("%-44s %14.1f %14.1f %7.1fx\n", file.filename().string().c_str(), ours * 1e3,
                theirs * 1e3, theirs / ours);
  }
}
