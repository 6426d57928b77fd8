#include "tentaclespage.h"

#include "apijob.h"
#include "deploymenthistoryjob.h"
#include "dialogservice.h"
#include "migrationplan.h"
#include "octopusclient.h"
#include "planstep.h"
#include "pollingmachinemodel.h"
#include "serversession.h"
#include "tentaclemachines.h"
#include "tentacleverifier.h"
#include "upgradelockjob.h"
#include "wizardlogging.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QString defaultExportDir()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

} // namespace

TentaclesPage::TentaclesPage(MigrationPlan *plan, ServerSession *session, DialogService *dialogs,
                             QWidget *parent)
    : QWizardPage(parent)
    , m_plan(plan)
    , m_session(session)
    , m_dialogs(dialogs)
    , m_model(new PollingMachineModel(this))
    , m_filter(new PollingMachineFilter(this))
{
    setObjectName(QStringLiteral("tentaclesPage"));
    setTitle(planStepTitle(PlanStep::Tentacles));
    setSubTitle(tr("Make every polling Tentacle poll the new server, and check that it does."));
    m_filter->setSourceModel(m_model);

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
    for (QPlainTextEdit *edit : {m_windowsText, m_linuxText}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_tabs->addTab(m_windowsText, tr("&Windows (PowerShell)"));
    m_tabs->addTab(m_linuxText, tr("&Linux (bash)"));
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
    m_simulate->setVisible(m_session->isDemo());
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
    connect(m_session, &ServerSession::demoChanged, m_simulate, &QWidget::setVisible);
    connect(m_verifySelected, &QPushButton::clicked, this, &TentaclesPage::verifySelected);
    connect(m_verifyAll, &QPushButton::clicked, this, &TentaclesPage::verifyAll);
    connect(m_verifyCancel, &QPushButton::clicked, this, &TentaclesPage::cancelVerification);
    connect(m_lockUpgrades, &QPushButton::clicked, this, &TentaclesPage::lockUpgrades);
    connect(m_inventoryButton, &QPushButton::clicked, m_session, &ServerSession::takeInventory);
    connect(m_session, &ServerSession::inventoryChanged, this, [this](ServerRole) { reloadMachines(); });
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
    connect(m_session, &ServerSession::clientsChanged, this, [this] { m_thumbprint.clear(); });
    connect(m_plan, &MigrationPlan::replaced, this,
            [this] { m_model->setMarks(m_plan->tentacles().machines); });
}

TentaclesPage::~TentaclesPage()
{
    if (m_verifier)
        m_verifier->cancel();
}

void TentaclesPage::initializePage()
{
    reloadMachines();
    fetchThumbprint();
    if (!m_autoInventoryDone && !m_session->inventory(ServerRole::Old) &&
        m_session->canConnect(ServerRole::Old) && !m_session->isTakingInventory()) {
        m_autoInventoryDone = true;
        m_session->takeInventory();
    }
    refreshSummary();
    refreshPreview();
}

TentacleCommands::Options TentaclesPage::commandOptions() const
{
    TentacleCommands::Options options;
    const DomainDecision &domain = m_plan->domain();
    // Undecided: the commands assume a new name, the new public URL if given, else the URL used to reach it.
    QUrl publicUrl =
        domain.choice == DomainDecision::Choice::KeepName ? domain.oldPublicUrl : domain.newPublicUrl;
    if (publicUrl.host().isEmpty())
        publicUrl = m_plan->serverUrl(ServerRole::New);
    options.newHost = publicUrl.host();
    options.newServerUrl = publicUrl;
    options.serverThumbprint = m_thumbprint;
    return options;
}

void TentaclesPage::fetchThumbprint()
{
    if (!m_thumbprint.isEmpty())
        return;
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client)
        return;
    ApiJob *job = client->get(QStringLiteral("/api/configuration/certificates/certificate-global"));
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok())
            return;
        m_thumbprint = result.json.object().value(QLatin1String("Thumbprint")).toString();
        refreshPreview();
    });
}

