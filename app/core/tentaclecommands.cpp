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

QString commsAddress(const Options &options)
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
                     .arg(call, instanceVar, quote(os, commsAddress(options)));
    } else {
        QString thumbprint;
        if (!options.serverThumbprint.trimmed().isEmpty())
            thumbprint = quote(os, options.serverThumbprint.trimmed());
        else
            thumbprint = os == Os::Windows ? QStringLiteral("$env:OCTOPUS_SERVER_THUMBPRINT")
                                           : QStringLiteral("\"${OCTOPUS_SERVER_THUMBPRINT:?}\"");
        lines << QStringLiteral("%1 server-comms --instance %2 --thumbprint %3 --style TentacleActive "
                                "--host %4 --port %5")
                     .arg(call, instanceVar, thumbprint, quote(os, options.newHost.trimmed()))
                     .arg(options.pollingPort);
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

} // namespace

Os osFor(const TentacleMachine &machine)
{
    if (machine.operatingSystem.contains(QLatin1String("Windows"), Qt::CaseInsensitive) ||
        machine.shellName.compare(QLatin1String("PowerShell"), Qt::CaseInsensitive) == 0)
        return Os::Windows;
    return Os::Linux;
}

QString osName(Os os)
{
    return os == Os::Windows ? QStringLiteral("windows") : QStringLiteral("linux");
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
    return QVersionNumber::compare(version, QVersionNumber(8, 1)) >= 0;
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
    script.os = os;
    script.fileName = scriptFileName(machine, os);
    const bool reuse = repointMethodFor(machine.tentacleVersion) == RepointMethod::PollServerReuseThumbprint;
    QString &t = script.text;
    if (os == Os::Linux)
        t += QStringLiteral("#!/usr/bin/env bash\n");
    t += comment(QCoreApplication::translate(
        "TentacleCommands", "Handover: make a polling Tentacle poll the new Octopus Server."));
    t += comment(describe(machine));
    t += comment(
        QCoreApplication::translate("TentacleCommands", "Run on that machine, %1. New polling address: %2")
            .arg(os == Os::Windows
                     ? QCoreApplication::translate("TentacleCommands", "in an elevated PowerShell")
                     : QCoreApplication::translate("TentacleCommands", "as root"),
                 commsAddress(options)));
    t +=
        comment(QCoreApplication::translate("TentacleCommands", "Tentacle version %1: %2")
                    .arg(versionText(machine),
                         reuse ? QCoreApplication::translate(
                                     "TentacleCommands",
                                     "poll-server --reuse-server-thumbprint (Tentacle 8.1 and later).")
                               : QCoreApplication::translate(
                                     "TentacleCommands",
                                     "server-comms (poll-server --reuse-server-thumbprint needs Tentacle 8.1 "
                                     "or later).")));
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
    script.os = os;
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
        const Os os = osFor(machine);
        text += QLatin1Char('\n') + QString(78, QLatin1Char('#')) + QLatin1Char('\n');
        text +=
            comment(QStringLiteral("%1  [%2]  %3").arg(machine.id, osName(os), scriptFileName(machine, os)));
        text += QString(78, QLatin1Char('#')) + QLatin1Char('\n');
        text += repointScript(machine, os, options).text;
    }
    return text;
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
                                  "workerPools,tenants,command\r\n");
    for (const TentacleMachine &m : machines) {
        const Os os = osFor(m);
        const QString command = commandLines(m, os, options).replace(QLatin1Char('\n'), QStringLiteral("; "));
        const QString method = repointMethodFor(m.tentacleVersion) == RepointMethod::PollServerReuseThumbprint
                                   ? QStringLiteral("poll-server")
                                   : QStringLiteral("server-comms");
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
                                 field(command)};
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
    options.serverThumbprint = serverThumbprint;
    return options;
}

} // namespace TentacleCommands
