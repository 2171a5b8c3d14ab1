// Evidence files of a task: uploaded once, numbered 1, 2, … per task, never changed or deleted
// by later edits of the task (a new version is a new file). Each upload is a task_updates row
// and an audit row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/task_store.h"

namespace lienthong {

// Evidence files larger than this are refused (kTooLarge).
inline constexpr size_t kMaxEvidenceBytes = 10 * 1024 * 1024;
inline constexpr size_t kMaxEvidenceNameBytes = 200;

// The name an evidence file is kept under: its last path component, NFC, without control,
// bidi or zero-width characters (a right-to-left override could disguise "gpj.exe" as
// "exe.jpg"), the characters < > : " / \ | ? * replaced by '_', spaces and dots trimmed at the
// ends, at most kMaxEvidenceNameBytes bytes (the extension kept when cut); "evidence" when
// nothing visible is left.
std::string CleanEvidenceFileName(std::string_view raw);

// Stores an evidence file (with a task_updates row and an audit row). kTooLarge beyond
// kMaxEvidenceBytes, kInvalidArgument for an empty file, kNotFound. The name is cleaned
// (CleanEvidenceFileName); an empty or unusable content type becomes application/octet-stream.
Result<EvidenceFile> AddEvidenceFile(Database& db, int64_t task_id, const std::string& file_name,
                                     const std::string& content_type, const std::string& bytes,
                                     const std::string& actor);

// A task's files, without their content, by number.
Result<std::vector<EvidenceFile>> ListEvidenceFiles(Database& db, int64_t task_id);
// File `n` of the task with its content; nullopt when there is none.
Result<std::optional<EvidenceFile>> GetEvidenceFile(Database& db, int64_t task_id, int64_t n);

}  // namespace lienthong
