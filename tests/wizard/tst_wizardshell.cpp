#include "demoenvironment.h"
#include "dialogservice.h"
#include "guiapplication.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "plandocument.h"
#include "planfilestore.h"
#include "readinessstrip.h"
#include "recentfiles.h"
#include "sessioncredentials.h"
#include "steppage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(DialogService::DiscardChoice)

// Answers the window's questions from queues and records what it was asked; no modal loop ever runs.
class FakeDialogService : public DialogService
{
public:
    QStringList openAnswers;
    QStringList saveAnswers;
    QList<DiscardChoice> discardAnswers;
    bool recoverAnswer = true;

    QStringList errors;
    int discardQuestions = 0;
    int recoverQuestions = 0;
    QString lastSuggestedSavePath;

    QString askOpenFile(QWidget *, const QString &) override
    {
        return openAnswers.isEmpty() ? QString() : openAnswers.takeFirst();
    }
    QString askSaveFile(QWidget *, const QString &suggestedPath) override
    {
        lastSuggestedSavePath = suggestedPath;
        return saveAnswers.isEmpty() ? QString() : saveAnswers.takeFirst();
    }
    DiscardChoice confirmDiscard(QWidget *, const QString &) override
    {
        ++discardQuestions;
        return discardAnswers.isEmpty() ? DiscardChoice::Cancel : discardAnswers.takeFirst();
    }
    bool confirmRecover(QWidget *, const QString &, const QDateTime &) override
    {
        ++recoverQuestions;
        return recoverAnswer;
    }
    void showError(QWidget *, const QString &title, const QString &message) override
    {
        errors << title + QLatin1Char('\n') + message;
    }
    void showAbout(QWidget *, const QString &, const QString &) override {}
};

class TestWizardShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyPageIsReachedWithNextAndBack();
    void proxyFieldsWriteThePlanAndABadOneBlocksNext();
    void nextOnConnectPageNeedsTwoDifferentServers_data();
    void nextOnConnectPageNeedsTwoDifferentServers();
    void typingOnConnectPageWritesUrlsToPlanAndKeysToMemoryOnly();
    void readinessStripFollowsTheConnections();
    void domainPageWritesTheDecision();
    void saveAsThroughDialogServiceWritesPlanThatLoadsBack();
    void titleShowsPlanNameAndModifiedMarker();
    void keyboardSavesWithCtrlSAndEscapeKeepsTheWizard();
    void openingBrokenFileShowsErrorAndKeepsPlan_data();
    void openingBrokenFileShowsErrorAndKeepsPlan();
    void openedPlanFillsConnectPageAndRecentMenu();
    void closingWithUnsavedChangesAsks_data();
    void closingWithUnsavedChangesAsks();
    void crashedSessionIsOfferedForRecovery();
    void goToPageReachesEveryNamedPage_data();
    void goToPageReachesEveryNamedPage();
    void laterStepsAreBuiltWhenFirstShown();
    void commandLineOptionsAreParsed_data();
    void commandLineOptionsAreParsed();
    void demoModeRunsOctosimAndShowsBanner();
    void demoFailureShowsWhyInTheBanner();
    void screenshotCommandWritesPng_data();
    void screenshotCommandWritesPng();

private:
    MainWindow *makeWindow();
    template<typename T = QWidget>
    T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    QAbstractButton *nextButton() const { return m_window->wizard()->button(QWizard::NextButton); }
    QAbstractButton *backButton() const { return m_window->wizard()->button(QWizard::BackButton); }
    void typeInto(const char *name, const QString &text);
    void fillConnections();

    NetworkContext m_network; // outlives every window's clients
    KeychainStore m_keychain{QStringLiteral("handover-test")};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeDialogService> m_dialogs;
    std::unique_ptr<MainWindow> m_window;
};

void TestWizardShell::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_dialogs = std::make_unique<FakeDialogService>();
    m_window.reset(makeWindow());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWizardShell::cleanup()
{
    if (m_window)
        m_window->document()->newPlan(); // drop unsaved changes so destruction asks nothing
    m_window.reset();
    m_dialogs.reset();
    m_settings.reset();
    m_dir.reset();
}

MainWindow *TestWizardShell::makeWindow()
{
    return new MainWindow({{m_dialogs.get(), &m_network, m_settings.get(), &m_keychain},
                           m_dir->filePath(QStringLiteral("autosave"))});
}

