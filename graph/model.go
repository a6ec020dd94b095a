package graph

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// An Actor is a person or organisation in the network.
type Actor struct {
	ID           string
	Name         string
	Organization string
	Sector       string
	Goals        []string // normalised tags (see NormalizeTag), duplicates removed, in file order
	Capabilities []string // normalised tags, duplicates removed, in file order
	Capacity     float64  // budget, staff or another non-negative size; valid when HasCapacity
	HasCapacity  bool     // false when the column is absent or the cell is empty
	Profile      bool     // true when the actor has a row in actors.csv
}

// A Contact is an undirected tie between two actors. Weight is > 0; a zero Date means undated.
type Contact struct {
	Source, Target string
	Weight         float64
	Date           time.Time
	Kind           string
}

// An Attendance records that an actor took part in an event. A zero Date means undated, in
// which case the event's date, if any, applies.
type Attendance struct {
	Actor, Event string
	Date         time.Time
	Role         string
}

// An Event is a meeting, project or paper that actors attend. A zero Date means undated.
type Event struct {
	ID     string
	Name   string
	Date   time.Time
	Topics []string // normalised tags, duplicates removed, in file order
}

// A Dataset holds the records of the four input files, as read and validated, before they
// are cut by date and indexed into a [Network]. Embedders may fill one in memory and call
// [Dataset.Validate] and [Build].
type Dataset struct {
	Actors     []Actor
	Contacts   []Contact
	Attendance []Attendance
	Events     []Event

	// What the reader numbered, so that Build need not hash every ID again (see resolver);
	// nil for a Dataset made in memory.
	contactIDs, attendanceIDs *numbering
}

// Newest returns the newest date in any contact, attendance or event record, or the zero
// time when no record is dated. It is the default "as of" date.
func (d *Dataset) Newest() time.Time {
	var t time.Time
	for i := range d.Contacts {
		if d.Contacts[i].Date.After(t) {
			t = d.Contacts[i].Date
		}
	}
	for i := range d.Attendance {
		if d.Attendance[i].Date.After(t) {
			t = d.Attendance[i].Date
		}
	}
	for i := range d.Events {
		if d.Events[i].Date.After(t) {
			t = d.Events[i].Date
		}
	}
	return t
}

// Validate checks records built in memory with the rules the CSV loader applies: non-empty
// IDs, unique actor and event IDs, positive finite weights, non-negative finite capacities
// and no contact from an actor to itself. Problems are returned as an [ErrorList] whose Line
// is the 1-based record number plus one (as if the records had been read from a file with a
// header) and whose File names the slice ("actors", "contacts", ...).
func (d *Dataset) Validate() error {
	p := &problems{max: DefaultLimits().MaxErrors}
	seen := make(map[string]int, len(d.Actors))
	for i, a := range d.Actors {
		at := func(col int, field, value string, err error) {
			p.add(&LoadError{File: "actors", Line: i + 2, Column: col, Field: field, Value: value, Err: err})
		}
		if blank(a.ID) {
			at(1, "id", a.ID, ErrEmptyID)
		} else if _, dup := seen[a.ID]; dup {
			at(1, "id", a.ID, ErrDuplicateActor)
		}
		seen[a.ID] = i
		if a.HasCapacity && !(a.Capacity >= 0 && a.Capacity <= maxFinite) {
			at(7, "capacity", "", ErrCapacity)
		}
	}
	for i := range d.Contacts {
		c := &d.Contacts[i]
		at := func(col int, field, value string, err error) {
			p.add(&LoadError{File: "contacts", Line: i + 2, Column: col, Field: field, Value: value, Err: err})
		}
		switch {
		case blank(c.Source):
			at(1, "source", c.Source, ErrEmptyID)
		case blank(c.Target):
			at(2, "target", c.Target, ErrEmptyID)
		case c.Source == c.Target:
			at(2, "target", c.Target, ErrSelfContact)
		}
		if !(c.Weight > 0 && c.Weight <= maxFinite) {
			at(3, "weight", "", ErrWeight)
		}
	}
	for i := range d.Attendance {
		a := &d.Attendance[i]
		if blank(a.Actor) {
			p.add(&LoadError{File: "attendance", Line: i + 2, Column: 1, Field: "actor", Err: ErrEmptyID})
		}
		if blank(a.Event) {
			p.add(&LoadError{File: "attendance", Line: i + 2, Column: 2, Field: "event", Err: ErrEmptyID})
		}
	}
	events := make(map[string]bool, len(d.Events))
	for i, e := range d.Events {
		if blank(e.ID) {
			p.add(&LoadError{File: "events", Line: i + 2, Column: 1, Field: "id", Err: ErrEmptyID})
		} else if events[e.ID] {
			p.add(&LoadError{File: "events", Line: i + 2, Column: 1, Field: "id", Value: e.ID, Err: ErrDuplicateEvent})
		}
		events[e.ID] = true
	}
	return p.err()
}

// blank reports whether s is empty or only white space, like strings.TrimSpace(s) == "", but
// settles the usual case, an ID starting with a printable ASCII byte, at the first byte.
func blank(s string) bool {
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf {
		return false
	}
	return strings.TrimSpace(s) == ""
}

const maxFinite = 1.7976931348623157e308

// NormalizeTag returns the canonical form of a goal, capability or topic tag: surrounding
// white space trimmed, inner runs of white space collapsed to one space, and every letter
// replaced by the lower-case member of its Unicode simple case-folding orbit, so that "Youth
// Employment", "youth  employment" and "YOUTH EMPLOYMENT" are one tag.
func NormalizeTag(s string) string {
	if canonicalASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// canonicalASCII reports whether s is ASCII and already in the form NormalizeTag returns, the
// common case, which then costs no allocation.
func canonicalASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// foldRune maps r to a canonical member of its simple case-folding orbit: the smallest rune
// of the orbit, lower-cased (so 'K', 'k' and the Kelvin sign all become 'k').
func foldRune(r rune) rune {
	min := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < min {
			min = f
		}
	}
	return unicode.ToLower(min)
}

// splitTags splits a ';'-separated list into normalised tags, dropping empty ones and
// duplicates while keeping the first occurrence's position.
func splitTags(s string, intern func(string) string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	tags := make([]string, 0, len(parts))
	for _, p := range parts {
		t := NormalizeTag(p)
		if t != "" && !slices.Contains(tags, t) {
			tags = append(tags, intern(t))
		}
	}
	return tags
}

// parseDate accepts 2024-03-11 or RFC 3339 (2024-03-11T09:30:00Z, with optional fraction and
// offset) and returns the instant in UTC.
func parseDate(s string) (time.Time, error) {
	if len(s) == len(time.DateOnly) {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return time.Time{}, ErrDate
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, ErrDate
	}
	return t.UTC(), nil
}
