<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/about.py" line="42"/>
        <source>About Complaint Desk</source>
        <translation>关于投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="56"/>
        <source>Complaint Desk</source>
        <translation>投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="57"/>
        <source>Customer complaints, followed to the end.</source>
        <translation>每一件客户投诉，都跟进到底。</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="68"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="70"/>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="78"/>
        <source>Last backup:</source>
        <translation>最近备份：</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="79"/>
        <source>Error log:</source>
        <translation>错误日志：</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="80"/>
        <source>Built with:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="83"/>
        <source>Chinese font:</source>
        <translation>中文字体：</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="84"/>
        <source>WenQuanYi Micro Hei, under the Apache License 2.0</source>
        <translation>文泉驿微米黑（Apache 2.0 许可）</translation>
    </message>
</context>
<context>
    <name>AccountsEditor</name>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="30"/>
        <location filename="../../app/ui/settings/accounts.py" line="44"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="30"/>
        <location filename="../../app/ui/settings/accounts.py" line="45"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="30"/>
        <location filename="../../app/ui/settings/accounts.py" line="46"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="31"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="37"/>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="38"/>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="39"/>
        <source>Switch off / on</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="47"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="50"/>
        <source>Training attended</source>
        <translation>参加的培训</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="64"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="64"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="89"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/accounts.py" line="90"/>
        <source>New password for %1:</source>
        <translation>%1 的新密码：</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../app/ui/case/action_dialog.py" line="72"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/action_dialog.py" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ActionFormDialog</name>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="72"/>
        <source>Change the corrective action</source>
        <translation>修改整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="73"/>
        <source>Start a corrective action</source>
        <translation>启动整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="77"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="77"/>
        <source>Start the action</source>
        <translation>启动整改</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="78"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="102"/>
        <source>Write the 5 whys</source>
        <translation>按“五问法”填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="106"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="107"/>
        <source>Action owner</source>
        <translation>整改责任人</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="108"/>
        <source>Department</source>
        <translation>整改部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="109"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="110"/>
        <source>Root causes addressed</source>
        <translation>针对的根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="111"/>
        <source>Categories addressed</source>
        <translation>针对的投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="114"/>
        <source>Containment now</source>
        <translation>临时措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="115"/>
        <source>Cause analysis</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/form.py" line="117"/>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/improvement/form.py" line="121"/>
        <source>Cases (%n)</source>
        <translation>
            <numerusform>投诉（%n 件）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionView</name>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="64"/>
        <source>Effect, measured from the data</source>
        <translation>整改效果（按数据统计）</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="70"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="70"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="70"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="71"/>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="71"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="74"/>
        <source>The work</source>
        <translation>整改内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="75"/>
        <source>Cases</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="76"/>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="77"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="89"/>
        <source>Save the work</source>
        <translation>保存整改内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="91"/>
        <source>Note progress…</source>
        <translation>记录进展…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="95"/>
        <source>Containment now</source>
        <translation>临时措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="96"/>
        <source>Cause analysis (5 whys)</source>
        <translation>原因分析（五问法）</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="97"/>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="106"/>
        <source>Record training…</source>
        <translation>记录培训…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="126"/>
        <source>Measured once the action is done: new cases with the same cause after it, against as long before it.</source>
        <translation>整改完成后统计：完成后同一原因的新投诉件数，与完成前同样长时间内的件数对比。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="157"/>
        <source>Someone else saved %1 while you were typing it here. Your text is kept in its box: compare it with theirs on the timeline before you save.</source>
        <translation>您在此填写期间，他人已保存了%1。您填写的内容仍保留在输入框中：请先在处理记录中对照对方的内容，再保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="168"/>
        <source>Action owner: %1</source>
        <translation>整改责任人：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="169"/>
        <source>Due: %1</source>
        <translation>完成期限：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="171"/>
        <source>Department: %1</source>
        <translation>整改部门：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="173"/>
        <source>Effect checked on: %1</source>
        <translation>效果验证日期：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="224"/>
        <source>The action is in place. Its effect is checked on its check date, from the cases that come in meanwhile.</source>
        <translation>整改措施已落实。到验证日期时，根据期间新收到的投诉判断效果。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="227"/>
        <source>The cause is not fixed: the action is marked not effective, and its owner starts the work on it again.</source>
        <translation>问题原因未消除：整改措施标记为“验证无效”，由整改责任人重新开始整改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="175"/>
        <source>Addresses: %1</source>
        <translation>针对：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="189"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="196"/>
        <source>Start the work</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="196"/>
        <source>Mark done</source>
        <translation>整改完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="197"/>
        <source>Verified effective</source>
        <translation>验证有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="198"/>
        <source>Not effective</source>
        <translation>验证无效</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="199"/>
        <source>Cancel the action</source>
        <translation>取消整改</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="216"/>
        <source>Note (required to cancel or to say it did not work)</source>
        <translation>说明（取消或验证无效时必填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="223"/>
        <source>The work on this action begins.</source>
        <translation>开始落实这项整改措施。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="226"/>
        <source>The data shows the cause is fixed.</source>
        <translation>数据表明问题原因已消除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="230"/>
        <source>The action is dropped; say why.</source>
        <translation>不再执行这项整改措施，请说明原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="247"/>
        <source>The work typed in this action is not saved. Save it before closing? (No closes without saving it.)</source>
        <translation>本整改措施中填写的内容尚未保存。关闭前是否保存？（选“否”将不保存直接关闭。）</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="263"/>
        <source>Note progress</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="263"/>
        <source>What was done, found or decided.</source>
        <translation>做了什么、发现了什么或决定了什么。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_view.py" line="264"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
