// Stage 4, mentions: names, titles, roles, organisations, places, documents.
#include "mentions.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "lexicon.h"
#include "mention_stage.h"
#include "quotelink/error.h"

namespace {

using namespace quotelink::detail;
using mention_stage::Found;
using mention_stage::mentions_before_cues;
using mention_stage::mentions_of;

TEST(Mentions, CountriesTsvNamesManyCountriesByNameDemonymSeatAndAlias) {
  const Vocabulary en = load_vocabulary("en", builtin_pack("en"), {});
  const Countries countries = Countries::of(en);
  EXPECT_GE(countries.names.size(), 120u);
  const auto russia =
      std::find(countries.names.begin(), countries.names.end(), "Russia");
  ASSERT_NE(russia, countries.names.end());
  const int id = static_cast<int>(russia - countries.names.begin());
  auto country_of = [&](std::string_view phrase, bool demonym) {
    const int entry = en.find_entry(phrase);
    for (const CountryPhrase& p : countries.phrases)
      if (static_cast<int>(p.entry) == entry && (demonym ? p.demonym : p.place))
        return p.country;
    return -1;
  };
  EXPECT_EQ(country_of("russian", true), id);
  EXPECT_EQ(country_of("kremlin", false), id);
  EXPECT_EQ(country_of("russian federation", false), id);
  EXPECT_EQ(country_of("russia", false), id);
}

// The mention stage's SpeakerMentions of `text` with `tables`.
std::vector<SpeakerMention> speaker_mentions(const std::string& text,
                                             const Vocabulary& vocabulary,
                                             const MentionTables& tables) {
  static const TextTables text_tables = TextTables::load({});
  const TextLayout layout = analyse_text(text, text_tables);
  const std::vector<quotelink::Quote> quotes = find_quotes(text, layout);
  const TokenLayer tokens(text, layout, quotes, vocabulary);
  return find_mentions(text, layout, tokens, tables);
}

// The mentions of `text` with the tables loaded into `vocabulary`.
std::vector<std::string> mention_texts(const std::string& text,
                                       const Vocabulary& vocabulary,
                                       const MentionTables& tables) {
  std::vector<std::string> out;
  for (const SpeakerMention& m : speaker_mentions(text, vocabulary, tables))
    out.push_back(text.substr(m.mention.span.begin, m.mention.span.size()));
  return out;
}

TEST(Mentions, MentionWordsFollowTheLanguagePack) {
  // The made-up pack's mention_words.tsv makes "zu" a connector inside a
  // name and "da" its article (opening a name, and after "zu"), and knows
  // no "von" and no "the"; English the other way round. (Its roles.tsv and
  // organisations.tsv know "offizen" and "kanzlei", English "officials" and
  // "ministry".)
  Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {});
  const MentionTables zz_tables = MentionTables::load(zz);
  const std::string text =
      "Da offizen said da Kanzlei zu da Berg and the Ministry von the Hof "
      "met.";
  const std::vector<std::string> in_zz = mention_texts(text, zz, zz_tables);
  EXPECT_EQ(in_zz,
            (std::vector<std::string>{"Da offizen", "da Kanzlei zu da Berg",
                                      "Ministry", "Hof"}));
  const quotelink::Lexicon& en = mention_stage::default_lexicon();
  const std::vector<std::string> in_en =
      mention_texts(text, en.vocabulary, en.speakers.mentions);
  EXPECT_EQ(in_en, (std::vector<std::string>{"Kanzlei", "Berg",
                                             "the Ministry von the Hof"}));
}

// The mention of `text` whose words are `words`, or nullptr.
const SpeakerMention* mention_of(const std::vector<SpeakerMention>& mentions,
                                 const std::string& text,
                                 const std::string& words) {
  for (const SpeakerMention& m : mentions)
    if (text.substr(m.mention.span.begin, m.mention.span.size()) == words)
      return &m;
  return nullptr;
}

