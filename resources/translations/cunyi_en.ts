<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../app/views/worker.py" line="47"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../app/services/demo.py" line="139"/>
        <source>居民人数应在1到2000000之间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/demo.py" line="171"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="378"/>
        <source>编辑居民档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="378"/>
        <source>新建居民档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="386"/>
        <source>保存 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="387"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="410"/>
        <source>有 {n} 处需要改正，已保留您填写的内容</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolmentForm</name>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="59"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="60"/>
        <source>如 张三</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="62"/>
        <source>18位身份证号，末位可为X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="65"/>
        <source>年-月-日，如 1965-03-08</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="74"/>
        <source>姓名 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="75"/>
        <source>证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="76"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="77"/>
        <source>性别 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="78"/>
        <source>出生日期 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="79"/>
        <source>民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="80"/>
        <source>常住类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="87"/>
        <source>血型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="88"/>
        <source>文化程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="89"/>
        <source>职业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="90"/>
        <source>婚姻状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="91"/>
        <source>工作单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="95"/>
        <source>联系方式与住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="96"/>
        <source>手机11位，或区号-号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="101"/>
        <source>本人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="102"/>
        <source>联系人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="103"/>
        <source>联系人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="104"/>
        <source>现住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="105"/>
        <source>户籍地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="109"/>
        <source>家庭户与管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="115"/>
        <source>所属村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="121"/>
        <source>建档立卡贫困户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="122"/>
        <location filename="../../app/views/enrolment_form.py" line="171"/>
        <source>年-月-日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="124"/>
        <source>年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="125"/>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="126"/>
        <source>与户主关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="128"/>
        <source>家庭医生签约日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="129"/>
        <source>签约医生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="130"/>
        <source>签约年限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="135"/>
        <source>医疗费用支付方式、药物过敏史、暴露史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="137"/>
        <source>其他，请写明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="139"/>
        <source>其他过敏药物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="141"/>
        <source>医疗费用支付方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="142"/>
        <source>药物过敏史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="143"/>
        <source>暴露史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="147"/>
        <source>既往史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="158"/>
        <source>确诊 年-月</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="162"/>
        <location filename="../../app/views/enrolment_form.py" line="196"/>
        <source>其他疾病，请写明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="163"/>
        <source>疾病</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="171"/>
        <source>名称/原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="176"/>
        <source>手术/外伤/输血</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="180"/>
        <source>有</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="181"/>
        <source>疾病名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="184"/>
        <source>遗传病史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="186"/>
        <source>其他残疾，请写明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="187"/>
        <source>残疾情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="191"/>
        <source>家族史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="197"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="201"/>
        <source>生活环境</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="208"/>
        <source>建档信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="209"/>
        <source>默认今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="215"/>
        <source>迁出或死亡日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="216"/>
        <source>建档日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="217"/>
        <source>建档人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="218"/>
        <source>责任医生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="219"/>
        <source>档案状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="220"/>
        <source>状态日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/enrolment_form.py" line="280"/>
        <source>加入家庭户：户主 {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/views/home.py" line="23"/>
        <source>在“居民档案”中搜索、建档或导入花名册。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="29"/>
        <source>在册居民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="29"/>
        <source>家庭户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="29"/>
        <source>65岁及以上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="30"/>
        <source>建档立卡贫困人口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="30"/>
        <source>家庭医生签约</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="20"/>
        <source>村卫生室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="20"/>
        <source>乡镇卫生院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="21"/>
        <source>村医 CunYi — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="31"/>
        <source>工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="31"/>
        <source>居民档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="44"/>
        <source>当前用户：{user}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <location filename="../../app/services/profile.py" line="48"/>
        <source>村代码应为12位数字（县6位+乡镇3位+村3位），现在是“{code}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="49"/>
        <source>乡镇代码应为9位数字（县6位+乡镇3位），现在是“{code}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="51"/>
        <source>前6位{county}不是有效的县级行政区划代码（GB/T 2260）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="68"/>
        <source>角色应为 village（村卫生室）或 township（乡镇卫生院）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="70"/>
        <source>本机已初始化，不能再次初始化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="74"/>
        <source>请填写名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="97"/>
        <source>本机尚未初始化：请先运行 cunyi init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="111"/>
        <source>没有可用的用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="125"/>
        <source>乡镇模式下请指定村代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="128"/>
        <source>村代码{code}不属于本乡镇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="137"/>
        <source>村代码{code}不属于本乡镇{town}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/profile.py" line="183"/>
        <source>村{code}的档案编号已用完</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../app/views/residents.py" line="233"/>
        <source>居民档案 - {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="238"/>
        <source>健康档案编号：{no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="242"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="242"/>
        <source>联系与管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="248"/>
        <location filename="../../app/views/residents.py" line="281"/>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="249"/>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="250"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="251"/>
        <source>民族</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="252"/>
        <source>文化程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="253"/>
        <source>职业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="254"/>
        <source>婚姻状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="255"/>
        <source>血型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="256"/>
        <source>本人电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="257"/>
        <source>现住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="258"/>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="259"/>
        <source>责任医生</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="260"/>
        <source>建档日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="261"/>
        <source>贫困户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="261"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="261"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="262"/>
        <source>家庭医生签约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="263"/>
        <source>未签约</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="264"/>
        <source>档案状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="271"/>
        <source>既往史与过敏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="273"/>
        <source>既往疾病</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="274"/>
        <source>药物过敏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="275"/>
        <source>医疗费用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="278"/>
        <source>家庭成员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="281"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="281"/>
        <source>与户主关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="281"/>
        <source>年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="296"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="297"/>
        <source>添加家庭成员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="298"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../app/views/residents.py" line="47"/>
        <source>档案编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="47"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="47"/>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="48"/>
        <source>年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="48"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="49"/>
        <source>村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="50"/>
        <source>村民小组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="50"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="50"/>
        <source>标签</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../app/views/residents.py" line="128"/>
        <source>搜索：姓名、拼音或首字母（zs）、身份证号后4位、档案编号、电话；扫码枪直接扫随访卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="133"/>
        <source>新建档案 (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="136"/>
        <source>导入花名册…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="166"/>
        <source>数字请至少输入4位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="168"/>
        <source>没有找到匹配的居民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/residents.py" line="171"/>
        <source>找到 {n} 人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../../app/services/roster.py" line="88"/>
        <source>找不到文件：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="101"/>
        <source>无法识别文件编码（支持 UTF-8 和 GB18030）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="105"/>
        <location filename="../../app/services/roster.py" line="135"/>
        <source>文件是空的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="107"/>
        <source>只支持 .xlsx 和 .csv 文件，这是“{suffix}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="128"/>
        <source>无法读取 Excel 文件：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="182"/>
        <source>缺少必需的列：{cols}（第1行应为表头）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="210"/>
        <source>填了户主身份证号，请写明与户主的关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="221"/>
        <source>户主不在本文件中，也未建档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="231"/>
        <source>与第{row}行身份证号重复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="239"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="249"/>
        <source>户主所在行有错误，本行一并不导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="360"/>
        <source>导出文件应为 .xlsx 或 .csv</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../app/views/roster_import.py" line="41"/>
        <location filename="../../app/views/roster_import.py" line="105"/>
        <source>导入花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="44"/>
        <source>选择 .xlsx 或 .csv 文件（UTF-8 或 GB18030）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="45"/>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="47"/>
        <source>保存模板…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="49"/>
        <source>跳过有错误的行，只导入正确的行（被拒绝的行另存到原文件旁）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="50"/>
        <source>导入前会先逐行检查；只要有一行有错，默认不导入任何记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="53"/>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="53"/>
        <source>列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="53"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="53"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="58"/>
        <source>检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="59"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="60"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="76"/>
        <source>选择花名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="76"/>
        <source>花名册 (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="82"/>
        <source>保存模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="100"/>
        <source>正在检查…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="100"/>
        <source>正在导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="116"/>
        <source>共 {total} 行：{good} 行可导入，{bad} 行有错误。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="118"/>
        <source>共 {total} 行，{bad} 行有错误，未导入任何记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="120"/>
        <source>已导入 {good} 人，跳过 {bad} 行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="125"/>
        <source>已忽略未知列：{cols}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/roster_import.py" line="127"/>
        <source>被拒绝的行已写入 {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../app/services/enrolment.py" line="145"/>
        <source>证件类型代码“{value}”无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="157"/>
        <source>性别代码“{value}”无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="163"/>
        <source>出生日期与身份证号不一致（身份证号中为{d}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="166"/>
        <source>性别与身份证号不一致（身份证号第17位表示{sex}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="171"/>
        <source>请选择性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="173"/>
        <source>请填写出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="195"/>
        <location filename="../../app/services/enrolment.py" line="207"/>
        <location filename="../../app/services/enrolment.py" line="230"/>
        <source>{label}代码“{value}”无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="210"/>
        <location filename="../../app/services/enrolment.py" line="233"/>
        <source>{label}选了“{none}”就不能再选其他项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="215"/>
        <location filename="../../app/services/enrolment.py" line="246"/>
        <source>{label}选了“其他”，请写明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="240"/>
        <source>{disease}的确诊时间早于出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="243"/>
        <source>{disease}的确诊时间晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="252"/>
        <source>手术/外伤/输血类型“{value}”无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="258"/>
        <source>请填写{label}名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="260"/>
        <source>{label}时间应在出生之后、今天之前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="265"/>
        <source>有遗传病史时请写明疾病名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="270"/>
        <source>建档日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="272"/>
        <source>建档日期不能早于出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="277"/>
        <source>签约日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="283"/>
        <source>签约年限应为1到10年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="288"/>
        <source>档案状态代码“{value}”无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="292"/>
        <source>迁出或死亡请填写日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="294"/>
        <source>状态变更日期应在出生之后、今天之前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="299"/>
        <source>与户主关系代码“{value}”无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="317"/>
        <source>所选家庭户不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="320"/>
        <source>家庭户不属于本村</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="326"/>
        <source>该户已有户主{name}，请选择与户主的关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="329"/>
        <source>新建家庭户时本人应为户主；其他家庭成员请从户主档案中“添加家庭成员”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="336"/>
        <source>该证件号已建档：{name}，档案编号{archive}，{village}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/enrolment.py" line="385"/>
        <location filename="../../app/services/enrolment.py" line="402"/>
        <source>档案不存在或已作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/roster.py" line="158"/>
        <source>无法识别“{value}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="44"/>
        <source>{label}含有无法识别的字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="46"/>
        <source>{label}过长（最多{max}个字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="57"/>
        <source>请填写姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="60"/>
        <source>姓名只能包含汉字、字母和间隔号“·”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="62"/>
        <source>姓名至少两个字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="89"/>
        <source>请填写身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="93"/>
        <source>15位身份证号只能由数字组成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="100"/>
        <source>身份证号应为18位（旧号15位），现在是{n}位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="103"/>
        <source>身份证号前17位应为数字，末位为数字或X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="107"/>
        <source>身份证号中的出生日期{d}不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="109"/>
        <source>身份证号校验位错误，请逐位核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="113"/>
        <source>身份证号的地址码{code}不是有效的行政区划代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="146"/>
        <source>{label}只能包含数字、空格和“-”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="150"/>
        <source>{label}：手机号应为以1开头的11位数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="152"/>
        <source>{label}：固定电话请加区号，如 0371-61234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="156"/>
        <source>{label}：区号后应为7或8位号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="176"/>
        <source>请填写{label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="185"/>
        <source>{label}“{value}”不是真实存在的日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="188"/>
        <source>{label}格式应为 年-月-日，如 1965-03-08</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="199"/>
        <source>{label}格式应为 年-月，如 2015-06</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="209"/>
        <source>出生日期不能晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/services/validators.py" line="211"/>
        <source>年龄超过{max}岁，请核对出生日期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
