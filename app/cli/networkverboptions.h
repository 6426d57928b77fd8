#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;
class QUrl;
struct ApiError;
struct ConnectionSettings;
enum class ServerRole;

// The options every verb that talks to a server shares: --timeout SECONDS, --trust-fingerprint SHA256
// (repeatable; hex with or without colons, any case) and --proxy URL|none (default: the system's settings).
class NetworkVerbOptions
{
public:
    NetworkVerbOptions();

    QList<QCommandLineOption> options() const { return {m_timeout, m_trust, m_proxy}; }

    // After QCommandLineParser::parse(). Returns an empty string when both options are valid, else a
    // translated one-line reason (the caller reports it as a usage error, exit 2).
    QString read(const QCommandLineParser &parser);

    // The timeout and pinned fingerprints read above, for one server's connection.
    void applyTo(ConnectionSettings *settings) const;

    // One server's connection: its URL, key and role, with the options above applied.
    ConnectionSettings settingsFor(const QUrl &url, const QString &apiKey, ServerRole role) const;

    // --proxy as given (trimmed): "" the system's settings, "none", or a proxy URL. What a plan keeps.
    QString proxySetting() const { return m_proxySetting; }

    // --new-host: "octopus.example.com", "https://octopus.example.com/", "10.0.0.5" -> the host; empty when
    // unusable ("host:port" too: a port has its own option).
    static QString parseHost(const QString &value);

    // An error after which nothing more can be read from that server (unreachable, TLS, a refused key, a
    // broken or failing server). A 403 on one collection is not: the key may lack one permission only.
    static bool serverUnusable(const ApiError &error);

private:
    QCommandLineOption m_timeout;
    QCommandLineOption m_trust;
    QCommandLineOption m_proxy;
    int m_timeoutSeconds = 0;
    QStringList m_pins;
    QString m_proxySetting;
};
