/*
 * _opsalign: the C side of the Python package opsalign (python/opsalign/).
 * A thin layer over the public API of libopsalign: objects that own their
 * handles (Plan, Scenario, Result, Comparison, Sweep) and functions that
 * map one to one onto oa_ calls.  Everything pythonic (keyword arguments,
 * tables as dicts, exceptions by kind) is in opsalign/__init__.py.
 *
 * Rules kept throughout:
 * - Every failure of the library becomes an exception built by the
 *   factory the Python side installs (set_error_factory), with every
 *   error the library reported: source, line, column, text.
 * - The GIL is released around every call that solves (solve, explain,
 *   compare, sweep); the plan such a call reads is marked busy meanwhile,
 *   and a method that would change it raises instead of racing it.
 * - Results owned by a container (a comparison's, a sweep's) keep their
 *   container alive.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <string.h>

#include <opsalign.h>

/* ---- errors ---- */

static PyObject *error_factory; /* callable(code, errors) -> exception */

static PyObject *error_tuple(const oa_error *e)
{
    return Py_BuildValue("(NNNs)",
                         e->source[0] ? PyUnicode_DecodeUTF8(
                                            e->source, strlen(e->source),
                                            "replace")
                                      : Py_NewRef(Py_None),
                         e->line > 0 ? PyLong_FromLong(e->line)
                                     : Py_NewRef(Py_None),
                         e->column > 0 ? PyLong_FromLong(e->column)
                                       : Py_NewRef(Py_None),
                         e->text);
}

/* Raises the library's failure rc with its errors (all, else err, else
 * the code's own text); returns NULL. */
static PyObject *fail(int rc, const oa_error *err, const oa_error_list *all)
{
    PyObject *list = PyList_New(0), *exc;
    size_t i, n = all ? oa_error_list_count(all) : 0;
    if (list == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *t = error_tuple(oa_error_list_get(all, i));
        if (t == NULL || PyList_Append(list, t) != 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
    }
    if (n == 0) {
        oa_error e;
        PyObject *t;
        if (err && err->code != OA_OK) {
            e = *err;
        } else {
            oa_error_clear(&e);
            snprintf(e.text, sizeof e.text, "%s", oa_strerror(rc));
        }
        t = error_tuple(&e);
        if (t == NULL || PyList_Append(list, t) != 0) {
            Py_XDECREF(t);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(t);
    }
    if (rc == OA_ENOMEM) {
        Py_DECREF(list);
        return PyErr_NoMemory();
    }
    if (error_factory == NULL) {
        Py_DECREF(list);
        PyErr_SetString(PyExc_RuntimeError, oa_strerror(rc));
        return NULL;
    }
    exc = PyObject_CallFunction(error_factory, "iN", rc, list);
    if (exc == NULL)
        return NULL;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
    return NULL;
}

/* A setter's code: None, or the exception. */
static PyObject *done(int rc)
{
    if (rc == OA_OK)
        Py_RETURN_NONE;
    if (rc == OA_EINVAL) {
        PyErr_SetString(PyExc_ValueError, "the library refused the value "
                        "(an empty or NULL id, a text with a line break or "
                        "control character, or a value out of range)");
        return NULL;
    }
    if (rc == OA_ENOTFOUND) {
        PyErr_SetString(PyExc_KeyError, "no such element in the plan");
        return NULL;
    }
    return fail(rc, NULL, NULL);
}

static oa_error_list *new_list(void)
{
    oa_error_list *l = NULL;
    if (oa_error_list_new(&l) != OA_OK) {
        PyErr_NoMemory();
        return NULL;
    }
    return l;
}

static PyObject *set_error_factory(PyObject *self, PyObject *f)
{
    (void)self;
    if (!PyCallable_Check(f)) {
        PyErr_SetString(PyExc_TypeError, "a callable");
        return NULL;
    }
    Py_XSETREF(error_factory, Py_NewRef(f));
    Py_RETURN_NONE;
}

/* ---- objects ---- */

typedef struct {
    PyObject_HEAD
    oa_plan *p;
    int busy;           /* solves reading it now (GIL released) */
} PlanObject;

typedef struct {
    PyObject_HEAD
    oa_scenario *s;
    int busy;           /* comparisons reading it now (GIL released) */
} ScenarioObject;

typedef struct {
    PyObject_HEAD
    oa_result *r;       /* owned, unless owner is set */
    const oa_result *view;
    PyObject *owner;    /* the comparison or sweep that owns view */
} ResultObject;

typedef struct {
    PyObject_HEAD
    oa_comparison *c;
} ComparisonObject;

typedef struct {
    PyObject_HEAD
    oa_sweep *s;
} SweepObject;

static PyTypeObject PlanType, ScenarioType, ResultType, ComparisonType,
    SweepType;

static int plan_free_to_change(PlanObject *self)
{
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "the plan is being solved in "
                        "another thread: change a copy (plan.copy())");
        return 0;
    }
    return 1;
}

static PyObject *wrap_plan(oa_plan *p)
{
    PlanObject *o = PyObject_New(PlanObject, &PlanType);
    if (o == NULL) {
        oa_plan_free(p);
        return NULL;
    }
    o->p = p;
    o->busy = 0;
    return (PyObject *)o;
}

static PyObject *wrap_result(oa_result *r, const oa_result *view,
                             PyObject *owner)
{
    ResultObject *o = PyObject_New(ResultObject, &ResultType);
    if (o == NULL) {
        oa_result_free(r);
        return NULL;
    }
    o->r = r;
    o->view = r ? r : view;
    o->owner = owner ? Py_NewRef(owner) : NULL;
    return (PyObject *)o;
}

static PyObject *wrap_scenario(oa_scenario *s)
{
    ScenarioObject *o = PyObject_New(ScenarioObject, &ScenarioType);
    if (o == NULL) {
        oa_scenario_free(s);
        return NULL;
    }
    o->s = s;
    o->busy = 0;
    return (PyObject *)o;
}

static int scenario_free_to_change(ScenarioObject *self)
{
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "the scenario is being solved "
                        "in another thread");
        return 0;
    }
    return 1;
}

static void plan_dealloc(PlanObject *self)
{
    oa_plan_free(self->p);
    PyObject_Free(self);
}

static void scenario_dealloc(ScenarioObject *self)
{
    oa_scenario_free(self->s);
    PyObject_Free(self);
}

static void result_dealloc(ResultObject *self)
{
    oa_result_free(self->r);
    Py_XDECREF(self->owner);
    PyObject_Free(self);
}

static void comparison_dealloc(ComparisonObject *self)
{
    oa_comparison_free(self->c);
    PyObject_Free(self);
}

