package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Write generates the network described by c and writes actors.csv,
// contacts.csv, attendance.csv and events.csv into dir, creating dir if
// needed and overwriting the four files. It returns c.Validate's error for
// an invalid c and otherwise the first I/O error. Rows are streamed to
// buffered files: memory grows with Actors and the attendance rows, not
// with the contact rows.
//
// The files use '\n' line endings and encoding/csv quoting; dates are
// YYYY-MM-DD, lists are joined with ';'. Columns:
//
//	actors.csv:     id,name,organization,sector,goals,capabilities,capacity,region[,scenario]
//	contacts.csv:   source,target,weight,date,kind
//	attendance.csv: actor,event,date,role
//	events.csv:     id,name,date,topics,region
//
// capacity is an annual budget in thousands; region and scenario are extra
// columns the loader ignores (scenario only with Config.Scenarios).
func Write(dir string, c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	g := newGen(c)
	g.makeActors()
	g.buildPools()
	g.makeEvents()
	for _, f := range []struct {
		name string
		fill func(*csv.Writer) error
	}{
		{"actors.csv", g.writeActors},
		{"events.csv", g.writeEvents},
		{"attendance.csv", g.writeAttendance},
		{"contacts.csv", g.writeContacts},
	} {
		if err := writeFile(filepath.Join(dir, f.name), f.fill); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return nil
}

func writeFile(path string, fill func(*csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(bufio.NewWriterSize(f, 1<<16)) // csv reuses this buffer
	err = fill(w)
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (g *gen) writeActors(w *csv.Writer) error {
	header := []string{"id", "name", "organization", "sector", "goals", "capabilities", "capacity", "region"}
	if g.c.Scenarios {
		header = append(header, "scenario")
	}
	if err := w.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	var sb strings.Builder
	for i := range g.actors {
		a := &g.actors[i]
		rec[0] = g.ids[i]
		rec[1] = g.names[i]
		rec[2] = g.orgs[a.org].name
		rec[3] = sectorNames[a.sector]
		sb.Reset()
		for k, t := range a.goals[:a.nGoals] {
			if k > 0 {
				sb.WriteByte(';')
			}
			sb.WriteString(goalTags[t].tag)
		}
		rec[4] = sb.String()
		sb.Reset()
		for k, t := range a.caps[:a.nCaps] {
			if k > 0 {
				sb.WriteByte(';')
			}
			sb.WriteString(capabilities[t].name)
		}
		rec[5] = sb.String()
		rec[6] = strconv.FormatFloat(a.capacity, 'f', -1, 64)
		rec[7] = regions[a.region].name
		if g.c.Scenarios {
			rec[8] = roleNames[a.role]
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// events

type event struct {
	day     int32
	region  int8 // -1: national
	nTopics uint8
	topics  [3]uint8
	size    int32 // planned number of attendees
	name    string
}

// makeEvents draws the events: dates (IDs in date order), topics in
// proportion to how many people hold each goal, heavy-tailed sizes scaled
// to the attendance target, a region for most small events, and names.
func (g *gen) makeEvents() {
	c, r := g.c, g.rng
	E := c.Events
	if E == 0 {
		return
	}
	g.events = make([]event, E)
	dayList := make([]int32, E)
	for e := range dayList {
		dayList[e] = int32(r.IntN(g.days))
	}
	slices.Sort(dayList)
	tw := make([]float64, numRandomGoals)
	for t := range tw {
		tw[t] = float64(g.byTag.size(t)) + 0.1
	}
	topicCum := cumulative(tw)
	regCum := g.regionCum()
	// sizes
	target := math.Round(float64(c.Actors) * c.AttendancePerActor)
	raw := make([]float64, E)
	sum := 0.0
	for e := range raw {
		raw[e] = g.pareto(c.EventSizeExponent)
		sum += raw[e]
	}
	eligible := g.all.size(0)
	maxSize := min(eligible, max(2, eligible/2))
	mean := target / float64(E)
	for e := range g.events {
		ev := &g.events[e]
		ev.day = dayList[e]
		if target > 0 {
			ev.size = int32(min(maxSize, max(2, int(math.Round(raw[e]*target/sum)))))
		}
		nt := 1 + pickCum(r, []float64{0.45, 0.85, 1})
		for try := 0; int(ev.nTopics) < nt && try < 20; try++ {
			t := uint8(pickCum(r, topicCum))
			if !slices.Contains(ev.topics[:ev.nTopics], t) {
				ev.topics[ev.nTopics] = t
				ev.nTopics++
			}
		}
		large := float64(ev.size) >= max(40, 3*mean)
		ev.region = -1
		if !large && r.Float64() < 0.8 {
			ev.region = int8(pickCum(r, regCum))
		}
		var sb strings.Builder
		switch {
		case ev.region >= 0:
			sb.WriteString(regions[ev.region].name)
			sb.WriteByte(' ')
		case r.Float64() < 0.5:
			sb.WriteString("National ")
		}
		sb.WriteString(goalTitle(goalTags[ev.topics[0]].tag))
		if ev.nTopics > 1 && r.Float64() < 0.3 {
			sb.WriteString(" and ")
			sb.WriteString(goalTitle(goalTags[ev.topics[1]].tag))
		}
		sb.WriteByte(' ')
		if large {
			sb.WriteString(largeFormats[r.IntN(len(largeFormats))])
		} else {
			sb.WriteString(smallFormats[r.IntN(len(smallFormats))])
		}
		sb.WriteByte(' ')
		sb.WriteString(g.date[ev.day][:4])
		ev.name = sb.String()
	}
}

func (g *gen) eventID(e int) string {
	width := max(3, len(strconv.Itoa(g.c.Events)))
	n := strconv.Itoa(e + 1)
	return "ev-" + strings.Repeat("0", max(0, width-len(n))) + n
}

func (g *gen) writeEvents(w *csv.Writer) error {
	if err := w.Write([]string{"id", "name", "date", "topics", "region"}); err != nil {
		return err
	}
	g.eventIDs = make([]string, len(g.events))
	rec := make([]string, 5)
	var sb strings.Builder
	for e := range g.events {
		ev := &g.events[e]
		g.eventIDs[e] = g.eventID(e)
		rec[0] = g.eventIDs[e]
		rec[1] = ev.name
		rec[2] = g.date[ev.day]
		sb.Reset()
		for k, t := range ev.topics[:ev.nTopics] {
			if k > 0 {
				sb.WriteByte(';')
			}
			sb.WriteString(goalTags[t].tag)
		}
		rec[3] = sb.String()
		rec[4] = "national"
		if ev.region >= 0 {
			rec[4] = regions[ev.region].name
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// writeAttendance fills every event: 80% of the draws come from people
// holding one of its topics as a goal, the rest from its region (or
// anywhere for national events); people from another region accept a
// regional event with probability 0.25. Draws are weighted by activity. The
// first attendee organises (two for events of 50 or more), then come the
// speakers. It records who attended what for the contact generator.
func (g *gen) writeAttendance(w *csv.Writer) error {
	if err := w.Write([]string{"actor", "event", "date", "role"}); err != nil {
		return err
	}
	r := g.rng
	total := 0
	for e := range g.events {
		total += int(g.events[e].size)
	}
	g.attOff = make([]int32, len(g.events)+1)
	g.attMem = make([]int32, 0, total)
	stamp := make([]int32, len(g.actors))
	for i := range stamp {
		stamp[i] = -1
	}
	rec := make([]string, 4)
	for e := range g.events {
		ev := &g.events[e]
		organisers, speakers := 1, 0
		if ev.size >= 50 {
			organisers = 2
		}
		if ev.size >= 5 {
			speakers = min(12, 1+int(ev.size)/15)
		}
		rec[1] = g.eventIDs[e]
		rec[2] = g.date[ev.day]
		n := 0
		for slot := 0; slot < int(ev.size); slot++ {
			a := int32(-1)
			for try := 0; try < 40; try++ {
				var x int32
				switch {
				case try < 30 && r.Float64() < 0.8:
					x = g.byTag.sample(r, int(ev.topics[r.IntN(int(ev.nTopics))]))
				case ev.region >= 0:
					x = g.byRegion.sample(r, int(ev.region))
				default:
					x = g.all.sample(r, 0)
				}
				if x < 0 || stamp[x] == int32(e) {
					continue
				}
				if ev.region >= 0 && int8(g.actors[x].region) != ev.region && r.Float64() >= 0.25 {
					continue
				}
				a = x
				break
			}
			if a < 0 {
				continue
			}
			stamp[a] = int32(e)
			g.attMem = append(g.attMem, a)
			rec[0] = g.ids[a]
			switch {
			case n < organisers:
				rec[3] = "organiser"
			case n < organisers+speakers:
				rec[3] = "speaker"
			default:
				rec[3] = "attendee"
			}
			n++
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		g.attOff[e+1] = int32(len(g.attMem))
	}
	// actor -> events, each list in event (date) order
	g.actOff = make([]int32, len(g.actors)+1)
	for _, a := range g.attMem {
		g.actOff[a+1]++
	}
	for i := range g.actors {
		g.actOff[i+1] += g.actOff[i]
	}
	g.actEv = make([]int32, len(g.attMem))
	next := slices.Clone(g.actOff[:len(g.actors)])
	for e := range g.events {
		for _, a := range g.attMem[g.attOff[e]:g.attOff[e+1]] {
			g.actEv[next[a]] = int32(e)
			next[a]++
		}
	}
	return nil
}

// contacts

// remember records the tie u-v in both actors' rings of recent contacts.
func (g *gen) remember(u, v int32) {
	g.ring[int(u)*ringSize+int(g.ringN[u]%ringSize)] = v
	g.ringN[u]++
	g.ring[int(v)*ringSize+int(g.ringN[v]%ringSize)] = u
	g.ringN[v]++
}

// closure returns a contact of a contact of u, or -1.
func (g *gen) closure(u int32) int32 {
	n := min(int(g.ringN[u]), ringSize)
	if n == 0 {
		return -1
	}
	v := g.ring[int(u)*ringSize+g.rng.IntN(n)]
	m := min(int(g.ringN[v]), ringSize)
	if m == 0 {
		return -1
	}
	return g.ring[int(v)*ringSize+g.rng.IntN(m)]
}

// coAttendee returns someone who attended an event with u on or before
// day d, or -1.
func (g *gen) coAttendee(u int32, d int) int32 {
	if len(g.events) == 0 {
		return -1
	}
	evs := g.actEv[g.actOff[u]:g.actOff[u+1]]
	k, _ := slices.BinarySearchFunc(evs, d, func(e int32, d int) int {
		if int(g.events[e].day) <= d {
			return -1
		}
		return 1
	})
	if k == 0 {
		return -1
	}
	e := evs[g.rng.IntN(k)]
	lo, hi := g.attOff[e], g.attOff[e+1]
	return g.attMem[int(lo)+g.rng.IntN(int(hi-lo))]
}

// target draws the other end of a new contact of u on day d, following
// Config.Mixing; it returns -1 if 20 draws fail.
func (g *gen) target(u int32, d int) int32 {
	r, m, a := g.rng, g.c.Mixing, &g.actors[u]
	R := g.c.Regions
	for try := 0; try < 20; try++ {
		x := r.Float64()
		var v int32
		switch {
		case x < m.Org:
			v = g.byOrg.sample(r, int(a.org))
		case x < m.Org+m.Local:
			v = g.byLocal.sample(r, int(a.sector)*R+int(a.region))
		case x < m.Org+m.Local+m.Sector:
			v = g.bySector.sample(r, int(a.sector))
		case x < m.Org+m.Local+m.Sector+m.Region:
			v = g.byRegion.sample(r, int(a.region))
		case x < m.Org+m.Local+m.Sector+m.Region+m.Closure:
			v = g.closure(u)
		case x < m.sum():
			v = g.coAttendee(u, d)
		default:
			v = g.all.sample(r, 0)
		}
		if v < 0 || v == u || g.forbidden(u, v) {
			continue
		}
		return v
	}
	return -1
}

// writeContacts writes round(Actors*ContactsPerActor) generated rows in
// time order (row k falls near Start + k/rows of the period), each
// possibly followed by a repeat of the pair 1 to 52 weeks later, then the
// planted rows.
func (g *gen) writeContacts(w *csv.Writer) error {
	if err := w.Write([]string{"source", "target", "weight", "date", "kind"}); err != nil {
		return err
	}
	c, r := g.c, g.rng
	g.ring = make([]int32, len(g.actors)*ringSize)
	g.ringN = make([]uint32, len(g.actors))
	kindCum := cumulative(kindProb[:])
	weightCum := cumulative(weightProb[:])
	rec := make([]string, 5)
	emit := func(u, v int32, weight, d, kind int) error {
		rec[0], rec[1] = g.ids[u], g.ids[v]
		rec[2] = weightStr[weight]
		rec[3] = g.date[d]
		rec[4] = contactKinds[kind]
		return w.Write(rec)
	}
	draw := func() (weight, kind int) {
		kind = pickCum(r, kindCum)
		weight = 1 + pickCum(r, weightCum)
		if contactKinds[kind] == "project" {
			weight = min(5, weight+1)
		}
		return weight, kind
	}
	M := int(math.Round(float64(c.Actors) * c.ContactsPerActor))
	fails := 0
	for rows := 0; rows < M; {
		d := min(g.days-1, int((float64(rows)+r.Float64())/float64(M)*float64(g.days)))
		u := g.all.sample(r, 0)
		v := g.target(u, d)
		if v < 0 {
			if fails++; fails > M+100 {
				break
			}
			continue
		}
		weight, kind := draw()
		if err := emit(u, v, weight, d, kind); err != nil {
			return err
		}
		rows++
		g.remember(u, v)
		if rows < M && r.Float64() < c.RepeatProb {
			d2 := d + 7*(1+r.IntN(52))
			if d2 < g.days {
				weight, kind := draw()
				if r.IntN(2) == 1 {
					u, v = v, u
				}
				if err := emit(u, v, weight, d2, kind); err != nil {
					return err
				}
				rows++
			}
		}
	}
	for _, p := range g.planted {
		if err := emit(p.u, p.v, p.weight, p.day, p.kind); err != nil {
			return err
		}
	}
	return nil
}

var weightStr = [...]string{"0", "1", "2", "3", "4", "5"}
