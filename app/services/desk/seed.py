"""The lists a new database starts with: the causes the domain names, departments, templates."""

from __future__ import annotations

from datetime import datetime

from app.models import Category, Department, ReplyTemplate, RootCause

# (code, Chinese, English, deadline profile): the five insurance causes, then retail ones.
CATEGORIES = (
    ("service", "服务不周", "Poor service or slow handling", "shop"),
    ("transparency", "信息不透明", "Unclear terms or fees", "financial"),
    ("claims", "理赔", "Claim refused or delayed", "financial"),
    ("mis_selling", "销售误导", "Mis-selling", "financial"),
    ("cancellation", "退保困难", "Cancellation obstacles", "financial"),
    ("product_quality", "产品质量", "Product quality", "shop"),
    ("delivery", "物流配送", "Delivery", "shop"),
    ("billing", "价格收费", "Price and billing", "shop"),
    ("repair", "售后维修", "After-sales repair", "shop"),
    ("other", "其他", "Other", "shop"),
)

DEPARTMENTS = (
    ("front_desk", "前台门店", "Front desk"),
    ("customer_service", "客服部", "Customer service"),
    ("after_sales", "售后部", "After-sales"),
    ("logistics", "物流部", "Logistics"),
    ("finance", "财务部", "Finance"),
    ("management", "管理层", "Management"),
)

ROOT_CAUSES = (
    ("RC01", "员工服务态度", "Staff attitude"),
    ("RC02", "流程不清或太慢", "Unclear or slow process"),
    ("RC03", "产品缺陷", "Product defect"),
    ("RC04", "配送延误或损坏", "Delivery delay or damage"),
    ("RC05", "价格标示或收费错误", "Price label or billing error"),
    ("RC06", "信息告知不充分", "Customer not fully informed"),
    ("RC07", "客户误解", "Customer misunderstanding"),
    ("RC08", "供应商问题", "Supplier problem"),
    ("RC09", "系统故障", "System failure"),
    ("RC99", "其他原因", "Other cause"),
)

# (code, language, title, body): one official voice (统一回复口径).
REPLY_TEMPLATES = (
    ("ack", "zh_CN", "受理答复",
     "{客户}您好，感谢您的反馈。您的投诉已受理，编号 {编号}。"
     "我们将在 {处理期限} 前告知您处理结果。"),
    ("ack", "en", "Acknowledgement",
     "Dear {customer}, thank you for telling us. Your complaint is recorded as {number}. "
     "We will tell you our decision by {due}."),
    ("progress", "zh_CN", "进度告知",
     "{客户}您好，关于投诉 {编号}，我们正在调查处理中，预计 {处理期限} 前给您处理结果。"),
    ("progress", "en", "Progress update",
     "Dear {customer}, we are still looking into complaint {number} and expect to give you "
     "our decision by {due}."),
    ("resolved", "zh_CN", "处理结果",
     "{客户}您好，关于投诉 {编号}，处理结果如下：{解决方案}。感谢您的理解与支持。"),
    ("resolved", "en", "Resolution",
     "Dear {customer}, about complaint {number}: {resolution}. Thank you for your patience."),
    ("not_upheld", "zh_CN", "不予支持答复",
     "{客户}您好，关于投诉 {编号}，经核实：{答复理由}。如有疑问，欢迎随时与我们联系。"),
    ("not_upheld", "en", "Not upheld",
     "Dear {customer}, about complaint {number}, having checked the facts: {answer}. "
     "Please contact us if you have any questions."),
)


def seed_reference_data(now: datetime) -> None:
    """Fills the empty lists of a newly created database."""
    Category.insert_many(
        [{"code": c, "name_zh": zh, "name_en": en, "profile": p, "sort_order": i}
         for i, (c, zh, en, p) in enumerate(CATEGORIES)]
    ).execute()
    Department.insert_many(
        [{"code": c, "name_zh": zh, "name_en": en, "sort_order": i}
         for i, (c, zh, en) in enumerate(DEPARTMENTS)]
    ).execute()
    RootCause.insert_many(
        [{"code": c, "name_zh": zh, "name_en": en, "sort_order": i}
         for i, (c, zh, en) in enumerate(ROOT_CAUSES)]
    ).execute()
    ReplyTemplate.insert_many(
        [{"code": c, "language": lang, "title": t, "body": b, "updated_at": now}
         for c, lang, t, b in REPLY_TEMPLATES]
    ).execute()
