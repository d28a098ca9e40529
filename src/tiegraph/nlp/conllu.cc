#include "tiegraph/nlp/conllu.h"

#include "tiegraph/nlp/bilou.h"
#include "tiegraph/nlp/model_io.h"

namespace tiegraph::nlp {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Splits line at tabs into at most max_cols fields.
size_t SplitTabs(std::string_view line, std::string_view* cols, size_t max_cols) {
  size_t n = 0, start = 0;
  while (n < max_cols) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols[n++] = line.substr(start);
      break;
    }
    cols[n++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return n;
}

// Appends the sentence's words to the document text and tokens.
void AddToDocument(ConllCorpus& corpus, ConllSentence&& sentence) {
  Document& doc = corpus.doc;
  if (!doc.text.empty()) doc.text.push_back('\n');
  Sentence s;
  s.span.begin = static_cast<uint32_t>(doc.text.size());
  s.first_token = static_cast<uint32_t>(doc.tokens.size());
  for (size_t k = 0; k < sentence.word_lines.size(); ++k) {
    if (k > 0) doc.text.push_back(' ');
    const std::string& form = sentence.lines[sentence.word_lines[k]].cols[1];
    Token t;
    t.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += form;
    t.span.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(std::move(t));
  }
  s.span.end = static_cast<uint32_t>(doc.text.size());
  s.token_count = static_cast<uint32_t>(sentence.word_lines.size());
  doc.sentences.push_back(s);
  corpus.sentences.push_back(std::move(sentence));
}

template <typename LineFn>
Result<ConllCorpus> ParseBlocks(std::string_view content, const std::string& name, LineFn on_token_line) {
  ConllCorpus corpus;
  corpus.doc.source = name;
  ConllSentence current;
  bool open = false;
  size_t line_no = 0, pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    bool at_end = nl >= content.size();
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (open && !current.lines.empty()) AddToDocument(corpus, std::move(current));
      current = ConllSentence();
      open = false;
      if (at_end) break;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      if (!current.lines.empty()) {
        return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": comment inside a sentence");
      }
      current.comments.emplace_back(line);
    } else {
      Status st = on_token_line(line, current);
      if (!st.ok()) return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + st.message());
    }
    if (at_end) break;
  }
  if (open && !current.lines.empty()) AddToDocument(corpus, std::move(current));
  return corpus;
}

}  // namespace

bool ConllLine::is_word() const { return AllDigits(cols[0]); }

std::string ConllSentence::SentId() const {
  constexpr std::string_view kKey = "# sent_id = ";
  for (const std::string& c : comments) {
    if (c.compare(0, kKey.size(), kKey) == 0) return c.substr(kKey.size());
  }
  return "";
}

Result<ConllCorpus> ParseConllu(std::string_view content, const std::string& name) {
  return ParseBlocks(content, name, [](std::string_view line, ConllSentence& s) -> Status {
    std::string_view cols[11];
    size_t n = SplitTabs(line, cols, 11);
    if (n != 10) return Status::InvalidInput("expected 10 tab-separated columns, got " + std::to_string(n));
    ConllLine l;
    for (int i = 0; i < 10; ++i) l.cols[i] = std::string(cols[i]);
    if (l.cols[0].empty() || l.cols[1].empty()) return Status::InvalidInput("empty ID or FORM");
    if (l.is_word()) {
      s.word_lines.push_back(static_cast<int>(s.lines.size()));
      // Gold entity tag from MISC "NER=..." if present.
      std::string_view misc = l.cols[9];
      size_t at = misc.find("NER=");
      if (at != std::string_view::npos && (at == 0 || misc[at - 1] == '|')) {
        size_t end = misc.find('|', at);
        s.gold_ner.emplace_back(misc.substr(at + 4, end == std::string_view::npos ? end : end - at - 4));
      }
    }
    s.lines.push_back(std::move(l));
    return Status::Ok();
  });
}

