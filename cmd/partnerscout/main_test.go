package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

const testdata = "../../testdata"

// call runs the command line and returns its exit status, standard output and standard error.
func call(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// mustRun runs the command line and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := call(t, args...)
	if code != exitOK {
		t.Fatalf("partnerscout %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// writeFiles writes name -> content into a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExitCodes(t *testing.T) {
	davis := filepath.Join(testdata, "davis")
	for _, tc := range []struct {
		Name string
		Args []string
		Want int
	}{
		{"no arguments", nil, exitUsage},
		{"help", []string{"help"}, exitOK},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"unknown flag", []string{"project", "--data", davis, "--frob"}, exitUsage},
		{"stray argument", []string{"project", "--data", davis, "extra"}, exitUsage},
		{"no input", []string{"project"}, exitUsage},
		{"bad date", []string{"project", "--data", davis, "--as-of", "1936-02-30"}, exitUsage},
		{"bad from", []string{"project", "--data", davis, "--from", "yesterday"}, exitUsage},
		{"from after as-of", []string{"project", "--data", davis, "--from", "1936-06-01", "--as-of", "1936-05-01"}, exitUsage},
		{"bad half-life", []string{"project", "--data", davis, "--half-life", "soon"}, exitUsage},
		{"negative half-life", []string{"project", "--data", davis, "--half-life", "-5d"}, exitUsage},
		{"bad layer", []string{"export", "--to", "dot", "--data", davis, "--layer", "friends"}, exitUsage},
		{"bad weighting", []string{"project", "--data", davis, "--weighting", "cosine"}, exitUsage},
		{"bad format", []string{"project", "--data", davis, "--format", "xml"}, exitUsage},
		{"bad limit", []string{"project", "--data", davis, "--max-rows", "0"}, exitUsage},
		{"export without --to", []string{"export", "--data", davis}, exitUsage},
		{"export bad --to", []string{"export", "--data", davis, "--to", "pdf"}, exitUsage},
		{"missing directory", []string{"validate", "--data", filepath.Join(testdata, "no-such-dir")}, exitData},
		{"missing file", []string{"validate", "--contacts", filepath.Join(testdata, "no-such.csv")}, exitData},
		{"ok", []string{"validate", "--data", davis}, exitOK},
		{"ok with dates", []string{"project", "--data", davis, "--from", "1936-01-01", "--as-of", "1936-12-31T12:00:00Z", "--half-life", "26w"}, exitOK},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			code, _, errs := call(t, tc.Args...)
			if code != tc.Want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.Want, errs)
			}
			if tc.Want != exitOK && errs == "" {
				t.Errorf("exit %d with nothing on stderr", code)
			}
		})
	}
}

// TestBadData checks that every problem in the input is reported, each with
// file:line:column, and that the exit status is 1. The expected positions are read off the
// files below by hand (line 1 is the header; columns are field numbers).
func TestBadData(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"actors.csv":   "id,name,capacity\na,A,-3\na,A2,1\n",
		"contacts.csv": "source,target,weight,date\na,b,abc,2024-01-01\nc,c,1,2024-01-02\nd,,2,2024-13-01\n",
	})
	code, out, errs := call(t, "validate", "--data", dir)
	if code != exitData {
		t.Fatalf("exit %d, want %d", code, exitData)
	}
	if out != "" {
		t.Errorf("bad data wrote to stdout: %q", out)
	}
	want := []string{
		filepath.Join(dir, "actors.csv") + ":2:3: capacity", // negative capacity
		filepath.Join(dir, "actors.csv") + ":3:1: id",       // duplicate actor a
		filepath.Join(dir, "contacts.csv") + ":2:3: weight", // "abc"
		filepath.Join(dir, "contacts.csv") + ":3:2: target", // c -> c
		filepath.Join(dir, "contacts.csv") + ":4:2: target", // empty target
		filepath.Join(dir, "contacts.csv") + ":4:4: date",   // month 13
		"6 problems",
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), errs)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d = %q, want it to contain %q", i+1, lines[i], w)
		}
	}
	// The same data through the file flags, which every data command takes.
	code, _, errs = call(t, "project", "--contacts", filepath.Join(dir, "contacts.csv"), "--actors", filepath.Join(dir, "actors.csv"))
	if code != exitData || !strings.Contains(errs, "contacts.csv:4:4: date") {
		t.Errorf("project with bad files: exit %d, stderr:\n%s", code, errs)
	}
	// --max-errors stops the read early and says so.
	code, _, errs = call(t, "validate", "--data", dir, "--max-errors", "2")
	if code != exitData || !strings.Contains(errs, "--max-errors") {
		t.Errorf("--max-errors 2: exit %d, stderr:\n%s", code, errs)
	}
}

