#include "cutoverjson.h"

#include "apierrortext.h"

namespace CutoverJson {

QString roleName(const std::optional<ServerRole> &role)
{
    if (!role)
        return QString();
    return *role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new");
}

std::optional<ServerRole> roleFromName(const QString &name)
{
    if (name == QLatin1String("old"))
        return ServerRole::Old;
    if (name == QLatin1String("new"))
        return ServerRole::New;
    return std::nullopt;
}

QJsonValue time(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonObject apiError(const ApiError &error)
{
    return QJsonObject{{QStringLiteral("kind"), ApiError::kindName(error.kind)},
                       {QStringLiteral("server"), roleName(error.server)},
                       {QStringLiteral("serverUrl"), error.serverUrl.toString()},
                       {QStringLiteral("method"), QString::fromLatin1(error.method)},
                       {QStringLiteral("path"), error.path},
                       {QStringLiteral("status"), error.status},
                       {QStringLiteral("message"), error.message},
                       {QStringLiteral("text"), ApiErrorText::describe(error)}};
}

ApiError apiErrorFrom(const QJsonObject &object)
{
    ApiError error;
    const QString kind = object.value(QLatin1String("kind")).toString();
    for (int k = int(ApiErrorKind::None); k <= int(ApiErrorKind::Cancelled); ++k) {
        if (ApiError::kindName(ApiErrorKind(k)) == kind)
            error.kind = ApiErrorKind(k);
    }
    error.server = roleFromName(object.value(QLatin1String("server")).toString());
    error.serverUrl = QUrl(object.value(QLatin1String("serverUrl")).toString());
    error.method = object.value(QLatin1String("method")).toString().toLatin1();
    error.path = object.value(QLatin1String("path")).toString();
    error.status = object.value(QLatin1String("status")).toInt();
    error.message = object.value(QLatin1String("message")).toString();
    return error;
}

} // namespace CutoverJson
