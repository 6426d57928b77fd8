#include "domainpage.h"

#include "migrationplan.h"
#include "plannedsteppanel.h"
#include "planvalidation.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

DomainPage::DomainPage(MigrationPlan *plan, QWidget *parent)
    : QWizardPage(parent)
    , m_plan(plan)
{
    setObjectName(QStringLiteral("domainPage"));
    setTitle(tr("Domain name"));
    setSubTitle(
        tr("Decide whether the new instance keeps the old instance's domain name or gets a new one."));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    m_keep =
        new QRadioButton(tr("&Keep the same domain name: DNS moves to the new instance at cutover"), this);
    m_keep->setObjectName(QStringLiteral("domainKeepRadio"));
    m_new = new QRadioButton(tr("Use a ne&w domain name for the new instance"), this);
    m_new->setObjectName(QStringLiteral("domainNewRadio"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_keep);
    group->addButton(m_new);
    layout->addWidget(m_keep);
    layout->addWidget(m_new);

    auto *form = new QFormLayout;
    form->setContentsMargins(24, 4, 0, 4);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_oldPublicUrl = new QLineEdit(this);
    m_oldPublicUrl->setObjectName(QStringLiteral("domainOldPublicUrlEdit"));
    m_oldPublicUrl->setPlaceholderText(tr("https://octopusdeploy.example.com"));
    auto *oldLabel = new QLabel(tr("Public URL &today:"), this);
    oldLabel->setBuddy(m_oldPublicUrl);
    form->addRow(oldLabel, m_oldPublicUrl);
    m_newPublicUrl = new QLineEdit(this);
    m_newPublicUrl->setObjectName(QStringLiteral("domainNewPublicUrlEdit"));
    m_newPublicUrl->setPlaceholderText(tr("https://octopus.example.com"));
    auto *newLabel = new QLabel(tr("New public &URL:"), this);
    newLabel->setBuddy(m_newPublicUrl);
    form->addRow(newLabel, m_newPublicUrl);
    layout->addLayout(form);

    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("domainIssuesLabel"));
    m_issues->setWordWrap(true);
    m_issues->setStyleSheet(QStringLiteral("color: #57606a;"));
    layout->addWidget(m_issues);

    layout->addSpacing(6);
    layout->addWidget(new PlannedStepPanel(
        tr("A polling Tentacle connects to exactly one server by its DNS name or IP address. If the name "
           "changes, every polling Tentacle needs a cloned Tentacle instance registered with the new "
           "server."),
        {tr("Look up which public URL Tentacles, CI servers and scripts use today."),
         tr("Show what a name change means: polling Tentacles to clone, CI plug-ins and scripts to repoint, "
            "certificates to reissue."),
         tr("Carry the decision into the Polling Tentacles, CI integrations and Cutover steps.")},
        this,
        tr("Coming in a later version of Handover: the analysis above. Today your decision and the public "
           "URLs "
           "are recorded in the plan.")));

    connect(m_keep, &QRadioButton::toggled, this, &DomainPage::onEdited);
    connect(m_new, &QRadioButton::toggled, this, &DomainPage::onEdited);
    connect(m_oldPublicUrl, &QLineEdit::textEdited, this, &DomainPage::onEdited);
    connect(m_newPublicUrl, &QLineEdit::textEdited, this, &DomainPage::onEdited);
}

void DomainPage::initializePage()
{
    const DomainDecision &domain = m_plan->domain();
    const QSignalBlocker keepBlocker(m_keep);
    const QSignalBlocker newBlocker(m_new);
    m_keep->setChecked(domain.choice == DomainDecision::Choice::KeepName);
    m_new->setChecked(domain.choice == DomainDecision::Choice::NewName);
    m_oldPublicUrl->setText(domain.oldPublicUrl.toString());
    m_newPublicUrl->setText(domain.newPublicUrl.toString());
    refresh();
}

bool DomainPage::isComplete() const
{
    return !hasErrors(issuesFor(PlanStep::Domain, m_plan->data()));
}

void DomainPage::onEdited()
{
    DomainDecision domain = m_plan->domain();
    domain.choice = m_keep->isChecked()  ? DomainDecision::Choice::KeepName
                    : m_new->isChecked() ? DomainDecision::Choice::NewName
                                         : DomainDecision::Choice::Undecided;
    domain.oldPublicUrl = QUrl(m_oldPublicUrl->text().trimmed());
    domain.newPublicUrl = QUrl(m_newPublicUrl->text().trimmed());
    m_plan->setDomain(domain);
    refresh();
    Q_EMIT completeChanged();
}

void DomainPage::refresh()
{
    m_newPublicUrl->setEnabled(m_new->isChecked());
    QStringList lines;
    for (const PlanIssue &issue : issuesFor(PlanStep::Domain, m_plan->data()))
        lines << issue.message;
    m_issues->setText(lines.join(QLatin1Char('\n')));
}
