"""Tests of the opsalign package (pytest), run by `make check` through
tests/python.sh with the package built in the tree.  The CLI is the
reference: the same plans solve to the same objectives."""
import math
import os
import subprocess
import threading

import pytest

import opsalign

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
EXAMPLES = os.path.join(TOP, "examples")
DATA = os.path.join(TOP, "tests", "data")
OPSALIGN = os.environ.get("OPSALIGN")


def example(name):
    return os.path.join(EXAMPLES, name)


# ---- reading and solving ----

def test_small_example_optimum():
    r = opsalign.read_plan(example("small.xml")).solve()
    assert r.status == "optimal"
    assert r.objective == 1840000
    assert r.gap == 0
    assert r.plan_name == "Small software company 2027"


@pytest.mark.skipif(not OPSALIGN, reason="the CLI is not given")
@pytest.mark.parametrize("name", ["small.xml", "realistic.xml",
                                  "three-year.xml"])
def test_examples_solve_as_the_cli(name, tmp_path):
    # the same work limit: the same answer on any machine
    out = tmp_path / "cli.xml"
    subprocess.run([OPSALIGN, "solve", example(name), "--work-limit",
                    "20000", "-f", "xml", "-o", str(out)], check=False)
    cli = opsalign.read_result(out)
    r = opsalign.read_plan(example(name)).solve(work_limit=20000)
    assert r.status == cli.status
    assert r.objective == cli.objective
    assert r.bound == cli.bound
    assert [x["start"] for x in r.roadmap] == [x["start"]
                                               for x in cli.roadmap]


def test_tables():
    r = opsalign.read_plan(example("small.xml")).solve()
    road = r.roadmap
    assert len(road) == len(opsalign.read_plan(example("small.xml"))
                            .initiatives)
    assert {"initiative", "status", "start", "start_label", "value",
            "cost"} <= set(road[0])
    assert all(isinstance(x["initiative"], str) for x in road)
    scheduled = [x for x in road if x["status"] != "rejected"]
    assert all(isinstance(x["start"], int) for x in scheduled)
    terms = {t["term"]: t["amount"] for t in r.terms}
    assert terms["objective"] == r.objective
    # the terms add up to the objective
    parts = sum(v for k, v in r.objective_terms.items())
    assert math.isclose(parts, r.objective, rel_tol=1e-9)
    loads = r.loads
    assert len(loads) == 12 * len({(x["unit"], x["resource"])
                                   for x in loads})
    assert all(0 <= x["utilization"] <= 1.0000001 for x in loads
               if x["utilization"] is not None)
    spend = r.spend
    assert spend[0]["budget"] == "total"
    assert spend[0]["spend"] <= spend[0]["limit"]
    assert r.deficits == []
    assert r.table("summary")[0] == {"field": "plan",
                                     "value": "Small software company 2027"}
    with pytest.raises(KeyError):
        r.table("nothing")


def test_dataframes():
    pandas = pytest.importorskip("pandas")
    r = opsalign.read_plan(example("small.xml")).solve()
    frames = r.to_pandas()
    assert set(frames) == set(opsalign.TABLES)
    road = r.to_pandas("roadmap")
    assert isinstance(road, pandas.DataFrame)
    assert len(road) == len(r.roadmap)
    assert road["value"].sum() == sum(x["value"] for x in r.roadmap)


def test_infeasible_is_a_result():
    p = opsalign.read_plan(os.path.join(DATA, "solve",
                                        "infeasible_mandatory.xml"))
    r = p.solve()
    assert r.status == "infeasible"
    assert r.deficits
    with pytest.raises(opsalign.StateError):
        p.explain(r)


# ---- errors ----

def test_errors_with_file_and_line():
    path = os.path.join(DATA, "invalid", "capacity_unknown_resource.xml")
    with pytest.raises(opsalign.InvalidError) as e:
        opsalign.read_plan(path)
    err = e.value
    assert err.file == path
    assert isinstance(err.line, int) and err.line > 0
    assert "unknown resource 'ftee'" in err.message
    assert "did you mean 'fte'" in err.message
    assert err.errors[0].message == err.message
    assert str(err).startswith("%s:%d: error: " % (path, err.line))
    assert isinstance(err, ValueError)


def test_every_error_reported(tmp_path):
    path = tmp_path / "two.xml"
    path.write_text(TWO_ERRORS)
    with pytest.raises(opsalign.InvalidError) as e:
        opsalign.read_plan(path)
    errs = e.value.errors
    assert len(errs) >= 3
    assert [x.line for x in errs] == sorted(x.line for x in errs)
    text = "\n".join(x.message for x in errs)
    assert "duration 0" in text
    assert "unknown resource 'ftx'" in text
    assert "unknown unit 'nobody'" in text


TWO_ERRORS = """<?xml version="1.0"?>
<plan version="1">
  <horizon start="2027-01" periods="12"/>
  <resources><resource id="fte"/></resources>
  <units><unit id="eng"><capacity resource="fte" value="5"/></unit></units>
  <initiatives>
    <initiative id="a" duration="0">
      <demand unit="eng" resource="ftx" value="1"/>
    </initiative>
    <initiative id="b" duration="2" owner="nobody"/>
  </initiatives>
</plan>
"""


