#include "driftjob.h"

#include "drift.h"
#include "eventsjob.h"
#include "jsonpage.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

namespace {

constexpr int kOld = 0;
constexpr int kNew = 1;

} // namespace

DriftJob::DriftJob(OctopusClient *oldClient, OctopusClient *newClient, const QDateTime &givenCloneTime,
                   QObject *parent)
    : QObject(parent)
{
    m_servers[kOld].client = oldClient;
    m_servers[kNew].client = newClient;
    if (givenCloneTime.isValid()) {
        m_reading.cloneTime = givenCloneTime.toUTC();
        m_reading.cloneTimeGiven = true;
    }
}

DriftJob::~DriftJob()
{
    m_finished = true;
    const QList<QPointer<QObject>> running = m_running;
    m_running.clear();
    for (const QPointer<QObject> &job : running)
        delete job.data();
}

void DriftJob::track(QObject *job)
{
    m_running.append(job);
    connect(job, &QObject::destroyed, this, [this, job] { m_running.removeAll(job); });
}

void DriftJob::start()
{
    if (m_started)
        return;
    m_started = true;
    for (int i : {kOld, kNew}) {
        if (!m_servers[i].client) {
            QTimer::singleShot(0, this, [this] {
                ApiError error;
                error.kind = ApiErrorKind::Cancelled;
                fail(error);
            });
            return;
        }
    }
    for (int i : {kOld, kNew}) {
        Server &server = m_servers[i];
        PagedFetchJob *spaces = server.client->fetchAll(QStringLiteral("/api/spaces"), this);
        spaces->setPreferAll(true);
        track(spaces);
        connect(spaces, &PagedFetchJob::finished, this, [this, i](const PagedResult &result) {
            if (m_finished)
                return;
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            Server &s = m_servers[i];
            for (const QJsonArray &page : result.pages) {
                for (const QJsonValue &item : page) {
                    const QString id = item.toObject().value(QLatin1String("Id")).toString();
                    if (!id.isEmpty())
                        s.spaceIds.append(id);
                }
            }
            s.spacesDone = true;
            onSetupDone();
        });
        ApiJob *categories = server.client->get(QStringLiteral("/api/events/categories"), this);
        track(categories);
        connect(categories, &ApiJob::finished, this, [this, i](const ApiResult &result) {
            if (m_finished)
                return;
            Server &s = m_servers[i];
            // A server that does not list its categories is asked for every event (and the changes are picked
            // out here): no category filter is better than a wrong one.
            if (result.ok() && result.json.isArray()) {
                QStringList all;
                for (const QJsonValue &c : result.json.array()) {
                    const QString id = c.toObject().value(QLatin1String("Id")).toString();
                    if (!id.isEmpty())
                        all.append(id);
                }
                s.changeCategories = Drift::changeCategories(all);
            }
            s.categoriesDone = true;
            onSetupDone();
        });
        spaces->start();
    }
}

void DriftJob::onSetupDone()
{
    for (const Server &s : m_servers) {
        if (!s.spacesDone || !s.categoriesDone)
            return;
    }
    if (m_reading.cloneTimeGiven)
        readSince();
    else
        detectPage(0);
}

void DriftJob::detectPage(int page)
{
    if (page >= m_maxDetectionPages) {
        finish(); // not detected: the lead gives the clone time
        return;
    }
    EventsQuery query;
    query.spaceIds = m_servers[kNew].spaceIds;
    auto *job = new EventsJob(m_servers[kNew].client, query, this);
    job->setSinglePage(qint64(page) * m_detectionPageSize, m_detectionPageSize);
    track(job);
    connect(job, &EventsJob::finished, this,
            [this, job, page](const QList<AuditEvent> &events, const ApiError &error) {
                job->deleteLater();
                if (m_finished)
                    return;
                if (error.isError()) {
                    fail(error);
                    return;
                }
                if (job->itemsRead() == 0) {
                    finish(); // the clone's history ended without an event the old server holds
                    return;
                }
                if (events.isEmpty()) {
                    detectPage(page + 1);
                    return;
                }
                matchOnOld(page, events);
            });
    job->start();
}

