// Package report turns a partner search into something a person can read: one
// self-contained HTML page and an ego-network map drawn as SVG.
//
// [Build] collects everything for one focal actor into a [Report] (the model):
// the actor's profile, the ranked candidates with their components, reasons and
// flags, the best introducers, events to attend, a suggested coalition with its
// power figures, and the ego [Map] with its [Positions]. Rendering is separate:
// [Report.WriteHTML] writes the page and [Report.WriteMap] the map alone.
//
//	n, err := graph.LoadDir("testdata/partners")
//	...
//	r, err := report.Build(n, report.Config{Focal: "ngo-001"})
//	...
//	err = r.WriteHTML(f)
//
// # The page
//
// The HTML page fetches nothing: styles are inline, the map is inline SVG,
// there are no scripts and no web fonts (the system font stack is used), and a
// Content-Security-Policy meta tag forbids any fetch, so the page renders the
// same offline. Every name and attribute is escaped (html/template for the
// page, encoding/xml escaping for the SVG): a name such as
// <script>alert(1)</script> appears as text.
//
// # The map
//
// A [Map] holds the focal actor, its strongest contacts, the top candidates and
// their introducers, the contact ties among them and the suggested ties to the
// candidates. [Layout] places the nodes with gonum's Eades force-directed layout
// from a fixed seed, so the same input gives the same drawing byte for byte;
// given several maps it lays out their union, so that, for example, maps of the
// same actor at two dates can be drawn with shared positions and compared.
// [Map.WriteSVG] draws a map at given positions: colour by sector (Okabe-Ito
// palette), size by PageRank, candidates haloed and numbered, introducers as
// squares, flagged candidates marked, and a legend.
//
// Output is deterministic: no clock, no map iteration order, fixed seeds and
// fixed number formats.
package report
