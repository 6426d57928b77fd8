#pragma once

#include <QWizardPage>

class MigrationPlan;

// Cutover: Move everyone to the new instance in a short, planned window of downtime.
class CutoverPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CutoverPage(MigrationPlan *plan, QWidget *parent = nullptr);

private:
    [[maybe_unused]] MigrationPlan *m_plan; // read and written once the step is built
};
