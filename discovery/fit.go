package discovery

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// fitScoreStep is the step composite scores are rounded to, as in the ranking.
const fitScoreStep = 1e-9

// DefaultFitStep is the grid step of [FitConfig] when Step is 0.
const DefaultFitStep = 0.1

// FitConfig configures [FitWeights]. The training period ends at Train and the validation
// period is (Train, Validate]; nothing dated after Validate is read, so with Validate on or
// before the split of a later [Evaluate] the fit never sees the test period.
type FitConfig struct {
	Train    time.Time // last day of the training period; required
	Validate time.Time // last day of the validation period; required, after Train
	// Core is κ as in [EvalConfig]; 0 means DefaultCore.
	Core int
	// Options bound and weight the data as in [EvalConfig]; AsOf is replaced by Validate.
	Options graph.Options
	// Rank configures the composite (proximity predictor, interests); its Weights are what
	// is fitted and are ignored. The zero value means [EvalRankOptions].
	Rank Options
	// Proximities, when not empty, names proximity predictors to try, as in [EvalPredictors]
	// ("rooted_pagerank", "adamic_adar_weighted", ...; structural predictors only): the grid
	// is searched once for each and the best (predictor, weights) pair wins. Empty means
	// Rank.Proximity and Rank.Link as given.
	Proximities []string
	// Step is the grid step over the simplex; 1/Step must be a whole number (0.1, 0.05,
	// 0.25, ...). 0 means DefaultFitStep. The grid has C(1/Step + 4, 4) points (1001 for 0.1).
	Step float64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0). Results do not
	// depend on it.
	Workers int
}

// A FitStep is one point of the search: a proximity predictor and weights with their
// figures on the validation period.
type FitStep struct {
	Proximity   string  `json:"proximity"`
	Weights     Weights `json:"weights"`
	AUC         float64 `json:"auc"`
	Improvement float64 `json:"improvement"`
	// Objective is AUC + Improvement / (the largest Improvement on the grid), so that both
	// measures count on the same [0, 1] scale.
	Objective float64 `json:"objective"`
}

