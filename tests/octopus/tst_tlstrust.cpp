// TLS: system trust first; an unverifiable certificate is described (never silently accepted); a pinned
// fingerprint is trusted exactly; a changed certificate is refused naming both fingerprints.
#include "apierrortext.h"
#include "apijob.h"
#include "clienttestsupport.h"
#include "networkcontext.h"
#include "octopusclient.h"
#include "testcertificates.h"
#include "testpeer.h"

#include <QSslCertificate>
#include <QTest>

#include <memory>
#include <optional>

namespace {

const QString kKey = QStringLiteral("API-TLSTESTKEY00000000000000002");

QString fingerprintOf(const char *pem)
{
    return CertificateInfo::fingerprintOf(QSslCertificate(QByteArray(pem), QSsl::Pem));
}

ConnectionSettings settingsFor(const QUrl &url)
{
    return loopbackSettings(url, kKey, ServerRole::New);
}

QString withColonsLowerCase(const QString &hex)
{
    return CertificateInfo::displayFingerprint(hex).toLower();
}

} // namespace

class TestTlsTrust : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private Q_SLOTS:
    void fingerprintsAreNormalised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString hex = fingerprintOf(kTestCertificateA);
        QTest::newRow("upper plain") << hex << hex;
        QTest::newRow("lower plain") << hex.toLower() << hex;
        QTest::newRow("colons") << CertificateInfo::displayFingerprint(hex) << hex;
        QTest::newRow("colons lower") << withColonsLowerCase(hex) << hex;
        QTest::newRow("too short") << hex.left(62) << QString();
        QTest::newRow("not hex") << QString(hex).replace(0, 1, QLatin1Char('Z')) << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void fingerprintsAreNormalised()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(CertificateInfo::normaliseFingerprint(input), expected);
    }

    void untrustedCertificateIsDescribedAndNoKeyIsSent()
    {
        TestPeer peer;
        QVERIFY(peer.listenTls(kTestCertificateA, kTestKeyA));
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->has_value());
        const ApiError &error = (*captured)->error;
        QCOMPARE(error.kind, ApiErrorKind::Tls);
        QCOMPARE(error.certificate.sha256, fingerprintOf(kTestCertificateA));
        QVERIFY(error.certificate.subject.contains(QStringLiteral("localhost")));
        QVERIFY(error.certificate.notAfter > QDateTime::currentDateTimeUtc());
        QVERIFY(!error.certificate.sslErrors.isEmpty());
        QCOMPARE((*captured)->attempts, 1); // TLS failures are not retried
        QCOMPARE(peer.requests.size(), 0);  // the handshake failed before any request (and key) left
        const QString text = ApiErrorText::describe(error);
        QVERIFY2(text.contains(CertificateInfo::displayFingerprint(fingerprintOf(kTestCertificateA))),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("new server")));
    }

    void pinnedCertificateIsTrusted_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("plain") << fingerprintOf(kTestCertificateA);
        QTest::newRow("colons lower") << withColonsLowerCase(fingerprintOf(kTestCertificateA));
    }
    void pinnedCertificateIsTrusted()
    {
        QFETCH(QString, pin);
        TestPeer peer(
            [](const PeerRequest &) { return PeerResponse::json(200, R"({"Version":"2023.1.1"})"); });
        QVERIFY(peer.listenTls(kTestCertificateA, kTestKeyA));
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        client.pinFingerprint(pin);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->has_value());
        QVERIFY2((*captured)->ok(), qPrintable(ApiErrorText::describe((*captured)->error)));
        QCOMPARE(peer.requests.size(), 1);
        QCOMPARE(peer.requests.first().headers.value("x-octopus-apikey"), kKey.toUtf8());
    }

    void consentThenPinThenSuccess()
    {
        TestPeer peer([](const PeerRequest &) { return PeerResponse::json(200, "{}"); });
        QVERIFY(peer.listenTls(kTestCertificateA, kTestKeyA));
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto first = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(first->has_value());
        QCOMPARE((*first)->error.kind, ApiErrorKind::Tls);
        // What the Connect page does after the user said yes to the prompt:
        client.pinFingerprint((*first)->error.certificate.sha256);
        auto second = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(second->has_value());
        QVERIFY((*second)->ok());
    }

    void changedCertificateIsRefusedWithBothFingerprints()
    {
        TestPeer peer;
        QVERIFY(peer.listenTls(kTestCertificateB, kTestKeyB));
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        client.pinFingerprint(fingerprintOf(kTestCertificateA));
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->has_value());
        const ApiError &error = (*captured)->error;
        QCOMPARE(error.kind, ApiErrorKind::TlsChanged);
        QCOMPARE(error.pinnedFingerprint, fingerprintOf(kTestCertificateA));
        QCOMPARE(error.certificate.sha256, fingerprintOf(kTestCertificateB));
        QCOMPARE(peer.requests.size(), 0);
        const QString text = ApiErrorText::describe(error);
        QVERIFY2(text.contains(CertificateInfo::displayFingerprint(fingerprintOf(kTestCertificateA))),
                 qPrintable(text));
        QVERIFY2(text.contains(CertificateInfo::displayFingerprint(fingerprintOf(kTestCertificateB))),
                 qPrintable(text));
    }

    void httpsToHttpRedirectIsRefused()
    {
        TestPeer plain;
        QVERIFY(plain.listenPlain());
        const QByteArray location = plain.url().toString().toUtf8() + "/api";
        TestPeer peer([&](const PeerRequest &) { return PeerResponse::redirect(302, location); });
        QVERIFY(peer.listenTls(kTestCertificateA, kTestKeyA));
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        client.pinFingerprint(fingerprintOf(kTestCertificateA));
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->has_value());
        QCOMPARE((*captured)->error.kind, ApiErrorKind::RedirectRefused);
        QCOMPARE((*captured)->error.message, QStringLiteral("https to http"));
        // A wrongly followed redirect would leave before the job finished; the probe sent now arrives after
        // it, so once the probe is answered it must be the only request the plain peer saw.
        QVERIFY(probe(plain, "/probe"));
        QCOMPARE(plain.requests.size(), 1);
        QCOMPARE(plain.requests.first().target, QByteArray("/probe"));
    }
};

QTEST_GUILESS_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"
