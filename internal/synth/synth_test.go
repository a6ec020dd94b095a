package synth

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/partners from Partners()")

var fileNames = []string{"actors.csv", "contacts.csv", "attendance.csv", "events.csv"}

const partnersDir = "../../testdata/partners"

func TestPartnersGolden(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Partners()); err != nil {
		t.Fatal(err)
	}
	for _, f := range fileNames {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join(partnersDir, f)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/synth -run TestPartnersGolden -update)", err)
		}
		if !bytes.Equal(got, want) {
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			for i := 0; i < max(len(gl), len(wl)); i++ {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("%s differs from %s at line %d:\n got  %q\n want %q", f, golden, i+1, g, w)
					break
				}
			}
		}
	}
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := make(map[string][]byte)
	for _, f := range fileNames {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		m[f] = b
	}
	return m
}

func TestDeterministic(t *testing.T) {
	small := Scale(3000)
	other := small
	other.Seed++
	for _, tc := range []struct {
		Name string
		C    Config
	}{{"partners", Partners()}, {"scale3000", small}} {
		t.Run(tc.Name, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			if err := Write(a, tc.C); err != nil {
				t.Fatal(err)
			}
			if err := Write(b, tc.C); err != nil {
				t.Fatal(err)
			}
			fa, fb := readAll(t, a), readAll(t, b)
			for _, f := range fileNames {
				if !bytes.Equal(fa[f], fb[f]) {
					t.Errorf("%s differs between two runs", f)
				}
			}
		})
	}
	t.Run("seed matters", func(t *testing.T) {
		a, b := t.TempDir(), t.TempDir()
		if err := Write(a, small); err != nil {
			t.Fatal(err)
		}
		if err := Write(b, other); err != nil {
			t.Fatal(err)
		}
		fa, fb := readAll(t, a), readAll(t, b)
		for _, f := range fileNames {
			if bytes.Equal(fa[f], fb[f]) {
				t.Errorf("%s identical for seeds %d and %d", f, small.Seed, other.Seed)
			}
		}
	})
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		Name   string
		Change func(*Config)
	}{
		{"zero actors", func(c *Config) { c.Actors = 0 }},
		{"too many actors", func(c *Config) { c.Actors = MaxActors + 1 }},
		{"negative events", func(c *Config) { c.Events = -1 }},
		{"org size below 1", func(c *Config) { c.MeanOrgSize = 0.5 }},
		{"org size NaN", func(c *Config) { c.MeanOrgSize = math.NaN() }},
		{"zero regions", func(c *Config) { c.Regions = 0 }},
		{"too many regions", func(c *Config) { c.Regions = MaxRegions + 1 }},
		{"negative contacts", func(c *Config) { c.ContactsPerActor = -1 }},
		{"infinite contacts", func(c *Config) { c.ContactsPerActor = math.Inf(1) }},
		{"contacts with one actor", func(c *Config) { c.Actors, c.Scenarios = 1, false }},
		{"negative attendance", func(c *Config) { c.AttendancePerActor = -0.5 }},
		{"attendance without events", func(c *Config) { c.Events = 0 }},
		{"activity exponent 1", func(c *Config) { c.ActivityExponent = 1 }},
		{"event size exponent 0.5", func(c *Config) { c.EventSizeExponent = 0.5 }},
		{"repeat probability 1", func(c *Config) { c.RepeatProb = 1 }},
		{"negative mixing", func(c *Config) { c.Mixing.Closure = -0.1 }},
		{"mixing NaN", func(c *Config) { c.Mixing.Org = math.NaN() }},
		{"mixing above 1 in total", func(c *Config) { c.Mixing.Org = 0.9 }},
		{"no start", func(c *Config) { c.Start = time.Time{} }},
		{"end before start", func(c *Config) { c.End = c.Start.AddDate(0, 0, -1) }},
		{"period too long", func(c *Config) { c.End = c.Start.AddDate(200, 0, 0) }},
		{"too many contact rows", func(c *Config) { c.Actors, c.ContactsPerActor = MaxActors, MaxRowsPerActor }},
		{"too many attendance rows", func(c *Config) { c.Actors, c.AttendancePerActor = MaxActors, 11 }},
		{"scenarios with few actors", func(c *Config) { c.Actors = MinScenarioActors - 1 }},
		{"scenarios without contacts", func(c *Config) { c.ContactsPerActor = 0 }},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			c := Partners()
			tc.Change(&c)
			err := c.Validate()
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("Validate() = %v, want an error wrapping ErrConfig", err)
			}
			dir := filepath.Join(t.TempDir(), "out")
			if werr := Write(dir, c); werr == nil {
				t.Errorf("Write accepted the config")
			}
			if _, serr := os.Stat(dir); !os.IsNotExist(serr) {
				t.Errorf("Write created %s for an invalid config", dir)
			}
		})
	}
	for _, tc := range []struct {
		Name string
		C    Config
	}{{"Partners", Partners()}, {"Scale(2)", Scale(2)}, {"Scale(100000)", Scale(100000)}} {
		if err := tc.C.Validate(); err != nil {
			t.Errorf("%s.Validate() = %v", tc.Name, err)
		}
	}
	if err := Scale(1).Validate(); err == nil {
		t.Errorf("Scale(1).Validate() = nil, want an error (contacts need two actors)")
	}
}

