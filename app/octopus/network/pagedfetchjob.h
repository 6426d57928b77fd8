#pragma once

#include "apierror.h"
#include "jsonpage.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QVariant>

#include <functional>

class ApiJob;
class OctopusClient;
struct ApiResult;

// One page as digested on the network thread.
struct PageDigest
{
    QJsonArray items;   // kept only without an item transform
    QVariant converted; // the item transform's output
    qint64 totalResults = -1;
    int itemsPerPage = -1;
    int itemCount = 0;
    QString nextLink; // Links["Page.Next"], empty on the last page
};
Q_DECLARE_METATYPE(PageDigest)

struct PagedResult
{
    ApiError error;
    QList<QJsonArray> pages;   // in collection order (without an item transform)
    QList<QVariant> converted; // in collection order (with an item transform)
    qint64 totalResults = -1;
    int itemCount = 0;
    int requests = 0;
    bool ok() const { return !error.isError(); }
};
Q_DECLARE_METATYPE(PagedResult)

// A whole Octopus collection. The first page (skip=0, large take) tells TotalResults and the server's real
// ItemsPerPage; the remaining pages are then requested together (the client keeps at most N in flight).
// Without those numbers it follows Links["Page.Next"]; a last page that still has a Next link is followed
// too (the collection grew meanwhile). With preferAll it asks `<path>/all` first (a bare array) and falls
// back to paging on 404. Finishes exactly once; cancellable; reports pages done of total.
class PagedFetchJob : public QObject
{
    Q_OBJECT
public:
    PagedFetchJob(OctopusClient *client, const QString &path, QObject *parent = nullptr);
    ~PagedFetchJob() override;

    void setPageSize(int take) { m_pageSize = take; }
    void setPreferAll(bool preferAll) { m_preferAll = preferAll; }
    // One page only, `skip` items in (take = the page size): the newest items of a collection the server
    // lists newest first, without reading the rest. PagedResult::totalResults is the server's total.
    void setSinglePage(qint64 skip)
    {
        m_singlePage = true;
        m_firstSkip = skip;
    }
    // Runs off the caller's thread for each page. Calling `items` with a visitor reads the page in one pass
    // and hands each item object over as it is read (see JsonPage, JsonItem); it returns false for a page
    // that cannot be read, whose output is then discarded. The transform's output is collected in
    // PagedResult::converted; raw items are not kept.
    using ItemSource = std::function<bool(const JsonPage::ItemVisitor &visit)>;
    using ItemTransform = std::function<QVariant(const ItemSource &items)>;
    void setItemTransform(ItemTransform transform) { m_transform = std::move(transform); }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    const PagedResult &result() const { return m_result; }
    int pagesDone() const { return m_pagesDone; }
    int pagesTotal() const { return m_pagesTotal; }

Q_SIGNALS:
    void progress(int pagesDone, int pagesTotal);
    void finished(const PagedResult &result);

private:
    QString pagePath(qint64 skip) const;
    void request(const QString &path, qint64 key, bool bareArray);
    void onPage(qint64 key, bool bareArray, const ApiResult &result);
    void complete(const ApiError &error);

    QPointer<OctopusClient> m_client;
    QString m_path;
    int m_pageSize = 1000;
    bool m_preferAll = false;
    bool m_singlePage = false;
    qint64 m_firstSkip = 0;
    ItemTransform m_transform;
    QMap<qint64, PageDigest> m_pages; // by skip (or sequence position when following links)
    QList<QPointer<ApiJob>> m_running;
    PagedResult m_result;
    qint64 m_nextSequentialKey = 1LL << 40;
    int m_pagesDone = 0;
    int m_pagesTotal = 1;
    bool m_finished = false;
    bool m_started = false;
    bool m_autoDelete = true;
    bool m_parallelLaunched = false;
};
