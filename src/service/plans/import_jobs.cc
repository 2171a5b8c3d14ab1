#include "service/plans/import_jobs.h"

#include <algorithm>
#include <atomic>
#include <vector>

#include "util/random_hex.h"

namespace lienthong {

using Clock = std::chrono::steady_clock;

struct ImportJobs::Job {
  std::string id;
  int64_t owner = 0;
  std::string name;
  std::string bytes;  // released once held
  bool watched = false;  // started by Start(): abandoned when nobody asks about it
  std::atomic<bool> cancel{false};
  Clock::time_point last_seen = Clock::now();
  Clock::time_point finished_at;  // read (or failed)
  ImportJobState state = ImportJobState::kRunning;
  ReadStage stage = ReadStage::kReading;
  int page = 0, pages = 0;
  std::optional<DocumentReading> reading;  // read, not yet held
  bool holding = false;                    // a Get is holding it now
  std::optional<PlanImportPreview> preview;
  Status error;
  ReadStop stop = ReadStop::kNone;
  std::thread thread;
};

ImportJobs::ImportJobs(ImportJobSettings settings) : settings_(std::move(settings)) {}

ImportJobs::~ImportJobs() {
  std::vector<std::shared_ptr<Job>> all;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, job] : jobs_) {
      job->cancel = true;
      all.push_back(job);
    }
  }
  for (auto& job : all) {
    if (job->thread.joinable()) job->thread.join();
  }
}

int ImportJobs::Reading() const {
  int n = 0;
  for (const auto& [id, job] : jobs_) {
    n += job->state == ImportJobState::kRunning && !job->reading && !job->holding;
  }
  return n;
}

int ImportJobs::running() const {
  std::lock_guard lock(mutex_);
  return Reading();
}

Result<std::string> ImportJobs::Start(int64_t owner_user_id, std::string name,
                                      std::string bytes) {
  std::lock_guard lock(mutex_);
  Forget();
  if (Reading() >= settings_.max_running) {
    return Status::Unavailable(std::to_string(settings_.max_running) +
                               " documents are being read already; try again in a minute");
  }
  auto job = std::make_shared<Job>();
  job->id = RandomHex(16);
  job->owner = owner_user_id;
  job->name = std::move(name);
  job->bytes = std::move(bytes);
  job->watched = true;
  jobs_[job->id] = job;
  job->thread = std::thread([this, job] { Read(*job); });
  return job->id;
}

void ImportJobs::Read(Job& job) {
  ReaderLimits limits = settings_.limits;
  limits.cancelled = [this, &job] {
    if (job.cancel) return true;
    std::lock_guard lock(mutex_);
    return job.watched && Clock::now() - job.last_seen > settings_.abandoned_after;
  };
  limits.progress = [this, &job](ReadStage stage, int page, int pages) {
    std::lock_guard lock(mutex_);
    job.stage = stage;
    job.page = page;
    job.pages = pages;
  };
  IsolatedReading read;
  if (settings_.reader) {
    read = settings_.reader(job.bytes, job.name, limits);
  } else if (settings_.reader_executable.empty()) {
    read.reading = ReadAndParseDocument(job.bytes, job.name, limits);
    if (!read.reading.ok() && limits.cancelled()) read.stop = ReadStop::kCancelled;
  } else {
    read = ReadDocumentIsolated(job.bytes, job.name,
                                {.executable = settings_.reader_executable,
                                 .memory_mb = settings_.memory_mb,
                                 .limits = limits});
  }
  std::lock_guard lock(mutex_);
  job.finished_at = Clock::now();
  job.stop = read.stop;
  if (read.reading.ok()) {
    job.reading = std::move(*read.reading);
  } else {
    job.state = read.stop == ReadStop::kCancelled ? ImportJobState::kCancelled
                                                  : ImportJobState::kFailed;
    job.error = read.reading.status();
    job.bytes = {};
  }
  finished_.notify_all();
}

