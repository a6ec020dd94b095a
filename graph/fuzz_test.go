package graph_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

// fuzzLimits keep fuzzing fast and exercise the field and record limits too. MaxActors is
// above what 4 files of MaxRows rows can name, because its error (about all files together)
// has no line.
var fuzzLimits = graph.Limits{MaxFieldBytes: 4096, MaxRecordBytes: 16384, MaxRows: 5000, MaxActors: 20001, MaxErrors: 50}

// checkLoadErr asserts the fuzzing contract for errors: every problem is a *LoadError with
// Line >= 1 and Column >= 1 (whole-file problems with Line 0 only come from missing files,
// which fuzzing never produces).
func checkLoadErr(t *testing.T, err error) {
	t.Helper()
	var list graph.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error is not a non-empty ErrorList: %T %v", err, err)
	}
	for _, e := range list {
		if e.Line < 1 || e.Column < 1 || e.Err == nil {
			t.Fatalf("problem without a position: %+v (%v)", *e, e)
		}
	}
}

// roundTrip writes d with WriteDir, reads it back and checks that the records are equal
// and that both build the same network.
func roundTrip(t *testing.T, d *graph.Dataset) {
	t.Helper()
	dir := t.TempDir()
	if err := d.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	d2, err := graph.ReadDir(dir, graph.Limits{})
	if err != nil {
		t.Fatalf("reading back what WriteDir wrote: %v", err)
	}
	if !equalDatasets(d, d2) {
		t.Fatalf("round trip changed the data:\nbefore %+v\nafter  %+v", d, d2)
	}
	n1, err1 := graph.Build(d, graph.Options{})
	n2, err2 := graph.Build(d2, graph.Options{})
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("build: %v vs %v", err1, err2)
	}
	if err1 == nil {
		for _, l := range []graph.Layer{graph.Contacts, graph.Events, graph.Combined} {
			if a, b := n1.Project(l), n2.Project(l); !reflect.DeepEqual(a, b) {
				t.Fatalf("layer %v differs after the round trip:\n%v\n%v", l, a, b)
			}
		}
	}
}

// equalDatasets compares two datasets, treating nil and empty slices alike.
func equalDatasets(a, b *graph.Dataset) bool {
	norm := func(d *graph.Dataset) graph.Dataset {
		// Only the records: what a reader remembers about them is not part of the data.
		x := graph.Dataset{Actors: d.Actors, Contacts: d.Contacts, Attendance: d.Attendance, Events: d.Events}
		if len(x.Actors) == 0 {
			x.Actors = nil
		}
		if len(x.Contacts) == 0 {
			x.Contacts = nil
		}
		if len(x.Attendance) == 0 {
			x.Attendance = nil
		}
		if len(x.Events) == 0 {
			x.Events = nil
		}
		return x
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

func seedFuzz(f *testing.F, file string) {
	for _, tc := range badCases {
		if s, ok := tc.Files[file]; ok && len(s) < 10000 {
			f.Add(s)
		}
	}
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "davis", file)); err == nil {
		f.Add(string(b))
	}
}

// fuzzReader checks one loader: no panic, typed positioned errors, no partial result, and
// a successful read round-trips through WriteDir.
func fuzzReader[T any](t *testing.T, data string, read func(string) ([]T, error), put func(*graph.Dataset, []T)) {
	recs, err := read(data)
	if err != nil {
		checkLoadErr(t, err)
		if recs != nil {
			t.Fatalf("records returned with an error: %d", len(recs))
		}
		return
	}
	d := &graph.Dataset{}
	put(d, recs)
	roundTrip(t, d)
}

func FuzzReadContacts(f *testing.F) {
	seedFuzz(f, "contacts.csv")
	f.Add("source,target,weight,date,kind\na,b,1.5,2024-01-01T10:00:00+02:00,\"meet\ning\"\n")
	f.Fuzz(func(t *testing.T, data string) {
		fuzzReader(t, data, func(s string) ([]graph.Contact, error) {
			return graph.ReadContacts(strings.NewReader(s), "contacts.csv", fuzzLimits)
		}, func(d *graph.Dataset, c []graph.Contact) { d.Contacts = c })
	})
}

func FuzzReadAttendance(f *testing.F) {
	seedFuzz(f, "attendance.csv")
	f.Fuzz(func(t *testing.T, data string) {
		fuzzReader(t, data, func(s string) ([]graph.Attendance, error) {
			return graph.ReadAttendance(strings.NewReader(s), "attendance.csv", fuzzLimits)
		}, func(d *graph.Dataset, a []graph.Attendance) { d.Attendance = a })
	})
}

func FuzzReadActors(f *testing.F) {
	seedFuzz(f, "actors.csv")
	f.Add("id,name,organization,sector,goals,capabilities,capacity\nann,Ann,Org,NGO,Youth  Work;youth work,data,12.5\n")
	f.Fuzz(func(t *testing.T, data string) {
		fuzzReader(t, data, func(s string) ([]graph.Actor, error) {
			return graph.ReadActors(strings.NewReader(s), "actors.csv", fuzzLimits)
		}, func(d *graph.Dataset, a []graph.Actor) { d.Actors = a })
	})
}

func FuzzReadEvents(f *testing.F) {
	seedFuzz(f, "events.csv")
	f.Fuzz(func(t *testing.T, data string) {
		fuzzReader(t, data, func(s string) ([]graph.Event, error) {
			return graph.ReadEvents(strings.NewReader(s), "events.csv", fuzzLimits)
		}, func(d *graph.Dataset, e []graph.Event) { d.Events = e })
	})
}

// FuzzLoadDir loads a whole directory of four fuzzed files: no panic, typed positioned
// errors and no network on error; on success the dataset round-trips and builds the same
// network.
func FuzzLoadDir(f *testing.F) {
	for _, tc := range badCases {
		if len(tc.Files["contacts.csv"]) < 10000 {
			f.Add(tc.Files["actors.csv"], tc.Files["contacts.csv"], tc.Files["attendance.csv"], tc.Files["events.csv"])
		}
	}
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join("..", "testdata", "davis", name))
		return string(b)
	}
	f.Add(read("actors.csv"), "source,target\nevelyn,laura\n", read("attendance.csv"), read("events.csv"))
	f.Fuzz(func(t *testing.T, actors, contacts, attendance, events string) {
		dir := t.TempDir()
		var files graph.Files
		for _, x := range []struct {
			name, data string
			path       *string
		}{
			{"actors.csv", actors, &files.Actors}, {"contacts.csv", contacts, &files.Contacts},
			{"attendance.csv", attendance, &files.Attendance}, {"events.csv", events, &files.Events},
		} {
			if x.data == "" && x.name != "contacts.csv" {
				continue // absent file
			}
			*x.path = filepath.Join(dir, x.name)
			if err := os.WriteFile(*x.path, []byte(x.data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		d, err := graph.ReadFiles(files, fuzzLimits)
		if err != nil {
			checkLoadErr(t, err)
			if d != nil {
				t.Fatal("dataset returned with an error")
			}
			return
		}
		if _, err := graph.Build(d, graph.Options{}); err != nil {
			t.Fatalf("a dataset the reader accepted does not build: %v", err)
		}
		roundTrip(t, d)
	})
}
