package score_test

import (
	"math"
	"slices"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// TestComplementarity checks the blend 0.75·share + 0.25·[sectors differ], by hand:
//
//	f: capabilities {grants, law}, sector ngo
//	a: {law, data, media}, sector business   -> new {data, media}, union {grants, law, data, media}
//	   share 2/4, sectors differ: 0.75·0.5 + 0.25 = 0.625
//	b: {grants}, sector ngo                  -> share 0/2 = 0, same sector: 0
//	c: no capabilities, sector business      -> share 0/2 = 0, sectors differ: 0.25
//	e: no capabilities, no sector; g: {data}, no sector
//	   Complementarity(e, c) = 0 (no capability data on either side, sector ignored)
//	   Complementarity(e, g) = 0.75·1 = 0.75 (e lacks everything g has; e's sector unknown)
func TestComplementarity(t *testing.T) {
	n := h4Build(t, &graph.Dataset{Actors: []graph.Actor{
		{ID: "f", Sector: "ngo", Capabilities: []string{"grants", "law"}, Profile: true},
		{ID: "a", Sector: "business", Capabilities: []string{"law", "data", "media"}, Profile: true},
		{ID: "b", Sector: "ngo", Capabilities: []string{"grants"}, Profile: true},
		{ID: "c", Sector: "business", Profile: true},
		{ID: "e", Profile: true},
		{ID: "g", Capabilities: []string{"data"}, Profile: true},
	}})
	ix := func(id string) int { return h4Index(t, n, id) }
	for _, tc := range []struct {
		focal, cand string
		want        float64
		brings      []string
	}{
		{"f", "a", 0.625, []string{"data", "media"}},
		{"f", "b", 0, nil},
		{"f", "c", 0.25, nil},
		{"e", "c", 0, nil},
		{"e", "g", 0.75, []string{"data"}},
		{"a", "f", 0.75*1.0/4 + 0.25, []string{"grants"}},
		{"f", "f", 0, nil},
	} {
		got := score.Complementarity(n, ix(tc.focal), ix(tc.cand))
		if math.IsNaN(got) || math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("Complementarity(%s, %s) = %v, want %v", tc.focal, tc.cand, got, tc.want)
		}
		if b := score.Brings(n, ix(tc.focal), ix(tc.cand)); !slices.Equal(b, tc.brings) {
			t.Errorf("Brings(%s, %s) = %q, want %q", tc.focal, tc.cand, b, tc.brings)
		}
	}
}
