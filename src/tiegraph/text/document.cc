#include "tiegraph/text/document.h"

namespace tiegraph {

const char* ActorTypeName(ActorType t) {
  switch (t) {
    case ActorType::kPerson: return "Person";
    case ActorType::kOrganization: return "Organization";
    case ActorType::kCountry: return "Country";
  }
  return "Person";
}

}  // namespace tiegraph
