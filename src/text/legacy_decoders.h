// Byte-to-UTF-8 decoders for the encodings legacy_encoding.h recognises. Internal to src/text/:
// callers use DecodeText, which also detects the encoding and normalises to NFC.
//
// None of these outputs is normalised; VNI and Windows-1258 in particular may leave base letter +
// combining mark sequences that only NFC joins.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace lienthong::text_internal {

// Windows-1252 meaning of bytes 0x80..0x9F (the five undefined ones map to the C1 control with the
// same value, as the WHATWG encoding standard does). Legacy Vietnamese 8-bit text was typed on
// Windows, so smart quotes and dashes in this range are Windows symbols, not letters.
char32_t Cp1252Char(unsigned char byte);

// TCVN 5712:1993 "ABC"/VN3 (fonts .VnTime, .VnArial, ...). Bytes < 0x80 are ASCII and
// 0x80..0x9F Windows-1252 (never the VN1 capitals glibc puts there); 0xA0..0xFF follow glibc's
// TCVN5712-1 table, including combining tone marks at 0xB0..0xB4.
std::string DecodeTcvn3(std::string_view bytes);

// VNI-Windows (fonts VNI-Times, ...): a base letter followed by a mark byte ("aø" = "à", "AÙ" =
// "Á"); đ, ơ, ư, ỵ and the toned i's are single bytes. Marks combine only with a base of the same
// case, as VNI keyboards produce them.
std::string DecodeVniWindows(std::string_view bytes);

// VIQR (RFC 1456): ASCII with "(" breve, "^" circumflex, "+" horn after the vowel, then one of
// ' ` ? ~ . for the tone; "dd"/"DD"/"Dd" is đ/Đ; a backslash makes the next character literal.
std::string DecodeViqr(std::string_view bytes);

// Windows-1258 via iconv. Fails only if this system's iconv lacks the charset.
Result<std::string> DecodeWindows1258(std::string_view bytes);

// UTF-16 without BOM handling; odd length or unpaired surrogates are errors naming the offset.
Result<std::string> DecodeUtf16(std::string_view bytes, bool big_endian);

}  // namespace lienthong::text_internal
