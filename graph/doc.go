// Package graph loads partnership data and holds it as one indexed network.
//
// partnerscout reads four CSV files (actors.csv, contacts.csv, attendance.csv and events.csv,
// see [ReadDir]) into a [Dataset] of typed records, and [Build] turns a Dataset into the one
// immutable [Network] that every measure and ranking reads. [LoadDir] does both with defaults:
//
//	n, err := graph.LoadDir("testdata/partners")
//	if err != nil {
//		var list graph.ErrorList
//		if errors.As(err, &list) { ... } // every problem, each with file:line:column
//	}
//	i, _ := n.Index("dana-lee")
//	nbrs, weights := n.Neighbors(graph.Contacts, i)
//
// # Data assumptions
//
// Contacts are undirected ties; repeated rows between the same pair add their weights and a
// contact from an actor to itself is an error. An actor that appears only in contacts.csv or
// attendance.csv is created without a profile, and an event that appears only in
// attendance.csv is created without a name, date or topics. Actor and event IDs are compared
// after trimming surrounding white space; goals, capabilities and topics are tags compared after
// [NormalizeTag].
//
// # Layers
//
// A Network has three layers over the same actors, each stored once as compact adjacency
// arrays (CSR) with neighbours in index order:
//
//   - [Contacts]: explicit ties, weight = summed contact weight (decayed, see below);
//   - [Events]: co-attendance projected from the actor-event incidence under a [Weighting]:
//     Count (Breiger 1974: number of shared events), Newman (2001: sum over shared events of
//     1/(n_e-1)) or Jaccard (shared events over events of either);
//   - [Combined]: contacts weight + events weight.
//
// The incidence itself is kept ([Network.EventsOf], [Network.Attendees]) for event-level
// questions. Events with more than [Options].MaxEventSize attendees stay in the incidence but
// are left out of the projection, and [Network.Notes] says so.
//
// # Time
//
// [Options].AsOf cuts the data: rows dated after it are dropped, undated rows are kept. It
// defaults to the newest date in the data, never the wall clock. With a HalfLife, each dated
// weight is multiplied by 0.5^(age/HalfLife), age in whole days before AsOf.
//
// # Errors
//
// Bad input never panics. Every problem is a [*LoadError] naming file, line, column and what was
// expected; a read collects all problems (up to [Limits].MaxErrors) into an [ErrorList].
package graph
