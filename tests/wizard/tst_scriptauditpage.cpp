#include "auditfilterproxymodel.h"
#include "auditresultsmodel.h"
#include "auditscanner.h"
#include "dialogservice.h"
#include "domainpage.h"
#include "migrationplan.h"
#include "networkcontext.h"
#include "octosimserver.h"
#include "scriptauditcontroller.h"
#include "scriptauditpage.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// Answers the page's questions and records what it was asked; no dialog or editor is ever launched.
class FakeScriptAuditDialogs : public DialogService
{
public:
    QStringList folders;
    QString swaggerFile;
    QString exportFile;
    QString lastSuggestedName;
    QString openedPath;
    int openedLine = 0;

    QString askOpenFile(QWidget *, const QString &) override { return {}; }
    QString askSaveFile(QWidget *, const QString &) override { return {}; }
    DiscardChoice confirmDiscard(QWidget *, const QString &) override { return DiscardChoice::Cancel; }
    bool confirmRecover(QWidget *, const QString &, const QDateTime &) override { return false; }
    void showError(QWidget *, const QString &, const QString &) override {}
    void showAbout(QWidget *, const QString &, const QString &) override {}

    QString askDirectory(QWidget *, const QString &, const QString &) override
    {
        return folders.isEmpty() ? QString() : folders.takeFirst();
    }
    QString askImportFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return swaggerFile;
    }
    QString askExportFile(QWidget *, const QString &, const QString &suggestedPath, const QString &) override
    {
        lastSuggestedName = QFileInfo(suggestedPath).fileName();
        return exportFile;
    }
    void openFileAtLine(const QString &path, int line) override
    {
        openedPath = path;
        openedLine = line;
    }
    QUrl openedUrl;
    void openUrl(const QUrl &url) override { openedUrl = url; }
};

// The script-audit page driven offscreen on the audit fixtures: scan, counts, grouping, filters,
// marking (kept in the plan), opening at the line, export, cancel; the new server's live swagger.json
// fetched from an in-process octosim (and its failure); the scan's counts shown by the Domain page.
class ScriptAuditPageTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void scansChosenFolderAndCountsFindings();
    void groupsFindings_data();
    void groupsFindings();
    void filtersFindings_data();
    void filtersFindings();
    void marksFindingAndKeepsDecisionInPlan();
    void opensFindingAtItsLine();
    void exportsWithoutRevealingKeys_data();
    void exportsWithoutRevealingKeys();
    void cancelStopsTheScan();
    void judgesRoutesAgainstTheNewServersLiveSwagger();
    void failedLiveSwaggerIsShownAndScanRunsWithoutJudgement();
    void savedSwaggerFileOverridesTheLiveOne();
    void domainPageShowsScriptsMentioningTheOldServer();
    void showsOldServersScriptsAndOpensThemInThePortal();

private:
    // A plan, session and page connected to an in-process octosim's new instance.
    struct Connected
    {
        std::unique_ptr<octosim::OctoSimServer> sim;
        std::unique_ptr<MigrationPlan> plan;
        std::unique_ptr<SessionCredentials> credentials;
        std::unique_ptr<ServerSession> session;
        std::unique_ptr<ScriptAuditController> controller;
        std::unique_ptr<ScriptAuditPage> page;
    };
    void connectToOctosim(Connected *c, const QList<octosim::FaultSpec> &faults);
    static QString writeRouteFixture(const QTemporaryDir &dir);
    static QStringList categoriesAtLines(const ScriptAuditPage &page, AuditCategory category);
    template<typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QLatin1String(name));
    }
    void addFolderAndScan(const QString &folder);
    QModelIndex firstFindingInView() const;

    std::unique_ptr<MigrationPlan> m_plan;
    std::unique_ptr<ScriptAuditController> m_controller;
    std::unique_ptr<ScriptAuditPage> m_page;
    NetworkContext m_network; // outlives every session's clients
    FakeScriptAuditDialogs m_services;
    AuditScanner::Result m_expected;
};

namespace {

const QString kOldUrl = QStringLiteral("https://octopus.old.example.com");

QString fixtures()
{
    return QStringLiteral(HANDOVER_TEST_DATA_DIR "/../audit/fixtures");
}

} // namespace

