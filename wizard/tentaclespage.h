#pragma once

#include <QWizardPage>

class MigrationPlan;

// Polling Tentacles: Find the polling Tentacles that will stop working when the new instance takes over.
class TentaclesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TentaclesPage(MigrationPlan *plan, QWidget *parent = nullptr);

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
