#include "auditplanstate.h"
#include "datagenerator.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "scriptauditcontroller.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

namespace {

const QString kOldUrl = QStringLiteral("https://octopus.old.example.com");

QString fixtures()
{
    return QDir::cleanPath(QStringLiteral(HANDOVER_TEST_DATA_DIR "/../audit/fixtures"));
}

// A parser that parses as production does and records the threads it ran on.
struct ParseThreads
{
    QMutex mutex;
    QList<QThread *> threads;

    ScriptAuditController::SwaggerParser parser()
    {
        return [this](const QByteArray &json, QString *error) {
            {
                QMutexLocker lock(&mutex);
                threads.append(QThread::currentThread());
            }
            return SwaggerCatalog::fromJson(json, error);
        };
    }
    QList<QThread *> seen()
    {
        QMutexLocker lock(&mutex);
        return threads;
    }
};

} // namespace

// ScriptAuditController without widgets: the new server's live swagger.json from an in-process octosim
// (Ready with its routes, Failed with the call), parsed off this thread; a saved swagger.json read off this
// thread; a scan of the audit fixtures; marks written to the plan typed; the export.
class ScriptAuditControllerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liveSwaggerIsFetchedAndParsedOffTheGuiThread();
    void failedLiveSwaggerNamesTheCall();
    void clientChangeForgetsTheLiveSwagger();
    void savedSwaggerFileIsReadOffTheGuiThread();
    void scansTheFixtureFolderIntoFindings();
    void marksAreWrittenToThePlanTyped();
    void unreadableSavedSwaggerFailsTheScan();
    void oldServersScriptsJoinTheFolderScan();
    void serverScriptsAloneCanBeScannedAndCancelled();

private:
    struct Connected
    {
        NetworkContext network; // first: outlives the session's clients
        OctoSimFixture sim;
        std::unique_ptr<MigrationPlan> plan;
        std::unique_ptr<SessionCredentials> credentials;
        std::unique_ptr<ServerSession> session;
        std::unique_ptr<ScriptAuditController> controller;
    };
    static void connect(Connected *c, const QList<octosim::FaultSpec> &faults = {});
    static void scanFixtures(ScriptAuditController *controller);
};

void ScriptAuditControllerTest::connect(Connected *c, const QList<octosim::FaultSpec> &faults)
{
    octosim::Options options;
    options.faults = faults;
    QVERIFY2(c->sim.start(options), qPrintable(c->sim.error));
    c->plan = std::make_unique<MigrationPlan>();
    c->plan->setServerUrl(ServerRole::Old, QUrl(kOldUrl));
    c->plan->setServerUrl(ServerRole::New, c->sim.endpoint(ServerRole::New).url);
    c->credentials = std::make_unique<SessionCredentials>();
    c->credentials->setApiKey(ServerRole::New, c->sim.endpoint(ServerRole::New).apiKey);
    c->session = std::make_unique<ServerSession>(c->plan.get(), c->credentials.get(), &c->network);
    c->controller = std::make_unique<ScriptAuditController>(c->plan.get(), c->session.get());
}

void ScriptAuditControllerTest::scanFixtures(ScriptAuditController *controller)
{
    QVERIFY(controller->addFolder(fixtures() + QStringLiteral("/")));
    QSignalSpy finished(controller, &ScriptAuditController::scanFinished);
    QVERIFY(controller->startScan());
    QVERIFY(controller->isScanning());
    QVERIFY(!controller->startScan()); // one at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!controller->isScanning());
}

