#include "tiegraph/nlp/parser.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "tiegraph/nlp/model_io.h"

namespace tiegraph::nlp {

namespace {
constexpr char kMagic[8] = {'T', 'G', 'P', 'A', 'R', 'S', 'E', '1'};
}  // namespace

Parser::Parser(std::vector<std::string> labels, AveragedPerceptron model)
    : labels_(std::move(labels)), model_(std::move(model)) {}

Result<Parser> Parser::Load(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  Result<Parser> parser = FromBytes(*bytes);
  if (!parser.ok()) return Status::Corruption(path + ": " + parser.status().message());
  return parser;
}

Result<Parser> Parser::FromBytes(std::string_view bytes) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    return Status::Corruption("not a parser model (bad magic)");
  }
  BinaryReader reader(bytes.substr(8));
  uint32_t num_labels = 0;
  if (!reader.U32(&num_labels) || num_labels == 0 || num_labels > 1000) {
    return Status::Corruption("parser model: bad label count");
  }
  std::vector<std::string> labels(num_labels);
  for (auto& l : labels) {
    if (!reader.Str(&l)) return Status::Corruption("parser model: truncated labels");
  }
  Result<AveragedPerceptron> model = AveragedPerceptron::Load(reader.rest());
  if (!model.ok()) return model.status();
  if (model->num_classes() != NumActions(static_cast<int>(num_labels))) {
    return Status::Corruption("parser model: class count does not match labels");
  }
  return Parser(std::move(labels), std::move(model).value());
}

Status Parser::Save(std::ostream& out) const {
  BinaryWriter w;
  w.Raw(kMagic, 8);
  w.U32(static_cast<uint32_t>(labels_.size()));
  for (const auto& l : labels_) w.Str(l);
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  if (!out) return Status::IOError("parser model: write failed");
  return model_.Save(out);
}

Status Parser::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write " + path);
  Status s = Save(out);
  if (!s.ok()) return s;
  out.close();
  if (!out) return Status::IOError("cannot write " + path);
  return Status::Ok();
}

int BestLegalAction(const ArcHybridState& state, const float* scores, int num_actions) {
  int best = -1;
  if (state.CanShift()) best = kShift;
  const bool left = state.CanLeft(), right = state.CanRight();
  for (int a = 1; a < num_actions; ++a) {
    if ((a & 1) ? !left : !right) continue;
    if (best < 0 || scores[a] > scores[best]) best = a;
  }
  return best;
}

void Parser::ParseInput(const ParserInput& input, int* heads, int* labels) const {
  const int n = input.size();
  const int num_actions = model_.num_classes();
  ArcHybridState state;
  state.Reset(n);
  uint64_t features[kMaxParserFeatures];
  std::vector<float> scores(num_actions);
  while (!state.IsTerminal()) {
    if (state.stack_size() == 0) {  // SHIFT is the only legal action
      state.Apply(kShift);
      continue;
    }
    const int count = ExtractParserFeatures(state, input, features);
    model_.Score(features, count, scores.data());
    state.Apply(BestLegalAction(state, scores.data(), num_actions));
  }
  for (int i = 1; i <= n; ++i) {
    heads[i] = state.head(i);
    labels[i] = state.label(i);
  }
}

void Parser::Parse(Document& doc, const Sentence& s) const {
  const int n = static_cast<int>(s.token_count);
  if (n == 0 || labels_.empty()) return;
  ParserInput input;
  input.Reset();
  input.word.reserve(n + 1);
  input.tag.reserve(n + 1);
  input.utag.reserve(n + 1);
  for (int i = 0; i < n; ++i) {
    const Token& t = doc.tokens[s.first_token + i];
    input.AddWord(doc.Slice(t.span), t.upos, t.xpos);
  }
  std::vector<int> heads(n + 1), labels(n + 1);
  ParseInput(input, heads.data(), labels.data());
  for (int i = 1; i <= n; ++i) {
    Token& t = doc.tokens[s.first_token + i - 1];
    t.head = heads[i];
    t.deprel = labels_[labels[i]];
  }
}

}  // namespace tiegraph::nlp
