#include "verbatim.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "quote_marks.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

// One marked part, before ids are known; its record is made only when it
// is placed (a Quote per part held beside the merged records was the peak
// of extraction on text dense with reported speech).
struct Child {
  Span part;
  std::size_t owner = 0;  // index of the record that listed the part
  int enclosing = -1;     // index (into the owner's children) of the
                          // innermost enclosing part, or -1
  bool nested = false;    // inside another part of the same record
};

bool is_mark(char32_t cp) {
  return classify_mark(cp).family != MarkFamily::none;
}

// `part` widened by the quotation marks right around it ("''" counts as one
// mark, as the quotes stage reads it).
Span marked_extent(std::string_view text, const Span& part) {
  Span outer = part;
  for (int i = 0; i < 2 && outer.begin > 0; ++i) {
    std::size_t length = 0;
    const char32_t cp = decode_before(text, outer.begin, &length);
    if (!is_mark(cp) || (i == 1 && cp != '\'')) break;
    outer.begin -= length;
    if (cp != '\'') break;
  }
  for (int i = 0; i < 2 && outer.end < text.size(); ++i) {
    std::size_t length = 0;
    const char32_t cp = decode_at(text, outer.end, &length);
    if (!is_mark(cp) || (i == 1 && cp != '\'')) break;
    outer.end += length;
    if (cp != '\'') break;
  }
  return outer;
}

// Index of the last of `items` (sentences or paragraphs, in text order)
// that starts at or before byte `at`, or -1 when none does.
template <class Item>
int index_at(const std::vector<Item>& items, std::size_t at) {
  auto after = std::upper_bound(
      items.begin(), items.end(), at,
      [](std::size_t b, const Item& item) { return b < item.span.begin; });
  return static_cast<int>(after - items.begin()) - 1;
}

// The partial record of `part`, a marked part of `owner`. Its attribution
// comes from `owner` when `owner` is reported speech and the part lies in
// no other part (`nested` false).
Quote part_record(const Document& doc, const Quote& owner, const Span& part,
                  bool nested) {
  Quote q;
  q.span = part;
  q.outer = marked_extent(doc.text, part);
  q.kind = QuoteKind::partial;
  q.quoted_parts.push_back(part);
  const int sentence = index_at(doc.sentences, part.begin);
  q.sentence = sentence >= 0 ? sentence : owner.sentence;
  const int first = index_at(doc.paragraphs, part.begin);
  q.paragraph = first >= 0 ? first : owner.paragraph;
  q.multi_paragraph =
      part.end > part.begin && index_at(doc.paragraphs, part.end - 1) != first;
  q.headline = owner.headline;
  if (owner.kind == QuoteKind::indirect && !nested) {
    q.speaker = owner.speaker;
    q.mention = owner.mention;
    q.cue = owner.cue;
    q.confidence = owner.confidence;
    static const SieveLabel verbatim("verbatim");
    q.sieve = verbatim;
  } else {
    static const SieveLabel nested_label("nested");
    q.sieve = nested_label;
  }
  return q;
}

// The children of doc.quotes[owner], in text order, enclosing parts first.
void collect_children(const Document& doc, std::size_t owner,
                      std::vector<Child>& out) {
  const Quote& quote = doc.quotes[owner];
  std::vector<Span> parts;
  for (const Span& part : quote.quoted_parts)
    if (part != quote.span && part.end <= doc.text.size() &&
        part.begin < part.end)
      parts.push_back(part);
  std::sort(parts.begin(), parts.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  const std::size_t first = out.size();
  std::vector<int> open;  // indices (from `first`) of enclosing parts
  for (const Span& part : parts) {
    while (!open.empty() && !out[first + open.back()].part.contains(part))
      open.pop_back();
    Child child;
    child.part = part;
    child.owner = owner;
    child.enclosing = open.empty() ? -1 : open.back();
    child.nested = !open.empty();
    open.push_back(static_cast<int>(out.size() - first));
    out.push_back(std::move(child));
  }
}

}  // namespace

void add_verbatim_records(Document& doc) {
  std::vector<Child> children;
  std::vector<std::size_t> first_child(doc.quotes.size() + 1, 0);
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    first_child[q] = children.size();
    collect_children(doc, q, children);
  }
  first_child[doc.quotes.size()] = children.size();
  if (children.empty()) {
    for (std::size_t q = 0; q < doc.quotes.size(); ++q)
      doc.quotes[q].id = static_cast<int>(q);
    return;
  }
  // Children in text order (ties: the enclosing one first), so that they can
  // be merged with the records, which keep their own order.
  std::vector<std::size_t> order(children.size());
  for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) {
                     return children[a].part.begin < children[b].part.begin;
                   });
  std::vector<int> record_id(doc.quotes.size(), -1);
  std::vector<int> child_id(children.size(), -1);
  std::vector<Quote> merged;
  merged.reserve(doc.quotes.size() + children.size());
  std::size_t next = 0;  // into `order`
  auto emit_children_before = [&](std::size_t limit) {
    for (; next < order.size(); ++next) {
      Child& child = children[order[next]];
      const int parent =
          child.enclosing >= 0
              ? child_id[first_child[child.owner] + child.enclosing]
              : record_id[child.owner];
      if (parent < 0 || child.part.begin >= limit) break;
      // The owner is placed already (its id is the parent's or an
      // ancestor's), and `merged` never reallocates: it was reserved.
      Quote quote = part_record(doc, merged[record_id[child.owner]], child.part,
                                child.nested);
      quote.parent = parent;
      quote.id = static_cast<int>(merged.size());
      child_id[order[next]] = quote.id;
      merged.push_back(std::move(quote));
    }
  };
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    emit_children_before(doc.quotes[q].span.begin);
    record_id[q] = static_cast<int>(merged.size());
    doc.quotes[q].id = record_id[q];
    merged.push_back(std::move(doc.quotes[q]));
  }
  emit_children_before(static_cast<std::size_t>(-1));
  doc.quotes = std::move(merged);
}

}  // namespace quotelink::detail
