// Running a helper process that may misbehave (a document reader on a hostile file): started
// with posix_spawn (no fork of a large, threaded server) in a process group of its own, its
// stdout collected up to a cap, its stderr handed over line by line, and killed — the whole
// group, SIGKILL — when the caller stops waiting, when it runs past its wall-clock deadline or
// when its output grows past the cap. Never leaves a zombie: every path waits for the child.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace lienthong {

struct ChildRun {
  std::vector<std::string> argv;         // argv[0] is an absolute path (not searched on PATH)
  std::vector<std::string> extra_env;    // "NAME=value", added to (and overriding) ours
  double wall_seconds = 300;             // killed after this long
  size_t max_stdout_bytes = 64u << 20;   // killed when it writes more
  // Polled about five times a second; true kills the child (the client went away).
  std::function<bool()> cancelled;
  // Each complete line the child writes on stderr, without its newline.
  std::function<void(std::string_view line)> on_stderr_line;
};

struct ChildOutcome {
  enum class End {
    kExited,     // exit_code holds its exit status
    kSignalled,  // killed by `signal` that we did not send (a crash, RLIMIT_CPU's SIGXCPU/KILL)
    kCancelled,  // we killed it: cancelled() answered true
    kTimedOut,   // we killed it: past wall_seconds
    kTooMuchOutput,  // we killed it: stdout over max_stdout_bytes
  };
  End end = End::kExited;
  int exit_code = 0;
  int signal = 0;
  std::string stdout_text;
  std::string stderr_tail;  // the last few KiB of stderr lines, for the log
};

// Runs `run` to its end. Errors only when the child cannot be started (kUnavailable); every way
// it ends after that is an outcome.
Result<ChildOutcome> RunChildProcess(const ChildRun& run);

// Live children started by RunChildProcess in this process (for tests: none left behind).
int LiveChildProcesses();

}  // namespace lienthong
