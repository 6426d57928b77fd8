#pragma once

#include "instancestate.h"
#include "octosimserver.h"

#include <QList>
#include <QRegularExpression>

class QTcpSocket;

namespace octosim {

// The --fault rules of one instance, and the code that writes a reply to the socket the way each
// fault kind demands: latency:MS, status:CODE[:RETRY_AFTER], reset, truncate, badjson,
// slow:BYTES_PER_S, huge:MB, redirect:URL. Rules match the request path plus query string.
class FaultInjector
{
public:
    explicit FaultInjector(const QList<FaultSpec> &faults);

    // Total latency of the matching latency rules, in milliseconds.
    int latencyFor(const QByteArray &target) const;
    // The first matching rule that is not a latency rule, or nullptr.
    const FaultSpec *faultFor(const QByteArray &target) const;

    // Writes reply (after applying fault, if any) to the socket. keepAlive false closes afterwards. The body
    // is compressed when the request's Accept-Encoding allows gzip or deflate (see contentEncodingFor), except
    // for the `huge` fault, whose padding always goes out as it is. Says what it queued for the wire.
    struct Delivery
    {
        qint64 bytes = 0;
        bool compressed = false;
    };
    static Delivery deliver(QTcpSocket *socket, ApiReply reply, const FaultSpec *fault, bool keepAlive,
                            bool headOnly, const QByteArray &acceptEncoding = QByteArray());

    // "gzip" or "deflate" when Accept-Encoding allows one of them (gzip preferred; q=0 refuses), else empty.
    static QByteArray contentEncodingFor(const QByteArray &acceptEncoding);
    // The body in that encoding (zlib, fastest level, like a server's dynamic compression); empty on failure.
    static QByteArray compress(const QByteArray &body, const QByteArray &encoding);
    // Bodies shorter than this go out uncompressed, as servers do.
    static constexpr qsizetype kMinCompressBytes = 1024;

    static QByteArray head(int status, const ApiReply &reply, qint64 contentLength, bool keepAlive);

private:
    struct Rule
    {
        FaultSpec spec;
        QRegularExpression regex;
    };
    QList<Rule> m_rules;
};

} // namespace octosim
