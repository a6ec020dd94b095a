package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// pcgStream is the fixed second word of the PCG seed.
const pcgStream = 0x9e3779b97f4a7c15

const (
	zipfExponent = 0.9 // goal popularity: weight of the tag of rank k is k^-0.9
	homeBoost    = 3   // tags common in a sector are this much more likely there
	maxGoals     = 4
	maxCaps      = 3
	ringSize     = 8 // recent contacts remembered per actor for triadic closure
)

type actor struct {
	org      int32
	sector   uint8
	region   uint8
	nGoals   uint8
	nCaps    uint8
	goals    [maxGoals]uint8
	caps     [maxCaps]uint8
	role     uint8
	fixed    bool // contacts are exactly the planted ones; no random ties or events
	capacity float64
	activity float64
}

func (a *actor) hasGoal(g uint8) bool {
	return slices.Contains(a.goals[:a.nGoals], g)
}

// setGoal gives a the goal g: appended if there is room, else replacing the
// last goal.
func (a *actor) setGoal(g uint8) {
	if a.hasGoal(g) {
		return
	}
	if a.nGoals < maxGoals {
		a.goals[a.nGoals] = g
		a.nGoals++
		return
	}
	a.goals[maxGoals-1] = g
}

type org struct {
	name   string
	sector uint8
	region uint8
	nFocus uint8
	focus  [4]uint8
}

// groups is a compressed list of actor pools (organisation, sector, tag,
// ...) with cumulative activity weights for weighted sampling.
type groups struct {
	off []int32   // pool g is mem[off[g]:off[g+1]]
	mem []int32   // actor indices
	cum []float64 // cumulative activity within the pool
}

// buildGroups makes k pools; keys calls emit for every pool actor i belongs
// to. Fixed actors are left out.
func buildGroups(k int, actors []actor, keys func(i int, emit func(int))) groups {
	g := groups{off: make([]int32, k+1)}
	count := func(p int) { g.off[p+1]++ }
	for i := range actors {
		if !actors[i].fixed {
			keys(i, count)
		}
	}
	for p := 0; p < k; p++ {
		g.off[p+1] += g.off[p]
	}
	n := g.off[k]
	g.mem = make([]int32, n)
	g.cum = make([]float64, n)
	next := slices.Clone(g.off[:k])
	var cur int32
	fill := func(p int) {
		g.mem[next[p]] = cur
		next[p]++
	}
	for i := range actors {
		if !actors[i].fixed {
			cur = int32(i)
			keys(i, fill)
		}
	}
	for p := 0; p < k; p++ {
		s := 0.0
		for j := g.off[p]; j < g.off[p+1]; j++ {
			s += actors[g.mem[j]].activity
			g.cum[j] = s
		}
	}
	return g
}

// sample draws an actor of pool p with probability proportional to its
// activity, or returns -1 if the pool is empty.
func (g *groups) sample(r *rand.Rand, p int) int32 {
	lo, hi := int(g.off[p]), int(g.off[p+1])
	if lo == hi {
		return -1
	}
	u := r.Float64() * g.cum[hi-1]
	// first j in [lo,hi) with cum[j] > u
	a, b := lo, hi-1
	for a < b {
		m := int(uint(a+b) >> 1)
		if g.cum[m] > u {
			b = m
		} else {
			a = m + 1
		}
	}
	return g.mem[a]
}

func (g *groups) size(p int) int { return int(g.off[p+1] - g.off[p]) }

// pickCum returns the index drawn from the cumulative weights cum.
func pickCum(r *rand.Rand, cum []float64) int {
	u := r.Float64() * cum[len(cum)-1]
	for i, c := range cum {
		if c > u {
			return i
		}
	}
	return len(cum) - 1
}

func cumulative(w []float64) []float64 {
	c := make([]float64, len(w))
	s := 0.0
	for i, x := range w {
		s += x
		c[i] = s
	}
	return c
}

// A planted contact row.
type prow struct {
	u, v   int32
	weight int
	day    int
	kind   int
}

