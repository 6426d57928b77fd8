#pragma once

class DialogService;
class KeychainStore;
class NetworkContext;
class QSettings;

// What the application creates once and hands to the window, the wizard and its pages: nothing the pages
// use is found through a global. None is owned; all outlive the window.
struct WizardServices
{
    DialogService *dialogs = nullptr;  // every modal question and file choice (may be null in tests)
    NetworkContext *network = nullptr; // the network thread and parse pool of every client
    QSettings *settings = nullptr;     // recent files, trusted certificates
    KeychainStore *keychain = nullptr; // API keys the user chose to remember
};
