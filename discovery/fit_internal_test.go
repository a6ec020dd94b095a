package discovery

import (
	"math"
	"testing"
)

// TestListMetricsHand uses the hand-worked split of TestEvaluateHand (evaluate_test.go):
// common neighbours give the new ties 1 and 0 and the other pairs 0, 1, 1, so
// AUC = 2.5/6 and improvement = (2/3)/0.8; preferential attachment gives 4, 2 and 2, 4, 3,
// so AUC = 0.5 and improvement = 1/0.8 = 1.25.
func TestListMetricsHand(t *testing.T) {
	for _, tc := range []struct {
		Name         string
		Pos, Neg     []float64
		AUC, Improve float64
	}{
		{"common_neighbors", []float64{1, 0}, []float64{0, 1, 1}, 2.5 / 6, (2.0 / 3) / 0.8},
		{"preferential_attachment", []float64{4, 2}, []float64{2, 4, 3}, 0.5, 1.25},
		// perfect: both new ties above everything: AUC 1, 2 hits of 2, improvement 2/0.8
		{"perfect", []float64{5, 6}, []float64{1, 2, 3}, 1, 2 / 0.8},
		// all equal: AUC 1/2, hits 2·2/5 = 0.8, improvement 1
		{"all tied", []float64{1, 1}, []float64{1, 1, 1}, 0.5, 1},
	} {
		auc, imp := listMetrics(tc.Pos, tc.Neg)
		if math.Abs(auc-tc.AUC) > 1e-9 || math.Abs(imp-tc.Improve) > 1e-9 {
			t.Errorf("%s: auc %v improvement %v, want %v %v", tc.Name, auc, imp, tc.AUC, tc.Improve)
		}
	}
}

// TestSimplex: the grid with step 1/u over 5 weights has C(u+4, 4) points, each summing to 1.
func TestSimplex(t *testing.T) {
	for u, want := range map[int]int{1: 5, 2: 15, 10: 1001} {
		g := simplex(u)
		if len(g) != want {
			t.Errorf("simplex(%d) has %d points, want %d", u, len(g), want)
		}
		for _, w := range g {
			s := 0.0
			for _, x := range w.slice() {
				s += x
			}
			if math.Abs(s-1) > 1e-12 {
				t.Errorf("simplex(%d): %+v sums to %v", u, w, s)
			}
		}
	}
	if g := simplex(2); g[0] != (Weights{Reach: 1}) || g[len(g)-1] != (Weights{Goal: 1}) {
		t.Errorf("grid order: first %+v, last %+v", g[0], g[len(g)-1])
	}
}

// TestIdentified: with complementarity constant, only the points that give it no weight stay.
func TestIdentified(t *testing.T) {
	comps := [][5]float64{{0.1, 0.2, 0, 0.5, 1}, {0.3, 0, 0.1, 0.5, 0}}
	g := identified(simplex(2), comps)
	if len(g) != 10 { // C(2+3, 3): four free weights
		t.Errorf("%d points, want 10", len(g))
	}
	for _, w := range g {
		if w.Complementarity != 0 {
			t.Errorf("point %+v weights a constant component", w)
		}
	}
}
