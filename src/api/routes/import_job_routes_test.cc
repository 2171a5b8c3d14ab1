// Import jobs through the whole application (issue 13 workflow 9, issue 12 "Bounded work"): a job
// reports the page it reads, belongs to the account that started it, is cancelled by DELETE
// (with the CSRF token), and its result saves like a synchronous import's; a reading a limit
// stopped answers its own error code. The reader is a stand-in that follows the test's lead.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "api/application.h"
#include "api/testing/api_harness.h"

namespace lienthong::api {
namespace {

using nlohmann::json;

const std::string kMultipart = "multipart/form-data; boundary=b";

std::string Form(const std::string& name) {
  return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
         "\"\r\n\r\nỦY BAN NHÂN DÂN XÃ HÒA PHÚ\r\nSố: 12/KH-UBND\r\nKẾ HOẠCH\r\n"
         "Triển khai nhiệm vụ năm 2025\r\n1. Tuyên truyền trên loa truyền thanh\r\n--b--\r\n";
}

// "slow.pdf" reports page 3 of 12 in OCR and waits to be cancelled or released; "big.pdf" stops
// as over the memory limit; anything else is read in this process.
struct StandInReader {
  std::atomic<bool> release{false};
  IsolatedReading operator()(const std::string& bytes, const std::string& name,
                             const ReaderLimits& limits) {
    if (name == "big.pdf") {
      return {.reading = Status::TooLarge(name + ": reading needs more than the 256 MiB"),
              .stop = ReadStop::kMemory};
    }
    if (name == "slow.pdf") {
      limits.progress(ReadStage::kOcr, 3, 12);
      while (!release) {
        if (limits.cancelled()) {
          return {.reading = Status::Unavailable("stopped"), .stop = ReadStop::kCancelled};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
    return {.reading = ReadAndParseDocument(bytes, name == "slow.pdf" ? "slow.txt" : name, limits)};
  }
};

class ImportJobRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = ApiHarness::Create({}, [this](ApplicationOptions& options) {
      options.max_imports = 2;
      options.import_reader = [this](const std::string& b, const std::string& n,
                                     const ReaderLimits& l) { return reader_(b, n, l); };
    });
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    h_ = std::move(created).value();
    auto a = h_->SignIn("xa.a");
    auto b = h_->SignIn("xa.b");
    ASSERT_TRUE(a.ok() && b.ok());
    a_ = *a;
    b_ = *b;
  }

  // GET the job until `done` says so (the reader runs on its own thread).
  json Until(const std::string& job, const std::function<bool(const json&)>& done) {
    json last;
    for (int i = 0; i < 2000; ++i) {
      last = h_->Call("GET", job, "", &a_).json;
      if (done(last)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return last;
  }

  StandInReader reader_;
  std::unique_ptr<ApiHarness> h_;
  Session a_, b_;
};

TEST_F(ImportJobRoutesTest, AJobShowsItsPageIsItsStartersAndEndsWithThePreviewToSave) {
  ApiCall started = h_->Call("POST", "/api/v1/imports", Form("slow.pdf"), &a_, kMultipart);
  ASSERT_EQ(started.status, 202) << started.response.body;
  std::string job = "/api/v1/imports/" + started.json["id"].get<std::string>();
  json progress = Until(job, [](const json& j) { return j["page"] == 3; });
  EXPECT_EQ(progress["state"], "running");
  EXPECT_EQ(progress["stage"], "ocr");
  EXPECT_EQ(progress["pages"], 12);
  EXPECT_EQ(progress["name"], "slow.pdf");

  // Another account sees nothing and cancels nothing.
  EXPECT_EQ(h_->Call("GET", job, "", &b_).status, 404);
  EXPECT_EQ(h_->Call("DELETE", job, "", &b_).status, 404);
  Session no_csrf{a_.cookie, ""};
  EXPECT_EQ(h_->Call("DELETE", job, "", &no_csrf).status, 403);

  reader_.release = true;
  json done = Until(job, [](const json& j) { return j["state"] != "running"; });
  ASSERT_EQ(done["state"], "done") << done.dump();
  const json& result = done["result"];
  EXPECT_EQ(result["file"]["name"], "slow.pdf");
  ASSERT_EQ(result["documents"].size(), 1u);
  EXPECT_EQ(result["documents"][0]["number"], "12/KH-UBND");
  // Asked again: the same preview, the file held once.
  EXPECT_EQ(h_->Call("GET", job, "", &a_).json["result"]["upload"]["id"], result["upload"]["id"]);

  ApiCall saved = h_->Call("POST", "/api/v1/plans",
                           json{{"unit", "66001"},
                                {"document", result["documents"][0]},
                                {"upload_id", result["upload"]["id"]}}
                               .dump(),
                           &a_);
  EXPECT_EQ(saved.status, 201) << saved.response.body;
}

TEST_F(ImportJobRoutesTest, CancellingStopsTheReaderAndFreesItsSlot) {
  ApiCall first = h_->Call("POST", "/api/v1/imports", Form("slow.pdf"), &a_, kMultipart);
  ApiCall second = h_->Call("POST", "/api/v1/imports", Form("slow.pdf"), &a_, kMultipart);
  ASSERT_EQ(first.status, 202);
  ASSERT_EQ(second.status, 202);
  EXPECT_EQ(h_->Call("POST", "/api/v1/imports", Form("slow.pdf"), &a_, kMultipart).status, 503)
      << "two slots (--max-imports 2), both taken";
  std::string job = "/api/v1/imports/" + first.json["id"].get<std::string>();
  EXPECT_EQ(h_->Call("DELETE", job, "", &a_).status, 204);
  json cancelled = Until(job, [](const json& j) { return j["state"] != "running"; });
  EXPECT_EQ(cancelled["state"], "cancelled");
  EXPECT_EQ(cancelled["error"]["code"], "import_cancelled");
  EXPECT_EQ(h_->app().imports().running(), 1);
  EXPECT_EQ(h_->Call("POST", "/api/v1/imports", Form("k.txt"), &a_, kMultipart).status, 202)
      << "the slot is free again";
  // A cancelled job asked to cancel again is forgotten.
  EXPECT_EQ(h_->Call("DELETE", job, "", &a_).status, 204);
  EXPECT_EQ(h_->Call("GET", job, "", &a_).status, 404);
  reader_.release = true;
}

TEST_F(ImportJobRoutesTest, AReadingOverTheMemoryLimitHasItsOwnCode) {
  ApiCall sync = h_->Call("POST", "/api/v1/plans/import", Form("big.pdf"), &a_, kMultipart);
  EXPECT_EQ(sync.status, 413);
  EXPECT_EQ(sync.json["error"]["code"], "import_memory_limit");
  ApiCall started = h_->Call("POST", "/api/v1/imports", Form("big.pdf"), &a_, kMultipart);
  ASSERT_EQ(started.status, 202);
  json failed = Until("/api/v1/imports/" + started.json["id"].get<std::string>(),
                      [](const json& j) { return j["state"] != "running"; });
  EXPECT_EQ(failed["state"], "failed");
  EXPECT_EQ(failed["error"]["code"], "import_memory_limit");
  EXPECT_NE(failed["error"]["message"].get<std::string>().find("256 MiB"), std::string::npos);
}

TEST_F(ImportJobRoutesTest, ViewersCannotImport) {
  auto viewer = h_->SignIn("xa.a.viewer");
  ASSERT_TRUE(viewer.ok());
  EXPECT_EQ(h_->Call("POST", "/api/v1/imports", Form("k.txt"), &*viewer, kMultipart).status, 403);
}

}  // namespace
}  // namespace lienthong::api
