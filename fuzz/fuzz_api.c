/*
 * Fuzz target: a plan built through the API, the way a host program
 * builds one, with no schema in front of it.  The input is a program:
 * each byte picks a call (add a unit, a capacity, an initiative, a
 * demand, a loan, ...) and the next bytes pick its arguments from small
 * pools of names and of hostile numbers (NaN, infinities, negatives,
 * huge and tiny values, period references that do not exist).  The plan
 * is then validated and, if valid and small, solved for a moment, its
 * result written, and the people assigned.  Every call must return a
 * code; nothing may crash, abort (GLPK included) or leak.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <opsalign.h>

#include "fuzz.h"

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static unsigned byte(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

static const char *const IDS[] = { "a", "b", "c", "d", NULL, "", "a b",
                                   "\xff\xfe", "x" };
static const char *const PERIODS[] = { NULL, "2027-01", "2027-06",
                                       "2027-12", "2028-01", "2026-12",
                                       "2027-Q2", "2027-W10", "bogus", "" };

static const char *id(reader *r)
{
    return IDS[byte(r) % (sizeof IDS / sizeof *IDS)];
}

static const char *period(reader *r)
{
    return PERIODS[byte(r) % (sizeof PERIODS / sizeof *PERIODS)];
}

static double num(reader *r)
{
    unsigned b = byte(r);
    switch (b % 16) {
    case 0: return NAN;
    case 1: return INFINITY;
    case 2: return -INFINITY;
    case 3: return -1;
    case 4: return 0;
    case 5: return 1e308;
    case 6: return 5e-324;
    case 7: return 1e12;
    case 8: return 0.5;
    case 9: return -0.0;
    default: return (double)(b >> 2); /* 0..63: plain values */
    }
}

static int small_int(reader *r)
{
    unsigned b = byte(r);
    switch (b % 8) {
    case 0: return -1;
    case 1: return 0;
    case 2: return 1000000;
    case 3: return -2147483647 - 1;
    default: return (int)(b >> 3); /* 0..31 */
    }
}

/* The arguments of one call, read in a fixed order (C leaves the order
 * of evaluation of a call's arguments open, and a saved input must mean
 * the same program to every compiler). */
typedef struct args {
    const char *id[4];
    const char *per[2];
    double num[3];
    int n[2];
    unsigned bits;
} args;

static void read_args(args *a, reader *r)
{
    int k;
    for (k = 0; k < 4; k++)
        a->id[k] = id(r);
    for (k = 0; k < 2; k++)
        a->per[k] = period(r);
    for (k = 0; k < 3; k++)
        a->num[k] = num(r);
    for (k = 0; k < 2; k++)
        a->n[k] = small_int(r);
    a->bits = byte(r);
}