// FitWeights chooses the composite's weights from evidence. It cuts d at c.Train, finds the
// core actors and the ties new in (c.Train, c.Validate] as [Evaluate] does, computes the five
// components of every candidate pair once (with [Ranker.Components] on the training
// network), and then scores every point of the grid
//
//	{ w : w_k = i_k·Step, i_k >= 0 whole, Σ_k w_k = 1 }
//
// by AUC and by Liben-Nowell and Kleinberg's improvement over random on the validation
// period (the measures of [Evaluate], ties in score counted as there). It returns the point
// with the largest Objective, ties going to the earlier point in grid order (Goal varies
// slowest, then Proximity, Trust, Complementarity, Reach), and every point evaluated, in
// grid order (per proximity predictor, in the order given). A component that is the same
// for every candidate pair (complementarity on data without capabilities or sectors, say)
// cannot change the ranking, so the data say nothing about its weight: it is held at 0 and
// the grid points that weight it are skipped. Memory is five floats per candidate pair.
func FitWeights(d *graph.Dataset, c FitConfig) (Weights, []FitStep, error) {
	if d == nil {
		return Weights{}, nil, errors.New("discovery: nil dataset")
	}
	switch {
	case c.Train.IsZero() || c.Validate.IsZero():
		return Weights{}, nil, errors.New("discovery: fitting needs a training end and a validation end")
	case !c.Validate.After(c.Train):
		return Weights{}, nil, fmt.Errorf("discovery: validation end %s is not after training end %s", c.Validate.Format(time.DateOnly), c.Train.Format(time.DateOnly))
	case c.Core < 0:
		return Weights{}, nil, fmt.Errorf("discovery: negative core size %d", c.Core)
	case c.Workers < 0:
		return Weights{}, nil, errors.New("discovery: negative number of workers")
	case math.IsNaN(c.Step) || c.Step < 0 || c.Step > 1:
		return Weights{}, nil, fmt.Errorf("discovery: grid step %v outside (0, 1]", c.Step)
	}
	if c.Step == 0 {
		c.Step = DefaultFitStep
	}
	units := math.Round(1 / c.Step)
	if math.Abs(units*c.Step-1) > 1e-9 || units > 100 {
		return Weights{}, nil, fmt.Errorf("discovery: 1/step = %v must be a whole number up to 100", 1/c.Step)
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	rank := c.Rank
	if reflect.ValueOf(rank).IsZero() {
		rank = EvalRankOptions()
	}
	rank.Weights = Weights{}
	if err := rank.Validate(); err != nil {
		return Weights{}, nil, err
	}
	type prox struct {
		name     string
		p        score.Predictor
		weighted bool
	}
	var proxs []prox
	for _, name := range c.Proximities {
		base, weighted := strings.CutSuffix(name, WeightedSuffix)
		p, err := score.ParsePredictor(base)
		if err != nil {
			return Weights{}, nil, err
		}
		proxs = append(proxs, prox{name, p, weighted})
	}
	if len(proxs) == 0 {
		name := rank.Proximity.String()
		if rank.Link.Weighted {
			name += WeightedSuffix
		}
		proxs = []prox{{name, rank.Proximity, rank.Link.Weighted}}
	}
	opt := c.Options
	opt.AsOf = c.Validate
	if err := opt.Validate(); err != nil {
		return Weights{}, nil, err
	}
	sp, err := newEvalSplit(d, opt, c.Train, c.Core, 0)
	if err != nil {
		return Weights{}, nil, err
	}
	if err := sp.usable(); err != nil {
		return Weights{}, nil, err
	}
	grid := simplex(int(units))
	var steps []FitStep
	for _, p := range proxs {
		o := rank
		o.Proximity, o.Link.Weighted = p.p, p.weighted
		r, err := NewRanker(sp.train, o)
		if err != nil {
			return Weights{}, nil, err
		}
		comps, labels := sp.components(r, c.Workers)
		steps = append(steps, fitGrid(identified(grid, comps), comps, labels, sp.newTies, c.Workers, p.name)...)
	}
	best := 0
	for i := range steps {
		if steps[i].Objective > steps[best].Objective {
			best = i
		}
	}
	return steps[best].Weights, steps, nil
}

// identified returns the grid points that put no weight on a component that is the same
// for every candidate pair: such a component cannot change the ranking, only dilute the
// others, so the data say nothing about its weight.
func identified(grid []Weights, comps [][5]float64) []Weights {
	var constant [5]bool
	for j := range constant {
		constant[j] = true
		for _, cp := range comps {
			if cp[j] != comps[0][j] {
				constant[j] = false
				break
			}
		}
	}
	var out []Weights
	for _, w := range grid {
		ok := true
		for j, x := range w.slice() {
			if constant[j] && x > 0 {
				ok = false
			}
		}
		if ok {
			out = append(out, w)
		}
	}
	return out
}

// simplex returns the grid points {i/units : Σ i = units} over five weights, in
// lexicographic order of (Goal, Proximity, Trust, Complementarity, Reach).
func simplex(units int) []Weights {
	var out []Weights
	f := func(i int) float64 { return float64(i) / float64(units) }
	for a := 0; a <= units; a++ {
		for b := 0; a+b <= units; b++ {
			for c := 0; a+b+c <= units; c++ {
				for d := 0; a+b+c+d <= units; d++ {
					e := units - a - b - c - d
					out = append(out, Weights{Goal: f(a), Proximity: f(b), Trust: f(c), Complementarity: f(d), Reach: f(e)})
				}
			}
		}
	}
	return out
}

// components returns the components of every candidate pair of sp (sources in index order,
// then targets in index order) and whether each is a new tie.
func (sp *evalSplit) components(r *Ranker, workers int) ([][5]float64, []bool) {
	per := make([][][5]float64, len(sp.core))
	lab := make([][]bool, len(sp.core))
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pos := newEvalScratch(sp.train.Len())
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(sp.core) {
					return
				}
				a := int(sp.core[i])
				pos.mark(sp.pos[a])
				for _, b := range sp.core[i+1:] {
					if !sp.scores(a, int(b)) || sp.train.Weight(graph.Combined, a, int(b)) != 0 {
						continue
					}
					cp := r.Components(a, int(b))
					per[i] = append(per[i], [5]float64{cp.Goal, cp.Proximity, cp.Trust, cp.Complementarity, cp.Reach})
					lab[i] = append(lab[i], pos.marked(int(b)))
				}
			}
		}()
	}
	wg.Wait()
	var comps [][5]float64
	var labels []bool
	for i := range per {
		comps = append(comps, per[i]...)
		labels = append(labels, lab[i]...)
	}
	return comps, labels
}

