package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

// TestStreamMatchesEmit: rankings written batch by batch through a stream are byte for byte
// what emit writes for the whole list at once, in every format, for empty and hostile
// lists too (the raw and neutralised CSV, and a name that JSON would HTML-escape).
func TestStreamMatchesEmit(t *testing.T) {
	n, err := graph.LoadDir(filepath.Join(testdata, "partners"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := discovery.NewRanker(n, discovery.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	lists, err := r.RankMany(n.IDs()[:12])
	if err != nil {
		t.Fatal(err)
	}
	lists[3] = nil // a focal actor without candidates
	lists[5][0].Why = "=cmd() <b>&</b>"
	for _, batches := range [][][]discovery.Candidate{lists, nil, {nil, nil}} {
		var all []discovery.Candidate
		for _, l := range batches {
			all = append(all, l...)
		}
		for _, format := range []string{"json", "csv", "table"} {
			for _, raw := range []bool{false, true} {
				var want, got bytes.Buffer
				e := &env{stdout: &want, g: globals{output: format, raw: raw}}
				csvT := &table{header: rankCSVHeader, rows: rankCSVRows(all)}
				human := &table{header: rankTableHeader, rows: rankTableRows(all)}
				if err := e.emit(orEmpty(all), csvT, human); err != nil {
					t.Fatal(err)
				}
				e.stdout = &got
				s := newStream(e, rankCSVHeader, rankCSVRows, rankTableHeader, rankTableRows)
				for _, l := range batches {
					if err := s.write(l); err != nil {
						t.Fatal(err)
					}
				}
				if err := s.close(); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("%s (raw %v, %d batches): stream differs from emit:\n%s\nwant\n%s", format, raw, len(batches), head(got.String()), head(want.String()))
				}
			}
		}
	}
}

func head(s string) string {
	if len(s) > 600 {
		return s[:600] + "..."
	}
	return s
}
