// Write load for backup tests: threads that each commit, again and again, one audit_log row and
// one login_failures row in one transaction, so in any consistent snapshot the two tables grow
// together (a torn backup shows as counts that differ). Part of lienthong_testing.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace lienthong {

class PairedWriters {
 public:
  // Starts `writers` threads on their own connections to `url`.
  PairedWriters(std::string url, int writers = 2);
  ~PairedWriters() { Stop(); }
  PairedWriters(const PairedWriters&) = delete;
  PairedWriters& operator=(const PairedWriters&) = delete;

  // Transactions committed so far.
  int64_t committed() const { return committed_; }
  // Waits until `n` more transactions than now have committed.
  void WaitForMore(int64_t n) const;
  // Stops the writers and waits for them; safe to call twice.
  void Stop();

 private:
  void Write(int writer);

  const std::string url_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> committed_{0};
  std::vector<std::thread> threads_;
};

}  // namespace lienthong
