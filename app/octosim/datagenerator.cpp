#include "datagenerator.h"

#include <optional>

#include "jsonwriter.h"
#include "resourcewriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace octosim {

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

struct ScaleParameters
{
    int spaces;
    QList<int> targets; // per space; the last value repeats
    QList<int> workers;
    QList<int> projects;
    QList<int> tenants;
    QList<int> buildInformation;
    int releasesPerProjectMin;
    int releasesPerProjectMax;
    int eventsPerSpace;
    int serverEvents;
    int historyDays;
    int people;
};

ScaleParameters parameters(Scale scale)
{
    if (scale == Scale::Large)
        return {40, {190}, {60}, {75}, {12}, {1250}, 3, 3, 4950, 2000, 365, 260};
    return {3, {30, 12, 6}, {8, 4, 2}, {15, 10, 6}, {6, 3, 0}, {120, 60, 30}, 4, 8, 900, 150, 120, 8};
}

int perSpace(const QList<int> &values, int index)
{
    return values.at(qMin(index, int(values.size()) - 1));
}

const QByteArrayList kSpaceNames = {"Default", "Platform Team", "Finance Apps", "Retail",    "Data Platform",
                                    "Mobile",  "Payments",      "Identity",     "Logistics", "Marketing"};
const QByteArrayList kEnvironmentNames = {"Development", "Test", "Staging", "Production"};
const QByteArrayList kProjectWords = {"Billing",   "Checkout",      "Catalog",  "Identity",  "Inventory",
                                      "Ledger",    "Notifications", "Orders",   "Payments",  "Pricing",
                                      "Reporting", "Search",        "Shipping", "Accounts",  "Gateway",
                                      "Scheduler", "Audit",         "Customer", "Warehouse", "Loyalty"};
const QByteArrayList kProjectSuffixes = {"Api", "Web", "Worker", "Service", "Portal", "Jobs", "Database"};
const QByteArrayList kRoles = {"web-server", "app-server", "db-server", "worker", "k8s",
                               "iis",        "linux",      "windows",   "batch"};
const QByteArrayList kTenantNames = {"Contoso",   "Fabrikam",        "Northwind",   "Tailspin",
                                     "Wingtip",   "Adventure Works", "Litware",     "Proseware",
                                     "Woodgrove", "Alpine Ski",      "Coho Winery", "Lucerne Publishing"};
const QByteArrayList kFirstNames = {"alice",  "bob",   "carol", "dave",    "erin",   "frank",  "grace",
                                    "heidi",  "ivan",  "judy",  "mallory", "niaj",   "olivia", "peggy",
                                    "rupert", "sybil", "trent", "victor",  "walter", "yasmin"};
const QByteArrayList kLastNames = {"smith",    "jones",  "nguyen", "garcia", "muller", "rossi",
                                   "kowalski", "tanaka", "okafor", "silva",  "haddad", "larsen"};

struct TentacleVersion
{
    const char *version;
    bool upgradeRequired;
};
// Around 8.1.1713, the first Tentacle with poll-server --reuse-server-thumbprint and clear-trusted-servers
// --keep (OctopusTentacle ad190918): 8.1.1703 rejects both. Same number of entries as before, so the draws
// (and everything generated after them) stay where they were.
const TentacleVersion kTentacleVersions[] = {{"8.1.1942", false}, {"8.1.1703", false}, {"7.1.102", false},
                                             {"6.3.417", false},  {"8.1.1713", false}, {"5.0.15", false},
                                             {"4.0.7", false},    {"3.25.1", true}};
// What octosim cannot show: the order of a Tentacle's trusted server entries (a listening entry first makes
// poll-server --reuse-server-thumbprint add a listening entry) lives only in the Tentacle's own
// configuration, never in the server's API. The generated scripts check it on the machine
// (show-configuration); the core test scriptsLookAtShowConfigurationFirst runs them against such a
// configuration. Kubernetes agents report their own versions (KubernetesAgentDetails): chart version,
// Tentacle version.
struct KubernetesAgentVersion
{
    const char *chart;
    const char *tentacle;
};
const KubernetesAgentVersion kKubernetesAgentVersions[] = {
    {"2.12.0", "8.3.2575"}, {"2.12.0", "8.3.2575"}, {"2.4.1", "8.1.1942"}, {"1.16.1", "8.1.1703"}};
constexpr const char *kLatestTentacle = "8.1.1942";

QByteArray slugify(QByteArrayView name)
{
    QByteArray slug;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug.append(c);
        else if (c >= 'A' && c <= 'Z')
            slug.append(char(c - 'A' + 'a'));
        else if (!slug.endsWith('-'))
            slug.append('-');
    }
    while (slug.endsWith('-'))
        slug.chop(1);
    return slug;
}

QByteArray rfc1123(qint64 msecs)
{
    // "Fri, 22 Jul 2022 17:46:35 GMT", as in IdentityEstablishedWith of FIXTURE-2023.
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)
        .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

DataGenerator::DataGenerator(quint64 seed, Scale scale)
    : m_seed(seed)
    , m_scale(scale)
{
    m_adminKey = apiKey(seed, 0);
    m_readOnlyKey = apiKey(seed, 1);
    m_operatorKey = apiKey(seed, 100000); // an index no generated key reaches
}

QByteArray DataGenerator::apiKey(quint64 seed, int index)
{
    Random random(seed * 7919 + 0xA11CE + quint64(index) * 104729);
    return "API-" + random.alnum(26, true);
}

QByteArray DataGenerator::nextId(const QByteArray &prefix)
{
    return prefix + '-' + QByteArray::number(m_store.nextId(prefix));
}

QByteArray DataGenerator::time(qint64 msecsAgo) const
{
    return ResourceWriter::isoTime(m_anchor - msecsAgo);
}

DataStore DataGenerator::generate(qint64 anchorMsecs)
{
    m_anchor = anchorMsecs;
    m_store = DataStore();
    m_store.anchorMsecs = anchorMsecs;
    Random random(m_seed);
    m_store.installationId = random.guid();
    m_store.serverThumbprint = random.hex(40);
    m_store.version = "2023.1.9626";
    m_store.nodeName = "OCTO-PROD-01";
    generateUsers();
    generateSpaces();
    generateEvents(m_spaces);
    generateNodes();
    return std::move(m_store);
}

void DataGenerator::generateUsers()
{
    Random random(m_seed + 11);
    const ScaleParameters p = parameters(m_scale);
    Collection &users = m_store.collection("", "users");
    Collection &keys = m_store.collection("", "apikeys");

    auto addUser = [&](const QByteArray &username, const QByteArray &displayName, bool isService,
                       const QByteArray &email, qint64 createdAgo) {
        const QByteArray id = nextId("Users");
        JsonWriter w;
        w.beginObject();
        w.str("Id", id);
        w.str("Username", username);
        w.str("DisplayName", displayName);
        w.strOrNull("EmailAddress", email);
        w.boolean("IsActive", true);
        w.boolean("IsService", isService);
        w.boolean("IsRequestor", false);
        w.boolean("CanPasswordBeEdited", !isService);
        w.str("Created", time(createdAgo));
        w.beginArray("Identities");
        if (!isService) {
            w.beginObject();
            w.str("IdentityProviderName", "Octopus ID");
            w.beginObject("Claims");
            w.beginObject("email").boolean("IsIdentifyingClaim", true).str("Value", email).end();
            w.beginObject("dn").boolean("IsIdentifyingClaim", false).str("Value", displayName).end();
            w.end();
            w.end();
        }
        w.end();
        w.beginObject("Links");
        w.str("Self", "/api/users/" + id);
        w.str("Permissions", "/api/users/" + id + "/permissions{?spaces}");
        w.str("PermissionsConfiguration", "/api/users/" + id + "/permissions/configuration{?spaces}");
        w.str("Spaces", "/api/users/" + id + "/spaces");
        w.str("Teams", "/api/users/" + id + "/teams{?spaces,includeSystem}");
        w.str("ApiKeys", "/api/users/" + id + "/apikeys{/id}{?skip,take}");
        w.str("Avatar", "https://www.gravatar.com/avatar/" + random.hex(32).toLower() + "?d=blank");
        w.end();
        w.end();
        Item item;
        item.id = id;
        item.name = username;
        item.json = w.take();
        item.facets[0] = isService ? "true" : "false";
        users.items.append(item);
        return id;
    };
    // lastUsedAgo < 0: never used; 0: not known (predates tracking).
    auto addKey = [&](const QByteArray &userId, const QByteArray &purpose, qint64 createdAgo,
                      qint64 lastUsedAgo, const QByteArray &plainKey) {
        const QByteArray id = nextId("apikeys");
        const qint64 created = m_anchor - createdAgo;
        JsonWriter w;
        w.beginObject();
        w.str("Id", id);
        w.str("UserId", userId);
        w.str("Purpose", purpose);
        w.str("Created", ResourceWriter::isoTime(created));
        w.str("Expires", ResourceWriter::isoTime(created + 365 * kDay));
        w.beginObject("ApiKey");
        w.boolean("HasValue", true);
        w.str("Hint", plainKey.left(8) + "...");
        w.null("NewValue");
        w.end();
        w.str("AccessLevel", "FullAccess");
        w.str("ActorType", "User");
        if (lastUsedAgo > 0)
            w.str("LastUsedTimeStamp", time(lastUsedAgo));
        else
            w.null("LastUsedTimeStamp");
        w.boolean("IsLastUsedTimestampKnown", lastUsedAgo != 0);
        w.beginObject("Links");
        w.str("Self", "/api/users/" + userId + "/apikeys/" + id);
        w.str("User", "/api/users/" + userId);
        w.end();
        w.end();
        Item item;
        item.id = id;
        item.name = purpose;
        item.json = w.take();
        item.facets[0] = userId;
        item.time = created;
        keys.items.prepend(item); // newest first
        return id;
    };

    const QByteArray adminId =
        addUser("admin", "Octopus Administrator", false, "octopus-admin@acme.example", 900 * kDay);
    const QByteArray adminKeyId = addKey(adminId, "Handover migration", 2 * kDay, 3600 * 1000, m_adminKey);
    m_store.addKey(m_adminKey, {adminId, "admin", true, false, adminKeyId, "Handover migration"});
    m_actors.append(
        {adminId, "admin", false, "Session cookie", {"OctopusClient-js/2023.1.9626"}, "10.20.1.15"});

    const QByteArray roId =
        addUser("ops.readonly", "Operations (read-only checks)", true, QByteArray(), 400 * kDay);
    const QByteArray roKeyId = addKey(roId, "Handover read-only checks", 2 * kDay, -1, m_readOnlyKey);
    m_store.addKey(m_readOnlyKey,
                   {roId, "ops.readonly", false, true, roKeyId, "Handover read-only checks", true});

    struct Ci
    {
        const char *username;
        const char *display;
        const char *purpose;
        const char *agent;
    };
    const Ci cis[] = {
        {"jenkins", "Jenkins", "Jenkins deploy pipeline",
         "OctopusClient-dotnet/11.6.3644 (Linux 5.15.0-1049-azure; x64) NoneOrUnknown octo"},
        {"teamcity", "TeamCity", "TeamCity build agents",
         "OctopusClient-dotnet/8.8.3 (Microsoft Windows 10.0.17763; x64) TeamCity octo"},
        {"azure-devops", "Azure DevOps", "Azure Pipelines service connection",
         "OctopusClient-dotnet/11.3.3355 (Microsoft Windows 10.0.20348; x64) AzureDevOps octo"},
        {"github-actions", "GitHub Actions", "GitHub Actions OIDC fallback",
         "ts-octopusdeploy GitHubActions (build-information;push;v3)"},
        {"bamboo", "Bamboo", "Bamboo deployment project",
         "OctopusClient-dotnet/6.17.3 (Linux 4.15.0-213-generic; x64) Bamboo octo"},
        {"deploy-scripts", "Deployment scripts", "Nightly maintenance scripts", "curl/8.7.1"},
    };
    int keyIndex = 2;
    for (const Ci &ci : cis) {
        const qint64 createdAgo = random.between(60, 700) * kDay;
        const QByteArray userId = addUser(ci.username, ci.display, true, QByteArray(), createdAgo + kDay);
        const QByteArray purpose = ci.purpose;
        const qint64 lastUsed = random.chance(15) ? 0 : random.between(1, 72) * 3600 * 1000LL;
        const QByteArray plain = apiKey(m_seed, keyIndex++);
        const QByteArray keyId = addKey(userId, purpose, createdAgo, lastUsed, plain);
        m_store.addKey(plain, {userId, ci.username, false, true, keyId, purpose});
        const QByteArray identity = "API key '" + purpose + "' created " + rfc1123(m_anchor - createdAgo);
        QByteArrayList agents = {ci.agent};
        if (QByteArrayView(ci.username) == "deploy-scripts")
            agents.append(
                "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.5576");
        m_actors.append({userId, ci.username, true, identity, agents,
                         "10.40." + QByteArray::number(random.between(1, 250)) + '.' +
                             QByteArray::number(random.between(1, 250))});
        if (random.chance(50)) { // an older key nobody revoked
            const QByteArray old = apiKey(m_seed, keyIndex++);
            const QByteArray oldId = addKey(userId, purpose + " (old)", createdAgo + 200 * kDay, -1, old);
            m_store.addKey(old, {userId, ci.username, false, true, oldId, purpose + " (old)"});
        }
    }
    for (int i = 0; i < p.people; ++i) {
        const QByteArray first = kFirstNames.at(i % kFirstNames.size());
        const QByteArray last = kLastNames.at((i / kFirstNames.size() + i) % kLastNames.size());
        const QByteArray username =
            first + '.' + last + (i >= kFirstNames.size() ? QByteArray::number(i) : QByteArray());
        QByteArray display = first + ' ' + last;
        display[0] = char(display.at(0) - 32);
        const QByteArray userId =
            addUser(username, display, false, username + "@acme.example", random.between(30, 800) * kDay);
        if (random.chance(25)) {
            const QByteArray plain = apiKey(m_seed, keyIndex++);
            const QByteArray keyId =
                addKey(userId, "Personal scripts", random.between(10, 300) * kDay,
                       random.chance(50) ? random.between(1, 900) * 3600 * 1000LL : -1, plain);
            m_store.addKey(plain, {userId, username, false, false, keyId, "Personal scripts"});
        }
        m_actors.append({userId,
                         username,
                         false,
                         "Session cookie",
                         {"OctopusClient-js/2023.1.9626"},
                         "10.20." + QByteArray::number(random.between(1, 250)) + '.' +
                             QByteArray::number(random.between(1, 250))});
    }
    // Last, so that the ids of everything above stay as they were: the non-administrator who may write.
    const QByteArray operatorId =
        addUser("ops.operator", "Operations (deployments and checks)", true, QByteArray(), 300 * kDay);
    const QByteArray operatorKeyId = addKey(operatorId, "Handover verification", 2 * kDay, -1, m_operatorKey);
    m_store.addKey(m_operatorKey,
                   {operatorId, "ops.operator", false, true, operatorKeyId, "Handover verification", false});
}

