<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Station::FixtureModel</name>
    <message>
        <location filename="../models/fixturemodel.cpp" line="+202"/>
        <source>%1: %2</source>
        <extracomment>Accessible summary of a tile: &quot;Fixture 3: PASS&quot;</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device ID: %1</source>
        <translation>设备 ID：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial number: %1</source>
        <translation>序列号：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed step: %1</source>
        <translation>失败步骤：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fixture %1</source>
        <translation>工位 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Step %1 of %2</source>
        <extracomment>Progress through the recipe: &quot;Step 3 of 13&quot;</extracomment>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Insert a device</source>
        <translation>请放入设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready to start</source>
        <translation>可以开始</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the device</source>
        <translation>请取出设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the next device</source>
        <translation>请放入下一台设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the device aside for rework</source>
        <translation>请将设备放到返修区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped by the operator</source>
        <translation>已被操作员停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station stopped during the run: start again</source>
        <translation>运行期间工作站已停止：请重新开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device does not answer: reseat the USB cable</source>
        <translation>设备无响应：请重新插拔 USB 线</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>EMPTY</source>
        <extracomment>Tile state: no device in the fixture. Short, upper case where the script has case.</extracomment>
        <translation>空位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>READY</source>
        <extracomment>Tile state: a device is present and idle.</extracomment>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RUNNING</source>
        <extracomment>Tile state: the recipe is running on the device.</extracomment>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PASS</source>
        <extracomment>Tile state: verdict of the last run.</extracomment>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FAIL</source>
        <extracomment>Tile state: verdict of the last run.</extracomment>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ABORTED</source>
        <extracomment>Tile state: the operator stopped the last run.</extracomment>
        <translation>已中止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>INTERRUPTED</source>
        <extracomment>Tile state: the station stopped (crash, power cut) during the last run.</extracomment>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NO RESPONSE</source>
        <extracomment>Tile state: a device is attached but does not answer.</extracomment>
        <translation>无响应</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device present</source>
        <translation>设备已就位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not answering</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <extracomment>Presence not polled yet</extracomment>
        <translation>检测中…</translation>
    </message>
</context>
<context>
    <name>Station::FixtureTileDelegate</name>
    <message>
        <location filename="../ui/fixturetiledelegate.cpp" line="+251"/>
        <source>Start</source>
        <extracomment>Tile button: start the recipe on this fixture</extracomment>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <extracomment>Tile button: abort the run on this fixture</extracomment>
        <translation>停止</translation>
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
        <translation>全部 %1 步已通过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SN %1</source>
        <extracomment>Serial number on a tile: &quot;SN 12345&quot;</extracomment>
        <translation>序列号 %1</translation>
    </message>
</context>
<context>
    <name>Station::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+71"/>
        <source>There is no translation for the language &quot;%1&quot;; the station stays in English.</source>
        <translation>没有语言“%1”的翻译；工作站将继续使用英文。</translation>
    </message>
</context>
</TS>
