#pragma once

#include "steppage.h"

class DialogService;
class DriftController;
class TestPlanController;
class MigrationPlan;
class QTabWidget;

// Test plan & drift: what to test on the new instance, from what the old one is used for, and how far the
// two have drifted apart since the clone. Two views in tabs (testPlanTabs: "Test plan", "Drift"), each a view
// of its controller.
class TestPlanPage : public StepPage
{
    Q_OBJECT
public:
    TestPlanPage(MigrationPlan *plan, TestPlanController *testPlan, DriftController *drift,
                 DialogService *dialogs, QWidget *parent = nullptr);

protected:
    void build() override;

private:
    MigrationPlan *m_plan;
    TestPlanController *m_testPlan;
    DriftController *m_drift;
    DialogService *m_dialogs;
    QTabWidget *m_tabs = nullptr;
};
