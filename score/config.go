package score

import (
	"errors"
	"fmt"
	"math"
	"runtime"

	"github.com/partnerscout/partnerscout/graph"
)

// Config says which ties a measure looks at and how. The zero value is the unweighted
// contacts layer with default parameters and GOMAXPROCS workers.
type Config struct {
	Layer    graph.Layer // which ties; default Contacts
	Weighted bool        // use tie strength (distance = 1/weight for path measures)
	Workers  int         // parallel workers; 0 means runtime.GOMAXPROCS(0). Results do not depend on it.

	// Alpha is PageRank's damping factor; 0 means 0.85.
	Alpha float64
	// Tol is the convergence tolerance of the iterative measures (eigenvector, PageRank),
	// on the L1 change per node; 0 means 1e-12.
	Tol float64
	// MaxIter bounds the iterations of the iterative measures; 0 means 1000.
	MaxIter int
}

// Validate reports parameters out of range.
func (c Config) Validate() error {
	switch {
	case c.Layer < graph.Contacts || c.Layer > graph.Combined:
		return fmt.Errorf("score: unknown layer %d", c.Layer)
	case c.Workers < 0:
		return errors.New("score: negative number of workers")
	case math.IsNaN(c.Alpha) || c.Alpha < 0 || c.Alpha >= 1:
		return fmt.Errorf("score: PageRank alpha %v outside [0, 1)", c.Alpha)
	case math.IsNaN(c.Tol) || c.Tol < 0:
		return fmt.Errorf("score: tolerance %v must be >= 0", c.Tol)
	case c.MaxIter < 0:
		return errors.New("score: negative MaxIter")
	}
	return nil
}

// withDefaults fills zero fields with their defaults.
func (c Config) withDefaults() Config {
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.Alpha == 0 {
		c.Alpha = 0.85
	}
	if c.Tol == 0 {
		c.Tol = 1e-12
	}
	if c.MaxIter == 0 {
		c.MaxIter = 1000
	}
	return c
}
