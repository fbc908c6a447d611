/*
 * The model oa_solve would build, written out (LP or MPS) for other
 * solvers, or only counted.
 */
#include "fileio.h"
#include "model.h"
#include "solver.h"

#include <stdio.h>
#include <string.h>

OA_API int oa_plan_model_size(oa_model_size *out, const oa_plan *plan,
                              oa_error *err)
{
    oap_model *m = NULL;
    oap_build_opts bo;
    oa_checked *chk = NULL;
    size_t k;
    int rc;
    OAP_ARG(plan && out);
    memset(out, 0, sizeof *out);
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    memset(&bo, 0, sizeof bo);
    rc = oap_model_build(&m, chk, &bo, err);
    if (rc != OA_OK) {
        oa_checked_free(chk);
        return rc;
    }
    out->rows = m->nrows;
    out->columns = m->ncols;
    out->nonzeros = m->nnz;
    for (k = 0; k < m->ncols; k++)
        if (m->cols[k].is_int)
            out->binaries++;
    oap_model_free(m);
    oa_checked_free(chk);
    return OA_OK;
}

OA_API int oa_plan_export(const oa_plan *plan, const char *path,
                          oa_export_format format, oa_error *err)
{
    oap_model *m = NULL;
    oap_build_opts bo;
    oap_atomic a;
    oa_checked *chk = NULL;
    int rc;
    OAP_ARG(plan && path);
    OAP_ARG(format == OA_EXPORT_LP || format == OA_EXPORT_MPS);
    rc = oa_plan_check(&chk, plan, err, NULL);
    if (rc != OA_OK)
        return rc;
    memset(&bo, 0, sizeof bo);
    bo.no_tiebreak = 1;
    rc = oap_model_build(&m, chk, &bo, err);
    if (rc != OA_OK) {
        oa_checked_free(chk);
        return rc;
    }
    rc = oap_atomic_begin(&a, path, err);
    if (rc == OA_OK && format == OA_EXPORT_LP) {
        rc = oap_solver_write(m, plan, a.in_place ? a.path : a.tmp, 0, err);
        if (rc == OA_OK)
            rc = oap_atomic_commit(&a, err);
        else
            oap_atomic_abort(&a);
    } else if (rc == OA_OK) {
        /* MPS has no standard way to say "maximize" (GLPK's reader takes
         * no OBJSENSE section), so the file says it in a comment first. */
        char *tmp2 = a.in_place ? NULL : oap_malloc(strlen(a.tmp) + 3);
        char *data = NULL;
        size_t size = 0;
        static const char head[] =
            "* libopsalign model: the objective is to be MAXIMIZED\n"
            "* (glpsol --max, cbc -max, highs with a maximize option)\n";
        if (!a.in_place && tmp2 == NULL)
            rc = OA_ENOMEM;
        if (rc == OA_OK && tmp2) {
            sprintf(tmp2, "%s.m", a.tmp);
            rc = oap_solver_write(m, plan, tmp2, 1, err);
            if (rc == OA_OK)
                rc = oap_read_file(&data, &size, tmp2, (size_t)1 << 31, err);
            remove(tmp2);
        } else if (rc == OA_OK) {
            rc = oap_solver_write(m, plan, a.path, 1, err);
        }
        if (rc == OA_OK && data)
            rc = oap_atomic_write(&a, head, sizeof head - 1, err);
        if (rc == OA_OK && data)
            rc = oap_atomic_write(&a, data, size, err);
        if (rc == OA_OK)
            rc = oap_atomic_commit(&a, err);
        else
            oap_atomic_abort(&a);
        oap_free(data);
        oap_free(tmp2);
    }
    oap_model_free(m);
    oa_checked_free(chk);
    return rc;
}

