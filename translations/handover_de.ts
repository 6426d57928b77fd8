<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiErrorText</name>
    <message>
        <source>Subject: %1; issuer: %2; valid from %3 to %4; SHA-256: %5.</source>
        <translation>Antragsteller: %1; Aussteller: %2; gültig von %3 bis %4; SHA-256: %5.</translation>
    </message>
    <message>
        <source>the server %1</source>
        <translation>der Server %1</translation>
    </message>
    <message>
        <source>the old server (%1)</source>
        <translation>der alte Server (%1)</translation>
    </message>
    <message>
        <source>the new server (%1)</source>
        <translation>der neue Server (%1)</translation>
    </message>
    <message>
        <source>Could not reach %1 for %2%3. Check the URL, the network and that the server is running.</source>
        <translation>%1 war für %2%3 nicht erreichbar. Prüfen Sie die URL, das Netzwerk und ob der Server läuft.</translation>
    </message>
    <message>
        <source>%1 did not answer %2 in time%3. Try again or raise --timeout.</source>
        <translation>%1 hat %2 nicht rechtzeitig beantwortet%3. Versuchen Sie es erneut oder erhöhen Sie --timeout.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 could not be verified during %2%3. %4 Trust it only if you recognise this fingerprint.</source>
        <translation>%1: Das TLS-Zertifikat konnte bei %2%3 nicht überprüft werden. %4 Vertrauen Sie ihm nur, wenn Sie diesen Fingerabdruck wiedererkennen.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 has changed (during %2): the trusted certificate has SHA-256 %3, the server now presents %4. The connection was refused.</source>
        <translation>%1: Das TLS-Zertifikat hat sich geändert (bei %2): Das vertrauenswürdige Zertifikat hat SHA-256 %3, der Server legt jetzt %4 vor. Die Verbindung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>%1 did not accept the API key for %2 (HTTP %3)%4. Check the key for this server.</source>
        <translation>%1 hat den API-Schlüssel für %2 nicht akzeptiert (HTTP %3)%4. Prüfen Sie den Schlüssel für diesen Server.</translation>
    </message>
    <message>
        <source>%1 refused %2 (HTTP %3)%4: the API key&apos;s user lacks the permission.</source>
        <translation>%1 hat %2 abgelehnt (HTTP %3)%4: Dem Benutzer des API-Schlüssels fehlt die Berechtigung.</translation>
    </message>
    <message>
        <source>%1 does not know %2 (HTTP 404)%3. The server version may not offer it.</source>
        <translation>%1 kennt %2 nicht (HTTP 404)%3. Möglicherweise bietet die Serverversion dies nicht an.</translation>
    </message>
    <message>
        <source>%1 is in maintenance mode and refused %2 (HTTP %3)%4.</source>
        <translation>%1 ist im Wartungsmodus und hat %2 abgelehnt (HTTP %3)%4.</translation>
    </message>
    <message>
        <source>%1 failed while answering %2 (HTTP %3)%4.</source>
        <translation>%1 ist bei der Beantwortung von %2 fehlgeschlagen (HTTP %3)%4.</translation>
    </message>
    <message>
        <source>%1 is rate limiting requests and refused %2 (HTTP 429; retry after %3 s)%4.</source>
        <translation>%1 begrenzt die Anfragerate und hat %2 abgelehnt (HTTP 429; erneut versuchen nach %3 s)%4.</translation>
    </message>
    <message>
        <source>%1 is rate limiting requests and refused %2 (HTTP 429)%3.</source>
        <translation>%1 begrenzt die Anfragerate und hat %2 abgelehnt (HTTP 429)%3.</translation>
    </message>
    <message>
        <source>%1 rejected %2 (HTTP %3)%4.</source>
        <translation>%1 hat %2 zurückgewiesen (HTTP %3)%4.</translation>
    </message>
    <message>
        <source>%1 sent an answer to %2 that Handover cannot read%3.</source>
        <translation>%1 hat auf %2 eine Antwort gesendet, die Handover nicht lesen kann%3.</translation>
    </message>
    <message>
        <source>%1 redirected %2 to %3, which is another origin; Handover does not follow it, so the API key is not sent there. Use the final URL as the server URL if it is right.</source>
        <translation>%1 hat %2 nach %3 umgeleitet, also zu einem anderen Ursprung; Handover folgt dem nicht, damit der API-Schlüssel nicht dorthin gesendet wird. Verwenden Sie die endgültige URL als Server-URL, wenn sie korrekt ist.</translation>
    </message>
    <message>
        <source>%1 on %2 was cancelled.</source>
        <translation>%1 (%2) wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ApiKeyLookup</name>
    <message>
        <source>%1 is not set</source>
        <translation>%1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>%1 is not set and the keychain has no key for %2</source>
        <translation>%1 ist nicht gesetzt und der Schlüsselbund enthält keinen Schlüssel für %2</translation>
    </message>
    <message>
        <source>%1 is not set and the keychain is unavailable (%2)</source>
        <translation>%1 ist nicht gesetzt und der Schlüsselbund ist nicht verfügbar (%2)</translation>
    </message>
</context>
<context>
    <name>AuditReportWriter</name>
    <message>
        <source>Script audit</source>
        <translation>Skriptprüfung</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned</source>
        <translation>
            <numerusform>%n Datei durchsucht</numerusform>
            <numerusform>%n Dateien durchsucht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s).</source>
        <translation>
            <numerusform>%n Fund.</numerusform>
            <numerusform>%n Funde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Funde</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Fund</numerusform>
            <numerusform>%n Funde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditResultsModel</name>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
</context>
<context>
    <name>AuditRuleSet</name>
    <message>
        <source>An API key in clear text. Move it to a secret store or a CI secret variable; a cloned server accepts the same keys, so rotate it after cutover.</source>
        <translation>Ein API-Schlüssel im Klartext. Verschieben Sie ihn in einen Secret-Speicher oder eine geheime CI-Variable; ein geklonter Server akzeptiert dieselben Schlüssel, rotieren Sie ihn daher nach der Umstellung.</translation>
    </message>
    <message>
        <source>A placeholder API key; nothing to rotate. Make sure the real key comes from a secret store.</source>
        <translation>Ein Platzhalter-API-Schlüssel; nichts zu rotieren. Stellen Sie sicher, dass der echte Schlüssel aus einem Secret-Speicher kommt.</translation>
    </message>
    <message>
        <source>Points at the old server. Use the new server&apos;s URL, ideally from one variable such as OCTOPUS_URL.</source>
        <translation>Verweist auf den alten Server. Verwenden Sie die URL des neuen Servers, idealerweise aus einer einzigen Variablen wie OCTOPUS_URL.</translation>
    </message>
    <message>
        <source>The octo CLI is retired. Use the octopus CLI (for example octopus release create, octopus package upload), which reads OCTOPUS_URL and OCTOPUS_API_KEY.</source>
        <translation>Die octo-CLI wird nicht mehr unterstützt. Verwenden Sie die octopus-CLI (zum Beispiel octopus release create, octopus package upload), die OCTOPUS_URL und OCTOPUS_API_KEY liest.</translation>
    </message>
    <message>
        <source>OCTOPUS_CLI_SERVER is read only by the retired octo CLI; the octopus CLI reads OCTOPUS_URL.</source>
        <translation>OCTOPUS_CLI_SERVER wird nur von der ausgemusterten octo-CLI gelesen; die octopus-CLI liest OCTOPUS_URL.</translation>
    </message>
    <message>
        <source>OCTOPUS_CLI_API_KEY is read only by the retired octo CLI; the octopus CLI reads OCTOPUS_API_KEY.</source>
        <translation>OCTOPUS_CLI_API_KEY wird nur von der ausgemusterten octo-CLI gelesen; die octopus-CLI liest OCTOPUS_API_KEY.</translation>
    </message>
    <message>
        <source>The new server does not serve %1. Look up its replacement in the new server&apos;s /api/swagger.json.</source>
        <translation>Der neue Server stellt %1 nicht bereit. Suchen Sie den Ersatz in /api/swagger.json des neuen Servers.</translation>
    </message>
    <message>
        <source>The new server serves %1 but not with %2.</source>
        <translation>Der neue Server stellt %1 bereit, aber nicht mit %2.</translation>
    </message>
    <message>
        <source>%1 is deprecated. Move to its replacement before the server drops it.</source>
        <translation>%1 ist veraltet. Wechseln Sie zum Ersatz, bevor der Server es entfernt.</translation>
    </message>
    <message>
        <source>Legacy route without a space id: it reaches only the default space. Use %1.</source>
        <translation>Veraltete Route ohne Space-ID: Sie erreicht nur den Standard-Space. Verwenden Sie %1.</translation>
    </message>
    <message>
        <source>Calls %1; the new server serves it. Check the URL and key it uses.</source>
        <translation>Ruft %1 auf; der neue Server stellt es bereit. Prüfen Sie die verwendete URL und den Schlüssel.</translation>
    </message>
    <message>
        <source>Calls %1. Pass the new server&apos;s swagger (--new-swagger) to check it.</source>
        <translation>Ruft %1 auf. Übergeben Sie die Swagger-Datei des neuen Servers (--new-swagger), um es zu prüfen.</translation>
    </message>
    <message>
        <source>Uses %1: check where it reads the server URL and API key, and that this version supports the new server.</source>
        <translation>Verwendet %1: Prüfen Sie, woher die Server-URL und der API-Schlüssel gelesen werden und ob diese Version den neuen Server unterstützt.</translation>
    </message>
</context>
<context>
    <name>AuditVerb</name>
    <message>
        <source>URL or host name of the old server (repeatable).</source>
        <translation>URL oder Hostname des alten Servers (wiederholbar).</translation>
    </message>
    <message>
        <source>The new server&apos;s /api/swagger.json, saved to a file.</source>
        <translation>/api/swagger.json des neuen Servers, in einer Datei gespeichert.</translation>
    </message>
    <message>
        <source>Print the findings as JSON.</source>
        <translation>Funde als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Print the findings as CSV.</source>
        <translation>Funde als CSV ausgeben.</translation>
    </message>
    <message>
        <source>Print the findings as Markdown.</source>
        <translation>Funde als Markdown ausgeben.</translation>
    </message>
    <message>
        <source>Number of scanning threads (default: one per core).</source>
        <translation>Anzahl der Such-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Folders or files to scan.</source>
        <translation>Zu durchsuchende Ordner oder Dateien.</translation>
    </message>
    <message>
        <source>choose one of --json, --csv and --md</source>
        <translation>wählen Sie eines von --json, --csv und --md</translation>
    </message>
    <message>
        <source>--jobs needs a number from 1 to 256</source>
        <translation>--jobs erfordert eine Zahl von 1 bis 256</translation>
    </message>
    <message>
        <source>--old-url needs a URL or host name</source>
        <translation>--old-url erfordert eine URL oder einen Hostnamen</translation>
    </message>
    <message>
        <source>cannot read the swagger document %1: %2</source>
        <translation>das Swagger-Dokument %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Finds scripts and pipelines that call the Octopus API with a hard-coded URL, an API key, the retired octo CLI or endpoints the new server does not serve.
Severities: breaking, must-change, deprecated, security, info. Exit status: 0 when the scan ran (with or without findings), 2 on a usage error or an unreadable PATH.</source>
        <translation>Findet Skripte und Pipelines, die die Octopus-API mit einer fest codierten URL, einem API-Schlüssel, der ausgemusterten octo-CLI oder Endpunkten aufrufen, die der neue Server nicht bereitstellt.
Schweregrade: breaking, must-change, deprecated, security, info. Exit-Status: 0, wenn die Suche lief (mit oder ohne Funde), 2 bei einem Aufruffehler oder einem nicht lesbaren PATH.</translation>
    </message>
    <message>
        <source>Also audit the scripts stored on this (old) server: deployment and runbook processes, step templates, script modules and variables. The API key comes from HANDOVER_API_KEY, or from the keychain.</source>
        <translation>Auch die auf diesem (alten) Server gespeicherten Skripte prüfen: Bereitstellungs- und Runbook-Prozesse, Schrittvorlagen, Skriptmodule und Variablen. Der API-Schlüssel kommt aus HANDOVER_API_KEY oder aus dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>--server needs an http:// or https:// URL</source>
        <translation>--server erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>no PATH to scan and no --server</source>
        <translation>kein zu durchsuchender PATH und kein --server</translation>
    </message>
    <message>
        <source>no API key for %1: %2. Never pass a key as an argument.</source>
        <translation>kein API-Schlüssel für %1: %2. Übergeben Sie einen Schlüssel nie als Argument.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>CertificateTrustPrompt</name>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The system does not trust the TLS certificate of %1.</source>
        <translation>Das System vertraut dem TLS-Zertifikat von %1 nicht.</translation>
    </message>
    <message>
        <source>%1

Trust it only if you recognise this fingerprint (compare it on the server). Handover will then accept exactly this certificate for this server and refuse any other.</source>
        <translation>%1

Vertrauen Sie ihm nur, wenn Sie diesen Fingerabdruck wiedererkennen (vergleichen Sie ihn auf dem Server). Handover akzeptiert dann genau dieses Zertifikat für diesen Server und lehnt jedes andere ab.</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
</context>
<context>
    <name>CheckVerb</name>
    <message>
        <source>Runs every readiness check against the old server and its clone.</source>
        <translation>Führt alle Bereitschaftsprüfungen für den alten Server und seinen Klon aus.</translation>
    </message>
    <message>
        <source>URL of the old server.</source>
        <translation>URL des alten Servers.</translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation>URL des neuen (geklonten) Servers.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover check --old URL --new URL [--json] [--timeout SECONDS] [--trust-fingerprint SHA256]...
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
</source>
        <translation>Aufruf: handover check --old URL --new URL [--json] [--timeout SECONDS] [--trust-fingerprint SHA256]...
API-Schlüssel kommen aus HANDOVER_OLD_API_KEY und HANDOVER_NEW_API_KEY oder aus dem Schlüsselbund.
</translation>
    </message>
    <message>
        <source>handover check: unexpected argument &apos;%1&apos;</source>
        <translation>handover check: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>handover check: %1 needs an http:// or https:// URL</source>
        <translation>handover check: %1 erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>To trust this certificate after checking it: --trust-fingerprint %1
</source>
        <translation>Um diesem Zertifikat nach der Prüfung zu vertrauen: --trust-fingerprint %1
</translation>
    </message>
    <message>
        <source>Result: not ready (a check failed).
</source>
        <translation>Ergebnis: nicht bereit (eine Prüfung ist fehlgeschlagen).
</translation>
    </message>
    <message>
        <source>Result: no check failed.
</source>
        <translation>Ergebnis: keine Prüfung fehlgeschlagen.
</translation>
    </message>
