<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Station::AnalyticsPage</name>
    <message numerus="yes">
        <location filename="../ui/analyticspage.cpp" line="+552"/>
        <source>devices tested more than once (of %1); %Ln retest run(s)</source>
        <extracomment>Under the number of retested devices</extracomment>
        <translation>
            <numerusform>devices tested more than once (of %1); %Ln retest run</numerusform>
            <numerusform>devices tested more than once (of %1); %Ln retest runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln run(s): %1</source>
        <extracomment>Runs per device: &quot;2 runs: 14&quot; (14 devices had two runs)</extracomment>
        <translation>
            <numerusform>%Ln run: %1</numerusform>
            <numerusform>%Ln runs: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln not a number</source>
        <translation>
            <numerusform>%Ln not a number</numerusform>
            <numerusform>%Ln not a number</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::DeviceViewWidget</name>
    <message numerus="yes">
        <location filename="../ui/deviceviewwidget.cpp" line="+994"/>
        <source>Runs of this device (%1, at %n station(s))</source>
        <extracomment>The device view&apos;s run list with the plant: &quot;Runs of this device (5, at 3 stations)&quot;</extracomment>
        <translation>
            <numerusform>Runs of this device (%1, at %n station)</numerusform>
            <numerusform>Runs of this device (%1, at %n stations)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::GuiMain</name>
    <message numerus="yes">
        <location filename="../app/guimain.cpp" line="+146"/>
        <source>%n run(s) left open when the station last stopped were closed as INTERRUPTED.</source>
        <translation>
            <numerusform>%n run left open when the station last stopped was closed as INTERRUPTED.</numerusform>
            <numerusform>%n runs left open when the station last stopped were closed as INTERRUPTED.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+172"/>
        <source>%n fixture(s) are still running. Closing stops them; their devices will need to be run again.

Stop every run and close?</source>
        <translation>
            <numerusform>%n fixture is still running. Closing stops it; its device will need to be run again.

Stop the run and close?</numerusform>
            <numerusform>%n fixtures are still running. Closing stops them; their devices will need to be run again.

