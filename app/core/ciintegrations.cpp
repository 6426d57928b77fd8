#include "ciintegrations.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace CiIntegrations {

namespace {

const QString kJenkins = QStringLiteral("Jenkins");
const QString kTeamCity = QStringLiteral("TeamCity");
const QString kAzureDevOps = QStringLiteral("Azure DevOps");
const QString kGitHubActions = QStringLiteral("GitHub Actions");
const QString kBamboo = QStringLiteral("Bamboo");
const QString kGitLab = QStringLiteral("GitLab");
const QString kBitbucket = QStringLiteral("Bitbucket Pipelines");
const QString kTerraform = QStringLiteral("Terraform");
const QString kOctopusCli = QStringLiteral("octopus CLI");
const QString kOcto = QStringLiteral("octo");
const QString kOctopusClient = QStringLiteral("Octopus.Client");
const QString kOther = QStringLiteral("Other");
// Not integrations: the server's own tasks and people in the web portal.
const QString kServer = QStringLiteral("Octopus Server");
const QString kPortal = QStringLiteral("Web portal");

// BuildEnvironment values the official plug-ins send, and names CI systems go by.
QString systemForBuildEnvironment(const QString &environment)
{
    const QString e = environment.trimmed().toLower();
    if (e.isEmpty())
        return {};
    if (e.contains(QLatin1String("jenkins")))
        return kJenkins;
    if (e.contains(QLatin1String("teamcity")))
        return kTeamCity;
    if (e.contains(QLatin1String("azure")) || e == QLatin1String("tfs") || e.contains(QLatin1String("vsts")))
        return kAzureDevOps;
    if (e.contains(QLatin1String("github")))
        return kGitHubActions;
    if (e.contains(QLatin1String("bamboo")))
        return kBamboo;
    if (e.contains(QLatin1String("gitlab")))
        return kGitLab;
    if (e.contains(QLatin1String("bitbucket")))
        return kBitbucket;
    return {};
}

QString slug(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('/') || c == QLatin1Char('-'))
            out.append(c);
        else if (!out.endsWith(QLatin1Char('-')))
            out.append(QLatin1Char('-'));
    }
    return out;
}

QString accountLocation(const QString &username)
{
    return QCoreApplication::translate("CiIntegrations", "account %1").arg(username);
}

void noteSeen(Integration &row, const Evidence &e)
{
    if (!e.time.isValid())
        return;
    QDateTime &seen = e.server == ServerRole::Old ? row.lastSeenOld : row.lastSeenNew;
    if (!seen.isValid() || e.time > seen)
        seen = e.time;
}

bool isPeopleOrServer(const Evidence &e)
{
    if (e.kind != Evidence::Kind::Event && e.kind != Evidence::Kind::EventAgent)
        return false;
    const ClientInfo client = classifyUserAgent(e.userAgent);
    if (client.system == kServer || client.system == kPortal)
        return true;
    // A person signed in with a session cookie (no API key, not a service account), whatever the browser
    // said, unless the caller names a CI system itself.
    const bool namesCi = !e.system.isEmpty() || (!client.system.isEmpty() && client.system != kOther);
    return !e.isService && e.apiKeyPurpose.isEmpty() && !namesCi;
}

} // namespace

QString Integration::status() const
{
    if (lastSeenOld.isValid() && lastSeenNew.isValid())
        return QStringLiteral("both");
    if (lastSeenNew.isValid())
        return QStringLiteral("new-only");
    return QStringLiteral("old-only");
}

QStringList systemNames()
{
    return {kJenkins,   kTeamCity,  kAzureDevOps, kGitHubActions, kBamboo,        kGitLab,
            kBitbucket, kTerraform, kOctopusCli,  kOcto,          kOctopusClient, kOther};
}

// The automation-environment token Octopus.Client and go-octopusdeploy put in their User-Agent (the
// AutomationEnvironment enum names, OctopusClients AutomationEnvironmentProvider.cs): where the process ran.
static QString systemForEnvironmentToken(const QString &token)
{
    static const QHash<QString, QString> systems{
        {QStringLiteral("TeamCity"), QStringLiteral("TeamCity")},
        {QStringLiteral("AzureDevOps"), QStringLiteral("Azure DevOps")},
        {QStringLiteral("Bamboo"), QStringLiteral("Bamboo")},
        {QStringLiteral("Jenkins"), QStringLiteral("Jenkins")},
        {QStringLiteral("Hudson"), QStringLiteral("Jenkins")},
        {QStringLiteral("GitHubActions"), QStringLiteral("GitHub Actions")},
        {QStringLiteral("GitLabCI"), QStringLiteral("GitLab")},
        {QStringLiteral("BitBucket"), QStringLiteral("Bitbucket Pipelines")},
    };
    return systems.value(token);
}

