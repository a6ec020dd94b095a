package graph

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
)

// Limits bound what a read accepts, so that a hostile or broken file cannot exhaust memory.
// A zero field means the default from [DefaultLimits].
type Limits struct {
	MaxFieldBytes  int // longest cell in bytes; default 65,536
	MaxRecordBytes int // longest record in bytes, quoted line breaks included; default 1 MiB
	MaxRows        int // data rows per file; default 20,000,000
	MaxActors      int // distinct actors over all files; default 10,000,000
	MaxErrors      int // problems collected before a read stops; default 100
}

// DefaultLimits returns the limits used when a field of [Limits] is zero.
func DefaultLimits() Limits {
	return Limits{
		MaxFieldBytes:  64 << 10,
		MaxRecordBytes: 1 << 20,
		MaxRows:        20_000_000,
		MaxActors:      10_000_000,
		MaxErrors:      100,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFieldBytes <= 0 {
		l.MaxFieldBytes = d.MaxFieldBytes
	}
	if l.MaxRecordBytes <= 0 {
		l.MaxRecordBytes = d.MaxRecordBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	if l.MaxActors <= 0 {
		l.MaxActors = d.MaxActors
	}
	if l.MaxErrors <= 0 {
		l.MaxErrors = d.MaxErrors
	}
	return l
}

// A table is one chunk of a CSV file being read: the header, up to chunkRows records that
// passed the structural checks, and where each record starts. It implements gocsv.CSVReader
// so that gocsv decodes its records into typed structs; positions stay with us, because
// gocsv's own line numbers count records, not lines, and carry no file name. A file is read
// chunk by chunk, so memory for the raw cells stays bounded whatever the file size.
type table struct {
	name    string
	header  []string       // normalised header names
	col     map[string]int // header name -> 0-based field index
	rows    [][]string     // records of this chunk, each with the header's field count and clean cells
	cells   []string       // backing store of rows
	start   []int32        // physical line where each row starts
	fieldAt map[int][]int  // row -> line of each field, only for rows that span several lines
	next    int            // Read position: 0 is the header
	rowsIn  int            // rows handed over before this chunk
	bytesIn int64          // input consumed up to the end of this chunk
}

// estimate guesses how many rows a file of size bytes has, from the rows and bytes read so
// far, with 5% to spare; 0 when size is unknown.
func (t *table) estimate(size int64) int {
	rows := t.rowsIn + len(t.rows)
	if size <= 0 || t.bytesIn <= 0 || rows == 0 {
		return 0
	}
	est := float64(size) / float64(t.bytesIn) * float64(rows) * 1.05
	return int(min(est, float64(rows)+float64(size)/4)) + 16
}

// chunkRows is the number of records decoded at a time.
const chunkRows = 4096

// reset empties the chunk for the next records.
func (t *table) reset() {
	t.rows, t.cells, t.start, t.next = t.rows[:0], t.cells[:0], t.start[:0], 0
	clear(t.fieldAt)
}

// Read returns the header, then each row, then io.EOF.
func (t *table) Read() ([]string, error) {
	if t.next == 0 {
		t.next++
		return t.header, nil
	}
	if t.next > len(t.rows) {
		return nil, io.EOF
	}
	r := t.rows[t.next-1]
	t.next++
	return r, nil
}

// ReadAll returns the header followed by every row of the chunk.
func (t *table) ReadAll() ([][]string, error) {
	all := make([][]string, 0, len(t.rows)+1)
	all = append(all, t.header)
	return append(all, t.rows...), nil
}

// indices returns, for each of names, the index of its field in the records, or -1 when the
// file has no such column.
func (t *table) indices(names []string) []int {
	at := make([]int, len(names))
	for i, name := range names {
		at[i] = -1
		if c, ok := t.col[name]; ok {
			at[i] = c
		}
	}
	return at
}

// cell returns field i of row, or "" when i is -1 (an absent optional column).
func cell(row []string, i int) string {
	if i < 0 {
		return ""
	}
	return row[i]
}

// pos returns the physical line of field col (0-based) of row k.
func (t *table) pos(k, col int) int {
	if lines, ok := t.fieldAt[k]; ok && col < len(lines) {
		return lines[col]
	}
	return int(t.start[k])
}

// errAt builds a LoadError for field name of row k.
func (t *table) errAt(k int, field, value string, err error) *LoadError {
	c := t.col[field]
	return &LoadError{File: t.name, Line: t.pos(k, c), Column: c + 1, Field: field, Value: value, Err: err}
}

// errRecordTooLong stops the csv reader when a record grows past Limits.MaxRecordBytes.
var errRecordTooLong = errors.New("record too long")

// tee keeps the bytes of the record being parsed, so that a syntax error can be placed in
// its field, and fails once a record grows past the limit. It forgets input lazily (only
// when the forgotten part is at least half of what it holds), so that keeping the current
// record costs amortised O(1) per byte rather than a copy of the buffer per record.
type tee struct {
	r     io.Reader
	buf   []byte // input from offset base on
	base  int64  // input offset of buf[0]
	start int64  // input offset where the current record starts
	limit int
}

func (t *tee) Read(p []byte) (int, error) {
	if t.base+int64(len(t.buf))-t.start > int64(t.limit) {
		return 0, errRecordTooLong
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// discard says that the current record now starts at offset off; input before it may be
// forgotten.
func (t *tee) discard(off int64) {
	if off > t.start {
		t.start = off
	}
	k := int(t.start - t.base)
	if k <= 0 || k < len(t.buf)/2 {
		return
	}
	if k > len(t.buf) {
		k = len(t.buf)
	}
	t.buf = t.buf[:copy(t.buf, t.buf[k:])]
	t.base += int64(k)
}

// fieldOf returns the 1-based field number at (line, byteCol) of the raw record that starts
// at line startLine, counting separators outside quotes, and the line where that field
// starts.
func fieldOf(raw []byte, startLine, line, byteCol int) (field, fieldLine int) {
	field, fieldLine = 1, startLine
	l, c, quoted := startLine, 0, false
	for _, b := range raw {
		c++
		if l > line || (l == line && c >= byteCol) {
			break
		}
		switch b {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				field++
				fieldLine = l
			}
		case '\n':
			l, c = l+1, 0
		}
	}
	return field, fieldLine
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// readTable reads a CSV file, checking its structure: a header with the required columns and
// no repeated known column, the same number of fields in every record, valid UTF-8 without
// NUL bytes, and the size limits. Problems go to p; rows with problems are left out. The rows
// that pass are handed to each in chunks of at most chunkRows; the table passed to each is
// reused afterwards. readTable returns false when the file could not be read at all (no
// usable header, or input that stops the reader), in which case the chunks already handed
// over must be ignored.
func readTable(r io.Reader, name string, known, required []string, lim Limits, p *problems, each func(*table)) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, bom) {
		br.Discard(3)
	}
	tr := &tee{r: br, limit: lim.MaxRecordBytes + 64<<10}
	cr := csv.NewReader(tr)
	cr.FieldsPerRecord = -1
	t := &table{name: name, col: make(map[string]int)}

	header, err := cr.Read()
	if err == io.EOF {
		p.add(&LoadError{File: name, Line: 1, Column: 1, Err: ErrEmptyFile})
		return false
	}
	if err != nil {
		p.add(syntaxError(name, err, tr, 0, nil))
		return false
	}
	t.header = make([]string, len(header))
	ok := true
	for i, h := range header {
		if !utf8.ValidString(h) {
			p.add(&LoadError{File: name, Line: 1, Column: i + 1, Value: strings.ToValidUTF8(h, "\uFFFD"), Field: "header", Err: ErrInvalidUTF8})
			ok = false
			continue
		}
		h = strings.ToLower(strings.TrimSpace(h))
		t.header[i] = h
		if !contains(known, h) {
			continue
		}
		if first, dup := t.col[h]; dup {
			p.add(&LoadError{File: name, Line: 1, Column: i + 1, Field: h,
				Err: fmt.Errorf("%w (also column %d)", ErrDuplicateColumn, first+1)})
			ok = false
			continue
		}
		t.col[h] = i
	}
	for _, req := range required {
		if _, found := t.col[req]; !found {
			p.add(&LoadError{File: name, Line: 1, Column: 1, Field: req,
				Err: fmt.Errorf("%w (header is %q)", ErrMissingColumn, strings.Join(header, ","))})
			ok = false
		}
	}
	if !ok {
		return false
	}
	t.cells = make([]string, 0, chunkRows*len(header))
	t.rows = make([][]string, 0, chunkRows)
	t.start = make([]int32, 0, chunkRows)
	cr.ReuseRecord = true
	rows := 0
	tr.discard(cr.InputOffset())
	lastLine, _ := cr.FieldPos(len(header) - 1)
	for !p.full {
		off := cr.InputOffset()
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.add(syntaxError(name, err, tr, off, t.header))
				tr.discard(cr.InputOffset())
				continue
			}
			le := syntaxError(name, err, tr, off, t.header)
			le.Line = lastLine + 1
			p.add(le)
			return false
		}
		tr.discard(cr.InputOffset())
		line, _ := cr.FieldPos(0)
		lastLine, _ = cr.FieldPos(len(rec) - 1)
		if rows >= lim.MaxRows {
			p.add(&LoadError{File: name, Line: line, Column: 1,
				Err: fmt.Errorf("%w: more than %d rows (raise Limits.MaxRows, --max-rows)", ErrLimit, lim.MaxRows)})
			return false
		}
		rows++
		if len(rec) != len(t.header) {
			// Too many fields: point at the first extra one. Too few: point just past the
			// last one, on the line where the record ends.
			col := min(len(rec), len(t.header)) + 1
			fl, _ := cr.FieldPos(len(rec) - 1)
			if len(rec) > len(t.header) {
				fl, _ = cr.FieldPos(len(t.header))
			}
			p.add(&LoadError{File: name, Line: fl, Column: col,
				Err: fmt.Errorf("%w: expected %d fields as in the header, found %d", ErrFieldCount, len(t.header), len(rec))})
			continue
		}
		clean := true
		for i, f := range rec {
			var ferr error
			switch {
			case len(f) > lim.MaxFieldBytes:
				ferr = fmt.Errorf("%w: field longer than %d bytes (raise Limits.MaxFieldBytes, --max-field-bytes)", ErrLimit, lim.MaxFieldBytes)
			case !utf8.ValidString(f):
				ferr = ErrInvalidUTF8
			case strings.IndexByte(f, 0) >= 0:
				ferr = ErrNUL
			}
			if ferr != nil {
				fl, _ := cr.FieldPos(i)
				p.add(&LoadError{File: name, Line: fl, Column: i + 1, Field: t.header[i], Value: strings.ToValidUTF8(f, "\uFFFD"), Err: ferr})
				clean = false
			}
		}
		if !clean {
			continue
		}
		if last, _ := cr.FieldPos(len(rec) - 1); last != line {
			if t.fieldAt == nil {
				t.fieldAt = make(map[int][]int)
			}
			lines := make([]int, len(rec))
			for i := range rec {
				lines[i], _ = cr.FieldPos(i)
			}
			t.fieldAt[len(t.rows)] = lines
		}
		k := len(t.cells)
		t.cells = append(t.cells, rec...)
		t.rows = append(t.rows, t.cells[k:len(t.cells):len(t.cells)])
		t.start = append(t.start, int32(line))
		if len(t.rows) == chunkRows {
			t.bytesIn = cr.InputOffset()
			each(t)
			t.rowsIn += len(t.rows)
			t.reset()
		}
	}
	if len(t.rows) > 0 {
		t.bytesIn = cr.InputOffset()
		each(t)
	}
	return true
}

