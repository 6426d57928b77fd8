#include "scriptauditpage.h"

#include "migrationplan.h"
#include "plannedsteppanel.h"

#include <QVBoxLayout>

ScriptAuditPage::ScriptAuditPage(MigrationPlan *plan, QWidget *parent)
    : QWizardPage(parent)
    , m_plan(plan)
{
    setObjectName(QStringLiteral("scriptAuditPage"));
    setTitle(tr("Script audit"));
    setSubTitle(tr(
        "Find scripts that call the Octopus API or name the old server, before they break after the move."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PlannedStepPanel(
        tr("Internally developed tools, step scripts, runbooks and script modules may call the Octopus API "
           "directly. The API stays largely backward compatible, but some calls change between versions, and "
           "hard-coded URLs break when the domain name changes."),
        {tr("Scan deployment process steps, runbooks and script modules on the old server for Octopus API "
            "calls and for the old server's name or address."),
         tr("Flag calls that behave differently on the new server version, with the reason and a suggested "
            "fix."),
         tr("Let you mark each finding as fixed, accepted or not applicable, and keep that decision in the "
            "plan.")},
        this));
}
