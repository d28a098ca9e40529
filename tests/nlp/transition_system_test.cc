#include "tiegraph/nlp/transition_system.h"

#include <filesystem>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "tiegraph/nlp/parser_tree.h"
#include "tiegraph/nlp/parser_treebank.h"

namespace tiegraph::nlp {
namespace {

struct GoldTree {
  std::vector<int> head;   // [0] unused
  std::vector<int> label;  // [0] unused
  int size() const { return static_cast<int>(head.size()) - 1; }
};

// Follows the lowest-id action of minimal cost from the initial state.
void RunStaticOracle(const GoldTree& g, int num_labels, ArcHybridState* state) {
  DynamicOracle oracle(g.head.data(), g.label.data(), g.size());
  std::vector<int> costs(NumActions(num_labels));
  state->Reset(g.size());
  int steps = 0;
  while (!state->IsTerminal()) {
    oracle.Costs(*state, num_labels, costs.data());
    int best = 0;
    for (int a = 1; a < static_cast<int>(costs.size()); ++a) {
      if (costs[a] < costs[best]) best = a;
    }
    ASSERT_EQ(costs[best], 0) << "no zero-cost action on the gold path";
    ASSERT_TRUE(state->IsLegal(best));
    state->Apply(best);
    ASSERT_LE(++steps, 2 * g.size());
  }
}

std::vector<GoldTree> HandMadeTrees() {
  return {
      // "She saw him": saw is the root.
      {{-1, 2, 0, 2}, {-1, 0, 1, 2}},
      // One word.
      {{-1, 0}, {-1, 1}},
      // Root at the first word, long right chain.
      {{-1, 0, 1, 2, 3, 4}, {-1, 1, 0, 0, 2, 2}},
      // Root at the last word, everything hanging left.
      {{-1, 4, 4, 4, 0}, {-1, 0, 2, 1, 1}},
      // Mixed: "the old man saw a dog in the park ."
      {{-1, 3, 3, 4, 0, 6, 4, 9, 9, 4, 4}, {-1, 2, 2, 0, 1, 2, 3, 2, 2, 3, 2}},
  };
}

TEST(ArcHybridState, ActionEncodingRoundTrips) {
  for (int l = 0; l < 60; ++l) {
    EXPECT_TRUE(IsLeft(LeftAction(l)));
    EXPECT_FALSE(IsRight(LeftAction(l)));
    EXPECT_TRUE(IsRight(RightAction(l)));
    EXPECT_EQ(ActionLabel(LeftAction(l)), l);
    EXPECT_EQ(ActionLabel(RightAction(l)), l);
  }
  EXPECT_FALSE(IsLeft(kShift));
  EXPECT_FALSE(IsRight(kShift));
}

TEST(ArcHybridState, LegalityForcesSingleRoot) {
  ArcHybridState s;
  s.Reset(3);
  EXPECT_TRUE(s.CanShift());
  EXPECT_FALSE(s.CanLeft());
  EXPECT_FALSE(s.CanRight());
  s.Apply(kShift);
  s.Apply(kShift);
  s.Apply(kShift);
  EXPECT_TRUE(s.BufferAtRoot());
  EXPECT_EQ(s.B(0), 0);
  EXPECT_FALSE(s.CanShift());
  EXPECT_FALSE(s.CanLeft()) << "the root may take only the last stack word";
  EXPECT_TRUE(s.CanRight());
  s.Apply(RightAction(4));
  s.Apply(RightAction(5));
  EXPECT_TRUE(s.CanLeft());
  s.Apply(LeftAction(6));
  EXPECT_TRUE(s.IsTerminal());
  EXPECT_EQ(s.head(1), 0);
  EXPECT_EQ(s.head(2), 1);
  EXPECT_EQ(s.head(3), 2);
  EXPECT_EQ(s.label(3), 4);
  EXPECT_EQ(s.RightmostChild(1), 2);
  EXPECT_EQ(s.RightValency(1), 1);
  EXPECT_EQ(s.LeftmostChild(0), 1);
}

TEST(DynamicOracle, StaticPathRebuildsHandMadeTrees) {
  for (const GoldTree& g : HandMadeTrees()) {
    ASSERT_TRUE(IsWellFormedTree(g.head));
    ASSERT_TRUE(IsProjective(g.head));
    ArcHybridState s;
    RunStaticOracle(g, 4, &s);
    for (int i = 1; i <= g.size(); ++i) {
      EXPECT_EQ(s.head(i), g.head[i]) << "word " << i;
      EXPECT_EQ(s.label(i), g.label[i]) << "word " << i;
    }
  }
}

// Arc-decomposition: along any path, the costs of the actions taken add up to
// the errors of the final tree (head errors, plus label errors on right heads).
TEST(DynamicOracle, CostsAddUpToFinalErrorsOnRandomPaths) {
  std::mt19937_64 rng(7);
  const int num_labels = 4;
  for (const GoldTree& g : HandMadeTrees()) {
    DynamicOracle oracle(g.head.data(), g.label.data(), g.size());
    std::vector<int> costs(NumActions(num_labels));
    for (int trial = 0; trial < 200; ++trial) {
      ArcHybridState s;
      s.Reset(g.size());
      int total_cost = 0;
      while (!s.IsTerminal()) {
        oracle.Costs(s, num_labels, costs.data());
        std::vector<int> legal;
        for (int a = 0; a < NumActions(num_labels); ++a) {
          if (s.IsLegal(a)) {
            legal.push_back(a);
            EXPECT_LT(costs[a], DynamicOracle::kIllegal);
          } else {
            EXPECT_EQ(costs[a], DynamicOracle::kIllegal);
          }
        }
        ASSERT_FALSE(legal.empty());
        const int a = legal[rng() % legal.size()];
        total_cost += costs[a];
        s.Apply(a);
      }
      int errors = 0;
      std::vector<int> heads(g.size() + 1, -1);
      for (int i = 1; i <= g.size(); ++i) {
        heads[i] = s.head(i);
        if (s.head(i) != g.head[i]) ++errors;
        else if (s.label(i) != g.label[i]) ++errors;
      }
      EXPECT_TRUE(IsWellFormedTree(heads));
      EXPECT_EQ(total_cost, errors);
    }
  }
}

TEST(DynamicOracle, StaticPathRebuildsTreebankSentences) {
  const std::string path = "/work/shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  auto sentences = ReadTreebank(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_GE(sentences->size(), 400u);
  int checked = 0, lifted = 0;
  for (size_t k = 0; k < 400; ++k) {
    const TreebankSentence& ts = (*sentences)[k];
    GoldTree g;
    g.head.assign(1, -1);
    g.label.assign(1, -1);
    for (size_t i = 0; i < ts.size(); ++i) {
      g.head.push_back(ts.head[i]);
      g.label.push_back(static_cast<int>(ts.deprel[i].size() % 7));  // any label ids will do
    }
    if (!IsWellFormedTree(g.head)) continue;
    if (Projectivize(g.head) > 0) ++lifted;
    ASSERT_TRUE(IsProjective(g.head));
    ArcHybridState s;
    RunStaticOracle(g, 7, &s);
    for (int i = 1; i <= g.size(); ++i) {
      ASSERT_EQ(s.head(i), g.head[i]) << "sentence " << k << " word " << i;
      ASSERT_EQ(s.label(i), g.label[i]) << "sentence " << k << " word " << i;
    }
    ++checked;
  }
  EXPECT_GE(checked, 390);
  RecordProperty("lifted", lifted);
}

}  // namespace
}  // namespace tiegraph::nlp
