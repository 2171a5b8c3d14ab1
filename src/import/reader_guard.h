// The one place where a reader turns an exception thrown by a third-party library (poppler,
// pugixml, std::bad_alloc) into a Status naming the file, so none escapes the import module.
#pragma once

#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "import/raw_document.h"
#include "util/status.h"

namespace lienthong {

// Calls `read()`; `what` names the input in messages ("the PDF", "the image").
template <typename ReadFn>
Result<RawDocument> GuardedRead(const std::string& file, std::string_view what, ReadFn&& read) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    return Status::TooLarge(file + ": out of memory while reading " + std::string(what));
  } catch (const std::exception& e) {
    return Status::Internal(file + ": unexpected error while reading " + std::string(what) +
                            ": " + e.what());
  }
}

}  // namespace lienthong
