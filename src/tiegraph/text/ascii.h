// ASCII helpers shared by every stage. AsciiLower: letters A-Z become a-z,
// every other byte (UTF-8 included) is kept, so byte offsets and lengths stay
// equal. StartsWithAny: whether a word begins with one of the given stems.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace tiegraph {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

inline bool StartsWithAny(std::string_view word, std::initializer_list<std::string_view> stems) {
  for (std::string_view stem : stems)
    if (word.substr(0, stem.size()) == stem) return true;
  return false;
}

}  // namespace tiegraph
