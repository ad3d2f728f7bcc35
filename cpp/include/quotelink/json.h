// Serialisation of a Document's quotation records (docs/design.md) as JSON
// Lines and CSV, byte for byte as Python's json.dumps(ensure_ascii=False) and
// csv.writer write them, so that worker threads can produce output without
// the Python interpreter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "quotelink/document.h"

namespace quotelink {

/// The fields of one JSONL quotation record, offsets in code points.
struct QuoteRecord {
  std::string_view text;
  std::size_t start = 0;
  std::size_t end = 0;
  const char* kind = "";
  std::optional<std::string_view> speaker;       ///< the entity's name
  std::optional<std::string_view> speaker_type;  ///< "person", ...
  std::optional<std::string_view> mention;       ///< the mention's words
  std::optional<std::size_t> mention_start;
  std::optional<std::size_t> mention_end;
  std::optional<std::string_view> cue;
  std::string_view sieve;
  double confidence = 0.0;
  std::optional<std::size_t> id;      ///< Quote::id, none when unset
  std::optional<std::size_t> parent;  ///< Quote::parent, none for a record
                                      ///< of its own
};

/// The record of `quote` (a quote of `doc`); views point into `doc`.
QuoteRecord quote_record(const Document& doc, const Quote& quote);

/// Appends `text` (UTF-8) as a JSON string literal: quotes, backslash and
/// control characters escaped, everything else passed through as UTF-8.
void append_json_string(std::string& out, std::string_view text);

/// Appends `value` as Python's repr(float) writes it ("0.5", "1.0", "1e-05").
void append_python_float(std::string& out, double value);

/// One JSON line per quotation of `doc` (each ending in '\n'), the "doc"
/// field set to `id`; the same text as json.dumps(record, ensure_ascii=False).
std::string to_jsonl(const Document& doc, std::string_view id);

/// One CSV row per quotation (fields in record order, no header, '\n' line
/// ends), quoted as Python's csv module does by default (QUOTE_MINIMAL).
std::string to_csv(const Document& doc, std::string_view id);

}  // namespace quotelink
