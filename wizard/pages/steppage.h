#pragma once

#include "planstep.h"

#include <QWizardPage>

// A wizard step whose widgets are built the first time the step is initialised or shown, not when the
// window opens: opening Handover builds only the first step. The constructor sets the object name, title
// and subtitle (the wizard's header and step list need them at once); build() makes the widgets and the
// connections that update them, exactly once. Subclasses override initializeStep() instead of
// initializePage().
class StepPage : public QWizardPage
{
    Q_OBJECT
public:
    StepPage(PlanStep step, const QString &objectName, const QString &subTitle, QWidget *parent = nullptr);

    void initializePage() final;
    bool isBuilt() const { return m_built; }
    // Builds the widgets now if they are not yet (for callers that reach into a page never shown).
    void ensureBuilt();

protected:
    virtual void build() = 0;
    virtual void initializeStep() {}
    void showEvent(QShowEvent *event) override;

private:
    bool m_built = false;
    bool m_building = false;
};