void TestWizardShell::typeInto(const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(name);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void TestWizardShell::fillConnections()
{
    typeInto("oldUrlEdit", QStringLiteral("https://octopusdeploy.example.com"));
    typeInto("newUrlEdit", QStringLiteral("https://octopus.example.com"));
}

void TestWizardShell::proxyFieldsWriteThePlanAndABadOneBlocksNext()
{
    HandoverWizard *wizard = m_window->wizard();
    fillConnections();
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    typeInto("oldProxyEdit", QStringLiteral("ftp://proxy.corp.example"));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY2(child<QLabel>("connectIssuesLabel")->text().contains(QLatin1String("proxy")),
             qPrintable(child<QLabel>("connectIssuesLabel")->text()));
    typeInto("oldProxyEdit", QStringLiteral("http://proxy.corp.example:3128"));
    typeInto("newProxyEdit", QStringLiteral("none"));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(m_window->plan()->serverProxy(ServerRole::Old),
             QStringLiteral("http://proxy.corp.example:3128"));
    QCOMPARE(m_window->plan()->serverProxy(ServerRole::New), QStringLiteral("none"));
}

void TestWizardShell::everyPageIsReachedWithNextAndBack()
{
    const QStringList pages{QStringLiteral("connectPage"),     QStringLiteral("domainPage"),
                            QStringLiteral("tentaclesPage"),   QStringLiteral("ciIntegrationsPage"),
                            QStringLiteral("scriptAuditPage"), QStringLiteral("testPlanPage"),
                            QStringLiteral("cutoverPage")};
    HandoverWizard *wizard = m_window->wizard();
    QCOMPARE(wizard->currentPage()->objectName(), pages.first());
    fillConnections();

    for (int i = 0; i < pages.size(); ++i) {
        QCOMPARE(wizard->currentPage()->objectName(), pages.at(i));
        QVERIFY2(!wizard->currentPage()->title().isEmpty(), qPrintable(pages.at(i)));
        QVERIFY2(!wizard->currentPage()->subTitle().isEmpty(), qPrintable(pages.at(i)));
        // The step list beside the pages follows along.
        auto *step = child<QLabel>(qPrintable(QStringLiteral("stepListItem%1").arg(i)));
        QVERIFY(step && step->isVisible());
        QCOMPARE(step->property("state").toString(), QStringLiteral("current"));
        if (i > 0)
            QCOMPARE(
                child(qPrintable(QStringLiteral("stepListItem%1").arg(i - 1)))->property("state").toString(),
                QStringLiteral("done"));
        // The readiness strip is visible above every page.
        QVERIFY(child("readinessOld")->isVisible());
        QVERIFY(child("readinessNew")->isVisible());
        QVERIFY(child("readinessDrift")->isVisible());
        // The last step is the night's checklist, no longer a description.
        if (pages.at(i) == QLatin1String("cutoverPage")) {
            QVERIFY(!wizard->currentPage()->findChild<QLabel *>(QStringLiteral("plannedStepLater")));
            auto *steps = wizard->currentPage()->findChild<QWidget *>(QStringLiteral("cutoverSteps"));
            QVERIFY(steps && steps->isVisible());
        }
        if (i + 1 < pages.size()) {
            QVERIFY2(nextButton()->isEnabled(), qPrintable(pages.at(i)));
            QTest::mouseClick(nextButton(), Qt::LeftButton);
        }
    }
    QVERIFY(!nextButton()->isVisible());
    QVERIFY(wizard->button(QWizard::FinishButton)->isVisible());

    for (int i = pages.size() - 1; i > 0; --i) {
        QCOMPARE(wizard->currentPage()->objectName(), pages.at(i));
        QTest::mouseClick(backButton(), Qt::LeftButton);
    }
    QCOMPARE(wizard->currentPage()->objectName(), pages.first());
    QVERIFY(!backButton()->isVisible());
}

void TestWizardShell::nextOnConnectPageNeedsTwoDifferentServers_data()
{
    QTest::addColumn<QString>("oldUrl");
    QTest::addColumn<QString>("newUrl");
    QTest::addColumn<bool>("nextEnabled");
    QTest::newRow("nothing typed") << QString() << QString() << false;
    QTest::newRow("only old") << QStringLiteral("https://old.example.com") << QString() << false;
    QTest::newRow("no scheme") << QStringLiteral("old.example.com")
                               << QStringLiteral("https://new.example.com") << false;
    QTest::newRow("same server") << QStringLiteral("https://octo.example.com")
                                 << QStringLiteral("https://octo.example.com/") << false;
    QTest::newRow("two servers") << QStringLiteral("https://old.example.com")
                                 << QStringLiteral("https://new.example.com") << true;
}

void TestWizardShell::nextOnConnectPageNeedsTwoDifferentServers()
{
    QFETCH(QString, oldUrl);
    QFETCH(QString, newUrl);
    QFETCH(bool, nextEnabled);
    QVERIFY(!nextButton()->isEnabled());
    typeInto("oldUrlEdit", oldUrl);
    typeInto("newUrlEdit", newUrl);
    QCOMPARE(nextButton()->isEnabled(), nextEnabled);
    QCOMPARE(child<QLabel>("connectIssuesLabel")->text().isEmpty(), nextEnabled);
}

void TestWizardShell::typingOnConnectPageWritesUrlsToPlanAndKeysToMemoryOnly()
{
    fillConnections();
    typeInto("oldApiKeyEdit", QStringLiteral("API-OLDSECRET0000000000000"));
    typeInto("newApiKeyEdit", QStringLiteral("API-NEWSECRET0000000000000"));

    QCOMPARE(m_window->plan()->serverUrl(ServerRole::Old),
             QUrl(QStringLiteral("https://octopusdeploy.example.com")));
    QCOMPARE(m_window->plan()->serverUrl(ServerRole::New),
             QUrl(QStringLiteral("https://octopus.example.com")));
    QCOMPARE(m_window->credentials()->apiKey(ServerRole::Old), QStringLiteral("API-OLDSECRET0000000000000"));
    QCOMPARE(m_window->credentials()->apiKey(ServerRole::New), QStringLiteral("API-NEWSECRET0000000000000"));
    QCOMPARE(child<QLineEdit>("oldApiKeyEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLineEdit>("newApiKeyEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(!PlanFileStore::serialize(m_window->plan()->data()).contains("SECRET"));

    // Saved and autosaved files carry the URLs but never the keys.
    m_dialogs->saveAnswers << m_dir->filePath(QStringLiteral("keys.handover"));
    QVERIFY(m_window->savePlanAs());
    QFile saved(m_dir->filePath(QStringLiteral("keys.handover")));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY(bytes.contains("octopusdeploy.example.com"));
    QVERIFY(!bytes.contains("SECRET"));
    typeInto("oldUrlEdit", QStringLiteral("https://changed.example.com"));
    QVERIFY(!m_window->document()->autosaveNow());
    QFile autosave(m_window->document()->autosaveFilePath());
    QVERIFY(autosave.open(QIODevice::ReadOnly));
    QVERIFY(!autosave.readAll().contains("SECRET"));
}

void TestWizardShell::readinessStripFollowsTheConnections()
{
    ReadinessStrip *strip = m_window->readinessStrip();
    QVERIFY(strip->text(ServerRole::Old).startsWith(QStringLiteral("Old server")));
    QVERIFY(strip->text(ServerRole::Old).contains(QStringLiteral("no URL")));
    typeInto("oldUrlEdit", QStringLiteral("https://old.example.com"));
    QVERIFY(strip->text(ServerRole::Old).contains(QStringLiteral("no API key")));
    QVERIFY(strip->text(ServerRole::New).contains(QStringLiteral("no URL")));
    typeInto("oldApiKeyEdit", QStringLiteral("API-KEY"));
    QCOMPARE(strip->text(ServerRole::Old), QStringLiteral("Old server: not checked"));
    QCOMPARE(child<QLabel>("readinessOldText")->text(), QStringLiteral("Old server: not checked"));

    strip->setState(ServerRole::New, ReadinessStrip::Light::Ready, QStringLiteral("New server: ready"),
                    QStringLiteral("tip"));
    QCOMPARE(strip->light(ServerRole::New), ReadinessStrip::Light::Ready);
    QCOMPARE(child("readinessNewLight")->property("light").toString(), QStringLiteral("ready"));
    QCOMPARE(child("readinessNew")->toolTip(), QStringLiteral("tip"));
}

void TestWizardShell::domainPageWritesTheDecision()
{
    fillConnections();
    QTest::mouseClick(nextButton(), Qt::LeftButton);
    QCOMPARE(m_window->wizard()->currentId(), HandoverWizard::pageId(PlanStep::Domain));
    QVERIFY(nextButton()->isEnabled()); // undecided is a warning, not a block

    child<QRadioButton>("domainNewRadio")->click();
    QCOMPARE(m_window->plan()->domain().choice, DomainDecision::Choice::NewName);
    QVERIFY(!nextButton()->isEnabled()); // a new name needs its URL
    typeInto("domainNewPublicUrlEdit", QStringLiteral("https://octopus.example.com"));
    QVERIFY(nextButton()->isEnabled());
    QCOMPARE(m_window->plan()->domain().newPublicUrl, QUrl(QStringLiteral("https://octopus.example.com")));

    child<QRadioButton>("domainKeepRadio")->click();
    QCOMPARE(m_window->plan()->domain().choice, DomainDecision::Choice::KeepName);
}

void TestWizardShell::saveAsThroughDialogServiceWritesPlanThatLoadsBack()
{
    fillConnections();
    const QString chosen = m_dir->filePath(QStringLiteral("cutover-plan")); // no suffix: one is added
    m_dialogs->saveAnswers << chosen;
    m_window->findChild<QAction *>(QStringLiteral("actionSaveAs"))->trigger();
    QVERIFY(m_dialogs->errors.isEmpty());

    const QString expected = chosen + QStringLiteral(".handover");
    QCOMPARE(m_window->document()->filePath(), expected);
    const PlanLoadResult loaded = PlanFileStore::load(expected);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error.toDisplayString()));
    QVERIFY(loaded.plan == m_window->plan()->data());
    QCOMPARE(RecentFiles(m_settings.get()).files(), QStringList{expected});

    // Cancelling the dialog saves nothing.
    m_dialogs->saveAnswers.clear();
    QVERIFY(!m_window->savePlanAs());
}

void TestWizardShell::titleShowsPlanNameAndModifiedMarker()
{
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Untitled plan[*]")));
    QVERIFY(!m_window->isWindowModified());
    typeInto("oldUrlEdit", QStringLiteral("https://old.example.com"));
    QVERIFY(m_window->isWindowModified());

    m_dialogs->saveAnswers << m_dir->filePath(QStringLiteral("titled.handover"));
    m_window->findChild<QAction *>(QStringLiteral("actionSave"))->trigger(); // untitled: Save asks for a name
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("titled.handover[*]")));

    typeInto("newUrlEdit", QStringLiteral("https://new.example.com"));
    QVERIFY(m_window->isWindowModified());
    m_window->findChild<QAction *>(QStringLiteral("actionSave"))->trigger(); // titled: saves in place
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_dialogs->saveAnswers.isEmpty());
}