static void build(oa_plan *plan, reader *r)
{
    oa_unit *unit = NULL;
    oa_initiative *ini = NULL;
    oa_operating_plan *op = NULL;
    oa_person *pe = NULL;
    args a;

    while (r->n > 0) {
        unsigned call = byte(r) % 24;
        read_args(&a, r);
        switch (call) {
        case 0:
            (void)oa_plan_set_horizon(plan, a.per[0], (oa_step)(a.bits % 4),
                                      a.n[0]);
            break;
        case 1:
            (void)oa_plan_add_period(plan, a.per[0]);
            break;
        case 2:
            (void)oa_plan_add_resource(plan, a.id[0], a.id[1], a.id[2]);
            break;
        case 3:
            (void)oa_plan_add_objective(plan, a.id[0], a.id[1], a.num[0]);
            break;
        case 4:
            if (oa_plan_add_unit(&unit, plan, a.id[0], a.id[1]) != OA_OK)
                unit = NULL;
            break;
        case 5:
            if (unit)
                (void)oa_unit_add_capacity(unit, a.id[0], a.num[0], a.per[0],
                                           a.per[1]);
            break;
        case 6:
            if (unit)
                (void)oa_unit_add_overtime(unit, a.id[0], a.num[0], a.num[1]);
            break;
        case 7:
            if (unit)
                (void)oa_unit_add_contractors(unit, a.id[0], a.num[0],
                                              a.num[1], a.per[0], a.per[1]);
            break;
        case 8:
            if (unit && (a.bits & 8))
                (void)oa_unit_add_budget_range(unit, a.num[0], a.per[0],
                                               a.per[1]);
            else if (unit)
                (void)oa_unit_add_budget(unit, a.num[0]);
            break;
        case 9:
            if (oa_plan_add_operating_plan(&op, plan, a.id[0], a.id[1],
                                           a.num[0]) != OA_OK)
                op = NULL;
            break;
        case 10:
            if (op)
                (void)oa_operating_plan_add_demand(op, a.id[0], a.num[0],
                                                   a.per[0], a.per[1]);
            break;
        case 11:
            if (op)
                (void)oa_operating_plan_add_driver_demand(
                    op, a.id[0], a.num[0], a.num[1], a.per[0], a.per[1]);
            break;
        case 12:
            if (op)
                (void)oa_operating_plan_set_service_level(op, a.num[0],
                                                          a.num[1]);
            break;
        case 13:
            if (oa_plan_add_initiative(&ini, plan, a.id[0], a.n[0]) != OA_OK)
                ini = NULL;
            break;
        case 14:
            if (ini) {
                (void)oa_initiative_set_value(ini, a.num[0]);
                (void)oa_initiative_set_cost(ini, a.num[1]);
                (void)oa_initiative_set_benefit_per_period(ini, a.num[2]);
            }
            break;
        case 15:
            if (ini) {
                (void)oa_initiative_set_earliest(ini, a.per[0]);
                (void)oa_initiative_set_deadline(ini, a.per[1]);
                (void)oa_initiative_set_mandatory(ini, (int)(a.bits & 1));
                (void)oa_initiative_set_forbidden(ini, (int)(a.bits & 4));
                (void)oa_initiative_set_owner(ini, a.id[0]);
                (void)oa_initiative_set_duration(ini, a.n[0]);
                (void)oa_initiative_set_pin(ini, (a.bits & 16) ? a.per[1]
                                                                : NULL);
                (void)oa_initiative_set_stability(
                    ini, (a.bits & 32) ? a.num[0] : NAN,
                    (a.bits & 64) ? a.num[1] : NAN);
            }
            break;
        case 16:
            if (ini)
                (void)oa_initiative_add_demand(ini, a.id[0], a.id[1],
                                               a.num[0], a.n[0], a.n[1]);
            break;
        case 17:
            if (ini) {
                (void)oa_initiative_add_requirement(ini, a.id[0], a.n[0]);
                (void)oa_initiative_add_exclusion(ini, a.id[1]);
            }
            break;
        case 18:
            if (ini) {
                (void)oa_initiative_add_effect(ini, a.id[0], a.id[1],
                                               a.num[0]);
                (void)oa_initiative_add_contribution(ini, a.id[2], a.num[1]);
            }
            break;
        case 19:
            (void)oa_plan_add_loan(plan, a.id[0], a.id[1], a.id[2], a.num[0],
                                   a.num[1], a.num[2]);
            break;
        case 20:
            (void)oa_plan_set_budget_total(plan, a.num[0]);
            break;
        case 21:
            (void)oa_plan_add_budget_limit(plan, a.per[0], a.per[1],
                                           a.num[0]);
            break;
        case 22:
            if (oa_plan_add_person(&pe, plan, a.id[0], a.id[1], a.id[2],
                                   a.id[3], a.num[0], a.num[1]) != OA_OK)
                pe = NULL;
            break;
        default:
            if (pe) {
                (void)oa_person_add_away(pe, a.per[0], a.per[1], a.num[0]);
                (void)oa_person_set_max_initiatives(pe, a.n[0]);
            }
            break;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = { data, size };
    oa_plan *plan = NULL;
    oa_error_list *all = NULL;
    oa_model_size ms;
    oa_error err;

    fuzz_init();
    if (oa_plan_new(&plan) != OA_OK)
        return 0;
    build(plan, &r);
    if (oa_error_list_new(&all) != OA_OK)
        goto out;
    if (oa_plan_validate(plan, &err, all) != OA_OK) {
        /* FUZZ_VERBOSE=1: why a seed does not validate. */
        if (getenv("FUZZ_VERBOSE") != NULL) {
            char buf[512];
            (void)oa_error_format(buf, sizeof buf, &err);
            fprintf(stderr, "%s\n", buf);
        }
        goto out;
    }
    if (oa_plan_model_size(&ms, plan, &err) == OA_OK &&
        ms.binaries <= FUZZ_MAX_BINARIES && ms.rows <= FUZZ_MAX_ROWS) {
        oa_solve_opts so = OA_SOLVE_OPTS_INIT;
        oa_result *res = NULL;
        so.time_limit = 0.2;
        if (oa_solve(&res, plan, &so, &err) == OA_OK) {
            oa_assignment *a = NULL;
            char *text = NULL;
            fuzz_check(plan, res);
            if (getenv("FUZZ_VERBOSE") != NULL)
                fprintf(stderr, "%s %g\n", oa_status_name(oa_result_status(res)),
                        oa_result_objective(res));
            if (oa_result_write(&text, NULL, res, OA_FORMAT_TEXT) == OA_OK)
                oa_free(text);
            if (oa_assign(&a, plan, res, NULL, &err) == OA_OK)
                oa_assignment_free(a);
            /* Against itself as the baseline: priced moves, then
             * re-planned as of period 2. */
            if (oa_result_status(res) == OA_STATUS_OPTIMAL ||
                oa_result_status(res) == OA_STATUS_FEASIBLE) {
                oa_solve_opts bo = so;
                oa_result *again = NULL;
                bo.baseline = res;
                bo.stability = 1.5;
                if (oa_solve(&again, plan, &bo, &err) == OA_OK) {
                    fuzz_check(plan, again);
                    oa_result_free(again);
                }
                bo.as_of = oa_plan_period_count(plan) > 1 ? 2 : 1;
                if (oa_solve(&again, plan, &bo, &err) == OA_OK) {
                    fuzz_check(plan, again);
                    oa_result_free(again);
                }
            }
            oa_result_free(res);
        }
    }
out:
    oa_error_list_free(all);
    oa_plan_free(plan);
    return 0;
}
