#pragma once

#include "datastore.h"
#include "instancestate.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace octosim {

// Lists as the Octopus API serves them: the filters of each collection (ids, partialName, name,
// thumbprint, commStyles, healthStatuses, from/to, eventCategories, users, documentTypes, active,
// isServiceAccount, ...), skip/take paging with the real collection shape and links, and the bare
// arrays of the /all routes. Pages are concatenations of each item's pre-serialised JSON.
class CollectionQuery
{
public:
    using Filter = std::function<bool(const Item &)>;

    // The items of a collection the request's query parameters select, in the collection's order.
    // storeName says which filters apply; extra is an additional condition (route scoping).
    static QList<const Item *> select(const Collection *collection, const ApiRequest &request,
                                      const QByteArray &storeName, const Filter &extra = {});

    // {ItemType, TotalResults, ItemsPerPage, NumberOfPages, LastPageNumber, Items, Links} for skip/take
    // (take defaults to 30); Links.Page.Next only when another page exists. 400 for bad paging values.
    static ApiReply page(const ApiRequest &request, const QByteArray &itemType,
                         const QList<const Item *> &items, const QByteArray &path, const QByteArray &templ);

    // The /all form: a plain JSON array.
    static ApiReply bareArray(const QList<const Item *> &items);
};

} // namespace octosim
