#include "store/health_probe.h"

#include <sys/statvfs.h>

#include <filesystem>

namespace lienthong {

Status ProbeWrite(Database& db) {
  Status begun = db.Begin();
  if (!begun.ok()) return Status::Unavailable("database refuses a transaction: " + begun.message());
  Status wrote = db.Execute("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                            {"probe:readyz", "1970-01-01T00:00:00Z"});
  Status rolled_back = db.Rollback();
  if (!wrote.ok()) return Status::Unavailable("database refuses writes: " + wrote.message());
  if (!rolled_back.ok()) return Status::Unavailable("rollback failed: " + rolled_back.message());
  return Status::Ok();
}

Status CheckFreeSpace(const std::string& db_url, uint64_t min_free_bytes) {
  std::optional<std::string> path = SqliteFilePath(db_url);
  if (!path) return Status::Ok();
  std::filesystem::path file(*path);
  std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  struct statvfs fs;
  if (statvfs(dir.c_str(), &fs) != 0) {
    return Status::Unavailable("cannot read the free space of " + dir.string());
  }
  uint64_t available = static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
  if (available < min_free_bytes) {
    return Status::Unavailable("only " + std::to_string(available >> 20) + " MiB free on " +
                               dir.string() + " (at least " + std::to_string(min_free_bytes >> 20) +
                               " MiB needed)");
  }
  return Status::Ok();
}

}  // namespace lienthong
