package discovery

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/partnerscout/partnerscout/graph"
)

// maxRelevant is the number of actors an EventSuggestion names.
const maxRelevant = 10

// An EventSuggestion is an event the focal actor did not attend, with the people it would
// have met there who share its goals and are not yet its partners.
type EventSuggestion struct {
	Event    string   `json:"event"`    // event ID
	Name     string   `json:"name"`     // event name, "" if unknown
	Date     string   `json:"date"`     // YYYY-MM-DD, "" if undated
	Score    float64  `json:"score"`    // Σ goal overlap of the relevant new people, rounded to 1e-9
	People   int      `json:"people"`   // number of relevant new people
	Relevant []string `json:"relevant"` // up to 10 of them (actor IDs), highest goal overlap first
	Topics   []string `json:"topics"`   // the event's topics
	Why      string   `json:"why"`
}

// Events returns the events the focal actor did not attend, ranked by the goal-relevant
// people it would meet there who are not yet its partners: the score of an event is the
// sum, over its attendees a who are not the focal actor, not tied to it in the Exclude
// layer and pass the candidate filters (Sectors, ExcludeIDs, MinGoal), of the goal overlap
// between the focal actor and a; attendees with overlap 0 do not count. Events without any
// such attendee are left out. Results are ordered by score, then event ID, and cut to
// Options.Top. The cost is one pass over the attendance of the whole network.
func (r *Ranker) Events(focal string) ([]EventSuggestion, error) {
	f, ok := r.n.Index(focal)
	if !ok {
		return nil, unknown(r.n, focal)
	}
	n := r.n
	attended := make(map[int32]bool, len(n.EventsOf(f)))
	for _, e := range n.EventsOf(f) {
		attended[e] = true
	}
	type person struct {
		i int32
		g float64
	}
	var out []EventSuggestion
	var people []person
	for e := range n.NumEvents() {
		if attended[int32(e)] {
			continue
		}
		people = people[:0]
		sum := 0.0
		for _, a := range n.Attendees(e) {
			ai := int(a)
			if ai == f || !r.eligible(ai) || n.Weight(r.o.Exclude, f, ai) > 0 {
				continue
			}
			g := clamp01(r.prof.Overlap(f, ai))
			if g == 0 || g < r.o.MinGoal {
				continue
			}
			people = append(people, person{a, g})
			sum += g
		}
		if len(people) == 0 {
			continue
		}
		slices.SortStableFunc(people, func(x, y person) int { return cmp.Or(cmp.Compare(y.g, x.g), cmp.Compare(x.i, y.i)) })
		ev := n.Event(e)
		s := EventSuggestion{
			Event:    ev.ID,
			Name:     ev.Name,
			Score:    round(sum),
			People:   len(people),
			Relevant: make([]string, 0, min(maxRelevant, len(people))),
			Topics:   nonNil(slices.Clone(ev.Topics)),
		}
		if !ev.Date.IsZero() {
			s.Date = ev.Date.Format(time.DateOnly)
		}
		names := make([]string, 0, 3)
		for k, p := range people[:min(maxRelevant, len(people))] {
			s.Relevant = append(s.Relevant, n.ID(int(p.i)))
			if k < 2 {
				names = append(names, name(n, int(p.i)))
			}
		}
		s.Why = eventWhy(names, len(people), ev.Topics)
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b EventSuggestion) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Event, b.Event))
	})
	if r.o.Top >= 0 && len(out) > r.o.Top {
		out = out[:r.o.Top]
	}
	return nonNil(out), nil
}

// eventWhy writes "meet Dana Lee, Sam Roe and 3 others who share your goals; topics
// 'youth employment' and 'digital skills'".
func eventWhy(names []string, total int, topics []string) string {
	if rest := total - len(names); rest > 0 {
		other := "others"
		if rest == 1 {
			other = "other"
		}
		names = append(names, fmt.Sprintf("%d %s", rest, other))
	}
	who := "who shares your goals"
	if total > 1 {
		who = "who share your goals"
	}
	s := "meet " + list(names) + " " + who
	if len(topics) > 0 {
		s += "; topics " + quoted(topics, 3, "topics")
	}
	return s
}

// eligible reports whether actor i passes the ExcludeIDs and Sectors filters.
func (r *Ranker) eligible(i int) bool {
	return (r.excluded == nil || !r.excluded[i]) && (r.sectorOK == nil || r.sectorOK[i])
}

// Events ranks the events focal should attend in n under o; see [Ranker.Events].
func Events(n *graph.Network, focal string, o Options) ([]EventSuggestion, error) {
	r, err := NewRanker(n, o)
	if err != nil {
		return nil, err
	}
	return r.Events(focal)
}
