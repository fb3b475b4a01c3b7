<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo {n} of {count}</source>
        <translation>Ảnh {n}/{count}</translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>Không hiển thị được ảnh này.</translation>
    </message>
</context>
<context>
    <name>WalkthroughScreen</name>
    <message>
        <source>No issue</source>
        <translation>Không có vấn đề</translation>
    </message>
    <message>
        <source>Issue found</source>
        <translation>Có vấn đề</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>(no severity)</source>
        <translation>(chưa đánh giá mức độ)</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <source>Good housekeeping</source>
        <translation>Quản lý nội vi tốt</translation>
    </message>
    <message>
        <source>Input material change</source>
        <translation>Thay đổi nguyên liệu đầu vào</translation>
    </message>
    <message>
        <source>Better process control</source>
        <translation>Kiểm soát quá trình tốt hơn</translation>
    </message>
    <message>
        <source>Equipment modification</source>
        <translation>Cải tiến thiết bị</translation>
    </message>
    <message>
        <source>Technology change</source>
        <translation>Thay đổi công nghệ</translation>
    </message>
    <message>
        <source>On-site recovery and reuse</source>
        <translation>Tuần hoàn và tái sử dụng tại chỗ</translation>
    </message>
    <message>
        <source>Production of useful by-products</source>
        <translation>Sản xuất sản phẩm phụ hữu ích</translation>
    </message>
    <message>
        <source>Product modification</source>
        <translation>Cải tiến sản phẩm</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Tất cả các mục</translation>
    </message>
    <message>
        <source>Not yet answered</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <source>With issues</source>
        <translation>Có vấn đề</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>Khảo sát hiện trường</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Danh mục:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Add free finding</source>
        <translation>Thêm phát hiện tự do</translation>
    </message>
    <message>
        <source>Ctrl+N: a finding outside the checklist</source>
        <translation>Ctrl+N: phát hiện ngoài danh mục kiểm tra</translation>
    </message>
    <message>
        <source>Keys: 1 no issue · 2 issue found · 3 not applicable · 4 not checked · Enter next</source>
        <translation>Phím: 1 không có vấn đề · 2 có vấn đề · 3 không áp dụng · 4 chưa kiểm tra · Enter mục tiếp theo</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Phát hiện</translation>
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
        <source>CP technique</source>
        <translation>Nhóm giải pháp SXSH</translation>
    </message>
    <message>
        <source>Process step</source>
        <translation>Công đoạn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Finding (English)</source>
        <translation>Phát hiện (tiếng Anh)</translation>
    </message>
    <message>
        <source>Note (English)</source>
        <translation>Ghi chú (tiếng Anh)</translation>
    </message>
    <message>
        <source>English text for English reports (optional)</source>
        <translation>Nội dung tiếng Anh cho báo cáo tiếng Anh (không bắt buộc)</translation>
    </message>
    <message>
        <source>Create option from this finding</source>
        <translation>Tạo cơ hội SXSH từ phát hiện này</translation>
    </message>
    <message>
        <source>Delete finding</source>
        <translation>Xóa phát hiện</translation>
    </message>
    <message>
        <source>Photos (drop image files here; Enter or double click: full size; F2: caption)</source>
        <translation>Ảnh (kéo thả tệp ảnh vào đây; Enter hoặc nhấp đúp: xem cỡ lớn; F2: chú thích)</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <source>Caption (Vietnamese)</source>
        <translation>Chú thích (tiếng Việt)</translation>
    </message>
    <message>
        <source>Caption (English)</source>
        <translation>Chú thích (tiếng Anh)</translation>
    </message>
    <message>
        <source>Delete photo</source>
        <translation>Xóa ảnh</translation>
    </message>
    <message>
        <source>Free findings ({count})</source>
        <translation>Phát hiện tự do ({count})</translation>
    </message>
    <message>
        <source>Answered {done} of {total} ({share} %), {issues} with issues</source>
        <translation>Đã trả lời {done}/{total} ({share} %), {issues} có vấn đề</translation>
    </message>
    <message>
        <source>(untitled finding)</source>
        <translation>(phát hiện chưa đặt tên)</translation>
    </message>
    <message>
        <source>Look for: {text}</source>
        <translation>Cần quan sát: {text}</translation>
    </message>
    <message>
        <source>Typical option: {text}</source>
        <translation>Giải pháp thường gặp: {text}</translation>
    </message>
    <message>
        <source>Free finding</source>
        <translation>Phát hiện tự do</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Chưa chọn mục nào</translation>
    </message>
    <message>
        <source>(no process step)</source>
        <translation>(không gắn công đoạn)</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>Trả lời: {answer}</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Sửa ghi chú</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>Sửa phát hiện</translation>
    </message>
    <message>
        <source>Edit English title</source>
        <translation>Sửa tiêu đề tiếng Anh</translation>
    </message>
    <message>
        <source>Edit English note</source>
        <translation>Sửa ghi chú tiếng Anh</translation>
    </message>
    <message>
        <source>Edit area</source>
        <translation>Sửa khu vực</translation>
    </message>
    <message>
        <source>Set severity</source>
        <translation>Đặt mức độ</translation>
    </message>
    <message>
        <source>Set CP technique</source>
        <translation>Đặt nhóm giải pháp SXSH</translation>
    </message>
    <message>
        <source>Link to process step</source>
        <translation>Gắn với công đoạn</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>Phát hiện mới</translation>
    </message>
    <message>
        <source>Create option from finding</source>
        <translation>Tạo cơ hội SXSH từ phát hiện</translation>
    </message>
    <message>
        <source>Edit English caption</source>
        <translation>Sửa chú thích ảnh tiếng Anh</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Thêm ảnh</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Ảnh ({patterns})</translation>
    </message>
    <message>
        <source>Processing {count} photos…</source>
        <translation>Đang xử lý {count} ảnh…</translation>
    </message>
    <message>
        <source>Adding photos</source>
        <translation>Đang thêm ảnh</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>Sửa chú thích ảnh</translation>
    </message>
</context>
</TS>
