#include "ciintegrationspage.h"

#include "migrationplan.h"
#include "plannedsteppanel.h"
#include "planstep.h"

#include <QVBoxLayout>

CiIntegrationsPage::CiIntegrationsPage(MigrationPlan *plan, QWidget *parent)
    : StepPage(PlanStep::CiIntegrations, QStringLiteral("ciIntegrationsPage"),
               tr("Record every build server and tool that talks to Octopus, so none is left pointing at "
                  "the old instance."),
               parent)
    , m_plan(plan)
{}

void CiIntegrationsPage::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PlannedStepPanel(
        tr("Build servers push packages, create releases and trigger deployments through the Octopus API. "
           "Each needs its server URL and API key changed at cutover, and its Octopus plug-in may need an "
           "update for the new server version."),
        {tr("List the CI servers and their Octopus plug-ins (Jenkins, TeamCity, Azure DevOps, GitHub "
            "Actions, Bamboo and others), with the plug-in versions in use."),
         tr("Record where each one keeps the Octopus server URL and API key."),
         tr("Track, per integration, that it points at the new instance before you cut over (or that the DNS "
            "change covers it).")},
        this));
}
