// Import jobs (issues 12 and 13): reading an uploaded plan document as work of its own, apart
// from the HTTP workers. A job reads its file in a child process (import/isolated_reader.h) on a
// thread of its own; at most `max_running` jobs run at once and a job over that is refused at
// once (kUnavailable → 503), never queued. While it runs, a job tells which page it is on
// (reading, or OCR), and the account that started it may cancel it, which kills the child. A
// job that has read its file holds the upload in the store (as PreviewPlanImport does) on the
// first Get after, with the caller's connection, and keeps the preview until it expires; a running job whose starter stops asking about it is cancelled.
//
// Jobs live in this process's memory: a job's progress is only known to the `serve` that runs
// it (docs/operations.md, several processes behind one proxy need sticky routing for
// /api/v1/imports). The held upload and the saved plans are in the store as always.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "import/isolated_reader.h"
#include "service/plans/plan_import.h"

namespace lienthong {

struct ImportJobSettings {
  // The lienthong binary that reads documents in a child; "" reads in this process (tests).
  std::string reader_executable;
  int memory_mb = 1024;   // each child's address space (--import-memory-mb)
  int max_running = 1;    // jobs reading at once (--max-imports)
  int max_held = 64;      // jobs kept, finished ones included; past it the oldest finished go
  ReaderLimits limits;    // pages, OCR pages, CPU and wall seconds (cancelled/progress: set here)
  // A job nobody asked about for this long is cancelled; a finished one is forgotten.
  std::chrono::seconds abandoned_after{60};
  std::chrono::seconds finished_kept{15 * 60};
  // Tests: reads instead of the child process (or in-process reading); limits as set here.
  std::function<IsolatedReading(const std::string& bytes, const std::string& name,
                                const ReaderLimits& limits)>
      reader;
};

enum class ImportJobState { kRunning, kDone, kFailed, kCancelled };

struct ImportJobView {
  std::string id;
  std::string name;  // the file's
  ImportJobState state = ImportJobState::kRunning;
  ReadStage stage = ReadStage::kReading;
  int page = 0;   // 0 until the reader reports pages
  int pages = 0;
  std::optional<PlanImportPreview> preview;  // kDone
  Status error;                              // kFailed, kCancelled
  ReadStop stop = ReadStop::kNone;           // why it failed, when a limit stopped it
};

class ImportJobs {
 public:
  explicit ImportJobs(ImportJobSettings settings);
  // Cancels every running job and waits for its thread.
  ~ImportJobs();
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  // Starts reading `bytes` for `owner_user_id`; the job's id. kUnavailable when max_running jobs
  // run already.
  Result<std::string> Start(int64_t owner_user_id, std::string name, std::string bytes);
  // The job as it is now; kNotFound for an unknown, expired or another account's job. Holds the
  // upload in `db` once the file is read (the job is kDone from then on).
  Result<ImportJobView> Get(Database& db, const std::string& id, int64_t owner_user_id);
  // Stops a running job (its child is killed); a finished one is forgotten. kNotFound as Get.
  Status Cancel(const std::string& id, int64_t owner_user_id);
  // Start, then wait for the end and hold the upload in `db`; `cancelled` (the client went
  // away) cancels the job.
  Result<ImportJobView> Run(Database& db, int64_t owner_user_id, std::string name,
                            std::string bytes, const std::function<bool()>& cancelled);

  int running() const;
  int max_running() const { return settings_.max_running; }

 private:
  struct Job;
  void Read(Job& job);
  void Forget();  // expired and surplus jobs; mutex_ held
  int Reading() const;  // jobs whose file is being read; mutex_ held
  // Holds the read file of `job` in `db` and records the outcome; mutex_ held on entry and exit.
  void Hold(Database& db, Job& job, std::unique_lock<std::mutex>& lock);
  static ImportJobView View(const Job& job);

  const ImportJobSettings settings_;
  mutable std::mutex mutex_;
  std::condition_variable finished_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
};

}  // namespace lienthong