// Titles, roles and countries come with the pack: the made-up one's
// titles.tsv makes "grofa" a woman's title, roles.tsv "offizen" the plural
// of the role "offiz", countries.tsv "Zustadt" a place of Zuland and
// "Zulander" its demonym. English knows none of them.
TEST(Mentions, TitlesRolesAndCountriesFollowTheLanguagePack) {
  const Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {});
  const MentionTables zz_tables = MentionTables::load(zz);
  const std::string text =
      "Grofa Anna Berg blorf. Da offizen blorf. Zustadt blorf.";
  const std::vector<SpeakerMention> in_zz =
      speaker_mentions(text, zz, zz_tables);
  const SpeakerMention* anna = mention_of(in_zz, text, "Grofa Anna Berg");
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->title, "grofa");
  EXPECT_EQ(anna->gender, Gender::female);
  EXPECT_EQ(anna->mention.head, "Anna Berg");
  const SpeakerMention* offizen = mention_of(in_zz, text, "Da offizen");
  ASSERT_NE(offizen, nullptr);
  EXPECT_EQ(offizen->mention.kind, quotelink::MentionKind::role);
  EXPECT_EQ(offizen->head_word, "offiz");
  EXPECT_TRUE(offizen->plural);
  const SpeakerMention* seat = mention_of(in_zz, text, "Zustadt");
  ASSERT_NE(seat, nullptr);
  EXPECT_EQ(seat->mention.kind, quotelink::MentionKind::place);
  ASSERT_GE(seat->country, 0);
  EXPECT_EQ(zz_tables.countries.names[seat->country], "Zuland");
  const int zulander = zz.find_entry("zulander");
  ASSERT_GE(zulander, 0);
  EXPECT_EQ(zz_tables.facts_of(&zz.entries()[zulander], zz).demonym_country,
            seat->country);

  const quotelink::Lexicon& en = mention_stage::default_lexicon();
  const std::vector<SpeakerMention> in_en =
      speaker_mentions(text, en.vocabulary, en.speakers.mentions);
  const SpeakerMention* anna_en = mention_of(in_en, text, "Grofa Anna Berg");
  ASSERT_NE(anna_en, nullptr);
  EXPECT_EQ(anna_en->title, "");
  EXPECT_EQ(mention_of(in_en, text, "Da offizen"), nullptr);
  const SpeakerMention* seat_en = mention_of(in_en, text, "Zustadt");
  EXPECT_TRUE(seat_en == nullptr || seat_en->country < 0);
}

// Pronouns, with their gender and number, come with the pack: "er" in the
// made-up one, "he" in English.
TEST(Mentions, PronounsFollowTheLanguagePack) {
  Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {});
  const MentionTables zz_tables = MentionTables::load(zz);
  const std::string text = "Then er left, and then he left.";
  EXPECT_EQ(mention_texts(text, zz, zz_tables),
            (std::vector<std::string>{"er"}));
  const quotelink::Lexicon& en = mention_stage::default_lexicon();
  EXPECT_EQ(mention_texts(text, en.vocabulary, en.speakers.mentions),
            (std::vector<std::string>{"he"}));
  const WordId er = zz.find("er");
  ASSERT_TRUE(zz_tables.pronouns.count(er));
  EXPECT_EQ(zz_tables.pronouns.at(er).gender, Gender::male);
  EXPECT_TRUE(zz_tables.pronouns.at(er).anaphor);
}

// A lower-case word that is never a name may still modify a head noun
// ("new": mention_modifier), and a document with modifiers needs no
// determiner right before its speech verb (issue #16: "new satellite
// imagery suggested").
TEST(Mentions, ModifiedDocumentsBeforeTheirCue) {
  EXPECT_NE(mention_stage::mentions_before_cues(
                "The new report said the talks failed.")
                .find("The new report"),
            nullptr);
  const std::string cited =
      "Officials met, as new satellite imagery suggested the plant ran.";
  EXPECT_NE(
      mention_stage::mentions_before_cues(cited).find("new satellite imagery"),
      nullptr);
  // Without the cue after it, an undetermined document is no mention.
  EXPECT_EQ(mention_stage::mentions_before_cues(
                "Officials met, as new satellite imagery arrived.")
                .find("new satellite imagery"),
            nullptr);
}

TEST(Mentions, NameWithDemonymAndTitle) {
  Found f = mentions_of("Russian Foreign Minister Sergey Lavrov spoke.");
  const SpeakerMention* m = f.find("Russian Foreign Minister Sergey Lavrov");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mention.kind, quotelink::MentionKind::name);
  EXPECT_EQ(m->mention.head, "Sergey Lavrov");
  EXPECT_EQ(m->title, "foreign minister");
}

