#pragma once

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>

// A small HTTP(S) client for the octosim tests: real sockets, keep-alive, one request at a time,
// waiting through QSignalSpy (no fixed sleeps). TLS certificates are trusted by pinned SHA-256 digest.
class OctoSimTestClient
{
public:
    struct Response
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QJsonDocument json;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        qint64 elapsedMs = 0;
        bool finished = false;

        QJsonObject object() const { return json.object(); }
        QJsonArray array() const { return json.array(); }
    };

    enum class KeyIn
    {
        Header,
        Query,
        Bearer,
        None
    };

    // thumbprint: upper-case hex SHA-256 of the server certificate to accept (HTTPS only).
    void pin(const QString &thumbprint) { m_pins.insert(thumbprint); }
    // Sent as it is when set; QNetworkAccessManager then hands the body over without decoding it.
    void setAcceptEncoding(const QByteArray &value) { m_acceptEncoding = value; }

    Response send(const QByteArray &method, const QUrl &url, const QString &key = QString(),
                  KeyIn keyIn = KeyIn::Header, const QByteArray &body = QByteArray(),
                  const QString &queryKeyName = QStringLiteral("apikey"))
    {
        QUrl target = url;
        if (keyIn == KeyIn::Query && !key.isEmpty()) {
            QUrlQuery query(target);
            query.addQueryItem(queryKeyName, key);
            target.setQuery(query);
        }
        QNetworkRequest request(target);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(30000);
        if (keyIn == KeyIn::Header && !key.isEmpty())
            request.setRawHeader("X-Octopus-ApiKey", key.toLatin1());
        if (keyIn == KeyIn::Bearer && !key.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + key.toLatin1());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!m_acceptEncoding.isEmpty())
            request.setRawHeader("Accept-Encoding", m_acceptEncoding);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QObject::connect(
            reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &errors) {
                const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                const QString digest =
                    QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex().toUpper());
                if (m_pins.contains(digest))
                    reply->ignoreSslErrors(errors);
            });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Response response;
        response.finished = reply->isFinished() || finished.wait(60000);
        response.elapsedMs = timer.elapsed();
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.error = reply->error();
        response.body = reply->readAll();
        response.json = QJsonDocument::fromJson(response.body);
        for (const auto &[name, value] : reply->rawHeaderPairs())
            response.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return response;
    }

    Response get(const QUrl &url, const QString &key = QString(), KeyIn keyIn = KeyIn::Header)
    {
        return send("GET", url, key, keyIn);
    }

    QNetworkAccessManager &manager() { return m_manager; }

private:
    QNetworkAccessManager m_manager;
    QByteArray m_acceptEncoding;
    QSet<QString> m_pins;
};

inline QUrl at(const QUrl &base, const QString &pathAndQuery)
{
    return QUrl(base.toString() + pathAndQuery);
}
