#include "cievidence.h"

#include "eventsjob.h"
#include "inventoryjob.h"
#include "jsonpage.h"
#include "octopusclient.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QTimer>

using CiIntegrations::Evidence;

namespace {

bool isIntegrationEvent(const CiEvent &e)
{
    return e.isService || !CiIntegrations::apiKeyPurposeFrom(e.identityEstablishedWith).isEmpty();
}

} // namespace

CiRecordsJob::CiRecordsJob(OctopusClient *client, const QDateTime &since, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_since(since)
{}

CiRecordsJob::~CiRecordsJob()
{
    m_finished = true;
    delete m_running.data();
}

void CiRecordsJob::start()
{
    if (!m_client) {
        QTimer::singleShot(0, this, [this] {
            ApiError error;
            error.kind = ApiErrorKind::Cancelled;
            m_errors.append(error);
            finish();
        });
        return;
    }
    auto *inventory = new InventoryJob(m_client, this);
    inventory->setAutoDelete(false);
    inventory->setApiKeyScope(InventoryJob::ApiKeyScope::ServiceAccounts);
    m_running = inventory;
    connect(inventory, &InventoryJob::finished, this, [this, inventory](const InventorySnapshot &snapshot) {
        inventory->deleteLater();
        if (m_finished)
            return;
        m_records.snapshot = snapshot;
        m_errors += snapshot.errors;
        QStringList spaceIds;
        for (const InventorySpace &space : snapshot.spaces)
            spaceIds.append(space.id);
        if (spaceIds.isEmpty() && !snapshot.errors.isEmpty()) {
            finish(); // nothing to read events of: the server or its spaces could not be read
            return;
        }
        // Only events made with an API key or by a service account: people signed in to the portal and the
        // server itself are not integrations (left out before the rest of the event is read).
        EventsQuery query;
        query.from = m_since;
        query.spaceIds = spaceIds;
        auto *events = new EventsJob(m_client, query, this);
        events->setItemFilter([](const JsonItem &o) {
            return o.boolean("IsService") ||
                   o.string("IdentityEstablishedWith").startsWith(QLatin1String("API key"));
        });
        m_running = events;
        connect(events, &EventsJob::finished, this,
                [this, events](const QList<CiEvent> &list, const ApiError &error) {
                    events->deleteLater();
                    if (m_finished)
                        return;
                    m_records.events = list;
                    if (error.isError())
                        m_errors.append(error);
                    finish();
                });
        events->start();
    });
    inventory->start();
}

void CiRecordsJob::cancel()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    m_errors.append(error);
    finish();
}

void CiRecordsJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_running)
        m_running->deleteLater();
    Q_EMIT finished(m_records, m_errors);
}

