package discovery

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// DefaultFadeBelow is [ReviewConfig].FadeBelow when it is zero: with a half-life and no
// window, a partner whose tie strength falls below a quarter of its strength at the earlier
// date (two half-lives without new contact) has faded.
const DefaultFadeBelow = 0.25

// DefaultFactor is [ReviewConfig].Factor when it is zero: a tie whose strength grew or shrank
// by half again or more is reported as strengthened or weakened.
const DefaultFactor = 1.5

// ReviewConfig says how a review compares the network at two dates. The zero value is not
// valid: Then is required.
type ReviewConfig struct {
	// Then is the earlier date, Now the later one (zero: the newest date in the data). Each
	// side is the network built with graph.Options.AsOf at that date, as Build cuts it.
	Then, Now time.Time
	// Window, if positive, keeps on each side only rows dated in (date - Window, date];
	// undated rows count on both sides.
	Window time.Duration
	// HalfLife, if positive, decays every dated weight to each side's own date (see
	// graph.Options.HalfLife).
	HalfLife time.Duration
	// Graph holds the other build options (Weighting, MaxEventSize, From). Its AsOf, Window
	// and HalfLife must be zero: the review sets them from Then, Now, Window and HalfLife.
	Graph graph.Options
	// Rank holds the ranking options of the follow-through check (Weights, Top, MinGoal,
	// Sectors, ExcludeIDs, ...). Rank.Exclude is also the partner layer of the whole review:
	// two actors are partners on a side when they are tied in that layer. The measures and
	// power flags are computed on the partner layer with Rank.Score's Weighted, Alpha, Tol,
	// MaxIter and Workers (Rank.Score.Layer is not used), and the flags with Rank.Thresholds.
	Rank Options
	// FadeBelow applies with a half-life and no window, where ties never disappear: a partner
	// at Then whose strength at Now is below FadeBelow times its strength at Then has faded.
	// 0 means DefaultFadeBelow; otherwise it must lie in (0, 1).
	FadeBelow float64
	// Factor is the change in strength, as a ratio, from which a partner kept on both sides
	// has strengthened (now >= Factor·then) or weakened (now <= then/Factor). 0 means
	// DefaultFactor; otherwise it must be greater than 1.
	Factor float64
}

// Validate reports a configuration that cannot be applied. A zero Now is accepted (it means
// the newest date in the data); otherwise Then must be before Now.
func (c ReviewConfig) Validate() error {
	switch {
	case c.Then.IsZero():
		return errors.New("discovery: a review needs a then date")
	case !c.Now.IsZero() && !c.Then.Before(c.Now):
		return fmt.Errorf("discovery: then %s is not before now %s", day(c.Then), day(c.Now))
	case c.Window < 0:
		return fmt.Errorf("discovery: negative window %v", c.Window)
	case c.HalfLife < 0:
		return fmt.Errorf("discovery: negative half-life %v", c.HalfLife)
	case !c.Graph.AsOf.IsZero() || c.Graph.Window != 0 || c.Graph.HalfLife != 0:
		return errors.New("discovery: set the review's Then, Now, Window and HalfLife, not Graph.AsOf, Graph.Window or Graph.HalfLife")
	case c.FadeBelow != 0 && !(c.FadeBelow > 0 && c.FadeBelow < 1):
		return fmt.Errorf("discovery: fade threshold %v outside (0, 1)", c.FadeBelow)
	case c.Factor != 0 && !(c.Factor > 1 && !math.IsInf(c.Factor, 1)):
		return fmt.Errorf("discovery: change factor %v is not a finite number greater than 1", c.Factor)
	}
	g := c.Graph
	g.AsOf = c.Then
	if err := g.Validate(); err != nil {
		return err
	}
	return c.Rank.Validate()
}

// A PartnerStrength is a partner with its tie strength on one side of a review.
type PartnerStrength struct {
	ID       string  `json:"id"`
	Strength float64 `json:"strength"`
}

// A StrengthChange is a partner on both sides of a review with its tie strength on each.
type StrengthChange struct {
	ID   string  `json:"id"`
	Then float64 `json:"then"`
	Now  float64 `json:"now"`
}

