package graph

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A Layer selects which ties of a [Network] a question looks at.
type Layer int

// The layers of a Network.
const (
	Contacts Layer = iota // explicit contacts
	Events                // co-attendance projected from events
	Combined              // contacts weight + events weight
	numLayers
)

var layerNames = [...]string{"contacts", "events", "combined"}

// String returns "contacts", "events" or "combined".
func (l Layer) String() string {
	if l < 0 || l >= numLayers {
		return fmt.Sprintf("Layer(%d)", int(l))
	}
	return layerNames[l]
}

// ParseLayer is the inverse of [Layer.String].
func ParseLayer(s string) (Layer, error) {
	for i, n := range layerNames {
		if s == n {
			return Layer(i), nil
		}
	}
	return 0, fmt.Errorf("graph: unknown layer %q (want contacts, events or combined)", s)
}

// A Weighting says how shared events become a co-attendance tie weight.
type Weighting int

// The co-attendance weightings. With a half-life every shared event e counts with its decay
// factor d(e) (1 without decay).
const (
	// Count is Breiger's (1974) number of shared events: w_ab = Σ_{e ∋ a,b} d(e).
	Count Weighting = iota
	// Newman is Newman's (2001) collaboration weight: w_ab = Σ_{e ∋ a,b} d(e)/(n_e - 1), where
	// n_e is the number of attendees of e.
	Newman
	// Jaccard is the share of the two actors' events that they share:
	// w_ab = Σ_{shared} d(e) / Σ_{e ∈ E_a ∪ E_b} d(e).
	Jaccard
)

var weightingNames = [...]string{"count", "newman", "jaccard"}

// String returns "count", "newman" or "jaccard".
func (w Weighting) String() string {
	if w < 0 || int(w) >= len(weightingNames) {
		return fmt.Sprintf("Weighting(%d)", int(w))
	}
	return weightingNames[w]
}

// ParseWeighting is the inverse of [Weighting.String].
func ParseWeighting(s string) (Weighting, error) {
	for i, n := range weightingNames {
		if s == n {
			return Weighting(i), nil
		}
	}
	return 0, fmt.Errorf("graph: unknown weighting %q (want count, newman or jaccard)", s)
}

// DefaultMaxEventSize is the largest event projected into the events layer when
// Options.MaxEventSize is zero. A larger event would add n(n-1)/2 ties (20,000 attendees make
// 200 million); such events stay in the incidence, where event-level questions see them.
const DefaultMaxEventSize = 1000

// Options say how a [Dataset] becomes a [Network]. The zero value keeps all data, uses Count
// weighting, no decay, and as-of the newest date in the data.
type Options struct {
	Weighting Weighting // co-attendance weighting; default Count
	// From and AsOf keep rows dated in [From, AsOf]; undated rows are always kept. A zero From
	// keeps everything before AsOf; a zero AsOf means the newest date in the data.
	From, AsOf time.Time
	// Window, when positive, keeps only rows dated in (AsOf-Window, AsOf].
	Window time.Duration
	// HalfLife, when positive, multiplies every dated weight by 0.5^(age/HalfLife), where age is
	// the number of whole days from the row's date to AsOf. Undated rows do not decay.
	HalfLife time.Duration
	// MaxEventSize is the largest event projected into the events layer; 0 means
	// DefaultMaxEventSize and a negative value means no limit.
	MaxEventSize int
}

// Validate reports options that cannot be applied.
func (o Options) Validate() error {
	switch {
	case o.Weighting < Count || o.Weighting > Jaccard:
		return fmt.Errorf("graph: unknown weighting %d", o.Weighting)
	case o.Window < 0:
		return fmt.Errorf("graph: negative window %v", o.Window)
	case o.HalfLife < 0:
		return fmt.Errorf("graph: negative half-life %v", o.HalfLife)
	case !o.From.IsZero() && !o.AsOf.IsZero() && o.From.After(o.AsOf):
		return fmt.Errorf("graph: from %s is after as-of %s", o.From.Format(time.DateOnly), o.AsOf.Format(time.DateOnly))
	}
	return nil
}

