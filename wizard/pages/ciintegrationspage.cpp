#include "ciintegrationspage.h"

#include "apierrortext.h"
#include "ciintegrationscontroller.h"
#include "democontrols.h"
#include "dialogservice.h"
#include "migrationplan.h"
#include "planstep.h"
#include "serversession.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column
{
    SystemColumn,
    LocationColumn,
    AccountColumn,
    KeyColumn,
    LastOldColumn,
    LastNewColumn,
    DecisionColumn,
    OwnerColumn,
    StatusColumn,
    ColumnCount
};

QString shortTime(const QDateTime &time)
{
    if (!time.isValid())
        return QCoreApplication::translate("CiIntegrationsPage", "never");
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString decisionText(CiIntegrationRecord::Decision decision)
{
    switch (decision) {
    case CiIntegrationRecord::Decision::Undecided:
        return QCoreApplication::translate("CiIntegrationsPage", "Undecided");
    case CiIntegrationRecord::Decision::Repoint:
        return QCoreApplication::translate("CiIntegrationsPage", "Repoint");
    case CiIntegrationRecord::Decision::Retire:
        return QCoreApplication::translate("CiIntegrationsPage", "Retire");
    case CiIntegrationRecord::Decision::NotNeeded:
        return QCoreApplication::translate("CiIntegrationsPage", "Not needed");
    }
    return {};
}

QString statusText(CiIntegrationRecord::Status status)
{
    switch (status) {
    case CiIntegrationRecord::Status::Pending:
        return QCoreApplication::translate("CiIntegrationsPage", "pending");
    case CiIntegrationRecord::Status::Repointed:
        return QCoreApplication::translate("CiIntegrationsPage", "repointed");
    case CiIntegrationRecord::Status::Verified:
        return QCoreApplication::translate("CiIntegrationsPage", "verified");
    }
    return {};
}

} // namespace

CiIntegrationsPage::CiIntegrationsPage(MigrationPlan *plan, CiIntegrationsController *controller,
                                       ServerSession *session, DialogService *dialogs, QWidget *parent)
    : StepPage(
          PlanStep::CiIntegrations, QStringLiteral("ciIntegrationsPage"),
          tr("Every build server and tool that talks to the old server, from evidence, and proof that each "
             "one moved."),
          parent)
    , m_plan(plan)
    , m_controller(controller)
    , m_session(session)
    , m_dialogs(dialogs)
{}

