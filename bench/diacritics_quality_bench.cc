// Quality of the diacritic restorer on documents it never saw in training: each document's
// diacritics are stripped (StripDiacritics), the text is restored, and every word (letter run)
// is compared with the original. Prints syllable accuracy per document, per set and overall,
// exact and with tone placement folded (hoà = hòa), as Markdown tables, then the most frequent
// confusions.
//
// Held-out sets (scripts/build-diacritics-model.sh keeps both out of training):
//  * corpus: every document of ../shared/corpus that still has its diacritics (read as the
//    importer reads it; the OCR'd files without them are skipped);
//  * admin-test: the `test` split of ../shared/textcorpus/admin-vi, minus documents that copy a
//    corpus document (so no text is counted twice).
// Names: the units of demo/provinces-2025.csv and demo/units-demo.csv are the gazetteer.
//
//   build/bench/diacritics_quality_bench [--shared DIR] [--model FILE] [--verbose]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "import/plain_text.h"
#include "import/readers.h"
#include "service/units/unit_name_hints.h"
#include "text/diacritics/lm_tokens.h"
#include "text/diacritics/restorer.h"
#include "text/diacritics/strip_diacritics.h"
#include "text/diacritics/training_filter.h"
#include "text/normalize.h"
#include "text/tone_style.h"
#include "util/utf8.h"

namespace fs = std::filesystem;
using namespace lienthong;
using namespace lienthong::diacritics;

namespace {

struct Document {
  std::string set, name, text;
};

struct Score {
  long words = 0, exact = 0, folded = 0;
  void Add(const Score& o) {
    words += o.words;
    exact += o.exact;
    folded += o.folded;
  }
};

using Confusions = std::map<std::string, int>;

// --show WORD: print where WORD was restored wrongly, with some context.
std::string g_show;
std::string g_document;  // the document being compared, for --show

std::string Around(std::u32string_view line, size_t begin, size_t end) {
  const size_t from = begin > 40 ? begin - 40 : 0;
  return Utf32ToUtf8(line.substr(from, std::min(line.size(), end + 40) - from));
}

// Compares the words of `gold` and `restored` (the same length in code points, since restoring
// only changes letters).
Score Compare(const std::string& gold, const std::string& restored, Confusions* confusions) {
  const std::u32string g = Utf8ToUtf32(gold), r = Utf8ToUtf32(restored);
  Score s;
  if (g.size() != r.size()) return s;
  std::vector<LmToken> tokens;
  size_t begin = 0;
  while (begin <= g.size()) {
    size_t end = g.find(U'\n', begin);
    if (end == std::u32string::npos) end = g.size();
    const std::u32string_view line = std::u32string_view(g).substr(begin, end - begin);
    tokens.clear();
    TokenizeLine(line, &tokens);
    for (const LmToken& t : tokens) {
      if (t.kind != LmTokenKind::kWord) continue;
      std::u32string want(line.substr(t.begin, t.end - t.begin));
      std::u32string got = r.substr(begin + t.begin, t.end - t.begin);
      ++s.words;
      if (want == got) {
        ++s.exact;
        ++s.folded;
        continue;
      }
      PlaceTones(&want, ToneStyle::kTraditional);
      PlaceTones(&got, ToneStyle::kTraditional);
      if (want == got) {
        ++s.folded;
        continue;
      }
      ++(*confusions)[Utf32ToUtf8(want) + " → " + Utf32ToUtf8(got)];
      if (!g_show.empty() && Utf32ToUtf8(line.substr(t.begin, t.end - t.begin)) == g_show) {
        std::fprintf(stderr, "%s: %s\n  → %s\n", g_document.c_str(), Around(line, t.begin, t.end).c_str(),
                     Around(std::u32string_view(r).substr(begin, line.size()), t.begin, t.end).c_str());
      }
    }
    begin = end + 1;
  }
  return s;
}

// At least a fifth of its words carry a diacritic: text that kept them.
bool HasDiacritics(const std::string& text) {
  const std::u32string t = Utf8ToUtf32(text);
  std::vector<LmToken> tokens;
  TokenizeLine(t, &tokens);
  long words = 0, marked = 0;
  for (const LmToken& token : tokens) {
    if (token.kind != LmTokenKind::kWord) continue;
    ++words;
    if (!token.plain) ++marked;
  }
  return words > 0 && marked * 5 >= words;
}

std::vector<Document> CorpusDocuments(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() != ".json" && e.path().filename() != "README.md") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  ReaderLimits limits;
  limits.max_ocr_pages = 0;  // a scan has no diacritics to compare with
  std::vector<Document> docs;
  for (const fs::path& f : files) {
    auto raw = ReadDocumentFile(f.string(), limits);
    const std::string text = raw.ok() ? ToNfc(PlainText(*raw)) : "";
    if (!HasDiacritics(text)) {
      std::cerr << "skipped (no diacritics to compare with): " << f.filename().string() << "\n";
      continue;
    }
    docs.push_back({"corpus", f.filename().string(), text});
  }
  return docs;
}