Stop every run and close?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+434"/>
        <source>The plant refused %n row(s); they are kept here until retried:</source>
        <translation>
            <numerusform>The plant refused %n row; they are kept here until retried:</numerusform>
            <numerusform>The plant refused %n rows; they are kept here until retried:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+374"/>
        <source>Started %n fixture(s).</source>
        <translation>
            <numerusform>Started %n fixture.</numerusform>
            <numerusform>Started %n fixtures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Stopping %n fixture(s)…</source>
        <translation>
            <numerusform>Stopping %n fixture…</numerusform>
            <numerusform>Stopping %n fixtures…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+298"/>
        <source>%1 and %n more</source>
        <extracomment>A list of fixtures cut short: &quot;F1, F2, F3, F4, F5, F6, F7, F8 and 5 more&quot;</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>Line (%n need(s) attention)</source>
        <translation>
            <numerusform>Line (%n needs attention)</numerusform>
            <numerusform>Line (%n need attention)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+563"/>
        <source>%1 was signed out after %n minute(s) without a key or a click.</source>
        <translation>
            <numerusform>%1 was signed out after %n minute without a key or a click.</numerusform>
            <numerusform>%1 was signed out after %n minutes without a key or a click.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::OutputView</name>
    <message numerus="yes">
        <location filename="../ui/outputview.cpp" line="+254"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::RecipeBadge</name>
    <message numerus="yes">
        <location filename="../ui/recipebadge.cpp" line="+71"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::RecordsPage</name>
    <message numerus="yes">
        <location filename="../ui/recordspage.cpp" line="+699"/>
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+251"/>
        <source>Wrote %n device(s) for cloud configuration to %1.</source>
        <translation>
            <numerusform>Wrote %n device for cloud configuration to %1.</numerusform>
            <numerusform>Wrote %n devices for cloud configuration to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n device(s) left out: their recipe names no product and device group.</source>
        <translation>
            <numerusform>%n device left out: their recipe names no product and device group.</numerusform>
            <numerusform>%n devices left out: their recipe names no product and device group.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n device(s) left out: a name or device ID the script cannot use.</source>
        <translation>
            <numerusform>%n device left out: a name or device ID the script cannot use.</numerusform>
            <numerusform>%n devices left out: a name or device ID the script cannot use.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::SettingsDialog</name>
    <message numerus="yes">
        <location filename="../ui/settingsdialog.cpp" line="+1008"/>
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::StationStatusBar</name>
    <message numerus="yes">
        <location filename="../ui/stationstatusbar.cpp" line="+73"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n run(s) waiting</source>
        <translation>
            <numerusform>%n run waiting</numerusform>
            <numerusform>%n runs waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n record waiting</numerusform>
            <numerusform>%n records waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>clock off by %n s</source>
        <translation>
            <numerusform>clock off by %n s</numerusform>
            <numerusform>clock off by %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::Tr</name>
    <message numerus="yes">
        <location filename="../services/station/headlessrunner.cpp" line="+180"/>
        <source>%n run(s): %1 PASS, %2 FAIL, %3 ABORTED in %4 s</source>
        <translation>
            <numerusform>%n run: %1 PASS, %2 FAIL, %3 ABORTED in %4 s</numerusform>
            <numerusform>%n runs: %1 PASS, %2 FAIL, %3 ABORTED in %4 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../services/base/jsonreader.cpp" line="+202"/>
        <source>must have at least %n entries</source>
        <translation>
            <numerusform>must have at least %n entry</numerusform>
            <numerusform>must have at least %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../services/recipe/recipeloader.cpp" line="+811"/>
        <source>The recipe is invalid (%n problem(s)):</source>
        <translation>
            <numerusform>The recipe is invalid (%n problem):</numerusform>
            <numerusform>The recipe is invalid (%n problems):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The recipe %1 is invalid (%n problem(s)):</source>
        <translation>
            <numerusform>The recipe %1 is invalid (%n problem):</numerusform>
            <numerusform>The recipe %1 is invalid (%n problems):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../services/records/recordstore.cpp" line="+605"/>
        <source>Run %1 cannot be recorded as PASS: %n of its steps did not pass.</source>
        <translation>
            <numerusform>Run %1 cannot be recorded as PASS: %n of its steps did not pass.</numerusform>
            <numerusform>Run %1 cannot be recorded as PASS: %n of its steps did not pass.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../services/steps/deletetemporarystep.cpp" line="+103"/>
        <source>%n component(s) were not present</source>
        <translation>
            <numerusform>%n component was not present</numerusform>
            <numerusform>%n components were not present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../services/base/strictjson.cpp" line="+116"/>
        <source>the key &quot;%1&quot; appears %n times</source>
        <translation>
            <numerusform>the key &quot;%1&quot; appears %n time</numerusform>
            <numerusform>the key &quot;%1&quot; appears %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/exportcommand.cpp" line="+90"/>
        <source>%n device(s) written to %1</source>
        <translation>
            <numerusform>%n device written to %1</numerusform>
            <numerusform>%n devices written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n device(s) left out: the recipe of their newest passing run names no product and device group (its &quot;cloud&quot; object):</source>
        <translation>
            <numerusform>%n device left out: the recipe of their newest passing run names no product and device group (its &quot;cloud&quot; object):</numerusform>
            <numerusform>%n devices left out: the recipe of their newest passing run names no product and device group (its &quot;cloud&quot; object):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n device(s) left out: the script could not use their line:</source>
        <translation>
            <numerusform>%n device left out: the script could not use their line:</numerusform>
            <numerusform>%n devices left out: the script could not use their line:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+184"/>
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n row written to %1</numerusform>
            <numerusform>%n rows written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/main.cpp" line="+283"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fixture(s)</source>
        <translation>
            <numerusform>%n fixture</numerusform>
            <numerusform>%n fixtures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n run(s) left open earlier were closed as INTERRUPTED</source>
        <translation>
            <numerusform>%n run left open earlier was closed as INTERRUPTED</numerusform>
            <numerusform>%n runs left open earlier were closed as INTERRUPTED</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::YieldPage</name>
    <message numerus="yes">
        <location filename="../ui/yieldpage.cpp" line="+413"/>
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%Ln failed run(s)</source>
        <translation>
            <numerusform>%Ln failed run</numerusform>
            <numerusform>%Ln failed runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln device(s) passed their first run</source>
        <translation>
            <numerusform>%Ln device passed its first run</numerusform>
            <numerusform>%Ln devices passed their first run</numerusform>
        </translation>
    </message>
</context>
</TS>
