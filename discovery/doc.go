// Package discovery answers the questions collaborative leaders ask of a [graph.Network]:
// whom to approach and why ([Rank]), which events to attend ([Events]), which set of partners
// covers their goals with power shared ([Coalition]), whether the ranking predicts real
// collaborations ([Evaluate]) and whether past partnerships worked ([Review]).
//
// # Ranking candidates
//
// Start from [DefaultOptions] and rank for one actor, or build a [Ranker] once and rank many
// (the Ranker precomputes goal profiles, PageRank and power data and is safe for concurrent
// use):
//
//	n, err := graph.LoadDir("testdata/partners")
//	...
//	o := discovery.DefaultOptions()
//	o.Top = 5
//	cands, err := discovery.Rank(n, "ngo-041", o)
//	for _, c := range cands {
//		fmt.Printf("%d %s %.3f %s\n", c.Rank, c.ID, c.Score, c.Why)
//	}
//
// For many focal actors, [Ranker.RankMany] ranks them in parallel and returns every ranking;
// [Ranker.RankEach] hands each ranking to a function in the order given, as soon as it is
// ready, so that a whole network (100,000 focal actors) can be ranked and written out in
// bounded memory:
//
//	r, err := discovery.NewRanker(n, o)
//	...
//	err = r.RankEach(n.IDs(), func(k int, cands []discovery.Candidate) error {
//		return enc.Encode(cands) // written while later rankings are computed
//	})
//
// Candidates are actors not tied to the focal actor in the [Options].Exclude layer (contacts
// by default; combined for co-authorship data, where a shared paper means two people know
// each other), drawn from friends of friends, co-attendees and actors anywhere in the network
// who share a goal. Each gets five components in [0,1]:
//
//   - goal: cosine of IDF-weighted goal vectors ([score.Profiles]);
//   - proximity: a link-prediction score on the combined layer ([Options].Proximity,
//     resource allocation by default), divided by the focal actor's best;
//   - trust: the best introduction path t = max over mutual contacts m of
//     min(strength(focal, m), strength(m, candidate)), as t/(1+t);
//   - complementarity: [score.Complementarity], capabilities brought and sector difference;
//   - reach: new/(partners + new), new being the candidate's contacts the focal lacks.
//
// The score is Σ weight·component / Σ weight with [DefaultWeights] (chosen by [FitWeights]
// on time-split data; see its documentation), rounded to 1e-9, ties broken by ID. Each
// [Candidate] carries its explanation: shared goals, up to three introducers, shared events,
// capabilities brought, power flags ([score.Flag]) and a sentence.
//
// # Events and coalitions
//
// [Events] ranks events the focal actor did not attend by the goal-relevant people it would
// meet there who are not yet its contacts. [Coalition] chooses k partners greedily for goal
// coverage and sector diversity while the Gini of PageRank in the group stays under a limit.
//
// # Evidence
//
// [Evaluate] cuts a [graph.Dataset] at a date and measures how well each link predictor, goal
// overlap and the composite ranking foresee the ties formed afterwards (Liben-Nowell and
// Kleinberg 2007): improvement over random, precision@k, recall@k and AUC. [FitWeights] fits
// the composite's weights on a validation split that ends before the test period.
//
// # Reviews
//
// [NewReviewer] builds a dataset's network at two dates; [Reviewer.Review] reports what
// changed for one actor (partners gained and faded, reach, goal coverage, position, power
// flags, and which of the partners recommended at the earlier date were realised), and
// [Reviewer.Group] does the same for a partnership or coalition.
//
// Results never depend on map order, on the number of workers or on the wall clock: the
// same input gives the same output, byte for byte.
package discovery
