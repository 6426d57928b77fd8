#pragma once

#include "apierror.h"
#include "migrationplan.h"
#include "testplan.h"

#include <QList>
#include <QObject>
#include <QPointer>

class DriftController;
class ScriptAuditController;
class ServerSession;
class TestPlanExportWriter;
class UsageJob;

// The work behind the Test plan tab (issue 14): reads the old server's usage over the plan's window and the
// new server's counts (UsageJob each, at once), generates the prioritised rows (TestPlan::generate, with the
// script audit's API scripts and the CI step's integrations) and merges them into the plan's rows, keeping
// the lead's edits; compares both servers' counts, explained by the drift meter where it has read; and
// applies the lead's edits to the plan. Exports through TestPlanExportWriter. No widgets.
class TestPlanController : public QObject
{
    Q_OBJECT
public:
    // `drift` and `audit` may be null (their rows and explanations are then left out).
    TestPlanController(MigrationPlan *plan, ServerSession *session, DriftController *drift,
                       ScriptAuditController *audit, QObject *parent = nullptr);
    ~TestPlanController() override;

    bool canGenerate() const; // both servers can be reached
    bool isReading() const { return !m_jobs[0].isNull() || !m_jobs[1].isNull(); }
    // Reads both servers and regenerates the rows (the lead's edits kept).
    void generate();
    void cancel();

    bool hasUsage() const { return m_hasUsage; }
    const TestPlan::Usage &oldUsage() const { return m_usage[0]; }
    const TestPlan::Usage &newUsage() const { return m_usage[1]; }
    QList<TestPlan::CountComparison> comparisons() const;
    QList<TestPlan::VersionChange> versionGap() const;
    QList<ApiError> lastErrors() const { return m_errors; }
    QStringList gaps() const; // what could not be read, both servers

    const TestPlanSection &section() const;
    void setWindowDays(int days);
    bool setOwner(const QString &id, const QString &owner);
    bool setStatus(const QString &id, TestPlanRow::Status status);
    bool setNotes(const QString &id, const QString &notes);
    bool editRow(const QString &id, const QString &title, const QString &why);
    QString addRow(const QString &title, const QString &why, const QString &afterId = QString());
    bool removeRow(const QString &id);
    bool moveRow(const QString &id, int toIndex);
    QString addTrainingItem(const QString &text, const QString &owner);
    bool removeTrainingItem(const QString &id);
    bool setTrainingDone(const QString &id, bool done);

    enum class ExportFormat
    {
        Csv,
        Markdown
    };
    bool exportTo(const QString &path, ExportFormat format, QString *error) const;
    QByteArray render(ExportFormat format) const;

    // The API-calling scripts among the audit's findings, one per script or file.
    static QList<TestPlan::ApiScript> apiScriptsFrom(const ScriptAuditController *audit);

Q_SIGNALS:
    void readingChanged(bool reading);
    void availabilityChanged(); // canGenerate() may have changed
    void progress(int done, int total);
    void usageChanged(); // a reading finished: rows, comparisons and version gap are new
    void readFailed(const QList<ApiError> &errors);

private:
    void onFinished();
    void apply(TestPlanSection section);
    TestPlanExportWriter writer() const;

    MigrationPlan *m_plan;
    ServerSession *m_session;
    QPointer<DriftController> m_drift;
    QPointer<ScriptAuditController> m_audit;
    QPointer<UsageJob> m_jobs[2];
    int m_outstanding = 0;
    QPair<int, int> m_progress[2];
    TestPlan::Usage m_usage[2];
    QList<ApiError> m_errors;
    bool m_hasUsage = false;
};
