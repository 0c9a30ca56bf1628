<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CL">
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
        <translation>Stock físico</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
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
    <name>PlaceholderView</name>
    <message>
        <source>%1 is not built yet.</source>
        <translation>La vista %1 todavía no está construida.</translation>
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
