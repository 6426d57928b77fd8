#pragma once

#include "apierror.h"
#include "auditevent.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class JsonItem;
class OctopusClient;
class PagedFetchJob;

// What to ask GET /api/events for, with the server's own filters (OctopusClients EventRepository.List,
// go-octopusdeploy EventsQuery): `from` (inclusive) and `to` (exclusive) times, `spaces` with
// `includeSystem` (the server-wide events too), `eventCategories`, `ids`, and `excludeDifference` (no
// ChangeDetails, which can be large). A server that ignores a filter sends more than was asked: matches()
// applies the same conditions to every event read, so the result is the same either way.
struct EventsQuery
{
    QDateTime from;
    QDateTime to;
    QStringList spaceIds; // empty: no space filter
    bool includeSystem = true;
    QStringList categories; // empty: every category
    QStringList ids;        // empty: any event
    bool excludeDifference = true;

    QString path() const; // "/api/events?…"
    bool matches(const AuditEvent &event) const;
};

// The events of one server that match a query, newest first: the whole result (paged, pages in parallel
// once the total is known) or, with setSinglePage(), one page of the newest. Read off the GUI thread; an
// item filter may leave events out before they are read whole (it runs on the parse threads: it must be
// thread-safe). Finishes exactly once; cancellable; deleting it cancels.
class EventsJob : public QObject
{
    Q_OBJECT
public:
    using ItemFilter = std::function<bool(const JsonItem &item)>;

    EventsJob(OctopusClient *client, const EventsQuery &query, QObject *parent = nullptr);
    ~EventsJob() override;

    void setItemFilter(ItemFilter filter) { m_filter = std::move(filter); }
    void setSinglePage(qint64 skip, int take);
    void setPageSize(int take) { m_pageSize = take; }
    const EventsQuery &query() const { return m_query; }

    void start();
    void cancel();

    // After finished(): the server's count of events matching the query as it understood it, and the number
    // of items it sent (before matches() and the item filter).
    qint64 totalResults() const { return m_totalResults; }
    int itemsRead() const { return m_itemsRead; }

Q_SIGNALS:
    void progress(int pagesDone, int pagesTotal);
    void finished(const QList<AuditEvent> &events, const ApiError &error);

private:
    QPointer<OctopusClient> m_client;
    EventsQuery m_query;
    ItemFilter m_filter;
    QPointer<PagedFetchJob> m_job;
    bool m_singlePage = false;
    qint64 m_skip = 0;
    int m_pageSize = 1000;
    qint64 m_totalResults = -1;
    int m_itemsRead = 0;
    bool m_finished = false;
};
