package discovery

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// Defaults of [EvalConfig].
const (
	// DefaultCore is κ, the fewest ties an actor needs in the training period and again in
	// the test period to be in the core (Liben-Nowell and Kleinberg use κ = 3).
	DefaultCore = 3
	// DefaultK is the k of precision@k and recall@k.
	DefaultK = 100
)

// Names of the predictors [Evaluate] knows besides the structural ones of package score.
const (
	GoalOverlap = "goal_overlap" // cosine of the goal profiles (score.Profiles.Overlap)
	Composite   = "composite"    // the ranking's weighted total (Ranker.Components, Ranker.Total)
	// WeightedSuffix turns a structural predictor's name into its weighted form's, as in
	// "adamic_adar_weighted".
	WeightedSuffix = "_weighted"
)

// EvalPredictors returns the names of every predictor [Evaluate] knows, sorted: each
// structural predictor of package score in its unweighted and weighted form, GoalOverlap
// and Composite.
func EvalPredictors() []string {
	var names []string
	for _, p := range score.Predictors() {
		names = append(names, p.String(), p.String()+WeightedSuffix)
	}
	names = append(names, GoalOverlap, Composite)
	slices.Sort(names)
	return names
}

// EvalConfig configures [Evaluate].
type EvalConfig struct {
	// Split is the last day of the training period: rows dated on or before it form the
	// training network, rows dated after it (up to Options.AsOf) the test period. Required.
	Split time.Time
	// Core is κ: only actors with at least κ ties (distinct partners in the combined layer)
	// in the training period and at least κ in the test period are scored. 0 means
	// DefaultCore.
	Core int
	// K is the k of precision@k and recall@k; 0 means DefaultK.
	K int
	// Sample, when positive and smaller than the core, scores only the candidate pairs with
	// at least one end in a random sample of Sample core actors (drawn with a fixed seed,
	// so the same data give the same sample). The figures are then exact for that set of
	// pairs and estimates for the whole core. All core pairs number about |core|²/2; on a
	// network of 20,000 active actors that is 2·10^8 pairs per predictor, so large data need
	// a sample. 0 scores every core pair, as Liben-Nowell and Kleinberg do.
	Sample int
	// Predictors names the predictors to evaluate (see [EvalPredictors]); nil or empty
	// means all of them. Repeated names are evaluated once.
	Predictors []string
	// Options bound and weight the data: From is the start of the training period, AsOf the
	// end of the test period (zero: the newest date), and Weighting, HalfLife (decay measured
	// from Split) and MaxEventSize shape the training network. Window applies to the
	// training period only.
	Options graph.Options
	// Link sets the structural predictors' parameters (Katz Beta and MaxLen, rooted
	// PageRank Alpha and Epsilon). Layer and Weighted are ignored: every structural
	// predictor reads the combined layer, where the evaluation's ties are, and Weighted is
	// set by the predictor's name.
	Link score.LinkConfig
	// Rank configures the Composite predictor (weights, proximity predictor, interests).
	// The zero value means [EvalRankOptions]. Its filters (Sectors, ExcludeIDs, MinGoal) are
	// not applied: every candidate pair is scored.
	Rank Options
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0). Results do not
	// depend on it.
	Workers int
	// Progress, if not nil, is called after each core actor of each predictor is scored,
	// with the number done and the total (predictors x core actors). Calls are serialised.
	Progress func(done, total int)
}

// EvalRankOptions returns the ranking options Evaluate uses for the Composite predictor
// when [EvalConfig].Rank is the zero value: [DefaultOptions] with existing partners read from
// the combined layer (a tie is a contact or a shared event, as in the evaluation).
func EvalRankOptions() Options {
	o := DefaultOptions()
	o.Exclude = graph.Combined
	return o
}

// An EvalReport is the outcome of [Evaluate].
type EvalReport struct {
	CoreActors int               `json:"core_actors"` // actors in the core
	Sources    int               `json:"sources"`     // core actors whose pairs are scored (all unless sampled)
	Candidates int               `json:"candidates"`  // core pairs not tied in the training period
	NewTies    int               `json:"new_ties"`    // candidate pairs tied in the test period
	Results    []PredictorResult `json:"results"`     // sorted by predictor name
}

