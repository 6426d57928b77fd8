#include "tentaclecommands.h"

#include "migrationplan.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QVersionNumber>

namespace TentacleCommands {

namespace {

const QString kWindowsTentacle = QStringLiteral("C:\\Program Files\\Octopus Deploy\\Tentacle\\Tentacle.exe");
const QString kLinuxTentacle = QStringLiteral("/opt/octopus/tentacle/Tentacle");

QString hostForUrl(const QString &host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.contains(QLatin1Char(':')) && !trimmed.startsWith(QLatin1Char('[')))
        return QLatin1Char('[') + trimmed + QLatin1Char(']');
    return trimmed;
}

QString pollAddress(const Options &options)
{
    return QStringLiteral("https://%1:%2").arg(hostForUrl(options.newHost)).arg(options.pollingPort);
}

QString serverUrl(const Options &options)
{
    if (options.newServerUrl.isValid() && !options.newServerUrl.host().isEmpty())
        return options.newServerUrl.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    return QStringLiteral("https://%1").arg(hostForUrl(options.newHost));
}

QString quote(Os os, const QString &value)
{
    return os == Os::Windows ? powerShellQuote(value) : bashQuote(value);
}

QString thumbprintArgument(Os os, const Options &options)
{
    if (!options.serverThumbprint.trimmed().isEmpty())
        return quote(os, options.serverThumbprint.trimmed());
    return os == Os::Windows ? QStringLiteral("$env:OCTOPUS_SERVER_THUMBPRINT")
                             : QStringLiteral("\"${OCTOPUS_SERVER_THUMBPRINT:?}\"");
}

// server-comms for the new address. It does not depend on the order of the trusted entries: it reuses the
// SubscriptionId of an existing polling entry with this thumbprint (ServerCommsCommand.SetupActive, which
// compares thumbprints case-sensitively: the thumbprint is passed exactly as the server reports it).
QString serverCommsLine(Os os, const Options &options, const QString &call, const QString &instanceVar)
{
    return QStringLiteral("%1 server-comms --instance %2 --thumbprint %3 --style TentacleActive "
                          "--host %4 --port %5")
        .arg(call, instanceVar, thumbprintArgument(os, options), quote(os, hostForUrl(options.newHost)))
        .arg(options.pollingPort);
}

// `# ` or `#` comment lines (both shells use #).
QString comment(const QString &text)
{
    return QStringLiteral("# ") + commentSafe(text) + QLatin1Char('\n');
}

QString describe(const TentacleMachine &machine)
{
    QString text =
        QStringLiteral("%1 \"%2\" (%3, %4)")
            .arg(machine.isWorker() ? QCoreApplication::translate("TentacleCommands", "Worker")
                                    : QCoreApplication::translate("TentacleCommands", "Deployment target"),
                 machine.name, machine.id, machine.spaceName.isEmpty() ? machine.spaceId : machine.spaceName);
    return text;
}

QString versionText(const TentacleMachine &machine)
{
    return machine.tentacleVersion.isEmpty() ? QCoreApplication::translate("TentacleCommands", "unknown")
                                             : machine.tentacleVersion;
}

// The command lines alone, without the script's header and error handling.
// `call` is how the Tentacle executable is invoked ("& $tentacle", "/opt/octopus/tentacle/Tentacle").
QStringList repointLines(const TentacleMachine &machine, Os os, const Options &options, const QString &call,
                         const QString &instanceVar)
{
    QStringList lines;
    if (repointMethodFor(machine.tentacleVersion) == RepointMethod::PollServerReuseThumbprint) {
        lines << QStringLiteral("%1 poll-server --instance %2 --server-comms-address %3 "
                                "--reuse-server-thumbprint")
                     .arg(call, instanceVar, quote(os, pollAddress(options)));
    } else {
        lines << serverCommsLine(os, options, call, instanceVar);
    }
    lines << QStringLiteral("%1 service --instance %2 --restart").arg(call, instanceVar);
    return lines;
}

QString sanitiseForFile(const QString &value)
{
    QString out;
    for (const QChar c : value) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_'))
            out += c;
        else
            out += QLatin1Char('_');
    }
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    return out.left(80);
}

QString checkExitText(const QString &what)
{
    return QStringLiteral("if ($LASTEXITCODE -ne 0) { throw \"%1 failed with exit code $LASTEXITCODE\" }\n")
        .arg(what);
}

QString checkExit(Os os, const QString &what)
{
    if (os == Os::Windows)
        return QStringLiteral(
                   "if ($LASTEXITCODE -ne 0) { throw \"%1 failed with exit code $LASTEXITCODE\" }\n")
            .arg(what);
    return QString(); // set -e stops the script
}

QString windowsHeader(const Options &options)
{
    QString text;
    text += QStringLiteral("#Requires -RunAsAdministrator\n");
    text += QStringLiteral("$ErrorActionPreference = 'Stop'\n");
    text += QStringLiteral("$tentacle = %1\n").arg(powerShellQuote(kWindowsTentacle));
    text += QStringLiteral("$instance = %1\n").arg(powerShellQuote(options.instanceName));
    return text;
}

QString linuxHeader(const Options &options)
{
    QString text;
    text += QStringLiteral("set -euo pipefail\n");
    text += QStringLiteral("if [ \"$(id -u)\" -ne 0 ]; then echo %1 >&2; exit 1; fi\n")
                .arg(bashQuote(
                    QCoreApplication::translate("TentacleCommands", "Run this script as root (sudo).")));
    text += QStringLiteral("tentacle=%1\n").arg(bashQuote(kLinuxTentacle));
    text += QStringLiteral("instance=%1\n").arg(bashQuote(options.instanceName));
    return text;
}

