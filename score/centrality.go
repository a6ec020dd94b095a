package score

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/partnerscout/partnerscout/graph"
)

// ErrNotConverged is returned (wrapped) by [Eigenvector] and [PageRank] when the power
// iteration does not reach the tolerance within [Config].MaxIter iterations.
var ErrNotConverged = errors.New("score: power iteration did not converge")

// Degree returns the degree centrality of every actor in layer c.Layer, as networkx's
// degree_centrality:
//
//	C_D(v) = deg(v) / (n-1)
//
// where deg(v) is the number of ties of v (weights are ignored; see [Strength]). By
// networkx's convention every actor of a network with n <= 1 scores 1. Degree centrality is
// discussed by Freeman (1979, "Centrality in social networks: conceptual clarification",
// Social Networks 1). Degree panics if c is invalid (see [Config.Validate]).
func Degree(n *graph.Network, c Config) []float64 {
	mustValidConfig(c)
	nn := n.Len()
	res := make([]float64, nn)
	for i := range res {
		if nn <= 1 {
			res[i] = 1
			continue
		}
		res[i] = float64(n.Degree(c.Layer, i)) / float64(nn-1)
	}
	return res
}

// Strength returns the strength of every actor in layer c.Layer: with c.Weighted the sum of
// its tie weights,
//
//	s(v) = Σ_u w_vu
//
// (networkx G.degree(weight="weight")), and without it the number of ties, deg(v). It is not
// normalised. Strength panics if c is invalid (see [Config.Validate]).
func Strength(n *graph.Network, c Config) []float64 {
	mustValidConfig(c)
	res := make([]float64, n.Len())
	for i := range res {
		if c.Weighted {
			res[i] = n.Strength(c.Layer, i)
		} else {
			res[i] = float64(n.Degree(c.Layer, i))
		}
	}
	return res
}

func mustValidConfig(c Config) {
	if err := c.Validate(); err != nil {
		panic(err.Error())
	}
}

// chunkSize is the number of actors per chunk in the parallel power iterations; sums over
// actors are taken per chunk and the chunk sums added in chunk order, so results do not
// depend on the number of workers.
const chunkSize = 4096

// chunkSum runs fn over the chunks [lo, hi) of 0..n-1 on up to workers goroutines and returns
// the sum of fn's results added in chunk order. part must have room for one value per chunk.
func chunkSum(n, workers int, part []float64, fn func(lo, hi int) float64) float64 {
	nc := (n + chunkSize - 1) / chunkSize
	workers = max(1, min(workers, nc))
	if workers == 1 {
		for k := 0; k < nc; k++ {
			part[k] = fn(k*chunkSize, min(n, (k+1)*chunkSize))
		}
	} else {
		var wg sync.WaitGroup
		for j := 0; j < workers; j++ {
			wg.Add(1)
			go func(j int) {
				defer wg.Done()
				for k := j; k < nc; k += workers {
					part[k] = fn(k*chunkSize, min(n, (k+1)*chunkSize))
				}
			}(j)
		}
		wg.Wait()
	}
	s := 0.0
	for _, p := range part[:nc] {
		s += p
	}
	return s
}

// Eigenvector returns the eigenvector centrality of every actor in layer c.Layer, as
// networkx's eigenvector_centrality: the principal eigenvector x of the adjacency matrix A
// (with c.Weighted, A_uv = w_uv; otherwise 1 for every tie),
//
//	λ x_v = Σ_u A_vu x_u,    Σ_v x_v² = 1,  x_v >= 0
//
// found by power iteration on A + I (which converges on bipartite graphs too) from the
// uniform vector; iteration stops when Σ_v |x_v - x'_v| < n·c.Tol. It returns an error
// wrapping [ErrNotConverged] after c.MaxIter iterations without convergence. On a
// disconnected graph actors outside the dominant component tend to 0 (tiny positive values).
// Bonacich (1987, "Power and centrality: a family of measures", Am. J. Sociol. 92(5)). Each
// iteration is one pass over the adjacency arrays, parallel on c.Workers workers; sums are
// taken in a fixed order, so the result does not depend on their number.
func Eigenvector(n *graph.Network, c Config) ([]float64, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	a := newSPAdj(n, c.Layer, c.Weighted, false)
	nn := a.n
	if nn == 0 {
		return []float64{}, nil
	}
	x := make([]float64, nn)
	y := make([]float64, nn)
	for i := range x {
		x[i] = 1 / float64(nn)
	}
	part := make([]float64, (nn+chunkSize-1)/chunkSize)
	for it := 0; it < c.MaxIter; it++ {
		sq := chunkSum(nn, c.Workers, part, func(lo, hi int) float64 {
			s := 0.0
			for v := lo; v < hi; v++ {
				t := x[v]
				k0, k1 := a.off[v], a.off[v+1]
				if a.w == nil {
					for _, u := range a.nbr[k0:k1] {
						t += x[u]
					}
				} else {
					ws := a.w[k0:k1]
					for k, u := range a.nbr[k0:k1] {
						t += ws[k] * x[u]
					}
				}
				y[v] = t
				s += t * t
			}
			return s
		})
		norm := math.Sqrt(sq)
		if norm == 0 {
			norm = 1
		}
		diff := chunkSum(nn, c.Workers, part, func(lo, hi int) float64 {
			s := 0.0
			for v := lo; v < hi; v++ {
				y[v] /= norm
				s += math.Abs(y[v] - x[v])
			}
			return s
		})
		x, y = y, x
		if diff < float64(nn)*c.Tol {
			return x, nil
		}
	}
	return nil, fmt.Errorf("eigenvector centrality: %w in %d iterations (tolerance %g per actor)", ErrNotConverged, c.MaxIter, c.Tol)
}

