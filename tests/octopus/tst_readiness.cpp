// Readiness against octosim: every check id, the un-reset clone, unusable servers, live updates, the
// refresh timer, TLS consent through the trust service, and the changed-certificate refusal.
#include "apijob.h"
#include "certificatetrustservice.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "readinesschecker.h"
#include "readinessmodel.h"
#include "readinessrules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

const QStringList kAllIds = {QStringLiteral("old.reachable"),
                             QStringLiteral("old.version"),
                             QStringLiteral("old.health"),
                             QStringLiteral("old.nodes"),
                             QStringLiteral("old.maintenance"),
                             QStringLiteral("old.key"),
                             QStringLiteral("old.tasks"),
                             QStringLiteral("new.reachable"),
                             QStringLiteral("new.version"),
                             QStringLiteral("new.health"),
                             QStringLiteral("new.nodes"),
                             QStringLiteral("new.maintenance"),
                             QStringLiteral("new.key"),
                             QStringLiteral("new.tasks"),
                             QStringLiteral("version-match"),
                             QStringLiteral("installation-id-differs"),
                             QStringLiteral("certificate-thumbprint-same"),
                             QStringLiteral("clone-safe")};

ReadinessCheck find(const QList<ReadinessCheck> &checks, const QString &id)
{
    for (const ReadinessCheck &check : checks) {
        if (check.id == id)
            return check;
    }
    return {};
}

class AnsweringTrustService : public CertificateTrustService
{
public:
    explicit AnsweringTrustService(bool answer)
        : m_answer(answer)
    {}
    void askTrust(const QString &serverDescription, const CertificateInfo &certificate,
                  std::function<void(bool)> answer) override
    {
        asked.append(certificate);
        descriptions.append(serverDescription);
        answer(m_answer);
    }
    QList<CertificateInfo> asked;
    QStringList descriptions;

private:
    bool m_answer;
};

struct Pair
{
    NetworkContext networkContext; // first: outlives the clients
    OctoSimFixture sim;
    std::unique_ptr<OctopusClient> oldClient;
    std::unique_ptr<OctopusClient> newClient;
    std::unique_ptr<ReadinessModel> oldModel;
    std::unique_ptr<ReadinessModel> newModel;
    std::unique_ptr<ReadinessChecker> checker;

    bool start(const octosim::Options &options = {})
    {
        if (!sim.start(options))
            return false;
        build(sim.settings(ServerRole::Old), sim.settings(ServerRole::New));
        return true;
    }
    void build(const ConnectionSettings &o, const ConnectionSettings &n)
    {
        oldClient = std::make_unique<OctopusClient>(o, &networkContext);
        newClient = std::make_unique<OctopusClient>(n, &networkContext);
        oldModel = std::make_unique<ReadinessModel>(oldClient.get(), ServerRole::Old);
        newModel = std::make_unique<ReadinessModel>(newClient.get(), ServerRole::New);
        oldModel->setInterval(0);
        newModel->setInterval(0);
        checker = std::make_unique<ReadinessChecker>(oldModel.get(), newModel.get());
    }
    bool refreshBoth()
    {
        QSignalSpy oldDone(oldModel.get(), &ReadinessModel::refreshed);
        QSignalSpy newDone(newModel.get(), &ReadinessModel::refreshed);
        oldModel->refresh();
        newModel->refresh();
        return (oldDone.size() > 0 || oldDone.wait(10000)) && (newDone.size() > 0 || newDone.wait(10000));
    }
};

} // namespace

