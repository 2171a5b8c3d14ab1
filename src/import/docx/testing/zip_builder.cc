#include "import/docx/testing/zip_builder.h"

#include <zip.h>

#include <cstdio>
#include <cstdlib>

namespace lienthong::testing {
namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "zip_builder: %s\n", what);
  std::abort();
}

uint32_t Crc32(std::string_view data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void Put16(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>(v & 0xFF));
  out->push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string* out, uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}
uint32_t Get32(const std::string& in, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(in[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(in[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(in[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(in[at + 3])) << 24;
}
void Set32(std::string* out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*out)[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

std::string BuildZip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) Fail("cannot create a buffer");
  zip_source_keep(buffer);  // read it back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) Fail("cannot open the buffer for writing");
  for (const auto& [name, data] : entries) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      Fail("cannot add an entry");
    }
  }
  if (zip_close(archive) != 0) Fail("cannot write the archive");
  std::string out;
  if (zip_source_open(buffer) != 0) Fail("cannot reopen the buffer");
  char chunk[65536];
  zip_int64_t n;
  while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) {
    out.append(chunk, static_cast<size_t>(n));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::string BuildZipWithDeclaredSize(const ZipEntries& entries, uint32_t declared_size) {
  std::string out, directory;
  for (const auto& [name, data] : entries) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    uint32_t crc = Crc32(data);
    Put32(&out, 0x04034b50);  // local file header
    Put16(&out, 20);          // version needed
    Put16(&out, 0);           // flags
    Put16(&out, 0);           // stored
    Put16(&out, 0);           // time
    Put16(&out, 0x21);        // date 1980-01-01
    Put32(&out, crc);
    Put32(&out, static_cast<uint32_t>(data.size()));
    Put32(&out, declared_size);
    Put16(&out, static_cast<uint32_t>(name.size()));
    Put16(&out, 0);
    out += name;
    out += data;

    Put32(&directory, 0x02014b50);  // central directory header
    Put16(&directory, 20);
    Put16(&directory, 20);
    Put16(&directory, 0);
    Put16(&directory, 0);
    Put16(&directory, 0);
    Put16(&directory, 0x21);
    Put32(&directory, crc);
    Put32(&directory, static_cast<uint32_t>(data.size()));
    Put32(&directory, declared_size);
    Put16(&directory, static_cast<uint32_t>(name.size()));
    Put16(&directory, 0);  // extra
    Put16(&directory, 0);  // comment
    Put16(&directory, 0);  // disk
    Put16(&directory, 0);  // internal attributes
    Put32(&directory, 0);  // external attributes
    Put32(&directory, offset);
    directory += name;
  }
  uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  Put32(&out, 0x06054b50);  // end of central directory
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<uint32_t>(entries.size()));
  Put16(&out, static_cast<uint32_t>(entries.size()));
  Put32(&out, static_cast<uint32_t>(directory.size()));
  Put32(&out, directory_offset);
  Put16(&out, 0);
  return out;
}

std::string PatchUncompressedSizes(std::string zip, uint32_t size) {
  for (size_t at = 0; at + 46 <= zip.size(); ++at) {
    uint32_t signature = Get32(zip, at);
    if (signature == 0x04034b50) Set32(&zip, at + 22, size);
    if (signature == 0x02014b50) Set32(&zip, at + 24, size);
  }
  return zip;
}

std::string BuildDocx(std::string_view body_xml, const std::map<std::string, std::string>& parts) {
  ZipEntries entries;
  entries.emplace_back("word/document.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " +
                           std::string(kWordNs) + "><w:body>" + std::string(body_xml) +
                           "</w:body></w:document>");
  for (const auto& [name, xml] : parts) entries.emplace_back(name, xml);
  return BuildZip(entries);
}

}  // namespace lienthong::testing
