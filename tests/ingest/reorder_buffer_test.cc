#include "tiegraph/ingest/reorder_buffer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace tiegraph::ingest {
namespace {

TEST(ReorderBuffer, ReleasesInSequenceOnly) {
  ReorderBuffer<std::string> b;
  EXPECT_TRUE(b.Put(2, "c"));
  EXPECT_TRUE(b.Put(1, "b"));
  EXPECT_FALSE(b.PopReady().has_value()) << "released 1 or 2 before 0 arrived";
  EXPECT_EQ(b.held(), 2u);
  EXPECT_TRUE(b.Put(0, "a"));
  EXPECT_EQ(b.PopReady().value(), "a");
  EXPECT_EQ(b.PopReady().value(), "b");
  EXPECT_EQ(b.PopReady().value(), "c");
  EXPECT_FALSE(b.PopReady().has_value());
  EXPECT_EQ(b.next(), 3u);
  EXPECT_EQ(b.held(), 0u);
}

TEST(ReorderBuffer, RejectsReleasedAndRepeatedNumbers) {
  ReorderBuffer<int> b;
  b.Put(0, 10);
  b.PopReady();
  EXPECT_FALSE(b.Put(0, 11));
  EXPECT_TRUE(b.Put(3, 13));
  EXPECT_FALSE(b.Put(3, 14));
}

TEST(ReorderBuffer, AnyArrivalOrderGivesInputOrder) {
  std::vector<int> order(1000);
  for (int i = 0; i < 1000; ++i) order[i] = i;
  std::mt19937 rng(42);
  std::shuffle(order.begin(), order.end(), rng);
  ReorderBuffer<int> b;
  std::vector<int> out;
  for (int seq : order) {
    b.Put(static_cast<uint64_t>(seq), seq * 2);
    while (auto v = b.PopReady()) out.push_back(*v);
  }
  ASSERT_EQ(out.size(), 1000u);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(out[i], i * 2);
}

}  // namespace
}  // namespace tiegraph::ingest
