"""libopsalign from Python: plans, what-ifs and results as data.

libopsalign plans an organization's year: which change initiatives to
fund and when each starts, with the overtime, contractors and staff
sharing that make them fit, what that costs against every budget, and
where capacity binds.  This package is a thin layer over the C library
(its handles are owned here and freed once), with the same names::

    import opsalign
    plan = opsalign.read_plan("examples/small.xml")
    result = plan.solve(time_limit=10)
    print(result.status, result.objective, result.gap)
    for row in result.roadmap:
        print(row["initiative"], row["status"], row["start_label"])

A plan is read from a file (XML, an .xlsx workbook or a folder of CSV
files: read_plan), built in code (Plan and its add_ methods, which mirror
the C API), or built from tables (Plan.from_tables: the sheets and
columns of the plan workbook, doc/plan-format.md "Workbooks", as lists
of dicts or pandas DataFrames).  A what-if is a Scenario applied to a
copy.  Results carry their tables (roadmap, loads, spend, levers,
bottlenecks, left_out, terms, summary, deficits) as lists of dicts with
the columns of doc/cli.md "Tables", or as DataFrames (to_pandas).

Every failure of the library raises an Error (a subclass by kind) that
carries the file, line and message of the first error and every error
in .errors.  Solves release the GIL: threads solve at once.
"""

import collections
import csv
import io
import math
import os
import shutil
import tempfile

from . import _opsalign as _c

__all__ = [
    "Error", "InvalidError", "ParseError", "FileError", "LimitError",
    "NotFoundError", "StateError", "SolverError", "ErrorInfo",
    "Plan", "Scenario", "Result", "Comparison", "Sweep", "Explanation",
    "read_plan", "read_scenario", "read_result", "template", "compare",
    "sweep", "version", "SHEETS", "TABLES",
]

# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------

ErrorInfo = collections.namedtuple("ErrorInfo", "file line column message")
ErrorInfo.__doc__ = """One error the library reported: the file (or None),
the 1-based line (or None), the column (or None) and the message."""

_CODES = {
    -1: "EINVAL", -2: "ENOMEM", -3: "EIO", -4: "EPARSE", -5: "EINVALID",
    -6: "ENOTFOUND", -7: "ESTATE", -8: "ESOLVER", -9: "ELIMIT",
    -10: "EINTERNAL",
}


class Error(Exception):
    """An error of libopsalign.

    Attributes: code (the library's code, e.g. "EINVALID"), file, line,
    column and message of the first error, and errors: every error
    reported (ErrorInfo), in the order the library gave them.
    """

    def __init__(self, code, errors):
        self.code = _CODES.get(code, str(code))
        self.errors = [ErrorInfo(*e) for e in errors] or [
            ErrorInfo(None, None, None, self.code)]
        first = self.errors[0]
        self.file, self.line, self.column, self.message = first
        super().__init__(self._text())

    def _text(self):
        e = self.errors[0]
        where = ""
        if e.file:
            where = e.file + (":%d" % e.line if e.line else "") + ": "
        more = len(self.errors) - 1
        return "%serror: %s%s" % (where, e.message,
                                  " (and %d more)" % more if more else "")


class InvalidError(Error, ValueError):
    """The input breaks the schema or the plan's rules (OA_EINVALID), or
    a value was refused."""


class ParseError(Error, ValueError):
    """The input is not a well-formed document or workbook (OA_EPARSE)."""


class FileError(Error, OSError):
    """A file could not be read or written (OA_EIO)."""


class LimitError(Error):
    """A size or count limit was exceeded (OA_ELIMIT)."""


class NotFoundError(Error, KeyError):
    """A named element does not exist (OA_ENOTFOUND)."""

    def __str__(self):  # KeyError quotes its argument otherwise
        return self._text()


class StateError(Error):
    """The object is not in the state the call needs (OA_ESTATE): for
    instance explaining a plan that has no roadmap."""


class SolverError(Error):
    """The solver failed, or the library met an internal error."""


_CLASSES = {-3: FileError, -4: ParseError, -5: InvalidError,
            -6: NotFoundError, -7: StateError, -8: SolverError,
            -9: LimitError, -10: SolverError, -1: InvalidError}


