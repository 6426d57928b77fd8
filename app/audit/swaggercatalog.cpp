#include "swaggercatalog.h"

#include "auditlogging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace {

// Collections with a /api/{spaceId}/… form in Octopus 2021.2 (reference: its Swagger document, kept in
// resources/api/octopus-api-facts.json).
constexpr std::array kSpaceCollections = {
    "accounts",
    "actiontemplates",
    "artifacts",
    "build-information",
    "certificates",
    "channels",
    "dashboard",
    "dashboardconfiguration",
    "deploymentprocesses",
    "deployments",
    "deploymentsettings",
    "environments",
    "events",
    "feeds",
    "interruptions",
    "libraryvariablesets",
    "lifecycles",
    "machinepolicies",
    "machineroles",
    "machines",
    "nuget",
    "package-metadata",
    "packages",
    "progression",
    "projectgroups",
    "projects",
    "projecttriggers",
    "proxies",
    "releases",
    "reporting",
    "runbookprocesses",
    "runbookruns",
    "runbooks",
    "runbooksnapshots",
    "scopeduserroles",
    "spaces",
    "subscriptions",
    "tagsets",
    "tasks",
    "teammembership",
    "teams",
    "tenants",
    "tenantvariables",
    "useronboarding",
    "users",
    "variables",
    "workerpools",
    "workers",
};

// Global collections in Octopus 2021.2.
constexpr std::array kGlobalCollections = {
    "authentication",
    "azuredevopsissuetracker",
    "cloudtemplate",
    "communityactiontemplates",
    "configuration",
    "dynamic-extensions",
    "externalsecuritygroupproviders",
    "featuresconfiguration",
    "jiraintegration",
    "letsencryptconfiguration",
    "licenses",
    "maintenanceconfiguration",
    "migrations",
    "octopusservernodes",
    "performanceconfiguration",
    "permissions",
    "scheduler",
    "serverconfiguration",
    "serverstatus",
    "smtpconfiguration",
    "upgradeconfiguration",
    "userroles",
    "swagger.json",
    "capabilities",
    "spaces",
};

// Cross-space by design: the route without a space id is not a legacy form.
constexpr std::array kGlobalByDesign = {
    "spaces",         "users",          "teams",     "events",      "tasks",     "scopeduserroles",
    "teammembership", "useronboarding", "userroles", "permissions", "reporting",
};

// Routes the reference marks as deprecated (octopus-api.md §6; swagger 2021.2 descriptions).
constexpr std::array kDeprecatedRoutes = {
    "certificates/certificate-global",
    "dashboard/dynamic",
    "package-metadata",
    "package-metadata/{}",
};

enum Method : quint8
{
    Get = 1,
    Post = 2,
    Put = 4,
    Delete = 8,
    Patch = 16,
    Head = 32,
    Options = 64
};

quint8 methodBit(QStringView method)
{
    if (method.compare(u"get", Qt::CaseInsensitive) == 0)
        return Get;
    if (method.compare(u"post", Qt::CaseInsensitive) == 0)
        return Post;
    if (method.compare(u"put", Qt::CaseInsensitive) == 0)
        return Put;
    if (method.compare(u"delete", Qt::CaseInsensitive) == 0)
        return Delete;
    if (method.compare(u"patch", Qt::CaseInsensitive) == 0)
        return Patch;
    if (method.compare(u"head", Qt::CaseInsensitive) == 0)
        return Head;
    if (method.compare(u"options", Qt::CaseInsensitive) == 0)
        return Options;
    return 0;
}

bool isParameter(QStringView segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

QString segmentKey(QStringView segment)
{
    if (segment == u"{space}")
        return segment.toString();
    if (isParameter(segment))
        return QStringLiteral("{}");
    return segment.toString().toLower();
}

bool segmentsMatch(const QStringList &route, const QStringList &tmpl)
{
    if (route.size() != tmpl.size())
        return false;
    for (qsizetype i = 0; i < route.size(); ++i) {
        const QString &r = route.at(i);
        const QString &t = tmpl.at(i);
        if (r == t || t == u"{}")
            continue;
        if (r == u"{}" && t != u"{space}")
            continue; // an unknown variable may be any literal segment
        return false;
    }
    return true;
}

} // namespace

SwaggerCatalog SwaggerCatalog::builtin()
{
    SwaggerCatalog catalog;
    for (const char *name : kSpaceCollections) {
        catalog.m_collections.insert(QString::fromLatin1(name));
        catalog.m_spaceCollections.insert(QString::fromLatin1(name));
    }
    for (const char *name : kGlobalCollections)
        catalog.m_collections.insert(QString::fromLatin1(name));
    return catalog;
}

std::optional<SwaggerCatalog> SwaggerCatalog::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

std::optional<SwaggerCatalog> SwaggerCatalog::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QJsonObject paths = root.value(QLatin1String("paths")).toObject();
    if (paths.isEmpty()) {
        if (error)
            *error = QStringLiteral("no \"paths\" in the document");
        return std::nullopt;
    }
    SwaggerCatalog catalog = builtin();
    catalog.m_version =
        root.value(QLatin1String("info")).toObject().value(QLatin1String("version")).toString();
    QString basePath = root.value(QLatin1String("basePath")).toString();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        QString full = basePath + it.key();
        if (!full.startsWith(QLatin1String("/api/")) && full != QLatin1String("/api"))
            continue; // /.well-known/…, /swaggerui
        quint8 methods = 0;
        quint8 deprecated = 0;
        const QJsonObject operations = it.value().toObject();
        for (auto op = operations.begin(); op != operations.end(); ++op) {
            const quint8 bit = methodBit(op.key());
            if (!bit)
                continue;
            methods |= bit;
            const QJsonObject operation = op.value().toObject();
            const QString text = operation.value(QLatin1String("description")).toString() + QLatin1Char(' ') +
                                 operation.value(QLatin1String("summary")).toString();
            if (operation.value(QLatin1String("deprecated")).toBool() ||
                text.contains(QLatin1String("Deprecated"), Qt::CaseSensitive))
                deprecated |= bit;
        }
        catalog.addPath(full.mid(4), methods, deprecated);
    }
    qCDebug(lcAudit) << "swagger" << catalog.m_version << "paths" << catalog.m_templates.size();
    return catalog;
}