// TestProjectDavis compares the co-attendance projection of the Davis data with the
// published women-by-women matrix (Breiger 1974), testdata/davis/coattendance_count.csv:
// every pair with a nonzero count is a tie with that weight, and there are no other ties.
func TestProjectDavis(t *testing.T) {
	f, err := os.Open(filepath.Join(testdata, "davis", "coattendance_count.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]float64{}
	for _, row := range rows[1:] {
		for j, cellText := range row[1:] {
			a, b := row[0], rows[0][j+1]
			if a >= b {
				continue
			}
			x, err := strconv.ParseFloat(cellText, 64)
			if err != nil {
				t.Fatal(err)
			}
			if x > 0 {
				want[[2]string{a, b}] = x
			}
		}
	}
	if want[[2]string{"evelyn", "laura"}] != 6 || want[[2]string{"brenda", "evelyn"}] != 6 {
		t.Fatalf("the published matrix does not read as expected: %v", want)
	}

	out := mustRun(t, "project", "--data", filepath.Join(testdata, "davis"), "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], []string{"a", "b", "weight"}) {
		t.Errorf("header %q", recs[0])
	}
	got := map[[2]string]float64{}
	for i, r := range recs[1:] {
		if r[0] >= r[1] {
			t.Errorf("row %d: a %q not before b %q", i+1, r[0], r[1])
		}
		if i > 0 {
			p := recs[i]
			if p[0] > r[0] || (p[0] == r[0] && p[1] >= r[1]) {
				t.Errorf("row %d (%s,%s) not after (%s,%s)", i+1, r[0], r[1], p[0], p[1])
			}
		}
		w, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		got[[2]string{r[0], r[1]}] = w
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("projection differs from the published matrix:\n got %v\nwant %v", got, want)
	}
	if len(got) != 139 { // 153 pairs of 18 women minus the 14 zero cells above the diagonal
		t.Errorf("%d ties, want 139", len(got))
	}

	// JSON: field names a, b, weight.
	var ties []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "project", "--data", filepath.Join(testdata, "davis"), "--format", "json")), &ties); err != nil {
		t.Fatal(err)
	}
	if len(ties) != len(want) {
		t.Fatalf("JSON has %d ties, want %d", len(ties), len(want))
	}
	for _, tie := range ties {
		if len(tie) != 3 {
			t.Fatalf("JSON tie has fields %v, want a, b, weight", tie)
		}
		a, b := tie["a"].(string), tie["b"].(string)
		if w := tie["weight"].(float64); w != want[[2]string{a, b}] {
			t.Errorf("JSON %s-%s weight %v, want %v", a, b, w, want[[2]string{a, b}])
		}
	}
}

