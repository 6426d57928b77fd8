#include "testplan.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

namespace TestPlan {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("TestPlan", text, disambiguation, n);
}

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject countsJson(const QMap<QString, int> &map)
{
    QJsonObject json;
    for (auto it = map.begin(); it != map.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

// ActionTypes (as the servers store them; OctopusClients, go-octopusdeploy and the Terraform provider's
// processes spell them so) with the name people know them by.
struct KnownType
{
    const char *actionType;
    const char *name;
    bool technology;
};

const KnownType kKnownTypes[] = {
    {"Octopus.TentaclePackage", QT_TRANSLATE_NOOP("TestPlan", "Package deployment"), true},
    {"Octopus.IIS", QT_TRANSLATE_NOOP("TestPlan", "IIS web site"), true},
    {"Octopus.WindowsService", QT_TRANSLATE_NOOP("TestPlan", "Windows Service"), true},
    {"Octopus.Script", QT_TRANSLATE_NOOP("TestPlan", "Script"), true},
    {"Octopus.KubernetesDeployContainers", QT_TRANSLATE_NOOP("TestPlan", "Kubernetes containers"), true},
    {"Octopus.KubernetesDeployRawYaml", QT_TRANSLATE_NOOP("TestPlan", "Kubernetes YAML"), true},
    {"Octopus.KubernetesRunScript", QT_TRANSLATE_NOOP("TestPlan", "Kubernetes script"), true},
    {"Octopus.HelmChartUpgrade", QT_TRANSLATE_NOOP("TestPlan", "Helm chart"), true},
    {"Octopus.AzureWebApp", QT_TRANSLATE_NOOP("TestPlan", "Azure Web App"), true},
    {"Octopus.AzureResourceGroup", QT_TRANSLATE_NOOP("TestPlan", "Azure Resource Group template"), true},
    {"Octopus.AzurePowerShell", QT_TRANSLATE_NOOP("TestPlan", "Azure script"), true},
    {"Octopus.AwsRunScript", QT_TRANSLATE_NOOP("TestPlan", "AWS script"), true},
    {"Octopus.AwsRunCloudFormation", QT_TRANSLATE_NOOP("TestPlan", "AWS CloudFormation"), true},
    {"Octopus.TerraformApply", QT_TRANSLATE_NOOP("TestPlan", "Terraform apply"), true},
    {"Octopus.TerraformPlan", QT_TRANSLATE_NOOP("TestPlan", "Terraform plan"), true},
    {"Octopus.JavaArchive", QT_TRANSLATE_NOOP("TestPlan", "Java archive"), true},
    {"Octopus.TransferPackage", QT_TRANSLATE_NOOP("TestPlan", "Package transfer"), true},
    {"Octopus.DeployRelease", QT_TRANSLATE_NOOP("TestPlan", "Deploy a release"), false},
    {"Octopus.Manual", QT_TRANSLATE_NOOP("TestPlan", "Manual intervention"), false},
    {"Octopus.Email", QT_TRANSLATE_NOOP("TestPlan", "E-mail"), false},
    {"Octopus.HealthCheck", QT_TRANSLATE_NOOP("TestPlan", "Health check"), false},
};

const KnownType *known(const QString &actionType)
{
    for (const KnownType &t : kKnownTypes) {
        if (actionType == QLatin1String(t.actionType))
            return &t;
    }
    return nullptr;
}

QString statusFree(const QString &text)
{
    return text.simplified();
}

} // namespace

// --- usage -----------------------------------------------------------------------------------------------

QJsonObject Usage::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("server"), server.toString(QUrl::RemoveUserInfo));
    json.insert(QStringLiteral("version"), version);
    json.insert(QStringLiteral("from"), iso(from));
    json.insert(QStringLiteral("to"), iso(to));
    json.insert(QStringLiteral("windowDays"), windowDays);
    json.insert(QStringLiteral("deployments"), deployments);
    QJsonArray projectArray;
    for (const ProjectUsage &p : mostDeployed(projects)) {
        projectArray.append(
            QJsonObject{{QStringLiteral("id"), p.id},
                        {QStringLiteral("name"), p.name},
                        {QStringLiteral("spaceId"), p.spaceId},
                        {QStringLiteral("deployments"), p.deployments},
                        {QStringLiteral("failedDeployments"), p.failedDeployments},
                        {QStringLiteral("lastDeployed"), iso(p.lastDeployed)},
                        {QStringLiteral("actionTypes"), QJsonArray::fromStringList(p.actionTypes)},
                        {QStringLiteral("stepTemplateIds"), QJsonArray::fromStringList(p.stepTemplateIds)}});
    }
    json.insert(QStringLiteral("projects"), projectArray);
    json.insert(QStringLiteral("deploymentsByEnvironment"), countsJson(deploymentsByEnvironment));
    json.insert(QStringLiteral("deploymentsByTenant"), countsJson(deploymentsByTenant));
    json.insert(QStringLiteral("stepTypes"), countsJson(stepTypes));
    QJsonArray templates;
    for (const StepTemplateUsage &t : stepTemplates)
        templates.append(QJsonObject{{QStringLiteral("id"), t.id},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("actionType"), t.actionType},
                                     {QStringLiteral("projects"), t.projects},
                                     {QStringLiteral("deployments"), t.deployments}});
    json.insert(QStringLiteral("stepTemplates"), templates);
    json.insert(QStringLiteral("targetsByKind"), countsJson(targetsByKind));
    QJsonArray runbookArray;
    for (const RunbookUsage &r : runbooks)
        runbookArray.append(
            QJsonObject{{QStringLiteral("id"), r.id},
                        {QStringLiteral("name"), r.name},
                        {QStringLiteral("projectId"), r.projectId},
                        {QStringLiteral("projectName"), r.projectName},
                        {QStringLiteral("runs"), runbookRunsKnown ? QJsonValue(r.runs) : QJsonValue()},
                        {QStringLiteral("lastRun"), iso(r.lastRun)}});
    json.insert(QStringLiteral("runbooks"), runbookArray);
    json.insert(QStringLiteral("feedsByType"), countsJson(feedsByType));
    QJsonObject countObject;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        countObject.insert(it.key(), it.value());
    json.insert(QStringLiteral("counts"), countObject);
    json.insert(QStringLiteral("countsFrom"),
                countsFromServerStatus ? QStringLiteral("serverstatus") : QStringLiteral("collections"));
    json.insert(QStringLiteral("gaps"), QJsonArray::fromStringList(gaps));
    return json;
}

