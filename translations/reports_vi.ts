<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Press Preview to see the first page.</source>
        <translation>Bấm Xem trước để xem trang đầu.</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Ngôn ngữ báo cáo</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
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
        <source>PDF report</source>
        <translation>Báo cáo PDF</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Bảng tính Excel</translation>
    </message>
    <message>
        <source>Full report</source>
        <translation>Báo cáo đầy đủ</translation>
    </message>
    <message>
        <source>Summary for management (4 pages at most)</source>
        <translation>Tóm tắt cho lãnh đạo (tối đa 4 trang)</translation>
    </message>
    <message>
        <source>Confidential (no enterprise identity, no money)</source>
        <translation>Bảo mật (ẩn thông tin doanh nghiệp và số liệu tài chính)</translation>
    </message>
    <message>
        <source>Before an English export</source>
        <translation>Trước khi xuất báo cáo tiếng Anh</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất báo cáo…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Preview unavailable: the first page could not be rendered.</source>
        <translation>Không xem trước được: không dựng được trang đầu.</translation>
    </message>
    <message>
        <source>Building the preview</source>
        <translation>Đang tạo bản xem trước</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Exporting the report</source>
        <translation>Đang xuất báo cáo</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>Đã ghi báo cáo: {path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Đã hủy xuất báo cáo; không có tệp nào được ghi.</translation>
    </message>
</context>
<context>
    <name>UntranslatedList</name>
    <message>
        <source>Edit in</source>
        <translation>Sửa ở</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>Chưa dịch</translation>
    </message>
    <message>
        <source>The English report prints these in Vietnamese, marked “(untranslated)” once per item. Double-click or press Enter to edit one.</source>
        <translation>Báo cáo tiếng Anh sẽ in các mục này bằng tiếng Việt, đánh dấu “(untranslated)” một lần mỗi mục. Nhấp đúp hoặc nhấn Enter để sửa.</translation>
    </message>
    <message>
        <source>Nothing untranslated: the English report is complete.</source>
        <translation>Không có mục nào chưa dịch: báo cáo tiếng Anh đã đầy đủ.</translation>
    </message>
    <message>
        <source>1 item untranslated</source>
        <translation>1 mục chưa dịch</translation>
    </message>
    <message>
        <source>{count} items untranslated</source>
        <translation>{count} mục chưa dịch</translation>
    </message>
</context>
</TS>