// keep reports whether a row dated t survives the cut.
func (o *Options) keep(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	if t.After(o.AsOf) || (!o.From.IsZero() && t.Before(o.From)) {
		return false
	}
	return o.Window <= 0 || t.After(o.AsOf.Add(-o.Window))
}

// decay returns the factor a weight dated t is multiplied by.
func (o *Options) decay(t time.Time) float64 {
	if o.HalfLife <= 0 || t.IsZero() {
		return 1
	}
	days := math.Floor(o.AsOf.Sub(t).Hours() / 24)
	return math.Exp2(-days * 24 / o.HalfLife.Hours())
}

// csr is one layer's adjacency in compressed sparse rows: the neighbours of actor i are
// nbr[off[i]:off[i+1]], in increasing index order, with weights in w.
type csr struct {
	off      []int32
	nbr      []int32
	w        []float64
	strength []float64
}

// A Network is the one indexed representation of a partnership network: actors with dense
// indices 0..Len()-1 in sorted-ID order, three layers of undirected weighted ties stored as
// compact adjacency arrays, and the actor-event incidence. It is immutable once built, so any
// number of goroutines may read it at once.
type Network struct {
	ids    []string
	index  map[string]int32
	actors []Actor
	layers [numLayers]csr

	events     []Event
	eventIndex map[string]int32
	eventW     []float64 // decay factor of each event
	evOff      []int32   // actor -> events (incidence), CSR
	evOf       []int32
	atOff      []int32 // event -> attendees, CSR
	atOf       []int32

	opt   Options
	notes []string
	lazy  sync.Once // computes the Events and Combined layers
}

// LoadDir reads the input files in dir with [DefaultLimits] and builds a Network with the
// zero [Options]. Use [ReadDir] and [Build] to set limits, dates or weighting.
func LoadDir(dir string) (*Network, error) {
	d, err := ReadDir(dir, Limits{})
	if err != nil {
		return nil, err
	}
	return Build(d, Options{})
}