// gen holds the state of one generation run. Everything random comes from
// rng, consumed in a fixed order.
type gen struct {
	c    Config
	rng  *rand.Rand
	days int
	date []string // date[d] is Start + d days, formatted

	orgs   []org
	actors []actor
	ids    []string
	names  []string

	goalCum [numSectors][]float64 // sector-weighted Zipf over random goals
	capCum  [numSectors][]float64

	byOrg, byLocal, bySector, byRegion, all, byTag groups

	forbid  [][2]int32 // pairs that must not be tied directly
	planted []prow

	events   []event
	eventIDs []string
	attOff   []int32 // attendees of event e: attMem[attOff[e]:attOff[e+1]]
	attMem   []int32
	actOff   []int32 // events of actor i: actEv[actOff[i]:actOff[i+1]], in date order
	actEv    []int32

	ring  []int32 // ringSize recent contacts per actor
	ringN []uint32
}

func newGen(c Config) *gen {
	g := &gen{c: c, rng: rand.New(rand.NewPCG(c.Seed, pcgStream)), days: c.numDays()}
	g.date = make([]string, g.days)
	start := day(c.Start)
	for d := range g.date {
		g.date[d] = start.AddDate(0, 0, d).Format("2006-01-02")
	}
	for s := 0; s < numSectors; s++ {
		w := make([]float64, numRandomGoals)
		for i := range w {
			w[i] = math.Pow(float64(i+1), -zipfExponent)
			if strings.IndexByte(goalTags[i].home, "gbna"[s]) >= 0 {
				w[i] *= homeBoost
			}
		}
		g.goalCum[s] = cumulative(w)
		cw := make([]float64, numCaps)
		for k := range capabilities {
			cw[k] = capabilities[k].w[s]
		}
		g.capCum[s] = cumulative(cw)
	}
	return g
}

// lognormal returns a log-normal draw with the given median and sigma.
func (g *gen) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*g.rng.NormFloat64())
}

// pareto returns a Pareto draw with minimum 1 and tail exponent alpha.
func (g *gen) pareto(alpha float64) float64 {
	return math.Pow(1-g.rng.Float64(), -1/alpha)
}

func (g *gen) regionCum() []float64 {
	w := make([]float64, g.c.Regions)
	for r := range w {
		w[r] = regions[r].weight
	}
	return cumulative(w)
}

// orgName returns an unused name for an organisation of the sector in the
// region.
func (g *gen) orgName(used map[string]bool, sector, reg int) string {
	r := g.rng
	var name string
	for try := 0; try < 8; try++ {
		p := orgPatterns[sector][r.IntN(len(orgPatterns[sector]))]
		var w string
		switch p.from {
		case placeTown:
			w = regions[reg].towns[r.IntN(len(regions[reg].towns))]
		case placeRegion:
			w = regions[reg].name
		default:
			if sector == secBiz {
				w = bizWords[r.IntN(len(bizWords))] + " " + bizNouns[r.IntN(len(bizNouns))]
			} else {
				w = ngoWords[r.IntN(len(ngoWords))]
			}
		}
		name = fmt.Sprintf(p.format, w)
		if !used[name] {
			used[name] = true
			return name
		}
	}
	town := regions[reg].towns[r.IntN(len(regions[reg].towns))]
	for k := 1; ; k++ {
		s := name + " (" + town + ")"
		if k > 1 {
			s = name + " (" + town + " " + strconv.Itoa(k) + ")"
		}
		if !used[s] {
			used[s] = true
			return s
		}
	}
}

// drawGoal draws a random (non-reserved) goal for the sector.
func (g *gen) drawGoal(sector int) uint8 {
	return uint8(pickCum(g.rng, g.goalCum[sector]))
}

// personName returns a full name, avoiding repeats while that is easy.
func (g *gen) personName(used map[string]bool) string {
	var s string
	for try := 0; try < 4; try++ {
		s = firstNames[g.rng.IntN(len(firstNames))] + " " + lastNames[g.rng.IntN(len(lastNames))]
		if !used[s] {
			break
		}
	}
	used[s] = true
	return s
}

