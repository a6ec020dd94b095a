// Command evaluate checks, on the bundled arXiv hep-th co-authorship data (papers 1992-1996,
// testdata/hepth), whether the partner ranking and the classic link predictors foresee the
// collaborations that followed, as Liben-Nowell and Kleinberg (2007) did on the same
// section of arXiv.
//
// Papers are events and co-authorship is a shared event; an author's interests are the
// topic tags of the papers written in the training years. The training period ends on
// 1994-12-31 and the test period is 1995-1996:
//
//	cd examples/evaluate && go run .
//
// With -fit it first fits the composite's weights on a validation split that lies strictly
// before the test period (train 1992-1993, validate 1994), over several proximity
// predictors, and then evaluates the fitted composite on the test period:
//
//	cd examples/evaluate && go run . -fit
package main

import (
	"flag"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

var (
	dataDir = flag.String("data", "../../testdata/hepth", "directory with attendance.csv and events.csv")
	fit     = flag.Bool("fit", false, "fit the composite's weights on 1992-1993 -> 1994 first")
	core    = flag.Int("core", discovery.DefaultCore, "core size κ: ties needed in each period")
	k       = flag.Int("k", discovery.DefaultK, "k of precision@k and recall@k")
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		log.Fatal(err)
	}
	return t
}

func main() {
	flag.Parse()
	d, err := graph.ReadDir(*dataDir, graph.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	rank := discovery.EvalRankOptions()
	if *fit {
		rank = fitWeights(d, rank)
	}
	c := discovery.EvalConfig{Split: day("1994-12-31"), Core: *core, K: *k, Rank: rank}
	rep, err := discovery.Evaluate(d, c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("train up to %s, test to %s, core κ = %d\n", c.Split.Format(time.DateOnly), d.Newest().Format(time.DateOnly), *core)
	fmt.Printf("core actors %d, candidate pairs %d, new ties %d (random precision %.5f)\n",
		rep.CoreActors, rep.Candidates, rep.NewTies, float64(rep.NewTies)/float64(rep.Candidates))
	w := rank.Weights
	fmt.Printf("composite: proximity %s, weights goal %.2f proximity %.2f trust %.2f complementarity %.2f reach %.2f\n",
		proxName(rank), w.Goal, w.Proximity, w.Trust, w.Complementarity, w.Reach)
	fmt.Printf("%-34s %11s %8s %8s %6s\n", "predictor", "improvement", "prec@k", "recall@k", "AUC")
	for _, r := range rep.Results {
		fmt.Printf("%-34s %11.2f %8.3f %8.3f %6.3f\n", r.Predictor, r.Improvement, r.PrecisionAtK, r.RecallAtK, r.AUC)
	}
}

func proxName(o discovery.Options) string {
	if o.Link.Weighted {
		return o.Proximity.String() + discovery.WeightedSuffix
	}
	return o.Proximity.String()
}

// fitWeights fits the composite on train 1992-1993, validate 1994 and returns rank with the
// chosen proximity predictor and weights.
func fitWeights(d *graph.Dataset, rank discovery.Options) discovery.Options {
	proxs := []string{"adamic_adar", "adamic_adar_weighted", "katz", "katz_weighted",
		"resource_allocation", "rooted_pagerank", "rooted_pagerank_weighted"}
	best, steps, err := discovery.FitWeights(d, discovery.FitConfig{
		Train: day("1993-12-31"), Validate: day("1994-12-31"), Core: *core, Rank: rank, Proximities: proxs,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("fit on train up to 1993-12-31, validate 1994 (%d grid points)\n", len(steps))
	fmt.Printf("%-26s %5s %5s %5s %5s %5s %11s %6s %9s\n", "proximity", "goal", "prox", "trust", "compl", "reach", "improvement", "AUC", "objective")
	for _, name := range proxs {
		var b discovery.FitStep
		for _, s := range steps {
			if s.Proximity == name && (b.Proximity == "" || s.Objective > b.Objective) {
				b = s
			}
		}
		w := b.Weights
		fmt.Printf("%-26s %5.2f %5.2f %5.2f %5.2f %5.2f %11.2f %6.3f %9.3f\n", name, w.Goal, w.Proximity, w.Trust, w.Complementarity, w.Reach, b.Improvement, b.AUC, b.Objective)
	}
	chosen := steps[0] // FitWeights' rule: the first point with the largest objective
	for _, s := range steps {
		if s.Objective > chosen.Objective {
			chosen = s
		}
	}
	if chosen.Weights != best {
		log.Fatal("chosen point disagrees with FitWeights")
	}
	fmt.Printf("chosen: %s\n\n", chosen.Proximity)
	base, weighted := strings.CutSuffix(chosen.Proximity, discovery.WeightedSuffix)
	p, err := score.ParsePredictor(base)
	if err != nil {
		log.Fatal(err)
	}
	rank.Weights, rank.Proximity, rank.Link.Weighted = best, p, weighted
	return rank
}
