#include "resourcewriter.h"

#include "jsonwriter.h"
#include "random.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace octosim {

QByteArray ResourceWriter::isoTime(qint64 msecsSinceEpoch)
{
    // Hand-rolled (civil-from-days, H. Hinnant): QDateTime::toString is a noticeable part of
    // generating 200,000 events for --scale large.
    const qint64 dayMsecs = 86400000;
    qint64 days = msecsSinceEpoch / dayMsecs;
    qint64 rest = msecsSinceEpoch % dayMsecs;
    if (rest < 0) {
        rest += dayMsecs;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    const int ms = int(rest % 1000);
    const int second = int(rest / 1000 % 60);
    const int minute = int(rest / 60000 % 60);
    const int hour = int(rest / 3600000);
    char text[40];
    const int n = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+00:00", year, month,
                                day, hour, minute, second, ms);
    return QByteArray(text, n);
}

QByteArray ResourceWriter::durationText(qint64 msecs)
{
    const qint64 seconds = msecs / 1000;
    if (seconds < 60)
        return QByteArray::number(seconds) + (seconds == 1 ? " second" : " seconds");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QByteArray::number(minutes) + (minutes == 1 ? " minute" : " minutes");
    const qint64 hours = minutes / 60;
    return QByteArray::number(hours) + (hours == 1 ? " hour" : " hours");
}

Item ResourceWriter::eventItem(const EventSpec &e)
{
    JsonWriter w;
    w.beginObject();
    w.str("Id", e.id);
    w.str("Category", e.category);
    w.str("UserId", e.userId);
    w.str("Username", e.username);
    w.boolean("IsService", e.isService);
    w.str("IdentityEstablishedWith", e.identityEstablishedWith);
    w.str("UserAgent", e.userAgent);
    w.strOrNull("IpAddress", e.ipAddress);
    w.str("Occurred", isoTime(e.occurred));
    w.str("Message", e.message);
    // References are found in order, each after the previous one (a message may name an environment twice);
    // MessageHtml links each of them like the portal: <a href='#/projects/Projects-1'>name</a>.
    QByteArray html;
    QByteArray references;
    {
        JsonWriter r;
        r.beginArray();
        qsizetype from = 0;
        for (const auto &[docId, text] : e.references) {
            const qsizetype found = e.message.indexOf(text, from);
            if (found < 0 || text.isEmpty())
                continue;
            r.beginObject();
            r.str("ReferencedDocumentId", docId);
            r.num("StartIndex", found);
            r.num("Length", text.size());
            r.end();
            const qsizetype dash = docId.lastIndexOf('-');
            const QByteArray collection = (dash > 0 ? docId.left(dash) : docId).toLower();
            html.append(e.message.mid(from, found - from));
            html.append("<a href='#/" + collection + '/' + docId + "'>" + text + "</a>");
            from = found + text.size();
        }
        html.append(e.message.mid(from));
        r.end();
        references = r.take();
    }
    w.str("MessageHtml", html);
    w.raw("MessageReferences", references);
    w.strList("RelatedDocumentIds", e.relatedDocumentIds);
    w.strOrNull("SpaceId", e.spaceId);
    w.null("Comments");
    w.null("Details");
    w.beginObject("ChangeDetails");
    w.null("DocumentContext");
    w.null("Differences");
    w.end();
    w.beginObject("Links");
    w.str("Self", "/api/events/" + e.id);
    w.end();
    w.end();

    Item item;
    item.id = e.id;
    item.name = e.category;
    item.json = w.take();
    item.facets[0] = e.category;
    item.facets[1] = e.userId;
    if (!e.relatedDocumentIds.isEmpty()) {
        const QByteArray &first = e.relatedDocumentIds.first();
        const qsizetype dash = first.indexOf('-');
        item.facets[2] = dash > 0 ? first.left(dash) : first;
    }
    item.facets[3] = e.spaceId;
    item.facets[4] = e.userAgent;
    item.time = e.occurred;
    return item;
}

