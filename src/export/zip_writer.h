// ZipWriter: builds a ZIP archive in memory (libzip), for the OOXML packages we export.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/status.h"

namespace lienthong {

class ZipWriter {
 public:
  // Adds a member; entries keep the order they were added in ([Content_Types].xml goes first).
  void Add(std::string name, std::string content) {
    entries_.emplace_back(std::move(name), std::move(content));
  }
  // The archive bytes (deflate). kInternal when libzip fails.
  Result<std::string> Finish() const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace lienthong
