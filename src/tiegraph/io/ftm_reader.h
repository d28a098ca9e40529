// Reads FollowTheMoney entities: JSON Lines of {"id","schema","properties"}
// (the format of `ftm export`, OpenSanctions' entities.ftm.json and
// tiegraph's own ftm export). Property values are lists of strings; a nested
// entity object as a value is read as its id. Blank lines are skipped; a line
// that is not an entity is an error naming its line number.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tiegraph/status.h"

namespace tiegraph {

struct FtmEntity {
  std::string id;
  std::string schema;
  std::map<std::string, std::vector<std::string>> properties;

  // The first value of a property, "" if none.
  std::string First(const std::string& prop) const;
  const std::vector<std::string>& All(const std::string& prop) const;
};

// `name` names the input in errors.
Result<std::vector<FtmEntity>> ParseFtmEntities(std::string_view text, const std::string& name);

}  // namespace tiegraph
