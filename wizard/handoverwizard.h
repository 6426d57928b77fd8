#pragma once

#include <QStringList>
#include <QWizard>

class MigrationPlan;
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

    HandoverWizard(MigrationPlan *plan, SessionCredentials *credentials, QWidget *parent = nullptr);

    // "connect", "domain", "tentacles", "ci", "audit", "testplan", "cutover" (in page-id order).
    static QStringList pageNames();
    static int pageIdForName(const QString &name); // -1 if unknown

    // Restarts and walks forward with next() until page `id` is current (pages are initialised on the way,
    // history is kept so Back works). Returns false for an unknown id.
    bool goToPage(int id);

    void done(int result) override;

Q_SIGNALS:
    void finishRequested();
};
