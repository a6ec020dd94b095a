package graph

import (
	"hash/maphash"
	"strings"
)

// An idTable interns IDs and numbers them in the order first seen. It is an open-addressing
// hash table (linear probing, at most half full) whose 8-byte slots keep 32 bits of the key's
// hash next to its number, so growing it moves slots without hashing any key again. A Go map
// rehashes every key each time it grows, which at a million rows was a third of the time
// spent interning. The hash seed is random; it decides only where keys sit in the table,
// never their numbers, so results do not depend on it.
type idTable struct {
	seed  maphash.Seed
	slots []uint64 // tag<<32 | (number+1); 0 is an empty slot
	ids   []string // interned IDs by number
}

func newIDTable() *idTable { return &idTable{seed: maphash.MakeSeed()} }

// intern returns the shared copy of s and its number, numbering s if it is new.
func (t *idTable) intern(s string) (string, int32) {
	if 2*(len(t.ids)+1) > len(t.slots) {
		t.grow()
	}
	tag := uint32(maphash.String(t.seed, s) >> 32)
	mask := uint32(len(t.slots) - 1)
	for i := tag & mask; ; i = (i + 1) & mask {
		e := t.slots[i]
		if e == 0 {
			s = strings.Clone(s)
			k := int32(len(t.ids))
			t.ids = append(t.ids, s)
			t.slots[i] = uint64(tag)<<32 | uint64(k+1)
			return s, k
		}
		if uint32(e>>32) == tag {
			if k := int32(uint32(e) - 1); t.ids[k] == s {
				return t.ids[k], k
			}
		}
	}
}

// grow doubles the table (to 1024 slots at first) and re-inserts the slots by their tags.
func (t *idTable) grow() {
	old := t.slots
	t.slots = make([]uint64, max(1024, 2*len(old)))
	mask := uint32(len(t.slots) - 1)
	for _, e := range old {
		if e == 0 {
			continue
		}
		i := uint32(e>>32) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = e
	}
}
