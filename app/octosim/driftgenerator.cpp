#include "driftgenerator.h"

#include "jsonwriter.h"
#include "random.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace octosim {

namespace {

struct DriftActor
{
    const char *username;
    const char *identity;
    const char *agent;
};

const DriftActor kActors[] = {
    {"jenkins", "API key 'Jenkins deploy pipeline'",
     "OctopusClient-dotnet/11.6.3644 (Linux 5.15.0-1049-azure; x64) NoneOrUnknown octo"},
    {"teamcity", "API key 'TeamCity build agents'",
     "OctopusClient-dotnet/8.8.3 (Microsoft Windows 10.0.17763; x64) TeamCity octo"},
    {"github-actions", "API key 'GitHub Actions OIDC fallback'",
     "ts-octopusdeploy GitHubActions (build-information;push;v3)"},
    {"azure-devops", "API key 'Azure Pipelines service connection'",
     "OctopusClient-dotnet/11.3.3355 (Microsoft Windows 10.0.20348; x64) AzureDevOps octo"},
    {"alice.smith", "Session cookie", "OctopusClient-js/2023.1.9626"},
};

// The service accounts whose plug-ins push build information on every build (the history's CI systems,
// each at its own host or organisation).
const char *const kBuildPushers[] = {"jenkins", "teamcity", "azure-devops", "github-actions", "bamboo"};

QByteArray field(const QByteArray &json, const char *key)
{
    const QByteArray marker = QByteArray("\"") + key + "\":\"";
    const qsizetype at = json.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype start = at + marker.size();
    return json.mid(start, json.indexOf('"', start) - start);
}

} // namespace

DriftGenerator::DriftGenerator(InstanceState &state, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_seed(seed)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { apply(1); });
}

void DriftGenerator::start(double perMinute)
{
    if (perMinute <= 0)
        return;
    m_timer.start(qMax(1, int(60000.0 / perMinute)));
}

int DriftGenerator::apply(int count)
{
    for (int i = 0; i < count; ++i)
        applyOne();
    emit changed(m_applied);
    return count;
}

