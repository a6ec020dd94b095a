package discovery_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

// TestFitMatchesEvaluate checks FitWeights' figures (components computed once, then a sort
// per grid point) against Evaluate's streaming composite with the same weights, on the same
// split.
func TestFitMatchesEvaluate(t *testing.T) {
	d := evRandom(3, 90)
	train, validate := evDate("2020-12-31"), evDate("2021-12-31")
	best, steps, err := discovery.FitWeights(d, discovery.FitConfig{Train: train, Validate: validate, Core: 2, Step: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) == 0 {
		t.Fatal("no steps")
	}
	top := steps[0]
	for _, s := range steps {
		if s.Objective > top.Objective {
			top = s
		}
	}
	if top.Weights != best {
		t.Errorf("returned %+v, best step %+v", best, top)
	}
	for i, s := range steps {
		if i%7 != 0 && s.Weights != best {
			continue
		}
		o := discovery.EvalRankOptions()
		o.Weights = s.Weights
		rep, err := discovery.Evaluate(d, discovery.EvalConfig{Split: train, Core: 2, Options: graph.Options{AsOf: validate},
			Rank: o, Predictors: []string{discovery.Composite}})
		if err != nil {
			t.Fatal(err)
		}
		r := rep.Results[0]
		if math.Abs(r.AUC-s.AUC) > 1e-6 || math.Abs(r.Improvement-s.Improvement) > 1e-6 {
			t.Errorf("%+v: fit auc %v improvement %v, evaluate %v %v", s.Weights, s.AUC, s.Improvement, r.AUC, r.Improvement)
		}
	}
}

// TestFitNoPeeking: rows dated after the validation end do not change the fit.
func TestFitNoPeeking(t *testing.T) {
	d := evRandom(3, 90)
	c := discovery.FitConfig{Train: evDate("2020-12-31"), Validate: evDate("2021-06-30"), Core: 2, Step: 0.5}
	w1, s1, err := discovery.FitWeights(d, c)
	if err != nil {
		t.Fatal(err)
	}
	later := *d
	later.Contacts = append([]graph.Contact(nil), d.Contacts...)
	for i := range 40 {
		later.Contacts = append(later.Contacts, graph.Contact{Source: d.Actors[i].ID, Target: d.Actors[i+40].ID, Weight: 1, Date: evDate("2021-07-01")})
	}
	w2, s2, err := discovery.FitWeights(&later, c)
	if err != nil {
		t.Fatal(err)
	}
	if w1 != w2 || !reflect.DeepEqual(s1, s2) {
		t.Errorf("rows after the validation end changed the fit: %+v vs %+v", w1, w2)
	}
}

func TestFitErrors(t *testing.T) {
	d := evRandom(3, 60)
	for _, tc := range []struct {
		Name string
		C    discovery.FitConfig
		Want string
	}{
		{"no dates", discovery.FitConfig{}, "validation end"},
		{"validate before train", discovery.FitConfig{Train: evDate("2021-01-01"), Validate: evDate("2020-01-01")}, "not after"},
		{"bad step", discovery.FitConfig{Train: evDate("2020-12-31"), Validate: evDate("2021-12-31"), Step: 0.3}, "whole number"},
		{"bad proximity", discovery.FitConfig{Train: evDate("2020-12-31"), Validate: evDate("2021-12-31"), Core: 2, Proximities: []string{"tarot"}}, "unknown predictor"},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			_, _, err := discovery.FitWeights(d, tc.C)
			if err == nil || !strings.Contains(err.Error(), tc.Want) {
				t.Errorf("error %v, want one containing %q", err, tc.Want)
			}
		})
	}
}
