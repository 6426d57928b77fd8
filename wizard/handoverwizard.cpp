#include "handoverwizard.h"

#include "ciintegrationscontroller.h"
#include "ciintegrationspage.h"
#include "connectpage.h"
#include "cutovercontroller.h"
#include "cutoverpage.h"
#include "domainpage.h"
#include "driftcontroller.h"
#include "readinesscontroller.h"
#include "readinessmodel.h"
#include "runbookexportcontroller.h"
#include "scriptauditcontroller.h"
#include "scriptauditpage.h"
#include "serversession.h"
#include "steplist.h"
#include "tentaclescontroller.h"
#include "tentaclespage.h"
#include "testplancontroller.h"
#include "testplanpage.h"

#include <QAbstractButton>
#include <QIcon>

namespace {

// The row of `step` in the PlanStep table (and so in the step list).
int stepRow(PlanStep step)
{
    const QList<PlanStepInfo> &steps = allSteps();
    for (int row = 0; row < steps.size(); ++row) {
        if (steps.at(row).step == step)
            return row;
    }
    return -1;
}

} // namespace

HandoverWizard::HandoverWizard(MigrationPlan *plan, SessionCredentials *credentials,
                               const WizardServices &services, QWidget *parent)
    : QWizard(parent)
    , m_session(new ServerSession(plan, credentials, services.network, this))
    , m_readiness(new ReadinessController(m_session, plan, credentials, services.settings, this))
    , m_cutover(new CutoverController(plan, m_session, this))
    , m_runbookExport(new RunbookExportController(plan, m_session, this))
{
    setObjectName(QStringLiteral("handoverWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoCancelButton | QWizard::NoBackButtonOnStartPage | QWizard::NoDefaultButton);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/handover.svg")).pixmap(QSize(40, 40)));

    for (const PlanStepInfo &info : allSteps())
        setPage(pageId(info.step), createPage(info.step, plan, credentials, services));
    setStartId(pageId(allSteps().constFirst().step));
    m_runbookExport->setSources(m_tentacles, m_ci, m_drift, m_testPlan, m_cutover);

    QStringList titles;
    for (const PlanStepInfo &info : allSteps())
        titles.append(planStepTitle(info.step));
    auto *steps = new StepList(titles, this);
    setSideWidget(steps);
    connect(this, &QWizard::currentIdChanged, steps, [steps](int id) {
        if (const std::optional<PlanStep> step = stepForPageId(id))
            steps->setCurrent(stepRow(*step));
    });

    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("Fi&nish")); // Alt+F opens the File menu
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBackButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNextButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinishButton"));
}

QWizardPage *HandoverWizard::createPage(PlanStep step, MigrationPlan *plan, SessionCredentials *credentials,
                                        const WizardServices &services)
{
    DialogService *dialogs = services.dialogs;
    switch (step) {
    case PlanStep::Connect:
        return new ConnectPage(plan, credentials, m_readiness, services.keychain, this);
    case PlanStep::Domain: {
        auto *page = new DomainPage(plan, m_session, dialogs, this);
        connect(page, &DomainPage::stepLinkActivated, this,
                [this](const QString &name) { goToPage(pageIdForName(name)); });
        return page;
    }
    case PlanStep::Tentacles:
        m_tentacles = new TentaclesController(plan, m_session, this);
        return new TentaclesPage(plan, m_tentacles, m_session, dialogs, this);
    case PlanStep::CiIntegrations:
        m_ci = new CiIntegrationsController(plan, m_session, this);
        return new CiIntegrationsPage(plan, m_ci, m_session, dialogs, this);
    case PlanStep::ScriptAudit:
        return new ScriptAuditPage(plan, scriptAuditController(plan), dialogs, this);
    case PlanStep::TestPlan: {
        m_drift = new DriftController(plan, m_session, this);
        // The test plan takes the audit's API scripts: the audit step's controller, shared.
        m_testPlan = new TestPlanController(plan, m_session, m_drift, scriptAuditController(plan), this);
        return new TestPlanPage(plan, m_testPlan, m_drift, dialogs, this);
    }
    case PlanStep::Cutover: {
        auto *page = new CutoverPage(plan, m_cutover, dialogs, this);
        connect(page, &CutoverPage::exportRunbookRequested, this, &HandoverWizard::exportRunbookRequested);
        connect(page, &CutoverPage::printRunbookRequested, this, &HandoverWizard::printRunbookRequested);
        return page;
    }
    }
    Q_UNREACHABLE();
}

void HandoverWizard::updateRunbookExport(const QString &planFilePath) const
{
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        const ReadinessModel *model = m_readiness->model(role);
        m_runbookExport->setServerStatus(role, model ? model->facts().version : QString(),
                                         m_readiness->checks(role));
    }
    m_runbookExport->setPlanFileName(planFilePath);
}

RunbookDocument::Document HandoverWizard::runbookDocument(const QString &planFilePath) const
{
    updateRunbookExport(planFilePath);
    return m_runbookExport->document();
}

ScriptAuditController *HandoverWizard::scriptAuditController(MigrationPlan *plan)
{
    if (!m_scriptAudit)
        m_scriptAudit = new ScriptAuditController(plan, m_session, this);
    return m_scriptAudit;
}

int HandoverWizard::pageId(PlanStep step)
{
    return static_cast<int>(step);
}

std::optional<PlanStep> HandoverWizard::stepForPageId(int id)
{
    for (const PlanStepInfo &info : allSteps()) {
        if (pageId(info.step) == id)
            return info.step;
    }
    return std::nullopt;
}

QStringList HandoverWizard::pageNames()
{
    return planStepNames();
}

int HandoverWizard::pageIdForName(const QString &name)
{
    const std::optional<PlanStep> step = planStepForName(name);
    return step ? pageId(*step) : -1;
}

int HandoverWizard::nextId() const
{
    const std::optional<PlanStep> step = stepForPageId(currentId());
    if (!step)
        return -1;
    const int row = stepRow(*step);
    const QList<PlanStepInfo> &steps = allSteps();
    return row + 1 < steps.size() ? pageId(steps.at(row + 1).step) : -1;
}

bool HandoverWizard::goToPage(int id)
{
    if (!pageIds().contains(id))
        return false;
    restart();
    for (int guard = 0; currentId() != id && guard < pageIds().size(); ++guard)
        next();
    return currentId() == id;
}

void HandoverWizard::done(int result)
{
    // Embedded: never hide. Escape (Rejected) is ignored; Finish validates the page and asks to close.
    if (result == QDialog::Accepted && validateCurrentPage())
        Q_EMIT finishRequested();
}
