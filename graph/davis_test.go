package graph_test

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

const davisDir = "../testdata/davis"

// readCSVFile reads a whole CSV file (header included).
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func buildDavis(t *testing.T, w graph.Weighting) *graph.Network {
	t.Helper()
	d, err := graph.ReadDir(davisDir, graph.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := graph.Build(d, graph.Options{Weighting: w})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDavisCoattendanceMatrix checks the count projection of the Davis Southern Women data
// against the published 18 x 18 women-by-women matrix (Breiger 1974), cell by cell: the
// off-diagonal is the number of shared events, the diagonal the number of events attended.
func TestDavisCoattendanceMatrix(t *testing.T) {
	n := buildDavis(t, graph.Count)
	rows := readCSVFile(t, davisDir+"/coattendance_count.csv")
	header := rows[0][1:]
	if len(header) != 18 || len(rows) != 19 || n.Len() != 18 || n.NumEvents() != 14 {
		t.Fatalf("got a %dx%d matrix, %d actors and %d events; want 18x18, 18 and 14", len(rows)-1, len(header), n.Len(), n.NumEvents())
	}
	cells := 0
	for _, row := range rows[1:] {
		i, ok := n.Index(row[0])
		if !ok {
			t.Fatalf("actor %q of the matrix is not in the network", row[0])
		}
		for c, id := range header {
			j, ok := n.Index(id)
			if !ok {
				t.Fatalf("actor %q of the matrix is not in the network", id)
			}
			want, err := strconv.Atoi(row[c+1])
			if err != nil {
				t.Fatal(err)
			}
			got := n.Weight(graph.Events, i, j)
			if i == j {
				got = float64(len(n.EventsOf(i)))
			}
			if got != float64(want) {
				t.Errorf("M[%s][%s] = %g, want %d", row[0], id, got, want)
			}
			cells++
		}
	}
	if cells != 18*18 {
		t.Errorf("checked %d cells, want 324", cells)
	}
	// 139 pairs share at least one event (testdata/golden/README.md).
	if got := n.Edges(graph.Events); got != 139 {
		t.Errorf("events layer has %d ties, want 139", got)
	}
}

// TestDavisProjectionGolden compares the Newman and Jaccard projections with the networkx
// edge lists in testdata/golden (1e-12), in both directions: every golden pair is a tie with
// that weight and there is no other tie.
func TestDavisProjectionGolden(t *testing.T) {
	for _, tc := range []struct {
		w    graph.Weighting
		file string
	}{
		{graph.Count, "../testdata/golden/davis_projection_count.csv"},
		{graph.Newman, "../testdata/golden/davis_projection_newman.csv"},
		{graph.Jaccard, "../testdata/golden/davis_projection_jaccard.csv"},
	} {
		t.Run(tc.w.String(), func(t *testing.T) {
			n := buildDavis(t, tc.w)
			rows := readCSVFile(t, tc.file)[1:]
			ties := n.Project(graph.Events)
			if len(ties) != len(rows) {
				t.Errorf("got %d ties, golden has %d", len(ties), len(rows))
			}
			for k, row := range rows {
				want, err := strconv.ParseFloat(row[2], 64)
				if err != nil {
					t.Fatal(err)
				}
				i, ok1 := n.Index(row[0])
				j, ok2 := n.Index(row[1])
				if !ok1 || !ok2 {
					t.Fatalf("golden pair %s-%s not in the network", row[0], row[1])
				}
				if got := n.Weight(graph.Events, i, j); math.Abs(got-want) > 1e-12 {
					t.Errorf("%s-%s: got %.17g, want %.17g", row[0], row[1], got, want)
				}
				if got := n.Weight(graph.Events, j, i); math.Abs(got-want) > 1e-12 {
					t.Errorf("%s-%s (reversed): got %.17g, want %.17g", row[1], row[0], got, want)
				}
				if k < len(ties) && (ties[k].A != row[0] || ties[k].B != row[1]) {
					t.Errorf("tie %d: got %s-%s, golden %s-%s (both sorted by A then B)", k, ties[k].A, ties[k].B, row[0], row[1])
				}
			}
		})
	}
}

// TestDavisHandChecked checks two pairs by hand (see testdata/golden/README.md for the
// event lists). Event sizes: E1 3, E2 3, E3 6, E5 8, E6 8, E8 14.
//
// evelyn-laura share E1 E2 E3 E5 E6 E8 (6 events), union 8 + 7 - 6 = 9:
//
//	count   = 6
//	newman  = 1/2 + 1/2 + 1/5 + 1/7 + 1/7 + 1/13 = 711/455
//	jaccard = 6/9 = 2/3
//
// brenda-dorothy share only E8 (14 attendees), union 7 + 2 - 1 = 8:
//
//	count = 1, newman = 1/13, jaccard = 1/8
func TestDavisHandChecked(t *testing.T) {
	for _, tc := range []struct {
		a, b                   string
		count, newman, jaccard float64
	}{
		{"evelyn", "laura", 6, 711.0 / 455.0, 2.0 / 3.0},
		{"brenda", "dorothy", 1, 1.0 / 13.0, 1.0 / 8.0},
	} {
		for w, want := range map[graph.Weighting]float64{graph.Count: tc.count, graph.Newman: tc.newman, graph.Jaccard: tc.jaccard} {
			n := buildDavis(t, w)
			i, _ := n.Index(tc.a)
			j, _ := n.Index(tc.b)
			if got := n.Weight(graph.Events, i, j); math.Abs(got-want) > 1e-12 {
				t.Errorf("%s-%s %v: got %.17g, want %.17g", tc.a, tc.b, w, got, want)
			}
		}
	}
}
