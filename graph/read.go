package graph

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The file names [ReadDir] looks for.
const (
	ActorsFile     = "actors.csv"
	ContactsFile   = "contacts.csv"
	AttendanceFile = "attendance.csv"
	EventsFile     = "events.csv"
)

// Files names the input files to read; an empty path means the file is absent.
type Files struct {
	Actors, Contacts, Attendance, Events string
}

// ReadDir reads whichever of actors.csv, contacts.csv, attendance.csv and events.csv exist in
// dir. At least contacts.csv or attendance.csv must exist. Problems are returned as an
// [ErrorList]; the Dataset is nil whenever the error is not.
func ReadDir(dir string, lim Limits) (*Dataset, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, ErrorList{{File: dir, Err: fmt.Errorf("%w: %s is not a readable directory", ErrMissingFile, dir)}}
	}
	var f Files
	for _, x := range []struct {
		name string
		path *string
	}{{ActorsFile, &f.Actors}, {ContactsFile, &f.Contacts}, {AttendanceFile, &f.Attendance}, {EventsFile, &f.Events}} {
		p := filepath.Join(dir, x.name)
		if _, err := os.Stat(p); err == nil {
			*x.path = p
		}
	}
	if f.Contacts == "" && f.Attendance == "" {
		return nil, ErrorList{{File: dir, Err: fmt.Errorf("%w in %s: need at least one of them", ErrNoInput, dir)}}
	}
	return ReadFiles(f, lim)
}

