#pragma once

#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QString>
#include <QUrl>

// Which proxy a client's requests go through, from one setting (ProxySetting: ConnectionSettings::proxy,
// `--proxy`, the Connect page):
//   ""                   the system's configuration: the desktop's proxy settings or the environment
//                        (https_proxy, http_proxy, no_proxy), as Qt's system proxy factory reads them;
//                        a loopback host is always reached directly, as Qt does for its global proxy;
//   "none" or "direct"   no proxy, whatever the system says;
//   "http://HOST:PORT"   that HTTP proxy (CONNECT tunnels for https) for every request, loopback included;
//   "socks5://HOST:PORT" likewise through SOCKS5.
// Installed on each client's QNetworkAccessManager; answers are kept per scheme, host and port.
class NetworkProxyPolicy : public QNetworkProxyFactory
{
public:
    explicit NetworkProxyPolicy(const QString &setting);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // Reads a setting (ProxySetting::parse). `proxy` gets the explicit proxy, NoProxy for "none",
    // DefaultProxy for the system.
    static bool parse(const QString &setting, QNetworkProxy *proxy, QString *reason);

    // The proxies a request to `url` would try, in order (what queryProxy answers); for tests and diagnostics.
    static QList<QNetworkProxy> proxiesFor(const QString &setting, const QUrl &url);

    static bool isLoopbackHost(const QString &host);

private:
    QNetworkProxy m_proxy; // DefaultProxy: ask the system
    QHash<QString, QList<QNetworkProxy>> m_systemAnswers;
};
