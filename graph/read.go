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
	p := &problems{max: lim.MaxErrors}
	r := &reader{lim: lim, p: p, ids: make(map[string]string)}
	d := &Dataset{}
	open := func(path string, read func(io.Reader, string)) {
		if path == "" || p.full {
			return
		}
		fh, err := os.Open(path)
		if err != nil {
			e := ErrMissingFile
			if !errors.Is(err, fs.ErrNotExist) {
				e = fmt.Errorf("graph: %w", err)
			}
			p.add(&LoadError{File: path, Err: e})
			return
		}
		defer fh.Close()
		read(fh, path)
	}
	open(f.Actors, func(rd io.Reader, name string) { d.Actors = r.actors(rd, name) })
	open(f.Contacts, func(rd io.Reader, name string) { d.Contacts = r.contacts(rd, name) })
	open(f.Attendance, func(rd io.Reader, name string) { d.Attendance = r.attendance(rd, name) })
	open(f.Events, func(rd io.Reader, name string) { d.Events = r.events(rd, name) })
	if err := p.err(); err != nil {
		return nil, err
	}
	if err := r.checkActors(d); err != nil {
		return nil, err
	}
	return d, nil
}

// ReadActors reads actors.csv from rd; name is used in error messages.
func ReadActors(rd io.Reader, name string, lim Limits) ([]Actor, error) {
	r := newReader(lim)
	a := r.actors(rd, name)
	return a, r.p.err()
}

// ReadContacts reads contacts.csv from rd; name is used in error messages.
func ReadContacts(rd io.Reader, name string, lim Limits) ([]Contact, error) {
	r := newReader(lim)
	c := r.contacts(rd, name)
	return c, r.p.err()
}

// ReadAttendance reads attendance.csv from rd; name is used in error messages.
func ReadAttendance(rd io.Reader, name string, lim Limits) ([]Attendance, error) {
	r := newReader(lim)
	a := r.attendance(rd, name)
	return a, r.p.err()
}

// ReadEvents reads events.csv from rd; name is used in error messages.
func ReadEvents(rd io.Reader, name string, lim Limits) ([]Event, error) {
	r := newReader(lim)
	e := r.events(rd, name)
	return e, r.p.err()
}

// reader holds what the four files share: limits, the problem list and interned IDs.
type reader struct {
	lim Limits
	p   *problems
	ids map[string]string // interned IDs, so a million rows share one string per actor
}

func newReader(lim Limits) *reader {
	lim = lim.withDefaults()
	return &reader{lim: lim, p: &problems{max: lim.MaxErrors}, ids: make(map[string]string)}
}

func (r *reader) intern(s string) string {
	if v, ok := r.ids[s]; ok {
		return v
	}
	s = strings.Clone(s)
	r.ids[s] = s
	return s
}

// id checks and interns an ID cell; "" with a problem recorded when it is empty.
func (r *reader) id(t *table, k int, field, v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		r.p.add(t.errAt(k, field, "", ErrEmptyID))
		return ""
	}
	return r.intern(v)
}

func (r *reader) date(t *table, k int, field, v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, true
	}
	tm, err := parseDate(v)
	if err != nil {
		r.p.add(t.errAt(k, field, v, err))
		return time.Time{}, false
	}
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

func (r *reader) actors(rd io.Reader, name string) []Actor {
	t := readTable(rd, name, actorColumns, actorColumns[:1], r.lim, r.p)
	if t == nil {
		return nil
	}
	raws, err := decode[rawActor](t)
	if err != nil {
		r.p.add(&LoadError{File: name, Line: 1, Column: 1, Err: err})
		return nil
	}
	out := make([]Actor, 0, len(raws))
	first := make(map[string]int, len(raws))
	for k, x := range raws {
		a := Actor{Profile: true, Name: strings.TrimSpace(x.Name), Organization: strings.TrimSpace(x.Organization),
			Sector: NormalizeTag(x.Sector), Goals: splitTags(x.Goals), Capabilities: splitTags(x.Capabilities)}
		a.ID = r.id(t, k, "id", x.ID)
		ok := a.ID != ""
		if ok {
			if line, dup := first[a.ID]; dup {
				r.p.add(t.errAt(k, "id", a.ID, fmt.Errorf("%w (first on line %d)", ErrDuplicateActor, line)))
				ok = false
			} else {
				first[a.ID] = t.pos(k, 0)
			}
		}
		if strings.TrimSpace(x.Capacity) != "" {
			c, good := r.number(t, k, "capacity", x.Capacity, func(v float64) bool { return v >= 0 }, ErrCapacity)
			a.Capacity, a.HasCapacity, ok = c, good, ok && good
		}
		if ok {
			out = append(out, a)
		}
	}
	return out
}