void ScriptAuditPageTest::init()
{
    m_plan = std::make_unique<MigrationPlan>();
    m_plan->setServerUrl(ServerRole::Old, QUrl(kOldUrl));
    m_services = FakeScriptAuditDialogs();
    m_page.reset();
    m_controller = std::make_unique<ScriptAuditController>(m_plan.get(), nullptr);
    m_page = std::make_unique<ScriptAuditPage>(m_plan.get(), m_controller.get(), &m_services);
    m_page->resize(1000, 700);
    m_page->show();
    m_page->initializePage();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));

    AuditScanner::Options options;
    options.roots = {QDir::cleanPath(fixtures())};
    options.oldUrls = {kOldUrl};
    m_expected = AuditScanner::scan(options);
    QVERIFY(m_expected.findings.size() > 50);
}

void ScriptAuditPageTest::cleanup()
{
    m_page.reset();
    m_plan.reset();
}

void ScriptAuditPageTest::addFolderAndScan(const QString &folder)
{
    m_services.folders = {folder};
    QTest::mouseClick(child<QPushButton>("auditAddFolderButton"), Qt::LeftButton);
    auto *scan = child<QPushButton>("auditScanButton");
    QVERIFY(scan->isEnabled());
    QTest::mouseClick(scan, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isScanning(), 30000);
}

QModelIndex ScriptAuditPageTest::firstFindingInView() const
{
    const auto *view = child<QTreeView>("auditResultsView");
    const QModelIndex group = view->model()->index(0, 0);
    return view->model()->index(0, 0, group);
}

void ScriptAuditPageTest::scansChosenFolderAndCountsFindings()
{
    QVERIFY(child<QLabel>("auditOldUrlsLabel")->text().contains(QLatin1String("octopus.old.example.com")));
    QVERIFY(!child<QPushButton>("auditScanButton")->isEnabled()); // no folder yet
    addFolderAndScan(fixtures());
    QCOMPARE(child<QListWidget>("auditFolderList")->count(), 1);
    QCOMPARE(m_plan->scriptAudit().folders, QStringList{QDir::cleanPath(fixtures())});
    QCOMPARE(m_page->resultsModel()->findings().size(), m_expected.findings.size());
    QCOMPARE(m_page->filterModel()->visibleFindingCount(), int(m_expected.findings.size()));
    QVERIFY(child<QLabel>("auditStatusLabel")->text().contains(QLatin1String("27 file")));
    QVERIFY(
        child<QLabel>("auditCountsLabel")->text().startsWith(QString::number(m_expected.findings.size())));
    QVERIFY(child<QPushButton>("auditExportCsvButton")->isEnabled());
    QVERIFY(!child<QPushButton>("auditCancelButton")->isEnabled());

    // Without a connection or a saved file, the page says routes were not judged.
    QCOMPARE(m_page->liveSwaggerState(), ScriptAuditPage::LiveSwaggerState::NotConnected);
    QVERIFY(child<QLabel>("auditNotesLabel")->text().contains(QLatin1String("not judged")));

    // The plan keeps the counts of the scan, never a snippet.
    const auto &lastScan = m_plan->scriptAudit().lastScan;
    QVERIFY(lastScan.has_value());
    QCOMPARE(lastScan->files, 27);
    QVERIFY(lastScan->at.isValid());
    QSet<QString> files;
    int mentions = 0;
    int secrets = 0;
    for (const AuditFinding &f : std::as_const(m_expected.findings)) {
        if (f.category == AuditCategory::OldServerUrl) {
            ++mentions;
            files.insert(f.absolutePath);
        }
        secrets += f.category == AuditCategory::Secret ? 1 : 0;
    }
    QVERIFY(mentions > 0);
    QCOMPARE(lastScan->mentionsOfOldServer, mentions);
    QCOMPARE(lastScan->filesMentioningOldServer, int(files.size()));
    QCOMPARE(lastScan->findingsByCategory.value(QStringLiteral("secret")), secrets);
    const QByteArray json = QJsonDocument(m_plan->scriptAudit().toJson()).toJson();
    QVERIFY(!json.contains("API-HANDOVERFIXTURE"));
    QVERIFY(!json.contains("snippet"));
}

void ScriptAuditPageTest::groupsFindings_data()
{
    QTest::addColumn<int>("grouping");
    QTest::newRow("by-file") << 0;
    QTest::newRow("by-category") << 1;
    QTest::newRow("by-severity") << 2;
}

