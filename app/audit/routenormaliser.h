#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <string>

// Reads an Octopus REST route out of a line of script and turns it into a route template.
//
//   "$url/api/$spaceId/projects/$($p.Id)?skip=0"   -> /api/{spaceId}/projects/{id}
//   url + "/api/" + spaceId + "/machines"           -> /api/{spaceId}/machines
//   String.Format("{0}/api/{1}/tasks/{2}", ...)     -> /api/{spaceId}/tasks/{id}
//   f"{server}/api/Spaces-1/projects/Projects-12"   -> /api/{spaceId}/projects/{id}
//   "/api/machines{/id}{?skip,take}"                -> /api/machines
class RouteNormaliser
{
public:
    struct Extracted
    {
        qsizetype end = 0; // index just past the route expression in the line
        QString raw;       // the route with variable parts written as {expression}
        QString route;     // the normalised template, e.g. /api/{spaceId}/projects/{id}
    };

    // `apiPos` is the index of "/api" in `line`.
    static Extracted extract(QStringView line, qsizetype apiPos);

    // Normalises a route whose variable parts are written as {expression} (the `raw` form above, or a
    // plain route such as /api/Spaces-1/projects).
    static QString normalise(QStringView raw);

    // True when `line` has "/api" at `pos` as a path prefix (not /apis, /api-docs, /apiVersion).
    static bool isApiPrefixAt(QStringView line, qsizetype pos);

    // The same two on the bytes of an ASCII line, without QStrings (the audit's fast path): the same
    // template as extract() gives for that line into `route` (empty when none), `raw` a scratch buffer;
    // returns the end index. Only for ASCII: a byte index is then the UTF-16 index.
    static qsizetype extractAscii(QByteArrayView line, qsizetype apiPos, std::string &route,
                                  std::string &raw);
    static bool isApiPrefixAtAscii(QByteArrayView line, qsizetype pos);
};
