// ReorderBuffer<T>: puts items that arrive out of order (each with its
// sequence number 0, 1, 2, ...) back in order. Put() any item whose number
// is not yet released; PopReady() releases the next one in sequence once it
// has arrived. Holds only the items that arrived early. Not thread-safe: one
// consumer (the ingest writer) owns it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>

namespace tiegraph::ingest {

template <typename T>
class ReorderBuffer {
 public:
  explicit ReorderBuffer(uint64_t first = 0) : next_(first) {}

  // False (item dropped) if seq was released already or is held twice.
  bool Put(uint64_t seq, T item) {
    if (seq < next_) return false;
    return pending_.emplace(seq, std::move(item)).second;
  }

  // The item numbered next(), if it has arrived; next() then advances.
  std::optional<T> PopReady() {
    auto it = pending_.begin();
    if (it == pending_.end() || it->first != next_) return std::nullopt;
    T item = std::move(it->second);
    pending_.erase(it);
    ++next_;
    return item;
  }

  uint64_t next() const { return next_; }
  size_t held() const { return pending_.size(); }

 private:
  uint64_t next_;
  std::map<uint64_t, T> pending_;
};

}  // namespace tiegraph::ingest
