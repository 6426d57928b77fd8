#include "tentaclespage.h"

#include "apierrortext.h"
#include "democontrols.h"
#include "dialogservice.h"
#include "migrationplan.h"
#include "planstep.h"
#include "pollingmachinemodel.h"
#include "serversession.h"
#include "tentacleexportwriter.h"
#include "tentaclescontroller.h"
#include "wizardlogging.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString defaultExportDir()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

} // namespace

TentaclesPage::TentaclesPage(MigrationPlan *plan, TentaclesController *controller, ServerSession *session,
                             DialogService *dialogs, QWidget *parent)
    : StepPage(PlanStep::Tentacles, QStringLiteral("tentaclesPage"),
               tr("Make every polling Tentacle poll the new server, and check that it does."), parent)
    , m_plan(plan)
    , m_controller(controller)
    , m_session(session)
    , m_dialogs(dialogs)
    , m_model(new PollingMachineModel(this))
    , m_filter(new PollingMachineFilter(this))
{
    m_filter->setSourceModel(m_model);
}

void TentaclesPage::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("tentaclesSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    top->addWidget(m_summary, 1);
    m_inventoryProgress = new QProgressBar(this);
    m_inventoryProgress->setObjectName(QStringLiteral("tentaclesInventoryProgress"));
    m_inventoryProgress->setMaximumWidth(140);
    m_inventoryProgress->hide();
    top->addWidget(m_inventoryProgress);
    m_inventoryStatus = new QLabel(this);
    m_inventoryStatus->setObjectName(QStringLiteral("tentaclesInventoryStatusLabel"));
    m_inventoryStatus->setStyleSheet(QStringLiteral("color: #57606a;"));
    top->addWidget(m_inventoryStatus);
    m_inventoryButton = new QPushButton(tr("Take &inventory"), this);
    m_inventoryButton->setObjectName(QStringLiteral("tentaclesInventoryButton"));
    top->addWidget(m_inventoryButton);
    layout->addLayout(top);

    // Search, filters, grouping
    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("tentaclesSearchEdit"));
    m_search->setPlaceholderText(tr("Search name, role, environment, version…"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 2);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("tentaclesKindFilter"));
    m_kind->addItem(tr("Targets and workers"), QString());
    m_kind->addItem(tr("Targets"), QStringLiteral("target"));
    m_kind->addItem(tr("Workers"), QStringLiteral("worker"));
    filters->addWidget(m_kind);
    m_space = new QComboBox(this);
    m_space->setObjectName(QStringLiteral("tentaclesSpaceFilter"));
    filters->addWidget(m_space);
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("tentaclesEnvironmentFilter"));
    filters->addWidget(m_environment);
    auto *groupLabel = new QLabel(tr("&Group by:"), this);
    m_groupBy = new QComboBox(this);
    m_groupBy->setObjectName(QStringLiteral("tentaclesGroupCombo"));
    m_groupBy->addItem(tr("Nothing"), int(PollingMachineModel::GroupBy::None));
    m_groupBy->addItem(tr("Space"), int(PollingMachineModel::GroupBy::Space));
    m_groupBy->addItem(tr("Environment"), int(PollingMachineModel::GroupBy::Environment));
    groupLabel->setBuddy(m_groupBy);
    filters->addWidget(groupLabel);
    filters->addWidget(m_groupBy);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("tentaclesCountLabel"));
    filters->addWidget(m_count);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("tentaclesTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QList<QPair<int, int>> widths = {
        {PollingMachineModel::GroupColumn, 110},   {PollingMachineModel::SpaceColumn, 90},
        {PollingMachineModel::NameColumn, 150},    {PollingMachineModel::KindColumn, 48},
        {PollingMachineModel::ScopeColumn, 95},    {PollingMachineModel::RolesColumn, 85},
        {PollingMachineModel::TenantsColumn, 65},  {PollingMachineModel::OsColumn, 58},
        {PollingMachineModel::VersionColumn, 62},  {PollingMachineModel::UpgradeColumn, 72},
        {PollingMachineModel::OldHealthColumn, 80}};
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);
    m_table->setColumnHidden(PollingMachineModel::GroupColumn, true);
    // What the new server says matters most during the migration: show it right after the kind.
    m_table->horizontalHeader()->moveSection(PollingMachineModel::NewStatusColumn,
                                             PollingMachineModel::KindColumn + 1);
    m_table->setColumnWidth(PollingMachineModel::NewStatusColumn, 150);
    m_table->setColumnWidth(PollingMachineModel::TenantsColumn, 90);
    m_table->sortByColumn(PollingMachineModel::NameColumn, Qt::AscendingOrder);

    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(bottom);
    m_tabs->setObjectName(QStringLiteral("tentaclesCommandTabs"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_windowsText = new QPlainTextEdit(m_tabs);
    m_windowsText->setObjectName(QStringLiteral("tentaclesWindowsCommand"));
    m_linuxText = new QPlainTextEdit(m_tabs);
    m_linuxText->setObjectName(QStringLiteral("tentaclesLinuxCommand"));
    m_helmText = new QPlainTextEdit(m_tabs);
    m_helmText->setObjectName(QStringLiteral("tentaclesHelmCommand"));
    m_cleanupText = new QPlainTextEdit(m_tabs);
    m_cleanupText->setObjectName(QStringLiteral("tentaclesCleanupCommand"));
    for (QPlainTextEdit *edit : {m_windowsText, m_linuxText, m_helmText, m_cleanupText}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_tabs->addTab(m_windowsText, tr("&Windows (PowerShell)"));
    m_tabs->addTab(m_linuxText, tr("&Linux (bash)"));
    m_tabs->addTab(m_helmText, tr("&Kubernetes agent (helm)"));
    m_tabs->addTab(m_cleanupText, tr("A&fter cutover"));
    bottomLayout->addWidget(m_tabs, 1);
    m_cloneWarnings = new QLabel(bottom);
    m_cloneWarnings->setObjectName(QStringLiteral("tentaclesCloneWarningsLabel"));
    m_cloneWarnings->setWordWrap(true);
    m_cloneWarnings->setStyleSheet(QStringLiteral("color: #9a6700;"));
    m_cloneWarnings->hide();
    bottomLayout->addWidget(m_cloneWarnings);

    auto *commandRow = new QHBoxLayout;
    m_cloneAlternative =
        new QCheckBox(tr("Show the &alternative: a cloned Tentacle instance with a new certificate"), bottom);
    m_cloneAlternative->setObjectName(QStringLiteral("tentaclesCloneAlternativeCheck"));
    commandRow->addWidget(m_cloneAlternative);
    commandRow->addStretch(1);
    m_copy = new QPushButton(tr("&Copy"), bottom);
    m_copy->setObjectName(QStringLiteral("tentaclesCopyButton"));
    commandRow->addWidget(m_copy);
    m_export = new QToolButton(bottom);
    m_export->setObjectName(QStringLiteral("tentaclesExportButton"));
    m_export->setText(tr("&Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    QAction *scriptsAction = exportMenu->addAction(tr("One script per machine…"));
    scriptsAction->setObjectName(QStringLiteral("tentaclesExportScriptsAction"));
    QAction *bundleAction = exportMenu->addAction(tr("All machines in one file…"));
    bundleAction->setObjectName(QStringLiteral("tentaclesExportBundleAction"));
    QAction *csvAction = exportMenu->addAction(tr("CSV…"));
    csvAction->setObjectName(QStringLiteral("tentaclesExportCsvAction"));
    m_export->setMenu(exportMenu);
    commandRow->addWidget(m_export);
    bottomLayout->addLayout(commandRow);

    auto *verifyRow = new QHBoxLayout;
    m_mark = new QPushButton(tr("&Mark re-pointed"), bottom);
    m_mark->setObjectName(QStringLiteral("tentaclesMarkButton"));
    verifyRow->addWidget(m_mark);
    m_simulate = new QPushButton(tr("Simulate re-point (demo)"), bottom);
    m_simulate->setObjectName(QStringLiteral("tentaclesSimulateRepointButton"));
    m_simulate->setToolTip(
        tr("Demo only: the simulated Tentacles of the selected machines start polling the new "
           "server, as if their re-point command had run on them."));
    m_simulate->setVisible(false); // refreshDemoControls()
    verifyRow->addWidget(m_simulate);
    m_verifySelected = new QPushButton(tr("&Verify selected"), bottom);
    m_verifySelected->setObjectName(QStringLiteral("tentaclesVerifySelectedButton"));
    verifyRow->addWidget(m_verifySelected);
    m_verifyAll = new QPushButton(tr("Verif&y all"), bottom);
    m_verifyAll->setObjectName(QStringLiteral("tentaclesVerifyAllButton"));
    verifyRow->addWidget(m_verifyAll);
    m_verifyProgress = new QProgressBar(bottom);
    m_verifyProgress->setObjectName(QStringLiteral("tentaclesVerifyProgress"));
    m_verifyProgress->hide();
    verifyRow->addWidget(m_verifyProgress, 1);
    m_verifyCancel = new QPushButton(tr("Cancel"), bottom);
    m_verifyCancel->setObjectName(QStringLiteral("tentaclesVerifyCancelButton"));
    m_verifyCancel->hide();
    verifyRow->addWidget(m_verifyCancel);
    m_actionStatus = new QLabel(bottom);
    m_actionStatus->setObjectName(QStringLiteral("tentaclesActionStatusLabel"));
    m_actionStatus->setWordWrap(true);
    verifyRow->addWidget(m_actionStatus, 2);
    bottomLayout->addLayout(verifyRow);

    auto *warningRow = new QHBoxLayout;
    m_warnings = new QLabel(bottom);
    m_warnings->setObjectName(QStringLiteral("tentaclesWarningsLabel"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    warningRow->addWidget(m_warnings, 1);
    m_lockUpgrades = new QPushButton(tr("Loc&k upgrades on the new server…"), bottom);
    m_lockUpgrades->setObjectName(QStringLiteral("tentaclesLockUpgradesButton"));
    warningRow->addWidget(m_lockUpgrades, 0, Qt::AlignTop);
    bottomLayout->addLayout(warningRow);

    splitter->addWidget(m_table);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 300});
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        refreshSummary();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setKind(m_kind->currentData().toString());
        refreshSummary();
    });
    connect(m_space, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSpace(m_space->currentData().toString());
        refreshSummary();
    });
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setEnvironment(m_environment->currentData().toString());
        refreshSummary();
    });
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this] {
        const auto group = PollingMachineModel::GroupBy(m_groupBy->currentData().toInt());
        m_model->setGroupBy(group);
        m_table->setColumnHidden(PollingMachineModel::GroupColumn,
                                 group == PollingMachineModel::GroupBy::None);
        // A stable sort by name, then by group: rows are grouped, and sorted by name inside each group.
        m_table->sortByColumn(PollingMachineModel::NameColumn, Qt::AscendingOrder);
        if (group != PollingMachineModel::GroupBy::None)
            m_table->sortByColumn(PollingMachineModel::GroupColumn, Qt::AscendingOrder);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TentaclesPage::refreshPreview);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TentaclesPage::refreshPreview);
    connect(m_cloneAlternative, &QCheckBox::toggled, this, &TentaclesPage::refreshPreview);
    connect(m_copy, &QPushButton::clicked, this, &TentaclesPage::copyCommand);
    connect(scriptsAction, &QAction::triggered, this, &TentaclesPage::exportScripts);
    connect(bundleAction, &QAction::triggered, this, &TentaclesPage::exportBundle);
    connect(csvAction, &QAction::triggered, this, &TentaclesPage::exportCsv);
    connect(m_mark, &QPushButton::clicked, this, &TentaclesPage::markSelectedRepointed);
    connect(m_simulate, &QPushButton::clicked, this, &TentaclesPage::simulateRepoint);
    connect(m_session, &ServerSession::demoChanged, this, &TentaclesPage::refreshDemoControls);
    connect(m_verifySelected, &QPushButton::clicked, this, &TentaclesPage::verifySelected);
    connect(m_verifyAll, &QPushButton::clicked, this, &TentaclesPage::verifyAll);
    connect(m_verifyCancel, &QPushButton::clicked, this, &TentaclesPage::cancelVerification);
    connect(m_lockUpgrades, &QPushButton::clicked, this, &TentaclesPage::lockUpgrades);
    connect(m_inventoryButton, &QPushButton::clicked, m_session, &ServerSession::takeInventory);
    connect(m_controller, &TentaclesController::inventoryChanged, this, &TentaclesPage::reloadMachines);
    connect(m_controller, &TentaclesController::thumbprintChanged, this, &TentaclesPage::refreshPreview);
    connect(m_controller, &TentaclesController::calamariChurnChecked, this, [this] {
        refreshWarnings();
        Q_EMIT calamariChurnChecked();
    });
    connect(m_controller, &TentaclesController::upgradeLockCandidatesChanged, this,
            &TentaclesPage::refreshWarnings);
    connect(m_controller, &TentaclesController::upgradesLocked, this, &TentaclesPage::onUpgradesLocked);
    connect(m_controller, &TentaclesController::marksChanged, this, &TentaclesPage::onMarksChanged);
    connect(m_controller, &TentaclesController::verificationStarted, this,
            &TentaclesPage::onVerificationStarted);
    connect(m_controller, &TentaclesController::verificationProgress, this, [this](int done, int total) {
        m_verifyProgress->setRange(0, std::max(total, 1));
        m_verifyProgress->setValue(done);
        m_verifyProgress->setFormat(tr("%1 of %2 checked").arg(done).arg(total));
    });
    connect(m_controller, &TentaclesController::machineVerified, this, &TentaclesPage::onMachineVerified);
    connect(m_controller, &TentaclesController::verificationFinished, this,
            &TentaclesPage::onVerificationFinished);
    connect(m_session, &ServerSession::inventoryRunningChanged, this, [this](bool running) {
        m_inventoryProgress->setVisible(running);
        m_inventoryButton->setEnabled(!running);
        if (running) {
            m_inventoryProgress->setRange(0, 0);
            m_inventoryStatus->setText(tr("Taking inventory…"));
        } else {
            refreshSummary();
        }
    });
    connect(m_session, &ServerSession::inventoryProgress, this, [this](int done, int total) {
        m_inventoryProgress->setRange(0, std::max(total, 1));
        m_inventoryProgress->setValue(done);
    });
    connect(m_plan, &MigrationPlan::replaced, this,
            [this] { m_model->setMarks(m_plan->tentacles().machines); });
    refreshDemoControls();
}

