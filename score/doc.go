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
package score