// What the scripts check in `Tentacle show-configuration` before they change anything. Its output is JSON
// (ShowConfigurationCommand: JsonHierarchicalConsoleKeyValueStore): {"Tentacle": {"Communication":
// {"TrustedOctopusServers": [{"Thumbprint", "CommunicationStyle", "Address", "Squid", "SubscriptionId"}]}}}
// where CommunicationStyle is written as a number by OctopusServerConfiguration's converter (2 =
// TentacleActive, 1 = TentaclePassive; older Tentacles wrote the name) and Address as stored
// ("https://host:10943", no normalisation), so addresses are compared by host (any case) and port.
enum class TrustCheck
{
    FirstEntryPolls, // the first entry is a polling one (for the new server's thumbprint, when known)
    NewAddressPolls  // an entry with the new address polls
};

// Python 3 reads the JSON on Linux (bash cannot); it is there on every distribution Tentacle supports, and
// the script stops with a message where it is not. Only double quotes inside: it sits in a '...' literal.
const char kPythonTrustCheck[] = R"PY(import json, sys
from urllib.parse import urlsplit
mode, address, thumbprint = sys.argv[1], sys.argv[2], sys.argv[3].lower()
def key(value):
    parts = urlsplit(str(value or "").replace("http://", "https://", 1))
    return ((parts.hostname or "").lower(), parts.port or 443)
def polls(server):
    return str(server.get("CommunicationStyle")) in ("2", "TentacleActive")
config = json.load(sys.stdin)
servers = ((config.get("Tentacle") or {}).get("Communication") or {}).get("TrustedOctopusServers") or []
if mode == "first":
    first = servers[0] if servers else {}
    ok = bool(servers) and polls(first) and (not thumbprint or str(first.get("Thumbprint") or "").lower() == thumbprint)
else:
    ok = any(polls(s) and key(s.get("Address")) == key(address) for s in servers)
sys.exit(0 if ok else 1))PY";

QString trustCheck(Os os, TrustCheck check, const Options &options, const QString &failure)
{
    const QString address = pollAddress(options) + QLatin1Char('/');
    const QString thumbprint = options.serverThumbprint.trimmed();
    QString t;
    if (os == Os::Windows) {
        t += QStringLiteral("$shown = & $tentacle show-configuration --instance $instance | Out-String\n");
        t += checkExitText(QStringLiteral("show-configuration"));
        t += QStringLiteral("$servers = @(($shown | ConvertFrom-Json).Tentacle.Communication."
                            "TrustedOctopusServers | Where-Object { $_ })\n");
        t += QStringLiteral("function Test-Polls($server) { @('2', 'TentacleActive') -contains "
                            "\"$($server.CommunicationStyle)\" }\n");
        if (check == TrustCheck::FirstEntryPolls) {
            t += QStringLiteral("$thumbprint = %1\n").arg(powerShellQuote(thumbprint));
            t += QStringLiteral("$first = $servers | Select-Object -First 1\n");
            // -ne compares strings without regard to case.
            t += QStringLiteral("if (-not $first -or -not (Test-Polls $first) -or ($thumbprint -and "
                                "\"$($first.Thumbprint)\" -ne $thumbprint)) {\n");
        } else {
            t += QStringLiteral("$keep = [Uri]%1\n").arg(powerShellQuote(address));
            t += QStringLiteral("$kept = @($servers | Where-Object { (Test-Polls $_) -and $_.Address -and "
                                "([Uri]\"$($_.Address)\").Host -eq $keep.Host -and "
                                "([Uri]\"$($_.Address)\").Port -eq $keep.Port })\n");
            t += QStringLiteral("if ($kept.Count -eq 0) {\n");
        }
        t += QStringLiteral("    throw %1\n").arg(powerShellQuote(failure));
        t += QStringLiteral("}\n");
        return t;
    }
    t += QStringLiteral("if ! command -v python3 >/dev/null 2>&1; then\n");
    t += QStringLiteral("    echo %1 >&2\n")
             .arg(bashQuote(QCoreApplication::translate(
                 "TentacleCommands", "python3 is needed to read show-configuration; nothing was changed.")));
    t += QStringLiteral("    exit 1\n");
    t += QStringLiteral("fi\n");
    t += QStringLiteral("shown=\"$(\"$tentacle\" show-configuration --instance \"$instance\")\"\n");
    t += QStringLiteral("if ! printf '%s' \"$shown\" | python3 -c %1 %2 %3 %4; then\n")
             .arg(bashQuote(QString::fromUtf8(kPythonTrustCheck)),
                  check == TrustCheck::FirstEntryPolls ? QStringLiteral("first") : QStringLiteral("keep"),
                  bashQuote(address), bashQuote(thumbprint));
    t += QStringLiteral("    echo %1 >&2\n").arg(bashQuote(failure));
    t += QStringLiteral("    exit 1\n");
    t += QStringLiteral("fi\n");
    return t;
}

QString withTrailingSlash(QString url)
{
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url + QLatin1Char('/');
}

QString section(const TentacleMachine &machine, const QString &shell, const QString &fileName)
{
    QString text = QLatin1Char('\n') + QString(78, QLatin1Char('#')) + QLatin1Char('\n');
    text += comment(QStringLiteral("%1  [%2]  %3").arg(machine.id, shell, fileName).trimmed());
    text += QString(78, QLatin1Char('#')) + QLatin1Char('\n');
    return text;
}

QString unknownOsText()
{
    return QCoreApplication::translate(
        "TentacleCommands",
        "The operating system is unknown (never health-checked): both scripts follow; run "
        "the one for the machine's shell.");
}

QStringList cleanupCommandLines(Os os, const Options &options, const QString &call,
                                const QString &instanceVar)
{
    return {QStringLiteral("%1 clear-trusted-servers --instance %2 --keep %3")
                .arg(call, instanceVar, quote(os, commsAddress(options.newHost, options.pollingPort))),
            QStringLiteral("%1 service --instance %2 --restart").arg(call, instanceVar)};
}