def _make_error(code, errors):
    return _CLASSES.get(code, Error)(code, errors)


_c.set_error_factory(_make_error)


def version():
    """The version of the C library in use."""
    return _c.version()


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

#: The sheets of a plan workbook, in the order they are read.
SHEETS = ("horizon", "resources", "objectives", "units", "capacity",
          "levers", "budget", "operating-plans", "run-work", "targets",
          "initiatives", "demands", "contributions", "dependencies",
          "effects", "loans", "people", "away")

#: The tables of a result (doc/cli.md "Tables").
TABLES = ("summary", "terms", "roadmap", "left-out", "loads", "levers",
          "spend", "bottlenecks", "deficits")

# Columns that hold text even when it looks like a number (ids, labels).
_TEXT_COLUMNS = frozenset((
    "initiative", "name", "owner", "status", "start_label", "finish_label",
    "unit", "resource", "budget", "from_label", "to_label", "kind", "term",
    "field", "scenario", "change", "id", "label", "stopped_by", "from",
    "to", "period",
))


def _cell(column, text):
    if text == "":
        return None
    if column in _TEXT_COLUMNS:
        return text
    try:
        return int(text)
    except ValueError:
        pass
    try:
        v = float(text)
    except ValueError:
        return text
    return v


def _parse_csv(text):
    """Tables of CSV text as the library writes it: tables separated by
    an empty line, each with a header row; a list of lists of dicts."""
    tables, rows = [], []
    for line in io.StringIO(text).read().split("\n\n"):
        if not line.strip():
            continue
        rows = list(csv.reader(io.StringIO(line)))
        if not rows:
            continue
        head = rows[0]
        tables.append([{h: _cell(h, v) for h, v in zip(head, r)}
                       for r in rows[1:] if r])
    return tables


def _frames(tables):
    import pandas  # optional: only to_pandas needs it
    return {k: pandas.DataFrame(v) for k, v in tables.items()}


def _path_format(path, format, allowed):
    """The format a path asks for: format if given, else by its name."""
    if format is not None:
        if format not in allowed:
            raise ValueError("format: one of %s" % ", ".join(allowed))
        return format
    p = str(path)
    if p.endswith("/") or os.path.isdir(p):
        return "csv-dir" if "csv-dir" in allowed else "csv"
    ext = os.path.splitext(p)[1].lower().lstrip(".")
    ext = {"txt": "text", "htm": "html"}.get(ext, ext)
    if ext in allowed:
        return ext
    raise ValueError("%s: which format? (a name ending in %s, or format=)"
                     % (p, ", ".join("." + a for a in allowed
                                     if a not in ("csv-dir", "text"))))


_FORMATS = {"text": 0, "xml": 1, "csv": 2, "svg": 3, "xlsx": 4}

# ---------------------------------------------------------------------------
# Solve options
# ---------------------------------------------------------------------------


def _solve_opts(time_limit=None, gap=0.0, work_limit=None, relax=False,
                max_nonzeros=None, baseline=None, as_of=None, stability=None,
                drop_price=None, start=None):
    o = {"gap": float(gap), "relax": bool(relax)}
    for k, v in (("time_limit", time_limit), ("work_limit", work_limit),
                 ("stability", stability), ("drop_price", drop_price)):
        if v is not None:
            o[k] = float(v)
    if max_nonzeros is not None:
        o["max_nonzeros"] = int(max_nonzeros)
    if as_of is not None:
        o["as_of"] = int(as_of)
    if baseline is not None:
        o["baseline"] = _handle(baseline, Result)
    if start is not None:
        o["start"] = _handle(start, Result)
    return o


def _handle(obj, cls):
    if not isinstance(obj, cls):
        raise TypeError("a %s, not %s" % (cls.__name__, type(obj).__name__))
    return obj._h


# ---------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------

_STEPS = {"month": 0, "quarter": 1, "week": 2}


