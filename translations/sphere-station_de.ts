<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Station::AnalyticsPage</name>
    <message>
        <location filename="../ui/analyticspage.cpp" line="+60"/>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;96.4 %&quot;</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Qt&apos;s PostgreSQL driver is not installed (libqt6sql6-psql).</source>
        <translation>Der PostgreSQL-Treiber von Qt ist nicht installiert (libqt6sql6-psql).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The [plant] connection in the station configuration is not valid.</source>
        <translation>Die Einstellung [plant] connection in der Stationskonfiguration ist ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database cannot be reached (server down, or wrong host, port or network).</source>
        <translation>Die Werksdatenbank ist nicht erreichbar (Server aus oder Host, Port oder Netzwerk falsch).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database refused the login.</source>
        <translation>Die Werksdatenbank hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plant login may not read the quality data (it needs the role plant_quality).</source>
        <translation>Die Anmeldung an der Werksdatenbank darf die Qualitätsdaten nicht lesen (sie benötigt die Rolle plant_quality).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database is newer than this station understands.</source>
        <translation>Die Werksdatenbank ist neuer, als diese Station versteht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plant database has no plant schema yet.</source>
        <translation>Die Werksdatenbank hat noch kein Werksschema.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The plant database reported an error.</source>
        <translation>Die Werksdatenbank hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This station</source>
        <translation>Diese Station</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant</source>
        <translation>Werk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every station</source>
        <translation>Alle Stationen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every line</source>
        <translation>Alle Linien</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the analytics again</source>
        <translation>Analysedaten neu lesen</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+394"/>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Yield by hour</source>
        <translation>Ausbeute je Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yield by fixture</source>
        <translation>Ausbeute je Prüfplatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yield by operator</source>
        <translation>Ausbeute je Bediener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yield by station</source>
        <translation>Ausbeute je Station</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Retests</source>
        <translation>Wiederholprüfungen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No plant database is configured (the [plant] connection of the station configuration is empty).</source>
        <translation>Keine Werksdatenbank konfiguriert ([plant] connection in der Stationskonfiguration ist leer).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the plant database…</source>
        <translation>Werksdatenbank wird geprüft…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Plant not available: %1</source>
        <extracomment>Next to the disabled Plant choice: why it is disabled</extracomment>
        <translation>Werk nicht verfügbar: %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No record to read.</source>
        <translation>Keine Prüfdatenbank zum Lesen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the record…</source>
        <translation>Prüfdatenbank wird gelesen…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the plant database…</source>
        <translation>Werksdatenbank wird gelesen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot read the record: %1</source>
        <translation>Die Prüfdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the plant database: %1</source>
        <translation>Die Werksdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>devices tested more than once (of %1); %Ln retest run(s)</source>
        <extracomment>Under the number of retested devices</extracomment>
        <translation>
            <numerusform>Geräte mehrfach geprüft (von %1); %Ln Wiederholprüfung</numerusform>
            <numerusform>Geräte mehrfach geprüft (von %1); %Ln Wiederholprüfungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no devices in this range</source>
        <translation>keine Geräte in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed only on a retest</source>
        <translation>erst in einer Wiederholprüfung bestanden</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln run(s): %1</source>
        <extracomment>Runs per device: &quot;2 runs: 14&quot; (14 devices had two runs)</extracomment>
        <translation>
            <numerusform>%Ln Durchlauf: %1</numerusform>
            <numerusform>%Ln Durchläufe: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Devices by their number of runs:</source>
        <translation>Geräte nach Anzahl der Durchläufe:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No measurements in this range</source>
        <translation>Keine Messwerte in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Distribution: %1</source>
        <extracomment>Title of the histogram: &quot;Distribution: tx_power (dBm)&quot;</extracomment>
        <translation>Verteilung: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cpk %1 · %2</source>
        <extracomment>The capability headline: &quot;Cpk 1.51 · capable&quot;</extracomment>
        <translation>Cpk %1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean %1</source>
        <translation>Mittelwert %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>σ %1</source>
        <translation>σ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cp %1</source>
        <translation>Cp %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>low limit only</source>
        <translation>nur Untergrenze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>high limit only</source>
        <translation>nur Obergrenze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>limits varied: the tightest are used</source>
        <translation>Grenzen variierten: die engsten werden verwendet</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln not a number</source>
        <translation>
            <numerusform>%Ln keine Zahl</numerusform>
            <numerusform>%Ln keine Zahl</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 out of limits</source>
        <translation>%1 außerhalb der Grenzen</translation>
    </message>
