// quotelink: quotations in news text, linked to their speakers.
// The umbrella header: include this one.
#pragma once

#include "quotelink/corpus.h"
#include "quotelink/document.h"
#include "quotelink/error.h"
#include "quotelink/extractor.h"
#include "quotelink/stream.h"
#include "quotelink/version.h"
