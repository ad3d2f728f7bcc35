// Stage 8, relative sources: the relative pronoun before a report's cue as
// its source mention ("Zucker, who has voiced the desire to run").
#pragma once

#include <string_view>

#include "quotelink/document.h"
#include "text.h"
#include "token_layer.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// The word classes the stage declares (`relative_source`; the others are
/// the cue stage's).
inline constexpr std::string_view kRelativeSourceClasses[] = {
    "relative_source"};

/// The word classes the stage reads: `relative_source` (the pronouns that
/// may open the clause of a report's cue: "who", "which", "that"),
/// `adverbial` (words allowed between the pronoun and the cue: "who has
/// long said") unless they are also `passive_auxiliary` ("who was asked"
/// is the hearer, not the speaker), `coordinator` ("that blasts A and
/// suggests B": the second verb shares the first one's relative subject).
struct RelativeSourceClasses {
  WordClass relative_source, adverbial, passive, coordinator;
  explicit RelativeSourceClasses(const Vocabulary& vocabulary);
};

/// Contract: for every indirect record of `doc` (a whole document or one
/// window, after the rules and the learned layer) whose cue's first word is
/// preceded in its sentence by a relative_source word, with only adverbial
/// words between and no passive auxiliary among them,
/// that word becomes the record's mention, of kind pronoun, as PolNeAR and a
/// reader take it: "Sanders, who said the plan failed". The speaker entity
/// stays the one already chosen before the pronoun; a record without one,
/// or whose mention comes after the cue, takes the entity of the mention
/// that ends right before the pronoun (a comma between allowed) when there
/// is one, and the new mention joins the speaker's entity. A record whose
/// cue follows a coordinator right after the content of such a record of
/// its sentence ("a resolution that blasts A and suggests B") takes that
/// record's pronoun mention and speaker, unless its own mention stands
/// after the pronoun. doc.mentions stays in text order (indices in quotes
/// and entities are renumbered).
void mark_relative_sources(Document& doc, const TextLayout& layout,
                           const TokenLayer& tokens,
                           const RelativeSourceClasses& classes);

}  // namespace quotelink::detail
