// Stage 6, entities: the mentions of one speaker clustered within a document,
// with a canonical name and a type.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "mentions.h"
#include "quotelink/document.h"

namespace quotelink::detail {

struct Scratch;  // scratch.h

/// The clustering of a document's mentions.
struct EntityResult {
  std::vector<Entity> entities;  ///< mention indices refer to the input
  std::vector<int> entity_of;    ///< per mention: entity index or -1
  /// Per mention: the earlier mention it was resolved through (pronouns,
  /// definite nominals, places for governments), or -1.
  std::vector<int> antecedent;
};

/// Clusters `mentions` (text order): names by full name, surname or title;
/// organisations by name, acronym or head noun; places with their country's
/// government body; definite roles and documents with their antecedent;
/// pronouns with the most recent compatible mention. `aliases` maps a mention's
/// text to a canonical name. Bounded look-back: near-linear.
/// With a `scratch`, its arrays serve as the clustering's work arrays.
EntityResult cluster_mentions(std::string_view text,
                              const std::vector<SpeakerMention>& mentions,
                              const MentionTables& tables,
                              const std::map<std::string, std::string>& aliases,
                              Scratch* scratch = nullptr);

}  // namespace quotelink::detail
