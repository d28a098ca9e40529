#include "tiegraph/io/ftm_reader.h"

#include <nlohmann/json.hpp>

namespace tiegraph {

std::string FtmEntity::First(const std::string& prop) const {
  auto it = properties.find(prop);
  return it == properties.end() || it->second.empty() ? "" : it->second.front();
}

const std::vector<std::string>& FtmEntity::All(const std::string& prop) const {
  static const std::vector<std::string> kNone;
  auto it = properties.find(prop);
  return it == properties.end() ? kNone : it->second;
}

Result<std::vector<FtmEntity>> ParseFtmEntities(std::string_view text, const std::string& name) {
  std::vector<FtmEntity> out;
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    auto bad = [&](const std::string& why) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + why);
    };
    if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
    if (!j.contains("schema") || !j["schema"].is_string()) return bad("no \"schema\"");
    FtmEntity e;
    e.schema = j["schema"].get<std::string>();
    if (j.contains("id") && j["id"].is_string()) e.id = j["id"].get<std::string>();
    if (j.contains("properties")) {
      if (!j["properties"].is_object()) return bad("\"properties\" is not an object");
      for (auto& [prop, values] : j["properties"].items()) {
        std::vector<std::string>& list = e.properties[prop];
        auto add = [&](const nlohmann::json& v) {
          if (v.is_string()) list.push_back(v.get<std::string>());
          else if (v.is_number()) list.push_back(v.dump());
          else if (v.is_object() && v.contains("id") && v["id"].is_string()) list.push_back(v["id"].get<std::string>());
        };
        if (values.is_array()) {
          for (const auto& v : values) add(v);
        } else {
          add(values);
        }
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace tiegraph
