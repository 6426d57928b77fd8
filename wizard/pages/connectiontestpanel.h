#pragma once

#include <QWidget>

class KeychainStore;
class MigrationPlan;
class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class ReadinessController;
class SessionCredentials;

// The Connect step's lower half: "Test connection" with every readiness check shown live as it answers,
// and the consent to keep the API keys in the system keychain (QtKeychain only; when the keychain is
// unavailable nothing is stored and the panel says so). Object names: testConnectionButton,
// connectionChecksList, rememberKeysCheckBox, keychainStatusLabel.
class ConnectionTestPanel : public QWidget
{
    Q_OBJECT
public:
    ConnectionTestPanel(ReadinessController *readiness, MigrationPlan *plan, SessionCredentials *credentials,
                        KeychainStore *keychain, QWidget *parent = nullptr);

    // Reads keys the user stored earlier for the plan's URLs (only where this session has none yet).
    void loadStoredKeys();
    void testConnection();

Q_SIGNALS:
    void keysLoaded(); // credentials changed from the keychain: the page refreshes its fields

private:
    void showChecks();
    void storeKeys();

    ReadinessController *m_readiness;
    MigrationPlan *m_plan;
    SessionCredentials *m_credentials;
    KeychainStore *m_keychain;
    QPushButton *m_test = nullptr;
    QListWidget *m_checks = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainStatus = nullptr;
    bool m_tested = false;
};
