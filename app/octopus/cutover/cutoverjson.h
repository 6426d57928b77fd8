#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// The JSON forms the cutover journal keeps of the values its results carry. Never a key: an ApiError
// names the server by URL (which never carries one) and the call by method and path.
namespace CutoverJson {

QString roleName(const std::optional<ServerRole> &role); // "old", "new" or ""
std::optional<ServerRole> roleFromName(const QString &name);

QJsonValue time(const QDateTime &time); // ISO 8601 UTC with milliseconds, or null
QDateTime timeFrom(const QJsonValue &value);

// kind, server, serverUrl, method, path, status, message and the translated text (ApiErrorText).
QJsonObject apiError(const ApiError &error);
ApiError apiErrorFrom(const QJsonObject &object);

} // namespace CutoverJson
