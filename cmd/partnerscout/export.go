package main

import (
	"bufio"
	"flag"

	"github.com/partnerscout/partnerscout/graph"
)

var exportCmd = &command{
	name:    "export",
	summary: "write the network as Graphviz DOT, GraphML or GEXF (Gephi)",
	args:    "--to dot|graphml|gexf --data DIR [--layer L] [flags]",
	long: `
Export writes the ties of --layer with every actor's profile to standard output, in the format
--to names: dot (Graphviz), graphml (networkx, igraph, Cytoscape) or gexf (Gephi). Nodes are
actors (id = actor ID), edge weights are tie strengths. Output is sorted, the same on every run.
--format does not apply.`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		to := fs.String("to", "", "output `FORMAT`: dot|graphml|gexf (required)")
		return func(e *env) error {
			write := map[string]func(*bufio.Writer, *graph.Network, graph.Layer) error{
				"dot":     func(w *bufio.Writer, n *graph.Network, l graph.Layer) error { return graph.WriteDOT(w, n, l) },
				"graphml": func(w *bufio.Writer, n *graph.Network, l graph.Layer) error { return graph.WriteGraphML(w, n, l) },
				"gexf":    func(w *bufio.Writer, n *graph.Network, l graph.Layer) error { return graph.WriteGEXF(w, n, l) },
			}[*to]
			switch {
			case *to == "":
				return usagef("--to is required: dot, graphml or gexf")
			case write == nil:
				return usagef("--to %q: want dot, graphml or gexf", *to)
			case e.set["format"]:
				return usagef("export writes the --to format; --format does not apply")
			}
			n, err := e.network()
			if err != nil {
				return err
			}
			w := bufio.NewWriter(e.stdout)
			if err := write(w, n, e.g.lay); err != nil {
				return err
			}
			return w.Flush()
		}
	},
}
