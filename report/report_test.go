package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ (and docs/report.png)")

func load(t testing.TB, dir string) *graph.Network {
	t.Helper()
	n, err := graph.LoadDir(filepath.Join("..", "testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		a, b := string(got), string(want)
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("%s differs from the golden file at byte %d:\n got: %q\nwant: %q", name, i,
			a[i:min(len(a), i+120)], b[i:min(len(b), i+120)])
	}
}

// render builds the report for focal and returns its HTML and SVG.
func render(t *testing.T, n *graph.Network, c Config) (html, svg []byte) {
	t.Helper()
	r, err := Build(n, c)
	if err != nil {
		t.Fatal(err)
	}
	var h, s bytes.Buffer
	if err := r.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteMap(&s); err != nil {
		t.Fatal(err)
	}
	return h.Bytes(), s.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct{ Name, Dir, Focal string }{
		{"partners", "partners", "ngo-008"},
		{"florentine", "florentine", "medici"},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			html, svg := render(t, load(t, tc.Dir), Config{Focal: tc.Focal})
			golden(t, tc.Name+".html", html)
			golden(t, tc.Name+".svg", svg)
		})
	}
}

// TestDeterministic builds the same report twice, from two separately loaded networks, and
// expects identical bytes.
func TestDeterministic(t *testing.T) {
	h1, s1 := render(t, load(t, "partners"), Config{Focal: "ngo-008", Seed: 7})
	h2, s2 := render(t, load(t, "partners"), Config{Focal: "ngo-008", Seed: 7})
	if !bytes.Equal(h1, h2) || !bytes.Equal(s1, s2) {
		t.Fatal("two builds of the same report differ")
	}
	_, s3 := render(t, load(t, "partners"), Config{Focal: "ngo-008", Seed: 8})
	if bytes.Equal(s1, s3) {
		t.Error("a different layout seed gave the same drawing")
	}
}

