#pragma once

// The dense script corpus of bench-audit (and of the audit test that compares the scanner with its
// reference): scripts as they are stored on a server or in a real script collection, where nearly every
// file calls the Octopus API. PowerShell, bash, pipeline YAML and C# scripts mix lines that call the REST
// API (Invoke-RestMethod to $octopusUrl/api/..., curl with X-Octopus-ApiKey), the octo and octopus CLIs,
// Octopus.Client, keys and the old server's URL with ordinary statements, about one API line in six.
// Deterministic: the same index and seed give the same bytes.

#include <QByteArray>
#include <QString>

#include <array>
#include <random>

namespace densecorpus {

struct Kind
{
    const char *suffix;
    const char *comment;
    std::array<const char *, 14> apiLines;   // lines a rule looks at (most give a finding)
    std::array<const char *, 10> plainLines; // ordinary statements, some mentioning Octopus in prose
};

// %h old host, %w a word, %n a number, %k a real-looking key body.
inline const std::array<Kind, 4> &kinds()
{
    static const std::array<Kind, 4> table = {{
        {".ps1",
         "#",
         {"$octopusUrl = \"https://%h\"", "$header = @{ \"X-Octopus-ApiKey\" = $apiKey }",
          "$space = (Invoke-RestMethod -Method Get -Uri \"$octopusUrl/api/spaces/all\" -Headers $header) | "
          "Where-Object { $_.Name -eq $spaceName }",
          "$project = (Invoke-RestMethod -Method Get -Uri \"$octopusUrl/api/$($space.Id)/projects/all\" "
          "-Headers $header) | Where-Object { $_.Name -eq \"%w\" }",
          "$release = Invoke-RestMethod -Method Post -Uri \"$octopusUrl/api/$($space.Id)/releases\" -Body "
          "($body | ConvertTo-Json -Depth 10) -Headers $header",
          "$machines = Invoke-RestMethod -Uri \"$octopusUrl/api/machines?skip=0&take=%n\" -Headers $header",
          "$task = Invoke-RestMethod -Uri \"$octopusUrl/api/tasks/$($deployment.TaskId)\" -Headers $header",
          "Invoke-RestMethod -Method Put -Uri "
          "\"$octopusUrl/api/$($space.Id)/variables/$($project.VariableSetId)\" "
          "-Headers $header -Body ($variables | ConvertTo-Json -Depth 10)",
          "Add-Type -Path \"C:\\Tools\\Octopus.Client.%n\\lib\\net462\\Octopus.Client.dll\"",
          "$endpoint = New-Object Octopus.Client.OctopusServerEndpoint $octopusUrl, $apiKey",
          "& octo.exe create-release --project \"%w\" --version 1.0.%n --server $octopusUrl --apiKey $apiKey",
          "octo push --package \"%w.1.0.%n.zip\" --server $octopusUrl --apiKey $apiKey --overwrite-mode "
          "IgnoreIfExists",
          "$apiKey = \"API-%k\"",
          "$tenants = Invoke-RestMethod \"https://%h/api/Spaces-1/tenants?take=%n\" -Headers $header"},
         {"Write-Host \"Deployment of %w %n queued on Octopus\"", "$spaceName = \"Default\"",
          "if ($null -eq $project) { throw \"Project %w not found\" }",
          "$body = @{ ProjectId = $project.Id; Version = \"1.0.%n\" }",
          "foreach ($%w in $%wList) { Write-Verbose $%w.Name }", "Start-Sleep -Seconds %n",
          "$apiKey = $env:OCTOPUS_API_KEY", "$ErrorActionPreference = \"Stop\"", "}", ""}},
        {".sh",
         "#",
         {"OCTOPUS_URL=\"https://%h\"",
          "curl -sf -H \"X-Octopus-ApiKey: $OCTOPUS_API_KEY\" \"$OCTOPUS_URL/api/Spaces-1/projects/all\" | "
          "jq -r "
          "'.[].Name'",
          "curl -s -X POST -H \"X-Octopus-ApiKey: $OCTOPUS_API_KEY\" -H \"Content-Type: application/json\" "
          "-d "
          "\"$body\" \"$OCTOPUS_URL/api/Spaces-1/deployments\"",
          "curl -s -H \"X-Octopus-ApiKey: $OCTOPUS_API_KEY\" \"$OCTOPUS_URL/api/tasks/$TASK_ID\" | jq -r "
          ".State",
          "curl -s --request DELETE -H \"X-Octopus-ApiKey: $OCTOPUS_API_KEY\" "
          "\"$OCTOPUS_URL/api/Spaces-1/machines/Machines-%n\"",
          "curl -s -H \"X-Octopus-ApiKey: API-%k\" \"https://%h/api/serverstatus\"",
          "export OCTOPUS_CLI_SERVER=https://%h", "export OCTOPUS_CLI_API_KEY=\"$OCTOPUS_API_KEY\"",
          "octo deploy-release --project \"%w\" --deployto Production --server \"$OCTOPUS_URL\" --apiKey "
          "\"$OCTOPUS_API_KEY\"",
          "octo pack --id %w --version \"1.0.%n\" --format zip --basePath ./dist",
          "dotnet tool install Octopus.DotNet.Cli --global --version 9.1.%n",
          "octopus release create --project \"%w\" --version \"1.0.%n\" --no-prompt",
          "curl -s -H \"X-Octopus-ApiKey: $OCTOPUS_API_KEY\" "
          "\"$OCTOPUS_URL/api/Spaces-1/releases/Releases-%n\"",
          "wget -q --header \"X-Octopus-ApiKey: $OCTOPUS_API_KEY\" -O - \"$OCTOPUS_URL/api/users/me\""},
         {"echo \"Deploying %w %n to Octopus\"", "set -euo pipefail", "VERSION=\"1.0.%n\"",
          "if [ -z \"$OCTOPUS_API_KEY\" ]; then echo \"missing key\" >&2; exit 1; fi",
          "for f in ./dist/*.zip; do echo \"$f\"; done", "sleep %n", "fi", "done",
          "TASK_ID=$(echo \"$result\" | jq -r .TaskId)", ""}},
        {".yml",
         "#",
         {"      OCTOPUS_URL: https://%h",
          "        run: octo create-release --project %w --version 1.0.%n --server ${{ secrets.OCTOPUS_URL "
          "}} "
          "--apiKey ${{ secrets.OCTOPUS_API_KEY }}",
          "        run: octo push --package %w.1.0.%n.zip --server ${{ secrets.OCTOPUS_URL }} --apiKey ${{ "
          "secrets.OCTOPUS_API_KEY }}",
          "        uses: OctopusDeploy/create-release-action@v3",
          "  - script: curl -sf -H \"X-Octopus-ApiKey: $(OctopusApiKey)\" "
          "\"$(OctopusUrl)/api/Spaces-1/tasks?states=Executing\"",
          "  - script: curl -sf -X POST -H \"X-Octopus-ApiKey: $(OctopusApiKey)\" "
          "\"$(OctopusUrl)/api/Spaces-1/deployments\" -d @deploy.json",
          "          api_key: API-%k", "          OCTOPUS_CLI_SERVER: https://%h",
          "        run: octopus package upload --package %w.1.0.%n.zip --no-prompt",
          "        run: dotnet tool install --global Octopus.DotNet.Cli --version 9.%n.0",
          "  - task: OctopusCreateRelease@5",
          "        run: curl -s \"https://%h/api/projects/Projects-%n\" -H \"X-Octopus-ApiKey: ${{ "
          "secrets.KEY }}\"",
          "        run: octo deploy-release --project %w --deployTo Staging --progress",
          "          server: https://%h"},
         {"  - name: Build %w", "    runs-on: ubuntu-latest", "    steps:",
          "      - uses: actions/checkout@v4", "        with:", "          dotnet-version: 8.0.x",
          "        env:", "  %w_%n: true", "        run: dotnet publish -c Release -o ./dist/%w", ""}},
        {".csx",
         "//",
         {"#r \"nuget: Octopus.Client, 14.3.%n\"", "using Octopus.Client;",
          "var endpoint = new OctopusServerEndpoint(\"https://%h\", apiKey);",
          "var repository = new OctopusRepository(endpoint);",
          "var json = await http.GetStringAsync(server + \"/api/\" + spaceId + \"/projects/all\");",
          "var response = await http.PostAsync($\"{server}/api/{spaceId}/releases\", content);",
          "var apiKey = \"API-%k\";",
          "var machines = await http.GetStringAsync(server + \"/api/machines/all\");",
          "var task = await http.GetStringAsync($\"{server}/api/tasks/{taskId}\");",
          "http.DefaultRequestHeaders.Add(\"X-Octopus-ApiKey\", apiKey);", "var server = \"https://%h\";",
          "var deleted = await http.DeleteAsync($\"{server}/api/{spaceId}/machines/{machineId}\");",
          "Process.Start(\"octo\", $\"push --package %w.1.0.%n.zip --server {server}\");",
          "var spaces = await http.GetStringAsync(server + \"/api/spaces/all\");"},
         {"Console.WriteLine($\"Release {release.Version} of %w created in Octopus\");",
          "var projectName = \"%w\";", "if (project == null) throw new Exception(\"%w not found\");",
          "var http = new HttpClient();", "foreach (var %w in items) Console.WriteLine(%w.Name);",
          "await Task.Delay(%n);", "}", "{", "var spaceId = \"Spaces-1\";", ""}},
    }};
    return table;
}

inline const std::array<const char *, 16> &words()
{
    static const std::array<const char *, 16> table = {
        "web",    "api-gateway", "billing", "orders",    "search", "payments",  "auth",  "reports",
        "worker", "frontend",    "catalog", "inventory", "mailer", "scheduler", "cache", "ledger"};
    return table;
}

inline QByteArray expand(const char *pattern, const QByteArray &host, std::mt19937 &rng)
{
    QByteArray out;
    for (const char *p = pattern; *p; ++p) {
        if (*p != '%' || !p[1]) {
            out += *p;
            continue;
        }
        switch (*++p) {
        case 'h':
            out += host;
            break;
        case 'w':
            out += words()[rng() % words().size()];
            break;
        case 'n':
            out += QByteArray::number(int(rng() % 1000));
            break;
        case 'k': { // 28 upper-case letters and digits: looks like a real key
            static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            for (int i = 0; i < 28; ++i)
                out += alphabet[rng() % 36];
            out[out.size() - 1] = char('0' + rng() % 10);
            break;
        }
        default:
            out += '%';
            out += *p;
        }
    }
    return out;
}

// One file of about `size` bytes; `suffix` gets its name ending. About 9 in 10 files call the API.
inline QByteArray script(int index, qint64 size, const QByteArray &host, std::mt19937 &rng,
                         QByteArray *suffix)
{
    const Kind &kind = kinds()[size_t(index) % kinds().size()];
    *suffix = kind.suffix;
    const bool callsApi = index % 10 != 9;
    QByteArray content;
    content.reserve(size + 256);
    content += kind.comment;
    content += ' ';
    content += expand("%w: deployment helper %n", host, rng);
    content += '\n';
    int line = 1;
    while (content.size() < size) {
        if (callsApi && rng() % 6 == 0)
            content += expand(kind.apiLines[rng() % kind.apiLines.size()], host, rng);
        else if (line % 12 == 0)
            content += QByteArray(kind.comment) + ' ' + expand("step %n: %w", host, rng);
        else
            content += expand(kind.plainLines[rng() % kind.plainLines.size()], host, rng);
        content += '\n';
        ++line;
    }
    return content;
}

} // namespace densecorpus
