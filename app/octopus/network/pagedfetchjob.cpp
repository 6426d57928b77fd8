#include "pagedfetchjob.h"

#include "apijob.h"
#include "jsonpage.h"
#include "networkcontext.h"
#include "octopusclient.h"

#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

namespace {

constexpr qint64 kAllKey = -1;
constexpr qint64 kSequentialBase = 1LL << 40;
constexpr int kMaxPages = 200000;

PageDigest digest(const QJsonDocument &doc, bool bareArray, const PagedFetchJob::ItemTransform &transform)
{
    PageDigest page;
    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array(); // an /all endpoint (or a server that answers a list with a bare array)
    } else {
        const QJsonObject object = doc.object();
        items = object.value(QLatin1String("Items")).toArray();
        if (!bareArray) {
            const QJsonValue total = object.value(QLatin1String("TotalResults"));
            if (total.isDouble())
                page.totalResults = qint64(total.toDouble());
            const QJsonValue perPage = object.value(QLatin1String("ItemsPerPage"));
            if (perPage.isDouble())
                page.itemsPerPage = perPage.toInt();
            page.nextLink =
                object.value(QLatin1String("Links")).toObject().value(QLatin1String("Page.Next")).toString();
        }
    }
    page.itemCount = int(items.size());
    if (transform) {
        // Only reached when the fast reader refused a body QJsonDocument accepts: re-serialise the items.
        // Each object is read on its own, as a one-item array: one the page reader still refuses (a lone
        // surrogate QJsonDocument let through, say) is left out instead of the page.
        page.converted = transform([&items](const JsonPage::ItemVisitor &visit) {
            for (const QJsonValue &item : std::as_const(items)) {
                if (!item.isObject())
                    continue;
                const QByteArray text =
                    '[' + QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact) + ']';
                JsonPage::read(text, visit);
            }
            return true;
        });
    } else {
        page.items = items;
    }
    return page;
}

std::optional<QVariant> fastDigest(const QByteArray &body, bool bareArray,
                                   const PagedFetchJob::ItemTransform &transform, JsonParserPool *parsers)
{
    std::optional<JsonPage> read;
    PageDigest page;
    page.converted = transform([&](const JsonPage::ItemVisitor &visit) {
        read = JsonPage::read(body, visit, parsers);
        return read.has_value();
    });
    if (!read)
        return std::nullopt; // QJsonDocument reads it again and says what is wrong
    if (!bareArray) {
        page.totalResults = read->totalResults;
        page.itemsPerPage = read->itemsPerPage;
        page.nextLink = read->nextLink;
    }
    page.itemCount = read->itemCount;
    return QVariant::fromValue(page);
}

} // namespace

PagedFetchJob::PagedFetchJob(OctopusClient *client, const QString &path, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(path)
{}

PagedFetchJob::~PagedFetchJob()
{
    for (const QPointer<ApiJob> &job : std::as_const(m_running)) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
}

QString PagedFetchJob::pagePath(qint64 skip) const
{
    const qsizetype q = m_path.indexOf(QLatin1Char('?'));
    const QString pathPart = q < 0 ? m_path : m_path.left(q);
    QUrlQuery query(q < 0 ? QString() : m_path.mid(q + 1));
    query.removeAllQueryItems(QStringLiteral("skip"));
    query.removeAllQueryItems(QStringLiteral("take"));
    query.addQueryItem(QStringLiteral("skip"), QString::number(skip));
    query.addQueryItem(QStringLiteral("take"), QString::number(m_pageSize));
    return pathPart + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

void PagedFetchJob::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        ApiError error;
        error.kind = ApiErrorKind::Cancelled;
        error.path = m_path;
        complete(error);
        return;
    }
    if (m_singlePage) {
        request(pagePath(m_firstSkip), 0, false);
    } else if (m_preferAll) {
        const qsizetype q = m_path.indexOf(QLatin1Char('?'));
        const QString allPath =
            q < 0 ? m_path + QStringLiteral("/all") : m_path.left(q) + QStringLiteral("/all") + m_path.mid(q);
        request(allPath, kAllKey, true);
    } else {
        request(pagePath(0), 0, false);
    }
}

