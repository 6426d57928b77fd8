#pragma once

#include <QStringList>

// One function per verb. `arguments` excludes the verb itself. Each returns the process exit code:
// 0 success, 2 usage error; other codes are documented per verb in the README.
// (Verbs are added here as their issues land.)

// handover audit PATH… [--old-url URL]… [--new-swagger FILE] [--json|--csv|--md] [--jobs N] (auditverb.cpp)
int runAudit(const QStringList &arguments);

// handover check --old URL --new URL [--json] [--timeout S] [--trust-fingerprint FP]... (checkverb.cpp)
// Keys: HANDOVER_OLD_API_KEY / HANDOVER_NEW_API_KEY, else the keychain. Exit 0 nothing failed, 3 a check
// failed or a server is unusable, 2 usage error.
int runCheck(const QStringList &arguments);

// handover ci --old URL --new URL [--since ISO-TIME] [--json|--csv] [--timeout S] [--trust-fingerprint FP]...
// (civerb.cpp) The integrations that talk to the old server, from evidence on both servers. --json prints
// {"integrations":[{"id","system","location","serviceAccount","apiKeyPurpose","lastSeenOld","lastSeenNew",
// "status" (old-only|both|new-only),"evidence":[{"kind","detail","time","server"}]}]}. Keys as for check.
// Exit 0 listed, 3 a server unusable or its evidence incomplete, 2 usage error.
int runCi(const QStringList &arguments);

// handover cutover --plan FILE (--steps | --tick ID | --gates | --status) [--json] [--rehearsal] [--by NAME]
// [--note TEXT] [--override REASON] [--timeout S] [--trust-fingerprint FP]... (cutoververb.cpp) The cutover
// runbook of the plan and its journal beside the plan, through CutoverController. --steps --json prints
// {"steps":[{"id","title","phase","gate","status" (done|current|pending),"owner","plannedMinutes","action",
// "pointOfNoReturn"}]}; --gates --json {"gates":[{"id","stepId","title","status","evidence","checkedAt"}]};
// --status --json {"run","journal","sha256","steps":[{"id","title","done","by","at","notes",…}],"ticks":[…]}.
// Keys (server gates only) as for check. Exit 0 done (--gates: none fails), 3 a tick refused or a gate
// failing, 2 usage error, a plan that cannot be loaded, a journal that cannot be opened.
int runCutover(const QStringList &arguments);

// handover drift --old URL --new URL [--since ISO-TIME] [--json] [--amber-days N] [--red-days N]
// [--structural-threshold N] [--timeout S] [--trust-fingerprint FP]... (driftverb.cpp) Drift both ways since
// the clone. --json prints {"cloneTime","cloneTimeSource":"detected|given","changesSinceClone":N,
// "changesOnClone":N,"byCategory":{…},"state":"green|amber|red","objects":[…], …}. Keys as for check.
// Exit 0 green, 3 amber or red (or a server unusable, events incomplete, clone time not detected), 2 usage.
int runDrift(const QStringList &arguments);

// handover inventory --server URL [--json] [--timeout S] [--trust-fingerprint FP]... (inventoryverb.cpp)
// Key: HANDOVER_API_KEY, else the keychain. Exit 0 complete, 3 server unusable or incomplete, 2 usage error.
int runInventory(const QStringList &arguments);

// handover plan --old URL --new URL --new-host HOST --out FILE [--force] [--timeout S]
// [--trust-fingerprint FP]... (planverb.cpp) Writes a plan file from both servers through the wizard's
// controllers: both URLs, the domain decision HOST implies, the CI integrations refresh, the script audit of
// the old server's scripts, the test plan and the drift check; an analysis that fails is left out. Keys as
// for check. Exit 0 written and complete, 3 written with an analysis incomplete or a server unusable, 2 usage
// error, FILE exists (without --force) or cannot be written.
int runPlan(const QStringList &arguments);

// handover runbook --plan FILE --format pdf|html|md --out FILE [--paper a4|letter] [--timeout S]
// [--trust-fingerprint FP]... [--proxy URL|none] (runbookverb.cpp) The printable runbook of the plan and its
// journal (read, never created), with what both servers say at export time when their keys are found
// (RunbookExportController). Keys as for check; a missing key leaves that server out, with a note. Exit 0
// written, 3 written but a server could not be read, 4 not written, 2 usage error or a plan that is missing
// or cannot be loaded.
int runRunbook(const QStringList &arguments);

// handover testplan --old URL --new URL [--json|--csv|--md] [--days N] [--timeout S] [--trust-fingerprint FP]...
// (testplanverb.cpp) The test plan from the old server's usage, with both servers' counts compared. --json
// prints {"rows":[{"id","title","why","owner","status", ...}], "comparisons", "versionGap", "usage"}. Keys as
// for check. Exit 0 generated, 3 a server unusable or its usage incomplete, 2 usage error.
int runTestPlan(const QStringList &arguments);

// handover tentacles --old URL --new URL --new-host HOST [--json|--csv] [--scripts DIR] [--polling-port N]
// [--instance NAME] [--timeout S] [--trust-fingerprint FP]... (tentaclesverb.cpp)
// The old server's polling Tentacles with the commands that re-point each to HOST. --json prints
// {"targets":[{"id","name","spaceId","kind":"target|worker","tentacleVersion","environments" (names),"roles",
// "commands":{"windows","linux"}}]}. Keys: HANDOVER_OLD_API_KEY / HANDOVER_NEW_API_KEY, else the keychain.
// Exit 0 ok, 3 a server unusable or the inventory incomplete, 2 usage error.
int runTentacles(const QStringList &arguments);
