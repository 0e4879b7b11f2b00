<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Station::FixtureModel</name>
    <message>
        <location filename="../models/fixturemodel.cpp" line="+202"/>
        <source>%1: %2</source>
        <extracomment>Accessible summary of a tile: &quot;Fixture 3: PASS&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device ID: %1</source>
        <translation>Geräte-ID: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial number: %1</source>
        <translation>Seriennummer: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed step: %1</source>
        <translation>Fehlgeschlagener Schritt: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fixture %1</source>
        <translation>Prüfplatz %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Step %1 of %2</source>
        <extracomment>Progress through the recipe: &quot;Step 3 of 13&quot;</extracomment>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Insert a device</source>
        <translation>Gerät einlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready to start</source>
        <translation>Bereit zum Start</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the device</source>
        <translation>Gerät entnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the next device</source>
        <translation>Nächstes Gerät einlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the device aside for rework</source>
        <translation>Gerät zur Nacharbeit aussortieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped by the operator</source>
        <translation>Vom Bediener gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station stopped during the run: start again</source>
        <translation>Die Station wurde während des Laufs beendet: neu starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device does not answer: reseat the USB cable</source>
        <translation>Das Gerät antwortet nicht: USB-Kabel neu stecken</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>EMPTY</source>
        <extracomment>Tile state: no device in the fixture. Short, upper case where the script has case.</extracomment>
        <translation>LEER</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>READY</source>
        <extracomment>Tile state: a device is present and idle.</extracomment>
        <translation>BEREIT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RUNNING</source>
        <extracomment>Tile state: the recipe is running on the device.</extracomment>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PASS</source>
        <extracomment>Tile state: verdict of the last run.</extracomment>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FAIL</source>
        <extracomment>Tile state: verdict of the last run.</extracomment>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ABORTED</source>
        <extracomment>Tile state: the operator stopped the last run.</extracomment>
        <translation>ABGEBROCHEN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>INTERRUPTED</source>
        <extracomment>Tile state: the station stopped (crash, power cut) during the last run.</extracomment>
        <translation>UNTERBROCHEN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NO RESPONSE</source>
        <extracomment>Tile state: a device is attached but does not answer.</extracomment>
        <translation>KEINE ANTWORT</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No device</source>
        <translation>Kein Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device present</source>
        <translation>Gerät erkannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not answering</source>
        <translation>Antwortet nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <extracomment>Presence not polled yet</extracomment>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>Station::FixtureTileDelegate</name>
    <message>
        <location filename="../ui/fixturetiledelegate.cpp" line="+251"/>
        <source>Start</source>
        <extracomment>Tile button: start the recipe on this fixture</extracomment>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <extracomment>Tile button: abort the run on this fixture</extracomment>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ID %1</source>
        <extracomment>Device ID on a tile, shortened: &quot;ID 352fe1f5…b968&quot;</extracomment>
        <translation>ID %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+10"/>
        <source>%1 · %2</source>
        <extracomment>Step position and name on a tile: &quot;3/13 · Update OS&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 steps passed</source>
        <translation>Alle %1 Schritte bestanden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SN %1</source>
        <extracomment>Serial number on a tile: &quot;SN 12345&quot;</extracomment>
        <translation>SN %1</translation>
    </message>
</context>
<context>
    <name>Station::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+71"/>
        <source>There is no translation for the language &quot;%1&quot;; the station stays in English.</source>
        <translation>Für die Sprache „%1“ gibt es keine Übersetzung; die Station bleibt auf Englisch.</translation>
    </message>
</context>
</TS>
