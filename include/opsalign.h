/*
 * libopsalign: plans an organization's year as a mixed-integer program.
 *
 * The one header to include.  Every function starts with oa_, every macro
 * and constant with OA_.  See each module header for the reference.
 */
#ifndef OPSALIGN_H
#define OPSALIGN_H

#include "opsalign/version.h"
#include "opsalign/common.h"
#include "opsalign/plan.h"
#include "opsalign/read.h"
#include "opsalign/workbook.h"
#include "opsalign/solve.h"
#include "opsalign/explain.h"
#include "opsalign/scenario.h"
#include "opsalign/compare.h"
#include "opsalign/sweep.h"
#include "opsalign/people.h"
#include "opsalign/brief.h"
#include "opsalign/report.h"

#endif