// "new" never starts a name alone ("New rules say"), but it opens place
// names (mention_name_opener), which must keep it.
TEST(Mentions, NewOpensPlaceNamesButIsNoNameAlone) {
  Found f = mentions_of(
      "The New York Post reported that the vote was late. New Jersey "
      "Democrats said it was fair.");
  EXPECT_NE(f.find("The New York Post"), nullptr);
  EXPECT_NE(f.find("New Jersey Democrats"), nullptr);
  EXPECT_EQ(f.find("York Post"), nullptr);
  Found alone = mentions_of("New rules say the vote was fair.");
  EXPECT_EQ(alone.find("New"), nullptr);
}

TEST(Mentions, LowerCaseTitleAndHyphenatedName) {
  Found f = mentions_of("North Korean leader Kim Jong-Un will travel.");
  const SpeakerMention* m = f.find("North Korean leader Kim Jong-Un");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mention.head, "Kim Jong-Un");
  EXPECT_EQ(m->name_word_count, 2);
}

TEST(Mentions, RoleWithPossessiveCountry) {
  Found f = mentions_of("It was said by Russia's top diplomat.");
  const SpeakerMention* m = f.find("Russia's top diplomat");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mention.kind, quotelink::MentionKind::role);
  EXPECT_EQ(m->role, "top diplomat");
  EXPECT_TRUE(m->definite);
}

TEST(Mentions, RoleWithOrganisationModifiers) {
  Found f = mentions_of("A Russian Foreign Ministry source told Interfax.");
  const SpeakerMention* m = f.find("A Russian Foreign Ministry source");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->head_word, "source");
  EXPECT_FALSE(m->definite);
  EXPECT_GE(m->country, 0);
}

TEST(Mentions, PluralRoleWithoutDeterminer) {
  Found f = mentions_of("Diplomats say China would veto it.");
  const SpeakerMention* m = f.find("Diplomats");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->plural);
}

TEST(Mentions, OrganisationsNamedAndNominal) {
  Found f = mentions_of(
      "The Korean Central News Agency (KCNA) said so, and the Russian foreign "
      "ministry agreed.");
  const SpeakerMention* kcna = f.find("The Korean Central News Agency");
  ASSERT_TRUE(kcna);
  EXPECT_EQ(kcna->mention.kind, quotelink::MentionKind::organisation);
  const SpeakerMention* acronym = f.find("KCNA");
  ASSERT_TRUE(acronym);
  EXPECT_EQ(acronym->mention.kind, quotelink::MentionKind::organisation);
  const SpeakerMention* ministry = f.find("the Russian foreign ministry");
  ASSERT_TRUE(ministry);
  EXPECT_TRUE(ministry->government);
}

TEST(Mentions, PlacesStandForGovernments) {
  Found f = mentions_of("Moscow said no. The Kremlin agreed.");
  const SpeakerMention* moscow = f.find("Moscow");
  ASSERT_TRUE(moscow);
  EXPECT_EQ(moscow->mention.kind, quotelink::MentionKind::place);
  EXPECT_EQ(moscow->mention.head, "Russia");
  ASSERT_TRUE(f.find("The Kremlin"));
  EXPECT_EQ(f.find("The Kremlin")->mention.head, "Russia");
}

// A candidate is 152 bytes (176 with a std::string head word and the fields
// in declaration order): the mention stage holds one per ~7 tokens of dense
// text. A head word past CompactString's 15 bytes in place is whole.
TEST(Mentions, CandidatesAreSmallAndLongHeadWordsWhole) {
  EXPECT_LE(sizeof(SpeakerMention), 120u);
  Found f = mentions_of("The Democratic People's Republic of Korea said no.");
  const SpeakerMention* korea = nullptr;
  for (const SpeakerMention& m : f.mentions)
    if (m.mention.kind == quotelink::MentionKind::place) korea = &m;
  ASSERT_TRUE(korea);
  EXPECT_GT(korea->head_word.size(), 15u);
  EXPECT_EQ(korea->head_word, "republic of korea");  // 17 bytes
}

TEST(Mentions, StatesArePlacesNotPersons) {
  // A US state is a place that stands for its government, so a personal
  // pronoun never resolves to it ("held in Ohio. He said").
  Found f = mentions_of(
      "The rally was held in Ohio. Texas sued. New Hampshire agreed.");
  for (const char* state : {"Ohio", "Texas", "New Hampshire"}) {
    const SpeakerMention* m = f.find(state);
    ASSERT_TRUE(m) << state;
    EXPECT_EQ(m->mention.kind, quotelink::MentionKind::place) << state;
    EXPECT_EQ(m->mention.head, state);
  }
}