void TestWizardShell::keyboardSavesWithCtrlSAndEscapeKeepsTheWizard()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    typeInto("oldUrlEdit", QStringLiteral("https://old.example.com"));
    QVERIFY(m_window->isWindowModified());

    m_dialogs->saveAnswers << m_dir->filePath(QStringLiteral("keyboard.handover"));
    QTest::keyClick(child<QLineEdit>("oldUrlEdit"), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("keyboard.handover"))));

    // Escape would reject a stand-alone QWizard and hide it; embedded, it must stay.
    QTest::keyClick(child<QLineEdit>("oldUrlEdit"), Qt::Key_Escape);
    QVERIFY(m_window->wizard()->isVisible());
    QCOMPARE(m_window->wizard()->currentId(), HandoverWizard::pageId(PlanStep::Connect));

    // Tab goes from the old server's URL to its key, then to the new server.
    child<QLineEdit>("oldUrlEdit")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("oldApiKeyEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("newUrlEdit"));
}

void TestWizardShell::openingBrokenFileShowsErrorAndKeepsPlan_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("corrupt") << QByteArray("not json") << QStringLiteral("not a valid Handover plan");
    QTest::newRow("truncated") << QByteArray(R"({"kind": "handover.plan", "formatVersion": 1, "oldSer)")
                               << QStringLiteral("incomplete");
    QTest::newRow("newer version") << QByteArray(R"({"kind": "handover.plan", "formatVersion": 9})")
                                   << QStringLiteral("newer version of Handover");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("does not exist");
}