// newActor appends a person of organisation o and returns its index.
func (g *gen) newActor(o int32, usedNames map[string]bool) int {
	r := g.rng
	og := &g.orgs[o]
	a := actor{org: o, sector: og.sector, region: og.region}
	// 1-4 goals, mostly from the organisation's focus.
	ng := 1 + pickCum(r, []float64{0.30, 0.65, 0.90, 1.0})
	for try := 0; int(a.nGoals) < ng && try < 40; try++ {
		var t uint8
		if r.Float64() < 0.75 {
			t = og.focus[r.IntN(int(og.nFocus))]
		} else {
			t = g.drawGoal(int(og.sector))
		}
		if !a.hasGoal(t) {
			a.goals[a.nGoals] = t
			a.nGoals++
		}
	}
	// 1-3 capabilities weighted by sector, without replacement (redrawing
	// repeats samples the remaining weights).
	nc := 1 + pickCum(r, []float64{0.35, 0.80, 1.0})
	for int(a.nCaps) < nc {
		k := uint8(pickCum(r, g.capCum[og.sector]))
		if !slices.Contains(a.caps[:a.nCaps], k) {
			a.caps[a.nCaps] = k
			a.nCaps++
		}
	}
	a.activity = g.pareto(g.c.ActivityExponent)
	g.actors = append(g.actors, a)
	g.names = append(g.names, g.personName(usedNames))
	return len(g.actors) - 1
}

// newOrg appends an organisation and returns its index.
func (g *gen) newOrg(name string, sector, reg int) int32 {
	o := org{name: name, sector: uint8(sector), region: uint8(reg)}
	nf := 2 + g.rng.IntN(3)
	for try := 0; int(o.nFocus) < nf && try < 40; try++ {
		t := g.drawGoal(sector)
		if !slices.Contains(o.focus[:o.nFocus], t) {
			o.focus[o.nFocus] = t
			o.nFocus++
		}
	}
	g.orgs = append(g.orgs, o)
	return int32(len(g.orgs) - 1)
}

// numPlanted is the number of people the scenarios add.
const numPlanted = 5

// Planted organisation names; registered first so no random name takes them.
var plantedOrgs = [numPlanted]string{
	"Hollowbrook Tenants' Association", // dependent
	"Institute for Food Futures",       // newcomer 1
	"Brightwatt Energy Ltd",            // newcomer 2
	"Brightpath Youth Trust",           // competitor 1
	"Fairstart Youth Foundation",       // competitor 2
}

// makeActors creates the organisations and people, then the scenarios, and
// assigns IDs and capacities.
func (g *gen) makeActors() {
	c, r := g.c, g.rng
	usedOrg := make(map[string]bool)
	usedName := make(map[string]bool)
	nBase := c.Actors
	if c.Scenarios {
		nBase -= numPlanted
		for _, n := range plantedOrgs {
			usedOrg[n] = true
		}
	}
	g.actors = make([]actor, 0, c.Actors)
	g.names = make([]string, 0, c.Actors)
	var inSector [numSectors]int
	regCum := g.regionCum()
	const sigma = 0.9
	for len(g.actors) < nBase {
		s, gap := 0, math.Inf(-1)
		for k := range sectorShare {
			if d := sectorShare[k]*float64(len(g.actors)+1) - float64(inSector[k]); d > gap {
				s, gap = k, d
			}
		}
		reg := pickCum(r, regCum)
		mean := c.MeanOrgSize * orgSizeFactor[s]
		size := int(math.Round(math.Exp(math.Log(mean) - sigma*sigma/2 + sigma*r.NormFloat64())))
		size = max(1, min(size, nBase-len(g.actors)))
		inSector[s] += size
		o := g.newOrg(g.orgName(usedOrg, s, reg), s, reg)
		for range size {
			g.newActor(o, usedName)
		}
	}
	if c.Scenarios {
		g.plant(usedName)
	}
	// Capacity: log-normal by sector, growing with organisation size.
	orgSize := make([]int, len(g.orgs))
	for i := range g.actors {
		orgSize[g.actors[i].org]++
	}
	for i := range g.actors {
		a := &g.actors[i]
		if a.capacity == 0 {
			v := g.lognormal(capacityMedian[a.sector], capacitySigma[a.sector]) * math.Pow(float64(orgSize[a.org]), 0.35)
			a.capacity = max(1, math.Round(v))
		}
	}
	// IDs: sector prefix and a per-sector counter, in generation order.
	width := max(3, len(strconv.Itoa(c.Actors)))
	var count [numSectors]int
	g.ids = make([]string, len(g.actors))
	for i := range g.actors {
		s := g.actors[i].sector
		count[s]++
		n := strconv.Itoa(count[s])
		g.ids[i] = idPrefix[s] + "-" + strings.Repeat("0", max(0, width-len(n))) + n
	}
}