// ReadFiles reads the files named in f. Each named file must exist, and at least Contacts or
// Attendance must be named. Problems in all files are collected into one [ErrorList].
func ReadFiles(f Files, lim Limits) (*Dataset, error) {
	lim = lim.withDefaults()
	if f.Contacts == "" && f.Attendance == "" {
		return nil, ErrorList{{File: "", Err: fmt.Errorf("%w: name a contacts or attendance file", ErrNoInput)}}
	}
	// The files are read concurrently, each by its own reader; their problems are merged in
	// file order afterwards, so the result does not depend on which file finishes first.
	d := &Dataset{}
	readers := [4]*reader{}
	var wg sync.WaitGroup
	for i, x := range []struct {
		path string
		read func(r *reader, rd io.Reader, name string)
	}{
		{f.Actors, func(r *reader, rd io.Reader, name string) { d.Actors = r.actors(rd, name) }},
		{f.Contacts, func(r *reader, rd io.Reader, name string) {
			var rows []idPair
			d.Contacts, rows = r.contacts(rd, name)
			d.contactIDs = &numbering{ids: r.ids.ids, rows: rows}
		}},
		{f.Attendance, func(r *reader, rd io.Reader, name string) {
			var rows []idPair
			d.Attendance, rows = r.attendance(rd, name)
			d.attendanceIDs = &numbering{ids: r.ids.ids, rows: rows}
		}},
		{f.Events, func(r *reader, rd io.Reader, name string) { d.Events = r.events(rd, name) }},
	} {
		if x.path == "" {
			continue
		}
		r := newReader(lim)
		readers[i] = r
		wg.Add(1)
		go func() {
			defer wg.Done()
			fh, err := os.Open(x.path)
			if err != nil {
				e := ErrMissingFile
				if !errors.Is(err, fs.ErrNotExist) {
					e = fmt.Errorf("graph: %w", err)
				}
				r.p.add(&LoadError{File: x.path, Err: e})
				return
			}
			defer fh.Close()
			if info, err := fh.Stat(); err == nil {
				r.size = info.Size()
			}
			x.read(r, fh, x.path)
		}()
	}
	wg.Wait()
	p := &problems{max: lim.MaxErrors}
	for _, r := range readers {
		if r != nil {
			p.merge(r.p)
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	if err := checkActors(d, f, readers[:], lim.MaxActors); err != nil {
		return nil, err
	}
	return d, nil
}

// ReadActors reads actors.csv from rd; name is used in error messages.
func ReadActors(rd io.Reader, name string, lim Limits) ([]Actor, error) {
	r := newReader(lim)
	a := r.actors(rd, name)
	if err := r.p.err(); err != nil {
		return nil, err
	}
	return a, nil
}

// ReadContacts reads contacts.csv from rd; name is used in error messages.
func ReadContacts(rd io.Reader, name string, lim Limits) ([]Contact, error) {
	r := newReader(lim)
	c, _ := r.contacts(rd, name)
	if err := r.p.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// ReadAttendance reads attendance.csv from rd; name is used in error messages.
func ReadAttendance(rd io.Reader, name string, lim Limits) ([]Attendance, error) {
	r := newReader(lim)
	a, _ := r.attendance(rd, name)
	if err := r.p.err(); err != nil {
		return nil, err
	}
	return a, nil
}

// ReadEvents reads events.csv from rd; name is used in error messages.
func ReadEvents(rd io.Reader, name string, lim Limits) ([]Event, error) {
	r := newReader(lim)
	e := r.events(rd, name)
	if err := r.p.err(); err != nil {
		return nil, err
	}
	return e, nil
}

// reader holds what the four files share: limits, the problem list and interned strings.
type reader struct {
	size  int64 // size of the file being read, 0 when unknown; for sizing the output
	lim   Limits
	p     *problems
	ids   *idTable          // interned IDs, numbered: a million rows share one string per actor
	words map[string]string // interned kinds, roles and tags: few distinct values, many rows
}

func newReader(lim Limits) *reader {
	lim = lim.withDefaults()
	return &reader{lim: lim, p: &problems{max: lim.MaxErrors}, ids: newIDTable(), words: make(map[string]string)}
}

// word returns the shared copy of s, a kind, role or tag.
func (r *reader) word(s string) string {
	if v, ok := r.words[s]; ok {
		return v
	}
	s = strings.Clone(s)
	r.words[s] = s
	return s
}

// A column remembers the last cell it resolved, so that a file grouped by one column (an
// edge list sorted by source, attendance listed event by event) looks each run of equal
// cells up once rather than once per row.
type column struct {
	cell string // the raw cell; valid when set
	set  bool
	id   string
	num  int32
	date time.Time
}

// id checks and interns the ID cell v of row k; it returns "" and -1, with a problem
// recorded, when the cell is empty.
func (r *reader) id(c *column, t *table, k int, field, v string) (string, int32) {
	if c.set && v == c.cell {
		return c.id, c.num
	}
	s := strings.TrimSpace(v)
	if s == "" {
		r.p.add(t.errAt(k, field, "", ErrEmptyID))
		return "", -1
	}
	id, num := r.ids.intern(s)
	*c = column{cell: v, set: true, id: id, num: num}
	return id, num
}

// date parses the date cell v of row k; an empty cell is the zero time. It returns false,
// with a problem recorded, when the cell is not a date.
func (r *reader) date(c *column, t *table, k int, field, v string) (time.Time, bool) {
	if c.set && v == c.cell {
		return c.date, true
	}
	s := strings.TrimSpace(v)
	if s == "" {
		return time.Time{}, true
	}
	tm, err := parseDate(s)
	if err != nil {
		r.p.add(t.errAt(k, field, s, err))
		return time.Time{}, false
	}
	*c = column{cell: v, set: true, date: tm}
	return tm, true
}

// number parses a finite float; problems are recorded with the given range error.
func (r *reader) number(t *table, k int, field, v string, valid func(float64) bool, rangeErr error) (float64, bool) {
	s := strings.TrimSpace(v)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			r.p.add(t.errAt(k, field, v, ErrNotNumber))
			return 0, false
		}
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || !valid(x) {
		r.p.add(t.errAt(k, field, v, rangeErr))
		return 0, false
	}
	return x, true
}

var (
	actorColumns      = []string{"id", "name", "organization", "sector", "goals", "capabilities", "capacity"}
	contactColumns    = []string{"source", "target", "weight", "date", "kind"}
	attendanceColumns = []string{"actor", "event", "date", "role"}
	eventColumns      = []string{"id", "name", "date", "topics"}
)

type rawActor struct {
	ID           string `csv:"id"`
	Name         string `csv:"name"`
	Organization string `csv:"organization"`
	Sector       string `csv:"sector"`
	Goals        string `csv:"goals"`
	Capabilities string `csv:"capabilities"`
	Capacity     string `csv:"capacity"`
}

// UnmarshalCSVWithFields sets the field under column key; gocsv calls it for every cell.
func (x *rawActor) UnmarshalCSVWithFields(key, value string) error {
	switch key {
	case "id":
		x.ID = value
	case "name":
		x.Name = value
	case "organization":
		x.Organization = value
	case "sector":
		x.Sector = value
	case "goals":
		x.Goals = value
	case "capabilities":
		x.Capabilities = value
	case "capacity":
		x.Capacity = value
	}
	return nil
}

// decodeFailed records that gocsv could not decode a chunk (it does not happen for flat
// string structs, but a failure must not pass silently).
func (r *reader) decodeFailed(t *table, err error) {
	r.p.add(&LoadError{File: t.name, Line: int(t.start[0]), Column: 1, Err: err})
}

func (r *reader) actors(rd io.Reader, name string) []Actor {
	var out chunks[Actor]
	var raws []rawActor
	var id column
	var first []int // line where each ID (by number) was first seen, 0 when not yet
	ok := readTable(rd, name, actorColumns, actorColumns[:1], r.lim, r.p, func(t *table) {
		out.reserve(t.estimate(r.size))
		var err error
		if raws, err = decode(t, raws); err != nil {
			r.decodeFailed(t, err)
			return
		}
		for k, x := range raws {
			a := Actor{Profile: true, Name: strings.TrimSpace(x.Name), Organization: strings.TrimSpace(x.Organization),
				Sector: r.word(NormalizeTag(x.Sector)), Goals: splitTags(x.Goals, r.word), Capabilities: splitTags(x.Capabilities, r.word)}
			var num int32
			a.ID, num = r.id(&id, t, k, "id", x.ID)
			ok := a.ID != ""
			if ok {
				if first = extend(first, int(num)); first[num] > 0 {
					r.p.add(t.errAt(k, "id", a.ID, fmt.Errorf("%w (first on line %d)", ErrDuplicateActor, first[num])))
					ok = false
				} else {
					first[num] = t.pos(k, t.col["id"])
				}
			}
			if strings.TrimSpace(x.Capacity) != "" {
				c, good := r.number(t, k, "capacity", x.Capacity, func(v float64) bool { return v >= 0 }, ErrCapacity)
				a.Capacity, a.HasCapacity, ok = c, good, ok && good
			}
			if ok {
				out.add(a)
			}
		}
	})
	if !ok {
		return nil
	}
	return out.all()
}

// contacts.csv and attendance.csv, the files with millions of rows, are read by column
// index rather than through gocsv: gocsv makes two reflect allocations per row and an
// interface call per cell, which were a fifth of the CPU time of loading 1M contacts plus
// 1M attendance rows (BENCHMARKS.md).

// idPair holds the numbers the reader gave the two ID cells of a row.
type idPair [2]int32

func (r *reader) contacts(rd io.Reader, name string) ([]Contact, []idPair) {
	var out chunks[Contact]
	var nums chunks[idPair]
	var src, tgt, date column
	ok := readTable(rd, name, contactColumns, contactColumns[:2], r.lim, r.p, func(t *table) {
		n := t.estimate(r.size)
		out.reserve(n)
		nums.reserve(n)
		at := t.indices(contactColumns)
		for k, row := range t.rows {
			c := Contact{Weight: 1, Kind: r.word(strings.TrimSpace(cell(row, at[4])))}
			var a, b int32
			c.Source, a = r.id(&src, t, k, "source", row[at[0]])
			c.Target, b = r.id(&tgt, t, k, "target", row[at[1]])
			ok := c.Source != "" && c.Target != ""
			if ok && c.Source == c.Target {
				r.p.add(t.errAt(k, "target", c.Target, ErrSelfContact))
				ok = false
			}
			if w := cell(row, at[2]); strings.TrimSpace(w) != "" {
				x, good := r.number(t, k, "weight", w, func(v float64) bool { return v > 0 }, ErrWeight)
				c.Weight, ok = x, ok && good
			}
			d, good := r.date(&date, t, k, "date", cell(row, at[3]))
			c.Date, ok = d, ok && good
			if ok {
				out.add(c)
				nums.add(idPair{a, b})
			}
		}
	})
	if !ok {
		return nil, nil
	}
	return out.all(), nums.all()
}

func (r *reader) attendance(rd io.Reader, name string) ([]Attendance, []idPair) {
	var out chunks[Attendance]
	var nums chunks[idPair]
	var actor, event, date column
	ok := readTable(rd, name, attendanceColumns, attendanceColumns[:2], r.lim, r.p, func(t *table) {
		n := t.estimate(r.size)
		out.reserve(n)
		nums.reserve(n)
		at := t.indices(attendanceColumns)
		for k, row := range t.rows {
			x := Attendance{Role: r.word(strings.TrimSpace(cell(row, at[3])))}
			var a, e int32
			x.Actor, a = r.id(&actor, t, k, "actor", row[at[0]])
			x.Event, e = r.id(&event, t, k, "event", row[at[1]])
			d, good := r.date(&date, t, k, "date", cell(row, at[2]))
			x.Date = d
			if x.Actor != "" && x.Event != "" && good {
				out.add(x)
				nums.add(idPair{a, e})
			}
		}
	})
	if !ok {
		return nil, nil
	}
	return out.all(), nums.all()
}

type rawEvent struct {
	ID     string `csv:"id"`
	Name   string `csv:"name"`
	Date   string `csv:"date"`
	Topics string `csv:"topics"`
}

// UnmarshalCSVWithFields sets the field under column key; gocsv calls it for every cell.
func (x *rawEvent) UnmarshalCSVWithFields(key, value string) error {
	switch key {
	case "id":
		x.ID = value
	case "name":
		x.Name = value
	case "date":
		x.Date = value
	case "topics":
		x.Topics = value
	}
	return nil
}

func (r *reader) events(rd io.Reader, name string) []Event {
	var out chunks[Event]
	var raws []rawEvent
	var id, date column
	var first []int // line where each ID (by number) was first seen, 0 when not yet
	ok := readTable(rd, name, eventColumns, eventColumns[:1], r.lim, r.p, func(t *table) {
		out.reserve(t.estimate(r.size))
		var err error
		if raws, err = decode(t, raws); err != nil {
			r.decodeFailed(t, err)
			return
		}
		for k, x := range raws {
			e := Event{Name: strings.TrimSpace(x.Name), Topics: splitTags(x.Topics, r.word)}
			var num int32
			e.ID, num = r.id(&id, t, k, "id", x.ID)
			ok := e.ID != ""
			if ok {
				if first = extend(first, int(num)); first[num] > 0 {
					r.p.add(t.errAt(k, "id", e.ID, fmt.Errorf("%w (first on line %d)", ErrDuplicateEvent, first[num])))
					ok = false
				} else {
					first[num] = t.pos(k, t.col["id"])
				}
			}
			d, good := r.date(&date, t, k, "date", x.Date)
			e.Date = d
			if ok && good {
				out.add(e)
			}
		}
	})
	if !ok {
		return nil
	}
	return out.all()
}

// checkActors enforces Limits.MaxActors over the actors of all files. The error names the
// file in which the count went over the limit; it has no line, because the limit is on the
// files together.
func checkActors(d *Dataset, f Files, readers []*reader, maxActors int) error {
	bound := 0 // the interned IDs of all readers (actors and events): a cheap upper bound first
	for _, r := range readers {
		if r != nil {
			bound += len(r.ids.ids)
		}
	}
	if bound <= maxActors {
		return nil
	}
	seen := make(map[string]struct{}, maxActors)
	add := func(id string) bool {
		seen[id] = struct{}{}
		return len(seen) > maxActors
	}
	tooMany := func(file string) error {
		return ErrorList{{File: file, Err: fmt.Errorf("%w: more than %d distinct actors (raise Limits.MaxActors, --max-actors)", ErrLimit, maxActors)}}
	}
	for _, a := range d.Actors {
		if add(a.ID) {
			return tooMany(f.Actors)
		}
	}
	for _, c := range d.Contacts {
		if add(c.Source) || add(c.Target) {
			return tooMany(f.Contacts)
		}
	}
	for _, a := range d.Attendance {
		if add(a.Actor) {
			return tooMany(f.Attendance)
		}
	}
	return nil
}

// extend returns s extended with zeros, if needed, so that s[i] exists.
func extend(s []int, i int) []int {
	for len(s) <= i {
		s = append(s, 0)
	}
	return s
}

// chunks collects records in blocks and concatenates them once at the end, so that a
// million rows are not copied again every time one growing slice runs out of room.
type chunks[T any] struct {
	full [][]T
	cur  []T
	n    int
}

// reserve makes room for n records before the first one is added.
func (c *chunks[T]) reserve(n int) {
	if c.cur == nil && n > 0 {
		c.cur = make([]T, 0, n)
	}
}

func (c *chunks[T]) add(x T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, min(max(64, 2*cap(c.cur)), 1<<16))
	}
	c.cur = append(c.cur, x)
	c.n++
}

// all returns every record in order, or nil when there are none.
func (c *chunks[T]) all() []T {
	if c.n == 0 {
		return nil
	}
	if len(c.full) == 0 {
		return c.cur
	}
	out := make([]T, 0, c.n)
	for _, b := range c.full {
		out = append(out, b...)
	}
	return append(out, c.cur...)
}
