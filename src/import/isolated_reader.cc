#include "import/isolated_reader.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <sstream>

#include "util/batch_memory.h"
#include "util/child_process.h"

namespace lienthong {
namespace {

constexpr const char* kProgressPrefix = "lienthong-progress ";
constexpr int kExitOutOfMemory = 3;
// The child's RLIMIT_CPU is this much above the budget the reader checks itself (its soft limit
// sends SIGXCPU, the hard one SIGKILL five seconds later).
constexpr int kCpuGraceSeconds = 5;
constexpr double kWallGraceSeconds = 10;

const char* StageName(ReadStage stage) { return stage == ReadStage::kOcr ? "ocr" : "reading"; }

// A private file for the upload; removed when this goes out of scope.
class TemporaryInput {
 public:
  Status Write(const std::string& bytes) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/lienthong-upload-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd < 0) return Status::IoError("cannot create a temporary file: " + std::string(strerror(errno)));
    path_ = pattern;
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fd);
        return Status::IoError("cannot write the temporary file " + path_);
      }
      done += static_cast<size_t>(n);
    }
    close(fd);
    return Status::Ok();
  }
  ~TemporaryInput() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// "lienthong-progress ocr 3 12" → the callback.
void ParseProgress(std::string_view line, const ReaderLimits& limits) {
  if (!limits.progress || line.rfind(kProgressPrefix, 0) != 0) return;
  std::istringstream in(std::string(line.substr(std::strlen(kProgressPrefix))));
  std::string stage;
  int page = 0, pages = 0;
  if (!(in >> stage >> page >> pages) || page < 1 || pages < page) return;
  limits.progress(stage == "ocr" ? ReadStage::kOcr : ReadStage::kReading, page, pages);
}

IsolatedReading Stopped(ReadStop stop, Status status) {
  return IsolatedReading{.reading = std::move(status), .stop = stop};
}

}  // namespace

std::vector<std::string> ChildReaderArgv(const std::string& executable,
                                         const ChildReaderArgs& args) {
  return {executable,
          "read-document",
          args.input,
          "--name=" + args.name,
          "--memory-mb=" + std::to_string(args.memory_mb),
          "--cpu-seconds=" + std::to_string(args.cpu_seconds),
          "--max-pages=" + std::to_string(args.max_pdf_pages),
          "--max-ocr-pages=" + std::to_string(args.max_ocr_pages)};
}

IsolatedReading ReadDocumentIsolated(const std::string& bytes, const std::string& name,
                                     const IsolatedReadOptions& options) {
  const ReaderLimits& limits = options.limits;
  if (bytes.size() > limits.max_input_bytes) {
    return Stopped(ReadStop::kNone,
                   Status::TooLarge(name + ": file size " + std::to_string(bytes.size()) +
                                    " bytes is over the limit of " +
                                    std::to_string(limits.max_input_bytes)));
  }
  TemporaryInput input;
  if (Status written = input.Write(bytes); !written.ok()) return Stopped(ReadStop::kNone, written);
  ChildReaderArgs args{.input = input.path(),
                       .name = name,
                       .memory_mb = options.memory_mb,
                       .cpu_seconds = static_cast<int>(limits.max_cpu_seconds) + kCpuGraceSeconds,
                       .max_pdf_pages = limits.max_pdf_pages,
                       .max_ocr_pages = limits.max_ocr_pages};
  ChildRun run{.argv = ChildReaderArgv(options.executable, args),
               // One malloc arena per thread would reserve 64 MiB each (tesseract's threads):
               // address space the RLIMIT_AS would count without it being used.
               .extra_env = {"MALLOC_ARENA_MAX=2"},
               .wall_seconds = limits.max_wall_seconds + kWallGraceSeconds,
               .cancelled = limits.cancelled,
               .on_stderr_line = [&limits](std::string_view line) { ParseProgress(line, limits); }};
  Result<ChildOutcome> outcome = RunChildProcess(run);
  if (!outcome.ok()) return Stopped(ReadStop::kNone, outcome.status());
  const std::string seconds_cpu = std::to_string(static_cast<int>(limits.max_cpu_seconds));
  switch (outcome->end) {
    case ChildOutcome::End::kCancelled:
      return Stopped(ReadStop::kCancelled,
                     Status::Unavailable(name + ": reading stopped, nobody waits for it any more"));
    case ChildOutcome::End::kTimedOut:
      return Stopped(ReadStop::kWallTime,
                     Status::TooLarge(name + ": reading took over " +
                                      std::to_string(static_cast<int>(limits.max_wall_seconds)) +
                                      " seconds; split the file or send fewer pages"));
    case ChildOutcome::End::kTooMuchOutput:
      return Stopped(ReadStop::kMemory, Status::TooLarge(name + ": the text read is too large"));
    case ChildOutcome::End::kSignalled:
      if (outcome->signal == SIGXCPU || outcome->signal == SIGKILL) {
        return Stopped(ReadStop::kCpuTime,
                       Status::TooLarge(name + ": reading took over " + seconds_cpu +
                                        " CPU seconds; split the file or send fewer pages"));
      }
      [[fallthrough]];
    case ChildOutcome::End::kExited:
      break;
  }
  if (outcome->end == ChildOutcome::End::kSignalled || outcome->exit_code == kExitOutOfMemory) {
    return Stopped(ReadStop::kMemory,
                   Status::TooLarge(name + ": reading needs more than the " +
                                    std::to_string(options.memory_mb) +
                                    " MiB of memory an import may use (or the file is damaged); "
                                    "split the file or send fewer pages"));
  }
  if (outcome->exit_code != 0) {
    return Stopped(ReadStop::kNone,
                   Status::Internal(name + ": the document reader failed (exit code " +
                                    std::to_string(outcome->exit_code) + "): " +
                                    outcome->stderr_tail.substr(0, 500)));
  }
  return IsolatedReading{.reading = DecodeDocumentReading(outcome->stdout_text)};
}

