#include "store/sqlite/sqlite_copy.h"

#include <sqlite3.h>

namespace lienthong {
namespace {

struct Handle {
  sqlite3* db = nullptr;
  ~Handle() { sqlite3_close(db); }
};

Status Open(const std::string& path, int flags, Handle& handle) {
  if (sqlite3_open_v2(path.c_str(), &handle.db, flags, nullptr) != SQLITE_OK) {
    return Status::IoError("cannot open " + path + ": " +
                           (handle.db ? sqlite3_errmsg(handle.db) : "out of memory"));
  }
  sqlite3_busy_timeout(handle.db, 30000);
  return Status::Ok();
}

}  // namespace

Status CopySqliteDatabase(const std::string& from_path, const std::string& to_path) {
  Handle from, to;
  LT_RETURN_IF_ERROR(Open(from_path, SQLITE_OPEN_READONLY, from));
  LT_RETURN_IF_ERROR(Open(to_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, to));
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (backup == nullptr) {
    return Status::IoError("cannot copy into " + to_path + ": " + sqlite3_errmsg(to.db));
  }
  int rc;
  do {
    rc = sqlite3_backup_step(backup, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Status::IoError("copying " + from_path + " into " + to_path + " failed: " +
                           sqlite3_errstr(rc));
  }
  return Status::Ok();
}

}  // namespace lienthong
