package discovery

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// maxIntroducers is the number of introducers a Candidate lists.
const maxIntroducers = 3

// explain turns a selected candidate of the loaded focal actor into a Candidate with its
// explanation. Rank is left for the caller.
func (w *worker) explain(s scored) Candidate {
	r, n, f, c := w.r, w.r.n, w.focal, int(s.c)
	cd := Candidate{
		Focal:      n.ID(f),
		ID:         n.ID(c),
		Score:      s.s,
		Components: s.comp,
		Contribution: Components{
			Goal:            r.w[0] * s.comp.Goal,
			Proximity:       r.w[1] * s.comp.Proximity,
			Trust:           r.w[2] * s.comp.Trust,
			Complementarity: r.w[3] * s.comp.Complementarity,
			Reach:           r.w[4] * s.comp.Reach,
		},
		SharedGoals:  nonNil(r.prof.Shared(f, c)),
		SharedEvents: sharedEvents(n, f, c),
		Brings:       nonNil(score.Brings(n, f, c)),
	}
	mutual, fresh := w.introducers(c)
	cd.Introducers = nonNil(slices.Clone(w.intro[:min(maxIntroducers, len(w.intro))]))
	// One breadth-first search from the focal actor serves all its candidates: the flags say
	// whether a candidate gatekeeps the focal's access (the reverse would cost a search per
	// candidate; `partnerscout power` checks both directions).
	// w.gate holds the gatekeeping shares of the focal actor's paths, or shares giving the
	// same flags (loadGates, called by rank before explaining).
	cd.Flags = nonNil(slices.Clone(r.pow.PairFrom(f, c, w.gate)))
	if fl, ok := score.CompetitorFlag(n, f, c, s.comp.Goal, s.comp.Complementarity, r.o.Thresholds); ok {
		cd.Flags = append(cd.Flags, fl)
	}
	cd.Why = why(n, f, c, &cd, mutual, fresh)
	return cd
}

// introducers fills w.intro with every mutual partner of the loaded focal actor and c,
// strongest introduction path first (ties by ID), and returns their number and the number
// of c's partners who are neither the focal actor nor its partners.
func (w *worker) introducers(c int) (mutual, fresh int) {
	n, f := w.r.n, w.focal
	w.intro = w.intro[:0]
	nb, ws := n.Neighbors(w.r.o.Exclude, c)
	for k, m := range nb {
		if int(m) == f {
			continue
		}
		if t := w.tie[m]; t > 0 {
			w.intro = append(w.intro, Introducer{ID: n.ID(int(m)), Strength: round(min(t, ws[k]))})
		} else {
			fresh++
		}
	}
	slices.SortStableFunc(w.intro, func(a, b Introducer) int {
		return cmp.Or(cmp.Compare(b.Strength, a.Strength), strings.Compare(a.ID, b.ID))
	})
	return len(w.intro), fresh
}