// fitGrid scores every grid point; results are in grid order whatever the workers.
func fitGrid(grid []Weights, comps [][5]float64, labels []bool, newTies, workers int, prox string) []FitStep {
	steps := make([]FitStep, len(grid))
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pos := make([]float64, 0, newTies)
			neg := make([]float64, 0, len(comps)-newTies)
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(grid) {
					return
				}
				w := grid[i].slice()
				pos, neg = pos[:0], neg[:0]
				for k, cp := range comps {
					s := 0.0
					for j := range w {
						s += w[j] * cp[j]
					}
					s = math.Round(s/fitScoreStep) * fitScoreStep
					if labels[k] {
						pos = append(pos, s)
					} else {
						neg = append(neg, s)
					}
				}
				auc, imp := listMetrics(pos, neg)
				steps[i] = FitStep{Proximity: prox, Weights: grid[i], AUC: auc, Improvement: imp}
			}
		}()
	}
	wg.Wait()
	maxImp := 0.0
	for _, s := range steps {
		maxImp = max(maxImp, s.Improvement)
	}
	for i := range steps {
		steps[i].Objective = steps[i].AUC
		if maxImp > 0 {
			steps[i].Objective += steps[i].Improvement / maxImp
		}
		steps[i].Objective = math.Round(steps[i].Objective*1e9) / 1e9
	}
	return steps
}

// listMetrics returns the AUC and the improvement over random in the top n = P pairs, given
// the scores of the P new ties (sorted in place) and of the other candidate pairs, with the
// conventions of Evaluate. It costs O(C log P) for C pairs: each untied pair is placed among
// the sorted new ties by binary search, and the top n is kept in a heap.
func listMetrics(pos, neg []float64) (auc, imp float64) {
	slices.Sort(pos)
	P, N := len(pos), len(neg)
	C := P + N
	diff := make([]int64, P+1) // diff[i]: untied pairs scoring below pos[i:] but not pos[:i]
	eq := make([]int64, P)     // untied pairs scoring pos[i], counted at its first index
	top := topList{k: P}
	for _, v := range pos {
		top.add(v)
	}
	for _, v := range neg {
		top.add(v)
		i, found := slices.BinarySearch(pos, v)
		if found {
			eq[i]++
			k := i
			for k < P && pos[k] == v {
				k++
			}
			diff[k]++
		} else {
			diff[i]++
		}
	}
	var num int64 // 2 Σ_pos (#untied below + #untied equal / 2)
	below, first := int64(0), 0
	for i := range pos {
		below += diff[i]
		if i > 0 && pos[i] != pos[i-1] {
			first = i
		}
		num += 2*below + eq[first]
	}
	auc = float64(num) / (2 * float64(P) * float64(N))
	m := &measurement{posScores: pos}
	imp = m.hits(mergeTop([]*topList{&top}, P, 0), C) / (float64(P) * float64(P) / float64(C))
	return math.Round(auc*1e9) / 1e9, math.Round(imp*1e9) / 1e9
}
