#include "widgetdialogservice.h"

#include "editorcommand.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPrintDialog>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

namespace {
QString planFilter()
{
    return QCoreApplication::translate("WidgetDialogService", "Handover plans (*.handover);;All files (*)");
}
} // namespace

QString WidgetDialogService::askOpenFile(QWidget *parent, const QString &directory)
{
    return QFileDialog::getOpenFileName(
        parent, QCoreApplication::translate("WidgetDialogService", "Open Plan"), directory, planFilter());
}

QString WidgetDialogService::askSaveFile(QWidget *parent, const QString &suggestedPath)
{
    return QFileDialog::getSaveFileName(parent,
                                        QCoreApplication::translate("WidgetDialogService", "Save Plan As"),
                                        suggestedPath, planFilter());
}

DialogService::DiscardChoice WidgetDialogService::confirmDiscard(QWidget *parent, const QString &planName)
{
    QMessageBox box(
        QMessageBox::Warning, QCoreApplication::translate("WidgetDialogService", "Unsaved Changes"),
        QCoreApplication::translate("WidgetDialogService", "Save the changes to %1?").arg(planName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(
        QCoreApplication::translate("WidgetDialogService", "Your changes are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return DiscardChoice::Save;
    case QMessageBox::Discard:
        return DiscardChoice::Discard;
    default:
        return DiscardChoice::Cancel;
    }
}

bool WidgetDialogService::confirmRecover(QWidget *parent, const QString &planName, const QDateTime &savedAt)
{
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("WidgetDialogService", "Recover Plan"),
        QCoreApplication::translate("WidgetDialogService",
                                    "Handover was not closed properly last time. Recover the unsaved "
                                    "changes to %1?")
            .arg(planName),
        QMessageBox::Yes | QMessageBox::No, parent);
    box.setInformativeText(QCoreApplication::translate("WidgetDialogService", "Autosaved %1.")
                               .arg(QLocale().toString(savedAt.toLocalTime(), QLocale::ShortFormat)));
    box.button(QMessageBox::Yes)->setText(QCoreApplication::translate("WidgetDialogService", "&Recover"));
    box.button(QMessageBox::No)->setText(QCoreApplication::translate("WidgetDialogService", "&Discard"));
    box.setDefaultButton(QMessageBox::Yes);
    return box.exec() == QMessageBox::Yes;
}

void WidgetDialogService::showError(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox::critical(parent, title, message);
}

void WidgetDialogService::showAbout(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::about(parent, title, text);
}

bool WidgetDialogService::askPrint(QWidget *parent, QPrinter *printer)
{
    QPrintDialog dialog(printer, parent);
    dialog.setWindowTitle(QCoreApplication::translate("WidgetDialogService", "Print the runbook"));
    return dialog.exec() == QDialog::Accepted;
}

QString WidgetDialogService::askExportFile(QWidget *parent, const QString &title,
                                           const QString &suggestedPath, const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

QString WidgetDialogService::askImportFile(QWidget *parent, const QString &title, const QString &directory,
                                           const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, title, directory, filter);
}

QString WidgetDialogService::askDirectory(QWidget *parent, const QString &title, const QString &directory)
{
    return QFileDialog::getExistingDirectory(parent, title, directory);
}

bool WidgetDialogService::confirm(QWidget *parent, const QString &title, const QString &text,
                                  const QString &details)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box.setInformativeText(details);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void WidgetDialogService::openFileAtLine(const QString &path, int line)
{
    // An editor that takes a line (HANDOVER_EDITOR, or VS Code); else the desktop's default application.
    const auto command =
        editorCommandFor(qEnvironmentVariable("HANDOVER_EDITOR"), path, line, 1,
                         [](const QString &name) { return QStandardPaths::findExecutable(name); });
    if (command && QProcess::startDetached(command->program, command->arguments))
        return;
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void WidgetDialogService::openUrl(const QUrl &url)
{
    QDesktopServices::openUrl(url);
}
