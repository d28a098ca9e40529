#include "tiegraph/text/html.h"

#include <gumbo.h>

#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace tiegraph {
namespace {

// Gumbo 0.10 has no nesting limit and its tree building takes time quadratic
// in the depth (100,000 nested <div>s: minutes of CPU). So before parsing,
// start tags that would open an element deeper than kMaxNesting are dropped,
// with as many of the end tags that follow; the text inside is kept.
// Elements whose end tag is optional (p, li, td, ...), void elements,
// comments and raw-text elements (script, style, ...) are not counted.
constexpr int kMaxNesting = 512;

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool NotCounted(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body"};
  for (std::string_view n : kNames) {
    if (n == name) return true;
  }
  return false;
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes" || name == "plaintext";
}

// The end of the tag starting at html[i] == '<' (one past its '>'), skipping quoted attribute values.
size_t TagEnd(std::string_view html, size_t i) {
  char quote = 0;
  for (size_t k = i + 1; k < html.size(); ++k) {
    char c = html[k];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return html.size();
}

std::string LowerTagName(std::string_view html, size_t from) {
  std::string name;
  for (size_t k = from; k < html.size() && name.size() < 16; ++k) {
    char c = html[k];
    if (!IsAsciiAlpha(c) && !(c >= '0' && c <= '9')) break;
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return name;
}

// Returns false (and leaves *out empty) when no element nests deeper than max_depth.
bool LimitNesting(std::string_view html, int max_depth, std::string* out) {
  int depth = 0, dropped = 0;
  bool changed = false;
  size_t copied = 0;  // html[copied, i) is still to be appended to *out
  size_t i = 0;
  auto drop = [&](size_t begin, size_t end) {
    if (!changed) {
      changed = true;
      out->reserve(html.size());
    }
    out->append(html.substr(copied, begin - copied));
    copied = end;
  };
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    char next = html[lt + 1];
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t close = html.find("-->", lt + 4);
      i = close == std::string_view::npos ? html.size() : close + 3;
    } else if (next == '/' && lt + 2 < html.size() && IsAsciiAlpha(html[lt + 2])) {
      size_t end = TagEnd(html, lt);
      std::string name = LowerTagName(html, lt + 2);
      if (!NotCounted(name)) {
        if (dropped > 0) {
          --dropped;
          drop(lt, end);
        } else if (depth > 0) {
          --depth;
        }
      }
      i = end;
    } else if (IsAsciiAlpha(next)) {
      size_t end = TagEnd(html, lt);
      std::string name = LowerTagName(html, lt + 1);
      if (IsRawText(name)) {
        // Copy through the matching end tag: its content is not markup.
        size_t k = end;
        while (k < html.size()) {
          size_t c = html.find("</", k);
          if (c == std::string_view::npos) { k = html.size(); break; }
          if (LowerTagName(html, c + 2) == name) { k = TagEnd(html, c); break; }
          k = c + 2;
        }
        i = k;
      } else {
        bool self_closing = end >= 2 && html[end - 2] == '/';
        if (!self_closing && !NotCounted(name)) {
          if (depth >= max_depth) {
            ++dropped;
            drop(lt, end);
          } else {
            ++depth;
          }
        }
        i = end;
      }
    } else {
      i = lt + 1;
    }
  }
  if (changed) out->append(html.substr(copied));
  return changed;
}

bool Skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_MAIN: case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string IsoDatePrefix(const char* value) {
  if (!value) return "";
  std::string v(value);
  // Accept "YYYY-MM-DD..." ; else empty.
  if (v.size() >= 10 && std::isdigit(static_cast<unsigned char>(v[0])) && v[4] == '-' && v[7] == '-')
    return v.substr(0, 10);
  return "";
}

struct Walker {
  HtmlArticle* out;
  const GumboNode* main_node = nullptr;
  std::string text;

