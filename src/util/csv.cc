#include "util/csv.h"

namespace lienthong {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, char delimiter) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  int line = 1;
  bool in_quotes = false;
  bool field_was_quoted = false;
  bool record_has_content = false;
  int quote_line = 0;

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    if (record_has_content) records.push_back(std::move(record));
    record = CsvRecord{};
    record_has_content = false;
  };

  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (record.fields.empty() && field.empty() && !record_has_content) record.line = line;
    if (c == '"') {
      if (!field.empty() || field_was_quoted) {
        return Status::InvalidArgument("line " + std::to_string(line) +
                                       ": stray quote inside an unquoted field");
      }
      in_quotes = true;
      field_was_quoted = true;
      record_has_content = true;
      quote_line = line;
    } else if (c == delimiter) {
      record_has_content = true;
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // the '\n' ends the record
    } else if (c == '\n') {
      end_record();
      ++line;
    } else {
      if (field_was_quoted) {
        return Status::InvalidArgument("line " + std::to_string(line) +
                                       ": text after the closing quote of a field");
      }
      if (c != ' ' && c != '\t' && c != '\r') record_has_content = true;
      field.push_back(c);
    }
  }
  if (in_quotes) {
    return Status::InvalidArgument("line " + std::to_string(quote_line) +
                                   ": quoted field is never closed");
  }
  end_record();
  return records;
}

std::string CsvEscape(std::string_view field, char delimiter) {
  if (field.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string_view::npos) {
    return std::string(field);
  }
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace lienthong
