// The Cutover step driven by the keyboard, offscreen in the real main window against an in-process octosim
// pair (demo mode: the journal goes beside a temporary plan name): a rehearsal is started and kept apart from
// the live run; Space ticks the selected step only once it is on disk (the journal file read back by another
// CutoverController, as a restarted Handover would); N adds a note; a failing gate (the old server not in
// maintenance mode) blocks Space until O gives a reason; the confirmed maintenance action is read back and
// turns the gate green; the rehearsal's timings become the planned durations. Then, in the same rehearsal,
// the clone's items are disabled and exactly those enabled again (read back from the new server), and a
// Tentacle upgrade wave is queued for an environment the runbook took from the old server's inventory.
#include "cutovercontroller.h"
#include "demoenvironment.h"
#include "dialogservice.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octopusclient.h"
#include "octosimserver.h"
#include "plandocument.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

class ConfirmingDialogs : public DialogService
{
public:
    QStringList confirmations;
    QString askOpenFile(QWidget *, const QString &) override { return {}; }
    QString askSaveFile(QWidget *, const QString &) override { return {}; }
    DiscardChoice confirmDiscard(QWidget *, const QString &) override { return DiscardChoice::Discard; }
    bool confirmRecover(QWidget *, const QString &, const QDateTime &) override { return false; }
    void showError(QWidget *, const QString &, const QString &) override {}
    void showAbout(QWidget *, const QString &, const QString &) override {}
    bool confirm(QWidget *, const QString &, const QString &text, const QString &) override
    {
        confirmations << text;
        return true;
    }
};

} // namespace

class TestCutoverPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    ConfirmingDialogs m_dialogs;
    NetworkContext m_network;
    KeychainStore m_keychain{QStringLiteral("handover-test")};
    std::unique_ptr<MainWindow> m_window;

    template<typename T = QWidget>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    CutoverController *controller() const { return m_window->wizard()->cutover(); }
    QString selectedId() const
    {
        const QTreeWidgetItem *item = child<QTreeWidget>("cutoverSteps")->currentItem();
        return item ? item->data(0, Qt::UserRole + 1).toString() : QString();
    }
    // Walks the list with the Down key until `id` is selected.
    bool walkTo(const QString &id)
    {
        auto *tree = child<QTreeWidget>("cutoverSteps");
        for (int i = 0; i < 60 && selectedId() != id; ++i)
            QTest::keyClick(tree, Qt::Key_Down);
        return selectedId() == id;
    }

    // The new server's answer to GET `path`, with the admin key (what the lead would see in the portal).
    QJsonObject newServerGet(const QString &path)
    {
        ConnectionSettings settings;
        settings.baseUrl = m_sim->newInstance().url;
        settings.apiKey = m_sim->newInstance().apiKey;
        settings.role = ServerRole::New;
        OctopusClient client(settings, &m_network);
        ApiJob *job = client.get(path);
        QSignalSpy finished(job, &ApiJob::finished);
        if (!finished.wait(20000))
            return {};
        return finished.first().first().value<ApiResult>().json.object();
    }
    // Ids of the deployment targets of Spaces-1 on the new server that are disabled.
    QStringList disabledTargets()
    {
        QStringList ids;
        const QJsonArray items =
            newServerGet(QStringLiteral("/api/Spaces-1/machines?take=100000")).value(QLatin1String("Items")).toArray();
        for (const QJsonValue &v : items) {
            if (v.toObject().value(QLatin1String("IsDisabled")).toBool())
                ids << v.toObject().value(QLatin1String("Id")).toString();
        }
        return ids;
    }
    // Clicks the selected step's action (confirmed by the test's dialogs), waits for its result entry and
    // returns the confirmation text.
    QString runActionOfSelected(const QString &expectedResult)
    {
        const QString id = selectedId();
        const qsizetype asked = m_dialogs.confirmations.size();
        QTest::mouseClick(child<QPushButton>("cutoverActionButton"), Qt::LeftButton);
        if (m_dialogs.confirmations.size() != asked + 1)
            return {};
        if (!QTest::qWaitFor(
                [&] {
                    return controller()->state().steps.value(id).lastActionResult.contains(expectedResult);
                },
                60000))
            return {};
        child<QTreeWidget>("cutoverSteps")->setFocus();
        return m_dialogs.confirmations.constLast();
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

    void rehearsalByKeyboard()
    {
        // The lead's own test, not yet run: the test plan's gate fails.
        TestPlanSection tests = m_window->plan()->testPlan();
        TestPlanRow row;
        row.id = QStringLiteral("custom:payroll");
        row.kind = QStringLiteral("custom");
        row.custom = true;
        row.title = QStringLiteral("Deploy the payroll hotfix");
        tests.rows.append(row);
        m_window->plan()->setTestPlan(tests);
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Cutover)));
        QVERIFY(controller()->isJournalOpen());
        QVERIFY(child<QLabel>("cutoverJournalLabel")->text().contains(QLatin1String(".handover-journal")));
        auto *tree = child<QTreeWidget>("cutoverSteps");
        QVERIFY(tree);
        QTRY_COMPARE(QApplication::focusWidget(), tree);
        // The server gates are checked when the page shows.
        QTRY_VERIFY_WITH_TIMEOUT(!controller()->isEvaluatingGates() &&
                                     controller()->gateOf(QStringLiteral("cutover:maintenance-on"))->status !=
                                         CutoverRunbook::Gate::Status::Pending,
                                 60000);

        // A rehearsal, kept apart from the live run.
        QTest::mouseClick(child<QPushButton>("cutoverStartRehearsalButton"), Qt::LeftButton);
        QVERIFY(controller()->isRehearsal());
        const QString rehearsal = controller()->run();
        QCOMPARE(child<QComboBox>("cutoverRunCombo")->currentData().toString(), rehearsal);
        auto *op = child<QLineEdit>("cutoverOperator");
        op->setFocus();
        op->selectAll();
        QTest::keyClicks(op, QStringLiteral("dana"));
        QTest::keyClick(op, Qt::Key_Tab);
        QCOMPARE(controller()->operatorName(), QStringLiteral("dana"));

        // Space ticks the current step; the selection moves on to the next one.
        tree->setFocus();
        QVERIFY(walkTo(QStringLiteral("before:announce")));
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(controller()->state().steps.value(QStringLiteral("before:announce")).done);
        QCOMPARE(controller()->state().steps.value(QStringLiteral("before:announce")).by,
                 QStringLiteral("dana"));
        QCOMPARE(selectedId(), QStringLiteral("before:change-freeze"));
        QVERIFY(tree->topLevelItem(0)->child(0)->text(5).contains(QLatin1String("dana")));

        // N: a note, Enter adds it and gives the list the focus back.
        QTest::keyClick(tree, Qt::Key_N);
        auto *note = child<QLineEdit>("cutoverNoteEdit");
        QCOMPARE(QApplication::focusWidget(), note);
        QTest::keyClicks(note, QStringLiteral("freeze announced in #ops"));
        QTest::keyClick(note, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), tree);
        QVERIFY(controller()
                    ->state()
                    .steps.value(QStringLiteral("before:change-freeze"))
                    .notes.join(QLatin1Char('\n'))
                    .contains(QLatin1String("freeze announced in #ops")));

        // The maintenance step's gate fails (the old server is not in maintenance mode): Space is refused
        // and says why.
        QVERIFY(walkTo(QStringLiteral("cutover:maintenance-on")));
        // A new run's gates are checked again (the rehearsal may use other servers).
        QTRY_COMPARE_WITH_TIMEOUT(controller()->gateOf(selectedId())->status,
                                  CutoverRunbook::Gate::Status::Fail, 60000);
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(!controller()->state().steps.value(QStringLiteral("cutover:maintenance-on")).done);
        auto *problem = child<QLabel>("cutoverProblem");
        QVERIFY(problem->isVisibleTo(m_window.get()));
        QVERIFY(problem->text().contains(QLatin1String("maintenance")));

        // The confirmed action puts the old server into maintenance mode; the gate turns green once checked.
        QTest::mouseClick(child<QPushButton>("cutoverActionButton"), Qt::LeftButton);
        QCOMPARE(m_dialogs.confirmations.size(), 1);
        QVERIFY(m_dialogs.confirmations.first().contains(m_sim->oldInstance().url.toString()));
        QVERIFY(m_dialogs.confirmations.first().contains(QLatin1String("OLD")));
        QTRY_VERIFY_WITH_TIMEOUT(controller()
                                     ->state()
                                     .steps.value(QStringLiteral("cutover:maintenance-on"))
                                     .lastActionResult.contains(QLatin1String("maintenance mode is on")),
                                 30000);
        QTRY_COMPARE_WITH_TIMEOUT(controller()->gateOf(QStringLiteral("cutover:maintenance-on"))->status,
                                  CutoverRunbook::Gate::Status::Pass, 60000);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(controller()->state().steps.value(QStringLiteral("cutover:maintenance-on")).done);

        // The test plan has an untested row: its gate fails until O gives a reason; then Space ticks.
        QVERIFY(walkTo(QStringLiteral("cutover:test-plan")));
        QCOMPARE(controller()->gateOf(selectedId())->status, CutoverRunbook::Gate::Status::Fail);
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(!controller()->state().steps.value(QStringLiteral("cutover:test-plan")).done);
        QTest::keyClick(tree, Qt::Key_O);
        auto *reason = child<QLineEdit>("cutoverOverrideReason");
        QCOMPARE(QApplication::focusWidget(), reason);
        QTest::keyClicks(reason, QStringLiteral("rehearsal: tests run tomorrow"));
        QTest::keyClick(reason, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), tree);
        QCOMPARE(controller()->gateOf(QStringLiteral("cutover:test-plan"))->status,
                 CutoverRunbook::Gate::Status::Overridden);
        QTest::keyClick(tree, Qt::Key_Space);
        QVERIFY(controller()->state().steps.value(QStringLiteral("cutover:test-plan")).done);
        QCOMPARE(controller()->state().steps.value(QStringLiteral("cutover:test-plan")).overrideReason,
                 QStringLiteral("rehearsal: tests run tomorrow"));
        QCOMPARE(controller()->state().done, 3);

        // What is shown as done is on disk: another reader of the same journal (a restarted Handover) sees
        // the same three ticks in the rehearsal, and none in the live run.
        MigrationPlan copy;
        copy.replaceData(m_window->plan()->data());
        CutoverController restarted(&copy, nullptr);
        QVERIFY(
            restarted.openJournalFor(controller()->journalPath().chopped(QStringLiteral("-journal").size())));
        QCOMPARE(restarted.journalPath(), controller()->journalPath());
        QCOMPARE(restarted.state().done, 0);
        restarted.setRun(rehearsal);
        QCOMPARE(restarted.state().done, 3);
        QCOMPARE(restarted.rehearsals(), QStringList{rehearsal});

        // The live run in the window: nothing ticked.
        auto *runs = child<QComboBox>("cutoverRunCombo");
        runs->setFocus();
        QTest::keyClick(runs, Qt::Key_Home);
        QTRY_VERIFY(!controller()->isRehearsal());
        QCOMPARE(controller()->state().done, 0);

        // Back to the rehearsal: its timings become the planned minutes.
        QTest::keyClick(runs, Qt::Key_End);
        QTRY_COMPARE(controller()->run(), rehearsal);
        QTest::mouseClick(child<QPushButton>("cutoverAdoptTimingsButton"), Qt::LeftButton);
        const CutoverSection &section = m_window->plan()->cutover();
        QVERIFY(section.edits.contains(QStringLiteral("before:announce")));
        QCOMPARE(section.edits.value(QStringLiteral("before:announce")).plannedMinutes, 1);
        QVERIFY(section.edits.value(QStringLiteral("cutover:maintenance-on")).plannedMinutes >= 1);
    }

    // In the same rehearsal: the clone's items disabled before cutover and exactly those enabled again after
    // it, read back from the new server; then a Tentacle upgrade wave queued for one environment, which the
    // runbook took from the old server's inventory.
    void cloneItemsAndTentacleUpgradeFromThePage()
    {
        QVERIFY(controller()->isRehearsal());
        auto *tree = child<QTreeWidget>("cutoverSteps");
        tree->setFocus();
        const QStringList disabledBefore = disabledTargets();
        QVERIFY(!newServerGet(QStringLiteral("/api/Spaces-1/machines?take=100000"))
                     .value(QLatin1String("Items"))
                     .toArray()
                     .isEmpty());

        QVERIFY(walkTo(QStringLiteral("before:disable-clone-items")));
        const QString disable = runActionOfSelected(QStringLiteral("disabled"));
        QVERIFY2(disable.contains(m_sim->newInstance().url.toString()), qPrintable(disable));
        QVERIFY(disable.contains(QLatin1String("NEW")));
        const QStringList disabledDuring = disabledTargets();
        QVERIFY(disabledDuring.size() > disabledBefore.size());
        // Exactly the disabled items are in the journal, for the re-enable after cutover.
        QString newlyDisabled;
        for (const QString &id : disabledDuring) {
            if (!disabledBefore.contains(id))
                newlyDisabled = id;
        }
        bool recorded = false;
        for (const JournalEntry &e : controller()->entries()) {
            if (e.kind == QLatin1String("result") && e.stepId == QLatin1String("before:disable-clone-items"))
                recorded = e.detail.contains(QLatin1Char('"') + newlyDisabled + QLatin1Char('"'));
        }
        QVERIFY(recorded);

        QVERIFY(walkTo(QStringLiteral("after:reenable-clone-items")));
        const QString reenable = runActionOfSelected(QStringLiteral("enabled again"));
        QVERIFY2(reenable.contains(m_sim->newInstance().url.toString()), qPrintable(reenable));
        QCOMPARE(disabledTargets(), disabledBefore);
        QTRY_COMPARE_WITH_TIMEOUT(controller()->gateOf(QStringLiteral("after:reenable-clone-items"))->status,
                                  CutoverRunbook::Gate::Status::Pass, 60000);

        // The upgrade waves follow the old server's environments (adopted from the session's inventory).
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->plan()->cutover().environments.isEmpty(), 60000);
        const CutoverSection::Environment first = m_window->plan()->cutover().environments.constFirst();
        const QString wave = QStringLiteral("after:upgrade:") + first.id;
        QVERIFY(controller()->step(wave));
        QVERIFY(walkTo(wave));
        const QString upgrade = runActionOfSelected(QStringLiteral("queued"));
        QVERIFY2(upgrade.contains(first.name), qPrintable(upgrade));
        QVERIFY(upgrade.contains(m_sim->newInstance().url.toString()));
        const QJsonArray tasks = newServerGet(QStringLiteral("/api/tasks?name=Upgrade&take=100"))
                                     .value(QLatin1String("Items"))
                                     .toArray();
        bool queued = false;
        for (const QJsonValue &t : tasks) {
            const QJsonObject task = t.toObject();
            queued = queued || (task.value(QLatin1String("SpaceId")).toString() == first.spaceId &&
                                task.value(QLatin1String("Arguments"))
                                        .toObject()
                                        .value(QLatin1String("EnvironmentId"))
                                        .toString() == first.id);
        }
        QVERIFY(queued);
    }
};

QTEST_MAIN(TestCutoverPage)
#include "tst_cutoverpage.moc"
