#include "apirouter.h"

#include "collectionquery.h"
#include "jsonwriter.h"
#include "random.h"
#include "resourcewriter.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace octosim {

namespace {

struct CollectionInfo
{
    const char *route; // URL segment, lower case; also the DataStore collection name
    const char *itemType;
    const char *query; // the URI template's query names
    bool hasAll;
    const char *idPrefix;
};

const CollectionInfo kSpaceCollections[] = {
    {"machines", "DeploymentTarget",
     "skip,take,name,ids,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,"
     "environmentIds,thumbprint,deploymentId,shellNames,deploymentTargetTypes",
     true, "Machines"},
    {"workers", "Worker",
     "skip,take,name,ids,partialName,isDisabled,healthStatuses,commStyles,workerPoolIds,thumbprint,"
     "shellNames",
     true, "Workers"},
    {"environments", "Environment", "skip,take,name,ids,partialName", true, "Environments"},
    {"projects", "Project", "skip,take,name,ids,partialName,clonedFromProjectId", true, "Projects"},
    {"tenants", "Tenant", "skip,take,projectId,name,tags,ids,partialName,clonedFromTenantId", true,
     "Tenants"},
    {"libraryvariablesets", "LibraryVariableSet", "skip,take,contentType,ids,partialName", true,
     "LibraryVariableSets"},
    {"actiontemplates", "ActionTemplate", "skip,take,ids,partialName", true, "ActionTemplates"},
    {"feeds", "Feed", "skip,take,ids,partialName,feedType,name", true, "Feeds"},
    {"releases", "Release", "skip,ignoreChannelRules,take,ids", false, "Releases"},
    {"deployments", "Deployment",
     "skip,take,ids,projects,environments,tenants,channels,taskState,partialName", false, "Deployments"},
    {"runbooks", "Runbook", "skip,take,ids,partialName,clone,projectIds", true, "Runbooks"},
    {"runbookruns", "RunbookRun",
     "skip,take,ids,projects,environments,tenants,runbooks,taskState,partialName", false, "RunbookRuns"},
    {"teams", "Team", "skip,take,ids,partialName,spaces,includeSystem", true, "Teams"},
    {"projecttriggers", "ProjectTrigger", "skip,take,ids,runbooks", false, "ProjectTriggers"},
    {"subscriptions", "Subscription", "skip,take,ids,partialName,spaces", true, "Subscriptions"},
    {"build-information", "OctopusPackageVersionBuildInformation",
     "packageId,filter,latest,skip,take,overwriteMode", false, "BuildInformation"},
    {"projectgroups", "ProjectGroup", "skip,take,ids,partialName", true, "ProjectGroups"},
    {"lifecycles", "Lifecycle", "skip,take,ids,partialName", true, "Lifecycles"},
    {"channels", "Channel", "skip,take,partialName", true, "Channels"},
    {"workerpools", "WorkerPool", "skip,take,ids,partialName", true, "WorkerPools"},
    {"machinepolicies", "MachinePolicy", "skip,take,ids,partialName", true, "MachinePolicies"},
    {"deploymentprocesses", "DeploymentProcess", "skip,take,ids", false, "DeploymentProcesses"},
    {"runbookprocesses", "RunbookProcess", "skip,take,ids", false, "RunbookProcesses"},
    {"accounts", "Account", "skip,take,ids,partialName,accountType", true, "Accounts"},
    // No guided-failure or manual-intervention step is ever waiting: an empty list.
    {"interruptions", "Interruption", "skip,take,regarding,pendingOnly,ids", false, "Interruptions"},
};

const CollectionInfo *spaceCollection(QByteArrayView route)
{
    for (const CollectionInfo &info : kSpaceCollections) {
        if (route == info.route)
            return &info;
    }
    return nullptr;
}

const QByteArray kNotFound = "The resource you requested was not found.";

} // namespace

ApiRouter::ApiRouter(InstanceState &state)
    : m_state(state)
{}

ApiReply ApiRouter::error(int status, const QByteArray &message)
{
    return ApiReply::error(status, message);
}

QByteArray ApiRouter::writePermission(const Route &route, const QByteArray &method)
{
    // The Permission names of the Swagger document, for the writes octosim serves.
    const QByteArray first = route.segments.value(0);
    const QByteArray verb = method == "POST" ? "Create" : method == "DELETE" ? "Delete" : "Edit";
    if (first == "machines")
        return "Machine" + verb;
    if (first == "workers")
        return "WorkerEdit";
    if (first == "tasks")
        return route.segments.value(2) == "cancel" ? "TaskCancel" : "TaskCreate";
    if (first == "projects")
        return "Project" + verb;
    if (first == "variables")
        return "VariableEdit";
    if (first == "releases")
        return "Release" + verb;
    if (first == "deployments")
        return "DeploymentCreate";
    if (first == "projecttriggers")
        return "Trigger" + verb;
    if (first == "subscriptions")
        return "Subscription" + verb;
    if (first == "build-information")
        return "BuildInformationPush";
    if (first == "users")
        return "UserEdit";
    if (first == "octopusservernodes")
        return "ConfigureServer";
    return "AdministerSystem";
}

QByteArrayList ApiRouter::permissionsOf(const KeyOwner &owner)
{
    // What GET /api/users/{id}/permissions lists for the three kinds of key octosim hands out.
    static const QByteArrayList views = {
        "AccountView",      "CertificateView", "DeploymentView",    "EnvironmentView", "EventView",
        "FeedView",         "LifecycleView",   "MachinePolicyView", "MachineView",     "ProcessView",
        "ProjectGroupView", "ProjectView",     "ReleaseView",       "RunbookView",     "SpaceView",
        "SubscriptionView", "TaskView",        "TeamView",          "TenantView",      "TriggerView",
        "UserRoleView",     "VariableView",    "WorkerView"};
    static const QByteArrayList writes = {"DeploymentCreate", "MachineEdit", "ReleaseCreate",
                                          "RunbookRunCreate", "TaskCancel",  "TaskCreate",
                                          "WorkerEdit"};
    static const QByteArrayList admin = {"AdministerSystem", "ConfigureServer", "UserEdit", "UserView"};
    QByteArrayList result = views;
    if (!owner.readOnly)
        result += writes;
    if (owner.isAdmin)
        result += admin;
    std::sort(result.begin(), result.end());
    return result;
}

