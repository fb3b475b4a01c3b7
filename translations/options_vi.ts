<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>EmptyLog</name>
    <message>
        <source>No options yet</source>
        <translation>Chưa có cơ hội SXSH nào</translation>
    </message>
    <message>
        <source>An option (cleaner-production opportunity) is a measure that saves energy, water, materials or chemicals, or reduces waste: for example repairing steam leaks, reusing rinse water or insulating pipes. For each one you record the streams it saves per year, its investment and lifetime; payback, NPV, IRR and avoided CO2e follow. Then screen it, plan it and record its implementation.</source>
        <translation>Một cơ hội SXSH là một giải pháp giúp tiết kiệm năng lượng, nước, nguyên vật liệu hoặc hóa chất, hay giảm chất thải: ví dụ sửa rò rỉ hơi, tái sử dụng nước xả hoặc bảo ôn đường ống. Với mỗi cơ hội, bạn ghi các dòng tài nguyên tiết kiệm được mỗi năm, vốn đầu tư và tuổi thọ; thời gian hoàn vốn, NPV, IRR và lượng CO2e giảm được sẽ tự tính. Sau đó sàng lọc, lập kế hoạch và ghi nhận việc thực hiện.</translation>
    </message>
    <message>
        <source>New option</source>
        <translation>Thêm cơ hội</translation>
    </message>
    <message>
        <source>Create from a walkthrough finding…</source>
        <translation>Tạo từ một phát hiện khi khảo sát…</translation>
    </message>
    <message>
        <source>No walkthrough findings yet. In phase 3 (Walkthrough), record what you observe on site; each finding offers “Create option from this finding”.</source>
        <translation>Chưa có phát hiện nào từ khảo sát hiện trường. Ở bước 3 (Khảo sát hiện trường), ghi lại những gì quan sát được tại nhà máy; mỗi phát hiện có nút “Tạo cơ hội SXSH từ phát hiện này”.</translation>
    </message>
