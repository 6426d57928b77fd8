#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// One thing on the clone that could act on production and that the cutover disabled: a deployment target,
// a worker, a project trigger or a subscription (what the clone guide's SQL disables). The cutover journal
// keeps the list of those it disabled, so that exactly those, and nothing else, are enabled again later.
struct CutoverItem
{
    enum class Kind
    {
        Target,
        Worker,
        Trigger,
        Subscription
    };

    Kind kind = Kind::Target;
    QString spaceId; // empty on a server without spaces (before 2019.1)
    QString id;
    QString name;

    // GET|PUT /api/{spaceId}/machines|workers|projecttriggers|subscriptions/{id}
    QString path() const;

    // Stable names for the journal: "target", "worker", "trigger", "subscription".
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    // The collection's route: "machines", "workers", "projecttriggers", "subscriptions".
    static QString collection(Kind kind);

    QJsonObject toJson() const;
    static std::optional<CutoverItem> fromJson(const QJsonObject &object);
    static QJsonArray listToJson(const QList<CutoverItem> &items);
    // Entries that cannot be read are left out (and counted in *skipped when given).
    static QList<CutoverItem> listFromJson(const QJsonArray &array, int *skipped = nullptr);

    bool operator==(const CutoverItem &) const = default;
};
Q_DECLARE_TYPEINFO(CutoverItem, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(CutoverItem)
