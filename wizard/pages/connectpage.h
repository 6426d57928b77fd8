#pragma once

#include <QWizardPage>

class ConnectionTestPanel;
class KeychainStore;
class MigrationPlan;
class ReadinessController;
class SessionCredentials;
class QLabel;
class QLineEdit;
class QGroupBox;

// Step 1: where the old server and its clone are, and the API keys for this session. URLs go into the
// plan; keys go into SessionCredentials only (memory). Room is left under each server for "Test connection",
// keychain and TLS prompts (a later issue).
class ConnectPage : public QWizardPage
{
    Q_OBJECT
public:
    // `keychain` (not owned) remembers the keys the user chose to keep.
    ConnectPage(MigrationPlan *plan, SessionCredentials *credentials, ReadinessController *readiness,
                KeychainStore *keychain, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    QGroupBox *makeServerBox(bool old, QLineEdit **urlEdit, QLineEdit **keyEdit, QLineEdit **proxyEdit);
    void onUrlEdited();
    void onKeyEdited();
    void onProxyEdited();
    void refreshIssues();

    MigrationPlan *m_plan;
    SessionCredentials *m_credentials;
    KeychainStore *m_keychain;
    QLineEdit *m_oldUrl = nullptr;
    QLineEdit *m_oldKey = nullptr;
    QLineEdit *m_newUrl = nullptr;
    QLineEdit *m_newKey = nullptr;
    QLineEdit *m_oldProxy = nullptr;
    QLineEdit *m_newProxy = nullptr;
    QLabel *m_issues = nullptr;
    ConnectionTestPanel *m_testPanel = nullptr;
};