void CiIntegrationsPage::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ciSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    top->addWidget(m_summary, 1);
    auto *windowLabel = new QLabel(tr("E&vidence of the last"), this);
    m_windowDays = new QSpinBox(this);
    m_windowDays->setObjectName(QStringLiteral("ciWindowDaysSpin"));
    m_windowDays->setRange(1, 3650);
    m_windowDays->setSuffix(tr(" days"));
    windowLabel->setBuddy(m_windowDays);
    top->addWidget(windowLabel);
    top->addWidget(m_windowDays);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("ciProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    top->addWidget(m_progress);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("ciRefreshButton"));
    top->addWidget(m_refresh);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("ciCancelButton"));
    m_cancel->hide();
    top->addWidget(m_cancel);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, ColumnCount, splitter);
    m_table->setObjectName(QStringLiteral("ciTable"));
    m_table->setHorizontalHeaderLabels({tr("System"), tr("Where"), tr("Account"), tr("API key"),
                                        tr("Last seen (old)"), tr("Last seen (new)"), tr("Decision"),
                                        tr("Owner"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    splitter->addWidget(m_table);

    auto *details = new QWidget(splitter);
    auto *detailsLayout = new QHBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *left = new QVBoxLayout;
    m_recipe = new QLabel(details);
    m_recipe->setObjectName(QStringLiteral("ciRecipeLabel"));
    m_recipe->setWordWrap(true);
    m_recipe->setTextFormat(Qt::PlainText);
    left->addWidget(m_recipe);
    auto *evidenceLabel = new QLabel(tr("Evid&ence:"), details);
    m_evidence = new QListWidget(details);
    m_evidence->setObjectName(QStringLiteral("ciEvidenceList"));
    m_evidence->setWordWrap(true);
    evidenceLabel->setBuddy(m_evidence);
    left->addWidget(evidenceLabel);
    left->addWidget(m_evidence, 1);
    detailsLayout->addLayout(left, 3);

    auto *form = new QFormLayout;
    m_decision = new QComboBox(details);
    m_decision->setObjectName(QStringLiteral("ciDecisionCombo"));
    for (CiIntegrationRecord::Decision d :
         {CiIntegrationRecord::Decision::Undecided, CiIntegrationRecord::Decision::Repoint,
          CiIntegrationRecord::Decision::Retire, CiIntegrationRecord::Decision::NotNeeded})
        m_decision->addItem(decisionText(d), int(d));
    form->addRow(tr("&Decision:"), m_decision);
    m_owner = new QLineEdit(details);
    m_owner->setObjectName(QStringLiteral("ciOwnerEdit"));
    m_owner->setPlaceholderText(tr("Who repoints it"));
    form->addRow(tr("O&wner:"), m_owner);
    m_notes = new QPlainTextEdit(details);
    m_notes->setObjectName(QStringLiteral("ciNotesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(70);
    form->addRow(tr("N&otes:"), m_notes);
    m_status = new QLabel(details);
    m_status->setObjectName(QStringLiteral("ciStatusLabel"));
    m_status->setWordWrap(true);
    form->addRow(tr("Status:"), m_status);
    auto *buttons = new QHBoxLayout;
    m_markRepointed = new QPushButton(tr("&Mark repointed"), details);
    m_markRepointed->setObjectName(QStringLiteral("ciMarkRepointedButton"));
    buttons->addWidget(m_markRepointed);
    m_clearRepointed = new QPushButton(tr("Back to &pending"), details);
    m_clearRepointed->setObjectName(QStringLiteral("ciClearRepointedButton"));
    buttons->addWidget(m_clearRepointed);
    form->addRow(buttons);
    m_simulateMove = new QPushButton(tr("Simulate the move (demo)"), details);
    m_simulateMove->setObjectName(QStringLiteral("ciSimulateMoveButton"));
    m_simulateMove->setToolTip(
        tr("Demo only: the selected integration's service account pushes a build to the "
           "new server, as if its URL had been changed."));
    m_simulateMove->setVisible(false); // refreshDemoControls()
    form->addRow(m_simulateMove);
    auto *exports = new QHBoxLayout;
    m_exportCsv = new QPushButton(tr("Export &CSV…"), details);
    m_exportCsv->setObjectName(QStringLiteral("ciExportCsvButton"));
    exports->addWidget(m_exportCsv);
    m_exportMarkdown = new QPushButton(tr("Export Mar&kdown…"), details);
    m_exportMarkdown->setObjectName(QStringLiteral("ciExportMarkdownButton"));
    exports->addWidget(m_exportMarkdown);
    form->addRow(exports);
    detailsLayout->addLayout(form, 2);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *manualRow = new QHBoxLayout;
    auto *manualLabel = new QLabel(tr("Add &by hand:"), this);
    m_manualSystem = new QComboBox(this);
    m_manualSystem->setObjectName(QStringLiteral("ciManualSystemCombo"));
    m_manualSystem->setEditable(true);
    m_manualSystem->addItems(CiIntegrations::systemNames());
    manualLabel->setBuddy(m_manualSystem);
    m_manualLocation = new QLineEdit(this);
    m_manualLocation->setObjectName(QStringLiteral("ciManualLocationEdit"));
    m_manualLocation->setPlaceholderText(tr("Where it lives: a host, an organisation, a repository"));
    m_manualAdd = new QPushButton(tr("&Add"), this);
    m_manualAdd->setObjectName(QStringLiteral("ciManualAddButton"));
    m_manualRemove = new QPushButton(tr("Remo&ve"), this);
    m_manualRemove->setObjectName(QStringLiteral("ciManualRemoveButton"));
    m_manualRemove->setToolTip(tr("Removes the selected row if it was added by hand."));
    manualRow->addWidget(manualLabel);
    manualRow->addWidget(m_manualSystem);
    manualRow->addWidget(m_manualLocation, 1);
    manualRow->addWidget(m_manualAdd);
    manualRow->addWidget(m_manualRemove);
    layout->addLayout(manualRow);

    auto *watchBox = new QGroupBox(tr("Still talking to the old server"), this);
    auto *watchLayout = new QHBoxLayout(watchBox);
    auto *sinceLabel = new QLabel(tr("Seen &since:"), watchBox);
    m_watchSince = new QDateTimeEdit(QDateTime::currentDateTime(), watchBox);
    m_watchSince->setObjectName(QStringLiteral("ciWatchSinceEdit"));
    m_watchSince->setCalendarPopup(true);
    sinceLabel->setBuddy(m_watchSince);
    watchLayout->addWidget(sinceLabel);
    watchLayout->addWidget(m_watchSince);
    m_watchButton = new QPushButton(tr("&Watch"), watchBox);
    m_watchButton->setObjectName(QStringLiteral("ciWatchButton"));
    watchLayout->addWidget(m_watchButton);
    m_stillTalking = new QLabel(watchBox);
    m_stillTalking->setObjectName(QStringLiteral("ciStillTalkingLabel"));
    m_stillTalking->setWordWrap(true);
    watchLayout->addWidget(m_stillTalking, 1);
    layout->addWidget(watchBox);

    connect(m_refresh, &QPushButton::clicked, m_controller, &CiIntegrationsController::refresh);
    connect(m_cancel, &QPushButton::clicked, m_controller, &CiIntegrationsController::cancel);
    connect(m_windowDays, &QSpinBox::valueChanged, this, [this](int days) {
        CiIntegrationsSection section = m_plan->ciIntegrations();
        if (section.windowDays == days)
            return;
        section.windowDays = days;
        m_plan->setCiIntegrations(section);
    });
    connect(m_controller, &CiIntegrationsController::refreshingChanged, this, [this](bool refreshing) {
        m_progress->setVisible(refreshing);
        m_cancel->setVisible(refreshing);
        refreshSummary();
    });
    connect(m_controller, &CiIntegrationsController::integrationsChanged, this,
            &CiIntegrationsPage::reloadTable);
    connect(m_controller, &CiIntegrationsController::recordsChanged, this, &CiIntegrationsPage::reloadTable);
    connect(m_controller, &CiIntegrationsController::refreshFailed, this,
            [this](const QList<ApiError> &errors) {
                QStringList lines;
                for (const ApiError &error : errors)
                    lines << ApiErrorText::describe(error);
                m_summary->setToolTip(lines.join(QLatin1Char('\n')));
                refreshSummary();
            });
    connect(m_controller, &CiIntegrationsController::stillTalkingChanged, this,
            &CiIntegrationsPage::refreshStillTalking);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CiIntegrationsPage::refreshDetails);
    connect(m_decision, &QComboBox::activated, this, [this] {
        if (!selectedId().isEmpty())
            m_controller->setDecision(selectedId(),
                                      CiIntegrationRecord::Decision(m_decision->currentData().toInt()));
    });
    connect(m_owner, &QLineEdit::editingFinished, this, [this] {
        if (!selectedId().isEmpty() && !m_loadingDetails)
            m_controller->setOwner(selectedId(), m_owner->text());
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (!selectedId().isEmpty() && !m_loadingDetails)
            m_controller->setNotes(selectedId(), m_notes->toPlainText());
    });
    connect(m_markRepointed, &QPushButton::clicked, this, [this] {
        if (!selectedId().isEmpty())
            m_controller->markRepointed({selectedId()});
    });
    connect(m_clearRepointed, &QPushButton::clicked, this, [this] {
        if (!selectedId().isEmpty())
            m_controller->clearRepointed({selectedId()});
    });
    connect(m_manualAdd, &QPushButton::clicked, this, [this] {
        const QString id = m_controller->addManual(m_manualSystem->currentText(), m_manualLocation->text());
        if (id.isEmpty())
            return;
        m_manualLocation->clear();
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (m_table->item(row, SystemColumn)->data(Qt::UserRole).toString() == id)
                m_table->selectRow(row);
        }
    });
    connect(m_manualLocation, &QLineEdit::returnPressed, m_manualAdd, &QPushButton::click);
    connect(m_manualRemove, &QPushButton::clicked, this,
            [this] { m_controller->removeManual(selectedId()); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportTable(false); });
    connect(m_exportMarkdown, &QPushButton::clicked, this, [this] { exportTable(true); });
    connect(m_watchButton, &QPushButton::clicked, this, [this] {
        if (m_controller->isWatching())
            m_controller->stopWatching();
        else
            m_controller->startWatching(m_watchSince->dateTime().toUTC());
        refreshStillTalking();
    });
    connect(m_simulateMove, &QPushButton::clicked, this, [this] {
        const CiIntegrations::Integration *row = m_controller->integration(selectedId());
        if (DemoControls *demo = m_session ? m_session->demoControls() : nullptr; demo && row)
            demo->simulateCiMove(row->serviceAccount);
    });
    if (m_session)
        connect(m_session, &ServerSession::demoChanged, this, &CiIntegrationsPage::refreshDemoControls);
    refreshDemoControls();
    connect(m_plan, &MigrationPlan::replaced, this, [this] {
        m_windowDays->setValue(m_plan->ciIntegrations().windowDays);
        m_autoRefreshDone = false;
    });
}

void CiIntegrationsPage::initializeStep()
{
    m_windowDays->setValue(m_plan->ciIntegrations().windowDays);
    reloadTable();
    refreshStillTalking();
    // The evidence is read once, as soon as both servers can be reached; Refresh reads it again.
    if (!m_autoRefreshDone && m_controller->canRefresh() && !m_controller->isRefreshing()) {
        m_autoRefreshDone = true;
        m_controller->refresh();
    }
}

QString CiIntegrationsPage::selectedId() const
{
    if (!m_table)
        return {};
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString()
                           : m_table->item(items.first()->row(), SystemColumn)->data(Qt::UserRole).toString();
}

void CiIntegrationsPage::reloadTable()
{
    if (!isBuilt())
        return;
    const QString selected = selectedId();
    const QList<CiIntegrations::Integration> &rows = m_controller->integrations();
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(rows.size()));
    int selectRow = rows.isEmpty() ? -1 : 0;
    for (int i = 0; i < rows.size(); ++i) {
        const CiIntegrations::Integration &row = rows.at(i);
        const CiIntegrationRecord record = m_controller->record(row.id);
        const QStringList cells{row.system,
                                row.location,
                                row.serviceAccount,
                                row.apiKeyPurpose,
                                shortTime(row.lastSeenOld),
                                shortTime(row.lastSeenNew),
                                decisionText(record.decision),
                                record.owner,
                                statusText(record.status)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == SystemColumn)
                item->setData(Qt::UserRole, row.id);
            m_table->setItem(i, column, item);
        }
        if (row.id == selected)
            selectRow = i;
    }
    m_table->resizeColumnsToContents();
    if (selectRow >= 0) {
        const QSignalBlocker blocker(m_table);
        m_table->selectRow(selectRow);
    }
    refreshSummary();
    refreshDetails();
}

