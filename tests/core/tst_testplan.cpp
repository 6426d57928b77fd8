// The test plan (app/core/testplan.h): the rows generated from a usage, their merge with the lead's edits,
// the lead's edits themselves, the counts comparison, the version gap, and the plan section's JSON.
#include "testplan.h"

#include <QJsonDocument>
#include <QTest>

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

TestPlan::ProjectUsage project(const QString &id, const QString &name, int deployments,
                               const QStringList &actionTypes, bool disabled = false)
{
    TestPlan::ProjectUsage p;
    p.id = id;
    p.name = name;
    p.spaceId = QStringLiteral("Spaces-1");
    p.deployments = deployments;
    p.actionTypes = actionTypes;
    p.disabled = disabled;
    p.web = QUrl(QStringLiteral("https://old.example/app#/Spaces-1/projects/") + id);
    return p;
}

TestPlan::Usage usage()
{
    TestPlan::Usage u;
    u.windowDays = 90;
    u.projects = {
        project(QStringLiteral("Projects-1"), QStringLiteral("Web Shop"), 40,
                {QStringLiteral("Octopus.Manual"), QStringLiteral("Octopus.IIS"),
                 QStringLiteral("Octopus.Script")}),
        project(QStringLiteral("Projects-2"), QStringLiteral("Billing"), 90,
                {QStringLiteral("Octopus.Script"), QStringLiteral("Octopus.Email")}),
        project(QStringLiteral("Projects-3"), QStringLiteral("Cluster"), 5,
                {QStringLiteral("Octopus.KubernetesDeployRawYaml")}),
        // A disabled project's technology is not in use.
        project(QStringLiteral("Projects-4"), QStringLiteral("Legacy"), 0,
                {QStringLiteral("Octopus.AzureWebApp")}, true),
    };
    u.deployments = 135;
    u.runbookRunsKnown = true;
    TestPlan::RunbookUsage often;
    often.id = QStringLiteral("Runbooks-1");
    often.name = QStringLiteral("Restart");
    often.projectName = QStringLiteral("Web Shop");
    often.runs = 12;
    TestPlan::RunbookUsage never;
    never.id = QStringLiteral("Runbooks-2");
    never.name = QStringLiteral("Never run");
    never.projectName = QStringLiteral("Billing");
    never.runs = 0;
    u.runbooks = {never, often};
    u.teamsKnown = true;
    u.teams = {{QStringLiteral("Teams-1"), QStringLiteral("Ops"), QStringLiteral("Spaces-1"), 7},
               {QStringLiteral("Teams-2"), QStringLiteral("Empty"), QStringLiteral("Spaces-1"), 0}};
    return u;
}

QStringList ids(const QList<TestPlanRow> &rows)
{
    QStringList out;
    for (const TestPlanRow &r : rows)
        out << r.id;
    return out;
}

} // namespace

class TestTestPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTechnologyInUseGetsOneSmokeRowFromItsMostDeployedProject()
    {
        const TestPlan::Usage u = usage();
        // Sorted by the deployments of the projects using them; manual steps and e-mails are no technology;
        // the disabled project's Azure Web App is not in use.
        QCOMPARE(TestPlan::technologiesInUse(u),
                 (QStringList{QStringLiteral("Octopus.Script"), QStringLiteral("Octopus.IIS"),
                              QStringLiteral("Octopus.KubernetesDeployRawYaml")}));
        TestPlan::Inputs in;
        in.usage = u;
        in.newServerName = QStringLiteral("new.example");
        const QList<TestPlanRow> rows = TestPlan::generate(in);
        const TestPlanRow *script = nullptr;
        int smoke = 0;
        for (const TestPlanRow &r : rows) {
            if (r.kind == QLatin1String("smoke"))
                ++smoke;
            if (r.id == QLatin1String("smoke:Octopus.Script"))
                script = &r;
        }
        QCOMPARE(smoke, 3);
        QVERIFY(script);
        // Billing (90) is deployed more than Web Shop (40): it carries the Script smoke test.
        QVERIFY2(script->title.contains(QLatin1String("Billing")), qPrintable(script->title));
        QVERIFY(script->title.contains(QLatin1String("new.example")));
        QCOMPARE(script->evidenceUrl, u.projects.at(1).web);
        QVERIFY(!ids(rows).contains(QStringLiteral("smoke:Octopus.AzureWebApp")));
        QVERIFY(!ids(rows).contains(QStringLiteral("smoke:Octopus.Manual")));
        // History, sign-in, the team with members (not the empty one), the runbook that ran (not the one that
        // never did).
        for (const char *id :
             {"history:logs", "history:artifacts", "sign-in:admin", "sign-in:Teams-1", "runbook:Runbooks-1"})
            QVERIFY2(ids(rows).contains(QString::fromLatin1(id)), id);
        QVERIFY(!ids(rows).contains(QStringLiteral("sign-in:Teams-2")));
        QVERIFY(!ids(rows).contains(QStringLiteral("runbook:Runbooks-2")));
        // Generated rows carry no owner or status.
        for (const TestPlanRow &r : rows) {
            QVERIFY(!r.touched());
            QVERIFY(!r.custom);
        }
    }

    void apiScriptsAndPushingCiIntegrationsGetRows()
    {
        TestPlan::Inputs in;
        in.usage = usage();
        in.apiScripts = {{QStringLiteral("/scripts/deploy.ps1"),
                          QStringLiteral("/scripts/deploy.ps1"),
                          {QStringLiteral("/api/releases")},
                          {}}};
        CiIntegrationRecord keep;
        keep.system = QStringLiteral("Jenkins");
        keep.location = QStringLiteral("jenkins.corp.example");
        keep.decision = CiIntegrationRecord::Decision::Repoint;
        CiIntegrationRecord retired = keep;
        retired.location = QStringLiteral("old-jenkins.corp.example");
        retired.decision = CiIntegrationRecord::Decision::Retire;
        in.ciIntegrations.insert(QStringLiteral("jenkins:jenkins.corp.example"), keep);
        in.ciIntegrations.insert(QStringLiteral("jenkins:old-jenkins.corp.example"), retired);
        const QList<TestPlanRow> rows = TestPlan::generate(in);
        int scripts = 0;
        for (const TestPlanRow &r : rows)
            scripts += r.kind == QLatin1String("api-script") ? 1 : 0;
        QCOMPARE(scripts, 1);
        QVERIFY(ids(rows).contains(QStringLiteral("ci:jenkins:jenkins.corp.example")));
        QVERIFY(!ids(rows).contains(QStringLiteral("ci:jenkins:old-jenkins.corp.example")));
    }

    void mergeKeepsTheLeadsEditsOrderAndRowsAndMarksTouchedRowsStale()
    {
        TestPlan::Inputs in;
        in.usage = usage();
        TestPlanSection section;
        section.rows = TestPlan::merge({}, TestPlan::generate(in), kNow);
        QVERIFY(!section.rows.isEmpty());
        for (const TestPlanRow &r : section.rows)
            QCOMPARE(r.changedAt, kNow);

        const QDateTime later = kNow.addSecs(3600);
        QVERIFY(TestPlan::setStatus(&section, QStringLiteral("history:logs"), TestPlanRow::Status::Passed,
                                    later));
        QVERIFY(TestPlan::setOwner(&section, QStringLiteral("smoke:Octopus.IIS"), QStringLiteral(" Dana "),
                                   later));
        QCOMPARE(section.row(QStringLiteral("smoke:Octopus.IIS"))->owner, QStringLiteral("Dana"));
        QVERIFY(!TestPlan::setOwner(&section, QStringLiteral("smoke:Octopus.IIS"), QStringLiteral("Dana"),
                                    later));
        QVERIFY(!TestPlan::setOwner(&section, QStringLiteral("no-such-row"), QStringLiteral("Dana"), later));
        QVERIFY(TestPlan::moveRow(&section, QStringLiteral("history:logs"), 0));
        QVERIFY(!TestPlan::moveRow(&section, QStringLiteral("history:logs"), 0));
        const QString custom = TestPlan::addRow(&section, QStringLiteral("Check the SMTP relay"), QString(),
                                                QStringLiteral("history:logs"), later);
        QCOMPARE(custom, QStringLiteral("custom:1"));
        // A generated row can be neither edited nor removed; the lead's own can.
        QVERIFY(!TestPlan::editRow(&section, QStringLiteral("history:logs"), QStringLiteral("x"), QString(),
                                   later));
        QVERIFY(!TestPlan::removeRow(&section, QStringLiteral("history:logs")));
        QVERIFY(TestPlan::editRow(&section, custom, QStringLiteral("Check the SMTP relay on port 25"),
                                  QString(), later));
        const QStringList before = ids(section.rows);
        QCOMPARE(before.first(), QStringLiteral("history:logs"));
        QCOMPARE(before.at(before.indexOf(QStringLiteral("history:logs")) + 1), QStringLiteral("custom:1"));

        // Tomorrow: IIS is no longer deployed (touched: kept, stale), Kubernetes neither (untouched:
        // dropped), a Helm chart is new (placed after the generated row before it).
        TestPlan::Usage tomorrow = usage();
        tomorrow.projects[0].actionTypes = {QStringLiteral("Octopus.Script")};
        tomorrow.projects[2].actionTypes = {QStringLiteral("Octopus.HelmChartUpgrade")};
        in.usage = tomorrow;
        const QDateTime tomorrowTime = kNow.addDays(1);
        const QList<TestPlanRow> merged = TestPlan::merge(section.rows, TestPlan::generate(in), tomorrowTime);
        const QStringList after = ids(merged);
        QCOMPARE(after.first(), QStringLiteral("history:logs"));
        QCOMPARE(after.at(after.indexOf(QStringLiteral("history:logs")) + 1), QStringLiteral("custom:1"));
        const TestPlanRow *logs = nullptr;
        const TestPlanRow *iis = nullptr;
        const TestPlanRow *helm = nullptr;
        const TestPlanRow *lead = nullptr;
        for (const TestPlanRow &r : merged) {
            if (r.id == QLatin1String("history:logs"))
                logs = &r;
            else if (r.id == QLatin1String("smoke:Octopus.IIS"))
                iis = &r;
            else if (r.id == QLatin1String("smoke:Octopus.HelmChartUpgrade"))
                helm = &r;
            else if (r.id == QLatin1String("custom:1"))
                lead = &r;
        }
        QVERIFY(logs && iis && helm && lead);
        QCOMPARE(logs->status, TestPlanRow::Status::Passed);
        QCOMPARE(logs->changedAt, later);
        QVERIFY(iis->stale);
        QCOMPARE(iis->owner, QStringLiteral("Dana"));
        QVERIFY(!after.contains(QStringLiteral("smoke:Octopus.KubernetesDeployRawYaml")));
        QCOMPARE(helm->changedAt, tomorrowTime);
        QVERIFY(!helm->stale);
        QCOMPARE(lead->title, QStringLiteral("Check the SMTP relay on port 25"));
        // The Helm row follows the generated row before it in priority order (Script's smoke row).
        QCOMPARE(after.at(after.indexOf(QStringLiteral("smoke:Octopus.Script")) + 1),
                 QStringLiteral("smoke:Octopus.HelmChartUpgrade"));
        // A stale row can be removed.
        TestPlanSection next;
        next.rows = merged;
        QVERIFY(TestPlan::removeRow(&next, QStringLiteral("smoke:Octopus.IIS")));
        QVERIFY(!next.row(QStringLiteral("smoke:Octopus.IIS")));
    }

    void countsComparisonNamesWhatExistsOnOneServerOnly()
    {
        TestPlan::Usage old;
        TestPlan::Usage clone;
        old.counts = {{QStringLiteral("Project.Projects"), 3},
                      {QStringLiteral("Project.Deployments"), 10},
                      {QStringLiteral("Library.Feeds"), 2}};
        clone.counts = {{QStringLiteral("Project.Projects"), 2},
                        {QStringLiteral("Project.Deployments"), 10},
                        {QStringLiteral("Library.Feeds"), 2},
                        {QStringLiteral("Global.Teams"), 4}};
        old.items.insert(QStringLiteral("Project.Projects"),
                         {{QStringLiteral("Projects-1"), QStringLiteral("Web Shop")},
                          {QStringLiteral("Projects-2"), QStringLiteral("Billing")},
                          {QStringLiteral("Projects-9"), QStringLiteral("Planted")}});
        clone.items.insert(QStringLiteral("Project.Projects"),
                           {{QStringLiteral("Projects-1"), QStringLiteral("Web Shop")},
                            {QStringLiteral("Projects-2"), QStringLiteral("Billing")}});
        const QList<TestPlan::CountComparison> rows = TestPlan::compareCounts(
            old, clone,
            {{QStringLiteral("Project.Projects"), QStringLiteral("1 project created since the clone")}});
        QCOMPARE(rows.size(), 4);
        int differing = 0;
        for (const TestPlan::CountComparison &r : rows) {
            differing += r.differs ? 1 : 0;
            if (r.key == QLatin1String("Project.Projects")) {
                QVERIFY(r.differs);
                QCOMPARE(r.label, QStringLiteral("Projects"));
                QCOMPARE(r.oldCount, 3);
                QCOMPARE(r.newCount, 2);
                QCOMPARE(r.onlyOld, QStringList{QStringLiteral("Projects-9 'Planted'")});
                QVERIFY(r.onlyNew.isEmpty());
                QVERIFY2(r.explanation.contains(QLatin1String("Projects-9")), qPrintable(r.explanation));
                QVERIFY(r.explanation.contains(QLatin1String("since the clone")));
            } else if (r.key == QLatin1String("Global.Teams")) {
                QVERIFY(r.differs);
                QCOMPARE(r.oldCount, -1);
                QVERIFY(r.explanation.contains(QLatin1String("only one server")));
            } else {
                QVERIFY2(!r.differs, qPrintable(r.key));
                QVERIFY(r.explanation.isEmpty());
            }
        }
        QCOMPARE(differing, 2);
    }

    void versionGapListsTheReleasesInBetween()
    {
        QCOMPARE(TestPlan::compareVersions(QStringLiteral("2019.13.7"), QStringLiteral("2020.1.0")), -1);
        QCOMPARE(TestPlan::compareVersions(QStringLiteral("2023.2.1"), QStringLiteral("2023.2.1")), 0);
        QCOMPARE(TestPlan::compareVersions(QStringLiteral("2024.1"), QStringLiteral("2023.4.9")), 1);
        QCOMPARE(TestPlan::compareVersions(QStringLiteral("garbage"), QStringLiteral("2023.4.9")), 0);
        QStringList versions;
        for (const TestPlan::VersionChange &c :
             TestPlan::versionGap(QStringLiteral("2018.10.3"), QStringLiteral("2020.2.4")))
            versions << c.version;
        QCOMPARE(versions, (QStringList{QStringLiteral("2019.1"), QStringLiteral("2019.11"),
                                        QStringLiteral("2020.1"), QStringLiteral("2020.2")}));
        QVERIFY(TestPlan::versionGap(QStringLiteral("2023.1.1"), QStringLiteral("2023.1.1")).isEmpty());
        QVERIFY(TestPlan::versionGap(QString(), QStringLiteral("2023.1.1")).isEmpty());
        const QUrl url = TestPlan::compareVersionsUrl(QStringLiteral("2019.1.0"), QStringLiteral("2023.1.1"));
        QVERIFY(url.query().contains(QLatin1String("from=2019.1.0")));
    }

    void sectionRoundTripsAndRefusesBadInput()
    {
        TestPlan::Inputs in;
        in.usage = usage();
        TestPlanSection section;
        section.windowDays = 30;
        section.generatedAt = kNow;
        section.rows = TestPlan::merge({}, TestPlan::generate(in), kNow);
        TestPlan::setNotes(&section, QStringLiteral("history:logs"),
                           QStringLiteral("log of 2026-11-02 opens"), kNow);
        TestPlan::addRow(&section, QStringLiteral("A row of the lead's"), QStringLiteral("because"),
                         QString(), kNow);
        TestPlan::addTrainingItem(&section, QStringLiteral("Spaces"), QStringLiteral("Dana"));
        QJsonObject json = section.toJson();
        json.insert(QStringLiteral("futureField"), 7); // unknown keys survive
        TestPlanSection back;
        QString error;
        QVERIFY2(TestPlanSection::fromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back.toJson(), json);
        QCOMPARE(back.rows.size(), section.rows.size());
        QCOMPARE(back.row(QStringLiteral("custom:1"))->custom, true);
        QCOMPARE(back.training.size(), 1);

        QJsonObject badStatus = json;
        QJsonArray rows = badStatus.value(QStringLiteral("rows")).toArray();
        QJsonObject first = rows.at(0).toObject();
        first.insert(QStringLiteral("status"), QStringLiteral("maybe"));
        rows.replace(0, first);
        badStatus.insert(QStringLiteral("rows"), rows);
        QVERIFY(!TestPlanSection::fromJson(badStatus, &back, &error));
        QVERIFY2(error.contains(QLatin1String("maybe")), qPrintable(error));

        QJsonObject badDays = json;
        badDays.insert(QStringLiteral("windowDays"), 0);
        QVERIFY(!TestPlanSection::fromJson(badDays, &back, &error));
        QVERIFY(error.contains(QLatin1String("windowDays")));
    }
};

QTEST_GUILESS_MAIN(TestTestPlan)
#include "tst_testplan.moc"