static void sweep_dealloc(SweepObject *self)
{
    oa_sweep_free(self->s);
    PyObject_Free(self);
}

/* ---- reading ---- */

static oa_read_opts read_opts(int validate)
{
    oa_read_opts o = OA_READ_OPTS_INIT;
    o.no_validate = !validate;
    return o;
}

static PyObject *read_plan(PyObject *self, PyObject *args)
{
    const char *path;
    int validate = 1, rc;
    oa_plan *p = NULL;
    oa_error_list *all;
    oa_read_opts o;
    (void)self;
    if (!PyArg_ParseTuple(args, "s|p", &path, &validate))
        return NULL;
    if ((all = new_list()) == NULL)
        return NULL;
    o = read_opts(validate);
    Py_BEGIN_ALLOW_THREADS
    rc = oa_plan_load(&p, path, &o, NULL, all);
    Py_END_ALLOW_THREADS
    if (rc != OA_OK) {
        fail(rc, NULL, all);
        oa_error_list_free(all);
        return NULL;
    }
    oa_error_list_free(all);
    return wrap_plan(p);
}

static PyObject *read_plan_bytes(PyObject *self, PyObject *args)
{
    const char *data, *source = NULL;
    Py_ssize_t n;
    int validate = 1, rc;
    oa_plan *p = NULL;
    oa_error_list *all;
    oa_read_opts o;
    (void)self;
    if (!PyArg_ParseTuple(args, "y#|zp", &data, &n, &source, &validate))
        return NULL;
    if ((all = new_list()) == NULL)
        return NULL;
    o = read_opts(validate);
    if (n >= 4 && memcmp(data, "PK\3\4", 4) == 0)
        rc = oa_plan_read_workbook_memory(&p, data, (size_t)n, source, &o,
                                          NULL, all);
    else
        rc = oa_plan_read_memory(&p, data, (size_t)n, source, &o, NULL, all);
    if (rc != OA_OK) {
        fail(rc, NULL, all);
        oa_error_list_free(all);
        return NULL;
    }
    oa_error_list_free(all);
    return wrap_plan(p);
}

static PyObject *read_scenario(PyObject *self, PyObject *args)
{
    const char *path;
    oa_scenario *s = NULL;
    oa_error_list *all;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &path))
        return NULL;
    if ((all = new_list()) == NULL)
        return NULL;
    rc = oa_scenario_read_file(&s, path, NULL, NULL, all);
    if (rc != OA_OK) {
        fail(rc, NULL, all);
        oa_error_list_free(all);
        return NULL;
    }
    oa_error_list_free(all);
    return wrap_scenario(s);
}

static PyObject *read_result(PyObject *self, PyObject *args)
{
    const char *path;
    oa_result *r = NULL;
    oa_error err;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &path))
        return NULL;
    rc = oa_result_read_file(&r, path, &err);
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    return wrap_result(r, NULL, NULL);
}

static PyObject *template_plan(PyObject *self, PyObject *noargs)
{
    oa_plan *p = NULL;
    int rc;
    (void)self;
    (void)noargs;
    rc = oa_plan_template(&p);
    if (rc != OA_OK)
        return fail(rc, NULL, NULL);
    return wrap_plan(p);
}

static PyObject *version(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    return PyUnicode_FromString(oa_version());
}

/* ---- Plan ---- */

static PyObject *plan_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    oa_plan *p = NULL;
    int rc;
    (void)type;
    if (!PyArg_ParseTuple(args, "") || (kw && PyDict_Size(kw) > 0)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "Plan() takes no arguments");
        return NULL;
    }
    rc = oa_plan_new(&p);
    if (rc != OA_OK)
        return fail(rc, NULL, NULL);
    return wrap_plan(p);
}

static PyObject *plan_copy(PlanObject *self, PyObject *noargs)
{
    oa_plan *p = NULL;
    int rc = oa_plan_copy(&p, self->p);
    (void)noargs;
    if (rc != OA_OK)
        return fail(rc, NULL, NULL);
    return wrap_plan(p);
}

static PyObject *plan_apply(PlanObject *self, PyObject *args)
{
    ScenarioObject *s;
    oa_error_list *all;
    int rc;
    if (!PyArg_ParseTuple(args, "O!", &ScenarioType, &s))
        return NULL;
    if (!plan_free_to_change(self) || (all = new_list()) == NULL)
        return NULL;
    rc = oa_plan_apply_scenario(self->p, s->s, NULL, all);
    if (rc != OA_OK) {
        fail(rc, NULL, all);
        oa_error_list_free(all);
        return NULL;
    }
    oa_error_list_free(all);
    Py_RETURN_NONE;
}

static PyObject *plan_validate(PlanObject *self, PyObject *noargs)
{
    oa_error_list *all;
    int rc;
    (void)noargs;
    if ((all = new_list()) == NULL)
        return NULL;
    rc = oa_plan_validate(self->p, NULL, all);
    if (rc != OA_OK) {
        fail(rc, NULL, all);
        oa_error_list_free(all);
        return NULL;
    }
    oa_error_list_free(all);
    Py_RETURN_NONE;
}

static PyObject *plan_save(PlanObject *self, PyObject *args)
{
    const char *path;
    int kind = 0, rc;
    oa_error err;
    if (!PyArg_ParseTuple(args, "s|i", &path, &kind))
        return NULL;
    if (kind == 0)
        rc = oa_plan_save(self->p, path, &err);
    else if (kind == OA_WORKBOOK_XLSX || kind == OA_WORKBOOK_CSV)
        rc = oa_plan_save_workbook(self->p, path, (oa_workbook_kind)kind,
                                   &err);
    else
        return PyErr_Format(PyExc_ValueError, "unknown kind %d", kind);
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    Py_RETURN_NONE;
}

static PyObject *plan_write(PlanObject *self, PyObject *args)
{
    int workbook = 0, rc;
    char *out = NULL;
    size_t size = 0;
    oa_error err;
    PyObject *o;
    if (!PyArg_ParseTuple(args, "|p", &workbook))
        return NULL;
    oa_error_clear(&err);
    if (workbook)
        rc = oa_plan_write_workbook(&out, &size, self->p, &err);
    else
        rc = oa_plan_write(&out, &size, self->p);
    if (rc == OA_EINVALID && !workbook)
        (void)oa_plan_save(self->p, "/dev/null", &err); /* the message */
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    o = workbook ? PyBytes_FromStringAndSize(out, (Py_ssize_t)size)
                 : PyUnicode_DecodeUTF8(out, (Py_ssize_t)size, "strict");
    oa_free(out);
    return o;
}

