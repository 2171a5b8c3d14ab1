// The document readers. Each returns a RawDocument or a Status naming the file and what was
// wrong with it; none reads past the limits below, so a hostile file fails fast.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "import/raw_document.h"
#include "util/status.h"

namespace lienthong {

// What a reader is doing, for a progress display: reading page `page` of `pages`, or
// recognising it with OCR.
enum class ReadStage { kReading, kOcr };

struct ReaderLimits {
  size_t max_input_bytes = 50u << 20;          // any file
  size_t max_docx_unpacked_bytes = 200u << 20;  // sum of uncompressed entry sizes
  size_t max_docx_entries = 10000;
  int max_pdf_pages = 500;
  int max_ocr_pages = 50;                       // OCR is slow: ~seconds per page
  // Time one file may take (import/read_budget.h), checked between pages: CPU seconds of the
  // reading thread, and wall seconds (which also count tesseract's OpenMP helper threads).
  double max_cpu_seconds = 120;
  double max_wall_seconds = 300;
  // True once nobody waits for the result (the client disconnected): the reader stops.
  std::function<bool()> cancelled;
  // Told before each page is read and before each page goes through OCR (pages from 1).
  std::function<void(ReadStage stage, int page, int pages)> progress;
};

// .txt / .md: UTF-8, UTF-16 with BOM, legacy TCVN3/VNI (through text/legacy_encoding.h);
// Markdown headings, bold, pipe tables, tab-separated rows, stray HTML like <b>.
Result<RawDocument> ReadTextDocument(std::string_view bytes, std::string_view name,
                                     const ReaderLimits& limits = {});
// .docx: paragraphs, Word numbering, tables (merged cells), headers/footers apart (libzip+pugixml).
Result<RawDocument> ReadDocxDocument(std::string_view bytes, std::string_view name,
                                     const ReaderLimits& limits = {});
// .pdf: the text layer (poppler-cpp); pages without a usable one (scans, garbled fonts) go
// through OCR.
Result<RawDocument> ReadPdfDocument(std::string_view bytes, std::string_view name,
                                    const ReaderLimits& limits = {});
// .png / .jpg / .tif: OCR with tesseract's `vie` model.
Result<RawDocument> ReadImageDocument(std::string_view bytes, std::string_view name,
                                      const ReaderLimits& limits = {});

// The bytes of PATH, refused before reading when it is missing (kNotFound), a directory or over
// max_input_bytes (kTooLarge): what ReadDocumentFile reads, for callers that keep the file too.
Result<std::string> ReadDocumentFileBytes(const std::string& path, const ReaderLimits& limits = {});
// Reads PATH and picks the reader by its leading bytes (PDF, ZIP, PNG, JPEG, TIFF) and then its
// extension; kUnsupported for anything else.
Result<RawDocument> ReadDocumentFile(const std::string& path, const ReaderLimits& limits = {});
// The same for bytes already in memory (an upload); `name` gives the extension and error context.
Result<RawDocument> ReadDocumentBytes(const std::string& bytes, const std::string& name,
                                      const ReaderLimits& limits = {});

}  // namespace lienthong
