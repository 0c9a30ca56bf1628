<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AlertsController</name>
    <message numerus="yes">
        <source>Low stock (%n)</source>
        <translation>
            <numerusform>Low stock (%n)</numerusform>
            <numerusform>Low stock (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reorder suggestions (%n)</source>
        <translation>
            <numerusform>Reorder suggestions (%n)</numerusform>
            <numerusform>Reorder suggestions (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lots expiring within %1 days (%n)</source>
        <translation>
            <numerusform>Lots expiring within %1 days (%n)</numerusform>
            <numerusform>Lots expiring within %1 days (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired or blocked lots (%n)</source>
        <translation>
            <numerusform>Expired or blocked lots (%n)</numerusform>
            <numerusform>Expired or blocked lots (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BinMapController</name>
    <message numerus="yes">
        <source>%n bin(s) on the map.</source>
        <translation>
            <numerusform>%n bin on the map.</numerusform>
            <numerusform>%n bins on the map.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n bin(s)</source>
        <translation>
            <numerusform>%1: %n bin</numerusform>
            <numerusform>%1: %n bins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n on other levels)</source>
        <translation>
            <numerusform>(%n on other levels)</numerusform>
            <numerusform>(%n on other levels)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Picklist %1: %n stop(s)</source>
        <translation>
            <numerusform>Picklist %1: %n stop</numerusform>
            <numerusform>Picklist %1: %n stops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogueController</name>
    <message numerus="yes">
        <source>%n active SKU(s) do not fit the axes and would be deactivated on save: %1</source>
        <translation>
            <numerusform>%n active SKU does not fit the axes and would be deactivated on save: %1</numerusform>
            <numerusform>%n active SKUs do not fit the axes and would be deactivated on save: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) in the matrix</source>
        <translation>
            <numerusform>%n SKU in the matrix</numerusform>
            <numerusform>%n SKUs in the matrix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to deactivate</source>
        <translation>
            <numerusform>%n to deactivate</numerusform>
            <numerusform>%n to deactivate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new SKU(s)</source>
        <translation>
            <numerusform>%n new SKU</numerusform>
            <numerusform>%n new SKUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deactivated</source>
        <translation>
            <numerusform>%n deactivated</numerusform>
            <numerusform>%n deactivated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n back in use</source>
        <translation>
            <numerusform>%n back in use</numerusform>
            <numerusform>%n back in use</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsController</name>
    <message numerus="yes">
        <source>%n bin count(s) open in this warehouse: scan a bin to count it.</source>
        <translation>
            <numerusform>%n bin count open in this warehouse: scan a bin to count it.</numerusform>
            <numerusform>%n bin counts open in this warehouse: scan a bin to count it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n count schedule(s) due: Ctrl+D opens their counts.</source>
        <translation>
            <numerusform>%n count schedule due: Ctrl+D opens its counts.</numerusform>
            <numerusform>%n count schedules due: Ctrl+D opens their counts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) not scanned yet count as empty.</source>
        <translation>
            <numerusform>%n bin not scanned yet counts as empty.</numerusform>
            <numerusform>%n bins not scanned yet count as empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved: %n stock adjustment(s) booked.</source>
        <translation>
            <numerusform>Approved: %n stock adjustment booked.</numerusform>
            <numerusform>Approved: %n stock adjustments booked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin count(s) wait for approval</source>
        <translation>
            <numerusform>%n bin count waits for approval</numerusform>
            <numerusform>%n bin counts wait for approval</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) to count</source>
        <translation>
            <numerusform>%n bin to count</numerusform>
            <numerusform>%n bins to count</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsTexts</name>
    <message numerus="yes">
        <source>%n bin count(s) opened</source>
        <translation>
            <numerusform>%n bin count opened</numerusform>
            <numerusform>%n bin counts opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin count(s) finished.</source>
        <translation>
            <numerusform>%n bin count finished.</numerusform>
            <numerusform>%n bin counts finished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variance(s)</source>
        <translation>
            <numerusform>%n variance</numerusform>
            <numerusform>%n variances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n bin(s)</source>
        <translation>
            <numerusform>in %n bin</numerusform>
            <numerusform>in %n bins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Net difference: %1%n unit(s)</source>
        <translation>
            <numerusform>Net difference: %1%n unit</numerusform>
            <numerusform>Net difference: %1%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %n unit(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2 · %n unit</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2 · %n units</numerusform>
        </translation>
    </message>
</context>
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
    <name>ImportController</name>
    <message numerus="yes">
        <source>%1: %n problem(s) found. Nothing was imported.</source>
        <translation>
            <numerusform>%1: %n problem found. Nothing was imported.</numerusform>
            <numerusform>%1: %n problems found. Nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: all %n row(s) are right. Nothing was written yet: Import writes them.</source>
        <translation>
            <numerusform>%1: the %n row is right. Nothing was written yet: Import writes it.</numerusform>
            <numerusform>%1: all %n rows are right. Nothing was written yet: Import writes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: imported %n row(s).</source>
        <translation>
            <numerusform>%1: imported %n row.</numerusform>
            <numerusform>%1: imported %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) of %1 to %2.</source>
        <translation>
            <numerusform>Wrote %n row of %1 to %2.</numerusform>
            <numerusform>Wrote %n rows of %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocationsController</name>
    <message numerus="yes">
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n location</numerusform>
            <numerusform>%n locations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovesController</name>
    <message numerus="yes">
        <source>%n move(s)</source>
        <translation>
            <numerusform>%n move</numerusform>
            <numerusform>%n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) exported to %1</source>
        <translation>
            <numerusform>%n move exported to %1</numerusform>
            <numerusform>%n moves exported to %1</numerusform>
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
    <name>PickingTexts</name>
    <message numerus="yes">
        <source>Allocated orders in %1 (%n)</source>
        <translation>
            <numerusform>Allocated orders in %1 (%n)</numerusform>
            <numerusform>Allocated orders in %1 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) chosen</source>
        <translation>
            <numerusform>%n order chosen</numerusform>
            <numerusform>%n orders chosen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pick list %1 built: %n tote(s). Scan the first bin.</source>
        <translation>
            <numerusform>Pick list %1 built: %n tote. Scan the first bin.</numerusform>
            <numerusform>Pick list %1 built: %n totes. Scan the first bin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: this line has %n unit(s) left to pick</source>
        <translation>
            <numerusform>%1: this line has %n unit left to pick</numerusform>
            <numerusform>%1: this line has %n units left to pick</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 into tote %2; %n more here</source>
        <translation>
            <numerusform>%1 into tote %2; %n more here</numerusform>
            <numerusform>%1 into tote %2; %n more here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n unit(s) are on no other shelf</source>
        <translation>
            <numerusform>; %n unit is on no other shelf</numerusform>
            <numerusform>; %n units are on no other shelf</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PutawayController</name>
    <message numerus="yes">
        <source>%n line(s) waiting on %1 in %2</source>
        <translation>
            <numerusform>%n line waiting on %1 in %2</numerusform>
            <numerusform>%n lines waiting on %1 in %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceivingTexts</name>
    <message numerus="yes">
        <source>%n purchase order(s) to receive: scan its number, or choose it with ↑/↓ and press Enter.</source>
        <translation>
            <numerusform>%n purchase order to receive: scan its number, or choose it with ↑/↓ and press Enter.</numerusform>
            <numerusform>%n purchase orders to receive: scan its number, or choose it with ↑/↓ and press Enter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next item scanned counts %n unit(s).</source>
        <translation>
            <numerusform>The next item scanned counts %n unit.</numerusform>
            <numerusform>The next item scanned counts %n units.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Esc again drops the %n unit(s) scanned on this order (nothing is booked).</source>
        <translation>
            <numerusform>Esc again drops the %n unit scanned on this order (nothing is booked).</numerusform>
            <numerusform>Esc again drops the %n units scanned on this order (nothing is booked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more line(s)</source>
        <translation>
            <numerusform>%n more line</numerusform>
            <numerusform>%n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message numerus="yes">
        <source>%n migration(s) will run when you finish.</source>
        <translation>
            <numerusform>%n migration will run when you finish.</numerusform>
            <numerusform>%n migrations will run when you finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) found.</source>
        <translation>
            <numerusform>%n port found.</numerusform>
            <numerusform>%n ports found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlottingController</name>
    <message numerus="yes">
        <source>%n open suggestion(s) in %1</source>
        <translation>
            <numerusform>%n open suggestion in %1</numerusform>
            <numerusform>%n open suggestions in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new suggestion(s), best first</source>
        <translation>
            <numerusform>%n new suggestion, best first</numerusform>
            <numerusform>%n new suggestions, best first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted: %n move task(s) to do, scan the bin to move from</source>
        <translation>
            <numerusform>Accepted: %n move task to do, scan the bin to move from</numerusform>
            <numerusform>Accepted: %n move tasks to do, scan the bin to move from</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) rejected</source>
        <translation>
            <numerusform>%n suggestion rejected</numerusform>
            <numerusform>%n suggestions rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1 done: %n unit(s) of %2 moved from %3 to %4</source>
        <translation>
            <numerusform>Task %1 done: %n unit of %2 moved from %3 to %4</numerusform>
            <numerusform>Task %1 done: %n units of %2 moved from %3 to %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Task %1: take %n unit(s) of %2 from %3, then scan %4</source>
        <translation>
            <numerusform>Task %1: take %n unit of %2 from %3, then scan %4</numerusform>
            <numerusform>Task %1: take %n units of %2 from %3, then scan %4</numerusform>
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
<context>
    <name>TransferTexts</name>
    <message numerus="yes">
        <source>%1 · %2 → %3 · %4 · %5 of %n unit(s) arrived</source>
        <translation>
            <numerusform>%1 · %2 → %3 · %4 · %5 of %n unit arrived</numerusform>
            <numerusform>%1 · %2 → %3 · %4 · %5 of %n units arrived</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 created: %n unit(s) to %2. Ctrl+D dispatches it.</source>
        <translation>
            <numerusform>%1 created: %n unit to %2. Ctrl+D dispatches it.</numerusform>
            <numerusform>%1 created: %n units to %2. Ctrl+D dispatches it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is on its way to %2: %n unit(s) in transit.</source>
        <translation>
            <numerusform>%1 is on its way to %2: %n unit in transit.</numerusform>
            <numerusform>%1 is on its way to %2: %n units in transit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 received in full: %n unit(s) arrived; the last onto %2.</source>
        <translation>
            <numerusform>%1 received in full: %n unit arrived; the last onto %2.</numerusform>
            <numerusform>%1 received in full: %n units arrived; the last onto %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of %1 received onto %2; %3 still on the way.</source>
        <translation>
            <numerusform>%n unit of %1 received onto %2; %3 still on the way.</numerusform>
            <numerusform>%n units of %1 received onto %2; %3 still on the way.</numerusform>
        </translation>
    </message>
</context>
</TS>
