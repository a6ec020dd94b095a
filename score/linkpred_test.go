package score_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// lpNet builds a network from "a b w" triples.
func lpNet(t testing.TB, ties [][3]string) *graph.Network {
	t.Helper()
	d := &graph.Dataset{}
	for _, e := range ties {
		w, err := strconv.ParseFloat(e[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		d.Contacts = append(d.Contacts, graph.Contact{Source: e[0], Target: e[1], Weight: w})
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func lpIdx(t testing.TB, n *graph.Network, id string) int {
	t.Helper()
	i, ok := n.Index(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}

func lpLinker(t testing.TB, n *graph.Network, p score.Predictor, c score.LinkConfig) *score.Linker {
	t.Helper()
	l, err := score.NewLinker(n, p, c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func lpClose(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

func lpK5(t testing.TB) *graph.Network {
	var ties [][3]string
	ids := []string{"a", "b", "c", "d", "e"}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			ties = append(ties, [3]string{ids[i], ids[j], "1"})
		}
	}
	return lpNet(t, ties)
}

// On K5 the pair (a, b) has the three common neighbours c, d, e, each of degree 4, and
// Γ(a) ∪ Γ(b) = all five actors:
//
//	CN = 3, Jaccard = 3/5 = 0.6, Adamic-Adar = 3/ln 4 = 2.1640425613334453,
//	RA = 3/4 = 0.75, PA = 4·4 = 16, Distance = 1/1 = 1.
//
// With unit weights the weighted forms agree, except Adamic-Adar, which is
// Σ (1+1)/2 / ln(1+4) = 3/ln 5 = 1.8640140...
func TestLinkK5(t *testing.T) {
	n := lpK5(t)
	a, b := lpIdx(t, n, "a"), lpIdx(t, n, "b")
	for _, tc := range []struct {
		Name     string
		P        score.Predictor
		Weighted bool
		Want     float64
	}{
		{"cn", score.CommonNeighbors, false, 3},
		{"jaccard", score.Jaccard, false, 0.6},
		{"aa", score.AdamicAdar, false, 3 / math.Log(4)},
		{"ra", score.ResourceAllocation, false, 0.75},
		{"pa", score.PreferentialAttachment, false, 16},
		{"distance", score.Distance, false, 1},
		{"cn_w", score.CommonNeighbors, true, 3},
		{"jaccard_w", score.Jaccard, true, 0.6},
		{"aa_w", score.AdamicAdar, true, 3 / math.Log(5)},
		{"ra_w", score.ResourceAllocation, true, 0.75},
		{"pa_w", score.PreferentialAttachment, true, 16},
		{"distance_w", score.Distance, true, 1},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			l := lpLinker(t, n, tc.P, score.LinkConfig{Weighted: tc.Weighted})
			if got := l.Score(a, b); !lpClose(got, tc.Want, 1e-12) {
				t.Errorf("Score = %v, want %v", got, tc.Want)
			}
			if got := l.Score(b, a); !lpClose(got, tc.Want, 1e-12) {
				t.Errorf("Score reversed = %v, want %v", got, tc.Want)
			}
			seen := 0
			l.From(a, func(dst int, s float64) {
				seen++
				if !lpClose(s, tc.Want, 1e-12) {
					t.Errorf("From %d = %v, want %v", dst, s, tc.Want)
				}
			})
			if seen != 4 {
				t.Errorf("From reported %d actors, want 4", seen)
			}
		})
	}
	if s := 2.1640425613334453; !lpClose(3/math.Log(4), s, 1e-15) {
		t.Fatalf("3/ln 4 = %v, want %v", 3/math.Log(4), s)
	}
}

// A weighted graph worked by hand:
//
//	x -2- z -4- y,  x -1- u -1- y,  z -3- v (v only tied to z),  y -1- v.
//
// Strengths: s_x = 3, s_y = 6, s_z = 9, s_u = 2, s_v = 4. Common neighbours of x and y: z, u.
//
//	CN_w   = (2+4)/2 + (1+1)/2 = 4
//	RA_w   = 3/9 + 1/2 = 5/6
//	AA_w   = 3/ln 10 + 1/ln 3
//	Jacc_w = Σ min / Σ max over z, u, v: (min(2,4) + min(1,1) + min(0,1)) /
//	         (max(2,4) + max(1,1) + max(0,1)) = 3/6 = 0.5
//	PA_w   = 3·6 = 18
//	Dist_w: x-u-y has length 1+1 = 2, x-z-y has 1/2+1/4 = 3/4, so 1/d = 4/3.
//	Unweighted distance is 2 (1/d = 0.5); unweighted Jaccard = |{z,u}| / |{z,u,v}| = 2/3.
func TestLinkWeightedHand(t *testing.T) {
	n := lpNet(t, [][3]string{
		{"x", "z", "2"}, {"z", "y", "4"}, {"x", "u", "1"}, {"u", "y", "1"}, {"z", "v", "3"}, {"y", "v", "1"},
	})
	x, y := lpIdx(t, n, "x"), lpIdx(t, n, "y")
	for _, tc := range []struct {
		Name     string
		P        score.Predictor
		Weighted bool
		Want     float64
	}{
		{"cn_w", score.CommonNeighbors, true, 4},
		{"ra_w", score.ResourceAllocation, true, 5.0 / 6},
		{"aa_w", score.AdamicAdar, true, 3/math.Log(10) + 1/math.Log(3)},
		{"jaccard_w", score.Jaccard, true, 0.5},
		{"pa_w", score.PreferentialAttachment, true, 18},
		{"distance_w", score.Distance, true, 4.0 / 3},
		{"distance", score.Distance, false, 0.5},
		{"jaccard", score.Jaccard, false, 2.0 / 3},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			l := lpLinker(t, n, tc.P, score.LinkConfig{Weighted: tc.Weighted})
			if got := l.Score(x, y); !lpClose(got, tc.Want, 1e-12) {
				t.Errorf("Score = %v, want %v", got, tc.Want)
			}
			found := false
			l.From(x, func(dst int, s float64) {
				if dst == y {
					found = true
					if !lpClose(s, tc.Want, 1e-12) {
						t.Errorf("From = %v, want %v", s, tc.Want)
					}
				}
			})
			if !found {
				t.Error("From did not report y")
			}
		})
	}
}

// Path a-b-c-d, β = 0.1, walks up to length 3:
//
//	(a,b): length 1: a-b; length 3: a-b-a-b, a-b-c-b  -> 0.1 + 2·0.001 = 0.102
//	(a,c): length 2: a-b-c (odd lengths impossible, the path is bipartite) -> 0.01
//	(a,d): length 3: a-b-c-d -> 0.001
//
// With MaxLen 2, (a,d) has no walk and is not reported.
func TestKatzPath(t *testing.T) {
	n := lpNet(t, [][3]string{{"a", "b", "1"}, {"b", "c", "1"}, {"c", "d", "1"}})
	l := lpLinker(t, n, score.Katz, score.LinkConfig{Beta: 0.1, MaxLen: 3})
	want := map[int]float64{1: 0.102, 2: 0.01, 3: 0.001}
	got := map[int]float64{}
	prev := -1
	l.From(0, func(dst int, s float64) {
		if dst <= prev {
			t.Errorf("dst %d after %d", dst, prev)
		}
		prev = dst
		got[dst] = s
	})
	for d, w := range want {
		if !lpClose(got[d], w, 1e-12) {
			t.Errorf("katz(a,%d) = %v, want %v", d, got[d], w)
		}
	}
	if len(got) != 3 {
		t.Errorf("From reported %d actors, want 3", len(got))
	}
	l2 := lpLinker(t, n, score.Katz, score.LinkConfig{Beta: 0.1, MaxLen: 2})
	if s := l2.Score(0, 3); s != 0 {
		t.Errorf("MaxLen 2: katz(a,d) = %v, want 0", s)
	}
	if s := l2.Score(0, 1); !lpClose(s, 0.1, 1e-12) {
		t.Errorf("MaxLen 2: katz(a,b) = %v, want 0.1", s)
	}
	// Weighted: doubling every weight multiplies a walk of length l by 2^l:
	// (a,b) = 0.1·2 + 2·0.001·8 = 0.216.
	nw := lpNet(t, [][3]string{{"a", "b", "2"}, {"b", "c", "2"}, {"c", "d", "2"}})
	lw := lpLinker(t, nw, score.Katz, score.LinkConfig{Beta: 0.1, MaxLen: 3, Weighted: true})
	if s := lw.Score(0, 1); !lpClose(s, 0.216, 1e-12) {
		t.Errorf("weighted katz(a,b) = %v, want 0.216", s)
	}
}

// Rooted PageRank with restart α on one tie x-y: π_y = (1-α)π_x and
// π_x = α + (1-α)π_y, so π_y = (1-α)/(2-α). On a triangle, by symmetry,
// π_y = π_z = (1-α)/(3-α). With α = 0.15: 0.85/1.85 and 0.85/2.85.
func TestRootedPageRankHand(t *testing.T) {
	c := score.LinkConfig{Epsilon: 1e-13}
	edge := lpNet(t, [][3]string{{"x", "y", "1"}})
	if s := lpLinker(t, edge, score.RootedPageRank, c).Score(0, 1); !lpClose(s, 0.85/1.85, 1e-11) {
		t.Errorf("edge: %v, want %v", s, 0.85/1.85)
	}
	tri := lpNet(t, [][3]string{{"x", "y", "1"}, {"y", "z", "1"}, {"x", "z", "1"}})
	l := lpLinker(t, tri, score.RootedPageRank, c)
	for _, d := range []int{1, 2} {
		if s := l.Score(0, d); !lpClose(s, 0.85/2.85, 1e-11) {
			t.Errorf("triangle %d: %v, want %v", d, s, 0.85/2.85)
		}
	}
	// α = 0.5 on the edge: 0.5/1.5 = 1/3.
	l5 := lpLinker(t, edge, score.RootedPageRank, score.LinkConfig{Alpha: 0.5, Epsilon: 1e-13})
	if s := l5.Score(1, 0); !lpClose(s, 1.0/3, 1e-11) {
		t.Errorf("alpha 0.5: %v, want 1/3", s)
	}
}

func lpKarate(t testing.TB) *graph.Network {
	t.Helper()
	n, err := graph.LoadDir("../testdata/karate")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLinkKarateGolden checks the neighbourhood predictors against networkx on every
// non-adjacent pair of the unweighted karate club (testdata/golden/karate_linkpred.csv).
func TestLinkKarateGolden(t *testing.T) {
	n := lpKarate(t)
	f, err := os.Open("../testdata/golden/karate_linkpred.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	preds := map[string]score.Predictor{
		"common_neighbors": score.CommonNeighbors, "jaccard": score.Jaccard, "adamic_adar": score.AdamicAdar,
		"resource_allocation": score.ResourceAllocation, "preferential_attachment": score.PreferentialAttachment,
	}
	if len(rows) != 484 {
		t.Fatalf("%d rows, want 484", len(rows))
	}
	for name, p := range preds {
		l := lpLinker(t, n, p, score.LinkConfig{})
		from := make(map[[2]int]float64)
		for src := range n.Len() {
			l.From(src, func(dst int, s float64) { from[[2]int{src, dst}] = s })
		}
		for _, r := range rows[1:] {
			a, b := lpIdx(t, n, r[col["a"]]), lpIdx(t, n, r[col["b"]])
			want, err := strconv.ParseFloat(r[col[name]], 64)
			if err != nil {
				t.Fatal(err)
			}
			if got := l.Score(a, b); !lpClose(got, want, 1e-9) {
				t.Errorf("%s(%s,%s) = %v, want %v", name, r[0], r[1], got, want)
			}
			if got := from[[2]int{a, b}]; !lpClose(got, want, 1e-9) {
				t.Errorf("%s From(%s)[%s] = %v, want %v", name, r[0], r[1], got, want)
			}
			if got := from[[2]int{b, a}]; !lpClose(got, want, 1e-9) {
				t.Errorf("%s From(%s)[%s] = %v, want %v", name, r[1], r[0], got, want)
			}
		}
	}
}

// adjacency returns the dense (weighted or 0/1) adjacency matrix of the contacts layer.
func lpAdjacency(n *graph.Network, weighted bool) *mat.Dense {
	a := mat.NewDense(n.Len(), n.Len(), nil)
	for i := range n.Len() {
		vs, ws := n.Neighbors(graph.Contacts, i)
		for k, v := range vs {
			w := 1.0
			if weighted {
				w = ws[k]
			}
			a.Set(i, int(v), w)
		}
	}
	return a
}

// TestKatzExactKarate compares the summed Katz series with (I - βA)^{-1} - I computed by
// dense linear algebra (gonum/mat), unweighted and weighted, and the truncated series with
// Σ_{l<=4} β^l A^l from repeated matrix products.
func TestKatzExactKarate(t *testing.T) {
	n := lpKarate(t)
	for _, weighted := range []bool{false, true} {
		a := lpAdjacency(n, weighted)
		size := n.Len()
		beta := 0.01
		m := mat.NewDense(size, size, nil)
		m.Scale(-beta, a)
		for i := range size {
			m.Set(i, i, m.At(i, i)+1)
		}
		var inv mat.Dense
		if err := inv.Inverse(m); err != nil {
			t.Fatal(err)
		}
		trunc := mat.NewDense(size, size, nil)
		pow := mat.NewDense(size, size, nil)
		pow.Copy(a)
		coef := beta
		for l := 1; l <= 4; l++ {
			var term mat.Dense
			term.Scale(coef, pow)
			trunc.Add(trunc, &term)
			var next mat.Dense
			next.Mul(pow, a)
			pow.Copy(&next)
			coef *= beta
		}
		exact := lpLinker(t, n, score.Katz, score.LinkConfig{Beta: beta, MaxLen: -1, Weighted: weighted})
		four := lpLinker(t, n, score.Katz, score.LinkConfig{Beta: beta, MaxLen: 4, Weighted: weighted})
		for src := range size {
			got := make([]float64, size)
			exact.From(src, func(dst int, s float64) { got[dst] = s })
			got4 := make([]float64, size)
			four.From(src, func(dst int, s float64) { got4[dst] = s })
			for dst := range size {
				if dst == src {
					continue
				}
				if w := inv.At(src, dst); !lpClose(got[dst], w, 1e-9) {
					t.Errorf("weighted=%v exact katz(%d,%d) = %v, want %v", weighted, src, dst, got[dst], w)
				}
				if w := trunc.At(src, dst); !lpClose(got4[dst], w, 1e-12) {
					t.Errorf("weighted=%v katz4(%d,%d) = %v, want %v", weighted, src, dst, got4[dst], w)
				}
			}
		}
	}
	if _, err := score.NewLinker(n, score.Katz, score.LinkConfig{Beta: 0.5, MaxLen: -1}); err == nil {
		t.Error("divergent Katz series accepted")
	}
}

// TestRootedPageRankKarate compares the push with the exact solution of
// π = α e_x + (1-α) Pᵀ π, i.e. π = α (I - (1-α) Pᵀ)^{-1} e_x, P the row-stochastic transition
// matrix (weighted: w_uv/s_u), by dense linear algebra.
func TestRootedPageRankKarate(t *testing.T) {
	n := lpKarate(t)
	size := n.Len()
	for _, weighted := range []bool{false, true} {
		for _, alpha := range []float64{0.15, 0.5} {
			a := lpAdjacency(n, weighted)
			m := mat.NewDense(size, size, nil)
			for u := range size {
				s := mat.Sum(a.RowView(u))
				for v := range size {
					m.Set(v, u, -(1-alpha)*a.At(u, v)/s)
				}
			}
			for i := range size {
				m.Set(i, i, m.At(i, i)+1)
			}
			var inv mat.Dense
			if err := inv.Inverse(m); err != nil {
				t.Fatal(err)
			}
			l := lpLinker(t, n, score.RootedPageRank, score.LinkConfig{Alpha: alpha, Epsilon: 1e-13, Weighted: weighted})
			for src := range size {
				got := make([]float64, size)
				l.From(src, func(dst int, s float64) { got[dst] = s })
				for dst := range size {
					if dst == src {
						continue
					}
					// error bound ε·s_dst, plus rounding
					if w := alpha * inv.At(dst, src); math.Abs(got[dst]-w) > 1e-13*n.Strength(graph.Contacts, dst)+1e-12 {
						t.Errorf("weighted=%v alpha=%v rpr(%d,%d) = %v, want %v", weighted, alpha, src, dst, got[dst], w)
					}
				}
			}
		}
	}
}

// TestDistancePath: on the path a-b-c-d plus an isolated pair e-f, 1/d from a is 1, 1/2,
// 1/3 and e, f are unreachable (not reported).
func TestDistancePath(t *testing.T) {
	n := lpNet(t, [][3]string{{"a", "b", "1"}, {"b", "c", "1"}, {"c", "d", "1"}, {"e", "f", "1"}})
	l := lpLinker(t, n, score.Distance, score.LinkConfig{})
	got := map[int]float64{}
	l.From(0, func(dst int, s float64) { got[dst] = s })
	want := map[int]float64{1: 1, 2: 0.5, 3: 1.0 / 3}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if s := l.Score(0, 4); s != 0 {
		t.Errorf("unreachable score %v", s)
	}
}

// TestFromMatchesScore checks on karate, for every predictor and form, that From reports
// dst in increasing order, never src, never 0, and exactly the value Score returns.
func TestFromMatchesScore(t *testing.T) {
	n := lpKarate(t)
	for _, p := range score.Predictors() {
		for _, weighted := range []bool{false, true} {
			l := lpLinker(t, n, p, score.LinkConfig{Weighted: weighted})
			for src := range n.Len() {
				got := make([]float64, n.Len())
				prev := -1
				l.From(src, func(dst int, s float64) {
					if dst <= prev || dst == src || s == 0 {
						t.Errorf("%v: bad From report (%d after %d, src %d, s %v)", p, dst, prev, src, s)
					}
					prev = dst
					got[dst] = s
				})
				for dst := range n.Len() {
					if s := l.Score(src, dst); s != got[dst] {
						t.Errorf("%v weighted=%v: Score(%d,%d) = %v, From %v", p, weighted, src, dst, s, got[dst])
					}
				}
			}
		}
	}
}

func TestParsePredictor(t *testing.T) {
	for _, p := range score.Predictors() {
		q, err := score.ParsePredictor(p.String())
		if err != nil || q != p {
			t.Errorf("ParsePredictor(%q) = %v, %v", p.String(), q, err)
		}
	}
	if _, err := score.ParsePredictor("katz2"); err == nil {
		t.Error("unknown name accepted")
	}
	if len(score.Predictors()) != 8 {
		t.Errorf("%d predictors, want 8", len(score.Predictors()))
	}
}

func TestLinkConfigErrors(t *testing.T) {
	n := lpK5(t)
	for _, c := range []score.LinkConfig{
		{Layer: 7}, {Beta: -1}, {Beta: math.NaN()}, {Alpha: 1}, {Alpha: -0.1}, {Epsilon: 2},
	} {
		if _, err := score.NewLinker(n, score.Katz, c); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
	if _, err := score.NewLinker(n, score.Predictor(99), score.LinkConfig{}); err == nil {
		t.Error("unknown predictor accepted")
	}
	if _, err := score.NewLinker(nil, score.Katz, score.LinkConfig{}); err == nil {
		t.Error("nil network accepted")
	}
}