void PagedFetchJob::request(const QString &path, qint64 key, bool bareArray)
{
    ApiRequest apiRequest;
    apiRequest.path = path;
    apiRequest.keepJson = false;
    apiRequest.urgent = key != 0 && key != kAllKey; // every page after the first
    apiRequest.transform = [bareArray, transform = m_transform](const QJsonDocument &doc) {
        return QVariant::fromValue(digest(doc, bareArray, transform));
    };
    if (m_transform) {
        // The parsers belong to the client's network context, which outlives every parse it started.
        apiRequest.rawTransform = [bareArray, transform = m_transform,
                                   parsers = m_client->network()->jsonParsers()](const QByteArray &body) {
            return fastDigest(body, bareArray, transform, parsers);
        };
    }
    ApiJob *job = m_client->send(apiRequest, this);
    m_running.append(job);
    connect(job, &ApiJob::finished, this, [this, key, bareArray, job](const ApiResult &result) {
        m_running.removeAll(job);
        onPage(key, bareArray, result);
    });
}

void PagedFetchJob::cancel()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    if (m_client) {
        error.server = m_client->settings().role;
        error.serverUrl = m_client->settings().baseUrl;
    }
    error.method = "GET";
    error.path = m_path;
    complete(error);
}

void PagedFetchJob::onPage(qint64 key, bool bareArray, const ApiResult &result)
{
    if (m_finished)
        return;
    ++m_result.requests;
    if (!result.ok()) {
        if (key == kAllKey &&
            (result.error.kind == ApiErrorKind::NotFound || result.error.kind == ApiErrorKind::ClientError)) {
            request(pagePath(0), 0, false); // no /all on this server: page instead
            return;
        }
        complete(result.error);
        return;
    }
    const PageDigest page = result.transformed.value<PageDigest>();
    ++m_pagesDone;
    if (key == kAllKey) {
        m_pages.insert(0, page);
        m_pagesTotal = 1;
        Q_EMIT progress(m_pagesDone, m_pagesTotal);
        complete(ApiError());
        return;
    }
    m_pages.insert(key, page);
    Q_UNUSED(bareArray);
    if (m_singlePage) {
        m_result.totalResults = page.totalResults;
        Q_EMIT progress(m_pagesDone, m_pagesTotal);
        complete(ApiError());
        return;
    }

    bool followNext = false;
    if (key == 0 && !m_parallelLaunched) {
        m_parallelLaunched = true;
        const qint64 total = page.totalResults;
        const int stride = page.itemsPerPage > 0 ? page.itemsPerPage : page.itemCount;
        if (total >= 0 && stride > 0 && page.itemCount > 0) {
            m_result.totalResults = total;
            int launched = 0;
            for (qint64 skip = stride; skip < total && launched < kMaxPages; skip += stride, ++launched)
                request(pagePath(skip), skip, false);
            m_pagesTotal = 1 + launched;
            followNext = launched == 0 && !page.nextLink.isEmpty();
        } else {
            followNext = !page.nextLink.isEmpty() && page.itemCount > 0;
        }
    } else if (m_running.isEmpty() && !page.nextLink.isEmpty() && page.itemCount > 0 &&
               key == m_pages.lastKey() && m_pages.size() < kMaxPages) {
        // The last page still points further (sequential mode, or the collection grew meanwhile).
        followNext = true;
    }
    if (followNext) {
        static_assert(kSequentialBase > 0);
        const qint64 nextKey = std::max(m_nextSequentialKey, key + 1);
        m_nextSequentialKey = nextKey + 1;
        ++m_pagesTotal;
        request(page.nextLink, nextKey, false);
    }
    m_pagesTotal = std::max(m_pagesTotal, m_pagesDone + int(m_running.size()));
    Q_EMIT progress(m_pagesDone, m_pagesTotal);
    if (m_running.isEmpty())
        complete(ApiError());
}

void PagedFetchJob::complete(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    const QList<QPointer<ApiJob>> running = m_running;
    m_running.clear();
    for (const QPointer<ApiJob> &job : running) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
    m_result.error = error;
    if (!error.isError()) {
        for (const PageDigest &page : std::as_const(m_pages)) {
            if (m_transform)
                m_result.converted.append(page.converted);
            else
                m_result.pages.append(page.items);
            m_result.itemCount += page.itemCount;
        }
        if (m_result.totalResults < 0)
            m_result.totalResults = m_result.itemCount;
    }
    m_pages.clear();
    Q_EMIT finished(m_result);
    if (m_autoDelete)
        deleteLater();
}