// dataset is the content of the four files, parsed independently of the
// generator.
type dataset struct {
	actors     []map[string]string
	actorIdx   map[string]int
	contacts   []map[string]string
	attendance []map[string]string
	events     []map[string]string
	eventIdx   map[string]int
	nb         []map[int]bool // distinct contact neighbours by actor index
}

func readCSV(t *testing.T, path string, want []string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("\r")) {
		t.Errorf("%s contains \\r", path)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 || len(recs[0]) < len(want) || !slices.Equal(recs[0][:len(want)], want) {
		t.Fatalf("%s header = %v, want it to start with %v", path, recs[0], want)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := make(map[string]string, len(r))
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// load reads dir and checks what every generated data set must satisfy:
// unique IDs, known sectors, 1-4 goals, 1-3 capabilities, positive
// capacity, dates in [start, end], integer weights 1-5, no self contacts,
// every referenced actor and event defined, attendance dated on its event,
// no actor twice at one event, and an organiser for every attended event.
func load(t *testing.T, dir string, c Config) *dataset {
	t.Helper()
	d := &dataset{
		actors:     readCSV(t, filepath.Join(dir, "actors.csv"), []string{"id", "name", "organization", "sector", "goals", "capabilities", "capacity", "region"}),
		contacts:   readCSV(t, filepath.Join(dir, "contacts.csv"), []string{"source", "target", "weight", "date", "kind"}),
		attendance: readCSV(t, filepath.Join(dir, "attendance.csv"), []string{"actor", "event", "date", "role"}),
		events:     readCSV(t, filepath.Join(dir, "events.csv"), []string{"id", "name", "date", "topics"}),
		actorIdx:   map[string]int{},
		eventIdx:   map[string]int{},
	}
	start, end := c.Start.Format(time.DateOnly), c.End.Format(time.DateOnly)
	checkDate := func(what, s string) {
		if _, err := time.Parse(time.DateOnly, s); err != nil || s < start || s > end {
			t.Errorf("%s date %q not a date in %s..%s", what, s, start, end)
		}
	}
	errs := 0
	fail := func(format string, args ...any) {
		if errs++; errs <= 10 {
			t.Errorf(format, args...)
		}
	}
	for i, a := range d.actors {
		if _, dup := d.actorIdx[a["id"]]; dup || a["id"] == "" {
			fail("actor id %q empty or repeated", a["id"])
		}
		d.actorIdx[a["id"]] = i
		if !slices.Contains(sectorNames[:], a["sector"]) {
			fail("actor %s sector %q", a["id"], a["sector"])
		}
		g, k := list(a["goals"]), list(a["capabilities"])
		if len(g) < 1 || len(g) > 4 || len(k) < 1 || len(k) > 3 {
			fail("actor %s has %d goals and %d capabilities", a["id"], len(g), len(k))
		}
		if x, err := strconv.ParseFloat(a["capacity"], 64); err != nil || x <= 0 {
			fail("actor %s capacity %q", a["id"], a["capacity"])
		}
		if a["name"] == "" || a["organization"] == "" || a["region"] == "" {
			fail("actor %s lacks name, organisation or region", a["id"])
		}
	}
	d.nb = make([]map[int]bool, len(d.actors))
	for i := range d.nb {
		d.nb[i] = map[int]bool{}
	}
	for _, r := range d.contacts {
		u, ok1 := d.actorIdx[r["source"]]
		v, ok2 := d.actorIdx[r["target"]]
		if !ok1 || !ok2 {
			fail("contact %v names an unknown actor", r)
			continue
		}
		if u == v {
			fail("self contact %v", r)
		}
		if w, err := strconv.Atoi(r["weight"]); err != nil || w < 1 || w > 5 {
			fail("contact weight %q", r["weight"])
		}
		if !slices.Contains(contactKinds[:], r["kind"]) {
			fail("contact kind %q", r["kind"])
		}
		checkDate("contact", r["date"])
		d.nb[u][v], d.nb[v][u] = true, true
	}
	for i, e := range d.events {
		if _, dup := d.eventIdx[e["id"]]; dup || e["id"] == "" || e["name"] == "" {
			fail("event %q repeated or unnamed", e["id"])
		}
		d.eventIdx[e["id"]] = i
		checkDate("event", e["date"])
		if n := len(list(e["topics"])); n < 1 || n > 3 {
			fail("event %s has %d topics", e["id"], n)
		}
	}
	seen := map[[2]string]bool{}
	organised := map[string]bool{}
	for _, r := range d.attendance {
		e, ok := d.eventIdx[r["event"]]
		if _, ok2 := d.actorIdx[r["actor"]]; !ok || !ok2 {
			fail("attendance %v names an unknown actor or event", r)
			continue
		}
		if r["date"] != d.events[e]["date"] {
			fail("attendance %v not on the event date %s", r, d.events[e]["date"])
		}
		if !slices.Contains([]string{"attendee", "speaker", "organiser"}, r["role"]) {
			fail("attendance role %q", r["role"])
		}
		k := [2]string{r["actor"], r["event"]}
		if seen[k] {
			fail("%s attends %s twice", k[0], k[1])
		}
		seen[k] = true
		if r["role"] == "organiser" {
			organised[r["event"]] = true
		}
	}
	for _, r := range d.attendance {
		if !organised[r["event"]] {
			fail("event %s has attendees but no organiser", r["event"])
			break
		}
	}
	return d
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}

func TestScaleStatistics(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and parses a 5000-actor network")
	}
	c := Scale(5000)
	dir := t.TempDir()
	if err := Write(dir, c); err != nil {
		t.Fatal(err)
	}
	d := load(t, dir, c)
	n := len(d.actors)

	// Sizes: exact for actors, events and contacts (no scenarios), close
	// for attendance (a few slots of big events may stay empty).
	if n != 5000 || len(d.events) != 5000 || len(d.contacts) != 50000 {
		t.Errorf("got %d actors, %d events, %d contacts; want 5000, 5000, 50000", n, len(d.events), len(d.contacts))
	}
	if a := len(d.attendance); a < 45000 || a > 52500 {
		t.Errorf("attendance rows = %d, want about 50000", a)
	}

	// Sector homophily and heavy-tailed degree (distinct neighbours).
	share, expect := sameSector(d)
	t.Logf("same-sector share %.3f, random expectation %.3f", share, expect)
	if share < 2*expect {
		t.Errorf("same-sector share %.3f, want at least twice the random %.3f", share, expect)
	}
	if share > 0.9 {
		t.Errorf("same-sector share %.3f leaves too few cross-sector bridges", share)
	}
	mean, maxDeg := degrees(d)
	t.Logf("degree mean %.2f max %d", mean, maxDeg)
	if float64(maxDeg) <= 5*mean {
		t.Errorf("max degree %d <= 5 x mean %.2f", maxDeg, mean)
	}

	// Repeated rows for a pair exist but are a minority of pairs.
	pairs := map[[2]string]int{}
	for _, r := range d.contacts {
		k := [2]string{r["source"], r["target"]}
		if k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		pairs[k]++
	}
	repeated := 0
	for _, v := range pairs {
		if v > 1 {
			repeated++
		}
	}
	if repeated == 0 || float64(repeated) > 0.3*float64(len(pairs)) {
		t.Errorf("%d of %d pairs repeated, want some but under 30%%", repeated, len(pairs))
	}

	// Contact dates spread over the three years.
	years := map[string]int{}
	for _, r := range d.contacts {
		years[r["date"][:4]]++
	}
	for _, y := range []string{"2022", "2023", "2024"} {
		if float64(years[y]) < 0.2*float64(len(d.contacts)) {
			t.Errorf("only %d contact rows in %s", years[y], y)
		}
	}

	// Heavy-tailed event sizes: most small, a few very large.
	size := map[string]float64{}
	for _, r := range d.attendance {
		size[r["event"]]++
	}
	var sizes []float64
	for _, e := range d.events {
		sizes = append(sizes, size[e["id"]])
	}
	ms := float64(len(d.attendance)) / float64(len(d.events))
	if mx := slices.Max(sizes); mx <= 5*ms || median(sizes) > ms {
		t.Errorf("event sizes: max %.0f, median %.0f, mean %.1f; want max > 5 x mean and median <= mean", mx, median(sizes), ms)
	}

	// Attendance follows goals: rows whose actor holds one of the event's
	// topics, against random actor-event pairs.
	match := func(a, e int) bool {
		g := list(d.actors[a]["goals"])
		for _, tp := range list(d.events[e]["topics"]) {
			if slices.Contains(g, tp) {
				return true
			}
		}
		return false
	}
	hit := 0
	for _, r := range d.attendance {
		if match(d.actorIdx[r["actor"]], d.eventIdx[r["event"]]) {
			hit++
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rnd := 0
	const trials = 50000
	for range trials {
		if match(rng.IntN(n), rng.IntN(len(d.events))) {
			rnd++
		}
	}
	att, base := float64(hit)/float64(len(d.attendance)), float64(rnd)/trials
	t.Logf("topical attendance %.3f, random pairs %.3f", att, base)
	if att < 0.5 || att < 2*base {
		t.Errorf("topical attendance share %.3f, want >= 0.5 and >= 2 x random %.3f", att, base)
	}

	// Zipf-like goals: the most common tag is far above the median tag.
	tags := map[string]float64{}
	for _, a := range d.actors {
		for _, g := range list(a["goals"]) {
			tags[g]++
		}
	}
	var counts []float64
	for _, v := range tags {
		counts = append(counts, v)
	}
	if len(tags) < 30 || slices.Max(counts) < 5*median(counts) {
		t.Errorf("%d tags, top %.0f, median %.0f; want >= 30 tags and top >= 5 x median", len(tags), slices.Max(counts), median(counts))
	}

	// Capabilities by sector: each sector's signature capability is more
	// common there than in any other sector.
	capShare := func(sector, cap string) float64 {
		k, m := 0, 0
		for _, a := range d.actors {
			if a["sector"] == sector {
				m++
				if slices.Contains(list(a["capabilities"]), cap) {
					k++
				}
			}
		}
		return float64(k) / float64(m)
	}
	for _, sig := range []struct{ sector, cap string }{
		{"government", "policy access"}, {"business", "technology"},
		{"nonprofit", "community reach"}, {"nonprofit", "volunteers"}, {"academia", "research"},
	} {
		own := capShare(sig.sector, sig.cap)
		for _, s := range sectorNames {
			if s != sig.sector && capShare(s, sig.cap) >= own {
				t.Errorf("%s: %s share %.2f not above %s share %.2f", sig.cap, sig.sector, own, s, capShare(s, sig.cap))
			}
		}
	}

	// Capacity: nonprofits smallest by median, heavy upper tail overall.
	capBy := map[string][]float64{}
	var all []float64
	for _, a := range d.actors {
		x, _ := strconv.ParseFloat(a["capacity"], 64)
		capBy[a["sector"]] = append(capBy[a["sector"]], x)
		all = append(all, x)
	}
	for _, s := range []string{"government", "business", "academia"} {
		if median(capBy["nonprofit"]) >= median(capBy[s]) {
			t.Errorf("nonprofit median capacity %.0f not below %s %.0f", median(capBy["nonprofit"]), s, median(capBy[s]))
		}
	}
	if slices.Max(all) < 50*median(all) {
		t.Errorf("capacity max %.0f < 50 x median %.0f", slices.Max(all), median(all))
	}

	// Several people per organisation.
	orgs := map[string]bool{}
	for _, a := range d.actors {
		orgs[a["organization"]] = true
	}
	if per := float64(n) / float64(len(orgs)); per < 3 || per > 8 {
		t.Errorf("%.1f people per organisation, want about %v", per, c.MeanOrgSize)
	}
}

// sameSector returns the share of contact rows within one sector and the
// share expected if the same row endpoints were paired at random: the sum
// over sectors of q_s^2, with q_s the share of endpoints in sector s.
func sameSector(d *dataset) (share, expect float64) {
	var endpoints [numSectors]float64
	same := 0
	sec := func(id string) int { return slices.Index(sectorNames[:], d.actors[d.actorIdx[id]]["sector"]) }
	for _, r := range d.contacts {
		s, u := sec(r["source"]), sec(r["target"])
		endpoints[s]++
		endpoints[u]++
		if s == u {
			same++
		}
	}
	for _, e := range endpoints {
		q := e / float64(2*len(d.contacts))
		expect += q * q
	}
	return float64(same) / float64(len(d.contacts)), expect
}

// degrees returns the mean and maximum number of distinct contacts.
func degrees(d *dataset) (mean float64, maxDeg int) {
	sum := 0
	for _, m := range d.nb {
		sum += len(m)
		maxDeg = max(maxDeg, len(m))
	}
	return float64(sum) / float64(len(d.nb)), maxDeg
}

// TestScaleControls shows the statistics of TestScaleStatistics can fail:
// with uniform mixing and near-uniform activity the same measures find no
// homophily and no hubs.
func TestScaleControls(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and parses a 5000-actor network")
	}
	c := Scale(5000)
	c.Mixing = Mixing{}
	c.ActivityExponent = 50
	dir := t.TempDir()
	if err := Write(dir, c); err != nil {
		t.Fatal(err)
	}
	d := load(t, dir, c)
	share, expect := sameSector(d)
	if share > 1.2*expect {
		t.Errorf("uniform mixing: same-sector share %.3f, want near the random %.3f", share, expect)
	}
	mean, maxDeg := degrees(d)
	if float64(maxDeg) > 3*mean {
		t.Errorf("uniform activity: max degree %d > 3 x mean %.2f", maxDeg, mean)
	}
	t.Logf("controls: same-sector %.3f (random %.3f), degree mean %.2f max %d", share, expect, mean, maxDeg)
}

func TestPartnersScenarios(t *testing.T) {
	c := Partners()
	dir := t.TempDir()
	if err := Write(dir, c); err != nil {
		t.Fatal(err)
	}
	d := load(t, dir, c)
	if len(d.actors) != c.Actors || len(d.events) != c.Events {
		t.Fatalf("%d actors, %d events; want %d, %d", len(d.actors), len(d.events), c.Actors, c.Events)
	}
	role := map[string][]int{}
	for i, a := range d.actors {
		if r := a["scenario"]; r != "" {
			role[r] = append(role[r], i)
		}
	}
	for r, want := range map[string]int{"hub": 1, "dependent": 1, "newcomer": 2, "introducer": 2, "competitor": 2, "common contact": 1, "rare goal": 4} {
		if len(role[r]) != want {
			t.Fatalf("%d actors with scenario %q, want %d", len(role[r]), r, want)
		}
	}
	attends := map[string]bool{}
	for _, r := range d.attendance {
		attends[r["actor"]] = true
	}
	id := func(i int) string { return d.actors[i]["id"] }
	capacity := func(i int) float64 { x, _ := strconv.ParseFloat(d.actors[i]["capacity"], 64); return x }
	sortedSet := func(s string) []string { l := list(s); slices.Sort(l); return l }

	// Dependence: the dependent's only contact is the hub, which is among
	// the three best-connected actors and has at least 10x the capacity.
	hub, dep := role["hub"][0], role["dependent"][0]
	if len(d.nb[dep]) != 1 || !d.nb[dep][hub] || attends[id(dep)] {
		t.Errorf("dependent %s: neighbours %v, attends events %v; want only the hub %s and no events", id(dep), d.nb[dep], attends[id(dep)], id(hub))
	}
	higher := 0
	for i := range d.actors {
		if len(d.nb[i]) > len(d.nb[hub]) {
			higher++
		}
	}
	if higher > 2 || capacity(hub) < 10*capacity(dep) {
		t.Errorf("hub %s: %d actors better connected, capacity %.0f vs dependent %.0f", id(hub), higher, capacity(hub), capacity(dep))
	}

	// Newcomers: one contact, an introducer, through whom at least two
	// people of other sectors sharing the newcomer's first goal are two
	// steps away.
	for _, nc := range role["newcomer"] {
		if len(d.nb[nc]) != 1 || attends[id(nc)] {
			t.Errorf("newcomer %s has %d contacts and attends events %v; want 1 and none", id(nc), len(d.nb[nc]), attends[id(nc)])
			continue
		}
		var b int
		for b = range d.nb[nc] {
		}
		if d.actors[b]["scenario"] != "introducer" {
			t.Errorf("newcomer %s's contact %s is not an introducer", id(nc), id(b))
		}
		goal := list(d.actors[nc]["goals"])[0]
		found := 0
		for m := range d.nb[b] {
			if m != nc && !d.nb[nc][m] && d.actors[m]["sector"] != d.actors[nc]["sector"] && slices.Contains(list(d.actors[m]["goals"]), goal) {
				found++
			}
		}
		if found < 2 {
			t.Errorf("newcomer %s: %d people with goal %q two steps away via %s, want >= 2", id(nc), found, goal, id(b))
		}
	}

	// Competitors: same sector, region, goals and capabilities, different
	// organisations, not tied, with the common contact between them.
	c1, c2, cc := role["competitor"][0], role["competitor"][1], role["common contact"][0]
	a1, a2 := d.actors[c1], d.actors[c2]
	if a1["sector"] != a2["sector"] || a1["region"] != a2["region"] || a1["organization"] == a2["organization"] ||
		!slices.Equal(sortedSet(a1["goals"]), sortedSet(a2["goals"])) || !slices.Equal(sortedSet(a1["capabilities"]), sortedSet(a2["capabilities"])) {
		t.Errorf("competitors differ: %v / %v", a1, a2)
	}
	if d.nb[c1][c2] || !d.nb[c1][cc] || !d.nb[c2][cc] {
		t.Errorf("competitors %s, %s: tied %v, common contact %s tied to both %v", id(c1), id(c2), d.nb[c1][c2], id(cc), d.nb[c1][cc] && d.nb[c2][cc])
	}

	// Rare goals: each reserved tag is held by exactly two actors of
	// different sectors, not tied, and is no event's topic.
	for _, tag := range []string{"dementia care", "ocean literacy"} {
		var holders []int
		for i, a := range d.actors {
			if slices.Contains(list(a["goals"]), tag) {
				holders = append(holders, i)
			}
		}
		if len(holders) != 2 {
			t.Errorf("%q held by %d actors, want 2", tag, len(holders))
			continue
		}
		h1, h2 := holders[0], holders[1]
		if d.actors[h1]["scenario"] != "rare goal" || d.actors[h2]["scenario"] != "rare goal" ||
			d.actors[h1]["sector"] == d.actors[h2]["sector"] || d.nb[h1][h2] {
			t.Errorf("%q holders %s and %s: roles, sectors or tie wrong", tag, id(h1), id(h2))
		}
		for _, e := range d.events {
			if slices.Contains(list(e["topics"]), tag) {
				t.Errorf("event %s has the reserved topic %q", e["id"], tag)
			}
		}
	}
}

// TestSmallConfigs writes edge-case configurations and checks the files
// stay consistent.
func TestSmallConfigs(t *testing.T) {
	withScenarios := Partners()
	withScenarios.Actors = MinScenarioActors
	withScenarios.Events = 3
	noEvents := Scale(50)
	noEvents.Events, noEvents.AttendancePerActor = 0, 0
	oneRegion := Scale(300)
	oneRegion.Regions, oneRegion.MeanOrgSize = 1, 1
	tight := Scale(10)
	tight.Mixing = Mixing{Org: 1}
	tight.AttendancePerActor = 100
	loner := Scale(2)
	loner.Actors, loner.ContactsPerActor, loner.Events = 1, 0, 1
	empty := loner
	empty.Events, empty.AttendancePerActor = 0, 0
	oneDay := Scale(200)
	oneDay.End = oneDay.Start
	for _, tc := range []struct {
		Name string
		C    Config
	}{
		{"one actor at one event", loner},
		{"one actor, nothing else", empty},
		{"one day", oneDay},
		{"two actors", Scale(2)},
		{"minimum scenarios", withScenarios},
		{"no events", noEvents},
		{"one region, one-person organisations", oneRegion},
		{"all contacts in the organisation, crowded events", tight},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			for seed := uint64(0); seed < 5; seed++ {
				c := tc.C
				c.Seed = seed
				dir := t.TempDir()
				if err := Write(dir, c); err != nil {
					t.Fatal(err)
				}
				d := load(t, dir, c)
				if len(d.actors) != c.Actors || len(d.events) != c.Events {
					t.Errorf("seed %d: %d actors, %d events; want %d, %d", seed, len(d.actors), len(d.events), c.Actors, c.Events)
				}
			}
		})
	}
}

func TestWriteBadDir(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(f, "sub"), Partners()); err == nil {
		t.Error("Write under a regular file succeeded")
	}
}

func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			c := Scale(n)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(dir, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
