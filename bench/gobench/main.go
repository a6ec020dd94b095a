// Command gobench times partnerscout's centralities on an edge list, for bench/compare.sh.
//
// It either writes a Barabási–Albert benchmark graph as an edge list,
//
//	gobench -write 10k.csv -n 10000 -m 5 -seed 1
//
// (synth.BarabasiAlbert with the seeds of score/bench_test.go's benchmark graphs), or loads
// an edge list (CSV with header source,target,weight) and times one measure several times,
//
//	gobench -edges 10k.csv -measure betweenness -weighted -reps 3
//
// printing one line per repetition: "measure seconds" (loading excluded). Peak memory is
// measured from outside, with /usr/bin/time -v.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
	"github.com/partnerscout/partnerscout/score"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gobench: ")
	write := flag.String("write", "", "write a Barabási–Albert edge list to this file and exit")
	n := flag.Int("n", 10000, "actors of the generated graph")
	m := flag.Int("m", 5, "ties per arriving actor of the generated graph")
	seed := flag.Uint64("seed", 1, "PCG seed of the generated graph")
	edges := flag.String("edges", "", "edge list to load (source,target,weight)")
	measure := flag.String("measure", "betweenness", "betweenness, betweenness-approx, closeness, harmonic, pagerank, eigenvector, degree")
	weighted := flag.Bool("weighted", false, "use tie weights (distance 1/weight for path measures)")
	workers := flag.Int("workers", 0, "workers (0 = GOMAXPROCS)")
	eps := flag.Float64("epsilon", 0.01, "epsilon of betweenness-approx")
	reps := flag.Int("reps", 1, "repetitions")
	flag.Parse()

	if *write != "" {
		if err := writeBA(*write, *n, *m, *seed); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *edges == "" {
		log.Fatal("need -edges or -write")
	}
	d, err := graph.ReadFiles(graph.Files{Contacts: *edges}, graph.DefaultLimits())
	if err != nil {
		log.Fatal(err)
	}
	nw, err := graph.Build(d, graph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	c := score.Config{Weighted: *weighted, Workers: *workers}
	for r := 0; r < *reps; r++ {
		start := time.Now()
		var err error
		switch *measure {
		case "betweenness":
			_, err = score.Betweenness(nw, c)
		case "betweenness-approx":
			_, err = score.BetweennessApprox(nw, c, score.Approx{Epsilon: *eps})
		case "closeness":
			_, err = score.Closeness(nw, c)
		case "harmonic":
			_, err = score.Harmonic(nw, c)
		case "pagerank":
			_, err = score.PageRank(nw, c)
		case "eigenvector":
			_, err = score.Eigenvector(nw, c)
		case "degree":
			score.Degree(nw, c)
		default:
			log.Fatalf("unknown measure %q", *measure)
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %.6f\n", *measure, time.Since(start).Seconds())
	}
}

// writeBA writes a Barabási–Albert graph: actors arrive one by one and tie to m distinct
// earlier actors chosen with probability proportional to degree (the first m+1 form a
// clique), weights uniform in {1, ..., 5}, all from PCG(seed, seed). It is the generator of
// score/centrality_gen_test.go (baDataset), so the graphs are the same.
// writeBA writes synth.BarabasiAlbert(n, m, seed, true) as a source,target,weight edge
// list: the graphs of score/bench_test.go, for igraph and networkx.
func writeBA(path string, n, m int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "source,target,weight")
	for _, c := range synth.BarabasiAlbert(n, m, seed, true).Contacts {
		w.WriteString(c.Source + "," + c.Target + "," + strconv.FormatFloat(c.Weight, 'g', -1, 64) + "\n")
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
