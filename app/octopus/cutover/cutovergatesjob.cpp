#include "cutovergatesjob.h"

#include "apierrortext.h"
#include "apijob.h"
#include "cutoverjson.h"
#include "eventsjob.h"
#include "jsonpage.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

namespace {

const QString kOldMaintenance = QStringLiteral("old-maintenance");
const QString kOldQueueDrained = QStringLiteral("old-queue-drained");
const QString kNobodyTalking = QStringLiteral("nobody-talking");
const QString kDnsNewServer = QStringLiteral("dns-new-server");
const QString kCloneItemsReenabled = QStringLiteral("clone-items-reenabled");

// "a, b, c and 2 more"
QString listed(const QStringList &names, int shown = 3)
{
    QStringList head = names.mid(0, shown);
    QString text = head.join(QStringLiteral(", "));
    if (names.size() > shown)
        text = QCoreApplication::translate("CutoverGatesJob", "%1 and %n more", nullptr,
                                           int(names.size() - shown))
                   .arg(text);
    return text;
}

QString hhmm(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// The user agent Handover sends (NetworkWorker): "Handover/<version>".
bool isHandover(const QString &userAgent)
{
    return userAgent.startsWith(QLatin1String("Handover/"));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------

QString CutoverGate::statusName(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("pass");
    case Status::Fail:
        return QStringLiteral("fail");
    case Status::Unknown:
        return QStringLiteral("unknown");
    }
    return QString();
}

QJsonObject CutoverGate::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("status"), statusName(status)},
                  {QStringLiteral("evidence"), evidence},
                  {QStringLiteral("checkedAt"), CutoverJson::time(checkedAt)}};
    if (error.isError())
        o.insert(QStringLiteral("error"), CutoverJson::apiError(error));
    return o;
}

const CutoverGate *CutoverGatesJob::Result::gate(const QString &id) const
{
    for (const CutoverGate &g : gates) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

bool CutoverGatesJob::Result::allPass() const
{
    if (gates.isEmpty())
        return false;
    for (const CutoverGate &g : gates) {
        if (g.status != CutoverGate::Status::Pass)
            return false;
    }
    return true;
}

QJsonObject CutoverGatesJob::Result::toJson() const
{
    QJsonArray list;
    for (const CutoverGate &g : gates)
        list.append(g.toJson());
    return QJsonObject{{QStringLiteral("gates"), list},
                       {QStringLiteral("checkedAt"), CutoverJson::time(checkedAt)},
                       {QStringLiteral("allPass"), allPass()}};
}

const QStringList &CutoverGatesJob::gateIds()
{
    static const QStringList ids = {kOldMaintenance, kOldQueueDrained, kNobodyTalking, kDnsNewServer,
                                    kCloneItemsReenabled};
    return ids;
}

// ---------------------------------------------------------------------------------------------------------

CutoverGatesJob::CutoverGatesJob(OctopusClient *oldClient, OctopusClient *newClient,
                                 const CutoverGatesParameters &parameters, QObject *parent)
    : QObject(parent)
    , m_old(oldClient)
    , m_new(newClient)
    , m_parameters(parameters)
{
    for (const QString &id : gateIds()) {
        CutoverGate gate;
        gate.id = id;
        gate.evidence = tr("Not checked yet.");
        m_result.gates.append(gate);
    }
}

CutoverGatesJob::~CutoverGatesJob()
{
    m_finished = true;
    stopRunning();
}

void CutoverGatesJob::track(QObject *job)
{
    m_running.append(job);
}

void CutoverGatesJob::stopRunning()
{
    const auto running = m_running;
    m_running.clear();
    for (const QPointer<QObject> &job : running) {
        if (!job)
            continue;
        disconnect(job.data(), nullptr, this, nullptr);
        if (auto *apiJob = qobject_cast<ApiJob *>(job.data()))
            apiJob->cancel();
        else if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
        else if (auto *events = qobject_cast<EventsJob *>(job.data()))
            events->cancel();
    }
}

void CutoverGatesJob::hold()
{
    ++m_holds;
}

void CutoverGatesJob::release()
{
    if (m_finished || --m_holds > 0)
        return;
    m_finished = true;
    stopRunning();
    m_result.checkedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(m_result);
}

void CutoverGatesJob::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    stopRunning();
    m_result.cancelled = true;
    m_result.checkedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(m_result);
}

void CutoverGatesJob::decide(const QString &id, CutoverGate::Status status, const QString &evidence,
                             const ApiError &error)
{
    if (m_finished)
        return;
    for (CutoverGate &gate : m_result.gates) {
        if (gate.id != id)
            continue;
        gate.status = status;
        gate.evidence = evidence;
        gate.error = error;
        gate.checkedAt = QDateTime::currentDateTimeUtc();
        Q_EMIT gateChanged(gate);
    }
}

