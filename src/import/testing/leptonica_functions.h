// Test-only: Leptonica's functions, looked up in the library the OCR reader loads (nothing links
// Leptonica, the tests neither), for building and inspecting page images in tests:
// `LEPT(pixCreate)(120, 80, 8)`. Throws std::runtime_error when a function is missing.
#pragma once

#include <dlfcn.h>
#include <leptonica/allheaders.h>

#include <stdexcept>
#include <string>

namespace lienthong::testing {

template <typename Function>
Function* LeptonicaFunction(const char* name) {
  static void* handle = dlopen("liblept.so.5", RTLD_NOW | RTLD_LOCAL);
  void* symbol = handle != nullptr ? dlsym(handle, name) : nullptr;
  if (symbol == nullptr) throw std::runtime_error(std::string("no leptonica function ") + name);
  return reinterpret_cast<Function*>(symbol);
}

}  // namespace lienthong::testing

#define LEPT(name) ::lienthong::testing::LeptonicaFunction<decltype(::name)>(#name)
