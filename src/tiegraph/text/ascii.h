// ASCII case folding shared by every stage: letters A-Z become a-z, every
// other byte (UTF-8 included) is kept, so byte offsets and lengths stay equal.
#pragma once

#include <string>
#include <string_view>

namespace tiegraph {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace tiegraph
