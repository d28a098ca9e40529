#include "tiegraph/nlp/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace tiegraph::nlp {
namespace {

constexpr char kMagic[4] = {'T', 'G', 'A', 'P'};
constexpr uint32_t kVersion = 1;

uint32_t Fingerprint(uint64_t h) {
  uint32_t f = static_cast<uint32_t>(h >> 32);
  return f == 0 ? 1 : f;
}

template <typename T>
void Append(std::string& out, const T* data, size_t n) {
  out.append(reinterpret_cast<const char*>(data), n * sizeof(T));
}

}  // namespace

struct AveragedPerceptron::Training {
  struct Weight {
    int cls;
    float w;
    double total;  // sum of w over ticks up to `since`
    int64_t since;
  };
  std::unordered_map<uint64_t, std::vector<Weight>> rows;
  int64_t tick = 0;

  void Add(uint64_t f, int cls, float delta) {
    std::vector<Weight>& row = rows[f];
    for (Weight& w : row) {
      if (w.cls == cls) {
        w.total += static_cast<double>(w.w) * static_cast<double>(tick - w.since);
        w.since = tick;
        w.w += delta;
        return;
      }
    }
    row.push_back(Weight{cls, delta, 0.0, tick});
  }
};

struct AveragedPerceptron::Frozen {
  uint32_t mask = 0;              // capacity - 1 (capacity a power of two)
  float scale = 1.0f;             // weight = q * scale
  std::vector<uint32_t> keys;     // fingerprint per slot, 0 = empty
  std::vector<uint32_t> begin;    // entries of slot i: [begin[i], begin[i+1])
  std::vector<uint16_t> classes;  // per entry
  std::vector<int16_t> weights;   // per entry, quantised

  // Index of the slot holding f, or -1.
  int64_t Find(uint64_t f) const {
    if (keys.empty()) return -1;
    uint32_t fp = Fingerprint(f);
    uint32_t slot = static_cast<uint32_t>(f) & mask;
    while (true) {
      uint32_t k = keys[slot];
      if (k == fp) return slot;
      if (k == 0) return -1;
      slot = (slot + 1) & mask;
    }
  }
};

AveragedPerceptron::AveragedPerceptron() = default;

AveragedPerceptron::AveragedPerceptron(int num_classes)
    : num_classes_(num_classes), training_(std::make_unique<Training>()) {}

AveragedPerceptron::AveragedPerceptron(const AveragedPerceptron& o) : num_classes_(o.num_classes_) {
  if (o.training_) training_ = std::make_unique<Training>(*o.training_);
  if (o.frozen_) frozen_ = std::make_unique<Frozen>(*o.frozen_);
}
AveragedPerceptron& AveragedPerceptron::operator=(const AveragedPerceptron& o) {
  if (this != &o) {
    AveragedPerceptron copy(o);
    *this = std::move(copy);
  }
  return *this;
}
AveragedPerceptron::AveragedPerceptron(AveragedPerceptron&&) noexcept = default;
AveragedPerceptron& AveragedPerceptron::operator=(AveragedPerceptron&&) noexcept = default;
AveragedPerceptron::~AveragedPerceptron() = default;

size_t AveragedPerceptron::num_features() const {
  if (frozen_) {
    size_t n = 0;
    for (uint32_t k : frozen_->keys) n += (k != 0);
    return n;
  }
  return training_ ? training_->rows.size() : 0;
}

void AveragedPerceptron::Score(const uint64_t* features, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  if (frozen_) {
    const Frozen& fz = *frozen_;
    // Integer-valued partial sums are exact in float (|sum| < 2^24 for any
    // realistic feature count), so the result does not depend on order.
    for (size_t i = 0; i < n; ++i) {
      int64_t slot = fz.Find(features[i]);
      if (slot < 0) continue;
      for (uint32_t e = fz.begin[slot], end = fz.begin[slot + 1]; e < end; ++e) {
        scores[fz.classes[e]] += static_cast<float>(fz.weights[e]);
      }
    }
    for (int c = 0; c < num_classes_; ++c) scores[c] *= fz.scale;
    return;
  }
  if (!training_) return;
  for (size_t i = 0; i < n; ++i) {
    auto it = training_->rows.find(features[i]);
    if (it == training_->rows.end()) continue;
    for (const Training::Weight& w : it->second) scores[w.cls] += w.w;
  }
}

