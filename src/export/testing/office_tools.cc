#include "export/testing/office_tools.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sys/wait.h>

namespace lienthong::export_testing {

namespace fs = std::filesystem;

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Result<std::string> RunCommand(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return Status::Internal("cannot run: " + command);
  std::string output;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  if (status != 0) {
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return Status::Internal("command failed (exit " + std::to_string(code) + "): " + command +
                            "\n" + output);
  }
  return output;
}

bool HaveProgram(const std::string& program) {
  return RunCommand("command -v " + ShellQuote(program) + " >/dev/null").ok();
}

bool ToolsRequired() {
  const char* value = std::getenv("LIENTHONG_REQUIRE_TOOLS");
  return value != nullptr && std::string(value) == "1";
}

std::string ArtifactDir() {
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  fs::path dir = error ? fs::temp_directory_path() : exe.parent_path();
  dir /= "test-artifacts/exports";
  fs::create_directories(dir, error);
  return dir.string();
}

Result<std::string> WriteArtifact(const std::string& name, const std::string& bytes) {
  const std::string path = ArtifactDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return Status::IoError("cannot write " + path);
  return path;
}

namespace {

// Holds an exclusive lock on a file in the temporary directory for its lifetime: LibreOffice's
// first start on a new machine (profile, font cache) crashed with two conversions in parallel
// (ctest -j2), so conversions from every test process run one at a time.
class OfficeLock {
 public:
  OfficeLock() {
    const std::string path = (fs::temp_directory_path() / "lienthong-soffice.lock").string();
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~OfficeLock() {
    if (fd_ >= 0) close(fd_);  // closing releases the lock
  }
  OfficeLock(const OfficeLock&) = delete;
  OfficeLock& operator=(const OfficeLock&) = delete;

 private:
  int fd_ = -1;
};

// One conversion with a private, new profile directory, removed afterwards.
Result<std::string> ConvertOnce(const fs::path& in, const std::string& filter) {
  std::string profile = (fs::temp_directory_path() / "lienthong-lo-XXXXXX").string();
  if (mkdtemp(profile.data()) == nullptr) return Status::IoError("cannot create a profile dir");
  auto result = RunCommand("timeout 180 soffice --headless --norestore -env:UserInstallation=file://" +
                           profile + " --convert-to " + ShellQuote(filter) + " --outdir " +
                           ShellQuote(in.parent_path().string()) + " " + ShellQuote(in.string()));
  std::error_code ignored;
  fs::remove_all(profile, ignored);
  return result;
}

}  // namespace

Result<std::string> ConvertWithLibreOffice(const std::string& input, const std::string& filter,
                                           const std::string& extension) {
  if (!HaveProgram("soffice")) return Status::Unavailable("soffice (LibreOffice) is not installed");
  const fs::path in(input);
  const fs::path out = in.parent_path() / (in.stem().string() + "." + extension);
  std::error_code ignored;
  fs::remove(out, ignored);
  OfficeLock lock;
  auto result = ConvertOnce(in, filter);
  if (!result.ok() || !fs::exists(out)) {
    // A crash (seen on a machine's very first start: "Fatal exception: Signal 6") gets one more
    // try with a fresh profile; the first attempt's output stays in the test log.
    std::fprintf(stderr, "LibreOffice conversion of %s failed, retrying once with a new profile:\n%s\n",
                 input.c_str(),
                 result.ok() ? result->c_str() : result.status().message().c_str());
    result = ConvertOnce(in, filter);
  }
  if (!result.ok()) return result.status();
  if (!fs::exists(out)) {
    return Status::Internal("LibreOffice wrote no " + out.string() + ":\n" + *result);
  }
  return out.string();
}

Result<std::string> PdfText(const std::string& pdf) {
  return RunCommand("timeout 60 pdftotext -enc UTF-8 -layout " + ShellQuote(pdf) + " -");
}

Result<PdfLayout> ReadPdfLayout(const std::string& pdf) {
  LT_ASSIGN_OR_RETURN(std::string html,
                      RunCommand("timeout 60 pdftotext -enc UTF-8 -bbox " + ShellQuote(pdf) + " -"));
  PdfLayout layout;
  static const std::regex kPage(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  static const std::regex kWord(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  // Walk pages and words in document order.
  static const std::regex kAny(R"re(<page [^>]*>|<word [^>]*>[^<]*</word>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAny); it != std::sregex_iterator();
       ++it) {
    const std::string token = it->str();
    std::smatch m;
    if (std::regex_match(token, m, kPage)) {
      if (++layout.pages == 1) {
        layout.page_width = std::stod(m[1]);
        layout.page_height = std::stod(m[2]);
      }
    } else if (std::regex_match(token, m, kWord)) {
      layout.words.push_back({layout.pages, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]),
                              std::stod(m[4]), m[5]});
    }
  }
  if (layout.pages == 0) return Status::Internal("pdftotext -bbox found no page in " + pdf);
  return layout;
}

Result<int> RenderPngs(const std::string& pdf) {
  const fs::path path(pdf);
  const std::string prefix = (path.parent_path() / path.stem()).string();
  LT_RETURN_IF_ERROR(RunCommand("timeout 120 pdftoppm -r 50 -png " + ShellQuote(pdf) + " " +
                                ShellQuote(prefix))
                         .status());
  int count = 0;
  for (const auto& entry : fs::directory_iterator(path.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(path.stem().string() + "-", 0) == 0 && entry.path().extension() == ".png") {
      ++count;
    }
  }
  return count;
}

}  // namespace lienthong::export_testing
