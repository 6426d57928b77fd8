#include "serverscriptsjob.h"

#include "apijob.h"
#include "octopusclient.h"
#include "octopuslogging.h"
#include "pagedfetchjob.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <QTimer>
#include <utility>

// Routes (checked against the 2021.2 Swagger beside reference/octopus-api.md, OctopusClients and
// go-octopusdeploy): /api/{spaceId}/projects/all, /deploymentprocesses/{id},
// /projects/{projectId}/{gitRef}/deploymentprocesses (config-as-code: IsVersionControlled, the gitRef is
// PersistenceSettings.DefaultBranch), /runbooks/all, /runbookProcesses/{id}, /actiontemplates/all,
// /libraryvariablesets/all, /variables/{id}. Collections go through PagedFetchJob (/all first, paging
// when a server has no /all), so any page size works.
//
// Web portal links: "{project Links.Web}/deployments/process/steps?actionId={actionId}" is the form
// Octopus's own sample scripts build (OctopusDeploy-Samples, find-variable-usage). The runbook, step
// template, script module and variables links follow the portal's routes as seen in the product, not in
// a public source: they may need a click once the page opens.

namespace {

const QString kScriptBody = QStringLiteral("Octopus.Action.Script.ScriptBody");
const QString kSyntax = QStringLiteral("Octopus.Action.Script.Syntax");
const QString kCustomScripts = QStringLiteral("Octopus.Action.CustomScripts.");
const QString kModulePrefix = QStringLiteral("Octopus.Script.Module[");
const QString kModuleLanguagePrefix = QStringLiteral("Octopus.Script.Module.Language[");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// "Octopus.Action.CustomScripts.PreDeploy.ps1" -> "pre-deploy script (ps1)"
QString customScriptName(const QString &property)
{
    const QString rest = property.mid(kCustomScripts.size());
    const QString stage = rest.section(QLatin1Char('.'), 0, 0);
    const QString extension = rest.section(QLatin1Char('.'), 1);
    QString name = stage == QLatin1String("PreDeploy")
                       ? QCoreApplication::translate("ServerScriptsJob", "pre-deploy script")
                   : stage == QLatin1String("Deploy")
                       ? QCoreApplication::translate("ServerScriptsJob", "deploy script")
                   : stage == QLatin1String("PostDeploy")
                       ? QCoreApplication::translate("ServerScriptsJob", "post-deploy script")
                       : QCoreApplication::translate("ServerScriptsJob", "custom script %1").arg(stage);
    if (!extension.isEmpty())
        name += QStringLiteral(" (%1)").arg(extension);
    return name;
}

QString syntaxOfExtension(const QString &extension)
{
    if (extension == QLatin1String("ps1"))
        return QStringLiteral("PowerShell");
    if (extension == QLatin1String("sh"))
        return QStringLiteral("Bash");
    if (extension == QLatin1String("py"))
        return QStringLiteral("Python");
    if (extension == QLatin1String("csx"))
        return QStringLiteral("CSharp");
    if (extension == QLatin1String("fsx"))
        return QStringLiteral("FSharp");
    return {};
}

QList<QJsonObject> objectsOf(const QJsonArray &array)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : array) {
        if (v.isObject())
            out.append(v.toObject());
    }
    return out;
}

} // namespace

