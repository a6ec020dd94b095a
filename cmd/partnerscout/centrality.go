package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// A measure is one per-actor centrality the centrality command can print.
type measure struct {
	name    string
	compute func(n *graph.Network, c score.Config) ([]float64, error)
}

func noErr(f func(*graph.Network, score.Config) []float64) func(*graph.Network, score.Config) ([]float64, error) {
	return func(n *graph.Network, c score.Config) ([]float64, error) { return f(n, c), nil }
}

// measures lists every measure in output column order.
var measures = []measure{
	{"degree", noErr(score.Degree)},
	{"strength", noErr(score.Strength)},
	{"betweenness", score.Betweenness},
	{"closeness", score.Closeness},
	{"harmonic", score.Harmonic},
	{"eigenvector", score.Eigenvector},
	{"pagerank", score.PageRank},
	{"constraint", noErr(score.Constraint)},
	{"effective_size", noErr(score.EffectiveSize)},
}

// approximations are the sampling estimates --approx uses instead of the exact measures.
var approximations = map[string]func(*graph.Network, score.Config, score.Approx) ([]float64, error){
	"betweenness": score.BetweennessApprox,
	"closeness":   score.ClosenessApprox,
	"harmonic":    score.HarmonicApprox,
}

func measureNames() []string {
	names := make([]string, len(measures))
	for i, m := range measures {
		names[i] = m.name
	}
	return names
}

var centralityCmd = &command{
	name:    "centrality",
	summary: "compute centrality and structural-hole measures of every actor",
	args:    "--data DIR [--measures LIST] [--weighted] [--approx [--epsilon E]] [flags]",
	long: `
Centrality prints one row per actor (sorted by ID) with the measures asked for, on --layer.
The conventions are networkx's, so the numbers can be checked: degree = deg/(n-1); strength =
sum of tie weights; betweenness normalised by (n-1)(n-2)/2; closeness with the
Wasserman-Faust correction for disconnected networks; harmonic unnormalised; eigenvector with
unit Euclidean norm; pagerank with alpha 0.85, summing to 1; Burt's constraint and effective
size (empty in CSV, null in JSON, "-" in tables for actors without ties). --weighted uses tie
strength: path measures take distance = 1/weight, the others the weight itself.
--approx estimates betweenness (Riondato-Kornaropoulos path sampling), closeness and harmonic
(Eppstein-Wang source sampling) within --epsilon, with a fixed seed; it returns the exact
values when sampling would not be cheaper. Above 50,000 actors (score.AutoApproxActors)
--approx is on unless --approx=false is given, and a note on standard error says so.
JSON: [{"actor": ID, "degree": x, ...}], CSV: the same columns, actor first.`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		list := fs.String("measures", strings.Join(measureNames(), ","), "comma-separated `LIST` of measures to compute")
		weighted := fs.Bool("weighted", false, "use tie strengths (distance = 1/weight for path measures)")
		approx := fs.Bool("approx", false, "estimate betweenness, closeness and harmonic by sampling (for large networks; fixed seed, reproducible)")
		epsilon := fs.Float64("epsilon", 0.01, "additive error bound `E` of --approx (holds for every actor with probability 0.9)")
		return func(e *env) error {
			a := score.Approx{Epsilon: *epsilon}
			if err := a.Validate(); err != nil {
				return usagef("--epsilon %v: %s", *epsilon, strings.TrimPrefix(err.Error(), "score: "))
			}
			var chosen []measure
			seen := map[string]bool{}
			for _, name := range splitList(*list) {
				name = strings.ToLower(name)
				found := false
				for _, m := range measures {
					if m.name == name {
						found = true
						if !seen[name] {
							chosen = append(chosen, m)
						}
						seen[name] = true
					}
				}
				if !found {
					return usagef("--measures: unknown measure %q: want some of %s", name, strings.Join(measureNames(), ","))
				}
			}
			if len(chosen) == 0 {
				return usagef("--measures: name at least one of %s", strings.Join(measureNames(), ","))
			}
			n, err := e.network()
			if err != nil {
				return err
			}
			useApprox := *approx
			if !e.set["approx"] && score.AutoApprox(n) {
				useApprox = true
				if !e.g.quiet {
					fmt.Fprintf(e.stderr, "note: %d actors: betweenness, closeness and harmonic are estimated within %g (--approx=false for exact values)\n", n.Len(), a.Epsilon)
				}
			}
			if e.set["epsilon"] && !useApprox {
				return usagef("--epsilon needs --approx")
			}
			c := score.Config{Layer: e.g.lay, Weighted: *weighted}
			values := make([][]float64, len(chosen))
			for k, m := range chosen {
				e.progressf("computing %s...", m.name)
				if f := approximations[m.name]; useApprox && f != nil {
					values[k], err = f(n, c, a)
				} else {
					values[k], err = m.compute(n, c)
				}
				e.progressDone()
				if err != nil {
					return err
				}
			}
			t := &table{header: append([]string{"actor"}, namesOf(chosen)...)}
			out := make([]object, n.Len())
			for i := range n.Len() {
				row := make([]cell, 0, len(chosen)+1)
				row = append(row, text(n.ID(i)))
				obj := make(object, 0, len(chosen)+1)
				obj = append(obj, field{"actor", n.ID(i)})
				for k, m := range chosen {
					row = append(row, num(values[k][i]))
					obj = append(obj, field{m.name, jsonFloat(values[k][i])})
				}
				t.add(row...)
				out[i] = obj
			}
			return e.emit(out, t, nil)
		}
	},
}

func namesOf(ms []measure) []string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.name
	}
	return names
}
