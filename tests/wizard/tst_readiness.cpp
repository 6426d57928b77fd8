// The readiness strip and the Connect step's live checks against in-process octosim, offscreen:
// lights per server, details with the time of the last check, the un-reset clone, TLS consent through the
// trust service (and the pin remembered), and the keychain consent when no keychain is available.
#include "certificatetrustservice.h"
#include "connectiontestpanel.h"
#include "keychainstore.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "readinesscontroller.h"
#include "readinessmodel.h"
#include "readinessstrip.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {

// This program stages "no keychain": before main() runs, and so before anything opens a D-Bus connection,
// the session bus address points at a socket that does not exist. The keychain tests (tests/keychain) cover
// the case with a real secret service; here even a desktop session or dev.sh's private bus stays out of
// reach.
const bool kNoSessionBus = [] {
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/handover-tst-readiness-no-bus");
    return true;
}();

class AnsweringTrustService : public CertificateTrustService
{
public:
    void askTrust(const QString &, const CertificateInfo &certificate,
                  std::function<void(bool)> answer) override
    {
        asked.append(certificate.sha256);
        answer(true);
    }
    QStringList asked;
};

struct Window
{
    explicit Window(QSettings *settings)
        : settings(settings)
    {}

    NetworkContext network; // first: outlives the session's clients
    QSettings *settings;
    octosim::OctoSimServer *sim = nullptr;
    MigrationPlan plan;
    SessionCredentials credentials;
    std::unique_ptr<ServerSession> session;
    std::unique_ptr<ReadinessController> controller;
    ReadinessStrip strip;

    void open()
    {
        session = std::make_unique<ServerSession>(&plan, &credentials, &network);
        controller = std::make_unique<ReadinessController>(session.get(), &plan, &credentials, settings);
    }
    void connectTo(octosim::OctoSimServer *server)
    {
        sim = server;
        open();
        controller->setInterval(0);
        controller->setStrip(&strip);
        plan.setServerUrl(ServerRole::Old, server->oldInstance().url);
        plan.setServerUrl(ServerRole::New, server->newInstance().url);
        credentials.setApiKey(ServerRole::Old, server->oldInstance().apiKey);
        credentials.setApiKey(ServerRole::New, server->newInstance().apiKey);
    }
};

} // namespace

class TestReadinessStrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }

    void lightsFollowTheChecks_data()
    {
        QTest::addColumn<bool>("unresetClone");
        QTest::newRow("healthy pair") << false;
        QTest::newRow("un-reset clone") << true;
    }
    void lightsFollowTheChecks()
    {
        QFETCH(bool, unresetClone);
        octosim::Options options;
        options.unresetClone = unresetClone;
        octosim::OctoSimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        Window window(m_settings.get());
        window.connectTo(&server);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.controller->model(ServerRole::Old) && window.controller->model(ServerRole::New), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.controller->model(ServerRole::Old)->hasResult() &&
                                     window.controller->model(ServerRole::New)->hasResult(),
                                 15000);
        const auto oldLight = window.strip.light(ServerRole::Old);
        QVERIFY2(oldLight == ReadinessStrip::Light::Ready || oldLight == ReadinessStrip::Light::Warning,
                 qPrintable(ReadinessStrip::lightName(oldLight)));
        if (unresetClone) {
            QCOMPARE(window.strip.light(ServerRole::New), ReadinessStrip::Light::Blocked);
        } else {
            QVERIFY(window.strip.light(ServerRole::New) != ReadinessStrip::Light::Blocked);
        }
        QWidget *oldItem = window.strip.findChild<QWidget *>(QStringLiteral("readinessOld"));
        QVERIFY(oldItem);
        QVERIFY2(oldItem->toolTip().contains(QStringLiteral("Last check")), qPrintable(oldItem->toolTip()));
        QVERIFY(oldItem->toolTip().contains(QStringLiteral("old.reachable")));
        QWidget *newItem = window.strip.findChild<QWidget *>(QStringLiteral("readinessNew"));
        QCOMPARE(newItem->toolTip().contains(QStringLiteral("✖ installation-id-differs")), unresetClone);
        // A click shows the same details at once (a tooltip, no modal dialog).
        QTest::mouseClick(oldItem, Qt::LeftButton);
    }

    void editingUrlsWhileRequestsAreInFlightNeverStalls()
    {
        // Every answer takes 1.5 s, so the readiness checks are still in flight when the URLs change: each
        // edit replaces the session's client for that server. The GUI thread keeps ticking throughout.
        octosim::Options options;
        octosim::FaultSpec slow;
        slow.instance = QStringLiteral("both");
        slow.pathRegex = QStringLiteral("^/api");
        slow.kind = QStringLiteral("latency");
        slow.argument = QStringLiteral("1500");
        options.faults.append(slow);
        octosim::OctoSimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        Window window(m_settings.get());
        window.connectTo(&server);
        QTRY_VERIFY_WITH_TIMEOUT(window.controller->model(ServerRole::Old) != nullptr, 5000);
        QVERIFY(!window.controller->model(ServerRole::Old)->hasResult()); // still waiting for answers

        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer meter;
        meter.setInterval(5);
        connect(&meter, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = std::max(longestGap, now - last);
            last = now;
            ++ticks;
        });
        meter.start();
        const QUrl oldUrl = server.oldInstance().url;
        const QUrl newUrl = server.newInstance().url;
        for (int edit = 0; edit < 8; ++edit) {
            const bool odd = edit % 2 == 1;
            // Another spelling of the same server each time: a new client, the old one with requests in
            // flight.
            window.plan.setServerUrl(ServerRole::Old,
                                     odd ? oldUrl : QUrl(oldUrl.toString() + QLatin1Char('/')));
            window.plan.setServerUrl(ServerRole::New,
                                     odd ? newUrl : QUrl(newUrl.toString() + QLatin1Char('/')));
            const int before = ticks;
            QTRY_VERIFY_WITH_TIMEOUT(ticks >= before + 4, 5000); // the event loop ran on after the edit
        }
        meter.stop();
        QVERIFY2(longestGap < 50, qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(longestGap)));
    }

    void testConnectionShowsEveryCheck()
    {
        octosim::OctoSimServer server{octosim::Options{}};
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        Window window(m_settings.get());
        window.connectTo(&server);
        KeychainStore keychain(QStringLiteral("handover-test-readiness"));
        ConnectionTestPanel panel(window.controller.get(), &window.plan, &window.credentials, &keychain);
        panel.show();
        auto *button = panel.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
        auto *list = panel.findChild<QListWidget *>(QStringLiteral("connectionChecksList"));
        QVERIFY(button && list);
        QTRY_VERIFY_WITH_TIMEOUT(window.controller->model(ServerRole::New) != nullptr, 5000);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 18, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < list->count(); ++i) {
                    if (list->item(i)->data(Qt::UserRole + 1).toString() == QLatin1String("pending"))
                        return false;
                }
                return true;
            }(),
            15000);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("old.reachable"));
        QCOMPARE(list->item(0)->data(Qt::UserRole + 1).toString(), QStringLiteral("pass"));
    }

    void keychainConsentSaysWhenNothingWasStored()
    {
        octosim::OctoSimServer server{octosim::Options{}};
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        Window window(m_settings.get());
        window.connectTo(&server);
        KeychainStore keychain(QStringLiteral("handover-test-readiness"));
        ConnectionTestPanel panel(window.controller.get(), &window.plan, &window.credentials, &keychain);
        auto *remember = panel.findChild<QCheckBox *>(QStringLiteral("rememberKeysCheckBox"));
        auto *status = panel.findChild<QLabel *>(QStringLiteral("keychainStatusLabel"));
        QVERIFY(remember && status);
        remember->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("unavailable")), 10000);
        QVERIFY(status->text().contains(QStringLiteral("nothing was stored")));
    }

    void untrustedCertificateIsPutToTheUserAndRemembered()
    {
        octosim::Options options;
        options.tls = true;
        octosim::OctoSimServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        AnsweringTrustService trust;
        Window window(m_settings.get());
        window.open();
        window.controller->setInterval(0);
        window.controller->setTrustService(&trust);
        window.controller->setStrip(&window.strip);
        window.plan.setServerUrl(ServerRole::Old, server.oldInstance().url);
        window.credentials.setApiKey(ServerRole::Old, server.oldInstance().apiKey);
        QTRY_VERIFY_WITH_TIMEOUT(window.controller->model(ServerRole::Old) != nullptr, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(trust.asked.size(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.controller->model(ServerRole::Old)->facts().reachable.value_or(false),
                                 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.strip.light(ServerRole::Old) != ReadinessStrip::Light::Blocked, 5000);
        // Remembered for this URL: a new session pins it before the first request, and nobody is asked again.
        AnsweringTrustService second;
        Window again(m_settings.get());
        again.open();
        again.controller->setInterval(0);
        again.controller->setTrustService(&second);
        again.plan.setServerUrl(ServerRole::Old, server.oldInstance().url);
        again.credentials.setApiKey(ServerRole::Old, server.oldInstance().apiKey);
        QTRY_VERIFY_WITH_TIMEOUT(again.controller->model(ServerRole::Old) != nullptr, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(again.controller->model(ServerRole::Old)->hasResult(), 15000);
        QVERIFY(again.controller->model(ServerRole::Old)->facts().reachable.value_or(false));
        QCOMPARE(second.asked.size(), 0);
        // Remembered in the settings the window was handed, not in a global store.
        m_settings->beginGroup(QStringLiteral("trustedCertificates"));
        const QStringList servers = m_settings->childKeys();
        const QStringList pins =
            servers.isEmpty() ? QStringList() : m_settings->value(servers.first()).toStringList();
        m_settings->endGroup();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(pins, trust.asked);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_MAIN(TestReadinessStrip)
#include "tst_readiness.moc"