class Initiative:
    """An initiative of a Plan, to add its children to (Plan.add_initiative
    returns it)."""

    def __init__(self, plan, id):
        self._plan, self.id = plan, id

    def add_demand(self, unit, resource, value, first=0, last=0):
        """Work needed from unit's resource in each period it runs (first
        and last: 1-based periods of the initiative; 0: all)."""
        self._plan._h.initiative_add(self.id, "demand", unit, resource,
                                     float(value), first, last)
        return self

    def add_contribution(self, objective, score):
        self._plan._h.initiative_add(self.id, "contribution", objective,
                                     None, float(score))
        return self

    def requires(self, initiative, lag=0):
        """It can start only after initiative finished and lag periods."""
        self._plan._h.initiative_add(self.id, "requires", initiative, None,
                                     0.0, lag)
        return self

    def excludes(self, initiative):
        self._plan._h.initiative_add(self.id, "excludes", initiative)
        return self

    def add_effect(self, unit, resource, value):
        """From the period after it finishes, unit's run work changes by
        value (negative frees capacity)."""
        self._plan._h.initiative_add(self.id, "effect", unit, resource,
                                     float(value))
        return self

    def set(self, **attrs):
        """Sets attributes: name, owner, duration, earliest, deadline,
        value, benefit_per_period, cost, mandatory, forbidden, pin, and
        stability=(per_period, drop_price) (NaN: the solve's)."""
        for k, v in attrs.items():
            if k in ("mandatory", "forbidden"):
                v = 1 if v else 0
            elif k == "stability":
                v = tuple(float(x) for x in v)
            self._plan._h.initiative_set(self.id, k, v)
        return self


class OperatingPlan:
    """An operating plan of a Plan (Plan.add_operating_plan returns it)."""

    def __init__(self, plan, index):
        self._plan, self._i = plan, index

    def add_demand(self, resource, value, from_=None, to=None):
        self._plan._h.op_add(self._i, "demand", resource, float(value), 0.0,
                             from_, to)
        return self

    def add_driver_demand(self, resource, volume, productivity, from_=None,
                          to=None):
        """Work = volume / productivity per period."""
        self._plan._h.op_add(self._i, "driver", resource, float(volume),
                             float(productivity), from_, to)
        return self

    def set_service_level(self, min=1.0, penalty=0.0):
        self._plan._h.op_add(self._i, "service", None, float(min),
                             float(penalty))
        return self

    def add_target(self, name, value, measure=None):
        self._plan._h.op_add(self._i, "target", name, float(value), 0.0,
                             measure)
        return self


class Person:
    """A person of a Plan (Plan.add_person returns it)."""

    def __init__(self, plan, id):
        self._plan, self.id = plan, id

    def add_away(self, from_=None, to=None, fte=None):
        """Away over from_..to: fte of their time, or all of it (None)."""
        self._plan._h.person_add_away(self.id, from_, to,
                                      -1.0 if fte is None else float(fte))
        return self


