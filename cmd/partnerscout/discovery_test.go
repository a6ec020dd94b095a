package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func jsonKeys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestEvents(t *testing.T) {
	partners := filepath.Join(testdata, "partners")
	const focal = "ngo-001"
	attended := map[string]bool{}
	for _, a := range readCSV(t, filepath.Join(partners, "attendance.csv")) {
		if a["actor"] == focal {
			attended[a["event"]] = true
		}
	}
	contacts := map[string]bool{}
	for _, c := range readCSV(t, filepath.Join(partners, "contacts.csv")) {
		if c["source"] == focal {
			contacts[c["target"]] = true
		}
		if c["target"] == focal {
			contacts[c["source"]] = true
		}
	}
	out := mustRun(t, "events", "--data", partners, "--focal", focal, "--top", "5", "--format", "json")
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw) == 0 || len(raw) > 5 {
		t.Fatalf("%d events, want 1..5", len(raw))
	}
	want := []string{"date", "event", "name", "people", "relevant", "score", "topics", "why"}
	var evs []struct {
		Event    string
		Score    float64
		Relevant []string
	}
	if err := json.Unmarshal([]byte(out), &evs); err != nil {
		t.Fatal(err)
	}
	for i, r := range raw {
		if got := jsonKeys(t, r); !reflect.DeepEqual(got, want) {
			t.Fatalf("event fields %v, want %v", got, want)
		}
		e := evs[i]
		if attended[e.Event] {
			t.Errorf("suggests %s, which %s attended", e.Event, focal)
		}
		for _, p := range e.Relevant {
			if contacts[p] || p == focal {
				t.Errorf("%s: suggests meeting %s, already a contact", e.Event, p)
			}
		}
		if i > 0 && e.Score > evs[i-1].Score {
			t.Errorf("events not ordered by score: %v after %v", e.Score, evs[i-1].Score)
		}
	}
	if code, _, _ := call(t, "events", "--data", partners); code != exitUsage {
		t.Errorf("events without --focal: exit %d", code)
	}
	if code, _, errs := call(t, "events", "--data", partners, "--focal", "ngo-0001"); code != exitData || !strings.Contains(errs, "ngo-0001") {
		t.Errorf("events with an unknown focal: exit %d, %q", code, errs)
	}
}

