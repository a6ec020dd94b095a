package graph

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	dgraph "github.com/dominikbraun/graph"
	"github.com/dominikbraun/graph/draw"
)

// A Tie is one undirected tie of a layer, with A < B by ID.
type Tie struct {
	A, B   string
	Weight float64
}

// Project returns the ties of layer l, A < B by ID, sorted by A then B. For the Events layer
// this is the co-attendance projection under the Network's weighting.
func (n *Network) Project(l Layer) []Tie {
	ties := make([]Tie, 0, n.Edges(l))
	for i := range n.ids {
		nbr, w := n.Neighbors(l, i)
		for k, j := range nbr {
			if int(j) > i { // indices follow sorted-ID order, so j > i means ID(j) > ID(i)
				ties = append(ties, Tie{A: n.ids[i], B: n.ids[j], Weight: w[k]})
			}
		}
	}
	return ties
}

// attributes returns an actor's profile as strings, in a fixed key order, for exports.
func (a *Actor) attributes() [][2]string {
	attrs := [][2]string{{"name", a.Name}, {"organization", a.Organization}, {"sector", a.Sector},
		{"goals", strings.Join(a.Goals, ";")}, {"capabilities", strings.Join(a.Capabilities, ";")}}
	if a.HasCapacity {
		attrs = append(attrs, [2]string{"capacity", formatFloat(a.Capacity)})
	} else {
		attrs = append(attrs, [2]string{"capacity", ""})
	}
	return attrs
}

func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// DGraph exports layer l as an undirected dominikbraun/graph keyed by actor ID: each vertex
// is the Actor with its profile as vertex attributes, each edge carries the tie strength as
// the "weight" attribute (formatted with %g) and as its Data (a float64). The integer
// EdgeProperties.Weight is left at 0, because it would cut fractional strengths off.
func (n *Network) DGraph(l Layer) (dgraph.Graph[string, Actor], error) {
	return n.dgraph(l, func(s string) string { return s })
}

// dgraph builds the export, passing keys and attribute values through esc.
func (n *Network) dgraph(l Layer, esc func(string) string) (dgraph.Graph[string, Actor], error) {
	g := dgraph.New(func(a Actor) string { return esc(a.ID) }, dgraph.Weighted())
	for i := range n.actors {
		a := n.actors[i]
		attrs := make(map[string]string)
		for _, kv := range a.attributes() {
			if kv[1] != "" {
				attrs[kv[0]] = esc(kv[1])
			}
		}
		if err := g.AddVertex(a, dgraph.VertexAttributes(attrs)); err != nil {
			return nil, fmt.Errorf("graph: exporting %q: %w", a.ID, err)
		}
	}
	for _, t := range n.Project(l) {
		err := g.AddEdge(esc(t.A), esc(t.B), dgraph.EdgeAttribute("weight", formatFloat(t.Weight)), dgraph.EdgeData(t.Weight))
		if err != nil {
			return nil, fmt.Errorf("graph: exporting tie %q-%q: %w", t.A, t.B, err)
		}
	}
	return g, nil
}

// dotEscaper escapes backslashes, quotes and line breaks for a double-quoted DOT string.
var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// dotEscape makes s safe inside a double-quoted DOT string: quotes and backslashes are
// escaped, line breaks become \n and other control characters become U+FFFD.
func dotEscape(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t') || r == 0x7f {
			return '\uFFFD'
		}
		return r
	}, s)
	return dotEscaper.Replace(s)
}