class Plan:
    """A plan: read with read_plan, built here, or from tables.

    Plan() is empty; the add_ and set_ methods mirror the C API
    (oa_plan_add_unit, oa_unit_add_capacity, ...), with from_ and to for
    the format's period references (a label such as "2027-03", or a
    1-based index as text).  validate() applies every rule; solve() does
    so too.
    """

    def __init__(self, _handle=None):
        self._h = _handle if _handle is not None else _c.Plan()

    # -- what it holds --
    @property
    def name(self):
        return self._h.info()["name"]

    @property
    def currency(self):
        return self._h.info()["currency"]

    @property
    def source(self):
        """The file it was read from, or None."""
        return self._h.info()["source"]

    @property
    def periods(self):
        """The labels of the horizon's periods."""
        return self._h.info()["periods"]

    @property
    def units(self):
        return self._h.info()["units"]

    @property
    def resources(self):
        return self._h.info()["resources"]

    @property
    def initiatives(self):
        return self._h.info()["initiatives"]

    def __repr__(self):
        i = self._h.info()
        return "<opsalign.Plan %r: %d units, %d initiatives, %d periods>" % (
            i["name"], len(i["units"]), len(i["initiatives"]),
            len(i["periods"]))

    # -- building --
    def set_name(self, name):
        self._h.set_name(name)
        return self

    def set_currency(self, currency):
        self._h.set_currency(currency)
        return self

    def set_horizon(self, start, step="month", periods=12):
        """Generated labels: start "2027-01" (months), "2027-Q1"
        (quarters) or "2027-W01" (ISO weeks), and how many periods."""
        if step not in _STEPS:
            raise ValueError("step: month, quarter or week")
        self._h.set_horizon(start, _STEPS[step], periods)
        return self

    def add_period(self, label):
        """An explicit period label (instead of set_horizon)."""
        self._h.add_period(label)
        return self

    def add_resource(self, id, name=None, measure=None):
        self._h.add_resource(id, name, measure)
        return self

    def add_objective(self, id, name=None, weight=1.0):
        self._h.add_objective(id, name, float(weight))
        return self

    def add_unit(self, id, name=None):
        self._h.add_unit(id, name)
        return self

    def add_capacity(self, unit, resource, value, from_=None, to=None):
        self._h.unit_add("capacity", unit, resource, float(value), 0.0,
                         from_, to)
        return self

    def add_overtime(self, unit, resource, max, cost=0.0):
        """Overtime up to max times the capacity, at cost per unit."""
        self._h.unit_add("overtime", unit, resource, float(max), float(cost))
        return self

    def add_contractors(self, unit, resource, max, cost=0.0, from_=None,
                        to=None):
        self._h.unit_add("contractors", unit, resource, float(max),
                         float(cost), from_, to)
        return self

    def add_unit_budget(self, unit, value, from_=None, to=None):
        """A cap on the unit's spend per year, or over from_..to."""
        self._h.unit_add("budget", unit, None, float(value), 0.0, from_, to)
        return self

    def add_operating_plan(self, unit, name=None, cost=0.0):
        """Run-the-business work of unit; returns it, to add demand."""
        return OperatingPlan(self, self._h.add_operating_plan(unit, name,
                                                              float(cost)))

    def add_initiative(self, id, duration, **attrs):
        """An initiative of duration periods; attrs as Initiative.set.
        Returns it, to add demands and dependencies."""
        self._h.add_initiative(id, duration)
        ini = Initiative(self, id)
        if attrs:
            ini.set(**attrs)
        return ini

    def initiative(self, id):
        """The initiative id, to change it (KeyError if there is none)."""
        if id not in self.initiatives:
            raise KeyError(id)
        return Initiative(self, id)

    def add_loan(self, from_, to, resource, max, efficiency=1.0, cost=0.0):
        self._h.add_loan(from_, to, resource, float(max), float(efficiency),
                         float(cost))
        return self

    def set_budget_total(self, total):
        """The total budget per year; None removes it."""
        self._h.set_budget_total(None if total is None else float(total))
        return self

    def add_budget_limit(self, from_, to, value):
        self._h.add_budget_limit(from_, to, float(value))
        return self

    def add_person(self, id, unit, resource, name=None, fte=1.0,
                   development=0.0, max_initiatives=0):
        self._h.add_person(id, name, unit, resource, float(fte),
                           float(development), int(max_initiatives))
        return Person(self, id)

    # -- from and to tables --
    @classmethod
    def from_tables(cls, tables, validate=True):
        """A plan from tables: {sheet: rows}, the sheets and columns of the
        plan workbook (SHEETS; doc/plan-format.md "Workbooks"), each a
        list of dicts or a pandas DataFrame.  Errors name the table, its
        line (the header is line 1) and the column:
        "tables/initiatives.csv:3: error: owner: unknown unit ...".
        """
        unknown = set(tables) - set(SHEETS)
        if unknown:
            raise ValueError("unknown tables: %s (the sheets are %s)" % (
                ", ".join(sorted(unknown)), ", ".join(SHEETS)))
        d = tempfile.mkdtemp(prefix="opsalign-")
        try:
            base = os.path.join(d, "tables")
            os.mkdir(base)
            for sheet, rows in tables.items():
                # an empty table is a sheet left out (all but horizon,
                # resources and units may be)
                _write_table(os.path.join(base, sheet + ".csv"), rows)
            try:
                return cls(_c.read_plan(base, validate))
            except Error as e:
                raise _relocated(e, base, "tables") from None
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def to_tables(self):
        """The plan as tables: {sheet: list of dicts}, every sheet."""
        d = tempfile.mkdtemp(prefix="opsalign-")
        try:
            base = os.path.join(d, "plan")
            self._h.save(base, 2)
            out = {}
            for sheet in SHEETS:
                with open(os.path.join(base, sheet + ".csv"),
                          encoding="utf-8", newline="") as f:
                    rows = list(csv.DictReader(f))
                out[sheet] = [{k: (v if v != "" else None)
                               for k, v in r.items()} for r in rows]
            return out
        finally:
            shutil.rmtree(d, ignore_errors=True)

    # -- whole-plan operations --
    def copy(self):
        """A copy, to change or apply scenarios to without touching this
        one; it solves exactly as this one does."""
        return Plan(self._h.copy())

    def apply(self, scenario):
        """Applies a Scenario to this plan, in place (plan.copy() first to
        keep the original)."""
        self._h.apply(_handle(scenario, Scenario))

    def validate(self):
        """Applies every rule of the format; raises InvalidError with every
        error in .errors."""
        self._h.validate()

    def save(self, path, format=None):
        """Writes the plan: "xml", "xlsx" (a workbook) or "csv" (a folder
        of CSV files); by default by path's name."""
        f = _path_format(path, format, ("xml", "xlsx", "csv"))
        self._h.save(str(path), {"xml": 0, "xlsx": 1, "csv": 2}[f])

    def to_xml(self):
        """The plan as XML text (the plan format)."""
        return self._h.write(False)

    def to_xlsx(self):
        """The plan as an .xlsx workbook (bytes)."""
        return self._h.write(True)

    def solve(self, time_limit=None, gap=0.0, work_limit=None, relax=False,
              max_nonzeros=None, baseline=None, as_of=None, stability=None,
              drop_price=None, start=None):
        """Solves the plan; returns a Result.

        time_limit: seconds (None: none); gap: stop within this relative
        gap of the best possible (0: proven optimum); work_limit: work
        units, the same answer on any machine; relax: the LP relaxation
        only; baseline, as_of, stability, drop_price: re-planning against
        an earlier Result (doc/cli.md); start: a Result to start from.
        Infeasible plans give a Result too (status "infeasible").  The GIL
        is released while it runs.
        """
        return Result(self._h.solve(_solve_opts(
            time_limit, gap, work_limit, relax, max_nonzeros, baseline,
            as_of, stability, drop_price, start)))

    def explain(self, result=None, bottlenecks=3, jobs=1, **solve_options):
        """Why what was left out was left out, and what binds: re-solves
        copies (doc/explain.md).  result: the roadmap to explain (None:
        solve here).  Returns an Explanation."""
        text, xml = self._h.explain(
            None if result is None else _handle(result, Result),
            int(bottlenecks), int(jobs), _solve_opts(**solve_options))
        return Explanation(text, xml)