void TestWizardShell::openingBrokenFileShowsErrorAndKeepsPlan()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expectedText);
    const QString path = m_dir->filePath(QStringLiteral("broken.handover"));
    if (!bytes.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    typeInto("oldUrlEdit", QStringLiteral("https://kept.example.com"));
    m_dialogs->discardAnswers << DialogService::DiscardChoice::Discard;
    m_dialogs->openAnswers << path;
    m_window->findChild<QAction *>(QStringLiteral("actionOpen"))->trigger();

    QCOMPARE(m_dialogs->errors.size(), 1);
    QVERIFY2(m_dialogs->errors.first().contains(expectedText), qPrintable(m_dialogs->errors.first()));
    QVERIFY(m_dialogs->errors.first().contains(QStringLiteral("broken.handover")));
    QCOMPARE(m_window->plan()->serverUrl(ServerRole::Old), QUrl(QStringLiteral("https://kept.example.com")));
    if (!bytes.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }
}

void TestWizardShell::openedPlanFillsConnectPageAndRecentMenu()
{
    PlanData data;
    data.oldServer.url = QUrl(QStringLiteral("https://from-file-old.example.com"));
    data.newServer.url = QUrl(QStringLiteral("https://from-file-new.example.com"));
    const QString path = m_dir->filePath(QStringLiteral("existing.handover"));
    QVERIFY(!PlanFileStore::save(data, path));

    QVERIFY(m_window->openPlanFile(path));
    QCOMPARE(child<QLineEdit>("oldUrlEdit")->text(), QStringLiteral("https://from-file-old.example.com"));
    QCOMPARE(child<QLineEdit>("newUrlEdit")->text(), QStringLiteral("https://from-file-new.example.com"));
    QVERIFY(nextButton()->isEnabled());
    QVERIFY(!m_window->isWindowModified());

    auto *recent = m_window->findChild<QMenu *>(QStringLiteral("menuRecent"));
    QVERIFY(recent);
    QCOMPARE(recent->actions().first()->toolTip(), QDir::toNativeSeparators(path));
}

