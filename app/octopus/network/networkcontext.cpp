#include "networkcontext.h"

#include <algorithm>

NetworkContext::NetworkContext()
    : m_anchor(new QObject)
{
    m_parsePool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_parsePool.setExpiryTimeout(5000); // idle parse threads go
    m_thread.setObjectName(QStringLiteral("octopus-network"));
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
}

NetworkContext::~NetworkContext()
{
    m_parsePool.clear();
    m_parsePool.waitForDone();
    // Clients that went queued the deletion of their workers on the thread; the stop request is queued
    // behind them, so every worker (and its network manager) is deleted on its own thread before it ends.
    // The anchor goes with the thread's last deferred deletions.
    QMetaObject::invokeMethod(
        m_anchor,
        [anchor = m_anchor, thread = &m_thread] {
            anchor->deleteLater();
            thread->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}