void ScriptAuditControllerTest::liveSwaggerIsFetchedAndParsedOffTheGuiThread()
{
    Connected c;
    connect(&c);
    ParseThreads parse;
    c.controller->setSwaggerParser(parse.parser());
    QCOMPARE(c.controller->liveSwaggerState(), ScriptAuditController::LiveSwaggerState::NotConnected);

    // The GUI thread's event loop keeps ticking while the document is fetched and parsed.
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(0);
    QSignalSpy changed(c.controller.get(), &ScriptAuditController::liveSwaggerChanged);
    c.controller->ensureLiveSwagger();
    QCOMPARE(c.controller->liveSwaggerState(), ScriptAuditController::LiveSwaggerState::Fetching);
    QTRY_COMPARE_WITH_TIMEOUT(c.controller->liveSwaggerState(),
                              ScriptAuditController::LiveSwaggerState::Ready, 30000);
    ticker.stop();
    QVERIFY(ticks > 0);
    QCOMPARE(changed.count(), 2); // Fetching, Ready

    const QList<QThread *> threads = parse.seen();
    QCOMPARE(threads.size(), 1);
    QVERIFY(threads.first() != nullptr);
    QVERIFY(threads.first() != QThread::currentThread());

    const std::shared_ptr<const SwaggerCatalog> catalog = c.controller->liveCatalog();
    QVERIFY(catalog);
    QVERIFY(catalog->canJudgeEndpoints());
    QVERIFY(catalog->version().startsWith(QLatin1String("2021.2")));
    QCOMPARE(catalog->judge(QStringLiteral("/api/{spaceId}/projects/all"), QStringLiteral("GET")).verdict,
             SwaggerCatalog::Verdict::Served);
    QCOMPARE(catalog->judge(QStringLiteral("/api/{spaceId}/retiredwidgets"), QStringLiteral("GET")).verdict,
             SwaggerCatalog::Verdict::NotServed);
    QVERIFY(c.controller->liveFetchedAt().isValid());
    QVERIFY(c.controller->liveError().isEmpty());

    // Already fetched from this client: not fetched again.
    c.controller->ensureLiveSwagger();
    QCOMPARE(c.controller->liveSwaggerState(), ScriptAuditController::LiveSwaggerState::Ready);
}

void ScriptAuditControllerTest::failedLiveSwaggerNamesTheCall()
{
    Connected c;
    connect(&c, {OctoSimFixture::fault(QStringLiteral("new"), QStringLiteral("swagger"),
                                       QStringLiteral("status"), QStringLiteral("500"))});
    c.controller->fetchLiveSwagger();
    QTRY_COMPARE_WITH_TIMEOUT(c.controller->liveSwaggerState(),
                              ScriptAuditController::LiveSwaggerState::Failed, 60000);
    QVERIFY(!c.controller->liveCatalog());
    const QString error = c.controller->liveError();
    QVERIFY2(error.contains(QLatin1String("GET /api/swagger.json")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("500")), qPrintable(error));
}

void ScriptAuditControllerTest::clientChangeForgetsTheLiveSwagger()
{
    Connected c;
    connect(&c);
    c.controller->fetchLiveSwagger();
    QTRY_COMPARE_WITH_TIMEOUT(c.controller->liveSwaggerState(),
                              ScriptAuditController::LiveSwaggerState::Ready, 30000);
    // Another key: what was fetched may describe another server.
    c.credentials->setApiKey(ServerRole::New, QStringLiteral("API-ANOTHERKEY0000000000000000000"));
    QTRY_COMPARE(c.controller->liveSwaggerState(), ScriptAuditController::LiveSwaggerState::NotConnected);
    QVERIFY(!c.controller->liveCatalog());
}

void ScriptAuditControllerTest::savedSwaggerFileIsReadOffTheGuiThread()
{
    MigrationPlan plan;
    ScriptAuditController controller(&plan, nullptr);
    ParseThreads parse;
    controller.setSwaggerParser(parse.parser());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("swagger.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"swagger": "2.0", "info": {"version": "9999.1"}, "basePath": "/api", "paths": {
            "/{baseSpaceId}/projects/all": {"get": {}}}})");
    }
    QSignalSpy changed(&controller, &ScriptAuditController::savedSwaggerChanged);
    controller.setSwaggerFile(path);
    QCOMPARE(plan.scriptAudit().swaggerFile, path);
    QCOMPARE(controller.savedSwaggerState(), ScriptAuditController::SavedSwaggerState::Loading);
    QTRY_COMPARE(controller.savedSwaggerState(), ScriptAuditController::SavedSwaggerState::Ready);
    QCOMPARE(controller.savedCatalog()->version(), QStringLiteral("9999.1"));
    QCOMPARE(parse.seen().size(), 1);
    QVERIFY(parse.seen().first() != QThread::currentThread());
    QCOMPARE(changed.count(), 2);

    controller.setSwaggerFile(QString());
    QCOMPARE(controller.savedSwaggerState(), ScriptAuditController::SavedSwaggerState::None);
    QVERIFY(plan.scriptAudit().swaggerFile.isEmpty());
}

