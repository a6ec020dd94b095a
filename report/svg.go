package report

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// SVGOptions says how a map is drawn.
type SVGOptions struct {
	// Width and Height of the drawing in pixels; 0 means 960 by 640. The legend takes the
	// rightmost 230 pixels, and the height grows when the legend needs more room.
	Width, Height int
	// Inline leaves out the XML declaration, for embedding the SVG in an HTML page.
	Inline bool
	// Title is the accessible title of the drawing; "" means "Ego-network map of <focal>".
	Title string
}

// Colours. The sector palette follows Okabe & Ito (2008), which stays distinguishable under
// the common colour-vision deficiencies, extended by three further colours; sectors beyond
// the tenth reuse the palette in order.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
	"#F0E442", "#8C6D31", "#6A3D9A", "#17BECF"}

const (
	unknownColour   = "#C4C4C4"
	tieColour       = "#8A96A3"
	candidateColour = "#1F2A6B"
	flagColour      = "#B00020"
	textColour      = "#1B1F24"
	legendWidth     = 230
	labelRunes      = 24
)

// colour returns the fill colour of sector s given the map's sorted sector list.
func (m *Map) colour(s string) string {
	if s == "" {
		return unknownColour
	}
	i, found := slices.BinarySearch(m.Sectors, s)
	if !found {
		return unknownColour
	}
	return palette[i%len(palette)]
}

