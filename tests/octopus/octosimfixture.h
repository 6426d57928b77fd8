#pragma once

// Starts an in-process octosim pair (real sockets on loopback) and builds client settings for tests:
// short timeouts and backoff so that every fault case finishes in well under a second or two.

#include "connectionsettings.h"
#include "octopusclient.h"
#include "octosimserver.h"

#include <QString>

#include <memory>

struct OctoSimFixture
{
    std::unique_ptr<octosim::OctoSimServer> server;
    QString error;

    bool start(const octosim::Options &options = {})
    {
        server = std::make_unique<octosim::OctoSimServer>(options);
        return server->start(&error);
    }

    octosim::InstanceEndpoint endpoint(ServerRole role) const
    {
        return role == ServerRole::Old ? server->oldInstance() : server->newInstance();
    }

    ConnectionSettings settings(ServerRole role) const
    {
        const octosim::InstanceEndpoint e = endpoint(role);
        ConnectionSettings settings;
        settings.baseUrl = e.url;
        settings.apiKey = e.apiKey;
        settings.role = role;
        settings.connectTimeoutMs = 3000;
        settings.transferTimeoutMs = 3000;
        settings.requestDeadlineMs = 15000;
        settings.maxAttempts = 2;
        settings.retryBaseDelayMs = 10;
        settings.retryMaxDelayMs = 50;
        settings.maxRetryAfterSeconds = 2;
        return settings;
    }

    static octosim::FaultSpec fault(const QString &instance, const QString &pathRegex, const QString &kind,
                                    const QString &argument = QString())
    {
        octosim::FaultSpec spec;
        spec.instance = instance;
        spec.pathRegex = pathRegex;
        spec.kind = kind;
        spec.argument = argument;
        return spec;
    }
};
