#pragma once

#include "tentaclemachine.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVersionNumber>

class MigrationPlan;

// The commands a migration lead runs *on a polling Tentacle's machine* to make it poll the new server.
// Pure text generation, no I/O. Every value from the server (machine, environment, role names, host) is
// quoted for its shell, and no API key is ever written: where one is needed (the cloned-instance
// alternative) the script reads $env:OCTOPUS_API_KEY / $OCTOPUS_API_KEY or prompts for it.
//
// Recommended re-point (no new certificate, no new licence target, the registration the clone already
// has keeps working because the subscription ID and certificate stay the same):
//   Tentacle 8.1.1713 and later: poll-server --server-comms-address https://HOST:10943
//   --reuse-server-thumbprint
//     (the option first shipped in 8.1.1713, OctopusTentacle commit ad190918; 8.1.32 to 8.1.1703 reject it),
//     after the script has checked that the FIRST trusted server entry is a polling one (see repointScript);
//   older or unknown Tentacles: server-comms --thumbprint SERVER --style TentacleActive --host HOST --port
//   10943 then: service --restart (a running Tentacle does not pick the change up by itself).
// poll-server and server-comms ADD an entry (same thumbprint and SubscriptionId, new address): the Tentacle
// polls both servers until the after-cutover step (cleanupScript) removes the old entry with
// clear-trusted-servers --keep NEW (Tentacle 8.1.1713 and later). Never `configure --remove-trust` (the
// clone shares the thumbprint: it would remove both entries) and never `reset-trust` + `server-comms` (a new
// SubscriptionId: the server's registration would no longer match).
// Kubernetes agents are re-pointed through their Helm release (helmRepointCommand).
// Alternative (SpaceCloner's CloneTentacleInstance): a new Tentacle instance with a new certificate,
// registered with register-with / register-worker --comms-style TentacleActive.
namespace TentacleCommands {

enum class Os
{
    Windows,
    Linux,
    Unknown // never health-checked: OperatingSystem and ShellName "Unknown"; both scripts are offered
};

enum class RepointMethod
{
    PollServerReuseThumbprint, // Tentacle >= 8.1.1713
    ServerComms                // older or unknown version
};

// The chart the Kubernetes agent is installed from (OctopusDeploy/helm-charts, charts/kubernetes-agent; the
// chart's migrations.md upgrades from this address).
inline constexpr char kKubernetesAgentChart[] = "oci://registry-1.docker.io/octopusdeploy/kubernetes-agent";

struct Options
{
    QString newHost;          // the host the Tentacle should dial, e.g. octopus-new.example.com
    int pollingPort = 10943;  // the new server's polling (comms) port
    QString serverThumbprint; // certificate-global of the new server (the same as the old one in a clone)
    QString instanceName = QStringLiteral("Tentacle");
    QUrl newServerUrl; // for the clone alternative's register-with --server (defaults to https://newHost/)
    QString oldHost;   // the host the Tentacles dial today (Kubernetes agents keep it until after cutover)
    int oldPollingPort = 10943;
};

struct Script
{
    Os os = Os::Linux;
    QString text;
    QString fileName; // suggested, e.g. "Machines-12_web-prod-001.ps1"
};

// The options the plan implies: the host and URL Tentacles should dial (the old public name when the lead
// keeps it, else the new public URL; undecided counts as a new name, and without a public URL the URL
// used to reach the new server stands in) and the new server's certificate thumbprint.
Options optionsFor(const MigrationPlan &plan, const QString &serverThumbprint);

// Windows when the operating system or shell says so; Unknown when neither is known (a machine that was
// never health-checked reports "Unknown" for both); Linux otherwise (Tentacle runs on nothing else).
Os osFor(const TentacleMachine &machine);
QString osName(Os os); // "windows" / "linux" / "unknown"
// The shells a script is written for: the machine's own, or both when its OS is unknown (never a guess).
QList<Os> scriptOsesFor(const TentacleMachine &machine);

// The first Tentacle with poll-server --reuse-server-thumbprint and clear-trusted-servers --keep (both came
// with OctopusTentacle commit ad190918, first released in 8.1.1713).
QVersionNumber firstVersionWithReuseAndKeep();
// True for 8.1.1713 and later. Missing or unparsable versions answer false (server-comms works everywhere).
bool supportsReuseServerThumbprint(const QString &tentacleVersion);
// clear-trusted-servers --keep: the same first version.
bool supportsClearTrustedServers(const QString &tentacleVersion);
RepointMethod repointMethodFor(const QString &tentacleVersion);
// The address a Tentacle stores for a polling server (https://HOST:PORT/, IPv6 in brackets).
QString commsAddress(const QString &host, int port);

// Single-quoted literals that their shell reads back byte for byte.
QString powerShellQuote(const QString &value);
QString bashQuote(const QString &value);
// Text safe inside a one-line comment (no line breaks or control characters).
QString commentSafe(const QString &value);

// The re-point command lines alone (full executable path, quoted instance), one per line: what the JSON
// output and the CSV carry.
QString commandLines(const TentacleMachine &machine, Os os, const Options &options);
// The recommended re-point for one machine, for `os`, as a whole script (header, checks, restart).
Script repointScript(const TentacleMachine &machine, Os os, const Options &options);
// The alternative: a cloned Tentacle instance with a new certificate. Warns about the licence target count
// and the old registration in its comments.
Script cloneInstanceScript(const TentacleMachine &machine, Os os, const Options &options);
// The warnings that come with the clone alternative, for people (translated).
QStringList cloneInstanceWarnings();

// The after-cutover step: remove the old server's trusted entry so the Tentacle polls only the new server.
// clear-trusted-servers --keep https://NEW:PORT/ keeps the entries with that address and removes ALL others
// (none left if the address matches nothing), so the script first checks show-configuration for a polling
// entry with the new address and stops otherwise; then service --restart. Empty lines/script text when the
// machine cannot do it (Tentacle older than 8.1.1713 or unknown); cleanupNote() then says why.
QString cleanupLines(const TentacleMachine &machine, Os os, const Options &options);
Script cleanupScript(const TentacleMachine &machine, Os os, const Options &options);
// Why there is no cleanup command (translated), or empty when there is one.
QString cleanupNote(const TentacleMachine &machine, const Options &options);
// What the page shows as the step after cutover for one machine: its cleanup script (both shells, one after
// the other, when the OS is unknown), the helm script of a Kubernetes agent, or the note as comments.
QString afterCutoverText(const TentacleMachine &machine, const Options &options);
// "Machines-12_web-01.after-cutover.ps1"
QString cleanupFileName(const TentacleMachine &machine, Os os);

// Kubernetes agents: a helm upgrade of the agent's release in its namespace (--reuse-values, the installed
// chart version) that adds the new server's comms address next to the old one (agent.serverCommsAddresses;
// the agent's configure-and-run.sh keeps the first address and registers the others with poll-server
// --reuse-server-thumbprint each time the pod starts, since Tentacle 8.1.1713). Empty when the agent is too
// old or its release is not known; helmNote() says why.
QString helmRepointCommand(const TentacleMachine &machine, const Options &options);
// After cutover: the same release with only the new address (the pod's start then runs
// clear-trusted-servers --keep NEW). Empty when helmRepointCommand is.
QString helmCleanupCommand(const TentacleMachine &machine, const Options &options);
QString helmNote(const TentacleMachine &machine); // translated, empty when both commands exist
// A bash script around the helm command (re-point, or the after-cutover one); the note alone when there
// is no command. File name "<id>_<name>.helm.sh" / ".after-cutover.helm.sh".
Script helmScript(const TentacleMachine &machine, const Options &options, bool afterCutover);

// Every machine's re-point script in one text file, one section per machine in its own shell (each section
// still has to run on its own machine).
QString bundle(const QList<TentacleMachine> &machines, const Options &options);

// The files one machine gets in a script export: its re-point script and, apart, its after-cutover script
// (when it has one); both shells when its OS is unknown; the helm scripts for a Kubernetes agent.
QList<Script> scriptsFor(const TentacleMachine &machine, const Options &options);

// Every machine's after-cutover script in one text file (the same layout as bundle()); machines without
// one get their note.
QString cleanupBundle(const QList<TentacleMachine> &machines, const Options &options);

// CSV with a header row: id,name,space,kind,os,tentacleVersion,method,environments,roles,workerPools,
// tenants,command,cleanup,cleanupNote. Quoted per RFC 4180. Kubernetes agents: method "helm", the helm
// commands. Unknown OS: both forms, "windows: ...; linux: ...".
QString csv(const QList<TentacleMachine> &machines, const Options &options);

// A file name made of the machine's id and name, safe on every file system.
QString scriptFileName(const TentacleMachine &machine, Os os);

} // namespace TentacleCommands
