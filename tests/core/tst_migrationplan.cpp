#include "migrationplan.h"
#include "plandocument.h"
#include "planfilestore.h"
#include "planvalidation.h"
#include "recentfiles.h"
#include "sessioncredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

PlanData fullPlan()
{
    PlanData plan;
    plan.oldServer.url = QUrl(QStringLiteral("https://octopusdeploy.example.com/"));
    plan.oldServer.extra.insert(QStringLiteral("spaceId"), QStringLiteral("Spaces-1"));
    plan.newServer.url = QUrl(QStringLiteral("https://octopus.example.com:8443/octo"));
    plan.newServer.proxy = QStringLiteral("http://proxy.corp.example:3128");
    plan.domain.choice = DomainDecision::Choice::NewName;
    plan.domain.oldPublicUrl = QUrl(QStringLiteral("https://octopusdeploy.example.com"));
    plan.domain.newPublicUrl = QUrl(QStringLiteral("https://octopus.example.com"));
    plan.domain.notes = QStringLiteral("DNS change approved by ops — ticket #42 (ü, 日本)");
    plan.domain.extra.insert(QStringLiteral("ttl"), 300);
    TentacleMark mark;
    mark.spaceId = QStringLiteral("Spaces-1");
    mark.repointedAt = QDateTime(QDate(2026, 11, 26), QTime(10, 5, 1, 250), Qt::UTC);
    mark.verification = TentacleMark::Verification::Verified;
    mark.checkedAt = QDateTime(QDate(2026, 11, 26), QTime(10, 7), Qt::UTC);
    mark.healthStatus = QStringLiteral("Healthy");
    mark.extra.insert(QStringLiteral("note"), QStringLiteral("x"));
    plan.tentacles.machines.insert(QStringLiteral("Machines-12"), mark);
    plan.tentacles.machines.insert(QStringLiteral("Workers-3"), TentacleMark{});
    plan.ciIntegrations.extra.insert(
        QStringLiteral("servers"),
        QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("jenkins")}}});
    plan.scriptAudit.folders = {QStringLiteral("/src/deploy-scripts"), QStringLiteral("/src/pipelines")};
    plan.scriptAudit.swaggerFile = QStringLiteral("/src/swagger.json");
    AuditMark fixedMark;
    fixedMark.findingKey = QStringLiteral("/src/deploy-scripts/a.sh:3:secret:0123456789abcdef");
    fixedMark.kind = AuditMark::Kind::Fixed;
    fixedMark.by = QStringLiteral("lead");
    fixedMark.at = QDateTime(QDate(2026, 12, 1), QTime(9, 30, 15, 250), Qt::UTC);
    fixedMark.note = QStringLiteral("key rotated");
    fixedMark.extra.insert(QStringLiteral("x-future"), true);
    AuditMark acceptedMark;
    acceptedMark.findingKey = QStringLiteral("/src/pipelines/Jenkinsfile:12:legacy-cli:fedcba9876543210");
    acceptedMark.kind = AuditMark::Kind::Accepted;
    plan.scriptAudit.marks = {fixedMark, acceptedMark};
    plan.scriptAudit.extra.insert(QStringLiteral("x-future"), QJsonObject{{QStringLiteral("step-1"), true}});
    ScriptAuditScanSummary scan;
    scan.at = QDateTime(QDate(2026, 11, 26), QTime(12, 3, 4, 500), Qt::UTC);
    scan.files = 27;
    scan.findingsByCategory = {{QStringLiteral("old-server-url"), 12},
                               {QStringLiteral("missing-endpoint"), 1}};
    scan.mentionsOfOldServer = 12;
    scan.filesMentioningOldServer = 5;
    scan.extra.insert(QStringLiteral("x-future"), 1);
    plan.scriptAudit.lastScan = scan;
    plan.testPlan.extra.insert(QStringLiteral("projects"), QJsonArray{QStringLiteral("Projects-1")});
    plan.cutover.quietMinutes = 20;
    plan.cutover.edits.insert(QStringLiteral("cutover:maintenance-on"),
                              CutoverStepEdit{QStringLiteral("Dana"), 7, QStringLiteral("call first"), {}});
    CutoverCustomStep custom;
    custom.id = QStringLiteral("custom:1");
    custom.phase = QStringLiteral("before");
    custom.after = QStringLiteral("before:announce");
    custom.title = QStringLiteral("Tell the service desk");
    custom.plannedMinutes = 3;
    plan.cutover.customSteps = {custom};
    plan.cutover.extra.insert(QStringLiteral("entries"), QJsonArray{1, 2, 3});
    plan.extra.insert(QStringLiteral("x-future"), QJsonObject{{QStringLiteral("a"), 1}});
    return plan;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

Q_DECLARE_METATYPE(PlanError::Kind)

class TestMigrationPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void savedPlanLoadsBackWithEveryField();
    void unknownKeysSurviveLoadAndSave_data();
    void unknownKeysSurviveLoadAndSave();
    void newerMinorVersionLoadsAndKeepsItsVersion();
    void brokenFileIsReportedAndLeftUntouched_data();
    void brokenFileIsReportedAndLeftUntouched();
    void missingFileIsNotFound();
    void directoryIsUnreadable();
    void fileWithoutReadPermissionIsUnreadable();
    void saveReplacesFileAtomically();
    void saveIntoMissingFolderFailsAndCreatesNothing();
    void failedSaveLeavesExistingFileUntouched();
    void savedFileNeverContainsApiKeys();
    void setterEmitsChangedOnlyForRealChanges();

    void documentTracksModifiedStateAndPath();
    void failedOpenKeepsCurrentPlan();
    void autosaveWritesSideFileAfterChangesAndRemovesItOnSave();
    void autosaveLeftByCrashIsOfferedAndRecovered();
    void autosaveOfRunningProcessIsNotOffered();

    void recentFilesKeepNewestFirstWithoutDuplicates();

    void connectStepIssues_data();
    void connectStepIssues();
    void connectStepRefusesABadProxy_data();
    void connectStepRefusesABadProxy();
    void domainStepIssues_data();
    void domainStepIssues();

    void scriptAuditMarksOfFormat10LoadTyped();
    void scriptAuditMarksRoundTripTyped();
    void ciIntegrationRecordsRoundTripTyped();
    void driftSectionRoundTripsAndOlderPlansLoad();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMigrationPlan::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMigrationPlan::savedPlanLoadsBackWithEveryField()
{
    const PlanData plan = fullPlan();
    const QString path = m_dir->filePath(QStringLiteral("plan.handover"));
    QVERIFY(!PlanFileStore::save(plan, path));

    const PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.oldServer, plan.oldServer);
    QCOMPARE(loaded.plan.newServer, plan.newServer);
    QCOMPARE(loaded.plan.domain, plan.domain);
    QCOMPARE(loaded.plan.tentacles, plan.tentacles);
    QCOMPARE(loaded.plan.ciIntegrations, plan.ciIntegrations);
    QCOMPARE(loaded.plan.scriptAudit, plan.scriptAudit);
    QCOMPARE(loaded.plan.testPlan, plan.testPlan);
    QCOMPARE(loaded.plan.cutover, plan.cutover);
    QCOMPARE(loaded.plan.extra, plan.extra);
    QVERIFY(loaded.plan == plan);

    const QJsonObject json = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("handover.plan"));
    QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), PlanData::FormatVersion);
    QCOMPARE(json.value(QStringLiteral("domain")).toObject().value(QStringLiteral("choice")).toString(),
             QStringLiteral("new-name"));

    // Saving what was loaded gives the same bytes: nothing drifts on a round trip.
    QCOMPARE(PlanFileStore::serialize(loaded.plan), readAll(path));
}

void TestMigrationPlan::unknownKeysSurviveLoadAndSave_data()
{
    QTest::addColumn<QString>("section"); // empty = top level
    QTest::newRow("top level") << QString();
    QTest::newRow("old server") << QStringLiteral("oldServer");
    QTest::newRow("new server") << QStringLiteral("newServer");
    QTest::newRow("domain") << QStringLiteral("domain");
    QTest::newRow("tentacles") << QStringLiteral("tentacles");
    QTest::newRow("ci integrations") << QStringLiteral("ciIntegrations");
    QTest::newRow("script audit") << QStringLiteral("scriptAudit");
    QTest::newRow("script audit last scan") << QStringLiteral("scriptAudit/lastScan");
    QTest::newRow("test plan") << QStringLiteral("testPlan");
    QTest::newRow("cutover") << QStringLiteral("cutover");
}

