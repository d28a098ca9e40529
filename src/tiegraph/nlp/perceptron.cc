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
  struct Slot {
    uint32_t key;    // fingerprint, 0 = empty
    uint32_t begin;  // entries of slot i: [slots[i].begin, slots[i + 1].begin)
  };
  struct Entry {
    uint16_t cls;
    int16_t weight;  // quantised: weight * scale
  };
  uint32_t mask = 0;          // capacity - 1 (capacity a power of two)
  float scale = 1.0f;
  std::vector<Slot> slots;    // capacity + 1 (the last one only closes the ranges)
  std::vector<Entry> entries;

  size_t capacity() const { return slots.empty() ? 0 : slots.size() - 1; }

  // Index of the slot holding f, or -1.
  int64_t Find(uint64_t f) const {
    if (slots.empty()) return -1;
    uint32_t fp = Fingerprint(f);
    uint32_t slot = static_cast<uint32_t>(f) & mask;
    while (true) {
      uint32_t k = slots[slot].key;
      if (k == fp) return slot;
      if (k == 0) return -1;
      slot = (slot + 1) & mask;
    }
  }
};

AveragedPerceptron::AveragedPerceptron() = default;

AveragedPerceptron::AveragedPerceptron(int num_classes)
    : num_classes_(num_classes), training_(std::make_unique<Training>()) {}

AveragedPerceptron::AveragedPerceptron(const AveragedPerceptron& o)
    : num_classes_(o.num_classes_), min_weight_(o.min_weight_) {
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
    for (size_t i = 0; i < frozen_->capacity(); ++i) n += (frozen_->slots[i].key != 0);
    return n;
  }
  return training_ ? training_->rows.size() : 0;
}

