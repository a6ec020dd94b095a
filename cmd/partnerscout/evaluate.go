package main

import (
	"cmp"
	"flag"
	"slices"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
)

var evaluateCmd = &command{
	name:    "evaluate",
	summary: "check how well each predictor foresees the ties formed after a date",
	args:    "--split DATE --data DIR [--core K] [--k N] [--predictors LIST] [flags]",
	long: `
Evaluate splits the data at --split (the last day of the training period): each predictor
scores every pair of core actors not yet tied, from the training network alone, and is judged
on the ties that formed after the split (Liben-Nowell and Kleinberg 2007). A tie is a contact
or a shared event; the core is the actors with at least --core ties in both periods.
--from bounds the start of the training period and --as-of the end of the test period;
--weighting, --half-life (decay measured from the split) and --max-event-size shape the
training network.

Figures: improvement (factor over a random predictor among its top NewTies pairs),
precision_at_k and recall_at_k (top --k pairs), auc (a new tie scores above a pair that stayed
untied; ties count one half). JSON: an array sorted by predictor name, each {"predictor",
"improvement","precision_at_k","recall_at_k","auc","core_actors","candidates","new_ties"};
CSV the same columns; the table shows the best predictor first (by improvement, then AUC).`,
	setup: func(fs *flag.FlagSet) func(e *env) error {
		split := fs.String("split", "", "last `DATE` of the training period (2024-03-11 = the end of that day, or RFC 3339); required")
		core := fs.Int("core", discovery.DefaultCore, "core actors need at least `K` ties in the training period and in the test period")
		k := fs.Int("k", discovery.DefaultK, "`N` of precision@N and recall@N")
		sample := fs.Int("sample", 0, "score the pairs of only `N` core actors, drawn with a fixed seed (0 = all; for large networks)")
		preds := fs.String("predictors", "", "comma-separated `LIST` of predictors to evaluate (default all: "+strings.Join(discovery.EvalPredictors(), ",")+")")
		return func(e *env) error {
			if *split == "" {
				return usagef("--split DATE is required")
			}
			at, err := parseDate(*split, true)
			if err != nil {
				return usagef("--split: %v", err)
			}
			switch {
			case *core < 1:
				return usagef("--core %d: want at least 1", *core)
			case *k < 1:
				return usagef("--k %d: want at least 1", *k)
			case *sample < 0:
				return usagef("--sample %d: want 0 or more", *sample)
			case !e.g.opt.From.IsZero() && !at.After(e.g.opt.From):
				return usagef("--split %s is not after --from %s: the training period is empty", *split, e.g.from)
			case !e.g.opt.AsOf.IsZero() && !e.g.opt.AsOf.After(at):
				return usagef("--split %s is not before --as-of %s: the test period is empty", *split, e.g.asOf)
			}
			names := splitList(*preds)
			known := discovery.EvalPredictors()
			for _, p := range names {
				if !slices.Contains(known, p) {
					return usagef("--predictors: unknown predictor %q: want some of %s", p, strings.Join(known, ","))
				}
			}
			d, err := e.dataset()
			if err != nil {
				return err
			}
			rep, err := discovery.Evaluate(d, discovery.EvalConfig{
				Split: at, Core: *core, K: *k, Predictors: names, Options: e.g.opt, Sample: *sample,
				Progress: e.progress("evaluating"),
			})
			e.progressDone()
			if err != nil {
				return err
			}
			res := orEmpty(slices.Clone(rep.Results))
			slices.SortStableFunc(res, func(a, b discovery.PredictorResult) int { return strings.Compare(a.Predictor, b.Predictor) })
			t := &table{header: []string{"predictor", "improvement", "precision_at_k", "recall_at_k", "auc", "core_actors", "candidates", "new_ties"}}
			row := func(t *table, r discovery.PredictorResult) {
				t.add(text(r.Predictor), num(r.Improvement), num(r.PrecisionAtK), num(r.RecallAtK), num(r.AUC), integer(r.CoreActors), integer(r.Candidates), integer(r.NewTies))
			}
			for _, r := range res {
				row(t, r)
			}
			best := slices.Clone(res)
			slices.SortStableFunc(best, func(a, b discovery.PredictorResult) int {
				return cmp.Or(cmp.Compare(b.Improvement, a.Improvement), cmp.Compare(b.AUC, a.AUC), strings.Compare(a.Predictor, b.Predictor))
			})
			human := &table{header: t.header}
			for _, r := range best {
				row(human, r)
			}
			return e.emit(res, t, human)
		}
	},
}
