package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/partnerscout/partnerscout/internal/synth"
)

var synthCmd = &command{
	name:    "synth",
	summary: "generate a synthetic partnership network as the four CSV files",
	args:    "--actors N --out DIR [--seed S]",
	noData:  true,
	long: `
Synth writes actors.csv, contacts.csv, attendance.csv and events.csv of a fictional
cross-sector network into --out (created if needed; existing files are overwritten), with the
large-network preset: organisations of 5 people on average across 6 regions, as many events
as actors, about 10 contact rows and 10 attendance rows per actor, dates 2022-01-01 to
2024-12-31. The same --actors and --seed give byte-identical files.`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		actors := fs.Int("actors", 1000, "generate `N` actors (people), at least 2")
		out := fs.String("out", "", "write the files into `DIR` (required)")
		seed := fs.Uint64("seed", 0, "random `SEED` (default: the preset's fixed seed)")
		return func(e *env) error {
			if *out == "" {
				return usagef("--out DIR is required")
			}
			c := synth.Scale(*actors)
			if e.set["seed"] {
				c.Seed = *seed
			}
			if err := c.Validate(); err != nil {
				return usagef("%s", strings.TrimPrefix(err.Error(), "synth: "))
			}
			if err := synth.Write(*out, c); err != nil {
				if errors.Is(err, synth.ErrConfig) {
					return usagef("%v", err)
				}
				return err
			}
			if !e.g.quiet {
				fmt.Fprintf(e.stderr, "wrote %d actors to %s\n", c.Actors, filepath.Clean(*out))
			}
			return nil
		}
	},
}
