#!/usr/bin/env python3
"""What a finance analyst asks of next year's plan, from Python.

Reads the realistic plan (a 300-person software company, 2027 by month),
solves it, runs a sweep of the total budget (what each extra euro buys:
the efficient frontier) and three what-ifs side by side, prints a table
of the results, and saves a chart of the frontier (with matplotlib, when
it is installed).

    python3 examples/whatif.py [PLAN.xml] [--time-limit SEC] [--out DIR]

Each solve stops at a 1 % gap or the time limit, whichever comes first;
the table says how sure each number is.
"""
import argparse
import math
import os
import sys

import opsalign


def money(v):
    return "-" if v is None or math.isnan(v) else "{:,.0f}".format(v)


def row(name, r):
    """One line of the table: a what-if and what it gives, and how sure
    that is: proven, or the gap to the best possible."""
    if r is None:
        return [name, "error", "-", "-", "-", "-"]
    if r.status in ("infeasible", "no_solution"):
        # no roadmap: an infeasible plan says what it lacks instead
        return [name, r.status, "-", "-", "-", "-"]
    scheduled = sum(1 for x in r.roadmap if x["status"] != "rejected")
    spend = r.spend[0]["spend"] if r.spend else None
    gap = "proven" if r.gap == 0 else "{:.1%}".format(r.gap)
    return [name, r.status, money(r.objective), gap, str(scheduled),
            money(spend)]


def print_table(rows):
    head = ["what-if", "status", "objective", "sure", "funded", "spend"]
    widths = [max(len(str(x[i])) for x in [head] + rows)
              for i in range(len(head))]
    for line in [head] + rows:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(line, widths))))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plan", nargs="?",
                    default=os.path.join(here, "realistic.xml"))
    ap.add_argument("--time-limit", type=float, default=20,
                    help="seconds per solve (default 20)")
    ap.add_argument("--out", default=".",
                    help="where the chart goes (default: here)")
    args = ap.parse_args()
    limits = {"time_limit": args.time_limit, "gap": 0.01}

    plan = opsalign.read_plan(args.plan)

    # Three what-ifs, each applied alone to a copy of the plan, beside the
    # plan as it is (the base).
    whatifs = [
        opsalign.Scenario("budget cut 10 %").scale_budgets(0.9),
        opsalign.Scenario("engineering hiring freeze from July")
        .scale_capacity("engineering", "*", 0.9, "2027-07"),
        opsalign.Scenario("SOC 2 mandatory by September")
        .set_initiative("soc2", mandatory=True, deadline="2027-09"),
    ]
    cmp = opsalign.compare(plan, whatifs, **limits)
    base = cmp.results[0][1]
    print("%s: %s, objective %s %s\n" % (plan.name, base.status,
                                         money(base.objective),
                                         base.currency or ""))

    # The frontier: the plan at five total budgets, from 60 % to 120 % of
    # what the base roadmap spends.
    spent = base.spend[0]["spend"]
    frontier = opsalign.sweep(plan, budget=(0.6 * spent, 1.2 * spent),
                              steps=5, **limits)

    rows = [row(name, r) for name, r in cmp.results]
    rows += [row("total budget %s" % money(v), r)
             for v, r in frontier.points]
    print_table(rows)

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("\n(no chart: matplotlib is not installed; "
              "apt-get install python3-matplotlib)")
        return 0
    pts = [(v, r) for v, r in frontier.points
           if r is not None and r.status in ("optimal", "feasible")]
    xs = [v / 1e6 for v, _ in pts]
    ys = [r.objective / 1e6 for _, r in pts]
    bounds = [r.bound / 1e6 for _, r in pts]
    cur = base.currency or "money"
    fig, ax = plt.subplots(figsize=(7, 4))
    # how sure each point is: the roadmap found, and the best possible
    ax.fill_between(xs, ys, bounds, alpha=0.2, label="gap to the best "
                    "possible")
    ax.plot(xs, ys, marker="o", label="roadmap found")
    ax.set_xlabel("total budget (million %s)" % cur)
    ax.set_ylabel("objective (million %s)" % cur)
    ax.set_title("What each budget buys: %s" % plan.name, fontsize=10)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right")
    path = os.path.join(args.out, "frontier.png")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print("\nchart: %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