/* Setters: each parses its arguments and calls one oa_ function. */
#define CHANGE(self)                                                         \
    do {                                                                     \
        if (!plan_free_to_change(self))                                      \
            return NULL;                                                     \
    } while (0)

static PyObject *plan_set_name(PlanObject *self, PyObject *args)
{
    const char *v;
    if (!PyArg_ParseTuple(args, "z", &v))
        return NULL;
    CHANGE(self);
    return done(oa_plan_set_name(self->p, v));
}

static PyObject *plan_set_currency(PlanObject *self, PyObject *args)
{
    const char *v;
    if (!PyArg_ParseTuple(args, "z", &v))
        return NULL;
    CHANGE(self);
    return done(oa_plan_set_currency(self->p, v));
}

static PyObject *plan_set_horizon(PlanObject *self, PyObject *args)
{
    const char *start;
    int step, periods;
    if (!PyArg_ParseTuple(args, "sii", &start, &step, &periods))
        return NULL;
    if (step < 0 || step > 2)
        return PyErr_Format(PyExc_ValueError, "unknown step %d", step);
    CHANGE(self);
    return done(oa_plan_set_horizon(self->p, start, (oa_step)step, periods));
}

static PyObject *plan_add_period(PlanObject *self, PyObject *args)
{
    const char *v;
    if (!PyArg_ParseTuple(args, "s", &v))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_period(self->p, v));
}

static PyObject *plan_add_resource(PlanObject *self, PyObject *args)
{
    const char *id, *name, *measure;
    if (!PyArg_ParseTuple(args, "szz", &id, &name, &measure))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_resource(self->p, id, name, measure));
}

static PyObject *plan_add_objective(PlanObject *self, PyObject *args)
{
    const char *id, *name;
    double weight;
    if (!PyArg_ParseTuple(args, "szd", &id, &name, &weight))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_objective(self->p, id, name, weight));
}

static PyObject *plan_add_unit(PlanObject *self, PyObject *args)
{
    const char *id, *name;
    if (!PyArg_ParseTuple(args, "sz", &id, &name))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_unit(NULL, self->p, id, name));
}

/* The unit of id, or NULL with KeyError. */
static oa_unit *unit_of(PlanObject *self, const char *id)
{
    oa_unit *u = NULL;
    if (oa_plan_find_unit(&u, self->p, id) != OA_OK) {
        PyErr_Format(PyExc_KeyError, "no unit '%s' in the plan", id);
        return NULL;
    }
    return u;
}

static oa_initiative *initiative_of(PlanObject *self, const char *id)
{
    oa_initiative *ini = NULL;
    if (oa_plan_find_initiative(&ini, self->p, id) != OA_OK) {
        PyErr_Format(PyExc_KeyError, "no initiative '%s' in the plan", id);
        return NULL;
    }
    return ini;
}

static PyObject *plan_unit_add(PlanObject *self, PyObject *args)
{
    const char *what, *unit, *res, *from = NULL, *to = NULL;
    double a = 0, b = 0;
    oa_unit *u;
    if (!PyArg_ParseTuple(args, "sszd|dzz", &what, &unit, &res, &a, &b,
                          &from, &to))
        return NULL;
    CHANGE(self);
    if ((u = unit_of(self, unit)) == NULL)
        return NULL;
    if (strcmp(what, "capacity") == 0 && res)
        return done(oa_unit_add_capacity(u, res, a, from, to));
    if (strcmp(what, "overtime") == 0 && res)
        return done(oa_unit_add_overtime(u, res, a, b));
    if (strcmp(what, "contractors") == 0 && res)
        return done(oa_unit_add_contractors(u, res, a, b, from, to));
    if (strcmp(what, "budget") == 0)
        return done(oa_unit_add_budget_range(u, a, from, to));
    return PyErr_Format(PyExc_ValueError, "unknown unit entry '%s' (or no "
                        "resource)", what);
}

static PyObject *plan_add_operating_plan(PlanObject *self, PyObject *args)
{
    const char *unit, *name;
    double cost;
    oa_operating_plan *op = NULL;
    int rc;
    if (!PyArg_ParseTuple(args, "szd", &unit, &name, &cost))
        return NULL;
    CHANGE(self);
    rc = oa_plan_add_operating_plan(&op, self->p, unit, name, cost);
    if (rc != OA_OK)
        return done(rc);
    return PyLong_FromSize_t(oa_plan_operating_plan_count(self->p) - 1);
}

static PyObject *plan_op_add(PlanObject *self, PyObject *args)
{
    Py_ssize_t i;
    const char *what, *a = NULL, *from = NULL, *to = NULL;
    double x = 0, y = 0;
    oa_operating_plan *op;
    if (!PyArg_ParseTuple(args, "nsz|ddzz", &i, &what, &a, &x, &y, &from,
                          &to))
        return NULL;
    CHANGE(self);
    if (i < 0 || (size_t)i >= oa_plan_operating_plan_count(self->p))
        return PyErr_Format(PyExc_IndexError, "no operating plan %zd", i);
    /* the plan owns it; the API hands out const views to read */
    op = (oa_operating_plan *)oa_plan_operating_plan(self->p, (size_t)i);
    if (strcmp(what, "demand") == 0 && a)
        return done(oa_operating_plan_add_demand(op, a, x, from, to));
    if (strcmp(what, "driver") == 0 && a)
        return done(oa_operating_plan_add_driver_demand(op, a, x, y, from,
                                                        to));
    if (strcmp(what, "service") == 0)
        return done(oa_operating_plan_set_service_level(op, x, y));
    if (strcmp(what, "target") == 0 && a)
        return done(oa_operating_plan_add_target(op, a, x, from));
    return PyErr_Format(PyExc_ValueError, "unknown operating-plan entry "
                        "'%s'", what);
}

static PyObject *plan_add_initiative(PlanObject *self, PyObject *args)
{
    const char *id;
    int duration;
    if (!PyArg_ParseTuple(args, "si", &id, &duration))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_initiative(NULL, self->p, id, duration));
}