void DataGenerator::generateSpaces()
{
    const ScaleParameters p = parameters(m_scale);
    Collection &spaces = m_store.collection("", "spaces");
    for (int i = 0; i < p.spaces; ++i) {
        SpaceContext space;
        space.index = i;
        space.id = "Spaces-" + QByteArray::number(i + 1);
        m_store.nextId("Spaces");
        space.name = i < kSpaceNames.size()
                         ? kSpaceNames.at(i)
                         : kSpaceNames.at(i % kSpaceNames.size()) + ' ' + QByteArray::number(i);
        JsonWriter w;
        w.beginObject();
        w.str("Id", space.id);
        w.str("Name", space.name);
        w.str("Slug", slugify(space.name));
        w.str("Description",
              i == 0 ? QByteArray("The default space") : "Space for the " + space.name + " teams");
        w.boolean("IsDefault", i == 0);
        w.boolean("TaskQueueStopped", false);
        w.strList("SpaceManagersTeams", {"teams-spacemanagers-" + space.id});
        w.emptyArray("SpaceManagersTeamMembers");
        w.beginObject("Links");
        w.str("Self", "/api/spaces/" + space.id);
        w.str("SpaceHome", "/api/" + space.id);
        w.str("Web", "/app#/spaces/" + space.id);
        w.str("Logo", "/api/spaces/" + space.id + "/logo");
        w.str("Search", "/api/spaces/" + space.id + "/search");
        w.end();
        w.end();
        Item item;
        item.id = space.id;
        item.name = space.name;
        item.json = w.take();
        spaces.items.append(item);
        m_store.spaceIds.append(space.id);
        m_spaces.append(space);
    }
    m_store.defaultSpaceId = "Spaces-1";
    for (SpaceContext &space : m_spaces)
        generateSpace(space);
}

void DataGenerator::generateSpace(SpaceContext &space)
{
    Random random(m_seed * 1000003 + quint64(space.index) * 7777 + 1);
    generateInfrastructure(space, random);
    generateLibrary(space, random);
    generateProjects(space, random);
    generateBuildInformation(space, random);
    generateServerScripts(space);
    generateTeamsAndRunbookRuns(space);
}

// Teams as a space lists them (GET /api/{spaceId}/teams: its own teams and the system teams, SpaceId null,
// the way Octopus.Client's mixed-scope teams repository reads them), and runbook runs (GET
// /api/{spaceId}/runbookRuns, newest first) over the last 90 days. A random sequence of its own, so the rest
// of the generated data stays what it was.
void DataGenerator::generateTeamsAndRunbookRuns(const SpaceContext &space)
{
    Random random(m_seed * 1000003 + quint64(space.index) * 7777 + 31);
    const QByteArray &sid = space.id;
    const Collection &users = m_store.collection("", "users");
    QByteArrayList people;
    for (const Item &u : users.items) {
        if (u.facets[0] != "true")
            people.append(u.id);
    }
    Collection &teams = m_store.collection(sid, "teams");
    auto addTeam = [&](const QByteArray &id, const QByteArray &name, const QByteArray &description,
                       bool system, int members) {
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", name);
        QByteArrayList memberIds;
        for (int m = 0; m < members && m < people.size(); ++m) {
            const QByteArray &person = people.at((m * 3 + space.index) % people.size());
            if (!memberIds.contains(person))
                memberIds.append(person);
        }
        w.strList("MemberUserIds", memberIds).emptyArray("ExternalSecurityGroups");
        w.boolean("CanBeDeleted", !system).boolean("CanBeRenamed", !system);
        w.boolean("CanChangeRoles", id != "teams-administrators")
            .boolean("CanChangeMembers", id != "teams-everyone");
        if (system)
            w.null("SpaceId");
        else
            w.str("SpaceId", sid);
        w.str("Description", description).null("LastModifiedOn").null("LastModifiedBy");
        w.beginObject("Links")
            .str("Self", "/api/teams/" + id)
            .str("ScopedUserRoles", "/api/teams/" + id + "/scopeduserroles{?skip,take}")
            .end();
        w.end();
        teams.items.append(Item{id, name, w.take(), {}, 0});
    };
    addTeam("teams-administrators", "Octopus Administrators", "Octopus Administrators can do everything",
            true, 2);
    addTeam("teams-managers", "Octopus Managers", "Octopus Managers can manage users and teams", true, 1);
    // Everyone's membership is implicit: its MemberUserIds is empty on a real server.
    addTeam("teams-everyone", "Everyone", "Everyone who can sign in", true, 0);
    addTeam("teams-spacemanagers-" + sid, "Space Managers", "Space Managers can do everything in the space",
            false, 2);
    addTeam(nextId("Teams"), "Developers", "The developers of " + space.name, false, random.between(3, 8));

    const Collection &runbooks = m_store.collection(sid, "runbooks");
    Collection &runs = m_store.collection(sid, "runbookruns");
    for (const Item &runbook : runbooks.items) {
        const int count = runbook.name == "Restart service" ? random.between(4, 12) : random.between(0, 4);
        for (int r = 0; r < count; ++r) {
            const QByteArray id = nextId("RunbookRuns");
            const qint64 created = m_anchor - random.between(1, 90 * 24) * 3600 * 1000LL;
            const QByteArray envId =
                space.environmentIds.isEmpty()
                    ? QByteArray()
                    : space.environmentIds.at(random.below(int(space.environmentIds.size())));
            JsonWriter w;
            w.beginObject();
            w.str("Id", id)
                .str("Name", runbook.name)
                .str("RunbookId", runbook.id)
                .str("ProjectId", runbook.facets[0]);
            w.str("RunbookSnapshotId", "RunbookSnapshots-" + runbook.id.mid(runbook.id.indexOf('-') + 1));
            w.str("FrozenRunbookProcessId", "RunbookProcess-" + runbook.id);
            w.strOrNull("EnvironmentId", envId).null("TenantId");
            // No task is simulated behind a run: octosim's task list holds deployments and health checks.
            w.null("TaskId");
            w.str("Created", ResourceWriter::isoTime(created))
                .str("QueueTime", ResourceWriter::isoTime(created));
            w.null("QueueTimeExpiry").str("DeployedBy", "admin").null("DeployedById").null("Comments");
            w.emptyArray("DeployedToMachineIds").boolean("FailureEncountered", false);
            w.emptyArray("SpecificMachineIds").emptyArray("ExcludedMachineIds").emptyArray("SkipActions");
            w.boolean("ForcePackageDownload", false).boolean("UseGuidedFailure", false);
            w.emptyObject("FormValues")
                .null("ManifestVariableSetId")
                .str("TentacleRetentionPeriod", QByteArray());
            w.str("SpaceId", sid).null("LastModifiedOn").null("LastModifiedBy");
            w.beginObject("Links").str("Self", "/api/" + sid + "/runbookRuns/" + id).end();
            w.end();
            Item item{id, runbook.name, w.take(), {}, created};
            item.facets[0] = runbook.facets[0];
            runs.items.append(item);
        }
    }
    std::stable_sort(runs.items.begin(), runs.items.end(),
                     [](const Item &a, const Item &b) { return a.time > b.time; });
}

// The old instance's public address as its scripts name it (the simulator cannot know the port it will
// listen on): audit them with --old-url https://octopus.acme.example, or that URL as the Domain step's old
// public URL.
const QByteArray kScriptOldServer = "https://octopus.acme.example";

