// Package discovery answers the questions collaborative leaders ask of a [graph.Network]:
// whom to approach and why ([Rank]), which events to attend ([Events]), which set of partners
// covers their goals with power shared ([Coalition]), whether the ranking predicts real
// collaborations ([Evaluate]) and whether past partnerships worked ([Review]).
package discovery