def _write_table(path, rows):
    if hasattr(rows, "to_dict"):  # a pandas DataFrame
        rows = rows.to_dict("records")
    rows = list(rows)
    if not rows:
        return
    cols = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if _missing(r.get(k)) else _text(r.get(k))
                        for k in cols])


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def _text(v):
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v)


def _relocated(e, path, name):
    """e with the temporary folder's name made name."""
    errors = [(f.replace(path, name, 1) if f else f, l, c, m)
              for f, l, c, m in e.errors]
    return type(e)({v: k for k, v in _CODES.items()}.get(e.code, -5),
                   errors)


def read_plan(path, validate=True):
    """Reads a plan: XML, an .xlsx workbook, or a folder of CSV files.
    validate=False skips the format's rules (the schema is still
    checked).  Raises InvalidError (every error in .errors), ParseError,
    FileError or LimitError."""
    return Plan(_c.read_plan(os.fspath(path), bool(validate)))


def template():
    """The example plan of `opsalign template`: a small plan that solves,
    with a row in every sheet of the workbook."""
    return Plan(_c.template_plan())


# ---------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------


class Scenario:
    """A what-if: edits applied to a copy of a plan (Plan.apply,
    compare).  Read one with read_scenario, or build one here."""

    def __init__(self, name=None, _handle=None):
        self._h = _handle if _handle is not None else _c.Scenario(name)

    @property
    def name(self):
        return self._h.info()["name"]

    def __len__(self):
        return self._h.info()["edits"]

    def set_capacity(self, unit, resource, value, from_=None, to=None):
        """unit and resource may be "*" (all)."""
        self._h.edit("capacity", unit, resource, float(value), from_, to)
        return self

    def scale_capacity(self, unit, resource, factor, from_=None, to=None):
        self._h.edit("scale_capacity", unit, resource, float(factor), from_,
                     to)
        return self

    def set_budget_total(self, total):
        self._h.edit("budget_total", None, None, float(total))
        return self

    def scale_budgets(self, factor):
        self._h.edit("scale_budgets", None, None, float(factor))
        return self

    def remove_initiative(self, id):
        self._h.edit("remove_initiative", id)
        return self

    def set_initiative(self, id, **attrs):
        """Attributes by their names in the format (mandatory=True,
        deadline="2027-09", value=1e6, ...)."""
        for k, v in attrs.items():
            k = k.replace("_", "-")
            if isinstance(v, bool):
                v = "true" if v else "false"
            self._h.set_initiative(id, k, str(v))
        return self

    def save(self, path):
        self._h.save(os.fspath(path))


