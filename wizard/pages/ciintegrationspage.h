#pragma once

#include "steppage.h"

class MigrationPlan;

// CI integrations: Record every build server and tool that talks to Octopus, so none is left pointing at the
// old instance.
class CiIntegrationsPage : public StepPage
{
    Q_OBJECT
public:
    explicit CiIntegrationsPage(MigrationPlan *plan, QWidget *parent = nullptr);

protected:
    void build() override;

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
