"""The two forms of the severe mental disorder programme, declared once as field tables:
:data:`REGISTRATION_FORM` (严重精神障碍患者个人信息补充表) and :data:`VISIT_FORM` (严重精神障碍患者随访服务
记录表, 2018 layout).  The service validates with them, the GUI builds its widgets from them, the
prints lay them out from them and the saved ``form`` JSON is keyed by them.  No Qt.
"""

from __future__ import annotations

from app.codes import CODE_LISTS
from app.i18n import QT_TRANSLATE_NOOP
from app.services.records.field_table import Field, FieldTable, Kind, Section

# 危险行为 and 社会功能 rows, in their code lists' order (asserted below, so the lists stay one source)
RISK_ACTS = (
    ("mild", QT_TRANSLATE_NOOP("Field", "轻度滋事")),
    ("trouble", QT_TRANSLATE_NOOP("Field", "肇事")),
    ("disaster", QT_TRANSLATE_NOOP("Field", "肇祸")),
    ("other", QT_TRANSLATE_NOOP("Field", "其他危害行为")),
    ("self_harm", QT_TRANSLATE_NOOP("Field", "自伤")),
    ("suicide", QT_TRANSLATE_NOOP("Field", "自杀未遂")),
)
SOCIAL_ITEMS = (
    ("personal", QT_TRANSLATE_NOOP("Field", "个人生活料理")),
    ("housework", QT_TRANSLATE_NOOP("Field", "家务劳动")),
    ("work", QT_TRANSLATE_NOOP("Field", "生产劳动及工作")),
    ("study", QT_TRANSLATE_NOOP("Field", "学习能力")),
    ("social", QT_TRANSLATE_NOOP("Field", "社会人际交往")),
)
assert tuple(k for k, _ in RISK_ACTS) == tuple(c.code for c in CODE_LISTS["smi_risk_act"])
assert tuple(k for k, _ in SOCIAL_ITEMS) == tuple(c.code for c in CODE_LISTS["smi_social_item"])
DRUG_ROWS = 3


def _risk_fields(prefix: str) -> tuple[Field, ...]:
    return tuple(
        Field(
            f"{prefix}_{key}",
            label,
            Kind.NUMBER,
            minimum=0,
            maximum=999,
            unit=QT_TRANSLATE_NOOP("Field", "次"),
        )
        for key, label in RISK_ACTS
    )


def _drug_fields() -> tuple[Field, ...]:
    out: list[Field] = []
    for i in range(1, DRUG_ROWS + 1):
        out += [
            Field(f"drug{i}_name", QT_TRANSLATE_NOOP("Field", "药物名称"), Kind.TEXT, max_len=50),
            Field(
                f"drug{i}_am",
                QT_TRANSLATE_NOOP("Field", "早（mg）"),
                Kind.NUMBER,
                minimum=0,
                maximum=5000,
                inline=QT_TRANSLATE_NOOP("Field", "早（mg）"),  # (said beside its box: three look alike)
            ),
            Field(
                f"drug{i}_noon",
                QT_TRANSLATE_NOOP("Field", "中（mg）"),
                Kind.NUMBER,
                minimum=0,
                maximum=5000,
                inline=QT_TRANSLATE_NOOP("Field", "中（mg）"),  # (said beside its box: three look alike)
            ),
            Field(
                f"drug{i}_pm",
                QT_TRANSLATE_NOOP("Field", "晚（mg）"),
                Kind.NUMBER,
                minimum=0,
                maximum=5000,
                inline=QT_TRANSLATE_NOOP("Field", "晚（mg）"),  # (said beside its box: three look alike)
            ),
        ]
    return tuple(out)