namespace CiEvidence {

QList<Evidence> fromInventory(const InventorySnapshot &snapshot, ServerRole server, const QDateTime &since)
{
    QList<Evidence> out;
    // Build information: one piece per system, place and account.
    struct Tally
    {
        Evidence evidence;
        int count = 0;
        QStringList packages;
    };
    QHash<QString, Tally> builds;
    QStringList order;
    for (const InventoryBuildInformation &b : snapshot.buildInformation) {
        if (since.isValid() && b.created.isValid() && b.created < since)
            continue;
        const CiIntegrations::BuildOrigin origin =
            CiIntegrations::buildOrigin(b.buildEnvironment, b.buildUrl);
        if (origin.location.isEmpty() && origin.system.isEmpty())
            continue;
        const QString key = origin.system + QLatin1Char('\n') + origin.location + QLatin1Char('\n') +
                            b.lastModifiedBy.toLower();
        Tally &tally = builds[key];
        if (tally.count == 0) {
            order.append(key);
            tally.evidence.kind = Evidence::Kind::BuildInformation;
            tally.evidence.server = server;
            tally.evidence.system = origin.system;
            tally.evidence.location = origin.location;
            tally.evidence.username = b.lastModifiedBy;
            tally.evidence.isService = true;
        }
        ++tally.count;
        if (!tally.packages.contains(b.packageId) && tally.packages.size() < 4)
            tally.packages.append(b.packageId);
        if (!tally.evidence.time.isValid() || b.created > tally.evidence.time) {
            tally.evidence.time = b.created;
            tally.evidence.detail = b.buildUrl; // the newest build, overwritten below with the count
        }
    }
    for (const QString &key : std::as_const(order)) {
        Tally &tally = builds[key];
        tally.evidence.detail =
            QCoreApplication::translate("CiEvidence", "%n build-information record(s) (%1), newest %2",
                                        nullptr, tally.count)
                .arg(tally.packages.join(QStringLiteral(", ")), tally.evidence.detail);
        out.append(tally.evidence);
    }
    // API keys of service accounts, used in the window (the server tracks use since 2022.x; unknown:
    // skipped).
    for (const InventoryUser &user : snapshot.users) {
        if (!user.isService)
            continue;
        for (const InventoryApiKey &key : user.apiKeys) {
            if (!key.lastUsed.isValid() || (since.isValid() && key.lastUsed < since))
                continue;
            Evidence e;
            e.kind = Evidence::Kind::ApiKey;
            e.server = server;
            e.time = key.lastUsed;
            e.username = user.username;
            e.isService = true;
            e.apiKeyPurpose = key.purpose;
            e.detail = QCoreApplication::translate("CiEvidence", "API key '%1' of %2 last used")
                           .arg(key.purpose, user.username);
            out.append(e);
        }
    }
    return out;
}

QList<Evidence> fromEvents(const QList<CiEvent> &events, ServerRole server)
{
    struct Tally
    {
        Evidence evidence;
        int count = 0;
        QString newestMessage;
    };
    QHash<QString, Tally> tallies;
    QStringList order;
    for (const CiEvent &event : events) {
        if (!isIntegrationEvent(event))
            continue;
        const QString purpose = CiIntegrations::apiKeyPurposeFrom(event.identityEstablishedWith);
        const QString key =
            event.username.toLower() + QLatin1Char('\n') + event.userAgent + QLatin1Char('\n') + purpose;
        Tally &tally = tallies[key];
        if (tally.count == 0) {
            order.append(key);
            Evidence &e = tally.evidence;
            e.kind = Evidence::Kind::Event;
            e.server = server;
            e.username = event.username;
            e.isService = event.isService;
            e.apiKeyPurpose = purpose;
            e.userAgent = event.userAgent;
            e.ipAddress = event.ipAddress;
            const CiIntegrations::ClientInfo client = CiIntegrations::classifyUserAgent(event.userAgent);
            // A user agent that names a CI system names the system; a client library or CLI alone does not
            // say which CI runs it, so the event joins its account's row (see CiIntegrations::group()).
            if (client.system != QLatin1String("Other") && client.system != QLatin1String("octo") &&
                client.system != QLatin1String("Octopus.Client") &&
                client.system != QLatin1String("octopus CLI"))
                e.system = client.system;
        }
        ++tally.count;
        if (!tally.evidence.time.isValid() || event.occurred > tally.evidence.time) {
            tally.evidence.time = event.occurred;
            tally.newestMessage = event.message;
        }
    }
    QList<Evidence> out;
    for (const QString &key : std::as_const(order)) {
        Tally &tally = tallies[key];
        const CiIntegrations::ClientInfo client = CiIntegrations::classifyUserAgent(tally.evidence.userAgent);
        const QString tool =
            client.version.isEmpty() ? client.tool : client.tool + QLatin1Char(' ') + client.version;
        tally.evidence.detail =
            QCoreApplication::translate("CiEvidence", "%n event(s) by %1 with %2, newest: %3", nullptr,
                                        tally.count)
                .arg(tally.evidence.username, tool.isEmpty() ? tally.evidence.userAgent : tool,
                     tally.newestMessage);
        out.append(tally.evidence);
    }
    return out;
}

QList<Evidence> evidenceFrom(const ServerRecords &oldServer, const ServerRecords &newServer,
                             const QDateTime &since)
{
    // Records the clone inherited: the same id with the same time on both servers. Ids alone are not
    // enough: both servers go on numbering from the clone's counters, so new records can share an id.
    QSet<QString> oldKeys;
    auto keyOf = [](const QString &id, const QDateTime &time) {
        return id + QLatin1Char('@') + QString::number(time.toMSecsSinceEpoch());
    };
    for (const InventoryBuildInformation &b : oldServer.snapshot.buildInformation)
        oldKeys.insert(keyOf(b.id, b.created));
    for (const CiEvent &e : oldServer.events)
        oldKeys.insert(keyOf(e.id, e.occurred));
    QDateTime clonePoint;
    auto inherited = [&](const QString &id, const QDateTime &time) {
        if (!oldKeys.contains(keyOf(id, time)))
            return false;
        if (!clonePoint.isValid() || time > clonePoint)
            clonePoint = time;
        return true;
    };
    InventorySnapshot fresh = newServer.snapshot;
    fresh.buildInformation.removeIf(
        [&](const InventoryBuildInformation &b) { return inherited(b.id, b.created); });
    QList<CiEvent> freshEvents = newServer.events;
    freshEvents.removeIf([&](const CiEvent &e) { return inherited(e.id, e.occurred); });
    // A key's last use as the clone copied it is the old server's use: it counts on the new server only when
    // it is later than the clone and differs from the old server's (reads make no events, so a key can be
    // used after the newest record both servers hold; the old server's own value tells that case apart).
    QHash<QString, QDateTime> oldLastUse;
    for (const InventoryUser &user : oldServer.snapshot.users) {
        for (const InventoryApiKey &key : user.apiKeys)
            oldLastUse.insert(key.id, key.lastUsed);
    }
    for (InventoryUser &user : fresh.users) {
        for (InventoryApiKey &key : user.apiKeys) {
            if (!key.lastUsed.isValid())
                continue;
            const auto old = oldLastUse.constFind(key.id);
            if (!clonePoint.isValid() || key.lastUsed <= clonePoint ||
                (old != oldLastUse.cend() && old->isValid() && *old == key.lastUsed))
                key.lastUsed = {};
        }
    }
    return fromInventory(oldServer.snapshot, ServerRole::Old, since) +
           fromEvents(oldServer.events, ServerRole::Old) + fromInventory(fresh, ServerRole::New, since) +
           fromEvents(freshEvents, ServerRole::New);
}

} // namespace CiEvidence