ServerScriptsJob::ServerScriptsJob(OctopusClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

ServerScriptsJob::~ServerScriptsJob()
{
    m_finished = true;
    const QHash<QObject *, QPointer<QObject>> running =
        std::exchange(m_running, {}); // cancel() may finish a job
    for (const QPointer<QObject> &job : running) {
        if (auto *api = qobject_cast<ApiJob *>(job.data()))
            api->cancel();
        else if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
    }
}

QString ServerScriptsJob::locationText(const QStringList &location)
{
    return location.join(QStringLiteral(" \u203a "));
}

void ServerScriptsJob::start()
{
    if (!m_client) {
        ApiError error;
        error.kind = ApiErrorKind::Cancelled;
        m_result.errors.append(error);
        QTimer::singleShot(0, this, &ServerScriptsJob::finish);
        return;
    }
    m_result.server = m_client->settings().baseUrl;
    ++m_outstanding; // start guard
    list(QStringLiteral("/api/spaces"), [this](const QList<QJsonObject> &spaces) { onSpaces(spaces); });
    done();
}

void ServerScriptsJob::cancel()
{
    if (m_finished)
        return;
    m_result.cancelled = true;
    finish();
}

void ServerScriptsJob::list(const QString &path, std::function<void(const QList<QJsonObject> &)> consume)
{
    PagedFetchJob *job = m_client->fetchAll(path, this);
    job->setPreferAll(true);
    m_running.insert(job, job);
    ++m_outstanding;
    ++m_started;
    connect(job, &PagedFetchJob::finished, this, [this, job, consume](const PagedResult &result) {
        m_running.remove(job);
        m_result.requests += result.requests;
        if (m_finished)
            return;
        if (result.ok()) {
            QList<QJsonObject> items;
            for (const QJsonArray &page : result.pages)
                items += objectsOf(page);
            consume(items);
        } else {
            m_result.errors.append(result.error);
        }
        done();
    });
    job->start();
}

void ServerScriptsJob::getOne(const QString &path, std::function<void(const QJsonObject &)> consume)
{
    ApiJob *job = m_client->get(path, this);
    m_running.insert(job, job);
    ++m_outstanding;
    ++m_started;
    connect(job, &ApiJob::finished, this, [this, job, consume](const ApiResult &result) {
        m_running.remove(job);
        ++m_result.requests;
        if (m_finished)
            return;
        if (result.ok())
            consume(result.json.object());
        else
            m_result.errors.append(result.error);
        done();
    });
}

void ServerScriptsJob::done()
{
    if (m_finished)
        return;
    Q_EMIT progress(m_started - m_outstanding + 1, m_started);
    if (--m_outstanding == 0)
        finish();
}

void ServerScriptsJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    const QHash<QObject *, QPointer<QObject>> running =
        std::exchange(m_running, {}); // cancel() may finish a job
    for (const QPointer<QObject> &job : running) {
        if (auto *api = qobject_cast<ApiJob *>(job.data()))
            api->cancel();
        else if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
    }
    m_running.clear();
    if (m_result.cancelled) {
        ApiError error;
        error.kind = ApiErrorKind::Cancelled;
        m_result.errors.append(error);
    }
    qCDebug(lcOctopus) << "server scripts:" << m_result.scripts.size() << "scripts," << m_result.errors.size()
                       << "errors," << m_result.requests << "requests";
    Q_EMIT finished(m_result);
}

QUrl ServerScriptsJob::portal(const QString &fragmentPath) const
{
    QString base = m_result.server.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo |
                                            QUrl::StripTrailingSlash);
    return QUrl(base + fragmentPath);
}

QString ServerScriptsJob::projectWeb(const Space &space, const QJsonObject &project) const
{
    const QString web = str(project.value(QLatin1String("Links")).toObject(), "Web");
    if (web.startsWith(QLatin1String("/app#/")))
        return web;
    const QString slug = str(project, "Slug");
    return QStringLiteral("/app#/%1/projects/%2").arg(space.id, slug.isEmpty() ? str(project, "Id") : slug);
}

void ServerScriptsJob::onSpaces(const QList<QJsonObject> &spaces)
{
    for (const QJsonObject &s : spaces) {
        const QString id = str(s, "Id");
        if (id.isEmpty())
            continue;
        const QString name = str(s, "Name");
        m_spaces.append(Space{id, name.isEmpty() ? id : name, {}});
    }
    for (int i = 0; i < m_spaces.size(); ++i)
        readSpace(i);
}

void ServerScriptsJob::readSpace(int index)
{
    const QString sid = m_spaces.at(index).id;
    list(QStringLiteral("/api/%1/projects").arg(sid),
         [this, index](const QList<QJsonObject> &projects) { onProjects(index, projects); });

    list(QStringLiteral("/api/%1/actiontemplates").arg(sid), [this, index](const QList<QJsonObject> &items) {
        const Space &space = m_spaces.at(index);
        for (const QJsonObject &t : items) {
            const QJsonObject properties = t.value(QLatin1String("Properties")).toObject();
            const QString name = str(t, "Name");
            m_result.stepTemplates.append(
                StoredStepTemplate{str(t, "Id"), name, str(t, "ActionType"), space.id});
            const QUrl url =
                portal(QStringLiteral("/app#/%1/library/steptemplates/%2").arg(space.id, str(t, "Id")));
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                const bool body = it.key() == kScriptBody;
                if ((!body && !it.key().startsWith(kCustomScripts)) || !it.value().isString() ||
                    it.value().toString().isEmpty())
                    continue;
                ServerScript script;
                script.kind = ServerScript::Kind::StepTemplate;
                script.spaceId = space.id;
                script.location = {space.name, tr("Step template '%1'").arg(name),
                                   body ? tr("script") : customScriptName(it.key())};
                script.url = url;
                script.syntax = body ? properties.value(kSyntax).toString()
                                     : syntaxOfExtension(it.key().section(QLatin1Char('.'), -1));
                script.text = it.value().toString();
                m_result.scripts.append(script);
            }
        }
    });

    if (!m_readVariables)
        return;
    list(QStringLiteral("/api/%1/libraryvariablesets").arg(sid), [this,
                                                                  index](const QList<QJsonObject> &sets) {
        const Space &space = m_spaces.at(index);
        for (const QJsonObject &set : sets) {
            const QString variableSetId = str(set, "VariableSetId");
            if (variableSetId.isEmpty())
                continue;
            const bool module = str(set, "ContentType") == QLatin1String("ScriptModule");
            const QString name = str(set, "Name");
            const QUrl url =
                portal(QStringLiteral("/app#/%1/library/%2/%3")
                           .arg(space.id, module ? QStringLiteral("scripts") : QStringLiteral("variables"),
                                str(set, "Id")));
            const QStringList owner = {space.name, module ? tr("Script module '%1'").arg(name)
                                                          : tr("Library variable set '%1'").arg(name)};
            readVariables(index, variableSetId, owner, url, module);
        }
    });
}

