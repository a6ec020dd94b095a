package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestReview checks the review command on a network worked out by hand: a met b and c in
// January 2020 and d in January 2021. Reviewed at then = 2020-06-30 (end of day) and now =
// the newest date, 2021-01-01:
//
//   - without a window every tie stays: partners 2 -> 3, gained d, nothing faded;
//   - with --window 200d the now side keeps only rows after 2020-06-15, so b and c have
//     faded (strength 1 each, ordered by ID) and d is gained; the then side keeps rows after
//     2019-12-13, so it still has b and c.
func TestReview(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"contacts.csv": "source,target,date\na,b,2020-01-01\na,c,2020-01-01\na,d,2021-01-01\n",
	})
	type side struct{ Partners int }
	type review struct {
		Focal, Then, Now string
		Gained, Faded    []struct {
			ID       string
			Strength float64
		}
		Reach struct{ Then, Now side }
	}
	get := func(args ...string) (review, map[string]json.RawMessage) {
		t.Helper()
		out := mustRun(t, append([]string{"review", "--data", dir, "--focal", "a", "--then", "2020-06-30", "--format", "json"}, args...)...)
		var res []review // the contract: an array ordered by focal
		var raw []map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatal(err)
		}
		if len(res) != 1 {
			t.Fatalf("%d reviews", len(res))
		}
		return res[0], raw[0]
	}
	r, raw := get()
	for _, key := range []string{"focal", "then", "now", "gained", "faded", "strengthened", "weakened", "reach",
		"goal_coverage", "measures", "flags", "follow_through", "summary"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("review JSON has no %q", key)
		}
	}
	if r.Then != "2020-06-30" || r.Now != "2021-01-01" || r.Reach.Then.Partners != 2 || r.Reach.Now.Partners != 3 {
		t.Errorf("review %+v", r)
	}
	if len(r.Gained) != 1 || r.Gained[0].ID != "d" || len(r.Faded) != 0 {
		t.Errorf("gained %v faded %v, want gained d", r.Gained, r.Faded)
	}
	r, _ = get("--window", "200d")
	var faded []string
	for _, f := range r.Faded {
		faded = append(faded, f.ID)
	}
	if !reflect.DeepEqual(faded, []string{"b", "c"}) || len(r.Gained) != 1 || r.Gained[0].ID != "d" {
		t.Errorf("--window 200d: gained %v, faded %v; want d and b, c", r.Gained, faded)
	}

	// --now defaults to --as-of.
	if r, _ := get("--as-of", "2020-12-31"); r.Now != "2020-12-31" {
		t.Errorf("--as-of 2020-12-31: now %q", r.Now)
	}
	var group map[string]json.RawMessage
	out := mustRun(t, "review", "--data", dir, "--group", "a,b,d", "--then", "2020-06-30", "--format", "json")
	if err := json.Unmarshal([]byte(out), &group); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"group", "then", "now", "density", "cross_sector_share", "gini_pagerank", "top_share", "centralization", "isolated"} {
		if _, ok := group[key]; !ok {
			t.Errorf("group review JSON has no %q", key)
		}
	}
	out = mustRun(t, "review", "--data", dir, "--group", "a,b,d", "--then", "2020-06-30", "--format", "csv")
	if !strings.HasPrefix(out, "focal,item,then,now,detail\n") || !strings.Contains(out, "group,density,") {
		t.Errorf("group CSV:\n%s", out)
	}
	for _, args := range [][]string{
		{"review", "--data", dir, "--focal", "a"},
		{"review", "--data", dir, "--then", "2020-06-30"},
		{"review", "--data", dir, "--focal", "a", "--then", "2020-06-30", "--now", "2020-06-30"},
		{"review", "--data", dir, "--focal", "a", "--then", "2020-07-01", "--now", "2020-06-30"},
		{"review", "--data", dir, "--focal", "a", "--group", "a,b", "--then", "2020-06-30"},
		{"review", "--data", dir, "--focal", "a", "--then", "2020-06-30", "--window", "forever"},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := call(t, "review", "--data", dir, "--focal", "z", "--then", "2020-06-30"); code != exitData || !strings.Contains(errs, `"z"`) {
		t.Errorf("unknown focal: exit %d, %q", code, errs)
	}
}