// goalIndex returns the index of a goal tag; the tags are compile-time
// constants, so a miss is a programming error.
func goalIndex(tag string) uint8 {
	for i := range goalTags {
		if goalTags[i].tag == tag {
			return uint8(i)
		}
	}
	panic("synth: unknown goal tag " + tag)
}

func capIndex(name string) uint8 {
	for i := range capabilities {
		if capabilities[i].name == name {
			return uint8(i)
		}
	}
	panic("synth: unknown capability " + name)
}

// plant adds the scenario actors and ties (see testdata/partners/README.md).
func (g *gen) plant(usedName map[string]bool) {
	r := g.rng
	nBase := len(g.actors)
	used := make([]bool, nBase) // base actors already given a role
	// top returns the most active unused base actor of the sector
	// (ties by index).
	top := func(sector uint8) int {
		best := -1
		for i := 0; i < nBase; i++ {
			if !used[i] && g.actors[i].sector == sector && (best < 0 || g.actors[i].activity > g.actors[best].activity) {
				best = i
			}
		}
		if best < 0 { // no one left in the sector: take the most active of any
			for i := 0; i < nBase; i++ {
				if !used[i] && (best < 0 || g.actors[i].activity > g.actors[best].activity) {
					best = i
				}
			}
		}
		used[best] = true
		return best
	}
	maxAct := 0.0
	for i := range g.actors {
		maxAct = max(maxAct, g.actors[i].activity)
	}
	hub := top(secGov)
	g.actors[hub].role = roleHub
	g.actors[hub].activity = 1.5 * maxAct
	g.actors[hub].capacity = 12000 // a large public budget: resource asymmetry

	person := func(name string, sector, reg int, goals []string, caps []string, capacity float64, fixed bool, role uint8) int {
		o := g.newOrg(name, sector, reg)
		i := g.newActor(o, usedName)
		a := &g.actors[i]
		a.nGoals, a.nCaps = 0, 0
		for _, t := range goals {
			a.setGoal(goalIndex(t))
		}
		for _, k := range caps {
			a.caps[a.nCaps] = capIndex(k)
			a.nCaps++
		}
		a.capacity, a.fixed, a.role = capacity, fixed, role
		return i
	}
	days := g.days
	at := func(frac float64) int { return min(days-1, int(frac*float64(days))) }

	// 1. Dependence: a one-person tenants' association tied only to the hub.
	hubGoal := goalTags[g.actors[hub].goals[0]].tag
	dep := person(plantedOrgs[0], secNGO, int(g.actors[hub].region), []string{"affordable housing", hubGoal},
		[]string{"community reach", "volunteers"}, 8, true, roleDependent)
	g.planted = append(g.planted,
		prow{int32(dep), int32(hub), 2, at(0.15), 0},
		prow{int32(hub), int32(dep), 3, at(0.50), 2},
		prow{int32(dep), int32(hub), 1, at(0.85), 1})

	// 2. Newcomers: one contact each, to an introducer who knows three
	// people sharing the newcomer's first goal in other sectors.
	newcomer := func(name string, sector, reg int, goals, caps []string, capacity float64, introSector uint8, w int) {
		n := person(name, sector, reg%g.c.Regions, goals, caps, capacity, true, roleNewcomer)
		b := top(introSector)
		g.actors[b].role = roleIntroducer
		goal := goalIndex(goals[0])
		var holders, others []int
		for i := 0; i < nBase; i++ {
			if used[i] || int(g.actors[i].sector) == sector {
				continue
			}
			if g.actors[i].hasGoal(goal) {
				holders = append(holders, i)
			} else {
				others = append(others, i)
			}
		}
		for k := 0; k < 3; k++ {
			var m int
			if len(holders) > 0 {
				j := r.IntN(len(holders))
				m = holders[j]
				holders = slices.Delete(holders, j, j+1)
			} else if len(others) > 0 {
				j := r.IntN(len(others))
				m = others[j]
				others = slices.Delete(others, j, j+1)
				g.actors[m].setGoal(goal)
			} else {
				break
			}
			used[m] = true
			g.planted = append(g.planted, prow{int32(b), int32(m), 1 + r.IntN(4), at(0.05 + 0.4*r.Float64()), r.IntN(2)})
		}
		g.planted = append(g.planted, prow{int32(n), int32(b), w, at(0.75 + 0.2*r.Float64()), 0})
	}
	newcomer(plantedOrgs[1], secUni, 1, []string{"food security", "public health"}, []string{"research", "evaluation"}, 90, secNGO, 2)
	newcomer(plantedOrgs[2], secBiz, 2, []string{"clean energy", "green jobs"}, []string{"funding", "technology"}, 1200, secUni, 3)

	// 3. Competitors: same sector, region, goals and capabilities, never
	// tied to each other, with one common contact.
	comp := []string{"youth employment", "digital skills"}
	compCaps := []string{"community reach", "training"}
	c1 := person(plantedOrgs[3], secNGO, 0, comp, compCaps, 140, false, roleCompetitor)
	c2 := person(plantedOrgs[4], secNGO, 0, comp, compCaps, 155, false, roleCompetitor)
	g.actors[c1].activity, g.actors[c2].activity = 1.5, 1.5
	m := top(secGov)
	g.actors[m].role = roleCommonContact
	g.actors[m].setGoal(goalIndex("youth employment"))
	g.forbid = append(g.forbid, [2]int32{int32(c1), int32(c2)})
	g.planted = append(g.planted,
		prow{int32(c1), int32(m), 2, at(0.30), 0},
		prow{int32(m), int32(c2), 2, at(0.40), 0})

	// 4. Rare shared goals: two reserved tags, each given to two people of
	// different sectors (and regions when possible) who are never tied.
	rare := func(tag string, s1, s2 uint8) {
		pick := func(s uint8, avoidRegion int) int {
			var pool []int
			for i := 0; i < nBase; i++ {
				if !used[i] && g.actors[i].sector == s && int(g.actors[i].region) != avoidRegion {
					pool = append(pool, i)
				}
			}
			if len(pool) == 0 {
				for i := 0; i < nBase; i++ {
					if !used[i] {
						pool = append(pool, i)
					}
				}
			}
			i := pool[r.IntN(len(pool))]
			used[i] = true
			g.actors[i].setGoal(goalIndex(tag))
			g.actors[i].role = roleRareGoal
			return i
		}
		a := pick(s1, -1)
		b := pick(s2, int(g.actors[a].region))
		g.forbid = append(g.forbid, [2]int32{int32(a), int32(b)})
	}
	rare("dementia care", secNGO, secUni)
	rare("ocean literacy", secBiz, secGov)
}

func (g *gen) forbidden(u, v int32) bool {
	for _, p := range g.forbid {
		if (p[0] == u && p[1] == v) || (p[0] == v && p[1] == u) {
			return true
		}
	}
	return false
}

// buildPools indexes the non-fixed actors by organisation, sector x region,
// sector, region, goal and as a whole.
func (g *gen) buildPools() {
	R := g.c.Regions
	a := g.actors
	g.byOrg = buildGroups(len(g.orgs), a, func(i int, emit func(int)) { emit(int(a[i].org)) })
	g.byLocal = buildGroups(numSectors*R, a, func(i int, emit func(int)) { emit(int(a[i].sector)*R + int(a[i].region)) })
	g.bySector = buildGroups(numSectors, a, func(i int, emit func(int)) { emit(int(a[i].sector)) })
	g.byRegion = buildGroups(R, a, func(i int, emit func(int)) { emit(int(a[i].region)) })
	g.all = buildGroups(1, a, func(i int, emit func(int)) { emit(0) })
	g.byTag = buildGroups(numGoals, a, func(i int, emit func(int)) {
		for _, t := range a[i].goals[:a[i].nGoals] {
			emit(int(t))
		}
	})
}
