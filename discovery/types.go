package discovery

import (
	"errors"
	"fmt"
	"math"

	"github.com/partnerscout/partnerscout/score"
)

// Weights sets how much each component contributes to a candidate's score. Each weight is
// >= 0; they need not sum to 1 (the total is divided by their sum, so scores stay in [0,1]).
type Weights struct {
	Goal            float64 `json:"goal"`
	Proximity       float64 `json:"proximity"`
	Trust           float64 `json:"trust"`
	Complementarity float64 `json:"complementarity"`
	Reach           float64 `json:"reach"`
}

// Validate reports negative, NaN or infinite weights, and weights that are all zero.
func (w Weights) Validate() error {
	sum := 0.0
	for _, x := range w.slice() {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return fmt.Errorf("discovery: weight %v must be a finite number >= 0", x)
		}
		sum += x
	}
	if sum == 0 {
		return errors.New("discovery: all weights are zero")
	}
	return nil
}

// slice returns the weights in field order.
func (w Weights) slice() [5]float64 {
	return [5]float64{w.Goal, w.Proximity, w.Trust, w.Complementarity, w.Reach}
}

// Components are a candidate's scores on each measure, each in [0,1].
type Components struct {
	Goal            float64 `json:"goal"`
	Proximity       float64 `json:"proximity"`
	Trust           float64 `json:"trust"`
	Complementarity float64 `json:"complementarity"`
	Reach           float64 `json:"reach"`
}

// An Introducer is a mutual contact who can introduce the focal actor to a candidate;
// Strength is the weaker of its two ties (the strength of the introduction path).
type Introducer struct {
	ID       string  `json:"id"`
	Strength float64 `json:"strength"`
}

// A Candidate is one ranked potential partner with the reasons for its place.
type Candidate struct {
	Focal        string       `json:"focal"`
	ID           string       `json:"candidate"`
	Rank         int          `json:"rank"`  // 1-based
	Score        float64      `json:"score"` // Σ weight·component / Σ weight, in [0,1]
	Components   Components   `json:"components"`
	Contribution Components   `json:"-"` // weight·component / Σ weight, per component
	SharedGoals  []string     `json:"shared_goals"`
	Introducers  []Introducer `json:"introducers"`   // up to 3, strongest first
	SharedEvents []string     `json:"shared_events"` // event IDs both attended (for candidates already met there)
	Brings       []string     `json:"-"`             // capabilities the candidate has and the focal lacks
	Flags        []score.Flag `json:"flags"`
	Why          string       `json:"why"` // a sentence a person can read
}