void TestWizardShell::closingWithUnsavedChangesAsks_data()
{
    QTest::addColumn<DialogService::DiscardChoice>("answer");
    QTest::addColumn<bool>("closes");
    QTest::newRow("cancel keeps the window") << DialogService::DiscardChoice::Cancel << false;
    QTest::newRow("discard closes") << DialogService::DiscardChoice::Discard << true;
    QTest::newRow("save closes after saving") << DialogService::DiscardChoice::Save << true;
}

void TestWizardShell::closingWithUnsavedChangesAsks()
{
    QFETCH(DialogService::DiscardChoice, answer);
    QFETCH(bool, closes);
    typeInto("oldUrlEdit", QStringLiteral("https://old.example.com"));
    m_dialogs->discardAnswers << answer;
    m_dialogs->saveAnswers << m_dir->filePath(QStringLiteral("on-close.handover"));
    QCOMPARE(m_window->close(), closes);
    QCOMPARE(m_dialogs->discardQuestions, 1);
    QCOMPARE(m_window->isVisible(), !closes);
    QCOMPARE(QFile::exists(m_dir->filePath(QStringLiteral("on-close.handover"))),
             answer == DialogService::DiscardChoice::Save);
}

void TestWizardShell::crashedSessionIsOfferedForRecovery()
{
    typeInto("oldUrlEdit", QStringLiteral("https://unsaved.example.com"));
    QVERIFY(!m_window->document()->autosaveNow());
    // Simulate a crash: keep the side file the (now closed) window would have removed.
    const QString leftover = m_dir->filePath(QStringLiteral("autosave/crashed.handover-autosave"));
    QVERIFY(QFile::copy(m_window->document()->autosaveFilePath(), leftover));
    m_window->document()->newPlan();
    m_window.reset(makeWindow());

    QVERIFY(m_window->offerRecovery());
    QCOMPARE(m_dialogs->recoverQuestions, 1);
    QCOMPARE(m_window->plan()->serverUrl(ServerRole::Old),
             QUrl(QStringLiteral("https://unsaved.example.com")));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(child<QLineEdit>("oldUrlEdit")->text(), QStringLiteral("https://unsaved.example.com"));
    QVERIFY(!QFile::exists(leftover));
}

