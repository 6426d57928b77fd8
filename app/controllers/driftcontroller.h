#pragma once

#include "apierror.h"
#include "drift.h"
#include "driftjob.h"
#include "migrationplan.h"

#include <QBasicTimer>
#include <QList>
#include <QObject>
#include <QPointer>

class ServerSession;

// The work behind the drift meter (Test plan & drift step): reads both servers' events since the clone
// (DriftJob; the clone time given in the plan, else detected), compares them against the plan's budget
// (Drift::compare) and keeps the last check's counts in the plan. While live (the page is open) it reads
// again every `intervalMs`; a changed budget is applied to the last reading at once, a changed clone time
// reads again. The page is a view of report(). Exports through DriftExportWriter. No widgets.
class DriftController : public QObject
{
    Q_OBJECT
public:
    DriftController(MigrationPlan *plan, ServerSession *session, QObject *parent = nullptr);
    ~DriftController() override;

    static constexpr int DefaultLiveIntervalMs = 30000;

    bool canRefresh() const; // both servers can be reached
    bool isRefreshing() const { return !m_job.isNull(); }
    void refresh();
    void cancel();

    // Live refresh: refresh now, then every `intervalMs` until setLive(false).
    void setLive(bool live, int intervalMs = DefaultLiveIntervalMs);
    bool isLive() const { return m_live.isActive(); }

    // The last report: valid once a reading with a clone time finished (hasReport()).
    bool hasReport() const { return m_hasReport; }
    const Drift::Report &report() const { return m_report; }
    const DriftReading &reading() const { return m_reading; }
    // The last reading finished without a clone time: none was given and the servers share no event.
    bool cloneTimeUnknown() const { return m_cloneTimeUnknown; }
    QList<ApiError> lastErrors() const { return m_errors; }

    Drift::Budget budget() const;
    void setBudget(const Drift::Budget &budget);
    // The clone time the lead gives (UTC); an invalid time means: detect it.
    void setGivenCloneTime(const QDateTime &cloneTime);

    // The last report's changed objects as CSV or Markdown (DriftExportWriter), written atomically to
    // `path`. False with *error when there is no report yet or the file cannot be written.
    enum class ExportFormat
    {
        Csv,
        Markdown
    };
    bool exportTo(const QString &path, ExportFormat format, QString *error) const;

Q_SIGNALS:
    void refreshingChanged(bool refreshing);
    void reportChanged();
    void refreshFailed(const QList<ApiError> &errors); // some events could not be read

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReading(const DriftReading &reading, const QList<ApiError> &errors);
    void recompute();

    MigrationPlan *m_plan;
    ServerSession *m_session;
    QPointer<DriftJob> m_job;
    DriftReading m_reading;
    QList<ApiError> m_errors;
    Drift::Report m_report;
    bool m_hasReport = false;
    bool m_cloneTimeUnknown = false;
    bool m_refreshAgain = false; // the clone time changed while a reading ran
    QBasicTimer m_live;
};
