package score

import (
	"math"
	"slices"
	"sync"

	"github.com/partnerscout/partnerscout/graph"
)

// Constraint returns Burt's (1992) aggregate constraint of every actor in layer c.Layer,
// the same numbers as networkx's constraint:
//
//	C_i  = Σ_{j ∈ N(i)} c_ij
//	c_ij = (p_ij + Σ_{q ∈ N(i), q ≠ i,j} p_iq p_qj)²
//	p_ij = w_ij / Σ_k w_ik
//
// With c.Weighted false every tie has weight 1, so p_ij = 1/deg(i). With c.Weighted true the
// tie weights are used as they are; for undirected ties networkx's normalised mutual weight
// (w_ij + w_ji) / Σ_k (w_ik + w_ki) equals w_ij / strength(i). Constraint lies in (0, 1]
// for an actor with ties: 1 when the actor's only tie is a single contact, low for a broker
// whose contacts are not tied to each other.
//
// An isolated actor has no constraint: its entry is NaN, as in networkx (0/0). Callers that
// rank by constraint must handle NaN, e.g. with math.IsNaN.
//
// The computation runs one pass per actor over its two-step neighbourhood with a reusable
// marker array (no n x n memory), in parallel over c.Workers; the result does not depend on
// the number of workers. It panics if c is invalid (see [Config.Validate]).
func Constraint(n *graph.Network, c Config) []float64 {
	return burt(n, c, false)
}

// EffectiveSize returns Burt's (1992) effective size of every actor's network in layer
// c.Layer, the same numbers as networkx's effective_size:
//
//	E_i  = Σ_{j ∈ N(i)} (1 - Σ_{q ∈ N(i), q ≠ j} p_iq m_jq)
//	m_jq = w_jq / max_k w_jk
//
// with p as in [Constraint]. Without weights this is Borgatti's (1997) shortcut
//
//	E_i = deg(i) - 2 t_i / deg(i)
//
// where t_i is the number of ties among i's neighbours, which is how it is computed then.
// An isolated actor's entry is NaN, as in networkx. It panics if c is invalid.
func EffectiveSize(n *graph.Network, c Config) []float64 {
	return burt(n, c, true)
}

// DyadicConstraint returns c_ij, the constraint that actor j places on actor i (networkx's
// local_constraint(G, i, j)):
//
//	c_ij = (p_ij + Σ_{q ∈ N(i) ∩ N(j)} p_iq p_qj)²
//
// with p as in [Constraint]. It is asymmetric: an actor whose only tie is j has c_ij = 1,
// while j, with many other ties, is barely constrained by i. That asymmetry is what
// [Power.Pair] reports as dependence. j need not be a neighbour of i (then only the indirect
// term counts). It is 0 when i has no ties and when i == j. It takes O(deg(i) + deg(j)) time.
// It panics if c is invalid or an index is out of range.
func DyadicConstraint(n *graph.Network, c Config, i, j int) float64 {
	mustValid(c)
	if i == j {
		return 0
	}
	l := c.Layer
	ni, wi := n.Neighbors(l, i)
	nj, wj := n.Neighbors(l, j)
	si := burtStrength(n, c, i)
	if len(ni) == 0 || si == 0 {
		return 0
	}
	direct := 0.0
	if k, ok := slices.BinarySearch(ni, int32(j)); ok {
		direct = tieWeight(c, wi, k) / si
	}
	indirect := 0.0
	for a, b := 0, 0; a < len(ni) && b < len(nj); {
		switch {
		case ni[a] < nj[b]:
			a++
		case ni[a] > nj[b]:
			b++
		default:
			q := int(ni[a])
			if sq := burtStrength(n, c, q); sq > 0 {
				indirect += tieWeight(c, wi, a) / si * (tieWeight(c, wj, b) / sq)
			}
			a++
			b++
		}
	}
	x := direct + indirect
	return x * x
}

// mustValid panics with the validation error of c: a Config is set by the program, so an
// invalid one is a programming mistake.
func mustValid(c Config) {
	if err := c.Validate(); err != nil {
		panic(err)
	}
}

// tieWeight returns the k-th weight of a neighbour list, or 1 when c is unweighted.
func tieWeight(c Config, w []float64, k int) float64 {
	if c.Weighted {
		return w[k]
	}
	return 1
}

// burtStrength is the normaliser of p_i.: strength when weighted, degree otherwise.
func burtStrength(n *graph.Network, c Config, i int) float64 {
	if c.Weighted {
		return n.Strength(c.Layer, i)
	}
	return float64(n.Degree(c.Layer, i))
}

// burt computes constraint (effective == false) or effective size for every actor.
func burt(n *graph.Network, c Config, effective bool) []float64 {
	mustValid(c)
	c = c.withDefaults()
	N := n.Len()
	out := make([]float64, N)
	if N == 0 {
		return out
	}
	// Normalisers, computed once: strength (or degree), and for weighted effective size
	// each actor's largest tie weight.
	str := make([]float64, N)
	var maxw []float64
	if effective && c.Weighted {
		maxw = make([]float64, N)
	}
	for i := range N {
		str[i] = burtStrength(n, c, i)
		if maxw != nil {
			_, w := n.Neighbors(c.Layer, i)
			for _, x := range w {
				maxw[i] = max(maxw[i], x)
			}
		}
	}
	workers := min(c.Workers, N)
	chunk := (N + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < N; lo += chunk {
		hi := min(lo+chunk, N)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := make([]float64, N) // p[q] = p_iq for q ∈ N(i), 0 elsewhere
			for i := lo; i < hi; i++ {
				out[i] = burtOne(n, c, i, effective, str, maxw, p)
			}
		}()
	}
	wg.Wait()
	return out
}

// burtOne computes one actor's constraint or effective size, using and then clearing p.
func burtOne(n *graph.Network, c Config, i int, effective bool, str, maxw, p []float64) float64 {
	l := c.Layer
	ni, wi := n.Neighbors(l, i)
	si := str[i]
	if len(ni) == 0 || si == 0 {
		return math.NaN()
	}
	for k, q := range ni {
		p[q] = tieWeight(c, wi, k) / si
	}
	total := 0.0
	switch {
	case effective && !c.Weighted:
		// Borgatti: deg - 2t/deg, 2t = Σ_j |N(i) ∩ N(j)|.
		common := 0
		for _, j := range ni {
			nj, _ := n.Neighbors(l, int(j))
			for _, q := range nj {
				if p[q] != 0 {
					common++
				}
			}
		}
		d := float64(len(ni))
		total = d - float64(common)/d
	case effective:
		for _, j := range ni {
			nj, wj := n.Neighbors(l, int(j))
			red := 0.0
			if m := maxw[j]; m > 0 {
				for k, q := range nj {
					if pq := p[q]; pq != 0 {
						red += pq * (wj[k] / m)
					}
				}
			}
			total += 1 - red
		}
	default:
		for _, j := range ni {
			nj, wj := n.Neighbors(l, int(j))
			ind := 0.0
			for k, q := range nj {
				if pq := p[q]; pq != 0 {
					if sq := str[q]; sq > 0 {
						ind += pq * (tieWeight(c, wj, k) / sq)
					}
				}
			}
			x := p[j] + ind
			total += x * x
		}
	}
	for _, q := range ni {
		p[q] = 0
	}
	return total
}
