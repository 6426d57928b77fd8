#include "driftcontroller.h"

#include "driftexportwriter.h"
#include "serversession.h"

#include <QTimerEvent>

#include <algorithm>

DriftController::DriftController(MigrationPlan *plan, ServerSession *session, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
{
    connect(m_plan, &MigrationPlan::replaced, this, [this] {
        cancel();
        m_reading = {};
        m_errors.clear();
        m_report = {};
        m_hasReport = false;
        m_cloneTimeUnknown = false;
        Q_EMIT reportChanged();
    });
    // A budget edited elsewhere (another view, an opened plan) applies to the reading already there.
    connect(m_plan, &MigrationPlan::changed, this, [this] {
        if (m_hasReport && m_report.budget != budget())
            recompute();
    });
}

DriftController::~DriftController()
{
    delete m_job.data();
}

bool DriftController::canRefresh() const
{
    return m_session && m_session->canConnect(ServerRole::Old) && m_session->canConnect(ServerRole::New);
}

Drift::Budget DriftController::budget() const
{
    const DriftSection &section = m_plan->drift();
    Drift::Budget budget;
    budget.amberAfterDays = section.amberAfterDays;
    budget.redAfterDays = section.redAfterDays;
    budget.structuralThreshold = section.structuralThreshold;
    return budget;
}

void DriftController::setBudget(const Drift::Budget &budget)
{
    DriftSection section = m_plan->drift();
    section.amberAfterDays = budget.amberAfterDays;
    section.redAfterDays = budget.redAfterDays;
    section.structuralThreshold = budget.structuralThreshold;
    m_plan->setDrift(section); // changed() recomputes the report
}

void DriftController::setGivenCloneTime(const QDateTime &cloneTime)
{
    DriftSection section = m_plan->drift();
    const QDateTime utc = cloneTime.isValid() ? cloneTime.toUTC() : QDateTime();
    if (section.cloneTime == utc)
        return;
    section.cloneTime = utc;
    m_plan->setDrift(section);
    if (isRefreshing()) {
        m_refreshAgain = true;
        cancel();
    }
    if (m_refreshAgain || isLive() || m_hasReport) {
        m_refreshAgain = false;
        refresh();
    }
}

void DriftController::refresh()
{
    if (isRefreshing() || !canRefresh())
        return;
    auto *job = new DriftJob(m_session->client(ServerRole::Old), m_session->client(ServerRole::New),
                             m_plan->drift().cloneTime, this);
    m_job = job;
    connect(job, &DriftJob::finished, this,
            [this, job](const DriftReading &reading, const QList<ApiError> &errors) {
                job->deleteLater();
                if (m_job != job)
                    return; // cancelled
                m_job.clear();
                onReading(reading, errors);
            });
    job->start();
    Q_EMIT refreshingChanged(true);
}

void DriftController::cancel()
{
    if (!m_job)
        return;
    DriftJob *job = m_job.data();
    m_job.clear();
    job->deleteLater(); // its finished() (if any) is ignored: m_job no longer points to it
    Q_EMIT refreshingChanged(false);
}

void DriftController::setLive(bool live, int intervalMs)
{
    if (!live) {
        m_live.stop();
        return;
    }
    m_live.start(std::max(1000, intervalMs), this);
    refresh();
}

void DriftController::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_live.timerId()) {
        refresh(); // a reading still under way is left to finish
        return;
    }
    QObject::timerEvent(event);
}

void DriftController::onReading(const DriftReading &reading, const QList<ApiError> &errors)
{
    m_errors = errors;
    const bool cancelledOnly =
        !errors.isEmpty() && std::all_of(errors.begin(), errors.end(),
                                         [](const ApiError &e) { return e.kind == ApiErrorKind::Cancelled; });
    if (!cancelledOnly) {
        m_cloneTimeUnknown = !reading.cloneTime.isValid() && errors.isEmpty();
        if (reading.cloneTime.isValid()) {
            m_reading = reading;
            recompute();
        } else if (m_cloneTimeUnknown) {
            m_hasReport = false;
            Q_EMIT reportChanged();
        }
    }
    Q_EMIT refreshingChanged(false);
    if (!errors.isEmpty() && !cancelledOnly)
        Q_EMIT refreshFailed(errors);
}

void DriftController::recompute()
{
    if (!m_reading.cloneTime.isValid())
        return;
    m_report = Drift::compare(m_reading.oldEvents, m_reading.newEvents, m_reading.cloneTime,
                              m_reading.cloneTimeGiven, budget(), QDateTime::currentDateTimeUtc());
    m_hasReport = true;
    // The plan keeps the state of the last check (the readiness strip's drift light shows it), also when
    // only the budget changed.
    const Drift::Report &r = m_report;
    DriftSection section = m_plan->drift();
    DriftSection::LastCheck check;
    check.at = m_reading.readAt;
    check.cloneTime = r.cloneTime;
    check.cloneTimeGiven = r.cloneTimeGiven;
    check.state = Drift::stateName(r.state);
    check.changesSinceClone = r.oldServer.changes;
    check.changesOnClone = r.clone.changes;
    check.structuralChanges = r.oldServer.structuralChanges;
    section.lastCheck = check;
    m_plan->setDrift(section); // no change when the same: changed() then finds the budget applied
    Q_EMIT reportChanged();
}

bool DriftController::exportTo(const QString &path, ExportFormat format, QString *error) const
{
    if (!m_hasReport) {
        *error = tr("There is no drift reading yet: drift is measured once both servers can be reached and "
                    "the clone time is known.");
        return false;
    }
    DriftExportWriter::Context context;
    context.oldServer = m_plan->serverUrl(ServerRole::Old).toString();
    context.newServer = m_plan->serverUrl(ServerRole::New).toString();
    return DriftExportWriter(m_report, context)
        .writeFile(path,
                   format == ExportFormat::Csv ? DriftExportWriter::Format::Csv
                                               : DriftExportWriter::Format::Markdown,
                   error);
}
