#include "import/docx/zip_archive.h"

#include <zip.h>

#include <cstdio>

namespace lienthong {
namespace {

std::string ZipErrorText(zip_error_t* error) {
  const char* text = zip_error_strerror(error);
  return text != nullptr ? text : "unknown libzip error";
}

// Reads the libzip error of an open file handle, and says what kind of failure it is.
Status FileError(zip_file_t* file, std::string_view name) {
  zip_error_t* error = zip_file_get_error(file);
  int code = zip_error_code_zip(error);
  std::string what = std::string(name) + ": " + ZipErrorText(error);
  if (code == ZIP_ER_COMPNOTSUPP || code == ZIP_ER_ENCRNOTSUPP) return Status::Unsupported(what);
  return Status::InvalidArgument(what);
}

}  // namespace

std::string FormatByteSize(uint64_t bytes) {
  struct Unit {
    uint64_t size;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{1ull << 30, "GB"}, {1ull << 20, "MB"}, {1ull << 10, "KB"}};
  for (const Unit& unit : kUnits) {
    if (bytes < unit.size) continue;
    char buffer[32];
    if (bytes % unit.size == 0 || bytes / unit.size >= 100) {
      std::snprintf(buffer, sizeof buffer, "%llu %s",
                    static_cast<unsigned long long>((bytes + unit.size / 2) / unit.size),
                    unit.name);
    } else {
      std::snprintf(buffer, sizeof buffer, "%.1f %s",
                    static_cast<double>(bytes) / static_cast<double>(unit.size), unit.name);
    }
    return buffer;
  }
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes,
                                                     const ZipLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    Status status = Status::Internal("cannot wrap the bytes for libzip: " + ZipErrorText(&error));
    zip_error_fini(&error);
    return status;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    Status status = Status::InvalidArgument("not a ZIP archive (" + ZipErrorText(&error) + ")");
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  std::unique_ptr<ZipArchive> result(new ZipArchive(archive));

  zip_int64_t count = zip_get_num_entries(archive, 0);
  if (count < 0) return Status::InvalidArgument("unreadable ZIP central directory");
  if (static_cast<uint64_t>(count) > limits.max_entries) {
    return Status::TooLarge(std::to_string(count) + " entries is over the limit of " +
                            std::to_string(limits.max_entries) + " entries");
  }
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0) {
      return Status::InvalidArgument("unreadable ZIP entry #" + std::to_string(i + 1));
    }
    std::string name = (stat.valid & ZIP_STAT_NAME) && stat.name != nullptr
                           ? std::string(stat.name)
                           : "#" + std::to_string(i + 1);
    uint64_t size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    if (size > limits.max_unpacked_bytes) {
      return Status::TooLarge(name + ": unpacked size " + FormatByteSize(size) + " is over the " +
                              FormatByteSize(limits.max_unpacked_bytes) + " limit");
    }
    total += size;  // cannot overflow: each term is at most the limit, and there are few terms
    if (total > limits.max_unpacked_bytes) {
      return Status::TooLarge("unpacked size of all entries (" + FormatByteSize(total) + " after " +
                              std::to_string(i + 1) + " of " + std::to_string(count) +
                              ") is over the " + FormatByteSize(limits.max_unpacked_bytes) +
                              " limit");
    }
    if (result->entries_.count(name) != 0) continue;  // a duplicate name: the first one wins
    result->entries_[name] = Entry{static_cast<uint64_t>(i), size};
    result->names_.push_back(std::move(name));
  }
  return result;
}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

bool ZipArchive::Contains(std::string_view name) const {
  return entries_.count(std::string(name)) != 0;
}

Result<std::string> ZipArchive::Read(std::string_view name) const {
  auto it = entries_.find(std::string(name));
  if (it == entries_.end()) return Status::NotFound(std::string(name) + ": no such entry");
  const Entry& entry = it->second;
  zip_file_t* file = zip_fopen_index(archive_, entry.index, 0);
  if (file == nullptr) {
    zip_error_t* error = zip_get_error(archive_);
    int code = zip_error_code_zip(error);
    std::string what = std::string(name) + ": " + ZipErrorText(error);
    zip_error_clear(archive_);
    if (code == ZIP_ER_COMPNOTSUPP || code == ZIP_ER_ENCRNOTSUPP) {
      return Status::Unsupported(what);
    }
    return Status::InvalidArgument(what);
  }
  std::string data;
  // Read one byte more than declared so that a lying size is noticed without reading on.
  const uint64_t cap = entry.declared_size + 1;
  data.resize(static_cast<size_t>(std::min<uint64_t>(cap, 1u << 20)));
  uint64_t filled = 0;
  while (filled < cap) {
    if (filled == data.size()) {
      data.resize(static_cast<size_t>(std::min<uint64_t>(cap, data.size() * 2)));
    }
    zip_int64_t n = zip_fread(file, data.data() + filled, data.size() - filled);
    if (n < 0) {
      Status status = FileError(file, name);
      zip_fclose(file);
      return status;
    }
    if (n == 0) break;
    filled += static_cast<uint64_t>(n);
  }
  zip_fclose(file);
  if (filled > entry.declared_size) {
    return Status::TooLarge(std::string(name) + ": inflates past its declared size of " +
                            FormatByteSize(entry.declared_size) +
                            " (a corrupt or hostile archive)");
  }
  data.resize(static_cast<size_t>(filled));
  return data;
}

}  // namespace lienthong
