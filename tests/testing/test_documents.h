// Builders for hand-parsed test documents and a small knowledge base, shared
// by the resolve and extract tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "tiegraph/resolve/knowledge_base.h"
#include "tiegraph/text/document.h"

namespace tiegraph::testing {

// Appends one sentence given as CoNLL-like rows "form UPOS head deprel [XPOS]".
inline void AddParsedSentence(Document& doc, const std::vector<std::string>& rows) {
  if (!doc.text.empty()) doc.text += ' ';
  Sentence s;
  s.first_token = static_cast<uint32_t>(doc.tokens.size());
  uint32_t begin = static_cast<uint32_t>(doc.text.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    std::istringstream in(rows[i]);
    std::string form, upos, deprel;
    int head;
    in >> form >> upos >> head >> deprel;
    if (i > 0) doc.text += ' ';
    Token t;
    t.span = Span{static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + form.size())};
    doc.text += form;
    t.upos = upos;
    t.head = head;
    t.deprel = deprel;
    std::string xpos;
    if (in >> xpos) t.xpos = xpos;
    doc.tokens.push_back(t);
  }
  s.token_count = static_cast<uint32_t>(rows.size());
  s.span = Span{begin, static_cast<uint32_t>(doc.text.size())};
  doc.sentences.push_back(s);
}

inline KbEntry Person(std::string id, std::string name, std::string country, char gender,
                      std::vector<std::string> aliases = {}, std::vector<KbRole> roles = {}) {
  KbEntry e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = ActorType::kPerson;
  e.kind = "person";
  e.country = std::move(country);
  e.gender = gender;
  e.aliases = std::move(aliases);
  e.roles = std::move(roles);
  e.source = "curated";
  return e;
}

inline KbEntry Org(std::string id, std::string name, std::string country, std::vector<std::string> aliases = {},
                   std::string kind = "party") {
  KbEntry e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = ActorType::kOrganization;
  e.kind = std::move(kind);
  e.country = std::move(country);
  e.aliases = std::move(aliases);
  e.source = "curated";
  return e;
}

inline KbEntry Country(std::string iso2, std::string name, std::vector<std::string> demonyms,
                       std::vector<std::string> metonyms, std::vector<std::string> aliases = {}) {
  KbEntry e;
  e.id = iso2;
  e.name = std::move(name);
  e.type = ActorType::kCountry;
  e.kind = "country";
  e.country = std::move(iso2);
  e.demonyms = std::move(demonyms);
  e.metonyms = std::move(metonyms);
  e.aliases = std::move(aliases);
  e.source = "curated";
  return e;
}

inline KnowledgeBase SmallKb() {
  std::vector<KbEntry> entries = {
      Country("RU", "Russia", {"Russian", "Russians"}, {"Moscow", "the Kremlin"}),
      Country("US", "United States", {"American"}, {"Washington", "the White House"}, {"US", "U.S.", "USA"}),
      Country("UA", "Ukraine", {"Ukrainian"}, {"Kyiv", "Kiev"}),
      Country("BR", "Brazil", {"Brazilian"}, {"Brasilia"}),
      Country("FR", "France", {"French"}, {"Paris"}),
      Person("vladimir-putin", "Vladimir Putin", "RU", 'm', {"Putin"}, {{"president", "RU", "2012", ""}}),
      Person("jair-bolsonaro", "Jair Bolsonaro", "BR", 'm', {"Bolsonaro"}),
      Person("angela-merkel", "Angela Merkel", "DE", 'f', {"Merkel"}),
      Org("nato", "NATO", "", {"North Atlantic Treaty Organization"}, "intl"),
      Org("rt", "RT", "RU", {"Russia Today"}, "state_media"),
      Org("rn", "National Rally", "FR", {"RN"}, "party"),
  };
  auto kb = KnowledgeBase::FromEntries(std::move(entries));
  return std::move(kb.value());
}

}  // namespace tiegraph::testing