TEST(Mentions, DocumentsWithCountryAndIssuer) {
  Found f = mentions_of(
      "The Russian statement said so. A statement on the Russian Ministry of "
      "Foreign Affairs website agreed.");
  const SpeakerMention* s = f.find("The Russian statement");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->mention.kind, quotelink::MentionKind::document);
  EXPECT_GE(s->country, 0);
  const SpeakerMention* t = f.find("A statement");
  ASSERT_TRUE(t);
  EXPECT_GE(t->owner, 0);
}

TEST(Mentions, AppositionTiesRoleToName) {
  Found f = mentions_of("Hugh Hill, a doctor, said it.");
  const SpeakerMention* name = f.find("Hugh Hill");
  const SpeakerMention* role = f.find("a doctor");
  ASSERT_TRUE(name && role);
  EXPECT_GE(name->appositive, 0);
  EXPECT_GE(role->appositive, 0);
}

TEST(Mentions, FunctionWordsAndDemonymsAreNoNames) {
  Found f =
      mentions_of("But North Koreans are hungry. On Thursday, it rained.");
  EXPECT_FALSE(f.find("But"));
  EXPECT_FALSE(f.find("North Koreans"));
  EXPECT_FALSE(f.find("Thursday"));
  EXPECT_FALSE(f.find("On Thursday"));
}

TEST(Mentions, PluralDemonymBeforeItsCueSpeaks) {
  Found f = mentions_before_cues(
      "The Russians said that the talks failed. Officials met the Russians.");
  const SpeakerMention* speaker = f.find("The Russians");
  ASSERT_TRUE(speaker);
  EXPECT_FALSE(f.find("the Russians"));  // no cue next: no mention
  // Auxiliaries and adverbials may stand between it and the cue.
  Found g = mentions_before_cues(
      "The Saudis have also said that the talks failed. Officials met the "
      "Saudis.");
  EXPECT_TRUE(g.find("The Saudis"));
  EXPECT_FALSE(g.find("the Saudis"));
}

TEST(Mentions, LoneWordOpeningASentenceBeforeItsCueIsAName) {
  Found f = mentions_before_cues(
      "Breitbart reports that the two men fell out. Holding signs, they left.");
  EXPECT_TRUE(f.find("Breitbart"));
  EXPECT_FALSE(f.find("Holding"));
  Found g =
      mentions_before_cues("Breitbart also reports that the two men fell out.");
  EXPECT_TRUE(g.find("Breitbart"));
}

TEST(Mentions, ContractedPronounIsItsSubjectPronoun) {
  // A typographic apostrophe reads as '.
  Found f = mentions_of("Smith spoke. He\u2019ll say more. They've left.");
  const SpeakerMention* he = f.find("He\u2019ll");
  ASSERT_TRUE(he);
  EXPECT_EQ(he->mention.kind, quotelink::MentionKind::pronoun);
  EXPECT_EQ(he->head_word, "he");
  EXPECT_EQ(he->gender, Gender::male);
  EXPECT_FALSE(he->possessive);
  EXPECT_TRUE(he->anaphor);
  const SpeakerMention* they = f.find("They've");
  ASSERT_TRUE(they);
  EXPECT_TRUE(they->plural);
}

TEST(Mentions, SentenceOpeningCueIsNoWordOfAName) {
  Found f = mentions_before_cues(
      "Asked Tuesday about the plan, she said it was fine.");
  EXPECT_FALSE(f.find("Asked Tuesday"));
  EXPECT_FALSE(f.find("Tuesday"));
  Found g = mentions_before_cues("Said Jane Roe, \"We will see.\"");
  EXPECT_TRUE(g.find("Jane Roe"));
}