QList<ProjectUsage> mostDeployed(const QList<ProjectUsage> &projects)
{
    QList<ProjectUsage> sorted = projects;
    std::stable_sort(sorted.begin(), sorted.end(), [](const ProjectUsage &a, const ProjectUsage &b) {
        if (a.deployments != b.deployments)
            return a.deployments > b.deployments;
        if (a.lastDeployed != b.lastDeployed)
            return a.lastDeployed > b.lastDeployed;
        const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return sorted;
}

// --- technologies ----------------------------------------------------------------------------------------

bool isDeploymentTechnology(const QString &actionType)
{
    if (actionType.isEmpty())
        return false;
    const KnownType *t = known(actionType);
    return !t || t->technology;
}

QString technologyName(const QString &actionType)
{
    const KnownType *t = known(actionType);
    return t ? QCoreApplication::translate("TestPlan", t->name) : actionType;
}

QStringList technologiesInUse(const Usage &usage)
{
    QHash<QString, int> deployments; // technology -> deployments of the projects using it
    for (const ProjectUsage &p : usage.projects) {
        if (p.disabled)
            continue;
        for (const QString &type : QSet<QString>(p.actionTypes.begin(), p.actionTypes.end())) {
            if (isDeploymentTechnology(type))
                deployments[type] += p.deployments;
        }
    }
    QStringList types = deployments.keys();
    std::sort(types.begin(), types.end(), [&](const QString &a, const QString &b) {
        const int da = deployments.value(a);
        const int db = deployments.value(b);
        return da != db ? da > db : a < b;
    });
    return types;
}

// --- generation ------------------------------------------------------------------------------------------

namespace {

TestPlanRow makeRow(const QString &id, const QString &kind, const QString &title, const QString &why,
                    const QStringList &evidence, const QUrl &url)
{
    TestPlanRow row;
    row.id = id;
    row.kind = kind;
    row.title = statusFree(title);
    row.why = statusFree(why);
    row.evidence = evidence;
    row.evidenceUrl = url;
    return row;
}

QString windowText(const Usage &usage)
{
    return tr("the last %n day(s)", nullptr, usage.windowDays);
}

QString shortHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

} // namespace

QList<TestPlanRow> generate(const Inputs &inputs)
{
    const Usage &usage = inputs.usage;
    const QString target = inputs.newServerName.isEmpty() ? tr("the new server") : inputs.newServerName;
    QList<TestPlanRow> rows;
    const QList<ProjectUsage> projects = mostDeployed(usage.projects);

    // 1. A smoke deployment per technology: the most-deployed project that uses it.
    for (const QString &type : technologiesInUse(usage)) {
        const ProjectUsage *chosen = nullptr;
        int using_ = 0;
        for (const ProjectUsage &p : projects) {
            if (p.disabled || !p.actionTypes.contains(type))
                continue;
            ++using_;
            if (!chosen)
                chosen = &p;
        }
        if (!chosen)
            continue;
        QStringList evidence;
        evidence << tr("%1 deployed %n time(s) in %2", nullptr, chosen->deployments)
                        .arg(chosen->name, windowText(usage));
        if (chosen->lastDeployed.isValid())
            evidence << tr("last deployed %1").arg(iso(chosen->lastDeployed));
        evidence << tr("%n project(s) use step type %1", nullptr, using_).arg(type);
        if (usage.stepTypes.contains(type))
            evidence << tr("%n deployment(s) of projects with this step type", nullptr,
                           usage.stepTypes.value(type));
        rows.append(
            makeRow(QStringLiteral("smoke:") + type, QStringLiteral("smoke"),
                    tr("Smoke deployment of %1 (%2) to a test environment on %3")
                        .arg(chosen->name, technologyName(type), target),
                    tr("The most-deployed project using %1 (%2): every deployment technology in use is "
                       "deployed once on the new server")
                        .arg(technologyName(type), type),
                    evidence, chosen->web));
    }

    // 2. Step templates the most-deployed projects use: covered by their project's smoke deployment, but
    // a template whose type has no row of its own gets one.
    for (const StepTemplateUsage &t : usage.stepTemplates) {
        if (t.projects == 0 || !isDeploymentTechnology(t.actionType))
            continue;
        bool covered = false;
        for (const TestPlanRow &r : std::as_const(rows))
            covered = covered || r.id == QStringLiteral("smoke:") + t.actionType;
        if (covered)
            continue;
        rows.append(makeRow(
            QStringLiteral("template:") + t.id, QStringLiteral("smoke"),
            tr("Run step template '%1' in a smoke deployment on %2").arg(t.name, target),
            tr("Used by %n project(s)", nullptr, t.projects),
            {tr("%1 (%2), %n deployment(s) in the window", nullptr, t.deployments).arg(t.id, t.actionType)},
            {}));
    }

    // 3. History: old deployments' logs and artifacts visible on the new server.
    {
        const ProjectUsage *top = projects.isEmpty() ? nullptr : &projects.first();
        const QStringList evidence =
            top ? QStringList{tr("%n deployment(s) in %1", nullptr, usage.deployments).arg(windowText(usage)),
                              tr("most deployed: %1").arg(top->name)}
                : QStringList{
                      tr("%n deployment(s) in %1", nullptr, usage.deployments).arg(windowText(usage))};
        rows.append(makeRow(QStringLiteral("history:logs"), QStringLiteral("history"),
                            tr("Open an old deployment's task log on %1").arg(target),
                            tr("The clone must carry the old server's task logs (they live in the server's "
                               "task log folder, not the database)"),
                            evidence, top ? top->web : QUrl()));
        rows.append(makeRow(
            QStringLiteral("history:artifacts"), QStringLiteral("history"),
            tr("Download an old deployment's artifact and a package from the built-in feed on %1")
                .arg(target),
            tr("Artifacts and the built-in package repository are files beside the database"),
            usage.feedsByType.contains(QStringLiteral("BuiltIn")) ? QStringList{tr("built-in feed in use")}
                                                                  : QStringList{},
            {}));
    }

    // 4. Sign-in with representative roles and teams.
    rows.append(makeRow(QStringLiteral("sign-in:admin"), QStringLiteral("sign-in"),
                        tr("Sign in to %1 as an administrator and as an ordinary user").arg(target),
                        tr("Authentication providers and their settings move with the clone; check both "
                           "kinds of user"),
                        {tr("%n user(s)", nullptr, int(usage.counts.value(QStringLiteral("Global.Users"))))},
                        {}));
    if (usage.teamsKnown) {
        QList<TeamUsage> teams = usage.teams;
        std::stable_sort(teams.begin(), teams.end(),
                         [](const TeamUsage &a, const TeamUsage &b) { return a.members > b.members; });
        QHash<QString, QString> spaceNames; // teams of several spaces may share a name ("Developers")
        for (const ProjectUsage &p : usage.projects) {
            if (!p.spaceName.isEmpty())
                spaceNames.insert(p.spaceId, p.spaceName);
        }
        int added = 0;
        for (const TeamUsage &team : std::as_const(teams)) {
            if (team.members == 0 || added >= inputs.teamsInPlan)
                continue;
            ++added;
            const QString title =
                team.spaceId.isEmpty()
                    ? tr("Sign in as a member of team '%1' and check what it may see and do").arg(team.name)
                    : tr("Sign in as a member of team '%1' of space '%2' and check what it may see and do")
                          .arg(team.name, spaceNames.value(team.spaceId, team.spaceId));
            rows.append(makeRow(QStringLiteral("sign-in:") + team.id, QStringLiteral("sign-in"), title,
                                tr("One of the largest teams: its roles decide what its members can do"),
                                {tr("%n member(s)", nullptr, team.members)}, {}));
        }
    }

    // 5. Every custom API script the audit found.
    for (const ApiScript &script : inputs.apiScripts) {
        rows.append(makeRow(
            QStringLiteral("api-script:") + shortHash(script.key), QStringLiteral("api-script"),
            tr("Run %1 against %2").arg(script.location, target),
            tr("The script audit found it calling the Octopus API"),
            script.routes.isEmpty() ? QStringList{} : QStringList{script.routes.join(QStringLiteral(", "))},
            script.url));
    }

    // 6. Every CI integration pushing to the new server (from the CI step).
    for (auto it = inputs.ciIntegrations.begin(); it != inputs.ciIntegrations.end(); ++it) {
        const CiIntegrationRecord &ci = it.value();
        if (ci.decision == CiIntegrationRecord::Decision::Retire ||
            ci.decision == CiIntegrationRecord::Decision::NotNeeded)
            continue;
        QStringList evidence{tr("decision: %1, status: %2")
                                 .arg(CiIntegrationRecord::decisionName(ci.decision),
                                      CiIntegrationRecord::statusName(ci.status))};
        if (!ci.verifiedBy.isEmpty())
            evidence << ci.verifiedBy;
        TestPlanRow row = makeRow(
            QStringLiteral("ci:") + it.key(), QStringLiteral("ci"),
            tr("%1 at %2 pushes a build and creates a release on %3").arg(ci.system, ci.location, target),
            tr("A CI integration that talks to the old server (CI integrations step)"), evidence, {});
        rows.append(row);
    }

    // 7. The runbooks that matter: the most run in the window (or, where runs are unknown, every runbook up
    // to the limit, in name order).
    {
        QList<RunbookUsage> runbooks = usage.runbooks;
        std::stable_sort(runbooks.begin(), runbooks.end(), [](const RunbookUsage &a, const RunbookUsage &b) {
            if (a.runs != b.runs)
                return a.runs > b.runs;
            return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
        });
        int added = 0;
        for (const RunbookUsage &r : std::as_const(runbooks)) {
            if (added >= inputs.runbooksInPlan || (usage.runbookRunsKnown && r.runs <= 0))
                continue;
            ++added;
            QStringList evidence;
            if (usage.runbookRunsKnown)
                evidence << tr("run %n time(s) in %1", nullptr, r.runs).arg(windowText(usage));
            else
                evidence << tr("the server does not list runbook runs");
            if (r.lastRun.isValid())
                evidence << tr("last run %1").arg(iso(r.lastRun));
            rows.append(makeRow(QStringLiteral("runbook:") + r.id, QStringLiteral("runbook"),
                                tr("Run runbook '%1' of %2 on %3").arg(r.name, r.projectName, target),
                                usage.runbookRunsKnown ? tr("One of the most-run runbooks")
                                                       : tr("A runbook of the old server"),
                                evidence, r.web));
        }
    }
    return rows;
}

// --- merge and the lead's edits --------------------------------------------------------------------------

QList<TestPlanRow> merge(const QList<TestPlanRow> &existing, const QList<TestPlanRow> &generated,
                         const QDateTime &now)
{
    QHash<QString, int> generatedIndex;
    for (int i = 0; i < generated.size(); ++i)
        generatedIndex.insert(generated.at(i).id, i);

    QList<TestPlanRow> result;
    QSet<QString> placed;
    for (const TestPlanRow &old : existing) {
        if (old.custom) {
            result.append(old);
            placed.insert(old.id);
            continue;
        }
        const auto it = generatedIndex.constFind(old.id);
        if (it == generatedIndex.constEnd()) {
            if (old.touched()) {
                TestPlanRow kept = old;
                kept.stale = true;
                result.append(kept);
                placed.insert(old.id);
            }
            continue;
        }
        TestPlanRow row = generated.at(*it);
        row.owner = old.owner;
        row.status = old.status;
        row.notes = old.notes;
        row.changedAt = old.changedAt.isValid() ? old.changedAt : now;
        row.extra = old.extra;
        row.stale = false;
        result.append(row);
        placed.insert(row.id);
    }
    for (int i = 0; i < generated.size(); ++i) {
        const TestPlanRow &g = generated.at(i);
        if (placed.contains(g.id))
            continue;
        TestPlanRow row = g;
        row.changedAt = now;
        // After the nearest generated row before it (in priority order) that is already placed.
        qsizetype at = -1;
        for (int j = i - 1; j >= 0 && at < 0; --j) {
            for (qsizetype k = 0; k < result.size(); ++k) {
                if (result.at(k).id == generated.at(j).id) {
                    at = k + 1;
                    break;
                }
            }
        }
        if (at < 0) {
            // Before the first generated row placed after it, else at the end.
            for (qsizetype k = 0; k < result.size() && at < 0; ++k) {
                if (!result.at(k).custom && generatedIndex.contains(result.at(k).id))
                    at = k;
            }
        }
        if (at < 0)
            at = result.size();
        result.insert(at, row);
        placed.insert(row.id);
    }
    return result;
}

namespace {

TestPlanRow *findRow(TestPlanSection *section, const QString &id)
{
    for (TestPlanRow &r : section->rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

template<typename T>
bool edit(TestPlanSection *section, const QString &id, T TestPlanRow::*field, const T &value,
          const QDateTime &now)
{
    TestPlanRow *row = findRow(section, id);
    if (!row || row->*field == value)
        return false;
    row->*field = value;
    row->changedAt = now;
    return true;
}

} // namespace

bool setOwner(TestPlanSection *section, const QString &id, const QString &owner, const QDateTime &now)
{
    return edit(section, id, &TestPlanRow::owner, owner.trimmed(), now);
}

bool setStatus(TestPlanSection *section, const QString &id, TestPlanRow::Status status, const QDateTime &now)
{
    return edit(section, id, &TestPlanRow::status, status, now);
}

bool setNotes(TestPlanSection *section, const QString &id, const QString &notes, const QDateTime &now)
{
    return edit(section, id, &TestPlanRow::notes, notes, now);
}

bool editRow(TestPlanSection *section, const QString &id, const QString &title, const QString &why,
             const QDateTime &now)
{
    TestPlanRow *row = findRow(section, id);
    if (!row || !row->custom || (row->title == title.trimmed() && row->why == why.trimmed()))
        return false;
    row->title = title.trimmed();
    row->why = why.trimmed();
    row->changedAt = now;
    return true;
}

QString addRow(TestPlanSection *section, const QString &title, const QString &why, const QString &afterId,
               const QDateTime &now)
{
    int next = 1;
    static const QRegularExpression customId(QStringLiteral("^custom:(\\d+)$"));
    for (const TestPlanRow &r : std::as_const(section->rows)) {
        const QRegularExpressionMatch m = customId.match(r.id);
        if (m.hasMatch())
            next = std::max(next, m.captured(1).toInt() + 1);
    }
    TestPlanRow row;
    row.id = QStringLiteral("custom:%1").arg(next);
    row.kind = QStringLiteral("custom");
    row.title = title.trimmed();
    row.why = why.trimmed();
    row.custom = true;
    row.changedAt = now;
    qsizetype at = section->rows.size();
    for (qsizetype i = 0; i < section->rows.size(); ++i) {
        if (!afterId.isEmpty() && section->rows.at(i).id == afterId)
            at = i + 1;
    }
    section->rows.insert(at, row);
    return row.id;
}

bool removeRow(TestPlanSection *section, const QString &id)
{
    return section->rows.removeIf([&](const TestPlanRow &r) { return r.id == id && (r.custom || r.stale); }) >
           0;
}

bool moveRow(TestPlanSection *section, const QString &id, int toIndex)
{
    for (qsizetype i = 0; i < section->rows.size(); ++i) {
        if (section->rows.at(i).id != id)
            continue;
        const qsizetype to = std::clamp<qsizetype>(toIndex, 0, section->rows.size() - 1);
        if (to == i)
            return false;
        section->rows.move(i, to);
        return true;
    }
    return false;
}

QString addTrainingItem(TestPlanSection *section, const QString &text, const QString &owner)
{
    int next = 1;
    for (const TestPlanTrainingItem &t : std::as_const(section->training)) {
        if (t.id.startsWith(QLatin1String("training:")))
            next = std::max(next, t.id.mid(9).toInt() + 1);
    }
    TestPlanTrainingItem item;
    item.id = QStringLiteral("training:%1").arg(next);
    item.text = text.trimmed();
    item.owner = owner.trimmed();
    section->training.append(item);
    return item.id;
}

bool removeTrainingItem(TestPlanSection *section, const QString &id)
{
    return section->training.removeIf([&](const TestPlanTrainingItem &t) { return t.id == id; }) > 0;
}

// --- counts comparison -----------------------------------------------------------------------------------

QString countLabel(const QString &key)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("Global.Spaces"), QT_TRANSLATE_NOOP("TestPlan", "Spaces")},
        {QStringLiteral("Global.Teams"), QT_TRANSLATE_NOOP("TestPlan", "Teams")},
        {QStringLiteral("Global.Users"), QT_TRANSLATE_NOOP("TestPlan", "Users")},
        {QStringLiteral("Infrastructure.DeploymentTargets"),
         QT_TRANSLATE_NOOP("TestPlan", "Deployment targets")},
        {QStringLiteral("Infrastructure.Environments"), QT_TRANSLATE_NOOP("TestPlan", "Environments")},
        {QStringLiteral("Infrastructure.Tenants"), QT_TRANSLATE_NOOP("TestPlan", "Tenants")},
        {QStringLiteral("Infrastructure.WorkerPools"), QT_TRANSLATE_NOOP("TestPlan", "Worker pools")},
        {QStringLiteral("Infrastructure.Workers"), QT_TRANSLATE_NOOP("TestPlan", "Workers")},
        {QStringLiteral("Library.Certificates"), QT_TRANSLATE_NOOP("TestPlan", "Certificates")},
        {QStringLiteral("Library.Packages"), QT_TRANSLATE_NOOP("TestPlan", "Packages")},
        {QStringLiteral("Library.VariableSets"), QT_TRANSLATE_NOOP("TestPlan", "Library variable sets")},
        {QStringLiteral("Library.Feeds"), QT_TRANSLATE_NOOP("TestPlan", "Feeds")},
        {QStringLiteral("Project.Deployments"), QT_TRANSLATE_NOOP("TestPlan", "Deployments")},
        {QStringLiteral("Project.Projects"), QT_TRANSLATE_NOOP("TestPlan", "Projects")},
        {QStringLiteral("Project.Releases"), QT_TRANSLATE_NOOP("TestPlan", "Releases")},
        {QStringLiteral("Project.RunbookRuns"), QT_TRANSLATE_NOOP("TestPlan", "Runbook runs")},
        {QStringLiteral("Project.Runbooks"), QT_TRANSLATE_NOOP("TestPlan", "Runbooks")},
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : QCoreApplication::translate("TestPlan", it.value());
}

QList<CountComparison> compareCounts(const Usage &oldServer, const Usage &newServer,
                                     const QMap<QString, QString> &drift)
{
    QStringList keys = oldServer.counts.keys();
    for (const QString &key : newServer.counts.keys()) {
        if (!keys.contains(key))
            keys.append(key);
    }
    std::sort(keys.begin(), keys.end());
    QList<CountComparison> rows;
    for (const QString &key : std::as_const(keys)) {
        CountComparison row;
        row.key = key;
        row.label = countLabel(key);
        row.oldCount = oldServer.counts.value(key, -1);
        row.newCount = newServer.counts.value(key, -1);
        row.differs = row.oldCount != row.newCount;
        if (row.differs) {
            const QList<CountedItem> oldItems = oldServer.items.value(key);
            const QList<CountedItem> newItems = newServer.items.value(key);
            QSet<QString> oldIds;
            QSet<QString> newIds;
            for (const CountedItem &i : oldItems)
                oldIds.insert(i.id);
            for (const CountedItem &i : newItems)
                newIds.insert(i.id);
            auto describe = [](const CountedItem &i) {
                return i.name.isEmpty() ? i.id : QStringLiteral("%1 '%2'").arg(i.id, i.name);
            };
            if (!oldItems.isEmpty() || !newItems.isEmpty()) {
                for (const CountedItem &i : oldItems) {
                    if (!newIds.contains(i.id))
                        row.onlyOld.append(describe(i));
                }
                for (const CountedItem &i : newItems) {
                    if (!oldIds.contains(i.id))
                        row.onlyNew.append(describe(i));
                }
            }
            QStringList parts;
            if (!row.onlyOld.isEmpty())
                parts << tr("%n only on the old server", nullptr, int(row.onlyOld.size())) +
                             QStringLiteral(" (") + row.onlyOld.mid(0, 5).join(QStringLiteral(", ")) +
                             (row.onlyOld.size() > 5 ? QStringLiteral(", …") : QString()) + QLatin1Char(')');
            if (!row.onlyNew.isEmpty())
                parts << tr("%n only on the new server", nullptr, int(row.onlyNew.size())) +
                             QStringLiteral(" (") + row.onlyNew.mid(0, 5).join(QStringLiteral(", ")) +
                             (row.onlyNew.size() > 5 ? QStringLiteral(", …") : QString()) + QLatin1Char(')');
            if (drift.contains(key))
                parts << drift.value(key);
            if (parts.isEmpty() && row.oldCount >= 0 && row.newCount >= 0)
                parts << tr("not explained by what was read: check the drift since the clone");
            else if (row.oldCount < 0 || row.newCount < 0)
                parts << tr("only one server counts this");
            row.explanation = parts.join(QStringLiteral("; "));
        }
        rows.append(row);
    }
    return rows;
}

// --- version gap -----------------------------------------------------------------------------------------

namespace {

QList<int> versionParts(const QString &version)
{
    QList<int> parts;
    for (const QString &part : version.section(QLatin1Char('-'), 0, 0).split(QLatin1Char('.'))) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok)
            return {};
        parts.append(value);
    }
    return parts;
}

struct KnownChange
{
    const char *version;
    const char *change;
};

// Behaviour changes people notice, from Octopus's own compatibility and upgrade documentation
// (docs support/compatibility.md, administration/upgrading, the release posts; see the README).
const KnownChange kChanges[] = {
    {"2018.7", QT_TRANSLATE_NOOP("TestPlan", "Workers and worker pools run steps instead of the server")},
    {"2019.1", QT_TRANSLATE_NOOP("TestPlan", "Spaces; a new team and permission model; API changes (older "
                                             "clients and plug-ins reach the default space only)")},
    {"2019.11", QT_TRANSLATE_NOOP("TestPlan", "Runbooks (operations) beside deployments")},
    {"2020.1", QT_TRANSLATE_NOOP("TestPlan", "Windows Server 2012 R2 or later; SQL Server 2008 R2 and 2012 "
                                             "no longer supported")},
    {"2020.2", QT_TRANSLATE_NOOP("TestPlan", "SQL Server 2016 or later")},
    {"2020.6", QT_TRANSLATE_NOOP("TestPlan", "Linux Docker images of the server, Tentacle on ARM/ARM64, "
                                             "global search, API key management changes")},
    {"2022.4", QT_TRANSLATE_NOOP("TestPlan", "The new octopus CLI (2.0) works from this version; the retired "
                                             "octo CLI is replaced")},
};

} // namespace