void ScriptAuditControllerTest::scansTheFixtureFolderIntoFindings()
{
    MigrationPlan plan;
    plan.setServerUrl(ServerRole::Old, QUrl(kOldUrl));
    ScriptAuditController controller(&plan, nullptr);
    QVERIFY(!controller.startScan()); // no folder
    QSignalSpy started(&controller, &ScriptAuditController::scanStarted);
    QSignalSpy scanning(&controller, &ScriptAuditController::scanningChanged);
    scanFixtures(&controller);
    QCOMPARE(plan.scriptAudit().folders, QStringList{fixtures()}); // cleaned
    QCOMPARE(started.count(), 1);
    QCOMPARE(scanning.count(), 2);

    AuditScanner::Options options;
    options.roots = {fixtures()};
    options.oldUrls = {kOldUrl};
    const AuditScanner::Result expected = AuditScanner::scan(options);
    QVERIFY(expected.findings.size() > 50);
    QCOMPARE(controller.findings().size(), expected.findings.size());
    QCOMPARE(controller.scannedFiles(), 27);
    // Neither a connection nor a saved file: routes were not judged, and the controller says why.
    QVERIFY(controller.unjudgedReason().contains(QLatin1String("not judged")));
    const auto &lastScan = plan.scriptAudit().lastScan;
    QVERIFY(lastScan.has_value());
    QCOMPARE(lastScan->files, 27);
    QVERIFY(lastScan->mentionsOfOldServer > 0);
}

void ScriptAuditControllerTest::marksAreWrittenToThePlanTyped()
{
    MigrationPlan plan;
    plan.setServerUrl(ServerRole::Old, QUrl(kOldUrl));
    ScriptAuditController controller(&plan, nullptr);
    scanFixtures(&controller);
    const AuditFinding first = controller.findings().at(0);
    const AuditFinding second = controller.findings().at(1);

    controller.setMarkedBy(QStringLiteral("lead@example"));
    QSignalSpy marks(&controller, &ScriptAuditController::marksChanged);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    controller.setMark(first, AuditMark::Kind::Fixed, QStringLiteral("moved to the vault"));
    QCOMPARE(marks.count(), 1);
    QCOMPARE(plan.scriptAudit().marks.size(), 1);
    const AuditMark mark = plan.scriptAudit().marks.first();
    QCOMPARE(mark.findingKey, AuditPlanState::findingKey(first));
    QCOMPARE(mark.kind, AuditMark::Kind::Fixed);
    QCOMPARE(mark.by, QStringLiteral("lead@example"));
    QCOMPARE(mark.note, QStringLiteral("moved to the vault"));
    QVERIFY(mark.at >= before.addSecs(-1) && mark.at <= QDateTime::currentDateTimeUtc());
    QCOMPARE(controller.markOf(first), std::optional<AuditMark::Kind>(AuditMark::Kind::Fixed));
    QVERIFY(!controller.markOf(second));

    controller.setMark(first, AuditMark::Kind::Fixed, QStringLiteral("moved to the vault")); // unchanged
    QCOMPARE(marks.count(), 1);
    controller.setMark(second, AuditMark::Kind::Accepted);
    QCOMPARE(marks.count(), 2);
    QCOMPARE(controller.decisions().value(AuditPlanState::findingKey(second)), QStringLiteral("accepted"));
    QCOMPARE(plan.scriptAudit().marks.size(), 2);

    // The export carries the marks; no key leaves in clear.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csv = dir.filePath(QStringLiteral("audit.csv"));
    QString error;
    QVERIFY2(controller.exportReport(csv, AuditReportWriter::Format::Csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("file,line,column,category,severity,snippet,hint,status"));
    QVERIFY(bytes.contains(",fixed"));
    QVERIFY(bytes.contains(",accepted"));
    QVERIFY(!bytes.contains("API-HANDOVERFIXTURE"));
    QVERIFY(!controller.exportReport(dir.filePath(QStringLiteral("missing/dir/audit.csv")),
                                     AuditReportWriter::Format::Csv, &error));
    QVERIFY(error.contains(QLatin1String("missing/dir")));

    controller.clearMark(first);
    QCOMPARE(marks.count(), 3);
    QCOMPARE(plan.scriptAudit().marks.size(), 1);
    QVERIFY(!controller.markOf(first));
}

void ScriptAuditControllerTest::unreadableSavedSwaggerFailsTheScan()
{
    MigrationPlan plan;
    ScriptAuditController controller(&plan, nullptr);
    QVERIFY(controller.addFolder(fixtures()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    controller.setSwaggerFile(dir.filePath(QStringLiteral("absent.json")));
    QSignalSpy failed(&controller, &ScriptAuditController::scanFailed);
    QSignalSpy started(&controller, &ScriptAuditController::scanStarted);
    QVERIFY(controller.startScan());
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("absent.json")));
    QCOMPARE(started.count(), 0);
    QVERIFY(!controller.isScanning());
    QCOMPARE(controller.savedSwaggerState(), ScriptAuditController::SavedSwaggerState::Failed);
}

// Connected to the old server too (octosim's old instance; its scripts name https://octopus.acme.example,
// the Domain step's old public URL here): its stored scripts join the folder's findings, marks and exports.
void ScriptAuditControllerTest::oldServersScriptsJoinTheFolderScan()
{
    Connected c;
    connect(&c);
    c.plan->setServerUrl(ServerRole::Old, c.sim.endpoint(ServerRole::Old).url);
    c.credentials->setApiKey(ServerRole::Old, c.sim.endpoint(ServerRole::Old).apiKey);
    DomainDecision domain = c.plan->domain();
    domain.oldPublicUrl = QUrl(QStringLiteral("https://octopus.acme.example"));
    c.plan->setDomain(domain);
    QVERIFY(c.controller->canScanServer());
    scanFixtures(c.controller.get());
    QVERIFY(c.controller->serverScriptCount() > 100);
    QVERIFY(c.controller->serverErrors().isEmpty());

    int fromFiles = 0;
    const AuditFinding *notify = nullptr;
    for (const AuditFinding &f : c.controller->findings()) {
        if (f.location.isEmpty()) {
            ++fromFiles;
            continue;
        }
        if (!notify && f.category == AuditCategory::Secret &&
            f.location.contains(QStringLiteral("Step 'Notify'")))
            notify = &f;
    }
    QVERIFY(fromFiles > 0);
    QVERIFY(notify);
    QVERIFY2(notify->location.startsWith(QStringLiteral("Default \u203a ")), qPrintable(notify->location));
    QVERIFY(notify->url.contains(QStringLiteral("/deployments/process/steps?actionId=")));
    // The domain summary counts the stored scripts that name the old server too.
    QVERIFY(c.plan->scriptAudit().lastScan->mentionsOfOldServer > 20);

    // A mark on a stored script's finding is kept in the plan and in the export.
    const AuditFinding marked = *notify;
    c.controller->setMark(marked, AuditMark::Kind::Accepted);
    QCOMPARE(c.controller->markOf(marked), std::optional<AuditMark::Kind>(AuditMark::Kind::Accepted));
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("audit.json"));
    QString error;
    QVERIFY2(c.controller->exportReport(json, AuditReportWriter::Format::Json, &error), qPrintable(error));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("\"location\":\"Default \u203a"));
    QVERIFY(text.contains("\"status\":\"accepted\""));
    QVERIFY(!text.contains(octosim::DataGenerator::apiKey(1, 900)));
    QVERIFY(!text.contains(c.sim.endpoint(ServerRole::Old).apiKey.toUtf8()));
}

