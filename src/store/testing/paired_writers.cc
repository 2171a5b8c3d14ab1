#include "store/testing/paired_writers.h"

#include "store/database.h"
#include "util/iso_time.h"

namespace lienthong {

PairedWriters::PairedWriters(std::string url, int writers) : url_(std::move(url)) {
  for (int w = 0; w < writers; ++w) threads_.emplace_back([this, w] { Write(w); });
}

void PairedWriters::WaitForMore(int64_t n) const {
  const int64_t target = committed_ + n;
  while (committed_ < target) std::this_thread::yield();
}

void PairedWriters::Stop() {
  stop_ = true;
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void PairedWriters::Write(int writer) {
  auto db = OpenDatabase(url_);
  if (!db.ok()) return;
  for (int i = 0; !stop_; ++i) {
    auto tx = Transaction::Start(**db);
    if (!tx.ok()) continue;
    const std::string key = "w" + std::to_string(writer) + "-" + std::to_string(i);
    const bool ok = (*db)->Execute("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                                   {key, NowIsoUtc()}).ok() &&
                    (*db)->Execute("INSERT INTO audit_log (at, actor, action, entity, entity_id) "
                                   "VALUES (?, 'test', 'write', 'load', ?)",
                                   {NowIsoUtc(), key}).ok() &&
                    (*tx)->Commit().ok();
    if (ok) ++committed_;
  }
}

}  // namespace lienthong