// TestDateWindow checks that a date-only --as-of keeps the rows dated that day and a
// date-only --from keeps the rows from the start of that day. Davis event dates (1936):
// E1 6/27, E2 3/2, E3 4/12, E4 9/26, E5 2/25, E6 5/19, E7 3/15, E8 9/16, E9 4/8, E10 6/10,
// E11 2/23, E12 4/7, E13 11/21, E14 8/3.
func TestDateWindow(t *testing.T) {
	davis := filepath.Join(testdata, "davis")
	for _, tc := range []struct {
		Name   string
		Args   []string
		Events int
	}{
		{"all", nil, 14},
		{"as-of the day of E1 keeps E1", []string{"--as-of", "1936-06-27"}, 10}, // E1,2,3,5,6,7,9,10,11,12
		{"as-of the day before E1", []string{"--as-of", "1936-06-26"}, 9},
		{"from the day of E1 keeps E1", []string{"--from", "1936-06-27"}, 5}, // E1,4,8,13,14
		{"from the day after E1", []string{"--from", "1936-06-28"}, 4},
		{"one day", []string{"--from", "1936-06-27", "--as-of", "1936-06-27"}, 1},
		{"instant before E1", []string{"--as-of", "1936-06-26T23:59:59Z"}, 9},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			out := mustRun(t, append([]string{"validate", "--data", davis, "--format", "json"}, tc.Args...)...)
			var s struct{ Events int }
			if err := json.Unmarshal([]byte(out), &s); err != nil {
				t.Fatal(err)
			}
			if s.Events != tc.Events {
				t.Errorf("%d events, want %d", s.Events, tc.Events)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	day := time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		In       string
		EndOfDay bool
		Want     time.Time
		Err      bool
	}{
		{"", false, time.Time{}, false},
		{"2024-03-11", false, day, false},
		{"2024-03-11", true, day.Add(24*time.Hour - time.Nanosecond), false},
		{"2024-03-11T09:30:00Z", true, day.Add(9*time.Hour + 30*time.Minute), false},
		{"2024-03-11T09:30:00+01:00", false, day.Add(8*time.Hour + 30*time.Minute), false},
		{"2024-02-30", false, time.Time{}, true},
		{"11/03/2024", false, time.Time{}, true},
	} {
		got, err := parseDate(tc.In, tc.EndOfDay)
		if (err != nil) != tc.Err || !got.Equal(tc.Want) {
			t.Errorf("parseDate(%q, %v) = %v, %v; want %v, error %v", tc.In, tc.EndOfDay, got, err, tc.Want, tc.Err)
		}
	}
}

func TestParseDuration(t *testing.T) {
	const day = 24 * time.Hour
	for _, tc := range []struct {
		In   string
		Want time.Duration
		Err  bool
	}{
		{"", 0, false},
		{"180d", 180 * day, false},
		{"26w", 182 * day, false},
		{"2y", 730 * day, false},
		{"1.5d", 36 * time.Hour, false},
		{"720h", 30 * day, false},
		{"90m", 90 * time.Minute, false},
		{"-5d", 0, true},
		{"-1h", 0, true},
		{"d", 0, true},
		{"soon", 0, true},
		{"1e300y", 0, true},
	} {
		got, err := parseDuration(tc.In)
		if (err != nil) != tc.Err || got != tc.Want {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, error %v", tc.In, got, err, tc.Want, tc.Err)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, args := range [][]string{
		{"project", "--data", filepath.Join(testdata, "davis"), "--format", "json", "--weighting", "newman"},
		{"project", "--data", filepath.Join(testdata, "davis"), "--format", "csv"},
		{"validate", "--data", filepath.Join(testdata, "partners"), "--format", "json"},
		{"export", "--data", filepath.Join(testdata, "partners"), "--to", "graphml"},
		{"export", "--data", filepath.Join(testdata, "partners"), "--to", "gexf", "--layer", "events"},
		{"centrality", "--data", filepath.Join(testdata, "partners"), "--format", "json", "--weighted"},
		{"centrality", "--data", filepath.Join(testdata, "partners"), "--format", "csv", "--half-life", "1y"},
		{"power", "--data", filepath.Join(testdata, "partners"), "--format", "json", "--focal", "ngo-001", "--with", "biz-001,gov-001", "--group", "ngo-001,biz-001,gov-001"},
		{"rank", "--data", filepath.Join(testdata, "partners"), "--format", "json", "--all", "--top", "3", "--quiet"},
		{"events", "--data", filepath.Join(testdata, "partners"), "--format", "csv", "--focal", "gov-001"},
		{"coalition", "--data", filepath.Join(testdata, "partners"), "--format", "json", "--focal", "gov-001", "--size", "4"},
		{"evaluate", "--data", filepath.Join(testdata, "partners"), "--format", "csv", "--split", "2023-06-30", "--quiet"},
		{"review", "--data", filepath.Join(testdata, "partners"), "--format", "json", "--group", "ngo-001,gov-001,biz-001", "--then", "2023-06-30"},
		{"review", "--data", filepath.Join(testdata, "partners"), "--format", "json", "--focal", "ngo-001,gov-001", "--then", "2023-06-30"},
		{"report", "--data", filepath.Join(testdata, "partners"), "--focal", "gov-001", "--format", "json"},
	} {
		a, b := mustRun(t, args...), mustRun(t, args...)
		if a != b {
			t.Errorf("partnerscout %s: two runs differ", strings.Join(args, " "))
		}
		if a == "" {
			t.Errorf("partnerscout %s: no output", strings.Join(args, " "))
		}
	}
}

// TestExportDOTDeterministic checks that the DOT export is the same on every run (it goes
// through dominikbraun/graph's draw.DOT, which ranges over maps). Several runs, because a
// random order can agree by chance on a small network.
func TestExportDOTDeterministic(t *testing.T) {
	for _, data := range []string{"florentine", "partners"} {
		args := []string{"export", "--data", filepath.Join(testdata, data), "--to", "dot", "--quiet"}
		first := mustRun(t, args...)
		for range 5 {
			if mustRun(t, args...) != first {
				t.Errorf("partnerscout %s: two runs differ", strings.Join(args, " "))
				break
			}
		}
	}
}

// TestTablePrintable checks that a hostile name cannot break the table layout or send
// control sequences to the terminal.
func TestTablePrintable(t *testing.T) {
	var b bytes.Buffer
	tab := &table{header: []string{"actor", "x"}}
	tab.add(text("evil\x1b[2J\tname\r\n"), num(1))
	if err := writeTable(&b, tab); err != nil {
		t.Fatal(err)
	}
	name := `evil\x1b[2J\tname\r\n` // 22 characters, escaped
	want := "ACTOR" + strings.Repeat(" ", len(name)+2-len("ACTOR")) + "X\n" + name + "  1.000\n"
	if b.String() != want {
		t.Errorf("table:\n%q\nwant\n%q", b.String(), want)
	}
}

// TestCSVNeutralise checks that text cells starting with a formula character get an
// apostrophe (OWASP "CSV Injection"), numbers never do, and --raw turns it off.
func TestCSVNeutralise(t *testing.T) {
	var b bytes.Buffer
	tab := &table{header: []string{"name", "x"}}
	tab.add(text("=HYPERLINK(\"http://evil\")"), num(-0.5))
	tab.add(text("+1"), num(2))
	tab.add(text("-2"), integer(-3))
	tab.add(text("@SUM(A1)"), num(0))
	tab.add(text("\tx"), num(1.25))
	tab.add(text("\rx"), num(1))
	tab.add(text("plain"), num(0.1))
	tab.add(text(""), emptyValue())
	if err := writeCSV(&b, tab, false); err != nil {
		t.Fatal(err)
	}
	want := "name,x\n" +
		`"'=HYPERLINK(""http://evil"")",-0.5` + "\n" +
		"'+1,2\n" +
		"'-2,-3\n" +
		"'@SUM(A1),0\n" +
		"'\tx,1.25\n" +
		"\"'\rx\",1\n" +
		"plain,0.1\n" +
		",\n"
	if b.String() != want {
		t.Errorf("neutralised CSV:\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := writeCSV(&b, tab, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n+1,2\n") || strings.Contains(b.String(), "'") {
		t.Errorf("--raw CSV changed cells:\n%q", b.String())
	}

	// End to end: a hostile actor ID in the input.
	dir := writeFiles(t, map[string]string{
		"attendance.csv": "actor,event\n=cmd|' /C calc'!A0,e1\nbob,e1\n@evil,e1\n",
	})
	out := mustRun(t, "project", "--data", dir, "--format", "csv")
	wantOut := "a,b,weight\n" +
		"'=cmd|' /C calc'!A0,'@evil,1\n" +
		"'=cmd|' /C calc'!A0,bob,1\n" +
		"'@evil,bob,1\n"
	if out != wantOut {
		t.Errorf("project CSV:\n%s\nwant\n%s", out, wantOut)
	}
	out = mustRun(t, "project", "--data", dir, "--format", "csv", "--raw")
	if !strings.HasPrefix(out, "a,b,weight\n=cmd|") {
		t.Errorf("project CSV --raw:\n%s", out)
	}
}

// TestHelp checks that --help works for every command, exits 0 and names every flag.
func TestHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			out := mustRun(t, c.name, "--help")
			fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
			var g globals
			g.register(fs, !c.noData)
			c.setup(fs)
			fs.VisitAll(func(f *flag.Flag) {
				if !strings.Contains(out, "--"+f.Name) {
					t.Errorf("help does not mention --%s", f.Name)
				}
			})
			if !strings.Contains(out, "Usage: partnerscout "+c.name) {
				t.Errorf("help:\n%s", out)
			}
			if code, out2, _ := call(t, "help", c.name); code != exitOK || out2 != out {
				t.Errorf("'help %s' differs from '%s --help'", c.name, c.name)
			}
		})
	}
	out := mustRun(t, "--help")
	for _, c := range commands {
		if !strings.Contains(out, "\t"+c.name) {
			t.Errorf("main usage does not list %s", c.name)
		}
	}
}

