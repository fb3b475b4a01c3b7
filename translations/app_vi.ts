<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AuditContext</name>
    <message>
        <source>This audit is open read-only.</source>
        <translation>Cuộc đánh giá này đang mở ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <source>The change could not be saved: {error}</source>
        <translation>Không lưu được thay đổi: {error}</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Default columns</source>
        <translation>Cột mặc định</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <source>Something went wrong. Your audit is safe: every change was already saved.
The details were written to the log file:
{path}</source>
        <translation>Đã xảy ra lỗi. Dữ liệu đánh giá vẫn an toàn: mọi thay đổi đều đã được lưu.
Chi tiết đã được ghi vào tệp nhật ký:
{path}</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>Sao chép tóm tắt</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>Choose in a calendar (Alt+Down)</source>
        <translation>Chọn trên lịch (Alt+Mũi tên xuống)</translation>
    </message>
    <message>
        <source>Not a date: type it as dd/mm/yyyy, e.g. 05/03/2026.</source>
        <translation>Không phải ngày: nhập theo dạng nn/tt/nnnn, ví dụ 05/03/2026.</translation>
    </message>
</context>
<context>
    <name>EnterpriseScreen</name>
    <message>
        <source>Enterprise name</source>
        <translation>Tên doanh nghiệp</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Sector (VSIC code)</source>
        <translation>Ngành (mã VSIC)</translation>
    </message>
    <message>
        <source>Sector name</source>
        <translation>Tên ngành</translation>
    </message>
    <message>
        <source>Sector name (English, for reports)</source>
        <translation>Tên ngành (tiếng Anh, cho báo cáo)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
        <source>Industrial park</source>
        <translation>Khu công nghiệp</translation>
    </message>
    <message>
        <source>ISO 14001 certificate (number, validity)</source>
        <translation>Chứng chỉ ISO 14001 (số, hiệu lực)</translation>
    </message>
    <message>
        <source>ISO 50001 certificate (number, validity)</source>
        <translation>Chứng chỉ ISO 50001 (số, hiệu lực)</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <source>Shifts per day</source>
        <translation>Số ca mỗi ngày</translation>
    </message>
    <message>
        <source>Operating days per year</source>
        <translation>Số ngày hoạt động mỗi năm</translation>
    </message>
    <message>
        <source>Value added per year (VND)</source>
        <translation>Giá trị gia tăng mỗi năm (đồng)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Người liên hệ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Audit title</source>
        <translation>Tên cuộc đánh giá</translation>
    </message>
    <message>
        <source>Audit title (English, for reports)</source>
        <translation>Tên cuộc đánh giá (tiếng Anh, cho báo cáo)</translation>
    </message>
    <message>
        <source>Audit start</source>
        <translation>Ngày bắt đầu đánh giá</translation>
    </message>
    <message>
        <source>Audit end</source>
        <translation>Ngày kết thúc đánh giá</translation>
    </message>
    <message>
        <source>Baseline first month</source>
        <translation>Tháng đầu của số liệu nền</translation>
    </message>
    <message>
        <source>Baseline months</source>
        <translation>Số tháng số liệu nền</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>Vai trò trong nhóm</translation>
    </message>
    <message>
        <source>Role (English)</source>
        <translation>Vai trò (tiếng Anh)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Organisation (English)</source>
        <translation>Đơn vị (tiếng Anh)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Bộ phận</translation>
    </message>
    <message>
        <source>Department (English)</source>
        <translation>Bộ phận (tiếng Anh)</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Cuộc đánh giá</translation>
    </message>
    <message>
        <source>Audit team</source>
        <translation>Nhóm đánh giá SXSH</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>mm/yyyy</source>
        <translation>tt/nnnn</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Thêm thành viên</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Xóa mục đã chọn</translation>
    </message>
    <message>
        <source>Not a valid value: it was not saved.</source>
        <translation>Giá trị không hợp lệ: chưa được lưu.</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Sửa {field}</translation>
    </message>
    <message>
        <source>Edit team member</source>
        <translation>Sửa thành viên nhóm</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Thành viên mới</translation>
    </message>
    <message>
        <source>Add team member</source>
        <translation>Thêm thành viên nhóm</translation>
    </message>
    <message>
        <source>Remove team member</source>
        <translation>Xóa thành viên nhóm</translation>
    </message>