TEST(Mentions, TitleCaseHeadlineVerbEndsTheName) {
  // A capitalised cue, or capitalised adverbials before one, is the
  // headline's verb, not a word of the name before it.
  Found f = mentions_before_cues("Glenn Beck Says Trump Is Wrong\n\nHe left.");
  EXPECT_TRUE(f.find("Glenn Beck"));
  Found g =
      mentions_before_cues("Rick Perry Just Announced His Plan\n\nHe left.");
  EXPECT_TRUE(g.find("Rick Perry"));
  Found h =
      mentions_before_cues("Trump May Not Have Suggested A Ban\n\nHe left.");
  EXPECT_TRUE(h.find("Trump"));
  // The run after the verb starts after it.
  EXPECT_FALSE(g.find("Announced His Plan"));
  EXPECT_TRUE(g.find("His Plan"));
  const SpeakerMention* perry = g.find("Rick Perry");
  ASSERT_TRUE(perry);
  EXPECT_TRUE(perry->headline);
  // In prose a capitalised word is no verb ("States"), and a lower-case cue
  // after a name ending in an adverbial keeps the name whole.
  Found p = mentions_before_cues(
      "Officials said the United States would act. Jane Roe left.");
  EXPECT_TRUE(p.find("the United States"));
  const SpeakerMention* roe = p.find("Jane Roe");
  ASSERT_TRUE(roe);
  EXPECT_FALSE(roe->headline);
  Found u = mentions_before_cues("USA Today said the talks failed.");
  EXPECT_TRUE(u.find("USA Today"));
}

TEST(Mentions, ExtraTitlesAreStripped) {
  quotelink::Config config;
  config.extra_titles = {"Grand Vizier"};
  Found f = mentions_of("Grand Vizier Jafar spoke.", config);
  ASSERT_FALSE(f.mentions.empty());
  EXPECT_EQ(f.mentions[0].mention.head, "Jafar");
  EXPECT_EQ(f.mentions[0].title, "grand vizier");
}

TEST(Mentions, NothingInsideQuotations) {
  Found f = mentions_of("\"Putin and Obama met,\" he said.");
  EXPECT_FALSE(f.find("Putin"));
  EXPECT_TRUE(f.find("he"));
}

TEST(Mentions, LoneSentenceInitialWordIsANameOnlyIfNamedElsewhere) {
  Found f = mentions_of(
      "Holding signs, the crowd waited. According to reports, it rained.");
  EXPECT_FALSE(f.find("Holding"));
  EXPECT_FALSE(f.find("According"));
  Found g = mentions_of("Senator Jane Roe spoke first. Roe then left.");
  EXPECT_TRUE(g.find("Roe"));
  Found h = mentions_of("The vote ended. Later, Roe met Smith. Roe left.");
  EXPECT_TRUE(h.find("Roe"));
}

TEST(Mentions, RoleModifiersJoinTheNameSharingTheTitle) {
  Found f = mentions_of("Wyoming GOP chairman Matt Micheli spoke of it.");
  const SpeakerMention* m = f.find("Wyoming GOP chairman Matt Micheli");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mention.kind, quotelink::MentionKind::name);
  EXPECT_EQ(m->mention.head, "Matt Micheli");
}

TEST(Mentions, LoneNameBetweenDeterminerAndNounIsAModifier) {
  Found f = mentions_of("Jane Roe met a Trump supporter in the Iowa county.");
  EXPECT_FALSE(f.find("Trump"));
  EXPECT_FALSE(f.find("Iowa"));
  EXPECT_TRUE(f.find("Jane Roe"));
  Found g = mentions_of("It was the Kremlin of Russia that spoke.");
  EXPECT_TRUE(g.find("the Kremlin of Russia") || g.find("the Kremlin"));
}

TEST(Mentions, CapitalisedParticleBelongsToTheName) {
  Found f = mentions_of(
      "Marine Le Pen met Sen. Al Franken and Jane Roe of Texas on Monday.");
  EXPECT_TRUE(f.find("Marine Le Pen"));
  EXPECT_TRUE(f.find("Sen. Al Franken"));
  EXPECT_TRUE(f.find("Jane Roe"));  // a lower-case "of" still ends a name
  Found g = mentions_of("Le Pen told CNN that she would run.");
  EXPECT_TRUE(g.find("Le Pen"));
}

TEST(Mentions, ThreeWordsInCapitalsAreAHeadingNotAName) {
  Found f = mentions_of(
      "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones wrote about the "
      "FBI and the NAACP.");
  for (const SpeakerMention& m : f.mentions)
    EXPECT_EQ(f.slice(m).find("OUTNUMBER"), std::string::npos) << f.slice(m);
  EXPECT_TRUE(f.find("Jeffrey M. Jones"));
  EXPECT_TRUE(f.find("the FBI") || f.find("FBI"));  // acronyms still are
}

