<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CL">
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>The first user, who can add the others. The PIN is 4 to 12 digits.</source>
        <translation>El primer usuario, que puede agregar a los demás. El PIN tiene de 4 a 12 dígitos.</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>&amp;Nombre completo</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>&amp;Repetir PIN</translation>
    </message>
</context>
<context>
    <name>AlertsController</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not load the alerts: %1</source>
        <translation>No se pudieron cargar las alertas: %1</translation>
    </message>
    <message numerus="yes">
        <source>Low stock (%n)</source>
        <translation>
            <numerusform>Bajo el mínimo (%n)</numerusform>
            <numerusform>Bajo el mínimo (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reorder suggestions (%n)</source>
        <translation>
            <numerusform>Sugerencias de compra (%n)</numerusform>
            <numerusform>Sugerencias de compra (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lots expiring within %1 days (%n)</source>
        <translation>
            <numerusform>Lotes que vencen en %1 días (%n)</numerusform>
            <numerusform>Lotes que vencen en %1 días (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expired or blocked lots (%n)</source>
        <translation>
            <numerusform>Lotes vencidos o bloqueados (%n)</numerusform>
            <numerusform>Lotes vencidos o bloqueados (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerta</numerusform>
            <numerusform>%n alertas</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertas (%1)</translation>
    </message>
    <message>
        <source>Scan, type or pick a SKU first.</source>
        <translation>Primero escanee, escriba o elija un SKU.</translation>
    </message>
    <message>
        <source>%1 in %2: alert when %3 or fewer units are free.</source>
        <translation>%1 en %2: alerta cuando queden %3 unidades libres o menos.</translation>
    </message>
    <message>
        <source>Threshold not set: %1</source>
        <translation>No se fijó el mínimo: %1</translation>
    </message>
</context>
<context>
    <name>AlertsTables</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Bodega</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>Cover (days)</source>
        <translation>Cobertura (días)</translation>
    </message>
    <message>
        <source>Stockout</source>
        <translation>Quiebre</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedir</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>en cuarentena</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>vencido</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <source>Expiry horizon in days</source>
        <translation>Horizonte de vencimiento en días</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>SKU: scan, type or pick in a list</source>
        <translation>SKU: escanee, escriba o elija en una lista</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Bodega</translation>
    </message>
    <message>
        <source>Low-stock threshold</source>
        <translation>Mínimo de stock</translation>
    </message>
    <message>
        <source>Set threshold</source>
        <translation>Fijar mínimo</translation>
    </message>
    <message>
        <source>Lots expiring within</source>
        <translation>Lotes que vencen en</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Threshold for</source>
        <translation>Mínimo para</translation>
    </message>
    <message>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <source>alert at</source>
        <translation>alertar con</translation>
    </message>
</context>
<context>
    <name>BinMapColours</name>
    <message>
        <source>Occupancy %</source>
        <translation>Ocupación %</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>Clase ABC</translation>
    </message>
    <message>
        <source>Soonest expiry</source>
        <translation>Vencimiento más próximo</translation>
    </message>
    <message>
        <source>Days since last count</source>
        <translation>Días desde el último conteo</translation>
    </message>
    <message>
        <source>Empty bins</source>
        <translation>Ubicaciones vacías</translation>
    </message>
    <message>
        <source>Dock, bench, other</source>
        <translation>Andén, mesón, otro</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vacía</translation>
    </message>
    <message>
        <source>Up to 25 %</source>
        <translation>Hasta 25 %</translation>
    </message>
    <message>
        <source>26–50 %</source>
        <translation>26–50 %</translation>
    </message>
    <message>
        <source>51–75 %</source>
        <translation>51–75 %</translation>
    </message>
    <message>
        <source>76–100 %</source>
        <translation>76–100 %</translation>
    </message>
    <message>
        <source>Over capacity</source>
        <translation>Sobre su capacidad</translation>
    </message>
    <message>
        <source>Stock, no capacity set</source>
        <translation>Con stock, sin capacidad definida</translation>
    </message>
    <message>
        <source>A: the first 80 % of units picked</source>
        <translation>A: el primer 80 % de las unidades pickeadas</translation>
    </message>
    <message>
        <source>B: the next 15 %</source>
        <translation>B: el 15 % siguiente</translation>
    </message>
    <message>
        <source>C: the rest, or nothing picked</source>
        <translation>C: el resto, o nada pickeado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Within 30 days</source>
        <translation>En 30 días o menos</translation>
    </message>
    <message>
        <source>Within 90 days</source>
        <translation>En 90 días o menos</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más adelante</translation>
    </message>
    <message>
        <source>No expiry date</source>
        <translation>Sin fecha de vencimiento</translation>
    </message>
    <message>
        <source>Counted in the last 30 days</source>
        <translation>Contada en los últimos 30 días</translation>
    </message>
    <message>
        <source>31–90 days ago</source>
        <translation>Hace 31–90 días</translation>
    </message>
    <message>
        <source>91–180 days ago</source>
        <translation>Hace 91–180 días</translation>
    </message>
    <message>
        <source>Over 180 days ago</source>
        <translation>Hace más de 180 días</translation>
    </message>
    <message>
        <source>Never counted</source>
        <translation>Nunca contada</translation>
    </message>
    <message>
        <source>Holds stock</source>
        <translation>Tiene stock</translation>
    </message>
</context>
<context>
    <name>BinMapController</name>
    <message>
        <source>No warehouse yet: create one, or run `station demo`.</source>
        <translation>Aún no hay bodegas: cree una, o ejecute `station demo`.</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) on the map.</source>
        <translation>
            <numerusform>%n ubicación en el mapa.</numerusform>
            <numerusform>%n ubicaciones en el mapa.</numerusform>
        </translation>
    </message>
    <message>
        <source>No layout: run `station layout derive` to draw the aisles.</source>
        <translation>Sin plano: ejecute `station layout derive` para dibujar los pasillos.</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Todos los niveles</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Nivel %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n bin(s)</source>
        <translation>
            <numerusform>%1: %n ubicación</numerusform>
            <numerusform>%1: %n ubicaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n on other levels)</source>
        <translation>
            <numerusform>(%n en otro nivel)</numerusform>
            <numerusform>(%n en otros niveles)</numerusform>
        </translation>
    </message>
    <message>
        <source>Bin %1</source>
        <translation>Ubicación %1</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>SKU %1</translation>
    </message>
    <message>
        <source>Lot %1</source>
        <translation>Lote %1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Pedido %1</translation>
    </message>
    <message>
        <source>Picklist %1</source>
        <translation>Lista de picking %1</translation>
    </message>
    <message numerus="yes">
        <source>Picklist %1: %n stop(s)</source>
        <translation>
            <numerusform>Lista de picking %1: %n parada</numerusform>
            <numerusform>Lista de picking %1: %n paradas</numerusform>
        </translation>
    </message>
    <message>
        <source>this route %1 m; S-shape %2 m</source>
        <translation>esta ruta %1 m; en S %2 m</translation>
    </message>
    <message>
        <source>%1 m walk</source>
        <translation>%1 m de recorrido</translation>
    </message>
    <message>
        <source>no route planned yet</source>
        <translation>aún sin ruta planificada</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Exportar el mapa</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Imagen PNG (*.png);;Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Map saved to %1</source>
        <translation>Mapa guardado en %1</translation>
    </message>
</context>
<context>
    <name>BinMapPage</name>
    <message>
        <source>Find: bin, SKU, barcode, lot, order or picklist, then Enter</source>
        <translation>Buscar: ubicación, SKU, código de barras, lote, pedido o lista de picking, luego Enter</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Drag, arrows</source>
        <translation>Arrastrar, flechas</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>desplazar</translation>
    </message>
    <message>
        <source>Wheel, + −</source>
        <translation>Rueda, + −</translation>
    </message>
    <message>
        <source>zoom</source>
        <translation>acercar/alejar</translation>
    </message>
    <message>
        <source>whole warehouse</source>
        <translation>bodega completa</translation>
    </message>
    <message>
        <source>find</source>
        <translation>buscar</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>limpiar</translation>
    </message>
    <message>
        <source>export</source>
        <translation>exportar</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Bodega</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Colorear por</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Ubicación</translation>
    </message>
</context>
<context>
    <name>BinMoveController</name>
    <message>
        <source>One moment: the last scan is still being checked.</source>
        <translation>Un momento: aún se está revisando el último escaneo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Scan the bin to take from first.</source>
        <translation>Primero escanea la ubicación de origen.</translation>
    </message>
    <message>
        <source>× %1: now scan the item.</source>
        <translation>× %1: ahora escanea el producto.</translation>
    </message>
    <message>
        <source>From %1: scan the items (type a count first for several).</source>
        <translation>Desde %1: escanea los productos (escribe antes una cantidad para varios).</translation>
    </message>
    <message>
        <source>%1 is where the items come from: scan the bin they go to.</source>
        <translation>%1 es el origen de los productos: escanea la ubicación de destino.</translation>
    </message>
    <message>
        <source>Scan the bin to take from first (%1 is an item).</source>
        <translation>Primero escanea la ubicación de origen (%1 es un producto).</translation>
    </message>
    <message>
        <source>%1 holds only %2 of %3; %4 scanned.</source>
        <translation>%1 tiene solo %2 de %3; se escanearon %4.</translation>
    </message>
    <message>
        <source>%1 from %2: scan more items, or the bin they go to.</source>
        <translation>%1 desde %2: escanea más productos o la ubicación de destino.</translation>
    </message>
    <message>
        <source>Moved %1 from %2 to %3.</source>
        <translation>Se movió %1 de %2 a %3.</translation>
    </message>
    <message>
        <source>Next: scan the bin to take from.</source>
        <translation>Siguiente: escanea la ubicación de origen.</translation>
    </message>
    <message>
        <source>From %1 · next: scan an item.</source>
        <translation>Desde %1 · siguiente: escanea un producto.</translation>
    </message>
    <message>
        <source>From %1 · %2 · next: scan the bin they go to (Esc: start again).</source>
        <translation>Desde %1 · %2 · siguiente: escanea la ubicación de destino (Esc: empezar de nuevo).</translation>
    </message>
</context>
<context>
    <name>CatalogueController</name>
    <message>
        <source>Image for this SKU</source>
        <translation>Imagen para este SKU</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>No product matches %1</source>
        <translation>Ningún producto coincide con %1</translation>
    </message>
    <message>
        <source>Product %1 of %2</source>
        <translation>Producto %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n active SKU(s) do not fit the axes and would be deactivated on save: %1</source>
        <translation>
            <numerusform>%n SKU activo no calza con los ejes y se desactivaría al guardar: %1</numerusform>
            <numerusform>%n SKU activos no calzan con los ejes y se desactivarían al guardar: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Producto nuevo</translation>
    </message>
    <message>
        <source>Type an axis name and its values, e.g. size: S, M, L</source>
        <translation>Escribe el nombre de un eje y sus valores, p. ej. talla: S, M, L</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) in the matrix</source>
        <translation>
            <numerusform>%n SKU en la matriz</numerusform>
            <numerusform>%n SKU en la matriz</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nuevo</numerusform>
            <numerusform>%n nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to deactivate</source>
        <translation>
            <numerusform>%n por desactivar</numerusform>
            <numerusform>%n por desactivar</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a SKU in the grid first, then choose its image</source>
        <translation>Primero selecciona un SKU en la grilla y luego elige su imagen</translation>
    </message>
    <message>
        <source>A product needs a code and a name</source>
        <translation>Un producto necesita un código y un nombre</translation>
    </message>
    <message numerus="yes">
        <source>%n new SKU(s)</source>
        <translation>
            <numerusform>%n SKU nuevo</numerusform>
            <numerusform>%n SKU nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deactivated</source>
        <translation>
            <numerusform>%n desactivado</numerusform>
            <numerusform>%n desactivados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n back in use</source>
        <translation>
            <numerusform>%n vuelve a usarse</numerusform>
            <numerusform>%n vuelven a usarse</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1: %2</source>
        <translation>Guardado %1: %2</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catálogo</translation>
    </message>
</context>
<context>
    <name>CatalogueProducts</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
</context>
<context>
    <name>CatalogueView</name>
    <message>
        <source>Find a product: code or name</source>
        <translation>Buscar producto: código o nombre</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Producto nuevo</translation>
    </message>
    <message>
        <source>No tracking</source>
        <translation>Sin seguimiento</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation>Números de serie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Shelf life</source>
        <translation>Vida útil</translation>
    </message>
    <message>
        <source>Axes of the matrix</source>
        <translation>Ejes de la matriz</translation>
    </message>
    <message>
        <source>Axis: size, colour …</source>
        <translation>Eje: talla, color …</translation>
    </message>
    <message>
        <source>Values, comma-separated: S, M, L</source>
        <translation>Valores separados por comas: S, M, L</translation>
    </message>
    <message>
        <source>Add axis</source>
        <translation>Agregar eje</translation>
    </message>
    <message>
        <source>Remove axis</source>
        <translation>Quitar eje</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>CountsController</name>
    <message numerus="yes">
        <source>%n bin count(s) open in this warehouse: scan a bin to count it.</source>
        <translation>
            <numerusform>%n conteo de ubicación abierto en esta bodega: escanea una ubicación para contarla.</numerusform>
            <numerusform>%n conteos de ubicación abiertos en esta bodega: escanea una ubicación para contarla.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n count schedule(s) due: Ctrl+D opens their counts.</source>
        <translation>
            <numerusform>%n programa de conteo vencido: Ctrl+D abre sus conteos.</numerusform>
            <numerusform>%n programas de conteo vencidos: Ctrl+D abre sus conteos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type or scan a zone first: the start of the bin codes, e.g. B-03.</source>
        <translation>Primero escribe o escanea una zona: el comienzo de los códigos de ubicación, p. ej. B-03.</translation>
    </message>
    <message>
        <source>Scan each item in the bin (a number + Enter sets the last one&apos;s count).</source>
        <translation>Escanea cada producto de la ubicación (un número + Enter fija la cantidad del último).</translation>
    </message>
    <message>
        <source>Counting bin %1.</source>
        <translation>Contando la ubicación %1.</translation>
    </message>
    <message>
        <source>blind count</source>
        <translation>conteo ciego</translation>
    </message>
    <message>
        <source>Bin %1 · count #%2</source>
        <translation>Ubicación %1 · conteo #%2</translation>
    </message>
    <message>
        <source>Nothing to finish: open a zone&apos;s count first.</source>
        <translation>Nada que terminar: primero abre el conteo de una zona.</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) not scanned yet count as empty.</source>
        <translation>
            <numerusform>%n ubicación aún sin escanear cuenta como vacía.</numerusform>
            <numerusform>%n ubicaciones aún sin escanear cuentan como vacías.</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Ctrl+Enter again to finish anyway.</source>
        <translation>Presiona Ctrl+Enter otra vez para terminar de todos modos.</translation>
    </message>
    <message>
        <source>A lead approves these variances: ask one to sign in here.</source>
        <translation>Un supervisor aprueba estas diferencias: pide a uno que inicie sesión aquí.</translation>
    </message>
    <message>
        <source>Check the differences; Ctrl+Enter books them as stock adjustments.</source>
        <translation>Revisa las diferencias; Ctrl+Enter las registra como ajustes de stock.</translation>
    </message>
    <message>
        <source>No differences. Ctrl+Enter closes the counts.</source>
        <translation>Sin diferencias. Ctrl+Enter cierra los conteos.</translation>
    </message>
    <message>
        <source>Only a lead or an admin can approve count variances.</source>
        <translation>Solo un supervisor o un administrador puede aprobar las diferencias de conteo.</translation>
    </message>
    <message>
        <source>Accuracy of this count: %1 of lines right, %2 of units.</source>
        <translation>Exactitud de este conteo: %1 de las líneas correctas, %2 de las unidades.</translation>
    </message>
    <message numerus="yes">
        <source>Approved: %n stock adjustment(s) booked.</source>
        <translation>
            <numerusform>Aprobado: %n ajuste de stock registrado.</numerusform>
            <numerusform>Aprobado: %n ajustes de stock registrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan a bin to count it.</source>
        <translation>Escanea una ubicación para contarla.</translation>
    </message>
    <message>
        <source>Cycle counts in %1</source>
        <translation>Conteos cíclicos en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bin count(s) wait for approval</source>
        <translation>
            <numerusform>%n conteo de ubicación espera aprobación</numerusform>
            <numerusform>%n conteos de ubicación esperan aprobación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) to count</source>
        <translation>
            <numerusform>%n ubicación por contar</numerusform>
            <numerusform>%n ubicaciones por contar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 bins scanned</source>
        <translation>%1 de %2 ubicaciones escaneadas</translation>
    </message>
    <message>
        <source>Open a zone to start counting.</source>
        <translation>Abre una zona para empezar a contar.</translation>
    </message>
    <message>
        <source>One moment: the last scan is still being saved.</source>
        <translation>Un momento: el último escaneo aún se está guardando.</translation>
    </message>
    <message>
        <source>One moment: the counts are still loading.</source>
        <translation>Un momento: los conteos aún se están cargando.</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Conteos</translation>
    </message>