def test_missing_file():
    with pytest.raises(opsalign.FileError) as e:
        opsalign.read_plan("/nonexistent/plan.xml")
    assert isinstance(e.value, OSError)
    assert e.value.file == "/nonexistent/plan.xml"


def test_not_xml():
    with pytest.raises(opsalign.ParseError):
        opsalign.read_plan(os.path.join(TOP, "README"))


def test_workbook_errors_name_the_cell(tmp_path):
    t = opsalign.template().to_tables()
    t["initiatives"][0]["owner"] = "enginering"
    with pytest.raises(opsalign.InvalidError) as e:
        opsalign.Plan.from_tables(t)
    assert e.value.file == "tables/initiatives.csv"
    assert e.value.line == 2
    assert e.value.message == ("owner: unknown unit 'enginering' "
                               "(did you mean 'engineering'?)")


# ---- plans built in code and from tables ----

def build_plan():
    p = opsalign.Plan()
    p.set_name("Built").set_currency("EUR")
    p.set_horizon("2027-01", "month", 6)
    p.add_resource("fte", "Staff", "FTE")
    p.add_unit("eng", "Engineering").add_capacity("eng", "fte", 10)
    p.add_overtime("eng", "fte", 0.1, 1000)
    p.add_initiative("a", 2, value=100, cost=10).add_demand("eng", "fte", 8)
    p.add_initiative("b", 2, value=80).add_demand("eng", "fte", 8)
    p.add_initiative("c", 1, value=30, owner="eng").add_demand("eng", "fte",
                                                               3)
    p.initiative("c").requires("a")
    return p


def test_plan_in_code():
    p = build_plan()
    p.validate()
    assert p.periods == ["2027-01", "2027-02", "2027-03", "2027-04",
                         "2027-05", "2027-06"]
    r = p.solve()
    assert r.status == "optimal"
    # a, b and c all fit in six months: 100 + 80 + 30 (an initiative's
    # cost counts against budgets, not the objective: doc/model.md)
    assert r.objective == 210
    starts = {x["initiative"]: x["start"] for x in r.roadmap}
    assert starts["c"] > starts["a"] + 1


def test_tables_round_trip():
    p = opsalign.read_plan(example("small.xml"))
    t = p.to_tables()
    assert set(t) == set(opsalign.SHEETS)
    q = opsalign.Plan.from_tables(t)
    assert q.to_xml() == p.to_xml()
    assert q.solve().objective == 1840000


def test_tables_from_dataframes():
    pandas = pytest.importorskip("pandas")
    t = opsalign.read_plan(example("small.xml")).to_tables()
    frames = {k: pandas.DataFrame(v) for k, v in t.items()}
    q = opsalign.Plan.from_tables(frames)
    assert q.solve().objective == 1840000


def test_save_and_read_back(tmp_path):
    p = opsalign.read_plan(example("small.xml"))
    for name in ("p.xml", "p.xlsx", "p/"):
        path = os.path.join(str(tmp_path), name)
        p.save(path)
        assert opsalign.read_plan(path).to_xml() == p.to_xml()
    r = p.solve()
    for name in ("r.xml", "r.csv", "r.xlsx", "r.txt", "tables/"):
        r.save(os.path.join(str(tmp_path), name))
    back = opsalign.read_result(str(tmp_path / "r.xml"))
    assert back.objective == r.objective
    assert back.roadmap == r.roadmap
    assert os.path.exists(tmp_path / "tables" / "roadmap.csv")
    r.report(str(tmp_path / "r.html"))
    assert "<html" in (tmp_path / "r.html").read_text()
    assert str(r).startswith("Plan: Small software company 2027")
    assert r.write("xlsx")[:2] == b"PK"
    with pytest.raises(ValueError):
        p.save(str(tmp_path / "p.ods"))


# ---- what-ifs, compare, sweep, explain ----

def test_what_if_and_compare():
    p = opsalign.read_plan(example("small.xml"))
    cut = opsalign.Scenario("budget cut").scale_budgets(0.8)
    hire = opsalign.Scenario("hiring freeze").scale_capacity(
        "engineering", "*", 0.9, "2027-07")
    q = p.copy()
    q.apply(cut)
    assert q.solve().objective <= 1840000
    assert p.solve().objective == 1840000  # the plan is unchanged
    c = opsalign.compare(p, [cut, hire], time_limit=30)
    names = [n for n, _ in c.results]
    assert names == ["base", "budget cut", "hiring freeze"]
    assert c.results[0][1].objective == 1840000
    assert len(c.table) == 3
    assert "budget cut" in c.text


def test_scenario_errors_all_at_once():
    p = opsalign.read_plan(example("small.xml"))
    bad = opsalign.read_scenario(os.path.join(DATA, "scenario",
                                              "unknown.xml"))
    with pytest.raises(opsalign.Error) as e:
        opsalign.compare(p, [bad])
    assert e.value.errors


