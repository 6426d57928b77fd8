#pragma once

#include "planstep.h"
#include "runbookdocument.h"
#include "wizardservices.h"

#include <QStringList>
#include <QWizard>

#include <optional>

class CiIntegrationsController;
class CutoverController;
class DialogService;
class DriftController;
class MigrationPlan;
class ReadinessController;
class RunbookExportController;
class ScriptAuditController;
class ServerSession;
class SessionCredentials;
class TentaclesController;
class TestPlanController;

// The journey, one page per step. Embedded in MainWindow (so it never closes itself: Finish asks the
// window to close, Escape does nothing). The steps, their names (--page, step: links) and titles come from
// the PlanStep table in core; page ids are mapped from steps by pageId(), never taken for step-list rows.
class HandoverWizard : public QWizard
{
    Q_OBJECT
public:
    // `services.dialogs` answers the pages' file and confirmation questions (may be null: those actions do
    // nothing); the network context, settings and keychain store are required.
    HandoverWizard(MigrationPlan *plan, SessionCredentials *credentials, const WizardServices &services,
                   QWidget *parent = nullptr);

    // Both servers' clients and latest inventories, shared by the pages.
    ServerSession *session() const { return m_session; }
    // Live readiness of both servers (feeds the strip and the Connect step's checks).
    ReadinessController *readiness() const { return m_readiness; }
    // The Cutover step's runbook, journal and gates (its journal follows the plan file: MainWindow opens it).
    CutoverController *cutover() const { return m_cutover; }
    // The printable runbook of the whole migration, from the plan and every step's controller.
    RunbookExportController *runbookExport() const { return m_runbookExport; }
    // Gives the export what only the window knows: both servers' versions and readiness as the strip last
    // saw them, and the plan file's name.
    void updateRunbookExport(const QString &planFilePath) const;
    // The runbook as it stands now (updateRunbookExport, then the export's document).
    RunbookDocument::Document runbookDocument(const QString &planFilePath) const;

    // The QWizard page id of `step`, and back (nullopt for an id that is no step).
    static int pageId(PlanStep step);
    static std::optional<PlanStep> stepForPageId(int id);

    // The step names of the PlanStep table, in journey order: "connect", "domain", ... "cutover".
    static QStringList pageNames();
    static int pageIdForName(const QString &name); // -1 if unknown

    // Restarts and walks forward with next() until page `id` is current (pages are initialised on the way,
    // history is kept so Back works). Returns false for an unknown id.
    bool goToPage(int id);

    // Follows the PlanStep table's order (not the order of the ids).
    int nextId() const override;
    void done(int result) override;

Q_SIGNALS:
    void finishRequested();
    // From the Cutover step: the window exports or prints the runbook.
    void exportRunbookRequested();
    void printRunbookRequested();

private:
    QWizardPage *createPage(PlanStep step, MigrationPlan *plan, SessionCredentials *credentials,
                            const WizardServices &services);
    // The Script audit step's controller, made once: the Test plan step reads its API scripts.
    ScriptAuditController *scriptAuditController(MigrationPlan *plan);

    ServerSession *m_session;
    ScriptAuditController *m_scriptAudit = nullptr;
    ReadinessController *m_readiness;
    CutoverController *m_cutover;
    TentaclesController *m_tentacles = nullptr;
    CiIntegrationsController *m_ci = nullptr;
    DriftController *m_drift = nullptr;
    TestPlanController *m_testPlan = nullptr;
    RunbookExportController *m_runbookExport;
};
