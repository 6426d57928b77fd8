#include "cievidence.h"

#include "eventsjob.h"
#include "inventoryjob.h"
#include "jsonpage.h"
#include "octopusclient.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>

using CiIntegrations::Evidence;

CiRecordsJob::CiRecordsJob(OctopusClient *client, const QDateTime &since, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_since(since)
{}

CiRecordsJob::~CiRecordsJob()
{
    m_finished = true;
    delete m_events.data();
    delete m_inventory.data();
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
    // Only what the evidence is made of: the rest of the inventory (machines, projects, …) would double
    // the requests of a refresh without adding a piece of evidence.
    inventory->setParts(InventoryJob::Users | InventoryJob::BuildInformation);
    inventory->setApiKeyScope(InventoryJob::ApiKeyScope::ServiceAccounts);
    m_inventory = inventory;
    // The events need only the space ids: asked for before the spaces' collections, they are the longest
    // read and set the refresh's length.
    connect(inventory, &InventoryJob::spacesRead, this, [this](const QList<InventorySpace> &spaces) {
        QStringList spaceIds;
        for (const InventorySpace &space : spaces)
            spaceIds.append(space.id);
        startEvents(spaceIds);
    });
    connect(inventory, &InventoryJob::finished, this, [this, inventory](const InventorySnapshot &snapshot) {
        inventory->deleteLater();
        if (m_finished)
            return;
        m_inventoryDone = true;
        m_records.snapshot = snapshot;
        m_errors += snapshot.errors;
        // The spaces could not be listed: without a permission error the events are still read (all the
        // spaces the key sees); after one, there is nothing to read events of.
        if (!m_eventsStarted && snapshot.errors.isEmpty())
            startEvents({});
        finishWhenDone();
    });
    inventory->start();
}

void CiRecordsJob::startEvents(const QStringList &spaceIds)
{
    if (m_finished || m_eventsStarted)
        return;
    m_eventsStarted = true;
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
    m_events = events;
    connect(events, &EventsJob::finished, this,
            [this, events](const QList<CiEvent> &list, const ApiError &error) {
                events->deleteLater();
                onEvents(list, error);
            });
    events->start();
}

void CiRecordsJob::onEvents(const QList<CiEvent> &events, const ApiError &error)
{
    if (m_finished)
        return;
    m_eventsDone = true;
    m_records.events = events;
    m_eventsError = error;
    finishWhenDone();
}

void CiRecordsJob::finishWhenDone()
{
    if (!m_inventoryDone || (m_eventsStarted && !m_eventsDone))
        return;
    if (m_eventsError.isError()) {
        // A server that cannot be reached (or a key it refuses) fails both reads the same way: said once.
        const ApiErrorKind kind = m_eventsError.kind;
        const bool serverWide = kind == ApiErrorKind::Unreachable || kind == ApiErrorKind::Tls ||
                                kind == ApiErrorKind::TlsChanged || kind == ApiErrorKind::Unauthorized ||
                                kind == ApiErrorKind::RedirectRefused || kind == ApiErrorKind::Cancelled;
        const bool known = serverWide && std::any_of(m_errors.cbegin(), m_errors.cend(),
                                                     [kind](const ApiError &e) { return e.kind == kind; });
        if (!known)
            m_errors.append(m_eventsError);
    }
    finish();
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
    if (m_events)
        m_events->deleteLater();
    if (m_inventory)
        m_inventory->deleteLater();
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
        // Up to four packages named, the first in alphabetical order (not the first to arrive).
        if (!tally.packages.contains(b.packageId) &&
            (tally.packages.size() < 4 || b.packageId < tally.packages.constLast())) {
            tally.packages.insert(std::lower_bound(tally.packages.begin(), tally.packages.end(), b.packageId),
                                  b.packageId);
            if (tally.packages.size() > 4)
                tally.packages.removeLast();
        }
        // The newest build (of builds made at the same time, the greatest URL: the spaces' pages arrive in
        // no fixed order), overwritten below with the count.
        if (!tally.evidence.time.isValid() || b.created > tally.evidence.time ||
            (b.created == tally.evidence.time && b.buildUrl > tally.evidence.detail)) {
            tally.evidence.time = b.created;
            tally.evidence.detail = b.buildUrl;
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
    // By account (without regard to case), client and key; the parts kept apart rather than joined into
    // one string per event.
    using TallyKey = std::pair<QString, std::pair<QString, QString>>;
    QHash<TallyKey, Tally> tallies;
    QList<TallyKey> order;
    QHash<QString, QString> lowerNames;
    // A server's events repeat a few identities (one per key): each is parsed once.
    QHash<QString, QString> purposes;
    for (const CiEvent &event : events) {
        auto known = purposes.constFind(event.identityEstablishedWith);
        if (known == purposes.cend())
            known = purposes.insert(event.identityEstablishedWith,
                                    CiIntegrations::apiKeyPurposeFrom(event.identityEstablishedWith));
        const QString purpose = *known;
        if (!event.isService && purpose.isEmpty())
            continue; // neither a service account nor an API key: not an integration
        auto lower = lowerNames.constFind(event.username);
        if (lower == lowerNames.cend())
            lower = lowerNames.insert(event.username, event.username.toLower());
        const TallyKey key{*lower, {event.userAgent, purpose}};
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
    for (const TallyKey &key : std::as_const(order)) {
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
    // (Id and time as a pair, not joined into one string: 200,000 events are 200,000 strings fewer.)
    using RecordKey = std::pair<QString, qint64>;
    QSet<RecordKey> oldKeys;
    oldKeys.reserve(oldServer.snapshot.buildInformation.size() + oldServer.events.size());
    for (const InventoryBuildInformation &b : oldServer.snapshot.buildInformation)
        oldKeys.insert({b.id, b.created.toMSecsSinceEpoch()});
    for (const CiEvent &e : oldServer.events)
        oldKeys.insert({e.id, e.occurred.toMSecsSinceEpoch()});
    QDateTime clonePoint;
    auto inherited = [&](const QString &id, const QDateTime &time) {
        if (!oldKeys.contains({id, time.toMSecsSinceEpoch()}))
            return false;
        if (!clonePoint.isValid() || time > clonePoint)
            clonePoint = time;
        return true;
    };
    // The new server's own records, copied one by one: most of them are usually inherited, and copying the
    // whole list to remove them would copy every one.
    InventorySnapshot fresh = newServer.snapshot;
    fresh.buildInformation.clear();
    for (const InventoryBuildInformation &b : newServer.snapshot.buildInformation) {
        if (!inherited(b.id, b.created))
            fresh.buildInformation.append(b);
    }
    QList<CiEvent> freshEvents;
    for (const CiEvent &e : newServer.events) {
        if (!inherited(e.id, e.occurred))
            freshEvents.append(e);
    }
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