ApiJob *CutoverGatesJob::send(OctopusClient *client, const QString &path)
{
    ApiRequest request;
    request.path = path;
    ApiJob *job = client->send(request, this);
    track(job);
    hold();
    return job;
}

void CutoverGatesJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_windowStart = QDateTime::currentDateTimeUtc().addSecs(-60LL * qMax(0, m_parameters.quietMinutes));
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        hold(); // until every check has been started
        checkMaintenance();
        readOldSpaces();
        checkDns();
        checkReenabled();
        release();
    });
}

// ---------------------------------------------------------------------------------------------------------
// old-maintenance

void CutoverGatesJob::checkMaintenance()
{
    if (!m_old) {
        decide(kOldMaintenance, CutoverGate::Status::Unknown,
               tr("The old server is not connected, so its maintenance mode is not known."));
        return;
    }
    auto conclude = [this](const QJsonObject &o) {
        const QString server = m_old->settings().baseUrl.toString();
        const QJsonValue value = o.value(QLatin1String("IsInMaintenanceMode"));
        if (!value.isBool()) {
            decide(kOldMaintenance, CutoverGate::Status::Unknown,
                   tr("The old server (%1) did not say whether it is in maintenance mode.").arg(server));
        } else if (value.toBool()) {
            decide(kOldMaintenance, CutoverGate::Status::Pass,
                   tr("The old server (%1) reports maintenance mode on.").arg(server));
        } else {
            decide(kOldMaintenance, CutoverGate::Status::Fail,
                   tr("The old server (%1) reports maintenance mode off: people and integrations can still "
                      "change it and queue deployments.")
                       .arg(server));
        }
    };
    // GET /api/maintenanceconfiguration (MaintenanceConfigurationResource); a key that may not read it still
    // sees IsInMaintenanceMode in /api/serverstatus.
    connect(send(m_old, QStringLiteral("/api/maintenanceconfiguration")), &ApiJob::finished, this,
            [this, conclude](const ApiResult &result) {
                if (result.ok()) {
                    conclude(result.json.object());
                } else if (result.error.kind == ApiErrorKind::Forbidden ||
                           result.error.kind == ApiErrorKind::NotFound) {
                    connect(send(m_old, QStringLiteral("/api/serverstatus")), &ApiJob::finished, this,
                            [this, conclude](const ApiResult &status) {
                                if (status.ok())
                                    conclude(status.json.object());
                                else
                                    decide(kOldMaintenance, CutoverGate::Status::Unknown,
                                           ApiErrorText::describe(status.error), status.error);
                                release();
                            });
                } else {
                    decide(kOldMaintenance, CutoverGate::Status::Unknown,
                           ApiErrorText::describe(result.error), result.error);
                }
                release();
            });
}

// ---------------------------------------------------------------------------------------------------------
// The old server's spaces, then old-queue-drained and nobody-talking

void CutoverGatesJob::readOldSpaces()
{
    if (!m_old) {
        decide(kOldQueueDrained, CutoverGate::Status::Unknown,
               tr("The old server is not connected, so its task queue is not known."));
        decide(kNobodyTalking, CutoverGate::Status::Unknown,
               tr("The old server is not connected, so who still calls it is not known."));
        return;
    }
    PagedFetchJob *spaces = m_old->fetchAll(QStringLiteral("/api/spaces"), this);
    spaces->setPreferAll(true);
    track(spaces);
    hold();
    connect(spaces, &PagedFetchJob::finished, this, [this](const PagedResult &result) {
        if (result.ok() || result.error.kind == ApiErrorKind::NotFound) {
            QStringList ids; // empty before spaces (2019.1): the legacy routes
            for (const QJsonArray &page : result.pages) {
                for (const QJsonValue &value : page)
                    ids.append(value.toObject().value(QLatin1String("Id")).toString());
            }
            checkQueue(ids);
            checkTalking(ids);
        } else {
            const QString text = ApiErrorText::describe(result.error);
            decide(kOldQueueDrained, CutoverGate::Status::Unknown, text, result.error);
            decide(kNobodyTalking, CutoverGate::Status::Unknown, text, result.error);
        }
        release();
    });
    spaces->start();
}

