// The Domain and Polling Tentacles pages, driven offscreen in the real main window against an in-process
// octosim pair: the decision changes the consequences, the table lists exactly the polling machines,
// filters, the command preview, copy, exports through the dialog service (the Domain table's too), and the
// verification flow.
#include "ciintegrationscontroller.h"
#include "ciintegrationspage.h"
#include "demoenvironment.h"
#include "dialogservice.h"
#include "domainpage.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "plandocument.h"
#include "pollingmachinemodel.h"
#include "serversession.h"
#include "tentaclecommands.h"
#include "tentaclemachines.h"
#include "tentaclescontroller.h"
#include "tentaclespage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

class FakeDialogs : public DialogService
{
public:
    QStringList directoryAnswers;
    QStringList exportAnswers;
    bool confirmAnswer = false;
    int confirmations = 0;
    QStringList errors;

    QString askOpenFile(QWidget *, const QString &) override { return {}; }
    QString askSaveFile(QWidget *, const QString &) override { return {}; }
    DiscardChoice confirmDiscard(QWidget *, const QString &) override { return DiscardChoice::Discard; }
    bool confirmRecover(QWidget *, const QString &, const QDateTime &) override { return false; }
    void showError(QWidget *, const QString &title, const QString &message) override
    {
        errors << title + QLatin1Char('\n') + message;
    }
    void showAbout(QWidget *, const QString &, const QString &) override {}
    QString askExportFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return exportAnswers.isEmpty() ? QString() : exportAnswers.takeFirst();
    }
    QString askDirectory(QWidget *, const QString &, const QString &) override
    {
        return directoryAnswers.isEmpty() ? QString() : directoryAnswers.takeFirst();
    }
    bool confirm(QWidget *, const QString &, const QString &, const QString &) override
    {
        ++confirmations;
        return confirmAnswer;
    }
};