func TestValidate(t *testing.T) {
	// Florentine marriages (Padgett): 16 families, 20 ties, no events.
	out := mustRun(t, "validate", "--data", filepath.Join(testdata, "florentine"), "--format", "json")
	var s struct {
		Actors, Profiles, Events int
		Ties                     map[string]int
		Notes                    []string
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Actors != 16 || s.Profiles != 16 || s.Events != 0 || s.Ties["contacts"] != 20 || s.Ties["events"] != 0 || s.Ties["combined"] != 20 || s.Notes == nil {
		t.Errorf("florentine summary %+v", s)
	}
	// Zachary's karate club: 34 members, 78 ties.
	out = mustRun(t, "validate", "--data", filepath.Join(testdata, "karate"))
	if !regexpLine(out, "actors", "34") || !regexpLine(out, "ties (contacts)", "78") {
		t.Errorf("karate summary:\n%s", out)
	}
}

// regexpLine reports whether the table output has a row with the item and value.
func regexpLine(out, item, value string) bool {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, item+" ") && strings.TrimSpace(line[len(item):]) == value {
			return true
		}
	}
	return false
}

func TestExport(t *testing.T) {
	dir := filepath.Join(testdata, "florentine")
	dot := mustRun(t, "export", "--data", dir, "--to", "dot")
	if !strings.Contains(dot, "graph") || strings.Count(dot, "--") != 20 {
		t.Errorf("DOT export has %d edges, want 20:\n%s", strings.Count(dot, "--"), dot)
	}
	gml := mustRun(t, "export", "--data", dir, "--to", "graphml")
	if strings.Count(gml, "<edge ") != 20 || strings.Count(gml, "<node ") != 16 {
		t.Errorf("GraphML export: %d edges, %d nodes", strings.Count(gml, "<edge "), strings.Count(gml, "<node "))
	}
	gexf := mustRun(t, "export", "--data", dir, "--to", "gexf")
	if strings.Count(gexf, "<edge ") != 20 {
		t.Errorf("GEXF export: %d edges", strings.Count(gexf, "<edge "))
	}
	// Davis has no contacts: the contacts layer is empty, the events layer has 139 ties.
	davis := filepath.Join(testdata, "davis")
	if n := strings.Count(mustRun(t, "export", "--data", davis, "--to", "graphml", "--layer", "contacts"), "<edge "); n != 0 {
		t.Errorf("davis contacts layer: %d edges", n)
	}
	if n := strings.Count(mustRun(t, "export", "--data", davis, "--to", "graphml", "--layer", "events"), "<edge "); n != 139 {
		t.Errorf("davis events layer: %d edges", n)
	}
	if code, _, _ := call(t, "export", "--data", dir, "--to", "dot", "--format", "json"); code != exitUsage {
		t.Errorf("export --format json: exit %d, want %d", code, exitUsage)
	}
}