ClientInfo classifyUserAgent(const QString &userAgent)
{
    // The rules follow the clients' source: Octopus.Client's OctopusCustomHeaders and OctopusClientFactory,
    // go-octopusdeploy's api.go, the octopus CLI, the Terraform provider, api-client.ts and the GitHub
    // Actions and Azure DevOps tasks that set its userAgentApp. A CI named only by the environment token says
    // where the process ran (a plug-in, or a script in that CI's job); "octo plugin/…", "plugin/… (…;v6)"
    // and "GitHubActions (…)" name a plug-in outright.
    const QString ua = userAgent.trimmed();
    if (ua.isEmpty())
        return {};
    if (ua == QLatin1String("Server"))
        return {kServer, kServer, {}};
    static const QRegularExpression portal(QStringLiteral("^OctopusClient-js/(\\S+)$"));
    if (const QRegularExpressionMatch m = portal.match(ua); m.hasMatch())
        return {kPortal, QStringLiteral("web portal"), m.captured(1)};

    static const QRegularExpression dotnet(
        QStringLiteral("^OctopusClient-dotnet/(\\S+)(?: \\((?:.*?); (?:x64|x86|arm64)(?:; mono)?\\) "
                       "([A-Za-z]+)(?:/\\S+)?(?: (.+))?)?$"));
    if (const QRegularExpressionMatch m = dotnet.match(ua); m.hasMatch()) {
        const QString version = m.captured(1);
        const QString environment = systemForEnvironmentToken(m.captured(2));
        const QString tool = m.captured(3);
        static const QRegularExpression adoTask(
            QStringLiteral("^octo plugin/\\S* \\([a-z-]+;[a-z-]+;v\\d+\\)$"));
        if (adoTask.match(tool).hasMatch())
            return {kAzureDevOps, kOcto, version}; // the Azure DevOps v3-v5 tasks run octo so
        if (tool.startsWith(QLatin1String("octo plugin/")) || tool == QLatin1String("octo"))
            return {environment.isEmpty() ? kOcto : environment, kOcto, version};
        return {environment.isEmpty() ? kOctopusClient : environment, kOctopusClient, version};
    }

    static const QRegularExpression go(QStringLiteral("^go-octopusdeploy/(\\S+) \\([a-z0-9]+; [a-z0-9]+\\) "
                                                      "go/\\S+(?: ([A-Za-z]+)(?:/\\S+)?)?(?: +(.+))?$"));
    if (const QRegularExpressionMatch m = go.match(ua); m.hasMatch()) {
        const QString environment = systemForEnvironmentToken(m.captured(2));
        const QString tool = m.captured(3);
        if (tool == QLatin1String("TerraformProvider"))
            return {kTerraform, QStringLiteral("Terraform provider"), {}};
        static const QRegularExpression cli(QStringLiteral("^octopus/(\\S+)"));
        if (const QRegularExpressionMatch c = cli.match(tool); c.hasMatch())
            return {environment.isEmpty() ? kOctopusCli : environment, kOctopusCli, c.captured(1)};
        return {environment.isEmpty() ? kOther : environment, QStringLiteral("go-octopusdeploy"),
                m.captured(1)};
    }

    static const QRegularExpression ts(QStringLiteral("^ts-octopusdeploy(?: (.+))?$"));
    if (const QRegularExpressionMatch m = ts.match(ua); m.hasMatch()) {
        const QString app = m.captured(1);
        if (app.startsWith(QLatin1String("GitHubActions")))
            return {kGitHubActions, QStringLiteral("api-client.ts"), {}};
        static const QRegularExpression adoTask(
            QStringLiteral("^plugin/(\\S+) \\([a-z-]+;[a-z-]+;v\\d+\\)$"));
        if (const QRegularExpressionMatch t = adoTask.match(app);
            t.hasMatch() || app.startsWith(QLatin1String("AzureDevOps (")))
            return {kAzureDevOps, QStringLiteral("api-client.ts"), t.captured(1)};
        return {kOther, QStringLiteral("api-client.ts"), {}};
    }
    if (ua.startsWith(QLatin1String("GitHubActions (")))
        return {kGitHubActions, QStringLiteral("GitHub Actions login"), {}};

    // Anything else (curl, PowerShell, a browser, Java): a script or tool nothing more names.
    static const QRegularExpression product(QStringLiteral("^([A-Za-z0-9._-]+)/([0-9][0-9A-Za-z.+-]*)"));
    const QRegularExpressionMatch m = product.match(ua);
    return {kOther, m.hasMatch() ? m.captured(1) : ua.section(QLatin1Char(' '), 0, 0),
            m.hasMatch() ? m.captured(2) : QString()};
}

