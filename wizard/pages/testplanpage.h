#pragma once

#include "steppage.h"

class DriftController;
class MigrationPlan;
class QTabWidget;

// Test plan & drift: what to test on the new instance, from what the old one is used for, and how far the
// two have drifted apart since the clone. Two views in tabs (testPlanTabs: "Test plan", "Drift"), each a view
// of its controller.
class TestPlanPage : public StepPage
{
    Q_OBJECT
public:
    TestPlanPage(MigrationPlan *plan, DriftController *drift, QWidget *parent = nullptr);

protected:
    void build() override;

private:
    MigrationPlan *m_plan;
    DriftController *m_drift;
    QTabWidget *m_tabs = nullptr;
};