void CiIntegrationsPage::refreshSummary()
{
    const QList<CiIntegrations::Integration> &rows = m_controller->integrations();
    int verified = 0;
    int talking = 0;
    for (const CiIntegrations::Integration &row : rows) {
        verified += m_controller->record(row.id).status == CiIntegrationRecord::Status::Verified ? 1 : 0;
        talking += row.lastSeenOld.isValid() ? 1 : 0;
    }
    QString text;
    if (m_controller->isRefreshing())
        text = tr("Reading the evidence of both servers…");
    else if (!m_controller->lastRefreshAt().isValid() && !m_controller->canRefresh())
        text = tr("Connect to both servers (step 1) to find what talks to the old server.");
    else if (!m_controller->lastRefreshAt().isValid())
        text = tr("No evidence read yet.");
    else
        text =
            tr("<b>%1 integrations</b> talked to the old server in the window, %2 of %3 verified on the new "
               "server (read %4).")
                .arg(talking)
                .arg(verified)
                .arg(rows.size())
                .arg(shortTime(m_controller->lastRefreshAt()).toHtmlEscaped());
    if (!m_controller->isRefreshing() && !m_controller->lastErrors().isEmpty())
        text += QLatin1Char(' ') + tr("Some evidence could not be read (%n problem(s); hover for details).",
                                      nullptr, int(m_controller->lastErrors().size()));
    m_summary->setText(text);
    m_refresh->setEnabled(m_controller->canRefresh() && !m_controller->isRefreshing());
    const bool any = !rows.isEmpty();
    m_exportCsv->setEnabled(any);
    m_exportMarkdown->setEnabled(any);
}

