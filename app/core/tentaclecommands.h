#pragma once

#include "tentaclemachine.h"

#include <QString>
#include <QStringList>
#include <QUrl>

class MigrationPlan;

// The commands a migration lead runs *on a polling Tentacle's machine* to make it poll the new server.
// Pure text generation, no I/O. Every value from the server (machine, environment, role names, host) is
// quoted for its shell, and no API key is ever written: where one is needed (the cloned-instance
// alternative) the script reads $env:OCTOPUS_API_KEY / $OCTOPUS_API_KEY or prompts for it.
//
// Recommended re-point (no new certificate, no new licence target, the registration the clone already
// has keeps working because the subscription ID and certificate stay the same):
//   Tentacle 8.1 and later: poll-server --server-comms-address https://HOST:10943 --reuse-server-thumbprint
//   older Tentacles:        server-comms --thumbprint SERVER --style TentacleActive --host HOST --port 10943
//   then: service --restart (a running Tentacle does not pick the change up by itself).
// Alternative (SpaceCloner's CloneTentacleInstance): a new Tentacle instance with a new certificate,
// registered with register-with / register-worker --comms-style TentacleActive.
namespace TentacleCommands {

enum class Os
{
    Windows,
    Linux
};

enum class RepointMethod
{
    PollServerReuseThumbprint, // Tentacle >= 8.1
    ServerComms                // older or unknown version
};

struct Options
{
    QString newHost;          // the host the Tentacle should dial, e.g. octopus-new.example.com
    int pollingPort = 10943;  // the new server's polling (comms) port
    QString serverThumbprint; // certificate-global of the new server (the same as the old one in a clone)
    QString instanceName = QStringLiteral("Tentacle");
    QUrl newServerUrl; // for the clone alternative's register-with --server (defaults to https://newHost/)
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

// Windows when the operating system or shell says so; Linux otherwise (Tentacle runs on nothing else).
Os osFor(const TentacleMachine &machine);
QString osName(Os os); // "windows" / "linux"

// True for 8.1.0 and later. Missing or unparsable versions answer false (server-comms works everywhere).
bool supportsReuseServerThumbprint(const QString &tentacleVersion);
RepointMethod repointMethodFor(const QString &tentacleVersion);

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

// Every machine's re-point script in one text file, one section per machine in its own shell (each section
// still has to run on its own machine).
QString bundle(const QList<TentacleMachine> &machines, const Options &options);

// CSV with a header row: id,name,space,kind,os,tentacleVersion,method,environments,roles,workerPools,
// tenants,command. Quoted per RFC 4180.
QString csv(const QList<TentacleMachine> &machines, const Options &options);

// A file name made of the machine's id and name, safe on every file system.
QString scriptFileName(const TentacleMachine &machine, Os os);

} // namespace TentacleCommands