// WriteSVG draws m at the positions pos (see [Layout]) as one SVG document: ties as lines
// (suggested ties to candidates dashed, red when the candidate carries a flag), actors as
// shapes coloured by sector and sized by centrality (focal actor ringed in black, candidates
// haloed and numbered by rank, introducers as squares, flagged candidates marked "!"),
// labels with names, and a legend. Every name and attribute is XML-escaped. Every node of m
// needs a position; positions of actors not on m are ignored.
func (m *Map) WriteSVG(w io.Writer, pos Positions, o SVGOptions) error {
	if err := m.Validate(); err != nil {
		return err
	}
	for _, v := range m.Nodes {
		p, ok := pos[v.ID]
		if !ok {
			return fmt.Errorf("report: no position for map node %q", v.ID)
		}
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			return fmt.Errorf("report: position of %q is not finite", v.ID)
		}
	}
	width, height := o.Width, o.Height
	if width == 0 {
		width = 960
	}
	if height == 0 {
		height = 640
	}
	if width < legendWidth+200 || height < 200 {
		return fmt.Errorf("report: map size %dx%d too small (at least %dx200)", width, height, legendWidth+200)
	}
	legend := m.legendItems()
	if need := 40 + 20*len(legend); need > height {
		height = need
	}
	title := o.Title
	if title == "" {
		title = "Ego-network map of " + m.label(m.Focal)
	}

	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	if !o.Inline {
		p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	}
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif">`+"\n",
		width, height, width, height)
	p("<title>%s</title>\n", esc(title))
	p(`<rect x="0" y="0" width="%d" height="%d" fill="#FFFFFF"/>`+"\n", width, height)

	// Drawing area: a square centred in the space left of the legend, with a margin for labels.
	const margin = 46
	areaW, areaH := float64(width-legendWidth-2*margin), float64(height-2*margin)
	side := math.Min(areaW, areaH)
	x0 := margin + (areaW-side)/2
	y0 := margin + (areaH-side)/2
	at := func(id string) (float64, float64) {
		q := pos[id]
		return x0 + q.X*side, y0 + q.Y*side
	}

	maxSize := 0.0
	for _, v := range m.Nodes {
		maxSize = math.Max(maxSize, v.Size)
	}
	radius := func(v MapNode) float64 {
		r := 9.0
		if maxSize > 0 && v.Size > 0 {
			r = 5 + 13*math.Sqrt(v.Size/maxSize)
		}
		if v.Role == Focal {
			r = math.Max(r, 11)
		}
		return r
	}

	p(`<g class="ties">` + "\n")
	for _, e := range m.Edges {
		ax, ay := at(e.A)
		bx, by := at(e.B)
		switch {
		case e.Suggested:
			c := candidateColour
			if e.Flagged {
				c = flagColour
			}
			p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.6" stroke-dasharray="6 4" stroke-opacity="0.8"><title>%s</title></line>`+"\n",
				ax, ay, bx, by, c, esc("suggested: "+m.label(e.A)+" – "+m.label(e.B)))
		default:
			sw := 1 + 0.8*math.Min(math.Log1p(e.Weight), 3)
			p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.2f" stroke-opacity="0.55"><title>%s</title></line>`+"\n",
				ax, ay, bx, by, tieColour, sw, esc(fmt.Sprintf("%s – %s (strength %s)", m.label(e.A), m.label(e.B), num(e.Weight))))
		}
	}
	p("</g>\n")

	// Nodes: contacts first, the focal actor last, so the important ones are on top.
	order := slices.Clone(m.Nodes)
	slices.SortStableFunc(order, func(a, b MapNode) int { return cmp.Compare(b.Role, a.Role) })
	p(`<g class="actors">` + "\n")
	for _, v := range order {
		x, y := at(v.ID)
		r := radius(v)
		fill := m.colour(v.Sector)
		p(`<g class="actor %s">`, v.Role)
		p("<title>%s</title>", esc(m.tooltip(v)))
		switch v.Role {
		case Focal:
			p(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#000000" stroke-width="3.5"/>`, x, y, r, fill)
		case Candidate:
			p(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="%s" stroke-width="3" stroke-opacity="0.35"/>`, x, y, r+5, candidateColour)
			p(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="%s" stroke-width="2.5"/>`, x, y, r, fill, candidateColour)
		case Introducer:
			s := r * 1.7
			p(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="2" fill="%s" stroke="#FFFFFF" stroke-width="1.5"/>`, x-s/2, y-s/2, s, s, fill)
		default:
			p(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#FFFFFF" stroke-width="1.5"/>`, x, y, r, fill)
		}
		if len(v.Flags) > 0 {
			bx, by := x+r*0.75+2, y-r*0.75-2
			p(`<circle cx="%.1f" cy="%.1f" r="6.5" fill="%s" stroke="#FFFFFF" stroke-width="1"/>`, bx, by, flagColour)
			p(`<text x="%.1f" y="%.1f" font-size="10" font-weight="700" fill="#FFFFFF" text-anchor="middle">!</text>`, bx, by+3.5)
		}
		text := shorten(v.Label)
		if v.Role == Candidate {
			text = fmt.Sprintf("%d. %s", v.Rank, text)
		}
		weight := "400"
		if v.Role == Focal || v.Role == Candidate {
			weight = "600"
		}
		p(`<text x="%.1f" y="%.1f" font-size="11.5" font-weight="%s" fill="%s" text-anchor="middle" stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round" paint-order="stroke">%s</text>`,
			x, y+r+13, weight, textColour, esc(text))
		p("</g>\n")
	}
	p("</g>\n")

	// Legend.
	lx := float64(width - legendWidth + 10)
	p(`<g class="legend" font-size="12" fill="%s">`+"\n", textColour)
	p(`<rect x="%.1f" y="10" width="%d" height="%d" rx="6" fill="#F6F7F9" stroke="#D5D9DE"/>`+"\n", lx-8, legendWidth-12, 20+20*len(legend))
	for k, it := range legend {
		y := 32 + 20*float64(k)
		switch it.kind {
		case "heading":
			p(`<text x="%.1f" y="%.1f" font-weight="700">%s</text>`+"\n", lx, y+4, esc(it.text))
			continue
		case "sector":
			p(`<circle cx="%.1f" cy="%.1f" r="6" fill="%s"/>`, lx+8, y, it.colour)
		case "focal":
			p(`<circle cx="%.1f" cy="%.1f" r="6" fill="#FFFFFF" stroke="#000000" stroke-width="3"/>`, lx+8, y)
		case "candidate":
			p(`<circle cx="%.1f" cy="%.1f" r="9" fill="none" stroke="%s" stroke-width="2.5" stroke-opacity="0.35"/><circle cx="%.1f" cy="%.1f" r="5.5" fill="#FFFFFF" stroke="%s" stroke-width="2"/>`,
				lx+8, y, candidateColour, lx+8, y, candidateColour)
		case "introducer":
			p(`<rect x="%.1f" y="%.1f" width="11" height="11" rx="2" fill="#8A8F96"/>`, lx+2.5, y-5.5)
		case "contact":
			p(`<circle cx="%.1f" cy="%.1f" r="5.5" fill="#8A8F96"/>`, lx+8, y)
		case "flag":
			p(`<circle cx="%.1f" cy="%.1f" r="6.5" fill="%s"/><text x="%.1f" y="%.1f" font-size="10" font-weight="700" fill="#FFFFFF" text-anchor="middle">!</text>`,
				lx+8, y, flagColour, lx+8, y+3.5)
		case "tie":
			p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" stroke-opacity="0.7"/>`, lx, y, lx+16, y, tieColour)
		case "suggested":
			p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="5 3"/>`, lx, y, lx+16, y, it.colour)
		}
		p(`<text x="%.1f" y="%.1f">%s</text>`+"\n", lx+24, y+4, esc(shorten(it.text)))
	}
	p("</g>\n</svg>\n")
	return bw.Flush()
}

type legendItem struct{ kind, text, colour string }

// legendItems lists the legend: the sectors of the network (and "unknown" when a drawn actor
// has none), then the roles and tie styles.
func (m *Map) legendItems() []legendItem {
	items := []legendItem{{kind: "heading", text: "Sector"}}
	for _, s := range m.Sectors {
		items = append(items, legendItem{"sector", s, m.colour(s)})
	}
	for _, v := range m.Nodes {
		if v.Sector == "" {
			items = append(items, legendItem{"sector", "unknown", unknownColour})
			break
		}
	}
	items = append(items,
		legendItem{kind: "heading", text: "On the map"},
		legendItem{kind: "focal", text: "focal actor"},
		legendItem{kind: "candidate", text: "candidate (rank)"},
		legendItem{kind: "introducer", text: "introducer"},
		legendItem{kind: "contact", text: "other contact"},
		legendItem{kind: "flag", text: "power or competitor flag"},
		legendItem{kind: "tie", text: "existing contact"},
		legendItem{kind: "suggested", text: "suggested tie", colour: candidateColour},
		legendItem{kind: "suggested", text: "suggested tie, flagged", colour: flagColour},
		legendItem{kind: "heading", text: "Size: PageRank (contacts)"},
	)
	return items
}

// label returns the display label of the actor with the given ID on the map.
func (m *Map) label(id string) string {
	i, found := slices.BinarySearchFunc(m.Nodes, id, func(v MapNode, id string) int { return cmp.Compare(v.ID, id) })
	if found {
		return m.Nodes[i].Label
	}
	return id
}

// tooltip returns the hover text of a node.
func (m *Map) tooltip(v MapNode) string {
	var b strings.Builder
	b.WriteString(v.Label)
	if v.Label != v.ID {
		fmt.Fprintf(&b, " (%s)", v.ID)
	}
	sector := v.Sector
	if sector == "" {
		sector = "unknown sector"
	}
	fmt.Fprintf(&b, "\n%s · %s", sector, v.Role)
	if v.Role == Candidate {
		fmt.Fprintf(&b, " #%d", v.Rank)
	}
	if v.Size > 0 {
		fmt.Fprintf(&b, "\nPageRank %.4f", v.Size)
	}
	if len(v.Flags) > 0 {
		fmt.Fprintf(&b, "\nflags: %s", strings.Join(v.Flags, ", "))
	}
	return b.String()
}

// esc escapes s for XML character data and attribute values; invalid characters become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

// shorten cuts s to labelRunes runes, ending it with an ellipsis when cut.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= labelRunes {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:labelRunes-1])) + "…"
}

// num formats a tie strength compactly: up to three decimals, trailing zeros dropped.
func num(x float64) string {
	s := fmt.Sprintf("%.3f", x)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