class TestDomainTentacles : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<octosim::OctoSimServer> m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<FakeDialogs> m_dialogs;
    NetworkContext m_network; // outlives the window's clients
    KeychainStore m_keychain{QStringLiteral("handover-test")};
    std::unique_ptr<MainWindow> m_window;

    template<typename T = QWidget>
    T *child(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    ServerSession *session() const { return m_window->wizard()->session(); }
    TentaclesPage *tentaclesPage() const { return child<TentaclesPage>("tentaclesPage"); }
    void typeInto(const char *name, const QString &text)
    {
        auto *edit = child<QLineEdit>(name);
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Tab); // editingFinished
    }
    int consequence(const char *property) const
    {
        return child<QLabel>("domainConsequencesLabel")->property(property).toInt();
    }
    QString statusText(int sourceRow) const { return tentaclesPage()->model()->newStatusText(sourceRow); }
    void selectSourceRows(const QList<int> &rows)
    {
        auto *table = child<QTableView>("tentaclesTable");
        table->clearSelection();
        auto *filter = tentaclesPage()->filter();
        for (int row : rows) {
            const QModelIndex index = filter->mapFromSource(tentaclesPage()->model()->index(row, 0));
            table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<octosim::OctoSimServer>(octosim::Options{});
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_dialogs = std::make_unique<FakeDialogs>();
        m_window = std::make_unique<MainWindow>(
            MainWindowServices{{m_dialogs.get(), &m_network, m_settings.get(), &m_keychain}, QString()});
        m_window->enterDemoMode({m_sim->oldInstance().url, m_sim->oldInstance().apiKey,
                                 m_sim->newInstance().url, m_sim->newInstance().apiKey});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        if (m_window)
            m_window->document()->newPlan();
        m_window.reset();
        m_dialogs.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void domainChoiceChangesTheConsequences()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        QTRY_VERIFY_WITH_TIMEOUT(
            session()->inventory(ServerRole::Old).has_value() && !session()->isTakingInventory(), 20000);
        const int polling = int(pollingMachinesFrom(*session()->inventory(ServerRole::Old)).size());
        QVERIFY(polling > 0);
        QCOMPARE(consequence("pollingTotal"), polling);
        QCOMPARE(consequence("mustAct"), 0); // undecided

        typeInto("domainOldPublicUrlEdit", QStringLiteral("https://localhost"));
        child<QRadioButton>("domainNewRadio")->click();
        typeInto("domainNewPublicUrlEdit", QStringLiteral("https://octopus-new.example.com"));
        QCOMPARE(m_window->plan()->domain().choice, DomainDecision::Choice::NewName);
        QCOMPARE(consequence("mustAct"), polling);
        QVERIFY(child<QLabel>("domainConsequencesLabel")
                    ->text()
                    .contains(QStringLiteral("octopus-new.example.com")));
        QVERIFY(child<QLabel>("domainConsequencesLabel")->text().contains(QStringLiteral("10943")));
        auto *table = child<QTableWidget>("domainConsequencesTable");
        int sum = 0;
        for (int row = 0; row < table->rowCount(); ++row)
            sum += table->item(row, 3)->text().toInt();
        QVERIFY(table->rowCount() > 0);
        QVERIFY(sum > 0); // polling workers are listed under their own row

        child<QRadioButton>("domainKeepRadio")->click();
        QCOMPARE(consequence("mustAct"), 0);
        QVERIFY(
            child<QLabel>("domainConsequencesLabel")->text().contains(QStringLiteral("No polling Tentacle")));

        // Both names are resolved; localhost answers from the hosts file.
        QTRY_VERIFY_WITH_TIMEOUT(
            child<DomainPage>("domainPage")->resolvedText(true).contains(QStringLiteral("127.0.0.1")) ||
                child<DomainPage>("domainPage")->resolvedText(true).contains(QStringLiteral("::1")),
            10000);
        QSignalSpy resolved(child<DomainPage>("domainPage"), &DomainPage::resolved);
        QTest::mouseClick(child<QPushButton>("domainResolveButton"), Qt::LeftButton);
        QVERIFY(resolved.size() == 1 || resolved.wait(10000));
    }

    void domainTableExportsAsCsvAndMarkdown()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        QTRY_VERIFY_WITH_TIMEOUT(
            session()->inventory(ServerRole::Old).has_value() && !session()->isTakingInventory(), 20000);
        typeInto("domainOldPublicUrlEdit", QStringLiteral("https://localhost"));
        child<QRadioButton>("domainNewRadio")->click();
        typeInto("domainNewPublicUrlEdit", QStringLiteral("https://octopus-new.example.com"));
        auto *table = child<QTableWidget>("domainConsequencesTable");
        auto *csvButton = child<QPushButton>("domainExportCsv");
        auto *markdownButton = child<QPushButton>("domainExportMarkdown");
        QVERIFY(table->rowCount() > 0);
        QVERIFY(csvButton->isEnabled());
        QVERIFY(markdownButton->isEnabled());

        const QString csvPath = m_dir->filePath(QStringLiteral("domain.csv"));
        m_dialogs->exportAnswers = {csvPath};
        QTest::mouseClick(csvButton, Qt::LeftButton);
        QVERIFY2(m_dialogs->errors.isEmpty(), qPrintable(m_dialogs->errors.join(QLatin1Char('\n'))));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), table->rowCount() + 2); // header, the rows, the empty tail after the last CRLF
        QCOMPARE(lines.first(), QStringLiteral("space,environment,pollingTargets,pollingWorkers"));
        for (int row = 0; row < table->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < table->columnCount(); ++column) {
                const QString text = table->item(row, column)->text();
                QVERIFY(!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))); // unquoted
                cells << text;
            }
            QCOMPARE(lines.at(row + 1), cells.join(QLatin1Char(',')));
        }

        const QString markdownPath = m_dir->filePath(QStringLiteral("domain.md"));
        m_dialogs->exportAnswers = {markdownPath};
        QTest::mouseClick(markdownButton, Qt::LeftButton);
        QFile markdown(markdownPath);
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(markdown.readAll());
        QVERIFY2(md.contains(QStringLiteral("New public URL: https://octopus-new.example.com")),
                 qPrintable(md));
        QVERIFY(md.contains(
            QStringLiteral("Must act (a command on their own machine): %1.").arg(consequence("mustAct"))));

        // A folder that does not exist: the page says so through the dialog service and writes nothing.
        const QString missing = m_dir->filePath(QStringLiteral("missing/domain.csv"));
        m_dialogs->exportAnswers = {missing};
        QTest::mouseClick(csvButton, Qt::LeftButton);
        QCOMPARE(m_dialogs->errors.size(), 1);
        QVERIFY2(m_dialogs->errors.first().contains(QStringLiteral("does not exist")),
                 qPrintable(m_dialogs->errors.first()));
        QVERIFY(!QFileInfo::exists(missing));
    }

    void tentaclesTableListsThePollingMachines()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        child<QRadioButton>("domainNewRadio")->click();
        typeInto("domainOldPublicUrlEdit", QStringLiteral("https://octopus.example.com"));
        typeInto("domainNewPublicUrlEdit", QStringLiteral("https://octopus-new.example.com"));
        QTRY_VERIFY_WITH_TIMEOUT(
            session()->inventory(ServerRole::Old).has_value() && !session()->isTakingInventory(), 20000);
        QTest::mouseClick(m_window->wizard()->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(m_window->wizard()->currentPage()->objectName(), QStringLiteral("tentaclesPage"));

        const QList<TentacleMachine> polling = pollingMachinesFrom(*session()->inventory(ServerRole::Old));
        auto *table = child<QTableView>("tentaclesTable");
        QCOMPARE(table->model()->rowCount(), int(polling.size()));
        int workers = 0;
        for (const TentacleMachine &m : polling) {
            QVERIFY(m.isPolling());
            workers += m.isWorker() ? 1 : 0;
        }

        // Filters
        auto *kind = child<QComboBox>("tentaclesKindFilter");
        kind->setCurrentIndex(kind->findData(QStringLiteral("worker")));
        QCOMPARE(table->model()->rowCount(), workers);
        kind->setCurrentIndex(0);
        QTest::keyClicks(child<QLineEdit>("tentaclesSearchEdit"), polling.first().name);
        QVERIFY(table->model()->rowCount() >= 1);
        QVERIFY(table->model()->rowCount() < int(polling.size()));
        child<QLineEdit>("tentaclesSearchEdit")->clear();
        QCOMPARE(table->model()->rowCount(), int(polling.size()));
        auto *group = child<QComboBox>("tentaclesGroupCombo");
        group->setCurrentIndex(group->findData(int(PollingMachineModel::GroupBy::Space)));
        QVERIFY(!table->isColumnHidden(PollingMachineModel::GroupColumn));
        QString previous;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString value =
                table->model()->index(row, PollingMachineModel::GroupColumn).data().toString();
            QVERIFY(previous.compare(value, Qt::CaseInsensitive) <= 0);
            previous = value;
        }

        // Preview and copy
        selectSourceRows({0});
        const TentacleMachine &first = tentaclesPage()->model()->machine(0);
        auto *linux = child<QPlainTextEdit>("tentaclesLinuxCommand");
        auto *windows = child<QPlainTextEdit>("tentaclesWindowsCommand");
        QVERIFY(linux->toPlainText().contains(QStringLiteral("octopus-new.example.com")));
        QVERIFY(linux->toPlainText().contains(QStringLiteral("/opt/octopus/tentacle/Tentacle")));
        QVERIFY(windows->toPlainText().contains(QStringLiteral("Tentacle.exe")));
        QVERIFY(linux->toPlainText().contains(first.id));
        QTest::mouseClick(child<QPushButton>("tentaclesCopyButton"), Qt::LeftButton);
        auto *tabs = child<QTabWidget>("tentaclesCommandTabs");
        QCOMPARE(QApplication::clipboard()->text(),
                 qobject_cast<QPlainTextEdit *>(tabs->currentWidget())->toPlainText());
        QTest::mouseClick(child<QAbstractButton>("tentaclesCloneAlternativeCheck"), Qt::LeftButton);
        QVERIFY(linux->toPlainText().contains(QStringLiteral("--comms-style TentacleActive")));
        QVERIFY(linux->toPlainText().contains(QStringLiteral("OCTOPUS_API_KEY")));
        QVERIFY(child<QLabel>("tentaclesCloneWarningsLabel")->isVisible());

        // Exports through the dialog service
        const QString folder = m_dir->filePath(QStringLiteral("scripts"));
        m_dialogs->directoryAnswers << folder;
        child<QAction>("tentaclesExportScriptsAction")->trigger();
        // Each machine's re-point script plus, apart, its after-cutover one where it has one.
        int files = 0;
        for (const TentacleMachine &m : polling)
            files +=
                int(TentacleCommands::scriptsFor(m, tentaclesPage()->controller()->commandOptions()).size());
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), files);
        const QString csv = m_dir->filePath(QStringLiteral("machines.csv"));
        const QString bundle = m_dir->filePath(QStringLiteral("bundle.txt"));
        m_dialogs->exportAnswers << csv << bundle;
        child<QAction>("tentaclesExportCsvAction")->trigger();
        child<QAction>("tentaclesExportBundleAction")->trigger();
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvText = csvFile.readAll();
        QCOMPARE(csvText.trimmed().split('\n').size(), int(polling.size()) + 1);
        QVERIFY(QFileInfo(bundle).size() > 0);
        QVERIFY(m_dialogs->errors.isEmpty());
        // No key anywhere
        QStringList texts{QString::fromUtf8(csvText), QApplication::clipboard()->text(), linux->toPlainText(),
                          windows->toPlainText()};
        QFile bundleFile(bundle);
        QVERIFY(bundleFile.open(QIODevice::ReadOnly));
        texts << QString::fromUtf8(bundleFile.readAll());
        for (const QString &name : QDir(folder).entryList(QDir::Files)) {
            QFile f(QDir(folder).filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            texts << QString::fromUtf8(f.readAll());
        }
        for (const QString &text : std::as_const(texts)) {
            QVERIFY(!text.contains(m_sim->oldInstance().apiKey));
            QVERIFY(!text.contains(m_sim->newInstance().apiKey));
        }
    }

    void verificationGoesFromPendingToVerified()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        child<QRadioButton>("domainNewRadio")->click();
        typeInto("domainNewPublicUrlEdit", QStringLiteral("https://octopus-new.example.com"));
        QTRY_VERIFY_WITH_TIMEOUT(
            session()->inventory(ServerRole::Old).has_value() && !session()->isTakingInventory(), 20000);
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Tentacles)));
        PollingMachineModel *model = tentaclesPage()->model();
        QVERIFY(model->rowCount() >= 3);
        // Two Tentacles were re-pointed on their machines: demo mode's button tells octosim so and marks
        // them.
        const QString a = model->machine(0).id;
        const QString c = model->machine(2).id;
        auto *simulate = child<QPushButton>("tentaclesSimulateRepointButton");
        QVERIFY(simulate->isVisible());
        selectSourceRows({0, 1});
        QTest::mouseClick(simulate, Qt::LeftButton);
        QTRY_COMPARE(m_window->plan()->tentacles().machines.size(), 2);
        QCOMPARE(m_window->plan()->tentacles().machines.value(a).verification,
                 TentacleMark::Verification::Pending);
        QVERIFY(m_window->plan()->tentacles().machines.value(a).repointedAt.isValid());
        QVERIFY(statusText(0).contains(QStringLiteral("pending")));

        QSignalSpy finished(tentaclesPage(), &TentaclesPage::verificationFinished);
        QTest::mouseClick(child<QPushButton>("tentaclesVerifySelectedButton"), Qt::LeftButton);
        QVERIFY(tentaclesPage()->isVerifying());
        QVERIFY(child<QProgressBar>("tentaclesVerifyProgress")->isVisible());
        QVERIFY(finished.wait(20000));
        const TentacleMark mark = m_window->plan()->tentacles().machines.value(a);
        QCOMPARE(mark.verification, TentacleMark::Verification::Verified);
        QCOMPARE(mark.healthStatus, QStringLiteral("Healthy"));
        QVERIFY(mark.checkedAt.isValid());
        QVERIFY(statusText(0).startsWith(QStringLiteral("verified")));
        QVERIFY(!child<QProgressBar>("tentaclesVerifyProgress")->isVisible());

        // A machine marked but not actually re-pointed is not reached.
        selectSourceRows({2});
        QTest::mouseClick(child<QPushButton>("tentaclesMarkButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>("tentaclesVerifySelectedButton"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_window->plan()->tentacles().machines.value(c).verification,
                 TentacleMark::Verification::Failed);
        QVERIFY(statusText(2).startsWith(QStringLiteral("not reached")));

        // Verify all, then cancel it.
        QTest::mouseClick(child<QPushButton>("tentaclesVerifyAllButton"), Qt::LeftButton);
        QVERIFY(child<QPushButton>("tentaclesVerifyCancelButton")->isVisible());
        QTest::mouseClick(child<QPushButton>("tentaclesVerifyCancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!tentaclesPage()->isVerifying());
        QVERIFY(child<QLabel>("tentaclesActionStatusLabel")->text().contains(QStringLiteral("cancelled")));

        // Verify all to the end: the two re-pointed stay verified, nothing else becomes verified.
        QTest::mouseClick(child<QPushButton>("tentaclesVerifyAllButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        int verified = 0;
        for (const TentacleMark &m : m_window->plan()->tentacles().machines)
            verified += m.verification == TentacleMark::Verification::Verified ? 1 : 0;
        QCOMPARE(verified, 2);
    }

    void calamariChurnIsShownWithItsEvidence()
    {
        // One deployment to the same environment on each server after the clone.
        QNetworkAccessManager nam;
        for (const octosim::InstanceEndpoint &server : {m_sim->oldInstance(), m_sim->newInstance()}) {
            QNetworkRequest request(
                QUrl(server.url.toString() + QStringLiteral("/api/Spaces-1/deployments")));
            request.setRawHeader("X-Octopus-ApiKey", server.apiKey.toUtf8());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            const QJsonObject body{
                {QStringLiteral("EnvironmentId"), QStringLiteral("Environments-1")},
                {QStringLiteral("ProjectId"), QStringLiteral("Projects-1")},
                {QStringLiteral("Created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
            QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson());
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(5000));
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QVERIFY2(status == 200 || status == 201, qPrintable(QString::number(status)));
            reply->deleteLater();
        }
        QSignalSpy checked(tentaclesPage(), &TentaclesPage::calamariChurnChecked);
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Tentacles)));
        QVERIFY(checked.wait(20000));
        QCOMPARE(tentaclesPage()->calamariChurn().size(), 1);
        QVERIFY(!tentaclesPage()->calamariChurn().first().machineIds.isEmpty());
        QVERIFY(child<QLabel>("tentaclesWarningsLabel")->text().contains(QStringLiteral("Calamari churn")));
    }

    void upgradeLockAsksFirstThenLocks()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        QTRY_VERIFY_WITH_TIMEOUT(
            session()->inventory(ServerRole::New).has_value() && !session()->isTakingInventory(), 20000);
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Tentacles)));
        auto *lock = child<QPushButton>("tentaclesLockUpgradesButton");
        const int candidates = lock->property("candidates").toInt();
        QVERIFY(candidates > 0);
        QVERIFY(lock->isEnabled());
        QVERIFY(child<QLabel>("tentaclesWarningsLabel")->text().contains(QStringLiteral("Upgrade prompts")));
        // Declined: nothing is written.
        m_dialogs->confirmAnswer = false;
        QTest::mouseClick(lock, Qt::LeftButton);
        QCOMPARE(m_dialogs->confirmations, 1);
        QCOMPARE(lock->property("candidates").toInt(), candidates);
        // Confirmed: every prompting Tentacle is locked on the new server.
        m_dialogs->confirmAnswer = true;
        QTest::mouseClick(lock, Qt::LeftButton);
        QCOMPARE(m_dialogs->confirmations, 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("tentaclesActionStatusLabel")->text().startsWith(QStringLiteral("Locked")), 20000);
        QCOMPARE(lock->property("candidates").toInt(), 0);
        QVERIFY(!lock->isEnabled());
    }

    // A Kubernetes agent's row shows its helm upgrade, every row its step after cutover, and a machine never
    // health-checked says "unknown" and gets no guessed shell. Fails on the old code (agents missing, no
    // tabs).
    void tentaclesPageShowsHelmAfterCutoverAndUnknownOs()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        child<QRadioButton>("domainNewRadio")->click();
        typeInto("domainOldPublicUrlEdit", QStringLiteral("https://octopus.example.com"));
        typeInto("domainNewPublicUrlEdit", QStringLiteral("https://octopus-new.example.com"));
        QTRY_VERIFY_WITH_TIMEOUT(
            session()->inventory(ServerRole::Old).has_value() && !session()->isTakingInventory(), 20000);
        QTest::mouseClick(m_window->wizard()->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(m_window->wizard()->currentPage()->objectName(), QStringLiteral("tentaclesPage"));
        PollingMachineModel *model = tentaclesPage()->model();
        int agentRow = -1;
        int unknownRow = -1;
        int modernRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const TentacleMachine &m = model->machine(row);
            if (m.isKubernetesAgent() && m.tentacleVersion.startsWith(QLatin1String("8.3")))
                agentRow = row;
            else if (!m.isKubernetesAgent() && TentacleCommands::osFor(m) == TentacleCommands::Os::Unknown)
                unknownRow = row;
            else if (!m.isKubernetesAgent() &&
                     TentacleCommands::supportsClearTrustedServers(m.tentacleVersion))
                modernRow = row;
        }
        QVERIFY(agentRow >= 0 && unknownRow >= 0 && modernRow >= 0);
        auto *tabs = child<QTabWidget>("tentaclesCommandTabs");
        auto *helm = child<QPlainTextEdit>("tentaclesHelmCommand");
        auto *after = child<QPlainTextEdit>("tentaclesCleanupCommand");

        selectSourceRows({agentRow});
        QVERIFY2(helm->toPlainText().contains(
                     QStringLiteral("oci://registry-1.docker.io/octopusdeploy/kubernetes-agent")),
                 qPrintable(helm->toPlainText()));
        QVERIFY(helm->toPlainText().contains(QStringLiteral("https://octopus-new.example.com:10943/")));
        QCOMPARE(tabs->currentWidget(), helm);
        QVERIFY(after->toPlainText().contains(QStringLiteral("agent.serverCommsAddresses={}")));

        selectSourceRows({modernRow});
        QVERIFY(after->toPlainText().contains(QStringLiteral("clear-trusted-servers")));
        QVERIFY(after->toPlainText().contains(QStringLiteral("https://octopus-new.example.com:10943/")));
        QVERIFY(helm->toPlainText().contains(QStringLiteral("Not a Kubernetes agent")));

        selectSourceRows({unknownRow});
        tabs->setCurrentWidget(child<QPlainTextEdit>("tentaclesWindowsCommand"));
        selectSourceRows({unknownRow}); // shown again: the preview is rebuilt
        QCOMPARE(model->data(model->index(unknownRow, PollingMachineModel::OsColumn)).toString(),
                 QStringLiteral("unknown"));
        // The tab the user chose stays: no shell is guessed.
        QCOMPARE(tabs->currentWidget(), child<QPlainTextEdit>("tentaclesWindowsCommand"));
        QVERIFY(child<QPlainTextEdit>("tentaclesLinuxCommand")
                    ->toPlainText()
                    .contains(model->machine(unknownRow).id));
        QVERIFY(child<QPlainTextEdit>("tentaclesWindowsCommand")
                    ->toPlainText()
                    .contains(model->machine(unknownRow).id));
    }

    void keepingTheNameNeedsNoCommand()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        child<QRadioButton>("domainKeepRadio")->click();
        typeInto("domainOldPublicUrlEdit", QStringLiteral("https://octopus.example.com"));
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Tentacles)));
        QVERIFY(
            child<QLabel>("tentaclesSummaryLabel")->text().contains(QStringLiteral("No command is needed")));
        QVERIFY(child<QPlainTextEdit>("tentaclesLinuxCommand")
                    ->toPlainText()
                    .contains(QStringLiteral("No command")));
        QVERIFY(!child<QAbstractButton>("tentaclesExportButton")->isEnabled());
    }

    void ciPageListsWhatTalksToTheOldServerAndMarksOneRepointed()
    {
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::CiIntegrations)));
        auto *page = child<CiIntegrationsPage>("ciIntegrationsPage");
        QVERIFY(page);
        auto *table = child<QTableWidget>("ciTable");
        QVERIFY(table);
        // The page reads the evidence by itself once both servers can be reached.
        QTRY_VERIFY_WITH_TIMEOUT(!page->controller()->isRefreshing() && table->rowCount() >= 5, 30000);
        QVERIFY(child<QLabel>("ciSummaryLabel")->text().contains(QStringLiteral("integrations")));
        int jenkinsRow = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == QLatin1String("Jenkins"))
                jenkinsRow = row;
        }
        QVERIFY(jenkinsRow >= 0);
        table->selectRow(jenkinsRow);
        const QString id = page->selectedId();
        QVERIFY(id.startsWith(QStringLiteral("jenkins:")));
        QVERIFY(child<QLabel>("ciRecipeLabel")->text().contains(QStringLiteral("Manage Jenkins")));
        QVERIFY(child<QListWidget>("ciEvidenceList")->count() > 0);

        typeInto("ciOwnerEdit", QStringLiteral("dana"));
        child<QPushButton>("ciMarkRepointedButton")->setFocus(); // editing finished
        child<QPushButton>("ciMarkRepointedButton")->click();
        const CiIntegrationRecord record = m_window->plan()->ciIntegrations().integrations.value(id);
        QCOMPARE(record.status, CiIntegrationRecord::Status::Repointed);
        QCOMPARE(record.owner, QStringLiteral("dana"));
        QVERIFY(child<QLabel>("ciStatusLabel")->text().contains(QStringLiteral("Repointed")));
        QVERIFY(!child<QPushButton>("ciMarkRepointedButton")->isEnabled());

        // Demo mode: the simulated Jenkins pushes a build to the new server; the page reads it and the row is
        // verified on that evidence.
        auto *simulate = child<QPushButton>("ciSimulateMoveButton");
        QVERIFY(simulate->isVisible());
        simulate->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->plan()->ciIntegrations().integrations.value(id).status ==
                                     CiIntegrationRecord::Status::Verified,
                                 30000);
        QVERIFY(child<QLabel>("ciStatusLabel")->text().contains(QStringLiteral("Verified")));
        QVERIFY(m_window->plan()->ciIntegrations().integrations.value(id).verifiedBy.contains(
            QStringLiteral("build-information")));

        // The Domain step shows the count from the plan, linked to this step.
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::Domain)));
        const QString consequences = child<QLabel>("domainConsequencesLabel")->text();
        QVERIFY2(consequences.contains(QStringLiteral("CI systems and other callers")),
                 qPrintable(consequences));
        QVERIFY(consequences.contains(QStringLiteral("step:ci")));
    }
};

QTEST_MAIN(TestDomainTentacles)
#include "tst_domaintentacles.moc"
