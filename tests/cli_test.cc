// End-to-end tests of the `lienthong` binary: exit codes, messages on stderr, and output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.h"
#include "import/testing/fixture_files.h"
#include "store/database.h"
#include "store/plan_store.h"
#include "util/sha256.h"

namespace {

namespace fs = std::filesystem;

using lienthong::CliRun;

CliRun Lienthong(const std::string& args) { return lienthong::RunLienthong(args); }

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lienthong-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = "--db sqlite:" + (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliTest, VersionAndHelp) {
  CliRun v = Lienthong("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("lienthong 0."), std::string::npos) << v.out;
  CliRun h = Lienthong("--help");
  EXPECT_EQ(h.exit_code, 0);
  for (const char* word : {"units", "db", "demo", "--db"}) {
    EXPECT_NE(h.out.find(word), std::string::npos) << word << " missing from:\n" << h.out;
  }
  CliRun uh = Lienthong("units merge --help");
  EXPECT_NE(uh.out.find("--into"), std::string::npos) << uh.out;
  EXPECT_NE(uh.out.find("--on"), std::string::npos) << uh.out;
}

TEST_F(CliTest, NoSubcommandIsAUsageError) {
  CliRun r = Lienthong("");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("subcommand"), std::string::npos) << r.out;
}

TEST_F(CliTest, CommandsRefuseAnUnmigratedDatabase) {
  CliRun r = Lienthong(db_ + " units tree");
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.out.find("lienthong db migrate"), std::string::npos) << r.out;
}

TEST_F(CliTest, UnknownDatabaseSchemeIsNamed) {
  CliRun r = Lienthong("--db mysql://x units tree");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("mysql"), std::string::npos) << r.out;
}

TEST_F(CliTest, GlobalOptionsGoBeforeOrAfterTheSubcommand) {
  ASSERT_EQ(Lienthong("db migrate " + db_).exit_code, 0);
  std::string csv = Write("units.csv", "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n");
  // What a new user types first: the database after the file.
  CliRun imp = Lienthong("units import " + csv + " " + db_ + " --log-level warn");
  ASSERT_EQ(imp.exit_code, 0) << imp.out;
  for (const std::string& args :
       {db_ + " units tree", "units " + db_ + " tree", "units tree " + db_ + " --root 66",
        "--log-level error units tree --root 66 " + db_}) {
    CliRun tree = Lienthong(args);
    EXPECT_EQ(tree.exit_code, 0) << args << "\n" << tree.out;
    EXPECT_NE(tree.out.find("66  Tỉnh Đắk Lắk  [province]"), std::string::npos) << args;
  }
  CliRun loud = Lienthong("units tree " + db_ + " --log-level loud");
  EXPECT_NE(loud.exit_code, 0);
  EXPECT_NE(loud.out.find("--log-level"), std::string::npos) << loud.out;
  // An option no command knows is still refused.
  CliRun unknown = Lienthong("units tree " + db_ + " --colour");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.out.find("--colour"), std::string::npos) << unknown.out;
}

TEST_F(CliTest, ImportTreeMergeRoundTrip) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  EXPECT_NE(Lienthong(db_ + " db migrate").out.find("schema is current"), std::string::npos);
  std::string csv = Write("units.csv",
                          "code,name,kind,parent_code\r\n"
                          "66,Tỉnh Đắk Lắk,province,VN\r\n"
                          "66001,Xã Ea Kar,commune,66\r\n"
                          "66002,Xã Dray Bhăng,commune,66\r\n");
  CliRun imp = Lienthong(db_ + " units import " + csv);
  ASSERT_EQ(imp.exit_code, 0) << imp.out;
  EXPECT_NE(imp.out.find("imported 3 units"), std::string::npos) << imp.out;

  CliRun tree = Lienthong(db_ + " units tree --root 66");
  ASSERT_EQ(tree.exit_code, 0) << tree.out;
  EXPECT_EQ(tree.out,
            "66  Tỉnh Đắk Lắk  [province]\n"
            "├── 66002  Xã Dray Bhăng  [commune]\n"
            "└── 66001  Xã Ea Kar  [commune]\n");

  CliRun merge = Lienthong(db_ + " units merge 66002 --into 66001 --on 2025-07-01");
  ASSERT_EQ(merge.exit_code, 0) << merge.out;
  CliRun json = Lienthong(db_ + " units tree --root 66 --format json --include-ended");
  EXPECT_NE(json.out.find("\"successor_code\": \"66001\""), std::string::npos) << json.out;
  CliRun bad_date = Lienthong(db_ + " units merge 66001 --into 66 --on 1/7/2025");
  EXPECT_EQ(bad_date.exit_code, 65);
  EXPECT_NE(bad_date.out.find("--on '1/7/2025' is not a date"), std::string::npos)
      << bad_date.out;
}

