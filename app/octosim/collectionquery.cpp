#include "collectionquery.h"

#include "jsonwriter.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <array>
#include <memory>

namespace octosim {

namespace {

constexpr qint64 kTakeAll = 2147483647;

QByteArray q(QByteArrayView text)
{
    QByteArray out;
    JsonWriter::appendString(out, text);
    return out;
}

QList<QByteArray> csv(const QString &value)
{
    QList<QByteArray> out;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(part.trimmed().toUtf8());
    return out;
}

bool containsCi(const QList<QByteArray> &list, QByteArrayView value)
{
    for (const QByteArray &entry : list) {
        if (QByteArrayView(entry).compare(value, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// containsCi(values, v) for many items, remembered per distinct v: a facet holds few distinct values (40
// spaces, a dozen categories) over up to 200,000 events, and comparing each event's with a list of 40 spaces
// cost more than the rest of an events page. Items of one space share their facet's bytes, so a small table
// by address answers most items without hashing them. Not shared between requests.
std::function<bool(const QByteArray &)> facetMatcher(const QList<QByteArray> &values)
{
    struct Seen
    {
        const char *data = nullptr;
        qsizetype size = -1;
        bool match = false;
    };
    struct State
    {
        std::array<Seen, 64> byAddress;
        QHash<QByteArray, bool> byValue;
    };
    auto state = std::make_shared<State>();
    return [values, state](const QByteArray &value) {
        Seen &slot = state->byAddress[(quintptr(value.constData()) >> 4) % state->byAddress.size()];
        if (slot.data == value.constData() && slot.size == value.size())
            return slot.match;
        const auto known = state->byValue.constFind(value);
        const bool match = known != state->byValue.cend() ? *known : containsCi(values, value);
        if (known == state->byValue.cend())
            state->byValue.insert(value, match);
        slot = {value.constData(), value.size(), match};
        return match;
    };
}

// Whether the top-level JSON field (a string or an array of strings) holds one of the values.
bool fieldHolds(const QByteArray &json, const QByteArray &field, const QList<QByteArray> &values)
{
    const QByteArray marker = '"' + field + "\":";
    const qsizetype at = json.indexOf(marker);
    if (at < 0)
        return false;
    qsizetype start = at + marker.size();
    qsizetype end = start;
    if (json.at(start) == '[') {
        end = json.indexOf(']', start);
    } else if (json.at(start) == '"') {
        end = json.indexOf('"', start + 1) + 1;
    }
    if (end <= start)
        return false;
    const QByteArrayView segment = QByteArrayView(json).sliced(start, end - start);
    for (const QByteArray &value : values) {
        if (segment.contains(QByteArray('"' + value + '"')))
            return true;
    }
    return false;
}

qint64 parseTime(const QString &text, bool *ok)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            dt = date.startOfDay(Qt::UTC);
    }
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC); // no offset given: the server reads it as UTC
    *ok = dt.isValid();
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

QByteArray percentEncodeQuery(const QList<QPair<QString, QString>> &items)
{
    QByteArray out;
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out.append('&');
        out.append(QUrl::toPercentEncoding(key)).append('=').append(QUrl::toPercentEncoding(value, ","));
    }
    return out;
}

} // namespace

QList<const Item *> CollectionQuery::select(const Collection *collection, const ApiRequest &request,
                                            const QByteArray &storeName, const Filter &extra)
{
    QList<const Item *> out;
    if (!collection)
        return out;
    const QList<QByteArray> ids = csv(request.parameter(QStringLiteral("ids")));
    const QByteArray partialName = request.parameter(QStringLiteral("partialName")).toUtf8();
    const bool isTasks = storeName == "tasks";
    const QByteArray name = isTasks ? QByteArray() : request.parameter(QStringLiteral("name")).toUtf8();

    QList<Filter> filters;
    if (extra)
        filters.append(extra);
    if (!ids.isEmpty())
        filters.append([ids](const Item &i) { return containsCi(ids, i.id); });
    if (!partialName.isEmpty())
        filters.append([partialName](const Item &i) {
            return i.name.contains(partialName) ||
                   QString::fromUtf8(i.name).contains(QString::fromUtf8(partialName), Qt::CaseInsensitive);
        });
    if (!name.isEmpty())
        filters.append(
            [name](const Item &i) { return QByteArrayView(i.name).compare(name, Qt::CaseInsensitive) == 0; });
    auto facetIn = [&](const char *parameter, int facet) {
        const QList<QByteArray> values = csv(request.parameter(QString::fromLatin1(parameter)));
        if (!values.isEmpty())
            filters.append(
                [match = facetMatcher(values), facet](const Item &i) { return match(i.facets[facet]); });
    };
    auto facetBool = [&](const char *parameter, int facet) {
        const QString value = request.parameter(QString::fromLatin1(parameter)).toLower();
        if (value == QLatin1String("true") || value == QLatin1String("false")) {
            const QByteArray wanted = value.toLatin1();
            filters.append([wanted, facet](const Item &i) { return i.facets[facet] == wanted; });
        }
    };
    if (storeName == "machines" || storeName == "workers") {
        facetIn("thumbprint", 0);
        facetIn("commStyles", 1);
        facetIn("healthStatuses", 2);
        facetBool("isDisabled", 3);
        // Array-valued fields: a target matches when its array holds any of the values asked for.
        for (const char *parameter :
             {"environmentIds", "roles", "tenantIds", "workerPoolIds", "shellNames"}) {
            const QList<QByteArray> values = csv(request.parameter(QString::fromLatin1(parameter)));
            if (values.isEmpty())
                continue;
            QByteArray field = QByteArray(parameter);
            field[0] = char(field.at(0) - 32); // environmentIds -> EnvironmentIds
            if (field == "ShellNames")
                field = "ShellName";
            filters.append([values, field](const Item &i) { return fieldHolds(i.json, field, values); });
        }
    } else if (storeName == "events") {
        facetIn("eventCategories", 0);
        facetIn("users", 1);
        facetIn("user", 1);
        facetIn("documentTypes", 2);
        // spaces=… lists those spaces' events; with includeSystem=true also the server-wide ones (no space).
        {
            const QList<QByteArray> spaces = csv(request.parameter(QStringLiteral("spaces")));
            const bool includeSystem = request.parameter(QStringLiteral("includeSystem"))
                                           .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
            if (!spaces.isEmpty())
                filters.append([match = facetMatcher(spaces), includeSystem](const Item &i) {
                    return (includeSystem && i.facets[3].isEmpty()) || match(i.facets[3]);
                });
        }
        facetIn("eventAgents", 4);
        bool ok = false;
        const QString from = request.parameter(QStringLiteral("from"));
        if (!from.isEmpty()) {
            const qint64 t = parseTime(from, &ok);
            if (ok)
                filters.append([t](const Item &i) { return i.time >= t; });
        }
        const QString to = request.parameter(QStringLiteral("to"));
        if (!to.isEmpty()) {
            const qint64 t = parseTime(to, &ok);
            if (ok)
                filters.append([t](const Item &i) { return i.time < t; });
        }
        const QList<QByteArray> regarding = csv(request.parameter(QStringLiteral("regarding")));
        if (!regarding.isEmpty()) {
            filters.append([regarding](const Item &i) {
                for (const QByteArray &r : regarding) {
                    if (i.json.contains(QByteArray('"' + r + '"')))
                        return true;
                }
                return false;
            });
        }
    } else if (isTasks) {
        if (request.parameter(QStringLiteral("active")).compare(QLatin1String("true"), Qt::CaseInsensitive) ==
            0) {
            filters.append([](const Item &i) {
                return i.facets[0] == "Queued" || i.facets[0] == "Executing" || i.facets[0] == "Cancelling";
            });
        }
        if (request.parameter(QStringLiteral("running"))
                .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            filters.append(
                [](const Item &i) { return i.facets[0] == "Executing" || i.facets[0] == "Cancelling"; });
        facetIn("states", 0);
        facetIn("name", 1);
        // spaces=… lists those spaces' tasks; with includeSystem=true also the system tasks (SpaceId null:
        // TaskResource.SpaceId is empty for server-wide tasks such as backups and integrity checks).
        {
            const QList<QByteArray> spaces = csv(request.parameter(QStringLiteral("spaces")));
            const bool includeSystem = request.parameter(QStringLiteral("includeSystem"))
                                           .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
            if (!spaces.isEmpty())
                filters.append([match = facetMatcher(spaces), includeSystem](const Item &i) {
                    return (includeSystem && i.facets[2].isEmpty()) || match(i.facets[2]);
                });
        }
        facetIn("project", 3);
    } else if (storeName == "users") {
        facetBool("isServiceAccount", 0);
        facetBool("isService", 0);
        const QString filter = request.parameter(QStringLiteral("filter"));
        if (!filter.isEmpty())
            filters.append([filter](const Item &i) {
                return QString::fromUtf8(i.json).contains(filter, Qt::CaseInsensitive);
            });
    } else if (storeName == "build-information") {
        const QByteArray packageId = request.parameter(QStringLiteral("packageId")).toUtf8();
        if (!packageId.isEmpty())
            filters.append([packageId](const Item &i) {
                return QByteArrayView(i.facets[0]).compare(packageId, Qt::CaseInsensitive) == 0;
            });
        const QByteArray partial = request.parameter(QStringLiteral("partialPackageId")).toUtf8();
        if (!partial.isEmpty())
            filters.append([partial](const Item &i) {
                return QString::fromUtf8(i.facets[0])
                    .contains(QString::fromUtf8(partial), Qt::CaseInsensitive);
            });
        const QByteArray version = request.parameter(QStringLiteral("filter")).toUtf8();
        if (!version.isEmpty())
            filters.append([version](const Item &i) {
                return i.json.contains(QByteArray("\"Version\":\"" + version + '"'));
            });
    } else if (storeName == "deployments") {
        facetIn("projects", 0);
        facetIn("environments", 1);
    } else if (storeName == "runbookruns") {
        facetIn("projects", 0);
    } else if (storeName == "releases" || storeName == "runbooks" || storeName == "channels") {
        facetIn("projectIds", 0);
    } else if (storeName == "feeds") {
        facetIn("feedType", 0);
    } else if (storeName == "accounts") {
        facetIn("accountType", 0);
    } else if (storeName == "libraryvariablesets") {
        facetIn("contentType", 0);
    }

    const QList<Item> &items = collection->items;
    if (filters.isEmpty()) {
        out.reserve(items.size());
        for (const Item &item : items)
            out.append(&item);
    } else {
        for (const Item &item : items) {
            bool keep = true;
            for (const Filter &f : std::as_const(filters)) {
                if (!f(item)) {
                    keep = false;
                    break;
                }
            }
            if (keep)
                out.append(&item);
        }
    }
    if (storeName == "build-information" &&
        request.parameter(QStringLiteral("latest")).compare(QLatin1String("true"), Qt::CaseInsensitive) ==
            0) {
        QSet<QByteArray> seen; // items are newest first: keep the first of each package
        QList<const Item *> latest;
        for (const Item *item : std::as_const(out)) {
            if (!seen.contains(item->facets[0])) {
                seen.insert(item->facets[0]);
                latest.append(item);
            }
        }
        out = latest;
    }
    return out;
}

ApiReply CollectionQuery::page(const ApiRequest &request, const QByteArray &itemType,
                               const QList<const Item *> &items, const QByteArray &path,
                               const QByteArray &templ)
{
    if (request.hasParameter(QStringLiteral("packageId")) && request.hasParameter(QStringLiteral("filter")) &&
        itemType == "OctopusPackageVersionBuildInformation")
        return ApiReply::error(400, "Only one of either packageId or filter may be specified");
    qint64 skip = 0;
    qint64 take = 30;
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("skip"), &skip}, std::pair{QStringLiteral("take"), &take}}) {
        if (!request.hasParameter(name))
            continue;
        bool ok = false;
        const QString text = request.parameter(name);
        const qint64 value = text.toLongLong(&ok);
        if (!ok || value < 0 || value > kTakeAll)
            return ApiReply::error(400, "The value '" + text.toUtf8() + "' is not valid for " +
                                            name.toUtf8() + '.');
        *target = value;
    }
    const qint64 total = items.size();
    // NumberOfPages is at least 1 (an empty list is one empty page); take=0 counts as one page of nothing.
    const qint64 pages = take == 0 ? 1 : qMax<qint64>(1, (total + take - 1) / take);
    const qint64 from = qMin(skip, total);
    const qint64 to = take == 0 ? from : qMin(total, from + take);