void TestMigrationPlan::unknownKeysSurviveLoadAndSave()
{
    QFETCH(QString, section);
    QJsonObject json = PlanData().toJson();
    const QJsonObject extra{{QStringLiteral("fromNewerWriter"), QJsonArray{1, QStringLiteral("two")}}};
    if (section.isEmpty()) {
        json.insert(QStringLiteral("fromNewerWriter"), extra.value(QStringLiteral("fromNewerWriter")));
    } else if (section.contains(QLatin1Char('/'))) { // a typed object inside a section
        const QString outer = section.section(QLatin1Char('/'), 0, 0);
        const QString innerKey = section.section(QLatin1Char('/'), 1);
        QJsonObject holder = json.value(outer).toObject();
        holder.insert(innerKey, QJsonObject{{QStringLiteral("files"), 3},
                                            {QStringLiteral("fromNewerWriter"),
                                             extra.value(QStringLiteral("fromNewerWriter"))}});
        json.insert(outer, holder);
    } else {
        QJsonObject inner = json.value(section).toObject();
        inner.insert(QStringLiteral("fromNewerWriter"), extra.value(QStringLiteral("fromNewerWriter")));
        json.insert(section, inner);
    }
    const QString path = m_dir->filePath(QStringLiteral("extras.handover"));
    writeAll(path, QJsonDocument(json).toJson());

    PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    // Edit a known field, save, and the unknown key is still there.
    loaded.plan.oldServer.url = QUrl(QStringLiteral("https://edited.example.com"));
    QVERIFY(!PlanFileStore::save(loaded.plan, path));
    const QJsonObject saved = QJsonDocument::fromJson(readAll(path)).object();
    QJsonObject holder = saved;
    for (const QString &key : section.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        holder = holder.value(key).toObject();
    QCOMPARE(holder.value(QStringLiteral("fromNewerWriter")), extra.value(QStringLiteral("fromNewerWriter")));
    QCOMPARE(saved.value(QStringLiteral("oldServer")).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://edited.example.com"));
}

void TestMigrationPlan::newerMinorVersionLoadsAndKeepsItsVersion()
{
    QJsonObject json = PlanData().toJson();
    json.insert(QStringLiteral("formatMinorVersion"), PlanData::FormatMinorVersion + 5);
    const QString path = m_dir->filePath(QStringLiteral("minor.handover"));
    writeAll(path, QJsonDocument(json).toJson());
    const PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY(loaded.ok());
    QVERIFY(!PlanFileStore::save(loaded.plan, path));
    QCOMPARE(
        QJsonDocument::fromJson(readAll(path)).object().value(QStringLiteral("formatMinorVersion")).toInt(),
        PlanData::FormatMinorVersion + 5);
}

void TestMigrationPlan::brokenFileIsReportedAndLeftUntouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<PlanError::Kind>("kind");

    const QByteArray valid = PlanFileStore::serialize(fullPlan());
    QTest::newRow("garbage") << QByteArray("this is not json at all") << PlanError::Kind::Corrupt;
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe{", 5) << PlanError::Kind::Corrupt;
    QTest::newRow("syntax error inside")
        << QByteArray(R"({"kind": "handover.plan", "formatVersion": 1,, })") << PlanError::Kind::Corrupt;
    QTest::newRow("json array") << QByteArray("[1, 2, 3]") << PlanError::Kind::Corrupt;
    QTest::newRow("other json object") << QByteArray(R"({"name": "not a plan"})") << PlanError::Kind::Corrupt;
    QTest::newRow("missing format version")
        << QByteArray(R"({"kind": "handover.plan"})") << PlanError::Kind::Corrupt;
    QTest::newRow("section of the wrong type")
        << QByteArray(R"({"kind": "handover.plan", "formatVersion": 1, "oldServer": "http://x"})")
        << PlanError::Kind::Corrupt;
    QTest::newRow("url of the wrong type")
        << QByteArray(R"({"kind": "handover.plan", "formatVersion": 1, "oldServer": {"url": 42}})")
        << PlanError::Kind::Corrupt;
    QTest::newRow("unknown domain choice")
        << QByteArray(R"({"kind": "handover.plan", "formatVersion": 1, "domain": {"choice": "maybe"}})")
        << PlanError::Kind::Corrupt;
    QTest::newRow("script audit count of the wrong type")
        << QByteArray(
               R"({"kind": "handover.plan", "formatVersion": 1, "scriptAudit": {"lastScan": {"files": "27"}}})")
        << PlanError::Kind::Corrupt;
    QTest::newRow("script audit negative count")
        << QByteArray(
               R"({"kind": "handover.plan", "formatVersion": 1, "scriptAudit": {"lastScan": {"findingsByCategory": {"secret": -1}}}})")
        << PlanError::Kind::Corrupt;
    QTest::newRow("empty file") << QByteArray() << PlanError::Kind::Truncated;
    QTest::newRow("only whitespace") << QByteArray(" \n\t ") << PlanError::Kind::Truncated;
    QTest::newRow("cut in half") << valid.left(valid.size() / 2) << PlanError::Kind::Truncated;
    QTest::newRow("cut before the last brace")
        << valid.left(valid.lastIndexOf('}')) << PlanError::Kind::Truncated;
    QTest::newRow("cut after the first brace") << valid.left(1) << PlanError::Kind::Truncated;
    QTest::newRow("newer format version")
        << QByteArray(R"({"kind": "handover.plan", "formatVersion": 2, "somethingNew": {}})")
        << PlanError::Kind::NewerVersion;
}

void TestMigrationPlan::brokenFileIsReportedAndLeftUntouched()
{
    QFETCH(QByteArray, bytes);
    QFETCH(PlanError::Kind, kind);
    const QString path = m_dir->filePath(QStringLiteral("broken.handover"));
    writeAll(path, bytes);
    const QDateTime modifiedBefore = QFileInfo(path).lastModified();

    const PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(PlanError::kindName(loaded.error.kind), PlanError::kindName(kind));
    QCOMPARE(loaded.error.path, path);
    QVERIFY2(loaded.error.toDisplayString().contains(QStringLiteral("broken.handover")),
             qPrintable(loaded.error.toDisplayString()));

    // The document refuses it too, and the file is byte-for-byte what it was.
    MigrationPlan plan;
    PlanDocument document(&plan, {});
    QCOMPARE(document.open(path).kind, kind);
    QCOMPARE(readAll(path), bytes);
    QCOMPARE(QFileInfo(path).lastModified(), modifiedBefore);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("broken.handover")});
}

void TestMigrationPlan::missingFileIsNotFound()
{
    const QString path = m_dir->filePath(QStringLiteral("nope.handover"));
    const PlanLoadResult loaded = PlanFileStore::load(path);
    QCOMPARE(loaded.error.kind, PlanError::Kind::NotFound);
    QVERIFY(!QFileInfo::exists(path));
}

void TestMigrationPlan::directoryIsUnreadable()
{
    QCOMPARE(PlanFileStore::load(m_dir->path()).error.kind, PlanError::Kind::Unreadable);
}

void TestMigrationPlan::fileWithoutReadPermissionIsUnreadable()
{
    const QString path = m_dir->filePath(QStringLiteral("locked.handover"));
    const QByteArray bytes = PlanFileStore::serialize(fullPlan());
    writeAll(path, bytes);
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    const auto restore =
        qScopeGuard([&] { QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner); });
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("Running with privileges that ignore file permissions (root?): chmod 000 does not block "
              "reading.");

    QCOMPARE(PlanFileStore::load(path).error.kind, PlanError::Kind::Unreadable);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(readAll(path), bytes);
}