void ImportJobs::Hold(Database& db, Job& job, std::unique_lock<std::mutex>& lock) {
  job.holding = true;
  DocumentReading reading = std::move(*job.reading);
  job.reading.reset();
  lock.unlock();  // the store's work without blocking the other jobs
  Result<PlanImportPreview> preview =
      HoldImportPreview(db, job.name, job.bytes, job.owner, std::move(reading));
  lock.lock();
  job.holding = false;
  job.bytes = {};
  if (preview.ok()) {
    job.state = ImportJobState::kDone;
    job.preview = std::move(*preview);
  } else {
    job.state = ImportJobState::kFailed;
    job.error = preview.status();
  }
  finished_.notify_all();
}

void ImportJobs::Forget() {
  const auto now = Clock::now();
  auto finished = [](const Job& job) {
    return job.state != ImportJobState::kRunning || job.reading.has_value();
  };
  std::vector<std::shared_ptr<Job>> kept;  // finished ones, oldest first
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    Job& job = *it->second;
    if (finished(job) && !job.holding && now - job.finished_at > settings_.finished_kept) {
      if (job.thread.joinable()) job.thread.join();
      it = jobs_.erase(it);
      continue;
    }
    if (finished(job) && !job.holding) kept.push_back(it->second);
    ++it;
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a->finished_at < b->finished_at; });
  for (size_t i = 0; jobs_.size() > static_cast<size_t>(settings_.max_held) && i < kept.size();
       ++i) {
    if (kept[i]->thread.joinable()) kept[i]->thread.join();
    jobs_.erase(kept[i]->id);
  }
}

ImportJobView ImportJobs::View(const Job& job) {
  return ImportJobView{.id = job.id,
                       .name = job.name,
                       .state = job.state,
                       .stage = job.stage,
                       .page = job.page,
                       .pages = job.pages,
                       .preview = job.preview,
                       .error = job.error,
                       .stop = job.stop};
}

Result<ImportJobView> ImportJobs::Get(Database& db, const std::string& id,
                                      int64_t owner_user_id) {
  std::unique_lock lock(mutex_);
  Forget();
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->owner != owner_user_id) {
    return Status::NotFound("import " + id.substr(0, 40) + " is unknown or expired");
  }
  std::shared_ptr<Job> job = it->second;
  job->last_seen = Clock::now();
  if (job->reading && !job->holding) Hold(db, *job, lock);
  return View(*job);
}

Status ImportJobs::Cancel(const std::string& id, int64_t owner_user_id) {
  std::shared_ptr<Job> job;
  {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second->owner != owner_user_id) {
      return Status::NotFound("import " + id.substr(0, 40) + " is unknown or expired");
    }
    job = it->second;
    job->cancel = true;
    if (job->state == ImportJobState::kRunning && !job->reading) return Status::Ok();
    if (job->holding) return Status::Ok();
    jobs_.erase(it);  // read or finished: forgotten (a held upload expires by itself)
  }
  if (job->thread.joinable()) job->thread.join();
  return Status::Ok();
}

Result<ImportJobView> ImportJobs::Run(Database& db, int64_t owner_user_id, std::string name,
                                      std::string bytes, const std::function<bool()>& cancelled) {
  LT_ASSIGN_OR_RETURN(std::string id, Start(owner_user_id, std::move(name), std::move(bytes)));
  std::unique_lock lock(mutex_);
  std::shared_ptr<Job> job = jobs_[id];
  job->watched = false;  // this caller waits; `cancelled` says when it stops waiting
  while (job->state == ImportJobState::kRunning && !job->reading) {
    if (cancelled && cancelled()) job->cancel = true;
    finished_.wait_for(lock, std::chrono::milliseconds(200));
  }
  if (job->reading) Hold(db, *job, lock);
  jobs_.erase(id);
  lock.unlock();
  if (job->thread.joinable()) job->thread.join();
  return View(*job);
}

}  // namespace lienthong
