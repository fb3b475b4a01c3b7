<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Baselines</name>
    <message>
        <source>Energy</source>
        <translation>Năng lượng</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Nước</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Vật liệu</translation>
    </message>
    <message>
        <source>Chemicals</source>
        <translation>Hóa chất</translation>
    </message>
    <message>
        <source>Waste and wastewater</source>
        <translation>Chất thải và nước thải</translation>
    </message>
    <message>
        <source>Emissions</source>
        <translation>Khí thải</translation>
    </message>
    <message>
        <source>Meter / measured</source>
        <translation>Đồng hồ / đo đạc</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Ước tính</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Kém</translation>
    </message>
    <message>
        <source>Missing month</source>
        <translation>Thiếu số liệu tháng này</translation>
    </message>
    <message>
        <source>Far from the other months or the same month last year</source>
        <translation>Chênh lệch lớn so với các tháng khác hoặc cùng tháng năm trước</translation>
    </message>
    <message>
        <source>Several figures for this month</source>
        <translation>Tháng này có nhiều số liệu</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Name (Vietnamese)</source>
        <translation>Tên (tiếng Việt)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Tên (tiếng Anh)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Price (VND/unit)</source>
        <translation>Đơn giá (đồng/đơn vị)</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>“{text}” không phải là một số.</translation>
    </message>
    <message>
        <source>The unit “{unit}” does not fit this kind of stream.</source>
        <translation>Đơn vị “{unit}” không phù hợp với loại dòng này.</translation>
    </message>
    <message>
        <source>Edit stream {name}</source>
        <translation>Sửa dòng {name}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Ghi chú: {note}</translation>
    </message>
    <message>
        <source>Note on {stream}, {period}</source>
        <translation>Ghi chú: {stream}, tháng {period}</translation>
    </message>
    <message>
        <source>“{text}” is not a quantity: type a number ≥ 0.</source>
        <translation>“{text}” không phải là lượng: hãy nhập số ≥ 0.</translation>
    </message>
    <message>
        <source>Edit {stream}, {period}</source>
        <translation>Sửa {stream}, {period}</translation>
    </message>
    <message>
        <source>Paste {count} figures</source>
        <translation>Dán {count} số liệu</translation>
    </message>
</context>
<context>
    <name>BaselinesKeys</name>
    <message>
        <source>Clear {count} figures</source>
        <translation>Xóa {count} số liệu</translation>
    </message>
    <message>
        <source>Fill down {count} figures</source>
        <translation>Điền xuống {count} số liệu</translation>
    </message>
