<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Handover</source>
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
</TS>
