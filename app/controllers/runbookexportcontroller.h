#pragma once

#include "migrationplan.h"
#include "readinesscheck.h"
#include "runbookdocument.h"

#include <QBasicTimer>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class CiIntegrationsController;
class CutoverController;
class DriftController;
class ReadinessChecker;
class ReadinessModel;
class ServerSession;
class TentaclesController;
class TestPlanController;

// The work behind "Export runbook" and File › Print (issue 16), and `handover runbook`: the printable runbook
// (RunbookReportBuilder) built from the plan, what the step controllers know (Tentacles and their
// commands, CI rows, the drift report, the test plan's counts, the runbook and its journal), and what both
// servers said at export time, then written as PDF, HTML or Markdown (RunbookDocument::writeFile,
// atomically). Each source may be null: that part is reported from the plan alone, with a note. No key
// ever reaches the document. No widgets.
class RunbookExportController : public QObject
{
    Q_OBJECT
public:
    RunbookExportController(MigrationPlan *plan, ServerSession *session, QObject *parent = nullptr);
    ~RunbookExportController() override;

    // Where the live data comes from (each may be null: that part is reported from the plan alone, or from
    // what refresh() reads).
    void setSources(TentaclesController *tentacles, CiIntegrationsController *ci, DriftController *drift,
                    TestPlanController *testPlan, CutoverController *cutover);
    // For the footer (the file's name).
    void setPlanFileName(const QString &path);
    // A server's version and readiness checks at export time (ReadinessModel::checks; the pair checks may
    // come with either server: ids without "old."/"new." are printed once, as the pair's).
    void setServerStatus(ServerRole role, const QString &version, const QList<ReadinessCheck> &checks);

    // Built now from the plan and the sources.
    RunbookDocument::Document document() const;
    // document() written to `path` atomically (the old file is kept when writing fails). False with *error.
    bool exportTo(const QString &path, RunbookDocument::Format format, RunbookDocument::Paper paper,
                  QString *error) const;
    // The same for the window: document() now, the layout and the file on the thread pool (a PDF of
    // thousands of machines takes seconds); exported() follows. False (nothing started) while an export
    // runs.
    bool startExport(const QString &path, RunbookDocument::Format format, RunbookDocument::Paper paper);
    bool isExporting() const { return m_exporting; }

    // Headless (the verb): reads from both servers what the sources need (readiness and version, the old
    // server's inventory for the Tentacles, the new server's certificate thumbprint, CI evidence, drift)
    // where the session can connect, through the sources or, where one is null, a controller of its own.
    // Emits refreshed() once when done; errors are kept per server. No-op while refreshing.
    void refresh();
    bool isRefreshing() const { return m_outstanding > 0; }

    // What could not be read from a server in the last refresh (translated, one line each, naming the
    // server and the call); empty when it was read or not asked.
    QStringList serverErrors(ServerRole role) const { return m_errors[index(role)]; }
    // The server could be reached at the last refresh (or setServerStatus said so).
    bool serverRead(ServerRole role) const { return m_status[index(role)].read; }

Q_SIGNALS:
    void refreshed();
    // An export startExport() began has ended: written, or not with the reason.
    void exported(const QString &path, bool written, const QString &error);
    void exportingChanged(bool exporting);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Status
    {
        bool known = false; // setServerStatus or a refresh set it
        bool read = false;
        QString version;
        QList<ReadinessCheck> checks;
        QDateTime checkedAt;
    };
    static int index(ServerRole role) { return role == ServerRole::Old ? 0 : 1; }
    TentaclesController *tentacles() const;
    CiIntegrationsController *ci() const;
    DriftController *drift() const;
    void partDone();
    void addError(ServerRole role, const QString &message);

    MigrationPlan *m_plan;
    ServerSession *m_session;
    QPointer<TentaclesController> m_tentacles;
    QPointer<CiIntegrationsController> m_ci;
    QPointer<DriftController> m_drift;
    QPointer<TestPlanController> m_testPlan;
    QPointer<CutoverController> m_cutover;
    // Made by refresh() where a source is null.
    TentaclesController *m_ownTentacles = nullptr;
    CiIntegrationsController *m_ownCi = nullptr;
    DriftController *m_ownDrift = nullptr;
    ReadinessModel *m_models[2] = {nullptr, nullptr};
    ReadinessChecker *m_checker = nullptr;

    QString m_planPath;
    Status m_status[2];
    QStringList m_errors[2];
    int m_outstanding = 0;
    bool m_exporting = false;
    bool m_inventoryRead = false;
    QBasicTimer m_thumbprintWait;
};
