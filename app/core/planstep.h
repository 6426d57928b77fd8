#pragma once

#include <QList>
#include <QString>

#include <optional>

// The wizard's steps, in order. Shared by the wizard pages, the command line and the tests.
enum class PlanStep
{
    Connect,
    Domain,
    Tentacles,
    CiIntegrations,
    ScriptAudit,
    TestPlan,
    Cutover
};

// The one table of steps: the wizard's pages, the step list beside them, `step:NAME` links and
// `--page NAME` all read it.
struct PlanStepInfo
{
    PlanStep step;
    const char *name;  // stable, for --page and step: links ("connect", "domain", ...)
    const char *title; // translated through QCoreApplication::translate(kPlanStepContext, title)
};

inline constexpr char kPlanStepContext[] = "PlanStep";

// Every step once, in journey order.
const QList<PlanStepInfo> &allSteps();
// The table row of `step`.
const PlanStepInfo &planStepInfo(PlanStep step);
// The step called `name` (trimmed, case-insensitive), if any.
std::optional<PlanStep> planStepForName(const QString &name);
QString planStepName(PlanStep step);
QString planStepTitle(PlanStep step); // translated
QStringList planStepNames();          // in journey order
