// Keeping secrets out of messages. Database URLs may carry passwords and bound parameters may
// carry anything (national ID numbers, tokens), while backend error messages sometimes echo
// either. Everything the store layer puts into a Status message goes through these first.
#pragma once

#include <string>
#include <string_view>

#include "store/database.h"

namespace lienthong {

// The URL with every password replaced by "***": the one in `scheme://user:PASSWORD@host` and
// any `password=` parameter ("postgresql://u:***@h/db?sslmode=require&password=***").
std::string RedactDatabaseUrl(std::string_view url);

// `message` with every password carried by `url` (raw and percent-decoded) replaced by "***".
// For messages a driver builds from the URL, such as libpq's connection errors.
std::string RedactUrlSecrets(std::string message, std::string_view url);

// `message` with the values of `params` replaced by "***": always where a value appears quoted
// ("…", '…') as PostgreSQL quotes the input it rejects, and anywhere for text of 8 bytes or
// more. Short unquoted values are left alone so that "1" does not blank every digit.
std::string RedactParameterValues(std::string message, const SqlParams& params);

}  // namespace lienthong