void CutoverGatesJob::checkQueue(const QStringList &spaceIds)
{
    // GET /api/tasks (the root document's template: states, take, spaces, includeSystem); TotalResults counts
    // every matching task, the first few name them.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("states"), QStringLiteral("Queued,Executing,Cancelling"));
    query.addQueryItem(QStringLiteral("take"), QStringLiteral("5"));
    query.addQueryItem(QStringLiteral("includeSystem"), QStringLiteral("true"));
    if (!spaceIds.isEmpty())
        query.addQueryItem(QStringLiteral("spaces"), spaceIds.join(QLatin1Char(',')));
    const QString path = QStringLiteral("/api/tasks?") + query.toString(QUrl::FullyEncoded);
    connect(send(m_old, path), &ApiJob::finished, this, [this](const ApiResult &result) {
        const QString server = m_old ? m_old->settings().baseUrl.toString() : QString();
        if (!result.ok()) {
            decide(kOldQueueDrained, CutoverGate::Status::Unknown, ApiErrorText::describe(result.error),
                   result.error);
            release();
            return;
        }
        const QJsonObject page = result.json.object();
        const QJsonValue total = page.value(QLatin1String("TotalResults"));
        QStringList tasks;
        int counted = 0;
        for (const QJsonValue &value : page.value(QLatin1String("Items")).toArray()) {
            const QJsonObject task = value.toObject();
            const QString state = task.value(QLatin1String("State")).toString();
            if (state != QLatin1String("Queued") && state != QLatin1String("Executing") &&
                state != QLatin1String("Cancelling"))
                continue; // a server that ignored the filter
            ++counted;
            tasks.append(QStringLiteral("%1 %2 (%3)")
                             .arg(task.value(QLatin1String("Id")).toString(),
                                  task.value(QLatin1String("Description"))
                                      .toString(task.value(QLatin1String("Name")).toString()),
                                  state));
        }
        const qint64 count = total.isDouble() ? qint64(total.toDouble()) : counted;
        if (count == 0 && counted == 0) {
            decide(kOldQueueDrained, CutoverGate::Status::Pass,
                   tr("The old server (%1) has no queued, executing or cancelling task.").arg(server));
        } else {
            decide(kOldQueueDrained, CutoverGate::Status::Fail,
                   tr("The old server (%1) still has %n active task(s): %2.", nullptr,
                      int(qMax<qint64>(count, counted)))
                       .arg(server, listed(tasks)));
        }
        release();
    });
}

void CutoverGatesJob::checkTalking(const QStringList &spaceIds)
{
    struct Seen
    {
        QStringList callers;
        QSet<QString> keys;
        int pending = 0;
        ApiError error;
    };
    auto seen = std::make_shared<Seen>();
    auto conclude = [this, seen] {
        if (--seen->pending > 0)
            return;
        const QString server = m_old ? m_old->settings().baseUrl.toString() : QString();
        const int minutes = m_parameters.quietMinutes;
        if (!seen->callers.isEmpty()) {
            decide(kNobodyTalking, CutoverGate::Status::Fail,
                   tr("Since %1 the old server (%2) was called by %3.")
                       .arg(hhmm(m_windowStart), server, listed(seen->callers)),
                   seen->error);
        } else if (seen->error.isError()) {
            decide(kNobodyTalking, CutoverGate::Status::Unknown, ApiErrorText::describe(seen->error),
                   seen->error);
        } else {
            decide(kNobodyTalking, CutoverGate::Status::Pass,
                   tr("Nobody but Handover called the old server (%1) in the last %n minute(s): no event "
                      "by another client and no build information since %2.",
                      nullptr, minutes)
                       .arg(server, hhmm(m_windowStart)));
        }
    };
    auto note = [seen](const QString &key, const QString &text) {
        if (seen->keys.contains(key))
            return;
        seen->keys.insert(key);
        seen->callers.append(text);
    };

    // Events since the window began, in every space and the server-wide ones (EventsJob: GET /api/events
    // with from, spaces, includeSystem). A caller is an event with a user whose client is not Handover.
    EventsQuery query;
    query.from = m_windowStart;
    query.spaceIds = spaceIds;
    query.includeSystem = true;
    auto *events = new EventsJob(m_old, query, this);
    track(events);
    hold();
    ++seen->pending;
    connect(events, &EventsJob::finished, this,
            [this, events, seen, conclude, note](const QList<AuditEvent> &list, const ApiError &error) {
                events->deleteLater();
                if (error.isError() && !seen->error.isError())
                    seen->error = error;
                for (const AuditEvent &e : list) {
                    if (e.username.isEmpty() || isHandover(e.userAgent))
                        continue;
                    const QString agent = e.userAgent.isEmpty() ? tr("an unnamed client") : e.userAgent;
                    note(e.username + QLatin1Char('\n') + agent,
                         tr("%1 with %2 (%3 at %4)").arg(e.username, agent, e.category, hhmm(e.occurred)));
                }
                conclude();
                release();
            });
    events->start();

    // Build information created since then: a CI server pushing builds (GET /api/{spaceId}/build-information;
    // it has no time filter, so each record's Created is compared here).
    const QStringList prefixes = spaceIds.isEmpty() ? QStringList{QStringLiteral("/api")} : [&spaceIds] {
        QStringList list;
        for (const QString &id : spaceIds)
            list.append(QStringLiteral("/api/") + id);
        return list;
    }();
    for (const QString &prefix : prefixes) {
        PagedFetchJob *job = m_old->fetchAll(prefix + QStringLiteral("/build-information"), this);
        const QDateTime since = m_windowStart;
        job->setItemTransform([since](const PagedFetchJob::ItemSource &items) {
            QStringList found;
            items([&](const JsonItem &o) {
                const QDateTime created = o.dateTime("Created");
                if (!created.isValid() || created < since)
                    return;
                found.append(o.string("LastModifiedBy") + QLatin1Char('\n') + o.string("PackageId") +
                             QLatin1Char(' ') + o.string("Version") + QLatin1Char('\n') +
                             created.toUTC().toString(Qt::ISODate));
            });
            return QVariant(found);
        });
        track(job);
        hold();
        ++seen->pending;
        connect(job, &PagedFetchJob::finished, this, [this, seen, conclude, note](const PagedResult &result) {
            if (!result.ok() && result.error.kind != ApiErrorKind::NotFound && !seen->error.isError())
                seen->error = result.error;
            for (const QVariant &page : result.converted) {
                for (const QString &record : page.toStringList()) {
                    const QStringList parts = record.split(QLatin1Char('\n'));
                    const QString who = parts.value(0).isEmpty() ? tr("an unnamed account") : parts.value(0);
                    note(QStringLiteral("build\n") + who,
                         tr("%1 pushing build information (%2 at %3)")
                             .arg(who, parts.value(1),
                                  hhmm(QDateTime::fromString(parts.value(2), Qt::ISODate))));
                }
            }
            conclude();
            release();
        });
        job->start();
    }
}