TEST(Mentions, WordsBeforeATitleInsideANameAreNoName) {
  Found f = mentions_of(
      "New Jersey Gov. Chris Christie met Senate Minority Leader Harry Reid.");
  const SpeakerMention* christie = f.find("New Jersey Gov. Chris Christie");
  const SpeakerMention* reid = f.find("Senate Minority Leader Harry Reid");
  ASSERT_TRUE(christie && reid);
  EXPECT_EQ(christie->mention.head, "Chris Christie");
  EXPECT_EQ(reid->mention.head, "Harry Reid");
  // A title as the run's last word stays: there is no name after it.
  Found g = mentions_of("They met Jane Roe Leader on Monday.");
  const SpeakerMention* roe = g.find("Jane Roe Leader");
  if (roe) EXPECT_EQ(roe->mention.head, "Jane Roe Leader");
}

TEST(Mentions, CapitalisedRoleAfterADeterminerAndModifiers) {
  Found f = mentions_of("Later one senior Democrat spoke to the press.");
  const SpeakerMention* m = f.find("one senior Democrat");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mention.kind, quotelink::MentionKind::role);
  // Names keep their titles: "the former Senator Jane Roe" is one name.
  Found g = mentions_of("Later the former Senator Jane Roe spoke.");
  EXPECT_TRUE(g.find("the former Senator Jane Roe"));
}

TEST(Mentions, QuantityWithPercentSignOrApproximatorBeforeACue) {
  Found f = mentions_before_cues("They lean left: 42% say they are liberal.");
  const SpeakerMention* m = f.find("42%");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->plural);
  Found g = mentions_before_cues(
      "They lean left, and 12% of Democrats say they are liberal.");
  EXPECT_TRUE(g.find("12% of Democrats"));
  for (const std::string& phrase :
       {"About four in 10", "More than six in 10", "A mere 9 percent",
        "At least 21,000", "Nearly a third", "Majorities of Democrats"}) {
    Found h = mentions_before_cues(phrase + std::string(" said it was bad."));
    const SpeakerMention* q = h.find(phrase);
    ASSERT_TRUE(q) << phrase;
    EXPECT_TRUE(q->plural) << phrase;
  }
  // No cue, no quantity of people.
  Found n = mentions_before_cues("They lean left: 42% of the vote.");
  EXPECT_FALSE(n.find("42%"));
}

TEST(Mentions, BarePluralNounPhraseBeforeACue) {
  for (const auto& [text, subject] :
       std::vector<std::pair<std::string, std::string>>{
           {"But security specialists say it is real.", "security specialists"},
           {"Companies say the rule would hurt users.", "Companies"},
           {"He left, and old Iowa political hands say it was late.",
            "old Iowa political hands"},
           {"The vote was delayed, state media said on Friday.",
            "state media"}}) {
    Found f = mentions_before_cues(text);
    const SpeakerMention* m = f.find(subject);
    ASSERT_TRUE(m) << text;
    EXPECT_TRUE(m->plural) << text;
  }
  // A role noun takes its lower-case modifiers and keeps its singular.
  Found r = mentions_before_cues("It is late, federal officials said.");
  const SpeakerMention* officials = r.find("federal officials");
  ASSERT_TRUE(officials);
  EXPECT_EQ(officials->head_word, "official");
  // Not over a function word, not after a closing bracket, not with a
  // marked quotation after the cue.
  for (const auto& [text, phrase] :
       std::vector<std::pair<std::string, std::string>>{
           {"In recent years scientists say it is real.", "years scientists"},
           {"McDonough (then an adviser) heaps praise on Kennedy.", "heaps"},
           {"Trump says praise from Putin helps.", "Trump says"},
           {"Media shares blame - Pollster: \"Pollsters are to blame.\"",
            "Media shares"}})
    EXPECT_FALSE(mentions_before_cues(text).find(phrase)) << text;
}

TEST(Mentions, DeterminedPhraseBeforeACueRunsOverNoAuxiliary) {
  Found f = mentions_before_cues("The full poll can be found here.");
  EXPECT_FALSE(f.find("The full poll can be"));
  Found g = mentions_before_cues("The vote was delayed, state media said.");
  EXPECT_FALSE(g.find("The vote was delayed, state media"));
  // Commas inside the phrase still do not end it.
  Found h = mentions_before_cues("Later the bespectacled, old diplomat said.");
  EXPECT_TRUE(h.find("the bespectacled, old diplomat"));
}