void TentaclesPage::reloadMachines()
{
    const auto &oldInventory = m_session->inventory(ServerRole::Old);
    m_model->setMachines(oldInventory ? pollingMachinesFrom(*oldInventory) : QList<TentacleMachine>{});
    m_model->setMarks(m_plan->tentacles().machines);
    QHash<QString, QString> health;
    if (const auto &newInventory = m_session->inventory(ServerRole::New)) {
        for (const QList<InventoryMachine> *list : {&newInventory->targets, &newInventory->workers}) {
            for (const InventoryMachine &m : *list)
                health.insert(m.id, m.healthStatus);
        }
    }
    m_model->setNewServerHealth(health);
    refreshFilters();
    checkCalamariChurn();
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
        const TentacleCommands::Options options = commandOptions();
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
                   .arg(commandOptions().newHost.toHtmlEscaped());
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
        m_windowsText->setPlainText(text);
        m_linuxText->setPlainText(text);
        return;
    }
    if (!current.isValid()) {
        const QString text = tr("# Select a machine to see its commands.\n");
        m_windowsText->setPlainText(text);
        m_linuxText->setPlainText(text);
        return;
    }
    const int row = m_filter->mapToSource(current).row();
    const TentacleMachine &machine = m_model->machine(row);
    const TentacleCommands::Options options = commandOptions();
    const bool clone = m_cloneAlternative->isChecked();
    for (const auto &[edit, os] : {std::pair{m_windowsText, TentacleCommands::Os::Windows},
                                   std::pair{m_linuxText, TentacleCommands::Os::Linux}}) {
        const TentacleCommands::Script script =
            clone ? TentacleCommands::cloneInstanceScript(machine, os, options)
                  : TentacleCommands::repointScript(machine, os, options);
        edit->setPlainText(script.text);
    }
    if (clone) {
        m_cloneWarnings->setText(TentacleCommands::cloneInstanceWarnings().join(QLatin1Char('\n')));
        m_cloneWarnings->setVisible(true);
    }
    // Show the machine's own shell first.
    m_tabs->setCurrentIndex(TentacleCommands::osFor(machine) == TentacleCommands::Os::Windows ? 0 : 1);
}

void TentaclesPage::refreshWarnings()
{
    QStringList lines;
    const auto &newInventory = m_session->inventory(ServerRole::New);
    int suggested = 0;
    QStringList names;
    if (newInventory) {
        for (const QList<InventoryMachine> *list : {&newInventory->targets, &newInventory->workers}) {
            for (const InventoryMachine &m : *list) {
                if (m.upgradeSuggested && !m.upgradeLocked &&
                    (m.communicationStyle == QLatin1String("TentacleActive") ||
                     m.communicationStyle == QLatin1String("TentaclePassive"))) {
                    ++suggested;
                    if (names.size() < 5)
                        names << m.name.toHtmlEscaped();
                }
            }
        }
    }
    if (suggested > 0) {
        lines << tr("<b>Upgrade prompts:</b> the new server suggests a Tentacle upgrade for %1 machines "
                    "(%2%3). "
                    "While both servers run side by side, an upgrade from one of them changes what the other "
                    "sees; lock upgrades on the new server until cutover.")
                     .arg(suggested)
                     .arg(names.join(QStringLiteral(", ")),
                          suggested > names.size() ? QStringLiteral(", …") : QString());
    } else if (newInventory) {
        lines << tr("No Tentacle upgrade is pending on the new server.");
    }
    if (!m_churn.isEmpty()) {
        int targets = 0;
        QStringList groups;
        const QLocale locale;
        for (const CalamariChurnGroup &g : std::as_const(m_churn)) {
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
                     .arg(m_churn.size())
                     .arg(groups.join(QStringLiteral("; ")));
    } else {
        lines << (m_churnKnown
                      ? tr("<b>Calamari:</b> no environment has deployments from both servers since the "
                           "clone. Keep it that way: each server upgrades or downgrades Calamari to its own "
                           "version on the targets it deploys to.")
                      : tr("<b>Calamari:</b> if both servers deploy to the same targets during the "
                           "side-by-side period, each one upgrades or downgrades Calamari to its own "
                           "version on every deployment. Deploy from one server at a time."));
    }

    m_warnings->setText(lines.join(QStringLiteral("<br>")));
    m_lockUpgrades->setEnabled(suggested > 0 && m_session->canConnect(ServerRole::New));
    m_lockUpgrades->setProperty("candidates", suggested);
}

void TentaclesPage::checkCalamariChurn()
{
    const auto &oldInventory = m_session->inventory(ServerRole::Old);
    const auto &newInventory = m_session->inventory(ServerRole::New);
    OctopusClient *oldClient = m_session->client(ServerRole::Old);
    OctopusClient *newClient = m_session->client(ServerRole::New);
    if (!oldInventory || !newInventory || !oldClient || !newClient || !m_historyJobs.isEmpty() ||
        (m_churnKnown && m_churnInventory == oldInventory->takenAt))
        return;
    m_churnInventory = oldInventory->takenAt;
    QStringList spaceIds;
    for (const InventorySpace &space : oldInventory->spaces)
        spaceIds << space.id;
    auto pending = std::make_shared<int>(2);
    for (const auto &[client, target] :
         {std::pair{oldClient, &m_oldDeployments}, std::pair{newClient, &m_newDeployments}}) {
        auto *job = new DeploymentHistoryJob(client, spaceIds, 200, this);
        m_historyJobs.append(job);
        QList<DeploymentRecord> *out = target;
        connect(job, &DeploymentHistoryJob::finished, this,
                [this, job, out, pending](const QList<DeploymentRecord> &records, const QList<ApiError> &) {
                    *out = records;
                    m_historyJobs.removeAll(job);
                    job->deleteLater();
                    if (--*pending > 0)
                        return;
                    const auto &inventory = m_session->inventory(ServerRole::Old);
                    m_churn = findCalamariChurn(m_oldDeployments, m_newDeployments,
                                                inventory ? tentacleMachinesFrom(*inventory)
                                                          : QList<TentacleMachine>{},
                                                QDateTime::currentDateTimeUtc().addDays(-30));
                    m_churnKnown = true;
                    refreshWarnings();
                    Q_EMIT calamariChurnChecked();
                });
        job->start();
    }
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
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    TentaclesSection section = m_plan->tentacles();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        TentacleMark mark = section.machines.value(id);
        mark.spaceId = m_model->machine(row).spaceId;
        mark.repointedAt = now;
        mark.verification = TentacleMark::Verification::Pending;
        section.machines.insert(id, mark);
        m_model->setMark(id, mark);
    }
    m_plan->setTentacles(section);
    m_actionStatus->setText(
        tr("%n machine(s) marked as re-pointed; verify them when their Tentacles have restarted.", nullptr,
           int(ids.size())));
}