// ---------------------------------------------------------------------------------------------------------
// dns-new-server

void CutoverGatesJob::checkDns()
{
    if (!m_parameters.publicUrl.isValid() || m_parameters.publicUrl.isEmpty()) {
        decide(kDnsNewServer, CutoverGate::Status::Unknown,
               tr("No public address was given for the DNS name, so where it points is not known."));
        return;
    }
    if (!m_new) {
        decide(kDnsNewServer, CutoverGate::Status::Unknown,
               tr("The new server is not connected, so its InstallationId is not known."));
        return;
    }
    // The public address may be another host: it gets no API key (GET /api is anonymous). Timeouts, proxy and
    // the certificates trusted for the new server carry over (the name should present the new server's).
    ConnectionSettings settings = m_new->settings();
    settings.baseUrl = m_parameters.publicUrl;
    settings.apiKey.clear();
    settings.role.reset();
    m_public = std::make_unique<OctopusClient>(settings, m_new->network());

    m_dnsLeft = m_old ? 3 : 2;
    auto root = [this](OctopusClient *client, std::optional<QString> *id, ApiError *error) {
        connect(send(client, QStringLiteral("/api")), &ApiJob::finished, this,
                [this, id, error](const ApiResult &result) {
                    if (result.ok())
                        *id = result.json.object().value(QLatin1String("InstallationId")).toString();
                    else
                        *error = result.error;
                    if (--m_dnsLeft == 0)
                        onDnsAnswer();
                    release();
                });
    };
    root(m_public.get(), &m_publicId, &m_publicError);
    root(m_new, &m_newId, &m_newError);
    if (m_old)
        root(m_old, &m_oldId, &m_oldError);
}

