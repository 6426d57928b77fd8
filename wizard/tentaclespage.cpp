#include "tentaclespage.h"

#include "migrationplan.h"
#include "plannedsteppanel.h"

#include <QVBoxLayout>

TentaclesPage::TentaclesPage(MigrationPlan *plan, QWidget *parent)
    : QWizardPage(parent)
    , m_plan(plan)
{
    setObjectName(QStringLiteral("tentaclesPage"));
    setTitle(tr("Polling Tentacles"));
    setSubTitle(tr("Find the polling Tentacles that will stop working when the new instance takes over."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PlannedStepPanel(
        tr("Listening Tentacles accept connections from any server that trusts them, so both instances can "
           "deploy to them. A polling Tentacle connects to one server only, by DNS name or IP address: "
           "unless the new instance keeps the old domain name, each one needs a cloned Tentacle instance on "
           "its deployment target."),
        {tr("List every polling Tentacle registered on the old server, with its roles, environments and "
            "tenants."),
         tr("Mark the ones that need a cloned Tentacle instance, based on your domain name decision."),
         tr("Prepare the clone command for each deployment target (it must run on the target itself, not on "
            "this computer)."),
         tr("Remind you to turn off automatic Tentacle upgrades while both instances run side by side, so "
            "Calamari and Tentacle versions don't flip back and forth.")},
        this));
}