</context>
<context>
    <name>ActionsWindow</name>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="46"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="56"/>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="57"/>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="58"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="58"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="59"/>
        <source>Action owner</source>
        <translation>整改责任人</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="59"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="60"/>
        <source>Cases</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="60"/>
        <source>Effect checked on</source>
        <translation>效果验证日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="62"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="63"/>
        <source>New action…</source>
        <translation>新建整改措施…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="66"/>
        <source>Record training…</source>
        <translation>记录培训…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="81"/>
        <source>Actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/action_list.py" line="82"/>
        <source>Training</source>
        <translation>培训记录</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="64"/>
        <source>Analysis</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="70"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="71"/>
        <source>Decided</source>
        <translation>已作出决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="72"/>
        <source>Open at the end</source>
        <translation>期末未结</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="73"/>
        <source>Reopened</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="74"/>
        <source>First answers on time</source>
        <translation>初步答复按时率</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="75"/>
        <source>Decisions on time</source>
        <translation>按时作出决定率</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="76"/>
        <source>Median business days to decision</source>
        <translation>处理天数中位数（工作日）</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="77"/>
        <location filename="../../app/ui/analysis/view.py" line="111"/>
        <location filename="../../app/ui/analysis/view.py" line="114"/>
        <source>Overdue now</source>
        <translation>当前逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="78"/>
        <source>Not upheld</source>
        <translation>不予支持</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="79"/>
        <source>Compensation approved</source>
        <translation>批准补偿金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="80"/>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="81"/>
        <source>Repeat customers</source>
        <translation>重复投诉客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="85"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="85"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="86"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="92"/>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="94"/>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="96"/>
        <source>Any channel</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="97"/>
        <source>Review pack…</source>
        <translation>月度分析报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="98"/>
        <source>Workbook…</source>
        <translation>Excel 工作簿…</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="99"/>
        <source>Period return…</source>
        <translation>投诉情况统计表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="103"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="103"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="103"/>
        <source>Department at fault</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="104"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="107"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="107"/>
        <location filename="../../app/ui/analysis/view.py" line="109"/>
        <location filename="../../app/ui/analysis/view.py" line="112"/>
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="107"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="108"/>
        <source>Cumulative</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="108"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="109"/>
        <source>Department</source>
        <translation>处理部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="110"/>
        <location filename="../../app/ui/analysis/view.py" line="113"/>
        <source>On time</source>
        <translation>按时率</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="110"/>
        <location filename="../../app/ui/analysis/view.py" line="113"/>
        <source>Median days</source>
        <translation>天数中位数</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="111"/>
        <location filename="../../app/ui/analysis/view.py" line="114"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="112"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="132"/>
        <source>Pareto: what to fix first</source>
        <translation>帕累托分析：优先整改</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="133"/>
        <source>12-month trend</source>
        <translation>近 12 个月趋势</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="135"/>
        <source>Departments and handlers</source>
        <translation>处理部门与处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="211"/>
        <location filename="../../app/ui/analysis/view.py" line="224"/>
        <source>Working out the figures…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="231"/>
        <source>vs %1</source>
        <translation>对比%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/view.py" line="307"/>
        <source>Start a corrective action on these cases…</source>
        <translation>针对这些投诉启动整改措施…</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="48"/>
        <source>Decide on compensation — %1</source>
        <translation>审批补偿方案 — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="58"/>
        <source>Record the decision</source>
        <translation>保存审批结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="65"/>
        <source>The offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="68"/>
        <source>Offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="69"/>
        <source>What exactly</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="70"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="71"/>
        <source>Proposed by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="76"/>
        <source>The case: %1, %2</source>
        <translation>投诉：%1，%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="79"/>
        <location filename="../../app/ui/compensation/approval.py" line="90"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="80"/>
        <source>What happened</source>
        <translation>投诉事件</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="81"/>
        <source>What the customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="82"/>
        <source>Findings</source>
        <translation>调查核实情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="83"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="87"/>
        <source>For comparison</source>
        <translation>参考信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="89"/>
        <source>Earlier case</source>
        <translation>以往投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="89"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="90"/>
        <source>Given</source>
        <translation>已给予</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="93"/>
        <source>This customer&apos;s earlier cases</source>
        <translation>该客户以往的投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="96"/>
        <source>Given to this customer before</source>
        <translation>此前给予该客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="98"/>
        <source>Already given on this case</source>
        <translation>本投诉已给予</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="100"/>
        <source>Your limit counts the case&apos;s total: every offer on it approved or waiting, this one included.</source>
        <translation>您的审批权限按本案补偿合计计算：本案所有已批准和待审批的方案，包括本方案。</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="102"/>
        <source>Case total with this offer</source>
        <translation>含本方案的本案补偿合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="103"/>
        <source>%1 on average over %2 case(s)</source>
        <translation>平均 %1（共 %2 件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="106"/>
        <source>no earlier compensation</source>
        <translation>此前没有补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="107"/>
        <source>Same category</source>
        <translation>同类投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="112"/>
        <source>Decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="116"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="116"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="117"/>
        <source>Counter-offer</source>
        <translation>还价</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="125"/>
        <source>amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="132"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/approval.py" line="133"/>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="26"/>
        <source>Proposed</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="26"/>
        <source>Case</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="26"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="27"/>
        <source>Offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="27"/>
        <source>Proposed by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="27"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="29"/>
        <source>Decide…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/queue.py" line="30"/>
        <source>Open case</source>
        <translation>打开投诉</translation>
    </message>
</context>
<context>
    <name>BackupBanner</name>
    <message>
        <location filename="../../app/ui/backup/banner.py" line="30"/>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/banner.py" line="31"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/banner.py" line="32"/>
        <source>Backup settings…</source>
        <translation>备份设置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/banner.py" line="33"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/banner.py" line="65"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../app/ui/backup/page.py" line="64"/>
        <source>Empty: a folder beside the database</source>
        <translation>留空：数据库旁边的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="68"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="69"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="74"/>
        <source>Where the copies go</source>
        <translation>备份存放位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="76"/>
        <location filename="../../app/ui/backup/page.py" line="111"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="78"/>
        <source>Copies go to</source>
        <translation>副本存放于</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="80"/>
        <source>A USB stick or a network folder is safer than a folder beside the database: a broken disk or a stolen PC takes the database and the copies beside it. A copy is made at the first start of each day and on closing after a few hours; the folder keeps every copy of the last day, then %1 daily, %2 weekly and %3 monthly copies.</source>
        <translation>U 盘或网络文件夹比数据库旁边的文件夹更安全：磁盘损坏或电脑丢失时，数据库和旁边的副本会一起失去。每天首次启动时自动备份一次，距上次备份几小时后退出时再备份一次；文件夹保留最近一天的全部副本，以及 %1 个每日、%2 个每周和 %3 个每月副本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="47"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="47"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="47"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="48"/>
        <source>Cases</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="48"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="49"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="52"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="94"/>
        <source>Last backup: %1</source>
        <translation>最近备份：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="99"/>
        <source>checked</source>
        <translation>已通过检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/page.py" line="99"/>
        <source>failed (point at it for why)</source>
        <translation>失败（鼠标指向可查看原因）</translation>
    </message>
