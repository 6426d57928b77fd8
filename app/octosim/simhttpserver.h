#pragma once

#include "apirouter.h"
#include "faultinjector.h"

#include <QAbstractHttpServer>

namespace octosim {

// QHttpServer's request parsing and keep-alive handling, with every request answered by one handler
// that writes the HTTP/1.1 response itself: the faults need the raw socket (reset, truncate, slow...).
class SimHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    SimHttpServer(InstanceState &state, const QList<FaultSpec> &faults, bool verbose,
                  QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

public:
    // Kestrel's default KestrelServerLimits.MaxRequestLineSize: method, target, version and CRLF.
    static constexpr qsizetype kMaxRequestLineBytes = 8 * 1024;

private:
    static QByteArray maskedTarget(const QByteArray &path, const QUrlQuery &query);

    InstanceState &m_state;
    ApiRouter m_router;
    FaultInjector m_faults;
    bool m_verbose;
};

} // namespace octosim
