#pragma once

#include "jsonpage.h"

#include <QObject>
#include <QThread>
#include <QThreadPool>

// The threads behind every OctopusClient of one application: the network thread, whose event loop serves
// all clients' connections (both servers on one loop saves the context switches of a thread per server on
// small machines), the pool that parses large answers (parsing threads do not multiply with servers), and
// the JSON parsers kept between pages.
// The application creates one and hands it to every client; it must outlive them. Nothing here is global:
// two contexts (as in tests) share nothing.
class NetworkContext
{
public:
    NetworkContext();
    // Stops the network thread and waits for it and for parse tasks still running. The application does
    // this once, when it ends; a client that goes never waits (it hands its worker to the thread to delete).
    ~NetworkContext();

    NetworkContext(const NetworkContext &) = delete;
    NetworkContext &operator=(const NetworkContext &) = delete;

    QThread *thread() { return &m_thread; }
    QThreadPool *parsePool() { return &m_parsePool; }
    JsonParserPool *jsonParsers() { return &m_jsonParsers; }

private:
    QThread m_thread;
    QObject *m_anchor; // lives on the network thread: the stop request queues behind what is already there
    QThreadPool m_parsePool;
    JsonParserPool m_jsonParsers; // declared after the pool: parse tasks that use it end first
};