void DataGenerator::generateServerScripts(const SpaceContext &space)
{
    const QByteArray &sid = space.id;
    const QByteArray key = apiKey(m_seed, 900 + space.index); // a key pasted into scripts
    auto step = [](const QByteArray &name, const QByteArray &syntax, const QByteArray &body, int n) {
        const QByteArray id = "5c0a1e2b-0000-4000-8000-" + QByteArray::number(100000000000LL + n);
        QJsonObject properties{
            {QStringLiteral("Octopus.Action.Script.ScriptBody"), QString::fromUtf8(body)},
            {QStringLiteral("Octopus.Action.Script.Syntax"), QString::fromUtf8(syntax)},
            {QStringLiteral("Octopus.Action.Script.ScriptSource"), QStringLiteral("Inline")},
            {QStringLiteral("Octopus.Action.RunOnServer"), QStringLiteral("true")}};
        QJsonObject action{{QStringLiteral("Id"), QString::fromLatin1(id)},
                           {QStringLiteral("Name"), QString::fromUtf8(name)},
                           {QStringLiteral("ActionType"), QStringLiteral("Octopus.Script")},
                           {QStringLiteral("IsDisabled"), false},
                           {QStringLiteral("Properties"), properties},
                           {QStringLiteral("Packages"), QJsonArray()}};
        return QJsonObject{{QStringLiteral("Id"), QString(QString::fromLatin1(id) + QStringLiteral("-step"))},
                           {QStringLiteral("Name"), QString::fromUtf8(name)},
                           {QStringLiteral("Condition"), QStringLiteral("Success")},
                           {QStringLiteral("StartTrigger"), QStringLiteral("StartAfterPrevious")},
                           {QStringLiteral("Properties"), QJsonObject()},
                           {QStringLiteral("Actions"), QJsonArray{action}}};
    };
    auto rewrite = [](Item &item, const std::function<void(QJsonObject &)> &edit) {
        QJsonObject o = QJsonDocument::fromJson(item.json).object();
        edit(o);
        item.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    };

    // Deployment processes: every third project notifies, with one of three scripts.
    Collection &processes = m_store.collection(sid, "deploymentprocesses");
    for (int i = 0; i < processes.items.size(); ++i) {
        Item &process = processes.items[i];
        if (i % 3 != 0)
            continue;
        const QByteArray projectName = process.name;
        QByteArray body;
        QByteArray syntax = "PowerShell";
        switch ((i / 3) % 3) {
        case 0:
            body = "$server = \"" + kScriptOldServer + "\"\n$headers = @{ \"X-Octopus-ApiKey\" = \"" + key +
                   "\" }\nInvoke-RestMethod -Uri \"$server/api/" + sid +
                   "/deployments?take=1\" -Headers $headers\n";
            break;
        case 1:
            syntax = "Bash";
            body = "octo create-release --project \"" + projectName + "\" --server " + kScriptOldServer +
                   " --apiKey \"$OCTOPUS_API_KEY\"\n";
            break;
        default:
            body =
                "$projects = Invoke-RestMethod \"#{Octopus.Web.ServerUri}/api/projects/all\" -Headers @{ "
                "\"X-Octopus-ApiKey\" = \"#{Notify.ApiKey}\" }\nWrite-Host \"$($projects.Count) projects\"\n";
            break;
        }
        rewrite(process, [&](QJsonObject &o) {
            QJsonArray steps = o.value(QStringLiteral("Steps")).toArray();
            if (i == 0 && !steps.isEmpty()) { // a post-deploy script on the package step
                QJsonObject first = steps.at(0).toObject();
                QJsonArray actions = first.value(QStringLiteral("Actions")).toArray();
                QJsonObject action = actions.at(0).toObject();
                QJsonObject properties = action.value(QStringLiteral("Properties")).toObject();
                properties.insert(QStringLiteral("Octopus.Action.CustomScripts.PostDeploy.ps1"),
                                  QStringLiteral("Write-Host \"Deployed. Dashboard: %1/app#/%2\"")
                                      .arg(QString::fromLatin1(kScriptOldServer), QString::fromLatin1(sid)));
                action.insert(QStringLiteral("Properties"), properties);
                actions.replace(0, action);
                first.insert(QStringLiteral("Actions"), actions);
                steps.replace(0, first);
            }
            steps.append(step("Notify", syntax, body, space.index * 1000 + i));
            o.insert(QStringLiteral("Steps"), steps);
        });
    }

    // Every fourth project (from the third) runs one of the space's step templates: the action carries the
    // template's type, properties and script, and Octopus.Action.Template.Id and .Version name the template
    // (as the portal writes them when a template is added to a process).
    const QList<Item> templates = m_store.collection(sid, "actiontemplates").items;
    for (int i = 2; !templates.isEmpty() && i < processes.items.size(); i += 4) {
        const Item &t = templates.at((i / 4) % templates.size());
        const QJsonObject templateJson = QJsonDocument::fromJson(t.json).object();
        QJsonObject properties = templateJson.value(QStringLiteral("Properties")).toObject();
        properties.insert(QStringLiteral("Octopus.Action.Template.Id"), QString::fromLatin1(t.id));
        properties.insert(QStringLiteral("Octopus.Action.Template.Version"),
                          QString::number(templateJson.value(QStringLiteral("Version")).toInt()));
        QJsonObject templateStep = step(t.name, properties.value(QStringLiteral("Octopus.Action.Script.Syntax"))
                                                    .toString()
                                                    .toUtf8(),
                                        properties.value(QStringLiteral("Octopus.Action.Script.ScriptBody"))
                                            .toString()
                                            .toUtf8(),
                                        500000 + space.index * 1000 + i);
        QJsonArray actions = templateStep.value(QStringLiteral("Actions")).toArray();
        QJsonObject action = actions.at(0).toObject();
        action.insert(QStringLiteral("ActionType"), templateJson.value(QStringLiteral("ActionType")));
        action.insert(QStringLiteral("Properties"), properties);
        actions.replace(0, action);
        templateStep.insert(QStringLiteral("Actions"), actions);
        rewrite(processes.items[i], [&](QJsonObject &o) {
            QJsonArray steps = o.value(QStringLiteral("Steps")).toArray();
            steps.append(templateStep);
            o.insert(QStringLiteral("Steps"), steps);
        });
    }

    // The last project of the default space keeps its process in Git (config-as-code).
    Collection &projects = m_store.collection(sid, "projects");
    if (space.index == 0 && projects.items.size() > 1) {
        Item &project = projects.items.last();
        rewrite(project, [&](QJsonObject &o) {
            o.insert(QStringLiteral("IsVersionControlled"), true);
            o.insert(
                QStringLiteral("PersistenceSettings"),
                QJsonObject{{QStringLiteral("Type"), QStringLiteral("VersionControlled")},
                            {QStringLiteral("Url"), QStringLiteral("https://git.acme.example/acme/%1.git")
                                                        .arg(o.value(QStringLiteral("Slug")).toString())},
                            {QStringLiteral("DefaultBranch"), QStringLiteral("main")},
                            {QStringLiteral("BasePath"), QStringLiteral(".octopus")},
                            {QStringLiteral("Credentials"),
                             QJsonObject{{QStringLiteral("Type"), QStringLiteral("Anonymous")}}}});
            QJsonObject links = o.value(QStringLiteral("Links")).toObject();
            links.insert(QStringLiteral("DeploymentProcess"),
                         QStringLiteral("/api/%1/projects/%2/{gitRef}/deploymentprocesses")
                             .arg(QString::fromLatin1(sid), QString::fromLatin1(project.id)));
            o.insert(QStringLiteral("Links"), links);
        });
        project.facets[1] = "VersionControlled";
    }

    // Runbook processes, one per runbook.
    const Collection &runbooks = m_store.collection(sid, "runbooks");
    Collection &runbookProcesses = m_store.collection(sid, "runbookprocesses");
    for (int r = 0; r < runbooks.items.size(); ++r) {
        const Item &runbook = runbooks.items.at(r);
        const QByteArray processId = "RunbookProcess-" + runbook.id;
        QByteArray body;
        QByteArray syntax = "Bash";
        if (runbook.name == "Restart service")
            body = "systemctl restart acme-app\ncurl -fsS -H \"X-Octopus-ApiKey: " + key + "\" " +
                   kScriptOldServer + "/api/" + sid + "/machines/all > /dev/null\n";
        else if (runbook.name == "Database backup")
            body = "octo run-runbook --project \"#{Octopus.Project.Name}\" --runbook \"Database backup\" "
                   "--environment Production --server=" +
                   kScriptOldServer + "\n";
        else if (r % 2 == 0)
            body = "logrotate -f /etc/logrotate.d/acme-app\nOcto.exe run-runbook --project "
                   "\"#{Octopus.Project.Name}\" "
                   "--runbook \"Restart service\" --server=" +
                   kScriptOldServer + "\n";
        else
            body = "logrotate -f /etc/logrotate.d/acme-app\n";
        QJsonObject o{{QStringLiteral("Id"), QString::fromLatin1(processId)},
                      {QStringLiteral("RunbookId"), QString::fromLatin1(runbook.id)},
                      {QStringLiteral("ProjectId"), QString::fromLatin1(runbook.facets[0])},
                      {QStringLiteral("SpaceId"), QString::fromLatin1(sid)},
                      {QStringLiteral("Version"), 1},
                      {QStringLiteral("LastSnapshotId"), QJsonValue::Null},
                      {QStringLiteral("Steps"),
                       QJsonArray{step(runbook.name, syntax, body, 500000 + space.index * 1000 + r)}},
                      {QStringLiteral("Links"),
                       QJsonObject{{QStringLiteral("Self"),
                                    QStringLiteral("/api/%1/runbookProcesses/%2")
                                        .arg(QString::fromLatin1(sid), QString::fromLatin1(processId))}}}};
        Item item{processId, runbook.name, QJsonDocument(o).toJson(QJsonDocument::Compact), {}, 0};
        item.facets[0] = runbook.facets[0];
        runbookProcesses.items.append(item);
    }

    // A step template that checks the old server's health with a key in a parameter.
    for (Item &t : m_store.collection(sid, "actiontemplates").items) {
        if (t.name != "Run smoke tests")
            continue;
        rewrite(t, [&](QJsonObject &o) {
            QJsonObject properties = o.value(QStringLiteral("Properties")).toObject();
            properties.insert(
                QStringLiteral("Octopus.Action.Script.ScriptBody"),
                QStringLiteral("curl -fsS https://#{Host}/health\n"
                               "curl -fsS -H \"X-Octopus-ApiKey: #{ApiKey}\" %1/api/serverstatus/health\n")
                    .arg(QString::fromLatin1(kScriptOldServer)));
            o.insert(QStringLiteral("Properties"), properties);
        });
    }

    // Script modules: their bodies are variables of the set.
    Collection &variables = m_store.collection(sid, "variables");
    for (const Item &set : m_store.collection(sid, "libraryvariablesets").items) {
        if (set.facets[0] != "ScriptModule")
            continue;
        const QString name = QString::fromUtf8(set.name).remove(QStringLiteral(" (script module)"));
        const bool helpers = name.startsWith(QLatin1String("Deploy"));
        const QString body =
            helpers ? QStringLiteral("function Get-AcmeRelease([string] $project) {\n"
                                     "    $headers = @{ \"X-Octopus-ApiKey\" = \"%1\" }\n"
                                     "    Invoke-RestMethod -Uri \"%2/api/%3/projects/$project/releases\" "
                                     "-Headers $headers\n"
                                     "}\n")
                          .arg(QString::fromLatin1(key), QString::fromLatin1(kScriptOldServer),
                               QString::fromLatin1(sid))
                    : QStringLiteral("function Write-AcmeLog([string] $message) {\n"
                                     "    Write-Host \"[$(Get-Date -Format o)] $message\"\n}\n");
        const QString variableSetId = QStringLiteral("variableset-") + QString::fromLatin1(set.id);
        auto variable = [](const QString &id, const QString &vname, const QString &value) {
            return QJsonObject{{QStringLiteral("Id"), id},
                               {QStringLiteral("Name"), vname},
                               {QStringLiteral("Value"), value},
                               {QStringLiteral("Description"), QJsonValue::Null},
                               {QStringLiteral("Scope"), QJsonObject()},
                               {QStringLiteral("IsEditable"), true},
                               {QStringLiteral("Prompt"), QJsonValue::Null},
                               {QStringLiteral("Type"), QStringLiteral("String")},
                               {QStringLiteral("IsSensitive"), false}};
        };
        QJsonObject o{
            {QStringLiteral("Id"), variableSetId},
            {QStringLiteral("OwnerId"), QString::fromLatin1(set.id)},
            {QStringLiteral("Version"), 1},
            {QStringLiteral("Variables"),
             QJsonArray{variable(variableSetId + QStringLiteral("-1"),
                                 QStringLiteral("Octopus.Script.Module[%1]").arg(name), body),
                        variable(variableSetId + QStringLiteral("-2"),
                                 QStringLiteral("Octopus.Script.Module.Language[%1]").arg(name),
                                 QStringLiteral("PowerShell"))}},
            {QStringLiteral("ScopeValues"), QJsonObject()},
            {QStringLiteral("SpaceId"), QString::fromLatin1(sid)},
            {QStringLiteral("Links"),
             QJsonObject{
                 {QStringLiteral("Self"),
                  QStringLiteral("/api/%1/variables/%2").arg(QString::fromLatin1(sid), variableSetId)}}}};
        variables.items.append(
            {variableSetId.toLatin1(), set.name, QJsonDocument(o).toJson(QJsonDocument::Compact), {}, 0});
    }

    // The first project's variables name the old server.
    if (!projects.items.isEmpty()) {
        const QByteArray variableSetId = "variableset-" + projects.items.first().id;
        QJsonObject o =
            QJsonDocument::fromJson(ResourceWriter::variableSetJson(m_store, sid, variableSetId)).object();
        QJsonArray list = o.value(QStringLiteral("Variables")).toArray();
        list.append(QJsonObject{
            {QStringLiteral("Id"), QStringLiteral("%1-old-server").arg(QString::fromLatin1(variableSetId))},
            {QStringLiteral("Name"), QStringLiteral("Octopus.Server.Url")},
            {QStringLiteral("Value"), QString::fromLatin1(kScriptOldServer)},
            {QStringLiteral("Description"), QString()},
            {QStringLiteral("Scope"), QJsonObject()},
            {QStringLiteral("IsEditable"), true},
            {QStringLiteral("Prompt"), QJsonValue::Null},
            {QStringLiteral("Type"), QStringLiteral("String")},
            {QStringLiteral("IsSensitive"), false}});
        o.insert(QStringLiteral("Variables"), list);
        variables.items.append({variableSetId,
                                projects.items.first().name,
                                QJsonDocument(o).toJson(QJsonDocument::Compact),
                                {},
                                0});
    }
}

