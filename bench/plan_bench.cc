// Plan routes end to end, through the API application on a fresh SQLite file (api/testing
// ApiHarness: VN → province 66 → two communes; a province manager signed in): read a plan file
// for review (POST /plans/import), save a reviewed plan of N tasks (POST /plans), save its
// unchanged document again (PATCH /plans/{id}), read it (GET /plans/{id}), derive a commune's
// draft (POST /plans/{id}/derive) and read the coverage matrix (GET /plans/{id}/coverage).
// Prints the median and p99 of each in ms. The routes' wire JSON is stable, so the same program
// measures before and after a change of the layers underneath.
//
//   build/bench/plan_bench [--tasks N] [--reps R]      (defaults: 200 tasks, 30 repetitions)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/testing/api_harness.h"

namespace {

using nlohmann::json;
using namespace lienthong;
using namespace lienthong::api;

struct Timing {
  double median_ms = 0;
  double p99_ms = 0;
};

// Runs `prepare` untimed and then `fn` timed, `reps` times after one warm-up round.
Timing Time(int reps, const std::function<void()>& prepare, const std::function<void()>& fn) {
  std::vector<double> ms;
  for (int i = 0; i <= reps; ++i) {
    prepare();
    auto start = std::chrono::steady_clock::now();
    fn();
    double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                               start).count();
    if (i > 0) ms.push_back(elapsed);
  }
  std::sort(ms.begin(), ms.end());
  size_t p99 = std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.99));
  return {ms[ms.size() / 2], ms[p99]};
}

void Expect(const ApiCall& call, int status, const char* what) {
  if (call.status == status) return;
  std::cerr << what << ": answered " << call.status << " " << call.response.body << "\n";
  std::exit(1);
}

// A province plan whose tasks fall to the communes ("UBND các xã, phường").
json ProvincePlan(int tasks) {
  json doc = {{"doc_type", "Kế hoạch"},
              {"number", "13/KH-UBND"},
              {"issuer", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"},
              {"place", "Đắk Lắk"},
              {"date", "2025-09-01"},
              {"title", "Tuyên truyền chuyển đổi số trên địa bàn tỉnh năm 2025"},
              {"legal_bases", {"02-KH/BCĐTW", "45/2025/NĐ-CP"}},
              {"sections", {"MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"}},
              {"themes",
               {{{"label", "1"}, {"title", "Tuyên truyền về chuyển đổi số và kinh tế số"}},
                {{"label", "2"}, {"title", "Phổ biến kỹ năng số cho người dân"}}}},
              {"recipients", {"UBND các xã, phường", "Lưu: VT"}},
              {"tasks", json::array()}};
  const char* deadlines[] = {"Quý IV/2025", "trước ngày 30/9/2025", "Thường xuyên",
                             "định kỳ hằng quý"};
  for (int i = 0; i < tasks; ++i) {
    doc["tasks"].push_back({{"group", "NHÓM " + std::to_string(i / 20 + 1)},
                            {"text", "Tuyên truyền chuyển đổi số nội dung số " +
                                         std::to_string(i + 1) + " trên hệ thống truyền thanh"},
                            {"lead", {i % 2 ? "UBND các xã, phường" : "Sở Văn hóa"}},
                            {"coordinators", {"Các thôn, buôn"}},
                            {"deadline", deadlines[i % 4]}});
  }
  return doc;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  int tasks = 200, reps = 30;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--tasks") tasks = std::atoi(argv[i + 1]);
    if (flag == "--reps") reps = std::atoi(argv[i + 1]);
  }
  spdlog::set_level(spdlog::level::warn);  // one request log line per call otherwise
  auto harness = ApiHarness::Create();
  if (!harness.ok()) {
    std::cerr << harness.status().ToString() << "\n";
    return 1;
  }
  ApiHarness& h = **harness;
  auto session = h.SignIn("prov");
  if (!session.ok()) {
    std::cerr << session.status().ToString() << "\n";
    return 1;
  }
  const Session* s = &*session;
  const std::string doc = json{{"unit", "66"}, {"document", ProvincePlan(tasks)}}.dump();
  const std::string patch = json{{"document", ProvincePlan(tasks)}}.dump();

  const std::string fixture = ReadFile(std::string(LIENTHONG_SOURCE_DIR) +
                                       "/tests/testdata/import/text/state_plan_table.txt");
  const std::string boundary = "lienthongbench";
  const std::string upload = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"file\"; "
                             "filename=\"state_plan_table.txt\"\r\nContent-Type: text/plain\r\n\r\n" +
                             fixture + "\r\n--" + boundary + "--\r\n";

  int64_t plan = 0;
  std::vector<int64_t> parents;
  auto save = [&] {
    ApiCall c = h.Call("POST", "/api/v1/plans", doc, s);
    Expect(c, 201, "save");
    plan = c.json["id"].get<int64_t>();
  };
  auto nothing = [] {};
  struct Row {
    const char* name;
    Timing t;
  };
  std::vector<Row> rows;
  rows.push_back({"import preview (fixture)", Time(reps, nothing, [&] {
                    Expect(h.Call("POST", "/api/v1/plans/import", upload, s,
                                  "multipart/form-data; boundary=" + boundary),
                           200, "import");
                  })});
  rows.push_back({"save plan", Time(reps, nothing, save)});
  const std::string target = "/api/v1/plans/" + std::to_string(plan);
  rows.push_back({"save unchanged document", Time(reps, nothing, [&] {
                    Expect(h.Call("PATCH", target, patch, s), 200, "patch");
                  })});
  rows.push_back({"read plan", Time(reps, nothing, [&] {
                    Expect(h.Call("GET", target, "", s), 200, "get");
                  })});
  rows.push_back({"derive commune draft", Time(reps, save, [&] {
                    Expect(h.Call("POST", "/api/v1/plans/" + std::to_string(plan) + "/derive",
                                  R"({"unit": "66001"})", s),
                           201, "derive");
                  })});
  rows.push_back({"coverage", Time(reps, nothing, [&] {
                    Expect(h.Call("GET", "/api/v1/plans/" + std::to_string(plan) + "/coverage",
                                  "", s),
                           200, "coverage");
                  })});
  std::printf("plan routes, SQLite, %d tasks per plan, %d repetitions (ms)\n", tasks, reps);
  std::printf("  %-28s %10s %10s\n", "operation", "median", "p99");
  for (const Row& r : rows) std::printf("  %-28s %10.2f %10.2f\n", r.name, r.t.median_ms, r.t.p99_ms);
  return 0;
}
