// Tests of the JSONL and CSV serialisation of quotation records: escaping,
// Python's float repr, code-point offsets, null fields, and the stream workers.
#include "quotelink/json.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "quotelink/quotelink.h"
#include "quotelink/stream.h"

namespace {

using quotelink::Document;

std::string json_string(std::string_view text) {
  std::string out;
  quotelink::append_json_string(out, text);
  return out;
}

std::string python_float(double value) {
  std::string out;
  quotelink::append_python_float(out, value);
  return out;
}

TEST(JsonString, EscapesQuotesBackslashAndControlCharacters) {
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(json_string(std::string("\x00\x01\x1f", 3)),
            R"("\u0000\u0001\u001f")");
  // DEL is not a JSON control character: json.dumps leaves it.
  EXPECT_EQ(json_string("\x7f"), "\"\x7f\"");
}

TEST(JsonString, PassesNonAsciiThroughAsUtf8) {
  EXPECT_EQ(json_string("Caf\xc3\xa9 \xe2\x80\x9cyes\xe2\x80\x9d"),
            "\"Caf\xc3\xa9 \xe2\x80\x9cyes\xe2\x80\x9d\"");
  // U+2028 and a lone U+FFFD (a replaced invalid byte) stay as they are.
  EXPECT_EQ(json_string("\xe2\x80\xa8\xef\xbf\xbd"),
            "\"\xe2\x80\xa8\xef\xbf\xbd\"");
  // Four-byte characters are not split into surrogate escapes.
  EXPECT_EQ(json_string("\xf0\x9f\x98\x80"), "\"\xf0\x9f\x98\x80\"");
}

TEST(PythonFloat, MatchesRepr) {
  EXPECT_EQ(python_float(0.0), "0.0");
  EXPECT_EQ(python_float(-0.0), "-0.0");
  EXPECT_EQ(python_float(1.0), "1.0");
  EXPECT_EQ(python_float(0.5), "0.5");
  EXPECT_EQ(python_float(0.97), "0.97");
  EXPECT_EQ(python_float(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(python_float(0.0001), "0.0001");
  EXPECT_EQ(python_float(0.00001), "1e-05");
  EXPECT_EQ(python_float(1.5e-7), "1.5e-07");
  EXPECT_EQ(python_float(123.25), "123.25");
  EXPECT_EQ(python_float(1e15), "1000000000000000.0");
  EXPECT_EQ(python_float(1e16), "1e+16");
  EXPECT_EQ(python_float(1.25e100), "1.25e+100");
  EXPECT_EQ(python_float(std::numeric_limits<double>::infinity()), "inf");
}

// A document built by hand: every record field is controlled.
Document sample() {
  Document doc;
  // "é" is two bytes: offsets after it differ in bytes and code points.
  doc.text = "\xc3\xa9 \"Tab\there,\" Ann said.\nNo \"speaker\" here.";
  doc.build_offset_index();
  doc.mentions.push_back({{15, 18}, quotelink::MentionKind::name, 0, "Ann"});
  doc.entities.push_back({"Ann Lee", quotelink::EntityType::person, {0}});
  quotelink::Quote q;
  q.span = {4, 13};
  q.outer = {3, 14};
  q.speaker = 0;
  q.mention = 0;
  q.cue = quotelink::Span{19, 23};
  q.sieve = quotelink::SieveLabel("trigram");
  q.confidence = 0.9;
  q.id = 0;
  doc.quotes.push_back(q);
  quotelink::Quote lone;
  lone.span = {29, 36};
  lone.outer = {28, 37};
  lone.sieve = quotelink::SieveLabel("none");
  lone.id = 1;
  lone.parent = 0;  // as if it were quoted words of the first
  doc.quotes.push_back(lone);
  return doc;
}

TEST(ToJsonl, WritesOneRecordPerQuoteInDesignOrder) {
  EXPECT_EQ(
      quotelink::to_jsonl(sample(), "d\"1"),
      R"({"doc": "d\"1", "text": "Tab\there,", "start": 3, "end": 12, )"
      R"("kind": "direct", "speaker": "Ann Lee", "speaker_type": "person", )"
      R"("mention": "Ann", "mention_start": 14, "mention_end": 17, )"
      R"("cue": "said", "sieve": "trigram", "confidence": 0.9, "id": 0, )"
      R"("parent": null})"
      "\n"
      R"({"doc": "d\"1", "text": "speaker", "start": 28, "end": 35, )"
      R"("kind": "direct", "speaker": null, "speaker_type": null, )"
      R"("mention": null, "mention_start": null, "mention_end": null, )"
      R"("cue": null, "sieve": "none", "confidence": 0.0, "id": 1, )"
      R"("parent": 0})"
      "\n");
}

TEST(ToJsonl, NoQuotesIsNoLines) {
  Document doc;
  doc.text = "Nothing quoted.";
  doc.build_offset_index();
  EXPECT_EQ(quotelink::to_jsonl(doc, "x"), "");
  EXPECT_EQ(quotelink::to_csv(doc, "x"), "");
}

TEST(ToCsv, QuotesOnlyFieldsThatNeedIt) {
  EXPECT_EQ(quotelink::to_csv(sample(), "a,b"),
            "\"a,b\",\"Tab\there,\",3,12,direct,Ann Lee,person,Ann,14,17,said,"
            "trigram,0.9,0,\n"
            "\"a,b\",speaker,28,35,direct,,,,,,,none,0.0,1,0\n");
  Document doc = sample();
  doc.text.replace(4, 9, "ab \"no\"\nc");  // the first quotation's 9 bytes
  doc.build_offset_index();
  std::string csv = quotelink::to_csv(doc, "id");
  EXPECT_EQ(csv.substr(0, 19), "id,\"ab \"\"no\"\"\nc\",3,");
}

TEST(StreamOutput, WorkersSerialiseAndDropTheDocument) {
  quotelink::Extractor extractor;
  const std::string text = "\"We will win,\" Ann Lee said.";
  Document direct = extractor.extract(text, "a");
  for (auto output :
       {quotelink::StreamOutput::jsonl, quotelink::StreamOutput::csv}) {
    quotelink::StreamOptions options;
    options.threads = 2;
    options.output = output;
    quotelink::Stream stream(extractor, options);
    stream.submit("a", text);
    stream.submit("b", "bad \xff byte");
    auto first = stream.next();
    ASSERT_TRUE(first && first->ok);
    EXPECT_EQ(first->serialized, output == quotelink::StreamOutput::jsonl
                                     ? quotelink::to_jsonl(direct, "a")
                                     : quotelink::to_csv(direct, "a"));
    EXPECT_FALSE(first->serialized.empty());
    EXPECT_TRUE(first->document.quotes.empty());
    auto second = stream.next();
    ASSERT_TRUE(second);
    EXPECT_FALSE(second->ok);
    EXPECT_TRUE(second->serialized.empty());
  }
}

}  // namespace