</context>
<context>
    <name>OptionEditor</name>
    <message>
        <source>Option</source>
        <translation>Cơ hội</translation>
    </message>
    <message>
        <source>Physical savings per year</source>
        <translation>Tiết kiệm hiện vật mỗi năm</translation>
    </message>
    <message>
        <source>Costs and money saving</source>
        <translation>Chi phí và tiết kiệm tiền</translation>
    </message>
    <message>
        <source>Figures (update as you type)</source>
        <translation>Chỉ số (cập nhật khi nhập)</translation>
    </message>
    <message>
        <source>More figures</source>
        <translation>Chỉ số khác</translation>
    </message>
    <message>
        <source>Screening and status</source>
        <translation>Sàng lọc và trạng thái</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Tiết kiệm</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Tài chính</translation>
    </message>
    <message>
        <source>Plan and follow-up</source>
        <translation>Kế hoạch và theo dõi</translation>
    </message>
    <message>
        <source>Priority scores (0–5)</source>
        <translation>Điểm ưu tiên (0–5)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Title (Vietnamese)</source>
        <translation>Tên (tiếng Việt)</translation>
    </message>
    <message>
        <source>Title (English, for reports)</source>
        <translation>Tên (tiếng Anh, cho báo cáo)</translation>
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
        <source>CP technique</source>
        <translation>Nhóm giải pháp</translation>
    </message>
    <message>
        <source>Industrial symbiosis</source>
        <translation>Cộng sinh công nghiệp</translation>
    </message>
    <message>
        <source>Process step</source>
        <translation>Công đoạn</translation>
    </message>
    <message>
        <source>From findings</source>
        <translation>Từ các phát hiện</translation>
    </message>
    <message>
        <source>Investment (VND)</source>
        <translation>Vốn đầu tư (đồng)</translation>
    </message>
    <message>
        <source>Added operating cost (VND/yr)</source>
        <translation>Chi phí vận hành tăng thêm (đồng/năm)</translation>
    </message>
    <message>
        <source>Lifetime (years)</source>
        <translation>Tuổi thọ (năm)</translation>
    </message>
    <message>
        <source>Discount rate (%)</source>
        <translation>Tỷ lệ chiết khấu (%)</translation>
    </message>
    <message>
        <source>Money saving entered (VND/yr)</source>
        <translation>Tiết kiệm nhập tay (đồng/năm)</translation>
    </message>
    <message>
        <source>Reason for the entered saving</source>
        <translation>Lý do nhập tay số tiết kiệm</translation>
    </message>
    <message>
        <source>Reason for the entered saving (English)</source>
        <translation>Lý do nhập tay số tiết kiệm (tiếng Anh)</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Vốn đầu tư</translation>
    </message>
    <message>
        <source>Net saving per year</source>
        <translation>Tiết kiệm ròng mỗi năm</translation>
    </message>
    <message>
        <source>Simple payback</source>
        <translation>Thời gian hoàn vốn giản đơn</translation>
    </message>
    <message>
        <source>NPV</source>
        <translation>NPV</translation>
    </message>
    <message>
        <source>IRR</source>
        <translation>IRR</translation>
    </message>
    <message>
        <source>Discounted payback</source>
        <translation>Thời gian hoàn vốn có chiết khấu</translation>
    </message>
    <message>
        <source>Avoided emissions</source>
        <translation>Giảm phát thải</translation>
    </message>
    <message>
        <source>Abatement cost</source>
        <translation>Chi phí giảm phát thải</translation>
    </message>
    <message>
        <source>Cost class</source>
        <translation>Mức chi phí</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Sàng lọc</translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation>Lý do loại bỏ</translation>
    </message>
    <message>
        <source>Reason for rejection (English)</source>
        <translation>Lý do loại bỏ (tiếng Anh)</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Ngày dự kiến hoàn thành</translation>
    </message>
    <message>
        <source>Implemented on</source>
        <translation>Ngày thực hiện</translation>
    </message>
    <message>
        <source>Actual investment (VND)</source>
        <translation>Vốn đầu tư thực tế (đồng)</translation>
    </message>
    <message>
        <source>Measured saving (VND/yr)</source>
        <translation>Tiết kiệm đo được (đồng/năm)</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Chuyển sang</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Economic</source>
        <translation>Kinh tế</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Kỹ thuật</translation>
    </message>
    <message>
        <source>Environmental</source>
        <translation>Môi trường</translation>
    </message>
    <message>
        <source>exchanges a stream with another enterprise or the park</source>
        <translation>trao đổi một dòng với doanh nghiệp khác hoặc khu công nghiệp</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Dòng tài nguyên</translation>
    </message>
    <message>
        <source>Saving per year</source>
        <translation>Tiết kiệm mỗi năm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>VND/yr</source>
        <translation>đồng/năm</translation>
    </message>
    <message>
        <source>Add stream</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Remove stream</source>
        <translation>Bỏ dòng</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>chưa chấm</translation>
    </message>
    <message>
        <source>from payback</source>
        <translation>theo thời gian hoàn vốn</translation>
    </message>
    <message>
        <source>audit default {rate} %</source>
        <translation>mặc định của cuộc đánh giá {rate} %</translation>
    </message>
    <message>
        <source>computed from prices</source>
        <translation>tính từ đơn giá</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} năm</translation>
    </message>
    <message>
        <source>{n} VND</source>
        <translation>{n} đồng</translation>
    </message>
    <message>
        <source>{n} tCO2e/yr</source>
        <translation>{n} tCO2e/năm</translation>
    </message>
    <message>
        <source>{n} VND/tCO2e</source>
        <translation>{n} đồng/tCO2e</translation>
    </message>
    <message>
        <source>no/low cost</source>
        <translation>không/ít chi phí</translation>
    </message>
    <message>
        <source>medium cost</source>
        <translation>chi phí trung bình</translation>
    </message>
    <message>
        <source>high cost</source>
        <translation>chi phí cao</translation>
    </message>
    <message>
        <source>Edit option</source>
        <translation>Sửa cơ hội</translation>
    </message>
    <message>
        <source>Change CP technique</source>
        <translation>Đổi nhóm giải pháp</translation>
    </message>
    <message>
        <source>Change process step</source>
        <translation>Đổi công đoạn</translation>
    </message>
    <message>
        <source>Link findings</source>
        <translation>Gắn phát hiện</translation>
    </message>
    <message>
        <source>Not a number: {text}</source>
        <translation>Không phải số: {text}</translation>
    </message>
    <message>
        <source>Edit option figures</source>
        <translation>Sửa số liệu cơ hội</translation>
    </message>
    <message>
        <source>Change screening</source>
        <translation>Đổi kết quả sàng lọc</translation>
    </message>
    <message>
        <source>Change scores</source>
        <translation>Đổi điểm ưu tiên</translation>
    </message>
    <message>
        <source>Add saving</source>
        <translation>Thêm khoản tiết kiệm</translation>
    </message>
    <message>
        <source>Remove saving</source>
        <translation>Bỏ khoản tiết kiệm</translation>
    </message>
    <message>
        <source>Edit saving</source>
        <translation>Sửa khoản tiết kiệm</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Đổi trạng thái</translation>
    </message>
