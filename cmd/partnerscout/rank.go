package main

import (
	"cmp"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/score"
)

var rankCmd = &command{
	name:    "rank",
	summary: "rank candidate partners of an actor, with the reasons and power flags",
	args:    "(--focal ID[,ID...] | --all) --data DIR [--top N] [--min-goal X] [--sector S] [--exclude LAYER] [flags]",
	long: `
Rank proposes partners for each focal actor: actors not yet tied to it in the --exclude layer
(friends of friends, co-attendees and anyone sharing a goal), scored on five components in
[0,1] - goal (shared purpose), proximity (link prediction), trust (the best introduction
path), complementarity (strengths the focal lacks) and reach (new parts of the network) -
weighted by the library's documented default weights. Each candidate carries its shared
goals, introducers, shared events and power flags (information, never a reason to drop it).

Output is ordered by focal ID, then rank. An unknown focal ID exits with status 1
and names the closest known IDs. JSON: an array of candidates (fields focal, candidate, rank,
score, components, shared_goals, introducers, shared_events, flags, why).

` + filterHelp,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		focal := fs.String("focal", "", "rank partners for these actor `IDs` (comma-separated)")
		all := fs.Bool("all", false, "rank partners for every actor")
		top := fs.Int("top", discovery.DefaultTop, "keep the best `N` candidates per focal actor (0 = every candidate)")
		var filters filterFlags
		filters.register(fs)
		return func(e *env) error {
			focals := splitList(*focal)
			switch {
			case *all && len(focals) > 0:
				return usagef("give --focal or --all, not both")
			case !*all && len(focals) == 0:
				return usagef("give --focal ID[,ID...] or --all")
			case *top < 0:
				return usagef("--top %d: want 0 (every candidate) or more", *top)
			}
			o, err := filters.options(e)
			if err != nil {
				return err
			}
			o.Top = *top
			if *top == 0 {
				o.Top = -1
			}
			n, err := e.network()
			if err != nil {
				return err
			}
			if *all {
				focals = slices.Clone(n.IDs())
			} else {
				slices.Sort(focals)
				focals = slices.Compact(focals)
			}
			o.Progress = e.progress("ranking")
			r, err := discovery.NewRanker(n, o)
			if err != nil {
				return err
			}
			// Rankings are written as they are computed, so memory stays bounded with --all.
			out := newStream(e, rankCSVHeader, rankCSVRows, rankTableHeader, rankTableRows)
			err = r.RankEach(focals, func(_ int, list []discovery.Candidate) error {
				for i := range list {
					c := &list[i]
					c.SharedGoals = orEmpty(c.SharedGoals)
					c.Introducers = orEmpty(c.Introducers)
					c.SharedEvents = orEmpty(c.SharedEvents)
					c.Flags = orEmpty(c.Flags)
				}
				return out.write(list)
			})
			e.progressDone()
			if err != nil {
				return err
			}
			return out.close()
		}
	},
}

// components lists a candidate's components by name, in Weights field order.
func components(c discovery.Components) []struct {
	name string
	v    float64
} {
	return []struct {
		name string
		v    float64
	}{{"goal", c.Goal}, {"proximity", c.Proximity}, {"trust", c.Trust}, {"complementarity", c.Complementarity}, {"reach", c.Reach}}
}

var rankCSVHeader = []string{"focal", "rank", "candidate", "score", "goal", "proximity", "trust", "complementarity", "reach",
	"shared_goals", "introducers", "shared_events", "flags", "why"}

// rankCSVRows is every field of the candidates, one row each.
func rankCSVRows(cs []discovery.Candidate) [][]cell {
	rows := make([][]cell, 0, len(cs))
	for _, c := range cs {
		row := []cell{text(c.Focal), integer(c.Rank), text(c.ID), num(c.Score)}
		for _, x := range components(c.Components) {
			row = append(row, num(x.v))
		}
		var intro []string
		for _, in := range c.Introducers {
			intro = append(intro, in.ID)
		}
		row = append(row, texts(c.SharedGoals), texts(intro), texts(c.SharedEvents), texts(flagKinds(c.Flags)), text(c.Why))
		rows = append(rows, row)
	}
	return rows
}

var rankTableHeader = []string{"focal", "rank", "candidate", "score", "top reasons", "flags"}

// rankTableRows is the human view: rank, candidate, score, the two largest contributions
// and the flag kinds.
func rankTableRows(cs []discovery.Candidate) [][]cell {
	rows := make([][]cell, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, []cell{text(c.Focal), integer(c.Rank), text(c.ID), num(c.Score), text(reasons(c)), text(strings.Join(flagKinds(c.Flags), ","))})
	}
	return rows
}

// reasons names the two components that contribute most to c's score, with their values,
// and the first shared goal and introducer.
func reasons(c discovery.Candidate) string {
	comps := components(c.Components)
	contrib := components(c.Contribution)
	order := []int{0, 1, 2, 3, 4}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(contrib[b].v, contrib[a].v) })
	var parts []string
	for _, k := range order[:2] {
		if contrib[k].v > 0 {
			parts = append(parts, fmt.Sprintf("%s %.2f", comps[k].name, comps[k].v))
		}
	}
	if len(c.SharedGoals) > 0 {
		parts = append(parts, "shares "+c.SharedGoals[0])
	}
	if len(c.Introducers) > 0 {
		parts = append(parts, "via "+c.Introducers[0].ID)
	}
	return strings.Join(parts, "; ")
}

func flagKinds(fs []score.Flag) []string {
	var kinds []string
	for _, f := range fs {
		if !slices.Contains(kinds, f.Kind) {
			kinds = append(kinds, f.Kind)
		}
	}
	return kinds
}
