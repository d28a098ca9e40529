#include "tiegraph/nlp/transition_system.h"

namespace tiegraph::nlp {

void ArcHybridState::Reset(int n) {
  n_ = n;
  next_ = 1;
  stack_.clear();
  stack_.reserve(n + 1);
  const size_t m = static_cast<size_t>(n) + 1;
  in_stack_.assign(m, 0);
  head_.assign(m, -1);
  label_.assign(m, -1);
  lc1_.assign(m, -1);
  lc2_.assign(m, -1);
  rc1_.assign(m, -1);
  rc2_.assign(m, -1);
  nl_.assign(m, 0);
  nr_.assign(m, 0);
  lset_.assign(m, 0);
  rset_.assign(m, 0);
}

bool ArcHybridState::IsLegal(int action) const {
  if (action == kShift) return CanShift();
  if (IsLeft(action)) return CanLeft();
  return CanRight();
}

void ArcHybridState::AddArc(int h, int d, int label) {
  head_[d] = h;
  label_[d] = label;
  const uint64_t bit = uint64_t{1} << (label & 63);
  // The root (0) sits after every word, so its child counts as a left child.
  const bool left = h == 0 || d < h;
  if (left) {
    if (lc1_[h] == -1 || d < lc1_[h]) {
      lc2_[h] = lc1_[h];
      lc1_[h] = d;
    } else if (lc2_[h] == -1 || d < lc2_[h]) {
      lc2_[h] = d;
    }
    ++nl_[h];
    lset_[h] |= bit;
  } else {
    if (rc1_[h] == -1 || d > rc1_[h]) {
      rc2_[h] = rc1_[h];
      rc1_[h] = d;
    } else if (rc2_[h] == -1 || d > rc2_[h]) {
      rc2_[h] = d;
    }
    ++nr_[h];
    rset_[h] |= bit;
  }
}

void ArcHybridState::Apply(int action) {
  if (action == kShift) {
    stack_.push_back(next_);
    in_stack_[next_] = 1;
    ++next_;
    return;
  }
  const int s0 = stack_.back();
  const int h = IsLeft(action) ? B(0) : stack_[stack_.size() - 2];
  AddArc(h, s0, ActionLabel(action));
  in_stack_[s0] = 0;
  stack_.pop_back();
}

DynamicOracle::DynamicOracle(const int* gold_head, const int* gold_label, int n)
    : gold_head_(gold_head), gold_label_(gold_label), n_(n), children_(n + 1) {
  for (int d = 1; d <= n; ++d) children_[gold_head[d]].push_back(d);
}

// A word still waiting in the buffer (the root included) is unattached.
static bool InBuffer(const ArcHybridState& s, int p) {
  if (p == 0) return true;
  const int b0 = s.B(0);
  return b0 > 0 && p >= b0;
}

int DynamicOracle::ShiftCost(const ArcHybridState& s) const {
  const int b0 = s.B(0);
  const int s0 = s.S(0);
  int cost = 0;
  const int h = gold_head_[b0];
  if (h > 0 && h != s0 && s.InStack(h)) ++cost;
  for (int d : children_[b0]) {
    if (s.InStack(d)) ++cost;
  }
  return cost;
}

int DynamicOracle::PopCostBase(const ArcHybridState& s) const {
  int cost = 0;
  for (int d : children_[s.S(0)]) {
    if (InBuffer(s, d)) ++cost;
  }
  return cost;
}

void DynamicOracle::Costs(const ArcHybridState& s, int num_labels, int* costs) const {
  const int num_actions = NumActions(num_labels);
  for (int a = 0; a < num_actions; ++a) costs[a] = kIllegal;
  if (s.CanShift()) costs[kShift] = ShiftCost(s);
  if (!s.CanLeft() && !s.CanRight()) return;
  const int s0 = s.S(0);
  const int s1 = s.S(1);
  const int b0 = s.B(0);
  const int base = PopCostBase(s);
  const int h = gold_head_[s0];
  const int gold_label = gold_label_[s0];
  if (s.CanLeft()) {
    // s0 loses a head in s1 or in the buffer beyond b0.
    int c = base;
    if (h != b0 && ((s1 > 0 && h == s1) || InBuffer(s, h))) ++c;
    for (int l = 0; l < num_labels; ++l) {
      costs[LeftAction(l)] = c + ((h == b0 && l != gold_label) ? 1 : 0);
    }
  }
  if (s.CanRight()) {
    // s0 loses a head anywhere in the buffer.
    int c = base;
    if (InBuffer(s, h)) ++c;
    for (int l = 0; l < num_labels; ++l) {
      costs[RightAction(l)] = c + ((h == s1 && l != gold_label) ? 1 : 0);
    }
  }
}

}  // namespace tiegraph::nlp
