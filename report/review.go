package report

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

// A ReviewSection is the picture of a [discovery.Review]: the focal actor's ego map at both
// dates, laid out together so that every actor keeps its place, with the ties gained by
// Now highlighted and those faded since Then greyed, and the focal actor's measures as
// before/after bars.
type ReviewSection struct {
	Review *discovery.ReviewResult `json:"review"`
	// Then and Now are the ego maps at the two dates (no candidates); nil when the focal
	// actor is not in the network on that side.
	Then, Now *Map `json:"-"`
	// Positions is one layout of both maps (see Layout).
	Positions Positions `json:"-"`
}

// reviewMaxContacts is the number of strongest contacts drawn on each side of a review,
// besides the gained and faded partners, which are always drawn.
const reviewMaxContacts = 25

// BuildReview reviews focal with rv and builds the two ego maps on the partner layer
// (rv.Config().Rank.Exclude), each showing the focal actor's strongest contacts on that side
// (up to 25, sized by PageRank) plus every gained (on the Now map) and faded (on the Then
// map) partner, laid out together from seed (0 means 1).
func BuildReview(rv *discovery.Reviewer, focal string, seed uint64) (*ReviewSection, error) {
	res, err := rv.Review(focal)
	if err != nil {
		return nil, err
	}
	if seed == 0 {
		seed = 1
	}
	layer := rv.Config().Rank.Exclude
	s := &ReviewSection{Review: res}
	var maps []*Map
	for _, side := range []struct {
		n    *graph.Network
		keep []discovery.PartnerStrength
		dst  **Map
	}{{rv.Then(), res.Faded, &s.Then}, {rv.Now(), res.Gained, &s.Now}} {
		if _, ok := side.n.Index(focal); !ok {
			continue
		}
		m, err := NewMap(side.n, focal, nil, nil, MapOptions{Layer: layer, MaxContacts: reviewMaxContacts})
		if err != nil {
			return nil, err
		}
		if err := addPartners(m, side.n, layer, side.keep); err != nil {
			return nil, err
		}
		*side.dst = m
		maps = append(maps, m)
	}
	s.Positions = Layout(seed, maps...)
	return s, nil
}

