package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBuildCSRAgainstReference compares buildCSR with a direct reference on random edge
// lists with many repeated pairs and rows both shorter and longer than the insertion-sort
// cut-off: same neighbours in order, and weights summed in input order, bit for bit.
func TestBuildCSRAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		n := 2 + rng.IntN(59)
		var edges []edge
		for k := rng.IntN(800); k > 0; k-- {
			a, b := int32(rng.IntN(n)), int32(rng.IntN(n))
			if trial%2 == 0 && n > 3 {
				a = int32(rng.IntN(2)) // a few hubs with long rows
			}
			if a == b {
				continue
			}
			edges = append(edges, edge{a, b, rng.Float64()*10 + 0.1})
		}
		// Reference: weights per ordered pair, added in input order.
		sum := make(map[[2]int32]float64)
		for _, e := range edges {
			sum[[2]int32{e.a, e.b}] += e.w
			sum[[2]int32{e.b, e.a}] += e.w
		}
		c := buildCSR(n, slices.Clone(edges))
		got := 0
		for i := 0; i < n; i++ {
			row := c.nbr[c.off[i]:c.off[i+1]]
			if !slices.IsSorted(row) {
				t.Fatalf("trial %d: row %d not sorted: %v", trial, i, row)
			}
			s := 0.0
			for k, j := range row {
				if k > 0 && row[k-1] == j {
					t.Fatalf("trial %d: row %d repeats %d", trial, i, j)
				}
				want, ok := sum[[2]int32{int32(i), j}]
				if !ok || c.w[c.off[i]+int32(k)] != want {
					t.Fatalf("trial %d: w(%d,%d) = %v, want %v (present %v)", trial, i, j, c.w[c.off[i]+int32(k)], want, ok)
				}
				s += want
				got++
			}
			if c.strength[i] != s {
				t.Fatalf("trial %d: strength %d = %v, want %v", trial, i, c.strength[i], s)
			}
		}
		if got != len(sum) {
			t.Fatalf("trial %d: %d entries, want %d", trial, got, len(sum))
		}
	}
}

func TestIncidenceAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 50; trial++ {
		na, ne := 1+rng.IntN(50), 1+rng.IntN(50)
		var pairs []pair
		for k := rng.IntN(1500); k > 0; k-- {
			pairs = append(pairs, pair{int32(rng.IntN(na)), int32(rng.IntN(ne))})
		}
		set := make(map[pair]bool)
		for _, p := range pairs {
			set[p] = true
		}
		evOff, evOf, atOff, atOf, dup := incidence(na, ne, slices.Clone(pairs))
		if dup != len(pairs)-len(set) {
			t.Fatalf("trial %d: %d repeats, want %d", trial, dup, len(pairs)-len(set))
		}
		// check compares each row of a CSR direction with the set, row by row.
		check := func(what string, off, list []int32, rows, cols int, has func(r, c int) bool) {
			for r := 0; r < rows; r++ {
				var want []int32
				for c := 0; c < cols; c++ {
					if has(r, c) {
						want = append(want, int32(c))
					}
				}
				if got := list[off[r]:off[r+1]]; !slices.Equal(got, want) {
					t.Fatalf("trial %d: %s of %d = %v, want %v", trial, what, r, got, want)
				}
			}
		}
		check("events", evOff, evOf, na, ne, func(a, e int) bool { return set[pair{int32(a), int32(e)}] })
		check("attendees", atOff, atOf, ne, na, func(e, a int) bool { return set[pair{int32(a), int32(e)}] })
	}
}
