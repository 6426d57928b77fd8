#include "testplanpage.h"

#include "driftcontroller.h"
#include "driftview.h"
#include "migrationplan.h"
#include "planstep.h"
#include "testplanview.h"

#include <QTabWidget>
#include <QVBoxLayout>

TestPlanPage::TestPlanPage(MigrationPlan *plan, TestPlanController *testPlan, DriftController *drift,
                           DialogService *dialogs, QWidget *parent)
    : StepPage(PlanStep::TestPlan, QStringLiteral("testPlanPage"),
               tr("Plan how to prove the new instance works, and watch how far it drifts from the old one "
                  "while both run."),
               parent)
    , m_plan(plan)
    , m_testPlan(testPlan)
    , m_drift(drift)
    , m_dialogs(dialogs)
{}

void TestPlanPage::build()
{
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("testPlanTabs"));
    m_tabs->addTab(new TestPlanView(m_plan, m_testPlan, m_dialogs, m_tabs), tr("&Test plan"));
    m_tabs->addTab(new DriftView(m_plan, m_drift, m_dialogs, m_tabs), tr("&Drift"));
    layout->addWidget(m_tabs);
}