// syntaxError turns an error of the csv reader into a LoadError placed at the field where
// it happened. off is the input offset where the failing record starts.
func syntaxError(name string, err error, tr *tee, off int64, header []string) *LoadError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		start := int(off - tr.base)
		if start < 0 || start > len(tr.buf) {
			start = len(tr.buf)
		}
		col, line := fieldOf(tr.buf[start:], pe.StartLine, pe.Line, pe.Column)
		le := &LoadError{File: name, Line: line, Column: col, Err: fmt.Errorf("%w: %v", ErrSyntax, pe.Err)}
		if line != pe.Line {
			// A quoted field that runs over several lines: Line is where the field starts
			// (usually where a quote was opened and never closed); say where it failed.
			le.Err = fmt.Errorf("%w: %v (found on line %d)", ErrSyntax, pe.Err, pe.Line)
		}
		if col-1 < len(header) {
			le.Field = header[col-1]
		}
		return le
	}
	if errors.Is(err, errRecordTooLong) {
		return &LoadError{File: name, Line: 1, Column: 1,
			Err: fmt.Errorf("%w: a record longer than %d bytes (raise Limits.MaxRecordBytes, --max-record-bytes)", ErrLimit, tr.limit-64<<10)}
	}
	return &LoadError{File: name, Line: 1, Column: 1, Err: err}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// decode runs gocsv over the chunk's rows into out, a slice of flat string structs reused
// from chunk to chunk; it decodes actors.csv and events.csv (contacts.csv and attendance.csv
// are read by column index, see reader.contacts). The structs implement gocsv.TypeUnmarshalCSVWithFields, so gocsv sets
// each cell with one method call instead of reflection and an allocation per cell.
func decode[T any](t *table, out []T) ([]T, error) {
	if cap(out) < len(t.rows) {
		out = make([]T, len(t.rows), max(len(t.rows), chunkRows))
	}
	out = out[:len(t.rows)]
	clear(out)
	if err := gocsv.UnmarshalCSV(t, &out); err != nil {
		return nil, fmt.Errorf("graph: decoding %s: %w", t.name, err)
	}
	return out, nil
}
