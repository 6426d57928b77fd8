#include "readinessmodel.h"

#include "apierrortext.h"
#include "certificatetrustservice.h"
#include "octopusclient.h"
#include "readinessprobe.h"
#include "readinessrules.h"

#include <QTimer>

ReadinessModel::ReadinessModel(OctopusClient *client, ServerRole role, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_role(role)
{
    m_probe = new ReadinessProbe(client, role, this);
    connect(m_probe, &ReadinessProbe::changed, this, [this] {
        if (m_live)
            Q_EMIT changed();
    });
    connect(m_probe, &ReadinessProbe::finished, this, &ReadinessModel::onProbeFinished);
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_probe->isRunning())
            startProbe(!hasResult());
    });
}

ReadinessModel::~ReadinessModel()
{
    m_probe->cancel();
}

void ReadinessModel::setInterval(int milliseconds)
{
    m_intervalMs = milliseconds;
    if (m_timer->isActive()) {
        m_timer->stop();
        if (m_intervalMs > 0)
            m_timer->start(m_intervalMs);
    }
}

void ReadinessModel::start()
{
    if (m_intervalMs > 0)
        m_timer->start(m_intervalMs);
    startProbe(true);
}

void ReadinessModel::stop()
{
    m_timer->stop();
    m_probe->cancel();
}

void ReadinessModel::refresh()
{
    startProbe(true);
}

void ReadinessModel::startProbe(bool live)
{
    m_live = live;
    m_probe->start();
    if (m_live)
        Q_EMIT changed();
}

const ServerFacts &ReadinessModel::facts() const
{
    return m_live ? m_probe->facts() : m_lastComplete;
}

QList<ReadinessCheck> ReadinessModel::checks(bool final) const
{
    return ReadinessRules::serverChecks(m_role, facts(), final);
}

ReadinessCheck::Status ReadinessModel::status() const
{
    return ReadinessCheck::worst(checks());
}

bool ReadinessModel::isRefreshing() const
{
    return m_probe->isRunning();
}

void ReadinessModel::onProbeFinished()
{
    m_lastComplete = m_probe->facts();
    m_live = false;
    Q_EMIT changed();
    Q_EMIT refreshed();

    const ApiError &error = m_lastComplete.reachError;
    if (error.kind == ApiErrorKind::Tls && m_trustService && !error.certificate.isNull() &&
        !m_askedFingerprints.contains(error.certificate.sha256)) {
        m_askedFingerprints.insert(error.certificate.sha256);
        QPointer<ReadinessModel> self(this);
        const QString sha256 = error.certificate.sha256;
        m_trustService->askTrust(ApiErrorText::serverName(error), error.certificate,
                                 [self, sha256](bool trusted) {
                                     if (!self || !trusted)
                                         return;
                                     self->m_client->pinFingerprint(sha256);
                                     Q_EMIT self->fingerprintTrusted(sha256);
                                     self->refresh();
                                 });
    }
}