void DriftGenerator::applyOne()
{
    DataStore &store = m_state.store;
    Random random(m_seed * 2654435761ull + quint64(m_applied) * 40503 + 17);
    ++m_applied;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Most drift happens in the default space, the rest anywhere.
    const QByteArray spaceId = random.chance(60)
                                   ? store.defaultSpaceId
                                   : store.spaceIds.at(random.below(int(store.spaceIds.size())));
    const Collection *projects = store.find(spaceId, "projects");
    const Collection *environments = store.find(spaceId, "environments");
    if (!projects || projects->items.isEmpty() || !environments || environments->items.isEmpty())
        return;
    const Item project = projects->items.at(random.below(int(projects->items.size())));
    const Item environment = environments->items.at(random.below(int(environments->items.size())));
    const DriftActor &actor = kActors[random.below(int(std::size(kActors)))];
    const int kind = random.below(5);
    const QByteArray pusher = kBuildPushers[random.below(int(std::size(kBuildPushers)))];
    // An integration moved to the other instance does its work there now.
    const QByteArray acting = kind == 4 ? pusher : QByteArray(actor.username);
    if (m_state.ciMovedAway.contains(acting)) {
        if (m_state.ciActsElsewhere)
            m_state.ciActsElsewhere(acting);
        return;
    }
    if (kind == 4 && !ResourceWriter::pushBuildAs(store, pusher, now).isEmpty())
        return;
    const Item *user = nullptr;
    if (const Collection *users = store.find("", "users")) {
        for (const Item &u : users->items) {
            if (u.name == actor.username)
                user = &u;
        }
    }
    EventSpec event;
    event.spaceId = spaceId;
    event.userId = user ? user->id : QByteArray("Users-1");
    event.username = actor.username;
    event.isService = QByteArrayView(actor.identity).startsWith("API key");
    event.identityEstablishedWith = actor.identity;
    event.userAgent = actor.agent;
    event.ipAddress = "10.40.7." + QByteArray::number(random.between(2, 250));
    // The same caller as in the history: reuse the identity, agent and address of its latest event.
    if (const Collection *events = store.find("", "events")) {
        for (const Item &e : events->items) {
            if (e.facets[1] != event.userId)
                continue;
            const QJsonObject previous = QJsonDocument::fromJson(e.json).object();
            event.identityEstablishedWith =
                previous.value(QLatin1String("IdentityEstablishedWith")).toString().toUtf8();
            event.userAgent = previous.value(QLatin1String("UserAgent")).toString().toUtf8();
            event.ipAddress = previous.value(QLatin1String("IpAddress")).toString().toUtf8();
            break;
        }
    }
    event.occurred = now;
    const QByteArray packageId = "Acme." + project.name.trimmed().replace(' ', '.');
    const QByteArray version = QByteArray::number(random.between(2, 5)) + '.' +
                               QByteArray::number(random.between(0, 30)) + '.' +
                               QByteArray::number(10000 + m_applied);
    if (kind == 0 || kind == 1) {
        // A new release, and for kind 1 a deployment of it.
        const QByteArray releaseId = "Releases-" + QByteArray::number(store.nextId("Releases"));
        QByteArray channelId;
        if (const Collection *channels = store.find(spaceId, "channels")) {
            for (const Item &c : channels->items) {
                if (c.facets[0] == project.id)
                    channelId = c.id;
            }
        }
        JsonWriter w;
        w.beginObject().str("Id", releaseId).str("Version", version).str("ProjectId", project.id);
        w.strOrNull("ChannelId", channelId)
            .str("ReleaseNotes", QByteArray())
            .str("Assembled", ResourceWriter::isoTime(now));
        w.emptyArray("SelectedPackages").emptyArray("BuildInformation");
        w.str("ProjectDeploymentProcessSnapshotId",
              "deploymentprocess-" + project.id + "-s-" + QByteArray::number(now));
        w.str("ProjectVariableSetSnapshotId", "variableset-" + project.id + "-s-" + QByteArray::number(now));
        w.emptyArray("LibraryVariableSetSnapshotIds")
            .boolean("IgnoreChannelRules", false)
            .null("VersionControlReference");
        w.str("SpaceId", spaceId)
            .str("LastModifiedBy", actor.username)
            .str("LastModifiedOn", ResourceWriter::isoTime(now));
        w.beginObject("Links").str("Self", "/api/" + spaceId + "/releases/" + releaseId).end().end();
        Item release{releaseId, version, w.take(), {}, now};
        release.facets[0] = project.id;
        store.collection(spaceId, "releases").items.prepend(release);
        event.category = "Created";
        event.message = "Release " + version + " of " + project.name + " was created";
        event.relatedDocumentIds = {releaseId, project.id};
        event.references = {{project.id, project.name}};
        ResourceWriter::recordEvent(store, event);
        if (kind == 1) {
            const QByteArray deploymentId = "Deployments-" + QByteArray::number(store.nextId("Deployments"));
            const QByteArray taskId = "ServerTasks-" + QByteArray::number(store.nextId("ServerTasks"));
            JsonWriter d;
            d.beginObject().str("Id", deploymentId).str("Name", "Deploy to " + environment.name);
            d.str("ReleaseId", releaseId).str("ProjectId", project.id).strOrNull("ChannelId", channelId);
            d.str("EnvironmentId", environment.id).null("TenantId").str("TaskId", taskId);
            d.str("DeploymentProcessId", "deploymentprocess-" + project.id)
                .str("ManifestVariableSetId", "variableset-" + deploymentId);
            d.str("Created", ResourceWriter::isoTime(now))
                .str("QueueTime", ResourceWriter::isoTime(now))
                .null("QueueTimeExpiry");
            d.str("DeployedBy", actor.username)
                .str("DeployedById", event.userId)
                .emptyArray("DeployedToMachineIds");
            d.boolean("FailureEncountered", false)
                .emptyArray("SpecificMachineIds")
                .emptyArray("ExcludedMachineIds");
            d.emptyArray("SkipActions")
                .boolean("ForcePackageDownload", false)
                .boolean("ForcePackageRedeployment", false);
            d.boolean("UseGuidedFailure", false)
                .emptyArray("Changes")
                .str("ChangesMarkdown", QByteArray())
                .null("Comments");
            d.emptyObject("FormValues").str("SpaceId", spaceId);
            d.beginObject("Links")
                .str("Self", "/api/" + spaceId + "/deployments/" + deploymentId)
                .str("Task", "/api/tasks/" + taskId)
                .end()
                .end();
            Item deployment{deploymentId, "Deploy to " + environment.name, d.take(), {}, now};
            deployment.facets[0] = project.id;
            deployment.facets[1] = environment.id;
            store.collection(spaceId, "deployments").items.prepend(deployment);
            TaskSpec task;
            task.id = taskId;
            task.spaceId = spaceId;
            task.name = "Deploy";
            task.description = "Deploy " + project.name + " release " + version + " to " + environment.name;
            task.state = "Success";
            task.argumentsJson = "{\"DeploymentId\":\"" + deploymentId + "\"}";
            task.serverNode = store.nodeName;
            task.projectId = project.id;
            task.queueTime = now;
            task.startTime = now;
            task.completedTime = now;
            store.collection("", "tasks").items.prepend(ResourceWriter::taskItem(task));
            event.category = "DeploymentQueued";
            event.message = "Deploy to " + environment.name + " queued for " + project.name + ' ' + version;
            event.relatedDocumentIds = {deploymentId, releaseId, project.id, environment.id};
            event.references = {{environment.id, environment.name}};
            event.occurred = now + 1;
            ResourceWriter::recordEvent(store, event);
        }
    } else if (kind == 2) {
        const QByteArray processId = "deploymentprocess-" + project.id;
        if (Item *process = store.mutableItem(spaceId, "deploymentprocesses", processId)) {
            QJsonObject object = QJsonDocument::fromJson(process->json).object();
            object.insert(QStringLiteral("Version"), object.value(QLatin1String("Version")).toInt() + 1);
            object.insert(QStringLiteral("LastModifiedBy"), QString::fromLatin1(actor.username));
            object.insert(QStringLiteral("LastModifiedOn"),
                          QString::fromLatin1(ResourceWriter::isoTime(now)));
            process->json = QJsonDocument(object).toJson(QJsonDocument::Compact);
        }
        event.category = "Modified";
        event.message = "Deployment process for project " + project.name + " was changed";
        event.relatedDocumentIds = {processId, project.id};
        event.references = {{project.id, project.name}};
        ResourceWriter::recordEvent(store, event);
    } else if (kind == 3) {
        // A variable edit: the project's variable set gets a new version and a changed value.
        const QByteArray setId = "variableset-" + project.id;
        QJsonObject set =
            QJsonDocument::fromJson(ResourceWriter::variableSetJson(store, spaceId, setId)).object();
        if (!set.isEmpty()) {
            QJsonArray variables = set.value(QLatin1String("Variables")).toArray();
            if (!variables.isEmpty()) {
                QJsonObject first = variables.first().toObject();
                first.insert(QStringLiteral("Value"),
                             QString(first.value(QLatin1String("Value"))
                                         .toString()
                                         .section(QLatin1String(";Max Pool Size="), 0, 0) +
                                     QStringLiteral(";Max Pool Size=%1").arg(random.between(50, 500))));
                variables.replace(0, first);
            }
            set.insert(QStringLiteral("Variables"), variables);
            set.insert(QStringLiteral("Version"), set.value(QLatin1String("Version")).toInt() + 1);
            Item item{setId, QByteArray(), QJsonDocument(set).toJson(QJsonDocument::Compact), {}, now};
            if (Item *stored = store.mutableItem(spaceId, "variables", setId))
                *stored = item;
            else
                store.collection(spaceId, "variables").items.append(item);
        }
        event.category = "Modified";
        event.message = "Variables for project " + project.name + " were changed";
        event.relatedDocumentIds = {"variableset-" + project.id, project.id};
        event.references = {{project.id, project.name}};
        ResourceWriter::recordEvent(store, event);
    } else {
        const QByteArray id = "BuildInformation-" + QByteArray::number(store.nextId("BuildInformation"));
        const QByteArray commit = random.hex(40).toLower();
        const QByteArray repo = field(project.json, "Slug");
        JsonWriter w;
        w.beginObject()
            .str("Id", id)
            .str("PackageId", packageId)
            .str("Version", version)
            .str("Branch", "main");
        w.str("BuildEnvironment", "GitHub Actions").str("BuildNumber", QByteArray::number(m_applied));
        w.str("BuildUrl", "https://github.com/acme/" + repo + "/actions/runs/" +
                              QByteArray::number(5000000000ull + quint64(m_applied)));
        w.str("VcsType", "Git")
            .str("VcsRoot", "https://github.com/acme/" + repo + ".git")
            .str("VcsCommitNumber", commit);
        w.str("VcsCommitUrl", "https://github.com/acme/" + repo + "/commit/" + commit);
        w.beginArray("Commits")
            .beginObject()
            .str("Id", commit)
            .str("Comment", "Drift change " + QByteArray::number(m_applied));
        w.str("LinkUrl", "https://github.com/acme/" + repo + "/commit/" + commit).end().end();
        w.emptyArray("WorkItems").null("IssueTrackerName").str("IncompleteDataWarning", QByteArray());
        w.str("Created", ResourceWriter::isoTime(now))
            .str("LastModifiedBy", "github-actions")
            .str("LastModifiedOn", ResourceWriter::isoTime(now));
        w.beginObject("Links").str("Self", "/api/" + spaceId + "/build-information/" + id).end().end();
        Item item{id, packageId, w.take(), {}, now};
        item.facets[0] = packageId;
        store.collection(spaceId, "build-information").items.prepend(item);
        event.category = "Created";
        event.message =
            "Package " + packageId + " version " + version + " was pushed to the built-in repository";
        event.relatedDocumentIds = {"packages-" + packageId + '.' + version};
        ResourceWriter::recordEvent(store, event);
    }
}

} // namespace octosim
