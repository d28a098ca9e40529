// Hand-made networks for the graph tests.
#pragma once

#include <string>
#include <vector>

#include "tiegraph/graph/network.h"
#include "tiegraph/store/records.h"

namespace tiegraph::graph::testing {

class NetworkBuilder {
 public:
  // Returns the new actor's store id (1, 2, ...).
  int64_t Actor(const std::string& name, const std::string& type = "Person", const std::string& country = "",
                std::vector<std::string> aliases = {}) {
    StoredActor a;
    a.id = static_cast<int64_t>(actors_.size()) + 1;
    a.name = name;
    a.type = type;
    a.country = country;
    a.aliases = std::move(aliases);
    actors_.push_back(a);
    return a.id;
  }
  // Adds a claim; document defaults to a fresh one per claim.
  StoredClaim& Claim(int64_t subject, const std::string& relation, int64_t object, const std::string& time = "",
                     const std::string& document = "", bool negated = false, const std::string& modality = "asserted") {
    StoredClaim c;
    c.id = static_cast<int64_t>(claims_.size()) + 1;
    c.subject = subject;
    c.relation = relation;
    c.object = object;
    c.time = time;
    c.document = document.empty() ? "doc" + std::to_string(c.id) : document;
    c.negated = negated;
    c.modality = modality;
    c.evidence = "evidence of claim " + std::to_string(c.id);
    claims_.push_back(c);
    return claims_.back();
  }
  Network Build() const { return Network::Build(actors_, claims_); }

 private:
  std::vector<StoredActor> actors_;
  std::vector<StoredClaim> claims_;
};

}  // namespace tiegraph::graph::testing
