#include "apifacts.h"
#include "swaggercatalog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

// Found routes are judged against the new server's swagger (both the 2021 and the 2020 document shapes, as
// the API facts keep them, and a server's full document with its text), or against built-in knowledge
// when no swagger is given.
class SwaggerCatalogTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void judgesRouteAgainstNewServer_data();
    void judgesRouteAgainstNewServer();
    void readsBothDocumentShapes_data();
    void readsBothDocumentShapes();
    void readsDeprecationFromAServersFullDocument();
    void apiFactsKeepDeprecationButNoText_data();
    void apiFactsKeepDeprecationButNoText();
    void rejectsDocumentsWithoutPaths();

private:
    std::optional<SwaggerCatalog> m_2021;
    std::optional<SwaggerCatalog> m_2020;
};

Q_DECLARE_METATYPE(SwaggerCatalog::Verdict)

void SwaggerCatalogTest::initTestCase()
{
    QString error;
    m_2021 = SwaggerCatalog::fromJson(apiFactsSwagger(QLatin1String("2021.2")), &error);
    QVERIFY2(m_2021, qPrintable(error));
    m_2020 = SwaggerCatalog::fromJson(apiFactsSwagger(QLatin1String("2020.5")), &error);
    QVERIFY2(m_2020, qPrintable(error));
}

void SwaggerCatalogTest::judgesRouteAgainstNewServer_data()
{
    QTest::addColumn<QString>("swagger");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("method");
    QTest::addColumn<SwaggerCatalog::Verdict>("verdict");

    using V = SwaggerCatalog::Verdict;
    for (const QString &swagger : {QStringLiteral("2021"), QStringLiteral("2020")}) {
        const auto row = [&](const char *name) -> QTestData & {
            return QTest::newRow(qPrintable(swagger + QLatin1Char('-') + QLatin1String(name)));
        };
        row("space-scoped-served") << swagger << QStringLiteral("/api/{spaceId}/projects/all") << QString()
                                   << V::Served;
        row("space-scoped-with-id") << swagger << QStringLiteral("/api/{spaceId}/machines/{id}")
                                    << QStringLiteral("GET") << V::Served;
        row("literal-beats-parameter") << swagger << QStringLiteral("/api/{spaceId}/tasks/{id}/cancel")
                                       << QStringLiteral("POST") << V::Served;
        row("global-served") << swagger << QStringLiteral("/api/serverstatus/health") << QString()
                             << V::Served;
        row("root") << swagger << QStringLiteral("/api") << QStringLiteral("GET") << V::Served;
        row("users-me-not-legacy") << swagger << QStringLiteral("/api/users/me") << QString() << V::Served;
        row("events-not-legacy") << swagger << QStringLiteral("/api/events") << QString() << V::Served;
        row("legacy-without-space") << swagger << QStringLiteral("/api/projects/all") << QString()
                                    << V::Legacy;
        row("legacy-machines") << swagger << QStringLiteral("/api/machines/{id}") << QStringLiteral("PUT")
                               << V::Legacy;
        row("missing") << swagger << QStringLiteral("/api/{spaceId}/retiredwidgets") << QString()
                       << V::NotServed;
        row("missing-global") << swagger << QStringLiteral("/api/nosuchthing/at/all") << QString()
                              << V::NotServed;
        row("method-missing") << swagger << QStringLiteral("/api/{spaceId}/projectgroups")
                              << QStringLiteral("DELETE") << V::MethodNotServed;
        row("deprecated-certificate-alias")
            << swagger << QStringLiteral("/api/certificates/certificate-global") << QString()
            << V::Deprecated;
        row("current-certificate-route")
            << swagger << QStringLiteral("/api/configuration/certificates/certificate-global") << QString()
            << V::Served;
        row("deprecated-package-metadata") << swagger << QStringLiteral("/api/{spaceId}/package-metadata")
                                           << QStringLiteral("POST") << V::Deprecated;
        row("current-spaces-form") << swagger << QStringLiteral("/api/spaces/{spaceId}/projects/all")
                                   << QString() << V::Served;
        row("case-insensitive") << swagger << QStringLiteral("/api/{spaceId}/RunbookRuns") << QString()
                                << V::Served;
        // 2021.2 flags these operations deprecated; 2020.5 does not.
        const V flagged = swagger == QLatin1String("2021") ? V::Deprecated : V::Served;
        row("deprecated-by-the-document")
            << swagger << QStringLiteral("/api/{spaceId}/channels") << QString() << flagged;
        row("deprecated-method-by-the-document")
            << swagger << QStringLiteral("/api/{spaceId}/deploymentprocesses/{id}") << QStringLiteral("PUT")
            << flagged;
        row("other-method-not-deprecated")
            << swagger << QStringLiteral("/api/{spaceId}/deploymentprocesses/{id}") << QStringLiteral("GET")
            << V::Served;
    }
    QTest::newRow("builtin-legacy") << QStringLiteral("builtin") << QStringLiteral("/api/environments")
                                    << QString() << V::Legacy;
    QTest::newRow("builtin-deprecated")
        << QStringLiteral("builtin") << QStringLiteral("/api/certificates/certificate-global") << QString()
        << V::Deprecated;
    QTest::newRow("builtin-cannot-judge-missing")
        << QStringLiteral("builtin") << QStringLiteral("/api/{spaceId}/retiredwidgets") << QString()
        << V::Served;
}