// ReachSide describes the focal actor's partners on one side of a review.
type ReachSide struct {
	Partners      int `json:"partners"`      // number of partners
	Sectors       int `json:"sectors"`       // distinct non-empty sectors among them (after graph.NormalizeTag)
	Organizations int `json:"organizations"` // distinct non-empty organisations among them (after graph.NormalizeTag)
}

// Reach compares the focal actor's partners at both dates.
type Reach struct {
	Then ReachSide `json:"then"`
	Now  ReachSide `json:"now"`
	// NewNetworkShare is the share of gained partners who were outside the focal actor's
	// two-step neighbourhood (itself, its partners and theirs) at Then, or not in the network
	// at all; 0 when nothing was gained.
	NewNetworkShare float64 `json:"new_network_share"`
}

// GoalCoverage compares how many of the focal actor's declared goals its partners share.
type GoalCoverage struct {
	Goals       []string `json:"goals"`        // the focal actor's declared goals, sorted
	Then        float64  `json:"then"`         // share of Goals held by at least one partner at Then; 0 without goals
	Now         float64  `json:"now"`          // the same at Now
	GainedGoals []string `json:"gained_goals"` // covered at Now, not at Then, sorted
	LostGoals   []string `json:"lost_goals"`   // covered at Then, not at Now, sorted
}

// A Measure is one measure of the focal actor at both dates, with its percentile among all
// actors on each side (see score.Percentile). A value is NaN when the focal actor is not in
// the network on that side, or the measure is undefined (the constraint of an isolated
// actor); NaN is written as null in JSON.
type Measure struct {
	Then, Now                     float64
	PercentileThen, PercentileNow float64
}

// MarshalJSON writes m as {"then","now","percentile_then","percentile_now"}, NaN as null.
func (m Measure) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Then           nullFloat `json:"then"`
		Now            nullFloat `json:"now"`
		PercentileThen nullFloat `json:"percentile_then"`
		PercentileNow  nullFloat `json:"percentile_now"`
	}{nullFloat(m.Then), nullFloat(m.Now), nullFloat(m.PercentileThen), nullFloat(m.PercentileNow)})
}

// nullFloat is a float64 written as null in JSON when it is NaN or infinite.
type nullFloat float64

func (f nullFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(x)
}

// Measures are the focal actor's position at both dates, on the partner layer.
type Measures struct {
	Degree        Measure `json:"degree"`         // score.Degree
	Betweenness   Measure `json:"betweenness"`    // score.Betweenness (score.BetweennessApprox on networks score.AutoApprox calls large)
	PageRank      Measure `json:"pagerank"`       // score.PageRank
	Constraint    Measure `json:"constraint"`     // score.Constraint
	EffectiveSize Measure `json:"effective_size"` // score.EffectiveSize
}

// A PairFlag is a power flag (see score.Power.Pair) between the focal actor and Partner.
type PairFlag struct {
	Partner string `json:"partner"`
	score.Flag
}

// FlagChanges splits the power flags between the focal actor and its partners into those
// raised since Then, those cleared and those on both sides. A flag is the same on both sides
// when its partner, kind and advantage are. Each list is ordered by partner ID, then in the
// order of score.Power.Pair; New and Kept carry the flags at Now, Cleared those at Then.
type FlagChanges struct {
	New     []PairFlag `json:"new"`
	Cleared []PairFlag `json:"cleared"`
	Kept    []PairFlag `json:"kept"`
}

// FollowThrough checks the ranking the focal actor would have got at Then against the ties
// that followed.
type FollowThrough struct {
	Top         int      `json:"top"`         // N: the number of candidates asked for
	Recommended []string `json:"recommended"` // the candidates of Rank at Then, in rank order
	Realised    []string `json:"realised"`    // those that are partners at Now, in rank order
	Precision   float64  `json:"precision"`   // len(Realised) / Top; 0 when Top is 0
}

