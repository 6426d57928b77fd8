// DriftController without widgets, against a real in-process octosim pair (one per test): the report of a
// fresh clone, drift growing with live refresh while the old instance changes, the clone's own changes
// apart, the budget applied to the last reading at once (the state crossing its thresholds), a given clone
// time, and the last check kept in the plan.
#include "driftcontroller.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestDriftController : public QObject
{
    Q_OBJECT
    NetworkContext m_network; // outlives every session's clients
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    std::unique_ptr<MigrationPlan> m_plan;
    std::unique_ptr<SessionCredentials> m_credentials;
    std::unique_ptr<ServerSession> m_session;
    std::unique_ptr<DriftController> m_controller;

    octosim::InstanceEndpoint endpoint(ServerRole role) const
    {
        return role == ServerRole::Old ? m_sim->oldInstance() : m_sim->newInstance();
    }

    bool driftOnClone(int count)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(endpoint(ServerRole::New).url.toString() +
                                     QStringLiteral("/octosim/drift?count=%1").arg(count)));
        request.setRawHeader("X-Octopus-ApiKey", endpoint(ServerRole::New).apiKey.toUtf8());
        QNetworkReply *reply = nam.post(request, QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    bool refresh()
    {
        QSignalSpy refreshing(m_controller.get(), &DriftController::refreshingChanged);
        m_controller->refresh();
        return QTest::qWaitFor([this] { return !m_controller->isRefreshing(); }, 60000) &&
               refreshing.size() == 2;
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
        m_controller = std::make_unique<DriftController>(m_plan.get(), m_session.get());
    }

    void cleanup()
    {
        m_controller.reset();
        m_session.reset();
        m_credentials.reset();
        m_plan.reset();
        m_sim.reset();
    }

    void freshCloneIsGreenAndTheCheckIsKeptInThePlan()
    {
        QVERIFY(m_controller->canRefresh());
        QVERIFY(!m_controller->hasReport());
        QVERIFY(refresh());
        QVERIFY2(m_controller->lastErrors().isEmpty(), "octosim answered every call");
        QVERIFY(m_controller->hasReport());
        const Drift::Report &r = m_controller->report();
        QVERIFY(r.cloneTime.isValid());
        QVERIFY(!r.cloneTimeGiven);
        QCOMPARE(r.oldServer.changes, 0);
        QCOMPARE(r.clone.changes, 0);
        QCOMPARE(r.state, Drift::State::Green);
        QVERIFY(m_plan->drift().lastCheck.has_value());
        QCOMPARE(m_plan->drift().lastCheck->state, QStringLiteral("green"));
        QCOMPARE(m_plan->drift().lastCheck->cloneTime, r.cloneTime);
    }

    void liveRefreshFollowsTheDriftAndTheBudgetAppliesAtOnce()
    {
        QSignalSpy reports(m_controller.get(), &DriftController::reportChanged);
        m_controller->setLive(true, 1000);
        QVERIFY(m_controller->isLive());
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->hasReport(), 30000);
        const QDateTime cloneTime = m_controller->report().cloneTime;
        QCOMPARE(m_controller->report().oldServer.changes, 0);

        m_sim->driftOldInstance(12);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->report().oldServer.changes >= 12, 30000);
        const int drift = m_controller->report().oldServer.changes;
        QCOMPARE(m_controller->report().cloneTime, cloneTime);
        QVERIFY(!m_controller->report().oldServer.objects.isEmpty());
        QVERIFY(m_controller->report().oldServer.structuralChanges > 0);
        QCOMPARE(m_controller->report().clone.changes, 0);

        QVERIFY(driftOnClone(2));
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->report().clone.changes >= 2, 30000);
        QCOMPARE(m_controller->report().oldServer.changes, drift);
        m_controller->setLive(false);
        QVERIFY(!m_controller->isLive());

        // A structural threshold below the edits: red at once, from the reading already there.
        const int structural = m_controller->report().oldServer.structuralChanges;
        Drift::Budget budget = m_controller->budget();
        budget.structuralThreshold = structural - 1;
        m_controller->setBudget(budget);
        QVERIFY(!m_controller->isRefreshing());
        QCOMPARE(m_controller->report().state, Drift::State::Red);
        QCOMPARE(m_controller->report().reason, Drift::StateReason::Structural);
        QCOMPARE(m_plan->drift().structuralThreshold, structural - 1);
        budget.structuralThreshold = structural;
        m_controller->setBudget(budget);
        QCOMPARE(m_controller->report().state, Drift::State::Green);
        QVERIFY(reports.size() >= 4);
    }

    void givenCloneTimeReadsAgainAndAgesTheClone()
    {
        QVERIFY(refresh());
        QCOMPARE(m_controller->report().state, Drift::State::Green);
        const QDateTime fourDaysAgo = QDateTime::currentDateTimeUtc().addDays(-4);
        QSignalSpy refreshing(m_controller.get(), &DriftController::refreshingChanged);
        m_controller->setGivenCloneTime(fourDaysAgo);
        QCOMPARE(m_plan->drift().cloneTime, fourDaysAgo);
        QTRY_VERIFY_WITH_TIMEOUT(refreshing.size() >= 2 && !m_controller->isRefreshing(), 30000);
        const Drift::Report &r = m_controller->report();
        QVERIFY(r.cloneTimeGiven);
        QCOMPARE(r.cloneTime, fourDaysAgo);
        QCOMPARE(r.state, Drift::State::Amber);
        QCOMPARE(r.clone.changes, 0); // the history both hold is neither server's drift
        QCOMPARE(m_plan->drift().lastCheck->state, QStringLiteral("amber"));
        Drift::Budget budget = m_controller->budget();
        budget.redAfterDays = 4;
        m_controller->setBudget(budget);
        QCOMPARE(m_controller->report().state, Drift::State::Red);
        QVERIFY(!Drift::adviceText(m_controller->report()).isEmpty());
    }
};

QTEST_MAIN(TestDriftController)
#include "tst_driftcontroller.moc"