// WriteDOT writes layer l in Graphviz DOT, drawn by dominikbraun/graph's draw.DOT: one
// statement per actor with its profile, one per tie with its weight. draw.DOT ranges over a
// map, so its statements come in random order and each undirected tie appears once from
// each end; WriteDOT sorts the statements and keeps each tie once, so the output is the same
// on every run. Every ID and attribute is escaped.
func WriteDOT(w io.Writer, n *Network, l Layer) error {
	g, err := n.dgraph(l, dotEscape)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := draw.DOT(g, &buf); err != nil {
		return fmt.Errorf("graph: drawing DOT: %w", err)
	}
	var vertices, edges []string
	seen := make(map[string]bool)
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, `"`) {
			continue
		}
		// The template always ends a statement with the integer weight, which we leave at 0.
		line = strings.Replace(line, ",  weight=0 ]", " ]", 1)
		line = strings.Replace(line, "[  weight=0 ]", "[ ]", 1)
		if src, dst, ok := dotEdgeEnds(line); ok {
			key := src + "\x00" + dst
			if dst < src {
				key = dst + "\x00" + src
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			if dst < src { // draw.DOT may list the tie from either end: write it one way
				line = dst + " -- " + src + line[len(src)+4+len(dst):]
			}
			edges = append(edges, line)
			continue
		}
		vertices = append(vertices, line)
	}
	slices.Sort(vertices)
	slices.Sort(edges)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "strict graph {\n")
	for _, s := range vertices {
		fmt.Fprintf(bw, "\t%s\n", s)
	}
	for _, s := range edges {
		fmt.Fprintf(bw, "\t%s\n", s)
	}
	fmt.Fprintf(bw, "}\n")
	return bw.Flush()
}

// dotEdgeEnds splits `"a" -- "b" [...]` into its quoted ends.
func dotEdgeEnds(line string) (src, dst string, ok bool) {
	end := quotedEnd(line)
	if end < 0 || !strings.HasPrefix(line[end:], ` -- "`) {
		return "", "", false
	}
	rest := line[end+4:]
	e2 := quotedEnd(rest)
	if e2 < 0 {
		return "", "", false
	}
	return line[:end], rest[:e2], true
}

// quotedEnd returns the index just past the DOT string that starts s.
func quotedEnd(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// WriteDir writes d as actors.csv, contacts.csv, attendance.csv and events.csv in dir
// (created if needed), in the format [ReadDir] reads, so that reading the files gives d
// back. Files for empty record lists are not written, except that contacts.csv is always
// written so that the directory can be read. Cells are written as they are: this is a data
// export, not a spreadsheet report, so no formula neutralising is applied.
func (d *Dataset) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	date := func(t time.Time) string {
		switch {
		case t.IsZero():
			return ""
		case t.Equal(t.Truncate(24 * time.Hour)):
			return t.Format(time.DateOnly)
		default:
			return t.Format(time.RFC3339Nano)
		}
	}
	write := func(name string, header []string, rows func(emit func(...string))) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("graph: %w", err)
		}
		bw := bufio.NewWriter(f)
		cw := csv.NewWriter(bw)
		cw.Write(header)
		rows(func(rec ...string) { cw.Write(rec) })
		cw.Flush()
		err = cw.Error()
		if e := bw.Flush(); err == nil {
			err = e
		}
		if e := f.Close(); err == nil {
			err = e
		}
		if err != nil {
			return fmt.Errorf("graph: writing %s: %w", name, err)
		}
		return nil
	}
	if len(d.Actors) > 0 {
		err := write(ActorsFile, actorColumns, func(emit func(...string)) {
			for _, a := range d.Actors {
				capacity := ""
				if a.HasCapacity {
					capacity = formatFloat(a.Capacity)
				}
				emit(a.ID, a.Name, a.Organization, a.Sector, strings.Join(a.Goals, ";"), strings.Join(a.Capabilities, ";"), capacity)
			}
		})
		if err != nil {
			return err
		}
	}
	err := write(ContactsFile, contactColumns, func(emit func(...string)) {
		for _, c := range d.Contacts {
			emit(c.Source, c.Target, formatFloat(c.Weight), date(c.Date), c.Kind)
		}
	})
	if err != nil {
		return err
	}
	if len(d.Attendance) > 0 {
		err := write(AttendanceFile, attendanceColumns, func(emit func(...string)) {
			for _, a := range d.Attendance {
				emit(a.Actor, a.Event, date(a.Date), a.Role)
			}
		})
		if err != nil {
			return err
		}
	}
	if len(d.Events) > 0 {
		return write(EventsFile, eventColumns, func(emit func(...string)) {
			for _, e := range d.Events {
				emit(e.ID, e.Name, date(e.Date), strings.Join(e.Topics, ";"))
			}
		})
	}
	return nil
}