func TestSynth(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	mustRun(t, "synth", "--actors", "40", "--out", a, "--seed", "7", "--quiet")
	mustRun(t, "synth", "--actors", "40", "--out", b, "--seed", "7", "--quiet")
	for _, name := range []string{"actors.csv", "contacts.csv", "attendance.csv", "events.csv"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	// The output reads back: 40 actors.
	out := mustRun(t, "validate", "--data", a, "--format", "json")
	var s struct{ Actors int }
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Actors != 40 {
		t.Errorf("synth output: %d actors (%v), want 40", s.Actors, err)
	}
	for _, args := range [][]string{
		{"synth", "--actors", "40"},
		{"synth", "--actors", "1", "--out", t.TempDir()},
		{"synth", "--actors", "40", "--out", a, "--data", "x"},
	} {
		if code, _, _ := call(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestBinary builds the command and runs it once, as a user would.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "partnerscout")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "project", "--data", filepath.Join(testdata, "davis"), "--format", "csv")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(string(out), "evelyn,laura,6\n") {
		t.Errorf("binary output lacks evelyn,laura,6:\n%s", out)
	}
	cmd = exec.Command(bin, "project", "--data", filepath.Join(testdata, "davis"), "--as-of", "bad")
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUsage {
		t.Errorf("bad --as-of: %v, want exit status %d", err, exitUsage)
	}
}
