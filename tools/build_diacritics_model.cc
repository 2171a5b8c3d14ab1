// build_diacritics_model: trains the diacritic restorer's model (src/text/diacritics/) from the
// shared text corpus. scripts/build-diacritics-model.sh runs it with the shipped parameters.
//
//   build_diacritics_model --admin admin-vi.txt --admin-manifest admin-vi.manifest.tsv
//                          --text legal-vi-2.txt --held-out ../shared/corpus
//                          -o data/diacritics-vi.model
//
// Documents are separated by empty lines. admin-vi documents match the manifest's rows in order;
// those whose split column says `test` are held out (the quality bench scores them). Every
// document of the --held-out folders (read as the importer reads them) is kept out too: training
// documents and paragraphs that copy them are dropped (text/diacritics/training_filter.h).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "import/plain_text.h"
#include "import/readers.h"
#include "text/diacritics/model_builder.h"
#include "text/diacritics/training_filter.h"

namespace {

namespace fs = std::filesystem;
using lienthong::diacritics::BuildOptions;
using lienthong::diacritics::ModelBuilder;
using lienthong::diacritics::TrainingFilter;

struct Tally {
  int documents = 0, test_split = 0, copies = 0;
  long paragraphs = 0, copied_paragraphs = 0;
};

// The split of each admin-vi document, from the manifest's last column.
bool ReadSplits(const std::string& path, std::vector<std::string>* splits) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty()) splits->push_back(line.substr(line.rfind('\t') + 1));
  }
  return true;
}

// Calls `document(paragraphs)` for each empty-line-separated document of `path`.
template <typename Fn>
bool ForEachDocument(const std::string& path, Fn document) {
  std::ifstream in(path);
  if (!in) return false;
  std::vector<std::string> paragraphs;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      paragraphs.push_back(line);
    } else if (!paragraphs.empty()) {
      document(paragraphs);
      paragraphs.clear();
    }
  }
  if (!paragraphs.empty()) document(paragraphs);
  return true;
}

void AddDocument(const std::vector<std::string>& paragraphs, const TrainingFilter& filter,
                 ModelBuilder* builder, Tally* tally) {
  if (filter.CopiesDocument(paragraphs)) {
    ++tally->copies;
    return;
  }
  for (const std::string& p : paragraphs) {
    ++tally->paragraphs;
    if (filter.CopiesParagraph(p)) {
      ++tally->copied_paragraphs;
    } else {
      builder->AddLine(p);
    }
  }
}

// Adds every document of the --held-out folders to `filter`.
bool AddHeldOut(const std::vector<std::string>& dirs, TrainingFilter* filter) {
  lienthong::ReaderLimits limits;
  limits.max_ocr_pages = 0;  // scanned pages have no text worth keeping out
  for (const std::string& dir : dirs) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && entry.path().extension() != ".json" && name != "README.md") {
        files.push_back(entry.path());
      }
    }
    if (files.empty()) {
      std::cerr << dir << ": no documents\n";
      return false;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      auto raw = lienthong::ReadDocumentFile(file.string(), limits);
      if (!raw.ok()) {
        std::cerr << "held out, unreadable without OCR (skipped): " << raw.status().ToString() << "\n";
        continue;
      }
      filter->AddHeldOut(lienthong::PlainText(*raw));
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the diacritic restorer's model from ../shared/textcorpus"};
  std::string admin, manifest, output;
  std::vector<std::string> texts, held_out_dirs;
  BuildOptions options;
  std::vector<uint32_t> min_counts;
  std::vector<double> thresholds;
  int admin_weight = 1;
  app.add_option("--admin", admin, "admin-vi.txt (unpacked)")->required();
  app.add_option("--admin-manifest", manifest, "admin-vi.manifest.tsv (unpacked)")->required();
  app.add_option("--admin-weight", admin_weight, "Times each admin-vi paragraph counts")
      ->check(CLI::Range(1, 10))->capture_default_str();
  app.add_option("--text", texts, "Further text, every document used (legal-vi-2.txt, unpacked)");
  app.add_option("--held-out", held_out_dirs, "Folders of evaluation documents to keep out");
  app.add_option("-o,--output", output, "Model file to write")->required();
  app.add_option("--order", options.estimate.order, "n-gram order")
      ->check(CLI::Range(2, 4))->capture_default_str();
  app.add_option("--min-count", min_counts, "Minimum count per order from 2 up (e.g. 1 2)");
  app.add_option("--prune", thresholds, "Weighted-difference threshold per order from 2 up");
  app.add_option("--min-word-count", options.min_word_count)->capture_default_str();
  app.add_option("--min-candidate-share", options.min_candidate_share)->capture_default_str();
  app.add_option("--table-load", options.ngram_table_load)->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  for (size_t i = 0; i < min_counts.size() && i + 2 <= 4; ++i) {
    options.estimate.min_count[i + 2] = min_counts[i];
  }
  for (size_t i = 0; i < thresholds.size() && i + 2 <= 4; ++i) {
    options.estimate.prune_threshold[i + 2] = thresholds[i];
  }

  TrainingFilter filter;
  if (!AddHeldOut(held_out_dirs, &filter)) return 1;
  std::vector<std::string> splits;
  if (!ReadSplits(manifest, &splits)) {
    std::cerr << "cannot read " << manifest << "\n";
    return 1;
  }
  ModelBuilder builder;
  Tally admin_tally;
  ForEachDocument(admin, [&](const std::vector<std::string>& paragraphs) {
    const size_t doc = static_cast<size_t>(admin_tally.documents++);
    if (doc < splits.size() && splits[doc] == "test") {
      ++admin_tally.test_split;
      return;
    }
    for (int w = 0; w < admin_weight; ++w) AddDocument(paragraphs, filter, &builder, &admin_tally);
  });
  if (static_cast<size_t>(admin_tally.documents) != splits.size()) {
    std::cerr << admin << ": " << admin_tally.documents << " documents but the manifest lists "
              << splits.size() << "\n";
    return 1;
  }
  Tally text_tally;
  for (const std::string& path : texts) {
    if (!ForEachDocument(path, [&](const std::vector<std::string>& paragraphs) {
          ++text_tally.documents;
          AddDocument(paragraphs, filter, &builder, &text_tally);
        })) {
      std::cerr << "cannot read " << path << "\n";
      return 1;
    }
  }
  std::cerr << "held-out shingles " << filter.held_out_shingles() << "\n"
            << "admin-vi: " << admin_tally.documents << " documents, " << admin_tally.test_split
            << " test split, " << admin_tally.copies / admin_weight << " copying held-out documents, "
            << admin_tally.copied_paragraphs / admin_weight << " paragraphs copying held-out text\n"
            << "text: " << text_tally.documents << " documents, " << text_tally.copies
            << " copying held-out documents, " << text_tally.copied_paragraphs << " of "
            << text_tally.paragraphs << " paragraphs copying held-out text\n";
  std::string report;
  const std::string bytes = builder.Build(options, &report);
  std::cerr << report;
  std::ofstream out(output, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "cannot write " << output << "\n";
    return 1;
  }
  return 0;
}
