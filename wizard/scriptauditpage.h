#pragma once

#include <QWizardPage>

class MigrationPlan;

// Script audit: Find scripts that call the Octopus API or name the old server, before they break after the
// move. Placeholder for the script-audit feature; another change replaces the body. Keep the constructor.
class ScriptAuditPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ScriptAuditPage(MigrationPlan *plan, QWidget *parent = nullptr);

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