// ---- the child ----------------------------------------------------------------------------

namespace {

bool allocation_failed = false;

void OnAllocationFailure() {
  allocation_failed = true;
  std::set_new_handler(nullptr);  // the next failure throws std::bad_alloc
  throw std::bad_alloc();
}

// The resource's type is glibc's enum in C++, hence the template.
template <typename Resource>
void SetLimit(Resource resource, rlim_t soft, rlim_t hard) {
  rlimit limit{soft, hard};
  setrlimit(resource, &limit);
}

void WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace

int RunChildReader(const ChildReaderArgs& args) {
  // Dies with the server; no core files of a hostile document.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) return 1;
  SetLimit(RLIMIT_AS, static_cast<rlim_t>(args.memory_mb) << 20,
           static_cast<rlim_t>(args.memory_mb) << 20);
  SetLimit(RLIMIT_CPU, static_cast<rlim_t>(args.cpu_seconds),
           static_cast<rlim_t>(args.cpu_seconds + kCpuGraceSeconds));
  SetLimit(RLIMIT_CORE, 0, 0);
  UseBatchMemorySettings();
  std::set_new_handler(OnAllocationFailure);
  // stdout carries the answer only: anything a library prints goes to stderr instead.
  const int answer_fd = dup(STDOUT_FILENO);
  dup2(STDERR_FILENO, STDOUT_FILENO);

  ReaderLimits limits;
  limits.max_pdf_pages = args.max_pdf_pages;
  limits.max_ocr_pages = args.max_ocr_pages;
  limits.max_cpu_seconds = args.cpu_seconds;
  limits.progress = [](ReadStage stage, int page, int pages) {
    WriteAll(STDERR_FILENO, std::string(kProgressPrefix) + StageName(stage) + " " +
                                std::to_string(page) + " " + std::to_string(pages) + "\n");
  };
  Result<DocumentReading> reading = Status::Internal("not read");
  try {
    std::ifstream in(args.input, std::ios::binary);
    if (!in) {
      reading = Status::IoError("cannot open " + args.input);
    } else {
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      reading = ReadAndParseDocument(bytes, args.name, limits);
    }
  } catch (const std::bad_alloc&) {
    return kExitOutOfMemory;
  }
  if (allocation_failed) return kExitOutOfMemory;
  WriteAll(answer_fd, EncodeDocumentReading(reading));
  close(answer_fd);
  return 0;
}

}  // namespace lienthong
