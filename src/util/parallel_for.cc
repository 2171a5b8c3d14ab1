#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace lienthong {
namespace {

// Why 4: the work is memory-bound past a few cores, and imports run side by side on a server.
constexpr unsigned kMaxThreads = 4;

}  // namespace

void ForEachIndexInParallel(size_t count, const std::function<void(size_t)>& work) {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min<size_t>({count, hardware, kMaxThreads});
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto drain = [&] {
    try {
      for (size_t i = next++; i < count && !failed; i = next++) work(i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!first_error) first_error = std::current_exception();
      failed = true;
    }
  };
  {
    std::vector<std::jthread> helpers;
    helpers.reserve(threads - 1);
    try {
      for (size_t t = 1; t < threads; ++t) helpers.emplace_back(drain);
    } catch (const std::system_error&) {
      // No thread to be had (a process limit): the calling thread does all of it.
    }
    drain();
  }  // the helpers join here
  if (first_error) std::rethrow_exception(first_error);
}

void ForEachRangeInParallel(size_t count, size_t chunk,
                            const std::function<void(size_t begin, size_t end)>& work) {
  chunk = std::max<size_t>(chunk, 1);
  ForEachIndexInParallel((count + chunk - 1) / chunk, [&](size_t i) {
    work(i * chunk, std::min(count, (i + 1) * chunk));
  });
}

}  // namespace lienthong