TEST(Mentions, PossessorsWholeNameOpensARole) {
  Found f = mentions_of("Mrs. Clinton's confidants say it is a mistake.");
  const SpeakerMention* m = f.find("Mrs. Clinton's confidants");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->mention.kind, quotelink::MentionKind::role);
  EXPECT_FALSE(f.find("Mrs. Clinton's"));
  Found g = mentions_of("Later the Russian Foreign Ministry's envoy spoke.");
  EXPECT_TRUE(g.find("the Russian Foreign Ministry's envoy"));
  Found h = mentions_of("Yesterday Russia's foreign minister spoke.");
  EXPECT_TRUE(h.find("Russia's foreign minister"));
}

TEST(Mentions, CoordinatedRolesBeforeACueSpeakTogether) {
  for (const std::string& subject :
       {"Her advisers and allies", "Friends, lobbyists and former foes"}) {
    Found f = mentions_before_cues(subject + std::string(" say she will run."));
    const SpeakerMention* m = f.find(subject);
    ASSERT_TRUE(m) << subject;
    EXPECT_TRUE(m->plural) << subject;
  }
  // Names keep their own mentions; a quantity after "and" opens a clause.
  Found g = mentions_before_cues("Jane Roe and Neil Roe said it was bad.");
  EXPECT_TRUE(g.find("Jane Roe") && g.find("Neil Roe"));
  Found h = mentions_before_cues(
      "Most backed the officials and 60 percent said it was bad.");
  EXPECT_TRUE(h.find("60 percent"));
}

TEST(Mentions, PluralDeterminerMakesACueSubjectPlural) {
  Found f = mentions_before_cues("By big margins, those surveyed say it is.");
  const SpeakerMention* m = f.find("those surveyed");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->plural);
  Found g = mentions_before_cues("The person surveyed said it is.");
  const SpeakerMention* one = g.find("The person surveyed");
  ASSERT_TRUE(one);
  EXPECT_FALSE(one->plural);
}

TEST(Mentions, AsideBetweenSubjectAndCue) {
  Found f = mentions_before_cues("Others, however, say it is late.");
  EXPECT_TRUE(f.find("Others"));
  Found g =
      mentions_before_cues("Cement makers, for instance, argue it is late.");
  EXPECT_TRUE(g.find("Cement makers"));
  // Any other phrase between commas is no aside.
  Found h = mentions_before_cues("Cement makers, in Ohio, argue it is late.");
  EXPECT_FALSE(h.find("Cement makers"));
}

TEST(Mentions, CueSubjectBeforeARelativePronoun) {
  Found f = mentions_before_cues(
      "It was 50 percent, compared with the 30 percent who say it is bad.");
  EXPECT_TRUE(f.find("the 30 percent"));
  Found g = mentions_before_cues("Young voters who say it is bad left.");
  EXPECT_TRUE(g.find("Young voters"));
}

TEST(Mentions, PossessivePronounStandsForItsSubjectPronoun) {
  Found f = mentions_of("Later, she toned down her criticism of the deal.");
  const SpeakerMention* her = f.find("her");
  ASSERT_TRUE(her);
  EXPECT_TRUE(her->possessive);
  EXPECT_EQ(her->head_word, "she");
  EXPECT_EQ(her->gender, Gender::female);
  EXPECT_FALSE(her->subject);
  const SpeakerMention* she = f.find("she");
  ASSERT_TRUE(she);
  EXPECT_FALSE(she->possessive);
  EXPECT_TRUE(she->subject);
  // A possessive opening the sentence leaves the subject to the next one.
  Found g = mentions_of("Their critique, Jane Roe said, was sharp.");
  ASSERT_TRUE(g.find("Their"));
  EXPECT_TRUE(g.find("Their")->plural);
  EXPECT_FALSE(g.find("Their")->subject);
}

// One example per rule of kMentionRules: what the rule finds in the text,
// which must be lost when the rule alone is switched off.
struct RuleExample {
  MentionRuleId rule;
  std::string text;
  std::string surface;  ///< the mention the check looks at
  std::function<bool(const SpeakerMention&)> holds;
};