void ScriptAuditPageTest::groupsFindings()
{
    QFETCH(int, grouping);
    addFolderAndScan(fixtures());
    QSet<QString> groups;
    for (const AuditFinding &f : std::as_const(m_expected.findings)) {
        groups.insert(grouping == 0   ? f.file
                      : grouping == 1 ? auditCategoryName(f.category)
                                      : auditSeverityName(f.severity));
    }
    child<QComboBox>("auditGroupCombo")->setCurrentIndex(grouping);
    const auto *view = child<QTreeView>("auditResultsView");
    QCOMPARE(view->model()->rowCount(), int(groups.size()));
    QCOMPARE(m_page->filterModel()->visibleFindingCount(), int(m_expected.findings.size()));
    QVERIFY(view->isExpanded(view->model()->index(0, 0)));
}

void ScriptAuditPageTest::filtersFindings_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("text");
    QTest::newRow("secrets") << QStringLiteral("secret") << QString() << QString();
    QTest::newRow("legacy-cli") << QStringLiteral("legacy-cli") << QString() << QString();
    QTest::newRow("breaking") << QString() << QStringLiteral("breaking") << QString();
    QTest::newRow("info-client-library")
        << QStringLiteral("client-library") << QStringLiteral("info") << QString();
    QTest::newRow("text-jenkinsfile") << QString() << QString() << QStringLiteral("jenkinsfile");
    QTest::newRow("nothing") << QStringLiteral("missing-endpoint") << QString() << QString();
}

void ScriptAuditPageTest::filtersFindings()
{
    QFETCH(QString, category);
    QFETCH(QString, severity);
    QFETCH(QString, text);
    addFolderAndScan(fixtures());
    int expected = 0;
    for (const AuditFinding &f : std::as_const(m_expected.findings)) {
        expected += (category.isEmpty() || auditCategoryName(f.category) == category) &&
                            (severity.isEmpty() || auditSeverityName(f.severity) == severity) &&
                            (text.isEmpty() || f.file.contains(text, Qt::CaseInsensitive) ||
                             f.snippet.contains(text, Qt::CaseInsensitive) ||
                             f.hint.contains(text, Qt::CaseInsensitive))
                        ? 1
                        : 0;
    }
    auto *categories = child<QComboBox>("auditCategoryFilter");
    categories->setCurrentIndex(qMax(0, categories->findData(category)));
    auto *severities = child<QComboBox>("auditSeverityFilter");
    severities->setCurrentIndex(qMax(0, severities->findData(severity)));
    QTest::keyClicks(child<QLineEdit>("auditFilterEdit"), text);
    QCOMPARE(m_page->filterModel()->visibleFindingCount(), expected);
    if (expected == 0)
        QCOMPARE(child<QTreeView>("auditResultsView")->model()->rowCount(), 0);
}