int compareVersions(const QString &a, const QString &b)
{
    const QList<int> x = versionParts(a);
    const QList<int> y = versionParts(b);
    if (x.isEmpty() || y.isEmpty())
        return 0;
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const int xi = x.value(i, 0);
        const int yi = y.value(i, 0);
        if (xi != yi)
            return xi < yi ? -1 : 1;
    }
    return 0;
}

QList<VersionChange> versionGap(const QString &oldVersion, const QString &newVersion)
{
    QList<VersionChange> out;
    if (versionParts(oldVersion).isEmpty() || versionParts(newVersion).isEmpty())
        return out;
    for (const KnownChange &c : kChanges) {
        const QString version = QString::fromLatin1(c.version);
        // After the old server's release line, up to and including the new server's.
        const QList<int> v = versionParts(version);
        const QList<int> o = versionParts(oldVersion);
        const QList<int> n = versionParts(newVersion);
        const bool afterOld =
            v.value(0) > o.value(0) || (v.value(0) == o.value(0) && v.value(1) > o.value(1));
        const bool upToNew =
            v.value(0) < n.value(0) || (v.value(0) == n.value(0) && v.value(1) <= n.value(1));
        if (afterOld && upToNew)
            out.append({version, QCoreApplication::translate("TestPlan", c.change)});
    }
    return out;
}

QUrl compareVersionsUrl(const QString &oldVersion, const QString &newVersion)
{
    QUrl url(QStringLiteral("https://octopus.com/downloads/compare"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), oldVersion);
    query.addQueryItem(QStringLiteral("to"), newVersion);
    url.setQuery(query);
    return url;
}

} // namespace TestPlan
