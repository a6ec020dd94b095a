package main

import (
	"flag"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// filterFlags are the candidate filters that rank, events and coalition share.
type filterFlags struct {
	minGoal   float64
	sector    string
	exclude   string
	proximity string
}

func (f *filterFlags) register(fs *flag.FlagSet) {
	fs.Float64Var(&f.minGoal, "min-goal", 0, "keep only candidates whose goal overlap with the focal actor is at least `X` (0..1)")
	fs.StringVar(&f.sector, "sector", "", "keep only candidates in these `SECTORS` (comma-separated)")
	fs.StringVar(&f.exclude, "exclude", "contacts", "`LAYER` whose ties make two actors existing partners, never proposed: contacts|events|combined")
	fs.StringVar(&f.proximity, "proximity", "", "link `PREDICTOR` behind the proximity component, optionally with the suffix _weighted (default resource_allocation; rooted_pagerank predicts better on hep-th but costs 3-30x more per actor)")
}

// options returns the library's recommended options (discovery.DefaultOptions) with the
// filters applied. --layer, when given on the command line, sets the layer of the proximity
// predictor and of the centralities behind the power measures.
func (f *filterFlags) options(e *env) (discovery.Options, error) {
	o := discovery.DefaultOptions()
	if !(f.minGoal >= 0 && f.minGoal <= 1) {
		return o, usagef("--min-goal %v: want a number in [0, 1]", f.minGoal)
	}
	o.MinGoal = f.minGoal
	o.Sectors = splitList(f.sector)
	var err error
	if o.Exclude, err = graph.ParseLayer(f.exclude); err != nil {
		return o, usagef("--exclude %q: want contacts, events or combined", f.exclude)
	}
	if f.proximity != "" {
		base, weighted := strings.CutSuffix(f.proximity, discovery.WeightedSuffix)
		p, err := score.ParsePredictor(base)
		if err != nil {
			return o, usagef("--proximity %q: want one of %s (optionally with %s)", f.proximity, predictorNames(), discovery.WeightedSuffix)
		}
		o.Proximity, o.Link.Weighted = p, weighted
	}
	if e.set["layer"] {
		o.Link.Layer = e.g.lay
		o.Score.Layer = e.g.lay
	}
	return o, nil
}

// filterHelp describes the shared filters in a command's --help.
const filterHelp = `--layer, when given, is the layer of the proximity predictor and of the centralities behind
the power measures; without it the library defaults apply (proximity on combined, power on
contacts).`

// predictorNames lists the link predictors for usage messages.
func predictorNames() string {
	var names []string
	for _, p := range score.Predictors() {
		names = append(names, p.String())
	}
	return strings.Join(names, ", ")
}
