#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

// The Octopus Server Swagger documents the tests judge against, as kept in the API facts
// (resources/api/octopus-api-facts.json, HANDOVER_API_FACTS_JSON): `version` is "2021.2" or "2020.5".
// Each is a Swagger 2.0 document like a server's /api/swagger.json, without its description text.
// Empty when the file or the member is missing.
inline QJsonObject apiFactsDocument(const QString &version)
{
    QFile file(QStringLiteral(HANDOVER_API_FACTS_JSON));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QLatin1String("documents"))
        .toObject()
        .value(version)
        .toObject();
}

inline QByteArray apiFactsSwagger(const QString &version)
{
    const QJsonObject document = apiFactsDocument(version);
    return document.isEmpty() ? QByteArray() : QJsonDocument(document).toJson(QJsonDocument::Compact);
}