void ServerScriptsJob::onProjects(int index, const QList<QJsonObject> &projects)
{
    Space &space = m_spaces[index];
    for (const QJsonObject &project : projects) {
        const QString id = str(project, "Id");
        if (id.isEmpty())
            continue;
        space.projects.insert(id, project);
        readProcess(index, project);
        const QString variableSetId = str(project, "VariableSetId");
        if (!variableSetId.isEmpty() && m_readVariables)
            readVariables(index, variableSetId, {space.name, str(project, "Name")},
                          portal(projectWeb(space, project) + QStringLiteral("/variables")), false);
    }
    // Runbooks after the projects: their location names the project.
    list(QStringLiteral("/api/%1/runbooks").arg(space.id), [this, index](const QList<QJsonObject> &runbooks) {
        for (const QJsonObject &runbook : runbooks) {
            const QString processId = str(runbook, "RunbookProcessId");
            if (processId.isEmpty())
                continue;
            const Space &s = m_spaces.at(index);
            const QJsonObject project = s.projects.value(str(runbook, "ProjectId"));
            const QString projectName = str(project, "Name");
            const QString runbookId = str(runbook, "Id");
            const QString projectId = str(runbook, "ProjectId");
            const QStringList owner = {s.name,
                                       projectName.isEmpty() ? str(runbook, "ProjectId") : projectName,
                                       tr("Runbook '%1'").arg(str(runbook, "Name"))};
            const QString web =
                projectWeb(s, project.isEmpty()
                                  ? QJsonObject{{QStringLiteral("Id"), str(runbook, "ProjectId")}}
                                  : project) +
                QStringLiteral("/operations/runbooks/%1/process/%2").arg(str(runbook, "Id"), processId);
            m_result.runbooks.append(StoredRunbook{runbookId, str(runbook, "Name"), projectId,
                                                   projectName.isEmpty() ? projectId : projectName, s.id,
                                                   portal(web.section(QStringLiteral("/process/"), 0, 0))});
            getOne(QStringLiteral("/api/%1/runbookProcesses/%2").arg(s.id, processId),
                   [this, index, owner, web, projectId, runbookId](const QJsonObject &process) {
                       addProcessScripts(m_spaces.at(index), process, owner,
                                         ServerScript::Kind::RunbookProcess, web);
                       addProcessActions(m_spaces.at(index), process, projectId, runbookId);
                   });
        }
    });
}

void ServerScriptsJob::readProcess(int index, const QJsonObject &project)
{
    const Space &space = m_spaces.at(index);
    const QString projectId = str(project, "Id");
    const QJsonObject persistence = project.value(QLatin1String("PersistenceSettings")).toObject();
    const bool versionControlled = project.value(QLatin1String("IsVersionControlled")).toBool() ||
                                   str(persistence, "Type") == QLatin1String("VersionControlled");
    const QStringList owner = {space.name, str(project, "Name"), tr("Deployment process")};
    const QString web = projectWeb(space, project) + QStringLiteral("/deployments/process");
    QString path;
    if (versionControlled) {
        QString branch = str(persistence, "DefaultBranch");
        if (branch.isEmpty())
            branch = QStringLiteral("main");
        path = QStringLiteral("/api/%1/projects/%2/%3/deploymentprocesses")
                   .arg(space.id, projectId, QString::fromLatin1(QUrl::toPercentEncoding(branch)));
    } else {
        const QString processId = str(project, "DeploymentProcessId");
        if (processId.isEmpty())
            return;
        path = QStringLiteral("/api/%1/deploymentprocesses/%2").arg(space.id, processId);
    }
    getOne(path, [this, index, owner, web, projectId](const QJsonObject &process) {
        addProcessScripts(m_spaces.at(index), process, owner, ServerScript::Kind::DeploymentProcess, web);
        addProcessActions(m_spaces.at(index), process, projectId, QString());
    });
}

