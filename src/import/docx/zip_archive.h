// ZipArchive: a read-only ZIP held in memory (libzip), with its size limits checked before
// anything is inflated, so a zip bomb fails in microseconds instead of filling memory.
//
//   1. Open() reads only the central directory. It refuses an archive whose entry count, any
//      entry's declared uncompressed size, or the sum of all declared sizes passes the limits.
//   2. Read() inflates one entry but never more than the size that entry declared: an entry
//      whose data inflates past it (a lying header) is refused as well.
// Together these bound the memory a hostile archive can make us use by the declared-size limit.
//
// Error messages do not name the archive (the caller knows it and adds it as context); entry
// names are quoted as they appear, e.g. "word/document.xml: unpacked size 300 MB is over the
// 200 MB limit".
// Thread safety: an open archive may be read from one thread at a time (libzip is not
// reentrant on one zip_t).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

struct zip;  // libzip's zip_t

namespace lienthong {

struct ZipLimits {
  size_t max_entries = 10000;
  size_t max_unpacked_bytes = 200u << 20;  // per entry and for the sum of all entries
};

class ZipArchive {
 public:
  // REQUIRES: `bytes` outlives the archive.
  // Errors: kInvalidArgument when the bytes are not a readable ZIP; kTooLarge as described above.
  static Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes, const ZipLimits& limits);

  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Contains(std::string_view name) const;
  // Entry names in central-directory order.
  const std::vector<std::string>& EntryNames() const { return names_; }

  // The inflated bytes of entry `name`.
  // Errors: kNotFound (no such entry), kTooLarge (inflates past its declared size),
  // kInvalidArgument (corrupt or encrypted data), kUnsupported (unknown compression method).
  Result<std::string> Read(std::string_view name) const;

 private:
  struct Entry {
    uint64_t index = 0;
    uint64_t declared_size = 0;
  };
  explicit ZipArchive(struct zip* archive) : archive_(archive) {}

  struct zip* archive_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, Entry> entries_;
};

// "300 MB", "1.5 MB", "12 KB", "512 bytes": sizes in messages, with binary units.
std::string FormatByteSize(uint64_t bytes);

}  // namespace lienthong
