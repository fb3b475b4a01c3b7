<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AuditContext</name>
    <message>
        <source>This audit is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Your audit is safe: every change was already saved.
The details were written to the log file:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
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
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RECP Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECP Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — RECP Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RECP Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;RECP Audit&lt;/b&gt; {version}&lt;br&gt;Resource-efficient and cleaner production audits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECP audits (*.recp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>Enterprise &amp; team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products &amp; process steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <source>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;This part of the audit comes in a later version.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The demo audit is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the audit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>File missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file no longer exists at this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent audits yet. Start with the demo audit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent audits (double-click or Enter to open):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECP Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource-efficient and cleaner production audits: enterprise and team, process steps, walkthrough, baselines, options and reports. Every change is saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>{share} % complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started in this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {reason} Changes cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
