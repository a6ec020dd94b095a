package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/partnerscout/partnerscout/graph"
)

// Exit statuses.
const (
	exitOK    = 0 // success
	exitData  = 1 // bad data (or a library error about the data, such as an unknown actor)
	exitUsage = 2 // bad usage: unknown command or flag, bad flag value
)

// A command is one subcommand. setup registers the command's own flags on fs (the global
// flags are already there) and returns the function that runs it once the flags are parsed.
type command struct {
	name    string
	summary string // one line, for the command list
	args    string // synopsis after "partnerscout NAME"
	long    string // paragraphs printed by --help before the flags
	noData  bool   // the command does not read a network (no global data flags)
	setup   func(fs *flag.FlagSet) func(e *env) error
}

// commands is every subcommand, in the order the usage lists them.
var commands = []*command{
	validateCmd,
	projectCmd,
	exportCmd,
	centralityCmd,
	powerCmd,
	rankCmd,
	eventsCmd,
	coalitionCmd,
	evaluateCmd,
	reviewCmd,
	reportCmd,
	mapCmd,
	synthCmd,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args (without the program name), writing results to stdout and
// problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		mainUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && name == "help" {
			if c := lookup(args[1]); c != nil {
				return run([]string{c.name, "--help"}, stdout, stderr)
			}
			fmt.Fprintf(stderr, "partnerscout: unknown command %q\n", args[1])
			return exitUsage
		}
		mainUsage(stdout)
		return exitOK
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "partnerscout: unknown command %q%s\n", name, didYouMean(name))
		fmt.Fprintln(stderr, "Run 'partnerscout help' for the list of commands.")
		return exitUsage
	}
	return c.run(args[1:], stdout, stderr)
}

// run parses the command's flags and runs it.
func (c *command) run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("partnerscout "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	e := &env{stdout: stdout, stderr: stderr}
	e.g.register(fs, !c.noData)
	global := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { global[f.Name] = true })
	runFn := c.setup(fs)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c.usage(stdout, fs, global)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "partnerscout %s: %v\n", c.name, err)
		fmt.Fprintf(stderr, "Run 'partnerscout %s --help' for usage.\n", c.name)
		return exitUsage
	}
	if fs.NArg() > 0 {
		return e.fail(c, usagef("unexpected argument %q (flags go after the command name; values never stand alone)", fs.Arg(0)))
	}
	e.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { e.set[f.Name] = true })
	if err := e.g.check(!c.noData); err != nil {
		return e.fail(c, err)
	}
	return e.fail(c, runFn(e))
}

// fail prints err the way its kind asks for and returns the exit status: 0 for nil, 2 for a
// usage error, 1 for anything else. A graph.ErrorList is printed one problem per line.
func (e *env) fail(c *command, err error) int {
	if err == nil {
		return exitOK
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(e.stderr, "partnerscout %s: %v\n", c.name, u.msg)
		fmt.Fprintf(e.stderr, "Run 'partnerscout %s --help' for usage.\n", c.name)
		return exitUsage
	}
	var list graph.ErrorList
	if errors.As(err, &list) {
		for _, p := range list {
			fmt.Fprintln(e.stderr, p.Error())
		}
		fmt.Fprintf(e.stderr, "partnerscout %s: %d %s in the input\n", c.name, len(list), plural(len(list), "problem", "problems"))
		return exitData
	}
	fmt.Fprintf(e.stderr, "partnerscout %s: %v\n", c.name, err)
	return exitData
}

// A usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// didYouMean suggests the command closest to a mistyped name.
func didYouMean(name string) string {
	best, bestD := "", 3
	for _, c := range commands {
		if d := editDistance(name, c.name); d < bestD {
			best, bestD = c.name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func mainUsage(w io.Writer) {
	fmt.Fprint(w, `partnerscout finds partners in a network of contacts and shared events.

Usage:

	partnerscout COMMAND [flags]

Commands:

`)
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command that reads data takes --data DIR (or --actors/--contacts/--attendance/--events
FILE), --format table|csv|json, --from/--as-of DATE, --half-life, --layer, --weighting and the
input limits. Run 'partnerscout COMMAND --help' for the flags of one command.

Exit status: 0 success, 1 bad data, 2 bad usage.
`)
}

// usage prints the command's help with every flag, own flags first.
func (c *command) usage(w io.Writer, fs *flag.FlagSet, global map[string]bool) {
	fmt.Fprintf(w, "Usage: partnerscout %s %s\n\n%s\n", c.name, c.args, c.summary)
	if c.long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.long))
	}
	var own, common []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if global[f.Name] {
			common = append(common, f)
		} else {
			own = append(own, f)
		}
	})
	print := func(title string, flags []*flag.Flag) {
		if len(flags) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		// Keep the global flags in the order they are registered, which groups them.
		if title != "Flags" {
			slices.SortStableFunc(flags, func(a, b *flag.Flag) int { return globalOrder[a.Name] - globalOrder[b.Name] })
		}
		for _, f := range flags {
			name, usage := flag.UnquoteUsage(f)
			line := "  --" + f.Name
			if name != "" {
				line += " " + name
			}
			fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
			if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		}
	}
	print("Flags", own)
	title := "Data and output flags"
	if c.noData {
		title = "Common flags"
	}
	print(title, common)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
