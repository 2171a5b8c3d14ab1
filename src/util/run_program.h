// Running another program without a shell (no quoting, no injection): argv as given, stdin
// closed, stdout and stderr inherited.
#pragma once

#include <string>
#include <vector>

#include "util/status.h"

namespace lienthong {

// Runs argv[0] (searched on PATH) to completion. kUnavailable when it cannot be started
// ("install postgresql-client"), kInternal naming its exit code when it fails.
Status RunProgram(const std::vector<std::string>& argv);

}  // namespace lienthong