// A ReviewResult says how the focal actor's partnerships changed between two dates.
// Lists of actors are sorted by strength, largest first, then by ID: Gained by the strength
// at Now, Faded by the strength at Then, Strengthened by Now and Weakened by Then (the larger
// of the two). Slices are never nil.
type ReviewResult struct {
	Focal string `json:"focal"`
	Then  string `json:"then"` // YYYY-MM-DD
	Now   string `json:"now"`  // YYYY-MM-DD
	// Gained are partners at Now that were not partners at Then, with their strength at Now.
	Gained []PartnerStrength `json:"gained"`
	// Faded are partners at Then that are not partners at Now, with their strength at Then;
	// with a half-life and no window, also those whose strength fell below FadeBelow times
	// their strength at Then (they then no longer count as partners at Now).
	Faded []PartnerStrength `json:"faded"`
	// Strengthened and Weakened are partners on both sides whose strength changed by at least
	// the factor ReviewConfig.Factor.
	Strengthened  []StrengthChange `json:"strengthened"`
	Weakened      []StrengthChange `json:"weakened"`
	Reach         Reach            `json:"reach"`
	GoalCoverage  GoalCoverage     `json:"goal_coverage"`
	Measures      Measures         `json:"measures"`
	Flags         FlagChanges      `json:"flags"`
	FollowThrough FollowThrough    `json:"follow_through"`
	// Summary is a few plain sentences for a review meeting.
	Summary string `json:"summary"`
	// Notes say how figures were obtained when that differs from the default (approximated
	// betweenness, a focal actor absent on one side).
	Notes []string `json:"notes,omitempty"`
}

// A Reviewer compares the network at two dates. NewReviewer builds each side once; the
// network-wide measures (centralities, PageRank for the flags, the ranking at Then) are
// computed on first use and shared by every later review, so reviewing many focal actors or
// groups costs little more than one. A Reviewer is safe for concurrent use.
type Reviewer struct {
	cfg       ReviewConfig
	layer     graph.Layer
	then, now *side
	fadeMode  bool // half-life without window: fading by FadeBelow
	top       int  // follow-through N as asked (Rank.Top resolved); <0 means every candidate

	ranker func() (*Ranker, error)
}

// side is one date of a review: the network and its lazily computed measures.
type side struct {
	date time.Time
	n    *graph.Network
	cfg  score.Config

	power    func() (*score.Power, error)
	pagerank func() ([]float64, error)
	measures func() (*sideMeasures, error)
}

type sideMeasures struct {
	degree, betweenness, pagerank, constraint, effsize []float64
	approx                                             bool
}

