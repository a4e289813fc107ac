<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>请输入密码</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <source>密码太长（最多 {n} 个字符）</source>
        <translation>密码太长（最多 {n} 个字符）</translation>
    </message>
    <message>
        <source>密码至少 {n} 个字符</source>
        <translation>密码至少 {n} 个字符</translation>
    </message>
    <message>
        <source>找不到密码文件：{path}</source>
        <translation>找不到密码文件：{path}</translation>
    </message>
    <message>
        <source>密码文件不是 UTF-8 文本</source>
        <translation>密码文件不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>用户名应为1–50个字符，不含空格</source>
        <translation>用户名应为1–50个字符，不含空格</translation>
    </message>
    <message>
        <source>没有用户“{name}”</source>
        <translation>没有用户“{name}”</translation>
    </message>
    <message>
        <source>角色应为 village_doctor、township_staff 或 admin</source>
        <translation>角色应为 village_doctor、township_staff 或 admin</translation>
    </message>
    <message>
        <source>用户名“{name}”已被使用</source>
        <translation>用户名“{name}”已被使用</translation>
    </message>
    <message>
        <source>用户名含有看不见的字符，请重新输入</source>
        <translation>用户名含有看不见的字符，请重新输入</translation>
    </message>
    <message>
        <source>用户名“{name}”留给系统使用，请换一个</source>
        <translation>用户名“{name}”留给系统使用，请换一个</translation>
    </message>
    <message>
        <source>姓名“{name}”已被账号{user}使用：同名的医生请加以区分（如 李建生2）</source>
        <translation>姓名“{name}”已被账号{user}使用：同名的医生请加以区分（如 李建生2）</translation>
    </message>
    <message>
        <source>姓名含有看不见的字符，请重新输入</source>
        <translation>姓名含有看不见的字符，请重新输入</translation>
    </message>
    <message>
        <source>村卫生室的电脑上不能授予“{permission}”权限：严重精神障碍患者的记录在村里只给其责任医生看</source>
        <translation>村卫生室的电脑上不能授予“{permission}”权限：严重精神障碍患者的记录在村里只给其责任医生看</translation>
    </message>
    <message>
        <source>{role}不能获得“{permission}”权限</source>
        <translation>{role}不能获得“{permission}”权限</translation>
    </message>
    <message>
        <source>只有乡村医生账号需要指定村</source>
        <translation>只有乡村医生账号需要指定村</translation>
    </message>
    <message>
        <source>乡村医生账号请指定所属村的12位代码</source>
        <translation>乡村医生账号请指定所属村的12位代码</translation>
    </message>
    <message>
        <source>村代码{code}不属于本机管辖的村</source>
        <translation>村代码{code}不属于本机管辖的村</translation>
    </message>
    <message>
        <source>原密码不正确</source>
        <translation>原密码不正确</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账号</source>
        <translation>不能停用自己正在使用的账号</translation>
    </message>
    <message>
        <source>至少要保留一个启用的管理员</source>
        <translation>至少要保留一个启用的管理员</translation>
    </message>
    <message>
        <source>用户名或密码含有无法识别的字符</source>
        <translation>用户名或密码含有无法识别的字符</translation>
    </message>
    <message>
        <source>请输入正确的用户名</source>
        <translation>请输入正确的用户名</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>用户名或密码不正确</translation>
    </message>
    <message>
        <source>尝试次数过多，请 {s} 秒后再试</source>
        <translation>尝试次数过多，请 {s} 秒后再试</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>管理员密码已经设置过，请直接登录</source>
        <translation>管理员密码已经设置过，请直接登录</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>健康教育活动记录</source>
        <translation>健康教育活动记录</translation>
    </message>
    <message>
        <source>修改健康教育活动记录</source>
        <translation>修改健康教育活动记录</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>添加签到表…</source>
        <translation>添加签到表…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>从存档材料中移除所选文件：保存后生效，文件作废保留，不再列出和打印</source>
        <translation>从存档材料中移除所选文件：保存后生效，文件作废保留，不再列出和打印</translation>
    </message>
    <message>
        <source>活动时间</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>活动形式</source>
        <translation>活动形式</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>接受健康教育人员类别</source>
        <translation>接受健康教育人员类别</translation>
    </message>
    <message>
        <source>接受健康教育人数</source>
        <translation>接受健康教育人数</translation>
    </message>
    <message>
        <source>资料发放种类及数量</source>
        <translation>资料发放种类及数量</translation>
    </message>
    <message>
        <source>资料种类数</source>
        <translation>资料种类数</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>活动总结评价</source>
        <translation>活动总结评价</translation>
    </message>
    <message>
        <source>存档材料</source>
        <translation>存档材料</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{kind}：{name}</source>
        <translation>{kind}：{name}</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>图片或PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>图片或PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>签到表</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>存档材料 — {date} {topic}</source>
        <translation>存档材料 — {date} {topic}</translation>
    </message>
    <message>
        <source>{kind}：{name}（{size} KB）</source>
        <translation>{kind}：{name}（{size} KB）</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>这次活动没有存档材料</source>
        <translation>这次活动没有存档材料</translation>
    </message>
    <message>
        <source>正在显示存档材料…</source>
        <translation>正在显示存档材料…</translation>
    </message>
    <message>
        <source>这张图片太大，无法显示</source>
        <translation>这张图片太大，无法显示</translation>
    </message>
    <message>
        <source>无法显示这个文件：它已损坏</source>
        <translation>无法显示这个文件：它已损坏</translation>
    </message>
    <message>
        <source>这个 PDF 文件设了密码，无法显示</source>
        <translation>这个 PDF 文件设了密码，无法显示</translation>
    </message>
    <message>
        <source>已取消：只显示了前 {shown} 页</source>
        <translation>已取消：只显示了前 {shown} 页</translation>
    </message>
    <message>
        <source>共 {n} 页，只显示前 {shown} 页</source>
        <translation>共 {n} 页，只显示前 {shown} 页</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>起始日期{since}晚于截止日期{until}</source>
        <translation>起始日期{since}晚于截止日期{until}</translation>
    </message>
    <message>
        <source>没有“{action}”这种操作；可选：{actions}</source>
        <translation>没有“{action}”这种操作；可选：{actions}</translation>
    </message>
    <message>
        <source>查找的文字太长：最多 {n} 个字</source>
        <translation>查找的文字太长：最多 {n} 个字</translation>
    </message>
    <message>
        <source>数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）。打印、导出和查看严重精神障碍记录都要记入审计日志，因此未进行。请在数据库地址中使用有写入权限的账户</source>
        <translation>数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）。打印、导出和查看严重精神障碍记录都要记入审计日志，因此未进行。请在数据库地址中使用有写入权限的账户</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>全部操作</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>无权限被拒绝</source>
        <translation>无权限被拒绝</translation>
    </message>
    <message>
        <source>设置密码</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>添加用户</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>信任设备</source>
        <translation>信任设备</translation>
    </message>
    <message>
        <source>撤销设备</source>
        <translation>撤销设备</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>姓名、档案编号或摘要中的文字</source>
        <translation>姓名、档案编号或摘要中的文字</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>导出CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>从</translation>
    </message>
    <message>
        <source>到</source>
        <translation>到</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>村/乡镇</source>
        <translation>村/乡镇</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>居民档案</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>双向转诊单</source>
        <translation>双向转诊单</translation>
    </message>
    <message>
        <source>随访卡</source>
        <translation>随访卡</translation>
    </message>
    <message>
        <source>随访卡（批量）</source>
        <translation>随访卡（批量）</translation>
    </message>
    <message>
        <source>档案封面</source>
        <translation>档案封面</translation>
    </message>
    <message>
        <source>居民健康档案</source>
        <translation>居民健康档案</translation>
    </message>
    <message>
        <source>随访服务记录表</source>
        <translation>随访服务记录表</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>入户随访工作单</translation>
    </message>
    <message>
        <source>老年人体检工作单</source>
        <translation>老年人体检工作单</translation>
    </message>
    <message>
        <source>老年人生活自理能力评估表</source>
        <translation>老年人生活自理能力评估表</translation>
    </message>
    <message>
        <source>老年人健康体检表</source>
        <translation>老年人健康体检表</translation>
    </message>
    <message>
        <source>签约协议</source>
        <translation>签约协议</translation>
    </message>
    <message>
        <source>一户一档</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <source>严重精神障碍患者随访服务记录表</source>
        <translation>严重精神障碍患者随访服务记录表</translation>
    </message>
    <message>
        <source>健康教育活动记录表</source>
        <translation>健康教育活动记录表</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>设置权限</source>
        <translation>设置权限</translation>
    </message>
    <message>
        <source>户</source>
        <translation>户</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>慢病管理</source>
        <translation>慢病管理</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>同步包</source>
        <translation>同步包</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>人口数</source>
        <translation>人口数</translation>
    </message>
    <message>
        <source>审核结论</source>
        <translation>审核结论</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>贫困户</translation>
    </message>
    <message>
        <source>一患一策</source>
        <translation>一患一策</translation>
    </message>
    <message>
        <source>健康教育活动</source>
        <translation>健康教育活动</translation>
    </message>
    <message>
        <source>健康教育附件</source>
        <translation>健康教育附件</translation>
    </message>
    <message>
        <source>老年人健康体检</source>
        <translation>老年人健康体检</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>严重精神障碍登记</source>
        <translation>严重精神障碍登记</translation>
    </message>
    <message>
        <source>严重精神障碍随访</source>
        <translation>严重精神障碍随访</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>本机构信息</source>
        <translation>本机构信息</translation>
    </message>
    <message>
        <source>指标报表</source>
        <translation>指标报表</translation>
    </message>
    <message>
        <source>数据质量报告</source>
        <translation>数据质量报告</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>{n} 条记录（最多显示2000条；导出不限）</source>
        <translation>{n} 条记录（最多显示2000条；导出不限）</translation>
    </message>
    <message>
        <source>全量快照 {n} 条</source>
        <translation>全量快照 {n} 条</translation>
    </message>
    <message>
        <source>{n} 条变更</source>
        <translation>{n} 条变更</translation>
    </message>
    <message>
        <source>另 {n} 项</source>
        <translation>另 {n} 项</translation>
    </message>
    <message>
        <source>批量写入 {n} 条</source>
        <translation>批量写入 {n} 条</translation>
    </message>
    <message>
        <source>转诊 开具</source>
        <translation>转诊 开具</translation>
    </message>
    <message>
        <source>转诊 到位</source>
        <translation>转诊 到位</translation>
    </message>
    <message>
        <source>转诊 不到位</source>
        <translation>转诊 不到位</translation>
    </message>
    <message>
        <source>转诊 已回转</source>
        <translation>转诊 已回转</translation>
    </message>
    <message>
        <source>转诊 撤销到位/不到位</source>
        <translation>转诊 撤销到位/不到位</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>已导出 {n} 条：{path}</source>
        <translation>已导出 {n} 条：{path}</translation>
    </message>
    <message>
        <source>正在导出审计日志…</source>
        <translation>正在导出审计日志…</translation>
    </message>
</context>
<context>
    <name>Authz</name>
    <message>
        <source>精神卫生</source>
        <translation>精神卫生</translation>
    </message>
    <message>
        <source>查看档案</source>
        <translation>查看档案</translation>
    </message>
    <message>
        <source>修改档案</source>
        <translation>修改档案</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>查看审计日志</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>录入人口数</source>
        <translation>录入人口数</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>管理设备</source>
        <translation>管理设备</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>把数据库迁到服务器</source>
        <translation>把数据库迁到服务器</translation>
    </message>
    <message>
        <source>修改本机构信息</source>
        <translation>修改本机构信息</translation>
    </message>
    <message>
        <source>修改随访和考核标准</source>
        <translation>修改随访和考核标准</translation>
    </message>
    <message>
        <source>{user} 没有权限{action}{what}</source>
        <translation>{user} 没有权限{action}{what}</translation>
    </message>
    <message>
        <source>：{what}</source>
        <translation>：{what}</translation>
    </message>
    <message>
        <source>{user} 不能更改{name}的责任医生：只有档案的责任医生本人可以交给别的医生，无人负责的档案由乡镇卫生院或管理员指定</source>
        <translation>{user} 不能更改{name}的责任医生：只有档案的责任医生本人可以交给别的医生，无人负责的档案由乡镇卫生院或管理员指定</translation>
    </message>
    <message>
        <source>托管密钥</source>
        <translation>托管密钥</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>找不到备份文件：{path}</source>
        <translation>找不到备份文件：{path}</translation>
    </message>
    <message>
        <source>{name} 不是村医备份文件</source>
        <translation>{name} 不是村医备份文件</translation>
    </message>
    <message>
        <source>{name} 已加密（或不是村医备份），本机的存储密钥打不开它：若是另一台电脑的备份，请用 --key-file 给出它的密钥（县级可用托管密钥从备份旁的 .key.age 文件找回）</source>
        <translation>{name} 已加密（或不是村医备份），本机的存储密钥打不开它：若是另一台电脑的备份，请用 --key-file 给出它的密钥（县级可用托管密钥从备份旁的 .key.age 文件找回）</translation>
    </message>
    <message>
        <source>{name} 已损坏（完整性检查未通过）</source>
        <translation>{name} 已损坏（完整性检查未通过）</translation>
    </message>
    <message>
        <source>{name} 不完整或已损坏（缺少表或列），拒绝恢复；本机数据未改动</source>
        <translation>{name} 不完整或已损坏（缺少表或列），拒绝恢复；本机数据未改动</translation>
    </message>
    <message>
        <source>数据库在 PostgreSQL 服务器上，本程序不恢复：请用服务器自己的恢复（如 pg_restore）</source>
        <translation>数据库在 PostgreSQL 服务器上，本程序不恢复：请用服务器自己的恢复（如 pg_restore）</translation>
    </message>
    <message>
        <source>数据库在 PostgreSQL 服务器上，本程序不备份：请用服务器自己的备份（如 pg_dump）</source>
        <translation>数据库在 PostgreSQL 服务器上，本程序不备份：请用服务器自己的备份（如 pg_dump）</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法解压备份 {name}：解压到 {size} MB 时磁盘已不够（还要留 {reserve} MB）。请清理磁盘后再试；本机数据未改动</source>
        <translation>磁盘空间不足，无法解压备份 {name}：解压到 {size} MB 时磁盘已不够（还要留 {reserve} MB）。请清理磁盘后再试；本机数据未改动</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹：请给出其中的备份文件</source>
        <translation>{path} 是一个文件夹：请给出其中的备份文件</translation>
    </message>
    <message>
        <source>{name} 来自更新版本的村医（数据结构 {rev}），请先更新本机村医</source>
        <translation>{name} 来自更新版本的村医（数据结构 {rev}），请先更新本机村医</translation>
    </message>
    <message>
        <source>{name} 已加密：请先用 cunyi init --encrypt（机构代码和名称同备份）初始化本机，再用 cunyi restore --force-other-device --key-file … 恢复</source>
        <translation>{name} 已加密：请先用 cunyi init --encrypt（机构代码和名称同备份）初始化本机，再用 cunyi restore --force-other-device --key-file … 恢复</translation>
    </message>
    <message>
        <source>{name} 是旧版本的备份：请先用 cunyi init 初始化本机，再恢复</source>
        <translation>{name} 是旧版本的备份：请先用 cunyi init 初始化本机，再恢复</translation>
    </message>
    <message>
        <source>{file} 是 {theirs} 的备份，本机是 {mine}，未恢复：恢复只换回本单位的数据，不会把本机变成另一个村卫生室或卫生院（那样本机会拿到别的单位的全部档案）。换电脑或重装时，请在新电脑上用备份所属单位的代码运行 cunyi init，再作为新设备恢复（命令行加 --force-other-device）。</source>
        <translation>{file} 是 {theirs} 的备份，本机是 {mine}，未恢复：恢复只换回本单位的数据，不会把本机变成另一个村卫生室或卫生院（那样本机会拿到别的单位的全部档案）。换电脑或重装时，请在新电脑上用备份所属单位的代码运行 cunyi init，再作为新设备恢复（命令行加 --force-other-device）。</translation>
    </message>
    <message>
        <source>{file} 与它旁边的备份签章（{seal}）对不上，未恢复：它在备份之后被改动过，或者不是本机做的备份。确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</source>
        <translation>{file} 与它旁边的备份签章（{seal}）对不上，未恢复：它在备份之后被改动过，或者不是本机做的备份。确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</translation>
    </message>
    <message>
        <source>{file} 自称是本机的备份，但没有本机的备份签章（{seal}），未恢复：它可能来自别的电脑、被改动过，或拷贝时没带上签章文件。若带上了签章文件请一起放回原处再试；确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</source>
        <translation>{file} 自称是本机的备份，但没有本机的备份签章（{seal}），未恢复：它可能来自别的电脑、被改动过，或拷贝时没带上签章文件。若带上了签章文件请一起放回原处再试；确需使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</translation>
    </message>
    <message>
        <source>{file} 是另一台设备的备份（{theirs}，设备 {their_device}），本机是 {mine}（设备 {my_device}），未恢复：两台电脑以同一身份同步会丢失数据。确需在本机使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</source>
        <translation>{file} 是另一台设备的备份（{theirs}，设备 {their_device}），本机是 {mine}（设备 {my_device}），未恢复：两台电脑以同一身份同步会丢失数据。确需在本机使用它，请选择作为新设备恢复（命令行加 --force-other-device）：本机将换用新的设备身份和密钥，乡镇卫生院与各村需重新信任本机的设备卡。</translation>
    </message>
    <message>
        <source>{name} 缺少审计保护触发器（{triggers}）：其审计记录可能被改动或删除过，拒绝恢复</source>
        <translation>{name} 缺少审计保护触发器（{triggers}）：其审计记录可能被改动或删除过，拒绝恢复</translation>
    </message>
    <message>
        <source>{name} 的数据库结构与本程序建立的不同（{objects}）：可能被改动过，恢复后会在保存时改动数据，拒绝恢复</source>
        <translation>{name} 的数据库结构与本程序建立的不同（{objects}）：可能被改动过，恢复后会在保存时改动数据，拒绝恢复</translation>
    </message>
    <message>
        <source>{name} 的审计记录被改动过（哈希链断裂，共 {count} 处，首处：{problem}），拒绝恢复</source>
        <translation>{name} 的审计记录被改动过（哈希链断裂，共 {count} 处，首处：{problem}），拒绝恢复</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>收缩压</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>空腹血糖</source>
        <translation>空腹血糖</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>用法：</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>位置参数</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>显示本帮助并退出</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>{file}：{text}</source>
        <translation>{file}：{text}</translation>
    </message>
    <message>
        <source>注意：{text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <source>环境变量 {name} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</source>
        <translation>环境变量 {name} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</translation>
    </message>
    <message>
        <source>参数 {option} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</source>
        <translation>参数 {option} 的值“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</translation>
    </message>
    <message>
        <source>参数“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</source>
        <translation>参数“{value}”不是可读的文字（其中有不是 UTF-8 编码的字节），请改用可读的文字或文件名</translation>
    </message>
    <message>
        <source>数据目录（默认：用户数据目录，或 $CUNYI_DATA_DIR）</source>
        <translation>数据目录（默认：用户数据目录，或 $CUNYI_DATA_DIR）</translation>
    </message>
    <message>
        <source>数据库 URL：乡镇卫生院或县级的 PostgreSQL 数据库，postgresql+psycopg://user@host/db（默认：`init --db` 指定的数据库、$CUNYI_DB_URL，或数据目录中的 SQLite）</source>
        <translation>数据库 URL：乡镇卫生院或县级的 PostgreSQL 数据库，postgresql+psycopg://user@host/db（默认：`init --db` 指定的数据库、$CUNYI_DB_URL，或数据目录中的 SQLite）</translation>
    </message>
    <message>
        <source>显示版本号并退出</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>以此用户身份操作（密码取自 --password-file 或提示输入）；默认：系统账户</source>
        <translation>以此用户身份操作（密码取自 --password-file 或提示输入）；默认：系统账户</translation>
    </message>
    <message>
        <source>密码文件，第一行为密码（用于 --user、init --admin、user add）</source>
        <translation>密码文件，第一行为密码（用于 --user、init --admin、user add）</translation>
    </message>
    <message>
        <source>写出的 PDF 文件</source>
        <translation>写出的 PDF 文件</translation>
    </message>
    <message>
        <source>数据目录 {folder} 不属于当前系统用户：不带 --user 时以系统账号操作，只允许数据目录的所有者；请用 --user 登录</source>
        <translation>数据目录 {folder} 不属于当前系统用户：不带 --user 时以系统账号操作，只允许数据目录的所有者；请用 --user 登录</translation>
    </message>
    <message>
        <source>另一个程序正在从备份恢复这个数据库，等了两分钟仍未结束：请等它完成后再试</source>
        <translation>另一个程序正在从备份恢复这个数据库，等了两分钟仍未结束：请等它完成后再试</translation>
    </message>
    <message>
        <source>数据库的结构版本 {revision} 不是本版村医认识的：它可能由更新版本的村医建立（请升级村医），也可能不是村医的数据库（请核对数据文件夹或数据库地址）</source>
        <translation>数据库的结构版本 {revision} 不是本版村医认识的：它可能由更新版本的村医建立（请升级村医），也可能不是村医的数据库（请核对数据文件夹或数据库地址）</translation>
    </message>
    <message>
        <source>数据库地址无效：{url}；应是 postgresql+psycopg://用户@主机:端口/数据库</source>
        <translation>数据库地址无效：{url}；应是 postgresql+psycopg://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>数据库地址没有给出数据库文件：应是 sqlite:///文件路径，或 postgresql+psycopg://用户@主机:端口/数据库</source>
        <translation>数据库地址没有给出数据库文件：应是 sqlite:///文件路径，或 postgresql+psycopg://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>数据目录 {folder} 是一个文件，不是文件夹：请检查 --data-dir 是否写错</source>
        <translation>数据目录 {folder} 是一个文件，不是文件夹：请检查 --data-dir 是否写错</translation>
    </message>
    <message>
        <source>数据目录 {folder} 不存在：请检查 --data-dir 是否写错，新装的电脑请先运行 cunyi init</source>
        <translation>数据目录 {folder} 不存在：请检查 --data-dir 是否写错，新装的电脑请先运行 cunyi init</translation>
    </message>
    <message>
        <source>没有村医的数据库 {file}：请检查 --data-dir 或 --db 是否写错，新装的电脑请先运行 cunyi init</source>
        <translation>没有村医的数据库 {file}：请检查 --data-dir 或 --db 是否写错，新装的电脑请先运行 cunyi init</translation>
    </message>
    <message>
        <source>请用 --password-file 给出 {user} 的密码（没有可输入密码的终端）</source>
        <translation>请用 --password-file 给出 {user} 的密码（没有可输入密码的终端）</translation>
    </message>
    <message>
        <source>没有输入 {user} 的密码</source>
        <translation>没有输入 {user} 的密码</translation>
    </message>
    <message>
        <source>请用 --new-password-file 给出新密码（--password-file 是登录用户自己的密码）</source>
        <translation>请用 --new-password-file 给出新密码（--password-file 是登录用户自己的密码）</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>已中断</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>程序内部出错（{kind}），操作未完成；详细记录已写入数据文件夹的 logs/cunyi.log</source>
        <translation>程序内部出错（{kind}），操作未完成；详细记录已写入数据文件夹的 logs/cunyi.log</translation>
    </message>
    <message>
        <source>程序内部出错（{kind}），操作未完成</source>
        <translation>程序内部出错（{kind}），操作未完成</translation>
    </message>
    <message>
        <source>错误：{text}</source>
        <translation>错误：{text}</translation>
    </message>
    <message>
        <source>文件或文件夹不存在</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>这是一个文件夹，需要的是文件</source>
        <translation>这是一个文件夹，需要的是文件</translation>
    </message>
    <message>
        <source>路径中有一段不是文件夹</source>
        <translation>路径中有一段不是文件夹</translation>
    </message>
    <message>
        <source>已有同名的文件</source>
        <translation>已有同名的文件</translation>
    </message>
    <message>
        <source>没有权限</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>磁盘空间不足</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <source>磁盘是只读的</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>路径太长</source>
        <translation>路径太长</translation>
    </message>
    <message>
        <source>文件太大（超过系统允许的大小）</source>
        <translation>文件太大（超过系统允许的大小）</translation>
    </message>
    <message>
        <source>无法读写 {path}：{reason}</source>
        <translation>无法读写 {path}：{reason}</translation>
    </message>
    <message>
        <source>CunYi 村医 — 村卫生室居民健康档案</source>
        <translation>CunYi 村医 — 村卫生室居民健康档案</translation>
    </message>
    <message>
        <source>审计日志（管理员、乡镇公卫人员）</source>
        <translation>审计日志（管理员、乡镇公卫人员）</translation>
    </message>
    <message>
        <source>起始日期（含）YYYY-MM-DD</source>
        <translation>起始日期（含）YYYY-MM-DD</translation>
    </message>
    <message>
        <source>截止日期（含）YYYY-MM-DD</source>
        <translation>截止日期（含）YYYY-MM-DD</translation>
    </message>
    <message>
        <source>只看该用户</source>
        <translation>只看该用户</translation>
    </message>
    <message>
        <source>操作：create, update, void, print, export, import, login, denied …</source>
        <translation>操作：create, update, void, print, export, import, login, denied …</translation>
    </message>
    <message>
        <source>出现在对象、其 ID 或摘要中的文字</source>
        <translation>出现在对象、其 ID 或摘要中的文字</translation>
    </message>
    <message>
        <source>输出 JSON 而非文本</source>
        <translation>输出 JSON 而非文本</translation>
    </message>
    <message>
        <source>改为导出 CSV</source>
        <translation>改为导出 CSV</translation>
    </message>
    <message>
        <source>生成数据库的一致性副本</source>
        <translation>生成数据库的一致性副本</translation>
    </message>
    <message>
        <source>备份文件，或存放备份的文件夹</source>
        <translation>备份文件，或存放备份的文件夹</translation>
    </message>
    <message>
        <source>用备份替换数据库（先校验；原数据库保留）</source>
        <translation>用备份替换数据库（先校验；原数据库保留）</translation>
    </message>
    <message>
        <source>要恢复的备份文件</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>在本机恢复本机构另一台电脑的备份；本机将换用新的设备身份和密钥</source>
        <translation>在本机恢复本机构另一台电脑的备份；本机将换用新的设备身份和密钥</translation>
    </message>
    <message>
        <source>另一台电脑加密备份的存储密钥（64 位十六进制，如用县级托管密钥解密其 .key.age 所得）</source>
        <translation>另一台电脑加密备份的存储密钥（64 位十六进制，如用县级托管密钥解密其 .key.age 所得）</translation>
    </message>
    <message>
        <source>检查完整性、外键、孤立记录和时钟是否正常，用通俗的话说明</source>
        <translation>检查完整性、外键、孤立记录和时钟是否正常，用通俗的话说明</translation>
    </message>
    <message>
        <source>对照原始基线测量各项性能预算</source>
        <translation>对照原始基线测量各项性能预算</translation>
    </message>
    <message>
        <source>数据规模：一个村、一个乡镇（默认，6 万居民）或县级（100 万居民，需 --db）</source>
        <translation>数据规模：一个村、一个乡镇（默认，6 万居民）或县级（100 万居民，需 --db）</translation>
    </message>
    <message>
        <source>测量项名称或前缀，用逗号分隔（search,gui.rss）</source>
        <translation>测量项名称或前缀，用逗号分隔（search,gui.rss）</translation>
    </message>
    <message>
        <source>生成测试数据的随机种子（默认 1）</source>
        <translation>生成测试数据的随机种子（默认 1）</translation>
    </message>
    <message>
        <source>另在加密副本（SQLCipher）上测量数据库各项，并报告加密开销</source>
        <translation>另在加密副本（SQLCipher）上测量数据库各项，并报告加密开销</translation>
    </message>
    <message>
        <source>17位档案编号、后8位（带或不带连字符）或记录 ID</source>
        <translation>17位档案编号、后8位（带或不带连字符）或记录 ID</translation>
    </message>
    <message>
        <source>签约记录 ID（见 contract list）</source>
        <translation>签约记录 ID（见 contract list）</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>为居民（或其全户）签约家庭医生</source>
        <translation>为居民（或其全户）签约家庭医生</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>签约医生</translation>
    </message>
    <message>
        <source>服务包，用逗号分隔：basic,elderly,chronic,smi,maternal,child,disabled,poor</source>
        <translation>服务包，用逗号分隔：basic,elderly,chronic,smi,maternal,child,disabled,poor</translation>
    </message>
    <message>
        <source>签约日期 YYYY-MM-DD</source>
        <translation>签约日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>签约年限（1-10 年，默认 1）</source>
        <translation>签约年限（1-10 年，默认 1）</translation>
    </message>
    <message>
        <source>签约团队</source>
        <translation>签约团队</translation>
    </message>
    <message>
        <source>全户签约（户内在册成员一起签）</source>
        <translation>全户签约（户内在册成员一起签）</translation>
    </message>
    <message>
        <source>纸质协议书尚未签字</source>
        <translation>纸质协议书尚未签字</translation>
    </message>
    <message>
        <source>续约：从原签约到期次日起新签一份（已过期的从今天起）</source>
        <translation>续约：从原签约到期次日起新签一份（已过期的从今天起）</translation>
    </message>
    <message>
        <source>新签约的年限（默认：与原签约相同）</source>
        <translation>新签约的年限（默认：与原签约相同）</translation>
    </message>
    <message>
        <source>修改履约中的签约：签约医生、团队、服务包、签约日期或年限</source>
        <translation>修改履约中的签约：签约医生、团队、服务包、签约日期或年限</translation>
    </message>
    <message>
        <source>服务包，用逗号分隔（替换原有的）：basic,elderly,chronic,smi,maternal,child,disabled,poor</source>
        <translation>服务包，用逗号分隔（替换原有的）：basic,elderly,chronic,smi,maternal,child,disabled,poor</translation>
    </message>
    <message>
        <source>签约日期 YYYY-MM-DD（续约的不能改）</source>
        <translation>签约日期 YYYY-MM-DD（续约的不能改）</translation>
    </message>
    <message>
        <source>签约年限（1-10 年）</source>
        <translation>签约年限（1-10 年）</translation>
    </message>
    <message>
        <source>解约并写明原因（记录保留）</source>
        <translation>解约并写明原因（记录保留）</translation>
    </message>
    <message>
        <source>解约原因</source>
        <translation>解约原因</translation>
    </message>
    <message>
        <source>纸质协议书已签字交回</source>
        <translation>纸质协议书已签字交回</translation>
    </message>
    <message>
        <source>签约列表，最新的在前</source>
        <translation>签约列表，最新的在前</translation>
    </message>
    <message>
        <source>只列出 DAYS 天内到期的签约</source>
        <translation>只列出 DAYS 天内到期的签约</translation>
    </message>
    <message>
        <source>按签约记录填写的签约服务协议书，输出 PDF</source>
        <translation>按签约记录填写的签约服务协议书，输出 PDF</translation>
    </message>
    <message>
        <source>协议书栏目名称的语言</source>
        <translation>协议书栏目名称的语言</translation>
    </message>
    <message>
        <source>请给出要修改的内容：--doctor、--team、--package、--start 或 --years</source>
        <translation>请给出要修改的内容：--doctor、--team、--package、--start 或 --years</translation>
    </message>
    <message>
        <source>添加逼真的模拟居民</source>
        <translation>添加逼真的模拟居民</translation>
    </message>
    <message>
        <source>模拟居民人数（默认 3000）</source>
        <translation>模拟居民人数（默认 3000）</translation>
    </message>
    <message>
        <source>随机种子：相同的种子生成相同的数据（默认 1）</source>
        <translation>随机种子：相同的种子生成相同的数据（默认 1）</translation>
    </message>
    <message>
        <source>（乡镇）村的数量（默认：每 1,000 名居民一个村，最多 30 个）</source>
        <translation>（乡镇）村的数量（默认：每 1,000 名居民一个村，最多 30 个）</translation>
    </message>
    <message>
        <source>本机设备卡及本机信任的设备</source>
        <translation>本机设备卡及本机信任的设备</translation>
    </message>
    <message>
        <source>导出本机设备卡（JSON，旁边另存二维码 PNG）</source>
        <translation>导出本机设备卡（JSON，旁边另存二维码 PNG）</translation>
    </message>
    <message>
        <source>写出的设备卡文件</source>
        <translation>写出的设备卡文件</translation>
    </message>
    <message>
        <source>（乡镇或县）各村（乡镇）连接 `cunyi serve` 用的地址</source>
        <translation>（乡镇或县）各村（乡镇）连接 `cunyi serve` 用的地址</translation>
    </message>
    <message>
        <source>（乡镇）`cunyi serve` 使用的证书：各村凭其指纹核对服务器</source>
        <translation>（乡镇）`cunyi serve` 使用的证书：各村凭其指纹核对服务器</translation>
    </message>
    <message>
        <source>信任对方的设备卡（请先电话核对指纹）</source>
        <translation>信任对方的设备卡（请先电话核对指纹）</translation>
    </message>
    <message>
        <source>对方的设备卡（JSON）</source>
        <translation>对方的设备卡（JSON）</translation>
    </message>
    <message>
        <source>受信任的设备</source>
        <translation>受信任的设备</translation>
    </message>
    <message>
        <source>（管理员）用口令保护设备密钥（口令来自 --new-password-file 或提示输入）</source>
        <translation>（管理员）用口令保护设备密钥（口令来自 --new-password-file 或提示输入）</translation>
    </message>
    <message>
        <source>改为移除口令</source>
        <translation>改为移除口令</translation>
    </message>
    <message>
        <source>口令文件，第一行为口令</source>
        <translation>口令文件，第一行为口令</translation>
    </message>
    <message>
        <source>撤销对设备的信任：它以后的同步包将被拒绝</source>
        <translation>撤销对设备的信任：它以后的同步包将被拒绝</translation>
    </message>
    <message>
        <source>设备 ID（或其前缀），或其村/乡镇代码</source>
        <translation>设备 ID（或其前缀），或其村/乡镇代码</translation>
    </message>
    <message>
        <source>https 地址要同时用 --tls-cert 给出证书：村卫生室凭卡上的证书指纹核对服务器</source>
        <translation>https 地址要同时用 --tls-cert 给出证书：村卫生室凭卡上的证书指纹核对服务器</translation>
    </message>
    <message>
        <source>健康教育活动</source>
        <translation>健康教育活动</translation>
    </message>
    <message>
        <source>记录一次活动</source>
        <translation>记录一次活动</translation>
    </message>
    <message>
        <source>修改录错的活动：只改给出的栏目，其余照旧</source>
        <translation>修改录错的活动：只改给出的栏目，其余照旧</translation>
    </message>
    <message>
        <source>移除误存的存档材料：附件 ID（见 education list --json）或文件名；文件作废保留，不再列出和打印</source>
        <translation>移除误存的存档材料：附件 ID（见 education list --json）或文件名；文件作废保留，不再列出和打印</translation>
    </message>
    <message>
        <source>作废误录的活动（没有举办、录了两次）</source>
        <translation>作废误录的活动（没有举办、录了两次）</translation>
    </message>
    <message>
        <source>活动时间 YYYY-MM-DD</source>
        <translation>活动时间 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>活动形式：1 发放印刷资料，2 播放音像资料，3 宣传栏，4 公众健康咨询活动，5 健康知识讲座，6 个体化健康教育</source>
        <translation>活动形式：1 发放印刷资料，2 播放音像资料，3 宣传栏，4 公众健康咨询活动，5 健康知识讲座，6 个体化健康教育</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>接受健康教育人数</source>
        <translation>接受健康教育人数</translation>
    </message>
    <message>
        <source>接受健康教育人员类别</source>
        <translation>接受健康教育人员类别</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>资料发放种类及数量</source>
        <translation>资料发放种类及数量</translation>
    </message>
    <message>
        <source>资料种类数（印刷/音像）</source>
        <translation>资料种类数（印刷/音像）</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>活动总结评价</source>
        <translation>活动总结评价</translation>
    </message>
    <message>
        <source>照片（JPEG/PNG）或 PDF</source>
        <translation>照片（JPEG/PNG）或 PDF</translation>
    </message>
    <message>
        <source>签到表（JPEG/PNG/PDF）</source>
        <translation>签到表（JPEG/PNG/PDF）</translation>
    </message>
    <message>
        <source>活动列表，最新的在前</source>
        <translation>活动列表，最新的在前</translation>
    </message>
    <message>
        <source>只列出这一年的活动</source>
        <translation>只列出这一年的活动</translation>
    </message>
    <message>
        <source>本年各项次数与规范最低次数对照</source>
        <translation>本年各项次数与规范最低次数对照</translation>
    </message>
    <message>
        <source>一次活动的健康教育活动记录表（PDF）</source>
        <translation>一次活动的健康教育活动记录表（PDF）</translation>
    </message>
    <message>
        <source>活动 ID（见 education list）</source>
        <translation>活动 ID（见 education list）</translation>
    </message>
    <message>
        <source>记录表栏目名称的语言</source>
        <translation>记录表栏目名称的语言</translation>
    </message>
    <message>
        <source>体温 °C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <source>脉率 次/分钟</source>
        <translation>脉率 次/分钟</translation>
    </message>
    <message>
        <source>腰围 cm</source>
        <translation>腰围 cm</translation>
    </message>
    <message>
        <source>总胆固醇 mmol/L</source>
        <translation>总胆固醇 mmol/L</translation>
    </message>
    <message>
        <source>甘油三酯 mmol/L</source>
        <translation>甘油三酯 mmol/L</translation>
    </message>
    <message>
        <source>低密度脂蛋白胆固醇 mmol/L</source>
        <translation>低密度脂蛋白胆固醇 mmol/L</translation>
    </message>
    <message>
        <source>高密度脂蛋白胆固醇 mmol/L</source>
        <translation>高密度脂蛋白胆固醇 mmol/L</translation>
    </message>
    <message>
        <source>血清肌酐 μmol/L</source>
        <translation>血清肌酐 μmol/L</translation>
    </message>
    <message>
        <source>血清谷丙转氨酶 U/L</source>
        <translation>血清谷丙转氨酶 U/L</translation>
    </message>
    <message>
        <source>65岁及以上老年人健康管理</source>
        <translation>65岁及以上老年人健康管理</translation>
    </message>
    <message>
        <source>录入年度健康体检和生活自理能力评估</source>
        <translation>录入年度健康体检和生活自理能力评估</translation>
    </message>
    <message>
        <source>体检日期 YYYY-MM-DD</source>
        <translation>体检日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>五项等级 1–4（1 可自理 … 4 不能自理）：进餐、梳洗、穿衣、如厕、活动（65岁及以上必填；未满65岁的建档立卡贫困人口免费体检不填）</source>
        <translation>五项等级 1–4（1 可自理 … 4 不能自理）：进餐、梳洗、穿衣、如厕、活动（65岁及以上必填；未满65岁的建档立卡贫困人口免费体检不填）</translation>
    </message>
    <message>
        <source>症状代码，如 1 或 2,3</source>
        <translation>症状代码，如 1 或 2,3</translation>
    </message>
    <message>
        <source>发现的健康问题</source>
        <translation>发现的健康问题</translation>
    </message>
    <message>
        <source>目前用药（默认：高血压、糖尿病最近一次随访的用药；"" 为无）</source>
        <translation>目前用药（默认：高血压、糖尿病最近一次随访的用药；"" 为无）</translation>
    </message>
    <message>
        <source>下次体检日期（默认：一年后）</source>
        <translation>下次体检日期（默认：一年后）</translation>
    </message>
    <message>
        <source>体检表的任一其他项目，可多次使用，如 --field skin=2 --field skin_text=皮疹；多选项用逗号分开（--field action=1,2）；项目名见 cunyi elderly fields</source>
        <translation>体检表的任一其他项目，可多次使用，如 --field skin=2 --field skin_text=皮疹；多选项用逗号分开（--field action=1,2）；项目名见 cunyi elderly fields</translation>
    </message>
    <message>
        <source>保存同一年内的第二次体检</source>
        <translation>保存同一年内的第二次体检</translation>
    </message>
    <message>
        <source>作废误录的健康体检（日期错、人错）</source>
        <translation>作废误录的健康体检（日期错、人错）</translation>
    </message>
    <message>
        <source>健康体检表的项目名、名称和可选代码（供 --field 使用）</source>
        <translation>健康体检表的项目名、名称和可选代码（供 --field 使用）</translation>
    </message>
    <message>
        <source>今年未体检的65岁及以上居民，按村民小组列出</source>
        <translation>今年未体检的65岁及以上居民，按村民小组列出</translation>
    </message>
    <message>
        <source>selfcare / summary（按最近一次体检填写；无 RESIDENT 时为空白表）、due 名单</source>
        <translation>selfcare / summary（按最近一次体检填写；无 RESIDENT 时为空白表）、due 名单</translation>
    </message>
    <message>
        <source>selfcare 生活自理能力评估表，summary 健康体检表，due 未体检名单</source>
        <translation>selfcare 生活自理能力评估表，summary 健康体检表，due 未体检名单</translation>
    </message>
    <message>
        <source>档案编号（不填：空白表）</source>
        <translation>档案编号（不填：空白表）</translation>
    </message>
    <message>
        <source>写入的 PDF 文件（FILE.pdf）</source>
        <translation>写入的 PDF 文件（FILE.pdf）</translation>
    </message>
    <message>
        <source>未体检名单的年份（默认：今年）</source>
        <translation>未体检名单的年份（默认：今年）</translation>
    </message>
    <message>
        <source>表单标签的语言</source>
        <translation>表单标签的语言</translation>
    </message>
    <message>
        <source>--selfcare 应为5项等级（1–4），按进餐、梳洗、穿衣、如厕、活动的顺序用逗号分开</source>
        <translation>--selfcare 应为5项等级（1–4），按进餐、梳洗、穿衣、如厕、活动的顺序用逗号分开</translation>
    </message>
    <message>
        <source>未满65岁的建档立卡贫困人口免费体检不做生活自理能力评估：请去掉 --selfcare 后再保存</source>
        <translation>未满65岁的建档立卡贫困人口免费体检不做生活自理能力评估：请去掉 --selfcare 后再保存</translation>
    </message>
    <message>
        <source>65岁及以上的健康体检须填写 --selfcare（进餐、梳洗、穿衣、如厕、活动五项等级）</source>
        <translation>65岁及以上的健康体检须填写 --selfcare（进餐、梳洗、穿衣、如厕、活动五项等级）</translation>
    </message>
    <message>
        <source>--field 应写作 项目名=值，如 --field skin=2</source>
        <translation>--field 应写作 项目名=值，如 --field skin=2</translation>
    </message>
    <message>
        <source>体检表没有可由 --field 填写的项目“{key}”（项目名见 cunyi elderly fields）</source>
        <translation>体检表没有可由 --field 填写的项目“{key}”（项目名见 cunyi elderly fields）</translation>
    </message>
    <message>
        <source>项目“{key}”填写了两次</source>
        <translation>项目“{key}”填写了两次</translation>
    </message>
    <message>
        <source>（其他，请写明）</source>
        <translation>（其他，请写明）</translation>
    </message>
    <message>
        <source>需要确认：{text}。核实无误请加 --confirm</source>
        <translation>需要确认：{text}。核实无误请加 --confirm</translation>
    </message>
    <message>
        <source>{resident} 还没有老年人健康体检记录</source>
        <translation>{resident} 还没有老年人健康体检记录</translation>
    </message>
    <message>
        <source>收缩压 mmHg</source>
        <translation>收缩压 mmHg</translation>
    </message>
    <message>
        <source>舒张压 mmHg</source>
        <translation>舒张压 mmHg</translation>
    </message>
    <message>
        <source>心率 次/分钟</source>
        <translation>心率 次/分钟</translation>
    </message>
    <message>
        <source>体重 kg</source>
        <translation>体重 kg</translation>
    </message>
    <message>
        <source>身高 cm</source>
        <translation>身高 cm</translation>
    </message>
    <message>
        <source>空腹血糖 mmol/L</source>
        <translation>空腹血糖 mmol/L</translation>
    </message>
    <message>
        <source>糖化血红蛋白 %%</source>
        <translation>糖化血红蛋白 %%</translation>
    </message>
    <message>
        <source>慢病随访</source>
        <translation>慢病随访</translation>
    </message>
    <message>
        <source>录入高血压或糖尿病随访（规则与表单相同）</source>
        <translation>录入高血压或糖尿病随访（规则与表单相同）</translation>
    </message>
    <message>
        <source>随访日期 YYYY-MM-DD</source>
        <translation>随访日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>1 门诊、2 家庭、3 电话</source>
        <translation>1 门诊、2 家庭、3 电话</translation>
    </message>
    <message>
        <source>表中的症状代码，如 1 或 2,6</source>
        <translation>表中的症状代码，如 1 或 2,6</translation>
    </message>
    <message>
        <source>紧急转诊情况，如 consciousness,headache</source>
        <translation>紧急转诊情况，如 consciousness,headache</translation>
    </message>
    <message>
        <source>药物不良反应</source>
        <translation>药物不良反应</translation>
    </message>
    <message>
        <source>不良反应难以控制（需转诊）</source>
        <translation>不良反应难以控制（需转诊）</translation>
    </message>
    <message>
        <source>新出现或加重的并发症</source>
        <translation>新出现或加重的并发症</translation>
    </message>
    <message>
        <source>服药依从性：1 规律，2 间断，3 不服药</source>
        <translation>服药依从性：1 规律，2 间断，3 不服药</translation>
    </message>
    <message>
        <source>下次随访日期（默认：建议日期）</source>
        <translation>下次随访日期（默认：建议日期）</translation>
    </message>
    <message>
        <source>随访医生签名（默认：登录的用户）</source>
        <translation>随访医生签名（默认：登录的用户）</translation>
    </message>
    <message>
        <source>替换当天已录入的随访</source>
        <translation>替换当天已录入的随访</translation>
    </message>
    <message>
        <source>确认保存少见（但合理）的数值</source>
        <translation>确认保存少见（但合理）的数值</translation>
    </message>
    <message>
        <source>未纳入管理时，自随访日期起纳入管理</source>
        <translation>未纳入管理时，自随访日期起纳入管理</translation>
    </message>
    <message>
        <source>作废误录的随访（日期错、人错）；记录保留，标为已作废</source>
        <translation>作废误录的随访（日期错、人错）；记录保留，标为已作废</translation>
    </message>
    <message>
        <source>该随访所录的随访日期，YYYY-MM-DD</source>
        <translation>该随访所录的随访日期，YYYY-MM-DD</translation>
    </message>
    <message>
        <source>htn 高血压，t2dm 2型糖尿病</source>
        <translation>htn 高血压，t2dm 2型糖尿病</translation>
    </message>
    <message>
        <source>打开程序（默认）</source>
        <translation>打开程序（默认）</translation>
    </message>
    <message>
        <source>打开主窗口，输出首次绘制耗时后退出</source>
        <translation>打开主窗口，输出首次绘制耗时后退出</translation>
    </message>
    <message>
        <source>保存各主页面的 PNG 截图后退出</source>
        <translation>保存各主页面的 PNG 截图后退出</translation>
    </message>
    <message>
        <source>本次运行的界面语言</source>
        <translation>本次运行的界面语言</translation>
    </message>
    <message>
        <source>（配合 --smoke）加载完整居民列表，然后输出内存峰值</source>
        <translation>（配合 --smoke）加载完整居民列表，然后输出内存峰值</translation>
    </message>
    <message>
        <source>将本机设置为村卫生室、乡镇卫生院或县级用机</source>
        <translation>将本机设置为村卫生室、乡镇卫生院或县级用机</translation>
    </message>
    <message>
        <source>village 村卫生室，township 乡镇卫生院，county 县级</source>
        <translation>village 村卫生室，township 乡镇卫生院，county 县级</translation>
    </message>
    <message>
        <source>12位村代码、9位乡镇代码或6位县级代码</source>
        <translation>12位村代码、9位乡镇代码或6位县级代码</translation>
    </message>
    <message>
        <source>村、乡镇或县名称</source>
        <translation>村、乡镇或县名称</translation>
    </message>
    <message>
        <source>（村）所属乡镇名称</source>
        <translation>（村）所属乡镇名称</translation>
    </message>
    <message>
        <source>作为建档单位打印的名称（默认：&lt;name&gt;卫生室/卫生院）</source>
        <translation>作为建档单位打印的名称（默认：&lt;name&gt;卫生室/卫生院）</translation>
    </message>
    <message>
        <source>卫生室（院）电话</source>
        <translation>卫生室（院）电话</translation>
    </message>
    <message>
        <source>首个用户的用户名（密码：--password-file）</source>
        <translation>首个用户的用户名（密码：--password-file）</translation>
    </message>
    <message>
        <source>首个用户的显示名称</source>
        <translation>首个用户的显示名称</translation>
    </message>
    <message>
        <source>静态加密数据库（SQLCipher；密钥由本机设备密钥加密保护）</source>
        <translation>静态加密数据库（SQLCipher；密钥由本机设备密钥加密保护）</translation>
    </message>
    <message>
        <source>村卫生室的数据只存在本机的 SQLite 数据库中：--db 只用于乡镇（PostgreSQL）</source>
        <translation>村卫生室的数据只存在本机的 SQLite 数据库中：--db 只用于乡镇（PostgreSQL）</translation>
    </message>
    <message>
        <source>不支持的数据库：{kind}（可用 SQLite 或 postgresql+psycopg://…）</source>
        <translation>不支持的数据库：{kind}（可用 SQLite 或 postgresql+psycopg://…）</translation>
    </message>
    <message>
        <source>服务器上的这个数据库已由第一台工作站初始化（{name}，{code}），本机不需要再初始化：把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹 {folder}，然后各命令加 --db 指定这个数据库（或设置环境变量 CUNYI_DB_URL）</source>
        <translation>服务器上的这个数据库已由第一台工作站初始化（{name}，{code}），本机不需要再初始化：把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹 {folder}，然后各命令加 --db 指定这个数据库（或设置环境变量 CUNYI_DB_URL）</translation>
    </message>
    <message>
        <source>--encrypt 只用于数据目录中的 SQLite 数据库（PostgreSQL 请用服务器的磁盘加密）</source>
        <translation>--encrypt 只用于数据目录中的 SQLite 数据库（PostgreSQL 请用服务器的磁盘加密）</translation>
    </message>
    <message>
        <source>{file} 已存在：请用 cunyi store encrypt 加密已有的数据库</source>
        <translation>{file} 已存在：请用 cunyi store encrypt 加密已有的数据库</translation>
    </message>
    <message>
        <source>本机构的名称、电话、地址和医生（打印在表单上）</source>
        <translation>本机构的名称、电话、地址和医生（打印在表单上）</translation>
    </message>
    <message>
        <source>本机构信息</source>
        <translation>本机构信息</translation>
    </message>
    <message>
        <source>修改本机构信息中指定的项（其余不变）</source>
        <translation>修改本机构信息中指定的项（其余不变）</translation>
    </message>
    <message>
        <source>机构名称，如 幸福村卫生室</source>
        <translation>机构名称，如 幸福村卫生室</translation>
    </message>
    <message>
        <source>本机构电话：手机11位，或区号-号码</source>
        <translation>本机构电话：手机11位，或区号-号码</translation>
    </message>
    <message>
        <source>本机构地址</source>
        <translation>本机构地址</translation>
    </message>
    <message>
        <source>医生姓名，以逗号或 、 分隔</source>
        <translation>医生姓名，以逗号或 、 分隔</translation>
    </message>
    <message>
        <source>（乡镇）将 SQLite 数据库复制到空的 PostgreSQL 数据库，逐表校验，此后改用后者（SQLite 文件保留）</source>
        <translation>（乡镇）将 SQLite 数据库复制到空的 PostgreSQL 数据库，逐表校验，此后改用后者（SQLite 文件保留）</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user@host/db（空数据库）</source>
        <translation>postgresql+psycopg://user@host/db（空数据库）</translation>
    </message>
    <message>
        <source>以 JSON 输出每张表的行数和校验和</source>
        <translation>以 JSON 输出每张表的行数和校验和</translation>
    </message>
    <message>
        <source>建档立卡贫困户与一患一策</source>
        <translation>建档立卡贫困户与一患一策</translation>
    </message>
    <message>
        <source>登记或修改家庭户的贫困户类型</source>
        <translation>登记或修改家庭户的贫困户类型</translation>
    </message>
    <message>
        <source>户编号，或任一成员的档案编号</source>
        <translation>户编号，或任一成员的档案编号</translation>
    </message>
    <message>
        <source>registered（建档立卡贫困户）| lifted（脱贫户）| monitored（防返贫监测）| none（非贫困户）</source>
        <translation>registered（建档立卡贫困户）| lifted（脱贫户）| monitored（防返贫监测）| none（非贫困户）</translation>
    </message>
    <message>
        <source>illness（因病）| disability（因残）| schooling（因学）| labour（缺劳力）| other（其他）</source>
        <translation>illness（因病）| disability（因残）| schooling（因学）| labour（缺劳力）| other（其他）</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <translation>因病致贫</translation>
    </message>
    <message>
        <source>因病返贫</source>
        <translation>因病返贫</translation>
    </message>
    <message>
        <source>登记日期 YYYY-MM-DD（默认今天）</source>
        <translation>登记日期 YYYY-MM-DD（默认今天）</translation>
    </message>
    <message>
        <source>一患一策：患者的方案</source>
        <translation>一患一策：患者的方案</translation>
    </message>
    <message>
        <source>major（大病集中救治）| chronic（慢病签约服务管理）| severe（重病兜底保障）</source>
        <translation>major（大病集中救治）| chronic（慢病签约服务管理）| severe（重病兜底保障）</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>复核日期 YYYY-MM-DD</source>
        <translation>复核日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>疾病（默认：在管的管理项目）</source>
        <translation>疾病（默认：在管的管理项目）</translation>
    </message>
    <message>
        <source>本年免费健康体检日期</source>
        <translation>本年免费健康体检日期</translation>
    </message>
    <message>
        <source>贫困户列表，含签约情况和本月随访</source>
        <translation>贫困户列表，含签约情况和本月随访</translation>
    </message>
    <message>
        <source>改为列出患者的一患一策</source>
        <translation>改为列出患者的一患一策</translation>
    </message>
    <message>
        <source>将贫困户（加 --plans 时为一患一策）导出为 xlsx 工作簿</source>
        <translation>将贫困户（加 --plans 时为一患一策）导出为 xlsx 工作簿</translation>
    </message>
    <message>
        <source>一户一档、一患一策：该户存档用的表（PDF）</source>
        <translation>一户一档、一患一策：该户存档用的表（PDF）</translation>
    </message>
    <message>
        <source>表中栏目名称的语言</source>
        <translation>表中栏目名称的语言</translation>
    </message>
    <message>
        <source>逾期患者随访卡上打印的下次随访日期 YYYY-MM-DD（今天或之后）；不指定时卡上注明逾期天数</source>
        <translation>逾期患者随访卡上打印的下次随访日期 YYYY-MM-DD（今天或之后）；不指定时卡上注明逾期天数</translation>
    </message>
    <message>
        <source>打印文档（PDF）</source>
        <translation>打印文档（PDF）</translation>
    </message>
    <message>
        <source>双向转诊单（转出；加 --return 为回转）</source>
        <translation>双向转诊单（转出；加 --return 为回转）</translation>
    </message>
    <message>
        <source>转诊单 ID</source>
        <translation>转诊单 ID</translation>
    </message>
    <message>
        <source>打印回转单</source>
        <translation>打印回转单</translation>
    </message>
    <message>
        <source>单张随访卡，正反面，卡片尺寸</source>
        <translation>单张随访卡，正反面，卡片尺寸</translation>
    </message>
    <message>
        <source>A4 纸排版的随访卡</source>
        <translation>A4 纸排版的随访卡</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>入户随访工作单</translation>
    </message>
    <message>
        <source>逾期及 DAYS 天内到期（0-365，默认 7）</source>
        <translation>逾期及 DAYS 天内到期（0-365，默认 7）</translation>
    </message>
    <message>
        <source>仅限此村民小组（按名称）</source>
        <translation>仅限此村民小组（按名称）</translation>
    </message>
    <message>
        <source>（乡镇）仅限此12位村代码</source>
        <translation>（乡镇）仅限此12位村代码</translation>
    </message>
    <message>
        <source>每张 A4 纸排几张卡（默认 10）</source>
        <translation>每张 A4 纸排几张卡（默认 10）</translation>
    </message>
    <message>
        <source>居民健康档案封面，含完整的17位档案编号</source>
        <translation>居民健康档案封面，含完整的17位档案编号</translation>
    </message>
    <message>
        <source>空白随访表（停电时手填）</source>
        <translation>空白随访表（停电时手填）</translation>
    </message>
    <message>
        <source>按档案填好的个人基本信息表</source>
        <translation>按档案填好的个人基本信息表</translation>
    </message>
    <message>
        <source>填入一年随访记录的随访服务记录表，每页4次</source>
        <translation>填入一年随访记录的随访服务记录表，每页4次</translation>
    </message>
    <message>
        <source>随访年份（默认：有随访的最近一年）</source>
        <translation>随访年份（默认：有随访的最近一年）</translation>
    </message>
    <message>
        <source>无法写入 {folder}：这是一个文件夹，请给出文件名，如 {example}</source>
        <translation>无法写入 {folder}：这是一个文件夹，请给出文件名，如 {example}</translation>
    </message>
    <message>
        <source>转诊单编号格式不对：{id}</source>
        <translation>转诊单编号格式不对：{id}</translation>
    </message>
    <message>
        <source>没有逾期或{days}天内到期的随访对象，未生成文件</source>
        <translation>没有逾期或{days}天内到期的随访对象，未生成文件</translation>
    </message>
    <message>
        <source>转诊单编号，即 `referral add` 或 `referral list` 显示的编号</source>
        <translation>转诊单编号，即 `referral add` 或 `referral list` 显示的编号</translation>
    </message>
    <message>
        <source>发生日期 YYYY-MM-DD（默认今天；不早于转诊日期，不晚于今天）</source>
        <translation>发生日期 YYYY-MM-DD（默认今天；不早于转诊日期，不晚于今天）</translation>
    </message>
    <message>
        <source>双向转诊：开具、到位、不到位、回转</source>
        <translation>双向转诊：开具、到位、不到位、回转</translation>
    </message>
    <message>
        <source>开具转诊单（转出），并显示新转诊单的编号</source>
        <translation>开具转诊单（转出），并显示新转诊单的编号</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>转入单位</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>主要现病史（转出原因）</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>初步印象</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>紧急转诊</translation>
    </message>
    <message>
        <source>转诊所属的管理项目：htn 高血压、t2dm 2型糖尿病、smi 专项随访（只有可查看其记录的人看得到这张转诊单）</source>
        <translation>转诊所属的管理项目：htn 高血压、t2dm 2型糖尿病、smi 专项随访（只有可查看其记录的人看得到这张转诊单）</translation>
    </message>
    <message>
        <source>即使今天已向同一单位开过未结转诊单，仍然开具</source>
        <translation>即使今天已向同一单位开过未结转诊单，仍然开具</translation>
    </message>
    <message>
        <source>转诊单列表：未结的在前，紧急的在前，未结最久的在前</source>
        <translation>转诊单列表：未结的在前，紧急的在前，未结最久的在前</translation>
    </message>
    <message>
        <source>只列出未结转诊</source>
        <translation>只列出未结转诊</translation>
    </message>
    <message>
        <source>患者已到达（到位）</source>
        <translation>患者已到达（到位）</translation>
    </message>
    <message>
        <source>患者未到达（不到位），须写明原因</source>
        <translation>患者未到达（不到位），须写明原因</translation>
    </message>
    <message>
        <source>患者没有去的原因</source>
        <translation>患者没有去的原因</translation>
    </message>
    <message>
        <source>患者已回转（回转），附诊断结果和治疗方案</source>
        <translation>患者已回转（回转），附诊断结果和治疗方案</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>住院病案号</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>主要检查结果</translation>
    </message>
    <message>
        <source>下一步治疗方案及康复建议</source>
        <translation>下一步治疗方案及康复建议</translation>
    </message>
    <message>
        <source>在回转单上签字的转入单位医生</source>
        <translation>在回转单上签字的转入单位医生</translation>
    </message>
    <message>
        <source>撤销今天误登记的到位/不到位（恢复为已转出；须由登记人操作）</source>
        <translation>撤销今天误登记的到位/不到位（恢复为已转出；须由登记人操作）</translation>
    </message>
    <message>
        <source>请填写转诊原因（--reason），没有原因的转诊单不能开具</source>
        <translation>请填写转诊原因（--reason），没有原因的转诊单不能开具</translation>
    </message>
    <message>
        <source>{text}；确实要再开一张请加 --force</source>
        <translation>{text}；确实要再开一张请加 --force</translation>
    </message>
    <message>
        <source>按村和乡镇统计的国家指标（--json、-o FILE.xlsx 或 FILE.pdf、--list）</source>
        <translation>按村和乡镇统计的国家指标（--json、-o FILE.xlsx 或 FILE.pdf、--list）</translation>
    </message>
    <message>
        <source>统计年度</source>
        <translation>统计年度</translation>
    </message>
    <message>
        <source>只统计该季度（1–4）</source>
        <translation>只统计该季度（1–4）</translation>
    </message>
    <message>
        <source>与 --quarter 一起用：统计 1 月 1 日至该季度末（累计），对照全年目标</source>
        <translation>与 --quarter 一起用：统计 1 月 1 日至该季度末（累计），对照全年目标</translation>
    </message>
    <message>
        <source>只看该村（12 位村代码）</source>
        <translation>只看该村（12 位村代码）</translation>
    </message>
    <message>
        <source>（县）只看该乡镇（9 位代码）下的各村</source>
        <translation>（县）只看该乡镇（9 位代码）下的各村</translation>
    </message>
    <message>
        <source>输出 JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>导出工作簿或 PDF 汇总</source>
        <translation>导出工作簿或 PDF 汇总</translation>
    </message>
    <message>
        <source>文本输出：只列合计（县级为各乡镇）、加列各村，或列出各村及其村民小组（--json 总是包含乡镇、村和村民小组）</source>
        <translation>文本输出：只列合计（县级为各乡镇）、加列各村，或列出各村及其村民小组（--json 总是包含乡镇、村和村民小组）</translation>
    </message>
    <message>
        <source>工作簿、PDF、名单中的原因及指标名称的语言（默认 zh）</source>
        <translation>工作簿、PDF、名单中的原因及指标名称的语言（默认 zh）</translation>
    </message>
    <message>
        <source>列出某个数字所对应的居民</source>
        <translation>列出某个数字所对应的居民</translation>
    </message>
    <message>
        <source>与 --list 一起用：指定指标（records、htn_standard …）</source>
        <translation>与 --list 一起用：指定指标（records、htn_standard …）</translation>
    </message>
    <message>
        <source>（乡镇）各村各年度的人口数：列出，或用 --village 录入</source>
        <translation>（乡镇）各村各年度的人口数：列出，或用 --village 录入</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>录入该村的人口数</source>
        <translation>录入该村的人口数</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>65 岁及以上常住人口</source>
        <translation>65 岁及以上常住人口</translation>
    </message>
    <message>
        <source>报县级的指标报表（xlsx、pdf、json）</source>
        <translation>报县级的指标报表（xlsx、pdf、json）</translation>
    </message>
    <message>
        <source>--list 需要用 --indicator KEY 指明指标</source>
        <translation>--list 需要用 --indicator KEY 指明指标</translation>
    </message>
    <message>
        <source>--indicator 与 --list numerator|denominator 一起使用</source>
        <translation>--indicator 与 --list numerator|denominator 一起使用</translation>
    </message>
    <message>
        <source>--list 的名单用 --json 或直接显示；工作簿（-o）里每个指标已有一张名单</source>
        <translation>--list 的名单用 --json 或直接显示；工作簿（-o）里每个指标已有一张名单</translation>
    </message>
    <message>
        <source>输出文件应以 .xlsx 或 .pdf 结尾：{file}</source>
        <translation>输出文件应以 .xlsx 或 .pdf 结尾：{file}</translation>
    </message>
    <message>
        <source>--by 只用于屏幕上的列表；-o 导出的工作簿和 PDF 按乡镇、村列出（村民小组见工作簿中各指标的名单）</source>
        <translation>--by 只用于屏幕上的列表；-o 导出的工作簿和 PDF 按乡镇、村列出（村民小组见工作簿中各指标的名单）</translation>
    </message>
    <message>
        <source>请用 --residents 和/或 --elderly 给出人口数</source>
        <translation>请用 --residents 和/或 --elderly 给出人口数</translation>
    </message>
    <message>
        <source>数据质量报告（按村和医生）</source>
        <translation>数据质量报告（按村和医生）</translation>
    </message>
    <message>
        <source>年份（默认：今年）</source>
        <translation>年份（默认：今年）</translation>
    </message>
    <message>
        <source>导出工作簿或督导表</source>
        <translation>导出工作簿或督导表</translation>
    </message>
    <message>
        <source>文件或文本的语言</source>
        <translation>文件或文本的语言</translation>
    </message>
    <message>
        <source>年份应在2000到2100之间：{year}</source>
        <translation>年份应在2000到2100之间：{year}</translation>
    </message>
    <message>
        <source>居民档案</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>导入花名册（.xlsx 或 .csv）</source>
        <translation>导入花名册（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>花名册文件（.xlsx 或 .csv）</source>
        <translation>花名册文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>只检查，不导入</source>
        <translation>只检查，不导入</translation>
    </message>
    <message>
        <source>只导入正确的行，跳过有错误的行</source>
        <translation>只导入正确的行，跳过有错误的行</translation>
    </message>
    <message>
        <source>（乡镇）这些居民所在村的12位代码</source>
        <translation>（乡镇）这些居民所在村的12位代码</translation>
    </message>
    <message>
        <source>生成空白花名册模板</source>
        <translation>生成空白花名册模板</translation>
    </message>
    <message>
        <source>写出的模板文件（.xlsx 或 .csv）</source>
        <translation>写出的模板文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>按程序界面的方式查找居民</source>
        <translation>按程序界面的方式查找居民</translation>
    </message>
    <message>
        <source>姓名、拼音或首字母、身份证号、档案编号或电话的一部分</source>
        <translation>姓名、拼音或首字母、身份证号、档案编号或电话的一部分</translation>
    </message>
    <message>
        <source>最多显示条数（默认 20）</source>
        <translation>最多显示条数（默认 20）</translation>
    </message>
    <message>
        <source>更正居民档案的字段（校验与表单相同）</source>
        <translation>更正居民档案的字段（校验与表单相同）</translation>
    </message>
    <message>
        <source>个人基本信息表中的文本项，如 phone=13800138000 或 current_address=…</source>
        <translation>个人基本信息表中的文本项，如 phone=13800138000 或 current_address=…</translation>
    </message>
    <message>
        <source>导出全部居民（.xlsx 或 .csv）</source>
        <translation>导出全部居民（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>写出的文件（.xlsx 或 .csv）</source>
        <translation>写出的文件（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>不能这样修改：{item}（应写成 字段=值，可改的字段：{fields}）</source>
        <translation>不能这样修改：{item}（应写成 字段=值，可改的字段：{fields}）</translation>
    </message>
    <message>
        <source>--limit 至少为 1</source>
        <translation>--limit 至少为 1</translation>
    </message>
    <message>
        <source>第{row}行 [{column}] “{value}”：{reason}</source>
        <translation>第{row}行 [{column}] “{value}”：{reason}</translation>
    </message>
    <message>
        <source>已忽略未知列：{columns}</source>
        <translation>已忽略未知列：{columns}</translation>
    </message>
    <message>
        <source>共 {rows} 行，{wrong} 行有错误，未导入任何记录。改正后重新导入，或用 --skip-invalid 只导入正确的行。</source>
        <translation>共 {rows} 行，{wrong} 行有错误，未导入任何记录。改正后重新导入，或用 --skip-invalid 只导入正确的行。</translation>
    </message>
    <message>
        <source>（乡镇）审核队列：疑似重复档案、同步冲突、未通过校验的记录、转诊超期未结</source>
        <translation>（乡镇）审核队列：疑似重复档案、同步冲突、未通过校验的记录、转诊超期未结</translation>
    </message>
    <message>
        <source>待审核项：疑似重复档案在前，各类按时间从早到晚</source>
        <translation>待审核项：疑似重复档案在前，各类按时间从早到晚</translation>
    </message>
    <message>
        <source>只列出该类待审核项</source>
        <translation>只列出该类待审核项</translation>
    </message>
    <message>
        <source>处理一项：给出处理决定和村卫生室会看到的理由</source>
        <translation>处理一项：给出处理决定和村卫生室会看到的理由</translation>
    </message>
    <message>
        <source>该项的标识，即 `review list` 显示的值</source>
        <translation>该项的标识，即 `review list` 显示的值</translation>
    </message>
    <message>
        <source>该项的可选处理之一，见 `review list` 的显示</source>
        <translation>该项的可选处理之一，见 `review list` 的显示</translation>
    </message>
    <message>
        <source>理由（村卫生室会看到）</source>
        <translation>理由（村卫生室会看到）</translation>
    </message>
    <message>
        <source>乡镇的处理决定，最新的在前：在村卫生室只列有关本村档案的，在乡镇卫生院列出它作出的全部决定</source>
        <translation>乡镇的处理决定，最新的在前：在村卫生室只列有关本村档案的，在乡镇卫生院列出它作出的全部决定</translation>
    </message>
    <message>
        <source>本乡镇没有村代码为 {code} 的村</source>
        <translation>本乡镇没有村代码为 {code} 的村</translation>
    </message>
    <message>
        <source>请用 --reason 写明处理理由：村卫生室会看到它</source>
        <translation>请用 --reason 写明处理理由：村卫生室会看到它</translation>
    </message>
    <message>
        <source>（乡镇或县）网络同步服务器，供各村（乡镇）同步</source>
        <translation>（乡镇或县）网络同步服务器，供各村（乡镇）同步</translation>
    </message>
    <message>
        <source>监听地址（默认：所有地址）</source>
        <translation>监听地址（默认：所有地址）</translation>
    </message>
    <message>
        <source>端口（默认 8765；0：任一空闲端口）</source>
        <translation>端口（默认 8765；0：任一空闲端口）</translation>
    </message>
    <message>
        <source>PEM 证书：以 https 提供服务（其指纹写入设备卡）</source>
        <translation>PEM 证书：以 https 提供服务（其指纹写入设备卡）</translation>
    </message>
    <message>
        <source>--tls-cert 对应的 PEM 私钥</source>
        <translation>--tls-cert 对应的 PEM 私钥</translation>
    </message>
    <message>
        <source>（试验用）每次传输上下行各限速为此 kbit/s，模拟慢速线路</source>
        <translation>（试验用）每次传输上下行各限速为此 kbit/s，模拟慢速线路</translation>
    </message>
    <message>
        <source>（村或乡镇）通过网络与乡镇（县级）的同步服务器同步</source>
        <translation>（村或乡镇）通过网络与乡镇（县级）的同步服务器同步</translation>
    </message>
    <message>
        <source>只同步一次后退出（失败时退出状态为 1）</source>
        <translation>只同步一次后退出（失败时退出状态为 1）</translation>
    </message>
    <message>
        <source>同步服务器地址，如 http://192.168.1.10:8765（会记住）</source>
        <translation>同步服务器地址，如 http://192.168.1.10:8765（会记住）</translation>
    </message>
    <message>
        <source>--tls-cert 和 --tls-key 要一起给出</source>
        <translation>--tls-cert 和 --tls-key 要一起给出</translation>
    </message>
    <message>
        <source>端口 {port} 无效（0–65535）</source>
        <translation>端口 {port} 无效（0–65535）</translation>
    </message>
    <message>
        <source>读不出证书 {file}（应为 PEM 格式）</source>
        <translation>读不出证书 {file}（应为 PEM 格式）</translation>
    </message>
    <message>
        <source>找不到私钥文件 {file}</source>
        <translation>找不到私钥文件 {file}</translation>
    </message>
    <message>
        <source>私钥 {key} 读不出，或不是证书 {cert} 的私钥（应为未加密的 PEM 私钥）</source>
        <translation>私钥 {key} 读不出，或不是证书 {cert} 的私钥（应为未加密的 PEM 私钥）</translation>
    </message>
    <message>
        <source>同步未完成：{reason}</source>
        <translation>同步未完成：{reason}</translation>
    </message>
    <message>
        <source>同步未完成：{reason}；{when} 再试</source>
        <translation>同步未完成：{reason}；{when} 再试</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>严重精神障碍患者管理（权限受限）</source>
        <translation>严重精神障碍患者管理（权限受限）</translation>
    </message>
    <message>
        <source>登记患者并填写个人信息补充表</source>
        <translation>登记患者并填写个人信息补充表</translation>
    </message>
    <message>
        <source>1 精神分裂症 … 6 精神发育迟滞伴发精神障碍</source>
        <translation>1 精神分裂症 … 6 精神发育迟滞伴发精神障碍</translation>
    </message>
    <message>
        <source>1 同意参加管理，0 不同意</source>
        <translation>1 同意参加管理，0 不同意</translation>
    </message>
    <message>
        <source>知情同意签字时间 YYYY-MM-DD（同意时自该日起在管；不填：今天）</source>
        <translation>知情同意签字时间 YYYY-MM-DD（同意时自该日起在管；不填：今天）</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>监护人姓名</translation>
    </message>
    <message>
        <source>监护人电话</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>确诊医院</source>
        <translation>确诊医院</translation>
    </message>
    <message>
        <source>确诊日期 YYYY-MM-DD</source>
        <translation>确诊日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>1 贫困，2 非贫困，3 不详</source>
        <translation>1 贫困，2 非贫困，3 不详</translation>
    </message>
    <message>
        <source>录入随访（自动建议分类、转诊和下次随访日期）</source>
        <translation>录入随访（自动建议分类、转诊和下次随访日期）</translation>
    </message>
    <message>
        <source>危险性评估 0–5（未用 --lost/--died 时必填）</source>
        <translation>危险性评估 0–5（未用 --lost/--died 时必填）</translation>
    </message>
    <message>
        <source>1 完全，2 不全，3 缺失</source>
        <translation>1 完全，2 不全，3 缺失</translation>
    </message>
    <message>
        <source>目前症状代码，如 1,5</source>
        <translation>目前症状代码，如 1,5</translation>
    </message>
    <message>
        <source>五项评分 1–3（生产劳动及工作可为 9），如 1,1,1,1,1</source>
        <translation>五项评分 1–3（生产劳动及工作可为 9），如 1,1,1,1,1</translation>
    </message>
    <message>
        <source>严重药物不良反应</source>
        <translation>严重药物不良反应</translation>
    </message>
    <message>
        <source>严重躯体疾病</source>
        <translation>严重躯体疾病</translation>
    </message>
    <message>
        <source>指定分类，不采用建议</source>
        <translation>指定分类，不采用建议</translation>
    </message>
    <message>
        <source>下次随访日期（默认：按本次随访分类，未给 --classification 时按建议的分类）</source>
        <translation>下次随访日期（默认：按本次随访分类，未给 --classification 时按建议的分类）</translation>
    </message>
    <message>
        <source>失访：原因代码 1–5</source>
        <translation>失访：原因代码 1–5</translation>
    </message>
    <message>
        <source>于 DATE 死亡（配合 --cause）</source>
        <translation>于 DATE 死亡（配合 --cause）</translation>
    </message>
    <message>
        <source>死亡原因代码 1–6</source>
        <translation>死亡原因代码 1–6</translation>
    </message>
    <message>
        <source>作废误录的随访（日期错、人错）</source>
        <translation>作废误录的随访（日期错、人错）</translation>
    </message>
    <message>
        <source>到期及逾期的患者（仅限您有权查看的）</source>
        <translation>到期及逾期的患者（仅限您有权查看的）</translation>
    </message>
    <message>
        <source>overdue 已逾期（默认），due_today 今天到期，due_week 7 天内到期，all 全部在管患者</source>
        <translation>overdue 已逾期（默认），due_today 今天到期，due_week 7 天内到期，all 全部在管患者</translation>
    </message>
    <message>
        <source>随访服务记录表：按最近一次随访填写；无 RESIDENT 时为空白表</source>
        <translation>随访服务记录表：按最近一次随访填写；无 RESIDENT 时为空白表</translation>
    </message>
    <message>
        <source>改为打印个人信息补充表：按登记信息填写；无 RESIDENT 时为空白表</source>
        <translation>改为打印个人信息补充表：按登记信息填写；无 RESIDENT 时为空白表</translation>
    </message>
    <message>
        <source>--lost（失访）和 --died（死亡）只能选一个</source>
        <translation>--lost（失访）和 --died（死亡）只能选一个</translation>
    </message>
    <message>
        <source>失访或死亡的随访不填评估：请去掉 {options}</source>
        <translation>失访或死亡的随访不填评估：请去掉 {options}</translation>
    </message>
    <message>
        <source>--cause（死亡原因）只与 --died 一起填写</source>
        <translation>--cause（死亡原因）只与 --died 一起填写</translation>
    </message>
    <message>
        <source>--social 应为5项评价，用逗号分开，例如 1,1,1,1,1</source>
        <translation>--social 应为5项评价，用逗号分开，例如 1,1,1,1,1</translation>
    </message>
    <message>
        <source>{resident} 还没有随访记录</source>
        <translation>{resident} 还没有随访记录</translation>
    </message>
    <message>
        <source>数据库静态加密</source>
        <translation>数据库静态加密</translation>
    </message>
    <message>
        <source>（管理员）将未加密的数据库转为加密数据库（核对无误后才删除未加密文件）</source>
        <translation>（管理员）将未加密的数据库转为加密数据库（核对无误后才删除未加密文件）</translation>
    </message>
    <message>
        <source>在旁边保留未加密的数据库文件</source>
        <translation>在旁边保留未加密的数据库文件</translation>
    </message>
    <message>
        <source>数据库是否已加密，以及剩余的未加密备份</source>
        <translation>数据库是否已加密，以及剩余的未加密备份</translation>
    </message>
    <message>
        <source>与其他设备互传变更同步包</source>
        <translation>与其他设备互传变更同步包</translation>
    </message>
    <message>
        <source>为每台受信任设备各写一个同步包到文件夹（U盘）</source>
        <translation>为每台受信任设备各写一个同步包到文件夹（U盘）</translation>
    </message>
    <message>
        <source>写入变更包的文件夹（如 U 盘）</source>
        <translation>写入变更包的文件夹（如 U 盘）</translation>
    </message>
    <message>
        <source>只导出给该设备（ID 前缀或代码）</source>
        <translation>只导出给该设备（ID 前缀或代码）</translation>
    </message>
    <message>
        <source>没有新变更也写出同步包</source>
        <translation>没有新变更也写出同步包</translation>
    </message>
    <message>
        <source>导入发给本机的同步包（文件或文件夹）</source>
        <translation>导入发给本机的同步包（文件或文件夹）</translation>
    </message>
    <message>
        <source>变更包文件，或存放变更包的文件夹</source>
        <translation>变更包文件，或存放变更包的文件夹</translation>
    </message>
    <message>
        <source>按设备列出：上次导出/导入、待对方确认的变更、标记</source>
        <translation>按设备列出：上次导出/导入、待对方确认的变更、标记</translation>
    </message>
    <message>
        <source>未处理的冲突和疑似重复档案</source>
        <translation>未处理的冲突和疑似重复档案</translation>
    </message>
    <message>
        <source>县级的 age 公钥（托管密钥）：每个同步包也同时加密给它</source>
        <translation>县级的 age 公钥（托管密钥）：每个同步包也同时加密给它</translation>
    </message>
    <message>
        <source>age 接收方公钥（age1…）；省略则显示当前的托管密钥</source>
        <translation>age 接收方公钥（age1…）；省略则显示当前的托管密钥</translation>
    </message>
    <message>
        <source>取消托管密钥，不再加密给它</source>
        <translation>取消托管密钥，不再加密给它</translation>
    </message>
    <message>
        <source>（乡镇）处理冲突：保留现值或采用另一值</source>
        <translation>（乡镇）处理冲突：保留现值或采用另一值</translation>
    </message>
    <message>
        <source>冲突 ID（或其前缀）</source>
        <translation>冲突 ID（或其前缀）</translation>
    </message>
    <message>
        <source>kept 保留现值，lost 采用另一值（疑似重复档案在 review 中处理）</source>
        <translation>kept 保留现值，lost 采用另一值（疑似重复档案在 review 中处理）</translation>
    </message>
    <message>
        <source>理由（村卫生室会随处理决定看到）；可不填</source>
        <translation>理由（村卫生室会随处理决定看到）；可不填</translation>
    </message>
    <message>
        <source>登录用户名</source>
        <translation>登录用户名</translation>
    </message>
    <message>
        <source>用户账户（管理员）</source>
        <translation>用户账户（管理员）</translation>
    </message>
    <message>
        <source>添加用户（新密码来自 --new-password-file 或提示输入）</source>
        <translation>添加用户（新密码来自 --new-password-file 或提示输入）</translation>
    </message>
    <message>
        <source>密码文件，第一行为新用户的密码</source>
        <translation>密码文件，第一行为新用户的密码</translation>
    </message>
    <message>
        <source>village_doctor 乡村医生，township_staff 乡镇卫生院工作人员，admin 管理员</source>
        <translation>village_doctor 乡村医生，township_staff 乡镇卫生院工作人员，admin 管理员</translation>
    </message>
    <message>
        <source>显示的姓名（与表格上一致）</source>
        <translation>显示的姓名（与表格上一致）</translation>
    </message>
    <message>
        <source>乡村医生所属村的 12 位村代码（默认：本村）</source>
        <translation>乡村医生所属村的 12 位村代码（默认：本村）</translation>
    </message>
    <message>
        <source>角色之外另授予的权限</source>
        <translation>角色之外另授予的权限</translation>
    </message>
    <message>
        <source>设置用户在角色之外的权限（none：收回全部）</source>
        <translation>设置用户在角色之外的权限（none：收回全部）</translation>
    </message>
    <message>
        <source>mental_health，或 none 收回全部权限</source>
        <translation>mental_health，或 none 收回全部权限</translation>
    </message>
    <message>
        <source>用户列表</source>
        <translation>用户列表</translation>
    </message>
    <message>
        <source>设置用户密码（来自 --new-password-file 或提示输入）</source>
        <translation>设置用户密码（来自 --new-password-file 或提示输入）</translation>
    </message>
    <message>
        <source>密码文件，第一行为新密码</source>
        <translation>密码文件，第一行为新密码</translation>
    </message>
    <message>
        <source>停用用户（用户从不删除）</source>
        <translation>停用用户（用户从不删除）</translation>
    </message>
    <message>
        <source>none 表示收回全部权限，不能与要授予的权限同时给出</source>
        <translation>none 表示收回全部权限，不能与要授予的权限同时给出</translation>
    </message>
    <message>
        <source>作废原因（随记录保留，乡镇卫生院可见）</source>
        <translation>作废原因（随记录保留，乡镇卫生院可见）</translation>
    </message>
    <message>
        <source>{said}，不能是 {value}</source>
        <translation>{said}，不能是 {value}</translation>
    </message>
    <message>
        <source>{label}不能超过 {high}</source>
        <translation>{label}不能超过 {high}</translation>
    </message>
    <message>
        <source>{label}至少为 {low}</source>
        <translation>{label}至少为 {low}</translation>
    </message>
    <message>
        <source>{label}应在 {low} 到 {high} 之间</source>
        <translation>{label}应在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{year}年还没有到（最多到明年）</source>
        <translation>{year}年还没有到（最多到明年）</translation>
    </message>
</context>
<context>
    <name>Contract</name>
    <message>
        <source>建立并维护健康档案；国家基本公共卫生服务项目（健康教育、预防接种、慢性病、老年人、孕产妇和儿童健康管理等）；常见病、多发病诊疗和健康咨询，需要时转诊。</source>
        <translation>建立并维护健康档案；国家基本公共卫生服务项目（健康教育、预防接种、慢性病、老年人、孕产妇和儿童健康管理等）；常见病、多发病诊疗和健康咨询，需要时转诊。</translation>
    </message>
    <message>
        <source>每年1次健康体检（生活方式和健康状况评估、体格检查、辅助检查）和生活自理能力评估，体检结果告知与健康指导。</source>
        <translation>每年1次健康体检（生活方式和健康状况评估、体格检查、辅助检查）和生活自理能力评估，体检结果告知与健康指导。</translation>
    </message>
    <message>
        <source>高血压、2型糖尿病患者每年至少4次面对面随访，测量血压、血糖，用药和生活方式指导，每年1次健康检查。</source>
        <translation>高血压、2型糖尿病患者每年至少4次面对面随访，测量血压、血糖，用药和生活方式指导，每年1次健康检查。</translation>
    </message>
    <message>
        <source>每年至少4次随访，危险性评估和服药指导，每年1次健康检查，对家属进行护理指导。</source>
        <translation>每年至少4次随访，危险性评估和服药指导，每年1次健康检查，对家属进行护理指导。</translation>
    </message>
    <message>
        <source>孕期健康管理和产前检查，产后访视和产后42天健康检查，孕产期保健指导。</source>
        <translation>孕期健康管理和产前检查，产后访视和产后42天健康检查，孕产期保健指导。</translation>
    </message>
    <message>
        <source>新生儿家庭访视，0–6岁儿童定期健康检查和生长发育评估，预防接种，喂养和护理指导。</source>
        <translation>新生儿家庭访视，0–6岁儿童定期健康检查和生长发育评估，预防接种，喂养和护理指导。</translation>
    </message>
    <message>
        <source>健康评估和康复指导，协助申请辅助器具和康复服务。</source>
        <translation>健康评估和康复指导，协助申请辅助器具和康复服务。</translation>
    </message>
    <message>
        <source>一人一档、一患一策；患慢病的每月随访；协助落实医疗救助和先诊疗后付费等政策。</source>
        <translation>一人一档、一患一策；患慢病的每月随访；协助落实医疗救助和先诊疗后付费等政策。</translation>
    </message>
    <message>
        <source>老年人包只适用于65岁及以上老年人：{name}{year}年未满65岁</source>
        <translation>老年人包只适用于65岁及以上老年人：{name}{year}年未满65岁</translation>
    </message>
    <message>
        <source>儿童包只适用于0–6岁儿童：{name}已{age}岁</source>
        <translation>儿童包只适用于0–6岁儿童：{name}已{age}岁</translation>
    </message>
    <message>
        <source>孕产妇包只适用于女性：{name}的性别不是女</source>
        <translation>孕产妇包只适用于女性：{name}的性别不是女</translation>
    </message>
    <message>
        <source>严重精神障碍包只能签给您负责管理的严重精神障碍患者，{name}不在其中</source>
        <translation>严重精神障碍包只能签给您负责管理的严重精神障碍患者，{name}不在其中</translation>
    </message>
    <message>
        <source>慢病包只适用于在管的高血压、2型糖尿病患者：{name}不在管理中（请先登记管理）</source>
        <translation>慢病包只适用于在管的高血压、2型糖尿病患者：{name}不在管理中（请先登记管理）</translation>
    </message>
    <message>
        <source>残疾人包只适用于有残疾的居民：{name}的档案中残疾情况为无残疾（请先在档案中填写）</source>
        <translation>残疾人包只适用于有残疾的居民：{name}的档案中残疾情况为无残疾（请先在档案中填写）</translation>
    </message>
    <message>
        <source>贫困人口包只适用于登记在册的贫困户成员：{name}的家庭不是建档立卡贫困户或防返贫监测户</source>
        <translation>贫困人口包只适用于登记在册的贫困户成员：{name}的家庭不是建档立卡贫困户或防返贫监测户</translation>
    </message>
    <message>
        <source>请选择至少一个服务包</source>
        <translation>请选择至少一个服务包</translation>
    </message>
    <message>
        <source>服务包“{code}”不存在，可选：{choices}</source>
        <translation>服务包“{code}”不存在，可选：{choices}</translation>
    </message>
    <message>
        <source>签约年限应为1到{max}年</source>
        <translation>签约年限应为1到{max}年</translation>
    </message>
    <message>
        <source>请填写签约医生</source>
        <translation>请填写签约医生</translation>
    </message>
    <message>
        <source>签约日期不能晚于今天</source>
        <translation>签约日期不能晚于今天</translation>
    </message>
    <message>
        <source>{name}不在册，不能签约</source>
        <translation>{name}不在册，不能签约</translation>
    </message>
    <message>
        <source>签约日期{start}早于{name}的出生日期{birth}</source>
        <translation>签约日期{start}早于{name}的出生日期{birth}</translation>
    </message>
    <message>
        <source>{name}已签约至{end}：请续约或先解约</source>
        <translation>{name}已签约至{end}：请续约或先解约</translation>
    </message>
    <message>
        <source>找不到签约记录：{ref}</source>
        <translation>找不到签约记录：{ref}</translation>
    </message>
    <message>
        <source>{name}已有另一份签约，与这段签约期重叠：请由能查看那份签约的人员处理</source>
        <translation>{name}已有另一份签约，与这段签约期重叠：请由能查看那份签约的人员处理</translation>
    </message>
    <message>
        <source>这份签约已于 {end} 期满，不能修改</source>
        <translation>这份签约已于 {end} 期满，不能修改</translation>
    </message>
    <message>
        <source>这份签约{status}，不能修改</source>
        <translation>这份签约{status}，不能修改</translation>
    </message>
    <message>
        <source>续约的签约日期随原签约的期满日，不能修改</source>
        <translation>续约的签约日期随原签约的期满日，不能修改</translation>
    </message>
    <message>
        <source>{name}的另一份签约到 {end} 为止，与修改后的签约期重叠</source>
        <translation>{name}的另一份签约到 {end} 为止，与修改后的签约期重叠</translation>
    </message>
    <message>
        <source>这份签约{status}，不能再解约</source>
        <translation>这份签约{status}，不能再解约</translation>
    </message>
    <message>
        <source>请填写解约原因</source>
        <translation>请填写解约原因</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>{start} 起生效</source>
        <translation>{start} 起生效</translation>
    </message>
    <message>
        <source>{status} {day} {reason}</source>
        <translation>{status} {day} {reason}</translation>
    </message>
    <message>
        <source>这份签约已续约，不能再续约</source>
        <translation>这份签约已续约，不能再续约</translation>
    </message>
    <message>
        <source>这份签约已解约，不能续约</source>
        <translation>这份签约已解约，不能续约</translation>
    </message>
    <message>
        <source>这份签约到 {end} 期满，期满前一个月内（{opens} 起）才能续约</source>
        <translation>这份签约到 {end} 期满，期满前一个月内（{opens} 起）才能续约</translation>
    </message>
    <message>
        <source>这份签约已于 {end} 期满，不需要解约（可以续约）</source>
        <translation>这份签约已于 {end} 期满，不需要解约（可以续约）</translation>
    </message>
    <message>
        <source>到期天数不能为负数</source>
        <translation>到期天数不能为负数</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>修改签约</source>
        <translation>修改签约</translation>
    </message>
    <message>
        <source>姓名、17位档案编号或后8位</source>
        <translation>姓名、17位档案编号或后8位</translation>
    </message>
    <message>
        <source>留空：当前用户</source>
        <translation>留空：当前用户</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>全户签约（在册家庭成员一起签）</source>
        <translation>全户签约（在册家庭成员一起签）</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>签约医生</translation>
    </message>
    <message>
        <source>签约团队</source>
        <translation>签约团队</translation>
    </message>
    <message>
        <source>服务包</source>
        <translation>服务包</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>签约年限</source>
        <translation>签约年限</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>已修改 {name} 的签约</source>
        <translation>已修改 {name} 的签约</translation>
    </message>
    <message>
        <source>已签约 {n} 人</source>
        <translation>已签约 {n} 人</translation>
    </message>
    <message>
        <source>；已有有效签约：{names}</source>
        <translation>；已有有效签约：{names}</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>履约中</source>
        <translation>履约中</translation>
    </message>
    <message>
        <source>{days}天内到期</source>
        <translation>{days}天内到期</translation>
    </message>
    <message>
        <source>全部（含历史）</source>
        <translation>全部（含历史）</translation>
    </message>
    <message>
        <source>新签约…</source>
        <translation>新签约…</translation>
    </message>
    <message>
        <source>续约</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>解约…</source>
        <translation>解约…</translation>
    </message>
    <message>
        <source>已签字</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>打印协议书…</source>
        <translation>打印协议书…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>签约医生</translation>
    </message>
    <message>
        <source>服务包</source>
        <translation>服务包</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>{n} 份签约{days}天内到期，请及时续约</source>
        <translation>{n} 份签约{days}天内到期，请及时续约</translation>
    </message>
    <message>
        <source>为 {name} 续约：新签约从本期期满后开始，签约医生和服务包不变，需居民重新签字。继续吗？</source>
        <translation>为 {name} 续约：新签约从本期期满后开始，签约医生和服务包不变，需居民重新签字。继续吗？</translation>
    </message>
    <message>
        <source>已为 {name} 续约：{start} 至 {end}，请打印协议书请居民签字</source>
        <translation>已为 {name} 续约：{start} 至 {end}，请打印协议书请居民签字</translation>
    </message>
    <message>
        <source>解约</source>
        <translation>解约</translation>
    </message>
    <message>
        <source>{name} 的解约原因：</source>
        <translation>{name} 的解约原因：</translation>
    </message>
    <message>
        <source>打印协议书</source>
        <translation>打印协议书</translation>
    </message>
    <message>
        <source>请先选择一份签约</source>
        <translation>请先选择一份签约</translation>
    </message>
    <message>
        <source>修改签约</source>
        <translation>修改签约</translation>
    </message>
    <message>
        <source>签约服务协议书</source>
        <translation>签约服务协议书</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>这个数据库里已有 {n} 份档案：演示数据只能生成在新建的数据库里（或以前生成过演示数据的数据库），以免虚构的居民和随访混进统计、同步到乡镇卫生院。请用新的数据文件夹（--data-dir）试用</source>
        <translation>这个数据库里已有 {n} 份档案：演示数据只能生成在新建的数据库里（或以前生成过演示数据的数据库），以免虚构的居民和随访混进统计、同步到乡镇卫生院。请用新的数据文件夹（--data-dir）试用</translation>
    </message>
    <message>
        <source>居民人数应在1到2000000之间</source>
        <translation>居民人数应在1到2000000之间</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Education</name>
    <message>
        <source>健康知识讲座</source>
        <translation>健康知识讲座</translation>
    </message>
    <message>
        <source>公众健康咨询</source>
        <translation>公众健康咨询</translation>
    </message>
    <message>
        <source>宣传栏更换</source>
        <translation>宣传栏更换</translation>
    </message>
    <message>
        <source>印刷资料种类</source>
        <translation>印刷资料种类</translation>
    </message>
    <message>
        <source>音像资料种类</source>
        <translation>音像资料种类</translation>
    </message>
    <message>
        <source>个体化健康教育</source>
        <translation>个体化健康教育</translation>
    </message>
    <message>
        <source>健康教育活动</source>
        <translation>健康教育活动</translation>
    </message>
    <message>
        <source>{label}应为0到{max}的整数</source>
        <translation>{label}应为0到{max}的整数</translation>
    </message>
    <message>
        <source>请填写活动时间</source>
        <translation>请填写活动时间</translation>
    </message>
    <message>
        <source>活动时间不能晚于今天</source>
        <translation>活动时间不能晚于今天</translation>
    </message>
    <message>
        <source>活动形式应为1到6：1发放印刷资料 2播放音像资料 3宣传栏 4公众健康咨询活动 5健康知识讲座 6个体化健康教育</source>
        <translation>活动形式应为1到6：1发放印刷资料 2播放音像资料 3宣传栏 4公众健康咨询活动 5健康知识讲座 6个体化健康教育</translation>
    </message>
    <message>
        <source>请填写活动主题</source>
        <translation>请填写活动主题</translation>
    </message>
    <message>
        <source>请填写活动地点</source>
        <translation>请填写活动地点</translation>
    </message>
    <message>
        <source>讲座和咨询活动请填写接受健康教育人数</source>
        <translation>讲座和咨询活动请填写接受健康教育人数</translation>
    </message>
    <message>
        <source>个体化健康教育是一对一的教育：接受健康教育人数应为1到{max}人</source>
        <translation>个体化健康教育是一对一的教育：接受健康教育人数应为1到{max}人</translation>
    </message>
    <message>
        <source>讲座和咨询活动的接受健康教育人数最多{max}人：请按签到表核对</source>
        <translation>讲座和咨询活动的接受健康教育人数最多{max}人：请按签到表核对</translation>
    </message>
    <message>
        <source>发放印刷资料、播放音像资料至少1种：请填写资料种类数</source>
        <translation>发放印刷资料、播放音像资料至少1种：请填写资料种类数</translation>
    </message>
    <message>
        <source>这次健康教育活动已作废（{reason}）</source>
        <translation>这次健康教育活动已作废（{reason}）</translation>
    </message>
    <message>
        <source>找不到这次健康教育活动</source>
        <translation>找不到这次健康教育活动</translation>
    </message>
    <message>
        <source>这是{institution}的健康教育活动，只能由该单位修改或作废</source>
        <translation>这是{institution}的健康教育活动，只能由该单位修改或作废</translation>
    </message>
    <message>
        <source>这次活动有 {n} 个名为“{name}”的存档材料：请用附件 ID 指明要移除哪一个</source>
        <translation>这次活动有 {n} 个名为“{name}”的存档材料：请用附件 ID 指明要移除哪一个</translation>
    </message>
    <message>
        <source>这次活动没有存档材料“{name}”</source>
        <translation>这次活动没有存档材料“{name}”</translation>
    </message>
    <message>
        <source>附件“{name}”是空文件</source>
        <translation>附件“{name}”是空文件</translation>
    </message>
    <message>
        <source>附件“{name}”是设了密码或已损坏的 PDF，存档后谁也看不了：请存档不设密码的文件</source>
        <translation>附件“{name}”是设了密码或已损坏的 PDF，存档后谁也看不了：请存档不设密码的文件</translation>
    </message>
    <message>
        <source>附件“{name}”是含有脚本、内嵌文件或自动操作的 PDF，不能存档：请存档普通的扫描件或资料</source>
        <translation>附件“{name}”是含有脚本、内嵌文件或自动操作的 PDF，不能存档：请存档普通的扫描件或资料</translation>
    </message>
    <message>
        <source>附件“{name}”的 PDF 内容解开后太大，打开它会耗尽电脑的内存，不能存档</source>
        <translation>附件“{name}”的 PDF 内容解开后太大，打开它会耗尽电脑的内存，不能存档</translation>
    </message>
    <message>
        <source>附件“{name}”的图片尺寸太大，无法存档：请存档手机常规画质的照片</source>
        <translation>附件“{name}”的图片尺寸太大，无法存档：请存档手机常规画质的照片</translation>
    </message>
    <message>
        <source>附件“{name}”不是完好的图片：读不出图像（文件已损坏，或只是改了扩展名）</source>
        <translation>附件“{name}”不是完好的图片：读不出图像（文件已损坏，或只是改了扩展名）</translation>
    </message>
    <message>
        <source>附件“{name}”太大（{size} MB），最大 {max} MB</source>
        <translation>附件“{name}”太大（{size} MB），最大 {max} MB</translation>
    </message>
    <message>
        <source>{month}月</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>{first}–{last}月</source>
        <translation>{first}–{last}月</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source> 个两月期</source>
        <translation> 个两月期</translation>
    </message>
    <message>
        <source> 期</source>
        <translation> 期</translation>
    </message>
    <message>
        <source>乡镇卫生院每月至少1次，村卫生室每两个月（1–2月、3–4月……）至少1次：计有讲座的月或两月期，同一期里的几次只计1期；过完了而没有讲座的期是落后</source>
        <translation>乡镇卫生院每月至少1次，村卫生室每两个月（1–2月、3–4月……）至少1次：计有讲座的月或两月期，同一期里的几次只计1期；过完了而没有讲座的期是落后</translation>
    </message>
    <message>
        <source>宣传栏内容每两个月（1–2月、3–4月……）至少更换1次：计有更换的两月期，过完了而没有更换的期是落后。宣传栏个数（乡镇卫生院至少2个，村卫生室至少1个）未核对：活动记录不记是哪一块宣传栏</source>
        <translation>宣传栏内容每两个月（1–2月、3–4月……）至少更换1次：计有更换的两月期，过完了而没有更换的期是落后。宣传栏个数（乡镇卫生院至少2个，村卫生室至少1个）未核对：活动记录不记是哪一块宣传栏</translation>
    </message>
    <message>
        <source>宣传栏个数未核对</source>
        <translation>宣传栏个数未核对</translation>
    </message>
    <message>
        <source> 人次</source>
        <translation> 人次</translation>
    </message>
    <message>
        <source>个体化健康教育活动，加上每次随访时的健康指导（每次随访计1人次）；没有最低次数</source>
        <translation>个体化健康教育活动，加上每次随访时的健康指导（每次随访计1人次）；没有最低次数</translation>
    </message>
    <message>
        <source>{label}：{done}{need}{unit}</source>
        <translation>{label}：{done}{need}{unit}</translation>
    </message>
    <message>
        <source>落后：缺{periods}</source>
        <translation>落后：缺{periods}</translation>
    </message>
    <message>
        <source>落后</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>{n} 个单位落后</source>
        <translation>{n} 个单位落后</translation>
    </message>
    <message>
        <source>{n} 个单位落后：{units}</source>
        <translation>{n} 个单位落后：{units}</translation>
    </message>
    <message>
        <source>（{said}）</source>
        <translation>（{said}）</translation>
    </message>
    <message>
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <source>{name}本级</source>
        <translation>{name}本级</translation>
    </message>
    <message>
        <source>{name} 缺{periods}</source>
        <translation>{name} 缺{periods}</translation>
    </message>
    <message>
        <source>{name} 差 {n} 种</source>
        <translation>{name} 差 {n} 种</translation>
    </message>
    <message>
        <source>{name} 差 {n} 次</source>
        <translation>{name} 差 {n} 次</translation>
    </message>
    <message>
        <source>附件“{name}”不是 JPEG、PNG 图片或 PDF 文件</source>
        <translation>附件“{name}”不是 JPEG、PNG 图片或 PDF 文件</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>宣传材料</source>
        <translation>宣传材料</translation>
    </message>
    <message>
        <source>每次活动最多 {max} 个附件</source>
        <translation>每次活动最多 {max} 个附件</translation>
    </message>
    <message>
        <source>读不了附件：{name}</source>
        <translation>读不了附件：{name}</translation>
    </message>
    <message>
        <source>找不到附件</source>
        <translation>找不到附件</translation>
    </message>
    <message>
        <source>附件“{name}”已损坏</source>
        <translation>附件“{name}”已损坏</translation>
    </message>
</context>
<context>
    <name>EducationPage</name>
    <message>
        <source>新活动…</source>
        <translation>新活动…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>打印记录表…</source>
        <translation>打印记录表…</translation>
    </message>
    <message>
        <source>查看存档材料…</source>
        <translation>查看存档材料…</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>活动时间</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <source>村或单位</source>
        <translation>村或单位</translation>
    </message>
    <message>
        <source>活动形式</source>
        <translation>活动形式</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>存档材料</source>
        <translation>存档材料</translation>
    </message>
    <message>
        <source>修改健康教育活动记录</source>
        <translation>修改健康教育活动记录</translation>
    </message>
    <message>
        <source>作废健康教育活动</source>
        <translation>作废健康教育活动</translation>
    </message>
    <message>
        <source>已作废 {date} 的“{topic}”</source>
        <translation>已作废 {date} 的“{topic}”</translation>
    </message>
    <message>
        <source>查看存档材料</source>
        <translation>查看存档材料</translation>
    </message>
    <message>
        <source>打印记录表</source>
        <translation>打印记录表</translation>
    </message>
    <message>
        <source>请先选择一次活动</source>
        <translation>请先选择一次活动</translation>
    </message>
    <message>
        <source>健康教育活动记录表</source>
        <translation>健康教育活动记录表</translation>
    </message>
</context>
<context>
    <name>Elderly</name>
    <message>
        <source>血压{sbp}/{dbp}mmHg</source>
        <translation>血压{sbp}/{dbp}mmHg</translation>
    </message>
    <message>
        <source>空腹血糖{glucose}mmol/L</source>
        <translation>空腹血糖{glucose}mmol/L</translation>
    </message>
    <message>
        <source>{label}异常（{note}）</source>
        <translation>{label}异常（{note}）</translation>
    </message>
    <message>
        <source>{label}异常</source>
        <translation>{label}异常</translation>
    </message>
    <message>
        <source>下次体检日期应晚于本次体检日期</source>
        <translation>下次体检日期应晚于本次体检日期</translation>
    </message>
    <message>
        <source>下次体检日期最晚为本次体检后一年（{d}）</source>
        <translation>下次体检日期最晚为本次体检后一年（{d}）</translation>
    </message>
    <message>
        <source>{name}在{year}年未满65岁，也不是建档立卡贫困户成员，不属于老年人健康管理或贫困人口免费健康体检对象</source>
        <translation>{name}在{year}年未满65岁，也不是建档立卡贫困户成员，不属于老年人健康管理或贫困人口免费健康体检对象</translation>
    </message>
    <message>
        <source>{name}在{day}已有体检记录</source>
        <translation>{name}在{day}已有体检记录</translation>
    </message>
    <message>
        <source>{name}{year}年已于{day}做过健康体检，这是本年度的第二次体检</source>
        <translation>{name}{year}年已于{day}做过健康体检，这是本年度的第二次体检</translation>
    </message>
    <message>
        <source>健康体检</source>
        <translation>健康体检</translation>
    </message>
    <message>
        <source>找不到该体检记录</source>
        <translation>找不到该体检记录</translation>
    </message>
    <message>
        <source>这次体检没有异常结果，无需转诊</source>
        <translation>这次体检没有异常结果，无需转诊</translation>
    </message>
    <message>
        <source>这次体检未做生活自理能力评估（体检时未满65岁）</source>
        <translation>这次体检未做生活自理能力评估（体检时未满65岁）</translation>
    </message>
</context>
<context>
    <name>ElderlyCheckDialog</name>
    <message>
        <source>老年人健康体检 — {name}</source>
        <translation>老年人健康体检 — {name}</translation>
    </message>
    <message>
        <source>免费健康体检（建档立卡贫困人口）— {name}</source>
        <translation>免费健康体检（建档立卡贫困人口）— {name}</translation>
    </message>
    <message>
        <source>{name}，{age}岁，档案编号 {no}</source>
        <translation>{name}，{age}岁，档案编号 {no}</translation>
    </message>
    <message>
        <source>开转诊单…</source>
        <translation>开转诊单…</translation>
    </message>
    <message>
        <source>体检有异常结果时，可先起草转诊单（体检仍需保存）</source>
        <translation>体检有异常结果时，可先起草转诊单（体检仍需保存）</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>生活自理能力评估：请选择五项的等级</source>
        <translation>生活自理能力评估：请选择五项的等级</translation>
    </message>
    <message>
        <source>生活自理能力评估：{score}分，{level}</source>
        <translation>生活自理能力评估：{score}分，{level}</translation>
    </message>
    <message>
        <source>异常结果：{found}</source>
        <translation>异常结果：{found}</translation>
    </message>
    <message>
        <source>体检发现血压升高。是否将{name}纳入{program}患者健康管理？</source>
        <translation>体检发现血压升高。是否将{name}纳入{program}患者健康管理？</translation>
    </message>
    <message>
        <source>体检发现空腹血糖升高。是否将{name}纳入{program}患者健康管理？</source>
        <translation>体检发现空腹血糖升高。是否将{name}纳入{program}患者健康管理？</translation>
    </message>
    <message>
        <source>纳入慢病管理</source>
        <translation>纳入慢病管理</translation>
    </message>
    <message>
        <source>异常结果</source>
        <translation>异常结果</translation>
    </message>
    <message>
        <source>体检有异常结果：{found}。是否起草转诊单？</source>
        <translation>体检有异常结果：{found}。是否起草转诊单？</translation>
    </message>
    <message>
        <source>请核实</source>
        <translation>请核实</translation>
    </message>
    <message>
        <source>确认保存吗？</source>
        <translation>确认保存吗？</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation>有 {n} 处需要改正，已保留您填写的内容</translation>
    </message>
</context>
<context>
    <name>ElderlyPage</name>
    <message>
        <source>全部村民小组</source>
        <translation>全部村民小组</translation>
    </message>
    <message>
        <source>录入体检 (Enter)</source>
        <translation>录入体检 (Enter)</translation>
    </message>
    <message>
        <source>打印名单</source>
        <translation>打印名单</translation>
    </message>
    <message>
        <source>打印空白体检表</source>
        <translation>打印空白体检表</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>上次体检</source>
        <translation>上次体检</translation>
    </message>
    <message>
        <source>今年未体检的65岁及以上老年人</source>
        <translation>今年未体检的65岁及以上老年人</translation>
    </message>
    <message>
        <source>从未体检</source>
        <translation>从未体检</translation>
    </message>
    <message>
        <source>未体检 {n} 人；建档的65岁及以上居民 {total} 人中，今年已体检 {checked} 人（占建档的 {rate}）。老年人健康管理率以常住65岁及以上人口为分母，见工作台</source>
        <translation>未体检 {n} 人；建档的65岁及以上居民 {total} 人中，今年已体检 {checked} 人（占建档的 {rate}）。老年人健康管理率以常住65岁及以上人口为分母，见工作台</translation>
    </message>
    <message>
        <source>老年人健康体检工作单</source>
        <translation>老年人健康体检工作单</translation>
    </message>
    <message>
        <source>老年人健康体检表（空白）</source>
        <translation>老年人健康体检表（空白）</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>数据库 {path} 已加密（或已损坏），本机找不到它的密钥 {key}：请从备份恢复 keys 文件夹，或请县级用托管密钥找回存储密钥</source>
        <translation>数据库 {path} 已加密（或已损坏），本机找不到它的密钥 {key}：请从备份恢复 keys 文件夹，或请县级用托管密钥找回存储密钥</translation>
    </message>
    <message>
        <source>数据库 {path} 打不开：它已损坏，或不是用本机的存储密钥 {key} 加密的</source>
        <translation>数据库 {path} 打不开：它已损坏，或不是用本机的存储密钥 {key} 加密的</translation>
    </message>
    <message>
        <source>存储密钥文件 {path} 不是本机设备密钥加密的，或已损坏</source>
        <translation>存储密钥文件 {path} 不是本机设备密钥加密的，或已损坏</translation>
    </message>
    <message>
        <source>{path} 不是存储密钥（应为 64 位十六进制数）</source>
        <translation>{path} 不是存储密钥（应为 64 位十六进制数）</translation>
    </message>
    <message>
        <source>找不到密钥文件：{path}</source>
        <translation>找不到密钥文件：{path}</translation>
    </message>
    <message>
        <source>PostgreSQL 数据库不用本功能加密：请用数据库服务器的磁盘加密</source>
        <translation>PostgreSQL 数据库不用本功能加密：请用数据库服务器的磁盘加密</translation>
    </message>
    <message>
        <source>数据库已经加密</source>
        <translation>数据库已经加密</translation>
    </message>
    <message>
        <source>加密副本校验未通过，数据库未改动</source>
        <translation>加密副本校验未通过，数据库未改动</translation>
    </message>
</context>
<context>
    <name>EndManagementDialog</name>
    <message>
        <source>结束慢病管理</source>
        <translation>结束慢病管理</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>如 迁往外省、经上级医院确诊排除</source>
        <translation>如 迁往外省、经上级医院确诊排除</translation>
    </message>
    <message>
        <source>管理状态</source>
        <translation>管理状态</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>编辑居民档案</source>
        <translation>编辑居民档案</translation>
    </message>
    <message>
        <source>新建居民档案</source>
        <translation>新建居民档案</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation>有 {n} 处需要改正，已保留您填写的内容</translation>
    </message>
</context>
<context>
    <name>EnrolmentForm</name>
    <message>
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>确诊 年-月</source>
        <translation>确诊 年-月</translation>
    </message>
    <message>
        <source>名称/原因</source>
        <translation>名称/原因</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>加入家庭户：户主 {name}</source>
        <translation>加入家庭户：户主 {name}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>如 张三</source>
        <translation>如 张三</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>18位身份证号，末位可为X</source>
        <translation>18位身份证号，末位可为X</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>年-月-日，如 1965-03-08</source>
        <translation>年-月-日，如 1965-03-08</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>常住类型</source>
        <translation>常住类型</translation>
    </message>
    <message>
        <source>血型</source>
        <translation>血型</translation>
    </message>
    <message>
        <source>RH血型</source>
        <translation>RH血型</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>联系方式与住址</source>
        <translation>联系方式与住址</translation>
    </message>
    <message>
        <source>本机构信息（打印在随访卡、转诊单、工作单上）</source>
        <translation>本机构信息（打印在随访卡、转诊单、工作单上）</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>如 朝阳乡幸福村卫生室</source>
        <translation>如 朝阳乡幸福村卫生室</translation>
    </message>
    <message>
        <source>手机11位，或区号-号码</source>
        <translation>手机11位，或区号-号码</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>姓名，用顿号或逗号隔开</source>
        <translation>姓名，用顿号或逗号隔开</translation>
    </message>
    <message>
        <source>联系人姓名</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>现住址</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <source>家庭户与管理</source>
        <translation>家庭户与管理</translation>
    </message>
    <message>
        <source>所属村</source>
        <translation>所属村</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>家庭户</source>
        <translation>家庭户</translation>
    </message>
    <message>
        <source>医疗费用支付方式、药物过敏史、暴露史</source>
        <translation>医疗费用支付方式、药物过敏史、暴露史</translation>
    </message>
    <message>
        <source>医疗费用支付方式</source>
        <translation>医疗费用支付方式</translation>
    </message>
    <message>
        <source>其他，请写明</source>
        <translation>其他，请写明</translation>
    </message>
    <message>
        <source>药物过敏史</source>
        <translation>药物过敏史</translation>
    </message>
    <message>
        <source>其他过敏药物</source>
        <translation>其他过敏药物</translation>
    </message>
    <message>
        <source>暴露史</source>
        <translation>暴露史</translation>
    </message>
    <message>
        <source>既往史</source>
        <translation>既往史</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>贫困户类型</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>救治方式</source>
        <translation>救治方式</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>疾病</source>
        <translation>疾病</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>免费健康体检日期</source>
        <translation>免费健康体检日期</translation>
    </message>
    <message>
        <source>其他疾病，请写明</source>
        <translation>其他疾病，请写明</translation>
    </message>
    <message>
        <source>手术/外伤/输血</source>
        <translation>手术/外伤/输血</translation>
    </message>
    <message>
        <source>遗传病史</source>
        <translation>遗传病史</translation>
    </message>
    <message>
        <source>有</source>
        <translation>有</translation>
    </message>
    <message>
        <source>疾病名称</source>
        <translation>疾病名称</translation>
    </message>
    <message>
        <source>残疾情况</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>其他残疾，请写明</source>
        <translation>其他残疾，请写明</translation>
    </message>
    <message>
        <source>家族史</source>
        <translation>家族史</translation>
    </message>
    <message>
        <source>生活环境</source>
        <translation>生活环境</translation>
    </message>
    <message>
        <source>厨房排风设施</source>
        <translation>厨房排风设施</translation>
    </message>
    <message>
        <source>燃料类型</source>
        <translation>燃料类型</translation>
    </message>
    <message>
        <source>饮水</source>
        <translation>饮水</translation>
    </message>
    <message>
        <source>厕所</source>
        <translation>厕所</translation>
    </message>
    <message>
        <source>禽畜栏</source>
        <translation>禽畜栏</translation>
    </message>
    <message>
        <source>建档信息</source>
        <translation>建档信息</translation>
    </message>
    <message>
        <source>默认今天</source>
        <translation>默认今天</translation>
    </message>
    <message>
        <source>建档人</source>
        <translation>建档人</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>责任医生</translation>
    </message>
    <message>
        <source>迁出或死亡日期</source>
        <translation>迁出或死亡日期</translation>
    </message>
    <message>
        <source>签约医生</source>
        <translation>签约医生</translation>
    </message>
    <message>
        <source>签约团队</source>
        <translation>签约团队</translation>
    </message>
    <message>
        <source>解约原因</source>
        <translation>解约原因</translation>
    </message>
    <message>
        <source>遗传病名称</source>
        <translation>遗传病名称</translation>
    </message>
    <message>
        <source>本人电话</source>
        <translation>本人电话</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>手术/外伤/输血名称</source>
        <translation>手术/外伤/输血名称</translation>
    </message>
    <message>
        <source>手术/外伤/输血时间</source>
        <translation>手术/外伤/输血时间</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>签约日期</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>档案状态</source>
        <translation>档案状态</translation>
    </message>
    <message>
        <source>状态变更日期</source>
        <translation>状态变更日期</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>户</source>
        <translation>户</translation>
    </message>
    <message>
        <source>勾选项（既往史、过敏史等）</source>
        <translation>勾选项（既往史、过敏史等）</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>表内其他项目</source>
        <translation>表内其他项目</translation>
    </message>
    <message>
        <source>医生签名</source>
        <translation>医生签名</translation>
    </message>
    <message>
        <source>建档立卡贫困户</source>
        <translation>建档立卡贫困户</translation>
    </message>
    <message>
        <source>签约年限</source>
        <translation>签约年限</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>转入单位</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>接诊医生</source>
        <translation>接诊医生</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>初步印象</translation>
    </message>
    <message>
        <source>主要现病史</source>
        <translation>主要现病史</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>主要既往史</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>治疗经过</translation>
    </message>
    <message>
        <source>转诊医生</source>
        <translation>转诊医生</translation>
    </message>
    <message>
        <source>不到位原因</source>
        <translation>不到位原因</translation>
    </message>
    <message>
        <source>诊断结果</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>住院病案号</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>主要检查结果</translation>
    </message>
    <message>
        <source>下一步治疗方案</source>
        <translation>下一步治疗方案</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>转诊日期</translation>
    </message>
    <message>
        <source>异常情况</source>
        <translation>异常情况</translation>
    </message>
    <message>
        <source>进餐</source>
        <translation>进餐</translation>
    </message>
    <message>
        <source>梳洗</source>
        <translation>梳洗</translation>
    </message>
    <message>
        <source>穿衣</source>
        <translation>穿衣</translation>
    </message>
    <message>
        <source>如厕</source>
        <translation>如厕</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>体检</source>
        <translation>体检</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>体检日期</translation>
    </message>
    <message>
        <source>生活自理能力评估</source>
        <translation>生活自理能力评估</translation>
    </message>
    <message>
        <source>生活方式与症状</source>
        <translation>生活方式与症状</translation>
    </message>
    <message>
        <source>锻炼频率</source>
        <translation>锻炼频率</translation>
    </message>
    <message>
        <source>饮食习惯</source>
        <translation>饮食习惯</translation>
    </message>
    <message>
        <source>吸烟状况</source>
        <translation>吸烟状况</translation>
    </message>
    <message>
        <source>支</source>
        <translation>支</translation>
    </message>
    <message>
        <source>饮酒频率</source>
        <translation>饮酒频率</translation>
    </message>
    <message>
        <source>两</source>
        <translation>两</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>目前用药</source>
        <translation>目前用药</translation>
    </message>
    <message>
        <source>体格检查</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <source>脉率</source>
        <translation>脉率</translation>
    </message>
    <message>
        <source>次/分钟</source>
        <translation>次/分钟</translation>
    </message>
    <message>
        <source>呼吸频率</source>
        <translation>呼吸频率</translation>
    </message>
    <message>
        <source>收缩压</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>舒张压</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>总胆固醇</source>
        <translation>总胆固醇</translation>
    </message>
    <message>
        <source>甘油三酯</source>
        <translation>甘油三酯</translation>
    </message>
    <message>
        <source>低密度脂蛋白胆固醇</source>
        <translation>低密度脂蛋白胆固醇</translation>
    </message>
    <message>
        <source>高密度脂蛋白胆固醇</source>
        <translation>高密度脂蛋白胆固醇</translation>
    </message>
    <message>
        <source>心电图</source>
        <translation>心电图</translation>
    </message>
    <message>
        <source>腹部B超</source>
        <translation>腹部B超</translation>
    </message>
    <message>
        <source>健康评价与指导</source>
        <translation>健康评价与指导</translation>
    </message>
    <message>
        <source>发现的健康问题</source>
        <translation>发现的健康问题</translation>
    </message>
    <message>
        <source>健康评价处理</source>
        <translation>健康评价处理</translation>
    </message>
    <message>
        <source>健康指导</source>
        <translation>健康指导</translation>
    </message>
    <message>
        <source>下次体检日期</source>
        <translation>下次体检日期</translation>
    </message>
    <message>
        <source>体检医生</source>
        <translation>体检医生</translation>
    </message>
    <message>
        <source>心率</source>
        <translation>心率</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>目标体重</source>
        <translation>目标体重</translation>
    </message>
    <message>
        <source>身高</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>腰围</source>
        <translation>腰围</translation>
    </message>
    <message>
        <source>皮肤</source>
        <translation>皮肤</translation>
    </message>
    <message>
        <source>浅表淋巴结</source>
        <translation>浅表淋巴结</translation>
    </message>
    <message>
        <source>心脏</source>
        <translation>心脏</translation>
    </message>
    <message>
        <source>肺</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>腹部</source>
        <translation>腹部</translation>
    </message>
    <message>
        <source>视力（左/右）</source>
        <translation>视力（左/右）</translation>
    </message>
    <message>
        <source>听力</source>
        <translation>听力</translation>
    </message>
    <message>
        <source>运动功能</source>
        <translation>运动功能</translation>
    </message>
    <message>
        <source>血常规</source>
        <translation>血常规</translation>
    </message>
    <message>
        <source>尿常规</source>
        <translation>尿常规</translation>
    </message>
    <message>
        <source>血清谷丙转氨酶</source>
        <translation>血清谷丙转氨酶</translation>
    </message>
    <message>
        <source>血清谷草转氨酶</source>
        <translation>血清谷草转氨酶</translation>
    </message>
    <message>
        <source>总胆红素</source>
        <translation>总胆红素</translation>
    </message>
    <message>
        <source>血清肌酐</source>
        <translation>血清肌酐</translation>
    </message>
    <message>
        <source>血尿素</source>
        <translation>血尿素</translation>
    </message>
    <message>
        <source>空腹血糖</source>
        <translation>空腹血糖</translation>
    </message>
    <message>
        <source>糖化血红蛋白</source>
        <translation>糖化血红蛋白</translation>
    </message>
    <message>
        <source>日吸烟量</source>
        <translation>日吸烟量</translation>
    </message>
    <message>
        <source>目标日吸烟量</source>
        <translation>目标日吸烟量</translation>
    </message>
    <message>
        <source>日饮酒量</source>
        <translation>日饮酒量</translation>
    </message>
    <message>
        <source>目标日饮酒量</source>
        <translation>目标日饮酒量</translation>
    </message>
    <message>
        <source>运动次数</source>
        <translation>运动次数</translation>
    </message>
    <message>
        <source>运动时长</source>
        <translation>运动时长</translation>
    </message>
    <message>
        <source>主食</source>
        <translation>主食</translation>
    </message>
    <message>
        <source>目标主食</source>
        <translation>目标主食</translation>
    </message>
    <message>
        <source>目标运动次数</source>
        <translation>目标运动次数</translation>
    </message>
    <message>
        <source>目标运动时长</source>
        <translation>目标运动时长</translation>
    </message>
    <message>
        <source>服药依从性</source>
        <translation>服药依从性</translation>
    </message>
    <message>
        <source>随访医生</source>
        <translation>随访医生</translation>
    </message>
    <message>
        <source>辅助检查</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <source>不良反应</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>其他症状</source>
        <translation>其他症状</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <source>转诊机构</source>
        <translation>转诊机构</translation>
    </message>
    <message>
        <source>转诊科室</source>
        <translation>转诊科室</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>下次随访日期</source>
        <translation>下次随访日期</translation>
    </message>
    <message>
        <source>每页张数</source>
        <translation>每页张数</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>糖化血红蛋白检查日期</source>
        <translation>糖化血红蛋白检查日期</translation>
    </message>
    <message>
        <source>药物名称</source>
        <translation>药物名称</translation>
    </message>
    <message>
        <source>每日次数</source>
        <translation>每日次数</translation>
    </message>
    <message>
        <source>每次剂量</source>
        <translation>每次剂量</translation>
    </message>
    <message>
        <source>失访原因</source>
        <translation>失访原因</translation>
    </message>
    <message>
        <source>死亡原因</source>
        <translation>死亡原因</translation>
    </message>
    <message>
        <source>死亡日期</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>年-月</source>
        <translation>年-月</translation>
    </message>
    <message>
        <source>轻度滋事</source>
        <translation>轻度滋事</translation>
    </message>
    <message>
        <source>肇事</source>
        <translation>肇事</translation>
    </message>
    <message>
        <source>肇祸</source>
        <translation>肇祸</translation>
    </message>
    <message>
        <source>其他危害行为</source>
        <translation>其他危害行为</translation>
    </message>
    <message>
        <source>自伤</source>
        <translation>自伤</translation>
    </message>
    <message>
        <source>自杀未遂</source>
        <translation>自杀未遂</translation>
    </message>
    <message>
        <source>个人生活料理</source>
        <translation>个人生活料理</translation>
    </message>
    <message>
        <source>家务劳动</source>
        <translation>家务劳动</translation>
    </message>
    <message>
        <source>生产劳动及工作</source>
        <translation>生产劳动及工作</translation>
    </message>
    <message>
        <source>学习能力</source>
        <translation>学习能力</translation>
    </message>
    <message>
        <source>社会人际交往</source>
        <translation>社会人际交往</translation>
    </message>
    <message>
        <source>次</source>
        <translation>次</translation>
    </message>
    <message>
        <source>早（mg）</source>
        <translation>早（mg）</translation>
    </message>
    <message>
        <source>中（mg）</source>
        <translation>中（mg）</translation>
    </message>
    <message>
        <source>晚（mg）</source>
        <translation>晚（mg）</translation>
    </message>
    <message>
        <source>监护人</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>监护人姓名</translation>
    </message>
    <message>
        <source>与患者关系</source>
        <translation>与患者关系</translation>
    </message>
    <message>
        <source>监护人住址</source>
        <translation>监护人住址</translation>
    </message>
    <message>
        <source>监护人电话</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>村（居）委会联系人</source>
        <translation>村（居）委会联系人</translation>
    </message>
    <message>
        <source>村（居）委会联系电话</source>
        <translation>村（居）委会联系电话</translation>
    </message>
    <message>
        <source>知情同意</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>签字时间</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <source>既往情况</source>
        <translation>既往情况</translation>
    </message>
    <message>
        <source>初次发病时间</source>
        <translation>初次发病时间</translation>
    </message>
    <message>
        <source>既往主要症状</source>
        <translation>既往主要症状</translation>
    </message>
    <message>
        <source>既往关锁情况</source>
        <translation>既往关锁情况</translation>
    </message>
    <message>
        <source>门诊治疗</source>
        <translation>门诊治疗</translation>
    </message>
    <message>
        <source>首次抗精神病药治疗时间</source>
        <translation>首次抗精神病药治疗时间</translation>
    </message>
    <message>
        <source>住院次数</source>
        <translation>住院次数</translation>
    </message>
    <message>
        <source>目前诊断情况</source>
        <translation>目前诊断情况</translation>
    </message>
    <message>
        <source>诊断</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>确诊医院</source>
        <translation>确诊医院</translation>
    </message>
    <message>
        <source>确诊日期</source>
        <translation>确诊日期</translation>
    </message>
    <message>
        <source>最近一次治疗效果</source>
        <translation>最近一次治疗效果</translation>
    </message>
    <message>
        <source>危险行为（发病以来）</source>
        <translation>危险行为（发病以来）</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>经济状况</source>
        <translation>经济状况</translation>
    </message>
    <message>
        <source>专科医生的意见</source>
        <translation>专科医生的意见</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>随访形式</source>
        <translation>随访形式</translation>
    </message>
    <message>
        <source>随访对象</source>
        <translation>随访对象</translation>
    </message>
    <message>
        <source>病情</source>
        <translation>病情</translation>
    </message>
    <message>
        <source>危险性评估</source>
        <translation>危险性评估</translation>
    </message>
    <message>
        <source>0级 无下列行为；1级 口头威胁、喊叫，但没有打砸；2级 打砸局限在家里、针对财物，能被劝说制止；3级 明显打砸，不分场合，针对财物，不能接受劝说而停止；4级 持续打砸，不分场合，针对财物或人，不能接受劝说而停止（包括自伤、自杀）；5级 持械针对人的任何暴力行为，或纵火、爆炸等行为</source>
        <translation>0级 无下列行为；1级 口头威胁、喊叫，但没有打砸；2级 打砸局限在家里、针对财物，能被劝说制止；3级 明显打砸，不分场合，针对财物，不能接受劝说而停止；4级 持续打砸，不分场合，针对财物或人，不能接受劝说而停止（包括自伤、自杀）；5级 持械针对人的任何暴力行为，或纵火、爆炸等行为</translation>
    </message>
    <message>
        <source>目前症状</source>
        <translation>目前症状</translation>
    </message>
    <message>
        <source>自知力</source>
        <translation>自知力</translation>
    </message>
    <message>
        <source>睡眠情况</source>
        <translation>睡眠情况</translation>
    </message>
    <message>
        <source>饮食情况</source>
        <translation>饮食情况</translation>
    </message>
    <message>
        <source>社会功能情况</source>
        <translation>社会功能情况</translation>
    </message>
    <message>
        <source>危险行为</source>
        <translation>危险行为</translation>
    </message>
    <message>
        <source>治疗</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>两次随访期间关锁情况</source>
        <translation>两次随访期间关锁情况</translation>
    </message>
    <message>
        <source>两次随访期间住院情况</source>
        <translation>两次随访期间住院情况</translation>
    </message>
    <message>
        <source>末次出院时间</source>
        <translation>末次出院时间</translation>
    </message>
    <message>
        <source>用药依从性</source>
        <translation>用药依从性</translation>
    </message>
    <message>
        <source>药物不良反应</source>
        <translation>药物不良反应</translation>
    </message>
    <message>
        <source>不良反应描述</source>
        <translation>不良反应描述</translation>
    </message>
    <message>
        <source>严重药物不良反应</source>
        <translation>严重药物不良反应</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>严重躯体疾病</source>
        <translation>严重躯体疾病</translation>
    </message>
    <message>
        <source>治疗效果</source>
        <translation>治疗效果</translation>
    </message>
    <message>
        <source>用药情况</source>
        <translation>用药情况</translation>
    </message>
    <message>
        <source>长效针剂</source>
        <translation>长效针剂</translation>
    </message>
    <message>
        <source>药名、剂量、每几周一次</source>
        <translation>药名、剂量、每几周一次</translation>
    </message>
    <message>
        <source>转诊与康复</source>
        <translation>转诊与康复</translation>
    </message>
    <message>
        <source>是否转诊</source>
        <translation>是否转诊</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>转诊至机构及科室</source>
        <translation>转诊至机构及科室</translation>
    </message>
    <message>
        <source>康复措施</source>
        <translation>康复措施</translation>
    </message>
    <message>
        <source>本次随访</source>
        <translation>本次随访</translation>
    </message>
    <message>
        <source>本次随访分类</source>
        <translation>本次随访分类</translation>
    </message>
    <message>
        <source>失访或死亡</source>
        <translation>失访或死亡</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>65岁及以上人口</source>
        <translation>65岁及以上人口</translation>
    </message>
    <message>
        <source>65岁及以上常住人口</source>
        <translation>65岁及以上常住人口</translation>
    </message>
    <message>
        <source>活动时间</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <source>活动地点</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>组织者</source>
        <translation>组织者</translation>
    </message>
    <message>
        <source>接受健康教育人员类别</source>
        <translation>接受健康教育人员类别</translation>
    </message>
    <message>
        <source>资料发放种类及数量</source>
        <translation>资料发放种类及数量</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>活动总结评价</source>
        <translation>活动总结评价</translation>
    </message>
    <message>
        <source>接受健康教育人数</source>
        <translation>接受健康教育人数</translation>
    </message>
    <message>
        <source>资料种类数</source>
        <translation>资料种类数</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>65岁及以上老年人</source>
        <translation>65岁及以上老年人</translation>
    </message>
    <message>
        <source>高血压患者</source>
        <translation>高血压患者</translation>
    </message>
    <message>
        <source>2型糖尿病患者</source>
        <translation>2型糖尿病患者</translation>
    </message>
    <message>
        <source>严重精神障碍患者</source>
        <translation>严重精神障碍患者</translation>
    </message>
    <message>
        <source>建档立卡贫困人口</source>
        <translation>建档立卡贫困人口</translation>
    </message>
    <message>
        <source>0～6岁儿童</source>
        <translation>0～6岁儿童</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>残疾人</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>乡镇名称</source>
        <translation>乡镇名称</translation>
    </message>
    <message>
        <source>--since 起始日期</source>
        <translation>--since 起始日期</translation>
    </message>
    <message>
        <source>--until 截止日期</source>
        <translation>--until 截止日期</translation>
    </message>
    <message>
        <source>随机种子</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>居民人数</source>
        <translation>居民人数</translation>
    </message>
    <message>
        <source>村数</source>
        <translation>村数</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>条数上限</source>
        <translation>条数上限</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>速率</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>家庭医生签约与健康扶贫</source>
        <translation>家庭医生签约与健康扶贫</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>贫困户</translation>
    </message>
    <message>
        <source>一患一策</source>
        <translation>一患一策</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>不能写入 {path}：{place} 是村医自己的数据（数据库、设备密钥、备份），写入会损坏它们：请另选一个文件夹，如桌面或U盘</source>
        <translation>不能写入 {path}：{place} 是村医自己的数据（数据库、设备密钥、备份），写入会损坏它们：请另选一个文件夹，如桌面或U盘</translation>
    </message>
    <message>
        <source>不能写入 {path}：那里不是普通文件（是设备或管道）</source>
        <translation>不能写入 {path}：那里不是普通文件（是设备或管道）</translation>
    </message>
    <message>
        <source>文件名应以 {suffix} 结尾：{path}</source>
        <translation>文件名应以 {suffix} 结尾：{path}</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>请填写档案编号或姓名</source>
        <translation>请填写档案编号或姓名</translation>
    </message>
    <message>
        <source>档案编号后8位{ref}对应多人，请用17位档案编号</source>
        <translation>档案编号后8位{ref}对应多人，请用17位档案编号</translation>
    </message>
    <message>
        <source>找不到档案：{ref}</source>
        <translation>找不到档案：{ref}</translation>
    </message>
    <message>
        <source>叫{name}的有 {n} 人（{numbers}），请用档案编号</source>
        <translation>叫{name}的有 {n} 人（{numbers}），请用档案编号</translation>
    </message>
    <message>
        <source>慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）</source>
        <translation>慢病项目应为 htn（高血压）或 t2dm（2型糖尿病）</translation>
    </message>
    <message>
        <source>纳入管理日期不能早于出生日期</source>
        <translation>纳入管理日期不能早于出生日期</translation>
    </message>
    <message>
        <source>{label}应为数字</source>
        <translation>{label}应为数字</translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation>{label}应为整数</translation>
    </message>
    <message>
        <source>{label}{value}超出可能范围（{lo}–{hi}）</source>
        <translation>{label}{value}超出可能范围（{lo}–{hi}）</translation>
    </message>
    <message>
        <source>{label}{value}很少见，请核实后确认保存</source>
        <translation>{label}{value}很少见，请核实后确认保存</translation>
    </message>
    <message>
        <source>随访日期不能晚于今天</source>
        <translation>随访日期不能晚于今天</translation>
    </message>
    <message>
        <source>随访日期不能早于出生日期</source>
        <translation>随访日期不能早于出生日期</translation>
    </message>
    <message>
        <source>{name}未纳入{program}管理；请先纳入管理（命令行可加 --enrol）</source>
        <translation>{name}未纳入{program}管理；请先纳入管理（命令行可加 --enrol）</translation>
    </message>
    <message>
        <source>随访日期不能早于纳入管理日期{d}</source>
        <translation>随访日期不能早于纳入管理日期{d}</translation>
    </message>
    <message>
        <source>随访方式应为 1 门诊、2 家庭或 3 电话</source>
        <translation>随访方式应为 1 门诊、2 家庭或 3 电话</translation>
    </message>
    <message>
        <source>该患者当天已有一次随访记录；如需更正请标记为更正</source>
        <translation>该患者当天已有一次随访记录；如需更正请标记为更正</translation>
    </message>
    <message>
        <source>随访结果应为 done、lost（失访）或 died（死亡）</source>
        <translation>随访结果应为 done、lost（失访）或 died（死亡）</translation>
    </message>
    <message>
        <source>症状代码“{value}”无效</source>
        <translation>症状代码“{value}”无效</translation>
    </message>
    <message>
        <source>选了“无症状”就不能再选其他症状</source>
        <translation>选了“无症状”就不能再选其他症状</translation>
    </message>
    <message>
        <source>紧急转诊情况代码“{value}”无效，可选：{choices}</source>
        <translation>紧急转诊情况代码“{value}”无效，可选：{choices}</translation>
    </message>
    <message>
        <source>服药依从性应为 1 规律、2 间断或 3 不服药</source>
        <translation>服药依从性应为 1 规律、2 间断或 3 不服药</translation>
    </message>
    <message>
        <source>体温应在30–45°C之间</source>
        <translation>体温应在30–45°C之间</translation>
    </message>
    <message>
        <source>体温应为数字</source>
        <translation>体温应为数字</translation>
    </message>
    <message>
        <source>随访分类应为1–4</source>
        <translation>随访分类应为1–4</translation>
    </message>
    <message>
        <source>下次随访日期应晚于本次随访日期</source>
        <translation>下次随访日期应晚于本次随访日期</translation>
    </message>
    <message>
        <source>下次随访日期 {d} 晚于规范建议的 {s}：按规范，慢病患者应按时面对面随访</source>
        <translation>下次随访日期 {d} 晚于规范建议的 {s}：按规范，慢病患者应按时面对面随访</translation>
    </message>
    <message>
        <source>{program}随访</source>
        <translation>{program}随访</translation>
    </message>
    <message>
        <source>{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院</source>
        <translation>{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院</translation>
    </message>
    <message>
        <source>找不到该慢病管理记录</source>
        <translation>找不到该慢病管理记录</translation>
    </message>
    <message>
        <source>管理状态应为 2 失访、3 迁出、4 死亡或 5 终止管理</source>
        <translation>管理状态应为 2 失访、3 迁出、4 死亡或 5 终止管理</translation>
    </message>
    <message>
        <source>日期应在纳入管理之后、今天之前</source>
        <translation>日期应在纳入管理之后、今天之前</translation>
    </message>
    <message>
        <source>请写明原因</source>
        <translation>请写明原因</translation>
    </message>
    <message>
        <source>{label}代码“{value}”无效</source>
        <translation>{label}代码“{value}”无效</translation>
    </message>
    <message>
        <source>糖化血红蛋白检查日期不能晚于随访日期</source>
        <translation>糖化血红蛋白检查日期不能晚于随访日期</translation>
    </message>
    <message>
        <source>每日次数应在1–24之间</source>
        <translation>每日次数应在1–24之间</translation>
    </message>
    <message>
        <source>每次剂量超出可能范围</source>
        <translation>每次剂量超出可能范围</translation>
    </message>
    <message>
        <source>失访请写明原因</source>
        <translation>失访请写明原因</translation>
    </message>
    <message>
        <source>请填写死亡日期</source>
        <translation>请填写死亡日期</translation>
    </message>
    <message>
        <source>死亡日期应在出生之后、今天之前</source>
        <translation>死亡日期应在出生之后、今天之前</translation>
    </message>
    <message>
        <source>死亡日期不能晚于本次随访日期 {date}（随访时已得知死亡）</source>
        <translation>死亡日期不能晚于本次随访日期 {date}（随访时已得知死亡）</translation>
    </message>
    <message>
        <source>{date} 还有{name}的随访记录（已随访到本人），死亡日期不能早于它：请核对日期</source>
        <translation>{date} 还有{name}的随访记录（已随访到本人），死亡日期不能早于它：请核对日期</translation>
    </message>
    <message>
        <source>请填写死亡原因</source>
        <translation>请填写死亡原因</translation>
    </message>
    <message>
        <source>下次随访日期最晚为本次随访后一年（{d}）</source>
        <translation>下次随访日期最晚为本次随访后一年（{d}）</translation>
    </message>
    <message>
        <source>随访日期不能晚于 {today}：本机日期是 {pc}，而最近一次同步时乡镇卫生院的日期是 {town}，请核对电脑的日期和时间，并与乡镇卫生院同步</source>
        <translation>随访日期不能晚于 {today}：本机日期是 {pc}，而最近一次同步时乡镇卫生院的日期是 {town}，请核对电脑的日期和时间，并与乡镇卫生院同步</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>{program}随访 - {name}</source>
        <translation>{program}随访 - {name}</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>已随访</source>
        <translation>已随访</translation>
    </message>
    <message>
        <source>失访</source>
        <translation>失访</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>失访原因，如 外出务工</source>
        <translation>失访原因，如 外出务工</translation>
    </message>
    <message>
        <source>死亡日期 年-月-日</source>
        <translation>死亡日期 年-月-日</translation>
    </message>
    <message>
        <source>死亡原因</source>
        <translation>死亡原因</translation>
    </message>
    <message>
        <source>次/分钟</source>
        <translation>次/分钟</translation>
    </message>
    <message>
        <source>有药物不良反应</source>
        <translation>有药物不良反应</translation>
    </message>
    <message>
        <source>不良反应难以控制</source>
        <translation>不良反应难以控制</translation>
    </message>
    <message>
        <source>新出现或加重的并发症</source>
        <translation>新出现或加重的并发症</translation>
    </message>
    <message>
        <source>药物名称</source>
        <translation>药物名称</translation>
    </message>
    <message>
        <source>次/日</source>
        <translation>次/日</translation>
    </message>
    <message>
        <source>mg/次</source>
        <translation>mg/次</translation>
    </message>
    <message>
        <source>复制上次用药</source>
        <translation>复制上次用药</translation>
    </message>
    <message>
        <source>添加一种药物</source>
        <translation>添加一种药物</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>上次随访</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>随访方式</source>
        <translation>随访方式</translation>
    </message>
    <message>
        <source>随访结果</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>心率</source>
        <translation>心率</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>空腹血糖</source>
        <translation>空腹血糖</translation>
    </message>
    <message>
        <source>服药依从性</source>
        <translation>服药依从性</translation>
    </message>
    <message>
        <source>紧急转诊情况</source>
        <translation>紧急转诊情况</translation>
    </message>
    <message>
        <source>用药情况</source>
        <translation>用药情况</translation>
    </message>
    <message>
        <source>此次随访分类</source>
        <translation>此次随访分类</translation>
    </message>
    <message>
        <source>下次随访日期</source>
        <translation>下次随访日期</translation>
    </message>
    <message>
        <source>随访医生</source>
        <translation>随访医生</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>保存并开转诊单</source>
        <translation>保存并开转诊单</translation>
    </message>
    <message>
        <source>目标体重</source>
        <translation>目标体重</translation>
    </message>
    <message>
        <source>身高（算体质指数）</source>
        <translation>身高（算体质指数）</translation>
    </message>
    <message>
        <source>日吸烟量（支）</source>
        <translation>日吸烟量（支）</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>日饮酒量（两）</source>
        <translation>日饮酒量（两）</translation>
    </message>
    <message>
        <source>运动（次/周）</source>
        <translation>运动（次/周）</translation>
    </message>
    <message>
        <source>运动（分钟/次）</source>
        <translation>运动（分钟/次）</translation>
    </message>
    <message>
        <source>主食（克/天）</source>
        <translation>主食（克/天）</translation>
    </message>
    <message>
        <source>摄盐情况</source>
        <translation>摄盐情况</translation>
    </message>
    <message>
        <source>心理调整</source>
        <translation>心理调整</translation>
    </message>
    <message>
        <source>遵医行为</source>
        <translation>遵医行为</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>种类</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>用法和用量</source>
        <translation>用法和用量</translation>
    </message>
    <message>
        <source>足背动脉搏动</source>
        <translation>足背动脉搏动</translation>
    </message>
    <message>
        <source>糖化血红蛋白（%）</source>
        <translation>糖化血红蛋白（%）</translation>
    </message>
    <message>
        <source>低血糖反应</source>
        <translation>低血糖反应</translation>
    </message>
    <message>
        <source>胰岛素</source>
        <translation>胰岛素</translation>
    </message>
    <message>
        <source>用药调整意见</source>
        <translation>用药调整意见</translation>
    </message>
    <message>
        <source>下一步管理措施</source>
        <translation>下一步管理措施</translation>
    </message>
    <message>
        <source>转诊联系人及电话</source>
        <translation>转诊联系人及电话</translation>
    </message>
    <message>
        <source>转诊结果</source>
        <translation>转诊结果</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>辅助检查</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <source>不良反应说明</source>
        <translation>不良反应说明</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <source>转诊机构及科别</source>
        <translation>转诊机构及科别</translation>
    </message>
    <message>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{problem}，改正后分类</source>
        <translation>{problem}，改正后分类</translation>
    </message>
    <message>
        <source>测得血压后分类</source>
        <translation>测得血压后分类</translation>
    </message>
    <message>
        <source>测得空腹血糖后分类</source>
        <translation>测得空腹血糖后分类</translation>
    </message>
    <message>
        <source>建议：{cls}，下次随访 {date}</source>
        <translation>建议：{cls}，下次随访 {date}</translation>
    </message>
    <message>
        <source>；建议转诊</source>
        <translation>；建议转诊</translation>
    </message>
    <message>
        <source>紧急转诊：{reasons}</source>
        <translation>紧急转诊：{reasons}</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>紧急转诊</translation>
    </message>
    <message>
        <source>此次随访需要紧急转诊：{reasons}。是否开具转诊单？</source>
        <translation>此次随访需要紧急转诊：{reasons}。是否开具转诊单？</translation>
    </message>
    <message>
        <source>请核实</source>
        <translation>请核实</translation>
    </message>
    <message>
        <source>确认保存吗？</source>
        <translation>确认保存吗？</translation>
    </message>
    <message>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation>有 {n} 处需要改正，已保留您填写的内容</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>逾期未随访</source>
        <translation>逾期未随访</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>7天内到期</source>
        <translation>7天内到期</translation>
    </message>
    <message>
        <source>今年未随访</source>
        <translation>今年未随访</translation>
    </message>
    <message>
        <source>全部在管患者</source>
        <translation>全部在管患者</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>全部村民小组</source>
        <translation>全部村民小组</translation>
    </message>
    <message>
        <source>全部责任医生</source>
        <translation>全部责任医生</translation>
    </message>
    <message>
        <source>在当前列表中查找：姓名、拼音首字母、档案编号、电话</source>
        <translation>在当前列表中查找：姓名、拼音首字母、档案编号、电话</translation>
    </message>
    <message>
        <source>录入随访 (Enter)</source>
        <translation>录入随访 (Enter)</translation>
    </message>
    <message>
        <source>共 {n} 人（{rows} 项随访）</source>
        <translation>共 {n} 人（{rows} 项随访）</translation>
    </message>
    <message>
        <source>此患者不在当前筛选中 — 显示全部在管患者</source>
        <translation>此患者不在当前筛选中 — 显示全部在管患者</translation>
    </message>
    <message>
        <source>{all}，找到 {n} 人</source>
        <translation>{all}，找到 {n} 人</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>共 {n} 人</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>放弃填写的内容</source>
        <translation>放弃填写的内容</translation>
    </message>
    <message>
        <source>填写的内容还没有保存。确定放弃吗？</source>
        <translation>填写的内容还没有保存。确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>在“居民档案”中搜索、建档或导入花名册。</source>
        <translation>在“居民档案”中搜索、建档或导入花名册。</translation>
    </message>
    <message>
        <source>未结转诊（紧急在前）</source>
        <translation>未结转诊（紧急在前）</translation>
    </message>
    <message>
        <source>在册居民</source>
        <translation>在册居民</translation>
    </message>
    <message>
        <source>家庭户</source>
        <translation>家庭户</translation>
    </message>
    <message>
        <source>65岁及以上</source>
        <translation>65岁及以上</translation>
    </message>
    <message>
        <source>建档立卡、脱贫及监测人口</source>
        <translation>建档立卡、脱贫及监测人口</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>慢病在管患者</source>
        <translation>慢病在管患者</translation>
    </message>
    <message>
        <source>逾期未随访</source>
        <translation>逾期未随访</translation>
    </message>
    <message>
        <source>7天内到期随访</source>
        <translation>7天内到期随访</translation>
    </message>
    <message>
        <source>今年未随访</source>
        <translation>今年未随访</translation>
    </message>
    <message>
        <source>专项随访逾期</source>
        <translation>专项随访逾期</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>登记贫困户</source>
        <translation>登记贫困户</translation>
    </message>
    <message>
        <source>任一家庭成员的姓名或档案编号</source>
        <translation>任一家庭成员的姓名或档案编号</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <translation>因病致贫</translation>
    </message>
    <message>
        <source>因病返贫</source>
        <translation>因病返贫</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>贫困户类型</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>Indicator</name>
    <message>
        <source>老年人健康管理率</source>
        <translation>老年人健康管理率</translation>
    </message>
    <message>
        <source>{day} 已体检</source>
        <translation>{day} 已体检</translation>
    </message>
    <message>
        <source>已登记，不同意参加管理：在册患者，未纳入管理</source>
        <translation>已登记，不同意参加管理：在册患者，未纳入管理</translation>
    </message>
    <message>
        <source>严重精神障碍患者规范管理率</source>
        <translation>严重精神障碍患者规范管理率</translation>
    </message>
    <message>
        <source>本期随访 {n} 次，应至少 {need} 次</source>
        <translation>本期随访 {n} 次，应至少 {need} 次</translation>
    </message>
    <message>
        <source>随访 {n} 次，应至少 {need} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）</source>
        <translation>随访 {n} 次，应至少 {need} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）</translation>
    </message>
    <message>
        <source>管理人群病情稳定率</source>
        <translation>管理人群病情稳定率</translation>
    </message>
    <message>
        <source>本期无随访</source>
        <translation>本期无随访</translation>
    </message>
    <message>
        <source>{day} 末次随访：稳定</source>
        <translation>{day} 末次随访：稳定</translation>
    </message>
    <message>
        <source>{day} 末次随访：未稳定</source>
        <translation>{day} 末次随访：未稳定</translation>
    </message>
    <message>
        <source>健康档案建档率</source>
        <translation>健康档案建档率</translation>
    </message>
    <message>
        <source>{date} 建档，期末在册</source>
        <translation>{date} 建档，期末在册</translation>
    </message>
    <message>
        <source>电子健康档案建档率</source>
        <translation>电子健康档案建档率</translation>
    </message>
    <message>
        <source>电子档案缺{field}</source>
        <translation>电子档案缺{field}</translation>
    </message>
    <message>
        <source>电子档案缺{first}和{second}</source>
        <translation>电子档案缺{first}和{second}</translation>
    </message>
    <message>
        <source>{date} 建电子档案，身份证号和现住址齐全</source>
        <translation>{date} 建电子档案，身份证号和现住址齐全</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>健康体检</source>
        <translation>健康体检</translation>
    </message>
    <message>
        <source>严重精神障碍随访</source>
        <translation>严重精神障碍随访</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>健康档案使用率</source>
        <translation>健康档案使用率</translation>
    </message>
    <message>
        <source>本期没有服务记录</source>
        <translation>本期没有服务记录</translation>
    </message>
    <message>
        <source>{date} 有{what}记录</source>
        <translation>{date} 有{what}记录</translation>
    </message>
    <message>
        <source>本年面对面随访 {done} 次，要求 {required} 次</source>
        <translation>本年面对面随访 {done} 次，要求 {required} 次</translation>
    </message>
    <message>
        <source>本期面对面随访 {done} 次，要求 {required} 次</source>
        <translation>本期面对面随访 {done} 次，要求 {required} 次</translation>
    </message>
    <message>
        <source>面对面随访 {done} 次，要求 {required} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）</source>
        <translation>面对面随访 {done} 次，要求 {required} 次（{start} 至 {end} 在管 {quarters} 个季度，按季度折算）</translation>
    </message>
    <message>
        <source>本期没有测量血压的随访</source>
        <translation>本期没有测量血压的随访</translation>
    </message>
    <message>
        <source>本期没有测量空腹血糖的随访</source>
        <translation>本期没有测量空腹血糖的随访</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，达标（&lt; {limit}）</source>
        <translation>最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，达标（&lt; {limit}）</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，未达标（目标 &lt; {limit}）</source>
        <translation>最近一次随访 {date} 血压 {sbp}/{dbp} mmHg，未达标（目标 &lt; {limit}）</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 空腹血糖 {glucose} mmol/L，达标（&lt; {limit}）</source>
        <translation>最近一次随访 {date} 空腹血糖 {glucose} mmol/L，达标（&lt; {limit}）</translation>
    </message>
    <message>
        <source>最近一次随访 {date} 空腹血糖 {glucose} mmol/L，未达标（目标 &lt; {limit}）</source>
        <translation>最近一次随访 {date} 空腹血糖 {glucose} mmol/L，未达标（目标 &lt; {limit}）</translation>
    </message>
    <message>
        <source>高血压患者规范管理率</source>
        <translation>高血压患者规范管理率</translation>
    </message>
    <message>
        <source>管理人群血压控制率</source>
        <translation>管理人群血压控制率</translation>
    </message>
    <message>
        <source>2型糖尿病患者规范管理率</source>
        <translation>2型糖尿病患者规范管理率</translation>
    </message>
    <message>
        <source>管理人群血糖控制率</source>
        <translation>管理人群血糖控制率</translation>
    </message>
    <message>
        <source>没有名为“{key}”的指标；可用的有：{keys}</source>
        <translation>没有名为“{key}”的指标；可用的有：{keys}</translation>
    </message>
    <message>
        <source>累计要与季度一起给出（从1月1日累计到该季度末）</source>
        <translation>累计要与季度一起给出（从1月1日累计到该季度末）</translation>
    </message>
    <message>
        <source>季度应是 1、2、3 或 4</source>
        <translation>季度应是 1、2、3 或 4</translation>
    </message>
    <message>
        <source>没有乡镇代码为 {code} 的乡镇，或无权查看它的报表</source>
        <translation>没有乡镇代码为 {code} 的乡镇，或无权查看它的报表</translation>
    </message>
    <message>
        <source>没有村代码为 {code} 的村，或无权查看它的报表</source>
        <translation>没有村代码为 {code} 的村，或无权查看它的报表</translation>
    </message>
    <message>
        <source>统计期从 {start} 开始，还没有到（今天是 {today}），没有可统计的数据</source>
        <translation>统计期从 {start} 开始，还没有到（今天是 {today}），没有可统计的数据</translation>
    </message>
    <message>
        <source>名单应是 numerator（分子）或 denominator（分母）</source>
        <translation>名单应是 numerator（分子）或 denominator（分母）</translation>
    </message>
    <message>
        <source>“{name}”只统计严重精神障碍患者，您无权查看这类患者</source>
        <translation>“{name}”只统计严重精神障碍患者，您无权查看这类患者</translation>
    </message>
    <message>
        <source>“{name}”的分母是{figure}，不是名单</source>
        <translation>“{name}”的分母是{figure}，不是名单</translation>
    </message>
    <message>
        <source>{groups}：已签约，有效至 {end}</source>
        <translation>{groups}：已签约，有效至 {end}</translation>
    </message>
    <message>
        <source>已签约，有效至 {end}</source>
        <translation>已签约，有效至 {end}</translation>
    </message>
    <message>
        <source>{groups}：{day} 的签约（续约）还待居民签字，未计为已签约</source>
        <translation>{groups}：{day} 的签约（续约）还待居民签字，未计为已签约</translation>
    </message>
    <message>
        <source>{day} 的签约（续约）还待居民签字，未计为已签约</source>
        <translation>{day} 的签约（续约）还待居民签字，未计为已签约</translation>
    </message>
    <message>
        <source>{groups}：{day} 没有有效的签约</source>
        <translation>{groups}：{day} 没有有效的签约</translation>
    </message>
    <message>
        <source>{day} 没有有效的签约</source>
        <translation>{day} 没有有效的签约</translation>
    </message>
    <message>
        <source>家庭医生签约率</source>
        <translation>家庭医生签约率</translation>
    </message>
    <message>
        <source>家庭医生续约率</source>
        <translation>家庭医生续约率</translation>
    </message>
    <message>
        <source>{end} 期满，未续约</source>
        <translation>{end} 期满，未续约</translation>
    </message>
    <message>
        <source>{end} 期满，已续约，续约还待居民签字</source>
        <translation>{end} 期满，已续约，续约还待居民签字</translation>
    </message>
    <message>
        <source>{end} 期满，已续约（{start} 起）</source>
        <translation>{end} 期满，已续约（{start} 起）</translation>
    </message>
    <message>
        <source>重点人群家庭医生签约率</source>
        <translation>重点人群家庭医生签约率</translation>
    </message>
    <message>
        <source>65岁及以上老年人家庭医生签约率</source>
        <translation>65岁及以上老年人家庭医生签约率</translation>
    </message>
    <message>
        <source>高血压患者家庭医生签约率</source>
        <translation>高血压患者家庭医生签约率</translation>
    </message>
    <message>
        <source>2型糖尿病患者家庭医生签约率</source>
        <translation>2型糖尿病患者家庭医生签约率</translation>
    </message>
    <message>
        <source>严重精神障碍患者家庭医生签约率</source>
        <translation>严重精神障碍患者家庭医生签约率</translation>
    </message>
    <message>
        <source>0～6岁儿童家庭医生签约率</source>
        <translation>0～6岁儿童家庭医生签约率</translation>
    </message>
    <message>
        <source>残疾人家庭医生签约率</source>
        <translation>残疾人家庭医生签约率</translation>
    </message>
    <message>
        <source>贫困人口家庭医生签约率</source>
        <translation>贫困人口家庭医生签约率</translation>
    </message>
    <message>
        <source>贫困慢病患者月随访率</source>
        <translation>贫困慢病患者月随访率</translation>
    </message>
    <message>
        <source>{done}个月每月都有随访</source>
        <translation>{done}个月每月都有随访</translation>
    </message>
    <message>
        <source>{done}/{months}个月有随访，缺{missing}</source>
        <translation>{done}/{months}个月有随访，缺{missing}</translation>
    </message>
    <message>
        <source>{date} {place}：{topic}（{form}）</source>
        <translation>{date} {place}：{topic}（{form}）</translation>
    </message>
    <message>
        <source>健康知识讲座次数</source>
        <translation>健康知识讲座次数</translation>
    </message>
    <message>
        <source>公众健康咨询活动次数</source>
        <translation>公众健康咨询活动次数</translation>
    </message>
    <message>
        <source>宣传栏更换次数</source>
        <translation>宣传栏更换次数</translation>
    </message>
    <message>
        <source>印刷资料种类数</source>
        <translation>印刷资料种类数</translation>
    </message>
    <message>
        <source>音像资料种类数</source>
        <translation>音像资料种类数</translation>
    </message>
    <message>
        <source>年度最低次数</source>
        <translation>年度最低次数</translation>
    </message>
</context>
<context>
    <name>IndicatorDrilldown</name>
    <message>
        <source>指标名单</source>
        <translation>指标名单</translation>
    </message>
    <message>
        <source>分子（计入的居民）</source>
        <translation>分子（计入的居民）</translation>
    </message>
    <message>
        <source>计入的活动</source>
        <translation>计入的活动</translation>
    </message>
    <message>
        <source>分母（这项指标统计的全部居民）</source>
        <translation>分母（这项指标统计的全部居民）</translation>
    </message>
    <message>
        <source>只看未计入的</source>
        <translation>只看未计入的</translation>
    </message>
    <message>
        <source>这项指标的分母是录入的人口数，不是居民名单：人口数在工作台的“人口数…”中录入</source>
        <translation>这项指标的分母是录入的人口数，不是居民名单：人口数在工作台的“人口数…”中录入</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>计入</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>村或单位</source>
        <translation>村或单位</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>双击一行打开该居民的档案</source>
        <translation>双击一行打开该居民的档案</translation>
    </message>
    <message>
        <source>正在列出居民…</source>
        <translation>正在列出居民…</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>共 {n} 次活动</source>
        <translation>共 {n} 次活动</translation>
    </message>
    <message>
        <source>共 {n} 人，计入 {counted} 人</source>
        <translation>共 {n} 人，计入 {counted} 人</translation>
    </message>
</context>
<context>
    <name>LastSyncLabel</name>
    <message>
        <source>网络同步：未设置</source>
        <translation>网络同步：未设置</translation>
    </message>
    <message>
        <source>上次同步：{when}（本机已被撤销信任）</source>
        <translation>上次同步：{when}（本机已被撤销信任）</translation>
    </message>
    <message>
        <source>上次同步：{when}（最近一次失败）</source>
        <translation>上次同步：{when}（最近一次失败）</translation>
    </message>
    <message>
        <source>上次同步：{when}</source>
        <translation>上次同步：{when}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>村医 CunYi — 登录</source>
        <translation>村医 CunYi — 登录</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>首次使用：请为管理员设置密码（至少6个字符），以后用它登录。</source>
        <translation>首次使用：请为管理员设置密码（至少6个字符），以后用它登录。</translation>
    </message>
    <message>
        <source>请登录。每一次修改都会记录操作人。</source>
        <translation>请登录。每一次修改都会记录操作人。</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>县级</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>村卫生室</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>乡镇卫生院</translation>
    </message>
    <message>
        <source>村医 CunYi — {name}</source>
        <translation>村医 CunYi — {name}</translation>
    </message>
    <message>
        <source>（县级）</source>
        <translation>（县级）</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>居民档案</source>
        <translation>居民档案</translation>
    </message>
    <message>
        <source>随访</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>老年人</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>专项随访</source>
        <translation>专项随访</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>贫困户</translation>
    </message>
    <message>
        <source>健康教育</source>
        <translation>健康教育</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>质量</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>{role}：{name}（{code}）</source>
        <translation>{role}：{name}（{code}）</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>当前用户：{user}</source>
        <translation>当前用户：{user}</translation>
    </message>
</context>
<context>
    <name>NetSync</name>
    <message>
        <source>只有乡镇卫生院或县级的电脑能运行同步服务器</source>
        <translation>只有乡镇卫生院或县级的电脑能运行同步服务器</translation>
    </message>
    <message>
        <source>同步包的发送方或接收方不符</source>
        <translation>同步包的发送方或接收方不符</translation>
    </message>
    <message>
        <source>同步包编号与上传编号不符</source>
        <translation>同步包编号与上传编号不符</translation>
    </message>
    <message>
        <source>端口应是 1024 到 65535 之间的整数，不是“{port}”</source>
        <translation>端口应是 1024 到 65535 之间的整数，不是“{port}”</translation>
    </message>
    <message>
        <source>无法在 {host}:{port} 上开启服务：{reason}</source>
        <translation>无法在 {host}:{port} 上开启服务：{reason}</translation>
    </message>
    <message>
        <source>请填写服务器地址（例如 http://192.168.1.10:8765）</source>
        <translation>请填写服务器地址（例如 http://192.168.1.10:8765）</translation>
    </message>
    <message>
        <source>“{url}”不是有效的服务器地址（例如 http://192.168.1.10:8765）</source>
        <translation>“{url}”不是有效的服务器地址（例如 http://192.168.1.10:8765）</translation>
    </message>
    <message>
        <source>证书指纹应为 64 位十六进制数字</source>
        <translation>证书指纹应为 64 位十六进制数字</translation>
    </message>
    <message>
        <source>https 地址需要乡镇卫生院设备卡上的证书指纹：请先导入载有证书指纹的乡镇卫生院设备卡，或使用 http 地址</source>
        <translation>https 地址需要乡镇卫生院设备卡上的证书指纹：请先导入载有证书指纹的乡镇卫生院设备卡，或使用 http 地址</translation>
    </message>
    <message>
        <source>还没有信任上级（乡镇卫生院或县级）的设备卡：请先核对指纹并导入它</source>
        <translation>还没有信任上级（乡镇卫生院或县级）的设备卡：请先核对指纹并导入它</translation>
    </message>
    <message>
        <source>共用这个数据库的另一台工作站正在同步：这次不再同步，等它完成即可</source>
        <translation>共用这个数据库的另一台工作站正在同步：这次不再同步，等它完成即可</translation>
    </message>
    <message>
        <source>网络同步由下级发起；县级请运行 cunyi serve</source>
        <translation>网络同步由下级发起；县级请运行 cunyi serve</translation>
    </message>
    <message>
        <source>还没有设置乡镇卫生院服务器地址：请在“同步”页填写，或用 --server 指定</source>
        <translation>还没有设置乡镇卫生院服务器地址：请在“同步”页填写，或用 --server 指定</translation>
    </message>
    <message>
        <source>本机已有一次同步正在进行（程序窗口的自动同步，或计划任务）：这次不再同步，等它完成即可</source>
        <translation>本机已有一次同步正在进行（程序窗口的自动同步，或计划任务）：这次不再同步，等它完成即可</translation>
    </message>
    <message>
        <source>磁盘空间已满，同步未完成：请腾出磁盘空间（删除不用的文件）后再同步，已保存的数据没有丢失</source>
        <translation>磁盘空间已满，同步未完成：请腾出磁盘空间（删除不用的文件）后再同步，已保存的数据没有丢失</translation>
    </message>
    <message>
        <source>本机拒收了上级发来的同步包（{file}）：{reason}。本机未导入它，以后的同步包也会因此收不到，请联系上级核对</source>
        <translation>本机拒收了上级发来的同步包（{file}）：{reason}。本机未导入它，以后的同步包也会因此收不到，请联系上级核对</translation>
    </message>
    <message>
        <source>同步时出错（详见日志），稍后会自动重试</source>
        <translation>同步时出错（详见日志），稍后会自动重试</translation>
    </message>
    <message>
        <source>服务器证书与乡镇卫生院设备卡上的指纹不符：可能连到了假冒的服务器，已停止同步</source>
        <translation>服务器证书与乡镇卫生院设备卡上的指纹不符：可能连到了假冒的服务器，已停止同步</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器响应超时，稍后会自动重试</source>
        <translation>乡镇卫生院服务器响应超时，稍后会自动重试</translation>
    </message>
    <message>
        <source>连不上乡镇卫生院服务器 {url}：网络不通，或服务器没有开</source>
        <translation>连不上乡镇卫生院服务器 {url}：网络不通，或服务器没有开</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器不认识本机：请乡镇卫生院核对指纹后导入本机的设备卡</source>
        <translation>乡镇卫生院服务器不认识本机：请乡镇卫生院核对指纹后导入本机的设备卡</translation>
    </message>
    <message>
        <source>乡镇卫生院已撤销对本机的信任，不能再同步</source>
        <translation>乡镇卫生院已撤销对本机的信任，不能再同步</translation>
    </message>
    <message>
        <source>乡镇卫生院拒收了本机的同步包。乡镇卫生院的说明：{reason}</source>
        <translation>乡镇卫生院拒收了本机的同步包。乡镇卫生院的说明：{reason}</translation>
    </message>
    <message>
        <source>{url} 不是乡镇卫生院的同步服务器（没有按村医的方式应答）：请在设置中核对服务器地址</source>
        <translation>{url} 不是乡镇卫生院的同步服务器（没有按村医的方式应答）：请在设置中核对服务器地址</translation>
    </message>
    <message>
        <source>这个同步包上次的上传连接还没有断开，服务器暂时不能接着收：稍后会自动重试</source>
        <translation>这个同步包上次的上传连接还没有断开，服务器暂时不能接着收：稍后会自动重试</translation>
    </message>
    <message>
        <source>服务器发来的同步包与它列出的大小不符，已停止下载并丢弃</source>
        <translation>服务器发来的同步包与它列出的大小不符，已停止下载并丢弃</translation>
    </message>
    <message>
        <source>服务器的应答没有乡镇卫生院的签名：可能连到了假冒的服务器（或服务器的版本太旧），已停止同步</source>
        <translation>服务器的应答没有乡镇卫生院的签名：可能连到了假冒的服务器（或服务器的版本太旧），已停止同步</translation>
    </message>
    <message>
        <source>服务器把这次请求当作重放而拒绝了：稍后会自动重试</source>
        <translation>服务器把这次请求当作重放而拒绝了：稍后会自动重试</translation>
    </message>
    <message>
        <source>服务器认为本机请求的签名不符：请核对本机的设备卡</source>
        <translation>服务器认为本机请求的签名不符：请核对本机的设备卡</translation>
    </message>
    <message>
        <source>同步包超过服务器允许的大小，服务器拒收</source>
        <translation>同步包超过服务器允许的大小，服务器拒收</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器磁盘空间不足，稍后再试</source>
        <translation>乡镇卫生院服务器磁盘空间不足，稍后再试</translation>
    </message>
    <message>
        <source>乡镇卫生院的数据库正忙，这次没有同步：稍后会自动重试</source>
        <translation>乡镇卫生院的数据库正忙，这次没有同步：稍后会自动重试</translation>
    </message>
    <message>
        <source>乡镇卫生院的数据库已迁到数据库服务器，同步服务需要在那边重新启动：稍后会自动重试</source>
        <translation>乡镇卫生院的数据库已迁到数据库服务器，同步服务需要在那边重新启动：稍后会自动重试</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器暂时出错（{status}），稍后会自动重试</source>
        <translation>乡镇卫生院服务器暂时出错（{status}），稍后会自动重试</translation>
    </message>
    <message>
        <source>乡镇卫生院服务器拒绝了请求（{status}）：{reason}</source>
        <translation>乡镇卫生院服务器拒绝了请求（{status}）：{reason}</translation>
    </message>
    <message>
        <source>服务器 {url} 列出的同步包有 {size} MB，超过同步包的上限 {limit} MB，没有下载：乡镇卫生院不会发出这样的同步包，请核对服务器地址</source>
        <translation>服务器 {url} 列出的同步包有 {size} MB，超过同步包的上限 {limit} MB，没有下载：乡镇卫生院不会发出这样的同步包，请核对服务器地址</translation>
    </message>
    <message>
        <source>下载中断（已收到 {got} / {size} 字节），下次从断点继续</source>
        <translation>下载中断（已收到 {got} / {size} 字节），下次从断点继续</translation>
    </message>
    <message>
        <source>下载的同步包校验不符，已丢弃，下次重新下载</source>
        <translation>下载的同步包校验不符，已丢弃，下次重新下载</translation>
    </message>
    <message>
        <source>本机磁盘空间不足：下载同步包需要 {need} MB，磁盘只剩 {free} MB（还要留 {reserve} MB 给导入和录入）。请清理磁盘后再同步</source>
        <translation>本机磁盘空间不足：下载同步包需要 {need} MB，磁盘只剩 {free} MB（还要留 {reserve} MB 给导入和录入）。请清理磁盘后再同步</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器快约 {gap} 天：请校准本机的日期和时间后再同步</source>
        <translation>本机时钟比乡镇卫生院服务器快约 {gap} 天：请校准本机的日期和时间后再同步</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器慢约 {gap} 天：请校准本机的日期和时间后再同步</source>
        <translation>本机时钟比乡镇卫生院服务器慢约 {gap} 天：请校准本机的日期和时间后再同步</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器快约 {gap} 分钟：请校准本机的日期和时间后再同步</source>
        <translation>本机时钟比乡镇卫生院服务器快约 {gap} 分钟：请校准本机的日期和时间后再同步</translation>
    </message>
    <message>
        <source>本机时钟比乡镇卫生院服务器慢约 {gap} 分钟：请校准本机的日期和时间后再同步</source>
        <translation>本机时钟比乡镇卫生院服务器慢约 {gap} 分钟：请校准本机的日期和时间后再同步</translation>
    </message>
</context>
<context>
    <name>NetworkSync</name>
    <message>
        <source>从未</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>乡镇卫生院</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>已保存。本机能连上{upper}时会自动同步。</source>
        <translation>已保存。本机能连上{upper}时会自动同步。</translation>
    </message>
    <message>
        <source>{upper}已撤销对本机的信任，不再接收本机的同步包。要恢复同步：点上方“导出本机设备卡…”，把设备卡交给{upper}，电话核对指纹后请{upper}重新信任本机，然后点“立即同步”。</source>
        <translation>{upper}已撤销对本机的信任，不再接收本机的同步包。要恢复同步：点上方“导出本机设备卡…”，把设备卡交给{upper}，电话核对指纹后请{upper}重新信任本机，然后点“立即同步”。</translation>
    </message>
</context>
<context>
    <name>NetworkSyncBox</name>
    <message>
        <source>网络同步（{upper}服务器）</source>
        <translation>网络同步（{upper}服务器）</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8765</source>
        <translation>例如 http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>保存地址</source>
        <translation>保存地址</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>服务器地址：</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>上传</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>下载</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>变更（发/收）</source>
        <translation>变更（发/收）</translation>
    </message>
    <message>
        <source>流量</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>尚未设置服务器地址：填写后保存，本机会在能连上{upper}时自动同步。</source>
        <translation>尚未设置服务器地址：填写后保存，本机会在能连上{upper}时自动同步。</translation>
    </message>
    <message>
        <source>上次成功：{ok}　待上传同步包：{files} 个　{upper}未确认：{changes} 条变更</source>
        <translation>上次成功：{ok}　待上传同步包：{files} 个　{upper}未确认：{changes} 条变更</translation>
    </message>
    <message>
        <source>上次成功：{ok}　下次尝试：{next}　待上传同步包：{files} 个　{upper}未确认：{changes} 条变更</source>
        <translation>上次成功：{ok}　下次尝试：{next}　待上传同步包：{files} 个　{upper}未确认：{changes} 条变更</translation>
    </message>
    <message>
        <source>随时</source>
        <translation>随时</translation>
    </message>
    <message>
        <source>上次失败（连续 {n} 次）：{error}</source>
        <translation>上次失败（连续 {n} 次）：{error}</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>网络同步</source>
        <translation>网络同步</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>操作没有完成，未保存任何内容。详细信息已写入日志：{error}</source>
        <translation>操作没有完成，未保存任何内容。详细信息已写入日志：{error}</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>权限</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>精神卫生：可以查看和管理严重精神障碍患者的档案和随访（只授予负责精神卫生的公卫人员）</source>
        <translation>精神卫生：可以查看和管理严重精神障碍患者的档案和随访（只授予负责精神卫生的公卫人员）</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>一患一策</source>
        <translation>一患一策</translation>
    </message>
    <message>
        <source>姓名、17位档案编号或后8位</source>
        <translation>姓名、17位档案编号或后8位</translation>
    </message>
    <message>
        <source>留空：在管的慢病</source>
        <translation>留空：在管的慢病</translation>
    </message>
    <message>
        <source>今年已做，日期</source>
        <translation>今年已做，日期</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>疾病</source>
        <translation>疾病</translation>
    </message>
    <message>
        <source>救治方式</source>
        <translation>救治方式</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>免费健康体检</source>
        <translation>免费健康体检</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>Population</name>
    <message>
        <source>常住人口</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>65岁及以上常住人口</source>
        <translation>65岁及以上常住人口</translation>
    </message>
    <message>
        <source>年份应在 {low} 到 {high} 之间</source>
        <translation>年份应在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{what}应是 0 到 {high} 之间的整数</source>
        <translation>{what}应是 0 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>人口数由乡镇卫生院录入，同步到各村</source>
        <translation>人口数由乡镇卫生院录入，同步到各村</translation>
    </message>
    <message>
        <source>{year}年还没有到，人口数最多录入到明年</source>
        <translation>{year}年还没有到，人口数最多录入到明年</translation>
    </message>
    <message>
        <source>65岁及以上人口不能多于常住人口</source>
        <translation>65岁及以上人口不能多于常住人口</translation>
    </message>
    <message>
        <source>本乡镇没有村代码为 {code} 的村</source>
        <translation>本乡镇没有村代码为 {code} 的村</translation>
    </message>
    <message>
        <source>{village}{year}年的{what}填了 {given} 人，少于该村已建档的 {records} 人：这样比率会超过100%，请核对</source>
        <translation>{village}{year}年的{what}填了 {given} 人，少于该村已建档的 {records} 人：这样比率会超过100%，请核对</translation>
    </message>
    <message>
        <source>{village}的{what}应是整数，不能是“{text}”</source>
        <translation>{village}的{what}应是整数，不能是“{text}”</translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message>
        <source>{year} 年人口数</source>
        <translation>{year} 年人口数</translation>
    </message>
    <message>
        <source>{year} 年各村常住人口和65岁及以上常住人口，用作{year} 年{names}的分母；保存后随同步发到各村。</source>
        <translation>{year} 年各村常住人口和65岁及以上常住人口，用作{year} 年{names}的分母；保存后随同步发到各村。</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>65岁及以上</source>
        <translation>65岁及以上</translation>
    </message>
</context>
<context>
    <name>Poverty</name>
    <message>
        <source>{label}“{value}”不存在，可选：{choices}</source>
        <translation>{label}“{value}”不存在，可选：{choices}</translation>
    </message>
    <message>
        <source>登记日期不能晚于今天</source>
        <translation>登记日期不能晚于今天</translation>
    </message>
    <message>
        <source>非贫困户不填致贫原因</source>
        <translation>非贫困户不填致贫原因</translation>
    </message>
    <message>
        <source>这一户没有登记为贫困户</source>
        <translation>这一户没有登记为贫困户</translation>
    </message>
    <message>
        <source>请填写致贫原因</source>
        <translation>请填写致贫原因</translation>
    </message>
    <message>
        <source>因病致贫、因病返贫只用于致贫原因为“因病”的户</source>
        <translation>因病致贫、因病返贫只用于致贫原因为“因病”的户</translation>
    </message>
    <message>
        <source>因病致贫和因病返贫只能选一个</source>
        <translation>因病致贫和因病返贫只能选一个</translation>
    </message>
    <message>
        <source>登记日期不能早于{year}年（建档立卡始于{year}年）</source>
        <translation>登记日期不能早于{year}年（建档立卡始于{year}年）</translation>
    </message>
    <message>
        <source>{name}不在册（{status}），不能制定一患一策</source>
        <translation>{name}不在册（{status}），不能制定一患一策</translation>
    </message>
    <message>
        <source>{name}不属于登记的贫困户：请先登记户的贫困状态</source>
        <translation>{name}不属于登记的贫困户：请先登记户的贫困状态</translation>
    </message>
    <message>
        <source>请填写帮扶措施</source>
        <translation>请填写帮扶措施</translation>
    </message>
    <message>
        <source>请填写复核日期</source>
        <translation>请填写复核日期</translation>
    </message>
    <message>
        <source>复核日期不能早于今天</source>
        <translation>复核日期不能早于今天</translation>
    </message>
    <message>
        <source>复核日期最晚为一年后（{d}）</source>
        <translation>复核日期最晚为一年后（{d}）</translation>
    </message>
    <message>
        <source>体检日期不能晚于今天</source>
        <translation>体检日期不能晚于今天</translation>
    </message>
    <message>
        <source>免费健康体检日期应为今年（{year}年）的日期</source>
        <translation>免费健康体检日期应为今年（{year}年）的日期</translation>
    </message>
    <message>
        <source>体检日期不能早于出生日期</source>
        <translation>体检日期不能早于出生日期</translation>
    </message>
    <message>
        <source>请填写疾病</source>
        <translation>请填写疾病</translation>
    </message>
    <message>
        <source>这一户不是建档立卡贫困户</source>
        <translation>这一户不是建档立卡贫困户</translation>
    </message>
</context>
<context>
    <name>PovertyPage</name>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>登记贫困户…</source>
        <translation>登记贫困户…</translation>
    </message>
    <message>
        <source>一患一策…</source>
        <translation>一患一策…</translation>
    </message>
    <message>
        <source>免费健康体检…</source>
        <translation>免费健康体检…</translation>
    </message>
    <message>
        <source>为所选居民录入今年的免费健康体检（健康体检表）</source>
        <translation>为所选居民录入今年的免费健康体检（健康体检表）</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>打印一户一档…</source>
        <translation>打印一户一档…</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>贫困户类型</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>慢病本月随访</source>
        <translation>慢病本月随访</translation>
    </message>
    <message>
        <source>管理项目</source>
        <translation>管理项目</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>上次随访</translation>
    </message>
    <message>
        <source>病种</source>
        <translation>病种</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>已签约/在册</source>
        <translation>已签约/在册</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>贫困户</translation>
    </message>
    <message>
        <source>未全户签约</source>
        <translation>未全户签约</translation>
    </message>
    <message>
        <source>本月未随访</source>
        <translation>本月未随访</translation>
    </message>
    <message>
        <source>一患一策待复核</source>
        <translation>一患一策待复核</translation>
    </message>
    <message>
        <source>未制定一患一策</source>
        <translation>未制定一患一策</translation>
    </message>
    <message>
        <source>今年未体检</source>
        <translation>今年未体检</translation>
    </message>
    <message>
        <source>{n} 户</source>
        <translation>{n} 户</translation>
    </message>
    <message>
        <source>{n} 份</source>
        <translation>{n} 份</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n} 人</translation>
    </message>
    <message>
        <source>免费健康体检</source>
        <translation>免费健康体检</translation>
    </message>
    <message>
        <source>请先在名单中选择一位居民</source>
        <translation>请先在名单中选择一位居民</translation>
    </message>
    <message>
        <source>打印一户一档</source>
        <translation>打印一户一档</translation>
    </message>
    <message>
        <source>请先选择一户或一位患者</source>
        <translation>请先选择一户或一位患者</translation>
    </message>
    <message>
        <source>一户一档、一患一策</source>
        <translation>一户一档、一患一策</translation>
    </message>
    <message>
        <source>导出贫困户</source>
        <translation>导出贫困户</translation>
    </message>
    <message>
        <source>已导出 {n} 户</source>
        <translation>已导出 {n} 户</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>随访方式</source>
        <translation>随访方式</translation>
    </message>
    <message>
        <source>症状</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>其他：</source>
        <translation>其他：</translation>
    </message>
    <message>
        <source>失访原因：</source>
        <translation>失访原因：</translation>
    </message>
    <message>
        <source>死亡日期：</source>
        <translation>死亡日期：</translation>
    </message>
    <message>
        <source>死亡原因：</source>
        <translation>死亡原因：</translation>
    </message>
    <message>
        <source>体征</source>
        <translation>体征</translation>
    </message>
    <message>
        <source>血压（mmHg）</source>
        <translation>血压（mmHg）</translation>
    </message>
    <message>
        <source>体重（kg）</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <source>体质指数（kg/m²）</source>
        <translation>体质指数（kg/m²）</translation>
    </message>
    <message>
        <source>心率（次/分钟）</source>
        <translation>心率（次/分钟）</translation>
    </message>
    <message>
        <source>足背动脉搏动</source>
        <translation>足背动脉搏动</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>生活方式指导</source>
        <translation>生活方式指导</translation>
    </message>
    <message>
        <source>日吸烟量（支）</source>
        <translation>日吸烟量（支）</translation>
    </message>
    <message>
        <source>日饮酒量（两）</source>
        <translation>日饮酒量（两）</translation>
    </message>
    <message>
        <source>运动</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>摄盐情况（咸淡）</source>
        <translation>摄盐情况（咸淡）</translation>
    </message>
    <message>
        <source>主食（克/天）</source>
        <translation>主食（克/天）</translation>
    </message>
    <message>
        <source>心理调整</source>
        <translation>心理调整</translation>
    </message>
    <message>
        <source>遵医行为</source>
        <translation>遵医行为</translation>
    </message>
    <message>
        <source>辅助检查*</source>
        <translation>辅助检查*</translation>
    </message>
    <message>
        <source>辅助检查</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <source>空腹血糖值</source>
        <translation>空腹血糖值</translation>
    </message>
    <message>
        <source>其他检查*</source>
        <translation>其他检查*</translation>
    </message>
    <message>
        <source>服药依从性</source>
        <translation>服药依从性</translation>
    </message>
    <message>
        <source>药物不良反应</source>
        <translation>药物不良反应</translation>
    </message>
    <message>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <source>低血糖反应</source>
        <translation>低血糖反应</translation>
    </message>
    <message>
        <source>此次随访分类</source>
        <translation>此次随访分类</translation>
    </message>
    <message>
        <source>用药情况</source>
        <translation>用药情况</translation>
    </message>
    <message>
        <source>次/周</source>
        <translation>次/周</translation>
    </message>
    <message>
        <source>分钟/次</source>
        <translation>分钟/次</translation>
    </message>
    <message>
        <source>{n}次/周 {m}分钟/次</source>
        <translation>{n}次/周 {m}分钟/次</translation>
    </message>
    <message>
        <source>（目前/目标）</source>
        <translation>（目前/目标）</translation>
    </message>
    <message>
        <source>糖化血红蛋白{value}%</source>
        <translation>糖化血红蛋白{value}%</translation>
    </message>
    <message>
        <source>糖化血红蛋白</source>
        <translation>糖化血红蛋白</translation>
    </message>
    <message>
        <source>检查日期：</source>
        <translation>检查日期：</translation>
    </message>
    <message>
        <source>有</source>
        <translation>有</translation>
    </message>
    <message>
        <source>每日</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>次</source>
        <translation>次</translation>
    </message>
    <message>
        <source>每次</source>
        <translation>每次</translation>
    </message>
    <message>
        <source>每次{n}mg</source>
        <translation>每次{n}mg</translation>
    </message>
    <message>
        <source>药物名称{n}</source>
        <translation>药物名称{n}</translation>
    </message>
    <message>
        <source>用法用量</source>
        <translation>用法用量</translation>
    </message>
    <message>
        <source>胰岛素</source>
        <translation>胰岛素</translation>
    </message>
    <message>
        <source>种类：</source>
        <translation>种类：</translation>
    </message>
    <message>
        <source>用法和用量</source>
        <translation>用法和用量</translation>
    </message>
    <message>
        <source>其他药物</source>
        <translation>其他药物</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>机构及科别</source>
        <translation>机构及科别</translation>
    </message>
    <message>
        <source>下次随访日期</source>
        <translation>下次随访日期</translation>
    </message>
    <message>
        <source>随访医生签名</source>
        <translation>随访医生签名</translation>
    </message>
    <message>
        <source>高血压患者随访服务记录表</source>
        <translation>高血压患者随访服务记录表</translation>
    </message>
    <message>
        <source>2型糖尿病患者随访服务记录表</source>
        <translation>2型糖尿病患者随访服务记录表</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>填表说明：在□中填写选项编号；多选项在对应□中逐一填写。*辅助检查填写检查项目及结果。</source>
        <translation>填表说明：在□中填写选项编号；多选项在对应□中逐一填写。*辅助检查填写检查项目及结果。</translation>
    </message>
    <message>
        <source>每日{n}次</source>
        <translation>每日{n}次</translation>
    </message>
    <message>
        <source>慢病随访卡</source>
        <translation>慢病随访卡</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>管理项目</source>
        <translation>管理项目</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>责任医生</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>血压：剧烈头痛、头晕、胸闷胸痛、心慌、视物模糊、一侧肢体麻木无力或意识改变，请立即就诊。</source>
        <translation>血压：剧烈头痛、头晕、胸闷胸痛、心慌、视物模糊、一侧肢体麻木无力或意识改变，请立即就诊。</translation>
    </message>
    <message>
        <source>低血糖：心慌、出汗、手抖、饥饿感、头晕乏力，立即吃糖或喝糖水；15分钟不缓解或意识不清，速就医。</source>
        <translation>低血糖：心慌、出汗、手抖、饥饿感、头晕乏力，立即吃糖或喝糖水；15分钟不缓解或意识不清，速就医。</translation>
    </message>
    <message>
        <source>高血糖：口渴多饮、多尿、恶心呕吐、腹痛、呼吸深快、呼气有烂苹果味或嗜睡，请立即就诊。</source>
        <translation>高血糖：口渴多饮、多尿、恶心呕吐、腹痛、呼吸深快、呼气有烂苹果味或嗜睡，请立即就诊。</translation>
    </message>
    <message>
        <source>如有胸闷、心慌、视物模糊或意识改变，请立即就诊。</source>
        <translation>如有胸闷、心慌、视物模糊或意识改变，请立即就诊。</translation>
    </message>
    <message>
        <source>新约定的随访日期{date}早于打印日期{today}，请选今天或以后的日期</source>
        <translation>新约定的随访日期{date}早于打印日期{today}，请选今天或以后的日期</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>扫码查档</source>
        <translation>扫码查档</translation>
    </message>
    <message>
        <source>随访提醒</source>
        <translation>随访提醒</translation>
    </message>
    <message>
        <source>逾期 {n} 天，请尽快到卫生室随访</source>
        <translation>逾期 {n} 天，请尽快到卫生室随访</translation>
    </message>
    <message>
        <source>下次随访</source>
        <translation>下次随访</translation>
    </message>
    <message>
        <source>＿＿年＿＿月＿＿日</source>
        <translation>＿＿年＿＿月＿＿日</translation>
    </message>
    <message>
        <source>；{program}随访逾期 {n} 天</source>
        <translation>；{program}随访逾期 {n} 天</translation>
    </message>
    <message>
        <source>近期测量</source>
        <translation>近期测量</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>目前用药</source>
        <translation>目前用药</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>每次就诊请带上此卡。</source>
        <translation>每次就诊请带上此卡。</translation>
    </message>
    <message>
        <source>{program}随访逾期 {n} 天，请尽快到卫生室随访</source>
        <translation>{program}随访逾期 {n} 天，请尽快到卫生室随访</translation>
    </message>
    <message>
        <source>；{program}下次随访 {date}</source>
        <translation>；{program}下次随访 {date}</translation>
    </message>
    <message>
        <source>血压</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>血糖</source>
        <translation>血糖</translation>
    </message>
    <message>
        <source>另有{n}种药未印出，见随访记录</source>
        <translation>另有{n}种药未印出，见随访记录</translation>
    </message>
    <message>
        <source>随访卡</source>
        <translation>随访卡</translation>
    </message>
    <message>
        <source>第{n}张 正面</source>
        <translation>第{n}张 正面</translation>
    </message>
    <message>
        <source>第{n}张 背面（长边翻转双面打印）</source>
        <translation>第{n}张 背面（长边翻转双面打印）</translation>
    </message>
    <message>
        <source>评估事项</source>
        <translation>评估事项</translation>
    </message>
    <message>
        <source>判断评分</source>
        <translation>判断评分</translation>
    </message>
    <message>
        <source>总评分</source>
        <translation>总评分</translation>
    </message>
    <message>
        <source>评估结果</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <source>0–3分 可自理；4–8分 轻度依赖；9–18分 中度依赖；≥19分 不能自理</source>
        <translation>0–3分 可自理；4–8分 轻度依赖；9–18分 中度依赖；≥19分 不能自理</translation>
    </message>
    <message>
        <source>姓名：＿＿＿＿</source>
        <translation>姓名：＿＿＿＿</translation>
    </message>
    <message>
        <source>编号：＿＿＿-＿＿＿＿＿</source>
        <translation>编号：＿＿＿-＿＿＿＿＿</translation>
    </message>
    <message>
        <source>体检日期：＿＿＿＿年＿＿月＿＿日</source>
        <translation>体检日期：＿＿＿＿年＿＿月＿＿日</translation>
    </message>
    <message>
        <source>评估日期：＿＿＿＿年＿＿月＿＿日</source>
        <translation>评估日期：＿＿＿＿年＿＿月＿＿日</translation>
    </message>
    <message>
        <source>姓名：{name}</source>
        <translation>姓名：{name}</translation>
    </message>
    <message>
        <source>编号：{no}</source>
        <translation>编号：{no}</translation>
    </message>
    <message>
        <source>{age}岁</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <source>日期：{date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <source>老年人生活自理能力评估表</source>
        <translation>老年人生活自理能力评估表</translation>
    </message>
    <message>
        <source>生活自理能力评估</source>
        <translation>生活自理能力评估</translation>
    </message>
    <message>
        <source>老年人健康体检表</source>
        <translation>老年人健康体检表</translation>
    </message>
    <message>
        <source>健康体检表</source>
        <translation>健康体检表</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>性别/年龄</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <source>家庭住址</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>上次体检</source>
        <translation>上次体检</translation>
    </message>
    <message>
        <source>已检✓</source>
        <translation>已检✓</translation>
    </message>
    <message>
        <source>从未体检</source>
        <translation>从未体检</translation>
    </message>
    <message>
        <source>今年的老年人健康体检已全部完成</source>
        <translation>今年的老年人健康体检已全部完成</translation>
    </message>
    <message>
        <source>{year}年未体检的65岁及以上老年人  共{n}人</source>
        <translation>{year}年未体检的65岁及以上老年人  共{n}人</translation>
    </message>
    <message>
        <source>打印日期：{date}</source>
        <translation>打印日期：{date}</translation>
    </message>
    <message>
        <source>老年人健康体检工作单</source>
        <translation>老年人健康体检工作单</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>上次随访</translation>
    </message>
    <message>
        <source>上次读数</source>
        <translation>上次读数</translation>
    </message>
    <message>
        <source>应随访日期</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>已访✓</source>
        <translation>已访✓</translation>
    </message>
    <message>
        <source>逾期{n}天</source>
        <translation>逾期{n}天</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>{n}天后到期</source>
        <translation>{n}天后到期</translation>
    </message>
    <message>
        <source>逾期或到期</source>
        <translation>逾期或到期</translation>
    </message>
    <message>
        <source>（同户）</source>
        <translation>（同户）</translation>
    </message>
    <message>
        <source>地址：{address}</source>
        <translation>地址：{address}</translation>
    </message>
    <message>
        <source>联系电话：{phone}</source>
        <translation>联系电话：{phone}</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{village} {group}（{n}人）</source>
        <translation>{village} {group}（{n}人）</translation>
    </message>
    <message>
        <source>未分组</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>血糖{value}</source>
        <translation>血糖{value}</translation>
    </message>
    <message>
        <source>未随访</source>
        <translation>未随访</translation>
    </message>
    <message>
        <source>没有逾期或即将到期的随访对象</source>
        <translation>没有逾期或即将到期的随访对象</translation>
    </message>
    <message>
        <source>（续）</source>
        <translation>（续）</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>入户随访工作单</translation>
    </message>
    <message>
        <source>{place}  逾期及{days}天内到期  共{n}人  打印日期：{date}</source>
        <translation>{place}  逾期及{days}天内到期  共{n}人  打印日期：{date}</translation>
    </message>
    <message>
        <source>第 {n} 页 / 共 {total} 页</source>
        <translation>第 {n} 页 / 共 {total} 页</translation>
    </message>
    <message>
        <source>居民健康档案</source>
        <translation>居民健康档案</translation>
    </message>
    <message>
        <source>姓　　名：</source>
        <translation>姓　　名：</translation>
    </message>
    <message>
        <source>现 住 址：</source>
        <translation>现 住 址：</translation>
    </message>
    <message>
        <source>户籍地址：</source>
        <translation>户籍地址：</translation>
    </message>
    <message>
        <source>联系电话：</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>乡镇（街道）名称：</source>
        <translation>乡镇（街道）名称：</translation>
    </message>
    <message>
        <source>村（居）委会名称：</source>
        <translation>村（居）委会名称：</translation>
    </message>
    <message>
        <source>建档单位：</source>
        <translation>建档单位：</translation>
    </message>
    <message>
        <source>电话：{phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <source>建 档 人：</source>
        <translation>建 档 人：</translation>
    </message>
    <message>
        <source>责任医生：</source>
        <translation>责任医生：</translation>
    </message>
    <message>
        <source>建档日期：</source>
        <translation>建档日期：</translation>
    </message>
    <message>
        <source>找不到转诊单：{ref}</source>
        <translation>找不到转诊单：{ref}</translation>
    </message>
    <message>
        <source>这张转诊单没有转入单位，不能打印；请先补填去向</source>
        <translation>这张转诊单没有转入单位，不能打印；请先补填去向</translation>
    </message>
    <message>
        <source>双向转诊（回转）单</source>
        <translation>双向转诊（回转）单</translation>
    </message>
    <message>
        <source>双向转诊（转出）单</source>
        <translation>双向转诊（转出）单</translation>
    </message>
    <message>
        <source>沿虚线剪开：上联存根留存，下联交患者</source>
        <translation>沿虚线剪开：上联存根留存，下联交患者</translation>
    </message>
    <message>
        <source>患者姓名：</source>
        <translation>患者姓名：</translation>
    </message>
    <message>
        <source>家庭医生签约服务协议书</source>
        <translation>家庭医生签约服务协议书</translation>
    </message>
    <message>
        <source>（续约）</source>
        <translation>（续约）</translation>
    </message>
    <message>
        <source>本协议已于 {day} 解约：{reason}</source>
        <translation>本协议已于 {day} 解约：{reason}</translation>
    </message>
    <message>
        <source>协议编号：</source>
        <translation>协议编号：</translation>
    </message>
    <message>
        <source>甲方（签约居民）</source>
        <translation>甲方（签约居民）</translation>
    </message>
    <message>
        <source>性别：</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>年龄：</source>
        <translation>年龄：</translation>
    </message>
    <message>
        <source>电话：</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>身份证号：</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>健康档案编号：</source>
        <translation>健康档案编号：</translation>
    </message>
    <message>
        <source>乙方（家庭医生团队）</source>
        <translation>乙方（家庭医生团队）</translation>
    </message>
    <message>
        <source>签约机构：</source>
        <translation>签约机构：</translation>
    </message>
    <message>
        <source>团队名称：</source>
        <translation>团队名称：</translation>
    </message>
    <message>
        <source>签约医生：</source>
        <translation>签约医生：</translation>
    </message>
    <message>
        <source>一、服务期限</source>
        <translation>一、服务期限</translation>
    </message>
    <message>
        <source>自 {start} 起至 {end} 止，共 {years} 年。期满前一个月内可申请续约。</source>
        <translation>自 {start} 起至 {end} 止，共 {years} 年。期满前一个月内可申请续约。</translation>
    </message>
    <message>
        <source>二、服务包（在所选项目前打 √）</source>
        <translation>二、服务包（在所选项目前打 √）</translation>
    </message>
    <message>
        <source>注：标“—”的服务包，打印人无权查看，未打印是否选择；以签约原件为准。</source>
        <translation>注：标“—”的服务包，打印人无权查看，未打印是否选择；以签约原件为准。</translation>
    </message>
    <message>
        <source>三、双方责任</source>
        <translation>三、双方责任</translation>
    </message>
    <message>
        <source>乙方为甲方建立并维护健康档案，按国家基本公共卫生服务规范提供所选服务包的健康管理、随访、健康教育和用药指导，需要时协助转诊；对甲方的健康信息保密。甲方如实提供健康信息，配合随访和健康管理，情况变化时及时告知乙方。任何一方可书面提出解约，解约后签约记录保留备查。</source>
        <translation>乙方为甲方建立并维护健康档案，按国家基本公共卫生服务规范提供所选服务包的健康管理、随访、健康教育和用药指导，需要时协助转诊；对甲方的健康信息保密。甲方如实提供健康信息，配合随访和健康管理，情况变化时及时告知乙方。任何一方可书面提出解约，解约后签约记录保留备查。</translation>
    </message>
    <message>
        <source>甲方（签字或按手印）：</source>
        <translation>甲方（签字或按手印）：</translation>
    </message>
    <message>
        <source>乙方（签字）：</source>
        <translation>乙方（签字）：</translation>
    </message>
    <message>
        <source>____年____月____日</source>
        <translation>____年____月____日</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>本协议一式两份，甲乙双方各执一份。</source>
        <translation>本协议一式两份，甲乙双方各执一份。</translation>
    </message>
    <message>
        <source>病案号：</source>
        <translation>病案号：</translation>
    </message>
    <message>
        <source>档案编号：</source>
        <translation>档案编号：</translation>
    </message>
    <message>
        <source>家庭住址：</source>
        <translation>家庭住址：</translation>
    </message>
    <message>
        <source>双向转诊单（存根）</source>
        <translation>双向转诊单（存根）</translation>
    </message>
    <message>
        <source>于{date}因病情需要，转回{institution}单位{doctor}接诊医生。</source>
        <translation>于{date}因病情需要，转回{institution}单位{doctor}接诊医生。</translation>
    </message>
    <message>
        <source>于{date}因病情需要，转入{institution}单位{department}科室{doctor}接诊医生。</source>
        <translation>于{date}因病情需要，转入{institution}单位{department}科室{doctor}接诊医生。</translation>
    </message>
    <message>
        <source>转诊医生（签字）：</source>
        <translation>转诊医生（签字）：</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>紧急转诊</translation>
    </message>
    <message>
        <source>（机构名称）：</source>
        <translation>（机构名称）：</translation>
    </message>
    <message>
        <source>现有患者{name}因病情需要，现转回贵单位，请予以接诊。</source>
        <translation>现有患者{name}因病情需要，现转回贵单位，请予以接诊。</translation>
    </message>
    <message>
        <source>现有患者{name}性别{sex}年龄{age}因病情需要，需转入贵单位，请予以接诊。</source>
        <translation>现有患者{name}性别{sex}年龄{age}因病情需要，需转入贵单位，请予以接诊。</translation>
    </message>
    <message>
        <source>诊断结果：</source>
        <translation>诊断结果：</translation>
    </message>
    <message>
        <source>主要检查结果：</source>
        <translation>主要检查结果：</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议：</source>
        <translation>治疗经过、下一步治疗方案及康复建议：</translation>
    </message>
    <message>
        <source>住院病案号：</source>
        <translation>住院病案号：</translation>
    </message>
    <message>
        <source>初步印象：</source>
        <translation>初步印象：</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）：</source>
        <translation>主要现病史（转出原因）：</translation>
    </message>
    <message>
        <source>主要既往史：</source>
        <translation>主要既往史：</translation>
    </message>
    <message>
        <source>治疗经过：</source>
        <translation>治疗经过：</translation>
    </message>
    <message>
        <source>（机构名称）</source>
        <translation>（机构名称）</translation>
    </message>
    <message>
        <source>随访质量督导表</source>
        <translation>随访质量督导表</translation>
    </message>
    <message>
        <source>{village}（{code}）（续）</source>
        <translation>{village}（{code}）（续）</translation>
    </message>
    <message>
        <source>{village}（{code}）  检查期间：{start} 至 {end}  打印日期：{today}</source>
        <translation>{village}（{code}）  检查期间：{start} 至 {end}  打印日期：{today}</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>需要核对的记录</source>
        <translation>需要核对的记录</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>已核✓</source>
        <translation>已核✓</translation>
    </message>
    <message>
        <source>本期未发现问题</source>
        <translation>本期未发现问题</translation>
    </message>
    <message>
        <source>另有 {n} 条未列出，见质量页导出的电子表格</source>
        <translation>另有 {n} 条未列出，见质量页导出的电子表格</translation>
    </message>
    <message>
        <source>督导意见及整改要求：</source>
        <translation>督导意见及整改要求：</translation>
    </message>
    <message>
        <source>督导人（签字）：＿＿＿＿＿＿  村医（签字）：＿＿＿＿＿＿  日期：＿＿＿＿＿＿</source>
        <translation>督导人（签字）：＿＿＿＿＿＿  村医（签字）：＿＿＿＿＿＿  日期：＿＿＿＿＿＿</translation>
    </message>
    <message>
        <source>没有可打印的村</source>
        <translation>没有可打印的村</translation>
    </message>
    <message>
        <source>管理项目应为 htn（高血压）或 t2dm（2型糖尿病）</source>
        <translation>管理项目应为 htn（高血压）或 t2dm（2型糖尿病）</translation>
    </message>
    <message>
        <source>{name}在{year}年没有{program}随访记录</source>
        <translation>{name}在{year}年没有{program}随访记录</translation>
    </message>
    <message>
        <source>健康教育活动记录表</source>
        <translation>健康教育活动记录表</translation>
    </message>
    <message>
        <source>活动时间：</source>
        <translation>活动时间：</translation>
    </message>
    <message>
        <source>活动地点：</source>
        <translation>活动地点：</translation>
    </message>
    <message>
        <source>活动形式：</source>
        <translation>活动形式：</translation>
    </message>
    <message>
        <source>组织者：</source>
        <translation>组织者：</translation>
    </message>
    <message>
        <source>接受健康教育人员类别：</source>
        <translation>接受健康教育人员类别：</translation>
    </message>
    <message>
        <source>接受健康教育人数：</source>
        <translation>接受健康教育人数：</translation>
    </message>
    <message>
        <source>活动主题：</source>
        <translation>活动主题：</translation>
    </message>
    <message>
        <source>健康教育资料发放种类及数量：</source>
        <translation>健康教育资料发放种类及数量：</translation>
    </message>
    <message>
        <source>{kind}：{name}</source>
        <translation>{kind}：{name}</translation>
    </message>
    <message>
        <source>活动内容：</source>
        <translation>活动内容：</translation>
    </message>
    <message>
        <source>活动总结评价：</source>
        <translation>活动总结评价：</translation>
    </message>
    <message>
        <source>存档材料请附后：</source>
        <translation>存档材料请附后：</translation>
    </message>
    <message>
        <source>填表人（签字）：</source>
        <translation>填表人（签字）：</translation>
    </message>
    <message>
        <source>负责人（签字）：</source>
        <translation>负责人（签字）：</translation>
    </message>
    <message>
        <source>填表时间：</source>
        <translation>填表时间：</translation>
    </message>
    <message>
        <source>父亲</source>
        <translation>父亲</translation>
    </message>
    <message>
        <source>母亲</source>
        <translation>母亲</translation>
    </message>
    <message>
        <source>兄弟姐妹</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>签约医生 {doctor}，{start} 至 {end}</source>
        <translation>签约医生 {doctor}，{start} 至 {end}</translation>
    </message>
    <message>
        <source>{doctor}（{team}）</source>
        <translation>{doctor}（{team}）</translation>
    </message>
    <message>
        <source>，服务包：</source>
        <translation>，服务包：</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>（待居民签字）</source>
        <translation>（待居民签字）</translation>
    </message>
    <message>
        <source>（已到期，待续约）</source>
        <translation>（已到期，待续约）</translation>
    </message>
    <message>
        <source>续约：</source>
        <translation>续约：</translation>
    </message>
    <message>
        <source>未签约</source>
        <translation>未签约</translation>
    </message>
    <message>
        <source>致贫原因：</source>
        <translation>致贫原因：</translation>
    </message>
    <message>
        <source>{date}登记</source>
        <translation>{date}登记</translation>
    </message>
    <message>
        <source>，</source>
        <translation>，</translation>
    </message>
    <message>
        <source>{condition}，{track}，复核日期 {review}</source>
        <translation>{condition}，{track}，复核日期 {review}</translation>
    </message>
    <message>
        <source>个人基本信息表</source>
        <translation>个人基本信息表</translation>
    </message>
    <message>
        <source>建档单位：{institution}</source>
        <translation>建档单位：{institution}</translation>
    </message>
    <message>
        <source>第 {n} 页</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>严重精神障碍患者个人信息补充表</source>
        <translation>严重精神障碍患者个人信息补充表</translation>
    </message>
    <message>
        <source>严重精神障碍患者随访服务记录表</source>
        <translation>严重精神障碍患者随访服务记录表</translation>
    </message>
    <message>
        <source>健康档案编号</source>
        <translation>健康档案编号</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>慢病管理</source>
        <translation>慢病管理</translation>
    </message>
    <message>
        <source>本月随访</source>
        <translation>本月随访</translation>
    </message>
    <message>
        <source>贫困户类型</source>
        <translation>贫困户类型</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <translation>因病致贫</translation>
    </message>
    <message>
        <source>因病返贫</source>
        <translation>因病返贫</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>在册人数</source>
        <translation>在册人数</translation>
    </message>
    <message>
        <source>家庭成员（一人一档）</source>
        <translation>家庭成员（一人一档）</translation>
    </message>
    <message>
        <source>一患一策</source>
        <translation>一患一策</translation>
    </message>
    <message>
        <source>这一户没有患者的帮扶计划。</source>
        <translation>这一户没有患者的帮扶计划。</translation>
    </message>
    <message>
        <source>患者</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>病种</source>
        <translation>病种</translation>
    </message>
    <message>
        <source>救治方式</source>
        <translation>救治方式</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>制定日期</source>
        <translation>制定日期</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>本年免费健康体检</source>
        <translation>本年免费健康体检</translation>
    </message>
    <message>
        <source>贫困户健康帮扶档案（一户一档、一患一策）</source>
        <translation>贫困户健康帮扶档案（一户一档、一患一策）</translation>
    </message>
    <message>
        <source>村：{village}</source>
        <translation>村：{village}</translation>
    </message>
    <message>
        <source>打印日期：</source>
        <translation>打印日期：</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>每张A4纸10张卡</source>
        <translation>每张A4纸10张卡</translation>
    </message>
    <message>
        <source>每张A4纸8张卡</source>
        <translation>每张A4纸8张卡</translation>
    </message>
    <message>
        <source>逾期者印新约定日期</source>
        <translation>逾期者印新约定日期</translation>
    </message>
    <message>
        <source>生成随访卡…</source>
        <translation>生成随访卡…</translation>
    </message>
    <message>
        <source>随访卡（批量）</source>
        <translation>随访卡（批量）</translation>
    </message>
    <message>
        <source>逾期及多少天内到期</source>
        <translation>逾期及多少天内到期</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>排版</source>
        <translation>排版</translation>
    </message>
    <message>
        <source>逾期者的卡</source>
        <translation>逾期者的卡</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>生成工作单…</source>
        <translation>生成工作单…</translation>
    </message>
    <message>
        <source>入户随访工作单</source>
        <translation>入户随访工作单</translation>
    </message>
    <message>
        <source>管理项目</source>
        <translation>管理项目</translation>
    </message>
    <message>
        <source>空白随访表（停电或外出时手填）</source>
        <translation>空白随访表（停电或外出时手填）</translation>
    </message>
    <message>
        <source>{program}随访表</source>
        <translation>{program}随访表</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>转诊日期</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>转入单位</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>打印转出单</source>
        <translation>打印转出单</translation>
    </message>
    <message>
        <source>打印回转单</source>
        <translation>打印回转单</translation>
    </message>
    <message>
        <source>未结束的转诊</source>
        <translation>未结束的转诊</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>随访卡</source>
        <translation>随访卡</translation>
    </message>
    <message>
        <source>没有逾期或即将到期的随访对象</source>
        <translation>没有逾期或即将到期的随访对象</translation>
    </message>
    <message>
        <source>正在生成随访卡…</source>
        <translation>正在生成随访卡…</translation>
    </message>
    <message>
        <source>正在生成工作单…</source>
        <translation>正在生成工作单…</translation>
    </message>
    <message>
        <source>空白随访表</source>
        <translation>空白随访表</translation>
    </message>
    <message>
        <source>请先选择一张转诊单</source>
        <translation>请先选择一张转诊单</translation>
    </message>
    <message>
        <source>双向转诊（回转）单</source>
        <translation>双向转诊（回转）单</translation>
    </message>
    <message>
        <source>双向转诊（转出）单</source>
        <translation>双向转诊（转出）单</translation>
    </message>
    <message>
        <source>档案封面</source>
        <translation>档案封面</translation>
    </message>
    <message>
        <source>个人基本信息表</source>
        <translation>个人基本信息表</translation>
    </message>
    <message>
        <source>随访服务记录表</source>
        <translation>随访服务记录表</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>共 {n} 页</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>有 {n} 个字打印字库中没有，印成了“{mark}”：请打印后用笔补写。</source>
        <translation>有 {n} 个字打印字库中没有，印成了“{mark}”：请打印后用笔补写。</translation>
    </message>
    <message>
        <source>打印机无法开始打印，请检查打印机后重试</source>
        <translation>打印机无法开始打印，请检查打印机后重试</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存：{error}</source>
        <translation>无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>村代码应为12位数字（县6位+乡镇3位+村3位），现在是“{code}”</source>
        <translation>村代码应为12位数字（县6位+乡镇3位+村3位），现在是“{code}”</translation>
    </message>
    <message>
        <source>乡镇代码应为9位数字（县6位+乡镇3位），现在是“{code}”</source>
        <translation>乡镇代码应为9位数字（县6位+乡镇3位），现在是“{code}”</translation>
    </message>
    <message>
        <source>前6位{county}不是有效的县级行政区划代码（GB/T 2260）</source>
        <translation>前6位{county}不是有效的县级行政区划代码（GB/T 2260）</translation>
    </message>
    <message>
        <source>县级代码应为6位数字（GB/T 2260 县级行政区划代码），现在是“{code}”</source>
        <translation>县级代码应为6位数字（GB/T 2260 县级行政区划代码），现在是“{code}”</translation>
    </message>
    <message>
        <source>角色应为 village（村卫生室）、township（乡镇卫生院）或 county（县级卫生健康委）</source>
        <translation>角色应为 village（村卫生室）、township（乡镇卫生院）或 county（县级卫生健康委）</translation>
    </message>
    <message>
        <source>本机已初始化，不能再次初始化</source>
        <translation>本机已初始化，不能再次初始化</translation>
    </message>
    <message>
        <source>请填写名称</source>
        <translation>请填写名称</translation>
    </message>
    <message>
        <source>本机尚未初始化：请先运行 cunyi init</source>
        <translation>本机尚未初始化：请先运行 cunyi init</translation>
    </message>
    <message>
        <source>乡镇模式下请指定村代码</source>
        <translation>乡镇模式下请指定村代码</translation>
    </message>
    <message>
        <source>村代码{code}不属于本乡镇</source>
        <translation>村代码{code}不属于本乡镇</translation>
    </message>
    <message>
        <source>村代码{code}不属于本乡镇{town}</source>
        <translation>村代码{code}不属于本乡镇{town}</translation>
    </message>
    <message>
        <source>村{code}的档案编号已用完</source>
        <translation>村{code}的档案编号已用完</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>{year}年健康教育进度</source>
        <translation>{year}年健康教育进度</translation>
    </message>
    <message>
        <source>按月计至今应完成 {n}</source>
        <translation>按月计至今应完成 {n}</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>汇总</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>按医生</source>
        <translation>按医生</translation>
    </message>
    <message>
        <source>问题明细</source>
        <translation>问题明细</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>村代码</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>核查随访数</source>
        <translation>核查随访数</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>随访质量报告 {start} 至 {end}</source>
        <translation>随访质量报告 {start} 至 {end}</translation>
    </message>
    <message>
        <source>{title}（{visits} {n}）</source>
        <translation>{title}（{visits} {n}）</translation>
    </message>
    <message>
        <source>数值照抄上次</source>
        <translation>数值照抄上次</translation>
    </message>
    <message>
        <source>短时集中录入</source>
        <translation>短时集中录入</translation>
    </message>
    <message>
        <source>随访日期在将来</source>
        <translation>随访日期在将来</translation>
    </message>
    <message>
        <source>早于纳入管理</source>
        <translation>早于纳入管理</translation>
    </message>
    <message>
        <source>晚于死亡日期</source>
        <translation>晚于死亡日期</translation>
    </message>
    <message>
        <source>记录相互矛盾</source>
        <translation>记录相互矛盾</translation>
    </message>
    <message>
        <source>必填项缺失</source>
        <translation>必填项缺失</translation>
    </message>
    <message>
        <source>补录过晚</source>
        <translation>补录过晚</translation>
    </message>
    <message>
        <source>电脑时钟有误</source>
        <translation>电脑时钟有误</translation>
    </message>
    <message>
        <source>没有可查看的村：{code}</source>
        <translation>没有可查看的村：{code}</translation>
    </message>
    <message>
        <source>质量规则的天数、次数和分钟数都应为正整数</source>
        <translation>质量规则的天数、次数和分钟数都应为正整数</translation>
    </message>
    <message>
        <source>测量值与 {previous} 的上次随访完全相同：{values}</source>
        <translation>测量值与 {previous} 的上次随访完全相同：{values}</translation>
    </message>
    <message>
        <source>{user} 在 {minutes} 分钟内保存了 {n} 次随访（{start} 起）</source>
        <translation>{user} 在 {minutes} 分钟内保存了 {n} 次随访（{start} 起）</translation>
    </message>
    <message>
        <source>随访日期 {date} 晚于今天（{today}）</source>
        <translation>随访日期 {date} 晚于今天（{today}）</translation>
    </message>
    <message>
        <source>随访日期 {date} 早于纳入管理日期 {enrolled}</source>
        <translation>随访日期 {date} 早于纳入管理日期 {enrolled}</translation>
    </message>
    <message>
        <source>随访日期 {date} 晚于结束管理的日期 {ended}</source>
        <translation>随访日期 {date} 晚于结束管理的日期 {ended}</translation>
    </message>
    <message>
        <source>随访日期 {date} 晚于死亡日期 {died}</source>
        <translation>随访日期 {date} 晚于死亡日期 {died}</translation>
    </message>
    <message>
        <source>{date} 有两条随访记录（另一条的随访医生：{by}）：请作废错的一条</source>
        <translation>{date} 有两条随访记录（另一条的随访医生：{by}）：请作废错的一条</translation>
    </message>
    <message>
        <source>缺少必填项：{fields}</source>
        <translation>缺少必填项：{fields}</translation>
    </message>
    <message>
        <source>随访日期 {date}，{days} 天后才录入（{saved}）</source>
        <translation>随访日期 {date}，{days} 天后才录入（{saved}）</translation>
    </message>
    <message>
        <source>电脑时钟慢：{n} 次随访的保存时间早于随访日期，最多早 {days} 天</source>
        <translation>电脑时钟慢：{n} 次随访的保存时间早于随访日期，最多早 {days} 天</translation>
    </message>
    <message>
        <source>电脑时钟快：{n} 次随访的保存时间比同步时钟晚，最多晚 {days} 天</source>
        <translation>电脑时钟快：{n} 次随访的保存时间比同步时钟晚，最多晚 {days} 天</translation>
    </message>
    <message>
        <source>{device} 最近一次同步时，电脑时钟比本机快约 {days} 天</source>
        <translation>{device} 最近一次同步时，电脑时钟比本机快约 {days} 天</translation>
    </message>
    <message>
        <source>{year} 年随访质量：核查 {visits} 次随访，{found} 条问题</source>
        <translation>{year} 年随访质量：核查 {visits} 次随访，{found} 条问题</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>全部村</source>
        <translation>全部村</translation>
    </message>
    <message>
        <source>按村</source>
        <translation>按村</translation>
    </message>
    <message>
        <source>按村和医生</source>
        <translation>按村和医生</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>打印督导表…</source>
        <translation>打印督导表…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>点击上表中的数字，列出其中的随访记录</source>
        <translation>点击上表中的数字，列出其中的随访记录</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>医生</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>正在生成质量报告…</source>
        <translation>正在生成质量报告…</translation>
    </message>
    <message>
        <source>{year} 年：核查 {visits} 次随访，发现 {n} 条问题</source>
        <translation>{year} 年：核查 {visits} 次随访，发现 {n} 条问题</translation>
    </message>
    <message>
        <source>全部问题</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>{village} · {what}：{n} 条</source>
        <translation>{village} · {what}：{n} 条</translation>
    </message>
    <message>
        <source>导出Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>打印督导表</source>
        <translation>打印督导表</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>请写明作废的原因</source>
        <translation>请写明作废的原因</translation>
    </message>
    <message>
        <source>{name} 在 {day} 的{kind}已作废（{reason}）</source>
        <translation>{name} 在 {day} 的{kind}已作废（{reason}）</translation>
    </message>
    <message>
        <source>{name} 在 {day} 没有{kind}记录</source>
        <translation>{name} 在 {day} 没有{kind}记录</translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <source>找不到这次随访</source>
        <translation>找不到这次随访</translation>
    </message>
    <message>
        <source>请填写转入单位：没有去向的转诊单不能开具</source>
        <translation>请填写转入单位：没有去向的转诊单不能开具</translation>
    </message>
    <message>
        <source>转诊日期不能晚于今天</source>
        <translation>转诊日期不能晚于今天</translation>
    </message>
    <message>
        <source>找不到转诊的居民</source>
        <translation>找不到转诊的居民</translation>
    </message>
    <message>
        <source>没有“{program}”这个项目</source>
        <translation>没有“{program}”这个项目</translation>
    </message>
    <message>
        <source>{name}（{archive_no}）{day}已有一张转往{to}的未结转诊单</source>
        <translation>{name}（{archive_no}）{day}已有一张转往{to}的未结转诊单</translation>
    </message>
    <message>
        <source>找不到转诊单：{ref}</source>
        <translation>找不到转诊单：{ref}</translation>
    </message>
    <message>
        <source>日期 {day} 晚于今天（{today}）</source>
        <translation>日期 {day} 晚于今天（{today}）</translation>
    </message>
    <message>
        <source>日期 {day} 早于转诊日期 {issued}</source>
        <translation>日期 {day} 早于转诊日期 {issued}</translation>
    </message>
    <message>
        <source>这张转诊单已经是“{now}”，不能再记为“{new}”</source>
        <translation>这张转诊单已经是“{now}”，不能再记为“{new}”</translation>
    </message>
    <message>
        <source>这张转诊单是“{now}”，没有可以撤销的到位/不到位</source>
        <translation>这张转诊单是“{now}”，没有可以撤销的到位/不到位</translation>
    </message>
    <message>
        <source>只能撤销自己当天记录的“{now}”；其他更正请记为到位或由录入人撤销</source>
        <translation>只能撤销自己当天记录的“{now}”；其他更正请记为到位或由录入人撤销</translation>
    </message>
    <message>
        <source>请填写不到位原因</source>
        <translation>请填写不到位原因</translation>
    </message>
    <message>
        <source>请填写回转的诊断结果</source>
        <translation>请填写回转的诊断结果</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>双向转诊单（转出）</source>
        <translation>双向转诊单（转出）</translation>
    </message>
    <message>
        <source>转入单位 *</source>
        <translation>转入单位 *</translation>
    </message>
    <message>
        <source>科室</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>接诊医生</source>
        <translation>接诊医生</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>初步印象</translation>
    </message>
    <message>
        <source>主要现病史（转出原因）</source>
        <translation>主要现病史（转出原因）</translation>
    </message>
    <message>
        <source>主要既往史</source>
        <translation>主要既往史</translation>
    </message>
    <message>
        <source>治疗经过</source>
        <translation>治疗经过</translation>
    </message>
    <message>
        <source>转诊医生</source>
        <translation>转诊医生</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>转诊日期</translation>
    </message>
    <message>
        <source>紧急转诊</source>
        <translation>紧急转诊</translation>
    </message>
    <message>
        <source>开具后打印转诊单（预览）</source>
        <translation>开具后打印转诊单（预览）</translation>
    </message>
    <message>
        <source>开具转诊单</source>
        <translation>开具转诊单</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>仍要再开一张转诊单吗？</source>
        <translation>仍要再开一张转诊单吗？</translation>
    </message>
    <message>
        <source>已有相同的转诊单</source>
        <translation>已有相同的转诊单</translation>
    </message>
    <message>
        <source>有错误，已保留您填写的内容</source>
        <translation>有错误，已保留您填写的内容</translation>
    </message>
</context>
<context>
    <name>ReferralList</name>
    <message>
        <source>紧急</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>转入单位</source>
        <translation>转入单位</translation>
    </message>
    <message>
        <source>转诊日期</source>
        <translation>转诊日期</translation>
    </message>
    <message>
        <source>已转出天数</source>
        <translation>已转出天数</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>转诊原因</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <source>到位</source>
        <translation>到位</translation>
    </message>
    <message>
        <source>不到位…</source>
        <translation>不到位…</translation>
    </message>
    <message>
        <source>回转…</source>
        <translation>回转…</translation>
    </message>
    <message>
        <source>撤销到位/不到位</source>
        <translation>撤销到位/不到位</translation>
    </message>
    <message>
        <source>当天录错的到位/不到位可由录入人撤销，转诊单回到“已转出”</source>
        <translation>当天录错的到位/不到位可由录入人撤销，转诊单回到“已转出”</translation>
    </message>
    <message>
        <source>打印转出单</source>
        <translation>打印转出单</translation>
    </message>
    <message>
        <source>打印回转单</source>
        <translation>打印回转单</translation>
    </message>
    <message>
        <source>没有未结转诊</source>
        <translation>没有未结转诊</translation>
    </message>
    <message>
        <source>没有转诊记录</source>
        <translation>没有转诊记录</translation>
    </message>
    <message>
        <source>状态日期</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <source>初步印象</source>
        <translation>初步印象</translation>
    </message>
    <message>
        <source>不到位原因</source>
        <translation>不到位原因</translation>
    </message>
    <message>
        <source>回转诊断</source>
        <translation>回转诊断</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>住院病案号</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>主要检查结果</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>治疗经过、下一步治疗方案及康复建议</translation>
    </message>
    <message>
        <source>回转医生（上级医院）</source>
        <translation>回转医生（上级医院）</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <source>转诊到位 - {who}</source>
        <translation>转诊到位 - {who}</translation>
    </message>
    <message>
        <source>转诊不到位 - {who}</source>
        <translation>转诊不到位 - {who}</translation>
    </message>
    <message>
        <source>不到位原因 *</source>
        <translation>不到位原因 *</translation>
    </message>
    <message>
        <source>转诊回转 - {who}</source>
        <translation>转诊回转 - {who}</translation>
    </message>
    <message>
        <source>诊断结果 *</source>
        <translation>诊断结果 *</translation>
    </message>
    <message>
        <source>住院病案号</source>
        <translation>住院病案号</translation>
    </message>
    <message>
        <source>主要检查结果</source>
        <translation>主要检查结果</translation>
    </message>
    <message>
        <source>治疗经过、下一步治疗方案及康复建议</source>
        <translation>治疗经过、下一步治疗方案及康复建议</translation>
    </message>
    <message>
        <source>回转医生（上级医院，签回转单）</source>
        <translation>回转医生（上级医院，签回转单）</translation>
    </message>
    <message>
        <source>转诊单</source>
        <translation>转诊单</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>日期 *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>保存 (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReminderLine</name>
    <message>
        <source>{n} 份家庭医生签约{days}天内到期</source>
        <translation>{n} 份家庭医生签约{days}天内到期</translation>
    </message>
    <message>
        <source>{n} 户贫困户未全户签约</source>
        <translation>{n} 户贫困户未全户签约</translation>
    </message>
    <message>
        <source>；</source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>汇总</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>全乡镇</source>
        <translation>全乡镇</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>基本公共卫生服务指标汇总表</source>
        <translation>基本公共卫生服务指标汇总表</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>分子</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>分母</translation>
    </message>
    <message>
        <source>率</source>
        <translation>率</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>最低要求</source>
        <translation>最低要求</translation>
    </message>
    <message>
        <source>达标情况</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>计入分子</source>
        <translation>计入分子</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>活动主题</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>村或单位</source>
        <translation>村或单位</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <source>{township}本级</source>
        <translation>{township}本级</translation>
    </message>
    <message>
        <source>{n} 次</source>
        <translation>{n} 次</translation>
    </message>
    <message>
        <source>最低 {n} 次</source>
        <translation>最低 {n} 次</translation>
    </message>
    <message>
        <source>{n} 种</source>
        <translation>{n} 种</translation>
    </message>
    <message>
        <source>最低 {n} 种</source>
        <translation>最低 {n} 种</translation>
    </message>
    <message>
        <source>差 {n} 种</source>
        <translation>差 {n} 种</translation>
    </message>
    <message>
        <source>{n} 期</source>
        <translation>{n} 期</translation>
    </message>
    <message>
        <source>最低 {n} 期</source>
        <translation>最低 {n} 期</translation>
    </message>
    <message>
        <source>差 {n} 期</source>
        <translation>差 {n} 期</translation>
    </message>
    <message>
        <source>无权查看</source>
        <translation>无权查看</translation>
    </message>
    <message>
        <source>注：{villages}尚未录入 {year} 年的人口数，{indicators}的比率暂缺（人口数在乡镇卫生院工作台的“人口数…”中录入）</source>
        <translation>注：{villages}尚未录入 {year} 年的人口数，{indicators}的比率暂缺（人口数在乡镇卫生院工作台的“人口数…”中录入）</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>注：签约率按 {day} 计，分母是当天在册的居民、当天仍在管理的患者；规范管理率和控制率的分母是 {start} 至 {end} 间任何时候在管理的患者，故两处的患者人数可以不同</source>
        <translation>注：签约率按 {day} 计，分母是当天在册的居民、当天仍在管理的患者；规范管理率和控制率的分母是 {start} 至 {end} 间任何时候在管理的患者，故两处的患者人数可以不同</translation>
    </message>
    <message>
        <source>统计时间：{start} 至 {end}    填报单位：{unit}    制表人：{who}    生成日期：{today}</source>
        <translation>统计时间：{start} 至 {end}    填报单位：{unit}    制表人：{who}    生成日期：{today}</translation>
    </message>
    <message>
        <source>{title}（续）</source>
        <translation>{title}（续）</translation>
    </message>
    <message>
        <source>本机系统账户（命令行，可见全部数据）</source>
        <translation>本机系统账户（命令行，可见全部数据）</translation>
    </message>
    <message>
        <source>无要求</source>
        <translation>无要求</translation>
    </message>
    <message>
        <source>已达到</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>差 {n} 次</source>
        <translation>差 {n} 次</translation>
    </message>
    <message>
        <source>活动类指标</source>
        <translation>活动类指标</translation>
    </message>
    <message>
        <source>注：制表人不能查看全部严重精神障碍患者（责任医生只能查看自己负责的），本表只含其能查看的；以下指标与有权限者所见不同：{names}。完整的表须由有“精神卫生”权限的人员制作（由管理员在“用户”页授予）</source>
        <translation>注：制表人不能查看全部严重精神障碍患者（责任医生只能查看自己负责的），本表只含其能查看的；以下指标与有权限者所见不同：{names}。完整的表须由有“精神卫生”权限的人员制作（由管理员在“用户”页授予）</translation>
    </message>
    <message>
        <source>{n} 个单位未达到</source>
        <translation>{n} 个单位未达到</translation>
    </message>
    <message>
        <source>（目标 {target}%）</source>
        <translation>（目标 {target}%）</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{year}年第{quarter}季度</source>
        <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
        <source>{year}年1–{quarter}季度累计</source>
        <translation>{year}年1–{quarter}季度累计</translation>
    </message>
    <message>
        <source>{unit}基本公共卫生服务指标汇总表（{period}）</source>
        <translation>{unit}基本公共卫生服务指标汇总表（{period}）</translation>
    </message>
    <message>
        <source>{name}（{period}）：分子 {numerator}，分母 {denominator}</source>
        <translation>{name}（{period}）：分子 {numerator}，分母 {denominator}</translation>
    </message>
    <message>
        <source>{name}（{period}）：{done}，{minimum}</source>
        <translation>{name}（{period}）：{done}，{minimum}</translation>
    </message>
    <message>
        <source>{name}（{period}）：{unseen}</source>
        <translation>{name}（{period}）：{unseen}</translation>
    </message>
    <message>
        <source>第 {page} 页 / 共 {total} 页</source>
        <translation>第 {page} 页 / 共 {total} 页</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>居民档案 - {name}</source>
        <translation>居民档案 - {name}</translation>
    </message>
    <message>
        <source>健康档案编号：{no}</source>
        <translation>健康档案编号：{no}</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>转诊</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>打印个人基本信息表</source>
        <translation>打印个人基本信息表</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>联系与管理</source>
        <translation>联系与管理</translation>
    </message>
    <message>
        <source>（{age}岁）</source>
        <translation>（{age}岁）</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>血型</source>
        <translation>血型</translation>
    </message>
    <message>
        <source>本人电话</source>
        <translation>本人电话</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>现住址</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>责任医生</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>贫困户</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>家庭医生签约</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <source>未签约</source>
        <translation>未签约</translation>
    </message>
    <message>
        <source>档案状态</source>
        <translation>档案状态</translation>
    </message>
    <message>
        <source>既往史与过敏</source>
        <translation>既往史与过敏</translation>
    </message>
    <message>
        <source>既往疾病</source>
        <translation>既往疾病</translation>
    </message>
    <message>
        <source>药物过敏</source>
        <translation>药物过敏</translation>
    </message>
    <message>
        <source>医疗费用</source>
        <translation>医疗费用</translation>
    </message>
    <message>
        <source>录入专项随访</source>
        <translation>录入专项随访</translation>
    </message>
    <message>
        <source>老年人健康管理</source>
        <translation>老年人健康管理</translation>
    </message>
    <message>
        <source>健康体检</source>
        <translation>健康体检</translation>
    </message>
    <message>
        <source>专项随访</source>
        <translation>专项随访</translation>
    </message>
    <message>
        <source>{program}随访</source>
        <translation>{program}随访</translation>
    </message>
    <message>
        <source>作废随访</source>
        <translation>作废随访</translation>
    </message>
    <message>
        <source>；应随访 {date}（{due}）</source>
        <translation>；应随访 {date}（{due}）</translation>
    </message>
    <message>
        <source>胰岛素</source>
        <translation>胰岛素</translation>
    </message>
    <message>
        <source>作废所选随访…</source>
        <translation>作废所选随访…</translation>
    </message>
    <message>
        <source>录错的随访（日期错、人错、没有随访）作废后保留在档案中，不再计入；失访、死亡记录不能作废</source>
        <translation>录错的随访（日期错、人错、没有随访）作废后保留在档案中，不再计入；失访、死亡记录不能作废</translation>
    </message>
    <message>
        <source>健康体检表</source>
        <translation>健康体检表</translation>
    </message>
    <message>
        <source>危险性</source>
        <translation>危险性</translation>
    </message>
    <message>
        <source>自知力</source>
        <translation>自知力</translation>
    </message>
    <message>
        <source>下次随访</source>
        <translation>下次随访</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>体检日期</source>
        <translation>体检日期</translation>
    </message>
    <message>
        <source>生活自理能力</source>
        <translation>生活自理能力</translation>
    </message>
    <message>
        <source>下次体检</source>
        <translation>下次体检</translation>
    </message>
    <message>
        <source>还没有健康体检记录</source>
        <translation>还没有健康体检记录</translation>
    </message>
    <message>
        <source>打印所选体检表</source>
        <translation>打印所选体检表</translation>
    </message>
    <message>
        <source>录入健康体检…</source>
        <translation>录入健康体检…</translation>
    </message>
    <message>
        <source>作废所选体检…</source>
        <translation>作废所选体检…</translation>
    </message>
    <message>
        <source>录错的体检（日期错、人错）作废后保留在档案中，不再计入</source>
        <translation>录错的体检（日期错、人错）作废后保留在档案中，不再计入</translation>
    </message>
    <message>
        <source>作废体检</source>
        <translation>作废体检</translation>
    </message>
    <message>
        <source>作废 {date} 的健康体检。作废后记录仍保留，但不再计入。请写明原因：</source>
        <translation>作废 {date} 的健康体检。作废后记录仍保留，但不再计入。请写明原因：</translation>
    </message>
    <message>
        <source>已作废 {date} 的健康体检</source>
        <translation>已作废 {date} 的健康体检</translation>
    </message>
    <message>
        <source>随访服务记录表的年份</source>
        <translation>随访服务记录表的年份</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>打印随访服务记录表</source>
        <translation>打印随访服务记录表</translation>
    </message>
    <message>
        <source>还没有随访记录</source>
        <translation>还没有随访记录</translation>
    </message>
    <message>
        <source>血压 (mmHg)</source>
        <translation>血压 (mmHg)</translation>
    </message>
    <message>
        <source>空腹血糖 (mmol/L)</source>
        <translation>空腹血糖 (mmol/L)</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>添加家庭成员</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>打印随访卡</source>
        <translation>打印随访卡</translation>
    </message>
    <message>
        <source>打印档案封面</source>
        <translation>打印档案封面</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>录入{program}随访</source>
        <translation>录入{program}随访</translation>
    </message>
    <message>
        <source>纳入{program}管理</source>
        <translation>纳入{program}管理</translation>
    </message>
    <message>
        <source>开转诊单…</source>
        <translation>开转诊单…</translation>
    </message>
    <message>
        <source>作废 {date} 的{what}。作废后记录仍保留，但不再计入随访和考核。请写明原因：</source>
        <translation>作废 {date} 的{what}。作废后记录仍保留，但不再计入随访和考核。请写明原因：</translation>
    </message>
    <message>
        <source>已作废 {date} 的{what}</source>
        <translation>已作废 {date} 的{what}</translation>
    </message>
    <message>
        <source>纳入管理 {date}，{status}，责任医生 {doctor}</source>
        <translation>纳入管理 {date}，{status}，责任医生 {doctor}</translation>
    </message>
    <message>
        <source>结束管理…</source>
        <translation>结束管理…</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>用药</source>
        <translation>用药</translation>
    </message>
    <message>
        <source>失访</source>
        <translation>失访</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>档案编号</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <source>搜索：姓名、拼音或首字母（zs）、身份证号后4位、档案编号、电话；扫码枪直接扫随访卡</source>
        <translation>搜索：姓名、拼音或首字母（zs）、身份证号后4位、档案编号、电话；扫码枪直接扫随访卡</translation>
    </message>
    <message>
        <source>新建档案 (Ctrl+N)</source>
        <translation>新建档案 (Ctrl+N)</translation>
    </message>
    <message>
        <source>导入花名册…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>数字请至少输入4位</source>
        <translation>数字请至少输入4位</translation>
    </message>
    <message>
        <source>没有找到匹配的居民</source>
        <translation>没有找到匹配的居民</translation>
    </message>
    <message>
        <source>找到 {n} 人</source>
        <translation>找到 {n} 人</translation>
    </message>
    <message>
        <source>既往史有{program}，是否纳入{program}患者管理？</source>
        <translation>既往史有{program}，是否纳入{program}患者管理？</translation>
    </message>
    <message>
        <source>纳入慢病管理</source>
        <translation>纳入慢病管理</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>已转出</source>
        <translation>已转出</translation>
    </message>
    <message>
        <source>未到位</source>
        <translation>未到位</translation>
    </message>
    <message>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <source>疑似重复档案</source>
        <translation>疑似重复档案</translation>
    </message>
    <message>
        <source>同步冲突</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>未通过校验</source>
        <translation>未通过校验</translation>
    </message>
    <message>
        <source>转诊超期未结</source>
        <translation>转诊超期未结</translation>
    </message>
    <message>
        <source>不是同一人，两份都保留</source>
        <translation>不是同一人，两份都保留</translation>
    </message>
    <message>
        <source>同一人，两份都有记录：退回村医，把不再使用的一份结案（迁出）</source>
        <translation>同一人，两份都有记录：退回村医，把不再使用的一份结案（迁出）</translation>
    </message>
    <message>
        <source>采用另一值</source>
        <translation>采用另一值</translation>
    </message>
    <message>
        <source>{field}：现值“{kept}”，来自{kept_by}；另一值“{lost}”，来自{lost_by}</source>
        <translation>{field}：现值“{kept}”，来自{kept_by}；另一值“{lost}”，来自{lost_by}</translation>
    </message>
    <message>
        <source>这一项不能这样处理（{decision}）；可选的处理：{options}</source>
        <translation>这一项不能这样处理（{decision}）；可选的处理：{options}</translation>
    </message>
    <message>
        <source>两份都没有任何随访、体检、签约、转诊或专项管理记录：请直接作废其中一份，不必退回村医</source>
        <translation>两份都没有任何随访、体检、签约、转诊或专项管理记录：请直接作废其中一份，不必退回村医</translation>
    </message>
    <message>
        <source>{record} 还有未作废的随访、体检、签约、转诊或专项管理记录，作废后它们会失去归属：请作废另一份；两份都有记录的，请选“退回村医，把不再使用的一份结案”</source>
        <translation>{record} 还有未作废的随访、体检、签约、转诊或专项管理记录，作废后它们会失去归属：请作废另一份；两份都有记录的，请选“退回村医，把不再使用的一份结案”</translation>
    </message>
    <message>
        <source>身份证号相同：{number}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份</source>
        <translation>身份证号相同：{number}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份</translation>
    </message>
    <message>
        <source>姓名、出生日期和家庭住址相同：{address}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份</source>
        <translation>姓名、出生日期和家庭住址相同：{address}。这份有随访{visits}次、老年人体检{checks}次、签约{contracts}份；另一份有随访{o_visits}次、老年人体检{o_checks}次、签约{o_contracts}份</translation>
    </message>
    <message>
        <source>两份中有一份没有任何随访、体检、签约、转诊或专项管理记录：请直接作废那一份，不必退回村医</source>
        <translation>两份中有一份没有任何随访、体检、签约、转诊或专项管理记录：请直接作废那一份，不必退回村医</translation>
    </message>
    <message>
        <source>保留现值</source>
        <translation>保留现值</translation>
    </message>
    <message>
        <source>同一人：作废“档案”这份，保留“另一份档案”</source>
        <translation>同一人：作废“档案”这份，保留“另一份档案”</translation>
    </message>
    <message>
        <source>同一人：作废“另一份档案”，保留“档案”这份</source>
        <translation>同一人：作废“另一份档案”，保留“档案”这份</translation>
    </message>
    <message>
        <source>退回村医修改</source>
        <translation>退回村医修改</translation>
    </message>
    <message>
        <source>登记为未到位</source>
        <translation>登记为未到位</translation>
    </message>
    <message>
        <source>审核队列由乡镇卫生院处理</source>
        <translation>审核队列由乡镇卫生院处理</translation>
    </message>
    <message>
        <source>作废其中一份，要由有“精神卫生”权限的账户决定（作废前要看清两份记录的全部内容，包括您无权查看的专项记录）；您可以判定不是同一人，或退回村医</source>
        <translation>作废其中一份，要由有“精神卫生”权限的账户决定（作废前要看清两份记录的全部内容，包括您无权查看的专项记录）；您可以判定不是同一人，或退回村医</translation>
    </message>
    <message>
        <source>{day} 转往 {to}，{days} 天未登记到位</source>
        <translation>{day} 转往 {to}，{days} 天未登记到位</translation>
    </message>
    <message>
        <source>请写明处理理由：村卫生室会看到它</source>
        <translation>请写明处理理由：村卫生室会看到它</translation>
    </message>
    <message>
        <source>处理理由最多500字</source>
        <translation>处理理由最多500字</translation>
    </message>
    <message>
        <source>该审核项不存在或已处理</source>
        <translation>该审核项不存在或已处理</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>改动</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>乡镇卫生院对本村档案的处理决定（改了什么、为什么）</source>
        <translation>乡镇卫生院对本村档案的处理决定（改了什么、为什么）</translation>
    </message>
    <message>
        <source>全部待审核</source>
        <translation>全部待审核</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>另一份档案</source>
        <translation>另一份档案</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>发现于</source>
        <translation>发现于</translation>
    </message>
    <message>
        <source>还没有处理决定。</source>
        <translation>还没有处理决定。</translation>
    </message>
    <message>
        <source>在上面选一项，选择处理方式后点“记录处理决定”。</source>
        <translation>在上面选一项，选择处理方式后点“记录处理决定”。</translation>
    </message>
    <message>
        <source>乡镇卫生院审核本村的档案后，它的决定随同步包到达这里。</source>
        <translation>乡镇卫生院审核本村的档案后，它的决定随同步包到达这里。</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>打开档案</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>处理理由（村卫生室会看到）</source>
        <translation>处理理由（村卫生室会看到）</translation>
    </message>
    <message>
        <source>记录处理决定</source>
        <translation>记录处理决定</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>已做的处理决定（同步到相关村卫生室）</source>
        <translation>已做的处理决定（同步到相关村卫生室）</translation>
    </message>
    <message>
        <source>正在查找待审核项…</source>
        <translation>正在查找待审核项…</translation>
    </message>
    <message>
        <source>这一项已经处理过，不在待审核列表中</source>
        <translation>这一项已经处理过，不在待审核列表中</translation>
    </message>
    <message>
        <source>共 {n} 项待审核</source>
        <translation>共 {n} 项待审核</translation>
    </message>
    <message>
        <source>第 {page} / {pages} 页</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <source>{field}：{old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>另一份：</source>
        <translation>另一份：</translation>
    </message>
    <message>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <source>请选择处理决定…</source>
        <translation>请选择处理决定…</translation>
    </message>
    <message>
        <source>请先选择处理决定</source>
        <translation>请先选择处理决定</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>乡村医生</source>
        <translation>乡村医生</translation>
    </message>
    <message>
        <source>乡镇公卫人员</source>
        <translation>乡镇公卫人员</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>村卫生室</source>
        <translation>村卫生室</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>乡镇卫生院</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>县级</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>找不到文件：{path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>“{path}”是文件夹：请选择一个 .xlsx 或 .csv 文件</source>
        <translation>“{path}”是文件夹：请选择一个 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>“{path}”不是普通文件：请选择一个 .xlsx 或 .csv 文件</source>
        <translation>“{path}”不是普通文件：请选择一个 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>只支持 .xlsx 和 .csv 文件，“{name}”没有扩展名</source>
        <translation>只支持 .xlsx 和 .csv 文件，“{name}”没有扩展名</translation>
    </message>
    <message>
        <source>文件超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入</source>
        <translation>文件超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入</translation>
    </message>
    <message>
        <source>无法识别文件编码（支持 UTF-8 和 GB18030）</source>
        <translation>无法识别文件编码（支持 UTF-8 和 GB18030）</translation>
    </message>
    <message>
        <source>“{name}”不是可以读取的 Excel 工作簿（.xlsx）：可能已损坏，或是改了扩展名的别的文件（如 CSV、旧版 .xls）。请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入</source>
        <translation>“{name}”不是可以读取的 Excel 工作簿（.xlsx）：可能已损坏，或是改了扩展名的别的文件（如 CSV、旧版 .xls）。请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入</translation>
    </message>
    <message>
        <source>工作簿有 {n} 张工作表（{names}），未导入：花名册只读一张表。请把要导入的居民放在一张表里，删去其他表（包括隐藏的表）后再导入</source>
        <translation>工作簿有 {n} 张工作表（{names}），未导入：花名册只读一张表。请把要导入的居民放在一张表里，删去其他表（包括隐藏的表）后再导入</translation>
    </message>
    <message>
        <source>“{name}”（隐藏）</source>
        <translation>“{name}”（隐藏）</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>第{row}行的“{column}”是公式，未导入：花名册不读公式。请在 Excel 或 WPS 中选中这些单元格，复制后“选择性粘贴 → 数值”，保存后再导入</source>
        <translation>第{row}行的“{column}”是公式，未导入：花名册不读公式。请在 Excel 或 WPS 中选中这些单元格，复制后“选择性粘贴 → 数值”，保存后再导入</translation>
    </message>
    <message>
        <source>Excel 文件解压后超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入</source>
        <translation>Excel 文件解压后超过{mb}MB，未导入：一次最多读取{mb}MB，请分成几个文件分别导入</translation>
    </message>
    <message>
        <source>Excel 文件的内部结构超出正常表格（一行超过{cells}项、一张表超过{rows}行，或其他内容过多），未导入</source>
        <translation>Excel 文件的内部结构超出正常表格（一行超过{cells}项、一张表超过{rows}行，或其他内容过多），未导入</translation>
    </message>
    <message>
        <source>这一格是“数字”格式，18位号码已被 Excel 截断，无法使用：请把这一列设为“文本”格式，重新填写号码后再导入</source>
        <translation>这一格是“数字”格式，18位号码已被 Excel 截断，无法使用：请把这一列设为“文本”格式，重新填写号码后再导入</translation>
    </message>
    <message>
        <source>内容过长（超过{n}个字），未读取</source>
        <translation>内容过长（超过{n}个字），未读取</translation>
    </message>
    <message>
        <source>表头里“{cols}”的列不止一列，未导入：请只留一列后再导入</source>
        <translation>表头里“{cols}”的列不止一列，未导入：请只留一列后再导入</translation>
    </message>
    <message>
        <source>缺少必需的列：{cols}（第1行应为表头）</source>
        <translation>缺少必需的列：{cols}（第1行应为表头）</translation>
    </message>
    <message>
        <source>填了户主身份证号，请写明与户主的关系</source>
        <translation>填了户主身份证号，请写明与户主的关系</translation>
    </message>
    <message>
        <source>户主不在本文件中，也未建档</source>
        <translation>户主不在本文件中，也未建档</translation>
    </message>
    <message>
        <source>与第{row}行身份证号重复</source>
        <translation>与第{row}行身份证号重复</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>户主所在行有错误，本行一并不导入</source>
        <translation>户主所在行有错误，本行一并不导入</translation>
    </message>
    <message>
        <source>村{code}的档案编号只够再建档{left}人，本次需要{need}人：未导入任何记录</source>
        <translation>村{code}的档案编号只够再建档{left}人，本次需要{need}人：未导入任何记录</translation>
    </message>
    <message>
        <source>文件名应以 .xlsx 或 .csv 结尾：{name}</source>
        <translation>文件名应以 .xlsx 或 .csv 结尾：{name}</translation>
    </message>
    <message>
        <source>导出文件应为 .xlsx 或 .csv</source>
        <translation>导出文件应为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>CSV 文件格式有误：{reason}</source>
        <translation>CSV 文件格式有误：{reason}</translation>
    </message>
    <message>
        <source>文件超过{n}行，未导入：一次最多导入{n}人，请分成几个文件分别导入</source>
        <translation>文件超过{n}行，未导入：一次最多导入{n}人，请分成几个文件分别导入</translation>
    </message>
    <message>
        <source>文件是空的</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>只支持 .xlsx 和 .csv 文件，这是“{suffix}”</source>
        <translation>只支持 .xlsx 和 .csv 文件，这是“{suffix}”</translation>
    </message>
    <message>
        <source>文件第{line}行超过{n}个字，未导入：请检查文件</source>
        <translation>文件第{line}行超过{n}个字，未导入：请检查文件</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入花名册</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>选择 .xlsx 或 .csv 文件（UTF-8 或 GB18030）</source>
        <translation>选择 .xlsx 或 .csv 文件（UTF-8 或 GB18030）</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>保存模板…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>跳过有错误的行，只导入正确的行（被拒绝的行另存到原文件旁）</source>
        <translation>跳过有错误的行，只导入正确的行（被拒绝的行另存到原文件旁）</translation>
    </message>
    <message>
        <source>导入前会先逐行检查；只要有一行有错，默认不导入任何记录。</source>
        <translation>导入前会先逐行检查；只要有一行有错，默认不导入任何记录。</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>列</source>
        <translation>列</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>选择花名册</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <source>花名册 (*.xlsx *.csv)</source>
        <translation>花名册 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>保存模板</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>共 {total} 行：{good} 行可导入，{bad} 行有错误。</source>
        <translation>共 {total} 行：{good} 行可导入，{bad} 行有错误。</translation>
    </message>
    <message>
        <source>共 {total} 行，{bad} 行有错误，未导入任何记录。</source>
        <translation>共 {total} 行，{bad} 行有错误，未导入任何记录。</translation>
    </message>
    <message>
        <source>已导入 {good} 人，跳过 {bad} 行。</source>
        <translation>已导入 {good} 人，跳过 {bad} 行。</translation>
    </message>
    <message>
        <source>已忽略未知列：{cols}</source>
        <translation>已忽略未知列：{cols}</translation>
    </message>
    <message>
        <source>被拒绝的行已写入 {file}</source>
        <translation>被拒绝的行已写入 {file}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>收缩压≥{limit}mmHg（{value}）</source>
        <translation>收缩压≥{limit}mmHg（{value}）</translation>
    </message>
    <message>
        <source>舒张压≥{limit}mmHg（{value}）</source>
        <translation>舒张压≥{limit}mmHg（{value}）</translation>
    </message>
    <message>
        <source>血糖≥{limit}mmol/L（{value}）</source>
        <translation>血糖≥{limit}mmol/L（{value}）</translation>
    </message>
    <message>
        <source>血糖≤{limit}mmol/L（{value}）</source>
        <translation>血糖≤{limit}mmol/L（{value}）</translation>
    </message>
    <message>
        <source>持续性心动过速（心率{value}次/分钟）</source>
        <translation>持续性心动过速（心率{value}次/分钟）</translation>
    </message>
    <message>
        <source>体温超过{limit}°C（{value}）</source>
        <translation>体温超过{limit}°C（{value}）</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>搜索内容太长：最多 {limit} 个字（现在是 {length} 个）</source>
        <translation>搜索内容太长：最多 {limit} 个字（现在是 {length} 个）</translation>
    </message>
</context>
<context>
    <name>ServerAddressBox</name>
    <message>
        <source>{upper}同步服务器</source>
        <translation>{upper}同步服务器</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8765</source>
        <translation>例如 http://192.168.1.10:8765</translation>
    </message>
    <message>
        <source>保存服务器地址</source>
        <translation>保存服务器地址</translation>
    </message>
    <message>
        <source>服务器地址：</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>证书指纹（来自{upper}设备卡，每次连接都核对）：{pin}</source>
        <translation>证书指纹（来自{upper}设备卡，每次连接都核对）：{pin}</translation>
    </message>
    <message>
        <source>连接不用证书（http 地址）：同步包本身已加密并签名。若{upper}的设备卡带有证书，在“同步 → 信任对方设备卡…”导入后，本机改用 https 并每次核对证书。</source>
        <translation>连接不用证书（http 地址）：同步包本身已加密并签名。若{upper}的设备卡带有证书，在“同步 → 信任对方设备卡…”导入后，本机改用 https 并每次核对证书。</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <source>同步服务器（各村卫生室连到本机）</source>
        <translation>同步服务器（各村卫生室连到本机）</translation>
    </message>
    <message>
        <source>同步服务器（各乡镇卫生院连到本机）</source>
        <translation>同步服务器（各乡镇卫生院连到本机）</translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>开启服务器</source>
        <translation>开启服务器</translation>
    </message>
    <message>
        <source>停止服务器</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>设置为开启，但端口 {port} 开不了：可能已有程序（如另一个“cunyi serve”）在用它。</source>
        <translation>设置为开启，但端口 {port} 开不了：可能已有程序（如另一个“cunyi serve”）在用它。</translation>
    </message>
    <message>
        <source>各村卫生室</source>
        <translation>各村卫生室</translation>
    </message>
    <message>
        <source>各乡镇卫生院</source>
        <translation>各乡镇卫生院</translation>
    </message>
    <message>
        <source>同步服务器没有开启（详见日志）</source>
        <translation>同步服务器没有开启（详见日志）</translation>
    </message>
    <message>
        <source>正在停止服务器……</source>
        <translation>正在停止服务器……</translation>
    </message>
    <message>
        <source>正在开启服务器……</source>
        <translation>正在开启服务器……</translation>
    </message>
    <message>
        <source>未开启。开启后，{who}在“设置 → 服务器地址”填写本机地址，即可通过网络自动同步；以后打开村医时服务器也会自动开启。</source>
        <translation>未开启。开启后，{who}在“设置 → 服务器地址”填写本机地址，即可通过网络自动同步；以后打开村医时服务器也会自动开启。</translation>
    </message>
    <message>
        <source>{who}的服务器地址填 {url}</source>
        <translation>{who}的服务器地址填 {url}</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>本机没有联网：接上局域网后，{who}的服务器地址填本机的 IP 地址和端口 {port}</source>
        <translation>本机没有联网：接上局域网后，{who}的服务器地址填本机的 IP 地址和端口 {port}</translation>
    </message>
    <message>
        <source>正在接收。{where}。开启以来已收到 {n} 个同步包。</source>
        <translation>正在接收。{where}。开启以来已收到 {n} 个同步包。</translation>
    </message>
    <message>
        <source>同步服务器</source>
        <translation>同步服务器</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>65岁及以上高血压患者的控制目标应为 {choices} 之一</source>
        <translation>65岁及以上高血压患者的控制目标应为 {choices} 之一</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>随访表显示省级扩展项目</source>
        <translation>随访表显示省级扩展项目</translation>
    </message>
    <message>
        <source>用药调整意见、下一步管理措施、转诊联系人及电话、转诊结果、备注</source>
        <translation>用药调整意见、下一步管理措施、转诊联系人及电话、转诊结果、备注</translation>
    </message>
    <message>
        <source>低于 150/90 mmHg（国家基本公共卫生服务规范第三版）</source>
        <translation>低于 150/90 mmHg（国家基本公共卫生服务规范第三版）</translation>
    </message>
    <message>
        <source>低于 140/90 mmHg（与65岁以下相同）</source>
        <translation>低于 140/90 mmHg（与65岁以下相同）</translation>
    </message>
    <message>
        <source>随访建议、趋势图和血压控制率都按此判断；乡镇卫生院与各村应设为一致</source>
        <translation>随访建议、趋势图和血压控制率都按此判断；乡镇卫生院与各村应设为一致</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>保存本机构信息</source>
        <translation>保存本机构信息</translation>
    </message>
    <message>
        <source>本机构信息由本机构的工作人员或管理员修改</source>
        <translation>本机构信息由本机构的工作人员或管理员修改</translation>
    </message>
    <message>
        <source>界面语言（重启后生效）</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>随访表</source>
        <translation>随访表</translation>
    </message>
    <message>
        <source>65岁及以上高血压控制目标</source>
        <translation>65岁及以上高血压控制目标</translation>
    </message>
    <message>
        <source>备份到U盘或文件夹…</source>
        <translation>备份到U盘或文件夹…</translation>
    </message>
    <message>
        <source>每天第一次启动和关闭时自动备份到数据目录的 backups 文件夹（保留7个每日、4个每周备份）。</source>
        <translation>每天第一次启动和关闭时自动备份到数据目录的 backups 文件夹（保留7个每日、4个每周备份）。</translation>
    </message>
    <message>
        <source>只有管理员可以备份到U盘或文件夹</source>
        <translation>只有管理员可以备份到U盘或文件夹</translation>
    </message>
    <message>
        <source>数据库在 PostgreSQL 服务器上：请用服务器自己的备份（如 pg_dump），本程序不备份。</source>
        <translation>数据库在 PostgreSQL 服务器上：请用服务器自己的备份（如 pg_dump），本程序不备份。</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>本次运行使用 {language}（启动时指定）；上面是保存的界面语言。</source>
        <translation>本次运行使用 {language}（启动时指定）；上面是保存的界面语言。</translation>
    </message>
    <message>
        <source>已保存。以后打印的随访卡、转诊单和工作单都使用这些信息。</source>
        <translation>已保存。以后打印的随访卡、转诊单和工作单都使用这些信息。</translation>
    </message>
    <message>
        <source>已保存。界面语言在下次启动时生效。</source>
        <translation>已保存。界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>选择U盘或文件夹</source>
        <translation>选择U盘或文件夹</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>正在备份…</translation>
    </message>
</context>
<context>
    <name>Smi</name>
    <message>
        <source>{name}没有严重精神障碍管理记录</source>
        <translation>{name}没有严重精神障碍管理记录</translation>
    </message>
    <message>
        <source>不能为{name}登记：请与乡镇卫生院精神卫生负责人联系</source>
        <translation>不能为{name}登记：请与乡镇卫生院精神卫生负责人联系</translation>
    </message>
    <message>
        <source>{name}已登记为严重精神障碍管理患者</source>
        <translation>{name}已登记为严重精神障碍管理患者</translation>
    </message>
    <message>
        <source>{label}不能早于出生日期</source>
        <translation>{label}不能早于出生日期</translation>
    </message>
    <message>
        <source>知情同意签字时间不能早于确诊日期</source>
        <translation>知情同意签字时间不能早于确诊日期</translation>
    </message>
    <message>
        <source>{what}不能早于确诊日期{d}</source>
        <translation>{what}不能早于确诊日期{d}</translation>
    </message>
    <message>
        <source>{what}不能早于登记前一年（{d}）；更早的请先在登记表中填写确诊日期</source>
        <translation>{what}不能早于登记前一年（{d}）；更早的请先在登记表中填写确诊日期</translation>
    </message>
    <message>
        <source>{name}目前不在管理中</source>
        <translation>{name}目前不在管理中</translation>
    </message>
    <message>
        <source>随访日期不能早于出生日期</source>
        <translation>随访日期不能早于出生日期</translation>
    </message>
    <message>
        <source>该患者当天已有一次随访记录；如需更正，请先作废原记录</source>
        <translation>该患者当天已有一次随访记录；如需更正，请先作废原记录</translation>
    </message>
    <message>
        <source>下次随访日期应晚于本次随访日期</source>
        <translation>下次随访日期应晚于本次随访日期</translation>
    </message>
    <message>
        <source>下次随访日期最晚为本次随访后一年（{d}）</source>
        <translation>下次随访日期最晚为本次随访后一年（{d}）</translation>
    </message>
    <message>
        <source>危险性评估为 {danger} 级，本次随访分类不能评为“{label}”</source>
        <translation>危险性评估为 {danger} 级，本次随访分类不能评为“{label}”</translation>
    </message>
    <message>
        <source>严重精神障碍随访</source>
        <translation>严重精神障碍随访</translation>
    </message>
    <message>
        <source>{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院</source>
        <translation>{day} 的记录是失访或死亡，管理已因此结束，不能作废；如有错误，请联系乡镇卫生院</translation>
    </message>
    <message>
        <source>随访结果应为 lost（失访）或 died（死亡）</source>
        <translation>随访结果应为 lost（失访）或 died（死亡）</translation>
    </message>
    <message>
        <source>随访日期应在出生之后、今天之前</source>
        <translation>随访日期应在出生之后、今天之前</translation>
    </message>
    <message>
        <source>死亡日期应在出生之后、今天之前</source>
        <translation>死亡日期应在出生之后、今天之前</translation>
    </message>
    <message>
        <source>死亡日期不能晚于随访日期</source>
        <translation>死亡日期不能晚于随访日期</translation>
    </message>
    <message>
        <source>死亡日期不能早于最近一次随访评估（{d}）</source>
        <translation>死亡日期不能早于最近一次随访评估（{d}）</translation>
    </message>
    <message>
        <source>请选择失访原因（1–5）</source>
        <translation>请选择失访原因（1–5）</translation>
    </message>
    <message>
        <source>请选择死亡原因（1–6）</source>
        <translation>请选择死亡原因（1–6）</translation>
    </message>
    <message>
        <source>按本次评估无需转诊</source>
        <translation>按本次评估无需转诊</translation>
    </message>
    <message>
        <source>找不到该随访记录</source>
        <translation>找不到该随访记录</translation>
    </message>
</context>
<context>
    <name>SmiPage</name>
    <message>
        <source>逾期未随访</source>
        <translation>逾期未随访</translation>
    </message>
    <message>
        <source>7天内到期</source>
        <translation>7天内到期</translation>
    </message>
    <message>
        <source>全部在管患者</source>
        <translation>全部在管患者</translation>
    </message>
    <message>
        <source>登记患者</source>
        <translation>登记患者</translation>
    </message>
    <message>
        <source>录入随访 (Enter)</source>
        <translation>录入随访 (Enter)</translation>
    </message>
    <message>
        <source>选中患者的最近一次随访；未选中时打印空白表</source>
        <translation>选中患者的最近一次随访；未选中时打印空白表</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>随访表</source>
        <translation>随访表</translation>
    </message>
    <message>
        <source>个人信息补充表</source>
        <translation>个人信息补充表</translation>
    </message>
    <message>
        <source>选中患者的个人信息补充表（登记时填写）；未选中时打印空白表</source>
        <translation>选中患者的个人信息补充表（登记时填写）；未选中时打印空白表</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>责任医生</source>
        <translation>责任医生</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>上次随访</translation>
    </message>
    <message>
        <source>上次分类</source>
        <translation>上次分类</translation>
    </message>
    <message>
        <source>应随访日期</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>未随访</source>
        <translation>未随访</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>共 {n} 人</translation>
    </message>
    <message>
        <source>专项随访表</source>
        <translation>专项随访表</translation>
    </message>
    <message>
        <source>专项补充表</source>
        <translation>专项补充表</translation>
    </message>
</context>
<context>
    <name>SmiRegisterDialog</name>
    <message>
        <source>登记患者</source>
        <translation>登记患者</translation>
    </message>
    <message>
        <source>姓名、17位档案编号或后8位</source>
        <translation>姓名、17位档案编号或后8位</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SmiVisitDialog</name>
    <message>
        <source>专项随访 — {name}</source>
        <translation>专项随访 — {name}</translation>
    </message>
    <message>
        <source>已随访</source>
        <translation>已随访</translation>
    </message>
    <message>
        <source>失访</source>
        <translation>失访</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>随访结果</source>
        <translation>随访结果</translation>
    </message>
    <message>
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>随访日期</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>失访原因</source>
        <translation>失访原因</translation>
    </message>
    <message>
        <source>死亡日期</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <source>死亡原因</source>
        <translation>死亡原因</translation>
    </message>
    <message>
        <source>开转诊单…</source>
        <translation>开转诊单…</translation>
    </message>
    <message>
        <source>评估为不稳定时，先起草转诊单（随访仍需保存）</source>
        <translation>评估为不稳定时，先起草转诊单（随访仍需保存）</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>失访或死亡：保存后该患者转出在管名单</source>
        <translation>失访或死亡：保存后该患者转出在管名单</translation>
    </message>
    <message>
        <source>填写随访日期和危险性评估后给出分类建议</source>
        <translation>填写随访日期和危险性评估后给出分类建议</translation>
    </message>
    <message>
        <source>建议：{suggested}；医生判为{cls}，下次随访 {date}</source>
        <translation>建议：{suggested}；医生判为{cls}，下次随访 {date}</translation>
    </message>
    <message>
        <source>建议：{cls}，下次随访 {date}</source>
        <translation>建议：{cls}，下次随访 {date}</translation>
    </message>
    <message>
        <source>；立即转诊到上级医院，2周内了解情况</source>
        <translation>；立即转诊到上级医院，2周内了解情况</translation>
    </message>
    <message>
        <source>；危险性 3 级以上：必要时报告公安机关</source>
        <translation>；危险性 3 级以上：必要时报告公安机关</translation>
    </message>
    <message>
        <source>；请精神专科医生指导</source>
        <translation>；请精神专科医生指导</translation>
    </message>
    <message>
        <source>自知力</source>
        <translation>自知力</translation>
    </message>
    <message>
        <source>社会功能</source>
        <translation>社会功能</translation>
    </message>
    <message>
        <source>；{what}未评估，评估后才能判为稳定</source>
        <translation>；{what}未评估，评估后才能判为稳定</translation>
    </message>
    <message>
        <source>立即转诊</source>
        <translation>立即转诊</translation>
    </message>
    <message>
        <source>评估为不稳定，应立即转诊到上级医院。是否开具转诊单？</source>
        <translation>评估为不稳定，应立即转诊到上级医院。是否开具转诊单？</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>村医未能打开</source>
        <translation>村医未能打开</translation>
    </message>
</context>
<context>
    <name>StoreCopy</name>
    <message>
        <source>连不上数据库 {url}：数据库服务器没有开、地址或端口不对，或用户名、密码、数据库名不对（详见日志）</source>
        <translation>连不上数据库 {url}：数据库服务器没有开、地址或端口不对，或用户名、密码、数据库名不对（详见日志）</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏，打不开。请把它移到别处（留作检查），用 cunyi init 以原来的代码重新设置本机，再用 cunyi restore 备份文件 --force-other-device 恢复最近的备份：本机将换用新的设备身份，请让乡镇卫生院重新信任本机的设备卡</source>
        <translation>数据库文件 {path} 已损坏，打不开。请把它移到别处（留作检查），用 cunyi init 以原来的代码重新设置本机，再用 cunyi restore 备份文件 --force-other-device 恢复最近的备份：本机将换用新的设备身份，请让乡镇卫生院重新信任本机的设备卡</translation>
    </message>
    <message>
        <source>数据库文件 {path} 所在的磁盘已满，打不开：请腾出磁盘空间（删除不用的文件）后再试，已保存的数据没有丢失</source>
        <translation>数据库文件 {path} 所在的磁盘已满，打不开：请腾出磁盘空间（删除不用的文件）后再试，已保存的数据没有丢失</translation>
    </message>
    <message>
        <source>打不开数据库文件 {path}：那里不是一个可读写的文件（是文件夹、没有权限，或所在的磁盘不可写），详见日志</source>
        <translation>打不开数据库文件 {path}：那里不是一个可读写的文件（是文件夹、没有权限，或所在的磁盘不可写），详见日志</translation>
    </message>
    <message>
        <source>读写数据库文件 {path} 时出错（磁盘或文件系统的故障，详见日志）：请检查磁盘，必要时从备份恢复</source>
        <translation>读写数据库文件 {path} 时出错（磁盘或文件系统的故障，详见日志）：请检查磁盘，必要时从备份恢复</translation>
    </message>
    <message>
        <source>只能从本机的 SQLite 数据库迁出（当前数据库：{url}）</source>
        <translation>只能从本机的 SQLite 数据库迁出（当前数据库：{url}）</translation>
    </message>
    <message>
        <source>村卫生室的数据只存在本机的 SQLite 数据库中：只有乡镇的数据库可以迁到服务器</source>
        <translation>村卫生室的数据只存在本机的 SQLite 数据库中：只有乡镇的数据库可以迁到服务器</translation>
    </message>
    <message>
        <source>这个 SQLite 文件的数据已经迁到 PostgreSQL 服务器，此后的修改都在服务器上：不能再从它迁出（那会用旧数据顶替新数据）。服务器上的数据库要换服务器，请用 PostgreSQL 的 pg_dump 和 pg_restore</source>
        <translation>这个 SQLite 文件的数据已经迁到 PostgreSQL 服务器，此后的修改都在服务器上：不能再从它迁出（那会用旧数据顶替新数据）。服务器上的数据库要换服务器，请用 PostgreSQL 的 pg_dump 和 pg_restore</translation>
    </message>
    <message>
        <source>目标必须是 PostgreSQL 数据库（postgresql+psycopg://用户@主机/库名），不是 {url}</source>
        <translation>目标必须是 PostgreSQL 数据库（postgresql+psycopg://用户@主机/库名），不是 {url}</translation>
    </message>
    <message>
        <source>数据库地址 {url} 读不通：用户名或密码里的 @ : / # ? % &amp; 等字符要按网址的规则写（如 @ 写作 %40，: 写作 %3A，/ 写作 %2F，# 写作 %23，? 写作 %3F，% 写作 %25，&amp; 写作 %26）</source>
        <translation>数据库地址 {url} 读不通：用户名或密码里的 @ : / # ? % &amp; 等字符要按网址的规则写（如 @ 写作 %40，: 写作 %3A，/ 写作 %2F，# 写作 %23，? 写作 %3F，% 写作 %25，&amp; 写作 %26）</translation>
    </message>
    <message>
        <source>数据库账户 {user} 在 {url} 没有{what}的权限：请数据库管理员授予它这个数据库的权限，或换用有权限的账户</source>
        <translation>数据库账户 {user} 在 {url} 没有{what}的权限：请数据库管理员授予它这个数据库的权限，或换用有权限的账户</translation>
    </message>
    <message>
        <source>读写数据</source>
        <translation>读写数据</translation>
    </message>
    <message>
        <source>建表</source>
        <translation>建表</translation>
    </message>
    <message>
        <source>写入数据</source>
        <translation>写入数据</translation>
    </message>
    <message>
        <source>核对失败：表 {table} 原有 {want} 行，迁移后 {got} 行，或内容不一致；目标数据库未作改动</source>
        <translation>核对失败：表 {table} 原有 {want} 行，迁移后 {got} 行，或内容不一致；目标数据库未作改动</translation>
    </message>
    <message>
        <source>表 {table} 中记录 {row} 的 {column} 含有 PostgreSQL 无法保存的字符（U+0000）：请先在原数据库中更正这条记录；目标数据库未作改动</source>
        <translation>表 {table} 中记录 {row} 的 {column} 含有 PostgreSQL 无法保存的字符（U+0000）：请先在原数据库中更正这条记录；目标数据库未作改动</translation>
    </message>
    <message>
        <source>表 {table} 的数据无法存入 PostgreSQL：{reason}；目标数据库未作改动</source>
        <translation>表 {table} 的数据无法存入 PostgreSQL：{reason}；目标数据库未作改动</translation>
    </message>
    <message>
        <source>目标数据库 {url} 已有数据：请用一个新建的空数据库</source>
        <translation>目标数据库 {url} 已有数据：请用一个新建的空数据库</translation>
    </message>
    <message>
        <source>磁盘空间已满：刚才的操作未完成，已保存的数据没有丢失。请腾出磁盘空间（删除不用的文件）后再试</source>
        <translation>磁盘空间已满：刚才的操作未完成，已保存的数据没有丢失。请腾出磁盘空间（删除不用的文件）后再试</translation>
    </message>
    <message>
        <source>数据库正被另一个窗口或程序写入（如导入、备份），等了 {seconds} 秒仍没轮到：刚才的操作未保存，请稍后再试</source>
        <translation>数据库正被另一个窗口或程序写入（如导入、备份），等了 {seconds} 秒仍没轮到：刚才的操作未保存，请稍后再试</translation>
    </message>
    <message>
        <source>与数据库服务器的连接中断（服务器停止或网络断开）：刚才的操作未保存，请稍后再试</source>
        <translation>与数据库服务器的连接中断（服务器停止或网络断开）：刚才的操作未保存，请稍后再试</translation>
    </message>
    <message>
        <source>数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）：刚才的操作未保存。请在数据库地址中使用有写入权限的账户</source>
        <translation>数据库服务器不允许这个数据库账户写入（只读账户或只读服务器）：刚才的操作未保存。请在数据库地址中使用有写入权限的账户</translation>
    </message>
    <message>
        <source>村医正在另一个窗口或程序中使用这个数据库（村医主窗口、cunyi serve 或另一条命令），{doing}未进行：它会换掉数据库文件，那边随后保存的内容都会丢失。请先关闭它们，再重试</source>
        <translation>村医正在另一个窗口或程序中使用这个数据库（村医主窗口、cunyi serve 或另一条命令），{doing}未进行：它会换掉数据库文件，那边随后保存的内容都会丢失。请先关闭它们，再重试</translation>
    </message>
    <message>
        <source>数据库 {url} 里已有别的程序的数据表（{tables}），不是村医的数据库，未作任何改动：请核对数据库地址，或为村医新建一个空数据库</source>
        <translation>数据库 {url} 里已有别的程序的数据表（{tables}），不是村医的数据库，未作任何改动：请核对数据库地址，或为村医新建一个空数据库</translation>
    </message>
    <message>
        <source>这个数据库文件已迁到 PostgreSQL 服务器，不再写入，刚才的操作未保存：请关闭村医（及 cunyi serve）后重新打开，今后使用服务器上的数据库</source>
        <translation>这个数据库文件已迁到 PostgreSQL 服务器，不再写入，刚才的操作未保存：请关闭村医（及 cunyi serve）后重新打开，今后使用服务器上的数据库</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>加密数据库</source>
        <translation>加密数据库</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>同步包解开后远大于正常的大小（超过 {limit} MB），未导入：文件被改动过，或不是村医写出的</source>
        <translation>同步包解开后远大于正常的大小（超过 {limit} MB），未导入：文件被改动过，或不是村医写出的</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{name} 不是村医同步包，或文件头已损坏</source>
        <translation>{name} 不是村医同步包，或文件头已损坏</translation>
    </message>
    <message>
        <source>签名不符：文件被改动过，或不是该设备发出的</source>
        <translation>签名不符：文件被改动过，或不是该设备发出的</translation>
    </message>
    <message>
        <source>文件末尾多出 {extra} 字节：文件被改动过，或与别的文件拼接在了一起</source>
        <translation>文件末尾多出 {extra} 字节：文件被改动过，或与别的文件拼接在了一起</translation>
    </message>
    <message>
        <source>文件不完整（{got} 字节，应为 {want} 字节）：可能拷贝时U盘被拔出</source>
        <translation>文件不完整（{got} 字节，应为 {want} 字节）：可能拷贝时U盘被拔出</translation>
    </message>
    <message>
        <source>文件内容已损坏或被改动（校验值不符）</source>
        <translation>文件内容已损坏或被改动（校验值不符）</translation>
    </message>
    <message>
        <source>同步包内容不合格，整包未导入：{entity} {row} 的 {field} 含有无法识别的字符（U+{code}）</source>
        <translation>同步包内容不合格，整包未导入：{entity} {row} 的 {field} 含有无法识别的字符（U+{code}）</translation>
    </message>
    <message>
        <source>无法解密：文件已损坏，或不是发给本机密钥的</source>
        <translation>无法解密：文件已损坏，或不是发给本机密钥的</translation>
    </message>
    <message>
        <source>冲突编号应为十六进制数字（0-9、a-f）：{ref}</source>
        <translation>冲突编号应为十六进制数字（0-9、a-f）：{ref}</translation>
    </message>
    <message>
        <source>没有未处理的冲突 {ref}</source>
        <translation>没有未处理的冲突 {ref}</translation>
    </message>
    <message>
        <source>有 {n} 个冲突以 {ref} 开头，请多输入几位</source>
        <translation>有 {n} 个冲突以 {ref} 开头，请多输入几位</translation>
    </message>
    <message>
        <source>冲突和重复档案由乡镇卫生院处理</source>
        <translation>冲突和重复档案由乡镇卫生院处理</translation>
    </message>
    <message>
        <source>该冲突不存在或已处理</source>
        <translation>该冲突不存在或已处理</translation>
    </message>
    <message>
        <source>该冲突不能这样处理</source>
        <translation>该冲突不能这样处理</translation>
    </message>
    <message>
        <source>不能只换回{field}：换回后{wrong}与档案的身份证号、出生日期、性别不一致。请在档案中一并改正，再将此冲突处理为保留现值</source>
        <translation>不能只换回{field}：换回后{wrong}与档案的身份证号、出生日期、性别不一致。请在档案中一并改正，再将此冲突处理为保留现值</translation>
    </message>
    <message>
        <source>疑似重复档案在审核中处理：决定是否同一人、保留哪一份，决定会告知相关村卫生室（cunyi review decide {key} --decision … --reason …）</source>
        <translation>疑似重复档案在审核中处理：决定是否同一人、保留哪一份，决定会告知相关村卫生室（cunyi review decide {key} --decision … --reason …）</translation>
    </message>
    <message>
        <source>文件夹不存在：{path}</source>
        <translation>文件夹不存在：{path}</translation>
    </message>
    <message>
        <source>设备 {name} 已被撤销信任，不再向它导出</source>
        <translation>设备 {name} 已被撤销信任，不再向它导出</translation>
    </message>
    <message>
        <source>还没有信任任何设备：请先核对指纹并导入对方的设备卡</source>
        <translation>还没有信任任何设备：请先核对指纹并导入对方的设备卡</translation>
    </message>
    <message>
        <source>对方已有全部变更，无需导出</source>
        <translation>对方已有全部变更，无需导出</translation>
    </message>
    <message>
        <source>找不到文件或文件夹：{path}</source>
        <translation>找不到文件或文件夹：{path}</translation>
    </message>
    <message>
        <source>这是发给其他设备的同步包，未导入</source>
        <translation>这是发给其他设备的同步包，未导入</translation>
    </message>
    <message>
        <source>此同步包已导入过，跳过</source>
        <translation>此同步包已导入过，跳过</translation>
    </message>
    <message>
        <source>发送设备 {device} 未受信任：请先核对指纹并导入它的设备卡，再从隔离区导入</source>
        <translation>发送设备 {device} 未受信任：请先核对指纹并导入它的设备卡，再从隔离区导入</translation>
    </message>
    <message>
        <source>发送设备 {name} 已被撤销信任，拒绝导入</source>
        <translation>发送设备 {name} 已被撤销信任，拒绝导入</translation>
    </message>
    <message>
        <source>同步包来自更新版本的村医（数据结构 {schema}），请先将本机村医更新到最新版本</source>
        <translation>同步包来自更新版本的村医（数据结构 {schema}），请先将本机村医更新到最新版本</translation>
    </message>
    <message>
        <source>导入时出错，未做任何更改（详见日志）</source>
        <translation>导入时出错，未做任何更改（详见日志）</translation>
    </message>
    <message>
        <source>同步包文件在导入过程中被改动，已停止：请重新导入</source>
        <translation>同步包文件在导入过程中被改动，已停止：请重新导入</translation>
    </message>
    <message>
        <source>导入中途出错（详见日志）：已导入的部分保留，再次导入这个同步包会从中断处继续</source>
        <translation>导入中途出错（详见日志）：已导入的部分保留，再次导入这个同步包会从中断处继续</translation>
    </message>
    <message>
        <source>{name} 的电脑时钟比本机快约 {days} 天：请核对两台电脑的日期和时间</source>
        <translation>{name} 的电脑时钟比本机快约 {days} 天：请核对两台电脑的日期和时间</translation>
    </message>
    <message>
        <source>设备密钥已用口令保护：请输入口令（或设置环境变量 CUNYI_KEY_PASSPHRASE）</source>
        <translation>设备密钥已用口令保护：请输入口令（或设置环境变量 CUNYI_KEY_PASSPHRASE）</translation>
    </message>
    <message>
        <source>设备密钥口令不正确</source>
        <translation>设备密钥口令不正确</translation>
    </message>
    <message>
        <source>口令至少8个字符</source>
        <translation>口令至少8个字符</translation>
    </message>
    <message>
        <source>本机设备密钥不存在：{path}（请从备份恢复，或重新初始化）</source>
        <translation>本机设备密钥不存在：{path}（请从备份恢复，或重新初始化）</translation>
    </message>
    <message>
        <source>本数据目录的设备密钥（指纹 {have}）不是这个数据库的设备密钥（指纹 {want}），用它们签发的同步包会被对方拒收：请把最初初始化这个数据库的电脑上的 keys 文件夹复制到 {path}</source>
        <translation>本数据目录的设备密钥（指纹 {have}）不是这个数据库的设备密钥（指纹 {want}），用它们签发的同步包会被对方拒收：请把最初初始化这个数据库的电脑上的 keys 文件夹复制到 {path}</translation>
    </message>
    <message>
        <source>找不到设备卡文件：{path}</source>
        <translation>找不到设备卡文件：{path}</translation>
    </message>
    <message>
        <source>{path} 不是村医设备卡，或文件已损坏</source>
        <translation>{path} 不是村医设备卡，或文件已损坏</translation>
    </message>
    <message>
        <source>本机设备密钥文件已损坏，无法读取：{path}。请把 keys 文件夹的副本复制回数据文件夹；没有副本时，请联系乡镇卫生院，把本机作为新设备重新设置</source>
        <translation>本机设备密钥文件已损坏，无法读取：{path}。请把 keys 文件夹的副本复制回数据文件夹；没有副本时，请联系乡镇卫生院，把本机作为新设备重新设置</translation>
    </message>
    <message>
        <source>本数据文件夹没有设备密钥（{path}）：这个数据库在服务器上，由第一台工作站初始化，各工作站共用它的设备密钥。请把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹</source>
        <translation>本数据文件夹没有设备密钥（{path}）：这个数据库在服务器上，由第一台工作站初始化，各工作站共用它的设备密钥。请把第一台工作站数据文件夹里的 keys 文件夹复制到本机的数据文件夹</translation>
    </message>
    <message>
        <source>设备卡的指纹与其中的密钥不符：文件被改动过，不能信任</source>
        <translation>设备卡的指纹与其中的密钥不符：文件被改动过，不能信任</translation>
    </message>
    <message>
        <source>这张设备卡没有签名（较早版本导出的）：请让对方用现在的版本重新导出设备卡</source>
        <translation>这张设备卡没有签名（较早版本导出的）：请让对方用现在的版本重新导出设备卡</translation>
    </message>
    <message>
        <source>设备卡上写的设备、单位或地点（{code} {name}）与卡的签名不符：卡被改动过，未信任。请让对方重新导出设备卡，并打电话核对指纹</source>
        <translation>设备卡上写的设备、单位或地点（{code} {name}）与卡的签名不符：卡被改动过，未信任。请让对方重新导出设备卡，并打电话核对指纹</translation>
    </message>
    <message>
        <source>设备卡上的服务器地址或证书指纹被改动过，不能信任</source>
        <translation>设备卡上的服务器地址或证书指纹被改动过，不能信任</translation>
    </message>
    <message>
        <source>这是本机自己的设备卡</source>
        <translation>这是本机自己的设备卡</translation>
    </message>
    <message>
        <source>设备卡上的单位代码“{code}”无效，未信任</source>
        <translation>设备卡上的单位代码“{code}”无效，未信任</translation>
    </message>
    <message>
        <source>本村只与所属乡镇卫生院（{town}）同步，这张卡是 {code} {name}</source>
        <translation>本村只与所属乡镇卫生院（{town}）同步，这张卡是 {code} {name}</translation>
    </message>
    <message>
        <source>本乡镇只与所辖村卫生室和所属县（{county}）同步，这张卡是 {code} {name}</source>
        <translation>本乡镇只与所辖村卫生室和所属县（{county}）同步，这张卡是 {code} {name}</translation>
    </message>
    <message>
        <source>本县只与所辖乡镇卫生院同步，这张卡是村卫生室 {code} {name}：村卫生室与所属乡镇卫生院同步</source>
        <translation>本县只与所辖乡镇卫生院同步，这张卡是村卫生室 {code} {name}：村卫生室与所属乡镇卫生院同步</translation>
    </message>
    <message>
        <source>本县只与所辖乡镇卫生院同步，这张卡是 {code} {name}（不属于本县 {county}）</source>
        <translation>本县只与所辖乡镇卫生院同步，这张卡是 {code} {name}（不属于本县 {county}）</translation>
    </message>
    <message>
        <source>设备 {code} {name} 已于 {date} 被撤销信任，不能凭原来的设备卡再次信任：它的密钥可能已不安全。那台电脑需以新的设备身份重新设置（如在一个新的数据文件夹中用 cunyi restore 恢复它的备份），再核对并导入它的新设备卡</source>
        <translation>设备 {code} {name} 已于 {date} 被撤销信任，不能凭原来的设备卡再次信任：它的密钥可能已不安全。那台电脑需以新的设备身份重新设置（如在一个新的数据文件夹中用 cunyi restore 恢复它的备份），再核对并导入它的新设备卡</translation>
    </message>
    <message>
        <source>设备 {code} {name} 已以另一组密钥登记，这张卡的密钥与之不符，未信任：请先打电话核对指纹。换了电脑或重装的，会以新的设备身份出现，它的新卡可以直接信任</source>
        <translation>设备 {code} {name} 已以另一组密钥登记，这张卡的密钥与之不符，未信任：请先打电话核对指纹。换了电脑或重装的，会以新的设备身份出现，它的新卡可以直接信任</translation>
    </message>
    <message>
        <source>设备 {device} 已作为 {old_code} {old_name} 受信任，这张卡却写着 {code} {name}，未信任：一台电脑只属于一个单位。换了单位的电脑需以新的设备身份重新设置，再核对并导入它的新设备卡</source>
        <translation>设备 {device} 已作为 {old_code} {old_name} 受信任，这张卡却写着 {code} {name}，未信任：一台电脑只属于一个单位。换了单位的电脑需以新的设备身份重新设置，再核对并导入它的新设备卡</translation>
    </message>
    <message>
        <source>这张卡的密钥已属于设备 {device}（{code} {name}），未信任：每台电脑有自己的密钥，请打电话核对指纹，并向对方要它本机导出的设备卡</source>
        <translation>这张卡的密钥已属于设备 {device}（{code} {name}），未信任：每台电脑有自己的密钥，请打电话核对指纹，并向对方要它本机导出的设备卡</translation>
    </message>
    <message>
        <source>“{ref}”对应多台设备（{devices}），请用设备编号指明其中一台</source>
        <translation>“{ref}”对应多台设备（{devices}），请用设备编号指明其中一台</translation>
    </message>
    <message>
        <source>没有找到设备“{ref}”</source>
        <translation>没有找到设备“{ref}”</translation>
    </message>
    <message>
        <source>“{key}”不是有效的 age 公钥（应以 age1 开头）</source>
        <translation>“{key}”不是有效的 age 公钥（应以 age1 开头）</translation>
    </message>
    <message>
        <source>{sender} 的电脑时钟有误：同步包里的时间是 {clock}，比本机的 {mine} 快一天以上。请把 {sender} 电脑的日期和时间改正后重新导出；本机未做任何更改</source>
        <translation>{sender} 的电脑时钟有误：同步包里的时间是 {clock}，比本机的 {mine} 快一天以上。请把 {sender} 电脑的日期和时间改正后重新导出；本机未做任何更改</translation>
    </message>
    <message>
        <source>同步包的清单无效（{field}），整包未导入</source>
        <translation>同步包的清单无效（{field}），整包未导入</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row} 的变更来源是设备 {origin}，而村卫生室 {sender} 只能发送本机做的变更</source>
        <translation>同步包越权，整包未导入：{entity} {row} 的变更来源是设备 {origin}，而村卫生室 {sender} 只能发送本机做的变更</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）在本机属于 {scope}，超出 {sender} 的范围</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）在本机属于 {scope}，超出 {sender} 的范围</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）按其内容属于 {scope}，超出 {sender} 的范围</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）按其内容属于 {scope}，超出 {sender} 的范围</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）标明属于 {scope}，超出 {sender} 的范围</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）标明属于 {scope}，超出 {sender} 的范围</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 发来未知类型的记录 {entity} {row}（来源设备 {origin}）</source>
        <translation>同步包越权，整包未导入：{sender} 发来未知类型的记录 {entity} {row}（来源设备 {origin}）</translation>
    </message>
    <message>
        <source>{sender} 的电脑时钟可能有误，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope}，晚于本机的今天。请在 {sender} 改正这条记录的日期（随访、体检记录可作废后按正确日期重录），改正电脑的日期和时间后重新导出；本机未做任何更改</source>
        <translation>{sender} 的电脑时钟可能有误，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope}，晚于本机的今天。请在 {sender} 改正这条记录的日期（随访、体检记录可作废后按正确日期重录），改正电脑的日期和时间后重新导出；本机未做任何更改</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 声称已收到设备 {origin} 的第 {hw} 号变更，而本机只有到第 {held} 号</source>
        <translation>同步包越权，整包未导入：{sender} 声称已收到设备 {origin} 的第 {hw} 号变更，而本机只有到第 {held} 号</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 声称本包带有它第 {lo}–{hi} 号变更，实际只带到第 {carried} 号</source>
        <translation>同步包越权，整包未导入：{sender} 声称本包带有它第 {lo}–{hi} 号变更，实际只带到第 {carried} 号</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 无权修改 {entity} 类记录（{row}，来源设备 {origin}）</source>
        <translation>同步包越权，整包未导入：{sender} 无权修改 {entity} 类记录（{row}，来源设备 {origin}）</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）指向属于 {scope} 的记录，与它自己所属的村不符，或超出 {sender} 的范围</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）指向属于 {scope} 的记录，与它自己所属的村不符，或超出 {sender} 的范围</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）属于 {scope}，不该由 {sender} 发给本机</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）属于 {scope}，不该由 {sender} 发给本机</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 无权修改 {entity} {row} 的 {scope}（由乡镇卫生院维护；来源设备 {origin}）</source>
        <translation>同步包越权，整包未导入：{sender} 无权修改 {entity} {row} 的 {scope}（由乡镇卫生院维护；来源设备 {origin}）</translation>
    </message>
    <message>
        <source>同步包内容不合格，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope} 不符合要求</source>
        <translation>同步包内容不合格，整包未导入：{entity} {row}（来源设备 {origin}）的 {scope} 不符合要求</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row} 的变更来源是另一乡镇的设备 {origin}，{sender} 不能代为转交</source>
        <translation>同步包越权，整包未导入：{entity} {row} 的变更来源是另一乡镇的设备 {origin}，{sender} 不能代为转交</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row} 是整库快照里的一行，来源却写作设备 {origin}，不是发送方 {sender}</source>
        <translation>同步包越权，整包未导入：{entity} {row} 是整库快照里的一行，来源却写作设备 {origin}，不是发送方 {sender}</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的档案编号 {scope} 不是 {sender} 能编的号：编号应以居民所在村的代码开头，村卫生室编的序号在 {first} 以下</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的档案编号 {scope} 不是 {sender} 能编的号：编号应以居民所在村的代码开头，村卫生室编的序号在 {first} 以下</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 要删除 {entity} {row}（来源设备 {origin}）；这类记录不能删除，只能作废</source>
        <translation>同步包越权，整包未导入：{sender} 要删除 {entity} {row}（来源设备 {origin}）；这类记录不能删除，只能作废</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的变更盖着 {scope} 一台设备的时钟，冒充别处的修改</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）的变更盖着 {scope} 一台设备的时钟，冒充别处的修改</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改已有记录的 {scope}；这类记录建好后不能修改（有错请作废后重录，或录一条更正）</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改已有记录的 {scope}；这类记录建好后不能修改（有错请作废后重录，或录一条更正）</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改或删除一条已有的审计日志；审计日志只能追加，不能修改</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）要修改或删除一条已有的审计日志；审计日志只能追加，不能修改</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）记在设备 {scope} 名下；每台设备只能以自己的名义记审计日志</source>
        <translation>同步包越权，整包未导入：{entity} {row}（来源设备 {origin}）记在设备 {scope} 名下；每台设备只能以自己的名义记审计日志</translation>
    </message>
    <message>
        <source>同步包内容不合格，整包未导入：第 {position} 条更改的 {key} 格式不对（{sender} 发来）</source>
        <translation>同步包内容不合格，整包未导入：第 {position} 条更改的 {key} 格式不对（{sender} 发来）</translation>
    </message>
    <message>
        <source>{label}（{key} {value}）</source>
        <translation>{label}（{key} {value}）</translation>
    </message>
    <message>
        <source>{label}（{key}）</source>
        <translation>{label}（{key}）</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：县级 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，但县级只发送确认</source>
        <translation>同步包越权，整包未导入：县级 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，但县级只发送确认</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 声称转交另一乡镇 {origin} 的第 {lo}–{hi} 号变更</source>
        <translation>同步包越权，整包未导入：{sender} 声称转交另一乡镇 {origin} 的第 {lo}–{hi} 号变更</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：村卫生室 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，但它只能代表本机</source>
        <translation>同步包越权，整包未导入：村卫生室 {sender} 声称转交设备 {origin} 的第 {lo}–{hi} 号变更，但它只能代表本机</translation>
    </message>
    <message>
        <source>{sender} 的电脑时钟可能有误：同步包的发送时间是 {clock}，比本机知道的最新时间 {mine} 晚一年以上，未导入。请核对 {sender} 电脑的日期和时间；若是本机的日期有误，请改正后重新导入。本机未做任何更改</source>
        <translation>{sender} 的电脑时钟可能有误：同步包的发送时间是 {clock}，比本机知道的最新时间 {mine} 晚一年以上，未导入。请核对 {sender} 电脑的日期和时间；若是本机的日期有误，请改正后重新导入。本机未做任何更改</translation>
    </message>
    <message>
        <source>同步包越权，整包未导入：{sender} 发来整库快照，只有乡镇卫生院能发送快照</source>
        <translation>同步包越权，整包未导入：{sender} 发来整库快照，只有乡镇卫生院能发送快照</translation>
    </message>
    <message>
        <source>同步包未导入：{reason}。本机未做任何更改</source>
        <translation>同步包未导入：{reason}。本机未做任何更改</translation>
    </message>
    <message>
        <source>导入中途停止：{reason}。已导入的部分保留，问题解决后再次导入这个同步包会从中断处继续</source>
        <translation>导入中途停止：{reason}。已导入的部分保留，问题解决后再次导入这个同步包会从中断处继续</translation>
    </message>
    <message>
        <source>来自 {sender} 的同步包导入到一半中断了（{at} 开始，已导入 {done} 条）：请把同一个文件再导入一次，会从中断处接着导入</source>
        <translation>来自 {sender} 的同步包导入到一半中断了（{at} 开始，已导入 {done} 条）：请把同一个文件再导入一次，会从中断处接着导入</translation>
    </message>
    <message>
        <source>{sender} 最近发来的同步包被本机拒收（{at}），之后没有收到过能导入的：问题解决前，它以后的同步包也会被拒收。原因见“同步”页的记录</source>
        <translation>{sender} 最近发来的同步包被本机拒收（{at}），之后没有收到过能导入的：问题解决前，它以后的同步包也会被拒收。原因见“同步”页的记录</translation>
    </message>
    <message>
        <source>对方拒收了这个同步包。对方的说明：{reason}</source>
        <translation>对方拒收了这个同步包。对方的说明：{reason}</translation>
    </message>
    <message>
        <source>{peer} 于 {at} 拒收了本机 {sent} 导出的同步包 {number}。对方的说明：{reason}。问题解决前，本机以后的同步包也可能被拒收：请按说明处理，或与对方核对</source>
        <translation>{peer} 于 {at} 拒收了本机 {sent} 导出的同步包 {number}。对方的说明：{reason}。问题解决前，本机以后的同步包也可能被拒收：请按说明处理，或与对方核对</translation>
    </message>
    <message>
        <source>本机已记录的时间比现在的时钟晚约 {days} 天：若电脑的日期和时间不对（被调回或电池没电），请校准；若现在是对的，那是先前时钟走快时记下的，下次导出同步包时会改正</source>
        <translation>本机已记录的时间比现在的时钟晚约 {days} 天：若电脑的日期和时间不对（被调回或电池没电），请校准；若现在是对的，那是先前时钟走快时记下的，下次导出同步包时会改正</translation>
    </message>
    <message>
        <source>本机日期 {pc} 比最近一次同步时乡镇卫生院的日期 {town} 晚 {days} 天：如果电脑日期不对请改正，并尽快与乡镇卫生院同步；在此之前随访日期最晚只能填 {today}</source>
        <translation>本机日期 {pc} 比最近一次同步时乡镇卫生院的日期 {town} 晚 {days} 天：如果电脑日期不对请改正，并尽快与乡镇卫生院同步；在此之前随访日期最晚只能填 {today}</translation>
    </message>
    <message>
        <source>县级只查阅和统计各乡镇同步上来的档案，不能在县级修改记录：请由所属乡镇卫生院或村卫生室修改，修改会随下次同步上报</source>
        <translation>县级只查阅和统计各乡镇同步上来的档案，不能在县级修改记录：请由所属乡镇卫生院或村卫生室修改，修改会随下次同步上报</translation>
    </message>
    <message>
        <source>只能为受信任的村卫生室设备或所属县生成全量同步包</source>
        <translation>只能为受信任的村卫生室设备或所属县生成全量同步包</translation>
    </message>
    <message>
        <source>档案编号重复，整包未导入：{sender} 发来的两份档案 {name} 和 {holder}，档案编号都是 {number}。本机未做任何更改</source>
        <translation>档案编号重复，整包未导入：{sender} 发来的两份档案 {name} 和 {holder}，档案编号都是 {number}。本机未做任何更改</translation>
    </message>
    <message>
        <source>档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，而 {holder} 已用了这个编号{more}。本机未做任何更改</source>
        <translation>档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，而 {holder} 已用了这个编号{more}。本机未做任何更改</translation>
    </message>
    <message>
        <source>档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，而 {holder} 已用了这个编号{more}。若 {sender} 是村里新换的电脑：请导出同步包交给它导入（联网同步时自动完成），它会给自己新建、还没送出的档案改用没人用过的编号，之后发来的同步包就能导入。本机未做任何更改</source>
        <translation>档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，而 {holder} 已用了这个编号{more}。若 {sender} 是村里新换的电脑：请导出同步包交给它导入（联网同步时自动完成），它会给自己新建、还没送出的档案改用没人用过的编号，之后发来的同步包就能导入。本机未做任何更改</translation>
    </message>
    <message>
        <source>（来源设备 {origin}）</source>
        <translation>（来源设备 {origin}）</translation>
    </message>
    <message>
        <source>（共 {n} 份档案的编号这样重复）</source>
        <translation>（共 {n} 份档案的编号这样重复）</translation>
    </message>
    <message>
        <source>本机新建的 {n} 份档案所用的编号，村里另一台电脑已经用过，已改用没人用过的新编号：
{renumbered}{more}
按旧编号打印过的随访卡或档案，请重新打印</source>
        <translation>本机新建的 {n} 份档案所用的编号，村里另一台电脑已经用过，已改用没人用过的新编号：
{renumbered}{more}
按旧编号打印过的随访卡或档案，请重新打印</translation>
    </message>
    <message>
        <source>{n} 份档案的编号与本机已有的档案重复，本机已另给编号：
{renumbered}{more}
新编号随下次同步告知村卫生室，请其重新打印按旧编号打印过的随访卡或档案</source>
        <translation>{n} 份档案的编号与本机已有的档案重复，本机已另给编号：
{renumbered}{more}
新编号随下次同步告知村卫生室，请其重新打印按旧编号打印过的随访卡或档案</translation>
    </message>
    <message>
        <source>乡镇卫生院改了 {n} 份档案的编号（原编号与村里另一份档案重复）：
{renumbered}{more}
按旧编号打印过的随访卡或档案，请重新打印</source>
        <translation>乡镇卫生院改了 {n} 份档案的编号（原编号与村里另一份档案重复）：
{renumbered}{more}
按旧编号打印过的随访卡或档案，请重新打印</translation>
    </message>
    <message>
        <source>
另有 {n} 份</source>
        <translation>
另有 {n} 份</translation>
    </message>
    <message>
        <source>{first}
{second}</source>
        <translation>{first}
{second}</translation>
    </message>
    <message>
        <source>档案编号 {number} 重复，本机却无法另给编号（{reason}）</source>
        <translation>档案编号 {number} 重复，本机却无法另给编号（{reason}）</translation>
    </message>
    <message>
        <source>本机数据库中{table}表有一条记录（编号 {row}）已损坏，无法导出，同步包未写出。请从最近的备份恢复，或请技术人员检查数据库（详见日志）</source>
        <translation>本机数据库中{table}表有一条记录（编号 {row}）已损坏，无法导出，同步包未写出。请从最近的备份恢复，或请技术人员检查数据库（详见日志）</translation>
    </message>
    <message>
        <source>本机数据库中{table}表有一条记录已损坏，无法导出，同步包未写出。请从最近的备份恢复，或请技术人员检查数据库（详见日志）</source>
        <translation>本机数据库中{table}表有一条记录已损坏，无法导出，同步包未写出。请从最近的备份恢复，或请技术人员检查数据库（详见日志）</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>从未</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>导出本机设备卡…</source>
        <translation>导出本机设备卡…</translation>
    </message>
    <message>
        <source>信任对方设备卡…</source>
        <translation>信任对方设备卡…</translation>
    </message>
    <message>
        <source>撤销所选设备的信任</source>
        <translation>撤销所选设备的信任</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>导出同步包</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <source>导入同步包</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <source>U盘或文件夹</source>
        <translation>U盘或文件夹</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>指纹</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>待对方确认</source>
        <translation>待对方确认</translation>
    </message>
    <message>
        <source>上次导出</source>
        <translation>上次导出</translation>
    </message>
    <message>
        <source>上次导入</source>
        <translation>上次导入</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>现值</source>
        <translation>现值</translation>
    </message>
    <message>
        <source>另一值</source>
        <translation>另一值</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>保留现值</source>
        <translation>保留现值</translation>
    </message>
    <message>
        <source>采用另一值</source>
        <translation>采用另一值</translation>
    </message>
    <message>
        <source>冲突与疑似重复档案</source>
        <translation>冲突与疑似重复档案</translation>
    </message>
    <message>
        <source>没有待处理的冲突或疑似重复档案：两处改了同一份档案的同一项时，会列在这里</source>
        <translation>没有待处理的冲突或疑似重复档案：两处改了同一份档案的同一项时，会列在这里</translation>
    </message>
    <message>
        <source>理由（村卫生室会看到，可不填）</source>
        <translation>理由（村卫生室会看到，可不填）</translation>
    </message>
    <message>
        <source>冲突由乡镇卫生院处理</source>
        <translation>冲突由乡镇卫生院处理</translation>
    </message>
    <message>
        <source>冲突由乡镇卫生院的公卫人员处理</source>
        <translation>冲突由乡镇卫生院的公卫人员处理</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>变更条数</source>
        <translation>变更条数</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>同步设备</source>
        <translation>同步设备</translation>
    </message>
    <message>
        <source>所属乡镇卫生院</source>
        <translation>所属乡镇卫生院</translation>
    </message>
    <message>
        <source>同步记录</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>还没有同步记录：导出或导入同步包后，每个包的去向都记在这里</source>
        <translation>还没有同步记录：导出或导入同步包后，每个包的去向都记在这里</translation>
    </message>
    <message>
        <source>本机设备密钥已用口令保护：导出或导入时会询问口令</source>
        <translation>本机设备密钥已用口令保护：导出或导入时会询问口令</translation>
    </message>
    <message>
        <source>{name}（{code}）  本机指纹：&lt;b&gt;{fp}&lt;/b&gt;</source>
        <translation>{name}（{code}）  本机指纹：&lt;b&gt;{fp}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>经网络待对方取走</source>
        <translation>经网络待对方取走</translation>
    </message>
    <message>
        <source>经网络已被取走</source>
        <translation>经网络已被取走</translation>
    </message>
    <message>
        <source>{at} 取走</source>
        <translation>{at} 取走</translation>
    </message>
    <message>
        <source>U盘 {drive}</source>
        <translation>U盘 {drive}</translation>
    </message>
    <message>
        <source>选择U盘或文件夹</source>
        <translation>选择U盘或文件夹</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>{at} 中断，未导入完</source>
        <translation>{at} 中断，未导入完</translation>
    </message>
    <message>
        <source>到审核中处理重复档案…</source>
        <translation>到审核中处理重复档案…</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>同步包编号</source>
        <translation>同步包编号</translation>
    </message>
    <message>
        <source>各村卫生室和县级</source>
        <translation>各村卫生室和县级</translation>
    </message>
    <message>
        <source>各乡镇卫生院</source>
        <translation>各乡镇卫生院</translation>
    </message>
    <message>
        <source>还没有可同步的设备。第一次同步前：1. 点“导出本机设备卡…”，把卡片文件交给{partner}；2. 点“信任对方设备卡…”，选对方交来的卡片。之后就可以用U盘或网络同步了。</source>
        <translation>还没有可同步的设备。第一次同步前：1. 点“导出本机设备卡…”，把卡片文件交给{partner}；2. 点“信任对方设备卡…”，选对方交来的卡片。之后就可以用U盘或网络同步了。</translation>
    </message>
    <message>
        <source>已撤销信任</source>
        <translation>已撤销信任</translation>
    </message>
    <message>
        <source>同一身份证号</source>
        <translation>同一身份证号</translation>
    </message>
    <message>
        <source>审核中共有 {n} 对疑似重复档案待处理（身份证号相同，或姓名、出生日期和家庭住址相同）</source>
        <translation>审核中共有 {n} 对疑似重复档案待处理（身份证号相同，或姓名、出生日期和家庭住址相同）</translation>
    </message>
    <message>
        <source>导出（U盘/文件夹）</source>
        <translation>导出（U盘/文件夹）</translation>
    </message>
    <message>
        <source>导入（U盘/文件夹）</source>
        <translation>导入（U盘/文件夹）</translation>
    </message>
    <message>
        <source>拒收（U盘/文件夹）</source>
        <translation>拒收（U盘/文件夹）</translation>
    </message>
    <message>
        <source>导出后被对方拒收（U盘/文件夹）</source>
        <translation>导出后被对方拒收（U盘/文件夹）</translation>
    </message>
    <message>
        <source>经网络发送</source>
        <translation>经网络发送</translation>
    </message>
    <message>
        <source>经网络接收</source>
        <translation>经网络接收</translation>
    </message>
    <message>
        <source>拒收（网络）</source>
        <translation>拒收（网络）</translation>
    </message>
    <message>
        <source>等待经网络发送</source>
        <translation>等待经网络发送</translation>
    </message>
    <message>
        <source>经网络发送失败</source>
        <translation>经网络发送失败</translation>
    </message>
    <message>
        <source>下次同步时自动重发</source>
        <translation>下次同步时自动重发</translation>
    </message>
    <message>
        <source>之后的同步包已发出，带上了这些变更</source>
        <translation>之后的同步包已发出，带上了这些变更</translation>
    </message>
    <message>
        <source>之后本机的同步包已被对方导入</source>
        <translation>之后本机的同步包已被对方导入</translation>
    </message>
    <message>
        <source>之后该设备的同步包已导入</source>
        <translation>之后该设备的同步包已导入</translation>
    </message>
    <message>
        <source>请先插入U盘或选择文件夹</source>
        <translation>请先插入U盘或选择文件夹</translation>
    </message>
    <message>
        <source>{peer}：{ops} 条变更，{kb} KB</source>
        <translation>{peer}：{ops} 条变更，{kb} KB</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>已导出到 {folder}</source>
        <translation>已导出到 {folder}</translation>
    </message>
    <message>
        <source>正在导出同步包…</source>
        <translation>正在导出同步包…</translation>
    </message>
    <message>
        <source>来自 {sender}：{ops} 条变更，冲突 {conflicts}，疑似重复 {dups}</source>
        <translation>来自 {sender}：{ops} 条变更，冲突 {conflicts}，疑似重复 {dups}</translation>
    </message>
    <message>
        <source>（乡镇卫生院已处理的冲突 {n} 个已结）</source>
        <translation>（乡镇卫生院已处理的冲突 {n} 个已结）</translation>
    </message>
    <message>
        <source>已拒绝 {file}：{reason}</source>
        <translation>已拒绝 {file}：{reason}</translation>
    </message>
    <message>
        <source>没有发给本机的新同步包</source>
        <translation>没有发给本机的新同步包</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>正在导入同步包…</source>
        <translation>正在导入同步包…</translation>
    </message>
    <message>
        <source>同步包已写好。是否同时把本机数据备份到 {folder}？</source>
        <translation>同步包已写好。是否同时把本机数据备份到 {folder}？</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>导出本机设备卡</source>
        <translation>导出本机设备卡</translation>
    </message>
    <message>
        <source>设备卡</source>
        <translation>设备卡</translation>
    </message>
    <message>
        <source>已写入 {json} 和二维码 {png}。
对方信任前，请电话核对本机指纹：
{fp}</source>
        <translation>已写入 {json} 和二维码 {png}。
对方信任前，请电话核对本机指纹：
{fp}</translation>
    </message>
    <message>
        <source>选择对方的设备卡</source>
        <translation>选择对方的设备卡</translation>
    </message>
    <message>
        <source>信任 {name}（{code}）？

请打电话给对方，逐组核对指纹：

{fp}

一致才点“是”。</source>
        <translation>信任 {name}（{code}）？

请打电话给对方，逐组核对指纹：

{fp}

一致才点“是”。</translation>
    </message>
    <message>
        <source>核对指纹</source>
        <translation>核对指纹</translation>
    </message>
    <message>
        <source>请先在列表中选择一台设备</source>
        <translation>请先在列表中选择一台设备</translation>
    </message>
    <message>
        <source>撤销信任</source>
        <translation>撤销信任</translation>
    </message>
    <message>
        <source>撤销对 {name} 的信任？它以后的同步包将被拒绝。</source>
        <translation>撤销对 {name} 的信任？它以后的同步包将被拒绝。</translation>
    </message>
    <message>
        <source>请先在列表中选择一条冲突</source>
        <translation>请先在列表中选择一条冲突</translation>
    </message>
    <message>
        <source>设备密钥口令</source>
        <translation>设备密钥口令</translation>
    </message>
    <message>
        <source>本机设备密钥已用口令保护，请输入口令：</source>
        <translation>本机设备密钥已用口令保护，请输入口令：</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>TownshipHomePage</name>
    <message>
        <source>县级工作台：各乡镇基本公共卫生服务指标</source>
        <translation>县级工作台：各乡镇基本公共卫生服务指标</translation>
    </message>
    <message>
        <source>乡镇工作台：基本公共卫生服务指标</source>
        <translation>乡镇工作台：基本公共卫生服务指标</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>第 {q} 季度</source>
        <translation>第 {q} 季度</translation>
    </message>
    <message>
        <source>1–{q} 季度累计</source>
        <translation>1–{q} 季度累计</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>人口数…</source>
        <translation>人口数…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>指标工作簿（Excel，每个指标一张名单）或汇总表 PDF，用界面语言</source>
        <translation>指标工作簿（Excel，每个指标一张名单）或汇总表 PDF，用界面语言</translation>
    </message>
    <message>
        <source>展开村民小组</source>
        <translation>展开村民小组</translation>
    </message>
    <message>
        <source>每个村后面列出它的村民小组；也可点击村名只展开该村</source>
        <translation>每个村后面列出它的村民小组；也可点击村名只展开该村</translation>
    </message>
    <message>
        <source>展开各村</source>
        <translation>展开各村</translation>
    </message>
    <message>
        <source>每个乡镇后面列出它的村；也可点击乡镇名只展开该乡镇</source>
        <translation>每个乡镇后面列出它的村；也可点击乡镇名只展开该乡镇</translation>
    </message>
    <message>
        <source>统计期：</source>
        <translation>统计期：</translation>
    </message>
    <message>
        <source>点击任一数字查看其背后的居民名单及原因；点击乡镇名展开或收起它的村，点击村名展开或收起它的村民小组。绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。村民小组没有录入人口数，以人口数为分母的率显示为“—”。</source>
        <translation>点击任一数字查看其背后的居民名单及原因；点击乡镇名展开或收起它的村，点击村名展开或收起它的村民小组。绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。村民小组没有录入人口数，以人口数为分母的率显示为“—”。</translation>
    </message>
    <message>
        <source>点击任一数字查看其背后的居民名单及原因；点击村名展开或收起它的村民小组。绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。村民小组没有录入人口数，以人口数为分母的率显示为“—”。</source>
        <translation>点击任一数字查看其背后的居民名单及原因；点击村名展开或收起它的村民小组。绿色：达到目标（健康教育活动：每个单位都达到最低要求）；橙色：差距在10个百分点以内；红色：落后（健康教育活动：有单位在已过去的月份里应完成的没有完成）；没有目标的指标、还未到期的活动不着色。村民小组没有录入人口数，以人口数为分母的率显示为“—”。</translation>
    </message>
    <message>
        <source>图表指标：</source>
        <translation>图表指标：</translation>
    </message>
    <message>
        <source>趋势与比较</source>
        <translation>趋势与比较</translation>
    </message>
    <message>
        <source>未结转诊</source>
        <translation>未结转诊</translation>
    </message>
    <message>
        <source>正在计算指标…</source>
        <translation>正在计算指标…</translation>
    </message>
    <message>
        <source>指标报表-{period}</source>
        <translation>指标报表-{period}</translation>
    </message>
    <message>
        <source>导出指标</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>正在导出指标…</source>
        <translation>正在导出指标…</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>全乡镇</source>
        <translation>全乡镇</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>最近同步</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>可能缺失天数</source>
        <translation>可能缺失天数</translation>
    </message>
    <message>
        <source>这项指标只统计严重精神障碍患者，您无权查看这类患者</source>
        <translation>这项指标只统计严重精神障碍患者，您无权查看这类患者</translation>
    </message>
    <message>
        <source>还没有录入这一年的人口数：点“人口数…”录入后才有比率</source>
        <translation>还没有录入这一年的人口数：点“人口数…”录入后才有比率</translation>
    </message>
    <message>
        <source>点击查看居民名单</source>
        <translation>点击查看居民名单</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>从未收到它的同步包：缺多少天无从估计</source>
        <translation>从未收到它的同步包：缺多少天无从估计</translation>
    </message>
    <message>
        <source>正在计算逐月趋势…</source>
        <translation>正在计算逐月趋势…</translation>
    </message>
    <message>
        <source>次</source>
        <translation>次</translation>
    </message>
    <message>
        <source>各村比较</source>
        <translation>各村比较</translation>
    </message>
    <message>
        <source>各乡镇比较</source>
        <translation>各乡镇比较</translation>
    </message>
    <message>
        <source>本年度还没有可画的数据</source>
        <translation>本年度还没有可画的数据</translation>
    </message>
    <message>
        <source>{places}还没有录入本年度人口数：
全县的比率暂缺，画不出趋势</source>
        <translation>{places}还没有录入本年度人口数：
全县的比率暂缺，画不出趋势</translation>
    </message>
    <message>
        <source>{places}还没有录入本年度人口数：
全乡镇的比率暂缺，画不出趋势</source>
        <translation>{places}还没有录入本年度人口数：
全乡镇的比率暂缺，画不出趋势</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>月（年初累计）</source>
        <translation>月（年初累计）</translation>
    </message>
    <message>
        <source>逐月趋势（全乡镇）</source>
        <translation>逐月趋势（全乡镇）</translation>
    </message>
    <message>
        <source>逐月趋势（全县）</source>
        <translation>逐月趋势（全县）</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>修改密码</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>添加用户</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>姓名（打印在表单上）</source>
        <translation>姓名（打印在表单上）</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>原密码</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>再输一次</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>村代码</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>上次登录</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>权限</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>重设所选用户的密码…</source>
        <translation>重设所选用户的密码…</translation>
    </message>
    <message>
        <source>停用所选用户</source>
        <translation>停用所选用户</translation>
    </message>
    <message>
        <source>权限…</source>
        <translation>权限…</translation>
    </message>
    <message>
        <source>修改我的密码…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>只有管理员可以管理用户；您可以修改自己的密码。</source>
        <translation>只有管理员可以管理用户；您可以修改自己的密码。</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>{role}没有可以另外授予的权限</source>
        <translation>{role}没有可以另外授予的权限</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>请先在列表中选择一个用户</source>
        <translation>请先在列表中选择一个用户</translation>
    </message>
    <message>
        <source>系统账号没有密码</source>
        <translation>系统账号没有密码</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>出生日期与身份证号不一致（身份证号中为{d}）</source>
        <translation>出生日期与身份证号不一致（身份证号中为{d}）</translation>
    </message>
    <message>
        <source>性别与身份证号不一致（身份证号第17位表示{sex}）</source>
        <translation>性别与身份证号不一致（身份证号第17位表示{sex}）</translation>
    </message>
    <message>
        <source>请选择性别</source>
        <translation>请选择性别</translation>
    </message>
    <message>
        <source>请填写出生日期</source>
        <translation>请填写出生日期</translation>
    </message>
    <message>
        <source>{label}代码“{value}”无效</source>
        <translation>{label}代码“{value}”无效</translation>
    </message>
    <message>
        <source>{label}选了“{none}”就不能再选其他项</source>
        <translation>{label}选了“{none}”就不能再选其他项</translation>
    </message>
    <message>
        <source>{label}选了“其他”，请写明</source>
        <translation>{label}选了“其他”，请写明</translation>
    </message>
    <message>
        <source>{label}写了“其他”的内容，但没有勾选“其他”：请勾选或删去</source>
        <translation>{label}写了“其他”的内容，但没有勾选“其他”：请勾选或删去</translation>
    </message>
    <message>
        <source>{label}不能晚于今天</source>
        <translation>{label}不能晚于今天</translation>
    </message>
    <message>
        <source>{label}应为{min}到{max}{unit}</source>
        <translation>{label}应为{min}到{max}{unit}</translation>
    </message>
    <message>
        <source>{label}不能小于{min}</source>
        <translation>{label}不能小于{min}</translation>
    </message>
    <message>
        <source>{label}不能大于{max}</source>
        <translation>{label}不能大于{max}</translation>
    </message>
    <message>
        <source>{disease}的确诊时间早于出生日期</source>
        <translation>{disease}的确诊时间早于出生日期</translation>
    </message>
    <message>
        <source>{disease}的确诊时间晚于今天</source>
        <translation>{disease}的确诊时间晚于今天</translation>
    </message>
    <message>
        <source>手术/外伤/输血类型“{value}”无效</source>
        <translation>手术/外伤/输血类型“{value}”无效</translation>
    </message>
    <message>
        <source>请填写{label}名称</source>
        <translation>请填写{label}名称</translation>
    </message>
    <message>
        <source>{label}时间应在出生之后、今天之前</source>
        <translation>{label}时间应在出生之后、今天之前</translation>
    </message>
    <message>
        <source>有遗传病史时请写明疾病名称</source>
        <translation>有遗传病史时请写明疾病名称</translation>
    </message>
    <message>
        <source>本机只为{village}建档，不能填写别的村（{code}）</source>
        <translation>本机只为{village}建档，不能填写别的村（{code}）</translation>
    </message>
    <message>
        <source>档案所属的村不能更改（档案编号以村代码开头）：迁到别的村的居民，请在新村建档，并在本档案登记迁出</source>
        <translation>档案所属的村不能更改（档案编号以村代码开头）：迁到别的村的居民，请在新村建档，并在本档案登记迁出</translation>
    </message>
    <message>
        <source>建档日期不能早于出生日期</source>
        <translation>建档日期不能早于出生日期</translation>
    </message>
    <message>
        <source>迁出或死亡请填写日期</source>
        <translation>迁出或死亡请填写日期</translation>
    </message>
    <message>
        <source>状态变更日期应在出生之后、今天之前</source>
        <translation>状态变更日期应在出生之后、今天之前</translation>
    </message>
    <message>
        <source>所选家庭户不存在</source>
        <translation>所选家庭户不存在</translation>
    </message>
    <message>
        <source>身份证号中的出生日期{d}晚于今天，请核对身份证号</source>
        <translation>身份证号中的出生日期{d}晚于今天，请核对身份证号</translation>
    </message>
    <message>
        <source>{disease}的确诊时间</source>
        <translation>{disease}的确诊时间</translation>
    </message>
    <message>
        <source>家庭户不属于本村</source>
        <translation>家庭户不属于本村</translation>
    </message>
    <message>
        <source>该户已有户主{name}，请选择与户主的关系</source>
        <translation>该户已有户主{name}，请选择与户主的关系</translation>
    </message>
    <message>
        <source>新建家庭户时本人应为户主；其他家庭成员请从户主档案中“添加家庭成员”</source>
        <translation>新建家庭户时本人应为户主；其他家庭成员请从户主档案中“添加家庭成员”</translation>
    </message>
    <message>
        <source>该证件号已建档：{name}，档案编号{archive}，{village}</source>
        <translation>该证件号已建档：{name}，档案编号{archive}，{village}</translation>
    </message>
    <message>
        <source>该证件号已在本乡镇另一个村建档：请与乡镇卫生院联系，不要重复建档</source>
        <translation>该证件号已在本乡镇另一个村建档：请与乡镇卫生院联系，不要重复建档</translation>
    </message>
    <message>
        <source>档案不存在或已作废</source>
        <translation>档案不存在或已作废</translation>
    </message>
    <message>
        <source>您打开这份档案后，此项已被别人修改并保存；请核对，再按保存将以您填写的为准</source>
        <translation>您打开这份档案后，此项已被别人修改并保存；请核对，再按保存将以您填写的为准</translation>
    </message>
    <message>
        <source>您打开这份档案后，此项已被别人改为“{value}”并保存；请核对，再按保存将以您填写的为准</source>
        <translation>您打开这份档案后，此项已被别人改为“{value}”并保存；请核对，再按保存将以您填写的为准</translation>
    </message>
    <message>
        <source>{name}已于{date}{status}，不能登记此后的服务</source>
        <translation>{name}已于{date}{status}，不能登记此后的服务</translation>
    </message>
    <message>
        <source>{date} 还有{name}的随访记录（已随访到本人），{status}日期不能早于它：请核对日期</source>
        <translation>{date} 还有{name}的随访记录（已随访到本人），{status}日期不能早于它：请核对日期</translation>
    </message>
    <message>
        <source>{date} 还有{name}的健康体检记录（已见到本人），{status}日期不能早于它：请核对日期</source>
        <translation>{date} 还有{name}的健康体检记录（已见到本人），{status}日期不能早于它：请核对日期</translation>
    </message>
    <message>
        <source>不能这样修改：{field}（可改的字段：{allowed}）</source>
        <translation>不能这样修改：{field}（可改的字段：{allowed}）</translation>
    </message>
    <message>
        <source>无法识别“{value}”</source>
        <translation>无法识别“{value}”</translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation>{label}应为整数</translation>
    </message>
    <message>
        <source>血压需同时填写收缩压和舒张压</source>
        <translation>血压需同时填写收缩压和舒张压</translation>
    </message>
    <message>
        <source>收缩压应高于舒张压</source>
        <translation>收缩压应高于舒张压</translation>
    </message>
    <message>
        <source>{label}应为数字</source>
        <translation>{label}应为数字</translation>
    </message>
    <message>
        <source>{label}第{pos}个字符无法识别（U+{code}），请删除后再保存</source>
        <translation>{label}第{pos}个字符无法识别（U+{code}），请删除后再保存</translation>
    </message>
    <message>
        <source>{label}过长（最多{max}个字）</source>
        <translation>{label}过长（最多{max}个字）</translation>
    </message>
    <message>
        <source>{label}过长（{n}个字，最多{max}个字）</source>
        <translation>{label}过长（{n}个字，最多{max}个字）</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <source>姓名只能包含汉字、字母和间隔号“·”</source>
        <translation>姓名只能包含汉字、字母和间隔号“·”</translation>
    </message>
    <message>
        <source>姓名不能以“·”、“-”或空格开头或结尾，这些符号也不能连用</source>
        <translation>姓名不能以“·”、“-”或空格开头或结尾，这些符号也不能连用</translation>
    </message>
    <message>
        <source>姓名至少两个字</source>
        <translation>姓名至少两个字</translation>
    </message>
    <message>
        <source>请填写身份证号</source>
        <translation>请填写身份证号</translation>
    </message>
    <message>
        <source>15位身份证号只能由数字组成</source>
        <translation>15位身份证号只能由数字组成</translation>
    </message>
    <message>
        <source>身份证号应为18位（旧号15位），现在是{n}位</source>
        <translation>身份证号应为18位（旧号15位），现在是{n}位</translation>
    </message>
    <message>
        <source>身份证号前17位应为数字，末位为数字或X</source>
        <translation>身份证号前17位应为数字，末位为数字或X</translation>
    </message>
    <message>
        <source>身份证号中的出生日期{d}不存在</source>
        <translation>身份证号中的出生日期{d}不存在</translation>
    </message>
    <message>
        <source>身份证号校验位错误，请逐位核对</source>
        <translation>身份证号校验位错误，请逐位核对</translation>
    </message>
    <message>
        <source>身份证号的地址码{code}不是有效的行政区划代码</source>
        <translation>身份证号的地址码{code}不是有效的行政区划代码</translation>
    </message>
    <message>
        <source>{label}只能包含数字、空格和“-”</source>
        <translation>{label}只能包含数字、空格和“-”</translation>
    </message>
    <message>
        <source>{label}：手机号应为以1开头的11位数字</source>
        <translation>{label}：手机号应为以1开头的11位数字</translation>
    </message>
    <message>
        <source>{label}：固定电话请加区号，如 0371-61234567</source>
        <translation>{label}：固定电话请加区号，如 0371-61234567</translation>
    </message>
    <message>
        <source>{label}：区号后应为7或8位号码</source>
        <translation>{label}：区号后应为7或8位号码</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>请填写{label}</translation>
    </message>
    <message>
        <source>{label}“{value}”不是真实存在的日期</source>
        <translation>{label}“{value}”不是真实存在的日期</translation>
    </message>
    <message>
        <source>{label}“{value}”的年份应在 {low} 到 {high} 之间</source>
        <translation>{label}“{value}”的年份应在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{label}格式应为 年-月-日，如 1965-03-08</source>
        <translation>{label}格式应为 年-月-日，如 1965-03-08</translation>
    </message>
    <message>
        <source>{label}格式应为 年-月，如 2015-06</source>
        <translation>{label}格式应为 年-月，如 2015-06</translation>
    </message>
    <message>
        <source>出生日期不能晚于今天</source>
        <translation>出生日期不能晚于今天</translation>
    </message>
    <message>
        <source>年龄超过{max}岁，请核对出生日期</source>
        <translation>年龄超过{max}岁，请核对出生日期</translation>
    </message>
    <message>
        <source>责任医生不能清空：档案连同其随访管理要交给本村的一位医生</source>
        <translation>责任医生不能清空：档案连同其随访管理要交给本村的一位医生</translation>
    </message>
    <message>
        <source>「{name}」不是本村的医生：档案连同其随访管理交给新的责任医生，请填写在用医生账号的用户名或姓名，或“设置”里医生名单中的名字</source>
        <translation>「{name}」不是本村的医生：档案连同其随访管理交给新的责任医生，请填写在用医生账号的用户名或姓名，或“设置”里医生名单中的名字</translation>
    </message>
    <message>
        <source>{first}；{then}</source>
        <translation>{first}；{then}</translation>
    </message>
</context>
<context>
    <name>VoidActivityDialog</name>
    <message>
        <source>作废健康教育活动</source>
        <translation>作废健康教育活动</translation>
    </message>
    <message>
        <source>作废 {date} 的“{topic}”。作废后记录仍保留，但不再列出，也不再计入考核。请写明原因：</source>
        <translation>作废 {date} 的“{topic}”。作废后记录仍保留，但不再列出，也不再计入考核。请写明原因：</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>找不到村民小组：{name}</source>
        <translation>找不到村民小组：{name}</translation>
    </message>
    <message>
        <source>有多个村的村民小组叫“{name}”，请同时指定村</source>
        <translation>有多个村的村民小组叫“{name}”，请同时指定村</translation>
    </message>
    <message>
        <source>本机只管{village}（{own}）的档案，没有村代码{code}</source>
        <translation>本机只管{village}（{own}）的档案，没有村代码{code}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>村民小组</translation>
    </message>
    <message>
        <source>应随访日期</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>上次随访</source>
        <translation>上次随访</translation>
    </message>
    <message>
        <source>上次血压/血糖</source>
        <translation>上次血压/血糖</translation>
    </message>
    <message>
        <source>今年面对面</source>
        <translation>今年面对面</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
</context>
</TS>