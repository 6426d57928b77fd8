#include "testplanpage.h"

#include "driftcontroller.h"
#include "driftview.h"
#include "migrationplan.h"
#include "planstep.h"

#include <QTabWidget>
#include <QVBoxLayout>

TestPlanPage::TestPlanPage(MigrationPlan *plan, DriftController *drift, QWidget *parent)
    : StepPage(PlanStep::TestPlan, QStringLiteral("testPlanPage"),
               tr("Plan how to prove the new instance works, and watch how far it drifts from the old one "
                  "while both run."),
               parent)
    , m_plan(plan)
    , m_drift(drift)
{}

void TestPlanPage::build()
{
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("testPlanTabs"));
    m_tabs->addTab(new DriftView(m_plan, m_drift, m_tabs), tr("&Drift"));
    layout->addWidget(m_tabs);
}
