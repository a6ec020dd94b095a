package graph

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
)

// TestIDTable checks the table against a map: numbers in order of first sight, one shared
// copy per ID, through many growths.
func TestIDTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	tab := newIDTable()
	want := make(map[string]int32)
	shared := make(map[string]string)
	for i := 0; i < 200000; i++ {
		var s string
		switch rng.IntN(3) {
		case 0:
			s = fmt.Sprintf("actor-%06d", rng.IntN(60000))
		case 1:
			s = strings.Repeat("x", rng.IntN(40)) // short, long and empty keys
		default:
			s = fmt.Sprint(rng.Uint64())
		}
		got, k := tab.intern(strings.Clone(s))
		if got != s {
			t.Fatalf("intern(%q) returned %q", s, got)
		}
		n, seen := want[s]
		if !seen {
			n = int32(len(want))
			want[s] = n
			shared[s] = got
		}
		if k != n {
			t.Fatalf("intern(%q) = %d, want %d", s, k, n)
		}
		if len(s) > 0 && unsafe.StringData(got) != unsafe.StringData(shared[s]) {
			t.Fatalf("intern(%q) returned a new copy", s)
		}
	}
	if len(tab.ids) != len(want) || 2*len(tab.ids) > len(tab.slots) {
		t.Fatalf("%d IDs in %d slots, want %d IDs at most half full", len(tab.ids), len(tab.slots), len(want))
	}
}
