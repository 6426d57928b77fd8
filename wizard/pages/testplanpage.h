#pragma once

#include "steppage.h"

class MigrationPlan;

// Test plan & drift: Plan how to prove the new instance works, and watch how far it drifts from the old one
// while both run.
class TestPlanPage : public StepPage
{
    Q_OBJECT
public:
    explicit TestPlanPage(MigrationPlan *plan, QWidget *parent = nullptr);

protected:
    void build() override;

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