REGISTRATION_FORM = FieldTable(
    "smi_registration",
    [
        Section(
            "guardian",
            QT_TRANSLATE_NOOP("Field", "监护人"),
            (
                Field("guardian_name", QT_TRANSLATE_NOOP("Field", "监护人姓名"), Kind.TEXT, max_len=50),
                Field("guardian_relation", QT_TRANSLATE_NOOP("Field", "与患者关系"), Kind.TEXT, max_len=20),
                Field("guardian_address", QT_TRANSLATE_NOOP("Field", "监护人住址"), Kind.TEXT, max_len=100),
                Field("guardian_phone", QT_TRANSLATE_NOOP("Field", "监护人电话"), Kind.PHONE),
                Field(
                    "committee_contact",
                    QT_TRANSLATE_NOOP("Field", "村（居）委会联系人"),
                    Kind.TEXT,
                    max_len=50,
                ),
                Field("committee_phone", QT_TRANSLATE_NOOP("Field", "村（居）委会联系电话"), Kind.PHONE),
            ),
        ),
        Section(
            "consent",
            QT_TRANSLATE_NOOP("Field", "知情同意"),
            (
                Field(
                    "consent",
                    QT_TRANSLATE_NOOP("Field", "知情同意"),
                    Kind.CODE,
                    codes="smi_consent",
                    required=True,
                ),
                Field("consent_signer", QT_TRANSLATE_NOOP("Field", "签字"), Kind.TEXT, max_len=50),
                Field("consent_date", QT_TRANSLATE_NOOP("Field", "签字时间"), Kind.DATE, not_future=True),
            ),
        ),
        Section(
            "history",
            QT_TRANSLATE_NOOP("Field", "既往情况"),
            (
                Field("first_onset", QT_TRANSLATE_NOOP("Field", "初次发病时间"), Kind.DATE, not_future=True),
                Field(
                    "past_symptoms",
                    QT_TRANSLATE_NOOP("Field", "既往主要症状"),
                    Kind.MULTI,
                    codes="smi_symptom",
                    other="past_symptom_other",
                ),
                Field(
                    "past_locking", QT_TRANSLATE_NOOP("Field", "既往关锁情况"), Kind.CODE, codes="smi_locking"
                ),
                Field(
                    "outpatient", QT_TRANSLATE_NOOP("Field", "门诊治疗"), Kind.CODE, codes="smi_outpatient"
                ),
                Field(
                    "first_drug_date",
                    QT_TRANSLATE_NOOP("Field", "首次抗精神病药治疗时间"),
                    Kind.DATE,
                    not_future=True,
                ),
                Field(
                    "admissions",
                    QT_TRANSLATE_NOOP("Field", "住院次数"),
                    Kind.NUMBER,
                    minimum=0,
                    maximum=99,
                    unit=QT_TRANSLATE_NOOP("Field", "次"),
                ),
            ),
        ),
        Section(
            "diagnosis",
            QT_TRANSLATE_NOOP("Field", "目前诊断情况"),
            (
                Field(
                    "diagnosis",
                    QT_TRANSLATE_NOOP("Field", "诊断"),
                    Kind.CODE,
                    codes="smi_diagnosis",
                    required=True,
                ),
                Field("diagnosis_hospital", QT_TRANSLATE_NOOP("Field", "确诊医院"), Kind.TEXT, max_len=100),
                Field("diagnosis_date", QT_TRANSLATE_NOOP("Field", "确诊日期"), Kind.DATE, not_future=True),
                Field(
                    "last_effect",
                    QT_TRANSLATE_NOOP("Field", "最近一次治疗效果"),
                    Kind.CODE,
                    codes="smi_last_effect",
                ),
            ),
        ),
        Section("risk", QT_TRANSLATE_NOOP("Field", "危险行为（发病以来）"), _risk_fields("risk")),
        Section(
            "other",
            QT_TRANSLATE_NOOP("Field", "其他"),
            (
                Field("economy", QT_TRANSLATE_NOOP("Field", "经济状况"), Kind.CODE, codes="smi_economy"),
                Field(
                    "specialist_opinion", QT_TRANSLATE_NOOP("Field", "专科医生的意见"), Kind.TEXT, max_len=500
                ),
            ),
        ),
    ],
)