void SwaggerCatalog::addPath(const QString &pathAfterApi, quint8 methods, quint8 deprecatedMethods)
{
    Template tmpl;
    const auto parts = QStringView(pathAfterApi).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (i == 0 && (part == u"{baseSpaceId}" || part == u"{spaceId}"))
            tmpl.segments.append(QStringLiteral("{space}"));
        else
            tmpl.segments.append(segmentKey(part));
    }
    if (!tmpl.segments.isEmpty()) {
        const QString &first = tmpl.segments.first();
        if (first == u"{space}") {
            if (tmpl.segments.size() > 1 && tmpl.segments.at(1) != u"{}") {
                m_collections.insert(tmpl.segments.at(1));
                m_spaceCollections.insert(tmpl.segments.at(1));
            }
        } else if (first != u"{}") {
            m_collections.insert(first);
        }
    }
    tmpl.methods = methods;
    tmpl.deprecatedMethods = deprecatedMethods;
    m_templates.push_back(std::move(tmpl));
}

bool SwaggerCatalog::isKnownCollection(QStringView segment) const
{
    return m_collections.contains(segment.toString().toLower());
}

const SwaggerCatalog::Template *SwaggerCatalog::find(const QStringList &segments, quint8 method) const
{
    // Best match: exact literals and parameter-for-variable score highest; an unknown variable standing
    // for a literal segment (/projects/{x} against /projects/all) scores lowest. With a method, templates
    // that serve it win over those that do not.
    const Template *best = nullptr;
    int bestScore = -1;
    for (const Template &tmpl : m_templates) {
        if (!segmentsMatch(segments, tmpl.segments))
            continue;
        int score = 0;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const bool routeVariable = segments.at(i) == u"{}";
            const bool templateParameter = tmpl.segments.at(i) == u"{}";
            score += routeVariable == templateParameter ? 2 : (templateParameter ? 1 : 0);
        }
        if (method && (tmpl.methods & method))
            score += 1000;
        if (score > bestScore) {
            best = &tmpl;
            bestScore = score;
        }
    }
    return best;
}

SwaggerCatalog::Judgement SwaggerCatalog::judge(const QString &route, const QString &method) const
{
    Judgement judgement;
    // Segments after /api, with the space (if any) as "{space}".
    QStringList segments;
    const auto parts = QStringView(route).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (i == 1 && part == u"{spaceId}")
            segments.append(QStringLiteral("{space}"));
        else
            segments.append(segmentKey(part));
    }
    // The current form /api/spaces/{id}/… reaches the same operations as /api/{spaceId}/….
    if (segments.size() >= 3 && segments.at(0) == u"spaces" && m_spaceCollections.contains(segments.at(2))) {
        segments.removeFirst();
        segments[0] = QStringLiteral("{space}");
    }
    const bool spaceScoped = !segments.isEmpty() && segments.first() == u"{space}";
    const QString collection = spaceScoped ? segments.value(1) : segments.value(0);
    const quint8 bit = methodBit(method);

    // A legacy route: no space id although the collection is space-scoped.
    QString spaceForm;
    if (!spaceScoped && !collection.isEmpty() && m_spaceCollections.contains(collection)) {
        bool globalByDesign = false;
        for (const char *name : kGlobalByDesign)
            globalByDesign = globalByDesign || collection == QLatin1String(name);
        if (!globalByDesign)
            spaceForm = QStringLiteral("/api/{spaceId}") + route.mid(4);
    }

    // The reference's own list of retired routes (judged without the space).
    {
        const QStringList rest = spaceScoped ? segments.mid(1) : segments;
        const QString key = rest.join(QLatin1Char('/'));
        for (const char *deprecatedRoute : kDeprecatedRoutes) {
            if (key == QLatin1String(deprecatedRoute)) {
                judgement.verdict = Verdict::Deprecated;
                return judgement;
            }
        }
    }

    if (canJudgeEndpoints()) {
        const Template *match = find(segments, bit);
        if (!match && !spaceForm.isEmpty()) {
            QStringList scoped = segments;
            scoped.prepend(QStringLiteral("{space}"));
            if (find(scoped, bit)) {
                judgement.verdict = Verdict::Legacy;
                judgement.suggestion = spaceForm;
                return judgement;
            }
        }
        if (!match) {
            judgement.verdict = Verdict::NotServed;
            return judgement;
        }
        if (bit && !(match->methods & bit)) {
            judgement.verdict = Verdict::MethodNotServed;
            return judgement;
        }
        const quint8 effective = bit ? bit : (match->methods & Get ? quint8(Get) : match->methods);
        if (match->deprecatedMethods & effective) {
            judgement.verdict = Verdict::Deprecated;
            return judgement;
        }
    }
    if (!spaceForm.isEmpty()) {
        judgement.verdict = Verdict::Legacy;
        judgement.suggestion = spaceForm;
    }
    return judgement;
}
