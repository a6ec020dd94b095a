package main

import (
	"flag"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
)

var reviewCmd = &command{
	name:    "review",
	summary: "review how an actor's partnerships (or a group's ties) changed between two dates",
	args:    "(--focal ID[,ID...] | --group ID,ID,...) --then DATE [--now DATE] [--window D] --data DIR [flags]",
	long: `
Review compares the network at --then with the network at --now (default: --as-of, or the
newest date in the data); each side is built as --as-of that date would build it (a date alone means the end
of that day), optionally limited to the trailing --window. For each focal actor it reports the
partners gained, faded, strengthened and weakened, reach (partners, sectors, organisations,
share of gained partners from outside the old two-step neighbourhood), goal coverage, the
actor's measures with percentiles, power flags raised and cleared, and follow-through: the
top --top candidates the ranking gave at --then, and which became partners. For a --group it
reports density, cross-sector share, Gini of PageRank, top share, centralisation and isolated
members at both dates. Partners are ties in the --exclude layer. --half-life decays each side
to its own date.

JSON for --focal: an array of reviews, one per focal actor, by ID; for --group: one object.
Table and CSV: one row per figure: focal (or "group"), item, then, now, detail.

` + filterHelp,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		focal := fs.String("focal", "", "review these actor `IDs` (comma-separated)")
		group := fs.String("group", "", "review the ties within this group of actor `IDs` (comma-separated)")
		then := fs.String("then", "", "the earlier `DATE` (required)")
		now := fs.String("now", "", "the later `DATE` (default: --as-of, or the newest date in the data)")
		window := fs.String("window", "", "keep on each side only rows dated within this `DURATION` before its date (180d, 26w, 1y)")
		top := fs.Int("top", discovery.DefaultTop, "follow-through: check the top `N` candidates at --then")
		var filters filterFlags
		filters.register(fs)
		return func(e *env) error {
			focals, members := splitList(*focal), splitList(*group)
			switch {
			case len(focals) == 0 && len(members) == 0:
				return usagef("give --focal ID[,ID...] or --group ID,ID,...")
			case len(focals) > 0 && len(members) > 0:
				return usagef("give either --focal or --group, not both")
			case *then == "":
				return usagef("--then DATE is required")
			case *top < 1:
				return usagef("--top %d: want at least 1", *top)
			}
			o, err := filters.options(e)
			if err != nil {
				return err
			}
			o.Top = *top
			r, err := newReviewer(e, *then, *now, *window, o)
			if err != nil {
				return err
			}
			if len(members) > 0 {
				g, err := r.Group(members)
				if err != nil {
					return err
				}
				return e.emit(g, reviewTable(nil, g), nil)
			}
			slices.Sort(focals)
			reviews, err := r.ReviewMany(slices.Compact(focals))
			if err != nil {
				return err
			}
			return e.emit(reviews, reviewTable(reviews, nil), nil)
		}
	},
}

