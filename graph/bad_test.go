package graph_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

// badCase is one entry of the catalogue of bad input: files to write into a directory, and
// every problem LoadDir must report, as file:line:column: message with the directory
// stripped. Lines and columns were worked out by hand from the input.
type badCase struct {
	Name  string
	Files map[string]string
	Want  []string
}

var (
	megabyte = strings.Repeat("x", 1_000_000)
	badCases = []badCase{
		// Headers.
		{"wrong header", map[string]string{"contacts.csv": "from,to\na,b\n"}, []string{
			`contacts.csv:1:1: source: missing required column (header is "from,to")`,
			`contacts.csv:1:1: target: missing required column (header is "from,to")`}},
		{"duplicate header", map[string]string{"contacts.csv": "source,target,Source\na,b,c\n"}, []string{
			`contacts.csv:1:3: source: duplicate column (also column 1)`}},
		{"missing target column", map[string]string{"contacts.csv": "source,weight\na,1\n"}, []string{
			`contacts.csv:1:1: target: missing required column (header is "source,weight")`}},
		{"header invalid UTF-8", map[string]string{"contacts.csv": "source,target,\xffx\na,b,c\n"}, []string{
			"contacts.csv:1:3: header \"\ufffdx\": invalid UTF-8"}},
		{"only a BOM", map[string]string{"contacts.csv": "\ufeff"}, []string{
			`contacts.csv:1:1: empty file: expected a header row`}},
		{"empty file", map[string]string{"contacts.csv": ""}, []string{
			`contacts.csv:1:1: empty file: expected a header row`}},
		// Record structure.
		{"too many fields", map[string]string{"contacts.csv": "source,target\na,b\nc,d,e\n"}, []string{
			`contacts.csv:3:3: wrong number of fields: expected 2 fields as in the header, found 3`}},
		{"too few fields", map[string]string{"contacts.csv": "source,target,weight\na,b\n"}, []string{
			`contacts.csv:2:3: wrong number of fields: expected 3 fields as in the header, found 2`}},
		{"bare quote", map[string]string{"contacts.csv": "source,target\na,b\"c\n"}, []string{
			`contacts.csv:2:2: target: CSV syntax error: bare " in non-quoted-field`}},
		{"unterminated quote", map[string]string{"contacts.csv": "source,target\na,b\nc,\"d\ne,f\n"}, []string{
			`contacts.csv:3:2: target: CSV syntax error: extraneous or missing " in quoted-field (found on line 4)`}},
		{"quote after quoted field", map[string]string{"contacts.csv": "source,target\n\"a\"b,c\n"}, []string{
			`contacts.csv:2:1: source: CSV syntax error: extraneous or missing " in quoted-field`}},
		{"invalid UTF-8", map[string]string{"contacts.csv": "source,target\na,\xff\xfe\n"}, []string{
			"contacts.csv:2:2: target \"\ufffd\": invalid UTF-8"}}, // one U+FFFD per run of bad bytes (strings.ToValidUTF8)
		{"NUL byte", map[string]string{"contacts.csv": "source,target\na,b\x00c\n"}, []string{
			`contacts.csv:2:2: target "b\x00c": contains a NUL byte`}},
		{"1 MB field", map[string]string{"contacts.csv": "source,target\na," + megabyte + "\n"}, []string{
			`contacts.csv:2:2: target "` + strings.Repeat("x", 60) + `... (1000000 bytes)": limit exceeded: field longer than 65536 bytes (raise Limits.MaxFieldBytes, --max-field-bytes)`}},
		// IDs.
		{"empty source", map[string]string{"contacts.csv": "source,target\n,b\n"}, []string{
			`contacts.csv:2:1: source: empty id`}},
		{"whitespace-only target", map[string]string{"contacts.csv": "source,target\na, \t \n"}, []string{
			`contacts.csv:2:2: target: empty id`}},
		{"contact to itself", map[string]string{"contacts.csv": "source,target\n a ,a\n"}, []string{
			`contacts.csv:2:2: target "a": contact from an actor to itself`}},
		// Weights.
		{"weight NaN", map[string]string{"contacts.csv": "source,target,weight\na,b,NaN\n"}, []string{
			`contacts.csv:2:3: weight "NaN": weight must be a positive finite number`}},
		{"weight Inf", map[string]string{"contacts.csv": "source,target,weight\na,b,+Inf\n"}, []string{
			`contacts.csv:2:3: weight "+Inf": weight must be a positive finite number`}},
		{"weight overflow", map[string]string{"contacts.csv": "source,target,weight\na,b,1e400\n"}, []string{
			`contacts.csv:2:3: weight "1e400": weight must be a positive finite number`}},
		{"weight negative", map[string]string{"contacts.csv": "source,target,weight\na,b,-2\n"}, []string{
			`contacts.csv:2:3: weight "-2": weight must be a positive finite number`}},
		{"weight zero", map[string]string{"contacts.csv": "source,target,weight\na,b,0\n"}, []string{
			`contacts.csv:2:3: weight "0": weight must be a positive finite number`}},
		{"weight not a number", map[string]string{"contacts.csv": "source,target,weight\na,b,two\n"}, []string{
			`contacts.csv:2:3: weight "two": not a number`}},
		// Dates.
		{"date out of range", map[string]string{"contacts.csv": "source,target,date\na,b,2024-02-30\n"}, []string{
			`contacts.csv:2:3: date "2024-02-30": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		{"month 13", map[string]string{"contacts.csv": "source,target,date\na,b,2024-13-01\n"}, []string{
			`contacts.csv:2:3: date "2024-13-01": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		// The same bad cell on consecutive rows is reported on every row (the reader
		// remembers the last good cell of a column, never a bad one).
		{"repeated bad date", map[string]string{"attendance.csv": "actor,event,date\na,e,2024-02-30\nb,e,2024-02-30\nc,e,2024-03-01\nd,e,2024-02-30\n"}, []string{
			`attendance.csv:2:3: date "2024-02-30": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`,
			`attendance.csv:3:3: date "2024-02-30": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`,
			`attendance.csv:5:3: date "2024-02-30": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		{"repeated empty event", map[string]string{"attendance.csv": "actor,event\na,e\nb, \nc, \nd,e\n"}, []string{
			`attendance.csv:3:2: event: empty id`,
			`attendance.csv:4:2: event: empty id`}},
		{"repeated source with a self contact", map[string]string{"contacts.csv": "source,target\na,b\na,a\na,c\n"}, []string{
			`contacts.csv:3:2: target "a": contact from an actor to itself`}},
		{"date in another format", map[string]string{"contacts.csv": "source,target,date\na,b,03/11/2024\n"}, []string{
			`contacts.csv:2:3: date "03/11/2024": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		{"date without zero padding", map[string]string{"attendance.csv": "actor,event,date\na,e,2024-3-1\n"}, []string{
			`attendance.csv:2:3: date "2024-3-1": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		{"time without zone", map[string]string{"attendance.csv": "actor,event,date\na,e,2024-03-11T09:30:00\n"}, []string{
			`attendance.csv:2:3: date "2024-03-11T09:30:00": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		// Positions after multi-line quoted fields and with CRLF.
		{"error on the second line of a record", map[string]string{"contacts.csv": "source,target,weight\n\"a\nb\",c,x\n"}, []string{
			`contacts.csv:3:3: weight "x": not a number`}},
		{"syntax error after a multi-line record", map[string]string{"contacts.csv": "source,target\n\"a\nb\",c\nd,\"e\"f\n"}, []string{
			`contacts.csv:4:2: target: CSV syntax error: extraneous or missing " in quoted-field`}},
		{"field count after a multi-line field", map[string]string{"contacts.csv": "source,target\na,\"b\nc\",d\n"}, []string{
			`contacts.csv:3:3: wrong number of fields: expected 2 fields as in the header, found 3`}},
		{"CRLF and BOM", map[string]string{"contacts.csv": "\ufeffsource,target,weight\r\na,b,1\r\nc,d,-1\r\n"}, []string{
			`contacts.csv:3:3: weight "-1": weight must be a positive finite number`}},
		// actors.csv.
		{"duplicate actor rows", map[string]string{"actors.csv": "id,name\nann,Ann\nbob,Bob\nann,Ann again\n", "contacts.csv": "source,target\nann,bob\n"}, []string{
			`actors.csv:4:1: id "ann": duplicate actor id (first on line 2)`}},
		{"actors without id column", map[string]string{"actors.csv": "name\nAnn\n", "contacts.csv": "source,target\nann,bob\n"}, []string{
			`actors.csv:1:1: id: missing required column (header is "name")`}},
		{"empty actor id", map[string]string{"actors.csv": "name,id\nAnn,\n", "contacts.csv": "source,target\nann,bob\n"}, []string{
			`actors.csv:2:2: id: empty id`}},
		{"capacity negative", map[string]string{"actors.csv": "id,capacity\nann,-5\n", "contacts.csv": "source,target\nann,bob\n"}, []string{
			`actors.csv:2:2: capacity "-5": capacity must be a non-negative finite number`}},
		{"capacity Inf", map[string]string{"actors.csv": "id,capacity\nann,Inf\n", "contacts.csv": "source,target\nann,bob\n"}, []string{
			`actors.csv:2:2: capacity "Inf": capacity must be a non-negative finite number`}},
		{"capacity text", map[string]string{"actors.csv": "id,capacity\nann,lots\n", "contacts.csv": "source,target\nann,bob\n"}, []string{
			`actors.csv:2:2: capacity "lots": not a number`}},
		// attendance.csv.
		{"attendance without event column", map[string]string{"attendance.csv": "actor,date\na,2024-01-01\n"}, []string{
			`attendance.csv:1:1: event: missing required column (header is "actor,date")`}},
		{"empty event", map[string]string{"attendance.csv": "actor,event\na,\n"}, []string{
			`attendance.csv:2:2: event: empty id`}},
		{"attendance field count", map[string]string{"attendance.csv": "actor,event,role\na,e\n"}, []string{
			`attendance.csv:2:3: wrong number of fields: expected 3 fields as in the header, found 2`}},
		// events.csv.
		{"duplicate event", map[string]string{"attendance.csv": "actor,event\na,e1\n", "events.csv": "id,name\ne1,One\ne1,Again\n"}, []string{
			`events.csv:3:1: id "e1": duplicate event id (first on line 2)`}},
		{"event date", map[string]string{"attendance.csv": "actor,event\na,e1\n", "events.csv": "id,date\ne1,yesterday\n"}, []string{
			`events.csv:2:2: date "yesterday": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
		{"events duplicate header", map[string]string{"attendance.csv": "actor,event\na,e1\n", "events.csv": "id,ID\ne1,e2\n"}, []string{
			`events.csv:1:2: id: duplicate column (also column 1)`}},
		// Several problems in several files, in file then line order.
		{"problems in every file", map[string]string{
			"actors.csv":     "id,capacity\nann,-1\n",
			"contacts.csv":   "source,target,weight\nann,bob,0\nann,ann,1\n",
			"attendance.csv": "actor,event,date\n,e1,\n",
			"events.csv":     "id,date\ne1,2024-99-01\n",
		}, []string{
			`actors.csv:2:2: capacity "-1": capacity must be a non-negative finite number`,
			`contacts.csv:2:3: weight "0": weight must be a positive finite number`,
			`contacts.csv:3:2: target "ann": contact from an actor to itself`,
			`attendance.csv:2:1: actor: empty id`,
			`events.csv:2:2: date "2024-99-01": expected an ISO 8601 date (2024-03-11 or 2024-03-11T09:30:00Z)`}},
	}
)

// TestBadInput runs the catalogue: each case reports exactly the listed problems, every one
// a *LoadError with Line >= 1 and Column >= 1, and LoadDir returns no network.
func TestBadInput(t *testing.T) {
	if len(badCases) < 40 {
		t.Fatalf("the catalogue has %d cases, want at least 40", len(badCases))
	}
	for _, tc := range badCases {
		t.Run(tc.Name, func(t *testing.T) {
			dir := writeDir(t, tc.Files)
			n, err := graph.LoadDir(dir)
			if n != nil {
				t.Errorf("got a network with %d actors despite the error", n.Len())
			}
			var list graph.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got %v, want an ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
				if e.Line < 1 || e.Column < 1 {
					t.Errorf("%v: line %d column %d, want both >= 1", e, e.Line, e.Column)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.Want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.Want, "\n"))
			}
			// The same problems through ReadDir: no Dataset either.
			if d, err := graph.ReadDir(dir, graph.Limits{}); d != nil || err == nil {
				t.Errorf("ReadDir: got a dataset (%v) and error %v", d != nil, err)
			}
		})
	}
}

// TestBadDirectory covers whole-directory problems: these name the directory, not a line.
func TestBadDirectory(t *testing.T) {
	empty := t.TempDir()
	onlyActors := writeDir(t, map[string]string{"actors.csv": "id\nann\n"})
	file := filepath.Join(onlyActors, "actors.csv")
	for _, tc := range []struct {
		name, dir string
		want      error
	}{
		{"directory with none of the files", empty, graph.ErrNoInput},
		{"only actors.csv", onlyActors, graph.ErrNoInput},
		{"missing directory", filepath.Join(empty, "nope"), graph.ErrMissingFile},
		{"a file, not a directory", file, graph.ErrMissingFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := graph.LoadDir(tc.dir)
			var le *graph.LoadError
			if n != nil || !errors.Is(err, tc.want) || !errors.As(err, &le) || le.File != tc.dir {
				t.Errorf("got network %v, error %v; want %v naming %s", n != nil, err, tc.want, tc.dir)
			}
		})
	}
	// A named file that does not exist.
	_, err := graph.ReadFiles(graph.Files{Contacts: filepath.Join(empty, "contacts.csv")}, graph.Limits{})
	if !errors.Is(err, graph.ErrMissingFile) {
		t.Errorf("ReadFiles with a missing file: got %v", err)
	}
	if _, err := os.Stat(empty); err != nil {
		t.Fatal(err)
	}
}