TentaclesPage::~TentaclesPage() = default;

const QList<CalamariChurnGroup> &TentaclesPage::calamariChurn() const
{
    return m_controller->calamariChurn();
}

bool TentaclesPage::isVerifying() const
{
    return m_controller->isVerifying();
}

void TentaclesPage::refreshDemoControls()
{
    DemoControls *demo = m_session->demoControls();
    m_simulate->setVisible(demo != nullptr);
    if (demo && demo != m_demoControls) {
        m_demoControls = demo;
        connect(demo, &DemoControls::repointSimulated, this, &TentaclesPage::onRepointSimulated);
    }
}

void TentaclesPage::initializeStep()
{
    reloadMachines();
    m_controller->fetchThumbprint();
    if (!m_autoInventoryDone && !m_session->inventory(ServerRole::Old) &&
        m_session->canConnect(ServerRole::Old) && !m_session->isTakingInventory()) {
        m_autoInventoryDone = true;
        m_session->takeInventory();
    }
    refreshSummary();
    refreshPreview();
}

void TentaclesPage::reloadMachines()
{
    m_model->setMachines(m_controller->machines());
    m_model->setMarks(m_plan->tentacles().machines);
    m_model->setNewServerHealth(m_controller->newServerHealth());
    refreshFilters();
    m_controller->checkCalamariChurn();
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, PollingMachineModel::NameColumn));
    refreshSummary();
    refreshWarnings();
    refreshPreview();
}

