// Resolver: turns the entity mentions of a Document into actors.
//
// Input: tokens (with tags and entity tags when the NLP models ran). Output:
// Document::mentions (each with Mention::actor set, in text order) and
// Document::actors.
// Mentions come from the knowledge base (names, acronyms, demonyms, capitals
// and metonyms: "a Russian bank", "the Kremlin" -> Russia), from the entity
// recognizer (PER/ORG/LOC), and from pronouns and descriptions ("he",
// "the latter", "the Russian leader") pointed at the most salient compatible
// actor. In-document alias chains ("Marine Le Pen" ... "Le Pen") and acronyms
// defined in parentheses ("the RN (National Rally)") join one actor.
// Const and thread-safe.
#pragma once

#include "tiegraph/resolve/knowledge_base.h"
#include "tiegraph/text/document.h"

namespace tiegraph {

class Resolver {
 public:
  explicit Resolver(const KnowledgeBase* kb) : kb_(kb) {}
  void Resolve(Document& doc) const;

 private:
  const KnowledgeBase* kb_;
};

// Words of the resolve and extract stages that describe office holders
// ("president", "leader", "minister"): true if the lowercased word is one.
bool IsRoleNoun(std::string_view lower_word);

}  // namespace tiegraph