// A PredictorResult is one predictor's performance on the test period.
type PredictorResult struct {
	Predictor string `json:"predictor"`
	// Improvement is the factor by which the predictor beats a random one: the number of
	// new ties among its top n = NewTies pairs, divided by the n·NewTies/Candidates a random
	// predictor finds (Liben-Nowell and Kleinberg's measure).
	Improvement float64 `json:"improvement"`
	// PrecisionAtK and RecallAtK are the share of the top k pairs that became ties and the
	// share of the new ties among the top k pairs.
	PrecisionAtK float64 `json:"precision_at_k"`
	RecallAtK    float64 `json:"recall_at_k"`
	// AUC is the probability that a new tie scores above a candidate pair that stayed
	// untied, ties in score counting one half (exact, from ranks).
	AUC        float64 `json:"auc"`
	CoreActors int     `json:"core_actors"`
	Candidates int     `json:"candidates"`
	NewTies    int     `json:"new_ties"`
}

// Evaluate measures how well each predictor foresees the ties formed after a split date,
// following Liben-Nowell and Kleinberg ("The link-prediction problem for social networks",
// JASIST 58(7), 2007, doi:10.1002/asi.20591):
//
//  1. the training network holds the rows dated up to Split (and Options.From onwards);
//     the test period holds the dated rows after Split (up to Options.AsOf). Undated rows
//     belong to the training network only, since they cannot be placed in time;
//  2. a tie is a contact or a shared event (the combined layer); a pair's tie is new when
//     the pair is tied in the test period and not in the training network;
//  3. the core is the actors with at least κ = Core ties in each period (the paper counts
//     papers, not co-authors); the candidate pairs are the core pairs not tied in training,
//     and NewTies is the number of candidate pairs that are new ties;
//  4. each predictor scores every candidate pair from the training network alone (goal
//     profiles too are built from the training network), and is judged by Improvement,
//     PrecisionAtK, RecallAtK and AUC.
//
// Pairs with equal scores are in random order, as in the paper, and the figures are the
// exact expectations over that order: when the top n cuts through a group of g equally
// scored pairs of which p are new ties, each of the m places taken from the group counts
// p/g. Scores are symmetric; rooted PageRank uses π_x(y) + π_y(x), which on an undirected
// network equals π_x(y)(1 + s_x/s_y).
//
// Pairs are streamed one source actor at a time (no n x n memory): each predictor runs
// once from the sources of the new ties, to collect their scores, and once from every core
// actor. Evaluate returns an error when the split leaves no core, no new tie or no pair
// that stayed untied.
func Evaluate(d *graph.Dataset, c EvalConfig) (*EvalReport, error) {
	if d == nil {
		return nil, errors.New("discovery: nil dataset")
	}
	names, err := c.check()
	if err != nil {
		return nil, err
	}
	sp, err := newEvalSplit(d, c.Options, c.Split, c.Core, c.Sample)
	if err != nil {
		return nil, err
	}
	rep := &EvalReport{CoreActors: len(sp.core), Sources: len(sp.sources), Candidates: sp.candidates, NewTies: sp.newTies}
	if err := sp.usable(); err != nil {
		return rep, err
	}
	prog := &progress{fn: c.Progress, total: len(names) * len(sp.sources)}
	for _, name := range names {
		f, err := sp.scorerFor(name, c)
		if err != nil {
			return nil, err
		}
		m, err := sp.measure(f, c.K, c.Workers, prog)
		if err != nil {
			return nil, err
		}
		rep.Results = append(rep.Results, sp.result(name, m))
	}
	return rep, nil
}

