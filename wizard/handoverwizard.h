#pragma once

#include <QStringList>
#include <QWizard>

class DialogService;
class MigrationPlan;
class ReadinessController;
class ServerSession;
class SessionCredentials;

// The journey, one page per step. Embedded in MainWindow (so it never closes itself: Finish asks the
// window to close, Escape does nothing). Page ids follow the journey; names are used by --page.
class HandoverWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        Connect,
        Domain,
        Tentacles,
        CiIntegrations,
        ScriptAudit,
        TestPlan,
        Cutover
    };

    // `dialogs` answers the pages' file and confirmation questions (may be null: those actions do nothing).
    HandoverWizard(MigrationPlan *plan, SessionCredentials *credentials, QWidget *parent = nullptr,
                   DialogService *dialogs = nullptr);

    // Both servers' clients and latest inventories, shared by the pages.
    ServerSession *session() const { return m_session; }
    // Live readiness of both servers (feeds the strip and the Connect step's checks).
    ReadinessController *readiness() const { return m_readiness; }

    // "connect", "domain", "tentacles", "ci", "audit", "testplan", "cutover" (in page-id order).
    static QStringList pageNames();
    static int pageIdForName(const QString &name); // -1 if unknown

    // Restarts and walks forward with next() until page `id` is current (pages are initialised on the way,
    // history is kept so Back works). Returns false for an unknown id.
    bool goToPage(int id);

    void done(int result) override;

Q_SIGNALS:
    void finishRequested();

private:
    ServerSession *m_session;
    ReadinessController *m_readiness;
};
