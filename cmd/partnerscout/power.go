package main

import (
	"flag"
	"strings"

	"github.com/partnerscout/partnerscout/score"
)

var powerCmd = &command{
	name:    "power",
	summary: "flag power asymmetries in partnerships and concentration in a group",
	args:    "(--focal ID --with ID[,ID...] | --group ID,ID,...) --data DIR [--weighted] [flags]",
	long: `
Power measures the balance of power between the focal actor and each --with actor, and within
a --group (both may be given). A pair can be flagged for structural dominance (PageRank ratio),
resource asymmetry (capacity ratio), dependence (asymmetric Burt dyadic constraint) and
gatekeeping (one side lies on most of the other's shortest paths); a group for concentrated
power (Gini of PageRank and of capacity, the top member's share of PageRank, Freeman degree
centralisation of the members' ties). Flags are information, with the measured value, the
threshold it crossed, the side holding the advantage and a sentence. Measures use --layer and
--weighted; thresholds are the library's defaults.

JSON: {"pairs":[{"a","b","flags":[...]}],"group":{"members","gini_pagerank","gini_capacity",
"top_share","centralization","flags"}} with group null when --group is not given. Table and CSV:
one row per finding: scope (pair or group), a, b, kind (a flag kind, or a group measure),
severity, value, threshold, advantage, detail.`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		focal := fs.String("focal", "", "the focal actor `ID` of the pairs")
		with := fs.String("with", "", "pair the focal actor with each of these actor `IDs` (comma-separated)")
		group := fs.String("group", "", "measure the concentration of power in this group of actor `IDs` (comma-separated)")
		weighted := fs.Bool("weighted", false, "use tie strengths in PageRank, constraint and paths")
		return func(e *env) error {
			others, members := splitList(*with), splitList(*group)
			switch {
			case *focal == "" && len(members) == 0:
				return usagef("give --focal ID --with ID[,ID...] or --group ID,ID,...")
			case *focal != "" && len(others) == 0:
				return usagef("--focal needs --with ID[,ID...]")
			case *focal == "" && len(others) > 0:
				return usagef("--with needs --focal ID")
			case e.set["group"] && len(members) == 0:
				return usagef("--group needs actor IDs")
			}
			n, err := e.network()
			if err != nil {
				return err
			}
			p, err := score.NewPower(n, score.Config{Layer: e.g.lay, Weighted: *weighted}, score.Thresholds{})
			if err != nil {
				return err
			}
			type pair struct {
				A     string       `json:"a"`
				B     string       `json:"b"`
				Flags []score.Flag `json:"flags"`
			}
			type result struct {
				Pairs []pair            `json:"pairs"`
				Group *score.GroupPower `json:"group"`
			}
			res := result{Pairs: []pair{}}
			t := &table{header: []string{"scope", "a", "b", "kind", "severity", "value", "threshold", "advantage", "detail"}}
			if *focal != "" {
				a, err := e.actorIndex(n, *focal)
				if err != nil {
					return err
				}
				for _, id := range others {
					b, err := e.actorIndex(n, id)
					if err != nil {
						return err
					}
					flags := orEmpty(p.Pair(a, b))
					res.Pairs = append(res.Pairs, pair{n.ID(a), n.ID(b), flags})
					if len(flags) == 0 {
						t.add(text("pair"), text(n.ID(a)), text(n.ID(b)), text("none"), text(""), emptyValue(), emptyValue(), text(""), text("no power asymmetry above the thresholds"))
					}
					for _, f := range flags {
						t.add(text("pair"), text(n.ID(a)), text(n.ID(b)), text(f.Kind), text(f.Severity), num(f.Value), num(f.Threshold), text(f.Advantage), text(f.Detail))
					}
				}
			}
			if len(members) > 0 {
				idx := make([]int, len(members))
				for k, id := range members {
					if idx[k], err = e.actorIndex(n, id); err != nil {
						return err
					}
				}
				g := p.Group(idx)
				g.Members, g.Flags = orEmpty(g.Members), orEmpty(g.Flags)
				res.Group = &g
				ids := strings.Join(g.Members, ";")
				for _, m := range []struct {
					name string
					v    float64
				}{{"gini_pagerank", g.GiniPageRank}, {"gini_capacity", g.GiniCapacity}, {"top_share", g.TopShare}, {"centralization", g.Centralization}} {
					t.add(text("group"), text(ids), text(""), text(m.name), text(""), num(m.v), emptyValue(), text(""), text(""))
				}
				for _, f := range g.Flags {
					t.add(text("group"), text(ids), text(""), text(f.Kind), text(f.Severity), num(f.Value), num(f.Threshold), text(f.Advantage), text(f.Detail))
				}
			}
			return e.emit(res, t, nil)
		}
	},
}

// emptyValue is a cell with no value: empty in CSV, "-" in tables.
func emptyValue() cell { return cell{kind: emptyCell} }
