// The embedded backend: one SQLite connection behind the Database interface.
//
// Every connection runs with journal_mode=WAL (readers never block the writer and a crash loses
// at most the open transaction), foreign_keys=ON, synchronous=FULL (a commit is on disk when it
// returns) and a 5 s busy timeout, so several processes can share one file. Begin() is
// BEGIN IMMEDIATE: a writer takes the write lock up front and waits its turn, instead of failing
// with SQLITE_BUSY when a read transaction tries to become a write transaction.
#pragma once

#include <memory>
#include <string_view>

#include "store/database.h"

namespace lienthong {

// `path` is a file name (created if missing) or ":memory:" for a private in-memory database.
// Errors: kIoError when the file cannot be opened or put into WAL mode.
Result<std::unique_ptr<Database>> OpenSqliteDatabase(std::string_view path);

}  // namespace lienthong
