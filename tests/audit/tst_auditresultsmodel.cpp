#include "auditfilterproxymodel.h"
#include "auditplanstate.h"
#include "auditreportwriter.h"
#include "auditresultsmodel.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

// The page's model without widgets: grouping, filters, decisions and their place in the plan, CSV cells.
class AuditResultsModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsFindings_data();
    void groupsFindings();
    void filtersFindings_data();
    void filtersFindings();
    void recordsDecisions();
    void findingKeysHoldNoSecretAndDifferPerFinding();
    void defusesSpreadsheetFormulasInCsv_data();
    void defusesSpreadsheetFormulasInCsv();
};

namespace {

AuditFinding finding(const char *file, int line, AuditCategory category, AuditSeverity severity,
                     const char *snippet)
{
    AuditFinding f;
    f.file = QString::fromLatin1(file);
    f.absolutePath = QStringLiteral("/scripts/") + f.file;
    f.line = line;
    f.column = 1;
    f.category = category;
    f.severity = severity;
    f.snippet = QString::fromLatin1(snippet);
    f.hint = QStringLiteral("hint");
    return f;
}

QList<AuditFinding> sample()
{
    QList<AuditFinding> findings{
        finding("b.ps1", 3, AuditCategory::Secret, AuditSeverity::Security, "$k = 'API-AB\xe2\x80\xa6'"),
        finding("a.sh", 1, AuditCategory::LegacyCli, AuditSeverity::MustChange, "octo push"),
        finding("a.sh", 2, AuditCategory::OldServerUrl, AuditSeverity::Breaking, "curl https://old"),
        finding("b.ps1", 9, AuditCategory::LegacyCli, AuditSeverity::MustChange, "Octo.exe pack"),
        finding("c.py", 4, AuditCategory::ApiCall, AuditSeverity::Info, "requests.get(url + '/api/x')"),
    };
    sortAuditFindings(findings);
    return findings;
}

} // namespace

void AuditResultsModelTest::groupsFindings_data()
{
    QTest::addColumn<int>("grouping");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("file") << int(AuditResultsModel::Grouping::File)
                          << QStringList{QStringLiteral("a.sh (2)"), QStringLiteral("b.ps1 (2)"),
                                         QStringLiteral("c.py (1)")};
    QTest::newRow("category") << int(AuditResultsModel::Grouping::Category)
                              << QStringList{
                                     QStringLiteral("secret (1)"), QStringLiteral("old-server-url (1)"),
                                     QStringLiteral("api-call (1)"), QStringLiteral("legacy-cli (2)")};
    QTest::newRow("severity") << int(AuditResultsModel::Grouping::Severity)
                              << QStringList{QStringLiteral("breaking (1)"),
                                             QStringLiteral("must-change (2)"),
                                             QStringLiteral("security (1)"), QStringLiteral("info (1)")};
}

void AuditResultsModelTest::groupsFindings()
{
    QFETCH(int, grouping);
    QFETCH(QStringList, titles);
    AuditResultsModel model;
    model.setFindings(sample());
    model.setGrouping(AuditResultsModel::Grouping(grouping));
    QStringList actual;
    int leaves = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex group = model.index(row, 0);
        QVERIFY(group.data(AuditResultsModel::IsGroupRole).toBool());
        actual << group.data().toString();
        leaves += model.rowCount(group);
        QCOMPARE(model.parent(model.index(0, 0, group)), group);
    }
    QCOMPARE(actual, titles);
    QCOMPARE(leaves, 5);
}

void AuditResultsModelTest::filtersFindings_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("visible");
    QTest::addColumn<int>("groups");
    QTest::newRow("all") << QString() << QString() << QString() << 5 << 3;
    QTest::newRow("legacy-cli") << QStringLiteral("legacy-cli") << QString() << QString() << 2 << 2;
    QTest::newRow("breaking") << QString() << QStringLiteral("breaking") << QString() << 1 << 1;
    QTest::newRow("text") << QString() << QString() << QStringLiteral("OCTO") << 2 << 2;
    QTest::newRow("text-file") << QString() << QString() << QStringLiteral("c.py") << 1 << 1;
    QTest::newRow("none") << QStringLiteral("secret") << QStringLiteral("info") << QString() << 0 << 0;
}

void AuditResultsModelTest::filtersFindings()
{
    QFETCH(QString, category);
    QFETCH(QString, severity);
    QFETCH(QString, text);
    QFETCH(int, visible);
    QFETCH(int, groups);
    AuditResultsModel model;
    model.setFindings(sample());
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setCategoryFilter(category);
    proxy.setSeverityFilter(severity);
    proxy.setTextFilter(text);
    QCOMPARE(proxy.visibleFindingCount(), visible);
    QCOMPARE(proxy.rowCount(), groups);
}

void AuditResultsModelTest::recordsDecisions()
{
    AuditResultsModel model;
    model.setFindings(sample());
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QSignalSpy decided(&model, &AuditResultsModel::decisionChanged);
    const QModelIndex first = model.index(0, 0, model.index(0, 0));
    model.setStatus(first, QString::fromLatin1(AuditPlanState::Fixed));
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.at(0).at(1).toString(), QStringLiteral("fixed"));
    QCOMPARE(model.index(0, AuditResultsModel::StatusColumn, model.index(0, 0)).data().toString(),
             QStringLiteral("Fixed"));
    model.setStatus(first, QString::fromLatin1(AuditPlanState::Fixed)); // unchanged: no signal
    QCOMPARE(decided.count(), 1);
    proxy.setHideResolved(true);
    QCOMPARE(proxy.visibleFindingCount(), 4);
    // Decisions survive a new scan (same key) and a regrouping.
    const QHash<QString, QString> decisions = model.decisions();
    model.setFindings(sample());
    model.setDecisions(decisions);
    model.setGrouping(AuditResultsModel::Grouping::Severity);
    QCOMPARE(proxy.visibleFindingCount(), 4);
    model.setStatus(model.index(0, 0, model.index(0, 0)), QString());
    model.setStatus(model.index(0, 0, model.index(1, 0)), QString());
    QVERIFY(model.decisions().size() <= 1);
}

// The plan's side of the marks (typed, unknown keys kept, 1.0 files) is tested in tests/core.
void AuditResultsModelTest::findingKeysHoldNoSecretAndDifferPerFinding()
{
    const AuditFinding secret = sample().at(2);
    QVERIFY(!AuditPlanState::findingKey(secret).contains(QLatin1String("API-")));
    QVERIFY(AuditPlanState::findingKey(secret) != AuditPlanState::findingKey(sample().at(3)));
    QCOMPARE(AuditPlanState::findingKey(secret), AuditPlanState::findingKey(sample().at(2)));
}

void AuditResultsModelTest::defusesSpreadsheetFormulasInCsv_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("csv");
    QTest::newRow("plain") << QStringLiteral("octo push") << QStringLiteral("octo push");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")")
                             << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("yaml-item") << QStringLiteral("- octo push") << QStringLiteral("'- octo push");
    QTest::newRow("at") << QStringLiteral("@SUM(1)") << QStringLiteral("'@SUM(1)");
}

void AuditResultsModelTest::defusesSpreadsheetFormulasInCsv()
{
    QFETCH(QString, cell);
    QFETCH(QString, csv);
    QCOMPARE(AuditReportWriter::csvField(cell), csv);
}

QTEST_GUILESS_MAIN(AuditResultsModelTest)
#include "tst_auditresultsmodel.moc"