void TestMigrationPlan::saveReplacesFileAtomically()
{
    const QString path = m_dir->filePath(QStringLiteral("plan.handover"));
    writeAll(path, "previous content");
    QVERIFY(!PlanFileStore::save(fullPlan(), path));
    QCOMPARE(readAll(path), PlanFileStore::serialize(fullPlan()));
    // QSaveFile wrote a temporary file beside it and renamed it: nothing else is left in the folder.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("plan.handover")});
}

void TestMigrationPlan::saveIntoMissingFolderFailsAndCreatesNothing()
{
    const QString path = m_dir->filePath(QStringLiteral("missing/folder/plan.handover"));
    const PlanError error = PlanFileStore::save(fullPlan(), path);
    QCOMPARE(error.kind, PlanError::Kind::WriteFailed);
    QCOMPARE(error.path, path);
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("missing"))));
}

void TestMigrationPlan::failedSaveLeavesExistingFileUntouched()
{
    const QString folder = m_dir->filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/plan.handover");
    writeAll(path, "the previous plan");
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    if (::access(qPrintable(folder), W_OK) == 0)
        QSKIP("Running with privileges that ignore folder permissions (root?): cannot make a save fail this "
              "way.");

    QCOMPARE(PlanFileStore::save(fullPlan(), path).kind, PlanError::Kind::WriteFailed);
    QCOMPARE(readAll(path), QByteArray("the previous plan"));
}

void TestMigrationPlan::savedFileNeverContainsApiKeys()
{
    MigrationPlan plan;
    SessionCredentials credentials;
    PlanDocument document(&plan, {});
    plan.setServerUrl(ServerRole::Old, QUrl(QStringLiteral("https://old.example.com")));
    credentials.setApiKey(ServerRole::Old, QStringLiteral("API-SECRETOLDKEY1234567890"));
    credentials.setApiKey(ServerRole::New, QStringLiteral("API-SECRETNEWKEY1234567890"));
    const QString path = m_dir->filePath(QStringLiteral("plan.handover"));
    QVERIFY(!document.saveAs(path));
    const QByteArray bytes = readAll(path);
    QVERIFY(!bytes.contains("API-SECRET"));
    QVERIFY(!bytes.toLower().contains("apikey"));
}

void TestMigrationPlan::setterEmitsChangedOnlyForRealChanges()
{
    MigrationPlan plan;
    QSignalSpy changed(&plan, &MigrationPlan::changed);
    plan.setServerUrl(ServerRole::New, QUrl(QStringLiteral("https://new.example.com")));
    plan.setServerUrl(ServerRole::New, QUrl(QStringLiteral("https://new.example.com")));
    QCOMPARE(changed.count(), 1);
    DomainDecision domain = plan.domain();
    domain.choice = DomainDecision::Choice::KeepName;
    plan.setDomain(domain);
    plan.setDomain(domain);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(plan.data().newServer.url, QUrl(QStringLiteral("https://new.example.com")));
    QCOMPARE(plan.domain().choice, DomainDecision::Choice::KeepName);
}

void TestMigrationPlan::documentTracksModifiedStateAndPath()
{
    MigrationPlan plan;
    PlanDocument document(&plan, {});
    QSignalSpy modified(&document, &PlanDocument::modifiedChanged);
    QVERIFY(!document.isModified());
    QCOMPARE(document.displayName(), QStringLiteral("Untitled plan"));

    plan.setServerUrl(ServerRole::Old, QUrl(QStringLiteral("https://old.example.com")));
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);

    const QString path = m_dir->filePath(QStringLiteral("doc.handover"));
    QVERIFY(!document.saveAs(path));
    QVERIFY(!document.isModified());
    QCOMPARE(document.filePath(), path);
    QCOMPARE(document.displayName(), QStringLiteral("doc.handover"));

    document.newPlan();
    QVERIFY(document.filePath().isEmpty());
    QVERIFY(plan.serverUrl(ServerRole::Old).isEmpty());
    QVERIFY(!document.isModified());

    QVERIFY(!document.open(path));
    QCOMPARE(plan.serverUrl(ServerRole::Old), QUrl(QStringLiteral("https://old.example.com")));
    QVERIFY(!document.isModified());
}

void TestMigrationPlan::failedOpenKeepsCurrentPlan()
{
    MigrationPlan plan;
    PlanDocument document(&plan, {});
    plan.setServerUrl(ServerRole::Old, QUrl(QStringLiteral("https://kept.example.com")));
    const QString path = m_dir->filePath(QStringLiteral("bad.handover"));
    writeAll(path, "{\"kind\": \"handover.plan\", \"formatVers");
    QCOMPARE(document.open(path).kind, PlanError::Kind::Truncated);
    QCOMPARE(plan.serverUrl(ServerRole::Old), QUrl(QStringLiteral("https://kept.example.com")));
    QVERIFY(document.isModified());
    QVERIFY(document.filePath().isEmpty());
}

