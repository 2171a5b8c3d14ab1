// Moved to util/utf8.h (UTF-8 is not Vietnamese-specific, and http/ may include only util/).
// This forwarding header lets branches started before the move merge; remove it once they have.
#pragma once

#include "util/utf8.h"
