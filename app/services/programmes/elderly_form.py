"""The yearly health check of a resident aged 65+ (老年人健康管理: 健康体检表 and 生活自理能力评估表),
declared once as :data:`CHECK_FORM`.  The service validates with it, the GUI builds its widgets and tab
order from it, the prints lay it out from it and the saved ``form`` JSON is keyed by it.  No Qt.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.services.programmes import selfcare
from app.services.records.field_table import Field, FieldTable, Kind, Section


def dec(key: str, label: str, lo: float, hi: float, unit: str = "") -> Field:
    # a reading in mmol/L or °C is measured to a tenth: 4.0, not 4
    decimals = 1 if unit in (MMOL, "°C") else 0
    return Field(
        key, label, Kind.DECIMAL, max_len=8, minimum=lo, maximum=hi, unit=unit, hint=unit, decimals=decimals
    )


def num(key: str, label: str, lo: int, hi: int, unit: str = "", **kw) -> Field:
    return Field(key, label, Kind.NUMBER, minimum=lo, maximum=hi, unit=unit, **kw)


def finding(key: str, label: str) -> tuple[Field, Field]:
    """A 未见异常 / 异常 result and what was abnormal."""
    return (
        Field(key, label, Kind.CODE, codes="normal_abnormal"),
        Field(f"{key}_text", QT_TRANSLATE_NOOP("Field", "异常情况"), Kind.TEXT, max_len=100, inline=""),
    )


SELFCARE_LABELS = (
    ("eating", QT_TRANSLATE_NOOP("Field", "进餐")),
    ("grooming", QT_TRANSLATE_NOOP("Field", "梳洗")),
    ("dressing", QT_TRANSLATE_NOOP("Field", "穿衣")),
    ("toilet", QT_TRANSLATE_NOOP("Field", "如厕")),
    ("activity", QT_TRANSLATE_NOOP("Field", "活动")),
)
assert tuple(k for k, _ in SELFCARE_LABELS) == selfcare.ITEMS
SELFCARE_KEYS = tuple(f"selfcare_{k}" for k in selfcare.ITEMS)
MMHG, MMOL, UMOL, UL = "mmHg", "mmol/L", "μmol/L", "U/L"

CHECK_FORM = FieldTable(
    "elderly_check",
    [
        Section(
            "check",
            QT_TRANSLATE_NOOP("Field", "体检"),
            (
                Field(
                    "check_date",
                    QT_TRANSLATE_NOOP("Field", "体检日期"),
                    Kind.DATE,
                    required=True,
                    not_future=True,
                ),
            ),
        ),
        Section(
            "selfcare",
            QT_TRANSLATE_NOOP("Field", "生活自理能力评估"),
            tuple(
                Field(f"selfcare_{key}", label, Kind.CODE, codes="selfcare_level", required=True)
                for key, label in SELFCARE_LABELS
            ),
        ),
        Section(
            "lifestyle",
            QT_TRANSLATE_NOOP("Field", "生活方式与症状"),
            (
                Field(
                    "exercise", QT_TRANSLATE_NOOP("Field", "锻炼频率"), Kind.CODE, codes="exercise_frequency"
                ),
                Field(
                    "diet", QT_TRANSLATE_NOOP("Field", "饮食习惯"), Kind.MULTI, codes="diet_habit", columns=6
                ),
                Field("smoking", QT_TRANSLATE_NOOP("Field", "吸烟状况"), Kind.CODE, codes="smoking_status"),
                num(
                    "cigarettes",
                    QT_TRANSLATE_NOOP("Field", "日吸烟量"),
                    0,
                    100,
                    QT_TRANSLATE_NOOP("Field", "支"),
                    inline="",
                ),
                Field(
                    "drinking", QT_TRANSLATE_NOOP("Field", "饮酒频率"), Kind.CODE, codes="drinking_frequency"
                ),
                dec(
                    "alcohol", QT_TRANSLATE_NOOP("Field", "日饮酒量"), 0, 50, QT_TRANSLATE_NOOP("Field", "两")
                ),
                Field(
                    "symptoms",
                    QT_TRANSLATE_NOOP("Field", "症状"),
                    Kind.MULTI,
                    codes="checkup_symptom",
                    other="symptom_other",
                ),
                Field("medication", QT_TRANSLATE_NOOP("Field", "目前用药"), Kind.TEXT, max_len=300),
            ),
        ),
        Section(
            "exam",
            QT_TRANSLATE_NOOP("Field", "体格检查"),
            (
                dec("temperature", QT_TRANSLATE_NOOP("Field", "体温"), 34, 43, "°C"),
                num(
                    "pulse",
                    QT_TRANSLATE_NOOP("Field", "脉率"),
                    20,
                    250,
                    QT_TRANSLATE_NOOP("Field", "次/分钟"),
                ),
                num(
                    "respiration",
                    QT_TRANSLATE_NOOP("Field", "呼吸频率"),
                    5,
                    60,
                    QT_TRANSLATE_NOOP("Field", "次/分钟"),
                ),
                # a check without a blood pressure is no physical examination (DOMAIN.md: the
                # yearly service is assessment, examination, tests and guidance): it does not save
                num(
                    "sbp",
                    QT_TRANSLATE_NOOP("Field", "收缩压"),
                    60,
                    300,
                    MMHG,
                    required=True,
                    row_label=QT_TRANSLATE_NOOP("Field", "血压"),
                ),
                num(
                    "dbp",
                    QT_TRANSLATE_NOOP("Field", "舒张压"),
                    30,
                    200,
                    MMHG,
                    inline=QT_TRANSLATE_NOOP("Field", "舒张压"),
                    required=True,
                ),
                dec("height", QT_TRANSLATE_NOOP("Field", "身高"), 80, 230, "cm"),
                dec("weight", QT_TRANSLATE_NOOP("Field", "体重"), 20, 250, "kg"),
                dec("waist", QT_TRANSLATE_NOOP("Field", "腰围"), 40, 200, "cm"),
                *finding("skin", QT_TRANSLATE_NOOP("Field", "皮肤")),
                *finding("lymph", QT_TRANSLATE_NOOP("Field", "浅表淋巴结")),
                *finding("heart", QT_TRANSLATE_NOOP("Field", "心脏")),
                *finding("lungs", QT_TRANSLATE_NOOP("Field", "肺")),
                *finding("abdomen", QT_TRANSLATE_NOOP("Field", "腹部")),
                Field("vision", QT_TRANSLATE_NOOP("Field", "视力（左/右）"), Kind.TEXT, max_len=20),
                Field("hearing", QT_TRANSLATE_NOOP("Field", "听力"), Kind.CODE, codes="hearing"),
                Field("motor", QT_TRANSLATE_NOOP("Field", "运动功能"), Kind.CODE, codes="motor_function"),
            ),
        ),
        Section(
            "labs",
            QT_TRANSLATE_NOOP("Field", "辅助检查"),
            (
                *finding("blood_routine", QT_TRANSLATE_NOOP("Field", "血常规")),
                *finding("urine_routine", QT_TRANSLATE_NOOP("Field", "尿常规")),
                num("alt", QT_TRANSLATE_NOOP("Field", "血清谷丙转氨酶"), 0, 5000, UL),
                num("ast", QT_TRANSLATE_NOOP("Field", "血清谷草转氨酶"), 0, 5000, UL),
                dec("tbil", QT_TRANSLATE_NOOP("Field", "总胆红素"), 0, 1000, UMOL),
                num("creatinine", QT_TRANSLATE_NOOP("Field", "血清肌酐"), 0, 3000, UMOL),
                dec("bun", QT_TRANSLATE_NOOP("Field", "血尿素"), 0, 100, MMOL),
                dec("glucose", QT_TRANSLATE_NOOP("Field", "空腹血糖"), 1, 40, MMOL),
                dec("tc", QT_TRANSLATE_NOOP("Field", "总胆固醇"), 0, 30, MMOL),
                dec("tg", QT_TRANSLATE_NOOP("Field", "甘油三酯"), 0, 50, MMOL),
                dec("ldl", QT_TRANSLATE_NOOP("Field", "低密度脂蛋白胆固醇"), 0, 20, MMOL),
                dec("hdl", QT_TRANSLATE_NOOP("Field", "高密度脂蛋白胆固醇"), 0, 10, MMOL),
                *finding("ecg", QT_TRANSLATE_NOOP("Field", "心电图")),
                *finding("ultrasound", QT_TRANSLATE_NOOP("Field", "腹部B超")),
            ),
        ),
        Section(
            "guidance",
            QT_TRANSLATE_NOOP("Field", "健康评价与指导"),
            (
                Field("problems", QT_TRANSLATE_NOOP("Field", "发现的健康问题"), Kind.TEXT, max_len=500),
                Field(
                    "action",
                    QT_TRANSLATE_NOOP("Field", "健康评价处理"),
                    Kind.MULTI,
                    codes="checkup_action",
                    columns=3,
                ),
                Field(
                    "guidance",
                    QT_TRANSLATE_NOOP("Field", "健康指导"),
                    Kind.MULTI,
                    codes="elderly_guidance",
                    columns=5,
                ),
                Field("next_check", QT_TRANSLATE_NOOP("Field", "下次体检日期"), Kind.DATE),
                Field("doctor", QT_TRANSLATE_NOOP("Field", "体检医生"), Kind.TEXT, max_len=50),
            ),
        ),
    ],
)

ElderlyCheckInput = CHECK_FORM.input_type
FINDINGS = (
    "skin",
    "lymph",
    "heart",
    "lungs",
    "abdomen",
    "blood_routine",
    "urine_routine",
    "ecg",
    "ultrasound",
)
