<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CalculationsPanel</name>
    <message>
        <source>Calculations behind these savings</source>
        <translation>Các tính toán cho mức tiết kiệm này</translation>
    </message>
    <message>
        <source>Estimate with a calculator…</source>
        <translation>Ước tính bằng máy tính…</translation>
    </message>
    <message>
        <source>Open calculation…</source>
        <translation>Mở tính toán…</translation>
    </message>
    <message>
        <source>Remove calculation</source>
        <translation>Xóa tính toán</translation>
    </message>
    <message>
        <source>no saving added</source>
        <translation>không thêm mức tiết kiệm nào</translation>
    </message>
    <message>
        <source>Estimate with a calculator</source>
        <translation>Ước tính bằng máy tính</translation>
    </message>
</context>
<context>
    <name>CalculatorDialog</name>
    <message>
        <source>Estimate with a calculator</source>
        <translation>Ước tính bằng máy tính</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>Tính</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Nguồn: %1</translation>
    </message>
    <message>
        <source>(not added to the option)</source>
        <translation>(không đưa vào giải pháp)</translation>
    </message>
    <message>
        <source>%1 goes to</source>
        <translation>%1 tính cho</translation>
    </message>
</context>
</TS>