TEST_F(CliTest, BadFileNamesFileLineAndReasonAndWritesNothing) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  std::string csv = Write("bad.csv",
                          "code,name,kind,parent_code\n"
                          "66,Tỉnh Đắk Lắk,province,VN\n"
                          "66001,Xã Ea Kar,commune,99\n");
  CliRun r = Lienthong(db_ + " units import " + csv);
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.out.find("bad.csv:3: unknown parent code '99'"), std::string::npos) << r.out;
  CliRun tree = Lienthong(db_ + " units tree");
  EXPECT_EQ(tree.exit_code, 0);
  EXPECT_EQ(tree.out, "");
}

TEST_F(CliTest, NotUtf8NorLegacyIsRefused) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  std::string bytes = "code,name,kind,parent_code\nA,";
  for (int i = 0; i < 64; ++i) bytes.push_back(static_cast<char>(0x80 + (i * 37) % 128));
  bytes += ",other,\n";
  CliRun r = Lienthong(db_ + " units import " + Write("binary.csv", bytes));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("binary.csv"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("UTF-8"), std::string::npos) << r.out;
}

TEST_F(CliTest, ImportSaveStoresPlansOnceAndRefusesTheSameFileAgain) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  std::string file = std::string(LIENTHONG_TESTDATA) + "/import/text/state_plan_table.txt";
  CliRun first = Lienthong(db_ + " import --save --format text " + file);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("saved plan 1 ("), std::string::npos) << first.out;
  CliRun again = Lienthong(db_ + " import --save " + file);
  EXPECT_EQ(again.exit_code, 73) << again.out;
  EXPECT_NE(again.out.find("state_plan_table.txt: the same file was saved"), std::string::npos)
      << again.out;
  CliRun unknown_unit = Lienthong(db_ + " import --save --allow-duplicate --unit 99 " + file);
  EXPECT_EQ(unknown_unit.exit_code, 66) << unknown_unit.out;
  EXPECT_NE(unknown_unit.out.find("unknown unit code '99'"), std::string::npos) << unknown_unit.out;
  CliRun misuse = Lienthong("import --unit 66 " + file);
  EXPECT_EQ(misuse.exit_code, 65);
}

// The CLI saves through service/plans/plan_import.h as the web import does: the original bytes are
// kept under the file's name, and the same bytes under another name are refused.
TEST_F(CliTest, ImportSaveKeepsTheOriginalFileAndRefusesItsBytesUnderAnotherName) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  const std::string bytes = lienthong::testing::ReadImportFixture("text/state_plan_table.txt");
  std::string file = Write("ke-hoach.txt", bytes);
  CliRun saved = Lienthong(db_ + " import --save --format json " + file);
  ASSERT_EQ(saved.exit_code, 0) << saved.out;
  EXPECT_NE(saved.out.find("\"documents\""), std::string::npos) << saved.out;

  auto db = lienthong::OpenDatabase("sqlite:" + (dir_ / "t.db").string());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  lienthong::PlanStore plans(**db);
  auto stored = plans.FindSourceFile(lienthong::Sha256Hex(bytes));
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->name, "ke-hoach.txt");
  EXPECT_EQ(*plans.SourceFileContent((*stored)->id), bytes);

  CliRun renamed = Lienthong(db_ + " import --save " + Write("ban-sao.txt", bytes));
  EXPECT_EQ(renamed.exit_code, 73) << renamed.out;
  EXPECT_NE(renamed.out.find("ban-sao.txt: the same file was saved"), std::string::npos)
      << renamed.out;
  EXPECT_NE(renamed.out.find("as 'ke-hoach.txt'"), std::string::npos) << renamed.out;
}

TEST_F(CliTest, ImportNamesWhatIsWrongWithABrokenFile) {
  CliRun fake_docx = Lienthong("import " + Write("plan.docx", "this is not a zip"));
  EXPECT_EQ(fake_docx.exit_code, 65);
  EXPECT_NE(fake_docx.out.find("plan.docx: not a ZIP archive"), std::string::npos) << fake_docx.out;
  CliRun missing = Lienthong("import " + (dir_ / "nope.txt").string());
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.out.find("nope.txt"), std::string::npos) << missing.out;
  CliRun odd = Lienthong("import " + Write("plan.xyz", "x"));
  EXPECT_NE(odd.exit_code, 0);
  EXPECT_NE(odd.out.find("unsupported file type ('.xyz')"), std::string::npos) << odd.out;
}