void TestWizardShell::goToPageReachesEveryNamedPage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pageObject");
    const QStringList objects{QStringLiteral("connectPage"),     QStringLiteral("domainPage"),
                              QStringLiteral("tentaclesPage"),   QStringLiteral("ciIntegrationsPage"),
                              QStringLiteral("scriptAuditPage"), QStringLiteral("testPlanPage"),
                              QStringLiteral("cutoverPage")};
    const QStringList names = HandoverWizard::pageNames();
    QCOMPARE(names.size(), objects.size());
    for (int i = 0; i < names.size(); ++i)
        QTest::newRow(qPrintable(names.at(i))) << names.at(i) << objects.at(i);
}

void TestWizardShell::goToPageReachesEveryNamedPage()
{
    QFETCH(QString, name);
    QFETCH(QString, pageObject);
    const int id = HandoverWizard::pageIdForName(name);
    QVERIFY(id >= 0);
    QVERIFY(m_window->wizard()->goToPage(id));
    QCOMPARE(m_window->wizard()->currentPage()->objectName(), pageObject);
    // The page is the step of that name in the PlanStep table, and the step list marks that step's row.
    const std::optional<PlanStep> step = planStepForName(name);
    QVERIFY(step);
    QCOMPARE(HandoverWizard::stepForPageId(id), step);
    const int row = int(planStepNames().indexOf(name));
    QCOMPARE(child(qPrintable(QStringLiteral("stepListItem%1").arg(row)))->property("state").toString(),
             QStringLiteral("current"));
    if (id != m_window->wizard()->startId())
        QVERIFY(backButton()->isVisible()); // history kept: Back works from there
}

void TestWizardShell::laterStepsAreBuiltWhenFirstShown()
{
    // Opening the window builds the first step only; every other step builds its widgets when first shown.
    HandoverWizard *wizard = m_window->wizard();
    QCOMPARE(wizard->currentId(), wizard->startId());
    QStringList unbuilt;
    for (const int id : wizard->pageIds()) {
        if (auto *page = qobject_cast<StepPage *>(wizard->page(id)); page && !page->isBuilt())
            unbuilt << page->objectName();
    }
    QCOMPARE(unbuilt.size(), wizard->pageIds().size() - 1);
    QVERIFY(!unbuilt.contains(wizard->currentPage()->objectName()));
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("tentaclesTable")));

    QVERIFY(wizard->goToPage(HandoverWizard::pageIdForName(QStringLiteral("tentacles"))));
    auto *tentacles = qobject_cast<StepPage *>(wizard->currentPage());
    QVERIFY(tentacles);
    QVERIFY(tentacles->isBuilt());
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("tentaclesTable")));
    // The steps passed on the way (Domain) were built too; the ones after it were not.
    auto *domain =
        qobject_cast<StepPage *>(wizard->page(HandoverWizard::pageIdForName(QStringLiteral("domain"))));
    QVERIFY(domain && domain->isBuilt());
    auto *cutover =
        qobject_cast<StepPage *>(wizard->page(HandoverWizard::pageIdForName(QStringLiteral("cutover"))));
    QVERIFY(cutover && !cutover->isBuilt());
}

void TestWizardShell::commandLineOptionsAreParsed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("screenshot");
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("plan");
    QTest::newRow("nothing") << QStringList{} << true << false << QString() << QString() << QString();
    QTest::newRow("demo screenshot page")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png"),
                       QStringLiteral("--page"), QStringLiteral("audit")}
        << true << true << QStringLiteral("/tmp/x.png") << QStringLiteral("audit") << QString();
    QTest::newRow("plan file") << QStringList{QStringLiteral("my.handover")} << true << false << QString()
                               << QString() << QStringLiteral("my.handover");
    QTest::newRow("unknown page") << QStringList{QStringLiteral("--page"), QStringLiteral("nowhere")} << false
                                  << false << QString() << QStringLiteral("nowhere") << QString();
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << false << false
                                    << QString() << QString() << QString();
    QTest::newRow("two plans") << QStringList{QStringLiteral("a.handover"), QStringLiteral("b.handover")}
                               << false << false << QString() << QString() << QString();
}

