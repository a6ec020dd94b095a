// Package synth generates realistic, fictional cross-sector partnership
// networks and writes them as partnerscout's four CSV input files
// (actors.csv, contacts.csv, attendance.csv, events.csv; see DESIGN.md).
//
// It makes the bundled data set testdata/partners ([Partners]) and large
// networks for benchmarks ([Scale]). Generation is deterministic: the only
// source of randomness is a PCG generator seeded from [Config.Seed], output
// never depends on map iteration, and equal Configs give byte-identical
// files.
//
// # Model
//
// People belong to organisations. An organisation has a sector
// (government, business, nonprofit, academia), a region, a log-normal size
// (councils and universities are larger) and 2-4 focus goals drawn from a
// Zipf distribution (exponent 0.9) over 48 goal tags, with tags common in its sector
// three times as likely. A person holds 1-4 goals, mostly from the focus, 1-3
// capabilities drawn by sector (business: funding, technology; government:
// policy access, funding; nonprofit: community reach, volunteers; academia:
// research, evaluation, data), a log-normal capacity (annual budget in
// thousands, larger and more spread in government and business) and a
// Pareto-distributed activity.
//
// Events get dates spread over the period, 1-3 topics drawn in proportion
// to how many people hold each goal, and Pareto-distributed sizes. Their
// attendees are mostly people holding a topic as a goal, from the event's
// region; the first attendees organise and speak.
//
// Contacts are undirected rows, generated in time order. One end is drawn
// in proportion to activity (hubs, heavy-tailed degree); the other comes
// from a pool chosen by [Mixing]: the same organisation, sector and region,
// a contact of a contact, a co-attendee of an earlier event, or anyone
// (bridges). Weights are 1-5 meetings, kinds are meeting, email, project or
// call, and some pairs get a repeated row later on (the loader sums them).
// There are no self contacts.
//
// With [Config.Scenarios] the generator plants cases that make a ranking
// explainable: a hub with a one-person organisation depending on it,
// newcomers whose best partners are two steps away through an introducer,
// a competitor pair and rare shared goals. actors.csv then has a scenario
// column naming each planted role; testdata/partners/README.md describes
// them.
package synth