QByteArray ResourceWriter::variableSetJson(const DataStore &store, const QByteArray &spaceId,
                                           const QByteArray &id)
{
    if (const Item *stored = store.item(spaceId, "variables", id))
        return stored->json;
    const QByteArray prefix = "variableset-";
    if (!id.startsWith(prefix))
        return {};
    const QByteArray ownerId = id.mid(prefix.size());
    const Item *owner =
        store.item(spaceId, ownerId.startsWith("Projects-") ? "projects" : "libraryvariablesets", ownerId);
    if (!owner)
        return {};
    Random random(qHash(id) + 77);
    const Collection *environments = store.find(spaceId, "environments");
    const QByteArray slug = owner->name.toLower().replace(' ', '-');
    JsonWriter w;
    w.beginObject();
    w.str("Id", id).str("OwnerId", owner->id);
    w.num("Version", random.between(1, 25));
    w.beginArray("Variables");
    auto variable = [&](const QByteArray &name, const QByteArray &value, const QByteArray &environmentId,
                        bool sensitive) {
        w.beginObject().str("Id", random.guid()).str("Name", name);
        if (sensitive)
            w.null("Value");
        else
            w.str("Value", value);
        w.str("Description", QByteArray());
        w.beginObject("Scope");
        if (!environmentId.isEmpty())
            w.strList("Environment", {environmentId});
        w.end();
        w.boolean("IsEditable", true).null("Prompt").str("Type", sensitive ? "Sensitive" : "String");
        w.boolean("IsSensitive", sensitive).end();
    };
    if (environments) {
        for (const Item &environment : environments->items) {
            variable("ConnectionStrings:Default",
                     "Server=sql-" + environment.name.toLower() + ".acme.internal;Database=" + slug +
                         ";Integrated Security=true",
                     environment.id, false);
        }
    }
    variable("App.LogLevel", random.chance(50) ? "Information" : "Warning", QByteArray(), false);
    variable("App.CallbackUrl", "#{Octopus.Web.ServerUri}/api/hooks/" + slug, QByteArray(), false);
    variable("App.ApiKey", QByteArray(), QByteArray(), true);
    w.end();
    w.beginObject("ScopeValues").beginArray("Environments");
    if (environments) {
        for (const Item &environment : environments->items)
            w.beginObject().str("Id", environment.id).str("Name", environment.name).end();
    }
    w.end().emptyArray("Machines").emptyArray("Actions").emptyArray("Roles").emptyArray("Channels");
    w.emptyArray("TenantTags").emptyArray("Processes").end();
    w.str("SpaceId", spaceId);
    w.beginObject("Links").str("Self", "/api/" + spaceId + "/variables/" + id).end();
    w.end();
    return w.take();
}

QByteArray ResourceWriter::recordEvent(DataStore &store, EventSpec event)
{
    event.id = "Events-" + QByteArray::number(store.nextId("Events"));
    store.collection("", "events").items.prepend(eventItem(event));
    return event.id;
}

Item ResourceWriter::taskItem(const TaskSpec &t)
{
    const bool completed = t.completedTime > 0;
    const bool success = t.state == "Success";
    JsonWriter w;
    w.beginObject();
    w.str("Id", t.id);
    w.strOrNull("SpaceId", t.spaceId); // null for a system task
    w.str("Name", t.name);
    w.str("Description", t.description);
    w.raw("Arguments", t.argumentsJson);
    w.str("State", t.state);
    w.str("Completed", completed ? isoTime(t.completedTime) : QByteArray());
    w.str("QueueTime", isoTime(t.queueTime));
    w.null("QueueTimeExpiry");
    if (t.startTime > 0)
        w.str("StartTime", isoTime(t.startTime));
    else
        w.null("StartTime");
    const qint64 lastUpdate = qMax(t.queueTime, qMax(t.startTime, t.completedTime));
    w.str("LastUpdatedTime", isoTime(lastUpdate));
    if (completed)
        w.str("CompletedTime", isoTime(t.completedTime));
    else
        w.null("CompletedTime");
    w.str("Duration", durationText(t.startTime > 0 ? lastUpdate - t.startTime : 0));
    w.str("ErrorMessage", t.errorMessage);
    w.strOrNull("ServerNode", t.startTime > 0 ? t.serverNode : QByteArray());
    w.boolean("IsCompleted", completed);
    w.boolean("FinishedSuccessfully", completed && success);
    w.boolean("HasBeenPickedUpByProcessor", t.startTime > 0);
    w.boolean("HasPendingInterruptions", false);
    w.boolean("HasWarningsOrErrors", completed && !success);
    w.boolean("CanRerun", completed);
    w.beginObject("Links");
    w.str("Self", "/api/tasks/" + t.id);
    w.str("Web", "/app#/" + t.spaceId + "/tasks/" + t.id);
    w.str("Raw", "/api/tasks/" + t.id + "/raw");
    w.str("Details", "/api/tasks/" + t.id + "/details{?verbose,tail,ranges}");
    w.str("Cancel", "/api/tasks/" + t.id + "/cancel");
    w.end();
    w.end();

    Item item;
    item.id = t.id;
    item.name = t.description;
    item.json = w.take();
    item.facets[0] = t.state;
    item.facets[1] = t.name;
    item.facets[2] = t.spaceId;
    item.facets[3] = t.projectId;
    item.time = t.queueTime;
    return item;
}

} // namespace octosim