// TestNewMap checks the map of the Medici against the marriage list in
// testdata/florentine/contacts.csv, with one hand-made candidate (Strozzi, introduced by
// Ridolfi). The Medici married into acciaiuoli, albizzi, barbadori, ridolfi, salviati and
// tornabuoni; among those families only ridolfi-tornabuoni are married; strozzi adds its
// marriage to ridolfi (its others, bischeri, castellani and peruzzi, are not drawn).
func TestNewMap(t *testing.T) {
	n := load(t, "florentine")
	cands := []discovery.Candidate{{Focal: "medici", ID: "strozzi", Rank: 1,
		Introducers: []discovery.Introducer{{ID: "ridolfi", Strength: 1}},
		Flags:       []score.Flag{{Kind: score.ResourceAsymmetry}, {Kind: score.Dependence}, {Kind: score.Dependence}}}}
	m, err := NewMap(n, "medici", cands, nil, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range m.Nodes {
		got = append(got, v.ID+":"+v.Role.String())
	}
	want := []string{"acciaiuoli:contact", "albizzi:contact", "barbadori:contact", "medici:focal",
		"ridolfi:introducer", "salviati:contact", "strozzi:candidate", "tornabuoni:contact"}
	if !slices.Equal(got, want) {
		t.Errorf("nodes\n got %v\nwant %v", got, want)
	}
	got = nil
	for _, e := range m.Edges {
		s := e.A + "-" + e.B
		if e.Suggested {
			s += " suggested"
		}
		if e.Flagged {
			s += " flagged"
		}
		got = append(got, s)
	}
	want = []string{"acciaiuoli-medici", "albizzi-medici", "barbadori-medici", "medici-ridolfi",
		"medici-salviati", "medici-tornabuoni", "ridolfi-strozzi", "ridolfi-tornabuoni",
		"medici-strozzi suggested flagged"}
	if !slices.Equal(got, want) {
		t.Errorf("edges\n got %v\nwant %v", got, want)
	}
	if s := m.Nodes[6]; s.Rank != 1 || !slices.Equal(s.Flags, []string{"dependence", "resource_asymmetry"}) {
		t.Errorf("strozzi: rank %d flags %v, want 1 [dependence resource_asymmetry]", s.Rank, s.Flags)
	}
	if !slices.Equal(m.Sectors, nil) {
		t.Errorf("florentine has no sectors, got %v", m.Sectors)
	}

	// MaxContacts 2: all ties weigh 1, so the first two partners by ID, plus the introducer.
	m, err = NewMap(n, "medici", cands, nil, MapOptions{MaxContacts: 2})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, v := range m.Nodes {
		got = append(got, v.ID)
	}
	if want := []string{"acciaiuoli", "albizzi", "medici", "ridolfi", "strozzi"}; !slices.Equal(got, want) {
		t.Errorf("MaxContacts 2: got %v, want %v", got, want)
	}
}

func TestErrors(t *testing.T) {
	n := load(t, "florentine")
	var unknown *discovery.UnknownIDError
	if _, err := Build(n, Config{Focal: "medicis"}); !errors.As(err, &unknown) {
		t.Errorf("unknown focal: got %v, want *discovery.UnknownIDError", err)
	}
	if _, err := Build(n, Config{}); err == nil {
		t.Error("no focal actor: no error")
	}
	if _, err := Build(n, Config{Focal: "medici", Top: -1}); err == nil {
		t.Error("negative Top: no error")
	}
	if _, err := NewMap(n, "medici", nil, []float64{1}, MapOptions{}); err == nil {
		t.Error("sizes of the wrong length: no error")
	}
	if _, err := NewMap(n, "medici", []discovery.Candidate{{ID: "medici"}}, nil, MapOptions{}); err == nil {
		t.Error("focal as its own candidate: no error")
	}
	if _, err := NewMap(n, "medici", []discovery.Candidate{{ID: "nobody"}}, nil, MapOptions{}); err == nil {
		t.Error("unknown candidate: no error")
	}
	m, err := NewMap(n, "medici", nil, nil, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pos := Layout(1, m)
	delete(pos, "albizzi")
	if err := m.WriteSVG(io.Discard, pos, SVGOptions{}); err == nil {
		t.Error("missing position: no error")
	}
	if err := m.WriteSVG(io.Discard, Layout(1, m), SVGOptions{Width: 100, Height: 100}); err == nil {
		t.Error("tiny drawing: no error")
	}
}

// TestSharedLayout draws two maps with the positions of their union, as a before/after
// review does: every node of both maps has a position in [0,1]², and a node on both maps
// sits at the same place in both drawings.
func TestSharedLayout(t *testing.T) {
	n := load(t, "florentine")
	before, err := NewMap(n, "medici", nil, nil, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	after, err := NewMap(n, "medici", []discovery.Candidate{{ID: "strozzi", Rank: 1,
		Introducers: []discovery.Introducer{{ID: "ridolfi", Strength: 1}}}}, nil, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pos := Layout(3, before, after)
	if len(pos) != len(after.Nodes) { // after's nodes include before's
		t.Fatalf("%d positions for %d nodes", len(pos), len(after.Nodes))
	}
	for id, p := range pos {
		if p.X < 0 || p.X > 1 || p.Y < 0 || p.Y > 1 {
			t.Errorf("%s at %v, outside the unit square", id, p)
		}
	}
	var b1, b2 bytes.Buffer
	if err := before.WriteSVG(&b1, pos, SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := after.WriteSVG(&b2, pos, SVGOptions{}); err != nil {
		t.Fatal(err)
	}
	c1, c2 := circles(t, b1.Bytes()), circles(t, b2.Bytes())
	if len(c1) != len(before.Nodes) || len(c2) != len(after.Nodes) {
		t.Fatalf("found %d and %d shapes for %d and %d nodes", len(c1), len(c2), len(before.Nodes), len(after.Nodes))
	}
	for id, xy := range c1 {
		if math.Abs(xy[0]-c2[id][0]) > 0.11 || math.Abs(xy[1]-c2[id][1]) > 0.11 { // drawn to 0.1 px
			t.Errorf("%s drawn at %v before and %v after", id, xy, c2[id])
		}
	}
}

// circles returns the centre of each actor's shape, by the actor ID in its tooltip.
func circles(t *testing.T, svg []byte) map[string][2]float64 {
	t.Helper()
	out := map[string][2]float64{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var inActor, inTitle bool
	var id string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch {
			case tok.Name.Local == "g" && strings.HasPrefix(attr["class"], "actor "):
				inActor, id = true, ""
			case inActor && tok.Name.Local == "title":
				inTitle = true
			case inActor && id != "" && tok.Name.Local == "circle" && attr["fill"] != "none":
				if _, seen := out[id]; !seen {
					x, _ := strconv.ParseFloat(attr["cx"], 64)
					y, _ := strconv.ParseFloat(attr["cy"], 64)
					out[id] = [2]float64{x, y}
				}
			case inActor && id != "" && tok.Name.Local == "rect":
				x, _ := strconv.ParseFloat(attr["x"], 64)
				y, _ := strconv.ParseFloat(attr["y"], 64)
				w, _ := strconv.ParseFloat(attr["width"], 64)
				out[id] = [2]float64{x + w/2, y + w/2}
			}
		case xml.CharData:
			if inTitle {
				// Florentine actors: the tooltip starts "Name (id)".
				s := string(tok)
				if i, j := strings.Index(s, "("), strings.Index(s, ")"); i >= 0 && j > i {
					id = s[i+1 : j]
				}
			}
		case xml.EndElement:
			if tok.Name.Local == "title" {
				inTitle = false
			}
			if tok.Name.Local == "g" {
				inActor = false
			}
		}
	}
}

// hostile is a small in-memory dataset whose names, sectors, goals and IDs try to break
// out of HTML and SVG.
func hostile(t testing.TB) *graph.Network {
	t.Helper()
	const script = "<script>alert(1)</script>"
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "a", Name: script, Organization: `"><img src=x onerror=alert(2)>`, Sector: "<b>ngo</b>",
				Goals: []string{"<i>clean water</i>", "x&y"}, Capabilities: []string{"</style><script>alert(3)</script>"}},
			{ID: "b<svg onload=alert(4)>", Name: "Bob ' \" & <", Sector: "<b>ngo</b>",
				Goals: []string{"<i>clean water</i>"}, Capabilities: []string{"money]]>"}},
			{ID: "c", Name: "Carol</title><script>alert(5)</script>", Sector: "gov</text>",
				Goals: []string{"<i>clean water</i>", "x&y"}, Capabilities: []string{"<style>"}},
			{ID: "d", Name: "Dan\u0000\u001b", Sector: "gov</text>"},
		},
		Contacts: []graph.Contact{
			{Source: "a", Target: "d", Weight: 1},
			{Source: "d", Target: "c", Weight: 2},
			{Source: "d", Target: "b<svg onload=alert(4)>", Weight: 1},
		},
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestEscaping renders the hostile dataset: the SVG must parse as XML with no element other
// than the drawing's own, the hostile name must come back as text, and neither output may
// contain a raw <script or an unescaped attribute.
func TestEscaping(t *testing.T) {
	n := hostile(t)
	r, err := Build(n, Config{Focal: "a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Candidates) == 0 {
		t.Fatal("no candidates: the hostile names would not be drawn")
	}
	var html, svg bytes.Buffer
	if err := r.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteMap(&svg); err != nil {
		t.Fatal(err)
	}

	allowed := map[string]bool{"svg": true, "title": true, "rect": true, "g": true, "line": true, "circle": true, "text": true}
	dec := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if !allowed[tok.Name.Local] {
				t.Errorf("unexpected element <%s> in the SVG", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("event-handler attribute %s in the SVG", a.Name.Local)
				}
			}
		case xml.CharData:
			text.Write(tok)
		}
	}
	for _, want := range []string{"<script>alert(1)</script>", "Carol</title><script>alert(5)</script>"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the SVG text does not contain %q", want)
		}
	}
	for name, out := range map[string]string{"SVG": svg.String(), "HTML": html.String()} {
		low := strings.ToLower(out)
		for _, bad := range []string{"<script", "<img", "<svg onload", "<b>ngo", "<i>clean", "</style><", "]]>"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s contains raw %q", name, bad)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s does not show the hostile name as escaped text", name)
		}
	}
	if strings.Count(strings.ToLower(html.String()), "<svg") != 1 {
		t.Error("the HTML should contain exactly one <svg> element, the map")
	}
}
