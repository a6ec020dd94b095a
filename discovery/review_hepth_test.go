package discovery_test

import (
	"cmp"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

var hepth = sync.OnceValues(func() (*graph.Dataset, error) {
	return graph.ReadDir(filepath.Join("..", "testdata", "hepth"), graph.Limits{})
})

// hepthConfig reviews co-authorship between the end of 1994 and the end of 1996: a shared
// paper is the tie (Exclude = Combined, as for rank on co-authorship data) and its strength
// the number of shared papers (count weighting, no decay).
func hepthConfig() discovery.ReviewConfig {
	o := discovery.DefaultOptions()
	o.Exclude = graph.Combined
	return discovery.ReviewConfig{Then: rvDate(1994, 12, 31), Now: rvDate(1996, 12, 31), Rank: o}
}

// coauthors reads testdata/hepth/attendance.csv with encoding/csv alone and returns, for
// every author, the number of papers shared with each co-author among the papers whose
// author rows are dated up to cut (YYYY-MM-DD; ISO dates compare as strings).
func coauthors(t *testing.T, cut string) map[string]map[string]int {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "hepth", "attendance.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "actor,event,date" {
		t.Fatalf("header %q", got)
	}
	authors := map[string][]string{} // paper -> authors, each once
	for _, r := range rows[1:] {
		if r[2][:10] > cut {
			continue
		}
		if !slices.Contains(authors[r[1]], r[0]) {
			authors[r[1]] = append(authors[r[1]], r[0])
		}
	}
	out := map[string]map[string]int{}
	for _, as := range authors {
		for _, a := range as {
			for _, b := range as {
				if a != b {
					if out[a] == nil {
						out[a] = map[string]int{}
					}
					out[a][b]++
				}
			}
		}
	}
	return out
}

// TestReviewHepthGained checks the gained co-authors of several hep-th authors against the
// co-authors first met in 1995-1996, computed straight from the CSV rows: those who share
// a paper dated up to 1996-12-31 and none dated up to 1994-12-31, with the number of papers
// shared by 1996-12-31 as strength. The authors are the five with the most such co-authors
// and witten_e.
func TestReviewHepthGained(t *testing.T) {
	if testing.Short() {
		t.Skip("reviews on the hep-th data")
	}
	d, err := hepth()
	if err != nil {
		t.Fatal(err)
	}
	then, now := coauthors(t, "1994-12-31"), coauthors(t, "1996-12-31")
	want := map[string][]discovery.PartnerStrength{}
	for a, cs := range now {
		for b, w := range cs {
			if _, met := then[a][b]; !met {
				want[a] = append(want[a], discovery.PartnerStrength{ID: b, Strength: float64(w)})
			}
		}
	}
	var authors []string
	for a := range want {
		slices.SortFunc(want[a], func(x, y discovery.PartnerStrength) int {
			return cmp.Or(cmp.Compare(y.Strength, x.Strength), strings.Compare(x.ID, y.ID))
		})
		authors = append(authors, a)
	}
	slices.SortFunc(authors, func(x, y string) int {
		return cmp.Or(cmp.Compare(len(want[y]), len(want[x])), strings.Compare(x, y))
	})
	focals := append(authors[:5:5], "witten_e")
	// Anchors from an independent Python count of the same file (csv module).
	if authors[0] != "ferrara_s" || len(want["ferrara_s"]) != 24 || len(want["witten_e"]) != 14 {
		t.Fatalf("independent count: top %s with %d, witten_e %d; want ferrara_s 24, witten_e 14",
			authors[0], len(want[authors[0]]), len(want["witten_e"]))
	}

	rv, err := discovery.NewReviewer(d, hepthConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := rv.ReviewMany(focals)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		rvCheck(t, r.Focal+" gained", r.Gained, want[r.Focal])
		if len(r.Faded) != 0 {
			t.Errorf("%s: faded %v without a window or half-life", r.Focal, r.Faded)
		}
		if r.Reach.Now.Partners != len(now[r.Focal]) || r.Reach.Then.Partners != len(then[r.Focal]) {
			t.Errorf("%s: partners %d -> %d, want %d -> %d", r.Focal,
				r.Reach.Then.Partners, r.Reach.Now.Partners, len(then[r.Focal]), len(now[r.Focal]))
		}
	}
}

// TestReviewHepthFollowThrough checks that follow_through.recommended is the ranking of
// discovery.Rank on the network as of 1994-12-31 with the same options, in order, and that
// realised is recommended ∩ co-authors by 1996-12-31 (computed from the CSV rows).
func TestReviewHepthFollowThrough(t *testing.T) {
	if testing.Short() {
		t.Skip("reviews on the hep-th data")
	}
	d, err := hepth()
	if err != nil {
		t.Fatal(err)
	}
	c := hepthConfig()
	c.Rank.Top = 20
	n, err := graph.Build(d, graph.Options{AsOf: c.Then})
	if err != nil {
		t.Fatal(err)
	}
	now := coauthors(t, "1996-12-31")
	rv, err := discovery.NewReviewer(d, c)
	if err != nil {
		t.Fatal(err)
	}
	realisedAny := false
	for _, focal := range []string{"witten_e", "vafa_c", "ferrara_s", "strominger_a"} {
		r, err := rv.Review(focal)
		if err != nil {
			t.Fatal(err)
		}
		cands, err := discovery.Rank(n, focal, c.Rank)
		if err != nil {
			t.Fatal(err)
		}
		var rec, real []string
		for _, cd := range cands {
			rec = append(rec, cd.ID)
			if now[focal][cd.ID] > 0 {
				real = append(real, cd.ID)
			}
		}
		if real == nil {
			real = []string{}
		}
		rvCheck(t, focal+" recommended", r.FollowThrough.Recommended, rec)
		rvCheck(t, focal+" realised", r.FollowThrough.Realised, real)
		if r.FollowThrough.Top != 20 || !rvNear(r.FollowThrough.Precision, float64(len(real))/20) {
			t.Errorf("%s: top %d precision %v, want 20 and %d/20", focal, r.FollowThrough.Top, r.FollowThrough.Precision, len(real))
		}
		realisedAny = realisedAny || len(real) > 0
	}
	if !realisedAny {
		t.Error("no recommendation realised for any author: the check above compared empty lists only")
	}
}