void TentaclesPage::simulateRepoint()
{
    OctopusClient *client = m_session->client(ServerRole::New);
    const QStringList ids = selectedIds();
    if (!m_session->isDemo() || !client || ids.isEmpty())
        return;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/octosim/control/repoint");
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("MachineIds"), QJsonArray::fromStringList(ids)}})
                       .toJson(QJsonDocument::Compact);
    ApiJob *job = client->send(request);
    connect(job, &ApiJob::finished, this, [this, ids](const ApiResult &result) {
        if (!result.ok()) {
            m_actionStatus->setText(
                tr("The simulator did not take the re-point: %1").arg(result.error.message));
            return;
        }
        markSelectedRepointed();
        m_actionStatus->setText(
            tr("Simulated: %n Tentacle(s) now poll the new server. Verify them.", nullptr, int(ids.size())));
    });
}

void TentaclesPage::verifySelected()
{
    verify(selectedIds());
}

void TentaclesPage::verifyAll()
{
    verify(visibleIds());
}

void TentaclesPage::verify(const QStringList &ids)
{
    if (ids.isEmpty() || isVerifying())
        return;
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client)
        return;
    QList<TentacleVerifyTarget> targets;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const TentacleMachine &m = m_model->machine(row);
        targets.append({m.id, m.spaceId, m.isWorker()});
    }
    m_verifying = ids;
    m_verifier = new TentacleVerifier(client, this);
    m_verifier->setPollIntervalMs(500);
    connect(m_verifier, &TentacleVerifier::machineChecked, this, &TentaclesPage::onVerifyResult);
    connect(m_verifier, &TentacleVerifier::progress, this, [this](int done, int total) {
        m_verifyProgress->setRange(0, std::max(total, 1));
        m_verifyProgress->setValue(done);
        m_verifyProgress->setFormat(tr("%1 of %2 checked").arg(done).arg(total));
    });
    connect(m_verifier, &TentacleVerifier::finished, this,
            [this](const QList<TentacleVerifyResult> &, const ApiError &error) { onVerifyFinished(error); });
    m_model->setChecking(ids, true);
    m_verifyProgress->setRange(0, 0);
    m_verifyProgress->show();
    m_verifyCancel->show();
    m_actionStatus->setText(
        tr("Asking the new server to check %n machine(s)…", nullptr, int(targets.size())));
    refreshSummary();
    m_verifier->start(targets);
}

void TentaclesPage::onVerifyResult(const TentacleVerifyResult &result)
{
    m_model->setChecking({result.id}, false);
    if (result.error.isError()) {
        return; // stays as it was; the error is reported when the run ends
    }
    m_model->setNewHealth(result.id, result.healthStatus);
    std::optional<TentacleMark> mark = m_model->mark(result.id);
    if (!mark && !result.verified)
        return; // not re-pointed yet, and the new server agrees
    if (!mark) {
        mark = TentacleMark{};
        mark->spaceId = result.spaceId;
        mark->repointedAt = result.checkedAt;
    }
    mark->verification =
        result.verified ? TentacleMark::Verification::Verified : TentacleMark::Verification::Failed;
    mark->checkedAt = result.checkedAt;
    mark->healthStatus = result.healthStatus;
    m_model->setMark(result.id, mark);
}

