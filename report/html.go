package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
)

//go:embed page.html
var pageSource string

// page is the HTML template. html/template escapes every value by context; the one value
// marked safe is the map, which WriteSVG escapes itself.
var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"f2":  func(x float64) string { return fixed(x, 2) },
	"f3":  func(x float64) string { return fixed(x, 3) },
	"g":   func(x float64) string { return num(x) },
	"pct": func(x float64) string { return fixed(100*x, 0) + "%" },
	"opt": func(x float64) string { return fixed(x, 2) },
	"width": func(x float64) template.CSS {
		if math.IsNaN(x) {
			x = 0
		}
		x = math.Max(0, math.Min(1, x))
		return template.CSS(strconv.FormatFloat(100*x, 'f', 1, 64) + "%")
	},
	"person": func(string) Person { return Person{} }, // replaced per report
	"event":  func(id string) string { return id },    // replaced per report
}).Parse(pageSource))

// fixed formats x with d decimals; NaN and infinities print as "–".
func fixed(x float64, d int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(x, 'f', d, 64)
	if len(s) > 1 && s[0] == '-' && isZero(s[1:]) { // no "-0.00"
		s = s[1:]
	}
	return s
}

// isZero reports whether a formatted number is all zeros ("0", "0.00").
func isZero(s string) bool {
	for _, c := range s {
		if c != '0' && c != '.' {
			return false
		}
	}
	return true
}

// pageData is what the template sees: the report, its people lookup and the map as SVG.
type pageData struct {
	*Report
	MapSVG     template.HTML
	ReviewHTML template.HTML // the review section, already escaped by ReviewSection.WriteHTML
}

// WriteHTML writes the report as one self-contained HTML page: inline CSS and SVG, no
// scripts, no fonts or images fetched (a Content-Security-Policy forbids any fetch).
// Every name and attribute is escaped.
func (r *Report) WriteHTML(w io.Writer) error {
	var svg bytes.Buffer
	if r.Map != nil {
		if err := r.Map.WriteSVG(&svg, r.Positions, SVGOptions{Inline: true}); err != nil {
			return err
		}
	}
	t, err := page.Clone()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	t.Funcs(template.FuncMap{"person": r.person, "event": r.eventName})
	// The SVG is escaped by WriteSVG (encoding/xml escaping of every text and attribute).
	var rev bytes.Buffer
	if r.Review != nil {
		if err := r.Review.WriteHTML(&rev); err != nil {
			return err
		}
	}
	return t.Execute(w, pageData{Report: r, MapSVG: template.HTML(svg.String()), ReviewHTML: template.HTML(rev.String())})
}
