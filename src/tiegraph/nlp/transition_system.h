// Arc-hybrid transition system with the root at the end of the buffer, and its
// dynamic oracle (Goldberg & Nivre 2013).
//
// Words of a sentence are positions 1..n; position 0 is the root, which sits
// after the last word in the buffer and is never shifted. Actions are class
// ids: 0 = SHIFT, 1 + 2*label = LEFT(label) (b0 -> s0, pop), 2 + 2*label =
// RIGHT(label) (s1 -> s0, pop). Legality forces a single root: the root takes
// a dependent only when one word is left on the stack, so every terminal
// state is one complete tree. ArcHybridState does no heap allocation once
// Reset has sized it for a sentence as long as the previous ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tiegraph::nlp {

inline constexpr int kShift = 0;
inline int LeftAction(int label) { return 1 + 2 * label; }
inline int RightAction(int label) { return 2 + 2 * label; }
inline int ActionLabel(int action) { return (action - 1) / 2; }
inline bool IsLeft(int action) { return action > 0 && (action & 1) == 1; }
inline bool IsRight(int action) { return action > 0 && (action & 1) == 0; }
inline int NumActions(int num_labels) { return 1 + 2 * num_labels; }

class ArcHybridState {
 public:
  // Starts parsing a sentence of n words: empty stack, buffer 1..n then root.
  void Reset(int n);

  int size() const { return n_; }
  bool IsTerminal() const { return stack_.empty() && next_ > n_; }

  // Stack from the top: S(0) is s0. -1 when absent.
  int S(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : -1;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // Buffer from the front: B(0) is b0; the root (0) follows the last word. -1 when absent.
  int B(int i) const {
    int p = next_ + i;
    if (p <= n_) return p;
    return p == n_ + 1 ? 0 : -1;
  }
  bool BufferAtRoot() const { return next_ > n_; }
  bool InStack(int position) const { return in_stack_[position] != 0; }

  bool CanShift() const { return next_ <= n_; }
  bool CanLeft() const { return !stack_.empty() && (next_ <= n_ || stack_.size() == 1); }
  bool CanRight() const { return stack_.size() >= 2; }
  bool IsLegal(int action) const;
  void Apply(int action);

  // The tree built so far: head (-1 = none yet) and label id per position.
  int head(int position) const { return head_[position]; }
  int label(int position) const { return label_[position]; }
  // Children of a position, for features: -1 when absent.
  int LeftmostChild(int p) const { return lc1_[p]; }
  int SecondLeftmostChild(int p) const { return lc2_[p]; }
  int RightmostChild(int p) const { return rc1_[p]; }
  int SecondRightmostChild(int p) const { return rc2_[p]; }
  int LeftValency(int p) const { return nl_[p]; }
  int RightValency(int p) const { return nr_[p]; }
  // Bit set of the labels (mod 64) of the left / right children.
  uint64_t LeftLabels(int p) const { return lset_[p]; }
  uint64_t RightLabels(int p) const { return rset_[p]; }

 private:
  void AddArc(int h, int d, int label);

  int n_ = 0;
  int next_ = 1;  // first buffer word; n_ + 1 means only the root is left
  std::vector<int> stack_;
  std::vector<uint8_t> in_stack_;
  std::vector<int> head_, label_, lc1_, lc2_, rc1_, rc2_, nl_, nr_;
  std::vector<uint64_t> lset_, rset_;
};

// Cost of every action against a projective gold tree: the number of gold
// arcs that become unreachable (plus one for a wrong label on a gold arc).
// An action of cost 0 keeps the best reachable tree unchanged, from any state.
class DynamicOracle {
 public:
  // gold_head[i], gold_label[i] for positions 1..n (index 0 ignored).
  // The gold tree must be projective with a single root.
  DynamicOracle(const int* gold_head, const int* gold_label, int n);

  // Fills costs[NumActions(num_labels)]; illegal actions get a large cost.
  void Costs(const ArcHybridState& state, int num_labels, int* costs) const;

  static constexpr int kIllegal = 1 << 20;

 private:
  int ShiftCost(const ArcHybridState& s) const;
  int PopCostBase(const ArcHybridState& s) const;  // dependents of s0 left in the buffer

  const int* gold_head_;
  const int* gold_label_;
  int n_;
  std::vector<std::vector<int>> children_;  // gold dependents per position
};

}  // namespace tiegraph::nlp
