// Command loadtime times loading one input directory: graph.ReadDir, then graph.Build, as
// the CLI does. It prints one line: "read S build S total S", the seconds each took, then
// what was loaded. bench/load.sh runs it several times and takes medians. With -project it
// then times the first use of the events and combined layers (the co-attendance projection
// and the merge with contacts) and prints "project S: N events ties, M combined ties".
//
//	go run ./bench/loadtime [-cpuprofile FILE] [-project] DIR
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/pprof"
	"time"

	"github.com/partnerscout/partnerscout/graph"
)

func main() {
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the load to this file")
	project := flag.Bool("project", false, "also time the projection of the events and combined layers")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: loadtime [-cpuprofile FILE] [-project] DIR")
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	d, err := graph.ReadDir(flag.Arg(0), graph.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	read := time.Since(start)
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	total := time.Since(start)
	fmt.Printf("read %.3f build %.3f total %.3f: %d actors, %d contact ties, %d events, %d contact rows, %d attendance rows\n",
		read.Seconds(), (total - read).Seconds(), total.Seconds(), n.Len(), n.Edges(graph.Contacts), n.NumEvents(), len(d.Contacts), len(d.Attendance))
	if *project {
		start := time.Now()
		ev := n.Edges(graph.Events)
		fmt.Printf("project %.3f: %d events ties, %d combined ties\n", time.Since(start).Seconds(), ev, n.Edges(graph.Combined))
	}
}