void DataGenerator::generateInfrastructure(SpaceContext &space, Random &random)
{
    const ScaleParameters p = parameters(m_scale);
    const QByteArray &sid = space.id;
    const QByteArray lastModified = time(30 * kDay);

    // Tenants
    Collection &tenants = m_store.collection(sid, "tenants");
    const int tenantCount = perSpace(p.tenants, space.index);
    for (int i = 0; i < tenantCount; ++i) {
        const QByteArray id = nextId("Tenants");
        const QByteArray name = kTenantNames.at(i % kTenantNames.size());
        space.tenantIds.append(id);
        // ProjectEnvironments is filled once projects exist; stored now with an empty map and
        // rewritten at the end of generateProjects().
        tenants.items.append({id, name, QByteArray(), {}, 0});
    }

    // Environments
    Collection &environments = m_store.collection(sid, "environments");
    const int envCount = space.index == 0 ? 4 : (space.index % 2 ? 3 : 4);
    for (int e = 0; e < envCount; ++e) {
        const QByteArray id = nextId("Environments");
        const QByteArray name = envCount == 3 && e == 2 ? kEnvironmentNames.at(3) : kEnvironmentNames.at(e);
        space.environmentIds.append(id);
        space.environmentNames.append(name);
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", name);
        w.str("Description", name == "Production" ? QByteArray("Customer-facing production") : QByteArray());
        w.num("SortOrder", e);
        w.boolean("UseGuidedFailure", name == "Production");
        w.boolean("AllowDynamicInfrastructure", name != "Production");
        w.str("SpaceId", sid);
        w.emptyArray("ExtensionSettings");
        w.str("LastModifiedBy", "admin").str("LastModifiedOn", lastModified);
        w.beginObject("Links");
        w.str("Self", "/api/" + sid + "/environments/" + id);
        w.str("Machines", "/api/" + sid + "/environments/" + id +
                              "/machines{?skip,take,partialName,roles,isDisabled,healthStatuses,commStyles,"
                              "tenantIds,tenantTags,shellNames}");
        w.str("SinglyScopedVariableDetails",
              "/api/" + sid + "/environments/" + id + "/singlyScopedVariableDetails");
        w.str("Metadata", "/api/" + sid + "/environments/" + id + "/metadata");
        w.str("Web", "/app#/" + sid + "/infrastructure/environments/" + id);
        w.end();
        w.end();
        environments.items.append({id, name, w.take(), {}, 0});
    }

    // Machine policy
    {
        const QByteArray id = nextId("MachinePolicies");
        space.machinePolicyId = id;
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", "Default Machine Policy").str("Description", "Default machine policy");
        w.boolean("IsDefault", true);
        w.beginObject("MachineHealthCheckPolicy");
        w.beginObject("PowerShellHealthCheckPolicy")
            .str("RunType", "InheritFromDefault")
            .null("ScriptBody")
            .end();
        w.beginObject("BashHealthCheckPolicy").str("RunType", "InheritFromDefault").null("ScriptBody").end();
        w.str("HealthCheckInterval", "01:00:00").null("HealthCheckCron").null("HealthCheckCronTimezone");
        w.str("HealthCheckType", "RunScript");
        w.end();
        w.beginObject("MachineConnectivityPolicy")
            .str("MachineConnectivityBehavior", "ExpectedToBeOnline")
            .end();
        w.beginObject("MachineCleanupPolicy").str("DeleteMachinesBehavior", "DoNotDelete");
        w.str("DeleteMachinesElapsedTimeSpan", "1.00:00:00").end();
        w.beginObject("MachineUpdatePolicy").str("CalamariUpdateBehavior", "UpdateOnDeployment");
        w.str("TentacleUpdateBehavior", "NeverUpdate").null("TentacleUpdateAccountId").end();
        w.str("PollingRequestQueueTimeout", "00:02:00");
        w.str("PollingRequestMaximumMessageProcessingTimeout", "00:10:00");
        w.str("ConnectionRetrySleepInterval", "00:00:01").num("ConnectionRetryCountLimit", 5);
        w.str("ConnectionRetryTimeLimit", "00:05:00").str("ConnectionConnectTimeout", "00:01:00");
        w.str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/machinepolicies/" + id);
        w.str("Machines", "/api/" + sid + "/machinepolicies/" + id + "/machines{?skip,take}");
        w.str("Workers", "/api/" + sid + "/machinepolicies/" + id + "/workers{?skip,take}").end();
        w.end();
        m_store.collection(sid, "machinepolicies")
            .items.append({id, "Default Machine Policy", w.take(), {}, 0});
    }

    // Worker pools
    Collection &pools = m_store.collection(sid, "workerpools");
    const QByteArrayList poolNames = {"Default Worker Pool", "Linux Workers", "Windows Workers"};
    for (int i = 0; i < poolNames.size(); ++i) {
        const QByteArray id = nextId("WorkerPools");
        space.workerPoolIds.append(id);
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", poolNames.at(i));
        w.str("Description", QByteArray()).boolean("IsDefault", i == 0).boolean("CanAddWorkers", true);
        w.num("SortOrder", i).str("WorkerPoolType", "StaticWorkerPool").str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/workerpools/" + id);
        w.str("Workers", "/api/" + sid + "/workerpools/" + id + "/workers{?skip,take}").end();
        w.end();
        pools.items.append({id, poolNames.at(i), w.take(), {}, 0});
    }

    // Deployment targets and workers
    const int targetCount = perSpace(p.targets, space.index);
    const int workerCount = perSpace(p.workers, space.index);
    Collection &machines = m_store.collection(sid, "machines");
    Collection &workers = m_store.collection(sid, "workers");
    machines.items.reserve(targetCount);
    workers.items.reserve(workerCount);
    QByteArrayList tentacleThumbprints; // hosts that carry both a target and a worker share one Tentacle
    const QByteArray domain = slugify(space.name) + ".acme.internal";
    // After the targets and workers, one more target per demo space: a Kubernetes agent polling with a
    // current chart, so every space has one whatever the rolls gave. It draws from a copy of `random`
    // (restored after it) and has an id of its own (Machines-9001, -9002, ...): nothing generated after it
    // changes. Demo scale only: --scale large keeps its documented 10,000 machines (and has agents from the
    // rolls).
    const int extraAgent = m_scale == Scale::Demo ? targetCount + workerCount : -1;
    std::optional<Random> beforeExtra;
    for (int i = 0; i < targetCount + workerCount || i == extraAgent; ++i) {
        const bool extra = i == extraAgent;
        if (extra)
            beforeExtra = random;
        const bool isWorker = !extra && i >= targetCount;
        const int roll = random.below(100);
        QByteArray style;
        // Kubernetes agents (KubernetesTentacle) take half of the Kubernetes API targets' share and a third
        // of the SSH workers' without a draw of their own: what follows them is generated as before.
        if (isWorker)
            style = roll < 35   ? "TentacleActive"
                    : roll < 85 ? "TentaclePassive"
                    : roll < 95 ? "Ssh"
                                : "KubernetesTentacle";
        else
            style = roll < 30   ? "TentacleActive"
                    : roll < 70 ? "TentaclePassive"
                    : roll < 82 ? "Ssh"
                    : roll < 88 ? "AzureWebApp"
                    : roll < 91 ? "KubernetesTentacle"
                    : roll < 94 ? "Kubernetes"
                    : roll < 97 ? "None"
                                : "OfflineDrop";
        if (extra)
            style = "KubernetesTentacle";
        const bool tentacle = style == "TentacleActive" || style == "TentaclePassive";
        const bool kubernetesAgent = style == "KubernetesTentacle";
        const QByteArray id = extra ? "Machines-" + QByteArray::number(9001 + space.index)
                                    : nextId(isWorker ? "Workers" : "Machines");
        const QByteArray env = space.environmentIds.at(random.below(int(space.environmentIds.size())));
        const QByteArray envName = space.environmentNames.at(space.environmentIds.indexOf(env));
        const QByteArray hostBase =
            isWorker ? QByteArray("worker") : kRoles.at(random.below(int(kRoles.size())));
        const QByteArray name =
            isWorker ? QByteArray("worker-" + QByteArray::number(i - targetCount + 1).rightJustified(3, '0') +
                                  '.' + domain)
                     : QByteArray(hostBase + '-' + slugify(envName).left(4) + '-' +
                                  QByteArray::number(i + 1).rightJustified(3, '0'));
        const bool windows = tentacle && (hostBase == "iis" || hostBase == "windows" ||
                                          (hostBase != "linux" && random.chance(35)));
        QByteArray thumbprint;
        if (tentacle) {
            if (isWorker && !tentacleThumbprints.isEmpty() && random.chance(8))
                thumbprint = tentacleThumbprints.at(random.below(int(tentacleThumbprints.size())));
            else
                thumbprint = random.hex(40);
            tentacleThumbprints.append(thumbprint);
        }
        const int healthRoll = random.below(100);
        QByteArray health = healthRoll < 80   ? "Healthy"
                            : healthRoll < 88 ? "HasWarnings"
                            : healthRoll < 92 ? "Unhealthy"
                            : healthRoll < 98 ? "Unavailable"
                                              : "Unknown";
        const bool disabled = random.chance(5);
        const TentacleVersion &tv = kTentacleVersions[random.below(int(std::size(kTentacleVersions)))];

        QByteArray uri;
        JsonWriter e;
        e.beginObject();
        e.str("CommunicationStyle", style);
        if (style == "TentacleActive") {
            uri = "poll://" + random.alnum(20, false) + '/';
        } else if (style == "TentaclePassive") {
            uri = "https://" + name + (isWorker ? QByteArray() : '.' + domain) + ":10933/";
        } else if (style == "Ssh") {
            const QByteArray host = isWorker ? name : name + '.' + domain;
            uri = "ssh://" + host + ":22/";
            e.str("Host", host).num("Port", 22);
            e.str("Fingerprint", "SHA256:" + random.alnum(43, false));
            e.str("AccountId", "Accounts-" + QByteArray::number(100 + space.index));
            e.str("Uri", uri).null("ProxyId").str("DotNetCorePlatform", "linux-x64");
        } else if (style == "AzureWebApp") {
            e.str("AccountId", "Accounts-" + QByteArray::number(200 + space.index));
            e.str("ResourceGroupName", "rg-" + slugify(envName)).str("WebAppName", name);
            e.null("WebAppSlotName").str("DefaultWorkerPoolId", space.workerPoolIds.first());
        } else if (style == "Kubernetes") {
            e.str("ClusterUrl", "https://aks-" + slugify(envName) + '-' + random.alnum(6, false) +
                                    ".hcp.westeurope.azmk8s.io:443");
            e.str("Namespace", slugify(space.name));
            e.beginObject("Authentication")
                .str("AccountId", "Accounts-" + QByteArray::number(300 + space.index));
            e.str("AuthenticationType", "KubernetesStandard").end();
            e.null("ClusterCertificate").boolean("SkipTlsVerification", false);
            e.str("DefaultWorkerPoolId", space.workerPoolIds.first()).null("ProxyId");
            e.beginObject("Container").null("Image").null("FeedId").end();
        } else if (kubernetesAgent) {
            // A draw sequence of its own (seeded from the space and the machine's place), so the machines
            // after it are the same as before Kubernetes agents existed.
            // The draws the Kubernetes API target (alnum 6) or the SSH worker (alnum 43) it replaces made.
            random.alnum(isWorker ? 43 : 6, false);
            Random agent(m_seed ^ (quint64(space.index + 1) << 32) ^ quint64(i + 1) * 0x9E3779B97F4A7C15ULL);
            const int versionIndex = agent.below(int(std::size(kKubernetesAgentVersions)));
            const KubernetesAgentVersion &kv = kKubernetesAgentVersions[extra ? 0 : versionIndex];
            const bool listening = agent.chance(15) && !extra;
            thumbprint = agent.hex(40);
            uri = listening ? QByteArray("https://" + name + '.' + domain + ":10933/")
                            : QByteArray("poll://" + agent.alnum(20, false) + '/');
            const QByteArray release = "octopus-agent-" + slugify(name);
            e.beginObject("TentacleEndpointConfiguration");
            e.str("CommunicationMode", listening ? "Listening" : "Polling");
            e.str("Thumbprint", thumbprint).str("Uri", uri).str("CertificateSignatureAlgorithm", "sha256RSA");
            e.end();
            e.beginObject("KubernetesAgentDetails");
            e.str("AgentVersion", kv.chart).str("TentacleVersion", kv.tentacle);
            e.str("UpgradeStatus", QByteArrayView(kv.chart) == "2.12.0" ? "NoUpgrades" : "UpgradeAvailable");
            e.str("HelmReleaseName", release).str("KubernetesNamespace", release);
            e.end();
            e.boolean("UpgradeLocked", false)
                .str("DefaultNamespace", isWorker ? QByteArray() : slugify(envName));
        } else if (style == "None") {
            e.str("DefaultWorkerPoolId", space.workerPoolIds.first());
        } else if (style == "OfflineDrop") {
            e.beginObject("Destination").str("DestinationType", "FileSystem");
            e.str("DropFolderPath", "\\\\fileserver\\drops\\" + name).end();
            e.str("ApplicationsDirectory", "C:\\Applications")
                .str("OctopusWorkingDirectory", "C:\\Octopus\\Work");
            e.beginObject("SensitiveVariablesEncryptionPassword")
                .boolean("HasValue", true)
                .null("NewValue")
                .end();
        }
        if (tentacle) {
            e.str("Uri", uri).str("Thumbprint", thumbprint);
            if (style == "TentaclePassive")
                e.null("ProxyId");
            e.beginObject("TentacleVersionDetails");
            e.str("Version", tv.version);
            e.boolean("UpgradeLocked", random.chance(5));
            e.boolean("UpgradeSuggested", QByteArrayView(tv.version) != kLatestTentacle);
            e.boolean("UpgradeRequired", tv.upgradeRequired);
            e.end();
            e.str("CertificateSignatureAlgorithm", random.chance(15) ? "sha1RSA" : "sha256RSA");
        }
        e.null("Id").null("LastModifiedBy").null("LastModifiedOn");
        e.emptyObject("Links");
        e.end();

        const bool needsUpgrade = tentacle && tv.upgradeRequired;
        const QByteArray status = disabled                  ? QByteArray("Disabled")
                                  : health == "Unavailable" ? QByteArray("Offline")
                                  : health == "Unknown"     ? QByteArray("Unknown")
                                  : needsUpgrade            ? QByteArray("NeedsUpgrade")
                                                            : QByteArray("Online");
        const QByteArray summary =
            health == "Healthy"
                ? QByteArray(
                      "Octopus was able to successfully establish a connection with this machine on ") +
                      ResourceWriter::isoTime(m_anchor - random.between(1, 60) * 60000LL).left(10)
            : health == "HasWarnings"
                ? QByteArray("The machine is online but has warnings, see the health check log")
            : health == "Unhealthy" ? QByteArray("The health check script failed")
            : health == "Unavailable"
                ? QByteArray("The machine was offline at the last health check")
                : QByteArray("This machine was recently added. Please perform a health check.");
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", name).str("Slug", slugify(name)).str("SpaceId", sid);
        if (isWorker) {
            QByteArrayList poolIds = {space.workerPoolIds.at(windows ? 2 : 1)};
            if (random.chance(30))
                poolIds.prepend(space.workerPoolIds.first());
            w.strList("WorkerPoolIds", poolIds);
        } else {
            w.strList("EnvironmentIds", {env});
            QByteArrayList roles = {hostBase};
            if (random.chance(40))
                roles.append(kRoles.at(random.below(int(kRoles.size()))));
            if (roles.size() == 2 && roles.at(0) == roles.at(1))
                roles.removeLast();
            w.strList("Roles", roles);
            const bool tenanted = !space.tenantIds.isEmpty() && random.chance(20);
            w.strList("TenantIds",
                      tenanted ? QByteArrayList{space.tenantIds.at(random.below(int(space.tenantIds.size())))}
                               : QByteArrayList{});
            w.emptyArray("TenantTags");
            w.str("TenantedDeploymentParticipation", tenanted ? "TenantedOrUntenanted" : "Untenanted");
        }
        w.str("MachinePolicyId", space.machinePolicyId);
        w.boolean("IsDisabled", disabled);
        w.str("HealthStatus", health).str("Status", status).str("StatusSummary", summary);
        w.boolean("HasLatestCalamari", random.chance(85)).boolean("IsInProcess", false);
        // A machine never health-checked (HealthStatus Unknown) has told the server nothing about itself.
        if (kubernetesAgent && health != "Unknown") {
            w.str("OperatingSystem", "Linux").str("ShellName", "Bash").str("ShellVersion", "5.2.15");
            w.str("Architecture", "x64");
        } else if ((tentacle || style == "Ssh") && health != "Unknown") {
            w.str("OperatingSystem", windows ? "Microsoft Windows Server 2019 Datacenter" : "Linux");
            w.str("ShellName", windows ? "PowerShell" : "Bash");
            w.str("ShellVersion", windows ? "5.1.17763.5576" : "5.1.16");
            w.str("Architecture", "x64");
        } else {
            w.str("OperatingSystem", "Unknown").str("ShellName", "Unknown").str("ShellVersion", "Unknown");
            w.str("Architecture", "Unknown");
        }
        w.strOrNull("Thumbprint", thumbprint);
        w.strOrNull("Uri", uri);
        w.boolean("SkipInitialHealthCheck", false);
        w.raw("Endpoint", e.take());
        w.str("LastModifiedBy", "admin").str("LastModifiedOn", time(random.between(1, 200) * kDay));
        const QByteArray base = "/api/" + sid + (isWorker ? "/workers/" : "/machines/") + id;
        w.beginObject("Links");
        w.str("Self", base).str("Connection", base + "/connection");
        w.str("TasksTemplate", base + "/tasks{?skip,take,type}");
        w.str("Web", "/app#/" + sid + "/infrastructure/" + (isWorker ? "workers/" : "machines/") + id);
        w.end();
        w.end();

        Item item;
        item.id = id;
        item.name = name;
        item.json = w.take();
        item.facets[0] = thumbprint;
        item.facets[1] = style;
        item.facets[2] = health;
        item.facets[3] = disabled ? "true" : "false";
        (isWorker ? workers : machines).items.append(item);
        if (!isWorker && !extra) { // the events pick from this list: the extra agent stays out of it
            space.machineIds.append(id);
            space.machineNames.append(name);
        }
        if (extra)
            random = *beforeExtra;
    }
}