// Build indexes d into a Network under opt. d is not modified and may be built into other
// Networks (for example at other dates). Build validates d first and returns its problems
// as an [ErrorList].
//
// Build indexes the actors, the contacts layer and the actor-event incidence at once; the
// events and combined layers (the co-attendance projection, which can be much larger than
// the input) are computed on first use, once, safely for concurrent readers.
func Build(d *Dataset, opt Options) (*Network, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if opt.AsOf.IsZero() {
		opt.AsOf = d.Newest()
		if opt.AsOf.IsZero() {
			opt.AsOf = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
		}
	}
	if opt.MaxEventSize == 0 {
		opt.MaxEventSize = DefaultMaxEventSize
	}
	n := &Network{opt: opt}

	// Events get provisional numbers in order of first appearance (events.csv, then
	// attendance); attendance rows are resolved to them once.
	evNum := make(map[string]int32, len(d.Events))
	type evInfo struct {
		row      int32     // index in d.Events, -1 for an event named only by attendance
		kept     bool      // named by a kept attendance row
		keptDate time.Time // earliest date of its kept attendance (zero if undated)
	}
	evs := make([]evInfo, 0, len(d.Events))
	for i := range d.Events {
		evNum[d.Events[i].ID] = int32(len(evs))
		evs = append(evs, evInfo{row: int32(i)})
	}
	// Actors likewise: profiles first, then everyone named by a kept row.
	acNum := make(map[string]int32, len(d.Actors))
	var acIDs []string
	actor := func(id string) int32 {
		k, ok := acNum[id]
		if !ok {
			k = int32(len(acIDs))
			acNum[id] = k
			acIDs = append(acIDs, id)
		}
		return k
	}
	for i := range d.Actors {
		actor(d.Actors[i].ID)
	}
	event := func(id string) int32 {
		e, ok := evNum[id]
		if !ok {
			e = int32(len(evs))
			evNum[id] = e
			evs = append(evs, evInfo{row: -1})
		}
		return e
	}
	attActor := newResolver(d.attendanceIDs, 0, actor, nil)
	attEvent := newResolver(d.attendanceIDs, 1, event, nil)
	pairs := make([]pair, 0, len(d.Attendance)) // (actor, event) in provisional numbers
	for i := range d.Attendance {
		a := &d.Attendance[i]
		e := attEvent.get(i, a.Event)
		date := a.Date
		if date.IsZero() && evs[e].row >= 0 {
			date = d.Events[evs[e].row].Date
		}
		if !opt.keep(date) {
			continue
		}
		pairs = append(pairs, pair{attActor.get(i, a.Actor), e})
		if x := &evs[e]; !x.kept || x.keptDate.IsZero() || (!date.IsZero() && date.Before(x.keptDate)) {
			x.kept, x.keptDate = true, date
		}
	}
	evIDs := make([]string, len(evs))
	for id, k := range evNum {
		evIDs[k] = id
	}
	source := newResolver(d.contactIDs, 0, actor, nil)
	target := newResolver(d.contactIDs, 1, actor, source) // the same IDs: share what source learnt
	contacts := make([]edge, 0, len(d.Contacts))
	for i := range d.Contacts {
		c := &d.Contacts[i]
		if opt.keep(c.Date) {
			a, b := source.get(i, c.Source), target.get(i, c.Target)
			w := c.Weight * opt.decay(c.Date)
			contacts = append(contacts, edge{a, b, w})
		}
	}

	// Final actor indices: sorted-ID order.
	perm := sortedOrder(acIDs)

	// The contacts layer needs only perm: build it on the other core meanwhile.
	var contactsDone sync.WaitGroup
	contactsDone.Add(1)
	go func() {
		defer contactsDone.Done()
		for i := range contacts {
			contacts[i].a, contacts[i].b = perm[contacts[i].a], perm[contacts[i].b]
		}
		n.layers[Contacts] = buildCSR(len(acIDs), contacts)
	}()
	n.ids = make([]string, len(acIDs))
	n.index = make(map[string]int32, len(acIDs))
	n.actors = make([]Actor, len(acIDs))
	for k, i := range perm {
		id := acIDs[k]
		n.ids[i] = id
		n.index[id] = i
		if k < len(d.Actors) {
			n.actors[i] = d.Actors[k]
		} else {
			n.actors[i] = Actor{ID: id}
		}
	}
	implicitActors := len(acIDs) - len(d.Actors)

	// Final event indices: the kept ones in sorted-ID order.
	evFinal := make([]int32, len(evs))
	var keptIDs []string
	var keptNum []int32
	implicitEvents := 0
	for k := range evs {
		evFinal[k] = -1
		x := &evs[k]
		if x.kept || (x.row >= 0 && opt.keep(d.Events[x.row].Date)) {
			keptIDs = append(keptIDs, evIDs[k])
			keptNum = append(keptNum, int32(k))
		}
	}
	evPerm := sortedOrder(keptIDs)
	n.events = make([]Event, len(keptIDs))
	n.eventIndex = make(map[string]int32, len(keptIDs))
	n.eventW = make([]float64, len(keptIDs))
	for j, k := range keptNum {
		i := evPerm[j]
		evFinal[k] = i
		x := &evs[k]
		date := x.keptDate
		if x.row >= 0 {
			n.events[i] = d.Events[x.row]
			if !n.events[i].Date.IsZero() {
				date = n.events[i].Date
			}
		} else {
			n.events[i] = Event{ID: evIDs[k], Date: x.keptDate}
			implicitEvents++
		}
		n.eventIndex[evIDs[k]] = i
		n.eventW[i] = opt.decay(date)
	}

	// Incidence, deduplicated, in both directions.
	for i := range pairs {
		pairs[i].a, pairs[i].b = perm[pairs[i].a], evFinal[pairs[i].b]
	}
	var dup int
	n.evOff, n.evOf, n.atOff, n.atOf, dup = incidence(len(n.ids), len(n.events), pairs)
	if dup > 0 {
		n.notes = append(n.notes, fmt.Sprintf("%d repeated attendance rows (same actor and event) counted once", dup))
	}
	contactsDone.Wait()

	skipped := 0
	for e := range n.events {
		if opt.MaxEventSize > 0 && len(n.Attendees(e)) > opt.MaxEventSize {
			skipped++
		}
	}
	if skipped > 0 {
		n.notes = append(n.notes, fmt.Sprintf("%d events with more than %d attendees are kept in the incidence but not projected into the events layer (raise Options.MaxEventSize, --max-event-size)", skipped, opt.MaxEventSize))
	}
	if implicitActors > 0 && len(d.Actors) > 0 {
		n.notes = append(n.notes, fmt.Sprintf("%d actors appear only in contacts or attendance and have no profile", implicitActors))
	}
	if implicitEvents > 0 && len(d.Events) > 0 {
		n.notes = append(n.notes, fmt.Sprintf("%d events appear only in attendance and have no name, date or topics", implicitEvents))
	}
	return n, nil
}