void CiIntegrationsPage::refreshDetails()
{
    const QString id = selectedId();
    const CiIntegrations::Integration *row = m_controller->integration(id);
    const bool have = row != nullptr;
    for (QWidget *w : {static_cast<QWidget *>(m_decision), static_cast<QWidget *>(m_owner),
                       static_cast<QWidget *>(m_notes), static_cast<QWidget *>(m_markRepointed),
                       static_cast<QWidget *>(m_clearRepointed)})
        w->setEnabled(have);
    m_evidence->clear();
    if (!have) {
        m_manualRemove->setEnabled(false);
        m_simulateMove->setEnabled(false);
        m_recipe->setText(tr("Select an integration to see where it keeps the Octopus URL and key."));
        m_status->clear();
        return;
    }
    m_recipe->setText(CiIntegrations::repointRecipe(row->system));
    for (const CiIntegrations::Evidence &e : row->evidence) {
        const QString server = e.server == ServerRole::Old ? tr("old server") : tr("new server");
        m_evidence->addItem(tr("%1, %2: %3").arg(shortTime(e.time), server, e.detail));
    }
    if (row->evidence.isEmpty())
        m_evidence->addItem(tr("No evidence in the window (kept from the plan)."));
    const CiIntegrationRecord record = m_controller->record(id);
    m_loadingDetails = true;
    m_decision->setCurrentIndex(m_decision->findData(int(record.decision)));
    if (!m_owner->hasFocus())
        m_owner->setText(record.owner);
    if (!m_notes->hasFocus())
        m_notes->setPlainText(record.notes);
    m_loadingDetails = false;
    switch (record.status) {
    case CiIntegrationRecord::Status::Pending:
        m_status->setText(tr("Pending: not marked repointed yet."));
        break;
    case CiIntegrationRecord::Status::Repointed:
        m_status->setText(tr("Repointed %1; waiting for evidence from the new server (Refresh reads it).")
                              .arg(shortTime(record.repointedAt)));
        break;
    case CiIntegrationRecord::Status::Verified:
        m_status->setText(tr("Verified: the new server saw it %1 (%2).")
                              .arg(shortTime(record.verifiedAt), record.verifiedBy));
        break;
    }
    m_markRepointed->setEnabled(record.status == CiIntegrationRecord::Status::Pending);
    m_manualRemove->setEnabled(CiIntegrationsController::isManual(id));
    m_simulateMove->setEnabled(!row->serviceAccount.isEmpty() && !m_controller->isRefreshing());
    m_clearRepointed->setEnabled(record.status != CiIntegrationRecord::Status::Pending);
}

