// Stance timelines: actor A's signed claims toward a target, in date order,
// and whether A's stance flipped.
//
// Target: one actor B; when B is a Country (or `widen_to_country` is set and
// B has a country), also every actor whose country is B's. No target: A's
// claims toward everyone. A's claims are those where A is the subject, or
// either end of a symmetric relation. An act without a time (praise, a
// meeting, a loan) takes its document's published date (dated_by_published);
// a standing tie without one (membership, collaboration: RelationInfo::
// standing), and any claim with neither, is listed in `undated` and left out
// of the flip.
//
// Side (`side` set, with a target): A's stance toward B's side of a
// conflict also counts A's claims toward B's adversaries (actors B, or an
// actor of B's country, criticises or opposes), with the sign inverted:
// calling Ukraine a "NATO puppet state" leans toward Russia.
//
// Flip: claims with a non-zero sign are split at a pivot date (before: date
// < pivot; after: date >= pivot; a partial date such as 2022-02 sorts before
// the days of its month). Mean sign on each side; a flip is a change from one
// non-zero mean sign to the opposite. Without a pivot, the pivot is the date
// that maximises |mean_after - mean_before| (ties: the more balanced split,
// then the earlier date).
#pragma once

#include <optional>
#include <vector>

#include "tiegraph/graph/network.h"
#include "tiegraph/status.h"

namespace tiegraph::graph {

struct TimelineEntry {
  ClaimIndex claim = -1;
  DateKey date = 0;
  bool dated_by_published = false;
  int sign = 0;          // of the claim's weight
  NodeId toward = -1;    // the other actor
  bool via_adversary = false;  // toward an adversary of the target: sign inverted
};

struct StanceFlip {
  DateKey pivot = 0;
  bool pivot_given = false;
  double mean_before = 0, mean_after = 0;
  bool flipped = false;
  std::vector<ClaimIndex> before, after;  // the signed claims on each side (evidence)
};

struct Timeline {
  NodeId actor = -1;
  std::vector<NodeId> targets;             // empty = everyone
  std::vector<TimelineEntry> entries;      // dated, in date order (stable)
  std::vector<ClaimIndex> undated;
  std::optional<StanceFlip> flip;          // with a given pivot: always; else absent under two signed dates
};

struct TimelineOptions {
  NodeId toward = -1;           // -1 = everyone
  bool widen_to_country = false;
  DateKey pivot = 0;            // 0 = find the best one
  bool side = false;            // also the target's adversaries, sign inverted
};

Timeline BuildTimeline(const Network& network, NodeId actor, const TimelineOptions& options);

}  // namespace tiegraph::graph
