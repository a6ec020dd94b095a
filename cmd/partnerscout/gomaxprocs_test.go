package main

import (
	"runtime"
	"testing"
)

// Output must not depend on the number of cores: the same commands under GOMAXPROCS=1 and
// GOMAXPROCS=2 give the same bytes (workers default to GOMAXPROCS).
func TestOutputIndependentOfGOMAXPROCS(t *testing.T) {
	commands := [][]string{
		{"rank", "--data", "../../testdata/partners", "--all", "--top", "5", "--format", "json"},
		{"centrality", "--data", "../../testdata/karate", "--weighted", "--format", "csv"},
		{"centrality", "--data", "../../testdata/partners", "--approx", "--epsilon", "0.05", "--format", "csv"},
		{"review", "--data", "../../testdata/partners", "--focal", "ngo-001,gov-014", "--then", "2023-06-30", "--format", "json"},
		{"evaluate", "--data", "../../testdata/hepth", "--split", "1994-12-31", "--predictors", "composite,katz", "--format", "json"},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, args := range commands {
		runtime.GOMAXPROCS(1)
		one := mustRun(t, args...)
		runtime.GOMAXPROCS(2)
		two := mustRun(t, args...)
		if one != two {
			t.Errorf("%v: output differs between GOMAXPROCS=1 and 2", args)
		}
	}
}