def test_sweep():
    p = opsalign.read_plan(example("small.xml"))
    s = opsalign.sweep(p, budget=(1000000, 2000000), steps=3, time_limit=30)
    values = [v for v, _ in s.points]
    assert values == [1000000, 1500000, 2000000]
    objs = [r.objective for _, r in s.points if r is not None]
    assert objs == sorted(objs)  # more budget is never worth less
    assert s.svg.startswith("<svg") or "<svg" in s.svg[:200]
    assert len(s.table) == 3


def test_explain():
    p = opsalign.read_plan(example("small.xml"))
    r = p.solve()
    ex = p.explain(r, bottlenecks=1, time_limit=30)
    assert ex.text
    assert "<explanation" in ex.xml


# ---- hostile values: errors, never a crash ----

HOSTILE_NUMBERS = [float("nan"), float("inf"), -float("inf"), 1e308, -1e308,
                   -1.0]


@pytest.mark.parametrize("v", HOSTILE_NUMBERS)
def test_hostile_numbers(v):
    p = build_plan()
    p.add_capacity("eng", "fte", v)
    p.add_initiative("h", 1, value=v, cost=v).add_demand("eng", "fte", v)
    p.add_loan("eng", "eng", "fte", v, v, v)
    p.set_budget_total(v)
    with pytest.raises(opsalign.InvalidError):
        p.validate()
    with pytest.raises(opsalign.InvalidError):
        p.solve()


@pytest.mark.parametrize("call", [
    lambda p: p.set_horizon("2027-01", "month", 10 ** 30),
    lambda p: p.add_initiative("x", 2 ** 40),
    lambda p: p.add_unit("a\0b"),
    lambda p: p.add_unit("\ud800"),
    lambda p: p.add_unit(None),
    lambda p: p.add_unit(b"eng"),
    lambda p: p.add_capacity("nobody", "fte", 1),
    lambda p: p.initiative("nobody"),
    lambda p: p.set_horizon("2027-01", "fortnight", 3),
    lambda p: p.add_initiative("x", 1).set(name="line\nbreak"),
    lambda p: p.solve(gap=2),
    lambda p: p.solve(time_limit=-1),
    lambda p: p.solve(baseline="not a result"),
    lambda p: p.solve(max_nonzeros=-1),
    lambda p: p.apply("not a scenario"),
    lambda p: opsalign.sweep(p, budget=(0, 1), steps=0),
    lambda p: opsalign.compare(p, [None]),
])
def test_hostile_calls(call):
    p = build_plan()
    with pytest.raises((opsalign.Error, ValueError, TypeError, KeyError,
                        OverflowError, UnicodeError)):
        call(p)
    # the plan is still sound
    p.validate()


def test_hostile_ids_are_reported():
    p = build_plan()
    p.add_unit("has space")
    p.add_initiative("dup", 1)
    p.add_initiative("dup", 1)
    with pytest.raises(opsalign.InvalidError) as e:
        p.validate()
    text = " ".join(x.message for x in e.value.errors)
    assert "has space" in text and "duplicate" in text


# ---- threads ----

def test_threads_solve_at_once():
    plans = [opsalign.read_plan(example("realistic.xml")) for _ in range(3)]
    shared = opsalign.read_plan(example("small.xml"))
    out, errors = {}, []

    def run(i, plan):
        try:
            out[i] = plan.solve(work_limit=20000).objective
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i, p))
               for i, p in enumerate(plans)]
    # two threads solve the same plan: both only read it
    threads += [threading.Thread(target=run, args=(10 + i, shared))
                for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert out[0] == out[1] == out[2]
    assert out[10] == out[11] == 1840000


def test_no_change_while_solving():
    # a plan being solved in another thread refuses changes (RuntimeError)
    # instead of racing the solve; a copy can be changed
    p = opsalign.read_plan(example("realistic.xml"))
    result = {}
    t = threading.Thread(target=lambda: result.setdefault(
        "r", p.solve(work_limit=200000)))
    t.start()
    refused = False
    while t.is_alive() and not refused:
        try:
            p.set_name("changed")
        except RuntimeError:
            refused = True
        p.copy().set_name("a copy can change")
    t.join()
    assert result["r"].status in ("optimal", "feasible")
    p.set_name("after the solve")
    assert p.name == "after the solve"


def test_no_scenario_change_while_compared():
    p = opsalign.read_plan(example("realistic.xml"))
    s = opsalign.Scenario("cut").scale_budgets(0.9)
    out = {}
    t = threading.Thread(target=lambda: out.setdefault(
        "c", opsalign.compare(p, [s], work_limit=100000)))
    t.start()
    while t.is_alive():
        try:
            s.scale_budgets(0.99)
        except RuntimeError:
            break
    t.join()
    assert [n for n, _ in out["c"].results] == ["base", "cut"]


def test_objects_free_once():
    import gc
    p = opsalign.read_plan(example("small.xml"))
    c = opsalign.compare(p, [opsalign.Scenario("x").scale_budgets(0.9)],
                         time_limit=30)
    results = [r for _, r in c.results]
    del c
    gc.collect()
    # the results keep their comparison alive
    assert results[1].objective > 0
    assert results[1].roadmap
