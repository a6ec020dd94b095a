// Partnerscout finds partners in a network of contacts and shared events: who to partner
// with and why, who can introduce you, which events to attend, which coalition covers your
// goals, and whether a partnership is balanced in power.
//
// It is a thin command line over the partnerscout library (packages graph, score and
// discovery): flags go in, the library computes, results come out as an aligned table, CSV
// or JSON.
//
// Usage:
//
//	partnerscout COMMAND [flags]
//
// Flags come after the command name. Every command prints its flags with --help, and
// 'partnerscout help' lists the commands.
//
// # Commands
//
//	validate    check the input files and summarise the network
//	project     print the co-attendance ties projected from events (actor x actor)
//	export      write the network as Graphviz DOT, GraphML or GEXF (--to dot|graphml|gexf)
//	centrality  compute centrality and structural-hole measures of every actor
//	power       flag power asymmetries in partnerships and concentration in a group
//	rank        rank candidate partners of an actor, with the reasons and power flags
//	events      suggest events an actor did not attend, rich in relevant new people
//	coalition   choose a set of partners that covers an actor's goals with power shared
//	evaluate    check how well each predictor foresees the ties formed after a date
//	review      review how an actor's partnerships (or a group's ties) changed between two dates
//	report      write a self-contained HTML partner report for an actor
//	map         draw an actor's ego network with its candidates and introducers as SVG
//	synth       generate a synthetic partnership network as the four CSV files
//
// A typical session:
//
//	partnerscout validate   --data mydata
//	partnerscout rank       --data mydata --focal ngo-017 --top 10
//	partnerscout power      --data mydata --focal ngo-017 --with biz-004,gov-002
//	partnerscout events     --data mydata --focal ngo-017
//	partnerscout coalition  --data mydata --focal ngo-017 --size 3
//	partnerscout report     --data mydata --focal ngo-017 --out ngo-017.html
//	partnerscout evaluate   --data mydata --split 2023-12-31
//	partnerscout review     --data mydata --focal ngo-017 --then 2023-12-31
//
// JSON output of rank is an array of discovery.Candidate (fields focal, candidate, rank,
// score, components, shared_goals, introducers, shared_events, flags, why); of power,
// {"pairs":[{"a","b","flags"}],"group":{...}} with flags as score.Flag (kind, severity,
// value, threshold, advantage, detail); of centrality, one object per actor with "actor"
// first; of evaluate, one object per predictor sorted by name.
//
// # Input
//
// The data is up to four CSV files (UTF-8, header row required): actors.csv (id, name,
// organization, sector, goals, capabilities, capacity), contacts.csv (source, target, weight,
// date, kind), attendance.csv (actor, event, date, role) and events.csv (id, name, date,
// topics). --data DIR reads whichever exist in DIR; --actors, --contacts, --attendance and
// --events FILE name (or override) single files. At least contacts or attendance is needed.
//
//	partnerscout validate --data testdata/partners
//	partnerscout project --data testdata/davis --format csv
//
// # Data and output flags
//
// Every command that reads data takes:
//
//	--format table|csv|json    output format (default table: aligned columns, floats at %.3f)
//	--from DATE, --as-of DATE  keep only rows dated in [from, as-of]; undated rows are kept.
//	                           A date alone (2024-03-11) means the start of that day for
//	                           --from and the end of that day for --as-of; RFC 3339 instants
//	                           are exact. --as-of defaults to the newest date in the data.
//	--half-life D              decay tie weights by age (180d, 26w, 2y or a Go duration)
//	--layer L                  contacts, events (co-attendance) or combined (default)
//	--weighting W              co-attendance weight: count, newman or jaccard
//	--max-event-size N         larger events are not projected into co-attendance ties
//	--max-field-bytes, --max-record-bytes, --max-rows, --max-actors, --max-errors
//	                           input limits (graph.Limits)
//	--quiet                    no progress and no notes on standard error
//	--raw                      CSV cells as they are (see below)
//
// # Output
//
// Output is deterministic: the same input and flags give byte-identical output. Rows are
// sorted (actors by ID, ties by their two IDs, rankings by rank). JSON floats are
// encoding/json's; values that do not exist (the constraint of an actor without ties) are
// null in JSON, empty in CSV and "-" in tables.
//
// CSV text cells that start with =, +, -, @, a tab or a carriage return get a leading
// apostrophe, so that a spreadsheet does not run a hostile name as a formula (OWASP, "CSV
// Injection"). Numbers are never changed. --raw turns this off.
//
// Progress is shown on standard error only when it is a terminal and --quiet is not given.
//
// # Exit status
//
//	0  success
//	1  bad data: every problem is printed on standard error as file:line:column: what is
//	   wrong, one per line; also an unknown actor ID, with the closest known IDs
//	2  bad usage: unknown command or flag, a bad date or duration, --from after --as-of
package main
