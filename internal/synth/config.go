package synth

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Limits checked by [Config.Validate].
const (
	MaxActors         = 10_000_000 // largest Config.Actors
	MaxEvents         = 10_000_000 // largest Config.Events
	MaxRowsPerActor   = 1000       // largest ContactsPerActor and AttendancePerActor
	MaxDays           = 36_525     // longest period (100 years), End - Start + 1 days
	MinScenarioActors = 60         // smallest Config.Actors when Scenarios is set

	// MaxContactRows and MaxAttendanceRows bound Actors*ContactsPerActor
	// and Actors*AttendancePerActor. Attendance is kept in memory (4 bytes
	// a row, twice) for the contact generator; contacts are streamed.
	MaxContactRows    = 1_000_000_000
	MaxAttendanceRows = 100_000_000
)

// Mixing gives the probabilities with which a new contact is drawn from
// each pool; the target inside a pool is drawn with probability
// proportional to its activity. The remainder 1 - (sum of the fields) is
// drawn from the whole network: the cross-sector, cross-region bridges.
// When a pool is empty (a one-person organisation, an actor with no contacts
// yet) another draw is made.
type Mixing struct {
	Org     float64 // a colleague in the same organisation
	Local   float64 // same sector and same region, any organisation
	Sector  float64 // same sector, any region
	Region  float64 // same region, any sector (local cross-sector partnership)
	Closure float64 // a contact of an existing contact (triadic closure)
	Event   float64 // a co-attendee of an event both attended before the contact
}

func (m Mixing) sum() float64 {
	return m.Org + m.Local + m.Sector + m.Region + m.Closure + m.Event
}

// DefaultMixing returns the mixing used by both presets: Org 0.25,
// Local 0.20, Sector 0.10, Region 0.15, Closure 0.15, Event 0.05, leaving
// 0.10 for ties anywhere in the network. About three quarters of the
// contacts stay within a sector.
func DefaultMixing() Mixing {
	return Mixing{Org: 0.25, Local: 0.20, Sector: 0.10, Region: 0.15, Closure: 0.15, Event: 0.05}
}

// Config describes a synthetic network. Start from [Partners] or [Scale] and
// change fields; the zero Config is not valid. Two calls of [Write] with
// equal Configs produce byte-identical files.
type Config struct {
	// Actors is the number of people, the rows of actors.csv
	// (1..MaxActors; at least 2 when ContactsPerActor > 0).
	Actors int
	// MeanOrgSize is the mean number of people per organisation (>= 1).
	// Sizes are log-normal; councils and universities are larger than
	// charities.
	MeanOrgSize float64
	// Regions is the number of regions used (1..MaxRegions).
	Regions int
	// Events is the number of events, the rows of events.csv (0..MaxEvents).
	Events int
	// ContactsPerActor sets the size of contacts.csv: it holds
	// round(Actors*ContactsPerActor) generated rows (plus a few planted
	// ones when Scenarios is set). Each row touches two actors, so the mean
	// number of rows an actor appears in is twice this value.
	ContactsPerActor float64
	// AttendancePerActor sets the size of attendance.csv: the event sizes
	// are scaled so their sum is about round(Actors*AttendancePerActor).
	// It must be 0 when Events is 0.
	AttendancePerActor float64
	// Mixing says where contacts are drawn from (homophily and bridges).
	Mixing Mixing
	// ActivityExponent is the tail exponent alpha (> 1) of the Pareto
	// distribution of actor activity; contacts and attendance are drawn in
	// proportion to activity, so degree is heavy-tailed. Smaller values give
	// bigger hubs.
	ActivityExponent float64
	// EventSizeExponent is the tail exponent (> 1) of the Pareto
	// distribution of event sizes: most events are small, a few very large.
	EventSizeExponent float64
	// RepeatProb is the probability (0 <= p < 1) that a contact is followed
	// by another row for the same pair later in the period (the loader sums
	// repeated rows).
	RepeatProb float64
	// Scenarios plants the explainable cases of the partners data set
	// (a hub with a dependent, newcomers, a competitor pair, rare shared
	// goals) and adds a scenario column to actors.csv. It needs at least
	// MinScenarioActors actors and ContactsPerActor > 0.
	Scenarios bool
	// Seed seeds the PCG generator; different seeds give different networks.
	Seed uint64
	// Start and End bound every date (inclusive). Only the calendar date in
	// UTC is used; End must not be before Start and the period is at most
	// MaxDays long.
	Start, End time.Time
}

// Partners returns the preset that generates testdata/partners: 150 people
// in about 50 organisations across 4 regions, 30 events, 450 contact
// rows (plus 13 planted) and about 375 attendance rows from 2022-01-01 to
// 2024-12-31, with Scenarios set.
func Partners() Config {
	return Config{
		Actors:             150,
		MeanOrgSize:        3.5,
		Regions:            4,
		Events:             30,
		ContactsPerActor:   3,
		AttendancePerActor: 2.5,
		Mixing:             DefaultMixing(),
		ActivityExponent:   1.8,
		EventSizeExponent:  2.0,
		RepeatProb:         0.15,
		Scenarios:          true,
		Seed:               2024,
		Start:              time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC),
		End:                time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC),
	}
}