Result<ConllCorpus> ParseIob2(std::string_view content, const std::string& name) {
  return ParseBlocks(content, name, [](std::string_view line, ConllSentence& s) -> Status {
    std::string_view cols[6];
    size_t n = SplitTabs(line, cols, 6);
    if (n < 3) return Status::InvalidInput("expected at least 3 tab-separated columns (id, form, tag)");
    if (!AllDigits(cols[0]) || cols[1].empty()) return Status::InvalidInput("bad token id or empty form");
    std::string_view tag = cols[2];
    if (!(tag == "O" || ((tag.substr(0, 2) == "B-" || tag.substr(0, 2) == "I-") && tag.size() > 2))) {
      return Status::InvalidInput("bad IOB2 tag '" + std::string(tag) + "'");
    }
    ConllLine l;
    for (int i = 0; i < 10; ++i) l.cols[i] = "_";
    l.cols[0] = std::string(cols[0]);
    l.cols[1] = std::string(cols[1]);
    s.word_lines.push_back(static_cast<int>(s.lines.size()));
    s.lines.push_back(std::move(l));
    s.gold_ner.emplace_back(tag);
    return Status::Ok();
  });
}

Result<ConllCorpus> ReadConlluFile(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ParseConllu(*bytes, path);
}

Result<ConllCorpus> ReadIob2File(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ParseIob2(*bytes, path);
}

void FillGoldLayers(ConllCorpus& corpus) {
  Document& doc = corpus.doc;
  for (size_t si = 0; si < corpus.sentences.size(); ++si) {
    const ConllSentence& s = corpus.sentences[si];
    const Sentence& ds = doc.sentences[si];
    std::vector<std::string> bilou;
    if (s.gold_ner.size() == ds.token_count) bilou = BioToBilou(s.gold_ner);
    for (uint32_t k = 0; k < ds.token_count; ++k) {
      const ConllLine& l = s.lines[s.word_lines[k]];
      Token& t = doc.tokens[ds.first_token + k];
      t.upos = l.cols[3] == "_" ? "" : l.cols[3];
      t.xpos = l.cols[4] == "_" ? "" : l.cols[4];
      t.head = AllDigits(l.cols[6]) ? std::stoi(l.cols[6]) : -1;
      t.deprel = l.cols[7] == "_" ? "" : l.cols[7];
      if (!bilou.empty()) t.ner = bilou[k];
    }
  }
}

void WriteConllu(const ConllCorpus& corpus, std::ostream& out) {
  const Document& doc = corpus.doc;
  std::string buf;
  for (size_t si = 0; si < corpus.sentences.size(); ++si) {
    const ConllSentence& s = corpus.sentences[si];
    const Sentence& ds = doc.sentences[si];
    buf.clear();
    for (const std::string& c : s.comments) {
      buf += c;
      buf += '\n';
    }
    std::vector<std::string> bio;
    std::vector<std::string> bilou;
    for (uint32_t k = 0; k < ds.token_count; ++k) bilou.push_back(doc.tokens[ds.first_token + k].ner);
    bool has_ner = !bilou.empty() && !bilou[0].empty();
    if (has_ner) bio = BilouToBio(bilou);
    size_t word = 0;
    for (const ConllLine& l : s.lines) {
      std::string_view misc = l.cols[9];
      bool space_after_no = misc.find("SpaceAfter=No") != std::string_view::npos;
      buf += l.cols[0];
      buf += '\t';
      buf += l.cols[1];
      if (!l.is_word() || word >= ds.token_count) {
        buf += "\t_\t_\t_\t_\t_\t_\t_\t";
        buf += space_after_no ? "SpaceAfter=No" : "_";
        buf += '\n';
        continue;
      }
      const Token& t = doc.tokens[ds.first_token + word];
      buf += "\t_\t";
      buf += t.upos.empty() ? "_" : t.upos;
      buf += '\t';
      buf += t.xpos.empty() ? "_" : t.xpos;
      buf += "\t_\t";
      buf += t.head < 0 ? "_" : std::to_string(t.head);
      buf += '\t';
      buf += t.deprel.empty() ? "_" : t.deprel;
      buf += "\t_\t";
      std::string m;
      if (has_ner) m = "NER=" + bio[word];
      if (space_after_no) m += m.empty() ? "SpaceAfter=No" : "|SpaceAfter=No";
      buf += m.empty() ? "_" : m;
      buf += '\n';
      ++word;
    }
    buf += '\n';
    out << buf;
  }
}

}  // namespace tiegraph::nlp
