#pragma once

#include "instancestate.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonObject>

#include <functional>

namespace octosim {

struct KeyOwner;

// Answers one instance's REST API from its InstanceState: routing (space-scoped, /spaces/{id}/ and
// legacy forms), authentication, maintenance mode, paging and filters. Knows nothing of sockets.
class ApiRouter
{
public:
    explicit ApiRouter(InstanceState &state);

    ApiReply handle(const ApiRequest &request);

    // {ErrorMessage, Errors[]} with the given status.
    static ApiReply error(int status, const QByteArray &message);

private:
    struct Route
    {
        QByteArray spaceId;       // the space the request addresses (the default one for legacy routes)
        bool spaceInPath = false; // /api/Spaces-1/... or /api/spaces/Spaces-1/...
        QByteArray prefix;        // "/api/Spaces-1" or "/api"
        QByteArrayList segments;  // after the space, lower-cased
        QByteArrayList original;  // the same, as sent (ids keep their case)
    };

    ApiReply dispatch(const ApiRequest &request, const Route &route, const KeyOwner *caller);
    ApiReply serverWide(const ApiRequest &request, const Route &route, const KeyOwner *caller);
    ApiReply spaceScoped(const ApiRequest &request, const Route &route, const KeyOwner *caller);
    ApiReply control(const ApiRequest &request, const KeyOwner *caller);

    ApiReply writeItem(const ApiRequest &request, const Route &route, const QByteArray &storeName,
                       const QByteArray &id, const KeyOwner *caller);

    ApiReply root(const Route &route) const;
    ApiReply serverStatus() const;
    ApiReply health() const;
    ApiReply counts() const;
    ApiReply maintenance(const ApiRequest &request, const KeyOwner *caller);
    ApiReply dashboard(const Route &route) const;
    ApiReply eventAgents() const;
    ApiReply createTask(const ApiRequest &request, const Route &route);
    ApiReply apiKeys(const ApiRequest &request, const Route &route, const KeyOwner *caller);
    ApiReply machineConnection(const Route &route, const QByteArray &storeName, const QByteArray &id) const;

    void recordChange(const KeyOwner *caller, const QByteArray &category, const QByteArray &message,
                      const QByteArray &spaceId, const QByteArrayList &related, const ApiRequest &request);
    static bool isWrite(const QByteArray &method);
    // The permission a write needs, as the server's 403 names it (Swagger Permission names).
    static QByteArray writePermission(const Route &route, const QByteArray &method);
    // The permissions of a key's user: view permissions for all; writes unless read-only; admin ones.
    static QByteArrayList permissionsOf(const KeyOwner &owner);
    static std::array<QByteArray, 5> facetsFor(const QByteArray &storeName, const QJsonObject &object);

    InstanceState &m_state;
};

} // namespace octosim
