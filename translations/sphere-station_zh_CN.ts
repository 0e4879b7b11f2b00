<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Station::AnalyticsPage</name>
    <message>
        <location filename="../ui/analyticspage.cpp" line="+60"/>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;96.4 %&quot;</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Qt&apos;s PostgreSQL driver is not installed (libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（libqt6sql6-psql）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The [plant] connection in the station configuration is not valid.</source>
        <translation>工作站配置中的 [plant] connection 无效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database cannot be reached (server down, or wrong host, port or network).</source>
        <translation>无法连接工厂数据库（服务器宕机，或主机、端口、网络有误）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database refused the login.</source>
        <translation>工厂数据库拒绝了登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plant login may not read the quality data (it needs the role plant_quality).</source>
        <translation>工厂数据库登录无权读取质量数据（需要角色 plant_quality）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database is newer than this station understands.</source>
        <translation>工厂数据库版本高于本工作站所能识别的版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plant database has no plant schema yet.</source>
        <translation>工厂数据库中尚无 plant 架构。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The plant database reported an error.</source>
        <translation>工厂数据库报告了错误。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This station</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every station</source>
        <translation>所有工作站</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every line</source>
        <translation>所有产线</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the analytics again</source>
        <translation>重新读取分析数据</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Measurements</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+394"/>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Yield by hour</source>
        <translation>按小时良率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yield by fixture</source>
        <translation>按工位良率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yield by operator</source>
        <translation>按操作员良率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yield by station</source>
        <translation>按工作站良率</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Retests</source>
        <translation>复测</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No plant database is configured (the [plant] connection of the station configuration is empty).</source>
        <translation>未配置工厂数据库（工作站配置中的 [plant] connection 为空）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the plant database…</source>
        <translation>正在检查工厂数据库…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Plant not available: %1</source>
        <extracomment>Next to the disabled Plant choice: why it is disabled</extracomment>
        <translation>工厂不可用：%1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No record to read.</source>
        <translation>没有可读取的测试记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the record…</source>
        <translation>正在读取测试记录…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the plant database…</source>
        <translation>正在读取工厂数据库…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot read the record: %1</source>
        <translation>无法读取测试记录：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the plant database: %1</source>
        <translation>无法读取工厂数据库：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>devices tested more than once (of %1); %Ln retest run(s)</source>
        <extracomment>Under the number of retested devices</extracomment>
        <translation>
            <numerusform>台设备经过多次测试（共 %1 台）；复测运行 %Ln 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no devices in this range</source>
        <translation>此时间范围内无设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed only on a retest</source>
        <translation>复测后才通过</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln run(s): %1</source>
        <extracomment>Runs per device: &quot;2 runs: 14&quot; (14 devices had two runs)</extracomment>
        <translation>
            <numerusform>%Ln 次运行：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Devices by their number of runs:</source>
        <translation>按运行次数统计的设备：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No measurements in this range</source>
        <translation>此时间范围内无测量值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Distribution: %1</source>
        <extracomment>Title of the histogram: &quot;Distribution: tx_power (dBm)&quot;</extracomment>
        <translation>分布：%1</translation>
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
        <translation>均值 %1</translation>
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
        <translation>仅有下限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>high limit only</source>
        <translation>仅有上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>limits varied: the tightest are used</source>
        <translation>限值不一致：采用最严格的限值</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln not a number</source>
        <translation>
            <numerusform>%Ln 个非数值</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 out of limits</source>
        <translation>%1 超出限值</translation>
    </message>
</context>
<context>
    <name>Station::CapabilityModel</name>
    <message>
        <location line="-29"/>
        <location filename="../models/capabilitymodel.cpp" line="+118"/>
        <source>%1 (%2)</source>
        <extracomment>A measurement and its unit: &quot;tx_power (dBm)&quot;</extracomment>
        <translation>%1（%2）</translation>
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
        <translation>数值过少</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no spread</source>
        <extracomment>Instead of a Cpk: every value is the same</extracomment>
        <translation>无波动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limits</source>
        <extracomment>Instead of a Cpk: the measurement has no limits</extracomment>
        <translation>无限值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No Cpk: it needs at least two values.</source>
        <translation>无 Cpk：至少需要两个数值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Cpk: every value is the same (the standard deviation is 0).</source>
        <translation>无 Cpk：所有数值均相同（标准差为 0）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Cpk: the measurement has neither a low nor a high limit.</source>
        <translation>无 Cpk：该测量值既无下限也无上限。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>capable</source>
        <extracomment>Cpk of 1.33 or more</extracomment>
        <translation>能力充足</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>marginal</source>
        <extracomment>Cpk from 1.0 up to 1.33</extracomment>
        <translation>能力临界</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not capable</source>
        <extracomment>Cpk below 1.0</extracomment>
        <translation>能力不足</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The runs recorded different limits; the tightest are shown and used.</source>
        <translation>各次运行记录的限值不同；显示并采用最严格的限值。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Measurement</source>
        <translation>测量值</translation>
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
        <translation>均值</translation>
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
        <translation>评级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed</source>
        <extracomment>Column: values recorded out of limits</extracomment>
        <translation>失败</translation>
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
        <translation>命令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool outcome</source>
        <translation>工具结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>Station::DeviceViewWidget</name>
    <message>
        <location filename="../ui/deviceviewwidget.cpp" line="+297"/>
        <source>Device ID</source>
        <translation>设备 ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+198"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Copy the full device ID</source>
        <translation>复制完整的设备 ID</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>运行编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OS version</source>
        <translation>操作系统版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manufacturing state</source>
        <translation>制造状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+562"/>
        <source>Runs of this device</source>
        <translation>本设备的运行记录</translation>
    </message>
    <message>
        <location line="-541"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Copy this command line</source>
        <translation>复制此命令行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy every command line of this step, one per line</source>
        <translation>复制此步骤的所有命令行，每行一条</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measurements</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+542"/>
        <source>Standard output</source>
        <translation>标准输出</translation>
    </message>
    <message>
        <location line="-540"/>
        <source>Standard error</source>
        <translation>标准错误</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tool calls</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Runs of this device (%1 at this station; the plant cannot be read: %2)</source>
        <translation>本设备的运行记录（本工作站 %1 次；无法读取工厂数据库：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read the plant: %1</source>
        <translation>无法读取工厂数据库：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No plant database is configured.</source>
        <translation>未配置工厂数据库。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The record is not open.</source>
        <translation>测试记录未打开。</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Why it failed — step %1: %2</source>
        <translation>失败原因 — 步骤 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it failed</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it failed — step %1</source>
        <translation>失败原因 — 步骤 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped by the operator</source>
        <translation>已被操作员停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interrupted: the station stopped before the run finished</source>
        <translation>已中断：运行结束前工作站已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The station closed or lost power while this run was going on. The steps recorded before that are shown below.</source>
        <translation>此次运行期间工作站被关闭或断电。下方显示在此之前记录的步骤。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No cause was recorded.</source>
        <translation>未记录原因。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do: %1</source>
        <translation>处理方法：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Runs of this device (%1, at %n station(s))</source>
        <extracomment>The device view&apos;s run list with the plant: &quot;Runs of this device (5, at 3 stations)&quot;</extracomment>
        <translation>
            <numerusform>本设备的运行记录（%1，共 %n 个工作站）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs of this device (%1)</source>
        <translation>本设备的运行记录（%1）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 attempts</source>
        <translation>%1 次尝试</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Waiting for the first step</source>
        <translation>等待第一个步骤</translation>
    </message>
    <message>
        <location line="-870"/>
        <source>The station already sideloaded the trusted keystore %1 and tried the image again; the device still does not trust it. Check that this keystore package belongs to the key that signed the image (ask for the current one), or recover the device to a newer OS, then run the device again.</source>
        <translation>工作站已自动旁加载受信任的密钥库 %1 并重新尝试了映像；设备仍不信任该映像。请检查此密钥库包是否属于签署该映像的密钥（索取当前的密钥库包），或将设备恢复到更新的操作系统，然后重新运行该设备。</translation>
    </message>
    <message>
        <location line="+871"/>
        <source>No step selected</source>
        <translation>未选择步骤</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>type %1</source>
        <translation>类型 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>took %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Cause:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;原因：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;What to do:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;处理方法：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Note:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;备注：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This step ran no tool.</source>
        <translation>此步骤未调用任何工具。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No output</source>
        <translation>无输出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>[output truncated by the station at 1 MiB]</source>
        <translation>[输出超过 1 MiB，已被工作站截断]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The step is running; its command lines appear when it finishes.</source>
        <translation>步骤正在运行；完成后将显示其命令行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live output</source>
        <translation>实时输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for output…</source>
        <translation>等待输出…</translation>
    </message>
</context>
<context>
    <name>Station::FixtureConfigModel</name>
    <message>
        <location filename="../models/fixtureconfigmodel.cpp" line="+106"/>
        <source>The FTDI location ID of the fixture&apos;s USB port (digits, e.g. 1243). It stays the same across reboots.</source>
        <translation>工位 USB 端口的 FTDI 位置 ID（数字，例如 1243）。重启后保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used where the SDK reports no connection path (Linux): 192.168.35.2 for the first device.</source>
        <translation>在 SDK 不报告连接路径时使用（Linux）：第一台设备为 192.168.35.2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The serial port of the fixture&apos;s UART, e.g. /dev/ttyUSB3.</source>
        <translation>工位 UART 的串口，例如 /dev/ttyUSB3。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fixture</source>
        <extracomment>Column header: fixture number</extracomment>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection path</source>
        <translation>连接路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UART port</source>
        <translation>UART 端口</translation>
    </message>
</context>
<context>
    <name>Station::FixtureModel</name>
    <message>
        <location filename="../models/fixturemodel.cpp" line="+186"/>
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
        <location filename="../ui/mainwindow.cpp" line="+904"/>
        <location filename="../models/fixturemodel.cpp" line="+10"/>
        <source>Fixture %1</source>
        <translation>工位 %1</translation>
    </message>
    <message>
        <location filename="../models/fixturemodel.cpp" line="+23"/>
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
        <location line="+15"/>
        <source>Finished in run %1: set aside</source>
        <extracomment>A device put back after it was finished: &quot;Finished in run 42: set aside&quot;</extracomment>
        <translation>已在运行 %1 中完成：请放到一边</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already passed (run %1)</source>
        <extracomment>The device in the fixture passed the loaded recipe before</extracomment>
        <translation>已通过（运行 %1）</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Ready to start</source>
        <translation>可以开始</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Insert a device: it starts by itself</source>
        <translation>请放入设备：将自动开始</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starts by itself in a moment</source>
        <extracomment>Hands-free: the device answers and starts once it has settled</extracomment>
        <translation>即将自动开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to start; hands-free starts the next device</source>
        <extracomment>Hands-free starts only a device that was not in the fixture before</extracomment>
        <translation>可以开始；自动开始仅对下一台设备生效</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../ui/fixturetiledelegate.cpp" line="+269"/>
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
        <translation>全部 %1 步已通过</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+121"/>
        <source>SN %1</source>
        <extracomment>Serial number on a tile: &quot;SN 12345&quot;</extracomment>
        <translation>序列号 %1</translation>
    </message>
</context>
<context>
    <name>Station::GuiMain</name>
    <message>
        <location filename="../app/guimain.cpp" line="+109"/>
        <source>Sphere Station cannot start</source>
        <translation>Sphere Station 无法启动</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n run(s) left open when the station last stopped were closed as INTERRUPTED.</source>
        <translation>
            <numerusform>上次工作站停止时有 %n 次运行未结束，已标记为“已中断”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Station::HistogramChart</name>
    <message>
        <location filename="../ui/histogramchart.cpp" line="+48"/>
        <source>No values in this range</source>
        <translation>此时间范围内无数值</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Values</source>
        <translation>数值</translation>
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
        <translation>均值 %1</translation>
    </message>
</context>
<context>
    <name>Station::KeyboardHelpDialog</name>
    <message>
        <location filename="../ui/keyboardhelp.cpp" line="+27"/>
        <source>%1 (%2)</source>
        <extracomment>A tooltip with its key: &quot;Start every fixture that holds an idle device (F5)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The station&apos;s keys. A barcode scanner works wherever the focus is: what it reads goes to the label of the next fixture.</source>
        <translation>工作站的按键。条码扫描枪在任何焦点位置都能使用：读到的内容作为下一个工位的标签。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>Station::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-733"/>
        <source>Runs are active</source>
        <translation>有运行正在进行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fixture(s) are still running. Closing stops them; their devices will need to be run again.

Stop every run and close?</source>
        <translation>
            <numerusform>仍有 %n 个工位正在运行。关闭将停止这些运行，相关设备需要重新运行。

停止所有运行并关闭？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+1131"/>
        <source>Line</source>
        <extracomment>Page with the fixture tiles
----------
Tab of the Line page while fixtures failed or do not answer: &quot;Line (2 need attention)&quot;</extracomment>
        <translation>产线</translation>
    </message>
    <message>
        <location line="-1063"/>
        <source>an earlier write failed</source>
        <translation>先前的写入失败</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open recipe…</source>
        <translation>打开配方…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Load a recipe file</source>
        <translation>加载配方文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start all</source>
        <translation>全部开始</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop all</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Show the device opened last</source>
        <translation>显示最近打开的设备</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="-295"/>
        <source>Early</source>
        <translation>早班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late</source>
        <translation>中班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Run this device again?</source>
        <translation>重新运行此设备？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Run it through the recipe again?</source>
        <translation>%1

是否按配方重新运行该设备？</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1: the label %2 was released because its device left the fixture. Scan the label of the device now in it.</source>
        <translation>%1：标签 %2 已释放，因为其设备已离开工位。请扫描当前工位中设备的标签。</translation>
    </message>
    <message>
        <location line="+81"/>
        <location line="+523"/>
        <source>Start every fixture that holds an idle device</source>
        <translation>启动所有装有空闲设备的工位</translation>
    </message>
    <message>
        <location line="-517"/>
        <source>Stop every running fixture</source>
        <translation>停止所有正在运行的工位</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start selected</source>
        <translation>启动所选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the selected fixture</source>
        <translation>启动所选工位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop selected</source>
        <translation>停止所选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected fixture</source>
        <translation>停止所选工位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next failure</source>
        <translation>下一个故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the next fixture that failed or does not answer</source>
        <translation>选择下一个失败或无响应的工位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous failure</source>
        <translation>上一个故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the previous fixture that failed or does not answer</source>
        <translation>选择上一个失败或无响应的工位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station configuration: back end, tools, fixtures, language</source>
        <translation>工作站配置：后端、工具、工位、语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in, or switch to another user (badge and PIN, or name and password)</source>
        <translation>登录或切换用户（工牌和 PIN，或用户名和密码）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out; runs that are going on continue</source>
        <translation>注销；正在进行的测试继续运行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keys…</source>
        <translation>按键…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every key of the station</source>
        <translation>工作站的全部按键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line page</source>
        <translation>产线页面</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the fixture tiles</source>
        <translation>显示工位工位卡片</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+849"/>
        <source>Records page</source>
        <translation>测试记录页面</translation>
    </message>
    <message>
        <location line="-849"/>
        <source>Show the recorded runs</source>
        <translation>显示已记录的运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+849"/>
        <source>Yield page</source>
        <translation>良率页面</translation>
    </message>
    <message>
        <location line="-849"/>
        <source>Show the yield and the failure Pareto</source>
        <translation>显示良率和故障帕累托图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device view</source>
        <translation>设备视图</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Back to the line</source>
        <translation>返回产线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the device view for the tiles</source>
        <translation>离开设备视图，返回工位卡片</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Label scan:</source>
        <translation>标签扫描：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a device label</source>
        <translation>扫描设备标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scanner works wherever the focus is, on every page. You can also type a label here and press Enter.</source>
        <translation>扫描枪在任何焦点位置、任何页面都能使用。也可以在此输入标签并按 Enter。</translation>
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
        <translation>工厂数据库的账户已到达：请用您的账户登录。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Recipe %1 not loaded: the recipe %2 is still loading; wait for it or cancel it first.</source>
        <translation>配方 %1 未加载：配方 %2 仍在加载中；请等待其完成，或先取消加载。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Recipe %1 not loaded: wait until every running fixture has finished, or stop them, before changing the recipe.</source>
        <translation>配方 %1 未加载：更换配方前，请等待所有正在运行的工位完成，或将其停止。</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add users, change their role, badge or password, unlock them (admins)</source>
        <translation>添加用户，更改其角色、工牌或密码，解锁（管理员）</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+848"/>
        <source>Analytics page</source>
        <translation>分析页面</translation>
    </message>
    <message>
        <location line="-847"/>
        <source>Show the measurements&apos; capability, yield by group and retests</source>
        <translation>显示测量值的过程能力、分组良率和复测</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Delivery to the plant</source>
        <translation>上传到工厂</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plant has refused no rows.</source>
        <translation>工厂未拒绝任何行。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The plant refused %n row(s); they are kept here until retried:</source>
        <translation>
            <numerusform>工厂拒绝了 %n 行；这些行保留在此处，等待重试：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Recipe %1 not loaded: the load was cancelled.</source>
        <translation>配方 %1 未加载：加载已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <location line="+42"/>
        <source>Recipe %1 not loaded: %2</source>
        <translation>配方 %1 未加载：%2</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Recipe %1 not loaded: a fixture started while it was loading. Wait until every running fixture has finished, or stop them, and open it again.</source>
        <translation>配方 %1 未加载：加载期间有工位开始运行。请等待所有正在运行的工位完成，或将其停止，然后重新打开该配方。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recipe %1 not loaded: it has RF steps, but RfSettingsTool or RfToolCli is not configured or not found.</source>
        <translation>配方 %1 未加载：配方包含 RF 步骤，但 RfSettingsTool 或 RfToolCli 未配置或未找到。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recipe %1 %2 makes devices permanent and this file (SHA-256 %3…) is not approved yet, so no recipe is loaded. An engineer or admin approves it by opening it (Open recipe…) after signing in.</source>
        <translation>配方 %1 %2 会使设备永久锁定，且此文件（SHA-256 %3…）尚未获批，因此未加载任何配方。工程师或管理员登录后打开它（打开配方…）即可批准。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recipe %1 %2 not loaded: it makes devices permanent and this file (SHA-256 %3…) is not approved. %4</source>
        <translation>配方 %1 %2 未加载：它会使设备永久锁定，而此文件（SHA-256 %3…）未经批准。%4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recipe %1 %2 not loaded: its approval was declined.</source>
        <translation>配方 %1 %2 未加载：批准被拒绝。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Recipe %1 %2 approved by %3 (SHA-256 %4…).</source>
        <translation>配方 %1 %2 已由 %3 批准（SHA-256 %4…）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Recipe %1 %2 not loaded: it sets devices to %3 and was declined.</source>
        <translation>配方 %1 %2 未加载：该配方会将设备设置为 %3，已被拒绝。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recipe loaded: %1 %2</source>
        <translation>配方已加载：%1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No other recipe can be opened while the recipe %1 is loading; wait for it or cancel it first.</source>
        <translation>配方 %1 正在加载，无法打开其他配方；请等待其完成，或先取消加载。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open recipe</source>
        <translation>打开配方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>配方 (*.json);;所有文件 (*)</translation>
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
        <translation>%1 未启动：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing started: %1</source>
        <extracomment>Start all refused for the whole station: &quot;Nothing started: No recipe is loaded.&quot;</extracomment>
        <translation>未启动任何运行：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not started (%1): %2</source>
        <extracomment>&quot;Not started (F3, F5): Scan the device&apos;s label first.&quot;</extracomment>
        <translation>未启动（%1）：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped (%1): these devices already passed this recipe; start one by itself to run it again.</source>
        <extracomment>Start all leaves devices that already passed the loaded recipe alone</extracomment>
        <translation>已跳过（%1）：这些设备已通过此配方；如需重新运行，请单独启动。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Started %n fixture(s).</source>
        <translation>
            <numerusform>已启动 %n 个工位。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to start: no fixture holds an idle device.</source>
        <translation>没有可启动的工位：没有工位放有空闲设备。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: stopping…</source>
        <translation>%1：正在停止…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Stopping %n fixture(s)…</source>
        <translation>
            <numerusform>正在停止 %n 个工位…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>it does not have the form %1 that the recipe expects (pattern %2).</source>
        <extracomment>A label of the wrong shape: &quot;it does not have the form SPH-24-00001 that the recipe expects (pattern ^SPH-d{2}-d{5}$)&quot;</extracomment>
        <translation>其格式不是配方要求的 %1（模式 %2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it does not match the recipe&apos;s label pattern %1.</source>
        <translation>与配方的标签模式 %1 不匹配。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Label %1 not bound: every fixture with a device is running (%2). Scan it again when a run has ended, or put the device into an empty fixture first.</source>
        <extracomment>A label scanned while every fixture with a device runs: &quot;Label SN-1 not bound: every fixture with a device is running (F1, F2). Scan it again when a run has ended, or put the device into an empty fixture first.&quot;</extracomment>
        <translation>标签 %1 未绑定：每个装有设备的工位都在运行（%2）。请在某次运行结束后再次扫描，或先将设备放入空工位。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label %1 not bound: no fixture holds a device waiting for a label. Put the device into a fixture, then scan again.</source>
        <translation>标签 %1 未绑定：没有工位装有等待标签的设备。请将设备放入工位后再次扫描。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Label %1 not bound: the selected %2 is running, and a running device keeps its label. Select a fixture that waits for a label (arrow keys or a click), then scan again.</source>
        <translation>标签 %1 未绑定：所选的 %2 正在运行，运行中的设备保留其标签。请选择等待标签的工位（方向键或单击），然后再次扫描。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MAC address %1 → %2</source>
        <translation>MAC 地址 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Label %1 refused for %2: %3</source>
        <extracomment>A refused label scan: &quot;Label SN-1 refused for F3: the label ... belongs to another device&quot;</extracomment>
        <translation>标签 %1 无法分配给 %2：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label %1 → %2</source>
        <extracomment>A label bound by a scan: &quot;Label SN-1 → F3&quot;</extracomment>
        <translation>标签 %1 → %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Read &quot;%1&quot; without an Enter at the end: check it in the scan field and press Enter.</source>
        <translation>读取到“%1”，但末尾没有回车：请在扫描框中检查后按 Enter 键。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read &quot;%1&quot; without an Enter at the end: it waits in the scan field of the Line page; check it there and press Enter.</source>
        <translation>读到“%1”，末尾没有 Enter：它在产线页面的扫描框中等待；请在那里检查后按 Enter。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fixture %1…: type the next digit, or wait to start fixture %1</source>
        <extracomment>Status bar while a fixture number is typed: &quot;Fixture 1…: type the next digit, or wait to start fixture 1&quot;</extracomment>
        <translation>工位 %1…：输入下一位数字，或等待以启动工位 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no fixture %1 on this station.</source>
        <translation>本工作站没有工位 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>No fixture is selected: select a tile with the arrow keys or a click first.</source>
        <translation>未选择工位：请先用方向键或单击选择一个工位卡片。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not running.</source>
        <translation>%1 未在运行。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No fixture has failed or stopped answering.</source>
        <translation>没有失败或停止响应的工位。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The font lacks characters of this language (%1); they show as boxes. Install a font for it (fonts-noto-cjk for Chinese).</source>
        <translation>字体缺少此语言的字符（%1），这些字符会显示为方框。请安装相应字体（中文为 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start that fixture (Line page)</source>
        <translation>启动该工位（产线页面）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 and above</source>
        <translation>10 及以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the fixture number&apos;s digits one after the other: 1, then 2 starts fixture 12</source>
        <translation>依次输入工位编号的各位数字：先 1 再 2 启动工位 12</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a tile (the next label goes to it)</source>
        <translation>选择工位卡片（下一个标签归它）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected tile&apos;s device view</source>
        <translation>打开所选工位卡片的设备视图</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device view, in a search of the output: next / previous match</source>
        <translation>设备视图，在输出搜索中：下一个 / 上一个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A label read anywhere goes to the next fixture waiting for one (or the selected tile)</source>
        <translation>在任何位置读到的标签都归下一个等待标签的工位（或所选工位卡片）</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 and %n more</source>
        <extracomment>A list of fixtures cut short: &quot;F1, F2, F3, F4, F5, F6, F7, F8 and 5 more&quot;</extracomment>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 FAIL at %2: %3</source>
        <extracomment>A run that failed: &quot;F4 FAIL at Install ProductApp: The device has no room ...&quot;</extracomment>
        <translation>%1 在 %2 失败：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown step</source>
        <translation>未知步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the device does not answer; reseat its USB cable.</source>
        <translation>%1：设备无响应；请重新插拔其 USB 线缆。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the run was interrupted before it finished.</source>
        <translation>%1：运行在结束前被中断。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed: %1</source>
        <extracomment>Under the label scan: &quot;Failed: F4, F12&quot;</extracomment>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer: %1</source>
        <extracomment>Under the label scan: &quot;No answer: F7&quot;</extracomment>
        <translation>无响应：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Line (%n need(s) attention)</source>
        <translation>
            <numerusform>产线（%n 个需处理）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No fixture is waiting for a label</source>
        <translation>没有工位在等待标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next label goes to %1 (selected)</source>
        <extracomment>Below the scan field: where the next scanned label goes</extracomment>
        <translation>下一个标签将分配给 %1（已选择）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next label goes to %1</source>
        <translation>下一个标签将分配给 %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The record cannot be written: %1</source>
        <translation>无法写入测试记录：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record is writable again; fixtures can be started.</source>
        <translation>测试记录已恢复可写；可以启动工位。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>All runs finished: %1 PASS, %2 FAIL (%4), %3 stopped.</source>
        <extracomment>Summary when the line falls idle: &quot;All runs finished: 7 PASS, 1 FAIL (F4), 0 stopped&quot;</extracomment>
        <translation>所有运行已结束：%1 通过，%2 失败（%4），%3 已停止。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All runs finished: %1 PASS, %2 FAIL, %3 stopped.</source>
        <extracomment>Summary when the line falls idle: &quot;All runs finished: 7 PASS, 0 FAIL, 0 stopped&quot;</extracomment>
        <translation>全部运行结束：%1 通过，%2 失败，%3 已停止。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the device was swapped during the run (%2 → %3).</source>
        <translation>%1：运行期间设备被更换（%2 → %3）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Export recorded in the audit trail (%1).</source>
        <translation>导出已记入审计记录（%1）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Records</source>
        <translation>测试记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yield</source>
        <translation>良率</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Analytics</source>
        <extracomment>Page of the measurement capability (Cpk), yield by group and retests (quality staff)</extracomment>
        <translation>分析</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No plant database is configured: set [plant] readConnection in the station&apos;s settings to a login that reads the plant (see docs/plant-views.md).</source>
        <translation>未配置工厂数据库：请在工作站设置中将 [plant] readConnection 设为可读取工厂数据库的登录（参见 docs/plant-views.md）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Device: %1 run %2</source>
        <extracomment>Tab of the device view on another station&apos;s run: &quot;Device: LINE1-PC2 run 1234&quot;</extracomment>
        <translation>设备：%1 运行 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record cannot be read: %1</source>
        <translation>无法读取测试记录：%1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 has no run to show yet.</source>
        <translation>%1 还没有可显示的运行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Device: %1</source>
        <extracomment>Tab of the device view: &quot;Device: F3&quot;</extracomment>
        <translation>设备：%1</translation>
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
        <translation>已登录为 %1（%2）。F2：切换用户，Shift+F2：注销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in (F2)</source>
        <translation>登录 (F2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automation</source>
        <translation>自动化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody is signed in. F2: sign in with your badge and PIN, or your name and password.</source>
        <translation>无人登录。F2：用工牌和 PIN 或用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This station takes its accounts from the plant database, which has not sent them yet. When they arrive this form gives way to the sign-in. Create a local admin only if the station must work before that.</source>
        <translation>本工作站的账户来自工厂数据库，但尚未收到。账户到达后，此表单将切换为登录。只有在工作站必须提前工作时，才创建本地管理员。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is the first admin of this station.</source>
        <translation>%1 是此工作站的第一位管理员。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Signed in: %1 (%2).</source>
        <translation>已登录：%1（%2）。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 was signed out after %n minute(s) without a key or a click.</source>
        <translation>
            <numerusform>%1 在 %n 分钟无按键或点击后已自动注销。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed out: %1. Runs that are going on continue.</source>
        <translation>已注销：%1。正在进行的测试继续运行。</translation>
    </message>
    <message>
        <location line="-303"/>
        <location line="+70"/>
        <source>Device: run %1</source>
        <extracomment>Tab of the device view opened from the records: &quot;Device: run 1234&quot;</extracomment>
        <translation>设备：运行 %1</translation>
    </message>
    <message>
        <location line="-840"/>
        <source>Settings saved to %1. Sign-in settings apply now; back end, tools, fixtures and files take effect when the station starts next.</source>
        <translation>设置已保存到 %1。登录设置立即生效；后端、工具、工位和文件在工作站下次启动时生效。</translation>
    </message>
    <message>
        <location line="+903"/>
        <source>Stopping the station…</source>
        <translation>正在停止工作站…</translation>
    </message>
</context>
<context>
    <name>Station::MeasurementModel</name>
    <message>
        <location filename="../models/measurementmodel.cpp" line="+45"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out of limits</source>
        <translation>超出限值</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Measurement</source>
        <translation>测量项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low</source>
        <extracomment>Column header: lower limit of a measurement</extracomment>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High</source>
        <extracomment>Column header: upper limit of a measurement</extracomment>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>Station::MessageArea</name>
    <message>
        <location filename="../ui/messagearea.cpp" line="+78"/>
        <source>No messages</source>
        <translation>无消息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the messages</source>
        <translation>清除所有消息</translation>
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
        <translation>在输出中查找</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No output</source>
        <translation>无输出</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 · 1 line</source>
        <translation>%1 · 1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 lines</source>
        <translation>%1 · %2 行</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 of %2</source>
        <extracomment>Search position: &quot;3 of 12&quot;</extracomment>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>Station::ParetoChart</name>
    <message>
        <location filename="../ui/paretochart.cpp" line="+63"/>
        <source>No failures in this range</source>
        <translation>此时间范围内无失败</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Other (%1 kinds)</source>
        <translation>其他（%1 类）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Failures</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cumulative %</source>
        <translation>累计 %</translation>
    </message>
</context>
<context>
    <name>Station::ParetoModel</name>
    <message>
        <location filename="../models/paretomodel.cpp" line="+53"/>
        <location line="+2"/>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;12.5 %&quot;</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failures</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cumulative</source>
        <extracomment>Column header: running total of the shares in a Pareto table</extracomment>
        <translation>累计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest cause</source>
        <translation>最近原因</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(unknown step)</source>
        <translation>（未知步骤）</translation>
    </message>
</context>
<context>
    <name>Station::PermanentRecipeDialog</name>
    <message>
        <location filename="../ui/permanentrecipedialog.cpp" line="+36"/>
        <source>Approve a recipe that makes devices permanent</source>
        <translation>批准使设备永久锁定的配方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipe makes devices permanent</source>
        <translation>配方将永久锁定设备状态</translation>
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
        <translation>该配方的最后一步会将通过所有前序步骤的每台设备设置为制造状态 %1。

此操作不可逆，无法撤销：处于 %1 状态的设备将无法再恢复、无法为开发旁加载，也无法回到之前的状态。请仅对可出货的设备使用此配方。

此确认仅在现在询问一次，不会针对每台设备询问。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This file is not approved yet. You approve it as %1; the approval is kept with the file&apos;s SHA-256 %2, so a changed file needs a new approval. Give the reason (for example the change request):</source>
        <translation>此文件尚未批准。您以 %1 的身份批准；批准与文件的 SHA-256 %2 绑定，文件更改后需要重新批准。请填写原因（例如变更申请）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Load recipe</source>
        <translation>加载配方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approve and load</source>
        <translation>批准并加载</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Don&apos;t load</source>
        <translation>不加载</translation>
    </message>
</context>
<context>
    <name>Station::RangeSelector</name>
    <message>
        <location filename="../ui/rangeselector.cpp" line="+122"/>
        <location line="+46"/>
        <source>All runs</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>from %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Current shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous shift</source>
        <translation>上一班次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2–%3)</source>
        <translation>%1（%2–%3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom range…</source>
        <translation>自定义时间范围…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Early shift</source>
        <translation>早班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late shift</source>
        <translation>中班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Night shift</source>
        <translation>夜班</translation>
    </message>
</context>
<context>
    <name>Station::RecipeBadge</name>
    <message>
        <location filename="../ui/recipebadge.cpp" line="+24"/>
        <source>Recipe</source>
        <translation>配方</translation>
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
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PERMANENT: %1</source>
        <extracomment>Toolbar badge of a recipe that ends in an irreversible manufacturing state.</extracomment>
        <translation>永久：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices that pass this recipe are set to %1. This cannot be undone.</source>
        <translation>通过此配方的设备将被设置为 %1。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recipe loaded</source>
        <translation>未加载配方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a recipe to start devices.</source>
        <translation>请打开配方以启动设备。</translation>
    </message>
</context>
<context>
    <name>Station::RecipeLoadBar</name>
    <message>
        <location filename="../ui/recipeloadbar.cpp" line="+36"/>
        <source>Cancel loading</source>
        <extracomment>Stops loading a recipe; the recipe that was loaded before stays.</extracomment>
        <translation>取消加载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop loading this recipe; the current recipe stays</source>
        <translation>停止加载此配方；当前配方保持不变</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading recipe %1…</source>
        <extracomment>Status bar while a recipe loads, before its first file is read: &quot;Loading recipe quick.json…&quot;</extracomment>
        <translation>正在加载配方 %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading recipe %1: checking %2 (%3 of %4)</source>
        <extracomment>Status bar while a recipe loads: &quot;Loading recipe big.json: checking recovery.imagepackage (120 MB of 200 MB)&quot;</extracomment>
        <translation>正在加载配方 %1：正在检查 %2（%3 / %4）</translation>
    </message>
</context>
<context>
    <name>Station::RecordErrorBanner</name>
    <message>
        <location filename="../ui/recorderrorbanner.cpp" line="+61"/>
        <source>The record cannot be written: %1
No new run can start until it can. Runs already going on keep their results in memory and the station keeps trying to save them.</source>
        <translation>无法写入测试记录：%1
恢复写入之前无法开始新的运行。正在进行的运行会将结果保留在内存中，工作站会持续尝试保存。</translation>
    </message>
</context>
<context>
    <name>Station::RecordsModel</name>
    <message>
        <location filename="../models/recordsmodel.cpp" line="+106"/>
        <source>Started %1
Finished %2</source>
        <translation>开始 %1
结束 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started %1</source>
        <translation>开始 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Run</source>
        <extracomment>Column header: the run&apos;s number in the record</extracomment>
        <translation>运行编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station</source>
        <extracomment>Column header: the plant station ID that recorded the run</extracomment>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixture</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device ID</source>
        <translation>设备 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed step</source>
        <translation>失败步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>Station::RecordsPage</name>
    <message>
        <location filename="../ui/recordspage.cpp" line="+92"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+851"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location line="-845"/>
        <location line="+21"/>
        <location line="+23"/>
        <location line="+5"/>
        <source>cannot write %1 (%2)</source>
        <translation>无法写入 %1（%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exported %1 runs and %2 steps to %3 and %4.</source>
        <translation>已将 %1 次运行和 %2 个步骤导出到 %3 和 %4。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported %1 runs to %2.</source>
        <translation>已将 %1 次运行导出到 %2。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All fixtures</source>
        <translation>全部工位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All recipes</source>
        <translation>全部配方</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This station</source>
        <extracomment>Records page source switch: the runs of this station&apos;s own record</extracomment>
        <translation>本工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plant</source>
        <extracomment>Records page source switch: the runs of every station in the plant database</extracomment>
        <translation>工厂</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No plant database is configured.</source>
        <translation>未配置工厂数据库。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All stations</source>
        <translation>全部工作站</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All lines</source>
        <translation>全部产线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device ID or serial</source>
        <translation>设备 ID 或序列号</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the record again</source>
        <translation>重新读取记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search for a device ID or serial</source>
        <translation>搜索设备 ID 或序列号</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>With steps</source>
        <translation>包含步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write each run&apos;s steps (command lines, exit codes, measurements) to a second file, &lt;name&gt;-steps.csv</source>
        <translation>同时将每次运行的步骤（命令行、退出码、测量值）写入第二个文件 &lt;名称&gt;-steps.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the runs shown to a CSV file</source>
        <translation>将显示的运行写入 CSV 文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cloud hand-off…</source>
        <extracomment>Button: export the finalized devices for cloud configuration (tool tip says more)</extracomment>
        <translation>云交付…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+594"/>
        <source>Export for cloud configuration</source>
        <translation>导出以交付云配置</translation>
    </message>
    <message>
        <location line="-593"/>
        <source>Write the devices finalized in this range, with their product and device group, for Microsoft&apos;s cloud configuration script</source>
        <translation>将此时间范围内已最终锁定的设备及其产品和设备组写入文件，供 Microsoft 的云配置脚本使用</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Cannot read the plant: %1 This station&apos;s own record is still available (This station).</source>
        <translation>无法读取工厂数据库：%1 本工作站自己的测试记录仍可使用（本工作站）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the record: %1</source>
        <translation>无法读取测试记录：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Reading the plant…</source>
        <translation>正在读取工厂数据库…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open device view</source>
        <translation>打开设备视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy device ID</source>
        <translation>复制设备 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show only this device</source>
        <translation>仅显示此设备</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Show this station&apos;s own record or the plant&apos;s record (every station)</source>
        <translation>显示本工作站自己的测试记录或工厂的测试记录（所有工作站）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 (%2)</source>
        <extracomment>A plant station in the station filter: &quot;LINE1-PC1 (Line 1)&quot;</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>More than %1 runs</source>
        <extracomment>The plant&apos;s records page stops counting at 100,000: &quot;More than 100,000 runs&quot;</extracomment>
        <translation>超过 %1 次运行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln 次运行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>newest %1 shown, scroll for more</source>
        <translation>显示最新的 %1 条，滚动查看更多</translation>
    </message>
    <message>
        <location line="+166"/>
        <location line="+23"/>
        <source>Export records</source>
        <translation>导出测试记录</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+53"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Exporting %1 runs…</source>
        <translation>正在导出 %1 次运行…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+56"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location line="-15"/>
        <source>Wrote %n device(s) for cloud configuration to %1.</source>
        <translation>
            <numerusform>已将 %n 台设备写入 %1，用于云配置。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n device(s) left out: their recipe names no product and device group.</source>
        <translation>
            <numerusform>%n 台设备被排除：其配方未指定产品和设备组。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n device(s) left out: a name or device ID the script cannot use.</source>
        <translation>
            <numerusform>%n 台设备被排除：名称或设备 ID 无法被脚本使用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export failed: the export ended without a result.</source>
        <translation>导出失败：导出结束但没有结果。</translation>
    </message>
</context>
<context>
    <name>Station::RunHistoryModel</name>
    <message>
        <location filename="../models/recordsmodel.cpp" line="+249"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixture</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed step</source>
        <translation>失败步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>Station::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+132"/>
        <source>Station settings</source>
        <translation>工作站设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+155"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Fixtures</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant database</source>
        <translation>工厂数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the program</source>
        <translation>选择程序</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the record file</source>
        <translation>选择测试记录文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Station record (*.sqlite)</source>
        <translation>测试记录 (*.sqlite)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>e.g. LINE2-ST04</source>
        <translation>例如 LINE2-ST04</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect when the station starts next.</source>
        <translation>下次启动工作站时生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sample recipes</source>
        <translation>示例配方</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>The application&apos;s data folder</source>
        <translation>应用程序数据文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipe folder</source>
        <translation>配方文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record file</source>
        <translation>测试记录文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back end</source>
        <translation>后端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulator: a bench of simulated devices, no hardware</source>
        <translation>模拟器：由模拟设备组成的模拟测试台，无需硬件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real devices through the Azure Sphere SDK</source>
        <translation>通过 Azure Sphere SDK 连接真实设备</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>azsphere (Azure Sphere Legacy)</source>
        <extracomment>The two Microsoft tools; Legacy retires on 27 September 2027</extracomment>
        <translation>azsphere（Azure Sphere 旧版）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az sphere (Azure Sphere Integrated)</source>
        <translation>az sphere（Azure Sphere 集成版）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool:</source>
        <translation>工具：</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <location line="+14"/>
        <location line="+3"/>
        <location line="+718"/>
        <location line="+1"/>
        <source>Found on the PATH</source>
        <translation>从 PATH 中查找</translation>
    </message>
    <message>
        <location line="-735"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the selected tool for its version</source>
        <translation>查询所选工具的版本</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>The station delivers its record to the plant database and, while the plant answers, asks it whether a label or a device is known at another station. Without a connection the record stays on this station. Changes take effect when the station starts next.</source>
        <translation>工作站将其测试记录传送到工厂数据库，并在工厂数据库可用时向其查询某个标签或设备是否已在其他工作站出现。未设置连接时，测试记录只保存在本工作站。更改在下次启动工作站时生效。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>libpq key=value pairs (host, port, dbname, user, sslmode, sslrootcert) or service=NAME from a pg_service.conf</source>
        <translation>libpq 的 key=value 参数（host、port、dbname、user、sslmode、sslrootcert），或 pg_service.conf 中的 service=NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+67"/>
        <source>e.g. %1</source>
        <extracomment>%1 is an example of a setting that stays as it is (a PostgreSQL connection string)
----------
%1 is an example regular expression that stays as it is</extracomment>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>The station&apos;s own login: it delivers the record and checks labels and devices against the plant.</source>
        <translation>工作站自己的登录：用于传送测试记录，并向工厂数据库核对标签和设备。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station ID that IT registered for this station&apos;s login.</source>
        <translation>IT 为本工作站的登录注册的工作站 ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A quality login (role plant_quality) for the plant views and the analytics. Empty: they show this station&apos;s record only.</source>
        <translation>用于工厂视图和分析的质量登录（角色 plant_quality）。留空：它们只显示本工作站的测试记录。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Passwords come from ~/.pgpass, PGPASSFILE or a service file, never from here.</source>
        <translation>密码来自 ~/.pgpass、PGPASSFILE 或服务文件，绝不在此填写。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station ID</source>
        <translation>工作站 ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read connection</source>
        <translation>读取连接</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A regular expression. A scan that matches it is a badge and opens the sign-in, also while someone is signed in and also when the station does not know the badge yet. A user&apos;s badge opens the sign-in with or without a pattern.</source>
        <translation>正则表达式。与之匹配的扫描即为工牌并打开登录，即使已有人登录、即使工作站尚不认识该工牌。用户的工牌无论有无格式都会打开登录。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No pattern: this scan opens the sign-in if it is a user&apos;s badge or nobody is signed in; otherwise it is a device label.</source>
        <translation>无格式：如果此扫描是用户的工牌或无人登录，则打开登录；否则为设备标签。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No match: this scan is a device label, unless it is a user&apos;s badge.</source>
        <translation>不匹配：此扫描为设备标签，除非它是用户的工牌。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (this computer&apos;s name)</source>
        <extracomment>The station ID used when none is set and the station has no name: %1 is the host name</extracomment>
        <translation>%1（本计算机名称）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (the station name)</source>
        <extracomment>The station ID used when none is set: %1 is the station&apos;s name</extracomment>
        <translation>%1（工作站名称）</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>The %1 found on the PATH (%2) is the station&apos;s simulator, not Microsoft&apos;s. Set the path of the real tool above, or choose the simulator.</source>
        <translation>在 PATH 中找到的 %1（%2）是工作站的模拟器，不是微软的工具。请在上方填写真实工具的路径，或选择模拟器。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Asking %1 for its version…</source>
        <translation>正在查询 %1 的版本…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-630"/>
        <source>One NAME=value per line</source>
        <translation>每行一个 NAME=值</translation>
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
        <translation>环境变量</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+134"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Step type</source>
        <translation>步骤类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timeout (s)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Default step timeout</source>
        <translation>默认步骤超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per step type</source>
        <translation>按步骤类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UART baud rate</source>
        <translation>UART 波特率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UART ports offered</source>
        <translation>可选 UART 端口</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Each fixture is bound to the USB port it is wired to (its FTDI location ID), or to an IP address where the SDK reports no connection path.</source>
        <translation>每个工位绑定到其所连接的 USB 端口（FTDI 位置 ID）；如果 SDK 不报告连接路径，则绑定到 IP 地址。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add fixture</source>
        <translation>添加工位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detect attached</source>
        <translation>检测已连接设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run azsphere device list-attached and fill in the connection paths of the devices plugged in now</source>
        <translation>运行 azsphere device list-attached，并填入当前已连接设备的连接路径</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Hands-free</source>
        <translation>自动开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new device by itself once it has answered for the settle time</source>
        <translation>新设备在稳定时间内持续应答后自动开始</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a device that was not in the fixture before starts; the start rules (sign-in, label, recipe) apply as for a click. Takes effect when the station starts next.</source>
        <translation>只有之前不在工位中的设备才会自动开始；开始规则（登录、标签、配方）与点击开始时相同。下次启动工作站时生效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Settle time</source>
        <translation>稳定时间</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Who may do what is set per user (Users…, Ctrl+U) and described in the roles table. These two settings take effect when saved.</source>
        <translation>谁可以做什么按用户设置（用户…，Ctrl+U），并在角色表中说明。这两项设置保存后即生效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Never</source>
        <extracomment>The idle time before an automatic sign-out, when it is 0</extracomment>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <extracomment>After a number of minutes, e.g. &quot;15 min&quot;</extracomment>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A user is signed out after this long without a key or a click, never while a run they started is going on.</source>
        <translation>用户在这段时间内没有按键或点击即被注销；其启动的运行进行中时绝不注销。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scan or type a badge or a device label</source>
        <translation>扫描或输入工牌或设备标签</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Automatic sign-out</source>
        <translation>自动注销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge pattern</source>
        <translation>工牌格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try a scan</source>
        <translation>试扫描</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The pattern is not a valid regular expression: %1</source>
        <translation>该格式不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A badge: this scan opens the sign-in.</source>
        <translation>是工牌：此扫描将打开登录。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;%1 cannot be read:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;无法读取 %1：&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>No configuration file was given to save to.</source>
        <translation>未指定要保存到的配置文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;The settings could not be saved:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法保存设置：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Looking for attached devices…</source>
        <translation>正在查找已连接的设备…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The check ended without a result.</source>
        <translation>检查结束但没有结果。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No device is attached.</source>
        <translation>未连接任何设备。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 attached: %2 already in the map, %3 filled in. Check the labels, then save.</source>
        <translation>已连接 %1：%2 台已在映射表中，已填入 %3 台。请检查名称后保存。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The simulator&apos;s azsphere is used</source>
        <translation>使用模拟器的 azsphere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The simulator&apos;s az is used</source>
        <translation>使用模拟器的 az</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Fix these before saving:&lt;/b&gt;</source>
        <translation>&lt;b&gt;保存前请修正以下问题：&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Station::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+54"/>
        <source>Create the first admin</source>
        <translation>创建第一位管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This station has no users yet. Create the first admin: they add the operators, technicians, quality staff and engineers.</source>
        <translation>此工作站还没有用户。请创建第一位管理员：由其添加操作员、技术员、质量人员和工程师。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+39"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Scan your badge and type your PIN, or sign in with your name and password.</source>
        <translation>请扫描工牌并输入 PIN，或用用户名和密码登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan your badge</source>
        <translation>扫描工牌</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badge and PIN</source>
        <translation>工牌和 PIN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan your badge first.</source>
        <translation>请先扫描工牌。</translation>
    </message>
</context>
<context>
    <name>Station::StationStatusBar</name>
    <message numerus="yes">
        <location filename="../ui/stationstatusbar.cpp" line="+73"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, oldest %2</source>
        <extracomment>%1: &quot;12 runs waiting&quot;, %2: the oldest one&apos;s age (&quot;3 min&quot;)</extracomment>
        <translation>%1，最早的已等待 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n run(s) waiting</source>
        <translation>
            <numerusform>%n 次运行待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n 条数据待上传</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plant: connecting</source>
        <translation>工厂：正在连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: up to date</source>
        <translation>工厂：已全部上传</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plant: %1</source>
        <translation>工厂：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: delivering</source>
        <translation>工厂：正在上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant: delivering, %1</source>
        <translation>工厂：正在上传，%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot reach the server</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PostgreSQL driver missing</source>
        <translation>缺少 PostgreSQL 驱动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection setting wrong</source>
        <translation>连接设置有误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: offline (%1)</source>
        <translation>工厂：离线（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant: offline (%1) · %2</source>
        <translation>工厂：离线（%1）· %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plant: PAUSED, see details</source>
        <translation>工厂：已暂停，请查看详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plant: PAUSED · %1</source>
        <translation>工厂：已暂停 · %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plant: cannot read the record</source>
        <translation>工厂：无法读取测试记录</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n 行被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>clock off by %n s</source>
        <translation>
            <numerusform>时钟偏差 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delivers as station %1.</source>
        <translation>以工作站 %1 的身份上传。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click for the rows the plant refused and to retry them.</source>
        <translation>单击可查看被工厂拒绝的行并重试。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Back end: unknown</source>
        <translation>后端：未知</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record: %1</source>
        <translation>测试记录：%1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Free space: unknown</source>
        <translation>可用空间：未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Low disk space: %1 free</source>
        <extracomment>Status bar: free space on the record&apos;s disk, e.g. &quot;Free: 41.2 GiB&quot;</extracomment>
        <translation>磁盘空间不足：剩余 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free: %1</source>
        <translation>可用：%1</translation>
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
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Station::Tr</name>
    <message>
        <location filename="../app/stationsetup.cpp" line="+159"/>
        <source>%1 does not run: %2</source>
        <translation>%1 无法运行：%2</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Cannot create the folder for the record %1.</source>
        <translation>无法为测试记录文件 %1 创建文件夹。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The station configuration %1 selects the real back end, but %2</source>
        <translation>工作站配置 %1 选择了真实后端，但：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install the Azure CLI with its azure-sphere extension and the Azure Sphere SDK, or correct tools/az in the station configuration; to use the simulator, write backend=simulator in its [station] section.</source>
        <translation>请安装 Azure CLI 及其 azure-sphere 扩展和 Azure Sphere SDK，或更正工作站配置中的 tools/az；要使用模拟器，请在其 [station] 节中写入 backend=simulator。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install the Azure Sphere SDK or correct tools/azsphere in the station configuration; to use the simulator, write backend=simulator in its [station] section.</source>
        <translation>请安装 Azure Sphere SDK，或更正工作站配置中的 tools/azsphere；如要使用模拟器，请在其 [station] 节中写入 backend=simulator。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>There is no fixture %1 (the station has %2).</source>
        <translation>不存在工位 %1（本工作站共有 %2 个工位）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The recipe has RF steps, but RfSettingsTool or RfToolCli is not configured or not found.</source>
        <translation>配方包含 RF 步骤，但 RfSettingsTool 或 RfToolCli 未配置或未找到。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Back end: real (%1 %2 %3)</source>
        <extracomment>Status bar and headless output: the real tools, e.g. &quot;Back end: real (azsphere /opt/azurespheresdk/Tools_v2/azsphere 25.10.0.1)&quot; or &quot;Back end: real (az sphere /usr/bin/az azure-cli 2.75.0, azure-sphere 1.0.4, SDK 25.10.0.1)&quot;</extracomment>
        <translation>后端：真实设备（%1 %2 %3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back end: simulated (%1 %2, bench %3)</source>
        <extracomment>Status bar and headless output: the simulator&apos;s stand-in (azsphere or az sphere) and its bench folder</extracomment>
        <translation>后端：模拟（%1 %2，模拟测试台 %3）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the configured %1 %2 is not used</source>
        <translation>未使用已配置的 %1 %2</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>--simulate overrides backend=real of the station configuration %1</source>
        <translation>--simulate 覆盖工作站配置 %1 中的 backend=real</translation>
    </message>
    <message>
        <location filename="../services/azsphere/azsphereclient.cpp" line="+151"/>
        <location filename="../services/azsphere/errorcatalog.cpp" line="+30"/>
        <location filename="../services/rf/rftoolclient.cpp" line="+17"/>
        <source>The station did not say which device to use (configuration fault).</source>
        <translation>工作站未指定要使用的设备（配置错误）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../services/azsphere/errorcatalog.cpp" line="+2"/>
        <location filename="../services/rf/rftoolclient.cpp" line="+3"/>
        <source>Stop the line; call engineering.</source>
        <translation>请停线并联系工程师。</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No component ID was given for the delete.</source>
        <translation>删除操作未指定组件 ID。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+60"/>
        <location filename="../services/hardware/uartsession.cpp" line="+150"/>
        <location line="+41"/>
        <location line="+76"/>
        <location filename="../services/rf/rftoolclient.cpp" line="+153"/>
        <source>Fix the recipe.</source>
        <translation>请修正配方。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The manufacturing state %1 cannot be set.</source>
        <translation>无法设置制造状态 %1。</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>%1 is not the %2 tool: it does not know the command %3.</source>
        <translation>%1 不是 %2 工具：它不认识命令 %3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check which tool the station configuration names (Settings, Tools: the tool and its path).</source>
        <translation>请检查工作站配置所指定的工具（设置 → 工具：工具及其路径）。</translation>
    </message>
    <message>
        <location filename="../services/process/backgroundprocess.cpp" line="+36"/>
        <source>The program %1 was not found or is not executable.</source>
        <translation>未找到程序 %1，或该程序不可执行。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Could not start %1.</source>
        <translation>无法启动 %1。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 ended before it was ready.</source>
        <translation>%1 在就绪前已退出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 did not become ready in time.</source>
        <translation>%1 未能及时就绪。</translation>
    </message>
    <message>
        <location filename="../services/records/csvexport.cpp" line="+324"/>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The export file could not be written.</source>
        <translation>无法写入导出文件。</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>The export file is not open for writing.</source>
        <translation>导出文件未以写入方式打开。</translation>
    </message>
    <message>
        <location filename="../services/azsphere/errorcatalog.cpp" line="+3"/>
        <source>The device cannot be reached over USB: not seated, bad cable or contact, or the fixture is bound to the wrong port.</source>
        <translation>无法通过 USB 连接设备：设备未放好、线缆或接触不良，或工位绑定了错误的端口。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reseat the device and cable, check the fixture&apos;s port, retry.</source>
        <translation>请重新放置设备并重新插拔线缆，检查工位端口后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device is connected but silent: busy with an OS update, booting, or hung.</source>
        <translation>设备已连接但无响应：正在更新操作系统、正在启动或已死机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait 2 min and retry; if it repeats, unplug and replug.</source>
        <translation>请等待 2 分钟后重试；如再次出现，请拔下后重新插上。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device would not enter recovery mode: asleep or powered down, or a bad recovery (FTDI) link.</source>
        <translation>设备无法进入恢复模式：处于休眠或断电状态，或恢复连接（FTDI）不良。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Power-cycle, check the USB/FTDI cable and fixture, recover again.</source>
        <translation>请断电重启，检查 USB/FTDI 线缆和工位，然后重新恢复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new OS was written but the device did not come back.</source>
        <translation>新操作系统已写入，但设备未重新上线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unplug, replug, recover again; set it aside if it repeats.</source>
        <translation>请拔下后重新插上，再次恢复；如再次出现，请将设备放到返修区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong or incomplete OS image folder, or tools too old.</source>
        <translation>操作系统映像文件夹错误或不完整，或工具版本过旧。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the recipe&apos;s OS folder (version, all files) and the SDK.</source>
        <translation>请检查配方中的操作系统文件夹（版本、文件是否齐全）以及 SDK。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The capability file is for another device, or damaged.</source>
        <translation>功能文件属于其他设备，或已损坏。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this device&apos;s file.</source>
        <translation>请使用本设备的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(a) SDK development thumbprint in the package: a development build, which factory devices refuse. (b) Production thumbprint: the device&apos;s trusted keystore is older than the signing key.</source>
        <translation>(a) 映像包中为 SDK 开发指纹：这是开发版本，工厂设备会拒绝。(b) 生产指纹：设备的受信任密钥存储早于签名密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(a) Use the production-signed package. (b) Sideload the trusted keystore package (or recover to a newer OS), then retry.</source>
        <translation>(a) 请使用生产签名的映像包。(b) 请旁加载受信任密钥存储包（或恢复到更新的操作系统）后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device refused the image, usually because it is not production-signed.</source>
        <translation>设备拒绝了该映像，通常是因为它不是生产签名的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+266"/>
        <source>Use the production-signed package.</source>
        <translation>请使用生产签名的映像包。</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>No room left for this application.</source>
        <translation>没有足够空间安装此应用程序。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete old or test applications, then retry.</source>
        <translation>请删除旧应用程序或测试应用程序后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device is installing a cloud update.</source>
        <translation>设备正在安装云端更新。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry in minutes; keep line devices off update networks.</source>
        <translation>请几分钟后重试；产线设备不要连接会推送更新的网络。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is damaged or not a package.</source>
        <translation>文件已损坏或不是映像包。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-copy it and check its checksum.</source>
        <translation>请重新复制文件并核对校验和。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The package was built wrongly.</source>
        <translation>映像包构建有误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return it to the software team.</source>
        <translation>请退回软件团队。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device refused: it is finalized (DeviceComplete) or lacks a capability.</source>
        <translation>设备拒绝执行：设备已最终锁定（DeviceComplete）或缺少所需功能。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the state; a finalized device cannot be changed on the line, so set it aside.</source>
        <translation>请检查状态；已最终锁定的设备无法在产线上更改，请将其放到返修区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still busy with an earlier operation.</source>
        <translation>仍在执行先前的操作。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry in a few seconds.</source>
        <translation>请几秒后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device must restart before more changes.</source>
        <translation>设备需要重启后才能进行更多更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart it, then retry.</source>
        <translation>请重启设备后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The named application is not installed.</source>
        <translation>指定的应用程序未安装。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the recipe&apos;s component ID.</source>
        <translation>请检查配方中的组件 ID。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The recipe&apos;s Wi-Fi settings do not fit (duplicate, missing, too long or short), or the radio is still starting.</source>
        <translation>配方中的 Wi-Fi 设置不合适（重复、缺失、过长或过短），或无线模块仍在启动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the Wi-Fi settings; for &quot;initializing&quot;, wait 10 s and retry.</source>
        <translation>请修正 Wi-Fi 设置；如提示“initializing”，请等待 10 秒后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device did not come back after a restart.</source>
        <translation>设备重启后未重新上线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unplug and replug; set it aside if it repeats.</source>
        <translation>请拔下后重新插上；如再次出现，请将设备放到返修区。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RF tools need a Blank device; this one has left Blank.</source>
        <translation>RF 工具需要处于 Blank 状态的设备；此设备已不是 Blank 状态。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RF steps must precede the state change; set it aside.</source>
        <translation>RF 步骤必须在状态变更之前执行；请将设备放到返修区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device reported an error the tools do not know.</source>
        <translation>设备报告了工具无法识别的错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry once; keep the raw output.</source>
        <translation>请重试一次；保留原始输出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station called the tool wrongly.</source>
        <translation>工作站调用工具的方式有误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../services/rf/rftooloutput.cpp" line="+101"/>
        <source>Call engineering with the raw output.</source>
        <translation>请携带原始输出联系工程师。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The station could not start the tool.</source>
        <translation>工作站无法启动该工具。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the tool&apos;s path in the station configuration; call engineering.</source>
        <translation>请检查工作站配置中的工具路径；联系工程师。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tool hung; the station killed it.</source>
        <translation>工具无响应，工作站已将其终止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unplug and replug the device, retry.</source>
        <translation>请拔下设备后重新插上，然后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tool crashed.</source>
        <translation>工具已崩溃。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry once; send the raw output to engineering.</source>
        <translation>请重试一次；将原始输出发送给工程师。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../services/hardware/uartsession.cpp" line="-133"/>
        <source>The operator aborted the step.</source>
        <translation>操作员已中止该步骤。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../services/hardware/uartsession.cpp" line="+2"/>
        <source>Start the device again when ready.</source>
        <translation>准备就绪后请重新开始。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The cloud has no such catalog, product, device group or device.</source>
        <translation>云中没有此目录、产品、设备组或设备。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the names in the recipe or the station configuration; call engineering.</source>
        <translation>请检查配方或工作站配置中的名称；联系工程部门。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The tool failed with a message the station does not know</source>
        <translation>工具失败，并报告了工作站无法识别的消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/rf/rftooloutput.cpp" line="+8"/>
        <source>Retry once; send the raw output to engineering</source>
        <translation>请重试一次；将原始输出发送给工程师</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The tool printed more than the station keeps (%1 MiB per stream); only the first %1 MiB were kept, so its reply is incomplete and was not read.</source>
        <translation>工具输出超出工作站保留的上限（每个流 %1 MiB）；仅保留了前 %1 MiB，因此其应答不完整，未予解析。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry once; if it repeats, send the raw output to engineering (the tool or the device misbehaves).</source>
        <translation>请重试一次；如再次出现，请将原始输出发送给工程师（工具或设备工作异常）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tool printed something unreadable.</source>
        <translation>工具输出了无法解析的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry; send the raw output to engineering.</source>
        <translation>请重试；将原始输出发送给工程师。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>SDK development thumbprint in the package: a development build, which factory devices refuse.</source>
        <translation>映像包中为 SDK 开发指纹：这是开发版本，工厂设备会拒绝。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Production thumbprint: the device&apos;s trusted keystore is older than the signing key.</source>
        <translation>生产指纹：设备的受信任密钥存储早于签名密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sideload the trusted keystore package (or recover to a newer OS), then retry.</source>
        <translation>请旁加载受信任密钥存储包（或恢复到更新的操作系统）后重试。</translation>
    </message>
    <message>
        <location filename="../services/station/fixtureworker.cpp" line="+243"/>
        <source>The run was not started: the record cannot be written (%1).</source>
        <translation>运行未启动：无法写入测试记录（%1）。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The record cannot be written, so the station will not make a permanent change to the device.</source>
        <translation>无法写入测试记录，因此工作站不会对设备进行永久性更改。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The label %1 was scanned for device %2, but device %3 is in the fixture.</source>
        <translation>标签 %1 是为设备 %2 扫描的，但工位中是设备 %3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the label of the device in the fixture, then start it.</source>
        <translation>请扫描工位中设备的标签，然后启动。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The record cannot be read, so the station cannot check that the label %1 belongs to no other device (%2).</source>
        <translation>无法读取测试记录，因此工作站无法确认标签 %1 不属于其他设备（%2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the record file, then start the device again.</source>
        <translation>请检查测试记录文件，然后重新启动该设备。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../services/station/station.cpp" line="+330"/>
        <source>The label %1 already belongs to another device (%2).</source>
        <translation>标签 %1 已属于另一台设备（%2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Check the label; scan the right one.</source>
        <translation>请检查标签并扫描正确的标签。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The label %1 already belongs to another device (%2) at station %3 (plant record).</source>
        <translation>标签 %1 已属于工作站 %3 的另一台设备（%2）（工厂数据库）。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Set the device aside with the finished devices; check its label against the record.</source>
        <translation>请将设备放到已完成设备处；对照测试记录核对其标签。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Device %1 is already %2: run %3 finalized it (%4 UTC, station %5). This recipe (to %6) would change it; the run stops before any change.</source>
        <translation>设备 %1 已处于 %2 状态：由运行 %3 最终锁定（%4 UTC，工作站 %5）。此配方（设置为 %6）会更改该设备；运行在任何更改之前停止。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Device %1 is already %2: station %3 finalized it (%4 UTC, plant record). This recipe (to %5) would change it; the run stops before any change.</source>
        <translation>设备 %1 已处于 %2 状态：工作站 %3 已将其最终锁定（%4 UTC，工厂数据库）。此配方（设置为 %5）会更改该设备；运行在任何更改之前停止。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Device %1 is already %2 (no run in this record finalized it). This recipe (to %3) would change it; the run stops before any change.</source>
        <translation>设备 %1 已处于 %2 状态（此测试记录中没有运行将其最终锁定）。此配方（设置为 %3）会更改该设备；运行在任何更改之前停止。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The run was stopped before its result was recorded.</source>
        <translation>运行在结果记录之前已停止。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The result could not be recorded; the device is not passed.</source>
        <translation>无法记录结果；该设备不判为通过。</translation>
    </message>
    <message>
        <location filename="../services/hardware/ftdienumerator.cpp" line="+87"/>
        <location line="+16"/>
        <source>USB devices cannot be listed on this computer.</source>
        <translation>无法在此计算机上列出 USB 设备。</translation>
    </message>
    <message>
        <location filename="../services/station/headlessrunner.cpp" line="+21"/>
        <source>RECORD ERROR: %1 (retrying; no result is lost)</source>
        <translation>测试记录错误：%1（正在重试；不会丢失任何结果）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RECORD OK again: pending results written</source>
        <translation>测试记录已恢复正常：待写入的结果已写入</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>F%1  not started: %2</source>
        <translation>F%1  未启动：%2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>F%1  repetition not started: %2</source>
        <translation>F%1  重复运行未启动：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n run(s): %1 PASS, %2 FAIL, %3 ABORTED in %4 s</source>
        <translation>
            <numerusform>共 %n 次运行：%1 PASS，%2 FAIL，%3 ABORTED，用时 %4 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/azsphere/imagepackage.cpp" line="+63"/>
        <source>The file is not an Azure Sphere image package.</source>
        <translation>该文件不是 Azure Sphere 映像包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the recipe: it must name a valid image package.</source>
        <translation>请修正配方：必须指定有效的映像包。</translation>
    </message>
    <message>
        <location line="+185"/>
        <source>The image package %1 does not exist.</source>
        <translation>映像包 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/azsphere/osversions.cpp" line="+83"/>
        <source>Fix the recipe or restore the file.</source>
        <translation>请修正配方或恢复该文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image package cannot be read: %1</source>
        <translation>无法读取映像包：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/azsphere/osversions.cpp" line="+5"/>
        <source>Check the file&apos;s permissions and the disk.</source>
        <translation>请检查文件权限和磁盘。</translation>
    </message>
    <message>
        <location filename="../services/base/logging.cpp" line="+152"/>
        <source>Cannot open the log file %1.</source>
        <translation>无法打开日志文件 %1。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Logging is already set up.</source>
        <translation>日志记录已设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No folder for the log files is known.</source>
        <translation>未指定日志文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the log folder %1.</source>
        <translation>无法创建日志文件夹 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot log to the standard error stream.</source>
        <translation>无法将日志写入标准错误流。</translation>
    </message>
    <message>
        <location filename="../services/azsphere/osversions.cpp" line="-66"/>
        <source>The OS versions file is not valid.</source>
        <translation>操作系统版本文件无效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use Microsoft&apos;s mt3620an.json, unchanged.</source>
        <translation>请使用未经修改的 Microsoft mt3620an.json。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The OS versions file %1 does not exist.</source>
        <translation>操作系统版本文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The OS versions file cannot be read: %1</source>
        <translation>无法读取操作系统版本文件：%1</translation>
    </message>
    <message>
        <location filename="../services/azsphere/readycheck.cpp" line="+226"/>
        <source>The device is not ready to ship: %1</source>
        <translation>设备不满足出货条件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix what the checks name (rerun the steps that set it up), then check again; set the device aside if it repeats.</source>
        <translation>请修正检查指出的问题（重新执行相应的设置步骤），然后再次检查；如再次出现，请将设备放到返修区。</translation>
    </message>
    <message>
        <location filename="../services/base/jsonreader.cpp" line="+121"/>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+114"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+66"/>
        <location filename="../services/base/textcheck.cpp" line="+49"/>
        <location filename="../services/hardware/uartsession.cpp" line="+348"/>
        <location filename="../services/recipe/recipeloader.cpp" line="+558"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an integer from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>must have at least %n entries</source>
        <translation>
            <numerusform>至少需要 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../services/steps/uartteststep.cpp" line="+31"/>
        <source>must be one of: %1</source>
        <translation>必须是以下值之一：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown key; did you mean &quot;%1&quot;?</source>
        <translation>未知的键；是否是指 &quot;%1&quot;？</translation>
    </message>
    <message>
        <location filename="../services/base/strictjson.cpp" line="+115"/>
        <source>the key &quot;%1&quot; appears twice</source>
        <translation>键 &quot;%1&quot; 出现了两次</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>the key &quot;%1&quot; appears %n times</source>
        <translation>
            <numerusform>键 &quot;%1&quot; 出现了 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+125"/>
        <source>not valid JSON: %1 at offset %2</source>
        <translation>不是有效的 JSON：%1（偏移量 %2）</translation>
    </message>
    <message>
        <location filename="../services/azsphere/osversions.cpp" line="-49"/>
        <location filename="../services/recipe/recipeloader.cpp" line="-352"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="+26"/>
        <source>must be an integer (this station reads format %1)</source>
        <translation>必须是整数（本工作站读取格式 %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unsupported recipe format %1; this station reads format %2</source>
        <translation>不支持的配方格式 %1；本工作站读取格式 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>is required by the &quot;os-update&quot; and &quot;ready-to-ship&quot; steps</source>
        <translation>为 &quot;os-update&quot; 和 &quot;ready-to-ship&quot; 步骤所必需</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>needs a &quot;label_pattern&quot; to be an example of</source>
        <translation>需要一个它作为示例所对应的 &quot;label_pattern&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>does not match &quot;label_pattern&quot;</source>
        <translation>与 &quot;label_pattern&quot; 不匹配</translation>
    </message>
    <message>
        <location filename="../services/hardware/uartsession.cpp" line="-439"/>
        <location filename="../services/recipe/recipeloader.cpp" line="+59"/>
        <location line="+19"/>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <location filename="../services/steps/sideloadstep.cpp" line="+33"/>
        <source>has the same component ID as %1; only one of them would stay installed</source>
        <translation>与 %1 的组件 ID 相同；两者只有一个会保留安装</translation>
    </message>
    <message>
        <location filename="../services/steps/deletetemporarystep.cpp" line="+28"/>
        <source>%1 is an OS component; the device refuses to delete it</source>
        <translation>%1 是操作系统组件；设备拒绝删除</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a component ID (GUID), e.g. &quot;508eddf2-b8c3-4a99-93d9-a045d9a060eb&quot;</source>
        <translation>必须是组件 ID（GUID），例如 &quot;508eddf2-b8c3-4a99-93d9-a045d9a060eb&quot;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>needs &quot;component_ids&quot; or &quot;packages&quot; naming what to delete</source>
        <translation>需要用 &quot;component_ids&quot; 或 &quot;packages&quot; 指定要删除的内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;component_ids&quot; and &quot;packages&quot; are both empty; name at least one component to delete</source>
        <translation>&quot;component_ids&quot; 和 &quot;packages&quot; 均为空；请至少指定一个要删除的组件</translation>
    </message>
    <message>
        <location filename="../services/steps/uartteststep.cpp" line="-9"/>
        <source>must be an absolute device path, or empty for the fixture&apos;s port</source>
        <translation>必须是绝对设备路径；留空则使用工位的端口</translation>
    </message>
    <message>
        <location filename="../services/base/jsonreader.cpp" line="-23"/>
        <source>invalid regular expression: %1 at offset %2</source>
        <translation>正则表达式无效：%1（偏移量 %2）</translation>
    </message>
    <message>
        <location filename="../services/hardware/uartsession.cpp" line="+23"/>
        <source>cannot be combined with &quot;measure&quot;</source>
        <translation>不能与 &quot;measure&quot; 同时使用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be an upper-case measurement name such as &quot;VCC_3V3&quot;</source>
        <translation>必须是大写的测量值名称，例如 &quot;VCC_3V3&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown unit &quot;%1&quot;; use one of: %2</source>
        <translation>未知单位 &quot;%1&quot;；请使用以下之一：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must not be greater than &quot;high&quot; (%1)</source>
        <translation>不能大于 &quot;high&quot;（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>belongs to a &quot;measure&quot; action</source>
        <translation>仅用于 &quot;measure&quot; 操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs &quot;send&quot;, &quot;expect&quot; or &quot;measure&quot;</source>
        <translation>需要 &quot;send&quot;、&quot;expect&quot; 或 &quot;measure&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be printable ASCII without line breaks, at most %1 characters</source>
        <translation>必须是不含换行的可打印 ASCII 字符，最多 %1 个字符</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>needs &quot;expect&quot;</source>
        <translation>需要 &quot;expect&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs a capture group in &quot;expect&quot; that holds the device ID</source>
        <translation>需要在 &quot;expect&quot; 中包含捕获设备 ID 的捕获组</translation>
    </message>
    <message>
        <location filename="../services/steps/rfverifystep.cpp" line="+30"/>
        <source>%1 must be exactly %2 bytes, but it has %3</source>
        <translation>%1 必须正好为 %2 字节，但实际为 %3 字节</translation>
    </message>
    <message>
        <location filename="../services/steps/rfcalibratestep.cpp" line="+68"/>
        <source>must be two upper-case ASCII letters, e.g. &quot;US&quot;</source>
        <translation>必须是两个大写 ASCII 字母，例如 &quot;US&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 holds region %2 at offset 0x36, but &quot;region&quot; is &quot;%3&quot;</source>
        <translation>%1 在偏移量 0x36 处的区域为 %2，但 &quot;region&quot; 为 &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../services/steps/wifiverifystep.cpp" line="+41"/>
        <source>must be at most %1 bytes long (UTF-8)</source>
        <translation>长度不能超过 %1 字节（UTF-8）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be 8 to 63 printable ASCII characters or 64 hexadecimal digits</source>
        <translation>必须是 8 到 63 个可打印 ASCII 字符或 64 个十六进制数字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give either &quot;psk&quot; or &quot;open&quot;: true, not both</source>
        <translation>只能指定 &quot;psk&quot; 或 &quot;open&quot;: true 之一，不能同时指定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs &quot;psk&quot;, or &quot;open&quot;: true for an open network</source>
        <translation>需要 &quot;psk&quot;；开放网络则需要 &quot;open&quot;: true</translation>
    </message>
    <message>
        <location filename="../services/steps/readytoshipstep.cpp" line="+30"/>
        <source>must be an OS version name</source>
        <translation>必须是操作系统版本名称</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is required (a list, possibly empty), unless &quot;expect_sideloaded&quot; is true</source>
        <translation>为必填项（列表，可为空），除非 &quot;expect_sideloaded&quot; 为 true</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>must be an image ID (GUID) or {&quot;package&quot;: &lt;file&gt;}</source>
        <translation>必须是映像 ID（GUID）或 {&quot;package&quot;: &lt;文件&gt;}</translation>
    </message>
    <message>
        <location filename="../services/steps/finalizestep.cpp" line="+26"/>
        <source>must be true: DeviceComplete is permanent and must be confirmed explicitly</source>
        <translation>必须为 true：DeviceComplete 不可逆，必须明确确认</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>applies only to &quot;state&quot;: &quot;DeviceComplete&quot;</source>
        <translation>仅适用于 &quot;state&quot;: &quot;DeviceComplete&quot;</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="-53"/>
        <source>must be an object: {&quot;product&quot;: ..., &quot;device_group&quot;: ...}</source>
        <translation>必须是对象：{&quot;product&quot;: ..., &quot;device_group&quot;: ...}</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>must be greater than params.%1 (%2)</source>
        <translation>必须大于 params.%1（%2）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the first step must be &quot;connect&quot;</source>
        <translation>第一个步骤必须是 &quot;connect&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the second step must be &quot;details&quot;</source>
        <translation>第二个步骤必须是 &quot;details&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;connect&quot; may only be the first step</source>
        <translation>&quot;connect&quot; 只能是第一个步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;details&quot; may only be the second step</source>
        <translation>&quot;details&quot; 只能是第二个步骤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;os-update&quot; may appear only once</source>
        <translation>&quot;os-update&quot; 只能出现一次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;finalize&quot; may appear only once</source>
        <translation>&quot;finalize&quot; 只能出现一次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;finalize&quot; must be the last step</source>
        <translation>&quot;finalize&quot; 必须是最后一个步骤</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RF steps need the Blank state and must come before &quot;finalize&quot;</source>
        <translation>RF 步骤需要 Blank 状态，且必须位于 &quot;finalize&quot; 之前</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;os-update&quot; must come before %1 (&quot;%2&quot;): recovery erases applications, keystore updates, board configurations and Wi-Fi networks</source>
        <translation>&quot;os-update&quot; 必须位于 %1（&quot;%2&quot;）之前：恢复会清除应用程序、密钥存储更新、板配置和 Wi-Fi 网络</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>must be &quot;Blank&quot;: the recipe has RF steps, which need a Blank device, and the state changes only at &quot;finalize&quot;</source>
        <translation>必须为 &quot;Blank&quot;：配方包含 RF 步骤，需要 Blank 状态的设备，且状态只在 &quot;finalize&quot; 时改变</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a device already in DeviceComplete cannot be finalized; the ready-to-ship check runs before %1</source>
        <translation>已处于 DeviceComplete 的设备无法再最终锁定；出货就绪检查在 %1 之前执行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>does not list &quot;%1&quot;, the OS version %2 installs</source>
        <translation>未列出 %2 所安装的操作系统版本 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>DeviceComplete needs a &quot;ready-to-ship&quot; step before it</source>
        <translation>DeviceComplete 之前需要一个 &quot;ready-to-ship&quot; 步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; changes the device after the ready-to-ship check (%2) and before the DeviceComplete finalize; move it before the check</source>
        <translation>&quot;%1&quot; 在出货就绪检查（%2）之后、DeviceComplete 最终锁定之前更改了设备；请将其移到检查之前</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>must be 64 hexadecimal digits</source>
        <translation>必须是 64 个十六进制数字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a file path or {&quot;path&quot;: ..., &quot;sha256&quot;: ...}</source>
        <translation>必须是文件路径或 {&quot;path&quot;: ..., &quot;sha256&quot;: ...}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a folder path or {&quot;path&quot;: ...}</source>
        <translation>必须是文件夹路径或 {&quot;path&quot;: ...}</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>loading the recipe was cancelled</source>
        <translation>配方加载已取消</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot read the recipe: %1</source>
        <translation>无法读取配方：%1</translation>
    </message>
    <message>
        <location filename="../services/base/boundedfile.cpp" line="+95"/>
        <source>file not found: %1</source>
        <translation>未找到文件：%1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 is a folder, not a file</source>
        <translation>%1 是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a FIFO (named pipe), not a regular file</source>
        <translation>%1 是 FIFO（命名管道），不是普通文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a character device, not a regular file</source>
        <translation>%1 是字符设备，不是普通文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a block device, not a regular file</source>
        <translation>%1 是块设备，不是普通文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a socket, not a regular file</source>
        <translation>%1 是套接字，不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a regular file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+10"/>
        <location line="+30"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1 is larger than the limit of %2</source>
        <translation>%1 超过 %2 的大小上限</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>reading %1 was cancelled</source>
        <translation>读取 %1 已取消</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="-206"/>
        <source>SHA-256 mismatch for %1: the recipe says %2, the file has %3</source>
        <translation>%1 的 SHA-256 不匹配：配方中为 %2，文件实际为 %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>folder not found: %1</source>
        <translation>未找到文件夹：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no .imagepackage files</source>
        <translation>%1 中没有 .imagepackage 文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+90"/>
        <source>%1 is not an image package (%2)</source>
        <translation>%1 不是映像包（%2）</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>%1 has image type %2 (%3), but this parameter takes type %4 (%5)</source>
        <translation>%1 的映像类型为 %2（%3），但此参数要求类型 %4（%5）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is development-signed (SDK thumbprint); factory devices refuse it</source>
        <translation>%1 为开发签名（SDK 指纹）；工厂设备会拒绝</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is development-signed (SDK thumbprint); use the production-signed package, or set &quot;allow_development_signed&quot;: true</source>
        <translation>%1 为开发签名（SDK 指纹）；请使用生产签名的映像包，或设置 &quot;allow_development_signed&quot;: true</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not a valid OS versions file: %2</source>
        <translation>%1 不是有效的操作系统版本文件：%2</translation>
    </message>
    <message>
        <location filename="../services/azsphere/osversions.cpp" line="+3"/>
        <source>no &quot;versions&quot; list</source>
        <translation>缺少 &quot;versions&quot; 列表</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>versions[%1] needs a &quot;name&quot; and &quot;images&quot; of {&quot;cid&quot;, &quot;iid&quot;}</source>
        <translation>versions[%1] 需要 &quot;name&quot; 以及由 {&quot;cid&quot;, &quot;iid&quot;} 组成的 &quot;images&quot;</translation>
    </message>
    <message>
        <location filename="../services/recipe/recipeloader.cpp" line="+20"/>
        <source>&quot;%1&quot; is not in the OS versions file %2 (it lists %3)</source>
        <translation>&quot;%1&quot; 不在操作系统版本文件 %2 中（其中列出：%3）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 does not hold OS version &quot;%2&quot;: %3 of its %4 images missing, %5 other images</source>
        <translation>%1 不包含操作系统版本 &quot;%2&quot;：其 %4 个映像中缺少 %3 个，另有 %5 个其他映像</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>The recipe is invalid (%n problem(s)):</source>
        <translation>
            <numerusform>配方无效（%n 个问题）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The recipe %1 is invalid (%n problem(s)):</source>
        <translation>
            <numerusform>配方 %1 无效（%n 个问题）：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correct the recipe file and load it again.</source>
        <translation>请修正配方文件后重新加载。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Check the recipe path in the station configuration.</source>
        <translation>请检查工作站配置中的配方路径。</translation>
    </message>
    <message>
        <location filename="../services/records/analytics.cpp" line="+262"/>
        <location filename="../services/records/recordquery.cpp" line="+203"/>
        <location filename="../services/records/recordstore.cpp" line="+186"/>
        <source>The record file is not open.</source>
        <translation>测试记录文件未打开。</translation>
    </message>
    <message>
        <location filename="../services/records/recordquery.cpp" line="+15"/>
        <location line="+295"/>
        <location filename="../services/records/recordschema.cpp" line="+323"/>
        <source>The record database returned no result.</source>
        <translation>测试记录数据库未返回结果。</translation>
    </message>
    <message>
        <location line="-226"/>
        <location filename="../services/records/recordstore.cpp" line="-68"/>
        <source>The record has no run %1.</source>
        <translation>测试记录中没有运行 %1。</translation>
    </message>
    <message>
        <location filename="../services/records/recordschema.cpp" line="+120"/>
        <source>The record file cannot use write-ahead logging.</source>
        <translation>测试记录文件无法使用预写日志（WAL）。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The record file %1 does not exist.</source>
        <translation>测试记录文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../services/records/recordlock.cpp" line="+91"/>
        <location filename="../services/records/recordschema.cpp" line="+8"/>
        <source>The folder for the record file %1 cannot be created.</source>
        <translation>无法创建测试记录文件 %1 所在的文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The lock file of the record %1 cannot be opened.</source>
        <translation>无法打开测试记录 %1 的锁文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The lock file of the record %1 cannot be locked.</source>
        <translation>无法锁定测试记录 %1 的锁文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>process %1 (%2) on %3, since %4 UTC</source>
        <translation>%3 上的进程 %1（%2），自 %4 UTC 起</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record %1 is in use by another station: %2.</source>
        <translation>测试记录 %1 正被另一个工作站使用：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use that station, or close it first; to run both, give this one its own record (--record FILE).</source>
        <translation>请使用那个工作站，或先将其关闭；如需同时运行两者，请为本工作站指定单独的测试记录（--record FILE）。</translation>
    </message>
    <message>
        <location filename="../services/records/recordschema.cpp" line="-152"/>
        <source>The record file cannot be used: %1.</source>
        <translation>无法使用测试记录文件：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name a regular file for the record, or a new file the station creates.</source>
        <translation>请为测试记录指定一个普通文件，或一个由工作站新建的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file %1 is empty, so it is not a Sphere Station record.</source>
        <translation>文件 %1 为空，因此不是 Sphere Station 测试记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name another record file, or delete this empty file and the station creates a new record there.</source>
        <translation>请指定其他测试记录文件，或删除此空文件，工作站将在该位置新建测试记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 is not a Sphere Station record (it is not a SQLite database).</source>
        <translation>文件 %1 不是 Sphere Station 测试记录（不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+28"/>
        <source>Name another record file.</source>
        <translation>请指定其他测试记录文件。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The file %1 is not a Sphere Station record.</source>
        <translation>文件 %1 不是 Sphere Station 测试记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record file %1 was written by a newer station (schema version %2; this station knows versions up to %3). Use a newer station or another record file.</source>
        <translation>测试记录文件 %1 由更新版本的工作站写入（架构版本 %2；本工作站最高支持版本 %3）。请使用更新版本的工作站或其他测试记录文件。</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>The record file %1 has schema version %2; this station reads versions %3 to %4. Open it with a station of the matching version.</source>
        <translation>测试记录文件 %1 的架构版本为 %2；本工作站可读取版本 %3 至 %4。请使用版本匹配的工作站打开。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The record could not be written: the disk is full.</source>
        <translation>无法写入测试记录：磁盘已满。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free space on the disk that holds the record file.</source>
        <translation>请释放测试记录文件所在磁盘的空间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record file cannot be written (read-only, missing or failing disk).</source>
        <translation>无法写入测试记录文件（只读、磁盘缺失或故障）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the record file and its folder are writable and the disk works.</source>
        <translation>请检查测试记录文件及其文件夹是否可写，以及磁盘是否正常。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record file is locked by another program.</source>
        <translation>测试记录文件被其他程序锁定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close other programs that have the record file open.</source>
        <translation>请关闭打开了测试记录文件的其他程序。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record refused the data because it breaks the record&apos;s rules.</source>
        <translation>测试记录拒绝了这些数据，因为它们违反了记录规则。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station sent the record an invalid request.</source>
        <translation>工作站向测试记录发送了无效请求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The record database reported an error.</source>
        <translation>测试记录数据库报告了错误。</translation>
    </message>
    <message>
        <location filename="../services/records/recordstore.cpp" line="-11"/>
        <source>The station keeps the result in memory and writes it as soon as the record can be written again.</source>
        <translation>工作站会将结果保留在内存中，待测试记录恢复可写后立即写入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 The station keeps the result in memory and writes it as soon as the record can be written again.</source>
        <translation>%1 工作站会将结果保留在内存中，待测试记录恢复可写后立即写入。</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>The fixture number %1 is invalid.</source>
        <translation>工位编号 %1 无效。</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>The step &quot;%1&quot; has no position in the recipe.</source>
        <translation>步骤“%1”在配方中没有位置。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>A run cannot be finished as RUNNING.</source>
        <translation>运行不能以 RUNNING 状态结束。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Run %1 cannot be recorded as PASS: it has no recorded steps.</source>
        <translation>运行 %1 无法记录为 PASS：没有已记录的步骤。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Run %1 cannot be recorded as PASS: %n of its steps did not pass.</source>
        <translation>
            <numerusform>运行 %1 无法记录为 PASS：有 %n 个步骤未通过。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Run %1 is already finished as %2.</source>
        <translation>运行 %1 已以 %2 结束。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The station stopped before the run finished (crash or power loss).</source>
        <translation>运行结束前工作站已停止（崩溃或断电）。</translation>
    </message>
    <message>
        <location filename="../services/rf/rftoolclient.cpp" line="-45"/>
        <source>The device&apos;s RF settings differ from the product&apos;s: %1</source>
        <translation>设备的 RF 设置与产品要求不一致：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../services/rf/rftooloutput.cpp" line="-13"/>
        <source>Set the device aside; call engineering.</source>
        <translation>请将设备放到返修区；联系工程师。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The region code &quot;%1&quot; is not two letters.</source>
        <translation>区域代码“%1”不是两个字母。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The MAC address &quot;%1&quot; is not valid.</source>
        <translation>MAC 地址“%1”无效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the label.</source>
        <translation>请检查标签。</translation>
    </message>
    <message>
        <location filename="../services/rf/rftooloutput.cpp" line="-3"/>
        <source>An e-fuse already holds another value and cannot be programmed again: %1</source>
        <translation>eFuse 已写入其他值，无法再次烧录：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station called the tool wrongly: %1</source>
        <translation>工作站调用工具的方式有误：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The RF tool refused a command: %1</source>
        <translation>RF 工具拒绝了命令：%1</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>The recipe&apos;s expected RF configuration file %1 is not 1024 bytes.</source>
        <translation>配方中的预期 RF 配置文件 %1 的大小不是 1024 字节。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Fix the recipe&apos;s RF configuration file.</source>
        <translation>请修正配方中的 RF 配置文件。</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The RF tool cannot open the file %1.</source>
        <translation>RF 工具无法打开文件 %1。</translation>
    </message>
    <message>
        <location filename="../services/station/simulatorbackend.cpp" line="+57"/>
        <source>The simulator could not prepare its bench (%1).</source>
        <translation>模拟器无法准备模拟测试台（%1）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The simulator needs at least one device.</source>
        <translation>模拟器至少需要一台设备。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not create a folder for the simulator&apos;s bench.</source>
        <translation>无法为模拟测试台创建文件夹。</translation>
    </message>
    <message>
        <location filename="../services/station/station.cpp" line="-236"/>
        <source>The station is already open.</source>
        <translation>工作站已打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fixtures are configured.</source>
        <translation>未配置任何工位。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Fixture %1 is configured twice.</source>
        <translation>工位 %1 被重复配置。</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>The operator name is refused: it %1.</source>
        <extracomment>A refused operator name: &quot;The operator name is refused: it contains the control character U+0007.&quot;</extracomment>
        <translation>操作员姓名被拒绝：该姓名%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the name again with letters, digits and spaces only.</source>
        <translation>请重新输入姓名，仅使用字母、数字和空格。</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+197"/>
        <source>There is no fixture %1.</source>
        <translation>不存在工位 %1。</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Fixture %1 is running.</source>
        <translation>工位 %1 正在运行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The label %1 does not match the recipe&apos;s label pattern %2.</source>
        <translation>标签 %1 与配方的标签模式 %2 不匹配。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The label %1 does not have the form %2 that the recipe expects (pattern %3).</source>
        <translation>标签 %1 的格式不是配方要求的 %2（模式 %3）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The label %1 is already scanned for fixture %2.</source>
        <translation>标签 %1 已为工位 %2 扫描过。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The station is not open.</source>
        <translation>工作站未打开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to start.</source>
        <translation>请登录后启动。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recipe is loaded.</source>
        <translation>未加载配方。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fixture %1 is already running.</source>
        <translation>工位 %1 已在运行。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Device %1 failed this recipe in run %2: %3</source>
        <translation>设备 %1 在第 %2 次运行中未通过此配方：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set the device aside for a technician.</source>
        <translation>请将设备放在一边，交给技术员。</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The record cannot be written; no new run can start until it can.</source>
        <translation>无法写入测试记录；恢复写入之前无法开始新的运行。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan the device&apos;s label first.</source>
        <translation>请先扫描设备标签。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The fixture is empty: insert a device first.</source>
        <translation>工位为空：请先放入设备。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No device detected yet: wait a moment and try again.</source>
        <translation>尚未检测到设备：请稍候再试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device does not answer: reseat its USB cable.</source>
        <translation>设备无响应：请重新插拔 USB 线。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Device %1 was finalized by run %2; this recipe would change it.</source>
        <translation>设备 %1 已由运行 %2 最终锁定；此配方会更改该设备。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the device aside with the finished devices.</source>
        <translation>请将设备放到已完成设备处。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device %1 already passed this recipe (run %2).</source>
        <translation>设备 %1 已通过此配方（运行 %2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insert the next device, or confirm that this one must run again.</source>
        <translation>请放入下一台设备，或确认此设备需要重新运行。</translation>
    </message>
    <message>
        <location filename="../services/config/stationconfig.cpp" line="+104"/>
        <source>%1: &quot;%2&quot; is not a whole number of at least %3.</source>
        <translation>%1：“%2”不是大于或等于 %3 的整数。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: &quot;%2&quot; is not true or false.</source>
        <translation>%1：“%2”不是 true 或 false。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: &quot;%2&quot; is not a positive number of milliseconds.</source>
        <translation>%1：“%2”不是正的毫秒数。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>contains a NUL byte; this is not a text file</source>
        <translation>包含 NUL 字节；这不是文本文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not valid UTF-8 text</source>
        <translation>不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>contains the control character U+%1</source>
        <translation>包含控制字符 U+%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a section must read [name]</source>
        <translation>节必须写成 [名称] 的形式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is neither [section], key=value, a comment nor blank</source>
        <translation>&quot;%1&quot; 既不是 [节]、键=值、注释，也不是空行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no key before &quot;=&quot;</source>
        <translation>&quot;=&quot; 前面没有键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is set again (first on line %2); each key may appear only once</source>
        <translation>%1 被重复设置（首次在第 %2 行）；每个键只能出现一次</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The station configuration %1 does not exist.</source>
        <translation>工作站配置 %1 不存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The station configuration cannot be read: %1.</source>
        <translation>无法读取工作站配置：%1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The station configuration %1 is not a readable ini file: %2.</source>
        <translation>工作站配置 %1 不是可读取的 ini 文件：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the file, or save the configuration again from the settings.</source>
        <translation>请修正该文件，或在设置中重新保存配置。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The station configuration %1 cannot be read: no temporary copy.</source>
        <translation>无法读取工作站配置 %1：无法创建临时副本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The station configuration %1 is not a readable ini file.</source>
        <translation>工作站配置 %1 不是可读取的 ini 文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: unknown back end &quot;%2&quot; (use &quot;simulator&quot; or &quot;real&quot;).</source>
        <translation>%1：未知后端 &quot;%2&quot;（请使用 &quot;simulator&quot; 或 &quot;real&quot;）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: unknown tool &quot;%2&quot; (use &quot;azsphere&quot; or &quot;az&quot;).</source>
        <translation>%1：未知工具“%2”（请使用“azsphere”或“az”）。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The station configuration %1 has invalid values:
%2</source>
        <translation>工作站配置 %1 包含无效值：
%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the folder %1 for the station configuration.</source>
        <translation>无法为工作站配置创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write the station configuration %1: it is a folder.</source>
        <translation>无法写入工作站配置 %1：该路径是文件夹。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot write the station configuration %1.</source>
        <translation>无法写入工作站配置 %1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The plant connection names a password: keep it in .pgpass, PGPASSFILE or a service file, never in the station&apos;s settings.</source>
        <translation>工厂数据库连接中包含密码：请将密码保存在 .pgpass、PGPASSFILE 或服务文件中，切勿写入工作站设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant read connection names a password: keep it in .pgpass, PGPASSFILE or a service file, never in the station&apos;s settings.</source>
        <translation>工厂数据库读取连接中包含密码：请将密码保存在 .pgpass、PGPASSFILE 或服务文件中，切勿写入工作站设置。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not a valid environment variable name.</source>
        <translation>“%1”不是有效的环境变量名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default step timeout must be positive.</source>
        <translation>默认步骤超时时间必须为正数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The timeout of step type &quot;%1&quot; must be positive.</source>
        <translation>步骤类型 &quot;%1&quot; 的超时时间必须为正数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UART baud rate must be positive, not %1.</source>
        <translation>UART 波特率必须为正数，而不是 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hands-free settle time is %1 to %2 ms, not %3 ms.</source>
        <extracomment>Hands-free: how long a new device must answer before it starts by itself</extracomment>
        <translation>自动开始的稳定时间应为 %1 至 %2 毫秒，而不是 %3 毫秒。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The idle time before an automatic sign-out is 0 (never) to 1440 minutes, not %1.</source>
        <translation>自动注销前的空闲时间为 0（从不）到 1440 分钟，不能是 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The badge pattern &quot;%1&quot; is not a valid regular expression.</source>
        <translation>工牌模式“%1”不是有效的正则表达式。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fixture numbers start at 1; %1 is not allowed.</source>
        <translation>工位编号从 1 开始；不允许使用 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixture number %1 is used by %2 fixtures.</source>
        <extracomment>%1 is a fixture number, %2 how many fixtures have it</extracomment>
        <translation>工位编号 %1 被 %2 个工位使用。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fixture %1 has the same connection path %2 as fixture %3.</source>
        <extracomment>%1 and %3 are fixture numbers, %2 the shared value</extracomment>
        <translation>工位 %1 与工位 %3 的连接路径相同（%2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture %1 has the same IP address %2 as fixture %3.</source>
        <translation>工位 %1 与工位 %3 的 IP 地址相同（%2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture %1 has the same UART port %2 as fixture %3.</source>
        <translation>工位 %1 与工位 %3 的 UART 端口相同（%2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixture %1 has the same label &quot;%2&quot; as fixture %3.</source>
        <translation>工位 %1 与工位 %3 的名称相同（“%2”）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fixture %1: the connection path &quot;%2&quot; is not an FTDI location ID (digits only, e.g. 1243).</source>
        <translation>工位 %1：连接路径“%2”不是 FTDI 位置 ID（仅限数字，例如 1243）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fixture %1: &quot;%2&quot; is not an IPv4 address.</source>
        <translation>工位 %1：“%2”不是 IPv4 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixture %1 has neither a connection path nor an IP address, so no device can be matched to it.</source>
        <translation>工位 %1 既没有连接路径也没有 IP 地址，因此无法为其匹配设备。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Install it, or set its path in the station settings.</source>
        <translation>请安装该程序，或在工作站设置中指定其路径。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on the PATH</source>
        <translation>在 PATH 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was not found %2.</source>
        <translation>%2未找到 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The configured path of %1, %2, is not an absolute path.</source>
        <translation>%1 的配置路径 %2 不是绝对路径。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the full path in the station settings.</source>
        <translation>请在工作站设置中指定完整路径。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not found at %2.</source>
        <translation>在 %2 未找到 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The configured path of %1, %2, is not an executable file.</source>
        <translation>%1 的配置路径 %2 不是可执行文件。</translation>
    </message>
    <message>
        <location filename="../services/steps/connectstep.cpp" line="+75"/>
        <source>A device is in fixture %1 but it does not answer.</source>
        <translation>工位 %1 中有设备，但设备无响应。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No device appeared in fixture %1 (connection %2) within %3 s.</source>
        <translation>%3 秒内未在工位 %1（连接 %2）检测到设备。</translation>
    </message>
    <message numerus="yes">
        <location filename="../services/steps/deletetemporarystep.cpp" line="+36"/>
        <source>%n component(s) were not present</source>
        <translation>
            <numerusform>%n 个组件不存在</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/steps/detailsstep.cpp" line="+26"/>
        <source>The device did not report its ID.</source>
        <translation>设备未报告其 ID。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A different device is in the fixture now (expected %1, found %2).</source>
        <translation>工位中现在是另一台设备（应为 %1，实际为 %2）。</translation>
    </message>
    <message>
        <location filename="../services/steps/ethernetstep.cpp" line="+64"/>
        <source>The board configuration %1 is not installed after the restart.</source>
        <translation>重启后板配置 %1 未安装。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sideload the board configuration again; check the recipe&apos;s package.</source>
        <translation>请重新旁加载板配置；检查配方中的映像包。</translation>
    </message>
    <message>
        <location filename="../services/steps/finalizestep.cpp" line="+17"/>
        <source>The recipe names no valid final state (&quot;%1&quot;).</source>
        <translation>配方未指定有效的最终状态（“%1”）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Finalize refused: an earlier step of this run did not pass.</source>
        <translation>拒绝最终锁定：本次运行中先前的步骤未通过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finalize refused: this run has not recorded the device ID.</source>
        <translation>拒绝最终锁定：本次运行未记录设备 ID。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalize refused: the recipe does not confirm the permanent DeviceComplete state.</source>
        <translation>拒绝最终锁定：配方未确认不可逆的 DeviceComplete 状态。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalize refused: the ready-to-ship checks have not passed in this run.</source>
        <translation>拒绝最终锁定：本次运行中出货就绪检查未通过。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>before finalizing</source>
        <translation>最终锁定前</translation>
    </message>
    <message>
        <location filename="../services/steps/stephelpers.cpp" line="+176"/>
        <source>Put the tested device back, or start a new run for this one.</source>
        <translation>请放回已测试的设备，或为此设备开始新的运行。</translation>
    </message>
    <message>
        <location filename="../services/steps/finalizestep.cpp" line="+2"/>
        <location line="+12"/>
        <source>Finalize refused: %1</source>
        <translation>拒绝最终锁定：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>after finalizing</source>
        <translation>最终锁定后</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update to %1 was sent to device %2, but its state could not be confirmed: %3</source>
        <translation>已向设备 %2 发送设置为 %1 的更新，但无法确认其状态：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put device %1 back and check its manufacturing state before it ships.</source>
        <translation>请将设备 %1 放回，并在出货前检查其制造状态。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device reports %1 after the update to %2.</source>
        <translation>设置为 %2 后，设备报告的状态为 %1。</translation>
    </message>
    <message>
        <location filename="../services/steps/osupdatestep.cpp" line="+49"/>
        <source>OS already %1; recover skipped</source>
        <translation>操作系统已是 %1；跳过恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovering to OS %1</source>
        <translation>正在恢复到操作系统 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent %1 of %2 images</source>
        <translation>已发送 %1/%2 个映像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recovery reported another device (%1) than the one recorded (%2).</source>
        <translation>恢复过程报告的设备（%1）与已记录的设备（%2）不同。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>After recovery the device runs OS %1, not %2.</source>
        <translation>恢复后设备运行的操作系统为 %1，而不是 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the recipe&apos;s recovery folder, then recover again.</source>
        <translation>请检查配方中的恢复文件夹，然后重新恢复。</translation>
    </message>
    <message>
        <location filename="../services/steps/rfcalibratestep.cpp" line="-54"/>
        <source>after the e-fuse write</source>
        <translation>写入 eFuse 后</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 was written while the device in fixture %2 changed: %3 was there before the write, %4 after it. Either may now carry it.</source>
        <translation>写入%1 期间，工位 %2 中的设备发生了变化：写入前为 %3，写入后为 %4。两者都可能已带有该值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set both devices aside for engineering: their e-fuses must be read before either ships.</source>
        <translation>请将两台设备都放到一边交给工程师：出货前必须读取两者的 eFuse。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The region code is already programmed as %1; e-fuses cannot be changed to %2.</source>
        <translation>区域代码已烧录为 %1；eFuse 无法更改为 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the device aside: it was calibrated for another region.</source>
        <translation>请将设备放到返修区：该设备已按其他区域校准。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>before the region code was written</source>
        <translation>写入区域代码前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>region code %1</source>
        <translation>区域代码 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>region %1 programmed</source>
        <translation>区域 %1 已烧录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>region already %1</source>
        <translation>区域已是 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recipe takes the MAC address from the label, but none was scanned.</source>
        <translation>配方要求从标签获取 MAC 地址，但未扫描到 MAC 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The MAC address is already programmed as %1, not %2.</source>
        <translation>MAC 地址已烧录为 %1，而不是 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>before the MAC address was written</source>
        <translation>写入 MAC 地址前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MAC address %1</source>
        <translation>MAC 地址 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../services/steps/rfverifystep.cpp" line="+28"/>
        <source>after the RF check</source>
        <translation>RF 检查后</translation>
    </message>
    <message>
        <location filename="../services/steps/sideloadstep.cpp" line="+29"/>
        <source>Sideloading %1 (%2 of %3)</source>
        <translation>正在旁加载 %1（%2/%3）</translation>
    </message>
    <message>
        <location filename="../services/steps/step.cpp" line="+46"/>
        <source>The station does not know the step type &quot;%1&quot;.</source>
        <translation>工作站无法识别步骤类型 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retrying %1 (attempt %2 of %3) after: %4</source>
        <translation>正在重试 %1（第 %2 次，共 %3 次），原因：%4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The step stopped on an internal error.</source>
        <translation>步骤因内部错误而停止。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>attempt %1 failed: %2</source>
        <translation>第 %1 次尝试失败：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The step did not finish within its timeout of %1 s. %2</source>
        <translation>步骤未在 %1 秒的超时时间内完成。%2</translation>
    </message>
    <message>
        <location filename="../services/steps/stephelpers.cpp" line="-66"/>
        <source>Deploying %1</source>
        <translation>正在部署 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>trusted keystore sideloaded automatically</source>
        <translation>已自动旁加载受信任密钥存储</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image not trusted; sideloading the trusted keystore %1</source>
        <translation>映像不受信任；正在旁加载受信任密钥存储 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The device in fixture %1 did not report its ID.</source>
        <translation>工位 %1 中的设备未报告其 ID。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Device %1 is no longer in fixture %2 (checked %3).</source>
        <translation>设备 %1 已不在工位 %2 中（%3检查）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put the device back and start a new run.</source>
        <translation>请放回设备并开始新的运行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A different device (%1) is in fixture %2 now; this run tested %3 (checked %4).</source>
        <translation>工位 %2 中现在是另一台设备（%1）；本次运行测试的是 %3（%4检查）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+12"/>
        <source>Aborted.</source>
        <translation>已中止。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The device did not answer.</source>
        <translation>设备无响应。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device did not answer again after restarting.</source>
        <translation>设备重启后未再响应。</translation>
    </message>
    <message>
        <location filename="../services/steps/uartteststep.cpp" line="+27"/>
        <source>No UART port is configured for fixture %1.</source>
        <translation>工位 %1 未配置 UART 端口。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the fixture&apos;s UART port in the station configuration.</source>
        <translation>请在工作站配置中设置该工位的 UART 端口。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>before the UART tests</source>
        <translation>UART 测试前</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>after the UART tests</source>
        <translation>UART 测试后</translation>
    </message>
    <message>
        <location filename="../services/steps/wifiverifystep.cpp" line="+55"/>
        <source>The device did not connect to the Wi-Fi network %1 within %2 s.</source>
        <translation>设备未在 %2 秒内连接到 Wi-Fi 网络 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the access point and the antenna; retry.</source>
        <translation>请检查接入点和天线后重试。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Wi-Fi networks are still configured: %1</source>
        <translation>仍配置有 Wi-Fi 网络：%1</translation>
    </message>
    <message>
        <location filename="../services/hardware/uartsession.cpp" line="+12"/>
        <source>nothing</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The recipe&apos;s UART script is not valid: %1: %2</source>
        <translation>配方中的 UART 脚本无效：%1：%2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The UART baud rate %1 is not one of %2.</source>
        <translation>UART 波特率 %1 不受支持；可用值：%2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The UART port %1 does not exist.</source>
        <translation>UART 端口 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the fixture&apos;s UART cable and the port in the station configuration.</source>
        <translation>请检查工位的 UART 线缆以及工作站配置中的端口。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The UART port %1 cannot be opened.</source>
        <translation>无法打开 UART 端口 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no other program uses the port, and its permissions.</source>
        <translation>请确认没有其他程序占用该端口，并检查其权限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The UART port %1 cannot be set to %2 8N1.</source>
        <translation>无法将 UART 端口 %1 设置为 %2 8N1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the fixture&apos;s UART adapter.</source>
        <translation>请检查工位的 UART 适配器。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The UART connection was lost: the device was unplugged or the adapter removed.</source>
        <translation>UART 连接已断开：设备被拔出或适配器被移除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+164"/>
        <source>Reseat the device and the UART cable, retry.</source>
        <translation>请重新放置设备并重新插拔 UART 线缆，然后重试。</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>The UART command is longer than %1 characters or has a line break.</source>
        <translation>UART 命令超过 %1 个字符或包含换行符。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The device sent a line longer than %1 bytes; the station kept only its first %1 bytes and stopped the exchange.</source>
        <translation>设备发送的一行超过 %1 字节；工作站仅保留了前 %1 字节并停止了通信。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>Check the UART&apos;s baud rate and cable and the device&apos;s test firmware, retry.</source>
        <translation>请检查 UART 波特率、线缆及设备的测试固件，然后重试。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The device sent more than the station keeps of a UART exchange (%1 MiB or %2 lines); the station kept what came before and stopped the exchange.</source>
        <translation>设备发送的数据超出工作站对一次 UART 通信保留的上限（%1 MiB 或 %2 行）；工作站保留了此前的内容并停止了通信。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The device reported a failure: %1</source>
        <translation>设备报告故障：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+73"/>
        <source>Set the device aside for repair.</source>
        <translation>请将设备放到返修区。</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>The device refused the command: %1</source>
        <translation>设备拒绝了命令：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>Check the recipe&apos;s UART script and the device&apos;s test firmware.</source>
        <translation>请检查配方中的 UART 脚本和设备的测试固件。</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The device did not give the expected answer within %1 ms; it said: %2</source>
        <translation>设备未在 %1 毫秒内给出预期应答；实际应答：%2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 was reported in %2, expected %3.</source>
        <translation>%1 的上报单位为 %2，应为 %3。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 = %2 %3 is outside the limits %4 to %5 %3.</source>
        <translation>%1 = %2 %3 超出限值 %4 至 %5 %3。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The device ID to compare with the UART is not known.</source>
        <translation>用于与 UART 比对的设备 ID 未知。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the details step before the UART test.</source>
        <translation>请在 UART 测试之前执行 &quot;details&quot; 步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UART belongs to another device than the one recorded for this fixture.</source>
        <translation>该 UART 连接的是另一台设备，而不是此工位记录的设备。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the fixture&apos;s UART cable and port configuration.</source>
        <translation>请检查工位的 UART 线缆和端口配置。</translation>
    </message>
    <message>
        <location filename="../models/pagetext.cpp" line="+27"/>
        <source>Pending</source>
        <translation>待执行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>RUNNING</source>
        <extracomment>Run outcome while the run goes on</extracomment>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ABORTED</source>
        <translation>已中止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>INTERRUPTED</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Succeeded (exit code 0)</source>
        <translation>成功（退出码 0）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed with exit code %1</source>
        <translation>失败，退出码 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>Did not start</source>
        <translation>未能启动</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Timed out (stopped by the station)</source>
        <translation>超时（已被工作站终止）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled (stopped by the station)</source>
        <translation>已取消（已被工作站终止）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>OK</source>
        <extracomment>Tool outcome in the device view&apos;s table of tool calls (exit code 0)</extracomment>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exit %1</source>
        <extracomment>Tool outcome in the device view&apos;s table of tool calls: &quot;exit 1&quot;</extracomment>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../services/run/runtypes.cpp" line="+17"/>
        <location line="+13"/>
        <source>The operator stopped the run.</source>
        <translation>操作员停止了运行。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The station window was closed during the run.</source>
        <translation>运行期间工作站窗口被关闭。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The station was ended by signal %1 (SIG%2) during the run.</source>
        <translation>运行期间工作站被信号 %1（SIG%2）终止。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The station shut down during the run.</source>
        <translation>运行期间工作站已关闭。</translation>
    </message>
    <message>
        <location filename="../services/steps/readytoshipstep.cpp" line="+37"/>
        <source>before the ready-to-ship checks</source>
        <translation>出货就绪检查前</translation>
    </message>
    <message>
        <location filename="../services/steps/rfverifystep.cpp" line="-6"/>
        <source>before the RF check</source>
        <translation>RF 检查前</translation>
    </message>
    <message>
        <location filename="../services/steps/stepcontext.cpp" line="+237"/>
        <source>… more output; the live view stops here (the command&apos;s output is kept in the record up to 1 MiB)</source>
        <translation>… 还有更多输出；实时视图到此为止（命令输出在测试记录中最多保留 1 MiB）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>after the command failed</source>
        <translation>命令失败后</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 The command was addressed to %2, so nothing was done to the device now in the fixture.</source>
        <translation>%1 该命令发往 %2，因此未对工位中现在的设备执行任何操作。</translation>
    </message>
    <message>
        <location filename="../services/base/textcheck.cpp" line="-17"/>
        <source>contains an unpaired surrogate (%1)</source>
        <translation>包含未配对的代理项（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains the control character %1 (NUL)</source>
        <translation>包含控制字符 %1（NUL）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains the control character %1</source>
        <translation>包含控制字符 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains a line or paragraph separator (%1)</source>
        <translation>包含行分隔符或段落分隔符（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains the bidirectional control character %1</source>
        <translation>包含双向控制字符 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is %1 characters long; Azure Sphere takes at most %2</source>
        <translation>长度为 %1 个字符；Azure Sphere 最多允许 %2 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>contains %1 (%2); only printable ASCII characters are allowed</source>
        <translation>包含 %1（%2）；只允许可打印的 ASCII 字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>contains &quot;/&quot;, which separates the product from the device group</source>
        <translation>包含 &quot;/&quot;，该字符用于分隔产品和设备组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>begins or ends with a space</source>
        <translation>以空格开头或结尾</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/exportcommand.cpp" line="+90"/>
        <source>%n device(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 台设备写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has only the header: Microsoft&apos;s script refuses a file without devices.</source>
        <translation>文件中只有表头：Microsoft 的脚本不接受没有设备的文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n device(s) left out: the recipe of their newest passing run names no product and device group (its &quot;cloud&quot; object):</source>
        <translation>
            <numerusform>%n 台设备被排除：其最近一次通过的运行所用配方未指定产品和设备组（即其 &quot;cloud&quot; 对象）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n device(s) left out: the script could not use their line:</source>
        <translation>
            <numerusform>%n 台设备被排除：脚本无法使用其数据行：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+184"/>
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 行写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="+219"/>
        <source>The recipe %1 makes devices permanent and this file (SHA-256 %2) is not approved. Someone with the role Engineer or Admin approves it when they load it in the window.</source>
        <translation>配方 %1 会使设备永久锁定，而此文件（SHA-256 %2）未经批准。需由工程师或管理员角色在窗口中加载时批准。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>recipe %1 %2 (%3), %4, record %5</source>
        <extracomment>Headless output: &quot;recipe line3 1.2 (9 steps), 8 fixtures, record /srv/record.sqlite&quot;</extracomment>
        <translation>配方 %1 %2（%3），%4，测试记录 %5</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n fixture(s)</source>
        <translation>
            <numerusform>%n 个工位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n run(s) left open earlier were closed as INTERRUPTED</source>
        <translation>
            <numerusform>之前有 %n 次运行未结束，已标记为“已中断”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/azsphere/errorcatalog.cpp" line="-144"/>
        <source>The Azure CLI has no azure-sphere extension, so it cannot run az sphere.</source>
        <translation>Azure CLI 没有 azure-sphere 扩展，因此无法运行 az sphere。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install it once on this PC (az extension add --name azure-sphere); the station never installs it on its own. Call engineering.</source>
        <translation>请在此电脑上安装一次（az extension add --name azure-sphere）；工作站从不自行安装。联系工程部门。</translation>
    </message>
    <message>
        <location filename="../services/plant/plantquery.cpp" line="+170"/>
        <source>Qt&apos;s PostgreSQL driver is not installed (package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The plant read connection is not valid: %1</source>
        <translation>工厂数据库读取连接无效：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plant database cannot be reached (the server is down, or the host, port or network is wrong).</source>
        <translation>无法连接工厂数据库（服务器宕机，或主机、端口或网络有误）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The plant database refused the read login (check the user and its password in .pgpass, and pg_hba.conf).</source>
        <translation>工厂数据库拒绝了读取登录（请检查用户及其在 .pgpass 中的密码，以及 pg_hba.conf）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The read login may not read the plant: it must be a member of the role plant_quality.</source>
        <translation>读取登录无权读取工厂数据库：该登录必须是角色 plant_quality 的成员。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plant database reported an error: %1</source>
        <translation>工厂数据库报告错误：%1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The plant database is not connected.</source>
        <translation>未连接工厂数据库。</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+260"/>
        <location line="+53"/>
        <source>The plant database returned no result.</source>
        <translation>工厂数据库未返回结果。</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>The plant has no run %1 of station %2.</source>
        <translation>工厂数据库中没有工作站 %2 的运行 %1。</translation>
    </message>
    <message>
        <location filename="../services/records/outbox.cpp" line="+265"/>
        <source>The record %1 has no outbox (schema %2).</source>
        <translation>测试记录 %1 没有上传队列（架构 %2）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The outbox is not open.</source>
        <translation>上传队列未打开。</translation>
    </message>
    <message>
        <location filename="../services/run/handofffile.cpp" line="+92"/>
        <source>Cannot write the hand-off file %1.</source>
        <translation>无法写入云交付文件 %1。</translation>
    </message>
    <message>
        <location filename="../services/auth/accounts.cpp" line="+80"/>
        <source>This account is deactivated. An admin can activate it again.</source>
        <translation>此账户已停用。管理员可以重新启用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This account is locked after %1 wrong attempts until %2 UTC. An admin can unlock it sooner.</source>
        <translation>此账户因 %1 次错误尝试已锁定至 %2 UTC。管理员可以提前解锁。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Wrong again: the account is now locked for %1 minutes. An admin can unlock it sooner.</source>
        <translation>再次错误：账户现已锁定 %1 分钟。管理员可以提前解锁。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>The name or the password (or the badge or the PIN) is not right.</source>
        <translation>用户名或密码（或工牌或 PIN）不正确。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This badge is not known at this station. An admin can add it to your account.</source>
        <translation>此工作站不认识该工牌。管理员可以将其添加到您的账户。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>An admin exists already: sign in as that admin to add users.</source>
        <translation>已存在管理员：请以该管理员登录来添加用户。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <source>A login is 1 to 64 characters without spaces.</source>
        <translation>登录名为 1 到 64 个字符，不含空格。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is an account of the plant database: change it there (sphere-station plant user-set). At this station only its lock-out can be ended.</source>
        <translation>%1 是工厂数据库的账户：请在那里修改（sphere-station plant user-set）。在本工作站只能解除其锁定。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This badge belongs to %1 already.</source>
        <translation>此工牌已属于 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A PIN is set together with its badge.</source>
        <translation>PIN 须与其工牌一起设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 needs a password, or a badge and a PIN, to sign in.</source>
        <translation>%1 需要密码，或工牌和 PIN，才能登录。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is the last active admin: make another admin first.</source>
        <translation>%1 是最后一位有效管理员：请先添加另一位管理员。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>An approval needs a reason (for example the change request it belongs to).</source>
        <translation>批准需要填写原因（例如所属的变更申请）。</translation>
    </message>
    <message>
        <location filename="../services/auth/credentials.cpp" line="+23"/>
        <source>The station cannot hash passwords: libsodium did not initialise.</source>
        <translation>工作站无法计算密码哈希：libsodium 未能初始化。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The station ran out of memory while hashing a password.</source>
        <translation>工作站在计算密码哈希时内存不足。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A password has at least %1 characters.</source>
        <translation>密码至少 %1 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password has at most %1 characters.</source>
        <translation>密码最多 %1 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password holds printable characters only.</source>
        <translation>密码只能包含可打印字符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN 为 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A badge has 4 to 64 printable characters.</source>
        <translation>工牌为 4 到 64 个可打印字符。</translation>
    </message>
    <message>
        <location filename="../services/auth/roles.cpp" line="+55"/>
        <source>Operator</source>
        <comment>role</comment>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician</source>
        <comment>role</comment>
        <translation>技术员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <comment>role</comment>
        <translation>质量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engineer</source>
        <comment>role</comment>
        <translation>工程师</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <comment>role</comment>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Starting and stopping fixtures</source>
        <translation>启动和停止工位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running a device again that failed or passed this recipe</source>
        <translation>重新运行未通过或已通过此配方的设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading a recipe</source>
        <translation>加载配方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approving a recipe that makes devices permanent</source>
        <translation>批准使设备永久锁定的配方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changing the settings and the fixture map</source>
        <translation>更改设置和工位映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting the record</source>
        <translation>导出测试记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Managing users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1, %2</source>
        <comment>list</comment>
        <translation>%1、%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in first. %1 needs one of the roles %2.</source>
        <translation>请先登录。%1 需要以下角色之一：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 needs one of the roles %2; you are signed in as %3.</source>
        <translation>%1 需要以下角色之一：%2；您当前的角色是 %3。</translation>
    </message>
    <message>
        <location filename="../services/records/audittrail.cpp" line="+134"/>
        <source>entry %1 is missing (the next entry is %2): entries were removed</source>
        <translation>条目 %1 缺失（下一条是 %2）：有条目被删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>entry %1 does not link to entry %2 (its previous hash differs): an entry was changed, removed or inserted before it</source>
        <translation>条目 %1 未链接到条目 %2（其前一哈希不同）：之前有条目被修改、删除或插入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>entry %1 was changed after it was written (its hash does not match its content)</source>
        <translation>条目 %1 在写入后被修改（其哈希与内容不符）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>event %1 is outside the chain but was recorded after the chain began: it was added by something other than the station</source>
        <translation>事件 %1 不在链中，但记录于链开始之后：它不是由工作站添加的</translation>
    </message>
</context>
<context>
    <name>Station::Translation</name>
    <message>
        <location filename="../ui/translation.cpp" line="+93"/>
        <source>There is no translation for the language &quot;%1&quot;; the station stays in English.</source>
        <translation>没有语言“%1”的翻译；工作站将继续使用英文。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Fixture, device, recipe: PASS, FAIL</source>
        <extracomment>Characters the screen font must show for this language: its letters with accents, or common characters of its script. The station checks them at start and warns when the font lacks any (they would show as boxes). Translate freely.</extracomment>
        <translation>工位、设备、配方：通过、失败</translation>
    </message>
</context>
<context>
    <name>Station::UsersDialog</name>
    <message>
        <location filename="../ui/usersdialog.cpp" line="+26"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signs in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unchanged when empty</source>
        <translation>留空则不变</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the badge; unchanged when empty</source>
        <translation>扫描工牌；留空则不变</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock after wrong attempts</source>
        <translation>解除错误尝试后的锁定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New badge</source>
        <translation>新工牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its PIN</source>
        <translation>工牌 PIN</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save user</source>
        <translation>保存用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>badge and PIN</source>
        <translation>工牌和 PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked until %1 UTC</source>
        <translation>锁定至 %1 UTC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (plant)</source>
        <translation>（工厂）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 is an account of the plant database: change it there. At this station only its lock-out can be ended (Unlock, then Save user).</source>
        <translation>%1 是工厂数据库的账户：请在那里修改。在本工作站只能解除其锁定（勾选解除锁定，然后保存用户）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>Station::YieldBarChart</name>
    <message>
        <location filename="../ui/yieldbarchart.cpp" line="+48"/>
        <source>No devices in this range</source>
        <translation>此时间范围内无设备</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 %2h</source>
        <extracomment>An hour on the yield-by-hour chart, within one day: &quot;06&quot; (06:00 to 07:00) An hour on the yield-by-hour chart over several days: &quot;11 06h&quot;</extracomment>
        <translation>%1日 %2时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none)</source>
        <extracomment>An operator bar for runs that recorded no operator</extracomment>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>First pass</source>
        <translation>直通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final</source>
        <translation>最终</translation>
    </message>
</context>
<context>
    <name>Station::YieldPage</name>
    <message>
        <location filename="../ui/yieldpage.cpp" line="+40"/>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;96.4 %&quot;</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the record again</source>
        <translation>重新读取记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This station</source>
        <extracomment>Yield page source switch: the runs of this station&apos;s own record</extracomment>
        <translation>本工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plant</source>
        <extracomment>Yield page source switch: the runs of every station in the plant database</extracomment>
        <translation>工厂</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No plant database is configured.</source>
        <translation>未配置工厂数据库。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All lines</source>
        <translation>全部产线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All stations</source>
        <translation>全部工作站</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Devices started</source>
        <translation>已启动设备数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First-pass yield</source>
        <translation>直通率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices per hour</source>
        <translation>每小时设备数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices started per hour of production time. Production time is the time in which at least one run was in progress (from its start to its end; a run still going, to its latest step), within the range shown: breaks and idle fixtures do not count, and runs side by side count their common time once.</source>
        <translation>每小时生产时间启动的设备数。生产时间是指在所示范围内至少有一个运行在进行的时间（从开始到结束；仍在进行的运行计到其最近的步骤）：休息和空闲工位不计入，并行运行的重叠时间只计一次。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Failures by step</source>
        <translation>按步骤统计失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failures by error</source>
        <translation>按错误统计失败</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Show this station&apos;s yield or the plant&apos;s (every station)</source>
        <translation>显示本工作站的良率或工厂的良率（所有工作站）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read the plant: %1 This station&apos;s own yield is still available (This station).</source>
        <translation>无法读取工厂数据库：%1 本工作站自己的良率仍可查看（本工作站）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Reading the plant…</source>
        <translation>正在读取工厂数据库…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the record: %1</source>
        <translation>无法读取测试记录：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%Ln failed run(s)</source>
        <translation>
            <numerusform>%Ln 次失败运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln device(s) passed their first run</source>
        <translation>
            <numerusform>%Ln 台设备首次运行即通过</numerusform>
        </translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1 aborted</source>
        <translation>%1 次中止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 interrupted</source>
        <translation>%1 次中断</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>final yield %1</source>
        <translation>最终良率 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 aborted or interrupted</source>
        <translation>%1 次中止或中断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 still in progress</source>
        <translation>%1 台仍在进行中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in %1 of production; %2 passed per hour</source>
        <extracomment>Under devices per hour: &quot;in 3:12:40 of production; 11.8 passed per hour&quot;</extracomment>
        <translation>生产 %1；每小时通过 %2 个</translation>
    </message>
</context>
</TS>
