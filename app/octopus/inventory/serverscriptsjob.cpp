#include "serverscriptsjob.h"

#include "apijob.h"
#include "apirequest.h"
#include "apiresult.h"
#include "jsonpage.h"
#include "octopusclient.h"
#include "octopuslogging.h"
#include "pagedfetchjob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <QThreadPool>
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

// Processes per page of a process list: pages of a few megabytes, several of them in flight at once.
constexpr int kProcessPageSize = 100;

// A QJsonObject read through the accessors of JsonItem, so that one parseProcess() reads both a listed
// process (JsonItem, from the page reader) and one read on its own (QJsonDocument).
class JsonObjectView
{
public:
    explicit JsonObjectView(QJsonObject object = {})
        : m_object(std::move(object))
    {}
    QString string(std::string_view key) const { return value(key).toString(); }
    bool boolean(std::string_view key, bool fallback = false) const
    {
        const QJsonValue v = value(key);
        return v.isBool() ? v.toBool() : fallback;
    }
    JsonObjectView object(std::string_view key) const { return JsonObjectView(value(key).toObject()); }
    QList<JsonObjectView> objects(std::string_view key) const
    {
        QList<JsonObjectView> out;
        for (const QJsonValue &v : value(key).toArray()) {
            if (v.isObject())
                out.append(JsonObjectView(v.toObject()));
        }
        return out;
    }
    QList<std::pair<QString, QString>> stringMembers() const
    {
        QList<std::pair<QString, QString>> out;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (it.value().isString())
                out.append({it.key(), it.value().toString()});
        }
        return out;
    }

private:
    QJsonValue value(std::string_view key) const
    {
        return m_object.value(QLatin1String(key.data(), qsizetype(key.size())));
    }
    QJsonObject m_object;
};