void CiIntegrationsPage::refreshStillTalking()
{
    if (!isBuilt())
        return;
    m_watchButton->setText(m_controller->isWatching() ? tr("&Stop watching") : tr("&Watch"));
    if (!m_controller->isWatching() && !m_controller->stillTalkingReadAt().isValid()) {
        m_stillTalking->setText(tr("Watch the old server for integrations seen after a time (re-read every "
                                   "minute while watching)."));
        return;
    }
    const QList<CiIntegrations::Integration> &rows = m_controller->stillTalking();
    if (!m_controller->stillTalkingReadAt().isValid()) {
        m_stillTalking->setText(tr("Reading the old server…"));
        return;
    }
    QStringList names;
    for (const CiIntegrations::Integration &row : rows)
        names << tr("%1 at %2 (%3)").arg(row.system, row.location, shortTime(row.lastSeenOld));
    m_stillTalking->setText(
        rows.isEmpty()
            ? tr("Nothing has talked to the old server since %1 (read %2).")
                  .arg(shortTime(m_controller->watchingSince()),
                       shortTime(m_controller->stillTalkingReadAt()))
            : tr("%n still talking to the old server: %1 (read %2).", nullptr, int(rows.size()))
                  .arg(names.join(QStringLiteral("; ")), shortTime(m_controller->stillTalkingReadAt())));
}

void CiIntegrationsPage::exportTable(bool markdown)
{
    if (!m_dialogs)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_dialogs->askExportFile(
        this, markdown ? tr("Save CI integrations as Markdown") : tr("Save CI integrations as CSV"),
        QDir(dir).filePath(markdown ? QStringLiteral("ci-integrations.md")
                                    : QStringLiteral("ci-integrations.csv")),
        markdown ? tr("Markdown files (*.md);;All files (*)") : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_controller->exportTo(path, markdown, &error)) {
        m_dialogs->showError(this, tr("Export"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
        return;
    }
    m_status->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void CiIntegrationsPage::refreshDemoControls()
{
    DemoControls *demo = m_session ? m_session->demoControls() : nullptr;
    m_simulateMove->setVisible(demo != nullptr);
    if (demo && !m_demoConnected) {
        m_demoConnected = true;
        connect(demo, &DemoControls::ciMoveSimulated, this, [this](const QString &, const ApiError &error) {
            if (error.isError()) {
                m_status->setText(ApiErrorText::describe(error));
                return;
            }
            m_controller->refresh(); // read the new server's evidence of it
        });
    }
}