void ServerScriptsJob::addProcessActions(const Space &space, const QJsonObject &process,
                                         const QString &projectId, const QString &runbookId)
{
    for (const QJsonValue &stepValue : process.value(QLatin1String("Steps")).toArray()) {
        const QJsonObject step = stepValue.toObject();
        for (const QJsonValue &actionValue : step.value(QLatin1String("Actions")).toArray()) {
            const QJsonObject action = actionValue.toObject();
            ProcessAction a;
            a.runbook = !runbookId.isEmpty();
            a.spaceId = space.id;
            a.projectId = projectId;
            a.runbookId = runbookId;
            a.name = str(action, "Name");
            a.actionType = str(action, "ActionType");
            a.stepTemplateId = action.value(QLatin1String("Properties"))
                                   .toObject()
                                   .value(QLatin1String("Octopus.Action.Template.Id"))
                                   .toString();
            a.disabled = action.value(QLatin1String("IsDisabled")).toBool();
            m_result.actions.append(a);
        }
    }
}

void ServerScriptsJob::addProcessScripts(const Space &space, const QJsonObject &process,
                                         const QStringList &owner, ServerScript::Kind kind,
                                         const QString &webBase)
{
    for (const QJsonValue &stepValue : process.value(QLatin1String("Steps")).toArray()) {
        const QJsonObject step = stepValue.toObject();
        const QJsonArray actions = step.value(QLatin1String("Actions")).toArray();
        for (const QJsonValue &actionValue : actions) {
            const QJsonObject action = actionValue.toObject();
            const QJsonObject properties = action.value(QLatin1String("Properties")).toObject();
            QString name = str(action, "Name");
            if (name.isEmpty())
                name = str(step, "Name");
            const QUrl url = portal(webBase + QStringLiteral("/steps?actionId=") + str(action, "Id"));
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                const bool body = it.key() == kScriptBody;
                if ((!body && !it.key().startsWith(kCustomScripts)) || !it.value().isString() ||
                    it.value().toString().isEmpty())
                    continue;
                ServerScript script;
                script.kind = kind;
                script.spaceId = space.id;
                script.location = owner;
                script.location << tr("Step '%1'").arg(name)
                                << (body ? tr("script") : customScriptName(it.key()));
                script.url = url;
                script.syntax = body ? properties.value(kSyntax).toString()
                                     : syntaxOfExtension(it.key().section(QLatin1Char('.'), -1));
                script.text = it.value().toString();
                m_result.scripts.append(script);
            }
        }
    }
}

void ServerScriptsJob::readVariables(int index, const QString &variableSetId, const QStringList &owner,
                                     const QUrl &url, bool scriptModule)
{
    const QString sid = m_spaces.at(index).id;
    getOne(QStringLiteral("/api/%1/variables/%2").arg(sid, variableSetId),
           [this, sid, owner, url, scriptModule](const QJsonObject &set) {
               const QList<QJsonObject> variables =
                   objectsOf(set.value(QLatin1String("Variables")).toArray());
               QHash<QString, QString> languages;
               for (const QJsonObject &v : variables) {
                   const QString name = str(v, "Name");
                   if (name.startsWith(kModuleLanguagePrefix))
                       languages.insert(name.mid(kModuleLanguagePrefix.size()).chopped(1), str(v, "Value"));
               }
               for (const QJsonObject &v : variables) {
                   const QString name = str(v, "Name");
                   const QJsonValue value = v.value(QLatin1String("Value"));
                   if (!value.isString() || value.toString().isEmpty() ||
                       v.value(QLatin1String("IsSensitive")).toBool())
                       continue;
                   ServerScript script;
                   script.spaceId = sid;
                   script.location = owner;
                   script.url = url;
                   script.text = value.toString();
                   if (scriptModule && name.startsWith(kModulePrefix) && name.endsWith(QLatin1Char(']'))) {
                       script.kind = ServerScript::Kind::ScriptModule;
                       script.syntax = languages.value(name.mid(kModulePrefix.size()).chopped(1));
                       script.location << tr("script");
                   } else if (name.startsWith(kModuleLanguagePrefix)) {
                       continue;
                   } else {
                       script.kind = ServerScript::Kind::Variable;
                       script.location << tr("Variable '%1'").arg(name);
                   }
                   m_result.scripts.append(script);
               }
           });
}