void TestWizardShell::commandLineOptionsAreParsed()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    GuiOptions options;
    QString error;
    QCOMPARE(parseGuiOptions(QStringList{QStringLiteral("handover")} + arguments, &options, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (!ok)
        return;
    QTEST(options.demo, "demo");
    QTEST(options.screenshotPath, "screenshot");
    QTEST(options.page, "page");
    QTEST(options.planPath, "plan");
}

void TestWizardShell::demoModeRunsOctosimAndShowsBanner()
{
    auto *banner = child<QLabel>("demoBanner");
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    // The octosim program beside this test (both in <build>/bin), as `handover --demo` runs it.
    DemoEnvironment demo;
    QSignalSpy ready(&demo, &DemoEnvironment::ready);
    QSignalSpy failed(&demo, &DemoEnvironment::failed);
    demo.start();
    QVERIFY(demo.isStarting());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(demo.processId() > 0);
    m_window->enterDemoMode(ready.at(0).at(0).value<DemoServers>());
    QVERIFY(banner->isVisible());
    QVERIFY(
        banner->text().startsWith(QStringLiteral("Demo mode: both servers are simulated on this computer")));
    QVERIFY(banner->text().contains(QStringLiteral("Nothing you do here touches a real Octopus Server")));
    QCOMPARE(banner->property("demoState").toString(), QStringLiteral("running"));
    QVERIFY(m_window->isDemo());
    QCOMPARE(m_window->plan()->serverUrl(ServerRole::Old).host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_window->plan()->serverUrl(ServerRole::New).host(), QStringLiteral("127.0.0.1"));
    // The public name octosim's stored scripts use, so the audit finds them naming the old server.
    QCOMPARE(m_window->plan()->domain().oldPublicUrl, QUrl(QStringLiteral("https://octopus.acme.example")));
    QVERIFY(!m_window->credentials()->apiKey(ServerRole::Old).isEmpty());
    QVERIFY(!m_window->credentials()->apiKey(ServerRole::New).isEmpty());
    QCOMPARE(child<QLineEdit>("oldUrlEdit")->text(), m_window->plan()->serverUrl(ServerRole::Old).toString());
    QVERIFY(nextButton()->isEnabled());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("(demo)")));

    QSignalSpy stopped(&demo, &DemoEnvironment::stopped);
    demo.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);
    QCOMPARE(demo.processId(), 0);
}

void TestWizardShell::demoFailureShowsWhyInTheBanner()
{
    auto *banner = child<QLabel>("demoBanner");
    QVERIFY(banner);
    DemoEnvironment demo;
    demo.setProgram(m_dir->filePath(QStringLiteral("no-octosim-here")));
    QSignalSpy failed(&demo, &DemoEnvironment::failed);
    demo.start();
    QTRY_COMPARE(failed.count(), 1);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QDir::toNativeSeparators(demo.program())), qPrintable(reason));
    m_window->showDemoFailure(reason);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().startsWith(QStringLiteral("Demo mode could not start the simulated servers")));
    QVERIFY(banner->text().contains(reason));
    QCOMPARE(banner->property("demoState").toString(), QStringLiteral("failed"));
    QVERIFY(!m_window->isDemo());
    // The wizard still works without the demo servers.
    fillConnections();
    QVERIFY(nextButton()->isEnabled());
}

void TestWizardShell::screenshotCommandWritesPng_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("first page") << QStringList{} << 0;
    // Every page paints and is grabbed, including pages whose opaque children cover the page widget entirely.
    for (const QString &page : HandoverWizard::pageNames()) {
        QTest::addRow("page %s", qPrintable(page)) << QStringList{QStringLiteral("--page"), page} << 0;
    }
    QTest::newRow("demo cutover") << QStringList{QStringLiteral("--demo"), QStringLiteral("--page"),
                                                 QStringLiteral("cutover")}
                                  << 0;
    QTest::newRow("unknown page") << QStringList{QStringLiteral("--page"), QStringLiteral("nowhere")} << 2;
}

void TestWizardShell::screenshotCommandWritesPng()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QString png = m_dir->filePath(QStringLiteral("shot.png"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                  QStringList{QStringLiteral("--screenshot"), png} + arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), exitCode);
    if (exitCode != 0) {
        QVERIFY(!QFile::exists(png));
        return;
    }
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 900);
    QVERIFY(image.height() >= 600);
}

QTEST_MAIN(TestWizardShell)
#include "tst_wizardshell.moc"
