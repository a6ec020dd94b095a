package graph_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

// writeDir writes files (name -> content) into a temporary directory.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Three events: e1 = {a,b,c}, e2 = {a,b}, e3 = {c,d}. By hand:
//
//	count:   ab = 2, ac = 1, bc = 1, cd = 1
//	newman:  ab = 1/2 + 1/1 = 1.5, ac = bc = 1/2, cd = 1/1 = 1
//	jaccard: ab = 2/|{e1,e2}| = 1, ac = 1/|{e1,e2,e3}| = 1/3, bc = 1/3, cd = 1/|{e1,e3}| = 1/2
func TestProjectionByHand(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"attendance.csv": "actor,event\na,e1\nb,e1\nc,e1\na,e2\nb,e2\nc,e3\nd,e3\n",
		"contacts.csv":   "source,target,weight\na,d,2.5\nd,a,1\n",
	})
	want := map[graph.Weighting]string{
		graph.Count:   "a-b:2 a-c:1 b-c:1 c-d:1",
		graph.Newman:  "a-b:1.5 a-c:0.5 b-c:0.5 c-d:1",
		graph.Jaccard: "a-b:1 a-c:0.3333333333333333 b-c:0.3333333333333333 c-d:0.5",
	}
	d, err := graph.ReadDir(dir, graph.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for w, exp := range want {
		n, err := graph.Build(d, graph.Options{Weighting: w})
		if err != nil {
			t.Fatal(err)
		}
		if got := ties(n.Project(graph.Events)); got != exp {
			t.Errorf("%v: got %s, want %s", w, got, exp)
		}
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Repeated contact rows add up (2.5 + 1); combined = contacts + events (count).
	if got, exp := ties(n.Project(graph.Contacts)), "a-d:3.5"; got != exp {
		t.Errorf("contacts: got %s, want %s", got, exp)
	}
	if got, exp := ties(n.Project(graph.Combined)), "a-b:2 a-c:1 a-d:3.5 b-c:1 c-d:1"; got != exp {
		t.Errorf("combined: got %s, want %s", got, exp)
	}
	if n.Len() != 4 || n.NumEvents() != 3 {
		t.Errorf("got %d actors and %d events, want 4 and 3", n.Len(), n.NumEvents())
	}
}

func ties(ts []graph.Tie) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.A+"-"+t.B+":"+strconv.FormatFloat(t.Weight, 'g', -1, 64))
	}
	return strings.Join(parts, " ")
}

func TestLoadErrorsAllAtOnce(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"contacts.csv": "\ufeffsource,target,weight,date\r\na,b,abc,2024-01-01\r\nb,b,1,\r\nc,d,-1,2024-13-01\r\n\"x\"y,z,1,\r\n",
	})
	_, err := graph.LoadDir(dir)
	var list graph.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	want := []string{
		`contacts.csv:2:3: weight "abc": not a number`,
		`contacts.csv:3:2: target "b": contact from an actor to itself`,
		`contacts.csv:4:3: weight "-1": weight must be a positive finite number`,
		`contacts.csv:4:4: date "2024-13-01": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`,
		`contacts.csv:5:1: source: CSV syntax error: extraneous or missing " in quoted-field`,
	}
	if len(list) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(list), len(want), err)
	}
	for i, e := range list {
		if got := strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)); got != want[i] {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got, want[i])
		}
	}
	var le *graph.LoadError
	if !errors.As(err, &le) || !errors.Is(err, graph.ErrNotNumber) || le.Line != 2 || le.Column != 3 {
		t.Errorf("errors.As/Is: got %+v", le)
	}
}
