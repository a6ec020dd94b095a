package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
)

// A cell is one value of a table: text, a float, an integer or nothing.
type cell struct {
	kind cellKind
	s    string
	f    float64
	i    int
}

type cellKind int

const (
	textCell cellKind = iota
	floatCell
	intCell
	emptyCell
)

func text(s string) cell     { return cell{kind: textCell, s: s} }
func num(f float64) cell     { return cell{kind: floatCell, f: f} }
func integer(i int) cell     { return cell{kind: intCell, i: i} }
func texts(ss []string) cell { return text(strings.Join(ss, ";")) }

// A table is what the table and csv formats print: a header and rows of cells.
type table struct {
	header []string
	rows   [][]cell
}

func (t *table) add(cells ...cell) { t.rows = append(t.rows, cells) }

// emit writes the result in the chosen format: v through encoding/json, t as an aligned
// table or as CSV. For the table format, human may replace t (nil means t).
func (e *env) emit(v any, t, human *table) error {
	switch e.g.output {
	case "json":
		return writeJSON(e.stdout, v)
	case "csv":
		return writeCSV(e.stdout, t, e.g.raw)
	default:
		if human == nil {
			human = t
		}
		return writeTable(e.stdout, human)
	}
}

// writeJSON writes v as indented JSON followed by a newline. HTML characters are not
// escaped, so names read as they are.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// writeCSV writes t as CSV. Numbers are written in the shortest form that reads back to the
// same float64, NaN as an empty cell. Unless raw, text cells are neutralised against
// spreadsheet formula injection (see neutralise).
func writeCSV(w io.Writer, t *table, raw bool) error {
	c, err := newCSVWriter(w, t.header, raw)
	if err != nil {
		return err
	}
	if err := c.write(t.rows); err != nil {
		return err
	}
	return c.flush()
}

// A csvWriter writes a table's rows as CSV, as writeCSV does, a batch at a time.
type csvWriter struct {
	cw  *csv.Writer
	raw bool
	rec []string
}

// newCSVWriter writes the header and returns a writer for the rows.
func newCSVWriter(w io.Writer, header []string, raw bool) (*csvWriter, error) {
	c := &csvWriter{cw: csv.NewWriter(w), raw: raw, rec: make([]string, len(header))}
	for i, h := range header {
		c.rec[i] = h
		if !raw {
			c.rec[i] = neutralise(h)
		}
	}
	return c, c.cw.Write(c.rec)
}

