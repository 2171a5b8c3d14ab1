#include "export/zip_writer.h"

#include <cstdio>
#include <memory>

#include <zip.h>

namespace lienthong {
namespace {

Status ZipError(const std::string& what, zip_error_t* error) {
  return Status::Internal("zip: " + what + ": " + zip_error_strerror(error));
}

struct SourceCloser {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

}  // namespace

Result<std::string> ZipWriter::Finish() const {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceCloser> buffer(zip_source_buffer_create(nullptr, 0, 0,
                                                                              &error));
  if (!buffer) return ZipError("buffer", &error);
  // zip_close frees the source it was opened from; keep our reference to read the bytes after.
  zip_source_keep(buffer.get());
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    Status status = ZipError("open", &error);
    zip_error_fini(&error);
    return status;
  }
  for (const auto& [name, content] : entries_) {
    zip_source_t* member = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (member == nullptr ||
        zip_file_add(archive, name.c_str(), member, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (member != nullptr) zip_source_free(member);
      Status status = Status::Internal("zip: add " + name + ": " + zip_strerror(archive));
      zip_discard(archive);
      return status;
    }
  }
  if (zip_close(archive) < 0) {
    Status status = Status::Internal(std::string("zip: close: ") + zip_strerror(archive));
    zip_discard(archive);
    return status;
  }
  zip_source_t* source = buffer.get();
  if (zip_source_open(source) < 0) {
    return Status::Internal(std::string("zip: reopen: ") +
                            zip_error_strerror(zip_source_error(source)));
  }
  zip_source_seek(source, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(source);
  zip_source_seek(source, 0, SEEK_SET);
  std::string bytes(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  const zip_int64_t read = size > 0 ? zip_source_read(source, bytes.data(), bytes.size()) : 0;
  zip_source_close(source);
  if (read != size) return Status::Internal("zip: short read of the archive");
  return bytes;
}

}  // namespace lienthong