bool any(const SpeakerMention&) { return true; }

std::vector<RuleExample> rule_examples() {
  return {
      {MentionRuleId::names, "Jane Roe arrived.", "Jane Roe", any},
      {MentionRuleId::nominals, "The Russian foreign ministry arrived.",
       "The Russian foreign ministry", any},
      {MentionRuleId::quantity_subjects, "Sixty-six percent said no.",
       "Sixty-six percent", any},
      {MentionRuleId::cue_subjects,
       "The bespectacled, 71-year-old man said no.",
       "The bespectacled, 71-year-old man", any},
      {MentionRuleId::bare_subjects, "Protest groups say no.", "Protest groups",
       any},
      {MentionRuleId::cue_objects, "\"No,\" said the 46-year-old.",
       "the 46-year-old", any},
      {MentionRuleId::pronouns, "He arrived.", "He", any},
      {MentionRuleId::coordinate_subjects, "Her advisers and allies say no.",
       "Her advisers and allies", any},
      {MentionRuleId::issuer_documents,
       "The Russian Ministry of Foreign Affairs website said no.",
       "The Russian Ministry of Foreign Affairs website", any},
      {MentionRuleId::sentence_subjects, "On Thursday, Jane Roe arrived.",
       "Jane Roe", [](const SpeakerMention& m) { return m.subject; }},
      {MentionRuleId::before_auxiliaries, "Jane Roe will arrive.", "Jane Roe",
       [](const SpeakerMention& m) { return m.before_auxiliary; }},
      {MentionRuleId::appositions, "Hugh Hill, a doctor, arrived.", "Hugh Hill",
       [](const SpeakerMention& m) { return m.appositive >= 0; }},
      {MentionRuleId::document_owners,
       "A statement from the Russian foreign ministry arrived.", "A statement",
       [](const SpeakerMention& m) { return m.owner >= 0; }},
  };
}

bool example_holds(const RuleExample& e,
                   const std::vector<std::string>& disabled) {
  Found f = mentions_before_cues(e.text, disabled);
  const SpeakerMention* m = f.find(e.surface);
  return m != nullptr && e.holds(*m);
}

TEST(MentionRules, EveryRuleHasANameUniqueInTheTable) {
  std::set<std::string_view> names;
  for (std::size_t r = 0; r < kMentionRuleCount; ++r) {
    std::string_view name = mention_rule_name(static_cast<MentionRuleId>(r));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name;
  }
}

TEST(MentionRules, EachRuleFindsItsExampleAndNotWhenSwitchedOff) {
  std::vector<RuleExample> examples = rule_examples();
  std::set<MentionRuleId> covered;
  for (const RuleExample& e : examples) {
    covered.insert(e.rule);
    const std::string name(mention_rule_name(e.rule));
    EXPECT_TRUE(example_holds(e, {})) << name << ": " << e.text;
    EXPECT_FALSE(example_holds(e, {name})) << name << " off: " << e.text;
  }
  EXPECT_EQ(covered.size(), kMentionRuleCount) << "a rule has no example";
}

// Switched off by its name, a rule takes away its own mentions and no other.
TEST(MentionRules, ARuleSwitchedOffTakesAwayOnlyItsMentions) {
  auto surfaces = [](const Found& f) {
    std::vector<std::string> out;
    for (const SpeakerMention& m : f.mentions) out.push_back(f.slice(m));
    return out;
  };
  const std::string text = "Jane Roe said he left the ministry.";
  EXPECT_EQ(surfaces(mentions_before_cues(text)),
            (std::vector<std::string>{"Jane Roe", "he", "the ministry"}));
  EXPECT_EQ(surfaces(mentions_before_cues(text, {"mention_pronouns"})),
            (std::vector<std::string>{"Jane Roe", "the ministry"}));
  EXPECT_EQ(surfaces(mentions_before_cues(text, {"mention_nominals"})),
            (std::vector<std::string>{"Jane Roe", "he"}));
}

TEST(MentionRules, AllRulesOffFindNothing) {
  std::vector<std::string> off;
  for (std::size_t r = 0; r < kMentionRuleCount; ++r)
    off.emplace_back(mention_rule_name(static_cast<MentionRuleId>(r)));
  EXPECT_TRUE(
      mentions_before_cues("Jane Roe said he left.", off).mentions.empty());
}

}  // namespace
