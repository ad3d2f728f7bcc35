#include "attribute.h"

namespace quotelink::detail {

SpeakerTables SpeakerTables::load(const Config&) { return {}; }

void attribute_quotes(Document&, const TextLayout&, const SpeakerTables&,
                      const Config&) {}

}  // namespace quotelink::detail
