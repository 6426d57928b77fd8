#include "domainpage.h"

#include "dialogservice.h"
#include "domainconsequences.h"
#include "domainexportwriter.h"
#include "migrationplan.h"
#include "planvalidation.h"
#include "serversession.h"
#include "tentaclemachines.h"

#include <QButtonGroup>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QHostAddress>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cstring>

namespace {

constexpr char kStepLinkScheme[] = "step:";

// <a href="step:NAME">Title</a> for `step`, both read from the PlanStep table.
QString stepLink(PlanStep step)
{
    return QStringLiteral("<a href=\"%1%2\">%3</a>")
        .arg(QLatin1String(kStepLinkScheme), planStepName(step), planStepTitle(step).toHtmlEscaped());
}

QString hostOf(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url = QUrl::fromUserInput(trimmed);
    return url.host();
}

} // namespace

DomainPage::DomainPage(MigrationPlan *plan, ServerSession *session, DialogService *dialogs, QWidget *parent)
    : StepPage(PlanStep::Domain, QStringLiteral("domainPage"),
               tr("Decide whether the new instance keeps the old instance's domain name or gets a new one."),
               parent)
    , m_plan(plan)
    , m_session(session)
    , m_dialogs(dialogs)
{}

void DomainPage::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setSpacing(10);

    m_keep =
        new QRadioButton(tr("&Keep the same domain name: DNS moves to the new instance at cutover"), content);
    m_keep->setObjectName(QStringLiteral("domainKeepRadio"));
    m_new = new QRadioButton(tr("Use a ne&w domain name for the new instance"), content);
    m_new->setObjectName(QStringLiteral("domainNewRadio"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_keep);
    group->addButton(m_new);
    layout->addWidget(m_keep);
    layout->addWidget(m_new);

    auto *form = new QFormLayout;
    form->setContentsMargins(24, 4, 0, 4);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_oldPublicUrl = new QLineEdit(content);
    m_oldPublicUrl->setObjectName(QStringLiteral("domainOldPublicUrlEdit"));
    m_oldPublicUrl->setPlaceholderText(tr("https://octopusdeploy.example.com"));
    auto *oldLabel = new QLabel(tr("Public URL &today:"), content);
    oldLabel->setBuddy(m_oldPublicUrl);
    form->addRow(oldLabel, m_oldPublicUrl);
    m_newPublicUrl = new QLineEdit(content);
    m_newPublicUrl->setObjectName(QStringLiteral("domainNewPublicUrlEdit"));
    m_newPublicUrl->setPlaceholderText(tr("https://octopus.example.com"));
    auto *newLabel = new QLabel(tr("New public &URL:"), content);
    newLabel->setBuddy(m_newPublicUrl);
    form->addRow(newLabel, m_newPublicUrl);
    auto *hint =
        new QLabel(tr("The names users and Tentacles know. They may differ from the URLs this wizard "
                      "uses to reach the servers before DNS moves."),
                   content);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #57606a;"));
    hint->setContentsMargins(0, 0, 0, 0);
    form->addRow(hint);
    layout->addLayout(form);

    m_issues = new QLabel(content);
    m_issues->setObjectName(QStringLiteral("domainIssuesLabel"));
    m_issues->setWordWrap(true);
    m_issues->setStyleSheet(QStringLiteral("color: #57606a;"));
    layout->addWidget(m_issues);

    // Name resolution
    auto *resolveBox = new QGroupBox(tr("What the names resolve to from this computer"), content);
    auto *resolveGrid = new QGridLayout(resolveBox);
    resolveGrid->addWidget(new QLabel(tr("Today's name:"), resolveBox), 0, 0);
    m_oldResolve = new QLabel(resolveBox);
    m_oldResolve->setObjectName(QStringLiteral("domainOldResolveLabel"));
    m_oldResolve->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_oldResolve->setWordWrap(true);
    resolveGrid->addWidget(m_oldResolve, 0, 1);
    resolveGrid->addWidget(new QLabel(tr("New name:"), resolveBox), 1, 0);
    m_newResolve = new QLabel(resolveBox);
    m_newResolve->setObjectName(QStringLiteral("domainNewResolveLabel"));
    m_newResolve->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_newResolve->setWordWrap(true);
    resolveGrid->addWidget(m_newResolve, 1, 1);
    m_resolveButton = new QPushButton(tr("&Resolve again"), resolveBox);
    m_resolveButton->setObjectName(QStringLiteral("domainResolveButton"));
    resolveGrid->addWidget(m_resolveButton, 0, 2, 2, 1, Qt::AlignTop);
    resolveGrid->setColumnStretch(1, 1);
    layout->addWidget(resolveBox);

    // Consequences
    auto *consequencesBox = new QGroupBox(tr("What this decision means"), content);
    auto *consequencesLayout = new QVBoxLayout(consequencesBox);
    auto *inventoryRow = new QHBoxLayout;
    m_inventoryStatus = new QLabel(consequencesBox);
    m_inventoryStatus->setObjectName(QStringLiteral("domainInventoryStatusLabel"));
    m_inventoryStatus->setWordWrap(true);
    inventoryRow->addWidget(m_inventoryStatus, 1);
    m_inventoryProgress = new QProgressBar(consequencesBox);
    m_inventoryProgress->setObjectName(QStringLiteral("domainInventoryProgress"));
    m_inventoryProgress->setMaximumWidth(160);
    m_inventoryProgress->hide();
    inventoryRow->addWidget(m_inventoryProgress);
    m_inventoryButton = new QPushButton(tr("Take &inventory"), consequencesBox);
    m_inventoryButton->setObjectName(QStringLiteral("domainInventoryButton"));
    inventoryRow->addWidget(m_inventoryButton);
    m_inventoryCancel = new QPushButton(tr("Cancel"), consequencesBox);
    m_inventoryCancel->setObjectName(QStringLiteral("domainInventoryCancelButton"));
    m_inventoryCancel->hide();
    inventoryRow->addWidget(m_inventoryCancel);
    consequencesLayout->addLayout(inventoryRow);
    m_consequences = new QLabel(consequencesBox);
    m_consequences->setObjectName(QStringLiteral("domainConsequencesLabel"));
    m_consequences->setWordWrap(true);
    m_consequences->setTextFormat(Qt::RichText);
    m_consequences->setOpenExternalLinks(false);
    consequencesLayout->addWidget(m_consequences);
    m_groups = new QTableWidget(0, 4, consequencesBox);
    m_groups->setObjectName(QStringLiteral("domainConsequencesTable"));
    m_groups->setHorizontalHeaderLabels(
        {tr("Space"), tr("Environment"), tr("Polling targets"), tr("Polling workers")});
    m_groups->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_groups->verticalHeader()->hide();
    m_groups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_groups->setSelectionMode(QAbstractItemView::NoSelection);
    m_groups->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_groups->verticalHeader()->setDefaultSectionSize(m_groups->fontMetrics().height() + 8);
    m_groups->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    consequencesLayout->addWidget(m_groups);
    auto *exports = new QHBoxLayout;
    exports->addStretch(1);
    m_exportCsv = new QPushButton(tr("Export CS&V…"), consequencesBox);
    m_exportCsv->setObjectName(QStringLiteral("domainExportCsv"));
    exports->addWidget(m_exportCsv);
    m_exportMarkdown = new QPushButton(tr("Export &Markdown…"), consequencesBox);
    m_exportMarkdown->setObjectName(QStringLiteral("domainExportMarkdown"));
    exports->addWidget(m_exportMarkdown);
    consequencesLayout->addLayout(exports);
    layout->addWidget(consequencesBox, 1);

    connect(m_keep, &QRadioButton::toggled, this, &DomainPage::onEdited);
    connect(m_new, &QRadioButton::toggled, this, &DomainPage::onEdited);
    connect(m_oldPublicUrl, &QLineEdit::textEdited, this, &DomainPage::onEdited);
    connect(m_newPublicUrl, &QLineEdit::textEdited, this, &DomainPage::onEdited);
    connect(m_oldPublicUrl, &QLineEdit::editingFinished, this, &DomainPage::resolveNames);
    connect(m_newPublicUrl, &QLineEdit::editingFinished, this, &DomainPage::resolveNames);
    connect(m_resolveButton, &QPushButton::clicked, this, &DomainPage::resolveNames);
    connect(m_consequences, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String(kStepLinkScheme)))
            Q_EMIT stepLinkActivated(link.mid(int(std::strlen(kStepLinkScheme))));
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportTable(false); });
    connect(m_exportMarkdown, &QPushButton::clicked, this, [this] { exportTable(true); });
    connect(m_inventoryButton, &QPushButton::clicked, m_session, &ServerSession::takeInventory);
    connect(m_inventoryCancel, &QPushButton::clicked, m_session, &ServerSession::cancelInventory);
    connect(m_session, &ServerSession::inventoryChanged, this, &DomainPage::refreshConsequences);
    // The Script audit step records its counts in the plan: show them as soon as a scan finishes.
    connect(m_plan, &MigrationPlan::changed, this, [this] {
        if (m_plan->scriptAudit().lastScan != m_shownScriptAudit)
            refreshConsequences();
    });
    connect(m_session, &ServerSession::inventoryRunningChanged, this, &DomainPage::onInventoryRunning);
    connect(m_session, &ServerSession::inventoryProgress, this, [this](int done, int total) {
        m_inventoryProgress->setRange(0, std::max(total, 1));
        m_inventoryProgress->setValue(done);
    });
    connect(m_session, &ServerSession::inventoryFailed, this, [this](const QString &message) {
        m_inventoryStatus->setText(tr("The inventory is incomplete: %1").arg(message));
    });
}