</context>
<context>
    <name>OptionsScreen</name>
    <message>
        <source>Options</source>
        <translation>Cơ hội SXSH</translation>
    </message>
    <message>
        <source>Options log</source>
        <translation>Danh sách cơ hội</translation>
    </message>
    <message>
        <source>Priority ranking</source>
        <translation>Xếp hạng ưu tiên</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <source>Totals add each option&apos;s saving as if the options were independent: options acting on the same stream can overlap, so the real total may be lower.</source>
        <translation>Tổng cộng dồn tiết kiệm của từng cơ hội như thể chúng độc lập: các cơ hội cùng tác động lên một dòng tài nguyên có thể trùng nhau, nên tổng thực tế có thể thấp hơn.</translation>
    </message>
    <message>
        <source>Search code or title…</source>
        <translation>Tìm theo mã hoặc tên…</translation>
    </message>
    <message>
        <source>New option</source>
        <translation>Thêm cơ hội</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Weights of the criteria</source>
        <translation>Trọng số các tiêu chí</translation>
    </message>
    <message>
        <source>Scores are 0–5. An economic score not entered is derived from the payback; a criterion not scored is left out of the option&apos;s mean.</source>
        <translation>Điểm từ 0 đến 5. Điểm kinh tế không nhập được suy ra từ thời gian hoàn vốn; tiêu chí chưa chấm không tính vào điểm trung bình của cơ hội.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Cơ hội</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Payback (yr)</source>
        <translation>Hoàn vốn (năm)</translation>
    </message>
    <message>
        <source>NPV (VND)</source>
        <translation>NPV (đồng)</translation>
    </message>
    <message>
        <source>All techniques</source>
        <translation>Mọi nhóm giải pháp</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>Mọi công đoạn</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>Mọi dòng tài nguyên</translation>
    </message>
    <message>
        <source>Create option from finding</source>
        <translation>Tạo cơ hội từ phát hiện</translation>
    </message>
    <message>
        <source>Duplicate option</source>
        <translation>Nhân bản cơ hội</translation>
    </message>
    <message>
        <source>Delete option</source>
        <translation>Xóa cơ hội</translation>
    </message>
    <message>
        <source>Change weights</source>
        <translation>Thay đổi trọng số</translation>
    </message>
    <message>
        <source>There are no options yet. Add options in the Options log tab; the charts fill in as you enter their savings and costs.</source>
        <translation>Chưa có cơ hội SXSH nào. Hãy thêm cơ hội ở thẻ Danh sách cơ hội; biểu đồ sẽ hiện dần khi bạn nhập mức tiết kiệm và chi phí.</translation>
    </message>
    <message>
        <source>The abatement cost curve needs options (not rejected) that avoid emissions: enter a saving per year of electricity or a fuel, with a lifetime.</source>
        <translation>Đường chi phí giảm phát thải cần các cơ hội (không bị loại bỏ) có giảm phát thải: hãy nhập mức tiết kiệm điện hoặc nhiên liệu mỗi năm, cùng tuổi thọ.</translation>
    </message>
    <message>
        <source>The investment and payback chart needs options (not rejected) with a positive net saving per year: enter physical savings of priced streams or a money saving.</source>
        <translation>Biểu đồ vốn đầu tư và thời gian hoàn vốn cần các cơ hội (không bị loại bỏ) có tiết kiệm ròng mỗi năm dương: hãy nhập mức tiết kiệm theo hiện vật của các dòng có đơn giá, hoặc nhập số tiền tiết kiệm.</translation>
    </message>
    <message>
        <source>The savings by technique chart needs options (not rejected) with a net saving per year.</source>
        <translation>Biểu đồ tiết kiệm theo nhóm giải pháp cần các cơ hội (không bị loại bỏ) có tiết kiệm ròng mỗi năm.</translation>
    </message>
    <message>
        <source>{count} options · {done} implemented · {rejected} rejected · investment {investment} VND · net saving {saving} VND/yr · {co2e} tCO2e/yr avoided</source>
        <translation>{count} cơ hội · {done} đã thực hiện · {rejected} bị loại bỏ · đầu tư {investment} đồng · tiết kiệm ròng {saving} đồng/năm · giảm {co2e} tCO2e/năm</translation>
    </message>
    <message>
        <source>Proposed (not rejected)</source>
        <translation>Đề xuất (trừ loại bỏ)</translation>
    </message>
    <message>
        <source>Implemented (incl. verified)</source>
        <translation>Đã thực hiện (gồm đã kiểm chứng)</translation>
    </message>
    <message>
        <source>Investment (VND)</source>
        <translation>Vốn đầu tư (đồng)</translation>
    </message>
    <message>
        <source>Net saving (VND/yr)</source>
        <translation>Tiết kiệm ròng (đồng/năm)</translation>
    </message>
    <message>
        <source>Measured saving (VND/yr)</source>
        <translation>Tiết kiệm đo được (đồng/năm)</translation>
    </message>
    <message>
        <source>Avoided emissions (tCO2e/yr)</source>
        <translation>Giảm phát thải (tCO2e/năm)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>By CP technique</source>
        <translation>Theo nhóm giải pháp SXSH</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Theo trạng thái</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Industrial symbiosis</source>
        <translation>Cộng sinh công nghiệp</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Dòng tài nguyên</translation>
    </message>
    <message>
        <source>Saving/yr</source>
        <translation>Tiết kiệm/năm</translation>
    </message>
    <message>
        <source>Baseline/yr</source>
        <translation>Mức cơ sở/năm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Share of baseline</source>
        <translation>Tỷ lệ so với mức cơ sở</translation>
    </message>
</context>
<context>
    <name>OptionsTable</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Cơ hội</translation>
    </message>
    <message>
        <source>CP technique</source>
        <translation>Nhóm giải pháp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Sàng lọc</translation>
    </message>
    <message>
        <source>Process step</source>
        <translation>Công đoạn</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Các dòng</translation>
    </message>
    <message>
        <source>Investment (VND)</source>
        <translation>Vốn đầu tư (đồng)</translation>
    </message>
    <message>
        <source>Net saving/yr (VND)</source>
        <translation>Tiết kiệm ròng/năm (đồng)</translation>
    </message>
    <message>
        <source>Payback (yr)</source>
        <translation>Hoàn vốn (năm)</translation>
    </message>
    <message>
        <source>NPV (VND)</source>
        <translation>NPV (đồng)</translation>
    </message>
    <message>
        <source>IRR</source>
        <translation>IRR</translation>
    </message>
    <message>
        <source>tCO2e/yr</source>
        <translation>tCO2e/năm</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
</context>
</TS>
