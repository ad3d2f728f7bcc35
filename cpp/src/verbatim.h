// Verbatim words inside other records become records of their own.
#pragma once

#include "quotelink/document.h"

namespace quotelink::detail {

/// Contract: runs on a whole extracted document (after attribution and any
/// window merge), before filtering. Every marked part of a record
/// (Quote::quoted_parts) that is not the record's own span becomes a record
/// of kind partial whose `parent` is the id of the record it lies in: the
/// innermost enclosing part, else the record that listed it. A part of
/// reported speech ("Lavrov said that the resolution is "counterproductive"")
/// carries its parent's speaker, mention, cue and confidence, sieve
/// `verbatim`: the reporter quotes these words. A quotation nested in a direct
/// one ("\"He said 'no',\" Roe said") has no speaker of its own (Roe quotes
/// someone), sieve `nested`. Afterwards every record's `id` is its index in
/// doc.quotes; the new records stand after their parent, in text order
/// among the records that follow it. Linear in records + parts (plus the
/// sort of each record's parts).
void add_verbatim_records(Document& doc);

}  // namespace quotelink::detail
