#pragma once

#include "migrationplan.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Everything that talks to the old server, found from evidence: build information pushed by CI plug-ins,
// audit events with their user agent, service accounts and their API keys, entries the lead adds by hand.
// Pure functions over records already read from the servers; no I/O.
namespace CiIntegrations {

// What a piece of evidence says about who called the server.
struct Evidence
{
    enum class Kind
    {
        BuildInformation, // a build-information record: BuildEnvironment, BuildUrl
        Event,            // an audit event: Username, IsService, IdentityEstablishedWith, UserAgent
        EventAgent,       // an entry of /api/events/agents (a user agent seen by the server)
        ApiKey,           // a service account's API key: Purpose, Created, Expires, LastUsedTimeStamp
        Manual            // added by the lead
    };
    Kind kind = Kind::Event;
    ServerRole server = ServerRole::Old;
    QDateTime time;   // when the server saw it (Created, Occurred, LastUsedTimeStamp); invalid: unknown
    QString detail;   // one line for people: "build 1042 of Acme.Web 1.4.2", "Created release 1.4.2"
    QString system;   // a system name from systemNames(), or empty when nothing says which
    QString location; // where that system lives: a host, an Azure DevOps organisation, a GitHub repository
    QString username; // the Octopus user (service account) that acted
    bool isService = false;
    QString apiKeyPurpose; // the key's Purpose, from the key itself or from IdentityEstablishedWith
    QString userAgent;
    QString ipAddress;
};

// One row: a system at one place, the account and key it uses, and when each server last saw it.
struct Integration
{
    QString id; // stable across refreshes: "jenkins:jenkins.corp.example"
    QString system;
    QString location;
    QString serviceAccount;
    QString apiKeyPurpose;
    QDateTime lastSeenOld;
    QDateTime lastSeenNew;
    QList<Evidence> evidence; // newest first

    // From evidence alone: "old-only", "both" or "new-only" (the JSON contract of `handover ci`).
    QString status() const;
};

// The names a system is reported under (the JSON `system` field). "Other" covers callers nothing names.
QStringList systemNames();

// What a User-Agent header says: the system (a name from systemNames(), or empty), the tool that sent the
// request and its version when the string carries one.
struct ClientInfo
{
    QString system;
    QString tool; // "Octopus.Client", "octopus CLI", "octo", "api-client.ts", "Terraform provider"…
    QString version;
};
ClientInfo classifyUserAgent(const QString &userAgent);

// The system and place a build-information record names: Azure DevOps organisation (dev.azure.com/ORG or
// ORG.visualstudio.com), GitHub repository (github.com/OWNER/REPO), else the host of BuildUrl. The system
// comes from BuildEnvironment when it is one the plug-ins send, else from the URL.
struct BuildOrigin
{
    QString system;
    QString location;
};
BuildOrigin buildOrigin(const QString &buildEnvironment, const QString &buildUrl);

// The Purpose of the API key an event names in IdentityEstablishedWith ("API key 'Jenkins deploys' created
// Fri, 22 Jul 2022 17:46:35 GMT" gives "Jenkins deploys"); empty when it names none.
QString apiKeyPurposeFrom(const QString &identityEstablishedWith);

// Groups evidence into integrations, one row per system and place. Evidence that names a place (build
// information) makes the rows; evidence that names only an account (events, keys) joins the row of the
// same account and system, else forms a row for that account. Several Jenkins controllers stay separate
// rows; one Azure DevOps organisation with forty pipelines is one row. Evidence of people signed in to the
// web portal and of the server itself is not an integration and is left out. Rows are sorted by system,
// then location.
QList<Integration> group(const QList<Evidence> &evidence);

// Sorts rows as group() does: by system, then location, without regard to case.
void sortRows(QList<Integration> &rows);

// The newest evidence the new server holds for `row` later than `after` (the time the repoint was marked):
// what makes a repointed integration verified. Nothing when the new server has not seen it since.
std::optional<Evidence> evidenceOfMove(const Integration &row, const QDateTime &after);

// Where `system` keeps the Octopus URL and API key, how far one change reaches, and the CLI's variable names
// (the retired octo reads OCTOPUS_CLI_SERVER / OCTOPUS_CLI_API_KEY, the octopus CLI OCTOPUS_URL /
// OCTOPUS_API_KEY). For people (translated); one paragraph.
QString repointRecipe(const QString &system);

} // namespace CiIntegrations
