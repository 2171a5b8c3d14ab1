// Memory settings for a process that reads one batch of input and exits (`lienthong import`, the
// import child `lienthong read-document`): it builds hundreds of MB of small objects and frees
// them at once, and glibc's defaults (return freed memory to the kernel early, serve large blocks
// from fresh mmaps) turn that into page faults: about a tenth of a large text import's time.
#pragma once

namespace lienthong {

// Keeps freed memory in the process and grows the heap in large steps. Never for the server,
// whose memory must go back to the kernel between requests.
void UseBatchMemorySettings();

}  // namespace lienthong