// helm upgrade of the agent's release with the values it has (--reuse-values) and the chart version it
// runs (AgentVersion), so nothing but the addresses changes.
QString helmUpgrade(const TentacleMachine &machine)
{
    QString text =
        QStringLiteral("helm upgrade %1 %2 --namespace %3 --reuse-values")
            .arg(bashQuote(machine.helmReleaseName.trimmed()), QLatin1String(kKubernetesAgentChart),
                 bashQuote(machine.kubernetesNamespace.trimmed()));
    if (!machine.agentVersion.trimmed().isEmpty())
        text += QStringLiteral(" --version %1").arg(bashQuote(machine.agentVersion.trimmed()));
    return text;
}

// The agent keeps the FIRST comms address of its values and removes every other trusted entry when its pod
// starts (clear-trusted-servers --keep); if that address matches no entry it removes them all and the pod
// cannot register the others. So the helm scripts read the release's values first: before the re-point the
// first address must be the old server's (and the only one: the command replaces the list), after cutover
// the new address must already be there. Python 3 reads the JSON, as in the Tentacle scripts.
const char kPythonHelmCheck[] = R"PY(import json, sys
from urllib.parse import urlsplit
mode, address, new = sys.argv[1], sys.argv[2], sys.argv[3]
def key(value):
    parts = urlsplit(str(value or "").replace("http://", "https://", 1))
    return ((parts.hostname or "").lower(), parts.port or 443)
agent = (json.load(sys.stdin) or {}).get("agent") or {}
single = agent.get("serverCommsAddress") or ""
many = [a for a in (agent.get("serverCommsAddresses") or []) if a]
if mode == "first":
    first = single or (many[0] if many else "")
    others = [a for a in many if key(a) not in (key(address), key(new))]
    ok = bool(first) and key(first) == key(address) and not others
else:
    ok = any(key(a) == key(address) for a in [single] + many if a)
sys.exit(0 if ok else 1))PY";

QString helmValuesCheck(const TentacleMachine &machine, const Options &options, bool afterCutover)
{
    const QString address = afterCutover ? commsAddress(options.newHost, options.pollingPort)
                                         : commsAddress(options.oldHost, options.oldPollingPort);
    const QString failure =
        afterCutover
            ? QCoreApplication::translate(
                  "TentacleCommands",
                  "The release's values do not list %1: run the re-point first (or check helm get values). "
                  "Nothing was changed: the agent would remove every trusted server.")
                  .arg(address)
            : QCoreApplication::translate(
                  "TentacleCommands",
                  "The release's first server comms address is not %1, or it lists more than that one: the "
                  "agent keeps only the first one. Check helm get values and adapt the command. Nothing was "
                  "changed.")
                  .arg(address);
    QString t;
    t += QStringLiteral("if ! command -v python3 >/dev/null 2>&1; then\n");
    t +=
        QStringLiteral("    echo %1 >&2\n")
            .arg(bashQuote(QCoreApplication::translate(
                "TentacleCommands", "python3 is needed to read the release's values; nothing was changed.")));
    t += QStringLiteral("    exit 1\n");
    t += QStringLiteral("fi\n");
    t += QStringLiteral("values=\"$(helm get values %1 --namespace %2 --all --output json)\"\n")
             .arg(bashQuote(machine.helmReleaseName.trimmed()),
                  bashQuote(machine.kubernetesNamespace.trimmed()));
    t += QStringLiteral("if ! printf '%s' \"$values\" | python3 -c %1 %2 %3 %4; then\n")
             .arg(bashQuote(QString::fromUtf8(kPythonHelmCheck)),
                  afterCutover ? QStringLiteral("listed") : QStringLiteral("first"), bashQuote(address),
                  bashQuote(commsAddress(options.newHost, options.pollingPort)));
    t += QStringLiteral("    echo %1 >&2\n").arg(bashQuote(failure));
    t += QStringLiteral("    exit 1\n");
    t += QStringLiteral("fi\n");
    return t;
}

QString kubernetesSection(const TentacleMachine &machine, const QString &command)
{
    QString text = comment(
        QCoreApplication::translate(
            "TentacleCommands", "Kubernetes agent %1: run where helm reaches its cluster (kubectl context).")
            .arg(machine.name));
    if (command.isEmpty()) {
        const QString note = helmNote(machine);
        return text + comment(note.isEmpty() ? QCoreApplication::translate(
                                                   "TentacleCommands",
                                                   "The old server's address is not known: no helm command.")
                                             : note);
    }
    return text + command + QLatin1Char('\n');
}

QString fileNameWithSuffix(const TentacleMachine &machine, Os os, const QString &suffix)
{
    QString name = scriptFileName(machine, os);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return name.left(dot) + suffix + name.mid(dot);
}

} // namespace

Os osFor(const TentacleMachine &machine)
{
    if (machine.operatingSystem.contains(QLatin1String("Windows"), Qt::CaseInsensitive) ||
        machine.shellName.compare(QLatin1String("PowerShell"), Qt::CaseInsensitive) == 0)
        return Os::Windows;
    auto unknown = [](const QString &value) {
        const QString v = value.trimmed();
        return v.isEmpty() || v.compare(QLatin1String("Unknown"), Qt::CaseInsensitive) == 0;
    };
    if (unknown(machine.operatingSystem) && unknown(machine.shellName))
        return Os::Unknown;
    return Os::Linux;
}

