#include "readinesscontroller.h"

#include "connectionsettings.h"
#include "octopusclient.h"
#include "readinesschecker.h"
#include "readinessmodel.h"
#include "readinessrules.h"
#include "readinessstrip.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QSettings>
#include <QTimer>
#include <QToolTip>

namespace {

QString settingsKey(const QUrl &url)
{
    // QSettings keys cannot hold '/': keep the normalised URL readable but safe.
    return QStringLiteral("trustedCertificates/") +
           QString::fromLatin1(
               ConnectionSettings::normalisedUrl(url).toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

QString mark(ReadinessCheck::Status status)
{
    switch (status) {
    case ReadinessCheck::Status::Pass:
        return QStringLiteral("✔");
    case ReadinessCheck::Status::Warn:
        return QStringLiteral("!");
    case ReadinessCheck::Status::Fail:
        return QStringLiteral("✖");
    case ReadinessCheck::Status::Pending:
        return QStringLiteral("…");
    }
    return {};
}

} // namespace

ReadinessController::ReadinessController(ServerSession *session, MigrationPlan *plan,
                                         SessionCredentials *credentials, QSettings *settings,
                                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    Q_ASSERT(m_settings);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(600);
    connect(m_debounce, &QTimer::timeout, this, &ReadinessController::rebuildIfNeeded);
    connect(m_session, &ServerSession::clientsChanged, this, &ReadinessController::rebuild);
    connect(plan, &MigrationPlan::changed, m_debounce, qOverload<>(&QTimer::start));
    connect(credentials, &SessionCredentials::apiKeyChanged, m_debounce, qOverload<>(&QTimer::start));
    rebuild();
}

void ReadinessController::rebuildIfNeeded()
{
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        ReadinessModel *m = model(role);
        if ((m ? m->client() : nullptr) != m_session->client(role)) {
            rebuild();
            return;
        }
    }
}

ReadinessController::~ReadinessController() = default;

void ReadinessController::setStrip(ReadinessStrip *strip)
{
    m_strip = strip;
    if (m_strip) {
        for (const char *name : {"readinessOld", "readinessNew"}) {
            if (QWidget *item = m_strip->findChild<QWidget *>(QLatin1String(name))) {
                item->installEventFilter(this);
                item->setCursor(Qt::PointingHandCursor);
            }
        }
    }
    updateStrip();
}

void ReadinessController::setTrustService(CertificateTrustService *service)
{
    m_trustService = service;
    for (ReadinessModel *model : {m_old, m_new}) {
        if (model)
            model->setTrustService(service);
    }
}

void ReadinessController::setInterval(int milliseconds)
{
    m_intervalMs = milliseconds;
    for (ReadinessModel *model : {m_old, m_new}) {
        if (model)
            model->setInterval(milliseconds);
    }
}

void ReadinessController::refreshNow()
{
    for (ReadinessModel *model : {m_old, m_new}) {
        if (model)
            model->refresh();
    }
}

ReadinessModel *ReadinessController::model(ServerRole role) const
{
    return role == ServerRole::Old ? m_old : m_new;
}

void ReadinessController::rebuild()
{
    delete m_checker;
    m_checker = nullptr;
    delete m_old;
    delete m_new;
    m_old = m_new = nullptr;
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        OctopusClient *client = m_session->client(role);
        if (!client)
            continue;
        const QString key = settingsKey(client->settings().baseUrl);
        const QStringList pins = m_settings->value(key).toStringList();
        for (const QString &pin : pins)
            client->pinFingerprint(pin);
        auto *model = new ReadinessModel(client, role, this);
        model->setInterval(m_intervalMs);
        model->setTrustService(m_trustService);
        connect(model, &ReadinessModel::changed, this, &ReadinessController::updateStrip);
        connect(model, &ReadinessModel::changed, this, &ReadinessController::checksChanged);
        connect(model, &ReadinessModel::fingerprintTrusted, this, [this, key](const QString &sha256) {
            QStringList stored = m_settings->value(key).toStringList();
            if (!stored.contains(sha256))
                stored.append(sha256);
            m_settings->setValue(key, stored);
        });
        (role == ServerRole::Old ? m_old : m_new) = model;
    }
    if (m_old && m_new)
        m_checker = new ReadinessChecker(m_old, m_new, this);
    for (ReadinessModel *model : {m_old, m_new}) {
        if (model)
            model->start();
    }
    updateStrip();
    Q_EMIT checksChanged();
}

QList<ReadinessCheck> ReadinessController::checksFor(ServerRole role) const
{
    ReadinessModel *m = model(role);
    if (!m)
        return {};
    QList<ReadinessCheck> list = m->checks();
    if (role == ServerRole::New && m_checker)
        list += m_checker->pairChecks(); // clone checks show on the new server's light
    return list;
}

QList<ReadinessCheck> ReadinessController::checks() const
{
    if (m_checker)
        return m_checker->checks();
    return checksFor(ServerRole::Old) + checksFor(ServerRole::New);
}

QString ReadinessController::details(ServerRole role) const
{
    ReadinessModel *m = model(role);
    if (!m)
        return tr("Not connected: enter the URL and API key on the Connect step.");
    QStringList lines;
    for (const ReadinessCheck &check : checksFor(role))
        lines << QStringLiteral("%1 %2: %3").arg(mark(check.status), check.id, check.message);
    lines << (m->lastChecked().isValid()
                  ? tr("Last check: %1")
                        .arg(QLocale().toString(m->lastChecked().toLocalTime(), QLocale::LongFormat))
                  : tr("Last check: not finished yet"));
    return lines.join(QLatin1Char('\n'));
}

void ReadinessController::updateStrip()
{
    if (!m_strip)
        return;
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        const QString name = role == ServerRole::Old ? tr("Old server") : tr("New server");
        ReadinessModel *m = model(role);
        if (!m)
            continue; // the window shows its own "not connected" state
        const QList<ReadinessCheck> list = checksFor(role);
        const ReadinessCheck::Status status = ReadinessCheck::worst(list);
        ReadinessStrip::Light light = ReadinessStrip::Light::Checking;
        QString text;
        const int problems = int(std::count_if(list.begin(), list.end(), [](const ReadinessCheck &c) {
            return c.status == ReadinessCheck::Status::Fail || c.status == ReadinessCheck::Status::Warn;
        }));
        if (!m->hasResult() && status != ReadinessCheck::Status::Fail) {
            light = ReadinessStrip::Light::Checking;
            text = tr("%1: checking…").arg(name);
        } else if (status == ReadinessCheck::Status::Fail) {
            light = ReadinessStrip::Light::Blocked;
            text = tr("%1: %n problem(s), not ready", nullptr, problems).arg(name);
        } else if (status == ReadinessCheck::Status::Warn) {
            light = ReadinessStrip::Light::Warning;
            text = tr("%1: %n warning(s)", nullptr, problems).arg(name);
        } else {
            light = ReadinessStrip::Light::Ready;
            text = tr("%1: ready (%2)").arg(name, m->facts().version);
        }
        m_strip->setState(role, light, text, details(role));
    }
}

bool ReadinessController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget) {
            const ServerRole role =
                watched->objectName() == QLatin1String("readinessOld") ? ServerRole::Old : ServerRole::New;
            QToolTip::showText(widget->mapToGlobal(QPoint(0, widget->height())), details(role), widget);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