// addPartners adds the partners ps (and their ties to the actors drawn) to m when the
// strongest-contacts cut left them out.
func addPartners(m *Map, n *graph.Network, l graph.Layer, ps []discovery.PartnerStrength) error {
	drawn := make(map[string]bool, len(m.Nodes))
	for _, v := range m.Nodes {
		drawn[v.ID] = true
	}
	var added []string
	for _, p := range ps {
		if drawn[p.ID] {
			continue
		}
		i, ok := n.Index(p.ID)
		if !ok {
			return fmt.Errorf("report: unknown partner %q", p.ID)
		}
		a := n.Actor(i)
		m.Nodes = append(m.Nodes, MapNode{ID: a.ID, Label: label(a), Sector: a.Sector, Role: Contact})
		drawn[p.ID] = true
		added = append(added, p.ID)
	}
	if len(added) == 0 {
		return nil
	}
	slices.SortFunc(m.Nodes, func(x, y MapNode) int { return cmpString(x.ID, y.ID) })
	var edges []MapEdge
	seen := map[[2]string]bool{}
	for _, e := range m.Edges {
		seen[[2]string{e.A, e.B}] = true
	}
	for _, id := range added {
		i, _ := n.Index(id)
		nb, w := n.Neighbors(l, i)
		for k, j := range nb {
			b := n.ID(int(j))
			if !drawn[b] {
				continue
			}
			e := MapEdge{A: id, B: b, Weight: w[k]}
			if e.B < e.A {
				e.A, e.B = e.B, e.A
			}
			if !seen[[2]string{e.A, e.B}] {
				seen[[2]string{e.A, e.B}] = true
				edges = append(edges, e)
			}
		}
	}
	m.Edges = append(m.Edges, edges...)
	slices.SortFunc(m.Edges, func(x, y MapEdge) int {
		if c := cmpString(x.A, y.A); c != 0 {
			return c
		}
		return cmpString(x.B, y.B)
	})
	return m.Validate()
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Review drawing colours: gained ties in the palette's bluish green, faded ties light grey.
const (
	gainedColour = "#009E73"
	fadedColour  = "#BBBBBB"
	thenBar      = "#9AA5B1"
	nowBar       = "#0072B2"
)

// WriteSVG draws the review as one SVG document: the Then and Now maps side by side at the
// shared positions (the Now map's gained ties thick and green, the Then map's faded ties
// dashed and grey, nodes coloured by sector as on the ego map, the focal actor ringed), and
// below them the percentile of each measure at both dates as a pair of bars. o.Width and
// o.Height default to 960 by 760; o.Title to "Review of <focal>".
func (s *ReviewSection) WriteSVG(w io.Writer, o SVGOptions) error {
	if s.Review == nil {
		return fmt.Errorf("report: empty review section")
	}
	width, height := o.Width, o.Height
	if width == 0 {
		width = 960
	}
	if height == 0 {
		height = 760
	}
	if width < 600 || height < 500 {
		return fmt.Errorf("report: review size %dx%d too small (at least 600x500)", width, height)
	}
	r := s.Review
	title := o.Title
	if title == "" {
		title = "Review of " + r.Focal
	}
	// Sectors of both maps, for one colour scheme.
	var sectors []string
	for _, m := range []*Map{s.Then, s.Now} {
		if m != nil {
			sectors = append(sectors, m.Sectors...)
		}
	}
	slices.Sort(sectors)
	sectors = slices.Compact(sectors)
	colour := (&Map{Sectors: sectors}).colour

	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	if !o.Inline {
		p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	}
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif">`+"\n",
		width, height, width, height)
	p("<title>%s</title>\n", esc(title))
	p(`<rect x="0" y="0" width="%d" height="%d" fill="#FFFFFF"/>`+"\n", width, height)

	barsH := 190
	mapH := height - barsH
	panelW := width / 2
	gained := map[string]bool{}
	for _, g := range r.Gained {
		gained[g.ID] = true
	}
	faded := map[string]bool{}
	for _, f := range r.Faded {
		faded[f.ID] = true
	}
	for k, panel := range []struct {
		m       *Map
		heading string
		mark    map[string]bool
	}{{s.Then, "Then, " + r.Then, faded}, {s.Now, "Now, " + r.Now, gained}} {
		x0 := float64(k * panelW)
		p(`<text x="%.1f" y="24" font-size="15" font-weight="600" fill="%s">%s</text>`+"\n", x0+16, textColour, esc(panel.heading))
		if panel.m == nil {
			p(`<text x="%.1f" y="%d" font-size="13" fill="%s">%s is not in the network yet</text>`+"\n", x0+16, mapH/2, textColour, esc(r.Focal))
			continue
		}
		const margin = 72
		side := math.Min(float64(panelW-2*margin), float64(mapH-2*margin))
		ox := x0 + (float64(panelW)-side)/2
		oy := 30 + (float64(mapH-30)-side)/2
		at := func(id string) (float64, float64) {
			q := s.Positions[id]
			return ox + q.X*side, oy + q.Y*side
		}
		for _, e := range panel.m.Edges {
			if _, ok := s.Positions[e.A]; !ok {
				return fmt.Errorf("report: no position for %q", e.A)
			}
			if _, ok := s.Positions[e.B]; !ok {
				return fmt.Errorf("report: no position for %q", e.B)
			}
			ax, ay := at(e.A)
			bx, by := at(e.B)
			other := ""
			switch r.Focal {
			case e.A:
				other = e.B
			case e.B:
				other = e.A
			}
			style := fmt.Sprintf(`stroke="%s" stroke-width="1.2"`, tieColour)
			if other != "" && panel.mark[other] {
				if k == 0 {
					style = fmt.Sprintf(`stroke="%s" stroke-width="2" stroke-dasharray="5 4"`, fadedColour)
				} else {
					style = fmt.Sprintf(`stroke="%s" stroke-width="3.5"`, gainedColour)
				}
			}
			p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" %s><title>%s – %s: %s</title></line>`+"\n",
				ax, ay, bx, by, style, esc(e.A), esc(e.B), num(e.Weight))
		}
		for _, v := range panel.m.Nodes {
			x, y := at(v.ID)
			rad, ring := 6.0, `stroke="#FFFFFF" stroke-width="1"`
			if v.ID == r.Focal {
				rad, ring = 10, `stroke="#000000" stroke-width="2.5"`
			}
			p(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" %s><title>%s</title></circle>`+"\n",
				x, y, rad, colour(v.Sector), ring, esc(v.Label))
			p(`<text x="%.1f" y="%.1f" font-size="10" fill="%s">%s</text>`+"\n", x+rad+2, y+3, textColour, esc(shorten(v.Label)))
		}
	}
	// Legend of the ties.
	ly := float64(mapH) - 8
	p(`<line x1="16" y1="%.1f" x2="46" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="5 4"/>`+"\n", ly, ly, fadedColour)
	p(`<text x="52" y="%.1f" font-size="11" fill="%s">faded since then</text>`+"\n", ly+4, textColour)
	p(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="3.5"/>`+"\n", panelW+16, ly, panelW+46, ly, gainedColour)
	p(`<text x="%d" y="%.1f" font-size="11" fill="%s">gained by now</text>`+"\n", panelW+52, ly+4, textColour)

	// Measures: percentile bars, then (grey) above now (blue).
	y := float64(mapH) + 24
	p(`<text x="16" y="%.1f" font-size="13" font-weight="600" fill="%s">Position among all actors (percentile; then grey, now blue)</text>`+"\n", y, textColour)
	labelW, barW := 120.0, float64(width)-120-16-90
	for _, m := range []struct {
		name string
		m    discovery.Measure
	}{
		{"degree", r.Measures.Degree}, {"betweenness", r.Measures.Betweenness}, {"PageRank", r.Measures.PageRank},
		{"constraint", r.Measures.Constraint}, {"effective size", r.Measures.EffectiveSize},
	} {
		y += 30
		p(`<text x="16" y="%.1f" font-size="12" fill="%s">%s</text>`+"\n", y+4, textColour, m.name)
		for k, b := range []struct {
			pct, v float64
			fill   string
			dy     float64
		}{{m.m.PercentileThen, m.m.Then, thenBar, -6}, {m.m.PercentileNow, m.m.Now, nowBar, 5}} {
			wpx := 0.0
			if !math.IsNaN(b.pct) {
				wpx = b.pct * barW
			}
			when := [2]string{r.Then, r.Now}[k]
			p(`<rect x="%.1f" y="%.1f" width="%.1f" height="9" fill="%s"><title>%s %s: %s (percentile %s)</title></rect>`+"\n",
				16+labelW, y+b.dy-4, wpx, b.fill, esc(m.name), when, fixed(b.v, 4), pctText(b.pct))
			p(`<text x="%.1f" y="%.1f" font-size="10" fill="%s">%s</text>`+"\n", 16+labelW+wpx+4, y+b.dy+4, textColour, pctText(b.pct))
		}
	}
	p("</svg>\n")
	return bw.Flush()
}

func pctText(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fixed(100*x, 0) + "%"
}

// reviewHTML is the review section of a page. html/template escapes every value; the one
// value marked safe is the drawing, which WriteSVG escapes itself.
var reviewHTML = template.Must(template.New("review").Funcs(template.FuncMap{
	"f2":  func(x float64) string { return fixed(x, 2) },
	"pct": pctText,
}).Parse(`<section class="review">
<h2>Review, {{.R.Then}} to {{.R.Now}}</h2>
<p>{{.R.Summary}}</p>
{{.SVG}}
<table>
<thead><tr><th>partners</th><th>{{.R.Then}}</th><th>{{.R.Now}}</th></tr></thead>
<tbody>
<tr><td>number</td><td>{{.R.Reach.Then.Partners}}</td><td>{{.R.Reach.Now.Partners}}</td></tr>
<tr><td>sectors</td><td>{{.R.Reach.Then.Sectors}}</td><td>{{.R.Reach.Now.Sectors}}</td></tr>
<tr><td>organisations</td><td>{{.R.Reach.Then.Organizations}}</td><td>{{.R.Reach.Now.Organizations}}</td></tr>
<tr><td>goal coverage</td><td>{{pct .R.GoalCoverage.Then}}</td><td>{{pct .R.GoalCoverage.Now}}</td></tr>
</tbody>
</table>
{{if .R.Gained}}<p>Gained: {{range $i, $p := .R.Gained}}{{if $i}}, {{end}}{{$p.ID}} ({{f2 $p.Strength}}){{end}}.</p>{{end}}
{{if .R.Faded}}<p>Faded: {{range $i, $p := .R.Faded}}{{if $i}}, {{end}}{{$p.ID}} ({{f2 $p.Strength}}){{end}}.</p>{{end}}
<p>Follow-through: {{len .R.FollowThrough.Realised}} of the top {{.R.FollowThrough.Top}} candidates at {{.R.Then}} became partners{{if .R.FollowThrough.Realised}} ({{range $i, $id := .R.FollowThrough.Realised}}{{if $i}}, {{end}}{{$id}}{{end}}){{end}}.</p>
</section>
`))

// WriteHTML writes the review as an HTML fragment (a <section> with the summary, the drawing
// inline, the reach table, gained and faded partners and the follow-through) for inclusion in
// a page such as the partner report. Every value is escaped.
func (s *ReviewSection) WriteHTML(w io.Writer) error {
	var svg bytes.Buffer
	if err := s.WriteSVG(&svg, SVGOptions{Inline: true}); err != nil {
		return err
	}
	return reviewHTML.Execute(w, struct {
		R   *discovery.ReviewResult
		SVG template.HTML
	}{s.Review, template.HTML(svg.String())}) // the SVG is escaped by WriteSVG
}