void ScriptAuditControllerTest::serverScriptsAloneCanBeScannedAndCancelled()
{
    Connected c;
    connect(&c);
    QVERIFY(!c.controller->canScanServer()); // no key for the old server
    QVERIFY(!c.controller->startScan());     // and no folder: nothing to scan
    c.plan->setServerUrl(ServerRole::Old, c.sim.endpoint(ServerRole::Old).url);
    c.credentials->setApiKey(ServerRole::Old, c.sim.endpoint(ServerRole::Old).apiKey);
    QVERIFY(c.controller->canScanServer());

    QSignalSpy finished(c.controller.get(), &ScriptAuditController::scanFinished);
    QVERIFY(c.controller->startScan());
    c.controller->cancelScan();
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().first().value<AuditScanner::Result>().cancelled);
    QVERIFY(!c.controller->isScanning());

    c.controller->setIncludeServerScripts(false);
    QVERIFY(!c.controller->startScan());
    c.controller->setIncludeServerScripts(true);
    QVERIFY(c.controller->startScan());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(!finished.last().first().value<AuditScanner::Result>().cancelled);
    QVERIFY(c.controller->findings().size() > 30);
    for (const AuditFinding &f : c.controller->findings())
        QVERIFY(!f.location.isEmpty());
}

QTEST_GUILESS_MAIN(ScriptAuditControllerTest)
#include "tst_scriptauditcontroller.moc"
