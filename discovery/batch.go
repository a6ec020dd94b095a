package discovery

import (
	"runtime"
	"sync"
)

// RankMany ranks the candidates of every focal actor in focals, in parallel over
// Options.Workers goroutines, and returns one ranking per focal actor in the order given.
// Each ranking is identical to the one [Ranker.Rank] returns for that actor alone. An
// unknown ID is reported, as an *UnknownIDError, before any ranking starts.
// Options.Progress, if set, is called after each focal actor.
func (r *Ranker) RankMany(focals []string) ([][]Candidate, error) {
	out := make([][]Candidate, len(focals))
	err := r.RankEach(focals, func(k int, c []Candidate) error {
		out[k] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RankAll ranks the candidates of every actor in the network, in index (sorted-ID) order;
// see [Ranker.RankMany].
func (r *Ranker) RankAll() [][]Candidate {
	out := make([][]Candidate, r.n.Len())
	r.rankIndices(allIndices(r.n.Len()), func(k int, c []Candidate) error {
		out[k] = c
		return nil
	})
	return out
}

// RankEach ranks the candidates of every focal actor in focals, as [Ranker.RankMany] does,
// but hands each ranking to fn (with its position in focals) in the order given, as soon as
// it and those before it are ready, instead of returning them all: a caller can write
// results out while later ones are computed, and memory stays bounded by a window of
// rankings per worker whatever the number of focal actors. It stops at the first error fn
// returns and returns that error. fn is called from one goroutine at a time.
func (r *Ranker) RankEach(focals []string, fn func(k int, c []Candidate) error) error {
	idx := make([]int, len(focals))
	for k, id := range focals {
		i, ok := r.n.Index(id)
		if !ok {
			return unknown(r.n, id)
		}
		idx[k] = i
	}
	return r.rankIndices(idx, fn)
}

func allIndices(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// windowPerWorker bounds how many rankings each worker may finish ahead of the one fn is
// waiting for.
const windowPerWorker = 64

// rankIndices ranks the focal actors idx in parallel and hands the rankings to fn in order.
// A feeder issues positions in order, each after taking one of window tokens; workers rank
// the position they take and put the ranking in slot k % window; the caller's goroutine
// takes the slots in order, calls fn and returns the token. At most window positions are
// issued and not yet handed over, so their slots are distinct and the output does not depend
// on scheduling.
func (r *Ranker) rankIndices(idx []int, fn func(k int, c []Candidate) error) error {
	workers := r.o.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(idx)))
	window := min(len(idx), workers*windowPerWorker)
	if window == 0 {
		return nil
	}
	tokens := make(chan struct{}, window)
	for range window {
		tokens <- struct{}{}
	}
	slots := make([]chan []Candidate, window)
	for i := range slots {
		slots[i] = make(chan []Candidate, 1)
	}
	jobs := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the feeder
		defer wg.Done()
		defer close(jobs)
		for k := range idx {
			select {
			case <-tokens:
			case <-quit:
				return
			}
			select {
			case jobs <- k:
			case <-quit:
				return
			}
		}
	}()
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := r.workers.Get().(*worker)
			defer r.workers.Put(w)
			for k := range jobs {
				slots[k%window] <- w.rank(idx[k])
				if r.o.Progress != nil {
					mu.Lock()
					done++
					r.o.Progress(done, len(idx))
					mu.Unlock()
				}
			}
		}()
	}
	var err error
	for k := range idx {
		c := <-slots[k%window]
		if err = fn(k, c); err != nil {
			break
		}
		tokens <- struct{}{}
	}
	close(quit)
	wg.Wait()
	return err
}
