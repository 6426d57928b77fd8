// CiIntegrationsController without widgets, against a real in-process octosim pair (one per test): the rows
// from both servers' evidence, the counts the Domain step shows, repointed -> verified only on new-server
// evidence newer than the mark, decisions kept in the plan, the still-talking watch, and the exports.
#include "ciintegrationscontroller.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestCiIntegrationsController : public QObject
{
    Q_OBJECT
    NetworkContext m_network; // outlives every session's clients
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    std::unique_ptr<MigrationPlan> m_plan;
    std::unique_ptr<SessionCredentials> m_credentials;
    std::unique_ptr<ServerSession> m_session;
    std::unique_ptr<CiIntegrationsController> m_controller;

    octosim::InstanceEndpoint endpoint(ServerRole role) const
    {
        return role == ServerRole::Old ? m_sim->oldInstance() : m_sim->newInstance();
    }

    // A build pushed the way the Jenkins plug-in pushes it (build details nested in OctopusBuildInformation).
    int pushBuild(ServerRole role, const QString &host, int build)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(
            QUrl(endpoint(role).url.toString() + QStringLiteral("/api/Spaces-1/build-information")));
        request.setRawHeader("X-Octopus-ApiKey", endpoint(role).apiKey.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          QStringLiteral("OctopusClient-dotnet/11.6.3644 (Linux 5.15; x64) Jenkins octo"));
        const QJsonObject body{
            {QStringLiteral("PackageId"), QStringLiteral("Acme.Handover.Test")},
            {QStringLiteral("Version"), QStringLiteral("9.9.%1").arg(build)},
            {QStringLiteral("OctopusBuildInformation"),
             QJsonObject{{QStringLiteral("BuildEnvironment"), QStringLiteral("Jenkins")},
                         {QStringLiteral("BuildNumber"), QString::number(build)},
                         {QStringLiteral("BuildUrl"),
                          QStringLiteral("https://%1/job/handover/%2/").arg(host).arg(build)}}}};
        QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    bool refresh()
    {
        QSignalSpy refreshing(m_controller.get(), &CiIntegrationsController::refreshingChanged);
        m_controller->refresh();
        return QTest::qWaitFor([this] { return !m_controller->isRefreshing(); }, 60000) &&
               refreshing.size() == 2;
    }

    const CiIntegrations::Integration *rowOf(const QString &system)
    {
        for (const CiIntegrations::Integration &row : m_controller->integrations()) {
            if (row.system == system)
                return &row;
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<octosim::OctoSimServer>(octosim::Options{});
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_plan = std::make_unique<MigrationPlan>();
        m_credentials = std::make_unique<SessionCredentials>();
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            m_plan->setServerUrl(role, endpoint(role).url);
            m_credentials->setApiKey(role, endpoint(role).apiKey);
        }
        m_session = std::make_unique<ServerSession>(m_plan.get(), m_credentials.get(), &m_network);
        m_controller = std::make_unique<CiIntegrationsController>(m_plan.get(), m_session.get());
    }

    void cleanup()
    {
        m_controller.reset();
        m_session.reset();
        m_credentials.reset();
        m_plan.reset();
        m_sim.reset();
    }

    void refreshGroupsBothServersAndRecordsTheCounts()
    {
        QVERIFY(m_controller->canRefresh());
        QVERIFY(m_controller->integrations().isEmpty());
        QVERIFY(refresh());
        QVERIFY2(m_controller->lastErrors().isEmpty(), "octosim answered every call");
        const QList<CiIntegrations::Integration> &rows = m_controller->integrations();
        QVERIFY(rows.size() >= 5);
        const CiIntegrations::Integration *jenkins = rowOf(QStringLiteral("Jenkins"));
        QVERIFY(jenkins);
        QVERIFY(jenkins->lastSeenOld.isValid());
        QVERIFY(!jenkins->lastSeenNew.isValid()); // the clone's inherited history is the old server's
        const CiIntegrationsSection &section = m_plan->ciIntegrations();
        QVERIFY(section.lastRefreshAt.isValid());
        QCOMPARE(section.talkingToOld, int(rows.size()));
        QCOMPARE(section.notVerified, int(rows.size()));
    }

    void repointedIsVerifiedOnlyByNewEvidenceAfterTheMark()
    {
        QVERIFY(refresh());
        const CiIntegrations::Integration *jenkins = rowOf(QStringLiteral("Jenkins"));
        QVERIFY(jenkins);
        const QString id = jenkins->id;
        const QString host = jenkins->location;

        // A build on the new server before the mark proves nothing about the repoint.
        QCOMPARE(pushBuild(ServerRole::New, host, 1), 201);
        const QDateTime pushed = QDateTime::currentDateTimeUtc();
        // The mark must be later than that build's Created (millisecond times).
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > pushed; }, 1000));
        QSignalSpy records(m_controller.get(), &CiIntegrationsController::recordsChanged);
        m_controller->markRepointed({id});
        QCOMPARE(records.size(), 1);
        QCOMPARE(m_controller->record(id).status, CiIntegrationRecord::Status::Repointed);
        QCOMPARE(m_controller->record(id).decision, CiIntegrationRecord::Decision::Repoint);
        QVERIFY(m_plan->ciIntegrations().integrations.contains(id));
        QVERIFY(refresh());
        QCOMPARE(m_controller->record(id).status, CiIntegrationRecord::Status::Repointed);
        QVERIFY(rowOf(QStringLiteral("Jenkins"))->lastSeenNew.isValid()); // seen, but before the mark

        // A build after the mark verifies it, with that evidence.
        QCOMPARE(pushBuild(ServerRole::New, host, 2), 201);
        QVERIFY(refresh());
        const CiIntegrationRecord verified = m_controller->record(id);
        QCOMPARE(verified.status, CiIntegrationRecord::Status::Verified);
        QVERIFY(verified.verifiedAt > verified.repointedAt);
        // The newest evidence after the mark is the second build: its build-information record or the event
        // the server wrote for it (a millisecond apart, either may be newer).
        QVERIFY2(verified.verifiedBy.contains(QLatin1String("/job/handover/2/")) ||
                     (verified.verifiedBy.contains(QLatin1String("BuildInformation")) &&
                      verified.verifiedBy.contains(QLatin1String("9.9.2"))),
                 qPrintable(verified.verifiedBy));
        QCOMPARE(m_plan->ciIntegrations().notVerified, m_plan->ciIntegrations().talkingToOld - 1);

        // Back to pending clears the proof.
        m_controller->clearRepointed({id});
        QCOMPARE(m_controller->record(id).status, CiIntegrationRecord::Status::Pending);
        QVERIFY(!m_controller->record(id).verifiedAt.isValid());
    }

    void decisionsOwnersAndNotesLiveInThePlan()
    {
        QVERIFY(refresh());
        const QString id = m_controller->integrations().first().id;
        m_controller->setDecision(id, CiIntegrationRecord::Decision::Retire);
        m_controller->setOwner(id, QStringLiteral("  dana "));
        m_controller->setNotes(id, QStringLiteral("switched off after cutover"));
        const CiIntegrationRecord record = m_plan->ciIntegrations().integrations.value(id);
        QCOMPARE(record.decision, CiIntegrationRecord::Decision::Retire);
        QCOMPARE(record.owner, QStringLiteral("dana"));
        QCOMPARE(record.notes, QStringLiteral("switched off after cutover"));
        QCOMPARE(record.system, m_controller->integrations().first().system);

        // A record whose evidence is gone stays a row.
        CiIntegrationsSection section = m_plan->ciIntegrations();
        CiIntegrationRecord manual;
        manual.system = QStringLiteral("Bitbucket Pipelines");
        manual.location = QStringLiteral("acme/legacy");
        section.integrations.insert(QStringLiteral("bitbucket-pipelines:acme/legacy"), manual);
        m_plan->setCiIntegrations(section);
        QVERIFY(refresh());
        QVERIFY(m_controller->integration(QStringLiteral("bitbucket-pipelines:acme/legacy")));

        // Added by hand: a row with a manual piece of evidence, counted as a caller, removable.
        const int before = m_plan->ciIntegrations().talkingToOld;
        const QString manualId =
            m_controller->addManual(QStringLiteral("CircleCI"), QStringLiteral("acme-org"));
        QCOMPARE(manualId, QStringLiteral("manual:circleci:acme-org"));
        QVERIFY(m_controller->addManual(QStringLiteral("  "), QStringLiteral("x")).isEmpty());
        const CiIntegrations::Integration *manualRow = m_controller->integration(manualId);
        QVERIFY(manualRow);
        QCOMPARE(manualRow->evidence.size(), 1);
        QCOMPARE(manualRow->evidence.first().kind, CiIntegrations::Evidence::Kind::Manual);
        QVERIFY(refresh());
        QCOMPARE(m_plan->ciIntegrations().talkingToOld, before + 1);
        m_controller->removeManual(manualId);
        QVERIFY(!m_controller->integration(manualId));
        m_controller->removeManual(m_controller->integrations().first().id); // not manual: stays
        QVERIFY(m_plan->ciIntegrations().integrations.contains(id));
    }

    void stillTalkingListsWhatTheOldServerSawSince()
    {
        QSignalSpy changed(m_controller.get(), &CiIntegrationsController::stillTalkingChanged);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        QCOMPARE(pushBuild(ServerRole::Old, QStringLiteral("jenkins-straggler.acme.internal"), 3), 201);
        m_controller->startWatching(since.addSecs(-1), 1000);
        QVERIFY(m_controller->isWatching());
        QVERIFY(QTest::qWaitFor([this] { return m_controller->stillTalkingReadAt().isValid(); }, 30000));
        bool straggler = false;
        for (const CiIntegrations::Integration &row : m_controller->stillTalking()) {
            QVERIFY(row.lastSeenOld >= since.addSecs(-1));
            straggler |= row.location == QLatin1String("jenkins-straggler.acme.internal");
        }
        QVERIFY(straggler);
        // Re-read while watching.
        const QDateTime firstRead = m_controller->stillTalkingReadAt();
        QVERIFY(QTest::qWaitFor([&] { return m_controller->stillTalkingReadAt() > firstRead; }, 10000));
        m_controller->stopWatching();
        QVERIFY(!m_controller->isWatching());
    }

    void exportsCarryTheDecisionsAndNoKey()
    {
        QVERIFY(refresh());
        const QString id = m_controller->integrations().first().id;
        m_controller->setOwner(id, QStringLiteral("dana"));
        QTemporaryDir dir;
        QString error;
        const QString csv = dir.filePath(QStringLiteral("ci.csv"));
        const QString md = dir.filePath(QStringLiteral("ci.md"));
        QVERIFY2(m_controller->exportTo(csv, false, &error), qPrintable(error));
        QVERIFY2(m_controller->exportTo(md, true, &error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvText = csvFile.readAll();
        QCOMPARE(csvText.count('\n'), m_controller->integrations().size() + 1);
        QVERIFY(csvText.contains(id.toUtf8()));
        QVERIFY(csvText.contains("dana"));
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QByteArray mdText = mdFile.readAll();
        QVERIFY(mdText.startsWith("# "));
        QVERIFY(mdText.contains("| dana |"));
        QVERIFY(mdText.contains("Manage Jenkins"));
        for (const QByteArray &text : {csvText, mdText}) {
            QVERIFY(!text.contains(endpoint(ServerRole::Old).apiKey.toUtf8()));
            QVERIFY(!text.contains("API-"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCiIntegrationsController)
#include "tst_ciintegrationscontroller.moc"