void CutoverGatesJob::onDnsAnswer()
{
    const QString address = m_parameters.publicUrl.toString();
    if (m_publicError.isError()) {
        decide(kDnsNewServer, CutoverGate::Status::Fail,
               tr("%1 did not answer as an Octopus Server: %2")
                   .arg(address, ApiErrorText::describe(m_publicError)),
               m_publicError);
        return;
    }
    if (m_publicId.value_or(QString()).isEmpty()) {
        decide(kDnsNewServer, CutoverGate::Status::Fail,
               tr("%1 answers, but not with an Octopus Server's InstallationId.").arg(address));
        return;
    }
    if (m_newError.isError() || m_newId.value_or(QString()).isEmpty()) {
        decide(kDnsNewServer, CutoverGate::Status::Unknown,
               tr("%1 answers with InstallationId %2, but the new server's could not be read: %3")
                   .arg(address, *m_publicId,
                        m_newError.isError() ? ApiErrorText::describe(m_newError) : tr("none given")),
               m_newError);
        return;
    }
    const QString publicId = *m_publicId;
    const QString newId = *m_newId;
    const QString oldId = m_oldId.value_or(QString());
    if (publicId.compare(newId, Qt::CaseInsensitive) != 0) {
        const bool isOld = !oldId.isEmpty() && publicId.compare(oldId, Qt::CaseInsensitive) == 0;
        decide(kDnsNewServer, CutoverGate::Status::Fail,
               isOld ? tr("%1 answers with InstallationId %2, the old server's; the new server's is %3.")
                           .arg(address, publicId, newId)
                     : tr("%1 answers with InstallationId %2; the new server's is %3.")
                           .arg(address, publicId, newId));
        return;
    }
    if (oldId.isEmpty()) {
        decide(kDnsNewServer, CutoverGate::Status::Unknown,
               tr("%1 answers with InstallationId %2, the new server's, but the old server's could not be "
                  "read to tell the two apart.")
                   .arg(address, publicId),
               m_oldError);
        return;
    }
    if (oldId.compare(newId, Qt::CaseInsensitive) == 0) {
        decide(kDnsNewServer, CutoverGate::Status::Fail,
               tr("Both servers report InstallationId %1 (the clone's was not changed), so %2 cannot be told "
                  "apart.")
                   .arg(newId, address));
        return;
    }
    decide(kDnsNewServer, CutoverGate::Status::Pass,
           tr("%1 answers with InstallationId %2, the new server's (the old server's is %3).")
               .arg(address, publicId, oldId));
}

// ---------------------------------------------------------------------------------------------------------
// clone-items-reenabled

void CutoverGatesJob::checkReenabled()
{
    const QList<CutoverItem> items = m_parameters.disabledItems;
    if (items.isEmpty()) {
        decide(kCloneItemsReenabled, CutoverGate::Status::Pass,
               tr("Nothing was disabled on the new server, so nothing needs enabling again."));
        return;
    }
    if (!m_new) {
        decide(kCloneItemsReenabled, CutoverGate::Status::Unknown,
               tr("The new server is not connected, so whether the %n disabled item(s) are enabled again is "
                  "not known.",
                  nullptr, int(items.size())));
        return;
    }
    struct Tally
    {
        QStringList disabled;
        QStringList missing;
        int enabled = 0;
        int pending = 0;
        ApiError error;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(items.size());
    for (const CutoverItem &item : items) {
        connect(
            send(m_new, item.path()), &ApiJob::finished, this, [this, item, tally](const ApiResult &result) {
                const QString name = QStringLiteral("%1 %2 (%3)")
                                         .arg(CutoverItem::kindName(item.kind),
                                              item.name.isEmpty() ? item.id : item.name, item.id);
                if (result.ok()) {
                    if (result.json.object().value(QLatin1String("IsDisabled")).toBool())
                        tally->disabled.append(name);
                    else
                        ++tally->enabled;
                } else if (result.error.kind == ApiErrorKind::NotFound) {
                    tally->missing.append(name);
                } else if (!tally->error.isError()) {
                    tally->error = result.error;
                }
                if (--tally->pending == 0) {
                    const int total = int(tally->disabled.size() + tally->missing.size()) + tally->enabled;
                    if (!tally->disabled.isEmpty()) {
                        decide(kCloneItemsReenabled, CutoverGate::Status::Fail,
                               tr("%n of the disabled item(s) are still disabled on the new server: %1.",
                                  nullptr, int(tally->disabled.size()))
                                   .arg(listed(tally->disabled)),
                               tally->error);
                    } else if (!tally->missing.isEmpty()) {
                        decide(kCloneItemsReenabled, CutoverGate::Status::Fail,
                               tr("%n of the disabled item(s) are no longer on the new server: %1.", nullptr,
                                  int(tally->missing.size()))
                                   .arg(listed(tally->missing)),
                               tally->error);
                    } else if (tally->error.isError()) {
                        decide(kCloneItemsReenabled, CutoverGate::Status::Unknown,
                               ApiErrorText::describe(tally->error), tally->error);
                    } else {
                        decide(kCloneItemsReenabled, CutoverGate::Status::Pass,
                               tr("All %n item(s) disabled on the new server are enabled again.", nullptr,
                                  total));
                    }
                }
                release();
            });
    }
}
