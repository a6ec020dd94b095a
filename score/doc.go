// Package score computes measures on a [graph.Network]: centralities, Burt's structural
// holes, goal overlap, complementarity, link-prediction scores and power asymmetry.
//
// Measures return one value per actor as a []float64 indexed like the Network (so in
// sorted-ID order), every actor included, isolated ones too. Defaults follow networkx, so
// that a researcher can check the numbers: degree centrality deg/(n-1); betweenness
// normalised by (n-1)(n-2)/2; closeness with the Wasserman-Faust correction; harmonic
// unnormalised; eigenvector with unit Euclidean norm; PageRank with alpha 0.85 summing to 1;
// Burt's constraint and effective size. Weighted variants ([Config].Weighted) treat tie
// strength as closeness: path measures use distance = 1/weight, while strength, eigenvector,
// PageRank and the structural-hole measures use the weight itself, as networkx does with
// weight="weight".
//
// Every computation sums in a fixed order, so results are bit-for-bit the same across runs
// and for any number of workers.
//
// # Workflow
//
//	n, err := graph.LoadDir("testdata/florentine")
//	...
//	c := score.Config{Layer: graph.Contacts}     // unweighted; Weighted: true for tie strength
//	bc, err := score.Betweenness(n, c)          // bc[i] belongs to n.ID(i)
//	i, _ := n.Index("medici")
//	fmt.Printf("%.3f (percentile %.2f)\n", bc[i], score.Percentile(bc, i))
//
//	p, err := score.NewPower(n, c, score.DefaultThresholds())
//	a, _ := n.Index("acciaiuoli")
//	for _, f := range p.Pair(a, i) {
//		fmt.Println(f.Kind, f.Severity, f.Detail) // dependence high: Acciaiuoli depends on Medici ...
//	}
//
// # Large networks
//
// Betweenness, closeness and harmonic use one breadth-first search (or Dijkstra, weighted)
// per source over compact arrays, in parallel, with memory linear in the network. Above
// [AutoApproxActors] actors ([AutoApprox]) the command-line tool estimates them instead with
// [BetweennessApprox] (Riondato and Kornaropoulos 2016), [ClosenessApprox] and
// [HarmonicApprox] (Eppstein and Wang 2004), which bound the error by an [Approx]'s Epsilon
// with probability 1 - Delta, from a fixed seed. Weighted shortest paths that differ by less
// than [TieTolerance] (relative) count as equally short, so tied paths are counted as igraph
// and exact arithmetic count them.
//
// # Goals, complementarity and power
//
// [NewProfiles] builds IDF-weighted interest vectors (declared goals plus the topics of
// attended events) for [Profiles.Overlap]; [Complementarity] and [Brings] say what a candidate
// adds; [Power] flags structural dominance, resource asymmetry, dependence and gatekeeping
// between two actors and concentrated power in a group, each as a [Flag] with its value,
// threshold, advantaged side and a sentence. [Linker] streams link-prediction scores.
package score