/* initiative_set(id, attribute, value): one attribute at a time. */
static PyObject *plan_initiative_set(PlanObject *self, PyObject *args)
{
    const char *id, *attr;
    PyObject *v;
    oa_initiative *ini;
    if (!PyArg_ParseTuple(args, "ssO", &id, &attr, &v))
        return NULL;
    CHANGE(self);
    if ((ini = initiative_of(self, id)) == NULL)
        return NULL;
    if (strcmp(attr, "name") == 0 || strcmp(attr, "owner") == 0 ||
        strcmp(attr, "earliest") == 0 || strcmp(attr, "deadline") == 0 ||
        strcmp(attr, "pin") == 0) {
        const char *s = NULL;
        if (v != Py_None) {
            Py_ssize_t n;
            if (!PyUnicode_Check(v))
                return PyErr_Format(PyExc_TypeError, "%s: a str or None",
                                    attr);
            s = PyUnicode_AsUTF8AndSize(v, &n);
            if (s == NULL)
                return NULL;
            if ((size_t)n != strlen(s))
                return PyErr_Format(PyExc_ValueError, "%s: a NUL character",
                                    attr);
        }
        switch (attr[0]) {
        case 'n': return done(oa_initiative_set_name(ini, s));
        case 'o': return done(oa_initiative_set_owner(ini, s));
        case 'e': return done(oa_initiative_set_earliest(ini, s));
        case 'd': return done(oa_initiative_set_deadline(ini, s));
        default: return done(oa_initiative_set_pin(ini, s));
        }
    }
    if (strcmp(attr, "duration") == 0 || strcmp(attr, "mandatory") == 0 ||
        strcmp(attr, "forbidden") == 0) {
        long n = PyLong_AsLong(v);
        if (n == -1 && PyErr_Occurred())
            return NULL;
        if (n < INT_MIN || n > INT_MAX)
            return PyErr_Format(PyExc_OverflowError, "%s: out of range",
                                attr);
        if (attr[0] == 'd')
            return done(oa_initiative_set_duration(ini, (int)n));
        if (attr[0] == 'm')
            return done(oa_initiative_set_mandatory(ini, n != 0));
        return done(oa_initiative_set_forbidden(ini, n != 0));
    }
    if (strcmp(attr, "value") == 0 || strcmp(attr, "cost") == 0 ||
        strcmp(attr, "benefit_per_period") == 0) {
        double d = PyFloat_AsDouble(v);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        if (attr[0] == 'v')
            return done(oa_initiative_set_value(ini, d));
        if (attr[0] == 'c')
            return done(oa_initiative_set_cost(ini, d));
        return done(oa_initiative_set_benefit_per_period(ini, d));
    }
    if (strcmp(attr, "stability") == 0) {
        double move, drop;
        if (!PyArg_ParseTuple(v, "dd", &move, &drop))
            return NULL;
        return done(oa_initiative_set_stability(ini, move, drop));
    }
    return PyErr_Format(PyExc_ValueError, "unknown attribute '%s'", attr);
}

static PyObject *plan_initiative_add(PlanObject *self, PyObject *args)
{
    const char *id, *what, *a = NULL, *b = NULL;
    double x = 0;
    int first = 0, last = 0;
    oa_initiative *ini;
    if (!PyArg_ParseTuple(args, "ssz|zdii", &id, &what, &a, &b, &x, &first,
                          &last))
        return NULL;
    CHANGE(self);
    if ((ini = initiative_of(self, id)) == NULL)
        return NULL;
    if (a == NULL)
        return PyErr_Format(PyExc_ValueError, "%s: an id is needed", what);
    if (strcmp(what, "demand") == 0 && b)
        return done(oa_initiative_add_demand(ini, a, b, x, first, last));
    if (strcmp(what, "contribution") == 0)
        return done(oa_initiative_add_contribution(ini, a, x));
    if (strcmp(what, "requires") == 0)
        return done(oa_initiative_add_requirement(ini, a, first));
    if (strcmp(what, "excludes") == 0)
        return done(oa_initiative_add_exclusion(ini, a));
    if (strcmp(what, "effect") == 0 && b)
        return done(oa_initiative_add_effect(ini, a, b, x));
    return PyErr_Format(PyExc_ValueError, "unknown initiative entry '%s'",
                        what);
}

static PyObject *plan_add_loan(PlanObject *self, PyObject *args)
{
    const char *from, *to, *res;
    double max, eff, cost;
    if (!PyArg_ParseTuple(args, "sssddd", &from, &to, &res, &max, &eff,
                          &cost))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_loan(self->p, from, to, res, max, eff, cost));
}

static PyObject *plan_set_budget_total(PlanObject *self, PyObject *args)
{
    PyObject *v;
    double d;
    if (!PyArg_ParseTuple(args, "O", &v))
        return NULL;
    CHANGE(self);
    if (v == Py_None)
        return done(oa_plan_clear_budget_total(self->p));
    d = PyFloat_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    return done(oa_plan_set_budget_total(self->p, d));
}

static PyObject *plan_add_budget_limit(PlanObject *self, PyObject *args)
{
    const char *from, *to;
    double v;
    if (!PyArg_ParseTuple(args, "zzd", &from, &to, &v))
        return NULL;
    CHANGE(self);
    return done(oa_plan_add_budget_limit(self->p, from, to, v));
}

static PyObject *plan_add_person(PlanObject *self, PyObject *args)
{
    const char *id, *name, *unit, *res;
    double fte, dev;
    int max = 0, rc;
    oa_person *pe = NULL;
    if (!PyArg_ParseTuple(args, "szssdd|i", &id, &name, &unit, &res, &fte,
                          &dev, &max))
        return NULL;
    CHANGE(self);
    rc = oa_plan_add_person(&pe, self->p, id, name, unit, res, fte, dev);
    if (rc == OA_OK && max)
        rc = oa_person_set_max_initiatives(pe, max);
    return done(rc);
}

static PyObject *plan_person_add_away(PlanObject *self, PyObject *args)
{
    const char *id, *from, *to;
    double fte;
    size_t i;
    if (!PyArg_ParseTuple(args, "szzd", &id, &from, &to, &fte))
        return NULL;
    CHANGE(self);
    for (i = 0; i < oa_plan_person_count(self->p); i++) {
        /* the plan owns it; the API hands out const views to read */
        oa_person *pe = (oa_person *)oa_plan_person(self->p, i);
        if (strcmp(oa_person_id(pe), id) == 0)
            return done(oa_person_add_away(pe, from, to, fte));
    }
    return PyErr_Format(PyExc_KeyError, "no person '%s' in the plan", id);
}

