// The time one file's reading may take and whether anyone still waits for it
// (ReaderLimits::max_cpu_seconds, max_wall_seconds, cancelled). Readers call Check() between
// pages: a hostile or huge scan stops with a clear error instead of holding a worker for minutes.
#pragma once

#include <chrono>
#include <string>

#include "import/readers.h"
#include "util/status.h"

namespace lienthong {

class ReadBudget {
 public:
  explicit ReadBudget(const ReaderLimits& limits);

  // Ok, or TooLarge naming the limit (CPU or wall seconds), or Unavailable when cancelled.
  // `where` names the file and page for the message.
  Status Check(const std::string& where) const;

 private:
  const ReaderLimits& limits_;
  double cpu_start_;
  std::chrono::steady_clock::time_point wall_start_;
};

// CPU seconds the calling thread has used.
double ThreadCpuSeconds();

}  // namespace lienthong
