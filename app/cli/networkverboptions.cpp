#include "networkverboptions.h"

#include "apierror.h"
#include "certificateinfo.h"
#include "connectionsettings.h"
#include "proxysetting.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

NetworkVerbOptions::NetworkVerbOptions()
    : m_timeout(QStringLiteral("timeout"),
                QCoreApplication::translate("NetworkVerb", "Connect and transfer timeout in seconds."),
                QStringLiteral("SECONDS"))
    , m_trust(QStringLiteral("trust-fingerprint"),
              QCoreApplication::translate(
                  "NetworkVerb", "Trust a TLS certificate with this SHA-256 fingerprint (repeatable)."),
              QStringLiteral("SHA256"))
    , m_proxy(QStringLiteral("proxy"),
              QCoreApplication::translate("NetworkVerb",
                                          "Reach the servers through this proxy (http://HOST:PORT, "
                                          "socks5://HOST:PORT) or none; default: the system's proxy settings "
                                          "(https_proxy, http_proxy, no_proxy)."),
              QStringLiteral("URL"))
{}

QString NetworkVerbOptions::read(const QCommandLineParser &parser)
{
    if (parser.isSet(m_timeout)) {
        bool ok = false;
        m_timeoutSeconds = parser.value(m_timeout).toInt(&ok);
        if (!ok || m_timeoutSeconds <= 0)
            return QCoreApplication::translate("NetworkVerb", "--timeout needs a positive number of seconds");
    }
    m_pins.clear();
    for (const QString &value : parser.values(m_trust)) {
        const QString pin = CertificateInfo::normaliseFingerprint(value);
        if (pin.isEmpty())
            return QCoreApplication::translate(
                       "NetworkVerb", "'%1' is not a SHA-256 fingerprint (64 hex digits, colons allowed)")
                .arg(value);
        m_pins.append(pin);
    }
    m_proxySetting.clear();
    if (parser.isSet(m_proxy)) {
        ProxySetting proxy;
        QString reason;
        if (!ProxySetting::parse(parser.value(m_proxy), &proxy, &reason))
            return QStringLiteral("--proxy: ") + reason;
        m_proxySetting = parser.value(m_proxy).trimmed();
    }
    return {};
}

void NetworkVerbOptions::applyTo(ConnectionSettings *settings) const
{
    if (m_timeoutSeconds > 0)
        settings->setTimeoutSeconds(m_timeoutSeconds);
    for (const QString &pin : m_pins)
        settings->pinnedFingerprints.insert(pin);
    settings->proxy = m_proxySetting;
}

ConnectionSettings NetworkVerbOptions::settingsFor(const QUrl &url, const QString &apiKey,
                                                   ServerRole role) const
{
    ConnectionSettings settings;
    settings.baseUrl = url;
    settings.apiKey = apiKey;
    settings.role = role;
    applyTo(&settings);
    return settings;
}

bool NetworkVerbOptions::serverUnusable(const ApiError &error)
{
    switch (error.kind) {
    case ApiErrorKind::Unreachable:
    case ApiErrorKind::Timeout:
    case ApiErrorKind::Tls:
    case ApiErrorKind::TlsChanged:
    case ApiErrorKind::Unauthorized:
    case ApiErrorKind::RedirectRefused:
    case ApiErrorKind::BadResponse:
    case ApiErrorKind::ServerError:
        return true;
    default:
        return false;
    }
}

QString NetworkVerbOptions::parseHost(const QString &value)
{
    QString text = value.trimmed();
    if (text.contains(QLatin1String("://")))
        text = QUrl(text).host();
    if (text.isEmpty() || text.size() > 253 || text.count(QLatin1Char(':')) == 1)
        return {}; // "host:port": the polling port has its own option
    for (const QChar c : text) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') ||
              c == QLatin1Char(':') || c == QLatin1Char('[') || c == QLatin1Char(']') ||
              c == QLatin1Char('_')))
            return {};
    }
    return text;
}