  // Iterative traversal (no recursion: deep nesting must not overflow the stack).
  void FindMeta(const GumboNode* root) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TITLE && out->title.empty() && node->v.element.children.length > 0) {
        auto* child = static_cast<const GumboNode*>(node->v.element.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) out->title = child->v.text.text;
      } else if (tag == GUMBO_TAG_META) {
        const char* key = Attr(node, "property");
        if (!key) key = Attr(node, "name");
        if (!key) key = Attr(node, "itemprop");
        const char* content = Attr(node, "content");
        if (key && content) {
          if ((!std::strcmp(key, "article:published_time") || !std::strcmp(key, "datePublished") ||
               !std::strcmp(key, "date") || !std::strcmp(key, "pubdate") || !std::strcmp(key, "DC.date.issued") ||
               !std::strcmp(key, "publish-date")) &&
              out->published.empty())
            out->published = IsoDatePrefix(content);
          if (!std::strcmp(key, "og:title") && out->title.empty()) out->title = content;
          if (!std::strcmp(key, "og:url") && out->url.empty()) out->url = content;
        }
      } else if (tag == GUMBO_TAG_TIME && out->published.empty()) {
        out->published = IsoDatePrefix(Attr(node, "datetime"));
      } else if (tag == GUMBO_TAG_LINK) {
        const char* rel = Attr(node, "rel");
        if (rel && !std::strcmp(rel, "canonical") && Attr(node, "href")) out->url = Attr(node, "href");
      } else if ((tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) && main_node == nullptr) {
        main_node = node;
      }
      const GumboVector& kids = node->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }

  void Break() {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.empty()) return;
    if (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') return;
    text += text.back() == '\n' ? "\n" : "\n\n";
  }

  void AppendText(const char* s) {
    // Collapse whitespace runs to one space.
    for (const char* p = s; *p; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        if (!text.empty() && text.back() != ' ' && text.back() != '\n') text.push_back(' ');
      } else {
        text.push_back(static_cast<char>(c));
      }
    }
  }

  void CollectText(const GumboNode* root) {
    struct Frame { const GumboNode* node; bool exit; };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const GumboNode* node = f.node;
      if (f.exit) { Break(); continue; }
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) { AppendText(node->v.text.text); continue; }
      if (node->type == GUMBO_NODE_WHITESPACE) { AppendText(" "); continue; }
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      GumboTag tag = node->v.element.tag;
      if (Skipped(tag)) continue;
      if (tag == GUMBO_TAG_BR) { text += "\n"; continue; }
      bool block = IsBlock(tag);
      if (block) { Break(); stack.push_back({node, true}); }
      const GumboVector& kids = node->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), false});
    }
  }
};

}  // namespace

bool LooksLikeHtml(std::string_view b) {
  size_t i = 0;
  while (i < b.size() && std::isspace(static_cast<unsigned char>(b[i]))) ++i;
  std::string head;
  for (size_t k = i; k < b.size() && head.size() < 64; ++k) head.push_back(static_cast<char>(std::tolower(b[k])));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 || head.rfind("<head", 0) == 0 ||
         head.rfind("<body", 0) == 0 || head.rfind("<article", 0) == 0;
}

HtmlArticle ExtractHtml(std::string_view html) {
  HtmlArticle article;
  std::string limited;
  if (LimitNesting(html, kMaxNesting, &limited)) html = limited;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  Walker w;
  w.out = &article;
  w.FindMeta(output->root);
  w.CollectText(w.main_node ? w.main_node : output->root);
  while (!w.text.empty() && (w.text.back() == '\n' || w.text.back() == ' ')) w.text.pop_back();
  article.text = std::move(w.text);
  // Trim title whitespace.
  auto& t = article.title;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  size_t s = 0;
  while (s < t.size() && std::isspace(static_cast<unsigned char>(t[s]))) ++s;
  t.erase(0, s);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return article;
}

}  // namespace tiegraph