bool ApiRouter::isWrite(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

ApiReply ApiRouter::handle(const ApiRequest &request)
{
    QByteArray path = request.path;
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);

    // Authentication: X-Octopus-ApiKey, ?apikey= (any case), or a Bearer token carrying an API key.
    QByteArray key = request.headers.value("x-octopus-apikey");
    if (key.isEmpty())
        key = request.parameter(QStringLiteral("apikey")).toUtf8();
    if (key.isEmpty()) {
        const QByteArray authorization = request.headers.value("authorization");
        if (authorization.startsWith("Bearer "))
            key = authorization.mid(7).trimmed();
    }
    const KeyOwner *caller = key.isEmpty() ? nullptr : m_state.store.keyOwner(key);

    if (path.startsWith("/octosim/") || path == "/octosim")
        return control(request, caller);

    if (path != "/api" && !path.startsWith("/api/"))
        return error(404, kNotFound);

    // Route forms: /api/spaces/Spaces-1/x, /api/Spaces-1/x and the legacy /api/x (default space).
    static const QRegularExpression spacePattern(QStringLiteral("^Spaces-\\d+$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    QByteArrayList parts = path.mid(4).split('/');
    parts.removeAll(QByteArray());
    Route route;
    route.spaceId = m_state.store.defaultSpaceId;
    route.prefix = "/api";
    if (parts.size() >= 3 && parts.at(0).toLower() == "spaces" &&
        spacePattern.match(QString::fromLatin1(parts.at(1))).hasMatch()) {
        route.spaceId = parts.at(1);
        route.spaceInPath = true;
        parts = parts.mid(2);
    } else if (!parts.isEmpty() && spacePattern.match(QString::fromLatin1(parts.at(0))).hasMatch()) {
        route.spaceId = parts.at(0);
        route.spaceInPath = true;
        parts = parts.mid(1);
    }
    if (route.spaceInPath) {
        // Space ids are case-insensitive; answer with the stored spelling.
        bool known = false;
        for (const QByteArray &id : std::as_const(m_state.store.spaceIds)) {
            if (id.compare(route.spaceId, Qt::CaseInsensitive) == 0) {
                route.spaceId = id;
                known = true;
            }
        }
        if (!known)
            return error(404, "The space '" + route.spaceId + "' was not found.");
        route.prefix = "/api/" + route.spaceId;
    }
    route.original = parts;
    for (const QByteArray &part : std::as_const(parts))
        route.segments.append(part.toLower());

    const QByteArrayList &s = route.segments;
    const QByteArray first = s.value(0);
    const bool anonymous =
        (s.isEmpty() && request.method == "GET") ||
        (!route.spaceInPath && s.size() == 2 && first == "serverstatus" && s.at(1) == "health") ||
        (!route.spaceInPath && s.size() == 2 && first == "octopusservernodes" && s.at(1) == "ping") ||
        (s.size() == 2 && first == "events" &&
         (s.at(1) == "agents" || s.at(1) == "categories" || s.at(1) == "groups" ||
          s.at(1) == "documenttypes")) ||
        (s.size() == 2 && first == "tasks" && s.at(1) == "tasktypes")
        // The API description is public on a real server too (it drives /swaggerui without a login).
        || (!route.spaceInPath && s.size() == 1 && first == "swagger.json");
    if (!anonymous && !caller) {
        if (key.isEmpty())
            return error(401, "You must be logged in to perform this action. Please provide a valid API key "
                              "or log in again.");
        return error(
            401, "The API key you provided was not valid. Please double-check your API key and try again. "
                 "For instructions on finding your API key, please visit: https://oc.to/ApiKey");
    }
    if (caller && caller->readOnly && isWrite(request.method) && request.path.startsWith("/api")) {
        return error(403, "You do not have permission to perform this action. Please contact your Octopus "
                          "administrator. Missing permission: " +
                              writePermission(route, request.method));
    }
    if (caller && m_state.maintenance && !caller->isAdmin && isWrite(request.method)) {
        return error(
            m_state.maintenanceStatus,
            "The Octopus Server is currently in maintenance mode. Only system administrators can make "
            "changes or queue tasks until maintenance mode is turned off.");
    }
    return dispatch(request, route, caller);
}

ApiReply ApiRouter::dispatch(const ApiRequest &request, const Route &route, const KeyOwner *caller)
{
    const QByteArrayList &s = route.segments;
    if (s.isEmpty()) {
        if (request.method != "GET")
            return error(405,
                         "The requested resource does not support HTTP method '" + request.method + "'.");
        return root(route);
    }
    ApiReply reply = spaceScoped(request, route, caller);
    if (reply.status != 404 || !reply.body.isEmpty())
        return reply;
    if (!route.spaceInPath || s.first() == "events" || s.first() == "tasks")
        reply = serverWide(request, route, caller);
    if (reply.status == 404 && reply.body.isEmpty())
        return error(404, kNotFound);
    return reply;
}

// ---------------------------------------------------------------------------------------------------------
// Space-scoped resources. An empty 404 reply means "not mine, try the server-wide routes".

ApiReply ApiRouter::spaceScoped(const ApiRequest &request, const Route &route, const KeyOwner *caller)
{
    const QByteArrayList &s = route.segments;
    const QByteArray &sid = route.spaceId;
    const QByteArray &method = request.method;
    DataStore &store = m_state.store;
    const QByteArray base = route.prefix + '/' + s.first();
    ApiReply notMine;
    notMine.status = 404;

    if (s.first() == "dashboard" && s.size() == 1 && method == "GET")
        return dashboard(route);

    if (s.first() == "variables" && s.size() == 2) {
        const QByteArray id = route.original.at(1);
        const QByteArray current = ResourceWriter::variableSetJson(store, sid, id);
        if (current.isEmpty())
            return error(404, kNotFound);
        ApiReply reply;
        if (method == "GET") {
            reply.body = current;
            return reply;
        }
        if (method != "PUT")
            return error(405, "The requested resource does not support HTTP method '" + method + "'.");
        QJsonObject object = QJsonDocument::fromJson(current).object();
        const QJsonObject changes = QJsonDocument::fromJson(request.body).object();
        if (!changes.value(QLatin1String("Variables")).isArray())
            return error(400, "There was a problem with your request. Variables is required.");
        object.insert(QStringLiteral("Variables"), changes.value(QLatin1String("Variables")));
        object.insert(QStringLiteral("Version"), object.value(QLatin1String("Version")).toInt() + 1);
        Item item;
        item.id = object.value(QLatin1String("Id")).toString().toUtf8();
        item.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
        if (Item *stored = store.mutableItem(sid, "variables", item.id))
            *stored = item;
        else
            store.collection(sid, "variables").items.append(item);
        const QByteArray ownerId = object.value(QLatin1String("OwnerId")).toString().toUtf8();
        recordChange(caller, "Modified", "Variables for " + ownerId + " were changed", sid,
                     {item.id, ownerId}, request);
        reply.body = item.json;
        return reply;
    }

    if (const CollectionInfo *info = spaceCollection(s.first())) {
        const QByteArray storeName = info->route;
        const QByteArray templ = base + "{/id}{?" + info->query + '}';
        if (s.size() == 1) {
            if (method == "GET")
                return CollectionQuery::page(
                    request, info->itemType,
                    CollectionQuery::select(store.find(sid, storeName), request, storeName), base, templ);
            if (method == "POST")
                return writeItem(request, route, storeName, QByteArray(), caller);
            return error(405, "The requested resource does not support HTTP method '" + method + "'.");
        }
        if (s.size() == 2 && s.at(1) == "all" && info->hasAll) {
            if (method != "GET")
                return error(405, "The requested resource does not support HTTP method '" + method + "'.");
            return CollectionQuery::bareArray(
                CollectionQuery::select(store.find(sid, storeName), request, storeName));
        }
        const QByteArray id = route.original.at(1);
        if (s.size() == 2) {
            if (method == "GET") {
                const Item *item = store.item(sid, storeName, id);
                if (!item)
                    return error(404, kNotFound);
                ApiReply reply;
                reply.body = item->json;
                return reply;
            }
            if (method == "PUT" || method == "DELETE")
                return writeItem(request, route, storeName, id, caller);
            return error(405, "The requested resource does not support HTTP method '" + method + "'.");
        }
        if (s.size() == 3 && method == "GET" && (storeName == "machines" || storeName == "workers") &&
            s.at(2) == "connection")
            return machineConnection(route, storeName, id);
        // A config-as-code project's process at a git ref: its default branch ("main" or
        // "refs/heads/main", percent-encoded or not).
        if (storeName == "projects" && s.size() == 4 && s.at(3) == "deploymentprocesses" && method == "GET") {
            const Item *project = store.item(sid, "projects", id);
            if (!project)
                return error(404, kNotFound);
            if (project->facets[1] != "VersionControlled")
                return error(400,
                             QByteArray("The project '" + project->name + "' is not version controlled."));
            const QByteArray ref = QByteArray::fromPercentEncoding(route.original.at(2));
            if (ref != "main" && ref != QByteArrayView("refs/heads/main"))
                return error(
                    404, QByteArray("The branch '" + ref + "' was not found in the project's repository."));
            const Item *process =
                store.item(sid, "deploymentprocesses", QByteArray("deploymentprocess-" + project->id));
            if (!process)
                return error(404, kNotFound);
            ApiReply reply;
            reply.body = process->json;
            return reply;
        }
        if (storeName == "projects" && s.size() == 3) {
            const Item *project = store.item(sid, "projects", id);
            if (!project)
                return error(404, kNotFound);
            const QByteArray sub = s.at(2);
            const QByteArray subBase = base + '/' + project->id + '/' + route.original.at(2);
            if (sub == "deploymentprocesses" || sub == "deploymentprocess") {
                Route processRoute = route;
                processRoute.segments = {"deploymentprocesses", "deploymentprocess-" + project->id.toLower()};
                processRoute.original = {"deploymentprocesses", "deploymentprocess-" + project->id};
                if (method == "GET" || method == "PUT")
                    return spaceScoped(request, processRoute, caller);
            }
            if (method != "GET")
                return error(405, "The requested resource does not support HTTP method '" + method + "'.");
            const QByteArray projectId = project->id;
            const CollectionQuery::Filter ofProject = [projectId](const Item &i) {
                return i.facets[0] == projectId;
            };
            if (sub == "releases")
                return CollectionQuery::page(
                    request, "Release",
                    CollectionQuery::select(store.find(sid, "releases"), request, "releases", ofProject),
                    subBase, subBase + "{/version}{?skip,take,searchByVersion}");
            if (sub == "runbooks")
                return CollectionQuery::page(
                    request, "Runbook",
                    CollectionQuery::select(store.find(sid, "runbooks"), request, "runbooks", ofProject),
                    subBase, subBase + "{?skip,take,partialName}");
            if (sub == "channels")
                return CollectionQuery::page(
                    request, "Channel",
                    CollectionQuery::select(store.find(sid, "channels"), request, "channels", ofProject),
                    subBase, subBase + "{?skip,take,partialName}");
            if (sub == "triggers")
                return CollectionQuery::page(
                    request, "ProjectTrigger",
                    CollectionQuery::select(store.find(sid, "projecttriggers"), request, "projecttriggers",
                                            ofProject),
                    subBase,
                    subBase + "{?skip,take,partialName,triggerActionType,triggerActionCategory,runbook}");
            if (sub == "deployments") {
                const CollectionQuery::Filter deploymentsOfProject = [projectId](const Item &i) {
                    return i.facets[0] == projectId;
                };
                return CollectionQuery::page(request, "Deployment",
                                             CollectionQuery::select(store.find(sid, "deployments"), request,
                                                                     "deployments", deploymentsOfProject),
                                             subBase, subBase + "{?skip,take}");
            }
        }
        if (storeName == "releases" && s.size() == 3 && s.at(2) == "deployments" && method == "GET") {
            const QByteArray releaseId = id;
            const CollectionQuery::Filter ofRelease = [releaseId](const Item &i) {
                return i.json.contains(QByteArray("\"ReleaseId\":\"" + releaseId + '"'));
            };
            const QByteArray subBase = base + '/' + id + "/deployments";
            return CollectionQuery::page(
                request, "Deployment",
                CollectionQuery::select(store.find(sid, "deployments"), request, "deployments", ofRelease),
                subBase, subBase + "{?skip,take}");
        }
        return error(404, kNotFound);
    }

    if (s.first() == "events" && route.spaceInPath) {
        // Space-scoped event list; metadata lives server-wide.
        if (s.size() == 1 && method == "GET") {
            const QByteArray spaceId = sid;
            const CollectionQuery::Filter inSpace = [spaceId](const Item &i) {
                return i.facets[3] == spaceId;
            };
            return CollectionQuery::page(
                request, "Event",
                CollectionQuery::select(store.find("", "events"), request, "events", inSpace), base,
                base + "{/"
                       "id}{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,"
                       "eventGroups,eventCategories,eventAgents,tags,tenants,from,to,internal,fromAutoId,"
                       "toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem,excludeDifference}");
        }
        return notMine;
    }
    if (s.first() == "tasks" && route.spaceInPath) {
        if (s.size() == 1 && method == "GET") {
            const QByteArray spaceId = sid;
            const CollectionQuery::Filter inSpace = [spaceId](const Item &i) {
                return i.facets[2] == spaceId;
            };
            return CollectionQuery::page(
                request, "Task", CollectionQuery::select(store.find("", "tasks"), request, "tasks", inSpace),
                base,
                base + "{/"
                       "id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,"
                       "hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,"
                       "includeSystem,description,fromCompletedDate,toCompletedDate,fromQueueDate,"
                       "toQueueDate,fromStartDate,toStartDate}");
        }
        if (s.size() == 1 && method == "POST")
            return createTask(request, route);
        return notMine;
    }
    return notMine;
}

// ---------------------------------------------------------------------------------------------------------
// Server-wide resources.

ApiReply ApiRouter::serverWide(const ApiRequest &request, const Route &route, const KeyOwner *caller)
{
    const QByteArrayList &s = route.segments;
    const QByteArray &method = request.method;
    DataStore &store = m_state.store;
    const QByteArray first = s.first();
    const QByteArray base = "/api/" + first;
    ApiReply reply;

    auto bytes = [](const QByteArray &json) {
        ApiReply r;
        r.body = json;
        return r;
    };
    auto get = [&](const Collection *collection, const QByteArray &id) {
        if (collection) {
            for (const Item &item : collection->items) {
                if (item.id.compare(id, Qt::CaseInsensitive) == 0)
                    return bytes(item.json);
            }
        }
        return error(404, kNotFound);
    };

    if (first == "swagger.json" && s.size() == 1 && method == "GET") {
        // The 2021.2 member of the API facts (resources/api): a Swagger 2.0 document without its text.
        // Read once: the embedded file never changes while the simulator runs.
        static const QByteArray swagger = [] {
            QFile file(QStringLiteral(":/octosim/octopus-api-facts.json"));
            const QJsonObject facts = file.open(QIODevice::ReadOnly)
                                          ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
            const QJsonObject document =
                facts.value(QLatin1String("documents")).toObject().value(QLatin1String("2021.2")).toObject();
            return document.isEmpty() ? QByteArray() : QJsonDocument(document).toJson(QJsonDocument::Compact);
        }();
        if (swagger.isEmpty())
            return error(500, "The API description is not available.");
        return bytes(swagger);
    }
    if (first == "spaces") {
        if (s.size() == 1 && method == "GET")
            return CollectionQuery::page(request, "Space",
                                         CollectionQuery::select(store.find("", "spaces"), request, "spaces"),
                                         base, base + "{/id}{?skip,ids,take,partialName}");
        if (s.size() == 2 && s.at(1) == "all" && method == "GET")
            return CollectionQuery::bareArray(
                CollectionQuery::select(store.find("", "spaces"), request, "spaces"));
        if (s.size() == 2 && method == "GET")
            return get(store.find("", "spaces"), route.original.at(1));
    }
    if (first == "users") {
        if (s.size() == 1 && method == "GET")
            return CollectionQuery::page(request, "User",
                                         CollectionQuery::select(store.find("", "users"), request, "users"),
                                         base, base + "{/id}{?skip,take,ids,filter}");
        if (s.size() == 2 && s.at(1) == "all" && method == "GET")
            return CollectionQuery::bareArray(
                CollectionQuery::select(store.find("", "users"), request, "users"));
        if (s.size() == 2 && s.at(1) == "me" && method == "GET")
            return get(store.find("", "users"), caller->userId);
        if (s.size() == 2 && method == "GET")
            return get(store.find("", "users"), route.original.at(1));
        if (s.size() >= 3 && s.at(2) == "apikeys")
            return apiKeys(request, route, caller);
        if (s.size() == 3 && s.at(2) == "permissions" && method == "GET") {
            const QByteArray userId = route.original.at(1).compare("me", Qt::CaseInsensitive) == 0
                                          ? caller->userId
                                          : route.original.at(1);
            if (!caller->isAdmin && caller->userId != userId)
                return error(403, "You do not have permission to perform this action. Please contact your "
                                  "Octopus administrator. Missing permission: UserView");
            // The calling key's permissions when it asks about its own user (keys of one user share them).
            const QByteArrayList permissions = permissionsOf(*caller);
            static const QByteArrayList system = {"AdministerSystem", "ConfigureServer", "SpaceView",
                                                  "TeamView",         "UserEdit",        "UserRoleView",
                                                  "UserView"};
            JsonWriter w;
            w.beginObject().str("Id", userId);
            w.beginArray("SystemPermissions");
            for (const QByteArray &p : permissions) {
                if (system.contains(p))
                    w.str(nullptr, p);
            }
            w.end();
            w.beginObject("SpacePermissions");
            for (const QByteArray &p : permissions) {
                if (system.contains(p))
                    continue;
                w.beginArray(p.constData());
                for (const QByteArray &space : store.spaceIds) {
                    w.beginObject().str("SpaceId", space).null("RestrictedToProjectIds");
                    w.null("RestrictedToEnvironmentIds").null("RestrictedToTenantIds");
                    w.null("RestrictedToProjectGroupIds").end();
                }
                w.end();
            }
            w.end();
            w.beginArray("Teams").end();
            w.boolean("IsPermissionsComplete", true).boolean("IsTeamsComplete", true);
            w.beginObject("Links").str("Self", "/api/users/" + userId + "/permissions").end();
            w.end();
            return bytes(w.take());
        }
    }
    if (first == "events") {
        if (s.size() == 1 && method == "GET")
            return CollectionQuery::page(
                request, "Event", CollectionQuery::select(store.find("", "events"), request, "events"), base,
                base + "{/"
                       "id}{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,"
                       "eventGroups,eventCategories,eventAgents,tags,tenants,from,to,internal,fromAutoId,"
                       "toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem,excludeDifference}");
        if (s.size() == 2 && method == "GET") {
            if (s.at(1) == "agents")
                return eventAgents();
            if (s.at(1) == "categories") {
                JsonWriter w;
                w.beginArray();
                const char *categories[][2] = {{"Created", "Document created"},
                                               {"Modified", "Document modified"},
                                               {"Deleted", "Document deleted"},
                                               {"DeploymentQueued", "Deployment queued"},
                                               {"DeploymentStarted", "Deployment started"},
                                               {"DeploymentSucceeded", "Deployment succeeded"},
                                               {"DeploymentFailed", "Deployment failed"},
                                               {"LoginSucceeded", "Login succeeded"},
                                               {"LoginFailed", "Login failed"},
                                               {"MachineHealthy", "Machine healthy"},
                                               {"MachineUnavailable", "Machine unavailable"}};
                for (const auto &c : categories)
                    w.beginObject().str("Id", c[0]).str("Name", c[1]).emptyObject("Links").end();
                w.end();
                return bytes(w.take());
            }
            if (s.at(1) == "groups") {
                return bytes("[{\"Id\":\"Document\",\"Name\":\"Document\",\"EventCategories\":[\"Created\","
                             "\"Modified\",\"Deleted\"],\"Links\":{}},"
                             "{\"Id\":\"Deployment\",\"Name\":\"Deployment\",\"EventCategories\":["
                             "\"DeploymentQueued\",\"DeploymentStarted\",\"DeploymentSucceeded\","
                             "\"DeploymentFailed\"],\"Links\":{}}]");
            }
            if (s.at(1) == "documenttypes") {
                JsonWriter w;
                w.beginArray();
                const char *types[][2] = {{"Projects", "Project"},
                                          {"Environments", "Environment"},
                                          {"Machines", "Deployment Target"},
                                          {"Workers", "Worker"},
                                          {"Releases", "Release"},
                                          {"Deployments", "Deployment"},
                                          {"Users", "User"},
                                          {"ProjectGroups", "Project Group"},
                                          {"Tenants", "Tenant"},
                                          {"LibraryVariableSets", "Library Variable Set"}};
                for (const auto &t : types)
                    w.beginObject().str("Id", t[0]).str("Name", t[1]).end();
                w.end();
                return bytes(w.take());
            }
            return get(store.find("", "events"), route.original.at(1));
        }
    }
    if (first == "tasks") {
        if (s.size() == 1 && method == "GET")
            return CollectionQuery::page(
                request, "Task", CollectionQuery::select(store.find("", "tasks"), request, "tasks"), base,
                base + "{/"
                       "id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,"
                       "hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,"
                       "includeSystem,description,fromCompletedDate,toCompletedDate,fromQueueDate,"
                       "toQueueDate,fromStartDate,toStartDate}");
        if (s.size() == 1 && method == "POST")
            return createTask(request, route);
        if (s.size() == 2 && s.at(1) == "tasktypes" && method == "GET") {
            return bytes(
                "[{\"Id\":\"Deploy\",\"Name\":\"Deploy\",\"Links\":{}},{\"Id\":\"Health\",\"Name\":\"Health "
                "check\",\"Links\":{}},"
                "{\"Id\":\"Upgrade\",\"Name\":\"Upgrade "
                "Tentacles\",\"Links\":{}},{\"Id\":\"UpdateCalamari\",\"Name\":\"Update "
                "Calamari\",\"Links\":{}},"
                "{\"Id\":\"RunbookRun\",\"Name\":\"Run "
                "runbook\",\"Links\":{}},{\"Id\":\"AdHocScript\",\"Name\":\"Run a script\",\"Links\":{}}]");
        }
        if (s.size() == 2 && method == "GET") {
            const QByteArray id = route.original.at(1);
            const Item *item = store.item("", "tasks", id);
            if (!item || (route.spaceInPath && item->facets[2] != route.spaceId))
                return error(404, kNotFound);
            return bytes(item->json);
        }
        if (s.size() == 3 && s.at(2) == "cancel" && method == "POST") {
            const QByteArray id = route.original.at(1);
            const Item *item = store.item("", "tasks", id);
            if (!item || (route.spaceInPath && item->facets[2] != route.spaceId))
                return error(404, kNotFound);
            if (m_state.taskCancel)
                m_state.taskCancel(item->id);
            return bytes(store.item("", "tasks", id)->json);
        }
    }
    if (first == "serverstatus" && method == "GET") {
        if (s.size() == 1)
            return serverStatus();
        if (s.size() == 2 && s.at(1) == "health")
            return health();
        if (s.size() == 2 && s.at(1) == "counts")
            return counts();
        if (s.size() == 2 && s.at(1) == "system-info") {
            JsonWriter w;
            w.beginObject()
                .str("Id", "systeminfo")
                .str("Version", store.version)
                .str("OSVersion", "Microsoft Windows 10.0.20348");
            w.str("ClrVersion", "6.0.25").str("Uptime", "3.04:12:55").num("WorkingSetBytes", 1843200000);
            w.num("ThreadCount", 96).num("MinThreadPoolCount", 32).emptyObject("Links").end();
            return bytes(w.take());
        }
    }
    if (first == "maintenanceconfiguration" && s.size() == 1)
        return maintenance(request, caller);
    if (first == "serverconfiguration" && s.size() == 1 && method == "GET") {
        JsonWriter w;
        w.beginObject().str("Id", "serverconfiguration").str("ServerUri", "https://octopus.acme.internal");
        w.beginObject("Links").str("Self", "/api/serverconfiguration").end().end();
        return bytes(w.take());
    }
    const bool certificateRoute =
        (first == "configuration" && s.size() >= 2 && s.at(1) == "certificates") ||
        (first == "certificates" && s.size() == 2 && s.at(1) == "certificate-global");
    if (certificateRoute && method == "GET") {
        JsonWriter w;
        w.beginObject().str("Id", "certificate-global").str("Name", "Octopus Portal");
        w.str("Thumbprint", store.serverThumbprint).str("SignatureAlgorithm", "sha256RSA");
        w.beginObject("Links").str("Self", "/api/configuration/certificates/certificate-global");
        w.str("PublicCer", "/api/configuration/certificates/certificate-global/public-cer").end().end();
        const QByteArray certificate = w.take();
        const int idIndex = first == "configuration" ? 2 : 1;
        if (s.size() == idIndex + 1 && s.at(idIndex) == "certificate-global")
            return bytes(certificate);
        if (first == "configuration" && s.size() == 2) {
            Item item{"certificate-global", "Octopus Portal", certificate, {}, 0};
            return CollectionQuery::page(request, "CertificateConfiguration", {&item},
                                         "/api/configuration/certificates",
                                         "/api/configuration/certificates{/id}{?skip,take}");
        }
        return error(404, kNotFound);
    }
    if (first == "octopusservernodes" && method == "GET") {
        const Collection *nodes = store.find("", "octopusservernodes");
        if (s.size() == 1)
            return CollectionQuery::page(request, "OctopusServerNode",
                                         CollectionQuery::select(nodes, request, "octopusservernodes"), base,
                                         base + "{/id}{?skip,take,ids,partialName}");
        if (s.size() == 2 && s.at(1) == "all")
            return CollectionQuery::bareArray(CollectionQuery::select(nodes, request, "octopusservernodes"));
        if (s.size() == 2 && s.at(1) == "ping") {
            reply.status = m_state.draining ? 418 : 200;
            reply.body = "{}";
            if (nodes) {
                for (const Item &node : nodes->items) {
                    if (node.name == store.nodeName)
                        reply.body = node.json; // this node's, not a row inherited from the old server
                }
            }
            return reply;
        }
        if (s.size() == 2 && s.at(1) == "summary") {
            JsonWriter w;
            w.beginObject().beginArray("Nodes");
            if (nodes) {
                for (const Item &node : nodes->items) {
                    // Rows inherited by a clone are offline, last seen when the database was copied.
                    const bool offline = node.facets[0] == "offline";
                    w.beginObject().str("Id", node.id).str("Name", node.name).num("MaxConcurrentTasks", 5);
                    w.boolean("IsInMaintenanceMode", !offline && m_state.draining)
                        .str("LastSeen", ResourceWriter::isoTime(
                                             offline ? node.time : QDateTime::currentMSecsSinceEpoch()));
                    w.boolean("IsOffline", offline).num("RunningTaskCount", 0).emptyObject("Links").end();
                }
            }
            w.end().boolean("IsInMaintenanceMode", m_state.maintenance).emptyObject("Links").end();
            return bytes(w.take());
        }
        if (s.size() == 2)
            return get(nodes, route.original.at(1));
    }
    if (first == "octopusservernodes" && method == "DELETE" && s.size() == 2) {
        if (!caller || !caller->isAdmin)
            return error(403,
                         "You do not have permission to perform this action. Please contact your Octopus "
                         "administrator. Missing permission: ConfigureServer");
        Collection &nodes = store.collection("", "octopusservernodes");
        for (qsizetype i = 0; i < nodes.items.size(); ++i) {
            if (nodes.items.at(i).id.compare(route.original.at(1), Qt::CaseInsensitive) == 0) {
                if (nodes.items.at(i).name == store.nodeName)
                    return error(400, "There was a problem with your request. A node cannot delete itself.");
                nodes.items.removeAt(i);
                ApiReply deleted;
                deleted.body = "{}";
                return deleted;
            }
        }
        return error(404, kNotFound);
    }
    reply.status = 404; // not found, no body: dispatch() answers the standard 404
    return reply;
}

// ---------------------------------------------------------------------------------------------------------
// Lists, paging and filters

// ---------------------------------------------------------------------------------------------------------
// Writes

std::array<QByteArray, 5> ApiRouter::facetsFor(const QByteArray &storeName, const QJsonObject &o)
{
    std::array<QByteArray, 5> f;
    auto s = [&o](const char *key) { return o.value(QLatin1String(key)).toString().toUtf8(); };
    if (storeName == "machines" || storeName == "workers") {
        const QJsonObject endpoint = o.value(QLatin1String("Endpoint")).toObject();
        f[0] = s("Thumbprint");
        if (f[0].isEmpty())
            f[0] = endpoint.value(QLatin1String("Thumbprint")).toString().toUtf8();
        f[1] = endpoint.value(QLatin1String("CommunicationStyle")).toString().toUtf8();
        f[2] = s("HealthStatus");
        f[3] = o.value(QLatin1String("IsDisabled")).toBool() ? "true" : "false";
    } else if (storeName == "releases" || storeName == "runbooks" || storeName == "channels" ||
               storeName == "projecttriggers" || storeName == "deploymentprocesses") {
        f[0] = s("ProjectId");
    } else if (storeName == "deployments") {
        f[0] = s("ProjectId");
        f[1] = s("EnvironmentId");
    } else if (storeName == "build-information") {
        f[0] = s("PackageId");
    } else if (storeName == "feeds") {
        f[0] = s("FeedType");
    } else if (storeName == "libraryvariablesets") {
        f[0] = s("ContentType");
    }
    return f;
}

ApiReply ApiRouter::writeItem(const ApiRequest &request, const Route &route, const QByteArray &storeName,
                              const QByteArray &id, const KeyOwner *caller)
{
    DataStore &store = m_state.store;
    const QByteArray &sid = route.spaceId;
    const CollectionInfo *info = spaceCollection(storeName);
    if (request.method == "DELETE") {
        Collection &collection = store.collection(sid, storeName);
        for (qsizetype i = 0; i < collection.items.size(); ++i) {
            if (collection.items.at(i).id.compare(id, Qt::CaseInsensitive) == 0) {
                const Item removed = collection.items.takeAt(i);
                recordChange(caller, "Deleted",
                             QByteArray(info->itemType) + ' ' + removed.name + " was deleted", sid,
                             {removed.id}, request);
                ApiReply reply;
                reply.body = "{}";
                return reply;
            }
        }
        return error(404, kNotFound);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject())
        return error(400,
                     "The request body is not a valid JSON object: " + parseError.errorString().toUtf8());
    const QJsonObject changes = document.object();

    QJsonObject object;
    QByteArray itemId = id;
    Item *existing = nullptr;
    if (request.method == "PUT") {
        existing = store.mutableItem(sid, storeName, id);
        if (!existing)
            return error(404, kNotFound);
        object = QJsonDocument::fromJson(existing->json).object();
        itemId = existing->id;
    } else {
        if (changes.value(QLatin1String("Name")).toString().isEmpty() && storeName != "build-information" &&
            storeName != "releases" && storeName != "deployments")
            return error(400, "There was a problem with your request. Name is required.");
        itemId = info->idPrefix + QByteArray("-") + QByteArray::number(store.nextId(info->idPrefix));
        object.insert(QStringLiteral("SpaceId"), QString::fromLatin1(sid));
    }
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.key() != QLatin1String("Id") && it.key() != QLatin1String("SpaceId") &&
            it.key() != QLatin1String("Links"))
            object.insert(it.key(), it.value());
    }
    object.insert(QStringLiteral("Id"), QString::fromLatin1(itemId));
    if (storeName == "build-information") {
        // The CI plug-ins push {PackageId, Version, OctopusBuildInformation: {BuildEnvironment, BuildUrl,
        // ...}}; the server stores and serves the flat, mapped resource
        // (OctopusPackageVersionBuildInformationMapped- Resource): the build details at the top level, with
        // the time it was created.
        const QJsonObject nested = object.take(QStringLiteral("OctopusBuildInformation")).toObject();
        for (auto it = nested.begin(); it != nested.end(); ++it)
            object.insert(it.key(), it.value());
        object.remove(QStringLiteral("OverwriteMode"));
        if (!existing)
            object.insert(QStringLiteral("Created"),
                          QString::fromLatin1(ResourceWriter::isoTime(QDateTime::currentMSecsSinceEpoch())));
    }
    if (storeName == "deploymentprocesses")
        object.insert(QStringLiteral("Version"), object.value(QLatin1String("Version")).toInt() + 1);
    object.insert(QStringLiteral("LastModifiedBy"), QString::fromUtf8(caller->username));
    object.insert(QStringLiteral("LastModifiedOn"),
                  QString::fromLatin1(ResourceWriter::isoTime(QDateTime::currentMSecsSinceEpoch())));
    QJsonObject links = object.value(QLatin1String("Links")).toObject();
    links.insert(QStringLiteral("Self"), QString::fromLatin1("/api/" + sid + '/' + storeName + '/' + itemId));
    object.insert(QStringLiteral("Links"), links);

    Item item;
    item.id = itemId;
    item.name = object.value(QLatin1String("Name")).toString().toUtf8();
    if (storeName == "build-information")
        item.name = (object.value(QLatin1String("PackageId")).toString() + QLatin1Char(' ') +
                     object.value(QLatin1String("Version")).toString())
                        .toUtf8();
    if (item.name.isEmpty() && existing)
        item.name = existing->name;
    item.json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    item.facets = facetsFor(storeName, object);
    item.time = QDateTime::currentMSecsSinceEpoch();
    ApiReply reply;
    reply.body = item.json;
    if (existing) {
        item.time = existing->time;
        *existing = item;
        const QByteArray what = storeName == "deploymentprocesses"
                                    ? QByteArray("Deployment process " + item.id)
                                    : QByteArray(info->itemType + (' ' + item.name));
        recordChange(caller, "Modified", what + " was changed", sid, {item.id}, request);
    } else {
        store.collection(sid, storeName).items.prepend(item);
        recordChange(caller, "Created", QByteArray(info->itemType) + ' ' + item.name + " was created", sid,
                     {item.id}, request);
        reply.status = 201;
    }
    return reply;
}

