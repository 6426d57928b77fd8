#include "eventsjob.h"

#include "jsonpage.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace {

struct EventPageData
{
    QList<AuditEvent> events;
    int itemsRead = 0;
};
using EventPage = std::shared_ptr<EventPageData>;

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool containsCi(const QStringList &list, const QString &value)
{
    for (const QString &item : list) {
        if (item.compare(value, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

AuditEvent readEvent(const JsonItem &o)
{
    AuditEvent e;
    e.id = o.string("Id");
    e.occurred = o.dateTime("Occurred");
    e.category = o.sharedString("Category");
    e.spaceId = o.sharedString("SpaceId");
    e.userId = o.sharedString("UserId");
    e.username = o.sharedString("Username");
    e.isService = o.boolean("IsService");
    e.identityEstablishedWith = o.sharedString("IdentityEstablishedWith");
    e.userAgent = o.sharedString("UserAgent");
    e.ipAddress = o.sharedString("IpAddress");
    e.message = o.string("Message");
    e.relatedDocumentIds = o.strings("RelatedDocumentIds");
    const QString message = e.message;
    for (const JsonItem &r : o.objects("MessageReferences")) {
        AuditEvent::Reference reference;
        reference.documentId = r.sharedString("ReferencedDocumentId");
        const qint64 start = r.integer("StartIndex");
        const qint64 length = r.integer("Length");
        // StartIndex and Length count UTF-16 code units of Message (the server is .NET).
        if (start >= 0 && length > 0 && start + length <= message.size())
            reference.text = message.mid(start, length);
        if (!reference.documentId.isEmpty())
            e.references.append(reference);
    }
    return e;
}

} // namespace

Q_DECLARE_METATYPE(EventPage)

QString EventsQuery::path() const
{
    QUrlQuery query;
    if (from.isValid())
        query.addQueryItem(QStringLiteral("from"), isoUtc(from));
    if (to.isValid())
        query.addQueryItem(QStringLiteral("to"), isoUtc(to));
    if (!spaceIds.isEmpty())
        query.addQueryItem(QStringLiteral("spaces"), spaceIds.join(QLatin1Char(',')));
    if (includeSystem)
        query.addQueryItem(QStringLiteral("includeSystem"), QStringLiteral("true"));
    if (!categories.isEmpty())
        query.addQueryItem(QStringLiteral("eventCategories"), categories.join(QLatin1Char(',')));
    if (!ids.isEmpty())
        query.addQueryItem(QStringLiteral("ids"), ids.join(QLatin1Char(',')));
    if (excludeDifference)
        query.addQueryItem(QStringLiteral("excludeDifference"), QStringLiteral("true"));
    const QString text = query.toString(QUrl::FullyEncoded);
    return text.isEmpty() ? QStringLiteral("/api/events") : QStringLiteral("/api/events?") + text;
}

bool EventsQuery::matches(const AuditEvent &event) const
{
    if (from.isValid() && event.occurred < from)
        return false;
    if (to.isValid() && event.occurred >= to)
        return false;
    if (!spaceIds.isEmpty() && !containsCi(spaceIds, event.spaceId) &&
        !(includeSystem && event.spaceId.isEmpty()))
        return false;
    if (!categories.isEmpty() && !containsCi(categories, event.category))
        return false;
    if (!ids.isEmpty() && !containsCi(ids, event.id))
        return false;
    return true;
}

EventsJob::EventsJob(OctopusClient *client, const EventsQuery &query, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(query)
{}

EventsJob::~EventsJob()
{
    m_finished = true;
    if (m_job)
        m_job->cancel();
}

void EventsJob::setSinglePage(qint64 skip, int take)
{
    m_singlePage = true;
    m_skip = skip;
    m_pageSize = take;
}

void EventsJob::start()
{
    if (!m_client) {
        QTimer::singleShot(0, this, [this] {
            if (m_finished)
                return;
            ApiError error;
            error.kind = ApiErrorKind::Cancelled;
            m_finished = true;
            Q_EMIT finished({}, error);
        });
        return;
    }
    m_job = m_client->fetchAll(m_query.path(), this);
    m_job->setPageSize(m_pageSize);
    if (m_singlePage)
        m_job->setSinglePage(m_skip);
    m_job->setItemTransform([query = m_query, filter = m_filter](const PagedFetchJob::ItemSource &items) {
        auto out = std::make_shared<EventPageData>();
        items([&](const JsonItem &o) {
            ++out->itemsRead;
            if (filter && !filter(o))
                return;
            AuditEvent e = readEvent(o);
            if (query.matches(e))
                out->events.append(std::move(e));
        });
        return QVariant::fromValue(EventPage(std::move(out)));
    });
    connect(m_job, &PagedFetchJob::progress, this, &EventsJob::progress);
    connect(m_job, &PagedFetchJob::finished, this, [this](const PagedResult &result) {
        if (m_finished)
            return;
        m_finished = true;
        m_totalResults = result.totalResults;
        QList<AuditEvent> events;
        for (const QVariant &page : result.converted) {
            if (page.metaType() != QMetaType::fromType<EventPage>())
                continue;
            if (const EventPageData *data = static_cast<const EventPage *>(page.constData())->get()) {
                events += data->events;
                m_itemsRead += data->itemsRead;
            }
        }
        Q_EMIT finished(events, result.error);
    });
    m_job->start();
}

void EventsJob::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_job)
        m_job->cancel();
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    Q_EMIT finished({}, error);
}