func TestCoalition(t *testing.T) {
	partners := filepath.Join(testdata, "partners")
	const focal = "ngo-001"
	contacts := map[string]bool{}
	for _, c := range readCSV(t, filepath.Join(partners, "contacts.csv")) {
		if c["source"] == focal {
			contacts[c["target"]] = true
		}
		if c["target"] == focal {
			contacts[c["source"]] = true
		}
	}
	out := mustRun(t, "coalition", "--data", partners, "--focal", focal, "--size", "3", "--format", "json")
	if got := jsonKeys(t, json.RawMessage(out)); !reflect.DeepEqual(got, []string{"coverage", "covered", "focal", "members", "power", "sectors", "uncovered", "why"}) {
		t.Fatalf("coalition fields %v", got)
	}
	var c struct {
		Focal              string
		Members            []string
		Coverage           float64
		Covered, Uncovered []string
		Power              struct{ Members []string }
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.Focal != focal || len(c.Members) == 0 || len(c.Members) > 3 {
		t.Fatalf("coalition %+v", c)
	}
	for _, m := range c.Members {
		if contacts[m] || m == focal {
			t.Errorf("member %s is already a contact", m)
		}
	}
	if n := len(c.Covered) + len(c.Uncovered); n == 0 || math.Abs(c.Coverage-float64(len(c.Covered))/float64(n)) > 1e-12 {
		t.Errorf("coverage %v with %d covered and %d uncovered goals", c.Coverage, len(c.Covered), len(c.Uncovered))
	}
	if !reflect.DeepEqual(c.Power.Members, append([]string{focal}, c.Members...)) {
		t.Errorf("power members %v, want the focal actor then %v", c.Power.Members, c.Members)
	}
	if out := mustRun(t, "coalition", "--data", partners, "--focal", focal, "--size", "3"); !strings.Contains(out, "coverage") {
		t.Errorf("table:\n%s", out)
	}
	for _, args := range [][]string{
		{"coalition", "--data", partners, "--size", "3"},
		{"coalition", "--data", partners, "--focal", focal, "--size", "0"},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestEvaluate checks the evaluate command on a network small enough to work out by hand.
//
// Training (2020): the path a-b-c-d. Test (2021): a-c and b-d. With --core 1 all four
// actors are core; the candidate pairs (core pairs untied in training) are a-c, a-d and
// b-d, of which a-c and b-d are new ties. Common neighbours score a-c 1 (b), b-d 1 (c) and
// a-d 0, so:
//
//	AUC = P(new tie scores above the untied pair) = 1
//	improvement = (new ties among the top 2) / (2 · 2/3 expected at random) = 2 / (4/3) = 1.5
//	precision@1 = 1, recall@1 = 1/2
//
// The split date 2020-01-01 is a whole day: rows dated that day are training data.
func TestEvaluate(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"contacts.csv": "source,target,date\na,b,2020-01-01\nb,c,2020-01-01\nc,d,2020-01-01\na,c,2021-01-01\nb,d,2021-01-01\n",
	})
	out := mustRun(t, "evaluate", "--data", dir, "--split", "2020-01-01", "--core", "1", "--k", "1", "--predictors", "common_neighbors,adamic_adar", "--format", "json")
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	wantKeys := []string{"auc", "candidates", "core_actors", "improvement", "new_ties", "precision_at_k", "predictor", "recall_at_k"}
	for _, r := range raw {
		if got := jsonKeys(t, r); !reflect.DeepEqual(got, wantKeys) {
			t.Fatalf("fields %v, want %v", got, wantKeys)
		}
	}
	type result struct {
		Predictor    string
		Improvement  float64
		PrecisionAtK float64 `json:"precision_at_k"`
		RecallAtK    float64 `json:"recall_at_k"`
		AUC          float64
		CoreActors   int `json:"core_actors"`
		Candidates   int
		NewTies      int `json:"new_ties"`
	}
	var res []result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Predictor != "adamic_adar" || res[1].Predictor != "common_neighbors" {
		t.Fatalf("results %+v, want adamic_adar then common_neighbors", res)
	}
	want := result{"common_neighbors", 1.5, 1, 0.5, 1, 4, 3, 2}
	if res[1] != want {
		t.Errorf("common_neighbors %+v, want %+v", res[1], want)
	}

	// The table puts the best predictor first.
	out = mustRun(t, "evaluate", "--data", filepath.Join(testdata, "partners"), "--split", "2023-12-31", "--quiet")
	lines := strings.Split(strings.TrimSpace(out), "\n")[1:]
	prev := math.Inf(1)
	for _, l := range lines {
		f := strings.Fields(l)
		var x float64
		if err := json.Unmarshal([]byte(f[1]), &x); err != nil {
			t.Fatal(err)
		}
		if x > prev {
			t.Errorf("table not best first: %s", l)
		}
		prev = x
	}

	for _, args := range [][]string{
		{"evaluate", "--data", dir},
		{"evaluate", "--data", dir, "--split", "someday"},
		{"evaluate", "--data", dir, "--split", "2020-06-01", "--as-of", "2020-05-01"},
		{"evaluate", "--data", dir, "--split", "2020-06-01", "--from", "2020-07-01"},
		{"evaluate", "--data", dir, "--split", "2020-06-01", "--predictors", "astrology"},
		{"evaluate", "--data", dir, "--split", "2020-06-01", "--k", "0"},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	// A split after the last date leaves no test period: a data problem.
	if code, _, errs := call(t, "evaluate", "--data", dir, "--split", "2022-01-01"); code != exitData || errs == "" {
		t.Errorf("split after the data: exit %d, %q", code, errs)
	}
}
