"""The demo audit's narrative (what the auditor writes for the report), in both languages.
Keys: "enterprise", "focus", "conclusions", and "cause:<step key>" per process step."""

NARRATIVE = {
    "enterprise": {
        "vi": "Doanh nghiệp nhuộm và hoàn tất vải dệt kim cotton và polyester cho các nhãn hàng may mặc xuất khẩu, làm việc ba ca, 300 ngày mỗi năm. Hơi và dầu tải nhiệt do hai lò hơi đốt than cung cấp; nước lấy từ hệ thống cấp nước của khu công nghiệp.",
        "en": "The enterprise dyes and finishes cotton and polyester knit fabric for export garment brands, on three shifts, 300 days a year. Steam and thermal oil come from two coal-fired boilers; water comes from the industrial park's supply.",
    },
    "focus": {
        "vi": "Trọng tâm đánh giá là công đoạn nhuộm và giặt: hai công đoạn này dùng khoảng 60 % hơi, 70 % nước và toàn bộ thuốc nhuộm, muối và soda của nhà máy, và thải ra phần lớn nước thải nóng.",
        "en": "The audit focuses on dyeing and washing: these two steps use about 60 % of the steam, 70 % of the water and all of the dyes, salt and soda ash of the plant, and discharge most of the hot wastewater.",
    },
    "cause:dyeing": {
        "vi": "Tỷ lệ nhuộm đúng ngay lần đầu thấp (nhuộm lại khoảng 12 % số mẻ), tỷ lệ dung dịch cao trên máy nhuộm jet cũ và thuốc nhuộm hoạt tính thủy phân làm tăng hóa chất, nước và nhiệt theo nước thải.",
        "en": "A low right-first-time rate (about 12 % of batches re-dyed), high liquor ratios on the old jet machines and hydrolysed reactive dye add chemicals, water and heat to the wastewater.",
    },
    "cause:washing": {
        "vi": "Giặt tràn không kiểm soát lưu lượng và không thu hồi nhiệt nước giặt nóng.",
        "en": "Overflow rinsing without flow control, and no heat recovery from the hot rinse water.",
    },
    "conclusions": {
        "vi": "Chín giải pháp đã thực hiện, phần lớn là quản lý nội vi và thu hồi nhiệt, đã mang lại tiết kiệm đo được gần với ước tính. Đề nghị ban giám đốc ưu tiên đầu tư theo thứ tự khuyến nghị, bắt đầu với các giải pháp nâng tỷ lệ nhuộm đúng ngay lần đầu và tái sử dụng nước, và duy trì nhóm SXSH để theo dõi định mức hằng tháng.",
        "en": "The nine options implemented, mostly good housekeeping and heat recovery, have brought measured savings close to the estimates. We recommend the management funds the rest in the recommended order, starting with right-first-time dyeing and water reuse, and keeps the CP team to follow the specific consumption every month.",
    },
}