</context>
<context>
    <name>GridKeys</name>
    <message>
        <source>Enter: next row</source>
        <translation>Enter: xuống dòng dưới</translation>
    </message>
    <message>
        <source>Tab/Enter: next cell</source>
        <translation>Tab/Enter: sang ô kế tiếp</translation>
    </message>
    <message>
        <source>Ctrl+C: copy</source>
        <translation>Ctrl+C: sao chép</translation>
    </message>
    <message>
        <source>Ctrl+V: paste from Excel</source>
        <translation>Ctrl+V: dán từ Excel</translation>
    </message>
    <message>
        <source>Delete: clear</source>
        <translation>Delete: xóa ô</translation>
    </message>
    <message>
        <source>Ctrl+D: fill down</source>
        <translation>Ctrl+D: điền xuống</translation>
    </message>
    <message>
        <source>Ctrl+Z: undo</source>
        <translation>Ctrl+Z: hoàn tác</translation>
    </message>
    <message>
        <source>Keys: {keys}</source>
        <translation>Phím: {keys}</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;New audit…</source>
        <translation>Cuộc đánh giá &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Open audit…</source>
        <translation>&amp;Mở cuộc đánh giá…</translation>
    </message>
    <message>
        <source>Open the &amp;demo audit</source>
        <translation>Mở cuộc đánh giá &amp;mẫu</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>&amp;Trang đầu</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Lưu một &amp;bản sao…</translation>
    </message>
    <message>
        <source>&amp;Close audit</source>
        <translation>Đón&amp;g cuộc đánh giá</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;About RECP Audit</source>
        <translation>&amp;Giới thiệu RECP Audit</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Mở thư mục &amp;nhật ký</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Hoàn tác {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Làm lại {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Chỉ đọc</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>RECP Audit</source>
        <translation>RECP Audit</translation>
    </message>
    <message>
        <source>{name} — RECP Audit</source>
        <translation>{name} — RECP Audit</translation>
    </message>
    <message>
        <source>About RECP Audit</source>
        <translation>Giới thiệu RECP Audit</translation>
    </message>
    <message>
        <source>&lt;b&gt;RECP Audit&lt;/b&gt; {version}&lt;br&gt;Resource-efficient and cleaner production audits.</source>
        <translation>&lt;b&gt;RECP Audit&lt;/b&gt; {version}&lt;br&gt;Đánh giá sử dụng hiệu quả tài nguyên và sản xuất sạch hơn.</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (bản sao)</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Lưu một bản sao</translation>
    </message>
    <message>
        <source>Copy saved: {path}</source>
        <translation>Đã lưu bản sao: {path}</translation>
    </message>
    <message>
        <source>Open audit</source>
        <translation>Mở cuộc đánh giá</translation>
    </message>
    <message>
        <source>RECP audits (*.recp)</source>
        <translation>Tệp đánh giá RECP (*.recp)</translation>
    </message>
</context>
<context>
    <name>NewAuditWizard</name>
    <message>
        <source>New audit</source>
        <translation>Cuộc đánh giá mới</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Tiếp &gt;</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Who is audited. Everything can be completed later.</source>
        <translation>Doanh nghiệp được đánh giá. Có thể bổ sung mọi thông tin sau.</translation>
    </message>
    <message>
        <source>e.g. 1313</source>
        <translation>ví dụ 1313</translation>
    </message>
    <message>
        <source>Enterprise name *</source>
        <translation>Tên doanh nghiệp *</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Sector (VSIC code)</source>
        <translation>Ngành (mã VSIC)</translation>
    </message>
    <message>
        <source>Sector name</source>
        <translation>Tên ngành</translation>
    </message>
    <message>
        <source>Province / city</source>
        <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
        <source>Industrial park</source>
        <translation>Khu công nghiệp</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Audit team</source>
        <translation>Nhóm đánh giá SXSH</translation>
    </message>
    <message>
        <source>The cleaner-production team: auditors and enterprise staff.</source>
        <translation>Nhóm SXSH: chuyên gia đánh giá và cán bộ doanh nghiệp.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>Vai trò trong nhóm</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Thêm thành viên</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Xóa mục đã chọn</translation>
    </message>
    <message>
        <source>Baseline and walkthrough</source>
        <translation>Số liệu nền và khảo sát hiện trường</translation>
    </message>
    <message>
        <source>The months of data the audit compares against, and the checklists.</source>
        <translation>Các tháng số liệu làm cơ sở so sánh, và các danh mục kiểm tra.</translation>
    </message>
    <message>
        <source>mm/yyyy</source>
        <translation>tt/nnnn</translation>
    </message>
    <message>
        <source>Audit title</source>
        <translation>Tên cuộc đánh giá</translation>
    </message>
    <message>
        <source>Baseline first month</source>
        <translation>Tháng đầu của số liệu nền</translation>
    </message>
    <message>
        <source>Baseline months</source>
        <translation>Số tháng số liệu nền</translation>
    </message>
    <message>
        <source>Walkthrough templates</source>
        <translation>Mẫu khảo sát hiện trường</translation>
    </message>
    <message>
        <source>No walkthrough templates are installed.</source>
        <translation>Chưa cài đặt mẫu khảo sát hiện trường nào.</translation>
    </message>
    <message>
        <source>Type the first month of the baseline as mm/yyyy, e.g. 01/2024.</source>
        <translation>Nhập tháng đầu của số liệu nền theo dạng mm/yyyy, ví dụ 01/2024.</translation>
    </message>
    <message>
        <source>RECP audit {name}</source>
        <translation>Đánh giá SXSH {name}</translation>
    </message>
    <message>
        <source>Where to save</source>
        <translation>Nơi lưu</translation>
    </message>
    <message>
        <source>One audit is one .recp file: every change is saved in it at once.</source>
        <translation>Mỗi cuộc đánh giá là một tệp .recp: mọi thay đổi được lưu ngay vào tệp.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Save the new audit as</source>
        <translation>Lưu cuộc đánh giá mới thành</translation>
    </message>
    <message>
        <source>RECP audits (*.recp)</source>
        <translation>Tệp đánh giá RECP (*.recp)</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>Enterprise &amp; team</source>
        <translation>Doanh nghiệp và nhóm</translation>
    </message>
    <message>
        <source>Products &amp; process steps</source>
        <translation>Sản phẩm và công đoạn</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>Khảo sát hiện trường</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>Số liệu nền</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Cơ hội SXSH</translation>
    </message>
    <message>
        <source>Offers and needs</source>
        <translation>Chào cho và nhu cầu</translation>
    </message>
    <message>
        <source>Eco-enterprise readiness</source>
        <translation>Doanh nghiệp sinh thái</translation>
    </message>
    <message>
        <source>Report narrative</source>
        <translation>Nội dung báo cáo</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
</context>
<context>
    <name>ProductsKeys</name>
    <message>
        <source>Clear {count} cells</source>
        <translation>Xóa {count} ô</translation>
    </message>
    <message>
        <source>Fill down {count} cells</source>
        <translation>Điền xuống {count} ô</translation>
    </message>
</context>
<context>
    <name>ProductsPaste</name>
    <message>
        <source>Nothing pasted: {count} of the pasted cells fall outside the grid (below the last product or right of the last month). Add the products first.</source>
        <translation>Chưa dán gì: {count} ô dán nằm ngoài bảng (dưới sản phẩm cuối hoặc bên phải tháng cuối). Hãy thêm sản phẩm trước.</translation>
    </message>
    <message>
        <source>Nothing pasted: line {line}, column {column} “{text}” is not a quantity ≥ 0.</source>
        <translation>Chưa dán gì: dòng {line}, cột {column} “{text}” không phải là sản lượng ≥ 0.</translation>
    </message>
    <message>
        <source>Paste into products ({count} cells)</source>
        <translation>Dán vào sản phẩm ({count} ô)</translation>
    </message>
</context>
<context>
    <name>ProductsScreen</name>
    <message>
        <source>Product (Vietnamese)</source>
        <translation>Sản phẩm (tiếng Việt)</translation>
    </message>
    <message>
        <source>Product (English)</source>
        <translation>Sản phẩm (tiếng Anh)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Input / output</source>
        <translation>Đầu vào / đầu ra</translation>
    </message>
    <message>
        <source>English name (reports)</source>
        <translation>Tên tiếng Anh (báo cáo)</translation>
    </message>
    <message>
        <source>Quantity per year</source>
        <translation>Lượng mỗi năm</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Đầu vào</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Đầu ra</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Tổn thất</translation>
    </message>
    <message>
        <source>Products and output per month</source>
        <translation>Sản phẩm và sản lượng theo tháng</translation>
    </message>
    <message>
        <source>Process steps</source>
        <translation>Các công đoạn</translation>
    </message>
    <message>
        <source>Drag a step to change the order; double-click to rename.</source>
        <translation>Kéo thả một công đoạn để đổi thứ tự; nhấp đúp để đổi tên.</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>Thêm sản phẩm</translation>
    </message>
    <message>
        <source>Remove product</source>
        <translation>Xóa sản phẩm</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Thêm công đoạn</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Xóa công đoạn</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <source>Add input/output</source>
        <translation>Thêm đầu vào/ra</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Baseline: {first} – {last}</source>
        <translation>Số liệu nền: {first} – {last}</translation>
    </message>
    <message>
        <source>Set the baseline&apos;s first month on the Enterprise &amp; team screen.</source>
        <translation>Hãy nhập tháng đầu của số liệu nền ở màn hình Doanh nghiệp và nhóm.</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Sửa sản phẩm</translation>
    </message>
    <message>
        <source>Edit output {period}</source>
        <translation>Sửa sản lượng {period}</translation>
    </message>
    <message>
        <source>“{text}” is not a quantity: type a number ≥ 0.</source>
        <translation>“{text}” không phải là một lượng: hãy nhập một số ≥ 0.</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Sản phẩm mới</translation>
    </message>
    <message>
        <source>Rename process step</source>
        <translation>Đổi tên công đoạn</translation>
    </message>
    <message>
        <source>Reorder process steps</source>
        <translation>Sắp xếp lại công đoạn</translation>
    </message>
    <message>
        <source>New process step</source>
        <translation>Công đoạn mới</translation>
    </message>
    <message>
        <source>Add process step</source>
        <translation>Thêm công đoạn</translation>
    </message>
    <message>
        <source>Remove process step</source>
        <translation>Xóa công đoạn</translation>
    </message>
    <message>
        <source>Inputs, outputs and losses: {step}</source>
        <translation>Đầu vào, đầu ra và tổn thất: {step}</translation>
    </message>
    <message>
        <source>Inputs, outputs and losses</source>
        <translation>Đầu vào, đầu ra và tổn thất</translation>
    </message>
    <message>
        <source>Edit input/output</source>
        <translation>Sửa đầu vào/ra</translation>
    </message>
    <message>
        <source>New input/output</source>
        <translation>Đầu vào/ra mới</translation>
    </message>
    <message>
        <source>Remove input/output</source>
        <translation>Xóa đầu vào/ra</translation>
    </message>
    <message>
        <source>Unaccounted: {parts}</source>
        <translation>Chưa xác định: {parts}</translation>
    </message>
    <message>
        <source>mass</source>
        <translation>khối lượng</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>thể tích</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>năng lượng</translation>
    </message>
    <message>
        <source>{family}: no inputs of this kind ({unit})</source>
        <translation>{family}: không có đầu vào loại này ({unit})</translation>
    </message>
    <message>
        <source>{family} {value} {unit} ({share} %)</source>
        <translation>{family} {value} {unit} ({share} %)</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The demo audit is not available in this build.</source>
        <translation>Bản cài đặt này không có cuộc đánh giá mẫu.</translation>
    </message>
    <message>
        <source>Cannot open the audit</source>
        <translation>Không mở được cuộc đánh giá</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>File missing</source>
        <translation>Không tìm thấy tệp</translation>
    </message>
    <message>
        <source>This file no longer exists at this place.</source>
        <translation>Tệp này không còn ở vị trí này.</translation>
    </message>
    <message>
        <source>No recent audits yet. Start with the demo audit.</source>
        <translation>Chưa có cuộc đánh giá gần đây. Hãy bắt đầu với cuộc đánh giá mẫu.</translation>
    </message>
    <message>
        <source>Recent audits (double-click or Enter to open):</source>
        <translation>Các cuộc đánh giá gần đây (nhấp đúp hoặc Enter để mở):</translation>
    </message>
    <message>
        <source>RECP Audit</source>
        <translation>RECP Audit</translation>
    </message>
    <message>
        <source>Resource-efficient and cleaner production audits: enterprise and team, process steps, walkthrough, baselines, options and reports. Every change is saved at once.</source>
        <translation>Đánh giá sử dụng hiệu quả tài nguyên và sản xuất sạch hơn: doanh nghiệp và nhóm, công đoạn, khảo sát hiện trường, số liệu nền, cơ hội SXSH và báo cáo. Mọi thay đổi được lưu ngay.</translation>
    </message>
    <message>
        <source>New audit…</source>
        <translation>Cuộc đánh giá mới…</translation>
    </message>
    <message>
        <source>Open audit…</source>
        <translation>Mở cuộc đánh giá…</translation>
    </message>
    <message>
        <source>Open the demo audit</source>
        <translation>Mở cuộc đánh giá mẫu</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Cuộc đánh giá</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>{share} % complete</source>
        <translation>Đã hoàn thành {share} %</translation>
    </message>
    <message>
        <source>Not started in this version</source>
        <translation>Chưa có trong phiên bản này</translation>
    </message>
    <message>
        <source>Read-only: {reason} Changes cannot be saved.</source>
        <translation>Chỉ đọc: {reason} Không thể lưu thay đổi.</translation>
    </message>
    <message>
        <source>the audit cannot be written.</source>
        <translation>không ghi được vào tệp đánh giá.</translation>
    </message>
</context>
</TS>
