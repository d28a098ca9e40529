#include "tiegraph/nlp/parser_treebank.h"

#include <charconv>
#include <fstream>
#include <string_view>

namespace tiegraph::nlp {

namespace {

// Splits a CoNLL-U word line into its ten tab-separated columns.
bool SplitColumns(std::string_view line, std::string_view* cols) {
  int c = 0;
  size_t start = 0;
  for (size_t i = 0; i <= line.size() && c < 10; ++i) {
    if (i == line.size() || line[i] == '\t') {
      cols[c++] = line.substr(start, i - start);
      start = i + 1;
    }
  }
  return c == 10;
}

}  // namespace

Result<std::vector<TreebankSentence>> ReadTreebank(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot open " + path);
  std::vector<TreebankSentence> out;
  TreebankSentence current;
  std::string line;
  int line_no = 0;
  std::string_view cols[10];
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (current.size() > 0) out.push_back(std::move(current));
      current = TreebankSentence();
      continue;
    }
    if (line[0] == '#') continue;
    if (!SplitColumns(line, cols)) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected 10 columns");
    }
    const std::string_view id = cols[0];
    if (id.find_first_of("-.") != std::string_view::npos) continue;
    int head = -1;
    auto [p, ec] = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), head);
    if (ec != std::errc() || head < 0) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": bad head");
    }
    current.form.emplace_back(cols[1]);
    current.upos.emplace_back(cols[3]);
    current.xpos.emplace_back(cols[4]);
    current.head.push_back(head);
    current.deprel.emplace_back(cols[7]);
  }
  if (current.size() > 0) out.push_back(std::move(current));
  for (const auto& s : out) {
    for (int h : s.head) {
      if (h > static_cast<int>(s.size())) return Status::Corruption(path + ": head out of range");
    }
  }
  return out;
}

Document ToDocument(const std::vector<TreebankSentence>& sentences) {
  Document doc;
  for (const auto& s : sentences) {
    Sentence sent;
    sent.first_token = static_cast<uint32_t>(doc.tokens.size());
    sent.token_count = static_cast<uint32_t>(s.size());
    sent.span.begin = static_cast<uint32_t>(doc.text.size());
    for (size_t i = 0; i < s.size(); ++i) {
      if (i > 0) doc.text.push_back(' ');
      Token t;
      t.span.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += s.form[i];
      t.span.end = static_cast<uint32_t>(doc.text.size());
      t.upos = s.upos[i];
      t.xpos = s.xpos[i];
      doc.tokens.push_back(std::move(t));
    }
    sent.span.end = static_cast<uint32_t>(doc.text.size());
    doc.text.push_back('\n');
    doc.sentences.push_back(sent);
  }
  return doc;
}

}  // namespace tiegraph::nlp
