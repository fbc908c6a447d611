/*
 * A plan with no roadmap: the elastic model of plan-format.md details 12
 * (deficit columns on every capacity and budget row, their sum
 * minimized), and the rows that need more, into the result.
 */
#include "solve_int.h"

#include <math.h>
#include <string.h>

/* The initiatives held at one start in em (pinned, or kept by a re-plan:
 * their only start column fixed at 1) whose work or spend lands on the
 * deficit row k, into c->r->held. */
static int held_on(oap_solve_ctx *c, const oap_model *em, const double *x,
                   size_t k, const oap_row *row)
{
    const oap_resolved *res = c->res;
    int i;
    for (i = 0; i < res->N; i++) {
        const oa_initiative *ini = c->plan->initiatives.v[i];
        const oap_rini *ri = &res->ini[i];
        int s, kept = 0, start = 0;
        double amount = 0;
        size_t q;
        for (s = em->x_s0[i]; s <= em->x_s1[i]; s++) {
            const oap_col *col = &em->cols[em->x_first[i] + s - em->x_s0[i]];
            if (x[em->x_first[i] + s - em->x_s0[i]] > 0.5)
                start = s;
            if (col->lb > 0.5 && !ini->pin)
                kept = 1;
        }
        if (start == 0 || (!ini->pin && !kept))
            continue;
        if (row->kind == OAP_ROW_CAP) {
            for (q = 0; q < ri->ndem; q++)
                if (ri->dem[q].u == row->a && ri->dem[q].r == row->b &&
                    start - 1 + ri->dem[q].k == row->c)
                    amount += ri->dem[q].q;
        } else {
            const oap_budget *b = &em->budgets[row->a];
            int a = start - 1 > b->t0 ? start - 1 : b->t0;
            int z = start - 1 + ri->d - 1 < b->t1 ? start - 1 + ri->d - 1
                                                  : b->t1;
            if (z >= a && ri->cost > 0 &&
                (b->kind != OAP_BUDGET_UNIT || ri->owner == b->index))
                amount = ri->cost / ri->d * (z - a + 1);
        }
        if (amount > 0) {
            oa_held h;
            memset(&h, 0, sizeof h);
            h.deficit = k;
            h.id = oap_result_str(c->r, ini->id);
            h.start = start;
            h.kept = kept;
            h.amount = oap_snap(amount);
            if (h.id == NULL || OAP_VPUSH(c->r->held, h) != OA_OK)
                return OA_ENOMEM;
        }
    }
    return OA_OK;
}

/* Details 12: the least total deficit over capacity and budget rows. */
int oap_diagnose(oap_solve_ctx *c, oa_error *err)
{
    oap_model *em = NULL;
    oap_build_opts bo;
    oap_solution sol;
    size_t j;
    int rc;
    memset(&bo, 0, sizeof bo);
    bo.elastic = 1;
    bo.relax = c->so.relax;
    bo.max_nonzeros = c->max_nonzeros;
    rc = oap_model_build(&em, c->chk, &bo, err);
    if (rc == OA_OK && c->past && c->as_of > 0) {
        int kept;
        rc = oap_model_rebase(em, c->plan, c->past, c->as_of, &kept, err);
        if (rc == OA_OK && c->spent)
            rc = oap_model_spend(em, c->spent, c->as_of);
        if (rc != OA_OK)
            oap_model_free(em);
    }
    if (rc != OA_OK)
        return rc;
    rc = oap_solver_solve(&sol, em, &c->so, err);
    if (rc != OA_OK) {
        oap_model_free(em);
        return rc;
    }
    c->r->status = OA_STATUS_INFEASIBLE;
    c->r->objective = c->r->bound = c->r->gap = NAN;
    if (sol.status == OAP_SOL_OPTIMAL || sol.status == OAP_SOL_FEASIBLE) {
        c->r->deficit = oap_snap(-sol.obj);
        c->r->deficit_proven = sol.status == OAP_SOL_OPTIMAL;
        for (j = 0; j < em->ncols; j++) {
            const oap_col *col = &em->cols[j];
            const oap_row *row;
            oa_deficit d;
            if (col->kind != OAP_COL_DEF || sol.x[j] < 1e-7)
                continue;
            row = &em->rows[col->a];
            memset(&d, 0, sizeof d);
            d.amount = oap_snap(sol.x[j]);
            if (row->kind == OAP_ROW_CAP) {
                d.unit = oap_result_str(c->r, c->plan->units.v[row->a]->id);
                d.resource = oap_result_str(c->r,
                                            c->plan->resources.v[row->b].id);
                d.period = row->c + 1;
            } else {
                const oap_budget *b = &em->budgets[row->a];
                d.is_budget = 1;
                d.budget = b->kind == OAP_BUDGET_TOTAL   ? OA_BUDGET_TOTAL
                           : b->kind == OAP_BUDGET_LIMIT ? OA_BUDGET_RANGE
                                                         : OA_BUDGET_UNIT;
                if (b->kind == OAP_BUDGET_UNIT)
                    d.unit = oap_result_str(c->r,
                                            c->plan->units.v[b->index]->id);
                d.from = b->t0 + 1;
                d.to = b->t1 + 1;
            }
            if (OAP_VPUSH(c->r->deficits, d) != OA_OK ||
                held_on(c, em, sol.x, c->r->deficits.n - 1, row) != OA_OK) {
                rc = OA_ENOMEM;
                break;
            }
        }
    } else {
        /* No elastic solution within the time limit: the plan is still
         * infeasible, but how much is missing is unknown. */
        c->r->deficit = NAN;
        c->r->deficit_proven = 0;
    }
    oap_solution_free(&sol);
    oap_model_free(em);
    return rc;
}

