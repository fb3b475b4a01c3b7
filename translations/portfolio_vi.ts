<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>PortfolioMenu</name>
    <message>
        <source>Open &amp;portfolio…</source>
        <translation>Mở &amp;danh mục chương trình…</translation>
    </message>
    <message>
        <source>P&amp;ublish to programme…</source>
        <translation>&amp;Gửi lên chương trình…</translation>
    </message>
</context>
<context>
    <name>PortfolioWindow</name>
    <message>
        <source>Programme portfolio – RECP Audit</source>
        <translation>Danh mục chương trình – RECP Audit</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Mở thư mục…</translation>
    </message>
    <message>
        <source>Open programme hub…</source>
        <translation>Mở cơ sở dữ liệu chương trình…</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Breakdowns</source>
        <translation>Phân tích theo nhóm</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Symbiosis matches</source>
        <translation>Cộng sinh công nghiệp</translation>
    </message>
    <message>
        <source>Export in</source>
        <translation>Xuất bằng</translation>
    </message>
    <message>
        <source>Confidential: name no enterprise</source>
        <translation>Bảo mật: không nêu tên doanh nghiệp</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>By industrial park</source>
        <translation>Theo khu công nghiệp</translation>
    </message>
    <message>
        <source>By province</source>
        <translation>Theo tỉnh/thành phố</translation>
    </message>
    <message>
        <source>By sector (VSIC)</source>
        <translation>Theo ngành (VSIC)</translation>
    </message>
    <message>
        <source>By CP technique</source>
        <translation>Theo kỹ thuật SXSH</translation>
    </message>
    <message>
        <source>By audit status</source>
        <translation>Theo trạng thái cuộc đánh giá</translation>
    </message>
    <message>
        <source>By audit year</source>
        <translation>Theo năm đánh giá</translation>
    </message>
    <message>
        <source>Folder of audits</source>
        <translation>Thư mục chứa các cuộc đánh giá</translation>
    </message>
    <message>
        <source>Open programme hub</source>
        <translation>Mở cơ sở dữ liệu chương trình</translation>
    </message>
    <message>
        <source>Hub address (postgresql://user@host/database); the password is asked by the server or taken from PGPASSWORD and never saved:</source>
        <translation>Địa chỉ cơ sở dữ liệu (postgresql://người_dùng@máy_chủ/tên_csdl); mật khẩu lấy từ biến PGPASSWORD và không bao giờ được lưu:</translation>
    </message>
    <message>
        <source>Reading the portfolio…</source>
        <translation>Đang đọc danh mục chương trình…</translation>
    </message>
    <message>
        <source>Reading {source}…</source>
        <translation>Đang đọc {source}…</translation>
    </message>
    <message>
        <source>Open a folder of audit files (.recp).</source>
        <translation>Hãy mở một thư mục chứa các tệp đánh giá (.recp).</translation>
    </message>
    <message>
        <source>Files ({n} not counted)</source>
        <translation>Tệp ({n} tệp không được tính)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export portfolio</source>
        <translation>Xuất danh mục chương trình</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to programme</source>
        <translation>Gửi lên chương trình</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Địa chỉ cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Password (not saved)</source>
        <translation>Mật khẩu (không được lưu)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Only anonymised figures are sent: the enterprise has not agreed to be named.</source>
        <translation>Chỉ gửi số liệu ẩn danh: doanh nghiệp chưa đồng ý công bố tên.</translation>
    </message>
    <message>
        <source>The figures are sent with the enterprise&apos;s name, as it agreed.</source>
        <translation>Số liệu được gửi kèm tên doanh nghiệp, theo sự đồng ý của doanh nghiệp.</translation>
    </message>
</context>
</TS>
