// Reading an untrusted document in a child process (issue 12, "Bounded work"). The server's own
// binary runs again as `lienthong read-document` with the upload in a private temporary file;
// the child limits its own address space (RLIMIT_AS) and CPU time (RLIMIT_CPU) before it touches
// the file, reports each page on stderr, and writes its DocumentReading as JSON on stdout. The
// parent kills it — the whole process group — when the client goes away, when it is cancelled
// or past its wall-clock time. Whatever the file does to the reader (a 1.5 GB page, a crash in
// poppler or tesseract), the server process keeps its memory and its workers.
#pragma once

#include <string>
#include <vector>

#include "import/document_reading.h"
#include "import/readers.h"

namespace lienthong {

struct IsolatedReadOptions {
  std::string executable;  // the lienthong binary (a server passes /proc/self/exe)
  int memory_mb = 1024;    // the child's address space, RLIMIT_AS
  // Pages, OCR pages, CPU and wall seconds, cancelled, progress: as for an in-process read. The
  // child's CPU limit (RLIMIT_CPU) sits a little above max_cpu_seconds, its wall-clock limit a
  // little above max_wall_seconds, so the reader's own clearer message usually comes first.
  ReaderLimits limits;
};

// Why a reading stopped early, for an error code a person can be shown in their language.
enum class ReadStop {
  kNone,       // it ended by itself: a reading, or the reader's own error
  kMemory,     // over memory_mb (or the reader crashed on the file)
  kCpuTime,    // over the CPU seconds
  kWallTime,   // over the wall-clock seconds
  kCancelled,  // the client went away or cancelled
};

struct IsolatedReading {
  Result<DocumentReading> reading = Status::Internal("not read");
  ReadStop stop = ReadStop::kNone;
};

// Reads `bytes` (named `name`) in a child process. The reader's errors come back as they are;
// a stopped child gives kTooLarge (memory, CPU, time) or kUnavailable (cancelled) naming the
// limit, with `stop` saying which.
IsolatedReading ReadDocumentIsolated(const std::string& bytes, const std::string& name,
                                     const IsolatedReadOptions& options);

// The child's side: the arguments of `lienthong read-document`.
struct ChildReaderArgs {
  std::string input;  // the file to read
  std::string name;   // the name the user gave it
  int memory_mb = 1024;
  int cpu_seconds = 120;
  int max_pdf_pages = 500;
  int max_ocr_pages = 50;
};

// Runs in the child: limits itself, reads, prints. Returns the exit code (0 also when the file
// was refused: the refusal is the JSON on stdout).
int RunChildReader(const ChildReaderArgs& args);

// The arguments RunChildReader takes, in the order `lienthong read-document` declares them.
std::vector<std::string> ChildReaderArgv(const std::string& executable,
                                         const ChildReaderArgs& args);

}  // namespace lienthong