void ScriptAuditPageTest::marksFindingAndKeepsDecisionInPlan()
{
    addFolderAndScan(fixtures());
    auto *view = child<QTreeView>("auditResultsView");
    auto *fixed = child<QPushButton>("auditMarkFixedButton");
    QVERIFY(!fixed->isEnabled());
    view->setCurrentIndex(firstFindingInView());
    QVERIFY(fixed->isEnabled());
    QTest::mouseClick(fixed, Qt::LeftButton);
    QList<AuditMark> marks = m_plan->scriptAudit().marks;
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().kind, AuditMark::Kind::Fixed);
    QVERIFY(!marks.first().findingKey.contains(QLatin1String("API-HANDOVER")));
    QVERIFY(marks.first().at.isValid());

    // Second finding: accepted.
    const QModelIndex second = view->model()->index(1, 0, view->model()->index(0, 0));
    view->setCurrentIndex(second);
    QTest::mouseClick(child<QPushButton>("auditMarkAcceptedButton"), Qt::LeftButton);
    marks = m_plan->scriptAudit().marks;
    QCOMPARE(marks.size(), 2);
    QCOMPARE(marks.last().kind, AuditMark::Kind::Accepted);
    QCOMPARE(view->model()
                 ->index(1, AuditResultsModel::StatusColumn, view->model()->index(0, 0))
                 .data()
                 .toString(),
             QStringLiteral("Accepted"));

    const int all = m_page->filterModel()->visibleFindingCount();
    QTest::mouseClick(child<QCheckBox>("auditHideResolvedCheck"), Qt::LeftButton);
    QCOMPARE(m_page->filterModel()->visibleFindingCount(), all - 2);

    // A page built later on the same plan shows the same decisions after a scan.
    m_page.reset();
    m_controller = std::make_unique<ScriptAuditController>(m_plan.get(), nullptr);
    m_page = std::make_unique<ScriptAuditPage>(m_plan.get(), m_controller.get(), &m_services);
    m_page->show();
    m_page->initializePage();
    QCOMPARE(child<QListWidget>("auditFolderList")->count(), 1);
    QTest::mouseClick(child<QPushButton>("auditScanButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isScanning(), 30000);
    int resolved = 0;
    for (const AuditFinding &f : m_page->resultsModel()->findings())
        resolved += m_page->resultsModel()->statusOf(f).isEmpty() ? 0 : 1;
    QCOMPARE(resolved, 2);

    // Clearing a mark removes it from the plan.
    view = child<QTreeView>("auditResultsView");
    view->setCurrentIndex(firstFindingInView());
    QTest::mouseClick(child<QPushButton>("auditClearMarkButton"), Qt::LeftButton);
    QCOMPARE(m_plan->scriptAudit().marks.size(), 1);
}

void ScriptAuditPageTest::opensFindingAtItsLine()
{
    addFolderAndScan(fixtures());
    auto *view = child<QTreeView>("auditResultsView");
    const QModelIndex first = firstFindingInView();
    view->setCurrentIndex(first);
    QTest::mouseClick(child<QPushButton>("auditOpenButton"), Qt::LeftButton);
    const AuditFinding *finding =
        m_page->resultsModel()->findingAt(m_page->filterModel()->mapToSource(first));
    QVERIFY(finding);
    QCOMPARE(m_services.openedPath, finding->absolutePath);
    QCOMPARE(m_services.openedLine, finding->line);
    QVERIFY(QFile::exists(m_services.openedPath));
}

void ScriptAuditPageTest::exportsWithoutRevealingKeys_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("suggested");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("csv") << QStringLiteral("auditExportCsvButton") << QStringLiteral("script-audit.csv")
                         << QByteArray("file,line,column,category,severity,snippet,hint,status");
    QTest::newRow("json") << QStringLiteral("auditExportJsonButton") << QStringLiteral("script-audit.json")
                          << QByteArray("{\"files\":27,");
    QTest::newRow("markdown") << QStringLiteral("auditExportMarkdownButton")
                              << QStringLiteral("script-audit.md") << QByteArray("# ");
}

void ScriptAuditPageTest::exportsWithoutRevealingKeys()
{
    QFETCH(QString, button);
    QFETCH(QString, suggested);
    QFETCH(QByteArray, start);
    addFolderAndScan(fixtures());
    child<QTreeView>("auditResultsView")->setCurrentIndex(firstFindingInView());
    QTest::mouseClick(child<QPushButton>("auditMarkAcceptedButton"), Qt::LeftButton);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_services.exportFile = dir.filePath(suggested);
    QTest::mouseClick(m_page->findChild<QPushButton *>(button), Qt::LeftButton);
    QCOMPARE(m_services.lastSuggestedName, suggested);
    QFile file(m_services.exportFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith(start));
    QVERIFY(!bytes.contains("API-HANDOVERFIXTURE"));
    QVERIFY(bytes.contains(QStringLiteral("API-HA\u2026").toUtf8()));
    QVERIFY(bytes.contains("accepted"));
    QVERIFY(child<QLabel>("auditStatusLabel")->text().contains(m_services.exportFile));
}

