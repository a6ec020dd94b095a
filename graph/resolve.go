package graph

// A numbering is what a reader learnt about the ID cells of one file: the interned IDs by
// number, and for each record the numbers of its two ID cells (source and target, or actor
// and event).
type numbering struct {
	ids  []string
	rows []idPair
}

// A resolver gives the IDs in one column of a file's records the numbers Build uses, through
// slow (a map lookup that numbers IDs on first sight). When the reader's numbering is at hand
// and record i still holds the string its number names, the lookup is an array read: slow
// runs once per distinct ID instead of once per record. Any other record (one changed or
// added after reading, or a Dataset made in memory) goes to slow, so the result never
// depends on whether the numbering is stale.
type resolver struct {
	ids  []string
	rows []idPair
	col  int     // which cell of the idPair
	memo []int32 // reader number -> Build number, -1 until first resolved
	slow func(string) int32
}

// newResolver returns a resolver for cell col of the records numbered by nb (nil when
// unknown). When shared is not nil, the new resolver resolves a column of the same records
// to the same numbers and shares what shared has learnt.
func newResolver(nb *numbering, col int, slow func(string) int32, shared *resolver) *resolver {
	r := &resolver{col: col, slow: slow}
	if shared != nil {
		r.ids, r.rows, r.memo = shared.ids, shared.rows, shared.memo
	} else if nb != nil {
		r.ids, r.rows = nb.ids, nb.rows
		r.memo = make([]int32, len(nb.ids))
		for i := range r.memo {
			r.memo[i] = -1
		}
	}
	return r
}

// get returns Build's number for id, the ID cell of record i.
func (r *resolver) get(i int, id string) int32 {
	if i < len(r.rows) {
		// Strings that share their bytes compare in constant time, and interned ones do.
		if k := r.rows[i][r.col]; r.ids[k] == id {
			if m := r.memo[k]; m >= 0 {
				return m
			}
			m := r.slow(id)
			r.memo[k] = m
			return m
		}
	}
	return r.slow(id)
}
