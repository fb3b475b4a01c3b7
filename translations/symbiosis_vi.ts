<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ExchangePreviewDialog</name>
    <message>
        <source>The exchange file, before it is written</source>
        <translation>Tệp trao đổi, trước khi được ghi</translation>
    </message>
    <message>
        <source>Files to write: %1 and its CSV twin %2</source>
        <translation>Tệp sẽ ghi: %1 và tệp CSV đi kèm %2</translation>
    </message>
    <message>
        <source>Write the file</source>
        <translation>Ghi tệp</translation>
    </message>
</context>
<context>
    <name>SymbiosisScreen</name>
    <message>
        <source>Offers and needs (symbiosis)</source>
        <translation>Chào cho và nhu cầu (cộng sinh)</translation>
    </message>
    <message>
        <source>Hazardous</source>
        <translation>Nguy hại</translation>
    </message>
    <message>
        <source>all 12</source>
        <translation>cả 12 tháng</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Chào cho</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Nhu cầu</translation>
    </message>
    <message>
        <source>(confidential)</source>
        <translation>(bảo mật)</translation>
    </message>
    <message>
        <source>Scaled to 12 months from %1 months of records.</source>
        <translation>Quy ra 12 tháng từ số liệu của %1 tháng.</translation>
    </message>
    <message>
        <source>Marked confidential: left out of the exchange file.</source>
        <translation>Đánh dấu bảo mật: không đưa vào tệp trao đổi.</translation>
    </message>
    <message>
        <source>Some months have no cost: the total is incomplete.</source>
        <translation>Một số tháng không có chi phí: tổng chưa đầy đủ.</translation>
    </message>
    <message>
        <source>%1 offers and %2 needs from %3 classified streams of %4.</source>
        <translation>%1 chào cho và %2 nhu cầu từ %3 dòng đã phân loại trên tổng số %4 dòng.</translation>
    </message>
    <message>
        <source>Park: %1; province: %2.</source>
        <translation>KCN: %1; tỉnh/thành: %2.</translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation>Danh mục phân loại: %1</translation>
    </message>
    <message>
        <source>* scaled to 12 months, or a cost missing for some months.</source>
        <translation>* quy ra 12 tháng, hoặc thiếu chi phí ở một số tháng.</translation>
    </message>
    <message>
        <source>(no suggestion)</source>
        <translation>(không có gợi ý)</translation>
    </message>
    <message>
        <source>Streams with no class (%1): they give no offer or need.</source>
        <translation>Dòng chưa phân loại (%1): không tạo chào cho hay nhu cầu.</translation>
    </message>
    <message>
        <source>No class of the list fits this kind of stream.</source>
        <translation>Danh mục không có phân loại nào hợp với loại dòng này.</translation>
    </message>
    <message>
        <source>Suggested from the name: check it, or pick another, then Confirm class.</source>
        <translation>Gợi ý theo tên: kiểm tra hoặc chọn loại khác, rồi bấm Xác nhận phân loại.</translation>
    </message>
    <message>
        <source>No class suggested from the name: pick one.</source>
        <translation>Tên không gợi ý được loại nào: hãy chọn một loại.</translation>
    </message>
    <message>
        <source>Edit disposal route</source>
        <translation>Sửa cách xử lý hiện tại</translation>
    </message>
    <message>
        <source>Classify stream</source>
        <translation>Phân loại dòng</translation>
    </message>
    <message>
        <source>Share in the exchange file: %1</source>
        <translation>Chia sẻ trong tệp trao đổi: %1</translation>
    </message>
    <message>
        <source>Withhold: %1</source>
        <translation>Không chia sẻ: %1</translation>
    </message>
    <message>
        <source>Export exchange file</source>
        <translation>Xuất tệp trao đổi</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Chưa ghi gì.</translation>
    </message>
    <message>
        <source>Keep the exchange file&apos;s anonymous id</source>
        <translation>Lưu mã ẩn danh của tệp trao đổi</translation>
    </message>
    <message>
        <source>Written: %1 and %2</source>
        <translation>Đã ghi: %1 và %2</translation>
    </message>
    <message>
        <source>the exact quantity per year (otherwise only its band)</source>
        <translation>lượng chính xác mỗi năm (nếu không, chỉ khoảng lượng)</translation>
    </message>
    <message>
        <source>the months in which it arises</source>
        <translation>các tháng phát sinh</translation>
    </message>
    <message>
        <source>the stream&apos;s notes on quality, as written</source>
        <translation>ghi chú về chất lượng của dòng, như đã ghi</translation>
    </message>
    <message>
        <source>the cost or revenue per year (VND)</source>
        <translation>chi phí hoặc doanh thu mỗi năm (VNĐ)</translation>
    </message>
    <message>
        <source>the site&apos;s location (latitude, longitude, about 100 m)</source>
        <translation>vị trí cơ sở (vĩ độ, kinh độ, sai số khoảng 100 m)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Chiều</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Quantity per year</source>
        <translation>Lượng mỗi năm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Disposal route</source>
        <translation>Cách xử lý hiện tại</translation>
    </message>
    <message>
        <source>Cost per year (VND)</source>
        <translation>Chi phí mỗi năm (VNĐ)</translation>
    </message>
    <message>
        <source>Where it goes today and who takes it, e.g. licensed contractor, landfill. Double-click or press F2 to type it.</source>
        <translation>Hiện nay đi đâu và ai nhận, ví dụ: đơn vị xử lý có giấy phép, bãi chôn lấp. Nhấp đúp hoặc bấm F2 để nhập.</translation>
    </message>
    <message>
        <source>For a waste: what disposing of it costs; negative: what selling it brings.</source>
        <translation>Với chất thải: chi phí xử lý; số âm: tiền thu được khi bán.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại dòng</translation>
    </message>
    <message>
        <source>Suggested class</source>
        <translation>Phân loại gợi ý</translation>
    </message>
    <message>
        <source>Confirm class</source>
        <translation>Xác nhận phân loại</translation>
    </message>
    <message>
        <source>What the exchange file may share</source>
        <translation>Những gì tệp trao đổi được chia sẻ</translation>
    </message>
    <message>
        <source>Tick only what the enterprise agreed to share, field by field:</source>
        <translation>Chỉ đánh dấu những gì doanh nghiệp đã đồng ý chia sẻ, từng trường một:</translation>
    </message>
    <message>
        <source>Always in the file: each offer&apos;s and need&apos;s class, unit and hazardous mark, a quantity band, the park and province, an anonymous id. Never: the name, address, tax code, contacts, process steps or stream names; streams marked confidential are left out.</source>
        <translation>Luôn có trong tệp: phân loại, đơn vị và dấu nguy hại của mỗi chào cho và nhu cầu, khoảng lượng, KCN và tỉnh/thành, một mã ẩn danh. Không bao giờ có: tên, địa chỉ, mã số thuế, người liên hệ, công đoạn sản xuất hay tên dòng; các dòng đánh dấu bảo mật bị loại ra.</translation>
    </message>
    <message>
        <source>Export exchange file…</source>
        <translation>Xuất tệp trao đổi…</translation>
    </message>
    <message>
        <source>Shows the file&apos;s full content before anything is written.</source>
        <translation>Hiện toàn bộ nội dung tệp trước khi ghi.</translation>
    </message>
</context>
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
