<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>NarrativeScreen</name>
    <message>
        <source>Enterprise description</source>
        <translation>Giới thiệu doanh nghiệp</translation>
    </message>
    <message>
        <source>Audit focus and why</source>
        <translation>Trọng tâm đánh giá và lý do</translation>
    </message>
    <message>
        <source>Causes of losses per step</source>
        <translation>Nguyên nhân tổn thất theo công đoạn</translation>
    </message>
    <message>
        <source>Conclusions and recommendations</source>
        <translation>Kết luận và kiến nghị</translation>
    </message>
    <message>
        <source>What the enterprise makes and for whom, its history and size, shifts and working days, main equipment, where its energy and water come from. Printed in the report&apos;s first chapter (Introduction), after the enterprise data.</source>
        <translation>Doanh nghiệp sản xuất gì, cho ai; lịch sử và quy mô; số ca và số ngày làm việc; thiết bị chính; nguồn cung cấp năng lượng và nước. In ở chương đầu của báo cáo (Giới thiệu), sau thông tin doanh nghiệp.</translation>
    </message>
    <message>
        <source>Which process steps, equipment or resources the audit concentrates on, and why: their share of consumption, cost or waste, the losses seen at the walkthrough, the management&apos;s priorities. Printed at the start of the Assessment, before the process flow chart.</source>
        <translation>Những công đoạn, thiết bị hoặc tài nguyên mà đánh giá tập trung vào và lý do: tỷ trọng trong tiêu thụ, chi phí hoặc chất thải, tổn thất thấy khi khảo sát hiện trường, ưu tiên của ban lãnh đạo. In ở đầu phần Đánh giá, trước sơ đồ dòng.</translation>
    </message>
    <message>
        <source>Why this step loses materials, water or energy: the causes found at the walkthrough and from the balance (raw materials, technology, equipment, operation, product, waste, people). Printed after the step balances.</source>
        <translation>Vì sao công đoạn này tổn thất nguyên liệu, nước hoặc năng lượng: nguyên nhân tìm thấy khi khảo sát hiện trường và từ cân bằng (nguyên liệu đầu vào, công nghệ, thiết bị, vận hành, sản phẩm, chất thải, con người). In sau bảng cân bằng các công đoạn.</translation>
    </message>
    <message>
        <source>What the audit found and what the enterprise should do next: the options to implement or fund first, and how to keep the CP team and the monitoring going. Printed at the end of the report, before the annex.</source>
        <translation>Kết quả chính của đánh giá và việc doanh nghiệp nên làm tiếp: các giải pháp cần thực hiện hoặc đầu tư trước, cách duy trì nhóm SXSH và việc giám sát. In ở cuối báo cáo, trước phụ lục.</translation>
    </message>
    <message>
        <source>Printed in the Vietnamese report.</source>
        <translation>Có trong báo cáo tiếng Việt.</translation>
    </message>
    <message>
        <source>Printed in the English report.</source>
        <translation>Có trong báo cáo tiếng Anh.</translation>
    </message>
    <message>
        <source>Not written: the English report prints the Vietnamese text, marked “(untranslated)”.</source>
        <translation>Chưa viết: báo cáo tiếng Anh in bản tiếng Việt, có ghi “(untranslated)”.</translation>
    </message>
    <message>
        <source>Not written: the Vietnamese report prints the English text.</source>
        <translation>Chưa viết: báo cáo tiếng Việt in bản tiếng Anh.</translation>
    </message>
    <message>
        <source>Empty in both languages: the section is left out of the report.</source>
        <translation>Trống ở cả hai ngôn ngữ: phần này không có trong báo cáo.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Phần</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <source>Next to write</source>
        <translation>Phần tiếp theo cần viết</translation>
    </message>
    <message>
        <source>Go to the next section still empty in Vietnamese or in English.</source>
        <translation>Đến phần tiếp theo còn trống bằng tiếng Việt hoặc tiếng Anh.</translation>
    </message>
    <message>
        <source>A section empty in both languages is left out of the report. Where the English is missing, the English report prints the Vietnamese, marked “(untranslated)”. A blank line starts a new paragraph.</source>
        <translation>Phần trống ở cả hai ngôn ngữ không có trong báo cáo. Khi thiếu bản tiếng Anh, báo cáo tiếng Anh in bản tiếng Việt, có ghi “(untranslated)”. Một dòng trống bắt đầu đoạn văn mới.</translation>
    </message>
    <message>
        <source>Written: Vietnamese {vi} of {n} sections, English {en} of {n}.</source>
        <translation>Đã viết: tiếng Việt {vi}/{n} phần, tiếng Anh {en}/{n} phần.</translation>
    </message>
    <message>
        <source>written</source>
        <translation>đã viết</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>còn thiếu</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>trống</translation>
    </message>
    <message>
        <source>No process step yet: add the steps under Products &amp; process steps.</source>
        <translation>Chưa có công đoạn nào: thêm các công đoạn ở màn hình Sản phẩm và công đoạn.</translation>
    </message>
    <message>
        <source>Choose a process step in the list to write the causes of its losses.</source>
        <translation>Chọn một công đoạn trong danh sách để viết nguyên nhân tổn thất của công đoạn đó.</translation>
    </message>
    <message>
        <source>No loss entered for this step yet (Products &amp; process steps).</source>
        <translation>Chưa nhập tổn thất nào cho công đoạn này (Sản phẩm và công đoạn).</translation>
    </message>
    <message>
        <source>Losses entered for this step: {losses}.</source>
        <translation>Tổn thất đã nhập cho công đoạn này: {losses}.</translation>
    </message>
    <message>
        <source>Edit {section} ({language})</source>
        <translation>Sửa {section} ({language})</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>Report narrative</source>
        <translation>Nội dung báo cáo</translation>
    </message>
</context>
</TS>
