package graph_test

import (
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

func TestNormalizeTag(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"youth employment", "youth employment"}, // already canonical
		{"Youth Employment", "youth employment"},
		{"  youth   employment ", "youth employment"},
		{"youth\temployment", "youth employment"},
		{"youth\u00a0employment", "youth employment"}, // no-break space is white space
		{"YOUTH EMPLOYMENT", "youth employment"},
		{"\u212a-12 schools", "k-12 schools"}, // Kelvin sign folds with K and k
		{"STRASSE", "strasse"},
		{"ſtraße", "straße"}, // long s folds with S and s; ß has no simple fold to "ss"
		{"Ünïcode", "ünïcode"},
		{"a", "a"},
		{" ", ""},
		{"", ""},
		{"covid-19 / recovery", "covid-19 / recovery"},
	} {
		if got := graph.NormalizeTag(tc.in); got != tc.want {
			t.Errorf("NormalizeTag(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A canonical ASCII tag, the common case, costs no allocation.
	s := "digital skills"
	if n := testing.AllocsPerRun(100, func() { s = graph.NormalizeTag(s) }); n != 0 {
		t.Errorf("NormalizeTag of a canonical tag: %v allocations, want 0", n)
	}
}
