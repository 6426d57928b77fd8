#include "routenormaliser.h"

#include <QTest>

// Routes found in scripts become route templates: variables, ids and query strings normalised.
class RouteNormaliserTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extractsRouteTemplateFromScriptLine_data();
    void extractsRouteTemplateFromScriptLine();
    void recognisesApiPrefixOnlyAsPathSegment_data();
    void recognisesApiPrefixOnlyAsPathSegment();
};

void RouteNormaliserTest::extractsRouteTemplateFromScriptLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("route");

    QTest::newRow("powershell-variable") << QStringLiteral("Invoke-RestMethod \"$url/api/$spaceId/projects\"")
                                         << QStringLiteral("/api/{spaceId}/projects");
    QTest::newRow("powershell-subexpression")
        << QStringLiteral("\"$url/api/$($space.Id)/projects/$($p.Id)/releases\"")
        << QStringLiteral("/api/{spaceId}/projects/{id}/releases");
    QTest::newRow("shell-braces") << QStringLiteral("curl \"${URL}/api/${SPACE_ID}/machines/all\"")
                                  << QStringLiteral("/api/{spaceId}/machines/all");
    QTest::newRow("literal-ids") << QStringLiteral("GET /api/Spaces-12/projects/Projects-1108/channels")
                                 << QStringLiteral("/api/{spaceId}/projects/{id}/channels");
    QTest::newRow("query-stripped") << QStringLiteral("\"/api/Spaces-1/events?skip=0&take=30\"")
                                    << QStringLiteral("/api/{spaceId}/events");
    QTest::newRow("concatenation") << QStringLiteral("server + \"/api/\" + spaceId + \"/environments\";")
                                   << QStringLiteral("/api/{spaceId}/environments");
    QTest::newRow("concatenation-trailing-id")
        << QStringLiteral("url + \"/api/projects/\" + projectId);") << QStringLiteral("/api/projects/{id}");
    QTest::newRow("single-quote-concatenation") << QStringLiteral("base + '/api/' + space + '/tenants/all'")
                                                << QStringLiteral("/api/{spaceId}/tenants/all");
    QTest::newRow("vb-ampersand") << QStringLiteral("url & \"/api/\" & spaceId & \"/feeds\"")
                                  << QStringLiteral("/api/{spaceId}/feeds");
    QTest::newRow("csharp-format") << QStringLiteral("String.Format(\"{0}/api/{1}/tasks/{2}\", a, b, c)")
                                   << QStringLiteral("/api/{spaceId}/tasks/{id}");
    QTest::newRow("csharp-interpolation")
        << QStringLiteral("$\"{server}/api/{spaceId}/machines/{machine.Id}\"")
        << QStringLiteral("/api/{spaceId}/machines/{id}");
    QTest::newRow("python-fstring") << QStringLiteral("f\"{url}/api/{space_id}/workers?take=10\"")
                                    << QStringLiteral("/api/{spaceId}/workers");
    QTest::newRow("printf-verbs") << QStringLiteral("fmt.Sprintf(\"%s/api/%s/projects/%s\", h, s, id)")
                                  << QStringLiteral("/api/{spaceId}/projects/{id}");
    QTest::newRow("ruby-interpolation") << QStringLiteral("URI(\"#{server}/api/#{space_id}/releases\")")
                                        << QStringLiteral("/api/{spaceId}/releases");
    QTest::newRow("js-template") << QStringLiteral("fetch(`${server}/api/${spaceId}/deployments`)")
                                 << QStringLiteral("/api/{spaceId}/deployments");
    QTest::newRow("rfc6570-link") << QStringLiteral(
                                         "\"Machines\": \"/api/Spaces-1/machines{/id}{?skip,take}\"")
                                  << QStringLiteral("/api/{spaceId}/machines");
    QTest::newRow("global-route") << QStringLiteral("\"https://octopus.example.com/api/serverstatus/health\"")
                                  << QStringLiteral("/api/serverstatus/health");
    QTest::newRow("root") << QStringLiteral("curl \"$URL/api\"") << QStringLiteral("/api");
    QTest::newRow("trailing-slash-and-dot")
        << QStringLiteral("See /api/users/me/.") << QStringLiteral("/api/users/me");
    QTest::newRow("current-spaces-form") << QStringLiteral("\"/api/spaces/Spaces-1/projects\"")
                                         << QStringLiteral("/api/spaces/{spaceId}/projects");
}

void RouteNormaliserTest::extractsRouteTemplateFromScriptLine()
{
    QFETCH(QString, line);
    QFETCH(QString, route);
    const qsizetype at = line.indexOf(QLatin1String("/api"));
    QVERIFY(at >= 0);
    QCOMPARE(RouteNormaliser::extract(line, at).route, route);
}

void RouteNormaliserTest::recognisesApiPrefixOnlyAsPathSegment_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("prefix");
    QTest::newRow("route") << QStringLiteral("/api/projects") << true;
    QTest::newRow("end") << QStringLiteral("x/api") << true;
    QTest::newRow("quote") << QStringLiteral("\"/api\"") << true;
    QTest::newRow("apis") << QStringLiteral("/apis/v1") << false;
    QTest::newRow("api-docs") << QStringLiteral("/api-docs") << false;
    QTest::newRow("apiVersion") << QStringLiteral("/apiVersion") << false;
}

void RouteNormaliserTest::recognisesApiPrefixOnlyAsPathSegment()
{
    QFETCH(QString, line);
    QFETCH(bool, prefix);
    QCOMPARE(RouteNormaliser::isApiPrefixAt(line, line.indexOf(QLatin1String("/api"))), prefix);
}

QTEST_GUILESS_MAIN(RouteNormaliserTest)
#include "tst_routenormaliser.moc"
