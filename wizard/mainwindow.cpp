#include "mainwindow.h"

#include "certificatetrustprompt.h"
#include "cutovercontroller.h"
#include "demoenvironment.h"
#include "dialogservice.h"
#include "handoverwizard.h"
#include "migrationplan.h"
#include "plandocument.h"
#include "readinesscontroller.h"
#include "readinessmodel.h"
#include "readinessstrip.h"
#include "recentfiles.h"
#include "runbookexportcontroller.h"
#include "serversession.h"
#include "sessioncredentials.h"
#include "wizardlogging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPageSize>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>

MainWindow::MainWindow(const MainWindowServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_dialogs(services.services.dialogs)
    , m_plan(new MigrationPlan(this))
    , m_credentials(new SessionCredentials(this))
    , m_document(new PlanDocument(m_plan, services.autosaveDir, this))
    , m_recent(new RecentFiles(services.services.settings, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/handover.svg")));
    resize(1100, 760);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setContentsMargins(16, 10, 16, 10);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_readiness = new ReadinessStrip(central);
    layout->addWidget(m_readiness);

    m_wizard = new HandoverWizard(m_plan, m_credentials, services.services, central);
    m_wizard->setWindowFlags(Qt::Widget);
    layout->addWidget(m_wizard, 1);
    setCentralWidget(central);

    buildMenus();

    connect(m_wizard, &HandoverWizard::finishRequested, this, &QWidget::close);
    connect(m_wizard, &HandoverWizard::exportRunbookRequested, this, [this] { exportRunbook(); });
    connect(m_wizard->runbookExport(), &RunbookExportController::exported, this,
            &MainWindow::onRunbookExported);
    connect(m_wizard, &HandoverWizard::printRunbookRequested, this, [this] { printRunbook(); });
    connect(m_plan, &MigrationPlan::replaced, m_wizard, &QWizard::restart);
    // Servers that can be reached are checked live; the strip shows their lights. The TLS trust prompt is a
    // window-modal message box (no nested event loop).
    m_trustPrompt = std::make_unique<CertificateTrustPrompt>(this);
    m_wizard->readiness()->setTrustService(m_trustPrompt.get());
    m_wizard->readiness()->setStrip(m_readiness);
    connect(m_wizard->readiness(), &ReadinessController::checksChanged, this, &MainWindow::refreshReadiness);
    connect(m_plan, &MigrationPlan::changed, this, &MainWindow::refreshReadiness);
    connect(m_credentials, &SessionCredentials::apiKeyChanged, this, &MainWindow::refreshReadiness);
    connect(m_document, &PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PlanDocument::filePathChanged, this, &MainWindow::updateTitle);
    // The cutover journal lives beside the plan file.
    connect(m_document, &PlanDocument::filePathChanged, this, &MainWindow::openJournal);
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);

    openJournal();
    m_wizard->restart();
    updateTitle();
    refreshReadiness();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));

    auto addAction = [this](QMenu *menu, const QString &text, const QString &name,
                            QKeySequence::StandardKey key, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        if (key != QKeySequence::UnknownKey)
            action->setShortcuts(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    addAction(file, tr("&New"), QStringLiteral("actionNew"), QKeySequence::New, &MainWindow::newPlan);
    addAction(file, tr("&Open…"), QStringLiteral("actionOpen"), QKeySequence::Open, &MainWindow::openPlan);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    file->addSeparator();
    addAction(file, tr("&Save"), QStringLiteral("actionSave"), QKeySequence::Save, [this] { savePlan(); });
    addAction(file, tr("Save &As…"), QStringLiteral("actionSaveAs"), QKeySequence::SaveAs,
              [this] { savePlanAs(); });
    file->addSeparator();
    // The printable runbook of the whole migration, from any step.
    QAction *exportAction = addAction(file, tr("&Export Runbook…"), QStringLiteral("actionExportRunbook"),
                                       QKeySequence::UnknownKey, [this] { exportRunbook(); });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    // One export at a time.
    connect(m_wizard->runbookExport(), &RunbookExportController::exportingChanged, exportAction,
            [exportAction](bool exporting) { exportAction->setEnabled(!exporting); });
    addAction(file, tr("Print Pre&view…"), QStringLiteral("actionPrintPreview"), QKeySequence::UnknownKey,
              [this] { previewRunbook(); });
    addAction(file, tr("&Print…"), QStringLiteral("actionPrint"), QKeySequence::Print,
              [this] { printRunbook(); });
    file->addSeparator();
    QAction *quit =
        addAction(file, tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence::Quit, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction *about = addAction(
        help, tr("&About Handover"), QStringLiteral("actionAbout"), QKeySequence::UnknownKey, [this] {
            m_dialogs->showAbout(
                this, tr("About Handover"),
                tr("<h3>Handover %1</h3><p>Guides a migration lead through moving an Octopus "
                   "Deploy Server to a cloned new instance: connections, domain name, "
                   "polling Tentacles, CI integrations, script audit, test plan and "
                   "cutover.</p>")
                    .arg(QCoreApplication::applicationVersion()));
        });
    about->setMenuRole(QAction::AboutRole);
    rebuildRecentMenu();
}

RunbookDocument::Paper MainWindow::defaultPaper()
{
    // Letter where the locale measures in inches (the US), A4 elsewhere.
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem ? RunbookDocument::Paper::Letter
                                                                      : RunbookDocument::Paper::A4;
}

QString MainWindow::runbookPlanName() const
{
    return m_document->filePath().isEmpty() ? m_document->displayName() : m_document->filePath();
}

bool MainWindow::exportRunbook()
{
    if (m_wizard->runbookExport()->isExporting())
        return false; // one at a time (the menu item is disabled meanwhile)
    const QString planPath = m_document->filePath();
    const QString base = planPath.isEmpty()
                             ? QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                   .filePath(QStringLiteral("handover-runbook"))
                             : QFileInfo(planPath).dir().filePath(QFileInfo(planPath).completeBaseName() +
                                                                 QStringLiteral("-runbook"));
    const QString pdf = tr("PDF (*.pdf)");
    const QString html = tr("HTML, one file (*.html)");
    const QString markdown = tr("Markdown (*.md)");
    QString path = m_dialogs->askExportFile(this, tr("Export Runbook"), base + QStringLiteral(".pdf"),
                                            QStringList{pdf, html, markdown}.join(QStringLiteral(";;")));
    if (path.isEmpty())
        return false;
    std::optional<RunbookDocument::Format> format = RunbookDocument::formatFromName(QFileInfo(path).suffix());
    if (!format) {
        format = RunbookDocument::Format::Pdf;
        path += RunbookDocument::suffixOf(*format);
    }
    // Laid out and written on the thread pool; onRunbookExported() tells how it ended.
    m_wizard->updateRunbookExport(runbookPlanName());
    if (!m_wizard->runbookExport()->startExport(path, *format, defaultPaper()))
        return false;
    statusBar()->showMessage(tr("Exporting the runbook to %1…").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::onRunbookExported(const QString &path, bool written, const QString &error)
{
    if (!written) {
        statusBar()->clearMessage();
        // The writer's reason names the file.
        m_dialogs->showError(this, tr("Export Runbook"),
                             error.contains(path) ? tr("The runbook could not be exported. %1").arg(error)
                                                  : tr("The runbook could not be written to %1: %2")
                                                        .arg(QDir::toNativeSeparators(path), error));
        return;
    }
    statusBar()->showMessage(tr("Runbook exported to %1").arg(QDir::toNativeSeparators(path)), 10000);
}

bool MainWindow::printRunbook()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Migration runbook"));
    printer.setPageSize(QPageSize(defaultPaper() == RunbookDocument::Paper::Letter ? QPageSize::Letter
                                                                                   : QPageSize::A4));
    if (!m_dialogs->askPrint(this, &printer))
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool printed = RunbookDocument::paint(m_wizard->runbookDocument(runbookPlanName()), &printer, &error);
    QApplication::restoreOverrideCursor();
    if (!printed)
        m_dialogs->showError(this, tr("Print"), tr("The runbook could not be printed: %1").arg(error));
    return printed;
}

void MainWindow::previewRunbook()
{
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setDocName(tr("Migration runbook"));
    printer->setPageSize(QPageSize(defaultPaper() == RunbookDocument::Paper::Letter ? QPageSize::Letter
                                                                                    : QPageSize::A4));
    auto *preview = new QPrintPreviewDialog(printer.get(), this);
    preview->setObjectName(QStringLiteral("runbookPrintPreview"));
    preview->setWindowTitle(tr("Print Preview: the runbook"));
    preview->setAttribute(Qt::WA_DeleteOnClose);
    // The document as it is when the preview opens; the printer lives as long as the dialog.
    connect(preview, &QPrintPreviewDialog::paintRequested, preview,
            [printer, document = m_wizard->runbookDocument(runbookPlanName())](QPrinter *target) {
                QString error;
                if (!RunbookDocument::paint(document, target, &error))
                    qCWarning(lcWizard) << "print preview:" << error;
            });
    preview->open();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        // "&1 plan.handover" with the full path as tooltip; numbers give keyboard access.
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openPlanFile(path);
        });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"));
    clear->setObjectName(QStringLiteral("actionClearRecent"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, m_recent, &RecentFiles::clear);
    m_recentMenu->setEnabled(true);
}

void MainWindow::enterDemoMode(const DemoServers &servers)
{
    m_demo = true;
    PlanData data;
    data.oldServer.url = servers.oldUrl;
    data.newServer.url = servers.newUrl;
    // Filled in like a lead would on the Domain step, so that the old server's name is found in scripts.
    data.domain.oldPublicUrl = servers.oldPublicUrl;
    m_document->newPlan(data); // untitled and unmodified: nothing the lead decided yet
    m_credentials->setApiKey(ServerRole::Old, servers.oldApiKey);
    m_credentials->setApiKey(ServerRole::New, servers.newApiKey);
    m_wizard->session()->setDemo(true);
    openJournal();
    m_banner->setText(
        tr("Demo mode: both servers are simulated on this computer (octosim). Nothing you do here "
           "touches a real Octopus Server."));
    m_banner->setProperty("demoState", QStringLiteral("running"));
    m_banner->setStyleSheet(
        QStringLiteral("#demoBanner { background: #fff8c5; color: #3b2300; border-bottom: 1px solid #d4a72c; "
                       "font-weight: bold; }"));
    m_banner->show();
    openJournal();
    m_wizard->restart();
    updateTitle();
    refreshReadiness();
}

void MainWindow::openJournal()
{
    QString path = m_document->filePath();
    if (path.isEmpty() && m_demo) {
        // Demo mode has no plan file: the journal goes beside a plan that is never written, in a folder that
        // is removed when the window closes.
        if (!m_demoJournalDir)
            m_demoJournalDir = std::make_unique<QTemporaryDir>();
        if (m_demoJournalDir->isValid())
            path = m_demoJournalDir->filePath(QStringLiteral("demo.handover"));
    }
    m_wizard->cutover()->openJournalFor(path);
}

void MainWindow::showDemoFailure(const QString &reason)
{
    m_demo = false;
    m_banner->setText(tr("Demo mode could not start the simulated servers: %1. The wizard works without "
                         "them; enter real server addresses on the Connect page.")
                          .arg(reason));
    m_banner->setProperty("demoState", QStringLiteral("failed"));
    m_banner->setStyleSheet(
        QStringLiteral("#demoBanner { background: #ffebe9; color: #82071e; border-bottom: 1px solid #ff8182; "
                       "font-weight: bold; }"));
    m_banner->show();
}

bool MainWindow::openPlanFile(const QString &path)
{
    const PlanError error = m_document->open(path);
    if (error) {
        if (error.kind == PlanError::Kind::NotFound)
            m_recent->remove(path);
        m_dialogs->showError(this, tr("Could Not Open Plan"), error.toDisplayString());
        return false;
    }
    m_credentials->clear();
    m_recent->add(m_document->filePath());
    return true;
}

bool MainWindow::offerRecovery()
{
    const QList<PlanDocument::Recovery> found = m_document->findRecoverable();
    if (found.isEmpty())
        return false;
    const PlanDocument::Recovery &newest = found.first();
    const QString name =
        newest.originalPath.isEmpty() ? tr("an untitled plan") : QFileInfo(newest.originalPath).fileName();
    if (!m_dialogs->confirmRecover(this, name, newest.savedAt)) {
        PlanDocument::discardRecovery(newest);
        return false;
    }
    const PlanError error = m_document->recover(newest);
    if (error) {
        m_dialogs->showError(this, tr("Could Not Recover Plan"), error.toDisplayString());
        return false;
    }
    return true;
}

void MainWindow::newPlan()
{
    if (!maybeSave())
        return;
    m_document->newPlan();
    m_credentials->clear();
}

void MainWindow::openPlan()
{
    if (!maybeSave())
        return;
    QString directory = QFileInfo(m_document->filePath()).absolutePath();
    if (m_document->filePath().isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_dialogs->askOpenFile(this, directory);
    if (!path.isEmpty())
        openPlanFile(path);
}

bool MainWindow::savePlan()
{
    if (m_document->filePath().isEmpty())
        return savePlanAs();
    const PlanError error = m_document->save();
    if (error) {
        m_dialogs->showError(this, tr("Could Not Save Plan"), error.toDisplayString());
        return false;
    }
    m_recent->add(m_document->filePath());
    return true;
}

bool MainWindow::savePlanAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty()) {
        suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                        .filePath(tr("migration-plan") + QStringLiteral(".handover"));
    }
    QString path = m_dialogs->askSaveFile(this, suggested);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".handover");
    const PlanError error = m_document->saveAs(path);
    if (error) {
        m_dialogs->showError(this, tr("Could Not Save Plan"), error.toDisplayString());
        return false;
    }
    m_recent->add(m_document->filePath());
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (m_dialogs->confirmDiscard(this, m_document->displayName())) {
    case DialogService::DiscardChoice::Save:
        return savePlan();
    case DialogService::DiscardChoice::Discard:
        return true;
    case DialogService::DiscardChoice::Cancel:
        return false;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateTitle()
{
    QString title = QStringLiteral("%1[*] — %2").arg(m_document->displayName(), tr("Handover"));
    if (m_demo)
        title += QLatin1Char(' ') + tr("(demo)");
    setWindowTitle(title);
    setWindowModified(m_document->isModified());
}

void MainWindow::refreshReadiness()
{
    m_readiness->setDrift(m_plan->drift().lastCheck);
    // What is known locally; a server that can be checked is shown by the readiness controller instead.
    for (const ServerRole role : {ServerRole::Old, ServerRole::New}) {
        if (m_wizard->readiness()->model(role))
            continue;
        const bool old = role == ServerRole::Old;
        const QUrl url = m_plan->serverUrl(role);
        const bool hasKey = !m_credentials->apiKey(role).isEmpty();
        QString text;
        QString tip;
        if (url.isEmpty()) {
            text = old ? tr("Old server: no URL yet") : tr("New server: no URL yet");
            tip = tr("Enter the URL on the Connect page.");
        } else if (m_demo) {
            text = old ? tr("Old server: simulated (demo), not checked")
                       : tr("New server: simulated (demo), not checked");
            tip = url.toString();
        } else if (!hasKey) {
            text =
                old ? tr("Old server: no API key, not checked") : tr("New server: no API key, not checked");
            tip = url.toString();
        } else {
            text = old ? tr("Old server: not checked") : tr("New server: not checked");
            tip = url.toString();
        }
        m_readiness->setState(role, ReadinessStrip::Light::Unknown, text, tip);
    }
}