void DataGenerator::generateLibrary(SpaceContext &space, Random &random)
{
    const ScaleParameters p = parameters(m_scale);
    const QByteArray &sid = space.id;

    // Lifecycle
    {
        const QByteArray id = nextId("Lifecycles");
        space.lifecycleId = id;
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", "Default Lifecycle").str("Description", QByteArray()).str("SpaceId", sid);
        w.beginArray("Phases");
        for (int i = 0; i < space.environmentIds.size(); ++i) {
            w.beginObject().str("Id", random.guid()).str("Name", space.environmentNames.at(i));
            w.strList("AutomaticDeploymentTargets",
                      i == 0 ? QByteArrayList{space.environmentIds.at(i)} : QByteArrayList{});
            w.strList("OptionalDeploymentTargets",
                      i == 0 ? QByteArrayList{} : QByteArrayList{space.environmentIds.at(i)});
            w.num("MinimumEnvironmentsBeforePromotion", 0)
                .boolean("IsOptionalPhase", false)
                .null("ReleaseRetentionPolicy");
            w.null("TentacleRetentionPolicy").end();
        }
        w.end();
        w.beginObject("ReleaseRetentionPolicy")
            .str("Unit", "Days")
            .num("QuantityToKeep", 30)
            .boolean("ShouldKeepForever", false)
            .end();
        w.beginObject("TentacleRetentionPolicy")
            .str("Unit", "Items")
            .num("QuantityToKeep", 3)
            .boolean("ShouldKeepForever", false)
            .end();
        w.beginObject("Links").str("Self", "/api/" + sid + "/lifecycles/" + id).end();
        w.end();
        m_store.collection(sid, "lifecycles").items.append({id, "Default Lifecycle", w.take(), {}, 0});
    }

    // Project groups
    Collection &groups = m_store.collection(sid, "projectgroups");
    const QByteArrayList groupNames = {"Default Project Group", "Customer Facing", "Back Office",
                                       "Shared Services"};
    const int groupCount = m_scale == Scale::Large ? 4 : 2 + space.index % 3;
    for (int i = 0; i < groupCount; ++i) {
        const QByteArray id = nextId("ProjectGroups");
        space.projectGroupIds.append(id);
        JsonWriter w;
        w.beginObject();
        w.str("Id", id)
            .str("Name", groupNames.at(i))
            .str("Description", QByteArray())
            .emptyArray("EnvironmentIds");
        w.null("RetentionPolicyId").str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/projectgroups/" + id);
        w.str("Projects", "/api/" + sid + "/projectgroups/" + id + "/projects{?skip,take}").end();
        w.end();
        groups.items.append({id, groupNames.at(i), w.take(), {}, 0});
    }

    // Feeds
    Collection &feeds = m_store.collection(sid, "feeds");
    struct FeedSeed
    {
        const char *type;
        const char *name;
        const char *uri;
    };
    const FeedSeed feedSeeds[] = {
        {"BuiltIn", "Octopus Server (built-in)", nullptr},
        {"NuGet", "nuget.org", "https://api.nuget.org/v3/index.json"},
        {"Docker", "Docker Hub", "https://index.docker.io"},
        {"Maven", "Maven Central", "https://repo.maven.apache.org/maven2/"},
        {"GitHub", "GitHub Releases", "https://api.github.com"},
        {"Helm", "Bitnami Helm", "https://charts.bitnami.com/bitnami"},
        {"NuGet", "Artifactory NuGet", "https://artifactory.acme.internal/api/nuget/v3/nuget-local"}};
    const int feedCount = space.index == 0 ? int(std::size(feedSeeds)) : 3 + space.index % 3;
    for (int i = 0; i < feedCount; ++i) {
        const FeedSeed &f = feedSeeds[i];
        const QByteArray id = (i == 0 && space.index == 0) ? QByteArray("feeds-builtin") : nextId("Feeds");
        if (i == 0)
            space.builtInFeedId = id;
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", f.name).str("FeedType", f.type);
        w.beginArray("PackageAcquisitionLocationOptions")
            .str(nullptr, "Server")
            .str(nullptr, "ExecutionTarget")
            .end();
        if (f.uri) {
            w.str("FeedUri", f.uri);
            w.null("Username");
            w.beginObject("Password")
                .boolean("HasValue", QByteArrayView(f.name).startsWith("Artifactory"))
                .null("NewValue")
                .end();
        } else {
            w.boolean("IsBuiltInRepoSyncEnabled", false).num("DeletePackagesAssociatedWithReleases", 0);
            w.null("DeleteUnreleasedPackagesAfterDays");
        }
        w.str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/feeds/" + id);
        w.str("SearchPackagesTemplate", "/api/" + sid + "/feeds/" + id + "/packages/search{?term,skip,take}")
            .end();
        w.end();
        Item item{id, f.name, w.take(), {}, 0};
        item.facets[0] = f.type;
        feeds.items.append(item);
    }

    // Library variable sets and script modules
    Collection &sets = m_store.collection(sid, "libraryvariablesets");
    const QByteArrayList setNames = {
        "Common Settings",   "Database Connections",           "Notifications",
        "Azure Credentials", "Deploy Helpers (script module)", "Logging (script module)"};
    const int setCount = space.index == 0 ? int(setNames.size()) : 2 + space.index % 4;
    for (int i = 0; i < setCount; ++i) {
        const QByteArray id = nextId("LibraryVariableSets");
        const bool module = setNames.at(i).contains("script module");
        space.libraryVariableSetIds.append(id);
        const QByteArray variableSetId = "variableset-" + id;
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", setNames.at(i)).str("Description", QByteArray());
        w.str("VariableSetId", variableSetId).str("ContentType", module ? "ScriptModule" : "Variables");
        w.emptyArray("Templates").str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/libraryvariablesets/" + id);
        w.str("Variables", "/api/" + sid + "/variables/" + variableSetId).end();
        w.end();
        Item item{id, setNames.at(i), w.take(), {}, 0};
        item.facets[0] = module ? "ScriptModule" : "Variables";
        sets.items.append(item);
    }

    // Accounts the targets use (SSH key pair, Azure service principal, Kubernetes token); their ids are the
    // ones the machine endpoints name.
    Collection &accounts = m_store.collection(sid, "accounts");
    const struct
    {
        int base;
        const char *type;
        const char *name;
    } accountSeeds[] = {{100, "SshKeyPair", "Linux deploy key"},
                        {200, "AzureServicePrincipal", "Azure deployment service principal"},
                        {300, "Token", "Kubernetes deploy token"}};
    for (const auto &a : accountSeeds) {
        const QByteArray id = "Accounts-" + QByteArray::number(a.base + space.index);
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", a.name).str("Description", QByteArray()).str("AccountType", a.type);
        w.emptyArray("EnvironmentIds").emptyArray("TenantIds").emptyArray("TenantTags");
        w.str("TenantedDeploymentParticipation", "Untenanted").str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/accounts/" + id);
        w.str("Usages", "/api/" + sid + "/accounts/" + id + "/usages").end();
        w.end();
        Item item{id, a.name, w.take(), {}, 0};
        item.facets[0] = a.type;
        accounts.items.append(item);
    }

    // Step templates
    Collection &templates = m_store.collection(sid, "actiontemplates");
    struct TemplateSeed
    {
        const char *name;
        const char *actionType;
        const char *community;
        const char *script;
    };
    const TemplateSeed templateSeeds[] = {
        {"HTTP - Test URL", "Octopus.Script", "CommunityActionTemplates-82",
         "$uri = $OctopusParameters['Url']\nInvoke-WebRequest -Uri $uri -UseBasicParsing"},
        {"Slack - Send Simple Notification", "Octopus.Script", "CommunityActionTemplates-116",
         "Invoke-RestMethod -Method POST -Body $payload -Uri $OctopusParameters['HookUrl']"},
        {"Upgrade To Latest Tentacle", "Octopus.Script", nullptr,
         "Write-Host \"Upgrading Tentacles via #{Octopus.Web.ServerUri}/api\""},
        {"SQL - Execute Script", "Octopus.Script", "CommunityActionTemplates-204",
         "Invoke-Sqlcmd -ServerInstance $server -Query $sql"},
        {"Run smoke tests", "Octopus.Script", nullptr, "curl -fsS https://#{Host}/health"},
    };
    const int templateCount = space.index == 0 ? int(std::size(templateSeeds)) : 1 + space.index % 4;
    for (int i = 0; i < templateCount; ++i) {
        const TemplateSeed &t = templateSeeds[i];
        const QByteArray id = nextId("ActionTemplates");
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", t.name).str("Description", QByteArray("Step template: ") + t.name);
        w.str("ActionType", t.actionType).num("Version", random.between(1, 12));
        w.strOrNull("CommunityActionTemplateId", t.community);
        w.emptyArray("Packages");
        w.beginArray("Parameters");
        w.beginObject()
            .str("Id", random.guid())
            .str("Name", "Url")
            .str("Label", "URL")
            .str("HelpText", QByteArray());
        w.str("DefaultValue", QByteArray())
            .beginObject("DisplaySettings")
            .str("Octopus.ControlType", "SingleLineText")
            .end()
            .end();
        w.end();
        w.beginObject("Properties");
        w.str("Octopus.Action.Script.ScriptBody", t.script);
        w.str("Octopus.Action.Script.Syntax",
              QByteArrayView(t.script).startsWith("curl") ? "Bash" : "PowerShell");
        w.str("Octopus.Action.Script.ScriptSource", "Inline");
        w.end();
        w.str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/actiontemplates/" + id);
        w.str("Usage", "/api/" + sid + "/actiontemplates/" + id + "/usage").end();
        w.end();
        templates.items.append({id, t.name, w.take(), {}, 0});
    }
}

