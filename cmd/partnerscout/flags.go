package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/partnerscout/partnerscout/graph"
)

// globals holds the flags every data command takes.
type globals struct {
	data                                  string
	actors, contacts, attendance, events  string
	format                                string
	from, asOf                            string
	halfLife                              string
	layer                                 string
	weighting                             string
	maxEventSize                          int
	maxField, maxRecord, maxRows, maxActs int
	maxErrors                             int
	quiet, raw                            bool

	// Parsed values, filled by check.
	opt    graph.Options
	lim    graph.Limits
	lay    graph.Layer
	output string
}

// globalOrder gives the order in which --help prints the global flags, which groups them.
var globalOrder = map[string]int{}

func init() {
	for i, name := range []string{"data", "actors", "contacts", "attendance", "events",
		"format", "from", "as-of", "half-life", "layer", "weighting", "max-event-size",
		"max-field-bytes", "max-record-bytes", "max-rows", "max-actors", "max-errors", "quiet", "raw"} {
		globalOrder[name] = i
	}
}

// register adds every global flag to fs; a command that reads no data gets only --quiet.
func (g *globals) register(fs *flag.FlagSet, data bool) {
	if !data {
		fs.BoolVar(&g.quiet, "quiet", false, "print no progress or notes on standard error")
		return
	}
	fs.StringVar(&g.data, "data", "", "read actors.csv, contacts.csv, attendance.csv and events.csv from `DIR` (whichever exist)")
	fs.StringVar(&g.actors, "actors", "", "actors `FILE` (overrides the one in --data)")
	fs.StringVar(&g.contacts, "contacts", "", "contacts `FILE` (overrides the one in --data)")
	fs.StringVar(&g.attendance, "attendance", "", "attendance `FILE` (overrides the one in --data)")
	fs.StringVar(&g.events, "events", "", "events `FILE` (overrides the one in --data)")
	fs.StringVar(&g.format, "format", "table", "output `FORMAT`: table|csv|json")
	fs.BoolVar(&g.raw, "raw", false, "write CSV text cells as they are (no apostrophe before a leading =, +, -, @, tab or carriage return)")
	fs.BoolVar(&g.quiet, "quiet", false, "print no progress or notes on standard error")
	fs.StringVar(&g.from, "from", "", "keep only data dated on or after `DATE` (2024-03-11 = start of that day, or RFC 3339); undated rows are kept")
	fs.StringVar(&g.asOf, "as-of", "", "keep only data dated on or before `DATE` (2024-03-11 = end of that day, or RFC 3339) and measure ages from it;\nundated rows are kept; default: the newest date in the data")
	fs.StringVar(&g.halfLife, "half-life", "", "decay tie weights by age with this `DURATION` half-life (180d, 26w, 2y, or a Go duration such as 720h); default no decay")
	fs.StringVar(&g.layer, "layer", "combined", "which ties to analyse: `contacts|events|combined` (combined = contact weight + co-attendance weight)")
	fs.StringVar(&g.weighting, "weighting", "count", "co-attendance weight of shared events: `count|newman|jaccard`")
	fs.IntVar(&g.maxEventSize, "max-event-size", 0, "events with more than `N` attendees are not projected into co-attendance ties (0 = library default 1000, -1 = no limit)")
	def := graph.DefaultLimits()
	fs.IntVar(&g.maxField, "max-field-bytes", def.MaxFieldBytes, "longest CSV cell accepted, in `BYTES`")
	fs.IntVar(&g.maxRecord, "max-record-bytes", def.MaxRecordBytes, "longest CSV record accepted, in `BYTES`")
	fs.IntVar(&g.maxRows, "max-rows", def.MaxRows, "most data `ROWS` accepted per file")
	fs.IntVar(&g.maxActs, "max-actors", def.MaxActors, "most distinct `ACTORS` accepted over all files")
	fs.IntVar(&g.maxErrors, "max-errors", def.MaxErrors, "stop reading after `N` problems")
}

// check parses and validates the global flag values; data says whether the command reads a
// network. Every problem is a usage error.
func (g *globals) check(data bool) error {
	if !data {
		return nil
	}
	switch g.format {
	case "table", "csv", "json":
		g.output = g.format
	default:
		return usagef("--format %q: want table, csv or json", g.format)
	}
	if g.data == "" && g.actors == "" && g.contacts == "" && g.attendance == "" && g.events == "" {
		return usagef("no input: give --data DIR or --contacts/--attendance FILE")
	}
	var err error
	if g.opt.From, err = parseDate(g.from, false); err != nil {
		return usagef("--from: %v", err)
	}
	if g.opt.AsOf, err = parseDate(g.asOf, true); err != nil {
		return usagef("--as-of: %v", err)
	}
	if !g.opt.From.IsZero() && !g.opt.AsOf.IsZero() && g.opt.From.After(g.opt.AsOf) {
		return usagef("--from %s is after --as-of %s", g.from, g.asOf)
	}
	if g.opt.HalfLife, err = parseDuration(g.halfLife); err != nil {
		return usagef("--half-life: %v", err)
	}
	if g.lay, err = graph.ParseLayer(g.layer); err != nil {
		return usagef("--layer %q: want contacts, events or combined", g.layer)
	}
	if g.opt.Weighting, err = graph.ParseWeighting(g.weighting); err != nil {
		return usagef("--weighting %q: want count, newman or jaccard", g.weighting)
	}
	if g.maxEventSize < -1 {
		return usagef("--max-event-size %d: want a number of attendees, 0 for the default or -1 for no limit", g.maxEventSize)
	}
	g.opt.MaxEventSize = g.maxEventSize
	for _, x := range []struct {
		name string
		v    int
		dst  *int
	}{
		{"max-field-bytes", g.maxField, &g.lim.MaxFieldBytes},
		{"max-record-bytes", g.maxRecord, &g.lim.MaxRecordBytes},
		{"max-rows", g.maxRows, &g.lim.MaxRows},
		{"max-actors", g.maxActs, &g.lim.MaxActors},
		{"max-errors", g.maxErrors, &g.lim.MaxErrors},
	} {
		if x.v < 1 {
			return usagef("--%s %d: want a positive number", x.name, x.v)
		}
		*x.dst = x.v
	}
	if err := g.opt.Validate(); err != nil {
		return usagef("%v", strings.TrimPrefix(err.Error(), "graph: "))
	}
	return nil
}

