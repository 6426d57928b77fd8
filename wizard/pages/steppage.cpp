#include "steppage.h"

StepPage::StepPage(PlanStep step, const QString &objectName, const QString &subTitle, QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(objectName);
    setTitle(planStepTitle(step));
    setSubTitle(subTitle);
}

void StepPage::initializePage()
{
    ensureBuilt();
    initializeStep();
}

void StepPage::ensureBuilt()
{
    if (m_built || m_building)
        return;
    m_building = true;
    build();
    m_building = false;
    m_built = true;
}

void StepPage::showEvent(QShowEvent *event)
{
    ensureBuilt();
    QWizardPage::showEvent(event);
}
