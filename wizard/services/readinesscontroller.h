#pragma once

#include "migrationplan.h"
#include "readinesscheck.h"

#include <QObject>
#include <QPointer>

class CertificateTrustService;
class ReadinessChecker;
class ReadinessModel;
class ReadinessStrip;
class ServerSession;
class SessionCredentials;
class QSettings;
class QTimer;

// Live readiness for the window: one ReadinessModel per server the session can connect to (remade when the
// session's clients change), the pair checker, and the readiness strip above every page (light, one line,
// and the checks with the time of the last check as tooltip; a click shows them at once). Certificates the
// user trusted are pinned on the client and remembered per server URL (settings group "trustedCertificates").
class ReadinessController : public QObject
{
    Q_OBJECT
public:
    // `settings` (not owned) remembers the trusted certificates.
    ReadinessController(ServerSession *session, MigrationPlan *plan, SessionCredentials *credentials,
                        QSettings *settings, QObject *parent = nullptr);
    ~ReadinessController() override;

    void setStrip(ReadinessStrip *strip);
    void setTrustService(CertificateTrustService *service);
    void setInterval(int milliseconds); // default 15 s
    void refreshNow();
    // Makes the models match the session's current clients now (instead of after the edit debounce).
    void rebuildIfNeeded();

    ReadinessModel *model(ServerRole role) const;
    // Both servers' checks and, when both can connect, the pair checks.
    QList<ReadinessCheck> checks() const;
    // One server's checks (without the pair checks).
    QList<ReadinessCheck> checks(ServerRole role) const { return checksFor(role); }
    // The details text of one server (its checks, the pair checks for the new server, the last check time).
    QString details(ServerRole role) const;

Q_SIGNALS:
    void checksChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void updateStrip();
    QList<ReadinessCheck> checksFor(ServerRole role) const;

    ServerSession *m_session;
    QSettings *m_settings;
    QPointer<ReadinessStrip> m_strip;
    CertificateTrustService *m_trustService = nullptr;
    ReadinessModel *m_old = nullptr;
    ReadinessModel *m_new = nullptr;
    ReadinessChecker *m_checker = nullptr;
    int m_intervalMs = 15000;
    QTimer *m_debounce = nullptr; // URL and key edits settle before new clients are checked
};
