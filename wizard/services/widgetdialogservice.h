#pragma once

#include "dialogservice.h"

// The production DialogService: native-looking QFileDialog and QMessageBox dialogs.
class WidgetDialogService : public DialogService
{
public:
    QString askOpenFile(QWidget *parent, const QString &directory) override;
    QString askSaveFile(QWidget *parent, const QString &suggestedPath) override;
    DiscardChoice confirmDiscard(QWidget *parent, const QString &planName) override;
    bool confirmRecover(QWidget *parent, const QString &planName, const QDateTime &savedAt) override;
    void showError(QWidget *parent, const QString &title, const QString &message) override;
    void showAbout(QWidget *parent, const QString &title, const QString &text) override;
    bool askPrint(QWidget *parent, QPrinter *printer) override;
    QString askExportFile(QWidget *parent, const QString &title, const QString &suggestedPath,
                          const QString &filter) override;
    QString askImportFile(QWidget *parent, const QString &title, const QString &directory,
                          const QString &filter) override;
    QString askDirectory(QWidget *parent, const QString &title, const QString &directory) override;
    bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &details) override;
    // HANDOVER_EDITOR or VS Code (editorCommandFor), else QDesktopServices.
    void openFileAtLine(const QString &path, int line) override;
    void openUrl(const QUrl &url) override;
};
