#include "planstep.h"

#include <QCoreApplication>
#include <QStringList>

const QList<PlanStepInfo> &allSteps()
{
    static const QList<PlanStepInfo> steps{
        {PlanStep::Connect, "connect", QT_TRANSLATE_NOOP("PlanStep", "Connect")},
        {PlanStep::Domain, "domain", QT_TRANSLATE_NOOP("PlanStep", "Domain name")},
        {PlanStep::Tentacles, "tentacles", QT_TRANSLATE_NOOP("PlanStep", "Polling Tentacles")},
        {PlanStep::CiIntegrations, "ci", QT_TRANSLATE_NOOP("PlanStep", "CI integrations")},
        {PlanStep::ScriptAudit, "audit", QT_TRANSLATE_NOOP("PlanStep", "Script audit")},
        {PlanStep::TestPlan, "testplan", QT_TRANSLATE_NOOP("PlanStep", "Test plan & drift")},
        {PlanStep::Cutover, "cutover", QT_TRANSLATE_NOOP("PlanStep", "Cutover")},
    };
    return steps;
}

const PlanStepInfo &planStepInfo(PlanStep step)
{
    for (const PlanStepInfo &info : allSteps()) {
        if (info.step == step)
            return info;
    }
    Q_UNREACHABLE();
}

std::optional<PlanStep> planStepForName(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    for (const PlanStepInfo &info : allSteps()) {
        if (wanted == QLatin1String(info.name))
            return info.step;
    }
    return std::nullopt;
}

QString planStepName(PlanStep step)
{
    return QString::fromLatin1(planStepInfo(step).name);
}

QString planStepTitle(PlanStep step)
{
    return QCoreApplication::translate(kPlanStepContext, planStepInfo(step).title);
}

QStringList planStepNames()
{
    QStringList names;
    for (const PlanStepInfo &info : allSteps())
        names.append(QString::fromLatin1(info.name));
    return names;
}
