package discovery

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/partnerscout/partnerscout/graph"
)

// An UnknownIDError reports an actor ID that is not in the network, with the closest known
// IDs (see [Suggest]).
type UnknownIDError struct {
	ID          string
	Suggestions []string
}

// Error returns `unknown actor "x"`, followed by ` (did you mean "y", "z"?)` when there are
// suggestions.
func (e *UnknownIDError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown actor %q", e.ID)
	if len(e.Suggestions) > 0 {
		b.WriteString(" (did you mean ")
		for i, s := range e.Suggestions {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", s)
		}
		b.WriteString("?)")
	}
	return b.String()
}

// suggestions is the number of IDs an UnknownIDError suggests.
const suggestions = 3

// unknown returns the *UnknownIDError for id.
func unknown(n *graph.Network, id string) error {
	return &UnknownIDError{ID: id, Suggestions: Suggest(n, id, suggestions)}
}

// Suggest returns up to k known actor IDs closest to id, for messages about a mistyped ID.
// Closeness is the Levenshtein edit distance between the case-folded IDs (an ID that
// contains id, or is contained in it, counts as distance 1 unless closer); IDs farther than
// max(2, len(id)/2) edits are not suggested. Results are ordered by distance, then by ID.
// The cost is one edit-distance computation per actor.
func Suggest(n *graph.Network, id string, k int) []string {
	if n == nil || k <= 0 {
		return nil
	}
	q := []rune(strings.ToLower(id))
	limit := max(2, len(q)/2)
	type hit struct {
		id string
		d  int
	}
	var hits []hit
	row := make([]int, 0, 64)
	for i := range n.Len() {
		cand := n.ID(i)
		if abs(utf8.RuneCountInString(cand)-len(q)) > limit && !strings.Contains(strings.ToLower(cand), string(q)) {
			continue
		}
		lc := strings.ToLower(cand)
		d := levenshtein(q, []rune(lc), &row)
		if d > 1 && len(q) > 0 && (strings.Contains(lc, string(q)) || strings.Contains(string(q), lc)) {
			d = 1
		}
		if d <= limit {
			hits = append(hits, hit{cand, d})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(cmp.Compare(a.d, b.d), strings.Compare(a.id, b.id)) })
	out := make([]string, 0, min(k, len(hits)))
	for _, h := range hits[:min(k, len(hits))] {
		out = append(out, h.id)
	}
	return out
}

// levenshtein returns the edit distance between a and b, using *row as scratch.
func levenshtein(a, b []rune, row *[]int) int {
	r := (*row)[:0]
	for j := 0; j <= len(b); j++ {
		r = append(r, j)
	}
	for i := 1; i <= len(a); i++ {
		prev := r[0]
		r[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur := min(r[j]+1, r[j-1]+1, prev+cost)
			prev = r[j]
			r[j] = cur
		}
	}
	*row = r
	return r[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
