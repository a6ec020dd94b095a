package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

// A Role says why an actor is on an ego map.
type Role int

// The roles of map nodes. An actor with several roles gets the first that applies in this
// order: Focal, Candidate, Introducer, Contact.
const (
	Focal      Role = iota // the actor the map is drawn for
	Candidate              // a ranked candidate partner
	Introducer             // a contact who can introduce the focal actor to a candidate
	Contact                // another contact of the focal actor
)

// String returns "focal", "candidate", "introducer" or "contact".
func (r Role) String() string {
	switch r {
	case Focal:
		return "focal"
	case Candidate:
		return "candidate"
	case Introducer:
		return "introducer"
	case Contact:
		return "contact"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// A MapNode is one actor on an ego map.
type MapNode struct {
	ID     string
	Label  string // name, or ID when the actor has no name
	Sector string // "" when unknown
	Role   Role
	Rank   int      // candidate rank (1-based); 0 for other roles
	Size   float64  // the centrality that sets the drawn size (PageRank on the contacts layer)
	Flags  []string // flag kinds of a candidate ("dependence", ...), sorted; empty when none
}

// A MapEdge is one tie on an ego map, A < B by ID.
type MapEdge struct {
	A, B   string
	Weight float64 // contact tie strength; 0 for a suggested tie
	// Suggested marks the proposed tie between the focal actor and a candidate, drawn dashed.
	Suggested bool
	// Flagged marks a suggested tie whose candidate carries at least one flag.
	Flagged bool
}

// A Map is the model of an ego-network map: the focal actor, its strongest contacts, the top
// candidates and their introducers, the contact ties among them and the suggested ties to the
// candidates. It holds no positions: [Layout] computes them, so that two maps (for example
// before and after a review period) can be drawn with shared positions.
type Map struct {
	Focal   string
	Nodes   []MapNode // sorted by ID
	Edges   []MapEdge // contact ties first, then suggested ties; each group sorted by A, then B
	Sectors []string  // every sector of the network, sorted: sets the colours and the legend
}

// MapOptions says which actors an ego map shows.
type MapOptions struct {
	// MaxContacts caps the plain contacts drawn (strongest ties first, ties by ID);
	// introducers of drawn candidates are always drawn. 0 means 25; negative means none.
	MaxContacts int
	// Layer holds the ties drawn and the focal actor's contacts; the zero value is
	// graph.Contacts. Use the layer of discovery.Options.Exclude.
	Layer graph.Layer
}

// NewMap builds the ego map of focal from its contacts in n and the ranked candidates cands
// (in rank order, as [discovery.Rank] returns them). size holds each actor's centrality by
// index (for example PageRank); nil draws every node at the same size.
func NewMap(n *graph.Network, focal string, cands []discovery.Candidate, size []float64, o MapOptions) (*Map, error) {
	fi, ok := n.Index(focal)
	if !ok {
		return nil, fmt.Errorf("report: unknown actor %q", focal)
	}
	if o.Layer < graph.Contacts || o.Layer > graph.Combined {
		return nil, fmt.Errorf("report: unknown layer %d", o.Layer)
	}
	if size != nil && len(size) != n.Len() {
		return nil, fmt.Errorf("report: %d sizes for %d actors", len(size), n.Len())
	}
	maxContacts := o.MaxContacts
	if maxContacts == 0 {
		maxContacts = 25
	}
	roles := map[int]Role{fi: Focal}
	rank := map[int]int{}
	flags := map[int][]string{}
	for _, c := range cands {
		ci, ok := n.Index(c.ID)
		if !ok {
			return nil, fmt.Errorf("report: unknown candidate %q", c.ID)
		}
		if ci == fi {
			return nil, errors.New("report: the focal actor is listed as its own candidate")
		}
		roles[ci] = Candidate
		rank[ci] = c.Rank
		var kinds []string
		for _, f := range c.Flags {
			if !slices.Contains(kinds, f.Kind) {
				kinds = append(kinds, f.Kind)
			}
		}
		slices.Sort(kinds)
		flags[ci] = kinds
	}
	for _, c := range cands {
		for _, in := range c.Introducers {
			ii, ok := n.Index(in.ID)
			if !ok {
				return nil, fmt.Errorf("report: unknown introducer %q", in.ID)
			}
			if _, seen := roles[ii]; !seen {
				roles[ii] = Introducer
			}
		}
	}
	if maxContacts > 0 {
		nbr, w := n.Neighbors(o.Layer, fi)
		order := make([]int, len(nbr))
		for k := range order {
			order[k] = k
		}
		// Strongest ties first; equal weights in index (= ID) order.
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(w[b], w[a]) })
		added := 0
		for _, k := range order {
			if added == maxContacts {
				break
			}
			j := int(nbr[k])
			if _, seen := roles[j]; !seen {
				roles[j] = Contact
				added++
			}
		}
	}

	idx := make([]int, 0, len(roles))
	for i := range roles {
		idx = append(idx, i)
	}
	slices.Sort(idx) // index order is ID order
	m := &Map{Focal: focal, Sectors: sectors(n)}
	for _, i := range idx {
		a := n.Actor(i)
		node := MapNode{ID: a.ID, Label: label(a), Sector: a.Sector, Role: roles[i], Rank: rank[i], Flags: flags[i]}
		if size != nil {
			node.Size = size[i]
		}
		m.Nodes = append(m.Nodes, node)
	}
	in := make(map[int]bool, len(idx))
	for _, i := range idx {
		in[i] = true
	}
	for _, i := range idx {
		nbr, w := n.Neighbors(o.Layer, i)
		for k, j := range nbr {
			if int(j) > i && in[int(j)] {
				m.Edges = append(m.Edges, MapEdge{A: n.ID(i), B: n.ID(int(j)), Weight: w[k]})
			}
		}
	}
	var suggested []MapEdge
	for _, c := range cands {
		e := MapEdge{A: focal, B: c.ID, Suggested: true, Flagged: len(c.Flags) > 0}
		if e.B < e.A {
			e.A, e.B = e.B, e.A
		}
		suggested = append(suggested, e)
	}
	slices.SortFunc(suggested, func(x, y MapEdge) int {
		return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	m.Edges = append(m.Edges, suggested...)
	return m, nil
}

// Validate reports a map whose edges name actors that are not among its nodes, duplicate
// nodes, or a focal actor that is not drawn.
func (m *Map) Validate() error {
	seen := make(map[string]bool, len(m.Nodes))
	for _, v := range m.Nodes {
		if seen[v.ID] {
			return fmt.Errorf("report: map node %q twice", v.ID)
		}
		seen[v.ID] = true
	}
	if !seen[m.Focal] {
		return fmt.Errorf("report: focal actor %q is not on the map", m.Focal)
	}
	for _, e := range m.Edges {
		if !seen[e.A] || !seen[e.B] {
			return fmt.Errorf("report: map edge %q-%q names an actor not on the map", e.A, e.B)
		}
	}
	return nil
}

// sectors returns the distinct sectors of n's actors, sorted; "" (unknown) is left out.
func sectors(n *graph.Network) []string {
	var s []string
	for i := range n.Len() {
		if sec := n.Actor(i).Sector; sec != "" {
			s = append(s, sec)
		}
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// label returns an actor's display name: its name, or its ID when it has none.
func label(a *graph.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}
