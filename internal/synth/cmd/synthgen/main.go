// Command synthgen writes a synthetic partnership network as partnerscout's
// four CSV files.
//
// Usage:
//
//	go run ./internal/synth/cmd/synthgen -preset partners -out testdata/partners
//	go run ./internal/synth/cmd/synthgen -preset scale -actors 100000 -out /tmp/big
//
// Flags:
//
//	-preset  partners or scale (default partners)
//	-actors  number of actors for -preset scale (default 100000);
//	         for -preset partners it overrides the preset's 150
//	-seed    overrides the preset's seed
//	-out     output directory (required)
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/partnerscout/partnerscout/internal/synth"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "synthgen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("synthgen", flag.ContinueOnError)
	preset := fs.String("preset", "partners", "partners or scale")
	actors := fs.Int("actors", 100000, "number of actors (scale; overrides partners' 150 when set)")
	seed := fs.Uint64("seed", 0, "random seed (default: the preset's)")
	out := fs.String("out", "", "output directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("-out is required")
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var c synth.Config
	switch *preset {
	case "partners":
		c = synth.Partners()
		if set["actors"] {
			c.Actors = *actors
		}
	case "scale":
		c = synth.Scale(*actors)
	default:
		return fmt.Errorf("unknown -preset %q (want partners or scale)", *preset)
	}
	if set["seed"] {
		c.Seed = *seed
	}
	return synth.Write(*out, c)
}