</context>
<context>
    <name>Station::CapabilityModel</name>
    <message>
        <location line="-29"/>
        <location filename="../models/capabilitymodel.cpp" line="+118"/>
        <source>%1 (%2)</source>
        <extracomment>A measurement and its unit: &quot;tx_power (dBm)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/capabilitymodel.cpp" line="-78"/>
        <source>%1 %2</source>
        <extracomment>A measured value and its unit: &quot;15.33 dBm&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>too few values</source>
        <extracomment>Instead of a Cpk: fewer than two values</extracomment>
        <translation>zu wenige Werte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no spread</source>
        <extracomment>Instead of a Cpk: every value is the same</extracomment>
        <translation>keine Streuung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limits</source>
        <extracomment>Instead of a Cpk: the measurement has no limits</extracomment>
        <translation>keine Grenzen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No Cpk: it needs at least two values.</source>
        <translation>Kein Cpk: Es werden mindestens zwei Werte benötigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Cpk: every value is the same (the standard deviation is 0).</source>
        <translation>Kein Cpk: Alle Werte sind gleich (die Standardabweichung ist 0).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Cpk: the measurement has neither a low nor a high limit.</source>
        <translation>Kein Cpk: Der Messwert hat weder eine Unter- noch eine Obergrenze.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>capable</source>
        <extracomment>Cpk of 1.33 or more</extracomment>
        <translation>fähig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>marginal</source>
        <extracomment>Cpk from 1.0 up to 1.33</extracomment>
        <translation>bedingt fähig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not capable</source>
        <extracomment>Cpk below 1.0</extracomment>
        <translation>nicht fähig</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The runs recorded different limits; the tightest are shown and used.</source>
        <translation>Die Durchläufe haben unterschiedliche Grenzen gespeichert; die engsten werden gezeigt und verwendet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Measurement</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>n</source>
        <extracomment>Column: how many values</extracomment>
        <translation>n</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>σ</source>
        <extracomment>Column: the sample standard deviation</extracomment>
        <translation>σ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LSL</source>
        <extracomment>Column: lower specification limit</extracomment>
        <translation>LSL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>USL</source>
        <extracomment>Column: upper specification limit</extracomment>
        <translation>USL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cpk</source>
        <translation>Cpk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <extracomment>Column: values recorded out of limits</extracomment>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Station::CommandListModel</name>
    <message>
        <location filename="../models/commandlistmodel.cpp" line="+133"/>
        <source>#</source>
        <extracomment>Column header: the call&apos;s position within the step</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool outcome</source>
        <translation>Tool-Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Station::DeviceViewWidget</name>
    <message>
        <location filename="../ui/deviceviewwidget.cpp" line="+297"/>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+198"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Copy the full device ID</source>
        <translation>Vollständige Geräte-ID kopieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture</source>
        <translation>Prüfplatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS version</source>
        <translation>OS-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manufacturing state</source>
        <translation>Fertigungszustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+562"/>
        <source>Runs of this device</source>
        <translation>Läufe dieses Geräts</translation>
    </message>
    <message>
        <location line="-541"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Copy this command line</source>
        <translation>Diese Befehlszeile kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy all</source>
        <translation>Alle kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy every command line of this step, one per line</source>
        <translation>Alle Befehlszeilen dieses Schritts kopieren, eine pro Zeile</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+542"/>
        <source>Standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <location line="-540"/>
        <source>Standard error</source>
        <translation>Standardfehlerausgabe</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tool calls</source>
        <translation>Tool-Aufrufe</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Runs of this device (%1 at this station; the plant cannot be read: %2)</source>
        <translation>Durchläufe dieses Geräts (%1 an dieser Station; Werksdatenbank nicht lesbar: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read the plant: %1</source>
        <translation>Werksdatenbank nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No plant database is configured.</source>
        <translation>Keine Werksdatenbank konfiguriert.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The record is not open.</source>
        <translation>Die Prüfdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not read yet</source>
        <translation>Noch nicht gelesen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Why it failed — step %1: %2</source>
        <translation>Fehlerursache — Schritt %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it failed</source>
        <translation>Fehlerursache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it failed — step %1</source>
        <translation>Fehlerursache — Schritt %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped by the operator</source>
        <translation>Vom Bediener gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interrupted: the station stopped before the run finished</source>
        <translation>Unterbrochen: Die Station wurde vor dem Ende des Laufs beendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station closed or lost power while this run was going on. The steps recorded before that are shown below.</source>
        <translation>Die Station wurde während dieses Laufs geschlossen oder verlor die Stromversorgung. Die bis dahin gespeicherten Schritte stehen unten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No cause was recorded.</source>
        <translation>Es wurde keine Ursache gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do: %1</source>
        <translation>Maßnahme: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Runs of this device (%1, at %n station(s))</source>
        <extracomment>The device view&apos;s run list with the plant: &quot;Runs of this device (5, at 3 stations)&quot;</extracomment>
        <translation>
            <numerusform>Durchläufe dieses Geräts (%1, an %n Station)</numerusform>
            <numerusform>Durchläufe dieses Geräts (%1, an %n Stationen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs of this device (%1)</source>
        <translation>Läufe dieses Geräts (%1)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Waiting for the first step</source>
        <translation>Warten auf den ersten Schritt</translation>
    </message>
    <message>
        <location line="-870"/>
        <source>The station already sideloaded the trusted keystore %1 and tried the image again; the device still does not trust it. Check that this keystore package belongs to the key that signed the image (ask for the current one), or recover the device to a newer OS, then run the device again.</source>
        <translation>Die Station hat den vertrauenswürdigen Keystore %1 bereits selbst geladen und das Image erneut versucht; das Gerät vertraut ihm weiterhin nicht. Prüfen Sie, ob dieses Keystore-Paket zum Schlüssel gehört, mit dem das Image signiert ist (fragen Sie nach dem aktuellen), oder stellen Sie das Gerät auf ein neueres Betriebssystem wieder her; dann das Gerät erneut durchlaufen lassen.</translation>
    </message>
    <message>
        <location line="+871"/>
        <source>No step selected</source>
        <translation>Kein Schritt ausgewählt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Cause:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ursache:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;What to do:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Maßnahme:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Note:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Hinweis:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This step ran no tool.</source>
        <translation>Dieser Schritt hat kein Tool aufgerufen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No output</source>
        <translation>Keine Ausgabe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>[output truncated by the station at 1 MiB]</source>
        <translation>[Ausgabe von der Station bei 1 MiB abgeschnitten]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The step is running; its command lines appear when it finishes.</source>
        <translation>Der Schritt läuft; seine Befehlszeilen erscheinen, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live output</source>
        <translation>Live-Ausgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for output…</source>
        <translation>Warten auf Ausgabe…</translation>
    </message>
</context>
<context>
    <name>Station::FixtureConfigModel</name>
    <message>
        <location filename="../models/fixtureconfigmodel.cpp" line="+106"/>
        <source>The FTDI location ID of the fixture&apos;s USB port (digits, e.g. 1243). It stays the same across reboots.</source>
        <translation>Die FTDI-Location-ID des USB-Ports des Prüfplatzes (Ziffern, z. B. 1243). Sie bleibt auch nach Neustarts gleich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used where the SDK reports no connection path (Linux): 192.168.35.2 for the first device.</source>
        <translation>Wird verwendet, wenn das SDK keinen Verbindungspfad meldet (Linux): 192.168.35.2 für das erste Gerät.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The serial port of the fixture&apos;s UART, e.g. /dev/ttyUSB3.</source>
        <translation>Die serielle Schnittstelle des UART am Prüfplatz, z. B. /dev/ttyUSB3.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fixture</source>
        <extracomment>Column header: fixture number</extracomment>
        <translation>Prüfplatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection path</source>
        <translation>Verbindungspfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UART port</source>
        <translation>UART-Port</translation>
    </message>
</context>
<context>
    <name>Station::FixtureModel</name>
    <message>
        <location filename="../models/fixturemodel.cpp" line="+186"/>
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
        <location filename="../ui/mainwindow.cpp" line="+904"/>
        <location filename="../models/fixturemodel.cpp" line="+10"/>
        <source>Fixture %1</source>
        <translation>Prüfplatz %1</translation>
    </message>
    <message>
        <location filename="../models/fixturemodel.cpp" line="+23"/>
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
        <location line="+15"/>
        <source>Finished in run %1: set aside</source>
        <extracomment>A device put back after it was finished: &quot;Finished in run 42: set aside&quot;</extracomment>
        <translation>In Lauf %1 finalisiert: aussortieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already passed (run %1)</source>
        <extracomment>The device in the fixture passed the loaded recipe before</extracomment>
        <translation>Bereits bestanden (Lauf %1)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Ready to start</source>
        <translation>Bereit zum Start</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Insert a device: it starts by itself</source>
        <translation>Gerät einlegen: es startet von selbst</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starts by itself in a moment</source>
        <extracomment>Hands-free: the device answers and starts once it has settled</extracomment>
        <translation>Startet gleich von selbst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to start; hands-free starts the next device</source>
        <extracomment>Hands-free starts only a device that was not in the fixture before</extracomment>
        <translation>Bereit zum Start; automatisch startet erst das nächste Gerät</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../ui/fixturetiledelegate.cpp" line="+269"/>
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
        <location line="+19"/>
        <location line="+123"/>
        <source>ID %1</source>
        <extracomment>Device ID on a tile, shortened: &quot;ID 352fe1f5…b968&quot;</extracomment>
        <translation>ID %1</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+21"/>
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
        <location line="-42"/>
        <location line="+121"/>
        <source>SN %1</source>
        <extracomment>Serial number on a tile: &quot;SN 12345&quot;</extracomment>
        <translation>SN %1</translation>
    </message>
</context>
<context>
    <name>Station::GuiMain</name>
    <message>
        <location filename="../app/guimain.cpp" line="+109"/>
        <source>Sphere Station cannot start</source>
        <translation>Sphere Station kann nicht starten</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n run(s) left open when the station last stopped were closed as INTERRUPTED.</source>
        <translation>
            <numerusform>%n Lauf, der beim letzten Beenden der Station offen war, wurde als UNTERBROCHEN abgeschlossen.</numerusform>
            <numerusform>%n Läufe, die beim letzten Beenden der Station offen waren, wurden als UNTERBROCHEN abgeschlossen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::HistogramChart</name>
    <message>
        <location filename="../ui/histogramchart.cpp" line="+48"/>
        <source>No values in this range</source>
        <translation>Keine Werte in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>LSL %1</source>
        <extracomment>The lower specification limit in the histogram&apos;s legend: &quot;LSL 10&quot;</extracomment>
        <translation>LSL %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>USL %1</source>
        <translation>USL %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mean %1</source>
        <translation>Mittelwert %1</translation>
    </message>
</context>
<context>
    <name>Station::KeyboardHelpDialog</name>
    <message>
        <location filename="../ui/keyboardhelp.cpp" line="+27"/>
        <source>%1 (%2)</source>
        <extracomment>A tooltip with its key: &quot;Start every fixture that holds an idle device (F5)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The station&apos;s keys. A barcode scanner works wherever the focus is: what it reads goes to the label of the next fixture.</source>
        <translation>Die Tasten der Station. Ein Barcodescanner funktioniert überall, wo der Fokus ist: Was er liest, wird das Etikett des nächsten Prüfplatzes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>Wirkung</translation>
    </message>
</context>
<context>
    <name>Station::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-733"/>
        <source>Runs are active</source>
        <translation>Läufe aktiv</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fixture(s) are still running. Closing stops them; their devices will need to be run again.

Stop every run and close?</source>
        <translation>
            <numerusform>%n Prüfplatz läuft noch. Schließen stoppt ihn; sein Gerät muss erneut durchlaufen.

Alle Läufe stoppen und schließen?</numerusform>
            <numerusform>%n Prüfplätze laufen noch. Schließen stoppt sie; ihre Geräte müssen erneut durchlaufen.

Alle Läufe stoppen und schließen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+1131"/>
        <source>Line</source>
        <extracomment>Page with the fixture tiles
----------
Tab of the Line page while fixtures failed or do not answer: &quot;Line (2 need attention)&quot;</extracomment>
        <translation>Linie</translation>
    </message>
    <message>
        <location line="-1063"/>
        <source>an earlier write failed</source>
        <translation>ein früherer Schreibvorgang ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open recipe…</source>
        <translation>Rezept öffnen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Load a recipe file</source>
        <translation>Rezeptdatei laden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start all</source>
        <translation>Alle starten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop all</source>
        <translation>Alle stoppen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Show the device opened last</source>
        <translation>Das zuletzt geöffnete Gerät zeigen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Early</source>
        <translation>Früh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late</source>
        <translation>Spät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Run this device again?</source>
        <translation>Gerät erneut durchlaufen lassen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Run it through the recipe again?</source>
        <translation>%1

Erneut mit dem Rezept durchlaufen lassen?</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1: the label %2 was released because its device left the fixture. Scan the label of the device now in it.</source>
        <translation>%1: Das Etikett %2 wurde freigegeben, weil sein Gerät den Prüfplatz verlassen hat. Etikett des jetzt eingelegten Geräts scannen.</translation>
    </message>
    <message>
        <location line="+81"/>
        <location line="+523"/>
        <source>Start every fixture that holds an idle device</source>
        <translation>Alle Prüfplätze mit einem wartenden Gerät starten</translation>
    </message>
    <message>
        <location line="-517"/>
        <source>Stop every running fixture</source>
        <translation>Alle laufenden Prüfplätze stoppen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start selected</source>
        <translation>Auswahl starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the selected fixture</source>
        <translation>Den ausgewählten Prüfplatz starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop selected</source>
        <translation>Auswahl stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected fixture</source>
        <translation>Den ausgewählten Prüfplatz stoppen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next failure</source>
        <translation>Nächster Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the next fixture that failed or does not answer</source>
        <translation>Den nächsten Prüfplatz auswählen, der fehlgeschlagen ist oder nicht antwortet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous failure</source>
        <translation>Vorheriger Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the previous fixture that failed or does not answer</source>
        <translation>Den vorherigen Prüfplatz auswählen, der fehlgeschlagen ist oder nicht antwortet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station configuration: back end, tools, fixtures, language</source>
        <translation>Stationskonfiguration: Backend, Tools, Prüfplätze, Sprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in, or switch to another user (badge and PIN, or name and password)</source>
        <translation>Anmelden oder den Benutzer wechseln (Ausweis und PIN, oder Name und Passwort)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out; runs that are going on continue</source>
        <translation>Abmelden; laufende Prüfungen laufen weiter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keys…</source>
        <translation>Tasten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every key of the station</source>
        <translation>Alle Tasten der Station</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line page</source>
        <translation>Seite Linie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the fixture tiles</source>
        <translation>Die Prüfplatz-Kacheln zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+849"/>
        <source>Records page</source>
        <translation>Seite Prüfdaten</translation>
    </message>
    <message>
        <location line="-849"/>
        <source>Show the recorded runs</source>
        <translation>Die protokollierten Durchläufe zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+849"/>
        <source>Yield page</source>
        <translation>Seite Ausbeute</translation>
    </message>
    <message>
        <location line="-849"/>
        <source>Show the yield and the failure Pareto</source>
        <translation>Ausbeute und Fehler-Pareto zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device view</source>
        <translation>Geräteansicht</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Back to the line</source>
        <translation>Zurück zur Linie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the device view for the tiles</source>
        <translation>Die Geräteansicht verlassen, zurück zu den Kacheln</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Label scan:</source>
        <translation>Etikett-Scan:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a device label</source>
        <translation>Geräteetikett scannen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scanner works wherever the focus is, on every page. You can also type a label here and press Enter.</source>
        <translation>Der Scanner funktioniert überall, wo der Fokus ist, auf jeder Seite. Sie können ein Etikett auch hier eintippen und Enter drücken.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Sphere Station</source>
        <translation>Sphere Station</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sphere Station — %1</source>
        <translation>Sphere Station — %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The plant database&apos;s accounts have arrived: sign in with yours.</source>
        <translation>Die Konten der Werksdatenbank sind angekommen: Melden Sie sich mit Ihrem an.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Recipe %1 not loaded: the recipe %2 is still loading; wait for it or cancel it first.</source>
        <translation>Rezept %1 nicht geladen: Das Rezept %2 wird noch geladen; warten, bis es fertig ist, oder das Laden zuerst abbrechen.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Recipe %1 not loaded: wait until every running fixture has finished, or stop them, before changing the recipe.</source>
        <translation>Rezept %1 nicht geladen: Vor dem Rezeptwechsel warten, bis alle laufenden Prüfplätze fertig sind, oder sie stoppen.</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Users…</source>
        <translation>Benutzer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add users, change their role, badge or password, unlock them (admins)</source>
        <translation>Benutzer anlegen, Rolle, Ausweis oder Passwort ändern, entsperren (Administratoren)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+848"/>
        <source>Analytics page</source>
        <translation>Seite Analyse</translation>
    </message>
    <message>
        <location line="-847"/>
        <source>Show the measurements&apos; capability, yield by group and retests</source>
        <translation>Prozessfähigkeit der Messwerte, Ausbeute nach Gruppe und Wiederholprüfungen zeigen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Delivery to the plant</source>
        <translation>Übertragung an das Werk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plant has refused no rows.</source>
        <translation>Das Werk hat keine Zeilen abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The plant refused %n row(s); they are kept here until retried:</source>
        <translation>
            <numerusform>Das Werk hat %n Zeile abgelehnt; sie bleibt hier, bis sie erneut gesendet wird:</numerusform>
            <numerusform>Das Werk hat %n Zeilen abgelehnt; sie bleiben hier, bis sie erneut gesendet werden:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Retry all</source>
        <translation>Alle erneut senden</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Recipe %1 not loaded: the load was cancelled.</source>
        <translation>Rezept %1 nicht geladen: Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <location line="+42"/>
        <source>Recipe %1 not loaded: %2</source>
        <translation>Rezept %1 nicht geladen: %2</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Recipe %1 not loaded: a fixture started while it was loading. Wait until every running fixture has finished, or stop them, and open it again.</source>
        <translation>Rezept %1 nicht geladen: Während des Ladens wurde ein Prüfplatz gestartet. Warten, bis alle laufenden Prüfplätze fertig sind, oder sie stoppen, und das Rezept erneut öffnen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recipe %1 not loaded: it has RF steps, but RfSettingsTool or RfToolCli is not configured or not found.</source>
        <translation>Rezept %1 nicht geladen: Es enthält RF-Schritte, aber RfSettingsTool oder RfToolCli ist nicht konfiguriert oder nicht vorhanden.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recipe %1 %2 makes devices permanent and this file (SHA-256 %3…) is not approved yet, so no recipe is loaded. An engineer or admin approves it by opening it (Open recipe…) after signing in.</source>
        <translation>Rezept %1 %2 macht Geräte dauerhaft, und diese Datei (SHA-256 %3…) ist noch nicht freigegeben; daher ist kein Rezept geladen. Ein Ingenieur oder Administrator gibt es frei, indem er es nach dem Anmelden öffnet (Rezept öffnen…).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recipe %1 %2 not loaded: it makes devices permanent and this file (SHA-256 %3…) is not approved. %4</source>
        <translation>Rezept %1 %2 nicht geladen: Es macht Geräte endgültig, und diese Datei (SHA-256 %3…) ist nicht freigegeben. %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recipe %1 %2 not loaded: its approval was declined.</source>
        <translation>Rezept %1 %2 nicht geladen: Die Freigabe wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recipe %1 %2 approved by %3 (SHA-256 %4…).</source>
        <translation>Rezept %1 %2 freigegeben von %3 (SHA-256 %4…).</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Recipe %1 %2 not loaded: it sets devices to %3 and was declined.</source>
        <translation>Rezept %1 %2 nicht geladen: Es setzt Geräte auf %3 und wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recipe loaded: %1 %2</source>
        <translation>Rezept geladen: %1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No other recipe can be opened while the recipe %1 is loading; wait for it or cancel it first.</source>
        <translation>Solange das Rezept %1 geladen wird, kann kein anderes Rezept geöffnet werden; warten, bis es fertig ist, oder das Laden zuerst abbrechen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open recipe</source>
        <translation>Rezept öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>Rezepte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1 %2–%3</source>
        <extracomment>Toolbar, under &quot;Shift&quot;: &quot;Early 06:00–14:00&quot;</extracomment>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 not started: %2</source>
        <extracomment>A refused start: &quot;F3 not started: Scan the device&apos;s label first.&quot;</extracomment>
        <translation>%1 nicht gestartet: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing started: %1</source>
        <extracomment>Start all refused for the whole station: &quot;Nothing started: No recipe is loaded.&quot;</extracomment>
        <translation>Nichts gestartet: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not started (%1): %2</source>
        <extracomment>&quot;Not started (F3, F5): Scan the device&apos;s label first.&quot;</extracomment>
        <translation>Nicht gestartet (%1): %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped (%1): these devices already passed this recipe; start one by itself to run it again.</source>
        <extracomment>Start all leaves devices that already passed the loaded recipe alone</extracomment>
        <translation>Übersprungen (%1): Diese Geräte haben das Rezept bereits bestanden; zum erneuten Durchlauf einzeln starten.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Started %n fixture(s).</source>
        <translation>
            <numerusform>%n Prüfplatz gestartet.</numerusform>
            <numerusform>%n Prüfplätze gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to start: no fixture holds an idle device.</source>
        <translation>Nichts zu starten: Kein Prüfplatz hat ein wartendes Gerät.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: stopping…</source>
        <translation>%1: wird gestoppt…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Stopping %n fixture(s)…</source>
        <translation>
            <numerusform>%n Prüfplatz wird gestoppt…</numerusform>
            <numerusform>%n Prüfplätze werden gestoppt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>it does not have the form %1 that the recipe expects (pattern %2).</source>
        <extracomment>A label of the wrong shape: &quot;it does not have the form SPH-24-00001 that the recipe expects (pattern ^SPH-d{2}-d{5}$)&quot;</extracomment>
        <translation>es hat nicht die Form %1, die das Rezept erwartet (Muster %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it does not match the recipe&apos;s label pattern %1.</source>
        <translation>es passt nicht zum Etikettenmuster %1 des Rezepts.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Label %1 not bound: every fixture with a device is running (%2). Scan it again when a run has ended, or put the device into an empty fixture first.</source>
        <extracomment>A label scanned while every fixture with a device runs: &quot;Label SN-1 not bound: every fixture with a device is running (F1, F2). Scan it again when a run has ended, or put the device into an empty fixture first.&quot;</extracomment>
        <translation>Etikett %1 nicht zugeordnet: Jeder Prüfplatz mit einem Gerät läuft (%2). Scannen Sie es erneut, wenn ein Durchlauf beendet ist, oder setzen Sie das Gerät zuerst in einen leeren Prüfplatz ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label %1 not bound: no fixture holds a device waiting for a label. Put the device into a fixture, then scan again.</source>
        <translation>Etikett %1 nicht zugeordnet: Kein Prüfplatz hält ein Gerät, das auf ein Etikett wartet. Setzen Sie das Gerät in einen Prüfplatz ein und scannen Sie erneut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Label %1 not bound: the selected %2 is running, and a running device keeps its label. Select a fixture that waits for a label (arrow keys or a click), then scan again.</source>
        <translation>Etikett %1 nicht zugeordnet: Der ausgewählte Prüfplatz %2 läuft, und ein laufendes Gerät behält sein Etikett. Wählen Sie einen Prüfplatz, der auf ein Etikett wartet (Pfeiltasten oder Klick), und scannen Sie erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MAC address %1 → %2</source>
        <translation>MAC-Adresse %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Label %1 refused for %2: %3</source>
        <extracomment>A refused label scan: &quot;Label SN-1 refused for F3: the label ... belongs to another device&quot;</extracomment>
        <translation>Etikett %1 für %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label %1 → %2</source>
        <extracomment>A label bound by a scan: &quot;Label SN-1 → F3&quot;</extracomment>
        <translation>Etikett %1 → %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Read &quot;%1&quot; without an Enter at the end: check it in the scan field and press Enter.</source>
        <translation>„%1“ ohne abschließendes Enter gelesen: im Scanfeld prüfen und die Eingabetaste drücken.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read &quot;%1&quot; without an Enter at the end: it waits in the scan field of the Line page; check it there and press Enter.</source>
        <translation>„%1“ ohne Enter am Ende gelesen: Es wartet im Scanfeld der Seite Linie; prüfen Sie es dort und drücken Sie Enter.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fixture %1…: type the next digit, or wait to start fixture %1</source>
        <extracomment>Status bar while a fixture number is typed: &quot;Fixture 1…: type the next digit, or wait to start fixture 1&quot;</extracomment>
        <translation>Prüfplatz %1…: nächste Ziffer tippen oder warten, um Prüfplatz %1 zu starten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no fixture %1 on this station.</source>
        <translation>Diese Station hat keinen Prüfplatz %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>No fixture is selected: select a tile with the arrow keys or a click first.</source>
        <translation>Kein Prüfplatz ausgewählt: Wählen Sie zuerst eine Kachel mit den Pfeiltasten oder einem Klick.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No fixture has failed or stopped answering.</source>
        <translation>Kein Prüfplatz ist fehlgeschlagen oder antwortet nicht mehr.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The font lacks characters of this language (%1); they show as boxes. Install a font for it (fonts-noto-cjk for Chinese).</source>
        <translation>Der Schrift fehlen Zeichen dieser Sprache (%1); sie erscheinen als Kästchen. Installieren Sie eine Schrift dafür (fonts-noto-cjk für Chinesisch).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start that fixture (Line page)</source>
        <translation>Diesen Prüfplatz starten (Seite Linie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 and above</source>
        <translation>10 und höher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the fixture number&apos;s digits one after the other: 1, then 2 starts fixture 12</source>
        <translation>Die Ziffern der Prüfplatznummer nacheinander tippen: 1, dann 2 startet Prüfplatz 12</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a tile (the next label goes to it)</source>
        <translation>Eine Kachel auswählen (das nächste Etikett geht an sie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected tile&apos;s device view</source>
        <translation>Die Geräteansicht der ausgewählten Kachel öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device view, in a search of the output: next / previous match</source>
        <translation>Geräteansicht, in der Suche in der Ausgabe: nächster / vorheriger Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A label read anywhere goes to the next fixture waiting for one (or the selected tile)</source>
        <translation>Ein überall gelesenes Etikett geht an den nächsten Prüfplatz, der auf eines wartet (oder an die ausgewählte Kachel)</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 and %n more</source>
        <extracomment>A list of fixtures cut short: &quot;F1, F2, F3, F4, F5, F6, F7, F8 and 5 more&quot;</extracomment>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 FAIL at %2: %3</source>
        <extracomment>A run that failed: &quot;F4 FAIL at Install ProductApp: The device has no room ...&quot;</extracomment>
        <translation>%1 FEHLER bei %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown step</source>
        <translation>einem unbekannten Schritt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the device does not answer; reseat its USB cable.</source>
        <translation>%1: Das Gerät antwortet nicht; stecken Sie sein USB-Kabel neu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the run was interrupted before it finished.</source>
        <translation>%1: Der Durchlauf wurde vor seinem Ende unterbrochen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed: %1</source>
        <extracomment>Under the label scan: &quot;Failed: F4, F12&quot;</extracomment>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer: %1</source>
        <extracomment>Under the label scan: &quot;No answer: F7&quot;</extracomment>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Line (%n need(s) attention)</source>
        <translation>
            <numerusform>Linie (%n braucht Aufmerksamkeit)</numerusform>
            <numerusform>Linie (%n brauchen Aufmerksamkeit)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No fixture is waiting for a label</source>
        <translation>Kein Prüfplatz wartet auf ein Etikett</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next label goes to %1 (selected)</source>
        <extracomment>Below the scan field: where the next scanned label goes</extracomment>
        <translation>Nächstes Etikett geht an %1 (ausgewählt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next label goes to %1</source>
        <translation>Nächstes Etikett geht an %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The record cannot be written: %1</source>
        <translation>Die Prüfdatenbank kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record is writable again; fixtures can be started.</source>
        <translation>Die Prüfdatenbank ist wieder beschreibbar; Prüfplätze können gestartet werden.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>All runs finished: %1 PASS, %2 FAIL (%4), %3 stopped.</source>
        <extracomment>Summary when the line falls idle: &quot;All runs finished: 7 PASS, 1 FAIL (F4), 0 stopped&quot;</extracomment>
        <translation>Alle Durchläufe beendet: %1 BESTANDEN, %2 FEHLER (%4), %3 gestoppt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All runs finished: %1 PASS, %2 FAIL, %3 stopped.</source>
        <extracomment>Summary when the line falls idle: &quot;All runs finished: 7 PASS, 0 FAIL, 0 stopped&quot;</extracomment>
        <translation>Alle Läufe beendet: %1 BESTANDEN, %2 FEHLER, %3 gestoppt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the device was swapped during the run (%2 → %3).</source>
        <translation>%1: Das Gerät wurde während des Laufs getauscht (%2 → %3).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Export recorded in the audit trail (%1).</source>
        <translation>Export im Audit-Trail vermerkt (%1).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Records</source>
        <translation>Prüfdaten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yield</source>
        <translation>Ausbeute</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Analytics</source>
        <extracomment>Page of the measurement capability (Cpk), yield by group and retests (quality staff)</extracomment>
        <translation>Analyse</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No plant database is configured: set [plant] readConnection in the station&apos;s settings to a login that reads the plant (see docs/plant-views.md).</source>
        <translation>Keine Werksdatenbank konfiguriert: In den Stationseinstellungen [plant] readConnection auf eine Anmeldung setzen, die das Werk lesen darf (siehe docs/plant-views.md).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Device: %1 run %2</source>
        <extracomment>Tab of the device view on another station&apos;s run: &quot;Device: LINE1-PC2 run 1234&quot;</extracomment>
        <translation>Gerät: %1 Durchlauf %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record cannot be read: %1</source>
        <translation>Die Prüfdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 has no run to show yet.</source>
        <translation>%1 hat noch keinen Lauf zum Anzeigen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Device: %1</source>
        <extracomment>Tab of the device view: &quot;Device: F3&quot;</extracomment>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>%1 · %2</source>
        <extracomment>The signed-in user in the tool bar: &quot;Ana Weber · Operator&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as %1 (%2). F2: switch user, Shift+F2: sign out.</source>
        <translation>Angemeldet als %1 (%2). F2: Benutzer wechseln, Umschalt+F2: abmelden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in (F2)</source>
        <translation>Anmelden (F2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody is signed in. F2: sign in with your badge and PIN, or your name and password.</source>
        <translation>Niemand ist angemeldet. F2: mit Ausweis und PIN oder mit Name und Passwort anmelden.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This station takes its accounts from the plant database, which has not sent them yet. When they arrive this form gives way to the sign-in. Create a local admin only if the station must work before that.</source>
        <translation>Diese Station bezieht ihre Konten aus der Werksdatenbank, die sie noch nicht gesendet hat. Sobald sie ankommen, weicht dieses Formular der Anmeldung. Legen Sie nur dann einen lokalen Administrator an, wenn die Station schon vorher arbeiten muss.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is the first admin of this station.</source>
        <translation>%1 ist der erste Administrator dieser Station.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Signed in: %1 (%2).</source>
        <translation>Angemeldet: %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 was signed out after %n minute(s) without a key or a click.</source>
        <translation>
            <numerusform>%1 wurde nach %n Minute ohne Taste oder Klick abgemeldet.</numerusform>
            <numerusform>%1 wurde nach %n Minuten ohne Taste oder Klick abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed out: %1. Runs that are going on continue.</source>
        <translation>Abgemeldet: %1. Laufende Prüfungen laufen weiter.</translation>
    </message>
    <message>
        <location line="-303"/>
        <location line="+70"/>
        <source>Device: run %1</source>
        <extracomment>Tab of the device view opened from the records: &quot;Device: run 1234&quot;</extracomment>
        <translation>Gerät: Lauf %1</translation>
    </message>
    <message>
        <location line="-840"/>
        <source>Settings saved to %1. Sign-in settings apply now; back end, tools, fixtures and files take effect when the station starts next.</source>
        <translation>Einstellungen in %1 gespeichert. Die Anmeldeeinstellungen gelten sofort; Backend, Werkzeuge, Prüfplätze und Dateien gelten ab dem nächsten Start der Station.</translation>
    </message>
    <message>
        <location line="+903"/>
        <source>Stopping the station…</source>
        <translation>Station wird beendet…</translation>
    </message>
</context>
<context>
    <name>Station::MeasurementModel</name>
    <message>
        <location filename="../models/measurementmodel.cpp" line="+45"/>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out of limits</source>
        <translation>Grenzwert verletzt</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Measurement</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low</source>
        <extracomment>Column header: lower limit of a measurement</extracomment>
        <translation>Untergrenze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High</source>
        <extracomment>Column header: upper limit of a measurement</extracomment>
        <translation>Obergrenze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Station::MessageArea</name>
    <message>
        <location filename="../ui/messagearea.cpp" line="+78"/>
        <source>No messages</source>
        <translation>Keine Meldungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the messages</source>
        <translation>Meldungen entfernen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1  %2</source>
        <extracomment>A message line: &quot;10:31:07 Fixture 3: scan the label first&quot;</extracomment>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>Station::OutputView</name>
    <message>
        <location filename="../ui/outputview.cpp" line="+77"/>
        <source>Find in output</source>
        <translation>In Ausgabe suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No output</source>
        <translation>Keine Ausgabe</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 · 1 line</source>
        <translation>%1 · 1 Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 lines</source>
        <translation>%1 · %2 Zeilen</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 of %2</source>
        <extracomment>Search position: &quot;3 of 12&quot;</extracomment>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>Station::ParetoChart</name>
    <message>
        <location filename="../ui/paretochart.cpp" line="+63"/>
        <source>No failures in this range</source>
        <translation>Keine Fehler in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Other (%1 kinds)</source>
        <translation>Sonstige (%1 Arten)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Failures</source>
        <translation>Fehleranzahl</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cumulative %</source>
        <translation>Kumuliert %</translation>
    </message>
</context>
<context>
    <name>Station::ParetoModel</name>
    <message>
        <location filename="../models/paretomodel.cpp" line="+53"/>
        <location line="+2"/>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;12.5 %&quot;</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failures</source>
        <translation>Fehleranzahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cumulative</source>
        <extracomment>Column header: running total of the shares in a Pareto table</extracomment>
        <translation>Kumuliert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest cause</source>
        <translation>Letzte Ursache</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(unknown step)</source>
        <translation>(unbekannter Schritt)</translation>
    </message>
</context>
<context>
    <name>Station::PermanentRecipeDialog</name>
    <message>
        <location filename="../ui/permanentrecipedialog.cpp" line="+36"/>
        <source>Approve a recipe that makes devices permanent</source>
        <translation>Rezept freigeben, das Geräte endgültig macht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipe makes devices permanent</source>
        <translation>Rezept mit dauerhafter Zustandsänderung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Its last step sets every device that passes all earlier steps to the manufacturing state %1.

This is permanent and cannot be undone: a %1 device can no longer be recovered, sideloaded for development or returned to an earlier state. Use this recipe only for devices that are ready to ship.

You are asked once now, not for each device.</source>
        <translation>Der letzte Schritt dieses Rezepts setzt jedes Gerät, das alle vorherigen Schritte bestanden hat, in den Fertigungszustand %1.

Das ist dauerhaft und kann nicht rückgängig gemacht werden: Ein Gerät im Zustand %1 kann nicht mehr wiederhergestellt, nicht mehr für die Entwicklung per Sideload bespielt und nicht in einen früheren Zustand zurückversetzt werden. Dieses Rezept nur für versandbereite Geräte verwenden.

Diese Frage erscheint jetzt einmal, nicht für jedes Gerät.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This file is not approved yet. You approve it as %1; the approval is kept with the file&apos;s SHA-256 %2, so a changed file needs a new approval. Give the reason (for example the change request):</source>
        <translation>Diese Datei ist noch nicht freigegeben. Sie geben sie als %1 frei; die Freigabe gilt für den SHA-256 %2 der Datei, eine geänderte Datei braucht also eine neue Freigabe. Geben Sie den Grund an (zum Beispiel den Änderungsantrag):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Load recipe</source>
        <translation>Rezept laden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approve and load</source>
        <translation>Freigeben und laden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Don&apos;t load</source>
        <translation>Nicht laden</translation>
    </message>
</context>
<context>
    <name>Station::RangeSelector</name>
    <message>
        <location filename="../ui/rangeselector.cpp" line="+122"/>
        <location line="+46"/>
        <source>All runs</source>
        <translation>Alle Läufe</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Current shift</source>
        <translation>Aktuelle Schicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous shift</source>
        <translation>Vorherige Schicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Early shift</source>
        <translation>Frühschicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late shift</source>
        <translation>Spätschicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Night shift</source>
        <translation>Nachtschicht</translation>
    </message>
</context>
<context>
    <name>Station::RecipeBadge</name>
    <message>
        <location filename="../ui/recipebadge.cpp" line="+24"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 %2</source>
        <extracomment>Toolbar: recipe name and version, &quot;Full preparation 1.4.0&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PERMANENT: %1</source>
        <extracomment>Toolbar badge of a recipe that ends in an irreversible manufacturing state.</extracomment>
        <translation>DAUERHAFT: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices that pass this recipe are set to %1. This cannot be undone.</source>
        <translation>Geräte, die dieses Rezept bestehen, werden auf %1 gesetzt. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recipe loaded</source>
        <translation>Kein Rezept geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a recipe to start devices.</source>
        <translation>Ein Rezept öffnen, um Geräte zu starten.</translation>
    </message>
</context>
<context>
    <name>Station::RecipeLoadBar</name>
    <message>
        <location filename="../ui/recipeloadbar.cpp" line="+36"/>
        <source>Cancel loading</source>
        <extracomment>Stops loading a recipe; the recipe that was loaded before stays.</extracomment>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop loading this recipe; the current recipe stays</source>
        <translation>Das Laden dieses Rezepts abbrechen; das aktuelle Rezept bleibt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading recipe %1…</source>
        <extracomment>Status bar while a recipe loads, before its first file is read: &quot;Loading recipe quick.json…&quot;</extracomment>
        <translation>Rezept %1 wird geladen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading recipe %1: checking %2 (%3 of %4)</source>
        <extracomment>Status bar while a recipe loads: &quot;Loading recipe big.json: checking recovery.imagepackage (120 MB of 200 MB)&quot;</extracomment>
        <translation>Rezept %1 wird geladen: %2 wird geprüft (%3 von %4)</translation>
    </message>
</context>
<context>
    <name>Station::RecordErrorBanner</name>
    <message>
        <location filename="../ui/recorderrorbanner.cpp" line="+61"/>
        <source>The record cannot be written: %1
No new run can start until it can. Runs already going on keep their results in memory and the station keeps trying to save them.</source>
        <translation>Die Prüfdatenbank kann nicht geschrieben werden: %1
Bis dahin kann kein neuer Lauf starten. Laufende Läufe behalten ihre Ergebnisse im Speicher; die Station versucht weiter, sie zu speichern.</translation>
    </message>
</context>
<context>
    <name>Station::RecordsModel</name>
    <message>
        <location filename="../models/recordsmodel.cpp" line="+106"/>
        <source>Started %1
Finished %2</source>
        <translation>Gestartet %1
Beendet %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Run</source>
        <extracomment>Column header: the run&apos;s number in the record</extracomment>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station</source>
        <extracomment>Column header: the plant station ID that recorded the run</extracomment>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixture</source>
        <translation>Prüfplatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed step</source>
        <translation>Fehlerschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Station::RecordsPage</name>
    <message>
        <location filename="../ui/recordspage.cpp" line="+92"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+851"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-845"/>
        <location line="+21"/>
        <location line="+23"/>
        <location line="+5"/>
        <source>cannot write %1 (%2)</source>
        <translation>%1 kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exported %1 runs and %2 steps to %3 and %4.</source>
        <translation>%1 Läufe und %2 Schritte nach %3 und %4 exportiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported %1 runs to %2.</source>
        <translation>%1 Läufe nach %2 exportiert.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All fixtures</source>
        <translation>Alle Prüfplätze</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All recipes</source>
        <translation>Alle Rezepte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This station</source>
        <extracomment>Records page source switch: the runs of this station&apos;s own record</extracomment>
        <translation>Diese Station</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plant</source>
        <extracomment>Records page source switch: the runs of every station in the plant database</extracomment>
        <translation>Werk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No plant database is configured.</source>
        <translation>Keine Werksdatenbank konfiguriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All stations</source>
        <translation>Alle Stationen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All lines</source>
        <translation>Alle Linien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device ID or serial</source>
        <translation>Geräte-ID oder Seriennummer</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the record again</source>
        <translation>Prüfdatenbank neu lesen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search for a device ID or serial</source>
        <translation>Nach einer Geräte-ID oder Seriennummer suchen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>With steps</source>
        <translation>Mit Schritten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write each run&apos;s steps (command lines, exit codes, measurements) to a second file, &lt;name&gt;-steps.csv</source>
        <translation>Zusätzlich die Schritte jedes Laufs (Befehlszeilen, Exit-Codes, Messwerte) in eine zweite Datei schreiben: &lt;Name&gt;-steps.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the runs shown to a CSV file</source>
        <translation>Die angezeigten Durchläufe in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cloud hand-off…</source>
        <extracomment>Button: export the finalized devices for cloud configuration (tool tip says more)</extracomment>
        <translation>Cloud-Übergabe…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+594"/>
        <source>Export for cloud configuration</source>
        <translation>Für die Cloud-Konfiguration exportieren</translation>
    </message>
    <message>
        <location line="-593"/>
        <source>Write the devices finalized in this range, with their product and device group, for Microsoft&apos;s cloud configuration script</source>
        <translation>Die in diesem Zeitraum finalisierten Geräte mit Produkt und Gerätegruppe für das Cloud-Konfigurationsskript von Microsoft schreiben</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Cannot read the plant: %1 This station&apos;s own record is still available (This station).</source>
        <translation>Werksdatenbank nicht lesbar: %1 Die eigene Prüfdatenbank dieser Station ist weiter verfügbar (Diese Station).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the record: %1</source>
        <translation>Die Prüfdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Reading the plant…</source>
        <translation>Werksdaten werden gelesen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open device view</source>
        <translation>Geräteansicht öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy device ID</source>
        <translation>Geräte-ID kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show only this device</source>
        <translation>Nur dieses Gerät anzeigen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Show this station&apos;s own record or the plant&apos;s record (every station)</source>
        <translation>Die eigene Prüfdatenbank dieser Station oder die Werksdatenbank (alle Stationen) zeigen</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 (%2)</source>
        <extracomment>A plant station in the station filter: &quot;LINE1-PC1 (Line 1)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>More than %1 runs</source>
        <extracomment>The plant&apos;s records page stops counting at 100,000: &quot;More than 100,000 runs&quot;</extracomment>
        <translation>Mehr als %1 Durchläufe</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln Lauf</numerusform>
            <numerusform>%Ln Läufe</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>newest %1 shown, scroll for more</source>
        <translation>die neuesten %1 angezeigt, für mehr scrollen</translation>
    </message>
    <message>
        <location line="+166"/>
        <location line="+23"/>
        <source>Export records</source>
        <translation>Prüfdaten exportieren</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+53"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Exporting %1 runs…</source>
        <translation>%1 Läufe werden exportiert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+56"/>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message numerus="yes">
        <location line="-15"/>
        <source>Wrote %n device(s) for cloud configuration to %1.</source>
        <translation>
            <numerusform>%n Gerät für die Cloud-Konfiguration nach %1 geschrieben.</numerusform>
            <numerusform>%n Geräte für die Cloud-Konfiguration nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n device(s) left out: their recipe names no product and device group.</source>
        <translation>
            <numerusform>%n Gerät ausgelassen: Sein Rezept nennt kein Produkt und keine Gerätegruppe.</numerusform>
            <numerusform>%n Geräte ausgelassen: Ihr Rezept nennt kein Produkt und keine Gerätegruppe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n device(s) left out: a name or device ID the script cannot use.</source>
        <translation>
            <numerusform>%n Gerät ausgelassen: Name oder Geräte-ID für das Skript nicht verwendbar.</numerusform>
            <numerusform>%n Geräte ausgelassen: Name oder Geräte-ID für das Skript nicht verwendbar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export failed: the export ended without a result.</source>
        <translation>Export fehlgeschlagen: Der Export endete ohne Ergebnis.</translation>
    </message>
</context>
<context>
    <name>Station::RunHistoryModel</name>
    <message>
        <location filename="../models/recordsmodel.cpp" line="+249"/>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixture</source>
        <translation>Prüfplatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed step</source>
        <translation>Fehlerschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Station::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+132"/>
        <source>Station settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+155"/>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Fixtures</source>
        <translation>Prüfplätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeouts</source>
        <translation>Zeitlimits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant database</source>
        <translation>Werksdatenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the program</source>
        <translation>Programm auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the record file</source>
        <translation>Prüfdatenbank auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station record (*.sqlite)</source>
        <translation>Prüfdatenbank (*.sqlite)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>e.g. LINE2-ST04</source>
        <translation>z. B. LINE2-ST04</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect when the station starts next.</source>
        <translation>Wirkt beim nächsten Start der Station.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sample recipes</source>
        <translation>Die Beispielrezepte</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>The application&apos;s data folder</source>
        <translation>Datenordner der Anwendung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station name</source>
        <translation>Stationsname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipe folder</source>
        <translation>Rezeptordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record file</source>
        <translation>Prüfdatenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log folder</source>
        <translation>Log-Ordner</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back end</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulator: a bench of simulated devices, no hardware</source>
        <translation>Simulator: Testaufbau mit simulierten Geräten, ohne Hardware</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real devices through the Azure Sphere SDK</source>
        <translation>Echte Geräte über das Azure Sphere SDK</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>azsphere (Azure Sphere Legacy)</source>
        <extracomment>The two Microsoft tools; Legacy retires on 27 September 2027</extracomment>
        <translation>azsphere (Azure Sphere Legacy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az sphere (Azure Sphere Integrated)</source>
        <translation>az sphere (Azure Sphere Integrated)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool:</source>
        <translation>Werkzeug:</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <location line="+14"/>
        <location line="+3"/>
        <location line="+718"/>
        <location line="+1"/>
        <source>Found on the PATH</source>
        <translation>Wird im PATH gesucht</translation>
    </message>
    <message>
        <location line="-735"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the selected tool for its version</source>
        <translation>Das gewählte Werkzeug nach seiner Version fragen</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>The station delivers its record to the plant database and, while the plant answers, asks it whether a label or a device is known at another station. Without a connection the record stays on this station. Changes take effect when the station starts next.</source>
        <translation>Die Station überträgt ihre Prüfdatenbank an die Werksdatenbank und fragt dort, solange diese antwortet, ob ein Etikett oder ein Gerät an einer anderen Station bekannt ist. Ohne Verbindung bleibt die Prüfdatenbank auf dieser Station. Änderungen wirken beim nächsten Start der Station.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>libpq key=value pairs (host, port, dbname, user, sslmode, sslrootcert) or service=NAME from a pg_service.conf</source>
        <translation>libpq-Paare key=value (host, port, dbname, user, sslmode, sslrootcert) oder service=NAME aus einer pg_service.conf</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+67"/>
        <source>e.g. %1</source>
        <extracomment>%1 is an example of a setting that stays as it is (a PostgreSQL connection string)
----------
%1 is an example regular expression that stays as it is</extracomment>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>The station&apos;s own login: it delivers the record and checks labels and devices against the plant.</source>
        <translation>Die eigene Anmeldung der Station: Mit ihr überträgt sie die Prüfdatenbank und prüft Etiketten und Geräte gegen die Werksdatenbank.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station ID that IT registered for this station&apos;s login.</source>
        <translation>Die Stations-ID, die die IT für die Anmeldung dieser Station registriert hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A quality login (role plant_quality) for the plant views and the analytics. Empty: they show this station&apos;s record only.</source>
        <translation>Eine Anmeldung der Qualität (Rolle plant_quality) für die Werksansichten und die Analyse. Leer: Sie zeigen nur die Prüfdatenbank dieser Station.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Passwords come from ~/.pgpass, PGPASSFILE or a service file, never from here.</source>
        <translation>Passwörter kommen aus ~/.pgpass, PGPASSFILE oder einer Service-Datei, nie von hier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station ID</source>
        <translation>Stations-ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read connection</source>
        <translation>Leseverbindung</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A regular expression. A scan that matches it is a badge and opens the sign-in, also while someone is signed in and also when the station does not know the badge yet. A user&apos;s badge opens the sign-in with or without a pattern.</source>
        <translation>Ein regulärer Ausdruck. Ein passender Scan ist ein Ausweis und öffnet die Anmeldung, auch wenn jemand angemeldet ist und auch wenn die Station den Ausweis noch nicht kennt. Der Ausweis eines Benutzers öffnet die Anmeldung mit oder ohne Muster.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No pattern: this scan opens the sign-in if it is a user&apos;s badge or nobody is signed in; otherwise it is a device label.</source>
        <translation>Kein Muster: Dieser Scan öffnet die Anmeldung, wenn er der Ausweis eines Benutzers ist oder niemand angemeldet ist; sonst ist er ein Geräteetikett.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No match: this scan is a device label, unless it is a user&apos;s badge.</source>
        <translation>Passt nicht: Dieser Scan ist ein Geräteetikett, außer er ist der Ausweis eines Benutzers.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (this computer&apos;s name)</source>
        <extracomment>The station ID used when none is set and the station has no name: %1 is the host name</extracomment>
        <translation>%1 (Name dieses Computers)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (the station name)</source>
        <extracomment>The station ID used when none is set: %1 is the station&apos;s name</extracomment>
        <translation>%1 (Stationsname)</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>The %1 found on the PATH (%2) is the station&apos;s simulator, not Microsoft&apos;s. Set the path of the real tool above, or choose the simulator.</source>
        <translation>Das im PATH gefundene %1 (%2) ist der Simulator der Station, nicht das von Microsoft. Tragen Sie oben den Pfad des echten Werkzeugs ein oder wählen Sie den Simulator.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Asking %1 for its version…</source>
        <translation>%1 wird nach seiner Version gefragt…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-630"/>
        <source>One NAME=value per line</source>
        <translation>Ein NAME=Wert pro Zeile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>azsphere</source>
        <translation>azsphere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az</source>
        <translation>az</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RfSettingsTool</source>
        <translation>RfSettingsTool</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RfToolCli</source>
        <translation>RfToolCli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+134"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Step type</source>
        <translation>Schritttyp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timeout (s)</source>
        <translation>Zeitlimit (s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Default step timeout</source>
        <translation>Standard-Zeitlimit pro Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per step type</source>
        <translation>Je Schritttyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UART baud rate</source>
        <translation>UART-Baudrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UART ports offered</source>
        <translation>Angebotene UART-Ports</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Each fixture is bound to the USB port it is wired to (its FTDI location ID), or to an IP address where the SDK reports no connection path.</source>
        <translation>Jeder Prüfplatz ist an den USB-Port gebunden, an dem er angeschlossen ist (seine FTDI-Location-ID), oder an eine IP-Adresse, wenn das SDK keinen Verbindungspfad meldet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add fixture</source>
        <translation>Prüfplatz hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detect attached</source>
        <translation>Angeschlossene erkennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run azsphere device list-attached and fill in the connection paths of the devices plugged in now</source>
        <translation>azsphere device list-attached ausführen und die Verbindungspfade der jetzt angeschlossenen Geräte eintragen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Hands-free</source>
        <translation>Automatischer Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new device by itself once it has answered for the settle time</source>
        <translation>Ein neues Gerät von selbst starten, sobald es während der Beruhigungszeit durchgehend geantwortet hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a device that was not in the fixture before starts; the start rules (sign-in, label, recipe) apply as for a click. Takes effect when the station starts next.</source>
        <translation>Es startet nur ein Gerät, das vorher nicht im Prüfplatz war; die Startregeln (Anmeldung, Etikett, Rezept) gelten wie bei einem Klick. Wirkt beim nächsten Start der Station.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Settle time</source>
        <translation>Beruhigungszeit</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Who may do what is set per user (Users…, Ctrl+U) and described in the roles table. These two settings take effect when saved.</source>
        <translation>Wer was darf, wird je Benutzer festgelegt (Benutzer…, Strg+U) und steht in der Rollentabelle. Diese beiden Einstellungen gelten, sobald sie gespeichert sind.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Never</source>
        <extracomment>The idle time before an automatic sign-out, when it is 0</extracomment>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <extracomment>After a number of minutes, e.g. &quot;15 min&quot;</extracomment>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A user is signed out after this long without a key or a click, never while a run they started is going on.</source>
        <translation>Ein Benutzer wird nach so langer Zeit ohne Taste oder Klick abgemeldet, nie während ein von ihm gestarteter Durchlauf läuft.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan or type a badge or a device label</source>
        <translation>Ausweis oder Geräteetikett scannen oder eingeben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Automatic sign-out</source>
        <translation>Automatische Abmeldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge pattern</source>
        <translation>Ausweismuster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try a scan</source>
        <translation>Scan ausprobieren</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The pattern is not a valid regular expression: %1</source>
        <translation>Das Muster ist kein gültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A badge: this scan opens the sign-in.</source>
        <translation>Ein Ausweis: Dieser Scan öffnet die Anmeldung.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;%1 cannot be read:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1 kann nicht gelesen werden:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>No configuration file was given to save to.</source>
        <translation>Es wurde keine Konfigurationsdatei zum Speichern angegeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;The settings could not be saved:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Einstellungen konnten nicht gespeichert werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Looking for attached devices…</source>
        <translation>Angeschlossene Geräte werden gesucht…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The check ended without a result.</source>
        <translation>Die Prüfung endete ohne Ergebnis.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No device is attached.</source>
        <translation>Es ist kein Gerät angeschlossen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 attached: %2 already in the map, %3 filled in. Check the labels, then save.</source>
        <translation>%1 angeschlossen: %2 bereits zugeordnet, %3 eingetragen. Bezeichnungen prüfen, dann speichern.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The simulator&apos;s azsphere is used</source>
        <translation>Das azsphere des Simulators wird verwendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The simulator&apos;s az is used</source>
        <translation>Das az des Simulators wird verwendet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Fix these before saving:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vor dem Speichern beheben:&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Station::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+54"/>
        <source>Create the first admin</source>
        <translation>Ersten Administrator anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station has no users yet. Create the first admin: they add the operators, technicians, quality staff and engineers.</source>
        <translation>Diese Station hat noch keine Benutzer. Legen Sie den ersten Administrator an: Er legt die Bediener, Techniker, Qualitätsprüfer und Ingenieure an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+39"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Scan your badge and type your PIN, or sign in with your name and password.</source>
        <translation>Scannen Sie Ihren Ausweis und geben Sie Ihre PIN ein, oder melden Sie sich mit Name und Passwort an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan your badge</source>
        <translation>Ausweis scannen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge and PIN</source>
        <translation>Ausweis und PIN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name and password</source>
        <translation>Name und Passwort</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan your badge first.</source>
        <translation>Scannen Sie zuerst Ihren Ausweis.</translation>
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
    <message>
        <location line="+2"/>
        <source>%1, oldest %2</source>
        <extracomment>%1: &quot;12 runs waiting&quot;, %2: the oldest one&apos;s age (&quot;3 min&quot;)</extracomment>
        <translation>%1, ältester %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n run(s) waiting</source>
        <translation>
            <numerusform>%n Durchlauf wartet</numerusform>
            <numerusform>%n Durchläufe warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n Datensatz wartet</numerusform>
            <numerusform>%n Datensätze warten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plant: connecting</source>
        <translation>Werk: verbindet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: up to date</source>
        <translation>Werk: aktuell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plant: %1</source>
        <translation>Werk: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: delivering</source>
        <translation>Werk: überträgt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant: delivering, %1</source>
        <translation>Werk: überträgt, %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot reach the server</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>login refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PostgreSQL driver missing</source>
        <translation>PostgreSQL-Treiber fehlt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection setting wrong</source>
        <translation>Verbindungseinstellung falsch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: offline (%1)</source>
        <translation>Werk: offline (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant: offline (%1) · %2</source>
        <translation>Werk: offline (%1) · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plant: PAUSED, see details</source>
        <translation>Werk: PAUSIERT, siehe Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant: PAUSED · %1</source>
        <translation>Werk: PAUSIERT · %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: cannot read the record</source>
        <translation>Werk: Prüfdatenbank nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>clock off by %n s</source>
        <translation>
            <numerusform>Uhr weicht %n s ab</numerusform>
            <numerusform>Uhr weicht %n s ab</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delivers as station %1.</source>
        <translation>Überträgt als Station %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click for the rows the plant refused and to retry them.</source>
        <translation>Klicken, um die vom Werk abgelehnten Zeilen zu sehen und erneut zu senden.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Back end: unknown</source>
        <translation>Backend: unbekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record: %1</source>
        <translation>Prüfdatenbank: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Free space: unknown</source>
        <translation>Freier Speicher: unbekannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Low disk space: %1 free</source>
        <extracomment>Status bar: free space on the record&apos;s disk, e.g. &quot;Free: 41.2 GiB&quot;</extracomment>
        <translation>Wenig Speicherplatz: %1 frei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free: %1</source>
        <translation>Frei: %1</translation>
    </message>
</context>
<context>
    <name>Station::StepListModel</name>
    <message>
        <location filename="../models/steplistmodel.cpp" line="+100"/>
        <source>#</source>
        <extracomment>Column header: the step&apos;s position in the recipe</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
</context>
<context>
    <name>Station::Tr</name>
    <message>
        <location filename="../app/stationsetup.cpp" line="+159"/>
        <source>%1 does not run: %2</source>
        <translation>%1 lässt sich nicht ausführen: %2</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Cannot create the folder for the record %1.</source>
        <translation>Der Ordner für die Prüfdatenbank %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The station configuration %1 selects the real back end, but %2</source>
        <translation>Die Stationskonfiguration %1 wählt das echte Backend, aber %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install the Azure CLI with its azure-sphere extension and the Azure Sphere SDK, or correct tools/az in the station configuration; to use the simulator, write backend=simulator in its [station] section.</source>
        <translation>Installieren Sie die Azure CLI mit ihrer Erweiterung azure-sphere und das Azure Sphere SDK oder korrigieren Sie tools/az in der Stationskonfiguration; für den Simulator schreiben Sie backend=simulator in ihren Abschnitt [station].</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install the Azure Sphere SDK or correct tools/azsphere in the station configuration; to use the simulator, write backend=simulator in its [station] section.</source>
        <translation>Azure Sphere SDK installieren oder tools/azsphere in der Stationskonfiguration korrigieren; für den Simulator backend=simulator im Abschnitt [station] eintragen.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>There is no fixture %1 (the station has %2).</source>
        <translation>Es gibt keinen Prüfplatz %1 (die Station hat %2 Prüfplätze).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The recipe has RF steps, but RfSettingsTool or RfToolCli is not configured or not found.</source>
        <translation>Das Rezept enthält RF-Schritte, aber RfSettingsTool oder RfToolCli ist nicht konfiguriert oder nicht vorhanden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Back end: real (%1 %2 %3)</source>
        <extracomment>Status bar and headless output: the real tools, e.g. &quot;Back end: real (azsphere /opt/azurespheresdk/Tools_v2/azsphere 25.10.0.1)&quot; or &quot;Back end: real (az sphere /usr/bin/az azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1)&quot;</extracomment>
        <translation>Backend: echt (%1 %2 %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back end: simulated (%1 %2, bench %3)</source>
        <extracomment>Status bar and headless output: the simulator&apos;s stand-in (azsphere or az sphere) and its bench folder</extracomment>
        <translation>Backend: simuliert (%1 %2, Testaufbau %3)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the configured %1 %2 is not used</source>
        <translation>das konfigurierte %1 %2 wird nicht verwendet</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>--simulate overrides backend=real of the station configuration %1</source>
        <translation>--simulate übersteuert backend=real der Stationskonfiguration %1</translation>
    </message>
    <message>
        <location filename="../services/azsphere/azsphereclient.cpp" line="+151"/>
        <location filename="../services/azsphere/errorcatalog.cpp" line="+30"/>
        <location filename="../services/rf/rftoolclient.cpp" line="+17"/>
        <source>The station did not say which device to use (configuration fault).</source>
        <translation>Die Station hat kein Gerät angegeben (Konfigurationsfehler).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../services/azsphere/errorcatalog.cpp" line="+2"/>
        <location filename="../services/rf/rftoolclient.cpp" line="+3"/>
        <source>Stop the line; call engineering.</source>
        <translation>Linie anhalten; Technik verständigen.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No component ID was given for the delete.</source>
        <translation>Für das Löschen wurde keine Komponenten-ID angegeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+60"/>
        <location filename="../services/hardware/uartsession.cpp" line="+150"/>
        <location line="+41"/>
        <location line="+76"/>
        <location filename="../services/rf/rftoolclient.cpp" line="+153"/>
        <source>Fix the recipe.</source>
        <translation>Rezept korrigieren.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The manufacturing state %1 cannot be set.</source>
        <translation>Der Fertigungszustand %1 kann nicht gesetzt werden.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>%1 is not the %2 tool: it does not know the command %3.</source>
        <translation>%1 ist nicht das Werkzeug %2: es kennt den Befehl %3 nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check which tool the station configuration names (Settings, Tools: the tool and its path).</source>
        <translation>Prüfen Sie, welches Werkzeug die Stationskonfiguration nennt (Einstellungen, Tools: das Werkzeug und sein Pfad).</translation>
    </message>
    <message>
        <location filename="../services/process/backgroundprocess.cpp" line="+36"/>
        <source>The program %1 was not found or is not executable.</source>
        <translation>Das Programm %1 wurde nicht gefunden oder ist nicht ausführbar.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Could not start %1.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 ended before it was ready.</source>
        <translation>%1 wurde beendet, bevor es bereit war.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 did not become ready in time.</source>
        <translation>%1 wurde nicht rechtzeitig bereit.</translation>
    </message>
    <message>
        <location filename="../services/records/csvexport.cpp" line="+324"/>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The export file could not be written.</source>
        <translation>Die Exportdatei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>The export file is not open for writing.</source>
        <translation>Die Exportdatei ist nicht zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <location filename="../services/azsphere/errorcatalog.cpp" line="+3"/>
        <source>The device cannot be reached over USB: not seated, bad cable or contact, or the fixture is bound to the wrong port.</source>
        <translation>Das Gerät ist über USB nicht erreichbar: nicht richtig eingelegt, Kabel oder Kontakt defekt, oder der Prüfplatz ist dem falschen Port zugeordnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reseat the device and cable, check the fixture&apos;s port, retry.</source>
        <translation>Gerät und Kabel neu stecken, Port des Prüfplatzes prüfen, erneut versuchen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device is connected but silent: busy with an OS update, booting, or hung.</source>
        <translation>Das Gerät ist verbunden, antwortet aber nicht: OS-Update läuft, es startet gerade oder hängt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait 2 min and retry; if it repeats, unplug and replug.</source>
        <translation>2 min warten und erneut versuchen; bei Wiederholung ab- und wieder anstecken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device would not enter recovery mode: asleep or powered down, or a bad recovery (FTDI) link.</source>
        <translation>Das Gerät wechselt nicht in den Wiederherstellungsmodus: im Ruhezustand oder ausgeschaltet, oder die Wiederherstellungsverbindung (FTDI) ist gestört.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Power-cycle, check the USB/FTDI cable and fixture, recover again.</source>
        <translation>Aus- und wieder einschalten, USB-/FTDI-Kabel und Prüfplatz prüfen, erneut wiederherstellen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new OS was written but the device did not come back.</source>
        <translation>Das neue OS wurde geschrieben, aber das Gerät meldet sich nicht zurück.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unplug, replug, recover again; set it aside if it repeats.</source>
        <translation>Ab- und wieder anstecken, erneut wiederherstellen; bei Wiederholung aussortieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong or incomplete OS image folder, or tools too old.</source>
        <translation>Falscher oder unvollständiger OS-Image-Ordner, oder die Tools sind zu alt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the recipe&apos;s OS folder (version, all files) and the SDK.</source>
        <translation>OS-Ordner des Rezepts (Version, alle Dateien) und das SDK prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The capability file is for another device, or damaged.</source>
        <translation>Die Capability-Datei gehört zu einem anderen Gerät oder ist beschädigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this device&apos;s file.</source>
        <translation>Die Datei dieses Geräts verwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(a) SDK development thumbprint in the package: a development build, which factory devices refuse. (b) Production thumbprint: the device&apos;s trusted keystore is older than the signing key.</source>
        <translation>(a) SDK-Entwicklungsfingerabdruck im Paket: ein Entwicklungs-Build, den Geräte in der Fertigung ablehnen. (b) Produktionsfingerabdruck: Der vertrauenswürdige Schlüsselspeicher des Geräts ist älter als der Signaturschlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(a) Use the production-signed package. (b) Sideload the trusted keystore package (or recover to a newer OS), then retry.</source>
        <translation>(a) Das produktionssignierte Paket verwenden. (b) Das Paket des vertrauenswürdigen Schlüsselspeichers per Sideload laden (oder auf ein neueres OS wiederherstellen), dann erneut versuchen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device refused the image, usually because it is not production-signed.</source>
        <translation>Das Gerät hat das Image abgelehnt, meist weil es nicht produktionssigniert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+266"/>
        <source>Use the production-signed package.</source>
        <translation>Das produktionssignierte Paket verwenden.</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>No room left for this application.</source>
        <translation>Kein Speicherplatz mehr für diese Anwendung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete old or test applications, then retry.</source>
        <translation>Alte Anwendungen oder Testanwendungen löschen, dann erneut versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device is installing a cloud update.</source>
        <translation>Das Gerät installiert ein Cloud-Update.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry in minutes; keep line devices off update networks.</source>
        <translation>In einigen Minuten erneut versuchen; Geräte an der Linie von Update-Netzwerken fernhalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is damaged or not a package.</source>
        <translation>Die Datei ist beschädigt oder kein Paket.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-copy it and check its checksum.</source>
        <translation>Datei erneut kopieren und Prüfsumme kontrollieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The package was built wrongly.</source>
        <translation>Das Paket wurde fehlerhaft erstellt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return it to the software team.</source>
        <translation>An das Software-Team zurückgeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device refused: it is finalized (DeviceComplete) or lacks a capability.</source>
        <translation>Das Gerät hat abgelehnt: Es ist finalisiert (DeviceComplete) oder ihm fehlt eine Capability.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the state; a finalized device cannot be changed on the line, so set it aside.</source>
        <translation>Zustand prüfen; ein finalisiertes Gerät ist an der Linie nicht mehr änderbar, daher aussortieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still busy with an earlier operation.</source>
        <translation>Noch mit einem früheren Vorgang beschäftigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry in a few seconds.</source>
        <translation>In einigen Sekunden erneut versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device must restart before more changes.</source>
        <translation>Das Gerät muss vor weiteren Änderungen neu starten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart it, then retry.</source>
        <translation>Gerät neu starten, dann erneut versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The named application is not installed.</source>
        <translation>Die angegebene Anwendung ist nicht installiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the recipe&apos;s component ID.</source>
        <translation>Komponenten-ID im Rezept prüfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The recipe&apos;s Wi-Fi settings do not fit (duplicate, missing, too long or short), or the radio is still starting.</source>
        <translation>Die Wi-Fi-Einstellungen des Rezepts passen nicht (doppelt, fehlend, zu lang oder zu kurz), oder das Funkmodul startet noch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the Wi-Fi settings; for &quot;initializing&quot;, wait 10 s and retry.</source>
        <translation>Wi-Fi-Einstellungen korrigieren; bei „initializing“ 10 s warten und erneut versuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device did not come back after a restart.</source>
        <translation>Das Gerät hat sich nach einem Neustart nicht zurückgemeldet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unplug and replug; set it aside if it repeats.</source>
        <translation>Ab- und wieder anstecken; bei Wiederholung aussortieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RF tools need a Blank device; this one has left Blank.</source>
        <translation>Die RF-Tools benötigen ein Gerät im Zustand Blank; dieses ist nicht mehr Blank.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RF steps must precede the state change; set it aside.</source>
        <translation>RF-Schritte müssen vor der Zustandsänderung kommen; Gerät aussortieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device reported an error the tools do not know.</source>
        <translation>Das Gerät hat einen Fehler gemeldet, den die Tools nicht kennen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry once; keep the raw output.</source>
        <translation>Einmal erneut versuchen; Rohausgabe aufbewahren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station called the tool wrongly.</source>
        <translation>Die Station hat das Tool falsch aufgerufen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../services/rf/rftooloutput.cpp" line="+101"/>
        <source>Call engineering with the raw output.</source>
        <translation>Technik verständigen, Rohausgabe mitgeben.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The station could not start the tool.</source>
        <translation>Die Station konnte das Tool nicht starten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the tool&apos;s path in the station configuration; call engineering.</source>
        <translation>Pfad des Tools in der Stationskonfiguration prüfen; Technik verständigen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tool hung; the station killed it.</source>
        <translation>Das Tool hing; die Station hat es beendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unplug and replug the device, retry.</source>
        <translation>Gerät ab- und wieder anstecken, erneut versuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tool crashed.</source>
        <translation>Das Tool ist abgestürzt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry once; send the raw output to engineering.</source>
        <translation>Einmal erneut versuchen; Rohausgabe an die Technik senden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../services/hardware/uartsession.cpp" line="-133"/>
        <source>The operator aborted the step.</source>
        <translation>Der Bediener hat den Schritt abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../services/hardware/uartsession.cpp" line="+2"/>
        <source>Start the device again when ready.</source>
        <translation>Erneut starten, sobald bereit.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The cloud has no such catalog, product, device group or device.</source>
        <translation>Die Cloud kennt diesen Katalog, dieses Produkt, diese Gerätegruppe oder dieses Gerät nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the names in the recipe or the station configuration; call engineering.</source>
        <translation>Prüfen Sie die Namen im Rezept oder in der Stationskonfiguration; rufen Sie die Technik.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The tool failed with a message the station does not know</source>
        <translation>Das Tool ist mit einer Meldung fehlgeschlagen, die die Station nicht kennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/rf/rftooloutput.cpp" line="+8"/>
        <source>Retry once; send the raw output to engineering</source>
        <translation>Einmal erneut versuchen; Rohausgabe an die Technik senden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The tool printed more than the station keeps (%1 MiB per stream); only the first %1 MiB were kept, so its reply is incomplete and was not read.</source>
        <translation>Das Tool hat mehr ausgegeben, als die Station speichert (%1 MiB pro Datenstrom); nur die ersten %1 MiB wurden behalten, daher ist die Antwort unvollständig und wurde nicht ausgewertet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry once; if it repeats, send the raw output to engineering (the tool or the device misbehaves).</source>
        <translation>Einmal erneut versuchen; bei Wiederholung Rohausgabe an die Technik senden (Tool oder Gerät arbeitet fehlerhaft).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tool printed something unreadable.</source>
        <translation>Das Tool hat eine unlesbare Ausgabe geliefert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry; send the raw output to engineering.</source>
        <translation>Erneut versuchen; Rohausgabe an die Technik senden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>SDK development thumbprint in the package: a development build, which factory devices refuse.</source>
        <translation>SDK-Entwicklungsfingerabdruck im Paket: ein Entwicklungs-Build, den Geräte in der Fertigung ablehnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Production thumbprint: the device&apos;s trusted keystore is older than the signing key.</source>
        <translation>Produktionsfingerabdruck: Der vertrauenswürdige Schlüsselspeicher des Geräts ist älter als der Signaturschlüssel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sideload the trusted keystore package (or recover to a newer OS), then retry.</source>
        <translation>Paket des vertrauenswürdigen Schlüsselspeichers per Sideload laden (oder auf ein neueres OS wiederherstellen), dann erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../services/station/fixtureworker.cpp" line="+243"/>
        <source>The run was not started: the record cannot be written (%1).</source>
        <translation>Der Lauf wurde nicht gestartet: Die Prüfdatenbank kann nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The record cannot be written, so the station will not make a permanent change to the device.</source>
        <translation>Die Prüfdatenbank kann nicht geschrieben werden, daher nimmt die Station keine dauerhafte Änderung am Gerät vor.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The label %1 was scanned for device %2, but device %3 is in the fixture.</source>
        <translation>Das Etikett %1 wurde für Gerät %2 gescannt, im Prüfplatz ist aber Gerät %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the label of the device in the fixture, then start it.</source>
        <translation>Etikett des Geräts im Prüfplatz scannen, dann starten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The record cannot be read, so the station cannot check that the label %1 belongs to no other device (%2).</source>
        <translation>Die Prüfdatenbank kann nicht gelesen werden, daher kann die Station nicht prüfen, ob das Etikett %1 zu keinem anderen Gerät gehört (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the record file, then start the device again.</source>
        <translation>Prüfdatenbank prüfen, dann das Gerät erneut starten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../services/station/station.cpp" line="+330"/>
        <source>The label %1 already belongs to another device (%2).</source>
        <translation>Das Etikett %1 gehört bereits zu einem anderen Gerät (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Check the label; scan the right one.</source>
        <translation>Etikett prüfen; das richtige scannen.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The label %1 already belongs to another device (%2) at station %3 (plant record).</source>
        <translation>Das Etikett %1 gehört bereits zu einem anderen Gerät (%2) an Station %3 (Werksdatenbank).</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Set the device aside with the finished devices; check its label against the record.</source>
        <translation>Gerät zu den fertigen Geräten legen; Etikett mit der Prüfdatenbank abgleichen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Device %1 is already %2: run %3 finalized it (%4 UTC, station %5). This recipe (to %6) would change it; the run stops before any change.</source>
        <translation>Gerät %1 ist bereits %2: Lauf %3 hat es finalisiert (%4 UTC, Station %5). Dieses Rezept (auf %6) würde es ändern; der Lauf stoppt vor jeder Änderung.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Device %1 is already %2: station %3 finalized it (%4 UTC, plant record). This recipe (to %5) would change it; the run stops before any change.</source>
        <translation>Gerät %1 ist bereits %2: Station %3 hat es finalisiert (%4 UTC, Werksdatenbank). Dieses Rezept (auf %5) würde es ändern; der Lauf stoppt vor jeder Änderung.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Device %1 is already %2 (no run in this record finalized it). This recipe (to %3) would change it; the run stops before any change.</source>
        <translation>Gerät %1 ist bereits %2 (kein Lauf in dieser Prüfdatenbank hat es finalisiert). Dieses Rezept (auf %3) würde es ändern; der Lauf stoppt vor jeder Änderung.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The run was stopped before its result was recorded.</source>
        <translation>Der Lauf wurde gestoppt, bevor sein Ergebnis gespeichert war.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The result could not be recorded; the device is not passed.</source>
        <translation>Das Ergebnis konnte nicht gespeichert werden; das Gerät gilt nicht als bestanden.</translation>
    </message>
    <message>
        <location filename="../services/hardware/ftdienumerator.cpp" line="+87"/>
        <location line="+16"/>
        <source>USB devices cannot be listed on this computer.</source>
        <translation>USB-Geräte können auf diesem Computer nicht aufgelistet werden.</translation>
    </message>
    <message>
        <location filename="../services/station/headlessrunner.cpp" line="+21"/>
        <source>RECORD ERROR: %1 (retrying; no result is lost)</source>
        <translation>PRÜFDATENBANK-FEHLER: %1 (neuer Versuch läuft; kein Ergebnis geht verloren)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RECORD OK again: pending results written</source>
        <translation>PRÜFDATENBANK wieder OK: ausstehende Ergebnisse geschrieben</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>F%1  not started: %2</source>
        <translation>F%1  nicht gestartet: %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>F%1  repetition not started: %2</source>
        <translation>F%1  Wiederholung nicht gestartet: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n run(s): %1 PASS, %2 FAIL, %3 ABORTED in %4 s</source>
        <translation>
            <numerusform>%n Lauf: %1 PASS, %2 FAIL, %3 ABORTED in %4 s</numerusform>
            <numerusform>%n Läufe: %1 PASS, %2 FAIL, %3 ABORTED in %4 s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/azsphere/imagepackage.cpp" line="+63"/>
        <source>The file is not an Azure Sphere image package.</source>
        <translation>Die Datei ist kein Azure Sphere-Image-Paket.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the recipe: it must name a valid image package.</source>
        <translation>Rezept korrigieren: Es muss ein gültiges Image-Paket angeben.</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>The image package %1 does not exist.</source>
        <translation>Das Image-Paket %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/azsphere/osversions.cpp" line="+83"/>
        <source>Fix the recipe or restore the file.</source>
        <translation>Rezept korrigieren oder die Datei wiederherstellen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image package cannot be read: %1</source>
        <translation>Das Image-Paket kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/azsphere/osversions.cpp" line="+5"/>
        <source>Check the file&apos;s permissions and the disk.</source>
        <translation>Zugriffsrechte der Datei und das Laufwerk prüfen.</translation>
    </message>
    <message>
        <location filename="../services/base/logging.cpp" line="+152"/>
        <source>Cannot open the log file %1.</source>
        <translation>Die Logdatei %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Logging is already set up.</source>
        <translation>Das Logging ist bereits eingerichtet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No folder for the log files is known.</source>
        <translation>Es ist kein Ordner für die Logdateien bekannt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the log folder %1.</source>
        <translation>Der Log-Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot log to the standard error stream.</source>
        <translation>In die Standardfehlerausgabe kann nicht geloggt werden.</translation>
    </message>
    <message>
        <location filename="../services/azsphere/osversions.cpp" line="-66"/>
        <source>The OS versions file is not valid.</source>
        <translation>Die OS-Versionsdatei ist ungültig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use Microsoft&apos;s mt3620an.json, unchanged.</source>
        <translation>Die unveränderte mt3620an.json von Microsoft verwenden.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The OS versions file %1 does not exist.</source>
        <translation>Die OS-Versionsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The OS versions file cannot be read: %1</source>
        <translation>Die OS-Versionsdatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../services/azsphere/readycheck.cpp" line="+226"/>
        <source>The device is not ready to ship: %1</source>
        <translation>Das Gerät ist nicht versandbereit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix what the checks name (rerun the steps that set it up), then check again; set the device aside if it repeats.</source>
        <translation>Die gemeldeten Punkte beheben (zuständige Schritte erneut ausführen), dann erneut prüfen; bei Wiederholung Gerät aussortieren.</translation>
    </message>
    <message>
        <location filename="../services/base/jsonreader.cpp" line="+121"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+114"/>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+66"/>
        <location filename="../services/base/textcheck.cpp" line="+49"/>
        <location filename="../services/hardware/uartsession.cpp" line="+348"/>
        <location filename="../services/recipe/recipeloader.cpp" line="+558"/>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an integer from %1 to %2</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>must have at least %n entries</source>
        <translation>
            <numerusform>muss mindestens %n Eintrag haben</numerusform>
            <numerusform>muss mindestens %n Einträge haben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../services/steps/uartteststep.cpp" line="+31"/>
        <source>must be one of: %1</source>
        <translation>muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown key; did you mean &quot;%1&quot;?</source>
        <translation>unbekannter Schlüssel; war &quot;%1&quot; gemeint?</translation>
    </message>
    <message>
        <location filename="../services/base/strictjson.cpp" line="+115"/>
        <source>the key &quot;%1&quot; appears twice</source>
        <translation>der Schlüssel &quot;%1&quot; kommt zweimal vor</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>the key &quot;%1&quot; appears %n times</source>
        <translation>
            <numerusform>der Schlüssel &quot;%1&quot; kommt %n-mal vor</numerusform>
            <numerusform>der Schlüssel &quot;%1&quot; kommt %n-mal vor</numerusform>
        </translation>
    </message>
    <message>
        <location line="+125"/>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>kein gültiges JSON: %1 an Offset %2</translation>
    </message>
    <message>
        <location filename="../services/azsphere/osversions.cpp" line="-49"/>
        <location filename="../services/recipe/recipeloader.cpp" line="-352"/>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="+26"/>
        <source>must be an integer (this station reads format %1)</source>
        <translation>muss eine ganze Zahl sein (diese Station liest Format %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unsupported recipe format %1; this station reads format %2</source>
        <translation>nicht unterstütztes Rezeptformat %1; diese Station liest Format %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>is required by the &quot;os-update&quot; and &quot;ready-to-ship&quot; steps</source>
        <translation>wird von den Schritten &quot;os-update&quot; und &quot;ready-to-ship&quot; benötigt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>needs a &quot;label_pattern&quot; to be an example of</source>
        <translation>braucht ein „label_pattern“, dessen Beispiel es ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>does not match &quot;label_pattern&quot;</source>
        <translation>passt nicht zu „label_pattern“</translation>
    </message>
    <message>
        <location filename="../services/hardware/uartsession.cpp" line="-439"/>
        <location filename="../services/recipe/recipeloader.cpp" line="+59"/>
        <location line="+19"/>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <location filename="../services/steps/sideloadstep.cpp" line="+33"/>
        <source>has the same component ID as %1; only one of them would stay installed</source>
        <translation>hat dieselbe Komponenten-ID wie %1; nur eines von beiden bliebe installiert</translation>
    </message>
    <message>
        <location filename="../services/steps/deletetemporarystep.cpp" line="+28"/>
        <source>%1 is an OS component; the device refuses to delete it</source>
        <translation>%1 ist eine OS-Komponente; das Gerät verweigert das Löschen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a component ID (GUID), e.g. &quot;508eddf2-b8c3-4a99-93d9-a045d9a060eb&quot;</source>
        <translation>muss eine Komponenten-ID (GUID) sein, z. B. &quot;508eddf2-b8c3-4a99-93d9-a045d9a060eb&quot;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>needs &quot;component_ids&quot; or &quot;packages&quot; naming what to delete</source>
        <translation>benötigt &quot;component_ids&quot; oder &quot;packages&quot; mit den zu löschenden Komponenten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;component_ids&quot; and &quot;packages&quot; are both empty; name at least one component to delete</source>
        <translation>&quot;component_ids&quot; und &quot;packages&quot; sind beide leer; mindestens eine zu löschende Komponente angeben</translation>
    </message>
    <message>
        <location filename="../services/steps/uartteststep.cpp" line="-9"/>
        <source>must be an absolute device path, or empty for the fixture&apos;s port</source>
        <translation>muss ein absoluter Gerätepfad sein, oder leer für den Port des Prüfplatzes</translation>
    </message>
    <message>
        <location filename="../services/base/jsonreader.cpp" line="-23"/>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation>ungültiger regulärer Ausdruck: %1 an Offset %2</translation>
    </message>
    <message>
        <location filename="../services/hardware/uartsession.cpp" line="+23"/>
        <source>cannot be combined with &quot;measure&quot;</source>
        <translation>kann nicht mit &quot;measure&quot; kombiniert werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be an upper-case measurement name such as &quot;VCC_3V3&quot;</source>
        <translation>muss ein Messwertname in Großbuchstaben sein, z. B. &quot;VCC_3V3&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown unit &quot;%1&quot;; use one of: %2</source>
        <translation>unbekannte Einheit &quot;%1&quot;; zulässig sind: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must not be greater than &quot;high&quot; (%1)</source>
        <translation>darf nicht größer als &quot;high&quot; (%1) sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>belongs to a &quot;measure&quot; action</source>
        <translation>gehört zu einer &quot;measure&quot;-Aktion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs &quot;send&quot;, &quot;expect&quot; or &quot;measure&quot;</source>
        <translation>benötigt &quot;send&quot;, &quot;expect&quot; oder &quot;measure&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be printable ASCII without line breaks, at most %1 characters</source>
        <translation>muss druckbares ASCII ohne Zeilenumbruch sein, höchstens %1 Zeichen</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>needs &quot;expect&quot;</source>
        <translation>benötigt &quot;expect&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs a capture group in &quot;expect&quot; that holds the device ID</source>
        <translation>benötigt in &quot;expect&quot; eine Erfassungsgruppe für die Geräte-ID</translation>
    </message>
    <message>
        <location filename="../services/steps/rfverifystep.cpp" line="+30"/>
        <source>%1 must be exactly %2 bytes, but it has %3</source>
        <translation>%1 muss genau %2 Byte groß sein, ist aber %3 Byte groß</translation>
    </message>
    <message>
        <location filename="../services/steps/rfcalibratestep.cpp" line="+68"/>
        <source>must be two upper-case ASCII letters, e.g. &quot;US&quot;</source>
        <translation>muss aus zwei ASCII-Großbuchstaben bestehen, z. B. &quot;US&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 holds region %2 at offset 0x36, but &quot;region&quot; is &quot;%3&quot;</source>
        <translation>%1 enthält an Offset 0x36 die Region %2, aber &quot;region&quot; ist &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../services/steps/wifiverifystep.cpp" line="+41"/>
        <source>must be at most %1 bytes long (UTF-8)</source>
        <translation>darf höchstens %1 Byte lang sein (UTF-8)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be 8 to 63 printable ASCII characters or 64 hexadecimal digits</source>
        <translation>muss aus 8 bis 63 druckbaren ASCII-Zeichen oder 64 Hexadezimalziffern bestehen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give either &quot;psk&quot; or &quot;open&quot;: true, not both</source>
        <translation>entweder &quot;psk&quot; oder &quot;open&quot;: true angeben, nicht beides</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs &quot;psk&quot;, or &quot;open&quot;: true for an open network</source>
        <translation>benötigt &quot;psk&quot; oder, bei einem offenen Netzwerk, &quot;open&quot;: true</translation>
    </message>
    <message>
        <location filename="../services/steps/readytoshipstep.cpp" line="+30"/>
        <source>must be an OS version name</source>
        <translation>muss ein OS-Versionsname sein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is required (a list, possibly empty), unless &quot;expect_sideloaded&quot; is true</source>
        <translation>ist erforderlich (eine Liste, ggf. leer), außer wenn &quot;expect_sideloaded&quot; true ist</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>must be an image ID (GUID) or {&quot;package&quot;: &lt;file&gt;}</source>
        <translation>muss eine Image-ID (GUID) oder {&quot;package&quot;: &lt;Datei&gt;} sein</translation>
    </message>
    <message>
        <location filename="../services/steps/finalizestep.cpp" line="+26"/>
        <source>must be true: DeviceComplete is permanent and must be confirmed explicitly</source>
        <translation>muss true sein: DeviceComplete ist dauerhaft und muss ausdrücklich bestätigt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applies only to &quot;state&quot;: &quot;DeviceComplete&quot;</source>
        <translation>gilt nur für &quot;state&quot;: &quot;DeviceComplete&quot;</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="-53"/>
        <source>must be an object: {&quot;product&quot;: ..., &quot;device_group&quot;: ...}</source>
        <translation>muss ein Objekt sein: {&quot;product&quot;: ..., &quot;device_group&quot;: ...}</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>must be greater than params.%1 (%2)</source>
        <translation>muss größer als params.%1 (%2) sein</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the first step must be &quot;connect&quot;</source>
        <translation>der erste Schritt muss &quot;connect&quot; sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the second step must be &quot;details&quot;</source>
        <translation>der zweite Schritt muss &quot;details&quot; sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;connect&quot; may only be the first step</source>
        <translation>&quot;connect&quot; darf nur der erste Schritt sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;details&quot; may only be the second step</source>
        <translation>&quot;details&quot; darf nur der zweite Schritt sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;os-update&quot; may appear only once</source>
        <translation>&quot;os-update&quot; darf nur einmal vorkommen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;finalize&quot; may appear only once</source>
        <translation>&quot;finalize&quot; darf nur einmal vorkommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;finalize&quot; must be the last step</source>
        <translation>&quot;finalize&quot; muss der letzte Schritt sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RF steps need the Blank state and must come before &quot;finalize&quot;</source>
        <translation>RF-Schritte benötigen den Zustand Blank und müssen vor &quot;finalize&quot; stehen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;os-update&quot; must come before %1 (&quot;%2&quot;): recovery erases applications, keystore updates, board configurations and Wi-Fi networks</source>
        <translation>&quot;os-update&quot; muss vor %1 (&quot;%2&quot;) stehen: Die Wiederherstellung löscht Anwendungen, Schlüsselspeicher-Updates, Board-Konfigurationen und Wi-Fi-Netzwerke</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>must be &quot;Blank&quot;: the recipe has RF steps, which need a Blank device, and the state changes only at &quot;finalize&quot;</source>
        <translation>muss &quot;Blank&quot; sein: Das Rezept enthält RF-Schritte, die ein Gerät im Zustand Blank benötigen, und der Zustand ändert sich erst bei &quot;finalize&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a device already in DeviceComplete cannot be finalized; the ready-to-ship check runs before %1</source>
        <translation>ein Gerät, das bereits DeviceComplete ist, kann nicht finalisiert werden; die Versandbereitschaftsprüfung läuft vor %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>does not list &quot;%1&quot;, the OS version %2 installs</source>
        <translation>enthält nicht &quot;%1&quot;, die OS-Version, die %2 installiert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>DeviceComplete needs a &quot;ready-to-ship&quot; step before it</source>
        <translation>DeviceComplete erfordert einen vorausgehenden &quot;ready-to-ship&quot;-Schritt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; changes the device after the ready-to-ship check (%2) and before the DeviceComplete finalize; move it before the check</source>
        <translation>&quot;%1&quot; ändert das Gerät nach der Versandbereitschaftsprüfung (%2) und vor der Finalisierung auf DeviceComplete; vor die Prüfung verschieben</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>must be 64 hexadecimal digits</source>
        <translation>muss aus 64 Hexadezimalziffern bestehen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a file path or {&quot;path&quot;: ..., &quot;sha256&quot;: ...}</source>
        <translation>muss ein Dateipfad oder {&quot;path&quot;: ..., &quot;sha256&quot;: ...} sein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a folder path or {&quot;path&quot;: ...}</source>
        <translation>muss ein Ordnerpfad oder {&quot;path&quot;: ...} sein</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>loading the recipe was cancelled</source>
        <translation>das Laden des Rezepts wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot read the recipe: %1</source>
        <translation>Das Rezept kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../services/base/boundedfile.cpp" line="+95"/>
        <source>file not found: %1</source>
        <translation>Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 is a folder, not a file</source>
        <translation>%1 ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a FIFO (named pipe), not a regular file</source>
        <translation>%1 ist ein FIFO (Named Pipe), keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a character device, not a regular file</source>
        <translation>%1 ist ein Zeichengerät, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a block device, not a regular file</source>
        <translation>%1 ist ein Blockgerät, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a socket, not a regular file</source>
        <translation>%1 ist ein Socket, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+10"/>
        <location line="+30"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1 is larger than the limit of %2</source>
        <translation>%1 überschreitet die Größengrenze von %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>reading %1 was cancelled</source>
        <translation>das Lesen von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="-206"/>
        <source>SHA-256 mismatch for %1: the recipe says %2, the file has %3</source>
        <translation>SHA-256 von %1 stimmt nicht: laut Rezept %2, Datei hat %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>folder not found: %1</source>
        <translation>Ordner nicht gefunden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no .imagepackage files</source>
        <translation>%1 enthält keine .imagepackage-Dateien</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+90"/>
        <source>%1 is not an image package (%2)</source>
        <translation>%1 ist kein Image-Paket (%2)</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>%1 has image type %2 (%3), but this parameter takes type %4 (%5)</source>
        <translation>%1 hat den Image-Typ %2 (%3), dieser Parameter erwartet aber Typ %4 (%5)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is development-signed (SDK thumbprint); factory devices refuse it</source>
        <translation>%1 ist entwicklungssigniert (SDK-Fingerabdruck); Geräte in der Fertigung lehnen es ab</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is development-signed (SDK thumbprint); use the production-signed package, or set &quot;allow_development_signed&quot;: true</source>
        <translation>%1 ist entwicklungssigniert (SDK-Fingerabdruck); das produktionssignierte Paket verwenden oder &quot;allow_development_signed&quot;: true setzen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not a valid OS versions file: %2</source>
        <translation>%1 ist keine gültige OS-Versionsdatei: %2</translation>
    </message>
    <message>
        <location filename="../services/azsphere/osversions.cpp" line="+3"/>
        <source>no &quot;versions&quot; list</source>
        <translation>keine &quot;versions&quot;-Liste</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>versions[%1] needs a &quot;name&quot; and &quot;images&quot; of {&quot;cid&quot;, &quot;iid&quot;}</source>
        <translation>versions[%1] benötigt &quot;name&quot; und &quot;images&quot; aus {&quot;cid&quot;, &quot;iid&quot;}</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="+20"/>
        <source>&quot;%1&quot; is not in the OS versions file %2 (it lists %3)</source>
        <translation>&quot;%1&quot; fehlt in der OS-Versionsdatei %2 (sie enthält %3)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 does not hold OS version &quot;%2&quot;: %3 of its %4 images missing, %5 other images</source>
        <translation>%1 enthält nicht die OS-Version &quot;%2&quot;: %3 von %4 Images fehlen, %5 fremde Images</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>The recipe is invalid (%n problem(s)):</source>
        <translation>
            <numerusform>Das Rezept ist ungültig (%n Problem):</numerusform>
            <numerusform>Das Rezept ist ungültig (%n Probleme):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The recipe %1 is invalid (%n problem(s)):</source>
        <translation>
            <numerusform>Das Rezept %1 ist ungültig (%n Problem):</numerusform>
            <numerusform>Das Rezept %1 ist ungültig (%n Probleme):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correct the recipe file and load it again.</source>
        <translation>Rezeptdatei korrigieren und erneut laden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Check the recipe path in the station configuration.</source>
        <translation>Rezeptpfad in der Stationskonfiguration prüfen.</translation>
    </message>
    <message>
        <location filename="../services/records/analytics.cpp" line="+262"/>
        <location filename="../services/records/recordquery.cpp" line="+203"/>
        <location filename="../services/records/recordstore.cpp" line="+186"/>
        <source>The record file is not open.</source>
        <translation>Die Prüfdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../services/records/recordquery.cpp" line="+15"/>
        <location line="+295"/>
        <location filename="../services/records/recordschema.cpp" line="+323"/>
        <source>The record database returned no result.</source>
        <translation>Die Prüfdatenbank hat kein Ergebnis geliefert.</translation>
    </message>
    <message>
        <location line="-226"/>
        <location filename="../services/records/recordstore.cpp" line="-68"/>
        <source>The record has no run %1.</source>
        <translation>Die Prüfdatenbank enthält keinen Lauf %1.</translation>
    </message>
    <message>
        <location filename="../services/records/recordschema.cpp" line="+120"/>
        <source>The record file cannot use write-ahead logging.</source>
        <translation>Die Prüfdatenbank kann kein Write-Ahead-Logging verwenden.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The record file %1 does not exist.</source>
        <translation>Die Prüfdatenbank %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../services/records/recordlock.cpp" line="+91"/>
        <location filename="../services/records/recordschema.cpp" line="+8"/>
        <source>The folder for the record file %1 cannot be created.</source>
        <translation>Der Ordner für die Prüfdatenbank %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The lock file of the record %1 cannot be opened.</source>
        <translation>Die Sperrdatei der Prüfdatenbank %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The lock file of the record %1 cannot be locked.</source>
        <translation>Die Sperrdatei der Prüfdatenbank %1 kann nicht gesperrt werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>process %1 (%2) on %3, since %4 UTC</source>
        <translation>Prozess %1 (%2) auf %3, seit %4 UTC</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record %1 is in use by another station: %2.</source>
        <translation>Die Prüfdatenbank %1 wird von einer anderen Station verwendet: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use that station, or close it first; to run both, give this one its own record (--record FILE).</source>
        <translation>Die andere Station verwenden oder zuerst schließen; für beide gleichzeitig dieser Station eine eigene Prüfdatenbank geben (--record FILE).</translation>
    </message>
    <message>
        <location filename="../services/records/recordschema.cpp" line="-152"/>
        <source>The record file cannot be used: %1.</source>
        <translation>Die Prüfdatenbank kann nicht verwendet werden: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name a regular file for the record, or a new file the station creates.</source>
        <translation>Eine reguläre Datei als Prüfdatenbank angeben oder eine neue Datei, die die Station anlegt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file %1 is empty, so it is not a Sphere Station record.</source>
        <translation>Die Datei %1 ist leer und daher keine Sphere Station-Prüfdatenbank.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name another record file, or delete this empty file and the station creates a new record there.</source>
        <translation>Eine andere Prüfdatenbank angeben oder diese leere Datei löschen; die Station legt dort dann eine neue an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 is not a Sphere Station record (it is not a SQLite database).</source>
        <translation>Die Datei %1 ist keine Sphere Station-Prüfdatenbank (keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+28"/>
        <source>Name another record file.</source>
        <translation>Eine andere Prüfdatenbank angeben.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The file %1 is not a Sphere Station record.</source>
        <translation>Die Datei %1 ist keine Sphere Station-Prüfdatenbank.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record file %1 was written by a newer station (schema version %2; this station knows versions up to %3). Use a newer station or another record file.</source>
        <translation>Die Prüfdatenbank %1 wurde von einer neueren Station geschrieben (Schemaversion %2; diese Station kennt Versionen bis %3). Eine neuere Station oder eine andere Prüfdatenbank verwenden.</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>The record file %1 has schema version %2; this station reads versions %3 to %4. Open it with a station of the matching version.</source>
        <translation>Die Prüfdatenbank %1 hat die Schemaversion %2; diese Station liest die Versionen %3 bis %4. Mit einer Station passender Version öffnen.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The record could not be written: the disk is full.</source>
        <translation>Die Prüfdatenbank konnte nicht geschrieben werden: Das Laufwerk ist voll.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free space on the disk that holds the record file.</source>
        <translation>Speicherplatz auf dem Laufwerk der Prüfdatenbank freigeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record file cannot be written (read-only, missing or failing disk).</source>
        <translation>Die Prüfdatenbank kann nicht geschrieben werden (schreibgeschützt, Laufwerk fehlt oder ist defekt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the record file and its folder are writable and the disk works.</source>
        <translation>Prüfen, ob Prüfdatenbank und Ordner beschreibbar sind und das Laufwerk funktioniert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record file is locked by another program.</source>
        <translation>Die Prüfdatenbank ist von einem anderen Programm gesperrt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close other programs that have the record file open.</source>
        <translation>Andere Programme schließen, die die Prüfdatenbank geöffnet haben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record refused the data because it breaks the record&apos;s rules.</source>
        <translation>Die Prüfdatenbank hat die Daten abgelehnt, weil sie gegen ihre Regeln verstoßen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station sent the record an invalid request.</source>
        <translation>Die Station hat eine ungültige Anfrage an die Prüfdatenbank gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The record database reported an error.</source>
        <translation>Die Prüfdatenbank hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location filename="../services/records/recordstore.cpp" line="-11"/>
        <source>The station keeps the result in memory and writes it as soon as the record can be written again.</source>
        <translation>Die Station hält das Ergebnis im Speicher und schreibt es, sobald die Prüfdatenbank wieder beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 The station keeps the result in memory and writes it as soon as the record can be written again.</source>
        <translation>%1 Die Station hält das Ergebnis im Speicher und schreibt es, sobald die Prüfdatenbank wieder beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>The fixture number %1 is invalid.</source>
        <translation>Die Prüfplatznummer %1 ist ungültig.</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>The step &quot;%1&quot; has no position in the recipe.</source>
        <translation>Der Schritt „%1“ hat keine Position im Rezept.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>A run cannot be finished as RUNNING.</source>
        <translation>Ein Lauf kann nicht als RUNNING abgeschlossen werden.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Run %1 cannot be recorded as PASS: it has no recorded steps.</source>
        <translation>Lauf %1 kann nicht als PASS gespeichert werden: Er hat keine gespeicherten Schritte.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Run %1 cannot be recorded as PASS: %n of its steps did not pass.</source>
        <translation>
            <numerusform>Lauf %1 kann nicht als PASS gespeichert werden: %n Schritt wurde nicht bestanden.</numerusform>
            <numerusform>Lauf %1 kann nicht als PASS gespeichert werden: %n Schritte wurden nicht bestanden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Run %1 is already finished as %2.</source>
        <translation>Lauf %1 ist bereits als %2 abgeschlossen.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The station stopped before the run finished (crash or power loss).</source>
        <translation>Die Station wurde beendet, bevor der Lauf abgeschlossen war (Absturz oder Stromausfall).</translation>
    </message>
    <message>
        <location filename="../services/rf/rftoolclient.cpp" line="-45"/>
        <source>The device&apos;s RF settings differ from the product&apos;s: %1</source>
        <translation>Die RF-Einstellungen des Geräts weichen von denen des Produkts ab: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/rf/rftooloutput.cpp" line="-13"/>
        <source>Set the device aside; call engineering.</source>
        <translation>Gerät aussortieren; Technik verständigen.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The region code &quot;%1&quot; is not two letters.</source>
        <translation>Der Regionscode „%1“ besteht nicht aus zwei Buchstaben.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The MAC address &quot;%1&quot; is not valid.</source>
        <translation>Die MAC-Adresse „%1“ ist ungültig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the label.</source>
        <translation>Etikett prüfen.</translation>
    </message>
    <message>
        <location filename="../services/rf/rftooloutput.cpp" line="-3"/>
        <source>An e-fuse already holds another value and cannot be programmed again: %1</source>
        <translation>Eine eFuse enthält bereits einen anderen Wert und kann nicht erneut programmiert werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station called the tool wrongly: %1</source>
        <translation>Die Station hat das Tool falsch aufgerufen: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The RF tool refused a command: %1</source>
        <translation>Das RF-Tool hat einen Befehl abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>The recipe&apos;s expected RF configuration file %1 is not 1024 bytes.</source>
        <translation>Die erwartete RF-Konfigurationsdatei %1 des Rezepts ist nicht 1024 Byte groß.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Fix the recipe&apos;s RF configuration file.</source>
        <translation>RF-Konfigurationsdatei des Rezepts korrigieren.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The RF tool cannot open the file %1.</source>
        <translation>Das RF-Tool kann die Datei %1 nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../services/station/simulatorbackend.cpp" line="+57"/>
        <source>The simulator could not prepare its bench (%1).</source>
        <translation>Der Simulator konnte seinen Testaufbau nicht vorbereiten (%1).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The simulator needs at least one device.</source>
        <translation>Der Simulator benötigt mindestens ein Gerät.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not create a folder for the simulator&apos;s bench.</source>
        <translation>Für den Testaufbau des Simulators konnte kein Ordner angelegt werden.</translation>
    </message>
    <message>
        <location filename="../services/station/station.cpp" line="-236"/>
        <source>The station is already open.</source>
        <translation>Die Station ist bereits geöffnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fixtures are configured.</source>
        <translation>Es sind keine Prüfplätze konfiguriert.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Fixture %1 is configured twice.</source>
        <translation>Prüfplatz %1 ist doppelt konfiguriert.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>The operator name is refused: it %1.</source>
        <extracomment>A refused operator name: &quot;The operator name is refused: it contains the control character U+0007.&quot;</extracomment>
        <translation>Der Bedienername wird abgelehnt: Er %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the name again with letters, digits and spaces only.</source>
        <translation>Namen erneut eingeben, nur mit Buchstaben, Ziffern und Leerzeichen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+197"/>
        <source>There is no fixture %1.</source>
        <translation>Es gibt keinen Prüfplatz %1.</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Fixture %1 is running.</source>
        <translation>Prüfplatz %1 läuft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The label %1 does not match the recipe&apos;s label pattern %2.</source>
        <translation>Das Etikett %1 passt nicht zum Etikettenmuster %2 des Rezepts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The label %1 does not have the form %2 that the recipe expects (pattern %3).</source>
        <translation>Das Etikett %1 hat nicht die Form %2, die das Rezept erwartet (Muster %3).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The label %1 is already scanned for fixture %2.</source>
        <translation>Das Etikett %1 wurde bereits für Prüfplatz %2 gescannt.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The station is not open.</source>
        <translation>Die Station ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to start.</source>
        <translation>Zum Starten anmelden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recipe is loaded.</source>
        <translation>Es ist kein Rezept geladen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fixture %1 is already running.</source>
        <translation>Prüfplatz %1 läuft bereits.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Device %1 failed this recipe in run %2: %3</source>
        <translation>Gerät %1 ist in Lauf %2 an diesem Rezept gescheitert: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set the device aside for a technician.</source>
        <translation>Legen Sie das Gerät für einen Techniker beiseite.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The record cannot be written; no new run can start until it can.</source>
        <translation>Die Prüfdatenbank kann nicht geschrieben werden; bis dahin kann kein neuer Lauf starten.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan the device&apos;s label first.</source>
        <translation>Zuerst das Etikett des Geräts scannen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The fixture is empty: insert a device first.</source>
        <translation>Der Prüfplatz ist leer: zuerst ein Gerät einlegen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No device detected yet: wait a moment and try again.</source>
        <translation>Noch kein Gerät erkannt: kurz warten und erneut versuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device does not answer: reseat its USB cable.</source>
        <translation>Das Gerät antwortet nicht: USB-Kabel neu stecken.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Device %1 was finalized by run %2; this recipe would change it.</source>
        <translation>Gerät %1 wurde von Lauf %2 finalisiert; dieses Rezept würde es ändern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the device aside with the finished devices.</source>
        <translation>Gerät zu den fertigen Geräten legen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device %1 already passed this recipe (run %2).</source>
        <translation>Gerät %1 hat dieses Rezept bereits bestanden (Lauf %2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insert the next device, or confirm that this one must run again.</source>
        <translation>Nächstes Gerät einlegen oder bestätigen, dass dieses erneut durchlaufen muss.</translation>
    </message>
    <message>
        <location filename="../services/config/stationconfig.cpp" line="+104"/>
        <source>%1: &quot;%2&quot; is not a whole number of at least %3.</source>
        <translation>%1: „%2“ ist keine ganze Zahl größer oder gleich %3.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: &quot;%2&quot; is not true or false.</source>
        <translation>%1: „%2“ ist weder true noch false.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: &quot;%2&quot; is not a positive number of milliseconds.</source>
        <translation>%1: „%2“ ist keine positive Anzahl Millisekunden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>contains a NUL byte; this is not a text file</source>
        <translation>enthält ein NUL-Byte; keine Textdatei</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not valid UTF-8 text</source>
        <translation>ist kein gültiger UTF-8-Text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>contains the control character U+%1</source>
        <translation>enthält das Steuerzeichen U+%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a section must read [name]</source>
        <translation>ein Abschnitt muss die Form [Name] haben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is neither [section], key=value, a comment nor blank</source>
        <translation>&quot;%1&quot; ist weder [Abschnitt], Schlüssel=Wert, Kommentar noch Leerzeile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no key before &quot;=&quot;</source>
        <translation>vor &quot;=&quot; steht kein Schlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is set again (first on line %2); each key may appear only once</source>
        <translation>%1 ist erneut gesetzt (zuerst in Zeile %2); jeder Schlüssel darf nur einmal vorkommen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The station configuration %1 does not exist.</source>
        <translation>Die Stationskonfiguration %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The station configuration cannot be read: %1.</source>
        <translation>Die Stationskonfiguration kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station configuration %1 is not a readable ini file: %2.</source>
        <translation>Die Stationskonfiguration %1 ist keine lesbare INI-Datei: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the file, or save the configuration again from the settings.</source>
        <translation>Datei korrigieren oder die Konfiguration in den Einstellungen erneut speichern.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The station configuration %1 cannot be read: no temporary copy.</source>
        <translation>Die Stationskonfiguration %1 kann nicht gelesen werden: keine temporäre Kopie möglich.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station configuration %1 is not a readable ini file.</source>
        <translation>Die Stationskonfiguration %1 ist keine lesbare INI-Datei.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: unknown back end &quot;%2&quot; (use &quot;simulator&quot; or &quot;real&quot;).</source>
        <translation>%1: unbekanntes Backend &quot;%2&quot; (&quot;simulator&quot; oder &quot;real&quot; verwenden).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: unknown tool &quot;%2&quot; (use &quot;azsphere&quot; or &quot;az&quot;).</source>
        <translation>%1: unbekanntes Werkzeug &quot;%2&quot; (verwenden Sie &quot;azsphere&quot; oder &quot;az&quot;).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The station configuration %1 has invalid values:
%2</source>
        <translation>Die Stationskonfiguration %1 enthält ungültige Werte:
%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the folder %1 for the station configuration.</source>
        <translation>Der Ordner %1 für die Stationskonfiguration kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write the station configuration %1: it is a folder.</source>
        <translation>Die Stationskonfiguration %1 kann nicht geschrieben werden: Es ist ein Ordner.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot write the station configuration %1.</source>
        <translation>Die Stationskonfiguration %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The plant connection names a password: keep it in .pgpass, PGPASSFILE or a service file, never in the station&apos;s settings.</source>
        <translation>Die Verbindung zum Werk enthält ein Passwort: Es gehört in .pgpass, PGPASSFILE oder eine Service-Datei, nie in die Stationseinstellungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant read connection names a password: keep it in .pgpass, PGPASSFILE or a service file, never in the station&apos;s settings.</source>
        <translation>Die Leseverbindung zum Werk enthält ein Passwort: Es gehört in .pgpass, PGPASSFILE oder eine Service-Datei, nie in die Stationseinstellungen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not a valid environment variable name.</source>
        <translation>„%1“ ist kein gültiger Name für eine Umgebungsvariable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default step timeout must be positive.</source>
        <translation>Das Standard-Zeitlimit für Schritte muss positiv sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The timeout of step type &quot;%1&quot; must be positive.</source>
        <translation>Das Zeitlimit des Schritttyps &quot;%1&quot; muss positiv sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UART baud rate must be positive, not %1.</source>
        <translation>Die UART-Baudrate muss positiv sein, nicht %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hands-free settle time is %1 to %2 ms, not %3 ms.</source>
        <extracomment>Hands-free: how long a new device must answer before it starts by itself</extracomment>
        <translation>Die Beruhigungszeit für den automatischen Start beträgt %1 bis %2 ms, nicht %3 ms.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The idle time before an automatic sign-out is 0 (never) to 1440 minutes, not %1.</source>
        <translation>Die Leerlaufzeit bis zur automatischen Abmeldung beträgt 0 (nie) bis 1440 Minuten, nicht %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The badge pattern &quot;%1&quot; is not a valid regular expression.</source>
        <translation>Das Ausweismuster „%1“ ist kein gültiger regulärer Ausdruck.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fixture numbers start at 1; %1 is not allowed.</source>
        <translation>Prüfplatznummern beginnen bei 1; %1 ist nicht zulässig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixture number %1 is used by %2 fixtures.</source>
        <extracomment>%1 is a fixture number, %2 how many fixtures have it</extracomment>
        <translation>Die Prüfplatznummer %1 wird von %2 Prüfplätzen verwendet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fixture %1 has the same connection path %2 as fixture %3.</source>
        <extracomment>%1 and %3 are fixture numbers, %2 the shared value</extracomment>
        <translation>Prüfplatz %1 hat denselben Verbindungspfad %2 wie Prüfplatz %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture %1 has the same IP address %2 as fixture %3.</source>
        <translation>Prüfplatz %1 hat dieselbe IP-Adresse %2 wie Prüfplatz %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture %1 has the same UART port %2 as fixture %3.</source>
        <translation>Prüfplatz %1 hat denselben UART-Port %2 wie Prüfplatz %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture %1 has the same label &quot;%2&quot; as fixture %3.</source>
        <translation>Prüfplatz %1 hat dieselbe Bezeichnung „%2“ wie Prüfplatz %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fixture %1: the connection path &quot;%2&quot; is not an FTDI location ID (digits only, e.g. 1243).</source>
        <translation>Prüfplatz %1: Der Verbindungspfad „%2“ ist keine FTDI-Location-ID (nur Ziffern, z. B. 1243).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fixture %1: &quot;%2&quot; is not an IPv4 address.</source>
        <translation>Prüfplatz %1: „%2“ ist keine IPv4-Adresse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixture %1 has neither a connection path nor an IP address, so no device can be matched to it.</source>
        <translation>Prüfplatz %1 hat weder Verbindungspfad noch IP-Adresse; daher kann ihm kein Gerät zugeordnet werden.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Install it, or set its path in the station settings.</source>
        <translation>Programm installieren oder seinen Pfad in den Stationseinstellungen festlegen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on the PATH</source>
        <translation>im PATH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was not found %2.</source>
        <translation>%1 wurde nicht %2 gefunden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The configured path of %1, %2, is not an absolute path.</source>
        <translation>Der konfigurierte Pfad für %1, %2, ist kein absoluter Pfad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the full path in the station settings.</source>
        <translation>Vollständigen Pfad in den Stationseinstellungen festlegen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not found at %2.</source>
        <translation>%1 wurde unter %2 nicht gefunden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The configured path of %1, %2, is not an executable file.</source>
        <translation>Der konfigurierte Pfad für %1, %2, ist keine ausführbare Datei.</translation>
    </message>
    <message>
        <location filename="../services/steps/connectstep.cpp" line="+75"/>
        <source>A device is in fixture %1 but it does not answer.</source>
        <translation>In Prüfplatz %1 liegt ein Gerät, das nicht antwortet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No device appeared in fixture %1 (connection %2) within %3 s.</source>
        <translation>In Prüfplatz %1 (Verbindung %2) wurde innerhalb von %3 s kein Gerät erkannt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../services/steps/deletetemporarystep.cpp" line="+36"/>
        <source>%n component(s) were not present</source>
        <translation>
            <numerusform>%n Komponente war nicht vorhanden</numerusform>
            <numerusform>%n Komponenten waren nicht vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/steps/detailsstep.cpp" line="+26"/>
        <source>The device did not report its ID.</source>
        <translation>Das Gerät hat seine ID nicht gemeldet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A different device is in the fixture now (expected %1, found %2).</source>
        <translation>Im Prüfplatz liegt jetzt ein anderes Gerät (erwartet %1, gefunden %2).</translation>
    </message>
    <message>
        <location filename="../services/steps/ethernetstep.cpp" line="+64"/>
        <source>The board configuration %1 is not installed after the restart.</source>
        <translation>Die Board-Konfiguration %1 ist nach dem Neustart nicht installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sideload the board configuration again; check the recipe&apos;s package.</source>
        <translation>Board-Konfiguration erneut per Sideload laden; Paket im Rezept prüfen.</translation>
    </message>
    <message>
        <location filename="../services/steps/finalizestep.cpp" line="+17"/>
        <source>The recipe names no valid final state (&quot;%1&quot;).</source>
        <translation>Das Rezept nennt keinen gültigen Endzustand („%1“).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Finalize refused: an earlier step of this run did not pass.</source>
        <translation>Finalisierung verweigert: Ein früherer Schritt dieses Laufs wurde nicht bestanden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finalize refused: this run has not recorded the device ID.</source>
        <translation>Finalisierung verweigert: Dieser Lauf hat die Geräte-ID nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalize refused: the recipe does not confirm the permanent DeviceComplete state.</source>
        <translation>Finalisierung verweigert: Das Rezept bestätigt den dauerhaften Zustand DeviceComplete nicht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalize refused: the ready-to-ship checks have not passed in this run.</source>
        <translation>Finalisierung verweigert: Die Versandbereitschaftsprüfungen wurden in diesem Lauf nicht bestanden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>before finalizing</source>
        <translation>vor der Finalisierung</translation>
    </message>
    <message>
        <location filename="../services/steps/stephelpers.cpp" line="+176"/>
        <source>Put the tested device back, or start a new run for this one.</source>
        <translation>Geprüftes Gerät wieder einlegen oder für dieses Gerät einen neuen Lauf starten.</translation>
    </message>
    <message>
        <location filename="../services/steps/finalizestep.cpp" line="+2"/>
        <location line="+12"/>
        <source>Finalize refused: %1</source>
        <translation>Finalisierung verweigert: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>after finalizing</source>
        <translation>nach der Finalisierung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update to %1 was sent to device %2, but its state could not be confirmed: %3</source>
        <translation>Die Umstellung auf %1 wurde an Gerät %2 gesendet, aber sein Zustand konnte nicht bestätigt werden: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put device %1 back and check its manufacturing state before it ships.</source>
        <translation>Gerät %1 wieder einlegen und vor dem Versand seinen Fertigungszustand prüfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device reports %1 after the update to %2.</source>
        <translation>Das Gerät meldet nach der Umstellung auf %2 den Zustand %1.</translation>
    </message>
    <message>
        <location filename="../services/steps/osupdatestep.cpp" line="+49"/>
        <source>OS already %1; recover skipped</source>
        <translation>OS bereits %1; Wiederherstellung übersprungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovering to OS %1</source>
        <translation>Wiederherstellung auf OS %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent %1 of %2 images</source>
        <translation>%1 von %2 Images gesendet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recovery reported another device (%1) than the one recorded (%2).</source>
        <translation>Die Wiederherstellung meldete ein anderes Gerät (%1) als das gespeicherte (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>After recovery the device runs OS %1, not %2.</source>
        <translation>Nach der Wiederherstellung läuft auf dem Gerät OS %1, nicht %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the recipe&apos;s recovery folder, then recover again.</source>
        <translation>Wiederherstellungsordner im Rezept prüfen, dann erneut wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../services/steps/rfcalibratestep.cpp" line="-54"/>
        <source>after the e-fuse write</source>
        <translation>nach dem Schreiben der eFuses</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 was written while the device in fixture %2 changed: %3 was there before the write, %4 after it. Either may now carry it.</source>
        <translation>%1 wurde geschrieben, während das Gerät in Prüfplatz %2 wechselte: vorher %3, danach %4. Jedes der beiden kann den Wert jetzt tragen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no device</source>
        <translation>kein Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set both devices aside for engineering: their e-fuses must be read before either ships.</source>
        <translation>Beide Geräte für die Technik aussortieren: Ihre eFuses müssen vor dem Versand ausgelesen werden.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The region code is already programmed as %1; e-fuses cannot be changed to %2.</source>
        <translation>Der Regionscode ist bereits als %1 programmiert; eFuses lassen sich nicht auf %2 ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the device aside: it was calibrated for another region.</source>
        <translation>Gerät aussortieren: Es wurde für eine andere Region kalibriert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>before the region code was written</source>
        <translation>vor dem Schreiben des Regionscodes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>region code %1</source>
        <translation>Regionscode %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>region %1 programmed</source>
        <translation>Region %1 programmiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>region already %1</source>
        <translation>Region bereits %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recipe takes the MAC address from the label, but none was scanned.</source>
        <translation>Das Rezept übernimmt die MAC-Adresse vom Etikett, aber es wurde keine gescannt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The MAC address is already programmed as %1, not %2.</source>
        <translation>Die MAC-Adresse ist bereits als %1 programmiert, nicht als %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>before the MAC address was written</source>
        <translation>vor dem Schreiben der MAC-Adresse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MAC address %1</source>
        <translation>MAC-Adresse %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../services/steps/rfverifystep.cpp" line="+28"/>
        <source>after the RF check</source>
        <translation>nach der RF-Prüfung</translation>
    </message>
    <message>
        <location filename="../services/steps/sideloadstep.cpp" line="+29"/>
        <source>Sideloading %1 (%2 of %3)</source>
        <translation>Sideload %1 (%2 von %3)</translation>
    </message>
    <message>
        <location filename="../services/steps/step.cpp" line="+46"/>
        <source>The station does not know the step type &quot;%1&quot;.</source>
        <translation>Die Station kennt den Schritttyp &quot;%1&quot; nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retrying %1 (attempt %2 of %3) after: %4</source>
        <translation>Wiederhole %1 (Versuch %2 von %3) nach: %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The step stopped on an internal error.</source>
        <translation>Der Schritt wurde wegen eines internen Fehlers abgebrochen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>attempt %1 failed: %2</source>
        <translation>Versuch %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The step did not finish within its timeout of %1 s. %2</source>
        <translation>Der Schritt wurde nicht innerhalb seines Zeitlimits von %1 s abgeschlossen. %2</translation>
    </message>
    <message>
        <location filename="../services/steps/stephelpers.cpp" line="-66"/>
        <source>Deploying %1</source>
        <translation>%1 wird bereitgestellt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>trusted keystore sideloaded automatically</source>
        <translation>Vertrauenswürdiger Schlüsselspeicher automatisch per Sideload geladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image not trusted; sideloading the trusted keystore %1</source>
        <translation>Image nicht vertrauenswürdig; Sideload des vertrauenswürdigen Schlüsselspeichers %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The device in fixture %1 did not report its ID.</source>
        <translation>Das Gerät in Prüfplatz %1 hat seine ID nicht gemeldet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Device %1 is no longer in fixture %2 (checked %3).</source>
        <translation>Gerät %1 ist nicht mehr in Prüfplatz %2 (geprüft %3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put the device back and start a new run.</source>
        <translation>Gerät wieder einlegen und einen neuen Lauf starten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A different device (%1) is in fixture %2 now; this run tested %3 (checked %4).</source>
        <translation>In Prüfplatz %2 liegt jetzt ein anderes Gerät (%1); dieser Lauf hat %3 getestet (geprüft %4).</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+12"/>
        <source>Aborted.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The device did not answer.</source>
        <translation>Das Gerät hat nicht geantwortet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device did not answer again after restarting.</source>
        <translation>Das Gerät hat nach dem Neustart nicht mehr geantwortet.</translation>
    </message>
    <message>
        <location filename="../services/steps/uartteststep.cpp" line="+27"/>
        <source>No UART port is configured for fixture %1.</source>
        <translation>Für Prüfplatz %1 ist kein UART-Port konfiguriert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the fixture&apos;s UART port in the station configuration.</source>
        <translation>UART-Port des Prüfplatzes in der Stationskonfiguration festlegen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>before the UART tests</source>
        <translation>vor den UART-Tests</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>after the UART tests</source>
        <translation>nach den UART-Tests</translation>
    </message>
    <message>
        <location filename="../services/steps/wifiverifystep.cpp" line="+55"/>
        <source>The device did not connect to the Wi-Fi network %1 within %2 s.</source>
        <translation>Das Gerät hat sich nicht innerhalb von %2 s mit dem Wi-Fi-Netzwerk %1 verbunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the access point and the antenna; retry.</source>
        <translation>Access Point und Antenne prüfen; erneut versuchen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Wi-Fi networks are still configured: %1</source>
        <translation>Es sind noch Wi-Fi-Netzwerke konfiguriert: %1</translation>
    </message>
    <message>
        <location filename="../services/hardware/uartsession.cpp" line="+12"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The recipe&apos;s UART script is not valid: %1: %2</source>
        <translation>Das UART-Skript des Rezepts ist ungültig: %1: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The UART baud rate %1 is not one of %2.</source>
        <translation>Die UART-Baudrate %1 ist nicht zulässig; zulässig sind: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The UART port %1 does not exist.</source>
        <translation>Der UART-Port %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the fixture&apos;s UART cable and the port in the station configuration.</source>
        <translation>UART-Kabel des Prüfplatzes und den Port in der Stationskonfiguration prüfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The UART port %1 cannot be opened.</source>
        <translation>Der UART-Port %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no other program uses the port, and its permissions.</source>
        <translation>Prüfen, ob ein anderes Programm den Port belegt; Zugriffsrechte prüfen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The UART port %1 cannot be set to %2 8N1.</source>
        <translation>Der UART-Port %1 lässt sich nicht auf %2 8N1 einstellen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the fixture&apos;s UART adapter.</source>
        <translation>UART-Adapter des Prüfplatzes prüfen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The UART connection was lost: the device was unplugged or the adapter removed.</source>
        <translation>Die UART-Verbindung ist abgebrochen: Gerät abgesteckt oder Adapter entfernt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+164"/>
        <source>Reseat the device and the UART cable, retry.</source>
        <translation>Gerät und UART-Kabel neu stecken, erneut versuchen.</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>The UART command is longer than %1 characters or has a line break.</source>
        <translation>Der UART-Befehl ist länger als %1 Zeichen oder enthält einen Zeilenumbruch.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The device sent a line longer than %1 bytes; the station kept only its first %1 bytes and stopped the exchange.</source>
        <translation>Das Gerät hat eine Zeile mit mehr als %1 Byte gesendet; die Station hat nur die ersten %1 Byte behalten und den Austausch beendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>Check the UART&apos;s baud rate and cable and the device&apos;s test firmware, retry.</source>
        <translation>UART-Baudrate, -Kabel und Testfirmware des Geräts prüfen, erneut versuchen.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The device sent more than the station keeps of a UART exchange (%1 MiB or %2 lines); the station kept what came before and stopped the exchange.</source>
        <translation>Das Gerät hat mehr gesendet, als die Station von einem UART-Austausch speichert (%1 MiB oder %2 Zeilen); die Station hat das Bisherige behalten und den Austausch beendet.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The device reported a failure: %1</source>
        <translation>Das Gerät hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+73"/>
        <source>Set the device aside for repair.</source>
        <translation>Gerät zur Reparatur aussortieren.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>The device refused the command: %1</source>
        <translation>Das Gerät hat den Befehl abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>Check the recipe&apos;s UART script and the device&apos;s test firmware.</source>
        <translation>UART-Skript des Rezepts und Testfirmware des Geräts prüfen.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The device did not give the expected answer within %1 ms; it said: %2</source>
        <translation>Das Gerät hat nicht innerhalb von %1 ms wie erwartet geantwortet; Antwort: %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 was reported in %2, expected %3.</source>
        <translation>%1 wurde in %2 gemeldet, erwartet war %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 = %2 %3 is outside the limits %4 to %5 %3.</source>
        <translation>%1 = %2 %3 liegt außerhalb der Grenzwerte %4 bis %5 %3.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The device ID to compare with the UART is not known.</source>
        <translation>Die Geräte-ID für den Abgleich mit dem UART ist nicht bekannt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the details step before the UART test.</source>
        <translation>Vor dem UART-Test den Schritt &quot;details&quot; ausführen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UART belongs to another device than the one recorded for this fixture.</source>
        <translation>Der UART gehört zu einem anderen Gerät als dem für diesen Prüfplatz gespeicherten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the fixture&apos;s UART cable and port configuration.</source>
        <translation>UART-Kabel und Port-Konfiguration des Prüfplatzes prüfen.</translation>
    </message>
    <message>
        <location filename="../models/pagetext.cpp" line="+27"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>RUNNING</source>
        <extracomment>Run outcome while the run goes on</extracomment>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PASS</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ABORTED</source>
        <translation>ABGEBROCHEN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>INTERRUPTED</source>
        <translation>UNTERBROCHEN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Succeeded (exit code 0)</source>
        <translation>Erfolgreich (Exit-Code 0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed with exit code %1</source>
        <translation>Fehlgeschlagen mit Exit-Code %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>Did not start</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Timed out (stopped by the station)</source>
        <translation>Zeitüberschreitung (von der Station beendet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled (stopped by the station)</source>
        <translation>Abgebrochen (von der Station beendet)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>OK</source>
        <extracomment>Tool outcome in the device view&apos;s table of tool calls (exit code 0)</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exit %1</source>
        <extracomment>Tool outcome in the device view&apos;s table of tool calls: &quot;exit 1&quot;</extracomment>
        <translation>Exit %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../services/run/runtypes.cpp" line="+17"/>
        <location line="+13"/>
        <source>The operator stopped the run.</source>
        <translation>Der Bediener hat den Lauf gestoppt.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The station window was closed during the run.</source>
        <translation>Das Stationsfenster wurde während des Laufs geschlossen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station was ended by signal %1 (SIG%2) during the run.</source>
        <translation>Die Station wurde während des Laufs durch Signal %1 (SIG%2) beendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The station shut down during the run.</source>
        <translation>Die Station wurde während des Laufs heruntergefahren.</translation>
    </message>
    <message>
        <location filename="../services/steps/readytoshipstep.cpp" line="+37"/>
        <source>before the ready-to-ship checks</source>
        <translation>vor den Versandbereitschaftsprüfungen</translation>
    </message>
    <message>
        <location filename="../services/steps/rfverifystep.cpp" line="-6"/>
        <source>before the RF check</source>
        <translation>vor der RF-Prüfung</translation>
    </message>
    <message>
        <location filename="../services/steps/stepcontext.cpp" line="+237"/>
        <source>… more output; the live view stops here (the command&apos;s output is kept in the record up to 1 MiB)</source>
        <translation>… weitere Ausgabe; die Live-Ansicht endet hier (die Ausgabe des Befehls wird bis 1 MiB in der Prüfdatenbank gespeichert)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>after the command failed</source>
        <translation>nach dem Fehlschlagen des Befehls</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 The command was addressed to %2, so nothing was done to the device now in the fixture.</source>
        <translation>%1 Der Befehl war an %2 adressiert; am jetzt eingelegten Gerät wurde daher nichts geändert.</translation>
    </message>
    <message>
        <location filename="../services/base/textcheck.cpp" line="-17"/>
        <source>contains an unpaired surrogate (%1)</source>
        <translation>enthält ein ungepaartes Surrogat (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains the control character %1 (NUL)</source>
        <translation>enthält das Steuerzeichen %1 (NUL)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains the control character %1</source>
        <translation>enthält das Steuerzeichen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains a line or paragraph separator (%1)</source>
        <translation>enthält einen Zeilen- oder Absatztrenner (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains the bidirectional control character %1</source>
        <translation>enthält das bidirektionale Steuerzeichen %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is %1 characters long; Azure Sphere takes at most %2</source>
        <translation>ist %1 Zeichen lang; Azure Sphere erlaubt höchstens %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>contains %1 (%2); only printable ASCII characters are allowed</source>
        <translation>enthält %1 (%2); nur druckbare ASCII-Zeichen sind erlaubt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains &quot;/&quot;, which separates the product from the device group</source>
        <translation>enthält &quot;/&quot;, das Produkt und Gerätegruppe trennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>begins or ends with a space</source>
        <translation>beginnt oder endet mit einem Leerzeichen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/exportcommand.cpp" line="+90"/>
        <source>%n device(s) written to %1</source>
        <translation>
            <numerusform>%n Gerät nach %1 geschrieben</numerusform>
            <numerusform>%n Geräte nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has only the header: Microsoft&apos;s script refuses a file without devices.</source>
        <translation>Die Datei enthält nur die Kopfzeile: Das Skript von Microsoft lehnt eine Datei ohne Geräte ab.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n device(s) left out: the recipe of their newest passing run names no product and device group (its &quot;cloud&quot; object):</source>
        <translation>
            <numerusform>%n Gerät ausgelassen: Das Rezept seines neuesten bestandenen Durchlaufs nennt kein Produkt und keine Gerätegruppe (sein Objekt &quot;cloud&quot;):</numerusform>
            <numerusform>%n Geräte ausgelassen: Das Rezept ihres neuesten bestandenen Durchlaufs nennt kein Produkt und keine Gerätegruppe (sein Objekt &quot;cloud&quot;):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n device(s) left out: the script could not use their line:</source>
        <translation>
            <numerusform>%n Gerät ausgelassen: Das Skript konnte seine Zeile nicht verwenden:</numerusform>
            <numerusform>%n Geräte ausgelassen: Das Skript konnte ihre Zeile nicht verwenden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+184"/>
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 geschrieben</numerusform>
            <numerusform>%n Zeilen nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="+219"/>
        <source>The recipe %1 makes devices permanent and this file (SHA-256 %2) is not approved. Someone with the role Engineer or Admin approves it when they load it in the window.</source>
        <translation>Das Rezept %1 macht Geräte endgültig, und diese Datei (SHA-256 %2) ist nicht freigegeben. Jemand mit der Rolle Ingenieur oder Administrator gibt es frei, wenn er es im Fenster lädt.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>recipe %1 %2 (%3), %4, record %5</source>
        <extracomment>Headless output: &quot;recipe line3 1.2 (9 steps), 8 fixtures, record /srv/record.sqlite&quot;</extracomment>
        <translation>Rezept %1 %2 (%3), %4, Prüfdatenbank %5</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fixture(s)</source>
        <translation>
            <numerusform>%n Prüfplatz</numerusform>
            <numerusform>%n Prüfplätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n run(s) left open earlier were closed as INTERRUPTED</source>
        <translation>
            <numerusform>%n zuvor offener Lauf wurde als UNTERBROCHEN abgeschlossen</numerusform>
            <numerusform>%n zuvor offene Läufe wurden als UNTERBROCHEN abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/azsphere/errorcatalog.cpp" line="-144"/>
        <source>The Azure CLI has no azure-sphere extension, so it cannot run az sphere.</source>
        <translation>Der Azure CLI fehlt die Erweiterung azure-sphere, daher kann sie az sphere nicht ausführen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install it once on this PC (az extension add --name azure-sphere); the station never installs it on its own. Call engineering.</source>
        <translation>Installieren Sie sie einmal auf diesem PC (az extension add --name azure-sphere); die Station installiert sie nie selbst. Rufen Sie die Technik.</translation>
    </message>
    <message>
        <location filename="../services/plant/plantquery.cpp" line="+170"/>
        <source>Qt&apos;s PostgreSQL driver is not installed (package libqt6sql6-psql).</source>
        <translation>Der PostgreSQL-Treiber von Qt ist nicht installiert (Paket libqt6sql6-psql).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The plant read connection is not valid: %1</source>
        <translation>Die Leseverbindung zum Werk ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database cannot be reached (the server is down, or the host, port or network is wrong).</source>
        <translation>Die Werksdatenbank ist nicht erreichbar (der Server ist aus, oder Host, Port oder Netzwerk sind falsch).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The plant database refused the read login (check the user and its password in .pgpass, and pg_hba.conf).</source>
        <translation>Die Werksdatenbank hat die Leseanmeldung abgelehnt (Benutzer und Passwort in .pgpass sowie pg_hba.conf prüfen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The read login may not read the plant: it must be a member of the role plant_quality.</source>
        <translation>Die Leseanmeldung darf die Werksdatenbank nicht lesen: Sie muss Mitglied der Rolle plant_quality sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plant database reported an error: %1</source>
        <translation>Die Werksdatenbank hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The plant database is not connected.</source>
        <translation>Die Werksdatenbank ist nicht verbunden.</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+260"/>
        <location line="+53"/>
        <source>The plant database returned no result.</source>
        <translation>Die Werksdatenbank hat kein Ergebnis geliefert.</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>The plant has no run %1 of station %2.</source>
        <translation>Die Werksdatenbank enthält keinen Durchlauf %1 der Station %2.</translation>
    </message>
    <message>
        <location filename="../services/records/outbox.cpp" line="+265"/>
        <source>The record %1 has no outbox (schema %2).</source>
        <translation>Die Prüfdatenbank %1 hat keine Ausgangswarteschlange (Schema %2).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The outbox is not open.</source>
        <translation>Die Ausgangswarteschlange ist nicht geöffnet.</translation>
    </message>
    <message>
        <location filename="../services/run/handofffile.cpp" line="+92"/>
        <source>Cannot write the hand-off file %1.</source>
        <translation>Die Übergabedatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../services/auth/accounts.cpp" line="+80"/>
        <source>This account is deactivated. An admin can activate it again.</source>
        <translation>Dieses Konto ist deaktiviert. Ein Administrator kann es wieder aktivieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This account is locked after %1 wrong attempts until %2 UTC. An admin can unlock it sooner.</source>
        <translation>Dieses Konto ist nach %1 Fehlversuchen bis %2 UTC gesperrt. Ein Administrator kann es früher entsperren.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Wrong again: the account is now locked for %1 minutes. An admin can unlock it sooner.</source>
        <translation>Wieder falsch: Das Konto ist jetzt für %1 Minuten gesperrt. Ein Administrator kann es früher entsperren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>The name or the password (or the badge or the PIN) is not right.</source>
        <translation>Name oder Passwort (bzw. Ausweis oder PIN) stimmen nicht.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This badge is not known at this station. An admin can add it to your account.</source>
        <translation>Dieser Ausweis ist an dieser Station nicht bekannt. Ein Administrator kann ihn Ihrem Konto hinzufügen.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>An admin exists already: sign in as that admin to add users.</source>
        <translation>Es gibt bereits einen Administrator: Melden Sie sich als dieser an, um Benutzer hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <source>A login is 1 to 64 characters without spaces.</source>
        <translation>Ein Anmeldename hat 1 bis 64 Zeichen ohne Leerzeichen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is an account of the plant database: change it there (sphere-station plant user-set). At this station only its lock-out can be ended.</source>
        <translation>%1 ist ein Konto der Werksdatenbank: Ändern Sie es dort (sphere-station plant user-set). An dieser Station kann nur seine Sperre aufgehoben werden.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This badge belongs to %1 already.</source>
        <translation>Dieser Ausweis gehört bereits %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A PIN is set together with its badge.</source>
        <translation>Eine PIN wird zusammen mit ihrem Ausweis gesetzt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 needs a password, or a badge and a PIN, to sign in.</source>
        <translation>%1 braucht zum Anmelden ein Passwort oder einen Ausweis mit PIN.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is the last active admin: make another admin first.</source>
        <translation>%1 ist der letzte aktive Administrator: Legen Sie zuerst einen weiteren an.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>An approval needs a reason (for example the change request it belongs to).</source>
        <translation>Eine Freigabe braucht einen Grund (zum Beispiel den zugehörigen Änderungsantrag).</translation>
    </message>
    <message>
        <location filename="../services/auth/credentials.cpp" line="+23"/>
        <source>The station cannot hash passwords: libsodium did not initialise.</source>
        <translation>Die Station kann keine Passwörter hashen: libsodium wurde nicht initialisiert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The station ran out of memory while hashing a password.</source>
        <translation>Der Station ging beim Hashen eines Passworts der Speicher aus.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A password has at least %1 characters.</source>
        <translation>Ein Passwort hat mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password has at most %1 characters.</source>
        <translation>Ein Passwort hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password holds printable characters only.</source>
        <translation>Ein Passwort enthält nur druckbare Zeichen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>Eine PIN hat %1 bis %2 Ziffern.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A badge has 4 to 64 printable characters.</source>
        <translation>Ein Ausweis hat 4 bis 64 druckbare Zeichen.</translation>
    </message>
    <message>
        <location filename="../services/auth/roles.cpp" line="+55"/>
        <source>Operator</source>
        <comment>role</comment>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician</source>
        <comment>role</comment>
        <translation>Techniker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <comment>role</comment>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engineer</source>
        <comment>role</comment>
        <translation>Ingenieur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <comment>role</comment>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Starting and stopping fixtures</source>
        <translation>Das Starten und Stoppen von Prüfplätzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running a device again that failed or passed this recipe</source>
        <translation>Das erneute Prüfen eines Geräts, das dieses Rezept nicht bestanden oder bestanden hat,</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading a recipe</source>
        <translation>Das Laden eines Rezepts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approving a recipe that makes devices permanent</source>
        <translation>Das Freigeben eines Rezepts, das Geräte endgültig macht,</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changing the settings and the fixture map</source>
        <translation>Das Ändern der Einstellungen und der Prüfplatzzuordnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting the record</source>
        <translation>Das Exportieren der Prüfdatenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Managing users</source>
        <translation>Das Verwalten von Benutzern</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1, %2</source>
        <comment>list</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in first. %1 needs one of the roles %2.</source>
        <translation>Melden Sie sich zuerst an. %1 erfordert eine der Rollen %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 needs one of the roles %2; you are signed in as %3.</source>
        <translation>%1 erfordert eine der Rollen %2; Sie sind als %3 angemeldet.</translation>
    </message>
    <message>
        <location filename="../services/records/audittrail.cpp" line="+134"/>
        <source>entry %1 is missing (the next entry is %2): entries were removed</source>
        <translation>Eintrag %1 fehlt (der nächste ist %2): Einträge wurden entfernt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entry %1 does not link to entry %2 (its previous hash differs): an entry was changed, removed or inserted before it</source>
        <translation>Eintrag %1 verweist nicht auf Eintrag %2 (sein vorheriger Hash weicht ab): Davor wurde ein Eintrag geändert, entfernt oder eingefügt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>entry %1 was changed after it was written (its hash does not match its content)</source>
        <translation>Eintrag %1 wurde nach dem Schreiben geändert (sein Hash passt nicht zum Inhalt)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>event %1 is outside the chain but was recorded after the chain began: it was added by something other than the station</source>
        <translation>Ereignis %1 liegt außerhalb der Kette, wurde aber nach ihrem Beginn aufgezeichnet: Es wurde nicht von der Station hinzugefügt</translation>
    </message>
</context>
<context>
    <name>Station::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+93"/>
        <source>There is no translation for the language &quot;%1&quot;; the station stays in English.</source>
        <translation>Für die Sprache „%1“ gibt es keine Übersetzung; die Station bleibt auf Englisch.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Fixture, device, recipe: PASS, FAIL</source>
        <extracomment>Characters the screen font must show for this language: its letters with accents, or common characters of its script. The station checks them at start and warns when the font lacks any (they would show as boxes). Translate freely.</extracomment>
        <translation>Prüfplatz, Gerät, Rezept: BESTANDEN, FEHLER – ÄÖÜ äöü ß</translation>
    </message>
</context>
<context>
    <name>Station::UsersDialog</name>
    <message>
        <location filename="../ui/usersdialog.cpp" line="+26"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signs in with</source>
        <translation>Meldet sich an mit</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>May sign in</source>
        <translation>Darf sich anmelden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unchanged when empty</source>
        <translation>Unverändert, wenn leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the badge; unchanged when empty</source>
        <translation>Ausweis scannen; unverändert, wenn leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock after wrong attempts</source>
        <translation>Nach Fehlversuchen entsperren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New badge</source>
        <translation>Neuer Ausweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its PIN</source>
        <translation>Seine PIN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save user</source>
        <translation>Benutzer speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>badge and PIN</source>
        <translation>Ausweis und PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked until %1 UTC</source>
        <translation>gesperrt bis %1 UTC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (plant)</source>
        <translation> (Werk)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 is an account of the plant database: change it there. At this station only its lock-out can be ended (Unlock, then Save user).</source>
        <translation>%1 ist ein Konto der Werksdatenbank: Ändern Sie es dort. An dieser Station kann nur seine Sperre aufgehoben werden (Entsperren, dann Benutzer speichern).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>Station::YieldBarChart</name>
    <message>
        <location filename="../ui/yieldbarchart.cpp" line="+48"/>
        <source>No devices in this range</source>
        <translation>Keine Geräte in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 %2h</source>
        <extracomment>An hour on the yield-by-hour chart, within one day: &quot;06&quot; (06:00 to 07:00) An hour on the yield-by-hour chart over several days: &quot;11 06h&quot;</extracomment>
        <translation>%1 %2h</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none)</source>
        <extracomment>An operator bar for runs that recorded no operator</extracomment>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>First pass</source>
        <translation>Erstausbeute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final</source>
        <translation>Endausbeute</translation>
    </message>
</context>
<context>
    <name>Station::YieldPage</name>
    <message>
        <location filename="../ui/yieldpage.cpp" line="+40"/>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;96.4 %&quot;</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the record again</source>
        <translation>Prüfdatenbank neu lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This station</source>
        <extracomment>Yield page source switch: the runs of this station&apos;s own record</extracomment>
        <translation>Diese Station</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plant</source>
        <extracomment>Yield page source switch: the runs of every station in the plant database</extracomment>
        <translation>Werk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No plant database is configured.</source>
        <translation>Keine Werksdatenbank konfiguriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All lines</source>
        <translation>Alle Linien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All stations</source>
        <translation>Alle Stationen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Devices started</source>
        <translation>Gestartete Geräte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First-pass yield</source>
        <translation>Erstausbeute (FPY)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices per hour</source>
        <translation>Geräte pro Stunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices started per hour of production time. Production time is the time in which at least one run was in progress (from its start to its end; a run still going, to its latest step), within the range shown: breaks and idle fixtures do not count, and runs side by side count their common time once.</source>
        <translation>Gestartete Geräte je Stunde Produktionszeit. Produktionszeit ist die Zeit, in der mindestens ein Durchlauf lief (von seinem Start bis zu seinem Ende; ein noch laufender bis zu seinem letzten Schritt), im gezeigten Zeitraum: Pausen und leere Prüfplätze zählen nicht, und parallel laufende Durchläufe zählen ihre gemeinsame Zeit einmal.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Failures by step</source>
        <translation>Fehler nach Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failures by error</source>
        <translation>Fehler nach Fehlerart</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Show this station&apos;s yield or the plant&apos;s (every station)</source>
        <translation>Ausbeute dieser Station oder des Werks (alle Stationen) zeigen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read the plant: %1 This station&apos;s own yield is still available (This station).</source>
        <translation>Werksdatenbank nicht lesbar: %1 Die Ausbeute dieser Station ist weiter verfügbar (Diese Station).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Reading the plant…</source>
        <translation>Werksdaten werden gelesen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the record: %1</source>
        <translation>Die Prüfdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln Lauf</numerusform>
            <numerusform>%Ln Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%Ln failed run(s)</source>
        <translation>
            <numerusform>%Ln fehlgeschlagener Lauf</numerusform>
            <numerusform>%Ln fehlgeschlagene Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln device(s) passed their first run</source>
        <translation>
            <numerusform>%Ln Gerät im ersten Lauf bestanden</numerusform>
            <numerusform>%Ln Geräte im ersten Lauf bestanden</numerusform>
        </translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1 aborted</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 interrupted</source>
        <translation>%1 unterbrochen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>final yield %1</source>
        <translation>Endausbeute %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 aborted or interrupted</source>
        <translation>%1 abgebrochen oder unterbrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 still in progress</source>
        <translation>%1 noch in Arbeit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in %1 of production; %2 passed per hour</source>
        <extracomment>Under devices per hour: &quot;in 3:12:40 of production; 11.8 passed per hour&quot;</extracomment>
        <translation>in %1 Produktion; %2 bestanden je Stunde</translation>
    </message>
</context>
</TS>