// reviewTable flattens reviews into one row per figure: focal, item, then, now, detail.
func reviewTable(reviews []*discovery.ReviewResult, g *discovery.GroupReview) *table {
	t := &table{header: []string{"focal", "item", "then", "now", "detail"}}
	none := emptyValue()
	for _, r := range reviews {
		add := func(item string, then, now cell, detail string) {
			t.add(text(r.Focal), text(item), then, now, text(detail))
		}
		add("date", text(r.Then), text(r.Now), "")
		add("partners", integer(r.Reach.Then.Partners), integer(r.Reach.Now.Partners), "")
		add("sectors", integer(r.Reach.Then.Sectors), integer(r.Reach.Now.Sectors), "")
		add("organizations", integer(r.Reach.Then.Organizations), integer(r.Reach.Now.Organizations), "")
		add("new_network_share", none, num(r.Reach.NewNetworkShare), "share of gained partners from outside the old two-step neighbourhood")
		add("gained", none, integer(len(r.Gained)), strengths(r.Gained))
		add("faded", integer(len(r.Faded)), none, strengths(r.Faded))
		add("strengthened", none, integer(len(r.Strengthened)), changes(r.Strengthened))
		add("weakened", none, integer(len(r.Weakened)), changes(r.Weakened))
		gc := r.GoalCoverage
		add("goal_coverage", num(gc.Then), num(gc.Now), listChange(gc.GainedGoals, gc.LostGoals))
		for _, m := range []struct {
			name string
			m    discovery.Measure
		}{{"degree", r.Measures.Degree}, {"betweenness", r.Measures.Betweenness}, {"pagerank", r.Measures.PageRank},
			{"constraint", r.Measures.Constraint}, {"effective_size", r.Measures.EffectiveSize}} {
			add(m.name, num(m.m.Then), num(m.m.Now), fmt.Sprintf("percentile %s -> %s", pct(m.m.PercentileThen), pct(m.m.PercentileNow)))
		}
		add("flags_new", none, integer(len(r.Flags.New)), pairFlags(r.Flags.New))
		add("flags_cleared", integer(len(r.Flags.Cleared)), none, pairFlags(r.Flags.Cleared))
		add("flags_kept", integer(len(r.Flags.Kept)), integer(len(r.Flags.Kept)), pairFlags(r.Flags.Kept))
		ft := r.FollowThrough
		add("follow_through", none, num(ft.Precision), fmt.Sprintf("%d of the top %d at then became partners: %s", len(ft.Realised), ft.Top, strings.Join(ft.Realised, ", ")))
		add("summary", none, none, r.Summary)
		for _, n := range r.Notes {
			add("note", none, none, n)
		}
	}
	if g != nil {
		add := func(item string, c discovery.Change, detail string) {
			t.add(text("group"), text(item), num(c.Then), num(c.Now), text(detail))
		}
		t.add(text("group"), text("date"), text(g.Then), text(g.Now), text(""))
		t.add(text("group"), text("members"), none, none, texts(g.Group))
		add("density", g.Density, "")
		add("cross_sector_share", g.CrossSectorShare, "")
		add("gini_pagerank", g.GiniPageRank, "")
		add("top_share", g.TopShare, "")
		add("centralization", g.Centralization, "")
		t.add(text("group"), text("isolated"), integer(len(g.Isolated.Then)), integer(len(g.Isolated.Now)),
			text("then: "+strings.Join(g.Isolated.Then, ", ")+"; now: "+strings.Join(g.Isolated.Now, ", ")))
	}
	return t
}

func strengths(ps []discovery.PartnerStrength) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s (%.3f)", p.ID, p.Strength)
	}
	return strings.Join(parts, ", ")
}

func changes(cs []discovery.StrengthChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%.3f -> %.3f)", c.ID, c.Then, c.Now)
	}
	return strings.Join(parts, ", ")
}

func listChange(gained, lost []string) string {
	var parts []string
	if len(gained) > 0 {
		parts = append(parts, "gained "+strings.Join(gained, ", "))
	}
	if len(lost) > 0 {
		parts = append(parts, "lost "+strings.Join(lost, ", "))
	}
	return strings.Join(parts, "; ")
}

func pairFlags(fs []discovery.PairFlag) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Partner + ": " + f.Kind + " (" + f.Severity + ")"
	}
	return strings.Join(parts, ", ")
}

func pct(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

// newReviewer builds the two sides of a review from the global data flags: --then and --now
// dates (--now defaults to --as-of, or the newest date in the data), an optional trailing
// window, the global half-life, and o for the follow-through ranking.
func newReviewer(e *env, then, now, window string, o discovery.Options) (*discovery.Reviewer, error) {
	var c discovery.ReviewConfig
	var err error
	if c.Then, err = parseDate(then, true); err != nil {
		return nil, usagef("--then: %v", err)
	}
	if c.Now, err = parseDate(now, true); err != nil {
		return nil, usagef("--now: %v", err)
	}
	if c.Now.IsZero() {
		c.Now = e.g.opt.AsOf // zero when --as-of is not given: the newest date in the data
	}
	if !c.Now.IsZero() && !c.Then.Before(c.Now) {
		return nil, usagef("--then %s is not before --now %s", then, c.Now.Format(time.DateOnly))
	}
	if c.Window, err = parseDuration(window); err != nil {
		return nil, usagef("--window: %v", err)
	}
	c.Rank = o
	c.HalfLife = e.g.opt.HalfLife
	c.Graph = e.g.opt
	c.Graph.AsOf, c.Graph.HalfLife, c.Graph.Window = time.Time{}, 0, 0
	if err := c.Validate(); err != nil {
		return nil, usagef("%s", strings.TrimPrefix(err.Error(), "discovery: "))
	}
	d, err := e.dataset()
	if err != nil {
		return nil, err
	}
	r, err := discovery.NewReviewer(d, c)
	if err != nil {
		return nil, err
	}
	if !r.Then().Options().AsOf.Before(r.Now().Options().AsOf) {
		return nil, usagef("--then %s is not before the newest date in the data", then)
	}
	return r, nil
}