void ScriptAuditPageTest::cancelStopsTheScan()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (int i = 0; i < 2000; ++i) {
        QFile file(dir.filePath(QStringLiteral("s%1.sh").arg(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("echo one\nocto push --package a.zip\n");
    }
    m_services.folders = {dir.path()};
    QTest::mouseClick(child<QPushButton>("auditAddFolderButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("auditScanButton"), Qt::LeftButton);
    QVERIFY(m_page->isScanning());
    auto *cancel = child<QPushButton>("auditCancelButton");
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isScanning(), 30000);
    QVERIFY2(child<QLabel>("auditStatusLabel")->text().startsWith(QLatin1String("Cancelled")),
             qPrintable(child<QLabel>("auditStatusLabel")->text()));
    QVERIFY(child<QPushButton>("auditScanButton")->isEnabled());
}

void ScriptAuditPageTest::connectToOctosim(Connected *c, const QList<octosim::FaultSpec> &faults)
{
    octosim::Options options;
    options.faults = faults;
    c->sim = std::make_unique<octosim::OctoSimServer>(options);
    QString error;
    QVERIFY2(c->sim->start(&error), qPrintable(error));
    c->plan = std::make_unique<MigrationPlan>();
    c->plan->setServerUrl(ServerRole::Old, QUrl(kOldUrl));
    c->plan->setServerUrl(ServerRole::New, c->sim->newInstance().url);
    c->credentials = std::make_unique<SessionCredentials>();
    c->credentials->setApiKey(ServerRole::New, c->sim->newInstance().apiKey);
    c->session = std::make_unique<ServerSession>(c->plan.get(), c->credentials.get(), &m_network);
    c->controller = std::make_unique<ScriptAuditController>(c->plan.get(), c->session.get());
    c->page = std::make_unique<ScriptAuditPage>(c->plan.get(), c->controller.get(), &m_services);
    c->page->resize(1000, 700);
    c->page->show();
    c->page->initializePage();
    QVERIFY(QTest::qWaitForWindowExposed(c->page.get()));
}

// Connected to octosim's old instance (its scripts name https://octopus.acme.example, the Domain step's old
// public URL here): with no folder, the scan reads the server's stored scripts; a finding shows where it
// lives and Open asks for its web portal page.
void ScriptAuditPageTest::showsOldServersScriptsAndOpensThemInThePortal()
{
    Connected c;
    connectToOctosim(&c, {});
    auto *scan = c.page->findChild<QPushButton *>(QStringLiteral("auditScanButton"));
    auto *include = c.page->findChild<QCheckBox *>(QStringLiteral("auditServerScriptsCheck"));
    QVERIFY(include && include->isChecked());
    QVERIFY(!include->isEnabled()); // no key for the old server yet
    QVERIFY(!scan->isEnabled());
    QVERIFY(!c.page->findChild<QLabel *>(QStringLiteral("plannedStepLater")));
    for (const QLabel *label : c.page->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(QLatin1String("Coming in a later version")));

    c.plan->setServerUrl(ServerRole::Old, c.sim->oldInstance().url);
    c.credentials->setApiKey(ServerRole::Old, c.sim->oldInstance().apiKey);
    DomainDecision domain = c.plan->domain();
    domain.oldPublicUrl = QUrl(QStringLiteral("https://octopus.acme.example"));
    c.plan->setDomain(domain);
    c.page->initializePage(); // the lead comes back to the step after connecting
    QVERIFY(include->isEnabled());
    QVERIFY(scan->isEnabled());
    QTest::mouseClick(scan, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!c.page->isScanning(), 30000);
    QVERIFY(c.page->resultsModel()->findings().size() > 30);
    QVERIFY2(c.page->findChild<QLabel *>(QStringLiteral("auditNotesLabel"))
                 ->text()
                 .contains(QLatin1String("read from the old server")),
             qPrintable(c.page->findChild<QLabel *>(QStringLiteral("auditNotesLabel"))->text()));

    // Grouped by file, each group is a place on the server.
    auto *view = c.page->findChild<QTreeView *>(QStringLiteral("auditResultsView"));
    QAbstractItemModel *model = view->model();
    const QString place = QStringLiteral(
        "Default \u203a Billing Api \u203a Deployment process \u203a Step 'Notify' \u203a script");
    QModelIndex group;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString().startsWith(place + QStringLiteral(" (")))
            group = model->index(row, 0);
    }
    QVERIFY(group.isValid());
    const QModelIndex first = model->index(0, 0, group);
    view->setCurrentIndex(first);
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditOpenButton")), Qt::LeftButton);
    QVERIFY2(m_services.openedUrl.toString().startsWith(
                 c.sim->oldInstance().url.toString() +
                 QStringLiteral("/app#/Spaces-1/projects/Projects-1/deployments/process/steps?actionId=")),
             qPrintable(m_services.openedUrl.toString()));
    QVERIFY(m_services.openedPath.isEmpty()); // not opened as a file

    // Grouped by category, the location column names the place and the line in the script.
    auto *grouping = c.page->findChild<QComboBox *>(QStringLiteral("auditGroupCombo"));
    grouping->setCurrentIndex(grouping->findData(int(AuditResultsModel::Grouping::Category)));
    bool shown = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex g = model->index(row, 0);
        for (int r = 0; r < model->rowCount(g); ++r)
            shown = shown || model->index(r, AuditResultsModel::LocationColumn, g)
                                 .data()
                                 .toString()
                                 .startsWith(place + QStringLiteral(", line "));
    }
    QVERIFY(shown);
}

