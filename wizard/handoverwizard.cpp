#include "handoverwizard.h"

#include "ciintegrationspage.h"
#include "connectpage.h"
#include "cutoverpage.h"
#include "domainpage.h"
#include "readinesscontroller.h"
#include "scriptauditpage.h"
#include "serversession.h"
#include "steplist.h"
#include "tentaclespage.h"
#include "testplanpage.h"

#include <QAbstractButton>
#include <QIcon>

HandoverWizard::HandoverWizard(MigrationPlan *plan, SessionCredentials *credentials, QWidget *parent,
                               DialogService *dialogs)
    : QWizard(parent)
    , m_session(new ServerSession(plan, credentials, this))
    , m_readiness(new ReadinessController(m_session, plan, credentials, this))
{
    setObjectName(QStringLiteral("handoverWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoCancelButton | QWizard::NoBackButtonOnStartPage | QWizard::NoDefaultButton);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/handover.svg")).pixmap(QSize(40, 40)));

    setPage(Connect, new ConnectPage(plan, credentials, m_readiness, this));
    auto *domainPage = new DomainPage(plan, m_session, this);
    setPage(Domain, domainPage);
    connect(domainPage, &DomainPage::stepLinkActivated, this,
            [this](const QString &name) { goToPage(pageIdForName(name)); });
    setPage(Tentacles, new TentaclesPage(plan, m_session, dialogs, this));
    setPage(CiIntegrations, new CiIntegrationsPage(plan, this));
    setPage(ScriptAudit, new ScriptAuditPage(plan, m_session, this));
    setPage(TestPlan, new TestPlanPage(plan, this));
    setPage(Cutover, new CutoverPage(plan, this));
    setStartId(Connect);

    auto *steps =
        new StepList({tr("Connect"), tr("Domain name"), tr("Polling Tentacles"), tr("CI integrations"),
                      tr("Script audit"), tr("Test plan & drift"), tr("Cutover")},
                     this);
    setSideWidget(steps);
    connect(this, &QWizard::currentIdChanged, steps, [steps](int id) {
        if (id >= 0)
            steps->setCurrent(id);
    });

    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("Fi&nish")); // Alt+F opens the File menu
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBackButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNextButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinishButton"));
}

QStringList HandoverWizard::pageNames()
{
    return {QStringLiteral("connect"), QStringLiteral("domain"), QStringLiteral("tentacles"),
            QStringLiteral("ci"),      QStringLiteral("audit"),  QStringLiteral("testplan"),
            QStringLiteral("cutover")};
}

int HandoverWizard::pageIdForName(const QString &name)
{
    return pageNames().indexOf(name.trimmed().toLower());
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