</context>
<context>
    <name>CiEvidence</name>
    <message numerus="yes">
        <source>%n build-information record(s) (%1), newest %2</source>
        <translation>
            <numerusform>%n Build-Information-Eintrag (%1), neuester %2</numerusform>
            <numerusform>%n Build-Information-Einträge (%1), neuester %2</numerusform>
        </translation>
    </message>
    <message>
        <source>API key &apos;%1&apos; of %2 last used</source>
        <translation>API-Schlüssel &apos;%1&apos; von %2 zuletzt verwendet</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) by %1 with %2, newest: %3</source>
        <translation>
            <numerusform>%n Ereignis von %1 mit %2, neuestes: %3</numerusform>
            <numerusform>%n Ereignisse von %1 mit %2, neuestes: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CiIntegrations</name>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>Jenkins keeps the Octopus servers in Manage Jenkins › Configure System › Octopus Deploy plugin (each with its API key credential): change the URL there once per controller, then look for jobs and pipelines that name the server themselves.</source>
        <translation>Jenkins speichert die Octopus-Server unter Manage Jenkins › Configure System › Octopus Deploy plugin (jeweils mit den Anmeldedaten seines API-Schlüssels): Ändern Sie die URL dort einmal pro Controller und suchen Sie dann nach Jobs und Pipelines, die den Server selbst nennen.</translation>
    </message>
    <message>
        <source>TeamCity keeps the Octopus URL and API key in the fields of each Octopus runner, usually fed by parameters: change the parameters at project level where they are shared, else every build configuration.</source>
        <translation>TeamCity speichert die Octopus-URL und den API-Schlüssel in den Feldern jedes Octopus-Runners, meist über Parameter befüllt: Ändern Sie die Parameter auf Projektebene, wo sie gemeinsam genutzt werden, sonst in jeder Build-Konfiguration.</translation>
    </message>
    <message>
        <source>Azure DevOps keeps them in an &quot;Octopus Deploy&quot; service connection (Project settings › Service connections) that the tasks name: edit the connection once per project.</source>
        <translation>Azure DevOps speichert sie in einer Dienstverbindung &quot;Octopus Deploy&quot; (Project settings › Service connections), die die Tasks nennen: Bearbeiten Sie die Verbindung einmal pro Projekt.</translation>
    </message>
    <message>
        <source>GitHub Actions take the server and key from repository or organisation secrets (OCTOPUS_URL, OCTOPUS_API_KEY, or the server and api_key inputs), or log in with OIDC to a service account: change the secret once per organisation or repository, and check the OIDC identity&apos;s audience if the URL changes.</source>
        <translation>GitHub Actions beziehen Server und Schlüssel aus Repository- oder Organisations-Secrets (OCTOPUS_URL, OCTOPUS_API_KEY oder die Eingaben server und api_key) oder melden sich per OIDC bei einem Dienstkonto an: Ändern Sie das Secret einmal pro Organisation oder Repository, und prüfen Sie die Audience der OIDC-Identität, wenn sich die URL ändert.</translation>
    </message>
    <message>
        <source>Bamboo keeps the Octopus URL and API key on every Octopus task: change them per task, or once in the Bamboo variables the tasks use.</source>
        <translation>Bamboo speichert die Octopus-URL und den API-Schlüssel in jedem Octopus-Task: Ändern Sie sie pro Task oder einmal in den Bamboo-Variablen, die die Tasks verwenden.</translation>
    </message>
    <message>
        <source>The retired octo CLI reads OCTOPUS_CLI_SERVER and OCTOPUS_CLI_API_KEY (or --server and --apiKey): change them where the scripts set them. Moving to the octopus CLI? It reads OCTOPUS_URL and OCTOPUS_API_KEY instead.</source>
        <translation>Die ausgemusterte octo-CLI liest OCTOPUS_CLI_SERVER und OCTOPUS_CLI_API_KEY (oder --server und --apiKey): Ändern Sie sie dort, wo die Skripte sie setzen. Umstieg auf die octopus-CLI? Sie liest stattdessen OCTOPUS_URL und OCTOPUS_API_KEY.</translation>
    </message>
    <message>
        <source>The octopus CLI reads OCTOPUS_URL and OCTOPUS_API_KEY (or --server and --api-key, or its login configuration): change them where the scripts or the machine set them.</source>
        <translation>Die octopus-CLI liest OCTOPUS_URL und OCTOPUS_API_KEY (oder --server und --api-key oder ihre Anmeldekonfiguration): Ändern Sie sie dort, wo die Skripte oder die Maschine sie setzen.</translation>
    </message>
    <message>
        <source>The Terraform provider reads its address and API key from the provider block or OCTOPUS_URL and OCTOPUS_APIKEY: change them in each configuration that uses the old server, then plan before you apply.</source>
        <translation>Der Terraform-Provider liest seine Adresse und seinen API-Schlüssel aus dem provider-Block oder aus OCTOPUS_URL und OCTOPUS_APIKEY: Ändern Sie sie in jeder Konfiguration, die den alten Server verwendet, und führen Sie dann plan aus, bevor Sie apply ausführen.</translation>
    </message>
    <message>
        <source>A script or tool that calls the API itself: find where it keeps the server URL (the script audit step shows scripts that name the old server) and change it there.</source>
        <translation>Ein Skript oder Tool, das die API selbst aufruft: Finden Sie heraus, wo es die Server-URL speichert (der Schritt „Skriptprüfung“ zeigt Skripte, die den alten Server nennen), und ändern Sie sie dort.</translation>
    </message>
</context>
<context>
    <name>CiIntegrationsController</name>
    <message>
        <source>Added by hand</source>
        <translation>Manuell hinzugefügt</translation>
    </message>
</context>
<context>
    <name>CiIntegrationsExportWriter</name>
    <message>
        <source>CI integrations and other callers of the old server</source>
        <translation>CI-Integrationen und andere Aufrufer des alten Servers</translation>
    </message>
    <message>
        <source>%1 integrations, %2 verified on the new server.</source>
        <translation>%1 Integrationen, %2 auf dem neuen Server verifiziert.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Account and key</source>
        <translation>Konto und Schlüssel</translation>
    </message>
    <message>
        <source>Last seen (old)</source>
        <translation>Zuletzt gesehen (alt)</translation>
    </message>
    <message>
        <source>Last seen (new)</source>
        <translation>Zuletzt gesehen (neu)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>key &apos;%1&apos;</source>
        <translation>Schlüssel &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Where each system keeps the Octopus URL and key</source>
        <translation>Wo jedes System die Octopus-URL und den Schlüssel speichert</translation>
    </message>