// sortedOrder returns, for each of ids (distinct), its position in sorted order.
func sortedOrder(ids []string) []int32 {
	order := make([]int32, len(ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(ids[x], ids[y]) })
	pos := make([]int32, len(ids))
	for i, k := range order {
		pos[k] = int32(i)
	}
	return pos
}

// layer returns layer l, computing the projection layers on first use.
func (n *Network) layer(l Layer) *csr {
	if l != Contacts {
		n.lazy.Do(func() {
			n.layers[Events] = n.project(n.opt)
			n.layers[Combined] = merge(n.layers[Contacts], n.layers[Events])
		})
	}
	return &n.layers[l]
}

// An edge is a contact between provisional or final actor numbers a and b.
type edge struct {
	a, b int32
	w    float64
}

// A pair is an attendance: actor a, event b.
type pair struct{ a, b int32 }

// buildCSR builds a layer over n actors from undirected edges (a != b). Each edge is
// entered, in input order, in the rows of both its ends; each row is then sorted stably by
// neighbour and repeated neighbours are merged by adding their weights in input order, so
// the sums are reproducible. Sorting rows in place, rather than all entries with two
// counting sorts, made Build use 35% less memory at 1M contacts (BenchmarkBuild).
func buildCSR(n int, edges []edge) csr {
	off := make([]int32, n+1)
	for _, e := range edges {
		off[e.a+1]++
		off[e.b+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	nbr := make([]int32, off[n])
	w := make([]float64, off[n])
	fill := slices.Clone(off[:n])
	for _, e := range edges {
		k := fill[e.a]
		nbr[k], w[k] = e.b, e.w
		fill[e.a]++
		k = fill[e.b]
		nbr[k], w[k] = e.a, e.w
		fill[e.b]++
	}
	var scratch []neighbour
	out := int32(0)
	for i := 0; i < n; i++ {
		lo, hi := off[i], off[i+1]
		scratch = sortRow(nbr[lo:hi], w[lo:hi], scratch)
		off[i] = out
		for k := lo; k < hi; k++ {
			if out > off[i] && nbr[out-1] == nbr[k] {
				w[out-1] += w[k]
				continue
			}
			nbr[out], w[out] = nbr[k], w[k]
			out++
		}
	}
	off[n] = out
	c := csr{off: off, nbr: slices.Clip(nbr[:out]), w: slices.Clip(w[:out])}
	c.strength = make([]float64, n)
	for i := 0; i < n; i++ {
		s := 0.0
		for k := c.off[i]; k < c.off[i+1]; k++ {
			s += c.w[k]
		}
		c.strength[i] = s
	}
	return c
}

type neighbour struct {
	j int32
	w float64
}

// sortRow sorts a row's neighbours (with their weights) stably by index: insertion sort
// for the usual short row, a stable sort through scratch (returned for reuse) for long ones.
func sortRow(nbr []int32, w []float64, scratch []neighbour) []neighbour {
	if len(nbr) <= 32 {
		for i := 1; i < len(nbr); i++ {
			for j := i; j > 0 && nbr[j] < nbr[j-1]; j-- {
				nbr[j], nbr[j-1] = nbr[j-1], nbr[j]
				w[j], w[j-1] = w[j-1], w[j]
			}
		}
		return scratch
	}
	scratch = scratch[:0]
	for k := range nbr {
		scratch = append(scratch, neighbour{nbr[k], w[k]})
	}
	slices.SortStableFunc(scratch, func(x, y neighbour) int { return cmp.Compare(x.j, y.j) })
	for k, x := range scratch {
		nbr[k], w[k] = x.j, x.w
	}
	return scratch
}

// incidence builds both directions of the actor-event incidence from (actor, event) pairs,
// na actors and ne events, dropping repeated pairs (it returns how many). Each actor's
// events and each event's attendees come out sorted.
func incidence(na, ne int, pairs []pair) (evOff, evOf, atOff, atOf []int32, dup int) {
	evOff = make([]int32, na+1)
	for _, p := range pairs {
		evOff[p.a+1]++
	}
	for i := 0; i < na; i++ {
		evOff[i+1] += evOff[i]
	}
	evOf = make([]int32, len(pairs))
	fill := slices.Clone(evOff[:na])
	for _, p := range pairs {
		evOf[fill[p.a]] = p.b
		fill[p.a]++
	}
	out := int32(0)
	for a := 0; a < na; a++ {
		row := evOf[evOff[a]:evOff[a+1]]
		slices.Sort(row)
		evOff[a] = out
		for k, e := range row {
			if k == 0 || e != row[k-1] {
				evOf[out] = e
				out++
			}
		}
	}
	evOff[na] = out
	dup = len(evOf) - int(out)
	evOf = slices.Clip(evOf[:out])

	atOff = make([]int32, ne+1)
	for _, e := range evOf {
		atOff[e+1]++
	}
	for i := 0; i < ne; i++ {
		atOff[i+1] += atOff[i]
	}
	atOf = make([]int32, len(evOf))
	fill = slices.Clone(atOff[:ne])
	for a := 0; a < na; a++ {
		for _, e := range evOf[evOff[a]:evOff[a+1]] {
			atOf[fill[e]] = int32(a)
			fill[e]++
		}
	}
	return evOff, evOf, atOff, atOf, dup
}

// project builds the co-attendance layer from the incidence: for each actor a, accumulate
// over a's events the contributions to every co-attendee in a dense scratch row, then emit
// the touched entries in index order. Cost: Σ_e n_e² for projected events.
//
// A first pass counts each actor's co-attendees, so the layer is allocated once at its final
// size: growing it by appending (24 million ties for the synthetic 100k network) spent most
// of its time copying and faulting in fresh memory. Both passes run over blocks of actors in
// parallel; each row is computed by one goroutine, with the same additions in the same order
// as a sequential pass, so the layer does not depend on the number of workers.
func (n *Network) project(opt Options) csr {
	na := len(n.ids)
	reach := make([]float64, na) // Σ d(e) over each actor's events, for Jaccard
	for e := range n.events {
		for _, a := range n.Attendees(e) {
			reach[a] += n.eventW[e]
		}
	}
	projected := func(att []int32) bool {
		return len(att) >= 2 && (opt.MaxEventSize <= 0 || len(att) <= opt.MaxEventSize)
	}
	c := csr{off: make([]int32, na+1), strength: make([]float64, na)}

	// Pass 1: the number of distinct co-attendees of each actor, an upper bound on its row.
	count := make([]int32, na)
	overBlocks(na, func(s *projScratch, a int) {
		for _, e := range n.EventsOf(a) {
			if att := n.Attendees(int(e)); projected(att) {
				for _, b := range att {
					s.touch(b, a)
				}
			}
		}
		count[a] = int32(len(s.touched))
		s.reset()
	})
	total := 0
	for a := 0; a < na; a++ {
		c.off[a] = int32(total)
		total += int(count[a])
	}
	c.off[na] = int32(total)
	c.nbr = make([]int32, total)
	c.w = make([]float64, total)

	// Pass 2: the weights, written at each row's place; count[a] becomes the row's length.
	overBlocks(na, func(s *projScratch, a int) {
		for _, e := range n.EventsOf(a) {
			att := n.Attendees(int(e))
			if !projected(att) {
				continue
			}
			v := n.eventW[e]
			if opt.Weighting == Newman {
				v /= float64(len(att) - 1)
			}
			for _, b := range att {
				if s.touch(b, a) {
					s.acc[b] += v
					s.shared[b] += n.eventW[e]
				}
			}
		}
		slices.Sort(s.touched)
		k, sum := c.off[a], 0.0
		for _, b := range s.touched {
			w := s.acc[b]
			if opt.Weighting == Jaccard {
				w = s.shared[b] / (reach[a] + reach[b] - s.shared[b])
			}
			if w > 0 {
				c.nbr[k], c.w[k] = b, w
				k++
				sum += w
			}
			s.acc[b], s.shared[b] = 0, 0
		}
		count[a] = k - c.off[a]
		c.strength[a] = sum
		s.reset()
	})

	// Close the gaps left by ties whose weight underflowed to zero (rare: very old events
	// under a half-life).
	written := 0
	for _, k := range count {
		written += int(k)
	}
	if written < total {
		k := int32(0)
		for a := 0; a < na; a++ {
			lo, m := c.off[a], count[a]
			c.off[a] = k
			copy(c.nbr[k:], c.nbr[lo:lo+m])
			copy(c.w[k:], c.w[lo:lo+m])
			k += m
		}
		c.off[na] = k
		c.nbr, c.w = c.nbr[:k:k], c.w[:k:k]
	}
	return c
}

// projScratch is one goroutine's dense scratch row for project.
type projScratch struct {
	acc, shared []float64 // per co-attendee: the tie weight, and Σ d(e) over shared events
	mark        []bool
	touched     []int32
}

// touch marks b as a co-attendee of a (not a itself) and reports whether b counts.
func (s *projScratch) touch(b int32, a int) bool {
	if int(b) == a {
		return false
	}
	if !s.mark[b] {
		s.mark[b] = true
		s.touched = append(s.touched, b)
	}
	return true
}

// reset clears the marks of the touched actors.
func (s *projScratch) reset() {
	for _, b := range s.touched {
		s.mark[b] = false
	}
	s.touched = s.touched[:0]
}

// overBlocks calls f for every actor in [0, na), in parallel over GOMAXPROCS goroutines
// that take blocks of consecutive actors in turn, each with its own scratch row.
func overBlocks(na int, f func(s *projScratch, a int)) {
	const block = 256
	workers := max(1, min(runtime.GOMAXPROCS(0), (na+block-1)/block))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &projScratch{acc: make([]float64, na), shared: make([]float64, na), mark: make([]bool, na)}
			for {
				lo := int(next.Add(block)) - block
				if lo >= na {
					return
				}
				for a := lo; a < min(lo+block, na); a++ {
					f(s, a)
				}
			}
		}()
	}
	wg.Wait()
}

