#include "import/read_budget.h"

#include <time.h>

namespace lienthong {

double ThreadCpuSeconds() {
  timespec ts{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

ReadBudget::ReadBudget(const ReaderLimits& limits)
    : limits_(limits), cpu_start_(ThreadCpuSeconds()), wall_start_(std::chrono::steady_clock::now()) {}

Status ReadBudget::Check(const std::string& where) const {
  if (limits_.cancelled && limits_.cancelled()) {
    return Status::Unavailable(where + ": reading stopped, nobody waits for it any more");
  }
  const double cpu = ThreadCpuSeconds() - cpu_start_;
  if (cpu > limits_.max_cpu_seconds) {
    return Status::TooLarge(where + ": reading took over " +
                            std::to_string(static_cast<int>(limits_.max_cpu_seconds)) +
                            " CPU seconds; split the file or send fewer pages");
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start_).count();
  if (wall > limits_.max_wall_seconds) {
    return Status::TooLarge(where + ": reading took over " +
                            std::to_string(static_cast<int>(limits_.max_wall_seconds)) +
                            " seconds; split the file or send fewer pages");
  }
  return Status::Ok();
}

}  // namespace lienthong