// One file: line 2 calls a route the 2021.2 swagger serves, line 3 one it does not.
QString ScriptAuditPageTest::writeRouteFixture(const QTemporaryDir &dir)
{
    QFile file(dir.filePath(QStringLiteral("deploy.sh")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("# Octopus\n"
               "curl \"$OCTOPUS_URL/api/$spaceId/projects/all\"\n"
               "curl \"$OCTOPUS_URL/api/$spaceId/retiredwidgets\"\n");
    return QDir::cleanPath(dir.path());
}

// "deploy.sh:3" for each finding of that category.
QStringList ScriptAuditPageTest::categoriesAtLines(const ScriptAuditPage &page, AuditCategory category)
{
    QStringList lines;
    for (const AuditFinding &f : page.resultsModel()->findings()) {
        if (f.category == category)
            lines << QStringLiteral("%1:%2").arg(f.file).arg(f.line);
    }
    return lines;
}

void ScriptAuditPageTest::judgesRoutesAgainstTheNewServersLiveSwagger()
{
    m_page.reset(); // this test has its own, connected page
    Connected c;
    connectToOctosim(&c, {});
    auto *label = c.page->findChild<QLabel *>(QStringLiteral("auditLiveSwaggerLabel"));
    QVERIFY(label);
    QTRY_COMPARE_WITH_TIMEOUT(c.page->liveSwaggerState(), ScriptAuditPage::LiveSwaggerState::Ready, 30000);
    QVERIFY2(label->text().contains(QLatin1String("live API description (Octopus 2021.2")),
             qPrintable(label->text()));

    QTemporaryDir dir;
    const QString folder = writeRouteFixture(dir);
    QVERIFY(!folder.isEmpty());
    m_services.folders = {folder};
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditAddFolderButton")),
                      Qt::LeftButton);
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditScanButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!c.page->isScanning(), 30000);
    QCOMPARE(categoriesAtLines(*c.page, AuditCategory::MissingEndpoint),
             QStringList{QStringLiteral("deploy.sh:3")});
    QCOMPARE(categoriesAtLines(*c.page, AuditCategory::ApiCall), QStringList{QStringLiteral("deploy.sh:2")});
    QVERIFY(!c.page->findChild<QLabel *>(QStringLiteral("auditNotesLabel"))
                 ->text()
                 .contains(QLatin1String("not judged")));
    QCOMPARE(c.plan->scriptAudit().lastScan->findingsByCategory.value(QStringLiteral("missing-endpoint")), 1);
}

void ScriptAuditPageTest::failedLiveSwaggerIsShownAndScanRunsWithoutJudgement()
{
    m_page.reset();
    Connected c;
    connectToOctosim(&c, {octosim::FaultSpec{QStringLiteral("new"), QStringLiteral("swagger"),
                                             QStringLiteral("status"), QStringLiteral("500")}});
    auto *label = c.page->findChild<QLabel *>(QStringLiteral("auditLiveSwaggerLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(c.page->liveSwaggerState(), ScriptAuditPage::LiveSwaggerState::Failed, 60000);
    // Through ApiErrorText: the server by role and URL, the call, the status.
    const QString text = label->text();
    QVERIFY2(text.contains(QLatin1String("new server")), qPrintable(text));
    QVERIFY2(text.contains(c.sim->newInstance().url.authority()), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("GET /api/swagger.json")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("500")), qPrintable(text));
    QVERIFY(c.page->findChild<QPushButton *>(QStringLiteral("auditFetchSwaggerButton"))->isEnabled());

    QTemporaryDir dir;
    m_services.folders = {writeRouteFixture(dir)};
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditAddFolderButton")),
                      Qt::LeftButton);
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditScanButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!c.page->isScanning(), 30000);
    QVERIFY(categoriesAtLines(*c.page, AuditCategory::MissingEndpoint).isEmpty());
    QCOMPARE(categoriesAtLines(*c.page, AuditCategory::ApiCall).size(), 2); // found, not judged
    const QString notes = c.page->findChild<QLabel *>(QStringLiteral("auditNotesLabel"))->text();
    QVERIFY2(notes.contains(QLatin1String("not judged")), qPrintable(notes));
    QVERIFY2(notes.contains(QLatin1String("could not be fetched")), qPrintable(notes));
}

