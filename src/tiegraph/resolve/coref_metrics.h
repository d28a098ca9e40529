// Coreference scores: MUC (Vilain et al. 1995) and B-cubed (Bagga & Baldwin
// 1998) of a response clustering against a key clustering.
//
// A clustering is a list of chains; a chain is a list of mention ids (any
// int, unique within one clustering). Mentions of the key missing from the
// response count as missed (recall), mentions of the response missing from
// the key as spurious (precision), as in the CoNLL-2012 reference scorer:
//   MUC recall    = sum_K (|K| - |partition of K by R|) / sum_K (|K| - 1)
//   B3  recall    = sum_K sum_R |K & R|^2 / |K|  /  sum_K |K|
// and precision with key and response swapped. Scores add up over documents
// by summing numerators and denominators (CorefScore::Add).
#pragma once

#include <vector>

namespace tiegraph {

using CorefChain = std::vector<int>;
using CorefClustering = std::vector<CorefChain>;

struct CorefScore {
  double recall_num = 0, recall_den = 0;
  double precision_num = 0, precision_den = 0;
  double Recall() const { return recall_den > 0 ? recall_num / recall_den : 0.0; }
  double Precision() const { return precision_den > 0 ? precision_num / precision_den : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void Add(const CorefScore& o) {
    recall_num += o.recall_num, recall_den += o.recall_den;
    precision_num += o.precision_num, precision_den += o.precision_den;
  }
};

CorefScore MucScore(const CorefClustering& key, const CorefClustering& response);
CorefScore BCubedScore(const CorefClustering& key, const CorefClustering& response);

// The clustering without its singleton chains (CoNLL-2012 scores none).
CorefClustering WithoutSingletons(const CorefClustering& chains);

}  // namespace tiegraph