void TentaclesPage::refreshFilters()
{
    QStringList spaces;
    QStringList environments;
    for (const TentacleMachine &m : m_model->machines()) {
        if (!spaces.contains(m.spaceName))
            spaces << m.spaceName;
        for (const QString &environment : m.environments) {
            if (!environments.contains(environment))
                environments << environment;
        }
    }
    spaces.sort(Qt::CaseInsensitive);
    environments.sort(Qt::CaseInsensitive);
    for (const auto &[combo, values, all] :
         {std::tuple{m_space, spaces, tr("All spaces")},
          std::tuple{m_environment, environments, tr("All environments")}}) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(all, QString());
        for (const QString &value : values)
            combo->addItem(value, value);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    }
    m_filter->setSpace(m_space->currentData().toString());
    m_filter->setEnvironment(m_environment->currentData().toString());
}

void TentaclesPage::refreshSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_count->setText(shown == total ? tr("%n machine(s)", nullptr, total)
                                    : tr("%1 of %2 shown").arg(shown).arg(total));
    const bool haveInventory = m_session->inventory(ServerRole::Old).has_value();
    if (!m_session->isTakingInventory()) {
        m_inventoryStatus->setText(haveInventory ? QString() : tr("No inventory yet."));
        m_inventoryButton->setText(haveInventory ? tr("Refresh &inventory") : tr("Take &inventory"));
    }
    m_inventoryButton->setEnabled(!m_session->isTakingInventory() && m_session->canConnect(ServerRole::Old));

    const DomainDecision &domain = m_plan->domain();
    QString text;
    if (!haveInventory && !m_session->canConnect(ServerRole::Old)) {
        text = tr("Connect to the old server (step 1) to list its polling Tentacles.");
    } else if (domain.choice == DomainDecision::Choice::KeepName) {
        text = tr("<b>No command is needed.</b> The new server keeps the name %1: when DNS moves at cutover, "
                  "these "
                  "%2 polling Tentacles follow it on their own. Make sure the polling port 10943 is open on "
                  "the new "
                  "server.")
                   .arg(domain.oldPublicUrl.host().toHtmlEscaped())
                   .arg(total);
    } else if (domain.choice == DomainDecision::Choice::NewName) {
        const TentacleCommands::Options options = m_controller->commandOptions();
        text = tr("<b>%1 polling Tentacles must be re-pointed to %2:%3.</b> Run the command for each on that "
                  "machine: "
                  "it needs no new certificate, no API key and no extra licence target.")
                   .arg(total)
                   .arg(options.newHost.toHtmlEscaped())
                   .arg(options.pollingPort);
    } else {
        text = tr("<b>The domain name is not decided yet</b> (step 2). If the new server gets a new name, "
                  "these %1 "
                  "polling Tentacles must be re-pointed; the commands below assume %2.")
                   .arg(total)
                   .arg(m_controller->commandOptions().newHost.toHtmlEscaped());
    }
    m_summary->setText(text);
    const bool commands = domain.choice != DomainDecision::Choice::KeepName;
    m_export->setEnabled(commands && total > 0);
    m_copy->setEnabled(commands && total > 0);
    const bool canVerify = m_session->canConnect(ServerRole::New) && total > 0 && !isVerifying();
    m_verifySelected->setEnabled(canVerify);
    m_verifyAll->setEnabled(canVerify);
    m_mark->setEnabled(total > 0);
}

