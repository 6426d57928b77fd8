#pragma once

#include "inventorysnapshot.h"
#include "tentaclemachine.h"

#include <QList>

// InventorySnapshot (network side) -> TentacleMachine (core): targets then workers, with space, environment
// and tenant names resolved from the same snapshot. Worker pools are not part of the inventory, so their
// ids stand in for names.
QList<TentacleMachine> tentacleMachinesFrom(const InventorySnapshot &snapshot);
// Only the polling ones: CommunicationStyle TentacleActive, and Kubernetes agents (KubernetesTentacle) in
// polling mode.
QList<TentacleMachine> pollingMachinesFrom(const InventorySnapshot &snapshot);