QString osName(Os os)
{
    switch (os) {
    case Os::Windows:
        return QStringLiteral("windows");
    case Os::Linux:
        return QStringLiteral("linux");
    case Os::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QList<Os> scriptOsesFor(const TentacleMachine &machine)
{
    const Os os = osFor(machine);
    if (os == Os::Unknown)
        return {Os::Windows, Os::Linux};
    return {os};
}

QString commsAddress(const QString &host, int port)
{
    return QStringLiteral("https://%1:%2/").arg(hostForUrl(host)).arg(port);
}

QVersionNumber firstVersionWithReuseAndKeep()
{
    return QVersionNumber(8, 1, 1713);
}

bool supportsReuseServerThumbprint(const QString &tentacleVersion)
{
    const QString text = tentacleVersion.trimmed();
    if (text.isEmpty())
        return false;
    qsizetype suffix = 0;
    const QVersionNumber version = QVersionNumber::fromString(text, &suffix);
    if (version.isNull())
        return false;
    return QVersionNumber::compare(version, firstVersionWithReuseAndKeep()) >= 0;
}

bool supportsClearTrustedServers(const QString &tentacleVersion)
{
    return supportsReuseServerThumbprint(tentacleVersion);
}

RepointMethod repointMethodFor(const QString &tentacleVersion)
{
    return supportsReuseServerThumbprint(tentacleVersion) ? RepointMethod::PollServerReuseThumbprint
                                                          : RepointMethod::ServerComms;
}

QString powerShellQuote(const QString &value)
{
    // Inside '...' PowerShell treats ' and the typographic single quotes U+2018..U+201B as quote characters;
    // doubling each makes it literal. Nothing else is special.
    QString out = QStringLiteral("'");
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201A || u == 0x201B)
            out += c;
        out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString bashQuote(const QString &value)
{
    QString out = QStringLiteral("'");
    for (const QChar c : value) {
        if (c == QLatin1Char('\''))
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString commentSafe(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || u == 0x85 || u == 0x2028 || u == 0x2029;
        out += control ? QLatin1Char(' ') : c;
    }
    return out;
}

QString scriptFileName(const TentacleMachine &machine, Os os)
{
    QString base = sanitiseForFile(machine.id);
    const QString name = sanitiseForFile(machine.name);
    if (!name.isEmpty())
        base += QLatin1Char('_') + name;
    if (base.isEmpty())
        base = QStringLiteral("machine");
    return base + (os == Os::Windows ? QStringLiteral(".ps1") : QStringLiteral(".sh"));
}

Script repointScript(const TentacleMachine &machine, Os os, const Options &options)
{
    Script script;
    script.os = os == Os::Windows ? Os::Windows : Os::Linux; // an unknown OS gets both, one at a time
    script.fileName = scriptFileName(machine, os);
    const bool reuse = repointMethodFor(machine.tentacleVersion) == RepointMethod::PollServerReuseThumbprint;
    QString &t = script.text;
    if (os != Os::Windows)
        t += QStringLiteral("#!/usr/bin/env bash\n");
    t += comment(QCoreApplication::translate(
        "TentacleCommands", "Handover: make a polling Tentacle poll the new Octopus Server."));
    t += comment(describe(machine));
    t += comment(
        QCoreApplication::translate("TentacleCommands", "Run on that machine, %1. New polling address: %2")
            .arg(os == Os::Windows
                     ? QCoreApplication::translate("TentacleCommands", "in an elevated PowerShell")
                     : QCoreApplication::translate("TentacleCommands", "as root"),
                 pollAddress(options)));
    t += comment(QCoreApplication::translate("TentacleCommands", "Tentacle version %1: %2")
                     .arg(versionText(machine),
                          reuse ? QCoreApplication::translate(
                                      "TentacleCommands",
                                      "poll-server --reuse-server-thumbprint (Tentacle 8.1.1713 and later).")
                                : QCoreApplication::translate(
                                      "TentacleCommands",
                                      "server-comms (poll-server --reuse-server-thumbprint needs Tentacle "
                                      "8.1.1713 or later).")));
    t += comment(QCoreApplication::translate(
        "TentacleCommands",
        "No new certificate, no API key, no new licence target: the new server is a clone and "
        "already trusts this Tentacle."));
    if (!reuse && options.serverThumbprint.trimmed().isEmpty())
        t += comment(QCoreApplication::translate(
            "TentacleCommands", "The server thumbprint was not known when this was written: set "
                                "OCTOPUS_SERVER_THUMBPRINT before running it."));
    t += QLatin1Char('\n');
    t += os == Os::Windows ? windowsHeader(options) : linuxHeader(options);
    const QString tentacleVar =
        os == Os::Windows ? QStringLiteral("& $tentacle") : QStringLiteral("\"$tentacle\"");
    const QString instanceVar =
        os == Os::Windows ? QStringLiteral("$instance") : QStringLiteral("\"$instance\"");
    const QStringList lines = repointLines(machine, os, options, tentacleVar, instanceVar);
    if (reuse) {
        // --reuse-server-thumbprint copies the FIRST trusted entry's thumbprint, CommunicationStyle and
        // SubscriptionId (PollCommand.CreateServerConfigurationFromFirstTrustedServer). If that entry is a
        // listening one (what `configure --trust` creates), the new entry is listening too and is never
        // polled, without an error. The server cannot see the order of the entries, so the script looks
        // before it changes anything and stops, naming the form that does not depend on the order.
        // poll-server stays the recommended form where it works because it needs no thumbprint and copies
        // exactly the SubscriptionId the server knows; server-comms reuses it only when an existing polling
        // entry has the same thumbprint, compared case-sensitively.
        t += comment(QCoreApplication::translate(
            "TentacleCommands", "--reuse-server-thumbprint copies the first trusted server entry: check that "
                                "it is a polling one."));
        const QString failure =
            QCoreApplication::translate(
                "TentacleCommands",
                "The first trusted server entry of this Tentacle is not a polling entry for the new server's "
                "certificate: poll-server --reuse-server-thumbprint would copy it and add an entry that is "
                "never polled. Nothing was changed. Run instead: %1")
                .arg(serverCommsLine(os, options,
                                     os == Os::Windows ? QStringLiteral("Tentacle.exe")
                                                       : QStringLiteral("Tentacle"),
                                     options.instanceName));
        t += trustCheck(os, TrustCheck::FirstEntryPolls, options, failure);
    }
    t += lines.at(0) + QLatin1Char('\n');
    t += checkExit(os, reuse ? QStringLiteral("poll-server") : QStringLiteral("server-comms"));
    t += comment(QCoreApplication::translate(
        "TentacleCommands", "A running Tentacle only reads the new address when it restarts."));
    t += lines.at(1) + QLatin1Char('\n');
    t += checkExit(os, QStringLiteral("service --restart"));
    return script;
}

QStringList cloneInstanceWarnings()
{
    return {
        QCoreApplication::translate(
            "TentacleCommands",
            "Each cloned Tentacle instance is a new host/port pair for licensing: the target count on the "
            "new server's licence grows by one per instance."),
        QCoreApplication::translate(
            "TentacleCommands",
            "The original registration stays on the new server (the clone copied it) with the old "
            "certificate and stays unavailable there; disable or delete it once the cloned instance is "
            "healthy, "
            "or deployments to its roles keep trying to reach it."),
        QCoreApplication::translate(
            "TentacleCommands",
            "The cloned instance gets a new certificate, so it is registered as its own machine (\"NAME "
            "(clone)\"), not over the original: re-registering a polling Tentacle with a new certificate "
            "over an "
            "existing machine can leave it uncontactable (OctopusDeploy/Issues#3030)."),
        QCoreApplication::translate(
            "TentacleCommands",
            "register-with needs an API key for the new server. The script reads it from the "
            "OCTOPUS_API_KEY environment variable or asks for it; never write it into the script.")};
}

Script cloneInstanceScript(const TentacleMachine &machine, Os os, const Options &options)
{
    Script script;
    script.os = os == Os::Windows ? Os::Windows : Os::Linux; // an unknown OS gets both, one at a time
    script.fileName = scriptFileName(machine, os);
    QString &t = script.text;
    const bool win = os == Os::Windows;
    if (!win)
        t += QStringLiteral("#!/usr/bin/env bash\n");
    t += comment(QCoreApplication::translate(
        "TentacleCommands",
        "Handover: ALTERNATIVE - a cloned polling Tentacle instance with a new certificate."));
    t += comment(describe(machine));
    t += comment(QCoreApplication::translate(
        "TentacleCommands",
        "Prefer the re-point script: it needs no new certificate, no API key and no new licence "
        "target."));
    for (const QString &warning : cloneInstanceWarnings())
        t += comment(QCoreApplication::translate("TentacleCommands", "Warning: %1").arg(warning));
    t += QLatin1Char('\n');
    t += win ? windowsHeader(options) : linuxHeader(options);

    const QString cloneName = QStringLiteral("ClonedInstance_") + sanitiseForFile(machine.name);
    QStringList reg;
    if (machine.isWorker()) {
        reg << QStringLiteral("register-worker");
        for (const QString &pool : machine.workerPools) {
            reg << QStringLiteral("--workerpool") << quote(os, pool);
            if (pool.startsWith(QLatin1String("WorkerPools-")))
                t += comment(QCoreApplication::translate(
                                 "TentacleCommands", "Check: --workerpool takes a pool's name; %1 is its id.")
                                 .arg(pool));
        }
    } else {
        reg << QStringLiteral("register-with");
        for (const QString &env : machine.environments)
            reg << QStringLiteral("--environment") << quote(os, env);
        for (const QString &role : machine.roles)
            reg << QStringLiteral("--role") << quote(os, role);
        for (const QString &tenant : machine.tenants)
            reg << QStringLiteral("--tenant") << quote(os, tenant);
    }
    if (!machine.isWorker()) {
        // As the source machine has them (RegisterMachineCommand: --tenanttag, --tenanted-deployment-
        // participation; RegisterMachineCommandBase: --policy takes the policy's name).
        for (const QString &tag : machine.tenantTags)
            reg << QStringLiteral("--tenanttag") << quote(os, tag);
        if (!machine.tenantedDeploymentParticipation.isEmpty())
            reg << QStringLiteral("--tenanted-deployment-participation")
                << quote(os, machine.tenantedDeploymentParticipation);
    }
    if (!machine.machinePolicy.isEmpty()) {
        reg << QStringLiteral("--policy") << quote(os, machine.machinePolicy);
        if (machine.machinePolicy.startsWith(QLatin1String("MachinePolicies-")))
            t += comment(QCoreApplication::translate("TentacleCommands",
                                                     "Check: --policy takes a machine policy's name; %1 is "
                                                     "its id.")
                             .arg(machine.machinePolicy));
    }
    reg << QStringLiteral("--server") << quote(os, serverUrl(options));
    if (!machine.spaceName.isEmpty())
        reg << QStringLiteral("--space") << quote(os, machine.spaceName);
    reg << QStringLiteral("--name") << quote(os, machine.name + QStringLiteral(" (clone)"));
    reg << QStringLiteral("--comms-style") << QStringLiteral("TentacleActive");
    reg << QStringLiteral("--server-comms-port") << QString::number(options.pollingPort);
    QString thumbprint;
    if (!options.serverThumbprint.trimmed().isEmpty())
        thumbprint = quote(os, options.serverThumbprint.trimmed());
    else
        thumbprint = win ? QStringLiteral("$env:OCTOPUS_SERVER_THUMBPRINT")
                         : QStringLiteral("\"${OCTOPUS_SERVER_THUMBPRINT:?}\"");

    if (win) {
        t += QStringLiteral("$apiKey = $env:OCTOPUS_API_KEY\n");
        t += QStringLiteral("if (-not $apiKey) {\n");
        t += QStringLiteral("    $secure = Read-Host -AsSecureString -Prompt %1\n")
                 .arg(powerShellQuote(QCoreApplication::translate("TentacleCommands", "API key for %1")
                                          .arg(serverUrl(options))));
        t += QStringLiteral("    $apiKey = [System.Net.NetworkCredential]::new('', $secure).Password\n");
        t += QStringLiteral("}\n");
        t += QStringLiteral("$clone = %1\n").arg(powerShellQuote(cloneName));
        t += QStringLiteral("$config = \"C:\\Octopus\\$clone\\Tentacle.config\"\n");
        const QStringList steps = {
            QStringLiteral("create-instance --instance $clone --config $config"),
            QStringLiteral("new-certificate --instance $clone --if-blank"),
            QStringLiteral("configure --instance $clone --home \"C:\\Octopus\\$clone\" --app "
                           "\"C:\\Octopus\\$clone\\Applications\" --noListen true"),
            QStringLiteral("configure --instance $clone --trust %1").arg(thumbprint),
            QStringLiteral("service --instance $clone --install --start"),
            reg.join(QLatin1Char(' ')) + QStringLiteral(" --instance $clone --apiKey $apiKey"),
        };
        for (const QString &step : steps) {
            t += QStringLiteral("& $tentacle ") + step + QLatin1Char('\n');
            t += checkExit(os, step.section(QLatin1Char(' '), 0, 0));
        }
        t += QStringLiteral("& $tentacle service --instance $clone --restart\n");
        t += checkExit(os, QStringLiteral("service --restart"));
    } else {
        t += QStringLiteral("if [ -z \"${OCTOPUS_API_KEY:-}\" ]; then\n");
        t += QStringLiteral("    read -r -s -p %1 OCTOPUS_API_KEY\n")
                 .arg(bashQuote(QCoreApplication::translate("TentacleCommands", "API key for %1: ")
                                    .arg(serverUrl(options))));
        t += QStringLiteral("    echo\n");
        t += QStringLiteral("fi\n");
        t += QStringLiteral("clone=%1\n").arg(bashQuote(cloneName));
        const QStringList steps = {
            QStringLiteral("create-instance --instance \"$clone\" --config "
                           "\"/etc/octopus/$clone/tentacle-$clone.config\""),
            QStringLiteral("new-certificate --instance \"$clone\" --if-blank"),
            QStringLiteral("configure --instance \"$clone\" --app \"/home/Octopus/$clone/Applications\" "
                           "--noListen true"),
            QStringLiteral("configure --instance \"$clone\" --trust %1").arg(thumbprint),
            QStringLiteral("service --instance \"$clone\" --install --start"),
            reg.join(QLatin1Char(' ')) +
                QStringLiteral(" --instance \"$clone\" --apiKey \"${OCTOPUS_API_KEY:?}\""),
        };
        for (const QString &step : steps)
            t += QStringLiteral("\"$tentacle\" ") + step + QLatin1Char('\n');
        t += QStringLiteral("\"$tentacle\" service --instance \"$clone\" --restart\n");
    }
    return script;
}

QString bundle(const QList<TentacleMachine> &machines, const Options &options)
{
    QString text;
    text +=
        comment(QCoreApplication::translate(
                    "TentacleCommands",
                    "Handover: re-point scripts for %1 polling Tentacles. Each section must run on its own "
                    "machine (PowerShell on Windows, bash on Linux); copy the section, or use the "
                    "one-script-per-machine export.")
                    .arg(machines.size()));
    for (const TentacleMachine &machine : machines) {
        if (machine.isKubernetesAgent()) {
            text += section(machine, QStringLiteral("helm"), QString());
            text += kubernetesSection(machine, helmRepointCommand(machine, options));
            continue;
        }
        for (const Os os : scriptOsesFor(machine)) {
            text += section(machine, osName(os), scriptFileName(machine, os));
            if (osFor(machine) == Os::Unknown)
                text += comment(unknownOsText());
            text += repointScript(machine, os, options).text;
        }
    }
    return text;
}

QString cleanupBundle(const QList<TentacleMachine> &machines, const Options &options)
{
    QString text;
    text +=
        comment(QCoreApplication::translate(
                    "TentacleCommands",
                    "Handover: after cutover - %1 polling Tentacles stop polling the old server. Run each "
                    "section on its own machine once the new server has taken over for good.")
                    .arg(machines.size()));
    for (const TentacleMachine &machine : machines) {
        if (machine.isKubernetesAgent()) {
            text += section(machine, QStringLiteral("helm"), QString());
            text += kubernetesSection(machine, helmCleanupCommand(machine, options));
            continue;
        }
        const QString note = cleanupNote(machine, options);
        if (!note.isEmpty()) {
            text += section(machine, osName(osFor(machine)), QString());
            text += comment(note);
            continue;
        }
        for (const Os os : scriptOsesFor(machine)) {
            text += section(machine, osName(os), cleanupFileName(machine, os));
            text += cleanupScript(machine, os, options).text;
        }
    }
    return text;
}

QString afterCutoverText(const TentacleMachine &machine, const Options &options)
{
    if (machine.isKubernetesAgent())
        return helmScript(machine, options, true).text;
    const QString note = cleanupNote(machine, options);
    if (!note.isEmpty())
        return comment(note);
    QString text;
    const QList<Os> oses = scriptOsesFor(machine);
    for (const Os os : oses) {
        if (oses.size() > 1)
            text += section(machine, osName(os), cleanupFileName(machine, os));
        text += cleanupScript(machine, os, options).text;
    }
    return text;
}

QList<Script> scriptsFor(const TentacleMachine &machine, const Options &options)
{
    QList<Script> scripts;
    if (machine.isKubernetesAgent()) {
        scripts << helmScript(machine, options, false) << helmScript(machine, options, true);
        return scripts;
    }
    for (const Os os : scriptOsesFor(machine)) {
        scripts << repointScript(machine, os, options);
        Script cleanup = cleanupScript(machine, os, options);
        if (!cleanup.text.isEmpty())
            scripts << cleanup;
    }
    return scripts;
}

QString cleanupFileName(const TentacleMachine &machine, Os os)
{
    return fileNameWithSuffix(machine, os, QStringLiteral(".after-cutover"));
}

QString cleanupLines(const TentacleMachine &machine, Os os, const Options &options)
{
    if (machine.isKubernetesAgent() || !supportsClearTrustedServers(machine.tentacleVersion))
        return {};
    const QString call =
        os == Os::Windows ? QStringLiteral("& ") + powerShellQuote(kWindowsTentacle) : kLinuxTentacle;
    return cleanupCommandLines(os, options, call, quote(os, options.instanceName)).join(QLatin1Char('\n'));
}

Script cleanupScript(const TentacleMachine &machine, Os os, const Options &options)
{
    Script script;
    script.os = os == Os::Windows ? Os::Windows : Os::Linux; // an unknown OS gets both, one at a time
    script.fileName = cleanupFileName(machine, os);
    if (machine.isKubernetesAgent() || !supportsClearTrustedServers(machine.tentacleVersion))
        return script;
    const QString keep = commsAddress(options.newHost, options.pollingPort);
    QString &t = script.text;
    if (os != Os::Windows)
        t += QStringLiteral("#!/usr/bin/env bash\n");
    t += comment(QCoreApplication::translate(
        "TentacleCommands", "Handover: after cutover - this Tentacle stops polling the old Octopus Server."));
    t += comment(describe(machine));
    t += comment(QCoreApplication::translate(
                     "TentacleCommands",
                     "Run on that machine once the new server has taken over for good. Kept: %1; every other "
                     "trusted server entry (the old server's) is removed.")
                     .arg(keep));
    t += comment(QCoreApplication::translate(
        "TentacleCommands",
        "clear-trusted-servers --keep removes ALL entries when the address matches none, so the script "
        "checks first that this Tentacle polls the new address."));
    t += comment(QCoreApplication::translate(
        "TentacleCommands", "Not configure --remove-trust: the clone shares the old server's thumbprint, so "
                            "it would remove both entries."));
    t += QLatin1Char('\n');
    t += os == Os::Windows ? windowsHeader(options) : linuxHeader(options);
    const QString failure =
        QCoreApplication::translate(
            "TentacleCommands",
            "This Tentacle has no polling entry for %1 (run the re-point script first, or check the new "
            "address). Nothing was changed: clear-trusted-servers would have removed every server.")
            .arg(keep);
    t += trustCheck(os, TrustCheck::NewAddressPolls, options, failure);
    const QString tentacleVar =
        os == Os::Windows ? QStringLiteral("& $tentacle") : QStringLiteral("\"$tentacle\"");
    const QString instanceVar =
        os == Os::Windows ? QStringLiteral("$instance") : QStringLiteral("\"$instance\"");
    const QStringList lines = cleanupCommandLines(os, options, tentacleVar, instanceVar);
    t += lines.at(0) + QLatin1Char('\n');
    t += checkExit(os, QStringLiteral("clear-trusted-servers"));
    t += comment(QCoreApplication::translate(
        "TentacleCommands", "A running Tentacle only stops polling the old server when it restarts."));
    t += lines.at(1) + QLatin1Char('\n');
    t += checkExit(os, QStringLiteral("service --restart"));
    return script;
}

QString cleanupNote(const TentacleMachine &machine, const Options &options)
{
    if (machine.isKubernetesAgent())
        return helmCleanupCommand(machine, options).isEmpty() ? helmNote(machine) : QString();
    if (supportsClearTrustedServers(machine.tentacleVersion))
        return {};
    return QCoreApplication::translate(
               "TentacleCommands",
               "Tentacle %1 cannot remove the old server's entry: clear-trusted-servers --keep came with "
               "Tentacle 8.1.1713. The old entry stays, so this Tentacle keeps polling the old server too: "
               "an old instance that is kept (e.g. as a test instance) can still run deployments on this "
               "machine, and a decommissioned one is dialled for ever. Upgrade the Tentacle to 8.1.1713 or "
               "later, then run the after-cutover step. Do not use configure --remove-trust: the clone "
               "shares the thumbprint, so it removes both entries.")
        .arg(versionText(machine));
}

QString helmNote(const TentacleMachine &machine)
{
    if (!machine.isKubernetesAgent())
        return {};
    if (machine.helmReleaseName.trimmed().isEmpty() || machine.kubernetesNamespace.trimmed().isEmpty())
        return QCoreApplication::translate(
            "TentacleCommands",
            "The server does not know this Kubernetes agent's Helm release or namespace "
            "(KubernetesAgentDetails): find them with helm list --all-namespaces, then helm upgrade that "
            "release with agent.serverCommsAddresses.");
    if (!supportsReuseServerThumbprint(machine.tentacleVersion))
        return QCoreApplication::translate(
                   "TentacleCommands",
                   "This Kubernetes agent runs Tentacle %1: before 8.1.1713 the agent registers its server "
                   "only once, at install, and ignores later address changes (agent.serverCommsAddresses and "
                   "clear-trusted-servers came with 8.1.1713). Upgrade the agent first, then re-point it.")
            .arg(versionText(machine));
    return {};
}

QString helmRepointCommand(const TentacleMachine &machine, const Options &options)
{
    if (!helmNote(machine).isEmpty() || !machine.isKubernetesAgent())
        return {};
    // Side by side: the first address is kept (clear-trusted-servers --keep), every other one is added
    // with poll-server --reuse-server-thumbprint, each time the pod starts (configure-and-run.sh,
    // addAdditionalServerInstancesIfRequired). The old address first works whether the release set
    // agent.serverCommsAddress (the old one) or only the list.
    // Without the old address the first entry would be the new one, which the agent does not have yet:
    // clear-trusted-servers --keep would then remove every server. No command rather than that.
    const QString oldHost = options.oldHost.trimmed();
    if (oldHost.isEmpty())
        return {};
    const QString addresses = QStringLiteral("agent.serverCommsAddresses={%1,%2}")
                                  .arg(commsAddress(oldHost, options.oldPollingPort),
                                       commsAddress(options.newHost, options.pollingPort));
    return helmUpgrade(machine) +
           QStringLiteral(" --set %1 --set %2")
               .arg(bashQuote(QStringLiteral("agent.serverUrl=") + withTrailingSlash(serverUrl(options))),
                    bashQuote(addresses));
}

Script helmScript(const TentacleMachine &machine, const Options &options, bool afterCutover)
{
    Script script;
    script.os = Os::Linux;
    script.fileName = fileNameWithSuffix(
        machine, Os::Linux, afterCutover ? QStringLiteral(".after-cutover.helm") : QStringLiteral(".helm"));
    const QString command =
        afterCutover ? helmCleanupCommand(machine, options) : helmRepointCommand(machine, options);
    QString &t = script.text;
    t += QStringLiteral("#!/usr/bin/env bash\n");
    t += comment(afterCutover
                     ? QCoreApplication::translate(
                           "TentacleCommands",
                           "Handover: after cutover - this Kubernetes agent stops polling the old "
                           "Octopus Server (its pod keeps only the new address when it starts).")
                     : QCoreApplication::translate(
                           "TentacleCommands",
                           "Handover: make a Kubernetes agent poll the new Octopus Server too (its pod "
                           "registers the new address when it starts)."));
    t += comment(describe(machine));
    t += QStringLiteral("set -euo pipefail\n");
    if (!command.isEmpty())
        t += helmValuesCheck(machine, options, afterCutover);
    t += kubernetesSection(machine, command);
    return script;
}

QString helmCleanupCommand(const TentacleMachine &machine, const Options &options)
{
    if (!helmNote(machine).isEmpty() || !machine.isKubernetesAgent())
        return {};
    // Only the new address: on start the agent keeps it and removes every other trusted entry. Helm turns
    // `{}` into [""] (helm/helm#5200); the chart joins the list with "," into ServerCommsAddresses, which is
    // then empty just the same, and configure-and-run.sh runs clear-trusted-servers --keep
    // ServerCommsAddress.
    return helmUpgrade(machine) + QStringLiteral(" --set %1 --set %2")
                                      .arg(bashQuote(QStringLiteral("agent.serverCommsAddress=") +
                                                     commsAddress(options.newHost, options.pollingPort)),
                                           bashQuote(QStringLiteral("agent.serverCommsAddresses={}")));
}

QString csv(const QList<TentacleMachine> &machines, const Options &options)
{
    auto field = [](const QString &value) {
        QString v = value;
        // Neutralise spreadsheet formulas: a leading = + - @ would be evaluated when opened.
        if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.at(0)))
            v.prepend(QLatin1Char('\''));
        if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
            v.contains(QLatin1Char('\r')) || v.contains(QLatin1Char('\''))) {
            v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            return QLatin1Char('"') + v + QLatin1Char('"');
        }
        return v;
    };
    QString text = QStringLiteral("id,name,space,kind,os,tentacleVersion,method,environments,roles,"
                                  "workerPools,tenants,command,cleanup,cleanupNote\r\n");
    // One line per command, "; " between them; both shells ("windows: ...; linux: ...") when the OS is
    // unknown.
    auto forShells = [&](const TentacleMachine &m, auto lines) {
        const Os os = osFor(m);
        if (os != Os::Unknown)
            return lines(os).replace(QLatin1Char('\n'), QStringLiteral("; "));
        QStringList parts;
        for (const Os each : {Os::Windows, Os::Linux}) {
            const QString joined = lines(each).replace(QLatin1Char('\n'), QStringLiteral("; "));
            if (!joined.isEmpty())
                parts << osName(each) + QStringLiteral(": ") + joined;
        }
        return parts.join(QStringLiteral("; "));
    };
    for (const TentacleMachine &m : machines) {
        const Os os = osFor(m);
        QString command;
        QString cleanup;
        QString method;
        if (m.isKubernetesAgent()) {
            command = helmRepointCommand(m, options);
            cleanup = helmCleanupCommand(m, options);
            method = QStringLiteral("helm");
        } else {
            command = forShells(m, [&](Os each) { return commandLines(m, each, options); });
            cleanup = forShells(m, [&](Os each) { return cleanupLines(m, each, options); });
            method = repointMethodFor(m.tentacleVersion) == RepointMethod::PollServerReuseThumbprint
                         ? QStringLiteral("poll-server")
                         : QStringLiteral("server-comms");
        }
        const QStringList row = {field(m.id),
                                 field(m.name),
                                 field(m.spaceName.isEmpty() ? m.spaceId : m.spaceName),
                                 TentacleMachine::kindName(m.kind),
                                 osName(os),
                                 field(m.tentacleVersion),
                                 method,
                                 field(m.environments.join(QLatin1Char(';'))),
                                 field(m.roles.join(QLatin1Char(';'))),
                                 field(m.workerPools.join(QLatin1Char(';'))),
                                 field(m.tenants.join(QLatin1Char(';'))),
                                 field(command),
                                 field(cleanup),
                                 field(cleanupNote(m, options))};
        text += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return text;
}

QString commandLines(const TentacleMachine &machine, Os os, const Options &options)
{
    const QString call =
        os == Os::Windows ? QStringLiteral("& ") + powerShellQuote(kWindowsTentacle) : kLinuxTentacle;
    return repointLines(machine, os, options, call, quote(os, options.instanceName)).join(QLatin1Char('\n'));
}

Options optionsFor(const MigrationPlan &plan, const QString &serverThumbprint)
{
    Options options;
    const DomainDecision &domain = plan.domain();
    QUrl publicUrl =
        domain.choice == DomainDecision::Choice::KeepName ? domain.oldPublicUrl : domain.newPublicUrl;
    if (publicUrl.host().isEmpty())
        publicUrl = plan.serverUrl(ServerRole::New);
    options.newHost = publicUrl.host();
    options.newServerUrl = publicUrl;
    // The host the Tentacles dial today: the old public name, else the URL used to reach the old server.
    QUrl oldUrl = domain.oldPublicUrl;
    if (oldUrl.host().isEmpty())
        oldUrl = plan.serverUrl(ServerRole::Old);
    options.oldHost = oldUrl.host();
    options.serverThumbprint = serverThumbprint;
    return options;
}

} // namespace TentacleCommands