void TentaclesPage::refreshPreview()
{
    const QModelIndex current = m_table->currentIndex();
    const DomainDecision &domain = m_plan->domain();
    m_cloneWarnings->setVisible(false);
    if (domain.choice == DomainDecision::Choice::KeepName) {
        const QString text =
            tr("# No command is needed: the new server keeps the name %1.\n"
               "# Polling Tentacles dial that name; they reach the new server as soon as DNS points to it.\n")
                .arg(domain.oldPublicUrl.host());
        for (QPlainTextEdit *edit : {m_windowsText, m_linuxText, m_helmText, m_cleanupText})
            edit->setPlainText(text);
        return;
    }
    if (!current.isValid()) {
        const QString text = tr("# Select a machine to see its commands.\n");
        for (QPlainTextEdit *edit : {m_windowsText, m_linuxText, m_helmText, m_cleanupText})
            edit->setPlainText(text);
        return;
    }
    const int row = m_filter->mapToSource(current).row();
    const TentacleMachine &machine = m_model->machine(row);
    const TentacleCommands::Options options = m_controller->commandOptions();
    const bool clone = m_cloneAlternative->isChecked();
    const bool kubernetes = machine.isKubernetesAgent();
    for (const auto &[edit, os] : {std::pair{m_windowsText, TentacleCommands::Os::Windows},
                                   std::pair{m_linuxText, TentacleCommands::Os::Linux}}) {
        if (kubernetes) {
            edit->setPlainText(tr("# %1 is a Kubernetes agent: it is re-pointed through its Helm release "
                                  "(the helm tab), not the Tentacle command line.\n")
                                   .arg(TentacleCommands::commentSafe(machine.name)));
            continue;
        }
        const TentacleCommands::Script script =
            clone ? TentacleCommands::cloneInstanceScript(machine, os, options)
                  : TentacleCommands::repointScript(machine, os, options);
        edit->setPlainText(script.text);
    }
    m_helmText->setPlainText(kubernetes ? TentacleCommands::helmScript(machine, options, false).text
                                        : tr("# Not a Kubernetes agent: use the Windows or Linux script.\n"));
    m_cleanupText->setPlainText(TentacleCommands::afterCutoverText(machine, options));
    if (clone && !kubernetes) {
        m_cloneWarnings->setText(TentacleCommands::cloneInstanceWarnings().join(QLatin1Char('\n')));
        m_cloneWarnings->setVisible(true);
    }
    // Show the machine's own shell first; when its OS is unknown, leave the tab the user chose (never guess).
    // The after-cutover tab stays where the user put it.
    if (m_tabs->currentWidget() != m_cleanupText) {
        if (kubernetes)
            m_tabs->setCurrentWidget(m_helmText);
        else if (TentacleCommands::osFor(machine) == TentacleCommands::Os::Windows)
            m_tabs->setCurrentWidget(m_windowsText);
        else if (TentacleCommands::osFor(machine) == TentacleCommands::Os::Linux)
            m_tabs->setCurrentWidget(m_linuxText);
        else if (m_tabs->currentWidget() == m_helmText)
            m_tabs->setCurrentWidget(m_windowsText);
    }
}