// Whether a process list that failed this way is read process by process instead: the server does not
// serve the list (404, 400, 405), or could not serve this page of it; not when the reading is refused.
bool readsOneByOneAfter(const ApiError &error)
{
    switch (error.kind) {
    case ApiErrorKind::NotFound:
    case ApiErrorKind::ClientError:
    case ApiErrorKind::BadResponse:
    case ApiErrorKind::ServerError:
    case ApiErrorKind::Timeout:
        return true;
    default:
        return false;
    }
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

// One script of a step action: its body or a custom (pre-, post-) deploy script.
struct ParsedScript
{
    QString property; // Octopus.Action.Script.ScriptBody or Octopus.Action.CustomScripts.<Stage>.<ext>
    QString syntax;
    QString text;
    bool body = false;
};

struct ParsedAction
{
    QString stepName;
    QString id;
    QString name;
    QString actionType;
    QString stepTemplateId;
    bool disabled = false;
    QList<ParsedScript> scripts;
};

struct ParsedProcess
{
    QString id;
    QList<ParsedAction> actions;
};

Q_DECLARE_METATYPE(std::shared_ptr<QList<ParsedProcess>>)

namespace {

// Steps[].Actions[] with their names, types, templates and scripts. Any thread: nothing here is translated.
template<typename Object>
ParsedProcess parseProcess(const Object &process, bool withScripts)
{
    ParsedProcess parsed;
    parsed.id = process.string("Id");
    for (const Object &step : process.objects("Steps")) {
        const QString stepName = step.string("Name");
        for (const Object &action : step.objects("Actions")) {
            ParsedAction a;
            a.stepName = stepName;
            a.id = action.string("Id");
            a.name = action.string("Name");
            a.actionType = action.string("ActionType");
            a.disabled = action.boolean("IsDisabled");
            const Object properties = action.object("Properties");
            a.stepTemplateId = properties.string("Octopus.Action.Template.Id");
            if (!withScripts) {
                parsed.actions.append(a);
                continue;
            }
            const QString syntax = properties.string("Octopus.Action.Script.Syntax");
            for (const auto &[key, value] : properties.stringMembers()) {
                const bool body = key == kScriptBody;
                if ((!body && !key.startsWith(kCustomScripts)) || value.isEmpty())
                    continue;
                a.scripts.append(ParsedScript{
                    key, body ? syntax : syntaxOfExtension(key.section(QLatin1Char('.'), -1)), value, body});
            }
            parsed.actions.append(a);
        }
    }
    return parsed;
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

void ServerScriptsJob::list(const QString &path, std::function<void(const QList<QJsonObject> &)> consume,
                            std::function<void(const ApiError &)> failed)
{
    PagedFetchJob *job = m_client->fetchAll(path, this);
    job->setPreferAll(true);
    m_running.insert(job, job);
    ++m_outstanding;
    ++m_started;
    connect(job, &PagedFetchJob::finished, this, [this, job, consume, failed](const PagedResult &result) {
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
            if (failed)
                failed(result.error);
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
    // Every project and listed process read is freed on another thread: on a large server that is hundreds
    // of thousands of allocations, tens of milliseconds the GUI would otherwise stand still for.
    QThreadPool::globalInstance()->start([spaces = std::exchange(m_spaces, {})]() mutable { spaces.clear(); });
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
        Space space;
        space.id = id;
        space.name = name.isEmpty() ? id : name;
        m_spaces.append(space);
    }
    for (int i = 0; i < m_spaces.size(); ++i)
        readSpace(i);
}

void ServerScriptsJob::readSpace(int index)
{
    const QString sid = m_spaces.at(index).id;
    list(
        QStringLiteral("/api/%1/projects").arg(sid),
        [this, index](const QList<QJsonObject> &projects) { onProjects(index, projects); },
        [this, index](const ApiError &) {
            // Without the projects, runbooks are still read; they are named by their project's id.
            m_spaces[index].projectsRead = true;
            join(index);
        });
    list(
        QStringLiteral("/api/%1/runbooks").arg(sid),
        [this, index](const QList<QJsonObject> &runbooks) {
            m_spaces[index].runbooks = runbooks;
            m_spaces[index].runbooksRead = true;
            join(index);
        },
        [this, index](const ApiError &) {
            m_spaces[index].runbooksRead = true;
            join(index);
        });
    readProcessList(index, false);
    readProcessList(index, true);

    list(QStringLiteral("/api/%1/actiontemplates").arg(sid), [this, index](const QList<QJsonObject> &items) {
        const Space &space = m_spaces.at(index);
        for (const QJsonObject &t : items) {
            const QJsonObject properties = t.value(QLatin1String("Properties")).toObject();
            const QString name = str(t, "Name");
            m_result.stepTemplates.append(
                StoredStepTemplate{str(t, "Id"), name, str(t, "ActionType"), space.id});
            if (!m_readScripts)
                continue;
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

    if (!m_readVariables || !m_readScripts)
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
        space.projectList.append(project);
        space.projects.insert(id, project);
        const QString variableSetId = str(project, "VariableSetId");
        if (!variableSetId.isEmpty() && m_readVariables && m_readScripts)
            readVariables(index, variableSetId, {space.name, str(project, "Name")},
                          portal(projectWeb(space, project) + QStringLiteral("/variables")), false);
    }
    space.projectsRead = true;
    join(index);
}

void ServerScriptsJob::readProcessList(int index, bool runbooks)
{
    const QString path = QStringLiteral("/api/%1/%2")
                             .arg(m_spaces.at(index).id, runbooks ? QStringLiteral("runbookProcesses")
                                                                  : QStringLiteral("deploymentprocesses"));
    PagedFetchJob *job = m_client->fetchAll(path, this);
    job->setPageSize(kProcessPageSize);
    job->setItemTransform([withScripts = m_readScripts](const PagedFetchJob::ItemSource &items) {
        auto processes = std::make_shared<QList<ParsedProcess>>();
        items([&](const JsonItem &o) { processes->append(parseProcess(o, withScripts)); });
        return QVariant::fromValue(ServerScriptsJob::ParsedProcesses(processes));
    });
    m_running.insert(job, job);
    ++m_outstanding;
    ++m_started;
    connect(job, &PagedFetchJob::finished, this, [this, job, index, runbooks](const PagedResult &result) {
        m_running.remove(job);
        m_result.requests += result.requests;
        if (m_finished)
            return;
        ProcessList &processes =
            runbooks ? m_spaces[index].runbookProcesses : m_spaces[index].deploymentProcesses;
        if (result.ok()) {
            processes.byId = std::make_shared<QHash<QString, ParsedProcess>>();
            for (const QVariant &page : result.converted) {
                if (const ParsedProcesses read = page.value<ParsedProcesses>()) {
                    for (const ParsedProcess &process : std::as_const(*read)) {
                        if (!process.id.isEmpty())
                            processes.byId->insert(process.id, process);
                    }
                }
            }
            processes.state = ListState::Read;
        } else if (readsOneByOneAfter(result.error)) {
            qCInfo(lcOctopus) << result.error.path << "is not listed:" << result.error.message
                              << "- reading each process on its own";
            processes.state = ListState::OneByOne;
        } else {
            m_result.errors.append(result.error);
            processes.state = ListState::Failed;
        }
        join(index);
        done();
    });
    job->start();
}

void ServerScriptsJob::join(int index)
{
    const Space &space = m_spaces.at(index);
    if (space.projectsRead && space.deploymentProcesses.state != ListState::Pending &&
        !space.deploymentProcesses.joined)
        joinDeploymentProcesses(index);
    if (space.projectsRead && space.runbooksRead && space.runbookProcesses.state != ListState::Pending &&
        !space.runbookProcesses.joined)
        joinRunbooks(index);
}

void ServerScriptsJob::joinDeploymentProcesses(int index)
{
    m_spaces[index].deploymentProcesses.joined = true;
    const QList<QJsonObject> projects = m_spaces.at(index).projectList;
    for (const QJsonObject &project : projects)
        readProcess(index, project);
}

void ServerScriptsJob::joinRunbooks(int index)
{
    m_spaces[index].runbookProcesses.joined = true;
    const Space &s = m_spaces.at(index);
    const ProcessList listed = s.runbookProcesses;
    for (const QJsonObject &runbook : s.runbooks) {
        const QString processId = str(runbook, "RunbookProcessId");
        if (processId.isEmpty())
            continue;
        const QJsonObject project = s.projects.value(str(runbook, "ProjectId"));
        const QString projectName = str(project, "Name");
        const QString runbookId = str(runbook, "Id");
        const QString projectId = str(runbook, "ProjectId");
        const QStringList owner = {s.name, projectName.isEmpty() ? projectId : projectName,
                                   tr("Runbook '%1'").arg(str(runbook, "Name"))};
        const QString web =
            projectWeb(s, project.isEmpty() ? QJsonObject{{QStringLiteral("Id"), projectId}} : project) +
            QStringLiteral("/operations/runbooks/%1/process/%2").arg(runbookId, processId);
        m_result.runbooks.append(StoredRunbook{runbookId, str(runbook, "Name"), projectId,
                                               projectName.isEmpty() ? projectId : projectName, s.id,
                                               portal(web.section(QStringLiteral("/process/"), 0, 0))});
        if (listed.state == ListState::Read && listed.byId->contains(processId)) {
            addProcess(index, listed.byId->value(processId), owner, ServerScript::Kind::RunbookProcess, web,
                       projectId, runbookId);
        } else if (listed.state != ListState::Failed) {
            // Not listed (a server without the list, or a process newer than the list): on its own.
            getProcess(index, QStringLiteral("/api/%1/runbookProcesses/%2").arg(s.id, processId), owner,
                       ServerScript::Kind::RunbookProcess, web, projectId, runbookId);
        }
    }
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
    if (versionControlled) {
        // The list holds what the database keeps, not the process in Git: the server serves that one at the
        // project's default branch.
        QString branch = str(persistence, "DefaultBranch");
        if (branch.isEmpty())
            branch = QStringLiteral("main");
        getProcess(index,
                   QStringLiteral("/api/%1/projects/%2/%3/deploymentprocesses")
                       .arg(space.id, projectId, QString::fromLatin1(QUrl::toPercentEncoding(branch))),
                   owner, ServerScript::Kind::DeploymentProcess, web, projectId, QString());
        return;
    }
    const QString processId = str(project, "DeploymentProcessId");
    if (processId.isEmpty())
        return;
    const ProcessList &listed = space.deploymentProcesses;
    if (listed.state == ListState::Read && listed.byId->contains(processId))
        addProcess(index, listed.byId->value(processId), owner, ServerScript::Kind::DeploymentProcess, web,
                   projectId, QString());
    else if (listed.state != ListState::Failed)
        getProcess(index, QStringLiteral("/api/%1/deploymentprocesses/%2").arg(space.id, processId), owner,
                   ServerScript::Kind::DeploymentProcess, web, projectId, QString());
}

void ServerScriptsJob::getProcess(int index, const QString &path, const QStringList &owner,
                                  ServerScript::Kind kind, const QString &webBase, const QString &projectId,
                                  const QString &runbookId)
{
    ApiRequest request;
    request.path = path;
    request.keepJson = false;
    request.transform = [withScripts = m_readScripts](const QJsonDocument &doc) {
        return QVariant::fromValue(std::make_shared<QList<ParsedProcess>>(
            QList<ParsedProcess>{parseProcess(JsonObjectView(doc.object()), withScripts)}));
    };
    ApiJob *job = m_client->send(request, this);
    m_running.insert(job, job);
    ++m_outstanding;
    ++m_started;
    connect(job, &ApiJob::finished, this,
            [this, job, index, owner, kind, webBase, projectId, runbookId](const ApiResult &result) {
                m_running.remove(job);
                ++m_result.requests;
                if (m_finished)
                    return;
                const ParsedProcesses read = result.transformed.value<ParsedProcesses>();
                if (result.ok() && read && !read->isEmpty())
                    addProcess(index, read->first(), owner, kind, webBase, projectId, runbookId);
                else if (!result.ok())
                    m_result.errors.append(result.error);
                done();
            });
}

void ServerScriptsJob::addProcess(int index, const ParsedProcess &process, const QStringList &owner,
                                  ServerScript::Kind kind, const QString &webBase, const QString &projectId,
                                  const QString &runbookId)
{
    const Space &space = m_spaces.at(index);
    for (const ParsedAction &action : process.actions) {
        ProcessAction a;
        a.runbook = !runbookId.isEmpty();
        a.spaceId = space.id;
        a.projectId = projectId;
        a.runbookId = runbookId;
        a.name = action.name;
        a.actionType = action.actionType;
        a.stepTemplateId = action.stepTemplateId;
        a.disabled = action.disabled;
        m_result.actions.append(a);
        if (action.scripts.isEmpty())
            continue;
        const QString name = action.name.isEmpty() ? action.stepName : action.name;
        const QUrl url = portal(webBase + QStringLiteral("/steps?actionId=") + action.id);
        for (const ParsedScript &parsed : action.scripts) {
            ServerScript script;
            script.kind = kind;
            script.spaceId = space.id;
            script.location = owner;
            script.location << tr("Step '%1'").arg(name)
                            << (parsed.body ? tr("script") : customScriptName(parsed.property));
            script.url = url;
            script.syntax = parsed.syntax;
            script.text = parsed.text;
            m_result.scripts.append(script);
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
