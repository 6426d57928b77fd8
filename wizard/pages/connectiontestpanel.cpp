#include "connectiontestpanel.h"

#include "connectionsettings.h"
#include "keychainstore.h"
#include "migrationplan.h"
#include "readinesscontroller.h"
#include "sessioncredentials.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString account(const QUrl &url)
{
    return ConnectionSettings::normalisedUrl(url);
}

} // namespace

ConnectionTestPanel::ConnectionTestPanel(ReadinessController *readiness, MigrationPlan *plan,
                                         SessionCredentials *credentials, KeychainStore *keychain,
                                         QWidget *parent)
    : QWidget(parent)
    , m_readiness(readiness)
    , m_plan(plan)
    , m_credentials(credentials)
    , m_keychain(keychain)
{
    setObjectName(QStringLiteral("connectionTestPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_remember = new QCheckBox(tr("Remember the API keys in the system &keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberKeysCheckBox"));
    row->addWidget(m_test);
    row->addSpacing(12);
    row->addWidget(m_remember);
    row->addStretch(1);
    layout->addLayout(row);
    m_keychainStatus = new QLabel(this);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatusLabel"));
    m_keychainStatus->setWordWrap(true);
    m_keychainStatus->setTextFormat(Qt::PlainText);
    layout->addWidget(m_keychainStatus);
    m_checks = new QListWidget(this);
    m_checks->setObjectName(QStringLiteral("connectionChecksList"));
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    m_checks->setWordWrap(true);
    m_checks->setMinimumHeight(160);
    layout->addWidget(m_checks, 1);

    connect(m_test, &QPushButton::clicked, this, &ConnectionTestPanel::testConnection);
    connect(m_readiness, &ReadinessController::checksChanged, this, &ConnectionTestPanel::showChecks);
    connect(m_remember, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            storeKeys();
            return;
        }
        // Consent withdrawn: remove what was stored.
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            const QString name = account(m_plan->serverUrl(role));
            if (!name.isEmpty())
                m_keychain->deleteSecret(name);
        }
        m_keychainStatus->setText(tr("The API keys are kept in memory for this session only."));
    });
    connect(m_keychain, &KeychainStore::written, this,
            [this](const QString &, bool ok, const QString &error) {
                m_keychainStatus->setText(
                    ok ? tr("The API keys are stored in the system keychain.")
                       : tr("The system keychain is unavailable: nothing was stored (%1). The keys "
                            "stay in memory for this session only.")
                             .arg(error));
            });
    connect(m_keychain, &KeychainStore::read, this,
            [this](const QString &readAccount, bool found, const QString &secret, const QString &) {
                if (!found || secret.isEmpty())
                    return;
                for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
                    if (account(m_plan->serverUrl(role)) == readAccount &&
                        m_credentials->apiKey(role).isEmpty()) {
                        m_credentials->setApiKey(role, secret);
                        m_remember->blockSignals(true);
                        m_remember->setChecked(true);
                        m_remember->blockSignals(false);
                        Q_EMIT keysLoaded();
                    }
                }
            });
}

void ConnectionTestPanel::loadStoredKeys()
{
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        const QString name = account(m_plan->serverUrl(role));
        if (!name.isEmpty() && m_credentials->apiKey(role).isEmpty())
            m_keychain->readSecret(name);
    }
}

void ConnectionTestPanel::testConnection()
{
    m_tested = true;
    m_readiness->rebuildIfNeeded(); // the keys may have been typed a moment ago
    if (!m_readiness->model(ServerRole::Old) && !m_readiness->model(ServerRole::New)) {
        m_checks->clear();
        m_checks->addItem(tr("Enter the URL and API key of a server first."));
        return;
    }
    if (m_remember->isChecked())
        storeKeys();
    m_readiness->refreshNow();
    showChecks();
}

void ConnectionTestPanel::storeKeys()
{
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        const QString name = account(m_plan->serverUrl(role));
        const QString key = m_credentials->apiKey(role);
        if (!name.isEmpty() && !key.isEmpty())
            m_keychain->writeSecret(name, key);
    }
}

void ConnectionTestPanel::showChecks()
{
    if (!m_tested && m_checks->count() == 0 && !isVisible())
        return;
    const QList<ReadinessCheck> checks = m_readiness->checks();
    m_checks->clear();
    for (const ReadinessCheck &check : checks) {
        QString mark;
        QColor colour;
        switch (check.status) {
        case ReadinessCheck::Status::Pass:
            mark = QStringLiteral("✔");
            colour = QColor(0x1a, 0x7f, 0x37);
            break;
        case ReadinessCheck::Status::Warn:
            mark = QStringLiteral("!");
            colour = QColor(0xbf, 0x87, 0x00);
            break;
        case ReadinessCheck::Status::Fail:
            mark = QStringLiteral("✖");
            colour = QColor(0xcf, 0x22, 0x2e);
            break;
        case ReadinessCheck::Status::Pending:
            mark = QStringLiteral("…");
            colour = QColor(0x57, 0x60, 0x6a);
            break;
        }
        auto *item =
            new QListWidgetItem(QStringLiteral("%1  %2 — %3").arg(mark, check.id, check.message), m_checks);
        item->setForeground(colour);
        item->setData(Qt::UserRole, check.id);
        item->setData(Qt::UserRole + 1, ReadinessCheck::statusName(check.status));
        if (!check.detail.isEmpty())
            item->setToolTip(check.detail);
    }
}
