package main

import (
	"flag"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
)

var eventsCmd = &command{
	name:    "events",
	summary: "suggest events an actor did not attend, rich in relevant new people",
	args:    "--focal ID --data DIR [--top N] [--min-goal X] [--sector S] [--exclude LAYER] [flags]",
	long: `
Events ranks the events the focal actor did not attend by the people it would meet there who
share its goals and are not yet its partners: an event's score is the sum of their goal
overlaps with the focal actor. The candidate filters (--min-goal, --sector, --exclude) say who
counts. Ordered by score, then event ID. JSON: an array of {"event","name","date","score",
"people","relevant","topics","why"}; relevant lists up to 10 actor IDs to meet, best first.

` + filterHelp,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		focal := fs.String("focal", "", "suggest events for this actor `ID`")
		top := fs.Int("top", discovery.DefaultTop, "keep the best `N` events (0 = every event)")
		var filters filterFlags
		filters.register(fs)
		return func(e *env) error {
			switch {
			case *focal == "":
				return usagef("--focal ID is required")
			case *top < 0:
				return usagef("--top %d: want 0 (every event) or more", *top)
			}
			o, err := filters.options(e)
			if err != nil {
				return err
			}
			o.Top = *top
			if *top == 0 {
				o.Top = -1
			}
			n, err := e.network()
			if err != nil {
				return err
			}
			evs, err := discovery.Events(n, *focal, o)
			if err != nil {
				return err
			}
			evs = orEmpty(evs)
			t := &table{header: []string{"rank", "event", "name", "date", "score", "people", "relevant", "topics", "why"}}
			human := &table{header: []string{"rank", "event", "date", "score", "people", "meet", "name"}}
			for i := range evs {
				s := &evs[i]
				s.Relevant, s.Topics = orEmpty(s.Relevant), orEmpty(s.Topics)
				t.add(integer(i+1), text(s.Event), text(s.Name), text(s.Date), num(s.Score), integer(s.People), texts(s.Relevant), texts(s.Topics), text(s.Why))
				meet := s.Relevant[:min(3, len(s.Relevant))]
				human.add(integer(i+1), text(s.Event), text(s.Date), num(s.Score), integer(s.People), text(strings.Join(meet, ", ")), text(s.Name))
			}
			return e.emit(evs, t, human)
		}
	},
}
