// Command-line parsing for octosim (declared in octosimserver.h).
#include "octosimserver.h"

#include <QRegularExpression>

namespace octosim {

namespace {

bool parsePort(const QString &text, quint16 *port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

bool parseFault(const QString &text, FaultSpec *fault, QString *error)
{
    // INSTANCE:PATH_REGEX=KIND[:ARG]; the regex may itself contain '=' or ':', so anchor on the kind.
    static const QRegularExpression pattern(QStringLiteral(
        "^(old|new|both):(.*)=(latency|status|reset|truncate|badjson|slow|huge|redirect)(?::(.*))?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        *error = QStringLiteral("bad --fault '%1': expected INSTANCE:PATH_REGEX=KIND[:ARG]").arg(text);
        return false;
    }
    fault->instance = match.captured(1);
    fault->pathRegex = match.captured(2);
    fault->kind = match.captured(3);
    fault->argument = match.captured(4);
    if (!QRegularExpression(fault->pathRegex).isValid()) {
        *error = QStringLiteral("bad --fault '%1': invalid regular expression").arg(text);
        return false;
    }
    const QString &kind = fault->kind;
    const bool needsNumber = kind == QLatin1String("latency") || kind == QLatin1String("status") ||
                             kind == QLatin1String("slow") || kind == QLatin1String("huge");
    if (needsNumber) {
        bool ok = false;
        const int value = fault->argument.section(QLatin1Char(':'), 0, 0).toInt(&ok);
        if (!ok || value <= 0 || (kind == QLatin1String("status") && (value < 100 || value > 599))) {
            *error = QStringLiteral("bad --fault '%1': %2 needs a positive number").arg(text, kind);
            return false;
        }
    }
    if (kind == QLatin1String("redirect") && fault->argument.isEmpty()) {
        *error = QStringLiteral("bad --fault '%1': redirect needs a URL").arg(text);
        return false;
    }
    return true;
}

} // namespace

bool parseArguments(const QStringList &arguments, Options *options, QString *error)
{
    Options parsed;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        if (name.startsWith(QLatin1String("--")) && name.contains(QLatin1Char('='))) {
            value = name.section(QLatin1Char('='), 1);
            name = name.section(QLatin1Char('='), 0, 0);
            hasInlineValue = true;
        }
        auto takeValue = [&](QString *out) {
            if (hasInlineValue) {
                *out = value;
                return true;
            }
            if (i + 1 >= arguments.size()) {
                *error = QStringLiteral("%1 needs a value").arg(name);
                return false;
            }
            *out = arguments.at(++i);
            return true;
        };
        QString v;
        if (name == QLatin1String("--seed")) {
            if (!takeValue(&v))
                return false;
            bool ok = false;
            parsed.seed = v.toULongLong(&ok);
            if (!ok) {
                *error = QStringLiteral("--seed needs a non-negative integer");
                return false;
            }
        } else if (name == QLatin1String("--scale")) {
            if (!takeValue(&v))
                return false;
            if (v == QLatin1String("demo")) {
                parsed.scale = Scale::Demo;
            } else if (v == QLatin1String("large")) {
                parsed.scale = Scale::Large;
            } else {
                *error = QStringLiteral("--scale must be demo or large");
                return false;
            }
        } else if (name == QLatin1String("--old-port") || name == QLatin1String("--new-port")) {
            if (!takeValue(&v))
                return false;
            quint16 *port = name == QLatin1String("--old-port") ? &parsed.oldPort : &parsed.newPort;
            if (!parsePort(v, port)) {
                *error = QStringLiteral("%1 needs a port number 0-65535").arg(name);
                return false;
            }
        } else if (name == QLatin1String("--tls")) {
            parsed.tls = true;
        } else if (name == QLatin1String("--cert")) {
            if (!takeValue(&parsed.certFile))
                return false;
        } else if (name == QLatin1String("--key")) {
            if (!takeValue(&parsed.keyFile))
                return false;
        } else if (name == QLatin1String("--unreset-clone")) {
            parsed.unresetClone = true;
        } else if (name == QLatin1String("--drift-per-minute")) {
            if (!takeValue(&v))
                return false;
            bool ok = false;
            parsed.driftPerMinute = v.toDouble(&ok);
            if (!ok || parsed.driftPerMinute < 0 || parsed.driftPerMinute > 60000) {
                *error = QStringLiteral("--drift-per-minute needs a number between 0 and 60000");
                return false;
            }
        } else if (name == QLatin1String("--fault")) {
            if (!takeValue(&v))
                return false;
            FaultSpec fault;
            if (!parseFault(v, &fault, error))
                return false;
            parsed.faults.append(fault);
        } else if (name == QLatin1String("--maintenance-status")) {
            if (!takeValue(&v))
                return false;
            if (v != QLatin1String("403") && v != QLatin1String("503")) {
                *error = QStringLiteral("--maintenance-status must be 403 or 503");
                return false;
            }
            parsed.maintenanceStatus = v.toInt();
        } else if (name == QLatin1String("--verbose") || name == QLatin1String("-v")) {
            parsed.verbose = true;
        } else if (name == QLatin1String("--exit-with-stdin")) {
            parsed.exitWithStdin = true;
        } else {
            *error = QStringLiteral("unknown option '%1'").arg(name);
            return false;
        }
        if (hasInlineValue &&
            (name == QLatin1String("--tls") || name == QLatin1String("--unreset-clone") ||
             name == QLatin1String("--verbose") || name == QLatin1String("--exit-with-stdin"))) {
            *error = QStringLiteral("%1 takes no value").arg(name);
            return false;
        }
    }
    if (parsed.certFile.isEmpty() != parsed.keyFile.isEmpty()) {
        *error = QStringLiteral("--cert and --key go together");
        return false;
    }
    if (!parsed.certFile.isEmpty() && !parsed.tls) {
        *error = QStringLiteral("--cert/--key need --tls");
        return false;
    }
    *options = parsed;
    return true;
}

QString usage()
{
    return QStringLiteral(
        "usage: octosim [options]\n"
        "Serves a simulated Octopus Deploy Server (old) and its clone (new) on 127.0.0.1.\n"
        "\n"
        "  --seed N                   deterministic data (default 1)\n"
        "  --scale demo|large         demo: 3 spaces, ~60 targets+workers; large: 40 spaces, 10,000\n"
        "  --old-port P, --new-port P listening ports (0 = pick a free one, the default)\n"
        "  --tls                      HTTPS with a self-signed certificate made at start\n"
        "  --cert FILE --key FILE     HTTPS with this PEM certificate and key instead\n"
        "  --unreset-clone            the clone keeps the old InstallationId (a forgotten reset)\n"
        "  --drift-per-minute N       the old instance keeps changing, N changes a minute\n"
        "  --fault INSTANCE:PATH_REGEX=KIND[:ARG]   repeatable; INSTANCE old|new|both; KIND one of\n"
        "                             latency:MS status:CODE[:RETRY_AFTER_S] reset truncate badjson\n"
        "                             slow:BYTES_PER_S huge:MB redirect:URL\n"
        "  --maintenance-status 403|503  how writes refused by maintenance mode answer (default 503)\n"
        "  --verbose                  log one line per request on stderr\n"
        "  --exit-with-stdin          exit when standard input closes (a parent that starts octosim\n"
        "                             with a pipe on stdin takes it down when the parent ends, even\n"
        "                             if the parent is killed)\n"
        "\n"
        "When ready, prints one JSON line on stdout, the only line it prints there; it is the one\n"
        "place the URLs and API keys are given (no key is taken on the command line), so a parent\n"
        "that started octosim reads them from this pipe:\n"
        "  {\"old\":{\"url\",\"apiKey\",\"readOnlyApiKey\",\"operatorApiKey\",\"thumbprint\"},\n"
        "   \"new\":{...}}\n"
        "apiKey is an administrator's; readOnlyApiKey has view permissions only (every write, and\n"
        "other users' API keys, answer 403); operatorApiKey is a non-administrator who may write.\n"
        "Errors go to stderr, one line each, and the exit code is non-zero (2: bad options).\n"
        "Exits cleanly on SIGTERM/SIGINT.\n"
        "\n"
        "Test control (admin API key, never faulted): POST /octosim/drift?count=N applies N drift\n"
        "changes now; PUT /octosim/health {\"IsOperatingNormally\":false,\"IsDraining\":true} makes\n"
        "/api/serverstatus/health and /api/octopusservernodes/ping answer 418; POST\n"
        "/octosim/control/repoint {\"MachineIds\":[...]} says those polling Tentacles now poll this\n"
        "instance: a Health task there marks them Healthy (the clone's other polling ones become\n"
        "Unavailable). Until a Health task covers them, the clone's machines keep the HealthStatus\n"
        "the old server had (disabled machines are skipped). The clone lists the old server's node\n"
        "offline in /api/octopusservernodes/summary, as a database clone does, until DELETE\n"
        "/api/octopusservernodes/{id} removes it. Request lines over 8 KB answer 414, as Kestrel's.\n");
}

} // namespace octosim