void ApiRouter::recordChange(const KeyOwner *caller, const QByteArray &category, const QByteArray &message,
                             const QByteArray &spaceId, const QByteArrayList &related,
                             const ApiRequest &request)
{
    EventSpec e;
    e.category = category;
    e.message = message;
    e.spaceId = spaceId;
    e.userId = caller->userId;
    e.username = caller->username;
    e.isService = caller->isService;
    e.identityEstablishedWith = "API key '" + caller->purpose + '\'';
    e.userAgent = request.headers.value("user-agent");
    if (e.userAgent.isEmpty())
        e.userAgent = "Unknown";
    e.ipAddress = "127.0.0.1";
    e.relatedDocumentIds = related;
    e.occurred = QDateTime::currentMSecsSinceEpoch();
    ResourceWriter::recordEvent(m_state.store, e);
}

ApiReply ApiRouter::createTask(const ApiRequest &request, const Route &route)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString name = body.value(QLatin1String("Name")).toString();
    static const QStringList known = {QStringLiteral("Health"),
                                      QStringLiteral("Upgrade"),
                                      QStringLiteral("UpdateCalamari"),
                                      QStringLiteral("AdHocScript"),
                                      QStringLiteral("SystemIntegrityCheck"),
                                      QStringLiteral("TestEmail")};
    if (!known.contains(name))
        return error(400, "There was a problem with your request. '" + name.toUtf8() +
                              "' is not a task this server can queue.");
    QByteArray spaceId = body.value(QLatin1String("SpaceId")).toString().toUtf8();
    if (route.spaceInPath || spaceId.isEmpty())
        spaceId = route.spaceId;
    // A system task (the integrity check) belongs to no space: its SpaceId is null, and task lists show it
    // with includeSystem=true.
    if (name == QLatin1String("SystemIntegrityCheck") && !route.spaceInPath)
        spaceId.clear();
    TaskSpec task;
    task.id = "ServerTasks-" + QByteArray::number(m_state.store.nextId("ServerTasks"));
    task.spaceId = spaceId;
    task.name = name.toUtf8();
    task.description = body.value(QLatin1String("Description")).toString().toUtf8();
    if (task.description.isEmpty())
        task.description = name == QLatin1String("Upgrade") ? QByteArray("Upgrade machines")
                                                            : QByteArray("Check deployment target health");
    const QJsonObject arguments = body.value(QLatin1String("Arguments")).toObject();
    task.argumentsJson = QJsonDocument(arguments).toJson(QJsonDocument::Compact);
    task.state = "Queued";
    task.serverNode = m_state.store.nodeName;
    task.queueTime = QDateTime::currentMSecsSinceEpoch();
    const Item item = ResourceWriter::taskItem(task);
    m_state.store.collection("", "tasks").items.prepend(item);
    if (m_state.taskQueued)
        m_state.taskQueued(task);
    ApiReply reply;
    reply.status = 201;
    reply.body = item.json;
    return reply;
}