// sharedEvents returns the IDs of the events both a and b attended, in ID order.
func sharedEvents(n *graph.Network, a, b int) []string {
	ea, eb := n.EventsOf(a), n.EventsOf(b)
	out := []string{}
	for i, j := 0, 0; i < len(ea) && j < len(eb); {
		switch {
		case ea[i] < eb[j]:
			i++
		case ea[i] > eb[j]:
			j++
		default:
			out = append(out, n.Event(int(ea[i])).ID)
			i, j = i+1, j+1
		}
	}
	return out
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// name returns actor i's name, or its ID when it has none.
func name(n *graph.Network, i int) string {
	if a := n.Actor(i); a.Name != "" {
		return a.Name
	}
	return n.ID(i)
}

// nameOf returns the name of the actor with the given ID.
func nameOf(n *graph.Network, id string) string {
	if i, ok := n.Index(id); ok {
		return name(n, i)
	}
	return id
}

// list joins items as "a", "a and b" or "a, b and c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// quoted returns the first k items in single quotes, plus "k more" when there are more.
func quoted(items []string, k int, more string) string {
	q := make([]string, 0, k+1)
	for _, s := range items[:min(k, len(items))] {
		q = append(q, "'"+s+"'")
	}
	if len(items) > k {
		if len(items)-k == 1 {
			more = strings.TrimSuffix(more, "s")
		}
		q = append(q, fmt.Sprintf("%d more %s", len(items)-k, more))
	}
	return list(q)
}

// why writes the sentence that explains candidate c to focal actor f, for example
// "shares 'youth employment' and 'digital skills'; Dana Lee knows both of you; brings
// funding you lack; knows 12 people you don't; 6.0x your network centrality".
func why(n *graph.Network, f, c int, cd *Candidate, mutual, fresh int) string {
	var parts []string
	if len(cd.SharedGoals) > 0 {
		parts = append(parts, "shares "+quoted(cd.SharedGoals, 3, "goals"))
	}
	switch {
	case mutual > 0:
		names := make([]string, 0, 3)
		for _, in := range cd.Introducers[:min(2, len(cd.Introducers))] {
			names = append(names, nameOf(n, in.ID))
		}
		verb := "knows"
		if mutual > 1 {
			verb = "know"
		}
		if rest := mutual - len(names); rest > 0 {
			other := "others"
			if rest == 1 {
				other = "other"
			}
			names = append(names, fmt.Sprintf("%d %s", rest, other))
		}
		parts = append(parts, list(names)+" "+verb+" both of you")
	case len(cd.SharedEvents) > 0:
		ev := cd.SharedEvents[len(cd.SharedEvents)-1]
		label := ev
		if e, ok := n.EventIndex(ev); ok && n.Event(e).Name != "" {
			label = n.Event(e).Name
		}
		if len(cd.SharedEvents) == 1 {
			parts = append(parts, fmt.Sprintf("you were both at %s", label))
		} else {
			parts = append(parts, fmt.Sprintf("you were both at %d events, including %s", len(cd.SharedEvents), label))
		}
	}
	if len(cd.Brings) > 0 {
		parts = append(parts, "brings "+list(cd.Brings[:min(3, len(cd.Brings))])+more(len(cd.Brings)-3)+" you lack")
	}
	if fresh > 0 {
		people := "people"
		if fresh == 1 {
			people = "person"
		}
		parts = append(parts, fmt.Sprintf("knows %d %s you don't", fresh, people))
	}
	for _, fl := range cd.Flags {
		if p := flagPhrase(n, f, c, fl); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		if cd.Components.Proximity > 0 {
			return "close to you in the network"
		}
		return "no shared goals or contacts found"
	}
	return strings.Join(parts, "; ")
}

// more returns " and k more" for k > 0.
func more(k int) string {
	if k <= 0 {
		return ""
	}
	return fmt.Sprintf(" and %d more", k)
}

// flagPhrase returns a short phrase for a flag on the pair (f, c), seen from f.
func flagPhrase(n *graph.Network, f, c int, fl score.Flag) string {
	theirs := fl.Advantage == n.ID(c)
	mine := fl.Advantage == n.ID(f)
	switch fl.Kind {
	case score.StructuralDominance:
		switch {
		case theirs:
			return fmt.Sprintf("%.1fx your network centrality", fl.Value)
		case mine:
			return fmt.Sprintf("you have %.1fx their network centrality", fl.Value)
		}
	case score.ResourceAsymmetry:
		switch {
		case theirs:
			return fmt.Sprintf("%.1fx your capacity", fl.Value)
		case mine:
			return fmt.Sprintf("you have %.1fx their capacity", fl.Value)
		}
	case score.Dependence:
		switch {
		case theirs:
			return "you would depend on them"
		case mine:
			return "they would depend on you"
		}
	case score.Gatekeeper:
		switch {
		case theirs:
			return "they control much of your access to the network"
		case mine:
			return "you control much of their access to the network"
		}
	case score.Competitor:
		return "possible competitor (same sector and goals, little complementarity)"
	}
	if fl.Detail != "" {
		return fl.Detail
	}
	return strings.ReplaceAll(fl.Kind, "_", " ")
}
