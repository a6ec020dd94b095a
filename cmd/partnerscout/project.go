package main

import (
	"flag"

	"github.com/partnerscout/partnerscout/graph"
)

var projectCmd = &command{
	name:    "project",
	summary: "print the co-attendance ties projected from events (actor x actor)",
	args:    "--data DIR [--weighting count|newman|jaccard] [flags]",
	long: `
Project turns the actor-event incidence into actor-actor ties: two actors are tied when they
attended an event together, with weight --weighting: count (Breiger 1974: number of shared
events), newman (sum over shared events of 1/(attendees-1)) or jaccard (shared events over
events of either). Columns a,b,weight with a < b by ID, sorted by a then b.
Events with more than --max-event-size attendees are not projected. JSON: [{"a","b","weight"}].`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		return func(e *env) error {
			n, err := e.network()
			if err != nil {
				return err
			}
			type tie struct {
				A      string  `json:"a"`
				B      string  `json:"b"`
				Weight float64 `json:"weight"`
			}
			ties := n.Project(graph.Events)
			out := make([]tie, len(ties))
			t := &table{header: []string{"a", "b", "weight"}}
			for i, x := range ties {
				out[i] = tie{x.A, x.B, x.Weight}
				t.add(text(x.A), text(x.B), num(x.Weight))
			}
			return e.emit(out, t, nil)
		}
	},
}
