package score

import (
	"slices"

	"github.com/partnerscout/partnerscout/graph"
)

// Weights of the two parts of [Complementarity].
const (
	complementCapability = 0.75
	complementSector     = 0.25
)

// Complementarity returns how much candidate cand would add to focal: the share of the two
// actors' pooled capabilities that only cand has, blended with whether they work in
// different sectors,
//
//	share = |C_cand \ C_focal| / |C_cand ∪ C_focal|
//	complementarity = 0.75 · share + 0.25 · [both sectors known and different]
//
// in [0, 1]. Capabilities count three times as much as sector because they are what a
// partner brings; a different sector is a weaker hint of different skills, reach and
// funders. Capabilities and sectors are compared after [graph.NormalizeTag]. A focal actor
// without capabilities gets share 1 from any candidate with some (everything is new), a
// candidate without capabilities share 0. When neither actor lists any capability the
// result is 0: there is nothing to go on, and the sector alone is not evidence of
// complementarity. The result is never NaN.
func Complementarity(n *graph.Network, focal, cand int) float64 {
	// Small capability lists are normalised into arrays on the stack: no allocation.
	var fb, cb [16]string
	f, c := appendCapSet(fb[:0], n, focal), appendCapSet(cb[:0], n, cand)
	if len(f) == 0 && len(c) == 0 {
		return 0
	}
	only, union := 0, len(f)
	for _, x := range c {
		if _, ok := slices.BinarySearch(f, x); !ok {
			only++
			union++
		}
	}
	share := float64(only) / float64(union)
	sector := 0.0
	fs := graph.NormalizeTag(n.Actor(focal).Sector)
	cs := graph.NormalizeTag(n.Actor(cand).Sector)
	if fs != "" && cs != "" && fs != cs {
		sector = 1
	}
	return complementCapability*share + complementSector*sector
}

// Brings returns the capabilities cand has and focal lacks (after [graph.NormalizeTag]),
// sorted; nil when there are none.
func Brings(n *graph.Network, focal, cand int) []string {
	f, c := capSet(n, focal), capSet(n, cand)
	var out []string
	for _, x := range c {
		if _, ok := slices.BinarySearch(f, x); !ok {
			out = append(out, x)
		}
	}
	return out
}

// capSet returns actor i's normalised capabilities, sorted and deduplicated.
func capSet(n *graph.Network, i int) []string {
	caps := n.Actor(i).Capabilities
	if len(caps) == 0 {
		return nil
	}
	return appendCapSet(make([]string, 0, len(caps)), n, i)
}

// appendCapSet appends actor i's normalised capabilities to out[:0], sorted and
// deduplicated, and returns the result.
func appendCapSet(out []string, n *graph.Network, i int) []string {
	out = out[:0]
	for _, s := range n.Actor(i).Capabilities {
		if s = graph.NormalizeTag(s); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
