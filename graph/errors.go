package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Errors that can appear in [LoadError].Err. Test for them with [errors.Is].
var (
	ErrMissingFile     = errors.New("graph: file not found")
	ErrNoInput         = errors.New("graph: no contacts.csv or attendance.csv")
	ErrEmptyFile       = errors.New("graph: empty file: expected a header row")
	ErrMissingColumn   = errors.New("graph: missing required column")
	ErrDuplicateColumn = errors.New("graph: duplicate column")
	ErrFieldCount      = errors.New("graph: wrong number of fields")
	ErrSyntax          = errors.New("graph: CSV syntax error")
	ErrInvalidUTF8     = errors.New("graph: invalid UTF-8")
	ErrNUL             = errors.New("graph: contains a NUL byte")
	ErrEmptyID         = errors.New("graph: empty id")
	ErrDuplicateActor  = errors.New("graph: duplicate actor id")
	ErrDuplicateEvent  = errors.New("graph: duplicate event id")
	ErrNotNumber       = errors.New("graph: not a number")
	ErrWeight          = errors.New("graph: weight must be a positive finite number")
	ErrCapacity        = errors.New("graph: capacity must be a non-negative finite number")
	ErrDate            = errors.New("graph: expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)")
	ErrSelfContact     = errors.New("graph: contact from an actor to itself")
	ErrLimit           = errors.New("graph: limit exceeded")
)

// A LoadError reports a problem in an input file. Line and Column are 1-based; Column is the
// field number (spreadsheet column), not a byte offset. Line is 0 only for problems with a
// whole file (a missing file, a directory without input files).
type LoadError struct {
	File   string // path given to the reader; the name passed to ReadActors & co. for an io.Reader
	Line   int    // physical line where the field starts
	Column int    // field number, 1-based
	Field  string // header name, e.g. "weight"; "" when the problem is not in one field
	Value  string // the offending cell, when there is one
	Err    error  // one of the Err* sentinels, possibly wrapped with detail
}

// Error returns the problem as file:line:column: field "value": reason, for example
//
//	contacts.csv:17:3: weight "abc": not a number
func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		if e.Value != "" {
			fmt.Fprintf(&b, " %q", shorten(e.Value))
		}
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "graph: "))
	}
	return b.String()
}

// Unwrap returns the underlying error, usually one of the Err* sentinels.
func (e *LoadError) Unwrap() error { return e.Err }

// shorten keeps error messages readable when a cell is huge or hostile.
func shorten(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s... (%d bytes)", s[:cut], len(s))
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// An ErrorList is every problem found in one read, in file then line order. A read returns
// an ErrorList (never an empty one) when it finds at least one problem.
type ErrorList []*LoadError

// Error lists the problems one per line; after 20 it says how many more there are.
func (l ErrorList) Error() string {
	const show = 20
	var b strings.Builder
	for i, e := range l {
		if i == show {
			fmt.Fprintf(&b, "\n... and %d more problems", len(l)-show)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that [errors.Is] and [errors.As] look at each of them.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// problems collects LoadErrors up to a cap; past the cap it records that it stopped.
type problems struct {
	list ErrorList
	max  int
	full bool
	stop *LoadError // the "stopped after" note, reported last
}

func (p *problems) add(e *LoadError) {
	if len(p.list) >= p.max {
		if !p.full {
			p.full = true
			p.stop = &LoadError{File: e.File, Line: e.Line, Column: e.Column,
				Err: fmt.Errorf("%w: stopped after %d problems (raise Limits.MaxErrors, --max-errors)", ErrLimit, p.max)}
		}
		return
	}
	p.list = append(p.list, e)
}

// merge adds q's problems (in q's order) after p's.
func (p *problems) merge(q *problems) {
	q.sort()
	for _, e := range q.list {
		p.add(e)
	}
	if q.stop != nil && !p.full {
		p.full = true
		p.stop = q.stop
	}
}

// sort puts each file's problems in line then column order, files in the order they came.
func (p *problems) sort() {
	for lo := 0; lo < len(p.list); {
		hi := lo + 1
		for hi < len(p.list) && p.list[hi].File == p.list[lo].File {
			hi++
		}
		slices.SortStableFunc(p.list[lo:hi], func(a, b *LoadError) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		})
		lo = hi
	}
}

// err returns the problems, each file's in line then column order, or nil.
func (p *problems) err() error {
	if len(p.list) == 0 && p.stop == nil {
		return nil
	}
	p.sort()
	list := p.list
	if p.stop != nil {
		list = append(list[:len(list):len(list)], p.stop)
	}
	return list
}
