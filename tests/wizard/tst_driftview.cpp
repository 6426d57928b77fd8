// The Drift tab of the Test plan & drift step, driven offscreen in the real main window against an
// in-process octosim pair: the clone time is detected, drift made on the old instance shows up after a
// refresh with its objects and timeline, the budget turns the state red with the guide's advice, the
// readiness strip's drift light follows the plan's last check, and the objects export as CSV and Markdown
// through the dialog service.
#include "demoenvironment.h"
#include "dialogservice.h"
#include "drifttimelinechart.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "plandocument.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class ExportDialogs : public DialogService
{
public:
    QString exportPath;
    QStringList errors;
    QString askOpenFile(QWidget *, const QString &) override { return {}; }
    QString askSaveFile(QWidget *, const QString &) override { return {}; }
    DiscardChoice confirmDiscard(QWidget *, const QString &) override { return DiscardChoice::Discard; }
    bool confirmRecover(QWidget *, const QString &, const QDateTime &) override { return false; }
    void showError(QWidget *, const QString &, const QString &message) override { errors << message; }
    void showAbout(QWidget *, const QString &, const QString &) override {}
    QString askExportFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return exportPath;
    }
};

class TestDriftView : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    ExportDialogs m_dialogs;
    NetworkContext m_network; // outlives the window's clients
    KeychainStore m_keychain{QStringLiteral("handover-test")};
    std::unique_ptr<MainWindow> m_window;

    template<typename T = QWidget>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    int listed(int side) const
    {
        auto *tree = child<QTreeWidget>("driftObjectsTree");
        return tree && tree->topLevelItemCount() > side ? tree->topLevelItem(side)->childCount() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
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
    }

    void cleanupTestCase()
    {
        m_window->document()->newPlan();
        m_window.reset();
    }

    void driftShowsTheOldServersChangesAndFollowsTheBudget()
    {
        auto *light = child<QLabel>("readinessDriftLight");
        QVERIFY(light);
        QCOMPARE(light->property("light").toString(), QStringLiteral("unknown"));

        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::TestPlan)));
        // Nothing to export before the first reading.
        QVERIFY(child<QPushButton>("driftExportCsv"));
        QVERIFY(!child<QPushButton>("driftExportCsv")->isEnabled());
        QVERIFY(!child<QPushButton>("driftExportMarkdown")->isEnabled());
        // The step opens on its Test plan tab; the Drift tab is the second, reached with the keyboard the way
        // a lead would (Ctrl+Tab on the focused tab bar).
        auto *tabs = child<QTabWidget>("testPlanTabs");
        QVERIFY(tabs);
        QCOMPARE(tabs->currentIndex(), 0);
        tabs->tabBar()->setFocus();
        QTest::keyClick(tabs->tabBar(), Qt::Key_Right);
        QCOMPARE(tabs->currentIndex(), 1);
        auto *state = child<QLabel>("driftStateLabel");
        QVERIFY(state);
        // Read on its own when shown: the clone is fresh, so green, and the clone time was detected.
        QTRY_COMPARE_WITH_TIMEOUT(state->property("state").toString(), QStringLiteral("green"), 60000);
        QVERIFY(child<QLabel>("driftCloneTimeLabel")->text().contains(QStringLiteral("detected")));
        QCOMPARE(listed(0), 0);
        QTRY_COMPARE(light->property("light").toString(), QStringLiteral("green"));
        QVERIFY(m_window->plan()->drift().lastCheck.has_value());

        // The old server keeps changing: a refresh lists the changed objects and draws them.
        QCOMPARE(m_sim->driftOldInstance(40), 40);
        auto *refresh = child<QPushButton>("driftRefreshButton");
        QTRY_VERIFY_WITH_TIMEOUT(refresh->isEnabled(), 30000);
        refresh->click();
        QTRY_VERIFY_WITH_TIMEOUT(listed(0) > 0, 60000);
        QCOMPARE(listed(1), 0); // nothing was changed on the clone
        QVERIFY(child<DriftTimelineChart>("driftTimelineChart")->peakOld() > 0);
        QVERIFY(child<QLabel>("driftSummary")->text().contains(QStringLiteral("on the old server")));
        QTRY_VERIFY(m_window->plan()->drift().lastCheck->changesSinceClone > 0);

        // A budget of one structural edit: red at once, with the guide's advice, and the light follows.
        auto *threshold = child<QSpinBox>("driftStructuralThreshold");
        threshold->setFocus();
        threshold->setValue(1);
        QTRY_COMPARE(state->property("state").toString(), QStringLiteral("red"));
        QVERIFY(!child<QLabel>("driftAdvice")->isHidden());
        QVERIFY(!child<QLabel>("driftAdvice")->text().isEmpty());
        QCOMPARE(m_window->plan()->drift().structuralThreshold, 1);
        QTRY_COMPARE(light->property("light").toString(), QStringLiteral("red"));
    }

    void driftObjectsExportAsCsvAndMarkdown()
    {
        // The reading of the test before: the old server's changed objects are listed.
        QTRY_VERIFY_WITH_TIMEOUT(listed(0) > 0, 60000);
        auto *tree = child<QTreeWidget>("driftObjectsTree");
        const QTreeWidgetItem *first = tree->topLevelItem(0)->child(0);
        const QString firstId = first->toolTip(0);
        QVERIFY(!firstId.isEmpty());

        auto *csvButton = child<QPushButton>("driftExportCsv");
        QTRY_VERIFY(csvButton->isEnabled());
        m_dialogs.exportPath = m_dir.filePath(QStringLiteral("drift.csv"));
        csvButton->click();
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.join(QLatin1Char('\n'))));
        QFile csvFile(m_dialogs.exportPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(csvFile.readAll());
        QVERIFY2(csv.startsWith(QStringLiteral("side,object,id,kind,")), qPrintable(csv.left(200)));
        // One record per listed object (the view lists them all below its cap), the newest first.
        QCOMPARE(int(csv.count(QStringLiteral("\r\noldServer,"))), listed(0));
        QCOMPARE(int(csv.count(QStringLiteral("\r\nclone,"))), listed(1));
        const QString firstRecord = csv.section(QStringLiteral("\r\n"), 1, 1);
        QVERIFY2(firstRecord.contains(QLatin1Char(',') + firstId + QLatin1Char(',')),
                 qPrintable(firstRecord));
        QVERIFY(!csv.contains(m_sim->oldInstance().apiKey));

        m_dialogs.exportPath = m_dir.filePath(QStringLiteral("drift.md"));
        child<QPushButton>("driftExportMarkdown")->click();
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.join(QLatin1Char('\n'))));
        QFile mdFile(m_dialogs.exportPath);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(mdFile.readAll());
        QVERIFY(markdown.startsWith(QStringLiteral("# Drift since the clone")));
        QVERIFY(markdown.contains(QStringLiteral("- **State:** **red**")));
        QVERIFY(markdown.contains(m_sim->oldInstance().url.toString()));
        QVERIFY(markdown.contains(QStringLiteral("| %1 |").arg(firstId)));

        // A folder that does not exist: the error is shown, nothing is written.
        m_dialogs.exportPath = m_dir.filePath(QStringLiteral("missing/drift.csv"));
        csvButton->click();
        QCOMPARE(m_dialogs.errors.size(), 1);
        QVERIFY(m_dialogs.errors.constFirst().contains(QStringLiteral("drift.csv")));
        QVERIFY(!QFile::exists(m_dialogs.exportPath));
        m_dialogs.errors.clear();
    }
};

QTEST_MAIN(TestDriftView)
#include "tst_driftview.moc"
