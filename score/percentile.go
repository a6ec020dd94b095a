package score

import "math"

// Percentile returns the share of values in xs that are less than or equal to xs[i], a number
// in (0, 1]: the percentile rank of actor i under a measure returned by this package.
//
//	P(i) = |{j : xs[j] <= xs[i]}| / len(xs)
//
// Tied values share the highest rank of the tie, so the largest value has rank 1. NaN values
// (such as the constraint of an isolated actor) are never counted, and the rank of a NaN
// value is NaN. Percentile panics if i is out of range. It takes O(len(xs)) time; to rank all
// actors, sort a copy once instead.
func Percentile(xs []float64, i int) float64 {
	v := xs[i]
	if math.IsNaN(v) {
		return math.NaN()
	}
	k := 0
	for _, x := range xs {
		if x <= v {
			k++
		}
	}
	return float64(k) / float64(len(xs))
}
