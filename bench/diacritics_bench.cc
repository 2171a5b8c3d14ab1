// Speed of the diacritic restorer: syllables (words) restored per second on one core, for the
// default options (two passes with the document cache, confidences) and cheaper variants; the
// time to open the embedded model; and `lienthong text restore` on a short text as a whole
// process (start, load, restore, print).
//
// Input: the demo plans (demo/plans/*.txt), diacritics stripped, repeated to about 20,000 words,
// restored as one document.
//
//   build/bench/diacritics_bench [--benchmark_filter=…]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "process_timer.h"
#include "text/diacritics/embedded_model.h"
#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/restorer.h"
#include "text/diacritics/strip_diacritics.h"
#include "util/utf8.h"

namespace fs = std::filesystem;
using namespace lienthong;

namespace {

std::string DemoText() {
  std::string plans;
  for (const auto& entry : fs::directory_iterator(fs::path(LIENTHONG_SOURCE_DIR) / "demo/plans")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    plans += s.str() + "\n";
  }
  std::string text;
  while (text.size() < 120000) text += plans;
  return diacritics::StripDiacritics(text);
}

size_t CountWords(const std::string& text) {
  const std::u32string t = Utf8ToUtf32(text);
  std::vector<diacritics::LmToken> tokens;
  diacritics::TokenizeLine(t, &tokens);
  size_t words = 0;
  for (const auto& token : tokens) words += token.kind == diacritics::LmTokenKind::kWord;
  return words;
}

void Restore(benchmark::State& state, RestoreOptions options) {
  static const std::string text = DemoText();
  static const size_t words = CountWords(text);
  auto restorer = DiacriticRestorer::Embedded();
  if (!restorer.ok()) {
    state.SkipWithError(restorer.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    auto result = (*restorer)->Restore(text, options);
    benchmark::DoNotOptimize(result);
  }
  state.counters["syllables/s"] =
      benchmark::Counter(static_cast<double>(words) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["words"] = static_cast<double>(words);
}

void BM_RestoreDefault(benchmark::State& state) { Restore(state, RestoreOptions{}); }

void BM_RestoreNoConfidence(benchmark::State& state) {
  RestoreOptions options;
  options.confidence = false;
  Restore(state, options);
}

void BM_RestoreOnePass(benchmark::State& state) {
  RestoreOptions options;
  options.confidence = false;
  options.document_cache = false;
  Restore(state, options);
}

// Opening the embedded model: checking its header and tables (the bytes are in the binary).
void BM_OpenEmbeddedModel(benchmark::State& state) {
  const std::string_view bytes = diacritics::EmbeddedModelBytes();
  for (auto _ : state) {
    auto restorer = DiacriticRestorer::FromModelBytes(bytes);
    benchmark::DoNotOptimize(restorer);
  }
  state.counters["model_bytes"] = static_cast<double>(bytes.size());
}

// The whole command on a one-line text: process start, model open, first restore (every model
// page it touches comes from disk or the page cache), output.
void BM_CliRestoreShortText(benchmark::State& state) {
  const fs::path file = fs::temp_directory_path() / ("lienthong-restore-bench-" + std::to_string(getpid()) + ".txt");
  std::ofstream(file) << "UBND tinh Dak Lak ban hanh Ke hoach trien khai chuyen doi so nam 2026\n";
  const std::vector<std::string> argv = {LIENTHONG_BINARY, "text", "restore", file.string()};
  for (auto _ : state) {
    const double seconds = bench::TimeCommandOnce(argv);
    if (seconds < 0) {
      state.SkipWithError("lienthong text restore failed");
      break;
    }
    state.SetIterationTime(seconds);
  }
  fs::remove(file);
}

}  // namespace

BENCHMARK(BM_RestoreDefault)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_RestoreNoConfidence)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_RestoreOnePass)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_OpenEmbeddedModel)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CliRestoreShortText)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

BENCHMARK_MAIN();
