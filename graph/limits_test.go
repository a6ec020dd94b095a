package graph_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

// TestLimits exceeds each limit by one and checks the error names the limit and how to
// raise it; at the limit the same input loads.
func TestLimits(t *testing.T) {
	rows := func(n int) string {
		var b strings.Builder
		b.WriteString("source,target\n")
		for i := range n {
			fmt.Fprintf(&b, "a%d,b%d\n", i, i)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name     string
		data     string
		lim, ok  graph.Limits
		want     string
		wantLine int
	}{
		{"MaxFieldBytes", "source,target\na,bbbbbbbbbb\n", graph.Limits{MaxFieldBytes: 9}, graph.Limits{MaxFieldBytes: 10},
			`contacts.csv:2:2: target "bbbbbbbbbb": limit exceeded: field longer than 9 bytes (raise Limits.MaxFieldBytes, --max-field-bytes)`, 2},
		{"MaxRecordBytes", "source,target\na,\"" + strings.Repeat("b\n", 50000) + "\"\n", graph.Limits{MaxRecordBytes: 1000}, graph.Limits{MaxRecordBytes: 200000, MaxFieldBytes: 200000},
			`contacts.csv:2:1: limit exceeded: a record longer than 1000 bytes (raise Limits.MaxRecordBytes, --max-record-bytes)`, 2},
		{"MaxRows", rows(4), graph.Limits{MaxRows: 3}, graph.Limits{MaxRows: 4},
			`contacts.csv:5:1: limit exceeded: more than 3 rows (raise Limits.MaxRows, --max-rows)`, 5},
		{"MaxActors", rows(3), graph.Limits{MaxActors: 5}, graph.Limits{MaxActors: 6},
			`contacts.csv: limit exceeded: more than 5 distinct actors (raise Limits.MaxActors, --max-actors)`, 0},
		{"MaxErrors", "source,target\n,a\n,b\n,c\n", graph.Limits{MaxErrors: 2}, graph.Limits{},
			"contacts.csv:2:1: source: empty id\ncontacts.csv:3:1: source: empty id\ncontacts.csv:4:1: limit exceeded: stopped after 2 problems (raise Limits.MaxErrors, --max-errors)", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeDir(t, map[string]string{"contacts.csv": tc.data})
			d, err := graph.ReadDir(dir, tc.lim)
			if d != nil || !errors.Is(err, graph.ErrLimit) {
				t.Fatalf("got dataset %v, error %v; want ErrLimit", d != nil, err)
			}
			if got := strings.ReplaceAll(err.Error(), dir+"/", ""); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			var le *graph.LoadError
			if errors.As(err, &le) && le.Line != tc.wantLine {
				t.Errorf("line %d, want %d", le.Line, tc.wantLine)
			}
			if tc.name == "MaxErrors" {
				return
			}
			if _, err := graph.ReadDir(dir, tc.ok); err != nil {
				t.Errorf("at the limit: %v", err)
			}
		})
	}
	def := graph.DefaultLimits()
	if def.MaxFieldBytes != 64<<10 || def.MaxRows != 20_000_000 || def.MaxActors != 10_000_000 || def.MaxErrors != 100 {
		t.Errorf("default limits changed: %+v", def)
	}
}

// TestHugeEvent: one event with 20,000 attendees plus two small events. The big event stays
// in the incidence but is not projected (its 199,990,000 pairs would need gigabytes), Notes
// says so, and the small events are projected as usual. Peak heap is measured with
// runtime.MemStats around Build and the projection and must stay under 1 GiB.
func TestHugeEvent(t *testing.T) {
	const big = 20000
	d := &graph.Dataset{}
	for i := range big {
		d.Attendance = append(d.Attendance, graph.Attendance{Actor: fmt.Sprintf("p%05d", i), Event: "huge"})
	}
	d.Attendance = append(d.Attendance,
		graph.Attendance{Actor: "p00000", Event: "small"}, graph.Attendance{Actor: "p00001", Event: "small"},
		graph.Attendance{Actor: "p00001", Event: "tiny"}, graph.Attendance{Actor: "p00002", Event: "tiny"})
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Count weighting: only the two small events are projected.
	if got, want := ties(n.Project(graph.Events)), "p00000-p00001:1 p00001-p00002:1"; got != want {
		t.Errorf("events layer: got %s, want %s", got, want)
	}
	runtime.ReadMemStats(&after)
	t.Logf("Build + projection of a %d-attendee event: %.1f MiB allocated", big, float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<30 {
		t.Errorf("allocated %d bytes, want < 1 GiB", alloc)
	}
	e, _ := n.EventIndex("huge")
	if got := len(n.Attendees(e)); got != big {
		t.Errorf("huge event has %d attendees in the incidence, want %d", got, big)
	}
	want := "1 events with more than 1000 attendees are kept in the incidence but not projected into the events layer (raise Options.MaxEventSize, --max-event-size)"
	if notes := n.Notes(); len(notes) != 1 || notes[0] != want {
		t.Errorf("notes: %q, want [%q]", notes, want)
	}
	if got := n.Options().MaxEventSize; got != 1000 || graph.DefaultMaxEventSize != 1000 {
		t.Errorf("resolved MaxEventSize %d, want 1000", got)
	}
	// MaxEventSize 1 leaves every event with two or more attendees out of the projection.
	n2, err := graph.Build(d, graph.Options{MaxEventSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := n2.Edges(graph.Events); got != 0 {
		t.Errorf("MaxEventSize 1: %d ties, want 0", got)
	}
	if len(n2.Notes()) != 1 || !strings.HasPrefix(n2.Notes()[0], "3 events with more than 1 attendees") {
		t.Errorf("MaxEventSize 1 notes: %q", n2.Notes())
	}
}