void ScriptAuditPageTest::savedSwaggerFileOverridesTheLiveOne()
{
    m_page.reset();
    Connected c;
    connectToOctosim(&c, {});
    QTRY_COMPARE_WITH_TIMEOUT(c.page->liveSwaggerState(), ScriptAuditPage::LiveSwaggerState::Ready, 30000);
    // A saved file that serves every route the fixture calls: its judgement wins over the live one.
    QTemporaryDir dir;
    const QString swagger = dir.filePath(QStringLiteral("swagger.json"));
    {
        QFile file(swagger);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"swagger": "2.0", "info": {"version": "9999.1"}, "basePath": "/api", "paths": {
            "/{baseSpaceId}/projects/all": {"get": {}}, "/{baseSpaceId}/retiredwidgets": {"get": {}}}})");
    }
    m_services.swaggerFile = swagger;
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditSwaggerButton")), Qt::LeftButton);
    QVERIFY(c.page->findChild<QLabel *>(QStringLiteral("auditLiveSwaggerLabel"))
                ->text()
                .contains(QLatin1String("overrides")));
    m_services.folders = {writeRouteFixture(dir)};
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditAddFolderButton")),
                      Qt::LeftButton);
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditScanButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!c.page->isScanning(), 30000);
    QVERIFY(categoriesAtLines(*c.page, AuditCategory::MissingEndpoint).isEmpty());
    QCOMPARE(categoriesAtLines(*c.page, AuditCategory::ApiCall).size(), 2);
}

void ScriptAuditPageTest::domainPageShowsScriptsMentioningTheOldServer()
{
    m_page.reset();
    Connected c;
    connectToOctosim(&c, {});
    DomainDecision domain;
    domain.choice = DomainDecision::Choice::NewName;
    domain.oldPublicUrl = QUrl(kOldUrl);
    domain.newPublicUrl = QUrl(QStringLiteral("https://octopus.new.example.com"));
    c.plan->setDomain(domain);
    DomainPage domainPage(c.plan.get(), c.session.get(), nullptr);
    domainPage.resize(900, 700);
    domainPage.show();
    domainPage.initializePage();
    auto *consequences = domainPage.findChild<QLabel *>(QStringLiteral("domainConsequencesLabel"));
    QVERIFY(consequences);
    QVERIFY(
        consequences->text().contains(QLatin1String("Scripts that mention the old name: not analysed yet")));
    QCOMPARE(consequences->property("scriptsMentioningOldName").toInt(), -1);

    m_services.folders = {fixtures()};
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditAddFolderButton")),
                      Qt::LeftButton);
    QTest::mouseClick(c.page->findChild<QPushButton *>(QStringLiteral("auditScanButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!c.page->isScanning(), 30000);
    const ScriptAuditScanSummary scan = c.plan->scriptAudit().lastScan.value();
    QVERIFY(scan.mentionsOfOldServer > 0);
    QCOMPARE(consequences->property("scriptsMentioningOldName").toInt(), scan.mentionsOfOldServer);
    QCOMPARE(consequences->property("scriptFilesMentioningOldName").toInt(), scan.filesMentioningOldServer);
    const QString expected = QStringLiteral("%1 script files mention the old server</b> (%2 places")
                                 .arg(scan.filesMentioningOldServer)
                                 .arg(scan.mentionsOfOldServer);
    QVERIFY2(consequences->text().contains(expected), qPrintable(consequences->text()));
    QVERIFY(consequences->text().contains(QLatin1String("href=\"step:audit\"")));
    QVERIFY(consequences->text().contains(
        QLatin1String("CI systems and other callers of the old server: not analysed yet")));
}

QTEST_MAIN(ScriptAuditPageTest)
#include "tst_scriptauditpage.moc"