void DataGenerator::generateProjects(SpaceContext &space, Random &random)
{
    const ScaleParameters p = parameters(m_scale);
    const QByteArray &sid = space.id;
    const int projectCount = perSpace(p.projects, space.index);
    Collection &projects = m_store.collection(sid, "projects");
    Collection &processes = m_store.collection(sid, "deploymentprocesses");
    Collection &channels = m_store.collection(sid, "channels");
    Collection &releases = m_store.collection(sid, "releases");
    Collection &deployments = m_store.collection(sid, "deployments");
    Collection &runbooks = m_store.collection(sid, "runbooks");
    Collection &triggers = m_store.collection(sid, "projecttriggers");
    Collection &dashboard = m_store.collection(sid, "dashboarditems");
    Collection &tasks = m_store.collection("", "tasks");

    for (int i = 0; i < projectCount; ++i) {
        ProjectInfo project;
        project.id = nextId("Projects");
        const QByteArray word = kProjectWords.at((i + space.index * 3) % kProjectWords.size());
        const QByteArray suffix =
            kProjectSuffixes.at((i / kProjectWords.size() + i) % kProjectSuffixes.size());
        project.name = word + ' ' + suffix +
                       (i >= kProjectWords.size() * kProjectSuffixes.size() / 2 ? ' ' + QByteArray::number(i)
                                                                                : QByteArray());
        project.slug = slugify(project.name);
        project.packageId = "Acme." + word + '.' + suffix;
        project.channelId = nextId("Channels");
        project.environmentIds = space.environmentIds;
        const QByteArray processId = "deploymentprocess-" + project.id;
        const QByteArray variableSetId = "variableset-" + project.id;
        const QByteArray groupId = space.projectGroupIds.at(random.below(int(space.projectGroupIds.size())));
        const bool tenanted = !space.tenantIds.isEmpty() && random.chance(30);
        const bool disabled = random.chance(4);
        const QByteArray pbase = "/api/" + sid + "/projects/" + project.id;

        // Deployment process
        const int stepCount = random.between(1, 4);
        {
            JsonWriter w;
            w.beginObject();
            w.str("Id", processId).str("SpaceId", sid).str("ProjectId", project.id);
            w.num("Version", random.between(1, 40)).null("LastSnapshotId");
            w.beginArray("Steps");
            for (int s = 0; s < stepCount; ++s) {
                const int kind = s == 0 ? 0 : random.below(3);
                const QByteArray stepName = kind == 0   ? QByteArray("Deploy ") + project.packageId
                                            : kind == 1 ? QByteArray("Run smoke tests")
                                                        : QByteArray("Notify Slack");
                w.beginObject();
                w.str("Id", random.guid()).str("Name", stepName);
                w.str("PackageRequirement", "LetOctopusDecide").str("Condition", "Success");
                w.str("StartTrigger", "StartAfterPrevious");
                w.beginObject("Properties")
                    .str("Octopus.Action.TargetRoles", kRoles.at(random.below(4)))
                    .end();
                w.beginArray("Actions").beginObject();
                w.str("Id", random.guid()).str("Name", stepName);
                // The package step of most projects deploys a plain package; some deploy an IIS web site
                // or a Windows Service (by project index, so the random sequence is unchanged).
                const QByteArray packageStepType = i % 7 == 3   ? QByteArray("Octopus.IIS")
                                                   : i % 7 == 5 ? QByteArray("Octopus.WindowsService")
                                                                : QByteArray("Octopus.TentaclePackage");
                w.str("ActionType", kind == 0 ? packageStepType : QByteArray("Octopus.Script"));
                w.str("Notes", QByteArray()).boolean("IsDisabled", false).boolean("IsRequired", false);
                w.null("WorkerPoolId").null("WorkerPoolVariable");
                w.beginObject("Container").null("Image").null("FeedId").end();
                w.boolean("CanBeUsedForProjectVersioning", kind == 0);
                w.emptyArray("Environments").emptyArray("ExcludedEnvironments").emptyArray("Channels");
                w.emptyArray("TenantTags").str("Condition", "Success");
                w.beginArray("Packages");
                if (kind == 0) {
                    w.beginObject()
                        .str("Id", random.guid())
                        .str("Name", QByteArray())
                        .str("PackageId", project.packageId);
                    w.str("FeedId", space.builtInFeedId)
                        .str("AcquisitionLocation", "Server")
                        .emptyObject("Properties")
                        .end();
                }
                w.end();
                w.beginObject("Properties");
                if (kind == 0) {
                    w.str("Octopus.Action.Package.PackageId", project.packageId);
                    w.str("Octopus.Action.Package.FeedId", space.builtInFeedId);
                    if (packageStepType == "Octopus.IIS") {
                        w.str("Octopus.Action.IISWebSite.DeploymentType", "webSite");
                        w.str("Octopus.Action.IISWebSite.WebSiteName", project.name);
                        w.str("Octopus.Action.EnabledFeatures",
                              "Octopus.Features.IISWebSite,Octopus.Features.ConfigurationTransforms");
                    } else if (packageStepType == "Octopus.WindowsService") {
                        w.str("Octopus.Action.WindowsService.ServiceName", project.slug);
                        w.str("Octopus.Action.WindowsService.StartMode", "auto");
                        w.str("Octopus.Action.EnabledFeatures",
                              "Octopus.Features.WindowsService,Octopus.Features.ConfigurationTransforms");
                    } else {
                        w.str("Octopus.Action.EnabledFeatures", "Octopus.Features.ConfigurationTransforms");
                    }
                } else if (kind == 1) {
                    w.str("Octopus.Action.Script.ScriptBody", "curl -fsS https://#{Host}/health || exit 1");
                    w.str("Octopus.Action.Script.Syntax", "Bash")
                        .str("Octopus.Action.Script.ScriptSource", "Inline");
                } else {
                    w.str("Octopus.Action.Script.ScriptBody",
                          "Invoke-RestMethod -Uri '#{SlackHookUrl}' -Method Post -Body \"Deployed "
                          "#{Octopus.Project.Name} to #{Octopus.Environment.Name}: "
                          "#{Octopus.Web.ServerUri}#{Octopus.Web.DeploymentLink}\"");
                    w.str("Octopus.Action.Script.Syntax", "PowerShell")
                        .str("Octopus.Action.Script.ScriptSource", "Inline");
                }
                w.end();
                w.beginObject("Links").end();
                w.end().end(); // action, actions
                w.end();       // step
            }
            w.end();
            w.beginObject("Links").str("Self", "/api/" + sid + "/deploymentprocesses/" + processId);
            w.str("Project", pbase)
                .str("Template",
                     "/api/" + sid + "/deploymentprocesses/" + processId + "/template{?channel,releaseId}")
                .end();
            w.end();
            Item item{processId, project.name, w.take(), {}, 0};
            item.facets[0] = project.id;
            processes.items.append(item);
        }

        // Project
        {
            JsonWriter w;
            w.beginObject();
            w.str("Id", project.id).str("Name", project.name).str("Slug", project.slug);
            w.str("Description", "The " + project.name + " application").str("SpaceId", sid);
            w.str("ProjectGroupId", groupId).str("LifecycleId", space.lifecycleId);
            w.boolean("IsDisabled", disabled).boolean("IsVersionControlled", false);
            w.beginObject("PersistenceSettings").str("Type", "Database").end();
            w.str("DeploymentProcessId", processId).str("VariableSetId", variableSetId);
            QByteArrayList included;
            for (const QByteArray &setId : space.libraryVariableSetIds) {
                if (random.chance(40))
                    included.append(setId);
            }
            w.strList("IncludedLibraryVariableSetIds", included);
            w.boolean("DefaultToSkipIfAlreadyInstalled", false);
            w.str("TenantedDeploymentMode", tenanted ? "TenantedOrUntenanted" : "Untenanted");
            w.str("DefaultGuidedFailureMode", "EnvironmentDefault");
            w.beginObject("VersioningStrategy")
                .null("DonorPackage")
                .str("Template",
                     "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}")
                .end();
            w.beginObject("ReleaseCreationStrategy").null("ChannelId").null("ReleaseCreationPackage").end();
            w.emptyArray("Templates");
            w.boolean("AutoCreateRelease", false).boolean("DiscreteChannelRelease", false);
            w.null("ReleaseNotesTemplate").null("DeploymentChangesTemplate").null("ClonedFromProjectId");
            w.emptyArray("AutoDeployReleaseOverrides").emptyArray("ExtensionSettings");
            w.beginObject("ProjectConnectivityPolicy")
                .str("SkipMachineBehavior", "None")
                .emptyArray("TargetRoles");
            w.boolean("AllowDeploymentsToNoTargets", false).boolean("ExcludeUnhealthyTargets", false).end();
            w.str("LastModifiedBy", "admin").str("LastModifiedOn", time(random.between(1, 300) * kDay));
            w.beginObject("Links");
            w.str("Self", pbase).str("Releases", pbase + "/releases{/version}{?skip,take,searchByVersion}");
            w.str("Channels", pbase + "/channels{/id}{?skip,take,partialName}");
            w.str("Triggers",
                  pbase +
                      "/triggers{?skip,take,partialName,triggerActionType,triggerActionCategory,runbook}");
            w.str("DeploymentProcess", "/api/" + sid + "/deploymentprocesses/" + processId);
            w.str("Variables", "/api/" + sid + "/variables/" + variableSetId);
            w.str("Runbooks", pbase + "/runbooks{?skip,take,partialName}");
            w.str("Web", "/app#/" + sid + "/projects/" + project.id);
            w.end();
            w.end();
            projects.items.append({project.id, project.name, w.take(), {}, 0});
        }

        // Channel
        {
            JsonWriter w;
            w.beginObject();
            w.str("Id", project.channelId).str("Name", "Default").str("Description", QByteArray());
            w.str("ProjectId", project.id).null("LifecycleId").boolean("IsDefault", true).emptyArray("Rules");
            w.emptyArray("TenantTags").str("SpaceId", sid);
            w.beginObject("Links").str("Self", "/api/" + sid + "/channels/" + project.channelId).end();
            w.end();
            Item item{project.channelId, "Default", w.take(), {}, 0};
            item.facets[0] = project.id;
            channels.items.append(item);
        }

        // Runbooks
        const QByteArrayList runbookNames = {"Restart service", "Rotate logs", "Database backup"};
        const int runbookCount = random.below(3);
        for (int r = 0; r < runbookCount; ++r) {
            const QByteArray id = nextId("Runbooks");
            JsonWriter w;
            w.beginObject();
            w.str("Id", id)
                .str("Name", runbookNames.at(r))
                .str("Description", QByteArray())
                .str("ProjectId", project.id);
            w.str("RunbookProcessId", "RunbookProcess-" + id).null("PublishedRunbookSnapshotId");
            w.str("MultiTenancyMode", "Untenanted").str("EnvironmentScope", "All").emptyArray("Environments");
            w.str("DefaultGuidedFailureMode", "EnvironmentDefault");
            w.beginObject("RunRetentionPolicy")
                .num("QuantityToKeep", 100)
                .boolean("ShouldKeepForever", false)
                .end();
            w.beginObject("ConnectivityPolicy").str("SkipMachineBehavior", "None").emptyArray("TargetRoles");
            w.boolean("AllowDeploymentsToNoTargets", true).boolean("ExcludeUnhealthyTargets", false).end();
            w.str("SpaceId", sid);
            w.beginObject("Links").str("Self", "/api/" + sid + "/runbooks/" + id).end();
            w.end();
            Item item{id, runbookNames.at(r), w.take(), {}, 0};
            item.facets[0] = project.id;
            runbooks.items.append(item);
        }

        // Project trigger
        if (random.chance(30)) {
            const QByteArray id = nextId("ProjectTriggers");
            const bool schedule = random.chance(50);
            const QByteArray name =
                schedule ? QByteArray("Nightly deploy to Test") : QByteArray("Auto-deploy new machines");
            JsonWriter w;
            w.beginObject();
            w.str("Id", id).str("Name", name).str("Description", QByteArray()).str("ProjectId", project.id);
            w.boolean("IsDisabled", false);
            w.beginObject("Filter");
            if (schedule) {
                w.str("FilterType", "OnceDailySchedule").str("StartTime", "2023-01-01T02:00:00.000+00:00");
                w.str("Timezone", "UTC").str("DaysOfWeek", "Monday, Tuesday, Wednesday, Thursday, Friday");
            } else {
                w.str("FilterType", "MachineFilter")
                    .strList("EnvironmentIds", {space.environmentIds.first()});
                w.emptyArray("Roles")
                    .strList("EventGroups", {"MachineAvailableForDeployment"})
                    .emptyArray("EventCategories");
            }
            w.null("Id").null("LastModifiedBy").null("LastModifiedOn").emptyObject("Links");
            w.end();
            w.beginObject("Action");
            if (schedule) {
                w.str("ActionType", "DeployLatestRelease")
                    .strList("SourceEnvironmentIds", {space.environmentIds.first()});
                w.str("DestinationEnvironmentId", space.environmentIds.value(1))
                    .boolean("ShouldRedeploy", true);
            } else {
                w.str("ActionType", "AutoDeploy")
                    .boolean("ShouldRedeployWhenMachineHasBeenDeployedTo", false);
            }
            w.null("Id").null("LastModifiedBy").null("LastModifiedOn").emptyObject("Links");
            w.end();
            w.str("SpaceId", sid);
            w.beginObject("Links").str("Self", "/api/" + sid + "/projecttriggers/" + id).end();
            w.end();
            Item item{id, name, w.take(), {}, 0};
            item.facets[0] = project.id;
            triggers.items.append(item);
        }

        // Releases, their deployments and tasks; newest first.
        const int releaseCount = random.between(p.releasesPerProjectMin, p.releasesPerProjectMax);
        const int major = random.between(1, 4);
        const int minor = random.between(0, 20);
        QHash<QByteArray, QByteArray> latestPerEnvironment; // environment -> dashboard item json
        QList<Item> projectReleases;
        QList<Item> projectDeployments;
        for (int r = 0; r < releaseCount; ++r) {
            const QByteArray releaseId = nextId("Releases");
            const QByteArray version = QByteArray::number(major) + '.' + QByteArray::number(minor) + '.' +
                                       QByteArray::number(100 + r * random.between(1, 9));
            const qint64 assembled =
                m_anchor - (releaseCount - r) * random.between(2, 12) * kDay - random.below(86400) * 1000LL;
            {
                JsonWriter w;
                w.beginObject();
                w.str("Id", releaseId).str("Version", version).str("ProjectId", project.id);
                w.str("ChannelId", project.channelId).str("ReleaseNotes", QByteArray());
                w.str("Assembled", ResourceWriter::isoTime(assembled));
                w.beginArray("SelectedPackages")
                    .beginObject()
                    .str("ActionName", "Deploy " + project.packageId);
                w.str("StepName", "Deploy " + project.packageId).str("PackageReferenceName", QByteArray());
                w.str("Version", version).end().end();
                w.emptyArray("BuildInformation");
                w.str("ProjectDeploymentProcessSnapshotId",
                      "deploymentprocess-" + project.id + "-s-" + QByteArray::number(r + 1));
                w.str("ProjectVariableSetSnapshotId",
                      "variableset-" + project.id + "-s-" + QByteArray::number(r + 1));
                w.emptyArray("LibraryVariableSetSnapshotIds").boolean("IgnoreChannelRules", false);
                w.null("VersionControlReference").str("SpaceId", sid);
                w.str("LastModifiedBy", "admin").str("LastModifiedOn", ResourceWriter::isoTime(assembled));
                w.beginObject("Links").str("Self", "/api/" + sid + "/releases/" + releaseId);
                w.str("Project", pbase)
                    .str("Deployments", "/api/" + sid + "/releases/" + releaseId + "/deployments{?skip,take}")
                    .end();
                w.end();
                Item item{releaseId, version, w.take(), {}, assembled};
                item.facets[0] = project.id;
                projectReleases.prepend(item);
                space.releaseIds.append(releaseId);
                space.releaseLabels.append(project.name + ' ' + version);
            }
            const int reach = qMin(int(space.environmentIds.size()),
                                   random.between(1, 3) + (r == releaseCount - 1 ? 0 : 1));
            for (int e = 0; e < reach; ++e) {
                const QByteArray deploymentId = nextId("Deployments");
                const QByteArray taskId = nextId("ServerTasks");
                const QByteArray envId = space.environmentIds.at(e);
                const QByteArray envName = space.environmentNames.at(e);
                const qint64 queued = assembled + (e + 1) * random.between(1, 48) * 3600 * 1000LL;
                if (queued >= m_anchor)
                    break;
                const qint64 started = queued + random.between(1, 30) * 1000;
                const qint64 completed = started + random.between(40, 900) * 1000;
                const bool failed = random.chance(6);
                const int actorIndex =
                    random.chance(60) ? 2 + random.below(6) : random.below(int(m_actors.size()));
                const Actor &actor = m_actors.at(actorIndex);
                space.deployments.append({deploymentId, taskId, project.id, project.name, releaseId, version,
                                          envId, envName, project.channelId, actorIndex, queued, started,
                                          completed, failed});
                {
                    JsonWriter w;
                    w.beginObject();
                    w.str("Id", deploymentId).str("Name", "Deploy to " + envName);
                    w.str("ReleaseId", releaseId)
                        .str("ProjectId", project.id)
                        .str("ChannelId", project.channelId);
                    w.str("EnvironmentId", envId).null("TenantId").str("TaskId", taskId);
                    w.str("DeploymentProcessId",
                          "deploymentprocess-" + project.id + "-s-" + QByteArray::number(r + 1));
                    w.str("ManifestVariableSetId", "variableset-" + deploymentId);
                    w.str("Created", ResourceWriter::isoTime(queued))
                        .str("QueueTime", ResourceWriter::isoTime(queued));
                    w.null("QueueTimeExpiry");
                    w.str("DeployedBy", actor.username).str("DeployedById", actor.userId);
                    w.emptyArray("DeployedToMachineIds").boolean("FailureEncountered", failed);
                    w.emptyArray("SpecificMachineIds")
                        .emptyArray("ExcludedMachineIds")
                        .emptyArray("SkipActions");
                    w.boolean("ForcePackageDownload", false).boolean("ForcePackageRedeployment", false);
                    w.boolean("UseGuidedFailure", false)
                        .emptyArray("Changes")
                        .str("ChangesMarkdown", QByteArray());
                    w.null("Comments").emptyObject("FormValues").str("SpaceId", sid);
                    w.beginObject("Links").str("Self", "/api/" + sid + "/deployments/" + deploymentId);
                    w.str("Release", "/api/" + sid + "/releases/" + releaseId)
                        .str("Task", "/api/tasks/" + taskId);
                    w.str("Web", "/app#/" + sid + "/deployments/" + deploymentId).end();
                    w.end();
                    Item item{deploymentId, "Deploy to " + envName, w.take(), {}, queued};
                    item.facets[0] = project.id;
                    item.facets[1] = envId;
                    projectDeployments.prepend(item);
                }
                TaskSpec task;
                task.id = taskId;
                task.spaceId = sid;
                task.name = "Deploy";
                task.description = "Deploy " + project.name + " release " + version + " to " + envName;
                task.state = failed ? "Failed" : "Success";
                task.argumentsJson = "{\"DeploymentId\":\"" + deploymentId + "\"}";
                task.serverNode = m_store.nodeName;
                task.projectId = project.id;
                task.queueTime = queued;
                task.startTime = started;
                task.completedTime = completed;
                if (failed)
                    task.errorMessage = "The deployment failed because one or more steps failed.";
                tasks.items.append(ResourceWriter::taskItem(task));
                {
                    JsonWriter w;
                    w.beginObject();
                    w.str("Id", "DashboardItems-" + deploymentId)
                        .str("ProjectId", project.id)
                        .str("EnvironmentId", envId);
                    w.null("TenantId").str("ReleaseId", releaseId).str("ReleaseVersion", version);
                    w.str("DeploymentId", deploymentId)
                        .str("TaskId", taskId)
                        .str("ChannelId", project.channelId);
                    w.str("State", task.state).str("Created", ResourceWriter::isoTime(queued));
                    w.str("QueueTime", ResourceWriter::isoTime(queued))
                        .str("StartTime", ResourceWriter::isoTime(started));
                    w.str("CompletedTime", ResourceWriter::isoTime(completed));
                    w.str("Duration", ResourceWriter::durationText(completed - started));
                    w.str("ErrorMessage", task.errorMessage).boolean("HasPendingInterruptions", false);
                    w.boolean("HasWarningsOrErrors", failed).boolean("IsCompleted", true);
                    w.boolean("IsCurrent", true).boolean("IsPrevious", false);
                    w.beginObject("Links").str("Self", "/api/" + sid + "/deployments/" + deploymentId).end();
                    w.end();
                    latestPerEnvironment.insert(envId, w.take());
                }
            }
        }
        releases.items.append(projectReleases);
        deployments.items.append(projectDeployments);
        for (const QByteArray &envId : space.environmentIds) {
            if (!latestPerEnvironment.contains(envId))
                continue;
            Item item{project.id + '/' + envId, project.name, latestPerEnvironment.value(envId), {}, 0};
            item.facets[0] = project.id;
            item.facets[1] = envId;
            dashboard.items.append(item);
        }
        space.projects.append(project);
    }
    // Releases and deployments are listed newest first across the space.
    auto newestFirst = [](const Item &a, const Item &b) { return a.time > b.time; };
    std::stable_sort(releases.items.begin(), releases.items.end(), newestFirst);
    std::stable_sort(deployments.items.begin(), deployments.items.end(), newestFirst);

    // Tenants, now that projects exist
    Collection &tenants = m_store.collection(sid, "tenants");
    for (Item &tenant : tenants.items) {
        JsonWriter w;
        w.beginObject();
        w.str("Id", tenant.id).str("Name", tenant.name).str("Description", "Customer " + tenant.name);
        w.strList("TenantTags", {"Tier/" + QByteArray(random.chance(30) ? "Gold" : "Standard")});
        w.beginObject("ProjectEnvironments");
        for (const ProjectInfo &project : std::as_const(space.projects)) {
            if (random.chance(25))
                w.strList(project.id.constData(),
                          space.environmentIds.mid(qMax<qsizetype>(0, space.environmentIds.size() - 2)));
        }
        w.end();
        w.null("ClonedFromTenantId").str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/tenants/" + tenant.id);
        w.str("Variables", "/api/" + sid + "/tenants/" + tenant.id + "/variables").end();
        w.end();
        tenant.json = w.take();
    }

    // Subscriptions (webhooks and email digests)
    Collection &subscriptions = m_store.collection(sid, "subscriptions");
    const int subscriptionCount = 1 + space.index % 3;
    for (int i = 0; i < subscriptionCount; ++i) {
        const QByteArray id = nextId("Subscriptions");
        const QByteArray name = i == 0   ? QByteArray("Deployment failures to Slack")
                                : i == 1 ? QByteArray("Audit webhook to SIEM")
                                         : QByteArray("Daily digest for ops");
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("Name", name).str("Type", "Event").boolean("IsDisabled", false);
        w.beginObject("EventNotificationSubscription");
        w.beginObject("Filter").emptyArray("Users").emptyArray("Projects").emptyArray("ProjectGroups");
        w.emptyArray("Environments")
            .strList("EventGroups", i == 0 ? QByteArrayList{"DeploymentFailed"} : QByteArrayList{});
        w.strList("EventCategories", i == 0 ? QByteArrayList{"DeploymentFailed"} : QByteArrayList{});
        w.emptyArray("EventAgents")
            .emptyArray("Tenants")
            .emptyArray("Tags")
            .emptyArray("DocumentTypes")
            .end();
        w.emptyArray("EmailTeams").str("EmailFrequencyPeriod", "1.00:00:00").str("EmailPriority", "Normal");
        w.null("EmailDigestLastProcessed")
            .null("EmailDigestLastProcessedEventAutoId")
            .str("EmailShowDatesInTimeZoneId", "UTC");
        w.emptyArray("WebhookTeams");
        w.str("WebhookURI", i == 2   ? QByteArray()
                            : i == 0 ? QByteArray("https://hooks.slack.com/services/T000/B000/XXXX")
                                     : QByteArray("https://siem.acme.internal/octopus/events"));
        w.null("WebhookHeaderKey").null("WebhookHeaderValue").str("WebhookTimeout", "00:00:10");
        w.null("WebhookLastProcessed").null("WebhookLastProcessedEventAutoId");
        w.end();
        w.str("SpaceId", sid);
        w.beginObject("Links").str("Self", "/api/" + sid + "/subscriptions/" + id).end();
        w.end();
        subscriptions.items.append({id, name, w.take(), {}, 0});
    }
}

