#include "util/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace lienthong {
namespace {

std::atomic<int> live_children{0};

constexpr size_t kStderrTailBytes = 4096;
constexpr size_t kStderrLineBytes = 4096;  // a longer "line" is cut: no unbounded buffer

// Our environment with `extra` added; an entry of `extra` replaces ours of the same name.
std::vector<std::string> ChildEnvironment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    std::string_view name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const std::string& x : extra) {
      if (x.compare(0, name.size() + 1, std::string(name) + "=") == 0) replaced = true;
    }
    if (!replaced) env.emplace_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

struct Pipes {
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  ~Pipes() {
    for (int fd : {out[0], out[1], err[0], err[1]}) {
      if (fd >= 0) close(fd);
    }
  }
};

Result<pid_t> Spawn(const ChildRun& run, Pipes& pipes) {
  if (pipe2(pipes.out, O_CLOEXEC) != 0 || pipe2(pipes.err, O_CLOEXEC) != 0) {
    return Status::Unavailable("pipe: " + std::string(strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipes.out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipes.err[1], STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A group of its own, so a kill reaches anything it starts; default signal handling.
  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                            POSIX_SPAWN_SETSIGMASK);
  std::vector<std::string> argv = run.argv;
  std::vector<std::string> env = ChildEnvironment(run.extra_env);
  std::vector<char*> argv_ptrs = Pointers(argv), env_ptrs = Pointers(env);
  pid_t pid = 0;
  int error = posix_spawn(&pid, argv_ptrs[0], &actions, &attributes, argv_ptrs.data(),
                          env_ptrs.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(pipes.out[1]);
  close(pipes.err[1]);
  pipes.out[1] = pipes.err[1] = -1;
  if (error != 0) {
    return Status::Unavailable("cannot start " + run.argv[0] + ": " + strerror(error));
  }
  ++live_children;
  return pid;
}

// Splits stderr into lines for the callback and keeps the last few KiB.
class StderrLines {
 public:
  StderrLines(const ChildRun& run, ChildOutcome& outcome) : run_(run), outcome_(outcome) {}
  void Add(std::string_view bytes) {
    for (char c : bytes) {
      if (c != '\n') {
        if (line_.size() < kStderrLineBytes) line_ += c;
        continue;
      }
      Flush();
    }
  }
  void Flush() {
    if (line_.empty()) return;
    if (run_.on_stderr_line) run_.on_stderr_line(line_);
    outcome_.stderr_tail += line_ + "\n";
    if (outcome_.stderr_tail.size() > kStderrTailBytes) {
      outcome_.stderr_tail.erase(0, outcome_.stderr_tail.size() - kStderrTailBytes);
    }
    line_.clear();
  }

 private:
  const ChildRun& run_;
  ChildOutcome& outcome_;
  std::string line_;
};

}  // namespace

int LiveChildProcesses() { return live_children.load(); }

Result<ChildOutcome> RunChildProcess(const ChildRun& run) {
  if (run.argv.empty()) return Status::InvalidArgument("no program to run");
  Pipes pipes;
  LT_ASSIGN_OR_RETURN(pid_t pid, Spawn(run, pipes));
  ChildOutcome outcome;
  StderrLines lines(run, outcome);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<int64_t>(run.wall_seconds * 1000));
  bool killed = false;
  auto kill_group = [&](ChildOutcome::End why) {
    if (killed) return;
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    killed = true;
    outcome.end = why;
  };
  char buffer[65536];
  int open_fds = 2;
  while (open_fds > 0) {
    pollfd fds[2] = {{pipes.out[0], POLLIN, 0}, {pipes.err[0], POLLIN, 0}};
    int ready = poll(fds, 2, 200);
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2 && ready > 0; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n <= 0) {
        int& fd = i == 0 ? pipes.out[0] : pipes.err[0];
        close(fd);
        fd = -1;
        --open_fds;
        continue;
      }
      if (i == 1) {
        lines.Add(std::string_view(buffer, static_cast<size_t>(n)));
      } else if (outcome.stdout_text.size() + static_cast<size_t>(n) > run.max_stdout_bytes) {
        kill_group(ChildOutcome::End::kTooMuchOutput);
      } else {
        outcome.stdout_text.append(buffer, static_cast<size_t>(n));
      }
    }
    if (run.cancelled && run.cancelled()) kill_group(ChildOutcome::End::kCancelled);
    if (std::chrono::steady_clock::now() > deadline) kill_group(ChildOutcome::End::kTimedOut);
  }
  lines.Flush();
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  --live_children;
  if (killed) return outcome;
  if (WIFEXITED(status)) {
    outcome.end = ChildOutcome::End::kExited;
    outcome.exit_code = WEXITSTATUS(status);
  } else {
    outcome.end = ChildOutcome::End::kSignalled;
    outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  }
  return outcome;
}

}  // namespace lienthong
