<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <source>密码太长（最多 {n} 个字符）</source>
        <translation>The password is too long (at most {n} characters)</translation>
    </message>
    <message>
        <source>密码至少 {n} 个字符</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <source>找不到密码文件：{path}</source>
        <translation>Password file not found: {path}</translation>
    </message>
    <message>
        <source>密码文件不是 UTF-8 文本</source>
        <translation>The password file is not UTF-8 text</translation>
    </message>
    <message>
        <source>用户名应为1–50个字符，不含空格</source>
        <translation>A user name has 1–50 characters and no spaces</translation>
    </message>
    <message>
        <source>没有用户“{name}”</source>
        <translation>No user &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>角色应为 village_doctor、township_staff 或 admin</source>
        <translation>The role must be village_doctor, township_staff or admin</translation>
    </message>
    <message>
        <source>用户名“{name}”已被使用</source>
        <translation>The user name &quot;{name}&quot; is taken</translation>
    </message>
    <message>
        <source>用户名含有看不见的字符，请重新输入</source>
        <translation>The user name contains invisible characters: please type it again</translation>
    </message>
    <message>
        <source>用户名“{name}”留给系统使用，请换一个</source>
        <translation>The user name &quot;{name}&quot; is kept for the system: please choose another</translation>
    </message>
    <message>
        <source>姓名“{name}”已被账号{user}使用：同名的医生请加以区分（如 李建生2）</source>
        <translation>The name &quot;{name}&quot; is already used by the account {user}: tell doctors of the same name apart (e.g. Li Jiansheng 2)</translation>
    </message>
    <message>
        <source>姓名含有看不见的字符，请重新输入</source>
        <translation>The name contains invisible characters: please type it again</translation>
    </message>
    <message>
        <source>村卫生室的电脑上不能授予“{permission}”权限：严重精神障碍患者的记录在村里只给其责任医生看</source>
        <translation>The permission &quot;{permission}&quot; cannot be granted on a village clinic&apos;s PC: in the village, a severe mental disorder patient&apos;s records are seen by their responsible doctor only</translation>
    </message>
    <message>
        <source>{role}不能获得“{permission}”权限</source>
        <translation>The role {role} cannot hold the &quot;{permission}&quot; permission</translation>
    </message>
    <message>
        <source>只有乡村医生账号需要指定村</source>
        <translation>Only a village doctor&apos;s account has a village</translation>
    </message>
    <message>
        <source>乡村医生账号请指定所属村的12位代码</source>
        <translation>A village doctor&apos;s account needs the 12-digit code of their village</translation>
    </message>
    <message>
        <source>村代码{code}不属于本机管辖的村</source>
        <translation>Village code {code} is not a village served by this device</translation>
    </message>
    <message>
        <source>原密码不正确</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账号</source>
        <translation>You cannot deactivate the account you are using</translation>
    </message>
    <message>
        <source>至少要保留一个启用的管理员</source>
        <translation>At least one active admin must remain</translation>
    </message>
    <message>
        <source>用户名或密码含有无法识别的字符</source>
        <translation>The user name or password contains characters that cannot be read</translation>
    </message>
    <message>
        <source>请输入正确的用户名</source>
        <translation>Enter a valid user name</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>尝试次数过多，请 {s} 秒后再试</source>
        <translation>Too many attempts: try again in {s} seconds</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>管理员密码已经设置过，请直接登录</source>
        <translation>The admin password is already set: log in</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>健康教育活动记录</source>
        <translation>Health education activity</translation>
    </message>
    <message>
        <source>修改健康教育活动记录</source>
        <translation>Correct health education activity record</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>添加签到表…</source>
        <translation>Add sign-in sheets…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>从存档材料中移除所选文件：保存后生效，文件作废保留，不再列出和打印</source>
        <translation>Remove the selected file from the archived materials: takes effect when saved; the file is voided and kept, and no longer listed or printed</translation>
    </message>
    <message>
        <source>活动时间</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>活动形式</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>接受健康教育人员类别</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>接受健康教育人数</source>
        <translation>Number reached</translation>
    </message>
    <message>
        <source>资料发放种类及数量</source>
        <translation>Materials handed out (kinds and quantity)</translation>
    </message>
    <message>
        <source>资料种类数</source>
        <translation>Kinds of material</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>活动总结评价</source>
        <translation>Summary and evaluation</translation>
    </message>
    <message>
        <source>存档材料</source>
        <translation>Archived files</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{kind}：{name}</source>
        <translation>{kind}: {name}</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <source>图片或PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>Sign-in sheet</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>存档材料 — {date} {topic}</source>
        <translation>Archived materials — {date} {topic}</translation>
    </message>
    <message>
        <source>{kind}：{name}（{size} KB）</source>
        <translation>{kind}: {name} ({size} KB)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>这次活动没有存档材料</source>
        <translation>This activity has no archived materials</translation>
    </message>
    <message>
        <source>正在显示存档材料…</source>
        <translation>Showing the archived file…</translation>
    </message>
    <message>
        <source>这张图片太大，无法显示</source>
        <translation>This picture is too large to show</translation>
    </message>
    <message>
        <source>无法显示这个文件：它已损坏</source>
        <translation>This file cannot be shown: it is damaged</translation>
    </message>
    <message>
        <source>这个 PDF 文件设了密码，无法显示</source>
        <translation>This PDF file has a password and cannot be shown</translation>
    </message>
    <message>
        <source>已取消：只显示了前 {shown} 页</source>
        <translation>Cancelled: only the first {shown} pages are shown</translation>
    </message>
    <message>
        <source>共 {n} 页，只显示前 {shown} 页</source>
        <translation>{n} pages; only the first {shown} are shown</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>起始日期{since}晚于截止日期{until}</source>
        <translation>The start date {since} is after the end date {until}</translation>
    </message>
    <message>
        <source>没有“{action}”这种操作；可选：{actions}</source>
        <translation>There is no action &quot;{action}&quot;; choose from: {actions}</translation>
    </message>
    <message>
        <source>查找的文字太长：最多 {n} 个字</source>
        <translation>The search text is too long: {n} characters at most</translation>
    </message>
    <message>
        <source>数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）。打印、导出和查看严重精神障碍记录都要记入审计日志，因此未进行。请在数据库地址中使用有写入权限的账户</source>
        <translation>The database server does not let this database account write (a read-only account or server). Printing, exporting and reading severe mental disorder records must be entered in the audit trail, so nothing was done. Use an account with write rights in the database address</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>无权限被拒绝</source>
        <translation>Refused (no permission)</translation>
    </message>
    <message>
        <source>设置密码</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>信任设备</source>
        <translation>Trust device</translation>
    </message>
    <message>
        <source>撤销设备</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Viewed</translation>
    </message>
    <message>
        <source>姓名、档案编号或摘要中的文字</source>
        <translation>Name, archive no. or summary text</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导出CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>村/乡镇</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>居民档案</source>
        <translation>Health record</translation>
    </message>
    <message>
        <source>双向转诊单</source>
        <translation>Two-way referral slip</translation>
    </message>
    <message>
        <source>随访卡</source>
        <translation>Follow-up card</translation>
    </message>
    <message>
        <source>随访卡（批量）</source>
        <translation>Follow-up cards (batch)</translation>
    </message>
    <message>
        <source>档案封面</source>
        <translation>Record cover</translation>
    </message>
    <message>
        <source>居民健康档案</source>
        <translation>Resident health record</translation>
    </message>
    <message>
        <source>随访服务记录表</source>
        <translation>Follow-up record</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>Home-visit worklist</translation>
    </message>
    <message>
        <source>老年人体检工作单</source>
        <translation>Elderly check worklist</translation>
    </message>
    <message>
        <source>老年人生活自理能力评估表</source>
        <translation>Elderly self-care assessment</translation>
    </message>
    <message>
        <source>老年人健康体检表</source>
        <translation>Elderly health check form</translation>
    </message>
    <message>
        <source>签约协议</source>
        <translation>Contract agreement</translation>
    </message>
    <message>
        <source>一户一档</source>
        <translation>Household file</translation>
    </message>
    <message>
        <source>严重精神障碍患者随访服务记录表</source>
        <translation>SMI follow-up record</translation>
    </message>
    <message>
        <source>健康教育活动记录表</source>
        <translation>Health education activity record</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>设置权限</source>
        <translation>Set permissions</translation>
    </message>
    <message>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>慢病管理</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>同步包</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>人口数</source>
        <translation>Population figures</translation>
    </message>
    <message>
        <source>审核结论</source>
        <translation>Review decision</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>一患一策</source>
        <translation>Patient plan (poverty)</translation>
    </message>
    <message>
        <source>健康教育活动</source>
        <translation>Health education activity</translation>
    </message>
    <message>
        <source>健康教育附件</source>
        <translation>Health education file</translation>
    </message>
    <message>
        <source>老年人健康体检</source>
        <translation>Elderly health check</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>Family doctor contract</translation>
    </message>
    <message>
        <source>严重精神障碍登记</source>
        <translation>SMI registration</translation>
    </message>
    <message>
        <source>严重精神障碍随访</source>
        <translation>SMI follow-up</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit record</translation>
    </message>
    <message>
        <source>本机构信息</source>
        <translation>Institution profile</translation>
    </message>
    <message>
        <source>指标报表</source>
        <translation>Indicator report</translation>
    </message>
    <message>
        <source>数据质量报告</source>
        <translation>Data quality report</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{n} 条记录（最多显示2000条；导出不限）</source>
        <translation>Entries: {n} (2,000 shown at most; export has no limit)</translation>
    </message>
    <message>
        <source>全量快照 {n} 条</source>
        <translation>full snapshot, rows: {n}</translation>
    </message>
    <message>
        <source>{n} 条变更</source>
        <translation>changes: {n}</translation>
    </message>
    <message>
        <source>另 {n} 项</source>
        <translation>{n} more</translation>
    </message>
    <message>
        <source>批量写入 {n} 条</source>
        <translation>Written at once: {n}</translation>
    </message>
    <message>
        <source>转诊 开具</source>
        <translation>Referral issued</translation>
    </message>
    <message>
        <source>转诊 到位</source>
        <translation>Referral arrived</translation>
    </message>
    <message>
        <source>转诊 不到位</source>
        <translation>Referral did not arrive</translation>
    </message>
    <message>
        <source>转诊 已回转</source>
        <translation>Referral returned</translation>
    </message>
    <message>
        <source>转诊 撤销到位/不到位</source>
        <translation>Referral arrived / not arrived undone</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>已导出 {n} 条：{path}</source>
        <translation>Entries exported: {n}. File: {path}</translation>
    </message>
    <message>
        <source>正在导出审计日志…</source>
        <translation>Exporting the audit trail…</translation>
    </message>
</context>
<context>
    <name>Authz</name>
    <message>
        <source>精神卫生</source>
        <translation>Mental health</translation>
    </message>
    <message>
        <source>查看档案</source>
        <translation>read records</translation>
    </message>
    <message>
        <source>修改档案</source>
        <translation>change records</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>查看审计日志</source>
        <translation>view the audit trail</translation>
    </message>
    <message>
        <source>录入人口数</source>
        <translation>enter population figures</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>管理设备</source>
        <translation>manage devices</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>把数据库迁到服务器</source>
        <translation>move the database to a server</translation>
    </message>
    <message>
        <source>修改本机构信息</source>
        <translation>edit the institution profile</translation>
    </message>
    <message>
        <source>修改随访和考核标准</source>
        <translation>change follow-up and assessment rules</translation>
    </message>
    <message>
        <source>{user} 没有权限{action}{what}</source>
        <translation>{user} may not {action}{what}</translation>
    </message>
    <message>
        <source>：{what}</source>
        <translation>: {what}</translation>
    </message>
    <message>
        <source>{user} 不能更改{name}的责任医生：只有档案的责任医生本人可以交给别的医生，无人负责的档案由乡镇卫生院或管理员指定</source>
        <translation>{user} cannot change the responsible doctor of {name}: only the record&apos;s responsible doctor can hand it to another doctor; a record nobody is responsible for is assigned by the township health centre or an administrator</translation>
    </message>
    <message>
        <source>托管密钥</source>
        <translation>escrow key</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>找不到备份文件：{path}</source>
        <translation>Backup file not found: {path}</translation>
    </message>
    <message>
        <source>{name} 不是村医备份文件</source>
        <translation>{name} is not a CunYi backup</translation>
    </message>
    <message>
        <source>{name} 已加密（或不是村医备份），本机的存储密钥打不开它：若是另一台电脑的备份，请用 --key-file 给出它的密钥（县级可用托管密钥从备份旁的 .key.age 文件找回）</source>
        <translation>{name} is encrypted (or is not a CunYi backup) and this PC&apos;s store key does not open it. If it is another PC&apos;s backup, give its key with --key-file (the county can recover it with the escrow key from the .key.age file beside the backup).</translation>
    </message>
    <message>
        <source>{name} 已损坏（完整性检查未通过）</source>
        <translation>{name} is damaged (integrity check failed)</translation>
    </message>
    <message>
        <source>{name} 不完整或已损坏（缺少表或列），拒绝恢复；本机数据未改动</source>
        <translation>{name} is incomplete or damaged (a table or column is missing): not restored; nothing here was changed</translation>
    </message>
    <message>
        <source>数据库在 PostgreSQL 服务器上，本程序不恢复：请用服务器自己的恢复（如 pg_restore）</source>
        <translation>The store is on a PostgreSQL server, which CunYi does not restore: use the server&apos;s own restore (e.g. pg_restore).</translation>
    </message>
    <message>
        <source>数据库在 PostgreSQL 服务器上，本程序不备份：请用服务器自己的备份（如 pg_dump）</source>
        <translation>The store is on a PostgreSQL server, which CunYi does not back up: use the server&apos;s own backup (e.g. pg_dump).</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法解压备份 {name}：解压到 {size} MB 时磁盘已不够（还要留 {reserve} MB）。请清理磁盘后再试；本机数据未改动</source>
        <translation>Not enough disk space to unpack the backup {name}: the disk ran short at {size} MB unpacked ({reserve} MB must stay free). Free some disk space and try again; nothing on this PC was changed</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹：请给出其中的备份文件</source>
        <translation>{path} is a folder: give the backup file in it</translation>
    </message>
    <message>
        <source>{name} 来自更新版本的村医（数据结构 {rev}），请先更新本机村医</source>
        <translation>{name} comes from a newer CunYi (schema {rev}): update CunYi on this PC first</translation>
    </message>
    <message>
        <source>{name} 已加密：请先用 cunyi init --encrypt（机构代码和名称同备份）初始化本机，再用 cunyi restore --force-other-device --key-file … 恢复</source>
        <translation>{name} is encrypted: first set this PC up with cunyi init --encrypt (the backup&apos;s institution code and name), then restore it with cunyi restore --force-other-device --key-file …</translation>
    </message>
    <message>
        <source>{name} 是旧版本的备份：请先用 cunyi init 初始化本机，再恢复</source>
        <translation>{name} is a backup of an older version: first set this PC up with cunyi init, then restore it</translation>
    </message>
    <message>
        <source>{file} 是 {theirs} 的备份，本机是 {mine}，未恢复：恢复只换回本单位的数据，不会把本机变成另一个村卫生室或卫生院（那样本机会拿到别的单位的全部档案）。换电脑或重装时，请在新电脑上用备份所属单位的代码运行 cunyi init，再作为新设备恢复（命令行加 --force-other-device）。</source>
        <translation>{file} is a backup of {theirs}; this PC is {mine}. Not restored: a restore brings back this institution&apos;s own data and never turns this PC into another village clinic or health centre (it would then hold all of that institution&apos;s records). When replacing or reinstalling a PC, set up the new PC with the backup&apos;s institution code (cunyi init), then restore it as a new device (on the command line add --force-other-device).</translation>
    </message>
    <message>
        <source>{file} 与它旁边的备份签章（{seal}）对不上，未恢复：它在备份之后被改动过，或者不是本机做的备份。确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</source>
        <translation>{file} does not match the backup seal beside it ({seal}). Not restored: it was changed after the backup was made, or it is not a backup this PC made. If you must use it, restore it as a new device (on the command line add --force-other-device): this PC then takes a new device identity and keys, and the township and villages must trust this PC&apos;s device card again.</translation>
    </message>
    <message>
        <source>{file} 自称是本机的备份，但没有本机的备份签章（{seal}），未恢复：它可能来自别的电脑、被改动过，或拷贝时没带上签章文件。若带上了签章文件请一起放回原处再试；确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</source>
        <translation>{file} claims to be this PC&apos;s backup but does not carry this PC&apos;s backup seal ({seal}); nothing restored: it may come from another PC, have been changed, or have been copied without its seal file. If you have the seal file, put it back beside the backup and try again; to use the backup anyway, restore it as a new device (command line: --force-other-device): this PC then takes a new device identity and keys, and the township and villages must trust its new device card.</translation>
    </message>
    <message>
        <source>{file} 是另一台设备的备份（{theirs}，设备 {their_device}），本机是 {mine}（设备 {my_device}），未恢复：两台电脑以同一身份同步会丢失数据。确需在本机使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</source>
        <translation>{file} is a backup of another device ({theirs}, device {their_device}); this one is {mine} (device {my_device}). Not restored: two PCs syncing as one device lose data. To use it on this PC anyway, restore it as a new device (on the command line, add --force-other-device): this PC then gets a new device identity and keys, and the township and the villages must trust its device card again.</translation>
    </message>
    <message>
        <source>{name} 缺少审计保护触发器（{triggers}）：其审计记录可能被改动或删除过，拒绝恢复</source>
        <translation>{name} lacks the triggers that protect its audit trail ({triggers}): its audit records may have been altered or deleted. Restore refused.</translation>
    </message>
    <message>
        <source>{name} 的数据库结构与本程序建立的不同（{objects}）：可能被改动过，恢复后会在保存时改动数据，拒绝恢复</source>
        <translation>{name}: its database structure differs from what this program makes ({objects}); it may have been tampered with and would change data when saving once restored. Not restored</translation>
    </message>
    <message>
        <source>{name} 的审计记录被改动过（哈希链断裂，共 {count} 处，首处：{problem}），拒绝恢复</source>
        <translation>{name}: its audit records have been altered (hash chain broken in {count} places; the first: {problem}). Restore refused.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>收缩压</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>空腹血糖</source>
        <translation>Fasting glucose</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>用法：</source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>位置参数</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>options</translation>
    </message>
    <message>
        <source>显示本帮助并退出</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>{file}：{text}</source>
        <translation>{file}: {text}</translation>
    </message>
    <message>
        <source>注意：{text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <source>环境变量 {name} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</source>
        <translation>The value &quot;{value}&quot; of the environment variable {name} is not readable text (it holds bytes that are not UTF-8): use text or a file name in UTF-8</translation>
    </message>
    <message>
        <source>参数 {option} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</source>
        <translation>The value &quot;{value}&quot; of {option} is not readable text (it holds bytes that are not UTF-8): use text or a file name in UTF-8</translation>
    </message>
    <message>
        <source>参数“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</source>
        <translation>The argument &quot;{value}&quot; is not readable text (it holds bytes that are not UTF-8): use text or a file name in UTF-8</translation>
    </message>
    <message>
        <source>数据目录（默认：用户数据目录，或 $CUNYI_DATA_DIR）</source>
        <translation>data directory (default: the user data dir, or $CUNYI_DATA_DIR)</translation>
    </message>
    <message>
        <source>数据库 URL：乡镇卫生院或县级的 PostgreSQL 数据库，postgresql+psycopg://user@host/db（默认：`init --db` 指定的数据库、$CUNYI_DB_URL，或数据目录中的 SQLite）</source>
        <translation>database URL: a township&apos;s or county&apos;s PostgreSQL store, postgresql+psycopg://user@host/db (default: the one `init --db` named, $CUNYI_DB_URL, or SQLite in the data dir)</translation>
    </message>
    <message>
        <source>显示版本号并退出</source>
        <translation>show program&apos;s version number and exit</translation>
    </message>
    <message>
        <source>以此用户身份操作（密码取自 --password-file 或提示输入）；默认：系统账户</source>
        <translation>act as this user (password from --password-file or a prompt); default: the system account</translation>
    </message>
    <message>
        <source>密码文件，第一行为密码（用于 --user、init --admin、user add）</source>
        <translation>file whose first line is the password (for --user, init --admin, user add)</translation>
    </message>
    <message>
        <source>写出的 PDF 文件</source>
        <translation>The PDF file to write</translation>
    </message>
    <message>
        <source>数据目录 {folder} 不属于当前系统用户：不带 --user 时以系统账号操作，只允许数据目录的所有者；请用 --user 登录</source>
        <translation>The data folder {folder} does not belong to this system user: without --user a command acts as the system account, which only the folder&apos;s owner may do; log in with --user</translation>
    </message>
    <message>
        <source>另一个程序正在从备份恢复这个数据库，等了两分钟仍未结束：请等它完成后再试</source>
        <translation>Another program is restoring this database from a backup and has not finished after two minutes: wait for it to finish, then try again</translation>
    </message>
    <message>
        <source>数据库的结构版本 {revision} 不是本版村医认识的：它可能由更新版本的村医建立（请升级村医），也可能不是村医的数据库（请核对数据文件夹或数据库地址）</source>
        <translation>This version of CunYi does not know the database&apos;s schema version {revision}: a newer CunYi may have made it (upgrade CunYi), or it is not a CunYi database (check the data folder or the database address)</translation>
    </message>
    <message>
        <source>数据库地址无效：{url}；应是 postgresql+psycopg://用户@主机:端口/数据库</source>
        <translation>Invalid database address: {url}; it should be postgresql+psycopg://user@host:port/database</translation>
    </message>
    <message>
        <source>数据库地址没有给出数据库文件：应是 sqlite:///文件路径，或 postgresql+psycopg://用户@主机:端口/数据库</source>
        <translation>The database address names no database file: it should be sqlite:///file-path, or postgresql+psycopg://user@host:port/database</translation>
    </message>
    <message>
        <source>数据目录 {folder} 是一个文件，不是文件夹：请检查 --data-dir 是否写错</source>
        <translation>The data folder {folder} is a file, not a folder: check --data-dir for a typing error</translation>
    </message>
    <message>
        <source>数据目录 {folder} 不存在：请检查 --data-dir 是否写错，新装的电脑请先运行 cunyi init</source>
        <translation>The data folder {folder} does not exist: check --data-dir for a typing error; on a new PC run cunyi init first</translation>
    </message>
    <message>
        <source>没有村医的数据库 {file}：请检查 --data-dir 或 --db 是否写错，新装的电脑请先运行 cunyi init</source>
        <translation>There is no CunYi database {file}: check --data-dir or --db for a typing error; on a new PC run cunyi init first</translation>
    </message>
    <message>
        <source>请用 --password-file 给出 {user} 的密码（没有可输入密码的终端）</source>
        <translation>Give the password of {user} with --password-file (there is no terminal to type it in)</translation>
    </message>
    <message>
        <source>没有输入 {user} 的密码</source>
        <translation>No password was typed for {user}</translation>
    </message>
    <message>
        <source>请用 --new-password-file 给出新密码（--password-file 是登录用户自己的密码）</source>
        <translation>Give the new password with --new-password-file (--password-file is the logged-in user&apos;s own password)</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>已中断</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>程序内部出错（{kind}），操作未完成；详细记录已写入数据文件夹的 logs/cunyi.log</source>
        <translation>Internal error ({kind}); the operation did not finish. Details are in logs/cunyi.log in the data folder</translation>
    </message>
    <message>
        <source>程序内部出错（{kind}），操作未完成</source>
        <translation>Internal error ({kind}); the operation did not finish</translation>
    </message>
    <message>
        <source>错误：{text}</source>
        <translation>Error: {text}</translation>
    </message>
    <message>
        <source>文件或文件夹不存在</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>这是一个文件夹，需要的是文件</source>
        <translation>this is a folder; a file is needed</translation>
    </message>
    <message>
        <source>路径中有一段不是文件夹</source>
        <translation>a part of the path is not a folder</translation>
    </message>
    <message>
        <source>已有同名的文件</source>
        <translation>a file of that name exists</translation>
    </message>
    <message>
        <source>没有权限</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>磁盘空间不足</source>
        <translation>not enough disk space</translation>
    </message>
    <message>
        <source>磁盘是只读的</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>路径太长</source>
        <translation>the path is too long</translation>
    </message>
    <message>
        <source>文件太大（超过系统允许的大小）</source>
        <translation>the file is too large (beyond what the system allows)</translation>
    </message>
    <message>
        <source>无法读写 {path}：{reason}</source>
        <translation>Cannot read or write {path}: {reason}</translation>
    </message>
    <message>
        <source>CunYi 村医 — 村卫生室居民健康档案</source>
        <translation>CunYi 村医 — village clinic health records</translation>
    </message>
    <message>
        <source>审计日志（管理员、乡镇公卫人员）</source>
        <translation>the audit trail (admin, township staff)</translation>
    </message>
    <message>
        <source>起始日期（含）YYYY-MM-DD</source>
        <translation>from this date on, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>截止日期（含）YYYY-MM-DD</source>
        <translation>up to and including this date, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>只看该用户</source>
        <translation>only this user</translation>
    </message>
    <message>
        <source>操作：create, update, void, print, export, import, login, denied …</source>
        <translation>create, update, void, print, export, import, login, denied …</translation>
    </message>
    <message>
        <source>出现在对象、其 ID 或摘要中的文字</source>
        <translation>in the record, its id or the summary</translation>
    </message>
    <message>
        <source>输出 JSON 而非文本</source>
        <translation>print JSON instead of text</translation>
    </message>
    <message>
        <source>改为导出 CSV</source>
        <translation>write CSV instead</translation>
    </message>
    <message>
        <source>生成数据库的一致性副本</source>
        <translation>write a consistent copy of the store</translation>
    </message>
    <message>
        <source>备份文件，或存放备份的文件夹</source>
        <translation>The backup file, or a folder to put it in</translation>
    </message>
    <message>
        <source>用备份替换数据库（先校验；原数据库保留）</source>
        <translation>replace the store by a backup (checked first; the old one is kept)</translation>
    </message>
    <message>
        <source>要恢复的备份文件</source>
        <translation>The backup file to restore</translation>
    </message>
    <message>
        <source>在本机恢复本机构另一台电脑的备份；本机将换用新的设备身份和密钥</source>
        <translation>restore another PC&apos;s backup of this institution here; this PC takes a new device identity and keys</translation>
    </message>
    <message>
        <source>另一台电脑加密备份的存储密钥（64 位十六进制，如用县级托管密钥解密其 .key.age 所得）</source>
        <translation>the store key of an encrypted backup from another PC (64 hex digits, e.g. its .key.age decrypted with the county&apos;s escrow key)</translation>
    </message>
    <message>
        <source>检查完整性、外键、孤立记录和时钟是否正常，用通俗的话说明</source>
        <translation>integrity, foreign keys, orphans and clock sanity, in plain words</translation>
    </message>
    <message>
        <source>对照原始基线测量各项性能预算</source>
        <translation>measure the performance budgets against raw baselines</translation>
    </message>
    <message>
        <source>数据规模：一个村、一个乡镇（默认，6 万居民）或县级（100 万居民，需 --db）</source>
        <translation>Data size: one village, one township (default, 60,000 residents) or a county (1 million residents, needs --db)</translation>
    </message>
    <message>
        <source>测量项名称或前缀，用逗号分隔（search,gui.rss）</source>
        <translation>comma-separated metric names or prefixes (search,gui.rss)</translation>
    </message>
    <message>
        <source>生成测试数据的随机种子（默认 1）</source>
        <translation>Random seed of the generated test data (default 1)</translation>
    </message>
    <message>
        <source>另在加密副本（SQLCipher）上测量数据库各项，并报告加密开销</source>
        <translation>also measure the store metrics on an encrypted copy (SQLCipher) and report the cost</translation>
    </message>
    <message>
        <source>17位档案编号、后8位（带或不带连字符）或记录 ID</source>
        <translation>17-digit archive number, its last 8 digits (with or without the dash), or record id</translation>
    </message>
    <message>
        <source>签约记录 ID（见 contract list）</source>
        <translation>Contract ID (see contract list)</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>family-doctor contracts</translation>
    </message>
    <message>
        <source>为居民（或其全户）签约家庭医生</source>
        <translation>sign a resident (or their household) to a family doctor</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>responsible family doctor</translation>
    </message>
    <message>
        <source>服务包，用逗号分隔：basic,elderly,chronic,smi,maternal,child,disabled,poor</source>
        <translation>service packages, comma-separated: basic,elderly,chronic,smi,maternal,child,disabled,poor</translation>
    </message>
    <message>
        <source>签约日期 YYYY-MM-DD</source>
        <translation>start date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>签约年限（1-10 年，默认 1）</source>
        <translation>term in years (1-10, default 1)</translation>
    </message>
    <message>
        <source>签约团队</source>
        <translation>family doctor team</translation>
    </message>
    <message>
        <source>全户签约（户内在册成员一起签）</source>
        <translation>sign every registered member of the household</translation>
    </message>
    <message>
        <source>纸质协议书尚未签字</source>
        <translation>the paper agreement is not signed yet</translation>
    </message>
    <message>
        <source>续约：从原签约到期次日起新签一份（已过期的从今天起）</source>
        <translation>renew: a new contract from the day after the old one ends (from today if it has lapsed)</translation>
    </message>
    <message>
        <source>新签约的年限（默认：与原签约相同）</source>
        <translation>Years of the new contract (default: as the old one)</translation>
    </message>
    <message>
        <source>修改履约中的签约：签约医生、团队、服务包、签约日期或年限</source>
        <translation>correct a contract in force: doctor, team, packages, signing date or term</translation>
    </message>
    <message>
        <source>服务包，用逗号分隔（替换原有的）：basic,elderly,chronic,smi,maternal,child,disabled,poor</source>
        <translation>service packages, comma-separated (replacing the contract&apos;s): basic,elderly,chronic,smi,maternal,child,disabled,poor</translation>
    </message>
    <message>
        <source>签约日期 YYYY-MM-DD（续约的不能改）</source>
        <translation>signing date YYYY-MM-DD (not of a renewal)</translation>
    </message>
    <message>
        <source>签约年限（1-10 年）</source>
        <translation>term in years (1-10)</translation>
    </message>
    <message>
        <source>解约并写明原因（记录保留）</source>
        <translation>terminate a contract with a reason (the record stays)</translation>
    </message>
    <message>
        <source>解约原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>纸质协议书已签字交回</source>
        <translation>the paper agreement came back signed (签字)</translation>
    </message>
    <message>
        <source>签约列表，最新的在前</source>
        <translation>contracts, newest first</translation>
    </message>
    <message>
        <source>只列出 DAYS 天内到期的签约</source>
        <translation>only those ending within DAYS</translation>
    </message>
    <message>
        <source>按签约记录填写的签约服务协议书，输出 PDF</source>
        <translation>the service agreement (签约服务协议书) filled from the contract, as PDF</translation>
    </message>
    <message>
        <source>协议书栏目名称的语言</source>
        <translation>language of the agreement&apos;s labels</translation>
    </message>
    <message>
        <source>请给出要修改的内容：--doctor、--team、--package、--start 或 --years</source>
        <translation>Say what to change: --doctor, --team, --package, --start or --years</translation>
    </message>
    <message>
        <source>添加逼真的模拟居民</source>
        <translation>add realistic synthetic residents</translation>
    </message>
    <message>
        <source>模拟居民人数（默认 3000）</source>
        <translation>Number of simulated residents (default 3000)</translation>
    </message>
    <message>
        <source>随机种子：相同的种子生成相同的数据（默认 1）</source>
        <translation>Random seed: the same seed makes the same data (default 1)</translation>
    </message>
    <message>
        <source>（乡镇）村的数量（默认：每 1,000 名居民一个村，最多 30 个）</source>
        <translation>(township) how many villages (default: one per 1,000 residents, at most 30)</translation>
    </message>
    <message>
        <source>本机设备卡及本机信任的设备</source>
        <translation>this device&apos;s card, and the devices it trusts</translation>
    </message>
    <message>
        <source>导出本机设备卡（JSON，旁边另存二维码 PNG）</source>
        <translation>write this device&apos;s public card (JSON, and a QR code PNG beside it)</translation>
    </message>
    <message>
        <source>写出的设备卡文件</source>
        <translation>The device card file to write</translation>
    </message>
    <message>
        <source>（乡镇或县）各村（乡镇）连接 `cunyi serve` 用的地址</source>
        <translation>(township or county) the address villages (townships) reach `cunyi serve` at</translation>
    </message>
    <message>
        <source>（乡镇）`cunyi serve` 使用的证书：各村凭其指纹核对服务器</source>
        <translation>(township) the certificate `cunyi serve` uses: villages pin it</translation>
    </message>
    <message>
        <source>信任对方的设备卡（请先电话核对指纹）</source>
        <translation>trust a peer&apos;s card (compare its fingerprint by phone first)</translation>
    </message>
    <message>
        <source>对方的设备卡（JSON）</source>
        <translation>The other device&apos;s card (JSON)</translation>
    </message>
    <message>
        <source>受信任的设备</source>
        <translation>trusted devices</translation>
    </message>
    <message>
        <source>（管理员）用口令保护设备密钥（口令来自 --new-password-file 或提示输入）</source>
        <translation>(admin) wrap the device keys with a passphrase (--new-password-file or a prompt)</translation>
    </message>
    <message>
        <source>改为移除口令</source>
        <translation>remove the passphrase instead</translation>
    </message>
    <message>
        <source>口令文件，第一行为口令</source>
        <translation>file whose first line is the passphrase</translation>
    </message>
    <message>
        <source>撤销对设备的信任：它以后的同步包将被拒绝</source>
        <translation>stop trusting a device: its later bundles are refused</translation>
    </message>
    <message>
        <source>设备 ID（或其前缀），或其村/乡镇代码</source>
        <translation>device id (or a prefix of it) or its village/township code</translation>
    </message>
    <message>
        <source>https 地址要同时用 --tls-cert 给出证书：村卫生室凭卡上的证书指纹核对服务器</source>
        <translation>An https address needs its certificate given with --tls-cert: the village clinic checks the server by the certificate fingerprint on the card</translation>
    </message>
    <message>
        <source>健康教育活动</source>
        <translation>health-education activities</translation>
    </message>
    <message>
        <source>记录一次活动</source>
        <translation>record an activity</translation>
    </message>
    <message>
        <source>修改录错的活动：只改给出的栏目，其余照旧</source>
        <translation>correct an activity recorded with a mistake: only the fields given change, the rest stay as they are</translation>
    </message>
    <message>
        <source>移除误存的存档材料：附件 ID（见 education list --json）或文件名；文件作废保留，不再列出和打印</source>
        <translation>remove archived materials saved by mistake: attachment ID (see education list --json) or file name; the file is voided and kept, and no longer listed or printed</translation>
    </message>
    <message>
        <source>作废误录的活动（没有举办、录了两次）</source>
        <translation>void an activity recorded by mistake (never held, entered twice)</translation>
    </message>
    <message>
        <source>活动时间 YYYY-MM-DD</source>
        <translation>date of the activity YYYY-MM-DD</translation>
    </message>
    <message>
        <source>活动形式：1 发放印刷资料，2 播放音像资料，3 宣传栏，4 公众健康咨询活动，5 健康知识讲座，6 个体化健康教育</source>
        <translation>form: 1 printed materials, 2 audio-visual, 3 bulletin board, 4 consultation, 5 lecture, 6 individual</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>topic</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>place</translation>
    </message>
    <message>
        <source>接受健康教育人数</source>
        <translation>number of people reached</translation>
    </message>
    <message>
        <source>接受健康教育人员类别</source>
        <translation>who was reached (e.g. hypertension patients)</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>organiser</translation>
    </message>
    <message>
        <source>资料发放种类及数量</source>
        <translation>materials handed out: kinds and quantities</translation>
    </message>
    <message>
        <source>资料种类数（印刷/音像）</source>
        <translation>how many kinds of material (printed/audio-visual)</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>content of the activity</translation>
    </message>
    <message>
        <source>活动总结评价</source>
        <translation>summary and evaluation</translation>
    </message>
    <message>
        <source>照片（JPEG/PNG）或 PDF</source>
        <translation>photos (JPEG/PNG) or PDFs</translation>
    </message>
    <message>
        <source>签到表（JPEG/PNG/PDF）</source>
        <translation>sign-in sheets (JPEG/PNG/PDF)</translation>
    </message>
    <message>
        <source>活动列表，最新的在前</source>
        <translation>activities, newest first</translation>
    </message>
    <message>
        <source>只列出这一年的活动</source>
        <translation>List only the activities of this year</translation>
    </message>
    <message>
        <source>本年各项次数与规范最低次数对照</source>
        <translation>the year&apos;s counts against the spec&apos;s minimums</translation>
    </message>
    <message>
        <source>一次活动的健康教育活动记录表（PDF）</source>
        <translation>the activity record (健康教育活动记录表) of one activity, as PDF</translation>
    </message>
    <message>
        <source>活动 ID（见 education list）</source>
        <translation>Activity ID (see education list)</translation>
    </message>
    <message>
        <source>记录表栏目名称的语言</source>
        <translation>language of the record&apos;s labels</translation>
    </message>
    <message>
        <source>体温 °C</source>
        <translation>Temperature °C</translation>
    </message>
    <message>
        <source>脉率 次/分钟</source>
        <translation>Pulse rate, beats/min</translation>
    </message>
    <message>
        <source>腰围 cm</source>
        <translation>Waist cm</translation>
    </message>
    <message>
        <source>总胆固醇 mmol/L</source>
        <translation>Total cholesterol mmol/L</translation>
    </message>
    <message>
        <source>甘油三酯 mmol/L</source>
        <translation>Triglycerides mmol/L</translation>
    </message>
    <message>
        <source>低密度脂蛋白胆固醇 mmol/L</source>
        <translation>LDL cholesterol mmol/L</translation>
    </message>
    <message>
        <source>高密度脂蛋白胆固醇 mmol/L</source>
        <translation>HDL cholesterol mmol/L</translation>
    </message>
    <message>
        <source>血清肌酐 μmol/L</source>
        <translation>Serum creatinine μmol/L</translation>
    </message>
    <message>
        <source>血清谷丙转氨酶 U/L</source>
        <translation>Serum ALT U/L</translation>
    </message>
    <message>
        <source>65岁及以上老年人健康管理</source>
        <translation>health management of residents aged 65+</translation>
    </message>
    <message>
        <source>录入年度健康体检和生活自理能力评估</source>
        <translation>record the yearly health check and self-care assessment</translation>
    </message>
    <message>
        <source>体检日期 YYYY-MM-DD</source>
        <translation>check date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>五项等级 1–4（1 可自理 … 4 不能自理）：进餐、梳洗、穿衣、如厕、活动（65岁及以上必填；未满65岁的建档立卡贫困人口免费体检不填）</source>
        <translation>five levels 1–4 (1 independent … 4 dependent): eating, grooming, dressing, toilet, activity (required at 65 and over; left out for a poor household member&apos;s free check under 65)</translation>
    </message>
    <message>
        <source>症状代码，如 1 或 2,3</source>
        <translation>symptom codes, e.g. 1 or 2,3</translation>
    </message>
    <message>
        <source>发现的健康问题</source>
        <translation>health problems found</translation>
    </message>
    <message>
        <source>目前用药（默认：高血压、糖尿病最近一次随访的用药；&quot;&quot; 为无）</source>
        <translation>current medication (default: the drugs of the latest hypertension and diabetes follow-ups; &quot;&quot; for none)</translation>
    </message>
    <message>
        <source>下次体检日期（默认：一年后）</source>
        <translation>next check date (default: a year on)</translation>
    </message>
    <message>
        <source>体检表的任一其他项目，可多次使用，如 --field skin=2 --field skin_text=皮疹；多选项用逗号分开（--field action=1,2）；项目名见 cunyi elderly fields</source>
        <translation>any other item of the check form, repeatable, e.g. --field skin=2 --field skin_text=rash; several choices separated by commas (--field action=1,2); the items: cunyi elderly fields</translation>
    </message>
    <message>
        <source>保存同一年内的第二次体检</source>
        <translation>save a second check in the same year</translation>
    </message>
    <message>
        <source>作废误录的健康体检（日期错、人错）</source>
        <translation>void a health check recorded by mistake (wrong day, wrong person)</translation>
    </message>
    <message>
        <source>健康体检表的项目名、名称和可选代码（供 --field 使用）</source>
        <translation>the check form&apos;s items, their names and codes (for --field)</translation>
    </message>
    <message>
        <source>今年未体检的65岁及以上居民，按村民小组列出</source>
        <translation>65+ residents without a check this year, by village group</translation>
    </message>
    <message>
        <source>selfcare / summary（按最近一次体检填写；无 RESIDENT 时为空白表）、due 名单</source>
        <translation>selfcare / summary (filled from the latest check, blank without RESIDENT), due list</translation>
    </message>
    <message>
        <source>selfcare 生活自理能力评估表，summary 健康体检表，due 未体检名单</source>
        <translation>selfcare: self-care assessment form, summary: health check form, due: list of those not yet checked</translation>
    </message>
    <message>
        <source>档案编号（不填：空白表）</source>
        <translation>archive number (none: a blank form)</translation>
    </message>
    <message>
        <source>写入的 PDF 文件（FILE.pdf）</source>
        <translation>FILE.pdf</translation>
    </message>
    <message>
        <source>未体检名单的年份（默认：今年）</source>
        <translation>Year of the not-yet-checked list (default: this year)</translation>
    </message>
    <message>
        <source>表单标签的语言</source>
        <translation>language of the labels</translation>
    </message>
    <message>
        <source>--selfcare 应为5项等级（1–4），按进餐、梳洗、穿衣、如厕、活动的顺序用逗号分开</source>
        <translation>--selfcare should be 5 levels (1–4) separated by commas, in the order eating, grooming, dressing, toilet, moving</translation>
    </message>
    <message>
        <source>未满65岁的建档立卡贫困人口免费体检不做生活自理能力评估：请去掉 --selfcare 后再保存</source>
        <translation>A poor household member&apos;s free check under 65 has no self-care assessment: remove --selfcare and save again</translation>
    </message>
    <message>
        <source>65岁及以上的健康体检须填写 --selfcare（进餐、梳洗、穿衣、如厕、活动五项等级）</source>
        <translation>A health check at 65 and over needs --selfcare (the five levels: eating, grooming, dressing, toilet, activity)</translation>
    </message>
    <message>
        <source>--field 应写作 项目名=值，如 --field skin=2</source>
        <translation>--field takes KEY=VALUE, e.g. --field skin=2</translation>
    </message>
    <message>
        <source>体检表没有可由 --field 填写的项目“{key}”（项目名见 cunyi elderly fields）</source>
        <translation>The check form has no item &quot;{key}&quot; that --field fills (the items: cunyi elderly fields)</translation>
    </message>
    <message>
        <source>项目“{key}”填写了两次</source>
        <translation>&quot;{key}&quot; is given twice</translation>
    </message>
    <message>
        <source>（其他，请写明）</source>
        <translation> (other, please specify)</translation>
    </message>
    <message>
        <source>需要确认：{text}。核实无误请加 --confirm</source>
        <translation>Needs confirmation: {text}. If it is correct, add --confirm</translation>
    </message>
    <message>
        <source>{resident} 还没有老年人健康体检记录</source>
        <translation>{resident} has no elderly health check yet</translation>
    </message>
    <message>
        <source>收缩压 mmHg</source>
        <translation>systolic mmHg</translation>
    </message>
    <message>
        <source>舒张压 mmHg</source>
        <translation>diastolic mmHg</translation>
    </message>
    <message>
        <source>心率 次/分钟</source>
        <translation>heart rate /min</translation>
    </message>
    <message>
        <source>体重 kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>身高 cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>空腹血糖 mmol/L</source>
        <translation>fasting glucose mmol/L</translation>
    </message>
    <message>
        <source>糖化血红蛋白 %%</source>
        <translation>HbA1c %%</translation>
    </message>
    <message>
        <source>慢病随访</source>
        <translation>chronic-disease follow-ups</translation>
    </message>
    <message>
        <source>录入高血压或糖尿病随访（规则与表单相同）</source>
        <translation>record a hypertension or diabetes follow-up (same rules as the form)</translation>
    </message>
    <message>
        <source>随访日期 YYYY-MM-DD</source>
        <translation>visit date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>1 门诊、2 家庭、3 电话</source>
        <translation>1 clinic, 2 home, 3 phone</translation>
    </message>
    <message>
        <source>表中的症状代码，如 1 或 2,6</source>
        <translation>symptom codes of the form, e.g. 1 or 2,6</translation>
    </message>
    <message>
        <source>紧急转诊情况，如 consciousness,headache</source>
        <translation>emergency signs, e.g. consciousness,headache</translation>
    </message>
    <message>
        <source>药物不良反应</source>
        <translation>adverse drug reaction</translation>
    </message>
    <message>
        <source>不良反应难以控制（需转诊）</source>
        <translation>an adverse reaction that cannot be controlled (refer)</translation>
    </message>
    <message>
        <source>新出现或加重的并发症</source>
        <translation>new or worse complication</translation>
    </message>
    <message>
        <source>服药依从性：1 规律，2 间断，3 不服药</source>
        <translation>Medication adherence: 1 regular, 2 intermittent, 3 not taking</translation>
    </message>
    <message>
        <source>下次随访日期（默认：建议日期）</source>
        <translation>next visit date (default: the suggestion)</translation>
    </message>
    <message>
        <source>随访医生签名（默认：登录的用户）</source>
        <translation>Follow-up doctor signing (default: the logged-in user)</translation>
    </message>
    <message>
        <source>替换当天已录入的随访</source>
        <translation>replace the visit already recorded that day</translation>
    </message>
    <message>
        <source>确认保存少见（但合理）的数值</source>
        <translation>save unusual (but possible) values</translation>
    </message>
    <message>
        <source>未纳入管理时，自随访日期起纳入管理</source>
        <translation>start management on the visit date if not enrolled</translation>
    </message>
    <message>
        <source>作废误录的随访（日期错、人错）；记录保留，标为已作废</source>
        <translation>void a follow-up recorded by mistake (wrong day, wrong person); it stays, marked voided</translation>
    </message>
    <message>
        <source>该随访所录的随访日期，YYYY-MM-DD</source>
        <translation>the date the visit was recorded with, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>htn 高血压，t2dm 2型糖尿病</source>
        <translation>htn hypertension, t2dm type 2 diabetes</translation>
    </message>
    <message>
        <source>打开程序（默认）</source>
        <translation>open the app (default)</translation>
    </message>
    <message>
        <source>打开主窗口，输出首次绘制耗时后退出</source>
        <translation>open the main window, print time to first paint, exit</translation>
    </message>
    <message>
        <source>保存各主页面的 PNG 截图后退出</source>
        <translation>save PNGs of every main page and exit</translation>
    </message>
    <message>
        <source>本次运行的界面语言</source>
        <translation>UI language for this run</translation>
    </message>
    <message>
        <source>（配合 --smoke）加载完整居民列表，然后输出内存峰值</source>
        <translation>(with --smoke) load the whole resident list, then print peak memory</translation>
    </message>
    <message>
        <source>将本机设置为村卫生室、乡镇卫生院或县级用机</source>
        <translation>set up this installation as a village clinic, a township centre or a county hub</translation>
    </message>
    <message>
        <source>village 村卫生室，township 乡镇卫生院，county 县级</source>
        <translation>village: village clinic, township: township health centre, county: county level</translation>
    </message>
    <message>
        <source>12位村代码、9位乡镇代码或6位县级代码</source>
        <translation>12-digit village, 9-digit township or 6-digit county code</translation>
    </message>
    <message>
        <source>村、乡镇或县名称</source>
        <translation>village, township or county name</translation>
    </message>
    <message>
        <source>（村）所属乡镇名称</source>
        <translation>(village) the township&apos;s name</translation>
    </message>
    <message>
        <source>作为建档单位打印的名称（默认：&lt;name&gt;卫生室/卫生院）</source>
        <translation>name printed as the record-keeping institution (建档单位; default: &lt;name&gt;卫生室/卫生院)</translation>
    </message>
    <message>
        <source>卫生室（院）电话</source>
        <translation>clinic phone</translation>
    </message>
    <message>
        <source>首个用户的用户名（密码：--password-file）</source>
        <translation>first user&apos;s login name (password: --password-file)</translation>
    </message>
    <message>
        <source>首个用户的显示名称</source>
        <translation>first user&apos;s display name</translation>
    </message>
    <message>
        <source>静态加密数据库（SQLCipher；密钥由本机设备密钥加密保护）</source>
        <translation>encrypt the store at rest (SQLCipher; the key is wrapped by this device&apos;s key)</translation>
    </message>
    <message>
        <source>村卫生室的数据只存在本机的 SQLite 数据库中：--db 只用于乡镇（PostgreSQL）</source>
        <translation>A village clinic&apos;s data is kept only in this PC&apos;s SQLite database: --db is for a township (PostgreSQL) only</translation>
    </message>
    <message>
        <source>不支持的数据库：{kind}（可用 SQLite 或 postgresql+psycopg://…）</source>
        <translation>Unsupported database: {kind} (use SQLite or postgresql+psycopg://…)</translation>
    </message>
    <message>
        <source>服务器上的这个数据库已由第一台工作站初始化（{name}，{code}），本机不需要再初始化：把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹 {folder}，然后各命令加 --db 指定这个数据库（或设置环境变量 CUNYI_DB_URL）</source>
        <translation>This database on the server was already set up by the first workstation ({name}, {code}); this PC need not be set up again: copy the keys folder from the first workstation&apos;s data folder into this PC&apos;s data folder {folder}, then name this database with --db in each command (or set the environment variable CUNYI_DB_URL)</translation>
    </message>
    <message>
        <source>--encrypt 只用于数据目录中的 SQLite 数据库（PostgreSQL 请用服务器的磁盘加密）</source>
        <translation>--encrypt is only for an SQLite database in the data folder (for PostgreSQL use disk encryption on the server)</translation>
    </message>
    <message>
        <source>{file} 已存在：请用 cunyi store encrypt 加密已有的数据库</source>
        <translation>{file} already exists: encrypt an existing database with cunyi store encrypt</translation>
    </message>
    <message>
        <source>本机构的名称、电话、地址和医生（打印在表单上）</source>
        <translation>the institution&apos;s name, phone, address and doctors (printed)</translation>
    </message>
    <message>
        <source>本机构信息</source>
        <translation>the institution profile</translation>
    </message>
    <message>
        <source>修改本机构信息中指定的项（其余不变）</source>
        <translation>change the named parts of the profile (the rest stays)</translation>
    </message>
    <message>
        <source>机构名称，如 幸福村卫生室</source>
        <translation>institution name, e.g. Xingfu Village Clinic</translation>
    </message>
    <message>
        <source>本机构电话：手机11位，或区号-号码</source>
        <translation>the institution&apos;s phone: 11-digit mobile or area code-number</translation>
    </message>
    <message>
        <source>本机构地址</source>
        <translation>the institution&apos;s address</translation>
    </message>
    <message>
        <source>医生姓名，以逗号或 、 分隔</source>
        <translation>doctors&apos; names, separated by commas (Latin or Chinese)</translation>
    </message>
    <message>
        <source>（乡镇）将 SQLite 数据库复制到空的 PostgreSQL 数据库，逐表校验，此后改用后者（SQLite 文件保留）</source>
        <translation>(township) copy the SQLite store into an empty PostgreSQL database, verify every table, and use it from now on (the SQLite file is kept)</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user@host/db（空数据库）</source>
        <translation>postgresql+psycopg://user@host/db (empty)</translation>
    </message>
    <message>
        <source>以 JSON 输出每张表的行数和校验和</source>
        <translation>print each table&apos;s rows and checksum as JSON</translation>
    </message>
    <message>
        <source>建档立卡贫困户与一患一策</source>
        <translation>poverty-registered households and plans</translation>
    </message>
    <message>
        <source>登记或修改家庭户的贫困户类型</source>
        <translation>register or change a household&apos;s poverty status</translation>
    </message>
    <message>
        <source>户编号，或任一成员的档案编号</source>
        <translation>household id, or any member&apos;s archive number</translation>
    </message>
    <message>
        <source>registered（建档立卡贫困户）| lifted（脱贫户）| monitored（防返贫监测）| none（非贫困户）</source>
        <translation>registered (registered poor household) | lifted (lifted out of poverty) | monitored (monitored against relapse) | none (not poor)</translation>
    </message>
    <message>
        <source>illness（因病）| disability（因残）| schooling（因学）| labour（缺劳力）| other（其他）</source>
        <translation>illness | disability | schooling | labour (lack of labour) | other</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <translation>poor because of illness (因病致贫)</translation>
    </message>
    <message>
        <source>因病返贫</source>
        <translation>back in poverty because of illness (因病返贫)</translation>
    </message>
    <message>
        <source>登记日期 YYYY-MM-DD（默认今天）</source>
        <translation>registration date YYYY-MM-DD (default today)</translation>
    </message>
    <message>
        <source>一患一策：患者的方案</source>
        <translation>a patient&apos;s plan (一患一策)</translation>
    </message>
    <message>
        <source>major（大病集中救治）| chronic（慢病签约服务管理）| severe（重病兜底保障）</source>
        <translation>major (concentrated treatment of serious illness) | chronic (chronic disease contract management) | severe (safety net for severe illness)</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Support measures</translation>
    </message>
    <message>
        <source>复核日期 YYYY-MM-DD</source>
        <translation>review date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>疾病（默认：在管的管理项目）</source>
        <translation>the disease (default: the programmes under management)</translation>
    </message>
    <message>
        <source>本年免费健康体检日期</source>
        <translation>date of this year&apos;s free health check</translation>
    </message>
    <message>
        <source>贫困户列表，含签约情况和本月随访</source>
        <translation>poor households with their signing and this month&apos;s follow-ups</translation>
    </message>
    <message>
        <source>改为列出患者的一患一策</source>
        <translation>list the patients&apos; plans instead</translation>
    </message>
    <message>
        <source>将贫困户（加 --plans 时为一患一策）导出为 xlsx 工作簿</source>
        <translation>write the households (with --plans: the plans) as an xlsx workbook</translation>
    </message>
    <message>
        <source>一户一档、一患一策：该户存档用的表（PDF）</source>
        <translation>the household&apos;s sheet for its folder (一户一档, 一患一策), as PDF</translation>
    </message>
    <message>
        <source>表中栏目名称的语言</source>
        <translation>language of the sheet&apos;s labels</translation>
    </message>
    <message>
        <source>逾期患者随访卡上打印的下次随访日期 YYYY-MM-DD（今天或之后）；不指定时卡上注明逾期天数</source>
        <translation>next visit date YYYY-MM-DD printed on overdue patients&apos; cards (today or later); without it their cards say how many days overdue</translation>
    </message>
    <message>
        <source>打印文档（PDF）</source>
        <translation>print documents as PDF</translation>
    </message>
    <message>
        <source>双向转诊单（转出；加 --return 为回转）</source>
        <translation>the two-way referral slip (双向转诊单: 转出, or 回转 with --return)</translation>
    </message>
    <message>
        <source>转诊单 ID</source>
        <translation>the referral&apos;s id</translation>
    </message>
    <message>
        <source>打印回转单</source>
        <translation>print the return (回转) slip</translation>
    </message>
    <message>
        <source>单张随访卡，正反面，卡片尺寸</source>
        <translation>one follow-up card, front and back, card size</translation>
    </message>
    <message>
        <source>A4 纸排版的随访卡</source>
        <translation>A4 sheets of follow-up cards</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>home-visit worklist</translation>
    </message>
    <message>
        <source>逾期及 DAYS 天内到期（0-365，默认 7）</source>
        <translation>overdue and due within DAYS (0-365, default 7)</translation>
    </message>
    <message>
        <source>仅限此村民小组（按名称）</source>
        <translation>only this village group (村民小组), by name</translation>
    </message>
    <message>
        <source>（乡镇）仅限此12位村代码</source>
        <translation>(township) only this 12-digit village code</translation>
    </message>
    <message>
        <source>每张 A4 纸排几张卡（默认 10）</source>
        <translation>Cards per A4 sheet (default 10)</translation>
    </message>
    <message>
        <source>居民健康档案封面，含完整的17位档案编号</source>
        <translation>the record cover (居民健康档案封面) with the full 17-digit number</translation>
    </message>
    <message>
        <source>空白随访表（停电时手填）</source>
        <translation>blank follow-up form for days without power</translation>
    </message>
    <message>
        <source>按档案填好的个人基本信息表</source>
        <translation>the personal basic information form (个人基本信息表) filled from the record</translation>
    </message>
    <message>
        <source>填入一年随访记录的随访服务记录表，每页4次</source>
        <translation>the follow-up record form (随访服务记录表) filled with a year&apos;s visits, 4 to a page</translation>
    </message>
    <message>
        <source>随访年份（默认：有随访的最近一年）</source>
        <translation>the visits&apos; year (default: the latest year with a visit)</translation>
    </message>
    <message>
        <source>无法写入 {folder}：这是一个文件夹，请给出文件名，如 {example}</source>
        <translation>Cannot write {folder}: it is a folder; give a file name, such as {example}</translation>
    </message>
    <message>
        <source>转诊单编号格式不对：{id}</source>
        <translation>Not a valid referral id: {id}</translation>
    </message>
    <message>
        <source>没有逾期或{days}天内到期的随访对象，未生成文件</source>
        <translation>Nobody is overdue or due within {days} days: no file was written</translation>
    </message>
    <message>
        <source>转诊单编号，即 `referral add` 或 `referral list` 显示的编号</source>
        <translation>referral id, as `referral add` or `referral list` printed it</translation>
    </message>
    <message>
        <source>发生日期 YYYY-MM-DD（默认今天；不早于转诊日期，不晚于今天）</source>
        <translation>the day it happened, YYYY-MM-DD (default today; not before the referral, not after today)</translation>
    </message>
    <message>
        <source>双向转诊：开具、到位、不到位、回转</source>
        <translation>two-way referrals: issue, arrived, not arrived, returned</translation>
    </message>
    <message>
        <source>开具转诊单（转出），并显示新转诊单的编号</source>
        <translation>issue a referral (转出); prints the new referral&apos;s id</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>institution referred to (转入单位)</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>department (科室)</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>reason: main present history (主要现病史, 转出原因)</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>initial impression (初步印象)</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>emergency referral (紧急转诊)</translation>
    </message>
    <message>
        <source>转诊所属的管理项目：htn 高血压、t2dm 2型糖尿病、smi 专项随访（只有可查看其记录的人看得到这张转诊单）</source>
        <translation>the programme the referral belongs to: htn hypertension, t2dm type 2 diabetes, smi special follow-up (only those who may see that record see the referral)</translation>
    </message>
    <message>
        <source>即使今天已向同一单位开过未结转诊单，仍然开具</source>
        <translation>issue it even if an open referral to the same institution was issued today</translation>
    </message>
    <message>
        <source>转诊单列表：未结的在前，紧急的在前，未结最久的在前</source>
        <translation>referrals: open ones first, urgent first, longest open first</translation>
    </message>
    <message>
        <source>只列出未结转诊</source>
        <translation>only open referrals</translation>
    </message>
    <message>
        <source>患者已到达（到位）</source>
        <translation>the patient arrived (到位)</translation>
    </message>
    <message>
        <source>患者未到达（不到位），须写明原因</source>
        <translation>the patient did not arrive (不到位), with the reason</translation>
    </message>
    <message>
        <source>患者没有去的原因</source>
        <translation>why the patient did not go</translation>
    </message>
    <message>
        <source>患者已回转（回转），附诊断结果和治疗方案</source>
        <translation>the patient was returned (回转) with a diagnosis and a plan</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>diagnosis (诊断结果)</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>inpatient record number (住院病案号)</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>main findings (主要检查结果)</translation>
    </message>
    <message>
        <source>下一步治疗方案及康复建议</source>
        <translation>treatment, next steps, rehabilitation (下一步治疗方案及康复建议)</translation>
    </message>
    <message>
        <source>在回转单上签字的转入单位医生</source>
        <translation>the receiving institution&apos;s doctor who signs the return slip</translation>
    </message>
    <message>
        <source>撤销今天误登记的到位/不到位（恢复为已转出；须由登记人操作）</source>
        <translation>take back an arrived / not-arrived (到位 / 不到位) entered by mistake today (back to issued; by who entered it)</translation>
    </message>
    <message>
        <source>请填写转诊原因（--reason），没有原因的转诊单不能开具</source>
        <translation>Give the reason for the referral (--reason): a referral without a reason cannot be issued</translation>
    </message>
    <message>
        <source>{text}；确实要再开一张请加 --force</source>
        <translation>{text}; to issue another one anyway, add --force</translation>
    </message>
    <message>
        <source>按村和乡镇统计的国家指标（--json、-o FILE.xlsx 或 FILE.pdf、--list）</source>
        <translation>national indicators per village and township (--json, -o FILE.xlsx or FILE.pdf, --list)</translation>
    </message>
    <message>
        <source>统计年度</source>
        <translation>Year reported</translation>
    </message>
    <message>
        <source>只统计该季度（1–4）</source>
        <translation>Report this quarter only (1-4)</translation>
    </message>
    <message>
        <source>与 --quarter 一起用：统计 1 月 1 日至该季度末（累计），对照全年目标</source>
        <translation>with --quarter: from 1 January to the quarter&apos;s end (累计), read against the year&apos;s targets</translation>
    </message>
    <message>
        <source>只看该村（12 位村代码）</source>
        <translation>only this 12-digit village code</translation>
    </message>
    <message>
        <source>（县）只看该乡镇（9 位代码）下的各村</source>
        <translation>(county) only this 9-digit township&apos;s villages</translation>
    </message>
    <message>
        <source>输出 JSON</source>
        <translation>print JSON</translation>
    </message>
    <message>
        <source>导出工作簿或 PDF 汇总</source>
        <translation>write a workbook or a PDF summary</translation>
    </message>
    <message>
        <source>文本输出：只列合计（县级为各乡镇）、加列各村，或列出各村及其村民小组（--json 总是包含乡镇、村和村民小组）</source>
        <translation>text output: totals (a county: each township), each village too, or each village and its village groups (--json always has townships, villages and groups)</translation>
    </message>
    <message>
        <source>工作簿、PDF、名单中的原因及指标名称的语言（默认 zh）</source>
        <translation>language of the workbook, the PDF, the lists&apos; reasons and the indicator names (default zh)</translation>
    </message>
    <message>
        <source>列出某个数字所对应的居民</source>
        <translation>the residents behind a number</translation>
    </message>
    <message>
        <source>与 --list 一起用：指定指标（records、htn_standard …）</source>
        <translation>with --list: which indicator (records, htn_standard …)</translation>
    </message>
    <message>
        <source>（乡镇）各村各年度的人口数：列出，或用 --village 录入</source>
        <translation>(township) population figures per village and year: list, or set with --village</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>录入该村的人口数</source>
        <translation>set this village&apos;s figures</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>resident population</translation>
    </message>
    <message>
        <source>65 岁及以上常住人口</source>
        <translation>resident population aged 65 and over</translation>
    </message>
    <message>
        <source>报县级的指标报表（xlsx、pdf、json）</source>
        <translation>indicator reports for the county (xlsx, pdf, json)</translation>
    </message>
    <message>
        <source>--list 需要用 --indicator KEY 指明指标</source>
        <translation>--list needs the indicator named with --indicator KEY</translation>
    </message>
    <message>
        <source>--indicator 与 --list numerator|denominator 一起使用</source>
        <translation>--indicator goes together with --list numerator|denominator</translation>
    </message>
    <message>
        <source>--list 的名单用 --json 或直接显示；工作簿（-o）里每个指标已有一张名单</source>
        <translation>--list shows its list on screen or with --json; the workbook (-o) already has a list for each indicator</translation>
    </message>
    <message>
        <source>输出文件应以 .xlsx 或 .pdf 结尾：{file}</source>
        <translation>The output file should end in .xlsx or .pdf: {file}</translation>
    </message>
    <message>
        <source>--by 只用于屏幕上的列表；-o 导出的工作簿和 PDF 按乡镇、村列出（村民小组见工作簿中各指标的名单）</source>
        <translation>--by is for the list on screen only; the workbook and PDF written with -o list by township and village (for village groups see each indicator&apos;s list in the workbook)</translation>
    </message>
    <message>
        <source>请用 --residents 和/或 --elderly 给出人口数</source>
        <translation>Give the population figures with --residents and/or --elderly</translation>
    </message>
    <message>
        <source>数据质量报告（按村和医生）</source>
        <translation>record quality report (per village and doctor)</translation>
    </message>
    <message>
        <source>年份（默认：今年）</source>
        <translation>the year (default: this year)</translation>
    </message>
    <message>
        <source>导出工作簿或督导表</source>
        <translation>write a workbook or the supervision (督导) sheets</translation>
    </message>
    <message>
        <source>文件或文本的语言</source>
        <translation>language of the file or text</translation>
    </message>
    <message>
        <source>年份应在2000到2100之间：{year}</source>
        <translation>The year should be between 2000 and 2100: {year}</translation>
    </message>
    <message>
        <source>居民档案</source>
        <translation>resident records</translation>
    </message>
    <message>
        <source>导入花名册（.xlsx 或 .csv）</source>
        <translation>import a roster (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>花名册文件（.xlsx 或 .csv）</source>
        <translation>Roster file (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>只检查，不导入</source>
        <translation>Check only, import nothing</translation>
    </message>
    <message>
        <source>只导入正确的行，跳过有错误的行</source>
        <translation>Import the valid rows only, skipping rows with errors</translation>
    </message>
    <message>
        <source>（乡镇）这些居民所在村的12位代码</source>
        <translation>(township) 12-digit code of the residents&apos; village</translation>
    </message>
    <message>
        <source>生成空白花名册模板</source>
        <translation>write an empty roster template</translation>
    </message>
    <message>
        <source>写出的模板文件（.xlsx 或 .csv）</source>
        <translation>The template file to write (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>按程序界面的方式查找居民</source>
        <translation>search residents as the app does</translation>
    </message>
    <message>
        <source>姓名、拼音或首字母、身份证号、档案编号或电话的一部分</source>
        <translation>Name, pinyin or initials, or part of an ID number, archive number or phone</translation>
    </message>
    <message>
        <source>最多显示条数（默认 20）</source>
        <translation>show at most this many (default 20)</translation>
    </message>
    <message>
        <source>更正居民档案的字段（校验与表单相同）</source>
        <translation>correct fields of a resident&apos;s record (same checks as the form)</translation>
    </message>
    <message>
        <source>个人基本信息表中的文本项，如 phone=13800138000 或 current_address=…</source>
        <translation>a text field of the personal form, e.g. phone=13800138000 or current_address=…</translation>
    </message>
    <message>
        <source>导出全部居民（.xlsx 或 .csv）</source>
        <translation>export all residents (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>写出的文件（.xlsx 或 .csv）</source>
        <translation>The file to write (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>不能这样修改：{item}（应写成 字段=值，可改的字段：{fields}）</source>
        <translation>Cannot change {item} this way (write it as FIELD=VALUE; fields that can be corrected: {fields})</translation>
    </message>
    <message>
        <source>--limit 至少为 1</source>
        <translation>--limit must be at least 1</translation>
    </message>
    <message>
        <source>第{row}行 [{column}] “{value}”：{reason}</source>
        <translation>Row {row} [{column}] &quot;{value}&quot;: {reason}</translation>
    </message>
    <message>
        <source>已忽略未知列：{columns}</source>
        <translation>Unknown columns ignored: {columns}</translation>
    </message>
    <message>
        <source>共 {rows} 行，{wrong} 行有错误，未导入任何记录。改正后重新导入，或用 --skip-invalid 只导入正确的行。</source>
        <translation>Rows with errors: {wrong} of {rows}. Nothing was imported: correct them and import again, or import only the correct rows with --skip-invalid.</translation>
    </message>
    <message>
        <source>（乡镇）审核队列：疑似重复档案、同步冲突、未通过校验的记录、转诊超期未结</source>
        <translation>(township) the review queue: duplicates, conflicts, invalid records, late referrals</translation>
    </message>
    <message>
        <source>待审核项：疑似重复档案在前，各类按时间从早到晚</source>
        <translation>open review items, duplicates first, each kind oldest first</translation>
    </message>
    <message>
        <source>只列出该类待审核项</source>
        <translation>only items of this kind</translation>
    </message>
    <message>
        <source>处理一项：给出处理决定和村卫生室会看到的理由</source>
        <translation>close one item with a decision and the reason the village reads</translation>
    </message>
    <message>
        <source>该项的标识，即 `review list` 显示的值</source>
        <translation>the item&apos;s key, as `review list` printed it</translation>
    </message>
    <message>
        <source>该项的可选处理之一，见 `review list` 的显示</source>
        <translation>one of the item&apos;s options, as `review list` printed them</translation>
    </message>
    <message>
        <source>理由（村卫生室会看到）</source>
        <translation>why (the village sees it)</translation>
    </message>
    <message>
        <source>乡镇的处理决定，最新的在前：在村卫生室只列有关本村档案的，在乡镇卫生院列出它作出的全部决定</source>
        <translation>what the township decided, newest first: at a village, about its records; at the township, every decision it made</translation>
    </message>
    <message>
        <source>本乡镇没有村代码为 {code} 的村</source>
        <translation>This township has no village with code {code}</translation>
    </message>
    <message>
        <source>请用 --reason 写明处理理由：村卫生室会看到它</source>
        <translation>Give the reason with --reason: the village clinic will read it</translation>
    </message>
    <message>
        <source>（乡镇或县）网络同步服务器，供各村（乡镇）同步</source>
        <translation>(township or county) the network mailbox villages (townships) sync with</translation>
    </message>
    <message>
        <source>监听地址（默认：所有地址）</source>
        <translation>address to listen on (default: every address)</translation>
    </message>
    <message>
        <source>端口（默认 8765；0：任一空闲端口）</source>
        <translation>port (default 8765; 0: any free port)</translation>
    </message>
    <message>
        <source>PEM 证书：以 https 提供服务（其指纹写入设备卡）</source>
        <translation>PEM certificate: serve https (its pin goes in the card)</translation>
    </message>
    <message>
        <source>--tls-cert 对应的 PEM 私钥</source>
        <translation>PEM private key of --tls-cert</translation>
    </message>
    <message>
        <source>（试验用）每次传输上下行各限速为此 kbit/s，模拟慢速线路</source>
        <translation>(trials) pace every transfer at this many kbit/s each way, as a slow link would</translation>
    </message>
    <message>
        <source>（村或乡镇）通过网络与乡镇（县级）的同步服务器同步</source>
        <translation>(village or township) sync with the township&apos;s (county&apos;s) mailbox over the network</translation>
    </message>
    <message>
        <source>只同步一次后退出（失败时退出状态为 1）</source>
        <translation>one run, then exit (status 1 if it failed)</translation>
    </message>
    <message>
        <source>同步服务器地址，如 http://192.168.1.10:8765（会记住）</source>
        <translation>the mailbox, e.g. http://192.168.1.10:8765 (remembered)</translation>
    </message>
    <message>
        <source>--tls-cert 和 --tls-key 要一起给出</source>
        <translation>--tls-cert and --tls-key must be given together</translation>
    </message>
    <message>
        <source>端口 {port} 无效（0–65535）</source>
        <translation>Port {port} is not valid (0–65535)</translation>
    </message>
    <message>
        <source>读不出证书 {file}（应为 PEM 格式）</source>
        <translation>Cannot read the certificate {file} (it should be in PEM format)</translation>
    </message>
    <message>
        <source>找不到私钥文件 {file}</source>
        <translation>The private key file {file} does not exist</translation>
    </message>
    <message>
        <source>私钥 {key} 读不出，或不是证书 {cert} 的私钥（应为未加密的 PEM 私钥）</source>
        <translation>Cannot read the private key {key}, or it is not the key of the certificate {cert} (it should be an unencrypted PEM private key)</translation>
    </message>
    <message>
        <source>同步未完成：{reason}</source>
        <translation>Sync did not finish: {reason}</translation>
    </message>
    <message>
        <source>同步未完成：{reason}；{when} 再试</source>
        <translation>Sync did not finish: {reason}; next try: {when}</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>later</translation>
    </message>
    <message>
        <source>严重精神障碍患者管理（权限受限）</source>
        <translation>severe mental disorder management (restricted)</translation>
    </message>
    <message>
        <source>登记患者并填写个人信息补充表</source>
        <translation>register a patient with the supplementary form</translation>
    </message>
    <message>
        <source>1 精神分裂症 … 6 精神发育迟滞伴发精神障碍</source>
        <translation>1 schizophrenia … 6 mental disorder with intellectual disability</translation>
    </message>
    <message>
        <source>1 同意参加管理，0 不同意</source>
        <translation>1 agrees to management, 0 declines</translation>
    </message>
    <message>
        <source>知情同意签字时间 YYYY-MM-DD（同意时自该日起在管；不填：今天）</source>
        <translation>date the consent was signed, YYYY-MM-DD (with consent, managed from that day; default: today)</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>guardian&apos;s name</translation>
    </message>
    <message>
        <source>监护人电话</source>
        <translation>Guardian&apos;s phone</translation>
    </message>
    <message>
        <source>确诊医院</source>
        <translation>hospital that made the diagnosis</translation>
    </message>
    <message>
        <source>确诊日期 YYYY-MM-DD</source>
        <translation>date of diagnosis YYYY-MM-DD</translation>
    </message>
    <message>
        <source>1 贫困，2 非贫困，3 不详</source>
        <translation>1 poor, 2 not poor, 3 unknown</translation>
    </message>
    <message>
        <source>录入随访（自动建议分类、转诊和下次随访日期）</source>
        <translation>record a follow-up (classification, referral and next date suggested)</translation>
    </message>
    <message>
        <source>危险性评估 0–5（未用 --lost/--died 时必填）</source>
        <translation>danger assessment (危险性评估) 0–5 (required unless --lost/--died)</translation>
    </message>
    <message>
        <source>1 完全，2 不全，3 缺失</source>
        <translation>1 full, 2 partial, 3 none</translation>
    </message>
    <message>
        <source>目前症状代码，如 1,5</source>
        <translation>current symptom codes, e.g. 1,5</translation>
    </message>
    <message>
        <source>五项评分 1–3（生产劳动及工作可为 9），如 1,1,1,1,1</source>
        <translation>five ratings 1–3 (work may be 9), e.g. 1,1,1,1,1</translation>
    </message>
    <message>
        <source>严重药物不良反应</source>
        <translation>serious adverse drug reaction</translation>
    </message>
    <message>
        <source>严重躯体疾病</source>
        <translation>serious physical illness</translation>
    </message>
    <message>
        <source>指定分类，不采用建议</source>
        <translation>override the suggestion</translation>
    </message>
    <message>
        <source>下次随访日期（默认：按本次随访分类，未给 --classification 时按建议的分类）</source>
        <translation>Next visit date (default: by this visit&apos;s class; without --classification, by the suggested class)</translation>
    </message>
    <message>
        <source>失访：原因代码 1–5</source>
        <translation>lost to follow-up: reason code 1–5</translation>
    </message>
    <message>
        <source>于 DATE 死亡（配合 --cause）</source>
        <translation>died on DATE (with --cause)</translation>
    </message>
    <message>
        <source>死亡原因代码 1–6</source>
        <translation>cause of death code 1–6</translation>
    </message>
    <message>
        <source>作废误录的随访（日期错、人错）</source>
        <translation>void a follow-up recorded by mistake (wrong day, wrong person)</translation>
    </message>
    <message>
        <source>到期及逾期的患者（仅限您有权查看的）</source>
        <translation>patients due and overdue (only those you may see)</translation>
    </message>
    <message>
        <source>overdue 已逾期（默认），due_today 今天到期，due_week 7 天内到期，all 全部在管患者</source>
        <translation>overdue (default), due_today, due_week: due within 7 days, all: every patient under management</translation>
    </message>
    <message>
        <source>随访服务记录表：按最近一次随访填写；无 RESIDENT 时为空白表</source>
        <translation>the follow-up form: filled from the latest visit, blank without RESIDENT</translation>
    </message>
    <message>
        <source>改为打印个人信息补充表：按登记信息填写；无 RESIDENT 时为空白表</source>
        <translation>the supplementary form (个人信息补充表) instead: filled from the registration, blank without RESIDENT</translation>
    </message>
    <message>
        <source>--lost（失访）和 --died（死亡）只能选一个</source>
        <translation>Give only one of --lost (lost to follow-up) and --died (died)</translation>
    </message>
    <message>
        <source>失访或死亡的随访不填评估：请去掉 {options}</source>
        <translation>A follow-up of a patient lost or dead has no assessment: leave out {options}</translation>
    </message>
    <message>
        <source>--cause（死亡原因）只与 --died 一起填写</source>
        <translation>--cause (cause of death) goes only with --died</translation>
    </message>
    <message>
        <source>--social 应为5项评价，用逗号分开，例如 1,1,1,1,1</source>
        <translation>--social should be 5 ratings separated by commas, e.g. 1,1,1,1,1</translation>
    </message>
    <message>
        <source>{resident} 还没有随访记录</source>
        <translation>{resident} has no follow-up visit yet</translation>
    </message>
    <message>
        <source>数据库静态加密</source>
        <translation>encryption at rest of the store</translation>
    </message>
    <message>
        <source>（管理员）将未加密的数据库转为加密数据库（核对无误后才删除未加密文件）</source>
        <translation>(admin) convert a plain store into an encrypted one (verified before the plain file is removed)</translation>
    </message>
    <message>
        <source>在旁边保留未加密的数据库文件</source>
        <translation>keep the plain store file beside it</translation>
    </message>
    <message>
        <source>数据库是否已加密，以及剩余的未加密备份</source>
        <translation>whether the store is encrypted, and unencrypted backups left</translation>
    </message>
    <message>
        <source>与其他设备互传变更同步包</source>
        <translation>change bundles to and from other devices</translation>
    </message>
    <message>
        <source>为每台受信任设备各写一个同步包到文件夹（U盘）</source>
        <translation>write one bundle per trusted device into a folder (USB stick)</translation>
    </message>
    <message>
        <source>写入变更包的文件夹（如 U 盘）</source>
        <translation>Folder to write the change bundle to (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>只导出给该设备（ID 前缀或代码）</source>
        <translation>only this device (id prefix or code)</translation>
    </message>
    <message>
        <source>没有新变更也写出同步包</source>
        <translation>write a bundle even when there is nothing new</translation>
    </message>
    <message>
        <source>导入发给本机的同步包（文件或文件夹）</source>
        <translation>import the bundles addressed to this device (a file or a folder)</translation>
    </message>
    <message>
        <source>变更包文件，或存放变更包的文件夹</source>
        <translation>A change bundle, or a folder of them</translation>
    </message>
    <message>
        <source>按设备列出：上次导出/导入、待对方确认的变更、标记</source>
        <translation>per device: last export/import, changes not yet acknowledged, marks</translation>
    </message>
    <message>
        <source>未处理的冲突和疑似重复档案</source>
        <translation>open conflicts and possible duplicates</translation>
    </message>
    <message>
        <source>县级的 age 公钥（托管密钥）：每个同步包也同时加密给它</source>
        <translation>the county&apos;s age public key: every bundle is also encrypted to it</translation>
    </message>
    <message>
        <source>age 接收方公钥（age1…）；省略则显示当前的托管密钥</source>
        <translation>an age recipient (age1…); omit to show the current one</translation>
    </message>
    <message>
        <source>取消托管密钥，不再加密给它</source>
        <translation>stop encrypting to an escrow key</translation>
    </message>
    <message>
        <source>（乡镇）处理冲突：保留现值或采用另一值</source>
        <translation>(township) resolve a conflict: keep the current value or the other</translation>
    </message>
    <message>
        <source>冲突 ID（或其前缀）</source>
        <translation>conflict id (or a prefix)</translation>
    </message>
    <message>
        <source>kept 保留现值，lost 采用另一值（疑似重复档案在 review 中处理）</source>
        <translation>kept: keep the current value, lost: take the other value (possible duplicates are decided in review)</translation>
    </message>
    <message>
        <source>理由（村卫生室会随处理决定看到）；可不填</source>
        <translation>why (the village reads it with the decision); optional</translation>
    </message>
    <message>
        <source>登录用户名</source>
        <translation>Login user name</translation>
    </message>
    <message>
        <source>用户账户（管理员）</source>
        <translation>accounts (admin)</translation>
    </message>
    <message>
        <source>添加用户（新密码来自 --new-password-file 或提示输入）</source>
        <translation>add a user (the new password from --new-password-file or a prompt)</translation>
    </message>
    <message>
        <source>密码文件，第一行为新用户的密码</source>
        <translation>file whose first line is the new user&apos;s password</translation>
    </message>
    <message>
        <source>village_doctor 乡村医生，township_staff 乡镇卫生院工作人员，admin 管理员</source>
        <translation>village_doctor: village doctor, township_staff: township health centre staff, admin: administrator</translation>
    </message>
    <message>
        <source>显示的姓名（与表格上一致）</source>
        <translation>display name (as on the forms)</translation>
    </message>
    <message>
        <source>乡村医生所属村的 12 位村代码（默认：本村）</source>
        <translation>a village doctor&apos;s 12-digit village code (default: this village)</translation>
    </message>
    <message>
        <source>角色之外另授予的权限</source>
        <translation>beyond the role</translation>
    </message>
    <message>
        <source>设置用户在角色之外的权限（none：收回全部）</source>
        <translation>set a user&apos;s permissions beyond the role (none: withdraw all)</translation>
    </message>
    <message>
        <source>mental_health，或 none 收回全部权限</source>
        <translation>mental_health, or none to withdraw all</translation>
    </message>
    <message>
        <source>用户列表</source>
        <translation>users</translation>
    </message>
    <message>
        <source>设置用户密码（来自 --new-password-file 或提示输入）</source>
        <translation>set a user&apos;s password (from --new-password-file or a prompt)</translation>
    </message>
    <message>
        <source>密码文件，第一行为新密码</source>
        <translation>file whose first line is the new password</translation>
    </message>
    <message>
        <source>停用用户（用户从不删除）</source>
        <translation>deactivate a user (users are never deleted)</translation>
    </message>
    <message>
        <source>none 表示收回全部权限，不能与要授予的权限同时给出</source>
        <translation>none withdraws all permissions: it cannot be given together with permissions to grant</translation>
    </message>
    <message>
        <source>作废原因（随记录保留，乡镇卫生院可见）</source>
        <translation>why it is voided (kept with the record; the township reads it)</translation>
    </message>
    <message>
        <source>{said}，不能是 {value}</source>
        <translation>{said}, not {value}</translation>
    </message>
    <message>
        <source>{label}不能超过 {high}</source>
        <translation>{label} must be at most {high}</translation>
    </message>
    <message>
        <source>{label}至少为 {low}</source>
        <translation>{label} must be at least {low}</translation>
    </message>
    <message>
        <source>{label}应在 {low} 到 {high} 之间</source>
        <translation>{label} must be between {low} and {high}</translation>
    </message>
    <message>
        <source>{year}年还没有到（最多到明年）</source>
        <translation>{year} has not come yet (next year at the latest)</translation>
    </message>
</context>
<context>
    <name>Contract</name>
    <message>
        <source>建立并维护健康档案；国家基本公共卫生服务项目（健康教育、预防接种、慢性病、老年人、孕产妇和儿童健康管理等）；常见病、多发病诊疗和健康咨询，需要时转诊。</source>
        <translation>A health record kept for you; the national basic public health services (health education, immunisation, care of chronic patients, the elderly, mothers and children, and more); treatment of common illnesses and health advice, with referral when needed.</translation>
    </message>
    <message>
        <source>每年1次健康体检（生活方式和健康状况评估、体格检查、辅助检查）和生活自理能力评估，体检结果告知与健康指导。</source>
        <translation>A health check every year (lifestyle and health assessment, physical examination, tests) with a self-care assessment; the results explained, with health advice.</translation>
    </message>
    <message>
        <source>高血压、2型糖尿病患者每年至少4次面对面随访，测量血压、血糖，用药和生活方式指导，每年1次健康检查。</source>
        <translation>For hypertension and type 2 diabetes: at least 4 face-to-face follow-ups a year, blood pressure and glucose measured, advice on medicines and lifestyle, a health check every year.</translation>
    </message>
    <message>
        <source>每年至少4次随访，危险性评估和服药指导，每年1次健康检查，对家属进行护理指导。</source>
        <translation>At least 4 follow-ups a year, risk assessment and advice on medicines, a health check every year, and care advice for the family.</translation>
    </message>
    <message>
        <source>孕期健康管理和产前检查，产后访视和产后42天健康检查，孕产期保健指导。</source>
        <translation>Care during pregnancy with antenatal checks, a home visit after the birth and a check 42 days after it, advice for mother and baby.</translation>
    </message>
    <message>
        <source>新生儿家庭访视，0–6岁儿童定期健康检查和生长发育评估，预防接种，喂养和护理指导。</source>
        <translation>A home visit for the newborn, regular health checks and growth assessment from 0 to 6 years, immunisation, feeding and care advice.</translation>
    </message>
    <message>
        <source>健康评估和康复指导，协助申请辅助器具和康复服务。</source>
        <translation>Health assessment and rehabilitation advice; help applying for aids and rehabilitation services.</translation>
    </message>
    <message>
        <source>一人一档、一患一策；患慢病的每月随访；协助落实医疗救助和先诊疗后付费等政策。</source>
        <translation>One record per person and one plan per patient; monthly follow-up for chronic patients; help with medical assistance and treat-first-pay-later.</translation>
    </message>
    <message>
        <source>老年人包只适用于65岁及以上老年人：{name}{year}年未满65岁</source>
        <translation>The elderly package is for residents aged 65 or over: {name} is not 65 in {year}</translation>
    </message>
    <message>
        <source>儿童包只适用于0–6岁儿童：{name}已{age}岁</source>
        <translation>The child package is for children aged 0–6: {name} is {age}</translation>
    </message>
    <message>
        <source>孕产妇包只适用于女性：{name}的性别不是女</source>
        <translation>The maternal package is for women: {name} is not recorded as female</translation>
    </message>
    <message>
        <source>严重精神障碍包只能签给您负责管理的严重精神障碍患者，{name}不在其中</source>
        <translation>The severe mental disorder package is signed only with patients under your management; {name} is not one of them</translation>
    </message>
    <message>
        <source>慢病包只适用于在管的高血压、2型糖尿病患者：{name}不在管理中（请先登记管理）</source>
        <translation>The chronic disease package is only for hypertension and type 2 diabetes patients under management: {name} is not under management (register the patient first)</translation>
    </message>
    <message>
        <source>残疾人包只适用于有残疾的居民：{name}的档案中残疾情况为无残疾（请先在档案中填写）</source>
        <translation>The disabled package is only for residents with a disability: {name}&apos;s record says no disability (fill it in on the record first)</translation>
    </message>
    <message>
        <source>贫困人口包只适用于登记在册的贫困户成员：{name}的家庭不是建档立卡贫困户或防返贫监测户</source>
        <translation>The poverty package is only for members of a registered poor household: {name}&apos;s household is neither a registered poor household nor one under monitoring</translation>
    </message>
    <message>
        <source>请选择至少一个服务包</source>
        <translation>Choose at least one service package</translation>
    </message>
    <message>
        <source>服务包“{code}”不存在，可选：{choices}</source>
        <translation>There is no service package &quot;{code}&quot;; choose from: {choices}</translation>
    </message>
    <message>
        <source>签约年限应为1到{max}年</source>
        <translation>The contract term must be 1 to {max} years</translation>
    </message>
    <message>
        <source>请填写签约医生</source>
        <translation>Enter the contracted doctor</translation>
    </message>
    <message>
        <source>签约日期不能晚于今天</source>
        <translation>The signing date cannot be later than today</translation>
    </message>
    <message>
        <source>{name}不在册，不能签约</source>
        <translation>{name} is not on the register and cannot sign a contract</translation>
    </message>
    <message>
        <source>签约日期{start}早于{name}的出生日期{birth}</source>
        <translation>The contract date {start} is before {name}&apos;s date of birth {birth}</translation>
    </message>
    <message>
        <source>{name}已签约至{end}：请续约或先解约</source>
        <translation>{name} already has a contract until {end}: renew it or end it first</translation>
    </message>
    <message>
        <source>找不到签约记录：{ref}</source>
        <translation>Contract not found: {ref}</translation>
    </message>
    <message>
        <source>{name}已有另一份签约，与这段签约期重叠：请由能查看那份签约的人员处理</source>
        <translation>{name} already holds another contract whose term overlaps this one: it must be settled by someone who may see that contract</translation>
    </message>
    <message>
        <source>这份签约已于 {end} 期满，不能修改</source>
        <translation>This contract&apos;s term ended on {end}: it cannot be changed</translation>
    </message>
    <message>
        <source>这份签约{status}，不能修改</source>
        <translation>This contract is {status} and cannot be changed</translation>
    </message>
    <message>
        <source>续约的签约日期随原签约的期满日，不能修改</source>
        <translation>A renewal starts when the contract it renews ends: its date cannot be changed</translation>
    </message>
    <message>
        <source>{name}的另一份签约到 {end} 为止，与修改后的签约期重叠</source>
        <translation>{name}&apos;s other contract runs until {end}: the corrected term would overlap it</translation>
    </message>
    <message>
        <source>这份签约{status}，不能再解约</source>
        <translation>This contract is already {status} and cannot be ended</translation>
    </message>
    <message>
        <source>请填写解约原因</source>
        <translation>Enter the reason for ending the contract</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>{start} 起生效</source>
        <translation>Starts {start}</translation>
    </message>
    <message>
        <source>{status} {day} {reason}</source>
        <translation>{status} {day} {reason}</translation>
    </message>
    <message>
        <source>这份签约已续约，不能再续约</source>
        <translation>This contract has been renewed already and cannot be renewed again</translation>
    </message>
    <message>
        <source>这份签约已解约，不能续约</source>
        <translation>This contract was terminated and cannot be renewed</translation>
    </message>
    <message>
        <source>这份签约到 {end} 期满，期满前一个月内（{opens} 起）才能续约</source>
        <translation>This contract runs until {end}: it can be renewed in the month before it ends (from {opens})</translation>
    </message>
    <message>
        <source>这份签约已于 {end} 期满，不需要解约（可以续约）</source>
        <translation>This contract&apos;s term ended on {end}: there is nothing to terminate (it can be renewed)</translation>
    </message>
    <message>
        <source>到期天数不能为负数</source>
        <translation>The number of days cannot be negative</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>家庭医生签约</source>
        <translation>Family-doctor contract</translation>
    </message>
    <message>
        <source>修改签约</source>
        <translation>Correct contract</translation>
    </message>
    <message>
        <source>姓名、17位档案编号或后8位</source>
        <translation>Name, 17-digit archive number or its last 8 digits</translation>
    </message>
    <message>
        <source>留空：当前用户</source>
        <translation>Blank: the current user</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> year(s)</translation>
    </message>
    <message>
        <source>全户签约（在册家庭成员一起签）</source>
        <translation>Whole household (all registered members together)</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>签约团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>服务包</source>
        <translation>Service packages</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>签约年限</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已修改 {name} 的签约</source>
        <translation>{name}&apos;s contract corrected</translation>
    </message>
    <message>
        <source>已签约 {n} 人</source>
        <translation>{n} signed</translation>
    </message>
    <message>
        <source>；已有有效签约：{names}</source>
        <translation>; already under contract: {names}</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>履约中</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>{days}天内到期</source>
        <translation>Ending within {days} days</translation>
    </message>
    <message>
        <source>全部（含历史）</source>
        <translation>All (with history)</translation>
    </message>
    <message>
        <source>新签约…</source>
        <translation>New contract…</translation>
    </message>
    <message>
        <source>续约</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>解约…</source>
        <translation>End…</translation>
    </message>
    <message>
        <source>已签字</source>
        <translation>Mark signed</translation>
    </message>
    <message>
        <source>打印协议书…</source>
        <translation>Print agreement…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>服务包</source>
        <translation>Service packages</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>{n} 份签约{days}天内到期，请及时续约</source>
        <translation>Contracts ending within {days} days: {n}; renew them in time</translation>
    </message>
    <message>
        <source>为 {name} 续约：新签约从本期期满后开始，签约医生和服务包不变，需居民重新签字。继续吗？</source>
        <translation>Renew the contract of {name}? The new term starts when this one ends, with the same doctor and packages, and must be signed again by the resident.</translation>
    </message>
    <message>
        <source>已为 {name} 续约：{start} 至 {end}，请打印协议书请居民签字</source>
        <translation>Renewed for {name}: {start} to {end}. Print the agreement for the resident to sign.</translation>
    </message>
    <message>
        <source>解约</source>
        <translation>End contract</translation>
    </message>
    <message>
        <source>{name} 的解约原因：</source>
        <translation>Reason for ending {name}&apos;s contract:</translation>
    </message>
    <message>
        <source>打印协议书</source>
        <translation>Print agreement</translation>
    </message>
    <message>
        <source>请先选择一份签约</source>
        <translation>Select a contract first</translation>
    </message>
    <message>
        <source>修改签约</source>
        <translation>Correct contract</translation>
    </message>
    <message>
        <source>签约服务协议书</source>
        <translation>Contract agreement</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>这个数据库里已有 {n} 份档案：演示数据只能生成在新建的数据库里（或以前生成过演示数据的数据库），以免虚构的居民和随访混进统计、同步到乡镇卫生院。请用新的数据文件夹（--data-dir）试用</source>
        <translation>This database already holds {n} records: demo data is made only in a new database (or one that already holds demo data), so that invented residents and follow-ups never mix into the figures or sync to the township. Try it in a new data folder (--data-dir)</translation>
    </message>
    <message>
        <source>居民人数应在1到2000000之间</source>
        <translation>The number of residents must be between 1 and 2,000,000</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>Education</name>
    <message>
        <source>健康知识讲座</source>
        <translation>Health lectures</translation>
    </message>
    <message>
        <source>公众健康咨询</source>
        <translation>Public consultations</translation>
    </message>
    <message>
        <source>宣传栏更换</source>
        <translation>Bulletin board updates</translation>
    </message>
    <message>
        <source>印刷资料种类</source>
        <translation>Printed material kinds</translation>
    </message>
    <message>
        <source>音像资料种类</source>
        <translation>Audio-visual material kinds</translation>
    </message>
    <message>
        <source>个体化健康教育</source>
        <translation>Individual education</translation>
    </message>
    <message>
        <source>健康教育活动</source>
        <translation>health education activities</translation>
    </message>
    <message>
        <source>{label}应为0到{max}的整数</source>
        <translation>{label} must be a whole number from 0 to {max}</translation>
    </message>
    <message>
        <source>请填写活动时间</source>
        <translation>Enter the date of the activity</translation>
    </message>
    <message>
        <source>活动时间不能晚于今天</source>
        <translation>The activity date cannot be later than today</translation>
    </message>
    <message>
        <source>活动形式应为1到6：1发放印刷资料 2播放音像资料 3宣传栏 4公众健康咨询活动 5健康知识讲座 6个体化健康教育</source>
        <translation>The activity type must be 1 to 6: 1 printed materials, 2 audio-visual, 3 bulletin board, 4 public consultation, 5 health lecture, 6 individual education</translation>
    </message>
    <message>
        <source>请填写活动主题</source>
        <translation>Enter the topic</translation>
    </message>
    <message>
        <source>请填写活动地点</source>
        <translation>Enter the place</translation>
    </message>
    <message>
        <source>讲座和咨询活动请填写接受健康教育人数</source>
        <translation>Enter how many people a lecture or consultation reached</translation>
    </message>
    <message>
        <source>个体化健康教育是一对一的教育：接受健康教育人数应为1到{max}人</source>
        <translation>Individual health education is one-to-one: the number educated should be 1 to {max}</translation>
    </message>
    <message>
        <source>讲座和咨询活动的接受健康教育人数最多{max}人：请按签到表核对</source>
        <translation>A lecture or consultation reaches at most {max} people: please check against the sign-in sheet</translation>
    </message>
    <message>
        <source>发放印刷资料、播放音像资料至少1种：请填写资料种类数</source>
        <translation>Handing out printed or audio-visual material means at least 1 kind: please fill in the number of kinds</translation>
    </message>
    <message>
        <source>这次健康教育活动已作废（{reason}）</source>
        <translation>This health education activity is voided already ({reason})</translation>
    </message>
    <message>
        <source>找不到这次健康教育活动</source>
        <translation>Health education activity not found</translation>
    </message>
    <message>
        <source>这是{institution}的健康教育活动，只能由该单位修改或作废</source>
        <translation>This is {institution}&apos;s health education activity: only they can correct or void it</translation>
    </message>
    <message>
        <source>这次活动有 {n} 个名为“{name}”的存档材料：请用附件 ID 指明要移除哪一个</source>
        <translation>This activity has {n} archived files named &quot;{name}&quot;: give the attachment ID of the one to remove</translation>
    </message>
    <message>
        <source>这次活动没有存档材料“{name}”</source>
        <translation>This activity has no archived file &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>附件“{name}”是空文件</source>
        <translation>The attachment &quot;{name}&quot; is empty</translation>
    </message>
    <message>
        <source>附件“{name}”是设了密码或已损坏的 PDF，存档后谁也看不了：请存档不设密码的文件</source>
        <translation>The attachment {name} is a PDF with a password, or damaged: once archived no one could read it. Archive a file without a password</translation>
    </message>
    <message>
        <source>附件“{name}”是含有脚本、内嵌文件或自动操作的 PDF，不能存档：请存档普通的扫描件或资料</source>
        <translation>Attachment &quot;{name}&quot; is a PDF with scripts, embedded files or automatic actions and cannot be archived: archive a plain scan or leaflet</translation>
    </message>
    <message>
        <source>附件“{name}”的 PDF 内容解开后太大，打开它会耗尽电脑的内存，不能存档</source>
        <translation>Attachment &quot;{name}&quot; is a PDF whose contents unpack too large: opening it would use up the computer&apos;s memory, so it cannot be archived</translation>
    </message>
    <message>
        <source>附件“{name}”的图片尺寸太大，无法存档：请存档手机常规画质的照片</source>
        <translation>The picture &quot;{name}&quot; is too large to archive: please archive a photo taken at the phone&apos;s usual quality</translation>
    </message>
    <message>
        <source>附件“{name}”不是完好的图片：读不出图像（文件已损坏，或只是改了扩展名）</source>
        <translation>Attachment &quot;{name}&quot; is not a sound picture: no image can be read from it (the file is damaged, or only its extension was changed)</translation>
    </message>
    <message>
        <source>附件“{name}”太大（{size} MB），最大 {max} MB</source>
        <translation>The attachment &quot;{name}&quot; is too large ({size} MB); the limit is {max} MB</translation>
    </message>
    <message>
        <source>{month}月</source>
        <translation>month {month}</translation>
    </message>
    <message>
        <source>{first}–{last}月</source>
        <translation>months {first}–{last}</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source> 个两月期</source>
        <translation> two-month periods</translation>
    </message>
    <message>
        <source> 期</source>
        <translation> periods</translation>
    </message>
    <message>
        <source>乡镇卫生院每月至少1次，村卫生室每两个月（1–2月、3–4月……）至少1次：计有讲座的月或两月期，同一期里的几次只计1期；过完了而没有讲座的期是落后</source>
        <translation>A township health centre holds at least one a month, a village clinic at least one every two months (Jan–Feb, Mar–Apr, ...): the months or two-month periods with a lecture are counted, several in one period count once; a period over without a lecture is behind</translation>
    </message>
    <message>
        <source>宣传栏内容每两个月（1–2月、3–4月……）至少更换1次：计有更换的两月期，过完了而没有更换的期是落后。宣传栏个数（乡镇卫生院至少2个，村卫生室至少1个）未核对：活动记录不记是哪一块宣传栏</source>
        <translation>Bulletin board content is changed at least once every two months (Jan–Feb, Mar–Apr, ...): the two-month periods with a change are counted; a period over without one is behind. The number of boards (at least 2 at a township health centre, 1 at a village clinic) is not checked: an activity record does not say which board</translation>
    </message>
    <message>
        <source>宣传栏个数未核对</source>
        <translation>number of boards not checked</translation>
    </message>
    <message>
        <source> 人次</source>
        <translation> contacts</translation>
    </message>
    <message>
        <source>个体化健康教育活动，加上每次随访时的健康指导（每次随访计1人次）；没有最低次数</source>
        <translation>Individual education sessions, plus the health advice given at every follow-up (each follow-up counts as one contact); there is no minimum</translation>
    </message>
    <message>
        <source>{label}：{done}{need}{unit}</source>
        <translation>{label}: {done}{need}{unit}</translation>
    </message>
    <message>
        <source>落后：缺{periods}</source>
        <translation>behind: missing {periods}</translation>
    </message>
    <message>
        <source>落后</source>
        <translation>behind</translation>
    </message>
    <message>
        <source>{n} 个单位落后</source>
        <translation>units behind: {n}</translation>
    </message>
    <message>
        <source>{n} 个单位落后：{units}</source>
        <translation>units behind: {n} — {units}</translation>
    </message>
    <message>
        <source>（{said}）</source>
        <translation> ({said})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{name}本级</source>
        <translation>{name} (own)</translation>
    </message>
    <message>
        <source>{name} 缺{periods}</source>
        <translation>{name} missing {periods}</translation>
    </message>
    <message>
        <source>{name} 差 {n} 种</source>
        <translation>{name}: {n} short (kinds)</translation>
    </message>
    <message>
        <source>{name} 差 {n} 次</source>
        <translation>{name}: {n} short</translation>
    </message>
    <message>
        <source>附件“{name}”不是 JPEG、PNG 图片或 PDF 文件</source>
        <translation>The attachment &quot;{name}&quot; is not a JPEG or PNG image or a PDF file</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>宣传材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>每次活动最多 {max} 个附件</source>
        <translation>An activity can have at most {max} attachments</translation>
    </message>
    <message>
        <source>读不了附件：{name}</source>
        <translation>Cannot read the attachment: {name}</translation>
    </message>
    <message>
        <source>找不到附件</source>
        <translation>Attachment not found</translation>
    </message>
    <message>
        <source>附件“{name}”已损坏</source>
        <translation>The attachment &quot;{name}&quot; is damaged</translation>
    </message>
</context>
<context>
    <name>EducationPage</name>
    <message>
        <source>新活动…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>打印记录表…</source>
        <translation>Print record…</translation>
    </message>
    <message>
        <source>查看存档材料…</source>
        <translation>Archived materials…</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>活动时间</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>村或单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>活动形式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>存档材料</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>修改健康教育活动记录</source>
        <translation>Correct health education activity record</translation>
    </message>
    <message>
        <source>作废健康教育活动</source>
        <translation>Void health education activity</translation>
    </message>
    <message>
        <source>已作废 {date} 的“{topic}”</source>
        <translation>Voided &quot;{topic}&quot; of {date}</translation>
    </message>
    <message>
        <source>查看存档材料</source>
        <translation>Archived materials</translation>
    </message>
    <message>
        <source>打印记录表</source>
        <translation>Print record</translation>
    </message>
    <message>
        <source>请先选择一次活动</source>
        <translation>Select an activity first</translation>
    </message>
    <message>
        <source>健康教育活动记录表</source>
        <translation>Health education activity record</translation>
    </message>
</context>
<context>
    <name>Elderly</name>
    <message>
        <source>血压{sbp}/{dbp}mmHg</source>
        <translation>BP {sbp}/{dbp} mmHg</translation>
    </message>
    <message>
        <source>空腹血糖{glucose}mmol/L</source>
        <translation>fasting glucose {glucose} mmol/L</translation>
    </message>
    <message>
        <source>{label}异常（{note}）</source>
        <translation>{label} abnormal ({note})</translation>
    </message>
    <message>
        <source>{label}异常</source>
        <translation>{label} abnormal</translation>
    </message>
    <message>
        <source>下次体检日期应晚于本次体检日期</source>
        <translation>The next check date must be after this check</translation>
    </message>
    <message>
        <source>下次体检日期最晚为本次体检后一年（{d}）</source>
        <translation>The next check must be within a year of this one (by {d})</translation>
    </message>
    <message>
        <source>{name}在{year}年未满65岁，也不是建档立卡贫困户成员，不属于老年人健康管理或贫困人口免费健康体检对象</source>
        <translation>{name} is under 65 in {year} and not a member of a registered poor household: neither elderly health management nor the free health check for the poor applies</translation>
    </message>
    <message>
        <source>{name}在{day}已有体检记录</source>
        <translation>{name} already has a health check on {day}</translation>
    </message>
    <message>
        <source>{name}{year}年已于{day}做过健康体检，这是本年度的第二次体检</source>
        <translation>{name} already had this year&apos;s health check ({year}) on {day}: this would be a second check in the same year</translation>
    </message>
    <message>
        <source>健康体检</source>
        <translation>health check</translation>
    </message>
    <message>
        <source>找不到该体检记录</source>
        <translation>Health check not found</translation>
    </message>
    <message>
        <source>这次体检没有异常结果，无需转诊</source>
        <translation>This check found nothing abnormal; no referral needed</translation>
    </message>
    <message>
        <source>这次体检未做生活自理能力评估（体检时未满65岁）</source>
        <translation>This check has no self-care assessment (the resident was under 65)</translation>
    </message>
</context>
<context>
    <name>ElderlyCheckDialog</name>
    <message>
        <source>老年人健康体检 — {name}</source>
        <translation>Elderly health check — {name}</translation>
    </message>
    <message>
        <source>免费健康体检（建档立卡贫困人口）— {name}</source>
        <translation>Free health check (registered poor) — {name}</translation>
    </message>
    <message>
        <source>{name}，{age}岁，档案编号 {no}</source>
        <translation>{name}, age {age}, record no. {no}</translation>
    </message>
    <message>
        <source>开转诊单…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>体检有异常结果时，可先起草转诊单（体检仍需保存）</source>
        <translation>An abnormal result was entered: draft a referral now (the check still has to be saved)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>生活自理能力评估：请选择五项的等级</source>
        <translation>Self-care assessment: choose a level for all five items</translation>
    </message>
    <message>
        <source>生活自理能力评估：{score}分，{level}</source>
        <translation>Self-care assessment: score {score}, {level}</translation>
    </message>
    <message>
        <source>异常结果：{found}</source>
        <translation>Abnormal: {found}</translation>
    </message>
    <message>
        <source>体检发现血压升高。是否将{name}纳入{program}患者健康管理？</source>
        <translation>The check found raised blood pressure. Enrol {name} in {program} management?</translation>
    </message>
    <message>
        <source>体检发现空腹血糖升高。是否将{name}纳入{program}患者健康管理？</source>
        <translation>The check found raised fasting glucose. Enrol {name} in {program} management?</translation>
    </message>
    <message>
        <source>纳入慢病管理</source>
        <translation>Chronic-disease management</translation>
    </message>
    <message>
        <source>异常结果</source>
        <translation>Abnormal results</translation>
    </message>
    <message>
        <source>体检有异常结果：{found}。是否起草转诊单？</source>
        <translation>Abnormal results: {found}. Draft a referral?</translation>
    </message>
    <message>
        <source>请核实</source>
        <translation>Please check</translation>
    </message>
    <message>
        <source>确认保存吗？</source>
        <translation>Save anyway?</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation>Fields to correct: {n}; everything you typed is kept</translation>
    </message>
</context>
<context>
    <name>ElderlyPage</name>
    <message>
        <source>全部村民小组</source>
        <translation>All village groups</translation>
    </message>
    <message>
        <source>录入体检 (Enter)</source>
        <translation>Enter check (Enter)</translation>
    </message>
    <message>
        <source>打印名单</source>
        <translation>Print list</translation>
    </message>
    <message>
        <source>打印空白体检表</source>
        <translation>Print blank form</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>上次体检</source>
        <translation>Last check</translation>
    </message>
    <message>
        <source>今年未体检的65岁及以上老年人</source>
        <translation>Residents 65+ not checked this year</translation>
    </message>
    <message>
        <source>从未体检</source>
        <translation>Never checked</translation>
    </message>
    <message>
        <source>未体检 {n} 人；建档的65岁及以上居民 {total} 人中，今年已体检 {checked} 人（占建档的 {rate}）。老年人健康管理率以常住65岁及以上人口为分母，见工作台</source>
        <translation>{n} not checked yet; of {total} enrolled residents aged 65+, {checked} checked this year ({rate} of those enrolled). The elderly health management rate divides by the resident population aged 65+: see the workbench</translation>
    </message>
    <message>
        <source>老年人健康体检工作单</source>
        <translation>Elderly health check worklist</translation>
    </message>
    <message>
        <source>老年人健康体检表（空白）</source>
        <translation>Elderly health check form (blank)</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>数据库 {path} 已加密（或已损坏），本机找不到它的密钥 {key}：请从备份恢复 keys 文件夹，或请县级用托管密钥找回存储密钥</source>
        <translation>The database {path} is encrypted (or damaged) and its key {key} is missing on this PC. Restore the keys folder from a backup, or ask the county to recover the store key with the escrow key.</translation>
    </message>
    <message>
        <source>数据库 {path} 打不开：它已损坏，或不是用本机的存储密钥 {key} 加密的</source>
        <translation>The database {path} cannot be opened: it is damaged, or it was not encrypted with this PC&apos;s store key {key}.</translation>
    </message>
    <message>
        <source>存储密钥文件 {path} 不是本机设备密钥加密的，或已损坏</source>
        <translation>The store key file {path} was not encrypted with this PC&apos;s device key, or it is damaged.</translation>
    </message>
    <message>
        <source>{path} 不是存储密钥（应为 64 位十六进制数）</source>
        <translation>{path} is not a store key (it should be 64 hexadecimal digits).</translation>
    </message>
    <message>
        <source>找不到密钥文件：{path}</source>
        <translation>Key file not found: {path}</translation>
    </message>
    <message>
        <source>PostgreSQL 数据库不用本功能加密：请用数据库服务器的磁盘加密</source>
        <translation>A PostgreSQL database is not encrypted by CunYi: use disk encryption on the database server.</translation>
    </message>
    <message>
        <source>数据库已经加密</source>
        <translation>The database is already encrypted.</translation>
    </message>
    <message>
        <source>加密副本校验未通过，数据库未改动</source>
        <translation>The encrypted copy failed verification; the database was not changed.</translation>
    </message>
</context>
<context>
    <name>EndManagementDialog</name>
    <message>
        <source>结束慢病管理</source>
        <translation>End chronic-disease management</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>year-month-day</translation>
    </message>
    <message>
        <source>如 迁往外省、经上级医院确诊排除</source>
        <translation>e.g. moved to another province, diagnosis ruled out</translation>
    </message>
    <message>
        <source>管理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>编辑居民档案</source>
        <translation>Edit health record</translation>
    </message>
    <message>
        <source>新建居民档案</source>
        <translation>New health record</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation>Fields to correct: {n}; everything you typed is kept</translation>
    </message>
</context>
<context>
    <name>EnrolmentForm</name>
    <message>
        <source>年-月-日</source>
        <translation>year-month-day</translation>
    </message>
    <message>
        <source>确诊 年-月</source>
        <translation>diagnosed year-month</translation>
    </message>
    <message>
        <source>名称/原因</source>
        <translation>name/reason</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>加入家庭户：户主 {name}</source>
        <translation>Joining the household of {name}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>如 张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <source>18位身份证号，末位可为X</source>
        <translation>18-digit resident ID; the last character may be X</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>年-月-日，如 1965-03-08</source>
        <translation>year-month-day, e.g. 1965-03-08</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>常住类型</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <source>血型</source>
        <translation>Blood group</translation>
    </message>
    <message>
        <source>RH血型</source>
        <translation>Rh blood group</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>联系方式与住址</source>
        <translation>Contact and address</translation>
    </message>
    <message>
        <source>本机构信息（打印在随访卡、转诊单、工作单上）</source>
        <translation>Institution (printed on cards, referral slips and worklists)</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>如 朝阳乡幸福村卫生室</source>
        <translation>e.g. Xingfu Village Clinic</translation>
    </message>
    <message>
        <source>手机11位，或区号-号码</source>
        <translation>11-digit mobile, or area code-number</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctors</translation>
    </message>
    <message>
        <source>姓名，用顿号或逗号隔开</source>
        <translation>Names, separated by commas</translation>
    </message>
    <message>
        <source>联系人姓名</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>Registered (hukou) address</translation>
    </message>
    <message>
        <source>家庭户与管理</source>
        <translation>Household and management</translation>
    </message>
    <message>
        <source>所属村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head of household</translation>
    </message>
    <message>
        <source>家庭户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>医疗费用支付方式、药物过敏史、暴露史</source>
        <translation>Medical payment, drug allergies, exposures</translation>
    </message>
    <message>
        <source>医疗费用支付方式</source>
        <translation>Medical payment</translation>
    </message>
    <message>
        <source>其他，请写明</source>
        <translation>Other, please specify</translation>
    </message>
    <message>
        <source>药物过敏史</source>
        <translation>Drug allergies</translation>
    </message>
    <message>
        <source>其他过敏药物</source>
        <translation>Other drug allergy</translation>
    </message>
    <message>
        <source>暴露史</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <source>既往史</source>
        <translation>Past history</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>Poverty status</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>Cause of poverty</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <source>救治方式</source>
        <translation>Treatment track</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>疾病</source>
        <translation>Diseases</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>免费健康体检日期</source>
        <translation>Free health check date</translation>
    </message>
    <message>
        <source>其他疾病，请写明</source>
        <translation>Other disease, please specify</translation>
    </message>
    <message>
        <source>手术/外伤/输血</source>
        <translation>Surgery / trauma / transfusion</translation>
    </message>
    <message>
        <source>遗传病史</source>
        <translation>Hereditary disease</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>疾病名称</source>
        <translation>Disease name</translation>
    </message>
    <message>
        <source>残疾情况</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>其他残疾，请写明</source>
        <translation>Other disability, please specify</translation>
    </message>
    <message>
        <source>家族史</source>
        <translation>Family history</translation>
    </message>
    <message>
        <source>生活环境</source>
        <translation>Living environment</translation>
    </message>
    <message>
        <source>厨房排风设施</source>
        <translation>Kitchen ventilation</translation>
    </message>
    <message>
        <source>燃料类型</source>
        <translation>Cooking fuel</translation>
    </message>
    <message>
        <source>饮水</source>
        <translation>Drinking water</translation>
    </message>
    <message>
        <source>厕所</source>
        <translation>Toilet</translation>
    </message>
    <message>
        <source>禽畜栏</source>
        <translation>Livestock pen</translation>
    </message>
    <message>
        <source>建档信息</source>
        <translation>Record details</translation>
    </message>
    <message>
        <source>默认今天</source>
        <translation>today if empty</translation>
    </message>
    <message>
        <source>建档人</source>
        <translation>Enrolled by</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <source>迁出或死亡日期</source>
        <translation>date moved away or died</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>Contract doctor</translation>
    </message>
    <message>
        <source>签约团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>解约原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>遗传病名称</source>
        <translation>Hereditary disease name</translation>
    </message>
    <message>
        <source>本人电话</source>
        <translation>Own phone</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>手术/外伤/输血名称</source>
        <translation>Surgery/trauma/transfusion</translation>
    </message>
    <message>
        <source>手术/外伤/输血时间</source>
        <translation>Surgery/trauma/transfusion</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>Contract date</translation>
    </message>
    <message>
        <source>档案状态</source>
        <translation>Record status</translation>
    </message>
    <message>
        <source>状态变更日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>勾选项（既往史、过敏史等）</source>
        <translation>Ticked items (history, allergies…)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>表内其他项目</source>
        <translation>Other items of the form</translation>
    </message>
    <message>
        <source>医生签名</source>
        <translation>Doctor&apos;s signature</translation>
    </message>
    <message>
        <source>建档立卡贫困户</source>
        <translation>Registered poor household</translation>
    </message>
    <message>
        <source>签约年限</source>
        <translation>Contract years</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>Receiving institution</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>接诊医生</source>
        <translation>Receiving doctor</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>Initial impression</translation>
    </message>
    <message>
        <source>主要现病史</source>
        <translation>Present illness</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>Past history</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>Treatment so far</translation>
    </message>
    <message>
        <source>转诊医生</source>
        <translation>Referring doctor</translation>
    </message>
    <message>
        <source>不到位原因</source>
        <translation>Reason not arrived</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record no.</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>下一步治疗方案</source>
        <translation>Treatment plan</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>Referral date</translation>
    </message>
    <message>
        <source>异常情况</source>
        <translation>If abnormal</translation>
    </message>
    <message>
        <source>进餐</source>
        <translation>Eating</translation>
    </message>
    <message>
        <source>梳洗</source>
        <translation>Grooming</translation>
    </message>
    <message>
        <source>穿衣</source>
        <translation>Dressing</translation>
    </message>
    <message>
        <source>如厕</source>
        <translation>Toileting</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Moving about</translation>
    </message>
    <message>
        <source>体检</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>生活自理能力评估</source>
        <translation>Self-care assessment</translation>
    </message>
    <message>
        <source>生活方式与症状</source>
        <translation>Lifestyle and symptoms</translation>
    </message>
    <message>
        <source>锻炼频率</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>饮食习惯</source>
        <translation>Diet</translation>
    </message>
    <message>
        <source>吸烟状况</source>
        <translation>Smoking</translation>
    </message>
    <message>
        <source>支</source>
        <translation>cig.</translation>
    </message>
    <message>
        <source>饮酒频率</source>
        <translation>Drinking</translation>
    </message>
    <message>
        <source>两</source>
        <translation>liang</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>目前用药</source>
        <translation>Current medication</translation>
    </message>
    <message>
        <source>体格检查</source>
        <translation>Physical examination</translation>
    </message>
    <message>
        <source>脉率</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>次/分钟</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>呼吸频率</source>
        <translation>Respiration</translation>
    </message>
    <message>
        <source>收缩压</source>
        <translation>Systolic pressure</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>Diastolic pressure</translation>
    </message>
    <message>
        <source>总胆固醇</source>
        <translation>Total cholesterol</translation>
    </message>
    <message>
        <source>甘油三酯</source>
        <translation>Triglycerides</translation>
    </message>
    <message>
        <source>低密度脂蛋白胆固醇</source>
        <translation>LDL cholesterol</translation>
    </message>
    <message>
        <source>高密度脂蛋白胆固醇</source>
        <translation>HDL cholesterol</translation>
    </message>
    <message>
        <source>心电图</source>
        <translation>ECG</translation>
    </message>
    <message>
        <source>腹部B超</source>
        <translation>Abdominal ultrasound</translation>
    </message>
    <message>
        <source>健康评价与指导</source>
        <translation>Assessment and guidance</translation>
    </message>
    <message>
        <source>发现的健康问题</source>
        <translation>Health problems found</translation>
    </message>
    <message>
        <source>健康评价处理</source>
        <translation>Action taken</translation>
    </message>
    <message>
        <source>健康指导</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>下次体检日期</source>
        <translation>Next check</translation>
    </message>
    <message>
        <source>体检医生</source>
        <translation>Examining doctor</translation>
    </message>
    <message>
        <source>心率</source>
        <translation>Heart rate</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>目标体重</source>
        <translation>Target weight</translation>
    </message>
    <message>
        <source>身高</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>腰围</source>
        <translation>Waist</translation>
    </message>
    <message>
        <source>皮肤</source>
        <translation>Skin</translation>
    </message>
    <message>
        <source>浅表淋巴结</source>
        <translation>Lymph nodes</translation>
    </message>
    <message>
        <source>心脏</source>
        <translation>Heart</translation>
    </message>
    <message>
        <source>肺</source>
        <translation>Lungs</translation>
    </message>
    <message>
        <source>腹部</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>视力（左/右）</source>
        <translation>Vision (L/R)</translation>
    </message>
    <message>
        <source>听力</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>运动功能</source>
        <translation>Motor function</translation>
    </message>
    <message>
        <source>血常规</source>
        <translation>Blood count</translation>
    </message>
    <message>
        <source>尿常规</source>
        <translation>Urinalysis</translation>
    </message>
    <message>
        <source>血清谷丙转氨酶</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>血清谷草转氨酶</source>
        <translation>AST</translation>
    </message>
    <message>
        <source>总胆红素</source>
        <translation>Total bilirubin</translation>
    </message>
    <message>
        <source>血清肌酐</source>
        <translation>Creatinine</translation>
    </message>
    <message>
        <source>血尿素</source>
        <translation>Urea nitrogen</translation>
    </message>
    <message>
        <source>空腹血糖</source>
        <translation>Fasting glucose</translation>
    </message>
    <message>
        <source>糖化血红蛋白</source>
        <translation>HbA1c</translation>
    </message>
    <message>
        <source>日吸烟量</source>
        <translation>Cigarettes per day</translation>
    </message>
    <message>
        <source>目标日吸烟量</source>
        <translation>Target cigarettes per day</translation>
    </message>
    <message>
        <source>日饮酒量</source>
        <translation>Alcohol per day</translation>
    </message>
    <message>
        <source>目标日饮酒量</source>
        <translation>Target alcohol per day</translation>
    </message>
    <message>
        <source>运动次数</source>
        <translation>Exercise sessions</translation>
    </message>
    <message>
        <source>运动时长</source>
        <translation>Exercise minutes</translation>
    </message>
    <message>
        <source>主食</source>
        <translation>Staple food</translation>
    </message>
    <message>
        <source>目标主食</source>
        <translation>Target staple food</translation>
    </message>
    <message>
        <source>目标运动次数</source>
        <translation>Target exercise sessions</translation>
    </message>
    <message>
        <source>目标运动时长</source>
        <translation>Target exercise minutes</translation>
    </message>
    <message>
        <source>服药依从性</source>
        <translation>Medication adherence</translation>
    </message>
    <message>
        <source>随访医生</source>
        <translation>Visiting doctor</translation>
    </message>
    <message>
        <source>辅助检查</source>
        <translation>Auxiliary examinations</translation>
    </message>
    <message>
        <source>不良反应</source>
        <translation>Adverse reaction</translation>
    </message>
    <message>
        <source>其他症状</source>
        <translation>Other symptoms</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>Referral reason</translation>
    </message>
    <message>
        <source>转诊机构</source>
        <translation>Referral institution</translation>
    </message>
    <message>
        <source>转诊科室</source>
        <translation>Referral department</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>下次随访日期</source>
        <translation>Next visit date</translation>
    </message>
    <message>
        <source>每页张数</source>
        <translation>Cards per sheet</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>糖化血红蛋白检查日期</source>
        <translation>HbA1c test date</translation>
    </message>
    <message>
        <source>药物名称</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>每日次数</source>
        <translation>Times a day</translation>
    </message>
    <message>
        <source>每次剂量</source>
        <translation>Dose each time</translation>
    </message>
    <message>
        <source>失访原因</source>
        <translation>Reason lost</translation>
    </message>
    <message>
        <source>死亡原因</source>
        <translation>Cause of death</translation>
    </message>
    <message>
        <source>死亡日期</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>year-month-day</translation>
    </message>
    <message>
        <source>年-月</source>
        <translation>year-month</translation>
    </message>
    <message>
        <source>轻度滋事</source>
        <translation>Minor trouble</translation>
    </message>
    <message>
        <source>肇事</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>肇祸</source>
        <translation>Serious harm</translation>
    </message>
    <message>
        <source>其他危害行为</source>
        <translation>Other harm</translation>
    </message>
    <message>
        <source>自伤</source>
        <translation>Self-harm</translation>
    </message>
    <message>
        <source>自杀未遂</source>
        <translation>Attempted suicide</translation>
    </message>
    <message>
        <source>个人生活料理</source>
        <translation>Personal care</translation>
    </message>
    <message>
        <source>家务劳动</source>
        <translation>Housework</translation>
    </message>
    <message>
        <source>生产劳动及工作</source>
        <translation>Farm work and jobs</translation>
    </message>
    <message>
        <source>学习能力</source>
        <translation>Learning</translation>
    </message>
    <message>
        <source>社会人际交往</source>
        <translation>Social contact</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>早（mg）</source>
        <translation>AM (mg)</translation>
    </message>
    <message>
        <source>中（mg）</source>
        <translation>Noon (mg)</translation>
    </message>
    <message>
        <source>晚（mg）</source>
        <translation>PM (mg)</translation>
    </message>
    <message>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>与患者关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>监护人住址</source>
        <translation>Guardian&apos;s address</translation>
    </message>
    <message>
        <source>监护人电话</source>
        <translation>Guardian&apos;s phone</translation>
    </message>
    <message>
        <source>村（居）委会联系人</source>
        <translation>Village committee contact</translation>
    </message>
    <message>
        <source>村（居）委会联系电话</source>
        <translation>Committee phone</translation>
    </message>
    <message>
        <source>知情同意</source>
        <translation>Informed consent</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>签字时间</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>既往情况</source>
        <translation>History</translation>
    </message>
    <message>
        <source>初次发病时间</source>
        <translation>First onset</translation>
    </message>
    <message>
        <source>既往主要症状</source>
        <translation>Past main symptoms</translation>
    </message>
    <message>
        <source>既往关锁情况</source>
        <translation>Past locking up</translation>
    </message>
    <message>
        <source>门诊治疗</source>
        <translation>Outpatient treatment</translation>
    </message>
    <message>
        <source>首次抗精神病药治疗时间</source>
        <translation>First antipsychotic treatment</translation>
    </message>
    <message>
        <source>住院次数</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <source>目前诊断情况</source>
        <translation>Current diagnosis</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>确诊医院</source>
        <translation>Diagnosing hospital</translation>
    </message>
    <message>
        <source>确诊日期</source>
        <translation>Diagnosed on</translation>
    </message>
    <message>
        <source>最近一次治疗效果</source>
        <translation>Latest treatment effect</translation>
    </message>
    <message>
        <source>危险行为（发病以来）</source>
        <translation>Dangerous acts (since onset)</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>经济状况</source>
        <translation>Economic status</translation>
    </message>
    <message>
        <source>专科医生的意见</source>
        <translation>Psychiatrist&apos;s opinion</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>随访形式</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <source>随访对象</source>
        <translation>Informant</translation>
    </message>
    <message>
        <source>病情</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>危险性评估</source>
        <translation>Danger level</translation>
    </message>
    <message>
        <source>0级 无下列行为；1级 口头威胁、喊叫，但没有打砸；2级 打砸局限在家里、针对财物，能被劝说制止；3级 明显打砸，不分场合，针对财物，不能接受劝说而停止；4级 持续打砸，不分场合，针对财物或人，不能接受劝说而停止（包括自伤、自杀）；5级 持械针对人的任何暴力行为，或纵火、爆炸等行为</source>
        <translation>Level 0: none of the below; 1: verbal threats or shouting, no smashing; 2: smashing at home, aimed at things, stopped by persuasion; 3: obvious smashing anywhere, aimed at things, not stopped by persuasion; 4: continued smashing anywhere, aimed at things or people, not stopped by persuasion (self-harm and suicide included); 5: any violence against people with a weapon, or arson, explosions and the like</translation>
    </message>
    <message>
        <source>目前症状</source>
        <translation>Current symptoms</translation>
    </message>
    <message>
        <source>自知力</source>
        <translation>Insight</translation>
    </message>
    <message>
        <source>睡眠情况</source>
        <translation>Sleep</translation>
    </message>
    <message>
        <source>饮食情况</source>
        <translation>Eating</translation>
    </message>
    <message>
        <source>社会功能情况</source>
        <translation>Social functioning</translation>
    </message>
    <message>
        <source>危险行为</source>
        <translation>Dangerous acts</translation>
    </message>
    <message>
        <source>治疗</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>两次随访期间关锁情况</source>
        <translation>Locked up since last visit</translation>
    </message>
    <message>
        <source>两次随访期间住院情况</source>
        <translation>In hospital since last visit</translation>
    </message>
    <message>
        <source>末次出院时间</source>
        <translation>Last discharge</translation>
    </message>
    <message>
        <source>用药依从性</source>
        <translation>Adherence</translation>
    </message>
    <message>
        <source>药物不良反应</source>
        <translation>Adverse drug reaction</translation>
    </message>
    <message>
        <source>不良反应描述</source>
        <translation>Reaction details</translation>
    </message>
    <message>
        <source>严重药物不良反应</source>
        <translation>Serious adverse reaction</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>严重躯体疾病</source>
        <translation>Serious physical illness</translation>
    </message>
    <message>
        <source>治疗效果</source>
        <translation>Treatment effect</translation>
    </message>
    <message>
        <source>用药情况</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>长效针剂</source>
        <translation>Long-acting injection</translation>
    </message>
    <message>
        <source>药名、剂量、每几周一次</source>
        <translation>Drug, dose, every N weeks</translation>
    </message>
    <message>
        <source>转诊与康复</source>
        <translation>Referral and rehabilitation</translation>
    </message>
    <message>
        <source>是否转诊</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>转诊至机构及科室</source>
        <translation>Referred to (institution, department)</translation>
    </message>
    <message>
        <source>康复措施</source>
        <translation>Rehabilitation</translation>
    </message>
    <message>
        <source>本次随访</source>
        <translation>This visit</translation>
    </message>
    <message>
        <source>本次随访分类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>失访或死亡</source>
        <translation>Lost to follow-up or died</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>resident population</translation>
    </message>
    <message>
        <source>65岁及以上人口</source>
        <translation>Population aged 65 and over</translation>
    </message>
    <message>
        <source>65岁及以上常住人口</source>
        <translation>resident population aged 65+</translation>
    </message>
    <message>
        <source>活动时间</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>接受健康教育人员类别</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>资料发放种类及数量</source>
        <translation>Materials handed out (kinds and quantity)</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>活动总结评价</source>
        <translation>Summary and evaluation</translation>
    </message>
    <message>
        <source>接受健康教育人数</source>
        <translation>Number reached</translation>
    </message>
    <message>
        <source>资料种类数</source>
        <translation>Kinds of material</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>65岁及以上老年人</source>
        <translation>Aged 65 and over</translation>
    </message>
    <message>
        <source>高血压患者</source>
        <translation>Hypertension</translation>
    </message>
    <message>
        <source>2型糖尿病患者</source>
        <translation>Type 2 diabetes</translation>
    </message>
    <message>
        <source>严重精神障碍患者</source>
        <translation>Severe mental disorder</translation>
    </message>
    <message>
        <source>建档立卡贫困人口</source>
        <translation>Registered poor</translation>
    </message>
    <message>
        <source>0～6岁儿童</source>
        <translation>Children aged 0–6</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>People with disabilities</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>乡镇名称</source>
        <translation>Township name</translation>
    </message>
    <message>
        <source>--since 起始日期</source>
        <translation>--since start date</translation>
    </message>
    <message>
        <source>--until 截止日期</source>
        <translation>--until end date</translation>
    </message>
    <message>
        <source>随机种子</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <source>居民人数</source>
        <translation>Number of residents</translation>
    </message>
    <message>
        <source>村数</source>
        <translation>Number of villages</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>条数上限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>速率</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>家庭医生签约与健康扶贫</source>
        <translation>Family doctor contract and poverty support</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>Family doctor contract</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>一患一策</source>
        <translation>Patient plan</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>不能写入 {path}：{place} 是村医自己的数据（数据库、设备密钥、备份），写入会损坏它们：请另选一个文件夹，如桌面或U盘</source>
        <translation>Cannot write {path}: {place} is CunYi&apos;s own data (database, device keys, backups), and writing there would damage it: choose another folder, such as the desktop or a USB stick</translation>
    </message>
    <message>
        <source>不能写入 {path}：那里不是普通文件（是设备或管道）</source>
        <translation>Cannot write {path}: it is not a plain file (a device or a pipe)</translation>
    </message>
    <message>
        <source>文件名应以 {suffix} 结尾：{path}</source>
        <translation>The file name should end in {suffix}: {path}</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>请填写档案编号或姓名</source>
        <translation>Enter an archive number or a name</translation>
    </message>
    <message>
        <source>档案编号后8位{ref}对应多人，请用17位档案编号</source>
        <translation>Several records end in {ref}: use the 17-digit archive number</translation>
    </message>
    <message>
        <source>找不到档案：{ref}</source>
        <translation>No record found: {ref}</translation>
    </message>
    <message>
        <source>叫{name}的有 {n} 人（{numbers}），请用档案编号</source>
        <translation>{n} people are called {name} ({numbers}): use the archive number</translation>
    </message>
    <message>
        <source>慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）</source>
        <translation>The programme must be htn (hypertension) or t2dm (type 2 diabetes)</translation>
    </message>
    <message>
        <source>纳入管理日期不能早于出生日期</source>
        <translation>Management cannot start before the date of birth</translation>
    </message>
    <message>
        <source>{label}应为数字</source>
        <translation>{label} must be a number</translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation>{label} must be a whole number</translation>
    </message>
    <message>
        <source>{label}{value}超出可能范围（{lo}–{hi}）</source>
        <translation>{label} {value} is impossible (allowed {lo}–{hi})</translation>
    </message>
    <message>
        <source>{label}{value}很少见，请核实后确认保存</source>
        <translation>{label} {value} is unusual: check it, then confirm to save</translation>
    </message>
    <message>
        <source>随访日期不能晚于今天</source>
        <translation>The visit date cannot be after today</translation>
    </message>
    <message>
        <source>随访日期不能早于出生日期</source>
        <translation>The visit date cannot be before the date of birth</translation>
    </message>
    <message>
        <source>{name}未纳入{program}管理；请先纳入管理（命令行可加 --enrol）</source>
        <translation>{name} is not under {program} management: enrol first (on the command line, add --enrol)</translation>
    </message>
    <message>
        <source>随访日期不能早于纳入管理日期{d}</source>
        <translation>The visit date cannot be before management started ({d})</translation>
    </message>
    <message>
        <source>随访方式应为 1 门诊、2 家庭或 3 电话</source>
        <translation>The visit method must be 1 clinic, 2 home or 3 phone</translation>
    </message>
    <message>
        <source>该患者当天已有一次随访记录；如需更正请标记为更正</source>
        <translation>This patient already has a visit that day; mark this one as a correction to replace it</translation>
    </message>
    <message>
        <source>随访结果应为 done、lost（失访）或 died（死亡）</source>
        <translation>The outcome must be done, lost or died</translation>
    </message>
    <message>
        <source>症状代码“{value}”无效</source>
        <translation>Symptom code &quot;{value}&quot; is not valid</translation>
    </message>
    <message>
        <source>选了“无症状”就不能再选其他症状</source>
        <translation>&quot;No symptoms&quot; excludes every other symptom</translation>
    </message>
    <message>
        <source>紧急转诊情况代码“{value}”无效，可选：{choices}</source>
        <translation>Invalid emergency sign code &quot;{value}&quot;; choose from: {choices}</translation>
    </message>
    <message>
        <source>服药依从性应为 1 规律、2 间断或 3 不服药</source>
        <translation>Adherence must be 1 regular, 2 intermittent or 3 not taking</translation>
    </message>
    <message>
        <source>体温应在30–45°C之间</source>
        <translation>Temperature must be between 30 and 45 °C</translation>
    </message>
    <message>
        <source>体温应为数字</source>
        <translation>Temperature must be a number</translation>
    </message>
    <message>
        <source>随访分类应为1–4</source>
        <translation>The classification must be 1–4</translation>
    </message>
    <message>
        <source>下次随访日期应晚于本次随访日期</source>
        <translation>The next visit must be after this visit</translation>
    </message>
    <message>
        <source>下次随访日期 {d} 晚于规范建议的 {s}：按规范，慢病患者应按时面对面随访</source>
        <translation>Next visit {d} is later than the {s} the national rules suggest: chronic patients should be seen face to face on time</translation>
    </message>
    <message>
        <source>{program}随访</source>
        <translation>{program} follow-up</translation>
    </message>
    <message>
        <source>{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院</source>
        <translation>The record of {day} is a loss to follow-up or a death, which ended the management: it cannot be voided; if it is wrong, please contact the township health centre</translation>
    </message>
    <message>
        <source>找不到该慢病管理记录</source>
        <translation>This management record was not found</translation>
    </message>
    <message>
        <source>管理状态应为 2 失访、3 迁出、4 死亡或 5 终止管理</source>
        <translation>The status must be 2 lost, 3 moved away, 4 died or 5 ended</translation>
    </message>
    <message>
        <source>日期应在纳入管理之后、今天之前</source>
        <translation>The date must be after management began and not after today</translation>
    </message>
    <message>
        <source>请写明原因</source>
        <translation>Please give the reason</translation>
    </message>
    <message>
        <source>{label}代码“{value}”无效</source>
        <translation>{label} code &quot;{value}&quot; is not valid</translation>
    </message>
    <message>
        <source>糖化血红蛋白检查日期不能晚于随访日期</source>
        <translation>The HbA1c test date cannot be after the visit</translation>
    </message>
    <message>
        <source>每日次数应在1–24之间</source>
        <translation>Times a day must be 1–24</translation>
    </message>
    <message>
        <source>每次剂量超出可能范围</source>
        <translation>The dose each time is out of the possible range</translation>
    </message>
    <message>
        <source>失访请写明原因</source>
        <translation>Lost to follow-up: give the reason</translation>
    </message>
    <message>
        <source>请填写死亡日期</source>
        <translation>Please enter the date of death</translation>
    </message>
    <message>
        <source>死亡日期应在出生之后、今天之前</source>
        <translation>The date of death must be after birth and not after today</translation>
    </message>
    <message>
        <source>死亡日期不能晚于本次随访日期 {date}（随访时已得知死亡）</source>
        <translation>The date of death cannot be after this follow-up&apos;s date {date} (the death was known at the follow-up)</translation>
    </message>
    <message>
        <source>{date} 还有{name}的随访记录（已随访到本人），死亡日期不能早于它：请核对日期</source>
        <translation>{name} has a follow-up done on {date} (the patient was seen): the date of death cannot be before it; please check the dates</translation>
    </message>
    <message>
        <source>请填写死亡原因</source>
        <translation>Please enter the cause of death</translation>
    </message>
    <message>
        <source>下次随访日期最晚为本次随访后一年（{d}）</source>
        <translation>The next follow-up is due at most a year after this one ({d})</translation>
    </message>
    <message>
        <source>随访日期不能晚于 {today}：本机日期是 {pc}，而最近一次同步时乡镇卫生院的日期是 {town}，请核对电脑的日期和时间，并与乡镇卫生院同步</source>
        <translation>The follow-up date cannot be later than {today}: this PC&apos;s date is {pc}, but the township health centre&apos;s date at the last sync was {town}. Check this PC&apos;s date and time, and sync with the township</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>{program}随访 - {name}</source>
        <translation>{program} follow-up - {name}</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>year-month-day</translation>
    </message>
    <message>
        <source>已随访</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>失访</source>
        <translation>Lost to follow-up</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>失访原因，如 外出务工</source>
        <translation>reason lost, e.g. working away</translation>
    </message>
    <message>
        <source>死亡日期 年-月-日</source>
        <translation>date of death</translation>
    </message>
    <message>
        <source>死亡原因</source>
        <translation>cause of death</translation>
    </message>
    <message>
        <source>次/分钟</source>
        <translation>per minute</translation>
    </message>
    <message>
        <source>有药物不良反应</source>
        <translation>Adverse drug reaction</translation>
    </message>
    <message>
        <source>不良反应难以控制</source>
        <translation>Adverse reaction cannot be controlled</translation>
    </message>
    <message>
        <source>新出现或加重的并发症</source>
        <translation>New or worse complication</translation>
    </message>
    <message>
        <source>药物名称</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>次/日</source>
        <translation>times/day</translation>
    </message>
    <message>
        <source>mg/次</source>
        <translation>mg/dose</translation>
    </message>
    <message>
        <source>复制上次用药</source>
        <translation>Copy last medication</translation>
    </message>
    <message>
        <source>添加一种药物</source>
        <translation>Add a drug</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>随访方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>随访结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>心率</source>
        <translation>Heart rate</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>空腹血糖</source>
        <translation>Fasting glucose</translation>
    </message>
    <message>
        <source>服药依从性</source>
        <translation>Adherence</translation>
    </message>
    <message>
        <source>紧急转诊情况</source>
        <translation>Emergency signs</translation>
    </message>
    <message>
        <source>用药情况</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>此次随访分类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>下次随访日期</source>
        <translation>Next visit date</translation>
    </message>
    <message>
        <source>随访医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存并开转诊单</source>
        <translation>Save and refer</translation>
    </message>
    <message>
        <source>目标体重</source>
        <translation>Target weight</translation>
    </message>
    <message>
        <source>身高（算体质指数）</source>
        <translation>Height (for BMI)</translation>
    </message>
    <message>
        <source>日吸烟量（支）</source>
        <translation>Cigarettes per day</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>now</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>target</translation>
    </message>
    <message>
        <source>日饮酒量（两）</source>
        <translation>Alcohol per day (liang)</translation>
    </message>
    <message>
        <source>运动（次/周）</source>
        <translation>Exercise (times/week)</translation>
    </message>
    <message>
        <source>运动（分钟/次）</source>
        <translation>Exercise (minutes/time)</translation>
    </message>
    <message>
        <source>主食（克/天）</source>
        <translation>Staple food (g/day)</translation>
    </message>
    <message>
        <source>摄盐情况</source>
        <translation>Salt intake</translation>
    </message>
    <message>
        <source>心理调整</source>
        <translation>Psychological adjustment</translation>
    </message>
    <message>
        <source>遵医行为</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>test date</translation>
    </message>
    <message>
        <source>种类</source>
        <translation>type</translation>
    </message>
    <message>
        <source>用法和用量</source>
        <translation>usage and dose</translation>
    </message>
    <message>
        <source>足背动脉搏动</source>
        <translation>Dorsalis pedis pulse</translation>
    </message>
    <message>
        <source>糖化血红蛋白（%）</source>
        <translation>HbA1c (%)</translation>
    </message>
    <message>
        <source>低血糖反应</source>
        <translation>Hypoglycaemia</translation>
    </message>
    <message>
        <source>胰岛素</source>
        <translation>Insulin</translation>
    </message>
    <message>
        <source>用药调整意见</source>
        <translation>Medication adjustment</translation>
    </message>
    <message>
        <source>下一步管理措施</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>转诊联系人及电话</source>
        <translation>Referral contact and phone</translation>
    </message>
    <message>
        <source>转诊结果</source>
        <translation>Referral result</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>辅助检查</source>
        <translation>Auxiliary examinations</translation>
    </message>
    <message>
        <source>不良反应说明</source>
        <translation>Adverse reaction details</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>Referral reason</translation>
    </message>
    <message>
        <source>转诊机构及科别</source>
        <translation>Referral institution and department</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>{problem}，改正后分类</source>
        <translation>{problem}: correct it to classify</translation>
    </message>
    <message>
        <source>测得血压后分类</source>
        <translation>classified once blood pressure is measured</translation>
    </message>
    <message>
        <source>测得空腹血糖后分类</source>
        <translation>classified once fasting glucose is measured</translation>
    </message>
    <message>
        <source>建议：{cls}，下次随访 {date}</source>
        <translation>Suggested: {cls}, next visit {date}</translation>
    </message>
    <message>
        <source>；建议转诊</source>
        <translation>; referral suggested</translation>
    </message>
    <message>
        <source>紧急转诊：{reasons}</source>
        <translation>Emergency referral: {reasons}</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>Emergency referral</translation>
    </message>
    <message>
        <source>此次随访需要紧急转诊：{reasons}。是否开具转诊单？</source>
        <translation>This visit calls for an emergency referral: {reasons}. Issue a referral slip?</translation>
    </message>
    <message>
        <source>请核实</source>
        <translation>Please check</translation>
    </message>
    <message>
        <source>确认保存吗？</source>
        <translation>Save anyway?</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation>Fields to correct: {n}; everything you typed is kept</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>逾期未随访</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>7天内到期</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <source>今年未随访</source>
        <translation>Not seen this year</translation>
    </message>
    <message>
        <source>全部在管患者</source>
        <translation>All managed</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <source>全部村民小组</source>
        <translation>All village groups</translation>
    </message>
    <message>
        <source>全部责任医生</source>
        <translation>All doctors</translation>
    </message>
    <message>
        <source>在当前列表中查找：姓名、拼音首字母、档案编号、电话</source>
        <translation>Find: name, initials, archive no., phone</translation>
    </message>
    <message>
        <source>录入随访 (Enter)</source>
        <translation>Record visit (Enter)</translation>
    </message>
    <message>
        <source>共 {n} 人（{rows} 项随访）</source>
        <translation>Patients: {n} ({rows} follow-up programmes)</translation>
    </message>
    <message>
        <source>此患者不在当前筛选中 — 显示全部在管患者</source>
        <translation>This patient is not in the current filter — showing all managed patients</translation>
    </message>
    <message>
        <source>{all}，找到 {n} 人</source>
        <translation>{all}; found: {n}</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>Patients: {n}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>放弃填写的内容</source>
        <translation>Discard what you typed</translation>
    </message>
    <message>
        <source>填写的内容还没有保存。确定放弃吗？</source>
        <translation>What you typed has not been saved. Discard it?</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>在“居民档案”中搜索、建档或导入花名册。</source>
        <translation>Search, enrol or import a roster under Health records.</translation>
    </message>
    <message>
        <source>未结转诊（紧急在前）</source>
        <translation>Open referrals (urgent first)</translation>
    </message>
    <message>
        <source>在册居民</source>
        <translation>Residents on the books</translation>
    </message>
    <message>
        <source>家庭户</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>65岁及以上</source>
        <translation>Aged 65 and over</translation>
    </message>
    <message>
        <source>建档立卡、脱贫及监测人口</source>
        <translation>Poor, lifted and monitored</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>Family doctor contracts</translation>
    </message>
    <message>
        <source>慢病在管患者</source>
        <translation>Chronic patients under management</translation>
    </message>
    <message>
        <source>逾期未随访</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>7天内到期随访</source>
        <translation>Follow-ups due within 7 days</translation>
    </message>
    <message>
        <source>今年未随访</source>
        <translation>Not seen this year</translation>
    </message>
    <message>
        <source>专项随访逾期</source>
        <translation>Special follow-ups overdue</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>登记贫困户</source>
        <translation>Register poor household</translation>
    </message>
    <message>
        <source>任一家庭成员的姓名或档案编号</source>
        <translation>Name or archive number of any household member</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <translation>Poor because of illness</translation>
    </message>
    <message>
        <source>因病返贫</source>
        <translation>Back in poverty because of illness</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Household member</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>Poverty status</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>Cause of poverty</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>Indicator</name>
    <message>
        <source>老年人健康管理率</source>
        <translation>Elderly health management rate</translation>
    </message>
    <message>
        <source>{day} 已体检</source>
        <translation>Checked on {day}</translation>
    </message>
    <message>
        <source>已登记，不同意参加管理：在册患者，未纳入管理</source>
        <translation>Registered, declined management: a registered patient, not under management</translation>
    </message>
    <message>
        <source>严重精神障碍患者规范管理率</source>
        <translation>SMI standard management rate</translation>
    </message>
    <message>
        <source>本期随访 {n} 次，应至少 {need} 次</source>
        <translation>Follow-ups in this period: {n}; at least {need} required</translation>
    </message>
    <message>
        <source>随访 {n} 次，应至少 {need} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）</source>
        <translation>Follow-ups {n}, at least {need} required (under management {start} to {end}, quarters: {quarters}, pro rata by quarter)</translation>
    </message>
    <message>
        <source>管理人群病情稳定率</source>
        <translation>SMI stable rate</translation>
    </message>
    <message>
        <source>本期无随访</source>
        <translation>No follow-up in this period</translation>
    </message>
    <message>
        <source>{day} 末次随访：稳定</source>
        <translation>Latest follow-up {day}: stable</translation>
    </message>
    <message>
        <source>{day} 末次随访：未稳定</source>
        <translation>Latest follow-up {day}: not stable</translation>
    </message>
    <message>
        <source>健康档案建档率</source>
        <translation>Health record coverage</translation>
    </message>
    <message>
        <source>{date} 建档，期末在册</source>
        <translation>Record made {date}, on the register at the end of the period</translation>
    </message>
    <message>
        <source>电子健康档案建档率</source>
        <translation>Electronic health record coverage</translation>
    </message>
    <message>
        <source>电子档案缺{field}</source>
        <translation>Electronic record lacks the {field}</translation>
    </message>
    <message>
        <source>电子档案缺{first}和{second}</source>
        <translation>Electronic record lacks the {first} and the {second}</translation>
    </message>
    <message>
        <source>{date} 建电子档案，身份证号和现住址齐全</source>
        <translation>Electronic record made {date}, with ID number and current address</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>健康体检</source>
        <translation>Health check</translation>
    </message>
    <message>
        <source>严重精神障碍随访</source>
        <translation>Severe mental disorder follow-up</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>健康档案使用率</source>
        <translation>Health record use</translation>
    </message>
    <message>
        <source>本期没有服务记录</source>
        <translation>No service entry in the period</translation>
    </message>
    <message>
        <source>{date} 有{what}记录</source>
        <translation>{what} on {date}</translation>
    </message>
    <message>
        <source>本年面对面随访 {done} 次，要求 {required} 次</source>
        <translation>Face-to-face follow-ups this year: {done} ({required} required)</translation>
    </message>
    <message>
        <source>本期面对面随访 {done} 次，要求 {required} 次</source>
        <translation>{done} face-to-face follow-ups in the period, {required} required</translation>
    </message>
    <message>
        <source>面对面随访 {done} 次，要求 {required} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）</source>
        <translation>Face-to-face follow-ups {done}, {required} required (under management {start} to {end}, quarters: {quarters}, pro rata by quarter)</translation>
    </message>
    <message>
        <source>本期没有测量血压的随访</source>
        <translation>No follow-up with a blood pressure reading in the period</translation>
    </message>
    <message>
        <source>本期没有测量空腹血糖的随访</source>
        <translation>No follow-up with a fasting glucose reading in the period</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，达标（&lt; {limit}）</source>
        <translation>Latest follow-up {date}: BP {sbp}/{dbp} mmHg, on target (&lt; {limit})</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，未达标（目标 &lt; {limit}）</source>
        <translation>Latest follow-up {date}: BP {sbp}/{dbp} mmHg, above target (&lt; {limit})</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 空腹血糖 {glucose} mmol/L，达标（&lt; {limit}）</source>
        <translation>Latest follow-up {date}: fasting glucose {glucose} mmol/L, on target (&lt; {limit})</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 空腹血糖 {glucose} mmol/L，未达标（目标 &lt; {limit}）</source>
        <translation>Latest follow-up {date}: fasting glucose {glucose} mmol/L, above target (&lt; {limit})</translation>
    </message>
    <message>
        <source>高血压患者规范管理率</source>
        <translation>Hypertension: standard management rate</translation>
    </message>
    <message>
        <source>管理人群血压控制率</source>
        <translation>Hypertension: blood pressure control rate</translation>
    </message>
    <message>
        <source>2型糖尿病患者规范管理率</source>
        <translation>Type 2 diabetes: standard management rate</translation>
    </message>
    <message>
        <source>管理人群血糖控制率</source>
        <translation>Type 2 diabetes: glucose control rate</translation>
    </message>
    <message>
        <source>没有名为“{key}”的指标；可用的有：{keys}</source>
        <translation>There is no indicator &quot;{key}&quot;; available: {keys}</translation>
    </message>
    <message>
        <source>累计要与季度一起给出（从1月1日累计到该季度末）</source>
        <translation>--cumulative goes with a quarter (from 1 January to the end of that quarter)</translation>
    </message>
    <message>
        <source>季度应是 1、2、3 或 4</source>
        <translation>The quarter must be 1, 2, 3 or 4</translation>
    </message>
    <message>
        <source>没有乡镇代码为 {code} 的乡镇，或无权查看它的报表</source>
        <translation>No township with code {code}, or you may not view its report</translation>
    </message>
    <message>
        <source>没有村代码为 {code} 的村，或无权查看它的报表</source>
        <translation>There is no village with code {code}, or you may not see its report</translation>
    </message>
    <message>
        <source>统计期从 {start} 开始，还没有到（今天是 {today}），没有可统计的数据</source>
        <translation>The period starts on {start}, which has not come yet (today is {today}): there is nothing to count</translation>
    </message>
    <message>
        <source>名单应是 numerator（分子）或 denominator（分母）</source>
        <translation>The list must be numerator or denominator</translation>
    </message>
    <message>
        <source>“{name}”只统计严重精神障碍患者，您无权查看这类患者</source>
        <translation>&quot;{name}&quot; counts only severe mental disorder patients, whom you may not see</translation>
    </message>
    <message>
        <source>“{name}”的分母是{figure}，不是名单</source>
        <translation>The denominator of &quot;{name}&quot; is {figure}, not a list</translation>
    </message>
    <message>
        <source>{groups}：已签约，有效至 {end}</source>
        <translation>{groups}: under contract until {end}</translation>
    </message>
    <message>
        <source>已签约，有效至 {end}</source>
        <translation>Under contract until {end}</translation>
    </message>
    <message>
        <source>{groups}：{day} 的签约（续约）还待居民签字，未计为已签约</source>
        <translation>{groups}: the contract (renewal) in force on {day} still awaits the resident&apos;s signature; not counted as signed</translation>
    </message>
    <message>
        <source>{day} 的签约（续约）还待居民签字，未计为已签约</source>
        <translation>The contract (renewal) in force on {day} still awaits the resident&apos;s signature; not counted as signed</translation>
    </message>
    <message>
        <source>{groups}：{day} 没有有效的签约</source>
        <translation>{groups}: no contract in force on {day}</translation>
    </message>
    <message>
        <source>{day} 没有有效的签约</source>
        <translation>No contract in force on {day}</translation>
    </message>
    <message>
        <source>家庭医生签约率</source>
        <translation>Family-doctor contract rate</translation>
    </message>
    <message>
        <source>家庭医生续约率</source>
        <translation>Family doctor contract renewal rate</translation>
    </message>
    <message>
        <source>{end} 期满，未续约</source>
        <translation>term ended {end}, not renewed</translation>
    </message>
    <message>
        <source>{end} 期满，已续约，续约还待居民签字</source>
        <translation>term ended {end}, renewed, the renewal awaits the resident&apos;s signature</translation>
    </message>
    <message>
        <source>{end} 期满，已续约（{start} 起）</source>
        <translation>term ended {end}, renewed (from {start})</translation>
    </message>
    <message>
        <source>重点人群家庭医生签约率</source>
        <translation>Contract rate: key groups</translation>
    </message>
    <message>
        <source>65岁及以上老年人家庭医生签约率</source>
        <translation>Contract rate: aged 65 and over</translation>
    </message>
    <message>
        <source>高血压患者家庭医生签约率</source>
        <translation>Contract rate: hypertension</translation>
    </message>
    <message>
        <source>2型糖尿病患者家庭医生签约率</source>
        <translation>Contract rate: type 2 diabetes</translation>
    </message>
    <message>
        <source>严重精神障碍患者家庭医生签约率</source>
        <translation>Contract rate: SMI</translation>
    </message>
    <message>
        <source>0～6岁儿童家庭医生签约率</source>
        <translation>Contract rate: children aged 0–6</translation>
    </message>
    <message>
        <source>残疾人家庭医生签约率</source>
        <translation>Contract rate: people with disabilities</translation>
    </message>
    <message>
        <source>贫困人口家庭医生签约率</source>
        <translation>Contract rate: registered poor</translation>
    </message>
    <message>
        <source>贫困慢病患者月随访率</source>
        <translation>Monthly follow-up rate of poor chronic patients</translation>
    </message>
    <message>
        <source>{done}个月每月都有随访</source>
        <translation>A follow-up in every month (months: {done})</translation>
    </message>
    <message>
        <source>{done}/{months}个月有随访，缺{missing}</source>
        <translation>Months with a follow-up: {done} of {months}; missing {missing}</translation>
    </message>
    <message>
        <source>{date} {place}：{topic}（{form}）</source>
        <translation>{date} {place}: {topic} ({form})</translation>
    </message>
    <message>
        <source>健康知识讲座次数</source>
        <translation>Health lectures held</translation>
    </message>
    <message>
        <source>公众健康咨询活动次数</source>
        <translation>Public consultations held</translation>
    </message>
    <message>
        <source>宣传栏更换次数</source>
        <translation>Bulletin board updates</translation>
    </message>
    <message>
        <source>印刷资料种类数</source>
        <translation>Printed material kinds</translation>
    </message>
    <message>
        <source>音像资料种类数</source>
        <translation>Kinds of audio-visual material</translation>
    </message>
    <message>
        <source>年度最低次数</source>
        <translation>yearly minimum count</translation>
    </message>
</context>
<context>
    <name>IndicatorDrilldown</name>
    <message>
        <source>指标名单</source>
        <translation>Residents behind an indicator</translation>
    </message>
    <message>
        <source>分子（计入的居民）</source>
        <translation>Numerator (residents counted)</translation>
    </message>
    <message>
        <source>计入的活动</source>
        <translation>Activities counted</translation>
    </message>
    <message>
        <source>分母（这项指标统计的全部居民）</source>
        <translation>Denominator (everyone this indicator counts)</translation>
    </message>
    <message>
        <source>只看未计入的</source>
        <translation>Only those not counted</translation>
    </message>
    <message>
        <source>这项指标的分母是录入的人口数，不是居民名单：人口数在工作台的“人口数…”中录入</source>
        <translation>This indicator&apos;s denominator is an entered population figure, not a list of residents: population figures are entered under &quot;Population…&quot; on the Today page</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>计入</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>村或单位</source>
        <translation>Village or unit</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>双击一行打开该居民的档案</source>
        <translation>Double-click a line to open the resident&apos;s record</translation>
    </message>
    <message>
        <source>正在列出居民…</source>
        <translation>Listing residents…</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>共 {n} 次活动</source>
        <translation>Activities: {n}</translation>
    </message>
    <message>
        <source>共 {n} 人，计入 {counted} 人</source>
        <translation>Residents: {n}, counted: {counted}</translation>
    </message>
</context>
<context>
    <name>LastSyncLabel</name>
    <message>
        <source>网络同步：未设置</source>
        <translation>Network sync: not set up</translation>
    </message>
    <message>
        <source>上次同步：{when}（本机已被撤销信任）</source>
        <translation>Last sync: {when} (this PC was revoked)</translation>
    </message>
    <message>
        <source>上次同步：{when}（最近一次失败）</source>
        <translation>Last sync: {when} (latest try failed)</translation>
    </message>
    <message>
        <source>上次同步：{when}</source>
        <translation>Last sync: {when}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>村医 CunYi — 登录</source>
        <translation>CunYi — Log in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>首次使用：请为管理员设置密码（至少6个字符），以后用它登录。</source>
        <translation>First use: choose the admin&apos;s password (at least 6 characters); you will log in with it.</translation>
    </message>
    <message>
        <source>请登录。每一次修改都会记录操作人。</source>
        <translation>Please log in. Every change records who made it.</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>村卫生室</source>
        <translation>Village clinic</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>Township health centre</translation>
    </message>
    <message>
        <source>村医 CunYi — {name}</source>
        <translation>CunYi — {name}</translation>
    </message>
    <message>
        <source>（县级）</source>
        <translation> (county)</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>居民档案</source>
        <translation>Health records</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>专项随访</source>
        <translation>Special follow-up</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poverty</translation>
    </message>
    <message>
        <source>健康教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>质量</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>{role}：{name}（{code}）</source>
        <translation>{role}: {name} ({code})</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>当前用户：{user}</source>
        <translation>User: {user}</translation>
    </message>
</context>
<context>
    <name>NetSync</name>
    <message>
        <source>只有乡镇卫生院或县级的电脑能运行同步服务器</source>
        <translation>Only a township health centre&apos;s or a county&apos;s computer can run the sync server</translation>
    </message>
    <message>
        <source>同步包的发送方或接收方不符</source>
        <translation>The bundle&apos;s sender or recipient does not match</translation>
    </message>
    <message>
        <source>同步包编号与上传编号不符</source>
        <translation>The bundle&apos;s number does not match the upload&apos;s</translation>
    </message>
    <message>
        <source>端口应是 1024 到 65535 之间的整数，不是“{port}”</source>
        <translation>The port must be a whole number from 1024 to 65535, not &quot;{port}&quot;</translation>
    </message>
    <message>
        <source>无法在 {host}:{port} 上开启服务：{reason}</source>
        <translation>Cannot serve on {host}:{port}: {reason}</translation>
    </message>
    <message>
        <source>请填写服务器地址（例如 http://192.168.1.10:8765）</source>
        <translation>Enter the server address (for example http://192.168.1.10:8765)</translation>
    </message>
    <message>
        <source>“{url}”不是有效的服务器地址（例如 http://192.168.1.10:8765）</source>
        <translation>&quot;{url}&quot; is not a valid server address (e.g. http://192.168.1.10:8765)</translation>
    </message>
    <message>
        <source>证书指纹应为 64 位十六进制数字</source>
        <translation>A certificate fingerprint is 64 hexadecimal digits</translation>
    </message>
    <message>
        <source>https 地址需要乡镇卫生院设备卡上的证书指纹：请先导入载有证书指纹的乡镇卫生院设备卡，或使用 http 地址</source>
        <translation>An https address needs the certificate fingerprint from the township&apos;s device card: import a township card that carries one, or use an http address</translation>
    </message>
    <message>
        <source>还没有信任上级（乡镇卫生院或县级）的设备卡：请先核对指纹并导入它</source>
        <translation>The upper level&apos;s (township or county) device card is not trusted yet: check its fingerprint and import it first</translation>
    </message>
    <message>
        <source>共用这个数据库的另一台工作站正在同步：这次不再同步，等它完成即可</source>
        <translation>Another workstation sharing this database is syncing: this one did not run; let that one finish</translation>
    </message>
    <message>
        <source>网络同步由下级发起；县级请运行 cunyi serve</source>
        <translation>Network sync is started from below; a county runs cunyi serve</translation>
    </message>
    <message>
        <source>还没有设置乡镇卫生院服务器地址：请在“同步”页填写，或用 --server 指定</source>
        <translation>No township server address yet: enter it on the Sync page, or give --server</translation>
    </message>
    <message>
        <source>本机已有一次同步正在进行（程序窗口的自动同步，或计划任务）：这次不再同步，等它完成即可</source>
        <translation>A sync of this PC is already under way (the window&apos;s automatic sync, or a scheduled task): this one did not run; let that one finish</translation>
    </message>
    <message>
        <source>磁盘空间已满，同步未完成：请腾出磁盘空间（删除不用的文件）后再同步，已保存的数据没有丢失</source>
        <translation>The disk is full and the sync did not finish: free some space (delete files you no longer need) and sync again. Nothing already saved was lost</translation>
    </message>
    <message>
        <source>本机拒收了上级发来的同步包（{file}）：{reason}。本机未导入它，以后的同步包也会因此收不到，请联系上级核对</source>
        <translation>This PC refused a bundle from its upstream ({file}): {reason}. It was not imported, and later bundles will not come through either until it is put right: please contact the upstream to check it</translation>
    </message>
    <message>
        <source>同步时出错（详见日志），稍后会自动重试</source>
        <translation>Sync failed (see the log); it will be retried automatically</translation>
    </message>
    <message>
        <source>服务器证书与乡镇卫生院设备卡上的指纹不符：可能连到了假冒的服务器，已停止同步</source>
        <translation>The server&apos;s certificate does not match the fingerprint on the township&apos;s card: it may be an impostor; sync stopped</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器响应超时，稍后会自动重试</source>
        <translation>The township server took too long to answer; will retry automatically</translation>
    </message>
    <message>
        <source>连不上乡镇卫生院服务器 {url}：网络不通，或服务器没有开</source>
        <translation>Cannot reach the township server {url}: no network, or the server is not running</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器不认识本机：请乡镇卫生院核对指纹后导入本机的设备卡</source>
        <translation>The township server does not know this PC: the township must check its fingerprint and import this PC&apos;s card</translation>
    </message>
    <message>
        <source>乡镇卫生院已撤销对本机的信任，不能再同步</source>
        <translation>The township has revoked its trust in this PC; it can no longer sync</translation>
    </message>
    <message>
        <source>乡镇卫生院拒收了本机的同步包。乡镇卫生院的说明：{reason}</source>
        <translation>The township refused this PC&apos;s bundle. The township&apos;s explanation: {reason}</translation>
    </message>
    <message>
        <source>{url} 不是乡镇卫生院的同步服务器（没有按村医的方式应答）：请在设置中核对服务器地址</source>
        <translation>{url} is not the township&apos;s sync server (it does not answer as CunYi does): check the server address in Settings</translation>
    </message>
    <message>
        <source>这个同步包上次的上传连接还没有断开，服务器暂时不能接着收：稍后会自动重试</source>
        <translation>The server still holds the last connection that was uploading this bundle and cannot take more of it yet: it will be tried again later</translation>
    </message>
    <message>
        <source>服务器发来的同步包与它列出的大小不符，已停止下载并丢弃</source>
        <translation>The server sent more than the size it listed for the bundle: the download was stopped and discarded</translation>
    </message>
    <message>
        <source>服务器的应答没有乡镇卫生院的签名：可能连到了假冒的服务器（或服务器的版本太旧），已停止同步</source>
        <translation>The server&apos;s answer does not carry the township&apos;s signature: this may be a fake server (or one running an older version). Sync stopped</translation>
    </message>
    <message>
        <source>服务器把这次请求当作重放而拒绝了：稍后会自动重试</source>
        <translation>The server refused the request as a replay; it will be retried automatically</translation>
    </message>
    <message>
        <source>服务器认为本机请求的签名不符：请核对本机的设备卡</source>
        <translation>The server found this PC&apos;s request signature invalid: check this PC&apos;s device card</translation>
    </message>
    <message>
        <source>同步包超过服务器允许的大小，服务器拒收</source>
        <translation>The bundle is larger than the server allows; refused</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器磁盘空间不足，稍后再试</source>
        <translation>The township server is short of disk space; will try again later</translation>
    </message>
    <message>
        <source>乡镇卫生院的数据库正忙，这次没有同步：稍后会自动重试</source>
        <translation>The township&apos;s database is busy, so nothing was synced this time: it will be tried again automatically</translation>
    </message>
    <message>
        <source>乡镇卫生院的数据库已迁到数据库服务器，同步服务需要在那边重新启动：稍后会自动重试</source>
        <translation>The township&apos;s store has moved to a database server and its sync service must be restarted there: will retry automatically</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器暂时出错（{status}），稍后会自动重试</source>
        <translation>The township server had an error ({status}); will retry automatically</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器拒绝了请求（{status}）：{reason}</source>
        <translation>The township server refused the request ({status}): {reason}</translation>
    </message>
    <message>
        <source>服务器 {url} 列出的同步包有 {size} MB，超过同步包的上限 {limit} MB，没有下载：乡镇卫生院不会发出这样的同步包，请核对服务器地址</source>
        <translation>The server {url} lists a bundle of {size} MB, above the {limit} MB limit for a bundle, so it was not downloaded: no township health centre sends such a bundle. Check the server address</translation>
    </message>
    <message>
        <source>下载中断（已收到 {got} / {size} 字节），下次从断点继续</source>
        <translation>Download interrupted ({got} of {size} bytes received); the next try resumes from there</translation>
    </message>
    <message>
        <source>下载的同步包校验不符，已丢弃，下次重新下载</source>
        <translation>The downloaded bundle failed its checksum; discarded, it will be fetched again</translation>
    </message>
    <message>
        <source>本机磁盘空间不足：下载同步包需要 {need} MB，磁盘只剩 {free} MB（还要留 {reserve} MB 给导入和录入）。请清理磁盘后再同步</source>
        <translation>Not enough disk space on this PC: downloading the bundle needs {need} MB and only {free} MB are free ({reserve} MB must stay free for the import and data entry). Free some space, then sync again</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器快约 {gap} 天：请校准本机的日期和时间后再同步</source>
        <translation>This PC&apos;s clock is ahead of the township server (days ahead: about {gap}): correct this PC&apos;s date and time, then sync</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器慢约 {gap} 天：请校准本机的日期和时间后再同步</source>
        <translation>This PC&apos;s clock is behind the township server (days behind: about {gap}): correct this PC&apos;s date and time, then sync</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器快约 {gap} 分钟：请校准本机的日期和时间后再同步</source>
        <translation>This PC&apos;s clock is about {gap} minutes ahead of the township server: correct this PC&apos;s date and time, then sync</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器慢约 {gap} 分钟：请校准本机的日期和时间后再同步</source>
        <translation>This PC&apos;s clock is about {gap} minutes behind the township server: correct this PC&apos;s date and time, then sync</translation>
    </message>
</context>
<context>
    <name>NetworkSync</name>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>township</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>county</translation>
    </message>
    <message>
        <source>已保存。本机能连上{upper}时会自动同步。</source>
        <translation>Saved. This PC syncs by itself whenever it can reach the {upper} server.</translation>
    </message>
    <message>
        <source>{upper}已撤销对本机的信任，不再接收本机的同步包。要恢复同步：点上方“导出本机设备卡…”，把设备卡交给{upper}，电话核对指纹后请{upper}重新信任本机，然后点“立即同步”。</source>
        <translation>The {upper} has revoked its trust in this PC and no longer accepts its sync bundles. To sync again: click &quot;Export this device&apos;s card…&quot; above, give the card to the {upper}, ask them to check its fingerprint with you by phone and trust this PC again, then click &quot;Sync now&quot;.</translation>
    </message>
</context>
<context>
    <name>NetworkSyncBox</name>
    <message>
        <source>网络同步（{upper}服务器）</source>
        <translation>Network sync ({upper} server)</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8765</source>
        <translation>e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>保存地址</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>服务器地址：</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>上传</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>下载</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>变更（发/收）</source>
        <translation>Changes (out/in)</translation>
    </message>
    <message>
        <source>流量</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>尚未设置服务器地址：填写后保存，本机会在能连上{upper}时自动同步。</source>
        <translation>No server address yet: enter and save it, and this PC syncs by itself whenever the {upper} server can be reached.</translation>
    </message>
    <message>
        <source>上次成功：{ok}&#x3000;待上传同步包：{files} 个&#x3000;{upper}未确认：{changes} 条变更</source>
        <translation>Last success: {ok}   Bundles to send: {files}   Changes not yet acknowledged by the {upper}: {changes}</translation>
    </message>
    <message>
        <source>上次成功：{ok}&#x3000;下次尝试：{next}&#x3000;待上传同步包：{files} 个&#x3000;{upper}未确认：{changes} 条变更</source>
        <translation>Last success: {ok}   Next try: {next}   Bundles to send: {files}   Changes not yet acknowledged by the {upper}: {changes}</translation>
    </message>
    <message>
        <source>随时</source>
        <translation>any time</translation>
    </message>
    <message>
        <source>上次失败（连续 {n} 次）：{error}</source>
        <translation>Last try failed ({n} in a row): {error}</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>网络同步</source>
        <translation>Network sync</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>操作没有完成，未保存任何内容。详细信息已写入日志：{error}</source>
        <translation>The operation did not finish and nothing was saved. The details are in the log: {error}</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>权限</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>精神卫生：可以查看和管理严重精神障碍患者的档案和随访（只授予负责精神卫生的公卫人员）</source>
        <translation>Mental health: may see and manage the records and follow-ups of severe mental disorder patients (grant it only to the public-health staff in charge of mental health)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>一患一策</source>
        <translation>Patient plan</translation>
    </message>
    <message>
        <source>姓名、17位档案编号或后8位</source>
        <translation>Name, 17-digit archive number or its last 8 digits</translation>
    </message>
    <message>
        <source>留空：在管的慢病</source>
        <translation>Blank: the chronic diseases under management</translation>
    </message>
    <message>
        <source>今年已做，日期</source>
        <translation>Done this year, on</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>疾病</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>救治方式</source>
        <translation>Treatment track</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>免费健康体检</source>
        <translation>Free health check</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>Population</name>
    <message>
        <source>常住人口</source>
        <translation>resident population</translation>
    </message>
    <message>
        <source>65岁及以上常住人口</source>
        <translation>resident population aged 65+</translation>
    </message>
    <message>
        <source>年份应在 {low} 到 {high} 之间</source>
        <translation>The year must be between {low} and {high}</translation>
    </message>
    <message>
        <source>{what}应是 0 到 {high} 之间的整数</source>
        <translation>The {what} must be a whole number from 0 to {high}</translation>
    </message>
    <message>
        <source>人口数由乡镇卫生院录入，同步到各村</source>
        <translation>Population figures are entered at the township health centre and synced to the villages</translation>
    </message>
    <message>
        <source>{year}年还没有到，人口数最多录入到明年</source>
        <translation>{year} has not come yet: figures can be entered up to next year</translation>
    </message>
    <message>
        <source>65岁及以上人口不能多于常住人口</source>
        <translation>The population aged 65+ cannot exceed the resident population</translation>
    </message>
    <message>
        <source>本乡镇没有村代码为 {code} 的村</source>
        <translation>This township has no village with code {code}</translation>
    </message>
    <message>
        <source>{village}{year}年的{what}填了 {given} 人，少于该村已建档的 {records} 人：这样比率会超过100%，请核对</source>
        <translation>The {what} of {village} for {year} is entered as {given}, fewer than the village&apos;s {records} enrolled records: its rates would exceed 100%. Please check the figure</translation>
    </message>
    <message>
        <source>{village}的{what}应是整数，不能是“{text}”</source>
        <translation>{village}: the {what} must be a whole number, not &quot;{text}&quot;</translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message>
        <source>{year} 年人口数</source>
        <translation>Population figures {year}</translation>
    </message>
    <message>
        <source>{year} 年各村常住人口和65岁及以上常住人口，用作{year} 年{names}的分母；保存后随同步发到各村。</source>
        <translation>Each village&apos;s resident population and residents aged 65 and over in {year}: the denominators of {names} for {year}. Saved figures go to the villages with the next sync.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>Resident population</translation>
    </message>
    <message>
        <source>65岁及以上</source>
        <translation>Aged 65+</translation>
    </message>
</context>
<context>
    <name>Poverty</name>
    <message>
        <source>{label}“{value}”不存在，可选：{choices}</source>
        <translation>{label} &quot;{value}&quot; does not exist; choose from: {choices}</translation>
    </message>
    <message>
        <source>登记日期不能晚于今天</source>
        <translation>The registration date cannot be later than today</translation>
    </message>
    <message>
        <source>非贫困户不填致贫原因</source>
        <translation>A household that is not poor has no cause of poverty</translation>
    </message>
    <message>
        <source>这一户没有登记为贫困户</source>
        <translation>This household is not registered as poor</translation>
    </message>
    <message>
        <source>请填写致贫原因</source>
        <translation>Enter the cause of poverty</translation>
    </message>
    <message>
        <source>因病致贫、因病返贫只用于致贫原因为“因病”的户</source>
        <translation>Poor by illness and back in poverty by illness apply only to a household whose cause of poverty is illness</translation>
    </message>
    <message>
        <source>因病致贫和因病返贫只能选一个</source>
        <translation>Choose either poor by illness or back in poverty by illness, not both</translation>
    </message>
    <message>
        <source>登记日期不能早于{year}年（建档立卡始于{year}年）</source>
        <translation>The registration date cannot be before {year} (poor households were registered from {year})</translation>
    </message>
    <message>
        <source>{name}不在册（{status}），不能制定一患一策</source>
        <translation>{name} is no longer on the roll ({status}): no treatment plan can be made</translation>
    </message>
    <message>
        <source>{name}不属于登记的贫困户：请先登记户的贫困状态</source>
        <translation>{name} is not in a registered poor household: register the household first</translation>
    </message>
    <message>
        <source>请填写帮扶措施</source>
        <translation>Enter the measures</translation>
    </message>
    <message>
        <source>请填写复核日期</source>
        <translation>Enter the review date</translation>
    </message>
    <message>
        <source>复核日期不能早于今天</source>
        <translation>The review date cannot be earlier than today</translation>
    </message>
    <message>
        <source>复核日期最晚为一年后（{d}）</source>
        <translation>The review date must be within a year (by {d})</translation>
    </message>
    <message>
        <source>体检日期不能晚于今天</source>
        <translation>The health check date cannot be later than today</translation>
    </message>
    <message>
        <source>免费健康体检日期应为今年（{year}年）的日期</source>
        <translation>The free health check date must be in this year ({year})</translation>
    </message>
    <message>
        <source>体检日期不能早于出生日期</source>
        <translation>The health check date cannot be before the date of birth</translation>
    </message>
    <message>
        <source>请填写疾病</source>
        <translation>Enter the condition</translation>
    </message>
    <message>
        <source>这一户不是建档立卡贫困户</source>
        <translation>This household is not registered as poor</translation>
    </message>
</context>
<context>
    <name>PovertyPage</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登记贫困户…</source>
        <translation>Register household…</translation>
    </message>
    <message>
        <source>一患一策…</source>
        <translation>Patient plan…</translation>
    </message>
    <message>
        <source>免费健康体检…</source>
        <translation>Free check…</translation>
    </message>
    <message>
        <source>为所选居民录入今年的免费健康体检（健康体检表）</source>
        <translation>Record this year&apos;s free health check (health check form) of the selected resident</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>打印一户一档…</source>
        <translation>Print household file…</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>Poverty status</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>Cause of poverty</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>慢病本月随访</source>
        <translation>Chronic visited this month</translation>
    </message>
    <message>
        <source>管理项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>病种</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>已签约/在册</source>
        <translation>Signed / members</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>未全户签约</source>
        <translation>Not all signed</translation>
    </message>
    <message>
        <source>本月未随访</source>
        <translation>No visit this month</translation>
    </message>
    <message>
        <source>一患一策待复核</source>
        <translation>Plans due for review</translation>
    </message>
    <message>
        <source>未制定一患一策</source>
        <translation>No plan</translation>
    </message>
    <message>
        <source>今年未体检</source>
        <translation>No health check this year</translation>
    </message>
    <message>
        <source>{n} 户</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n} 份</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>免费健康体检</source>
        <translation>Free health check</translation>
    </message>
    <message>
        <source>请先在名单中选择一位居民</source>
        <translation>Select a resident in the list first</translation>
    </message>
    <message>
        <source>打印一户一档</source>
        <translation>Print household file</translation>
    </message>
    <message>
        <source>请先选择一户或一位患者</source>
        <translation>Choose a household or a patient first</translation>
    </message>
    <message>
        <source>一户一档、一患一策</source>
        <translation>Household file and patient plans</translation>
    </message>
    <message>
        <source>导出贫困户</source>
        <translation>Export poor households</translation>
    </message>
    <message>
        <source>已导出 {n} 户</source>
        <translation>Households exported: {n}</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>随访方式</source>
        <translation>Visit method</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <source>其他：</source>
        <translation>Other:</translation>
    </message>
    <message>
        <source>失访原因：</source>
        <translation>Lost to follow-up: </translation>
    </message>
    <message>
        <source>死亡日期：</source>
        <translation>Died: </translation>
    </message>
    <message>
        <source>死亡原因：</source>
        <translation>Cause of death: </translation>
    </message>
    <message>
        <source>体征</source>
        <translation>Signs</translation>
    </message>
    <message>
        <source>血压（mmHg）</source>
        <translation>BP (mmHg)</translation>
    </message>
    <message>
        <source>体重（kg）</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>体质指数（kg/m²）</source>
        <translation>BMI (kg/m²)</translation>
    </message>
    <message>
        <source>心率（次/分钟）</source>
        <translation>Heart rate (/min)</translation>
    </message>
    <message>
        <source>足背动脉搏动</source>
        <translation>Dorsalis pedis pulse</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>生活方式指导</source>
        <translation>Lifestyle advice</translation>
    </message>
    <message>
        <source>日吸烟量（支）</source>
        <translation>Cigarettes/day</translation>
    </message>
    <message>
        <source>日饮酒量（两）</source>
        <translation>Liquor/day (liang)</translation>
    </message>
    <message>
        <source>运动</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>摄盐情况（咸淡）</source>
        <translation>Salt intake</translation>
    </message>
    <message>
        <source>主食（克/天）</source>
        <translation>Staple food (g/day)</translation>
    </message>
    <message>
        <source>心理调整</source>
        <translation>Psychological adjustment</translation>
    </message>
    <message>
        <source>遵医行为</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>辅助检查*</source>
        <translation>Tests*</translation>
    </message>
    <message>
        <source>辅助检查</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>空腹血糖值</source>
        <translation>Fasting glucose</translation>
    </message>
    <message>
        <source>其他检查*</source>
        <translation>Other tests*</translation>
    </message>
    <message>
        <source>服药依从性</source>
        <translation>Medication adherence</translation>
    </message>
    <message>
        <source>药物不良反应</source>
        <translation>Adverse drug reaction</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>低血糖反应</source>
        <translation>Hypoglycaemia</translation>
    </message>
    <message>
        <source>此次随访分类</source>
        <translation>Classification of this visit</translation>
    </message>
    <message>
        <source>用药情况</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>次/周</source>
        <translation>×/week</translation>
    </message>
    <message>
        <source>分钟/次</source>
        <translation>min/session</translation>
    </message>
    <message>
        <source>{n}次/周 {m}分钟/次</source>
        <translation>{n}×/week, {m} min/session</translation>
    </message>
    <message>
        <source>（目前/目标）</source>
        <translation>(now / target)</translation>
    </message>
    <message>
        <source>糖化血红蛋白{value}%</source>
        <translation>HbA1c {value}%</translation>
    </message>
    <message>
        <source>糖化血红蛋白</source>
        <translation>HbA1c</translation>
    </message>
    <message>
        <source>检查日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>每日</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>次</source>
        <translation>×</translation>
    </message>
    <message>
        <source>每次</source>
        <translation>each</translation>
    </message>
    <message>
        <source>每次{n}mg</source>
        <translation>{n} mg each</translation>
    </message>
    <message>
        <source>药物名称{n}</source>
        <translation>Drug {n}</translation>
    </message>
    <message>
        <source>用法用量</source>
        <translation>Dosage</translation>
    </message>
    <message>
        <source>胰岛素</source>
        <translation>Insulin</translation>
    </message>
    <message>
        <source>种类：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>用法和用量</source>
        <translation>Dosage</translation>
    </message>
    <message>
        <source>其他药物</source>
        <translation>Other drugs</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>机构及科别</source>
        <translation>Institution and department</translation>
    </message>
    <message>
        <source>下次随访日期</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>随访医生签名</source>
        <translation>Doctor&apos;s signature</translation>
    </message>
    <message>
        <source>高血压患者随访服务记录表</source>
        <translation>Hypertension Follow-up Record</translation>
    </message>
    <message>
        <source>2型糖尿病患者随访服务记录表</source>
        <translation>Type 2 Diabetes Follow-up Record</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>填表说明：在□中填写选项编号；多选项在对应□中逐一填写。*辅助检查填写检查项目及结果。</source>
        <translation>Write the option number in □; for several choices, one number per □. *Tests: name and result.</translation>
    </message>
    <message>
        <source>每日{n}次</source>
        <translation>{n}×/day</translation>
    </message>
    <message>
        <source>慢病随访卡</source>
        <translation>Follow-up Card</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>管理项目</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>血压：剧烈头痛、头晕、胸闷胸痛、心慌、视物模糊、一侧肢体麻木无力或意识改变，请立即就诊。</source>
        <translation>BP: severe headache, dizziness, chest pain, palpitations, blurred vision, one-sided numbness or weakness, confusion: see a doctor now.</translation>
    </message>
    <message>
        <source>低血糖：心慌、出汗、手抖、饥饿感、头晕乏力，立即吃糖或喝糖水；15分钟不缓解或意识不清，速就医。</source>
        <translation>Low sugar: palpitations, sweating, shaking, hunger, dizziness: take sugar now; not better in 15 min, or drowsy: get help.</translation>
    </message>
    <message>
        <source>高血糖：口渴多饮、多尿、恶心呕吐、腹痛、呼吸深快、呼气有烂苹果味或嗜睡，请立即就诊。</source>
        <translation>High sugar: great thirst, much urine, vomiting, belly pain, deep fast breathing, fruity breath, drowsiness: see a doctor now.</translation>
    </message>
    <message>
        <source>如有胸闷、心慌、视物模糊或意识改变，请立即就诊。</source>
        <translation>Chest tightness, palpitations, blurred vision or confusion: see a doctor at once.</translation>
    </message>
    <message>
        <source>新约定的随访日期{date}早于打印日期{today}，请选今天或以后的日期</source>
        <translation>The planned visit date {date} is before the print date {today}. Choose today or a later date.</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>扫码查档</source>
        <translation>Scan to open</translation>
    </message>
    <message>
        <source>随访提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>逾期 {n} 天，请尽快到卫生室随访</source>
        <translation>Days overdue: {n}. Please come to the clinic soon</translation>
    </message>
    <message>
        <source>下次随访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>＿＿年＿＿月＿＿日</source>
        <translation>＿＿＿＿-＿＿-＿＿</translation>
    </message>
    <message>
        <source>；{program}随访逾期 {n} 天</source>
        <translation>; {program} follow-up overdue, days: {n}</translation>
    </message>
    <message>
        <source>近期测量</source>
        <translation>Recent readings</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>目前用药</source>
        <translation>Current medication</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>每次就诊请带上此卡。</source>
        <translation>Bring this card to every visit.</translation>
    </message>
    <message>
        <source>{program}随访逾期 {n} 天，请尽快到卫生室随访</source>
        <translation>{program} follow-up overdue, days: {n}. Please come to the clinic soon</translation>
    </message>
    <message>
        <source>；{program}下次随访 {date}</source>
        <translation>; {program} next visit {date}</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>血糖</source>
        <translation>Glucose</translation>
    </message>
    <message>
        <source>另有{n}种药未印出，见随访记录</source>
        <translation>{n} more drugs not printed: see the follow-up record</translation>
    </message>
    <message>
        <source>随访卡</source>
        <translation>Follow-up card</translation>
    </message>
    <message>
        <source>第{n}张 正面</source>
        <translation>Sheet {n} front</translation>
    </message>
    <message>
        <source>第{n}张 背面（长边翻转双面打印）</source>
        <translation>Sheet {n} back (duplex, flip on long edge)</translation>
    </message>
    <message>
        <source>评估事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>判断评分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>总评分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>评估结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>0–3分 可自理；4–8分 轻度依赖；9–18分 中度依赖；≥19分 不能自理</source>
        <translation>0–3 independent; 4–8 slightly dependent; 9–18 moderately dependent; 19 or more fully dependent</translation>
    </message>
    <message>
        <source>姓名：＿＿＿＿</source>
        <translation>Name: ________</translation>
    </message>
    <message>
        <source>编号：＿＿＿-＿＿＿＿＿</source>
        <translation>No.: ___-_____</translation>
    </message>
    <message>
        <source>体检日期：＿＿＿＿年＿＿月＿＿日</source>
        <translation>Check date: ____-__-__</translation>
    </message>
    <message>
        <source>评估日期：＿＿＿＿年＿＿月＿＿日</source>
        <translation>Date: ____-__-__</translation>
    </message>
    <message>
        <source>姓名：{name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>编号：{no}</source>
        <translation>No.: {no}</translation>
    </message>
    <message>
        <source>{age}岁</source>
        <translation>age {age}</translation>
    </message>
    <message>
        <source>日期：{date}</source>
        <translation>Date: {date}</translation>
    </message>
    <message>
        <source>老年人生活自理能力评估表</source>
        <translation>Self-Care Assessment for Older People</translation>
    </message>
    <message>
        <source>生活自理能力评估</source>
        <translation>Self-care assessment</translation>
    </message>
    <message>
        <source>老年人健康体检表</source>
        <translation>Health Check for Older People</translation>
    </message>
    <message>
        <source>健康体检表</source>
        <translation>Health check form</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别/年龄</source>
        <translation>Sex/Age</translation>
    </message>
    <message>
        <source>家庭住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>上次体检</source>
        <translation>Last check</translation>
    </message>
    <message>
        <source>已检✓</source>
        <translation>Done ✓</translation>
    </message>
    <message>
        <source>从未体检</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>今年的老年人健康体检已全部完成</source>
        <translation>Every resident aged 65+ has had this year&apos;s check</translation>
    </message>
    <message>
        <source>{year}年未体检的65岁及以上老年人  共{n}人</source>
        <translation>Residents 65+ not checked in {year}: {n}</translation>
    </message>
    <message>
        <source>打印日期：{date}</source>
        <translation>Printed: {date}</translation>
    </message>
    <message>
        <source>老年人健康体检工作单</source>
        <translation>Elderly Health Check Worklist</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>上次读数</source>
        <translation>Last reading</translation>
    </message>
    <message>
        <source>应随访日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>已访✓</source>
        <translation>Done ✓</translation>
    </message>
    <message>
        <source>逾期{n}天</source>
        <translation>{n} d overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>{n}天后到期</source>
        <translation>Due in {n} d</translation>
    </message>
    <message>
        <source>逾期或到期</source>
        <translation>Overdue / due</translation>
    </message>
    <message>
        <source>（同户）</source>
        <translation>(same household)</translation>
    </message>
    <message>
        <source>地址：{address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <source>联系电话：{phone}</source>
        <translation>Phone: {phone}</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{village} {group}（{n}人）</source>
        <translation>{village} {group} ({n})</translation>
    </message>
    <message>
        <source>未分组</source>
        <translation>no group</translation>
    </message>
    <message>
        <source>血糖{value}</source>
        <translation>glucose {value}</translation>
    </message>
    <message>
        <source>未随访</source>
        <translation>never</translation>
    </message>
    <message>
        <source>没有逾期或即将到期的随访对象</source>
        <translation>Nobody is overdue or due soon</translation>
    </message>
    <message>
        <source>（续）</source>
        <translation> (continued)</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>Home Visit Worklist</translation>
    </message>
    <message>
        <source>{place}  逾期及{days}天内到期  共{n}人  打印日期：{date}</source>
        <translation>{place}  overdue and due within {days} days  {n} residents  printed {date}</translation>
    </message>
    <message>
        <source>第 {n} 页 / 共 {total} 页</source>
        <translation>Page {n} of {total}</translation>
    </message>
    <message>
        <source>居民健康档案</source>
        <translation>Resident Health Record</translation>
    </message>
    <message>
        <source>姓&#x3000;&#x3000;名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>现 住 址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>户籍地址：</source>
        <translation>Registered address:</translation>
    </message>
    <message>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>乡镇（街道）名称：</source>
        <translation>Township:</translation>
    </message>
    <message>
        <source>村（居）委会名称：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <source>建档单位：</source>
        <translation>Enrolled at:</translation>
    </message>
    <message>
        <source>电话：{phone}</source>
        <translation>Phone: {phone}</translation>
    </message>
    <message>
        <source>建 档 人：</source>
        <translation>Enrolled by:</translation>
    </message>
    <message>
        <source>责任医生：</source>
        <translation>Doctor:</translation>
    </message>
    <message>
        <source>建档日期：</source>
        <translation>Enrolled on:</translation>
    </message>
    <message>
        <source>找不到转诊单：{ref}</source>
        <translation>Referral not found: {ref}</translation>
    </message>
    <message>
        <source>这张转诊单没有转入单位，不能打印；请先补填去向</source>
        <translation>This referral has no destination and cannot be printed; fill in where the patient goes first</translation>
    </message>
    <message>
        <source>双向转诊（回转）单</source>
        <translation>Two-way Referral (Return)</translation>
    </message>
    <message>
        <source>双向转诊（转出）单</source>
        <translation>Two-way Referral (Out)</translation>
    </message>
    <message>
        <source>沿虚线剪开：上联存根留存，下联交患者</source>
        <translation>Cut along the line: the stub stays, the slip goes with the patient</translation>
    </message>
    <message>
        <source>患者姓名：</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>家庭医生签约服务协议书</source>
        <translation>Family-Doctor Contract Agreement</translation>
    </message>
    <message>
        <source>（续约）</source>
        <translation>(Renewal)</translation>
    </message>
    <message>
        <source>本协议已于 {day} 解约：{reason}</source>
        <translation>This agreement was terminated on {day}: {reason}</translation>
    </message>
    <message>
        <source>协议编号：</source>
        <translation>Agreement no.: </translation>
    </message>
    <message>
        <source>甲方（签约居民）</source>
        <translation>Party A (resident)</translation>
    </message>
    <message>
        <source>性别：</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>年龄：</source>
        <translation>Age:</translation>
    </message>
    <message>
        <source>电话：</source>
        <translation>Phone: </translation>
    </message>
    <message>
        <source>身份证号：</source>
        <translation>ID number: </translation>
    </message>
    <message>
        <source>健康档案编号：</source>
        <translation>Record no.: </translation>
    </message>
    <message>
        <source>乙方（家庭医生团队）</source>
        <translation>Party B (family-doctor team)</translation>
    </message>
    <message>
        <source>签约机构：</source>
        <translation>Institution: </translation>
    </message>
    <message>
        <source>团队名称：</source>
        <translation>Team: </translation>
    </message>
    <message>
        <source>签约医生：</source>
        <translation>Doctor: </translation>
    </message>
    <message>
        <source>一、服务期限</source>
        <translation>1. Term</translation>
    </message>
    <message>
        <source>自 {start} 起至 {end} 止，共 {years} 年。期满前一个月内可申请续约。</source>
        <translation>From {start} to {end}, {years} year(s). Renewal may be requested in the last month.</translation>
    </message>
    <message>
        <source>二、服务包（在所选项目前打 √）</source>
        <translation>2. Service packages (ticked)</translation>
    </message>
    <message>
        <source>注：标“—”的服务包，打印人无权查看，未打印是否选择；以签约原件为准。</source>
        <translation>Note: a package marked &quot;—&quot; is one the person printing may not see; whether it was chosen is not printed. The signed original prevails.</translation>
    </message>
    <message>
        <source>三、双方责任</source>
        <translation>3. Duties of both parties</translation>
    </message>
    <message>
        <source>乙方为甲方建立并维护健康档案，按国家基本公共卫生服务规范提供所选服务包的健康管理、随访、健康教育和用药指导，需要时协助转诊；对甲方的健康信息保密。甲方如实提供健康信息，配合随访和健康管理，情况变化时及时告知乙方。任何一方可书面提出解约，解约后签约记录保留备查。</source>
        <translation>Party B keeps Party A&apos;s health record and provides the health management, follow-ups, health education and medication advice of the chosen packages as the national basic public health service specification requires, helps with referrals when needed, and keeps Party A&apos;s health information confidential. Party A gives truthful health information, takes part in follow-ups and health management, and tells Party B of any change. Either party may end the contract in writing; the contract record is kept.</translation>
    </message>
    <message>
        <source>甲方（签字或按手印）：</source>
        <translation>Party A (signature or thumbprint):</translation>
    </message>
    <message>
        <source>乙方（签字）：</source>
        <translation>Party B (signature):</translation>
    </message>
    <message>
        <source>____年____月____日</source>
        <translation>____-____-____ (yyyy-mm-dd)</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date: </translation>
    </message>
    <message>
        <source>本协议一式两份，甲乙双方各执一份。</source>
        <translation>Made in two copies; each party keeps one.</translation>
    </message>
    <message>
        <source>病案号：</source>
        <translation>Case no.:</translation>
    </message>
    <message>
        <source>档案编号：</source>
        <translation>Record no.:</translation>
    </message>
    <message>
        <source>家庭住址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>双向转诊单（存根）</source>
        <translation>Two-way Referral (Stub)</translation>
    </message>
    <message>
        <source>于{date}因病情需要，转回{institution}单位{doctor}接诊医生。</source>
        <translation>On {date}, as the condition requires, returned to {institution}, receiving doctor {doctor}.</translation>
    </message>
    <message>
        <source>于{date}因病情需要，转入{institution}单位{department}科室{doctor}接诊医生。</source>
        <translation>On {date}, as the condition requires, referred to {institution}, department {department}, receiving doctor {doctor}.</translation>
    </message>
    <message>
        <source>转诊医生（签字）：</source>
        <translation>Referring doctor (signature):</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <source>（机构名称）：</source>
        <translation> (institution):</translation>
    </message>
    <message>
        <source>现有患者{name}因病情需要，现转回贵单位，请予以接诊。</source>
        <translation>Patient {name} is returned to your care as the condition requires. Please receive the patient.</translation>
    </message>
    <message>
        <source>现有患者{name}性别{sex}年龄{age}因病情需要，需转入贵单位，请予以接诊。</source>
        <translation>Patient {name}, sex {sex}, age {age}, needs to be referred to you. Please receive the patient.</translation>
    </message>
    <message>
        <source>诊断结果：</source>
        <translation>Diagnosis:</translation>
    </message>
    <message>
        <source>主要检查结果：</source>
        <translation>Main findings:</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议：</source>
        <translation>Treatment, next steps and rehabilitation advice:</translation>
    </message>
    <message>
        <source>住院病案号：</source>
        <translation>Inpatient case no.:</translation>
    </message>
    <message>
        <source>初步印象：</source>
        <translation>Initial impression:</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）：</source>
        <translation>Present illness (reason for referral):</translation>
    </message>
    <message>
        <source>主要既往史：</source>
        <translation>Past history:</translation>
    </message>
    <message>
        <source>治疗经过：</source>
        <translation>Treatment so far:</translation>
    </message>
    <message>
        <source>（机构名称）</source>
        <translation> (institution)</translation>
    </message>
    <message>
        <source>随访质量督导表</source>
        <translation>Follow-up quality supervision sheet</translation>
    </message>
    <message>
        <source>{village}（{code}）（续）</source>
        <translation>{village} ({code}), continued</translation>
    </message>
    <message>
        <source>{village}（{code}）  检查期间：{start} 至 {end}  打印日期：{today}</source>
        <translation>{village} ({code})  Period: {start} to {end}  Printed: {today}</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>需要核对的记录</source>
        <translation>Records to check</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>已核✓</source>
        <translation>Checked ✓</translation>
    </message>
    <message>
        <source>本期未发现问题</source>
        <translation>No problems found in this period</translation>
    </message>
    <message>
        <source>另有 {n} 条未列出，见质量页导出的电子表格</source>
        <translation>{n} more not listed: see the workbook exported from the Quality page</translation>
    </message>
    <message>
        <source>督导意见及整改要求：</source>
        <translation>Supervisor&apos;s findings and corrections required:</translation>
    </message>
    <message>
        <source>督导人（签字）：＿＿＿＿＿＿  村医（签字）：＿＿＿＿＿＿  日期：＿＿＿＿＿＿</source>
        <translation>Supervisor (signature): ＿＿＿＿＿＿  Village doctor (signature): ＿＿＿＿＿＿  Date: ＿＿＿＿＿＿</translation>
    </message>
    <message>
        <source>没有可打印的村</source>
        <translation>No village to print</translation>
    </message>
    <message>
        <source>管理项目应为 htn（高血压）或 t2dm（2型糖尿病）</source>
        <translation>The programme must be htn (hypertension) or t2dm (type 2 diabetes).</translation>
    </message>
    <message>
        <source>{name}在{year}年没有{program}随访记录</source>
        <translation>{name} has no {program} visits in {year}.</translation>
    </message>
    <message>
        <source>健康教育活动记录表</source>
        <translation>Health education activity record</translation>
    </message>
    <message>
        <source>活动时间：</source>
        <translation>Date: </translation>
    </message>
    <message>
        <source>活动地点：</source>
        <translation>Place: </translation>
    </message>
    <message>
        <source>活动形式：</source>
        <translation>Type: </translation>
    </message>
    <message>
        <source>组织者：</source>
        <translation>Organiser: </translation>
    </message>
    <message>
        <source>接受健康教育人员类别：</source>
        <translation>Audience: </translation>
    </message>
    <message>
        <source>接受健康教育人数：</source>
        <translation>Number reached: </translation>
    </message>
    <message>
        <source>活动主题：</source>
        <translation>Topic: </translation>
    </message>
    <message>
        <source>健康教育资料发放种类及数量：</source>
        <translation>Materials handed out (kinds and quantity): </translation>
    </message>
    <message>
        <source>{kind}：{name}</source>
        <translation>{kind}: {name}</translation>
    </message>
    <message>
        <source>活动内容：</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>活动总结评价：</source>
        <translation>Summary and evaluation:</translation>
    </message>
    <message>
        <source>存档材料请附后：</source>
        <translation>Archived files (attached):</translation>
    </message>
    <message>
        <source>填表人（签字）：</source>
        <translation>Filled in by (signature):</translation>
    </message>
    <message>
        <source>负责人（签字）：</source>
        <translation>Approved by (signature):</translation>
    </message>
    <message>
        <source>填表时间：</source>
        <translation>Filled in on: </translation>
    </message>
    <message>
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>兄弟姐妹</source>
        <translation>Siblings</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>签约医生 {doctor}，{start} 至 {end}</source>
        <translation>Doctor {doctor}, {start} to {end}</translation>
    </message>
    <message>
        <source>{doctor}（{team}）</source>
        <translation>{doctor} ({team})</translation>
    </message>
    <message>
        <source>，服务包：</source>
        <translation>; packages: </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（待居民签字）</source>
        <translation> (awaiting the resident&apos;s signature)</translation>
    </message>
    <message>
        <source>（已到期，待续约）</source>
        <translation> (term over, to be renewed)</translation>
    </message>
    <message>
        <source>续约：</source>
        <translation>Renewal: </translation>
    </message>
    <message>
        <source>未签约</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>致贫原因：</source>
        <translation>cause: </translation>
    </message>
    <message>
        <source>{date}登记</source>
        <translation>registered {date}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{condition}，{track}，复核日期 {review}</source>
        <translation>{condition}, {track}, review on {review}</translation>
    </message>
    <message>
        <source>个人基本信息表</source>
        <translation>Personal basic information</translation>
    </message>
    <message>
        <source>建档单位：{institution}</source>
        <translation>Record kept by: {institution}</translation>
    </message>
    <message>
        <source>第 {n} 页</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>严重精神障碍患者个人信息补充表</source>
        <translation>Severe Mental Disorder Patient Supplementary Information</translation>
    </message>
    <message>
        <source>严重精神障碍患者随访服务记录表</source>
        <translation>Severe Mental Disorder Follow-up Record</translation>
    </message>
    <message>
        <source>健康档案编号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>Family doctor</translation>
    </message>
    <message>
        <source>慢病管理</source>
        <translation>Chronic disease</translation>
    </message>
    <message>
        <source>本月随访</source>
        <translation>Visited this month</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>Poverty status</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>Cause of poverty</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <translation>Poor by illness</translation>
    </message>
    <message>
        <source>因病返贫</source>
        <translation>Back in poverty by illness</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>在册人数</source>
        <translation>Members on the register</translation>
    </message>
    <message>
        <source>家庭成员（一人一档）</source>
        <translation>Members (one record per person)</translation>
    </message>
    <message>
        <source>一患一策</source>
        <translation>Plans (one plan per patient)</translation>
    </message>
    <message>
        <source>这一户没有患者的帮扶计划。</source>
        <translation>No patient of this household has a plan.</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>病种</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>救治方式</source>
        <translation>Treatment track</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>制定日期</source>
        <translation>Made on</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>Review on</translation>
    </message>
    <message>
        <source>本年免费健康体检</source>
        <translation>Free health check this year</translation>
    </message>
    <message>
        <source>贫困户健康帮扶档案（一户一档、一患一策）</source>
        <translation>Poor household health file (one file per household, one plan per patient)</translation>
    </message>
    <message>
        <source>村：{village}</source>
        <translation>Village: {village}</translation>
    </message>
    <message>
        <source>打印日期：</source>
        <translation>Printed: </translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>每张A4纸10张卡</source>
        <translation>10 cards per A4 sheet</translation>
    </message>
    <message>
        <source>每张A4纸8张卡</source>
        <translation>8 cards per A4 sheet</translation>
    </message>
    <message>
        <source>逾期者印新约定日期</source>
        <translation>Print this planned date:</translation>
    </message>
    <message>
        <source>生成随访卡…</source>
        <translation>Make cards…</translation>
    </message>
    <message>
        <source>随访卡（批量）</source>
        <translation>Follow-up cards (batch)</translation>
    </message>
    <message>
        <source>逾期及多少天内到期</source>
        <translation>Overdue and due within</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>排版</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>逾期者的卡</source>
        <translation>Overdue patients</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <source>生成工作单…</source>
        <translation>Make worklist…</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>Home visit worklist</translation>
    </message>
    <message>
        <source>管理项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>空白随访表（停电或外出时手填）</source>
        <translation>Blank follow-up forms (for days without power)</translation>
    </message>
    <message>
        <source>{program}随访表</source>
        <translation>{program} form</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>打印转出单</source>
        <translation>Print referral slip</translation>
    </message>
    <message>
        <source>打印回转单</source>
        <translation>Print return slip</translation>
    </message>
    <message>
        <source>未结束的转诊</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>随访卡</source>
        <translation>Follow-up card</translation>
    </message>
    <message>
        <source>没有逾期或即将到期的随访对象</source>
        <translation>Nobody is overdue or due soon</translation>
    </message>
    <message>
        <source>正在生成随访卡…</source>
        <translation>Making follow-up cards…</translation>
    </message>
    <message>
        <source>正在生成工作单…</source>
        <translation>Making the worklist…</translation>
    </message>
    <message>
        <source>空白随访表</source>
        <translation>Blank follow-up form</translation>
    </message>
    <message>
        <source>请先选择一张转诊单</source>
        <translation>Select a referral first</translation>
    </message>
    <message>
        <source>双向转诊（回转）单</source>
        <translation>Two-way referral (return)</translation>
    </message>
    <message>
        <source>双向转诊（转出）单</source>
        <translation>Two-way referral (out)</translation>
    </message>
    <message>
        <source>档案封面</source>
        <translation>Record cover</translation>
    </message>
    <message>
        <source>个人基本信息表</source>
        <translation>Personal basic information</translation>
    </message>
    <message>
        <source>随访服务记录表</source>
        <translation>Follow-up record</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>共 {n} 页</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <source>有 {n} 个字打印字库中没有，印成了“{mark}”：请打印后用笔补写。</source>
        <translation>Characters the printing font lacks: {n}. They print as &quot;{mark}&quot;: write them in by hand after printing.</translation>
    </message>
    <message>
        <source>打印机无法开始打印，请检查打印机后重试</source>
        <translation>The printer could not start; check it and try again</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存：{error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>村代码应为12位数字（县6位+乡镇3位+村3位），现在是“{code}”</source>
        <translation>A village code has 12 digits (county 6 + township 3 + village 3); got &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>乡镇代码应为9位数字（县6位+乡镇3位），现在是“{code}”</source>
        <translation>A township code has 9 digits (county 6 + township 3); got &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>前6位{county}不是有效的县级行政区划代码（GB/T 2260）</source>
        <translation>The first 6 digits {county} are not a county code of GB/T 2260</translation>
    </message>
    <message>
        <source>县级代码应为6位数字（GB/T 2260 县级行政区划代码），现在是“{code}”</source>
        <translation>A county code has 6 digits (GB/T 2260 county-level code); got &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>角色应为 village（村卫生室）、township（乡镇卫生院）或 county（县级卫生健康委）</source>
        <translation>Role must be village (village clinic), township (township health centre) or county (county health commission)</translation>
    </message>
    <message>
        <source>本机已初始化，不能再次初始化</source>
        <translation>This installation is already set up and cannot be set up again</translation>
    </message>
    <message>
        <source>请填写名称</source>
        <translation>Please enter a name</translation>
    </message>
    <message>
        <source>本机尚未初始化：请先运行 cunyi init</source>
        <translation>This installation is not set up yet: run cunyi init first</translation>
    </message>
    <message>
        <source>乡镇模式下请指定村代码</source>
        <translation>In township mode, name the village code</translation>
    </message>
    <message>
        <source>村代码{code}不属于本乡镇</source>
        <translation>Village code {code} is not in this township</translation>
    </message>
    <message>
        <source>村代码{code}不属于本乡镇{town}</source>
        <translation>Village code {code} is not in this township ({town})</translation>
    </message>
    <message>
        <source>村{code}的档案编号已用完</source>
        <translation>Village {code} has used all its archive numbers</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>{year}年健康教育进度</source>
        <translation>Health education {year}</translation>
    </message>
    <message>
        <source>按月计至今应完成 {n}</source>
        <translation>Due by now (pro rata by month): {n}</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>按医生</source>
        <translation>By doctor</translation>
    </message>
    <message>
        <source>问题明细</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>核查随访数</source>
        <translation>Visits checked</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>随访质量报告 {start} 至 {end}</source>
        <translation>Follow-up quality report {start} to {end}</translation>
    </message>
    <message>
        <source>{title}（{visits} {n}）</source>
        <translation>{title} ({visits}: {n})</translation>
    </message>
    <message>
        <source>数值照抄上次</source>
        <translation>Copied forward</translation>
    </message>
    <message>
        <source>短时集中录入</source>
        <translation>Burst of entries</translation>
    </message>
    <message>
        <source>随访日期在将来</source>
        <translation>Dated in the future</translation>
    </message>
    <message>
        <source>早于纳入管理</source>
        <translation>Before enrolment</translation>
    </message>
    <message>
        <source>晚于死亡日期</source>
        <translation>After death</translation>
    </message>
    <message>
        <source>记录相互矛盾</source>
        <translation>Records contradict</translation>
    </message>
    <message>
        <source>必填项缺失</source>
        <translation>Mandatory fields missing</translation>
    </message>
    <message>
        <source>补录过晚</source>
        <translation>Entered late</translation>
    </message>
    <message>
        <source>电脑时钟有误</source>
        <translation>Wrong PC clock</translation>
    </message>
    <message>
        <source>没有可查看的村：{code}</source>
        <translation>No village you may view: {code}</translation>
    </message>
    <message>
        <source>质量规则的天数、次数和分钟数都应为正整数</source>
        <translation>The quality rules&apos; days, counts and minutes must be positive whole numbers</translation>
    </message>
    <message>
        <source>测量值与 {previous} 的上次随访完全相同：{values}</source>
        <translation>Measurements exactly the same as the previous visit on {previous}: {values}</translation>
    </message>
    <message>
        <source>{user} 在 {minutes} 分钟内保存了 {n} 次随访（{start} 起）</source>
        <translation>{user} saved {n} visits within {minutes} min (from {start})</translation>
    </message>
    <message>
        <source>随访日期 {date} 晚于今天（{today}）</source>
        <translation>Visit date {date} is after today ({today})</translation>
    </message>
    <message>
        <source>随访日期 {date} 早于纳入管理日期 {enrolled}</source>
        <translation>Visit date {date} is before enrolment on {enrolled}</translation>
    </message>
    <message>
        <source>随访日期 {date} 晚于结束管理的日期 {ended}</source>
        <translation>Visit date {date} is after management ended ({ended})</translation>
    </message>
    <message>
        <source>随访日期 {date} 晚于死亡日期 {died}</source>
        <translation>Visit date {date} is after the date of death {died}</translation>
    </message>
    <message>
        <source>{date} 有两条随访记录（另一条的随访医生：{by}）：请作废错的一条</source>
        <translation>Two visits on {date} (the other by {by}): void the wrong one</translation>
    </message>
    <message>
        <source>缺少必填项：{fields}</source>
        <translation>Mandatory fields missing: {fields}</translation>
    </message>
    <message>
        <source>随访日期 {date}，{days} 天后才录入（{saved}）</source>
        <translation>Visit dated {date}, entered {days} days later ({saved})</translation>
    </message>
    <message>
        <source>电脑时钟慢：{n} 次随访的保存时间早于随访日期，最多早 {days} 天</source>
        <translation>PC clock behind: visits saved before their visit date: {n} (days early: up to {days})</translation>
    </message>
    <message>
        <source>电脑时钟快：{n} 次随访的保存时间比同步时钟晚，最多晚 {days} 天</source>
        <translation>PC clock ahead: visits saved later than their sync clock: {n} (days late: up to {days})</translation>
    </message>
    <message>
        <source>{device} 最近一次同步时，电脑时钟比本机快约 {days} 天</source>
        <translation>At its last sync, {device}&apos;s clock was ahead of this PC&apos;s (days ahead: about {days})</translation>
    </message>
    <message>
        <source>{year} 年随访质量：核查 {visits} 次随访，{found} 条问题</source>
        <translation>Follow-up quality {year}: visits checked: {visits}; problems: {found}</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>按村</source>
        <translation>By village</translation>
    </message>
    <message>
        <source>按村和医生</source>
        <translation>By village and doctor</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>打印督导表…</source>
        <translation>Supervision sheets…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>点击上表中的数字，列出其中的随访记录</source>
        <translation>Click a number above to list the visits behind it</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>正在生成质量报告…</source>
        <translation>Building the quality report…</translation>
    </message>
    <message>
        <source>{year} 年：核查 {visits} 次随访，发现 {n} 条问题</source>
        <translation>{year}: visits checked: {visits}; problems found: {n}</translation>
    </message>
    <message>
        <source>全部问题</source>
        <translation>all problems</translation>
    </message>
    <message>
        <source>{village} · {what}：{n} 条</source>
        <translation>{village} · {what}: {n}</translation>
    </message>
    <message>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>打印督导表</source>
        <translation>Supervision sheets</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>请写明作废的原因</source>
        <translation>Please give the reason for voiding it</translation>
    </message>
    <message>
        <source>{name} 在 {day} 的{kind}已作废（{reason}）</source>
        <translation>The {kind} of {name} on {day} is voided already ({reason})</translation>
    </message>
    <message>
        <source>{name} 在 {day} 没有{kind}记录</source>
        <translation>{name} has no {kind} on {day}</translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <source>找不到这次随访</source>
        <translation>This follow-up was not found</translation>
    </message>
    <message>
        <source>请填写转入单位：没有去向的转诊单不能开具</source>
        <translation>Enter the receiving institution: a referral needs a destination</translation>
    </message>
    <message>
        <source>转诊日期不能晚于今天</source>
        <translation>The referral date cannot be after today</translation>
    </message>
    <message>
        <source>找不到转诊的居民</source>
        <translation>The resident to refer was not found</translation>
    </message>
    <message>
        <source>没有“{program}”这个项目</source>
        <translation>No programme called &quot;{program}&quot;</translation>
    </message>
    <message>
        <source>{name}（{archive_no}）{day}已有一张转往{to}的未结转诊单</source>
        <translation>{name} ({archive_no}) already has an open referral to {to} issued {day}</translation>
    </message>
    <message>
        <source>找不到转诊单：{ref}</source>
        <translation>No such referral: {ref}</translation>
    </message>
    <message>
        <source>日期 {day} 晚于今天（{today}）</source>
        <translation>The date {day} is after today ({today})</translation>
    </message>
    <message>
        <source>日期 {day} 早于转诊日期 {issued}</source>
        <translation>The date {day} is before the referral date {issued}</translation>
    </message>
    <message>
        <source>这张转诊单已经是“{now}”，不能再记为“{new}”</source>
        <translation>This referral is already &quot;{now}&quot;; it cannot be marked &quot;{new}&quot;</translation>
    </message>
    <message>
        <source>这张转诊单是“{now}”，没有可以撤销的到位/不到位</source>
        <translation>This referral is &quot;{now}&quot;: there is no arrived / did not arrive step to undo</translation>
    </message>
    <message>
        <source>只能撤销自己当天记录的“{now}”；其他更正请记为到位或由录入人撤销</source>
        <translation>Only the user who recorded &quot;{now}&quot; can undo it, and only on the same day; otherwise record it as arrived or ask that user</translation>
    </message>
    <message>
        <source>请填写不到位原因</source>
        <translation>Please enter why the patient did not arrive</translation>
    </message>
    <message>
        <source>请填写回转的诊断结果</source>
        <translation>Please enter the diagnosis of the return</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>双向转诊单（转出）</source>
        <translation>Two-way referral (outward)</translation>
    </message>
    <message>
        <source>转入单位 *</source>
        <translation>Receiving institution *</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>接诊医生</source>
        <translation>Receiving doctor</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>Initial impression</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>Present illness (reason for referral)</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>Past history</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>Treatment so far</translation>
    </message>
    <message>
        <source>转诊医生</source>
        <translation>Referring doctor</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>Referral date</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>Urgent referral</translation>
    </message>
    <message>
        <source>开具后打印转诊单（预览）</source>
        <translation>Print the slip after issuing (preview)</translation>
    </message>
    <message>
        <source>开具转诊单</source>
        <translation>Issue referral</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>仍要再开一张转诊单吗？</source>
        <translation>Issue another referral anyway?</translation>
    </message>
    <message>
        <source>已有相同的转诊单</source>
        <translation>Same referral already issued</translation>
    </message>
    <message>
        <source>有错误，已保留您填写的内容</source>
        <translation>There are errors; everything you typed is kept</translation>
    </message>
</context>
<context>
    <name>ReferralList</name>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>已转出天数</source>
        <translation>Days open</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>到位</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>不到位…</source>
        <translation>Not arrived…</translation>
    </message>
    <message>
        <source>回转…</source>
        <translation>Returned…</translation>
    </message>
    <message>
        <source>撤销到位/不到位</source>
        <translation>Undo arrived / not arrived</translation>
    </message>
    <message>
        <source>当天录错的到位/不到位可由录入人撤销，转诊单回到“已转出”</source>
        <translation>An arrived / not arrived step entered by mistake can be undone the same day by whoever entered it; the referral goes back to &quot;Referred&quot;</translation>
    </message>
    <message>
        <source>打印转出单</source>
        <translation>Print referral slip</translation>
    </message>
    <message>
        <source>打印回转单</source>
        <translation>Print return slip</translation>
    </message>
    <message>
        <source>没有未结转诊</source>
        <translation>No open referrals</translation>
    </message>
    <message>
        <source>没有转诊记录</source>
        <translation>No referrals</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>Initial impression</translation>
    </message>
    <message>
        <source>不到位原因</source>
        <translation>Reason not arrived</translation>
    </message>
    <message>
        <source>回转诊断</source>
        <translation>Return diagnosis</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record no.</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>Treatment, next steps and rehabilitation advice</translation>
    </message>
    <message>
        <source>回转医生（上级医院）</source>
        <translation>Returning doctor (hospital)</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <source>转诊到位 - {who}</source>
        <translation>Referral arrived - {who}</translation>
    </message>
    <message>
        <source>转诊不到位 - {who}</source>
        <translation>Referral not arrived - {who}</translation>
    </message>
    <message>
        <source>不到位原因 *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>转诊回转 - {who}</source>
        <translation>Referral returned - {who}</translation>
    </message>
    <message>
        <source>诊断结果 *</source>
        <translation>Diagnosis *</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>Inpatient record no.</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>Main findings</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>Treatment, next steps and rehabilitation advice</translation>
    </message>
    <message>
        <source>回转医生（上级医院，签回转单）</source>
        <translation>Returning doctor (hospital; signs the return slip)</translation>
    </message>
    <message>
        <source>转诊单</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>year-month-day</translation>
    </message>
    <message>
        <source>日期 *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReminderLine</name>
    <message>
        <source>{n} 份家庭医生签约{days}天内到期</source>
        <translation>Family-doctor contracts ending within {days} days: {n}</translation>
    </message>
    <message>
        <source>{n} 户贫困户未全户签约</source>
        <translation>Poor households not fully signed: {n}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>全乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>基本公共卫生服务指标汇总表</source>
        <translation>Basic public health service indicators</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>最低要求</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>达标情况</source>
        <translation>Met?</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>计入分子</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>村或单位</source>
        <translation>Village or unit</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{township}本级</source>
        <translation>{township} (own)</translation>
    </message>
    <message>
        <source>{n} 次</source>
        <translation>{n} held</translation>
    </message>
    <message>
        <source>最低 {n} 次</source>
        <translation>minimum {n}</translation>
    </message>
    <message>
        <source>{n} 种</source>
        <translation>{n} kinds</translation>
    </message>
    <message>
        <source>最低 {n} 种</source>
        <translation>minimum {n}</translation>
    </message>
    <message>
        <source>差 {n} 种</source>
        <translation>{n} short</translation>
    </message>
    <message>
        <source>{n} 期</source>
        <translation>{n} period(s)</translation>
    </message>
    <message>
        <source>最低 {n} 期</source>
        <translation>minimum {n} period(s)</translation>
    </message>
    <message>
        <source>差 {n} 期</source>
        <translation>{n} period(s) short</translation>
    </message>
    <message>
        <source>注：制表人不能查看全部严重精神障碍患者（责任医生只能查看自己负责的），本表只含其能查看的；以下指标与有权限者所见不同：{names}。完整的表须由有“精神卫生”权限的人员制作（由管理员在“用户”页授予）</source>
        <translation>Note: the person who made this report may not see every severe mental disorder patient (a responsible doctor sees only their own), so the report holds only those they may see. These indicators differ from what an authorised user sees: {names}. A complete report must be made by a user with the Mental health permission (an administrator grants it on the Users page).</translation>
    </message>
    <message>
        <source>无权查看</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <source>注：{villages}尚未录入 {year} 年的人口数，{indicators}的比率暂缺（人口数在乡镇卫生院工作台的“人口数…”中录入）</source>
        <translation>Note: {villages} has no population figure for {year} yet, so these rates are missing: {indicators} (population figures are entered on the township health centre&apos;s Today page, &quot;Population…&quot;)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>注：签约率按 {day} 计，分母是当天在册的居民、当天仍在管理的患者；规范管理率和控制率的分母是 {start} 至 {end} 间任何时候在管理的患者，故两处的患者人数可以不同</source>
        <translation>Note: contract rates are counted on {day}: their denominators are the residents on the register and the patients still under management that day; standard-management and control rates count every patient under management at any time from {start} to {end}, so their numbers of patients can differ</translation>
    </message>
    <message>
        <source>统计时间：{start} 至 {end}    填报单位：{unit}    制表人：{who}    生成日期：{today}</source>
        <translation>Period: {start} to {end}    Reporting unit: {unit}    Prepared by: {who}    Generated: {today}</translation>
    </message>
    <message>
        <source>{title}（续）</source>
        <translation>{title} (continued)</translation>
    </message>
    <message>
        <source>本机系统账户（命令行，可见全部数据）</source>
        <translation>this PC&apos;s system account (command line, sees all data)</translation>
    </message>
    <message>
        <source>无要求</source>
        <translation>none required</translation>
    </message>
    <message>
        <source>已达到</source>
        <translation>met</translation>
    </message>
    <message>
        <source>差 {n} 次</source>
        <translation>{n} short</translation>
    </message>
    <message>
        <source>活动类指标</source>
        <translation>Activity indicators</translation>
    </message>
    <message>
        <source>{n} 个单位未达到</source>
        <translation>{n} unit(s) short</translation>
    </message>
    <message>
        <source>（目标 {target}%）</source>
        <translation> (target {target}%)</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{year}年第{quarter}季度</source>
        <translation>{year} Q{quarter}</translation>
    </message>
    <message>
        <source>{year}年1–{quarter}季度累计</source>
        <translation>{year}, Q1–Q{quarter} cumulative</translation>
    </message>
    <message>
        <source>{unit}基本公共卫生服务指标汇总表（{period}）</source>
        <translation>{unit}: basic public health service indicators ({period})</translation>
    </message>
    <message>
        <source>{name}（{period}）：分子 {numerator}，分母 {denominator}</source>
        <translation>{name} ({period}): numerator {numerator}, denominator {denominator}</translation>
    </message>
    <message>
        <source>{name}（{period}）：{done}，{minimum}</source>
        <translation>{name} ({period}): {done}, {minimum}</translation>
    </message>
    <message>
        <source>{name}（{period}）：{unseen}</source>
        <translation>{name} ({period}): {unseen}</translation>
    </message>
    <message>
        <source>第 {page} 页 / 共 {total} 页</source>
        <translation>Page {page} of {total}</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>居民档案 - {name}</source>
        <translation>Health record - {name}</translation>
    </message>
    <message>
        <source>健康档案编号：{no}</source>
        <translation>Archive number: {no}</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>打印个人基本信息表</source>
        <translation>Print personal information form</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>联系与管理</source>
        <translation>Contact and management</translation>
    </message>
    <message>
        <source>（{age}岁）</source>
        <translation> (age {age})</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>血型</source>
        <translation>Blood group</translation>
    </message>
    <message>
        <source>本人电话</source>
        <translation>Own phone</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>Family doctor contract</translation>
    </message>
    <message>
        <source>未签约</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <source>档案状态</source>
        <translation>Record status</translation>
    </message>
    <message>
        <source>既往史与过敏</source>
        <translation>Past history and allergies</translation>
    </message>
    <message>
        <source>既往疾病</source>
        <translation>Past diseases</translation>
    </message>
    <message>
        <source>药物过敏</source>
        <translation>Drug allergies</translation>
    </message>
    <message>
        <source>医疗费用</source>
        <translation>Medical payment</translation>
    </message>
    <message>
        <source>录入专项随访</source>
        <translation>New special follow-up</translation>
    </message>
    <message>
        <source>老年人健康管理</source>
        <translation>Elderly care</translation>
    </message>
    <message>
        <source>健康体检</source>
        <translation>Health checks</translation>
    </message>
    <message>
        <source>专项随访</source>
        <translation>special follow-up</translation>
    </message>
    <message>
        <source>{program}随访</source>
        <translation>{program} follow-up</translation>
    </message>
    <message>
        <source>作废随访</source>
        <translation>Void follow-up</translation>
    </message>
    <message>
        <source>；应随访 {date}（{due}）</source>
        <translation>; next follow-up {date} ({due})</translation>
    </message>
    <message>
        <source>胰岛素</source>
        <translation>Insulin</translation>
    </message>
    <message>
        <source>作废所选随访…</source>
        <translation>Void selected follow-up…</translation>
    </message>
    <message>
        <source>录错的随访（日期错、人错、没有随访）作废后保留在档案中，不再计入；失访、死亡记录不能作废</source>
        <translation>A follow-up recorded by mistake (wrong date, wrong person, no visit) stays in the record once voided, and no longer counts; a loss to follow-up or a death cannot be voided</translation>
    </message>
    <message>
        <source>健康体检表</source>
        <translation>Health check form</translation>
    </message>
    <message>
        <source>危险性</source>
        <translation>Danger</translation>
    </message>
    <message>
        <source>自知力</source>
        <translation>Insight</translation>
    </message>
    <message>
        <source>下次随访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>生活自理能力</source>
        <translation>Self-care</translation>
    </message>
    <message>
        <source>下次体检</source>
        <translation>Next check</translation>
    </message>
    <message>
        <source>还没有健康体检记录</source>
        <translation>No health check recorded yet</translation>
    </message>
    <message>
        <source>打印所选体检表</source>
        <translation>Print the selected check</translation>
    </message>
    <message>
        <source>录入健康体检…</source>
        <translation>New health check…</translation>
    </message>
    <message>
        <source>作废所选体检…</source>
        <translation>Void the selected check…</translation>
    </message>
    <message>
        <source>录错的体检（日期错、人错）作废后保留在档案中，不再计入</source>
        <translation>A check recorded by mistake (wrong day, wrong person) stays in the record once voided, and no longer counts</translation>
    </message>
    <message>
        <source>作废体检</source>
        <translation>Void health check</translation>
    </message>
    <message>
        <source>作废 {date} 的健康体检。作废后记录仍保留，但不再计入。请写明原因：</source>
        <translation>Void the health check of {date}. The record is kept but no longer counts. Give the reason:</translation>
    </message>
    <message>
        <source>已作废 {date} 的健康体检</source>
        <translation>Voided the health check of {date}</translation>
    </message>
    <message>
        <source>随访服务记录表的年份</source>
        <translation>Year of the follow-up record sheet</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>打印随访服务记录表</source>
        <translation>Print follow-up record</translation>
    </message>
    <message>
        <source>还没有随访记录</source>
        <translation>No follow-up visits yet</translation>
    </message>
    <message>
        <source>血压 (mmHg)</source>
        <translation>BP (mmHg)</translation>
    </message>
    <message>
        <source>空腹血糖 (mmol/L)</source>
        <translation>Fasting glucose (mmol/L)</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head of household</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>添加家庭成员</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <source>打印随访卡</source>
        <translation>Print follow-up card</translation>
    </message>
    <message>
        <source>打印档案封面</source>
        <translation>Print record cover</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>录入{program}随访</source>
        <translation>New {program} follow-up</translation>
    </message>
    <message>
        <source>纳入{program}管理</source>
        <translation>Start {program} management</translation>
    </message>
    <message>
        <source>开转诊单…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>作废 {date} 的{what}。作废后记录仍保留，但不再计入随访和考核。请写明原因：</source>
        <translation>Void the {what} of {date}. The record is kept but no longer counts as a follow-up or in the assessment. Give the reason:</translation>
    </message>
    <message>
        <source>已作废 {date} 的{what}</source>
        <translation>Voided the {what} of {date}</translation>
    </message>
    <message>
        <source>纳入管理 {date}，{status}，责任医生 {doctor}</source>
        <translation>Managed since {date} · {status} · responsible doctor {doctor}</translation>
    </message>
    <message>
        <source>结束管理…</source>
        <translation>End management…</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>用药</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>失访</source>
        <translation>Lost to follow-up</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>档案编号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <source>搜索：姓名、拼音或首字母（zs）、身份证号后4位、档案编号、电话；扫码枪直接扫随访卡</source>
        <translation>Search: name, pinyin or initials (zs), last 4 of the ID, archive number, phone; or scan a follow-up card</translation>
    </message>
    <message>
        <source>新建档案 (Ctrl+N)</source>
        <translation>New record (Ctrl+N)</translation>
    </message>
    <message>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>数字请至少输入4位</source>
        <translation>Type at least 4 digits</translation>
    </message>
    <message>
        <source>没有找到匹配的居民</source>
        <translation>No matching residents</translation>
    </message>
    <message>
        <source>找到 {n} 人</source>
        <translation>Found: {n}</translation>
    </message>
    <message>
        <source>既往史有{program}，是否纳入{program}患者管理？</source>
        <translation>The past history records {program}: put the resident under {program} management?</translation>
    </message>
    <message>
        <source>纳入慢病管理</source>
        <translation>Chronic-disease management</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>已转出</source>
        <translation>Referred out</translation>
    </message>
    <message>
        <source>未到位</source>
        <translation>Did not arrive</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>疑似重复档案</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>Sync conflict</translation>
    </message>
    <message>
        <source>未通过校验</source>
        <translation>Fails validation</translation>
    </message>
    <message>
        <source>转诊超期未结</source>
        <translation>Referral open too long</translation>
    </message>
    <message>
        <source>不是同一人，两份都保留</source>
        <translation>Different people: keep both</translation>
    </message>
    <message>
        <source>同一人，两份都有记录：退回村医，把不再使用的一份结案（迁出）</source>
        <translation>Same person, both records hold entries: send back to the village doctor to close the one no longer used (moved away)</translation>
    </message>
    <message>
        <source>采用另一值</source>
        <translation>Use other value</translation>
    </message>
    <message>
        <source>{field}：现值“{kept}”，来自{kept_by}；另一值“{lost}”，来自{lost_by}</source>
        <translation>{field}: current value &quot;{kept}&quot;, from {kept_by}; other value &quot;{lost}&quot;, from {lost_by}</translation>
    </message>
    <message>
        <source>这一项不能这样处理（{decision}）；可选的处理：{options}</source>
        <translation>This item cannot be decided so ({decision}); the decisions it allows: {options}</translation>
    </message>
    <message>
        <source>两份都没有任何随访、体检、签约、转诊或专项管理记录：请直接作废其中一份，不必退回村医</source>
        <translation>Neither record holds follow-ups, checks, contracts, referrals or programme records: void one of them instead of sending them back to the village doctor</translation>
    </message>
    <message>
        <source>{record} 还有未作废的随访、体检、签约、转诊或专项管理记录，作废后它们会失去归属：请作废另一份；两份都有记录的，请选“退回村医，把不再使用的一份结案”</source>
        <translation>{record} still holds follow-ups, checks, contracts, referrals or programme records that are not voided, which would belong to no one if it were voided: void the other record; if both hold entries, choose &quot;send back to the village doctor to close the one no longer used&quot;</translation>
    </message>
    <message>
        <source>身份证号相同：{number}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份</source>
        <translation>Same ID number: {number}. This one: follow-ups {visits}, elderly checks {checks}, contracts {contracts}; the other: follow-ups {o_visits}, elderly checks {o_checks}, contracts {o_contracts}</translation>
    </message>
    <message>
        <source>姓名、出生日期和家庭住址相同：{address}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份</source>
        <translation>Same name, date of birth and household address: {address}. This one: follow-ups {visits}, elderly checks {checks}, contracts {contracts}; the other: follow-ups {o_visits}, elderly checks {o_checks}, contracts {o_contracts}</translation>
    </message>
    <message>
        <source>两份中有一份没有任何随访、体检、签约、转诊或专项管理记录：请直接作废那一份，不必退回村医</source>
        <translation>One of the two records holds no follow-ups, checks, contracts, referrals or programme records: void that one instead of sending it back to the village doctor</translation>
    </message>
    <message>
        <source>保留现值</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <source>同一人：作废“档案”这份，保留“另一份档案”</source>
        <translation>Same person: void the &quot;Record&quot;, keep the &quot;Other record&quot;</translation>
    </message>
    <message>
        <source>同一人：作废“另一份档案”，保留“档案”这份</source>
        <translation>Same person: void the &quot;Other record&quot;, keep the &quot;Record&quot;</translation>
    </message>
    <message>
        <source>退回村医修改</source>
        <translation>Send back to the village doctor</translation>
    </message>
    <message>
        <source>登记为未到位</source>
        <translation>Record as not arrived</translation>
    </message>
    <message>
        <source>审核队列由乡镇卫生院处理</source>
        <translation>The review queue is handled at the township health centre</translation>
    </message>
    <message>
        <source>作废其中一份，要由有“精神卫生”权限的账户决定（作废前要看清两份记录的全部内容，包括您无权查看的专项记录）；您可以判定不是同一人，或退回村医</source>
        <translation>Voiding either record is decided by an account with the mental-health permission (before a void, both records must be read whole, including the special records you may not see); you may decide they are not the same person, or send the pair back to the village doctor</translation>
    </message>
    <message>
        <source>{day} 转往 {to}，{days} 天未登记到位</source>
        <translation>Referred to {to} on {day}; no arrival recorded for {days} days</translation>
    </message>
    <message>
        <source>请写明处理理由：村卫生室会看到它</source>
        <translation>Please write the reason: the village clinic will read it</translation>
    </message>
    <message>
        <source>处理理由最多500字</source>
        <translation>The reason may have at most 500 characters</translation>
    </message>
    <message>
        <source>该审核项不存在或已处理</source>
        <translation>This review item does not exist or has been handled</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>改动</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>乡镇卫生院对本村档案的处理决定（改了什么、为什么）</source>
        <translation>Decisions of the township health centre on this village&apos;s records (what changed and why)</translation>
    </message>
    <message>
        <source>全部待审核</source>
        <translation>All open items</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>另一份档案</source>
        <translation>Other record</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>发现于</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>还没有处理决定。</source>
        <translation>No decisions yet. </translation>
    </message>
    <message>
        <source>在上面选一项，选择处理方式后点“记录处理决定”。</source>
        <translation>Choose an item above and a decision, then press &quot;Record decision&quot;.</translation>
    </message>
    <message>
        <source>乡镇卫生院审核本村的档案后，它的决定随同步包到达这里。</source>
        <translation>Once the township health centre has reviewed this village&apos;s records, its decisions arrive here with a sync bundle.</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>打开档案</source>
        <translation>Open record</translation>
    </message>
    <message>
        <source>处理理由（村卫生室会看到）</source>
        <translation>Reason (the village clinic will read it)</translation>
    </message>
    <message>
        <source>记录处理决定</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>已做的处理决定（同步到相关村卫生室）</source>
        <translation>Decisions made (synced to the villages concerned)</translation>
    </message>
    <message>
        <source>正在查找待审核项…</source>
        <translation>Looking for items to review…</translation>
    </message>
    <message>
        <source>这一项已经处理过，不在待审核列表中</source>
        <translation>This item has already been decided and is no longer in the review queue</translation>
    </message>
    <message>
        <source>共 {n} 项待审核</source>
        <translation>Items to review: {n}</translation>
    </message>
    <message>
        <source>第 {page} / {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{field}：{old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>另一份：</source>
        <translation>Other: </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>请选择处理决定…</source>
        <translation>Choose a decision…</translation>
    </message>
    <message>
        <source>请先选择处理决定</source>
        <translation>Choose a decision first</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>乡村医生</source>
        <translation>Village doctor</translation>
    </message>
    <message>
        <source>乡镇公卫人员</source>
        <translation>Township public-health staff</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>村卫生室</source>
        <translation>Village clinic</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>Township health centre</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>“{path}”是文件夹：请选择一个 .xlsx 或 .csv 文件</source>
        <translation>&quot;{path}&quot; is a folder: choose an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>“{path}”不是普通文件：请选择一个 .xlsx 或 .csv 文件</source>
        <translation>&quot;{path}&quot; is not an ordinary file: choose an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>只支持 .xlsx 和 .csv 文件，“{name}”没有扩展名</source>
        <translation>Only .xlsx and .csv files can be imported; &quot;{name}&quot; has no extension</translation>
    </message>
    <message>
        <source>文件超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入</source>
        <translation>The file is larger than {mb} MB; nothing imported: at most {mb} MB is read at once, so split it into several files and import each</translation>
    </message>
    <message>
        <source>无法识别文件编码（支持 UTF-8 和 GB18030）</source>
        <translation>Unknown file encoding (UTF-8 and GB18030 are supported)</translation>
    </message>
    <message>
        <source>“{name}”不是可以读取的 Excel 工作簿（.xlsx）：可能已损坏，或是改了扩展名的别的文件（如 CSV、旧版 .xls）。请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入</source>
        <translation>&quot;{name}&quot; is not a readable Excel workbook (.xlsx): it may be damaged, or another kind of file renamed (such as a CSV or an old .xls). Open it in Excel or WPS, save it as .xlsx or .csv, then import it</translation>
    </message>
    <message>
        <source>工作簿有 {n} 张工作表（{names}），未导入：花名册只读一张表。请把要导入的居民放在一张表里，删去其他表（包括隐藏的表）后再导入</source>
        <translation>The workbook has {n} sheets ({names}): nothing imported. A roster is read from one sheet: put the residents to import on one sheet and delete the other sheets (hidden ones included), then import again</translation>
    </message>
    <message>
        <source>“{name}”（隐藏）</source>
        <translation>&quot;{name}&quot; (hidden)</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>&quot;{name}&quot;</translation>
    </message>
    <message>
        <source>第{row}行的“{column}”是公式，未导入：花名册不读公式。请在 Excel 或 WPS 中选中这些单元格，复制后“选择性粘贴 → 数值”，保存后再导入</source>
        <translation>Row {row}, &quot;{column}&quot; is a formula: nothing imported. A roster is not read from formulas: in Excel or WPS select these cells, copy them, &quot;Paste Special → Values&quot;, save, then import again</translation>
    </message>
    <message>
        <source>Excel 文件解压后超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入</source>
        <translation>The Excel file unzips to more than {mb} MB; nothing imported: at most {mb} MB is read at once, so split it into several files and import each</translation>
    </message>
    <message>
        <source>Excel 文件的内部结构超出正常表格（一行超过{cells}项、一张表超过{rows}行，或其他内容过多），未导入</source>
        <translation>The Excel file&apos;s inner structure is beyond any normal table (a row of more than {cells} items, a sheet of more than {rows} rows, or too much else); nothing imported</translation>
    </message>
    <message>
        <source>这一格是“数字”格式，18位号码已被 Excel 截断，无法使用：请把这一列设为“文本”格式，重新填写号码后再导入</source>
        <translation>This cell is formatted as a number, so Excel has cut the 18-digit number and it cannot be used: format the column as Text, type the numbers again, then import</translation>
    </message>
    <message>
        <source>内容过长（超过{n}个字），未读取</source>
        <translation>Too long (more than {n} characters); not read</translation>
    </message>
    <message>
        <source>表头里“{cols}”的列不止一列，未导入：请只留一列后再导入</source>
        <translation>The header has more than one &quot;{cols}&quot; column: nothing imported. Keep one of them, then import again</translation>
    </message>
    <message>
        <source>缺少必需的列：{cols}（第1行应为表头）</source>
        <translation>Missing required column: {cols} (row 1 must be the header)</translation>
    </message>
    <message>
        <source>填了户主身份证号，请写明与户主的关系</source>
        <translation>A head-of-household ID is given: state the relation to the head</translation>
    </message>
    <message>
        <source>户主不在本文件中，也未建档</source>
        <translation>The head of household is neither in this file nor enrolled</translation>
    </message>
    <message>
        <source>与第{row}行身份证号重复</source>
        <translation>Same ID number as row {row}</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>户主所在行有错误，本行一并不导入</source>
        <translation>The head of household&apos;s row has errors, so this row is not imported either</translation>
    </message>
    <message>
        <source>村{code}的档案编号只够再建档{left}人，本次需要{need}人：未导入任何记录</source>
        <translation>Village {code} has archive numbers left for only {left} more residents, and this import needs {need}: nothing imported</translation>
    </message>
    <message>
        <source>文件名应以 .xlsx 或 .csv 结尾：{name}</source>
        <translation>The file name should end in .xlsx or .csv: {name}</translation>
    </message>
    <message>
        <source>导出文件应为 .xlsx 或 .csv</source>
        <translation>Export to a .xlsx or .csv file</translation>
    </message>
    <message>
        <source>CSV 文件格式有误：{reason}</source>
        <translation>The CSV file is malformed: {reason}</translation>
    </message>
    <message>
        <source>文件超过{n}行，未导入：一次最多导入{n}人，请分成几个文件分别导入</source>
        <translation>The file has more than {n} rows; nothing imported: at most {n} residents are imported at once, so split it into several files and import each</translation>
    </message>
    <message>
        <source>文件是空的</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <source>只支持 .xlsx 和 .csv 文件，这是“{suffix}”</source>
        <translation>Only .xlsx and .csv files are supported, not &quot;{suffix}&quot;</translation>
    </message>
    <message>
        <source>文件第{line}行超过{n}个字，未导入：请检查文件</source>
        <translation>Line {line} of the file is longer than {n} characters; nothing imported: check the file</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>选择 .xlsx 或 .csv 文件（UTF-8 或 GB18030）</source>
        <translation>Choose a .xlsx or .csv file (UTF-8 or GB18030)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>保存模板…</source>
        <translation>Save template…</translation>
    </message>
    <message>
        <source>跳过有错误的行，只导入正确的行（被拒绝的行另存到原文件旁）</source>
        <translation>Skip rows with errors and import the rest (rejected rows are saved next to the file)</translation>
    </message>
    <message>
        <source>导入前会先逐行检查；只要有一行有错，默认不导入任何记录。</source>
        <translation>Every row is checked first; by default nothing is imported if any row has an error.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择花名册</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>花名册 (*.xlsx *.csv)</source>
        <translation>Rosters (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>保存模板</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>共 {total} 行：{good} 行可导入，{bad} 行有错误。</source>
        <translation>Rows: {total}. Can be imported: {good}; with errors: {bad}.</translation>
    </message>
    <message>
        <source>共 {total} 行，{bad} 行有错误，未导入任何记录。</source>
        <translation>Rows: {total}; with errors: {bad}. Nothing was imported.</translation>
    </message>
    <message>
        <source>已导入 {good} 人，跳过 {bad} 行。</source>
        <translation>Residents imported: {good}; rows skipped: {bad}.</translation>
    </message>
    <message>
        <source>已忽略未知列：{cols}</source>
        <translation>Unknown columns ignored: {cols}</translation>
    </message>
    <message>
        <source>被拒绝的行已写入 {file}</source>
        <translation>Rejected rows written to {file}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>收缩压≥{limit}mmHg（{value}）</source>
        <translation>Systolic ≥ {limit} mmHg ({value})</translation>
    </message>
    <message>
        <source>舒张压≥{limit}mmHg（{value}）</source>
        <translation>Diastolic ≥ {limit} mmHg ({value})</translation>
    </message>
    <message>
        <source>血糖≥{limit}mmol/L（{value}）</source>
        <translation>Glucose ≥ {limit} mmol/L ({value})</translation>
    </message>
    <message>
        <source>血糖≤{limit}mmol/L（{value}）</source>
        <translation>Glucose ≤ {limit} mmol/L ({value})</translation>
    </message>
    <message>
        <source>持续性心动过速（心率{value}次/分钟）</source>
        <translation>Persistent tachycardia (heart rate {value}/min)</translation>
    </message>
    <message>
        <source>体温超过{limit}°C（{value}）</source>
        <translation>Temperature above {limit} °C ({value})</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>搜索内容太长：最多 {limit} 个字（现在是 {length} 个）</source>
        <translation>The search is too long: at most {limit} characters (this one has {length})</translation>
    </message>
</context>
<context>
    <name>ServerAddressBox</name>
    <message>
        <source>{upper}同步服务器</source>
        <translation>Sync server ({upper})</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8765</source>
        <translation>e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>保存服务器地址</source>
        <translation>Save server address</translation>
    </message>
    <message>
        <source>服务器地址：</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>证书指纹（来自{upper}设备卡，每次连接都核对）：{pin}</source>
        <translation>Certificate fingerprint (from the {upper}&apos;s card, checked on every connection): {pin}</translation>
    </message>
    <message>
        <source>连接不用证书（http 地址）：同步包本身已加密并签名。若{upper}的设备卡带有证书，在“同步 → 信任对方设备卡…”导入后，本机改用 https 并每次核对证书。</source>
        <translation>The connection uses no certificate (an http address): the bundles themselves are encrypted and signed. If the {upper}&apos;s device card carries a certificate, import it under &quot;Sync → Trust a device card…&quot;; this PC then uses https and checks the certificate on every connection.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <source>同步服务器（各村卫生室连到本机）</source>
        <translation>Sync server (the village clinics connect to this PC)</translation>
    </message>
    <message>
        <source>同步服务器（各乡镇卫生院连到本机）</source>
        <translation>Sync server (the township health centres connect to this PC)</translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>开启服务器</source>
        <translation>Start server</translation>
    </message>
    <message>
        <source>停止服务器</source>
        <translation>Stop server</translation>
    </message>
    <message>
        <source>设置为开启，但端口 {port} 开不了：可能已有程序（如另一个“cunyi serve”）在用它。</source>
        <translation>Set to start, but port {port} could not be opened: another program (such as another &quot;cunyi serve&quot;) may be using it.</translation>
    </message>
    <message>
        <source>各村卫生室</source>
        <translation>the village clinics</translation>
    </message>
    <message>
        <source>各乡镇卫生院</source>
        <translation>the township health centres</translation>
    </message>
    <message>
        <source>同步服务器没有开启（详见日志）</source>
        <translation>The sync server did not open (see the log for details).</translation>
    </message>
    <message>
        <source>正在停止服务器……</source>
        <translation>Stopping the server…</translation>
    </message>
    <message>
        <source>正在开启服务器……</source>
        <translation>Opening the server…</translation>
    </message>
    <message>
        <source>未开启。开启后，{who}在“设置 → 服务器地址”填写本机地址，即可通过网络自动同步；以后打开村医时服务器也会自动开启。</source>
        <translation>Off. Once it is on, {who} enter this PC&apos;s address under &quot;Settings → Server address&quot; and sync over the network by themselves; from then on the server also starts whenever CunYi opens.</translation>
    </message>
    <message>
        <source>{who}的服务器地址填 {url}</source>
        <translation>Server address for {who}: {url}</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> or </translation>
    </message>
    <message>
        <source>本机没有联网：接上局域网后，{who}的服务器地址填本机的 IP 地址和端口 {port}</source>
        <translation>This PC is on no network: once it is on the local network, {who} enter this PC&apos;s IP address and port {port} as the server address</translation>
    </message>
    <message>
        <source>正在接收。{where}。开启以来已收到 {n} 个同步包。</source>
        <translation>Receiving. {where}. Bundles received since it started: {n}.</translation>
    </message>
    <message>
        <source>同步服务器</source>
        <translation>Sync server</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>65岁及以上高血压患者的控制目标应为 {choices} 之一</source>
        <translation>The control target for hypertension patients aged 65 and over must be one of {choices}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>随访表显示省级扩展项目</source>
        <translation>Show the provincial extra fields on follow-up forms</translation>
    </message>
    <message>
        <source>用药调整意见、下一步管理措施、转诊联系人及电话、转诊结果、备注</source>
        <translation>medication adjustment, next step, referral contact and phone, referral result, notes</translation>
    </message>
    <message>
        <source>低于 150/90 mmHg（国家基本公共卫生服务规范第三版）</source>
        <translation>Below 150/90 mmHg (national basic public health service specification, 3rd edition)</translation>
    </message>
    <message>
        <source>低于 140/90 mmHg（与65岁以下相同）</source>
        <translation>Below 140/90 mmHg (as for patients under 65)</translation>
    </message>
    <message>
        <source>随访建议、趋势图和血压控制率都按此判断；乡镇卫生院与各村应设为一致</source>
        <translation>Follow-up suggestions, trend charts and the blood pressure control rate all use this; the township and its villages should set the same</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>保存本机构信息</source>
        <translation>Save institution</translation>
    </message>
    <message>
        <source>本机构信息由本机构的工作人员或管理员修改</source>
        <translation>Only the institution&apos;s own staff or an administrator can change these details</translation>
    </message>
    <message>
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <source>随访表</source>
        <translation>Follow-up form</translation>
    </message>
    <message>
        <source>65岁及以上高血压控制目标</source>
        <translation>Hypertension target, age 65+</translation>
    </message>
    <message>
        <source>备份到U盘或文件夹…</source>
        <translation>Back up to a USB stick or folder…</translation>
    </message>
    <message>
        <source>每天第一次启动和关闭时自动备份到数据目录的 backups 文件夹（保留7个每日、4个每周备份）。</source>
        <translation>A backup is made automatically into the data folder&apos;s backups at the first start and close of each day (7 daily and 4 weekly kept).</translation>
    </message>
    <message>
        <source>只有管理员可以备份到U盘或文件夹</source>
        <translation>Only an administrator can back up to a USB stick or folder</translation>
    </message>
    <message>
        <source>数据库在 PostgreSQL 服务器上：请用服务器自己的备份（如 pg_dump），本程序不备份。</source>
        <translation>The store is on a PostgreSQL server: back it up with the server&apos;s own tools (e.g. pg_dump). CunYi does not back it up.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本次运行使用 {language}（启动时指定）；上面是保存的界面语言。</source>
        <translation>This run is in {language} (chosen at start); the box shows the saved language.</translation>
    </message>
    <message>
        <source>已保存。以后打印的随访卡、转诊单和工作单都使用这些信息。</source>
        <translation>Saved. Cards, referral slips and worklists printed from now on carry these details.</translation>
    </message>
    <message>
        <source>已保存。界面语言在下次启动时生效。</source>
        <translation>Saved. The language changes at the next start.</translation>
    </message>
    <message>
        <source>选择U盘或文件夹</source>
        <translation>Choose a USB stick or folder</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
</context>
<context>
    <name>Smi</name>
    <message>
        <source>{name}没有严重精神障碍管理记录</source>
        <translation>{name} has no record in this programme</translation>
    </message>
    <message>
        <source>不能为{name}登记：请与乡镇卫生院精神卫生负责人联系</source>
        <translation>Cannot register {name}: please contact the township health centre&apos;s mental-health officer</translation>
    </message>
    <message>
        <source>{name}已登记为严重精神障碍管理患者</source>
        <translation>{name} is already registered in this programme</translation>
    </message>
    <message>
        <source>{label}不能早于出生日期</source>
        <translation>{label} cannot be before the birth date</translation>
    </message>
    <message>
        <source>知情同意签字时间不能早于确诊日期</source>
        <translation>The consent cannot be signed before the diagnosis date</translation>
    </message>
    <message>
        <source>{what}不能早于确诊日期{d}</source>
        <translation>{what} cannot be before the diagnosis date {d}</translation>
    </message>
    <message>
        <source>{what}不能早于登记前一年（{d}）；更早的请先在登记表中填写确诊日期</source>
        <translation>{what} cannot be more than a year before the registration ({d}); for earlier dates, first enter the diagnosis date on the registration form</translation>
    </message>
    <message>
        <source>{name}目前不在管理中</source>
        <translation>{name} is not under management now</translation>
    </message>
    <message>
        <source>随访日期不能早于出生日期</source>
        <translation>The visit date cannot be before the birth date</translation>
    </message>
    <message>
        <source>该患者当天已有一次随访记录；如需更正，请先作废原记录</source>
        <translation>This patient already has a follow-up on that day; to correct it, void that record first</translation>
    </message>
    <message>
        <source>下次随访日期应晚于本次随访日期</source>
        <translation>The next visit must be after this visit</translation>
    </message>
    <message>
        <source>下次随访日期最晚为本次随访后一年（{d}）</source>
        <translation>The next follow-up is due at most a year after this one ({d})</translation>
    </message>
    <message>
        <source>危险性评估为 {danger} 级，本次随访分类不能评为“{label}”</source>
        <translation>With danger level {danger}, this visit cannot be classified as {label}</translation>
    </message>
    <message>
        <source>严重精神障碍随访</source>
        <translation>severe mental disorder follow-up</translation>
    </message>
    <message>
        <source>{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院</source>
        <translation>The record of {day} is a loss to follow-up or a death, which ended the management: it cannot be voided; if it is wrong, please contact the township health centre</translation>
    </message>
    <message>
        <source>随访结果应为 lost（失访）或 died（死亡）</source>
        <translation>The outcome must be lost or died</translation>
    </message>
    <message>
        <source>随访日期应在出生之后、今天之前</source>
        <translation>The visit date must be between birth and today</translation>
    </message>
    <message>
        <source>死亡日期应在出生之后、今天之前</source>
        <translation>The date of death must be between birth and today</translation>
    </message>
    <message>
        <source>死亡日期不能晚于随访日期</source>
        <translation>The date of death cannot be after the visit date</translation>
    </message>
    <message>
        <source>死亡日期不能早于最近一次随访评估（{d}）</source>
        <translation>The date of death cannot be before the latest assessment ({d})</translation>
    </message>
    <message>
        <source>请选择失访原因（1–5）</source>
        <translation>Choose the reason lost (1–5)</translation>
    </message>
    <message>
        <source>请选择死亡原因（1–6）</source>
        <translation>Choose the cause of death (1–6)</translation>
    </message>
    <message>
        <source>按本次评估无需转诊</source>
        <translation>This assessment does not call for a referral</translation>
    </message>
    <message>
        <source>找不到该随访记录</source>
        <translation>Follow-up record not found</translation>
    </message>
</context>
<context>
    <name>SmiPage</name>
    <message>
        <source>逾期未随访</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>7天内到期</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <source>全部在管患者</source>
        <translation>All under management</translation>
    </message>
    <message>
        <source>登记患者</source>
        <translation>Register patient</translation>
    </message>
    <message>
        <source>录入随访 (Enter)</source>
        <translation>Enter visit (Enter)</translation>
    </message>
    <message>
        <source>选中患者的最近一次随访；未选中时打印空白表</source>
        <translation>The selected patient&apos;s latest visit; a blank form when none is selected</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>随访表</source>
        <translation>Follow-up form</translation>
    </message>
    <message>
        <source>个人信息补充表</source>
        <translation>Supplementary information form</translation>
    </message>
    <message>
        <source>选中患者的个人信息补充表（登记时填写）；未选中时打印空白表</source>
        <translation>The selected patient&apos;s supplementary form (filled in at registration); a blank form when none is selected</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>上次分类</source>
        <translation>Last class</translation>
    </message>
    <message>
        <source>应随访日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>未随访</source>
        <translation>Not yet visited</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>Patients: {n}</translation>
    </message>
    <message>
        <source>专项随访表</source>
        <translation>Special follow-up form</translation>
    </message>
    <message>
        <source>专项补充表</source>
        <translation>Special supplementary form</translation>
    </message>
</context>
<context>
    <name>SmiRegisterDialog</name>
    <message>
        <source>登记患者</source>
        <translation>Register patient</translation>
    </message>
    <message>
        <source>姓名、17位档案编号或后8位</source>
        <translation>Name, 17-digit archive number or its last 8 digits</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SmiVisitDialog</name>
    <message>
        <source>专项随访 — {name}</source>
        <translation>Special follow-up — {name}</translation>
    </message>
    <message>
        <source>已随访</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>失访</source>
        <translation>Lost to follow-up</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>随访结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>失访原因</source>
        <translation>Reason lost</translation>
    </message>
    <message>
        <source>死亡日期</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>死亡原因</source>
        <translation>Cause of death</translation>
    </message>
    <message>
        <source>开转诊单…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>评估为不稳定时，先起草转诊单（随访仍需保存）</source>
        <translation>Assessed unstable: draft a referral now (the visit still has to be saved)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>失访或死亡：保存后该患者转出在管名单</source>
        <translation>Lost or died: once saved, the patient leaves the list under management</translation>
    </message>
    <message>
        <source>填写随访日期和危险性评估后给出分类建议</source>
        <translation>Enter the visit date and danger level for a suggested class</translation>
    </message>
    <message>
        <source>建议：{suggested}；医生判为{cls}，下次随访 {date}</source>
        <translation>Suggested: {suggested}; classed by the doctor as {cls}, next visit {date}</translation>
    </message>
    <message>
        <source>建议：{cls}，下次随访 {date}</source>
        <translation>Suggested: {cls}, next visit {date}</translation>
    </message>
    <message>
        <source>；立即转诊到上级医院，2周内了解情况</source>
        <translation>; refer to a higher-level hospital now and check within 2 weeks</translation>
    </message>
    <message>
        <source>；危险性 3 级以上：必要时报告公安机关</source>
        <translation>; danger level 3 or above: report to the police where required</translation>
    </message>
    <message>
        <source>；请精神专科医生指导</source>
        <translation>; ask a psychiatrist for guidance</translation>
    </message>
    <message>
        <source>自知力</source>
        <translation>insight</translation>
    </message>
    <message>
        <source>社会功能</source>
        <translation>social function</translation>
    </message>
    <message>
        <source>；{what}未评估，评估后才能判为稳定</source>
        <translation>; {what} not assessed: assess them before the visit can be stable</translation>
    </message>
    <message>
        <source>立即转诊</source>
        <translation>Immediate referral</translation>
    </message>
    <message>
        <source>评估为不稳定，应立即转诊到上级医院。是否开具转诊单？</source>
        <translation>The assessment is unstable: refer at once to a higher-level hospital. Issue a referral slip?</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>村医未能打开</source>
        <translation>CunYi could not open</translation>
    </message>
</context>
<context>
    <name>StoreCopy</name>
    <message>
        <source>连不上数据库 {url}：数据库服务器没有开、地址或端口不对，或用户名、密码、数据库名不对（详见日志）</source>
        <translation>Cannot reach the database {url}: the database server is not running, the address or port is wrong, or the user name, password or database name is wrong (see the log)</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏，打不开。请把它移到别处（留作检查），用 cunyi init 以原来的代码重新设置本机，再用 cunyi restore 备份文件 --force-other-device 恢复最近的备份：本机将换用新的设备身份，请让乡镇卫生院重新信任本机的设备卡</source>
        <translation>The database file {path} is damaged and does not open. Move it elsewhere (keep it for inspection), set this PC up again with cunyi init and its former code, then restore the latest backup with cunyi restore BACKUP-FILE --force-other-device: this PC takes a new device identity, and the township health centre must trust its new device card</translation>
    </message>
    <message>
        <source>数据库文件 {path} 所在的磁盘已满，打不开：请腾出磁盘空间（删除不用的文件）后再试，已保存的数据没有丢失</source>
        <translation>The disk holding the database file {path} is full, so it cannot open: free some disk space (delete files you do not need) and try again; nothing saved was lost</translation>
    </message>
    <message>
        <source>打不开数据库文件 {path}：那里不是一个可读写的文件（是文件夹、没有权限，或所在的磁盘不可写），详见日志</source>
        <translation>Cannot open the database file {path}: what is there is not a file that can be read and written (a folder, no permission, or a disk that cannot be written); see the log</translation>
    </message>
    <message>
        <source>读写数据库文件 {path} 时出错（磁盘或文件系统的故障，详见日志）：请检查磁盘，必要时从备份恢复</source>
        <translation>Reading or writing the database file {path} failed (a fault of the disk or file system; see the log): check the disk, and restore from a backup if needed</translation>
    </message>
    <message>
        <source>只能从本机的 SQLite 数据库迁出（当前数据库：{url}）</source>
        <translation>Only a local SQLite store can be migrated (current store: {url})</translation>
    </message>
    <message>
        <source>村卫生室的数据只存在本机的 SQLite 数据库中：只有乡镇的数据库可以迁到服务器</source>
        <translation>A village clinic keeps its data in the local SQLite store: only a township&apos;s store can move to a server</translation>
    </message>
    <message>
        <source>这个 SQLite 文件的数据已经迁到 PostgreSQL 服务器，此后的修改都在服务器上：不能再从它迁出（那会用旧数据顶替新数据）。服务器上的数据库要换服务器，请用 PostgreSQL 的 pg_dump 和 pg_restore</source>
        <translation>This SQLite file&apos;s data was already moved to a PostgreSQL server, and every change since is there: it cannot be moved again (its old records would replace the new ones). To move the database to another server, use PostgreSQL&apos;s pg_dump and pg_restore</translation>
    </message>
    <message>
        <source>目标必须是 PostgreSQL 数据库（postgresql+psycopg://用户@主机/库名），不是 {url}</source>
        <translation>The target must be a PostgreSQL database (postgresql+psycopg://user@host/db), not {url}</translation>
    </message>
    <message>
        <source>数据库地址 {url} 读不通：用户名或密码里的 @ : / # ? % &amp; 等字符要按网址的规则写（如 @ 写作 %40，: 写作 %3A，/ 写作 %2F，# 写作 %23，? 写作 %3F，% 写作 %25，&amp; 写作 %26）</source>
        <translation>The database address {url} cannot be read: characters such as @ : / # ? % &amp; in the user name or password must be written as in a web address (@ as %40, : as %3A, / as %2F, # as %23, ? as %3F, % as %25, &amp; as %26)</translation>
    </message>
    <message>
        <source>数据库账户 {user} 在 {url} 没有{what}的权限：请数据库管理员授予它这个数据库的权限，或换用有权限的账户</source>
        <translation>The database account {user} may not {what} in {url}: ask the database administrator to grant it rights on this database, or use an account that has them</translation>
    </message>
    <message>
        <source>读写数据</source>
        <translation>read or write data</translation>
    </message>
    <message>
        <source>建表</source>
        <translation>create tables</translation>
    </message>
    <message>
        <source>写入数据</source>
        <translation>write data</translation>
    </message>
    <message>
        <source>核对失败：表 {table} 原有 {want} 行，迁移后 {got} 行，或内容不一致；目标数据库未作改动</source>
        <translation>Verification failed: table {table} had {want} rows and has {got} after the copy, or their content differs; nothing was changed in the target database</translation>
    </message>
    <message>
        <source>表 {table} 中记录 {row} 的 {column} 含有 PostgreSQL 无法保存的字符（U+0000）：请先在原数据库中更正这条记录；目标数据库未作改动</source>
        <translation>Record {row} in table {table} has a character PostgreSQL cannot store (U+0000) in {column}: correct this record in the original database first; the target database was not changed</translation>
    </message>
    <message>
        <source>表 {table} 的数据无法存入 PostgreSQL：{reason}；目标数据库未作改动</source>
        <translation>The data of table {table} cannot be stored in PostgreSQL: {reason}; the target database was not changed</translation>
    </message>
    <message>
        <source>目标数据库 {url} 已有数据：请用一个新建的空数据库</source>
        <translation>The target database {url} already holds data: use a new, empty database</translation>
    </message>
    <message>
        <source>磁盘空间已满：刚才的操作未完成，已保存的数据没有丢失。请腾出磁盘空间（删除不用的文件）后再试</source>
        <translation>The disk is full: the operation was not completed, and nothing saved was lost. Free some disk space (delete files you do not need) and try again</translation>
    </message>
    <message>
        <source>数据库正被另一个窗口或程序写入（如导入、备份），等了 {seconds} 秒仍没轮到：刚才的操作未保存，请稍后再试</source>
        <translation>Another window or program (an import, a backup) is writing to the database, and it was still busy after {seconds} seconds: nothing was saved; please try again shortly</translation>
    </message>
    <message>
        <source>与数据库服务器的连接中断（服务器停止或网络断开）：刚才的操作未保存，请稍后再试</source>
        <translation>The connection to the database server was lost (the server stopped, or the network is down): nothing was saved; please try again shortly</translation>
    </message>
    <message>
        <source>数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）：刚才的操作未保存。请在数据库地址中使用有写入权限的账户</source>
        <translation>The database server does not let this database account write (a read-only account or server): nothing was saved. Use an account that may write in the database address</translation>
    </message>
    <message>
        <source>村医正在另一个窗口或程序中使用这个数据库（村医主窗口、cunyi serve 或另一条命令），{doing}未进行：它会换掉数据库文件，那边随后保存的内容都会丢失。请先关闭它们，再重试</source>
        <translation>CunYi has this database open in another window or program (the CunYi window, cunyi serve or another command), so the {doing} did not happen: it replaces the database file, and whatever was saved there afterwards would be lost. Close them first, then try again.</translation>
    </message>
    <message>
        <source>数据库 {url} 里已有别的程序的数据表（{tables}），不是村医的数据库，未作任何改动：请核对数据库地址，或为村医新建一个空数据库</source>
        <translation>The database {url} holds another program&apos;s tables ({tables}): it is not a CunYi database, and nothing was changed. Check the database address, or create an empty database for CunYi</translation>
    </message>
    <message>
        <source>这个数据库文件已迁到 PostgreSQL 服务器，不再写入，刚才的操作未保存：请关闭村医（及 cunyi serve）后重新打开，今后使用服务器上的数据库</source>
        <translation>This database file has been moved to a PostgreSQL server and is no longer written to; what you just did was not saved. Close CunYi (and cunyi serve) and open it again: from now on it uses the database on the server</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>restore</translation>
    </message>
    <message>
        <source>加密数据库</source>
        <translation>encryption of the database</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>同步包解开后远大于正常的大小（超过 {limit} MB），未导入：文件被改动过，或不是村医写出的</source>
        <translation>The bundle unpacks to far more than a bundle does (over {limit} MB); nothing imported: the file was altered, or was not written by CunYi</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>{name} 不是村医同步包，或文件头已损坏</source>
        <translation>{name} is not a CunYi sync bundle, or its header is damaged</translation>
    </message>
    <message>
        <source>签名不符：文件被改动过，或不是该设备发出的</source>
        <translation>Signature mismatch: the file was altered, or was not sent by that device</translation>
    </message>
    <message>
        <source>文件末尾多出 {extra} 字节：文件被改动过，或与别的文件拼接在了一起</source>
        <translation>{extra} bytes too many at the end of the file: it was changed, or joined to another file</translation>
    </message>
    <message>
        <source>文件不完整（{got} 字节，应为 {want} 字节）：可能拷贝时U盘被拔出</source>
        <translation>The file is incomplete ({got} bytes of {want}): the USB stick may have been pulled out while copying</translation>
    </message>
    <message>
        <source>文件内容已损坏或被改动（校验值不符）</source>
        <translation>The file&apos;s content is damaged or altered (checksum mismatch)</translation>
    </message>
    <message>
        <source>同步包内容不合格，整包未导入：{entity} {row} 的 {field} 含有无法识别的字符（U+{code}）</source>
        <translation>The sync bundle&apos;s content is invalid; nothing in it was imported: {field} of {entity} {row} contains an unreadable character (U+{code})</translation>
    </message>
    <message>
        <source>无法解密：文件已损坏，或不是发给本机密钥的</source>
        <translation>Cannot decrypt: the file is damaged, or was not encrypted for this device&apos;s key</translation>
    </message>
    <message>
        <source>冲突编号应为十六进制数字（0-9、a-f）：{ref}</source>
        <translation>A conflict number is hexadecimal digits (0-9, a-f): {ref}</translation>
    </message>
    <message>
        <source>没有未处理的冲突 {ref}</source>
        <translation>There is no open conflict {ref}</translation>
    </message>
    <message>
        <source>有 {n} 个冲突以 {ref} 开头，请多输入几位</source>
        <translation>{n} conflicts start with {ref}: type a few more digits</translation>
    </message>
    <message>
        <source>冲突和重复档案由乡镇卫生院处理</source>
        <translation>Conflicts and duplicate records are resolved by the township health centre</translation>
    </message>
    <message>
        <source>该冲突不存在或已处理</source>
        <translation>This conflict does not exist or has been resolved</translation>
    </message>
    <message>
        <source>该冲突不能这样处理</source>
        <translation>This conflict cannot be resolved that way</translation>
    </message>
    <message>
        <source>不能只换回{field}：换回后{wrong}与档案的身份证号、出生日期、性别不一致。请在档案中一并改正，再将此冲突处理为保留现值</source>
        <translation>{field} cannot be brought back alone: {wrong} would then contradict the record&apos;s ID number, birth date and sex. Correct them together in the record, then settle this conflict by keeping the current value</translation>
    </message>
    <message>
        <source>疑似重复档案在审核中处理：决定是否同一人、保留哪一份，决定会告知相关村卫生室（cunyi review decide {key} --decision … --reason …）</source>
        <translation>Possible duplicates are decided in the review queue: whether they are one person and which record to keep. The villages concerned are told the decision (cunyi review decide {key} --decision … --reason …)</translation>
    </message>
    <message>
        <source>文件夹不存在：{path}</source>
        <translation>Folder not found: {path}</translation>
    </message>
    <message>
        <source>设备 {name} 已被撤销信任，不再向它导出</source>
        <translation>Device {name} is no longer trusted; nothing is exported to it</translation>
    </message>
    <message>
        <source>还没有信任任何设备：请先核对指纹并导入对方的设备卡</source>
        <translation>No device is trusted yet: check the fingerprint and import the other device&apos;s card first</translation>
    </message>
    <message>
        <source>对方已有全部变更，无需导出</source>
        <translation>It already has every change; nothing to export</translation>
    </message>
    <message>
        <source>找不到文件或文件夹：{path}</source>
        <translation>File or folder not found: {path}</translation>
    </message>
    <message>
        <source>这是发给其他设备的同步包，未导入</source>
        <translation>This bundle is addressed to another device; not imported</translation>
    </message>
    <message>
        <source>此同步包已导入过，跳过</source>
        <translation>This bundle was imported before; skipped</translation>
    </message>
    <message>
        <source>发送设备 {device} 未受信任：请先核对指纹并导入它的设备卡，再从隔离区导入</source>
        <translation>Sending device {device} is not trusted: check its fingerprint and import its card, then import from quarantine</translation>
    </message>
    <message>
        <source>发送设备 {name} 已被撤销信任，拒绝导入</source>
        <translation>Sending device {name} is no longer trusted; import refused</translation>
    </message>
    <message>
        <source>同步包来自更新版本的村医（数据结构 {schema}），请先将本机村医更新到最新版本</source>
        <translation>The bundle comes from a newer CunYi (schema {schema}): update CunYi on this PC first</translation>
    </message>
    <message>
        <source>导入时出错，未做任何更改（详见日志）</source>
        <translation>Import failed; nothing was changed (see the log)</translation>
    </message>
    <message>
        <source>同步包文件在导入过程中被改动，已停止：请重新导入</source>
        <translation>The bundle file changed while it was being imported; import stopped. Please import it again</translation>
    </message>
    <message>
        <source>导入中途出错（详见日志）：已导入的部分保留，再次导入这个同步包会从中断处继续</source>
        <translation>The import failed part way (see the log). What was imported is kept; importing this bundle again continues where it stopped</translation>
    </message>
    <message>
        <source>{name} 的电脑时钟比本机快约 {days} 天：请核对两台电脑的日期和时间</source>
        <translation>{name}&apos;s clock is ahead of this PC&apos;s (days ahead: about {days}): check the date and time on both</translation>
    </message>
    <message>
        <source>设备密钥已用口令保护：请输入口令（或设置环境变量 CUNYI_KEY_PASSPHRASE）</source>
        <translation>The device keys are protected by a passphrase: enter it (or set CUNYI_KEY_PASSPHRASE)</translation>
    </message>
    <message>
        <source>设备密钥口令不正确</source>
        <translation>Wrong passphrase for the device keys</translation>
    </message>
    <message>
        <source>口令至少8个字符</source>
        <translation>A passphrase needs at least 8 characters</translation>
    </message>
    <message>
        <source>本机设备密钥不存在：{path}（请从备份恢复，或重新初始化）</source>
        <translation>This device&apos;s keys are missing: {path} (restore them from a backup, or initialise again)</translation>
    </message>
    <message>
        <source>本数据目录的设备密钥（指纹 {have}）不是这个数据库的设备密钥（指纹 {want}），用它们签发的同步包会被对方拒收：请把最初初始化这个数据库的电脑上的 keys 文件夹复制到 {path}</source>
        <translation>The device keys in this data folder (fingerprint {have}) are not this database&apos;s device keys (fingerprint {want}); other devices would refuse bundles signed with them. Copy the keys folder from the computer that first set up this database to {path}</translation>
    </message>
    <message>
        <source>找不到设备卡文件：{path}</source>
        <translation>Device card not found: {path}</translation>
    </message>
    <message>
        <source>{path} 不是村医设备卡，或文件已损坏</source>
        <translation>{path} is not a CunYi device card, or it is damaged</translation>
    </message>
    <message>
        <source>本机设备密钥文件已损坏，无法读取：{path}。请把 keys 文件夹的副本复制回数据文件夹；没有副本时，请联系乡镇卫生院，把本机作为新设备重新设置</source>
        <translation>This PC&apos;s device key file is damaged and cannot be read: {path}. Put a copy of the keys folder back into the data folder; without one, ask the township health centre to set this PC up again as a new device</translation>
    </message>
    <message>
        <source>本数据文件夹没有设备密钥（{path}）：这个数据库在服务器上，由第一台工作站初始化，各工作站共用它的设备密钥。请把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹</source>
        <translation>This data folder has no device keys ({path}): this database is on a server and was set up by the first workstation, whose device keys every workstation shares. Copy the keys folder from the first workstation&apos;s data folder into this PC&apos;s data folder</translation>
    </message>
    <message>
        <source>设备卡的指纹与其中的密钥不符：文件被改动过，不能信任</source>
        <translation>The card&apos;s fingerprint does not match its keys: the file was altered and cannot be trusted</translation>
    </message>
    <message>
        <source>这张设备卡没有签名（较早版本导出的）：请让对方用现在的版本重新导出设备卡</source>
        <translation>This device card carries no signature (exported by an older version): ask the other side to export their device card again with the current version</translation>
    </message>
    <message>
        <source>设备卡上写的设备、单位或地点（{code} {name}）与卡的签名不符：卡被改动过，未信任。请让对方重新导出设备卡，并打电话核对指纹</source>
        <translation>The device, institution or place on the device card ({code} {name}) does not match the card&apos;s signature: the card was changed and is not trusted. Ask the other side to export their device card again, and compare fingerprints by phone</translation>
    </message>
    <message>
        <source>设备卡上的服务器地址或证书指纹被改动过，不能信任</source>
        <translation>The server address or certificate fingerprint on the device card was altered; it cannot be trusted</translation>
    </message>
    <message>
        <source>这是本机自己的设备卡</source>
        <translation>This is this device&apos;s own card</translation>
    </message>
    <message>
        <source>设备卡上的单位代码“{code}”无效，未信任</source>
        <translation>The place code &quot;{code}&quot; on the device card is not valid; the card was not trusted</translation>
    </message>
    <message>
        <source>本村只与所属乡镇卫生院（{town}）同步，这张卡是 {code} {name}</source>
        <translation>A village syncs only with its own township centre ({town}); this card is {code} {name}</translation>
    </message>
    <message>
        <source>本乡镇只与所辖村卫生室和所属县（{county}）同步，这张卡是 {code} {name}</source>
        <translation>This township syncs only with its own villages and its county ({county}); this card is {code} {name}</translation>
    </message>
    <message>
        <source>本县只与所辖乡镇卫生院同步，这张卡是村卫生室 {code} {name}：村卫生室与所属乡镇卫生院同步</source>
        <translation>The county syncs only with its township health centres; this card is village clinic {code} {name}: a village clinic syncs with its township health centre</translation>
    </message>
    <message>
        <source>本县只与所辖乡镇卫生院同步，这张卡是 {code} {name}（不属于本县 {county}）</source>
        <translation>This county syncs only with its own townships; this card is {code} {name} (not of county {county})</translation>
    </message>
    <message>
        <source>设备 {code} {name} 已于 {date} 被撤销信任，不能凭原来的设备卡再次信任：它的密钥可能已不安全。那台电脑需以新的设备身份重新设置（如在一个新的数据文件夹中用 cunyi restore 恢复它的备份），再核对并导入它的新设备卡</source>
        <translation>Device {code} {name} was revoked on {date} and cannot be trusted again with its old card: its keys may no longer be safe. That PC must be set up again as a new device (for example by restoring its backup with cunyi restore into a new data folder); then check and import its new card.</translation>
    </message>
    <message>
        <source>设备 {code} {name} 已以另一组密钥登记，这张卡的密钥与之不符，未信任：请先打电话核对指纹。换了电脑或重装的，会以新的设备身份出现，它的新卡可以直接信任</source>
        <translation>Device {code} {name} is registered with other keys, and this card&apos;s keys do not match them: not trusted. Check the fingerprint by phone first. A PC replaced or set up again comes as a new device, and its new card can be trusted directly.</translation>
    </message>
    <message>
        <source>设备 {device} 已作为 {old_code} {old_name} 受信任，这张卡却写着 {code} {name}，未信任：一台电脑只属于一个单位。换了单位的电脑需以新的设备身份重新设置，再核对并导入它的新设备卡</source>
        <translation>Device {device} is trusted as {old_code} {old_name}, but this card says {code} {name}: not trusted. A PC belongs to one institution; a PC moved to another one must be set up again as a new device, and its new card checked and imported</translation>
    </message>
    <message>
        <source>这张卡的密钥已属于设备 {device}（{code} {name}），未信任：每台电脑有自己的密钥，请打电话核对指纹，并向对方要它本机导出的设备卡</source>
        <translation>The keys on this card belong to device {device} ({code} {name}): not trusted. Every PC has keys of its own: check the fingerprint by phone and ask for the card exported on that PC</translation>
    </message>
    <message>
        <source>“{ref}”对应多台设备（{devices}），请用设备编号指明其中一台</source>
        <translation>&quot;{ref}&quot; matches several devices ({devices}): give the device id of one of them</translation>
    </message>
    <message>
        <source>没有找到设备“{ref}”</source>
        <translation>No device &quot;{ref}&quot;</translation>
    </message>
    <message>
        <source>“{key}”不是有效的 age 公钥（应以 age1 开头）</source>
        <translation>&quot;{key}&quot; is not a valid age public key (it starts with age1)</translation>
    </message>
    <message>
        <source>{sender} 的电脑时钟有误：同步包里的时间是 {clock}，比本机的 {mine} 快一天以上。请把 {sender} 电脑的日期和时间改正后重新导出；本机未做任何更改</source>
        <translation>The clock of {sender}&apos;s PC is wrong: its bundle is dated {clock}, more than a day ahead of this PC ({mine}). Correct the date and time on {sender}&apos;s PC and export again; nothing was changed here</translation>
    </message>
    <message>
        <source>同步包的清单无效（{field}），整包未导入</source>
        <translation>The bundle&apos;s manifest is invalid ({field}); nothing in it was imported</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row} 的变更来源是设备 {origin}，而村卫生室 {sender} 只能发送本机做的变更</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: the change to {entity} {row} comes from device {origin}, but the village clinic {sender} may only send changes made on its own PC</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）在本机属于 {scope}，超出 {sender} 的范围</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {entity} {row} (from device {origin}) belongs to {scope} here, outside what {sender} may change</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）按其内容属于 {scope}，超出 {sender} 的范围</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: by its contents, {entity} {row} (from device {origin}) belongs to {scope}, outside what {sender} may change</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）标明属于 {scope}，超出 {sender} 的范围</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {entity} {row} (from device {origin}) is marked as belonging to {scope}, outside what {sender} may change</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 发来未知类型的记录 {entity} {row}（来源设备 {origin}）</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {sender} sent a record of unknown type {entity} {row} (from device {origin})</translation>
    </message>
    <message>
        <source>{sender} 的电脑时钟可能有误，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope}，晚于本机的今天。请在 {sender} 改正这条记录的日期（随访、体检记录可作废后按正确日期重录），改正电脑的日期和时间后重新导出；本机未做任何更改</source>
        <translation>The clock of {sender}&apos;s computer may be wrong; the bundle was not imported: {scope} of {entity} {row} (from device {origin}) is later than today here. At {sender}, correct the record&apos;s date (a follow-up or a health check can be voided and recorded again with the right date), correct the computer&apos;s date and time, then export again; nothing was changed here</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 声称已收到设备 {origin} 的第 {hw} 号变更，而本机只有到第 {held} 号</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {sender} claims to hold changes of device {origin} up to no. {hw}, but this PC has them only up to no. {held}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 声称本包带有它第 {lo}–{hi} 号变更，实际只带到第 {carried} 号</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {sender} claims it carries its changes no. {lo}–{hi}, but it carries them only up to no. {carried}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 无权修改 {entity} 类记录（{row}，来源设备 {origin}）</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {sender} may not change {entity} records ({row}, from device {origin})</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）指向属于 {scope} 的记录，与它自己所属的村不符，或超出 {sender} 的范围</source>
        <translation>Bundle oversteps its rights, nothing imported: {entity} {row} (from device {origin}) points at a record of {scope}, which is not its own village or is outside {sender}&apos;s area</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）属于 {scope}，不该由 {sender} 发给本机</source>
        <translation>Bundle oversteps its rights, nothing imported: {entity} {row} (from device {origin}) belongs to {scope} and should not have been sent to this PC by {sender}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 无权修改 {entity} {row} 的 {scope}（由乡镇卫生院维护；来源设备 {origin}）</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {sender} may not change {scope} of {entity} {row} (the township health centre keeps it; from device {origin})</translation>
    </message>
    <message>
        <source>同步包内容不合格，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope} 不符合要求</source>
        <translation>Bundle content not acceptable, nothing imported: {entity} {row} (from device {origin}) has an invalid {scope}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row} 的变更来源是另一乡镇的设备 {origin}，{sender} 不能代为转交</source>
        <translation>Bundle oversteps its rights, nothing imported: the change to {entity} {row} comes from {origin}, a device of another township, which {sender} may not pass on</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row} 是整库快照里的一行，来源却写作设备 {origin}，不是发送方 {sender}</source>
        <translation>Bundle oversteps its rights, nothing imported: {entity} {row} is a row of a whole-store snapshot but names device {origin} as its origin, not the sender {sender}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的档案编号 {scope} 不是 {sender} 能编的号：编号应以居民所在村的代码开头，村卫生室编的序号在 {first} 以下</source>
        <translation>Bundle exceeds its sender&apos;s rights and was not imported: {entity} {row} (source device {origin}) has archive number {scope}, which {sender} may not give: a number starts with its resident&apos;s village code, and a village clinic numbers below {first}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 要删除 {entity} {row}（来源设备 {origin}）；这类记录不能删除，只能作废</source>
        <translation>Bundle oversteps its rights, nothing imported: {sender} would delete {entity} {row} (from device {origin}); such records are never deleted, only voided</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的变更盖着 {scope} 一台设备的时钟，冒充别处的修改</source>
        <translation>Bundle oversteps its rights, nothing imported: the change of {entity} {row} (from device {origin}) is stamped with the clock of a device of {scope}, posing as a change made elsewhere</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改已有记录的 {scope}；这类记录建好后不能修改（有错请作废后重录，或录一条更正）</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: {entity} {row} (from device {origin}) changes {scope} of an existing record; such a record is not changed once made (void it and record it again, or record a correction)</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改或删除一条已有的审计日志；审计日志只能追加，不能修改</source>
        <translation>Bundle oversteps its rights, nothing imported: {entity} {row} (from device {origin}) would change or delete an existing audit log entry; the audit log can only be added to, never changed</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）记在设备 {scope} 名下；每台设备只能以自己的名义记审计日志</source>
        <translation>Bundle oversteps its rights, nothing imported: {entity} {row} (from device {origin}) is recorded in the name of device {scope}; a device may keep audit entries only in its own name</translation>
    </message>
    <message>
        <source>同步包内容不合格，整包未导入：第 {position} 条更改的 {key} 格式不对（{sender} 发来）</source>
        <translation>The bundle is not valid and was not imported: change no. {position} has a malformed {key} (sent by {sender})</translation>
    </message>
    <message>
        <source>{label}（{key} {value}）</source>
        <translation>{label} ({key} {value})</translation>
    </message>
    <message>
        <source>{label}（{key}）</source>
        <translation>{label} ({key})</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：县级 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，但县级只发送确认</source>
        <translation>Bundle oversteps its authority, nothing imported: county {sender} claims to pass on changes {lo}–{hi} of device {origin}, but a county only sends acknowledgements</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 声称转交另一乡镇 {origin} 的第 {lo}–{hi} 号变更</source>
        <translation>Bundle oversteps its authority, nothing imported: {sender} claims to pass on changes {lo}–{hi} of another township, {origin}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：村卫生室 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，但它只能代表本机</source>
        <translation>The bundle oversteps its sender; nothing in it was imported: the village clinic {sender} claims to pass on changes no. {lo}–{hi} of device {origin}, but it may only speak for itself</translation>
    </message>
    <message>
        <source>{sender} 的电脑时钟可能有误：同步包的发送时间是 {clock}，比本机知道的最新时间 {mine} 晚一年以上，未导入。请核对 {sender} 电脑的日期和时间；若是本机的日期有误，请改正后重新导入。本机未做任何更改</source>
        <translation>{sender}&apos;s computer clock may be wrong: the bundle was sent on {clock}, more than a year after the latest date this computer knows ({mine}); not imported. Please check the date and time on {sender}&apos;s computer; if this computer&apos;s date is wrong, correct it and import again. Nothing was changed here</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 发来整库快照，只有乡镇卫生院能发送快照</source>
        <translation>Bundle oversteps its rights, nothing imported: {sender} sent a whole-store snapshot; only a township health centre sends snapshots</translation>
    </message>
    <message>
        <source>同步包未导入：{reason}。本机未做任何更改</source>
        <translation>Bundle not imported: {reason}. Nothing was changed here</translation>
    </message>
    <message>
        <source>导入中途停止：{reason}。已导入的部分保留，问题解决后再次导入这个同步包会从中断处继续</source>
        <translation>Import stopped part way: {reason}. What was imported is kept; once the problem is solved, importing this bundle again continues where it stopped</translation>
    </message>
    <message>
        <source>来自 {sender} 的同步包导入到一半中断了（{at} 开始，已导入 {done} 条）：请把同一个文件再导入一次，会从中断处接着导入</source>
        <translation>The import of a bundle from {sender} was cut off part-way (started {at}, {done} changes imported): import the same file again and it goes on from where it stopped</translation>
    </message>
    <message>
        <source>{sender} 最近发来的同步包被本机拒收（{at}），之后没有收到过能导入的：问题解决前，它以后的同步包也会被拒收。原因见“同步”页的记录</source>
        <translation>The latest bundle from {sender} was refused here ({at}) and none has been taken since: until it is put right, its later bundles will be refused too. The reason is in the history on the Sync page</translation>
    </message>
    <message>
        <source>对方拒收了这个同步包。对方的说明：{reason}</source>
        <translation>The other device refused this bundle. Its explanation: {reason}</translation>
    </message>
    <message>
        <source>{peer} 于 {at} 拒收了本机 {sent} 导出的同步包 {number}。对方的说明：{reason}。问题解决前，本机以后的同步包也可能被拒收：请按说明处理，或与对方核对</source>
        <translation>{peer} refused at {at} the bundle {number} this PC exported at {sent}. Its explanation: {reason}. Until this is put right, this PC&apos;s later bundles may be refused too: do as the explanation says, or check with them</translation>
    </message>
    <message>
        <source>本机已记录的时间比现在的时钟晚约 {days} 天：若电脑的日期和时间不对（被调回或电池没电），请校准；若现在是对的，那是先前时钟走快时记下的，下次导出同步包时会改正</source>
        <translation>Times recorded on this PC are about {days} days later than its clock now: if the PC&apos;s date and time are wrong (set back, or a flat battery), correct them; if they are right now, those times were recorded while the clock ran fast and are put right at the next bundle export</translation>
    </message>
    <message>
        <source>本机日期 {pc} 比最近一次同步时乡镇卫生院的日期 {town} 晚 {days} 天：如果电脑日期不对请改正，并尽快与乡镇卫生院同步；在此之前随访日期最晚只能填 {today}</source>
        <translation>This PC&apos;s date ({pc}) is {days} days past the township health centre&apos;s date at the last sync ({town}): if this PC&apos;s date is wrong, correct it, and sync with the township soon; until then follow-up dates can be no later than {today}</translation>
    </message>
    <message>
        <source>县级只查阅和统计各乡镇同步上来的档案，不能在县级修改记录：请由所属乡镇卫生院或村卫生室修改，修改会随下次同步上报</source>
        <translation>The county reads and reports on the records its townships send; records cannot be changed at the county. Ask the township health centre or village clinic to correct it; the change reaches the county with the next sync</translation>
    </message>
    <message>
        <source>只能为受信任的村卫生室设备或所属县生成全量同步包</source>
        <translation>A full bundle can only be made for a trusted village clinic device or for this township&apos;s county</translation>
    </message>
    <message>
        <source>档案编号重复，整包未导入：{sender} 发来的两份档案 {name} 和 {holder}，档案编号都是 {number}。本机未做任何更改</source>
        <translation>Duplicate archive number, bundle not imported: two records sent by {sender}, {name} and {holder}, both have archive number {number}. Nothing was changed here</translation>
    </message>
    <message>
        <source>档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，而 {holder} 已用了这个编号{more}。本机未做任何更改</source>
        <translation>Duplicate archive number, bundle not imported: {name}, sent by {sender}{origin}, has archive number {number}, which {holder} already has{more}. Nothing was changed here</translation>
    </message>
    <message>
        <source>档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，而 {holder} 已用了这个编号{more}。若 {sender} 是村里新换的电脑：请导出同步包交给它导入（联网同步时自动完成），它会给自己新建、还没送出的档案改用没人用过的编号，之后发来的同步包就能导入。本机未做任何更改</source>
        <translation>Duplicate archive number, bundle not imported: {name}, sent by {sender}{origin}, has archive number {number}, which {holder} already has{more}. If {sender} is the village&apos;s new PC, export a bundle for it here (network sync does this by itself); once it imports it, it renumbers its own records not sent yet, and its next bundle will be imported. Nothing was changed here</translation>
    </message>
    <message>
        <source>（来源设备 {origin}）</source>
        <translation> (origin device {origin})</translation>
    </message>
    <message>
        <source>（共 {n} 份档案的编号这样重复）</source>
        <translation> ({n} records clash so in all)</translation>
    </message>
    <message>
        <source>本机新建的 {n} 份档案所用的编号，村里另一台电脑已经用过，已改用没人用过的新编号：
{renumbered}{more}
按旧编号打印过的随访卡或档案，请重新打印</source>
        <translation>Numbers of records created on this PC were already used by another PC in the village; they now have new, unused numbers ({n}):
{renumbered}{more}
Please reprint any follow-up card or record printed with an old number</translation>
    </message>
    <message>
        <source>{n} 份档案的编号与本机已有的档案重复，本机已另给编号：
{renumbered}{more}
新编号随下次同步告知村卫生室，请其重新打印按旧编号打印过的随访卡或档案</source>
        <translation>Numbers of records just received were already used by records here; this centre gave them new numbers ({n}):
{renumbered}{more}
The village clinic learns the new numbers with the next sync; ask it to reprint any follow-up card or record printed with an old number</translation>
    </message>
    <message>
        <source>乡镇卫生院改了 {n} 份档案的编号（原编号与村里另一份档案重复）：
{renumbered}{more}
按旧编号打印过的随访卡或档案，请重新打印</source>
        <translation>The township health centre changed the numbers of records whose numbers other records in the village already had ({n}):
{renumbered}{more}
Please reprint any follow-up card or record printed with an old number</translation>
    </message>
    <message>
        <source>
另有 {n} 份</source>
        <translation>
and {n} more</translation>
    </message>
    <message>
        <source>{first}
{second}</source>
        <translation>{first}
{second}</translation>
    </message>
    <message>
        <source>档案编号 {number} 重复，本机却无法另给编号（{reason}）</source>
        <translation>archive number {number} is given twice, and no other number can be given here ({reason})</translation>
    </message>
    <message>
        <source>本机数据库中{table}表有一条记录（编号 {row}）已损坏，无法导出，同步包未写出。请从最近的备份恢复，或请技术人员检查数据库（详见日志）</source>
        <translation>A record in the {table} table of this PC&apos;s database (id {row}) is damaged and cannot be exported; no bundle was written. Restore the latest backup, or ask a technician to check the database (details in the log)</translation>
    </message>
    <message>
        <source>本机数据库中{table}表有一条记录已损坏，无法导出，同步包未写出。请从最近的备份恢复，或请技术人员检查数据库（详见日志）</source>
        <translation>A record in the {table} table of this PC&apos;s database is damaged and cannot be exported; no bundle was written. Restore the latest backup, or ask a technician to check the database (details in the log)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>导出本机设备卡…</source>
        <translation>Export this device&apos;s card…</translation>
    </message>
    <message>
        <source>信任对方设备卡…</source>
        <translation>Trust a device card…</translation>
    </message>
    <message>
        <source>撤销所选设备的信任</source>
        <translation>Revoke trust in selected device</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>导出同步包</source>
        <translation>Export bundles</translation>
    </message>
    <message>
        <source>导入同步包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>U盘或文件夹</source>
        <translation>USB stick or folder</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>待对方确认</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <source>上次导出</source>
        <translation>Last export</translation>
    </message>
    <message>
        <source>上次导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>现值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>另一值</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>保留现值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <source>采用另一值</source>
        <translation>Use other value</translation>
    </message>
    <message>
        <source>冲突与疑似重复档案</source>
        <translation>Conflicts and possible duplicates</translation>
    </message>
    <message>
        <source>没有待处理的冲突或疑似重复档案：两处改了同一份档案的同一项时，会列在这里</source>
        <translation>No conflicts or possible duplicates to resolve: when two places change the same item of the same record, it is listed here</translation>
    </message>
    <message>
        <source>理由（村卫生室会看到，可不填）</source>
        <translation>Reason (the village clinic will read it; optional)</translation>
    </message>
    <message>
        <source>冲突由乡镇卫生院处理</source>
        <translation>Conflicts are resolved by the township centre</translation>
    </message>
    <message>
        <source>冲突由乡镇卫生院的公卫人员处理</source>
        <translation>Conflicts are decided by the township&apos;s public-health staff</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>变更条数</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>同步设备</source>
        <translation>Sync devices</translation>
    </message>
    <message>
        <source>所属乡镇卫生院</source>
        <translation>your township health centre</translation>
    </message>
    <message>
        <source>同步记录</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <source>还没有同步记录：导出或导入同步包后，每个包的去向都记在这里</source>
        <translation>No sync history yet: once bundles are exported or imported, what became of each is listed here</translation>
    </message>
    <message>
        <source>本机设备密钥已用口令保护：导出或导入时会询问口令</source>
        <translation>This device&apos;s keys are protected by a passphrase: it is asked for at export or import</translation>
    </message>
    <message>
        <source>{name}（{code}）  本机指纹：&lt;b&gt;{fp}&lt;/b&gt;</source>
        <translation>{name} ({code})  Device fingerprint: &lt;b&gt;{fp}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>经网络待对方取走</source>
        <translation>Left for pick-up (network)</translation>
    </message>
    <message>
        <source>经网络已被取走</source>
        <translation>Picked up (network)</translation>
    </message>
    <message>
        <source>{at} 取走</source>
        <translation>Picked up {at}</translation>
    </message>
    <message>
        <source>U盘 {drive}</source>
        <translation>USB stick {drive}</translation>
    </message>
    <message>
        <source>选择U盘或文件夹</source>
        <translation>Choose USB stick or folder</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>{at} 中断，未导入完</source>
        <translation>cut off {at}, unfinished</translation>
    </message>
    <message>
        <source>到审核中处理重复档案…</source>
        <translation>Decide duplicates in Review…</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>同步包编号</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <source>各村卫生室和县级</source>
        <translation>the village clinics and the county</translation>
    </message>
    <message>
        <source>各乡镇卫生院</source>
        <translation>the township health centres</translation>
    </message>
    <message>
        <source>还没有可同步的设备。第一次同步前：1. 点“导出本机设备卡…”，把卡片文件交给{partner}；2. 点“信任对方设备卡…”，选对方交来的卡片。之后就可以用U盘或网络同步了。</source>
        <translation>No device to sync with yet. Before the first sync: 1. click &quot;Export this device&apos;s card…&quot; and give the card file to {partner}; 2. click &quot;Trust a device card…&quot; and choose the card they give you. Then sync by USB stick or over the network.</translation>
    </message>
    <message>
        <source>已撤销信任</source>
        <translation>trust revoked</translation>
    </message>
    <message>
        <source>同一身份证号</source>
        <translation>Same ID number</translation>
    </message>
    <message>
        <source>审核中共有 {n} 对疑似重复档案待处理（身份证号相同，或姓名、出生日期和家庭住址相同）</source>
        <translation>{n} pair(s) of possible duplicate records wait on Review (the same ID number, or the same name, date of birth and household address)</translation>
    </message>
    <message>
        <source>导出（U盘/文件夹）</source>
        <translation>Exported (USB/folder)</translation>
    </message>
    <message>
        <source>导入（U盘/文件夹）</source>
        <translation>Imported (USB/folder)</translation>
    </message>
    <message>
        <source>拒收（U盘/文件夹）</source>
        <translation>Refused (USB/folder)</translation>
    </message>
    <message>
        <source>导出后被对方拒收（U盘/文件夹）</source>
        <translation>Exported, refused by the other device (USB/folder)</translation>
    </message>
    <message>
        <source>经网络发送</source>
        <translation>Sent (network)</translation>
    </message>
    <message>
        <source>经网络接收</source>
        <translation>Received (network)</translation>
    </message>
    <message>
        <source>拒收（网络）</source>
        <translation>Refused (network)</translation>
    </message>
    <message>
        <source>等待经网络发送</source>
        <translation>Not sent yet (network)</translation>
    </message>
    <message>
        <source>经网络发送失败</source>
        <translation>Send failed (network)</translation>
    </message>
    <message>
        <source>下次同步时自动重发</source>
        <translation>sent again at the next sync</translation>
    </message>
    <message>
        <source>之后的同步包已发出，带上了这些变更</source>
        <translation>a later bundle went out with these changes</translation>
    </message>
    <message>
        <source>之后本机的同步包已被对方导入</source>
        <translation>a later bundle of this PC was imported there</translation>
    </message>
    <message>
        <source>之后该设备的同步包已导入</source>
        <translation>a later bundle from this device was imported</translation>
    </message>
    <message>
        <source>请先插入U盘或选择文件夹</source>
        <translation>Insert a USB stick or choose a folder first</translation>
    </message>
    <message>
        <source>{peer}：{ops} 条变更，{kb} KB</source>
        <translation>{peer}: {kb} KB, changes: {ops}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出到 {folder}</source>
        <translation>Exported to {folder}</translation>
    </message>
    <message>
        <source>正在导出同步包…</source>
        <translation>Exporting bundles…</translation>
    </message>
    <message>
        <source>来自 {sender}：{ops} 条变更，冲突 {conflicts}，疑似重复 {dups}</source>
        <translation>From {sender}. Changes: {ops}; conflicts: {conflicts}; possible duplicates: {dups}</translation>
    </message>
    <message>
        <source>（乡镇卫生院已处理的冲突 {n} 个已结）</source>
        <translation> ({n} conflicts settled by the township&apos;s decisions)</translation>
    </message>
    <message>
        <source>已拒绝 {file}：{reason}</source>
        <translation>Rejected {file}: {reason}</translation>
    </message>
    <message>
        <source>没有发给本机的新同步包</source>
        <translation>No new bundles for this device</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>正在导入同步包…</source>
        <translation>Importing bundles…</translation>
    </message>
    <message>
        <source>同步包已写好。是否同时把本机数据备份到 {folder}？</source>
        <translation>The bundles are written. Also back up this PC&apos;s data to {folder}?</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>导出本机设备卡</source>
        <translation>Export this device&apos;s card</translation>
    </message>
    <message>
        <source>设备卡</source>
        <translation>Device card</translation>
    </message>
    <message>
        <source>已写入 {json} 和二维码 {png}。
对方信任前，请电话核对本机指纹：
{fp}</source>
        <translation>Wrote {json} and QR code {png}.
Before they trust it, read this fingerprint to them by phone:
{fp}</translation>
    </message>
    <message>
        <source>选择对方的设备卡</source>
        <translation>Choose the other device&apos;s card</translation>
    </message>
    <message>
        <source>信任 {name}（{code}）？

请打电话给对方，逐组核对指纹：

{fp}

一致才点“是”。</source>
        <translation>Trust {name} ({code})?

Phone them and compare the fingerprint group by group:

{fp}

Click Yes only if it matches.</translation>
    </message>
    <message>
        <source>核对指纹</source>
        <translation>Check fingerprint</translation>
    </message>
    <message>
        <source>请先在列表中选择一台设备</source>
        <translation>Select a device in the list first</translation>
    </message>
    <message>
        <source>撤销信任</source>
        <translation>Revoke trust</translation>
    </message>
    <message>
        <source>撤销对 {name} 的信任？它以后的同步包将被拒绝。</source>
        <translation>Revoke trust in {name}? Its later bundles will be refused.</translation>
    </message>
    <message>
        <source>请先在列表中选择一条冲突</source>
        <translation>Select a conflict in the list first</translation>
    </message>
    <message>
        <source>设备密钥口令</source>
        <translation>Device key passphrase</translation>
    </message>
    <message>
        <source>本机设备密钥已用口令保护，请输入口令：</source>
        <translation>This device&apos;s keys are protected by a passphrase. Passphrase:</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>TownshipHomePage</name>
    <message>
        <source>县级工作台：各乡镇基本公共卫生服务指标</source>
        <translation>County workbench: public health indicators by township</translation>
    </message>
    <message>
        <source>乡镇工作台：基本公共卫生服务指标</source>
        <translation>Township workbench: public health indicators</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>第 {q} 季度</source>
        <translation>Quarter {q}</translation>
    </message>
    <message>
        <source>1–{q} 季度累计</source>
        <translation>Q1–Q{q} cumulative</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>人口数…</source>
        <translation>Population…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>指标工作簿（Excel，每个指标一张名单）或汇总表 PDF，用界面语言</source>
        <translation>The indicator workbook (Excel, one list per indicator) or the summary PDF, in the UI language</translation>
    </message>
    <message>
        <source>展开村民小组</source>
        <translation>Show groups</translation>
    </message>
    <message>
        <source>每个村后面列出它的村民小组；也可点击村名只展开该村</source>
        <translation>List each village&apos;s groups after it; or click a village&apos;s name to expand only that one</translation>
    </message>
    <message>
        <source>展开各村</source>
        <translation>Show villages</translation>
    </message>
    <message>
        <source>每个乡镇后面列出它的村；也可点击乡镇名只展开该乡镇</source>
        <translation>List each township&apos;s villages after it; or click a township&apos;s name to open just that one</translation>
    </message>
    <message>
        <source>统计期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>点击任一数字查看其背后的居民名单及原因；点击乡镇名展开或收起它的村，点击村名展开或收起它的村民小组。绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。村民小组没有录入人口数，以人口数为分母的率显示为“—”。</source>
        <translation>Click any number to see the residents behind it and why; click a township to show or hide its villages, and a village to show or hide its groups. Green: target met (health-education activities: every unit has met its minimum); amber: within 10 percentage points of the target; red: behind (activities: a unit has not done what was due in the months gone by); indicators without a target, and activities not yet due, are not coloured. Village groups have no population entered: rates over a population show &quot;—&quot;.</translation>
    </message>
    <message>
        <source>点击任一数字查看其背后的居民名单及原因；点击村名展开或收起它的村民小组。绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。村民小组没有录入人口数，以人口数为分母的率显示为“—”。</source>
        <translation>Click any number to see the residents behind it and why; click a village to show or hide its groups. Green: target met (health-education activities: every unit has met its minimum); amber: within 10 percentage points of the target; red: behind (activities: a unit has not done what was due in the months gone by); indicators without a target, and activities not yet due, are not coloured. Village groups have no population entered: rates over a population show &quot;—&quot;.</translation>
    </message>
    <message>
        <source>图表指标：</source>
        <translation>Chart indicator:</translation>
    </message>
    <message>
        <source>趋势与比较</source>
        <translation>Trend and comparison</translation>
    </message>
    <message>
        <source>未结转诊</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>正在计算指标…</source>
        <translation>Computing indicators…</translation>
    </message>
    <message>
        <source>指标报表-{period}</source>
        <translation>indicators-{period}</translation>
    </message>
    <message>
        <source>导出指标</source>
        <translation>Export indicators</translation>
    </message>
    <message>
        <source>正在导出指标…</source>
        <translation>Exporting the indicators…</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>全乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <source>最近同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>可能缺失天数</source>
        <translation>Days possibly missing</translation>
    </message>
    <message>
        <source>这项指标只统计严重精神障碍患者，您无权查看这类患者</source>
        <translation>This indicator counts only severe mental disorder patients, whom you may not see</translation>
    </message>
    <message>
        <source>还没有录入这一年的人口数：点“人口数…”录入后才有比率</source>
        <translation>No population figures for this year yet: enter them under &quot;Population…&quot; to see the rate</translation>
    </message>
    <message>
        <source>点击查看居民名单</source>
        <translation>Click to list the residents</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>从未收到它的同步包：缺多少天无从估计</source>
        <translation>No sync bundle has arrived from it: how many days are missing cannot be told</translation>
    </message>
    <message>
        <source>正在计算逐月趋势…</source>
        <translation>Computing the monthly trend…</translation>
    </message>
    <message>
        <source>次</source>
        <translation>Times held</translation>
    </message>
    <message>
        <source>各村比较</source>
        <translation>Villages compared</translation>
    </message>
    <message>
        <source>各乡镇比较</source>
        <translation>Townships compared</translation>
    </message>
    <message>
        <source>本年度还没有可画的数据</source>
        <translation>No figures to draw for this year yet</translation>
    </message>
    <message>
        <source>{places}还没有录入本年度人口数：
全县的比率暂缺，画不出趋势</source>
        <translation>No population figure for this year yet: {places}.
The county&apos;s rate is missing: no trend to draw</translation>
    </message>
    <message>
        <source>{places}还没有录入本年度人口数：
全乡镇的比率暂缺，画不出趋势</source>
        <translation>No population figure for this year yet: {places}.
The township&apos;s rate is missing: no trend to draw</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>月（年初累计）</source>
        <translation>Month (year to date)</translation>
    </message>
    <message>
        <source>逐月趋势（全乡镇）</source>
        <translation>Monthly trend (township)</translation>
    </message>
    <message>
        <source>逐月趋势（全县）</source>
        <translation>Monthly trend (county)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名（打印在表单上）</source>
        <translation>Name (printed on forms)</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Repeat</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>上次登录</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>权限</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>重设所选用户的密码…</source>
        <translation>Reset selected user&apos;s password…</translation>
    </message>
    <message>
        <source>停用所选用户</source>
        <translation>Deactivate selected user</translation>
    </message>
    <message>
        <source>权限…</source>
        <translation>Permissions…</translation>
    </message>
    <message>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>只有管理员可以管理用户；您可以修改自己的密码。</source>
        <translation>Only admins manage users; you can change your own password.</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>{role}没有可以另外授予的权限</source>
        <translation>The {role} role has no permissions to grant beyond itself</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>请先在列表中选择一个用户</source>
        <translation>Select a user in the list first</translation>
    </message>
    <message>
        <source>系统账号没有密码</source>
        <translation>The system account has no password</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>出生日期与身份证号不一致（身份证号中为{d}）</source>
        <translation>The date of birth does not match the ID (the ID says {d})</translation>
    </message>
    <message>
        <source>性别与身份证号不一致（身份证号第17位表示{sex}）</source>
        <translation>The sex does not match the ID (its 17th digit says {sex})</translation>
    </message>
    <message>
        <source>请选择性别</source>
        <translation>Please choose the sex</translation>
    </message>
    <message>
        <source>请填写出生日期</source>
        <translation>Please enter the date of birth</translation>
    </message>
    <message>
        <source>{label}代码“{value}”无效</source>
        <translation>{label} code &quot;{value}&quot; is not valid</translation>
    </message>
    <message>
        <source>{label}选了“{none}”就不能再选其他项</source>
        <translation>{label}: &quot;{none}&quot; excludes every other choice</translation>
    </message>
    <message>
        <source>{label}选了“其他”，请写明</source>
        <translation>{label}: &quot;Other&quot; is ticked, please specify</translation>
    </message>
    <message>
        <source>{label}写了“其他”的内容，但没有勾选“其他”：请勾选或删去</source>
        <translation>{label}: text was written for &quot;Other&quot; but &quot;Other&quot; is not ticked: tick it or delete the text</translation>
    </message>
    <message>
        <source>{label}不能晚于今天</source>
        <translation>{label} cannot be after today</translation>
    </message>
    <message>
        <source>{label}应为{min}到{max}{unit}</source>
        <translation>{label} must be {min} to {max} {unit}</translation>
    </message>
    <message>
        <source>{label}不能小于{min}</source>
        <translation>{label} cannot be less than {min}</translation>
    </message>
    <message>
        <source>{label}不能大于{max}</source>
        <translation>{label} cannot be more than {max}</translation>
    </message>
    <message>
        <source>{disease}的确诊时间早于出生日期</source>
        <translation>{disease} diagnosed before the date of birth</translation>
    </message>
    <message>
        <source>{disease}的确诊时间晚于今天</source>
        <translation>{disease} diagnosed after today</translation>
    </message>
    <message>
        <source>手术/外伤/输血类型“{value}”无效</source>
        <translation>Surgery/trauma/transfusion type &quot;{value}&quot; is not valid</translation>
    </message>
    <message>
        <source>请填写{label}名称</source>
        <translation>Please enter the {label} name</translation>
    </message>
    <message>
        <source>{label}时间应在出生之后、今天之前</source>
        <translation>{label} date must be after birth and not after today</translation>
    </message>
    <message>
        <source>有遗传病史时请写明疾病名称</source>
        <translation>Name the hereditary disease</translation>
    </message>
    <message>
        <source>本机只为{village}建档，不能填写别的村（{code}）</source>
        <translation>This PC keeps records for {village} only; another village ({code}) cannot be given</translation>
    </message>
    <message>
        <source>档案所属的村不能更改（档案编号以村代码开头）：迁到别的村的居民，请在新村建档，并在本档案登记迁出</source>
        <translation>A record&apos;s village cannot be changed (its archive number begins with the village code): for a resident who moved to another village, enrol them there and record the move-out on this record</translation>
    </message>
    <message>
        <source>建档日期不能早于出生日期</source>
        <translation>The enrolment date cannot be before the date of birth</translation>
    </message>
    <message>
        <source>迁出或死亡请填写日期</source>
        <translation>Moved away or died: enter the date</translation>
    </message>
    <message>
        <source>状态变更日期应在出生之后、今天之前</source>
        <translation>The status date must be after birth and not after today</translation>
    </message>
    <message>
        <source>所选家庭户不存在</source>
        <translation>The chosen household does not exist</translation>
    </message>
    <message>
        <source>身份证号中的出生日期{d}晚于今天，请核对身份证号</source>
        <translation>The date of birth in the ID number, {d}, is after today: check the ID number</translation>
    </message>
    <message>
        <source>{disease}的确诊时间</source>
        <translation>Diagnosis date of {disease}</translation>
    </message>
    <message>
        <source>家庭户不属于本村</source>
        <translation>The household is not in this village</translation>
    </message>
    <message>
        <source>该户已有户主{name}，请选择与户主的关系</source>
        <translation>This household already has a head ({name}); choose the relation to the head</translation>
    </message>
    <message>
        <source>新建家庭户时本人应为户主；其他家庭成员请从户主档案中“添加家庭成员”</source>
        <translation>A new household starts with its head; add other members from the head&apos;s record (Add household member)</translation>
    </message>
    <message>
        <source>该证件号已建档：{name}，档案编号{archive}，{village}</source>
        <translation>This ID is already enrolled: {name}, archive number {archive}, {village}</translation>
    </message>
    <message>
        <source>该证件号已在本乡镇另一个村建档：请与乡镇卫生院联系，不要重复建档</source>
        <translation>This ID number is already enrolled in another village of the township: contact the township health centre rather than enrol it twice</translation>
    </message>
    <message>
        <source>档案不存在或已作废</source>
        <translation>The record does not exist or was voided</translation>
    </message>
    <message>
        <source>您打开这份档案后，此项已被别人修改并保存；请核对，再按保存将以您填写的为准</source>
        <translation>Someone else changed and saved this after you opened the record; check it, then save again to keep what you typed</translation>
    </message>
    <message>
        <source>您打开这份档案后，此项已被别人改为“{value}”并保存；请核对，再按保存将以您填写的为准</source>
        <translation>Someone else changed this to &quot;{value}&quot; and saved it after you opened the record; check it, then save again to keep what you typed</translation>
    </message>
    <message>
        <source>{name}已于{date}{status}，不能登记此后的服务</source>
        <translation>{name}: {status} on {date}; no service after that date can be recorded</translation>
    </message>
    <message>
        <source>{date} 还有{name}的随访记录（已随访到本人），{status}日期不能早于它：请核对日期</source>
        <translation>{name} has a follow-up done on {date} (the patient was seen): the date of the status &quot;{status}&quot; cannot be before it; please check the dates</translation>
    </message>
    <message>
        <source>{date} 还有{name}的健康体检记录（已见到本人），{status}日期不能早于它：请核对日期</source>
        <translation>{name} has a health check on {date} (the resident was seen): the date of the status &quot;{status}&quot; cannot be before it; please check the dates</translation>
    </message>
    <message>
        <source>不能这样修改：{field}（可改的字段：{allowed}）</source>
        <translation>Cannot change {field} this way (fields that can be corrected: {allowed})</translation>
    </message>
    <message>
        <source>无法识别“{value}”</source>
        <translation>&quot;{value}&quot; is not recognised</translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation>{label} must be a whole number</translation>
    </message>
    <message>
        <source>血压需同时填写收缩压和舒张压</source>
        <translation>Enter both the systolic and the diastolic pressure</translation>
    </message>
    <message>
        <source>收缩压应高于舒张压</source>
        <translation>The systolic pressure must be higher than the diastolic</translation>
    </message>
    <message>
        <source>{label}应为数字</source>
        <translation>{label} must be a number</translation>
    </message>
    <message>
        <source>{label}第{pos}个字符无法识别（U+{code}），请删除后再保存</source>
        <translation>{label}: character {pos} cannot be read (U+{code}); delete it and save again</translation>
    </message>
    <message>
        <source>{label}过长（最多{max}个字）</source>
        <translation>{label} is too long (at most {max} characters)</translation>
    </message>
    <message>
        <source>{label}过长（{n}个字，最多{max}个字）</source>
        <translation>{label} is too long ({n} characters, at most {max})</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Please enter the name</translation>
    </message>
    <message>
        <source>姓名只能包含汉字、字母和间隔号“·”</source>
        <translation>A name may contain Chinese characters, letters and the middle dot &quot;·&quot; only</translation>
    </message>
    <message>
        <source>姓名不能以“·”、“-”或空格开头或结尾，这些符号也不能连用</source>
        <translation>A name cannot begin or end with &quot;·&quot;, &quot;-&quot; or a space, nor have two of them together</translation>
    </message>
    <message>
        <source>姓名至少两个字</source>
        <translation>A Chinese name has at least two characters</translation>
    </message>
    <message>
        <source>请填写身份证号</source>
        <translation>Please enter the resident ID</translation>
    </message>
    <message>
        <source>15位身份证号只能由数字组成</source>
        <translation>A 15-digit ID consists of digits only</translation>
    </message>
    <message>
        <source>身份证号应为18位（旧号15位），现在是{n}位</source>
        <translation>A resident ID has 18 digits (old ones 15); this has {n}</translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，末位为数字或X</source>
        <translation>The first 17 characters of an ID are digits, the last a digit or X</translation>
    </message>
    <message>
        <source>身份证号中的出生日期{d}不存在</source>
        <translation>The birth date {d} in the ID does not exist</translation>
    </message>
    <message>
        <source>身份证号校验位错误，请逐位核对</source>
        <translation>The ID&apos;s check digit is wrong: check it digit by digit</translation>
    </message>
    <message>
        <source>身份证号的地址码{code}不是有效的行政区划代码</source>
        <translation>The ID&apos;s address code {code} is not an administrative division code</translation>
    </message>
    <message>
        <source>{label}只能包含数字、空格和“-”</source>
        <translation>{label} may contain digits, spaces and &quot;-&quot; only</translation>
    </message>
    <message>
        <source>{label}：手机号应为以1开头的11位数字</source>
        <translation>{label}: a mobile number has 11 digits starting with 1</translation>
    </message>
    <message>
        <source>{label}：固定电话请加区号，如 0371-61234567</source>
        <translation>{label}: add the area code to a landline, e.g. 0371-61234567</translation>
    </message>
    <message>
        <source>{label}：区号后应为7或8位号码</source>
        <translation>{label}: 7 or 8 digits follow the area code</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>Please enter {label}</translation>
    </message>
    <message>
        <source>{label}“{value}”不是真实存在的日期</source>
        <translation>{label} &quot;{value}&quot; is not a real date</translation>
    </message>
    <message>
        <source>{label}“{value}”的年份应在 {low} 到 {high} 之间</source>
        <translation>{label} &quot;{value}&quot;: the year must be between {low} and {high}</translation>
    </message>
    <message>
        <source>{label}格式应为 年-月-日，如 1965-03-08</source>
        <translation>{label}: use year-month-day, e.g. 1965-03-08</translation>
    </message>
    <message>
        <source>{label}格式应为 年-月，如 2015-06</source>
        <translation>{label}: use year-month, e.g. 2015-06</translation>
    </message>
    <message>
        <source>出生日期不能晚于今天</source>
        <translation>The date of birth cannot be after today</translation>
    </message>
    <message>
        <source>年龄超过{max}岁，请核对出生日期</source>
        <translation>Older than {max}: check the date of birth</translation>
    </message>
    <message>
        <source>责任医生不能清空：档案连同其随访管理要交给本村的一位医生</source>
        <translation>The responsible doctor cannot be left empty: the record and its follow-up management must go to one of this village&apos;s doctors</translation>
    </message>
    <message>
        <source>「{name}」不是本村的医生：档案连同其随访管理交给新的责任医生，请填写在用医生账号的用户名或姓名，或“设置”里医生名单中的名字</source>
        <translation>&quot;{name}&quot; is not one of this village&apos;s doctors: the record and its follow-up management go to the new responsible doctor; enter the username or name of an active doctor&apos;s account, or a name from the doctors list in Settings</translation>
    </message>
    <message>
        <source>{first}；{then}</source>
        <translation>{first}; {then}</translation>
    </message>
</context>
<context>
    <name>VoidActivityDialog</name>
    <message>
        <source>作废健康教育活动</source>
        <translation>Void health education activity</translation>
    </message>
    <message>
        <source>作废 {date} 的“{topic}”。作废后记录仍保留，但不再列出，也不再计入考核。请写明原因：</source>
        <translation>Void &quot;{topic}&quot; of {date}. The record is kept but no longer listed or counted. Please give the reason:</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>找不到村民小组：{name}</source>
        <translation>No village group called {name}</translation>
    </message>
    <message>
        <source>有多个村的村民小组叫“{name}”，请同时指定村</source>
        <translation>Several villages have a group called &quot;{name}&quot;; name the village too</translation>
    </message>
    <message>
        <source>本机只管{village}（{own}）的档案，没有村代码{code}</source>
        <translation>This PC keeps the records of {village} ({own}) only; it has no village {code}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>应随访日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>上次血压/血糖</source>
        <translation>Last BP/glucose</translation>
    </message>
    <message>
        <source>今年面对面</source>
        <translation>Face-to-face this year</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
</context>
</TS>
