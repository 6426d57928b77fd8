#pragma once

#include <QWizardPage>

class MigrationPlan;

// CI integrations: Record every build server and tool that talks to Octopus, so none is left pointing at the
// old instance.
class CiIntegrationsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CiIntegrationsPage(MigrationPlan *plan, QWidget *parent = nullptr);

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