void DataGenerator::generateBuildInformation(SpaceContext &space, Random &random)
{
    const ScaleParameters p = parameters(m_scale);
    const QByteArray &sid = space.id;
    Collection &buildInformation = m_store.collection(sid, "build-information");
    const int count = perSpace(p.buildInformation, space.index);
    buildInformation.items.reserve(count);
    const QByteArrayList environments = {"Jenkins", "TeamCity", "Azure DevOps", "GitHub Actions", "Bamboo"};
    QList<Item> records;
    records.reserve(count);
    for (int i = 0; i < count; ++i) {
        const ProjectInfo &project = space.projects.at(random.below(int(space.projects.size())));
        const QByteArray ci = environments.at((random.below(5) + space.index) % 5);
        const QByteArray repo = slugify(project.packageId.mid(5));
        const QByteArray buildNumber = QByteArray::number(random.between(100, 9999));
        const QByteArray version = QByteArray::number(random.between(1, 4)) + '.' +
                                   QByteArray::number(random.between(0, 20)) + '.' + buildNumber;
        QByteArray buildUrl;
        QByteArray vcsRoot = "https://github.com/acme/" + repo + ".git";
        if (ci == "Jenkins")
            buildUrl = "https://jenkins.acme.internal/job/" + repo + "/job/main/" + buildNumber + '/';
        else if (ci == "TeamCity")
            buildUrl = "https://teamcity.acme.internal/viewLog.html?buildId=" +
                       QByteArray::number(random.between(10000, 999999)) +
                       "&buildTypeId=" + project.packageId.mid(5).replace('.', '_') + "_Build";
        else if (ci == "Azure DevOps") {
            buildUrl = "https://dev.azure.com/acme/" + slugify(space.name) +
                       "/_build/results?buildId=" + QByteArray::number(random.between(10000, 99999));
            vcsRoot = "https://dev.azure.com/acme/" + slugify(space.name) + "/_git/" + repo;
        } else if (ci == "GitHub Actions")
            buildUrl = "https://github.com/acme/" + repo + "/actions/runs/" +
                       QByteArray::number(quint64(4000000000) + random.below(900000000));
        else {
            buildUrl = "https://bamboo.acme.internal/browse/" + project.packageId.mid(5, 3).toUpper() +
                       "-BLD-" + buildNumber;
            vcsRoot = "https://bitbucket.acme.internal/scm/" + repo.left(4) + '/' + repo + ".git";
        }
        const QByteArray commit = random.hex(40).toLower();
        const QByteArray id = nextId("BuildInformation");
        const qint64 created = m_anchor - random.between(1, p.historyDays) * kDay;
        JsonWriter w;
        w.beginObject();
        w.str("Id", id).str("PackageId", project.packageId).str("Version", version);
        w.str("Branch", random.chance(80) ? QByteArray("main") : "feature/" + random.alnum(6, false));
        w.str("BuildEnvironment", ci).str("BuildNumber", buildNumber).str("BuildUrl", buildUrl);
        w.str("VcsType", "Git").str("VcsRoot", vcsRoot).str("VcsCommitNumber", commit);
        w.str("VcsCommitUrl", vcsRoot.chopped(vcsRoot.endsWith(".git") ? 4 : 0) + "/commit/" + commit);
        w.beginArray("Commits")
            .beginObject()
            .str("Id", commit)
            .str("Comment", "Merge pull request #" + QByteArray::number(random.between(10, 900)));
        w.str("LinkUrl", vcsRoot.chopped(vcsRoot.endsWith(".git") ? 4 : 0) + "/commit/" + commit).end().end();
        w.emptyArray("WorkItems").null("IssueTrackerName").str("IncompleteDataWarning", QByteArray());
        w.str("Created", ResourceWriter::isoTime(created));
        w.str("LastModifiedBy", ci == "GitHub Actions" ? "github-actions" : slugify(ci))
            .str("LastModifiedOn", ResourceWriter::isoTime(created));
        w.beginObject("Links").str("Self", "/api/" + sid + "/build-information/" + id).end();
        w.end();
        Item item{id, project.packageId, w.take(), {}, created};
        item.facets[0] = project.packageId;
        records.append(item);
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const Item &a, const Item &b) { return a.time > b.time; });
    buildInformation.items = records;
    // Library counts in /serverstatus/counts: packages are one per build-information package id.
}