void AveragedPerceptron::Update(const uint64_t* features, size_t n, int truth, int guess, float step) {
  if (truth == guess || !training_) return;
  for (size_t i = 0; i < n; ++i) {
    training_->Add(features[i], truth, step);
    if (guess >= 0) training_->Add(features[i], guess, -step);
  }
}

void AveragedPerceptron::Tick() {
  if (training_) ++training_->tick;
}

std::unique_ptr<AveragedPerceptron::Frozen> AveragedPerceptron::BuildFrozen() const {
  auto fz = std::make_unique<Frozen>();
  if (!training_) return fz;
  const Training& tr = *training_;
  const double ticks = std::max<int64_t>(tr.tick, 1);
  // Averages, and the largest magnitude for the quantisation scale.
  struct Row {
    uint64_t feature;
    std::vector<std::pair<int, float>> weights;
  };
  std::vector<Row> rows;
  rows.reserve(tr.rows.size());
  double max_abs = 0.0;
  for (const auto& [f, ws] : tr.rows) {
    Row row{f, {}};
    for (const Training::Weight& w : ws) {
      double total = w.total + static_cast<double>(w.w) * static_cast<double>(tr.tick - w.since);
      double avg = total / ticks;
      if (avg == 0.0) continue;
      row.weights.emplace_back(w.cls, static_cast<float>(avg));
      max_abs = std::max(max_abs, std::fabs(avg));
    }
    if (!row.weights.empty()) rows.push_back(std::move(row));
  }
  fz->scale = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  // Quantise; drop weights that round to zero and rows left empty.
  size_t kept = 0;
  for (Row& row : rows) {
    std::vector<std::pair<int, float>> q;
    for (auto [c, w] : row.weights) {
      long v = std::lround(w / fz->scale);
      if (v != 0) q.emplace_back(c, static_cast<float>(v));
    }
    std::sort(q.begin(), q.end());
    row.weights = std::move(q);
    if (!row.weights.empty()) rows[kept++] = std::move(row);
  }
  rows.resize(kept);
  // Deterministic layout regardless of hash-map iteration order.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.feature < b.feature; });
  uint32_t capacity = 16;
  while (capacity < rows.size() * 10 / 7 + 1) capacity *= 2;
  fz->mask = capacity - 1;
  fz->keys.assign(capacity, 0);
  std::vector<int64_t> row_of_slot(capacity, -1);
  for (size_t r = 0; r < rows.size(); ++r) {
    uint64_t f = rows[r].feature;
    uint32_t fp = Fingerprint(f);
    uint32_t slot = static_cast<uint32_t>(f) & fz->mask;
    while (fz->keys[slot] != 0 && fz->keys[slot] != fp) slot = (slot + 1) & fz->mask;
    if (fz->keys[slot] == fp) continue;  // fingerprint clash in the same probe run: keep the first
    fz->keys[slot] = fp;
    row_of_slot[slot] = static_cast<int64_t>(r);
  }
  fz->begin.assign(capacity + 1, 0);
  for (uint32_t s = 0; s < capacity; ++s) {
    fz->begin[s] = static_cast<uint32_t>(fz->classes.size());
    if (row_of_slot[s] < 0) continue;
    for (auto [c, w] : rows[row_of_slot[s]].weights) {
      fz->classes.push_back(static_cast<uint16_t>(c));
      fz->weights.push_back(static_cast<int16_t>(w));
    }
  }
  fz->begin[capacity] = static_cast<uint32_t>(fz->classes.size());
  return fz;
}