void TestMigrationPlan::autosaveWritesSideFileAfterChangesAndRemovesItOnSave()
{
    const QString autosaveDir = m_dir->filePath(QStringLiteral("autosave"));
    MigrationPlan plan;
    PlanDocument document(&plan, autosaveDir);
    document.setAutosaveDelay(20);
    QSignalSpy autosaved(&document, &PlanDocument::autosaved);

    plan.setServerUrl(ServerRole::Old, QUrl(QStringLiteral("https://old.example.com")));
    QTRY_COMPARE(autosaved.count(), 1);
    QVERIFY(QFileInfo::exists(document.autosaveFilePath()));
    QVERIFY(document.autosaveFilePath().startsWith(autosaveDir));

    QVERIFY(!document.saveAs(m_dir->filePath(QStringLiteral("saved.handover"))));
    QVERIFY(!QFileInfo::exists(document.autosaveFilePath()));
}

void TestMigrationPlan::autosaveLeftByCrashIsOfferedAndRecovered()
{
    const QString autosaveDir = m_dir->filePath(QStringLiteral("autosave"));
    const QString crashed = QDir(autosaveDir).filePath(QStringLiteral("crashed.handover-autosave"));
    const QString original = m_dir->filePath(QStringLiteral("original.handover"));
    PlanData expected;
    {
        MigrationPlan plan;
        PlanDocument document(&plan, autosaveDir);
        plan.setServerUrl(ServerRole::New, QUrl(QStringLiteral("https://new.example.com")));
        QVERIFY(!document.saveAs(original));
        plan.setServerUrl(ServerRole::Old, QUrl(QStringLiteral("https://unsaved.example.com")));
        QVERIFY(!document.autosaveNow());
        expected = plan.data();
        // A crash leaves the side file behind; a clean end removes it. Keep a copy as the crash's leftover.
        QVERIFY(QFile::copy(document.autosaveFilePath(), crashed));
    }

    MigrationPlan plan;
    PlanDocument document(&plan, autosaveDir);
    const QList<PlanDocument::Recovery> found = document.findRecoverable();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().autosavePath, crashed);
    QCOMPARE(found.first().originalPath, original);
    QVERIFY(found.first().savedAt.isValid());

    QVERIFY(!document.recover(found.first()));
    QVERIFY(plan.data() == expected);
    QVERIFY(document.isModified());
    QCOMPARE(document.filePath(), original);
    QVERIFY(!QFileInfo::exists(crashed));
    QVERIFY(document.findRecoverable().isEmpty());
}

void TestMigrationPlan::autosaveOfRunningProcessIsNotOffered()
{
    const QString autosaveDir = m_dir->filePath(QStringLiteral("autosave"));
    QVERIFY(QDir().mkpath(autosaveDir));
    QJsonObject wrapper{
        {QStringLiteral("kind"), QStringLiteral("handover.autosave")},
        {QStringLiteral("originalPath"), QString()},
        {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("pid"), qint64(::getppid())}, // our parent is alive
        {QStringLiteral("plan"), PlanData().toJson()}};
    writeAll(QDir(autosaveDir).filePath(QStringLiteral("other.handover-autosave")),
             QJsonDocument(wrapper).toJson());

    MigrationPlan plan;
    PlanDocument document(&plan, autosaveDir);
    QVERIFY(document.findRecoverable().isEmpty());
}