// Scale returns a preset for large networks: actors people in organisations
// of 5 on average across 6 regions, as many events as actors, about 10
// contact rows and 10 attendance rows per actor (so 100,000 actors give
// about 1,000,000 contact rows, 100,000 events and 1,000,000 attendance
// rows), event sizes with tail exponent 1.6 (a few events of thousands),
// from 2022-01-01 to 2024-12-31, no scenarios. It is valid for actors >= 2.
func Scale(actors int) Config {
	return Config{
		Actors:             actors,
		MeanOrgSize:        5,
		Regions:            MaxRegions,
		Events:             actors,
		ContactsPerActor:   10,
		AttendancePerActor: 10,
		Mixing:             DefaultMixing(),
		ActivityExponent:   2.0,
		EventSizeExponent:  1.6,
		RepeatProb:         0.15,
		Seed:               1,
		Start:              time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC),
		End:                time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC),
	}
}

// ErrConfig is wrapped by every error that Validate returns.
var ErrConfig = errors.New("synth: invalid config")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrConfig, fmt.Sprintf(format, args...))
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Validate reports the first problem with c, as an error wrapping
// [ErrConfig] that names the field, or nil if c can be generated.
func (c Config) Validate() error {
	switch {
	case c.Actors < 1 || c.Actors > MaxActors:
		return invalid("Actors = %d, want 1..%d", c.Actors, MaxActors)
	case c.Events < 0 || c.Events > MaxEvents:
		return invalid("Events = %d, want 0..%d", c.Events, MaxEvents)
	case !finite(c.MeanOrgSize) || c.MeanOrgSize < 1 || c.MeanOrgSize > float64(MaxActors):
		return invalid("MeanOrgSize = %v, want >= 1", c.MeanOrgSize)
	case c.Regions < 1 || c.Regions > MaxRegions:
		return invalid("Regions = %d, want 1..%d", c.Regions, MaxRegions)
	case !finite(c.ContactsPerActor) || c.ContactsPerActor < 0 || c.ContactsPerActor > MaxRowsPerActor:
		return invalid("ContactsPerActor = %v, want 0..%d", c.ContactsPerActor, MaxRowsPerActor)
	case c.ContactsPerActor > 0 && c.Actors < 2:
		return invalid("ContactsPerActor = %v needs at least 2 actors, have %d", c.ContactsPerActor, c.Actors)
	case !finite(c.AttendancePerActor) || c.AttendancePerActor < 0 || c.AttendancePerActor > MaxRowsPerActor:
		return invalid("AttendancePerActor = %v, want 0..%d", c.AttendancePerActor, MaxRowsPerActor)
	case float64(c.Actors)*c.ContactsPerActor > MaxContactRows:
		return invalid("Actors*ContactsPerActor = %v, want at most %d", float64(c.Actors)*c.ContactsPerActor, MaxContactRows)
	case float64(c.Actors)*c.AttendancePerActor > MaxAttendanceRows:
		return invalid("Actors*AttendancePerActor = %v, want at most %d", float64(c.Actors)*c.AttendancePerActor, MaxAttendanceRows)
	case c.AttendancePerActor > 0 && c.Events == 0:
		return invalid("AttendancePerActor = %v needs Events > 0", c.AttendancePerActor)
	case !finite(c.ActivityExponent) || c.ActivityExponent <= 1 || c.ActivityExponent > 100:
		return invalid("ActivityExponent = %v, want > 1", c.ActivityExponent)
	case !finite(c.EventSizeExponent) || c.EventSizeExponent <= 1 || c.EventSizeExponent > 100:
		return invalid("EventSizeExponent = %v, want > 1", c.EventSizeExponent)
	case !finite(c.RepeatProb) || c.RepeatProb < 0 || c.RepeatProb >= 1:
		return invalid("RepeatProb = %v, want 0 <= p < 1", c.RepeatProb)
	}
	m := c.Mixing
	for _, f := range []struct {
		name string
		v    float64
	}{{"Org", m.Org}, {"Local", m.Local}, {"Sector", m.Sector}, {"Region", m.Region}, {"Closure", m.Closure}, {"Event", m.Event}} {
		if !finite(f.v) || f.v < 0 || f.v > 1 {
			return invalid("Mixing.%s = %v, want 0..1", f.name, f.v)
		}
	}
	if s := m.sum(); s > 1+1e-9 {
		return invalid("Mixing fields sum to %v, want <= 1", s)
	}
	if c.Start.IsZero() || c.End.IsZero() {
		return invalid("Start and End must be set")
	}
	start, end := day(c.Start), day(c.End)
	if start.Year() < 1 || end.Year() > 9999 {
		return invalid("Start..End = %s..%s, want years 1..9999", start.Format(time.DateOnly), end.Format(time.DateOnly))
	}
	if end.Before(start) {
		return invalid("End %s is before Start %s", end.Format(time.DateOnly), start.Format(time.DateOnly))
	}
	if n := c.numDays(); n > MaxDays {
		return invalid("period of %d days, want at most %d", n, MaxDays)
	}
	if c.Scenarios {
		if c.Actors < MinScenarioActors {
			return invalid("Scenarios needs at least %d actors, have %d", MinScenarioActors, c.Actors)
		}
		if c.ContactsPerActor <= 0 {
			return invalid("Scenarios needs ContactsPerActor > 0")
		}
	}
	return nil
}

// day truncates t to its calendar date in UTC.
func day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// numDays is the number of calendar days from Start to End inclusive.
func (c Config) numDays() int {
	return int(day(c.End).Sub(day(c.Start)).Hours()/24) + 1
}
