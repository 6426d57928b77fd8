#include "apifacts.h"
#include "swaggercatalog.h"

#include <QTemporaryDir>
#include <QTest>

// Found routes are judged against the new server's swagger (both the 2021 and the 2020 document shapes, as
// the API facts keep them), or against built-in knowledge when no swagger is given.
class SwaggerCatalogTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void judgesRouteAgainstNewServer_data();
    void judgesRouteAgainstNewServer();
    void readsBothDocumentShapes_data();
    void readsBothDocumentShapes();
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