void TestMigrationPlan::recentFilesKeepNewestFirstWithoutDuplicates()
{
    QSettings settings(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    RecentFiles recent(&settings);
    QSignalSpy changed(&recent, &RecentFiles::changed);
    const QString a = m_dir->filePath(QStringLiteral("a.handover"));
    const QString b = m_dir->filePath(QStringLiteral("b.handover"));
    recent.add(a);
    recent.add(b);
    recent.add(a);
    QCOMPARE(recent.files(), (QStringList{a, b}));
    QCOMPARE(changed.count(), 3);
    for (int i = 0; i < 20; ++i)
        recent.add(m_dir->filePath(QStringLiteral("%1.handover").arg(i)));
    QCOMPARE(recent.files().size(), RecentFiles::MaxEntries);
    QCOMPARE(recent.files().first(), m_dir->filePath(QStringLiteral("19.handover")));

    RecentFiles reread(&settings); // persisted through QSettings, paths only
    QCOMPARE(reread.files(), recent.files());
    recent.remove(m_dir->filePath(QStringLiteral("19.handover")));
    QCOMPARE(recent.files().size(), RecentFiles::MaxEntries - 1);
    recent.clear();
    QVERIFY(recent.files().isEmpty());
}

void TestMigrationPlan::connectStepIssues_data()
{
    QTest::addColumn<QString>("oldUrl");
    QTest::addColumn<QString>("newUrl");
    QTest::addColumn<QStringList>("fields");

    const QString oldField = QStringLiteral("oldServer.url");
    const QString newField = QStringLiteral("newServer.url");
    QTest::newRow("both missing") << QString() << QString() << QStringList{oldField, newField};
    QTest::newRow("new missing") << QStringLiteral("https://old.example.com") << QString()
                                 << QStringList{newField};
    QTest::newRow("not http") << QStringLiteral("ftp://old.example.com")
                              << QStringLiteral("https://new.example.com") << QStringList{oldField};
    QTest::newRow("no host") << QStringLiteral("https://old.example.com") << QStringLiteral("octopus")
                             << QStringList{newField};
    QTest::newRow("same server") << QStringLiteral("https://octo.example.com/")
                                 << QStringLiteral("https://octo.example.com") << QStringList{newField};
    QTest::newRow("two servers") << QStringLiteral("https://old.example.com")
                                 << QStringLiteral("http://127.0.0.1:8080") << QStringList{};
}

void TestMigrationPlan::connectStepIssues()
{
    QFETCH(QString, oldUrl);
    QFETCH(QString, newUrl);
    QFETCH(QStringList, fields);
    PlanData plan;
    plan.oldServer.url = QUrl(oldUrl);
    plan.newServer.url = QUrl(newUrl);
    const QList<PlanIssue> issues = issuesFor(PlanStep::Connect, plan);
    QStringList actual;
    for (const PlanIssue &issue : issues) {
        actual << issue.field;
        QVERIFY(!issue.message.isEmpty());
    }
    QCOMPARE(actual, fields);
    QCOMPARE(hasErrors(issues), !fields.isEmpty());
}

void TestMigrationPlan::domainStepIssues_data()
{
    QTest::addColumn<DomainDecision::Choice>("choice");
    QTest::addColumn<QString>("newPublicUrl");
    QTest::addColumn<bool>("blocking");
    QTest::addColumn<int>("count");
    QTest::newRow("undecided warns") << DomainDecision::Choice::Undecided << QString() << false << 1;
    QTest::newRow("keep name") << DomainDecision::Choice::KeepName << QString() << false << 0;
    QTest::newRow("new name without url") << DomainDecision::Choice::NewName << QString() << true << 1;
    QTest::newRow("new name with url")
        << DomainDecision::Choice::NewName << QStringLiteral("https://n.example.com") << false << 0;
}

void TestMigrationPlan::domainStepIssues()
{
    QFETCH(DomainDecision::Choice, choice);
    QFETCH(QString, newPublicUrl);
    QFETCH(bool, blocking);
    QFETCH(int, count);
    PlanData plan;
    plan.domain.choice = choice;
    plan.domain.newPublicUrl = QUrl(newPublicUrl);
    const QList<PlanIssue> issues = issuesFor(PlanStep::Domain, plan);
    QCOMPARE(issues.size(), count);
    QCOMPARE(hasErrors(issues), blocking);
}

// A plan saved by Handover before marks were typed (format 1.0, tests/core/fixtures): folders, the saved
// swagger file and the decisions (strings in scriptAudit) arrive as typed fields; unknown keys stay.
void TestMigrationPlan::scriptAuditMarksOfFormat10LoadTyped()
{
    const QString fixture =
        QStringLiteral(HANDOVER_TEST_DATA_DIR "/fixtures/scriptaudit-format-1.0.handover");
    const PlanLoadResult loaded = PlanFileStore::load(fixture);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    const ScriptAuditSection &audit = loaded.plan.scriptAudit;
    QCOMPARE(audit.folders,
             (QStringList{QStringLiteral("/src/deploy-scripts"), QStringLiteral("/src/pipelines")}));
    QCOMPARE(audit.swaggerFile, QStringLiteral("/src/new-server-swagger.json"));
    QCOMPARE(audit.marks.size(), 2);
    const AuditMark *fixed =
        audit.mark(QStringLiteral("/src/deploy-scripts/deploy.sh:3:secret:0123456789abcdef"));
    QVERIFY(fixed);
    QCOMPARE(fixed->kind, AuditMark::Kind::Fixed);
    QVERIFY(fixed->by.isEmpty()); // 1.0 did not record who and when
    QVERIFY(!fixed->at.isValid());
    const AuditMark *accepted =
        audit.mark(QStringLiteral("/src/pipelines/Jenkinsfile:12:legacy-cli:fedcba9876543210"));
    QVERIFY(accepted);
    QCOMPARE(accepted->kind, AuditMark::Kind::Accepted);
    QVERIFY(!audit.extra.contains(QStringLiteral("decisions")));
    QVERIFY(!audit.extra.contains(QStringLiteral("folders")));
    QCOMPARE(audit.extra.value(QStringLiteral("futureAuditKey")).toString(), QStringLiteral("kept as it is"));
    QVERIFY(audit.lastScan.has_value());
    QCOMPARE(audit.lastScan->files, 27);
    QCOMPARE(audit.lastScan->mentionsOfOldServer, 9);

    // Saved again, the marks are written typed and load back the same.
    const QString path = m_dir->filePath(QStringLiteral("upgraded.handover"));
    QVERIFY(!PlanFileStore::save(loaded.plan, path));
    const QJsonObject saved =
        QJsonDocument::fromJson(readAll(path)).object().value(QStringLiteral("scriptAudit")).toObject();
    QVERIFY(!saved.contains(QStringLiteral("decisions")));
    QCOMPARE(saved.value(QStringLiteral("marks")).toArray().size(), 2);
    const PlanLoadResult again = PlanFileStore::load(path);
    QVERIFY2(again.ok(), qPrintable(again.error.toDisplayString()));
    QCOMPARE(again.plan.scriptAudit, loaded.plan.scriptAudit);

    // A 1.0 decision with a status 1.0 did not know is dropped, as 1.0 dropped it.
    QJsonObject json = QJsonDocument::fromJson(readAll(fixture)).object();
    QJsonObject section = json.value(QStringLiteral("scriptAudit")).toObject();
    section.insert(QStringLiteral("decisions"), QJsonObject{{QStringLiteral("k"), QStringLiteral("maybe")}});
    json.insert(QStringLiteral("scriptAudit"), section);
    const PlanLoadResult odd = PlanFileStore::parse(QJsonDocument(json).toJson(), fixture);
    QVERIFY(odd.ok());
    QVERIFY(odd.plan.scriptAudit.marks.isEmpty());
}

void TestMigrationPlan::ciIntegrationRecordsRoundTripTyped()
{
    PlanData plan;
    plan.ciIntegrations.windowDays = 14;
    CiIntegrationRecord record;
    record.system = QStringLiteral("Jenkins");
    record.location = QStringLiteral("jenkins.corp.example");
    record.decision = CiIntegrationRecord::Decision::Repoint;
    record.owner = QStringLiteral("dana");
    record.notes = QStringLiteral("two controllers share the credential");
    record.status = CiIntegrationRecord::Status::Verified;
    record.repointedAt = QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC);
    record.verifiedAt = QDateTime(QDate(2026, 12, 2), QTime(8, 30, 0, 7), Qt::UTC);
    record.verifiedBy = QStringLiteral("1 build-information record(s) on the new server");
    record.extra.insert(QStringLiteral("ticket"), QStringLiteral("OPS-13"));
    plan.ciIntegrations.integrations.insert(QStringLiteral("jenkins:jenkins.corp.example"), record);
    const QString path = m_dir->filePath(QStringLiteral("ci.handover"));
    QVERIFY(!PlanFileStore::save(plan, path));

    const QJsonObject file = QJsonDocument::fromJson(readAll(path)).object();
    const QJsonObject section = file.value(QStringLiteral("ciIntegrations")).toObject();
    QCOMPARE(section.value(QStringLiteral("windowDays")).toInt(), 14);
    const QJsonObject written = section.value(QStringLiteral("integrations"))
                                    .toObject()
                                    .value(QStringLiteral("jenkins:jenkins.corp.example"))
                                    .toObject();
    QCOMPARE(written.value(QStringLiteral("decision")).toString(), QStringLiteral("repoint"));
    QCOMPARE(written.value(QStringLiteral("status")).toString(), QStringLiteral("verified"));
    QCOMPARE(written.value(QStringLiteral("verifiedAt")).toString(),
             QStringLiteral("2026-12-02T08:30:00.007Z"));
    QCOMPARE(written.value(QStringLiteral("ticket")).toString(), QStringLiteral("OPS-13"));

    PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.ciIntegrations, plan.ciIntegrations);

    // An unknown status is refused with the record named; an empty section (format 1.1) loads with defaults.
    QJsonObject json = file;
    QJsonObject broken = section;
    QJsonObject integrations = broken.value(QStringLiteral("integrations")).toObject();
    QJsonObject bad = written;
    bad.insert(QStringLiteral("status"), QStringLiteral("done-ish"));
    integrations.insert(QStringLiteral("jenkins:jenkins.corp.example"), bad);
    broken.insert(QStringLiteral("integrations"), integrations);
    json.insert(QStringLiteral("ciIntegrations"), broken);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(json).toJson());
    out.close();
    loaded = PlanFileStore::load(path);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error.toDisplayString().contains(QStringLiteral("jenkins:jenkins.corp.example")));

    json.insert(QStringLiteral("ciIntegrations"), QJsonObject());
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(json).toJson());
    out.close();
    loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.ciIntegrations.windowDays, 30);
    QVERIFY(loaded.plan.ciIntegrations.integrations.isEmpty());
}