// PageRank returns the PageRank of every actor in layer c.Layer, as networkx's pagerank with
// alpha = c.Alpha (default 0.85): the stationary distribution of a random surfer who follows
// a tie with probability α (with c.Weighted, tie u–v with probability w_uv/s_u, s_u = u's
// strength; otherwise uniformly) and jumps to a uniformly chosen actor otherwise. An actor
// without ties (dangling) jumps uniformly:
//
//	PR(v) = α Σ_{u ~ v} PR(u) w_uv / s_u + α D/n + (1-α)/n,    D = Σ_{dangling u} PR(u)
//
// The values sum to 1. Power iteration from the uniform vector stops when
// Σ_v |PR(v) - PR'(v)| < n·c.Tol and returns an error wrapping [ErrNotConverged] after
// c.MaxIter iterations. Page, Brin, Motwani & Winograd (1999, "The PageRank citation ranking:
// bringing order to the web", Stanford InfoLab). Each iteration is one pass over the
// adjacency arrays, parallel on c.Workers workers with results independent of their number.
func PageRank(n *graph.Network, c Config) ([]float64, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	a := newSPAdj(n, c.Layer, c.Weighted, false)
	nn := a.n
	if nn == 0 {
		return []float64{}, nil
	}
	fn := float64(nn)
	inv := make([]float64, nn) // 1/s_u, 0 for dangling actors
	for u := 0; u < nn; u++ {
		s := 0.0
		if a.w == nil {
			s = float64(a.off[u+1] - a.off[u])
		} else {
			for _, w := range a.w[a.off[u]:a.off[u+1]] {
				s += w
			}
		}
		if s > 0 {
			inv[u] = 1 / s
		}
	}
	x := make([]float64, nn)
	y := make([]float64, nn)
	xs := make([]float64, nn) // x_u / s_u
	for i := range x {
		x[i] = 1 / fn
	}
	part := make([]float64, (nn+chunkSize-1)/chunkSize)
	alpha := c.Alpha
	for it := 0; it < c.MaxIter; it++ {
		dangling := chunkSum(nn, c.Workers, part, func(lo, hi int) float64 {
			d := 0.0
			for u := lo; u < hi; u++ {
				xs[u] = x[u] * inv[u]
				if inv[u] == 0 {
					d += x[u]
				}
			}
			return d
		})
		base := alpha*dangling/fn + (1-alpha)/fn
		diff := chunkSum(nn, c.Workers, part, func(lo, hi int) float64 {
			s := 0.0
			for v := lo; v < hi; v++ {
				t := 0.0
				k0, k1 := a.off[v], a.off[v+1]
				if a.w == nil {
					for _, u := range a.nbr[k0:k1] {
						t += xs[u]
					}
				} else {
					ws := a.w[k0:k1]
					for k, u := range a.nbr[k0:k1] {
						t += ws[k] * xs[u]
					}
				}
				y[v] = alpha*t + base
				s += math.Abs(y[v] - x[v])
			}
			return s
		})
		x, y = y, x
		if diff < fn*c.Tol {
			return x, nil
		}
	}
	return nil, fmt.Errorf("pagerank: %w in %d iterations (tolerance %g per actor)", ErrNotConverged, c.MaxIter, c.Tol)
}