</context>
<context>
    <name>CiIntegrationsPage</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Nicht entschieden</translation>
    </message>
    <message>
        <source>Repoint</source>
        <translation>Umleiten</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Stilllegen</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Nicht nötig</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>repointed</source>
        <translation>umgeleitet</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>Every build server and tool that talks to the old server, from evidence, and proof that each one moved.</source>
        <translation>Jeder Build-Server und jedes Tool, das mit dem alten Server kommuniziert, anhand von Belegen, und der Nachweis, dass jedes umgezogen ist.</translation>
    </message>
    <message>
        <source>E&amp;vidence of the last</source>
        <translation>&amp;Belege der letzten</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Last seen (old)</source>
        <translation>Zuletzt gesehen (alt)</translation>
    </message>
    <message>
        <source>Last seen (new)</source>
        <translation>Zuletzt gesehen (neu)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evid&amp;ence:</source>
        <translation>B&amp;elege:</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>En&amp;tscheidung:</translation>
    </message>
    <message>
        <source>Who repoints it</source>
        <translation>Wer es umleitet</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>&amp;Verantwortlich:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Mark repointed</source>
        <translation>Als &amp;umgeleitet markieren</translation>
    </message>
    <message>
        <source>Back to &amp;pending</source>
        <translation>Zurück auf ausste&amp;hend</translation>
    </message>
    <message>
        <source>Simulate the move (demo)</source>
        <translation>Umzug simulieren (Demo)</translation>
    </message>
    <message>
        <source>Demo only: the selected integration&apos;s service account pushes a build to the new server, as if its URL had been changed.</source>
        <translation>Nur Demo: Das Dienstkonto der ausgewählten Integration überträgt einen Build an den neuen Server, als wäre ihre URL geändert worden.</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export Mar&amp;kdown…</source>
        <translation>Als Mar&amp;kdown exportieren…</translation>
    </message>
    <message>
        <source>Add &amp;by hand:</source>
        <translation>&amp;Manuell hinzufügen:</translation>
    </message>
    <message>
        <source>Where it lives: a host, an organisation, a repository</source>
        <translation>Wo es sich befindet: ein Host, eine Organisation, ein Repository</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>H&amp;inzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Removes the selected row if it was added by hand.</source>
        <translation>Entfernt die ausgewählte Zeile, wenn sie manuell hinzugefügt wurde.</translation>
    </message>
    <message>
        <source>Still talking to the old server</source>
        <translation>Kommuniziert noch mit dem alten Server</translation>
    </message>
    <message>
        <source>Seen &amp;since:</source>
        <translation>Gesehen &amp;seit:</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>Be&amp;obachten</translation>
    </message>
    <message>
        <source>Reading the evidence of both servers…</source>
        <translation>Belege beider Server werden gelesen…</translation>
    </message>
    <message>
        <source>Connect to both servers (step 1) to find what talks to the old server.</source>
        <translation>Verbinden Sie sich mit beiden Servern (Schritt 1), um herauszufinden, was mit dem alten Server kommuniziert.</translation>
    </message>
    <message>
        <source>No evidence read yet.</source>
        <translation>Noch keine Belege gelesen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 integrations&lt;/b&gt; talked to the old server in the window, %2 of %3 verified on the new server (read %4).</source>
        <translation>&lt;b&gt;%1 Integrationen&lt;/b&gt; haben im Zeitfenster mit dem alten Server kommuniziert, %2 von %3 auf dem neuen Server verifiziert (gelesen %4).</translation>
    </message>
    <message numerus="yes">
        <source>Some evidence could not be read (%n problem(s); hover for details).</source>
        <translation>
            <numerusform>Einige Belege konnten nicht gelesen werden (%n Problem; Details im Tooltip).</numerusform>
            <numerusform>Einige Belege konnten nicht gelesen werden (%n Probleme; Details im Tooltip).</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an integration to see where it keeps the Octopus URL and key.</source>
        <translation>Wählen Sie eine Integration aus, um zu sehen, wo sie die Octopus-URL und den Schlüssel speichert.</translation>
    </message>
    <message>
        <source>old server</source>
        <translation>alter Server</translation>
    </message>
    <message>
        <source>new server</source>
        <translation>neuer Server</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>No evidence in the window (kept from the plan).</source>
        <translation>Keine Belege im Zeitfenster (aus dem Plan übernommen).</translation>
    </message>
    <message>
        <source>Pending: not marked repointed yet.</source>
        <translation>Ausstehend: noch nicht als umgeleitet markiert.</translation>
    </message>
    <message>
        <source>Repointed %1; waiting for evidence from the new server (Refresh reads it).</source>
        <translation>Umgeleitet %1; Belege vom neuen Server stehen noch aus („Aktualisieren“ liest sie).</translation>
    </message>
    <message>
        <source>Verified: the new server saw it %1 (%2).</source>
        <translation>Verifiziert: Der neue Server hat sie %1 gesehen (%2).</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>Be&amp;obachtung beenden</translation>
    </message>
    <message>
        <source>Watch the old server for integrations seen after a time (re-read every minute while watching).</source>
        <translation>Den alten Server auf Integrationen beobachten, die nach einem Zeitpunkt gesehen werden (während der Beobachtung jede Minute neu gelesen).</translation>
    </message>
    <message>
        <source>Reading the old server…</source>
        <translation>Alter Server wird gelesen…</translation>
    </message>
    <message>
        <source>%1 at %2 (%3)</source>
        <translation>%1 bei %2 (%3)</translation>
    </message>
    <message>
        <source>Nothing has talked to the old server since %1 (read %2).</source>
        <translation>Seit %1 hat nichts mehr mit dem alten Server kommuniziert (gelesen %2).</translation>
    </message>
    <message numerus="yes">
        <source>%n still talking to the old server: %1 (read %2).</source>
        <translation>
            <numerusform>%n kommuniziert noch mit dem alten Server: %1 (gelesen %2).</numerusform>
            <numerusform>%n kommunizieren noch mit dem alten Server: %1 (gelesen %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Save CI integrations as Markdown</source>
        <translation>CI-Integrationen als Markdown speichern</translation>
    </message>
    <message>
        <source>Save CI integrations as CSV</source>
        <translation>CI-Integrationen als CSV speichern</translation>
    </message>
    <message>
        <source>Markdown files (*.md);;All files (*)</source>
        <translation>Markdown-Dateien (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>CiVerb</name>
    <message>
        <source>URL of the old server.</source>
        <translation type="unfinished">URL des alten Servers.</translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation type="unfinished">URL des neuen (geklonten) Servers.</translation>
    </message>
    <message>
        <source>Evidence since this time (ISO 8601; default: 30 days ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished">JSON ausgeben.</translation>
    </message>
    <message>
        <source>Print CSV.</source>
        <translation type="unfinished">CSV ausgeben.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover ci --old URL --new URL [--since ISO-TIME] [--json|--csv] [--timeout SECONDS]
       [--trust-fingerprint SHA256]... [--proxy URL|none]
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
Exit codes: 0 listed, 3 a server was unusable or its evidence incomplete, 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished">unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs an http:// or https:// URL</source>
        <translation type="unfinished">%1 erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--since needs an ISO 8601 time, e.g. 2026-11-01T00:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json and --csv cannot be combined</source>
        <translation type="unfinished">--json und --csv können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>handover ci: the %1 server is unusable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished">alt</translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished">neu</translation>
    </message>
    <message>
        <source>%1 integrations talked to %2 since %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1, key &apos;%2&apos;; last seen on the old server %3, on the new server %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished">nie</translation>
    </message>
    <message>
        <source>handover ci: incomplete evidence from the %1 server: %2</source>
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
        <translation>handover: unbekanntes Verb &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Usage: handover VERB [options]

Verbs:
</source>
        <translation>Aufruf: handover VERB [options]

Verben:
</translation>
    </message>
    <message>
        <source>Find scripts that call the old server&apos;s API</source>
        <translation>Skripte finden, die die API des alten Servers aufrufen</translation>
    </message>
    <message>
        <source>Run every readiness check against the old server and its clone</source>
        <translation>Alle Bereitschaftsprüfungen für den alten Server und seinen Klon ausführen</translation>
    </message>
    <message>
        <source>Take an inventory of one server</source>
        <translation>Eine Bestandsaufnahme eines Servers erstellen</translation>
    </message>
    <message>
        <source>List polling Tentacles with the commands that re-point them</source>
        <translation>Polling-Tentacles mit den Befehlen zum Umleiten auflisten</translation>
    </message>
    <message>
        <source>handover: &apos;%1&apos; is neither a verb, an option nor a plan file; &apos;handover help&apos; lists the verbs.</source>
        <translation>handover: &apos;%1&apos; ist weder ein Verb noch eine Option noch eine Plandatei; &apos;handover help&apos; listet die Verben auf.</translation>
    </message>
    <message>
        <source>List the CI systems and other callers of the old server, from evidence</source>
        <translation>Die CI-Systeme und anderen Aufrufer des alten Servers anhand von Belegen auflisten</translation>
    </message>
    <message>
        <source>Measure the drift between the old server and its clone since the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate the test plan from the old server&apos;s usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a plan file from both servers: every analysis that needs no decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the cutover runbook: list its steps, tick them, check the gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the printable runbook of a plan and its journal (PDF, HTML or Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect to both servers</source>
        <translation>Mit beiden Servern verbinden</translation>
    </message>
    <message>
        <source>Tell Handover where the old Octopus Server is and where its clone, the new instance, runs.</source>
        <translation>Teilen Sie Handover mit, wo der alte Octopus Server steht und wo sein Klon, die neue Instanz, läuft.</translation>
    </message>
    <message>
        <source>Use an API key of a user who can read everything on each server. The keys are kept in memory for this session only: they are never written to the plan file.</source>
        <translation>Verwenden Sie einen API-Schlüssel eines Benutzers, der auf jedem Server alles lesen darf. Die Schlüssel werden nur für diese Sitzung im Speicher gehalten: Sie werden nie in die Plandatei geschrieben.</translation>
    </message>
    <message>
        <source>Old server (the original)</source>
        <translation>Alter Server (das Original)</translation>
    </message>
    <message>
        <source>New server (the clone)</source>
        <translation>Neuer Server (der Klon)</translation>
    </message>
    <message>
        <source>https://octopus.example.com</source>
        <translation>https://octopus.example.com</translation>
    </message>
    <message>
        <source>https://octopus-new.example.com</source>
        <translation>https://octopus-new.example.com</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>U&amp;RL:</source>
        <translation>U&amp;RL:</translation>
    </message>
    <message>
        <source>API-XXXXXXXXXXXXXXXXXXXXXXXXXX</source>
        <translation>API-XXXXXXXXXXXXXXXXXXXXXXXXXX</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>API-Sc&amp;hlüssel:</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>Systemeinstellungen</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s proxy settings (https_proxy, no_proxy). &quot;none&quot;: connect directly. Or a proxy such as http://proxy.example.com:3128 or socks5://proxy.example.com:1080. A proxy password is not stored here.</source>
        <translation>Leer: die Proxy-Einstellungen des Systems (https_proxy, no_proxy). „none“: direkt verbinden. Oder ein Proxy wie http://proxy.example.com:3128 oder socks5://proxy.example.com:1080. Ein Proxy-Passwort wird hier nicht gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
</context>
<context>
    <name>ConnectionTestPanel</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Remember the API keys in the system &amp;keychain</source>
        <translation>API-Schlüssel im System-&amp;Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>The API keys are kept in memory for this session only.</source>
        <translation>Die API-Schlüssel werden nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source>The API keys are stored in the system keychain.</source>
        <translation>Die API-Schlüssel sind im System-Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain is unavailable: nothing was stored (%1). The keys stay in memory for this session only.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar: Es wurde nichts gespeichert (%1). Die Schlüssel bleiben nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <source>Enter the URL and API key of a server first.</source>
        <translation>Geben Sie zuerst die URL und den API-Schlüssel eines Servers ein.</translation>
    </message>
</context>
<context>
    <name>CutoverActionJob</name>
    <message>
        <source>No server is connected for this action; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance mode is switched on the old server during the cutover; this is the new server, and only the rollback step may switch it there. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentacle upgrades are queued on the new server; this is the old server. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the new server&apos;s targets, workers, triggers and subscriptions are disabled or enabled by the cutover; this is not the new server. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environment was chosen for the Tentacle upgrade; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CutoverController</name>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan has not been saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal started against %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cutover journal is not open: save the plan first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no step &apos;%1&apos; in the runbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ticked already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gate &quot;%1&quot; fails: %2. Tick it once it passes, or override it with a written reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gate &quot;%1&quot; has not been checked yet. Check the gates, or override it with a written reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step &apos;%1&apos; has no gate to override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An override needs a written reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished">nicht geprüft</translation>
    </message>
    <message>
        <source>This step has no action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another action is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server cannot be reached: connect it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server cannot be reached: connect it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OLD server %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the NEW server %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put %1 into maintenance mode? Only administrators can change anything on it until it is taken out again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 out of maintenance mode? Everyone can deploy on it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable on %1 every enabled deployment target, worker, project trigger and subscription? Exactly those are recorded in the journal and enabled again after cutover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was disabled on the clone in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enable again on %1 the %n item(s) disabled before cutover (and nothing else)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Queue on %1 an upgrade task for every Tentacle in the environment %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) disabled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) enabled again</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no task queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance mode is on (read back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance mode is off (read back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CutoverGatesJob</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server is not connected, so its maintenance mode is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server (%1) did not say whether it is in maintenance mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server (%1) reports maintenance mode on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server (%1) reports maintenance mode off: people and integrations can still change it and queue deployments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server is not connected, so its task queue is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server is not connected, so who still calls it is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server (%1) has no queued, executing or cancelling task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The old server (%1) still has %n active task(s): %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Since %1 the old server (%2) was called by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nobody but Handover called the old server (%1) in the last %n minute(s): no event by another client and no build information since %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>an unnamed client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2 (%3 at %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unnamed account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pushing build information (%2 at %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No public address was given for the DNS name, so where it points is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new server is not connected, so its InstallationId is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer as an Octopus Server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, but not with an Octopus Server&apos;s InstallationId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers with InstallationId %2, but the new server&apos;s could not be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers with InstallationId %2, the old server&apos;s; the new server&apos;s is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers with InstallationId %2; the new server&apos;s is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers with InstallationId %2, the new server&apos;s, but the old server&apos;s could not be read to tell the two apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both servers report InstallationId %1 (the clone&apos;s was not changed), so %2 cannot be told apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers with InstallationId %2, the new server&apos;s (the old server&apos;s is %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was disabled on the new server, so nothing needs enabling again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The new server is not connected, so whether the %n disabled item(s) are enabled again is not known.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the disabled item(s) are still disabled on the new server: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the disabled item(s) are no longer on the new server: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n item(s) disabled on the new server are enabled again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CutoverPage</name>
    <message>
        <source>Move everyone to the new instance in a short, planned window of downtime.</source>
        <translation>Stellen Sie alle in einem kurzen, geplanten Wartungsfenster auf die neue Instanz um.</translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished">nicht geprüft</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use its &amp;timings as planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">Verantwortlich</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Untick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note on this step (N), Enter to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why go on although the gate fails (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rehearsal has no ticked step yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point of no return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished">%1 (%2) {1 %2 ?} {3)?}</translation>
    </message>
    <message>
        <source>UTC, by whom, local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal: %1 (every tick is on disk before it shows as done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No journal yet: %1. Save the plan (File › Save): the night&apos;s journal is kept beside it, and nothing can be ticked until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 steps done; elapsed %3 of %4 planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a step. Space ticks it, N adds a note, O gives the reason to override a failing gate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate: %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cutover action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result is read back from the server and kept in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport runbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole migration as PDF, HTML or Markdown: decisions, servers, Tentacles, CI, audit, test plan, drift, this runbook, its checklist and journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the runbook (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CutoverRunbook</name>
    <message>
        <source>Before the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cutover</source>
        <translation type="unfinished">Umstellung</translation>
    </message>
    <message>
        <source>After cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server is in maintenance mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task is queued, running or cancelling on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is still talking to the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS name answers with the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was disabled on the clone is enabled again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every CI integration is verified on the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every re-pointed polling Tentacle is verified on the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test plan passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announce the window to everyone who deploys, with its start, its length and who to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments stop during the window; people must not start any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze changes on %1: no process, variable or project edits from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change made on the old server after the clone is lost at cutover (see the drift meter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drift at the last check: %1, %n change(s) since the clone</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Disable on %1 the targets, workers, triggers and subscriptions that could act on production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clone works against the old server&apos;s targets (their certificates are cloned); what is disabled is recorded and enabled again after cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let running deployments and runbooks on %1 finish; queue nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task still running when the old server goes read-only is cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put %1 into maintenance mode (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changes on the old server from here; the new server takes over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the DNS name %1 at the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the old server&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain decision keeps the name: CI servers and Tentacles follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that every CI integration reaches the new server through the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point every CI integration at the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds push packages and create releases: each must reach the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm every polling Tentacle answers the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Tentacles dial a name: with a new name each was re-pointed in the Polling Tentacles step</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n polling Tentacle(s) on the old server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm nobody is still talking to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caller still using the old server would lose its work at cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the test plan&apos;s checks on the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke deployments, history, sign-in and the scripts that call the API</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the test plan</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open %1 for deployments and tell everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From here people deploy on the new server: rolling back would lose that work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable again on %1 exactly what was disabled before cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The targets, workers, triggers and subscriptions recorded in the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the old server from every re-pointed polling Tentacle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then each Tentacle keeps polling both servers (the Polling Tentacles step&apos;s after-cutover scripts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) marked re-pointed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade Tentacles a set at a time (they keep working with the new server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer servers talk to older Tentacles: upgrade in waves, development first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the Tentacles of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wave per environment, in the old server&apos;s order: development first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decommission %1 once the new server has run a normal week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep its last database backup and master key until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the CI integrations back at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each integration repointed tonight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the DNS name %1 back at the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callers and Tentacles follow the name back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the old server&apos;s entry on the re-pointed Tentacles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They still poll both servers until the after-cutover scripts run: do not run them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 out of maintenance mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server takes deployments again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI integrations not analysed: this gate is manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No integration to move (CI step refreshed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n integration(s) verified on the new server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n integration(s) not verified on the new server: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Polling Tentacles step not done (no machine marked re-pointed): this gate is manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n re-pointed Tentacle(s) verified on the new server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Tentacle(s) not verified on the new server: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Test plan not generated: this gate is manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) passed or skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed, %2 untested of %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (overridden: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CutoverVerb</name>
    <message>
        <source>Runbook of the run %1 (%2 of %3 done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(gate: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(point of no return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2 of %3 steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal: %1 (SHA-256 %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gate overridden: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan file (.handover).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the runbook&apos;s steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the step ID done in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every gate now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run&apos;s state from the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished">JSON ausgeben.</translation>
    </message>
    <message>
        <source>Who ticks (default: the OS user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note kept with the tick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick even though the step&apos;s gate fails, for this written reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work in the newest rehearsal run (--tick starts one when there is none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover cutover --plan FILE (--steps | --tick ID | --gates | --status) [--json] [--rehearsal]
       [--by NAME] [--note TEXT] [--override REASON] [--timeout SECONDS]
       [--trust-fingerprint SHA256]... [--proxy URL|none]
API keys (for the server gates) come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the
keychain.
Exit codes: 0 done (--gates: no gate fails), 3 a tick refused or a gate failing, 2 usage error, a plan
that cannot be loaded or a journal that cannot be opened.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished">unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give exactly one of --steps, --tick, --gates and --status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 goes with --tick only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json goes with --steps, --gates or --status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tick needs a step id (--steps lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--override needs a written reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--plan needs the plan file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no step &apos;%1&apos; in the runbook of %2 (--steps lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal %1 holds no rehearsal; --tick ID --rehearsal starts one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) is ticked already in the run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished">nicht geprüft</translation>
    </message>
    <message>
        <source>the gate %1 (&quot;%2&quot;) fails: %3. Tick it once it passes, or give --override REASON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover cutover: the gate %1 fails (%2); overridden: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked %1 (%2) in the run %3 by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal: %1 (not created yet: the first tick creates it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoEnvironment</name>
    <message>
        <source>the simulator program was not found at %1; octosim is built and installed beside handover</source>
        <translation>das Simulatorprogramm wurde unter %1 nicht gefunden; octosim wird neben handover gebaut und installiert</translation>
    </message>
    <message numerus="yes">
        <source>the simulator %1 was not ready within %n second(s)</source>
        <translation>
            <numerusform>der Simulator %1 war nicht innerhalb von %n Sekunde bereit</numerusform>
            <numerusform>der Simulator %1 war nicht innerhalb von %n Sekunden bereit</numerusform>
        </translation>
    </message>
    <message>
        <source>the simulator %1 printed a ready line Handover could not read</source>
        <translation>der Simulator %1 hat eine Bereit-Zeile ausgegeben, die Handover nicht lesen konnte</translation>
    </message>
    <message>
        <source>could not start the simulator %1: %2</source>
        <translation>der Simulator %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>it printed nothing on stderr</source>
        <translation>er hat nichts auf stderr ausgegeben</translation>
    </message>
    <message>
        <source>the simulator %1 crashed before it was ready: %2</source>
        <translation>der Simulator %1 ist abgestürzt, bevor er bereit war: %2</translation>
    </message>
    <message>
        <source>the simulator %1 exited before it was ready (exit code %2): %3</source>
        <translation>der Simulator %1 hat sich beendet, bevor er bereit war (Exit-Code %2): %3</translation>
    </message>
</context>
<context>
    <name>DomainExportWriter</name>
    <message>
        <source>not decided yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep the domain name (DNS moves to the new server at cutover)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a new domain name for the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not entered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(workers)</source>
        <translation type="unfinished">(Worker)</translation>
    </message>
    <message>
        <source>Decision: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New public URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this decision means</source>
        <translation type="unfinished">Was diese Entscheidung bedeutet</translation>
    </message>
    <message>
        <source>Polling machines: %1 (%2 targets, %3 workers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must act (a command on their own machine): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Tentacles dial %1 on port %2 after the move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The polling port %1 must be open on the new server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts mentioning the old name: %1 places in %2 files (audit of %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts mentioning the old name: not analysed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No polling Tentacle is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished">Space</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished">Umgebung</translation>
    </message>
    <message>
        <source>Polling targets</source>
        <translation type="unfinished">Polling-Ziele</translation>
    </message>
    <message>
        <source>Polling workers</source>
        <translation type="unfinished">Polling-Worker</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainPage</name>
    <message>
        <source>Decide whether the new instance keeps the old instance&apos;s domain name or gets a new one.</source>
        <translation>Entscheiden Sie, ob die neue Instanz den Domainnamen der alten Instanz behält oder einen neuen erhält.</translation>
    </message>
    <message>
        <source>&amp;Keep the same domain name: DNS moves to the new instance at cutover</source>
        <translation>Denselben Domainnamen &amp;beibehalten: Das DNS zieht bei der Umstellung auf die neue Instanz um</translation>
    </message>
    <message>
        <source>Use a ne&amp;w domain name for the new instance</source>
        <translation>Einen &amp;neuen Domainnamen für die neue Instanz verwenden</translation>
    </message>
    <message>
        <source>https://octopusdeploy.example.com</source>
        <translation>https://octopusdeploy.example.com</translation>
    </message>
    <message>
        <source>Public URL &amp;today:</source>
        <translation>Öffentliche URL &amp;heute:</translation>
    </message>
    <message>
        <source>https://octopus.example.com</source>
        <translation>https://octopus.example.com</translation>
    </message>
    <message>
        <source>New public &amp;URL:</source>
        <translation>Neue öffentliche &amp;URL:</translation>
    </message>
    <message>
        <source>The names users and Tentacles know. They may differ from the URLs this wizard uses to reach the servers before DNS moves.</source>
        <translation>Die Namen, die Benutzer und Tentacles kennen. Sie können von den URLs abweichen, über die dieser Assistent die Server erreicht, bevor das DNS umzieht.</translation>
    </message>
    <message>
        <source>What the names resolve to from this computer</source>
        <translation>Wohin die Namen von diesem Computer aus aufgelöst werden</translation>
    </message>
    <message>
        <source>Today&apos;s name:</source>
        <translation>Heutiger Name:</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>&amp;Resolve again</source>
        <translation>&amp;Erneut auflösen</translation>
    </message>
    <message>
        <source>What this decision means</source>
        <translation>Was diese Entscheidung bedeutet</translation>
    </message>
    <message>
        <source>Take &amp;inventory</source>
        <translation>Bestands&amp;aufnahme erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Polling targets</source>
        <translation>Polling-Ziele</translation>
    </message>
    <message>
        <source>Polling workers</source>
        <translation>Polling-Worker</translation>
    </message>
    <message>
        <source>The inventory is incomplete: %1</source>
        <translation>Die Bestandsaufnahme ist unvollständig: %1</translation>
    </message>
    <message>
        <source>(keeping today&apos;s name)</source>
        <translation>(heutiger Name bleibt)</translation>
    </message>
    <message>
        <source>(enter the public URL above)</source>
        <translation>(geben Sie oben die öffentliche URL ein)</translation>
    </message>
    <message>
        <source>%1 is an IP address</source>
        <translation>%1 ist eine IP-Adresse</translation>
    </message>
    <message>
        <source>%1: resolving…</source>
        <translation>%1: wird aufgelöst…</translation>
    </message>
    <message>
        <source>%1: does not resolve (%2)</source>
        <translation>%1: wird nicht aufgelöst (%2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Taking the inventory of both servers…</source>
        <translation>Bestandsaufnahme beider Server wird erstellt…</translation>
    </message>
    <message>
        <source>From the inventory taken %1.</source>
        <translation>Aus der Bestandsaufnahme vom %1.</translation>
    </message>
    <message>
        <source>Take &amp;inventory again</source>
        <translation>Bestands&amp;aufnahme erneut erstellen</translation>
    </message>
    <message>
        <source>Connect to the old server (step 1) to see which machines this decision affects.</source>
        <translation>Verbinden Sie sich mit dem alten Server (Schritt 1), um zu sehen, welche Maschinen von dieser Entscheidung betroffen sind.</translation>
    </message>
    <message>
        <source>No inventory yet.</source>
        <translation>Noch keine Bestandsaufnahme.</translation>
    </message>
    <message>
        <source>Polling Tentacles: not known until the inventory is taken.</source>
        <translation>Polling-Tentacles: erst nach der Bestandsaufnahme bekannt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 polling targets and %2 polling workers&lt;/b&gt; depend on this decision.</source>
        <translation>&lt;b&gt;%1 Polling-Ziele und %2 Polling-Worker&lt;/b&gt; hängen von dieser Entscheidung ab.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No polling Tentacle needs a command.&lt;/b&gt; The %1 polling targets and %2 polling workers keep dialling %3, and follow the name when DNS moves to the new server.</source>
        <translation>&lt;b&gt;Kein Polling-Tentacle benötigt einen Befehl.&lt;/b&gt; Die %1 Polling-Ziele und %2 Polling-Worker wählen weiterhin %3 an und folgen dem Namen, wenn das DNS auf den neuen Server umzieht.</translation>
    </message>
    <message>
        <source>today&apos;s name</source>
        <translation>den heutigen Namen</translation>
    </message>
    <message>
        <source>the new name</source>
        <translation>den neuen Namen</translation>
    </message>
    <message>
        <source>%1 listening targets and %2 listening workers keep working: the clone has the same server certificate, and the new server connects to them.</source>
        <translation>%1 Listening-Ziele und %2 Listening-Worker funktionieren weiter: Der Klon hat dasselbe Serverzertifikat, und der neue Server verbindet sich mit ihnen.</translation>
    </message>
    <message>
        <source>%1 SSH, cloud and other targets do not depend on the name.</source>
        <translation>%1 SSH-, Cloud- und andere Ziele hängen nicht vom Namen ab.</translation>
    </message>
    <message>
        <source>The polling port %1 must be open on the new server (inbound, from every polling Tentacle).</source>
        <translation>Der Polling-Port %1 muss auf dem neuen Server offen sein (eingehend, von jedem Polling-Tentacle).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 polling targets and %2 polling workers must act&lt;/b&gt;: each one is re-pointed to %3 on its own machine (see %4).</source>
        <translation>&lt;b&gt;%1 Polling-Ziele und %2 Polling-Worker müssen handeln&lt;/b&gt;: Jedes wird auf seiner eigenen Maschine auf %3 umgeleitet (siehe %4).</translation>
    </message>
    <message>
        <source>No script mentions the old server (%2 of %1).</source>
        <translation>Kein Skript nennt den alten Server (%2 vom %1).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%2 script files mention the old server&lt;/b&gt; (%1 places; %4 of %3).</source>
        <translation>&lt;b&gt;%2 Skriptdateien nennen den alten Server&lt;/b&gt; (%1 Stellen; %4 vom %3).</translation>
    </message>
    <message>
        <source>Scripts that mention the old name: not analysed yet (%1).</source>
        <translation>Skripte, die den alten Namen nennen: noch nicht untersucht (%1).</translation>
    </message>
    <message>
        <source>With the name kept, CI servers and scripts keep working after DNS moves (%1, %2).</source>
        <translation>Wenn der Name bleibt, funktionieren CI-Server und Skripte nach dem DNS-Umzug weiter (%1, %2).</translation>
    </message>
    <message>
        <source>%1 of them answered a health check of the new server after they were re-pointed.</source>
        <translation>%1 davon haben nach der Umleitung auf eine Zustandsprüfung des neuen Servers geantwortet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 CI systems and other callers&lt;/b&gt; talk to the old server, %2 of them not yet verified on the new one (%3).</source>
        <translation>&lt;b&gt;%1 CI-Systeme und andere Aufrufer&lt;/b&gt; kommunizieren mit dem alten Server, %2 davon noch nicht auf dem neuen verifiziert (%3).</translation>
    </message>
    <message>
        <source>CI systems and other callers of the old server: not analysed yet (%1).</source>
        <translation>CI-Systeme und andere Aufrufer des alten Servers: noch nicht untersucht (%1).</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation type="unfinished">Als CS&amp;V exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation type="unfinished">Als &amp;Markdown exportieren…</translation>
    </message>
    <message>
        <source>Save the domain consequences as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the domain consequences as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md);;All files (*)</source>
        <translation type="unfinished">Markdown-Dateien (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished">CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished">Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished">%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Drift</name>
    <message>
        <source>Deployment process of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within the budget: the clone is %n day(s) old, with %1 structural change(s) on the old server since (red above %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber: the clone is %n day(s) old (amber from %1, red from %2 days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red: the clone is %n day(s) old (red from %1 days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red: %n process and variable edit(s) on the old server since the clone (red above %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old server keeps changing: cut over soon, or plan a fresh clone before the drift reaches the budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the budget: restart from a fresh clone of the old server (the changes made on this clone, listed here, would have to be made again there), or treat this clone as a test instance and take a fresh clone for the migration.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DriftController</name>
    <message>
        <source>There is no drift reading yet: drift is measured once both servers can be reached and the clone time is known.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DriftExportWriter</name>
    <message>
        <source>Drift since the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server %1, clone %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, as given (%2 days ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, detected: the newest event both servers hold identically (%2 days ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes on the old server since the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n (the clone lacks them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes on the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n (a fresh clone would lose them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structural changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n process or variable edit(s) on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n on the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amber after %1 days, red after %2 days or more than %3 process and variable edits on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No object changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structural</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on the old server (%n object(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on the clone (%n object(s))</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DriftTimelineChart</name>
    <message>
        <source>Old server (the clone lacks these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone (a fresh clone would lose these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) since the clone; at most %1 change(s) in an hour on the old server and %2 on the clone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriftVerb</name>
    <message numerus="yes">
        <source>… and %n more object(s) (--json lists them all)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>URL of the old server.</source>
        <translation type="unfinished">URL des alten Servers.</translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation type="unfinished">URL des neuen (geklonten) Servers.</translation>
    </message>
    <message>
        <source>The clone time (ISO 8601; default: detected from both servers&apos; events).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished">JSON ausgeben.</translation>
    </message>
    <message>
        <source>Amber once the clone is this many days old (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red once the clone is this many days old (default 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red earlier above this many process and variable edits on the old server (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover drift --old URL --new URL [--since ISO-TIME] [--json] [--amber-days N]
       [--red-days N] [--structural-threshold N] [--timeout SECONDS] [--trust-fingerprint SHA256]...
       [--proxy URL|none]
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
Exit codes: 0 green, 3 amber or red (or a server unusable, its events incomplete, the clone time
not detected), 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished">unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs an http:// or https:// URL</source>
        <translation type="unfinished">%1 erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--since needs an ISO 8601 time, e.g. 2026-11-01T00:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a whole number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover drift: the %1 server is unusable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished">neu</translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished">alt</translation>
    </message>
    <message>
        <source>handover drift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover drift: the clone time could not be detected: the new server holds no event the old server holds identically. Give it with --since ISO-TIME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone time %1 (%2); state %3.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on the old server since the clone (the clone lacks them):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on the clone since (a fresh clone would lose them):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>handover drift: incomplete events from the %1 server: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DriftView</name>
    <message>
        <source>I know the clone &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished">&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <source>Clone time and budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"> Tage</translation>
    </message>
    <message>
        <source>&amp;Amber after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r&amp;ed after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process and variable edits on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clone time could not be detected: the two servers share no event. Enter the time the database was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift is measured from both servers&apos; audit events once both can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC, as given (%2 days ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC, detected: the newest event both servers hold identically (%2 days ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the clone: %1 change(s) on the old server (%2 process or variable edits) that the clone lacks, and %3 change(s) made on the clone that a fresh clone would lose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 objects (the newest %3 listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Changed on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit events of both servers since the clone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect both servers on the Connect step to measure drift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read at %1 UTC; read again every %n second(s) while this page is open.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export drift C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport drift Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the drift as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the drift as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md);;All files (*)</source>
        <translation type="unfinished">Markdown-Dateien (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished">CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished">Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished">%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Start two simulated Octopus Servers on this computer and connect the wizard to them.</source>
        <translation>Zwei simulierte Octopus Server auf diesem Computer starten und den Assistenten mit ihnen verbinden.</translation>
    </message>
    <message>
        <source>Render the window to the PNG file FILE and exit.</source>
        <translation>Das Fenster in die PNG-Datei DATEI rendern und beenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Open the wizard on page NAME (%1).</source>
        <translation>Den Assistenten auf der Seite NAME öffnen (%1).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A .handover plan file to open.</source>
        <translation>Eine .handover-Plandatei zum Öffnen.</translation>
    </message>
    <message>
        <source>unknown page &apos;%1&apos;; pages are: %2</source>
        <translation>unbekannte Seite &apos;%1&apos;; Seiten sind: %2</translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot erfordert einen Dateinamen</translation>
    </message>
    <message>
        <source>only one plan file can be opened at a time</source>
        <translation>es kann nur eine Plandatei gleichzeitig geöffnet werden</translation>
    </message>
    <message>
        <source>demo servers did not start: %1</source>
        <translation>die Demo-Server konnten nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation>der Screenshot konnte nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>Saved %1 (%2×%3)</source>
        <translation>%1 gespeichert (%2×%3)</translation>
    </message>
    <message>
        <source>the window was never painted; is a display or QT_QPA_PLATFORM=offscreen available?</source>
        <translation>das Fenster wurde nie gezeichnet; ist ein Display oder QT_QPA_PLATFORM=offscreen verfügbar?</translation>
    </message>
    <message>
        <source>Guides a migration lead through moving an Octopus Deploy Server to a cloned new instance.
The same capabilities run headless as verbs: see `handover help`.</source>
        <translation>Führt die Migrationsleitung durch den Umzug eines Octopus Deploy Servers auf eine geklonte neue Instanz.
Dieselben Funktionen laufen ohne Oberfläche als Verben: siehe `handover help`.</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>Fi&amp;nish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
</context>
<context>
    <name>InventoryPermissionGap</name>
    <message>
        <source>the server</source>
        <translation>den Server</translation>
    </message>
    <message>
        <source>The API key of %1 lacks a permission</source>
        <translation>Dem API-Schlüssel für %1 fehlt eine Berechtigung</translation>
    </message>
    <message>
        <source>The API key of %1 lacks %2</source>
        <translation>Dem API-Schlüssel für %1 fehlt %2</translation>
    </message>
    <message>
        <source>it cannot list spaces, so no machine, project or other space resource could be read</source>
        <translation>er kann keine Spaces auflisten, daher konnte keine Maschine, kein Projekt und keine andere Space-Ressource gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source>API-key metadata of %n user(s) is hidden</source>
        <translation>
            <numerusform>die API-Schlüssel-Metadaten von %n Benutzer sind verborgen</numerusform>
            <numerusform>die API-Schlüssel-Metadaten von %n Benutzern sind verborgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n collection(s) could not be read</source>
        <translation>
            <numerusform>%n Sammlung konnte nicht gelesen werden</numerusform>
            <numerusform>%n Sammlungen konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (%3 answered 403).</source>
        <translation>%1: %2 (Antwort auf %3: 403).</translation>
    </message>
</context>
<context>
    <name>InventoryVerb</name>
    <message>
        <source>URL of the server.</source>
        <translation>URL des Servers.</translation>
    </message>
    <message>
        <source>Print the snapshot as JSON.</source>
        <translation>Den Snapshot als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover inventory --server URL [--json] [--timeout SECONDS] [--trust-fingerprint SHA256]...
The API key comes from HANDOVER_API_KEY, or from the keychain.
</source>
        <translation>Aufruf: handover inventory --server URL [--json] [--timeout SECONDS] [--trust-fingerprint SHA256]...
Der API-Schlüssel kommt aus HANDOVER_API_KEY oder aus dem Schlüsselbund.
</translation>
    </message>
    <message>
        <source>handover inventory: --server needs an http:// or https:// URL</source>
        <translation>handover inventory: --server erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>handover inventory: no API key for %1: %2. Never pass a key as an argument.</source>
        <translation>handover inventory: kein API-Schlüssel für %1: %2. Übergeben Sie einen Schlüssel nie als Argument.</translation>
    </message>
    <message>
        <source>Inventory of %1 (Octopus %2), taken %3 in %4 requests
</source>
        <translation>Bestandsaufnahme von %1 (Octopus %2), erstellt %3 mit %4 Anfragen
</translation>
    </message>
    <message>
        <source>  error: %1
</source>
        <translation>  Fehler: %1
</translation>
    </message>
    <message>
        <source>  warning: %1
</source>
        <translation>  Warnung: %1
</translation>
    </message>
</context>
<context>
    <name>JournalError</name>
    <message>
        <source>%1 is not a Handover cutover journal; it was left as it is. Move it away or choose another plan name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Handover; this version does not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged; it was left as it is. Keep a copy for the record and start a new journal beside a copy of the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding %1 is full: the last entry was not recorded. Everything recorded before it is safe. Free some space and record it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written (read-only file or folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is held by another program for too long; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(SQLite: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Handover</source>
        <translation>Ü&amp;ber Handover</translation>
    </message>
    <message>
        <source>About Handover</source>
        <translation>Über Handover</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Handover %1&lt;/h3&gt;&lt;p&gt;Guides a migration lead through moving an Octopus Deploy Server to a cloned new instance: connections, domain name, polling Tentacles, CI integrations, script audit, test plan and cutover.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Handover %1&lt;/h3&gt;&lt;p&gt;Führt eine Migrationsleitung durch den Umzug eines Octopus Deploy Servers auf eine geklonte neue Instanz: Verbindungen, Domainname, Polling-Tentacles, CI-Integrationen, Skriptprüfung, Testplan und Umstellung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Demo mode: both servers are simulated on this computer (octosim). Nothing you do here touches a real Octopus Server.</source>
        <translation>Demomodus: Beide Server werden auf diesem Computer simuliert (octosim). Nichts, was Sie hier tun, berührt einen echten Octopus Server.</translation>
    </message>
    <message>
        <source>Demo mode could not start the simulated servers: %1. The wizard works without them; enter real server addresses on the Connect page.</source>
        <translation>Der Demomodus konnte die simulierten Server nicht starten: %1. Der Assistent funktioniert auch ohne sie; geben Sie auf der Seite „Verbinden“ echte Serveradressen ein.</translation>
    </message>
    <message>
        <source>Could Not Open Plan</source>
        <translation>Plan konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>an untitled plan</source>
        <translation>ein unbenannter Plan</translation>
    </message>
    <message>
        <source>Could Not Recover Plan</source>
        <translation>Plan konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Could Not Save Plan</source>
        <translation>Plan konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>migration-plan</source>
        <translation>migrationsplan</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(Demo)</translation>
    </message>
    <message>
        <source>Old server: no URL yet</source>
        <translation>Alter Server: noch keine URL</translation>
    </message>
    <message>
        <source>New server: no URL yet</source>
        <translation>Neuer Server: noch keine URL</translation>
    </message>
    <message>
        <source>Enter the URL on the Connect page.</source>
        <translation>Geben Sie die URL auf der Seite „Verbinden“ ein.</translation>
    </message>
    <message>
        <source>Old server: simulated (demo), not checked</source>
        <translation>Alter Server: simuliert (Demo), nicht geprüft</translation>
    </message>
    <message>
        <source>New server: simulated (demo), not checked</source>
        <translation>Neuer Server: simuliert (Demo), nicht geprüft</translation>
    </message>
    <message>
        <source>Old server: no API key, not checked</source>
        <translation>Alter Server: kein API-Schlüssel, nicht geprüft</translation>
    </message>
    <message>
        <source>New server: no API key, not checked</source>
        <translation>Neuer Server: kein API-Schlüssel, nicht geprüft</translation>
    </message>
    <message>
        <source>Old server: not checked</source>
        <translation>Alter Server: nicht geprüft</translation>
    </message>
    <message>
        <source>New server: not checked</source>
        <translation>Neuer Server: nicht geprüft</translation>
    </message>
    <message>
        <source>&amp;Export Runbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML, one file (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the runbook to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runbook could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runbook could not be printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Preview: the runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runbook could not be exported. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkVerb</name>
    <message>
        <source>Connect and transfer timeout in seconds.</source>
        <translation>Zeitlimit für Verbindung und Übertragung in Sekunden.</translation>
    </message>
    <message>
        <source>Trust a TLS certificate with this SHA-256 fingerprint (repeatable).</source>
        <translation>Einem TLS-Zertifikat mit diesem SHA-256-Fingerabdruck vertrauen (wiederholbar).</translation>
    </message>
    <message>
        <source>--timeout needs a positive number of seconds</source>
        <translation>--timeout erfordert eine positive Anzahl Sekunden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a SHA-256 fingerprint (64 hex digits, colons allowed)</source>
        <translation>&apos;%1&apos; ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern, Doppelpunkte erlaubt)</translation>
    </message>
    <message>
        <source>%1: no API key for the %2 server %3: %4. Never pass a key as an argument.</source>
        <translation>%1: kein API-Schlüssel für den Server %2 (%3): %4. Übergeben Sie einen Schlüssel nie als Argument.</translation>
    </message>
    <message>
        <source>old</source>
        <translation>alt</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Reach the servers through this proxy (http://HOST:PORT, socks5://HOST:PORT) or none; default: the system&apos;s proxy settings (https_proxy, http_proxy, no_proxy).</source>
        <translation>Die Server über diesen Proxy erreichen (http://HOST:PORT, socks5://HOST:PORT) oder none; Vorgabe: die Proxy-Einstellungen des Systems (https_proxy, http_proxy, no_proxy).</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>Untitled plan</source>
        <translation>Unbenannter Plan</translation>
    </message>
</context>
<context>
    <name>PlanError</name>
    <message>
        <source>The plan file %1 does not exist.</source>
        <translation>Die Plandatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The plan file %1 could not be opened for reading.</source>
        <translation>Die Plandatei %1 konnte nicht zum Lesen geöffnet werden.</translation>
    </message>
    <message>
        <source>The file %1 is not a valid Handover plan. It was left unchanged.</source>
        <translation>Die Datei %1 ist kein gültiger Handover-Plan. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The plan file %1 is incomplete: it ends too early, perhaps from an interrupted copy. It was left unchanged.</source>
        <translation>Die Plandatei %1 ist unvollständig: Sie endet zu früh, vielleicht durch einen unterbrochenen Kopiervorgang. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The plan file %1 was written by a newer version of Handover. Update Handover to open it. It was left unchanged.</source>
        <translation>Die Plandatei %1 wurde von einer neueren Handover-Version geschrieben. Aktualisieren Sie Handover, um sie zu öffnen. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The plan could not be saved to %1. Any earlier version of the file is unchanged.</source>
        <translation>Der Plan konnte nicht in %1 gespeichert werden. Eine frühere Version der Datei ist unverändert.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>PlanStep</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation>Domainname</translation>
    </message>
    <message>
        <source>Polling Tentacles</source>
        <translation>Polling-Tentacles</translation>
    </message>
    <message>
        <source>CI integrations</source>
        <translation>CI-Integrationen</translation>
    </message>
    <message>
        <source>Script audit</source>
        <translation>Skriptprüfung</translation>
    </message>
    <message>
        <source>Test plan &amp; drift</source>
        <translation>Testplan &amp; Abweichung</translation>
    </message>
    <message>
        <source>Cutover</source>
        <translation>Umstellung</translation>
    </message>
</context>
<context>
    <name>PlanValidation</name>
    <message>
        <source>Enter the old server&apos;s URL.</source>
        <translation>Geben Sie die URL des alten Servers ein.</translation>
    </message>
    <message>
        <source>Enter the new server&apos;s URL.</source>
        <translation>Geben Sie die URL des neuen Servers ein.</translation>
    </message>
    <message>
        <source>The old server&apos;s URL must start with https:// or http:// and name a host.</source>
        <translation>Die URL des alten Servers muss mit https:// oder http:// beginnen und einen Host nennen.</translation>
    </message>
    <message>
        <source>The new server&apos;s URL must start with https:// or http:// and name a host.</source>
        <translation>Die URL des neuen Servers muss mit https:// oder http:// beginnen und einen Host nennen.</translation>
    </message>
    <message>
        <source>The old and the new server have the same URL. The new server is the clone.</source>
        <translation>Der alte und der neue Server haben dieselbe URL. Der neue Server ist der Klon.</translation>
    </message>
    <message>
        <source>Decide whether the new instance keeps the old domain name.</source>
        <translation>Entscheiden Sie, ob die neue Instanz den alten Domainnamen behält.</translation>
    </message>
    <message>
        <source>Enter the public URL the new instance will use.</source>
        <translation>Geben Sie die öffentliche URL ein, die die neue Instanz verwenden wird.</translation>
    </message>
    <message>
        <source>Old server&apos;s proxy: %1</source>
        <translation>Proxy des alten Servers: %1</translation>
    </message>
    <message>
        <source>New server&apos;s proxy: %1</source>
        <translation>Proxy des neuen Servers: %1</translation>
    </message>
</context>
<context>
    <name>PlanVerb</name>
    <message>
        <source>URL of the old server.</source>
        <translation type="unfinished">URL des alten Servers.</translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation type="unfinished">URL des neuen (geklonten) Servers.</translation>
    </message>
    <message>
        <source>Host name the new server will be reached by (the old server&apos;s host keeps the name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace FILE when it exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover plan --old URL --new URL --new-host HOST --out FILE [--force]
       [--timeout SECONDS] [--trust-fingerprint SHA256]... [--proxy URL|none]
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
Exit codes: 0 written with every analysis complete, 3 written with some analysis incomplete or a
server unusable, 2 usage error or the file not written.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished">unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs an http:// or https:// URL</source>
        <translation type="unfinished">%1 erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--new-host needs a host name or IP address (without a port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out needs the plan file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover plan: cannot write %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover plan: cannot write %1: the folder %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover plan: %1 is a plan already; it was left as it is. Give --force to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover plan: %1 exists (it is not a plan); it was left as it is. Give --force to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CI integrations refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the script audit of the old server&apos;s scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drift check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the test plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the old server&apos;s Tentacle inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover plan: %1 is incomplete and was left out of the plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>handover plan: the %1 server is unusable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished">alt</translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished">neu</translation>
    </message>
    <message>
        <source>handover plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers: old %1, new %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain: the new server keeps the name %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain: new name, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Polling Tentacles to re-point: %n (the Tentacles step records them as they are done)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Polling Tentacles to re-point: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>CI integrations: %n talking to the old server, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not verified on the new server, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), decisions open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Script audit: %n script(s) on the old server, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n naming the old server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Test plan: %n test(s) from the last %1 day(s) of the old server&apos;s usage</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Drift: %1, %2 change(s) on the old server and %3 on the clone since %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out (see the errors): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the servers cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clone time could not be detected: the new server holds no event the old server holds identically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scan was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the old server&apos;s scripts cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannedStepPanel</name>
    <message>
        <source>What this step will do</source>
        <translation>Was dieser Schritt tun wird</translation>
    </message>
    <message>
        <source>Coming in a later version of Handover. Today this page only describes the step; it does not contact either server.</source>
        <translation>Kommt in einer späteren Version von Handover. Derzeit beschreibt diese Seite den Schritt nur; sie kontaktiert keinen der Server.</translation>
    </message>
</context>
<context>
    <name>PollingMachineModel</name>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>(workers)</source>
        <translation>(Worker)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>verified %1 (%2)</source>
        <translation>verifiziert %1 (%2)</translation>
    </message>
    <message>
        <source>not reached %1 (%2)</source>
        <translation>nicht erreicht %1 (%2)</translation>
    </message>
    <message>
        <source>re-pointed %1, pending</source>
        <translation>umgeleitet %1, ausstehend</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Environments / pools</source>
        <translation>Umgebungen / Pools</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>OS</translation>
    </message>
    <message>
        <source>Tentacle</source>
        <translation>Tentacle</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Health (old)</source>
        <translation>Zustand (alt)</translation>
    </message>
    <message>
        <source>Status (new)</source>
        <translation>Status (neu)</translation>
    </message>
    <message>
        <source>Kubernetes agent</source>
        <translation>Kubernetes-Agent</translation>
    </message>
</context>
<context>
    <name>ProxySetting</name>
    <message>
        <source>&apos;%1&apos; is not a proxy: use http://HOST:PORT, socks5://HOST:PORT, or none</source>
        <translation>„%1“ ist kein Proxy: http://HOST:PORT, socks5://HOST:PORT oder none angeben</translation>
    </message>
    <message>
        <source>a proxy URL must not carry a user name or password</source>
        <translation>eine Proxy-URL darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>a proxy URL has only a host and a port: &apos;%1&apos;</source>
        <translation>eine Proxy-URL besteht nur aus Host und Port: „%1“</translation>
    </message>
</context>
<context>
    <name>ReadinessController</name>
    <message>
        <source>Not connected: enter the URL and API key on the Connect step.</source>
        <translation>Nicht verbunden: Geben Sie im Schritt „Verbinden“ die URL und den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Last check: %1</source>
        <translation>Letzte Prüfung: %1</translation>
    </message>
    <message>
        <source>Last check: not finished yet</source>
        <translation>Letzte Prüfung: noch nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Old server</source>
        <translation>Alter Server</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Neuer Server</translation>
    </message>
    <message>
        <source>%1: checking…</source>
        <translation>%1: wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s), not ready</source>
        <translation>
            <numerusform>%1: %n Problem, nicht bereit</numerusform>
            <numerusform>%1: %n Probleme, nicht bereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n warning(s)</source>
        <translation>
            <numerusform>%1: %n Warnung</numerusform>
            <numerusform>%1: %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ready (%2)</source>
        <translation>%1: bereit (%2)</translation>
    </message>
</context>
<context>
    <name>ReadinessRules</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Not checked: the server could not be used.</source>
        <translation>Nicht geprüft: Der Server konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Reachable; the API key is accepted.</source>
        <translation>Erreichbar; der API-Schlüssel wird akzeptiert.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Operating normally.</source>
        <translation>Normaler Betrieb.</translation>
    </message>
    <message>
        <source>Not operating normally (HTTP %1).</source>
        <translation>Kein normaler Betrieb (HTTP %1).</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s), none draining.</source>
        <translation>
            <numerusform>%n Knoten, keiner im Drain-Modus.</numerusform>
            <numerusform>%n Knoten, keiner im Drain-Modus.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 node(s); draining: %2; offline: %3.</source>
        <translation>%1 Knoten; im Drain-Modus: %2; offline: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Maintenance mode is off.</source>
        <translation>Der Wartungsmodus ist aus.</translation>
    </message>
    <message>
        <source>Maintenance mode is on: the old server is read-only.</source>
        <translation>Der Wartungsmodus ist an: Der alte Server ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Maintenance mode is on: the new server refuses changes and deployments.</source>
        <translation>Der Wartungsmodus ist an: Der neue Server lehnt Änderungen und Bereitstellungen ab.</translation>
    </message>
    <message>
        <source>%1 queued, %2 running.</source>
        <translation>%1 in der Warteschlange, %2 laufend.</translation>
    </message>
    <message>
        <source>Both servers run %1.%2 (old %3, new %4).</source>
        <translation>Beide Server laufen mit %1.%2 (alt %3, neu %4).</translation>
    </message>
    <message>
        <source>The old server runs %1 and the new one %2: run both side by side only on the same major.minor version, or Calamari is upgraded and downgraded on shared targets.</source>
        <translation>Der alte Server läuft mit %1, der neue mit %2: Betreiben Sie beide nur bei gleicher Haupt- und Nebenversion (major.minor) parallel, sonst wird Calamari auf gemeinsamen Zielen hoch- und herabgestuft.</translation>
    </message>
    <message>
        <source>Both servers report InstallationId %1: the clone was not reset, so both report as one installation. Update the Installation ID on the clone.</source>
        <translation>Beide Server melden die InstallationId %1: Der Klon wurde nicht zurückgesetzt, daher melden sich beide als eine Installation. Aktualisieren Sie die Installation ID auf dem Klon.</translation>
    </message>
    <message>
        <source>The clone has its own InstallationId.</source>
        <translation>Der Klon hat eine eigene InstallationId.</translation>
    </message>
    <message>
        <source>Both servers present certificate thumbprint %1, as expected of a database clone: listening Tentacles already trust the new server.</source>
        <translation>Beide Server legen den Zertifikat-Thumbprint %1 vor, wie bei einem Datenbankklon erwartet: Listening-Tentacles vertrauen dem neuen Server bereits.</translation>
    </message>
    <message>
        <source>The server certificate thumbprints differ (old %1, new %2): Tentacles will not trust the new server until their trust is updated.</source>
        <translation>Die Thumbprints der Serverzertifikate unterscheiden sich (alt %1, neu %2): Tentacles vertrauen dem neuen Server erst, wenn ihre Vertrauensstellung aktualisiert ist.</translation>
    </message>
    <message>
        <source>%1 enabled targets, %2 enabled workers, %3 enabled project triggers, %4 enabled subscriptions</source>
        <translation>%1 aktivierte Ziele, %2 aktivierte Worker, %3 aktivierte Projekt-Trigger, %4 aktivierte Abonnements</translation>
    </message>
    <message>
        <source>Nothing on the clone can act on production (%1).</source>
        <translation>Nichts auf dem Klon kann auf die Produktion einwirken (%1).</translation>
    </message>
    <message>
        <source>Before cutover the clone has %1 that could act on production; disable them until cutover.</source>
        <translation>Vor der Umstellung hat der Klon %1, die auf die Produktion einwirken könnten; deaktivieren Sie sie bis zur Umstellung.</translation>
    </message>
    <message>
        <source>deployment targets and polling Tentacles</source>
        <translation>Bereitstellungsziele und Polling-Tentacles</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>running and queued tasks</source>
        <translation>laufende und wartende Tasks</translation>
    </message>
    <message>
        <source>the audit log (who calls the API, drift)</source>
        <translation>das Audit-Protokoll (wer die API aufruft, Abweichung)</translation>
    </message>
    <message>
        <source>users and their API-key metadata</source>
        <translation>Benutzer und die Metadaten ihrer API-Schlüssel</translation>
    </message>
    <message>
        <source>health checks that verify re-pointed Tentacles</source>
        <translation>Zustandsprüfungen, die umgeleitete Tentacles verifizieren</translation>
    </message>
    <message>
        <source>locking Tentacle upgrades</source>
        <translation>das Sperren von Tentacle-Upgrades</translation>
    </message>
    <message>
        <source>switching maintenance mode</source>
        <translation>das Umschalten des Wartungsmodus</translation>
    </message>
    <message>
        <source>What the API key may see is not known: %1</source>
        <translation>Unbekannt, was der API-Schlüssel sehen darf: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The API key</source>
        <translation>Der API-Schlüssel</translation>
    </message>
    <message>
        <source>The API key (user %1)</source>
        <translation>Der API-Schlüssel (Benutzer %1)</translation>
    </message>
    <message>
        <source>%1 may see and do everything Handover uses.</source>
        <translation>%1 darf alles sehen und tun, was Handover verwendet.</translation>
    </message>
    <message>
        <source>%1 can see: %2. It cannot: %3.</source>
        <translation>%1 hat Zugriff auf: %2. Kein Zugriff auf: %3.</translation>
    </message>
    <message>
        <source>nothing Handover uses</source>
        <translation>nichts, was Handover verwendet</translation>
    </message>
    <message>
        <source>Missing permissions: %1</source>
        <translation>Fehlende Berechtigungen: %1</translation>
    </message>
    <message>
        <source>The clone still lists the old server&apos;s node(s) %1 (offline, the same names): a database clone inherits them. Delete them on the clone (Configuration &gt; Nodes, or DELETE /api/octopusservernodes/{id}), as the clone guide does by deleting the OctopusServerNode and OctopusServerNodeStatus rows, so that the clone&apos;s node list and task capacity are its own.</source>
        <translation>Der Klon listet noch die Knoten %1 des alten Servers (offline, dieselben Namen): Ein Datenbankklon erbt sie. Löschen Sie sie auf dem Klon (Configuration &gt; Nodes oder DELETE /api/octopusservernodes/{id}), wie es die Klon-Anleitung durch Löschen der Zeilen in OctopusServerNode und OctopusServerNodeStatus tut, damit Knotenliste und Task-Kapazität des Klons seine eigenen sind.</translation>
    </message>
</context>
<context>
    <name>ReadinessStrip</name>
    <message>
        <source>Readiness</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Old server: not checked</source>
        <translation>Alter Server: nicht geprüft</translation>
    </message>
    <message>
        <source>New server: not checked</source>
        <translation>Neuer Server: nicht geprüft</translation>
    </message>
    <message>
        <source>Drift: not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Test plan &amp; drift step measures how far the servers drifted apart since the clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drift: %1, %n change(s) since the clone</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checked %1 UTC. Clone time %2 UTC (%3). %4 structural change(s) on the old server, %5 change(s) made on the clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunbookDocument</name>
    <message>
        <source>%1 · exported %2 · no journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · exported %2 · journal SHA-256 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished">%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer or PDF file to paint the runbook on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is too small for the runbook (%1 × %2 mm inside the margins).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start painting the runbook on the printer or PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start page %1 of the runbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting the runbook failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunbookExportController</name>
    <message>
        <source>unsaved plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clone time could not be detected: the new server holds no event the old server holds identically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the servers could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal was not opened for this export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the old server cannot be reached from this session (no URL or no API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new server cannot be reached from this session (no URL or no API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunbookReportBuilder</name>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the name (keep-name): DNS moves to the new server at cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name (new-name): Tentacles and CI systems are re-pointed to the new URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation type="unfinished">Domainname</translation>
    </message>
    <message>
        <source>Old public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the same name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server (reached at)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server (reached at)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">Notizen</translation>
    </message>
    <message>
        <source>The domain name is not decided yet (Domain step): the commands in this runbook assume a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished">nicht geprüft</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server</source>
        <translation type="unfinished">Alter Server</translation>
    </message>
    <message>
        <source>New server</source>
        <translation type="unfinished">Neuer Server</translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At export time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished">alt</translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished">neu</translation>
    </message>
    <message>
        <source>The %1 server %2 was not read at export time: its version and readiness are unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 server %2 could not be reached at export time: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness was not checked at export time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness at export time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not re-pointed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health check failed %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-pointed %1, not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows (PowerShell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux (bash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes agent</source>
        <translation type="unfinished">Kubernetes-Agent</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">unbekannt</translation>
    </message>
    <message>
        <source>Helm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling Tentacles</source>
        <translation type="unfinished">Polling-Tentacles</translation>
    </message>
    <message>
        <source>The polling Tentacles were not read: there is no inventory of the old server at export time, so no commands are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The polling Tentacles were not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No machine is marked re-pointed in the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished">Space</translation>
    </message>
    <message numerus="yes">
        <source>No command is needed: the new server keeps the name %1. When DNS moves at cutover these %n polling Tentacle(s) follow it on their own; the new server&apos;s polling port %2 must be open.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n polling Tentacle(s) must be re-pointed to %1:%2, each on its own machine; %3 verified by the new server so far. After cutover, each stops polling the old server with the second command.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The old server has no polling Tentacle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Art</translation>
    </message>
    <message>
        <source>Environments / pools</source>
        <translation type="unfinished">Umgebungen / Pools</translation>
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished">OS</translation>
    </message>
    <message>
        <source>Tentacle</source>
        <translation type="unfinished">Tentacle</translation>
    </message>
    <message>
        <source>re-point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands, one line a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-point, %1: run on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After cutover only, %1: stop polling the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CI integrations</source>
        <translation type="unfinished">CI-Integrationen</translation>
    </message>
    <message>
        <source>CI integrations not analysed: the step was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Evidence of the last %n day(s), read %1: %2 integration(s) talking to the old server, %3 not verified on the new server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>CI evidence was not read at export time: decisions and statuses are the plan&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repointed %1, not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished">ausstehend</translation>
    </message>
    <message>
        <source>No integration talks to the old server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">Verantwortlich</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished">Entscheidung</translation>
    </message>
    <message>
        <source>Last seen (old / new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script audit</source>
        <translation type="unfinished">Skriptprüfung</translation>
    </message>
    <message>
        <source>Scripts not audited: the step was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished">Funde</translation>
    </message>
    <message>
        <source>Mentions of the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Marked fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished">Kategorie</translation>
    </message>
    <message>
        <source>Counts only: the findings themselves (files, snippets, keys) are in the script audit&apos;s own export, never in this runbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test plan was not generated: the step was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n test(s): </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 untested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Generated from the old server&apos;s usage at %1 (window %n day(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no longer generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 test(s) failed and %2 not tested yet: the cutover&apos;s test-plan gate fails until every test passed or was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts on both servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test plan accepted by the test lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test plan accepted by the migration lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amber after %1 day(s), red after %2, or above %3 process and variable edit(s) on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age of the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes on the old server since the clone (the clone lacks them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes on the clone (a fresh clone would lose them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process and variable edits on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes per hour since the clone: old server (red, the clone lacks them) and clone (blue, a fresh clone would lose them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most changed on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most changed on the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift was not read at export time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift was not read at export time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these are the plan&apos;s counts of the last check, at %1; no chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift not measured: the drift check never ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift not measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runbook has no step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step in this phase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>planned %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POINT OF NO RETURN: after &quot;%1&quot; the new server is live; rolling back past here loses the work done on it since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no cutover journal beside the plan: nothing has been ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cutover journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 step(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point of no return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate overridden: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed / planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERRIDE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no cutover journal beside the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal holds no entry for this run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate %1 was %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the point of no return (&quot;%1&quot;) a rollback loses the work done on the new server since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done %1 by %2: to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done: nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runbook has no rollback step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By signing, each confirms the decisions and the runbook above for the cutover of %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night shift owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift since the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes per hour on the old server and on the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change since the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server (the clone lacks these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone (a fresh clone would lose these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked at export time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished">%1 → %2</translation>
    </message>
    <message>
        <source>Migration runbook: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunbookVerb</name>
    <message>
        <source>The plan file (.handover).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pdf, html or md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a4 (default) or letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover runbook --plan FILE --format pdf|html|md --out FILE [--paper a4|letter]
       [--timeout SECONDS] [--trust-fingerprint SHA256]... [--proxy URL|none]
API keys (to read both servers at export time) come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY,
or from the keychain; without them the runbook is made from the plan and its journal alone.
Exit codes: 0 written, 3 written but a server could not be read, 4 not written, 2 usage error or a
plan that is missing or cannot be loaded.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished">unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--plan needs the plan file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format needs pdf, html or md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--paper needs a4 or letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out needs the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover runbook: warning: %1; the runbook says so in its checklist and journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished">alt</translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished">neu</translation>
    </message>
    <message>
        <source>handover runbook: warning: the %1 server %2 could not be read; the runbook notes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover runbook: no API key for the %1 server %2 (%3): that part of the runbook comes from the plan alone. Never pass a key as an argument.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptAuditController</name>
    <message>
        <source>Cannot read the swagger document %1: %2</source>
        <translation>Das Swagger-Dokument %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Routes were not judged against the new server (no missing-endpoint findings): its API description was still being fetched when the scan started. Scan again once it is in.</source>
        <translation>Routen wurden nicht mit dem neuen Server abgeglichen (keine missing-endpoint-Funde): Seine API-Beschreibung wurde beim Start des Scans noch abgerufen. Scannen Sie erneut, sobald sie vorliegt.</translation>
    </message>
    <message>
        <source>Routes were not judged against the new server (no missing-endpoint findings): its live API description could not be fetched (see above).</source>
        <translation>Routen wurden nicht mit dem neuen Server abgeglichen (keine missing-endpoint-Funde): Seine Live-API-Beschreibung konnte nicht abgerufen werden (siehe oben).</translation>
    </message>
    <message>
        <source>Routes were not judged against the new server (no missing-endpoint findings): connect to it, or choose its saved swagger.json.</source>
        <translation>Routen wurden nicht mit dem neuen Server abgeglichen (keine missing-endpoint-Funde): Verbinden Sie sich mit ihm oder wählen Sie seine gespeicherte swagger.json.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ScriptAuditPage</name>
    <message>
        <source>Folder to scan</source>
        <translation>Zu durchsuchender Ordner</translation>
    </message>
    <message>
        <source>The new server&apos;s swagger.json</source>
        <translation>swagger.json des neuen Servers</translation>
    </message>
    <message>
        <source>Swagger documents (*.json)</source>
        <translation>Swagger-Dokumente (*.json)</translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation>Funde exportieren</translation>
    </message>
    <message>
        <source>Find scripts that call the Octopus API or name the old server, before they break after the move.</source>
        <translation>Finden Sie Skripte, die die Octopus-API aufrufen oder den alten Server nennen, bevor sie nach dem Umzug nicht mehr funktionieren.</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>New server&apos;s s&amp;wagger.json:</source>
        <translation>s&amp;wagger.json des neuen Servers:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Scannen</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>Scan a&amp;bbrechen</translation>
    </message>
    <message>
        <source>By file</source>
        <translation>Nach Datei</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Nach Kategorie</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>Nach Schweregrad</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Filter by file, snippet or hint</source>
        <translation>Nach Datei, Ausschnitt oder Hinweis filtern</translation>
    </message>
    <message>
        <source>&amp;Hide fixed and accepted</source>
        <translation>Behobene und akzeptierte a&amp;usblenden</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Mark &amp;fixed</source>
        <translation>Als beh&amp;oben markieren</translation>
    </message>
    <message>
        <source>Mark acc&amp;epted</source>
        <translation>Als &amp;akzeptiert markieren</translation>
    </message>
    <message>
        <source>C&amp;lear mark</source>
        <translation>Markierung &amp;löschen</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>Als CS&amp;V exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Als &amp;Markdown exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>Scanning: %n file(s), %1 MB, %2 finding(s). Now: %3</source>
        <translation>
            <numerusform>Scan läuft: %n Datei, %1 MB, %2 Fund(e). Aktuell: %3</numerusform>
            <numerusform>Scan läuft: %n Dateien, %1 MB, %2 Fund(e). Aktuell: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n file(s) (%1 MB).</source>
        <translation>
            <numerusform>Abgebrochen nach %n Datei (%1 MB).</numerusform>
            <numerusform>Abgebrochen nach %n Dateien (%1 MB).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanned %n file(s) (%1 MB) in %2 s.</source>
        <translation>
            <numerusform>%n Datei (%1 MB) in %2 s gescannt.</numerusform>
            <numerusform>%n Dateien (%1 MB) in %2 s gescannt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n binary file(s) skipped.</source>
        <translation>
            <numerusform>%n Binärdatei übersprungen.</numerusform>
            <numerusform>%n Binärdateien übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The old server&apos;s URL is not in the plan yet (Connect and Domain name steps): the scan cannot look for it.</source>
        <translation>Die URL des alten Servers steht noch nicht im Plan (Schritte „Verbinden“ und „Domainname“): Der Scan kann nicht nach ihr suchen.</translation>
    </message>
    <message>
        <source>Looking for the old server: %1</source>
        <translation>Suche nach dem alten Server: %1</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Scan läuft…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n finding(s) to %1.</source>
        <translation>
            <numerusform>%n Fund nach %1 exportiert.</numerusform>
            <numerusform>%n Funde nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Keine Funde.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s): %1. %2 fixed or accepted; %3 shown.</source>
        <translation>
            <numerusform>%n Fund: %1. %2 behoben oder akzeptiert; %3 angezeigt.</numerusform>
            <numerusform>%n Funde: %1. %2 behoben oder akzeptiert; %3 angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Optional: a saved file, used instead of the live API description</source>
        <translation>Optional: eine gespeicherte Datei, die statt der Live-API-Beschreibung verwendet wird</translation>
    </message>
    <message>
        <source>Fetch a&amp;gain</source>
        <translation>Erneut a&amp;brufen</translation>
    </message>
    <message>
        <source>Fetch the new server&apos;s API description (GET /api/swagger.json) again</source>
        <translation>Die API-Beschreibung des neuen Servers (GET /api/swagger.json) erneut abrufen</translation>
    </message>
    <message>
        <source>Not connected to the new server: API routes are judged only against a saved swagger.json chosen above. Connect to the new server (step 1) to use its live API description.</source>
        <translation>Nicht mit dem neuen Server verbunden: API-Routen werden nur mit einer oben gewählten gespeicherten swagger.json abgeglichen. Verbinden Sie sich mit dem neuen Server (Schritt 1), um seine Live-API-Beschreibung zu verwenden.</translation>
    </message>
    <message>
        <source>Fetching the new server&apos;s live API description (GET %1)…</source>
        <translation>Live-API-Beschreibung des neuen Servers wird abgerufen (GET %1)…</translation>
    </message>
    <message>
        <source>Judged against the new server&apos;s live API description (Octopus %1, fetched %2).</source>
        <translation>Abgeglichen mit der Live-API-Beschreibung des neuen Servers (Octopus %1, abgerufen %2).</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>Version unbekannt</translation>
    </message>
    <message>
        <source>No live API description: %1</source>
        <translation>Keine Live-API-Beschreibung: %1</translation>
    </message>
    <message>
        <source>Judged against the saved file above, which overrides the live API description. %1</source>
        <translation>Abgeglichen mit der gespeicherten Datei oben, die die Live-API-Beschreibung ersetzt. %1</translation>
    </message>
    <message>
        <source>Choose the folders that hold your deployment scripts, pipelines and tools; the scan looks for the old server&apos;s address, API keys, the retired octo CLI, REST routes and client libraries. It also reads the scripts stored on the old server: deployment and runbook process steps, step templates, script modules and variables.</source>
        <translation>Wählen Sie die Ordner mit Ihren Bereitstellungsskripten, Pipelines und Tools; die Suche findet die Adresse des alten Servers, API-Schlüssel, die ausgemusterte octo-CLI, REST-Routen und Client-Bibliotheken. Außerdem liest sie die auf dem alten Server gespeicherten Skripte: Schritte von Bereitstellungs- und Runbook-Prozessen, Schrittvorlagen, Skriptmodule und Variablen.</translation>
    </message>
    <message>
        <source>Also scan the scripts stored on the old server (processes, runbooks, step templates, script modules, variables)</source>
        <translation>Auch die auf dem alten Server gespeicherten Skripte durchsuchen (Prozesse, Runbooks, Schrittvorlagen, Skriptmodule, Variablen)</translation>
    </message>
    <message numerus="yes">
        <source>%n script(s) and variable(s) read from the old server.</source>
        <translation>
            <numerusform>%n Skript oder Variable vom alten Server gelesen.</numerusform>
            <numerusform>%n Skripte und Variablen vom alten Server gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read from the old server: %1</source>
        <translation>Nicht vom alten Server gelesen: %1</translation>
    </message>
    <message>
        <source>Connect to the old server first (Connect step).</source>
        <translation>Verbinden Sie sich zuerst mit dem alten Server (Schritt „Verbinden“).</translation>
    </message>
</context>
<context>
    <name>ServerScriptsJob</name>
    <message>
        <source>pre-deploy script</source>
        <translation>Pre-Deploy-Skript</translation>
    </message>
    <message>
        <source>deploy script</source>
        <translation>Deploy-Skript</translation>
    </message>
    <message>
        <source>post-deploy script</source>
        <translation>Post-Deploy-Skript</translation>
    </message>
    <message>
        <source>custom script %1</source>
        <translation>benutzerdefiniertes Skript %1</translation>
    </message>
    <message>
        <source>Step template &apos;%1&apos;</source>
        <translation>Schrittvorlage &apos;%1&apos;</translation>
    </message>
    <message>
        <source>script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Script module &apos;%1&apos;</source>
        <translation>Skriptmodul &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Library variable set &apos;%1&apos;</source>
        <translation>Bibliotheks-Variablenset &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Runbook &apos;%1&apos;</source>
        <translation>Runbook &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Deployment process</source>
        <translation>Bereitstellungsprozess</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos;</source>
        <translation>Schritt &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Variable &apos;%1&apos;</source>
        <translation>Variable &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>TentacleCommands</name>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Deployment target</source>
        <translation>Bereitstellungsziel</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Run this script as root (sudo).</source>
        <translation>Führen Sie dieses Skript als root aus (sudo).</translation>
    </message>
    <message>
        <source>Handover: make a polling Tentacle poll the new Octopus Server.</source>
        <translation>Handover: Einen Polling-Tentacle auf den neuen Octopus Server umleiten.</translation>
    </message>
    <message>
        <source>Run on that machine, %1. New polling address: %2</source>
        <translation>Auf dieser Maschine ausführen, %1. Neue Polling-Adresse: %2</translation>
    </message>
    <message>
        <source>in an elevated PowerShell</source>
        <translation>in einer PowerShell mit erhöhten Rechten</translation>
    </message>
    <message>
        <source>as root</source>
        <translation>als root</translation>
    </message>
    <message>
        <source>Tentacle version %1: %2</source>
        <translation>Tentacle-Version %1: %2</translation>
    </message>
    <message>
        <source>No new certificate, no API key, no new licence target: the new server is a clone and already trusts this Tentacle.</source>
        <translation>Kein neues Zertifikat, kein API-Schlüssel, kein neues Lizenzziel: Der neue Server ist ein Klon und vertraut diesem Tentacle bereits.</translation>
    </message>
    <message>
        <source>The server thumbprint was not known when this was written: set OCTOPUS_SERVER_THUMBPRINT before running it.</source>
        <translation>Der Server-Thumbprint war beim Erstellen nicht bekannt: Setzen Sie OCTOPUS_SERVER_THUMBPRINT, bevor Sie das Skript ausführen.</translation>
    </message>
    <message>
        <source>A running Tentacle only reads the new address when it restarts.</source>
        <translation>Ein laufender Tentacle liest die neue Adresse erst bei einem Neustart.</translation>
    </message>
    <message>
        <source>Each cloned Tentacle instance is a new host/port pair for licensing: the target count on the new server&apos;s licence grows by one per instance.</source>
        <translation>Jede geklonte Tentacle-Instanz ist für die Lizenzierung ein neues Host/Port-Paar: Die Zielanzahl in der Lizenz des neuen Servers wächst um eins pro Instanz.</translation>
    </message>
    <message>
        <source>register-with needs an API key for the new server. The script reads it from the OCTOPUS_API_KEY environment variable or asks for it; never write it into the script.</source>
        <translation>register-with erfordert einen API-Schlüssel für den neuen Server. Das Skript liest ihn aus der Umgebungsvariablen OCTOPUS_API_KEY oder fragt danach; schreiben Sie ihn nie in das Skript.</translation>
    </message>
    <message>
        <source>Handover: ALTERNATIVE - a cloned polling Tentacle instance with a new certificate.</source>
        <translation>Handover: ALTERNATIVE - eine geklonte Polling-Tentacle-Instanz mit einem neuen Zertifikat.</translation>
    </message>
    <message>
        <source>Prefer the re-point script: it needs no new certificate, no API key and no new licence target.</source>
        <translation>Bevorzugen Sie das Umleitungsskript: Es benötigt kein neues Zertifikat, keinen API-Schlüssel und kein neues Lizenzziel.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>API key for %1: </source>
        <translation>API-Schlüssel für %1: </translation>
    </message>
    <message>
        <source>Handover: re-point scripts for %1 polling Tentacles. Each section must run on its own machine (PowerShell on Windows, bash on Linux); copy the section, or use the one-script-per-machine export.</source>
        <translation>Handover: Umleitungsskripte für %1 Polling-Tentacles. Jeder Abschnitt muss auf seiner eigenen Maschine laufen (PowerShell unter Windows, bash unter Linux); kopieren Sie den Abschnitt oder verwenden Sie den Export mit einem Skript pro Maschine.</translation>
    </message>
    <message>
        <source>The original registration stays on the new server (the clone copied it) with the old certificate and stays unavailable there; disable or delete it once the cloned instance is healthy, or deployments to its roles keep trying to reach it.</source>
        <translation>Die ursprüngliche Registrierung bleibt auf dem neuen Server (der Klon hat sie kopiert) mit dem alten Zertifikat und bleibt dort nicht verfügbar; deaktivieren oder löschen Sie sie, sobald die geklonte Instanz fehlerfrei läuft, sonst versuchen Bereitstellungen für ihre Rollen weiterhin, sie zu erreichen.</translation>
    </message>
    <message>
        <source>The cloned instance gets a new certificate, so it is registered as its own machine (&quot;NAME (clone)&quot;), not over the original: re-registering a polling Tentacle with a new certificate over an existing machine can leave it uncontactable (OctopusDeploy/Issues#3030).</source>
        <translation>Die geklonte Instanz erhält ein neues Zertifikat und wird daher als eigene Maschine registriert (&quot;NAME (clone)&quot;), nicht über dem Original: Wird ein Polling-Tentacle mit neuem Zertifikat über einer bestehenden Maschine registriert, kann er unerreichbar werden (OctopusDeploy/Issues#3030).</translation>
    </message>
    <message>
        <source>Check: --workerpool takes a pool&apos;s name; %1 is its id.</source>
        <translation>Prüfen: --workerpool erwartet den Namen eines Pools; %1 ist seine ID.</translation>
    </message>
    <message>
        <source>python3 is needed to read show-configuration; nothing was changed.</source>
        <translation>python3 wird benötigt, um show-configuration zu lesen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The operating system is unknown (never health-checked): both scripts follow; run the one for the machine&apos;s shell.</source>
        <translation>Das Betriebssystem ist unbekannt (nie per Zustandsprüfung erfasst): Beide Skripte folgen; führen Sie das für die Shell der Maschine passende aus.</translation>
    </message>
    <message>
        <source>The release&apos;s values do not list %1: run the re-point first (or check helm get values). Nothing was changed: the agent would remove every trusted server.</source>
        <translation>Die Values des Releases enthalten %1 nicht: Führen Sie zuerst die Umleitung aus (oder prüfen Sie helm get values). Es wurde nichts geändert: Der Agent würde jeden vertrauenswürdigen Server entfernen.</translation>
    </message>
    <message>
        <source>The release&apos;s first server comms address is not %1, or it lists more than that one: the agent keeps only the first one. Check helm get values and adapt the command. Nothing was changed.</source>
        <translation>Die erste Server-Kommunikationsadresse des Releases ist nicht %1, oder es sind mehr als diese eine aufgeführt: Der Agent behält nur die erste. Prüfen Sie helm get values und passen Sie den Befehl an. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>python3 is needed to read the release&apos;s values; nothing was changed.</source>
        <translation>python3 wird benötigt, um die Values des Releases zu lesen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Kubernetes agent %1: run where helm reaches its cluster (kubectl context).</source>
        <translation>Kubernetes-Agent %1: Dort ausführen, wo helm seinen Cluster erreicht (kubectl-Kontext).</translation>
    </message>
    <message>
        <source>The old server&apos;s address is not known: no helm command.</source>
        <translation>Die Adresse des alten Servers ist nicht bekannt: kein helm-Befehl.</translation>
    </message>
    <message>
        <source>poll-server --reuse-server-thumbprint (Tentacle 8.1.1713 and later).</source>
        <translation>poll-server --reuse-server-thumbprint (Tentacle 8.1.1713 und neuer).</translation>
    </message>
    <message>
        <source>server-comms (poll-server --reuse-server-thumbprint needs Tentacle 8.1.1713 or later).</source>
        <translation>server-comms (poll-server --reuse-server-thumbprint erfordert Tentacle 8.1.1713 oder neuer).</translation>
    </message>
    <message>
        <source>--reuse-server-thumbprint copies the first trusted server entry: check that it is a polling one.</source>
        <translation>--reuse-server-thumbprint kopiert den ersten vertrauenswürdigen Servereintrag: Prüfen, ob es ein Polling-Eintrag ist.</translation>
    </message>
    <message>
        <source>The first trusted server entry of this Tentacle is not a polling entry for the new server&apos;s certificate: poll-server --reuse-server-thumbprint would copy it and add an entry that is never polled. Nothing was changed. Run instead: %1</source>
        <translation>Der erste vertrauenswürdige Servereintrag dieses Tentacles ist kein Polling-Eintrag für das Zertifikat des neuen Servers: poll-server --reuse-server-thumbprint würde ihn kopieren und einen Eintrag hinzufügen, der nie abgefragt wird. Es wurde nichts geändert. Führen Sie stattdessen aus: %1</translation>
    </message>
    <message>
        <source>Check: --policy takes a machine policy&apos;s name; %1 is its id.</source>
        <translation>Prüfen: --policy erwartet den Namen einer Maschinenrichtlinie; %1 ist ihre ID.</translation>
    </message>
    <message>
        <source>Handover: after cutover - %1 polling Tentacles stop polling the old server. Run each section on its own machine once the new server has taken over for good.</source>
        <translation>Handover: nach der Umstellung - %1 Polling-Tentacles hören auf, den alten Server abzufragen. Führen Sie jeden Abschnitt auf seiner eigenen Maschine aus, sobald der neue Server endgültig übernommen hat.</translation>
    </message>
    <message>
        <source>Handover: after cutover - this Tentacle stops polling the old Octopus Server.</source>
        <translation>Handover: nach der Umstellung - dieser Tentacle hört auf, den alten Octopus Server abzufragen.</translation>
    </message>
    <message>
        <source>Run on that machine once the new server has taken over for good. Kept: %1; every other trusted server entry (the old server&apos;s) is removed.</source>
        <translation>Auf dieser Maschine ausführen, sobald der neue Server endgültig übernommen hat. Behalten wird: %1; jeder andere vertrauenswürdige Servereintrag (der des alten Servers) wird entfernt.</translation>
    </message>
    <message>
        <source>clear-trusted-servers --keep removes ALL entries when the address matches none, so the script checks first that this Tentacle polls the new address.</source>
        <translation>clear-trusted-servers --keep entfernt ALLE Einträge, wenn die Adresse zu keinem passt; daher prüft das Skript zuerst, ob dieser Tentacle die neue Adresse abfragt.</translation>
    </message>
    <message>
        <source>Not configure --remove-trust: the clone shares the old server&apos;s thumbprint, so it would remove both entries.</source>
        <translation>Nicht configure --remove-trust: Der Klon teilt den Thumbprint des alten Servers, daher würde es beide Einträge entfernen.</translation>
    </message>
    <message>
        <source>This Tentacle has no polling entry for %1 (run the re-point script first, or check the new address). Nothing was changed: clear-trusted-servers would have removed every server.</source>
        <translation>Dieser Tentacle hat keinen Polling-Eintrag für %1 (führen Sie zuerst das Umleitungsskript aus oder prüfen Sie die neue Adresse). Es wurde nichts geändert: clear-trusted-servers hätte jeden Server entfernt.</translation>
    </message>
    <message>
        <source>A running Tentacle only stops polling the old server when it restarts.</source>
        <translation>Ein laufender Tentacle hört erst bei einem Neustart auf, den alten Server abzufragen.</translation>
    </message>
    <message>
        <source>Tentacle %1 cannot remove the old server&apos;s entry: clear-trusted-servers --keep came with Tentacle 8.1.1713. The old entry stays, so this Tentacle keeps polling the old server too: an old instance that is kept (e.g. as a test instance) can still run deployments on this machine, and a decommissioned one is dialled for ever. Upgrade the Tentacle to 8.1.1713 or later, then run the after-cutover step. Do not use configure --remove-trust: the clone shares the thumbprint, so it removes both entries.</source>
        <translation>Tentacle %1 kann den Eintrag des alten Servers nicht entfernen: clear-trusted-servers --keep gibt es erst seit Tentacle 8.1.1713. Der alte Eintrag bleibt, daher fragt dieser Tentacle auch weiterhin den alten Server ab: Eine alte Instanz, die behalten wird (z. B. als Testinstanz), kann auf dieser Maschine weiterhin Bereitstellungen ausführen, und eine stillgelegte wird für immer angewählt. Aktualisieren Sie den Tentacle auf 8.1.1713 oder neuer und führen Sie dann den Schritt nach der Umstellung aus. Verwenden Sie nicht configure --remove-trust: Der Klon teilt den Thumbprint, daher entfernt es beide Einträge.</translation>
    </message>
    <message>
        <source>The server does not know this Kubernetes agent&apos;s Helm release or namespace (KubernetesAgentDetails): find them with helm list --all-namespaces, then helm upgrade that release with agent.serverCommsAddresses.</source>
        <translation>Der Server kennt das Helm-Release oder den Namespace dieses Kubernetes-Agenten nicht (KubernetesAgentDetails): Ermitteln Sie sie mit helm list --all-namespaces und aktualisieren Sie dann dieses Release mit helm upgrade und agent.serverCommsAddresses.</translation>
    </message>
    <message>
        <source>This Kubernetes agent runs Tentacle %1: before 8.1.1713 the agent registers its server only once, at install, and ignores later address changes (agent.serverCommsAddresses and clear-trusted-servers came with 8.1.1713). Upgrade the agent first, then re-point it.</source>
        <translation>Dieser Kubernetes-Agent läuft mit Tentacle %1: Vor 8.1.1713 registriert der Agent seinen Server nur einmal, bei der Installation, und ignoriert spätere Adressänderungen (agent.serverCommsAddresses und clear-trusted-servers gibt es erst seit 8.1.1713). Aktualisieren Sie zuerst den Agenten und leiten Sie ihn dann um.</translation>
    </message>
    <message>
        <source>Handover: after cutover - this Kubernetes agent stops polling the old Octopus Server (its pod keeps only the new address when it starts).</source>
        <translation>Handover: nach der Umstellung - dieser Kubernetes-Agent hört auf, den alten Octopus Server abzufragen (sein Pod behält beim Start nur die neue Adresse).</translation>
    </message>
    <message>
        <source>Handover: make a Kubernetes agent poll the new Octopus Server too (its pod registers the new address when it starts).</source>
        <translation>Handover: Einen Kubernetes-Agenten zusätzlich den neuen Octopus Server abfragen lassen (sein Pod registriert die neue Adresse beim Start).</translation>
    </message>
</context>
<context>
    <name>TentacleExportWriter</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>AFTER CUTOVER ONLY: the steps below stop the Tentacles polling the old server.</source>
        <translation>NUR NACH DER UMSTELLUNG: Mit den folgenden Schritten hören die Tentacles auf, den alten Server abzufragen.</translation>
    </message>
</context>
<context>
    <name>TentaclesPage</name>
    <message>
        <source>Make every polling Tentacle poll the new server, and check that it does.</source>
        <translation>Lassen Sie jeden Polling-Tentacle den neuen Server abfragen, und prüfen Sie, dass er es tut.</translation>
    </message>
    <message>
        <source>Take &amp;inventory</source>
        <translation>Bestands&amp;aufnahme erstellen</translation>
    </message>
    <message>
        <source>Search name, role, environment, version…</source>
        <translation>Name, Rolle, Umgebung, Version suchen…</translation>
    </message>
    <message>
        <source>Targets and workers</source>
        <translation>Ziele und Worker</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>&amp;Windows (PowerShell)</source>
        <translation>&amp;Windows (PowerShell)</translation>
    </message>
    <message>
        <source>&amp;Linux (bash)</source>
        <translation>&amp;Linux (bash)</translation>
    </message>
    <message>
        <source>Show the &amp;alternative: a cloned Tentacle instance with a new certificate</source>
        <translation>Alterna&amp;tive anzeigen: eine geklonte Tentacle-Instanz mit neuem Zertifikat</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>One script per machine…</source>
        <translation>Ein Skript pro Maschine…</translation>
    </message>
    <message>
        <source>All machines in one file…</source>
        <translation>Alle Maschinen in einer Datei…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>&amp;Mark re-pointed</source>
        <translation>Als umgeleitet &amp;markieren</translation>
    </message>
    <message>
        <source>Simulate re-point (demo)</source>
        <translation>Umleitung simulieren (Demo)</translation>
    </message>
    <message>
        <source>Demo only: the simulated Tentacles of the selected machines start polling the new server, as if their re-point command had run on them.</source>
        <translation>Nur Demo: Die simulierten Tentacles der ausgewählten Maschinen beginnen, den neuen Server abzufragen, als wäre ihr Umleitungsbefehl auf ihnen ausgeführt worden.</translation>
    </message>
    <message>
        <source>&amp;Verify selected</source>
        <translation>Ausgewählte &amp;verifizieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loc&amp;k upgrades on the new server…</source>
        <translation>Upgrades auf dem neuen Server &amp;sperren…</translation>
    </message>
    <message>
        <source>Taking inventory…</source>
        <translation>Bestandsaufnahme wird erstellt…</translation>
    </message>
    <message>
        <source>All spaces</source>
        <translation>Alle Spaces</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s)</source>
        <translation>
            <numerusform>%n Maschine</numerusform>
            <numerusform>%n Maschinen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>No inventory yet.</source>
        <translation>Noch keine Bestandsaufnahme.</translation>
    </message>
    <message>
        <source>Refresh &amp;inventory</source>
        <translation>Bestands&amp;aufnahme aktualisieren</translation>
    </message>
    <message>
        <source>Connect to the old server (step 1) to list its polling Tentacles.</source>
        <translation>Verbinden Sie sich mit dem alten Server (Schritt 1), um seine Polling-Tentacles aufzulisten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No command is needed.&lt;/b&gt; The new server keeps the name %1: when DNS moves at cutover, these %2 polling Tentacles follow it on their own. Make sure the polling port 10943 is open on the new server.</source>
        <translation>&lt;b&gt;Kein Befehl nötig.&lt;/b&gt; Der neue Server behält den Namen %1: Wenn das DNS bei der Umstellung umzieht, folgen diese %2 Polling-Tentacles von selbst. Stellen Sie sicher, dass der Polling-Port 10943 auf dem neuen Server offen ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 polling Tentacles must be re-pointed to %2:%3.&lt;/b&gt; Run the command for each on that machine: it needs no new certificate, no API key and no extra licence target.</source>
        <translation>&lt;b&gt;%1 Polling-Tentacles müssen auf %2:%3 umgeleitet werden.&lt;/b&gt; Führen Sie den Befehl für jeden auf dessen Maschine aus: Er benötigt kein neues Zertifikat, keinen API-Schlüssel und kein zusätzliches Lizenzziel.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The domain name is not decided yet&lt;/b&gt; (step 2). If the new server gets a new name, these %1 polling Tentacles must be re-pointed; the commands below assume %2.</source>
        <translation>&lt;b&gt;Der Domainname ist noch nicht entschieden&lt;/b&gt; (Schritt 2). Erhält der neue Server einen neuen Namen, müssen diese %1 Polling-Tentacles umgeleitet werden; die Befehle unten gehen von %2 aus.</translation>
    </message>
    <message>
        <source># No command is needed: the new server keeps the name %1.
# Polling Tentacles dial that name; they reach the new server as soon as DNS points to it.
</source>
        <translation># Kein Befehl nötig: Der neue Server behält den Namen %1.
# Polling-Tentacles wählen diesen Namen an; sie erreichen den neuen Server, sobald das DNS auf ihn zeigt.
</translation>
    </message>
    <message>
        <source># Select a machine to see its commands.
</source>
        <translation># Wählen Sie eine Maschine aus, um ihre Befehle zu sehen.
</translation>
    </message>
    <message>
        <source>&lt;b&gt;Upgrade prompts:&lt;/b&gt; the new server suggests a Tentacle upgrade for %1 machines (%2%3). While both servers run side by side, an upgrade from one of them changes what the other sees; lock upgrades on the new server until cutover.</source>
        <translation>&lt;b&gt;Upgrade-Hinweise:&lt;/b&gt; Der neue Server empfiehlt ein Tentacle-Upgrade für %1 Maschinen (%2%3). Solange beide Server parallel laufen, ändert ein Upgrade durch einen von ihnen, was der andere sieht; sperren Sie Upgrades auf dem neuen Server bis zur Umstellung.</translation>
    </message>
    <message>
        <source>No Tentacle upgrade is pending on the new server.</source>
        <translation>Auf dem neuen Server steht kein Tentacle-Upgrade an.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Calamari:&lt;/b&gt; if both servers deploy to the same targets during the side-by-side period, each one upgrades or downgrades Calamari to its own version on every deployment. Deploy from one server at a time.</source>
        <translation>&lt;b&gt;Calamari:&lt;/b&gt; Stellen beide Server während des Parallelbetriebs auf dieselben Ziele bereit, stuft jeder Calamari bei jeder Bereitstellung auf seine eigene Version hoch oder herab. Stellen Sie jeweils nur von einem Server aus bereit.</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) marked as re-pointed; verify them when their Tentacles have restarted.</source>
        <translation>
            <numerusform>%n Maschine als umgeleitet markiert; verifizieren Sie sie, wenn ihr Tentacle neu gestartet ist.</numerusform>
            <numerusform>%n Maschinen als umgeleitet markiert; verifizieren Sie sie, wenn ihre Tentacles neu gestartet sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>The simulator did not take the re-point: %1</source>
        <translation>Der Simulator hat die Umleitung nicht übernommen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Simulated: %n Tentacle(s) now poll the new server. Verify them.</source>
        <translation>
            <numerusform>Simuliert: %n Tentacle fragt jetzt den neuen Server ab. Verifizieren Sie ihn.</numerusform>
            <numerusform>Simuliert: %n Tentacles fragen jetzt den neuen Server ab. Verifizieren Sie sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation>%1 von %2 geprüft</translation>
    </message>
    <message numerus="yes">
        <source>Asking the new server to check %n machine(s)…</source>
        <translation>
            <numerusform>Der neue Server wird gebeten, %n Maschine zu prüfen…</numerusform>
            <numerusform>Der neue Server wird gebeten, %n Maschinen zu prüfen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Verifizierung abgebrochen.</translation>
    </message>
    <message>
        <source>The new server could not check every machine (%1).</source>
        <translation>Der neue Server konnte nicht jede Maschine prüfen (%1).</translation>
    </message>
    <message>
        <source>Verified: %1, not reached: %2.</source>
        <translation>Verifiziert: %1, nicht erreicht: %2.</translation>
    </message>
    <message>
        <source>Copied the %1 script to the clipboard.</source>
        <translation>Das %1-Skript wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Folder for the re-point scripts</source>
        <translation>Ordner für die Umleitungsskripte</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Wrote %1 scripts to %2.</source>
        <translation>%1 Skripte nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>Save all re-point scripts</source>
        <translation>Alle Umleitungsskripte speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Save polling Tentacles as CSV</source>
        <translation>Polling-Tentacles als CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Lock Tentacle upgrades</source>
        <translation>Tentacle-Upgrades sperren</translation>
    </message>
    <message numerus="yes">
        <source>Lock Tentacle upgrades for %n machine(s) on the new server?</source>
        <translation>
            <numerusform>Tentacle-Upgrades für %n Maschine auf dem neuen Server sperren?</numerusform>
            <numerusform>Tentacle-Upgrades für %n Maschinen auf dem neuen Server sperren?</numerusform>
        </translation>
    </message>
    <message>
        <source>This changes each machine on the new server (Endpoint.TentacleVersionDetails.UpgradeLocked). The old server is not touched. Unlock them after cutover.</source>
        <translation>Dies ändert jede Maschine auf dem neuen Server (Endpoint.TentacleVersionDetails.UpgradeLocked). Der alte Server bleibt unberührt. Heben Sie die Sperre nach der Umstellung auf.</translation>
    </message>
    <message>
        <source>Locking upgrades…</source>
        <translation>Upgrades werden gesperrt…</translation>
    </message>
    <message numerus="yes">
        <source>Locked Tentacle upgrades for %n machine(s) on the new server.</source>
        <translation>
            <numerusform>Tentacle-Upgrades für %n Maschine auf dem neuen Server gesperrt.</numerusform>
            <numerusform>Tentacle-Upgrades für %n Maschinen auf dem neuen Server gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked %1 machines; %2 could not be changed (%3).</source>
        <translation>%1 Maschinen gesperrt; %2 konnten nicht geändert werden (%3).</translation>
    </message>
    <message>
        <source>%1 (%2 targets; last deployment from the old server %3, from the new one %4)</source>
        <translation>%1 (%2 Ziele; letzte Bereitstellung vom alten Server %3, vom neuen %4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Calamari churn:&lt;/b&gt; both servers have deployed to %1 targets in %2 environments since the clone: %3. Each deployment upgrades or downgrades Calamari to its own server&apos;s version; deploy from one server at a time.</source>
        <translation>&lt;b&gt;Calamari-Wechsel:&lt;/b&gt; Beide Server haben seit dem Klonen auf %1 Ziele in %2 Umgebungen bereitgestellt: %3. Jede Bereitstellung stuft Calamari auf die Version ihres eigenen Servers hoch oder herab; stellen Sie jeweils nur von einem Server aus bereit.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Calamari:&lt;/b&gt; no environment has deployments from both servers since the clone. Keep it that way: each server upgrades or downgrades Calamari to its own version on the targets it deploys to.</source>
        <translation>&lt;b&gt;Calamari:&lt;/b&gt; Keine Umgebung hat seit dem Klonen Bereitstellungen von beiden Servern. Behalten Sie das bei: Jeder Server stuft Calamari auf den Zielen, auf die er bereitstellt, auf seine eigene Version hoch oder herab.</translation>
    </message>
    <message>
        <source>Verif&amp;y all</source>
        <translation>Alle ve&amp;rifizieren</translation>
    </message>
    <message>
        <source>&amp;Kubernetes agent (helm)</source>
        <translation>K&amp;ubernetes-Agent (helm)</translation>
    </message>
    <message>
        <source>A&amp;fter cutover</source>
        <translation>&amp;Nach der Umstellung</translation>
    </message>
    <message>
        <source># %1 is a Kubernetes agent: it is re-pointed through its Helm release (the helm tab), not the Tentacle command line.
</source>
        <translation># %1 ist ein Kubernetes-Agent: Er wird über sein Helm-Release umgeleitet (Registerkarte helm), nicht über die Tentacle-Befehlszeile.
</translation>
    </message>
    <message>
        <source># Not a Kubernetes agent: use the Windows or Linux script.
</source>
        <translation># Kein Kubernetes-Agent: Verwenden Sie das Windows- oder Linux-Skript.
</translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) are disabled on the new server: health checks skip them, so they stay unverified until enabled.</source>
        <translation>
            <numerusform>%n Maschine ist auf dem neuen Server deaktiviert: Zustandsprüfungen überspringen sie, daher bleibt sie unverifiziert, bis sie aktiviert wird.</numerusform>
            <numerusform>%n Maschinen sind auf dem neuen Server deaktiviert: Zustandsprüfungen überspringen sie, daher bleiben sie unverifiziert, bis sie aktiviert werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n machine(s) were not checked: the new server&apos;s health check did not finish, and the status it holds is older than the re-point.</source>
        <translation>
            <numerusform>%n Maschine wurde nicht geprüft: Die Zustandsprüfung des neuen Servers wurde nicht abgeschlossen, und der dort gespeicherte Status ist älter als die Umleitung.</numerusform>
            <numerusform>%n Maschinen wurden nicht geprüft: Die Zustandsprüfung des neuen Servers wurde nicht abgeschlossen, und der dort gespeicherte Status ist älter als die Umleitung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TentaclesVerb</name>
    <message>
        <source>URL of the old server.</source>
        <translation>URL des alten Servers.</translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation>URL des neuen (geklonten) Servers.</translation>
    </message>
    <message>
        <source>Host name the polling Tentacles must dial from now on.</source>
        <translation>Hostname, den die Polling-Tentacles ab jetzt anwählen müssen.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Print CSV.</source>
        <translation>CSV ausgeben.</translation>
    </message>
    <message>
        <source>Write one re-point script per machine into this folder.</source>
        <translation>Ein Umleitungsskript pro Maschine in diesen Ordner schreiben.</translation>
    </message>
    <message>
        <source>The new server&apos;s polling port (default 10943).</source>
        <translation>Polling-Port des neuen Servers (Standard 10943).</translation>
    </message>
    <message>
        <source>Tentacle instance name on the machines (default Tentacle).</source>
        <translation>Name der Tentacle-Instanz auf den Maschinen (Standard Tentacle).</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs an http:// or https:// URL</source>
        <translation>%1 erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--new-host needs a host name or IP address (the port goes in --polling-port)</source>
        <translation>--new-host erfordert einen Hostnamen oder eine IP-Adresse (der Port gehört in --polling-port)</translation>
    </message>
    <message>
        <source>--json and --csv cannot be combined</source>
        <translation>--json und --csv können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>--polling-port needs a port number</source>
        <translation>--polling-port erfordert eine Portnummer</translation>
    </message>
    <message>
        <source>--instance needs a name</source>
        <translation>--instance erfordert einen Namen</translation>
    </message>
    <message>
        <source>--scripts needs a folder</source>
        <translation>--scripts erfordert einen Ordner</translation>
    </message>
    <message>
        <source>handover tentacles: the old server is unusable: %1</source>
        <translation>handover tentacles: der alte Server ist nicht nutzbar: %1</translation>
    </message>
    <message>
        <source>%1 polling Tentacles on %2 must poll %3:%4
</source>
        <translation>%1 Polling-Tentacles auf %2 müssen %3:%4 abfragen
</translation>
    </message>
    <message>
        <source>handover tentacles: cannot create the folder %1</source>
        <translation>handover tentacles: der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>handover tentacles: cannot write %1: %2</source>
        <translation>handover tentacles: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1 scripts to %2</source>
        <translation>%1 Skripte nach %2 geschrieben</translation>
    </message>
    <message>
        <source>handover tentacles: incomplete inventory: %1</source>
        <translation>handover tentacles: unvollständige Bestandsaufnahme: %1</translation>
    </message>
    <message>
        <source>handover tentacles: the new server is unusable: %1</source>
        <translation>handover tentacles: der neue Server ist nicht nutzbar: %1</translation>
    </message>
    <message>
        <source>Usage: handover tentacles --old URL --new URL --new-host HOST [--json|--csv] [--scripts DIR]
       [--polling-port PORT] [--instance NAME] [--timeout SECONDS] [--trust-fingerprint SHA256]...
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
Exit codes: 0 listed, 3 a server was unusable or the inventory incomplete, 2 usage error.
</source>
        <translation>Aufruf: handover tentacles --old URL --new URL --new-host HOST [--json|--csv] [--scripts DIR]
        [--polling-port PORT] [--instance NAME] [--timeout SECONDS] [--trust-fingerprint SHA256]...
API-Schlüssel kommen aus HANDOVER_OLD_API_KEY und HANDOVER_NEW_API_KEY oder aus dem Schlüsselbund.
Exit-Codes: 0 aufgelistet, 3 ein Server war nicht nutzbar oder die Bestandsaufnahme unvollständig, 2 Aufruffehler.
</translation>
    </message>
    <message>
        <source>after cutover:</source>
        <translation>nach der Umstellung:</translation>
    </message>
</context>
<context>
    <name>TestPlan</name>
    <message>
        <source>Package deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IIS web site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helm chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Web App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Resource Group template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS CloudFormation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terraform plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy a release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the last %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 deployed %n time(s) in %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>last deployed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) use step type %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) of projects with this step type</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Smoke deployment of %1 (%2) to a test environment on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most-deployed project using %1 (%2): every deployment technology in use is deployed once on the new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run step template &apos;%1&apos; in a smoke deployment on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Used by %n project(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), %n deployment(s) in the window</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deployment(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>most deployed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an old deployment&apos;s task log on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clone must carry the old server&apos;s task logs (they live in the server&apos;s task log folder, not the database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an old deployment&apos;s artifact and a package from the built-in feed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifacts and the built-in package repository are files beside the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in feed in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 as an administrator and as an ordinary user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication providers and their settings move with the clone; check both kinds of user</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in as a member of team &apos;%1&apos; and check what it may see and do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the largest teams: its roles decide what its members can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 against %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script audit found it calling the Octopus API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision: %1, status: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 pushes a build and creates a release on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CI integration that talks to the old server (CI integrations step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>run %n time(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the server does not list runbook runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run runbook &apos;%1&apos; of %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the most-run runbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A runbook of the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished">Mandanten</translation>
    </message>
    <message>
        <source>Worker pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished">Worker</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library variable sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n only on the old server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n only on the new server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not explained by what was read: check the drift since the clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one server counts this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers and worker pools run steps instead of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces; a new team and permission model; API changes (older clients and plug-ins reach the default space only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbooks (operations) beside deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Server 2012 R2 or later; SQL Server 2008 R2 and 2012 no longer supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL Server 2016 or later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux Docker images of the server, Tentacle on ARM/ARM64, global search, API key management changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new octopus CLI (2.0) works from this version; the retired octo CLI is replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as a member of team &apos;%1&apos; of space &apos;%2&apos; and check what it may see and do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPlanController</name>
    <message numerus="yes">
        <source>%n object(s) changed on the old server since the clone</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) changed on the clone</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Old server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPlanExportWriter</name>
    <message>
        <source>Test plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server %1 (%2), new server %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation type="unfinished">Version unbekannt</translation>
    </message>
    <message>
        <source>%n test(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated from the old server&apos;s usage at %1 (window %n day(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">Verantwortlich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">Notizen</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts on both servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server</source>
        <translation type="unfinished">Alter Server</translation>
    </message>
    <message>
        <source>New server</source>
        <translation type="unfinished">Neuer Server</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No release between the two versions changed behaviour people rely on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases between the old and the new version that changed behaviour:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPlanPage</name>
    <message>
        <source>Plan how to prove the new instance works, and watch how far it drifts from the old one while both run.</source>
        <translation>Planen Sie, wie Sie nachweisen, dass die neue Instanz funktioniert, und beobachten Sie, wie weit sie von der alten abweicht, solange beide laufen.</translation>
    </message>
    <message>
        <source>&amp;Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPlanVerb</name>
    <message>
        <source>URL of the old server.</source>
        <translation type="unfinished">URL des alten Servers.</translation>
    </message>
    <message>
        <source>URL of the new (cloned) server.</source>
        <translation type="unfinished">URL des neuen (geklonten) Servers.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished">JSON ausgeben.</translation>
    </message>
    <message>
        <source>Print CSV.</source>
        <translation type="unfinished">CSV ausgeben.</translation>
    </message>
    <message>
        <source>Print Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many days of the old server&apos;s usage to read (default 90).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: handover testplan --old URL --new URL [--json|--csv|--md] [--days N]
       [--timeout SECONDS] [--trust-fingerprint SHA256]... [--proxy URL|none]
API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.
Exit codes: 0 generated, 3 a server unusable or its usage incomplete, 2 usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished">unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 needs an http:// or https:// URL</source>
        <translation type="unfinished">%1 erfordert eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--json, --csv and --md exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days needs a whole number from 1 to 3650</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover testplan: the %1 server is unusable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished">neu</translation>
    </message>
    <message>
        <source>old</source>
        <translation type="unfinished">alt</translation>
    </message>
    <message numerus="yes">
        <source>%n test(s) from %1 deployment(s) in the last %2 day(s) on the old server:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Counts (old / new):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handover testplan: %1 server: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPlanView</name>
    <message>
        <source>Untested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Usage of the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"> Tage</translation>
    </message>
    <message>
        <source>&amp;Generate from usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read what the old server is used for and the counts of both servers, and add the tests they ask for (your owners, statuses, notes and rows are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation type="unfinished">Als CS&amp;V exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation type="unfinished">Als &amp;Markdown exportieren…</translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">Verantwortlich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">Notizen</translation>
    </message>
    <message>
        <source>Test plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test of your own, e.g. &quot;Deploy the payroll hotfix to Staging&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished">&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts on both servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What people must learn, e.g. &quot;The new project navigation&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by the migration lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence no longer asks for this test; kept because you changed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a test to see its evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open on the old server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence no longer asks for this test; kept because you changed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only on the old server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only on the new server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate the plan to see which releases lie between the two servers&apos; versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old server %1, new server %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation type="unfinished">Version unbekannt</translation>
    </message>
    <message>
        <source>No release in between changed behaviour people rely on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since the old version (features people have not been exposed to):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>Reading the old server&apos;s usage and both servers&apos; counts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect both servers on the Connect step to generate the plan from the old server&apos;s usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n test(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From %n deployment(s) on the old server in the last %1 day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No deployment technology in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technologies in use: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 UTC. Generate again to refresh the evidence and the counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate the plan: Handover reads what the old server is used for and proposes the tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the test plan as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the test plan as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md);;All files (*)</source>
        <translation type="unfinished">Markdown-Dateien (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished">CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished">Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished">%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UsageJob</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook runs of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">unbekannt</translation>
    </message>
    <message>
        <source>Teams of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WidgetDialogService</name>
    <message>
        <source>Handover plans (*.handover);;All files (*)</source>
        <translation>Handover-Pläne (*.handover);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>Plan öffnen</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>Plan speichern unter</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>Recover Plan</source>
        <translation>Plan wiederherstellen</translation>
    </message>
    <message>
        <source>Handover was not closed properly last time. Recover the unsaved changes to %1?</source>
        <translation>Handover wurde beim letzten Mal nicht ordnungsgemäß beendet. Die nicht gespeicherten Änderungen an %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>Autosaved %1.</source>
        <translation>%1 automatisch gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Print the runbook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
