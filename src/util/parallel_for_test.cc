#include "util/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace lienthong {
namespace {

TEST(ParallelFor, CallsEveryIndexOnce) {
  std::vector<std::atomic<int>> calls(1000);
  ForEachIndexInParallel(calls.size(), [&](size_t i) { ++calls[i]; });
  for (size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i], 1) << i;
}

TEST(ParallelFor, RethrowsTheWorksError) {
  EXPECT_THROW(ForEachIndexInParallel(100,
                                      [](size_t i) {
                                        if (i == 37) throw std::runtime_error("no");
                                      }),
               std::runtime_error);
}

TEST(ParallelFor, RangesCoverEveryIndexOnceInChunks) {
  for (size_t count : {0u, 1u, 2047u, 2048u, 2049u, 10000u}) {
    std::vector<std::atomic<int>> calls(count);
    std::mutex mutex;
    std::vector<std::pair<size_t, size_t>> ranges;
    ForEachRangeInParallel(count, 2048, [&](size_t begin, size_t end) {
      {
        std::lock_guard lock(mutex);
        ranges.emplace_back(begin, end);
      }
      for (size_t i = begin; i < end; ++i) ++calls[i];
    });
    for (size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i], 1) << count << " " << i;
    EXPECT_EQ(ranges.size(), (count + 2047) / 2048) << count;
    for (const auto& [begin, end] : ranges) {
      EXPECT_LT(begin, end);
      EXPECT_LE(end - begin, 2048u);
    }
  }
}

TEST(ParallelFor, ZeroChunkIsOneIndexAtATime) {
  std::vector<std::atomic<int>> calls(5);
  ForEachRangeInParallel(calls.size(), 0, [&](size_t begin, size_t end) {
    EXPECT_EQ(end, begin + 1);
    ++calls[begin];
  });
  for (const auto& c : calls) EXPECT_EQ(c, 1);
}

}  // namespace
}  // namespace lienthong