    // Echo the caller's filters in the links, never the API key.
    QList<QPair<QString, QString>> filters;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        const QString lower = key.toLower();
        if (lower != QLatin1String("skip") && lower != QLatin1String("take") &&
            lower != QLatin1String("apikey"))
            filters.append({key, value});
    }
    const QByteArray extra = percentEncodeQuery(filters);
    auto link = [&](qint64 s, qint64 t) {
        QByteArray out = path + "?skip=" + QByteArray::number(s) + "&take=" + QByteArray::number(t);
        if (!extra.isEmpty())
            out += '&' + extra;
        return out;
    };

    qsizetype size = 512 + path.size() * 6;
    for (qint64 i = from; i < to; ++i)
        size += items.at(i)->json.size() + 1;
    QByteArray body;
    body.reserve(size);
    body.append("{\"ItemType\":").append(q(itemType));
    body.append(",\"TotalResults\":").append(QByteArray::number(total));
    body.append(",\"ItemsPerPage\":").append(QByteArray::number(take));
    body.append(",\"NumberOfPages\":").append(QByteArray::number(pages));
    body.append(",\"LastPageNumber\":").append(QByteArray::number(pages - 1));
    body.append(",\"Items\":[");
    for (qint64 i = from; i < to; ++i) {
        if (i > from)
            body.append(',');
        body.append(items.at(i)->json);
    }
    body.append("],\"Links\":{\"Self\":").append(q(link(skip, take)));
    body.append(",\"Template\":").append(q(templ));
    body.append(",\"Page.All\":").append(q(link(0, kTakeAll)));
    body.append(",\"Page.Current\":").append(q(link(skip, take)));
    body.append(",\"Page.Last\":").append(q(link(take == 0 ? 0 : (pages - 1) * take, take)));
    if (take > 0 && skip + take < total)
        body.append(",\"Page.Next\":").append(q(link(skip + take, take)));
    body.append("}}");
    ApiReply reply;
    reply.body = std::move(body);
    return reply;
}

ApiReply CollectionQuery::bareArray(const QList<const Item *> &items)
{
    qsizetype size = 2;
    for (const Item *item : items)
        size += item->json.size() + 1;
    QByteArray body;
    body.reserve(size);
    body.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            body.append(',');
        body.append(items.at(i)->json);
    }
    body.append(']');
    ApiReply reply;
    reply.body = std::move(body);
    return reply;
}

} // namespace octosim