def read_scenario(path):
    """Reads a scenario file (the scenario format)."""
    return Scenario(_handle=_c.read_scenario(os.fspath(path)))


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


class Result:
    """What a solve found.

    status ("optimal", "feasible", "relaxed", "infeasible",
    "no_solution"), objective, bound, gap (how sure: 0 when proven),
    stopped_by, seconds, periods; and the tables as lists of dicts:
    roadmap, loads, spend, levers, bottlenecks, left_out, terms, summary,
    deficits (doc/cli.md "Tables" has their columns).
    """

    def __init__(self, handle):
        self._h = handle
        self._info = handle.info()

    status = property(lambda self: self._info["status"])
    objective = property(lambda self: self._info["objective"])
    bound = property(lambda self: self._info["bound"])
    gap = property(lambda self: self._info["gap"])
    stopped_by = property(lambda self: self._info["stopped_by"])
    seconds = property(lambda self: self._info["seconds"])
    work = property(lambda self: self._info["work"])
    plan_name = property(lambda self: self._info["plan"])
    currency = property(lambda self: self._info["currency"])
    periods = property(lambda self: self._info["periods"])

    @property
    def objective_terms(self):
        """{term: amount}: the parts the objective adds up from."""
        return dict(self._info["terms"])

    def table(self, name):
        """A table by its name (TABLES) as a list of dicts; deficits is
        empty for a plan that fits."""
        if name not in TABLES:
            raise KeyError("%s (the tables are %s)" % (name,
                                                       ", ".join(TABLES)))
        try:
            text = self._h.table(name)
        except KeyError:
            return []
        t = _parse_csv(text)
        return t[0] if t else []

    summary = property(lambda self: self.table("summary"))
    terms = property(lambda self: self.table("terms"))
    roadmap = property(lambda self: self.table("roadmap"))
    left_out = property(lambda self: self.table("left-out"))
    loads = property(lambda self: self.table("loads"))
    levers = property(lambda self: self.table("levers"))
    spend = property(lambda self: self.table("spend"))
    bottlenecks = property(lambda self: self.table("bottlenecks"))
    deficits = property(lambda self: self.table("deficits"))

    def to_pandas(self, table=None):
        """A pandas DataFrame of one table, or {name: DataFrame} of all
        (needs pandas)."""
        if table is not None:
            return _frames({table: self.table(table)})[table]
        return _frames({n: self.table(n) for n in TABLES})

    def write(self, format="text"):
        """The result as text, "xml", "csv" (str) or "xlsx" (bytes)."""
        if format not in ("text", "xml", "csv", "xlsx"):
            raise ValueError("format: text, xml, csv or xlsx")
        return self._h.write(_FORMATS[format])

    def __str__(self):
        return self.write("text")

    def __repr__(self):
        return "<opsalign.Result %s, objective %s, gap %s>" % (
            self.status, self.objective, self.gap)

    def save(self, path, format=None):
        """Writes the result: "text", "xml" (read back by read_result),
        "csv", "xlsx", or a folder of CSV tables ("csv-dir", a path that
        is a folder or ends in /); by default by path's name."""
        f = _path_format(path, format, ("text", "xml", "csv", "xlsx",
                                        "csv-dir"))
        if f == "csv-dir":
            self._h.save(os.fspath(path), _FORMATS["csv"], True)
        else:
            self._h.save(os.fspath(path), _FORMATS[f])

    def report(self, path, comparison=None, sweep=None):
        """The HTML report (one page, no scripts), with a comparison's and
        a sweep's pages when given."""
        self._h.report(os.fspath(path),
                       None if comparison is None else comparison._h,
                       None if sweep is None else sweep._h)