ApiReply ApiRouter::apiKeys(const ApiRequest &request, const Route &route, const KeyOwner *caller)
{
    DataStore &store = m_state.store;
    const QByteArray userId =
        route.original.at(1).compare("me", Qt::CaseInsensitive) == 0 ? caller->userId : route.original.at(1);
    const Item *user = store.item("", "users", userId);
    if (!user)
        return error(404, kNotFound);
    if (!caller->isAdmin && caller->userId != user->id)
        return error(403, "You do not have permission to perform this action. Please contact your Octopus "
                          "administrator. Missing permission: UserView");
    const QByteArray base = "/api/users/" + user->id + "/apikeys";
    const QByteArray ownerId = user->id;
    const CollectionQuery::Filter ofUser = [ownerId](const Item &i) { return i.facets[0] == ownerId; };
    if (route.segments.size() == 3 && request.method == "GET")
        return CollectionQuery::page(
            request, "ApiKey", CollectionQuery::select(store.find("", "apikeys"), request, "apikeys", ofUser),
            base, base + "{/id}{?skip,take}");
    if (route.segments.size() == 3 && request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QByteArray purpose = body.value(QLatin1String("Purpose")).toString().toUtf8();
        const QByteArray id = "apikeys-" + QByteArray::number(store.nextId("apikeys"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Random random(quint64(now) ^ quint64(store.count("", "apikeys")));
        const QByteArray plain = "API-" + random.alnum(26, true);
        store.addKey(plain,
                     {user->id, user->name, false, user->json.contains("\"IsService\":true"), id, purpose});
        auto resource = [&](bool created) {
            JsonWriter w;
            w.beginObject().str("Id", id).str("UserId", user->id).str("Purpose", purpose);
            w.str("Created", ResourceWriter::isoTime(now))
                .str("Expires", ResourceWriter::isoTime(now + 180LL * 24 * 3600 * 1000));
            if (created) {
                w.str("ApiKey", plain);
            } else {
                w.beginObject("ApiKey")
                    .boolean("HasValue", true)
                    .str("Hint", plain.left(8) + "...")
                    .null("NewValue")
                    .end();
                w.str("AccessLevel", "FullAccess").str("ActorType", "User").null("LastUsedTimeStamp");
                w.boolean("IsLastUsedTimestampKnown", true);
            }
            w.beginObject("Links")
                .str("Self", base + '/' + id)
                .str("User", "/api/users/" + user->id)
                .end()
                .end();
            return w.take();
        };
        Item item{id, purpose, resource(false), {}, now};
        item.facets[0] = user->id;
        store.collection("", "apikeys").items.prepend(item);
        recordChange(caller, "Created", "API key " + purpose + " was created for " + user->name, QByteArray(),
                     {user->id, id}, request);
        ApiReply reply; // createApiKey answers 200 (SWAGGER-2021), unlike most creations
        reply.body = resource(true);
        return reply;
    }
    if (route.segments.size() == 4) {
        const QByteArray keyId = route.original.at(3);
        const Item *key = store.item("", "apikeys", keyId);
        if (!key || key->facets[0] != user->id)
            return error(404, kNotFound);
        if (request.method == "GET") {
            ApiReply reply;
            reply.body = key->json;
            return reply;
        }
        if (request.method == "DELETE") {
            // Revoked on this instance only: the other one keeps its copy of the key (§7, §11).
            const QByteArray purpose = key->name;
            const QByteArray revokedId = key->id;
            store.revokeKey(revokedId);
            QList<Item> &keys = store.collection("", "apikeys").items;
            keys.removeIf([&revokedId](const Item &i) { return i.id == revokedId; });
            recordChange(caller, "Deleted", "API key " + purpose + " was revoked for " + user->name,
                         QByteArray(), {user->id, revokedId}, request);
            ApiReply reply;
            reply.body = "{}";
            return reply;
        }
    }
    return error(405, "The requested resource does not support HTTP method '" + request.method + "'.");
}

// ---------------------------------------------------------------------------------------------------------
// Single documents

namespace {

// The link set of a real 2023.1 root document (FIXTURE-2023 in the reference, used verbatim as §1
// advises), with its space-scoped links written for Spaces-1.
const QJsonObject &fixtureLinks()
{
    static const QJsonObject links = [] {
        QFile file(QStringLiteral(":/octosim/rootlinks.json"));
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return links;
}

QByteArray linksFor(const QByteArray &spaceId, bool spaceOnly)
{
    const QString from = QStringLiteral("/api/Spaces-1/");
    const QString to = QStringLiteral("/api/%1/").arg(QString::fromLatin1(spaceId));
    QJsonObject out;
    const QJsonObject &links = fixtureLinks();
    for (auto it = links.begin(); it != links.end(); ++it) {
        QString value = it.value().toString();
        if (spaceOnly && !value.startsWith(from))
            continue;
        out.insert(it.key(), value.replace(from, to));
    }
    if (spaceOnly)
        out.insert(QStringLiteral("Self"), QStringLiteral("/api/%1").arg(QString::fromLatin1(spaceId)));
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace

ApiReply ApiRouter::root(const Route &route) const
{
    const DataStore &store = m_state.store;
    ApiReply reply;
    JsonWriter w;
    if (route.spaceInPath) {
        w.beginObject().str("Id", route.spaceId).null("LastModifiedBy").null("LastModifiedOn");
        w.raw("Links", linksFor(route.spaceId, true)).end();
        reply.body = w.take();
        return reply;
    }
    w.beginObject();
    w.str("Application", "Octopus Deploy");
    w.str("Version", store.version);
    w.str("ApiVersion", "3.0.0");
    w.str("InstallationId", store.installationId);
    w.boolean("HasLongTermSupport", true);
    w.raw("Links", linksFor(store.defaultSpaceId, false));
    w.end();
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::serverStatus() const
{
    JsonWriter w;
    w.beginObject();
    w.str("Id", "ServerStatus");
    w.boolean("IsDatabaseEncrypted", true);
    w.boolean("IsInMaintenanceMode", m_state.maintenance);
    w.boolean("IsMajorMinorUpgrade", false);
    // Documented (2026) but unexplained: raised here on a clone whose InstallationId was not reset.
    w.boolean("IsPotentialClone", m_state.isClone && m_state.unresetClone);
    w.boolean("IsUpgradeAvailable", true);
    w.null("MaintenanceExpires");
    w.str("MaximumAvailableVersion", "2024.1.12345");
    w.str("MaximumAvailableVersionCoveredByLicense", "2024.1.12345");
    w.strOrNull("LastModifiedBy", m_state.maintenanceModifiedBy);
    if (m_state.maintenanceModifiedOn)
        w.str("LastModifiedOn", ResourceWriter::isoTime(m_state.maintenanceModifiedOn));
    else
        w.null("LastModifiedOn");
    w.beginObject("Links");
    w.str("Self", "/api/serverstatus").str("Health", "/api/serverstatus/health");
    w.str("RecentLogs", "/api/serverstatus/logs{?skip,take,includeDetail}")
        .str("SystemInfo", "/api/serverstatus/system-info");
    w.str("SystemReport", "/api/serverstatus/system-report").str("GCCollect", "/api/serverstatus/gc-collect");
    w.end();
    w.end();
    ApiReply reply;
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::health() const
{
    JsonWriter w;
    w.beginObject();
    w.str("Id", "health");
    w.str("Description", m_state.healthy ? QByteArray("Octopus Server is operating normally.")
                                         : QByteArray("Octopus Server is not operating normally."));
    w.boolean("IsOperatingNormally", m_state.healthy);
    w.boolean("IsEntireClusterReadOnly", m_state.maintenance);
    w.boolean("IsEntireClusterDrainingTasks", m_state.draining);
    w.boolean("IsCompliantWithLicense", true);
    w.beginObject("Links").str("Self", "/api/serverstatus/health").end();
    w.end();
    ApiReply reply;
    reply.status = m_state.healthy ? 200 : 418;
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::counts() const
{
    const DataStore &store = m_state.store;
    QSet<QByteArray> packages;
    for (const QByteArray &space : store.spaceIds) {
        if (const Collection *c = store.find(space, "build-information")) {
            for (const Item &i : c->items)
                packages.insert(i.facets[0]);
        }
    }
    JsonWriter w;
    w.beginObject();
    w.beginObject("Global")
        .num("Spaces", store.count("", "spaces"))
        .num("Teams", 3 + 2 * store.spaceIds.size());
    w.num("Users", store.count("", "users")).end();
    w.beginObject("Infrastructure").num("DeploymentTargets", store.countAllSpaces("machines"));
    w.num("Environments", store.countAllSpaces("environments"))
        .num("Tenants", store.countAllSpaces("tenants"));
    w.num("WorkerPools", store.countAllSpaces("workerpools"))
        .num("Workers", store.countAllSpaces("workers"))
        .end();
    w.beginObject("Library").num("Certificates", 0).num("Packages", packages.size());
    w.num("VariableSets", store.countAllSpaces("libraryvariablesets")).end();
    w.beginObject("Project").num("Deployments", store.countAllSpaces("deployments"));
    w.num("Projects", store.countAllSpaces("projects")).num("Releases", store.countAllSpaces("releases"));
    w.num("RunbookRuns", store.countAllSpaces("runbookruns"))
        .num("Runbooks", store.countAllSpaces("runbooks"))
        .end();
    w.end();
    ApiReply reply;
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::maintenance(const ApiRequest &request, const KeyOwner *caller)
{
    if (request.method == "PUT") {
        if (!caller->isAdmin)
            return error(403,
                         "You do not have permission to perform this action. Please contact your Octopus "
                         "administrator. Missing permission: AdministerSystem");
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QJsonValue value = body.value(QLatin1String("IsInMaintenanceMode"));
        if (!value.isBool())
            return error(400, "There was a problem with your request. IsInMaintenanceMode is required.");
        m_state.maintenance = value.toBool();
        m_state.maintenanceModifiedBy = caller->username;
        m_state.maintenanceModifiedOn = QDateTime::currentMSecsSinceEpoch();
        recordChange(caller, "Modified", "Maintenance Configuration was changed.", QByteArray(),
                     {"maintenance"}, request);
    } else if (request.method != "GET") {
        return error(405, "The requested resource does not support HTTP method '" + request.method + "'.");
    }
    JsonWriter w;
    w.beginObject();
    w.str("Id", "maintenance");
    w.boolean("IsInMaintenanceMode", m_state.maintenance);
    w.strOrNull("LastModifiedBy", m_state.maintenanceModifiedBy);
    if (m_state.maintenanceModifiedOn)
        w.str("LastModifiedOn", ResourceWriter::isoTime(m_state.maintenanceModifiedOn));
    else
        w.null("LastModifiedOn");
    w.beginObject("Links").str("Self", "/api/maintenanceconfiguration").end();
    w.end();
    ApiReply reply;
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::dashboard(const Route &route) const
{
    const DataStore &store = m_state.store;
    const QByteArray &sid = route.spaceId;
    auto field = [](const QByteArray &json, const QByteArray &key) {
        return QJsonDocument::fromJson(json).object().value(QString::fromLatin1(key));
    };
    JsonWriter w;
    w.beginObject();
    w.str("Id", "dashboard-" + sid);
    w.beginArray("Environments");
    QByteArrayList environmentIds;
    if (const Collection *c = store.find(sid, "environments")) {
        for (const Item &i : c->items) {
            environmentIds.append(i.id);
            w.beginObject().str("Id", i.id).str("Name", i.name).emptyObject("Links").end();
        }
    }
    w.end();
    w.beginArray("Projects");
    if (const Collection *c = store.find(sid, "projects")) {
        for (const Item &i : c->items) {
            const QJsonObject o = QJsonDocument::fromJson(i.json).object();
            w.beginObject()
                .str("Id", i.id)
                .str("Name", i.name)
                .qstr("Slug", o.value(QLatin1String("Slug")).toString());
            w.qstr("ProjectGroupId", o.value(QLatin1String("ProjectGroupId")).toString());
            w.boolean("IsDisabled", o.value(QLatin1String("IsDisabled")).toBool())
                .strList("EnvironmentIds", environmentIds);
            w.qstr("TenantedDeploymentMode", o.value(QLatin1String("TenantedDeploymentMode")).toString());
            w.boolean("CanPerformUntenantedDeployment", true).emptyObject("Links").end();
        }
    }
    w.end();
    w.beginArray("ProjectGroups");
    if (const Collection *c = store.find(sid, "projectgroups")) {
        for (const Item &i : c->items)
            w.beginObject()
                .str("Id", i.id)
                .str("Name", i.name)
                .strList("EnvironmentIds", environmentIds)
                .emptyObject("Links")
                .end();
    }
    w.end();
    w.beginArray("Tenants");
    if (const Collection *c = store.find(sid, "tenants")) {
        for (const Item &i : c->items) {
            w.beginObject().str("Id", i.id).str("Name", i.name);
            const QJsonValue environments = field(i.json, "ProjectEnvironments");
            w.raw("ProjectEnvironments",
                  QJsonDocument(environments.toObject()).toJson(QJsonDocument::Compact));
            w.strList("TenantTags", {}).emptyObject("Links").end();
        }
    }
    w.end();
    w.beginArray("Items");
    if (const Collection *c = store.find(sid, "dashboarditems")) {
        for (const Item &i : c->items)
            w.raw(nullptr, i.json);
    }
    w.end();
    w.emptyArray("PreviousItems");
    w.boolean("IsFiltered", false).num("ProjectLimit", 100);
    w.beginObject("Links").str("Self", route.prefix + "/dashboard").end();
    w.end();
    ApiReply reply;
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::eventAgents() const
{
    QByteArrayList agents;
    QSet<QByteArray> seen;
    if (const Collection *c = m_state.store.find("", "events")) {
        for (const Item &i : c->items) {
            if (!i.facets[4].isEmpty() && !seen.contains(i.facets[4])) {
                seen.insert(i.facets[4]);
                agents.append(i.facets[4]);
            }
        }
    }
    std::sort(agents.begin(), agents.end());
    JsonWriter w;
    w.beginArray();
    w.beginObject().str("Id", "Server").str("Name", "Octopus Server task").emptyObject("Links").end();
    for (const QByteArray &agent : std::as_const(agents)) {
        if (agent != "Server")
            w.beginObject().str("Id", agent).str("Name", agent).emptyObject("Links").end();
    }
    w.end();
    ApiReply reply;
    reply.body = w.take();
    return reply;
}

ApiReply ApiRouter::machineConnection(const Route &route, const QByteArray &storeName,
                                      const QByteArray &id) const
{
    const Item *item = m_state.store.item(route.spaceId, storeName, id);
    if (!item)
        return error(404, kNotFound);
    const QJsonObject machine = QJsonDocument::fromJson(item->json).object();
    const QString version = machine.value(QLatin1String("Endpoint"))
                                .toObject()
                                .value(QLatin1String("TentacleVersionDetails"))
                                .toObject()
                                .value(QLatin1String("Version"))
                                .toString();
    JsonWriter w;
    w.beginObject();
    w.str("Id", item->id).str("MachineId", item->id);
    w.str("Status", machine.value(QLatin1String("HealthStatus")).toString() == QLatin1String("Healthy")
                        ? "Success"
                        : "Failure");
    w.strOrNull("CurrentTentacleVersion", version.toUtf8());
    w.str("LastChecked", ResourceWriter::isoTime(m_state.store.anchorMsecs - 3600 * 1000));
    w.emptyArray("Logs");
    w.beginObject("Links").str("Self", route.prefix + '/' + storeName + '/' + item->id + "/connection").end();
    w.end();
    ApiReply reply;
    reply.body = w.take();
    return reply;
}

// ---------------------------------------------------------------------------------------------------------
// Test and demo control, not part of the Octopus API: /octosim/drift, /octosim/health,
// /octosim/control/repoint, /octosim/control/ci-move and /octosim/stats (admin key).

ApiReply ApiRouter::control(const ApiRequest &request, const KeyOwner *caller)
{
    if (!caller || !caller->isAdmin)
        return error(401, "octosim control endpoints need the instance's admin API key.");
    QByteArray path = request.path;
    while (path.endsWith('/'))
        path.chop(1);
    if (path == "/octosim/drift" && request.method == "POST") {
        const int count = qBound(1, request.parameter(QStringLiteral("count")).toInt(), 10000);
        const int applied = m_state.driftNow ? m_state.driftNow(count) : 0;
        ApiReply reply;
        reply.body = "{\"Applied\":" + QByteArray::number(applied) + '}';
        return reply;
    }
    if (path == "/octosim/control/repoint" && request.method == "POST") {
        // A polling Tentacle ran its re-point command: from now on it answers this instance's health checks.
        const QJsonArray ids =
            QJsonDocument::fromJson(request.body).object().value(QLatin1String("MachineIds")).toArray();
        for (const QJsonValue &id : ids)
            m_state.repointedMachines.insert(id.toString().toUtf8());
        ApiReply reply;
        reply.body = "{\"Repointed\":" + QByteArray::number(m_state.repointedMachines.size()) + '}';
        return reply;
    }
    if (path == "/octosim/control/ci-move" && request.method == "POST") {
        // One CI integration now talks to this instance: its service account pushes a build here (the next
        // build after its newest build-information record) with an event in its own identity and agent, and
        // from now on its drift happens here, not on the other instance.
        const QByteArray username = QJsonDocument::fromJson(request.body)
                                        .object()
                                        .value(QLatin1String("Username"))
                                        .toString()
                                        .toUtf8();
        const QByteArray id =
            ResourceWriter::pushBuildAs(m_state.store, username, QDateTime::currentMSecsSinceEpoch());
        if (id.isEmpty())
            return error(404, "No build information pushed by " + username + " on this instance.");
        m_state.ciMovedAway.remove(username);
        if (m_state.ciMovedHere)
            m_state.ciMovedHere(username);
        ApiReply reply;
        reply.body = "{\"Moved\":\"" + username + "\",\"BuildInformationId\":\"" + id + "\"}";
        return reply;
    }
    if (path == "/octosim/stats" && request.method == "GET") {
        // Counted up to the previous answer; this one is not on the wire yet.
        ApiReply reply;
        reply.body = "{\"BytesSent\":" + QByteArray::number(m_state.bytesSent) +
                     ",\"Responses\":" + QByteArray::number(m_state.responses) +
                     ",\"CompressedResponses\":" + QByteArray::number(m_state.compressedResponses) + '}';
        return reply;
    }
    if (path == "/octosim/health" && request.method == "PUT") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.contains(QLatin1String("IsOperatingNormally")))
            m_state.healthy = body.value(QLatin1String("IsOperatingNormally")).toBool();
        if (body.contains(QLatin1String("IsDraining")))
            m_state.draining = body.value(QLatin1String("IsDraining")).toBool();
        ApiReply reply;
        reply.body = "{\"IsOperatingNormally\":" + QByteArray(m_state.healthy ? "true" : "false") +
                     ",\"IsDraining\":" + QByteArray(m_state.draining ? "true" : "false") + '}';
        return reply;
    }
    return error(404, kNotFound);
}

} // namespace octosim