namespace octosim {

QByteArray ResourceWriter::pushBuildAs(DataStore &store, const QByteArray &username, qint64 now)
{
    if (username.isEmpty())
        return {};
    const Item *newest = nullptr;
    QByteArray space;
    const QByteArray needle = QByteArray("\"LastModifiedBy\":\"") + username + '"';
    for (const QByteArray &sid : std::as_const(store.spaceIds)) {
        const Collection *builds = store.find(sid, "build-information");
        if (!builds)
            continue;
        for (const Item &item : builds->items) {
            if (item.json.contains(needle) && (!newest || item.time > newest->time)) {
                newest = &item;
                space = sid;
            }
        }
    }
    if (!newest)
        return {};
    QJsonObject object = QJsonDocument::fromJson(newest->json).object();
    const QByteArray id = "BuildInformation-" + QByteArray::number(store.nextId("BuildInformation"));
    // The next build: its number goes up by one, in the record, its version and its build URL.
    const QString number = object.value(QLatin1String("BuildNumber")).toString();
    bool numeric = false;
    const qint64 previous = number.toLongLong(&numeric);
    const QString next = QString::number(numeric ? previous + 1 : 1);
    QString version = object.value(QLatin1String("Version")).toString();
    QString buildUrl = object.value(QLatin1String("BuildUrl")).toString();
    if (numeric && version.endsWith(QLatin1Char('.') + number))
        version = version.chopped(number.size()) + next;
    else
        version += QLatin1Char('.') + next;
    if (numeric && buildUrl.contains(QLatin1Char('/') + number))
        buildUrl.replace(buildUrl.lastIndexOf(QLatin1Char('/') + number) + 1, number.size(), next);
    object.insert(QStringLiteral("Id"), QString::fromLatin1(id));
    object.insert(QStringLiteral("BuildNumber"), next);
    object.insert(QStringLiteral("Version"), version);
    object.insert(QStringLiteral("BuildUrl"), buildUrl);
    object.insert(QStringLiteral("Created"), QString::fromLatin1(isoTime(now)));
    object.insert(QStringLiteral("LastModifiedOn"), QString::fromLatin1(isoTime(now)));
    QJsonObject links = object.value(QLatin1String("Links")).toObject();
    links.insert(QStringLiteral("Self"), QString::fromLatin1("/api/" + space + "/build-information/" + id));
    object.insert(QStringLiteral("Links"), links);
    Item item = *newest;
    item.id = id;
    item.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    item.time = now;
    store.collection(space, "build-information").items.prepend(item);

    EventSpec event;
    event.category = "Created";
    event.message = "Build information " + object.value(QLatin1String("PackageId")).toString().toUtf8() +
                    ' ' + version.toUtf8() + " was created";
    event.spaceId = space;
    event.username = username;
    event.isService = true;
    event.relatedDocumentIds = {id};
    event.occurred = now;
    if (const Collection *events = store.find("", "events")) {
        for (const Item &e : events->items) { // the account's newest event: its identity, agent, address
            const QJsonObject previousEvent = QJsonDocument::fromJson(e.json).object();
            if (previousEvent.value(QLatin1String("Username")).toString().toUtf8() != username)
                continue;
            event.userId = previousEvent.value(QLatin1String("UserId")).toString().toUtf8();
            event.identityEstablishedWith =
                previousEvent.value(QLatin1String("IdentityEstablishedWith")).toString().toUtf8();
            event.userAgent = previousEvent.value(QLatin1String("UserAgent")).toString().toUtf8();
            event.ipAddress = previousEvent.value(QLatin1String("IpAddress")).toString().toUtf8();
            break;
        }
    }
    recordEvent(store, event);
    return id;
}

} // namespace octosim
