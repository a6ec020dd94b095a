package main

import (
	"flag"
	"fmt"

	"github.com/partnerscout/partnerscout/graph"
)

var validateCmd = &command{
	name:    "validate",
	summary: "check the input files and summarise the network",
	args:    "--data DIR [flags]",
	long: `
Validate reads the input, reports every problem on standard error (file:line:column: what
is wrong, one per line, up to --max-errors) and exits with status 1 if there is any. Clean
input exits 0 and prints a summary: the records read, the actors and events kept by
--from/--as-of, the ties in each layer and what the build did that you should know (notes).`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		return func(e *env) error {
			e.noNotes = true
			d, err := e.dataset()
			if err != nil {
				return err
			}
			n, err := e.network()
			if err != nil {
				return err
			}
			profiles := 0
			for i := range n.Len() {
				if n.Actor(i).Profile {
					profiles++
				}
			}
			layers := []graph.Layer{graph.Contacts, graph.Events, graph.Combined}
			type summary struct {
				Records struct {
					Actors     int `json:"actors"`
					Contacts   int `json:"contacts"`
					Attendance int `json:"attendance"`
					Events     int `json:"events"`
				} `json:"records"`
				Actors   int      `json:"actors"`
				Profiles int      `json:"profiles"`
				Events   int      `json:"events"`
				Ties     object   `json:"ties"`
				AsOf     string   `json:"as_of"`
				Notes    []string `json:"notes"`
			}
			var s summary
			s.Records.Actors, s.Records.Contacts = len(d.Actors), len(d.Contacts)
			s.Records.Attendance, s.Records.Events = len(d.Attendance), len(d.Events)
			s.Actors, s.Profiles, s.Events = n.Len(), profiles, n.NumEvents()
			for _, l := range layers {
				s.Ties = append(s.Ties, field{l.String(), n.Edges(l)})
			}
			s.AsOf = asOfString(n)
			s.Notes = orEmpty(n.Notes())

			t := &table{header: []string{"item", "value"}}
			t.add(text("actors.csv rows"), integer(s.Records.Actors))
			t.add(text("contacts.csv rows"), integer(s.Records.Contacts))
			t.add(text("attendance.csv rows"), integer(s.Records.Attendance))
			t.add(text("events.csv rows"), integer(s.Records.Events))
			t.add(text("actors"), integer(s.Actors))
			t.add(text("actors with a profile"), integer(s.Profiles))
			t.add(text("events"), integer(s.Events))
			for _, l := range layers {
				t.add(text(fmt.Sprintf("ties (%s)", l)), integer(n.Edges(l)))
			}
			t.add(text("as of"), text(s.AsOf))
			for _, note := range s.Notes {
				t.add(text("note"), text(note))
			}
			return e.emit(s, t, nil)
		}
	},
}

// asOfString formats the network's resolved as-of date: the day alone when it is the last
// instant of a day or midnight, RFC 3339 otherwise, and "" when the data has no dates.
func asOfString(n *graph.Network) string {
	t := n.Options().AsOf
	switch {
	case t.Year() == 9999:
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0,
		t.Hour() == 23 && t.Minute() == 59 && t.Second() == 59 && t.Nanosecond() == 999999999:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05Z07:00")
}