void SwaggerCatalogTest::judgesRouteAgainstNewServer()
{
    QFETCH(QString, swagger);
    QFETCH(QString, route);
    QFETCH(QString, method);
    QFETCH(SwaggerCatalog::Verdict, verdict);
    const SwaggerCatalog builtin = SwaggerCatalog::builtin();
    const SwaggerCatalog &catalog = swagger == QLatin1String("2021")   ? *m_2021
                                    : swagger == QLatin1String("2020") ? *m_2020
                                                                       : builtin;
    const SwaggerCatalog::Judgement judgement = catalog.judge(route, method);
    QCOMPARE(judgement.verdict, verdict);
    if (verdict == SwaggerCatalog::Verdict::Legacy)
        QVERIFY(judgement.suggestion.startsWith(QLatin1String("/api/{spaceId}/")));
}

void SwaggerCatalogTest::readsBothDocumentShapes_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("version");
    QTest::newRow("2021-basePath-api") << QStringLiteral("2021.2") << QStringLiteral("2021.2.4488");
    QTest::newRow("2020-basePath-root") << QStringLiteral("2020.5") << QStringLiteral("2020.5.0-rc.4");
}

void SwaggerCatalogTest::readsBothDocumentShapes()
{
    QFETCH(QString, member);
    QFETCH(QString, version);
    // Saved to a file, as a user saves the new server's /api/swagger.json.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("swagger.json"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(apiFactsSwagger(member));
    }
    QString error;
    const auto catalog = SwaggerCatalog::fromFile(path, &error);
    QVERIFY2(catalog, qPrintable(error));
    QVERIFY2(catalog->version().startsWith(version), qPrintable(catalog->version()));
    QVERIFY(catalog->canJudgeEndpoints());
    QVERIFY(catalog->pathCount() > 500);
    QVERIFY(catalog->isKnownCollection(u"machines"));
    QVERIFY(catalog->isKnownCollection(u"serverstatus"));
    QVERIFY(!catalog->isKnownCollection(u"json"));
}

