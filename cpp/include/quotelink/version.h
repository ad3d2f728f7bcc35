// quotelink version: the single source of truth. CMake and the Python package
// both parse the three numbers below.
#pragma once

#define QUOTELINK_VERSION_MAJOR 0
#define QUOTELINK_VERSION_MINOR 2
#define QUOTELINK_VERSION_PATCH 0

namespace quotelink {

/// The library version as "MAJOR.MINOR.PATCH".
const char* version() noexcept;

}  // namespace quotelink
