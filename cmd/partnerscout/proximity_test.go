package main

import (
	"encoding/json"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// rank --proximity P ranks exactly as the library does with Options.Proximity = P.
func TestRankProximityFlag(t *testing.T) {
	const dir = "../../testdata/hepth"
	var got []discovery.Candidate
	out := mustRun(t, "rank", "--data", dir, "--exclude", "combined", "--focal", "witten_e", "--proximity", "rooted_pagerank", "--format", "json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	n, err := graph.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	o := discovery.DefaultOptions()
	o.Exclude, o.Proximity = graph.Combined, score.RootedPageRank
	want, err := discovery.Rank(n, "witten_e", o)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("got %d candidates, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Score != want[i].Score {
			t.Errorf("rank %d: got %s %v, want %s %v", i+1, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
		}
	}
	if code, _, _ := call(t, "rank", "--data", dir, "--focal", "witten_e", "--proximity", "nearest"); code != exitUsage {
		t.Errorf("unknown predictor: exit %d, want %d", code, exitUsage)
	}
}

// evaluate --sample N scores fewer candidate pairs than the full evaluation.
func TestEvaluateSample(t *testing.T) {
	args := []string{"evaluate", "--data", "../../testdata/hepth", "--split", "1994-12-31", "--predictors", "common_neighbors", "--format", "json"}
	var all, sampled []discovery.PredictorResult
	if err := json.Unmarshal([]byte(mustRun(t, args...)), &all); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(mustRun(t, append(args, "--sample", "50")...)), &sampled); err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || len(sampled) != 1 || !(sampled[0].Candidates < all[0].Candidates) || sampled[0].CoreActors != all[0].CoreActors {
		t.Errorf("all %+v, sampled %+v", all, sampled)
	}
}