/* What a plan holds, for the Python side: name, currency, periods, ids. */
static PyObject *ids(size_t n, const char *(*get)(const oa_plan *, size_t),
                     const oa_plan *p)
{
    PyObject *l = PyList_New((Py_ssize_t)n);
    size_t i;
    if (l == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromString(get(p, i));
        if (s == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SET_ITEM(l, (Py_ssize_t)i, s);
    }
    return l;
}

static const char *unit_id_at(const oa_plan *p, size_t i)
{
    return oa_unit_id(oa_plan_unit(p, i));
}

static const char *initiative_id_at(const oa_plan *p, size_t i)
{
    return oa_initiative_id(oa_plan_initiative(p, i));
}

static const char *resource_id_at(const oa_plan *p, size_t i)
{
    oa_resource_info r;
    return oa_plan_resource(&r, p, i) == OA_OK ? r.id : "";
}

static const char *period_at(const oa_plan *p, size_t i)
{
    const char *l = oa_plan_period_label(p, (int)i + 1);
    return l ? l : "";
}

static PyObject *plan_info(PlanObject *self, PyObject *noargs)
{
    const oa_plan *p = self->p;
    int np = oa_plan_period_count(p);
    (void)noargs;
    return Py_BuildValue(
        "{s:z,s:z,s:z,s:N,s:N,s:N,s:N}", "name", oa_plan_name(p),
        "currency", oa_plan_currency(p), "source", oa_plan_source(p),
        "periods", ids(np > 0 ? (size_t)np : 0, period_at, p),
        "units", ids(oa_plan_unit_count(p), unit_id_at, p),
        "resources", ids(oa_plan_resource_count(p), resource_id_at, p),
        "initiatives", ids(oa_plan_initiative_count(p), initiative_id_at, p));
}

/* ---- solving ---- */

/* Solve options from a dict of the Python side's (all optional). */
static int solve_opts(oa_solve_opts *o, PyObject *d)
{
    static const oa_solve_opts init = OA_SOLVE_OPTS_INIT;
    PyObject *v;
    *o = init;
    if (d == NULL || d == Py_None)
        return 0;
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "options: a dict");
        return -1;
    }
#define NUM(key, field)                                                      \
    if ((v = PyDict_GetItemString(d, key)) != NULL && v != Py_None) {        \
        o->field = PyFloat_AsDouble(v);                                      \
        if (o->field == -1.0 && PyErr_Occurred())                            \
            return -1;                                                       \
    }
    NUM("time_limit", time_limit)
    NUM("gap", gap)
    NUM("work_limit", work_limit)
    NUM("stability", stability)
    NUM("drop_price", drop_price)
#undef NUM
    if ((v = PyDict_GetItemString(d, "relax")) != NULL)
        o->relax = PyObject_IsTrue(v) == 1;
    if ((v = PyDict_GetItemString(d, "as_of")) != NULL && v != Py_None) {
        long n = PyLong_AsLong(v);
        if (n == -1 && PyErr_Occurred())
            return -1;
        if (n < 0 || n > INT_MAX) {
            PyErr_SetString(PyExc_ValueError, "as_of: a period from 1");
            return -1;
        }
        o->as_of = (int)n;
    }
    if ((v = PyDict_GetItemString(d, "max_nonzeros")) != NULL &&
        v != Py_None) {
        unsigned long long n = PyLong_AsUnsignedLongLong(v);
        if (n == (unsigned long long)-1 && PyErr_Occurred())
            return -1;
        o->max_nonzeros = n > SIZE_MAX ? SIZE_MAX : (size_t)n;
    }
    if ((v = PyDict_GetItemString(d, "flags")) != NULL && v != Py_None) {
        unsigned long n = PyLong_AsUnsignedLong(v);
        if (n == (unsigned long)-1 && PyErr_Occurred())
            return -1;
        o->flags = (unsigned int)n;
    }
    if ((v = PyDict_GetItemString(d, "baseline")) != NULL && v != Py_None) {
        if (!PyObject_TypeCheck(v, &ResultType)) {
            PyErr_SetString(PyExc_TypeError, "baseline: a Result");
            return -1;
        }
        o->baseline = ((ResultObject *)v)->view;
    }
    if ((v = PyDict_GetItemString(d, "start")) != NULL && v != Py_None) {
        if (!PyObject_TypeCheck(v, &ResultType)) {
            PyErr_SetString(PyExc_TypeError, "start: a Result");
            return -1;
        }
        o->start = ((ResultObject *)v)->view;
    }
    return 0;
}

static PyObject *plan_solve(PlanObject *self, PyObject *args)
{
    PyObject *d = NULL;
    oa_solve_opts o;
    oa_result *r = NULL;
    oa_error err;
    int rc;
    if (!PyArg_ParseTuple(args, "|O", &d) || solve_opts(&o, d) != 0)
        return NULL;
    /* the options may hold Results: d keeps them alive meanwhile */
    self->busy++;
    Py_BEGIN_ALLOW_THREADS
    rc = oa_solve(&r, self->p, &o, &err);
    Py_END_ALLOW_THREADS
    self->busy--;
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    return wrap_result(r, NULL, NULL);
}

static PyObject *plan_explain(PlanObject *self, PyObject *args)
{
    PyObject *base = Py_None, *d = NULL, *out;
    const char *const *idp = NULL;
    int bottlenecks = 3, jobs = 1, rc;
    oa_explain_opts o = OA_EXPLAIN_OPTS_INIT;
    oa_explanation *ex = NULL;
    oa_error err;
    char *text = NULL, *xml = NULL;
    if (!PyArg_ParseTuple(args, "|OiiO", &base, &bottlenecks, &jobs, &d))
        return NULL;
    if (base != Py_None && !PyObject_TypeCheck(base, &ResultType))
        return PyErr_Format(PyExc_TypeError, "result: a Result or None");
    if (solve_opts(&o.solve, d) != 0)
        return NULL;
    if (d == NULL || d == Py_None ||
        PyDict_GetItemString(d, "time_limit") == NULL)
        o.solve.time_limit = 30; /* explain's own default per solve */
    o.bottlenecks = bottlenecks;
    o.jobs = jobs;
    self->busy++;
    Py_BEGIN_ALLOW_THREADS
    rc = oa_explain(&ex, self->p,
                    base == Py_None ? NULL : ((ResultObject *)base)->view,
                    idp, 0, &o, &err);
    Py_END_ALLOW_THREADS
    self->busy--;
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    rc = oa_explanation_write(&text, NULL, ex, OA_FORMAT_TEXT);
    if (rc == OA_OK)
        rc = oa_explanation_write(&xml, NULL, ex, OA_FORMAT_XML);
    oa_explanation_free(ex);
    if (rc != OA_OK) {
        oa_free(text);
        return fail(rc, NULL, NULL);
    }
    out = Py_BuildValue("(ss)", text, xml);
    oa_free(text);
    oa_free(xml);
    return out;
}

