// Runs the built `lienthong` binary as a user would, for the tests in tests/ that drive the CLI.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace lienthong {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr, in order
};

// `lienthong ARGS` (arguments are the test's own: no quoting), with LIENTHONG_DB set as the docs
// do when `db_url` is given.
inline CliRun RunLienthong(const std::string& args, const std::string& db_url = "") {
  std::string cmd = std::string(LIENTHONG_BINARY) + " " + args + " 2>&1";
  if (!db_url.empty()) cmd = "env LIENTHONG_DB='" + db_url + "' " + cmd;
  CliRun run;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace lienthong
