#include "connectpage.h"

#include "connectiontestpanel.h"
#include "keychainstore.h"
#include "migrationplan.h"
#include "planvalidation.h"
#include "sessioncredentials.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

ConnectPage::ConnectPage(MigrationPlan *plan, SessionCredentials *credentials, ReadinessController *readiness,
                         KeychainStore *keychain, QWidget *parent)
    : QWizardPage(parent)
    , m_plan(plan)
    , m_credentials(credentials)
    , m_keychain(keychain)
{
    Q_ASSERT(m_keychain);
    setObjectName(QStringLiteral("connectPage"));
    setTitle(tr("Connect to both servers"));
    setSubTitle(
        tr("Tell Handover where the old Octopus Server is and where its clone, the new instance, runs."));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);

    auto *intro =
        new QLabel(tr("Use an API key of a user who can read everything on each server. The keys are "
                      "kept in memory for this session only: they are never written to the plan "
                      "file."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *servers = new QHBoxLayout;
    servers->setSpacing(16);
    servers->addWidget(makeServerBox(true, &m_oldUrl, &m_oldKey, &m_oldProxy), 1);
    servers->addWidget(makeServerBox(false, &m_newUrl, &m_newKey, &m_newProxy), 1);
    layout->addLayout(servers);

    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("connectIssuesLabel"));
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::PlainText);
    m_issues->setStyleSheet(QStringLiteral("color: #57606a;"));
    layout->addWidget(m_issues);

    m_testPanel = new ConnectionTestPanel(readiness, plan, credentials, m_keychain, this);
    layout->addWidget(m_testPanel, 1);
    connect(m_testPanel, &ConnectionTestPanel::keysLoaded, this, [this] {
        m_oldKey->setText(m_credentials->apiKey(ServerRole::Old));
        m_newKey->setText(m_credentials->apiKey(ServerRole::New));
    });

    setTabOrder(m_oldUrl, m_oldKey);
    setTabOrder(m_oldKey, m_newUrl);
    setTabOrder(m_newUrl, m_newKey);
    setTabOrder(m_newKey, m_oldProxy);
    setTabOrder(m_oldProxy, m_newProxy);
}

QGroupBox *ConnectPage::makeServerBox(bool old, QLineEdit **urlEdit, QLineEdit **keyEdit,
                                      QLineEdit **proxyEdit)
{
    auto *box = new QGroupBox(old ? tr("Old server (the original)") : tr("New server (the clone)"), this);
    box->setObjectName(old ? QStringLiteral("oldServerBox") : QStringLiteral("newServerBox"));
    auto *form = new QFormLayout(box);
    form->setContentsMargins(14, 14, 14, 14);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *url = new QLineEdit(box);
    url->setObjectName(old ? QStringLiteral("oldUrlEdit") : QStringLiteral("newUrlEdit"));
    url->setPlaceholderText(old ? tr("https://octopus.example.com") : tr("https://octopus-new.example.com"));
    url->setClearButtonEnabled(true);
    auto *urlLabel = new QLabel(old ? tr("&URL:") : tr("U&RL:"), box);
    urlLabel->setBuddy(url);
    form->addRow(urlLabel, url);

    auto *key = new QLineEdit(box);
    key->setObjectName(old ? QStringLiteral("oldApiKeyEdit") : QStringLiteral("newApiKeyEdit"));
    key->setEchoMode(QLineEdit::Password);
    key->setPlaceholderText(tr("API-XXXXXXXXXXXXXXXXXXXXXXXXXX"));
    auto *keyLabel = new QLabel(old ? tr("API &key:") : tr("API ke&y:"), box);
    keyLabel->setBuddy(key);
    form->addRow(keyLabel, key);

    auto *proxy = new QLineEdit(box);
    proxy->setObjectName(old ? QStringLiteral("oldProxyEdit") : QStringLiteral("newProxyEdit"));
    proxy->setPlaceholderText(tr("System settings"));
    proxy->setClearButtonEnabled(true);
    proxy->setToolTip(tr("Empty: the system's proxy settings (https_proxy, no_proxy). \"none\": connect "
                         "directly. Or a proxy such as http://proxy.example.com:3128 or "
                         "socks5://proxy.example.com:1080. A proxy password is not stored here."));
    auto *proxyLabel = new QLabel(old ? tr("&Proxy:") : tr("Pro&xy:"), box);
    proxyLabel->setBuddy(proxy);
    form->addRow(proxyLabel, proxy);

    connect(url, &QLineEdit::textEdited, this, &ConnectPage::onUrlEdited);
    connect(key, &QLineEdit::textEdited, this, &ConnectPage::onKeyEdited);
    connect(proxy, &QLineEdit::textEdited, this, &ConnectPage::onProxyEdited);
    *urlEdit = url;
    *keyEdit = key;
    *proxyEdit = proxy;
    return box;
}

void ConnectPage::initializePage()
{
    m_oldUrl->setText(m_plan->serverUrl(ServerRole::Old).toString());
    m_newUrl->setText(m_plan->serverUrl(ServerRole::New).toString());
    m_oldKey->setText(m_credentials->apiKey(ServerRole::Old));
    m_newKey->setText(m_credentials->apiKey(ServerRole::New));
    m_oldProxy->setText(m_plan->serverProxy(ServerRole::Old));
    m_newProxy->setText(m_plan->serverProxy(ServerRole::New));
    refreshIssues();
    m_testPanel->loadStoredKeys();
}

bool ConnectPage::isComplete() const
{
    return !hasErrors(issuesFor(PlanStep::Connect, m_plan->data()));
}

void ConnectPage::onUrlEdited()
{
    m_plan->setServerUrl(ServerRole::Old, QUrl(m_oldUrl->text().trimmed()));
    m_plan->setServerUrl(ServerRole::New, QUrl(m_newUrl->text().trimmed()));
    refreshIssues();
    Q_EMIT completeChanged();
}

void ConnectPage::onKeyEdited()
{
    m_credentials->setApiKey(ServerRole::Old, m_oldKey->text().trimmed());
    m_credentials->setApiKey(ServerRole::New, m_newKey->text().trimmed());
}

void ConnectPage::onProxyEdited()
{
    m_plan->setServerProxy(ServerRole::Old, m_oldProxy->text());
    m_plan->setServerProxy(ServerRole::New, m_newProxy->text());
    refreshIssues();
    Q_EMIT completeChanged();
}

void ConnectPage::refreshIssues()
{
    QStringList lines;
    for (const PlanIssue &issue : issuesFor(PlanStep::Connect, m_plan->data()))
        lines << issue.message;
    m_issues->setText(lines.join(QLatin1Char('\n')));
}
