// HTML to article text through gumbo: the title (<title> or og:title), the
// main text (from <article> or <main> when present, else <body>) without
// navigation, headers, footers, asides, forms, scripts or styles, with block
// elements separated by blank lines, and the publication date from meta tags
// (article:published_time, datePublished, date, pubdate) or <time datetime>.
#pragma once

#include <string>
#include <string_view>

namespace tiegraph {

struct HtmlArticle {
  std::string title;
  std::string text;
  std::string published;  // "YYYY-MM-DD" or ""
  std::string url;        // canonical / og:url if given
};

// Never fails: malformed HTML yields whatever text gumbo recovers. Elements
// nested more than 512 deep lose their tags but keep their text (gumbo's
// time grows with the square of the depth).
HtmlArticle ExtractHtml(std::string_view html);

// True if the bytes look like an HTML document.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace tiegraph