VISIT_FORM = FieldTable(
    "smi_visit",
    [
        Section(
            "visit",
            QT_TRANSLATE_NOOP("Field", "随访"),
            (
                Field(
                    "visit_date",
                    QT_TRANSLATE_NOOP("Field", "随访日期"),
                    Kind.DATE,
                    required=True,
                    not_future=True,
                ),
                Field(
                    "method",
                    QT_TRANSLATE_NOOP("Field", "随访形式"),
                    Kind.CODE,
                    codes="smi_method",
                    default="1",
                ),
                Field(
                    "subject",
                    QT_TRANSLATE_NOOP("Field", "随访对象"),
                    Kind.CODE,
                    codes="smi_subject",
                    default="1",
                ),
            ),
        ),
        Section(
            "assessment",
            QT_TRANSLATE_NOOP("Field", "病情"),
            (
                Field(
                    "danger",
                    QT_TRANSLATE_NOOP("Field", "危险性评估"),
                    Kind.NUMBER,
                    required=True,
                    minimum=0,
                    maximum=5,
                    hint="0–5",
                    note=QT_TRANSLATE_NOOP(
                        "Field",
                        "0级 无下列行为；1级 口头威胁、喊叫，但没有打砸；2级 打砸局限在家里、针对财物，能被劝说制止；"
                        "3级 明显打砸，不分场合，针对财物，不能接受劝说而停止；4级 持续打砸，不分场合，针对财物或人，"
                        "不能接受劝说而停止（包括自伤、自杀）；5级 持械针对人的任何暴力行为，或纵火、爆炸等行为",
                    ),
                ),
                Field(
                    "symptoms",
                    QT_TRANSLATE_NOOP("Field", "目前症状"),
                    Kind.MULTI,
                    codes="smi_symptom",
                    other="symptom_other",
                ),
                Field("insight", QT_TRANSLATE_NOOP("Field", "自知力"), Kind.CODE, codes="smi_insight"),
                Field("sleep", QT_TRANSLATE_NOOP("Field", "睡眠情况"), Kind.CODE, codes="smi_rating"),
                Field("diet", QT_TRANSLATE_NOOP("Field", "饮食情况"), Kind.CODE, codes="smi_rating"),
            ),
        ),
        Section(
            "social",
            QT_TRANSLATE_NOOP("Field", "社会功能情况"),
            tuple(
                Field(
                    f"social_{key}",
                    label,
                    Kind.CODE,
                    codes="smi_rating_na" if key == "work" else "smi_rating",
                )
                for key, label in SOCIAL_ITEMS
            ),
        ),
        Section("risk", QT_TRANSLATE_NOOP("Field", "危险行为"), _risk_fields("acts")),
        Section(
            "treatment",
            QT_TRANSLATE_NOOP("Field", "治疗"),
            (
                Field(
                    "locking",
                    QT_TRANSLATE_NOOP("Field", "两次随访期间关锁情况"),
                    Kind.CODE,
                    codes="smi_locking",
                ),
                Field(
                    "hospital",
                    QT_TRANSLATE_NOOP("Field", "两次随访期间住院情况"),
                    Kind.CODE,
                    codes="smi_hospital",
                ),
                Field(
                    "last_discharge", QT_TRANSLATE_NOOP("Field", "末次出院时间"), Kind.DATE, not_future=True
                ),
                Field(
                    "adherence", QT_TRANSLATE_NOOP("Field", "用药依从性"), Kind.CODE, codes="smi_adherence"
                ),
                Field("adverse", QT_TRANSLATE_NOOP("Field", "药物不良反应"), Kind.CODE, codes="smi_adverse"),
                Field("adverse_text", QT_TRANSLATE_NOOP("Field", "不良反应描述"), Kind.TEXT, max_len=200),
                Field(
                    "adverse_serious",
                    QT_TRANSLATE_NOOP("Field", "严重药物不良反应"),
                    Kind.BOOL,
                    choice=QT_TRANSLATE_NOOP("Field", "是"),
                ),
                Field(
                    "physical_illness",
                    QT_TRANSLATE_NOOP("Field", "严重躯体疾病"),
                    Kind.BOOL,
                    choice=QT_TRANSLATE_NOOP("Field", "是"),
                ),
                Field("effect", QT_TRANSLATE_NOOP("Field", "治疗效果"), Kind.CODE, codes="smi_effect"),
            ),
        ),
        Section(
            "drugs",
            QT_TRANSLATE_NOOP("Field", "用药情况"),
            (
                *_drug_fields(),
                Field(
                    "long_acting",
                    QT_TRANSLATE_NOOP("Field", "长效针剂"),
                    Kind.TEXT,
                    max_len=100,
                    hint=QT_TRANSLATE_NOOP("Field", "药名、剂量、每几周一次"),
                ),
            ),
        ),
        Section(
            "referral",
            QT_TRANSLATE_NOOP("Field", "转诊与康复"),
            (
                Field(
                    "referral",
                    QT_TRANSLATE_NOOP("Field", "是否转诊"),
                    Kind.BOOL,
                    choice=QT_TRANSLATE_NOOP("Field", "转诊"),
                ),
                Field("referral_reason", QT_TRANSLATE_NOOP("Field", "转诊原因"), Kind.TEXT, max_len=200),
                Field(
                    "referral_institution",
                    QT_TRANSLATE_NOOP("Field", "转诊至机构及科室"),
                    Kind.TEXT,
                    max_len=100,
                ),
                Field(
                    "rehab",
                    QT_TRANSLATE_NOOP("Field", "康复措施"),
                    Kind.MULTI,
                    codes="smi_rehab",
                    other="rehab_other",
                ),
            ),
        ),
        Section(
            "result",
            QT_TRANSLATE_NOOP("Field", "本次随访"),
            (
                Field(
                    "classification", QT_TRANSLATE_NOOP("Field", "本次随访分类"), Kind.CODE, codes="smi_class"
                ),
                Field("next_due", QT_TRANSLATE_NOOP("Field", "下次随访日期"), Kind.DATE),
                Field("doctor", QT_TRANSLATE_NOOP("Field", "随访医生"), Kind.TEXT, max_len=50),
            ),
        ),
    ],
)

# 失访 and 死亡 rows of the paper form: recorded instead of an assessment (smi.record_failed_visit),
# printed between the visit's date and its assessment.
FAILED_SECTION = Section(
    "failed",
    QT_TRANSLATE_NOOP("Field", "失访或死亡"),
    (
        Field("lost_reason", QT_TRANSLATE_NOOP("Field", "失访原因"), Kind.CODE, codes="smi_lost_reason"),
        Field("death_date", QT_TRANSLATE_NOOP("Field", "死亡日期"), Kind.DATE),
        Field("death_cause", QT_TRANSLATE_NOOP("Field", "死亡原因"), Kind.CODE, codes="smi_death_cause"),
    ),
)

SmiRegistrationInput = REGISTRATION_FORM.input_type
SmiVisitInput = VISIT_FORM.input_type
