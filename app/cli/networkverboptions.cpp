#include "networkverboptions.h"

#include "certificateinfo.h"
#include "connectionsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>

NetworkVerbOptions::NetworkVerbOptions()
    : m_timeout(QStringLiteral("timeout"),
                QCoreApplication::translate("NetworkVerb", "Connect and transfer timeout in seconds."),
                QStringLiteral("SECONDS"))
    , m_trust(QStringLiteral("trust-fingerprint"),
              QCoreApplication::translate(
                  "NetworkVerb", "Trust a TLS certificate with this SHA-256 fingerprint (repeatable)."),
              QStringLiteral("SHA256"))
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
    return {};
}

void NetworkVerbOptions::applyTo(ConnectionSettings *settings) const
{
    if (m_timeoutSeconds > 0)
        settings->setTimeoutSeconds(m_timeoutSeconds);
    for (const QString &pin : m_pins)
        settings->pinnedFingerprints.insert(pin);
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
