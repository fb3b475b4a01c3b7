<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
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
</context>
</TS>
