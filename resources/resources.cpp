// Anchor translation unit for the handover_resources library; the resources themselves are compiled in by
// qt_add_resources.