void TestMigrationPlan::driftSectionRoundTripsAndOlderPlansLoad()
{
    PlanData plan;
    plan.drift.amberAfterDays = 2;
    plan.drift.redAfterDays = 5;
    plan.drift.structuralThreshold = 8;
    plan.drift.cloneTime = QDateTime(QDate(2026, 11, 30), QTime(22, 15, 0, 250), Qt::UTC);
    DriftSection::LastCheck check;
    check.at = QDateTime(QDate(2026, 12, 3), QTime(7, 0), Qt::UTC);
    check.cloneTime = plan.drift.cloneTime;
    check.cloneTimeGiven = true;
    check.state = QStringLiteral("amber");
    check.changesSinceClone = 41;
    check.changesOnClone = 3;
    check.structuralChanges = 6;
    plan.drift.lastCheck = check;
    const QString path = m_dir->filePath(QStringLiteral("drift.handover"));
    QVERIFY(!PlanFileStore::save(plan, path));
    const QJsonObject file = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(file.value(QStringLiteral("formatMinorVersion")).toInt(), 5);
    const QJsonObject section = file.value(QStringLiteral("drift")).toObject();
    QCOMPARE(section.value(QStringLiteral("redAfterDays")).toInt(), 5);
    QCOMPARE(section.value(QStringLiteral("cloneTime")).toString(),
             QStringLiteral("2026-11-30T22:15:00.250Z"));
    QCOMPARE(section.value(QStringLiteral("lastCheck"))
                 .toObject()
                 .value(QStringLiteral("cloneTimeSource"))
                 .toString(),
             QStringLiteral("given"));
    PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.drift, plan.drift);

    // A plan of format 1.2 has no "drift": it loads with the default budget and a detected clone time.
    QJsonObject json = file;
    json.remove(QStringLiteral("drift"));
    json.insert(QStringLiteral("formatMinorVersion"), 2);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(json).toJson());
    out.close();
    loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.drift, DriftSection());
    QCOMPARE(loaded.plan.drift.amberAfterDays, 3);
    QVERIFY(!loaded.plan.drift.cloneTime.isValid());

    // A budget that is not a number of days is refused, naming the section.
    QJsonObject broken = section;
    broken.insert(QStringLiteral("amberAfterDays"), QStringLiteral("three"));
    json.insert(QStringLiteral("drift"), broken);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(json).toJson());
    out.close();
    loaded = PlanFileStore::load(path);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error.toDisplayString().contains(QStringLiteral("drift")));
}

