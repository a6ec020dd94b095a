package main

// Example runs the program on the bundled hep-th data and pins its table. The composite
// line follows discovery.DefaultWeights and discovery.DefaultOptions: when those change,
// rerun `go run .` here and update the output below.
func Example() {
	main()
	// Output:
	// train up to 1994-12-31, test to 1996-12-31, core κ = 3
	// core actors 613, candidate pairs 186610, new ties 457 (random precision 0.00245)
	// composite: proximity resource_allocation, weights goal 0.42 proximity 0.09 trust 0.34 complementarity 0.15 reach 0.00
	// predictor                          improvement   prec@k recall@k    AUC
	// adamic_adar                              37.96    0.130    0.028  0.613
	// adamic_adar_weighted                     42.89    0.130    0.028  0.613
	// common_neighbors                         38.43    0.157    0.034  0.613
	// common_neighbors_weighted                39.52    0.118    0.026  0.613
	// composite                                39.31    0.120    0.026  0.796
	// distance                                 25.05    0.061    0.013  0.766
	// distance_weighted                        29.16    0.090    0.020  0.761
	// goal_overlap                             14.30    0.060    0.013  0.763
	// jaccard                                  40.21    0.200    0.044  0.613
	// jaccard_weighted                         41.39    0.153    0.033  0.613
	// katz                                     38.72    0.150    0.033  0.690
	// katz_weighted                            39.31    0.080    0.018  0.690
	// preferential_attachment                   2.68    0.020    0.004  0.603
	// preferential_attachment_weighted          0.89    0.000    0.000  0.583
	// resource_allocation                      33.06    0.130    0.028  0.613
	// resource_allocation_weighted             34.85    0.130    0.028  0.613
	// rooted_pagerank                          35.74    0.130    0.028  0.775
	// rooted_pagerank_weighted                 34.85    0.120    0.026  0.775
}
