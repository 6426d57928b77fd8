#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

// One REST call. `path` is relative to the server's base URL ("/api/spaces/all", query included) or an
// absolute URL taken from a Links entry (it must be on the same origin).
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;
    QByteArray body;             // JSON for POST/PUT
    QList<int> acceptedStatuses; // non-2xx statuses that are answers, not errors (e.g. 418 on health)
    bool expectJson = true;      // parse the body as JSON (on the network thread)
    bool keepJson = true;        // false: only `transform`'s output comes back (saves the caller's memory)
    // Sent before the ordinary requests waiting for a slot: the remaining pages of a collection already under
    // way, so that a long collection does not finish last behind hundreds of requests queued after it began.
    bool urgent = false;
    // Optional: runs on the network thread after parsing, so large responses are digested off the GUI thread.
    std::function<QVariant(const QJsonDocument &)> transform;
    // Optional, preferred over parsing + transform: digests the raw body on the network side (a fast path for
    // large pages). Returns nothing when it cannot read the body; the QJsonDocument path then runs instead.
    std::function<std::optional<QVariant>(const QByteArray &)> rawTransform;

    bool isIdempotent() const { return method == "GET" || method == "HEAD"; }
};
