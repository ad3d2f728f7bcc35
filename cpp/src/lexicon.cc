#include "lexicon.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "cues.h"
#include "mentions.h"
#include "name_keys.h"
#include "quotelink/error.h"
#include "relative_sources.h"
#include "reported.h"
#include "text.h"

namespace quotelink::detail {

std::string_view embedded_file_or_fail(std::string_view name,
                                       const std::string& missing) {
  try {
    return embedded_file(name);
  } catch (const error&) {
    throw error(missing);
  }
}

std::vector<std::string> embedded_lines(std::string_view name) {
  std::string_view data = embedded_file(name);
  std::vector<std::string> lines;
  while (!data.empty()) {
    std::size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() &&
           (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
      line.remove_prefix(1);
    if (!line.empty()) lines.emplace_back(line);
  }
  return lines;
}

const std::vector<std::string_view>& all_word_classes() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    // One line per stage that reads word classes.
    for (std::string_view c : kTextWordClasses) v.push_back(c);
    for (std::string_view c : kCueWordClasses) v.push_back(c);
    for (std::string_view c : kMentionWordClasses) v.push_back(c);
    for (std::string_view c : kReportedWordClasses) v.push_back(c);
    for (std::string_view c : kReportedPackClasses) v.push_back(c);
    for (std::string_view c : kReportedLemmaClasses) v.push_back(c);
    for (std::string_view c : kLinkWordClasses) v.push_back(c);
    for (std::string_view c : kRelativeSourceClasses) v.push_back(c);
    return v;
  }();
  return names;
}

std::vector<std::string> pack_languages(
    const std::vector<std::string_view>& names) {
  constexpr std::string_view kPackFile = "/pack.txt";
  std::vector<std::string> languages;
  for (std::string_view name : names) {
    if (name.size() <= kPackFile.size() ||
        name.substr(name.size() - kPackFile.size()) != kPackFile)
      continue;
    name.remove_suffix(kPackFile.size());
    if (name.find('/') == std::string_view::npos) languages.emplace_back(name);
  }
  std::sort(languages.begin(), languages.end());
  return languages;
}

PackReader builtin_pack(const std::string& language) {
  const bool plain =
      !language.empty() && language.find_first_of("/\\.") == std::string::npos;
  bool found = false;
  if (plain) {
    try {
      embedded_file(language + "/pack.txt");
      found = true;
    } catch (const error&) {
    }
  }
  if (!found) {
    std::string built_in;
    for (const std::string& lang : pack_languages(embedded_file_names()))
      built_in += (built_in.empty() ? "" : ", ") + lang;
    throw error("Config::language: no language pack '" + language +
                "' is built in (built in: " + built_in + ")");
  }
  return [language](const std::string& name) -> std::optional<std::string> {
    try {
      return std::string(embedded_file(language + "/" + name));
    } catch (const error&) {
      return std::nullopt;
    }
  };
}

PackReader directory_pack(const std::string& dir) {
  return [dir](const std::string& name) -> std::optional<std::string> {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
}

Vocabulary load_vocabulary(const std::string& language, const PackReader& read,
                           const Config& config) {
  Vocabulary vocabulary(all_word_classes());
  vocabulary.load_pack(language, read);
  add_extra_cue_verbs(config, &vocabulary);
  add_extra_titles(config, &vocabulary);
  vocabulary.finish();
  return vocabulary;
}

}  // namespace quotelink::detail
