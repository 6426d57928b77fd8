// TentaclesController without widgets, against a real in-process octosim pair (one per test, so that the
// deployments and re-points of one test do not leak into another): the new server's thumbprint, the
// Calamari churn check, the verification flow after a simulated re-point, and the upgrade-lock candidates
// that are computed once per new-server inventory.
#include "democontrols.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "serversession.h"
#include "sessioncredentials.h"
#include "tentaclescontroller.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestTentaclesController : public QObject
{
    Q_OBJECT
    NetworkContext m_network; // outlives every session's clients
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    std::unique_ptr<MigrationPlan> m_plan;
    std::unique_ptr<SessionCredentials> m_credentials;
    std::unique_ptr<ServerSession> m_session;
    std::unique_ptr<TentaclesController> m_controller;

    octosim::InstanceEndpoint endpoint(ServerRole role) const
    {
        return role == ServerRole::Old ? m_sim->oldInstance() : m_sim->newInstance();
    }

    // A request straight to octosim, not through the client under test.
    QJsonObject rawRequest(ServerRole role, const QByteArray &method, const QString &path,
                           const QJsonObject &body = {})
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(endpoint(role).url.toString() + path));
        request.setRawHeader("X-Octopus-ApiKey", endpoint(role).apiKey.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply =
            method == "POST" ? nam.post(request, QJsonDocument(body).toJson()) : nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(10000))
            qWarning("no answer from octosim for %s", qPrintable(path));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 201)
            qWarning("octosim answered %d for %s", status, qPrintable(path));
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    bool takeInventory()
    {
        m_session->takeInventory();
        return QTest::qWaitFor(
            [this] {
                return m_session->inventory(ServerRole::Old).has_value() &&
                       m_session->inventory(ServerRole::New).has_value() && !m_session->isTakingInventory();
            },
            30000);
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
        m_session->setDemo(true);
        m_controller = std::make_unique<TentaclesController>(m_plan.get(), m_session.get());
    }

    void cleanup()
    {
        m_controller.reset();
        m_session.reset();
        m_credentials.reset();
        m_plan.reset();
        m_sim.reset();
    }

    void thumbprintIsFetchedOnceFromTheNewServer()
    {
        const QString expected =
            rawRequest(ServerRole::New, "GET",
                       QStringLiteral("/api/configuration/certificates/certificate-global"))
                .value(QLatin1String("Thumbprint"))
                .toString();
        QCOMPARE(expected.size(), 40);
        QVERIFY(m_controller->thumbprint().isEmpty());
        QVERIFY(m_controller->commandOptions().serverThumbprint.isEmpty());

        QSignalSpy changed(m_controller.get(), &TentaclesController::thumbprintChanged);
        m_controller->fetchThumbprint();
        QVERIFY(m_controller->isFetchingThumbprint());
        m_controller->fetchThumbprint(); // no second request while one is under way
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
        QCOMPARE(changed.first().first().toString(), expected);
        QCOMPARE(m_controller->thumbprint(), expected);
        QVERIFY(!m_controller->isFetchingThumbprint());
        QCOMPARE(m_controller->commandOptions().serverThumbprint, expected);
        m_controller->fetchThumbprint(); // known: nothing to do
        QVERIFY(!m_controller->isFetchingThumbprint());

        // Another new server: the old thumbprint is forgotten.
        m_credentials->setApiKey(ServerRole::New, endpoint(ServerRole::New).readOnlyApiKey);
        QTRY_VERIFY(m_controller->thumbprint().isEmpty());
        QCOMPARE(changed.size(), 2);
    }

    void commandOptionsFollowThePlan()
    {
        DomainDecision domain;
        domain.choice = DomainDecision::Choice::NewName;
        domain.newPublicUrl = QUrl(QStringLiteral("https://octopus-new.example.com"));
        m_plan->setDomain(domain);
        QCOMPARE(m_controller->commandOptions().newHost, QStringLiteral("octopus-new.example.com"));
        domain.newPublicUrl = QUrl();
        m_plan->setDomain(domain);
        QCOMPARE(m_controller->commandOptions().newHost, endpoint(ServerRole::New).url.host());
    }

    void calamariChurnIsCheckedOncePerInventory_data()
    {
        QTest::addColumn<bool>("deployBoth");
        QTest::newRow("no deployments since the clone") << false;
        QTest::newRow("both servers deployed to one environment") << true;
    }
    void calamariChurnIsCheckedOncePerInventory()
    {
        QFETCH(bool, deployBoth);
        if (deployBoth) {
            for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
                const QJsonObject body{
                    {QStringLiteral("EnvironmentId"), QStringLiteral("Environments-1")},
                    {QStringLiteral("ProjectId"), QStringLiteral("Projects-1")},
                    {QStringLiteral("Created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
                QVERIFY(
                    !rawRequest(role, "POST", QStringLiteral("/api/Spaces-1/deployments"), body).isEmpty());
            }
        }
        QVERIFY(!m_controller->isCalamariChurnKnown());
        QSignalSpy checked(m_controller.get(), &TentaclesController::calamariChurnChecked);
        QVERIFY(takeInventory());
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
        QVERIFY(m_controller->isCalamariChurnKnown());
        QVERIFY(!m_controller->isCheckingCalamariChurn());
        QCOMPARE(m_controller->calamariChurn().size(), deployBoth ? 1 : 0);
        if (deployBoth) {
            const CalamariChurnGroup &group = m_controller->calamariChurn().first();
            QVERIFY(!group.machineIds.isEmpty());
            QVERIFY(group.lastOld.isValid());
            QVERIFY(group.lastNew.isValid());
        }
        // The same inventory again: no second check.
        m_controller->checkCalamariChurn();
        QVERIFY(!m_controller->isCheckingCalamariChurn());
        QCOMPARE(checked.size(), 1);
    }

    void demoControlsExistOnlyInDemoMode()
    {
        QPointer<DemoControls> controls = m_session->demoControls();
        QVERIFY(controls);
        m_session->setDemo(true);
        QCOMPARE(m_session->demoControls(), controls.data()); // not made twice
        m_session->setDemo(false);
        QVERIFY(!m_session->demoControls());
        QTRY_VERIFY(controls.isNull());
        m_session->setDemo(true);
        QVERIFY(m_session->demoControls());

        // Without a new server to tell, the answer is an error value, and still asynchronous.
        m_credentials->setApiKey(ServerRole::New, QString());
        QSignalSpy simulated(m_session->demoControls(), &DemoControls::repointSimulated);
        m_session->demoControls()->simulateRepoint({QStringLiteral("Machines-1")});
        QCOMPARE(simulated.size(), 0);
        QTRY_COMPARE(simulated.size(), 1);
        const ApiError error = simulated.first().at(1).value<ApiError>();
        QCOMPARE(error.kind, ApiErrorKind::Unreachable);
        QCOMPARE(error.server, std::optional<ServerRole>(ServerRole::New));
        QCOMPARE(error.path, QStringLiteral("/octosim/control/repoint"));
    }

    void verificationGoesFromPendingToVerifiedAfterASimulatedRepoint()
    {
        QVERIFY(takeInventory());
        const QList<TentacleMachine> machines = m_controller->machines();
        QVERIFY(machines.size() >= 3);
        for (const TentacleMachine &m : machines)
            QVERIFY(m.isPolling());
        const QString a = machines.at(0).id;
        const QString b = machines.at(1).id;
        const QString c = machines.at(2).id;

        // Two Tentacles ran their re-point command (octosim is told so), and the lead marks them.
        DemoControls *demo = m_session->demoControls();
        QVERIFY(demo);
        QSignalSpy simulated(demo, &DemoControls::repointSimulated);
        demo->simulateRepoint({a, b});
        QTRY_COMPARE_WITH_TIMEOUT(simulated.size(), 1, 10000);
        QCOMPARE(simulated.first().at(0).toStringList(), QStringList({a, b}));
        QVERIFY(!simulated.first().at(1).value<ApiError>().isError());

        QSignalSpy marks(m_controller.get(), &TentaclesController::marksChanged);
        QCOMPARE(m_controller->markRepointed({a, b, QStringLiteral("Machines-nope")}), QStringList({a, b}));
        QCOMPARE(marks.size(), 1);
        QCOMPARE(m_plan->tentacles().machines.size(), 2);
        QCOMPARE(m_plan->tentacles().machines.value(a).verification, TentacleMark::Verification::Pending);
        QVERIFY(m_plan->tentacles().machines.value(a).repointedAt.isValid());
        QCOMPARE(m_plan->tentacles().machines.value(a).spaceId, machines.at(0).spaceId);

        // The clone's inventory says Healthy for the polling Tentacles the old server reached: the old
        // database's value, not an answer to the new server. The controller does not offer it as one.
        for (const TentacleMachine &m : machines)
            QVERIFY2(m_controller->newServerHealth().value(m.id).isEmpty(), qPrintable(m.id));

        // Verify a, b and the untouched c.
        QSignalSpy started(m_controller.get(), &TentaclesController::verificationStarted);
        QSignalSpy progress(m_controller.get(), &TentaclesController::verificationProgress);
        QSignalSpy checked(m_controller.get(), &TentaclesController::machineVerified);
        QSignalSpy finished(m_controller.get(), &TentaclesController::verificationFinished);
        m_controller->verify({a, b, c});
        QVERIFY(m_controller->isVerifying());
        QCOMPARE(m_controller->verifyingIds(), QStringList({a, b, c}));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).toInt(), 3);
        m_controller->verify({a}); // one run at a time
        QCOMPARE(started.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(!m_controller->isVerifying());
        QCOMPARE(checked.size(), 3);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 3);
        const QList<QVariant> &end = finished.first();
        QCOMPARE(end.at(0).toStringList(), QStringList({a, b, c}));
        QVERIFY(!end.at(1).value<ApiError>().isError());
        QCOMPARE(end.at(2).toInt(), 2); // verified
        QCOMPARE(end.at(3).toInt(), 0); // failed: c was never marked, and the new server agrees

        for (const QString &id : {a, b}) {
            const TentacleMark mark = m_plan->tentacles().machines.value(id);
            QCOMPARE(mark.verification, TentacleMark::Verification::Verified);
            QCOMPARE(mark.healthStatus, QStringLiteral("Healthy"));
            QVERIFY(mark.checkedAt.isValid());
            QVERIFY(m_controller->verifyResults().value(id).verified);
        }
        QCOMPARE(m_controller->newServerHealth().value(a),
                 QStringLiteral("Healthy")); // fresh, from the check
        QVERIFY(!m_plan->tentacles().machines.contains(c));
        QVERIFY(!m_controller->mark(c).has_value());
        QVERIFY(m_controller->verifyResults().contains(c));
        QVERIFY(!m_controller->verifyResults().value(c).verified);

        // Marked but not re-pointed: not reached.
        m_controller->markRepointed({c});
        m_controller->verify({c});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.last().at(3).toInt(), 1);
        QCOMPARE(m_plan->tentacles().machines.value(c).verification, TentacleMark::Verification::Failed);

        // Cancelled: finishes once, with Cancelled, and nothing is verifying any more.
        QStringList all;
        for (const TentacleMachine &m : machines)
            all << m.id;
        m_controller->verify(all);
        QVERIFY(m_controller->isVerifying());
        m_controller->cancelVerification();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
        QCOMPARE(finished.last().at(1).value<ApiError>().kind, ApiErrorKind::Cancelled);
        QVERIFY(!m_controller->isVerifying());
        QCOMPARE(m_plan->tentacles().machines.value(a).verification, TentacleMark::Verification::Verified);
    }

    void upgradeLockCandidatesAreComputedOncePerNewInventory()
    {
        QSignalSpy computed(m_controller.get(), &TentaclesController::upgradeLockCandidatesChanged);
        QVERIFY(m_controller->upgradeLockCandidates().isEmpty());
        QVERIFY(!m_controller->canLockUpgrades());
        QVERIFY(takeInventory());
        QCOMPARE(computed.size(), 1);

        // The same set an independent reading of the new inventory gives.
        QSet<QString> expected;
        for (const QList<InventoryMachine> *list : {&m_session->inventory(ServerRole::New)->targets,
                                                    &m_session->inventory(ServerRole::New)->workers}) {
            for (const InventoryMachine &m : *list) {
                if (m.upgradeSuggested && !m.upgradeLocked &&
                    (m.communicationStyle == QLatin1String("TentacleActive") ||
                     m.communicationStyle == QLatin1String("TentaclePassive")))
                    expected.insert(m.id);
            }
        }
        QVERIFY(!expected.isEmpty());
        QSet<QString> candidates;
        for (const UpgradeLockTarget &t : m_controller->upgradeLockCandidates())
            candidates.insert(t.id);
        QCOMPARE(candidates, expected);
        QCOMPARE(m_controller->upgradeLockCandidateNames().size(), expected.size());
        QVERIFY(m_controller->canLockUpgrades());

        // Reading them, checking churn, and a new old-server inventory do not recompute them.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_controller->upgradeLockCandidates().size(), expected.size());
        m_controller->checkCalamariChurn();
        m_session->setInventory(ServerRole::Old, *m_session->inventory(ServerRole::Old));
        QCOMPARE(computed.size(), 1);

        // Locking them changes the new inventory: computed once more, and nothing is left.
        QSignalSpy locked(m_controller.get(), &TentaclesController::upgradesLocked);
        m_controller->lockUpgrades();
        QVERIFY(m_controller->isLockingUpgrades());
        QVERIFY(!m_controller->canLockUpgrades());
        QTRY_COMPARE_WITH_TIMEOUT(locked.size(), 1, 30000);
        const QStringList changed = locked.first().at(0).toStringList();
        QCOMPARE(QSet<QString>(changed.begin(), changed.end()), expected);
        QVERIFY(locked.first().at(1).value<QList<ApiError>>().isEmpty());
        QCOMPARE(computed.size(), 2);
        QVERIFY(m_controller->upgradeLockCandidates().isEmpty());
        QVERIFY(!m_controller->canLockUpgrades());
        QVERIFY(!m_controller->isLockingUpgrades());
    }
};

QTEST_GUILESS_MAIN(TestTentaclesController)
#include "tst_tentaclescontroller.moc"