class TestReadiness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healthyPairHasEveryCheckAndNoFailure()
    {
        Pair pair;
        QVERIFY2(pair.start(), qPrintable(pair.sim.error));
        QVERIFY(pair.refreshBoth());
        const QList<ReadinessCheck> checks = pair.checker->checks(true);
        QStringList ids;
        for (const ReadinessCheck &check : checks) {
            ids.append(check.id);
            QVERIFY2(check.status == ReadinessCheck::Status::Pass ||
                         check.status == ReadinessCheck::Status::Warn,
                     qPrintable(check.id + QStringLiteral(": ") + check.message));
            QVERIFY(!check.message.isEmpty());
        }
        QCOMPARE(ids, kAllIds);
        QCOMPARE(find(checks, QStringLiteral("installation-id-differs")).status,
                 ReadinessCheck::Status::Pass);
        QCOMPARE(find(checks, QStringLiteral("certificate-thumbprint-same")).status,
                 ReadinessCheck::Status::Pass);
        QCOMPARE(find(checks, QStringLiteral("version-match")).status, ReadinessCheck::Status::Pass);
        QVERIFY(pair.oldModel->lastChecked().isValid());
        QVERIFY(!pair.oldModel->facts().version.isEmpty());
        QVERIFY(pair.newModel->facts().enabledTargets.has_value());
    }

    void unresetCloneFailsTheInstallationIdCheck()
    {
        octosim::Options options;
        options.unresetClone = true;
        Pair pair;
        QVERIFY2(pair.start(options), qPrintable(pair.sim.error));
        QVERIFY(pair.refreshBoth());
        const ReadinessCheck check =
            find(pair.checker->checks(true), QStringLiteral("installation-id-differs"));
        QCOMPARE(check.status, ReadinessCheck::Status::Fail);
        QVERIFY(check.message.contains(pair.oldModel->facts().installationId));
        QCOMPARE(pair.checker->status(), ReadinessCheck::Status::Fail);
    }

    void wrongKeyMakesTheServerUnusable_data()
    {
        QTest::addColumn<bool>("oldBroken");
        QTest::newRow("old") << true;
        QTest::newRow("new") << false;
    }
    void wrongKeyMakesTheServerUnusable()
    {
        QFETCH(bool, oldBroken);
        Pair pair;
        QVERIFY(pair.sim.start());
        ConnectionSettings o = pair.sim.settings(ServerRole::Old);
        ConnectionSettings n = pair.sim.settings(ServerRole::New);
        (oldBroken ? o : n).apiKey = QStringLiteral("API-WRONGWRONGWRONGWRONGWRONG0");
        pair.build(o, n);
        QVERIFY(pair.refreshBoth());
        const QList<ReadinessCheck> checks = pair.checker->checks(true);
        const QString id = oldBroken ? QStringLiteral("old.reachable") : QStringLiteral("new.reachable");
        const ReadinessCheck reachable = find(checks, id);
        QCOMPARE(reachable.status, ReadinessCheck::Status::Fail);
        QVERIFY2(reachable.message.contains((oldBroken ? o : n).baseUrl.toString()),
                 qPrintable(reachable.message));
        QVERIFY2(reachable.message.contains(QStringLiteral("API key")), qPrintable(reachable.message));
        for (const ReadinessCheck &check : checks)
            QVERIFY2(check.status != ReadinessCheck::Status::Pending, qPrintable(check.id));
    }

    void checksAppearLiveThenComplete()
    {
        Pair pair;
        QVERIFY(pair.start());
        QSignalSpy changed(pair.checker.get(), &ReadinessChecker::changed);
        pair.oldModel->refresh();
        QCOMPARE(find(pair.checker->checks(), QStringLiteral("old.reachable")).status,
                 ReadinessCheck::Status::Pending);
        QSignalSpy refreshed(pair.oldModel.get(), &ReadinessModel::refreshed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(changed.size() > 3, qPrintable(QString::number(changed.size())));
        QVERIFY(pair.oldModel->hasResult());
        QVERIFY(!pair.oldModel->isRefreshing());
    }

    void timerRefreshesAndKeepsTheLastResultMeanwhile()
    {
        Pair pair;
        QVERIFY(pair.start());
        pair.oldModel->setInterval(200);
        QSignalSpy refreshed(pair.oldModel.get(), &ReadinessModel::refreshed);
        pair.oldModel->start();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 10000);
        const QDateTime first = pair.oldModel->lastChecked();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 3, 10000);
        QVERIFY(pair.oldModel->lastChecked() >= first);
        // While a timer refresh runs, the strip keeps the last complete result.
        QVERIFY(pair.oldModel->facts().complete);
        pair.oldModel->stop();
    }

    void maintenanceModeOnTheCloneWarns()
    {
        Pair pair;
        QVERIFY(pair.start());
        ApiRequest put;
        put.method = "PUT";
        put.path = QStringLiteral("/api/maintenanceconfiguration");
        put.body = QJsonDocument(QJsonObject{{QStringLiteral("IsInMaintenanceMode"), true}}).toJson();
        QSignalSpy done(pair.newClient->send(put), &ApiJob::finished);
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().first().value<ApiResult>().ok());
        QVERIFY(pair.refreshBoth());
        QCOMPARE(find(pair.checker->checks(true), QStringLiteral("new.maintenance")).status,
                 ReadinessCheck::Status::Warn);
        QCOMPARE(find(pair.checker->checks(true), QStringLiteral("old.maintenance")).status,
                 ReadinessCheck::Status::Pass);
    }

    // The key's reach is a fact of the readiness checks (the Connect page shows them): an administrator's
    // key passes; a read-only key says what it can see and what it cannot, by Octopus permission name.
    void keyCheckSaysWhatTheKeyCanAndCannotSee()
    {
        Pair pair;
        QVERIFY(pair.sim.start());
        ConnectionSettings n = pair.sim.settings(ServerRole::New);
        n.apiKey = pair.sim.endpoint(ServerRole::New).readOnlyApiKey;
        pair.build(pair.sim.settings(ServerRole::Old), n);
        QVERIFY(pair.refreshBoth());
        const ReadinessCheck admin = find(pair.checker->checks(true), QStringLiteral("old.key"));
        QCOMPARE(admin.status, ReadinessCheck::Status::Pass);
        const ReadinessCheck readOnly = find(pair.checker->checks(true), QStringLiteral("new.key"));
        QCOMPARE(readOnly.status, ReadinessCheck::Status::Warn);
        QVERIFY2(readOnly.message.contains(QLatin1String("ops.readonly")), qPrintable(readOnly.message));
        for (const char *missing : {"TaskCreate", "MachineEdit", "AdministerSystem", "UserView"})
            QVERIFY2(readOnly.message.contains(QLatin1String(missing)), qPrintable(readOnly.message));
        QVERIFY2(!readOnly.message.contains(QLatin1String("MachineView")), qPrintable(readOnly.message));
        QVERIFY(pair.newModel->facts().permissions->contains(QStringLiteral("MachineView")));
    }

    // IsOffline is only in /api/octopusservernodes/summary. A database clone lists the old server's nodes
    // there, offline and with the same names: the clone-safe check says so, with the guide's advice, until
    // they are deleted.
    void cloneStillListingTheOldNodesIsFlagged()
    {
        Pair pair;
        QVERIFY(pair.start());
        QVERIFY(pair.refreshBoth());
        const ServerFacts &oldFacts = pair.oldModel->facts();
        const ServerFacts &newFacts = pair.newModel->facts();
        QVERIFY(oldFacts.nodes.has_value() && newFacts.nodes.has_value());
        QCOMPARE(oldFacts.nodes->size(), 1);
        const QString oldNode = oldFacts.nodes->first().name;
        QVERIFY(!oldFacts.nodes->first().offline);
        QString inheritedId;
        for (const ServerFacts::Node &node : *newFacts.nodes) {
            if (node.name == oldNode) {
                QVERIFY(node.offline);
                QVERIFY(node.lastSeen.isValid());
                inheritedId = node.id;
            }
        }
        QVERIFY(!inheritedId.isEmpty());
        ReadinessCheck check = find(pair.checker->checks(true), QStringLiteral("clone-safe"));
        QCOMPARE(check.status, ReadinessCheck::Status::Warn);
        QVERIFY2(check.message.contains(oldNode), qPrintable(check.message));
        QVERIFY2(check.message.contains(QLatin1String("OctopusServerNode")), qPrintable(check.message));
        QCOMPARE(find(pair.checker->checks(true), QStringLiteral("new.nodes")).status,
                 ReadinessCheck::Status::Warn);

        ApiRequest remove;
        remove.method = "DELETE";
        remove.path = QStringLiteral("/api/octopusservernodes/") + inheritedId;
        QSignalSpy removed(pair.newClient->send(remove), &ApiJob::finished);
        QVERIFY(removed.wait(5000));
        QVERIFY(removed.first().first().value<ApiResult>().ok());
        QVERIFY(pair.refreshBoth());
        check = find(pair.checker->checks(true), QStringLiteral("clone-safe"));
        QVERIFY2(!check.message.contains(oldNode), qPrintable(check.message));
        QCOMPARE(find(pair.checker->checks(true), QStringLiteral("new.nodes")).status,
                 ReadinessCheck::Status::Pass);
    }

    // A task being cancelled still runs until it stops: the task check counts it as running.
    void cancellingTaskCountsAsRunning()
    {
        Pair pair;
        QVERIFY(pair.start());
        ApiRequest create;
        create.method = "POST";
        create.path = QStringLiteral("/api/Spaces-1/tasks");
        create.body = "{\"Name\":\"Health\",\"SpaceId\":\"Spaces-1\",\"Arguments\":{}}";
        QSignalSpy created(pair.oldClient->send(create), &ApiJob::finished);
        QVERIFY(created.wait(5000));
        const QString id =
            created.first().first().value<ApiResult>().json.object().value(QLatin1String("Id")).toString();
        QVERIFY(!id.isEmpty());
        auto state = [&pair, &id] {
            QSignalSpy got(pair.oldClient->get(QStringLiteral("/api/tasks/") + id), &ApiJob::finished);
            got.wait(5000);
            return got.isEmpty() ? QString()
                                 : got.first()
                                       .first()
                                       .value<ApiResult>()
                                       .json.object()
                                       .value(QLatin1String("State"))
                                       .toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("Executing"), 5000);
        ApiRequest cancel;
        cancel.method = "POST";
        cancel.path = QStringLiteral("/api/tasks/%1/cancel").arg(id);
        QSignalSpy cancelled(pair.oldClient->send(cancel), &ApiJob::finished);
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(state(), QStringLiteral("Cancelling"));
        QVERIFY(pair.refreshBoth());
        const ServerFacts &facts = pair.oldModel->facts();
        QVERIFY(facts.runningTasks.has_value());
        // Still Cancelling when counted (octosim keeps it so for the task's remaining run time).
        if (state() == QLatin1String("Cancelling"))
            QCOMPARE(*facts.runningTasks, 1);
        QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("Canceled"), 5000);
    }

    void tlsConsentPinsTheCertificate_data()
    {
        QTest::addColumn<bool>("consent");
        QTest::newRow("trusted") << true;
        QTest::newRow("refused") << false;
    }
    void tlsConsentPinsTheCertificate()
    {
        QFETCH(bool, consent);
        octosim::Options options;
        options.tls = true;
        Pair pair;
        QVERIFY2(pair.start(options), qPrintable(pair.sim.error));
        AnsweringTrustService service(consent);
        pair.oldModel->setTrustService(&service);
        QSignalSpy trusted(pair.oldModel.get(), &ReadinessModel::fingerprintTrusted);
        QSignalSpy refreshed(pair.oldModel.get(), &ReadinessModel::refreshed);
        pair.oldModel->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= (consent ? 2 : 1), 10000);
        QCOMPARE(service.asked.size(), 1);
        const QString expected = pair.sim.endpoint(ServerRole::Old).thumbprint;
        QCOMPARE(service.asked.first().sha256, CertificateInfo::normaliseFingerprint(expected));
        QVERIFY(service.descriptions.first().contains(QStringLiteral("old server")));
        if (consent) {
            QCOMPARE(trusted.size(), 1);
            QVERIFY(pair.oldModel->facts().reachable.value_or(false));
            QVERIFY(pair.oldClient->settings().pinnedFingerprints.contains(service.asked.first().sha256));
        } else {
            QCOMPARE(trusted.size(), 0);
            QCOMPARE(pair.oldModel->facts().reachError.kind, ApiErrorKind::Tls);
            // Asked once per fingerprint: a second refresh does not ask again.
            pair.oldModel->refresh();
            QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 10000);
            QCOMPARE(service.asked.size(), 1);
        }
    }

    void pinnedServerPresentingAnotherCertificateIsRefused()
    {
        octosim::Options options;
        options.tls = true;
        Pair pair;
        QVERIFY2(pair.start(options), qPrintable(pair.sim.error));
        ConnectionSettings n = pair.sim.settings(ServerRole::New);
        const QString wrongPin = QString(64, QLatin1Char('A'));
        n.pinnedFingerprints.insert(wrongPin);
        pair.build(pair.sim.settings(ServerRole::Old), n);
        QVERIFY(pair.refreshBoth());
        const ApiError error = pair.newModel->facts().reachError;
        QCOMPARE(error.kind, ApiErrorKind::TlsChanged);
        const ReadinessCheck check = find(pair.checker->checks(true), QStringLiteral("new.reachable"));
        QCOMPARE(check.status, ReadinessCheck::Status::Fail);
        QVERIFY2(check.message.contains(CertificateInfo::displayFingerprint(wrongPin)),
                 qPrintable(check.message));
        QVERIFY2(check.message.contains(CertificateInfo::displayFingerprint(
                     CertificateInfo::normaliseFingerprint(pair.sim.endpoint(ServerRole::New).thumbprint))),
                 qPrintable(check.message));
    }

    void versionRuleComparesMajorMinor_data()
    {
        QTest::addColumn<QString>("oldVersion");
        QTest::addColumn<QString>("newVersion");
        QTest::addColumn<int>("status");
        QTest::newRow("same build") << "2023.1.9626"
                                    << "2023.1.9626" << int(ReadinessCheck::Status::Pass);
        QTest::newRow("other build") << "2023.1.9626"
                                     << "2023.1.10001" << int(ReadinessCheck::Status::Pass);
        QTest::newRow("other minor") << "2023.1.9626"
                                     << "2023.2.1" << int(ReadinessCheck::Status::Warn);
        QTest::newRow("other major") << "2022.1.2386"
                                     << "2023.1.2386" << int(ReadinessCheck::Status::Warn);
        QTest::newRow("pre-release") << "2020.5.0-rc.4"
                                     << "2020.5.1" << int(ReadinessCheck::Status::Pass);
        QTest::newRow("garbage") << "x"
                                 << "2020.5.1" << int(ReadinessCheck::Status::Warn);
    }
    void versionRuleComparesMajorMinor()
    {
        QFETCH(QString, oldVersion);
        QFETCH(QString, newVersion);
        QFETCH(int, status);
        ServerFacts o;
        ServerFacts n;
        o.version = oldVersion;
        n.version = newVersion;
        QCOMPARE(int(find(ReadinessRules::pairChecks(o, n, true), QStringLiteral("version-match")).status),
                 status);
    }
};

QTEST_GUILESS_MAIN(TestReadiness)
#include "tst_readiness.moc"
