// Test-only: the bytes of a fixture under tests/testdata/import/ (LIENTHONG_TESTDATA is defined
// for the test binary only). Returns "" for a missing file, which the reader under test rejects.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace lienthong::testing {

inline std::string ReadImportFixture(const std::string& name) {
  std::ifstream in(std::string(LIENTHONG_TESTDATA) + "/import/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace lienthong::testing