static PyObject *compare(PyObject *self, PyObject *args)
{
    PlanObject *plan;
    PyObject *seq, *d = NULL, *fast = NULL;
    const oa_scenario **scs = NULL;
    oa_comparison *c = NULL;
    oa_solve_opts o;
    oa_error_list *all;
    oa_error err;
    Py_ssize_t n, i;
    ComparisonObject *co;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O|O", &PlanType, &plan, &seq, &d) ||
        solve_opts(&o, d) != 0)
        return NULL;
    fast = PySequence_Fast(seq, "scenarios: a sequence of Scenario");
    if (fast == NULL)
        return NULL;
    n = PySequence_Fast_GET_SIZE(fast);
    scs = PyMem_Calloc((size_t)n + 1, sizeof *scs);
    if (scs == NULL) {
        Py_DECREF(fast);
        return PyErr_NoMemory();
    }
    for (i = 0; i < n; i++) {
        PyObject *s = PySequence_Fast_GET_ITEM(fast, i);
        if (!PyObject_TypeCheck(s, &ScenarioType)) {
            PyMem_Free(scs);
            Py_DECREF(fast);
            return PyErr_Format(PyExc_TypeError, "scenarios: a sequence of "
                                "Scenario");
        }
        scs[i] = ((ScenarioObject *)s)->s;
    }
    if ((all = new_list()) == NULL) {
        PyMem_Free(scs);
        Py_DECREF(fast);
        return NULL;
    }
    plan->busy++;
    for (i = 0; i < n; i++)
        ((ScenarioObject *)PySequence_Fast_GET_ITEM(fast, i))->busy++;
    Py_BEGIN_ALLOW_THREADS
    rc = oa_compare_scenarios(&c, plan->p, scs, (size_t)n, &o, &err, all);
    Py_END_ALLOW_THREADS
    for (i = 0; i < n; i++)
        ((ScenarioObject *)PySequence_Fast_GET_ITEM(fast, i))->busy--;
    plan->busy--;
    PyMem_Free(scs);
    Py_DECREF(fast);
    if (rc != OA_OK) {
        fail(rc, &err, all);
        oa_error_list_free(all);
        return NULL;
    }
    oa_error_list_free(all);
    co = PyObject_New(ComparisonObject, &ComparisonType);
    if (co == NULL) {
        oa_comparison_free(c);
        return NULL;
    }
    co->c = c;
    return (PyObject *)co;
}

static PyObject *sweep(PyObject *self, PyObject *args)
{
    PlanObject *plan;
    PyObject *d = NULL;
    const char *kind, *unit = NULL, *res = NULL;
    double from, to;
    int steps;
    oa_sweep_opts o = OA_SWEEP_OPTS_INIT;
    oa_sweep *sw = NULL;
    oa_error err;
    SweepObject *so;
    int rc;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!sddi|zzO", &PlanType, &plan, &kind, &from,
                          &to, &steps, &unit, &res, &d) ||
        solve_opts(&o.solve, d) != 0)
        return NULL;
    if (strcmp(kind, "budget") == 0)
        o.kind = OA_SWEEP_BUDGET_TOTAL;
    else if (strcmp(kind, "capacity") == 0)
        o.kind = OA_SWEEP_CAPACITY;
    else
        return PyErr_Format(PyExc_ValueError, "sweep: 'budget' or "
                            "'capacity', not '%s'", kind);
    o.from = from;
    o.to = to;
    o.steps = steps;
    o.unit = unit ? unit : "*";
    o.resource = res ? res : "*";
    plan->busy++;
    Py_BEGIN_ALLOW_THREADS
    rc = oa_sweep_run(&sw, plan->p, &o, &err);
    Py_END_ALLOW_THREADS
    plan->busy--;
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    so = PyObject_New(SweepObject, &SweepType);
    if (so == NULL) {
        oa_sweep_free(sw);
        return NULL;
    }
    so->s = sw;
    return (PyObject *)so;
}

/* ---- Result ---- */

static PyObject *result_info(ResultObject *self, PyObject *noargs)
{
    const oa_result *r = self->view;
    PyObject *periods, *terms;
    int np = oa_result_period_count(r), t;
    (void)noargs;
    periods = PyList_New(np > 0 ? np : 0);
    if (periods == NULL)
        return NULL;
    for (t = 0; t < np; t++) {
        const char *l = oa_result_period_label(r, t + 1);
        PyObject *s = PyUnicode_FromString(l ? l : "");
        if (s == NULL) {
            Py_DECREF(periods);
            return NULL;
        }
        PyList_SET_ITEM(periods, t, s);
    }
    terms = PyDict_New();
    for (t = 0; terms && t < OA_TERM_COUNT; t++) {
        PyObject *v = PyFloat_FromDouble(oa_result_term(r, (oa_term)t));
        if (v == NULL ||
            PyDict_SetItemString(terms, oa_term_name((oa_term)t), v) != 0) {
            Py_XDECREF(v);
            Py_CLEAR(terms);
            break;
        }
        Py_DECREF(v);
    }
    if (terms == NULL) {
        Py_DECREF(periods);
        return NULL;
    }
    return Py_BuildValue(
        "{s:s,s:d,s:d,s:d,s:s,s:d,s:d,s:z,s:z,s:N,s:N}", "status",
        oa_status_name(oa_result_status(r)), "objective",
        oa_result_objective(r), "bound", oa_result_bound(r), "gap",
        oa_result_gap(r), "stopped_by", oa_stop_name(oa_result_stop(r)),
        "seconds", oa_result_seconds(r), "work", oa_result_work(r), "plan",
        oa_result_plan_name(r), "currency", oa_result_currency(r), "periods",
        periods, "terms", terms);
}

static PyObject *result_table(ResultObject *self, PyObject *args)
{
    const char *name;
    char *out = NULL;
    size_t size = 0;
    PyObject *o;
    int rc;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    rc = oa_result_write_table(&out, &size, self->view, name);
    if (rc == OA_ENOTFOUND)
        return PyErr_Format(PyExc_KeyError, "no table '%s'", name);
    if (rc != OA_OK)
        return fail(rc, NULL, NULL);
    o = PyUnicode_DecodeUTF8(out, (Py_ssize_t)size, "strict");
    oa_free(out);
    return o;
}

/* Text of a writer (bytes for XLSX). */
static PyObject *text_out(int rc, char *out, size_t size, int binary)
{
    PyObject *o;
    if (rc != OA_OK)
        return fail(rc, NULL, NULL);
    o = binary ? PyBytes_FromStringAndSize(out, (Py_ssize_t)size)
               : PyUnicode_DecodeUTF8(out, (Py_ssize_t)size, "strict");
    oa_free(out);
    return o;
}

static int format_arg(int f)
{
    if (f < OA_FORMAT_TEXT || f > OA_FORMAT_XLSX) {
        PyErr_Format(PyExc_ValueError, "unknown format %d", f);
        return -1;
    }
    return 0;
}

