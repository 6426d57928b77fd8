// The printable runbook from the real window, offscreen, against an in-process octosim pair in demo mode:
// Ctrl+P prints (the print dialog answered by the test, the printer writing a PDF that is read back with
// pdftotext), File › Print Preview… opens the real preview with its pages and closes, and the Cutover
// step's Export runbook… writes one self-contained HTML file on the thread pool (the menu item disabled
// meanwhile). No export holds either server's API key.
#include "cutovercontroller.h"
#include "demoenvironment.h"
#include "dialogservice.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "plandocument.h"
#include "runbookexportcontroller.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

class AnsweringDialogs : public DialogService
{
public:
    QString printTo;  // the PDF the "printer" writes
    QString exportTo; // the file the export dialog answers
    QStringList errors;
    int printDialogs = 0;
    QString askOpenFile(QWidget *, const QString &) override { return {}; }
    QString askSaveFile(QWidget *, const QString &) override { return {}; }
    DiscardChoice confirmDiscard(QWidget *, const QString &) override { return DiscardChoice::Discard; }
    bool confirmRecover(QWidget *, const QString &, const QDateTime &) override { return false; }
    void showError(QWidget *, const QString &, const QString &message) override { errors << message; }
    void showAbout(QWidget *, const QString &, const QString &) override {}
    bool askPrint(QWidget *, QPrinter *printer) override
    {
        ++printDialogs;
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(printTo);
        return true;
    }
    QString askExportFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return exportTo;
    }
};

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestRunbookPrint : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    AnsweringDialogs m_dialogs;
    NetworkContext m_network;
    KeychainStore m_keychain{QStringLiteral("handover-test")};
    std::unique_ptr<MainWindow> m_window;

    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    void verifyNoKey(const QString &text)
    {
        for (const octosim::InstanceEndpoint &e : {m_sim->oldInstance(), m_sim->newInstance()}) {
            for (const QString &key : {e.apiKey, e.readOnlyApiKey, e.operatorApiKey})
                QVERIFY2(key.isEmpty() || !text.contains(key), "an API key is in the export");
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: install Debian's poppler-utils (dev.sh does)");
        m_sim = std::make_unique<octosim::OctoSimServer>(octosim::Options{});
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_window = std::make_unique<MainWindow>(
            MainWindowServices{{&m_dialogs, &m_network, m_settings.get(), &m_keychain}, QString()});
        m_window->enterDemoMode({m_sim->oldInstance().url, m_sim->oldInstance().apiKey,
                                 m_sim->newInstance().url, m_sim->newInstance().apiKey});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Cutover)));
        QVERIFY(m_window->wizard()->cutover()->isJournalOpen());
        QString tickError;
        m_window->wizard()->cutover()->setOperatorName(QStringLiteral("dana"));
        QVERIFY2(m_window->wizard()->cutover()->tick(QStringLiteral("before:announce"),
                                                     QStringLiteral("announced in #ops"), &tickError),
                 qPrintable(tickError));
    }

    void cleanupTestCase()
    {
        m_window->document()->newPlan();
        m_window.reset();
    }

    void ctrlPPrintsThroughThePrintDialog()
    {
        m_dialogs.printTo = m_dir.filePath(QStringLiteral("printed.pdf"));
        QAction *print = action("actionPrint");
        QVERIFY(print);
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        QTest::keySequence(m_window.get(), QKeySequence::Print);
        QCOMPARE(m_dialogs.printDialogs, 1);
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.join(QLatin1Char('\n'))));
        QVERIFY(QFile::exists(m_dialogs.printTo));
        const QString text = pdfText(m_dialogs.printTo);
        QVERIFY(!text.isEmpty());
        QVERIFY2(text.contains(m_sim->newInstance().url.host()), "the new server is not named");
        QVERIFY(text.contains(QLatin1String("announced in #ops")));
        QVERIFY(text.contains(QLatin1String("dana")));
        verifyNoKey(text);
    }

    void printPreviewOpensWithPagesAndCloses()
    {
        QAction *preview = action("actionPrintPreview");
        QVERIFY(preview);
        preview->trigger();
        QPointer<QPrintPreviewDialog> dialog =
            m_window->findChild<QPrintPreviewDialog *>(QStringLiteral("runbookPrintPreview"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *pages = dialog->findChild<QPrintPreviewWidget *>();
        QVERIFY(pages);
        QTRY_VERIFY_WITH_TIMEOUT(pages->pageCount() >= 2, 30000);
        dialog->close();
        QTRY_VERIFY(dialog.isNull()); // deleted on close
    }

    void exportFromTheCutoverStepWritesOneHtmlFile()
    {
        m_dialogs.exportTo = m_dir.filePath(QStringLiteral("runbook.html"));
        auto *button = m_window->findChild<QPushButton *>(QStringLiteral("cutoverExportRunbookButton"));
        QVERIFY(button);
        QAction *menuItem = action("actionExportRunbook");
        QVERIFY(menuItem && menuItem->isEnabled());
        QSignalSpy exported(m_window->wizard()->runbookExport(), &RunbookExportController::exported);
        QTest::mouseClick(button, Qt::LeftButton);
        // Written on the thread pool: the menu item waits meanwhile (its end is announced through the event
        // loop, so nothing has ended yet here), the window goes on.
        QVERIFY(m_window->wizard()->runbookExport()->isExporting());
        QVERIFY(!menuItem->isEnabled());
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().at(1).toBool(), true);
        QVERIFY(menuItem->isEnabled());
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.join(QLatin1Char('\n'))));
        QFile file(m_dialogs.exportTo);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>"), Qt::CaseInsensitive));
        QVERIFY(html.contains(QLatin1String("id=\"runbook\"")));
        QVERIFY(html.contains(QLatin1String("announced in #ops")));
        QVERIFY(!html.contains(QLatin1String("<link"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("src=\"http"), Qt::CaseInsensitive));
        verifyNoKey(html);

        // A PDF laid out on the thread pool (fonts and painting off the GUI thread) reads back the same.
        m_dialogs.exportTo = m_dir.filePath(QStringLiteral("runbook.pdf"));
        exported.clear();
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().at(1).toBool(), true);
        const QString pdf = pdfText(m_dialogs.exportTo);
        QVERIFY(pdf.contains(m_sim->newInstance().url.host()));
        QVERIFY(pdf.contains(QLatin1String("announced in #ops")));
        verifyNoKey(pdf);

        // An unwritable target: a clear error, nothing half-written.
        m_dialogs.exportTo = m_dir.filePath(QStringLiteral("no-such-folder/runbook.md"));
        exported.clear();
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(exported.wait(60000));
        QCOMPARE(exported.first().at(1).toBool(), false);
        QCOMPARE(m_dialogs.errors.size(), 1);
        QVERIFY(m_dialogs.errors.first().contains(QLatin1String("no-such-folder")));
        QVERIFY(!QFile::exists(m_dialogs.exportTo));
    }
};

QTEST_MAIN(TestRunbookPrint)
#include "tst_runbookprint.moc"