// A live server's /api/swagger.json says "Deprecated" in an operation's text as often as with the flag.
void SwaggerCatalogTest::readsDeprecationFromAServersFullDocument()
{
    const QByteArray document =
        R"({"swagger": "2.0", "info": {"title": "Octopus Server API", "version": "2021.2.1"},
      "basePath": "/api", "paths": {
      "/{baseSpaceId}/widgets": {
        "get": {"tags": ["Widgets"], "summary": "Lists widgets", "description": "Deprecated. Use gadgets instead.",
                "operationId": "listWidgets", "produces": ["application/json"],
                "responses": {"200": {"description": "Success", "schema": {"type": "array", "items": {"type": "string"}}}}},
        "post": {"summary": "Deprecated: creates a widget", "responses": {"201": {"description": "Created"}}},
        "put": {"deprecated": true, "responses": {"200": {"description": "Success"}}},
        "delete": {"description": "Deletes a widget (deprecated in the docs, lower case).",
                   "responses": {"200": {"description": "Success"}}}},
      "/{baseSpaceId}/gadgets": {"get": {"description": "Lists gadgets.", "responses": {}}}}})";
    QString error;
    const auto catalog = SwaggerCatalog::fromJson(document, &error);
    QVERIFY2(catalog, qPrintable(error));
    using V = SwaggerCatalog::Verdict;
    const QString widgets = QStringLiteral("/api/{spaceId}/widgets");
    QCOMPARE(catalog->judge(widgets, QStringLiteral("GET")).verdict, V::Deprecated);
    QCOMPARE(catalog->judge(widgets, QStringLiteral("POST")).verdict, V::Deprecated);
    QCOMPARE(catalog->judge(widgets, QStringLiteral("PUT")).verdict, V::Deprecated);
    QCOMPARE(catalog->judge(widgets, QStringLiteral("DELETE")).verdict, V::Served);
    QCOMPARE(catalog->judge(QStringLiteral("/api/{spaceId}/gadgets"), QString()).verdict, V::Served);
}

// The facts keep every operation the documents call deprecated (by flag or text) as a flag, and none of
// the documents' prose (descriptions, summaries, titles, examples, tags).
void SwaggerCatalogTest::apiFactsKeepDeprecationButNoText_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("textDeprecated"); // "Deprecated." in the original description
    QTest::addColumn<QString>("flagDeprecated"); // deprecated: true in the original (2021.2 only)
    QTest::newRow("2021.2") << QStringLiteral("2021.2") << QStringLiteral("/{baseSpaceId}/dashboard/dynamic")
                            << QStringLiteral("/{baseSpaceId}/channels");
    QTest::newRow("2020.5") << QStringLiteral("2020.5")
                            << QStringLiteral("/api/{baseSpaceId}/dashboard/dynamic") << QString();
}

void SwaggerCatalogTest::apiFactsKeepDeprecationButNoText()
{
    QFETCH(QString, version);
    QFETCH(QString, textDeprecated);
    QFETCH(QString, flagDeprecated);
    const QJsonObject document = apiFactsDocument(version);
    const QJsonObject paths = document.value(QLatin1String("paths")).toObject();
    QVERIFY(paths.size() > 500);
    const auto deprecated = [&](const QString &path) {
        return paths.value(path)
            .toObject()
            .value(QLatin1String("get"))
            .toObject()
            .value(QLatin1String("deprecated"));
    };
    QCOMPARE(deprecated(textDeprecated), QJsonValue(true));
    if (!flagDeprecated.isEmpty())
        QCOMPARE(deprecated(flagDeprecated), QJsonValue(true));

    // Member names at any depth, except the field names inside "properties" (which are data).
    QStringList prose;
    const std::function<void(const QJsonValue &, bool)> walk = [&](const QJsonValue &value, bool fieldNames) {
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                walk(item, false);
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            for (const char *key : {"description", "summary", "title", "example", "tags", "externalDocs"}) {
                if (!fieldNames && it.key() == QLatin1String(key))
                    prose << it.key();
            }
            walk(it.value(), it.key() == QLatin1String("properties") && !fieldNames);
        }
    };
    walk(document, false);
    prose.removeDuplicates();
    QVERIFY2(prose.isEmpty(), qPrintable(prose.join(QLatin1Char(' '))));
}

void SwaggerCatalogTest::rejectsDocumentsWithoutPaths()
{
    QString error;
    QVERIFY(!SwaggerCatalog::fromJson(QByteArrayLiteral("{\"swagger\":\"2.0\"}"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!SwaggerCatalog::fromJson(QByteArrayLiteral("not json"), &error));
    QVERIFY(!SwaggerCatalog::fromFile(QStringLiteral("/nonexistent/swagger.json"), &error));
}

QTEST_GUILESS_MAIN(SwaggerCatalogTest)
#include "tst_swaggercatalog.moc"
