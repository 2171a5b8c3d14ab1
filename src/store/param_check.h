// Checks on bound parameters that both backends apply, so the same call fails the same way.
#pragma once

#include "store/database.h"

namespace lienthong {

// kInvalidArgument when a text parameter holds a NUL byte: PostgreSQL text cannot store one
// (libpq would silently cut the value short) and SQLite's string functions stop at it.
Status CheckTextParams(const SqlParams& params);

}  // namespace lienthong