def read_result(path):
    """Reads a result written as XML (Result.save(..., "xml"))."""
    return Result(_c.read_result(os.fspath(path)))


class Explanation:
    """Why initiatives were left out or delayed: .text (for people) and
    .xml (doc/explain.md)."""

    def __init__(self, text, xml):
        self.text, self.xml = text, xml

    def __str__(self):
        return self.text


class Comparison:
    """The base and each scenario solved, side by side (compare).

    results: [(name, Result or None)], the base first; table: one row
    per result; changes: one row per change against the base; text."""

    def __init__(self, handle):
        self._h = handle
        self.results = [handle.item(i) for i in range(handle.count())]
        self.results = [(n, Result(r) if r is not None else None)
                        for n, r in self.results]
        tables = _parse_csv(handle.write(_FORMATS["csv"]))
        self.table = tables[0] if tables else []
        self.changes = tables[1] if len(tables) > 1 else []

    @property
    def text(self):
        return self._h.write(_FORMATS["text"])

    def __str__(self):
        return self.text

    def to_pandas(self):
        return _frames({"comparison": self.table,
                        "changes": self.changes})

    def save(self, path, format=None):
        f = _path_format(path, format, ("text", "xml", "csv", "xlsx"))
        data = self._h.write(_FORMATS[f])
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else
                                 {"encoding": "utf-8"})) as out:
            out.write(data)


def compare(plan, scenarios, **solve_options):
    """Solves plan and each scenario applied alone to a copy of it (each
    search starting from the base's roadmap); returns a Comparison.
    Every scenario error is raised at once, before anything is solved.
    solve_options as Plan.solve."""
    return Comparison(_c.compare(_handle(plan, Plan),
                                 [_handle(s, Scenario) for s in scenarios],
                                 _solve_opts(**solve_options)))


class Sweep:
    """A plan solved at evenly spaced values of one parameter.

    points: [(value, Result or None)]; table: one row per point (its
    objective, spend, roadmap); svg: the curve as a chart."""

    def __init__(self, handle):
        self._h = handle
        self.points = []
        for i in range(handle.count()):
            v, r = handle.item(i)
            self.points.append((v, Result(r) if r is not None else None))
        tables = _parse_csv(handle.write(_FORMATS["csv"]))
        self.table = tables[0] if tables else []

    @property
    def svg(self):
        return self._h.write(_FORMATS["svg"])

    def to_pandas(self):
        return _frames({"sweep": self.table})["sweep"]


def sweep(plan, budget=None, capacity=None, steps=5, unit="*",
          resource="*", **solve_options):
    """Solves plan at steps values of the total budget (budget=(from,
    to)) or of a factor on capacity (capacity=(from, to), of unit and
    resource, "*" for all); each point starts from the roadmap before it.
    Returns a Sweep."""
    if (budget is None) == (capacity is None):
        raise ValueError("sweep: budget=(from, to) or capacity=(from, to)")
    kind, (lo, hi) = ("budget", budget) if budget is not None else (
        "capacity", capacity)
    return Sweep(_c.sweep(_handle(plan, Plan), kind, float(lo), float(hi),
                          int(steps), unit, resource,
                          _solve_opts(**solve_options)))