// NewReviewer validates c, resolves a zero c.Now to d.Newest() and builds the network at
// c.Then and at c.Now.
func NewReviewer(d *graph.Dataset, c ReviewConfig) (*Reviewer, error) {
	if d == nil {
		return nil, errors.New("discovery: nil dataset")
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.Now.IsZero() {
		c.Now = d.Newest()
		if c.Now.IsZero() {
			return nil, errors.New("discovery: the data has no dates; give a now date")
		}
		if !c.Then.Before(c.Now) {
			return nil, fmt.Errorf("discovery: then %s is not before now %s (the newest date in the data)", day(c.Then), day(c.Now))
		}
	}
	if c.FadeBelow == 0 {
		c.FadeBelow = DefaultFadeBelow
	}
	if c.Factor == 0 {
		c.Factor = DefaultFactor
	}
	r := &Reviewer{
		cfg:      c,
		layer:    c.Rank.Exclude,
		fadeMode: c.HalfLife > 0 && c.Window <= 0,
		top:      c.Rank.Top,
	}
	if r.top == 0 {
		r.top = DefaultTop
	}
	sc := score.Config{
		Layer:    c.Rank.Exclude,
		Weighted: c.Rank.Score.Weighted,
		Workers:  c.Rank.Score.Workers,
		Alpha:    c.Rank.Score.Alpha,
		Tol:      c.Rank.Score.Tol,
		MaxIter:  c.Rank.Score.MaxIter,
	}
	var err error
	if r.then, err = newSide(d, c, c.Then, sc); err != nil {
		return nil, err
	}
	if r.now, err = newSide(d, c, c.Now, sc); err != nil {
		return nil, err
	}
	// ExcludeIDs must be known somewhere; those absent at Then cannot be candidates there.
	var exclude []string
	for _, id := range c.Rank.ExcludeIDs {
		_, okThen := r.then.n.Index(id)
		if _, okNow := r.now.n.Index(id); !okThen && !okNow {
			return nil, &UnknownIDError{ID: id, Suggestions: Suggest(r.now.n, id, suggestions)}
		}
		if okThen {
			exclude = append(exclude, id)
		}
	}
	ro := c.Rank
	ro.ExcludeIDs = exclude
	ro.Progress = nil
	r.ranker = sync.OnceValues(func() (*Ranker, error) { return NewRanker(r.then.n, ro) })
	return r, nil
}

func newSide(d *graph.Dataset, c ReviewConfig, date time.Time, sc score.Config) (*side, error) {
	g := c.Graph
	g.AsOf, g.Window, g.HalfLife = date, c.Window, c.HalfLife
	n, err := graph.Build(d, g)
	if err != nil {
		return nil, err
	}
	s := &side{date: date, n: n, cfg: sc}
	s.power = sync.OnceValues(func() (*score.Power, error) {
		return score.NewPower(n, sc, c.Rank.Thresholds)
	})
	s.pagerank = sync.OnceValues(func() ([]float64, error) {
		p, err := s.power()
		if err != nil {
			return nil, err
		}
		pr := make([]float64, n.Len())
		for i := range pr {
			pr[i] = p.PageRank(i)
		}
		return pr, nil
	})
	s.measures = sync.OnceValues(func() (*sideMeasures, error) {
		m := &sideMeasures{degree: score.Degree(n, sc), constraint: score.Constraint(n, sc), effsize: score.EffectiveSize(n, sc)}
		var err error
		if score.AutoApprox(n) {
			m.approx = true
			m.betweenness, err = score.BetweennessApprox(n, sc, score.Approx{})
		} else {
			m.betweenness, err = score.Betweenness(n, sc)
		}
		if err != nil {
			return nil, err
		}
		if m.pagerank, err = s.pagerank(); err != nil {
			return nil, err
		}
		return m, nil
	})
	return s, nil
}

// Prepare computes now what the reviews compute on first use: the measures and power data of
// both sides and the ranker at Then. Reviews do not need it; it moves the one-time cost
// ahead, for progress reporting or benchmarks, and reports its errors.
func (r *Reviewer) Prepare() error {
	for _, s := range []*side{r.then, r.now} {
		if _, err := s.measures(); err != nil {
			return err
		}
	}
	_, err := r.ranker()
	return err
}

// Then returns the network at the earlier date.
func (r *Reviewer) Then() *graph.Network { return r.then.n }

// Now returns the network at the later date.
func (r *Reviewer) Now() *graph.Network { return r.now.n }

// Config returns the configuration with defaults resolved (Now, FadeBelow, Factor).
func (r *Reviewer) Config() ReviewConfig { return r.cfg }

// Review compares the partnerships of the actor with ID focal in d at c.Then and c.Now; see
// [Reviewer.Review]. To review several actors or groups, use a [Reviewer].
func Review(d *graph.Dataset, focal string, c ReviewConfig) (*ReviewResult, error) {
	r, err := NewReviewer(d, c)
	if err != nil {
		return nil, err
	}
	return r.Review(focal)
}

// ReviewMany reviews every actor in focals; see [Reviewer.ReviewMany].
func ReviewMany(d *graph.Dataset, focals []string, c ReviewConfig) ([]*ReviewResult, error) {
	r, err := NewReviewer(d, c)
	if err != nil {
		return nil, err
	}
	return r.ReviewMany(focals)
}

// ReviewMany reviews every actor in focals, in parallel over Rank.Workers goroutines (0:
// GOMAXPROCS), and returns the results ordered by focal ID with duplicates removed. Each
// result is identical to the one [Reviewer.Review] returns. An unknown ID is reported, as an
// *UnknownIDError, before any review starts; an empty list is an error.
func (r *Reviewer) ReviewMany(focals []string) ([]*ReviewResult, error) {
	ids := slices.Clone(focals)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return nil, errors.New("discovery: no focal actor to review")
	}
	for _, id := range ids {
		if err := r.known(id); err != nil {
			return nil, err
		}
	}
	out := make([]*ReviewResult, len(ids))
	errs := make([]error, len(ids))
	workers := r.cfg.Rank.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(ids))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				out[k], errs[k] = r.Review(ids[k])
			}
		}()
	}
	for k := range ids {
		next <- k
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// known returns an *UnknownIDError when id is in neither side's network.
func (r *Reviewer) known(id string) error {
	_, okThen := r.then.n.Index(id)
	if _, okNow := r.now.n.Index(id); okThen || okNow {
		return nil
	}
	return &UnknownIDError{ID: id, Suggestions: Suggest(r.now.n, id, suggestions)}
}

// Review compares the partnerships of the actor with ID focal at the two dates. A partner on
// a side is an actor tied to focal in the partner layer (ReviewConfig.Rank.Exclude) of that
// side's network, and its strength is the tie weight there. The result reports:
//
//   - gained, faded, strengthened and weakened partners (see [ReviewResult]);
//   - reach: partners, sectors and organisations on each side, and the share of gained
//     partners from outside focal's two-step neighbourhood at Then;
//   - goal coverage: the share of focal's declared goals held by at least one partner;
//   - measures: degree, betweenness, PageRank, constraint and effective size of focal on the
//     partner layer, with percentiles among all actors on each side;
//   - flags: the power flags (score.Power.Pair) between focal and each partner on each side;
//   - follow-through: the top N candidates [Ranker.Rank] gives focal on the network at Then,
//     under ReviewConfig.Rank (the same code path as ranking with AsOf = Then), and which of
//     them are partners at Now.
//
// With a half-life and no window, ties never disappear, so a partner fades when its strength
// drops below FadeBelow times its strength at Then, and no longer counts as a partner at Now
// (reach, goal coverage and flags at Now leave it out). Strength ratios are compared with a
// relative tolerance of 1e-9, so that a tie decayed by exactly the factor counts.
//
// An actor in neither network is an *UnknownIDError with the closest known IDs. An actor
// only in the network at Now (it joined after Then) has no partners, measures (NaN) or
// follow-through at Then.
func (r *Reviewer) Review(focal string) (*ReviewResult, error) {
	if err := r.known(focal); err != nil {
		return nil, err
	}
	c := r.cfg
	res := &ReviewResult{
		Focal: focal, Then: day(c.Then), Now: day(c.Now),
		Gained: []PartnerStrength{}, Faded: []PartnerStrength{},
		Strengthened: []StrengthChange{}, Weakened: []StrengthChange{},
	}
	iThen, okThen := r.then.n.Index(focal)
	iNow, okNow := r.now.n.Index(focal)
	if !okThen {
		res.Notes = append(res.Notes, fmt.Sprintf("%s is not in the network at %s", focal, res.Then))
	}
	if !okNow {
		res.Notes = append(res.Notes, fmt.Sprintf("%s is not in the network at %s", focal, res.Now))
	}
	thenP := r.then.partners(r.layer, iThen, okThen)
	nowAll := r.now.partners(r.layer, iNow, okNow)
	nowStrength := make(map[string]float64, len(nowAll))
	for _, p := range nowAll {
		nowStrength[p.ID] = p.Strength
	}
	thenSet := make(map[string]bool, len(thenP))
	faded := make(map[string]bool)
	for _, p := range thenP {
		thenSet[p.ID] = true
		sn, ok := nowStrength[p.ID]
		if !ok || (r.fadeMode && below(sn, c.FadeBelow*p.Strength)) {
			res.Faded = append(res.Faded, p)
			faded[p.ID] = true
			continue
		}
		switch {
		case atLeast(sn, c.Factor*p.Strength):
			res.Strengthened = append(res.Strengthened, StrengthChange{p.ID, p.Strength, sn})
		case atLeast(p.Strength, c.Factor*sn):
			res.Weakened = append(res.Weakened, StrengthChange{p.ID, p.Strength, sn})
		}
	}
	var nowP []PartnerStrength // partners at Now, faded ones left out
	for _, p := range nowAll {
		if faded[p.ID] {
			continue
		}
		nowP = append(nowP, p)
		if !thenSet[p.ID] {
			res.Gained = append(res.Gained, p)
		}
	}
	byStrength := func(a, b PartnerStrength) int {
		return cmp.Or(cmp.Compare(b.Strength, a.Strength), strings.Compare(a.ID, b.ID))
	}
	slices.SortFunc(res.Gained, byStrength)
	slices.SortFunc(res.Faded, byStrength)
	slices.SortFunc(res.Strengthened, func(a, b StrengthChange) int {
		return cmp.Or(cmp.Compare(b.Now, a.Now), strings.Compare(a.ID, b.ID))
	})
	slices.SortFunc(res.Weakened, func(a, b StrengthChange) int {
		return cmp.Or(cmp.Compare(b.Then, a.Then), strings.Compare(a.ID, b.ID))
	})

	// Reach.
	res.Reach.Then = r.then.reach(thenP)
	res.Reach.Now = r.now.reach(nowP)
	if len(res.Gained) > 0 {
		near := r.then.twoStep(r.layer, iThen, okThen)
		outside := 0
		for _, g := range res.Gained {
			if j, ok := r.then.n.Index(g.ID); !ok || !near[j] {
				outside++
			}
		}
		res.Reach.NewNetworkShare = float64(outside) / float64(len(res.Gained))
	}

	// Goal coverage.
	res.GoalCoverage = r.goalCoverage(iThen, okThen, iNow, okNow, thenP, nowP)

	// Measures.
	var err error
	if res.Measures, err = r.measures(iThen, okThen, iNow, okNow); err != nil {
		return nil, err
	}
	if m, _ := r.now.measures(); m != nil && m.approx {
		res.Notes = append(res.Notes, "betweenness is estimated by sampling (score.BetweennessApprox) on this large network")
	}

	// Flags.
	if res.Flags, err = r.flags(iThen, okThen, iNow, okNow, thenP, nowP); err != nil {
		return nil, err
	}

	// Follow-through.
	if res.FollowThrough, err = r.followThrough(focal, okThen, nowStrength); err != nil {
		return nil, err
	}

	res.Summary = r.summary(res)
	return res, nil
}

// partners returns focal's partners on the side, sorted by ID.
func (s *side) partners(l graph.Layer, i int, ok bool) []PartnerStrength {
	if !ok {
		return nil
	}
	nb, w := s.n.Neighbors(l, i)
	out := make([]PartnerStrength, len(nb))
	for k, j := range nb {
		out[k] = PartnerStrength{s.n.ID(int(j)), w[k]}
	}
	return out // neighbours come in index order, which is ID order
}

func (s *side) reach(ps []PartnerStrength) ReachSide {
	sectors := map[string]bool{}
	orgs := map[string]bool{}
	for _, p := range ps {
		j, _ := s.n.Index(p.ID)
		a := s.n.Actor(j)
		if t := graph.NormalizeTag(a.Sector); t != "" {
			sectors[t] = true
		}
		if t := graph.NormalizeTag(a.Organization); t != "" {
			orgs[t] = true
		}
	}
	return ReachSide{Partners: len(ps), Sectors: len(sectors), Organizations: len(orgs)}
}

// twoStep returns the set of actors within two ties of i (i included).
func (s *side) twoStep(l graph.Layer, i int, ok bool) map[int]bool {
	out := map[int]bool{}
	if !ok {
		return out
	}
	out[i] = true
	nb, _ := s.n.Neighbors(l, i)
	for _, j := range nb {
		out[int(j)] = true
		nb2, _ := s.n.Neighbors(l, int(j))
		for _, k := range nb2 {
			out[int(k)] = true
		}
	}
	return out
}

func (r *Reviewer) goalCoverage(iThen int, okThen bool, iNow int, okNow bool, thenP, nowP []PartnerStrength) GoalCoverage {
	var goals []string
	switch {
	case okNow:
		goals = slices.Clone(r.now.n.Actor(iNow).Goals)
	case okThen:
		goals = slices.Clone(r.then.n.Actor(iThen).Goals)
	}
	slices.Sort(goals)
	goals = slices.Compact(goals)
	gc := GoalCoverage{Goals: goals, GainedGoals: []string{}, LostGoals: []string{}}
	if goals == nil {
		gc.Goals = []string{}
	}
	covered := func(s *side, ps []PartnerStrength) map[string]bool {
		held := map[string]bool{}
		for _, p := range ps {
			j, _ := s.n.Index(p.ID)
			for _, g := range s.n.Actor(j).Goals {
				held[g] = true
			}
		}
		out := map[string]bool{}
		for _, g := range goals {
			if held[g] {
				out[g] = true
			}
		}
		return out
	}
	ct, cn := covered(r.then, thenP), covered(r.now, nowP)
	if len(goals) > 0 {
		gc.Then = float64(len(ct)) / float64(len(goals))
		gc.Now = float64(len(cn)) / float64(len(goals))
	}
	for _, g := range goals {
		switch {
		case cn[g] && !ct[g]:
			gc.GainedGoals = append(gc.GainedGoals, g)
		case ct[g] && !cn[g]:
			gc.LostGoals = append(gc.LostGoals, g)
		}
	}
	return gc
}

func (r *Reviewer) measures(iThen int, okThen bool, iNow int, okNow bool) (Measures, error) {
	mt, err := r.then.measures()
	if err != nil {
		return Measures{}, err
	}
	mn, err := r.now.measures()
	if err != nil {
		return Measures{}, err
	}
	one := func(t, n []float64) Measure {
		m := Measure{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
		if okThen {
			m.Then, m.PercentileThen = t[iThen], score.Percentile(t, iThen)
		}
		if okNow {
			m.Now, m.PercentileNow = n[iNow], score.Percentile(n, iNow)
		}
		return m
	}
	return Measures{
		Degree:        one(mt.degree, mn.degree),
		Betweenness:   one(mt.betweenness, mn.betweenness),
		PageRank:      one(mt.pagerank, mn.pagerank),
		Constraint:    one(mt.constraint, mn.constraint),
		EffectiveSize: one(mt.effsize, mn.effsize),
	}, nil
}

// pairFlags returns the power flags between i and each partner in ps (sorted by ID), in
// partner order. As in the ranking, one breadth-first search from i serves every partner
// (score.Power.PairFrom): the gatekeeper flag says whether a partner gatekeeps i's access to
// the network; the reverse direction is left to `partnerscout power`.
func (s *side) pairFlags(i int, ps []PartnerStrength) ([]PairFlag, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	p, err := s.power()
	if err != nil {
		return nil, err
	}
	gate := p.GatekeepingFrom(i, nil)
	per := make([][]score.Flag, len(ps))
	for k := range ps {
		j, _ := s.n.Index(ps[k].ID)
		per[k] = p.PairFrom(i, j, gate)
	}
	var out []PairFlag
	for k, fs := range per {
		for _, f := range fs {
			out = append(out, PairFlag{Partner: ps[k].ID, Flag: f})
		}
	}
	return out, nil
}

func (r *Reviewer) flags(iThen int, okThen bool, iNow int, okNow bool, thenP, nowP []PartnerStrength) (FlagChanges, error) {
	fc := FlagChanges{New: []PairFlag{}, Cleared: []PairFlag{}, Kept: []PairFlag{}}
	var ft, fn []PairFlag
	var err error
	if okThen {
		if ft, err = r.then.pairFlags(iThen, thenP); err != nil {
			return fc, err
		}
	}
	if okNow {
		if fn, err = r.now.pairFlags(iNow, nowP); err != nil {
			return fc, err
		}
	}
	key := func(f PairFlag) string { return f.Partner + "\x00" + f.Kind + "\x00" + f.Advantage }
	inThen := make(map[string]bool, len(ft))
	for _, f := range ft {
		inThen[key(f)] = true
	}
	inNow := make(map[string]bool, len(fn))
	for _, f := range fn {
		inNow[key(f)] = true
		if inThen[key(f)] {
			fc.Kept = append(fc.Kept, f)
		} else {
			fc.New = append(fc.New, f)
		}
	}
	for _, f := range ft {
		if !inNow[key(f)] {
			fc.Cleared = append(fc.Cleared, f)
		}
	}
	return fc, nil
}

func (r *Reviewer) followThrough(focal string, okThen bool, nowStrength map[string]float64) (FollowThrough, error) {
	ft := FollowThrough{Top: r.top, Recommended: []string{}, Realised: []string{}}
	if !okThen {
		if ft.Top < 0 {
			ft.Top = 0
		}
		return ft, nil
	}
	rk, err := r.ranker()
	if err != nil {
		return ft, err
	}
	cands, err := rk.Rank(focal)
	if err != nil {
		return ft, err
	}
	for _, c := range cands {
		ft.Recommended = append(ft.Recommended, c.ID)
		if _, ok := nowStrength[c.ID]; ok {
			ft.Realised = append(ft.Realised, c.ID)
		}
	}
	if ft.Top < 0 {
		ft.Top = len(cands)
	}
	if ft.Top > 0 {
		ft.Precision = float64(len(ft.Realised)) / float64(ft.Top)
	}
	return ft, nil
}

// summary writes a few sentences for a review meeting.
func (r *Reviewer) summary(res *ReviewResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Between %s and %s, %s gained %s", res.Then, res.Now, res.Focal, count(len(res.Gained), "partner"))
	if len(res.Gained) > 0 {
		out := int(math.Round(res.Reach.NewNetworkShare * float64(len(res.Gained))))
		fmt.Fprintf(&b, " (%d from outside its two-step network)", out)
	}
	fmt.Fprintf(&b, "; %d faded, %d strengthened, %d weakened.", len(res.Faded), len(res.Strengthened), len(res.Weakened))
	fmt.Fprintf(&b, " Partners went from %d to %d", res.Reach.Then.Partners, res.Reach.Now.Partners)
	if rt, rn := res.Reach.Then, res.Reach.Now; rt.Sectors+rt.Organizations+rn.Sectors+rn.Organizations > 0 {
		fmt.Fprintf(&b, ", across %s and %s (were %d and %d)",
			count(rn.Sectors, "sector"), count(rn.Organizations, "organisation"), rt.Sectors, rt.Organizations)
	}
	b.WriteString(".")
	if g := res.GoalCoverage; len(g.Goals) > 0 {
		k := len(g.Goals)
		fmt.Fprintf(&b, " Partners share %d of its %s (was %d)",
			int(math.Round(g.Now*float64(k))), count(k, "goal"), int(math.Round(g.Then*float64(k))))
		if len(g.GainedGoals) > 0 {
			fmt.Fprintf(&b, "; newly covered: %s", strings.Join(g.GainedGoals, ", "))
		}
		if len(g.LostGoals) > 0 {
			fmt.Fprintf(&b, "; no longer covered: %s", strings.Join(g.LostGoals, ", "))
		}
		b.WriteString(".")
	}
	if pr := res.Measures.PageRank; !math.IsNaN(pr.PercentileThen) && !math.IsNaN(pr.PercentileNow) {
		fmt.Fprintf(&b, " Its PageRank percentile went from %.0f to %.0f.", 100*pr.PercentileThen, 100*pr.PercentileNow)
	}
	if f := res.Flags; len(f.New)+len(f.Cleared)+len(f.Kept) > 0 {
		fmt.Fprintf(&b, " Power flags: %d new, %d cleared, %d kept.", len(f.New), len(f.Cleared), len(f.Kept))
	}
	if ft := res.FollowThrough; len(ft.Recommended) > 0 {
		fmt.Fprintf(&b, " Of the top %d candidates recommended at %s, %d became partners (precision %.2f).",
			ft.Top, res.Then, len(ft.Realised), ft.Precision)
	}
	return b.String()
}

// count writes "1 noun" or "k nouns".
func count(k int, noun string) string {
	if k == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", k, noun)
}

// reviewTol is the relative tolerance of strength comparisons.
const reviewTol = 1e-9

// below reports a < b beyond rounding.
func below(a, b float64) bool { return a < b*(1-reviewTol) }

// atLeast reports a >= b up to rounding.
func atLeast(a, b float64) bool { return a >= b*(1-reviewTol) }

// day formats t as YYYY-MM-DD.
func day(t time.Time) string { return t.Format(time.DateOnly) }