</context>
<context>
    <name>BaselinesScreen</name>
    <message>
        <source>Baselines</source>
        <translation>Số liệu nền</translation>
    </message>
    <message>
        <source>Streams and monthly figures</source>
        <translation>Dòng tài nguyên và số liệu hằng tháng</translation>
    </message>
    <message>
        <source>Process-step balances</source>
        <translation>Cân bằng theo công đoạn</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>Tất cả các dòng</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Lượng</translation>
    </message>
    <message>
        <source>Invoice cost (VND)</source>
        <translation>Chi phí theo hóa đơn (đồng)</translation>
    </message>
    <message>
        <source>Materials (t)</source>
        <translation>Vật liệu (t)</translation>
    </message>
    <message>
        <source>Water (m³)</source>
        <translation>Nước (m³)</translation>
    </message>
    <message>
        <source>Energy (GJ)</source>
        <translation>Năng lượng (GJ)</translation>
    </message>
    <message>
        <source>Monthly consumption and cost</source>
        <translation>Tiêu thụ và chi phí hằng tháng</translation>
    </message>
    <message>
        <source>Cost shares</source>
        <translation>Cơ cấu chi phí</translation>
    </message>
    <message>
        <source>Specific consumption</source>
        <translation>Định mức tiêu hao</translation>
    </message>
    <message>
        <source>CO₂e by source</source>
        <translation>CO₂e theo nguồn</translation>
    </message>
    <message>
        <source>Import from Excel/CSV…</source>
        <translation>Nhập từ Excel/CSV…</translation>
    </message>
    <message>
        <source>Paste from Excel</source>
        <translation>Dán từ Excel</translation>
    </message>
    <message>
        <source>Add stream…</source>
        <translation>Thêm dòng tài nguyên…</translation>
    </message>
    <message>
        <source>Duplicate stream</source>
        <translation>Nhân bản dòng</translation>
    </message>
    <message>
        <source>Remove stream</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>e.g. meter replaced, estimated from invoice</source>
        <translation>vd. thay đồng hồ, ước tính theo hóa đơn</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Chất lượng số liệu</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>trùng tháng</translation>
    </message>
    <message>
        <source>outlier</source>
        <translation>bất thường</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>thiếu</translation>
    </message>
    <message>
        <source>Inputs − outputs − identified losses = unaccounted. Steps whose unaccounted share exceeds 5 % are highlighted. Flows are entered on the Products &amp; process steps screen.</source>
        <translation>Đầu vào − đầu ra − tổn thất đã xác định = phần chưa xác định. Công đoạn có phần chưa xác định vượt 5 % được tô màu. Các dòng vào/ra được nhập ở màn hình Sản phẩm &amp; công đoạn.</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Tài nguyên:</translation>
    </message>
    <message>
        <source>… and {count} more in the data-quality list</source>
        <translation>… và {count} mục khác trong danh sách chất lượng số liệu</translation>
    </message>
    <message>
        <source>Check the figure just entered — it is saved, correct it if it is a typo:</source>
        <translation>Kiểm tra số vừa nhập — số đã được lưu, hãy sửa nếu gõ nhầm:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Công đoạn</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Đầu vào</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Đầu ra</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Tổn thất</translation>
    </message>
    <message>
        <source>Unaccounted</source>
        <translation>Chưa xác định</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Add stream</source>
        <translation>Thêm dòng tài nguyên</translation>
    </message>
    <message>
        <source>Edit stream…</source>
        <translation>Sửa dòng tài nguyên…</translation>
    </message>
    <message>
        <source>Edit stream {name}</source>
        <translation>Sửa dòng {name}</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Hãy chọn một dòng tài nguyên trước.</translation>
    </message>
    <message>
        <source>Remove “{name}” and its {count} monthly figures? Undo brings them back.</source>
        <translation>Xóa “{name}” cùng {count} số liệu hằng tháng? Có thể hoàn tác để lấy lại.</translation>
    </message>
    <message>
        <source>Remove stream {name}</source>
        <translation>Xóa dòng {name}</translation>
    </message>
    <message>
        <source>No resource streams yet. Start with “Add stream…” for each meter or invoice (electricity, fuels, water, materials, chemicals, waste), then type or paste the monthly figures, or import them with “Import from Excel/CSV…”.</source>
        <translation>Chưa có dòng tài nguyên nào. Hãy bắt đầu bằng “Thêm dòng tài nguyên…” cho từng đồng hồ hoặc hóa đơn (điện, nhiên liệu, nước, nguyên vật liệu, hóa chất, chất thải), rồi gõ hoặc dán số liệu hằng tháng, hoặc nhập bằng “Nhập từ Excel/CSV…”.</translation>
    </message>
    <message>
        <source>The baseline months are not set: enter the baseline&apos;s first month on the Enterprise screen, or import figures (their months appear in the grid).</source>
        <translation>Chưa đặt các tháng của kỳ cơ sở: nhập tháng đầu tiên của kỳ cơ sở ở màn hình Doanh nghiệp, hoặc nhập số liệu (các tháng của chúng sẽ hiện trong bảng).</translation>
    </message>
    <message>
        <source>Note on the selected month’s figure</source>
        <translation>Ghi chú cho số liệu của tháng đang chọn</translation>
    </message>
    <message>
        <source>Note on {stream}, {period}</source>
        <translation>Ghi chú: {stream}, tháng {period}</translation>
    </message>
    <message>
        <source>No gaps, outliers or duplicate months.</source>
        <translation>Không thiếu tháng, không có số bất thường hay trùng tháng.</translation>
    </message>
    <message>
        <source>Nothing pasted: row {row}, column {column} “{text}” is not a number ≥ 0 or a month of the grid.</source>
        <translation>Chưa dán gì: dòng {row}, cột {column} “{text}” không phải là số ≥ 0 hoặc tháng có trong bảng.</translation>
    </message>
    <message>
        <source>Unaccounted share above the threshold</source>
        <translation>Tỷ lệ chưa xác định vượt ngưỡng</translation>
    </message>
    <message>
        <source>no inputs</source>
        <translation>không có đầu vào</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import figures from Excel or CSV</source>
        <translation>Nhập số liệu từ Excel hoặc CSV</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Chưa chọn tệp</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>Lưu ánh xạ…</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>Ánh xạ đã lưu:</translation>
    </message>
    <message>
        <source>One column per stream</source>
        <translation>Mỗi dòng tài nguyên một cột</translation>
    </message>
    <message>
        <source>A stream column and a quantity column</source>
        <translation>Một cột tên dòng và một cột lượng</translation>
    </message>
    <message>
        <source>Dates are day/month/year</source>
        <translation>Ngày viết theo ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Refuse months already entered</source>
        <translation>Từ chối các tháng đã có số liệu</translation>
    </message>
    <message>
        <source>Replace months already entered</source>
        <translation>Thay thế các tháng đã có số liệu</translation>
    </message>
    <message>
        <source>Add up several rows of one month (daily readings)</source>
        <translation>Cộng dồn nhiều dòng của cùng một tháng (số đọc hằng ngày)</translation>
    </message>
    <message>
        <source>Skip total rows (“Tổng cộng”, “Total”, sums)</source>
        <translation>Bỏ qua dòng tổng (“Tổng cộng”, “Total”, dòng cộng)</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Bố cục</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Dòng tiêu đề</translation>
    </message>
    <message>
        <source>Month column</source>
        <translation>Cột tháng</translation>
    </message>
    <message>
        <source>Numbers written as</source>
        <translation>Cách viết số</translation>
    </message>
    <message>
        <source>Months already in the audit</source>
        <translation>Tháng đã có trong cuộc đánh giá</translation>
    </message>
    <message>
        <source>Stream name column</source>
        <translation>Cột tên dòng tài nguyên</translation>
    </message>
    <message>
        <source>Quantity column</source>
        <translation>Cột lượng</translation>
    </message>
    <message>
        <source>Cost column (optional)</source>
        <translation>Cột chi phí (không bắt buộc)</translation>
    </message>
    <message>
        <source>Unit column (optional)</source>
        <translation>Cột đơn vị (không bắt buộc)</translation>
    </message>
    <message>
        <source>Preview (as read)</source>
        <translation>Xem trước (như đã đọc)</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>Báo cáo kiểm tra</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Chọn bảng tính</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.xlsm *.csv *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>The sheet as read (first {rows} rows); row {row} is the header — click a row to take it instead</source>
        <translation>Bảng tính như đã đọc ({rows} dòng đầu); dòng {row} là dòng tiêu đề — bấm vào một dòng khác để chọn nó</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <source>Not matched to a stream, ignored: {columns}</source>
        <translation>Không khớp với dòng tài nguyên nào, bỏ qua: {columns}</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Dòng tài nguyên</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Chứa</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Lượng</translation>
    </message>
    <message>
        <source>Cost (VND)</source>
        <translation>Chi phí (đồng)</translation>
    </message>
    <message>
        <source>(new mapping)</source>
        <translation>(ánh xạ mới)</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Lưu ánh xạ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>{rows} rows read</source>
        <translation>Đã đọc {rows} dòng</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>Đang kiểm tra tệp</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Import {count} figures from {file}</source>
        <translation>Nhập {count} số liệu từ {file}</translation>
    </message>
