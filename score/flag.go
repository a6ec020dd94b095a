package score

// Flag kinds, as written in JSON output.
const (
	StructuralDominance = "structural_dominance" // one side's network centrality is a multiple of the other's
	ResourceAsymmetry   = "resource_asymmetry"   // one side's capacity is a multiple of the other's
	Dependence          = "dependence"           // Burt's dyadic constraint is strongly asymmetric
	Gatekeeper          = "gatekeeper"           // one side lies on most of the other's shortest paths
	Competitor          = "competitor"           // same goals, same sector, little complementarity
	ConcentratedPower   = "concentrated_power"   // a group's centrality is concentrated in few members
)

// Severities of a Flag, in increasing order.
const (
	Low    = "low"
	Medium = "medium"
	High   = "high"
)

// A Flag is information about power in a pair or group, never a reason to drop a candidate.
// It carries the measured value, the threshold it crossed, the actor holding the advantage
// and a sentence a person can read.
type Flag struct {
	Kind      string  `json:"kind"`
	Severity  string  `json:"severity"`
	Value     float64 `json:"value"`
	Threshold float64 `json:"threshold"`
	Advantage string  `json:"advantage"` // actor ID; "" for a group flag
	Detail    string  `json:"detail"`
}
