"""Code lists of the national forms (国家基本公共卫生服务规范第三版), as data.

Every coded field of the UI, the validators, the importers and the printouts reads its
codes and labels from here and nowhere else.  A province can adjust a list without
touching code by dropping a ``codes.json`` into the data directory (see
:func:`load_overrides`).  Codes are strings, exactly as printed on the forms.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Code:
    code: str
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class CodeList:
    name: str
    zh: str
    en: str
    codes: list[Code]
    multi: bool = False
    # The code that means "none" in a multi-choice list (无); it excludes all others.
    none_code: str | None = None
    # The code whose choice asks for a free-text detail (其他 ...).
    other_code: str | None = None
    # Codes that tell a reader the resident is in a sensitive programme (严重精神障碍): a box of
    # them is shown, printed and exported only to those who may see that programme
    # (:mod:`app.services.records.sensitive`).
    sensitive_codes: tuple[str, ...] = ()
    _by_code: dict[str, Code] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_code = {c.code: c for c in self.codes}

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str | None) -> Code | None:
        return self._by_code.get(code) if code is not None else None

    def label(self, code: str | None, lang: str = "zh") -> str:
        c = self.get(code)
        return c.label(lang) if c else ""

    def title(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def lookup(self, text: str) -> Code | None:
        """Find a code by its code or by its Chinese or English label (used by importers)."""
        text = text.strip()
        if text in self._by_code:
            return self._by_code[text]
        for c in self.codes:
            if text in (c.zh, c.en) or text.lower() == c.en.lower():
                return c
        return None


def _cl(name: str, zh: str, en: str, rows: list[tuple[str, str, str]], **kw) -> CodeList:
    return CodeList(name, zh, en, [Code(*r) for r in rows], **kw)


_LISTS: list[CodeList] = [
    # ---- 个人基本信息表 ----
    _cl(
        "sex",
        "性别",
        "Sex",
        [
            ("1", "男", "Male"),
            ("2", "女", "Female"),
            ("9", "未说明的性别", "Unstated"),
            ("0", "未知的性别", "Unknown"),
        ],
    ),
    _cl(
        "residence_type",
        "常住类型",
        "Residence type",
        [
            ("1", "户籍", "Registered (hukou)"),
            ("2", "非户籍", "Non-registered"),
        ],
    ),
    _cl(
        "blood_abo",
        "血型",
        "ABO blood group",
        [
            ("1", "A型", "A"),
            ("2", "B型", "B"),
            ("3", "O型", "O"),
            ("4", "AB型", "AB"),
            ("5", "不详", "Unknown"),
        ],
    ),
    _cl(
        "blood_rh",
        "RH血型",
        "Rh",
        [
            ("1", "阴性", "Negative"),
            ("2", "阳性", "Positive"),
            ("3", "不详", "Unknown"),
        ],
    ),
    _cl(
        "education",
        "文化程度",
        "Education",
        [
            ("1", "研究生", "Postgraduate"),
            ("2", "大学本科", "Bachelor's degree"),
            ("3", "大学专科和专科学校", "College / junior college"),
            ("4", "中等专业学校", "Secondary vocational school"),
            ("5", "技工学校", "Technical school"),
            ("6", "高中", "Senior high school"),
            ("7", "初中", "Junior high school"),
            ("8", "小学", "Primary school"),
            ("9", "文盲或半文盲", "Illiterate or semi-literate"),
            ("10", "不详", "Unknown"),
        ],
    ),
    _cl(
        "occupation",
        "职业",
        "Occupation",
        [
            (
                "0",
                "国家机关、党群组织、企业、事业单位负责人",
                "Heads of state organs, party and mass organisations, enterprises and institutions",
            ),
            ("1", "专业技术人员", "Professional and technical staff"),
            ("2", "办事人员和有关人员", "Clerical staff"),
            ("3", "商业、服务业人员", "Commerce and service workers"),
            (
                "4",
                "农、林、牧、渔、水利业生产人员",
                "Agriculture, forestry, husbandry, fishery and water conservancy workers",
            ),
            ("5", "生产、运输设备操作人员及有关人员", "Production and transport equipment operators"),
            ("6", "军人", "Military"),
            ("7", "不便分类的其他从业人员", "Other workers"),
            ("8", "无职业", "No occupation"),
        ],
    ),
    _cl(
        "marital",
        "婚姻状况",
        "Marital status",
        [
            ("1", "未婚", "Never married"),
            ("2", "已婚", "Married"),
            ("3", "丧偶", "Widowed"),
            ("4", "离婚", "Divorced"),
            ("5", "未说明", "Unstated"),
        ],
    ),
    # Provinces have merged 2 and 3 into 城乡居民基本医疗保险: adjust with codes.json.
    _cl(
        "payment",
        "医疗费用支付方式",
        "Medical payment",
        [
            ("1", "城镇职工基本医疗保险", "Urban employee basic medical insurance"),
            ("2", "城镇居民基本医疗保险", "Urban resident basic medical insurance"),
            ("3", "新型农村合作医疗", "New rural cooperative medical scheme"),
            ("4", "贫困救助", "Poverty relief"),
            ("5", "商业医疗保险", "Commercial insurance"),
            ("6", "全公费", "Fully publicly funded"),
            ("7", "全自费", "Fully self-paid"),
            ("8", "其他", "Other"),
        ],
        multi=True,
        other_code="8",
    ),
    _cl(
        "allergy",
        "药物过敏史",
        "Drug allergy",
        [
            ("1", "无", "None"),
            ("2", "青霉素", "Penicillin"),
            ("3", "磺胺", "Sulfonamides"),
            ("4", "链霉素", "Streptomycin"),
            ("5", "其他", "Other"),
        ],
        multi=True,
        none_code="1",
        other_code="5",
    ),
    _cl(
        "exposure",
        "暴露史",
        "Exposure",
        [
            ("1", "无", "None"),
            ("2", "化学品", "Chemicals"),
            ("3", "毒物", "Poisons"),
            ("4", "射线", "Radiation"),
        ],
        multi=True,
        none_code="1",
    ),
    _cl(
        "past_disease",
        "既往史·疾病",
        "Past diseases",
        [
            ("1", "无", "None"),
            ("2", "高血压", "Hypertension"),
            ("3", "糖尿病", "Diabetes"),
            ("4", "冠心病", "Coronary heart disease"),
            ("5", "慢性阻塞性肺疾病", "COPD"),
            ("6", "恶性肿瘤", "Malignant tumour"),
            ("7", "脑卒中", "Stroke"),
            ("8", "严重精神障碍", "Severe mental disorder"),
            ("9", "结核病", "Tuberculosis"),
            ("10", "肝炎", "Hepatitis"),
            ("11", "其他法定传染病", "Other notifiable infectious disease"),
            ("12", "职业病", "Occupational disease"),
            ("13", "其他", "Other"),
        ],
        multi=True,
        none_code="1",
        other_code="13",
        sensitive_codes=("8",),
    ),
    _cl(
        "family_disease",
        "家族史",
        "Family history",
        [
            ("1", "无", "None"),
            ("2", "高血压", "Hypertension"),
            ("3", "糖尿病", "Diabetes"),
            ("4", "冠心病", "Coronary heart disease"),
            ("5", "慢性阻塞性肺疾病", "COPD"),
            ("6", "恶性肿瘤", "Malignant tumour"),
            ("7", "脑卒中", "Stroke"),
            ("8", "严重精神障碍", "Severe mental disorder"),
            ("9", "结核病", "Tuberculosis"),
            ("10", "肝炎", "Hepatitis"),
            ("11", "先天畸形", "Congenital malformation"),
            ("12", "其他", "Other"),
        ],
        multi=True,
        none_code="1",
        other_code="12",
    ),
    _cl(
        "relative",
        "家族史亲属",
        "Relative",
        [
            ("father", "父亲", "Father"),
            ("mother", "母亲", "Mother"),
            ("sibling", "兄弟姐妹", "Siblings"),
            ("child", "子女", "Children"),
        ],
    ),
    _cl(
        "history_event",
        "手术/外伤/输血",
        "Surgery / trauma / transfusion",
        [
            ("surgery", "手术", "Surgery"),
            ("trauma", "外伤", "Trauma"),
            ("transfusion", "输血", "Transfusion"),
        ],
    ),
    _cl(
        "disability",
        "残疾情况",
        "Disability",
        [
            ("1", "无残疾", "No disability"),
            ("2", "视力残疾", "Visual"),
            ("3", "听力残疾", "Hearing"),
            ("4", "言语残疾", "Speech"),
            ("5", "肢体残疾", "Physical"),
            ("6", "智力残疾", "Intellectual"),
            ("7", "精神残疾", "Mental"),
            ("8", "其他残疾", "Other"),
        ],
        multi=True,
        none_code="1",
        other_code="8",
    ),
    _cl(
        "kitchen_exhaust",
        "厨房排风设施",
        "Kitchen ventilation",
        [
            ("1", "无", "None"),
            ("2", "油烟机", "Range hood"),
            ("3", "换气扇", "Exhaust fan"),
            ("4", "烟囱", "Chimney"),
        ],
    ),
    _cl(
        "fuel",
        "燃料类型",
        "Cooking fuel",
        [
            ("1", "液化气", "LPG"),
            ("2", "煤", "Coal"),
            ("3", "天然气", "Natural gas"),
            ("4", "沼气", "Biogas"),
            ("5", "柴火", "Firewood"),
            ("6", "其他", "Other"),
        ],
    ),
    _cl(
        "water",
        "饮水",
        "Drinking water",
        [
            ("1", "自来水", "Tap water"),
            ("2", "经净化过滤的水", "Purified water"),
            ("3", "井水", "Well water"),
            ("4", "河湖水", "River or lake water"),
            ("5", "塘水", "Pond water"),
            ("6", "其他", "Other"),
        ],
    ),
    _cl(
        "toilet",
        "厕所",
        "Toilet",
        [
            ("1", "卫生厕所", "Sanitary toilet"),
            ("2", "一格或二格粪池式", "One- or two-compartment septic pit"),
            ("3", "马桶", "Chamber pot"),
            ("4", "露天粪坑", "Open pit"),
            ("5", "简易棚厕", "Simple shed latrine"),
        ],
    ),
    _cl(
        "livestock",
        "禽畜栏",
        "Livestock pen",
        [
            ("1", "无", "None"),
            ("2", "单设", "Separate"),
            ("3", "室内", "Indoors"),
            ("4", "室外", "Outdoors"),
        ],
    ),
    # ---- beyond the form ----
    # 与户主关系: top-level categories of GB/T 4761-2008 家庭关系代码.
    _cl(
        "relation",
        "与户主关系",
        "Relation to head of household",
        [
            ("0", "户主", "Head of household"),
            ("1", "配偶", "Spouse"),
            ("2", "子", "Son"),
            ("3", "女", "Daughter"),
            ("4", "孙子女", "Grandchild"),
            ("5", "父母", "Parent"),
            ("6", "祖父母", "Grandparent"),
            ("7", "兄弟姐妹", "Sibling"),
            ("8", "其他", "Other"),
        ],
    ),
    _cl(
        "resident_status",
        "档案状态",
        "Record status",
        [
            ("1", "在册", "Active"),
            ("2", "迁出", "Moved away"),
            ("3", "死亡", "Deceased"),
        ],
    ),
    _cl(
        "id_type",
        "证件类型",
        "ID type",
        [
            ("1", "居民身份证", "Resident ID card"),
            ("2", "护照", "Passport"),
            ("3", "港澳居民来往内地通行证", "Home Return Permit"),
            ("4", "台湾居民来往大陆通行证", "Taiwan Compatriot Permit"),
            ("9", "其他", "Other"),
        ],
    ),
    # 民族: GB 3304-1991 中国各民族名称的罗马字母拼写法和代码.
    _cl(
        "ethnicity",
        "民族",
        "Ethnicity",
        [
            ("01", "汉族", "Han"),
            ("02", "蒙古族", "Mongol"),
            ("03", "回族", "Hui"),
            ("04", "藏族", "Tibetan"),
            ("05", "维吾尔族", "Uyghur"),
            ("06", "苗族", "Miao"),
            ("07", "彝族", "Yi"),
            ("08", "壮族", "Zhuang"),
            ("09", "布依族", "Bouyei"),
            ("10", "朝鲜族", "Korean"),
            ("11", "满族", "Manchu"),
            ("12", "侗族", "Dong"),
            ("13", "瑶族", "Yao"),
            ("14", "白族", "Bai"),
            ("15", "土家族", "Tujia"),
            ("16", "哈尼族", "Hani"),
            ("17", "哈萨克族", "Kazakh"),
            ("18", "傣族", "Dai"),
            ("19", "黎族", "Li"),
            ("20", "傈僳族", "Lisu"),
            ("21", "佤族", "Va"),
            ("22", "畲族", "She"),
            ("23", "高山族", "Gaoshan"),
            ("24", "拉祜族", "Lahu"),
            ("25", "水族", "Shui"),
            ("26", "东乡族", "Dongxiang"),
            ("27", "纳西族", "Naxi"),
            ("28", "景颇族", "Jingpo"),
            ("29", "柯尔克孜族", "Kyrgyz"),
            ("30", "土族", "Tu"),
            ("31", "达斡尔族", "Daur"),
            ("32", "仫佬族", "Mulao"),
            ("33", "羌族", "Qiang"),
            ("34", "布朗族", "Blang"),
            ("35", "撒拉族", "Salar"),
            ("36", "毛南族", "Maonan"),
            ("37", "仡佬族", "Gelao"),
            ("38", "锡伯族", "Xibe"),
            ("39", "阿昌族", "Achang"),
            ("40", "普米族", "Pumi"),
            ("41", "塔吉克族", "Tajik"),
            ("42", "怒族", "Nu"),
            ("43", "乌孜别克族", "Uzbek"),
            ("44", "俄罗斯族", "Russian"),
            ("45", "鄂温克族", "Evenki"),
            ("46", "德昂族", "De'ang"),
            ("47", "保安族", "Bonan"),
            ("48", "裕固族", "Yugur"),
            ("49", "京族", "Gin"),
            ("50", "塔塔尔族", "Tatar"),
            ("51", "独龙族", "Derung"),
            ("52", "鄂伦春族", "Oroqen"),
            ("53", "赫哲族", "Hezhen"),
            ("54", "门巴族", "Monba"),
            ("55", "珞巴族", "Lhoba"),
            ("56", "基诺族", "Jino"),
            ("97", "其他", "Other"),
            ("98", "外国血统中国籍人士", "Chinese citizen of foreign origin"),
        ],
    ),
]

# ---- 高血压 / 2型糖尿病患者随访服务记录表 ----
_LISTS += [
    _cl(
        "followup_method",
        "随访方式",
        "Visit method",
        [("1", "门诊", "Clinic"), ("2", "家庭", "Home"), ("3", "电话", "Phone")],
    ),
    _cl(
        "htn_symptom",
        "症状",
        "Symptoms",
        [
            ("1", "无症状", "None"),
            ("2", "头痛头晕", "Headache, dizziness"),
            ("3", "恶心呕吐", "Nausea, vomiting"),
            ("4", "眼花耳鸣", "Blurred vision, tinnitus"),
            ("5", "呼吸困难", "Breathing difficulty"),
            ("6", "心悸胸闷", "Palpitations, chest tightness"),
            ("7", "鼻衄出血不止", "Nosebleed that will not stop"),
            ("8", "四肢发麻", "Numb limbs"),
            ("9", "下肢水肿", "Leg oedema"),
        ],
        multi=True,
        none_code="1",
    ),
    _cl(
        "t2dm_symptom",
        "症状",
        "Symptoms",
        [
            ("1", "无症状", "None"),
            ("2", "多饮", "Polydipsia"),
            ("3", "多食", "Polyphagia"),
            ("4", "多尿", "Polyuria"),
            ("5", "视力模糊", "Blurred vision"),
            ("6", "感染", "Infection"),
            ("7", "手脚麻木", "Numb hands and feet"),
            ("8", "下肢浮肿", "Leg oedema"),
            ("9", "体重明显下降", "Marked weight loss"),
        ],
        multi=True,
        none_code="1",
    ),
    _cl(
        "program",
        "慢病管理项目",
        "Programme",
        [
            ("htn", "高血压", "Hypertension"),
            ("t2dm", "2型糖尿病", "Type 2 diabetes"),
            # 严重精神障碍: a neutral name, so no list, card or print names the disorder
            ("smi", "专项随访", "Special follow-up"),
        ],
    ),
    _cl(
        "program_status",
        "管理状态",
        "Management status",
        [
            ("1", "在管", "Under management"),
            ("2", "失访", "Lost to follow-up"),
            ("3", "迁出", "Moved away"),
            ("4", "死亡", "Deceased"),
            ("5", "终止管理", "Ended"),
        ],
    ),
    _cl(
        "adherence",
        "服药依从性",
        "Medication adherence",
        [("1", "规律", "Regular"), ("2", "间断", "Intermittent"), ("3", "不服药", "Not taking")],
    ),
    _cl(
        "good_fair_poor",
        "心理调整/遵医行为",
        "Rating",
        [("1", "良好", "Good"), ("2", "一般", "Fair"), ("3", "差", "Poor")],
    ),
    # Provincial revisions (optional, unconfirmed): shown when 设置 turns them on.
    _cl(
        "next_step",
        "下一步管理措施",
        "Next step",
        [
            ("1", "常规随访", "Routine follow-up"),
            ("2", "第1次控制不满意2周随访", "First uncontrolled: 2-week follow-up"),
            ("3", "两次控制不满意转诊随访", "Twice uncontrolled: refer and follow up"),
            ("4", "紧急转诊", "Emergency referral"),
        ],
    ),
    _cl(
        "referral_result",
        "转诊结果",
        "Referral result",
        [("1", "到位", "Arrived"), ("2", "不到位", "Did not arrive")],
    ),
    # A referral's life (DOMAIN.md, 双向转诊单): issued → arrived or not → returned.
    _cl(
        "referral_status",
        "转诊状态",
        "Referral status",
        [
            ("issued", "已转出", "Referred"),
            ("arrived", "到位", "Arrived"),
            ("not_arrived", "不到位", "Did not arrive"),
            ("returned", "已回转", "Returned"),
        ],
    ),
    _cl(
        "foot_pulse",
        "足背动脉搏动",
        "Dorsalis pedis pulse",
        [
            ("1", "触及正常", "Normal"),
            ("2B", "减弱（双侧）", "Weak (both)"),
            ("2L", "减弱（左侧）", "Weak (left)"),
            ("2R", "减弱（右侧）", "Weak (right)"),
            ("3B", "消失（双侧）", "Absent (both)"),
            ("3L", "消失（左侧）", "Absent (left)"),
            ("3R", "消失（右侧）", "Absent (right)"),
        ],
    ),
    _cl(
        "salt",
        "摄盐情况",
        "Salt intake",
        [("1", "轻", "Light"), ("2", "中", "Moderate"), ("3", "重", "Heavy")],
    ),
    _cl(
        "hypoglycaemia",
        "低血糖反应",
        "Hypoglycaemia",
        [("1", "无", "None"), ("2", "偶尔", "Occasional"), ("3", "频繁", "Frequent")],
    ),
    _cl(
        "visit_class",
        "此次随访分类",
        "Visit classification",
        [
            ("1", "控制满意", "Controlled"),
            ("2", "控制不满意", "Not controlled"),
            ("3", "不良反应", "Adverse reaction"),
            ("4", "并发症", "Complication"),
        ],
    ),
    # 规范第三版: the signs that call for emergency referral (紧急转诊), besides the measurements.
    _cl(
        "htn_emergency_sign",
        "高血压紧急转诊情况",
        "Hypertension emergency signs",
        [
            ("consciousness", "意识改变", "Altered consciousness"),
            ("headache", "剧烈头痛或头晕", "Severe headache or dizziness"),
            ("vomiting", "恶心呕吐", "Nausea or vomiting"),
            ("vision", "视力模糊、眼痛", "Blurred vision or eye pain"),
            ("palpitation", "心悸、胸闷", "Palpitations or chest tightness"),
            ("orthopnea", "喘憋不能平卧", "Breathless, cannot lie flat"),
            ("pregnancy", "妊娠或哺乳期血压高于正常", "Raised blood pressure in pregnancy or breastfeeding"),
            ("unmanageable", "其他本机构无法处理的情况", "Anything else this clinic cannot handle"),
        ],
        multi=True,
    ),
    _cl(
        "t2dm_emergency_sign",
        "糖尿病紧急转诊情况",
        "Diabetes emergency signs",
        [
            ("consciousness", "意识或行为改变", "Altered consciousness or behaviour"),
            ("acetone", "呼气有烂苹果样丙酮味", "Acetone (rotten-apple) breath"),
            ("palpitation", "心悸、出汗", "Palpitations, sweating"),
            ("appetite", "食欲减退、恶心呕吐", "Loss of appetite, nausea or vomiting"),
            ("polyuria", "多饮、多尿", "Polydipsia, polyuria"),
            ("abdominal_pain", "腹痛", "Abdominal pain"),
            ("breathing", "深大呼吸", "Deep rapid breathing"),
            ("flushed", "皮肤潮红", "Flushed skin"),
            ("vision", "视力骤降、眼痛", "Sudden loss of vision or eye pain"),
            # (the form takes no heart rate or temperature for diabetes: the doctor ticks what was seen)
            (
                "tachycardia",
                "持续性心动过速（心率超过100次/分钟）",
                "Persistent tachycardia (over 100 beats/min)",
            ),
            ("fever", "体温超过39°C", "Temperature over 39 °C"),
            ("unmanageable", "其他本机构无法处理的情况", "Anything else this clinic cannot handle"),
        ],
        multi=True,
    ),
]

# ---- not on the forms: what an installation is (profile.role), for labels only ----
_LISTS += [
    _cl(
        "site_role",
        "机构类型",
        "Installation",
        [
            ("village", "村卫生室", "Village clinic"),
            ("township", "乡镇卫生院", "Township health centre"),
            ("county", "县级卫生健康委", "County health commission"),
        ],
    ),
]

# ---- 严重精神障碍患者 (个人信息补充表, 随访服务记录表 2018) and 老年人健康管理: issue 18 ----
_LISTS += [
    _cl(
        "smi_diagnosis",
        "目前诊断",
        "Diagnosis",
        [
            ("1", "精神分裂症", "Schizophrenia"),
            ("2", "分裂情感性障碍", "Schizoaffective disorder"),
            ("3", "偏执性精神病", "Paranoid psychosis"),
            ("4", "双相（情感）障碍", "Bipolar (affective) disorder"),
            ("5", "癫痫所致精神障碍", "Mental disorder due to epilepsy"),
            ("6", "精神发育迟滞伴发精神障碍", "Mental retardation with mental disorder"),
        ],
    ),
    _cl(
        "smi_consent",
        "知情同意",
        "Informed consent",
        [("1", "同意参加管理", "Agrees"), ("0", "不同意", "Declines")],
    ),
    _cl(
        "smi_method",
        "随访形式",
        "Visit type",
        [("1", "门诊", "Clinic"), ("2", "家庭访视", "Home visit"), ("3", "电话", "Phone")],
    ),
    _cl(
        "smi_subject",
        "随访对象",
        "Informant",
        [
            ("1", "患者本人", "Patient"),
            ("2", "家属/监护人", "Family or guardian"),
            ("3", "其他知情人", "Other informant"),
        ],
    ),
    _cl(
        "smi_lost_reason",
        "失访原因",
        "Reason lost",
        [
            ("1", "外出务工", "Working away"),
            ("2", "迁居他处", "Moved away"),
            ("3", "走失", "Went missing"),
            ("4", "连续3次未访到", "Not reached 3 times running"),
            ("5", "其他", "Other"),
        ],
    ),
    _cl(
        "smi_death_cause",
        "死亡原因",
        "Cause of death",
        [
            ("1", "躯体疾病", "Physical illness"),
            ("2", "自杀", "Suicide"),
            ("3", "他杀", "Homicide"),
            ("4", "意外", "Accident"),
            ("5", "精神疾病相关并发症", "Complication of the mental illness"),
            ("6", "其他", "Other"),
        ],
    ),
    _cl(
        "smi_danger",
        "危险性评估",
        "Danger level",
        [
            ("0", "0级", "Level 0"),
            ("1", "1级", "Level 1"),
            ("2", "2级", "Level 2"),
            ("3", "3级", "Level 3"),
            ("4", "4级", "Level 4"),
            ("5", "5级", "Level 5"),
        ],
    ),
    _cl(
        "smi_symptom",
        "目前症状",
        "Current symptoms",
        [
            ("1", "幻觉", "Hallucinations"),
            ("2", "交流困难", "Difficulty communicating"),
            ("3", "猜疑", "Suspiciousness"),
            ("4", "喜怒无常", "Mood swings"),
            ("5", "行为怪异", "Bizarre behaviour"),
            ("6", "兴奋话多", "Excited, talkative"),
            ("7", "伤人毁物", "Hurts people or damages things"),
            ("8", "悲观厌世", "Pessimistic, weary of life"),
            ("9", "无故外走", "Wanders off"),
            ("10", "自语自笑", "Talks or laughs alone"),
            ("11", "孤僻懒散", "Withdrawn, idle"),
            ("12", "其他", "Other"),
        ],
        multi=True,
        other_code="12",
    ),
    _cl(
        "smi_insight",
        "自知力",
        "Insight",
        [("1", "完全", "Full"), ("2", "不全", "Partial"), ("3", "缺失", "None")],
    ),
    _cl(
        "smi_rating", "评价", "Rating", [("1", "良好", "Good"), ("2", "一般", "Fair"), ("3", "较差", "Poor")]
    ),
    _cl(
        "smi_rating_na",
        "评价",
        "Rating",
        [
            ("1", "良好", "Good"),
            ("2", "一般", "Fair"),
            ("3", "较差", "Poor"),
            ("9", "不适用", "Not applicable"),
        ],
    ),
    _cl(
        "smi_locking",
        "关锁情况",
        "Locking up",
        [("1", "无关锁", "Never locked up"), ("2", "关锁", "Locked up"), ("3", "关锁已解除", "Released")],
    ),
    _cl(
        "smi_hospital",
        "住院情况",
        "Hospital stays",
        [
            ("0", "未住院", "Never admitted"),
            ("1", "目前正在住院", "In hospital now"),
            ("2", "曾住院，现未住院", "Admitted before, not now"),
        ],
    ),
    _cl(
        "smi_adherence",
        "用药依从性",
        "Medication adherence",
        [
            ("1", "按医嘱规律用药", "Regular as prescribed"),
            ("2", "间断用药", "Intermittent"),
            ("3", "不用药", "Not taking"),
            ("4", "医嘱勿需用药", "No medication prescribed"),
        ],
    ),
    _cl(
        "smi_adverse",
        "药物不良反应",
        "Adverse drug reaction",
        [("1", "无", "None"), ("2", "有", "Yes"), ("9", "不适用", "Not applicable")],
    ),
    _cl(
        "smi_effect",
        "治疗效果",
        "Treatment effect",
        [
            ("1", "痊愈", "Recovered"),
            ("2", "好转", "Improved"),
            ("3", "无变化", "Unchanged"),
            ("4", "加重", "Worse"),
            ("9", "不适用", "Not applicable"),
        ],
    ),
    _cl(
        "smi_rehab",
        "康复措施",
        "Rehabilitation",
        [
            ("1", "生活劳动能力", "Daily living and work skills"),
            ("2", "职业训练", "Vocational training"),
            ("3", "学习能力", "Learning skills"),
            ("4", "社会交往", "Social skills"),
            ("5", "其他", "Other"),
        ],
        multi=True,
        other_code="5",
    ),
    _cl(
        "smi_class",
        "本次随访分类",
        "Visit classification",
        [("1", "不稳定", "Unstable"), ("2", "基本稳定", "Mostly stable"), ("3", "稳定", "Stable")],
    ),
    _cl(
        "smi_outpatient",
        "既往门诊治疗",
        "Past outpatient treatment",
        [
            ("1", "未治", "Untreated"),
            ("2", "间断门诊治疗", "Intermittent"),
            ("3", "连续门诊治疗", "Continuous"),
        ],
    ),
    _cl(
        "smi_last_effect",
        "最近一次治疗效果",
        "Latest treatment effect",
        [
            ("1", "临床痊愈", "Clinical recovery"),
            ("2", "好转", "Improved"),
            ("3", "无变化", "Unchanged"),
            ("4", "加重", "Worse"),
        ],
    ),
    _cl(
        "smi_economy",
        "经济状况",
        "Economic status",
        [
            ("1", "贫困", "Below the local poverty line"),
            ("2", "非贫困", "Not poor"),
            ("3", "不详", "Unknown"),
        ],
    ),
    # 危险行为: counted per kind (the supplementary form since onset, the visit since the last one).
    _cl(
        "smi_risk_act",
        "危险行为",
        "Dangerous acts",
        [
            ("mild", "轻度滋事", "Minor trouble"),
            ("trouble", "肇事", "Causing incidents"),
            ("disaster", "肇祸", "Causing serious harm"),
            ("other", "其他危害行为", "Other harmful acts"),
            ("self_harm", "自伤", "Self-harm"),
            ("suicide", "自杀未遂", "Attempted suicide"),
        ],
    ),
    # 社会功能情况, in the form's order; 生产劳动及工作 may be 不适用.
    _cl(
        "smi_social_item",
        "社会功能情况",
        "Social functioning",
        [
            ("personal", "个人生活料理", "Personal care"),
            ("housework", "家务劳动", "Housework"),
            ("work", "生产劳动及工作", "Farm work and jobs"),
            ("study", "学习能力", "Learning"),
            ("social", "社会人际交往", "Social contact"),
        ],
    ),
    # ---- 老年人健康管理 ----
    _cl(
        "selfcare_item",
        "生活自理能力评估",
        "Self-care assessment",
        [
            ("eating", "进餐", "Eating"),
            ("grooming", "梳洗", "Grooming"),
            ("dressing", "穿衣", "Dressing"),
            ("toilet", "如厕", "Toileting"),
            ("activity", "活动", "Moving about"),
        ],
    ),
    _cl(
        "selfcare_level",
        "生活自理能力",
        "Self-care",
        [
            ("1", "可自理", "Independent"),
            ("2", "轻度依赖", "Slightly dependent"),
            ("3", "中度依赖", "Moderately dependent"),
            ("4", "不能自理", "Fully dependent"),
        ],
    ),
    _cl(
        "exercise_frequency",
        "锻炼频率",
        "Exercise",
        [
            ("1", "每天", "Daily"),
            ("2", "每周一次以上", "Weekly or more"),
            ("3", "偶尔", "Now and then"),
            ("4", "不锻炼", "Never"),
        ],
    ),
    _cl(
        "diet_habit",
        "饮食习惯",
        "Diet",
        [
            ("1", "荤素均衡", "Balanced"),
            ("2", "荤食为主", "Mostly meat"),
            ("3", "素食为主", "Mostly vegetables"),
            ("4", "嗜盐", "Salty"),
            ("5", "嗜油", "Oily"),
            ("6", "嗜糖", "Sweet"),
        ],
        multi=True,
    ),
    _cl(
        "smoking_status",
        "吸烟状况",
        "Smoking",
        [("1", "从不吸烟", "Never"), ("2", "已戒烟", "Quit"), ("3", "吸烟", "Smokes")],
    ),
    _cl(
        "drinking_frequency",
        "饮酒频率",
        "Drinking",
        [
            ("1", "从不", "Never"),
            ("2", "偶尔", "Now and then"),
            ("3", "经常", "Often"),
            ("4", "每天", "Daily"),
        ],
    ),
    _cl(
        "checkup_symptom",
        "症状",
        "Symptoms",
        [
            ("1", "无症状", "None"),
            ("2", "头痛", "Headache"),
            ("3", "头晕", "Dizziness"),
            ("4", "心悸", "Palpitations"),
            ("5", "胸闷", "Chest tightness"),
            ("6", "胸痛", "Chest pain"),
            ("7", "慢性咳嗽", "Chronic cough"),
            ("8", "咳痰", "Sputum"),
            ("9", "呼吸困难", "Breathlessness"),
            ("10", "多饮", "Thirst"),
            ("11", "多尿", "Polyuria"),
            ("12", "体重下降", "Weight loss"),
            ("13", "乏力", "Fatigue"),
            ("14", "关节肿痛", "Painful joints"),
            ("15", "视力模糊", "Blurred vision"),
            ("16", "手脚麻木", "Numb hands or feet"),
            # the 2017 健康体检表's own numbers (17 尿急 … 25 其他): before schema 0030 this list
            # stopped at 17 便秘, 18 腹泻, 19 其他 (app.services.sync.upgrades renumbers those)
            ("17", "尿急", "Urgency"),
            ("18", "尿痛", "Painful urination"),
            ("19", "便秘", "Constipation"),
            ("20", "腹泻", "Diarrhoea"),
            ("21", "恶心呕吐", "Nausea or vomiting"),
            ("22", "眼花", "Dim vision"),
            ("23", "耳鸣", "Tinnitus"),
            ("24", "乳房胀痛", "Breast tenderness"),
            ("25", "其他", "Other"),
        ],
        multi=True,
        none_code="1",
        other_code="25",
    ),
    _cl("normal_abnormal", "检查结果", "Finding", [("1", "未见异常", "Normal"), ("2", "异常", "Abnormal")]),
    _cl(
        "hearing",
        "听力",
        "Hearing",
        [("1", "听见", "Hears"), ("2", "听不清或无法听见", "Cannot hear clearly")],
    ),
    _cl(
        "motor_function",
        "运动功能",
        "Motor function",
        [
            ("1", "可顺利完成", "Completes the tasks"),
            ("2", "无法独立完成任何一个动作", "Cannot do any task alone"),
        ],
    ),
    _cl(
        "elderly_guidance",
        "健康指导",
        "Guidance",
        [
            ("1", "疫苗接种", "Vaccination"),
            ("2", "骨质疏松预防", "Osteoporosis prevention"),
            ("3", "防跌倒", "Fall prevention"),
            ("4", "意外伤害预防", "Accident prevention"),
            ("5", "认知和情感", "Cognition and mood"),
            ("6", "戒烟", "Stop smoking"),
            ("7", "健康饮酒", "Drink sensibly"),
            ("8", "饮食", "Diet"),
            ("9", "锻炼", "Exercise"),
            ("10", "减体重", "Lose weight"),
        ],
        multi=True,
    ),
    _cl(
        "checkup_action",
        "健康评价处理",
        "Action taken",
        [
            ("1", "纳入慢性病患者健康管理", "Enrol in chronic-disease management"),
            ("2", "建议复查", "Re-check advised"),
            ("3", "建议转诊", "Referral advised"),
        ],
        multi=True,
    ),
]

# ---- 家庭医生签约, 建档立卡贫困户, 健康教育 (issue 19) ----
_LISTS += [
    _cl(
        "contract_package",
        "签约服务包",
        "Service package",
        [
            ("basic", "基础包", "Basic"),
            ("elderly", "老年人包", "Elderly"),
            ("chronic", "慢病包", "Chronic disease"),
            ("smi", "严重精神障碍包", "Severe mental disorder"),
            ("maternal", "孕产妇包", "Maternal"),
            ("child", "儿童包", "Child"),
            ("disabled", "残疾人包", "Disabled"),
            ("poor", "贫困人口包", "Poverty"),
        ],
        multi=True,
        sensitive_codes=("smi",),  # 严重精神障碍包 tells a reader the resident is a patient
    ),
    _cl(
        "contract_status",
        "签约状态",
        "Contract status",
        [
            ("active", "履约中", "Active"),
            ("renewed", "已续约", "Renewed"),
            ("ended", "已解约", "Terminated"),
        ],
    ),
    _cl(
        "contract_signature",
        "签字状态",
        "Signature",
        [("signed", "已签字", "Signed"), ("pending", "待签字", "Awaiting signature")],
    ),
    _cl(
        "poverty_status",
        "贫困户类型",
        "Poverty status",
        [
            ("registered", "建档立卡贫困户", "Registered poor household"),
            ("lifted", "脱贫户", "Lifted out of poverty"),
            ("monitored", "防返贫监测户", "Monitored against relapse"),
            ("none", "非贫困户", "Not poor"),
        ],
    ),
    _cl(
        "poverty_cause",
        "致贫原因",
        "Cause of poverty",
        [
            ("illness", "因病", "Illness"),
            ("disability", "因残", "Disability"),
            ("schooling", "因学", "Schooling costs"),
            ("labour", "缺劳力", "Lack of labour"),
            ("other", "其他", "Other"),
        ],
    ),
    _cl(
        "poverty_track",
        "救治方式",
        "Treatment track",
        [
            ("major", "大病集中救治", "Concentrated treatment of major illness"),
            ("chronic", "慢病签约服务管理", "Contracted chronic-disease management"),
            ("severe", "重病兜底保障", "Safety-net cover for severe illness"),
        ],
    ),
    # 规范第三版 健康教育活动记录表: 活动形式
    _cl(
        "education_form",
        "活动形式",
        "Activity type",
        [
            ("1", "发放印刷资料", "Printed materials"),
            ("2", "播放音像资料", "Audio-visual materials"),
            ("3", "宣传栏", "Bulletin board"),
            ("4", "公众健康咨询活动", "Public consultation"),
            ("5", "健康知识讲座", "Health lecture"),
            ("6", "个体化健康教育", "Individual education"),
        ],
    ),
]


BUILT_IN: tuple[CodeList, ...] = tuple(_LISTS)  # as shipped, whatever codes.json replaces
CODE_LISTS: dict[str, CodeList] = {cl.name: cl for cl in _LISTS}


def code_list(name: str) -> CodeList:
    return CODE_LISTS[name]


def english_label(zh: str) -> str | None:
    """The English of a Chinese code label or list title (for labels quoted inside messages)."""
    for cl in CODE_LISTS.values():
        if zh == cl.zh:
            return cl.en
        for c in cl.codes:
            if zh == c.zh:
                return c.en
    return None


def load_overrides(path: Path) -> None:
    """Apply a province's adjustments: ``{"payment": [["1", "职工医保", "Employee insurance"], ...]}``
    replaces the named lists wholesale.  Unknown list names are an error, so a typo is noticed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for name, rows in data.items():
        if name not in CODE_LISTS:
            raise KeyError(f"codes.json: unknown code list {name!r}")
        old = CODE_LISTS[name]
        CODE_LISTS[name] = CodeList(
            old.name,
            old.zh,
            old.en,
            [Code(*r) for r in rows],
            multi=old.multi,
            none_code=old.none_code,
            other_code=old.other_code,
            sensitive_codes=old.sensitive_codes,
        )
