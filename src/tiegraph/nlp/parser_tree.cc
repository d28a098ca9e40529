#include "tiegraph/nlp/parser_tree.h"

#include <algorithm>
#include <cstdlib>

namespace tiegraph::nlp {

bool IsWellFormedTree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  if (n < 1) return true;
  int roots = 0;
  for (int i = 1; i <= n; ++i) {
    if (heads[i] < 0 || heads[i] > n || heads[i] == i) return false;
    if (heads[i] == 0) ++roots;
  }
  if (roots != 1) return false;
  // Each word must reach the root within n steps.
  for (int i = 1; i <= n; ++i) {
    int p = i;
    for (int steps = 0; p != 0; ++steps) {
      if (steps > n) return false;
      p = heads[p];
    }
  }
  return true;
}

// True when h dominates (is an ancestor of, or equal to) k.
static bool Dominates(const std::vector<int>& heads, int h, int k) {
  const int n = static_cast<int>(heads.size()) - 1;
  for (int steps = 0; steps <= n + 1; ++steps) {
    if (k == h) return true;
    if (k <= 0) return false;
    k = heads[k];
  }
  return false;
}

// An arc h -> d is projective when h dominates every word strictly between them.
// The root is treated as position 0, left of every word.
static bool ArcIsProjective(const std::vector<int>& heads, int d) {
  const int h = heads[d];
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    if (!Dominates(heads, h, k)) return false;
  }
  return true;
}

bool IsProjective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  for (int d = 1; d <= n; ++d) {
    if (!ArcIsProjective(heads, d)) return false;
  }
  return true;
}

int Projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int lifts = 0;
  for (int guard = 0; guard < n * n + 1; ++guard) {
    int best = -1, best_len = 0;
    for (int d = 1; d <= n; ++d) {
      if (heads[d] <= 0 || ArcIsProjective(heads, d)) continue;
      const int len = std::abs(heads[d] - d);
      if (best == -1 || len < best_len) {
        best = d;
        best_len = len;
      }
    }
    if (best == -1) break;
    heads[best] = heads[heads[best]];
    ++lifts;
  }
  return lifts;
}

}  // namespace tiegraph::nlp
