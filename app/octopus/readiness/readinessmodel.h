#pragma once

#include "readinesscheck.h"
#include "serverfacts.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

class CertificateTrustService;
class OctopusClient;
class ReadinessProbe;
class QTimer;

// Readiness of one server: refreshed every 15 s (configurable) and on demand. Before the first refresh
// has finished, and after refresh(), facts() show each answer as it lands; timer refreshes keep showing
// the last complete result until the next one is complete. A certificate the system cannot verify is put
// to the CertificateTrustService (once per fingerprint); on consent it is pinned and the refresh repeated.
class ReadinessModel : public QObject
{
    Q_OBJECT
public:
    ReadinessModel(OctopusClient *client, ServerRole role, QObject *parent = nullptr);
    ~ReadinessModel() override;

    ServerRole role() const { return m_role; }
    OctopusClient *client() const { return m_client; }
    void setInterval(int milliseconds); // 0: no timer
    int interval() const { return m_intervalMs; }
    void setTrustService(CertificateTrustService *service) { m_trustService = service; }

    void start(); // first refresh now, then on the timer
    void stop();
    void refresh(); // on demand: shows answers live

    const ServerFacts &facts() const;
    QList<ReadinessCheck> checks(bool final = false) const;
    ReadinessCheck::Status status() const;
    QDateTime lastChecked() const { return m_lastComplete.checkedAt; }
    bool hasResult() const { return m_lastComplete.complete; }
    bool isRefreshing() const;

Q_SIGNALS:
    void changed();
    void refreshed();
    void fingerprintTrusted(const QString &sha256); // the user consented; persist it if wanted

private:
    void startProbe(bool live);
    void onProbeFinished();

    OctopusClient *m_client;
    ServerRole m_role;
    ReadinessProbe *m_probe = nullptr;
    QTimer *m_timer = nullptr;
    int m_intervalMs = 15000;
    bool m_live = true;
    ServerFacts m_lastComplete;
    CertificateTrustService *m_trustService = nullptr;
    QSet<QString> m_askedFingerprints;
};