BuildOrigin buildOrigin(const QString &buildEnvironment, const QString &buildUrl)
{
    BuildOrigin origin;
    origin.system = systemForBuildEnvironment(buildEnvironment);
    const QUrl url(buildUrl.trimmed());
    const QString host = url.host().toLower();
    const QStringList path = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (host == QLatin1String("dev.azure.com") && !path.isEmpty()) {
        origin.location = path.first();
        if (origin.system.isEmpty())
            origin.system = kAzureDevOps;
    } else if (host.endsWith(QLatin1String(".visualstudio.com"))) {
        origin.location = host.left(host.size() - int(qstrlen(".visualstudio.com")));
        if (origin.system.isEmpty())
            origin.system = kAzureDevOps;
    } else if (host == QLatin1String("github.com") && path.size() >= 2) {
        origin.location = path.at(0) + QLatin1Char('/') + path.at(1);
        if (origin.system.isEmpty())
            origin.system = kGitHubActions;
    } else if (!host.isEmpty()) {
        origin.location = url.port() > 0 ? host + QLatin1Char(':') + QString::number(url.port()) : host;
    }
    if (origin.system.isEmpty() && !buildEnvironment.trimmed().isEmpty())
        origin.system = kOther;
    return origin;
}

QString apiKeyPurposeFrom(const QString &identityEstablishedWith)
{
    // "API key 'Purpose' created Fri, 22 Jul 2022 17:46:35 GMT" (older servers may stop after the quote).
    static const QRegularExpression key(QStringLiteral("^API key '(.*)'(?: created .*)?$"));
    const QRegularExpressionMatch m = key.match(identityEstablishedWith.trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

QList<Integration> group(const QList<Evidence> &evidence)
{
    QList<Integration> rows;
    QHash<QString, qsizetype> byId;
    auto rowFor = [&](const QString &system, const QString &location) -> Integration & {
        const QString id = slug(system) + QLatin1Char(':') + slug(location);
        if (const auto it = byId.constFind(id); it != byId.cend())
            return rows[*it];
        Integration row;
        row.id = id;
        row.system = system;
        row.location = location;
        byId.insert(id, rows.size());
        rows.append(row);
        return rows.last();
    };
    // Which rows an account's evidence joins: account (lower case) -> system -> row ids.
    QHash<QString, QHash<QString, QStringList>> rowsOfAccount;

    QList<const Evidence *> unplaced;
    for (const Evidence &e : evidence) {
        if (isPeopleOrServer(e))
            continue;
        if (e.location.isEmpty()) {
            unplaced.append(&e);
            continue;
        }
        const QString system = e.system.isEmpty() ? kOther : e.system;
        Integration &row = rowFor(system, e.location);
        row.evidence.append(e);
        noteSeen(row, e);
        if (row.serviceAccount.isEmpty())
            row.serviceAccount = e.username;
        if (row.apiKeyPurpose.isEmpty())
            row.apiKeyPurpose = e.apiKeyPurpose;
        if (!e.username.isEmpty()) {
            QStringList &ids = rowsOfAccount[e.username.toLower()][system];
            if (!ids.contains(row.id))
                ids.append(row.id);
        }
    }
    for (const Evidence *e : std::as_const(unplaced)) {
        QString system = e->system;
        if (system.isEmpty())
            system = classifyUserAgent(e->userAgent).system;
        const QHash<QString, QStringList> systems = rowsOfAccount.value(e->username.toLower());
        QStringList candidates = systems.value(system);
        if (candidates.isEmpty() && (system.isEmpty() || system == kOther || system == kOcto ||
                                     system == kOctopusClient || system == kOctopusCli)) {
            // A plug-in that calls through a client library or CLI: the account's one CI row, if it has one.
            QStringList all;
            for (const QStringList &ids : systems)
                all += ids;
            if (all.size() == 1)
                candidates = all;
        }
        Integration *row = nullptr;
        if (candidates.size() == 1) {
            row = &rows[byId.value(candidates.first())];
        } else if (!e->username.isEmpty()) {
            row = &rowFor(system.isEmpty() ? kOther : system, accountLocation(e->username));
        } else {
            continue; // nothing to tie it to
        }
        row->evidence.append(*e);
        noteSeen(*row, *e);
        if (row->serviceAccount.isEmpty())
            row->serviceAccount = e->username;
        if (row->apiKeyPurpose.isEmpty())
            row->apiKeyPurpose = e->apiKeyPurpose;
    }
    for (Integration &row : rows) {
        std::stable_sort(row.evidence.begin(), row.evidence.end(),
                         [](const Evidence &a, const Evidence &b) { return a.time > b.time; });
    }
    sortRows(rows);
    return rows;
}

void sortRows(QList<Integration> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const Integration &a, const Integration &b) {
        const int system = QString::compare(a.system, b.system, Qt::CaseInsensitive);
        return system != 0 ? system < 0 : QString::compare(a.location, b.location, Qt::CaseInsensitive) < 0;
    });
}

