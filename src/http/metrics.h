// Metrics: counters, a latency histogram and gauges in the Prometheus text format (version
// 0.0.4) for GET /metrics. Requests are labelled by route pattern ("/api/v1/plans/{id}"), never
// by raw path, so the number of series stays bounded whatever clients send. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lienthong::http {

class Metrics {
 public:
  Metrics();

  void RecordRequest(std::string_view route, std::string_view method, int status, double seconds);
  // A backend failure (store error, unreachable database) while answering a request.
  void CountDatabaseError() { Count("lienthong_database_errors_total"); }
  void Count(const std::string& counter, int64_t by = 1);
  // A value read at every render (queue depths, imports in flight). `name` must be new.
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  void AddCounterHelp(std::string name, std::string help);

  // The whole exposition, `# HELP` and `# TYPE` lines included.
  std::string Render() const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative at render time, per bound here
    uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string help;
    std::function<double()> read;
  };

  mutable std::mutex mu_;
  std::vector<double> bounds_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // route, method, status
  std::map<std::string, Histogram> latency_;                                // by route
  std::map<std::string, int64_t> counters_;
  std::map<std::string, std::string> counter_help_;
  std::map<std::string, Gauge> gauges_;
};

}  // namespace lienthong::http
