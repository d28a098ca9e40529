#include "tiegraph/graph/timeline.h"

#include <algorithm>
#include <cmath>

#include "tiegraph/graph/relation_weights.h"

namespace tiegraph::graph {
namespace {

bool SameCountryCode(const std::string& a, const std::string& b) {
  if (a.empty() || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

StanceFlip SplitAt(const Network& net, const std::vector<TimelineEntry>& signed_entries, DateKey pivot) {
  StanceFlip f;
  f.pivot = pivot;
  double sum_before = 0, sum_after = 0;
  for (const TimelineEntry& e : signed_entries) {
    if (e.date < pivot) {
      sum_before += e.sign;
      f.before.push_back(e.claim);
    } else {
      sum_after += e.sign;
      f.after.push_back(e.claim);
    }
  }
  if (!f.before.empty()) f.mean_before = sum_before / f.before.size();
  if (!f.after.empty()) f.mean_after = sum_after / f.after.size();
  f.flipped = !f.before.empty() && !f.after.empty() && SignOf(f.mean_before) != 0 &&
              SignOf(f.mean_after) == -SignOf(f.mean_before);
  return f;
}

}  // namespace

Timeline BuildTimeline(const Network& net, NodeId actor, const TimelineOptions& options) {
  Timeline tl;
  tl.actor = actor;
  std::vector<char> is_target;
  if (options.toward >= 0) {
    is_target.assign(net.node_count(), 0);
    is_target[options.toward] = 1;
    tl.targets.push_back(options.toward);
    const StoredActor& b = net.actor(options.toward);
    if ((b.type == "Country" || options.widen_to_country) && !b.country.empty()) {
      for (NodeId n = 0; n < static_cast<NodeId>(net.node_count()); ++n) {
        if (n != options.toward && n != actor && SameCountryCode(net.actor(n).country, b.country)) {
          is_target[n] = 1;
          tl.targets.push_back(n);
        }
      }
    }
  }
  // The targets' adversaries: whom a target criticises or opposes.
  std::vector<char> is_adversary;
  if (options.side && !is_target.empty()) {
    is_adversary.assign(net.node_count(), 0);
    for (NodeId b : tl.targets)
      for (const Edge* e = net.edges_begin(b); e != net.edges_end(b); ++e) {
        const Tie& t = net.tie(e->tie);
        if (t.subject == b && t.weight < 0 && e->neighbor != actor && !is_target[e->neighbor])
          is_adversary[e->neighbor] = 1;
      }
  }
  for (const Edge* e = net.edges_begin(actor); e != net.edges_end(actor); ++e) {
    const Tie& t = net.tie(e->tie);
    if (!t.symmetric && t.subject != actor) continue;
    const bool adversary = !is_adversary.empty() && is_adversary[e->neighbor];
    if (!is_target.empty() && !is_target[e->neighbor] && !adversary) continue;
    for (const ClaimIndex* c = net.tie_claims_begin(e->tie); c != net.tie_claims_end(e->tie); ++c) {
      const ClaimEntry& claim = net.claims()[*c];
      // A standing tie dated only by the article's publication has no date
      // of its own: the article reports it, it did not begin that day.
      if (claim.date == 0 || (claim.dated_by_published && RelationAt(claim.relation).standing)) {
        tl.undated.push_back(*c);
        continue;
      }
      tl.entries.push_back(TimelineEntry{*c, claim.date, claim.dated_by_published,
                                         adversary ? -SignOf(claim.weight) : SignOf(claim.weight), e->neighbor,
                                         adversary});
    }
  }
  std::stable_sort(tl.entries.begin(), tl.entries.end(), [&](const TimelineEntry& a, const TimelineEntry& b) {
    return a.date != b.date ? a.date < b.date : net.claims()[a.claim].id < net.claims()[b.claim].id;
  });
  std::sort(tl.undated.begin(), tl.undated.end());

  std::vector<TimelineEntry> signed_entries;
  for (const TimelineEntry& e : tl.entries) {
    if (e.sign != 0) signed_entries.push_back(e);
  }
  if (options.pivot != 0) {
    StanceFlip f = SplitAt(net, signed_entries, options.pivot);
    f.pivot_given = true;
    tl.flip = std::move(f);
    return tl;
  }
  // Candidate pivots: every date at which a signed claim follows an earlier one.
  const size_t n = signed_entries.size();
  std::vector<double> prefix(n + 1, 0);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + signed_entries[i].sign;
  double best_change = -1;
  size_t best_split = 0, best_balance = 0;
  for (size_t i = 1; i < n; ++i) {
    if (signed_entries[i].date == signed_entries[i - 1].date) continue;
    const double before = prefix[i] / i, after = (prefix[n] - prefix[i]) / (n - i);
    const double change = std::fabs(after - before);
    const size_t balance = std::min(i, n - i);
    if (change > best_change + 1e-12 || (std::fabs(change - best_change) <= 1e-12 && balance > best_balance)) {
      best_change = change;
      best_split = i;
      best_balance = balance;
    }
  }
  if (best_split > 0) tl.flip = SplitAt(net, signed_entries, signed_entries[best_split].date);
  return tl;
}

}  // namespace tiegraph::graph
