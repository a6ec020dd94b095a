package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportAndMap(t *testing.T) {
	partners := filepath.Join(testdata, "partners")
	page := mustRun(t, "report", "--data", partners, "--focal", "ngo-001", "--top", "5")
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "<svg") || !strings.Contains(page, "ngo-001") {
		t.Errorf("report is not an HTML page with a map:\n%.300s", page)
	}
	if again := mustRun(t, "report", "--data", partners, "--focal", "ngo-001", "--top", "5"); again != page {
		t.Error("report: two runs differ")
	}
	// --out writes the same bytes to a file.
	file := filepath.Join(t.TempDir(), "r.html")
	if out := mustRun(t, "report", "--data", partners, "--focal", "ngo-001", "--top", "5", "--out", file); out != "" {
		t.Errorf("report --out wrote to stdout: %.100q", out)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != page {
		t.Errorf("report --out: %v, same bytes %v", err, string(b) == page)
	}
	// JSON: the report's data, with the candidates the rank command gives.
	var r struct {
		Candidates []struct{ Candidate string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, "report", "--data", partners, "--focal", "ngo-001", "--top", "5", "--format", "json")), &r); err != nil {
		t.Fatal(err)
	}
	rows, _ := rankJSON(t, "--data", partners, "--focal", "ngo-001", "--top", "5")
	if len(r.Candidates) != len(rows) {
		t.Fatalf("report has %d candidates, rank %d", len(r.Candidates), len(rows))
	}
	for i := range rows {
		if r.Candidates[i].Candidate != rows[i].Candidate {
			t.Errorf("candidate %d: report %s, rank %s", i+1, r.Candidates[i].Candidate, rows[i].Candidate)
		}
	}

	svg := mustRun(t, "map", "--data", partners, "--focal", "ngo-001")
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("map is not well-formed XML: %v", err)
		}
	}
	if !strings.Contains(svg, "<svg") {
		t.Errorf("map:\n%.300s", svg)
	}

	for _, args := range [][]string{
		{"report", "--data", partners},
		{"report", "--data", partners, "--focal", "ngo-001", "--format", "csv"},
		{"map", "--data", partners, "--focal", "ngo-001", "--format", "json"},
		{"map", "--data", partners, "--focal", "ngo-001", "--top", "0"},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := call(t, "report", "--data", partners, "--focal", "nobody"); code != exitData || !strings.Contains(errs, `"nobody"`) {
		t.Errorf("unknown focal: exit %d, %q", code, errs)
	}
}

// report --then adds the review section: both dates, and the same gained partners as the
// review command reports.
func TestReportWithReview(t *testing.T) {
	args := []string{"--data", "../../testdata/hepth", "--exclude", "combined", "--focal", "witten_e", "--then", "1994-12-31"}
	page := mustRun(t, append([]string{"report"}, args...)...)
	if !strings.Contains(page, `<section class="review">`) || !strings.Contains(page, "1994-12-31") || !strings.Contains(page, "1996-12-31") {
		t.Fatal("report --then has no review section with both dates")
	}
	var reviews []struct {
		Gained []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, append([]string{"review", "--format", "json"}, args...)...)), &reviews); err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 1 || len(reviews[0].Gained) == 0 {
		t.Fatalf("review: %+v", reviews)
	}
	for _, g := range reviews[0].Gained {
		if !strings.Contains(page, g.ID) {
			t.Errorf("gained partner %s is not in the report", g.ID)
		}
	}
	if plain := mustRun(t, "report", "--data", "../../testdata/partners", "--focal", "ngo-001"); strings.Contains(plain, `class="review"`) {
		t.Error("report without --then has a review section")
	}
}
