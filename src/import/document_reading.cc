#include "import/document_reading.h"

#include <nlohmann/json.hpp>

#include "import/parse/plan_parser.h"
#include "import/plain_text.h"
#include "import/plan_json.h"

namespace lienthong {

Result<DocumentReading> ReadAndParseDocument(const std::string& bytes, const std::string& name,
                                             const ReaderLimits& limits) {
  LT_ASSIGN_OR_RETURN(RawDocument raw, ReadDocumentBytes(bytes, name, limits));
  LT_ASSIGN_OR_RETURN(auto imported, ParsePlans(raw));
  DocumentReading reading{.format = raw.format, .warnings = WarningMessages(raw.warnings), .text = PlainText(raw)};
  if (!imported.empty()) reading.documents_json = ImportedDocumentsJsonText(imported);
  return reading;
}

std::string EncodeDocumentReading(const Result<DocumentReading>& reading) {
  if (!reading.ok()) {
    return nlohmann::json{{"error",
                           {{"code", StatusCodeName(reading.status().code())},
                            {"message", reading.status().message()}}}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return nlohmann::json{{"reading",
                         {{"format", reading->format},
                          {"warnings", reading->warnings},
                          {"text", reading->text},
                          {"documents", reading->documents_json}}}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

StatusCode StatusCodeNamed(std::string_view name) {
  for (int c = static_cast<int>(StatusCode::kInvalidArgument);
       c <= static_cast<int>(StatusCode::kInternal); ++c) {
    if (StatusCodeName(static_cast<StatusCode>(c)) == name) return static_cast<StatusCode>(c);
  }
  return StatusCode::kInternal;
}

}  // namespace

Result<DocumentReading> DecodeDocumentReading(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_object() && json.contains("error") && json["error"].is_object()) {
    const auto& error = json["error"];
    return Status(StatusCodeNamed(error.value("code", "")), error.value("message", "?"));
  }
  if (!json.is_object() || !json.contains("reading") || !json["reading"].is_object()) {
    return Status::Internal("the document reader answered something else than a reading");
  }
  const auto& r = json["reading"];
  try {
    return DocumentReading{.format = r.at("format").get<std::string>(),
                           .warnings = r.at("warnings").get<std::vector<std::string>>(),
                           .text = r.at("text").get<std::string>(),
                           .documents_json = r.at("documents").get<std::string>()};
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal(std::string("the document reader's answer is malformed: ") + e.what());
  }
}

}  // namespace lienthong