type rawContact struct {
	Source string `csv:"source"`
	Target string `csv:"target"`
	Weight string `csv:"weight"`
	Date   string `csv:"date"`
	Kind   string `csv:"kind"`
}

func (r *reader) contacts(rd io.Reader, name string) []Contact {
	t := readTable(rd, name, contactColumns, contactColumns[:2], r.lim, r.p)
	if t == nil {
		return nil
	}
	raws, err := decode[rawContact](t)
	if err != nil {
		r.p.add(&LoadError{File: name, Line: 1, Column: 1, Err: err})
		return nil
	}
	out := make([]Contact, 0, len(raws))
	for k, x := range raws {
		c := Contact{Weight: 1, Kind: strings.TrimSpace(x.Kind)}
		c.Source = r.id(t, k, "source", x.Source)
		c.Target = r.id(t, k, "target", x.Target)
		ok := c.Source != "" && c.Target != ""
		if ok && c.Source == c.Target {
			r.p.add(t.errAt(k, "target", c.Target, ErrSelfContact))
			ok = false
		}
		if strings.TrimSpace(x.Weight) != "" {
			w, good := r.number(t, k, "weight", x.Weight, func(v float64) bool { return v > 0 }, ErrWeight)
			c.Weight, ok = w, ok && good
		}
		d, good := r.date(t, k, "date", x.Date)
		c.Date, ok = d, ok && good
		if ok {
			out = append(out, c)
		}
	}
	return out
}

type rawAttendance struct {
	Actor string `csv:"actor"`
	Event string `csv:"event"`
	Date  string `csv:"date"`
	Role  string `csv:"role"`
}

func (r *reader) attendance(rd io.Reader, name string) []Attendance {
	t := readTable(rd, name, attendanceColumns, attendanceColumns[:2], r.lim, r.p)
	if t == nil {
		return nil
	}
	raws, err := decode[rawAttendance](t)
	if err != nil {
		r.p.add(&LoadError{File: name, Line: 1, Column: 1, Err: err})
		return nil
	}
	out := make([]Attendance, 0, len(raws))
	for k, x := range raws {
		a := Attendance{Role: strings.TrimSpace(x.Role)}
		a.Actor = r.id(t, k, "actor", x.Actor)
		a.Event = r.id(t, k, "event", x.Event)
		d, good := r.date(t, k, "date", x.Date)
		a.Date = d
		if a.Actor != "" && a.Event != "" && good {
			out = append(out, a)
		}
	}
	return out
}

type rawEvent struct {
	ID     string `csv:"id"`
	Name   string `csv:"name"`
	Date   string `csv:"date"`
	Topics string `csv:"topics"`
}

func (r *reader) events(rd io.Reader, name string) []Event {
	t := readTable(rd, name, eventColumns, eventColumns[:1], r.lim, r.p)
	if t == nil {
		return nil
	}
	raws, err := decode[rawEvent](t)
	if err != nil {
		r.p.add(&LoadError{File: name, Line: 1, Column: 1, Err: err})
		return nil
	}
	out := make([]Event, 0, len(raws))
	first := make(map[string]int, len(raws))
	for k, x := range raws {
		e := Event{Name: strings.TrimSpace(x.Name), Topics: splitTags(x.Topics)}
		e.ID = r.id(t, k, "id", x.ID)
		ok := e.ID != ""
		if ok {
			if line, dup := first[e.ID]; dup {
				r.p.add(t.errAt(k, "id", e.ID, fmt.Errorf("%w (first on line %d)", ErrDuplicateEvent, line)))
				ok = false
			} else {
				first[e.ID] = t.pos(k, 0)
			}
		}
		d, good := r.date(t, k, "date", x.Date)
		e.Date = d
		if ok && good {
			out = append(out, e)
		}
	}
	return out
}

// checkActors enforces Limits.MaxActors over the actors of all files.
func (r *reader) checkActors(d *Dataset) error {
	if len(r.ids) <= r.lim.MaxActors { // ids holds actors and events: a cheap upper bound first
		return nil
	}
	seen := make(map[string]struct{}, r.lim.MaxActors)
	add := func(id string) bool {
		seen[id] = struct{}{}
		return len(seen) > r.lim.MaxActors
	}
	for _, a := range d.Actors {
		if add(a.ID) {
			return r.tooMany()
		}
	}
	for _, c := range d.Contacts {
		if add(c.Source) || add(c.Target) {
			return r.tooMany()
		}
	}
	for _, a := range d.Attendance {
		if add(a.Actor) {
			return r.tooMany()
		}
	}
	return nil
}

func (r *reader) tooMany() error {
	return ErrorList{{Err: fmt.Errorf("%w: more than %d distinct actors (raise Limits.MaxActors, --max-actors)", ErrLimit, r.lim.MaxActors)}}
}
