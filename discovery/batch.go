package discovery

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// RankMany ranks the candidates of every focal actor in focals, in parallel over
// Options.Workers goroutines, and returns one ranking per focal actor in the order given.
// Each ranking is identical to the one [Ranker.Rank] returns for that actor alone. An
// unknown ID is reported, as an *UnknownIDError, before any ranking starts.
// Options.Progress, if set, is called after each focal actor.
func (r *Ranker) RankMany(focals []string) ([][]Candidate, error) {
	idx := make([]int, len(focals))
	for k, id := range focals {
		i, ok := r.n.Index(id)
		if !ok {
			return nil, unknown(r.n, id)
		}
		idx[k] = i
	}
	return r.rankIndices(idx), nil
}

// RankAll ranks the candidates of every actor in the network, in index (sorted-ID) order;
// see [Ranker.RankMany].
func (r *Ranker) RankAll() [][]Candidate {
	idx := make([]int, r.n.Len())
	for i := range idx {
		idx[i] = i
	}
	return r.rankIndices(idx)
}

// rankIndices ranks the focal actors idx in parallel. Workers take the next focal actor
// from a shared counter and write to their own slot of the result, so the output does not
// depend on scheduling.
func (r *Ranker) rankIndices(idx []int) [][]Candidate {
	out := make([][]Candidate, len(idx))
	workers := r.o.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(idx)))
	var next atomic.Int64
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := r.workers.Get().(*worker)
			defer r.workers.Put(w)
			for {
				k := int(next.Add(1)) - 1
				if k >= len(idx) {
					return
				}
				out[k] = w.rank(idx[k])
				if r.o.Progress != nil {
					mu.Lock()
					done++
					r.o.Progress(done, len(idx))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return out
}
