#include "cutoverpage.h"

#include "migrationplan.h"
#include "plannedsteppanel.h"
#include "planstep.h"

#include <QVBoxLayout>

CutoverPage::CutoverPage(MigrationPlan *plan, QWidget *parent)
    : StepPage(PlanStep::Cutover, QStringLiteral("cutoverPage"),
               tr("Move everyone to the new instance in a short, planned window of downtime."), parent)
    , m_plan(plan)
{}

void CutoverPage::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PlannedStepPanel(
        tr("The cutover needs some downtime and is best done off hours. Tentacles do not have to be upgraded "
           "straight away: newer Octopus Servers can talk to older Tentacles, so you can upgrade a set at a "
           "time afterwards."),
        {tr("Produce a runbook for the evening: put the old instance into maintenance mode (read-only), "
            "point CI servers at the new instance or change DNS, then check the new instance."),
         tr("Keep a journal of each cutover step with who did it and when, saved in the plan."),
         tr("Export the runbook and journal as HTML, Markdown or PDF to share with the team.")},
        this));
}
