#pragma once

#include "runbookdocument.h"
#include "wizardservices.h"

#include <QMainWindow>

#include <memory>

class DialogService;
class HandoverWizard;
class MigrationPlan;
class PlanDocument;
class QLabel;
class QMenu;
class QSettings;
class CertificateTrustPrompt;
class ReadinessStrip;
class RecentFiles;
class SessionCredentials;
struct DemoServers;
class QTemporaryDir;

// What the window needs from outside; tests pass fakes and temporary locations.
struct MainWindowServices
{
    WizardServices services;
    QString autosaveDir; // empty = no autosave
};

// Design: a QMainWindow that hosts the QWizard as a plain child widget (Qt::Widget flags), so the window
// has a real menu bar (File/Help, recent files, shortcuts) and a title with the plan name, and the banner
// and readiness strip sit above every page without each page having to add them. The wizard keeps its
// own Back/Next buttons and page header.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    MigrationPlan *plan() const { return m_plan; }
    PlanDocument *document() const { return m_document; }
    SessionCredentials *credentials() const { return m_credentials; }
    HandoverWizard *wizard() const { return m_wizard; }
    ReadinessStrip *readinessStrip() const { return m_readiness; }

    // Demo mode: fills both connections (URLs in the plan, keys in memory) and shows the demo banner.
    void enterDemoMode(const DemoServers &servers);
    // Demo mode was asked for but the simulator did not start: says so in the window.
    void showDemoFailure(const QString &reason);
    // Opens the cutover journal beside the plan file (in demo mode without one, beside a temporary name).
    void openJournal();
    bool isDemo() const { return m_demo; }

    // Loads `path` into the window; on failure shows the error (through the dialog service) and keeps
    // the current plan. Returns whether it loaded.
    bool openPlanFile(const QString &path);
    // Offers the newest autosave left by a session that did not end properly. Returns whether one was
    // recovered.
    bool offerRecovery();

    // Menu actions, public so tests and the command line can drive them.
    void newPlan();
    void openPlan();
    bool savePlan();
    bool savePlanAs();
    // The printable runbook (File › Export Runbook…, Print Preview…, Print…; also from the Cutover step).
    // exportRunbook() asks for the file and starts the export (written on the thread pool): true once
    // started; the status bar says when it is written, an error dialog when it is not.
    bool exportRunbook();
    bool printRunbook();
    void previewRunbook();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    bool maybeSave();
    void updateTitle();
    void refreshReadiness();
    static RunbookDocument::Paper defaultPaper();
    void onRunbookExported(const QString &path, bool written, const QString &error);
    QString runbookPlanName() const;

    DialogService *m_dialogs;
    MigrationPlan *m_plan;
    SessionCredentials *m_credentials;
    PlanDocument *m_document;
    RecentFiles *m_recent;
    HandoverWizard *m_wizard;
    ReadinessStrip *m_readiness;
    std::unique_ptr<CertificateTrustPrompt> m_trustPrompt;
    QLabel *m_banner;
    QMenu *m_recentMenu = nullptr;
    bool m_demo = false;
    std::unique_ptr<QTemporaryDir> m_demoJournalDir; // demo mode's journal, without a plan file
};