// merge adds two layers over the same actors.
func merge(x, y csr) csr {
	na := len(x.off) - 1
	c := csr{off: make([]int32, na+1), strength: make([]float64, na)}
	c.nbr = make([]int32, 0, len(x.nbr)+len(y.nbr))
	c.w = make([]float64, 0, len(x.nbr)+len(y.nbr))
	for i := 0; i < na; i++ {
		p, pe := x.off[i], x.off[i+1]
		q, qe := y.off[i], y.off[i+1]
		for p < pe || q < qe {
			switch {
			case q >= qe || (p < pe && x.nbr[p] < y.nbr[q]):
				c.nbr, c.w = append(c.nbr, x.nbr[p]), append(c.w, x.w[p])
				p++
			case p >= pe || y.nbr[q] < x.nbr[p]:
				c.nbr, c.w = append(c.nbr, y.nbr[q]), append(c.w, y.w[q])
				q++
			default:
				c.nbr, c.w = append(c.nbr, x.nbr[p]), append(c.w, x.w[p]+y.w[q])
				p, q = p+1, q+1
			}
		}
		c.off[i+1] = int32(len(c.nbr))
		c.strength[i] = x.strength[i] + y.strength[i]
	}
	return c
}

// Len returns the number of actors.
func (n *Network) Len() int { return len(n.ids) }

