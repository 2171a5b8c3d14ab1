// Content-Disposition for downloaded exports: an ASCII name every client understands plus the
// Vietnamese name as RFC 6266/5987 filename* ("Kế hoạch 27-KH-UBND.docx").
#pragma once

#include <string>

namespace lienthong {

// `attachment; filename="plan-12.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch…`.
// Characters that do not belong in a file name (/\:*?"<>| and controls) become '-' in both.
std::string AttachmentDisposition(const std::string& ascii_fallback, const std::string& utf8_name);

}  // namespace lienthong
