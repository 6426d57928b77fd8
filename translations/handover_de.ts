<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiErrorText</name>
    <message>
        <source>Subject: %1; issuer: %2; valid from %3 to %4; SHA-256: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the old server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 for %2%3. Check the URL, the network and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer %2 in time%3. Try again or raise --timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate of %1 could not be verified during %2%3. %4 Trust it only if you recognise this fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate of %1 has changed (during %2): the trusted certificate has SHA-256 %3, the server now presents %4. The connection was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not accept the API key for %2 (HTTP %3)%4. Check the key for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused %2 (HTTP %3)%4: the API key&apos;s user lacks the permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know %2 (HTTP 404)%3. The server version may not offer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in maintenance mode and refused %2 (HTTP %3)%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed while answering %2 (HTTP %3)%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting requests and refused %2 (HTTP 429; retry after %3 s)%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting requests and refused %2 (HTTP 429)%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected %2 (HTTP %3)%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an answer to %2 that Handover cannot read%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected %2 to %3, which is another origin; Handover does not follow it, so the API key is not sent there. Use the final URL as the server URL if it is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiKeyLookup</name>
    <message>
        <source>%1 is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not set and the keychain has no key for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not set and the keychain is unavailable (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditReportWriter</name>
    <message>
        <source>Script audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditResultsModel</name>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditRuleSet</name>
    <message>
        <source>An API key in clear text. Move it to a secret store or a CI secret variable; a cloned server accepts the same keys, so rotate it after cutover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A placeholder API key; nothing to rotate. Make sure the real key comes from a secret store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points at the old server. Use the new server&apos;s URL, ideally from one variable such as OCTOPUS_URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The octo CLI is retired. Use the octopus CLI (for example octopus release create, octopus package upload), which reads OCTOPUS_URL and OCTOPUS_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCTOPUS_CLI_SERVER is read only by the retired octo CLI; the octopus CLI reads OCTOPUS_URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCTOPUS_CLI_API_KEY is read only by the retired octo CLI; the octopus CLI reads OCTOPUS_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server does not serve %1. Look up its replacement in the new server&apos;s /api/swagger.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server serves %1 but not with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deprecated. Move to its replacement before the server drops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy route without a space id: it reaches only the default space. Use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls %1; the new server serves it. Check the URL and key it uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls %1. Pass the new server&apos;s swagger (--new-swagger) to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses %1: check where it reads the server URL and API key, and that this version supports the new server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditVerb</name>
    <message>
        <source>URL or host name of the old server (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server&apos;s /api/swagger.json, saved to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the findings as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the findings as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the findings as Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of scanning threads (default: one per core).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders or files to scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no PATH to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of --json, --csv and --md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--jobs needs a number from 1 to 256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--old-url needs a URL or host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the swagger document %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds scripts and pipelines that call the Octopus API with a hard-coded URL, an API key, the retired octo CLI or endpoints the new server does not serve.
Severities: breaking, must-change, deprecated, security, info. Exit status: 0 when the scan ran (with or without findings), 2 on a usage error or an unreadable PATH.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateTrustPrompt</name>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system does not trust the TLS certificate of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Trust it only if you recognise this fingerprint (compare it on the server). Handover will then accept exactly this certificate for this server and refuse any other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckVerb</name>
    <message>
        <source>Runs every readiness check against the old server and its clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL of the old server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and transfer timeout in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a TLS certificate with this SHA-256 fingerprint (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: handover check --old URL --new URL [--json] [--timeout SECONDS] [--trust-fingerprint SHA256]...
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover check: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover check: %1 needs an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover check: --timeout needs a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover check: &apos;%1&apos; is not a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To trust this certificate after checking it: --trust-fingerprint %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: not ready (a check failed).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: no check failed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover check: no API key for the %1 server %2: %3. Never pass a key as an argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CiIntegrationsPage</name>
    <message>
        <source>CI integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record every build server and tool that talks to Octopus, so none is left pointing at the old instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build servers push packages, create releases and trigger deployments through the Octopus API. Each needs its server URL and API key changed at cutover, and its Octopus plug-in may need an update for the new server version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the CI servers and their Octopus plug-ins (Jenkins, TeamCity, Azure DevOps, GitHub Actions, Bamboo and others), with the plug-in versions in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record where each one keeps the Octopus server URL and API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track, per integration, that it points at the new instance before you cut over (or that the DNS change covers it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>List the command-line verbs</source>
        <translation>Die Befehlszeilenverben auflisten</translation>
    </message>
    <message>
        <source>handover: unknown verb &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: handover VERB [options]

Verbs:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find scripts that call the old server&apos;s API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every readiness check against the old server and its clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take an inventory of one server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List polling Tentacles with the commands that re-point them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect to both servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell Handover where the old Octopus Server is and where its clone, the new instance, runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an API key of a user who can read everything on each server. The keys are kept in memory for this session only: they are never written to the plan file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server (the original)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server (the clone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://octopus.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://octopus-new.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;RL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API-XXXXXXXXXXXXXXXXXXXXXXXXXX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTestPanel</name>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the API keys in the system &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API keys are kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API keys are stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is unavailable: nothing was stored (%1). The keys stay in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the URL and API key of a server first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CutoverPage</name>
    <message>
        <source>Cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move everyone to the new instance in a short, planned window of downtime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cutover needs some downtime and is best done off hours. Tentacles do not have to be upgraded straight away: newer Octopus Servers can talk to older Tentacles, so you can upgrade a set at a time afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Produce a runbook for the evening: put the old instance into maintenance mode (read-only), point CI servers at the new instance or change DNS, then check the new instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a journal of each cutover step with who did it and when, saved in the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the runbook and journal as HTML, Markdown or PDF to share with the team.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>the simulator did not say why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainPage</name>
    <message>
        <source>Domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide whether the new instance keeps the old instance&apos;s domain name or gets a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the same domain name: DNS moves to the new instance at cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a ne&amp;w domain name for the new instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://octopusdeploy.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL &amp;today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://octopus.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New public &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The names users and Tentacles know. They may differ from the URLs this wizard uses to reach the servers before DNS moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the names resolve to from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this decision means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inventory is incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(keeping today&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(enter the public URL above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: does not resolve (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the inventory of both servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the inventory taken %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;inventory again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the old server (step 1) to see which machines this decision affects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No inventory yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Tentacles: not known until the inventory is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 polling targets and %2 polling workers&lt;/b&gt; depend on this decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No polling Tentacle needs a command.&lt;/b&gt; The %1 polling targets and %2 polling workers keep dialling %3, and follow the name when DNS moves to the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 polling targets and %2 polling workers must act&lt;/b&gt;: each one is re-pointed to %3 on its own machine (see &lt;a href=&quot;step:tentacles&quot;&gt;Polling Tentacles&lt;/a&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of them already answer the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 listening targets and %2 listening workers keep working: the clone has the same server certificate, and the new server connects to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 SSH, cloud and other targets do not depend on the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The polling port %1 must be open on the new server (inbound, from every polling Tentacle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CI integrations mention the old name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI integrations that mention the old name: not analysed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scripts mention the old name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scripts that mention the old name: not analysed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (&lt;a href=&quot;step:ci&quot;&gt;CI integrations&lt;/a&gt;); %2 (&lt;a href=&quot;step:audit&quot;&gt;Script audit&lt;/a&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the name kept, CI servers and scripts keep working after DNS moves (&lt;a href=&quot;step:ci&quot;&gt;CI integrations&lt;/a&gt;, &lt;a href=&quot;step:audit&quot;&gt;Script audit&lt;/a&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(workers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Guides a migration lead through moving an Octopus Deploy Server to a cloned new instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start two simulated Octopus Servers on this computer and connect the wizard to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window to the PNG file FILE and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the wizard on page NAME (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .handover plan file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown page &apos;%1&apos;; pages are: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one plan file can be opened at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo servers did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2×%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window was never painted; is a display or QT_QPA_PLATFORM=offscreen available?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Tentacles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test plan &amp; drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;nish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InventoryVerb</name>
    <message>
        <source>URL of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the snapshot as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and transfer timeout in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a TLS certificate with this SHA-256 fingerprint (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: handover inventory --server URL [--json] [--timeout SECONDS] [--trust-fingerprint SHA256]...
The API key comes from HANDOVER_API_KEY, or from the keychain.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover inventory: --server needs an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover inventory: --timeout needs a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover inventory: &apos;%1&apos; is not a SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover inventory: no API key for %1: %2. Never pass a key as an argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory of %1 (Octopus %2), taken %3 in %4 requests
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  error: %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Handover %1&lt;/h3&gt;&lt;p&gt;Guides a migration lead through moving an Octopus Deploy Server to a cloned new instance: connections, domain name, polling Tentacles, CI integrations, script audit, test plan and cutover.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: both servers are simulated on this computer (octosim). Nothing you do here touches a real Octopus Server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode could not start the simulated servers: %1. The wizard works without them; enter real server addresses on the Connect page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Open Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an untitled plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Recover Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Save Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration-plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server: no URL yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: no URL yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the URL on the Connect page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server: simulated (demo), not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: simulated (demo), not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server: no API key, not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: no API key, not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>Untitled plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanError</name>
    <message>
        <source>The plan file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan file %1 could not be opened for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not a valid Handover plan. It was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan file %1 is incomplete: it ends too early, perhaps from an interrupted copy. It was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan file %1 was written by a newer version of Handover. Update Handover to open it. It was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be saved to %1. Any earlier version of the file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanValidation</name>
    <message>
        <source>Enter the old server&apos;s URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new server&apos;s URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server&apos;s URL must start with https:// or http:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server&apos;s URL must start with https:// or http:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old and the new server have the same URL. The new server is the clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide whether the new instance keeps the old domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the public URL the new instance will use.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannedStepPanel</name>
    <message>
        <source>What this step will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming in a later version of Handover. Today this page only describes the step; it does not contact either server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PollingMachineModel</name>
    <message>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(workers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reached %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-pointed %1, pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments / pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentacle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health (old)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status (new)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadinessController</name>
    <message>
        <source>Not connected: enter the URL and API key on the Connect step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check: not finished yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s), not ready</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ready (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadinessRules</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the server could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable; the API key is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating normally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not operating normally (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s), none draining.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 node(s); draining: %2; offline: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance mode is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance mode is on: the old server is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance mode is on: the new server refuses changes and deployments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queued, %2 running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both servers run %1.%2 (old %3, new %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server runs %1 and the new one %2: run both side by side only on the same major.minor version, or Calamari is upgraded and downgraded on shared targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both servers report InstallationId %1: the clone was not reset, so both report as one installation. Update the Installation ID on the clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clone has its own InstallationId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both servers present certificate thumbprint %1, as expected of a database clone: listening Tentacles already trust the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server certificate thumbprints differ (old %1, new %2): Tentacles will not trust the new server until their trust is updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 enabled targets, %2 enabled workers, %3 enabled project triggers, %4 enabled subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the clone can act on production (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before cutover the clone has %1 that could act on production; disable them until cutover.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadinessStrip</name>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptAuditPage</name>
    <message>
        <source>Folder to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server&apos;s swagger.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swagger documents (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find scripts that call the Octopus API or name the old server, before they break after the move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folders that hold your deployment scripts, pipelines and tools; the scan looks for the old server&apos;s address, API keys, the retired octo CLI, REST routes and client libraries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the old server&apos;s own step scripts, runbooks and script modules, and fetch the new server&apos;s swagger.json while connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming in a later version of Handover: the item above. Today the scan reads the folders you choose, and routes are judged against a swagger.json file you saved from the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server&apos;s s&amp;wagger.json:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: judges each API route against the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by file, snippet or hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide fixed and accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark acc&amp;epted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Scanning: %n file(s), %1 MB, %2 finding(s). Now: %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n file(s) (%1 MB).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanned %n file(s) (%1 MB) in %2 s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n binary file(s) skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The old server&apos;s URL is not in the plan yet (Connect and Domain name steps): the scan cannot look for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the old server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the swagger document %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n finding(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s): %1. %2 fixed or accepted; %3 shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TentacleCommands</name>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this script as root (sudo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover: make a polling Tentacle poll the new Octopus Server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on that machine, %1. New polling address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in an elevated PowerShell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentacle version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poll-server --reuse-server-thumbprint (Tentacle 8.1 and later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server-comms (poll-server --reuse-server-thumbprint needs Tentacle 8.1 or later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new certificate, no API key, no new licence target: the new server is a clone and already trusts this Tentacle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server thumbprint was not known when this was written: set OCTOPUS_SERVER_THUMBPRINT before running it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running Tentacle only reads the new address when it restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cloned Tentacle instance is a new host/port pair for licensing: the target count on the new server&apos;s licence grows by one per instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register-with needs an API key for the new server. The script reads it from the OCTOPUS_API_KEY environment variable or asks for it; never write it into the script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover: ALTERNATIVE - a cloned polling Tentacle instance with a new certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer the re-point script: it needs no new certificate, no API key and no new licence target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover: re-point scripts for %1 polling Tentacles. Each section must run on its own machine (PowerShell on Windows, bash on Linux); copy the section, or use the one-script-per-machine export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original registration stays on the new server (the clone copied it) with the old certificate and stays unavailable there; disable or delete it once the cloned instance is healthy, or deployments to its roles keep trying to reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloned instance gets a new certificate, so it is registered as its own machine (&quot;NAME (clone)&quot;), not over the original: re-registering a polling Tentacle with a new certificate over an existing machine can leave it uncontactable (OctopusDeploy/Issues#3030).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check: --workerpool takes a pool&apos;s name; %1 is its id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TentaclesPage</name>
    <message>
        <source>Polling Tentacles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make every polling Tentacle poll the new server, and check that it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, role, environment, version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets and workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Windows (PowerShell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Linux (bash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;alternative: a cloned Tentacle instance with a new certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One script per machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All machines in one file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark re-pointed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate re-point (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo only: the simulated Tentacles of the selected machines start polling the new server, as if their re-point command had run on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loc&amp;k upgrades on the new server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No inventory yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the old server (step 1) to list its polling Tentacles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No command is needed.&lt;/b&gt; The new server keeps the name %1: when DNS moves at cutover, these %2 polling Tentacles follow it on their own. Make sure the polling port 10943 is open on the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 polling Tentacles must be re-pointed to %2:%3.&lt;/b&gt; Run the command for each on that machine: it needs no new certificate, no API key and no extra licence target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The domain name is not decided yet&lt;/b&gt; (step 2). If the new server gets a new name, these %1 polling Tentacles must be re-pointed; the commands below assume %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># No command is needed: the new server keeps the name %1.
# Polling Tentacles dial that name; they reach the new server as soon as DNS points to it.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Select a machine to see its commands.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Upgrade prompts:&lt;/b&gt; the new server suggests a Tentacle upgrade for %1 machines (%2%3). While both servers run side by side, an upgrade from one of them changes what the other sees; lock upgrades on the new server until cutover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Tentacle upgrade is pending on the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Calamari:&lt;/b&gt; if both servers deploy to the same targets during the side-by-side period, each one upgrades or downgrades Calamari to its own version on every deployment. Deploy from one server at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) marked as re-pointed; verify them when their Tentacles have restarted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The simulator did not take the re-point: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Simulated: %n Tentacle(s) now poll the new server. Verify them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asking the new server to check %n machine(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server could not check every machine (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: %1, not reached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the %1 script to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the re-point scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 scripts to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save all re-point scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save polling Tentacles as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock Tentacle upgrades</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Lock Tentacle upgrades for %n machine(s) on the new server?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This changes each machine on the new server (Endpoint.TentacleVersionDetails.UpgradeLocked). The old server is not touched. Unlock them after cutover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locking upgrades…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Locked Tentacle upgrades for %n machine(s) on the new server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Locked %1 machines; %2 could not be changed (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 targets; last deployment from the old server %3, from the new one %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Calamari churn:&lt;/b&gt; both servers have deployed to %1 targets in %2 environments since the clone: %3. Each deployment upgrades or downgrades Calamari to its own server&apos;s version; deploy from one server at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Calamari:&lt;/b&gt; no environment has deployments from both servers since the clone. Keep it that way: each server upgrades or downgrades Calamari to its own version on the targets it deploys to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verif&amp;y all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TentaclesVerb</name>
    <message>
        <source>URL of the old server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name the polling Tentacles must dial from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one re-point script per machine into this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server&apos;s polling port (default 10943).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentacle instance name on the machines (default Tentacle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and transfer timeout in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a TLS certificate with this SHA-256 fingerprint (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--new-host needs a host name or IP address (the port goes in --polling-port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json and --csv cannot be combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--polling-port needs a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--instance needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout needs a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scripts needs a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover tentacles: the old server is unusable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 polling Tentacles on %2 must poll %3:%4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover tentacles: cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover tentacles: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 scripts to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover tentacles: incomplete inventory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover tentacles: the new server is unusable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover tentacles: no API key for the %1 server %2: %3. Never pass a key as an argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: handover tentacles --old URL --new URL --new-host HOST [--json|--csv] [--scripts DIR]
       [--polling-port PORT] [--instance NAME] [--timeout SECONDS] [--trust-fingerprint SHA256]...
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
Exit codes: 0 listed, 3 a server was unusable or the inventory incomplete, 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPlanPage</name>
    <message>
        <source>Test plan &amp; drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan how to prove the new instance works, and watch how far it drifts from the old one while both run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every minute both instances run side by side, they drift apart: deployment processes change, new packages arrive, releases are created and deployed. If the migration needs more than a few days (a week at most), consider using the clone as a test instance and cloning again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a test plan from the projects and steps you deploy most, so the important paths are tried first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the two instances (projects, variables, releases, deployments) and show what changed on the old one since it was cloned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn when the clone is too old to trust, and suggest re-cloning instead of patching drift by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WidgetDialogService</name>
    <message>
        <source>Handover plans (*.handover);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover was not closed properly last time. Recover the unsaved changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosaved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
