#pragma once

#include "steppage.h"

class MigrationPlan;

// Cutover: Move everyone to the new instance in a short, planned window of downtime.
class CutoverPage : public StepPage
{
    Q_OBJECT
public:
    explicit CutoverPage(MigrationPlan *plan, QWidget *parent = nullptr);

protected:
    void build() override;

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
