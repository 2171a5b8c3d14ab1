#include "util/run_program.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lienthong {

Status RunProgram(const std::vector<std::string>& argv) {
  if (argv.empty()) return Status::InvalidArgument("no program to run");
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  int ready[2];  // closed on a successful exec; carries errno otherwise
  if (pipe2(ready, O_CLOEXEC) != 0) {
    return Status::Internal("pipe: " + std::string(strerror(errno)));
  }
  pid_t pid = fork();
  if (pid < 0) return Status::Internal("fork: " + std::string(strerror(errno)));
  if (pid == 0) {
    close(ready[0]);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    execvp(args[0], args.data());
    int error = errno;
    ssize_t unused = write(ready[1], &error, sizeof(error));
    (void)unused;
    _exit(127);
  }
  close(ready[1]);
  int exec_error = 0;
  ssize_t got = read(ready[0], &exec_error, sizeof(exec_error));
  close(ready[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof(exec_error))) {
    return Status::Unavailable("cannot run " + argv[0] + ": " + strerror(exec_error));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::Internal(argv[0] + " failed (" +
                            (WIFEXITED(status) ? "exit code " + std::to_string(WEXITSTATUS(status))
                                               : std::string("killed by a signal")) +
                            ")");
  }
  return Status::Ok();
}

}  // namespace lienthong
