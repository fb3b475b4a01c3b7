<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SymbiosisTab</name>
    <message>
        <source>Industrial park</source>
        <translation>Khu công nghiệp</translation>
    </message>
    <message>
        <source>Include neighbouring parks (same province)</source>
        <translation>Gồm cả các khu công nghiệp lân cận (cùng tỉnh)</translation>
    </message>
    <message>
        <source>or these parks:</source>
        <translation>hoặc các khu:</translation>
    </message>
    <message>
        <source>Create options in both audits</source>
        <translation>Tạo giải pháp trong cả hai cuộc đánh giá</translation>
    </message>
    <message>
        <source>Export matches PDF…</source>
        <translation>Xuất đề xuất ra PDF…</translation>
    </message>
    <message>
        <source>Export matches Excel…</source>
        <translation>Xuất đề xuất ra Excel…</translation>
    </message>
    <message>
        <source>Reading the offers and needs…</source>
        <translation>Đang đọc các nội dung cho và nhận…</translation>
    </message>
    <message>
        <source>All parks</source>
        <translation>Mọi khu công nghiệp</translation>
    </message>
    <message>
        <source>Open a folder of audits or a programme hub.</source>
        <translation>Hãy mở một thư mục cuộc đánh giá hoặc cơ sở dữ liệu chương trình.</translation>
    </message>
    <message>
        <source>The programme hub&apos;s exchange board is anonymous: there is no audit file to write an option into. Open the folder with both audits.</source>
        <translation>Bảng trao đổi trên cơ sở dữ liệu chương trình là ẩn danh: không có tệp đánh giá nào để ghi giải pháp vào. Hãy mở thư mục chứa cả hai cuộc đánh giá.</translation>
    </message>
    <message>
        <source>Select a proposal first.</source>
        <translation>Hãy chọn một đề xuất trước.</translation>
    </message>
    <message>
        <source>{label} comes from an exchange file, not an audit: no option can be written into it.</source>
        <translation>{label} đến từ một tệp trao đổi, không phải một cuộc đánh giá: không thể ghi giải pháp vào đó.</translation>
    </message>
    <message>
        <source>Add this exchange as a symbiosis option to both audits?
{giver}
{taker}</source>
        <translation>Thêm trao đổi này thành giải pháp cộng sinh trong cả hai cuộc đánh giá?
{giver}
{taker}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export matches</source>
        <translation>Xuất các đề xuất</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Đã ghi: {path}</translation>
    </message>
</context>
</TS>
