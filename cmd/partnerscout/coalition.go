package main

import (
	"flag"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
)

var coalitionCmd = &command{
	name:    "coalition",
	summary: "choose a set of partners that covers an actor's goals with power shared",
	args:    "--focal ID --size K --data DIR [--min-goal X] [--sector S] [--exclude LAYER] [flags]",
	long: `
Coalition chooses up to --size partners for the focal actor among its candidates (the
candidates of rank, with the same filters) that together cover its goals and span sectors,
keeping the Gini coefficient of PageRank within the group below the library's threshold
(greedy, with the (1-1/e) guarantee of submodular coverage when the power limit does not
bind; fewer members when no candidate keeps the group balanced).

JSON: {"focal","members","coverage","covered","uncovered","sectors","power":{...},"why"} with
power as in the power command's group. Table and CSV: one item per row.

` + filterHelp,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		focal := fs.String("focal", "", "build the coalition around this actor `ID`")
		size := fs.Int("size", 3, "choose up to `K` partners")
		var filters filterFlags
		filters.register(fs)
		return func(e *env) error {
			switch {
			case *focal == "":
				return usagef("--focal ID is required")
			case *size < 1:
				return usagef("--size %d: want at least 1", *size)
			}
			o, err := filters.options(e)
			if err != nil {
				return err
			}
			o.Top = -1
			n, err := e.network()
			if err != nil {
				return err
			}
			c, err := discovery.Coalition(n, *focal, *size, o)
			if err != nil {
				return err
			}
			c.Members, c.Covered, c.Uncovered, c.Sectors = orEmpty(c.Members), orEmpty(c.Covered), orEmpty(c.Uncovered), orEmpty(c.Sectors)
			c.Power.Members, c.Power.Flags = orEmpty(c.Power.Members), orEmpty(c.Power.Flags)
			t := &table{header: []string{"item", "value"}}
			human := &table{header: t.header}
			both := func(item string, v cell) {
				t.add(text(item), v)
				human.add(text(item), v)
			}
			list := func(item string, v []string) {
				t.add(text(item), texts(v))
				human.add(text(item), text(strings.Join(v, ", ")))
			}
			both("focal", text(c.Focal))
			list("members", c.Members)
			both("coverage", num(c.Coverage))
			list("covered", c.Covered)
			list("uncovered", c.Uncovered)
			list("sectors", c.Sectors)
			both("gini_pagerank", num(c.Power.GiniPageRank))
			both("gini_capacity", num(c.Power.GiniCapacity))
			both("top_share", num(c.Power.TopShare))
			both("centralization", num(c.Power.Centralization))
			for _, f := range c.Power.Flags {
				both("flag", text(f.Kind+" ("+f.Severity+"): "+f.Detail))
			}
			both("why", text(c.Why))
			return e.emit(c, t, human)
		}
	},
}
