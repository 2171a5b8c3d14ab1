#include "http/metrics.h"

#include <cstdio>
#include <tuple>

namespace lienthong::http {
namespace {

// A label value as the exposition format wants it: backslash, quote and newline escaped.
std::string Label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

}  // namespace

Metrics::Metrics()
    : bounds_{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300} {
  AddCounterHelp("lienthong_database_errors_total",
                 "Requests answered with an error because the database failed or was unreachable");
}

void Metrics::RecordRequest(std::string_view route, std::string_view method, int status,
                            double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{std::string(route), std::string(method), status}];
  Histogram& h = latency_[std::string(route)];
  if (h.buckets.empty()) h.buckets.assign(bounds_.size(), 0);
  for (size_t i = 0; i < bounds_.size(); ++i) {
    if (seconds <= bounds_[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::Count(const std::string& counter, int64_t by) {
  std::lock_guard lock(mu_);
  counters_[counter] += by;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_[std::move(name)] = Gauge{std::move(help), std::move(read)};
}

void Metrics::AddCounterHelp(std::string name, std::string help) {
  std::lock_guard lock(mu_);
  counters_.emplace(name, 0);
  counter_help_[std::move(name)] = std::move(help);
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP lienthong_http_requests_total HTTP requests answered, by route and status\n";
  out += "# TYPE lienthong_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += "lienthong_http_requests_total{route=\"" + Label(route) + "\",method=\"" +
           Label(method) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(count) + "\n";
  }
  out += "# HELP lienthong_http_request_duration_seconds Time to answer a request, by route\n";
  out += "# TYPE lienthong_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    std::string name = "lienthong_http_request_duration_seconds";
    std::string labels = "route=\"" + Label(route) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < bounds_.size(); ++i) {
      cumulative += h.buckets[i];
      out += name + "_bucket{" + labels + ",le=\"" + Number(bounds_[i]) + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
    out += name + "_sum{" + labels + "} " + Number(h.sum) + "\n";
    out += name + "_count{" + labels + "} " + std::to_string(h.count) + "\n";
  }
  for (const auto& [name, value] : counters_) {
    auto help = counter_help_.find(name);
    if (help != counter_help_.end()) out += "# HELP " + name + " " + help->second + "\n";
    out += "# TYPE " + name + " counter\n" + name + " " + std::to_string(value) + "\n";
  }
  for (const auto& [name, gauge] : gauges_) {
    out += "# HELP " + name + " " + gauge.help + "\n# TYPE " + name + " gauge\n";
    out += name + " " + Number(gauge.read()) + "\n";
  }
  return out;
}

}  // namespace lienthong::http