std::string Unpacked(const fs::path& xz) {
  std::string out;
  FILE* pipe = popen(("xz -dc '" + xz.string() + "'").c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

// The admin-vi documents of the `test` split, except copies of `corpus` documents.
std::vector<Document> AdminTestDocuments(const fs::path& textcorpus, const std::vector<Document>& corpus) {
  std::istringstream manifest(Unpacked(textcorpus / "admin-vi.manifest.tsv.xz"));
  std::vector<std::string> rows;
  std::string line;
  std::getline(manifest, line);
  while (std::getline(manifest, line)) rows.push_back(line);
  TrainingFilter corpus_text;
  for (const Document& d : corpus) corpus_text.AddHeldOut(d.text);
  std::istringstream text(Unpacked(textcorpus / "admin-vi.txt.xz"));
  std::vector<Document> docs;
  std::vector<std::string> paragraphs;
  size_t index = 0;
  auto finish = [&] {
    if (paragraphs.empty()) return;
    const std::string& row = index < rows.size() ? rows[index] : "";
    if (row.substr(row.rfind('\t') + 1) == "test" && !corpus_text.CopiesDocument(paragraphs)) {
      std::string joined;
      for (const std::string& p : paragraphs) joined += p + "\n";
      const std::string path = row.substr(0, row.find('\t'));
      docs.push_back({"admin-test", fs::path(path).filename().string(), ToNfc(joined)});
    }
    paragraphs.clear();
    ++index;
  };
  while (std::getline(text, line)) {
    if (line.empty()) {
      finish();
    } else {
      paragraphs.push_back(line);
    }
  }
  finish();
  return docs;
}

void PrintRow(const std::string& name, const Score& s) {
  std::printf("| %s | %ld | %.2f%% | %.2f%% |\n", name.c_str(), s.words,
              100.0 * static_cast<double>(s.exact) / static_cast<double>(std::max(s.words, 1L)),
              100.0 * static_cast<double>(s.folded) / static_cast<double>(std::max(s.words, 1L)));
}

// Restores every document with `options`; prints per-document rows when `rows` is set.
std::map<std::string, Score> Run(const DiacriticRestorer& restorer, const std::vector<Document>& docs,
                                 const RestoreOptions& options, bool rows, Confusions* confusions) {
  std::map<std::string, Score> per_set;
  for (const Document& d : docs) {
    auto restored = restorer.Restore(StripDiacritics(d.text), options);
    if (!restored.ok()) {
      std::cerr << d.name << ": " << restored.status().ToString() << "\n";
      continue;
    }
    g_document = d.name;
    const Score s = Compare(d.text, restored->text, confusions);
    if (rows) PrintRow(d.set + " " + d.name, s);
    per_set[d.set].Add(s);
    per_set["overall"].Add(s);
  }
  return per_set;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Syllable accuracy of the diacritic restorer on held-out documents"};
  std::string shared = std::string(LIENTHONG_SOURCE_DIR) + "/../shared", model_file;
  bool verbose = false;
  app.add_option("--shared", shared, "The shared folder (corpus/, textcorpus/)");
  app.add_option("--model", model_file, "A model file to score instead of the embedded one");
  app.add_flag("--verbose", verbose, "Print every confusion, not just the top 40");
  int beam = RestoreOptions{}.beam_size;
  app.add_option("--beam", beam, "Beam size")->capture_default_str();
  app.add_option("--show", g_show, "Print (on stderr) where this word was restored wrongly");
  CLI11_PARSE(app, argc, argv);
  if (!fs::exists(fs::path(shared) / "corpus") || !fs::exists(fs::path(shared) / "textcorpus")) {
    std::cout << "diacritics_quality_bench: " << shared << " has no corpus/ and textcorpus/; skipped\n";
    return 0;
  }
  std::string model_bytes;
  Result<DiacriticRestorer> restorer = Status::NotFound("no model");
  if (model_file.empty()) {
    auto embedded = DiacriticRestorer::Embedded();
    if (embedded.ok()) restorer = **embedded;
  } else {
    std::ifstream in(model_file, std::ios::binary);
    model_bytes.assign(std::istreambuf_iterator<char>(in), {});
    restorer = DiacriticRestorer::FromModelBytes(model_bytes);
  }
  if (!restorer.ok()) {
    std::cerr << restorer.status().ToString() << "\n";
    return 1;
  }
  diacritics::NameHints names;
  for (const char* file : {"demo/provinces-2025.csv", "demo/units-demo.csv"}) {
    auto hints = UnitNameHintsFromFile(std::string(LIENTHONG_SOURCE_DIR) + "/" + file);
    if (!hints.ok()) {
      std::cerr << hints.status().ToString() << "\n";
      return 1;
    }
    names.Merge(*hints);
  }
  std::vector<Document> docs = CorpusDocuments(fs::path(shared) / "corpus");
  std::vector<Document> admin = AdminTestDocuments(fs::path(shared) / "textcorpus", docs);
  docs.insert(docs.end(), admin.begin(), admin.end());

  RestoreOptions options;
  options.names = &names;
  options.confidence = false;
  options.beam_size = beam;
  Confusions confusions, ignored;
  std::printf("| document | words | accuracy | tone folded |\n|---|---:|---:|---:|\n");
  const auto full = Run(*restorer, docs, options, true, &confusions);
  std::printf("\n| set | words | accuracy | tone folded |\n|---|---:|---:|---:|\n");
  for (const char* set : {"corpus", "admin-test", "overall"}) {
    if (full.count(set)) PrintRow(set, full.at(set));
  }
  RestoreOptions no_cache = options, no_names = options;
  no_cache.document_cache = false;
  no_names.names = nullptr;
  RestoreOptions plain = no_cache;
  plain.names = nullptr;
  std::printf("\n| variant | corpus | admin-test | overall |\n|---|---:|---:|---:|\n");
  for (const auto& [label, variant] : {std::pair{"all rules", &options}, {"no document cache", &no_cache},
                                       {"no unit names", &no_names}, {"model only", &plain}}) {
    const auto scores = Run(*restorer, docs, *variant, false, &ignored);
    std::printf("| %s", label);
    for (const char* set : {"corpus", "admin-test", "overall"}) {
      const Score& s = scores.count(set) ? scores.at(set) : Score{};
      std::printf(" | %.2f%%", 100.0 * static_cast<double>(s.exact) / static_cast<double>(std::max(s.words, 1L)));
    }
    std::printf(" |\n");
  }
  std::vector<std::pair<int, std::string>> sorted;
  for (const auto& [pair, count] : confusions) sorted.emplace_back(count, pair);
  std::sort(sorted.rbegin(), sorted.rend());
  std::printf("\nMost frequent confusions (original → restored):\n");
  for (size_t i = 0; i < sorted.size() && (verbose || i < 40); ++i) {
    std::printf("%5d  %s\n", sorted[i].first, sorted[i].second.c_str());
  }
  return 0;
}
