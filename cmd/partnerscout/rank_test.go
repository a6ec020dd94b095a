package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// readCSV reads a bundled data file as a list of header -> value maps.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for j, h := range rows[0] {
			m[h] = r[j]
		}
		out = append(out, m)
	}
	return out
}

type rankRow struct {
	Focal      string `json:"focal"`
	Candidate  string `json:"candidate"`
	Rank       int    `json:"rank"`
	Score      float64
	Components map[string]float64
}

func rankJSON(t *testing.T, args ...string) (rows []rankRow, raw []map[string]json.RawMessage) {
	t.Helper()
	out := mustRun(t, append([]string{"rank", "--format", "json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	return rows, raw
}

func TestRank(t *testing.T) {
	partners := filepath.Join(testdata, "partners")
	rows, raw := rankJSON(t, "--data", partners, "--focal", "ngo-001,biz-001", "--top", "5")
	if len(rows) != 10 {
		t.Fatalf("%d candidates, want 5 for each of 2 focal actors", len(rows))
	}
	// Ordered by focal ID, then rank 1..5.
	for i, r := range rows {
		wantFocal := "biz-001"
		if i >= 5 {
			wantFocal = "ngo-001"
		}
		if r.Focal != wantFocal || r.Rank != i%5+1 {
			t.Errorf("row %d: focal %s rank %d, want %s %d", i, r.Focal, r.Rank, wantFocal, i%5+1)
		}
	}
	// JSON field names, and lists as [] rather than null.
	wantKeys := []string{"candidate", "components", "flags", "focal", "introducers", "rank", "score", "shared_events", "shared_goals", "why"}
	for _, obj := range raw {
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, wantKeys) {
			t.Fatalf("candidate fields %v, want %v", keys, wantKeys)
		}
		for _, k := range []string{"shared_goals", "introducers", "shared_events", "flags"} {
			if string(obj[k]) == "null" {
				t.Errorf("%s is null, want []", k)
			}
		}
	}

	// Existing contacts (contacts.csv, all dated before the newest date) are never proposed.
	tied := map[[2]string]bool{}
	for _, c := range readCSV(t, filepath.Join(partners, "contacts.csv")) {
		tied[[2]string{c["source"], c["target"]}] = true
		tied[[2]string{c["target"], c["source"]}] = true
	}
	sector := map[string]string{}
	for _, a := range readCSV(t, filepath.Join(partners, "actors.csv")) {
		sector[a["id"]] = a["sector"]
	}
	rows, _ = rankJSON(t, "--data", partners, "--all", "--top", "0", "--sector", "government", "--min-goal", "0.2", "--quiet")
	if len(rows) == 0 {
		t.Fatal("no candidates at all")
	}
	focals := map[string]bool{}
	for _, r := range rows {
		focals[r.Focal] = true
		if tied[[2]string{r.Focal, r.Candidate}] {
			t.Errorf("%s is proposed to %s, but they are already in contact", r.Candidate, r.Focal)
		}
		if r.Focal == r.Candidate {
			t.Errorf("%s proposed to itself", r.Focal)
		}
		if sector[r.Candidate] != "government" {
			t.Errorf("--sector government proposed %s of sector %q", r.Candidate, sector[r.Candidate])
		}
		if r.Components["goal"] < 0.2 {
			t.Errorf("--min-goal 0.2 proposed %s to %s with goal %v", r.Candidate, r.Focal, r.Components["goal"])
		}
	}
	if len(focals) < 100 {
		t.Errorf("--all ranked for %d focal actors, want most of the 150", len(focals))
	}

	// Table: header and one row per candidate.
	out := mustRun(t, "rank", "--data", partners, "--focal", "ngo-001", "--top", "3")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "FOCAL") || !strings.Contains(lines[0], "TOP REASONS") {
		t.Errorf("table:\n%s", out)
	}
	// CSV: every field, components as numbers.
	out = mustRun(t, "rank", "--data", partners, "--focal", "ngo-001", "--top", "2", "--format", "csv")
	if !strings.HasPrefix(out, "focal,rank,candidate,score,goal,proximity,trust,complementarity,reach,shared_goals,introducers,shared_events,flags,why\n") {
		t.Errorf("CSV:\n%s", out)
	}

	// Deterministic, including the parallel --all.
	args := []string{"rank", "--data", partners, "--all", "--format", "csv", "--quiet"}
	if a, b := mustRun(t, args...), mustRun(t, args...); a != b {
		t.Error("rank --all: two runs differ")
	}
}

func TestRankErrors(t *testing.T) {
	partners := filepath.Join(testdata, "partners")
	code, out, errs := call(t, "rank", "--data", partners, "--focal", "ngo-01")
	if code != exitData || out != "" {
		t.Errorf("unknown focal: exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errs, `"ngo-01"`) || !strings.Contains(errs, `"ngo-001"`) {
		t.Errorf("unknown focal: stderr %q does not name it and suggest ngo-001", errs)
	}
	for _, args := range [][]string{
		{"rank", "--data", partners},
		{"rank", "--data", partners, "--all", "--focal", "ngo-001"},
		{"rank", "--data", partners, "--focal", "ngo-001", "--top", "-1"},
		{"rank", "--data", partners, "--focal", "ngo-001", "--min-goal", "2"},
		{"rank", "--data", partners, "--focal", "ngo-001", "--exclude", "friends"},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
