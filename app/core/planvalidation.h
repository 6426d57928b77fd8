#pragma once

#include "migrationplan.h"
#include "planstep.h"

#include <QList>
#include <QString>

struct PlanIssue
{
    enum class Severity
    {
        Error,
        Warning
    }; // an Error keeps the step from being complete
    Severity severity = Severity::Error;
    QString field;   // stable identifier, e.g. "oldServer.url"
    QString message; // translated, for people
    bool operator==(const PlanIssue &) const = default;
};

// Pure: what is missing or wrong in `plan` for `step`. No I/O.
QList<PlanIssue> issuesFor(PlanStep step, const PlanData &plan);
bool hasErrors(const QList<PlanIssue> &issues);
