// Test helpers that run the office tools on exported files: LibreOffice (convert to PDF/CSV),
// poppler-utils (pdfinfo, pdftotext -bbox, pdftoppm). Each conversion uses its own LibreOffice
// profile directory so tests can run in parallel, and every command runs under `timeout`.
// Files go to <directory of the test binary>/test-artifacts/exports/, which CI keeps.
#pragma once

#include <string>
#include <vector>

#include "util/status.h"

namespace lienthong::export_testing {

// True when `program` is on PATH.
bool HaveProgram(const std::string& program);
// LIENTHONG_REQUIRE_TOOLS=1: a missing tool fails the test instead of skipping it.
bool ToolsRequired();

// <dir of /proc/self/exe>/test-artifacts/exports (created).
std::string ArtifactDir();
// Writes `bytes` to ArtifactDir()/name and returns the path.
Result<std::string> WriteArtifact(const std::string& name, const std::string& bytes);

// `soffice --headless --convert-to <filter> --outdir <dir of input>`; returns the output path
// (input with its extension replaced by `extension`). kUnavailable when soffice is missing,
// kInternal with the tool's output when the conversion fails or times out (180 s).
Result<std::string> ConvertWithLibreOffice(const std::string& input, const std::string& filter,
                                           const std::string& extension);

struct PdfWord {
  int page = 0;  // 1-based
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};
struct PdfLayout {
  double page_width = 0;  // points, first page
  double page_height = 0;
  int pages = 0;
  std::vector<PdfWord> words;
};
// pdftotext -bbox, parsed.
Result<PdfLayout> ReadPdfLayout(const std::string& pdf);
// pdftotext -layout output (UTF-8).
Result<std::string> PdfText(const std::string& pdf);
// pdftoppm -r 50 -png into <pdf without .pdf>-<page>.png; returns how many PNGs were written.
Result<int> RenderPngs(const std::string& pdf);

// Runs a shell command; returns its stdout (stderr merged). kInternal when the exit code != 0.
Result<std::string> RunCommand(const std::string& command);
// Single-quotes a path for the shell.
std::string ShellQuote(const std::string& text);

}  // namespace lienthong::export_testing