std::optional<Evidence> evidenceOfMove(const Integration &row, const QDateTime &after)
{
    std::optional<Evidence> newest;
    for (const Evidence &e : row.evidence) {
        if (e.server != ServerRole::New || !e.time.isValid() || (after.isValid() && e.time <= after))
            continue;
        if (!newest || e.time > newest->time)
            newest = e;
    }
    return newest;
}

QString repointRecipe(const QString &system)
{
    const char *text = nullptr;
    if (system == kJenkins)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "Jenkins keeps the Octopus servers in Manage Jenkins › Configure System › Octopus "
            "Deploy plugin (each with its API key credential): change the URL there once per "
            "controller, then look for jobs and pipelines that name the server themselves.");
    else if (system == kTeamCity)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "TeamCity keeps the Octopus URL and API key in the fields of each Octopus runner, "
            "usually fed by parameters: change the parameters at project level where they are "
            "shared, else every build configuration.");
    else if (system == kAzureDevOps)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "Azure DevOps keeps them in an \"Octopus Deploy\" service connection (Project "
            "settings › Service connections) that the tasks name: edit the connection once per "
            "project.");
    else if (system == kGitHubActions)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "GitHub Actions take the server and key from repository or organisation secrets "
            "(OCTOPUS_URL, OCTOPUS_API_KEY, or the server and api_key inputs), or log in with "
            "OIDC to a service account: change the secret once per organisation or repository, "
            "and check the OIDC identity's audience if the URL changes.");
    else if (system == kBamboo)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "Bamboo keeps the Octopus URL and API key on every Octopus task: change them per "
            "task, or once in the Bamboo variables the tasks use.");
    else if (system == kOcto)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "The retired octo CLI reads OCTOPUS_CLI_SERVER and OCTOPUS_CLI_API_KEY (or --server "
            "and --apiKey): change them where the scripts set them. Moving to the octopus CLI? "
            "It reads OCTOPUS_URL and OCTOPUS_API_KEY instead.");
    else if (system == kOctopusCli)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "The octopus CLI reads OCTOPUS_URL and OCTOPUS_API_KEY (or --server and --api-key, "
            "or its login configuration): change them where the scripts or the machine set "
            "them.");
    else if (system == kTerraform)
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "The Terraform provider reads its address and API key from the provider block or "
            "OCTOPUS_URL and OCTOPUS_APIKEY: change them in each configuration that uses the "
            "old server, then plan before you apply.");
    else
        text = QT_TRANSLATE_NOOP(
            "CiIntegrations",
            "A script or tool that calls the API itself: find where it keeps the server URL "
            "(the script audit step shows scripts that name the old server) and change it "
            "there.");
    return QCoreApplication::translate("CiIntegrations", text);
}

} // namespace CiIntegrations
