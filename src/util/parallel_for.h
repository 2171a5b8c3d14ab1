// Runs independent pieces of work on a few threads: a file's documents, once split, share nothing
// but the (read-only) lines, so a file of many documents parses (and is written as JSON) on every
// core.
#pragma once

#include <cstddef>
#include <functional>

namespace lienthong {

// Calls work(i) for every i in [0, count), on the calling thread and up to
// min(hardware threads, 4) - 1 helper threads; returns when every call has returned. An exception
// thrown by a call (std::bad_alloc under the import's memory limit) is rethrown here, once the
// other calls have stopped, as if the work had run on this thread.
void ForEachIndexInParallel(size_t count, const std::function<void(size_t)>& work);

// Calls work(begin, end) over [0, count) cut into ranges of `chunk` indexes, in parallel as above:
// for per-line work too small to hand out one index at a time.
void ForEachRangeInParallel(size_t count, size_t chunk,
                            const std::function<void(size_t begin, size_t end)>& work);

}  // namespace lienthong