void DomainPage::initializeStep()
{
    const DomainDecision &domain = m_plan->domain();
    const QSignalBlocker keepBlocker(m_keep);
    const QSignalBlocker newBlocker(m_new);
    m_keep->setChecked(domain.choice == DomainDecision::Choice::KeepName);
    m_new->setChecked(domain.choice == DomainDecision::Choice::NewName);
    m_oldPublicUrl->setText(domain.oldPublicUrl.toString());
    m_newPublicUrl->setText(domain.newPublicUrl.toString());
    refresh();
    resolveNames();
    // The consequences need the inventories: take them once, as soon as both servers can be reached.
    if (!m_autoInventoryDone && !m_session->inventory(ServerRole::Old) &&
        m_session->canConnect(ServerRole::Old) && !m_session->isTakingInventory()) {
        m_autoInventoryDone = true;
        m_session->takeInventory();
    }
}

bool DomainPage::isComplete() const
{
    return !hasErrors(issuesFor(PlanStep::Domain, m_plan->data()));
}

QString DomainPage::resolvedText(bool oldName) const
{
    return isBuilt() ? (oldName ? m_oldResolve : m_newResolve)->text() : QString();
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
    refreshConsequences();
}

void DomainPage::resolveNames()
{
    const int generation = ++m_lookupGeneration;
    const QString oldHost = hostOf(m_oldPublicUrl->text());
    const QString newHost = m_new->isChecked() ? hostOf(m_newPublicUrl->text()) : QString();
    m_lookupsPending = 0;
    for (const auto &[label, host] : {std::pair{m_oldResolve, oldHost}, std::pair{m_newResolve, newHost}}) {
        if (host.isEmpty()) {
            label->setText(label == m_newResolve && !m_new->isChecked() ? tr("(keeping today's name)")
                                                                        : tr("(enter the public URL above)"));
            continue;
        }
        const QHostAddress literal(host);
        if (!literal.isNull()) {
            label->setText(tr("%1 is an IP address").arg(host));
            continue;
        }
        label->setText(tr("%1: resolving…").arg(host));
        ++m_lookupsPending;
        QLabel *target = label;
        QHostInfo::lookupHost(host, this, [this, target, host = host, generation](const QHostInfo &info) {
            if (generation != m_lookupGeneration)
                return;
            if (info.error() != QHostInfo::NoError) {
                target->setText(tr("%1: does not resolve (%2)").arg(host, info.errorString()));
            } else {
                QStringList addresses;
                for (const QHostAddress &address : info.addresses())
                    addresses << address.toString();
                target->setText(tr("%1 → %2").arg(host, addresses.join(QStringLiteral(", "))));
            }
            if (--m_lookupsPending == 0)
                Q_EMIT resolved();
        });
    }
    if (m_lookupsPending == 0)
        Q_EMIT resolved();
}