</context>
<context>
    <name>PasteNumbersDialog</name>
    <message>
        <source>How are the pasted figures written?</source>
        <translation>Số liệu vừa dán được viết theo kiểu nào?</translation>
    </message>
    <message>
        <source>{count} of the pasted figures can be read two ways: in “{text}” the “{mark}” either separates thousands or is the decimal mark. Nothing is stored until you choose how the block is written.</source>
        <translation>{count} số liệu vừa dán có thể hiểu theo hai cách: trong “{text}”, dấu “{mark}” có thể là dấu phân cách hàng nghìn hoặc là dấu thập phân. Chưa có gì được lưu cho đến khi bạn chọn cách viết của khối số liệu này.</translation>
    </message>
    <message>
        <source>Pasted</source>
        <translation>Đã dán</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… và {count} số khác.</translation>
    </message>
    <message>
        <source>“{text}” → {first} or {second}?</source>
        <translation>“{text}” → {first} hay {second}?</translation>
    </message>
    <message>
        <source>Read as {format}: {value}</source>
        <translation>Đọc theo {format}: {value}</translation>
    </message>
    <message>
        <source>Cancel: paste nothing</source>
        <translation>Hủy: không dán gì</translation>
    </message>
    <message>
        <source>English format (1,234.5)</source>
        <translation>kiểu tiếng Anh (1,234.5)</translation>
    </message>
    <message>
        <source>Vietnamese format (1.234,5)</source>
        <translation>kiểu Việt Nam (1.234,5)</translation>
    </message>
</context>
<context>
    <name>StreamDialog</name>
    <message>
        <source>Add stream</source>
        <translation>Thêm dòng tài nguyên</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>Fuel (for energy and CO₂e)</source>
        <translation>Nhiên liệu (để tính năng lượng và CO₂e)</translation>
    </message>
    <message>
        <source>e.g. 2,000</source>
        <translation>vd. 2.000</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Bảo mật</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name (Vietnamese)</source>
        <translation>Tên (tiếng Việt)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Tên (tiếng Anh)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Price (VND/unit)</source>
        <translation>Đơn giá (đồng/đơn vị)</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Nguồn số liệu</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Type the stream&apos;s Vietnamese name.</source>
        <translation>Hãy nhập tên tiếng Việt của dòng.</translation>
    </message>
    <message>
        <source>“{text}” is not a price in VND.</source>
        <translation>“{text}” không phải là đơn giá (đồng).</translation>
    </message>
    <message>
        <source>Edit stream</source>
        <translation>Sửa dòng tài nguyên</translation>
    </message>
    <message>
        <source>Confirm class</source>
        <translation>Xác nhận phân loại</translation>
    </message>
    <message>
        <source>Symbiosis class</source>
        <translation>Phân loại cộng sinh</translation>
    </message>
    <message>
        <source>(not classified)</source>
        <translation>(chưa phân loại)</translation>
    </message>
    <message>
        <source>Hazardous waste.</source>
        <translation>Chất thải nguy hại.</translation>
    </message>
    <message>
        <source>Code not yet checked against the Circular&apos;s text.</source>
        <translation>Mã chưa được đối chiếu với văn bản Thông tư.</translation>
    </message>
    <message>
        <source>Suggested from the name: tick “Confirm class” to keep it.</source>
        <translation>Gợi ý theo tên dòng: đánh dấu “Xác nhận phân loại” để giữ.</translation>
    </message>
</context>
</TS>
