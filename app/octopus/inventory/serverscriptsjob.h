#pragma once

#include "apierror.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class ApiJob;
class OctopusClient;
class PagedFetchJob;
struct ParsedProcess; // a process's actions and scripts as read off the calling thread (serverscriptsjob.cpp)

// One script (or variable value) stored on a server, with where it lives.
struct ServerScript
{
    enum class Kind
    {
        DeploymentProcess, // an inline script of a deployment process step (also config-as-code)
        RunbookProcess,    // an inline script of a runbook step
        StepTemplate,      // a step template's script
        ScriptModule,      // a library variable set of content type ScriptModule
        Variable,          // a project or library variable's value
    };
    Kind kind = Kind::DeploymentProcess;
    QString spaceId;
    QStringList location; // "Default", "Web Shop", "Deployment process", "Step 'Notify'", "script"
    QUrl url;             // the place in the server's web portal
    QString syntax;       // PowerShell, Bash, Python, CSharp, FSharp; empty when unknown
    QString text;         // the script body or variable value
};

// One step action of a deployment or runbook process, as the test plan counts step types and templates.
struct ProcessAction
{
    bool runbook = false; // a runbook process's action (else the project's deployment process)
    QString spaceId;
    QString projectId;
    QString runbookId;
    QString name;
    QString actionType;     // ActionType, e.g. Octopus.TentaclePackage
    QString stepTemplateId; // Properties["Octopus.Action.Template.Id"], empty when not from a template
    bool disabled = false;
};

// A runbook and a step template as listed by the server (the test plan's usage).
struct StoredRunbook
{
    QString id;
    QString name;
    QString projectId;
    QString projectName;
    QString spaceId;
    QUrl url;
};

struct StoredStepTemplate
{
    QString id;
    QString name;
    QString actionType;
    QString spaceId;
};

// Reads, space by space, every script a server stores: deployment processes (database and config-as-code
// projects, whose process the server serves from the project's default branch), runbook processes, step
// templates, script modules and the values of project and library variables. Processes come in lists, a
// page of many at a time, read off the calling thread; a config-as-code project's process, and every process
// of a server that does not list them, is read on its own. An item that cannot be read (403, 404, ...) is
// recorded in `errors` and skipped. Finishes exactly once; cancellable.
class ServerScriptsJob : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QUrl server;
        QList<ServerScript> scripts;
        QList<ProcessAction> actions; // every step action of the processes read
        QList<StoredRunbook> runbooks;
        QList<StoredStepTemplate> stepTemplates;
        QList<ApiError> errors;
        int requests = 0;
        bool cancelled = false;
    };

    explicit ServerScriptsJob(OctopusClient *client, QObject *parent = nullptr);
    ~ServerScriptsJob() override;

    // Off: variable values (project and library variable sets, script modules) are not read; processes,
    // runbooks and step templates still are. Call before start().
    void setReadVariables(bool read) { m_readVariables = read; }
    // Off: no ServerScript is made and no variable read (Result::scripts stays empty; the test plan counts
    // only actions, runbooks and step templates); processes are still read. Call before start().
    void setReadScripts(bool read) { m_readScripts = read; }

    void start();
    void cancel();
    bool isFinished() const { return m_finished; }

    // The location as one line: "Default › Web Shop › Deployment process › Step 'Notify' › script".
    static QString locationText(const QStringList &location);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const ServerScriptsJob::Result &result);

private:
    using ParsedProcesses = std::shared_ptr<QList<ParsedProcess>>;
    // A space's lists of deployment or runbook processes (GET /api/{spaceId}/deploymentprocesses and
    // /runbookProcesses, paged, sorted by id): one page holds many processes, where one GET each would be
    // thousands of round trips on a large server.
    enum class ListState
    {
        Pending,
        Read,     // the processes are in `byId`
        OneByOne, // the server did not list them (an older server, a 404, a page it could not serve)
        Failed,   // refused (401, 403, TLS, ...): recorded in errors, not read one by one
    };
    struct ProcessList
    {
        ListState state = ListState::Pending;
        std::shared_ptr<QHash<QString, ParsedProcess>> byId;
        bool joined = false;
    };
    struct Space
    {
        QString id;
        QString name;
        QList<QJsonObject> projectList;       // in the server's order
        QHash<QString, QJsonObject> projects; // by id
        QList<QJsonObject> runbooks;
        bool projectsRead = false;
        bool runbooksRead = false;
        ProcessList deploymentProcesses;
        ProcessList runbookProcesses;
    };
    void onSpaces(const QList<QJsonObject> &spaces);
    void readSpace(int space);
    void onProjects(int space, const QList<QJsonObject> &projects);
    void readProcessList(int space, bool runbooks);
    void join(int space);
    void joinDeploymentProcesses(int space);
    void joinRunbooks(int space);
    void readProcess(int space, const QJsonObject &project);
    void addProcess(int space, const ParsedProcess &process, const QStringList &owner, ServerScript::Kind kind,
                    const QString &webBase, const QString &projectId, const QString &runbookId);
    void getProcess(int space, const QString &path, const QStringList &owner, ServerScript::Kind kind,
                    const QString &webBase, const QString &projectId, const QString &runbookId);
    void readVariables(int space, const QString &variableSetId, const QStringList &owner, const QUrl &url,
                       bool scriptModule);
    void list(const QString &path, std::function<void(const QList<QJsonObject> &)> consume,
              std::function<void(const ApiError &)> failed = {});
    void getOne(const QString &path, std::function<void(const QJsonObject &)> consume);
    void done();
    void finish();
    QString projectWeb(const Space &space, const QJsonObject &project) const;
    QUrl portal(const QString &fragmentPath) const;

    QPointer<OctopusClient> m_client;
    QList<Space> m_spaces;
    QHash<QObject *, QPointer<QObject>> m_running; // by address: thousands run at once, removal is O(1)
    Result m_result;
    int m_outstanding = 0;
    int m_started = 0;
    bool m_finished = false;
    bool m_readVariables = true;
    bool m_readScripts = true;
};

Q_DECLARE_METATYPE(ServerScriptsJob::Result)