// ID returns the ID of actor i.
func (n *Network) ID(i int) string { return n.ids[i] }

// IDs returns every actor ID in index (sorted) order. The slice must not be modified.
func (n *Network) IDs() []string { return n.ids }

// Index returns the index of the actor with the given ID.
func (n *Network) Index(id string) (int, bool) {
	i, ok := n.index[id]
	return int(i), ok
}

// Actor returns the profile of actor i; an actor without a row in actors.csv has only its
// ID. The Actor must not be modified.
func (n *Network) Actor(i int) *Actor { return &n.actors[i] }

// Neighbors returns actor i's neighbours in layer l, in increasing index order, and the tie
// weights. The slices must not be modified.
func (n *Network) Neighbors(l Layer, i int) ([]int32, []float64) {
	c := n.layer(l)
	lo, hi := c.off[i], c.off[i+1]
	return c.nbr[lo:hi:hi], c.w[lo:hi:hi]
}

// Degree returns the number of ties of actor i in layer l.
func (n *Network) Degree(l Layer, i int) int {
	c := n.layer(l)
	return int(c.off[i+1] - c.off[i])
}

// Strength returns the sum of actor i's tie weights in layer l.
func (n *Network) Strength(l Layer, i int) float64 { return n.layer(l).strength[i] }

