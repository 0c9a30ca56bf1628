<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DevicesTexts</name>
    <message numerus="yes">
        <source>%n serial port(s) found: open the list with Alt+↓.</source>
        <translation>
            <numerusform>%n serial port found: open the list with Alt+↓.</numerusform>
            <numerusform>%n serial ports found: open the list with Alt+↓.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingRatesModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingTexts</name>
    <message numerus="yes">
        <source>Back to %n package(s).</source>
        <translation>
            <numerusform>Back to %n package.</numerusform>
            <numerusform>Back to %n packages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n package(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n package</numerusform>
            <numerusform>%1 · %2 · %n packages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message numerus="yes">
        <source>%n plugin(s)</source>
        <translation>
            <numerusform>%n plugin</numerusform>
            <numerusform>%n plugins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Summaries</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n order(s)</source>
        <translation>
            <numerusform>%1 of %n order</numerusform>
            <numerusform>%1 of %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n SKU(s)</source>
        <translation>
            <numerusform>%1 of %n SKU</numerusform>
            <numerusform>%1 of %n SKUs</numerusform>
        </translation>
    </message>
</context>
</TS>
