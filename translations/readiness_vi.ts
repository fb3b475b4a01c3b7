<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReadinessPortfolioTab</name>
    <message>
        <source>Eco-enterprise readiness</source>
        <translation>Sẵn sàng doanh nghiệp sinh thái</translation>
    </message>
    <message>
        <source>Open a folder of audit files (.recp).</source>
        <translation>Mở một thư mục chứa các tệp đánh giá (.recp).</translation>
    </message>
    <message>
        <source>{title}: {parks}</source>
        <translation>{title}: {parks}</translation>
    </message>
    <message>
        <source>all parks</source>
        <translation>mọi KCN</translation>
    </message>
</context>
<context>
    <name>ReadinessScreen</name>
    <message>
        <source>Eco-enterprise readiness</source>
        <translation>Mức sẵn sàng doanh nghiệp sinh thái</translation>
    </message>
    <message>
        <source>The auditor&apos;s answer to criterion %1</source>
        <translation>Trả lời của chuyên gia cho tiêu chí %1</translation>
    </message>
    <message>
        <source>Answer eco-enterprise criterion %1</source>
        <translation>Trả lời tiêu chí doanh nghiệp sinh thái %1</translation>
    </message>
    <message>
        <source>Self-assessment annex</source>
        <translation>Phụ lục tự đánh giá</translation>
    </message>
    <message>
        <source>Annex written: %1</source>
        <translation>Đã ghi phụ lục: %1</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bằng chứng</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation>Đạt một phần</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <source>Evidence (documents, dates)</source>
        <translation>Bằng chứng (tài liệu, ngày tháng)</translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation>Lưu trả lời</translation>
    </message>
    <message>
        <source>Self-assessment annex (PDF)…</source>
        <translation>Phụ lục tự đánh giá (PDF)…</translation>
    </message>
    <message>
        <source>Self-assessment annex (XLSX)…</source>
        <translation>Phụ lục tự đánh giá (XLSX)…</translation>
    </message>
    <message>
        <source>The annex to file with the park&apos;s management board, in Vietnamese.</source>
        <translation>Phụ lục nộp Ban quản lý KCN, bằng tiếng Việt.</translation>
    </message>
    <message>
        <source>Used where the audit&apos;s data cannot decide the criterion; the evidence is shown in the reports and the self-assessment annex.</source>
        <translation>Dùng khi dữ liệu đánh giá không đủ để kết luận tiêu chí; bằng chứng được đưa vào báo cáo và phụ lục tự đánh giá.</translation>
    </message>
</context>
</TS>
