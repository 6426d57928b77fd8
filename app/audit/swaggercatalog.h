#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The routes a server serves, read from its /api/swagger.json, and the judgement of a found route
// against them. Understands both document shapes: basePath /api with paths like /{baseSpaceId}/machines
// (2021.2) and basePath / with /api/... paths (2020.5). Without a document (builtin()) it still knows
// which collections are space-scoped and which routes the reference marks as retired, but cannot say
// whether an endpoint is missing.
class SwaggerCatalog
{
public:
    enum class Verdict
    {
        Served,          // the new server serves it
        NotServed,       // no path matches: missing-endpoint
        MethodNotServed, // the path exists, the method does not: missing-endpoint
        Deprecated,      // the swagger or the reference marks it deprecated: deprecated-route
        Legacy,          // legacy route without a space id where a space-scoped form exists: deprecated-route
    };

    struct Judgement
    {
        Verdict verdict = Verdict::Served;
        QString suggestion; // e.g. the space-scoped form for a legacy route
    };

    static SwaggerCatalog builtin();
    static std::optional<SwaggerCatalog> fromJson(const QByteArray &json, QString *error);
    static std::optional<SwaggerCatalog> fromFile(const QString &path, QString *error);

    bool canJudgeEndpoints() const { return !m_templates.empty(); }
    QString version() const { return m_version; }
    int pathCount() const { return int(m_templates.size()); }

    // True for a first route segment (after /api and the space) that names an Octopus collection.
    bool isKnownCollection(QStringView segment) const;

    // `route` is a normalised template from RouteNormaliser (/api/{spaceId}/projects/{id}); `method`
    // an upper-case HTTP method or empty when not visible.
    Judgement judge(const QString &route, const QString &method) const;

private:
    struct Template
    {
        QStringList segments; // lower-case; "{}" for a parameter; "{space}" for the leading space id
        quint8 methods = 0;
        quint8 deprecatedMethods = 0;
    };

    void addPath(const QString &pathAfterApi, quint8 methods, quint8 deprecatedMethods);
    const Template *find(const QStringList &segments, quint8 method) const;

    std::vector<Template> m_templates;
    QSet<QString> m_collections;      // lower-case first segments
    QSet<QString> m_spaceCollections; // lower-case collections that have a /{baseSpaceId}/ form
    QString m_version;
};