void DataGenerator::generateEvents(const QList<SpaceContext> &spaces)
{
    const ScaleParameters p = parameters(m_scale);
    Random random(m_seed * 31 + 5);
    const qint64 window = qint64(p.historyDays) * kDay;
    // Most activity comes from a handful of actors.
    auto pickActor = [&]() -> const Actor & {
        const int roll = random.below(100);
        if (roll < 55)
            return m_actors.at(2 + random.below(6)); // CI service accounts
        return m_actors.at(random.below(int(m_actors.size())));
    };
    auto stamp = [&](EventSpec &e, const Actor &a) {
        e.userId = a.userId;
        e.username = a.username;
        e.isService = a.isService;
        e.identityEstablishedWith = a.identity;
        e.userAgent = a.agents.at(random.below(int(a.agents.size())));
        e.ipAddress = a.ip;
    };

    // The deployment events of FIXTURE-2023: "Scheduled to deploy P release V to E at <time>" by whoever
    // queued it, then "Deploy to E started for P release V to E" by the system.
    auto deploymentEvent = [&](const SpaceContext &space, int index, int phase) {
        const DeploymentInfo &d = space.deployments.at(index);
        EventSpec e;
        e.spaceId = space.id;
        e.relatedDocumentIds = {d.id, d.projectId, d.releaseId, d.environmentId, d.taskId, d.channelId};
        if (phase == 0) {
            e.occurred = d.queued;
            stamp(e, m_actors.at(d.actor));
            e.category = "DeploymentQueued";
            const QByteArray when = QDateTime::fromMSecsSinceEpoch(d.queued, Qt::UTC)
                                        .toString(QStringLiteral("dddd, dd MMMM yyyy h:mm AP"))
                                        .toLatin1();
            e.message = "Scheduled to deploy " + d.projectName + " release " + d.version + " to " +
                        d.environmentName + " at " + when + " +00:00";
            e.references = {
                {d.projectId, d.projectName}, {d.releaseId, d.version}, {d.environmentId, d.environmentName}};
            return e;
        }
        e.occurred = phase == 1 ? d.started : d.completed;
        e.userId = "users-system";
        e.username = "system";
        e.userAgent = "Server";
        e.category = phase == 1 ? "DeploymentStarted" : d.failed ? "DeploymentFailed" : "DeploymentSucceeded";
        const QByteArray verb = phase == 1 ? "started" : d.failed ? "failed" : "succeeded";
        const QByteArray title = "Deploy to " + d.environmentName;
        e.message = title + ' ' + verb + " for " + d.projectName + " release " + d.version + " to " +
                    d.environmentName;
        e.references = {{d.id, title},
                        {d.projectId, d.projectName},
                        {d.releaseId, d.version},
                        {d.environmentId, d.environmentName}};
        return e;
    };
    auto spaceEvent = [&](const SpaceContext &space, qint64 occurred) {
        {
            EventSpec e;
            e.spaceId = space.id;
            e.occurred = occurred;
            const int roll = random.below(100);
            const ProjectInfo &project = space.projects.at(random.below(int(space.projects.size())));
            // Deployment events come from the generated deployments (deploymentEvent); this is the rest.
            if (roll < 50 && !space.releaseIds.isEmpty()) {
                const int r = random.below(int(space.releaseIds.size()));
                e.category = "Created";
                e.message = "Release " + space.releaseLabels.at(r) + " created";
                e.relatedDocumentIds = {space.releaseIds.at(r), project.id};
                stamp(e, pickActor());
            } else if (roll < 75) {
                e.category = "Modified";
                const int kind = random.below(3);
                if (kind == 0)
                    e.message = "Deployment process for project " + project.name + " was changed";
                else if (kind == 1)
                    e.message = "Variables for project " + project.name + " were changed";
                else
                    e.message = "Project " + project.name + " was changed";
                e.relatedDocumentIds = {kind == 0   ? "deploymentprocess-" + project.id
                                        : kind == 1 ? "variableset-" + project.id
                                                    : project.id,
                                        project.id};
                e.references = {{project.id, project.name}};
                stamp(e, pickActor());
            } else if (roll < 88 && !space.machineIds.isEmpty()) {
                const int m = random.below(int(space.machineIds.size()));
                e.category = random.chance(70) ? "Modified" : "Created";
                e.message = "Deployment target " + space.machineNames.at(m) +
                            (e.category == "Created" ? " was added" : " was changed");
                e.relatedDocumentIds = {space.machineIds.at(m)};
                e.references = {{space.machineIds.at(m), space.machineNames.at(m)}};
                stamp(e, pickActor());
            } else if (roll < 96) {
                e.category = "Created";
                const QByteArray version = QByteArray::number(random.between(1, 4)) + '.' +
                                           QByteArray::number(random.between(0, 20)) + '.' +
                                           QByteArray::number(random.between(100, 9999));
                e.message = "Package " + project.packageId + " version " + version +
                            " was pushed to the built-in repository";
                e.relatedDocumentIds = {"packages-" + project.packageId + '.' + version};
                stamp(e, m_actors.at(2 + random.below(5)));
            } else {
                e.category = "Deleted";
                e.message = "Release of " + project.name + " was deleted by retention policy";
                e.relatedDocumentIds = {project.id};
                e.references = {{project.id, project.name}};
                stamp(e, m_actors.first());
                e.userId = "users-system";
                e.username = "system";
                e.identityEstablishedWith = "";
                e.userAgent = "Server";
                e.ipAddress.clear();
            }
            return e;
        }
    };
    auto serverEvent = [&](qint64 occurred) {
        EventSpec e;
        e.occurred = occurred;
        const Actor &a = m_actors.at(random.below(int(m_actors.size())));
        stamp(e, a);
        if (random.chance(80) && !a.isService) {
            e.category = "LoginSucceeded";
            e.message = "User " + a.username + " logged in";
            e.relatedDocumentIds = {a.userId};
            e.references = {{a.userId, a.username}};
        } else {
            e.category = "Modified";
            e.message = "User " + a.username + " was changed";
            e.relatedDocumentIds = {a.userId};
            e.references = {{a.userId, a.username}};
            stamp(e, m_actors.first());
        }
        return e;
    };

    // Ids grow with time and the server lists newest first: draw every event's time, sort the times,
    // then write the events in time order (sorting 200,000 small records is cheaper than sorting events).
    struct Slot
    {
        qint64 occurred;
        int space;      // -1: a server-wide event
        int deployment; // index into the space's deployments, or -1
        int phase;      // 0 queued, 1 started, 2 finished
    };
    Random clock(m_seed * 37 + 3);
    QList<Slot> timeline;
    timeline.reserve(spaces.size() * p.eventsPerSpace + p.serverEvents);
    for (int s = 0; s < spaces.size(); ++s) {
        // Every deployment leaves its queued, started and succeeded/failed events; other activity fills up
        // the space's share.
        const QList<DeploymentInfo> &deployments = spaces.at(s).deployments;
        int budget = p.eventsPerSpace;
        for (int d = 0; d < deployments.size() && budget >= 3; ++d, budget -= 3) {
            const DeploymentInfo &info = deployments.at(d);
            timeline.append({info.queued, s, d, 0});
            timeline.append({info.started, s, d, 1});
            timeline.append({info.completed, s, d, 2});
        }
        for (int i = 0; i < budget; ++i)
            timeline.append({m_anchor - 60000 - qint64(clock.next() % quint64(window)), s, -1, 0});
    }
    for (int i = 0; i < p.serverEvents; ++i)
        timeline.append({m_anchor - 60000 - qint64(clock.next() % quint64(window)), -1, -1, 0});
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const Slot &a, const Slot &b) { return a.occurred < b.occurred; });
    Collection &collection = m_store.collection("", "events");
    collection.items.resize(timeline.size());
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        const Slot &slot = timeline.at(i);
        EventSpec e = slot.space < 0 ? serverEvent(slot.occurred)
                      : slot.deployment >= 0
                          ? deploymentEvent(spaces.at(slot.space), slot.deployment, slot.phase)
                          : spaceEvent(spaces.at(slot.space), slot.occurred);
        e.id = nextId("Events");
        collection.items[timeline.size() - 1 - i] = ResourceWriter::eventItem(e);
    }
    // Tasks newest first as well.
    Collection &tasks = m_store.collection("", "tasks");
    std::stable_sort(tasks.items.begin(), tasks.items.end(),
                     [](const Item &a, const Item &b) { return a.time > b.time; });
}

namespace {

// The one server node of an instance (the old server and the clone each have their own).
Item serverNodeItem(const QByteArray &nodeName)
{
    JsonWriter w;
    const QByteArray id = "OctopusServerNodes-" + nodeName;
    w.beginObject();
    w.str("Id", id).str("Name", nodeName).num("MaxConcurrentTasks", 5).boolean("IsInMaintenanceMode", false);
    w.beginObject("Links")
        .str("Self", "/api/octopusservernodes/" + id)
        .str("Node", "/api/octopusservernodes/" + id + "/details")
        .end();
    w.end();
    return {id, nodeName, w.take(), {}, 0};
}

} // namespace

void DataGenerator::generateNodes()
{
    m_store.collection("", "octopusservernodes").items.append(serverNodeItem(m_store.nodeName));
}

DataStore DataGenerator::makeClone(const DataStore &old, quint64 seed, bool keepInstallationId)
{
    DataStore clone = old; // shares every collection until one side changes it
    if (!keepInstallationId)
        clone.installationId = Random(seed + 0xC10E).guid();
    clone.nodeName = "OCTO-NEW-01";

    // The machines keep the HealthStatus the database held: the clone changes it only when a health task
    // covering them runs (TaskRunner::checkHealth), as a real clone does.
    // The old server's node rows come with the database: the clone lists them, offline since the clone (they
    // never heartbeat here), beside its own node. The clone guide deletes them (OctopusServerNode and
    // OctopusServerNodeStatus rows); DELETE /api/octopusservernodes/{id} does it here.
    Collection &nodes = clone.collection("", "octopusservernodes");
    for (Item &node : nodes.items) {
        node.facets[0] = "offline";
        node.time = old.anchorMsecs;
    }
    nodes.items.append(serverNodeItem(clone.nodeName));
    return clone;
}

} // namespace octosim