</context>
<context>
    <name>CountsTable</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Lines right</source>
        <translation>Líneas correctas</translation>
    </message>
    <message>
        <source>Line accuracy</source>
        <translation>Exactitud por línea</translation>
    </message>
    <message>
        <source>Unit accuracy</source>
        <translation>Exactitud por unidades</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semana del</translation>
    </message>
    <message>
        <source>Bins counted</source>
        <translation>Ubicaciones contadas</translation>
    </message>
</context>
<context>
    <name>CountsTexts</name>
    <message numerus="yes">
        <source>%n bin count(s) opened</source>
        <translation>
            <numerusform>%n conteo de ubicación abierto</numerusform>
            <numerusform>%n conteos de ubicación abiertos</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the first bin.</source>
        <translation>Escanea la primera ubicación.</translation>
    </message>
    <message>
        <source>No schedule is due: nothing opened.</source>
        <translation>Ningún programa está vencido: no se abrió nada.</translation>
    </message>
    <message>
        <source>Left out (a count still open): %1.</source>
        <translation>Omitidas (con un conteo aún abierto): %1.</translation>
    </message>
    <message>
        <source>Unknown barcode %1: it is no bin, SKU or barcode we know. Count the item by typing its SKU.</source>
        <translation>Código desconocido %1: no es una ubicación, SKU ni código de barras conocido. Cuenta el producto escribiendo su SKU.</translation>
    </message>
    <message>
        <source>Bin %1 has no open count: open its zone first.</source>
        <translation>La ubicación %1 no tiene un conteo abierto: primero abre su zona.</translation>
    </message>
    <message>
        <source>Scan the bin&apos;s label first, then its items (%1 is not a bin).</source>
        <translation>Primero escanea la etiqueta de la ubicación y luego sus productos (%1 no es una ubicación).</translation>
    </message>
    <message>
        <source> lot %1</source>
        <translation> lote %1</translation>
    </message>
    <message>
        <source>%1%2 — %3: %4 counted</source>
        <translation>%1%2 — %3: %4 contados</translation>
    </message>
    <message>
        <source>%1: %2 counted.</source>
        <translation>%1: %2 contados.</translation>
    </message>
    <message>
        <source>%1 is not expected in bin %2: counted anyway (%3). Make sure it belongs here.</source>
        <translation>%1 no se espera en la ubicación %2: contado de todos modos (%3). Verifica que corresponda aquí.</translation>
    </message>
    <message numerus="yes">
        <source>%n bin count(s) finished.</source>
        <translation>
            <numerusform>%n conteo de ubicación terminado.</numerusform>
            <numerusform>%n conteos de ubicación terminados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variance(s)</source>
        <translation>
            <numerusform>%n diferencia</numerusform>
            <numerusform>%n diferencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n bin(s)</source>
        <translation>
            <numerusform>en %n ubicación</numerusform>
            <numerusform>en %n ubicaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Net difference: %1%n unit(s)</source>
        <translation>
            <numerusform>Diferencia neta: %1%n unidad</numerusform>
            <numerusform>Diferencia neta: %1%n unidades</numerusform>
        </translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>valor %1</translation>
    </message>
    <message>
        <source>Enter in Zone</source>
        <translation>Enter en Zona</translation>
    </message>
    <message>
        <source>open its count</source>
        <translation>abre su conteo</translation>
    </message>
    <message>
        <source>due schedules</source>
        <translation>programados vencidos</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>ciego</translation>
    </message>
    <message>
        <source>scan a bin</source>
        <translation>escanea una ubicación</translation>
    </message>
    <message>
        <source>count it</source>
        <translation>contarla</translation>
    </message>
    <message>
        <source>scan an item</source>
        <translation>escanea un producto</translation>
    </message>
    <message>
        <source>number + Enter</source>
        <translation>número + Enter</translation>
    </message>
    <message>
        <source>set the count</source>
        <translation>fija la cantidad</translation>
    </message>
    <message>
        <source>finish</source>
        <translation>terminar</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>aprobar</translation>
    </message>
    <message>
        <source>count another zone</source>
        <translation>contar otra zona</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>e.g. B-03</source>
        <translation>p. ej. B-03</translation>
    </message>
    <message>
        <source>Blind count (Ctrl+B)</source>
        <translation>Conteo ciego (Ctrl+B)</translation>
    </message>
    <message>
        <source>Open count (Enter)</source>
        <translation>Abrir conteo (Enter)</translation>
    </message>
    <message>
        <source>Run due schedules (Ctrl+D)</source>
        <translation>Abrir programados (Ctrl+D)</translation>
    </message>
    <message>
        <source>Scan a bin, then its items (a number + Enter sets the quantity)</source>
        <translation>Escanea una ubicación y luego sus productos (un número + Enter fija la cantidad)</translation>
    </message>
    <message>
        <source>Finish counting (Ctrl+Enter)</source>
        <translation>Terminar conteo (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Approve and adjust stock (Ctrl+Enter)</source>
        <translation>Aprobar y ajustar stock (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Accuracy over time, per week</source>
        <translation>Exactitud en el tiempo, por semana</translation>
    </message>
    <message>
        <source>Count another zone (Ctrl+N)</source>
        <translation>Contar otra zona (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Where this station keeps its data.</source>
        <translation>Dónde guarda sus datos esta estación.</translation>
    </message>
    <message>
        <source>&amp;This computer (SQLite)</source>
        <translation>Este &amp;computador (SQLite)</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server (shared by several stations)</source>
        <translation>Servidor &amp;PostgreSQL (compartido por varias estaciones)</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Probar con&amp;exión</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Click a bin to see what it holds.</source>
        <translation>Haga clic en una ubicación para ver qué contiene.</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> de %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %n unit(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2 · %n unidad</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %2 · %n unidades</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;SKU&lt;/th&gt;&lt;th&gt;Units&lt;/th&gt;&lt;th&gt;Lot&lt;/th&gt;&lt;th&gt;Expires&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;SKU&lt;/th&gt;&lt;th&gt;Unidades&lt;/th&gt;&lt;th&gt;Lote&lt;/th&gt;&lt;th&gt;Vence&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation>Vacía.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last moves&lt;/b&gt;</source>
        <translation>&lt;b&gt;Últimos movimientos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No moves yet.</source>
        <translation>Aún sin movimientos.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Scale and printer</source>
        <translation>Balanza e impresora</translation>
    </message>
    <message>
        <source>Leave an address empty to skip that device; Settings → Devices can add it later.</source>
        <translation>Deje una dirección vacía para omitir ese dispositivo; puede agregarlo después en Configuración → Dispositivos.</translation>
    </message>
    <message>
        <source>&amp;Find ports</source>
        <translation>B&amp;uscar puertos</translation>
    </message>
    <message>
        <source>&amp;Skip devices</source>
        <translation>&amp;Omitir dispositivos</translation>
    </message>
    <message>
        <source>S&amp;cale address</source>
        <translation>Dirección de la &amp;balanza</translation>
    </message>
    <message>
        <source>&amp;Printer address</source>
        <translation>Dirección de la &amp;impresora</translation>
    </message>
    <message>
        <source>Printer &amp;language</source>
        <translation>&amp;Lenguaje de la impresora</translation>
    </message>
</context>
<context>
    <name>DevicesTexts</name>
    <message>
        <source>Not testing</source>
        <translation>Sin probar</translation>
    </message>
    <message>
        <source>Choose the port and protocol, then Test to see the live weight.</source>
        <translation>Elija el puerto y el protocolo, luego Probar para ver el peso en vivo.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Opening %1 (auto-detection can take a few seconds).</source>
        <translation>Abriendo %1 (la detección automática puede tardar unos segundos).</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Estable</translation>
    </message>
    <message>
        <source>Unstable — still moving</source>
        <translation>Inestable — aún se mueve</translation>
    </message>
    <message>
        <source>Overload — over capacity</source>
        <translation>Sobrecarga — sobre la capacidad</translation>
    </message>
    <message>
        <source>Underload — below zero</source>
        <translation>Bajo cero — bajo la tara</translation>
    </message>
    <message>
        <source>Timeout — no answer</source>
        <translation>Sin respuesta — tiempo agotado</translation>
    </message>
    <message>
        <source>No scale</source>
        <translation>Sin balanza</translation>
    </message>
    <message>
        <source>Scale error</source>
        <translation>Error de balanza</translation>
    </message>
    <message>
        <source>Take something off the scale.</source>
        <translation>Saque algo de la balanza.</translation>
    </message>
    <message>
        <source>Empty the scale and zero it.</source>
        <translation>Vacíe la balanza y póngala en cero.</translation>
    </message>
    <message>
        <source>&amp;Test scale</source>
        <translation>&amp;Probar balanza</translation>
    </message>
    <message>
        <source>Stop &amp;test</source>
        <translation>De&amp;tener prueba</translation>
    </message>
    <message>
        <source>Or type socket://HOST:PORT · rfc2217://HOST:PORT · usb:VID:PID</source>
        <translation>O escriba socket://HOST:PUERTO · rfc2217://HOST:PUERTO · usb:VID:PID</translation>
    </message>
    <message>
        <source>No serial port found.</source>
        <translation>No se encontró ningún puerto serie.</translation>
    </message>
    <message numerus="yes">
        <source>%n serial port(s) found: open the list with Alt+↓.</source>
        <translation>
            <numerusform>Se encontró %n puerto serie: abra la lista con Alt+↓.</numerusform>
            <numerusform>Se encontraron %n puertos serie: abra la lista con Alt+↓.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list the serial ports: %1</source>
        <translation>No se pudieron listar los puertos serie: %1</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>Asking the printer…</source>
        <translation>Consultando a la impresora…</translation>
    </message>
    <message>
        <source>Printing the test label…</source>
        <translation>Imprimiendo la etiqueta de prueba…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>No está lista</translation>
    </message>
    <message>
        <source>Out of labels</source>
        <translation>Sin etiquetas</translation>
    </message>
    <message>
        <source>Print head open</source>
        <translation>Cabezal abierto</translation>
    </message>
    <message>
        <source>Paused — press the pause button</source>
        <translation>En pausa — presione el botón de pausa</translation>
    </message>
    <message>
        <source>Out of ribbon</source>
        <translation>Sin cinta</translation>
    </message>
    <message>
        <source>Print head too hot — let it cool down</source>
        <translation>Cabezal muy caliente — deje que se enfríe</translation>
    </message>
    <message>
        <source>Printer memory full — wait a moment</source>
        <translation>Memoria de la impresora llena — espere un momento</translation>
    </message>
    <message>
        <source>No answer from the printer at %1: %2</source>
        <translation>La impresora en %1 no responde: %2</translation>
    </message>
    <message>
        <source>This printer cannot report its status (%1); a test label shows whether it prints.</source>
        <translation>Esta impresora no puede informar su estado (%1); una etiqueta de prueba muestra si imprime.</translation>
    </message>
    <message>
        <source>Cannot be used</source>
        <translation>No se puede usar</translation>
    </message>
    <message>
        <source>Cannot use the printer: %1</source>
        <translation>No se puede usar la impresora: %1</translation>
    </message>
    <message>
        <source>Test label sent</source>
        <translation>Etiqueta de prueba enviada</translation>
    </message>
    <message>
        <source>Made for %1 labels at %2 dpi: if its frame is cut off, the label size or dpi setting is wrong.</source>
        <translation>Hecha para etiquetas %1 a %2 dpi: si el marco sale cortado, el tamaño de etiqueta o los dpi están mal configurados.</translation>
    </message>
    <message>
        <source>The test label was not printed.</source>
        <translation>La etiqueta de prueba no se imprimió.</translation>
    </message>
    <message>
        <source>Check the address</source>
        <translation>Revise la dirección</translation>
    </message>
    <message>
        <source>Type or choose the scale&apos;s address first.</source>
        <translation>Escriba o elija primero la dirección de la balanza.</translation>
    </message>
    <message>
        <source>Type the printer&apos;s address first.</source>
        <translation>Escriba primero la dirección de la impresora.</translation>
    </message>
    <message>
        <source>Scale address: %1</source>
        <translation>Dirección de la balanza: %1</translation>
    </message>
    <message>
        <source>Scale protocol: %1</source>
        <translation>Protocolo de la balanza: %1</translation>
    </message>
    <message>
        <source>Printer address: %1</source>
        <translation>Dirección de la impresora: %1</translation>
    </message>
    <message>
        <source>Printer language: %1 is not ZPL, EPL or PDF.</source>
        <translation>Lenguaje de impresora: %1 no es ZPL, EPL ni PDF.</translation>
    </message>
    <message>
        <source>Devices saved for this station. The packing page uses them after the station restarts.</source>
        <translation>Dispositivos guardados para esta estación. La página de empaque los usa después de reiniciar la estación.</translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>No se pudo guardar la configuración: %1</translation>
    </message>
    <message>
        <source>Could not load the device plugins: %1</source>
        <translation>No se pudieron cargar los plugins de dispositivos: %1</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <source>Sa&amp;ve devices</source>
        <translation>G&amp;uardar dispositivos</translation>
    </message>
    <message>
        <source>Save the scale and printer for this station (Ctrl+S)</source>
        <translation>Guardar la balanza y la impresora de esta estación (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Find ports</source>
        <translation>&amp;Buscar puertos</translation>
    </message>
    <message>
        <source>Look again for serial ports (after plugging in a scale)</source>
        <translation>Buscar de nuevo puertos serie (después de conectar una balanza)</translation>
    </message>
    <message>
        <source>&amp;Test scale</source>
        <translation>&amp;Probar balanza</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Balanza</translation>
    </message>
    <message>
        <source>Port or &amp;address</source>
        <translation>Puerto o dire&amp;cción</translation>
    </message>
    <message>
        <source>Pr&amp;otocol</source>
        <translation>Pr&amp;otocolo</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>Print test &amp;label</source>
        <translation>Imprimir eti&amp;queta de prueba</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Impresora de etiquetas</translation>
    </message>
    <message>
        <source>Printer add&amp;ress</source>
        <translation>Dirección de la imp&amp;resora</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>Le&amp;nguaje</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Setting up</source>
        <translation>Configurando</translation>
    </message>
    <message>
        <source>Preparing the database, then saving the settings.</source>
        <translation>Preparando la base de datos y luego guardando la configuración.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Station setup</source>
        <translation>Configuración de la estación</translation>
    </message>
    <message>
        <source>The unattended setup was refused:
%1</source>
        <translation>Se rechazó la configuración desatendida:
%1</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>SKUs (variants)</source>
        <translation>SKU (variantes)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Ubicaciones</translation>
    </message>
    <message>
        <source>Layout (bins and places)</source>
        <translation>Plano (ubicaciones y lugares)</translation>
    </message>
    <message>
        <source>Stock on hand</source>
        <translation>Stock disponible</translation>
    </message>
    <message>
        <source>Stock moves</source>
        <translation>Movimientos de stock</translation>
    </message>
    <message>
        <source>Columns: %1; optional: %2.</source>
        <translation>Columnas: %1; opcionales: %2.</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>elija…</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>Elija un archivo para importar</translation>
    </message>
    <message>
        <source>CSV or Excel (*.csv *.xlsx);;All files (*)</source>
        <translation>CSV o Excel (*.csv *.xlsx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Type, paste or choose (Browse…) the file to import first.</source>
        <translation>Primero escriba, pegue o elija (Buscar…) el archivo a importar.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>Choose the client the rows belong to.</source>
        <translation>Elija el cliente al que pertenecen las filas.</translation>
    </message>
    <message>
        <source>Choose the warehouse.</source>
        <translation>Elija la bodega.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Revisando %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found. Nothing was imported.</source>
        <translation>
            <numerusform>%1: se encontró %n problema. No se importó nada.</numerusform>
            <numerusform>%1: se encontraron %n problemas. No se importó nada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: all %n row(s) are right. Nothing was written yet: Import writes them.</source>
        <translation>
            <numerusform>%1: la fila está correcta. Aún no se escribió nada: Importar la escribe.</numerusform>
            <numerusform>%1: las %n filas están correctas. Aún no se escribió nada: Importar las escribe.</numerusform>
        </translation>
    </message>
    <message>
        <source>would %1</source>
        <translation>se haría: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: imported %n row(s).</source>
        <translation>
            <numerusform>%1: se importó %n fila.</numerusform>
            <numerusform>%1: se importaron %n filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>hecho: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) of %1 to %2.</source>
        <translation>
            <numerusform>Se escribió %n fila de %1 en %2.</numerusform>
            <numerusform>Se escribieron %n filas de %1 en %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>Importar/Exportar</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>File to import: .csv (UTF-8, &apos;,&apos; or &apos;;&apos;) or .xlsx</source>
        <translation>Archivo a importar: .csv (UTF-8, &apos;,&apos; o &apos;;&apos;) o .xlsx</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>Check every row and say what would change; write nothing</source>
        <translation>Revisa cada fila y dice qué cambiaría; no escribe nada</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>into warehouse</source>
        <translation>a la bodega</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
</context>
<context>
    <name>InventoryController</name>
    <message>
        <source>Filter: SKU, name, client…</source>
        <translation>Filtrar: SKU, nombre, cliente…</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
</context>
<context>
    <name>InventoryTable</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Físico</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>Tránsito</translation>
    </message>
</context>
<context>
    <name>LegendPanel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LocationsController</name>
    <message>
        <source>All warehouses</source>
        <translation>Todas las bodegas</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Quarantine and returns</source>
        <translation>Cuarentena y devoluciones</translation>
    </message>
    <message>
        <source>Expired lots</source>
        <translation>Lotes vencidos</translation>
    </message>
    <message>
        <source>Scan a SKU to see every location and lot holding it, or a bin to see what it holds.</source>
        <translation>Escanee un SKU para ver cada ubicación y lote que lo tiene, o una ubicación para ver qué contiene.</translation>
    </message>
    <message>
        <source>Scan or type a SKU, a barcode or a bin code first.</source>
        <translation>Primero escanee o escriba un SKU, un código de barras o una ubicación.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Buscando %1…</translation>
    </message>
    <message>
        <source>Nothing here with these filters.</source>
        <translation>No hay nada con estos filtros.</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>cliente %1</translation>
    </message>
    <message numerus="yes">
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n ubicación</numerusform>
            <numerusform>%n ubicaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unidad</numerusform>
            <numerusform>%n unidades</numerusform>
        </translation>
    </message>
    <message>
        <source>Bin %1 (%2, %3)</source>
        <translation>Ubicación %1 (%2, %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not look it up: %1</source>
        <translation>No se pudo buscar: %1</translation>
    </message>
    <message>
        <source>By location</source>
        <translation>Por ubicación</translation>
    </message>
</context>
<context>
    <name>LocationsTable</name>
    <message>
        <source>storage</source>
        <translation>almacenaje</translation>
    </message>
    <message>
        <source>pick face</source>
        <translation>picking</translation>
    </message>
    <message>
        <source>dock</source>
        <translation>andén</translation>
    </message>
    <message>
        <source>packing</source>
        <translation>embalaje</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>devoluciones</translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation>cuarentena</translation>
    </message>
    <message>
        <source>transit</source>
        <translation>en tránsito</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>vencido</translation>
    </message>
    <message>
        <source>held</source>
        <translation>retenido</translation>
    </message>
    <message>
        <source>sellable</source>
        <translation>vendible</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Bodega</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenido</translation>
    </message>
</context>
<context>
    <name>LocationsView</name>
    <message>
        <source>Scan or type a SKU, a barcode or a bin code, then Enter</source>
        <translation>Escanee o escriba un SKU, un código de barras o una ubicación y presione Enter</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Hide empty</source>
        <translation>Ocultar vacías</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Bodega</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <source>Wrong login or PIN. Try again, or scan your badge.</source>
        <translation>Usuario o PIN incorrecto. Intenta de nuevo o escanea tu credencial.</translation>
    </message>
    <message>
        <source>Cannot sign in: the database did not answer (%1).</source>
        <translation>No se pudo ingresar: la base de datos no respondió (%1).</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Just Logistics Station — sign in</source>
        <translation>Just Logistics Station — ingreso</translation>
    </message>
    <message>
        <source>Just Logistics Station</source>
        <translation>Just Logistics Station</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>Estación %1</translation>
    </message>
    <message>
        <source>Scan your badge, or type your login and PIN.</source>
        <translation>Escanea tu credencial, o escribe tu usuario y PIN.</translation>
    </message>
    <message>
        <source>Login or badge</source>
        <translation>Usuario o credencial</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Ingresar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>Filter: number, customer, comuna, state…</source>
        <translation>Filtrar: número, cliente, comuna, estado…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Just Logistics Station</source>
        <translation>Just Logistics Station</translation>
    </message>
    <message>
        <source>Just Logistics</source>
        <translation>Just Logistics</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
</context>
<context>
    <name>MovesController</name>
    <message>
        <source>Any kind</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Any reason</source>
        <translation>Cualquier motivo</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Export movements</source>
        <translation>Exportar movimientos</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Apply the filters first: the export writes the moves they keep.</source>
        <translation>Primero aplique los filtros: la exportación escribe los movimientos que dejan.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date; write it as YYYY-MM-DD</source>
        <translation>%1: &apos;%2&apos; no es una fecha; escríbala como AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Showing the newest %1 moves; narrow the filters to see older ones.</source>
        <translation>Se muestran los %1 movimientos más recientes; acote los filtros para ver los anteriores.</translation>
    </message>
    <message numerus="yes">
        <source>%n move(s)</source>
        <translation>
            <numerusform>%n movimiento</numerusform>
            <numerusform>%n movimientos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) exported to %1</source>
        <translation>
            <numerusform>%n movimiento exportado a %1</numerusform>
            <numerusform>%n movimientos exportados a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the movements: %1</source>
        <translation>No se pudieron cargar los movimientos: %1</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Movimientos</translation>
    </message>
</context>
<context>
    <name>MovesTable</name>
    <message>
        <source>Receipt</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Putaway</source>
        <translation>Almacenaje</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Picking</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Embalaje</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>Despacho</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Conteo</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Count correction</source>
        <translation>Corrección de conteo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hacia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
</context>
<context>
    <name>MovesView</name>
    <message>
        <source>Scan or type a SKU</source>
        <translation>Escanee o escriba un SKU</translation>
    </message>
    <message>
        <source>Bin code</source>
        <translation>Código de ubicación</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Código de lote</translation>
    </message>
    <message>
        <source>Order or PO number</source>
        <translation>N° de pedido u OC</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Packing</source>
        <translation>Empaque</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Picking</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <source>Bin map</source>
        <translation>Mapa de bodega</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Despachos</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>It arrives with the packing-station work: scan, weigh, label.</source>
        <translation>Llega con el trabajo de la estación de empaque: escanear, pesar, etiquetar.</translation>
    </message>
    <message>
        <source>It arrives with pick waves and walking routes.</source>
        <translation>Llega con las olas de picking y las rutas de recorrido.</translation>
    </message>
    <message>
        <source>It arrives with the warehouse map of bins and stock.</source>
        <translation>Llega con el mapa de la bodega: ubicaciones y stock.</translation>
    </message>
    <message>
        <source>It arrives with the carrier plugins and label printing.</source>
        <translation>Llega con los plugins de transportistas y la impresión de etiquetas.</translation>
    </message>
    <message>
        <source>It arrives with the payment gateway plugins: refunds and reconciliation.</source>
        <translation>Llega con los plugins de medios de pago: reembolsos y conciliación.</translation>
    </message>
    <message>
        <source>It arrives with the marketplace plugins: listings and stock sync.</source>
        <translation>Llega con los plugins de marketplaces: publicaciones y sincronización de stock.</translation>
    </message>
    <message>
        <source>It arrives with returns (RMA): receive, inspect, restock, refund.</source>
        <translation>Llega con las devoluciones (RMA): recibir, revisar, reponer y reembolsar.</translation>
    </message>
    <message>
        <source>It arrives with the sales and stock reports.</source>
        <translation>Llega con los reportes de ventas y de stock.</translation>
    </message>
</context>
<context>
    <name>OpenPurchaseOrders</name>
    <message>
        <source>partially received</source>
        <translation>recibida parcialmente</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>pedida</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperada</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Units open</source>
        <translation>Unidades pendientes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>En picking</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Pickeado</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Empacado</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Despachado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Comuna</source>
        <translation>Comuna</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>PackLinesModel</name>
    <message>
        <source>Serial numbers: %1</source>
        <translation>Números de serie: %1</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Escaneado</translation>
    </message>
</context>
<context>
    <name>PackingRatesModel</name>
    <message>
        <source>cheapest</source>
        <translation>más barato</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>más rápido</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Carrier and service</source>
        <translation>Transportista y servicio</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
</context>
<context>
    <name>PackingTexts</name>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Weigh and box</source>
        <translation>Peso y caja</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Scan an order</source>
        <translation>Escanee un pedido</translation>
    </message>
    <message>
        <source>Our order number, the channel&apos;s order id or the tote label — or Ctrl+N for the next order in the queue.</source>
        <translation>Nuestro número de pedido, el id del pedido en el canal o la etiqueta de la bandeja — o Ctrl+N para el siguiente pedido de la cola.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Escanear</translation>
    </message>
    <message>
        <source>open an order</source>
        <translation>abrir un pedido</translation>
    </message>
    <message>
        <source>next order</source>
        <translation>siguiente pedido</translation>
    </message>
    <message>
        <source>reprint label</source>
        <translation>reimprimir etiqueta</translation>
    </message>
    <message>
        <source>void label</source>
        <translation>anular etiqueta</translation>
    </message>
    <message>
        <source>item</source>
        <translation>producto</translation>
    </message>
    <message>
        <source>number + Enter</source>
        <translation>número + Enter</translation>
    </message>
    <message>
        <source>count for the next scan</source>
        <translation>cantidad para el próximo escaneo</translation>
    </message>
    <message>
        <source>count for the line</source>
        <translation>cantidad para la línea</translation>
    </message>
    <message>
        <source>line</source>
        <translation>línea</translation>
    </message>
    <message>
        <source>box</source>
        <translation>caja</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>retener</translation>
    </message>
    <message>
        <source>leave order</source>
        <translation>dejar pedido</translation>
    </message>
    <message>
        <source>confirm: label and ship</source>
        <translation>confirmar: etiqueta y despacho</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>transportista</translation>
    </message>
    <message>
        <source>add package</source>
        <translation>agregar bulto</translation>
    </message>
    <message>
        <source>remove package</source>
        <translation>quitar bulto</translation>
    </message>
    <message>
        <source>accept weight</source>
        <translation>aceptar peso</translation>
    </message>
    <message>
        <source>rates again</source>
        <translation>cotizar de nuevo</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>responder</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancelar</translation>
    </message>
    <message>
        <source>Order %1: scan each item.</source>
        <translation>Pedido %1: escanee cada producto.</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>Express</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Retiro</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>No order is waiting to be packed.</source>
        <translation>No hay pedidos esperando empaque.</translation>
    </message>
    <message>
        <source>Order %1 is open: finish it, or Esc to leave it first.</source>
        <translation>El pedido %1 está abierto: termínelo, o déjelo antes con Esc.</translation>
    </message>
    <message>
        <source>No order, channel order id or tote label “%1”. Nothing changed.</source>
        <translation>No hay pedido, id de pedido del canal ni etiqueta de bandeja «%1». No se cambió nada.</translation>
    </message>
    <message>
        <source>This order cannot be packed: %1</source>
        <translation>Este pedido no se puede empacar: %1</translation>
    </message>
    <message>
        <source>Leave order %1? The items scanned so far are forgotten; nothing was saved.</source>
        <translation>¿Dejar el pedido %1? Se olvidan los productos escaneados; no se guardó nada.</translation>
    </message>
    <message>
        <source>Enter: leave · Esc: stay</source>
        <translation>Enter: dejarlo · Esc: seguir</translation>
    </message>
    <message>
        <source>Order %1 left as it was. Scan the next order.</source>
        <translation>El pedido %1 quedó como estaba. Escanee el siguiente pedido.</translation>
    </message>
    <message>
        <source>One moment: the station is still working on the last step.</source>
        <translation>Un momento: la estación aún trabaja en el último paso.</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message>
        <source>%1 serial %2: %3 of %4</source>
        <translation>%1 serie %2: %3 de %4</translation>
    </message>
    <message>
        <source>nothing left</source>
        <translation>nada pendiente</translation>
    </message>
    <message>
        <source>Wrong item: %1 is not in this order. Expected: %2</source>
        <translation>Producto equivocado: %1 no es de este pedido. Se espera: %2</translation>
    </message>
    <message>
        <source>%1: all %2 already scanned. Put the extra one back.</source>
        <translation>%1: ya se escanearon los %2. Devuelva el que sobra.</translation>
    </message>
    <message>
        <source>%1: you counted %2, but only %3 more are expected. Nothing counted.</source>
        <translation>%1: contó %2, pero solo faltan %3. No se contó nada.</translation>
    </message>
    <message>
        <source>Cannot read the barcode “%1”: %2. Scan it again.</source>
        <translation>No se puede leer el código «%1»: %2. Escanéelo de nuevo.</translation>
    </message>
    <message>
        <source>× %1: now scan the item (Esc cancels the count).</source>
        <translation>× %1: ahora escanee el producto (Esc anula la cantidad).</translation>
    </message>
    <message>
        <source>How many %1 (%2)? %3 still expected.</source>
        <translation>¿Cuántos %1 (%2)? Faltan %3.</translation>
    </message>
    <message>
        <source>Type the number, Enter to count · Esc: cancel</source>
        <translation>Escriba el número, Enter para contar · Esc: cancelar</translation>
    </message>
    <message>
        <source>Type a number from 1 to %1.</source>
        <translation>Escriba un número de 1 a %1.</translation>
    </message>
    <message>
        <source>%1 has serial numbers: scan each unit and its serial, one by one.</source>
        <translation>%1 tiene números de serie: escanee cada unidad y su serie, de a una.</translation>
    </message>
    <message>
        <source>%1: now scan its serial number (Esc cancels).</source>
        <translation>%1: ahora escanee su número de serie (Esc cancela).</translation>
    </message>
    <message>
        <source>%1: that is the product barcode. Scan the serial number label.</source>
        <translation>%1: ese es el código del producto. Escanee la etiqueta del número de serie.</translation>
    </message>
    <message>
        <source>Serial %1 is already scanned for %2.</source>
        <translation>La serie %1 ya se escaneó para %2.</translation>
    </message>
    <message>
        <source>Serial %1 is not a %2 in stock here. Check the unit.</source>
        <translation>La serie %1 no es un %2 en stock aquí. Revise la unidad.</translation>
    </message>
    <message>
        <source>Serial scan cancelled; that unit is not counted.</source>
        <translation>Escaneo de serie cancelado; esa unidad no se contó.</translation>
    </message>
    <message>
        <source>All items scanned. Close the box, put it on the scale, check the carrier, then Enter.</source>
        <translation>Todo escaneado. Cierre la caja, póngala en la balanza, revise el transportista y presione Enter.</translation>
    </message>
    <message>
        <source>Every item of this order is already scanned.</source>
        <translation>Ya se escanearon todos los productos de este pedido.</translation>
    </message>
    <message>
        <source>Not every item is scanned yet: %1</source>
        <translation>Aún faltan productos por escanear: %1</translation>
    </message>
    <message>
        <source>No scale</source>
        <translation>Sin balanza</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Estable</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>Moviéndose</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Sobrecarga</translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation>Bajo cero</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>No responde</translation>
    </message>
    <message>
        <source>Scale error</source>
        <translation>Error de balanza</translation>
    </message>
    <message>
        <source>Scan every item; then the weight is checked.</source>
        <translation>Escanee todos los productos; luego se revisa el peso.</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>Esperado %1</translation>
    </message>
    <message>
        <source>Weight OK</source>
        <translation>Peso correcto</translation>
    </message>
    <message>
        <source>%1 too heavy</source>
        <translation>%1 de más</translation>
    </message>
    <message>
        <source>%1 too light</source>
        <translation>%1 de menos</translation>
    </message>
    <message>
        <source>Weight out of tolerance: the parcel weighs %1, expected %2 ± %3 (%4). Check the items, or press Ctrl+W to accept this weight.</source>
        <translation>Peso fuera de tolerancia: el bulto pesa %1, se esperaba %2 ± %3 (%4). Revise los productos, o presione Ctrl+W para aceptar este peso.</translation>
    </message>
    <message>
        <source>Weight accepted as it is.</source>
        <translation>Peso aceptado tal como está.</translation>
    </message>
    <message>
        <source>Weight OK. Enter buys the label and ships the order.</source>
        <translation>Peso correcto. Enter compra la etiqueta y despacha el pedido.</translation>
    </message>
    <message>
        <source>No scale at this bench: press Ctrl+W to use the expected weight (%1).</source>
        <translation>Este puesto no tiene balanza: presione Ctrl+W para usar el peso esperado (%1).</translation>
    </message>
    <message>
        <source>The scale is still moving: wait until it shows Stable.</source>
        <translation>La balanza aún se mueve: espere a que diga Estable.</translation>
    </message>
    <message>
        <source>Put the parcel on the scale (or press Ctrl+W to use the expected weight).</source>
        <translation>Ponga el bulto en la balanza (o presione Ctrl+W para usar el peso esperado).</translation>
    </message>
    <message>
        <source>No weight from the scale%1. Fix the scale, or press Ctrl+W to use the expected weight.</source>
        <translation>La balanza no entrega peso%1. Revise la balanza, o presione Ctrl+W para usar el peso esperado.</translation>
    </message>
    <message>
        <source>There is no weight warning to accept.</source>
        <translation>No hay aviso de peso que aceptar.</translation>
    </message>
    <message>
        <source>No boxes are set up</source>
        <translation>No hay cajas configuradas</translation>
    </message>
    <message>
        <source>Package %1 of %2</source>
        <translation>Bulto %1 de %2</translation>
    </message>
    <message>
        <source>No single box holds every item: add packages (Ctrl+P).</source>
        <translation>Ninguna caja sola cabe todo: agregue bultos (Ctrl+P).</translation>
    </message>
    <message>
        <source>Chosen by you; the smallest box that fits is %1.</source>
        <translation>Elegida por usted; la caja más chica donde cabe es %1.</translation>
    </message>
    <message>
        <source>The smallest box that holds every item (Ctrl+B changes it).</source>
        <translation>La caja más chica donde cabe todo (Ctrl+B la cambia).</translation>
    </message>
    <message>
        <source>Weigh this package first: the scale must show Stable before the next package.</source>
        <translation>Pese primero este bulto: la balanza debe decir Estable antes del siguiente.</translation>
    </message>
    <message>
        <source>Package %1: pack it and put it on the scale.</source>
        <translation>Bulto %1: empáquelo y póngalo en la balanza.</translation>
    </message>
    <message numerus="yes">
        <source>Back to %n package(s).</source>
        <translation>
            <numerusform>Queda %n bulto.</numerusform>
            <numerusform>Quedan %n bultos.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is only one package.</source>
        <translation>Hay un solo bulto.</translation>
    </message>
    <message>
        <source>The carriers are asked for rates once every item is scanned.</source>
        <translation>Se piden tarifas a los transportistas cuando todo está escaneado.</translation>
    </message>
    <message>
        <source>Asking the carriers for rates…</source>
        <translation>Pidiendo tarifas a los transportistas…</translation>
    </message>
    <message>
        <source>No carrier quoted this parcel. Ctrl+R asks again.</source>
        <translation>Ningún transportista cotizó este bulto. Ctrl+R pregunta de nuevo.</translation>
    </message>
    <message>
        <source>Express order: the fastest service, the cheapest among the fastest.</source>
        <translation>Pedido express: el servicio más rápido, el más barato entre los más rápidos.</translation>
    </message>
    <message>
        <source>The customer collects the order at the warehouse.</source>
        <translation>El cliente retira el pedido en la bodega.</translation>
    </message>
    <message>
        <source>Standard order: the cheapest service.</source>
        <translation>Pedido normal: el servicio más barato.</translation>
    </message>
    <message>
        <source>Chosen by you: %1 · %2.</source>
        <translation>Elegido por usted: %1 · %2.</translation>
    </message>
    <message>
        <source>Could not quote:</source>
        <translation>No pudieron cotizar:</translation>
    </message>
    <message>
        <source>Rate shopping failed: %1. Ctrl+R asks again.</source>
        <translation>Falló la cotización: %1. Ctrl+R pregunta de nuevo.</translation>
    </message>
    <message>
        <source>Waiting for the carriers&apos; rates…</source>
        <translation>Esperando las tarifas de los transportistas…</translation>
    </message>
    <message>
        <source>No carrier rate to buy a label with. Ctrl+R asks the carriers again.</source>
        <translation>No hay tarifa para comprar la etiqueta. Ctrl+R pregunta de nuevo a los transportistas.</translation>
    </message>
    <message>
        <source>The [scanner] settings were ignored (%1); the scanner works with its defaults.</source>
        <translation>Se ignoró la configuración [scanner] (%1); el lector funciona con sus valores predeterminados.</translation>
    </message>
    <message>
        <source>The carrier and printer plugins are still loading; try again in a moment.</source>
        <translation>Los plugins de transportistas e impresoras aún se están cargando; intente en un momento.</translation>
    </message>
    <message>
        <source>Buying the label from %1…</source>
        <translation>Comprando la etiqueta a %1…</translation>
    </message>
    <message>
        <source>Label %1 bought: printing it and marking the order shipped…</source>
        <translation>Etiqueta %1 comprada: imprimiéndola y marcando el pedido como despachado…</translation>
    </message>
    <message>
        <source>The label was not bought: %1. Press Enter to try again.</source>
        <translation>No se compró la etiqueta: %1. Presione Enter para reintentar.</translation>
    </message>
    <message>
        <source>Label %1 is bought, but the order is not marked shipped: %2. Press Enter to try again.</source>
        <translation>La etiqueta %1 está comprada, pero el pedido no quedó despachado: %2. Presione Enter para reintentar.</translation>
    </message>
    <message>
        <source>Order %1 shipped</source>
        <translation>Pedido %1 despachado</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n package(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n bulto</numerusform>
            <numerusform>%1 · %2 · %n bultos</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the next order, or Ctrl+N for the next in the queue.</source>
        <translation>Escanee el siguiente pedido, o Ctrl+N para el siguiente de la cola.</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>Etiqueta impresa</translation>
    </message>
    <message>
        <source>Packing slip printed</source>
        <translation>Detalle de empaque impreso</translation>
    </message>
    <message>
        <source>Label waiting: %1. It prints as soon as the printer is ready.</source>
        <translation>Etiqueta en espera: %1. Se imprime apenas la impresora esté lista.</translation>
    </message>
    <message>
        <source>Packing slip waiting: %1. It prints as soon as the printer is ready.</source>
        <translation>Detalle de empaque en espera: %1. Se imprime apenas la impresora esté lista.</translation>
    </message>
    <message>
        <source>Label not printed: %1. Ctrl+L prints it again.</source>
        <translation>Etiqueta no impresa: %1. Ctrl+L la imprime de nuevo.</translation>
    </message>
    <message>
        <source>Packing slip not printed: %1.</source>
        <translation>Detalle de empaque no impreso: %1.</translation>
    </message>
    <message>
        <source>Printing the label…</source>
        <translation>Imprimiendo la etiqueta…</translation>
    </message>
    <message>
        <source>Printing the packing slip…</source>
        <translation>Imprimiendo el detalle de empaque…</translation>
    </message>
    <message>
        <source>No label to print: the customer collects the order with code %1.</source>
        <translation>No hay etiqueta que imprimir: el cliente retira el pedido con el código %1.</translation>
    </message>
    <message>
        <source>Out of labels</source>
        <translation>Sin etiquetas</translation>
    </message>
    <message>
        <source>Print head open</source>
        <translation>Cabezal abierto</translation>
    </message>
    <message>
        <source>Paused — press the pause button</source>
        <translation>En pausa — presione el botón de pausa</translation>
    </message>
    <message>
        <source>Out of ribbon</source>
        <translation>Sin cinta</translation>
    </message>
    <message>
        <source>Print head too hot — let it cool down</source>
        <translation>Cabezal muy caliente — deje que se enfríe</translation>
    </message>
    <message>
        <source>Printer memory full — wait a moment</source>
        <translation>Memoria de la impresora llena — espere un momento</translation>
    </message>
    <message>
        <source>Open or ship an order first: there is no label to work with.</source>
        <translation>Abra o despache un pedido primero: no hay etiqueta con que trabajar.</translation>
    </message>
    <message>
        <source>Order %1 has no label yet.</source>
        <translation>El pedido %1 aún no tiene etiqueta.</translation>
    </message>
    <message>
        <source>Printing label %1 again.</source>
        <translation>Imprimiendo de nuevo la etiqueta %1.</translation>
    </message>
    <message>
        <source>Void label %1 of order %2? The carrier cancels it; the order comes back to the bench.</source>
        <translation>¿Anular la etiqueta %1 del pedido %2? El transportista la cancela; el pedido vuelve al puesto.</translation>
    </message>
    <message>
        <source>Enter: void it · Esc: keep it</source>
        <translation>Enter: anularla · Esc: conservarla</translation>
    </message>
    <message>
        <source>Voiding label %1…</source>
        <translation>Anulando la etiqueta %1…</translation>
    </message>
    <message>
        <source>Label %1 voided. Order %2 is back at the bench: scan it to pack it again.</source>
        <translation>Etiqueta %1 anulada. El pedido %2 volvió al puesto: escanéelo para empacarlo de nuevo.</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>No funcionó: %1</translation>
    </message>
    <message>
        <source>Why is order %1 put on hold?</source>
        <translation>¿Por qué se retiene el pedido %1?</translation>
    </message>
    <message>
        <source>Type the reason, Enter to hold it · Esc: go back to the order</source>
        <translation>Escriba el motivo, Enter para retenerlo · Esc: volver al pedido</translation>
    </message>
    <message>
        <source>e.g. damaged item, waiting for stock</source>
        <translation>p. ej. producto dañado, esperando stock</translation>
    </message>
    <message>
        <source>Type why the order is put on hold.</source>
        <translation>Escriba por qué se retiene el pedido.</translation>
    </message>
    <message>
        <source>Order %1 is on hold: %2</source>
        <translation>Pedido %1 retenido: %2</translation>
    </message>
    <message>
        <source>Open an order first.</source>
        <translation>Abra un pedido primero.</translation>
    </message>
</context>
<context>
    <name>PackingView</name>
    <message>
        <source>Scan here, or type a code and press Enter</source>
        <translation>Escanee aquí, o escriba un código y presione Enter</translation>
    </message>
</context>
<context>
    <name>PickingModel</name>
    <message>
        <source>short %1</source>
        <translation>faltan %1</translation>
    </message>
    <message>
        <source>picked</source>
        <translation>pickeado</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Ingresado</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Aisles</source>
        <translation>Pasillos</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Tote</source>
        <translation>Cubeta</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Pickeado</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>Picker</translation>
    </message>
    <message>
        <source>Picks/h</source>
        <translation>Picks/h</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
</context>
<context>
    <name>PickingTexts</name>
    <message>
        <source>choose order</source>
        <translation>elegir pedido</translation>
    </message>
    <message>
        <source>all orders</source>
        <translation>todos los pedidos</translation>
    </message>
    <message>
        <source>build batch</source>
        <translation>armar lote</translation>
    </message>
    <message>
        <source>print</source>
        <translation>imprimir</translation>
    </message>
    <message>
        <source>show on map</source>
        <translation>ver en el mapa</translation>
    </message>
    <message>
        <source>short pick</source>
        <translation>faltante</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancelar</translation>
    </message>
    <message numerus="yes">
        <source>Allocated orders in %1 (%n)</source>
        <translation>
            <numerusform>Pedidos asignados en %1 (%n)</numerusform>
            <numerusform>Pedidos asignados en %1 (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) chosen</source>
        <translation>
            <numerusform>%n pedido elegido</numerusform>
            <numerusform>%n pedidos elegidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose allocated orders first (Space on a row, or Ctrl+A for all)</source>
        <translation>Primero elija pedidos asignados (Espacio en una fila, o Ctrl+A para todos)</translation>
    </message>
    <message numerus="yes">
        <source>Pick list %1 built: %n tote(s). Scan the first bin.</source>
        <translation>
            <numerusform>Lista de picking %1 armada: %n cubeta. Escanee la primera ubicación.</numerusform>
            <numerusform>Lista de picking %1 armada: %n cubetas. Escanee la primera ubicación.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick list %1</source>
        <translation>Lista de picking %1</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Lista de picking</translation>
    </message>
    <message>
        <source>No pick list yet: build a batch, or scan a pick list&apos;s code (PL-…)</source>
        <translation>Aún no hay lista de picking: arme un lote o escanee el código de una lista (PL-…)</translation>
    </message>
    <message>
        <source>Totes: %1</source>
        <translation>Cubetas: %1</translation>
    </message>
    <message>
        <source>%1 of %2 units</source>
        <translation>%1 de %2 unidades</translation>
    </message>
    <message>
        <source>At %1: scan %2 × %3 into tote %4</source>
        <translation>En %1: escanee %2 × %3 a la cubeta %4</translation>
    </message>
    <message>
        <source>Go to %1 and scan the bin</source>
        <translation>Vaya a %1 y escanee la ubicación</translation>
    </message>
    <message>
        <source>All picked: take the totes to the pack station</source>
        <translation>Todo pickeado: lleve las cubetas a la estación de empaque</translation>
    </message>
    <message>
        <source>Pick list %1 is done: every order is picked</source>
        <translation>La lista de picking %1 está terminada: todos los pedidos están pickeados</translation>
    </message>
    <message>
        <source>Build a batch first, or scan a pick list&apos;s code (PL-…)</source>
        <translation>Primero arme un lote o escanee el código de una lista de picking (PL-…)</translation>
    </message>
    <message>
        <source>Nothing left to pick on this list</source>
        <translation>No queda nada por pickear en esta lista</translation>
    </message>
    <message>
        <source>Short pick at %1: how many %2 did you find? Type the number and press Enter (Esc cancels)</source>
        <translation>Faltante en %1: ¿cuántos %2 encontró? Escriba el número y presione Enter (Esc cancela)</translation>
    </message>
    <message>
        <source>Short pick cancelled</source>
        <translation>Faltante cancelado</translation>
    </message>
    <message>
        <source>Type the number of units found, not %1</source>
        <translation>Escriba el número de unidades encontradas, no %1</translation>
    </message>
    <message>
        <source>Write the cut-off as HH:MM, not %1</source>
        <translation>Escriba la hora de corte como HH:MM, no %1</translation>
    </message>
    <message>
        <source>Pick list saved as %1</source>
        <translation>Lista de picking guardada como %1</translation>
    </message>
    <message>
        <source>Pick list %1 has nothing left to pick</source>
        <translation>La lista de picking %1 no tiene nada más por pickear</translation>
    </message>
    <message>
        <source>%1: take %2 × %3 into tote %4</source>
        <translation>%1: saque %2 × %3 a la cubeta %4</translation>
    </message>
    <message>
        <source>Wrong bin: %1 is not on this pick list now; go to %2 for %3</source>
        <translation>Ubicación equivocada: %1 no está ahora en esta lista de picking; vaya a %2 por %3</translation>
    </message>
    <message>
        <source>Wrong item: %1 is not what bin %2 should give; scan %3 %4</source>
        <translation>Artículo equivocado: %1 no es lo que debe salir de %2; escanee %3 %4</translation>
    </message>
    <message numerus="yes">
        <source>%1: this line has %n unit(s) left to pick</source>
        <translation>
            <numerusform>%1: a esta línea le queda %n unidad por pickear</numerusform>
            <numerusform>%1: a esta línea le quedan %n unidades por pickear</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 into tote %2; %n more here</source>
        <translation>
            <numerusform>%1 a la cubeta %2; falta %n aquí</numerusform>
            <numerusform>%1 a la cubeta %2; faltan %n aquí</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 into tote %2; line done</source>
        <translation>%1 a la cubeta %2; línea lista</translation>
    </message>
    <message>
        <source>Short pick at %1: %2 × %3 missing; recount opened; take them from %4</source>
        <translation>Faltante en %1: faltan %2 × %3; se abrió un reconteo; sáquelos de %4</translation>
    </message>
    <message>
        <source>Short pick at %1: %2 × %3 missing and no other bin has them; recount opened</source>
        <translation>Faltante en %1: faltan %2 × %3 y ninguna otra ubicación los tiene; se abrió un reconteo</translation>
    </message>
    <message numerus="yes">
        <source>; %n unit(s) are on no other shelf</source>
        <translation>
            <numerusform>; %n unidad no está en ningún otro estante</numerusform>
            <numerusform>; %n unidades no están en ningún otro estante</numerusform>
        </translation>
    </message>
    <message>
        <source>This route %1 m; S-shape %2 m (%3 %); largest gap %4 m</source>
        <translation>Esta ruta %1 m; en S %2 m (%3 %); mayor brecha %4 m</translation>
    </message>
    <message>
        <source>Totes</source>
        <translation>Cubetas</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Tote</source>
        <translation>Cubeta</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>order</source>
        <translation>pedido</translation>
    </message>
</context>
<context>
    <name>PickingView</name>
    <message>
        <source>Allocated orders</source>
        <translation>Pedidos asignados</translation>
    </message>
    <message>
        <source>Aisles: A-C</source>
        <translation>Pasillos: A-C</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Placed by HH:MM</source>
        <translation>Ingresados hasta HH:MM</translation>
    </message>
    <message>
        <source>Build batch (Ctrl+B)</source>
        <translation>Armar lote (Ctrl+B)</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Lista de picking</translation>
    </message>
    <message>
        <source>Scan the bin, then each item</source>
        <translation>Escanee la ubicación y luego cada artículo</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Imprimir (Ctrl+P)</translation>
    </message>
    <message>
        <source>Show on map (Ctrl+M)</source>
        <translation>Ver en el mapa (Ctrl+M)</translation>
    </message>
    <message>
        <source>Short pick (Ctrl+S)</source>
        <translation>Faltante (Ctrl+S)</translation>
    </message>
    <message>
        <source>Leaderboard (this shift)</source>
        <translation>Ranking (este turno)</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>%1 is not built yet.</source>
        <translation>La vista %1 todavía no está construida.</translation>
    </message>
</context>
<context>
    <name>PluginsController</name>
    <message>
        <source>Installed into %1</source>
        <translation>Se instala en %1</translation>
    </message>
    <message>
        <source>Removed; restart to unload</source>
        <translation>Quitado; reinicie para descargarlo</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>incluido</translation>
    </message>
    <message>
        <source>Installed; restart to load</source>
        <translation>Instalado; reinicie para cargarlo</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Cargado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Choose a plugin wheel</source>
        <translation>Elija un wheel de plugin</translation>
    </message>
    <message>
        <source>Python wheels (*.whl)</source>
        <translation>Wheels de Python (*.whl)</translation>
    </message>
    <message>
        <source>Choose a plugin wheel (.whl) first.</source>
        <translation>Primero elija un wheel de plugin (.whl).</translation>
    </message>
    <message>
        <source>No file at %1.</source>
        <translation>No hay ningún archivo en %1.</translation>
    </message>
    <message>
        <source>Select a plugin installed from a wheel; built-in plugins cannot be removed here.</source>
        <translation>Seleccione un plugin instalado desde un wheel; los plugins incluidos no se pueden quitar aquí.</translation>
    </message>
    <message>
        <source>Nothing changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
    <message>
        <source>Installed %1. Restart the station to load it.</source>
        <translation>Se instaló %1. Reinicie la estación para cargarlo.</translation>
    </message>
    <message>
        <source>Removed %1. Restart the station to unload it.</source>
        <translation>Se quitó %1. Reinicie la estación para descargarlo.</translation>
    </message>
</context>
<context>
    <name>PluginsPage</name>
    <message>
        <source>Plugins</source>
        <translation>Complementos</translation>
    </message>
    <message>
        <source>Untick a plugin this station should never load. Space ticks and unticks.</source>
        <translation>Desmarque los complementos que esta estación no debe cargar nunca. La barra espaciadora marca y desmarca.</translation>
    </message>
</context>
<context>
    <name>PluginsView</name>
    <message>
        <source>Installing or removing a plugin takes effect the next time the station starts.</source>
        <translation>Instalar o quitar un plugin surte efecto la próxima vez que se inicie la estación.</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Provides</source>
        <translation>Aporta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Plugin &amp;wheel (.whl)</source>
        <translation>&amp;Wheel del plugin (.whl)</translation>
    </message>
    <message>
        <source>Path to a plugin wheel; its dependency wheels next to it</source>
        <translation>Ruta a un wheel de plugin; los wheels de sus dependencias junto a él</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Instalar</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Quitar el seleccionado</translation>
    </message>
</context>
<context>
    <name>PutawayController</name>
    <message>
        <source>scan an item</source>
        <translation>escanear un producto</translation>
    </message>
    <message>
        <source>choose its line</source>
        <translation>elegir su línea</translation>
    </message>
    <message>
        <source>choose</source>
        <translation>elegir</translation>
    </message>
    <message>
        <source>scan a bin</source>
        <translation>escanear una ubicación</translation>
    </message>
    <message>
        <source>put the line away there</source>
        <translation>ubicar la línea ahí</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>actualizar</translation>
    </message>
    <message>
        <source>the dock</source>
        <translation>el andén</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) waiting on %1 in %2</source>
        <translation>
            <numerusform>%n línea esperando en %1 de %2</numerusform>
            <numerusform>%n líneas esperando en %1 de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan an item (or choose it with ↑/↓), then scan the bin&apos;s label.</source>
        <translation>Escanee un producto (o elíjalo con ↑/↓) y luego la etiqueta de la ubicación.</translation>
    </message>
    <message>
        <source>Nothing waits on the dock: every received unit is put away.</source>
        <translation>Nada espera en el andén: todas las unidades recibidas están ubicadas.</translation>
    </message>
    <message>
        <source> lot %1</source>
        <translation> lote %1</translation>
    </message>
    <message>
        <source>%1%2 × %3 → scan bin %4</source>
        <translation>%1%2 × %3 → escanee la ubicación %4</translation>
    </message>
    <message>
        <source>One moment: the last move is still being saved.</source>
        <translation>Un momento: el último movimiento aún se está guardando.</translation>
    </message>
    <message>
        <source>%1: now scan the bin (suggested: %2).</source>
        <translation>%1: ahora escanee la ubicación (sugerida: %2).</translation>
    </message>
    <message>
        <source>%1 is not on the dock: scan an item of the list first.</source>
        <translation>%1 no está en el andén: escanee primero un producto de la lista.</translation>
    </message>
    <message>
        <source>%1 × %2 put away in %3.</source>
        <translation>%1 × %2 ubicado en %3.</translation>
    </message>
    <message>
        <source>(Suggested was %1.)</source>
        <translation>(La sugerida era %1.)</translation>
    </message>
    <message>
        <source>Putaway</source>
        <translation>Almacenaje</translation>
    </message>
</context>
<context>
    <name>PutawayTasks</name>
    <message>
        <source>pick face of %1</source>
        <translation>cara de picking de %1</translation>
    </message>
    <message>
        <source>consolidate: already holds %1</source>
        <translation>consolidar: ya contiene %1</translation>
    </message>
    <message>
        <source>nearest bin with room in aisle %1</source>
        <translation>ubicación con espacio más cercana en el pasillo %1</translation>
    </message>
    <message>
        <source>nearest bin with room</source>
        <translation>ubicación con espacio más cercana</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Suggested bin</source>
        <translation>Ubicación sugerida</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>PutawayView</name>
    <message>
        <source>Scan an item, then the bin it goes to</source>
        <translation>Escanee un producto y luego la ubicación de destino</translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation>Actualizar (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>RatesPanel</name>
    <message>
        <source>CARRIER</source>
        <translation>TRANSPORTISTA</translation>
    </message>
</context>
<context>
    <name>ReceivingController</name>
    <message>
        <source>Receiving</source>
        <translation>Recepción</translation>
    </message>
</context>
<context>
    <name>ReceivingLines</name>
    <message>
        <source>not on the order (+%1)</source>
        <translation>fuera de la orden (+%1)</translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation>exceso de %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completa</translation>
    </message>
    <message>
        <source>short by %1</source>
        <translation>faltan %1</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Control</translation>
    </message>
</context>
<context>
    <name>ReceivingTexts</name>
    <message>
        <source>Receiving in %1 — this warehouse has no dock location</source>
        <translation>Recepción en %1: esta bodega no tiene andén</translation>
    </message>
    <message>
        <source>Receiving onto %1 in %2</source>
        <translation>Recepción en el andén %1 de %2</translation>
    </message>
    <message>
        <source>No purchase order of this warehouse is waiting to be received.</source>
        <translation>Ninguna orden de compra de esta bodega espera recepción.</translation>
    </message>
    <message numerus="yes">
        <source>%n purchase order(s) to receive: scan its number, or choose it with ↑/↓ and press Enter.</source>
        <translation>
            <numerusform>%n orden de compra por recibir: escanee su número, o elíjala con ↑/↓ y presione Enter.</numerusform>
            <numerusform>%n órdenes de compra por recibir: escanee su número, o elija una con ↑/↓ y presione Enter.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · supplier %3</source>
        <translation>%1 · %2 · proveedor %3</translation>
    </message>
    <message>
        <source>%1 is open: scan the items.</source>
        <translation>%1 está abierta: escanee los productos.</translation>
    </message>
    <message>
        <source>%1: +%2 — %3 of %4 expected</source>
        <translation>%1: +%2 — %3 de %4 esperados</translation>
    </message>
    <message>
        <source> · lot %1</source>
        <translation> · lote %1</translation>
    </message>
    <message>
        <source> · expires %1</source>
        <translation> · vence %1</translation>
    </message>
    <message>
        <source> · serial %1</source>
        <translation> · serie %1</translation>
    </message>
    <message>
        <source>%1 is not on this order: received as an extra line, flagged.</source>
        <translation>%1 no está en esta orden: se recibe como línea adicional, marcada.</translation>
    </message>
    <message>
        <source>Over-receipt on %1: %2 more than ordered (within the tolerance), flagged.</source>
        <translation>Sobrerrecepción en %1: %2 más de lo pedido (dentro de la tolerancia), marcada.</translation>
    </message>
    <message numerus="yes">
        <source>The next item scanned counts %n unit(s).</source>
        <translation>
            <numerusform>El próximo producto escaneado cuenta %n unidad.</numerusform>
            <numerusform>El próximo producto escaneado cuenta %n unidades.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is tracked by lot: type or scan its lot.</source>
        <translation>%1 se controla por lote: escriba o escanee su lote.</translation>
    </message>
    <message>
        <source>Enter: count it · Esc: skip this scan · a GS1-128 with the lot works too</source>
        <translation>Enter: contarlo · Esc: omitir este escaneo · también sirve un GS1-128 con el lote</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>e.g. L-2411</source>
        <translation>p. ej. L-2411</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-DD (opcional)</translation>
    </message>
    <message>
        <source>Expiry %1 is not a date: type it as YYYY-MM-DD, e.g. 2026-06-30.</source>
        <translation>El vencimiento %1 no es una fecha: escríbalo como AAAA-MM-DD, p. ej. 2026-06-30.</translation>
    </message>
    <message>
        <source>Type the lot first (the expiry may stay empty).</source>
        <translation>Escriba primero el lote (el vencimiento puede quedar vacío).</translation>
    </message>
    <message>
        <source>%1 is tracked by serial number: now scan the unit&apos;s serial.</source>
        <translation>%1 se controla por número de serie: ahora escanee la serie de la unidad.</translation>
    </message>
    <message>
        <source>%1 is on no SKU of the catalogue: say which SKU it is, nothing is counted yet.</source>
        <translation>%1 no corresponde a ningún SKU del catálogo: indique qué SKU es; aún no se cuenta nada.</translation>
    </message>
    <message>
        <source>Unknown code %1: which SKU is it?</source>
        <translation>Código desconocido %1: ¿qué SKU es?</translation>
    </message>
    <message>
        <source>Enter: map the code to this SKU · Ctrl+N: create a new SKU instead · Esc: skip, nothing counted</source>
        <translation>Enter: asociar el código a este SKU · Ctrl+N: crear un SKU nuevo · Esc: omitir, no se cuenta nada</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>scan or type the SKU</source>
        <translation>escanee o escriba el SKU</translation>
    </message>
    <message>
        <source>Create a new SKU with the barcode %1</source>
        <translation>Crear un SKU nuevo con el código de barras %1</translation>
    </message>
    <message>
        <source>Enter: create it and count the unit · Esc: skip, nothing counted</source>
        <translation>Enter: crearlo y contar la unidad · Esc: omitir, no se cuenta nada</translation>
    </message>
    <message>
        <source>New SKU</source>
        <translation>SKU nuevo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. POL-M-ROJ</source>
        <translation>p. ej. POL-M-ROJ</translation>
    </message>
    <message>
        <source>e.g. Polera M roja</source>
        <translation>p. ej. Polera M roja</translation>
    </message>
    <message>
        <source>Type or scan a SKU first.</source>
        <translation>Primero escriba o escanee un SKU.</translation>
    </message>
    <message>
        <source>%1 now means %2.</source>
        <translation>%1 ahora corresponde a %2.</translation>
    </message>
    <message>
        <source>%1 skipped: nothing counted.</source>
        <translation>%1 omitido: no se contó nada.</translation>
    </message>
    <message>
        <source>One moment: the last action is still being saved.</source>
        <translation>Un momento: la última acción aún se está guardando.</translation>
    </message>
    <message>
        <source>Nothing scanned yet: scan the items first.</source>
        <translation>Aún no se ha escaneado nada: escanee primero los productos.</translation>
    </message>
    <message>
        <source>Answer the question above first (Esc skips that scan).</source>
        <translation>Responda primero la pregunta de arriba (Esc omite ese escaneo).</translation>
    </message>
    <message>
        <source>Open a purchase order first.</source>
        <translation>Abra primero una orden de compra.</translation>
    </message>
    <message>
        <source>%1 still waits for its serial number: scan it first.</source>
        <translation>%1 aún espera su número de serie: escanéelo primero.</translation>
    </message>
    <message>
        <source>This warehouse has no dock location to receive onto; add one first.</source>
        <translation>Esta bodega no tiene un andén donde recibir; agregue uno primero.</translation>
    </message>
    <message numerus="yes">
        <source>Esc again drops the %n unit(s) scanned on this order (nothing is booked).</source>
        <translation>
            <numerusform>Esc de nuevo descarta la %n unidad escaneada en esta orden (no se registra nada).</numerusform>
            <numerusform>Esc de nuevo descarta las %n unidades escaneadas en esta orden (no se registra nada).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 closed without booking anything.</source>
        <translation>%1 cerrada sin registrar nada.</translation>
    </message>
    <message>
        <source>received in full</source>
        <translation>recibida completa</translation>
    </message>
    <message>
        <source>partially received</source>
        <translation>recibida parcialmente</translation>
    </message>
    <message>
        <source>%1 booked: %2 onto %3; the order is %4.</source>
        <translation>%1 registrada: %2 en %3; la orden quedó %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unidad</numerusform>
            <numerusform>%n unidades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more line(s)</source>
        <translation>
            <numerusform>%n línea más</numerusform>
            <numerusform>%n líneas más</numerusform>
        </translation>
    </message>
    <message>
        <source>Differences to the order: %1</source>
        <translation>Diferencias con la orden: %1</translation>
    </message>
    <message>
        <source>Ctrl+P: put the units away now.</source>
        <translation>Ctrl+P: ubicar las unidades ahora.</translation>
    </message>
    <message>
        <source>Scanned now: %1 · lines over: %2 · lines short: %3</source>
        <translation>Escaneado ahora: %1 · líneas con exceso: %2 · líneas con faltante: %3</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abrir</translation>
    </message>
    <message>
        <source>choose</source>
        <translation>elegir</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>actualizar</translation>
    </message>
    <message>
        <source>putaway</source>
        <translation>ubicar</translation>
    </message>
    <message>
        <source>number + Enter</source>
        <translation>número + Enter</translation>
    </message>
    <message>
        <source>count for the next scan</source>
        <translation>cantidad para el próximo escaneo</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>recibir</translation>
    </message>
    <message>
        <source>close the order</source>
        <translation>cerrar la orden</translation>
    </message>
</context>
<context>
    <name>ReceivingView</name>
    <message>
        <source>Receive (Ctrl+Enter)</source>
        <translation>Recibir (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Put away now (Ctrl+P)</source>
        <translation>Ubicar ahora (Ctrl+P)</translation>
    </message>
    <message>
        <source>Open purchase orders — ↑/↓ to choose, Enter to open</source>
        <translation>Órdenes de compra abiertas — ↑/↓ para elegir, Enter para abrir</translation>
    </message>
    <message>
        <source>Scan or type a purchase order number and press Enter</source>
        <translation>Escanee o escriba un número de orden de compra y presione Enter</translation>
    </message>
    <message>
        <source>Scan an item: EAN/UPC, SKU or GS1-128 (lot, expiry, serial, count)</source>
        <translation>Escanee un producto: EAN/UPC, SKU o GS1-128 (lote, vencimiento, serie, cantidad)</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Change it with `station --database-url` or in the settings file.</source>
        <translation>Se cambia con `station --database-url` o en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Archivo de configuración: %1</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>La estación necesita un nombre.</translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>No se pudo guardar la configuración: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>The new language shows the next time the station starts.</source>
        <translation>El nuevo idioma se verá la próxima vez que se inicie la estación.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Station name</source>
        <translation>Nombre de la estación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>&amp;Dispositivos</translation>
    </message>
    <message>
        <source>&amp;Plugins</source>
        <translation>&amp;Plugins</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>This is not a PostgreSQL address. It looks like postgresql://user:password@server/station.</source>
        <translation>Esta no es una dirección de PostgreSQL. Se parece a postgresql://usuario:clave@servidor/station.</translation>
    </message>
    <message>
        <source>Give the station a name (at most 100 characters).</source>
        <translation>Dele un nombre a la estación (máximo 100 caracteres).</translation>
    </message>
    <message>
        <source>The login is one word of at most 64 characters.</source>
        <translation>El usuario es una sola palabra de máximo 64 caracteres.</translation>
    </message>
    <message>
        <source>The PIN is 4 to 12 digits.</source>
        <translation>El PIN tiene de 4 a 12 dígitos.</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Type the PIN again.</source>
        <translation>Los dos PIN no coinciden. Escriba el PIN otra vez.</translation>
    </message>
    <message>
        <source>Type the PostgreSQL server&apos;s address, or choose This computer.</source>
        <translation>Escriba la dirección del servidor PostgreSQL, o elija Este computador.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Cannot connect to %1.
The server said: %2</source>
        <translation>No se puede conectar con %1.
El servidor respondió: %2</translation>
    </message>
    <message>
        <source>Connected: %1.</source>
        <translation>Conectado: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) will run when you finish.</source>
        <translation>
            <numerusform>Se ejecutará %n migración al terminar.</numerusform>
            <numerusform>Se ejecutarán %n migraciones al terminar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is up to date.</source>
        <translation>La base de datos está al día.</translation>
    </message>
    <message>
        <source>No serial port found. Type the scale&apos;s address, or leave it empty.</source>
        <translation>No se encontró ningún puerto serie. Escriba la dirección de la balanza o déjela vacía.</translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) found.</source>
        <translation>
            <numerusform>Se encontró %n puerto.</numerusform>
            <numerusform>Se encontraron %n puertos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for plugins…</source>
        <translation>Buscando complementos…</translation>
    </message>
    <message>
        <source>The plugins could not be listed: %1</source>
        <translation>No se pudieron listar los complementos: %1</translation>
    </message>
    <message>
        <source>Running migration %1 of %2…</source>
        <translation>Ejecutando la migración %1 de %2…</translation>
    </message>
    <message>
        <source>Creating the administrator and saving the settings…</source>
        <translation>Creando el administrador y guardando la configuración…</translation>
    </message>
    <message>
        <source>This station is ready on %1.</source>
        <translation>Esta estación está lista en %1.</translation>
    </message>
    <message>
        <source>Settings saved in %1. Press Finish to sign in.</source>
        <translation>Configuración guardada en %1. Presione Terminar para ingresar.</translation>
    </message>
    <message>
        <source>Setup did not finish; nothing was saved. Go Back to change the values.
%1</source>
        <translation>La configuración no terminó; no se guardó nada. Vuelva Atrás para cambiar los valores.
%1</translation>
    </message>
    <message>
        <source>The login %1 already exists in this database. Type that administrator&apos;s PIN.</source>
        <translation>El usuario %1 ya existe en esta base de datos. Escriba el PIN de ese administrador.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up this station</source>
        <translation>Configurar esta estación</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SlottingController</name>
    <message numerus="yes">
        <source>%n open suggestion(s) in %1</source>
        <translation>
            <numerusform>%n sugerencia abierta en %1</numerusform>
            <numerusform>%n sugerencias abiertas en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 m a day to save</source>
        <translation>%1 m al día por ahorrar</translation>
    </message>
    <message>
        <source>Looking for bins nearer to the pack stations…</source>
        <translation>Buscando ubicaciones más cerca de los puestos de embalaje…</translation>
    </message>
    <message numerus="yes">
        <source>%n new suggestion(s), best first</source>
        <translation>
            <numerusform>%n sugerencia nueva, la mejor primero</numerusform>
            <numerusform>%n sugerencias nuevas, las mejores primero</numerusform>
        </translation>
    </message>
    <message>
        <source>No new suggestions: the fast movers are as near as the free bins allow.</source>
        <translation>Sin sugerencias nuevas: los productos de alta rotación ya están tan cerca como lo permiten las ubicaciones libres.</translation>
    </message>
    <message>
        <source>Accepting…</source>
        <translation>Aceptando…</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Rechazando…</translation>
    </message>
    <message numerus="yes">
        <source>Accepted: %n move task(s) to do, scan the bin to move from</source>
        <translation>
            <numerusform>Aceptada: %n tarea de traslado por hacer, escanee la ubicación de origen</numerusform>
            <numerusform>Aceptadas: %n tareas de traslado por hacer, escanee la ubicación de origen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) rejected</source>
        <translation>
            <numerusform>%n sugerencia rechazada</numerusform>
            <numerusform>%n sugerencias rechazadas</numerusform>
        </translation>
    </message>
    <message>
        <source>No open move task takes units from %1</source>
        <translation>Ninguna tarea de traslado abierta saca unidades de %1</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Trasladando…</translation>
    </message>
    <message numerus="yes">
        <source>Task %1 done: %n unit(s) of %2 moved from %3 to %4</source>
        <translation>
            <numerusform>Tarea %1 lista: %n unidad de %2 trasladada de %3 a %4</numerusform>
            <numerusform>Tarea %1 lista: %n unidades de %2 trasladadas de %3 a %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan the bin to move from</source>
        <translation>Escanee la ubicación de origen</translation>
    </message>
    <message>
        <source>Scan the bin to move to</source>
        <translation>Escanee la ubicación de destino</translation>
    </message>
    <message numerus="yes">
        <source>Task %1: take %n unit(s) of %2 from %3, then scan %4</source>
        <translation>
            <numerusform>Tarea %1: saque %n unidad de %2 de %3 y luego escanee %4</numerusform>
            <numerusform>Tarea %1: saque %n unidades de %2 de %3 y luego escanee %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Slotting</source>
        <translation>Slotting</translation>
    </message>
</context>
<context>
    <name>SlottingModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Desde → hacia</translation>
    </message>
    <message>
        <source>m/day</source>
        <translation>m/día</translation>
    </message>
    <message>
        <source>Picks/d</source>
        <translation>Picks/d</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Swap with</source>
        <translation>Intercambio con</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
</context>
<context>
    <name>SlottingPanel</name>
    <message>
        <source>Suggest</source>
        <translation>Sugerir</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Move tasks</source>
        <translation>Tareas de traslado</translation>
    </message>
    <message>
        <source>Scan the bin to move from</source>
        <translation>Escanee la ubicación de origen</translation>
    </message>
    <message>
        <source>suggest</source>
        <translation>sugerir</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>aceptar</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>rechazar</translation>
    </message>
    <message>
        <source>scan a task</source>
        <translation>escanear una tarea</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The station cannot open its database:
%1

Reason: %2</source>
        <translation>La estación no puede abrir su base de datos:
%1

Motivo: %2</translation>
    </message>
    <message>
        <source>Check that the database server is running and that this computer can reach it on the network. If the address is wrong, start the station with --database-url, set STATION_DATABASE_URL, or change database_url in the settings file. Then start the station again.</source>
        <translation>Revisa que el servidor de base de datos esté funcionando y que este computador lo alcance por la red. Si la dirección está mal, inicia la estación con --database-url, define STATION_DATABASE_URL o cambia database_url en el archivo de configuración. Luego vuelve a iniciar la estación.</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problema de configuración</translation>
    </message>
    <message>
        <source>The settings file cannot be read:
%1</source>
        <translation>No se puede leer el archivo de configuración:
%1</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Problema con la base de datos</translation>
    </message>
    <message>
        <source>Demo data. Sign in as (login / PIN):</source>
        <translation>Datos de demostración. Ingresa como (usuario / PIN):</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>The name shown on the sign-in screen, on labels and in the audit log.</source>
        <translation>El nombre que aparece en la pantalla de ingreso, en las etiquetas y en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Station &amp;name</source>
        <translation>&amp;Nombre de la estación</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <source>packer</source>
        <translation>empacador</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>Estación: %1</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <source>Scale: %1</source>
        <translation>Balanza: %1</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Impresora: %1</translation>
    </message>
    <message>
        <source>Set the scale and printer in the settings file, section [devices].</source>
        <translation>Configura la balanza y la impresora en el archivo de configuración, sección [devices].</translation>
    </message>
    <message>
        <source>Plugins: loading…</source>
        <translation>Plugins: cargando…</translation>
    </message>
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
            <numerusform>%n con falla</numerusform>
            <numerusform>%n con fallas</numerusform>
        </translation>
    </message>
    <message>
        <source>All plugins loaded.</source>
        <translation>Todos los plugins cargaron bien.</translation>
    </message>
    <message>
        <source>Plugins: not loaded</source>
        <translation>Plugins: no cargados</translation>
    </message>
</context>
<context>
    <name>Summaries</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n pedido</numerusform>
            <numerusform>%n pedidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n order(s)</source>
        <translation>
            <numerusform>%1 de %n pedido</numerusform>
            <numerusform>%1 de %n pedidos</numerusform>
        </translation>
    </message>
    <message>
        <source>(the newest)</source>
        <translation>(los más recientes)</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n SKU(s)</source>
        <translation>
            <numerusform>%1 de %n SKU</numerusform>
            <numerusform>%1 de %n SKU</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableController</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not load the list: %1</source>
        <translation>No se pudo cargar la lista: %1</translation>
    </message>
</context>
<context>
    <name>TablePageView</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
</context>
<context>
    <name>TraceController</name>
    <message>
        <source>Scan a lot, a serial number or an order number.</source>
        <translation>Escanee un lote, un número de serie o un número de pedido.</translation>
    </message>
    <message>
        <source>A lot&apos;s GS1-128 label carries its product and lot; a lot code typed alone needs its SKU when several SKUs use it.</source>
        <translation>La etiqueta GS1-128 de un lote trae su producto y lote; un código de lote escrito solo necesita su SKU cuando varios SKU lo usan.</translation>
    </message>
    <message>
        <source>Scan or type a lot, a serial number or an order number first.</source>
        <translation>Primero escanee o escriba un lote, un número de serie o un número de pedido.</translation>
    </message>
    <message>
        <source>Tracing %1…</source>
        <translation>Rastreando %1…</translation>
    </message>
    <message>
        <source>Left in this order</source>
        <translation>Salió en este pedido</translation>
    </message>
    <message>
        <source>Shipped in</source>
        <translation>Despachado en</translation>
    </message>
    <message>
        <source>Nothing has left in an order yet.</source>
        <translation>Aún no ha salido nada en un pedido.</translation>
    </message>
    <message>
        <source>Nothing has left in this order.</source>
        <translation>No ha salido nada en este pedido.</translation>
    </message>
    <message>
        <source>Moves marked “inferred” do not carry this serial number in the ledger: its receipt is the inbound move of its SKU recorded together with it, and its order&apos;s moves are that order&apos;s moves of its SKU.</source>
        <translation>Los movimientos marcados «inferido» no llevan este número de serie en el registro: su recepción es la entrada de su SKU registrada junto con él, y los movimientos de su pedido son los de ese pedido para su SKU.</translation>
    </message>
    <message>
        <source>received on PO %1 from %2 (%3)</source>
        <translation>recibido con la OC %1 de %2 (%3)</translation>
    </message>
    <message>
        <source>Lot %1 of %2</source>
        <translation>Lote %1 de %2</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>vence %1</translation>
    </message>
    <message>
        <source>Received %1 · shipped %2 · on hand %3</source>
        <translation>Recibido %1 · despachado %2 · en stock %3</translation>
    </message>
    <message>
        <source>Serial number %1 of %2</source>
        <translation>Número de serie %1 de %2</translation>
    </message>
    <message>
        <source>left in order %1 to %2</source>
        <translation>salió en el pedido %1 para %2</translation>
    </message>
    <message>
        <source>now in %1</source>
        <translation>ahora en %1</translation>
    </message>
    <message>
        <source>not in any location</source>
        <translation>no está en ninguna ubicación</translation>
    </message>
    <message>
        <source>Order %1 (%2) for %3</source>
        <translation>Pedido %1 (%2) para %3</translation>
    </message>
    <message>
        <source>no shipment yet</source>
        <translation>aún sin envío</translation>
    </message>
    <message>
        <source>shipped %1</source>
        <translation>despachado %1</translation>
    </message>
    <message>
        <source>Could not trace it: %1</source>
        <translation>No se pudo rastrear: %1</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trazabilidad</translation>
    </message>
</context>
<context>
    <name>TraceTables</name>
    <message>
        <source>PO %1 · %2</source>
        <translation>OC %1 · %2</translation>
    </message>
    <message>
        <source>Order %1 · %2</source>
        <translation>Pedido %1 · %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hacia</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>inferido</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Despachado</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>N° de seguimiento</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation>Números de serie</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>Scan a lot (GS1-128), a serial number or an order number, then Enter</source>
        <translation>Escanee un lote (GS1-128), un número de serie o un número de pedido y presione Enter</translation>
    </message>
    <message>
        <source>SKU (if the lot needs it)</source>
        <translation>SKU (si el lote lo necesita)</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Rastrear</translation>
    </message>
    <message>
        <source>Timeline, oldest first</source>
        <translation>Historial, del más antiguo al más reciente</translation>
    </message>
</context>
<context>
    <name>TransferTexts</name>
    <message>
        <source>dispatch</source>
        <translation>despachar</translation>
    </message>
    <message>
        <source>cancel a draft</source>
        <translation>anular un borrador</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Supr</translation>
    </message>
    <message>
        <source>choose</source>
        <translation>elegir</translation>
    </message>
    <message>
        <source>other scan field</source>
        <translation>otro campo de escaneo</translation>
    </message>
    <message>
        <source>drop the scans</source>
        <translation>descartar lo escaneado</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>actualizar</translation>
    </message>
    <message>
        <source>This station: %1 — %2</source>
        <translation>Esta estación: %1 — %2</translation>
    </message>
    <message>
        <source>New transfer · next: scan the bin to take from.</source>
        <translation>Nuevo traspaso · siguiente: escanea la ubicación de origen.</translation>
    </message>
    <message>
        <source>scanned: %1 · next: scan the bin they go onto</source>
        <translation>escaneado: %1 · siguiente: escanea la ubicación donde quedan</translation>
    </message>
    <message>
        <source>One moment: the last scan is still being checked.</source>
        <translation>Un momento: aún se está revisando el último escaneo.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>× %1: now scan the item.</source>
        <translation>× %1: ahora escanea el producto.</translation>
    </message>
    <message>
        <source>No transfer %1 from or to %2.</source>
        <translation>No hay traspaso %1 desde ni hacia %2.</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 está %2.</translation>
    </message>
    <message>
        <source>%1 is not on its way in %2.</source>
        <translation>%1 no viene en %2.</translation>
    </message>
    <message>
        <source>Only %1 of %2 still on its way in %3.</source>
        <translation>Solo vienen %1 de %2 en %3.</translation>
    </message>
    <message>
        <source>%1 of %2: scan more items, or the bin they go onto.</source>
        <translation>%1 de %2: escanea más productos o la ubicación donde quedan.</translation>
    </message>
    <message>
        <source>From %1: scan its items (type a count first for several).</source>
        <translation>Desde %1: escanea sus productos (escribe antes una cantidad para varios).</translation>
    </message>
    <message>
        <source>Scan the bin to take from first (%1 is an item).</source>
        <translation>Primero escanea la ubicación de origen (%1 es un producto).</translation>
    </message>
    <message>
        <source>%1 holds only %2 of %3; %4 scanned.</source>
        <translation>%1 tiene solo %2 de %3; se escanearon %4.</translation>
    </message>
    <message>
        <source>There is no other warehouse to send to from %1.</source>
        <translation>No hay otra bodega a la que enviar desde %1.</translation>
    </message>
    <message>
        <source>Scan a bin and its items first.</source>
        <translation>Primero escanea una ubicación y sus productos.</translation>
    </message>
    <message>
        <source>new transfer</source>
        <translation>nuevo traspaso</translation>
    </message>
    <message>
        <source>create it / receive onto the dock</source>
        <translation>crearlo / recibir en el andén</translation>
    </message>
    <message>
        <source>Create (Ctrl+Enter)</source>
        <translation>Crear (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New transfer (Ctrl+N)</source>
        <translation>Nuevo traspaso (Ctrl+N)</translation>
    </message>
    <message>
        <source>New transfer · %1 · Ctrl+Enter creates it, Esc drops it.</source>
        <translation>Nuevo traspaso · %1 · Ctrl+Enter lo crea, Esc lo descarta.</translation>
    </message>
    <message>
        <source>Ctrl+N starts a new transfer; scan a transfer number to choose it.</source>
        <translation>Ctrl+N inicia un traspaso nuevo; escanea el número de un traspaso para elegirlo.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 → %3 · %4 · %5 of %n unit(s) arrived</source>
        <translation>
            <numerusform>%1 · %2 → %3 · %4 · llegó %5 de %n unidad</numerusform>
            <numerusform>%1 · %2 → %3 · %4 · llegaron %5 de %n unidades</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Ctrl+N to start a new transfer, or scan the number of a transfer on its way here to receive it.</source>
        <translation>Presiona Ctrl+N para iniciar un traspaso nuevo, o escanea el número de un traspaso que viene hacia acá para recibirlo.</translation>
    </message>
    <message>
        <source>%1 is a draft: Ctrl+D dispatches it, Ctrl+Del cancels it.</source>
        <translation>%1 es un borrador: Ctrl+D lo despacha, Ctrl+Supr lo anula.</translation>
    </message>
    <message>
        <source>%1 is on its way here: scan its items, then the bin they go onto (Ctrl+Enter: all onto the dock).</source>
        <translation>%1 viene hacia acá: escanea sus productos y luego la ubicación donde quedan (Ctrl+Enter: todo al andén).</translation>
    </message>
    <message>
        <source>%1 · scan more, another bin, or Ctrl+Enter to create the transfer.</source>
        <translation>%1 · escanea más, otra ubicación, o Ctrl+Enter para crear el traspaso.</translation>
    </message>
    <message>
        <source>New transfer to %1: scan the bin to take from, then its items. Ctrl+Enter creates it, Esc drops it.</source>
        <translation>Nuevo traspaso a %1: escanea la ubicación de origen y luego sus productos. Ctrl+Enter lo crea, Esc lo descarta.</translation>
    </message>
    <message numerus="yes">
        <source>%1 created: %n unit(s) to %2. Ctrl+D dispatches it.</source>
        <translation>
            <numerusform>%1 creado: %n unidad a %2. Ctrl+D lo despacha.</numerusform>
            <numerusform>%1 creado: %n unidades a %2. Ctrl+D lo despacha.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a draft transfer to dispatch (scan its number or use ↑/↓).</source>
        <translation>Elige un traspaso en borrador para despachar (escanea su número o usa ↑/↓).</translation>
    </message>
    <message numerus="yes">
        <source>%1 is on its way to %2: %n unit(s) in transit.</source>
        <translation>
            <numerusform>%1 va camino a %2: %n unidad en tránsito.</numerusform>
            <numerusform>%1 va camino a %2: %n unidades en tránsito.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a draft can be cancelled; a transfer in transit is received where it arrives.</source>
        <translation>Solo se puede anular un borrador; un traspaso en tránsito se recibe donde llega.</translation>
    </message>
    <message>
        <source>%1 cancelled; nothing had moved.</source>
        <translation>%1 anulado; no se había movido nada.</translation>
    </message>
    <message>
        <source>Choose a transfer on its way to %1 to receive it.</source>
        <translation>Elige un traspaso que viene hacia %1 para recibirlo.</translation>
    </message>
    <message>
        <source>the dock</source>
        <translation>el andén</translation>
    </message>
    <message numerus="yes">
        <source>%1 received in full: %n unit(s) arrived; the last onto %2.</source>
        <translation>
            <numerusform>%1 recibido completo: llegó %n unidad; la última a %2.</numerusform>
            <numerusform>%1 recibido completo: llegaron %n unidades; las últimas a %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of %1 received onto %2; %3 still on the way.</source>
        <translation>
            <numerusform>%n unidad de %1 recibida en %2; aún vienen %3.</numerusform>
            <numerusform>%n unidades de %1 recibidas en %2; aún vienen %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransfersController</name>
    <message>
        <source>Transfers</source>
        <translation>Traspasos</translation>
    </message>
</context>
<context>
    <name>TransfersTable</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>En tránsito</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hacia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegadas</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
</context>
<context>
    <name>TransfersView</name>
    <message>
        <source>Move between bins</source>
        <translation>Mover entre ubicaciones</translation>
    </message>
    <message>
        <source>Scan the bin to take from, then items, then the bin they go to</source>
        <translation>Escanea la ubicación de origen, luego los productos y luego la ubicación de destino</translation>
    </message>
    <message>
        <source>Transfers between warehouses</source>
        <translation>Traspasos entre bodegas</translation>
    </message>
    <message>
        <source>Scan a transfer number, a bin or an item</source>
        <translation>Escanea un número de traspaso, una ubicación o un producto</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <source>New transfer (Ctrl+N)</source>
        <translation>Nuevo traspaso (Ctrl+N)</translation>
    </message>
    <message>
        <source>Dispatch (Ctrl+D)</source>
        <translation>Despachar (Ctrl+D)</translation>
    </message>
    <message>
        <source>Receive (Ctrl+Enter)</source>
        <translation>Recibir (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Ctrl+Del)</source>
        <translation>Anular (Ctrl+Supr)</translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation>Actualizar (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>VariantsGridModel</name>
    <message>
        <source>on save</source>
        <translation>al guardar</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>guardado</translation>
    </message>
    <message>
        <source>back</source>
        <translation>reactivado</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <source>Weight g</source>
        <translation>Peso g</translation>
    </message>
    <message>
        <source>L × W × H mm</source>
        <translation>L × An × Al mm</translation>
    </message>
    <message>
        <source>Price CLP</source>
        <translation>Precio CLP</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
</context>
<context>
    <name>WeighPanel</name>
    <message>
        <source>WEIGHT</source>
        <translation>PESO</translation>
    </message>
    <message>
        <source>BOX</source>
        <translation>CAJA</translation>
    </message>
</context>
<context>
    <name>_OpeningView</name>
    <message>
        <source>Opening the database…
%1</source>
        <translation>Abriendo la base de datos…
%1</translation>
    </message>
</context>
</TS>
