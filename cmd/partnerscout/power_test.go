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

// TestPower checks the power command on the Florentine marriages against hand calculation.
//
// Pazzi's only tie is to Salviati, whose only other tie is to Medici, so every shortest
// path from Pazzi to the 13 families it can reach besides Medici (15 connected families,
// Pucci is isolated) runs through Medici except the one to Salviati: 12/13 = 0.923, which is
// above the default gatekeeper threshold (0.5); Medici holds the advantage.
//
// The Gini coefficient of the capacities of {Medici 103, Pazzi 48} is
// Σ_ij |x_i - x_j| / (2 n² mean) = 2·55 / (2·4·75.5) = 55/302.
func TestPower(t *testing.T) {
	flor := filepath.Join(testdata, "florentine")
	out := mustRun(t, "power", "--data", flor, "--layer", "contacts", "--focal", "pazzi", "--with", "medici,strozzi", "--group", "medici,pazzi", "--format", "json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw) != 2 || raw["pairs"] == nil || raw["group"] == nil {
		t.Fatalf("top-level fields %v, want pairs and group", raw)
	}
	var res struct {
		Pairs []struct {
			A, B  string
			Flags []map[string]any
		}
		Group map[string]any
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Pairs) != 2 || res.Pairs[0].A != "pazzi" || res.Pairs[0].B != "medici" || res.Pairs[1].B != "strozzi" {
		t.Fatalf("pairs %+v", res.Pairs)
	}
	var gate map[string]any
	for _, f := range res.Pairs[0].Flags {
		var keys []string
		for k := range f {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, []string{"advantage", "detail", "kind", "severity", "threshold", "value"}) {
			t.Errorf("flag fields %v", keys)
		}
		if f["kind"] == "gatekeeper" {
			gate = f
		}
	}
	if gate == nil {
		t.Fatalf("no gatekeeper flag for pazzi-medici: %v", res.Pairs[0].Flags)
	}
	if v := gate["value"].(float64); math.Abs(v-12.0/13) > 1e-12 || gate["advantage"] != "medici" {
		t.Errorf("gatekeeper flag %v, want value 12/13 with advantage medici", gate)
	}
	var keys []string
	for k := range res.Group {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !reflect.DeepEqual(keys, []string{"centralization", "flags", "gini_capacity", "gini_pagerank", "members", "top_share"}) {
		t.Errorf("group fields %v", keys)
	}
	if g := res.Group["gini_capacity"].(float64); math.Abs(g-55.0/302) > 1e-12 {
		t.Errorf("gini_capacity %v, want 55/302", g)
	}

	// Pairs only: group is null and pairs without flags have "flags": [].
	out = mustRun(t, "power", "--data", flor, "--focal", "medici", "--with", "strozzi", "--format", "json")
	if !strings.Contains(out, `"group": null`) {
		t.Errorf("pairs only:\n%s", out)
	}
	// Table and CSV: one row per finding.
	out = mustRun(t, "power", "--data", flor, "--focal", "pazzi", "--with", "medici", "--format", "csv")
	if !strings.HasPrefix(out, "scope,a,b,kind,severity,value,threshold,advantage,detail\n") || !strings.Contains(out, "pair,pazzi,medici,gatekeeper,") {
		t.Errorf("CSV:\n%s", out)
	}

	code, _, errs := call(t, "power", "--data", flor, "--focal", "medicci", "--with", "pazzi")
	if code != exitData || !strings.Contains(errs, `"medici"`) {
		t.Errorf("unknown actor: exit %d, stderr %q", code, errs)
	}
	for _, args := range [][]string{
		{"power", "--data", flor},
		{"power", "--data", flor, "--focal", "medici"},
		{"power", "--data", flor, "--with", "medici"},
		{"power", "--data", flor, "--group", ","},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