void DriftJob::matchOnOld(int page, const QList<AuditEvent> &clonePage)
{
    EventsQuery query;
    query.spaceIds = m_servers[kOld].spaceIds;
    for (const AuditEvent &e : clonePage)
        query.ids.append(e.id);
    auto *job = new EventsJob(m_servers[kOld].client, query, this);
    job->setSinglePage(0, int(query.ids.size()));
    track(job);
    connect(job, &EventsJob::finished, this,
            [this, job, page, clonePage](const QList<AuditEvent> &events, const ApiError &error) {
                job->deleteLater();
                if (m_finished)
                    return;
                if (error.isError()) {
                    fail(error);
                    return;
                }
                // More results than ids asked for: this server ignores `ids`. Ask for the page's time span.
                if (job->totalResults() > clonePage.size()) {
                    matchInWindow(page, clonePage);
                    return;
                }
                onCloneCandidates(page, clonePage, events);
            });
    job->start();
}

void DriftJob::matchInWindow(int page, const QList<AuditEvent> &clonePage)
{
    EventsQuery query;
    query.spaceIds = m_servers[kOld].spaceIds;
    query.from = clonePage.constLast().occurred;
    query.to = clonePage.constFirst().occurred.addMSecs(1);
    for (const AuditEvent &e : clonePage) {
        query.from = std::min(query.from, e.occurred);
        query.to = std::max(query.to, e.occurred.addMSecs(1));
    }
    auto *job = new EventsJob(m_servers[kOld].client, query, this);
    track(job);
    connect(job, &EventsJob::finished, this,
            [this, job, page, clonePage](const QList<AuditEvent> &events, const ApiError &error) {
                job->deleteLater();
                if (m_finished)
                    return;
                if (error.isError()) {
                    fail(error);
                    return;
                }
                onCloneCandidates(page, clonePage, events);
            });
    job->start();
}

void DriftJob::onCloneCandidates(int page, const QList<AuditEvent> &clonePage,
                                 const QList<AuditEvent> &oldMatches)
{
    const QDateTime cloneTime = Drift::detectCloneTime(oldMatches, clonePage);
    if (!cloneTime.isValid()) {
        detectPage(page + 1);
        return;
    }
    m_reading.cloneTime = cloneTime;
    readSince();
}

void DriftJob::readSince()
{
    for (int i : {kOld, kNew}) {
        Server &server = m_servers[i];
        EventsQuery query;
        query.from = m_reading.cloneTime;
        query.spaceIds = server.spaceIds;
        query.categories = server.changeCategories;
        auto *job = new EventsJob(server.client, query, this);
        // Also where the server ignores eventCategories: what is not a change is not read whole.
        job->setItemFilter(
            [](const JsonItem &o) { return Drift::isChangeCategory(o.sharedString("Category")); });
        track(job);
        connect(job, &EventsJob::finished, this,
                [this, job, i](const QList<AuditEvent> &events, const ApiError &error) {
                    job->deleteLater();
                    if (m_finished)
                        return;
                    if (error.isError())
                        m_errors.append(error);
                    (i == kOld ? m_reading.oldEvents : m_reading.newEvents) = events;
                    m_servers[i].eventsDone = true;
                    if (m_servers[kOld].eventsDone && m_servers[kNew].eventsDone)
                        finish();
                });
        job->start();
    }
}

void DriftJob::cancel()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    fail(error);
}

void DriftJob::fail(const ApiError &error)
{
    if (m_finished)
        return;
    m_errors.append(error);
    if (!m_reading.cloneTimeGiven)
        m_reading.cloneTime = {};
    finish();
}

void DriftJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    const QList<QPointer<QObject>> running = m_running;
    m_running.clear();
    for (const QPointer<QObject> &job : running) {
        if (job)
            job->deleteLater();
    }
    m_reading.readAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(m_reading, m_errors);
}