void TentaclesPage::refreshWarnings()
{
    QStringList lines;
    const bool haveNewInventory = m_session->inventory(ServerRole::New).has_value();
    const int suggested = int(m_controller->upgradeLockCandidates().size());
    QStringList names;
    for (const QString &name : m_controller->upgradeLockCandidateNames().mid(0, 5))
        names << name.toHtmlEscaped();
    if (suggested > 0) {
        lines << tr("<b>Upgrade prompts:</b> the new server suggests a Tentacle upgrade for %1 machines "
                    "(%2%3). "
                    "While both servers run side by side, an upgrade from one of them changes what the other "
                    "sees; lock upgrades on the new server until cutover.")
                     .arg(suggested)
                     .arg(names.join(QStringLiteral(", ")),
                          suggested > names.size() ? QStringLiteral(", …") : QString());
    } else if (haveNewInventory) {
        lines << tr("No Tentacle upgrade is pending on the new server.");
    }
    const QList<CalamariChurnGroup> &churn = m_controller->calamariChurn();
    if (!churn.isEmpty()) {
        int targets = 0;
        QStringList groups;
        const QLocale locale;
        for (const CalamariChurnGroup &g : churn) {
            targets += int(g.machineIds.size());
            if (groups.size() < 3)
                groups << tr("%1 (%2 targets; last deployment from the old server %3, from the new one %4)")
                              .arg(g.environmentName.toHtmlEscaped())
                              .arg(g.machineIds.size())
                              .arg(locale.toString(g.lastOld.toLocalTime(), QLocale::ShortFormat),
                                   locale.toString(g.lastNew.toLocalTime(), QLocale::ShortFormat));
        }
        lines << tr("<b>Calamari churn:</b> both servers have deployed to %1 targets in %2 environments "
                    "since the "
                    "clone: %3. Each deployment upgrades or downgrades Calamari to its own server's version; "
                    "deploy "
                    "from one server at a time.")
                     .arg(targets)
                     .arg(churn.size())
                     .arg(groups.join(QStringLiteral("; ")));
    } else {
        lines << (m_controller->isCalamariChurnKnown()
                      ? tr("<b>Calamari:</b> no environment has deployments from both servers since the "
                           "clone. Keep it that way: each server upgrades or downgrades Calamari to its own "
                           "version on the targets it deploys to.")
                      : tr("<b>Calamari:</b> if both servers deploy to the same targets during the "
                           "side-by-side period, each one upgrades or downgrades Calamari to its own "
                           "version on every deployment. Deploy from one server at a time."));
    }

    m_warnings->setText(lines.join(QStringLiteral("<br>")));
    m_lockUpgrades->setEnabled(m_controller->canLockUpgrades());
    m_lockUpgrades->setProperty("candidates", suggested);
}