void DomainPage::onInventoryRunning(bool running)
{
    m_inventoryProgress->setVisible(running);
    m_inventoryCancel->setVisible(running);
    m_inventoryButton->setEnabled(!running);
    if (running) {
        m_inventoryProgress->setRange(0, 0);
        m_inventoryStatus->setText(tr("Taking the inventory of both servers…"));
    }
    refreshConsequences();
}

void DomainPage::refreshConsequences()
{
    const auto &oldInventory = m_session->inventory(ServerRole::Old);
    const auto &newInventory = m_session->inventory(ServerRole::New);
    if (!m_session->isTakingInventory()) {
        if (oldInventory) {
            m_inventoryStatus->setText(
                tr("From the inventory taken %1.")
                    .arg(QLocale().toString(oldInventory->takenAt.toLocalTime(), QLocale::ShortFormat)));
            m_inventoryButton->setText(tr("Take &inventory again"));
        } else if (!m_session->canConnect(ServerRole::Old)) {
            m_inventoryStatus->setText(
                tr("Connect to the old server (step 1) to see which machines this decision affects."));
        } else {
            m_inventoryStatus->setText(tr("No inventory yet."));
        }
    }
    m_inventoryButton->setEnabled(!m_session->isTakingInventory() && m_session->canConnect(ServerRole::Old));

    DomainConsequencesInput input;
    input.decision = m_plan->domain();
    if (oldInventory)
        input.oldMachines = tentacleMachinesFrom(*oldInventory);
    if (newInventory) {
        input.newMachines = tentacleMachinesFrom(*newInventory);
        input.newInventoryKnown = true;
    }
    input.marks = m_plan->tentacles().machines;
    input.setScriptAudit(m_plan->scriptAudit());
    input.setCiIntegrations(m_plan->ciIntegrations());
    m_shownScriptAudit = m_plan->scriptAudit().lastScan;
    const DomainConsequences c = computeDomainConsequences(input);

    QStringList items;
    if (!oldInventory) {
        items << tr("Polling Tentacles: not known until the inventory is taken.");
    } else if (c.choice == DomainDecision::Choice::Undecided) {
        items << tr("<b>%1 polling targets and %2 polling workers</b> depend on this decision.")
                     .arg(c.pollingTargets)
                     .arg(c.pollingWorkers);
    } else if (c.choice == DomainDecision::Choice::KeepName) {
        items
            << tr("<b>No polling Tentacle needs a command.</b> The %1 polling targets and %2 polling workers "
                  "keep dialling %3, and follow the name when DNS moves to the new server.")
                   .arg(c.pollingTargets)
                   .arg(c.pollingWorkers)
                   .arg(c.oldHost.isEmpty() ? tr("today's name") : c.oldHost.toHtmlEscaped());
    } else {
        items << tr("<b>%1 polling targets and %2 polling workers must act</b>: each one is re-pointed to %3 "
                    "on its own machine (see %4).")
                     .arg(c.pollingTargets)
                     .arg(c.pollingWorkers)
                     .arg(c.newHost.isEmpty() ? tr("the new name") : c.newHost.toHtmlEscaped())
                     .arg(stepLink(PlanStep::Tentacles));
        if (c.pollingConnectedToNew > 0)
            items << tr("%1 of them answered a health check of the new server after they were re-pointed.")
                         .arg(c.pollingConnectedToNew);
    }
    if (oldInventory) {
        items
            << tr("%1 listening targets and %2 listening workers keep working: the clone has the same server "
                  "certificate, and the new server connects to them.")
                   .arg(c.listeningTargets)
                   .arg(c.listeningWorkers);
        if (c.otherMachines > 0)
            items << tr("%1 SSH, cloud and other targets do not depend on the name.").arg(c.otherMachines);
    }
    items << tr("The polling port %1 must be open on the new server (inbound, from every polling Tentacle).")
                 .arg(c.pollingPort);
    QString scripts;
    if (c.scriptsMentioningOldName) {
        const QString when = QLocale().toString(c.scriptAuditAt.toLocalTime().date(), QLocale::ShortFormat) +
                             QLatin1Char(' ') +
                             c.scriptAuditAt.toLocalTime().toString(QStringLiteral("HH:mm"));
        scripts = *c.scriptsMentioningOldName == 0
                      ? tr("No script mentions the old server (%2 of %1).")
                            .arg(when)
                            .arg(stepLink(PlanStep::ScriptAudit))
                      : tr("<b>%2 script files mention the old server</b> (%1 places; %4 of %3).")
                            .arg(*c.scriptsMentioningOldName)
                            .arg(c.scriptFilesMentioningOldName.value_or(0))
                            .arg(when)
                            .arg(stepLink(PlanStep::ScriptAudit));
    } else {
        scripts = tr("Scripts that mention the old name: not analysed yet (%1).")
                      .arg(stepLink(PlanStep::ScriptAudit));
    }
    if (c.choice != DomainDecision::Choice::KeepName) {
        items
            << (c.ciIntegrationsMentioningOldName
                    ? tr("<b>%1 CI systems and other callers</b> talk to the old server, %2 of them not yet "
                         "verified on the new one (%3).")
                          .arg(*c.ciIntegrationsMentioningOldName)
                          .arg(c.ciIntegrationsNotVerified)
                          .arg(stepLink(PlanStep::CiIntegrations))
                    : tr("CI systems and other callers of the old server: not analysed yet (%1).")
                          .arg(stepLink(PlanStep::CiIntegrations)));
        items << scripts;
    } else {
        items << tr("With the name kept, CI servers and scripts keep working after DNS moves (%1, %2).")
                     .arg(stepLink(PlanStep::CiIntegrations), stepLink(PlanStep::ScriptAudit));
        if (c.scriptsMentioningOldName)
            items << scripts;
    }
    QString html = QStringLiteral("<ul style=\"margin-left: -20px\">");
    for (const QString &item : std::as_const(items))
        html += QStringLiteral("<li>") + item + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    m_consequences->setText(html);
    m_consequences->setProperty("mustAct", c.mustAct);
    m_consequences->setProperty("pollingTotal", c.pollingTotal());
    m_consequences->setProperty("scriptsMentioningOldName", c.scriptsMentioningOldName.value_or(-1));
    m_consequences->setProperty("scriptFilesMentioningOldName", c.scriptFilesMentioningOldName.value_or(-1));

    m_groups->setRowCount(int(c.groups.size()));
    for (int row = 0; row < c.groups.size(); ++row) {
        const DomainConsequences::Group &g = c.groups.at(row);
        const QStringList cells{g.spaceName, DomainExportWriter::environmentText(g),
                                QString::number(g.pollingTargets), QString::number(g.pollingWorkers)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = m_groups->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_groups->setItem(row, column, item);
            }
            item->setText(cells.at(column));
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_groups->setVisible(!c.groups.isEmpty());
    m_shown = c;
    m_exportCsv->setEnabled(!c.groups.isEmpty() && m_dialogs);
    m_exportMarkdown->setEnabled(!c.groups.isEmpty() && m_dialogs);
    // Tall enough for every row (up to 15; the page scrolls), so the table itself rarely needs to.
    const int visibleRows = std::min(int(c.groups.size()), 15);
    m_groups->setFixedHeight(m_groups->horizontalHeader()->sizeHint().height() +
                             visibleRows * m_groups->verticalHeader()->defaultSectionSize() +
                             2 * m_groups->frameWidth());
}

void DomainPage::exportTable(bool markdown)
{
    if (!m_dialogs)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_dialogs->askExportFile(
        this,
        markdown ? tr("Save the domain consequences as Markdown") : tr("Save the domain consequences as CSV"),
        QDir(dir).filePath(markdown ? QStringLiteral("domain-consequences.md")
                                    : QStringLiteral("domain-consequences.csv")),
        markdown ? tr("Markdown files (*.md);;All files (*)") : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const DomainExportWriter writer(m_shown, {m_plan->domain(), m_plan->serverUrl(ServerRole::Old).toString(),
                                              m_plan->serverUrl(ServerRole::New).toString()});
    QString error;
    if (!writer.writeFile(
            path, markdown ? DomainExportWriter::Format::Markdown : DomainExportWriter::Format::Csv, &error))
        m_dialogs->showError(this, tr("Export"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
}
