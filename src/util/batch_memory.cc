#include "util/batch_memory.h"

#include <malloc.h>

namespace lienthong {

void UseBatchMemorySettings() {
  constexpr int kLargeBlock = 256 << 20;  // blocks below this come from the heap, not mmap
  constexpr int kKeepFree = 256 << 20;    // free memory at the heap's top kept, not trimmed
  constexpr int kGrowthStep = 64 << 20;   // the heap grows by this much at a time
  mallopt(M_MMAP_THRESHOLD, kLargeBlock);
  mallopt(M_TRIM_THRESHOLD, kKeepFree);
  mallopt(M_TOP_PAD, kGrowthStep);
}

}  // namespace lienthong
