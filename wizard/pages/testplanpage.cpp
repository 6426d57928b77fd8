#include "testplanpage.h"

#include "migrationplan.h"
#include "plannedsteppanel.h"
#include "planstep.h"

#include <QVBoxLayout>

TestPlanPage::TestPlanPage(MigrationPlan *plan, QWidget *parent)
    : StepPage(PlanStep::TestPlan, QStringLiteral("testPlanPage"),
               tr("Plan how to prove the new instance works, and watch how far it drifts from the old one "
                  "while both run."),
               parent)
    , m_plan(plan)
{}

void TestPlanPage::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PlannedStepPanel(
        tr("Every minute both instances run side by side, they drift apart: deployment processes change, new "
           "packages arrive, releases are created and deployed. If the migration needs more than a few days "
           "(a week at most), consider using the clone as a test instance and cloning again later."),
        {tr("Build a test plan from the projects and steps you deploy most, so the important paths are tried "
            "first."),
         tr("Compare the two instances (projects, variables, releases, deployments) and show what changed on "
            "the old one since it was cloned."),
         tr("Warn when the clone is too old to trust, and suggest re-cloning instead of patching drift by "
            "hand.")},
        this));
}
