#include "cutoveritem.h"

QString CutoverItem::path() const
{
    const QString prefix = spaceId.isEmpty() ? QStringLiteral("/api") : QStringLiteral("/api/") + spaceId;
    return prefix + QLatin1Char('/') + collection(kind) + QLatin1Char('/') + id;
}

QString CutoverItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Target:
        return QStringLiteral("target");
    case Kind::Worker:
        return QStringLiteral("worker");
    case Kind::Trigger:
        return QStringLiteral("trigger");
    case Kind::Subscription:
        return QStringLiteral("subscription");
    }
    return QString();
}

std::optional<CutoverItem::Kind> CutoverItem::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::Target, Kind::Worker, Kind::Trigger, Kind::Subscription}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString CutoverItem::collection(Kind kind)
{
    switch (kind) {
    case Kind::Target:
        return QStringLiteral("machines");
    case Kind::Worker:
        return QStringLiteral("workers");
    case Kind::Trigger:
        return QStringLiteral("projecttriggers");
    case Kind::Subscription:
        return QStringLiteral("subscriptions");
    }
    return QString();
}

QJsonObject CutoverItem::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), kindName(kind)},
                       {QStringLiteral("spaceId"), spaceId},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("name"), name}};
}

std::optional<CutoverItem> CutoverItem::fromJson(const QJsonObject &object)
{
    const std::optional<Kind> kind = kindFromName(object.value(QLatin1String("kind")).toString());
    const QString id = object.value(QLatin1String("id")).toString();
    if (!kind || id.isEmpty())
        return std::nullopt;
    CutoverItem item;
    item.kind = *kind;
    item.id = id;
    item.spaceId = object.value(QLatin1String("spaceId")).toString();
    item.name = object.value(QLatin1String("name")).toString();
    return item;
}

QJsonArray CutoverItem::listToJson(const QList<CutoverItem> &items)
{
    QJsonArray array;
    for (const CutoverItem &item : items)
        array.append(item.toJson());
    return array;
}

QList<CutoverItem> CutoverItem::listFromJson(const QJsonArray &array, int *skipped)
{
    QList<CutoverItem> items;
    int bad = 0;
    for (const QJsonValue &value : array) {
        if (const std::optional<CutoverItem> item = fromJson(value.toObject()))
            items.append(*item);
        else
            ++bad;
    }
    if (skipped)
        *skipped = bad;
    return items;
}
