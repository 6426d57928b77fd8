#pragma once

#include <QUrl>

#include <QDateTime>
#include <QString>

class QPrinter;
class QWidget;

// Every modal question the window asks goes through this interface, so GUI tests can answer it without a
// modal event loop. Production: WidgetDialogService (QFileDialog / QMessageBox).
class DialogService
{
public:
    enum class DiscardChoice
    {
        Save,
        Discard,
        Cancel
    };

    virtual ~DialogService() = default;

    // Empty string = the user cancelled.
    virtual QString askOpenFile(QWidget *parent, const QString &directory) = 0;
    virtual QString askSaveFile(QWidget *parent, const QString &suggestedPath) = 0;
    // The plan has unsaved changes and is about to be closed or replaced.
    virtual DiscardChoice confirmDiscard(QWidget *parent, const QString &planName) = 0;
    // An autosave from a session that ended unexpectedly was found; true = recover it.
    virtual bool confirmRecover(QWidget *parent, const QString &planName, const QDateTime &savedAt) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &message) = 0;
    virtual void showAbout(QWidget *parent, const QString &title, const QString &text) = 0;

    // Exports, imports, confirmations and other applications (Polling Tentacles, Script audit). Defaults
    // answer "cancelled" / "no" / do nothing, so a test double only overrides what it drives.
    // A file to write; `filter` as for QFileDialog ("CSV (*.csv)"). Empty = cancelled.
    virtual QString askExportFile(QWidget * /*parent*/, const QString & /*title*/,
                                  const QString & /*suggestedPath*/, const QString & /*filter*/)
    {
        return {};
    }
    // An existing file to read; `filter` as for QFileDialog. Empty = cancelled.
    virtual QString askImportFile(QWidget * /*parent*/, const QString & /*title*/,
                                  const QString & /*directory*/, const QString & /*filter*/)
    {
        return {};
    }
    // A folder (existing or to be created). Empty = cancelled.
    virtual QString askDirectory(QWidget * /*parent*/, const QString & /*title*/,
                                 const QString & /*directory*/)
    {
        return {};
    }
    // The print dialog for `printer` (its document name and paper already set); true = print.
    virtual bool askPrint(QWidget * /*parent*/, QPrinter * /*printer*/) { return false; }
    // A yes/no question before a change to a server; true = go ahead.
    virtual bool confirm(QWidget * /*parent*/, const QString & /*title*/, const QString & /*text*/,
                         const QString & /*details*/)
    {
        return false;
    }
    // Shows a file at a line: an editor that takes a line, else the desktop's default application.
    virtual void openFileAtLine(const QString & /*path*/, int /*line*/) {}
    // Opens a web page (the old server's portal at a stored script) in the desktop's browser.
    virtual void openUrl(const QUrl & /*url*/) {}
};
