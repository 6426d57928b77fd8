#pragma once

#include <QWizardPage>

class MigrationPlan;
class QLabel;
class QLineEdit;
class QRadioButton;

// Step 2: does the new instance keep the old domain name? The decision and public URLs go into the plan;
// what follows from it (polling Tentacles, CI URLs, certificates) is analysed by later steps.
class DomainPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DomainPage(MigrationPlan *plan, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void onEdited();
    void refresh();

    MigrationPlan *m_plan;
    QRadioButton *m_keep = nullptr;
    QRadioButton *m_new = nullptr;
    QLineEdit *m_oldPublicUrl = nullptr;
    QLineEdit *m_newPublicUrl = nullptr;
    QLabel *m_issues = nullptr;
};
