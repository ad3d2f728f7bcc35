// The lexicon data compiled into the library (cpp/data/<lang>/), and the
// loading of a language pack into a Vocabulary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quotelink/extractor.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// The text of embedded data file `name` ("<lang>/cues.tsv"); throws
/// quotelink::error when there is no such file.
std::string_view embedded_file(std::string_view name);

/// The names of every embedded data file ("en/cues.tsv"), in build order.
std::vector<std::string_view> embedded_file_names();

/// The languages of the packs among data files `names`: each LANG of a
/// "LANG/pack.txt", sorted ({"en"} for the built-in files).
std::vector<std::string> pack_languages(
    const std::vector<std::string_view>& names);

/// The text of embedded data file `name`, or a quotelink::error saying
/// `missing` when the build embeds none (a learned file before its first
/// training).
std::string_view embedded_file_or_fail(std::string_view name,
                                       const std::string& missing);

/// The non-empty, non-comment ('#') lines of embedded file `name`, trimmed.
std::vector<std::string> embedded_lines(std::string_view name);

/// Every word class a stage asks the vocabulary for, in one list (each
/// stage's k...WordClasses array); a pack's file may use no other.
const std::vector<std::string_view>& all_word_classes();

/// The built-in pack of `language` ("en"): files data/<language>/NAME.
/// Throws quotelink::error naming the language, and the languages built in
/// (pack_languages of the embedded files), when it is not built in.
PackReader builtin_pack(const std::string& language);

/// A pack read from directory `dir` (files dir/NAME), for packs outside the
/// library (tests' made-up languages).
PackReader directory_pack(const std::string& dir);

/// The vocabulary of the pack read by `read` (named `language` in errors)
/// with `config`'s extensions (extra_cue_verbs, extra_titles).
Vocabulary load_vocabulary(const std::string& language, const PackReader& read,
                           const Config& config);

}  // namespace quotelink::detail
