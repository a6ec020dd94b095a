package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/report"
)

// reviewSectionData: f met a and b in 2020 and c (named with markup) and d in 2022; with a
// one-year window at then = 2020-12-31 and now = 2022-12-31, a and b have faded and c and d
// are gained. b and d are tied to each other in 2022 as well.
func reviewSectionData() *graph.Dataset {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	c := func(a, b string, t time.Time) graph.Contact {
		return graph.Contact{Source: a, Target: b, Weight: 1, Date: t}
	}
	return &graph.Dataset{
		Actors: []graph.Actor{{ID: "c", Name: "<script>alert(1)</script>", Sector: "ngo", Profile: true}},
		Contacts: []graph.Contact{
			c("f", "a", day(2020, 5, 1)), c("f", "b", day(2020, 6, 1)),
			c("f", "c", day(2022, 5, 1)), c("f", "d", day(2022, 6, 1)), c("b", "d", day(2022, 7, 1)),
		},
	}
}

func TestReviewSection(t *testing.T) {
	rv, err := discovery.NewReviewer(reviewSectionData(), discovery.ReviewConfig{
		Then: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC), Now: time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC),
		Window: 365 * 24 * time.Hour,
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [2]string
	for k := range out {
		s, err := report.BuildReview(rv, "f", 0)
		if err != nil {
			t.Fatal(err)
		}
		if s.Then == nil || s.Now == nil {
			t.Fatal("a map is missing")
		}
		for _, m := range []*report.Map{s.Then, s.Now} {
			for _, v := range m.Nodes {
				if _, ok := s.Positions[v.ID]; !ok {
					t.Errorf("no position for %s", v.ID)
				}
			}
		}
		var b bytes.Buffer
		if err := s.WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		out[k] = b.String()
	}
	if out[0] != out[1] {
		t.Error("two renderings differ")
	}
	h := out[0]
	// Faded: f-a and f-b on the then map (dashed); gained: f-c and f-d on the now map (thick);
	// b-d is an ordinary tie on the now map. The legend draws one sample line of each kind.
	if got := strings.Count(h, `stroke-dasharray="5 4"`); got != 2+1 {
		t.Errorf("%d dashed lines, want 2 faded ties and the legend", got)
	}
	if got := strings.Count(h, `stroke-width="3.5"`); got != 2+1 {
		t.Errorf("%d thick lines, want 2 gained ties and the legend", got)
	}
	if strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") {
		t.Error("the actor name is not escaped")
	}
	for _, s := range []string{"Review, 2020-12-31 to 2022-12-31", "Gained: c (1.00), d (1.00).", "Faded: a (1.00), b (1.00)."} {
		if !strings.Contains(h, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}
