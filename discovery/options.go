package discovery

import (
	"errors"
	"fmt"
	"math"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// DefaultTop is the number of candidates returned per focal actor when [Options].Top is 0.
const DefaultTop = 10

// DefaultWeights returns the weights used when [Options].Weights is the zero value:
//
//	Goal 0.35, Proximity 0.20, Trust 0.15, Complementarity 0.15, Reach 0.15
//
// These numbers are provisional. Shared purpose gets the largest weight because it is the
// first thing the product is asked about ("who shares our WHY?"); proximity second, because
// link prediction is the component with published evidence that it predicts new ties
// (Liben-Nowell and Kleinberg 2007); trust, complementarity and reach share the rest equally.
// They are to be replaced by the weights [FitWeights] finds on time-split data, and the
// report of that evaluation is the reason to change them.
func DefaultWeights() Weights {
	return Weights{Goal: 0.35, Proximity: 0.20, Trust: 0.15, Complementarity: 0.15, Reach: 0.15}
}

// Options configure a ranking. The zero value is valid: default weights, the top 10,
// no filters, contacts as existing partners and [score.Distance] proximity on the contacts
// layer; [DefaultOptions] is the recommended starting point (resource-allocation proximity
// on the combined layer).
type Options struct {
	// Weights of the five components; the zero value means DefaultWeights().
	Weights Weights
	// Top is the number of candidates returned per focal actor: 0 means DefaultTop and a
	// negative value means every candidate.
	Top int
	// MinGoal keeps only candidates whose goal overlap is at least MinGoal (in [0, 1]).
	MinGoal float64
	// Sectors, when not empty, keeps only candidates whose sector is one of these (compared
	// after graph.NormalizeTag, so "NGO" matches "ngo").
	Sectors []string
	// ExcludeIDs are actors never proposed as candidates. An ID not in the network is an
	// *UnknownIDError.
	ExcludeIDs []string
	// Exclude is the layer whose ties make two actors existing partners rather than a
	// candidate pair (default graph.Contacts; graph.Combined for co-authorship data, where a
	// shared paper is the tie). The same layer carries the ties through which trust
	// (introducers), friends of friends and reach are measured.
	Exclude graph.Layer
	// Proximity is the link predictor of the proximity component; the zero value is
	// score.Distance. DefaultOptions sets score.ResourceAllocation.
	Proximity score.Predictor
	// Link configures the proximity predictor (layer, weighting, Katz and rooted-PageRank
	// parameters). The zero value is the unweighted contacts layer; DefaultOptions sets the
	// combined layer.
	Link score.LinkConfig
	// Score configures the centralities behind the power flags and coalition balance
	// (PageRank on Score.Layer).
	Score score.Config
	// Interests configures the goal profiles behind goal overlap.
	Interests score.InterestConfig
	// Thresholds of the power and competitor flags; the zero value means
	// score.DefaultThresholds().
	Thresholds score.Thresholds
	// Workers is the number of goroutines RankMany uses; 0 means runtime.GOMAXPROCS(0).
	// Results do not depend on it.
	Workers int
	// Progress, if not nil, is called by RankMany after each focal actor is ranked, with the
	// number done so far and the total. Calls are serialised and done increases by one each
	// time, but they come from worker goroutines.
	Progress func(done, total int)
}

// DefaultOptions returns the recommended options: default weights, the top 10, contacts as
// existing partners, and resource-allocation proximity (Zhou, Lü and Zhang 2009) on the
// combined contacts + co-attendance layer, with default thresholds.
func DefaultOptions() Options {
	return Options{
		Weights:    DefaultWeights(),
		Top:        DefaultTop,
		Exclude:    graph.Contacts,
		Proximity:  score.ResourceAllocation,
		Link:       score.LinkConfig{Layer: graph.Combined},
		Thresholds: score.DefaultThresholds(),
	}
}

// Validate reports options that cannot be applied.
func (o Options) Validate() error {
	if o.Weights != (Weights{}) {
		if err := o.Weights.Validate(); err != nil {
			return err
		}
	}
	switch {
	case math.IsNaN(o.MinGoal) || o.MinGoal < 0 || o.MinGoal > 1:
		return fmt.Errorf("discovery: minimum goal overlap %v outside [0, 1]", o.MinGoal)
	case o.Exclude < graph.Contacts || o.Exclude > graph.Combined:
		return fmt.Errorf("discovery: unknown exclude layer %d", o.Exclude)
	case o.Proximity < 0 || o.Proximity >= score.Predictor(len(score.Predictors())):
		return fmt.Errorf("discovery: unknown proximity predictor %d", o.Proximity)
	case o.Workers < 0:
		return errors.New("discovery: negative number of workers")
	}
	if err := o.Link.Validate(); err != nil {
		return err
	}
	if err := o.Score.Validate(); err != nil {
		return err
	}
	if o.Thresholds != (score.Thresholds{}) {
		if err := o.Thresholds.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// withDefaults fills the zero fields that have defaults.
func (o Options) withDefaults() Options {
	if o.Weights == (Weights{}) {
		o.Weights = DefaultWeights()
	}
	if o.Top == 0 {
		o.Top = DefaultTop
	}
	if o.Thresholds == (score.Thresholds{}) {
		o.Thresholds = score.DefaultThresholds()
	}
	return o
}