// Weight returns the weight of the tie between i and j in layer l, or 0 when there is none.
func (n *Network) Weight(l Layer, i, j int) float64 {
	nbr, w := n.Neighbors(l, i)
	if k, ok := slices.BinarySearch(nbr, int32(j)); ok {
		return w[k]
	}
	return 0
}

// Edges returns the number of undirected ties in layer l.
func (n *Network) Edges(l Layer) int { return len(n.layer(l).nbr) / 2 }

// NumEvents returns the number of events that survive the date cut.
func (n *Network) NumEvents() int { return len(n.events) }

// Event returns event e; events are indexed in sorted-ID order. It must not be modified.
func (n *Network) Event(e int) *Event { return &n.events[e] }

// EventIndex returns the index of the event with the given ID.
func (n *Network) EventIndex(id string) (int, bool) {
	i, ok := n.eventIndex[id]
	return int(i), ok
}

// EventsOf returns the events actor i attended, in increasing index order. The slice must
// not be modified.
func (n *Network) EventsOf(i int) []int32 {
	lo, hi := n.evOff[i], n.evOff[i+1]
	return n.evOf[lo:hi:hi]
}

// Attendees returns the actors who attended event e, in increasing index order. The slice
// must not be modified.
func (n *Network) Attendees(e int) []int32 {
	lo, hi := n.atOff[e], n.atOff[e+1]
	return n.atOf[lo:hi:hi]
}

// EventWeight returns event e's decay factor: 1 without a half-life or for an undated event.
func (n *Network) EventWeight(e int) float64 { return n.eventW[e] }

// Options returns the options the Network was built with, AsOf and MaxEventSize resolved.
func (n *Network) Options() Options { return n.opt }

// Notes returns what the build did that a user should know about, such as events left out
// of the projection, in a fixed order.
func (n *Network) Notes() []string { return n.notes }