void TestMigrationPlan::scriptAuditMarksRoundTripTyped()
{
    PlanData plan;
    AuditMark mark;
    mark.findingKey = QStringLiteral("/srv/a.ps1:7:api-call:00ff00ff00ff00ff");
    mark.kind = AuditMark::Kind::Accepted;
    mark.by = QStringLiteral("dana");
    mark.at = QDateTime(QDate(2026, 12, 2), QTime(8, 0, 0, 5), Qt::UTC);
    mark.note = QStringLiteral("read-only call, still served");
    mark.extra.insert(QStringLiteral("ticket"), QStringLiteral("OPS-12"));
    plan.scriptAudit.marks = {mark};
    plan.scriptAudit.folders = {QStringLiteral("/srv")};
    const QString path = m_dir->filePath(QStringLiteral("marks.handover"));
    QVERIFY(!PlanFileStore::save(plan, path));

    const QJsonObject file = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(file.value(QStringLiteral("formatMinorVersion")).toInt(), PlanData::FormatMinorVersion);
    const QJsonObject written = file.value(QStringLiteral("scriptAudit"))
                                    .toObject()
                                    .value(QStringLiteral("marks"))
                                    .toArray()
                                    .first()
                                    .toObject();
    QCOMPARE(written.value(QStringLiteral("finding")).toString(), mark.findingKey);
    QCOMPARE(written.value(QStringLiteral("kind")).toString(), QStringLiteral("accepted"));
    QCOMPARE(written.value(QStringLiteral("by")).toString(), QStringLiteral("dana"));
    QCOMPARE(written.value(QStringLiteral("at")).toString(), QStringLiteral("2026-12-02T08:00:00.005Z"));
    QCOMPARE(written.value(QStringLiteral("note")).toString(), mark.note);
    QCOMPARE(written.value(QStringLiteral("ticket")).toString(), QStringLiteral("OPS-12"));

    PlanLoadResult loaded = PlanFileStore::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.scriptAudit, plan.scriptAudit);
    QCOMPARE(loaded.plan.scriptAudit.marks.first().at, mark.at);

    // A mark of a kind a newer Handover writes is kept as it is, and a bad mark is refused.
    QJsonObject json = file;
    QJsonObject section = json.value(QStringLiteral("scriptAudit")).toObject();
    QJsonArray marks = section.value(QStringLiteral("marks")).toArray();
    const QJsonObject future{{QStringLiteral("finding"), QStringLiteral("k2")},
                             {QStringLiteral("kind"), QStringLiteral("wont-fix")}};
    marks.append(future);
    section.insert(QStringLiteral("marks"), marks);
    json.insert(QStringLiteral("scriptAudit"), section);
    loaded = PlanFileStore::parse(QJsonDocument(json).toJson(), path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QCOMPARE(loaded.plan.scriptAudit.marks.size(), 1);
    QCOMPARE(loaded.plan.scriptAudit.otherMarks.size(), 1);
    QVERIFY(PlanFileStore::serialize(loaded.plan).contains("wont-fix"));
    marks.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("fixed")}}); // no finding
    section.insert(QStringLiteral("marks"), marks);
    json.insert(QStringLiteral("scriptAudit"), section);
    QVERIFY(!PlanFileStore::parse(QJsonDocument(json).toJson(), path).ok());
}

QTEST_GUILESS_MAIN(TestMigrationPlan)
#include "tst_migrationplan.moc"

void TestMigrationPlan::connectStepRefusesABadProxy_data()
{
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("system") << QString() << true;
    QTest::newRow("none") << QStringLiteral("none") << true;
    QTest::newRow("http") << QStringLiteral("http://proxy.corp.example:3128") << true;
    QTest::newRow("socks5 without port") << QStringLiteral("socks5://proxy.corp.example") << true;
    QTest::newRow("password") << QStringLiteral("http://me:secret@proxy.corp.example:3128") << false;
    QTest::newRow("https scheme") << QStringLiteral("https://proxy.corp.example") << false;
    QTest::newRow("words") << QStringLiteral("the usual one") << false;
}

void TestMigrationPlan::connectStepRefusesABadProxy()
{
    QFETCH(QString, proxy);
    QFETCH(bool, accepted);
    PlanData plan;
    plan.oldServer.url = QUrl(QStringLiteral("https://old.example.com"));
    plan.newServer.url = QUrl(QStringLiteral("https://new.example.com"));
    plan.oldServer.proxy = proxy;
    const QList<PlanIssue> issues = issuesFor(PlanStep::Connect, plan);
    QCOMPARE(issues.isEmpty(), accepted);
    if (!accepted) {
        QCOMPARE(issues.first().field, QStringLiteral("oldServer.proxy"));
        QVERIFY(!issues.first().message.contains(QLatin1String("secret")));
    }
}