// check validates c, fills its defaults and returns the predictor names to run, sorted.
func (c *EvalConfig) check() ([]string, error) {
	switch {
	case c.Split.IsZero():
		return nil, errors.New("discovery: evaluation needs a split date")
	case c.Core < 0:
		return nil, fmt.Errorf("discovery: negative core size %d", c.Core)
	case c.K < 0:
		return nil, fmt.Errorf("discovery: negative k %d", c.K)
	case c.Sample < 0:
		return nil, fmt.Errorf("discovery: negative sample size %d", c.Sample)
	case c.Workers < 0:
		return nil, errors.New("discovery: negative number of workers")
	}
	if err := c.Options.Validate(); err != nil {
		return nil, err
	}
	if err := c.Link.Validate(); err != nil {
		return nil, err
	}
	if c.Core == 0 {
		c.Core = DefaultCore
	}
	if c.K == 0 {
		c.K = DefaultK
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if reflect.ValueOf(c.Rank).IsZero() {
		c.Rank = EvalRankOptions()
	} else if err := c.Rank.Validate(); err != nil {
		return nil, err
	}
	known := EvalPredictors()
	if len(c.Predictors) == 0 {
		return known, nil
	}
	var names []string
	for _, s := range c.Predictors {
		s = strings.TrimSpace(s)
		if _, ok := slices.BinarySearch(known, s); !ok {
			return nil, fmt.Errorf("discovery: unknown predictor %q (want one of %s)", s, strings.Join(known, ", "))
		}
		names = append(names, s)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// evalSplit is a dataset cut at a date: the training network, the core and the new ties.
type evalSplit struct {
	train      *graph.Network
	core       []int32   // training indices of the core actors, increasing
	isCore     []bool    // by training index
	sources    []int32   // core actors whose pairs are scored (all of core unless sampled)
	isSource   []bool    // by training index
	pos        [][]int32 // new ties of each source with the actors it scores, increasing
	candidates int
	newTies    int
}

// newEvalSplit cuts d at split under opt (see Evaluate) and finds the core and new ties.
// With 0 < sample < |core|, only that many core actors (a fixed-seed sample) are sources.
func newEvalSplit(d *graph.Dataset, opt graph.Options, split time.Time, kappa, sample int) (*evalSplit, error) {
	if kappa <= 0 {
		kappa = DefaultCore
	}
	if !opt.From.IsZero() && !split.After(opt.From) {
		return nil, fmt.Errorf("discovery: split %s is not after the start %s", split.Format(time.DateOnly), opt.From.Format(time.DateOnly))
	}
	end := opt.AsOf
	if end.IsZero() {
		end = d.Newest()
	}
	if !end.After(split) {
		return nil, fmt.Errorf("discovery: split %s leaves no test period (data end %s)", split.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	tr := opt
	tr.AsOf = split
	train, err := graph.Build(d, tr)
	if err != nil {
		return nil, err
	}
	test, err := graph.Build(datedOnly(d), graph.Options{From: split.Add(time.Nanosecond), AsOf: end, MaxEventSize: opt.MaxEventSize})
	if err != nil {
		return nil, err
	}
	n := train.Len()
	sp := &evalSplit{train: train, isCore: make([]bool, n), isSource: make([]bool, n), pos: make([][]int32, n)}
	toTrain := make([]int32, test.Len())
	for j := range toTrain {
		toTrain[j] = -1
		if i, ok := train.Index(test.ID(j)); ok {
			toTrain[j] = int32(i)
		}
	}
	for j := range test.Len() {
		if i := toTrain[j]; i >= 0 && test.Degree(graph.Combined, j) >= kappa && train.Degree(graph.Combined, int(i)) >= kappa {
			sp.isCore[i] = true
		}
	}
	for i := range n {
		if sp.isCore[i] {
			sp.core = append(sp.core, int32(i))
		}
	}
	sp.sources = sp.core
	if sample > 0 && sample < len(sp.core) {
		r := rand.New(rand.NewPCG(1, 1))
		perm := r.Perm(len(sp.core))[:sample]
		sp.sources = make([]int32, sample)
		for k, p := range perm {
			sp.sources[k] = sp.core[p]
		}
		slices.Sort(sp.sources)
	}
	for _, a := range sp.sources {
		sp.isSource[a] = true
	}
	// Candidates from source a: the core actors b it scores (sp.scores), less those tied to
	// a in training. a scores every core actor but itself and the sources before it.
	for k, a := range sp.sources {
		cand := len(sp.core) - 1 - k
		nb, _ := train.Neighbors(graph.Combined, int(a))
		for _, b := range nb {
			if sp.isCore[b] && sp.scores(int(a), int(b)) {
				cand--
			}
		}
		sp.candidates += cand
	}
	for j := range test.Len() {
		a := toTrain[j]
		if a < 0 || !sp.isSource[a] {
			continue
		}
		nb, _ := test.Neighbors(graph.Combined, j)
		for _, tb := range nb {
			b := toTrain[tb]
			if b >= 0 && sp.isCore[b] && sp.scores(int(a), int(b)) && train.Weight(graph.Combined, int(a), int(b)) == 0 {
				sp.pos[a] = append(sp.pos[a], b)
			}
		}
	}
	for a := range sp.pos {
		slices.Sort(sp.pos[a]) // test indices and training indices are both in ID order; keep it sure
		sp.newTies += len(sp.pos[a])
	}
	return sp, nil
}

// scores reports whether source a scores the pair {a, b}: each pair with at least one
// source end is scored once, from its smaller source.
func (sp *evalSplit) scores(a, b int) bool {
	return a != b && (b > a || !sp.isSource[b])
}

// usable reports a split that cannot be evaluated.
func (sp *evalSplit) usable() error {
	switch {
	case len(sp.core) < 2:
		return fmt.Errorf("discovery: the core has %d actors: choose another split or a smaller core size", len(sp.core))
	case sp.newTies == 0:
		return errors.New("discovery: no new ties among the core actors in the test period")
	case sp.newTies == sp.candidates:
		return errors.New("discovery: every candidate pair became a tie; nothing to tell apart")
	}
	return nil
}

// datedOnly returns the records of d that carry a date (attendance also when its event is
// dated): the rows the test period can hold.
func datedOnly(d *graph.Dataset) *graph.Dataset {
	dated := make(map[string]bool, len(d.Events))
	for _, e := range d.Events {
		if !e.Date.IsZero() {
			dated[e.ID] = true
		}
	}
	out := &graph.Dataset{Events: d.Events}
	for _, c := range d.Contacts {
		if !c.Date.IsZero() {
			out.Contacts = append(out.Contacts, c)
		}
	}
	for _, a := range d.Attendance {
		if !a.Date.IsZero() || dated[a.Event] {
			out.Attendance = append(out.Attendance, a)
		}
	}
	return out
}

// A pairScorer streams the scores of one source actor; each goroutine has its own.
type pairScorer interface {
	// from calls fn for actors dst with a nonzero score from src, in any order; it may
	// include actors that are not candidates (the caller filters).
	from(src int, fn func(dst int, s float64))
	// pair returns the score of (src, dst), or ok == false when that is not cheaper than from.
	pair(src, dst int) (s float64, ok bool)
}

type scorerFactory func() (pairScorer, error)

// scorerFor returns the factory of the named predictor on sp's training network.
func (sp *evalSplit) scorerFor(name string, c EvalConfig) (scorerFactory, error) {
	n := sp.train
	switch name {
	case GoalOverlap:
		prof := score.NewProfiles(n, c.Rank.Interests)
		return func() (pairScorer, error) { return goalScorer{prof}, nil }, nil
	case Composite:
		r, err := NewRanker(n, c.Rank)
		if err != nil {
			return nil, err
		}
		return func() (pairScorer, error) { return &compositeScorer{r: r, sp: sp}, nil }, nil
	}
	lc := c.Link
	lc.Layer = graph.Combined
	base, weighted := strings.CutSuffix(name, WeightedSuffix)
	lc.Weighted = weighted
	p, err := score.ParsePredictor(base)
	if err != nil {
		return nil, err
	}
	if _, err := score.NewLinker(n, p, lc); err != nil { // report configuration errors once
		return nil, err
	}
	return func() (pairScorer, error) {
		l, err := score.NewLinker(n, p, lc)
		if err != nil {
			return nil, err
		}
		return &linkScorer{l: l, n: n, weighted: weighted}, nil
	}, nil
}

type linkScorer struct {
	l        *score.Linker
	n        *graph.Network
	weighted bool
}

func (s *linkScorer) from(src int, fn func(dst int, s float64)) {
	if s.l.Predictor() != score.RootedPageRank {
		s.l.From(src, fn)
		return
	}
	// π_y(x) = π_x(y)·s_x/s_y by reversibility of the walk on an undirected network.
	ds := s.deg(src)
	s.l.From(src, func(dst int, v float64) { fn(dst, v*(1+ds/s.deg(dst))) })
}

func (s *linkScorer) deg(i int) float64 {
	if s.weighted {
		return s.n.Strength(graph.Combined, i)
	}
	return float64(s.n.Degree(graph.Combined, i))
}

func (s *linkScorer) pair(src, dst int) (float64, bool) {
	switch s.l.Predictor() {
	case score.Distance, score.Katz, score.RootedPageRank:
		return 0, false
	}
	return s.l.Score(src, dst), true
}

type goalScorer struct{ p *score.Profiles }

func (g goalScorer) from(src int, fn func(dst int, s float64)) {
	for _, j := range g.p.Related(src) {
		if s := g.p.Overlap(src, int(j)); s > 0 {
			fn(int(j), s)
		}
	}
}

func (g goalScorer) pair(src, dst int) (float64, bool) { return g.p.Overlap(src, dst), true }

// compositeScorer scores with the ranking's components; every pair gets a score, so from
// visits only the candidate pairs of src.
type compositeScorer struct {
	r  *Ranker
	sp *evalSplit
}

func (c *compositeScorer) from(src int, fn func(dst int, s float64)) {
	for _, dst := range c.sp.core {
		if !c.sp.scores(src, int(dst)) || c.sp.train.Weight(graph.Combined, src, int(dst)) != 0 {
			continue
		}
		if s := c.r.Total(c.r.Components(src, int(dst))); s != 0 {
			fn(int(dst), s)
		}
	}
}

func (c *compositeScorer) pair(src, dst int) (float64, bool) {
	return c.r.Total(c.r.Components(src, dst)), true
}

// progress serialises the Progress callback.
type progress struct {
	mu          sync.Mutex
	fn          func(done, total int)
	done, total int
}

func (p *progress) step() {
	if p == nil || p.fn == nil {
		return
	}
	p.mu.Lock()
	p.done++
	p.fn(p.done, p.total)
	p.mu.Unlock()
}

// measurement is one predictor's raw outcome: the scores of the new ties, how the other
// candidate pairs compare with them, and the top of the ranking.
type measurement struct {
	posScores []float64 // scores of the new ties, ascending
	// lessNeg[j] and eqNeg[j]: untied candidate pairs scoring below / equal to posScores[j]
	lessNeg, eqNeg []int64
	topN, topK     cut
}

// cut is the score threshold of a top-K list: gt pairs score above t and eq pairs equal t.
type cut struct {
	k      int
	t      float64
	gt, eq int64
}

// measure runs one predictor over every candidate pair of sp.
func (sp *evalSplit) measure(f scorerFactory, k, workers int, prog *progress) (*measurement, error) {
	n := sp.train.Len()
	// Pass 1: the scores of the new ties.
	var srcs []int32
	for _, a := range sp.sources {
		if len(sp.pos[a]) > 0 {
			srcs = append(srcs, a)
		}
	}
	posScores := make([][]float64, n)
	err := parallel(len(srcs), workers, f, func(s pairScorer, scratch *evalScratch, i int) {
		a := int(srcs[i])
		out := make([]float64, len(sp.pos[a]))
		cheap := true
		for m, b := range sp.pos[a] {
			v, ok := s.pair(a, int(b))
			if !ok {
				cheap = false
				break
			}
			out[m] = v
		}
		if !cheap {
			clear(out)
			scratch.mark(sp.pos[a])
			s.from(a, func(dst int, v float64) {
				if scratch.marked(dst) {
					k, _ := slices.BinarySearch(sp.pos[a], int32(dst))
					out[k] = v
				}
			})
		}
		posScores[a] = out
	}, n)
	if err != nil {
		return nil, err
	}
	var ps []float64
	for _, a := range srcs {
		ps = append(ps, posScores[a]...)
	}
	slices.Sort(ps)
	u := slices.Compact(slices.Clone(ps)) // distinct positive scores, ascending

	// Pass 2: every candidate pair from every core source.
	type acc struct {
		nonzero, nonzeroNeg int64
		diff, eq            []int64
		topN, topK          topList
	}
	accs := make([]*acc, max(workers, 1))
	for w := range accs {
		accs[w] = &acc{diff: make([]int64, len(u)+1), eq: make([]int64, len(u)),
			topN: topList{k: sp.newTies}, topK: topList{k: k}}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, len(accs))
	for w := range accs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := f()
			if err != nil {
				errs[w] = err
				return
			}
			a := accs[w]
			tied, posm := newEvalScratch(n), newEvalScratch(n)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sp.sources) {
					return
				}
				src := int(sp.sources[i])
				nb, _ := sp.train.Neighbors(graph.Combined, src)
				tied.mark(nb)
				posm.mark(sp.pos[src])
				s.from(src, func(dst int, v float64) {
					if !sp.isCore[dst] || !sp.scores(src, dst) || tied.marked(dst) || v == 0 {
						return
					}
					a.nonzero++
					a.topN.add(v)
					a.topK.add(v)
					if posm.marked(dst) {
						return
					}
					a.nonzeroNeg++
					j, found := slices.BinarySearch(u, v)
					if found {
						a.eq[j]++
						a.diff[j+1]++
					} else {
						a.diff[j]++
					}
				})
				prog.step()
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	m := &measurement{posScores: ps, lessNeg: make([]int64, len(u)), eqNeg: make([]int64, len(u))}
	diff := make([]int64, len(u)+1)
	var nonzero, nonzeroNeg int64
	for _, a := range accs {
		nonzero += a.nonzero
		nonzeroNeg += a.nonzeroNeg
		for j := range diff {
			diff[j] += a.diff[j]
		}
		for j := range u {
			m.eqNeg[j] += a.eq[j]
		}
	}
	zeroNeg := int64(sp.candidates-sp.newTies) - nonzeroNeg
	if len(u) > 0 && u[0] == 0 {
		m.eqNeg[0] += zeroNeg
		diff[1] += zeroNeg
	} else {
		diff[0] += zeroNeg
	}
	run := int64(0)
	for j := range u {
		run += diff[j]
		m.lessNeg[j] = run
	}
	// expand per distinct value back to per positive (same value, same counts)
	m.lessNeg, m.eqNeg = expand(ps, u, m.lessNeg), expand(ps, u, m.eqNeg)
	lists := func(pick func(*acc) *topList) []*topList {
		out := make([]*topList, len(accs))
		for w, a := range accs {
			out[w] = pick(a)
		}
		return out
	}
	zeros := int64(sp.candidates) - nonzero
	m.topN = mergeTop(lists(func(a *acc) *topList { return &a.topN }), sp.newTies, zeros)
	m.topK = mergeTop(lists(func(a *acc) *topList { return &a.topK }), k, zeros)
	return m, nil
}

// expand maps per-distinct-value counts to one entry per score in ps.
func expand(ps, u []float64, perValue []int64) []int64 {
	out := make([]int64, len(ps))
	j := 0
	for i, v := range ps {
		for u[j] != v {
			j++
		}
		out[i] = perValue[j]
	}
	return out
}

// parallel runs job(i) for i in [0, count) on workers goroutines, each with its own scorer
// and scratch of size n.
func parallel(count, workers int, f scorerFactory, job func(pairScorer, *evalScratch, int), n int) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	workers = max(1, min(workers, count))
	errs := make([]error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := f()
			if err != nil {
				errs[w] = err
				return
			}
			scratch := newEvalScratch(n)
			for {
				i := int(next.Add(1) - 1)
				if i >= count {
					return
				}
				job(s, scratch, i)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// evalScratch marks a set of actors; mark replaces the previous set in O(size of the set).
type evalScratch struct {
	stamp []uint32
	epoch uint32
}

func newEvalScratch(n int) *evalScratch { return &evalScratch{stamp: make([]uint32, n)} }

func (s *evalScratch) mark(xs []int32) {
	s.epoch++
	if s.epoch == 0 {
		clear(s.stamp)
		s.epoch = 1
	}
	for _, x := range xs {
		s.stamp[x] = s.epoch
	}
}

func (s *evalScratch) marked(x int) bool { return s.stamp[x] == s.epoch }

// topList keeps the k largest scores seen (a min-heap) and the number of scores equal to
// the smallest kept one that were left out, so that the size of the tie group at the
// threshold is known exactly.
type topList struct {
	k    int
	h    []float64
	ties int64
}

func (t *topList) add(s float64) {
	if t.k <= 0 {
		return
	}
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		for i := len(t.h) - 1; i > 0; { // sift up
			p := (i - 1) / 2
			if t.h[p] <= t.h[i] {
				break
			}
			t.h[p], t.h[i] = t.h[i], t.h[p]
			i = p
		}
		return
	}
	m := t.h[0]
	switch {
	case s > m:
		t.h[0] = s
		for i := 0; ; { // sift down
			l := 2*i + 1
			if l >= len(t.h) {
				break
			}
			c := l
			if r := l + 1; r < len(t.h) && t.h[r] < t.h[l] {
				c = r
			}
			if t.h[i] <= t.h[c] {
				break
			}
			t.h[i], t.h[c] = t.h[c], t.h[i]
			i = c
		}
		if t.h[0] == m {
			t.ties++ // the evicted score ties with the new threshold
		} else {
			t.ties = 0
		}
	case s == m:
		t.ties++
	}
}

// mergeTop finds the cut of the top k over the union of the lists; zeros is the number of
// candidate pairs with score 0, which no list holds.
func mergeTop(lists []*topList, k int, zeros int64) cut {
	var all []float64
	for _, l := range lists {
		all = append(all, l.h...)
	}
	slices.SortFunc(all, func(a, b float64) int { return -cmpFloat(a, b) })
	c := cut{k: k}
	if k <= 0 {
		return c
	}
	if len(all) < k {
		c.t, c.gt, c.eq = 0, int64(len(all)), zeros
		return c
	}
	c.t = all[k-1]
	for _, v := range all {
		switch {
		case v > c.t:
			c.gt++
		case v == c.t:
			c.eq++
		}
	}
	for _, l := range lists {
		if len(l.h) == l.k && l.h[0] == c.t {
			c.eq += l.ties
		}
	}
	return c
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// hits returns the expected number of new ties among the top c.k pairs.
func (m *measurement) hits(c cut, candidates int) float64 {
	if c.k >= candidates {
		return float64(len(m.posScores))
	}
	var pgt, peq int64
	for _, v := range m.posScores {
		switch {
		case v > c.t:
			pgt++
		case v == c.t:
			peq++
		}
	}
	h := float64(pgt)
	if c.eq > 0 {
		h += float64(int64(c.k)-c.gt) * float64(peq) / float64(c.eq)
	}
	return h
}

// result turns a measurement into the reported figures.
func (sp *evalSplit) result(name string, m *measurement) PredictorResult {
	P, C := sp.newTies, sp.candidates
	N := int64(C - P)
	var num int64 // 2 Σ_pos (#neg below + #neg equal / 2)
	for i := range m.posScores {
		num += 2*m.lessNeg[i] + m.eqNeg[i]
	}
	r := PredictorResult{Predictor: name, CoreActors: len(sp.core), Candidates: C, NewTies: P}
	r.AUC = float64(num) / (2 * float64(P) * float64(N))
	hn := m.hits(m.topN, C)
	r.Improvement = hn / (float64(P) * float64(P) / float64(C))
	if k := m.topK.k; k > 0 {
		hk := m.hits(m.topK, C)
		r.PrecisionAtK = hk / float64(min(k, C))
		r.RecallAtK = hk / float64(P)
	}
	for _, x := range []*float64{&r.AUC, &r.Improvement, &r.PrecisionAtK, &r.RecallAtK} {
		*x = math.Round(*x*1e9) / 1e9 // independent of the last bits of float division
	}
	return r
}