func (c *csvWriter) write(rows [][]cell) error {
	for _, row := range rows {
		rec := c.rec[:len(row)]
		for i, x := range row {
			switch x.kind {
			case textCell:
				rec[i] = x.s
				if !c.raw {
					rec[i] = neutralise(x.s)
				}
			case floatCell:
				rec[i] = csvFloat(x.f)
			case intCell:
				rec[i] = strconv.Itoa(x.i)
			default:
				rec[i] = ""
			}
		}
		if err := c.cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

func (c *csvWriter) flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// A stream writes a list in the chosen format batch by batch, as the batches are computed,
// with exactly the bytes emit writes for the whole list: JSON as the same indented array,
// CSV row by row. Only the table format, whose columns are aligned over all rows, keeps the
// rows until close. csvRows and humanRows turn a batch into table rows; header and
// humanHeader head them.
type stream[T any] struct {
	e                   *env
	w                   *bufio.Writer
	header, humanHeader []string
	csvRows, humanRows  func([]T) [][]cell
	n                   int
	csv                 *csvWriter
	human               *table
	enc                 *json.Encoder
	buf                 bytes.Buffer
}

func newStream[T any](e *env, header []string, csvRows func([]T) [][]cell, humanHeader []string, humanRows func([]T) [][]cell) *stream[T] {
	s := &stream[T]{e: e, w: bufio.NewWriterSize(e.stdout, 64<<10), header: header, csvRows: csvRows,
		humanHeader: humanHeader, humanRows: humanRows}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	s.enc.SetIndent("  ", "  ") // an element of writeJSON's top-level array
	return s
}

// write writes a batch.
func (s *stream[T]) write(batch []T) error {
	switch s.e.g.output {
	case "json":
		for i := range batch {
			s.buf.Reset()
			if err := s.enc.Encode(&batch[i]); err != nil {
				return err
			}
			sep := ",\n  "
			if s.n == 0 {
				sep = "[\n  "
			}
			s.n++
			s.w.WriteString(sep)
			if _, err := s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		if s.csv == nil {
			var err error
			if s.csv, err = newCSVWriter(s.w, s.header, s.e.g.raw); err != nil {
				return err
			}
		}
		return s.csv.write(s.csvRows(batch))
	default:
		if s.human == nil {
			s.human = &table{header: s.humanHeader}
		}
		s.human.rows = append(s.human.rows, s.humanRows(batch)...)
		return nil
	}
}

// close finishes the output (an empty list included) and flushes it.
func (s *stream[T]) close() error {
	var err error
	switch s.e.g.output {
	case "json":
		if s.n == 0 {
			_, err = s.w.WriteString("[]\n")
		} else {
			_, err = s.w.WriteString("\n]\n")
		}
	case "csv":
		if s.csv == nil {
			s.csv, err = newCSVWriter(s.w, s.header, s.e.g.raw)
		}
		if err == nil {
			err = s.csv.flush()
		}
	default:
		if s.human == nil {
			s.human = &table{header: s.humanHeader}
		}
		err = writeTable(s.w, s.human)
	}
	if err != nil {
		return err
	}
	return s.w.Flush()
}

// csvFloat formats f for CSV: shortest round-trip form, "" for NaN or an infinity.
func csvFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// neutralise guards a text cell against formula injection when the CSV is opened in a
// spreadsheet: a cell starting with =, +, -, @, tab or carriage return gets a leading
// apostrophe, as OWASP's "CSV Injection" page recommends. Only text cells go through it,
// so numbers such as -0.5 are never changed.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// writeTable writes t as aligned columns with floats at %.3f. Control characters in text
// are shown escaped so that a hostile name cannot break the layout or the terminal.
func writeTable(w io.Writer, t *table) error {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	line := make([]string, 0, len(t.header))
	for _, h := range t.header {
		line = append(line, strings.ToUpper(h))
	}
	fmt.Fprintln(tw, strings.Join(line, "\t"))
	for _, row := range t.rows {
		line = line[:0]
		for _, c := range row {
			line = append(line, tableCell(c))
		}
		fmt.Fprintln(tw, strings.Join(line, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Drop the padding an empty last column leaves at the end of a line.
	for l := range strings.Lines(b.String()) {
		if _, err := io.WriteString(w, strings.TrimRight(l, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func tableCell(c cell) string {
	switch c.kind {
	case textCell:
		return printable(c.s)
	case floatCell:
		if math.IsNaN(c.f) {
			return "-"
		}
		return fmt.Sprintf("%.3f", c.f)
	case intCell:
		return strconv.Itoa(c.i)
	}
	return "-"
}

// printable escapes control characters (and tabs, which would break the columns).
func printable(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// A jsonFloat is a float64 that encodes NaN and infinities as null.
type jsonFloat float64

// MarshalJSON writes f as encoding/json writes a float64, or null when it is not finite.
func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(x)
}

// An object is a JSON object whose keys keep the order given.
type object []field

type field struct {
	key   string
	value any
}

// MarshalJSON writes the fields in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(f.value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// orEmpty returns s, or an empty non-nil slice, so that JSON shows [] rather than null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// showProgress reports whether progress lines go to standard error: only to a terminal and
// not with --quiet.
func (e *env) showProgress() bool { return !e.g.quiet && isTerminal(e.stderr) }

// progressf shows a status line on a terminal.
func (e *env) progressf(format string, a ...any) {
	if e.showProgress() {
		fmt.Fprintf(e.stderr, "\r\033[K"+format, a...)
	}
}

// progressDone clears the status line.
func (e *env) progressDone() {
	if e.showProgress() {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
}

// progress returns a callback for libraries that report (done, total), or nil when no
// progress is shown.
func (e *env) progress(what string) func(done, total int) {
	if !e.showProgress() {
		return nil
	}
	var (
		mu   sync.Mutex
		last = -1
	)
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		pct := 100
		if total > 0 {
			pct = done * 100 / total
		}
		if pct != last {
			last = pct
			e.progressf("%s %d/%d (%d%%)", what, done, total, pct)
		}
	}
}