void AveragedPerceptron::Finalize() {
  if (frozen_) return;
  frozen_ = BuildFrozen();
  training_.reset();
}

Status AveragedPerceptron::Save(std::ostream& out) const {
  std::unique_ptr<Frozen> built;
  const Frozen* fz = frozen_.get();
  if (!fz) {
    built = BuildFrozen();
    fz = built.get();
  }
  std::string buf;
  buf.append(kMagic, 4);
  uint32_t header[4] = {kVersion, static_cast<uint32_t>(num_classes_), static_cast<uint32_t>(fz->keys.size()),
                        static_cast<uint32_t>(fz->classes.size())};
  Append(buf, header, 4);
  Append(buf, &fz->scale, 1);
  Append(buf, fz->keys.data(), fz->keys.size());
  Append(buf, fz->begin.data(), fz->begin.size());
  Append(buf, fz->classes.data(), fz->classes.size());
  Append(buf, fz->weights.data(), fz->weights.size());
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  if (!out) return Status::IOError("perceptron: write failed");
  return Status::Ok();
}

Result<AveragedPerceptron> AveragedPerceptron::Load(std::string_view bytes) {
  size_t consumed = 0;
  return Load(bytes, &consumed);
}

Result<AveragedPerceptron> AveragedPerceptron::Load(std::string_view bytes, size_t* consumed) {
  constexpr size_t kHeader = 4 + 4 * 4 + 4;
  if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, 4) != 0) {
    return Status::Corruption("perceptron: not a model blob (bad magic or too short)");
  }
  uint32_t header[4];
  std::memcpy(header, bytes.data() + 4, sizeof(header));
  if (header[0] != kVersion) return Status::Corruption("perceptron: unsupported version " + std::to_string(header[0]));
  const uint64_t capacity = header[2], entries = header[3];
  if (capacity == 0 || (capacity & (capacity - 1)) != 0 || header[1] == 0 || header[1] > 65535) {
    return Status::Corruption("perceptron: bad header");
  }
  const uint64_t size = kHeader + capacity * 4 + (capacity + 1) * 4 + entries * 2 + entries * 2;
  if (bytes.size() < size) return Status::Corruption("perceptron: truncated model blob");
  AveragedPerceptron model;
  model.num_classes_ = static_cast<int>(header[1]);
  auto fz = std::make_unique<Frozen>();
  fz->mask = static_cast<uint32_t>(capacity - 1);
  const char* p = bytes.data() + 4 + sizeof(header);
  std::memcpy(&fz->scale, p, 4);
  p += 4;
  fz->keys.resize(capacity);
  std::memcpy(fz->keys.data(), p, capacity * 4);
  p += capacity * 4;
  fz->begin.resize(capacity + 1);
  std::memcpy(fz->begin.data(), p, (capacity + 1) * 4);
  p += (capacity + 1) * 4;
  fz->classes.resize(entries);
  std::memcpy(fz->classes.data(), p, entries * 2);
  p += entries * 2;
  fz->weights.resize(entries);
  std::memcpy(fz->weights.data(), p, entries * 2);
  // Validate so that Score never reads out of range.
  for (uint64_t s = 0; s < capacity; ++s) {
    if (fz->begin[s] > fz->begin[s + 1]) return Status::Corruption("perceptron: bad row offsets");
  }
  if (fz->begin[capacity] != entries) return Status::Corruption("perceptron: bad row offsets");
  bool has_empty = false;
  for (uint32_t k : fz->keys) has_empty |= (k == 0);
  if (!has_empty) return Status::Corruption("perceptron: table has no empty slot");
  for (uint16_t c : fz->classes) {
    if (c >= model.num_classes_) return Status::Corruption("perceptron: class out of range");
  }
  model.frozen_ = std::move(fz);
  *consumed = size;
  return model;
}

}  // namespace tiegraph::nlp
