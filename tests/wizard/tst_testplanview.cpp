// The Test plan tab of the Test plan & drift step, driven offscreen in the real main window against an
// in-process octosim pair: the plan is generated from the old server's usage when first shown and covers
// every deployment technology octosim's projects use (read here straight from the old server's deployment
// processes); the lead's status, owner and own row survive a second generation; a difference planted on the
// old server shows highlighted in the counts; the Markdown export holds the rows and the difference.
#include "demoenvironment.h"
#include "dialogservice.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "plandocument.h"
#include "testplanview.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

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

class TestTestPlanView : public QObject
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

    // GET on the old instance with its admin key, outside Handover's network layer.
    QJsonDocument getOld(const QString &path)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(m_sim->oldInstance().url.toString() + path));
        request.setRawHeader("X-Octopus-ApiKey", m_sim->oldInstance().apiKey.toLatin1());
        QNetworkReply *reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(30000))
            return {};
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return doc;
    }

    // The deployment technologies of the old server's enabled projects, from their processes.
    QSet<QString> technologiesOnTheOldServer()
    {
        static const QSet<QString> notTechnologies = {
            QStringLiteral("Octopus.Manual"), QStringLiteral("Octopus.Email"),
            QStringLiteral("Octopus.HealthCheck"), QStringLiteral("Octopus.DeployRelease")};
        QSet<QString> types;
        const QJsonArray spaces = getOld(QStringLiteral("/api/spaces/all")).array();
        for (const QJsonValue &space : spaces) {
            const QString sid = space.toObject().value(QLatin1String("Id")).toString();
            QSet<QString> enabled;
            for (const QJsonValue &p : getOld(QStringLiteral("/api/%1/projects/all").arg(sid)).array()) {
                if (!p.toObject().value(QLatin1String("IsDisabled")).toBool())
                    enabled.insert(p.toObject().value(QLatin1String("DeploymentProcessId")).toString());
            }
            const QJsonArray processes =
                getOld(QStringLiteral("/api/%1/deploymentprocesses?take=100000").arg(sid))
                    .object()
                    .value(QLatin1String("Items"))
                    .toArray();
            for (const QJsonValue &process : processes) {
                if (!enabled.contains(process.toObject().value(QLatin1String("Id")).toString()))
                    continue;
                for (const QJsonValue &step : process.toObject().value(QLatin1String("Steps")).toArray()) {
                    for (const QJsonValue &action :
                         step.toObject().value(QLatin1String("Actions")).toArray()) {
                        const QJsonObject a = action.toObject();
                        const QString type = a.value(QLatin1String("ActionType")).toString();
                        if (!a.value(QLatin1String("IsDisabled")).toBool() && !type.isEmpty() &&
                            !notTechnologies.contains(type))
                            types.insert(type);
                    }
                }
            }
        }
        return types;
    }

    int rowOf(const QString &id) const
    {
        const auto &rows = m_window->plan()->testPlan().rows;
        for (int i = 0; i < rows.size(); ++i) {
            if (rows.at(i).id == id)
                return i;
        }
        return -1;
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

    void planIsGeneratedEditedAndExported()
    {
        QVERIFY(m_window->plan()->testPlan().rows.isEmpty());
        QVERIFY(m_window->wizard()->goToPage(HandoverWizard::pageId(PlanStep::TestPlan)));
        auto *table = child<QTableWidget>("testPlanRows");
        QVERIFY(table);
        // Generated on its own when first shown.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->plan()->testPlan().rows.isEmpty(), 60000);
        QTRY_VERIFY(!child<TestPlanView>("testPlanView")->property("busy").toBool());
        QTRY_COMPARE(table->rowCount(), int(m_window->plan()->testPlan().rows.size()));

        // Every technology the old server's projects deploy with has its smoke deployment, once.
        const QSet<QString> technologies = technologiesOnTheOldServer();
        QVERIFY(!technologies.isEmpty());
        QSet<QString> smoke;
        for (const TestPlanRow &row : m_window->plan()->testPlan().rows) {
            if (row.id.startsWith(QLatin1String("smoke:"))) {
                QVERIFY2(!smoke.contains(row.id), qPrintable(row.id));
                smoke.insert(row.id.mid(6));
            }
        }
        QCOMPARE(smoke, technologies);
        QVERIFY(rowOf(QStringLiteral("history:logs")) >= 0);
        QVERIFY(rowOf(QStringLiteral("sign-in:admin")) >= 0);

        // The lead marks the first test passed and names an owner, with the keyboard.
        const QString firstId = m_window->plan()->testPlan().rows.first().id;
        auto *combo = qobject_cast<QComboBox *>(table->cellWidget(0, TestPlanView::StatusColumn));
        QVERIFY(combo);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // Untested -> Passed
        QTRY_COMPARE(m_window->plan()->testPlan().rows.first().status, TestPlanRow::Status::Passed);
        QVERIFY(m_window->plan()->testPlan().rows.first().changedAt.isValid());
        table->setCurrentCell(0, TestPlanView::OwnerColumn);
        table->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_F2); // edit the cell
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor && table->isAncestorOf(editor));
        QTest::keyClicks(editor, QStringLiteral("alice"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(m_window->plan()->testPlan().rows.first().owner, QStringLiteral("alice"));

        // A test of the lead's own, added after the selected row.
        auto *title = child<QLineEdit>("testPlanNewTitle");
        title->setFocus();
        QTest::keyClicks(title, QStringLiteral("Deploy the payroll hotfix to Staging"));
        QTest::keyClick(title, Qt::Key_Return);
        QTRY_VERIFY(rowOf(QStringLiteral("custom:1")) >= 0);
        QCOMPARE(m_window->plan()->testPlan().rows.at(rowOf(QStringLiteral("custom:1"))).title,
                 QStringLiteral("Deploy the payroll hotfix to Staging"));
        const int rowsBefore = int(m_window->plan()->testPlan().rows.size());

        // The old server moves on: the counts differ after the next generation, which keeps the edits.
        QCOMPARE(m_sim->driftOldInstance(30), 30);
        auto *generate = child<QPushButton>("testPlanGenerateButton");
        QTRY_VERIFY(generate->isEnabled());
        generate->click();
        QTRY_VERIFY(!child<TestPlanView>("testPlanView")->property("busy").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), 60000);
        QCOMPARE(m_window->plan()->testPlan().rows.size(), rowsBefore);
        QCOMPARE(m_window->plan()->testPlan().rows.first().id, firstId);
        QCOMPARE(m_window->plan()->testPlan().rows.first().status, TestPlanRow::Status::Passed);
        QCOMPARE(m_window->plan()->testPlan().rows.first().owner, QStringLiteral("alice"));
        QVERIFY(rowOf(QStringLiteral("custom:1")) >= 0);
        auto *counts = child<QTableWidget>("testPlanCounts");
        QStringList differing;
        for (int r = 0; r < counts->rowCount(); ++r) {
            if (counts->item(r, 0)->data(Qt::UserRole + 1).toBool()) {
                differing << counts->item(r, 0)->data(Qt::UserRole).toString();
                QVERIFY(counts->item(r, 0)->font().bold());
                QVERIFY(counts->item(r, 1)->text() != counts->item(r, 2)->text());
            }
        }
        QVERIFY2(!differing.isEmpty(), "the drift made on the old server shows in no count");

        // Markdown export: the rows, the lead's row and the difference.
        m_dialogs.exportPath = m_dir.filePath(QStringLiteral("test-plan.md"));
        child<QPushButton>("testPlanExportMarkdown")->click();
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.join(QLatin1Char('\n'))));
        QFile file(m_dialogs.exportPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(file.readAll());
        QVERIFY(markdown.startsWith(QStringLiteral("# Test plan")));
        QVERIFY(markdown.contains(QStringLiteral("- [ ] Deploy the payroll hotfix to Staging")));
        QVERIFY(markdown.contains(QStringLiteral("| alice |")));
        QVERIFY(markdown.contains(QStringLiteral("**differs**")));
        QVERIFY(!markdown.contains(m_sim->oldInstance().apiKey));
    }
};

QTEST_MAIN(TestTestPlanView)
#include "tst_testplanview.moc"
