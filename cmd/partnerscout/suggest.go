package main

import (
	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

// unknownActor returns the error for an actor ID the network does not have: a
// *discovery.UnknownIDError naming the closest known IDs.
func unknownActor(n *graph.Network, id string) error {
	return &discovery.UnknownIDError{ID: id, Suggestions: discovery.Suggest(n, id, 3)}
}
