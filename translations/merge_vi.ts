<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Hand out a copy</source>
        <translation>Giao bản sao</translation>
    </message>
    <message>
        <source>Tick what the teammate takes. Everything else (header, team, options…) goes too.</source>
        <translation>Đánh dấu phần đồng đội nhận. Mọi thứ khác (thông tin chung, nhóm, cơ hội…) cũng được giao kèm.</translation>
    </message>
    <message>
        <source>Walkthrough areas</source>
        <translation>Khu vực khảo sát</translation>
    </message>
    <message>
        <source>Process steps</source>
        <translation>Công đoạn</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Dòng tài nguyên</translation>
    </message>
</context>
<context>
    <name>MergeReviewDialog</name>
    <message>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Title (Vietnamese)</source>
        <translation>Tiêu đề (tiếng Việt)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Tiêu đề (tiếng Anh)</translation>
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
        <source>Description (Vietnamese)</source>
        <translation>Mô tả (tiếng Việt)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Mô tả (tiếng Anh)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Note (English)</source>
        <translation>Ghi chú (tiếng Anh)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <source>Caption (English)</source>
        <translation>Chú thích (tiếng Anh)</translation>
    </message>
    <message>
        <source>Role (English)</source>
        <translation>Vai trò (tiếng Anh)</translation>
    </message>
    <message>
        <source>Organisation (English)</source>
        <translation>Đơn vị (tiếng Anh)</translation>
    </message>
    <message>
        <source>Department (English)</source>
        <translation>Bộ phận (tiếng Anh)</translation>
    </message>
    <message>
        <source>Reason for rejection (English)</source>
        <translation>Lý do loại bỏ (tiếng Anh)</translation>
    </message>
    <message>
        <source>Reason for the entered saving (English)</source>
        <translation>Lý do nhập tay số tiết kiệm (tiếng Anh)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Cost (VND)</source>
        <translation>Chi phí (đồng)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Unit price (VND)</source>
        <translation>Đơn giá (đồng)</translation>
    </message>
    <message>
        <source>Investment (VND)</source>
        <translation>Vốn đầu tư (đồng)</translation>
    </message>
    <message>
        <source>Added operating cost (VND)</source>
        <translation>Chi phí vận hành tăng thêm (đồng)</translation>
    </message>
    <message>
        <source>Lifetime (years)</source>
        <translation>Tuổi thọ (năm)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>CP technique</source>
        <translation>Kỹ thuật SXSH</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Thứ tự</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Deleted by teammate</source>
        <translation>Đồng đội đã xóa</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Cả hai bên cùng sửa</translation>
    </message>
    <message>
        <source>Deleted by me, changed by teammate</source>
        <translation>Tôi đã xóa, đồng đội đã sửa</translation>
    </message>
    <message>
        <source>Deleted by teammate, changed by me</source>
        <translation>Đồng đội đã xóa, tôi đã sửa</translation>
    </message>
    <message>
        <source>Merge a teammate&apos;s copy</source>
        <translation>Gộp bản sao của đồng đội</translation>
    </message>
    <message>
        <source>{n} changes come in from {file}; {c} conflicts need your choice. Nothing is merged until you press Merge; a backup is made first and Edit → Undo takes the whole merge back.</source>
        <translation>{n} thay đổi sẽ được nhận từ {file}; {c} xung đột cần bạn chọn. Chưa có gì được gộp cho đến khi bạn bấm Gộp; tệp được sao lưu trước và Sửa → Hoàn tác sẽ hủy toàn bộ lần gộp.</translation>
    </message>
    <message>
        <source>Coming in</source>
        <translation>Sẽ nhận vào</translation>
    </message>
    <message>
        <source>Conflicts: choose, field by field, whose value stays</source>
        <translation>Xung đột: chọn cho từng trường giá trị nào được giữ</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Giữ tất cả của tôi</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>Lấy tất cả của đồng đội</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Của tôi</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Của đồng đội</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Giữ</translation>
    </message>
    <message>
        <source>Set aside: </source>
        <translation>Để riêng: </translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(đã xóa)</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(đã sửa)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>its owner was deleted here</source>
        <translation>đối tượng chứa nó đã bị xóa ở đây</translation>
    </message>
    <message>
        <source>damaged photo</source>
        <translation>ảnh bị hỏng</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>Your name</source>
        <translation>Tên của bạn</translation>
    </message>
    <message>
        <source>Your name, recorded with every change you make (asked once):</source>
        <translation>Tên của bạn, được ghi cùng mọi thay đổi bạn thực hiện (chỉ hỏi một lần):</translation>
    </message>
    <message>
        <source>Merge {file}</source>
        <translation>Gộp {file}</translation>
    </message>
    <message>
        <source>Hand out a copy…</source>
        <translation>Giao bản sao…</translation>
    </message>
    <message>
        <source>Merge a teammate&apos;s copy…</source>
        <translation>Gộp bản sao của đồng đội…</translation>
    </message>
    <message>
        <source>Open an audit first.</source>
        <translation>Hãy mở một cuộc đánh giá trước.</translation>
    </message>
    <message>
        <source>Hand out a copy</source>
        <translation>Giao bản sao</translation>
    </message>
    <message>
        <source>Merge a teammate&apos;s copy</source>
        <translation>Gộp bản sao của đồng đội</translation>
    </message>
    <message>
        <source>Nothing new: this copy is already merged.</source>
        <translation>Không có gì mới: bản sao này đã được gộp.</translation>
    </message>
</context>
</TS>
