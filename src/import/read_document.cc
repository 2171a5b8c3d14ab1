// ReadDocumentFile: size check, then the reader chosen by the file's leading bytes (which do not
// lie about the format), then by its extension for formats without a signature (plain text).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

#include "import/readers.h"

namespace lienthong {
namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<std::string> ReadDocumentFileBytes(const std::string& path, const ReaderLimits& limits) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Status::NotFound(path + ": no such file");
  if (std::filesystem::is_directory(status)) return Status::InvalidArgument(path + ": is a directory");
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(path + ": cannot read size: " + ec.message());
  if (size > limits.max_input_bytes) {
    return Status::TooLarge(path + ": " + std::to_string(size) + " bytes is over the limit of " +
                            std::to_string(limits.max_input_bytes) + " bytes (max_input_bytes)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<uintmax_t>(in.gcount()) != size) return Status::IoError(path + ": short read");
  return bytes;
}

Result<RawDocument> ReadDocumentFile(const std::string& path, const ReaderLimits& limits) {
  LT_ASSIGN_OR_RETURN(std::string bytes, ReadDocumentFileBytes(path, limits));
  return ReadDocumentBytes(bytes, path, limits);
}

Result<RawDocument> ReadDocumentBytes(const std::string& bytes, const std::string& path,
                                      const ReaderLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Status::TooLarge(path + ": " + std::to_string(bytes.size()) +
                            " bytes is over the limit of " +
                            std::to_string(limits.max_input_bytes) + " bytes (max_input_bytes)");
  }
  const std::string ext = LowerExtension(path);
  if (StartsWith(bytes, "%PDF")) return ReadPdfDocument(bytes, path, limits);
  if (StartsWith(bytes, std::string_view("PK\x03\x04", 4))) return ReadDocxDocument(bytes, path, limits);
  if (StartsWith(bytes, "\x89PNG\r\n\x1a\n") || StartsWith(bytes, "\xFF\xD8\xFF") ||
      StartsWith(bytes, std::string_view("II*\0", 4)) || StartsWith(bytes, std::string_view("MM\0*", 4))) {
    return ReadImageDocument(bytes, path, limits);
  }
  if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text") {
    return ReadTextDocument(bytes, path, limits);
  }
  // Named like a format we read but without its signature: let that reader say what is wrong
  // ("not a ZIP archive", "no PDF header") rather than calling the type unsupported.
  if (ext == ".docx") return ReadDocxDocument(bytes, path, limits);
  if (ext == ".pdf") return ReadPdfDocument(bytes, path, limits);
  std::string type = ext.empty() ? "no extension" : "'" + ext + "'";
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0")) type = "a legacy Office file (.doc/.xls); save it as .docx";
  return Status::Unsupported(path + ": unsupported file type (" + type +
                             "); lienthong reads .txt, .md, .docx, .pdf, .png, .jpg and .tif");
}

}  // namespace lienthong
