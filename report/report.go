package report

import (
	"cmp"
	"errors"
	"io"
	"math"
	"reflect"
	"slices"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// Config says what a report contains. The zero value of every field except Focal has a
// documented default.
type Config struct {
	// Focal is the ID of the actor the report is for.
	Focal string
	// Top is the number of candidates listed and drawn; 0 means discovery.DefaultTop (10).
	// It overrides Rank.Top.
	Top int
	// Rank configures the ranking, the events and the coalition; its zero value means
	// discovery.DefaultOptions().
	Rank discovery.Options
	// Coalition is the size of the suggested coalition (partners besides the focal actor),
	// chosen among every candidate, not only the listed top (as discovery.Coalition with
	// Rank.Top = -1); 0 means 3 and a negative value leaves the coalition out.
	Coalition int
	// Events is the number of events listed; 0 means 5 and a negative value lists none.
	Events int
	// Introducers is the number of introducers listed; 0 means 5.
	Introducers int
	// Map says which contacts the map shows; its Layer is always Rank.Exclude.
	Map MapOptions
	// Seed seeds the map layout; 0 means 1. The same seed gives the same drawing.
	Seed uint64
	// Title is the page title; "" means "Partner report: <focal actor's name>".
	Title string
}

// Validate reports settings that cannot be applied.
func (c Config) Validate() error {
	switch {
	case c.Focal == "":
		return errors.New("report: no focal actor")
	case c.Top < 0:
		return errors.New("report: negative number of candidates")
	case c.Introducers < 0:
		return errors.New("report: negative number of introducers")
	}
	return c.Rank.Validate()
}

// A Person is an actor as the report names it.
type Person struct {
	ID           string `json:"id"`
	Name         string `json:"name,omitempty"`
	Organization string `json:"organization,omitempty"`
	Sector       string `json:"sector,omitempty"`
}

// Label returns the person's name, or the ID when there is no name.
func (p Person) Label() string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

// A Profile describes the focal actor.
type Profile struct {
	Person
	Goals        []string `json:"goals"`
	Capabilities []string `json:"capabilities"`
	Capacity     float64  `json:"capacity"`
	HasCapacity  bool     `json:"has_capacity"`
	Contacts     int      `json:"contacts"`       // ties in the Rank.Exclude layer
	Events       int      `json:"events"`         // events attended (after the date cut)
	PageRank     float64  `json:"pagerank"`       // on Rank.Score.Layer
	Percentile   float64  `json:"percentile"`     // share of actors with PageRank <= the focal actor's
	Constraint   float64  `json:"constraint"`     // Burt's aggregate constraint on the contacts; NaN for an isolate
	EffectiveSz  float64  `json:"effective_size"` // Burt's effective size; NaN for an isolate
}

// An IntroducerSummary is a contact who can introduce the focal actor to one or more of the
// top candidates.
type IntroducerSummary struct {
	Person
	Candidates []string `json:"candidates"` // IDs of the candidates introduced, in rank order
	Strength   float64  `json:"strength"`   // strongest introduction path (weaker tie of the two)
}

// A DataSummary says what the network held.
type DataSummary struct {
	Actors    int      `json:"actors"`
	Ties      int      `json:"ties"` // ties in the Rank.Exclude layer
	Events    int      `json:"events"`
	AsOf      string   `json:"as_of"` // YYYY-MM-DD; "" when the data is undated
	Weighting string   `json:"weighting"`
	Notes     []string `json:"notes"`
}

// A Report is everything one partner report shows, as data; rendering is separate
// ([Report.WriteHTML], [Report.WriteMap]).
type Report struct {
	Title       string                      `json:"title"`
	Focal       Profile                     `json:"focal"`
	Data        DataSummary                 `json:"data"`
	Weights     discovery.Weights           `json:"weights"`
	Candidates  []discovery.Candidate       `json:"candidates"`
	Introducers []IntroducerSummary         `json:"introducers"`
	Events      []discovery.EventSuggestion `json:"events"`
	Coalition   *discovery.CoalitionResult  `json:"coalition"`   // nil when left out
	People      map[string]Person           `json:"people"`      // every actor the report names, by ID
	EventNames  map[string]string           `json:"event_names"` // names of the events the report names, by ID
	Map         *Map                        `json:"-"`
	Positions   Positions                   `json:"-"`
	Seed        uint64                      `json:"seed"`
	// Review is the before/after section of a report with a review date; nil without one.
	// Set it with BuildReview.
	Review *ReviewSection `json:"review,omitempty"`
}

// Build ranks candidates for c.Focal in n and collects the report: profile, candidates,
// introducers, events, coalition and the laid-out ego map. An unknown focal actor is a
// *discovery.UnknownIDError.
func Build(n *graph.Network, c Config) (*Report, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	opts := c.Rank
	if reflect.ValueOf(opts).IsZero() {
		opts = discovery.DefaultOptions()
	}
	opts.Top = c.Top
	if opts.Top == 0 {
		opts.Top = discovery.DefaultTop
	}
	fi, ok := n.Index(c.Focal)
	if !ok {
		return nil, &discovery.UnknownIDError{ID: c.Focal, Suggestions: discovery.Suggest(n, c.Focal, 3)}
	}
	cands, err := discovery.Rank(n, c.Focal, opts)
	if err != nil {
		return nil, err
	}
	r := &Report{Candidates: cands, People: map[string]Person{}, EventNames: map[string]string{}, Seed: c.Seed}
	if r.Seed == 0 {
		r.Seed = 1
	}
	r.Weights = opts.Weights
	if r.Weights == (discovery.Weights{}) {
		r.Weights = discovery.DefaultWeights()
	}

	if k := c.Events; k >= 0 {
		if k == 0 {
			k = 5
		}
		eo := opts
		eo.Top = k
		evs, err := discovery.Events(n, c.Focal, eo)
		if err != nil {
			return nil, err
		}
		r.Events = evs[:min(k, len(evs))]
	}
	if k := c.Coalition; k >= 0 {
		if k == 0 {
			k = 3
		}
		all := opts
		all.Top = -1 // choose among every candidate, as the coalition command does
		co, err := discovery.Coalition(n, c.Focal, k, all)
		if err != nil {
			return nil, err
		}
		r.Coalition = co
	}

	sc := opts.Score
	pr, err := score.PageRank(n, sc)
	if err != nil {
		return nil, err
	}
	holes := score.Config{Layer: opts.Exclude, Workers: sc.Workers}
	a := n.Actor(fi)
	r.Focal = Profile{
		Person:       person(a),
		Goals:        a.Goals,
		Capabilities: a.Capabilities,
		Capacity:     a.Capacity,
		HasCapacity:  a.HasCapacity,
		Contacts:     n.Degree(opts.Exclude, fi),
		Events:       len(n.EventsOf(fi)),
		PageRank:     pr[fi],
		Percentile:   score.Percentile(pr, fi),
		Constraint:   score.Constraint(n, holes)[fi],
		EffectiveSz:  score.EffectiveSize(n, holes)[fi],
	}
	r.Title = c.Title
	if r.Title == "" {
		r.Title = "Partner report: " + r.Focal.Label()
	}
	nopt := n.Options()
	r.Data = DataSummary{Actors: n.Len(), Ties: n.Edges(opts.Exclude), Events: n.NumEvents(),
		Weighting: nopt.Weighting.String(), Notes: n.Notes()}
	if !nopt.AsOf.IsZero() && nopt.AsOf.Year() < 9999 { // graph resolves undated data to 9999-12-31
		r.Data.AsOf = nopt.AsOf.Format("2006-01-02")
	}
	r.Introducers = introducers(n, cands, c.Introducers)

	mo := c.Map
	mo.Layer = opts.Exclude
	r.Map, err = NewMap(n, c.Focal, cands, pr, mo)
	if err != nil {
		return nil, err
	}
	r.Positions = Layout(r.Seed, r.Map)

	// Every actor the report names.
	add := func(id string) {
		if i, ok := n.Index(id); ok {
			r.People[id] = person(n.Actor(i))
		}
	}
	add(c.Focal)
	for _, cd := range cands {
		add(cd.ID)
		for _, e := range cd.SharedEvents {
			if k, ok := n.EventIndex(e); ok && n.Event(k).Name != "" {
				r.EventNames[e] = n.Event(k).Name
			}
		}
		for _, in := range cd.Introducers {
			add(in.ID)
		}
		for _, f := range cd.Flags {
			add(f.Advantage)
		}
	}
	for _, e := range r.Events {
		for _, id := range e.Relevant {
			add(id)
		}
	}
	if r.Coalition != nil {
		for _, id := range r.Coalition.Members {
			add(id)
		}
		for _, id := range r.Coalition.Power.Members {
			add(id)
		}
	}
	return r, nil
}

// introducers ranks the contacts who introduce the most top candidates (then the strongest
// path, then ID) and keeps the first k (0 means 5).
func introducers(n *graph.Network, cands []discovery.Candidate, k int) []IntroducerSummary {
	if k == 0 {
		k = 5
	}
	byID := map[string]*IntroducerSummary{}
	var list []*IntroducerSummary
	for _, c := range cands {
		for _, in := range c.Introducers {
			s := byID[in.ID]
			if s == nil {
				s = &IntroducerSummary{Person: Person{ID: in.ID}}
				if i, ok := n.Index(in.ID); ok {
					s.Person = person(n.Actor(i))
				}
				byID[in.ID] = s
				list = append(list, s)
			}
			s.Candidates = append(s.Candidates, c.ID)
			s.Strength = math.Max(s.Strength, in.Strength)
		}
	}
	slices.SortStableFunc(list, func(a, b *IntroducerSummary) int {
		return cmp.Or(cmp.Compare(len(b.Candidates), len(a.Candidates)),
			cmp.Compare(b.Strength, a.Strength), cmp.Compare(a.ID, b.ID))
	})
	out := make([]IntroducerSummary, 0, min(k, len(list)))
	for _, s := range list[:min(k, len(list))] {
		out = append(out, *s)
	}
	return out
}

func person(a *graph.Actor) Person {
	return Person{ID: a.ID, Name: a.Name, Organization: a.Organization, Sector: a.Sector}
}

// eventName returns the name of event id, or id when the report does not know it.
func (r *Report) eventName(id string) string {
	if s, ok := r.EventNames[id]; ok {
		return s
	}
	return id
}

// WriteMap writes the report's ego map alone as an SVG document.
func (r *Report) WriteMap(w io.Writer) error {
	if r.Map == nil {
		return errors.New("report: no map")
	}
	return r.Map.WriteSVG(w, r.Positions, SVGOptions{})
}

// person returns the named actor, or a Person with only the ID when the report does not
// know it.
func (r *Report) person(id string) Person {
	if p, ok := r.People[id]; ok {
		return p
	}
	return Person{ID: id}
}