QStringList TentaclesPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(PollingMachineModel::MachineIdRole).toString();
    if (ids.isEmpty() && m_table->currentIndex().isValid())
        ids << m_table->currentIndex().data(PollingMachineModel::MachineIdRole).toString();
    return ids;
}

QStringList TentaclesPage::visibleIds() const
{
    QStringList ids;
    ids.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids << m_filter->index(row, 0).data(PollingMachineModel::MachineIdRole).toString();
    return ids;
}

QList<TentacleMachine> TentaclesPage::visibleMachines() const
{
    QList<TentacleMachine> machines;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        machines << m_model->machine(m_filter->mapToSource(m_filter->index(row, 0)).row());
    return machines;
}

void TentaclesPage::markSelectedRepointed()
{
    ensureBuilt();
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_controller->markRepointed(ids);
    m_actionStatus->setText(
        tr("%n machine(s) marked as re-pointed; verify them when their Tentacles have restarted.", nullptr,
           int(ids.size())));
}

void TentaclesPage::onMarksChanged(const QStringList &ids)
{
    for (const QString &id : ids)
        m_model->setMark(id, m_controller->mark(id));
}

void TentaclesPage::simulateRepoint()
{
    ensureBuilt();
    DemoControls *demo = m_session->demoControls();
    const QStringList ids = selectedIds();
    if (!demo || ids.isEmpty())
        return;
    demo->simulateRepoint(ids);
}

