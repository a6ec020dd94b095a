package main

import (
	"bufio"
	"flag"
	"io"
	"os"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/report"
)

// reportFlags are the flags report and map share.
type reportFlags struct {
	focal   *string
	top     *int
	out     *string
	filters filterFlags
}

func (r *reportFlags) register(fs *flag.FlagSet, what string) {
	r.focal = fs.String("focal", "", "the actor `ID` the "+what+" is for (required)")
	r.top = fs.Int("top", discovery.DefaultTop, "show the best `N` candidates")
	r.out = fs.String("out", "", "write to `FILE` instead of standard output")
	r.filters.register(fs)
}

// build checks the flags and builds the report.
func (r *reportFlags) build(e *env, c report.Config) (*report.Report, error) {
	switch {
	case *r.focal == "":
		return nil, usagef("--focal ID is required")
	case *r.top < 1:
		return nil, usagef("--top %d: want at least 1", *r.top)
	}
	o, err := r.filters.options(e)
	if err != nil {
		return nil, err
	}
	c.Focal, c.Top, c.Rank = *r.focal, *r.top, o
	c.Map.Layer = o.Exclude
	n, err := e.network()
	if err != nil {
		return nil, err
	}
	return report.Build(n, c)
}

// write sends the output of fn to --out or standard output.
func (r *reportFlags) write(e *env, fn func(io.Writer) error) error {
	if *r.out == "" {
		w := bufio.NewWriter(e.stdout)
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	}
	f, err := os.Create(*r.out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := fn(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var reportCmd = &command{
	name:    "report",
	summary: "write a self-contained HTML partner report for an actor",
	args:    "--focal ID --data DIR [--top N] [--size K] [--show-events N] [--out FILE] [flags]",
	long: `
Report writes one HTML page for the focal actor: its profile, the ranked candidates with
their components, reasons and flags, the best introducers, events to attend, a suggested
coalition with its power figures and an ego-network map (inline SVG). The page fetches
nothing (no scripts, fonts or images) and escapes every name. The same input gives the same
page byte for byte. With --then DATE the page adds a review of the focal actor between --then
and --as-of (or the newest date): its ego map at both dates side by side, gained ties
highlighted, faded ties greyed, and its measures before and after (see the review command).
--format json writes the report's data instead of the page; --format csv does not apply.

` + filterHelp,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		var rf reportFlags
		rf.register(fs, "report")
		size := fs.Int("size", 3, "suggest a coalition of `K` partners (0 = no coalition)")
		events := fs.Int("show-events", 5, "list `N` events to attend (0 = none)")
		then := fs.String("then", "", "add a review of the focal actor since `DATE`")
		window := fs.String("window", "", "review: keep on each side only rows dated within this `DURATION` before its date")
		return func(e *env) error {
			switch {
			case e.g.output == "csv":
				return usagef("report writes HTML or, with --format json, JSON; --format csv does not apply")
			case *size < 0:
				return usagef("--size %d: want 0 or more", *size)
			case *events < 0:
				return usagef("--show-events %d: want 0 or more", *events)
			}
			c := report.Config{Coalition: *size, Events: *events}
			if *size == 0 {
				c.Coalition = -1
			}
			if *events == 0 {
				c.Events = -1
			}
			r, err := rf.build(e, c)
			if err != nil {
				return err
			}
			if *then != "" {
				o, err := rf.filters.options(e)
				if err != nil {
					return err
				}
				o.Top = *rf.top
				rv, err := newReviewer(e, *then, "", *window, o)
				if err != nil {
					return err
				}
				if r.Review, err = report.BuildReview(rv, *rf.focal, r.Seed); err != nil {
					return err
				}
			}
			if e.g.output == "json" {
				return rf.write(e, func(w io.Writer) error { return writeJSON(w, r) })
			}
			return rf.write(e, r.WriteHTML)
		}
	},
}

var mapCmd = &command{
	name:    "map",
	summary: "draw an actor's ego network with its candidates and introducers as SVG",
	args:    "--focal ID --data DIR [--top N] [--out FILE] [flags]",
	long: `
Map draws the focal actor, its strongest contacts, its top candidates (haloed and numbered)
and their introducers (squares) as an SVG document: colour by sector, size by PageRank,
flagged candidates marked, with a legend. The layout uses a fixed seed, so the same input
gives the same drawing. --format does not apply.

` + filterHelp,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		var rf reportFlags
		rf.register(fs, "map")
		return func(e *env) error {
			if e.set["format"] {
				return usagef("map writes SVG; --format does not apply")
			}
			r, err := rf.build(e, report.Config{Coalition: -1, Events: -1})
			if err != nil {
				return err
			}
			return rf.write(e, r.WriteMap)
		}
	},
}