static PyObject *result_write(ResultObject *self, PyObject *args)
{
    int f, rc;
    char *out = NULL;
    size_t size = 0;
    if (!PyArg_ParseTuple(args, "i", &f) || format_arg(f) != 0)
        return NULL;
    rc = oa_result_write(&out, &size, self->view, (oa_format)f);
    return text_out(rc, out, size, f == OA_FORMAT_XLSX);
}

static PyObject *result_save(ResultObject *self, PyObject *args)
{
    const char *path;
    int f, tables = 0, rc;
    oa_error err;
    if (!PyArg_ParseTuple(args, "si|p", &path, &f, &tables) ||
        format_arg(f) != 0)
        return NULL;
    rc = tables ? oa_result_save_tables(self->view, path, (oa_format)f, &err)
                : oa_result_save(self->view, path, (oa_format)f, &err);
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    Py_RETURN_NONE;
}

static PyObject *result_report(ResultObject *self, PyObject *args)
{
    const char *path;
    PyObject *cmp = Py_None, *sw = Py_None;
    oa_report_opts o = OA_REPORT_OPTS_INIT;
    oa_error err;
    int rc;
    if (!PyArg_ParseTuple(args, "s|OO", &path, &cmp, &sw))
        return NULL;
    if (cmp != Py_None) {
        if (!PyObject_TypeCheck(cmp, &ComparisonType))
            return PyErr_Format(PyExc_TypeError, "a Comparison or None");
        o.comparison = ((ComparisonObject *)cmp)->c;
    }
    if (sw != Py_None) {
        if (!PyObject_TypeCheck(sw, &SweepType))
            return PyErr_Format(PyExc_TypeError, "a Sweep or None");
        o.sweep = ((SweepObject *)sw)->s;
    }
    rc = oa_report_save(self->view, path, &o, &err);
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    Py_RETURN_NONE;
}

/* ---- Comparison and Sweep ---- */

static PyObject *comparison_count(ComparisonObject *self, PyObject *noargs)
{
    (void)noargs;
    return PyLong_FromSize_t(oa_comparison_count(self->c));
}

static PyObject *comparison_item(ComparisonObject *self, PyObject *args)
{
    Py_ssize_t i;
    const oa_result *r;
    const char *name;
    if (!PyArg_ParseTuple(args, "n", &i))
        return NULL;
    if (i < 0 || (size_t)i >= oa_comparison_count(self->c))
        return PyErr_Format(PyExc_IndexError, "no column %zd", i);
    name = oa_comparison_name(self->c, (size_t)i);
    r = oa_comparison_result(self->c, (size_t)i);
    if (r == NULL)
        return Py_BuildValue("(zO)", name, Py_None);
    return Py_BuildValue("(zN)", name, wrap_result(NULL, r,
                                                   (PyObject *)self));
}

static PyObject *comparison_write(ComparisonObject *self, PyObject *args)
{
    int f, rc;
    char *out = NULL;
    size_t size = 0;
    if (!PyArg_ParseTuple(args, "i", &f) || format_arg(f) != 0)
        return NULL;
    rc = oa_comparison_write(&out, &size, self->c, (oa_format)f);
    return text_out(rc, out, size, f == OA_FORMAT_XLSX);
}

static PyObject *sweep_count(SweepObject *self, PyObject *noargs)
{
    (void)noargs;
    return PyLong_FromSize_t(oa_sweep_count(self->s));
}

static PyObject *sweep_item(SweepObject *self, PyObject *args)
{
    Py_ssize_t i;
    const oa_result *r;
    if (!PyArg_ParseTuple(args, "n", &i))
        return NULL;
    if (i < 0 || (size_t)i >= oa_sweep_count(self->s))
        return PyErr_Format(PyExc_IndexError, "no point %zd", i);
    r = oa_sweep_result(self->s, (size_t)i);
    if (r == NULL)
        return Py_BuildValue("(dO)", oa_sweep_value(self->s, (size_t)i),
                             Py_None);
    return Py_BuildValue("(dN)", oa_sweep_value(self->s, (size_t)i),
                         wrap_result(NULL, r, (PyObject *)self));
}

static PyObject *sweep_write(SweepObject *self, PyObject *args)
{
    int f, rc;
    char *out = NULL;
    size_t size = 0;
    if (!PyArg_ParseTuple(args, "i", &f) || format_arg(f) != 0)
        return NULL;
    rc = oa_sweep_write(&out, &size, self->s, (oa_format)f);
    return text_out(rc, out, size, 0);
}

/* ---- Scenario ---- */

static PyObject *scenario_new(PyTypeObject *type, PyObject *args,
                              PyObject *kw)
{
    const char *name = NULL;
    oa_scenario *s = NULL;
    int rc;
    (void)type;
    if (!PyArg_ParseTuple(args, "|z", &name) || (kw && PyDict_Size(kw))) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "Scenario(name=None)");
        return NULL;
    }
    rc = oa_scenario_new(&s, name);
    if (rc != OA_OK)
        return fail(rc, NULL, NULL);
    return wrap_scenario(s);
}

static PyObject *scenario_edit(ScenarioObject *self, PyObject *args)
{
    const char *what, *a = NULL, *b = NULL, *from = NULL, *to = NULL;
    double x = 0;
    if (!PyArg_ParseTuple(args, "s|zzdzz", &what, &a, &b, &x, &from, &to) ||
        !scenario_free_to_change(self))
        return NULL;
    if (strcmp(what, "capacity") == 0 && a && b)
        return done(oa_scenario_set_capacity(self->s, a, b, x, from, to));
    if (strcmp(what, "scale_capacity") == 0 && a && b)
        return done(oa_scenario_scale_capacity(self->s, a, b, x, from, to));
    if (strcmp(what, "budget_total") == 0)
        return done(oa_scenario_set_budget_total(self->s, x));
    if (strcmp(what, "scale_budgets") == 0)
        return done(oa_scenario_scale_budgets(self->s, x));
    if (strcmp(what, "remove_initiative") == 0 && a)
        return done(oa_scenario_remove_initiative(self->s, a));
    return PyErr_Format(PyExc_ValueError, "unknown scenario edit '%s' (or an "
                        "id missing)", what);
}

static PyObject *scenario_set_initiative(ScenarioObject *self, PyObject *args)
{
    const char *id, *attr, *value;
    if (!PyArg_ParseTuple(args, "sss", &id, &attr, &value) ||
        !scenario_free_to_change(self))
        return NULL;
    return done(oa_scenario_set_initiative(self->s, id, attr, value));
}