void TentaclesPage::onRepointSimulated(const QStringList &ids, const ApiError &error)
{
    if (error.isError()) {
        m_actionStatus->setText(
            tr("The simulator did not take the re-point: %1").arg(ApiErrorText::describe(error)));
        return;
    }
    m_controller->markRepointed(ids);
    m_actionStatus->setText(
        tr("Simulated: %n Tentacle(s) now poll the new server. Verify them.", nullptr, int(ids.size())));
}

void TentaclesPage::verifySelected()
{
    ensureBuilt();
    m_controller->verify(selectedIds());
}

void TentaclesPage::verifyAll()
{
    ensureBuilt();
    m_controller->verify(visibleIds());
}

void TentaclesPage::cancelVerification()
{
    m_controller->cancelVerification();
}

void TentaclesPage::onVerificationStarted(const QStringList &ids, int machines)
{
    m_model->setChecking(ids, true);
    m_verifyProgress->setRange(0, 0);
    m_verifyProgress->show();
    m_verifyCancel->show();
    m_actionStatus->setText(tr("Asking the new server to check %n machine(s)…", nullptr, machines));
    refreshSummary();
}

void TentaclesPage::onMachineVerified(const TentacleVerifyResult &result)
{
    m_model->setChecking({result.id}, false);
    if (result.error.isError())
        return; // stays as it was; the error is reported when the run ends
    // A stale or skipped status is not the new server's answer.
    if (!result.stale && !result.disabled)
        m_model->setNewHealth(result.id, result.healthStatus);
    if (const std::optional<TentacleMark> mark = m_controller->mark(result.id))
        m_model->setMark(result.id, mark);
}

void TentaclesPage::onVerificationFinished(const QStringList &ids, const ApiError &error, int verified,
                                           int failed)
{
    m_model->setChecking(ids, false);
    for (const QString &id : ids)
        m_model->setMark(id, m_controller->mark(id));
    m_verifyProgress->hide();
    m_verifyCancel->hide();
    if (error.kind == ApiErrorKind::Cancelled)
        m_actionStatus->setText(tr("Verification cancelled."));
    else if (error.isError())
        m_actionStatus->setText(tr("The new server could not check every machine (%1).").arg(error.message));
    else
        m_actionStatus->setText(tr("Verified: %1, not reached: %2.").arg(verified).arg(failed));
    QStringList notes;
    if (const int disabled = int(m_controller->lastRunDisabled().size()); disabled > 0)
        notes << tr("%n machine(s) are disabled on the new server: health checks skip them, so they stay "
                    "unverified until enabled.",
                    nullptr, disabled);
    if (const int stale = int(m_controller->lastRunStale().size()); stale > 0)
        notes << tr("%n machine(s) were not checked: the new server's health check did not finish, and the "
                    "status it holds is older than the re-point.",
                    nullptr, stale);
    if (!notes.isEmpty())
        m_actionStatus->setText(m_actionStatus->text() + QLatin1Char(' ') + notes.join(QLatin1Char(' ')));
    refreshSummary();
    Q_EMIT verificationFinished();
}