</context>
<context>
    <name>BatchLetters</name>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="100"/>
        <source>Print letters</source>
        <translation>批量打印告知书</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="111"/>
        <source>Prepare</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="111"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="114"/>
        <source>Cases now</source>
        <translation>投诉状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="115"/>
        <source>Decided since</source>
        <translation>处理日期自</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="116"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>CaseActionsPage</name>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="69"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="69"/>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="70"/>
        <source>Action owner</source>
        <translation>整改责任人</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="70"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="72"/>
        <source>Open action</source>
        <translation>打开整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="73"/>
        <source>Link to an action…</source>
        <translation>关联到整改措施…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="75"/>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="108"/>
        <source>Link this case to a corrective action under way:</source>
        <translation>将本投诉关联到正在进行的整改措施：</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../app/ui/register/model.py" line="44"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="44"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="44"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="44"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="45"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="45"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="45"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="45"/>
        <source>Next due</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/model.py" line="127"/>
        <source>Overdue since %s</source>
        <translation>自 %s 起逾期</translation>
    </message>
</context>
<context>
    <name>CaseTabs</name>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="24"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="25"/>
        <location filename="../../app/ui/case/tabs.py" line="32"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="26"/>
        <location filename="../../app/ui/case/tabs.py" line="33"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="27"/>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="28"/>
        <location filename="../../app/ui/case/tabs.py" line="52"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="31"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="34"/>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="35"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="38"/>
        <source>Proposed</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="39"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="40"/>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="41"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="42"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="43"/>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="44"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="45"/>
        <source>Paid</source>
        <translation>支付情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="49"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="50"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/tabs.py" line="51"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../app/ui/case/window.py" line="81"/>
        <location filename="../../app/ui/case/window.py" line="133"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="82"/>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="83"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="84"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="85"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="86"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="91"/>
        <source>Show the seven steps</source>
        <translation>显示处理投诉七大步骤</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="108"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="108"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="142"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="145"/>
        <source>Category: %1</source>
        <translation>投诉类别：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="146"/>
        <source>Received: %1</source>
        <translation>受理时间：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="147"/>
        <source>Next due: %1</source>
        <translation>下一期限：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="155"/>
        <source>Legal hold</source>
        <translation>法律保全</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="157"/>
        <source>Merged into this case: %1</source>
        <translation>已并入本案：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="160"/>
        <source>Personal data removed %1</source>
        <translation>个人信息已于 %1 删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="166"/>
        <source>Clock paused since %1</source>
        <translation>自 %1 起暂停计时</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="168"/>
        <source>Complex case</source>
        <translation>复杂案件</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="170"/>
        <source>Escalated: waiting for a manager</source>
        <translation>已升级：待负责人确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="191"/>
        <source>Reply with template…</source>
        <translation>按模板答复…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="204"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="208"/>
        <source>Receipt for the customer</source>
        <translation>受理回执（交客户）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="209"/>
        <source>Case summary for the file</source>
        <translation>投诉处理单（存档）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="212"/>
        <source>Resolution letter…</source>
        <translation>处理结果告知书…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="216"/>
        <source>The signed letter came back…</source>
        <translation>登记客户签字后的告知书…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="222"/>
        <source>The signed letter</source>
        <translation>客户签字的告知书</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="223"/>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件和照片 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="293"/>
        <source>Add a file to the case</source>
        <translation>为投诉添加文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/window.py" line="294"/>
        <source>Images and documents (*.jpg *.jpeg *.png *.pdf *.heic *.doc *.docx);;All files (*)</source>
        <translation>图片和文档 (*.jpg *.jpeg *.png *.pdf *.heic *.doc *.docx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="28"/>
        <source>Case</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="28"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="28"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="29"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="29"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="33"/>
        <source>Case number, e.g. TS-2026-000123</source>
        <translation>投诉编号，如 TS-2026-000123</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="34"/>
        <source>Link case</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="35"/>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/cases_tab.py" line="36"/>
        <source>Open case</source>
        <translation>打开投诉</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="186"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="187"/>
        <source>Nothing has been changed yet. Rows with problems are listed with the reason; correct them in the file and check again, or skip them.</source>
        <translation>目前尚未做任何更改。有问题的行列在下面并注明原因；请在文件中更正后重新检查，或跳过这些行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="193"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="193"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="193"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="194"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="195"/>
        <source>Skip the rows with problems and import the others</source>
        <translation>跳过有问题的行，导入其余各行</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="205"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="215"/>
        <source>%1 row(s) read from the sheet “%2”: %3 can be imported, %4 have problems, %5 are already recorded.</source>
        <translation>已从工作表“%2”读取 %1 行：可导入 %3 行，%4 行有问题，%5 行已登记。</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="221"/>
        <source>Already recorded as %1</source>
        <translation>已登记为 %1</translation>
    </message>
</context>
<context>
    <name>ChooseActionDialog</name>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="45"/>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="45"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="117"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="118"/>
        <source>Columns were matched from their titles. Check them, and choose a column for each field marked *.</source>
        <translation>已按列标题自动对应。请核对，并为每个带 * 的字段选择一列。</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="129"/>
        <source>The first rows of the sheet:</source>
        <translation>表格的前几行：</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="142"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="171"/>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择一列：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="172"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="174"/>
        <source>A column can feed only one field.</source>
        <translation>一列只能对应一个字段。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/case/conflict.py" line="25"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/conflict.py" line="28"/>
        <source>(no details)</source>
        <translation>（无详细信息）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/conflict.py" line="33"/>
        <source>Reload the case</source>
        <translation>重新载入投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/conflict.py" line="33"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/conflict.py" line="37"/>
        <source>Their changes:</source>
        <translation>对方的修改：</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/conflict.py" line="39"/>
        <source>What you had entered (not saved; copy it if needed):</source>
        <translation>您刚才填写的内容（未保存，如需要请复制）：</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="24"/>
        <source>Correct the customer&apos;s details</source>
        <translation>更正客户信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="29"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="30"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="31"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="35"/>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="35"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/customer_dialog.py" line="38"/>
        <source>Every change is recorded on the customer&apos;s newest case.</source>
        <translation>每项更正都会记录在该客户最近一件投诉的处理记录中。</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="74"/>
        <source>A shared server (PostgreSQL)</source>
        <translation>共享服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="76"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="76"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="77"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="78"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="79"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="81"/>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="82"/>
        <source>Move this PC&apos;s database to the server…</source>
        <translation>将本机数据库迁移到服务器…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="83"/>
        <source>Use this server on this PC</source>
        <translation>本机改用此服务器</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="49"/>
        <source>Use this PC&apos;s own file again</source>
        <translation>本机改回使用自己的数据库文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="51"/>
        <source>Each PC keeps its own choice, in this Windows user&apos;s profile (the password too). Moving copies every case, event and attachment into an empty database on the server and checks it there; this PC&apos;s file is left as it is.</source>
        <translation>每台电脑各自保存自己的选择，存放在当前系统用户的配置文件中（密码也在其中）。迁移会把所有投诉、处理记录和附件复制到服务器上的空数据库并在服务器上检查；本机的数据库文件保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="100"/>
        <source>Database in use (set by the COMPLAINT_DESK_DB variable, which overrides the choice made here):</source>
        <translation>正在使用的数据库（由 COMPLAINT_DESK_DB 环境变量指定，优先于此处的选择）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="102"/>
        <source>Database in use (this PC&apos;s choice):</source>
        <translation>正在使用的数据库（本机的选择）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="103"/>
        <source>Database in use (named when Complaint Desk was started):</source>
        <translation>正在使用的数据库（启动投诉台时指定）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="104"/>
        <source>Database in use (this PC&apos;s own file):</source>
        <translation>正在使用的数据库（本机自己的文件）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="135"/>
        <source>Not connected: %1</source>
        <translation>未能连接：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="141"/>
        <source>Connected to PostgreSQL %1.</source>
        <translation>已连接到 PostgreSQL %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="143"/>
        <source>The database is empty: this PC&apos;s database can be moved there.</source>
        <translation>该数据库是空的：可以把本机的数据库迁移过去。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="146"/>
        <source>It holds a Complaint Desk database with %1 cases: this PC can use it.</source>
        <translation>其中有投诉台数据库，共 %1 件投诉：本机可以使用它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="149"/>
        <source>It holds tables of another program: choose another database.</source>
        <translation>其中有其他程序的数据表：请选择其他数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="156"/>
        <source>Copy this PC&apos;s database to %1? This PC keeps using its file until you choose to use the server.</source>
        <translation>将本机数据库复制到 %1？在您选择改用服务器之前，本机仍使用原来的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="164"/>
        <source>Moving the database to the server…</source>
        <translation>正在将数据库迁移到服务器…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="169"/>
        <source>%1 cases were copied to the server and checked there in %2 s. Use the server on this PC now? (Complaint Desk starts again.)</source>
        <translation>已将 %1 件投诉复制到服务器并在服务器上检查完毕，用时 %2 秒。本机现在改用服务器吗？（投诉台将重新启动。）</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/database_page.py" line="180"/>
        <source>Use the server from now on? Complaint Desk starts again on it.</source>
        <translation>从现在起改用服务器？投诉台将在服务器上重新启动。</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="64"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="65"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="66"/>
        <source>Open in the PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="67"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="104"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="105"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="75"/>
        <source>The problem is not solved: reopen the case</source>
        <translation>问题未解决：重新处理该投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="76"/>
        <source>What was to be done</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="77"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="78"/>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="81"/>
        <source>Follow-up done</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="82"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../../app/ui/intake/duplicate.py" line="33"/>
        <location filename="../../app/ui/intake/duplicate.py" line="67"/>
        <source>Possibly a duplicate</source>
        <translation>可能是重复投诉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake/duplicate.py" line="47"/>
        <source>This customer already has %n open case(s) of the same category, received in the last days. If they are calling about it again, add what they said to that case instead of recording a second one.</source>
        <translation>
            <numerusform>该客户近日已有 %n 件同类别的投诉尚未办结。如客户是为同一件事再次反映，请把本次所述补充到原投诉中，不要重复受理。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/duplicate.py" line="51"/>
        <source>What they said now: %1</source>
        <translation>本次所述：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/duplicate.py" line="53"/>
        <source>Add the words to the selected case</source>
        <translation>补充到所选投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/duplicate.py" line="56"/>
        <source>Record a new case anyway</source>
        <translation>仍作为新投诉受理</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/duplicate.py" line="58"/>
        <source>Back to the form</source>
        <translation>返回受理表</translation>
    </message>
</context>
<context>
    <name>ExportChoice</name>
    <message>
        <location filename="../../app/ui/excel/export.py" line="28"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="29"/>
        <source>%1 case(s) match the register&apos;s current filters and search; they will be exported in its order.</source>
        <translation>当前筛选和搜索条件下共 %1 件投诉，将按列表顺序导出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="33"/>
        <source>Also a sheet with every case&apos;s timeline (larger file)</source>
        <translation>同时导出每件投诉的处理记录（文件较大）</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="34"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="34"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message numerus="yes">
        <location filename="../../app/ui/analysis/tiles.py" line="75"/>
        <source>Click to list the %n case(s) behind this figure</source>
        <translation>
            <numerusform>点击列出该指标对应的 %n 件投诉</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="58"/>
        <source>The spreadsheet</source>
        <translation>表格文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="59"/>
        <source>Choose the Excel file (.xlsx) your complaints were kept in, and the sheet that holds them.</source>
        <translation>请选择原来登记投诉的 Excel 文件（.xlsx）以及登记所在的工作表。</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="65"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="71"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="72"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="101"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_pages.py" line="102"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../app/ui/register/filters.py" line="48"/>
        <location filename="../../app/ui/register/filters.py" line="138"/>
        <source>All cases</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="48"/>
        <location filename="../../app/ui/register/filters.py" line="138"/>
        <source>Not yet decided</source>
        <translation>未处理完毕</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="60"/>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="61"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="62"/>
        <source>Group or escalation risk</source>
        <translation>群体投诉或过激风险</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="63"/>
        <source>Received between</source>
        <translation>受理日期范围</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="69"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="74"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="75"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="76"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="83"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="109"/>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="111"/>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/filters.py" line="113"/>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../app/ui/case/follow_ups.py" line="41"/>
        <source>Call the customer with an update</source>
        <translation>电话联系客户，告知处理进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/follow_ups.py" line="43"/>
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/follow_ups.py" line="44"/>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/follow_ups.py" line="44"/>
        <source>Snooze…</source>
        <translation>推迟…</translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <location filename="../../app/ui/settings/image.py" line="25"/>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/image.py" line="26"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/image.py" line="34"/>
        <source>Sign on screen…</source>
        <translation>在屏幕上签名…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/image.py" line="54"/>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/image.py" line="61"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/image.py" line="67"/>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/image.py" line="68"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/ui/excel/import_wizard.py" line="40"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_wizard.py" line="47"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="62"/>
        <source>New complaint</source>
        <translation>受理新投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="89"/>
        <location filename="../../app/ui/intake/dialog.py" line="138"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="97"/>
        <source>Solved on the spot (close the case now)</source>
        <translation>当场解决（立即结案）</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="98"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="100"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="118"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="119"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="120"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="121"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="122"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="123"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="124"/>
        <source>What happened (customer&apos;s words)</source>
        <translation>投诉事件（客户原话）</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="125"/>
        <source>What the customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="126"/>
        <source>Order / policy number</source>
        <translation>订单号/保单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="127"/>
        <source>Promised answer by</source>
        <translation>承诺答复时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="134"/>
        <source>Solved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="140"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="142"/>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="144"/>
        <source>Told the customer</source>
        <translation>告知客户的内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="253"/>
        <source>Required when solved on the spot.</source>
        <translation>当场解决时必须填写。</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/dialog.py" line="280"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake/dialog.py" line="282"/>
        <source>Returning customer: %n earlier case(s)</source>
        <translation>
            <numerusform>老客户：以前投诉过 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterOptions</name>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="65"/>
        <source>Resolution letter</source>
        <translation>处理结果告知书</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="70"/>
        <source>The customer signs on screen now</source>
        <translation>客户现在在屏幕上签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="71"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="71"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="74"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="30"/>
        <location filename="../../app/ui/settings/lists.py" line="41"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="30"/>
        <location filename="../../app/ui/settings/lists.py" line="42"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="31"/>
        <location filename="../../app/ui/settings/lists.py" line="43"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="31"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="34"/>
        <source>Shop: answer today, decide in N days</source>
        <translation>门店：当天答复，N 天内处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="35"/>
        <source>Financial: decide within 15 days</source>
        <translation>金融保险：15 日内作出处理决定</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="36"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="37"/>
        <source>Switch off / on</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="45"/>
        <source>Deadline rule</source>
        <translation>时限规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="58"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/lists.py" line="58"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="77"/>
        <source>New complaint</source>
        <translation>受理新投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="79"/>
        <source>Open case</source>
        <translation>打开投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="80"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="84"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="85"/>
        <source>Print letters…</source>
        <translation>批量打印告知书…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="87"/>
        <source>Analysis</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="88"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="90"/>
        <source>Start a corrective action from the selected cases…</source>
        <translation>针对选中的投诉启动整改措施…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="93"/>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95"/>
        <source>About Complaint Desk</source>
        <translation>关于投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97"/>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103"/>
        <location filename="../../app/ui/main_window.py" line="194"/>
        <source>Approvals</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="110"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137"/>
        <source>&amp;Desk</source>
        <translation>投诉台(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="140"/>
        <source>&amp;Cases</source>
        <translation>投诉(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="147"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260"/>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="263"/>
        <source>Complaint Desk</source>
        <translation>投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="365"/>
        <source>Your account was switched off, given another role or a new password since you signed in. Please sign in again.</source>
        <translation>您登录后，账户已被停用、更改角色或重设密码。请重新登录。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="49"/>
        <source>Merge duplicate cases — %1</source>
        <translation>合并重复投诉 — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="58"/>
        <source>Number, phone, name or words of the other case</source>
        <translation>另一件投诉的编号、电话、姓名或内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="63"/>
        <source>Keep the other one instead ⇄</source>
        <translation>改为保留另一件 ⇄</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="69"/>
        <source>They are different customers, but it is the same complaint</source>
        <translation>虽属不同客户，但确为同一投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="71"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="71"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="78"/>
        <source>Find the other case:</source>
        <translation>查找另一件投诉：</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="137"/>
        <source>Merged (the duplicate)</source>
        <translation>被合并（重复的一件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="138"/>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="148"/>
        <source>Choose the other case above.</source>
        <translation>请在上方选择另一件投诉。</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="150"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="151"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="152"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="153"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="154"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="155"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="156"/>
        <source>What happened</source>
        <translation>投诉事件</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/merge_dialog.py" line="169"/>
        <source>Moves to %1 with their times and authors: %2 follow-up(s), %3 offer(s), %4 attachment(s). The %5 event(s) of %6 stay as they were written and show in %1&apos;s timeline. %6 will lead to %1. Nothing is sent or printed.</source>
        <translation>将移入 %1（保留原时间和经办人）：跟进 %2 条、补偿方案 %3 项、附件 %4 个。%6 的 %5 条处理记录保持原样，显示在 %1 的处理记录中。之后查询 %6 将转到 %1。不会发送或打印任何内容。</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../app/ui/reminders/notifier.py" line="23"/>
        <source>Complaint Desk</source>
        <translation>投诉处理台</translation>
    </message>
</context>
<context>
    <name>OffersPage</name>
    <message>
        <location filename="../../app/ui/case/offers.py" line="28"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/offers.py" line="29"/>
        <source>Accept the counter-offer</source>
        <translation>接受还价</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/offers.py" line="30"/>
        <source>Decide…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/offers.py" line="31"/>
        <source>Mark paid…</source>
        <translation>登记支付…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/offers.py" line="74"/>
        <source>Withdraw the offer</source>
        <translation>撤回补偿方案</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/offers.py" line="74"/>
        <source>Why?</source>
        <translation>原因？</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="42"/>
        <source>Mark paid</source>
        <translation>登记支付</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="53"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="56"/>
        <source>How</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="57"/>
        <source>Receipt or voucher number</source>
        <translation>收据或凭证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="59"/>
        <source>Amount paid (CNY)</source>
        <translation>支付金额（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="60"/>
        <source>Paid or handed over at</source>
        <translation>支付或交付时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="61"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="63"/>
        <source>Record the payment</source>
        <translation>保存支付记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/pay.py" line="63"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="30"/>
        <source>Count again</source>
        <translation>重新统计</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="31"/>
        <source>Remove their personal data now…</source>
        <translation>立即删除其个人信息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="33"/>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="39"/>
        <source>Removed: the customer&apos;s name, phone and address, every free text and the attachments. Kept: numbers, dates, categories, causes, amounts and outcomes, so the figures still count the cases. Not reached: backups made before the run keep the data until they are deleted (the monthly copies are kept for a year), and so do copies made before an upgrade or a restore.</source>
        <translation>删除：客户姓名、电话、地址、全部文字内容和附件。保留：编号、日期、类别、原因、金额和处理结果，统计仍然计入这些投诉。不涉及：清理之前制作的备份在被删除前仍保留这些信息（每月备份保留一年），升级或恢复前留存的副本也是如此。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="60"/>
        <source>Cases closed before %1: %2 would lose their personal data; passed by: %3 on legal hold, %4 still open to review.</source>
        <translation>%1 之前结案的投诉：%2 件将删除个人信息；不处理：法律保全 %3 件，仍可申请核查 %4 件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="65"/>
        <source>Last run: %1, cases closed before %2, %3 case(s).</source>
        <translation>上次清理：%1，%2 之前结案的投诉，共 %3 件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="68"/>
        <source>Retention has not been run yet.</source>
        <translation>尚未进行过到期清理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="74"/>
        <source>Remove for good the personal data of %1 case(s) closed before %2? This cannot be undone.</source>
        <translation>确定永久删除 %2 之前结案的 %1 件投诉的个人信息吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="85"/>
        <source>Removing personal data</source>
        <translation>正在删除个人信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/privacy.py" line="90"/>
        <source>The personal data of %1 case(s) was removed.</source>
        <translation>已删除 %1 件投诉的个人信息。</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="35"/>
        <source>Propose compensation — %1</source>
        <translation>提出补偿方案 — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="46"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="47"/>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="48"/>
        <source>What exactly</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="49"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="52"/>
        <source>Propose</source>
        <translation>提出</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="52"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="65"/>
        <source>No limit</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="69"/>
        <source>Your limit: %1.</source>
        <translation>您的权限：%1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="72"/>
        <source>Your limit: %1. Within it: approved at once.</source>
        <translation>您的权限：%1。在权限内：立即生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/compensation/propose.py" line="74"/>
        <source>Your limit: %1. Above it: a manager or the owner must approve, and the case shows “awaiting approval” until then.</source>
        <translation>您的权限：%1。超出权限：须经理或负责人批准，批准前投诉显示为“待审批”。</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../app/ui/runner.py" line="155"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecordMenu</name>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="28"/>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="34"/>
        <source>Merge duplicate cases…</source>
        <translation>合并重复投诉…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="36"/>
        <source>Undo the merge of %1…</source>
        <translation>撤销合并 %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="39"/>
        <source>Join another record of this customer…</source>
        <translation>合并该客户的另一条记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="41"/>
        <source>Lift the legal hold…</source>
        <translation>解除法律保全…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="42"/>
        <source>Put on legal hold…</source>
        <translation>设置法律保全…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="45"/>
        <source>Customer&apos;s own record (PDF and Excel)…</source>
        <translation>客户个人信息记录（PDF 和 Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="46"/>
        <source>Correct the customer&apos;s details…</source>
        <translation>更正客户信息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="48"/>
        <source>Erase the customer&apos;s personal data…</source>
        <translation>删除客户个人信息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="67"/>
        <source>Undo the merge: %1 becomes a case of its own again, with its follow-ups, offers and attachments?</source>
        <translation>撤销合并：%1 将恢复为独立的投诉，并取回其跟进、补偿方案和附件。确定吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="75"/>
        <source>Join another record of this customer</source>
        <translation>合并该客户的另一条记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="76"/>
        <source>Phone of the other record (the same person under another number or spelling); their cases then show as one history:</source>
        <translation>另一条记录的电话（同一位客户以其他号码或写法登记）；合并后其投诉作为同一客户的历史显示：</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="86"/>
        <source>Legal hold</source>
        <translation>法律保全</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="88"/>
        <source>Why (a dispute, a lawsuit, a regulator&apos;s request…)?</source>
        <translation>原因（纠纷、诉讼、监管要求等）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="99"/>
        <source>The customer&apos;s own record</source>
        <translation>客户个人信息记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="108"/>
        <source>Written: %1 and %2</source>
        <translation>已生成：%1 和 %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/records_menu.py" line="120"/>
        <source>Erase the personal data of %1 (%2) from every case of theirs? Names, phones, addresses and free texts are removed for good; backups made before keep them until they are deleted.</source>
        <translation>确定从 %1（%2）的所有投诉中删除其个人信息吗？姓名、电话、地址和文字内容将永久删除；此前制作的备份在被删除前仍保留这些信息。</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../app/ui/register/panel.py" line="54"/>
        <source>Search: number, customer, phone or any words of the complaint (Ctrl+F)</source>
        <translation>搜索：编号、客户姓名、电话或投诉内容中的任何文字 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/panel.py" line="59"/>
        <source>Show all cases</source>
        <translation>显示全部投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/register/panel.py" line="147"/>
        <source>Showing the cases behind a figure: %1</source>
        <translation>正在显示该指标对应的投诉：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/register/panel.py" line="208"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWatch</name>
    <message>
        <location filename="../../app/ui/reminders/watch.py" line="85"/>
        <source>Today</source>
        <translation>今日提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/watch.py" line="86"/>
        <source>%1 overdue, %2 due today, %3 escalated</source>
        <translation>已逾期 %1 项，今天到期 %2 项，升级待确认 %3 项</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/watch.py" line="93"/>
        <source>Escalated: %1</source>
        <translation>升级：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/watch.py" line="95"/>
        <source>Early warning: %1</source>
        <translation>预警：%1</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="41"/>
        <source>Case</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="41"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="41"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="42"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="46"/>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="47"/>
        <source>Snooze…</source>
        <translation>推迟…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="48"/>
        <location filename="../../app/ui/reminders/panel.py" line="90"/>
        <source>Open case</source>
        <translation>打开投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="88"/>
        <source>Open action</source>
        <translation>打开整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/panel.py" line="89"/>
        <source>Open warning</source>
        <translation>打开预警</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../app/ui/case/reply_dialog.py" line="32"/>
        <source>Reply to the customer — %1</source>
        <translation>答复客户 — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/reply_dialog.py" line="34"/>
        <source>— write freely —</source>
        <translation>— 自由填写 —</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/reply_dialog.py" line="41"/>
        <source>Record as told to the customer</source>
        <translation>记录为已告知客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/reply_dialog.py" line="42"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/reply_dialog.py" line="44"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/case/reply_dialog.py" line="45"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="26"/>
        <location filename="../../app/ui/backup/restore_dialog.py" line="84"/>
        <location filename="../../app/ui/backup/restore_dialog.py" line="112"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="35"/>
        <source>Choose the copy to put back. Everything recorded after it was made will no longer be in the database; the database in use now is kept aside first.</source>
        <translation>请选择要恢复的副本。副本制作之后记录的内容将不再在数据库中；正在使用的数据库会先另存一份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="39"/>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="39"/>
        <source>Cases</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="40"/>
        <source>Newest case</source>
        <translation>最新投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="40"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="44"/>
        <source>Another file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="46"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="67"/>
        <source>There is no copy in the backup folder yet: choose another file.</source>
        <translation>备份文件夹中还没有副本：请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="85"/>
        <source>Complaint Desk backups (*.sqlite3 *.bak)</source>
        <translation>投诉台备份 (*.sqlite3 *.bak)</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="103"/>
        <source>Replace the database in use (%1 cases) with the backup made %2 (%3 cases, the newest %4)?

Everything recorded after %2 will no longer be in the database. The database in use now is kept aside first. Complaint Desk then starts again on the backup and asks you to sign in.</source>
        <translation>用 %2 制作的备份（%3 件投诉，最新为 %4）替换正在使用的数据库（%1 件投诉）？

%2 之后记录的内容将不再在数据库中。正在使用的数据库会先另存一份。随后投诉台将在恢复的数据库上重新启动，并请您重新登录。</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="36"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="36"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="37"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="37"/>
        <source>At least</source>
        <translation>至少</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="38"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="42"/>
        <source>Save the rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/rules_editor.py" line="49"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="41"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="44"/>
        <source>Business</source>
        <translation>商户信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="47"/>
        <source>Hours and deadlines</source>
        <translation>营业时间与时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="48"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="49"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="51"/>
        <source>Categories</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="52"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="53"/>
        <source>Root causes</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="54"/>
        <source>Reply templates</source>
        <translation>统一回复口径</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="56"/>
        <source>Early warnings</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="58"/>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="62"/>
        <source>My training</source>
        <translation>我的培训记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="64"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="66"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="67"/>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="68"/>
        <source>This PC</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="91"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="98"/>
        <source>Show tray notifications on this PC</source>
        <translation>在本机显示托盘通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="103"/>
        <source>Language on this PC</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="105"/>
        <source>The new language is used the next time Complaint Desk starts.</source>
        <translation>新的语言将在下次启动投诉处理台时生效。</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../app/ui/settings/form.py" line="46"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/form.py" line="79"/>
        <source>One date per line, e.g. 2026-10-01</source>
        <translation>每行一个日期，例如 2026-10-01</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/signin.py" line="40"/>
        <source>Sign in — Complaint Desk</source>
        <translation>登录 — 投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="51"/>
        <source>Who are you?</source>
        <translation>您是哪位？</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="52"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="54"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin.py" line="56"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../app/ui/printing/signature.py" line="111"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/signature.py" line="113"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/signature.py" line="114"/>
        <source>Undo last stroke</source>
        <translation>撤销上一笔</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/signature.py" line="115"/>
        <source>Use this signature</source>
        <translation>使用此签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/signature.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/signature.py" line="122"/>
        <source>%1, please sign in the box:</source>
        <translation>请 %1 在框内签名：</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="104"/>
        <source>Until</source>
        <translation>推迟到</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="105"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="107"/>
        <source>Snooze follow-up</source>
        <translation>推迟跟进</translation>
    </message>
    <message>
        <location filename="../../app/ui/reminders/dialogs.py" line="108"/>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="40"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SuccessPage</name>
    <message>
        <location filename="../../app/ui/intake/success.py" line="21"/>
        <location filename="../../app/ui/intake/success.py" line="53"/>
        <source>Complaint recorded. Case number:</source>
        <translation>投诉已受理，编号：</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="27"/>
        <source>Copy number</source>
        <translation>复制编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="28"/>
        <source>Print receipt</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="29"/>
        <source>Open case</source>
        <translation>打开投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="30"/>
        <source>Next complaint</source>
        <translation>受理下一件</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="31"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="52"/>
        <source>Added to the open case. Case number:</source>
        <translation>已补充到未办结的投诉。投诉编号：</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake/success.py" line="61"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>TemplatesEditor</name>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="30"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="31"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="35"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="37"/>
        <source>Placeholders: %1. Letters also take %2: the approved compensation, a line per offer.</source>
        <translation>可用占位符：%1。告知书另可使用 %2：已批准的补偿，每项一行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="44"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="45"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="46"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/templates.py" line="47"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="69"/>
        <source>Record training</source>
        <translation>记录培训</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="97"/>
        <source>Date</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="98"/>
        <source>Topic</source>
        <translation>培训主题</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="99"/>
        <source>Trainer</source>
        <translation>培训人</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="100"/>
        <source>Attendees</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="102"/>
        <source>Root cause it addresses</source>
        <translation>针对的根本原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="105"/>
        <source>For action</source>
        <translation>针对的整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="107"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="108"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="108"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WarningDialog</name>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="37"/>
        <source>Early warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="40"/>
        <source>Fired %1 · %2</source>
        <translation>触发于 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="42"/>
        <source>Case</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="42"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="42"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="43"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="43"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="49"/>
        <source>Start a corrective action…</source>
        <translation>启动整改措施…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="51"/>
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="53"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="85"/>
        <source>Dismiss the warning</source>
        <translation>忽略预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_dialog.py" line="86"/>
        <source>Why (kept with the warning)</source>
        <translation>原因（随预警一并保存）</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../app/ui/welcome.py" line="32"/>
        <source>Welcome to Complaint Desk</source>
        <translation>欢迎使用投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="36"/>
        <source>This database is empty. Set up your business to start recording complaints, or look around with demo data first.</source>
        <translation>这是一个空数据库。请先设置商户信息再开始受理投诉，或者先用示范数据熟悉一下。</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="41"/>
        <source>Your business</source>
        <translation>您的商户</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="42"/>
        <source>The owner&apos;s account</source>
        <translation>负责人账户</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="44"/>
        <source>Business name</source>
        <translation>商户名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="45"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="46"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="47"/>
        <source>User name (for signing in)</source>
        <translation>用户名（登录用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="48"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="49"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="50"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="59"/>
        <source>Set up and start</source>
        <translation>设置并开始使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="61"/>
        <source>Try with demo data</source>
        <translation>使用示范数据试用</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="77"/>
        <source>Please enter the business name.</source>
        <translation>请填写商户名称。</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome.py" line="80"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>analysis</name>
    <message>
        <location filename="../../app/ui/analysis/files.py" line="38"/>
        <source>Preparing the review pack…</source>
        <translation>正在生成月度分析报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/files.py" line="44"/>
        <source>Save as Excel</source>
        <translation>另存为 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/files.py" line="45"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/files.py" line="53"/>
        <source>Saved to %1. Open it now?</source>
        <translation>已保存到 %1。现在打开吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/analysis/files.py" line="57"/>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <location filename="../../app/ui/backup/actions.py" line="32"/>
        <source>Backup made and checked: %1 (%2), %3 cases.</source>
        <translation>备份已完成并通过检查：%1（%2），共 %3 件投诉。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/actions.py" line="38"/>
        <location filename="../../app/ui/backup/watch.py" line="91"/>
        <source>The backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/actions.py" line="42"/>
        <source>Making a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/actions.py" line="53"/>
        <source>Checking the backup and keeping the database aside…</source>
        <translation>正在检查备份并另存当前数据库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/actions.py" line="60"/>
        <source>Restoring a backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="122"/>
        <source> (received %1)</source>
        <translation>（%1 受理）</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/restore_dialog.py" line="123"/>
        <source>Backup made %1: %2 cases, the newest %3.</source>
        <translation>%1 制作的备份：共 %2 件投诉，最新为 %3。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/watch.py" line="49"/>
        <source>Making today&apos;s backup…</source>
        <translation>正在制作今天的备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/watch.py" line="57"/>
        <source>Making a backup before closing…</source>
        <translation>退出前正在备份…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/wording.py" line="15"/>
        <source>None yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/wording.py" line="18"/>
        <source>%1 — failed: %2</source>
        <translation>%1 — 失败：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup/wording.py" line="20"/>
        <source>%1, checked: %2 cases, the newest %3</source>
        <translation>%1，已通过检查：共 %2 件投诉，最新为 %3</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../app/ui/crash.py" line="19"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="25"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="26"/>
        <source>Complaint Desk met an unexpected error. Your saved work is safe. The details below are also in %1.</source>
        <translation>投诉处理台遇到意外错误。已保存的内容不受影响。以下详细信息也已记录在 %1。</translation>
    </message>
</context>
<context>
    <name>excel</name>
    <message>
        <location filename="../../app/ui/excel/export.py" line="56"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="61"/>
        <source>Complaints</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="64"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="73"/>
        <source>%1 case(s) exported to %2.

Open the file now?</source>
        <translation>已导出 %1 件投诉到 %2。

现在打开文件吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/export.py" line="78"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_wizard.py" line="61"/>
        <source>Checking the sheet…</source>
        <translation>正在检查表格…</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_wizard.py" line="82"/>
        <source>%1 case(s) imported from “%2”; %3 row(s) skipped, %4 already recorded.</source>
        <translation>已从“%2”导入 %1 件投诉；跳过 %3 行，%4 行已登记。</translation>
    </message>
    <message>
        <location filename="../../app/ui/excel/import_wizard.py" line="90"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>improvement</name>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="122"/>
        <source>Link to a corrective action</source>
        <translation>关联整改措施</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/case_actions.py" line="139"/>
        <source>The root cause “%1” has a corrective action under way. Link this case to it, so the action lists every case it is about?</source>
        <translation>根本原因“%1”有正在进行的整改措施。是否将本投诉关联到该整改措施，使其涵盖所有相关投诉？</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="61"/>
        <source>No comparison: the action names no root cause or category to count.</source>
        <translation>无法对比：该整改措施未指定可统计的根本原因或投诉类别。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="64"/>
        <source>Just done: new cases with the same cause are counted from now on and set against as long a time before it was done.</source>
        <translation>刚刚完成：从现在起统计同一原因的新投诉，并与完成前同样长时间内的件数对比。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="67"/>
        <source>New cases with the same cause: %1 in the %3 days before it was done (from %4), %2 in the %3 days since (to %5).</source>
        <translation>同一原因的新投诉：完成前 %3 天（自 %4 起）%1，完成后 %3 天（至 %5）%2。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="76"/>
        <source>%1 more of its categories have no root cause yet.</source>
        <translation>另有 %1 件同类投诉尚未确定根本原因。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="80"/>
        <source>Still counting until the check date.</source>
        <translation>统计将持续到验证日期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="88"/>
        <source>none (no case at all then)</source>
        <translation>0 件（期间无投诉）</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/steps.py" line="89"/>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 件（共 %2 件，占 %3%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="47"/>
        <source>Date</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="48"/>
        <source>Topic</source>
        <translation>培训主题</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="49"/>
        <source>Trainer</source>
        <translation>培训人</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="50"/>
        <source>Attendees</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/training.py" line="51"/>
        <source>For</source>
        <translation>针对</translation>
    </message>
    <message>
        <location filename="../../app/ui/improvement/warning_watch.py" line="60"/>
        <source>Checking the early-warning rules…</source>
        <translation>正在检查预警规则…</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../app/ui/app.py" line="120"/>
        <source>Demo accounts: owner, manager, staff1, staff2 — password “demo”.</source>
        <translation>示范账户：owner、manager、staff1、staff2，密码均为“demo”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="29"/>
        <source>Complaint Desk</source>
        <translation>投诉处理台</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="35"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="37"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="39"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="46"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="150"/>
        <source>Letters</source>
        <translation>告知书</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/actions.py" line="154"/>
        <source>Preparing letters…</source>
        <translation>正在生成告知书…</translation>
    </message>
    <message>
        <location filename="../../app/ui/printing/preview.py" line="94"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
</TS>