void TentaclesPage::onVerifyFinished(const ApiError &error)
{
    m_model->setChecking(m_verifying, false);
    // Write every mark the run changed into the plan at once (one change, one autosave).
    TentaclesSection section = m_plan->tentacles();
    int verified = 0;
    int failed = 0;
    for (const QString &id : std::as_const(m_verifying)) {
        const std::optional<TentacleMark> mark = m_model->mark(id);
        if (!mark)
            continue;
        section.machines.insert(id, *mark);
        if (mark->verification == TentacleMark::Verification::Verified)
            ++verified;
        else if (mark->verification == TentacleMark::Verification::Failed)
            ++failed;
    }
    m_plan->setTentacles(section);
    m_verifying.clear();
    m_verifier->deleteLater();
    m_verifier = nullptr;
    m_verifyProgress->hide();
    m_verifyCancel->hide();
    if (error.kind == ApiErrorKind::Cancelled)
        m_actionStatus->setText(tr("Verification cancelled."));
    else if (error.isError())
        m_actionStatus->setText(tr("The new server could not check every machine (%1).").arg(error.message));
    else
        m_actionStatus->setText(tr("Verified: %1, not reached: %2.").arg(verified).arg(failed));
    refreshSummary();
    Q_EMIT verificationFinished();
}

void TentaclesPage::cancelVerification()
{
    if (m_verifier)
        m_verifier->cancel();
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
    if (!QDir().mkpath(folder)) {
        m_dialogs->showError(this, tr("Export"), tr("Cannot create the folder %1.").arg(folder));
        return;
    }
    const TentacleCommands::Options options = commandOptions();
    int written = 0;
    for (const TentacleMachine &machine : visibleMachines()) {
        const TentacleCommands::Script script =
            TentacleCommands::repointScript(machine, TentacleCommands::osFor(machine), options);
        const QString path = QDir(folder).filePath(script.fileName);
        QString error;
        if (!writeText(path, script.text, &error)) {
            m_dialogs->showError(this, tr("Export"), tr("Cannot write %1: %2").arg(path, error));
            return;
        }
        if (script.os == TentacleCommands::Os::Linux)
            QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup |
                                            QFile::ExeOther);
        ++written;
    }
    m_actionStatus->setText(tr("Wrote %1 scripts to %2.").arg(written).arg(QDir::toNativeSeparators(folder)));
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
    QString error;
    if (!writeText(path, TentacleCommands::bundle(visibleMachines(), commandOptions()), &error)) {
        m_dialogs->showError(this, tr("Export"), tr("Cannot write %1: %2").arg(path, error));
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
    QString error;
    if (!writeText(path, TentacleCommands::csv(visibleMachines(), commandOptions()), &error)) {
        m_dialogs->showError(this, tr("Export"), tr("Cannot write %1: %2").arg(path, error));
        return;
    }
    m_actionStatus->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

void TentaclesPage::lockUpgrades()
{
    const auto &newInventory = m_session->inventory(ServerRole::New);
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!newInventory || !client || !m_dialogs)
        return;
    QList<UpgradeLockTarget> targets;
    for (const QList<InventoryMachine> *list : {&newInventory->targets, &newInventory->workers}) {
        for (const InventoryMachine &m : *list) {
            if (m.upgradeSuggested && !m.upgradeLocked &&
                (m.communicationStyle == QLatin1String("TentacleActive") ||
                 m.communicationStyle == QLatin1String("TentaclePassive")))
                targets.append({m.id, m.spaceId, m.isWorker});
        }
    }
    if (targets.isEmpty())
        return;
    if (!m_dialogs->confirm(
            this, tr("Lock Tentacle upgrades"),
            tr("Lock Tentacle upgrades for %n machine(s) on the new server?", nullptr, int(targets.size())),
            tr("This changes each machine on the new server (Endpoint.TentacleVersionDetails."
               "UpgradeLocked). The old server is not touched. Unlock them after cutover.")))
        return;
    auto *job = new UpgradeLockJob(client, targets, true, this);
    m_lockUpgrades->setEnabled(false);
    m_actionStatus->setText(tr("Locking upgrades…"));
    connect(job, &UpgradeLockJob::finished, this,
            [this, job](const QStringList &changed, const QList<ApiError> &errors) {
                job->deleteLater();
                m_actionStatus->setText(
                    errors.isEmpty() ? tr("Locked Tentacle upgrades for %n machine(s) on the new server.",
                                          nullptr, int(changed.size()))
                                     : tr("Locked %1 machines; %2 could not be changed (%3).")
                                           .arg(changed.size())
                                           .arg(errors.size())
                                           .arg(errors.first().message));
                // Reflect it without a new inventory: these machines no longer prompt.
                if (auto snapshot = m_session->inventory(ServerRole::New)) {
                    InventorySnapshot updated = *snapshot;
                    for (QList<InventoryMachine> *list : {&updated.targets, &updated.workers}) {
                        for (InventoryMachine &m : *list) {
                            if (changed.contains(m.id))
                                m.upgradeLocked = true;
                        }
                    }
                    m_session->setInventory(ServerRole::New, updated);
                }
            });
    job->start();
}