void TentaclesPage::copyCommand()
{
    auto *edit = qobject_cast<QPlainTextEdit *>(m_tabs->currentWidget());
    if (!edit)
        return;
    QApplication::clipboard()->setText(edit->toPlainText());
    m_actionStatus->setText(tr("Copied the %1 script to the clipboard.")
                                .arg(m_tabs->tabText(m_tabs->currentIndex()).remove(QLatin1Char('&'))));
}

void TentaclesPage::exportScripts()
{
    if (!m_dialogs)
        return;
    const QString folder =
        m_dialogs->askDirectory(this, tr("Folder for the re-point scripts"), defaultExportDir());
    if (folder.isEmpty())
        return;
    const TentacleExportWriter::Result result =
        TentacleExportWriter::writeScripts(folder, visibleMachines(), m_controller->commandOptions());
    if (!result.ok) {
        m_dialogs->showError(this, tr("Export"), result.message());
        return;
    }
    m_actionStatus->setText(
        tr("Wrote %1 scripts to %2.").arg(result.filesWritten).arg(QDir::toNativeSeparators(folder)));
}

void TentaclesPage::exportBundle()
{
    if (!m_dialogs)
        return;
    const QString path =
        m_dialogs->askExportFile(this, tr("Save all re-point scripts"),
                                 QDir(defaultExportDir()).filePath(QStringLiteral("polling-tentacles.txt")),
                                 tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const TentacleExportWriter::Result result =
        TentacleExportWriter::writeBundle(path, visibleMachines(), m_controller->commandOptions());
    if (!result.ok) {
        m_dialogs->showError(this, tr("Export"), result.message());
        return;
    }
    m_actionStatus->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void TentaclesPage::exportCsv()
{
    if (!m_dialogs)
        return;
    const QString path =
        m_dialogs->askExportFile(this, tr("Save polling Tentacles as CSV"),
                                 QDir(defaultExportDir()).filePath(QStringLiteral("polling-tentacles.csv")),
                                 tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const TentacleExportWriter::Result result =
        TentacleExportWriter::writeCsv(path, visibleMachines(), m_controller->commandOptions());
    if (!result.ok) {
        m_dialogs->showError(this, tr("Export"), result.message());
        return;
    }
    m_actionStatus->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void TentaclesPage::lockUpgrades()
{
    const int candidates = int(m_controller->upgradeLockCandidates().size());
    if (!m_controller->canLockUpgrades() || !m_dialogs)
        return;
    if (!m_dialogs->confirm(
            this, tr("Lock Tentacle upgrades"),
            tr("Lock Tentacle upgrades for %n machine(s) on the new server?", nullptr, candidates),
            tr("This changes each machine on the new server (Endpoint.TentacleVersionDetails."
               "UpgradeLocked). The old server is not touched. Unlock them after cutover.")))
        return;
    m_lockUpgrades->setEnabled(false);
    m_actionStatus->setText(tr("Locking upgrades…"));
    m_controller->lockUpgrades();
}

void TentaclesPage::onUpgradesLocked(const QStringList &changed, const QList<ApiError> &errors)
{
    m_actionStatus->setText(errors.isEmpty()
                                ? tr("Locked Tentacle upgrades for %n machine(s) on the new server.", nullptr,
                                     int(changed.size()))
                                : tr("Locked %1 machines; %2 could not be changed (%3).")
                                      .arg(changed.size())
                                      .arg(errors.size())
                                      .arg(errors.first().message));
    refreshWarnings();
}