// parseDate reads an ISO 8601 date (2024-03-11) or an RFC 3339 instant. A date without a
// time means the start of that day, or with endOfDay its last instant, so that --as-of
// 2024-03-11 keeps rows dated that day. "" is the zero time.
func parseDate(s string, endOfDay bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if endOfDay {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: want 2024-03-11 or 2024-03-11T09:30:00Z", s)
	}
	return t.UTC(), nil
}

// parseDuration reads Nd (days), Nw (weeks), Ny (years of 365 days), with N a non-negative
// decimal number, or a Go duration (720h). "" is zero.
func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	unit := map[byte]time.Duration{'d': 24 * time.Hour, 'w': 7 * 24 * time.Hour, 'y': 365 * 24 * time.Hour}
	if u, ok := unit[s[len(s)-1]]; ok {
		x, err := strconv.ParseFloat(s[:len(s)-1], 64)
		if err == nil && x >= 0 && !math.IsInf(x, 0) && x*float64(u) < math.MaxInt64 {
			return time.Duration(x * float64(u)), nil
		}
	} else if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return d, nil
	}
	return 0, fmt.Errorf("%q is not a duration: want a non-negative number of days, weeks or years (180d, 26w, 1.5y) or a Go duration (720h)", s)
}

// files resolves the input file paths: --data supplies whichever of the four files exist in
// DIR, and each file flag overrides its file.
func (g *globals) files() graph.Files {
	var f graph.Files
	if g.data != "" {
		for _, x := range []struct {
			name string
			dst  *string
		}{{graph.ActorsFile, &f.Actors}, {graph.ContactsFile, &f.Contacts}, {graph.AttendanceFile, &f.Attendance}, {graph.EventsFile, &f.Events}} {
			p := filepath.Join(g.data, x.name)
			if _, err := os.Stat(p); err == nil {
				*x.dst = p
			}
		}
	}
	for _, x := range []struct{ flag, dst *string }{
		{&g.actors, &f.Actors}, {&g.contacts, &f.Contacts}, {&g.attendance, &f.Attendance}, {&g.events, &f.Events},
	} {
		if *x.flag != "" {
			*x.dst = *x.flag
		}
	}
	return f
}

// An env is what a running command works with: its writers, the parsed global flags and,
// once loaded, the data.
type env struct {
	stdout, stderr io.Writer
	g              globals
	set            map[string]bool // flags given on the command line

	ds      *graph.Dataset
	net     *graph.Network
	noNotes bool // the command reports the build's notes itself
}

// dataset reads the input files once.
func (e *env) dataset() (*graph.Dataset, error) {
	if e.ds != nil {
		return e.ds, nil
	}
	var (
		d   *graph.Dataset
		err error
	)
	e.progressf("reading input...")
	if e.g.data != "" && e.g.actors == "" && e.g.contacts == "" && e.g.attendance == "" && e.g.events == "" {
		d, err = graph.ReadDir(e.g.data, e.g.lim)
	} else {
		d, err = graph.ReadFiles(e.g.files(), e.g.lim)
	}
	e.progressDone()
	if err != nil {
		return nil, err
	}
	e.ds = d
	return d, nil
}

// network reads the input and builds the network under the global options, printing the
// build's notes on standard error unless --quiet.
func (e *env) network() (*graph.Network, error) {
	if e.net != nil {
		return e.net, nil
	}
	d, err := e.dataset()
	if err != nil {
		return nil, err
	}
	n, err := graph.Build(d, e.g.opt)
	if err != nil {
		return nil, err
	}
	if !e.g.quiet && !e.noNotes {
		for _, note := range n.Notes() {
			fmt.Fprintf(e.stderr, "note: %s\n", note)
		}
	}
	e.net = n
	return n, nil
}

// actorIndex returns the index of actor id, or an error naming it and the closest known IDs.
func (e *env) actorIndex(n *graph.Network, id string) (int, error) {
	if i, ok := n.Index(strings.TrimSpace(id)); ok {
		return i, nil
	}
	return 0, unknownActor(n, id)
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
