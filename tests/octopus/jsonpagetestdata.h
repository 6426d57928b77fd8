#pragma once

// Test inputs for tst_jsonpage (kept out of the moc-scanned source: raw strings with braces confuse moc).

#include <QByteArray>

inline const QByteArray kJson0 =
    QByteArrayLiteral(R"({"Id":"Machines-1","Name":"web-01","IsDisabled":false})");
inline const QByteArray kJson1 =
    QByteArrayLiteral(R"({"Id":"a\"b\\c\/d\n\t","Name":"caf\u00e9 \ud83d\ude00"})");
inline const QByteArray kJson2 = QByteArrayLiteral(
    R"({"Id":"x","Roles":["web","db"],"Endpoint":{"Uri":"poll://abc/","Deep":{"A":[1,{"B":"}"}]}},"Name":"n"})");
inline const QByteArray kJson3 = QByteArrayLiteral(R"({"Id":null,"Name":"q","N":-1.5e3})");
inline const QByteArray kJson4 = QByteArrayLiteral(
    R"({"ItemType":"Machine","TotalResults":3,"ItemsPerPage":2,"Items":[{"Id":"a"},{"Id":"b"}],"Links":{"Page.Next":"/api/x?skip=2&take=2"}})");
inline const QByteArray kJson5 = QByteArrayLiteral(R"([{"Id":"a"},{"Id":"b"},{"Id":"c"}])");
inline const QByteArray kJson6 = QByteArrayLiteral(R"({"Items":[{"Id":"a"},{"Id":)");
inline const QByteArray kJson7 = QByteArrayLiteral(R"({"Items":[{"Id":"a}]})");
inline const QByteArray kJson8 = QByteArrayLiteral(R"({"Items":[{"Id":tru}]})");
inline const QByteArray kJson9 = QByteArrayLiteral(R"({"Items" [ ]})");
inline const QByteArray kGarbageAfter = QByteArray("{\"Items\":[]}\x01<octosim:badjson");
// A build-information page as the server writes it (member order, nesting, nulls), with no white space at
// the end: none of its proper prefixes is a JSON document.
inline const QByteArray kBuildPage = QByteArrayLiteral(
    R"({"ItemType":"BuildInformation","TotalResults":2,"ItemsPerPage":2,"NumberOfPages":1,"LastPageNumber":0,)"
    R"("Items":[{"Id":"BuildInformation-1","SpaceId":"Spaces-1","PackageId":"Acme.Web","Version":"1.0.0",)"
    R"("BuildEnvironment":"TeamCity","BuildNumber":"100","BuildUrl":"https://ci/b/100","Branch":"main",)"
    R"("VcsType":"Git","VcsRoot":"https://git/acme","VcsCommitNumber":"abc","VcsCommitUrl":null,)"
    R"("IssueTrackerName":null,"WorkItems":[],"Commits":[{"Id":"abc","Comment":"fix \"quotes\"\n"}],)"
    R"("IncompleteDataWarning":null,"Created":"2024-02-29T10:00:00.1234567+00:00","LastModifiedOn":null,)"
    R"("LastModifiedBy":null,"Links":{"Self":"/api/Spaces-1/build-information/BuildInformation-1"}},)"
    R"({"Id":"BuildInformation-2","SpaceId":"Spaces-1","PackageId":"Acme.Web","Version":"1.0.1",)"
    R"("BuildEnvironment":"TeamCity","BuildNumber":"101","BuildUrl":null,"VcsRoot":"https://git/acme",)"
    R"("Created":"1969-07-20T20:17:40Z","Links":{}}],)"
    R"("Links":{"Self":"/api/Spaces-1/build-information?skip=0&take=2","Page.All":"/x","Page.Next":null}})");
inline const QByteArray kBareArray =
    QByteArrayLiteral(R"([{"Id":"a","L":[1,2.5,-3e2,true,false,null,"x\"y"]},{}])");
inline const QByteArray kEscapedNames = QByteArrayLiteral(
    R"({"I\u0064" : "escaped name", "x\"y":"quote in a name","back\\slash":"\\","plain":"tab\tend" ,"last":"ok"})");
