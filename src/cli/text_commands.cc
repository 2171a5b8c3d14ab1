// lienthong text restore [FILE|-] [--tone-style traditional|modern] [--names UNITS_FILE] [--ocr]
//                        [--format text|json]
// prints FILE (or standard input) with its lost diacritics restored (text/diacritics/restorer.h).
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "service/units/unit_name_hints.h"
#include "text/diacritics/restorer.h"

namespace lienthong {
namespace {

// The whole of FILE ("-": standard input), refused above kMaxRestoreBytes before it is all read.
Result<std::string> ReadInput(const std::string& file) {
  std::ifstream opened;
  if (file != "-") {
    opened.open(file, std::ios::binary);
    if (!opened) return Status::IoError(file + ": cannot open");
  }
  std::istream& in = file == "-" ? std::cin : opened;
  std::string bytes;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof(chunk)) || in.gcount() > 0) {
    bytes.append(chunk, static_cast<size_t>(in.gcount()));
    if (bytes.size() > kMaxRestoreBytes) {
      return Status::TooLarge(file + ": over " + std::to_string(kMaxRestoreBytes) + " bytes");
    }
  }
  if (in.bad()) return Status::IoError(file + ": read error");
  return bytes;
}

nlohmann::json ToJson(const RestoreResult& result) {
  nlohmann::json words = nlohmann::json::array();
  for (const RestoredWord& w : result.words) {
    words.push_back({{"begin", w.begin},
                     {"end", w.end},
                     {"word", result.text.substr(w.begin, w.end - w.begin)},
                     {"confidence", std::round(w.confidence * 1000) / 1000},
                     {"source", RestoreSourceName(w.source)},
                     {"changed", w.changed}});
  }
  return {{"text", result.text}, {"words", std::move(words)}};
}

}  // namespace

void AddTextCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* text = app.add_subcommand("text", "Vietnamese text tools");
  text->require_subcommand(1);
  CLI::App* restore = text->add_subcommand(
      "restore", "Restore the diacritics of Vietnamese text typed or scanned without them");
  static std::string file = "-", style = "traditional", format = "text", names;
  static bool ocr = false;
  restore->add_option("FILE", file, "Text file, or - for standard input")->capture_default_str();
  restore->add_option("--tone-style", style, "traditional (hòa, thủy) or modern (hoà, thuỷ)")
      ->check(CLI::IsMember({"traditional", "modern"}))
      ->capture_default_str();
  restore->add_option("--names", names,
                      "Units file (CSV or JSON, as for `units import`) whose names win");
  restore->add_flag("--ocr", ocr,
                    "OCR text: also restore words whose marks the model has never seen (Tuyén)");
  restore->add_option("--format", format, "text, or json with each word's confidence")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  restore->callback([&ctx] {
    ctx.action = []() -> Status {
      LT_ASSIGN_OR_RETURN(std::string input, ReadInput(file));
      LT_ASSIGN_OR_RETURN(const DiacriticRestorer* restorer, DiacriticRestorer::Embedded());
      diacritics::NameHints hints;
      if (!names.empty()) {
        LT_ASSIGN_OR_RETURN(hints, UnitNameHintsFromFile(names));
      }
      RestoreOptions options;
      options.tone_style = style == "modern" ? ToneStyle::kModern : ToneStyle::kTraditional;
      options.names = &hints;
      options.confidence = format == "json";
      options.reread_unknown_words = ocr;
      LT_ASSIGN_OR_RETURN(RestoreResult result, restorer->Restore(input, options));
      if (format == "json") {
        std::cout << ToJson(result).dump(2) << "\n";
      } else {
        std::cout << result.text;
      }
      return Status::Ok();
    };
  });
}

}  // namespace lienthong