static PyObject *scenario_save(ScenarioObject *self, PyObject *args)
{
    const char *path;
    oa_error err;
    int rc;
    if (!PyArg_ParseTuple(args, "s", &path))
        return NULL;
    rc = oa_scenario_save(self->s, path, &err);
    if (rc != OA_OK)
        return fail(rc, &err, NULL);
    Py_RETURN_NONE;
}

static PyObject *scenario_info(ScenarioObject *self, PyObject *noargs)
{
    (void)noargs;
    return Py_BuildValue("{s:z,s:z,s:n}", "name", oa_scenario_name(self->s),
                         "source", oa_scenario_source(self->s), "edits",
                         (Py_ssize_t)oa_scenario_edit_count(self->s));
}

/* ---- tables of the types and the module ---- */

#define M(name, fn, flags) { name, (PyCFunction)(void (*)(void))fn, flags, NULL }

static PyMethodDef plan_methods[] = {
    M("copy", plan_copy, METH_NOARGS),
    M("apply", plan_apply, METH_VARARGS),
    M("validate", plan_validate, METH_NOARGS),
    M("save", plan_save, METH_VARARGS),
    M("write", plan_write, METH_VARARGS),
    M("set_name", plan_set_name, METH_VARARGS),
    M("set_currency", plan_set_currency, METH_VARARGS),
    M("set_horizon", plan_set_horizon, METH_VARARGS),
    M("add_period", plan_add_period, METH_VARARGS),
    M("add_resource", plan_add_resource, METH_VARARGS),
    M("add_objective", plan_add_objective, METH_VARARGS),
    M("add_unit", plan_add_unit, METH_VARARGS),
    M("unit_add", plan_unit_add, METH_VARARGS),
    M("add_operating_plan", plan_add_operating_plan, METH_VARARGS),
    M("op_add", plan_op_add, METH_VARARGS),
    M("add_initiative", plan_add_initiative, METH_VARARGS),
    M("initiative_set", plan_initiative_set, METH_VARARGS),
    M("initiative_add", plan_initiative_add, METH_VARARGS),
    M("add_loan", plan_add_loan, METH_VARARGS),
    M("set_budget_total", plan_set_budget_total, METH_VARARGS),
    M("add_budget_limit", plan_add_budget_limit, METH_VARARGS),
    M("add_person", plan_add_person, METH_VARARGS),
    M("person_add_away", plan_person_add_away, METH_VARARGS),
    M("info", plan_info, METH_NOARGS),
    M("solve", plan_solve, METH_VARARGS),
    M("explain", plan_explain, METH_VARARGS),
    { NULL, NULL, 0, NULL }
};

static PyMethodDef result_methods[] = {
    M("info", result_info, METH_NOARGS),
    M("table", result_table, METH_VARARGS),
    M("write", result_write, METH_VARARGS),
    M("save", result_save, METH_VARARGS),
    M("report", result_report, METH_VARARGS),
    { NULL, NULL, 0, NULL }
};

static PyMethodDef scenario_methods[] = {
    M("edit", scenario_edit, METH_VARARGS),
    M("set_initiative", scenario_set_initiative, METH_VARARGS),
    M("save", scenario_save, METH_VARARGS),
    M("info", scenario_info, METH_NOARGS),
    { NULL, NULL, 0, NULL }
};

static PyMethodDef comparison_methods[] = {
    M("count", comparison_count, METH_NOARGS),
    M("item", comparison_item, METH_VARARGS),
    M("write", comparison_write, METH_VARARGS),
    { NULL, NULL, 0, NULL }
};

static PyMethodDef sweep_methods[] = {
    M("count", sweep_count, METH_NOARGS),
    M("item", sweep_item, METH_VARARGS),
    M("write", sweep_write, METH_VARARGS),
    { NULL, NULL, 0, NULL }
};

static PyMethodDef module_methods[] = {
    M("set_error_factory", set_error_factory, METH_O),
    M("read_plan", read_plan, METH_VARARGS),
    M("read_plan_bytes", read_plan_bytes, METH_VARARGS),
    M("read_scenario", read_scenario, METH_VARARGS),
    M("read_result", read_result, METH_VARARGS),
    M("template_plan", template_plan, METH_NOARGS),
    M("compare", compare, METH_VARARGS),
    M("sweep", sweep, METH_VARARGS),
    M("version", version, METH_NOARGS),
    { NULL, NULL, 0, NULL }
};

static int ready(PyTypeObject *t, const char *name, size_t size,
                 destructor dealloc, PyMethodDef *methods, newfunc new_)
{
    t->tp_name = name;
    t->tp_basicsize = (Py_ssize_t)size;
    t->tp_dealloc = dealloc;
    t->tp_flags = Py_TPFLAGS_DEFAULT;
    t->tp_methods = methods;
    t->tp_new = new_;
    t->tp_doc = "a handle of libopsalign (see the opsalign package)";
    return PyType_Ready(t);
}

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_opsalign",
    "The C side of the opsalign package: libopsalign's handles.", -1,
    module_methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit__opsalign(void);

PyMODINIT_FUNC PyInit__opsalign(void)
{
    PyObject *m;
    if (ready(&PlanType, "opsalign._opsalign.Plan", sizeof(PlanObject),
              (destructor)plan_dealloc, plan_methods, plan_new) < 0 ||
        ready(&ScenarioType, "opsalign._opsalign.Scenario",
              sizeof(ScenarioObject), (destructor)scenario_dealloc,
              scenario_methods, scenario_new) < 0 ||
        ready(&ResultType, "opsalign._opsalign.Result", sizeof(ResultObject),
              (destructor)result_dealloc, result_methods, NULL) < 0 ||
        ready(&ComparisonType, "opsalign._opsalign.Comparison",
              sizeof(ComparisonObject), (destructor)comparison_dealloc,
              comparison_methods, NULL) < 0 ||
        ready(&SweepType, "opsalign._opsalign.Sweep", sizeof(SweepObject),
              (destructor)sweep_dealloc, sweep_methods, NULL) < 0)
        return NULL;
    m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObject(m, "Plan", Py_NewRef((PyObject *)&PlanType)) ||
        PyModule_AddObject(m, "Scenario",
                           Py_NewRef((PyObject *)&ScenarioType)) ||
        PyModule_AddObject(m, "Result", Py_NewRef((PyObject *)&ResultType)) ||
        PyModule_AddObject(m, "Comparison",
                           Py_NewRef((PyObject *)&ComparisonType)) ||
        PyModule_AddObject(m, "Sweep", Py_NewRef((PyObject *)&SweepType))) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
