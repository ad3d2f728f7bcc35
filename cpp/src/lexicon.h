// Word lists compiled into the library (cpp/data/en/*.txt), merged with the
// caller's extensions. Each stage keeps its own tables; this is the bundle.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotelink/extractor.h"

namespace quotelink::detail {

/// The text of embedded data file `name` (e.g. "en/cue_verbs.txt"); throws
/// quotelink::error when there is no such file.
std::string_view embedded_file(std::string_view name);

/// The non-empty, non-comment ('#') lines of embedded file `name`, trimmed.
std::vector<std::string> embedded_lines(std::string_view name);

}  // namespace quotelink::detail