TEST_F(CliTest, UsersAddReadsThePasswordFromStdinAndListsBySubtree) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  ASSERT_EQ(Lienthong(db_ + " units import " + std::string(LIENTHONG_TESTDATA) +
                      "/../../demo/provinces-2025.csv").exit_code, 0);
  std::string pw = Write("pw.txt", "một mật khẩu đủ dài\n");
  CliRun add = Lienthong(db_ + " users add lan.nt --unit 66 --role manager --password-stdin < " + pw);
  ASSERT_EQ(add.exit_code, 0) << add.out;
  EXPECT_EQ(add.out.find("mật khẩu"), std::string::npos);
  CliRun list = Lienthong(db_ + " users list --unit 66");
  EXPECT_EQ(list.out, "lan.nt\tmanager\t\n");
  EXPECT_EQ(Lienthong(db_ + " users list --unit 25").out, "");
  CliRun reset = Lienthong(db_ + " users reset-password lan.nt");
  ASSERT_EQ(reset.exit_code, 0) << reset.out;
  EXPECT_EQ(reset.out.size(), 17u) << reset.out;  // 16 characters and a line break
  ASSERT_EQ(Lienthong(db_ + " users disable LAN.NT").exit_code, 0);
  EXPECT_EQ(Lienthong(db_ + " users list --unit 66").out, "lan.nt\tmanager\t\t(disabled)\n");
  EXPECT_NE(Lienthong(db_ + " users enable nobody").exit_code, 0);
  std::string weak = Write("weak.txt", "short\n");
  CliRun refused = Lienthong(db_ + " users add an --unit 66 --password-stdin < " + weak);
  EXPECT_EQ(refused.exit_code, 65);
  CliRun no_flag = Lienthong(db_ + " users add binh.tv --unit 66");
  EXPECT_NE(no_flag.exit_code, 0);
  EXPECT_NE(no_flag.out.find("--password-stdin"), std::string::npos) << no_flag.out;
}

TEST_F(CliTest, AuditExportPrintsJsonLinesOfEveryChange) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  std::string csv = Write("u.csv", "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,\n"
                                   "66001,Xã Ea Kar,commune,66\n");
  ASSERT_EQ(Lienthong(db_ + " units import " + csv).exit_code, 0);
  CliRun all = Lienthong(db_ + " audit export");
  ASSERT_EQ(all.exit_code, 0) << all.out;
  EXPECT_NE(all.out.find("\"action\":\"create\",\"entity\":\"unit\",\"entity_id\":\"66001\""),
            std::string::npos) << all.out;
  EXPECT_NE(all.out.find("\"after\":{\"code\":\"66001\""), std::string::npos) << all.out;
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '{') -
                std::count(all.out.begin(), all.out.end(), '}'),
            0);
  EXPECT_NE(all.out.find("exported 2 audit rows"), std::string::npos) << all.out;
  EXPECT_NE(Lienthong(db_ + " audit export --since 2999-01-01").out.find("exported 0 audit rows"),
            std::string::npos);
}

TEST_F(CliTest, DemoGenerateFeedsImport) {
  ASSERT_EQ(Lienthong(db_ + " db migrate").exit_code, 0);
  std::string out = (dir_ / "gen.csv").string();
  CliRun gen = Lienthong("demo generate --provinces 2 --communes-per-province 3 -o " + out);
  ASSERT_EQ(gen.exit_code, 0) << gen.out;
  // 1 + 2 × (1 + 10 + 3 × (1 + 6 + 10))
  EXPECT_NE(gen.out.find("wrote 125 units"), std::string::npos) << gen.out;
  CliRun imp = Lienthong(db_ + " units import " + out);
  EXPECT_EQ(imp.exit_code, 0) << imp.out;
  EXPECT_NE(imp.out.find("imported 125 units"), std::string::npos) << imp.out;
}

TEST_F(CliTest, TextRestorePrintsTheTextWithItsDiacritics) {
  const std::string file = Write("plan.txt", "UBND TINH DAK LAK\nSo: 120/KH-UBND\nKe hoach trien khai "
                                             "chuyen doi so tai xa Ea Kar.\n");
  CliRun run = Lienthong("text restore " + file);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out, "UBND TỈNH ĐẮK LẮK\nSố: 120/KH-UBND\nKế hoạch triển khai chuyển đổi số tại "
                     "xã Ea Kar.\n");
  // Standard input, the modern tone style, and a units file as the gazetteer.
  const std::string units = Write("u.csv", "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,\n"
                                           "66001,Xã Hòa Phú,commune,66\n");
  CliRun piped = Lienthong("text restore - --tone-style modern --names " + units + " < " +
                           Write("in.txt", "xa Hoa Phu hoa binh"));
  ASSERT_EQ(piped.exit_code, 0) << piped.out;
  EXPECT_EQ(piped.out, "xã Hoà Phú hoà bình");
  // --ocr: words with marks the model never saw are read again from their letters.
  CliRun ocr = Lienthong("text restore --ocr " + Write("ocr.txt", "Tuyén truyén Ké hoạch"));
  ASSERT_EQ(ocr.exit_code, 0) << ocr.out;
  EXPECT_EQ(ocr.out, "Tuyên truyền Kế hoạch");
}

TEST_F(CliTest, TextRestoreJsonGivesEachWordItsConfidence) {
  CliRun run = Lienthong("text restore --format json " + Write("t.txt", "Ban chi dao tinh xyzq"));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("\"text\": \"Ban chỉ đạo tỉnh xyzq\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"confidence\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"source\": \"unknown\""), std::string::npos) << run.out;
}

TEST_F(CliTest, TextRestoreRefusesAMissingFile) {
  CliRun run = Lienthong("text restore " + (dir_ / "none.txt").string());
  EXPECT_EQ(run.exit_code, 74) << run.out;
  EXPECT_NE(run.out.find("cannot open"), std::string::npos) << run.out;
}

}  // namespace