void AveragedPerceptron::Score(const uint64_t* features, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  if (frozen_) {
    const Frozen& fz = *frozen_;
    if (fz.slots.empty()) return;
    // In batches: prefetch the slots, then find them and prefetch their
    // entries, then add. Integer-valued partial sums are exact in float
    // (|sum| < 2^24 for any realistic feature count), so the result does
    // not depend on the order.
    constexpr size_t kBatch = 32;
    uint32_t begin[kBatch], end[kBatch];
    for (size_t b0 = 0; b0 < n; b0 += kBatch) {
      const size_t m = std::min(kBatch, n - b0);
      for (size_t i = 0; i < m; ++i) {
        __builtin_prefetch(&fz.slots[static_cast<uint32_t>(features[b0 + i]) & fz.mask]);
      }
      for (size_t i = 0; i < m; ++i) {
        int64_t slot = fz.Find(features[b0 + i]);
        if (slot < 0) {
          begin[i] = end[i] = 0;
          continue;
        }
        begin[i] = fz.slots[slot].begin;
        end[i] = fz.slots[slot + 1].begin;
        __builtin_prefetch(&fz.entries[begin[i]]);
      }
      for (size_t i = 0; i < m; ++i) {
        for (uint32_t e = begin[i]; e < end[i]; ++e) {
          scores[fz.entries[e].cls] += static_cast<float>(fz.entries[e].weight);
        }
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
      if (avg == 0.0 || std::fabs(avg) < min_weight_) continue;
      row.weights.emplace_back(w.cls, static_cast<float>(avg));
      max_abs = std::max(max_abs, std::fabs(avg));
    }
    if (!row.weights.empty()) rows.push_back(std::move(row));
  }
  fz->scale = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  // Quantise; drop weights that round to zero and rows left empty.
  size_t kept = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    Row& row = rows[r];
    std::vector<std::pair<int, float>> q;
    for (auto [c, w] : row.weights) {
      long v = std::lround(w / fz->scale);
      if (v != 0) q.emplace_back(c, static_cast<float>(v));
    }
    std::sort(q.begin(), q.end());
    row.weights = std::move(q);
    if (row.weights.empty()) continue;
    if (kept != r) rows[kept] = std::move(row);  // never self-move: it would empty the row
    ++kept;
  }
  rows.resize(kept);
  // Deterministic layout regardless of hash-map iteration order.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.feature < b.feature; });
  uint32_t capacity = 16;
  while (capacity < rows.size() * 10 / 7 + 1) capacity *= 2;
  fz->mask = capacity - 1;
  fz->slots.assign(capacity + 1, Frozen::Slot{0, 0});
  std::vector<int64_t> row_of_slot(capacity, -1);
  for (size_t r = 0; r < rows.size(); ++r) {
    uint64_t f = rows[r].feature;
    uint32_t fp = Fingerprint(f);
    uint32_t slot = static_cast<uint32_t>(f) & fz->mask;
    while (fz->slots[slot].key != 0 && fz->slots[slot].key != fp) slot = (slot + 1) & fz->mask;
    if (fz->slots[slot].key == fp) continue;  // fingerprint clash in the same probe run: keep the first
    fz->slots[slot].key = fp;
    row_of_slot[slot] = static_cast<int64_t>(r);
  }
  for (uint32_t s = 0; s < capacity; ++s) {
    fz->slots[s].begin = static_cast<uint32_t>(fz->entries.size());
    if (row_of_slot[s] < 0) continue;
    for (auto [c, w] : rows[row_of_slot[s]].weights) {
      fz->entries.push_back(Frozen::Entry{static_cast<uint16_t>(c), static_cast<int16_t>(w)});
    }
  }
  fz->slots[capacity].begin = static_cast<uint32_t>(fz->entries.size());
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
  // On disk: header, scale, keys[capacity], begin[capacity + 1],
  // classes[entries] (u16), weights[entries] (i16); little-endian.
  const size_t capacity = fz->capacity(), num_entries = fz->entries.size();
  std::string buf;
  buf.append(kMagic, 4);
  uint32_t header[4] = {kVersion, static_cast<uint32_t>(num_classes_), static_cast<uint32_t>(capacity),
                        static_cast<uint32_t>(num_entries)};
  Append(buf, header, 4);
  Append(buf, &fz->scale, 1);
  for (size_t i = 0; i < capacity; ++i) Append(buf, &fz->slots[i].key, 1);
  for (size_t i = 0; i <= capacity; ++i) Append(buf, &fz->slots[i].begin, 1);
  for (size_t i = 0; i < num_entries; ++i) Append(buf, &fz->entries[i].cls, 1);
  for (size_t i = 0; i < num_entries; ++i) Append(buf, &fz->entries[i].weight, 1);
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
  fz->slots.resize(capacity + 1);
  fz->entries.resize(entries);
  const char* keys = p;
  const char* begins = keys + capacity * 4;
  const char* classes = begins + (capacity + 1) * 4;
  const char* weights = classes + entries * 2;
  for (uint64_t i = 0; i <= capacity; ++i) {
    if (i < capacity) std::memcpy(&fz->slots[i].key, keys + i * 4, 4);
    std::memcpy(&fz->slots[i].begin, begins + i * 4, 4);
  }
  for (uint64_t e = 0; e < entries; ++e) {
    std::memcpy(&fz->entries[e].cls, classes + e * 2, 2);
    std::memcpy(&fz->entries[e].weight, weights + e * 2, 2);
  }
  // Validate so that Score never reads out of range.
  bool has_empty = false;
  for (uint64_t s = 0; s < capacity; ++s) {
    if (fz->slots[s].begin > fz->slots[s + 1].begin) return Status::Corruption("perceptron: bad row offsets");
    has_empty |= fz->slots[s].key == 0;
  }
  if (fz->slots[capacity].begin != entries) return Status::Corruption("perceptron: bad row offsets");
  if (!has_empty) return Status::Corruption("perceptron: table has no empty slot");
  for (const Frozen::Entry& e : fz->entries) {
    if (e.cls >= model.num_classes_) return Status::Corruption("perceptron: class out of range");
  }
  model.frozen_ = std::move(fz);
  *consumed = size;
  return model;
}

}  // namespace tiegraph::nlp
