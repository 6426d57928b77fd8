#include "scriptauditpage.h"

#include "auditfilterproxymodel.h"
#include "auditplanstate.h"
#include "auditresultsmodel.h"
#include "dialogservice.h"
#include "migrationplan.h"
#include "planstep.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

ScriptAuditPage::ScriptAuditPage(MigrationPlan *plan, ScriptAuditController *controller,
                                 DialogService *dialogs, QWidget *parent)
    : StepPage(PlanStep::ScriptAudit, QStringLiteral("scriptAuditPage"),
               tr("Find scripts that call the Octopus API or name the old server, before they break after "
                  "the move."),
               parent)
    , m_plan(plan)
    , m_dialogs(dialogs)
    , m_controller(controller)
    , m_model(new AuditResultsModel(this))
    , m_proxy(new AuditFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
}

void ScriptAuditPage::build()
{
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(
        tr("Choose the folders that hold your deployment scripts, pipelines and tools; the scan looks for "
           "the old server's address, API keys, the retired octo CLI, REST routes and client libraries. It "
           "also reads the scripts stored on the old server: deployment and runbook process steps, step "
           "templates, script modules and variables."),
        this);
    intro->setObjectName(QStringLiteral("auditIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // Folders and the new server's swagger.
    auto *foldersRow = new QHBoxLayout;
    m_folders = new QListWidget(this);
    m_folders->setObjectName(QStringLiteral("auditFolderList"));
    m_folders->setMaximumHeight(80);
    foldersRow->addWidget(m_folders, 1);
    auto *folderButtons = new QVBoxLayout;
    m_addFolder = new QPushButton(tr("&Add folder…"), this);
    m_addFolder->setObjectName(QStringLiteral("auditAddFolderButton"));
    m_removeFolder = new QPushButton(tr("&Remove"), this);
    m_removeFolder->setObjectName(QStringLiteral("auditRemoveFolderButton"));
    folderButtons->addWidget(m_addFolder);
    folderButtons->addWidget(m_removeFolder);
    folderButtons->addStretch();
    foldersRow->addLayout(folderButtons);
    layout->addLayout(foldersRow);

    auto *swaggerRow = new QHBoxLayout;
    auto *swaggerLabel = new QLabel(tr("New server's s&wagger.json:"), this);
    m_swagger = new QLineEdit(this);
    m_swagger->setObjectName(QStringLiteral("auditSwaggerEdit"));
    m_swagger->setPlaceholderText(tr("Optional: a saved file, used instead of the live API description"));
    swaggerLabel->setBuddy(m_swagger);
    m_chooseSwagger = new QPushButton(tr("Bro&wse…"), this);
    m_chooseSwagger->setObjectName(QStringLiteral("auditSwaggerButton"));
    swaggerRow->addWidget(swaggerLabel);
    swaggerRow->addWidget(m_swagger, 1);
    swaggerRow->addWidget(m_chooseSwagger);
    layout->addLayout(swaggerRow);

    auto *liveRow = new QHBoxLayout;
    m_liveSwagger = new QLabel(this);
    m_liveSwagger->setObjectName(QStringLiteral("auditLiveSwaggerLabel"));
    m_liveSwagger->setWordWrap(true);
    m_liveSwagger->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refetchSwagger = new QPushButton(tr("Fetch a&gain"), this);
    m_refetchSwagger->setObjectName(QStringLiteral("auditFetchSwaggerButton"));
    m_refetchSwagger->setToolTip(tr("Fetch the new server's API description (GET /api/swagger.json) again"));
    liveRow->addWidget(m_liveSwagger, 1);
    liveRow->addWidget(m_refetchSwagger, 0, Qt::AlignTop);
    layout->addLayout(liveRow);

    m_serverScripts = new QCheckBox(
        tr("Also scan the scripts stored on the old server (processes, runbooks, step templates, script "
           "modules, variables)"),
        this);
    m_serverScripts->setObjectName(QStringLiteral("auditServerScriptsCheck"));
    m_serverScripts->setChecked(m_controller->includeServerScripts());
    layout->addWidget(m_serverScripts);

    m_oldUrls = new QLabel(this);
    m_oldUrls->setObjectName(QStringLiteral("auditOldUrlsLabel"));
    m_oldUrls->setWordWrap(true);
    layout->addWidget(m_oldUrls);

    // Scan, progress, cancel.
    auto *scanRow = new QHBoxLayout;
    m_scan = new QPushButton(tr("&Scan"), this);
    m_scan->setObjectName(QStringLiteral("auditScanButton"));
    m_cancel = new QPushButton(tr("&Cancel scan"), this);
    m_cancel->setObjectName(QStringLiteral("auditCancelButton"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("auditProgressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    scanRow->addWidget(m_scan);
    scanRow->addWidget(m_cancel);
    scanRow->addWidget(m_progress, 1);
    layout->addLayout(scanRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    // Grouping and filters.
    auto *filterRow = new QHBoxLayout;
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("auditGroupCombo"));
    m_grouping->addItem(tr("By file"), int(AuditResultsModel::Grouping::File));
    m_grouping->addItem(tr("By category"), int(AuditResultsModel::Grouping::Category));
    m_grouping->addItem(tr("By severity"), int(AuditResultsModel::Grouping::Severity));
    m_categoryFilter = new QComboBox(this);
    m_categoryFilter->setObjectName(QStringLiteral("auditCategoryFilter"));
    m_categoryFilter->addItem(tr("All categories"), QString());
    for (const AuditCategory category : allAuditCategories())
        m_categoryFilter->addItem(auditCategoryName(category), auditCategoryName(category));
    m_severityFilter = new QComboBox(this);
    m_severityFilter->setObjectName(QStringLiteral("auditSeverityFilter"));
    m_severityFilter->addItem(tr("All severities"), QString());
    for (const AuditSeverity severity : allAuditSeverities())
        m_severityFilter->addItem(auditSeverityName(severity), auditSeverityName(severity));
    m_textFilter = new QLineEdit(this);
    m_textFilter->setObjectName(QStringLiteral("auditFilterEdit"));
    m_textFilter->setPlaceholderText(tr("Filter by file, snippet or hint"));
    m_textFilter->setClearButtonEnabled(true);
    m_hideResolved = new QCheckBox(tr("&Hide fixed and accepted"), this);
    m_hideResolved->setObjectName(QStringLiteral("auditHideResolvedCheck"));
    filterRow->addWidget(m_grouping);
    filterRow->addWidget(m_categoryFilter);
    filterRow->addWidget(m_severityFilter);
    filterRow->addWidget(m_textFilter, 1);
    filterRow->addWidget(m_hideResolved);
    layout->addLayout(filterRow);

    m_results = new QTreeView(this);
    m_results->setObjectName(QStringLiteral("auditResultsView"));
    m_results->setModel(m_proxy);
    m_results->setUniformRowHeights(true);
    m_results->setAlternatingRowColors(true);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->header()->setStretchLastSection(false);
    m_results->header()->setSectionResizeMode(AuditResultsModel::LocationColumn,
                                              QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(AuditResultsModel::SeverityColumn,
                                              QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(AuditResultsModel::CategoryColumn,
                                              QHeaderView::ResizeToContents);
    m_results->header()->resizeSection(AuditResultsModel::SnippetColumn, 420);
    m_results->header()->setSectionResizeMode(AuditResultsModel::HintColumn, QHeaderView::Stretch);
    m_results->header()->setSectionResizeMode(AuditResultsModel::StatusColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_results, 1);

    // Actions on the selected finding, and exports.
    auto *actionRow = new QHBoxLayout;
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("auditOpenButton"));
    m_markFixed = new QPushButton(tr("Mark &fixed"), this);
    m_markFixed->setObjectName(QStringLiteral("auditMarkFixedButton"));
    m_markAccepted = new QPushButton(tr("Mark acc&epted"), this);
    m_markAccepted->setObjectName(QStringLiteral("auditMarkAcceptedButton"));
    m_clearMark = new QPushButton(tr("C&lear mark"), this);
    m_clearMark->setObjectName(QStringLiteral("auditClearMarkButton"));
    m_exportCsv = new QPushButton(tr("Export CS&V…"), this);
    m_exportCsv->setObjectName(QStringLiteral("auditExportCsvButton"));
    m_exportJson = new QPushButton(tr("Export &JSON…"), this);
    m_exportJson->setObjectName(QStringLiteral("auditExportJsonButton"));
    m_exportMarkdown = new QPushButton(tr("Export &Markdown…"), this);
    m_exportMarkdown->setObjectName(QStringLiteral("auditExportMarkdownButton"));
    for (QPushButton *button : {m_open, m_markFixed, m_markAccepted, m_clearMark})
        actionRow->addWidget(button);
    actionRow->addStretch();
    for (QPushButton *button : {m_exportCsv, m_exportJson, m_exportMarkdown})
        actionRow->addWidget(button);
    layout->addLayout(actionRow);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("auditCountsLabel"));
    m_counts->setWordWrap(true);
    layout->addWidget(m_counts);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("auditNotesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #57606a;"));
    layout->addWidget(m_notes);

    connect(m_addFolder, &QPushButton::clicked, this, &ScriptAuditPage::onAddFolder);
    connect(m_removeFolder, &QPushButton::clicked, this, &ScriptAuditPage::onRemoveFolder);
    connect(m_folders, &QListWidget::currentRowChanged, this, &ScriptAuditPage::updateButtons);
    connect(m_chooseSwagger, &QPushButton::clicked, this, &ScriptAuditPage::onChooseSwagger);
    connect(m_swagger, &QLineEdit::editingFinished, this,
            [this] { m_controller->setSwaggerFile(m_swagger->text()); });
    connect(m_swagger, &QLineEdit::textChanged, this, &ScriptAuditPage::updateLiveSwaggerLabel);
    connect(m_refetchSwagger, &QPushButton::clicked, m_controller, &ScriptAuditController::fetchLiveSwagger);
    connect(m_scan, &QPushButton::clicked, this, &ScriptAuditPage::onScan);
    connect(m_serverScripts, &QCheckBox::toggled, this, [this](bool on) {
        m_controller->setIncludeServerScripts(on);
        updateButtons();
    });
    connect(m_cancel, &QPushButton::clicked, this, &ScriptAuditPage::onCancel);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &ScriptAuditPage::onGroupingChanged);
    connect(m_categoryFilter, &QComboBox::currentIndexChanged, this, &ScriptAuditPage::onFiltersChanged);
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, &ScriptAuditPage::onFiltersChanged);
    connect(m_textFilter, &QLineEdit::textChanged, this, &ScriptAuditPage::onFiltersChanged);
    connect(m_hideResolved, &QCheckBox::toggled, this, &ScriptAuditPage::onFiltersChanged);
    connect(m_results, &QTreeView::doubleClicked, this, &ScriptAuditPage::onOpenSelected);
    connect(m_results->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ScriptAuditPage::updateButtons);
    connect(m_open, &QPushButton::clicked, this, &ScriptAuditPage::onOpenSelected);
    connect(m_markFixed, &QPushButton::clicked, this,
            [this] { onMark(QString::fromLatin1(AuditPlanState::Fixed)); });
    connect(m_markAccepted, &QPushButton::clicked, this,
            [this] { onMark(QString::fromLatin1(AuditPlanState::Accepted)); });
    connect(m_clearMark, &QPushButton::clicked, this, [this] { onMark(QString()); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { onExport(ExportFormat::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { onExport(ExportFormat::Json); });
    connect(m_exportMarkdown, &QPushButton::clicked, this, [this] { onExport(ExportFormat::Markdown); });
    // Groups are expanded, and their titles (file paths) span the whole row.
    const auto showGroups = [this] {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            m_results->setFirstColumnSpanned(row, QModelIndex(), true);
        m_results->expandAll();
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, showGroups);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, showGroups);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, showGroups);

    connect(m_controller, &ScriptAuditController::scanProgressed, this,
            [this](const AuditScanner::Progress &progress) {
                m_status->setText(
                    tr("Scanning: %n file(s), %1 MB, %2 finding(s). Now: %3", nullptr, int(progress.files))
                        .arg(megabytes(progress.bytes))
                        .arg(progress.findings)
                        .arg(progress.currentFile));
            });
    connect(m_controller, &ScriptAuditController::scanStarted, this, [this] {
        m_model->clear();
        m_notes->clear();
        m_progress->setRange(0, 0); // busy: the total is not known in advance
        m_status->setText(tr("Scanning…"));
        updateButtons();
    });
    connect(m_controller, &ScriptAuditController::findingsAdded, this,
            [this](const QList<AuditFinding> &findings) { m_model->appendFindings(findings); });
    connect(m_controller, &ScriptAuditController::scanFinished, this, &ScriptAuditPage::onScanFinished);
    connect(m_controller, &ScriptAuditController::scanFailed, this, [this](const QString &message) {
        m_status->setText(message);
        updateButtons();
    });
    connect(m_controller, &ScriptAuditController::scanningChanged, this, &ScriptAuditPage::updateButtons);
    connect(m_controller, &ScriptAuditController::serverAvailabilityChanged, this,
            &ScriptAuditPage::updateButtons);
    connect(m_controller, &ScriptAuditController::liveSwaggerChanged, this,
            &ScriptAuditPage::updateLiveSwaggerLabel);
    connect(m_controller, &ScriptAuditController::marksChanged, this, &ScriptAuditPage::updateMarks);
    connect(m_plan, &MigrationPlan::replaced, this, &ScriptAuditPage::loadFromPlan);

    loadFromPlan();
    updateLiveSwaggerLabel();
}

ScriptAuditPage::~ScriptAuditPage() = default;

void ScriptAuditPage::initializeStep()
{
    loadFromPlan();
    m_controller->ensureLiveSwagger();
    updateLiveSwaggerLabel();
}

void ScriptAuditPage::showEvent(QShowEvent *event)
{
    m_controller->setFetchOnReconnect(true); // a new server shown here is fetched at once
    StepPage::showEvent(event);
}

void ScriptAuditPage::hideEvent(QHideEvent *event)
{
    m_controller->setFetchOnReconnect(false);
    StepPage::hideEvent(event);
}

void ScriptAuditPage::onScanFinished(const AuditScanner::Result &result)
{
    m_model->setFindings(m_controller->findings()); // the sorted, complete list
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_status->setText(result.cancelled ? tr("Cancelled after %n file(s) (%1 MB).", nullptr, int(result.files))
                                             .arg(megabytes(result.bytes))
                                       : tr("Scanned %n file(s) (%1 MB) in %2 s.", nullptr, int(result.files))
                                             .arg(megabytes(result.bytes))
                                             .arg(double(result.elapsedMs) / 1000.0, 0, 'f', 1));
    QStringList notes;
    if (!m_controller->unjudgedReason().isEmpty())
        notes << m_controller->unjudgedReason();
    for (const AuditScanner::Note &note : result.notes)
        notes << QStringLiteral("%1: %2").arg(note.absolutePath, note.message);
    if (result.binaryFiles > 0)
        notes << tr("%n binary file(s) skipped.", nullptr, int(result.binaryFiles));
    if (m_controller->serverScriptCount() > 0 || !m_controller->serverErrors().isEmpty())
        notes << tr("%n script(s) and variable(s) read from the old server.", nullptr,
                    m_controller->serverScriptCount());
    for (const QString &error : m_controller->serverErrors())
        notes << tr("Not read from the old server: %1").arg(error);
    m_notes->setText(notes.join(QLatin1Char('\n')));
    updateCounts();
    updateButtons();
}

void ScriptAuditPage::updateLiveSwaggerLabel()
{
    using State = ScriptAuditController::LiveSwaggerState;
    const State state = m_controller->liveSwaggerState();
    QString text;
    switch (state) {
    case State::NotConnected:
        text = tr("Not connected to the new server: API routes are judged only against a saved swagger.json "
                  "chosen above. Connect to the new server (step 1) to use its live API description.");
        break;
    case State::Fetching:
        text = tr("Fetching the new server's live API description (GET %1)…")
                   .arg(ScriptAuditController::liveSwaggerPath());
        break;
    case State::Ready: {
        const QString version = m_controller->liveCatalog()->version();
        text = tr("Judged against the new server's live API description (Octopus %1, fetched %2).")
                   .arg(version.isEmpty() ? tr("version unknown") : version,
                        m_controller->liveFetchedAt().toString(QStringLiteral("HH:mm")));
        break;
    }
    case State::Failed:
        text = tr("No live API description: %1").arg(m_controller->liveError());
        break;
    }
    if (!m_swagger->text().trimmed().isEmpty())
        text =
            tr("Judged against the saved file above, which overrides the live API description. %1").arg(text);
    m_liveSwagger->setText(text);
    m_liveSwagger->setProperty("state", int(state));
    m_refetchSwagger->setVisible(state != State::NotConnected);
    m_refetchSwagger->setEnabled(state != State::Fetching);
}

bool ScriptAuditPage::isScanning() const
{
    return m_controller->isScanning();
}

void ScriptAuditPage::loadFromPlan()
{
    m_folders->clear();
    m_folders->addItems(m_controller->folders());
    m_swagger->setText(m_controller->swaggerFile());
    m_model->setDecisions(m_controller->decisions());
    const QStringList urls = m_controller->oldServerUrls();
    m_oldUrls->setText(
        urls.isEmpty() ? tr("The old server's URL is not in the plan yet (Connect and Domain name steps): "
                            "the scan cannot look for it.")
                       : tr("Looking for the old server: %1").arg(urls.join(QStringLiteral(", "))));
    updateCounts();
    updateButtons();
}

void ScriptAuditPage::updateMarks()
{
    m_model->setDecisions(m_controller->decisions());
    updateCounts();
    updateButtons();
}

void ScriptAuditPage::onAddFolder()
{
    const QString folder =
        m_dialogs ? m_dialogs->askDirectory(this, tr("Folder to scan"), QString()) : QString();
    if (folder.isEmpty())
        return;
    m_controller->addFolder(folder);
    m_folders->clear();
    m_folders->addItems(m_controller->folders());
    updateButtons();
}

void ScriptAuditPage::onRemoveFolder()
{
    m_controller->removeFolder(m_folders->currentRow());
    m_folders->clear();
    m_folders->addItems(m_controller->folders());
    updateButtons();
}

void ScriptAuditPage::onChooseSwagger()
{
    const QString file = m_dialogs ? m_dialogs->askImportFile(this, tr("The new server's swagger.json"),
                                                              QString(), tr("Swagger documents (*.json)"))
                                   : QString();
    if (file.isEmpty())
        return;
    m_swagger->setText(file);
    m_controller->setSwaggerFile(file);
}

void ScriptAuditPage::onScan()
{
    if (m_controller->isScanning() || !m_scan->isEnabled())
        return;
    m_controller->setSwaggerFile(m_swagger->text()); // typed but not yet confirmed with Enter
    m_controller->startScan();
    updateButtons();
}

void ScriptAuditPage::onCancel()
{
    m_controller->cancelScan();
}

void ScriptAuditPage::onFiltersChanged()
{
    m_proxy->setCategoryFilter(m_categoryFilter->currentData().toString());
    m_proxy->setSeverityFilter(m_severityFilter->currentData().toString());
    m_proxy->setTextFilter(m_textFilter->text());
    m_proxy->setHideResolved(m_hideResolved->isChecked());
    updateCounts();
}

void ScriptAuditPage::onGroupingChanged()
{
    m_model->setGrouping(AuditResultsModel::Grouping(m_grouping->currentData().toInt()));
}

QModelIndex ScriptAuditPage::selectedFindingIndex() const
{
    const QModelIndexList selected = m_results->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return {};
    const QModelIndex source = m_proxy->mapToSource(selected.first());
    return m_model->findingAt(source) ? source : QModelIndex();
}

void ScriptAuditPage::onOpenSelected()
{
    const AuditFinding *finding = m_model->findingAt(selectedFindingIndex());
    if (!finding || !m_dialogs)
        return;
    if (!finding->url.isEmpty()) // stored on the server: its place in the web portal
        m_dialogs->openUrl(QUrl(finding->url));
    else
        m_dialogs->openFileAtLine(finding->absolutePath, finding->line);
}

void ScriptAuditPage::onMark(const QString &status)
{
    const AuditFinding *finding = m_model->findingAt(selectedFindingIndex());
    if (!finding)
        return;
    const std::optional<AuditMark::Kind> kind = AuditMark::kindFromName(status);
    if (kind)
        m_controller->setMark(*finding, *kind);
    else
        m_controller->clearMark(*finding);
}

void ScriptAuditPage::onExport(ExportFormat format)
{
    const QString suggested = format == ExportFormat::Csv    ? QStringLiteral("script-audit.csv")
                              : format == ExportFormat::Json ? QStringLiteral("script-audit.json")
                                                             : QStringLiteral("script-audit.md");
    const QString filter = format == ExportFormat::Csv    ? tr("CSV files (*.csv)")
                           : format == ExportFormat::Json ? tr("JSON files (*.json)")
                                                          : tr("Markdown files (*.md)");
    const QString path = m_dialogs ? m_dialogs->askExportFile(this, tr("Export findings"),
                                                              QDir::home().filePath(suggested), filter)
                                   : QString();
    if (path.isEmpty())
        return;
    QString error;
    if (!m_controller->exportReport(path,
                                    format == ExportFormat::Csv    ? AuditReportWriter::Format::Csv
                                    : format == ExportFormat::Json ? AuditReportWriter::Format::Json
                                                                   : AuditReportWriter::Format::Markdown,
                                    &error)) {
        m_status->setText(error);
        return;
    }
    m_status->setText(
        tr("Exported %n finding(s) to %1.", nullptr, int(m_controller->findings().size())).arg(path));
}

void ScriptAuditPage::updateButtons()
{
    const bool scanning = m_controller->isScanning();
    const bool hasFinding = selectedFindingIndex().isValid();
    const bool hasFindings = !m_model->findings().isEmpty();
    m_addFolder->setEnabled(!scanning);
    m_removeFolder->setEnabled(!scanning && m_folders->currentRow() >= 0);
    const bool server = m_controller->canScanServer();
    m_serverScripts->setEnabled(!scanning && server);
    m_serverScripts->setToolTip(server ? QString() : tr("Connect to the old server first (Connect step)."));
    m_scan->setEnabled(!scanning && (m_folders->count() > 0 || (server && m_serverScripts->isChecked())));
    m_cancel->setEnabled(scanning);
    m_open->setEnabled(hasFinding);
    m_markFixed->setEnabled(hasFinding);
    m_markAccepted->setEnabled(hasFinding);
    m_clearMark->setEnabled(hasFinding);
    for (QPushButton *button : {m_exportCsv, m_exportJson, m_exportMarkdown})
        button->setEnabled(!scanning && hasFindings);
}

void ScriptAuditPage::updateCounts()
{
    const QList<AuditFinding> &findings = m_model->findings();
    if (findings.isEmpty()) {
        m_counts->setText(m_controller->scannedFiles() > 0 ? tr("No findings.") : QString());
        return;
    }
    QMap<AuditSeverity, int> bySeverity;
    int resolved = 0;
    for (const AuditFinding &f : findings) {
        ++bySeverity[f.severity];
        resolved += m_model->statusOf(f).isEmpty() ? 0 : 1;
    }
    QStringList parts;
    for (const AuditSeverity severity : allAuditSeverities()) {
        if (bySeverity.value(severity) > 0)
            parts << QStringLiteral("%1 %2").arg(bySeverity.value(severity)).arg(auditSeverityName(severity));
    }
    m_counts->setText(tr("%n finding(s): %1. %2 fixed or accepted; %3 shown.", nullptr, int(findings.size()))
                          .arg(parts.join(QStringLiteral(", ")))
                          .arg(resolved)
                          .arg(m_proxy->visibleFindingCount()));
}
